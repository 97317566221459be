"""The SPARQL 1.1 Service Description, answered at `GET /sparql` without a query."""

from __future__ import annotations

import json

from fastapi import Request
from fastapi.responses import Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from proveniens.service.errors import NotAcceptable
from proveniens.service.sparql.backend.jobs import GRAPH_FORMATS, QueryJob
from proveniens.service.sparql.negotiation import negotiate

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

_FORMAT_IRIS = {
    "application/sparql-results+json": FORMATS["SPARQL_Results_JSON"],
    "application/sparql-results+xml": FORMATS["SPARQL_Results_XML"],
    "text/csv": FORMATS["SPARQL_Results_CSV"],
    "text/tab-separated-values": FORMATS["SPARQL_Results_TSV"],
    "text/turtle": FORMATS["Turtle"],
    "application/n-triples": FORMATS["N-Triples"],
    "application/ld+json": FORMATS["JSON-LD"],
    "application/rdf+xml": FORMATS["RDF_XML"],
    "application/trig": FORMATS["TriG"],
    "application/n-quads": FORMATS["N-Quads"],
}
_SERIALIZERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}

_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g"


async def _named_graphs(request: Request) -> list[str]:
    known = await request.app.state.backend.graph_names()
    if known is not None:
        return sorted(known)
    _, body = await request.app.state.backend.run(QueryJob(_GRAPHS, results_media="application/sparql-results+json"))
    data = b"".join([chunk async for chunk in body])
    return [row["g"]["value"] for row in json.loads(data)["results"]["bindings"]]


def service_graph(endpoint: str, named_graphs: list[str], union_default: bool) -> Graph:
    g = Graph()
    g.bind("sd", SD)
    service = URIRef(endpoint + "#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for iri in _FORMAT_IRIS.values():
        g.add((service, SD.resultFormat, iri))
    if union_default:
        g.add((service, SD.feature, SD.UnionDefaultGraph))
    dataset = BNode("dataset")
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    default = BNode("default")
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    for name in named_graphs:
        node = BNode()
        g.add((dataset, SD.namedGraph, node))
        g.add((node, RDF.type, SD.NamedGraph))
        g.add((node, SD.name, URIRef(name)))
    g.add((service, URIRef("http://purl.org/dc/terms/title"), Literal("Proveniens SPARQL endpoint", lang="en")))
    return g


async def describe_service(request: Request, accept: str | None) -> Response:
    media = negotiate(accept, list(GRAPH_FORMATS))
    if media is None:
        raise NotAcceptable(
            f"None of the accepted types ({accept}) is offered for the service description. "
            f"Offered: {', '.join(GRAPH_FORMATS)}."
        )
    graphs = await _named_graphs(request)
    endpoint = str(request.url.replace(query=""))
    graph = service_graph(endpoint, graphs, request.app.state.settings.union_default_graph)
    body = graph.serialize(format=_SERIALIZERS[media], encoding="utf-8")
    return Response(body, media_type=f"{media}; charset=utf-8", headers={"Vary": "Accept"})

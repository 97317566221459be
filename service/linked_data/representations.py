"""The representations of a linked-data document: which formats, which one a request gets, and the headers.

Every document (a resource's description, the ontology, the shapes, the dataset description) is
offered as Turtle, HTML, JSON-LD, N-Triples and RDF/XML; a resource's description also as TriG and
N-Quads, which keep the named graph of every triple. A request picks one with `?format=` (a link a
browser can follow) or with `Accept` (q-values honoured, `negotiate` from negotiation.py); nothing
acceptable is 406 with the list of what is offered. Every answer carries `Vary`, a `Link` to each
alternate and to the canonical IRI, and an `ETag` (caching.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import Response
from rdflib import Dataset, Graph, Namespace
from rdflib.term import URIRef

from proveniens.namespaces import PREFIXES, PVS
from proveniens.service.errors import NotAcceptable
from proveniens.service.sparql.negotiation import FORMAT_NAMES, negotiate


@dataclass(frozen=True)
class Format:
    """One representation: its short name (for `?format=`), media type and rdflib serializer (None: HTML)."""

    key: str
    media: str
    serializer: str | None
    quads: bool = False


TURTLE = Format("turtle", "text/turtle", "turtle")
HTML = Format("html", "text/html", None)
JSONLD = Format("jsonld", "application/ld+json", "json-ld")
NTRIPLES = Format("ntriples", "application/n-triples", "nt")
RDFXML = Format("rdfxml", "application/rdf+xml", "xml")
TRIG = Format("trig", "application/trig", "trig", quads=True)
NQUADS = Format("nquads", "application/n-quads", "nquads", quads=True)

# Turtle first: a client that accepts anything (curl, a crawler) gets data; browsers ask for HTML.
DOCUMENT_FORMATS = (TURTLE, HTML, JSONLD, NTRIPLES, RDFXML)
DESCRIPTION_FORMATS = (*DOCUMENT_FORMATS, TRIG, NQUADS)

VARY = "Accept, Accept-Language"
CACHE_CONTROL = "public, no-cache"  # keep it, but ask again each time: a 304 costs no query

_BY_NAME = {f.key: f for f in DESCRIPTION_FORMATS} | {
    name: f for name, media in FORMAT_NAMES.items() for f in DESCRIPTION_FORMATS if f.media == media
}
# Generic types that stand for one of ours here (negotiation.py maps them to SPARQL results instead).
_ACCEPT_ALIASES = {
    "application/json": "application/ld+json",
    "application/xhtml+xml": "text/html",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
    "application/x-trig": "application/trig",
}

KNOWN_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "pvs": str(PVS),
    "sh": "http://www.w3.org/ns/shacl#",
    "void": "http://rdfs.org/ns/void#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "vann": "http://purl.org/vocab/vann/",
    "besluit": "http://data.vlaanderen.be/ns/besluit#",
    "formats": "http://www.w3.org/ns/formats/",
}


def choose(request: Request, offered: Sequence[Format]) -> Format | None:
    """The format asked for by `?format=`, else by `Accept`; None when nothing offered is acceptable."""
    if name := request.query_params.get("format"):
        wanted = _BY_NAME.get(name.lower())
        return wanted if wanted in offered else None
    accept = request.headers.get("accept")
    if accept:
        ranges = []
        for part in accept.split(","):
            media, sep, params = part.strip().partition(";")
            ranges.append(_ACCEPT_ALIASES.get(media.strip().lower(), media.strip()) + sep + params)
        accept = ", ".join(ranges)
    media = negotiate(accept, [f.media for f in offered])
    return next((f for f in offered if f.media == media), None)


def not_acceptable(request: Request, offered: Sequence[Format]) -> NotAcceptable:
    """The 406 to raise when `choose` found nothing, listing what is offered."""
    asked = request.query_params.get("format") or request.headers.get("accept")
    listing = ", ".join(f"{f.media} (format={f.key})" for f in offered)
    return NotAcceptable(f"None of the accepted types ({asked}) is offered for this document. Offered: {listing}.")


def _url(path: str, params: list[tuple[str, str]]) -> str:
    safe = quote(path, safe="/:@!$&'()*+,;=-._~")
    return safe + ("?" + urlencode(params) if params else "")


def headers(request: Request, offered: Sequence[Format], tag: str | None, canonical: str | None) -> dict[str, str]:
    """Vary, Cache-Control, ETag and a Link to every alternate (`?format=…`) and to the canonical IRI."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in ("format",)]
    links = [
        f'<{_url(request.url.path, [*kept, ("format", f.key)])}>; rel="alternate"; type="{f.media}"' for f in offered
    ]
    if canonical:
        links.insert(0, f'<{quote(canonical, safe=":/?#[]@!$&()*+,;=-._~%")}>; rel="canonical"')
    out = {"Vary": VARY, "Cache-Control": CACHE_CONTROL, "Link": ", ".join(links)}
    if tag:
        out["ETag"] = tag
    return out


def bind_prefixes(graph: Graph | Dataset) -> None:
    """Bind the prefixes of the vocabularies the project uses (serializers only print those in use)."""
    for prefix, namespace in KNOWN_PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True, replace=True)


def _context(graph: Graph) -> dict[str, str]:
    used = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    return {p: ns for p, ns in KNOWN_PREFIXES.items() if any(u.startswith(ns) for u in used)}


def serialize(fmt: Format, graph: Graph, dataset: Dataset | None = None) -> bytes:
    """`graph` in a triple format; `dataset` (named graphs kept) in a quad format, or `graph` when there is none."""
    assert fmt.serializer is not None, "HTML is rendered, not serialized"
    if fmt.quads:
        assert dataset is not None, f"{fmt.media} needs the named graphs"
        bind_prefixes(dataset)
        return dataset.serialize(format=fmt.serializer, encoding="utf-8")
    bind_prefixes(graph)
    if fmt is JSONLD:
        return graph.serialize(format="json-ld", encoding="utf-8", context=_context(graph), auto_compact=True)
    return graph.serialize(format=fmt.serializer, encoding="utf-8")


def respond(
    request: Request,
    fmt: Format,
    body: bytes,
    offered: Sequence[Format],
    tag: str | None,
    canonical: str | None,
    language: str | None = None,
) -> Response:
    """The 200 answer with every linked-data header (callers answer 304 before they render)."""
    out = headers(request, offered, tag, canonical)
    if language and fmt is HTML:
        out["Content-Language"] = language
    return Response(body, media_type=f"{fmt.media}; charset=utf-8", headers=out)

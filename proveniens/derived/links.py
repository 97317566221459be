"""Links out to the Swedish legal-information identifiers, derived at build time from the documents' own identity.

An SOU, a proposition, a law or a committee directive gets

- `owl:sameAs` its rinfo IRI (`http://rinfo.lagrummet.se/publ/…`), minted by rinfo's URI algorithm
  from the same series, year and running number (`…/publ/utr/sou/2020:19`, `…/publ/prop/2019/20:164`,
  `…/publ/sfs/2017:30`, `…/publ/dir/2017:24`), and
- `rdfs:seeAlso` its lagen.nu page (`https://lagen.nu/sou/2020:19`, `https://lagen.nu/prop/2019/20:164`,
  `https://lagen.nu/2017:30`, `https://lagen.nu/dir/2017:24`), lagen.nu's own pattern.

A link is made only when the identity is certain: the resource has the document class, exactly one
`dcterms:identifier` in the printed form ("SOU 2020:19", "Prop. 2019/20:164", "SFS 2017:30",
"Dir. 2017:24"), an IRI that says the same year and number, and no `rpubl:arsutgava`,
`rpubl:lopnummer` or `rpubl:utrSerie` that says otherwise. Anything less gives no link.
Provisions get none: lagen.nu's fragment for a lettered section ("2 a §") is not documented.

The links go into their own named graph, `https://w3id.org/proveniens/graph/links`. The build
finds them in its candidate store (`store_links`); `links_graph` does the same over rdflib graphs and
is the reference the store path is tested against.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS
from rdflib.term import Node

from proveniens.graph_delta import GraphDelta, Triple
from proveniens.namespaces import BASE, GRAPH, INST, RPUBL
from proveniens.shacl_sparql.run import to_rdflib
from proveniens.storage.store import build_query

LINKS_GRAPH = GRAPH["links"]
LOADER = "links"

RINFO_PUBL = "http://rinfo.lagrummet.se/publ/"
LAGEN_NU = "https://lagen.nu/"
SOU_SERIES = INST["serie/sou"]

_NUMBER = r"(?P<number>[1-9][0-9]*)"
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"
# A riksmöte: "2019/20", or "1999/2000" across a century.
_SESSION = r"(?P<year>(?:19|20)[0-9]{2}/(?:[0-9]{2}|(?:19|20)[0-9]{2}))"


@dataclass(frozen=True)
class _Kind:
    """One kind of document: its class, how its IRI and identifier are written, and where it links."""

    cls: URIRef
    iri: re.Pattern[str]
    identifier: re.Pattern[str]
    rinfo: str  # format string with {year} and {number}
    lagen_nu: str

    def parse(self, iri: str, identifier: str) -> tuple[str, str] | None:
        """(year, number) when the IRI and the identifier name the same document, else None."""
        by_iri = self.iri.fullmatch(iri)
        by_identifier = self.identifier.fullmatch(identifier)
        if by_iri is None or by_identifier is None:
            return None
        found = by_iri.group("year", "number")
        return found if found == by_identifier.group("year", "number") else None


KINDS = (
    _Kind(
        RPUBL.Utredningsbetankande,
        re.compile(re.escape(BASE) + f"sou/{_YEAR}:{_NUMBER}"),
        re.compile(f"SOU {_YEAR}:{_NUMBER}"),
        RINFO_PUBL + "utr/sou/{year}:{number}",
        LAGEN_NU + "sou/{year}:{number}",
    ),
    _Kind(
        RPUBL.Proposition,
        re.compile(re.escape(BASE) + f"prop/{_SESSION}:{_NUMBER}"),
        re.compile(f"Prop\\. {_SESSION}:{_NUMBER}"),
        RINFO_PUBL + "prop/{year}:{number}",
        LAGEN_NU + "prop/{year}:{number}",
    ),
    _Kind(
        RPUBL.Lag,
        re.compile(re.escape(BASE) + f"sfs/{_YEAR}:{_NUMBER}"),
        re.compile(f"SFS {_YEAR}:{_NUMBER}"),
        RINFO_PUBL + "sfs/{year}:{number}",
        LAGEN_NU + "{year}:{number}",
    ),
    _Kind(
        RPUBL.Kommittedirektiv,
        re.compile(re.escape(BASE) + f"dir/{_YEAR}:{_NUMBER}"),
        re.compile(f"Dir\\. {_YEAR}:{_NUMBER}"),
        RINFO_PUBL + "dir/{year}:{number}",
        LAGEN_NU + "dir/{year}:{number}",
    ),
)


# The statements `_certain` reads, and all `queries/candidate/link_identities.rq` fetches.
IDENTITY = (DCTERMS.identifier, RPUBL.arsutgava, RPUBL.lopnummer, RPUBL.utrSerie)

# A document's values of each `IDENTITY` property (a property it does not state may be missing).
Stated = Mapping[URIRef, Set[Node]]


def _single_text(stated: Stated, predicate: URIRef) -> str | None:
    """The one literal value of `predicate`, '' when there is none, None when there are several or a non-literal."""
    values = stated.get(predicate, set())
    if not values:
        return ""
    if len(values) > 1:
        return None
    (value,) = values
    return str(value) if isinstance(value, Literal) else None


def _certain(stated: Stated, subject: URIRef, kind: _Kind) -> tuple[str, str] | None:
    identifier = _single_text(stated, DCTERMS.identifier)
    if not identifier:
        return None
    found = kind.parse(str(subject), identifier)
    if found is None:
        return None
    year, number = found
    # Stated parts of the identity must agree with it; absent ones are fine.
    for predicate, expected in ((RPUBL.arsutgava, year), (RPUBL.lopnummer, number)):
        text = _single_text(stated, predicate)
        if text is None or text not in ("", expected):
            return None
    if kind.cls == RPUBL.Utredningsbetankande and stated.get(RPUBL.utrSerie, set()) - {SOU_SERIES}:
        return None
    return found


def _add_links(links: Graph, subject: URIRef, stated: Stated, kind: _Kind) -> None:
    """owl:sameAs (rinfo) and rdfs:seeAlso (lagen.nu) for `subject` when its identity is certain."""
    found = _certain(stated, subject, kind)
    if found is None:
        return
    year, number = found
    links.add((subject, OWL.sameAs, URIRef(kind.rinfo.format(year=year, number=number))))
    links.add((subject, RDFS.seeAlso, URIRef(kind.lagen_nu.format(year=year, number=number))))


def _links() -> Graph:
    links = Graph()
    links.bind("owl", OWL)
    links.bind("rdfs", RDFS)
    return links


def external_links(graph: Graph) -> Graph:
    """owl:sameAs (rinfo) and rdfs:seeAlso (lagen.nu) for every document in `graph` whose identity is certain."""
    links = _links()
    for kind in KINDS:
        for subject in set(graph.subjects(RDF.type, kind.cls)):
            if isinstance(subject, URIRef):
                _add_links(links, subject, {p: set(graph.objects(subject, p)) for p in IDENTITY}, kind)
    return links


def links_graph(graphs: Iterable[tuple[URIRef, Graph]]) -> Graph:
    """`external_links` over the union of rdflib graphs: the reference `store_links` is tested against."""
    union = Graph()
    for _, graph in graphs:
        union += graph
    return external_links(union)


def store_links(store: ox.Store, derived: Set[URIRef]) -> Graph:
    """The links graph for a build, found in its candidate store: `external_links` over its source graphs.

    The build publishes the result as `LINKS_GRAPH`. What the graphs in `derived` (the build's own)
    say is not looked at. A query finds each document of a linked class and what it states of its
    identity, so only those few statements leave the store."""
    links = _links()
    for kind in KINDS:
        for subject, values in _stated(store, kind, derived).items():
            _add_links(links, subject, values, kind)
    return links


def _stated(
    store: ox.Store, kind: _Kind, derived: Set[URIRef], document: ox.NamedNode | None = None
) -> dict[URIRef, Stated]:
    """Each document of the kind (or `document` alone, if of the kind) and its identity as the source graphs state."""
    skip = {ox.NamedNode(str(name)) for name in derived}
    bound = {ox.Variable("class"): ox.NamedNode(str(kind.cls))}
    if document is not None:
        bound[ox.Variable("document")] = document
    stated: defaultdict[URIRef, defaultdict[URIRef, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for row in store.query(build_query("link_identities.rq"), substitutions=bound):  # type: ignore[union-attr]
        if row["graph"] in skip:
            continue
        values = stated[URIRef(row["document"].value)]
        if row["property"] is not None and row["stated"] not in skip:
            values[URIRef(row["property"].value)].add(to_rdflib(row["value"]))  # type: ignore[arg-type]
    return dict(stated)


def update_links(store: ox.Store, change: GraphDelta, derived: Set[URIRef]) -> set[Triple]:
    """Bring the links graph in `store` (the previous build's) up to date with a change of the source graphs.

    A document's links follow from its own statements alone, its type of a linked class and its
    `IDENTITY`: only the subjects of such changed triples are looked at again, their links
    dropped and found anew. The result equals `store_links` (tests/linked_data/test_links.py).
    Returns the link triples removed or written (the description counts them)."""
    classes = {str(kind.cls) for kind in KINDS}
    identity = {str(p) for p in IDENTITY}
    subjects = {
        s
        for s, p, o in change.triples
        if isinstance(s, ox.NamedNode) and (p.value in identity or (p.value == str(RDF.type) and o.value in classes))
    }
    graph = ox.NamedNode(str(LINKS_GRAPH))
    touched: set[Triple] = set()
    for subject in subjects:
        for quad in list(store.quads_for_pattern(subject, None, None, graph)):
            store.remove(quad)
            touched.add((quad.subject, quad.predicate, quad.object))  # type: ignore[arg-type]
        links = Graph()
        for kind in KINDS:
            for document, values in _stated(store, kind, derived, subject).items():
                _add_links(links, document, values, kind)
        quads = [ox.Quad(*(ox.NamedNode(str(term)) for term in triple), graph) for triple in links]
        store.extend(quads)
        touched.update((q.subject, q.predicate, q.object) for q in quads)  # type: ignore[misc]
    return touched

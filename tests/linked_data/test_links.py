"""Links out to rinfo and lagen.nu, made only where the document's identity is certain.

The expected IRIs follow the patterns in shared/fixtures: rinfo's URI-minting test cases
(`rinfo-rdl/…/uri_algorithm/tests/publ.atom`: …/publ/prop/2002/03:20, …/publ/utr/sou/2000:114,
…/publ/dir/1999:42, …/publ/sfs/1999:175) and lagen.nu's own RDF in the ferenda fixtures
(https://lagen.nu/prop/2013/14:51, https://lagen.nu/sou/2013:75, https://lagen.nu/dir/2014:158,
https://lagen.nu/2010:110 for SFS 2010:110, owl:sameAs the rinfo IRI).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDFS

from proveniens.derived.links import external_links, links_graph
from proveniens.namespaces import PREFIXES

FIXTURES = Path(__file__).resolve().parent / "fixtures"  # copied from shared/fixtures, licences beside them
TURTLE_PREFIXES = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()) + (
    "@base <https://w3id.org/proveniens/> .\n"
)


def links_for(turtle: str) -> set[tuple[str, str, str]]:
    graph = Graph().parse(data=TURTLE_PREFIXES + turtle, format="turtle")
    out = external_links(graph)
    names = {OWL.sameAs: "sameAs", RDFS.seeAlso: "seeAlso"}
    return {(str(s), names[p], str(o)) for s, p, o in out}  # type: ignore[index]


B = "https://w3id.org/proveniens/"


@pytest.mark.parametrize(
    ("turtle", "iri", "rinfo", "lagen_nu"),
    [
        (
            '<sou/2000:114> a rpubl:Utredningsbetankande ; dcterms:identifier "SOU 2000:114" ; '
            'rpubl:arsutgava "2000" ; rpubl:lopnummer "114" ; rpubl:utrSerie <serie/sou> .',
            "sou/2000:114",
            "http://rinfo.lagrummet.se/publ/utr/sou/2000:114",
            "https://lagen.nu/sou/2000:114",
        ),
        (
            '<prop/2002/03:20> a rpubl:Proposition ; dcterms:identifier "Prop. 2002/03:20" ; '
            'rpubl:arsutgava "2002/03" .',
            "prop/2002/03:20",
            "http://rinfo.lagrummet.se/publ/prop/2002/03:20",
            "https://lagen.nu/prop/2002/03:20",
        ),
        (
            '<prop/1999/2000:17> a rpubl:Proposition ; dcterms:identifier "Prop. 1999/2000:17" .',
            "prop/1999/2000:17",
            "http://rinfo.lagrummet.se/publ/prop/1999/2000:17",
            "https://lagen.nu/prop/1999/2000:17",
        ),
        (
            '<sfs/1999:175> a rpubl:Lag ; dcterms:identifier "SFS 1999:175" .',
            "sfs/1999:175",
            "http://rinfo.lagrummet.se/publ/sfs/1999:175",
            "https://lagen.nu/1999:175",
        ),
        (
            '<dir/1999:42> a rpubl:Kommittedirektiv ; dcterms:identifier "Dir. 1999:42" .',
            "dir/1999:42",
            "http://rinfo.lagrummet.se/publ/dir/1999:42",
            "https://lagen.nu/dir/1999:42",
        ),
    ],
)
def test_certain_identity_links_to_rinfo_and_lagen_nu(turtle: str, iri: str, rinfo: str, lagen_nu: str) -> None:
    assert links_for(turtle) == {(B + iri, "sameAs", rinfo), (B + iri, "seeAlso", lagen_nu)}


@pytest.mark.parametrize(
    "turtle",
    [
        '<sou/2020:19> a rpubl:Utredningsbetankande ; dcterms:identifier "SOU 2020:18" .',  # IRI and identifier differ
        '<sou/2020:19> a rpubl:Utredningsbetankande ; dcterms:identifier "SOU 2020:19", "SOU 2020:18" .',
        '<sou/2020:19> a rpubl:Utredningsbetankande ; dcterms:identifier "SOU 2020:19" ; rpubl:lopnummer "18" .',
        '<sou/2020:19> a rpubl:Utredningsbetankande ; dcterms:identifier "SOU 2020:19" ; rpubl:utrSerie <serie/ds> .',
        '<sou/2020:19> a rpubl:Proposition ; dcterms:identifier "SOU 2020:19" .',  # the wrong class
        '<sou/2020:19> dcterms:identifier "SOU 2020:19" .',  # no class
        "<sou/2020:19> a rpubl:Utredningsbetankande .",  # no identifier
        '<sou/2020:19> a rpubl:Utredningsbetankande ; dcterms:identifier "2020:19" .',  # not as printed
        '<prop/2019/20:164> a rpubl:Proposition ; dcterms:identifier "Prop. 2019/20:164" ; rpubl:arsutgava "2019" .',
        '<sfs/2017:30/K7P2a> a pv:Provision ; dcterms:identifier "SFS 2017:30" .',  # provisions get none
        '<http://example.org/sou/2020:19> a rpubl:Utredningsbetankande ; dcterms:identifier "SOU 2020:19" .',
    ],
)
def test_uncertain_identity_gives_no_link(turtle: str) -> None:
    assert links_for(turtle) == set()


def test_every_bundled_document_links_out(bundled_store: ox.Store) -> None:
    graphs = [
        (
            URIRef(g.value),
            Graph().parse(data=bundled_store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g), format="nt"),
        )
        for g in bundled_store.named_graphs()
    ]
    links = links_graph(graphs)
    documents = {
        row["s"].value
        for row in bundled_store.query(
            "SELECT DISTINCT ?s { GRAPH ?g { ?s a ?c } VALUES ?c { rpubl:Utredningsbetankande rpubl:Proposition "
            "rpubl:Lag rpubl:Kommittedirektiv } }",
            prefixes={"rpubl": "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#"},
        )
    }
    linked = {str(s) for s in links.subjects(OWL.sameAs)}
    assert len(documents) >= 8 and documents == linked, sorted(documents ^ linked)
    assert (URIRef(B + "sfs/2017:30"), RDFS.seeAlso, URIRef("https://lagen.nu/2017:30")) in links


FIXTURE_DOCUMENTS = [
    ("souregeringen/distilled/2013/75.ttl", "rpubl:Utredningsbetankande", "sou/2013:75", "SOU 2013:75", "sou/2013:75",
     "utr/sou/2013:75"),
    ("sfs/distilled/2010/110.ttl", "rpubl:Lag", "sfs/2010:110", "SFS 2010:110", "2010:110", "sfs/2010:110"),
    ("propregeringen/distilled/2013-14/51.ttl", "rpubl:Proposition", "prop/2013/14:51", "Prop. 2013/14:51",
     "prop/2013/14:51", "prop/2013/14:51"),
    ("dirregeringen/distilled/2014/158.ttl", "rpubl:Kommittedirektiv", "dir/2014:158", "Dir. 2014:158",
     "dir/2014:158", "dir/2014:158"),
]  # fmt: skip


@pytest.mark.parametrize(("fixture", "cls", "iri", "identifier", "lagen_nu", "rinfo"), FIXTURE_DOCUMENTS)
def test_the_links_are_the_iris_lagen_nu_states_as_the_same(
    fixture: str, cls: str, iri: str, identifier: str, lagen_nu: str, rinfo: str
) -> None:
    stated = Graph().parse(FIXTURES / "ferenda/test/files/repo" / fixture, format="turtle")
    lagen, rinfo_iri = URIRef("https://lagen.nu/" + lagen_nu), URIRef("http://rinfo.lagrummet.se/publ/" + rinfo)
    assert (lagen, OWL.sameAs, rinfo_iri) in stated, "the fixture no longer says what this test relies on"
    ours = links_for(f'<{iri}> a {cls} ; dcterms:identifier "{identifier}" .')
    assert ours == {(B + iri, "sameAs", str(rinfo_iri)), (B + iri, "seeAlso", str(lagen))}


def test_rinfo_mints_the_same_iris_in_its_own_test_cases() -> None:
    atom = (FIXTURES / "rinfo-rdl/resources/base/uri_algorithm/tests/publ.atom").read_text(encoding="utf-8")
    for rinfo in ("publ/utr/sou/2000:114", "publ/prop/2002/03:20", "publ/dir/1999:42", "publ/sfs/1999:175"):
        assert f"<id>http://rinfo.lagrummet.se/{rinfo}</id>" in atom


def test_links_updated_with_a_change_equal_links_found_afresh() -> None:
    """A report's identifier changed (its links go), a proposition added (its links come), a third
    document's type taken away: updating the previous links graph gives what `store_links` finds."""
    from proveniens.derived.links import LINKS_GRAPH, store_links, update_links
    from proveniens.graph_delta import delta, read_triples

    data, links = "https://w3id.org/proveniens/graph/data", ox.NamedNode(str(LINKS_GRAPH))
    before = """
        @prefix rpubl: <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        <https://w3id.org/proveniens/sou/2020:19> a rpubl:Utredningsbetankande ; dcterms:identifier "SOU 2020:19" .
        <https://w3id.org/proveniens/sou/2021:4> a rpubl:Utredningsbetankande ; dcterms:identifier "SOU 2021:4" .
        <https://w3id.org/proveniens/dir/2019:42> a rpubl:Kommittedirektiv ; dcterms:identifier "Dir. 2019:42" .
    """
    after = before.replace('"SOU 2020:19"', '"SOU 2020:91"').replace("a rpubl:Kommittedirektiv ;", "") + (
        '<https://w3id.org/proveniens/prop/2019/20:164> a rpubl:Proposition ; dcterms:identifier "Prop. 2019/20:164" .'
    )
    store = ox.Store()
    store.load(before.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(data))
    store.load(
        store_links(store, {LINKS_GRAPH}).serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=links
    )
    old = read_triples(store, [data])
    store.remove_graph(ox.NamedNode(data))
    store.load(after.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(data))
    stale = set(store.quads_for_pattern(None, None, None, links))
    update_links(store, delta(old, read_triples(store, [data])), {LINKS_GRAPH})  # type: ignore[arg-type]
    updated = {
        (q.subject.value, q.predicate.value, q.object.value) for q in store.quads_for_pattern(None, None, None, links)
    }
    assert updated == {(str(s), str(p), str(o)) for s, p, o in store_links(store, {LINKS_GRAPH})}
    assert len(updated) == len(stale) - 2  # two documents lost their links, one gained them
    assert (
        "https://w3id.org/proveniens/prop/2019/20:164",
        str(OWL.sameAs),
        "http://rinfo.lagrummet.se/publ/prop/2019/20:164",
    ) in updated

"""The build gate: validated, deterministic, and atomic — a bad source changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from proveniens.build import BuildReport, build
from proveniens.errors import EvidenceError, ValidationFailed
from proveniens.namespaces import BUILD_GRAPH, GRAPH
from proveniens.storage.store import StoreLayout, open_read_only

SOURCES = Path(__file__).resolve().parents[2] / "sources"

GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"

BAD_IDENTIFIER = """about: an SOU whose number is written the wrong way
resources:
  - iri: sou/2099:1
    a: [rpubl:Utredningsbetankande]
    dcterms:identifier: SOU 2099-1
    dcterms:title: {sv: "Påhittad", en: "Made up"}
    pv:inquiry: {iri: kommitte/S2017:01}
    rpubl:utrSerie: {iri: serie/sou}
    rpubl:arsutgava: "2099"
    rpubl:lopnummer: "1"
    evidence:
      - {source: 004_77c63d0e7f875d18.txt, lines: [402, 402], quote: "(SOU 2020:19)", assertion: stated}
"""

BAD_QUOTE = """resources:
  - iri: concept/x
    a: [skos:Concept]
    skos:prefLabel: {sv: "x", en: "x"}
    evidence:
      - {source: 004_77c63d0e7f875d18.txt, lines: [1, 2], quote: "not in the report", assertion: stated}
"""


def quads(store: ox.Store) -> set[str]:
    """Every quad but the build time, as N-Quads lines."""
    return {str(q) for q in store if q.predicate.value != GENERATED_AT}


def copy_sources(tmp_path: Path) -> Path:
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target


def test_every_source_has_its_own_described_named_graph(bundled_build: tuple[Path, BuildReport]) -> None:
    root, report = bundled_build
    store = open_read_only(root)
    graphs = {g.value for g in store.named_graphs()}
    for source in sorted((SOURCES / "corpus").glob("*.txt")):
        assert str(GRAPH[source.name]) in graphs, source.name
    for curated in sorted((SOURCES / "curated").glob("*.yaml")):
        assert str(GRAPH["curated/" + curated.name]) in graphs, curated.name
    described = store.query(
        """PREFIX pv: <https://w3id.org/proveniens/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?g ?sha ?loader ?version ?count ?at WHERE { GRAPH ?b {
          ?g prov:wasDerivedFrom ?src ; pv:loader ?loader ; pv:loaderVersion ?version ;
             pv:tripleCount ?count ; prov:generatedAtTime ?at }
          GRAPH ?s { ?src pv:sha256 ?sha } }""",
        default_graph=[ox.NamedNode(str(BUILD_GRAPH))],
    )
    rows = {row["g"].value: row for row in described}
    derived = {str(BUILD_GRAPH), str(GRAPH["ontology"]), str(GRAPH["links"]), str(GRAPH["lineage"]), str(GRAPH["void"])}
    assert set(rows) == graphs - derived
    for graph, row in rows.items():
        assert len(row["sha"].value) == 64, graph
        assert int(row["count"].value) == report.triples[graph] > 0, graph


def test_building_twice_gives_the_same_triples(tmp_path: Path, bundled_store: ox.Store) -> None:
    again = build(SOURCES, tmp_path / "again")
    assert quads(open_read_only(tmp_path / "again")) == quads(bundled_store)
    assert again.triples


@pytest.mark.parametrize(
    ("bad_file", "content", "error", "message"),
    [
        ("zz_bad_identifier.yaml", BAD_IDENTIFIER, ValidationFailed, "zz_bad_identifier.yaml:3"),
        ("zz_bad_quote.yaml", BAD_QUOTE, EvidenceError, "zz_bad_quote.yaml:6: quote 'not in the report'"),
    ],
)
def test_a_bad_source_leaves_the_served_store_exactly_as_it_was(
    tmp_path: Path, bad_file: str, content: str, error: type[Exception], message: str
) -> None:
    sources = copy_sources(tmp_path)
    root = tmp_path / "store"
    build(sources, root)
    layout = StoreLayout(root)
    before_target = layout.current_build()
    serving = open_read_only(root)
    before = quads(serving)

    (sources / "curated" / bad_file).write_text(content, encoding="utf-8")
    with pytest.raises(error) as info:
        build(sources, root)

    assert message in str(info.value)
    assert layout.current_build() == before_target
    assert sorted(layout.builds.iterdir()) == [before_target]
    assert quads(serving) == before
    assert quads(open_read_only(root)) == before


def test_violation_report_says_file_line_rule_and_message(tmp_path: Path) -> None:
    sources = copy_sources(tmp_path)
    (sources / "curated" / "zz_bad_identifier.yaml").write_text(BAD_IDENTIFIER, encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        build(sources, tmp_path / "store")
    (finding,) = [
        f
        for f in info.value.report.violations
        if f.focus.endswith("/sou/2099:1") and f.path == "http://purl.org/dc/terms/identifier"
    ]
    assert finding.origin is not None and finding.origin.line == 3
    assert finding.origin.file.endswith("zz_bad_identifier.yaml")
    assert finding.value == "SOU 2099-1"
    assert finding.message_sv and finding.message_en and finding.message_sv != finding.message_en
    assert "zz_bad_identifier.yaml:3: Violation" in info.value.report.summary()


def test_sparql_rule_messages_keep_their_languages(tmp_path: Path) -> None:
    sources = copy_sources(tmp_path)
    (sources / "curated" / "zz_bad_identifier.yaml").write_text(BAD_IDENTIFIER, encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        build(sources, tmp_path / "store")
    (link,) = [f for f in info.value.report.violations if f.shape and f.shape.endswith("InterpretiveLinkShape")]
    assert link.message_sv.startswith("Länken") and "saknar belägg" in link.message_sv
    assert link.message_en.startswith("The link") and "kommitte/S2017:01" in link.message_en

"""Organisations as members of collaboration bodies: from the curated data where a text states them, and from a
roll call that lists the organisation each member sits for — never from guests, officials or plain attendance.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import FOAF, ORG

from proveniens.build import LoadedGraph, verify_sources
from proveniens.checks.validation import Origin
from proveniens.loaders.curated import load_curated
from proveniens.loaders.documents import load_document
from proveniens.loaders.knowledge import SOURCES_DIR
from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.sources import SourceKind, find_sources, read_source
from proveniens.namespaces import INST, PV
from proveniens.resources import ontology_files, read_turtle

HERE = Path(__file__).resolve().parent
PENSIONERS = HERE.parent / "fixtures" / "documents" / "minutes-norra-hsn-pensionarssamrad-2018-09-19.txt"
ROLE = INST["role/member-organisation"]


def load(path: Path) -> Graph:
    source = read_source(path, SourceKind.DOCUMENT)
    return MinutesLoader().load(source).graph


def member_organisations(g: Graph) -> dict[str, tuple[str, str]]:
    """Member organisation slug -> (quote, assertion) of the membership's evidence."""
    out = {}
    for m in g.subjects(ORG.role, ROLE):
        ev = g.value(m, PV.attestedBy)
        out[str(g.value(m, ORG.member)).rsplit("/", 1)[-1]] = (str(g.value(ev, PV.quote)),
                                                                  str(g.value(ev, PV.assertion)).rsplit("#")[-1])
    return out


def test_the_pensioners_council_is_made_up_of_the_organisations_its_members_sit_for() -> None:
    g = load(PENSIONERS)
    found = member_organisations(g)
    assert set(found) == {"norra-halso-och-sjukvardsnamnden", "pro", "rpg", "fas", "spf", "skpf"}
    assert found["pro"] == ("Hasse Karlsson PRO", "Inferred")
    assert found["norra-halso-och-sjukvardsnamnden"][0] == "Ulrik Hammar (L), norra hälso- och sjukvårdsnämnden"
    body = INST["org/samrad-for-pensionarsorganisationer-for-norra-halso-och-sjukvardsnamnden"]
    assert {g.value(m, ORG.organization) for m in g.subjects(ORG.role, ROLE)} == {body}
    hasse = next(p for p in g.subjects(FOAF.name, None) if str(g.value(p, FOAF.name)) == "Hasse Karlsson")
    assert (hasse, ORG.memberOf, INST["org/pro"]) in g
    assert any(g.value(p, ORG.member) == hasse for p in g.subjects(PV.attendance, PV.Present))  # still present
    officials = {"Agneta Eriksson", "Carina Hansson", "Ben Norman"}  # "Övriga": a unit, a title
    assert not {str(g.value(p, FOAF.name)) for p in g.subjects(ORG.memberOf, None)} & officials


def test_the_graph_passes_the_shapes() -> None:
    source = read_source(PENSIONERS, SourceKind.DOCUMENT)
    document = MinutesLoader().load(source)
    loaded = [LoadedGraph(source.graph_iri, load_document(source) + document.graph, "minutes", source)]
    origins = {node: Origin(str(PENSIONERS), line) for node, line in document.origins.items()}
    report = verify_sources(loaded, dict(origins), read_turtle(ontology_files()))
    assert report.conforms, "\n".join(f.render() for f in report.findings if f.severity.value == "Violation")


def test_attendance_and_guests_do_not_make_member_organisations() -> None:
    """SRO's roll call is 'Närvarande' (officials of VGR and VästKom among them), DVG invites Socialstyrelsen."""
    for path in (SOURCES_DIR / "corpus" / "001_06d9e870a2ccb54a.txt", HERE / "minutes" / "dvg_2022-03-14.txt"):
        assert member_organisations(load(path)) == {}, path.name


@pytest.mark.parametrize(
    ("body", "expected"),
    [("Samverkansrådet", {"kungalvs-kommun", "pro"}), ("Kommunstyrelsen", set())],  # a board's members are not parties
)
def test_only_a_collaboration_body_has_member_organisations(tmp_path: Path, body: str, expected: set[str]) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text(f"Protokoll {body} 3 mars 2021\n\nDatum: 2021-03-03\n\n"
                    "Ledamöter: Anna Berg (S), Kungälvs kommun Karl Holm PRO\n\n"
                    "1. Mötets öppnande\nBeslut: Mötet noterar informationen.\n", encoding="utf-8")  # fmt: skip
    assert set(member_organisations(load(path))) == expected


def test_the_curated_data_says_which_organisations_make_up_sro() -> None:
    sources = find_sources(SOURCES_DIR)
    bodies = sources.by_name("bodies.yaml")
    assert bodies is not None
    g = load_curated(bodies, sources).graph
    members = {g.value(m, ORG.member) for m in g.subjects(ORG.organization, INST["org/sro"])
               if (m, ORG.role, ROLE) in g}  # fmt: skip
    assert members == {INST["org/vgr"], INST["org/kommunerna-i-vastra-gotaland"]}
    for m in g.subjects(ORG.role, ROLE):
        ev = g.value(m, PV.attestedBy)
        assert g.value(ev, PV.assertion) == PV.Stated
        assert "mellan Västra Götalandsregionen" in str(g.value(ev, PV.quote))

"""A build reads with the knowledge of its own sources folder, and keeps reference texts as what they are.

`--sources X` with X/curated/knowledge/ makes the loaders consult X's curated files (a body listed there is the
body of its minutes); without that folder the repository's knowledge applies. A text the curated files beside it
cite is a reference text: registered (evidence points at it) and typed pv:ReferenceText, never reported as an
unrecognised document — while a text nobody cites, or one cited from another folder, is read as a document.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from proveniens.build import LoadedGraph, load_sources
from proveniens.loaders.knowledge import SOURCES_DIR, consulting, for_sources, knowledge
from proveniens.loaders.sources import find_sources
from proveniens.namespaces import INST, PV, SOURCE

DVG = Path(__file__).resolve().parent / "minutes" / "dvg_2022-03-14.txt"

BODIES = """\
about: A body the test's sources know.
resources:
  - iri: org/fyrbodal-dvg
    a: [pv:CollaborationBody]
    skos:prefLabel: {sv: "Delregional vårdsamverkan Fyrbodal"}
    skos:altLabel: "DVG"
    evidence:
      - source: organ.txt
        lines: [3, 3]
        quote: "Delregional vårdsamverkan Fyrbodal (DVG)"
        assertion: stated
"""
REFERENCE = "Organ\\n\\nDelregional vårdsamverkan Fyrbodal (DVG) är ett samverkansorgan.\\n".replace("\\n", "\n")


def by_file(loaded: list[LoadedGraph]) -> dict[str, LoadedGraph]:
    return {item.source.name: item for item in loaded if item.source is not None}


def sources_with_knowledge(tmp_path: Path) -> Path:
    root = tmp_path / "with"
    (root / "curated" / "knowledge").mkdir(parents=True)
    (root / "curated" / "knowledge" / "bodies.yaml").write_text(BODIES, encoding="utf-8")
    (root / "curated" / "knowledge" / "organ.txt").write_text(REFERENCE, encoding="utf-8")
    (root / "corpus").mkdir()
    shutil.copy(DVG, root / "corpus" / DVG.name)
    return root


def meeting_bodies(item: LoadedGraph) -> set[URIRef]:
    g = item.graph
    return {b for m in g.subjects(RDF.type, PV.Meeting) for b in g.objects(m, PV.body) if isinstance(b, URIRef)}


def test_a_build_consults_the_knowledge_of_its_own_sources_folder(tmp_path: Path) -> None:
    loaded, _, unrecognised = load_sources(find_sources(sources_with_knowledge(tmp_path)))
    assert unrecognised == []
    assert meeting_bodies(by_file(loaded)[DVG.name]) == {INST["org/fyrbodal-dvg"]}


def test_without_curated_knowledge_the_repository_knowledge_applies(tmp_path: Path) -> None:
    shutil.copy(DVG, tmp_path / DVG.name)
    loaded, _, _ = load_sources(find_sources(tmp_path))
    assert meeting_bodies(by_file(loaded)[DVG.name]) == {INST["org/dvg"]}  # minted: the repository has no DVG
    assert knowledge().body("DVG") is None  # and consulting ended with the build


def test_consulting_is_undone_after_the_block(tmp_path: Path) -> None:
    theirs = for_sources(find_sources(sources_with_knowledge(tmp_path)))
    with consulting(theirs):
        assert knowledge().body("DVG") is not None
        assert knowledge().body("VGR") is None  # only what the folder's files hold
    assert knowledge().body("VGR") is not None and knowledge().body("DVG") is None


def test_an_edited_knowledge_file_is_read_again(tmp_path: Path) -> None:
    root = sources_with_knowledge(tmp_path)
    assert for_sources(find_sources(root)).body("DVG") is not None
    bodies = root / "curated" / "knowledge" / "bodies.yaml"
    bodies.write_text(BODIES.replace('skos:altLabel: "DVG"', 'skos:altLabel: "FVS"'), encoding="utf-8")
    again = for_sources(find_sources(root))
    assert again.body("DVG") is None and again.body("FVS") is not None


def test_the_reference_texts_are_registered_not_unrecognised() -> None:
    loaded, _, unrecognised = load_sources(find_sources(SOURCES_DIR))
    files = by_file(loaded)
    references = {name for name, item in files.items() if item.loader == "reference-text"}
    assert references == {"sverige-lan-regioner-kommuner.txt", "referenser-handelser.txt", "sfs-lagar.txt"}
    assert unrecognised == []
    for name in references:
        g = files[name].graph
        assert (SOURCE[name], RDF.type, PV.ReferenceText) in g and (SOURCE[name], RDF.type, PV.SourceDocument) in g
    cited = Graph()
    for item in loaded:
        cited += item.graph
    assert {str(s) for s in cited.objects(None, PROV.hadPrimarySource)} >= {str(SOURCE[n]) for n in references}


def test_a_text_beside_curated_files_that_do_not_cite_it_is_still_a_document(tmp_path: Path) -> None:
    root = sources_with_knowledge(tmp_path)
    (root / "curated" / "knowledge" / "anteckning.txt").write_text("Något helt annat.\n", encoding="utf-8")
    loaded, _, unrecognised = load_sources(find_sources(root))
    assert [u.path for u in unrecognised] == [root / "curated" / "knowledge" / "anteckning.txt"]
    assert by_file(loaded)["organ.txt"].loader == "reference-text"


def test_a_cited_text_in_another_folder_is_read_as_a_document(tmp_path: Path) -> None:
    root = sources_with_knowledge(tmp_path)
    (root / "curated" / "knowledge" / "organ.txt").rename(root / "corpus" / "organ.txt")
    loaded, _, unrecognised = load_sources(find_sources(root))
    assert [u.path for u in unrecognised] == [root / "corpus" / "organ.txt"]
    assert by_file(loaded)["organ.txt"].loader != "reference-text"

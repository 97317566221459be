"""What the remiss and report loaders write from the shared documents (and from variants naming an SOU
and an issuer nobody has described) passes the shapes, beside the corpus and its curated chain — the
build refuses a graph that does not."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from proveniens.build import load_sources, verify_sources
from proveniens.loaders.sources import find_sources
from proveniens.namespaces import INST, PV
from proveniens.resources import ontology_files, read_turtle

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = REPO / "tests" / "fixtures" / "documents"
UNKNOWN = {
    "remiss-unknown-sou.txt": "Yttrande över Framtidens hälsa (SOU 2031:7)\n\nFysioterapeuterna är ute på remiss-"
    "listan och tillstyrker förslaget om tidiga insatser. Vi avstyrker förslaget om en ny myndighet.\n",
    "report-unknown-issuer.txt": "Rapport 2026:4 Vård i hela landet\n\nStatens institut för vårdkvalitet har "
    "granskat vården i regionerna. Den här rapporten bygger på SOU 2031:7.\nI maj 2025 presenterade regeringen en "
    "proposition om vården i hela landet (prop. 2024/25:99). I Region Västerbotten har väntetiderna ökat.\n"
    "Umeå april 2026\n",
}


def test_the_graphs_pass_the_shapes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "sources" / "corpus", corpus)
    (tmp_path / "curated").mkdir()
    shutil.copy(REPO / "sources" / "curated" / "national_chain.yaml", tmp_path / "curated")
    for path in [*DOCUMENTS.glob("remiss-*.txt"), *DOCUMENTS.glob("report-*.txt")]:
        shutil.copy(path, corpus)
    for name, text in UNKNOWN.items():
        (corpus / name).write_text(f"Source: https://example.org/x (stored public page)\n\n{text}", encoding="utf-8")
    loaded, origins, unrecognised = load_sources(find_sources(tmp_path))
    assert not [u for u in unrecognised if u.path.name.startswith(("remiss-", "report-"))]
    union = Graph()
    for item in loaded:
        union += item.graph
    assert (None, PV.respondsTo, URIRef(f"{INST}sou/2031:7")) in union  # an SOU nobody has described
    assert "Statens institut för vårdkvalitet" in {str(x) for x in union.objects(None, SKOS.prefLabel)}
    places = {str(union.value(o, SKOS.prefLabel)) for o in union.objects(None, DCTERMS.subject)}
    assert "Region Västerbotten" in places  # what the report says about a named region
    report = verify_sources(loaded, origins, read_turtle(ontology_files()))
    ours = [f for f in report.violations if Path(str(f.origin.file)).name.startswith(("remiss-", "report-"))]
    assert ours == []


def test_the_documents_alone_pass_the_shapes(tmp_path: Path) -> None:
    """A folder of documents and no curated files of its own (the loaders consult the repository's knowledge):
    whatever the knowledge links to — a known proposal, a known person — is described by the document too."""
    for path in DOCUMENTS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    loaded, origins, _ = load_sources(find_sources(tmp_path))
    report = verify_sources(loaded, origins, read_turtle(ontology_files()))
    assert not report.violations, report.summary()

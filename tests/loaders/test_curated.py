"""Curated YAML becomes RDF with PROV-qualified evidence, or a precise error."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from proveniens.errors import EvidenceError, SourceError
from proveniens.loaders.curated import load_curated
from proveniens.loaders.sources import find_sources
from proveniens.namespaces import INST, PV, RPUBL

MINUTES = """ Inbjudna: Anna Nergårdh
• Andra delbetänkande (SOU 2018:39)
Detta betänkande utmynnande i en proposition i riksdagen
"""

GOOD = """about: test
resources:
  - iri: sou/2018:39
    a: [rpubl:Utredningsbetankande]
    dcterms:identifier: SOU 2018:39
    dcterms:title: {sv: "En primärvårdsreform", en: "A primary care reform"}
    pv:earliestDate: 2018-06-01
    evidence:
      - {source: minutes.txt, lines: [2, 2], quote: "Andra delbetänkande (SOU 2018:39)", assertion: stated}
links:
  - subject: prop/2019/20:164
    property: rpubl:utgarFran
    object: sou/2018:39
    evidence:
      - source: minutes.txt
        lines: [2, 3]
        quote: "(SOU 2018:39) Detta betänkande utmynnande i en proposition"
        assertion: inferred
        note: the minutes do not name the proposition here
"""


def load(tmp_path: Path, yaml_text: str):
    (tmp_path / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "chain.yaml").write_text(yaml_text, encoding="utf-8")
    sources = find_sources(tmp_path)
    return load_curated(sources.by_name("chain.yaml"), sources)


def test_link_is_asserted_directly_and_qualified_with_evidence(tmp_path: Path) -> None:
    out = load(tmp_path, GOOD).graph
    prop, sou = INST["prop/2019/20:164"], INST["sou/2018:39"]
    assert (prop, RPUBL.utgarFran, sou) in out
    assert (prop, PROV.wasDerivedFrom, sou) in out
    (evidence,) = out.objects(prop, PROV.qualifiedDerivation)
    assert (evidence, RDF.type, PROV.Derivation) in out
    assert (evidence, PROV.entity, sou) in out
    assert (evidence, PV.linkProperty, RPUBL.utgarFran) in out
    assert out.value(evidence, PROV.hadPrimarySource) == URIRef(INST["source/minutes.txt"])
    assert out.value(evidence, PV.lineStart) == Literal(2, datatype=XSD.positiveInteger)
    assert out.value(evidence, PV.lineEnd) == Literal(3, datatype=XSD.positiveInteger)
    assert out.value(evidence, PV.assertion) == PV.Inferred
    assert str(out.value(evidence, PV.curatorNote)).startswith("the minutes")


def test_resource_values_are_typed(tmp_path: Path) -> None:
    out = load(tmp_path, GOOD).graph
    sou = INST["sou/2018:39"]
    assert (sou, PV.earliestDate, Literal("2018-06-01", datatype=XSD.date)) in out
    assert (sou, URIRef("http://purl.org/dc/terms/title"), Literal("A primary care reform", lang="en")) in out
    assert out.value(sou, PV.attestedBy) is not None


def test_origins_point_at_the_yaml_lines(tmp_path: Path) -> None:
    origins = load(tmp_path, GOOD).origins
    assert origins[INST["sou/2018:39"]] == 3


def test_wrong_quote_names_the_yaml_line(tmp_path: Path) -> None:
    bad = GOOD.replace("Detta betänkande utmynnande", "Detta betänkande utmynnade")
    with pytest.raises(EvidenceError, match=r"chain.yaml:15: quote"):
        load(tmp_path, bad)


def test_link_without_evidence_is_refused(tmp_path: Path) -> None:
    bad = GOOD.split("    evidence:\n      - source: minutes.txt")[0]
    with pytest.raises(SourceError, match=r"chain.yaml:11: has no evidence"):
        load(tmp_path, bad)


def test_unknown_prefix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="unknown prefix 'rpbl'"):
        load(tmp_path, GOOD.replace("rpubl:utgarFran", "rpbl:utgarFran"))


def test_citing_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="'minutes2.txt', which is not in the sources folder"):
        load(tmp_path, GOOD.replace("source: minutes.txt\n", "source: minutes2.txt\n"))


def test_bad_assertion_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="'stated' or 'inferred'"):
        load(tmp_path, GOOD.replace("assertion: inferred", "assertion: guessed"))


def test_invalid_yaml_reports_its_line(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"chain.yaml:\d+: is not valid YAML"):
        load(tmp_path, GOOD.replace("    object: sou/2018:39", "    object: [sou/2018:39"))

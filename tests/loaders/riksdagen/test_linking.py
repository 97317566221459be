"""A proposition a curator typed in and the same proposition from Riksdagen's records are one resource, and
what the curator says is checked against the record: a disagreement is a build warning naming both files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from proveniens.build import BuildReport, build
from proveniens.cli import app
from proveniens.storage.store import open_read_only

HERE = Path(__file__).resolve().parent
RECORDS = HERE.parents[1] / "fixtures" / "riksdagen"
CURATED = HERE / "linking" / "prop-2019-20-8.yaml"
PROP = "https://w3id.org/proveniens/prop/2019/20:8"


def _sources(tmp_path: Path, curated: str) -> Path:
    sources = tmp_path / "sources"
    (sources / "curated").mkdir(parents=True)
    (sources / "curated" / CURATED.name).write_text(curated, encoding="utf-8")
    shutil.copy(HERE / "linking" / "hyresforhandlingar.txt", sources / "curated")
    for name in ("h7038.json", "h701cu4.json"):
        shutil.copy(RECORDS / name, sources / name)
    return sources


def _build(tmp_path: Path, curated: str) -> tuple[BuildReport, ox.Store]:
    report = build(_sources(tmp_path, curated), tmp_path / "store", incremental=False)
    return report, open_read_only(tmp_path / "store")


def _wrong(curated: str) -> str:
    return curated.replace("dcterms:issued: 2019-09-24", "dcterms:issued: 2019-09-25").replace(
        "dcterms:date: 2019-11-20", "dcterms:date: 2019-11-21"
    )


def _disagreements(report: BuildReport) -> list[str]:
    return [f.message_en for f in report.warnings if "disagree" in f.message_en]


def test_curated_and_record_proposition_are_one_resource_and_agree(tmp_path: Path) -> None:
    report, store = _build(tmp_path, CURATED.read_text(encoding="utf-8"))
    assert _disagreements(report) == []
    rows = store.query(
        "PREFIX pv: <https://w3id.org/proveniens/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
        f"SELECT DISTINCT ?file WHERE {{ <{PROP}> pv:attestedBy/prov:hadPrimarySource/pv:fileName ?file }} "
        "ORDER BY ?file"
    )
    assert [r["file"].value for r in rows] == ["h701cu4.json", "h7038.json", "hyresforhandlingar.txt"]


def test_a_curated_value_the_record_contradicts_is_a_warning_naming_both_sources(tmp_path: Path) -> None:
    report, _ = _build(tmp_path, _wrong(CURATED.read_text(encoding="utf-8")))
    found = sorted(_disagreements(report))
    assert len(found) == 2, found
    issued, decided = sorted(found, key=lambda m: "issued" not in m)
    assert "prop-2019-20-8.yaml" in issued and "h7038.json" in issued and "2019-09-25" in issued
    assert "2019-09-24" in issued
    assert "prop-2019-20-8.yaml" in decided and "h701cu4.json" in decided
    assert "2019-11-21" in decided and "2019-11-20" in decided


def test_an_incremental_build_checks_a_changed_record_against_the_curated_file(tmp_path: Path) -> None:
    wrong = CURATED.read_text(encoding="utf-8").replace("dcterms:date: 2019-11-20", "dcterms:date: 2019-11-21")
    _build(tmp_path, wrong)
    record = tmp_path / "sources" / "h701cu4.json"
    record.write_text(record.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same record, new checksum
    report = build(tmp_path / "sources", tmp_path / "store")
    assert "h701cu4.json" in report.reloaded and "h7038.json" not in report.reloaded  # an incremental build
    (decided,) = _disagreements(report)
    assert "prop-2019-20-8.yaml" in decided and "h701cu4.json" in decided and "2019-11-21" in decided


def test_validate_warns_of_the_same_disagreements_as_build(tmp_path: Path) -> None:
    sources = _sources(tmp_path, _wrong(CURATED.read_text(encoding="utf-8")))
    result = CliRunner().invoke(app, ["validate", "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "disagree" in line]
    assert len(lines) == 2, result.output
    assert all("prop-2019-20-8.yaml" in line for line in lines)
    assert any("h7038.json" in line and "2019-09-25" in line and "2019-09-24" in line for line in lines)
    assert any("h701cu4.json" in line and "2019-11-21" in line for line in lines)

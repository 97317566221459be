"""The `proveniens` command as a user runs it."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from proveniens.build import BuildReport
from proveniens.cli import app

SOURCES = Path(__file__).resolve().parents[2] / "sources"
runner = CliRunner()


def test_build_prints_triples_per_named_graph(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", "--sources", str(SOURCES), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "graph/curated/national_chain.yaml" in result.output
    assert "total" in result.output
    assert (tmp_path / "s" / "current").is_symlink()


def test_build_of_a_bad_source_exits_1_and_names_the_file(tmp_path: Path) -> None:
    sources = tmp_path / "src"
    shutil.copytree(SOURCES, sources)
    (sources / "curated" / "broken.yaml").write_text(
        "resources:\n  - iri: sou/1\n    a: [rpubl:Nope\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["build", "--sources", str(sources), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "broken.yaml" in result.output and "not valid YAML" in result.output
    assert not (tmp_path / "s" / "current").exists()


def test_validate_checks_without_writing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--sources", str(SOURCES)])
    assert result.exit_code == 0, result.output
    assert "0 violation(s)" in result.output


def test_query_and_named_query(bundled_build: tuple[Path, BuildReport]) -> None:
    store = str(bundled_build[0])
    result = runner.invoke(
        app, ["query", "--store", store, "ASK { ?s a <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#Lag> }"]
    )
    assert result.exit_code == 0 and "true" in result.output
    result = runner.invoke(
        app,
        [
            "query",
            "--store",
            store,
            "--name",
            "propositions_built_on_sou",
            "--param",
            "sou=https://w3id.org/proveniens/sou/2018:39",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "prop/2019/20:164" in result.output


def test_query_without_a_build_says_how_to_make_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "--store", str(tmp_path / "none"), "ASK {}"])
    assert result.exit_code == 1
    assert "proveniens build" in result.output


def test_export_writes_reloadable_dumps_with_checksums(
    tmp_path: Path, bundled_build: tuple[Path, BuildReport], bundled_store: ox.Store
) -> None:
    out = tmp_path / "dumps"
    result = runner.invoke(app, ["export", "--store", str(bundled_build[0]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for line in (out / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    reloaded = ox.Store()
    reloaded.load(gzip.decompress((out / "dataset.nq.gz").read_bytes()), format=ox.RdfFormat.N_QUADS)
    named = {str(q) for q in bundled_store if isinstance(q.graph_name, ox.NamedNode)}
    assert {str(q) for q in reloaded} == named  # not the default graph: the union of the named ones

"""A broken store (a link loop, damaged or missing files) stops `proveniens serve` and `build` with a clear error:
what is wrong, where, how to fix it, exit code 1, and no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PROVENIENS = str(Path(sys.executable).parent / "proveniens")


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by the real CLI from a one-document sources folder."""
    sources = tmp_path_factory.mktemp("sources")
    (sources / "note.txt").write_text("A note.\nIts second line.\n", encoding="utf-8")
    root = tmp_path_factory.mktemp("store") / "store"
    result = run("build", "--sources", str(sources), "--store", str(root))
    assert result.returncode == 0, result.stderr
    return root


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "400"}  # one line per message, whatever the terminal
    return subprocess.run([PROVENIENS, *args], capture_output=True, text=True, timeout=60, env=env)


def serve(root: Path) -> subprocess.CompletedProcess[str]:
    return run("serve", "--store", str(root), "--host", "127.0.0.1", "--port", "9")


def copy_of(store: Path, tmp_path: Path) -> Path:
    root = tmp_path / "store"
    shutil.copytree(store, root, symlinks=True)
    return root


def current_files(root: Path) -> Path:
    return (root / "current").resolve()


def truncate_tables(root: Path) -> None:
    for table in current_files(root).glob("*.sst"):
        with table.open("r+b") as handle:
            handle.truncate(100)


def garble_current(root: Path) -> None:
    (current_files(root) / "CURRENT").write_text("garbage\n")


def loop_current(root: Path) -> None:
    (root / "current").unlink()
    (root / "current").symlink_to("current")


BREAKAGES: dict[str, Callable[[Path], None]] = {
    "current is a link to itself": loop_current,
    "table files truncated": truncate_tables,
    "CURRENT file garbled": garble_current,
}


def assert_clear_failure(result: subprocess.CompletedProcess[str], where: Path) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert "Error:" in output and str(where) in output, output
    assert "proveniens build --store" in output, output  # how to fix it


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_serve_refuses_a_broken_store_clearly(
    small_store: Path, tmp_path: Path, breakage: Callable[[Path], None]
) -> None:
    root = copy_of(small_store, tmp_path)
    breakage(root)
    assert_clear_failure(serve(root), root)


def test_query_refuses_a_damaged_store_clearly(small_store: Path, tmp_path: Path) -> None:
    root = copy_of(small_store, tmp_path)
    truncate_tables(root)
    assert_clear_failure(run("query", "ASK {}", "--store", str(root)), root)


def test_build_into_a_looping_folder_fails_clearly(small_store: Path, tmp_path: Path) -> None:
    root = tmp_path / "looping"
    root.mkdir()
    (root / "builds").symlink_to("builds")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "note.txt").write_text("A note.\n", encoding="utf-8")
    result = run("build", "--sources", str(sources), "--store", str(root))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert f"Error: {root}: cannot write a build there" in output, output
    assert "points to itself" in output

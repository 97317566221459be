"""Source discovery: what is read, what is skipped, and what is refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from proveniens.errors import SourceError
from proveniens.loaders.sources import SourceKind, find_sources


def test_documents_and_curated_files_are_found_with_checksums(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "minutes.txt").write_text("Mötesanteckning SRO\n", encoding="utf-8")
    (tmp_path / "chain.yaml").write_text("resources: []\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("docs are not sources", encoding="utf-8")
    found = find_sources(tmp_path)
    kinds = {f.name: f.kind for f in found.files}
    assert kinds == {"minutes.txt": SourceKind.DOCUMENT, "chain.yaml": SourceKind.CURATED}
    minutes = found.by_name("minutes.txt")
    assert minutes is not None
    assert minutes.sha256 == hashlib.sha256("Mötesanteckning SRO\n".encode()).hexdigest()
    assert str(minutes.graph_iri).endswith("/graph/minutes.txt")
    assert str(found.by_name("chain.yaml").graph_iri).endswith("/graph/curated/chain.yaml")


def test_unknown_file_types_are_reported_not_loaded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    found = find_sources(tmp_path)
    assert [p.name for p in found.skipped] == ["scan.pdf"]


def test_two_files_with_one_name_are_refused(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(SourceError, match="same file name"):
        find_sources(tmp_path)


def test_non_utf8_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Västra Götaland".encode("latin-1"))
    with pytest.raises(SourceError, match="latin1.txt:1: is not UTF-8"):
        find_sources(tmp_path)


def test_empty_or_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="holds no .txt or .yaml"):
        find_sources(tmp_path)
    with pytest.raises(SourceError, match="is not a folder"):
        find_sources(tmp_path / "nope")


def test_line_at_maps_offsets_to_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("rad ett\nrad två\n\nrad fyra", encoding="utf-8")
    source = find_sources(tmp_path).files[0]
    assert [source.line_at(source.text.index(w)) for w in ("ett", "två", "fyra")] == [1, 2, 4]

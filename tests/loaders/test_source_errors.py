"""Malformed sources are reported where a person fixes them: invalid UTF-8 at its file, line and column; a YAML
error at the line the parser means (the opening of a quote or bracket left open, else the problem itself)."""

from __future__ import annotations

from pathlib import Path

import pytest

from proveniens.build import load_sources
from proveniens.errors import SourceError
from proveniens.loaders.sources import find_sources


def error_of(folder: Path) -> SourceError:
    with pytest.raises(SourceError) as info:
        load_sources(find_sources(folder))
    return info.value


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"first line\nsecond \xff here\n", 2, 8),
        (b"\xe9t\xe9\n", 1, 1),  # latin-1 at the very start
        ("rad ett\nrad två\nrad tre: Götaland ".encode() + "Västra".encode("latin-1"), 3, 20),
        (b"a\r\nb\r\n\xc3\x28\r\n", 3, 1),  # a truncated two-byte sequence, CRLF lines
    ],
)
def test_invalid_utf8_is_reported_at_line_and_column(tmp_path: Path, data: bytes, line: int, column: int) -> None:
    (tmp_path / "doc.txt").write_bytes(data)
    err = error_of(tmp_path)
    assert err.file == str(tmp_path / "doc.txt")
    assert err.line == line
    assert f"at column {column}" in str(err)
    assert "byte" in str(err) and "UTF-8" in str(err)


HEAD = "about: a test\nresources:\n  - iri: concept/x\n"
BROKEN_YAML = {
    # a quote left open: the parser notices only at the end of the file, five lines later
    "unclosed quote": (HEAD + '    note: "never closed\n    a: [skos:Concept]\n    b: 1\n    c: 2\n  - iri: y\n', 4),
    "unclosed flow mapping": (HEAD + '    t: {sv: "x", en: "x"\n    evidence:\n      - {source: a.txt}\n', 4),
    "unclosed flow sequence": (HEAD + "    a: [skos:Concept\n    b: 1\n    c: 2\n", 4),
    "unclosed mapping in a list": (HEAD + "    evidence:\n      - {source: a.txt, lines: [1, 1]\n  - iri: y\n", 5),
    # errors whose problem mark is the line to fix
    "value indented too far": (HEAD + "    a: 1\n     b: c: 2\n", 5),
    "key indented too little": (HEAD + "    a: [skos:Concept]\n   b: 1\n", 5),
    "quote inside a quote": (HEAD + '    note: "He said "no" to it"\n', 4),
    "undefined alias": (HEAD + "    a: 1\n    b: *nope\n", 5),
}


@pytest.mark.parametrize(("text", "line"), BROKEN_YAML.values(), ids=BROKEN_YAML.keys())
def test_yaml_error_is_reported_at_the_line_meant(tmp_path: Path, text: str, line: int) -> None:
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    err = error_of(tmp_path)
    assert err.file == str(tmp_path / "facts.yaml")
    assert err.line == line, str(err)
    assert "is not valid YAML" in str(err)
    assert '"<unicode string>"' not in str(err)  # the parser's marks are given as lines, once

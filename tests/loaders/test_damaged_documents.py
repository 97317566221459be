"""Real documents arrive cut short, with lines lost or repeated (the shared fixtures stop mid-sentence).
Whatever a loader makes of such a text, it must not fail: a failing loader takes its document's facts
with it. Each variant here is a real document damaged deterministically; every loader that takes it
must read it without an error (evidence whose quote is not in the cited lines is an error)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from proveniens.loaders.registry import choose_loader
from proveniens.loaders.sources import SourceFile, SourceKind

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def _variants(text: str) -> list[tuple[str, str]]:
    lines = text.split("\n")
    out = [(f"cut at {k}0 %", text[: len(text) * k // 10]) for k in range(3, 10)]
    out += [(f"every {k}th line lost", "\n".join(x for i, x in enumerate(lines) if i % k != k - 1)) for k in (2, 3, 5)]
    out += [(f"lines {i}-{i + 4} twice", "\n".join(lines[: i + 5] + lines[i:])) for i in range(2, len(lines), 7)]
    return out


CASES = [
    pytest.param(text, id=f"{path.stem}: {what}")
    for path in sorted(DOCUMENTS.glob("*.txt"))
    for what, text in _variants(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize("text", CASES)
def test_a_damaged_document_loads_without_error(text: str) -> None:
    source = SourceFile(Path("damaged.txt"), SourceKind.DOCUMENT, hashlib.sha256(text.encode()).hexdigest(), text,
                        tuple(text.splitlines()))  # fmt: skip
    loader = choose_loader(source)
    if loader is not None:
        assert loader.load(source).graph is not None

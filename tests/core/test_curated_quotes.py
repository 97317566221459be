"""Curated facts are only as good as their quotes: every evidence quote in the built graph must
occur verbatim (whitespace-normalised) at the cited lines of the cited file.

This check reads the files itself rather than trusting the loader's own check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

SOURCES = Path(__file__).resolve().parents[2] / "sources"


EVIDENCE = """PREFIX pv: <https://w3id.org/proveniens/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?e ?file ?start ?end ?quote WHERE {
  ?e a pv:Evidence ; prov:hadPrimarySource/pv:fileName ?file ; pv:lineStart ?start ; pv:lineEnd ?end ; pv:quote ?quote
}"""


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_evidence_quote_is_at_its_cited_lines(bundled_store: ox.Store) -> None:
    read = (p for p in SOURCES.rglob("*") if p.suffix in {".txt", ".json", ".xml"})  # what the build reads as text
    files = {p.name: p.read_text(encoding="utf-8").splitlines() for p in read}
    rows = list(bundled_store.query(EVIDENCE))
    assert len(rows) > 20, "the curated sources should carry evidence"
    wrong = []
    for row in rows:
        lines = files[row["file"].value]
        start, end = int(row["start"].value), int(row["end"].value)
        cited = squash(" ".join(lines[start - 1 : end]))
        if squash(row["quote"].value) not in cited:
            wrong.append(f"{row['e'].value}: {row['quote'].value!r} not in {row['file'].value}:{start}-{end}")
    assert not wrong, "\n".join(wrong)

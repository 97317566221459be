"""Source documents by what they are: "Socialstyrelsen, Uppföljning av omställningen … (2020)", not a file name.

The named query `source_names` gives, per file a kind loader read, the report, remiss response or
minutes it holds (views.source_names reads the rows); the pages cite the file by that name
(pages/naming.py `cite`), and by its file name only when the graph records no such document (a curated
file, a reference text).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceName:
    kind: str  # "report", "remiss" or "minutes"
    title: dict[str, str | None]
    issuer: dict[str, str | None]
    answers: str | None
    year: str | None

"""Source documents by what they are: "Socialstyrelsen, Uppföljning av omställningen … (2020)", not a file name.

The named query `source_names` gives, per file a kind loader read, the report, remiss response or
minutes it holds (views.source_names reads the rows); evidence and the source viewer cite the file by
that name, and by its file name only when the graph records no such document (a curated file, a
reference text).
"""

from __future__ import annotations

from dataclasses import dataclass

from proveniens.service.i18n import t


@dataclass(frozen=True)
class SourceName:
    kind: str  # "report", "remiss" or "minutes"
    title: dict[str, str | None]
    issuer: dict[str, str | None]
    answers: str | None
    year: str | None


def cite(name: SourceName | None, file: str, lang: str) -> str:
    """How a page names the source: issuer, title and year as the graph gives them, else the file name."""
    if name is None:
        return file
    title, issuer = name.title.get(lang) or name.title.get("sv"), name.issuer.get(lang) or name.issuer.get("sv")
    year = f" ({name.year})" if name.year else ""
    if name.kind == "minutes" and title:
        return f"{title} ({t(lang, 'source.minutes')})"
    if name.kind == "remiss" and issuer:
        answers = f" {t(lang, 'source.on')} {name.answers}" if name.answers else ""
        return f"{issuer}, {t(lang, 'source.remiss')}{answers}{year}"
    parts = [p for p in (issuer, title) if p]
    return ", ".join(parts) + year if parts else file

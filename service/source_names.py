"""Source documents by what they are: "Socialstyrelsen, Uppföljning av omställningen … (2020)", not a file name.

The named query `source_names` gives, per file a kind loader read, the report, remiss response or
minutes it holds; evidence and the source viewer cite the file by that name, and by its file name only
when the graph records no such document (a curated file, a reference text).
"""

from __future__ import annotations

from dataclasses import dataclass

from proveniens.service.i18n import t
from proveniens.service.named import Row


@dataclass(frozen=True)
class SourceName:
    kind: str  # "report", "remiss" or "minutes"
    title: dict[str, str | None]
    issuer: dict[str, str | None]
    answers: str | None
    year: str | None


def source_names(rows: list[Row]) -> dict[str, SourceName]:
    """The first row per file (the query orders them), as a SourceName."""
    found: dict[str, SourceName] = {}
    for row in rows:
        file = _v(row, "file")
        if file is None or file in found:
            continue
        found[file] = SourceName(
            kind=_v(row, "kind") or "",
            title={"sv": _v(row, "title"), "en": _v(row, "titleEn")},
            issuer={"sv": _v(row, "issuer"), "en": _v(row, "issuerEn")},
            answers=_v(row, "answers"),
            year=_year(_v(row, "date"), _v(row, "earliest"), _v(row, "latest")),
        )
    return found


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


def _year(date: str | None, earliest: str | None, latest: str | None) -> str | None:
    if date:
        return date[:4]
    if earliest and latest:
        return earliest[:4] if earliest[:4] == latest[:4] else f"{earliest[:4]}–{latest[:4]}"
    return (earliest or latest or "")[:4] or None


def _v(row: Row, key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None

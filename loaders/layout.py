"""Page furniture in text extracted from PDF or Word: running headers and footers, page numbers,
per-page document headers ("Tjänsteutlåtande / Dnr 1.6-292/2020 / Sida 5 (8)") and Word field
errors ("Error! Use the Home tab to apply Rubrik 1 to the text that you want to appear here.").

`analyse(text)` labels every line; loaders read facts from body lines only and search citations
in `Layout.masked`, where every non-body character is a space (offsets and line numbers unchanged).
A loader may still read document metadata (the registration number) from header lines on purpose.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum


class LineKind(Enum):
    BODY = "body"
    BLANK = "blank"
    RUNNING_HEADER = "running-header"  # repeated all-caps title/authority lines, with or without page number
    PAGE_NUMBER = "page-number"
    PAGE_HEADER = "page-header"  # a page's document header block ending in "Sida n (m)"
    ARTEFACT = "artefact"  # Word field errors


_ARTEFACT = re.compile(
    r"(?:Error|Fel)!\s+(?:"
    r"Use\s+the\s+Home\s+tab\s+to\s+apply[\s\S]{0,120}?appear\s+here\.?"
    r"|Använd\s+fliken\s+Start[\s\S]{0,160}?visas\s+här\.?"
    r"|Reference\s+source\s+not\s+found\.?|Bookmark\s+not\s+defined\.?"
    r"|No\s+text\s+of\s+specified\s+style\s+in\s+document\.?"
    r"|Hittar\s+inte\s+referenskälla\.?|Bokmärket\s+är\s+inte\s+definierat\.?"
    r"|Det\s+finns\s+ingen\s+text\s+med\s+angivet\s+format\s+i\s+dokumentet\.?)"
)
_PAGE_OF = re.compile(r"^(?:Sida|Page|Sid\.?)\s+\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of)\s+\d{1,4})?$", re.IGNORECASE)
_NUMBER_ONLY = re.compile(r"^\d{1,4}$")
_EDGE_NUMBER = re.compile(r"^\d{1,3}\s+|\s+\d{1,3}$")  # a page number, not a year
_HEADERISH = re.compile(
    r"^(?:(?:Dnr|Diarienummer|Diarienr|Datum|Vår beteckning|Er beteckning)\b.*"
    r"|(?:Tjänsteutlåtande|Yttrande|Remissvar|Remissyttrande|Protokoll|Protokollsutdrag|Beslut|Promemoria|"
    r"PM|Skrivelse|Rapport|Utlåtande|Handläggare\b.*)"
    r"|\d{4}-\d{2}-\d{2})$"
)
_HEADER_BLOCK_LINES = 6


@dataclass(frozen=True)
class Layout:
    kinds: tuple[LineKind, ...]  # kinds[0] is line 1
    masked: str

    def kind(self, line: int) -> LineKind:
        return self.kinds[line - 1]

    def is_body(self, line: int) -> bool:
        return self.kinds[line - 1] is LineKind.BODY

    def lines_of(self, kind: LineKind) -> list[int]:
        return [i + 1 for i, k in enumerate(self.kinds) if k is kind]


def _caps_key(line: str) -> str | None:
    """The line without a page number at either end, if it is an all-caps line of 6+ letters."""
    core = _EDGE_NUMBER.sub("", line.strip()).strip()
    letters = [c for c in core if c.isalpha()]
    if len(letters) < 6 or any(c.islower() for c in letters):
        return None
    return " ".join(core.split())


def analyse(text: str) -> Layout:
    lines = text.split("\n")
    kinds = [LineKind.BLANK if not ln.strip() else LineKind.BODY for ln in lines]
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    masked = list(text)

    def blank_out(lo: int, hi: int) -> None:
        for k in range(lo, hi):
            if masked[k] != "\n":
                masked[k] = " "

    # Word field errors, possibly over several lines.
    for m in _ARTEFACT.finditer(text):
        blank_out(m.start(), m.end())
    for i, ln in enumerate(lines):
        if kinds[i] is LineKind.BODY and not "".join(masked[starts[i] : starts[i] + len(ln)]).strip():
            kinds[i] = LineKind.ARTEFACT

    # Running headers/footers: an all-caps line (perhaps with its page number) that recurs.
    keys = [_caps_key(ln) if kinds[i] is LineKind.BODY else None for i, ln in enumerate(lines)]
    counts = Counter(k for k in keys if k)
    for i, key in enumerate(keys):
        if key and counts[key] >= 2:
            kinds[i] = LineKind.RUNNING_HEADER
    for i, ln in enumerate(lines):
        if kinds[i] is LineKind.BODY and _NUMBER_ONLY.match(ln.strip()):
            near = range(max(0, i - 4), min(len(lines), i + 5))
            if any(kinds[j] is LineKind.RUNNING_HEADER for j in near):
                kinds[i] = LineKind.PAGE_NUMBER

    # Page headers: "Sida n (m)" and the short header lines just above it.
    for i, ln in enumerate(lines):
        if kinds[i] is LineKind.BODY and _PAGE_OF.match(ln.strip()):
            kinds[i] = LineKind.PAGE_NUMBER
            j, seen = i - 1, 0
            while j >= 0 and seen < _HEADER_BLOCK_LINES:
                if kinds[j] is LineKind.BLANK:
                    j -= 1
                    continue
                if kinds[j] is not LineKind.BODY or not _HEADERISH.match(lines[j].strip()):
                    break
                kinds[j] = LineKind.PAGE_HEADER
                seen += 1
                j -= 1

    for i, kind in enumerate(kinds):
        if kind not in (LineKind.BODY, LineKind.BLANK):
            blank_out(starts[i], starts[i] + len(lines[i]))
    return Layout(tuple(kinds), "".join(masked))

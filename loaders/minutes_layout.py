"""Page furniture of text extracted from PDF or Word, recognised so it never becomes a fact.

Page numbers ("3", "Sida 2 (5)", "Sida 2 av 5", "Page 2 of 5"), lines repeated as page headers or
footers, Word field errors ("Error! Use the Home tab to apply … to the text that you want to appear
here.", "Fel! Bokmärket är inte definierat.") and bare hyperlink targets that Word writes at page
ends ("http://www.vardsamverkan.se/") are artefacts. What remains are the content lines, each with
its 1-based line number so evidence can cite it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

PAGE_MARK = re.compile(
    r"\b(?:sida|page|s\.)\s*\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|(?:av|of|/)\s*\d{1,3})?(?=\s|$)", re.IGNORECASE
)
_PAGE_NUMBER_ONLY = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*\(\s*\d{1,3}\s*\)|\s*/\s*\d{1,3})?(?:\s*-)?\s*$")
_HYPERLINK_ONLY = re.compile(r"^\s*(?:https?://|mailto:)\S+\s*$", re.IGNORECASE)
# Word field errors, which may run over two lines; matched on the whole text, then blanked.
WORD_ERRORS = re.compile(
    r"(?:Error!|Fel!)\s+(?:Use the Home tab to apply .{1,80}? to\s+the text that you want to appear here\.?"
    r"|Bookmark not defined\.?|Reference source not found\.?|No text of specified style in document\.?"
    r"|Bokmärket är inte definierat\.?|Referenskällan hittades inte\.?|Referenskälla hittades inte\.?"
    r"|Använd fliken Start för att tillämpa .{1,80}? på\s+den text som ska visas här\.?"
    r"|Det finns ingen text med angivet format i dokumentet\.?)",
    re.DOTALL,
)
# Content a repeated line may be without being a page header (labels and decisions recur by design).
_CONTENT_LABEL = re.compile(
    r"^\s*(?:\d{1,2}\s*[.)]|[a-z]\.|§|•|-|Ställningstagande|Beslut|Föredragande|Information|Dialog|Diskussion)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One content line: its number in the file (1-based) and its text (artefacts removed, right-stripped)."""

    no: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Layout:
    """The content lines of a document and the line numbers recognised as page furniture."""

    lines: tuple[Line, ...]
    artefacts: frozenset[int]

    def gap(self, a: Line, b: Line) -> int:
        """Blank or artefact lines between two content lines."""
        return b.no - a.no - 1

    def index(self, no: int) -> int:
        """Position in `lines` of the first content line at or after line `no`."""
        return next((i for i, line in enumerate(self.lines) if line.no >= no), len(self.lines))


def _is_page_mark(text: str) -> bool:
    """A page number alone, or a short line that starts or ends with one ("… Sida 2 (5)")."""
    text = text.strip()
    if not text:
        return False
    if _PAGE_NUMBER_ONLY.match(text):
        return True
    return len(text) <= 100 and any(m.start() == 0 or m.end() == len(text) for m in PAGE_MARK.finditer(text))


def _blank_word_errors(text: str) -> str:
    """The text with Word field errors replaced by spaces (line breaks kept, so line numbers hold)."""
    return WORD_ERRORS.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def _page_break_neighbours(raw: list[str]) -> set[int]:
    """0-based indices of lines next to a run of three or more blank lines (where pages meet)."""
    near: set[int] = set()
    run_start = None
    for i, text in enumerate([*raw, ""]):
        if not text.strip():
            run_start = i if run_start is None else run_start
            continue
        if run_start is not None and i - run_start >= 3:
            near.update({run_start - 1, i})
        run_start = None
    near.add(0)
    return near


def _repeated_furniture(raw: list[str], marked: set[int]) -> set[int]:
    """Lines repeated (digits aside) two or more times, every time at a page boundary or next to a page mark."""
    boundaries = _page_break_neighbours(raw)
    for i in marked:
        boundaries.update(range(i - 3, i + 4))
    shape = [re.sub(r"\d+", "#", " ".join(t.split())) for t in raw]
    counts = Counter(s for s in shape if len(s) >= 4)
    found = set()
    for key, n in counts.items():
        if n < 2 or _CONTENT_LABEL.match(key):
            continue
        where = [i for i, s in enumerate(shape) if s == key]
        if all(i in boundaries for i in where):
            found.update(where)
    return found


def analyse(lines: tuple[str, ...] | list[str]) -> Layout:
    """Separate content lines from page furniture."""
    raw = _blank_word_errors("\n".join(lines)).split("\n")
    marked = {i for i, t in enumerate(raw) if _is_page_mark(t)}
    furniture = marked | {i for i, t in enumerate(raw) if _HYPERLINK_ONLY.match(t)}
    furniture |= _repeated_furniture(raw, marked)
    word_error_lines = {i for i, (a, b) in enumerate(zip(raw, lines, strict=False)) if a != b and not a.strip()}
    furniture |= word_error_lines
    content = tuple(Line(i + 1, t.rstrip()) for i, t in enumerate(raw) if t.strip() and i not in furniture)
    return Layout(content, frozenset(i + 1 for i in furniture))

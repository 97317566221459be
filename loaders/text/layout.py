"""The layout stage every kind loader starts from: page furniture apart, content lines, segments.

Text extracted from PDF, Word or a web page carries things that are not the document's words:
running headers and footers, page numbers ("3", "Sida 2 (5)", "2 av 5", a transcript's "3 3 (8)"),
per-page header blocks ("Tjänsteutlåtande / Dnr 1.6-292/2020 / Sida 5 (8)"), Word field errors
("Error! Use the Home tab …", "Fel! Bokmärket är inte definierat."), bare hyperlinks Word leaves at
page ends, and the provenance line a stored page starts with ("Source: <URL> (stored public page)").

`analyse(text)` labels every line (`Layout.kinds`), gives a `masked` copy where every non-content
character is a space (offsets and line numbers unchanged, for citation finders), and the content
`lines`: each with its 1-based line number. A page transcript that runs a whole page into one line
(tables and lists flattened to text) is cut into segments at its field labels and numbered starts,
so "Närvarande … Beslut 1. … 2 Den nationella …" reads as the lines it was printed as; every
segment keeps the number of the line it came from, and its text is a substring of that line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum


class LineKind(Enum):
    BODY = "body"
    BLANK = "blank"
    RUNNING_HEADER = "running-header"  # repeated lines at page breaks, with or without page number
    PAGE_NUMBER = "page-number"
    PAGE_HEADER = "page-header"  # a page's document header block ending in "Sida n (m)"
    ARTEFACT = "artefact"  # Word field errors, bare hyperlinks
    PROVENANCE = "provenance"  # "Source: <URL> (stored public page)": where the text was taken from


_ARTEFACT = re.compile(
    r"(?:Error|Fel)!\s+(?:"
    r"Use\s+the\s+Home\s+tab\s+to\s+apply[\s\S]{0,120}?appear\s+here\.?"
    r"|Använd\s+fliken\s+Start[\s\S]{0,160}?visas\s+här\.?"
    r"|Reference\s+source\s+not\s+found\.?|Bookmark\s+not\s+defined\.?"
    r"|No\s+text\s+of\s+specified\s+style\s+in\s+document\.?"
    r"|Hittar\s+inte\s+referenskälla\.?|Referenskällan?\s+hittades\s+inte\.?|Bokmärket\s+är\s+inte\s+definierat\.?"
    r"|Det\s+finns\s+ingen\s+text\s+med\s+angivet\s+format\s+i\s+dokumentet\.?)"
)
PAGE_MARK = re.compile(
    r"\b(?:sida|page|s\.)\s*\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|(?:av|of|/)\s*\d{1,3})?(?=\s|$)", re.IGNORECASE
)
_PAGE_NUMBER_ONLY = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*\(\s*\d{1,3}\s*\)|\s*/\s*\d{1,3})?(?:\s*-)?\s*$")
_PAGE_OF = re.compile(r"^(?:Sida|Page|Sid\.?)\s+\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of)\s+\d{1,4})?$", re.IGNORECASE)
_HYPERLINK_ONLY = re.compile(r"^\s*(?:https?://|mailto:)\S+\s*$", re.IGNORECASE)
_PROVENANCE = re.compile(r"^Source:\s+(?P<url>\S+)\s+\(stored public page\)\s*$")
_COMMON_LOWER = re.compile("[a-zåäöéü]")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_SHORT_NUMBER = re.compile(r"\d{1,4}")
_EDGE_NUMBER = re.compile(r"^\d{1,3}\s+|\s+\d{1,3}$")  # a page number, not a year
_HEADERISH = re.compile(
    r"^(?:(?:Dnr|Diarienummer|Diarienr|Datum|Vår beteckning|Er beteckning)\b.*"
    r"|(?:Tjänsteutlåtande|Yttrande|Remissvar|Remissyttrande|Protokoll|Protokollsutdrag|Beslut|Promemoria|"
    r"PM|Skrivelse|Rapport|Utlåtande|Handläggare\b.*)"
    r"|\d{4}-\d{2}-\d{2})$"
)
_HEADER_BLOCK_LINES = 6
_OWN_HEAD_LINES = 4  # non-blank lines at the top of a document: its own header, though later pages repeat it
# Content a repeated line may be without being a page header (labels and decisions recur by design).
_CONTENT_LABEL = re.compile(
    r"^\s*(?:\d{1,2}\s*[.)]|[a-z]\.|§|•|-|Ställningstagande|Beslut|Föredragande|Information|Dialog|Diskussion)",
    re.IGNORECASE,
)

# ----------------------------------------------------------------------------------------------
# Segments of a page run into one line

# A transcript's page start: "3 3 (8) …" (page number, then "n (m)").
_TRANSCRIPT_PAGE = re.compile(r"^\s*\d{1,3}\s+\d{1,3}\s*\(\s*\d{1,3}\s*\)\s*")
_PAGE_NUMBER_FIRST = re.compile(r"^\s*\d{1,3}\s+(?=[A-ZÅÄÖ])")  # a long line's leading page number
_LONG_LINE = 200
# Field labels that start a new printed line in minutes, notices and letters.
FIELD_LABELS = (
    r"Närvarande|Ej närvarande|Frånvarande|Anmält förhinder|Anmälda förhinder|Ledamöter|Ersättare|Övriga|"
    r"Tjänstgörande ersättare|Beslutande|Inbjudna|Underskrifter|Föredragande|Förslag till beslut|Dagordning|"
    r"Ärenden|Beslut|Ställningstagande|Muntlig information från|Information från|Plats|Tid|Datum|Paus"
)
# A role word is a label only with its colon; without one it annotates the name before it.
_ROLE_LABELS = r"Sekreterare|Ordförande|Justerare|Vice ordförande|Utses att justera"
_SEGMENT_START = re.compile(
    rf"(?<=\s)(?:(?:{FIELD_LABELS})(?=[\s:])|(?:{_ROLE_LABELS}):|\d{{1,2}}\.?\s+(?=[A-ZÅÄÖ][\wåäö]))"
)


@dataclass(frozen=True)
class Line:
    """One content line (or a segment of one): its number in the file (1-based) and its text."""

    no: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Layout:
    kinds: tuple[LineKind, ...]  # kinds[0] is line 1
    masked: str
    lines: tuple[Line, ...] = ()  # the content, furniture removed, long page lines cut into segments
    provenance: str | None = None  # the URL a stored page was taken from

    def kind(self, line: int) -> LineKind:
        return self.kinds[line - 1]

    def is_body(self, line: int) -> bool:
        return self.kinds[line - 1] is LineKind.BODY

    def lines_of(self, kind: LineKind) -> list[int]:
        return [i + 1 for i, k in enumerate(self.kinds) if k is kind]

    @property
    def artefacts(self) -> frozenset[int]:
        """Numbers of the lines that are furniture (not content, not blank)."""
        return frozenset(i + 1 for i, k in enumerate(self.kinds) if k not in (LineKind.BODY, LineKind.BLANK))


# The kinds as plain names: an Enum member looked up on its class costs as much as the test it is used in,
# and the layout makes a dozen tests per line.
_KIND_BODY = LineKind.BODY
_KIND_BLANK = LineKind.BLANK
_KIND_RUNNING_HEADER = LineKind.RUNNING_HEADER
_KIND_PAGE_NUMBER = LineKind.PAGE_NUMBER
_KIND_PAGE_HEADER = LineKind.PAGE_HEADER
_KIND_ARTEFACT = LineKind.ARTEFACT
_KIND_PROVENANCE = LineKind.PROVENANCE


def _caps_key(line: str) -> str | None:
    """The line without a page number at either end, if it is an all-caps line of 6+ letters."""
    if _COMMON_LOWER.search(line):
        return None  # most lines: ruled out without looking at each character in Python
    core = _EDGE_NUMBER.sub("", line.strip()).strip()
    letters = [c for c in core if c.isalpha()]
    if len(letters) < 6 or any(c.islower() for c in letters):
        return None
    return " ".join(core.split())


def _is_page_mark(text: str) -> bool:
    """A page number alone, or a short line that starts or ends with one ("… Sida 2 (5)"); asked only of a
    line that holds a digit (every page mark does; most lines do not)."""
    text = text.strip()
    if _PAGE_NUMBER_ONLY.match(text) or _PAGE_OF.match(text):
        return True
    return len(text) <= 100 and any(m.start() == 0 or m.end() == len(text) for m in PAGE_MARK.finditer(text))


def _page_break_neighbours(lines: list[str]) -> set[int]:
    """0-based indices of lines next to a run of three or more blank lines (where pages meet)."""
    near: set[int] = {0}
    run_start = None
    for i, text in enumerate([*lines, ""]):
        if not text.strip():
            run_start = i if run_start is None else run_start
            continue
        if run_start is not None and i - run_start >= 3:
            near.update({run_start - 1, i})
        run_start = None
    return near


def _shape(line: str) -> str:
    """A line as its repeats have it: single spaces, any number as "#"."""
    return _DIGITS.sub("#", " ".join(line.split()))


def _repeated_at_breaks(lines: list[str], kinds: list[LineKind]) -> set[int]:
    """Lines repeated (digits aside) two or more times, every time at a page break or next to a page mark."""
    boundaries = _page_break_neighbours(lines)
    for i, kind in enumerate(kinds):  # a page number or a recurring capitals header marks a page break
        if kind in (_KIND_PAGE_NUMBER, _KIND_RUNNING_HEADER):
            boundaries.update(range(i - 3, i + 4))
    # the last two filled lines: where the last page ends
    last = set(itertools.islice((i for i in reversed(range(len(kinds))) if kinds[i] is not _KIND_BLANK), 2))
    # Only a shape seen at a break or at the end can qualify: the other lines are shaped only when they
    # start as one of those does (most lines of a long text are never shaped).
    near = [i for i in sorted(boundaries | last) if 0 <= i < len(lines) and kinds[i] is _KIND_BODY]
    keys = {k for i in near if len(k := _shape(lines[i])) >= 4 and not _CONTENT_LABEL.match(k)}
    firsts = {k.split(" ", 1)[0] for k in keys}  # a line is shaped only when its first word is one of these
    numbered = any("#" in word for word in firsts)
    at: dict[str, list[int]] = {}
    for i, t in enumerate(lines):
        if kinds[i] is not _KIND_BODY or not (words := t.split(None, 1)):
            continue
        first = words[0]
        candidate = first in firsts or (numbered and _DIGIT.search(first) and _DIGITS.sub("#", first) in firsts)
        if candidate and (k := _shape(t)) in keys:
            at.setdefault(k, []).append(i)
    found: set[int] = set()
    for where in at.values():
        # a footer printed on three pages or more may close the text, which is no page break of its own
        closing = len(where) >= 3 and where[-1] in last
        at_breaks = all(i in boundaries for i in (where[:-1] if closing else where))
        if len(where) >= 2 and at_breaks:
            found.update(where)
    return found


def segments(no: int, text: str) -> list[Line]:
    """A content line as the lines it was printed as: a long transcript line is cut at labels and numbers."""
    page = _TRANSCRIPT_PAGE.match(text)
    if len(text) < _LONG_LINE and not page:
        return [Line(no, text)]
    page = page or _PAGE_NUMBER_FIRST.match(text)
    start = page.end() if page else 0
    cuts = [start, *(m.start() for m in _SEGMENT_START.finditer(text, start)), len(text)]
    parts = [text[a:b].rstrip() for a, b in itertools.pairwise(cuts)]
    return [Line(no, p) for p in parts if p.strip()]


def analyse(text: str | Sequence[str]) -> Layout:
    """Label every line, mask the furniture and give the content lines (see the module docstring)."""
    text = text if isinstance(text, str) else "\n".join(text)
    if (laid := _LAID_OUT.get(text)) is not None:
        return laid
    # The same text with or without its final newline (a file's text, and its lines joined): one
    # more or one less blank line at the end changes no label and no content line.
    if text.endswith("\n") and (shorter := _LAID_OUT.get(text[:-1])) is not None:
        laid = Layout((*shorter.kinds, _KIND_BLANK), shorter.masked + "\n", shorter.lines, shorter.provenance)
    elif (longer := _LAID_OUT.get(text + "\n")) is not None:
        laid = Layout(longer.kinds[:-1], longer.masked[:-1], longer.lines, longer.provenance)
    else:
        laid = _analyse(text)
    while len(_LAID_OUT) >= 4:  # the few latest texts: choosing a loader and loading lay the same text out
        _LAID_OUT.pop(next(iter(_LAID_OUT)))
    _LAID_OUT[text] = laid
    return laid


_LAID_OUT: dict[str, Layout] = {}  # Layouts are immutable, so one is shared by every caller


def _analyse(text: str) -> Layout:
    """analyse() of one text, laid out afresh."""
    lines = text.split("\n")
    kinds = [_KIND_BLANK if not ln.strip() else _KIND_BODY for ln in lines]
    starts = list(itertools.accumulate((len(ln) + 1 for ln in lines[:-1]), initial=0))
    masked = list(lines)  # per line: the whole text as one list of characters cost a third of the stage

    provenance = None
    if lines and (m := _PROVENANCE.match(lines[0])):
        kinds[0], provenance = _KIND_PROVENANCE, m["url"]

    # Word field errors, possibly over several lines; bare hyperlinks.
    for m in _ARTEFACT.finditer(text):
        first = bisect.bisect_right(starts, m.start()) - 1
        last = bisect.bisect_right(starts, max(m.end() - 1, m.start())) - 1
        for i in range(first, last + 1):
            lo, hi = max(m.start() - starts[i], 0), min(m.end() - starts[i], len(lines[i]))
            masked[i] = masked[i][:lo] + " " * (hi - lo) + masked[i][hi:]
            if kinds[i] is _KIND_BODY and not masked[i].strip():
                kinds[i] = _KIND_ARTEFACT
    for i, ln in enumerate(lines):
        if kinds[i] is _KIND_BODY and ":" in ln and _HYPERLINK_ONLY.match(ln):
            kinds[i] = _KIND_ARTEFACT

    # Running headers/footers: an all-caps line (perhaps with its page number) that recurs.
    keys = [
        _caps_key(ln) if kinds[i] is _KIND_BODY and not _COMMON_LOWER.search(ln) else None
        for i, ln in enumerate(lines)
    ]  # the lower-case test first, as _caps_key makes it: most lines fail it
    counts = Counter(k for k in keys if k)
    headers = False
    for i, key in enumerate(keys):
        if key and counts[key] >= 2:
            kinds[i], headers = _KIND_RUNNING_HEADER, True
    for i, ln in enumerate(lines if headers else ()):  # a page number is one beside a running header
        if kinds[i] is _KIND_BODY and _SHORT_NUMBER.fullmatch(ln.strip()):
            near = range(max(0, i - 4), min(len(lines), i + 5))
            if any(kinds[j] is _KIND_RUNNING_HEADER for j in near):
                kinds[i] = _KIND_PAGE_NUMBER

    # Page marks, and the short header lines just above a "Sida n (m)".
    for i, ln in enumerate(lines):
        if kinds[i] is not _KIND_BODY or not _DIGIT.search(ln) or not _is_page_mark(ln):
            continue
        kinds[i] = _KIND_PAGE_NUMBER
        if not _PAGE_OF.match(ln.strip()):
            continue
        j, seen = i - 1, 0
        while j >= 0 and seen < _HEADER_BLOCK_LINES:
            if kinds[j] is _KIND_BLANK:
                j -= 1
                continue
            if kinds[j] is not _KIND_BODY or not _HEADERISH.match(lines[j].strip()):
                break
            kinds[j] = _KIND_PAGE_HEADER
            seen += 1
            j -= 1
    for i in _repeated_at_breaks(lines, kinds):
        kinds[i] = _KIND_RUNNING_HEADER
    # The header that opens the document is its own (title, body, date are read from it), though every
    # later page repeats it; a header after content is a page's.
    for i in itertools.islice((i for i, kind in enumerate(kinds) if kind not in (_KIND_BLANK, _KIND_PROVENANCE)),
                              _OWN_HEAD_LINES):
        if kinds[i] is not _KIND_RUNNING_HEADER:
            break
        kinds[i] = _KIND_BODY

    for i, kind in enumerate(kinds):
        if kind not in (_KIND_BODY, _KIND_BLANK):
            masked[i] = " " * len(lines[i])
    content: list[Line] = []
    for i, kind in enumerate(kinds):
        if kind is _KIND_BODY and (shown := masked[i].rstrip()).strip():
            if len(shown) < _LONG_LINE and not _TRANSCRIPT_PAGE.match(shown):
                content.append(Line(i + 1, shown))  # segments() of a short line, without the call
            else:
                content.extend(segments(i + 1, shown))
    flat = "\n".join(masked)
    return Layout(tuple(kinds), flat, tuple(content), provenance)

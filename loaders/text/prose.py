"""Reading Swedish running text: sentences, section headings and word overlap (dates: dates.py).

All functions take offsets into the text as written (usually a layout-masked copy, see layout.py),
so whatever a loader finds can be cited by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proveniens.loaders.text.flattext import flat

# An end: . ! ? before a capital, a bullet or a numbered heading ("… planen. 7.1 Förslaget om …").
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"»)]?\s+(?=[A-ZÅÄÖ•]|\d{1,2}(?:\.\d{1,2})+\s+[A-ZÅÄÖ])|\s*\n\s*(?=[•➢▪])")
_NOT_AN_END = re.compile(r"(?:\b(?:t\.ex|bl\.a|m\.m|s\.k|dvs|o\.s\.v|jfr|ca|resp|kap|prop|dir|nr|s)\.)$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÅÄÖåäöéü]+")
_STOP_WORDS = (
    "och att det som för med den till ska har inte kan även eller från utan samt inom eller vilket vilka "
    "denna detta dessa deras sina sitt sin man mer också enligt genom under efter över vara blir bli är var "
    "utredningen utredaren utredarens utredningens föreslår föreslås förslag förslaget förslagen bedömer "
    "anser menar framgår där när här alla andra olika samma mycket både så"
)
_STOP = frozenset(_STOP_WORDS.split(" "))


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        """The words as printed (for quotes): whitespace collapsed, hyphenation kept."""
        return " ".join(text[self.start : self.end].split())

    def words(self, text: str) -> str:
        """The words for matching: whitespace collapsed and line-end hyphenation undone."""
        return flat(text[self.start : self.end]).strip()


def sentences(text: str, lo: int = 0, hi: int | None = None) -> list[Span]:
    """Sentences of `text[lo:hi]`; an abbreviation ("t.ex.", "prop.") does not end a sentence."""
    hi = len(text) if hi is None else hi
    out: list[Span] = []
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if _NOT_AN_END.search(text, max(lo, m.start() - 8), m.start()):
            continue
        out.append(Span(start, m.start()))
        start = m.end()
    if text[start:hi].strip():
        out.append(Span(start, hi))
    return [_trim(text, s) for s in out if text[s.start : s.end].strip()]


def sentence_at(text: str, start: int, end: int, reach: int = 500) -> Span:
    """The sentence holding `text[start:end]`, without a heading run into it before `start`."""
    for s in sentences(text, max(0, start - reach), min(len(text), end + reach)):
        if s.start <= start < s.end:
            heading, body = split_heading(text, s, start)
            return body if heading is not None and body.start <= start else s
    return Span(start, end)


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def split_heading(text: str, span: Span, at: int | None = None) -> tuple[Span | None, Span]:
    """A heading run into the sentence that follows it: the sentence starts at the last line (up to
    `at`) that starts with a capital after a line without end punctuation."""
    at = span.end if at is None else at
    line_starts = [span.start] + [span.start + m.end() for m in re.finditer(r"\n\s*", text[span.start : at])]
    begin = span.start
    for pos in line_starts[1:]:
        before = text[span.start : pos].rstrip()
        if pos < len(text) and text[pos].isupper() and before and before[-1] not in ".,;:!?-–":
            begin = pos
    if begin == span.start:
        return None, span
    heading = _trim(text, Span(span.start, begin))
    if len(heading.of(text).split()) > 20:
        return None, span
    return heading, Span(begin, span.end)


def stems(text: str) -> set[str]:
    """Content words, cut to 6 letters so inflections meet ("samverkan", "samverka")."""
    return {w.lower()[:6] for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in _STOP}


def similarity(a: set[str], b: set[str]) -> float:
    """Cosine of two word sets: shared words, discounted by the size of both."""
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0

"""Text as one line with hyphenation undone, mapped back to the offsets of the text as written.

Text extracted from PDF or Word breaks citations over lines ("(SOU\\n\\n2017:53)") and hyphenates
words at line ends ("sjukvårds-\\nlagen"). Pattern matching is easier on a flat version: every run
of whitespace becomes one space and a line-end hyphen inside a word is dropped. `FlatText.span`
turns a match in the flat text back into the span of the original, so a citation keeps the
characters as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

# A line-end hyphen is kept before these words: "hälso-\noch sjukvård" is an elided compound, not a break.
_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "till", "respektive", "resp", "som", "med", "utan"})
_SPACE = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")
_WORD = re.compile(r"\w+")
# Only a hyphen at a line end may be a word break ("hälso- och" on one line is copied as it is).
_HYPHEN_AT_LINE_END = re.compile(r"[-\u2010][^\S\n]*\n")
# What flatten must rewrite: soft hyphens, a hyphen whose run of whitespace holds a line end (only such a
# hyphen may be a word break, see _is_break), and whitespace other than a single plain space.
# Each opens with the class of its first character, which lets re skip to the candidates in C.
_SOFT_OR_LINE_END_HYPHEN = re.compile(r"[\u00ad\-\u2010](?:(?<=\u00ad)|(?=[\s\u00a0\u2007\u202f\u200b]*\n))")
# A run of two or more, or one that is not a plain space ("[\s…]{2,}|[^\S ]|[\u00a0…]").
_SPACE_TO_REWRITE = re.compile(r"[\s\u00a0\u2007\u202f\u200b](?:[\s\u00a0\u2007\u202f\u200b]+|(?<! ))")


@dataclass(frozen=True)
class FlatText:
    """`flat` with, per piece copied from `original`, where the piece starts in each: `flat[i]` was
    written at `original[offset(i)]`. Pieces, not one offset per character: a tuple of a million
    ints cost more than finding the citations in a long document."""

    original: str
    flat: str
    flat_starts: tuple[int, ...]  # ascending: the start in `flat` of each piece
    original_starts: tuple[int, ...]  # the same piece's start in `original`

    def offset(self, i: int) -> int:
        """Where `flat[i]` was written in `original`."""
        k = bisect.bisect_right(self.flat_starts, i) - 1
        return self.original_starts[k] + i - self.flat_starts[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of `flat[start:end]` (end exclusive)."""
        if end <= start:
            at = self.offset(start) if start < len(self.flat) else len(self.original)
            return at, at
        return self.offset(start), self.offset(end - 1) + 1


def _is_break(text: str, hyphen: int, after: int) -> bool:
    """Whether the hyphen at `hyphen`, followed by whitespace up to `after`, is a line-end word break."""
    if hyphen == 0 or not text[hyphen - 1].isalpha() or "\n" not in text[hyphen:after]:
        return False
    if after >= len(text) or not text[after].islower():
        return False
    word = _WORD.match(text, after)
    return word is None or word.group(0) not in _KEEP_HYPHEN_BEFORE


def flatten(text: str) -> FlatText:
    """Collapse whitespace to single spaces and undo line-end hyphenation, remembering offsets."""
    parts: list[str] = []
    flat_starts: list[int] = []
    original_starts: list[int] = []
    length = 0
    for at, piece in _pieces(text):
        parts.append(piece)
        flat_starts.append(length)
        original_starts.append(at)
        length += len(piece)
    return FlatText(text, "".join(parts), tuple(flat_starts), tuple(original_starts))


def flat(text: str) -> str:
    """`flatten(text).flat` without the offsets, for words that are matched but never cited."""
    if "\u00ad" not in text and not _HYPHEN_AT_LINE_END.search(text):
        return _SPACE.sub(" ", text)  # nothing but whitespace to collapse: one C call, not a loop of pieces
    return "".join(piece for _, piece in _pieces(text))


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """The flat text as (offset, piece) where `piece[i]` was written at `text[offset + i]`.

    Runs between soft hyphens, line-end hyphens and whitespace are copied in one slice each: a
    character loop made flattening the slowest step of reading a long document. Only the few soft
    and line-end hyphens are looked at one by one; between them, whitespace is all there is to rewrite
    (a hyphen before a space stays inside the run it is copied with)."""
    pos = 0
    for m in [*_SOFT_OR_LINE_END_HYPHEN.finditer(text), None]:
        at = m.start() if m else len(text)
        for space in _SPACE_TO_REWRITE.finditer(text, pos, at):
            if space.start() > pos:
                yield pos, text[pos : space.start()]
            yield space.start(), " "
            pos = space.end()
        if pos < at:
            yield pos, text[pos:at]
        if m is None:
            return
        pos = m.end()
        if m[0] == "\u00ad":  # a soft hyphen, never printed
            continue
        run = _SPACE.match(text, pos)
        if run and _is_break(text, at, run.end()):
            pos = run.end()
            continue
        yield at, m.group()

"""Text as one line with hyphenation undone, mapped back to the offsets of the text as written.

Text extracted from PDF or Word breaks citations over lines ("(SOU\\n\\n2017:53)") and hyphenates
words at line ends ("sjukvårds-\\nlagen"). Pattern matching is easier on a flat version: every run
of whitespace becomes one space and a line-end hyphen inside a word is dropped. `FlatText.span`
turns a match in the flat text back into the span of the original, so a citation keeps the
characters as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line-end hyphen is kept before these words: "hälso-\noch sjukvård" is an elided compound, not a break.
_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "till", "respektive", "resp", "som", "med", "utan"})
_SPACE = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class FlatText:
    """`flat[i]` was written at `original[offsets[i]]`."""

    original: str
    flat: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of `flat[start:end]` (end exclusive)."""
        if end <= start:
            at = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


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
    chars: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\u00ad":  # soft hyphen: never printed
            i += 1
            continue
        if ch in "-\u2010" and i + 1 < n:
            space = _SPACE.match(text, i + 1)
            if space and _is_break(text, i, space.end()):
                i = space.end()
                continue
        space = _SPACE.match(text, i)
        if space:
            chars.append(" ")
            offsets.append(i)
            i = space.end()
            continue
        chars.append(ch)
        offsets.append(i)
        i += 1
    return FlatText(text, "".join(chars), tuple(offsets))

"""A document's layout, citations and sentences, read once however many kind loaders look at it.

Why: the registry asks every kind loader whether it recognises a document, the report loader asks
the remiss loader too, and the chosen loader then reads it — each of them needs the masked text and
its citations. Reading them once per text keeps the loaders linear in the size of the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from proveniens.loaders.citations.find import Citation, find_citations
from proveniens.loaders.text.layout import Layout, analyse
from proveniens.loaders.text.prose import Span, sentences, split_heading


@dataclass(frozen=True)
class DocumentText:
    layout: Layout
    masked: str  # the text with page furniture blanked (offsets as written)
    citations: tuple[Citation, ...]


@lru_cache(maxsize=4)
def document_text(text: str) -> DocumentText:
    layout = analyse(text)
    return DocumentText(layout, layout.masked, tuple(find_citations(layout.masked)))


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[tuple[int, ...], tuple[Span, ...]]:
    spans = tuple(sentences(text))
    return tuple(s.start for s in spans), spans


def sentence_spans(text: str) -> tuple[Span, ...]:
    """The sentences of `text` (prose.sentences), split once per text."""
    return _sentences(text)[1]


def sentence_containing(text: str, start: int, end: int) -> Span:
    """The sentence holding `text[start:end]`, without a heading run into it (as prose.sentence_at),
    found by bisection in the sentences of the whole text, which are split once per text."""
    starts, spans = _sentences(text)
    i = bisect.bisect_right(starts, start) - 1
    if i < 0 or not spans[i].start <= start < spans[i].end:
        return Span(start, end)
    heading, body = split_heading(text, spans[i], start)
    return body if heading is not None and body.start <= start else spans[i]


def citations_per_sentence(sents: Sequence[Span], cits: Sequence[Citation]) -> list[list[Citation]]:
    """For each sentence, the citations that start inside it, in the order of `cits`.

    Found by bisection: a scan of every citation for every sentence made long reports quadratic."""
    order = sorted(range(len(cits)), key=lambda i: cits[i].start)
    starts = [cits[i].start for i in order]
    out = []
    for s in sents:
        lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
        out.append([cits[i] for i in sorted(order[lo:hi])])
    return out

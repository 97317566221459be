"""A document's layout and citations, read once however many kind loaders look at it.

Why: the registry asks every kind loader whether it recognises a document, the report loader asks
the remiss loader too, and the chosen loader then reads it — each of them needs the masked text and
its citations. Reading them once per text keeps the loaders linear in the size of the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from proveniens.loaders.citations import Citation, find_citations
from proveniens.loaders.layout import Layout, analyse


@dataclass(frozen=True)
class DocumentText:
    layout: Layout
    masked: str  # the text with page furniture blanked (offsets as written)
    citations: tuple[Citation, ...]


@lru_cache(maxsize=4)
def document_text(text: str) -> DocumentText:
    layout = analyse(text)
    return DocumentText(layout, layout.masked, tuple(find_citations(layout.masked)))

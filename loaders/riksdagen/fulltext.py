"""The inquiries a proposition's full text (`dokument.html`) cites, read with the product's citation finder.

Riksdagen's records link a proposition to no SOU or directive: the link exists only in the text
("… och SOU 2018:25 s. 463"). Every SOU and directive the text cites becomes `dcterms:references`
with the sentence that cites it, in the record's own characters, as evidence (stated: the text
cites it). Whether the bill *builds on* it (`rpubl:utgarFran`) is a reading a curator adds: an
SOU in the graph must say which inquiry wrote it and its title (pvs:SouShape), which a citation
does not tell.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from proveniens.loaders.citations.find import CitationKind, find_citations
from proveniens.loaders.facts import Facts
from proveniens.loaders.riksdagen.record import Element

_CITED = {CitationKind.SOU, CitationKind.DIR}


def write_cited_inquiries(f: Facts, iri: URIRef, doc: Element) -> None:
    """`iri` dcterms:references every SOU and directive its full text cites, once each (the first citation)."""
    field = doc.field("html")
    if field is None:
        return
    raw = f.source.text[field.start : field.end]  # the file's own characters, so evidence spans are the file's
    seen: set[URIRef] = set()
    for citation in find_citations(raw):
        if citation.kind not in _CITED or citation.iri is None or citation.iri in seen:
            continue
        seen.add(citation.iri)
        low = max(raw.rfind(">", 0, citation.start), raw.rfind("\\n", 0, citation.start)) + 1
        high = min(x for x in (raw.find("<", citation.end), raw.find("\\r", citation.end), len(raw)) if x >= 0)
        start, end = _around(raw, low, high, citation.start, citation.end)
        f.link(iri, DCTERMS.references, citation.iri, f.evidence(field.start + start, field.start + end))


def _around(raw: str, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    """The paragraph (between tags) holding `raw[start:end]`, or words around it when the paragraph is long.

    Not the sentence: page references ("s. 88 f. och 108 f.") would end it at every abbreviation."""
    if high - low <= _PARAGRAPH:
        return low, high
    left, right = max(low, start - _BEFORE), min(high, end + _AFTER)
    if left > low and (space := raw.find(" ", left, start)) >= 0:  # begin and end on whole words
        left = space + 1
    if right < high and (space := raw.rfind(" ", end, right)) >= 0:
        right = space
    return left, right


_PARAGRAPH, _BEFORE, _AFTER = 500, 240, 120

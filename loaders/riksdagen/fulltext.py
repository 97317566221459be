"""The reports a proposition's full text (`dokument.html`) cites, read with the product's citation finder.

Riksdagen's records link a proposition to no SOU, Ds or directive: the link exists only in the text.
A proposition names the report it builds on in fixed phrases of its own making: the list of bodies
that answered the remiss ("Remissyttranden över promemorian … (Ds 2018:18) har lämnats av",
"Förteckning över remissinstanserna (SOU 2018:39)"), the account of how the matter was prepared
("Uppdraget har redovisats i departementspromemorian … (Ds 2018:18)", "överlämnade betänkandet …")
and the annexed summary ("Sammanfattning av betänkandet … (SOU …)"). That report is its basis,
`rpubl:utgarFran`. Every other SOU, Ds and directive it cites is support for an argument ("se bl.a.
… SOU 2018:25 s. 463") and becomes `dcterms:references`. Both carry the words that state them, in
the record's own characters, as evidence.

The report is left untyped: an SOU in the graph must say which inquiry wrote it and its title
(pvs:SouShape), which a citation does not tell; pvs:Proposition-basedOn accepts a report known only
by its identifier.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from proveniens.loaders.citations.find import Citation, CitationKind, find_citations
from proveniens.loaders.facts import Facts
from proveniens.loaders.riksdagen.record import Element
from proveniens.namespaces import RPUBL

_CITED = {CitationKind.SOU, CitationKind.DS, CitationKind.DIR}
_REPORTS = {CitationKind.SOU, CitationKind.DS}

# The words before "(SOU 2018:39)" that make it the report the proposition was prepared from, the
# most telling first: the account of the preparation, the remiss, the annexed summary.
_BASIS = [
    re.compile(rf"(?:{words})(?:\s[^()<>]{{0,300}})?\s*\(\s*$")
    for words in (
        r"har redovisats i|överlämnade",
        r"[Rr]emissyttranden över|[Rr]emissinstanserna",
        r"[Ss]ammanfattning av",
    )
]


def write_cited_reports(f: Facts, iri: URIRef, doc: Element) -> None:
    """`iri` rpubl:utgarFran the report it was prepared from, and dcterms:references every other
    SOU, Ds and directive its full text cites: each link once, with its first wording (the basis: its
    most telling one)."""
    field = doc.field("html")
    if field is None:
        return
    raw = f.source.text[field.start : field.end]  # the file's own characters, so evidence spans are the file's
    cited = [c for c in find_citations(raw) if c.kind in _CITED and c.iri is not None]
    bases: dict[URIRef, tuple[int, Citation]] = {}
    for citation in cited:
        rank = _basis_rank(raw, citation) if citation.kind in _REPORTS else None
        if rank is not None and (citation.iri not in bases or rank < bases[citation.iri][0]):
            bases[citation.iri] = (rank, citation)
    seen: set[URIRef] = set()
    for citation in cited:
        if citation.iri in seen:
            continue
        seen.add(citation.iri)
        basis = bases.get(citation.iri)
        prop, where = (RPUBL.utgarFran, basis[1]) if basis else (DCTERMS.references, citation)
        start, end = _paragraph(raw, where)
        f.link(iri, prop, where.iri, f.evidence(field.start + start, field.start + end))
        f.add(where.iri, DCTERMS.identifier, Literal(where.identifier))


def _basis_rank(raw: str, citation: Citation) -> int | None:
    """Which basis phrase (its place in `_BASIS`) the words just before the citation are, if any."""
    low, _ = _bounds(raw, citation)
    begin = max(low, citation.start - 400)
    return next((rank for rank, p in enumerate(_BASIS) if p.search(raw, begin, citation.start)), None)


def _bounds(raw: str, citation: Citation) -> tuple[int, int]:
    """The paragraph holding the citation: between the tags or escaped line breaks around it."""
    low = max(raw.rfind(">", 0, citation.start), raw.rfind("\\n", 0, citation.start)) + 1
    high = min(x for x in (raw.find("<", citation.end), raw.find("\\r", citation.end), len(raw)) if x >= 0)
    return low, high


def _paragraph(raw: str, citation: Citation) -> tuple[int, int]:
    """The paragraph holding the citation, or words around it when the paragraph is long.

    Not the sentence: page references ("s. 88 f. och 108 f.") would end it at every abbreviation."""
    low, high = _bounds(raw, citation)
    start, end = citation.start, citation.end
    if high - low <= _PARAGRAPH:
        return low, high
    left, right = max(low, start - _BEFORE), min(high, end + _AFTER)
    if left > low and (space := raw.find(" ", left, start)) >= 0:  # begin and end on whole words
        left = space + 1
    if right < high and (space := raw.rfind(" ", end, right)) >= 0:
        right = space
    return left, right


_PARAGRAPH, _BEFORE, _AFTER = 500, 240, 120

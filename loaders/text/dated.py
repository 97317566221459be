"""Writing a date a document gives for itself: a stated day, or a month or period as a range.

One place for it, so a remiss response and a report date themselves the same way: a day only where
the text states one (dcterms:date), otherwise pv:earliestDate/pv:latestDate with the reasoning —
never a guessed day (see dates.py for how the text is read).
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from proveniens.loaders.evidence import Evidence
from proveniens.loaders.facts import Facts
from proveniens.loaders.text.dates import DateMention
from proveniens.loaders.text.prose import Span
from proveniens.namespaces import PV


def write_date(f: Facts, subject: URIRef, mention: DateMention, ev: Evidence) -> None:
    """`subject` dated by `mention`, attested by `ev` (the line that states it)."""
    if mention.is_day and not mention.inferred:
        f.add(subject, DCTERMS.date, Literal(mention.first.isoformat(), datatype=XSD.date))
    else:
        f.add(subject, PV.earliestDate, Literal(mention.first.isoformat(), datatype=XSD.date))
        f.add(subject, PV.latestDate, Literal(mention.last.isoformat(), datatype=XSD.date))
        reason = mention.reasoning_en or f"The document states '{mention.text}', not a day."
        f.add(subject, PV.dateReasoning, Literal(reason, lang="en"))
    f.attest(subject, ev)


def line_span(text: str, index: int) -> Span:
    """Line `index` of `text` (0-based) as a span of offsets."""
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[:index])
    return Span(start, start + len(lines[index]))


def line_evidence(f: Facts, text: str, index: int) -> Evidence:
    """Evidence for line `index` of `text` (0-based), as written."""
    span = line_span(text, index)
    return f.evidence(span.start, span.end)

"""What a report says about a named region or municipality: its findings, and the figures they state.

A follow-up report tells, region by region, how far the work has come ("Region Dalarna har en strategi under
utveckling", "I Region Skåne har 14 av 33 kommuner infört patientkontrakt", "45 procent av invånarna …"). Each
sentence that names a known region or municipality is a finding about it, quoted as printed. A figure is read
only when the sentence says what it counts: the number, a percentage sign or "procent", "av N" for a share of a
whole, and the word it counts ("kommuner", "invånarna"); a year, a day of a month, a note number or a number
inside a citation is not a figure. Nothing here knows RDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from proveniens.loaders.citations.find import Citation
from proveniens.loaders.knowledge import Body
from proveniens.loaders.reports.general import about_places
from proveniens.loaders.text.dates import MONTH_NAMES
from proveniens.loaders.text.prose import Span, flat

_FIGURE = re.compile(
    r"(?<![\w,.:/§-])(?P<number>\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?)(?![\w:/-]|,\d)"
    r"(?:\s*(?P<unit>%|procent(?:enheter)?\b))?"
    r"(?:\s+av\s+(?:de\s+|dem\s+)?(?P<whole>\d+))?"
    r"\s+(?:av\s+)?(?P<counts>(?:(?:miljoner|miljarder|tusen)\s+)?[a-zåäö]+(?:-[ \t]*\n[ \t]*[a-zåäö]+|-[a-zåäö]+)*)\b"
)
# Words after a number that do not say what it counts.
_NOT_COUNTED = frozenset({*MONTH_NAMES, "och", "eller", "till", "i", "på", "år", "är", "var", "har", "hade",
                          "procent", "st", "ca", "cirka", "samt", "som", "att", "med", "för", "om", "av", "de",
                          "dem"})  # fmt: skip
_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class Figure:
    """A number a finding states and what it counts: "14 av 33 kommuner", "45 procent av invånarna"."""

    value: Decimal
    counts: str  # the word it counts, as written
    span: Span  # the figure as written
    percent: bool = False
    whole: int | None = None  # "14 av 33": the whole it is a share of


@dataclass(frozen=True)
class Finding:
    """A sentence of the report about one or more named regions or municipalities, and the figures it states."""

    span: Span
    places: tuple[Body, ...]
    figures: tuple[Figure, ...]


def figures(text: str, span: Span, cits: list[Citation]) -> tuple[Figure, ...]:
    """The figures of the sentence `span` of `text` that say what they count (none inside a citation)."""
    out = []
    for m in _FIGURE.finditer(text, span.start, span.end):
        number, counts = m["number"], flat(m["counts"])  # "invå-\nnare" is "invånare"
        if any(c.start <= m.start() < c.end for c in cits) or counts in _NOT_COUNTED:
            continue
        if _YEAR.fullmatch(number) and not m["unit"]:
            continue  # "2020 infördes": a year, not a count
        value = Decimal(re.sub(r"\s", "", number).replace(",", "."))
        whole = int(m["whole"]) if m["whole"] else None
        out.append(Figure(value, counts, Span(m.start(), m.end()), bool(m["unit"]), whole))
    return tuple(out)


def findings(text: str, cits: list[Citation]) -> list[Finding]:
    """Every sentence about a named region or municipality, once, with the places it names, in text order."""
    merged: list[tuple[Span, list[Body]]] = []
    for body, sentence in sorted(about_places(text), key=lambda found: found[1].start):
        if merged and sentence.start < merged[-1][0].end:  # the same sentence, cut after a heading for one name
            span, named = merged[-1]
            merged[-1] = (Span(span.start, max(span.end, sentence.end)), named)
        else:
            merged.append((sentence, []))
        if body not in merged[-1][1]:
            merged[-1][1].append(body)
    return [Finding(s, tuple(bodies), figures(text, s, cits)) for s, bodies in merged]

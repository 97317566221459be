"""Documents and plans that minutes mention: SOUs, propositions, directives, laws, the roadmap, the agreement.

Only unambiguous mentions count. Numbered documents and laws are found by the shared citation
finder (citations.py; the misspelt "prop. 2019:20/164" included). Regional plans and agreements
("Färdplanen", "HoS-avtalet") are named as the knowledge files list their titles and short forms
(sources/curated/knowledge/plans.yaml), and count only in a document of the plan's region and time:
"färdplan" in another region's minutes is that region's own plan, not Västra Götaland's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from proveniens.loaders.citations.find import as_written, find_citations
from proveniens.loaders.knowledge import Body, knowledge
from proveniens.namespaces import INST


@dataclass(frozen=True)
class Reference:
    target: str  # IRI path below https://w3id.org/proveniens/
    text: str  # as written
    start: int  # character offset in the searched text
    stated: bool  # the words name the document; False: a reading (see note)
    note: str | None = None


def find_references(text: str, region: Body | None = None, latest: dt.date | None = None) -> list[Reference]:
    """Every document or plan mentioned in `text`, in order (one per place it is mentioned).

    Numbered documents and laws come from the shared citation finder (citations.py); only citations
    with an IRI count here. A plan of the knowledge files counts only in a document of its region
    (`region`: the region of the body whose document it is) written no later than `latest` allows.
    """
    found: list[Reference] = []
    taken = bytearray(len(text))  # 1 where a reference already stands: one look per mention, not per pair
    for c in find_citations(text):
        if c.iri is None:
            continue
        written = as_written(c)
        number = re.search(r"\d[\d/:]*\d", c.identifier)
        literal = number is None or number[0] in written or c.kind.value in ("law", "provision")
        note = None if literal else f"Written '{written}'; read as {c.identifier}."
        found.append(Reference(str(c.iri).removeprefix(str(INST)), written, c.start, literal, note))
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    for plan, m, by_title in knowledge().plans_named(text, region, latest):
        if any(taken[m.start() : m.end()]):
            continue
        taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        note = None if by_title else (
            f"'{m[0]}' is read as {plan.titles[0] if plan.titles else plan.iri}: the knowledge files give it as a "
            f"name of that plan in documents of {region.name if region else ''}"
            + (f" from {plan.applies_from.isoformat()}." if plan.applies_from else ".")
        )
        found.append(Reference(str(plan.iri).removeprefix(str(INST)), m[0], m.start(), by_title, note))
    return sorted(found, key=lambda r: r.start)

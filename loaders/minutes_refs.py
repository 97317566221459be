"""Documents and plans that minutes mention: SOUs, propositions, directives, laws, the roadmap, the agreement.

Only unambiguous mentions count. Numbered documents and laws are found by the shared citation
finder (citations.py; the misspelt "prop. 2019:20/164" included). Färdplan nära vård is named
"Färdplan", "färdplanen" or "gemensam färdplan" — not "en färdplan", which in the corpus also means
the SOU's own roadmap. The regional
health-care agreement is named by its title or by "HoS-avtal(et)"/"revidering av hälso- och
sjukvårdsavtalet"; a bare "hälso- och sjukvårdsavtalet" may be the agreement in force before the
revision and is not read as a reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from proveniens.loaders.citations import as_written, find_citations
from proveniens.namespaces import INST


@dataclass(frozen=True)
class Reference:
    target: str  # IRI path below https://w3id.org/proveniens/
    text: str  # as written
    start: int  # character offset in the searched text
    stated: bool  # the words name the document; False: a reading (see note)
    note: str | None = None


_HOS_NOTE = (
    "The minutes name the regional health-care agreement by its short form or as the agreement under revision; "
    "it is identified with the revised agreement sent on remiss in autumn 2021."
)


def _fixed(path: str) -> Callable[[re.Match[str]], str]:
    return lambda _m: path


_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str], bool, str | None], ...] = (
    (re.compile(r"\bFärdplan(?:en)?\b|\b(?:läns)?gemensamm?a? färdplan(?:en)?\b|\bfärdplanen\b"),
     _fixed("strategy/fardplan-nara-vard"), True, None),
    (re.compile(r"\bHälso- ?och sjukvårdsavtal med tillhörande överenskommelser\b", re.IGNORECASE),
     _fixed("agreement/hos-avtal-vg-2021"), True, None),
    (re.compile(r"\bHoS-avtal(?:et)?\b|\brevider\w*\s+(?:av|i)\s+(?:det\s+)?(?:tidigare\s+)?"
                r"(?:hälso- ?och sjukvårdsavtal|HoS-avtal)\w*", re.IGNORECASE),
     _fixed("agreement/hos-avtal-vg-2021"), False, _HOS_NOTE),
)  # fmt: skip


def find_references(text: str) -> list[Reference]:
    """Every document or plan mentioned in `text`, in order (one per place it is mentioned).

    Numbered documents and laws come from the shared citation finder (citations.py); only citations
    with an IRI count here.
    """
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []
    for c in find_citations(text):
        if c.iri is None:
            continue
        written = as_written(c)
        number = re.search(r"\d[\d/:]*\d", c.identifier)
        literal = number is None or number[0] in written or c.kind.value in ("law", "provision")
        note = None if literal else f"Written '{written}'; read as {c.identifier}."
        found.append(Reference(str(c.iri).removeprefix(str(INST)), written, c.start, literal, note))
        taken.append((c.start, c.end))
    for pattern, target, stated, note in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            found.append(Reference(target(m), m[0], m.start(), stated, note))
    return sorted(found, key=lambda r: r.start)

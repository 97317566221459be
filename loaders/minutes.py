"""The minutes loader: meeting notes of collaboration bodies (SRO, VVG, …) become meetings with evidence.

A document is minutes when it has a numbered agenda, the labels minutes use ("Ställningstagande:",
"Föredragande:", "Inbjudna:", a "Mötesanteckning"/"Minnesanteckningar" title …) and a body whose
meeting it records — named in the title, or (when the header is missing) the body that takes the
decisions ("Ställningstagande: VVG noterar informationen"). What is read:

- the meeting: body, date (stated, or an inferred range with its reasoning), start and end time, form;
- people: invited guests (with their organisation), who was present or absent, who left early and when,
  chair and vice chair (from "Ordförande:" or the signature block) — one pv:MeetingParticipation each;
- each agenda item: number, title, presenters ("Föredragande", or the names under the heading), text,
  the documents and plans it mentions (dcterms:references) and is about (pv:concerns);
- each item's decision ("Ställningstagande"): its statements and what it concerns;
- the schedule of coming meetings, as meetings of the bodies it lists.

Every triple has evidence (file, lines, quote; see minutes_emit). Nothing depends on line numbers or
file names: the parts are found by what they look like (minutes_structure and the modules it uses),
and written as RDF by minutes_write.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from proveniens.loaders.entities import body_named, find_bodies, new_body
from proveniens.loaders.minutes_emit import Emitter
from proveniens.loaders.minutes_parts import LABEL, TITLE_LINE, Minutes
from proveniens.loaders.minutes_structure import read_minutes
from proveniens.loaders.minutes_write import BodyFound, MinutesWriter
from proveniens.loaders.sources import SourceFile, SourceKind

if TYPE_CHECKING:
    from proveniens.loaders.registry import LoadedDocument

_ABBREVIATION = re.compile(r"(?<![\w/])([A-ZÅÄÖ]{2,}(?:/[\w-]+)?)(?![\w/])")
_SUBJECT = re.compile(
    r"^\s*([A-ZÅÄÖ]{2,}(?:/[\w-]+)?)\s+(?:noterar|ställer|beslutar|tar|godkänner|antar|ger|uppdrar|föreslår)\b"
)


def find_body(minutes: Minutes) -> BodyFound | None:
    """The body whose meeting the minutes record: from the title, else from who takes the decisions."""
    if minutes.title is not None and (minutes.body_written or minutes.body_name):
        span = minutes.title
        name = minutes.body_name.quote if minutes.body_name else None
        end = minutes.body_name.end if minutes.body_name else span.end
        written = minutes.body_written or name or ""
        if known := find_bodies(written) or find_bodies(name or ""):
            return BodyFound(known[0][0], known[0][1], span.start, end, True)
        if abbr := _ABBREVIATION.search(written):
            return BodyFound(new_body(abbr[1], name), abbr[1], span.start, end, True)
        words = re.sub(r"\s*\b\d.*$", "", written).strip(" ,:-–")  # "Samverkansgrupp X 2022-03-14" → the name
        if words and words[:1].isupper():
            return BodyFound(new_body(words), words, span.start, end, True)
    subjects: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for item in minutes.items:
        for st in item.decisions:
            if m := _SUBJECT.match(st.text):
                subjects[m[1]] += 1
                first.setdefault(m[1], (st.span.start, st.span.end))
    if not subjects:
        return None
    token = subjects.most_common(1)[0][0]
    start, end = first[token]
    note = (
        f"The minutes have no header naming the body; {token} is the body that takes their decisions "
        f"(Ställningstagande), {subjects[token]} time(s)."
    )
    return BodyFound(body_named(token) or new_body(token), token, start, end, False, note)


class MinutesLoader:
    """Reads minutes (mötesanteckningar, minnesanteckningar) of collaboration bodies."""

    name = "minutes"
    version = "1"

    def __init__(self) -> None:
        self._parsed: dict[str, Minutes | None] = {}

    def _read(self, source: SourceFile) -> Minutes | None:
        """The parts of `source`, read once for recognise() and load() (a few documents are kept)."""
        if source.sha256 not in self._parsed:
            while len(self._parsed) >= 8:
                self._parsed.pop(next(iter(self._parsed)))
            self._parsed[source.sha256] = read_minutes(source.lines)
        return self._parsed[source.sha256]

    def recognise(self, source: SourceFile) -> bool:
        if source.kind is not SourceKind.DOCUMENT:
            return False
        labels = ("decision", "presenters", "invited", "absent")
        marked = any(TITLE_LINE.match(line) for line in source.lines[:8]) or any(
            LABEL[k].match(line) for line in source.lines for k in labels
        )
        if not marked:
            return False
        minutes = self._read(source)
        return minutes is not None and len(minutes.items) >= 2 and find_body(minutes) is not None

    def load(self, source: SourceFile) -> LoadedDocument:
        from proveniens.loaders.registry import LoadedDocument  # here, as the registry imports this module

        minutes = self._read(source)
        found = find_body(minutes) if minutes else None
        if minutes is None or found is None:
            return LoadedDocument(Emitter(source).graph)
        out = Emitter(source)
        MinutesWriter(source, minutes, found, out).write()
        return LoadedDocument(out.graph, out.origins)



"""The minutes loader: minutes and notices of meetings of any body become meetings with evidence.

Whether a document is minutes is scored on what it says (recognise.py): a title that names the kind,
a roll call, presenters, decisions, meeting words, an agenda of any shape, a body that decides — so a web
summary ("Sammanställning från SRO"), a "§ n" protocol, decision news and a notice (kallelse) are minutes
too, while remiss responses and reports are left to their loaders. One layout stage (layout.py) gives the
content lines, page transcripts cut at their labels; structure.py reads the parts on it:

- the meeting: body (title, a header line, a letterhead, who decides, or the page's address — a reading),
  date (stated; or an inferred day or range with its reasoning, never a guessed day), times, form;
- people: the roll call in its forms and "X ersätter Y" (people/roll.py), who acts in the running text
  (people/running.py; inferred), chair and vice chair, posts and job titles (people/posts.py) — a notice
  invites and records nobody as present;
- agenda items (numbered, "§ n", unnumbered headings, a bullet agenda): presenters from labels and from
  "X föredrar", "X går igenom"; decisions from "Ställningstagande", "Beslut", "<body> beslutar …", and a
  notice's "Förslag till beslut" as a proposal; what they mention and concern;
- the schedule of coming meetings, and the meeting a decision names ("till VVG-mötet 5 oktober").

Every triple has evidence (file, lines, quote; see writing/emit.py), written by writing/write.py. Nothing
depends on line numbers or file names.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from proveniens.loaders.knowledge.entities import body_named, find_bodies, new_body
from proveniens.loaders.minutes.items import add_body_decisions
from proveniens.loaders.minutes.parts import Minutes
from proveniens.loaders.minutes.recognise import THRESHOLD, recognition_score
from proveniens.loaders.minutes.structure import read_minutes
from proveniens.loaders.minutes.text import is_organisation_like
from proveniens.loaders.minutes.writing.emit import Emitter
from proveniens.loaders.minutes.writing.write import BodyFound, MinutesWriter, can_date
from proveniens.loaders.sources import SourceFile, SourceKind
from proveniens.loaders.text.dates import DAY_MONTH

if TYPE_CHECKING:
    from proveniens.loaders.registry import LoadedDocument

_ABBREVIATION = re.compile(r"(?<![\w/])([A-ZÅÄÖ]{2,}(?:/[\w-]+)?)(?![\w/])")
# Who takes a decision: a body's abbreviation ("VVG noterar") or a board's, committee's or council's name
# ("Socialnämnden antar").
_SUBJECT = re.compile(
    r"^\s*([A-ZÅÄÖ]{2,}(?:/[\w-]+)?|[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|rådet|fullmäktige|utskottet|beredningen))"
    r"\s+(?:noterar|ställer|beslutar|tar|godkänner|antar|ger|uppdrar|föreslår)\b"
)


_NOT_A_BODY = re.compile(r"^\s*(?:Sammanträdesdatum|Datum|Plats|Tid|Dagordning)\b", re.IGNORECASE)
_DATE_TAIL = re.compile(r"\s*\b(?:den\s+|[a-zåäö]+dagen\s+den\s+)?\d.*$")
_HEADER_LINES = 8
_LETTERHEAD = re.compile(r"\b[A-ZÅÄÖ]{6,}\b")
_URL_BODY = re.compile(r"/(?P<body>[a-z][a-z-]{4,})/[^/]*?(?:19|20)\d{2}-\d{2}-\d{2}")


def _from_title(minutes: Minutes) -> BodyFound | None:
    """The body the title line names: "Mötesanteckning SRO", "Protokoll från samråd för … den 19 …"."""
    span = minutes.title
    if span is None or not (minutes.body_written or minutes.body_name):
        return None
    name = minutes.body_name.quote if minutes.body_name else None
    end = minutes.body_name.end if minutes.body_name else span.end
    written = minutes.body_written or name or ""
    if known := find_bodies(written) or find_bodies(name or ""):
        return BodyFound(known[0][0], known[0][1], span.start, end, True)
    if abbr := _ABBREVIATION.search(written):
        return BodyFound(new_body(abbr[1], name), abbr[1], span.start, end, True)
    words = _DATE_TAIL.sub("", written).strip(" ,:-–")  # "Samverkansgrupp X 2022-03-14" → the name
    if words and not _NOT_A_BODY.match(words):  # "Protokoll från samråd för …": what follows names the body
        return BodyFound(new_body(words, words[:1].upper() + words[1:]), words, span.start, end, True)
    return None


def _from_heading(minutes: Minutes) -> BodyFound | None:
    """A first line that is a body and a day ("Regionstyrelsen 17 maj"), a header line that is only a body's
    name ("PROTOKOLL / Sammanträdesdatum / 2019-03-12 / Socialnämnden"), or a letterhead in capitals."""
    first = minutes.layout.lines[0]
    if (m := DAY_MONTH.search(first.text)) and is_organisation_like(words := first.text[: m.start()].strip(" ,–-")):
        return BodyFound(body_named(words) or new_body(words), words, first.no, first.no, True)
    for line in minutes.layout.lines[:_HEADER_LINES]:
        name = line.stripped
        if len(name.split()) <= 6 and not re.search(r"[\d:.,;]", name) and is_organisation_like(name):
            return BodyFound(body_named(name) or new_body(name), name, line.no, line.no, True)
    for line in minutes.layout.lines:
        for m in _LETTERHEAD.finditer(line.text):
            if is_organisation_like(m[0]) and not find_bodies(m[0]):
                name = m[0].capitalize()
                return BodyFound(new_body(name), m[0], line.no, line.no, True)
    return None


def _from_provenance(source: SourceFile, minutes: Minutes) -> BodyFound | None:
    """The committee in the address a stored page came from, when the text names none (a reading)."""
    url = minutes.layout.provenance
    if url is None or not (m := _URL_BODY.search(url)):
        return None
    written = m["body"]
    note = "The text names no body; the page's address files the meeting under this committee."
    body = new_body(written, written.replace("-", " ").capitalize())
    return BodyFound(body, written, 1, 1, False, note)


def find_body(minutes: Minutes, source: SourceFile | None = None) -> BodyFound | None:
    """The body whose meeting the minutes record: from the title, else from who takes the decisions."""
    if found := _from_title(minutes):
        return found
    subjects: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for item in minutes.items:
        for st in item.decisions:
            if m := _SUBJECT.match(st.text):
                subjects[m[1]] += 1
                first.setdefault(m[1], (st.span.start, st.span.end))
    if not subjects:
        return _from_heading(minutes) or (_from_provenance(source, minutes) if source else None)
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

    def _read(self, source: SourceFile) -> Minutes | None:
        """The parts of `source`, read once for every recognise() and load() of any instance (a few are kept)."""
        if source.sha256 not in _PARSED:
            while len(_PARSED) >= 8:
                _PARSED.pop(next(iter(_PARSED)))
            _PARSED[source.sha256] = read_minutes(source.lines)
        return _PARSED[source.sha256]

    def recognise(self, source: SourceFile) -> bool:
        if source.kind is not SourceKind.DOCUMENT or _score(source) < THRESHOLD:
            return False
        minutes = self._read(source)  # minutes nothing places in time are left unrecognised, not failed
        return minutes is not None and find_body(minutes, source) is not None and can_date(minutes)

    def load(self, source: SourceFile) -> LoadedDocument:
        from proveniens.loaders.registry import LoadedDocument  # here, as the registry imports this module

        minutes = self._read(source)
        found = find_body(minutes, source) if minutes else None
        if minutes is None or found is None:
            return LoadedDocument(Emitter(source).graph)
        add_body_decisions(minutes, found.written)
        out = Emitter(source)
        MinutesWriter(source, minutes, found, out).write()
        return LoadedDocument(out.graph, out.origins)


_PARSED: dict[str, Minutes | None] = {}  # by content hash: the registry and the other kinds' claims ask
_SCORES: dict[str, int] = {}


def _score(source: SourceFile) -> int:
    """recognition_score of `source`, once per content: choosing a loader asks three times, and its count of
    stances reads the whole text."""
    if source.sha256 not in _SCORES:
        if len(_SCORES) > 256:
            _SCORES.clear()
        _SCORES[source.sha256] = recognition_score(source.lines)
    return _SCORES[source.sha256]

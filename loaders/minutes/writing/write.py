"""Writing the parts of one set of minutes as RDF, every triple with its evidence (see emit.py).

The meeting (body, date or inferred range, times, form); one pv:MeetingParticipation per person and
meeting (attendance, role); people and their organisations; agenda items with presenters, text,
references and what they concern; decisions; and the meetings that schedules and "Nästa möte" list.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from proveniens.day_words import day_in_words, range_in_words
from proveniens.errors import SourceError
from proveniens.loaders.evidence import normalise as normalise_ws
from proveniens.loaders.knowledge import knowledge, slugify
from proveniens.loaders.knowledge.entities import Body, BodyKind, PersonIndex, body_named, find_bodies, new_body
from proveniens.loaders.minutes.dates.schedule import read_schedule
from proveniens.loaders.minutes.parts import Item, Minutes, Named
from proveniens.loaders.minutes.people.represented import represented
from proveniens.loaders.minutes.writing.emit import Emitter, xsd_date, xsd_time
from proveniens.loaders.minutes.writing.refs import Reference, find_references
from proveniens.loaders.sources import SourceFile
from proveniens.loaders.text.dates import DAY_MONTH, day_month
from proveniens.loaders.text.layout import Line
from proveniens.namespaces import INST, ORG, PV

ROLE = {"chair": INST["role/chair"], "vice-chair": INST["role/vice-chair"], "invited-guest": INST["role/invited-guest"],
        "member-organisation": INST["role/member-organisation"]}  # fmt: skip
ATTENDANCE = {"present": PV.Present, "absent": PV.Absent, "left": PV.LeftEarly}


@dataclass(frozen=True)
class BodyFound:
    """The body whose meeting the minutes record, the spelling and lines that say so."""

    body: Body
    written: str
    start: int
    end: int
    stated: bool
    note: str | None = None


class MinutesWriter:
    """Turns the parts of one set of minutes into RDF."""

    def __init__(self, source: SourceFile, minutes: Minutes, found: BodyFound, out: Emitter) -> None:
        self.source, self.minutes, self.found, self.out = source, minutes, found, out
        self.body = out.body(found.body, found.written, found.start, found.end)
        named = self._all_named()
        k = knowledge()  # the region gives "Färdplanen" and a name their sense: the body's, else the text's
        self.region = k.region_of(found.body) or k.region_named(source.text)
        self.people = PersonIndex((n.name for n in named), found.body, {n.name: n.affiliation for n in named},
                                  self.region)  # fmt: skip
        if minutes.date is not None:
            self.key = f"{minutes.date[0]:%Y-%m-%d}"
        else:  # named like the source (its IRI is its file name): a corrected text keeps its meeting's IRI
            self.key = f"undated-{slugify(source.path.stem)}"
        self.meeting = INST[f"meeting/{found.body.slug}/{self.key}"]
        self._refs: dict[str, list[Reference]] = {}

    def _references_in(self, text: str) -> list[Reference]:
        """find_references for this document, once per distinct text: decisions repeat their wording
        ("Informationen noteras.") item after item, and region and date limit are the document's."""
        if text not in self._refs:
            self._refs[text] = find_references(text, self.region, self.latest)
        return self._refs[text]

    def _all_named(self) -> list[Named]:
        m = self.minutes
        named = [*m.invited, *m.present, *m.absent, *(p for p, _ in m.left), *(o.person for o in m.officers)]
        named += [p for p, _ in [*m.present_inferred, *m.absent_inferred]]
        return named + [p for item in m.items for p in item.presenters]

    def write(self) -> None:
        self._meeting()
        for named in sorted(self._all_named(), key=lambda n: n.span.start):  # organisations: first mention first
            ref = self.people.resolve(named.name)
            start, end = self.out.narrow(named.span.start, named.span.end, named.name)
            self._affiliation(self.out.person(ref, start, end, self.people.note(ref)), named, start, end)
        self._participants()
        self._member_organisations()
        self._posts()
        for item in self.minutes.items:
            self._item(item)
        self._schedule()
        self._meetings_named_in_decisions()

    # -- the meeting ----------------------------------------------------------------------------

    def _meeting(self) -> None:
        out, m, meeting, f = self.out, self.minutes, self.meeting, self.found
        out.typed(meeting, PV.Meeting)
        out.link(meeting, PV.body, self.body, f.start, f.end, stated=f.stated, note=f.note)
        if m.date is not None:
            day, span = m.date
            out.attest(meeting, DCTERMS.date, xsd_date(day), span.start, span.end, span.quote)
            out.record(meeting, self._names, span.start, span.end, span.quote, False, _NAMED, RDFS.label)
        else:
            self._date_range()
        if m.times is not None:
            start, end, span = m.times
            out.attest(meeting, PV.startTime, xsd_time(start), span.start, span.end, span.quote)
            out.attest(meeting, PV.endTime, xsd_time(end), span.start, span.end, span.quote)
        if m.form is not None:
            form, span = m.form
            out.attest(meeting, PV.meetingForm, Literal(form), span.start, span.end, span.quote)

    @cached_property
    def _names(self) -> list[tuple[URIRef, Literal]]:
        """The meeting's names (see meeting_names), which its participations' names repeat."""
        m, rng = self.minutes, self.minutes.date_range
        if m.date is not None:
            return meeting_names(self.found.body, m.date[0])
        return meeting_names(self.found.body, rng.earliest.date, rng.latest.date) if rng is not None else []

    @cached_property
    def latest(self) -> dt.date | None:
        """The last day the meeting can have been held: its date, else the end of the range the text allows
        (worked out once: every reference asks)."""
        if self.minutes.date is not None:
            return self.minutes.date[0]
        return self.minutes.date_range.last if self.minutes.date_range is not None else None

    def _agenda_lines(self) -> list[Line]:
        return [line for item in self.minutes.items for line in item.lines]

    def _date_range(self) -> None:
        rng = self.minutes.date_range
        if rng is None:
            raise_undatable(self.source)
        out, meeting = self.out, self.meeting
        for prop, bound in ((PV.earliestDate, rng.earliest), (PV.latestDate, rng.latest)):
            out.attest(meeting, prop, xsd_date(bound.date), bound.start, bound.end, bound.quote, False, bound.en)
        for text, lang in ((rng.reasoning_sv, "sv"), (rng.reasoning_en, "en")):
            out.add((meeting, PV.dateReasoning, Literal(text, lang=lang)))  # rests on the two bounds above
        low = rng.earliest
        out.record(meeting, self._names, low.start, low.end, low.quote, False, _NAMED, RDFS.label)

    # -- people ---------------------------------------------------------------------------------

    def _participation(
        self, named: Named, facts: list[tuple[URIRef, URIRef | Literal]], about: URIRef, role: str | None = None,
        whole: bool = False, stated: bool = True, note: str | None = None,
    ) -> None:  # fmt: skip
        """Record a person's part in the meeting as one list in the minutes gives it (one piece of evidence)."""
        ref = self.people.resolve(named.name)
        start, end = self.out.narrow(named.span.start, named.span.end, named.name)
        if whole or end - named.span.start <= 3:  # keep the list's label in the quote when it is close
            start = named.span.start
        end = named.span.end if whole else end
        person = self.out.person(ref, start, end, self.people.note(ref))
        self._affiliation(person, named, start, end)
        iri = INST[f"membership/{self.found.body.slug}-{self.key}-{ref.slug}"]
        base: list[tuple[URIRef, URIRef | Literal]] = [
            (RDF.type, PV.MeetingParticipation), (RDF.type, ORG.Membership), (ORG.member, person),
            (PV.meeting, self.meeting), (ORG.organization, self.body),
            *((RDFS.label, Literal(f"{ref.name} — {name}", lang=name.language)) for _, name in self._names),
        ]  # fmt: skip
        if role is not None:
            facts = [*facts, (ORG.role, ROLE[role])]
        self.out.record(iri, base + facts, start, end, None, stated, note, about=about)

    def _affiliation(self, person: URIRef, named: Named, start: int, end: int) -> None:
        """The organisation written next to a person's name (once per person and organisation)."""
        if not named.affiliation:
            return
        for body, written, _ in find_bodies(named.affiliation)[:1]:
            b_start, b_end = self.out.narrow(named.span.start, named.span.end, written)
            b_start, b_end = min(start, b_start), max(end, b_end)
            org = self.out.body(body, written, b_start, b_end)
            if (person, ORG.memberOf, org) not in self.out.graph:  # one attestation, written next to the name
                self.out.record(person, [(ORG.memberOf, org)], b_start, b_end, about=ORG.memberOf)

    def _member_organisations(self) -> None:
        """A collaboration body's members sit for organisations: "Hasse Karlsson PRO" under "Ledamöter" makes PRO
        one of the body's member organisations (a reading of the roll call, so inferred), first mention as evidence.
        The member's own participation stays as it is; that they belong to the organisation is written too."""
        if self.found.body.kind is not BodyKind.COLLABORATION:
            return
        done: set[str] = {self.found.body.slug}
        for named in self.minutes.members:
            found = represented(named.affiliation)
            if found is None:
                continue
            body, written = found
            start, end, quote = self._beside(named, written)
            org = self.out.body(body, written, start, end)
            ref = self.people.resolve(named.name)
            person = self.out.person(ref, *self.out.narrow(start, end, named.name), self.people.note(ref))
            if (person, ORG.memberOf, org) not in self.out.graph:
                self.out.record(person, [(ORG.memberOf, org)], start, end, quote, about=ORG.memberOf)
            if body.slug in done:
                continue
            done.add(body.slug)
            iri = INST[f"membership/{self.found.body.slug}/member-organisation/{body.slug}"]
            facts: list[tuple[URIRef, URIRef | Literal]] = [
                (RDF.type, ORG.Membership), (ORG.member, org), (ORG.organization, self.body),
                (ORG.role, ROLE["member-organisation"]),
                (RDFS.label, Literal(f"{body.name} — medlemsorganisation i {self.found.body.name}", lang="sv")),
                (RDFS.label, Literal(f"{body.name} — member organisation of {self.found.body.name}", lang="en")),
            ]  # fmt: skip
            note = (f"{named.name} is listed among the members of {self.found.body.name} for {written}: the "
                    "organisation a member sits for is taken to be a member organisation of the body.")  # fmt: skip
            self.out.record(iri, facts, start, end, quote, False, note, about=ORG.member)

    def _beside(self, named: Named, written: str) -> tuple[int, int, str]:
        """The lines and quote that hold a name and the organisation written after it ("Ulrik Hammar (L), norra
        hälso- och sjukvårdsnämnden"); the organisation alone when the two lie far apart."""
        text = self.out.text_of(named.span.start, named.span.end)
        at = text.find(named.name)
        to = text.find(normalise_ws(written), at) if at >= 0 else -1
        quote = text[at : to + len(normalise_ws(written))] if at >= 0 and 0 <= to - at <= 120 else written
        return (*self.out.narrow(named.span.start, named.span.end, quote), quote)

    def _posts(self) -> None:
        """Each title written beside a name: the person holds a post (org:Post) with that name, in the
        organisation written with it when that is a body the data knows."""
        out = self.out
        for post in self.minutes.posts:
            ref = self.people.resolve(post.person.name)
            start, end = out.narrow(post.person.span.start, post.person.span.end, post.title)
            lines = out.quote_of(start, end, limit=10**6)  # a label's title is lower-cased: quote it as printed
            quote = m[0] if (m := re.search(re.escape(post.title), lines, re.IGNORECASE)) else post.title
            person = out.person(ref, post.person.span.start, post.person.span.end, self.people.note(ref))
            iri = INST[f"post/{ref.slug}/{slugify(post.title)}"]
            out.typed(iri, ORG.Post)
            out.attest(iri, SKOS.prefLabel, Literal(post.title, lang="sv"), start, end, quote)
            out.link(person, ORG.holds, iri, start, end, quote)
            for body, written, _ in find_bodies(post.organisation or "")[:1]:
                org = out.body(body, written, start, end)
                out.link(iri, ORG.postIn, org, *out.narrow(start, end, written), written)

    def _participants(self) -> None:
        m = self.minutes
        for named in m.invited:
            self._participation(named, [], ORG.role, role="invited-guest")
        # One attendance per person: leaving early says more than being present; a stated absence wins over a
        # presence (a person in both lists is recorded as absent only).
        recorded: set[str] = set()
        for named, at in m.left:
            facts: list[tuple[URIRef, URIRef | Literal]] = [(PV.attendance, PV.LeftEarly)]
            if at is not None:
                facts.append((PV.leftAt, xsd_time(at)))
            self._participation(named, facts, PV.attendance)
            recorded.add(self.people.resolve(named.name).slug)
        for kind in ("absent", "present"):
            for named in getattr(m, kind):
                slug = self.people.resolve(named.name).slug
                if slug not in recorded:
                    recorded.add(slug)
                    self._participation(named, [(PV.attendance, ATTENDANCE[kind])], PV.attendance)
        for kind, inferred in (("absent", m.absent_inferred), ("present", m.present_inferred)):
            for named, why in inferred:
                slug = self.people.resolve(named.name).slug
                if slug not in recorded:
                    recorded.add(slug)
                    self._participation(named, [(PV.attendance, ATTENDANCE[kind])], PV.attendance, stated=False,
                                        note=why)  # fmt: skip
        for officer in m.officers:
            self._participation(officer.person, [], ORG.role, role=officer.role, whole=True)

    # -- agenda items ---------------------------------------------------------------------------

    def _item(self, item: Item) -> None:
        out = self.out
        iri = URIRef(f"{self.meeting}/item/{item.number}")
        h = item.heading
        heading_text = out.quote_of(h.start, h.end)
        heading_facts: list[tuple[URIRef, URIRef | Literal]] = [
            (RDF.type, PV.AgendaItem), (PV.meeting, self.meeting), (PV.itemNumber, Literal(item.number)),
            (DCTERMS.title, Literal(item.title, lang="sv")),
        ]  # fmt: skip
        out.record(iri, heading_facts, h.start, h.end, heading_text, about=DCTERMS.title)
        note = None if item.presenters_labelled else "Names under the heading, read as the item's presenters."
        for named in item.presenters:
            ref = self.people.resolve(named.name)
            start, end = out.narrow(named.span.start, named.span.end, named.name)
            start = named.span.start if end - named.span.start <= 3 else start
            person = out.person(ref, start, end, self.people.note(ref))
            self._affiliation(person, named, start, end)
            out.link(iri, PV.presenter, person, start, end, stated=item.presenters_labelled, note=note)
        if item.text is not None:
            t = item.text.span
            first = next(x for x in self.minutes.layout.lines if x.no == t.start)  # its text without artefacts
            out.attest(iri, DCTERMS.description, Literal(item.text.text, lang="sv"), t.start, t.end,
                       " ".join(first.text.split()))  # fmt: skip
        for p in item.proposals:
            out.attest(iri, PV.proposedDecisionText, Literal(p.text, lang="sv"), p.span.start, p.span.end, p.text)
        concerns = self._references(iri, item)
        if item.decisions:
            self._decision(iri, item, concerns)

    def _references(self, iri: URIRef, item: Item) -> list[tuple[URIRef, int, int]]:
        """Link the item to what it mentions; return what its heading and listed matters name (what it concerns)."""
        out, seen, concerns = self.out, set(), []
        spans = [item.heading, *(x.span for x in item.matters)]
        about = {no for span in spans for no in range(span.start, span.end + 1)}
        starts = list(itertools.accumulate((len(x.text) + 1 for x in item.lines[:-1]), initial=0))
        numbers = [x.no for x in item.lines]  # offset k lies on the last line starting at or before k
        text = "".join(x.text + "\n" for x in item.lines)
        for ref in self._references_in(text):
            first = numbers[bisect.bisect_right(starts, ref.start) - 1]
            last = numbers[bisect.bisect_left(starts, ref.start + len(ref.text)) - 1]
            target, is_about = INST[ref.target], first in about
            if (target, is_about) in seen:
                continue
            seen.add((target, is_about))
            start, end = out.narrow(first, last, ref.text)
            out.link(iri, DCTERMS.references, target, start, end, stated=ref.stated, note=ref.note)
            if is_about:
                out.link(iri, PV.concerns, target, start, end, stated=ref.stated, note=ref.note)
                concerns.append((target, start, end))
        return concerns

    def _decision(self, item_iri: URIRef, item: Item, concerns: list[tuple[URIRef, int, int]]) -> None:
        """One pv:Decision per statement: "Ställningstagande" over two bullets is two decisions, each with
        what its own words name; the item's heading speaks for decisions only when no statement names anything."""
        out = self.out
        named = False
        for number, st in enumerate(item.decisions, 1):
            iri, s = decision_iri(item_iri, number), st.span
            facts: list[tuple[URIRef, URIRef | Literal]] = [
                (RDF.type, PV.Decision), (PROV.wasGeneratedBy, item_iri),
                (PV.decisionText, Literal(st.text, lang="sv")), (RDFS.label, Literal(shortened(st.text), lang="sv")),
            ]  # fmt: skip
            out.record(iri, facts, s.start, s.end, st.text, about=PV.decisionText)
            for ref in self._references_in(st.text):
                out.link(iri, PV.concerns, INST[ref.target], s.start, s.end, ref.text, ref.stated, ref.note)
                named = True
        if not named:
            note = f"The decision is taken under item {item.number}, whose heading or listed matters name this."
            for number in range(1, len(item.decisions) + 1):
                for target, start, end in concerns:
                    out.link(decision_iri(item_iri, number), PV.concerns, target, start, end, stated=False, note=note)

    # -- the schedule ---------------------------------------------------------------------------

    def _next_meetings(self) -> None:
        """ "Nästa möte: …": the body's next meeting (a day without a year: the first such day after this meeting)."""
        held = self.minutes.date[0] if self.minutes.date else None
        for day, month, year, span in self.minutes.next_meetings:
            note = None
            if year is None:
                if held is None:
                    continue  # no sound year for a day-month in undated minutes
                year = held.year + ((month, day) <= (held.month, held.day))
                note = f"No year is written; the first {day}/{month} after the meeting of {held.isoformat()}."
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            iri = INST[f"meeting/{self.found.body.slug}/{date:%Y-%m-%d}"]
            if iri == self.meeting:
                continue
            facts: list[tuple[URIRef, URIRef | Literal]] = [
                (RDF.type, PV.Meeting), (PV.body, self.body), (DCTERMS.date, xsd_date(date)),
                *meeting_names(self.found.body, date),
            ]  # fmt: skip
            self.out.record(iri, facts, span.start, span.end, None, note is None, note, about=DCTERMS.date)

    def _meetings_named_in_decisions(self) -> None:
        """ "… till VVG-mötet 5 oktober", "vid möte i VVG den 5 oktober": the decision points at that meeting,
        linked when this document knows a meeting of that body on that day (its schedule, its next meeting)."""
        for item in self.minutes.items:
            for number, st in enumerate(item.decisions, 1):
                iri = decision_iri(URIRef(f"{self.meeting}/item/{item.number}"), number)
                for m in _MEETING_NAMED.finditer(st.text):
                    body = body_named(m["in"] or m["compound"])
                    for target in self._meetings_on(body.iri if body else self.body, m["when"]):
                        note = f"The decision names '{m[0]}'; the year is that of the meeting this document lists."
                        self.out.link(iri, DCTERMS.references, target, st.span.start, st.span.end, m[0], False, note)

    def _meetings_on(self, body: URIRef, written: str) -> list[URIRef]:
        """Other meetings of `body` in this graph held on the day and month `written` ("5 oktober")."""
        g = self.out.graph
        if not (dm := DAY_MONTH.match(written)) or not (wanted := day_month(dm)):
            return []
        dates = {t: g.value(t, DCTERMS.date) for t in g.subjects(PV.body, body) if t != self.meeting}
        return [t for t, d in dates.items() if d is not None and (d.toPython().day, d.toPython().month) == wanted]

    def _schedule(self) -> None:
        self._next_meetings()
        out = self.out
        lines = self.minutes.layout.lines
        prefer = int(self.key[:4]) if self.minutes.date else _range_year(out, self.meeting)
        nos = [x.no for x in lines]  # in text order (a cut page line repeats its number)
        for first, last in self.minutes.schedule_lines:
            # by bisection: a scan of every line per schedule grew with the square of the length
            section = list(lines[bisect.bisect_left(nos, first) : bisect.bisect_right(nos, last)])
            for planned in read_schedule(section, [prefer] if prefer else [], prefer):
                written = planned.column or self.found.written
                body = body_named(written) or new_body(written)
                if planned.column and planned.header:
                    body_iri = out.body(body, written, planned.header.no, planned.header.no)
                    b_start, b_stated, b_note = planned.header.no, True, None
                else:
                    body_iri = self.body
                    b_start, b_stated = planned.heading.no, False
                    b_note = "The schedule in the minutes of a body lists that body's meetings."
                iri = INST[f"meeting/{body.slug}/{planned.date:%Y-%m-%d}"]
                if iri == self.meeting:
                    continue
                cell = planned.cell
                facts: list[tuple[URIRef, URIRef | Literal]] = [
                    (RDF.type, PV.Meeting), (PV.body, body_iri), (DCTERMS.date, xsd_date(planned.date)),
                    *meeting_names(body, planned.date),
                ]  # fmt: skip
                note = planned.note if b_note is None else f"{planned.note} {b_note}"
                out.record(iri, facts, b_start, cell.line.no, cell.text, planned.stated and b_stated, note,
                           about=DCTERMS.date)  # fmt: skip


_MEETING_NAMED = re.compile(
    r"(?:\bmöte(?:t)?\s+i\s+(?P<in>[A-ZÅÄÖ][\wÅÄÖåäö/-]*)|\b(?P<compound>[A-ZÅÄÖ]{2,}(?:/[\w-]+)?)-mötet)"
    r"\s+(?:den\s+)?(?P<when>\d{1,2}\s+[a-zåäö]+\.?)"
)


_NAMED = "A name for the meeting, made from its body's short name and its date as the minutes give them."
_SHORT = 90


def meeting_names(body: Body, first: dt.date, last: dt.date | None = None) -> list[tuple[URIRef, Literal]]:
    """rdfs:label in Swedish and English, as people name a meeting: "SRO, 24 september 2021", or with the
    range an undated one lies in, "VVG, april–augusti 2020"."""
    short = body.abbreviation or body.name
    names = []
    for lang in ("sv", "en"):
        held = day_in_words(first, lang) if last is None else range_in_words(first, last, lang)
        names.append((RDFS.label, Literal(f"{short}, {held}", lang=lang)))
    return names


def shortened(text: str) -> str:
    """A decision's text as its name: whole up to 90 characters, else cut at a word and marked so."""
    words = " ".join(text.split())
    return words if len(words) <= _SHORT else words[:_SHORT].rsplit(" ", 1)[0].rstrip(",;:–-") + " …"


def decision_iri(item: URIRef, number: int) -> URIRef:
    """The item's first (or only) decision is `…/decision`, a further one `…/decision-2`, `…/decision-3`."""
    return URIRef(f"{item}/decision" if number == 1 else f"{item}/decision-{number}")


def can_date(minutes: Minutes) -> bool:
    """Whether the meeting can be given a day or a range (a meeting without either is not recorded)."""
    return minutes.date is not None or minutes.date_range is not None


def _range_year(out: Emitter, meeting: URIRef) -> int | None:
    earliest = out.graph.value(meeting, PV.earliestDate)
    return int(str(earliest)[:4]) if earliest is not None else None


def raise_undatable(source: SourceFile) -> None:
    raise SourceError(
        source.path,
        None,
        "is minutes without a date, and nothing in them (no year, no dated event) places them.",
        "Add the header line 'Datum: …' to the file, or a sentence that dates the meeting.",
    )

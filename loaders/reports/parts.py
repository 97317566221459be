"""The parts of an authority's follow-up report that report.py reads: the authority and title (from
the running header), the government assignment and its amendments with their dates, and the
sentences that say how the documents it cites relate (inquiry → report, bill → law, entry into
force, signing and merging of agreements)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from proveniens.loaders.citations.find import Citation, CitationKind
from proveniens.loaders.text.dates import find_dates, month_of
from proveniens.loaders.text.document_text import citations_per_sentence, sentence_spans
from proveniens.loaders.text.layout import Layout, LineKind
from proveniens.loaders.text.prose import Span

ASSIGNMENT = re.compile(r"uppdrag", re.IGNORECASE)
SELF_REFERENCE = re.compile(r"[Ff]öreliggande rapport|[Rr]apporten (?:vänder sig|bygger|avser)|[Dd]enna rapport")
_AMENDED = re.compile(r"[Uu]ppdraget (?:ändrades|har ändrats|utökades|förlängdes)|[Ää]ndring(?:en)? av uppdraget")
_GIVEN = re.compile(r"(?:beslutade|gav|fick)\b.{0,80}uppdrag|uppdrag\w*\b.{0,40}\b(?:beslutade|gav)", re.DOTALL)
_SIGNED = re.compile(r"\b(?:tecknade|tecknades|undertecknade|undertecknades|ingicks|ingick|slöts)\b")
_MERGED = re.compile(r"sammanslagning av|ersätter|slår samman|slogs samman")
_IN_FORCE = re.compile(r"i kraft")
_AMENDS_LAW = re.compile(r"ändring(?:ar)? i|ändrades|ändras")
_REPORT_WORD = re.compile(r"betänkande", re.IGNORECASE)
_DELIVERED = re.compile(r"presentera|redovisa|överlämna|lämna|la(?:de|gt) fram|publicera")
_INQUIRY_WORD = re.compile(r"[Uu]tredningen")


def _words(text: str, span: Span) -> str:
    """A sentence's words, flattened once: the readers below each walk all sentences of the report.

    Kept for the one text object being read (compared by identity): a cache keyed by the text itself
    compared a second, equal copy of a long report character by character on every sentence."""
    if _FLAT_WORDS[0] is not text:
        _FLAT_WORDS[:] = [text, {}]
    cache: dict[tuple[int, int], str] = _FLAT_WORDS[1]  # type: ignore[assignment]
    key = (span.start, span.end)
    if key not in cache:
        cache[key] = span.words(text)
    return cache[key]


_FLAT_WORDS: list[object] = [None, {}]


def sentences(text: str) -> list[Span]:
    """The sentences of the whole report, split once however many readers below walk them."""
    return list(sentence_spans(text))


@dataclass(frozen=True)
class Dated:
    day: dt.date | None  # a stated day
    month: tuple[dt.date, dt.date] | None  # else a stated month
    spans: tuple[Span, ...]


def running_header(text: str, layout: Layout) -> tuple[str | None, str | None, Span | None]:
    """(title, authority, a header line) from the recurring all-caps header lines."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    seen: dict[str, Span] = {}
    for i, kind in enumerate(layout.kinds):
        if kind is LineKind.RUNNING_HEADER:
            words = re.sub(r"^\d{1,3}\s+|\s+\d{1,3}$", "", lines[i].strip())
            seen.setdefault(words, Span(starts[i], starts[i] + len(lines[i])))
    if not seen:
        return None, None, None
    ordered = sorted(seen, key=lambda w: -len(w.split()))
    title = ordered[0] if len(ordered[0].split()) >= 3 else None
    authority = next((w for w in ordered if len(w.split()) <= 3 and w != title), None)
    recase = (lambda w: w[0] + w[1:].lower()) if title else None
    return (
        recase(title) if recase and title else None,
        authority.title() if authority else None,
        seen[title] if title else (seen[authority] if authority else None),
    )


def authority_in_body(text: str, name: str) -> Span | None:
    """A sentence where the authority receives the assignment ('Socialstyrelsen fick … uppdrag')."""
    for s in sentence_spans(text):
        words = _words(text, s)
        if name in words and ASSIGNMENT.search(words):
            return s
    return None


def _dated(text: str, sents: list[Span]) -> Dated:
    day = month = None
    for s in sents:
        words = _words(text, s)
        found = find_dates(words)
        day = day or next((m.first for m in found if m.is_day), None)
        month = month or next((r for m in found if (r := month_of(m))), None)
    return Dated(day, month, tuple(sents))


def assignment(text: str, cits: list[Citation]) -> tuple[Citation, Dated] | None:
    """The main assignment: the first registration number cited in a sentence about an assignment
    that is not an amendment; dated by that sentence or another one about giving the assignment in
    the same month."""
    sents = sentence_spans(text)
    for c in cits:
        if c.kind is not CitationKind.DIARIENUMMER or "/" not in c.identifier:
            continue
        s = _containing(sents, c.start)
        words = _words(text, s) if s else ""
        if s is None or not re.search(r"regeringens uppdrag|i uppdrag|uppdraget", words) or _AMENDED.search(words):
            continue
        found = _dated(text, [s])
        if found.day is None:
            given = [x for x in sents if _GIVEN.search(_words(text, x)) and not _AMENDED.search(_words(text, x))]
            found = _match_month(text, found, given)
        return c, found
    return None


def amendments(text: str, cits: list[Citation], main: Citation) -> list[tuple[Citation | None, Dated]]:
    """Amendments of the assignment: a registration number said to change it, dated by its own
    sentence or by a day in the same month from another sentence about the change; every other day
    on which the text says the assignment changed is an amendment without a number."""
    changed = [s for s in sentence_spans(text) if _AMENDED.search(_words(text, s))]
    days = [
        (day, s)
        for s in changed
        for m in find_dates(_words(text, s))
        if m.is_day and (day := m.first)
    ]
    out: list[tuple[Citation | None, Dated]] = []
    for s in changed:
        nums = [c for c in cits if c.kind is CitationKind.DIARIENUMMER and s.start <= c.start < s.end]
        nums = [c for c in nums if c.identifier != main.identifier]
        if not nums or any(c is not None and c.identifier == nums[0].identifier for c, _ in out):
            continue
        found = _dated(text, [s])
        if found.day is None and found.month is not None:
            same = next(((d, x) for d, x in days if found.month[0] <= d <= found.month[1]), None)
            if same is not None:
                found = Dated(same[0], found.month, (s, same[1]))
        out.append((nums[0], found))
    for day, s in days:
        if not any(x.day == day for _, x in out):
            out.append((None, Dated(day, None, (s,))))
    return out


def _match_month(text: str, found: Dated, others: list[Span]) -> Dated:
    """A stated month made a day by another sentence that gives a day in that month."""
    if found.month is None:
        return found
    for s in others:
        d = _dated(text, [s])
        if d.day is not None and found.month[0] <= d.day <= found.month[1]:
            return Dated(d.day, found.month, (*found.spans, s))
    return found


def _containing(sents: list[Span], at: int) -> Span | None:
    i = bisect.bisect_right([s.start for s in sents], at) - 1  # sentences are disjoint and in order
    return sents[i] if i >= 0 and sents[i].start <= at < sents[i].end else None


def inquiry_reports(text: str, cits: list[Citation]) -> list[tuple[Citation, Citation, Span]]:
    """(SOU, inquiry, sentence) where a sentence says the inquiry delivered the SOU as a betänkande."""
    out = []
    last_inquiry: Citation | None = None
    sents = sentence_spans(text)
    for s, inside in zip(sents, citations_per_sentence(sents, cits), strict=True):
        inquiries = [c for c in inside if c.kind is CitationKind.KOMMITTE and c.iri is not None]
        sous = [c for c in inside if c.kind is CitationKind.SOU and c.iri is not None]
        words = _words(text, s)
        current = inquiries[-1] if inquiries else None
        recent = last_inquiry is not None and s.start - last_inquiry.end <= 3000
        if current is None and recent and _INQUIRY_WORD.search(words):
            current = last_inquiry
        for sou in sous:
            before = Span(max(s.start, sou.start - 160), sou.start).words(text)
            delivered = _DELIVERED.search(words)
            if current is not None and current.start < sou.start and _REPORT_WORD.search(before) and delivered:
                out.append((sou, current, s))
        if inquiries:
            last_inquiry = inquiries[-1]
    return out


def bills_behind_laws(text: str, cits: list[Citation]) -> list[tuple[Citation, Citation, Span]]:
    """(law, bill, sentence): 'Genom propositionen … (prop. X) beslutades om en ändring i lagen (Y)'."""
    out = []
    sents = sentence_spans(text)
    for s, near in zip(sents, citations_per_sentence(sents, cits), strict=True):
        inside = [c for c in near if c.iri is not None]
        bills = [c for c in inside if c.kind is CitationKind.PROP]
        laws = [c for c in inside if c.kind in (CitationKind.LAW, CitationKind.SFS)]
        if bills and laws and _AMENDS_LAW.search(_words(text, s)):
            out.extend((law, bills[0], s) for law in laws if law.start > bills[0].start)
    return out


def in_force(text: str, cits: list[Citation]) -> list[tuple[Citation, dt.date, Span]]:
    """(provision, day, sentence): 'trädde i kraft den 1 januari 2019 i 7 kap. 2 a § HSL'."""
    out = []
    for s in sentence_spans(text):
        words = _words(text, s)
        days = [m.first for m in find_dates(words) if m.is_day] if _IN_FORCE.search(words) else []
        if not days:
            continue
        day = days[0]
        for c in cits:  # a sentence that says when a law came into force is rare: scanning all is cheap
            if s.start <= c.start < s.end and c.kind is CitationKind.PROVISION and c.iri is not None and day:
                out.append((c, day, s))
    return out


def agreement_events(text: str, cits: list[Citation]) -> tuple[list, list]:
    """Signings (agreement, day, parties text, sentence) and mergers (new, old, sentence)."""
    signed, merged = [], []
    previous: Citation | None = None
    sents = sentence_spans(text)
    for s, inside in zip(sents, citations_per_sentence(sents, cits), strict=True):
        words = _words(text, s)
        ags = [c for c in inside if c.kind is CitationKind.AGREEMENT and c.iri is not None]
        verb = _SIGNED.search(words)
        days = [m.first for m in find_dates(words) if m.is_day] if verb and ags else []
        if days:
            signed.append((ags[0], days[0], words, s))
        if _MERGED.search(words) and re.match(r"\s*(?:Överenskommelsen|Den)\b", words) and previous is not None:
            merged.extend((previous, old, s) for old in ags if old.iri != previous.iri)
        if ags:
            previous = ags[-1]
    return signed, merged

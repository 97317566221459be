"""The parts of a remiss response that remiss.py reads: its sections, the SOU it answers, who
answers, its dates, the proposals it summarises and its stance on each."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rdflib import URIRef

from proveniens.loaders.citations.find import Citation, CitationKind, kommitte
from proveniens.loaders.knowledge import knowledge, slugify
from proveniens.loaders.knowledge.lexicon import Municipality, inquiries_by_name, municipalities
from proveniens.loaders.remiss.wording import NO_OPINION, OPPOSE, SUPPORT
from proveniens.loaders.text.dates import DAY_MONTH, DateMention, find_dates, in_context, parse_date
from proveniens.loaders.text.document_text import sentence_spans
from proveniens.loaders.text.layout import Layout, LineKind
from proveniens.loaders.text.prose import (
    Span,
    overlap,
    sentences,
    similarity,
    split_heading,
    stems,
)
from proveniens.namespaces import PV

_SECTION = re.compile(
    r"^[ \t]*(?P<name>Sammanfattning|Bakgrund|Ärendet|Ärendets beredning|Beredning|Bilag(?:a|or)|Förslag till beslut|"
    r"(?:[A-ZÅÄÖ][\wåäö-]*s )?(?:synpunkter|bedömning|yttrande)(?: och (?:förslag|synpunkter|bedömning))?)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_VIEWS = re.compile(r"synpunkter|bedömning|yttrande", re.IGNORECASE)
_PROPOSING = re.compile(
    r"\bföreslår\b|\bföreslås\b|[Ff]örslag(?:et)? (?:är|om) att|[Uu]tredningens förslag är", re.IGNORECASE
)

# What qualifies support in a municipal unit's views ("vill dock betona …"): support with reservations.
RESERVATION = re.compile(
    r"med (?:vissa )?reservation|vill (?:dock )?(?:framföra|understryka|betona|påpeka|poängtera|lyfta)|"
    r"ser (?:vissa )?risker|under förutsättning att|\bdock\b"
)
STANCE_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in (SUPPORT, OPPOSE, NO_OPINION, RESERVATION)), re.IGNORECASE)


def sections(text: str) -> list[tuple[str, int, int]]:
    """(heading, start of body, end of body) for the response's own top-level sections."""
    heads = list(_SECTION.finditer(text))
    return [
        (m.group("name"), m.end(), heads[i + 1].start() if i + 1 < len(heads) else len(text))
        for i, m in enumerate(heads)
    ]


def views_heading(text: str) -> tuple[int, int] | None:
    for name, lo, hi in sections(text):
        if _VIEWS.search(name):
            return lo, hi
    return None


def responded_sou(text: str, cits: list[Citation]) -> tuple[Citation, Span] | None:
    """The SOU the response answers: the one attached (Bilaga), else named with 'remiss', else the latest."""
    sous = [c for c in cits if c.kind is CitationKind.SOU and c.iri is not None]
    if not sous:
        return None
    for name, lo, hi in sections(text):
        if name.lower().startswith("bilag"):
            inside = [c for c in sous if lo <= c.start < hi]
            if inside:
                return inside[0], Span(_line_start(text, lo, inside[0].start), inside[0].end)
    for c in sous:
        sent = _sentence_of(text, c)
        if re.search(r"remiss", sent.words(text), re.IGNORECASE):
            return c, sent
    latest = max(sous, key=lambda c: tuple(int(x) for x in c.identifier.split()[1].split(":")))
    return latest, _sentence_of(text, latest)


def _line_start(text: str, lo: int, at: int) -> int:
    """Where the text of a section (from `lo`) starts, at most a few lines before `at`."""
    first = len(text[lo:at]) - len(text[lo:at].lstrip())
    return lo + first


def _sentence_of(text: str, c: Citation) -> Span:
    for s in sentences(text, max(0, c.start - 400), min(len(text), c.end + 400)):
        if s.start <= c.start < s.end:
            return s
    return Span(c.start, c.end)


def sou_title_and_inquiry(text: str, span: Span, cits: list[Citation]) -> tuple[str | None, Citation | None]:
    """'God och nära vård, En reform …, Delbetänkande av utredningen X SOU 2020:19' -> title, inquiry X."""
    words = span.words(text)
    m = re.match(r"(?P<title>.+?),? (?:[Dd]elbetänkande|[Ss]lutbetänkande|[Hh]uvudbetänkande|[Bb]etänkande) av "
                 r"(?:[Uu]tredningen |[Kk]ommittén )?(?P<inquiry>.+?)[,.]? SOU \d{4}:\d+", words)  # fmt: skip
    if m is None:
        return None, None
    name = re.sub(r"\s*\([^)]*\)\s*$", "", m.group("inquiry")).strip()
    name = f"Utredningen {name}" if name[:1].islower() else name
    inquiry = next((c for c in cits if c.kind is CitationKind.KOMMITTE and span.start <= c.start < span.end), None)
    if inquiry is None and (known := inquiries_by_name().get(name.lower())):
        ident, iri = kommitte(*known)
        inquiry = Citation(CitationKind.KOMMITTE, ident, iri, span.start, span.end, name)
    elif inquiry is not None:
        inquiry = Citation(inquiry.kind, inquiry.identifier, inquiry.iri, inquiry.start, inquiry.end, name)
    return m.group("title"), inquiry


_UNIT = re.compile(
    r"\b(?:beretts|handlagts|utarbetats) (?:inom|av|på) (?P<unit>[a-zåäö-]+(?:förvaltningen|kontoret|nämnden))"
)


_UNIT_NAME = re.compile(r"\b[A-ZÅÄÖ][a-zåäö-]*(?:förvaltningen|kontoret|nämnden)\b")


def unit_name(text: str) -> tuple[str, Span] | None:
    """The answering unit: where the matter was prepared ('beretts inom äldreförvaltningen'), else the
    unit most often the subject of the views section."""
    m = _UNIT.search(text)
    if m is None:
        views = views_heading(text)
        names = list(_UNIT_NAME.finditer(text, *views)) if views else []
        if not names:
            return None
        common = max({n.group(0) for n in names}, key=lambda w: sum(n.group(0) == w for n in names))
        first = next(n for n in names if n.group(0) == common)
        return common, _sentence_around(text, first.start(), first.end())
    sent = _sentence_around(text, m.start(), m.end())
    name = m.group("unit")
    return name[0].upper() + name[1:], sent


def _sentence_around(text: str, start: int, end: int) -> Span:
    for s in sentences(text, max(0, start - 300), min(len(text), end + 300)):
        if s.start <= start < s.end:
            return s
    return Span(start, end)


_SENT_TO = re.compile(
    r"remitter\w*\b[^.]{0,200}?\btill "
    r"(?P<name>[A-ZÅÄÖ][a-zåäö]+s [Ss]tad|[A-ZÅÄÖ][a-zåäö]+ kommun|Region [A-ZÅÄÖ][a-zåäö]+)"
)


def municipality(text: str) -> tuple[Municipality, Span] | None:
    """The respondent's municipality: named outright ('Stockholms stad'), the one the SOU was sent to
    ('remitterat … till Göteborgs Stad'), or the one whose district councils the text lists."""
    for muni in municipalities():
        if (at := text.find(muni.name)) >= 0:  # a plain find: a regex per municipality cost a second per MB
            return muni, _sentence_around(text, at, at + len(muni.name))
    for s in sentence_spans(text):
        if (m := _SENT_TO.search(s.words(text))) is not None:
            name = m.group("name")
            known = next((x for x in municipalities() if x.name.lower() == name.lower()), None)
            return known or Municipality(slugify(name), name, ()), s
    for muni in municipalities():
        hits = [m for d in muni.districts for m in re.finditer(re.escape(d.split("-")[0]), text)]
        council = re.search(r"stadsdelsnämnd", text)
        if len(hits) >= 2 and council:
            lo = min(m.start() for m in hits)
            return muni, Span(lo, max(council.end(), max(m.end() for m in hits)))
    return None


def stated_date(text: str, layout: Layout) -> tuple[dt.date, Span] | None:
    """A date in the page header ('Datum 2020-06-18', '2020-06-18')."""
    for i, line in enumerate(text.split("\n")):
        if layout.kinds[i] is LineKind.PAGE_HEADER and (day := parse_date(line)):
            start = sum(len(x) + 1 for x in text.split("\n")[:i])
            return day, Span(start, start + len(line))
    return None


_DEADLINE = re.compile(r"senast (?:den )?")
_DONE = re.compile(r"\bhar (?:behandlat|skett|beretts|hanterat|diskuterat)|\bbehandlade\b|\bskedde\b")


def date_bounds(text: str) -> tuple[tuple[dt.date, Span], tuple[dt.date, Span]] | None:
    """(latest day the text reports as done, the reply deadline), each with its sentence.

    A day written without a year ("senast den 26 juni") takes its year from the days the text states
    in full as done, and only when they all lie in one year (dates.in_context).
    """
    sents = [(s, s.words(text)) for s in sentence_spans(text)]
    # A date counts only in a sentence saying something was done or setting a deadline: read no others.
    telling = [(s, words) for s, words in sents if _DONE.search(words) or _DEADLINE.search(words)]
    stated = [(m, words, s) for s, words in telling for m in find_dates(words) if m.is_day]
    context = [m for m, words, _ in stated if _DONE.search(words) and not _is_deadline(words, m)]
    bare = [
        (m, words, s)
        for s, words in sents
        if context and DAY_MONTH.search(words)  # in_context reads nothing else: skip the rest unread
        for m in in_context(words, context)
        if m.is_day
    ]
    done: list[tuple[dt.date, Span]] = []
    deadline: tuple[dt.date, Span] | None = None
    for m, words, s in stated + bare:
        if _is_deadline(words, m):
            deadline = (m.first, s)
        elif _DONE.search(words):
            done.append((m.first, s))
    if not done or deadline is None:
        return None
    earliest = max(done, key=lambda x: x[0])
    return (earliest, deadline) if earliest[0] <= deadline[0] else None


def _is_deadline(words: str, m: DateMention) -> bool:
    return bool(_DEADLINE.search(words[max(0, m.start - 12) : m.start]))


@dataclass(frozen=True)
class Proposal:
    slug: str
    label: str
    span: Span  # heading and proposing sentence
    words: frozenset[str]


def proposals(text: str, sou_id: str) -> list[Proposal]:
    """Proposals the response summarises ('Ärendet'): a proposing sentence, with its heading if any."""
    secs = sections(text)
    where = [(lo, hi) for name, lo, hi in secs if name.lower() == "ärendet"]
    if not where:
        views = views_heading(text)
        summary = [hi for name, lo, hi in secs if name.lower() == "sammanfattning"]
        where = [(summary[0] if summary else 0, views[0] if views else len(text))]
    found: list[Proposal] = []
    for lo, hi in where:
        sents = sentences(text, lo, hi)
        proposing = [i for i, s in enumerate(sents) if _PROPOSING.search(s.words(text))]
        for n, i in enumerate(proposing):
            s = sents[i]
            verb = _PROPOSING.search(text, s.start, s.end)
            heading, body = split_heading(text, s, verb.start() if verb else s.end)
            if heading is not None and heading.of(text).lower().startswith("konsekvens"):
                continue
            label = heading.words(text) if heading else body.words(text)
            upto = min(proposing[n + 1] if n + 1 < len(proposing) else len(sents), i + 4)
            more = " ".join(x.words(text) for x in sents[i:upto])
            slug = _slug(sou_id, label, more, {p.slug for p in found})
            span = Span(heading.start if heading else body.start, body.end)
            found.append(Proposal(slug, label, span, frozenset(stems(label + " " + more))))
    return found


def _slug(sou_id: str, label: str, text: str, taken: set[str]) -> str:
    for words in (label, text):
        if known := knowledge().proposal_named(sou_id, words, taken):
            return known.slug
    base = "-".join(slugify(label).split("-")[:6]) or "forslag"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@dataclass(frozen=True)
class Stance:
    stance: URIRef
    span: Span
    explicit: bool


def stances(text: str, props: list[Proposal]) -> dict[str, Stance]:
    """The stance the views section takes on each proposal it comments on (first comment wins)."""
    views = views_heading(text)
    if views is None or not props:
        return {}
    sents = sentences(text, *views)
    out: dict[str, Stance] = {}
    for i, s in enumerate(sents):
        words = s.words(text)
        stance, explicit = _stance(words)
        if stance is None:
            continue
        about = words
        if not _PROPOSING.search(words) and i > 0 and _PROPOSING.search(sents[i - 1].words(text)):
            about = sents[i - 1].words(text) + " " + words
            s = Span(sents[i - 1].start, s.end)
        elif not _PROPOSING.search(words) and i + 1 < len(sents):
            about = words + " " + sents[i + 1].words(text)
        target = stems(about)
        open_props = [p for p in props if p.slug not in out]
        if not open_props:
            break
        best = max(open_props, key=lambda p: similarity(target, set(p.words)))
        if overlap(target, set(best.words)) < 0.25:
            continue
        out[best.slug] = Stance(stance, s, explicit)
    return out


def _stance(words: str) -> tuple[URIRef | None, bool]:
    if OPPOSE.search(words):
        return PV.Opposes, True
    if NO_OPINION.search(words):
        return PV.NoOpinion, True
    if SUPPORT.search(words):
        return (PV.SupportsWithReservations if RESERVATION.search(words) else PV.Supports), True
    if RESERVATION.search(words):
        return PV.SupportsWithReservations, False
    return None, False

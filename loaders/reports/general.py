"""Reports of any issuer: agency reports, evaluation reports, audit reports, a government timeline.

Why a reader apart from the assignment report (report.py): most reports do not carry a running header
and a registration number; they name their issuer in a sentence ("Myndigheten för vård- och
omsorgsanalys har på regeringens uppdrag utvärderat …", "Artikel från Socialdepartementet"), their
number in a series ("Rapport 2021:8", "PM 2021:1", "RiR 2014:22"), their date in a place-and-date line
or a publication period, and the history they tell as dated sentences ("I maj 2020 presenterade
regeringen …", "2017 tillsattes en utredning …"). Each of these is read with its evidence; the
numbers of other reports in the same series are citations, like the SOUs, bills and laws it cites.
A report that does not name its issuer is not given one: its citations are then the document's own.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from proveniens.loaders.citations.find import Citation, CitationKind
from proveniens.loaders.knowledge import Body, BodyKind, Knowledge, knowledge
from proveniens.loaders.knowledge.kinds import issuer_kind
from proveniens.loaders.text.dates import DateMention, document_date, find_dates
from proveniens.loaders.text.document_text import sentence_containing, sentence_spans
from proveniens.loaders.text.prose import Span, split_heading

# A report number in a series: "Rapport 2021:8", "PM 2021:1", "RiR 2014:22".
SERIES = re.compile(
    r"\b(?P<series>RiR|PM|[Rr]apport|[Pp]romemoria|[Dd]elrapport|[Ss]lutrapport)\s+(?P<number>(?:19|20)\d{2}:\d{1,3})\b"
    r"|\b(?P<series2>Artikelnummer):?\s+(?P<number2>(?:19|20)\d{2}-\d{1,2}-\d{1,5})\b"  # Socialstyrelsen's
)
_ALONE = re.compile(rf"\s*(?:{SERIES.pattern})\s*")  # "Rapport 2021:3" on a line of its own: the report's number
_OWN = re.compile(r"(?:[Bb]ilagor? till|[Ss]ammanfattning av|[Ll]adda ner|[Dd]en här|[Dd]enna|[Vv]år)\s+$")
_SELF = re.compile(
    r"\b(?:[Dd]en här|[Dd]enna|[Vv]år|[Ff]öreliggande)\s+(?:[a-zåäö]+)?rapport(?:en)?\b|\brapporten\b|"
    r"\bdelrapportering\w*\b|\bslutrapport\b|\btidslinje\b"
)
_NOT_A_REPORT = re.compile(r"\bsammanträde\w*|\bprotokoll\w*|\bjusterare\b|\bkallelse\b|^\s*§\s*\d", re.I | re.M)
# "Myndigheten för vård- och omsorgsanalys", "Statens institut för …", "Inspektionen för vård och omsorg"
_AGENCY_FOR = r"[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+)?\s+för\s+[\wåäö-]+(?:\s+och\s+[\wåäö-]+)?"
_AGENCY_NAMED = (
    r"Regeringskansliet|Regeringen|[A-ZÅÄÖ][\wåäö]+(?:styrelsen|verket|myndigheten|inspektionen|revisionen|"
    r"departementet|analys|rådet|institutet|kontoret|kollegiet)"
)
_AGENCY = f"{_AGENCY_FOR}|{_AGENCY_NAMED}"
_ISSUER_SENTENCE = re.compile(
    rf"(?P<name>{_AGENCY})\s+(?:har\s+)?(?:på\s+regeringens\s+uppdrag\s+|på\s+uppdrag\s+av\s+regeringen\s+|"
    r"regeringens\s+uppdrag\s+att\s+|"
    r"(?:fått\s+)?i\s+uppdrag\s+att\s+)?(?:utvärderat|utvärdera|granskat|granska|följt\s+upp|följa\s+upp|"
    r"kartlagt|kartlägga|analyserat|analysera|sammanställt)\b"
)
_ISSUER_LINE = re.compile(
    rf"^\s*(?:Artikel|Pressmeddelande|Rapport|Publikation)\s+från\s+(?P<name>{_AGENCY})\s*$", re.M
)
# A dated sentence of the history a report tells: a date, month or year and a verb in the past.
_YEAR_FIRST = re.compile(r"^\s*(?:(?:Under|I|År)\s+)?(?P<year>(?:19|20)\d{2})\s+[a-zåäö]+(?:de|te|des|tes|dde|ts)\b")
_PAST = re.compile(
    r"\b\w+(?:ade|ades|de|des|te|tes|dde|ddes)\b|\b(?:har|hade)\s+\w+(?:at|it|tt|ts)\b|\b(?:kom|gav|fick)\b"
)
_YEAR_ANY = re.compile(r"(?:19|20)\d\d")
# prose.sentences starts a sentence only at a capital; a history also starts them with a year.
_YEAR_START = re.compile(r"(?<=[.!?])\s+(?=(?:19|20)\d{2}\s)")


@dataclass(frozen=True)
class Dated:
    """A dated event as the report states it: the date, the sentence, what it cites."""

    mention: DateMention
    span: Span
    cited: tuple[Citation, ...]


def recognise(text: str, cits: list[Citation]) -> bool:
    """A report: it speaks of itself as a report (or timeline) or carries a report number, and it is
    not a meeting's record. (The registry keeps remiss responses out: they are recognised first.)"""
    if _NOT_A_REPORT.search(text):
        return False
    return bool(_SELF.search(text) or SERIES.search(text)) and bool(cits or SERIES.search(text) or issuer(text))


_INTRODUCED_WITHIN = 30_000  # a report names its issuer on its first pages (title, foreword)


def issuer(text: str) -> tuple[str, Span] | None:
    """The organisation that issues the report: 'Artikel från X', else the agency that says what it
    did ('X har på regeringens uppdrag utvärderat …'), else an agency's name alone on one of the first
    lines, where a report's cover and title page print it."""
    top = text[:_INTRODUCED_WITHIN]
    if (m := _ISSUER_LINE.search(top)) is not None:
        return m["name"], Span(m.start(), m.end())
    if (m := _ISSUER_SENTENCE.search(top)) is not None:
        return " ".join(m["name"].split()), sentence_containing(text, m.start(), m.end())
    for m in itertools.islice(_LINE.finditer(top), _COVER_LINES):
        if _is_agency(" ".join(m[0].split())):
            return " ".join(m[0].split()), Span(m.start(), m.end())
    return None


_LINE = re.compile(r"\S[^\n]*?(?=\s*(?:\n|$))")  # a non-empty line, without its outer spaces
_COVER_LINES = 5
_AGENCY_NAME = re.compile(_AGENCY_NAMED)  # not "X för Y" alone: a title may read so ("Omtag för omställning")


def _is_agency(line: str) -> bool:
    """Whether a line is an agency's name: a body the knowledge files know, or a name of an agency's form."""
    known = knowledge().body(line) is not None
    return known or bool(_AGENCY_NAME.fullmatch(line)) or issuer_kind(line) is BodyKind.AGENCY


def numbers(text: str) -> tuple[tuple[str, Span] | None, list[tuple[str, Span]]]:
    """(the report's own number, numbers of other reports it cites), each as 'PM 2021:1' with its place."""
    own: tuple[str, Span] | None = None
    cited: list[tuple[str, Span]] = []
    first_line = re.search(r"\S[^\n]*", text)
    for m in SERIES.finditer(text):
        series, number = m["series"] or m["series2"], m["number"] or m["number2"]
        written = f"{series[0].upper()}{series[1:]} {number}"
        in_title = first_line is not None and first_line.start() <= m.start() < first_line.end()
        alone = _ALONE.fullmatch(text[text.rfind("\n", 0, m.start()) + 1 : _line_end(text, m.end())]) is not None
        if own is None and (in_title or alone or _OWN.search(text, max(0, m.start() - 30), m.start())):
            own = (written, Span(m.start(), m.end()))
        elif own is None or written != own[0]:
            cited.append((written, Span(m.start(), m.end())))
    return own, cited


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def title(text: str, date_line: int | None) -> tuple[str, Span] | None:
    """The report's title: the first short line that is not its date, issuer, number or a label."""
    offset = 0
    for i, line in enumerate(text.split("\n")):
        words = " ".join(line.split())
        if (
            words
            and re.search(r"[A-Za-zÅÄÖåäö]{2}", words)  # not a bare number ("2021:4") or a page number
            and i != date_line
            and len(words) < 120
            and not words.endswith((".", ":"))
            and not _ISSUER_LINE.match(line)
            and not _is_agency(words)
            and not _ALONE.fullmatch(words)
            and not re.match(r"(?:Publicerad|Uppdaterad|Innehållet)\b", words)
        ):
            start = offset + len(line) - len(line.lstrip())
            return words, Span(start, start + len(line.strip()))
        offset += len(line) + 1
    return None


def _sentences(text: str, skip: Span | None) -> list[Span]:
    out = []
    for s in sentence_spans(text):
        if not _YEAR_ANY.search(text, s.start, s.end):
            continue  # no year, no dated event: skip before reading the words
        s = split_heading(text, s)[1]
        cuts = [s.start] + [m.end() for m in _YEAR_START.finditer(text, s.start, s.end)] + [s.end]
        for a, b in itertools.pairwise(cuts):
            if text[a:b].strip() and (skip is None or b <= skip.start or a >= skip.end):
                out.append(Span(a, b))  # the document's own date line is no event
    return out


def dated_events(text: str, cits: list[Citation], skip: Span | None = None) -> list[Dated]:
    """Sentences of running text that date what happened: 'I maj 2020 presenterade regeringen …',
    '2017 tillsattes en utredning …', '… överlämnades den 5 juni 2019'; not the line at `skip`."""
    out: list[Dated] = []
    cited_at = [c for c in cits if c.iri is not None]
    starts = [c.start for c in cited_at]
    for s in _sentences(text, skip):
        words = s.words(text)
        if len(words) < 25 or not _PAST.search(words):
            continue
        mentions = [m for m in find_dates(words) if (m.last - m.first).days < 366]
        if not mentions and (y := _YEAR_FIRST.match(words)):
            year = int(y["year"])
            mentions = [_year(year, y.start("year"), y.end("year"))]
        if not mentions:
            continue
        cited = tuple(cited_at[bisect.bisect_left(starts, s.start) : bisect.bisect_left(starts, s.end)])
        out.append(Dated(mentions[0], s, cited))
    return out


def _year(year: int, start: int, end: int) -> DateMention:
    return DateMention(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), start, end, False,
                       "", f"The text gives the year {year}, not the day.")  # fmt: skip


def dating(text: str) -> tuple[DateMention, int] | None:
    """The report's own date (dates.document_date), and the line that states it."""
    return document_date(text.split("\n"))


REFERENCED = frozenset({
    CitationKind.SOU, CitationKind.PROP, CitationKind.DIR, CitationKind.DS, CitationKind.KOMMITTE,
    CitationKind.SFS, CitationKind.LAW, CitationKind.PROVISION, CitationKind.AGREEMENT,
})  # fmt: skip


# A sentence that may name a region or municipality; only these are matched against the known bodies.
_PLACE = re.compile(r"\bRegion\s+[A-ZÅÄÖ]|(?<=\w)regionen\b")
# "Uppsala kommun", "Göteborgs Stad": found by the word after the name, which re can search for fast
_PLACE_WORD = re.compile(r"\s+(?:kommun|[Ss]tad|läns\s+landsting)\b")
_NAMED_BEFORE = re.compile(r"\b[A-ZÅÄÖ]\w+$")


def about_places(text: str) -> list[tuple[Body, Span]]:
    """What the report says about a named region or municipality: (the body, the sentence that names it)."""
    return list(_about_places(text, knowledge()))


@lru_cache(maxsize=4)
def _about_places(text: str, known: Knowledge) -> tuple[tuple[Body, Span], ...]:
    """about_places, read once per text and knowledge: the places and the findings of a report both ask."""
    out = []
    hits = [m.start() for m in _PLACE.finditer(text)]  # one pass over the text, not a search per sentence
    for m in _PLACE_WORD.finditer(text):
        if named := _NAMED_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            hits.append(named.start())
    hits.sort()
    for s in sentence_spans(text):
        at = bisect.bisect_left(hits, s.start)
        if at == len(hits) or hits[at] >= s.end:
            continue
        for m in known.body_pattern.finditer(text, s.start, s.end):
            body = known.body(m[0])
            if body is not None and body.kind in (BodyKind.REGION, BodyKind.MUNICIPALITY):
                out.append((body, sentence_containing(text, m.start(), m.end())))
    return tuple(out)

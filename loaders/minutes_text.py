"""Reading the small things minutes are made of: Swedish dates, clock times and lists of names.

Pure functions without RDF, so they can be tested on their own (property-based tests in
tests/loaders/test_minutes_text.py). Every parser returns None (or an empty list) for text it does
not understand rather than guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "febr": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
               "november", "december")  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

# "24 september 2021", "den 24 sept. 2021", "2021-09-24", "24/9 2021", "24/9-2021", "24.9.2021"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[ .-]|\s*-\s*)(\d{4})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_SEASON_YEAR = re.compile(r"\b(våren|vårterminen|vt|hösten|höstterminen|ht)\s*(\d{4})\b", re.IGNORECASE)
# A day and a month without a year: "14 augusti", "7/9" (only where a year is known from context).
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:\s*/\s*(\d{{1,2}})(?!\d)|\s+({_MONTH})\b\.?)", re.IGNORECASE)

_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIME_RANGE = re.compile(
    rf"(?:\bkl(?:ockan)?\.?\s*)?(?<![\d/.:\-–]){_CLOCK}\s*(?:-|–|—|till)\s*{_CLOCK}(?![\d/]|[-–]\d)"
)
_TIME = re.compile(r"(?<![\d/.:\-])(\d{1,2})[.:](\d{2})(?![\d/]|[.:]\d)")


@dataclass(frozen=True)
class DateMention:
    """A date found in text: `first`..`last` is the day, month or season it names; `text` as written."""

    first: dt.date
    last: dt.date
    text: str
    start: int  # character offset in the searched text
    end: int

    @property
    def is_day(self) -> bool:
        return self.first == self.last


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def parse_date(text: str) -> dt.date | None:
    """The first full date (day, month and year) in `text`, in any of the forms minutes use."""
    days = [m for m in find_dates(text) if m.is_day]
    return days[0].first if days else None


def find_dates(text: str) -> list[DateMention]:
    """Every date, month or season with a year in `text`, in order; a longer form wins over a part of it."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    for m in _DAY_MONTH_YEAR.finditer(text):
        d = _safe_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
        if d:
            found.append(DateMention(d, d, m[0], m.start(), m.end()))
            taken.append(m.span())
    for rx, order in ((_ISO, (1, 2, 3)), (_NUMERIC, (3, 2, 1))):
        for m in rx.finditer(text):
            if free(m):
                y, mo, da = (int(m[i]) for i in order)
                d = _safe_date(y, mo, da)
                if d and 1900 < y < 2100:
                    found.append(DateMention(d, d, m[0], m.start(), m.end()))
                    taken.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        if free(m):
            y, mo = int(m[2]), MONTHS[m[1].lower()]
            found.append(DateMention(dt.date(y, mo, 1), month_end(y, mo), m[0], m.start(), m.end()))
            taken.append(m.span())
    for m in _SEASON_YEAR.finditer(text):
        if free(m):
            y = int(m[2])
            spring = m[1].lower().startswith("v")
            first, last = (dt.date(y, 1, 1), dt.date(y, 6, 30)) if spring else (dt.date(y, 8, 1), dt.date(y, 12, 31))
            found.append(DateMention(first, last, m[0], m.start(), m.end()))
            taken.append(m.span())
    return sorted(found, key=lambda x: x.start)


def day_month(match: re.Match[str]) -> tuple[int, int] | None:
    """(day, month) of a DAY_MONTH match, None when it is not a possible day of the year."""
    day = int(match[1])
    month = int(match[2]) if match[2] else MONTHS[match[3].lower()]
    return (day, month) if _safe_date(2000, month, day) else None  # 2000 is a leap year: 29/2 is possible


def _clock(hours: str, minutes: str | None) -> dt.time | None:
    h, m = int(hours), int(minutes or 0)
    return dt.time(h, m) if h < 24 and m < 60 else None


def parse_time_range(text: str) -> tuple[dt.time, dt.time] | None:
    """Start and end of the first clock-time range in `text`: "13:00-14.40", "kl. 13-15", "kl 8 – 8.30".

    Dates in the text ("2022-03-14", "24 september 2021") are not read as times.
    """
    for mention in find_dates(text):
        text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
    for m in _TIME_RANGE.finditer(text):
        start, end = _clock(m[1], m[2]), _clock(m[3], m[4])
        if start and end and start < end:
            return start, end
    return None


def parse_time(text: str) -> dt.time | None:
    """The first clock time written with minutes ("14.15", "14:15") in `text`."""
    for m in _TIME.finditer(text):
        t = _clock(m[1], m[2])
        if t:
            return t
    return None


# ----------------------------------------------------------------------------------------------
# Names

_UPPER = "A-ZÅÄÖÉÈÜÆØ"
_LOWER = "a-zåäöéèüæøß"
NAME_TOKEN = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_PARTICLE = r"(?:von|af|de|van|der|da)"
NAME = rf"{NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{NAME_TOKEN}){{1,3}}"
_NAME_AT_START = re.compile(rf"^({NAME})(?=$|[\s,(])")
PARTY = re.compile(r"\s*\((?:M|S|C|L|KD|V|MP|SD|FP|FI)\)")
# Words that start sentences and labels, never given names.
NOT_GIVEN_NAMES = frozenset(
    {
        "Bra", "Det", "Den", "De", "Vi", "Ni", "Man", "Vad", "Hur", "Som", "Från", "Till", "För", "Med", "Och",
        "Inom", "Under", "Efter", "Enligt", "Ställningstagande", "Föredragande", "Information", "Dialog", "Beslut",
        "Mötets", "Dagens", "Föregående", "Godkännande", "Övriga", "Nästa", "Förslag", "Ärendet", "Rapport",
        "Aktuellt", "Planering", "Status", "Syftet", "Bakgrunden", "Mötesform", "Datum", "Tid", "Plats", "Inbjudna",
        "Närvarande", "Frånvarande", "Sekreterare", "Ordförande", "Vice", "Justerare", "Upprop", "Kommunerna",
        "Regionen", "Region", "Kommun", "Sveriges", "Västra", "Södra", "Norra", "Östra", "Hälso", "Nära", "God",
        "Färdplan", "Diskussion", "Workshop", "Prioriterat", "Remiss", "Samordnare", "Presidiet",
    }
)


@dataclass(frozen=True)
class NameMention:
    """A person named in a list, with the organisation text that follows the name (as written), if any."""

    name: str
    affiliation: str | None = None


def clean_name(text: str) -> str:
    """A name without party letters, surrounding punctuation or doubled spaces."""
    return " ".join(PARTY.sub("", text).strip(" .,;:").split())


# Whole words, or the endings of compounds in the definite form ("Regionstyrelsen", "äldreförvaltningen").
_ORGANISATION_WORD = re.compile(
    r"^(?:stad|kommun|region|landsting|förvaltning|nämnd|styrelse|förbund|sjukhus|universitet|myndighet)$|"
    r"(?:regionen|landstinget|förvaltningen|nämnden|styrelsen|förbundet|sjukhuset|verket|institutet|"
    r"departementet|samverkan|kommunalförbund)$",
    re.IGNORECASE,
)


def is_organisation_like(text: str) -> bool:
    """Capitalised words that name an organisation, not a person ("Göteborgs Stad", "Hälso- och sjukvårdsstyrelsen")."""
    return any(_ORGANISATION_WORD.search(word) for word in clean_name(text).split())


def looks_like_name(text: str) -> bool:
    """Two to four capitalised words, the first not a word that starts sentences or labels, not an organisation."""
    text = clean_name(text)
    return bool(re.fullmatch(NAME, text)) and text.split()[0] not in NOT_GIVEN_NAMES and not is_organisation_like(text)


def _split_list(text: str, mask: re.Pattern[str] | None) -> list[str]:
    """Split a list of people at commas, semicolons and 'och'/'samt' that are followed by a name."""
    protected = text
    if mask is not None:  # keep organisation names such as "Sveriges Kommuner och Regioner" whole
        protected = mask.sub(lambda m: m[0].replace(",", "\x00").replace(" och ", " \x01 "), text)
    parts = re.split(rf"\s*[;,]\s*|\s+(?:och|samt|&)\s+(?={NAME_TOKEN}\s+{NAME_TOKEN})", protected)
    return [p.replace("\x00", ",").replace(" \x01 ", " och ").strip() for p in parts if p and p.strip()]


def parse_people(
    text: str, body_pattern: re.Pattern[str] | None = None, strict: bool = False
) -> list[NameMention] | None:
    """The people of a list such as "Ann Söderström, VGR och Ann-Charlotte Järnström, Västkom".

    A part after a name that is not itself a name is that person's affiliation or description
    ("VGR", "regeringens fd utredare av God och nära vård"). With `strict`, the text must be nothing
    but such a list (used for unlabelled lines under a heading); None when it is not.
    """
    text = PARTY.sub("", " ".join(text.split())).strip(" .;:")
    if not text:
        return [] if not strict else None
    people: list[NameMention] = []
    for part in _split_list(text, body_pattern):
        part = part.strip(" .")
        if body_pattern is not None and body_pattern.fullmatch(part):
            if people and people[-1].affiliation is None:
                people[-1] = NameMention(people[-1].name, part)
            elif strict and not people:
                return None
            continue
        match = _NAME_AT_START.match(part)
        name = match[1] if match else None
        if name and body_pattern is not None:  # "Boel Mörck VGR": stop the name where an organisation starts
            words = name.split()
            while len(words) > 2 and body_pattern.fullmatch(words[-1]):
                words.pop()
            name = " ".join(words)
        if name and is_organisation_like(name):
            name = None
        if (
            name
            and name.split()[0] not in NOT_GIVEN_NAMES
            and (body_pattern is None or not body_pattern.fullmatch(name))
        ):
            rest = part[len(name) :].strip(" ,")
            if strict and (len(rest.split()) > 8 or rest.endswith("?")):
                return None
            people.append(NameMention(name, rest or None))
        elif people and (
            part[:1].islower() or is_organisation_like(part) or (body_pattern is not None and body_pattern.search(part))
        ):
            if strict and len(part.split()) > 8:
                return None
            last = people[-1]
            people[-1] = NameMention(last.name, last.affiliation or part)
        elif strict:
            return None
    return people if people or not strict else None

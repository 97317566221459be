"""Swedish dates as documents write them — the one date reader every loader uses.

Why this module: each loader used to carry its own month table, and they disagreed ("febr", "sept").
Month and weekday words now come from the maintained `dateparser` library (its Swedish locale data),
and whole dates written with a month word are parsed by `dateparser` itself. It is slow per call and
guesses missing parts from today's date, so it never sees running text: a fast regex finds the
candidates, only complete candidates (day, month word, year) are handed to it, and each distinct
candidate is parsed once (cached). Digit-only forms (`2021-09-24`, `20150909`, `24/9 2021`) need no
language and are checked with `datetime`.

What is read:
- a day: `den 4 juli 2019`, `1 sept. 2020`, `2019-07-04`, `20150909`, `24/9 2021`, `24.9.2021`;
- a month or a season, as a range: `mars 2025`, `i maj 2020`, `hösten 2021`, `vt 2022`;
- a day and month without a year (`17 maj`, `på tisdagen den 17 maj`): `in_context` gives it a year
  only when the context fixes one (one year named, or one of several that fits a stated weekday), and
  records why and on what evidence; with several possible years it is a range, never a guessed day;
- `document_date`: the date a document states for itself — a labelled line (`Datum:`, `Publicerad:`),
  a place-and-date line (`Stockholm, 1 september 2020`, `Stockholm mars 2025`), a publication period,
  or a date only in the title line.

Every function returns nothing for text it does not understand rather than guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

import dateparser
from dateparser.languages.loader import default_loader

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SETTINGS = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}


def _locale_words(keys: Sequence[str]) -> list[list[str]]:
    """Swedish words per key, as dateparser's locale data has them (lower case)."""
    info = default_loader.get_locale("sv").info
    return [sorted({w.lower() for w in info.get(key, [])}) for key in keys]


def _month_words() -> dict[str, int]:
    """Month word -> number: dateparser's Swedish names and abbreviations, plus every prefix of at
    least three letters of a full name, which is how Swedish abbreviates ("febr.", "sept.", "mar")."""
    words: dict[str, int] = {}
    for number, names in enumerate(_locale_words(_MONTH_KEYS), start=1):
        for name in names:
            words[name] = number
            for cut in range(3, len(name)):
                words.setdefault(name[:cut], number)
    return words


MONTH_WORDS: dict[str, int] = _month_words()
MONTH_NAMES: tuple[str, ...] = tuple(max(names, key=len) for names in _locale_words(_MONTH_KEYS))
WEEKDAY_WORDS: dict[str, int] = {
    w: i for i, names in enumerate(_locale_words(_WEEKDAY_KEYS)) for w in names if len(w) > 3
}
_MONTH = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAY_WORDS, key=len, reverse=True))
_YEAR = r"(?:1[89]|20)\d{2}"

# The candidates. Month words are whole words; a full date wins over its parts (see find_dates).
_DAY_MONTH_YEAR = re.compile(rf"\b([0-3]?\d)(?::e|:a)?\s+({_MONTH})\.?,?\s+({_YEAR})\b", re.IGNORECASE)
_ISO = re.compile(rf"\b({_YEAR})-([01]\d)-([0-3]\d)\b")
_COMPACT = re.compile(rf"(?<![\d/.:-])({_YEAR})([01]\d)([0-3]\d)(?![\d/.:-])")
_NUMERIC = re.compile(rf"\b([0-3]?\d)[/.]([01]?\d)(?:[ .-]|\s*-\s*)({_YEAR})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+({_YEAR})\b", re.IGNORECASE)
_SEASON_YEAR = re.compile(rf"\b(våren|vårterminen|vt|hösten|höstterminen|ht)\s*({_YEAR})\b", re.IGNORECASE)
# A day and a month without a year: "14 augusti", "7/9". Group 1 day, 2 month number or 3 month word.
DAY_MONTH = re.compile(rf"\b([0-3]?\d)(?::e|:a)?(?:\s*/\s*([01]?\d)(?![\d/])|\s+({_MONTH})\b\.?)", re.IGNORECASE)
ANY_YEAR = re.compile(_YEAR)  # every form find_dates reads holds a year: a text without one is skipped
_BARE_YEAR = re.compile(rf"(?<![\d:])(?:{_YEAR})(?![\d:])")
_WEEKDAY_NEAR = re.compile(rf"\b({_WEEKDAY})(?:en)?\b", re.IGNORECASE)

_LABELLED = re.compile(
    r"^\s*(?:datum|publicerad|publicerat|daterad|beslutsdatum|sammanträdesdatum|"
    r"mötesdatum|senast uppdaterad|uppdaterad)\s*[:.]?\s*(.*)$",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(r"^\s*[A-ZÅÄÖ][a-zåäöé]+(?:\s[A-ZÅÄÖ][a-zåäöé]+)?,?\s+(?:den\s+)?(?=\S*\d|[a-zåäö]+\s+\d{4})")
_HEAD_LINES = 15  # where a letter or page puts its own date
_PERIOD = re.compile(r"\b(?:under\s+)?perioden\s+(.{6,40}?)\s+(?:och|till|–|-)\s+(.{6,40}?)(?:$|[.,;])", re.IGNORECASE)


@dataclass(frozen=True)
class Bound:
    """One end of a date a text allows without stating it: the day, the lines (`start`..`end`) and
    words it rests on, and why (sv, en)."""

    date: dt.date
    start: int
    end: int
    quote: str
    sv: str
    en: str


@dataclass(frozen=True)
class InferredRange:
    """A day or range of days read, not stated: each end with its own grounds, and the reasoning as a
    whole (sv, en). Minutes dated by a weekday, an address or what they speak of as done all give one."""

    earliest: Bound
    latest: Bound
    reasoning_sv: str
    reasoning_en: str

    @property
    def first(self) -> dt.date:
        return self.earliest.date

    @property
    def last(self) -> dt.date:
        return self.latest.date

    @classmethod
    def on_one_ground(
        cls, first: dt.date, last: dt.date, start: int, end: int, quote: str, sv: str, en: str
    ) -> InferredRange:
        """Both ends read from the same words (a day and month dated by its weekday, a page address)."""
        return cls(Bound(first, start, end, quote, sv, en), Bound(last, start, end, quote, sv, en), sv, en)


@dataclass(frozen=True)
class DateMention:
    """A date in text: `first`..`last` is the day, month, season or range of days it names.

    `text` is the wording as written at `start`..`end` of the searched text. When the year (or the
    day) was not written but taken from context, `inferred` is set and `reasoning_sv`/`reasoning_en`
    say why and `evidence` quotes what fixed it.
    """

    first: dt.date
    last: dt.date
    text: str
    start: int
    end: int
    inferred: bool = False
    reasoning_sv: str = ""
    reasoning_en: str = ""
    evidence: str = ""

    @property
    def is_day(self) -> bool:
        return self.first == self.last


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def month_number(word: str) -> int | None:
    """The month a Swedish month word or abbreviation names ("sept." -> 9), None for other words."""
    return MONTH_WORDS.get(word.lower().rstrip("."))


@cache
def _parse_words(day: str, month: str, year: str) -> dt.date | None:
    """A complete day-month-year written with a month word, read by dateparser (cached per form)."""
    full = MONTH_NAMES[MONTH_WORDS[month.lower()] - 1]  # "febr" -> "februari": dateparser knows full names
    parsed = dateparser.parse(f"{int(day)} {full} {year}", languages=["sv"], settings=_SETTINGS)
    return parsed.date() if parsed else None


def find_dates(text: str) -> list[DateMention]:
    """Every date, month or season with its year in `text`, in order; a longer form wins over a part."""
    found: list[DateMention] = []
    if not ANY_YEAR.search(text):
        return found
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], first: dt.date | None, last: dt.date | None = None) -> None:
        if not all(m.end() <= a or m.start() >= b for a, b in taken):
            return
        taken.append(m.span())  # an impossible date ("31 februari 2020") is no date, and no month either
        if first is not None:
            found.append(DateMention(first, last or first, m[0], m.start(), m.end()))

    for m in _DAY_MONTH_YEAR.finditer(text):
        add(m, _parse_words(m[1], m[2].rstrip("."), m[3]))
    for rx, order in ((_ISO, (1, 2, 3)), (_COMPACT, (1, 2, 3)), (_NUMERIC, (3, 2, 1))):
        for m in rx.finditer(text):
            y, mo, da = (int(m[i]) for i in order)
            add(m, safe_date(y, mo, da))
    for m in _MONTH_YEAR.finditer(text):
        y, mo = int(m[2]), MONTH_WORDS[m[1].lower()]
        add(m, dt.date(y, mo, 1), month_end(y, mo))
    for m in _SEASON_YEAR.finditer(text):
        y = int(m[2])
        spring = m[1].lower().startswith("v")
        add(m, *((dt.date(y, 1, 1), dt.date(y, 6, 30)) if spring else (dt.date(y, 8, 1), dt.date(y, 12, 31))))
    return sorted(found, key=lambda x: x.start)


def parse_date(text: str) -> dt.date | None:
    """The first full date (day, month and year) in `text`."""
    return next((m.first for m in find_dates(text) if m.is_day), None)


def day_month(match: re.Match[str]) -> tuple[int, int] | None:
    """(day, month) of a DAY_MONTH match, None when it is not a possible day of the year."""
    day = int(match[1])
    month = int(match[2]) if match[2] else MONTH_WORDS[match[3].lower()]
    return (day, month) if safe_date(2000, month, day) else None  # 2000 is a leap year: 29/2 is possible


def years_in(text: str) -> dict[int, str]:
    """Years the text states -> the first wording that states it: in a date, month or season, else
    written alone ("Under 2022", "KS2018/12", "rapport 1, 2018")."""
    out: dict[int, str] = {}
    for m in find_dates(text):
        out.setdefault(m.first.year, m.text)
    for m in _BARE_YEAR.finditer(text):
        out.setdefault(int(m[0]), text[max(0, m.start() - 20) : m.end() + 5].strip())
    return out


def in_context(text: str, context: str | Iterable[DateMention]) -> list[DateMention]:
    """Days and months in `text` written without a year ("17 maj", "på tisdagen den 17 maj"), dated
    from `context` (a text, whose years are read by `years_in`, or mentions already found).

    The year is taken only when the context fixes it: it names one year, or several of which exactly
    one puts the day on a weekday the text states. Otherwise the mention spans the earliest to the
    latest possible day (a range, `is_day` false). Without any year in the context it is not dated.
    Mentions that carry their own year are not repeated here (see find_dates).
    """
    years: dict[int, str] = {}
    if isinstance(context, str):
        years = years_in(context)
    else:
        for m in context:
            years.setdefault(m.first.year, m.text)
    own = [(m.start, m.end) for m in find_dates(text)]
    out: list[DateMention] = []
    for m in DAY_MONTH.finditer(text):
        if years and not any(a <= m.start() < b for a, b in own) and (dm := day_month(m)):
            written = m[0].rstrip(".")
            mention = _dated(written, m.start(), *dm, _weekday_before(text, m.start()), years)
            out.extend([mention] if mention else [])
    return out


def _dated(
    written: str, at: int, day: int, month: int, weekday: int | None, years: dict[int, str]
) -> DateMention | None:
    """`day` `month` (and the weekday, if written) given the year of each of `years` that fits."""
    fits = [y for y in sorted(years) if (d := safe_date(y, month, day)) and weekday in (None, d.weekday())]
    if not fits:
        return None
    end = at + len(written)
    if len(fits) > 1:
        first, last = dt.date(fits[0], month, day), dt.date(fits[-1], month, day)
        return DateMention(
            first,
            last,
            written,
            at,
            end,
            True,
            f"året står inte; sammanhanget nämner åren {fits}",
            f"the year is not written; the context names the years {fits}",
            "; ".join(years[y] for y in fits),
        )
    year = fits[0]
    known = sorted(years)
    if weekday is not None and len(known) > 1:
        day_sv = _weekday_sv(weekday)
        why_sv = f"året står inte; av åren {known} faller {written} på en {day_sv} bara {year}"
        why_en = f"the year is not written; of the years {known} only in {year} is {written} that weekday"
    else:
        why_sv = f"året står inte; {year} är det enda år sammanhanget nämner ({years[year]!r})"
        why_en = f"the year is not written; {year} is the only year the context names ({years[year]!r})"
        if weekday is not None:
            why_sv += f", och {written} {year} var en {_weekday_sv(weekday)}"
            why_en += f", and {written} {year} fell on that weekday"
    d = dt.date(year, month, day)
    return DateMention(d, d, written, at, end, True, why_sv, why_en, years[year])


def _weekday_before(text: str, at: int) -> int | None:
    """A weekday written just before a day ("tisdagen den 17 maj", "Onsdagen den 18 april")."""
    m = None
    for m in _WEEKDAY_NEAR.finditer(text, max(0, at - 30), at):  # noqa: B007 - the last one is wanted
        pass
    if m is None or not re.fullmatch(r"[\s,]*(?:den\s*)?", text[m.end() : at], re.IGNORECASE):
        return None
    return WEEKDAY_WORDS[m[1].lower()]


def _weekday_sv(weekday: int) -> str:
    return max(_locale_words(_WEEKDAY_KEYS)[weekday], key=len)


WEEKDAY_NAMES = tuple(_weekday_sv(i) for i in range(7))  # "måndag" … "söndag", as the locale writes them


def place_date(line: str) -> DateMention | None:
    """The date of a place-and-date line ("Stockholm, 1 september 2020", "Stockholm mars 2025"), where a
    letter or report dates and signs itself; None for any other line."""
    if (m := _PLACE_DATE.match(line)) is None or len(line) >= 60:
        return None
    rest = line[m.end() :]
    # the date ends the line: "Den 1 juli 2021 trädde lagen i kraft." is an event, not a place and date
    if (found := find_dates(rest)) and not rest[found[0].end :].strip(" \t.,"):
        return _shift(found[0], m.end())
    return None


def document_date(lines: Sequence[str]) -> tuple[DateMention, int] | None:
    """The date a document states for itself, and the index of the line that states it.

    In order: a labelled line ("Publicerad: 11 december 2019"), a place-and-date line ("Stockholm,
    1 september 2020", "Stockholm mars 2025" as a month range), a line of the head that holds only a
    date ("2020-09-10"), a publication period ("under perioden
    9 juli 2021 och 30 november 2021" as a range), and last a date that stands only in the title line
    (the first non-empty line). Dates inside running text are events, not the document's date.
    """
    for i, line in enumerate(lines):
        if (m := _LABELLED.match(line)) and (found := find_dates(m[1])):
            return _shift(found[0], m.start(1)), i
    for i, line in enumerate(lines):
        if (found := place_date(line)) is not None:
            return found, i
    head = [i for i, line in enumerate(lines) if line.strip()][:_HEAD_LINES]
    for i in head:
        if (found := find_dates(lines[i])) and found[0].text == lines[i].strip(" \t.,"):
            return found[0], i  # a letter head's date line: "2020-09-10", "1 september 2020"
    for i, line in enumerate(lines):
        if (p := _PERIOD.search(line)) and (a := find_dates(p[1])) and (b := find_dates(p[2])):
            return DateMention(a[0].first, b[-1].last, p[0], p.start(), p.end()), i
    title = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title is not None and (found := find_dates(lines[title])):
        return found[0], title
    return None


def _shift(mention: DateMention, by: int) -> DateMention:
    return replace(mention, start=mention.start + by, end=mention.end + by)


def month_of(mention: DateMention) -> tuple[dt.date, dt.date] | None:
    """The calendar month a day or a month mention lies in; None for a season or a longer range."""
    first = mention.first.replace(day=1)
    last = month_end(first.year, first.month)
    return (first, last) if mention.last <= last else None

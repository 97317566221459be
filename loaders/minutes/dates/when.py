"""When the meeting was, from what the document states — and only a range when it does not state a day.

In order: a "Datum:" field (read with the other fields); a full date in the title line ("Protokoll …
den 19 september 2018") or alone on the line under it, or after a date label ("Sammanträdesdatum" over
"2019-03-12"); a day and month in the title or a when-line of the header ("Tid Onsdagen den 18 april",
"Sammanställning från SRO 23 april") that a full date elsewhere in the text repeats ("2021-04-23 …") —
all stated. Otherwise a day and month without a year is dated from the years the text names (the shared
date reader, `dates.in_context`, which also checks a written weekday) and from what the minutes speak
of as done (dating.py): one day if only one year fits, else a range — always marked inferred.
Last, a date that only the address of a stored page holds is a reading of that address. Nothing
here knows RDF.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from operator import attrgetter

from proveniens.loaders.minutes.dates.dating import infer_range
from proveniens.loaders.minutes.parts import Minutes, Passage, span_of
from proveniens.loaders.text.dates import (
    DAY_MONTH,
    WEEKDAY_NAMES,
    InferredRange,
    day_month,
    find_dates,
    in_context,
)
from proveniens.loaders.text.layout import Line

_HEADER_LINES = 10
_DATE_LABEL = re.compile(
    r"(?:^\s*|(?<=\S\s\s))(?P<label>(?:(?:Protokoll|Kallelse|Mötesanteckningar|Minnesanteckningar)\s+)?"
    r"(?:Sammanträdesdatum|Mötesdatum|Sammanträdesdag|Datum))\b\s*:?\s*",
    re.IGNORECASE,
)  # at the start of a line, or as a column of a page header after a wide gap ("SOCIALNÄMNDEN   Sammanträdesdatum")
_WHEN = re.compile(
    r"^\s*(?:(?:Tid|Datum)(?:\s+och\s+(?:plats|tid))?|Plats\s+och\s+tid|Sammanträdesdatum|Mötesdatum|Dag|När)\b"
    rf"|^\s*(?:{'|'.join(WEEKDAY_NAMES)})",
    re.IGNORECASE,
)
_URL_DATE = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NO = attrgetter("no")


def _header(minutes: Minutes) -> list[Line]:
    first_item = min((i.heading.start for i in minutes.items), default=None)
    head = [x for x in minutes.layout.lines[:_HEADER_LINES] if first_item is None or x.no < first_item]
    return head or list(minutes.layout.lines[:1])


def date_meeting(minutes: Minutes) -> None:
    """Set `minutes.date` (stated) or `minutes.date_range` (inferred), when the text allows either."""
    if minutes.date is not None:
        return
    lines = minutes.layout.lines
    title = lines[0]
    if days := [d for d in find_dates(title.text) if d.is_day]:
        minutes.date = (days[0].first, span_of([title], days[0].text))
        return
    if (below := _date_below_title(minutes)) is not None:
        minutes.date = below
        return
    top = list(lines[:_HEADER_LINES])
    for pos, line in enumerate(top):  # "Sammanträdesdatum 2019-03-12", or the date on the line below
        if m := _DATE_LABEL.search(line.text):
            for where in (line, *top[pos + 1 : pos + 2]):
                # below the label, in its column: a page header laid out as a table puts the body before it
                text = line.text[m.end() :] if where is line else where.text[m.start("label") :]
                if days := [d for d in find_dates(text) if d.is_day and not text[: d.start].strip()]:
                    minutes.date = (days[0].first, span_of([line, where] if where is not line else [line]))
                    return
    header = [x for x in _header(minutes) if x is title or _WHEN.match(x.text)]  # where the text says when it met
    written = next(((x, m) for x in header if (m := DAY_MONTH.search(x.text)) and day_month(m)), None)
    if written is not None:
        line, m = written
        day, month = day_month(m)  # type: ignore[misc]
        for other in lines:
            for full in find_dates(other.text):
                if full.is_day and (full.first.day, full.first.month) == (day, month):
                    minutes.date = (full.first, span_of([other], full.text))
                    return
        if _in_context(minutes, line, m):
            return
    if not _from_address(minutes):
        minutes.date_range = _undated_range(minutes)


_ONLY_A_DATE = re.compile(rf"^\s*(?:(?i:den|{'|'.join(WEEKDAY_NAMES)})(?:en)?\s+)*(?:den\s+)?(?P<date>.+?)\s*$")


def _date_below_title(minutes: Minutes) -> tuple[dt.date, Passage] | None:
    """A full date alone on the line under the title, as the title's own date ("Protokoll fört vid
    sammanträde med Äldrenämnden" over "den 4 juli 2019"): stated, as a date in the title line is."""
    lines = minutes.layout.lines
    if minutes.title is None or len(lines) < 2 or lines[1].no - lines[0].no > 2:
        return None
    below = lines[1]
    m = _ONLY_A_DATE.match(below.text)
    days = [d for d in find_dates(m["date"]) if d.is_day] if m else []
    if len(days) == 1 and days[0].text.strip() == m["date"].strip():  # type: ignore[index]
        return days[0].first, span_of([below], below.text.strip())
    return None


def _undated_range(minutes: Minutes) -> InferredRange | None:
    """The range minutes without any written date lie in, from their agenda and the years of their schedule."""
    lines = minutes.layout.lines
    years = [int(y) for a, _ in minutes.schedule_lines for y in _YEAR.findall(_text_of_line(lines, a))]
    return infer_range([line for item in minutes.items for line in item.lines], years)


def _text_of_line(lines: tuple[Line, ...], no: int) -> str:
    """Line `no` (its segments joined), found by bisection, as the content lines are in text order."""
    first, last = bisect.bisect_left(lines, no, key=_NO), bisect.bisect_right(lines, no, key=_NO)
    return " ".join(x.text for x in lines[first:last])


def _in_context(minutes: Minutes, line: Line, m: re.Match[str]) -> bool:
    context = "\n".join(x.text for x in minutes.layout.lines)
    found = [d for d in in_context(line.text, context) if d.start <= m.start() < d.end]
    if not found:
        return False
    mention = found[0]
    first, last, sv, en = mention.first, mention.last, mention.reasoning_sv, mention.reasoning_en
    bounds = infer_range([x for item in minutes.items for x in item.lines] or list(minutes.layout.lines))
    if not mention.is_day and bounds is not None:
        fits = [d for y in range(first.year, last.year + 1)
                if bounds.earliest.date <= (d := dt.date(y, first.month, first.day)) <= bounds.latest.date]  # fmt: skip
        if len(fits) == 1:
            first = last = fits[0]
            sv += f"; bara {first.year} ligger efter det som redan hänt: {bounds.earliest.sv}"
            en += f"; only {first.year} lies after what had happened: {bounds.earliest.en}"
    minutes.date_range = InferredRange.on_one_ground(first, last, line.no, line.no, mention.text, sv, en)
    return True


def _from_address(minutes: Minutes) -> bool:
    url = minutes.layout.provenance
    if url is None or not (m := _URL_DATE.search(url)):
        return False
    try:
        day = dt.date.fromisoformat(m[0])
    except ValueError:
        return False
    minutes.date_range = InferredRange.on_one_ground(
        day, day, 1, 1, m[0],
        f"texten anger inget datum; bara sidans adress ({m[0]}) gör det",
        f"the text states no date; only the page's address ({m[0]}) does",
    )  # fmt: skip
    return True

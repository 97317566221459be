"""Reading a set of minutes into its parts (see parts.py for what each part is).

Agenda headings are found first (parts.find_headings); then the regions that are not agenda
text (regions.py), the labelled fields of the header and the roll call, and the agenda items
(items.py). Nothing here knows RDF.
"""

from __future__ import annotations

import re

from proveniens.loaders.minutes.dates.when import date_meeting
from proveniens.loaders.minutes.items import read_items, read_unnumbered
from proveniens.loaders.minutes.parts import (
    ANY_LABEL,
    DIGITAL,
    NEXT_MEETING,
    NOTICE,
    TITLE_LINE,
    Minutes,
    Officer,
    field_alone,
    find_headings,
    gather,
    inline_left,
    labels,
    people_in,
    span_of,
)
from proveniens.loaders.minutes.people.read import read_people
from proveniens.loaders.minutes.regions import read_regions
from proveniens.loaders.minutes.text import parse_time, parse_time_range
from proveniens.loaders.text.dates import DAY_MONTH, day_month, parse_date
from proveniens.loaders.text.layout import Line, analyse


def read_minutes(raw_lines: tuple[str, ...] | list[str]) -> Minutes | None:
    """The parts of the minutes (None for a text without content lines)."""
    layout = analyse(raw_lines)
    lines = layout.lines
    if not lines:
        return None
    heads = find_headings(lines)
    minutes = Minutes(layout, notice=any(NOTICE.match(x.text) for x in lines[:4]))
    read_regions(minutes, heads)
    _read_fields(minutes, heads)
    if heads:
        read_items(minutes, heads)
    else:
        read_unnumbered(minutes)
    read_people(minutes)
    date_meeting(minutes)
    return minutes


def _read_fields(minutes: Minutes, heads: list[int]) -> None:
    lines = minutes.layout.lines
    for pos, line in enumerate(lines[: heads[0] if heads else len(lines)]):
        if pos < 4 and (m := TITLE_LINE.match(line.text)) and not minutes.title:
            minutes.title = span_of([line])
            written = m["rest"].strip(" :-–")
            minutes.body_written = written or None
            name_lines = []
            for nxt in lines[pos + 1 : heads[0] if heads else pos + 2]:
                if ANY_LABEL.match(nxt.text) or field_alone(nxt.text) or nxt.no - (name_lines or [line])[-1].no > 3:
                    break
                name_lines.append(nxt)
            if name_lines:
                minutes.body_name = span_of(name_lines)
    for pos, line in enumerate(lines):
        if line.no in minutes.excluded:
            continue
        if NEXT_MEETING.match(line.text):
            _read_next_meeting(minutes, line)
        if (inline := inline_left(line.text)) and not ANY_LABEL.match(line.text):
            people = people_in(inline["rest"], [line], strict=True)
            minutes.left.extend((p, parse_time(inline["at"])) for p in people or [])
        for kind, m in labels(line.text).items():
            if kind in ("presenters", "decision"):
                continue
            _read_field(minutes, kind, m, pos)
            break


def _read_next_meeting(minutes: Minutes, line: Line) -> None:
    """ "Nästa möte: 2022-05-09 kl. 9-11" or "Nästa möte hålls den 9 maj": a day, with its year when written."""
    if day := parse_date(line.text):
        minutes.next_meetings.append((day.day, day.month, day.year, span_of([line])))
    elif (m := DAY_MONTH.search(line.text)) and (dm := day_month(m)):
        minutes.next_meetings.append((dm[0], dm[1], None, span_of([line])))


def _read_field(minutes: Minutes, kind: str, m: re.Match[str], pos: int) -> None:
    lines = minutes.layout.lines
    rest = m["rest"]
    here = span_of([lines[pos]])
    if kind == "date" and minutes.date is None and (day := parse_date(rest)):
        minutes.date = (day, here)
        if minutes.times is None and (times := parse_time_range(rest)):  # "Datum: 2022-03-14, kl. 9-12"
            minutes.times = (*times, here)
    elif kind == "time" and minutes.times is None and (times := parse_time_range(rest)):
        minutes.times = (*times, here)
        if minutes.date is None and (day := parse_date(rest)):  # "Tid och plats: 24 september 2021 kl. 13-15"
            minutes.date = (day, here)
        if minutes.form is None and (digital := DIGITAL.search(rest)):
            minutes.form = (digital[0], here)
    elif kind == "form" and minutes.form is None and rest.strip() and (
        not m[0].strip().lower().startswith("plats") or DIGITAL.search(rest)
    ):
        minutes.form = (" ".join(rest.split()).strip(" ."), here)
    elif kind in ("left", "chair", "vice-chair"):
        text, used, _ = gather(lines, pos, rest)
        people = people_in(text, used) or []
        if kind == "left":
            at = parse_time(m["at"])
            minutes.left.extend((p, at) for p in people)
        elif kind in ("chair", "vice-chair"):
            minutes.officers.extend(Officer(p, kind) for p in people[:1])

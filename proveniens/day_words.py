"""A day and a range of days in words, in Swedish or English: "24 september 2021", "april–augusti 2020".

Shared by the loaders (a meeting's name) and the pages (a search hit's meeting), with Babel's locale
data for the month names: no month table of our own.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def day_in_words(iso: str | dt.date, lang: str) -> str:
    """ "2021-09-24" as "24 september 2021" (sv) or "24 September 2021" (en)."""
    return format_date(_day(iso), "d MMMM y", locale=lang)


def range_in_words(earliest: str | dt.date, latest: str | dt.date, lang: str) -> str:
    """A range as people say it: "april–augusti 2020" for whole months, else "31 januari – 30 juni 2021"."""
    first, last = _day(earliest), _day(latest)
    whole_months = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    if whole_months:
        if first.year == last.year:
            if first.month == last.month:
                return format_date(first, "LLLL y", locale=lang)
            return f"{format_date(first, 'LLLL', locale=lang)}–{format_date(last, 'LLLL y', locale=lang)}"
        return f"{format_date(first, 'LLLL y', locale=lang)} – {format_date(last, 'LLLL y', locale=lang)}"
    if first.year == last.year:
        return f"{format_date(first, 'd MMMM', locale=lang)} – {day_in_words(last, lang)}"
    return f"{day_in_words(first, lang)} – {day_in_words(last, lang)}"


def _day(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)

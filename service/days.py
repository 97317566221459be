"""Days as people write them into a search box, and as pages write them back: "24 september 2021".

A search for a day finds what happened on it, so the text a person types ("2021-09-24",
"24 september 2021", "24/9 2021", "20210924", "September 24, 2021") is read as a day when it is one
whole day and nothing else; a year or a month alone is not a day. Pages name a day and a range in
the page's language with Babel's locale data, not a month table of our own.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser
from babel.dates import format_date

_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}


def day_typed(text: str) -> dt.date | None:
    """The day `text` is, when all of it writes one day (Swedish or English); else None."""
    if m := _COMPACT.match(text):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if not any(c.isdigit() for c in text) or len(text) > 40:
        return None  # no day without a number; long texts are searches, not days
    parsed = dateparser.parse(text, languages=["sv", "en"], settings=_SETTINGS)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def day_in_words(iso: str, lang: str) -> str:
    """ "2021-09-24" as "24 september 2021" (sv) or "24 September 2021" (en)."""
    return format_date(dt.date.fromisoformat(iso), "d MMMM y", locale=lang)


def range_in_words(earliest: str, latest: str, lang: str) -> str:
    """A range as people say it: "april–augusti 2020" for whole months, else "31 januari – 30 juni 2021"."""
    first, last = dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest)
    whole_months = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    if whole_months:
        if first.year == last.year:
            if first.month == last.month:
                return format_date(first, "LLLL y", locale=lang)
            return f"{format_date(first, 'LLLL', locale=lang)}–{format_date(last, 'LLLL y', locale=lang)}"
        return f"{format_date(first, 'LLLL y', locale=lang)} – {format_date(last, 'LLLL y', locale=lang)}"
    if first.year == last.year:
        return f"{format_date(first, 'd MMMM', locale=lang)} – {day_in_words(latest, lang)}"
    return f"{day_in_words(earliest, lang)} – {day_in_words(latest, lang)}"

"""Days as people type them into a search box: "2021-09-24", "24 september 2021", "24/9 2021", "20210924".

A search for a day finds what happened on it, so the text is read as a day when it is one whole day
and nothing else; a year or a month alone is not a day.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

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

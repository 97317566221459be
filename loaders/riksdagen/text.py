"""The few text forms of Riksdagen's records: dates with a time of day, and text with markup in it."""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"((?:19|20)[0-9]{2})-([0-9]{2})-([0-9]{2})")
_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{1,200}>")


def record_date(value: str) -> date | None:
    """The day of a record's `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD`); None for anything else."""
    m = _DATE.match(value.strip())
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def clean(value: str) -> str:
    """Text as a reader sees it: `<BR/>` and other tags dropped, soft hyphens removed, whitespace collapsed."""
    text = _TAG.sub(" ", _BREAK.sub(" ", value)).replace("\u00ad", "")
    return " ".join(text.split())

"""The one slug function: every minted IRI segment in loaders/ comes from here, so a name gives one IRI."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "Æ": "AE", "Ø": "O"})


@lru_cache(maxsize=1 << 14)
def slugify(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Ann-Charlotte Järnström" → "ann-charlotte-jarnstrom"."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", folded.lower()).strip("-")

"""The one slug function: every minted IRI segment in loaders/ comes from here, so a name gives one IRI."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "Æ": "AE", "Ø": "O"})


def slugify(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Ann-Charlotte Järnström" → "ann-charlotte-jarnstrom"."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")

"""Which language a page is written in: the one choice every HTML answer (pages, linked data, errors) makes.

`?lang=` wins (a link a person followed), then the cookie the language switch set, then the browser's
`Accept-Language` read as RFC 9110 says (§12.5.4): each range has a weight (`q`, default 1, 0 meaning
"not this one"), the most specific range that matches a language gives its weight, and the highest
weight wins; a tie goes to the range the browser listed first. Swedish when nothing decides.
"""

from __future__ import annotations

from starlette.requests import Request

from proveniens.service.sparql.negotiation import weighted

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
COOKIE = "proveniens_lang"


def language(request: Request) -> str:
    """The page's language for this request: `?lang=`, the cookie, Accept-Language, then Swedish."""
    if (asked := request.query_params.get("lang")) in LANGUAGES:
        return asked  # type: ignore[return-value]
    if (kept := request.cookies.get(COOKIE)) in LANGUAGES:
        return kept  # type: ignore[return-value]
    return preferred(request.headers.get("accept-language", ""))


def preferred(accept_language: str) -> str:
    """The language of ours the header weighs highest (ties: listed first); the default if it accepts none."""
    ranges = weighted(accept_language, aliases={})
    best: tuple[float, int, str] | None = None
    for lang in LANGUAGES:
        weight = _weight(lang, ranges)
        if weight is None or weight[0] <= 0:
            continue
        key = (weight[0], -weight[1], lang)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else DEFAULT_LANGUAGE


def _weight(lang: str, ranges: list[tuple[str, float]]) -> tuple[float, int] | None:
    """(q, position) of the most specific range matching `lang`: `sv` beats `sv-SE` beats `*`; None if none."""
    best: tuple[int, float, int] | None = None
    for position, (tag, q) in enumerate(ranges):
        if tag == lang:
            specificity = 2
        elif tag.split("-", 1)[0] == lang:
            specificity = 1
        elif tag == "*":
            specificity = 0
        else:
            continue
        if best is None or specificity > best[0]:
            best = (specificity, q, position)
    return (best[1], best[2]) if best else None

"""What the public endpoint refuses before a query reaches the engine: federation and updates.

pyoxigraph cannot switch SERVICE off, so the query text is scanned with comments, strings and
IRIs removed; a SERVICE keyword anywhere (subqueries included) is refused. Variables (`?service`)
and prefixed names (`ex:service`) are not keywords and pass.
"""

from __future__ import annotations

import re

_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"  # IRIs
    r"|#[^\n]*",  # comments
    re.DOTALL,
)


def keyword(alternatives: str) -> re.Pattern[str]:
    """A SPARQL keyword as a token: not part of a variable (`?service`) or a prefixed name (`ex:service`)."""
    return re.compile(rf"(?<![\w?$:-])(?:{alternatives})(?![\w:-])", re.IGNORECASE)


_SERVICE = keyword("SERVICE")
_UPDATE = keyword("INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD")
_QUERY_FORM = keyword("SELECT|CONSTRUCT|DESCRIBE|ASK")


class Refused(Exception):
    """The query asks for something this endpoint does not do; the message says what and why."""


def strip_noise(query: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length, so offsets still hold)."""
    return _NOISE.sub(lambda m: " " * len(m.group(0)), query)


def check_query(query: str) -> None:
    """Raise Refused for federation or for an update sent as a query."""
    bare = strip_noise(query)
    if _SERVICE.search(bare):
        raise Refused("SERVICE (federated query) is not allowed on this public endpoint.")
    if not _QUERY_FORM.search(bare) and _UPDATE.search(bare):
        raise Refused("This is a SPARQL update; the public endpoint is read-only. Load data with `proveniens build`.")

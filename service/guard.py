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
_KEYWORD = r"(?<![\w?$:-]){}(?![\w:-])"
_SERVICE = re.compile(_KEYWORD.format("SERVICE"), re.IGNORECASE)
_UPDATE = re.compile(_KEYWORD.format("(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)"), re.IGNORECASE)
_QUERY_FORM = re.compile(_KEYWORD.format("(?:SELECT|CONSTRUCT|DESCRIBE|ASK)"), re.IGNORECASE)


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

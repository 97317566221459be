"""Query text any SPARQL 1.1 server reads as Oxigraph does: `LATERAL` hints unwrapped, non-ASCII escaped.

`without_lateral`: a named query for a server without Oxigraph's `LATERAL` (Virtuoso, GraphDB, …).

The named queries use `LATERAL { OPTIONAL {…} … }` only as an evaluation hint: Oxigraph then looks up a
hop's evidence, types and labels per row instead of hash-joining every evidence node of the store. Each
such group holds OPTIONALs over variables bound before it, so `X LATERAL { OPTIONAL {A} OPTIONAL {B} }`
and `X OPTIONAL {A} OPTIONAL {B}` have the same solutions (tests/api/test_portable.py runs both forms of
every named query). Kept as `{ OPTIONAL {A} }`, the group would be a join with all of A, which is not the
same; so the keyword and the group's braces go, and its content stays where it was.

`ascii_escaped`: every query sent to a remote server. Virtuoso 7.2.5 misreads non-ASCII characters written
as such in a query (seen: `STR(LCASE("VÅRD"))` gives "", a class `[åä]` matches the wrong characters), and
reads them right as `\\u` escapes, which SPARQL defines to mean the same character.
"""

from __future__ import annotations

import re

from proveniens.service.sparql.lexer import tokenize

# An IRI or a string literal in a run of terms (there, `<` always opens an IRI).
QUOTED = (
    r'<[^>]*>|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\''
)
_QUOTED = re.compile(QUOTED)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def without_lateral(query: str) -> str:
    """`query` with every `LATERAL { … }` replaced by its content, blanked in place so positions keep their line."""
    text = list(query)
    depth = 0
    closing: list[int] = []  # depths at which an unwrapped group's `}` is expected, innermost last
    pending = False
    for token in tokenize(query):
        if token.kind == "WORD" and token.text == "LATERAL":
            text[token.start : token.start + len("LATERAL")] = " " * len("LATERAL")
            pending = True
        elif token.kind == "PUNCT" and token.text == "{":
            depth += 1
            if pending:
                text[token.start] = " "
                closing.append(depth)
                pending = False
        elif token.kind == "PUNCT" and token.text == "}":
            if closing and closing[-1] == depth:
                text[token.start] = " "
                closing.pop()
            depth -= 1
    return "".join(text)


def ascii_escaped(query: str) -> str:
    """`query` with each non-ASCII character of its IRIs and strings written as a `\\u`/`\\U` escape."""
    if query.isascii():
        return query
    parts: list[str] = []
    done = 0
    for token in tokenize(query):
        if token.kind != "TERMS" or token.text.isascii():
            continue
        escaped = _QUOTED.sub(lambda m: _NON_ASCII.sub(_escape, m.group(0)), token.text)
        parts += [query[done : token.start], escaped]
        done = token.start + len(token.text)
    return "".join(parts) + query[done:]


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"

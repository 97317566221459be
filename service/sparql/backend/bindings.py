"""Named-query parameters on their way to a backend: RDF terms in N-Triples form, never query text.

A worker process receives `{variable: term}` and hands the parsed terms to pyoxigraph as
substitutions. A remote server has no such option, so its query gets the same terms written in: in
place of the variable in every graph pattern and expression (`inlined`; Virtuoso only walks a path
such as `pv:ledTo?` from a start written in the query, not from one bound by VALUES), and as inline
data (`VALUES`) first in the outermost group, which binds the variable for the projection. Each term
is parsed back before use, so only a single well-formed IRI or literal can ever reach a query.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from proveniens.errors import ProveniensError
from proveniens.service.sparql.backend.portable import QUOTED
from proveniens.service.sparql.lexer import tokenize

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# In a run of terms: an IRI or a string (skipped whole), or a variable.
_TERM_PARTS = re.compile(QUOTED + r"|[?$]([A-Za-z_0-9\u00b7\u00c0-\ufffd]+)")
_S = "<urn:x-proveniens:s>"
_P = "<urn:x-proveniens:p>"


class BadTerm(ProveniensError, ValueError):
    """A substitution that is not one variable name and one IRI or literal."""


def encode_terms(bound: dict[ox.Variable, ox.NamedNode | ox.Literal]) -> dict[str, str]:
    """`{Variable: term}` (as `NamedQuery.bind` returns) → `{name: N-Triples term}`, picklable and printable."""
    return {variable.value: str(term) for variable, term in bound.items()}


def parse_term(text: str) -> ox.NamedNode | ox.Literal:
    """One N-Triples IRI or literal; anything else (two terms, a blank node, a fragment of syntax) is refused."""
    try:
        triples = list(ox.parse(f"{_S} {_P} {text} .\n".encode(), format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as err:
        raise BadTerm(f"not an N-Triples term: {text!r} ({err})") from None
    if len(triples) != 1 or not isinstance(triples[0].object, ox.NamedNode | ox.Literal):
        raise BadTerm(f"not a single IRI or literal: {text!r}")
    return triples[0].object


def parse_terms(substitutions: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """The inverse of `encode_terms`, checking every name and term."""
    parsed: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
    for name, text in substitutions.items():
        if not _VARIABLE.match(name):
            raise BadTerm(f"not a variable name: {name!r}")
        parsed[ox.Variable(name)] = parse_term(text)
    return parsed


def _first_group(query: str) -> int:
    """Index just after the `{` that opens the outermost group of a SELECT query (comments and IRIs skipped)."""
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c == "<":
            end = query.find(">", i)
            if end < 0:
                break
            i = end + 1
            continue
        if c in "\"'":
            raise BadTerm("a named query may not hold a string before its WHERE clause")
        if c == "{":
            return i + 1
        i += 1
    raise BadTerm("the query has no WHERE group")


def with_values(query: str, substitutions: dict[str, str]) -> str:
    """`query` with its parameters bound by a `VALUES` block opening the outermost group."""
    if not substitutions:
        return query
    terms = parse_terms(substitutions)
    names = " ".join(str(v) for v in terms)
    row = " ".join(str(t) for t in terms.values())
    at = _first_group(query)
    return f"{query[:at]}\n  VALUES ({names}) {{ ({row}) }}{query[at:]}"


def with_base(query: str, base: str | None) -> str:
    """The query with `BASE <base>` in front, for a server that takes no base IRI beside the query; a query with a
    BASE of its own is left as it is (its BASE wins anyway, and Virtuoso refuses a second one). The line numbers
    of the server's messages stay the same. `base` is checked as an IRI first (an IRI holds no `>`), so it cannot
    end the declaration early."""
    if base is None or _has_base(query):
        return query
    try:
        ox.NamedNode(base)
    except ValueError:
        return query
    return f"BASE <{base}> {query}"


def _has_base(query: str) -> bool:
    """Whether the prologue declares a BASE (anything unreadable is left to the server to report)."""
    try:
        for token in tokenize(query):
            if token.kind == "WORD" and token.text not in ("BASE", "PREFIX", "VERSION"):
                return False
            if token.kind == "WORD" and token.text == "BASE":
                return True
    except ProveniensError:
        return False
    return False


def inlined(query: str, substitutions: dict[str, str]) -> str:
    """`query` with each parameter's term in place of its variable, as pyoxigraph's substitutions do: in every graph
    pattern and expression inside a group, and in a sub-SELECT's projection as `(term AS ?v)` (a variable left
    unbound there would not join with the outer binding on Virtuoso, which joins like SQL). The outermost
    projection and the solution modifiers keep the variable: `with_values` binds it. A parameter a query binds
    itself (`AS ?v`, a VALUES variable) is refused, since a term cannot stand there."""
    if not substitutions:
        return query
    terms = {variable.value: str(term) for variable, term in parse_terms(substitutions).items()}
    parts: list[str] = []
    done = 0
    groups: list[str] = []  # "group", "select" (a SELECT's WHERE) or "values" (a VALUES block), innermost last
    projection = sub = values = bound_here = modifiers = False
    parens = 0  # depth of parentheses in a projection
    for token in tokenize(query):
        if token.kind == "WORD":
            if token.text == "SELECT":
                projection, sub, parens = True, bool(groups), 0
            values, bound_here = token.text == "VALUES", token.text == "AS"
            continue
        if token.kind == "PUNCT":
            if token.text == "{":
                groups.append("values" if values else "select" if projection else "group")
                projection = values = modifiers = False
            elif token.text == "}":
                modifiers = bool(groups) and groups.pop() == "select"
            elif projection and token.text in "()":
                parens += 1 if token.text == "(" else -1
            continue
        if token.kind != "TERMS":
            continue
        used = {m.group(1) for m in _TERM_PARTS.finditer(token.text) if m.group(1) in terms}
        if used and (bound_here or values):
            raise BadTerm(f"a parameter the query binds itself cannot be given: ?{', ?'.join(sorted(used))}")
        bound_here = False
        if not used or modifiers or not groups or groups[-1] == "values" or (projection and not sub):
            continue
        projected = projection and parens == 0

        def term(match: re.Match[str], projected: bool = projected) -> str:
            name = match.group(1)
            if name not in terms:
                return match.group(0)
            return f"({terms[name]} AS ?{name})" if projected else terms[name]

        parts += [query[done : token.start], _TERM_PARTS.sub(term, token.text)]
        done = token.start + len(token.text)
    return "".join(parts) + query[done:]

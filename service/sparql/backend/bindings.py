"""Named-query parameters on their way to a backend: RDF terms in N-Triples form, never query text.

A worker process receives `{variable: term}` and hands the parsed terms to pyoxigraph as
substitutions. A remote server has no such option, so its query gets the same terms as inline data
(`VALUES`) placed first in the outermost group, where every filter of that group sees them. Each term
is parsed back before use, so only a single well-formed IRI or literal can ever reach a query.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from proveniens.errors import ProveniensError

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
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
    """The query with `BASE <base>` in front, for a server that takes no base IRI beside the query: a later BASE in
    the query's own prologue still wins, and the line numbers of its messages stay the same. `base` is checked as
    an IRI first (an IRI holds no `>`), so it cannot end the declaration early."""
    if base is None:
        return query
    try:
        ox.NamedNode(base)
    except ValueError:
        return query
    return f"BASE <{base}> {query}"

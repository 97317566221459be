"""Named queries: `queries/*.rq` files with a `#+` header, run with parameters bound as RDF terms.

User text never becomes SPARQL text: parameters are parsed into IRIs or literals and passed to
the engine as substitutions (SEP-0007), so a value cannot change the query's shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from proveniens.errors import QueryError
from proveniens.resources import query_files

_HEADER = re.compile(r"^#\+\s*(\w+(?:@[a-z]{2})?):\s*(.*)$")  # `summary@sv:` is the summary in Swedish
_PARAM = re.compile(r"^#\+\s+-\s+(\w+):\s*(iri|literal)\b\s*(.*)$")


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # "iri" or "literal"
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query file and its documented header."""

    name: str
    summary: str
    parameters: tuple[Parameter, ...]
    columns: str
    text: str
    summaries: tuple[tuple[str, str], ...] = ()  # (language, summary) from `#+ summary@<language>:` lines

    def summary_in(self, lang: str) -> str:
        """The summary in `lang` when the header gives one, else the summary as written."""
        return dict(self.summaries).get(lang, self.summary)

    def bind(self, values: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
        """Turn user strings into RDF terms; unknown or missing parameters are errors."""
        unknown = set(values) - {p.name for p in self.parameters}
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}.")
        bound: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
        for param in self.parameters:
            if param.name not in values:
                raise QueryError(f"query {self.name!r} needs the parameter {param.name!r} ({param.description}).")
            value = values[param.name]
            if param.kind == "iri":
                try:
                    bound[ox.Variable(param.name)] = ox.NamedNode(value)
                except ValueError as err:
                    raise QueryError(f"parameter {param.name!r}: {value!r} is not an IRI ({err}).") from err
            else:
                bound[ox.Variable(param.name)] = ox.Literal(value)
        return bound


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Read the `#+` header: summary (and `summary@sv:` …), params (`- name: iri|literal description`), columns."""
    fields: dict[str, str] = {}
    params: list[Parameter] = []
    for line in text.splitlines():
        if match := _PARAM.match(line):
            params.append(Parameter(*match.groups()))
        elif match := _HEADER.match(line):
            fields[match.group(1)] = match.group(2).strip()
    if "summary" not in fields:
        raise QueryError(f"queries/{name}.rq has no '#+ summary:' header line.")
    summaries = tuple((key.split("@")[1], value) for key, value in fields.items() if key.startswith("summary@"))
    return NamedQuery(name, fields["summary"], tuple(params), fields.get("columns", ""), text, summaries)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """All named queries shipped with the product, by file stem."""
    queries = {}
    for f in query_files():
        name = f.name.removesuffix(".rq")
        queries[name] = parse_named_query(name, f.read_text(encoding="utf-8"))
    return queries


def run_named_query(store: ox.Store, name: str, values: dict[str, str]) -> list[dict[str, str]]:
    """Run a named SELECT query; rows map column names to the terms' lexical values."""
    query = named_queries().get(name)
    if query is None:
        raise QueryError(f"there is no named query {name!r}; known: {', '.join(sorted(named_queries()))}.")
    solutions = store.query(query.text, substitutions=query.bind(values))
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"queries/{name}.rq must be a SELECT query.")
    columns = [v.value for v in solutions.variables]
    return [{c: row[c].value for c in columns if row[c] is not None} for row in solutions]

#!/usr/bin/env python3
"""W3C conformance runner for the Proveniens SPARQL endpoint and its SHACL validation step.

    python tests/conformance/runner.py [--suite query|protocol|sparql11|shacl|sparql10|all] [--verbose] [--only TEXT]
                                       [--backend embedded|oxigraph|virtuoso]

The SPARQL suites run against a real `proveniens serve` subprocess, over HTTP: every test's data is
written into a new on-disk build that is published as `current` (the query workers reopen it), and
the query or protocol requests go to `/sparql` (and `/update`). The SHACL core suite runs twice:
through pySHACL (the reference) and through the build's path (shapes compiled to SPARQL on
pyoxigraph). How results are compared follows suites/README.md, section 4: bags of solutions,
one bijective blank-node mapping per result, numeric and boolean literals by value within their
datatype, order only under a top-level ORDER BY, REDUCED as a range of multisets.

With `--backend oxigraph|virtuoso` the service serves a remote store started for the run (tests/servers.py), and each
test's data is published into it through the product's remote build path (named graphs only: the default graph is
their union there); the query and protocol suites must then fail exactly the tests expected-deviations.tsv lists for
that backend. The SHACL suites do not use the store and run embedded.

Exit status: 0 when every goal of the suites that were run is met, 1 otherwise, 2 on a setup error.
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
import os
import re
import secrets
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urljoin

from proveniens.errors import StoreError

HERE = Path(__file__).resolve().parent
SUITES = HERE / "suites"

# Published locations of the suites (the base IRIs other implementations use) and their local copies.
SPARQL_BASE = "https://w3c.github.io/rdf-tests/sparql/"
SHACL_BASE = "https://w3c.github.io/data-shapes/data-shapes-test-suite/tests/core/"
_LOCATIONS = ((SHACL_BASE, SUITES / "shacl-core"), (SPARQL_BASE, SUITES))  # most specific first

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"
DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
HT = "http://www.w3.org/2011/http#"
CNT = "http://www.w3.org/2011/content#"
SD = "http://www.w3.org/ns/sparql-service-description#"
SHT = "http://www.w3.org/ns/shacl-test#"
SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

XSD_STRING = XSD + "string"
RDF_LANGSTRING = RDF + "langString"

# Goals (what native Oxigraph 0.5.13 and pySHACL 0.40.1 reach; suites/README.md, section 5).
GOALS = {"query": (221, 232), "protocol": (33, 34), "shacl": (97, 98), "shacl-sparql": (97, 98)}
BASELINES = {
    "query": (221, 232, "Oxigraph 0.5.13 server"),
    "query-syntax": (102, 103, "Oxigraph 0.5.13 server"),
    "protocol": (33, 34, "Oxigraph 0.5.13 server"),
    "shacl": (97, 98, "pySHACL 0.40.1"),
    "shacl-sparql": (97, 98, "pySHACL 0.40.1"),
    "sparql10": (266, 283, "Oxigraph 0.5.13 server"),
    "sparql10-syntax": (191, 199, "Oxigraph 0.5.13 server"),
}

# Tests not run, by IRI, with the reason. (Entailment and SERVICE tests are skipped by their action.)
SKIP: dict[str, str] = {}

# Failures of the engine or validator underneath, not of our endpoint: documented in suites/README.md
# for native Oxigraph 0.5.13 and pySHACL 0.40.1, or reproduced with pyoxigraph 0.5.13 directly.
_S11 = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
KNOWN_ENGINE_FAILURES: dict[str, str] = {
    _S11 + "aggregates/manifest#agg-groupconcat-04": "GROUP_CONCAT keeps the common language tag",
    _S11 + "aggregates/manifest#agg-groupconcat-06": "GROUP_CONCAT keeps the common language tag",
    _S11 + "aggregates/manifest#agg-empty-group-count-graph": "GRAPH variable scoping",
    _S11 + "bindings/manifest#graph": "GRAPH variable scoping",
    _S11 + "functions/manifest#bnode01": "BNODE(str) not per solution",
    _S11 + "negation/manifest#graph-minus": "GRAPH variable scoping",
    _S11 + "property-path/manifest#zero_or_more_set_start": "zero-length path over a set",
    _S11 + "property-path/manifest#zero_or_more_set_end": "zero-length path over a set",
    _S11 + "property-path/manifest#zero_or_one_set_start": "zero-length path over a set",
    _S11 + "property-path/manifest#zero_or_one_set_end": "zero-length path over a set",
    _S11 + "syntax-query/manifest#test_4": "custom function: 500 at run time",
    _S11 + "csv-tsv-res/manifest#tsv03": "the store normalises literals (oxigraph#526)",
    _S11 + "csv-tsv-res/manifest#csv03": "the store normalises literals (oxigraph#526): 1.0E6 comes back as 1000000",
}
_S10 = "http://www.w3.org/2001/sw/DataAccess/tests/data-r2/"
KNOWN_ENGINE_FAILURES.update(
    {
        _S10 + name: "the store normalises literals (oxigraph#526)"
        for name in (
            "open-world/manifest#open-eq-01",
            "expr-builtin/manifest#dawg-str-1",
            "expr-builtin/manifest#dawg-str-2",
            "expr-builtin/manifest#sameTerm-simple",
            "expr-builtin/manifest#sameTerm-eq",
            "expr-builtin/manifest#sameTerm-not-eq",
            "expr-equals/manifest#eq-graph-1",
            "expr-equals/manifest#eq-graph-2",
            "distinct/manifest#distinct-1",
            "distinct/manifest#distinct-9",
        )
    }
)
KNOWN_ENGINE_FAILURES.update(
    {
        _S10 + "open-world/manifest#date-2": "XSD 1.1 date equality",
        _S10 + "open-world/manifest#date-3": "XSD 1.1 date equality",
        _S10 + "graph/manifest#graph-variable-scope": "GRAPH variable scoping",
        _S10 + "graph/manifest#graph-optional": "GRAPH variable scoping",
        _S10 + "expr-builtin/manifest#case-insensitive-booleans": "the parser rejects TRUE/False (Proposed)",
        _S10 + "syntax-sparql3/manifest#syn-bad-26": "the parser reads <?a&&?b> as an IRI",
    }
)
KNOWN_ENGINE_FAILURES.update(
    {
        _S10 + f"syntax-sparql{n}/manifest#{name}": "custom function: 500 at run time"
        for n, name in (
            (1, "syntax-expr-05"),
            (1, "syntax-order-05"),
            (1, "syntax-order-06"),
            (2, "syntax-function-01"),
            (2, "syntax-function-02"),
            (2, "syntax-function-03"),
            (2, "syntax-function-04"),
        )
    }
)
KNOWN_FAILURES = {iri_: f"Oxigraph 0.5.13: {why}" for iri_, why in KNOWN_ENGINE_FAILURES.items()}
KNOWN_FAILURES[SHACL_BASE + "property/uniqueLang-002"] = (
    'rdflib 7.6 reads "1"^^xsd:boolean in the shapes as true, so sh:uniqueLang is on (pySHACL and the SPARQL path)'
)


# The store behind `proveniens serve`: its embedded store, or a remote store of one of the kinds tests/servers.py
# starts. Through a remote store the query and protocol suites are held to the deviations listed for that kind.
BACKENDS = ("embedded", "oxigraph", "virtuoso")
DEVIATIONS = HERE / "expected-deviations.tsv"
CHECKED_SUITES = ("query", "protocol")  # the suites whose failures must be the listed ones


def read_deviations(text: str, backend: str) -> dict[str, str]:
    """The tests listed in expected-deviations.tsv for `backend`, by IRI, with their cause.

    Lines are `backend<TAB>test<TAB>cause`, the test named from `data-sparql11/` on; `#` starts a comment."""
    found: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != 3 or not all(fields):
            raise ValueError(f"line {number}: want backend, test and cause, separated by tabs")
        kind, test, cause = fields
        if kind not in BACKENDS[1:]:
            raise ValueError(f"line {number}: unknown backend {kind!r}")
        if kind == backend:
            if _S11 + test in found:
                raise ValueError(f"line {number}: {test} is listed twice")
            found[_S11 + test] = cause
    return found


def expected_failures(backend: str, text: str) -> dict[str, str]:
    """What may fail through `backend`: its listed deviations; through Oxigraph server also what the engine fails
    anyway (the embedded store is the same engine, KNOWN_ENGINE_FAILURES)."""
    listed = read_deviations(text, backend)
    if backend == "oxigraph":
        return {**{k: f"Oxigraph 0.5.13: {why}" for k, why in KNOWN_ENGINE_FAILURES.items()}, **listed}
    return listed


@dataclass(frozen=True)
class DeviationCheck:
    """How a remote run's failures compare with the listed ones."""

    unlisted: tuple[str, ...]  # failed, but not listed: a new deviation
    passing: tuple[str, ...]  # listed, run, and passed: the list is out of date

    @property
    def ok(self) -> bool:
        return not self.unlisted and not self.passing


def check_deviations(outcomes: Iterable[Outcome], expected: dict[str, str]) -> DeviationCheck:
    """Compare the failures among `outcomes` with `expected`; listed tests that did not run are not judged."""
    outcomes = list(outcomes)
    ran = {o.iri for o in outcomes}
    failed = {o.iri for o in outcomes if o.status == "fail"}
    return DeviationCheck(tuple(sorted(failed - expected.keys())), tuple(sorted((expected.keys() & ran) - failed)))


# --------------------------------------------------------------------------------------------------
# Terms and result comparison (pure; exercised by test_runner.py)
# --------------------------------------------------------------------------------------------------

Term = tuple  # ("I", iri) | ("B", label) | ("L", lexical, datatype, lang) | ("T", s, p, o)


def iri(value: str) -> Term:
    return ("I", value)


def bnode(label: str) -> Term:
    return ("B", label)


def literal(lexical: str, datatype: str | None = None, lang: str | None = None) -> Term:
    """A literal; a simple literal is an xsd:string (RDF 1.1) and language tags are case-insensitive."""
    if lang:
        return ("L", lexical, RDF_LANGSTRING, lang.lower())
    return ("L", lexical, datatype or XSD_STRING, "")


_INTEGER_TYPES = {
    XSD + name
    for name in (
        "integer",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
        "positiveInteger",
    )
}
_INT_RE = re.compile(r"[+-]?\d+")
_DEC_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_DBL_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN")
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


def literal_value(lexical: str, datatype: str) -> object | None:
    """The value of a numeric or boolean literal with a valid lexical form, else None."""
    text = lexical.strip()
    if datatype in _INTEGER_TYPES:
        return int(text) if _INT_RE.fullmatch(text) else None
    if datatype == XSD + "decimal":
        return Decimal(text) if _DEC_RE.fullmatch(text) else None
    if datatype in (XSD + "double", XSD + "float"):
        if not _DBL_RE.fullmatch(text):
            return None
        if text == "NaN":
            return "NaN"  # NaN is not equal to itself as a float; as a marker it is
        value = float(text.replace("INF", "inf"))
        if datatype == XSD + "float":
            try:
                value = struct.unpack("f", struct.pack("f", value))[0]
            except OverflowError:
                value = float("inf") if value > 0 else float("-inf")
        return value
    if datatype == XSD + "boolean":
        return _BOOLEANS.get(text)
    return None


def term_key(term: Term, by_value: bool = True) -> Term:
    """What equality compares: numeric and boolean literals by value within their datatype."""
    if term[0] == "L" and by_value and not term[3]:
        value = literal_value(term[1], term[2])
        if value is not None:
            return ("V", term[2], value)
    if term[0] == "T":
        return ("T", *(term_key(t, by_value) for t in term[1:]))
    return term


def format_term(term: Term | None) -> str:
    if term is None:
        return "UNBOUND"
    kind = term[0]
    if kind == "I":
        return f"<{term[1]}>"
    if kind == "B":
        return f"_:{term[1]}" if len(term) > 1 else "_:*"
    if kind == "T":
        return "<< " + " ".join(format_term(t) for t in term[1:]) + " >>"
    if kind == "V":
        return f"{term[2]}^^{_short(term[1])}"
    if kind == "S":  # a CSV cell
        return repr(term[1])
    text = '"' + term[1].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if term[3]:
        return f"{text}@{term[3]}"
    return text if term[2] == XSD_STRING else f"{text}^^{_short(term[2])}"


def _short(datatype: str) -> str:
    return "xsd:" + datatype[len(XSD) :] if datatype.startswith(XSD) else f"<{datatype}>"


Row = tuple  # ((slot, key), ...) sorted by slot; a key is term_key() of a term


def _has_blank(row: Row) -> bool:
    return any(key[0] == "B" for _, key in row)


def _shape(row: Row) -> Row:
    return tuple((slot, ("B",) if key[0] == "B" else key) for slot, key in row)


class _GaveUp(Exception):
    pass


def match_rows(expected: list[Row], actual: list[Row], budget: int = 200_000) -> dict[str, str] | None:
    """A bijective blank-node mapping (expected label -> actual label) under which the two bags of rows
    are equal, or None. Rows without blank nodes are compared as multisets; the rest by a backtracking
    search that always extends the most constrained row first. Raises _GaveUp past `budget` steps."""
    if len(expected) != len(actual):
        return None
    ground_e = Counter(r for r in expected if not _has_blank(r))
    ground_a = Counter(r for r in actual if not _has_blank(r))
    if ground_e != ground_a:
        return None
    blank_e = [r for r in expected if _has_blank(r)]
    blank_a = [r for r in actual if _has_blank(r)]
    if Counter(map(_shape, blank_e)) != Counter(map(_shape, blank_a)):
        return None
    by_shape: dict[Row, list[int]] = defaultdict(list)
    for j, row in enumerate(blank_a):
        by_shape[_shape(row)].append(j)
    candidates = [by_shape[_shape(row)] for row in blank_e]
    fwd: dict[str, str] = {}
    back: dict[str, str] = {}
    used = [False] * len(blank_a)
    remaining = set(range(len(blank_e)))
    steps = 0

    def extension(e_row: Row, a_row: Row) -> dict[str, str] | None:
        new: dict[str, str] = {}
        new_back: dict[str, str] = {}
        for (_, ke), (_, ka) in zip(e_row, a_row, strict=True):
            if ke[0] != "B":
                continue
            x, y = ke[1], ka[1]
            mapped = fwd.get(x, new.get(x))
            if mapped is not None:
                if mapped != y:
                    return None
                continue
            if y in back or y in new_back:
                return None
            new[x] = y
            new_back[y] = x
        return new

    def search() -> bool:
        nonlocal steps
        if not remaining:
            return True
        steps += 1
        if steps > budget:
            raise _GaveUp
        best: int | None = None
        best_options: list[tuple[int, dict[str, str]]] = []
        for i in remaining:
            options = []
            for j in candidates[i]:
                if used[j]:
                    continue
                new = extension(blank_e[i], blank_a[j])
                if new is not None:
                    options.append((j, new))
                    if best is not None and len(options) >= len(best_options):
                        break
            if best is None or len(options) < len(best_options):
                best, best_options = i, options
                if not options:
                    return False
        assert best is not None
        remaining.remove(best)
        for j, new in best_options:
            used[j] = True
            fwd.update(new)
            back.update({v: k for k, v in new.items()})
            if search():
                return True
            used[j] = False
            for k, v in new.items():
                del fwd[k]
                del back[v]
        remaining.add(best)
        return False

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 3 * len(blank_e) + 200))
    try:
        return dict(fwd) if search() else None
    finally:
        sys.setrecursionlimit(limit)


@dataclass
class Results:
    """A query result: a boolean, a sequence of solutions, or a graph."""

    kind: str  # "boolean" | "bindings" | "graph"
    boolean: bool | None = None
    variables: list[str] | None = None
    rows: list[dict[str, Term]] = field(default_factory=list)
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    indexed: bool = False  # the expected rows carry rs:index: their order matters

    @staticmethod
    def of_boolean(value: bool) -> Results:
        return Results("boolean", boolean=value)

    @staticmethod
    def of_rows(rows: list[dict[str, Term]], variables: list[str] | None = None, indexed: bool = False) -> Results:
        return Results("bindings", variables=variables, rows=rows, indexed=indexed)

    @staticmethod
    def of_triples(triples: Iterable[tuple[Term, Term, Term]]) -> Results:
        return Results("graph", triples=list(triples))


def solution_row(solution: dict[str, Term], by_value: bool = True) -> Row:
    return tuple(sorted((var, term_key(t, by_value)) for var, t in solution.items() if t is not None))


def triple_row(triple: tuple[Term, Term, Term], by_value: bool = True) -> Row:
    return tuple((i, term_key(t, by_value)) for i, t in enumerate(triple))


def _row_text(row: Row) -> str:
    if row and isinstance(row[0][0], int):
        return " ".join(format_term(k) for _, k in row)
    return "{" + ", ".join(f"?{slot}={format_term(k)}" for slot, k in row) + "}"


def _bag_difference(expected: list[Row], actual: list[Row]) -> str:
    """Counts, plus one missing and one unexpected row (blank-node labels shown as _:*)."""
    e, a = Counter(map(_shape, expected)), Counter(map(_shape, actual))
    missing, extra = e - a, a - e
    parts = [f"expected {len(expected)}, got {len(actual)}"]
    if missing:
        parts.append(f"missing {sum(missing.values())} e.g. {_row_text(next(iter(missing)))}")
    if extra:
        parts.append(f"unexpected {sum(extra.values())} e.g. {_row_text(next(iter(extra)))}")
    if not missing and not extra:
        parts.append("the rows agree up to blank-node labels, but no single bijective blank-node mapping fits")
    return "; ".join(parts)


def compare_bags(expected: list[Row], actual: list[Row], what: str) -> tuple[str | None, dict[str, str]]:
    """(None, mapping) when equal as bags under one bijective blank-node mapping, else (reason, {})."""
    try:
        mapping = match_rows(expected, actual)
    except _GaveUp:
        return f"{what}: blank-node matching gave up (search too large)", {}
    if mapping is None:
        return f"{what} differ: {_bag_difference(expected, actual)}", {}
    return None, mapping


def _order_error(expected: list[Row], actual: list[Row], keys: list[str] | None) -> str | None:
    """Order check: project each row on the sort-key variables (rows tied on them may come in any
    order); without usable keys, compare row by row under one consistent blank-node mapping."""
    if keys:
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            pe = tuple(("B",) if k[0] == "B" else k for s, k in e if s in keys)
            pa = tuple(("B",) if k[0] == "B" else k for s, k in a if s in keys)
            pe_text = ", ".join(f"?{s}={format_term(k)}" for s, k in e if s in keys)
            pa_text = ", ".join(f"?{s}={format_term(k)}" for s, k in a if s in keys)
            if pe != pa:
                return f"order differs at row {i + 1}: expected sort key {{{pe_text}}}, got {{{pa_text}}}"
        return None
    fwd: dict[str, str] = {}
    back: dict[str, str] = {}
    for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
        if _shape(e) != _shape(a):
            return f"order differs at row {i + 1}: expected {_row_text(e)}, got {_row_text(a)}"
        for (_, ke), (_, ka) in zip(e, a, strict=True):
            if ke[0] == "B" and (fwd.setdefault(ke[1], ka[1]) != ka[1] or back.setdefault(ka[1], ke[1]) != ke[1]):
                return f"order differs at row {i + 1}: blank nodes inconsistent"
    return None


def compare_results(
    expected: Results,
    actual: Results,
    *,
    ordered: bool = False,
    order_keys: list[str] | None = None,
    lax: bool = False,
    by_value: bool = True,
) -> str | None:
    """None when `actual` is an acceptable answer for `expected`, else a one-line reason.

    ordered: the query has a top-level ORDER BY (rs:index in the expected rows also implies it);
    order_keys: its sort-key variables, if known; lax: REDUCED / mf:LaxCardinality (any multiset
    between the DISTINCT result and the full one); by_value: numeric and boolean literals by value.
    """
    if expected.kind != actual.kind:
        return f"expected a {expected.kind} result, got a {actual.kind} result"
    if expected.kind == "boolean":
        return None if expected.boolean == actual.boolean else f"expected {expected.boolean}, got {actual.boolean}"
    if expected.kind == "graph":
        e_rows = list(dict.fromkeys(triple_row(t, by_value) for t in expected.triples))
        a_rows = list(dict.fromkeys(triple_row(t, by_value) for t in actual.triples))
        return compare_bags(e_rows, a_rows, "graphs")[0]
    if (
        expected.variables is not None
        and actual.variables is not None
        and set(expected.variables) != set(actual.variables)
    ):
        return f"variables differ: expected {sorted(expected.variables)}, got {sorted(actual.variables)}"
    e_rows = [solution_row(r, by_value) for r in expected.rows]
    a_rows = [solution_row(r, by_value) for r in actual.rows]
    if lax:
        e_set, a_set = list(dict.fromkeys(e_rows)), list(dict.fromkeys(a_rows))
        reason, _ = compare_bags(e_set, a_set, "distinct solutions")
        if reason:
            return reason
        if len(a_rows) > len(e_rows):
            return f"REDUCED gave {len(a_rows)} solutions, more than the {len(e_rows)} without it"
        return None
    reason, _ = compare_bags(e_rows, a_rows, "solutions")
    if reason:
        return reason
    if ordered or expected.indexed:
        return _order_error(e_rows, a_rows, order_keys)
    return None


# --------------------------------------------------------------------------------------------------
# SPARQL text helpers
# --------------------------------------------------------------------------------------------------

_TOKENS = re.compile(
    r'(?P<s>"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*')"
    r"|(?P<i><[^<>\"{}|^`\\\s]*>)"
    r"|(?P<c>#[^\n]*)",
    re.DOTALL,
)


def strip_sparql(text: str, keep_iris: bool = False) -> str:
    """The text with strings and comments (and IRIs unless keep_iris) blanked out."""

    def blank(m: re.Match[str]) -> str:
        return m.group(0) if keep_iris and m.group("i") else " "

    return _TOKENS.sub(blank, text)


_SCHEME = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:")
_RESOLVING_CALL = re.compile(r"(?<![\w?$:-])(?:IRI|URI)\s*\(", re.IGNORECASE)


def needs_base(query: str) -> bool:
    """Whether the base IRI can change what the query means: a relative IRI reference, or IRI()/URI(), which resolve
    their argument against it. (A `<` comparison read as an IRI only adds a needless BASE.)"""
    iris = (m.group("i") for m in _TOKENS.finditer(query) if m.group("i"))
    return any(not _SCHEME.match(i) for i in iris) or bool(_RESOLVING_CALL.search(strip_sparql(query)))


_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_MODIFIER_END = re.compile(r"\b(?:LIMIT|OFFSET|VALUES)\b", re.IGNORECASE)


def _depths(text: str) -> list[int]:
    depth, out = 0, []
    for ch in text:
        if ch == "}":
            depth -= 1
        out.append(depth)
        if ch == "{":
            depth += 1
    return out


def top_level_order_by(query: str) -> str | None:
    """The text of the query's outermost ORDER BY clause (not one inside a subquery), or None."""
    bare = strip_sparql(query)
    depth = _depths(bare)
    for m in _ORDER_BY.finditer(bare):
        if depth[m.start()] == 0:
            rest = bare[m.end() :]
            end = _MODIFIER_END.search(rest)
            return rest[: end.start()] if end else rest
    return None


def order_key_variables(clause: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"[?$]([A-Za-z0-9_\u00b7-\uffff]+)", clause)))


def has_keyword(query: str, keyword: str) -> bool:
    return re.search(rf"(?<![\w?$:-]){keyword}(?![\w:-])", strip_sparql(query), re.IGNORECASE) is not None


_QUERY_FORM = re.compile(r"(?<![\w?$:-])(?:SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w:-])", re.IGNORECASE)
_UPDATE_OP = re.compile(r"(?<![\w?$:-])(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)(?![\w:-])", re.IGNORECASE)


def looks_like_update(text: str) -> bool:
    bare = strip_sparql(text)
    return not _QUERY_FORM.search(bare) and bool(_UPDATE_OP.search(bare))


def dataset_clauses(query: str, base: str) -> list[tuple[bool, str]]:
    """(is_named, resolved IRI) for each FROM / FROM NAMED <iri> of the query."""
    bare = strip_sparql(query, keep_iris=True)
    return [
        (bool(m.group(1)), urljoin(base, m.group(2)))
        for m in re.finditer(r"\bFROM\s+(NAMED\s+)?<([^>]*)>", bare, re.IGNORECASE)
    ]


# --------------------------------------------------------------------------------------------------
# Parsing results and RDF (pyoxigraph parsers: they keep lexical forms as written)
# --------------------------------------------------------------------------------------------------


def _ox():
    import pyoxigraph

    return pyoxigraph


def from_ox(term) -> Term:
    ox = _ox()
    if isinstance(term, ox.NamedNode):
        return iri(term.value)
    if isinstance(term, ox.BlankNode):
        return bnode(term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, term.datatype.value, term.language)
    if isinstance(term, ox.Triple):
        return ("T", from_ox(term.subject), from_ox(term.predicate), from_ox(term.object))
    raise TypeError(f"unexpected term {term!r}")


_RESULT_FORMATS = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/tab-separated-values": "TSV",
}
_RDF_FORMATS = {
    "application/n-triples": "N_TRIPLES",
    "text/turtle": "TURTLE",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N_QUADS",
    "application/trig": "TRIG",
    "application/ld+json": "JSON_LD",
}
_EXTENSIONS = {
    ".srj": ("results", "JSON"),
    ".srx": ("results", "XML"),
    ".tsv": ("results", "TSV"),
    ".ttl": ("rdf", "TURTLE"),
    ".rdf": ("rdf", "RDF_XML"),
    ".nt": ("rdf", "N_TRIPLES"),
    ".nq": ("rdf", "N_QUADS"),
    ".trig": ("rdf", "TRIG"),
}


def parse_results(data: bytes | None, fmt: str, path: Path | None = None) -> Results:
    ox = _ox()
    kwargs = {"path": str(path)} if path is not None else {"input": data}
    parsed = ox.parse_query_results(format=getattr(ox.QueryResultsFormat, fmt), **kwargs)
    if isinstance(parsed, ox.QueryBoolean):
        return Results.of_boolean(bool(parsed))
    variables = [v.value for v in parsed.variables]
    rows = []
    for solution in parsed:
        row = {}
        for var in parsed.variables:
            value = solution[var]
            if value is not None:
                row[var.value] = from_ox(value)
        rows.append(row)
    return Results.of_rows(rows, variables)


def parse_rdf(data: bytes | None, fmt: str, base: str | None, path: Path | None = None) -> list[tuple]:
    ox = _ox()
    kwargs = {"path": str(path)} if path is not None else {"input": data}
    quads = ox.parse(format=getattr(ox.RdfFormat, fmt), base_iri=base, **kwargs)
    return [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in quads]


def results_from_graph(triples: list[tuple[Term, Term, Term]]) -> Results:
    """A result set written in the DAWG rs: vocabulary, or else the graph itself (CONSTRUCT/DESCRIBE)."""
    by_subject: dict[Term, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        by_subject[s][p[1]].append(o)
    sets = [s for s, props in by_subject.items() if iri(RS + "ResultSet") in props.get(RDF + "type", [])]
    if not sets:
        return Results.of_triples(triples)
    props = by_subject[sets[0]]
    if RS + "boolean" in props:
        return Results.of_boolean(props[RS + "boolean"][0][1] in ("true", "1"))
    variables = [v[1] for v in props.get(RS + "resultVariable", [])]
    rows: list[tuple[int, dict[str, Term]]] = []
    indexed = False
    for solution in props.get(RS + "solution", []):
        sp = by_subject.get(solution, {})
        row = {}
        for binding in sp.get(RS + "binding", []):
            bp = by_subject.get(binding, {})
            row[bp[RS + "variable"][0][1]] = bp[RS + "value"][0]
        index = sp.get(RS + "index")
        indexed = indexed or bool(index)
        rows.append((int(index[0][1]) if index else 0, row))
    if indexed:
        rows.sort(key=lambda item: item[0])
    return Results.of_rows([r for _, r in rows], variables or None, indexed)


def read_expected(path: Path, base: str) -> Results:
    kind, fmt = _EXTENSIONS[path.suffix]
    if kind == "results":
        return parse_results(None, fmt, path=path)
    return results_from_graph(parse_rdf(None, fmt, base, path=path))


def parse_response(content_type: str, body: bytes) -> Results:
    media = content_type.split(";")[0].strip().lower()
    if media in _RESULT_FORMATS:
        return parse_results(body, _RESULT_FORMATS[media])
    if media in _RDF_FORMATS:
        return Results.of_triples(parse_rdf(body, _RDF_FORMATS[media], None))
    raise ValueError(f"unexpected response type {media!r}")


# --------------------------------------------------------------------------------------------------
# Manifests
# --------------------------------------------------------------------------------------------------


def url_to_path(url: str) -> Path:
    for base, local in _LOCATIONS:
        if url.startswith(base):
            return local / url[len(base) :]
    raise ValueError(f"{url} is not inside a known suite")


def path_to_url(path: Path) -> str:
    path = path.resolve()
    for base, local in _LOCATIONS:
        if path.is_relative_to(local):
            return base + path.relative_to(local).as_posix()
    raise ValueError(f"{path} is not inside a known suite")


def _items(graph, node) -> list:
    from rdflib import RDF as R
    from rdflib.collection import Collection

    if node == R.nil or (node, R.first, None) in graph:
        return list(Collection(graph, node))
    return [node]


def manifest_entries(path: Path) -> list[tuple]:
    """(graph, test node, manifest URL) for each mf:entries item, following mf:include, in manifest order."""
    from rdflib import RDF as RDF_NS
    from rdflib import Graph, URIRef

    RDF_TYPE = RDF_NS.type
    url = path_to_url(path)
    graph = Graph()
    graph.parse(path, format="turtle", publicID=url)
    # The manifest is `<>`, or in a few SPARQL 1.0 files a blank node typed mf:Manifest.
    manifests = [URIRef(url)]
    manifests += [m for m in graph.subjects(RDF_TYPE, URIRef(MF + "Manifest")) if m != URIRef(url)]
    out: list[tuple] = []
    for manifest in manifests:
        for include in graph.objects(manifest, URIRef(MF + "include")):
            for item in _items(graph, include):
                out += manifest_entries(url_to_path(str(item)))
        for entries in graph.objects(manifest, URIRef(MF + "entries")):
            out += [(graph, item, url) for item in _items(graph, entries)]
    return out


def _value(graph, node, prop: str):
    from rdflib import URIRef

    return graph.value(node, URIRef(prop))


def _values(graph, node, prop: str) -> list:
    from rdflib import URIRef

    return list(graph.objects(node, URIRef(prop)))


@dataclass
class EvalTest:
    iri: str
    name: str
    query: str  # URL of the query file
    data: list[str]
    graph_data: list[tuple[str, str]]  # (graph name, file URL)
    result: str | None
    lax: bool
    skip: str | None


def eval_tests(manifest: Path, types: tuple[str, ...]) -> list[EvalTest]:
    from rdflib import BNode, URIRef

    tests = []
    for graph, node, _ in manifest_entries(manifest):
        kind = _value(graph, node, RDF + "type")
        if kind is None or str(kind) not in types:
            continue
        action = _value(graph, node, MF + "action")
        graph_data = []
        for g in _values(graph, action, QT + "graphData"):
            if isinstance(g, BNode):  # [ qt:graph <file> ; rdfs:label "name" ]
                graph_data.append((str(_value(graph, g, RDFS + "label")), str(_value(graph, g, QT + "graph"))))
            else:
                graph_data.append((str(g), str(g)))
        skip = SKIP.get(str(node))
        if _values(graph, action, SD + "entailmentRegime") or _values(graph, action, SD + "EntailmentProfile"):
            skip = "needs an entailment regime"
        elif _values(graph, action, QT + "serviceData"):
            skip = "needs mock SERVICE endpoints (qt:serviceData)"
        result = _value(graph, node, MF + "result")
        tests.append(
            EvalTest(
                iri=str(node),
                name=str(_value(graph, node, MF + "name") or node),
                query=str(_value(graph, action, QT + "query")),
                data=[str(d) for d in _values(graph, action, QT + "data")],
                graph_data=graph_data,
                result=str(result) if result is not None else None,
                lax=_value(graph, node, MF + "resultCardinality") == URIRef(MF + "LaxCardinality"),
                skip=skip,
            )
        )
    return tests


def syntax_tests(manifest: Path, positive: tuple[str, ...], negative: tuple[str, ...]) -> list[tuple[str, str, bool]]:
    """(test IRI, query file URL, should parse) for each query syntax test."""
    out = []
    for graph, node, _ in manifest_entries(manifest):
        kind = str(_value(graph, node, RDF + "type"))
        if kind in positive or kind in negative:
            out.append((str(node), str(_value(graph, node, MF + "action")), kind in positive))
    return out


# --------------------------------------------------------------------------------------------------
# The server under test, and publishing a fresh build per test
# --------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_command() -> list[str]:
    script = Path(sys.executable).parent / "proveniens"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from proveniens.cli import app; app()"]


class Server:
    """A `proveniens serve` subprocess over a temporary store root or a remote store; stopped on exit, even on
    Ctrl-C."""

    def __init__(self, store: str, token: str, log: Path, settings: dict[str, str] | None = None) -> None:
        self.store = store  # a store root, or a remote store's URL
        self.token = token
        self.log = log
        self.settings = settings or {}  # more PROVENIENS_* settings: a remote store's dialect and credentials
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        import httpx

        env = {k: v for k, v in os.environ.items() if not k.startswith("PROVENIENS_")}
        env.update(
            PROVENIENS_UNION_DEFAULT_GRAPH="false",
            PROVENIENS_QUERY_TIMEOUT="20",
            PROVENIENS_QUERY_WORKERS="2",
            PROVENIENS_UPDATE_TOKEN=self.token,
        )
        env.update(self.settings)
        cmd = [*_server_command(), "serve", "--store", self.store, "--host", "127.0.0.1", "--port", str(self.port)]
        with open(self.log, "wb") as log:
            # Its own session: a Ctrl-C in the terminal reaches only the runner, which then stops it.
            self.proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with status {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(self.base + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the server did not answer within {timeout:g} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)  # uvicorn shuts down and its lifespan stops the query workers
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()  # the workers then see their pipe close and exit
            self.proc.wait(timeout=10)


_DATA_FORMATS = {".ttl": "TURTLE", ".rdf": "RDF_XML", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".trig": "TRIG"}


class DataError(Exception):
    pass


def read_quads(files: Iterable[tuple[str | None, str]]) -> list:
    """The quads of a test's dataset: files as (graph name or None for the default graph, file URL), each parsed
    with base = its URL."""
    ox = _ox()
    quads = []
    for graph, url in files:
        path = url_to_path(url)
        target = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        try:
            parsed = ox.parse(
                path=str(path),
                format=getattr(ox.RdfFormat, _DATA_FORMATS[path.suffix]),
                base_iri=url,
                rename_blank_nodes=True,  # the same label in two files names two blank nodes
            )
            quads += [ox.Quad(q.subject, q.predicate, q.object, target) for q in parsed]
        except (SyntaxError, OSError, KeyError) as err:
            raise DataError(f"cannot load {path.name}: {err}") from err
    return quads


class Publisher:
    """Writes a test's dataset into a new build and switches `current` to it (skipped when unchanged)."""

    def __init__(self, root: Path) -> None:
        from proveniens.storage.store import StoreLayout

        self.layout = StoreLayout(root)
        self.current: tuple | None = None

    def publish(self, files: Iterable[tuple[str | None, str]], force: bool = False) -> None:
        """files: (graph name or None for the default graph, file URL); each file parsed with base = its URL."""
        files = tuple(files)
        if files == self.current and not force:
            return
        self.write(read_quads(files))
        self.current = None if force else files

    def write(self, quads: list) -> None:
        ox = _ox()
        with self.layout.lock():
            build = self.layout.new_build_dir()
            store = ox.Store(str(build))
            store.extend(quads)
            store.flush()
            del store
            self.layout.publish(build, keep=2)


# The product's remote build path publishes named graphs only, and the remote store's default graph is their union
# (proveniens/storage/remote.py, remote_virtuoso.py). A test's default graph goes into a graph of this name; outside
# `urn:x-proveniens:`, which Virtuoso's update path keeps out of a build.
DEFAULT_DATA_GRAPH = "urn:x-conformance:default-graph"


def remote_graphs(quads: list) -> list[tuple[str, list]]:
    """A dataset as the named graphs a remote build publishes, sorted by name: the default graph's quads in
    DEFAULT_DATA_GRAPH, each named graph under its own name."""
    ox = _ox()
    graphs: dict[str, list] = defaultdict(list)
    for quad in quads:
        name = DEFAULT_DATA_GRAPH if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs[name].append(quad)
    return sorted(graphs.items())


def dataset_fits_union(graph_data: Iterable[tuple[str, str]], query: str, base: str) -> bool:
    """Whether a test's dataset means the same when its default graph is the union of the named graphs, as on a
    remote store: the query names its own dataset (FROM / FROM NAMED), or the test has no named graphs and the
    query does not look at graphs (GRAPH would also see DEFAULT_DATA_GRAPH)."""
    if dataset_clauses(query, base):
        return True
    return not tuple(graph_data) and not has_keyword(query, "GRAPH")


class RemotePublisher(Publisher):
    """Publishes a test's dataset into a remote store the way `proveniens build` does: its graphs handed, as rdflib
    graphs, to the store's target (`remote_target`), which uploads them and switches readers to them."""

    def __init__(self, target, settle: float = 0.0) -> None:
        self.target = target
        self.settle = settle  # seconds until `proveniens serve` reads which build is current (Virtuoso's pointer)
        self.current = None

    def write(self, quads: list) -> None:
        from rdflib import Graph, URIRef

        from proveniens.shacl_sparql.run import to_rdflib

        graphs = []
        for name, members in remote_graphs(quads):
            graph = Graph()
            for q in members:  # as proveniens.build does with the build's graphs before publishing them
                graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
            graphs.append((URIRef(name), graph))
        self.target.publish(graphs)
        time.sleep(self.settle)


# --------------------------------------------------------------------------------------------------
# Running the suites
# --------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    iri: str
    status: str  # "pass" | "fail" | "skip"
    reason: str = ""
    note: str = ""  # for a pass: it passed only with numeric/boolean literals compared by value
    detail: str = ""  # shown with --verbose


@dataclass
class SuiteResult:
    key: str
    title: str
    outcomes: list[Outcome] = field(default_factory=list)
    info: bool = False  # reported, but not a goal
    extra: str = ""

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)


def _one_line(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_ACCEPT = {
    ".srx": "application/sparql-results+xml",
    ".srj": "application/sparql-results+json",
    ".tsv": "text/tab-separated-values",
}


def _query_text(url: str) -> str:
    """The test's query, with `BASE <its URL>` in front where the base counts and the query has no BASE of its own.

    Only there: the service puts `BASE <endpoint>` in front of what it sends a remote store, and Virtuoso 7.2 refuses
    a second BASE (`SP030 syntax error at 'BASE'`), so a BASE the base does not need would fail tests for nothing."""
    text = url_to_path(url).read_text(encoding="utf-8-sig")
    return text if has_keyword(text, "BASE") or not needs_base(text) else f"BASE <{url}>\n{text}"


def _error_text(response) -> str:
    return f"HTTP {response.status_code}: {_one_line(response.text, 160)}"


def run_eval_test(test: EvalTest, client, publisher: Publisher) -> Outcome:
    if test.skip:
        return Outcome(test.iri, "skip", test.skip)
    if test.result is None:
        return Outcome(test.iri, "fail", "the manifest gives no mf:result")
    try:
        query = _query_text(test.query)
    except OSError as err:
        return Outcome(test.iri, "fail", f"cannot read the query: {err}")
    files: list[tuple[str | None, str]] = [(None, url) for url in test.data]
    files += list(test.graph_data)
    loaded = {name for name, _ in test.graph_data}
    for _, graph in dataset_clauses(query, test.query):  # FROM / FROM NAMED: the server does not fetch them
        try:
            local = url_to_path(graph)
        except ValueError:
            continue
        if graph not in loaded and local.is_file():
            files.append((graph, graph))
            loaded.add(graph)
    try:
        publisher.publish(files)
    except DataError as err:
        return Outcome(test.iri, "fail", f"test data: {err}")
    result_path = url_to_path(test.result)
    accept = _ACCEPT.get(result_path.suffix, "application/sparql-results+json")
    response = client.post(
        "/sparql",
        content=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": f"{accept}, application/n-triples;q=0.9"},
    )
    if response.status_code != 200:
        return Outcome(test.iri, "fail", _error_text(response))
    try:
        actual = parse_response(response.headers.get("content-type", ""), response.content)
    except (SyntaxError, ValueError) as err:
        return Outcome(test.iri, "fail", f"unreadable response: {_one_line(str(err))}")
    try:
        expected = read_expected(result_path, test.result)
    except (SyntaxError, ValueError, KeyError) as err:
        return Outcome(test.iri, "fail", f"unreadable expected result {result_path.name}: {_one_line(str(err))}")
    clause = top_level_order_by(query)
    options = {
        "ordered": clause is not None,
        "order_keys": order_key_variables(clause) if clause else None,
        "lax": test.lax or has_keyword(query, "REDUCED"),
    }
    reason = compare_results(expected, actual, **options)
    if reason and isinstance(publisher, RemotePublisher) and not dataset_fits_union(test.graph_data, query, test.query):
        reason += " (here the default graph is the union of the named graphs: remote_graphs)"
    if reason:
        return Outcome(test.iri, "fail", _one_line(reason))
    strict = compare_results(expected, actual, by_value=False, **options)
    return Outcome(test.iri, "pass", note=_one_line(strict) if strict else "")


def run_syntax_test(iri_: str, url: str, positive: bool, client) -> Outcome:
    query = _query_text(url)
    response = client.post(
        "/sparql",
        content=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json, */*;q=0.1"},
    )
    ok = 200 <= response.status_code < 300 if positive else 400 <= response.status_code < 500
    if ok:
        return Outcome(iri_, "pass")
    want = "2xx (query is valid)" if positive else "4xx (query is invalid)"
    return Outcome(iri_, "fail", f"expected {want}, got {_error_text(response)}")


def _csv_rows(text: str) -> tuple[list[str], list[Row]]:
    records = list(csv.reader(io.StringIO(text)))
    header = records[0] if records else []
    rows = []
    for record in records[1:]:
        cells = dict(zip(header, record, strict=False))
        rows.append(
            tuple(sorted((var, ("B", v[2:]) if v.startswith("_:") else ("S", v)) for var, v in cells.items() if v))
        )
    return header, rows


def run_csv_test(test: EvalTest, client, publisher: Publisher) -> Outcome:
    """mf:CSVResultFormatTest: CSV is lossy, so compare the cells as text (blank-node labels mapped)."""
    try:
        publisher.publish([(None, url) for url in test.data] + list(test.graph_data))
    except DataError as err:
        return Outcome(test.iri, "fail", f"test data: {err}")
    response = client.post(
        "/sparql",
        content=_query_text(test.query).encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    if response.status_code != 200:
        return Outcome(test.iri, "fail", _error_text(response))
    e_head, e_rows = _csv_rows(url_to_path(test.result or "").read_text(encoding="utf-8"))
    a_head, a_rows = _csv_rows(response.text)
    if set(e_head) != set(a_head):
        return Outcome(test.iri, "fail", f"CSV header differs: expected {e_head}, got {a_head}")
    reason, _ = compare_bags(e_rows, a_rows, "CSV rows")
    return Outcome(test.iri, "fail", _one_line(reason)) if reason else Outcome(test.iri, "pass")


def _progress(verbose: bool, outcome: Outcome) -> None:
    if verbose:
        line = f"  {outcome.status.upper():4} {outcome.iri}"
        if outcome.reason:
            line += f"  — {outcome.reason}"
        if outcome.note:
            line += f"  (passes by value only: {outcome.note})"
        if outcome.detail:
            line += f"  [{outcome.detail}]"
        print(line, flush=True)


def _guarded(iri_: str, run: Callable[..., Outcome], *args: object) -> Outcome:
    """Run one test; an exception in the runner or the client fails that test, not the run."""
    try:
        return run(*args)
    except Exception as err:
        return Outcome(iri_, "fail", f"runner error: {type(err).__name__}: {_one_line(str(err), 160)}")


def _selected(iri_: str, only: str | None) -> bool:
    return only is None or only in iri_


def run_query_suite(client, publisher: Publisher, verbose: bool, only: str | None) -> list[SuiteResult]:
    manifests = [
        SUITES / "sparql11" / "manifest-sparql11-query.ttl",
        SUITES / "sparql11" / "manifest-sparql11-results.ttl",
    ]
    evaluation = SuiteResult("query", "SPARQL 1.1 query evaluation")
    csv_suite = SuiteResult("query-csv", "SPARQL 1.1 CSV result format", info=True)
    syntax = SuiteResult("query-syntax", "SPARQL 1.1 query syntax", info=True)
    for manifest in manifests:
        for test in eval_tests(manifest, (MF + "QueryEvaluationTest",)):
            if _selected(test.iri, only):
                evaluation.outcomes.append(outcome := _guarded(test.iri, run_eval_test, test, client, publisher))
                _progress(verbose, outcome)
        for test in eval_tests(manifest, (MF + "CSVResultFormatTest",)):
            if _selected(test.iri, only):
                csv_suite.outcomes.append(outcome := _guarded(test.iri, run_csv_test, test, client, publisher))
                _progress(verbose, outcome)
    publisher.publish([])
    for manifest in manifests:
        for iri_, url, positive in syntax_tests(
            manifest, (MF + "PositiveSyntaxTest11",), (MF + "NegativeSyntaxTest11",)
        ):
            if _selected(iri_, only):
                syntax.outcomes.append(outcome := _guarded(iri_, run_syntax_test, iri_, url, positive, client))
                _progress(verbose, outcome)
    by_value = sum(bool(o.note) for o in evaluation.outcomes)
    if by_value:
        evaluation.extra = f"{by_value} of the passes hold only with numeric/boolean literals compared by value"
    return [evaluation, csv_suite, syntax]


def run_sparql10_suite(client, publisher: Publisher, verbose: bool, only: str | None) -> list[SuiteResult]:
    evaluation = SuiteResult("sparql10", "SPARQL 1.0 evaluation", info=True)
    syntax = SuiteResult("sparql10-syntax", "SPARQL 1.0 syntax", info=True)
    for test in eval_tests(SUITES / "sparql10" / "manifest-evaluation.ttl", (MF + "QueryEvaluationTest",)):
        if _selected(test.iri, only):
            evaluation.outcomes.append(outcome := _guarded(test.iri, run_eval_test, test, client, publisher))
            _progress(verbose, outcome)
    publisher.publish([])
    tests = syntax_tests(
        SUITES / "sparql10" / "manifest-syntax.ttl",
        (MF + "PositiveSyntaxTest", MF + "PositiveSyntaxTest11"),
        (MF + "NegativeSyntaxTest", MF + "NegativeSyntaxTest11"),
    )
    for iri_, url, positive in tests:
        if _selected(iri_, only):
            syntax.outcomes.append(outcome := _guarded(iri_, run_syntax_test, iri_, url, positive, client))
            _progress(verbose, outcome)
    by_value = sum(bool(o.note) for o in evaluation.outcomes)
    if by_value:
        evaluation.extra = f"{by_value} of the passes hold only with numeric/boolean literals compared by value"
    return [evaluation, syntax]


# -- protocol ----------------------------------------------------------------------------------------

_STATUS_CLASS = re.compile(r"StatusCode(\d)xx$")
_BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
_TABULAR_TYPES = _BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"}
_RDF_TYPES = {"application/rdf+xml", "text/turtle", "application/n-triples", "application/xhtml+xml", "text/html"}


@dataclass
class ProtocolRequest:
    method: str
    path: str  # as in the manifest: /sparql/?…
    headers: dict[str, str]
    body: bytes | None
    body_text: str | None
    statuses: set[int]  # acceptable status classes (2 for 2xx …)
    expected_format: str | None
    expected_boolean: bool | None


@dataclass
class ProtocolTest:
    iri: str
    graph_data: list[tuple[str, str]]  # (graph name, file URL)
    requests: list[ProtocolRequest]


def protocol_tests(manifest: Path) -> list[ProtocolTest]:
    tests = []
    for graph, node, _ in manifest_entries(manifest):
        if str(_value(graph, node, RDF + "type")) != MF + "ProtocolTest":
            continue
        graph_data = [
            (str(_value(graph, g, RDFS + "label")), str(_value(graph, g, UT + "graph")))
            for g in _values(graph, node, UT + "graphData")
        ]
        action = _value(graph, node, MF + "action")
        requests = []
        for lst in _values(graph, action, HT + "requests"):
            for req in _items(graph, lst):
                headers = {}
                for hl in _values(graph, req, HT + "headers"):
                    for h in _items(graph, hl):
                        headers[str(_value(graph, h, HT + "fieldName"))] = str(_value(graph, h, HT + "fieldValue"))
                body = _value(graph, req, HT + "body")
                text = encoded = None
                if body is not None:
                    text = str(_value(graph, body, CNT + "chars"))
                    encoding = str(_value(graph, body, CNT + "characterEncoding") or "UTF-8")
                    encoded = text.encode(encoding)
                resp = _value(graph, req, HT + "resp")
                statuses = set()
                for s in _values(graph, resp, MF + "expectedStatus"):
                    if m := _STATUS_CLASS.search(str(s)):
                        statuses.add(int(m.group(1)))
                fmt = _value(graph, resp, MF + "expectedFormat")
                boolean = _value(graph, resp, MF + "expectedBoolean")
                requests.append(
                    ProtocolRequest(
                        method=str(_value(graph, req, HT + "methodName")),
                        path=str(_value(graph, req, HT + "absolutePath")),
                        headers=headers,
                        body=encoded,
                        body_text=text,
                        statuses=statuses,
                        expected_format=str(fmt) if fmt is not None else None,
                        expected_boolean=bool(boolean.toPython()) if boolean is not None else None,
                    )
                )
        tests.append(ProtocolTest(str(node), graph_data, requests))
    return tests


def is_update_request(request: ProtocolRequest) -> bool:
    """An update operation goes to /update: `update=` in the URL or form body, a sparql-update body, or
    (whatever the declared type) a body that is an update rather than a query."""
    _, _, query_string = request.path.partition("?")
    if "update" in parse_qs(query_string, keep_blank_values=True):
        return True
    media = next((v for k, v in request.headers.items() if k.lower() == "content-type"), "")
    media = media.split(";")[0].strip().lower()
    if media == "application/sparql-update":
        return True
    text = request.body_text
    if text is None or media == "application/sparql-query":
        return False
    if media in ("", "application/x-www-form-urlencoded") and "=" in text:
        return "update" in parse_qs(text, keep_blank_values=True)
    return looks_like_update(text)


def run_protocol_test(test: ProtocolTest, client, publisher: Publisher, token: str) -> Outcome:
    try:
        publisher.publish([(name, url) for name, url in test.graph_data], force=True)
    except DataError as err:
        return Outcome(test.iri, "fail", f"test data: {err}")
    seen: list[str] = []
    for number, request in enumerate(test.requests, 1):
        path, _, query_string = request.path.partition("?")
        if not path.startswith("/sparql"):
            return Outcome(test.iri, "fail", f"unexpected request path {request.path}")
        update = is_update_request(request)
        target = "/update" if update else "/sparql"
        headers = dict(request.headers)
        if update:
            headers["Authorization"] = f"Bearer {token}"
        url = client.base_url.join(target + ("?" + query_string if query_string else ""))
        where = f"request {number} ({request.method} {target})"
        seen.append(f"{request.method} {target} -> {{}}")
        try:
            response = client.request(request.method, url, content=request.body, headers=headers)
        except Exception as err:  # a hang or a reset is a failure of this test, not of the run
            return Outcome(test.iri, "fail", f"{where}: {type(err).__name__}: {err}")
        status = response.status_code
        seen[-1] = seen[-1].format(status)
        if status == 404:
            return Outcome(test.iri, "fail", f"{where}: 404, no such route (is the {target} endpoint enabled?)")
        if status // 100 not in request.statuses:
            want = "/".join(f"{c}xx" for c in sorted(request.statuses))
            return Outcome(test.iri, "fail", f"{where}: expected {want}, got {_error_text(response)}")
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.expected_format is not None:
            allowed = {"boolean": _BOOLEAN_TYPES, "tabular": _TABULAR_TYPES, "RDF": _RDF_TYPES}.get(
                request.expected_format, set()
            )
            if media not in allowed:
                return Outcome(test.iri, "fail", f"{where}: {request.expected_format} result sent as {media!r}")
        if request.expected_boolean is not None:
            try:
                result = parse_response(media, response.content)
            except (SyntaxError, ValueError) as err:
                return Outcome(test.iri, "fail", f"{where}: unreadable result: {_one_line(str(err))}")
            if result.kind != "boolean" or result.boolean != request.expected_boolean:
                got = result.boolean if result.kind == "boolean" else f"a {result.kind} result"
                return Outcome(test.iri, "fail", f"{where}: expected {request.expected_boolean}, got {got}")
    return Outcome(test.iri, "pass", detail="; ".join(seen))


def run_protocol_suite(client, publisher: Publisher, token: str, verbose: bool, only: str | None) -> list[SuiteResult]:
    import httpx

    suite = SuiteResult("protocol", "SPARQL 1.1 protocol")
    # The manifest's requests carry only the headers they list: no default Accept.
    raw = httpx.Client(base_url=client.base_url, timeout=client.timeout)
    raw.headers.pop("accept", None)
    try:
        for test in protocol_tests(SUITES / "sparql11" / "protocol" / "manifest.ttl"):
            if _selected(test.iri, only):
                suite.outcomes.append(outcome := _guarded(test.iri, run_protocol_test, test, raw, publisher, token))
                _progress(verbose, outcome)
    finally:
        raw.close()
        publisher.current = None
    return [suite]


# -- SHACL -------------------------------------------------------------------------------------------

_REPORT_PREDICATES = {
    SH + name
    for name in (
        "focusNode",
        "resultPath",
        "resultSeverity",
        "sourceConstraint",
        "sourceConstraintComponent",
        "sourceShape",
        "value",
    )
}


def _closure(graph, node, out, seen=None) -> None:
    """Copy the blank-node structure below `node` (a path, an RDF list) into `out`."""
    from rdflib import BNode

    seen = set() if seen is None else seen
    if not isinstance(node, BNode) or node in seen:
        return
    seen.add(node)
    for p, o in graph.predicate_objects(node):
        out.add((node, p, o))
        _closure(graph, o, out, seen)


def expected_report(graph, result_node):
    """The expected report: the mf:result node, its sh:result nodes and their path structures."""
    from rdflib import Graph, URIRef

    out = Graph()
    for p, o in graph.predicate_objects(result_node):
        out.add((result_node, p, o))
    for r in graph.objects(result_node, URIRef(SH + "result")):
        for p, o in graph.predicate_objects(r):
            out.add((r, p, o))
            if str(p) == SH + "resultPath":
                _closure(graph, o, out)
    return out


def _clone_path(report, path, out, result) -> None:
    """Copy a blank-node sh:resultPath structure with fresh blank nodes, so shared paths are not shared."""
    from rdflib import BNode, Graph, URIRef

    clone: dict = {}

    def fresh(n):
        return clone.setdefault(n, BNode()) if isinstance(n, BNode) else n

    copy = Graph()
    _closure(report, path, copy)
    for s, p, o in copy:
        out.add((fresh(s), p, fresh(o)))
    out.add((result, URIRef(SH + "resultPath"), fresh(path)))


def normalised_report(report, expected):
    """The actual report normalised as the data-shapes test suite prescribes (suites/README.md, section 7)."""
    from rdflib import RDF as R
    from rdflib import BNode, Graph, Literal, URIRef

    sh = lambda name: URIRef(SH + name)  # noqa: E731
    messages = set(expected.objects(None, sh("resultMessage")))
    out = Graph()
    for report_node in report.subjects(R.type, sh("ValidationReport")):
        new_report = BNode()
        out.add((new_report, R.type, sh("ValidationReport")))
        for conforms in report.objects(report_node, sh("conforms")):
            out.add((new_report, sh("conforms"), Literal(bool(conforms.toPython()))))
        for result in report.objects(report_node, sh("result")):
            new_result = BNode()
            out.add((new_report, sh("result"), new_result))
            out.add((new_result, R.type, sh("ValidationResult")))
            for p, o in report.predicate_objects(result):
                if str(p) == SH + "resultMessage":
                    if o in messages:
                        out.add((new_result, p, o))
                elif str(p) == SH + "resultPath" and isinstance(o, BNode):
                    _clone_path(report, o, out, new_result)
                elif str(p) in _REPORT_PREDICATES:
                    out.add((new_result, p, o))
    return out


def pyshacl_validate(data, shapes, data_url: str):
    """(conforms, report graph) from pySHACL, the reference validator."""
    from pyshacl import validate

    conforms, report, _ = validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=False, advanced=False, abort_on_first=False
    )
    return conforms, report


def _stored_literals(data) -> dict:
    """Each literal of the data as the store gives it back, mapped to the data's own spelling.

    Oxigraph keeps integer-derived datatypes as xsd:integer; the report must name the value as written.
    """
    import pyoxigraph as ox
    from rdflib import Literal

    from proveniens.shacl_sparql.run import to_oxigraph, to_rdflib

    back = {}
    node = ox.NamedNode("urn:x")
    for literal in {o for o in data.objects() if isinstance(o, Literal)}:
        store = ox.Store()
        store.add(ox.Quad(node, node, to_oxigraph(literal)))
        back[to_rdflib(next(iter(store)).object)] = literal
    return back


def _path_copy(shapes, path, out):
    """Copy a SHACL path into the report with fresh blank nodes, a new one wherever the shapes reuse one.

    Only what makes the path: a node that is both a list and an inverse path is read as the list.
    """
    from rdflib import BNode, URIRef
    from rdflib.namespace import RDF as R

    if not isinstance(path, BNode):
        return path
    node = BNode()
    if shapes.value(path, R.first) is not None:
        out.add((node, R.first, _path_copy(shapes, shapes.value(path, R.first), out)))
        out.add((node, R.rest, _path_copy(shapes, shapes.value(path, R.rest), out)))
        return node
    for name in ("inversePath", "alternativePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath"):
        inner = shapes.value(path, URIRef(SH + name))
        if inner is not None:
            out.add((node, URIRef(SH + name), _path_copy(shapes, inner, out)))
            break
    return node


def production_validate(data, shapes, data_url: str):
    """(conforms, report graph) from the build's path: shapes compiled to SPARQL, run on pyoxigraph.

    The data file is parsed by Oxigraph itself, as a build's store would be: rdflib would rewrite
    ill-formed literals ("none"^^xsd:boolean becomes "false") before the validator saw them. The
    rdflib graph is passed as the source, as a build does, for the integer datatypes Oxigraph
    keeps as xsd:integer ("55"^^xsd:byte).
    """
    import pyoxigraph as ox
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.namespace import RDF as R

    from proveniens.shacl_sparql.compile import compile_shapes
    from proveniens.shacl_sparql.run import run_checks

    sh = lambda name: URIRef(SH + name)  # noqa: E731
    store = ox.Store()
    store.load(path=url_to_path(data_url), format=ox.RdfFormat.TURTLE, base_iri=data_url)
    spelled = _stored_literals(data)
    found = {  # per check: two sh:class constraints on one shape give two results
        (
            id(r.check),
            r.detail,
            spelled.get(r.focus, r.focus),
            r.path,
            spelled.get(r.value, r.value),
            r.check.shape,
            r.check.component,
            r.check.severity,
        )
        for r in run_checks(store, compile_shapes(shapes), source=data)
    }
    report = Graph()
    top = BNode()
    report.add((top, R.type, sh("ValidationReport")))
    report.add((top, sh("conforms"), Literal(not found)))
    for _, _, focus, path, value, shape, component, severity in found:
        result = BNode()
        report.add((top, sh("result"), result))
        for p, o in (
            ("focusNode", focus),
            ("resultPath", _path_copy(shapes, path, report) if path is not None else None),
            ("value", value),
            ("sourceShape", shape),
            ("sourceConstraintComponent", component),
            ("resultSeverity", severity),
        ):
            if o is not None:
                report.add((result, sh(p), o))
        for message in shapes.objects(shape, sh("message")):
            report.add((result, sh("resultMessage"), message))
    return not found, report


def run_shacl_test(graph, node, file_url: str, validator=pyshacl_validate) -> tuple[Outcome, bool]:
    """(outcome for full compliance, partial compliance)."""
    from rdflib import Graph, URIRef
    from rdflib.compare import isomorphic

    action = _value(graph, node, MF + "action")
    result = _value(graph, node, MF + "result")

    def load(url: str):
        if url == file_url:
            return graph
        g = Graph()
        g.parse(url_to_path(url), format="turtle", publicID=url)
        return g

    data_url = str(_value(graph, action, SHT + "dataGraph"))
    data = load(data_url)
    shapes = load(str(_value(graph, action, SHT + "shapesGraph")))
    expect_failure = result == URIRef(SHT + "Failure")
    try:
        conforms, report = validator(data, shapes, data_url)
    except Exception as err:  # a validator failure is the expected outcome of sht:Failure tests
        if expect_failure:
            return Outcome(str(node), "pass"), True
        return Outcome(str(node), "fail", f"validator raised {type(err).__name__}: {_one_line(str(err), 160)}"), False
    if expect_failure:
        return Outcome(str(node), "fail", "expected the validator to fail, it produced a report"), False
    want = bool(_value(graph, result, SH + "conforms").toPython())
    if conforms != want:
        return Outcome(str(node), "fail", f"sh:conforms expected {want}, got {conforms}"), False
    expected = expected_report(graph, result)
    actual = normalised_report(report, expected)
    if isomorphic(expected, actual):
        return Outcome(str(node), "pass"), True
    n_exp = len(list(expected.objects(None, URIRef(SH + "result"))))
    n_act = len(list(actual.objects(None, URIRef(SH + "result"))))
    return Outcome(
        str(node), "fail", f"conforms matches, but the report differs ({n_exp} results expected, {n_act} got)"
    ), True


def run_shacl_suite(verbose: bool, only: str | None) -> list[SuiteResult]:
    """The SHACL core suite twice: on pySHACL (the reference) and on the build's compiled SPARQL path."""
    # The test data holds ill-typed literals on purpose; rdflib and pySHACL log every one of them.
    for name in ("rdflib", "pyshacl"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    logging.getLogger("pyshacl-validate").disabled = True  # validate() resets its level and handlers each call
    warnings.filterwarnings("ignore", module="rdflib")
    suites = []
    for key, title, validator in (
        ("shacl", "SHACL core (pySHACL, no inference)", pyshacl_validate),
        ("shacl-sparql", "SHACL core (build: SPARQL on pyoxigraph)", production_validate),
    ):
        suite = SuiteResult(key, title)
        partial = 0
        for graph, node, file_url in manifest_entries(SUITES / "shacl-core" / "manifest.ttl"):
            if str(_value(graph, node, RDF + "type")) != SHT + "Validate" or not _selected(str(node), only):
                continue
            outcome, ok = run_shacl_test(graph, node, file_url, validator)
            partial += ok
            suite.outcomes.append(outcome)
            _progress(verbose, outcome)
        suite.extra = f"partial compliance (sh:conforms only): {partial}/{len(suite.outcomes)}; pass = full compliance"
        suites.append(suite)
    return suites


# --------------------------------------------------------------------------------------------------
# Report and entry point
# --------------------------------------------------------------------------------------------------


def report(results: list[SuiteResult], seconds: float, backend: str = "embedded", expected: dict | None = None) -> bool:
    """Print the summary table and every failure; True when every goal of the suites run is met.

    Through a remote store (`expected` given) the query and protocol suites meet their goal when every test ran and
    exactly the tests in `expected` failed."""
    met = True
    checks: dict[str, DeviationCheck] = {}
    print()
    if backend != "embedded":
        print(f"Store behind proveniens serve: {backend} (SPARQL suites); the SHACL suites run embedded only")
    print(f"{'suite':40} {'pass':>5} {'fail':>5} {'skip':>5} {'total':>6}   {'baseline':34} goal")
    for suite in results:
        total = len(suite.outcomes)
        base = BASELINES.get(suite.key)
        base_text = f"{base[0]}/{base[1]} ({base[2]})" if base else "-"
        goal = GOALS.get(suite.key)
        if expected is not None and suite.key in CHECKED_SUITES and not suite.info:
            checks[suite.key] = check = check_deviations(suite.outcomes, expected)
            ok = check.ok and total >= GOALS[suite.key][1]
            met &= ok
            goal_text = "failures as listed" if ok else "NOT as listed"
        elif goal and not suite.info:
            ok = suite.count("pass") >= goal[0] and total >= goal[1]  # and no test went missing
            met &= ok
            goal_text = f">= {goal[0]}/{goal[1]}  {'met' if ok else 'NOT MET'}"
        else:
            goal_text = "(info)"
        print(
            f"{suite.title:40} {suite.count('pass'):5} {suite.count('fail'):5} {suite.count('skip'):5} "
            f"{total:6}   {base_text:34} {goal_text}"
        )
        if suite.extra:
            print(f"{'':42}{suite.extra}")
    for suite in results:
        failures = [o for o in suite.outcomes if o.status == "fail"]
        if failures:
            print(f"\n{suite.title}: {len(failures)} failure(s)")
            for o in failures:
                print(f"  FAIL {o.iri}\n       {o.reason}{_failure_mark(o.iri, suite.key in checks, expected)}")
        skipped = [o for o in suite.outcomes if o.status == "skip"]
        if skipped:
            print(f"\n{suite.title}: {len(skipped)} skipped")
            for o in skipped:
                print(f"  SKIP {o.iri}  ({o.reason})")
    for key, check in checks.items():
        for iri_ in check.passing:
            print(f"\n{key}: listed in {DEVIATIONS.name} for {backend} but passed: {iri_}")
    print(f"\nTotal time {seconds:.1f} s. Goals {'met' if met else 'NOT met'}.")
    return met


def _failure_mark(iri_: str, checked: bool, expected: dict | None) -> str:
    """After a failure: its listed cause through a remote store, else the engine's or validator's known failure."""
    if checked and expected is not None:
        return f"  [expected, {expected[iri_]}]" if iri_ in expected else f"  [NOT LISTED in {DEVIATIONS.name}]"
    known = KNOWN_FAILURES.get(iri_)
    return f"  [known, {known}]" if known else ""


@contextmanager
def running_server(verbose: bool, backend: str = "embedded") -> Iterator[tuple[object, Publisher, str]]:
    """`proveniens serve` over a new embedded store, or over a new remote store of kind `backend` started for the
    run (tests/servers.py); yields an HTTP client for it, the publisher of each test's data, and the update token."""
    import httpx

    with tempfile.TemporaryDirectory(prefix="proveniens-conformance-") as tmp, ExitStack() as stack:
        token = secrets.token_urlsafe(24)
        if backend == "embedded":
            root = Path(tmp) / "store"
            publisher = Publisher(root)
            store, settings = str(root), {}
        else:
            remote = stack.enter_context(_servers().remote_process(Path(tmp) / backend, backend))
            publisher = RemotePublisher(remote.target(), settle=_settle(backend))
            store = remote.base
            settings = {f"PROVENIENS_{k.upper()}": v for k, v in remote.options().items()}
        publisher.publish([])  # the server needs a build to start
        server = Server(store, token, Path(tmp) / "server.log", settings)
        try:
            server.start()
            if verbose:
                print(f"server up at {server.base} (store {store})", flush=True)
            with httpx.Client(base_url=server.base, timeout=60) as client:
                yield client, publisher, token
        finally:
            server.stop()


def _servers():
    """tests/servers.py, which tests/conftest.py starts its remote stores with (run as a script, the runner does
    not have the repository root on its path)."""
    if str(HERE.parents[1]) not in sys.path:
        sys.path.append(str(HERE.parents[1]))
    from tests import servers

    return servers


def _settle(backend: str) -> float:
    """Seconds after a publish until the service reads which build is current: on Virtuoso it reads the pointer at
    most every POINTER_SECONDS (service/sparql/backend/virtuoso.py); Oxigraph server switches in the update."""
    if backend != "virtuoso":
        return 0.0
    from proveniens.service.sparql.backend.virtuoso import POINTER_SECONDS

    return POINTER_SECONDS + 0.2


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--suite",
        choices=["query", "protocol", "sparql11", "shacl", "sparql10", "all"],
        default="all",
        help="sparql11: query and protocol",
    )
    parser.add_argument("--verbose", action="store_true", help="print every test as it runs")
    parser.add_argument("--only", metavar="TEXT", help="run only tests whose IRI contains TEXT")
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default="embedded",
        help="the store behind proveniens serve: embedded, or a remote store started for the run; the SHACL suites "
        "do not use it and run embedded",
    )
    args = parser.parse_args(argv)
    expected = None if args.backend == "embedded" else expected_failures(args.backend, DEVIATIONS.read_text())
    wanted = {
        "all": {"query", "protocol", "shacl", "sparql10"},
        "sparql11": {"query", "protocol"},
    }.get(args.suite, {args.suite})
    started = time.monotonic()
    # A SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C, so the server is stopped and the store removed.
    signal.signal(signal.SIGTERM, _interrupt)
    results: list[SuiteResult] = []
    runners: list[tuple[str, Callable]] = [
        ("query", lambda c, p, t: run_query_suite(c, p, args.verbose, args.only)),
        ("protocol", lambda c, p, t: run_protocol_suite(c, p, t, args.verbose, args.only)),
        ("sparql10", lambda c, p, t: run_sparql10_suite(c, p, args.verbose, args.only)),
    ]
    try:
        if wanted & {"query", "protocol", "sparql10"}:
            with running_server(args.verbose, args.backend) as (client, publisher, token):
                for key, run in runners:
                    if key in wanted:
                        t0 = time.monotonic()
                        results += run(client, publisher, token)
                        if args.verbose:
                            print(f"{key}: {time.monotonic() - t0:.1f} s", flush=True)
        if "shacl" in wanted:
            if args.backend != "embedded":
                print("SHACL suites: embedded only (the validator does not use the store backend)", flush=True)
            results += run_shacl_suite(args.verbose, args.only)
    except KeyboardInterrupt:
        print("\ninterrupted; the server was stopped", file=sys.stderr)
        return 130
    except (RuntimeError, StoreError) as err:
        print(f"setup failed: {err}", file=sys.stderr)
        return 2
    if args.only:  # a partial run cannot meet the goals; report counts only
        for suite in results:
            suite.info = True
    return 0 if report(results, time.monotonic() - started, args.backend, expected) else 1


if __name__ == "__main__":
    sys.exit(main())

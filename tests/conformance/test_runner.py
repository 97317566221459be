"""Smoke tests of the conformance runner's comparison logic: small cases, no server, no suites."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("conformance_runner", Path(__file__).with_name("runner.py"))
assert _SPEC is not None and _SPEC.loader is not None
runner = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = runner  # dataclasses look their module up here
_SPEC.loader.exec_module(runner)

R, N, B, L = runner.Results, runner.iri, runner.bnode, runner.literal
XSD = runner.XSD
EX = "http://example.org/"


def rows(*solutions: dict) -> runner.Results:
    return R.of_rows(list(solutions))


def same(expected: runner.Results, actual: runner.Results, **options: object) -> bool:
    return runner.compare_results(expected, actual, **options) is None


# -- bags and blank nodes -----------------------------------------------------------------------------


def test_bag_ignores_order_but_counts_duplicates() -> None:
    a, b = {"x": N(EX + "a")}, {"x": N(EX + "b")}
    assert same(rows(a, b), rows(b, a))
    assert not same(rows(a, a, b), rows(a, b, b))
    assert not same(rows(a, a), rows(a))


def test_blank_nodes_match_under_a_relabelling() -> None:
    expected = rows({"s": B("a"), "o": B("a")}, {"s": B("b"), "o": L("1", XSD + "integer")})
    actual = rows({"s": B("n2"), "o": L("1", XSD + "integer")}, {"s": B("n1"), "o": B("n1")})
    assert same(expected, actual)


def test_blank_node_mapping_is_one_for_the_whole_result() -> None:
    # The same label in two rows must map to one label in the other result, and back (bijective).
    shared = rows({"x": B("a"), "y": L("1")}, {"x": B("a"), "y": L("2")})
    distinct = rows({"x": B("p"), "y": L("1")}, {"x": B("q"), "y": L("2")})
    assert not same(shared, distinct)
    assert not same(distinct, shared)
    assert same(shared, rows({"x": B("z"), "y": L("2")}, {"x": B("z"), "y": L("1")}))


def test_blank_node_needs_backtracking() -> None:
    # Matching row 1 of the expected result greedily to the first candidate is wrong here.
    expected = rows({"a": B("1"), "b": B("2")}, {"a": B("2"), "b": B("3")}, {"a": B("3"), "b": B("1")})
    actual = rows({"a": B("y"), "b": B("z")}, {"a": B("x"), "b": B("y")}, {"a": B("z"), "b": B("x")})
    assert same(expected, actual)
    broken = rows({"a": B("y"), "b": B("z")}, {"a": B("x"), "b": B("y")}, {"a": B("z"), "b": B("w")})
    assert not same(expected, broken)


def test_graphs_are_compared_by_isomorphism() -> None:
    p = N(EX + "p")
    expected = R.of_triples([(B("a"), p, B("b")), (B("b"), p, L("x"))])
    assert same(expected, R.of_triples([(B("m"), p, L("x")), (B("n"), p, B("m"))]))
    assert not same(expected, R.of_triples([(B("m"), p, B("n")), (B("o"), p, L("x"))]))


# -- literals -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        (L("1.0", XSD + "decimal"), L("1", XSD + "decimal")),
        (L("01", XSD + "integer"), L("1", XSD + "integer")),
        (L("1.0E0", XSD + "double"), L("1", XSD + "double")),
        (L("NaN", XSD + "double"), L("NaN", XSD + "double")),
        (L("0.1", XSD + "float"), L("0.100000001", XSD + "float")),
        (L("0", XSD + "boolean"), L("false", XSD + "boolean")),
        (L("chat", lang="FR"), L("chat", lang="fr")),
        (L("plain"), L("plain", XSD + "string")),
    ],
)
def test_literals_equal_by_value(expected: tuple, actual: tuple) -> None:
    assert same(rows({"v": expected}), rows({"v": actual}))


def test_by_value_only_within_the_datatype() -> None:
    assert not same(rows({"v": L("1", XSD + "integer")}), rows({"v": L("1.0", XSD + "decimal")}))
    assert not same(rows({"v": L("07", XSD + "int")}), rows({"v": L("7", XSD + "integer")}))
    assert not same(rows({"v": L("1", XSD + "decimal")}), rows({"v": L("1", XSD + "string")}))


def test_strict_mode_compares_lexical_forms() -> None:
    expected, actual = rows({"v": L("1.0", XSD + "decimal")}), rows({"v": L("1", XSD + "decimal")})
    assert same(expected, actual)
    assert not same(expected, actual, by_value=False)


# -- results ---------------------------------------------------------------------------------------------


def test_boolean_and_kind() -> None:
    assert same(R.of_boolean(True), R.of_boolean(True))
    assert not same(R.of_boolean(True), R.of_boolean(False))
    assert not same(R.of_boolean(True), rows())


def test_variables_compared_as_a_set() -> None:
    row = {"x": N(EX + "a")}
    assert same(R.of_rows([row], ["x", "y"]), R.of_rows([row], ["y", "x"]))
    assert not same(R.of_rows([row], ["x", "y"]), R.of_rows([row], ["x"]))


# -- order -----------------------------------------------------------------------------------------------


def _n(value: int) -> tuple:
    return L(str(value), XSD + "integer")


def test_order_matters_only_when_asked() -> None:
    one, two = {"k": _n(1)}, {"k": _n(2)}
    assert same(rows(one, two), rows(two, one))
    assert not same(rows(one, two), rows(two, one), ordered=True, order_keys=["k"])
    assert not same(rows(one, two), rows(two, one), ordered=True)  # keys unknown: row by row
    assert not same(R.of_rows([one, two], indexed=True), rows(two, one))  # rs:index


def test_rows_tied_on_the_sort_key_may_come_in_any_order() -> None:
    a, b, c = {"k": _n(1), "v": L("a")}, {"k": _n(1), "v": L("b")}, {"k": _n(2), "v": L("c")}
    assert same(rows(a, b, c), rows(b, a, c), ordered=True, order_keys=["k"])
    assert not same(rows(a, b, c), rows(c, a, b), ordered=True, order_keys=["k"])


def test_top_level_order_by() -> None:
    sub = "SELECT * { { SELECT ?x { ?x ?p ?o } ORDER BY ?o LIMIT 2 } }"
    assert runner.top_level_order_by(sub) is None
    clause = runner.top_level_order_by("SELECT * { ?s ?p ?o } ORDER BY DESC(?o) ?s LIMIT 3 # ORDER BY ?p")
    assert clause is not None and runner.order_key_variables(clause) == ["o", "s"]
    assert runner.top_level_order_by('SELECT * { ?s ?p "ORDER BY" }') is None


def test_reduced_accepts_any_multiset_between_distinct_and_all() -> None:
    a, b = {"x": N(EX + "a")}, {"x": N(EX + "b")}
    full = rows(a, a, a, b)
    assert same(full, rows(a, b), lax=True)
    assert same(full, rows(a, a, b), lax=True)
    assert not same(full, rows(a, a, a, a, b), lax=True)
    assert not same(full, rows(a), lax=True)


# -- readers and helpers ------------------------------------------------------------------------------


def test_dawg_result_set_vocabulary() -> None:
    rs, rdf = runner.RS, runner.RDF
    triples = [
        (B("r"), N(rdf + "type"), N(rs + "ResultSet")),
        (B("r"), N(rs + "resultVariable"), L("x")),
        (B("r"), N(rs + "solution"), B("s2")),
        (B("r"), N(rs + "solution"), B("s1")),
        (B("s1"), N(rs + "index"), L("1", XSD + "integer")),
        (B("s1"), N(rs + "binding"), B("b1")),
        (B("b1"), N(rs + "variable"), L("x")),
        (B("b1"), N(rs + "value"), N(EX + "first")),
        (B("s2"), N(rs + "index"), L("2", XSD + "integer")),
    ]
    result = runner.results_from_graph(triples)
    assert result.kind == "bindings" and result.indexed and result.variables == ["x"]
    assert result.rows == [{"x": N(EX + "first")}, {}]
    assert runner.results_from_graph([(N(EX + "s"), N(EX + "p"), L("o"))]).kind == "graph"


def _request(path: str, content_type: str | None, body: str | None) -> object:
    headers = {"content-type": content_type} if content_type else {}
    return runner.ProtocolRequest("POST", path, headers, body and body.encode(), body, {2}, None, None)


def test_protocol_requests_are_routed_by_operation() -> None:
    update = runner.is_update_request
    assert update(_request("/sparql/?update=CLEAR%20ALL", None, None))
    assert update(_request("/sparql/", "application/sparql-update", "CLEAR ALL"))
    assert update(_request("/sparql/", "application/x-www-form-urlencoded", "update=CLEAR+ALL"))
    assert update(_request("/sparql/", None, "update=CLEAR%20NAMED"))
    assert update(_request("/sparql/", "text/plain", "CLEAR NAMED"))
    assert not update(_request("/sparql/", "text/plain", "ASK {}"))
    assert not update(_request("/sparql/", None, "query=ASK%20%7B%7D"))
    assert not update(_request("/sparql/", "application/sparql-query", "ASK { ?s ?p 'INSERT' }"))

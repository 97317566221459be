"""Smoke tests of the conformance runner's comparison logic: small cases, no server, no suites."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pyoxigraph as ox
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


# -- remote backends: what may fail, how a dataset becomes a remote build, when a query needs its base --------------

S11 = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"


def _outcomes(**statuses: str) -> list[runner.Outcome]:
    return [runner.Outcome(S11 + name.replace("__", "/manifest#"), status) for name, status in statuses.items()]


def test_deviation_lines_name_a_backend_a_test_and_a_cause() -> None:
    text = "# comment\n\nvirtuoso\tbind/manifest#bind10\tscope\noxigraph\tbind/manifest#bind07\tother\n"
    assert runner.read_deviations(text, "virtuoso") == {S11 + "bind/manifest#bind10": "scope"}
    for bad in ("virtuoso\tbind/manifest#bind10\n", "fuseki\tbind/manifest#bind10\tx\n", "virtuoso\t\tx\n"):
        with pytest.raises(ValueError):
            runner.read_deviations(bad, "virtuoso")
    with pytest.raises(ValueError, match="twice"):
        runner.read_deviations("virtuoso\ta/manifest#t\tx\nvirtuoso\ta/manifest#t\ty\n", "virtuoso")


def test_oxigraph_server_may_also_fail_what_its_engine_fails() -> None:
    engine = next(iter(runner.KNOWN_ENGINE_FAILURES))
    assert engine in runner.expected_failures("oxigraph", "")
    assert engine not in runner.expected_failures("virtuoso", "")


def test_a_remote_run_must_fail_exactly_the_listed_tests_that_ran() -> None:
    expected = {S11 + "a/manifest#listed": "why", S11 + "a/manifest#not-run": "why"}
    as_listed = runner.check_deviations(_outcomes(a__listed="fail", a__other="pass"), expected)
    assert as_listed.ok and as_listed.unlisted == () and as_listed.passing == ()
    new = runner.check_deviations(_outcomes(a__listed="fail", a__other="fail"), expected)
    assert not new.ok and new.unlisted == (S11 + "a/manifest#other",)
    fixed = runner.check_deviations(_outcomes(a__listed="pass"), expected)
    assert not fixed.ok and fixed.passing == (S11 + "a/manifest#listed",)


def test_every_listed_deviation_is_a_test_of_the_checked_suites() -> None:
    manifests = [
        runner.SUITES / "sparql11" / n for n in ("manifest-sparql11-query.ttl", "manifest-sparql11-results.ttl")
    ]
    known = {t.iri for m in manifests for t in runner.eval_tests(m, (runner.MF + "QueryEvaluationTest",))}
    known |= {t.iri for t in runner.protocol_tests(runner.SUITES / "sparql11" / "protocol" / "manifest.ttl")}
    text = runner.DEVIATIONS.read_text()
    for backend in runner.BACKENDS[1:]:
        listed = runner.read_deviations(text, backend)
        assert listed and set(listed) <= known, sorted(set(listed) - known)


def test_a_default_graph_goes_into_a_named_graph_of_the_remote_build() -> None:
    s, p = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")
    quads = [ox.Quad(s, p, ox.Literal("d")), ox.Quad(s, p, ox.Literal("n"), ox.NamedNode(EX + "g"))]
    graphs = dict(runner.remote_graphs(quads))
    assert set(graphs) == {runner.DEFAULT_DATA_GRAPH, EX + "g"}
    assert [q.object.value for q in graphs[runner.DEFAULT_DATA_GRAPH]] == ["d"]


def test_a_dataset_fits_a_union_default_graph_only_without_graphs_to_tell_apart() -> None:
    fits = runner.dataset_fits_union
    assert fits([], "SELECT * { ?s ?p ?o }", EX + "q.rq")
    assert not fits([(EX + "g", EX + "g.ttl")], "SELECT * { ?s ?p ?o }", EX + "q.rq")
    assert not fits([], "SELECT * { GRAPH ?g { ?s ?p ?o } }", EX + "q.rq")
    assert fits([(EX + "g", EX + "g.ttl")], "SELECT * FROM <g.ttl> { ?s ?p ?o }", EX + "q.rq")


def test_a_query_needs_its_base_only_for_relative_iris_and_iri_calls() -> None:
    assert not runner.needs_base("PREFIX : <http://e/> SELECT * { ?s :p ?o FILTER(?o < 3) } # <rel>")
    assert runner.needs_base("SELECT * FROM <data.ttl> { ?s ?p ?o }")
    assert runner.needs_base("SELECT (IRI('x') AS ?i) {}")
    assert runner.needs_base("SELECT (uri (?x) AS ?i) {}")
    assert not runner.needs_base("SELECT ('IRI(x)' AS ?i) {}")

"""The SPARQL reader the endpoint decides with: what the engine would federate is refused, what it
runs is not, and nothing it accepts can nest deep enough to crash it.

The engine is pyoxigraph itself: a query counts as federating when evaluating it reaches SERVICE
(`http://127.0.0.1:9/`, a port the engine refuses before connecting, so no test touches the
network), and depth is tried in a child process, where a stack overflow cannot end the test run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proveniens.service.sparql import syntax
from proveniens.service.sparql.syntax import Refused, check_query, update_shape
from proveniens.service.sparql.update import add_using

SUITES = Path(__file__).resolve().parents[1] / "conformance" / "suites"
QUERIES = Path(__file__).resolve().parents[2] / "queries"
FAR = "<http://127.0.0.1:9/>"  # the engine refuses port 9 before it connects
PLX = "_~.-!$&'()*+,;=/?#@%"


def engine_federates(query: str) -> bool:
    """Whether pyoxigraph parses the query and, evaluating it over one triple, reaches a SERVICE call."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.NamedNode("http://e/a.b")))
    try:
        result = store.query(query)
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except SyntaxError:
        return False
    except (OSError, RuntimeError) as err:  # refused port, or a service name left unbound
        return "port 9" in str(err) or "service name" in str(err)
    return False


def refusal(text: str, check: Callable[[str], object] = check_query) -> Refused:
    with pytest.raises(Refused) as caught:
        check(text)
    return caught.value


def federating(before: str, after: str = "") -> str:
    return f"PREFIX ex: <http://e/> SELECT ?x WHERE {{ {before} SERVICE {FAR} {{ ?x ?y ?z }} {after} }}"


# --- federation the regex guard let through (issue 12), and more the engine reads as SERVICE ---

BYPASSES = [
    *(federating(f"BIND(ex:a\\{c}{'25' if c == '%' else ''} AS ?q)") for c in PLX),  # every escape in a name
    federating("BIND(ex:a\\' AS ?q)", "BIND('x' AS ?w)"),
    federating("BIND(ex:a%27 AS ?q)", "BIND('x' AS ?w)"),
    federating('BIND("a\\"" AS ?q)'),
    federating("BIND('''it''s''' AS ?q)"),
    federating('BIND("""a "quoted" \\""" word""" AS ?q)'),
    federating("BIND(1 AS ?q) # a comment\n"),
    federating("BIND(<http://e/SERVICE> AS ?q)"),
    "PREFIX ex: <http://e/> SELECT ?x WHERE { ex:s ex:p ex:a.b.SERVICE " + FAR + " { ?x ?y ?z } }",
    f"PREFIX : {FAR} SELECT ?x WHERE {{ BIND(1 AS ?q) SERVICE:x {{ ?x ?y ?z }} }}",
    f"PREFIX : {FAR} SELECT ?x WHERE {{ BIND(1 AS ?q) SERVICE: {{ ?x ?y ?z }} }}",
    f"PREFIX ex: {FAR} SELECT ?x WHERE {{ BIND(1 AS ?q) SERVICEex:x {{ ?x ?y ?z }} }}",
    f"SELECT ?x WHERE {{ BIND(1 AS ?q) service {FAR} {{ ?x ?y ?z }} }}",
    f"SELECT ?x WHERE {{ BIND(1 AS ?q) SeRvIcE {FAR} {{ ?x ?y ?z }} }}",
    f"SELECT ?x WHERE {{ BIND(1 AS ?q) {{ SELECT ?x WHERE {{ BIND(1 AS ?r) SERVICE {FAR} {{ ?x ?y ?z }} }} }} }}",
    f"SELECT * {{ BIND(1 AS ?q) OPTIONAL {{ BIND(1 AS ?r) SERVICE {FAR} {{ ?x ?y ?z }} }} }}",
]


@pytest.mark.parametrize("query", BYPASSES)
def test_what_the_engine_federates_is_refused(query: str) -> None:
    assert engine_federates(query), "the test query must be one the engine really federates"
    refused = refusal(query)
    assert refused.status == 403
    assert "SERVICE" in refused.message and re.search(r"At \d+:\d+", refused.message)


def test_service_inside_exists_is_refused() -> None:
    query = f"ASK {{ FILTER EXISTS {{ BIND(1 AS ?r) SERVICE {FAR} {{ ?x ?y ?z }} }} }}"
    ox.Store().query(query)  # the engine runs it (and a failing FILTER is only false, so no error shows)
    assert refusal(query).status == 403


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?service ?p ?o }",
        "SELECT $service WHERE { $service ?p ?o }",
        "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:service ?o ; ex:SERVICE 'SERVICE' }",
        "PREFIX service: <http://e/> SELECT * WHERE { service:x ?p ?o . GRAPH service:g { ?s ?p ?o } }",
        'SELECT * WHERE { <http://e/SERVICE> ?p "SERVICE <http://x/> { }" } # SERVICE <http://x/> { }',
        "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a\\#SERVICE '''SERVICE''' }",
        "select * where { ?s a ?o optional { ?s ?p ?o } filter not exists { ?o ?p ?s } }",
    ],
)
def test_the_word_service_elsewhere_is_not_federation(query: str) -> None:
    ox.Store().query(query)  # valid for the engine
    check_query(query)


def test_a_keyword_glued_to_another_is_refused_as_the_engine_reads_it() -> None:
    query = f"SELECT * WHERE {{ BIND(1 AS ?q) SERVICESILENT {FAR} {{ ?x ?y ?z }} }}"
    assert not engine_federates(query.replace("SERVICESILENT", "SERVICE SILENT"))  # SILENT swallows the error
    ox.Store().query(query)  # the engine takes it as SERVICE SILENT
    refused = refusal(query)
    assert refused.status == 400 and "SERVICESILENT" in refused.message


_FRAGMENTS = st.sampled_from(
    [
        "ex:a",
        *(f"ex:a\\{c}" for c in PLX),
        "ex:a%2F",
        "ex:a.b",
        "'x'",
        "'\\''",
        '"\\""',
        '"\\\\"',
        "'''a''b'''",
        '"""a""b"""',
        "<http://e/SERVICE>",
        "# SERVICE <http://x/> { }\n",
        "?service",
        "1",
        ".",
        ";",
        ",",
        "(",
        ")",
        " ",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENTS, max_size=8), st.lists(_FRAGMENTS, max_size=4))
def test_no_mix_of_names_escapes_strings_and_comments_hides_service(before: list[str], inside: list[str]) -> None:
    query = federating(f"BIND({''.join(before) or '1'} AS ?q) {''.join(inside)}")
    if engine_federates(query):
        assert refusal(query).status == 403


_CASES = st.sampled_from(["SERVICE", "service", "Service", "sErViCe"])
_GAPS = st.sampled_from(["", " ", "\n", " # SERVICE? no\n", "\t"])
_NAMES = st.sampled_from([FAR, ":x", ":", "ex:x", "?far"])  # ex: and : name the far endpoint
_ITEMS = st.sampled_from(
    [
        "",
        "BIND(e:a\\# AS ?h)",
        "BIND(e:a\\' AS ?h)",
        "BIND('SERVICE \\' }' AS ?h)",
        'BIND("""SERVICE " { """ AS ?h)',
        "BIND(<http://e/SERVICE> AS ?h)",
        "# SERVICE <x> {\n",
        "e:s e:p e:a.b .",
        "e:s e:p e:a.b",
        "?service ?p ?o .",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ITEMS, _CASES, _GAPS, st.booleans(), _NAMES, _GAPS, _ITEMS)
def test_no_spelling_of_service_federates_unnoticed(
    before: str, keyword: str, gap: str, silent: bool, name: str, gap2: str, after: str
) -> None:
    """SERVICE in any case, glued to its name or not, between items that fooled the regex guard."""
    call = f"{keyword}{gap}{'SILENT ' if silent else ''}{name}{gap2}{{ ?x ?y ?z }}"
    query = (
        f"PREFIX e: <http://e/> PREFIX ex: {FAR} PREFIX : {FAR} "
        f"SELECT * WHERE {{ BIND({FAR} AS ?far) {before} {call} {after} }}"
    )
    # SILENT hides the failed call, so there the engine accepting the text is the evidence.
    if engine_federates(query) or (silent and _engine_parses(query, update=False)):
        assert refusal(query).status in (400, 403)


_SPARQLISH = st.text(
    alphabet=st.sampled_from(list("{}()[]<>?$:._;,'\"#\\@^|/!=&*+-~ \naAsSeErRvViIcC019%")), max_size=60
) | st.lists(
    st.sampled_from(
        [
            "SELECT",
            "ASK",
            "WHERE",
            "SERVICE",
            "FILTER",
            "EXISTS",
            "VALUES",
            "DATA",
            "INSERT",
            "GRAPH",
            "{",
            "}",
            "(",
            ")",
            "[",
            "]",
            "<<",
            ">>",
            "{|",
            "|}",
            "?x",
            "ex:a",
            "'s'",
            "1",
            ".",
            "a",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_SPARQLISH)
def test_any_text_is_either_accepted_or_refused_with_a_message(text: str) -> None:
    for check in (check_query, update_shape):
        try:
            check(text)
        except Refused as err:
            assert err.status in (400, 403) and err.message


# --- updates ---


def test_updates_and_load_are_refused_on_the_query_route() -> None:
    for update in (
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "delete where { ?s ?p ?o }",
        "DROP ALL",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ):
        refused = refusal(update)
        assert refused.status == 403 and "read-only" in refused.message
    refused = refusal("PREFIX ex: <http://e/>\nLOAD <http://example.org/data.ttl>")
    assert refused.status == 403 and "LOAD" in refused.message and "2:1" in refused.message


def test_service_inside_an_update_is_refused() -> None:
    refused = refusal(f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE {FAR} {{ ?s ?p ?o }} }}", update_shape)
    assert refused.status == 403


def test_load_is_refused_on_the_update_route_too() -> None:
    for update in ("LOAD <http://127.0.0.1:9/x.ttl>", "load silent <http://e/x> INTO GRAPH <urn:g>", "LOAD<http://e/x>"):
        refused = refusal(update, update_shape)
        assert refused.status == 403 and "LOAD" in refused.message
    update_shape("INSERT DATA { <urn:load> <urn:b> 'LOAD <http://e/x>' }")  # a LOAD inside data is data


def test_update_shape_finds_where_clauses_and_dataset_clauses_from_tokens() -> None:
    update = (
        "PREFIX ex: <http://e/> # WHERE in a comment\n"
        "DELETE { ?s ex:p 'WHERE' } INSERT { ?s ex:q 1 } WHERE { ?s ex:p ?o } ;\n"
        "DELETE WHERE { ?s ex:r ?o } ;\n"
        "INSERT { ?s ex:q 2 } where { ?s ex:q 1 }"
    )
    shape = update_shape(update)
    assert shape.dataset_clause is None
    assert [update[i : i + 5].upper() for i in shape.where_offsets] == ["WHERE", "WHERE"]
    assert len(shape.where_offsets) == 2  # not the DELETE WHERE, not the comment, not the string
    rewritten = add_using(update, shape.where_offsets, ["http://e/g"], ["http://e/n"])
    assert rewritten.count("USING <http://e/g> USING NAMED <http://e/n> ") == 2
    ox.Store().update(rewritten)  # still a valid update
    assert update_shape("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }").dataset_clause.text == "WITH"
    assert update_shape("DELETE { ?s ?p ?o } USING <urn:g> WHERE { ?s ?p ?o }").dataset_clause.text == "USING"
    glued = "PREFIX ex: <urn:> DELETE { ?s ?p ?o } USINGex:g WHERE { ?s ?p ?o }"
    ox.Store().update(glued)  # the engine reads USING ex:g
    assert update_shape(glued).dataset_clause is not None
    assert update_shape("PREFIX ex: <http://e/>").where_offsets == ()  # an empty update is valid


# --- errors a user can act on ---


@pytest.mark.parametrize(
    ("query", "where", "says"),
    [
        ("SELECT * WHERE {\n  ?s ?p 'unclosed }", "2:9", "not closed"),
        ("SELECT * WHERE {\n  ?s ?p '''never closed }", "2:9", "never closed"),
        ("SELECT * WHERE { ?s ?p 'bad \\q escape' }", "1:29", "escape"),
        ("SELECT * WHERE { ?s ?p ?o } LIMT 1", "1:29", "not a SPARQL keyword"),
        ("SELECT * WHERE { ?s ?p ?o \u00a7 }", "1:27", "unexpected character"),
        ("SELECT * WHERE { ?s ?p (?o }", "1:28", "cannot close the '(' opened at 1:24"),
        ("SELECT * WHERE {\n { ?s ?p ?o }", "1:16", "never closed"),
        ("?s ?p ?o", "1:9", "ends before SELECT"),
        ("{ ?s ?p ?o }", "1:1", "expected SELECT"),
    ],
)
def test_errors_say_what_and_where(query: str, where: str, says: str) -> None:
    refused = refusal(query)
    assert refused.status == 400
    assert f"At {where}" in refused.message and says in refused.message


def test_a_string_of_escaped_quotes_is_read_in_one_pass() -> None:
    """Issue 12: 64,000 escaped quotes froze the regex guard for 30 s; one scan decides now."""
    unclosed = 'ASK { FILTER("' + '\\"' * 64_000 + " ) }"
    assert "At 1:14" in refusal(unclosed).message
    closed = 'ASK { FILTER("' + '\\"' * 64_000 + '" = "") }'
    check_query(closed)
    ox.Store().query(closed)


# --- depth: refused above the limits, accepted below them by the reader and by the engine ---

FORMS: dict[str, Callable[[int], str]] = {
    "nested groups": lambda n: "SELECT * WHERE " + "{" * n + "}" * n,
    "nested parentheses": lambda n: "ASK { FILTER(" + "(" * n + "true" + ")" * n + ") }",
    "nested calls": lambda n: "ASK { FILTER(" + "STR(" * n + "1" + ")" * n + ") }",
    "nested brackets": lambda n: "SELECT * { ?s ?p " + "[ ?p " * n + "1" + " ]" * n + " }",
    "nested OPTIONAL": lambda n: "SELECT * { " + "?s ?p ?o OPTIONAL { " * n + "?s ?p ?o" + " }" * n + " }",
    "nested NOT EXISTS": lambda n: "ASK { " + "FILTER NOT EXISTS { " * n + " }" * n + " }",
    "nested subqueries": lambda n: "SELECT * { " + "{ SELECT * { " * n + "?s ?p ?o" + " } }" * n + " }",
    "BINDs": lambda n: "SELECT * { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(n)) + " }",
    "OPTIONALs": lambda n: "SELECT * { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * n + "}",
    "UNIONs": lambda n: "SELECT * { " + " UNION ".join(["{ ?s ?p ?o }"] * n) + " }",
    "|| operators": lambda n: "ASK { FILTER(" + " || ".join(["true"] * n) + ") }",
    "projections": lambda n: "SELECT " + " ".join(f"(1 AS ?v{i})" for i in range(n)) + " {}",
    # Constant terms: with variables the engine's planner takes minutes on a few hundred patterns.
    "triple patterns": lambda n: "SELECT * { " + " ".join(f"<http://e/s{i}> <http://e/p> 1 ." for i in range(n)) + " }",
    "objects": lambda n: "SELECT * { <http://e/s> <http://e/p> " + ", ".join(str(i) for i in range(n)) + " }",
}


def deepest_accepted(form: Callable[[int], str]) -> int:
    low, high = 1, 20_000
    while high - low > 1:
        middle = (low + high) // 2
        try:
            check_query(form(middle))
            low = middle
        except Refused:
            high = middle
    return low


@pytest.mark.parametrize("name", FORMS)
def test_nesting_just_under_the_limit_runs_and_just_over_it_is_refused(name: str) -> None:
    form = FORMS[name]
    depth = deepest_accepted(form)
    assert depth >= 50, f"{name}: only {depth} accepted, too few for real queries"
    refused = refusal(form(depth + 1))
    assert refused.status == 400 and "nests too deeply" in refused.message and "At " in refused.message
    engine = subprocess.run(  # a child process on the default stack: an overflow ends it, not the tests
        [
            sys.executable,
            "-c",
            "import sys, pyoxigraph as ox; r = ox.Store().query(sys.stdin.read()); "
            "r if isinstance(r, ox.QueryBoolean) else list(r)",
        ],
        input=form(depth),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert engine.returncode == 0, f"{name} at depth {depth}: the engine ended with {engine.returncode}"


def test_the_limits_are_exposed() -> None:
    limits = (
        syntax.MAX_GROUP_DEPTH,
        syntax.MAX_PAREN_DEPTH,
        syntax.MAX_CALL_DEPTH,
        syntax.MAX_BRACKET_DEPTH,
        syntax.MAX_CHAIN,
        syntax.MAX_TRIPLES,
        syntax.MAX_TOKENS,
    )
    assert all(isinstance(limit, int) and limit > 0 for limit in limits)
    message = refusal(FORMS["nested groups"](syntax.MAX_GROUP_DEPTH + 1)).message
    assert f"{syntax.MAX_GROUP_DEPTH} nested groups" in message


# --- nothing real is refused ---


def _engine_parses(text: str, update: bool) -> bool:
    store = ox.Store()
    try:
        (store.update if update else store.query)(text, base_iri="http://example.org/base/")
    except SyntaxError:
        return False
    except Exception:  # evaluation errors (unknown functions, bad casts) come after parsing
        return True
    return True


def test_every_w3c_query_and_update_the_engine_parses_is_accepted() -> None:
    files = sorted(SUITES.glob("sparql1*/**/*.r[qu]"))
    assert len(files) > 500
    wrong = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        update = path.suffix == ".ru"
        if re.search(r"\b(SERVICE|LOAD)\b", text, re.IGNORECASE):
            continue  # the engine would fetch something; refusing these is tested above
        if not _engine_parses(text, update):
            continue
        try:
            (update_shape if update else check_query)(text)
        except Refused as err:
            wrong.append(f"{path.relative_to(SUITES)}: {err.message}")
    assert not wrong, "\n".join(wrong)


def test_the_projects_own_queries_are_accepted() -> None:
    for path in sorted(QUERIES.glob("**/*.rq")):
        check_query(path.read_text(encoding="utf-8"))

"""What a remote server is sent: every named query, hints unwrapped and parameters written in, answers as the
embedded store does with its own substitutions (backend/portable.py, backend/bindings.py). Under
`make test-remote BACKEND=…` the served store is that server, so its answers are compared too."""

from __future__ import annotations

from functools import partial

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from proveniens.named_queries import named_queries
from proveniens.service.answers.api import query_info
from proveniens.service.sparql.backend.bindings import BadTerm, encode_terms, inlined, with_values
from proveniens.service.sparql.backend.portable import ascii_escaped, without_lateral
from proveniens.service.sparql.lexer import tokenize

WITH_EXAMPLES = sorted(
    name for name, query in named_queries().items()
    if query.parameters and set(query_info(name).example) >= {p.name for p in query.parameters}
)


def test_most_named_queries_have_an_example_to_run() -> None:
    assert {"lineage", "lineage_context", "impact", "search", "describe_resource"} <= set(WITH_EXAMPLES)


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_the_text_sent_to_a_remote_server_answers_as_substitution_does(name: str, bundled_store: ox.Store) -> None:
    query = named_queries()[name]
    bound = query.bind(query_info(name).example)
    expected = _rows(bundled_store.query(query.text, substitutions=bound))
    substitutions = encode_terms(bound)
    for text in (query.text, without_lateral(query.text)):
        sent = ascii_escaped(with_values(inlined(text, substitutions), substitutions))
        assert _rows(bundled_store.query(sent)) == expected, name
    assert expected, f"{name}'s example finds nothing on the bundled build, so it shows nothing"


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_the_served_store_answers_every_named_query_as_the_embedded_one(
    name: str, client: TestClient, bundled_store: ox.Store
) -> None:
    query = named_queries()[name]
    example = query_info(name).example
    if not {p.name for p in query.parameters} <= set(example):
        pytest.fail(f"queries/{name}.rq has no example for every parameter, so it cannot be checked")
    served = client.portal.call(partial(client.app.state.named_queries.select, name, **example))
    got = sorted(str(sorted((k, _same(v.value, v.kind, v.lang, v.datatype)) for k, v in row.items())) for row in served)
    embedded = bundled_store.query(query.text, substitutions=query.bind(example))
    assert got == sorted(
        str(sorted((str(k)[1:], _term(v)) for k, v in zip(embedded.variables, row, strict=True) if v is not None))
        for row in embedded
    )


def test_lateral_is_unwrapped_with_its_braces_and_every_position_keeps_its_line() -> None:
    text = named_queries()["lineage"].text
    plain = without_lateral(text)
    assert "LATERAL" in text
    assert not any(t.kind == "WORD" and t.text == "LATERAL" for t in tokenize(plain))
    assert len(plain) == len(text) and plain.count("\n") == text.count("\n")
    assert plain.count("{") == text.count("{") - text.count("LATERAL {")


def test_a_parameter_is_written_into_groups_and_sub_selects_not_into_the_outer_projection() -> None:
    query = 'SELECT ?s ?n WHERE { { SELECT ?s ?x WHERE { ?s ?p ?x FILTER(?x != "?s") } } } ORDER BY ?s'
    text = inlined(query, {"s": "<urn:a>"})
    assert text == (
        'SELECT ?s ?n WHERE { { SELECT (<urn:a> AS ?s) ?x WHERE { <urn:a> ?p ?x FILTER(?x != "?s") } } } ORDER BY ?s'
    )


@pytest.mark.parametrize(
    "query",
    ["SELECT ?x WHERE { BIND(1 AS ?s) }", "SELECT ?x WHERE { VALUES ?s { <urn:b> } }"],
)
def test_a_parameter_the_query_binds_itself_is_refused(query: str) -> None:
    with pytest.raises(BadTerm):
        inlined(query, {"s": "<urn:a>"})


@given(st.text(min_size=1, max_size=40).filter(lambda t: not t.isascii()))
def test_non_ascii_is_escaped_and_means_the_same(text: str) -> None:
    query = f"SELECT ?x WHERE {{ BIND({ox.Literal(text)} AS ?x) FILTER(?x = {ox.Literal(text)}) }}"
    escaped = ascii_escaped(query)
    assert escaped.isascii()
    store = ox.Store()
    assert [row["x"] for row in store.query(escaped)] == [ox.Literal(text)]


def _rows(solutions: ox.QuerySolutions) -> list[str]:
    names = solutions.variables
    return sorted(str(sorted((str(k), str(v)) for k, v in zip(names, row, strict=True))) for row in solutions)


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _same(value: str, kind: str, lang: str | None, datatype: str | None) -> tuple[str, str, str, str]:
    """A term as both stores can be compared on: a simple literal and an xsd:string are the same (RDF 1.1)."""
    return value, kind, lang or "", "" if datatype in (None, XSD_STRING) else datatype


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> tuple[str, str, str, str]:
    if isinstance(term, ox.NamedNode):
        return _same(term.value, "uri", None, None)
    if isinstance(term, ox.BlankNode):
        return _same(term.value, "bnode", None, None)
    return _same(term.value, "literal", term.language, None if term.language else term.datatype.value)

"""Parameters travel as RDF terms: N-Triples in, one term out, and a VALUES block for remote servers."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from proveniens.named_queries import named_queries
from proveniens.service.sparql.backend.bindings import (
    BadTerm,
    encode_terms,
    parse_term,
    parse_terms,
    with_base,
    with_values,
)


@given(st.text(max_size=200))
def test_any_text_round_trips_as_one_literal(text: str) -> None:
    term = parse_term(str(ox.Literal(text)))
    assert term == ox.Literal(text)


@pytest.mark.parametrize(
    "bad",
    [
        '"a" . <urn:s> <urn:p> "b"',
        "<urn:a> <urn:b>",
        "_:blank",
        "?variable",
        '"unterminated',
        "} } DELETE WHERE { ?s ?p ?o",
    ],
)
def test_anything_but_one_iri_or_literal_is_refused(bad: str) -> None:
    with pytest.raises(BadTerm):
        parse_term(bad)


def test_variable_names_are_checked() -> None:
    with pytest.raises(BadTerm):
        parse_terms({"x } DELETE": "<urn:a>"})


def test_values_block_opens_the_outermost_group_so_filters_see_it() -> None:
    search = named_queries()["search"]
    text = with_values(search.text, encode_terms(search.bind({"q": 'vård" } #'})))
    head, _, rest = text.partition("WHERE {")
    assert rest.lstrip().startswith('VALUES (?q) { ("vård\\" } #") }')
    assert "#+ summary" in head, "the documentation header stays"


def test_values_bound_query_gives_the_same_rows_as_substitution(bundled_store: ox.Store) -> None:
    for name, values in [
        ("search", {"q": "vardkontakt"}),
        ("lineage", {"start": "https://w3id.org/proveniens/agreement/hos-avtal-vg-2021/element/fast-vardkontakt"}),
        ("decisions_of_body", {"body": "https://w3id.org/proveniens/org/sro", "fromDate": "2000-01-01",
                               "toDate": "2030-12-31"}),
    ]:
        query = named_queries()[name]
        bound = query.bind(values)
        substituted = bundled_store.query(query.text, substitutions=bound)
        inlined = bundled_store.query(with_values(query.text, encode_terms(bound)))
        assert _rows(substituted) == _rows(inlined), name


def _rows(solutions: ox.QuerySolutions) -> list[str]:
    names = solutions.variables
    return sorted(str(sorted((str(k), str(v)) for k, v in zip(names, row, strict=True))) for row in solutions)


def test_a_query_with_a_base_of_its_own_gets_no_second_one() -> None:
    endpoint = "http://e.example/sparql"
    assert with_base("SELECT * WHERE { <a> ?p ?o }", endpoint).startswith(f"BASE <{endpoint}> ")
    own = "PREFIX x: <urn:x:> BASE <http://q.example/> SELECT * WHERE { <a> ?p ?o }"
    assert with_base(own, endpoint) == own  # Virtuoso refuses a second BASE (SP030)

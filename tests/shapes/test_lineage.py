"""Shapes for the lineage index (shapes/lineage.ttl): its closures point to resources, never to texts.

tests/lineage/test_lineage_index.py checks that the index the build writes equals the path queries.
"""

from __future__ import annotations

import pytest

CASES = [
    ("RestsOnShape", "RestsOn-value", "pv:restsOn"),
    ("ContainsPartShape", "ContainsPart-value", "pv:containsPart"),
    ("LedToShape", "LedTo-value", "pv:ledTo"),
    ("ContinuedInShape", "ContinuedIn-value", "pv:continuedIn"),
]


@pytest.mark.parametrize(("shape", "rule", "term"), CASES, ids=[rule for _, rule, _ in CASES])
def test_a_resource_is_accepted_and_a_text_refused(accepts, rejects, shape: str, rule: str, term: str) -> None:
    accepts(shape, f"<sou/2020:19> {term} <kommitte/S2017:01> .")
    rejects(shape, (rule,), f'<sou/2020:19> {term} "Utredningen om en nära vård" .')

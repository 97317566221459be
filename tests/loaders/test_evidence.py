"""Evidence quotes are checked against the cited lines before anything is emitted."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proveniens.errors import EvidenceError
from proveniens.loaders.evidence import Assertion, Evidence, mint_evidence_iri, normalise, verify_quote
from proveniens.loaders.sources import SourceKind, read_source
from proveniens.namespaces import INST

TEXT = (
    "Utredningen presenterade\n"
    "i juni 2017 sitt första delbetänkande SOU 2017:53 God och nära vård – En \n"
    "gemensam färdplan och målbild. [10]. Genom propositionen Styrande princi-\n"
    "per inom hälso- och sjukvården\n"
)


@pytest.fixture
def source(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return read_source(path, SourceKind.DOCUMENT)


def evidence(source, start: int, end: int, quote: str) -> Evidence:
    return Evidence(source, start, end, quote, Assertion.STATED)


def test_quote_spanning_a_line_break_is_found(source) -> None:
    verify_quote(evidence(source, 2, 3, "God och nära vård – En gemensam färdplan"), "c.yaml", 7)


def test_hyphenation_must_be_quoted_as_printed(source) -> None:
    verify_quote(evidence(source, 3, 4, "Styrande princi- per"), "c.yaml", 7)
    with pytest.raises(EvidenceError, match="Styrande principer"):
        verify_quote(evidence(source, 3, 4, "Styrande principer"), "c.yaml", 7)


def test_quote_at_the_wrong_lines_names_curated_file_line_and_source(source) -> None:
    with pytest.raises(EvidenceError) as info:
        verify_quote(evidence(source, 1, 1, "SOU 2017:53"), "curated/chain.yaml", 12)
    message = str(info.value)
    assert message.startswith("curated/chain.yaml:12:")
    assert "report.txt lines 1-1" in message


@pytest.mark.parametrize(("start", "end"), [(0, 1), (3, 2), (4, 9)])
def test_line_numbers_outside_the_file_are_refused(source, start: int, end: int) -> None:
    with pytest.raises(EvidenceError, match="has 4 lines"):
        verify_quote(evidence(source, start, end, "SOU"), "c.yaml", 3)


def test_empty_quote_is_refused(source) -> None:
    with pytest.raises(EvidenceError, match="empty quote"):
        verify_quote(evidence(source, 1, 2, "  \n "), "c.yaml", 3)


def test_evidence_iri_is_stable_and_distinguishes_links(source) -> None:
    ev = evidence(source, 2, 2, "SOU 2017:53")
    a = mint_evidence_iri(INST["prop/2017/18:83"], INST["p"], INST["sou/2017:53"], ev)
    assert a == mint_evidence_iri(INST["prop/2017/18:83"], INST["p"], INST["sou/2017:53"], ev)
    assert a != mint_evidence_iri(INST["prop/2017/18:83"], INST["p"], INST["sou/2018:39"], ev)
    assert a.startswith(INST["evidence/"])


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1), min_size=1, max_size=5))
def test_normalise_is_idempotent_and_has_no_runs_of_space(parts: list[str]) -> None:
    text = "\n".join(parts)
    once = normalise(text)
    assert normalise(once) == once
    assert "  " not in once and once == once.strip()

"""Property-based tests: generated citations, written the ways real text writes them, are found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from proveniens.loaders.citations.find import CitationKind, find_citations
from proveniens.loaders.citations.rules import _known
from proveniens.namespaces import INST

years = st.integers(min_value=1975, max_value=2029)
numbers = st.integers(min_value=1, max_value=999)
breaks = st.sampled_from([" ", "\n", " \n\n", "  ", "\n \n"])
filler = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ,", min_size=0, max_size=30).map(lambda s: s.strip(" ,"))
around = st.tuples(filler, filler).map(lambda t: (t[0] + " " if t[0] else "", " " + t[1] if t[1] else ""))


@settings(max_examples=200, deadline=None)  # a first example builds the knowledge's patterns
@given(years, numbers, breaks, around)
def test_any_sou_is_found_across_a_line_break(year: int, number: int, gap: str, ctx: tuple[str, str]) -> None:
    text = f"{ctx[0]}(SOU{gap}{year}:{number}){ctx[1]}"
    found = [c for c in find_citations(text) if c.kind is CitationKind.SOU]
    assert [c.identifier for c in found] == [f"SOU {year}:{number}"]
    assert found[0].iri == INST[f"sou/{year}:{number}"]
    assert text[found[0].start : found[0].end] == found[0].text


@settings(max_examples=200, deadline=None)  # a first example builds the knowledge's patterns
@given(
    years,
    numbers,
    st.sampled_from(["/", "–", ":"]),
    st.sampled_from([":", "/"]),
    st.sampled_from(["prop. ", "prop.", "Prop. "]),
)
def test_any_proposition_written_with_any_separators(year: int, number: int, s1: str, s2: str, head: str) -> None:
    short = f"{(year + 1) % 100:02d}"
    if s1 == ":" and s2 == ":":
        s2 = "/"
    found = find_citations(f"se {head}{year}{s1}{short}{s2}{number} och")
    assert [c.identifier for c in found] == [f"Prop. {year}/{short}:{number}"]
    assert found[0].iri == INST[f"prop/{year}/{short}:{number}"]


@settings(max_examples=200, deadline=None)  # a first example builds the knowledge's patterns
@given(
    st.integers(min_value=1, max_value=30),
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["", " a", " b", "a"]),
    st.sampled_from(["HSL", "SoL", "LSS", "hälso- och sjukvårdslagen (2017:30)", "socialtjänstlagen"]),
    breaks,
)
def test_any_provision_with_a_law(chapter: int, section: int, letter: str, law: str, gap: str) -> None:
    sfs = {"HSL": "2017:30", "SoL": "2001:453", "LSS": "1993:387", "socialtjänstlagen": "2001:453"}.get(law, "2017:30")
    found = find_citations(f"enligt {chapter} kap.{gap}{section}{letter} § {law} ska")
    sec = f"{section}{' ' + letter.strip() if letter else ''}"
    assert [c.identifier for c in found] == [f"{chapter} kap. {sec} § SFS {sfs}"]
    assert found[0].iri == INST[f"sfs/{sfs}/K{chapter}P{sec.replace(' ', '')}"]


@settings(max_examples=200, deadline=None)  # a first example builds the knowledge's patterns
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö .,;:()-–\n0123456789", max_size=200))
def test_spans_always_quote_the_text(text: str) -> None:
    for c in find_citations(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.identifier


@settings(max_examples=100, deadline=None)  # a first example builds the knowledge's patterns
@given(years, numbers, st.integers(min_value=1, max_value=99999), st.sampled_from(["S", "Fi", "Ju", "U"]))
def test_registration_numbers_are_not_inquiries(year: int, number: int, serial: int, dept: str) -> None:
    found = find_citations(f"uppdraget ({dept}{year}/{serial:05d}/FS) och kommittén ({dept} {year}:{number % 100:02d})")
    kinds = [c.kind for c in found]
    assert kinds == [CitationKind.DIARIENUMMER, CitationKind.KOMMITTE]
    assert found[0].identifier == f"{dept}{year}/{serial:05d}/FS"


@settings(max_examples=100, deadline=None)  # a first example builds the knowledge's patterns
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=1, max_size=80))
def test_plain_prose_has_no_citations(text: str) -> None:
    assert find_citations(text) == []


_TITLE_WORDS = ["God och nära vård", "god och nära vård", "En investering för utvecklade förutsättningar för vårdens "
                "medarbetare", "bättre resursutnyttjande i hälso- och sjukvården", "Ökad tillgänglighet för "
                "barnhälsovården", "överenskommelsen om", "2020", "nära", "vård", "och", ",", "."]  # fmt: skip


@settings(max_examples=150, deadline=None)  # the first example builds the knowledge's patterns
@given(st.lists(st.sampled_from(_TITLE_WORDS), min_size=400, max_size=700))
def test_agreement_titles_found_from_their_words_as_a_full_scan_finds_them(words: list[str]) -> None:
    """In a long text a title is tried only where one of its words puts a start: the same matches."""
    text = " ".join(words)
    names = _known()[1]
    assert len(text) >= 2000  # long enough for the anchored search
    assert [m.span() for m in names.found_in(text)] == [m.span() for m in names.title.finditer(text)]

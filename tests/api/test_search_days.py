"""Search finds a day in the forms people type it, and tells hits with the same label apart by their meeting."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from proveniens.day_words import day_in_words, range_in_words
from proveniens.service.answers.days_typed import day_typed

from .conftest import B
from .test_api import get
from .test_pages import page

SRO = B + "meeting/sro/2021-09-24"


@pytest.mark.parametrize("q", ["2021-09-24", "24 september 2021", "den 24 september 2021", "24/9 2021", "20210924",
                               "September 24, 2021"])  # fmt: skip
def test_a_day_as_typed_finds_the_meeting_its_items_and_decisions(client: TestClient, q: str) -> None:
    hits = get(client, f"/api/search?q={quote(q)}")["hits"]
    assert hits and hits[0]["resource"]["iri"] == SRO, f"{q!r}: {[h['resource']['iri'] for h in hits[:3]]}"
    found = {h["resource"]["iri"] for h in hits}
    assert {SRO + "/item/6", SRO + "/item/6/decision", SRO + "/item/6/decision-2"} <= found
    assert all(h["context"]["meeting"] == SRO and h["context"]["body"] == "SRO" for h in hits if h["rank"] > 0)


def test_a_day_with_nothing_on_it_finds_nothing(client: TestClient) -> None:
    assert get(client, "/api/search?q=1999-01-01")["hits"] == []


def test_hits_with_the_same_label_are_told_apart_by_their_meeting(client: TestClient) -> None:
    hits = [h for h in get(client, "/api/search?q=N%C3%A4ra%20V%C3%A5rd")["hits"] if h["matched"] == "Nära Vård"]
    contexts = [(h["context"]["body"], h["context"]["date"], h["context"]["earliest"]) for h in hits]
    assert len(hits) >= 2 and len(set(contexts)) == len(contexts), contexts
    html = page(client, "/ui/search?q=N%C3%A4ra%20V%C3%A5rd&lang=sv")
    assert "SRO, 24 september 2021" in html and "VVG, 31 januari – 30 juni 2021" in html
    assert "VVG, april–augusti 2020" in html  # a range of whole months


def test_a_search_that_is_no_day_is_a_label_search(client: TestClient) -> None:
    hits = get(client, "/api/search?q=SOU%202020%3A19")["hits"]
    assert hits[0]["resource"]["iri"] == B + "sou/2020:19" and hits[0]["context"] is None


@given(st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=30))
def test_text_without_a_digit_is_never_a_day(text: str) -> None:
    assert day_typed(text) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_day_in_words_reads_back_as_that_day(day: dt.date) -> None:
    for lang in ("sv", "en"):
        assert day_typed(day_in_words(day.isoformat(), lang)) == day
    assert day_typed(day.isoformat()) == day == day_typed(f"{day:%Y%m%d}")


def test_ranges_in_words() -> None:
    assert range_in_words("2020-04-01", "2020-08-31", "sv") == "april–augusti 2020"
    assert range_in_words("2020-04-01", "2020-08-31", "en") == "April–August 2020"
    assert range_in_words("2021-01-31", "2021-06-30", "sv") == "31 januari – 30 juni 2021"
    assert range_in_words("2020-12-01", "2021-02-28", "sv") == "december 2020 – februari 2021"
    assert range_in_words("2021-05-01", "2021-05-31", "sv") == "maj 2021"

"""Reading Swedish dates, clock times and lists of names (property-based where the input space is large)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proveniens.loaders.knowledge.entities import body_pattern
from proveniens.loaders.minutes.text import (
    looks_like_name,
    parse_people,
    parse_time,
    parse_time_range,
)
from proveniens.loaders.text.dates import MONTH_NAMES, find_dates, parse_date

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
ABBREVIATIONS = {1: "jan", 2: "febr", 3: "mars", 4: "april", 5: "maj", 6: "juni", 7: "juli", 8: "aug", 9: "sept",
                 10: "okt", 11: "nov", 12: "dec"}  # fmt: skip


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[dt.date, str]:
    d = draw(DATES)
    forms = [
        f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
        f"den {d.day} {ABBREVIATIONS[d.month]} {d.year}",
        f"{d.day} {MONTH_NAMES[d.month - 1].capitalize()} {d.year}",
        d.isoformat(),
        f"{d.day}/{d.month} {d.year}",
        f"{d.day}.{d.month}.{d.year}",
    ]
    return d, draw(st.sampled_from(forms))


@settings(deadline=None)  # the first call loads dateparser's Swedish locale data
@given(written_dates(), st.sampled_from(["Datum: {}", "{}", "Mötet hölls {} i Vänersborg.", "Måndag {}, kl. 9-12"]))
def test_a_written_date_is_read_back(case: tuple[dt.date, str], frame: str) -> None:
    day, text = case
    assert parse_date(frame.format(text)) == day


@st.composite
def written_ranges(draw: st.DrawFn) -> tuple[dt.time, dt.time, str]:
    start_h = draw(st.integers(6, 20))
    end_h = draw(st.integers(start_h + 1, 23))
    start_m, end_m = draw(st.sampled_from([0, 15, 30, 45])), draw(st.sampled_from([0, 10, 30, 40]))
    sep = draw(st.sampled_from(["-", "–", " - ", " – ", " till "]))
    mark = draw(st.sampled_from([".", ":"]))
    whole = start_m == 0 and end_m == 0 and draw(st.booleans())
    if whole:
        text = f"kl. {start_h}{sep}{end_h}"
    else:
        text = f"{start_h:02d}{mark}{start_m:02d}{sep}{end_h}{'.' if mark == ':' else ':'}{end_m:02d}"
    prefix = draw(st.sampled_from(["", "Tid: ", "klockan ", "Mötestid: kl "]))
    return dt.time(start_h, start_m), dt.time(end_h, end_m), prefix + text


@given(written_ranges())
def test_a_written_time_range_is_read_back(case: tuple[dt.time, dt.time, str]) -> None:
    start, end, text = case
    assert parse_time_range(text) == (start, end)


@given(DATES)
def test_a_date_is_never_read_as_a_time_range(day: dt.date) -> None:
    assert parse_time_range(f"Datum: {day.isoformat()}") is None
    assert parse_time_range(f"Datum: {day.day}/{day.month} {day.year}") is None


def test_the_corpus_time_forms() -> None:
    assert parse_time_range("Tid: 13:00-14.40") == (dt.time(13), dt.time(14, 40))
    assert parse_time_range("3/2 kl 8-8.30") == (dt.time(8), dt.time(8, 30))
    assert parse_time_range("15/2 kl 8 – 8.30") == (dt.time(8), dt.time(8, 30))
    assert parse_time_range("14/8 kl. 12:30-15:00") == (dt.time(12, 30), dt.time(15))
    assert parse_time_range("Datum: 2022-03-14, kl. 9.00–11.30") == (dt.time(9), dt.time(11, 30))
    assert parse_time("Lämnar mötet klockan 14.15:") == dt.time(14, 15)
    assert parse_time_range("kl. 15-13") is None  # an end before the start is not a range


def test_months_and_seasons_are_ranges() -> None:
    month = find_dates("riksdagen tog beslut i november 2020")[0]
    assert (month.first, month.last) == (dt.date(2020, 11, 1), dt.date(2020, 11, 30))
    season = find_dates("dialoger hösten 2020")[0]
    assert (season.first, season.last) == (dt.date(2020, 8, 1), dt.date(2020, 12, 31))
    assert [m.text for m in find_dates("mellan 1 oktober 2021 och mars 2022")] == ["1 oktober 2021", "mars 2022"]


def test_invalid_days_are_not_dates() -> None:
    assert parse_date("31 februari 2021") is None
    assert parse_date("2021-13-01") is None


PEOPLE = [
    ("Ann Söderström, VGR och Ann-Charlotte Järnström, Västkom",
     [("Ann Söderström", "VGR"), ("Ann-Charlotte Järnström", "Västkom")]),
    ("Boel Mörck VGR, Ann-Charlotte Järnström VästKom",
     [("Boel Mörck", "VGR"), ("Ann-Charlotte Järnström", "VästKom")]),
    ("Anna Nergårdh, regeringens fd utredare av God och nära vård. och Lisbeth Löpare Johansson, SKR",
     [("Anna Nergårdh", "regeringens fd utredare av God och nära vård"), ("Lisbeth Löpare Johansson", "SKR")]),
    ("Maria Jonsson vårdsamverkan Södra Älvsborg, Rose-Marie Nyborg och Anneli Assmundson Bjerde",
     [("Maria Jonsson", "vårdsamverkan Södra Älvsborg"), ("Rose-Marie Nyborg", None),
      ("Anneli Assmundson Bjerde", None)]),
    ("Axel Josefsson (M), Katarina Jonsson (M), Ulf Olson", [("Axel Josefsson", None), ("Katarina Jonsson", None),
                                                           ("Ulf Olson", None)]),
    ("Tomas Berglund, Göteborgs Stad och Helena Wikström, Sveriges Kommuner och Regioner",
     [("Tomas Berglund", "Göteborgs Stad"), ("Helena Wikström", "Sveriges Kommuner och Regioner")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PEOPLE, ids=[p[0][:30] for p in PEOPLE])
def test_lists_of_people(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = parse_people(text, body_pattern())
    assert found is not None
    assert [(p.name, p.affiliation) for p in found] == expected


@pytest.mark.parametrize(
    "prose",
    [
        "Bra dialog på senaste SRO mötet. Fokuset låg på strategin om hur vi arbetar",
        "Vilka erfarenheter tar vi oss med från covid-19 arbetet till det fortsatta arbetet med",
        "a. Övriga frågor",
        "Framtaget är en gemensam färdplan - en länsgemensam strategi för god och",
        "Anna Nergårdh ledde denna utredning under mars 2017 till januari 2021 och skrev fem betänkanden i rad.",
    ],
)
def test_prose_is_not_a_list_of_people(prose: str) -> None:
    assert parse_people(prose, body_pattern(), strict=True) is None


def test_organisations_are_not_names() -> None:
    assert looks_like_name("Kent Lagrell")
    assert not looks_like_name("Göteborgs Stad")
    assert not looks_like_name("Västra Götalandsregionen")
    assert not looks_like_name("Hälso Sjukvårdsstyrelsen")
    assert not looks_like_name("VGR")

"""Undated minutes are placed in a range between what had happened and what was still to come."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from proveniens.loaders.minutes.dates.dating import infer_range
from proveniens.loaders.minutes.dates.schedule import read_schedule
from proveniens.loaders.text.dates import MONTH_NAMES
from proveniens.loaders.text.layout import Line


def lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


def test_past_and_future_sentences_bound_the_meeting() -> None:
    rng = infer_range(lines(
        "Utredningen avslutades 31 januari 2021.",
        "I juli 2021 kommer en ändring att träda i kraft i hälso- och sjukvårdslagen.",
        "• Remiss september 2021-januari 2022",  # a plan without a verb says nothing about now
    ))  # fmt: skip
    assert rng is not None
    assert (rng.earliest.date, rng.latest.date) == (dt.date(2021, 1, 31), dt.date(2021, 6, 30))
    assert (rng.earliest.start, rng.latest.start) == (1, 2)
    assert "31 januari 2021" in rng.reasoning_sv and "juli 2021" in rng.reasoning_en


def test_a_known_event_sets_the_earliest_day() -> None:
    rng = infer_range(lines("I huvudbetänkandet SOU 2020:19 föreslås en gemensam plan.",
                            "Det fortsatta arbetet kommer att inledas hösten 2020."))  # fmt: skip
    assert rng is not None
    assert (rng.earliest.date, rng.latest.date) == (dt.date(2020, 4, 1), dt.date(2020, 8, 31))


def test_nothing_to_date_by_is_none() -> None:
    assert infer_range(lines("Mötets öppnande", "Dagens agenda godkänns.")) is None


def test_only_a_year_gives_the_whole_year() -> None:
    rng = infer_range(lines("Mötets öppnande"), years=[2023])
    assert rng is not None and (rng.earliest.date, rng.latest.date) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


@given(
    st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)),
    st.integers(1, 400),
    st.integers(32, 400),
)
def test_the_range_holds_the_true_day(done: dt.date, after: int, ahead: int) -> None:
    """Whatever the true day, a past event before it and a future month after it give a range around it."""
    meeting = done + dt.timedelta(days=after)
    future = meeting + dt.timedelta(days=ahead)
    assume(future.month != meeting.month or future.year != meeting.year)
    rng = infer_range(lines(
        f"Beslutet fattades den {done.day} {MONTH_NAMES[done.month - 1]} {done.year}.",
        f"Nästa steg kommer att tas i {MONTH_NAMES[future.month - 1]} {future.year}.",
    ))  # fmt: skip
    assert rng is not None
    assert rng.earliest.date <= meeting <= rng.latest.date
    assert rng.earliest.date == done


def test_a_table_with_dropped_cells_is_put_back_in_its_columns() -> None:
    section = lines(
        "Mötestider 2020 /2021",
        "VVG VVG/covid-19 SRO",
        "11/12 kl. 9-12 3/2 kl 8-8.30 26 februari kl. 13-15",
        "18 jan kl. 9-12  21 maj kl 13-15",
        "15 febr kl. 9-12 15/2 kl 8 – 8.30 24 september kl. 13-15",
        " 1/3 kl 8 – 8.30",
    )
    found = {(p.column, p.date) for p in read_schedule(section, [], None)}
    assert found == {
        ("VVG", dt.date(2020, 12, 11)), ("VVG", dt.date(2021, 1, 18)), ("VVG", dt.date(2021, 2, 15)),
        ("VVG/covid-19", dt.date(2021, 2, 3)), ("VVG/covid-19", dt.date(2021, 2, 15)),
        ("VVG/covid-19", dt.date(2021, 3, 1)),
        ("SRO", dt.date(2021, 2, 26)), ("SRO", dt.date(2021, 5, 21)), ("SRO", dt.date(2021, 9, 24)),
    }  # fmt: skip


def test_a_list_of_dates_under_a_year() -> None:
    section = lines("Mötesdatum år 2022", "Mötesform: Teams (tills vidare)", "19 januari", "24 februari", "28 april")
    planned = read_schedule(section, [], None)
    assert [(p.column, p.date, p.stated) for p in planned] == [
        (None, dt.date(2022, 1, 19), True), (None, dt.date(2022, 2, 24), True), (None, dt.date(2022, 4, 28), True)
    ]  # fmt: skip


def test_a_sentence_in_a_schedule_is_not_a_row() -> None:
    section = lines("Mötestider 2020", "Gruppen är enig om att ett nytt möte läggs in den 7/9.", "5/10 kl. 9-12")
    assert [p.date for p in read_schedule(section, [], None)] == [dt.date(2020, 10, 5)]

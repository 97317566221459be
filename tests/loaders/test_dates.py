"""The one date reader: every written form of a day gives that day; a year is never guessed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from proveniens.loaders.text.dates import MONTH_NAMES, document_date, find_dates, in_context, parse_date, years_in

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))


def _forms(d: dt.date) -> list[str]:
    name = MONTH_NAMES[d.month - 1]
    return [
        f"den {d.day} {name} {d.year}",
        f"{d.day} {name.capitalize()} {d.year}",
        f"{d.day} {name[:4]}. {d.year}",
        d.isoformat(),
        d.strftime("%Y%m%d"),
        f"{d.day}/{d.month} {d.year}",
        f"{d.day}.{d.month}.{d.year}",
    ]


@settings(deadline=None)  # the first call loads dateparser's language data
@given(DAYS, st.sampled_from(["Protokoll fört ", "Stockholm, ", "Beslutet fattades ", ""]))
def test_every_written_form_of_a_day_is_that_day(day: dt.date, before: str) -> None:
    for form in _forms(day):
        found = find_dates(f"{before}{form} i ärendet.")
        assert [(m.first, m.last) for m in found] == [(day, day)], form
        assert found[0].text in form


@settings(deadline=None)  # the first call loads dateparser's language data
@given(DAYS)
def test_a_month_with_a_year_is_a_range_not_a_day(day: dt.date) -> None:
    (m,) = find_dates(f"I {MONTH_NAMES[day.month - 1]} {day.year} presenterade regeringen en plan.")
    assert m.first == day.replace(day=1) and m.last.month == day.month and m.last.year == day.year
    assert not m.is_day and (m.last + dt.timedelta(days=1)).day == 1


def test_impossible_days_and_bare_numbers_are_no_dates() -> None:
    assert find_dates("den 31 februari 2021") == []
    assert find_dates("Dnr 20151399 och 2021-13-40, 12 personer") == []
    assert parse_date("hösten 2021") is None


@settings(deadline=None)  # the first call loads dateparser's language data
@given(DAYS, st.sampled_from(["Under {y} fattades beslut.", "Uppföljningsrapport 1, {y}", "Dnr KS{y}/0123"]))
def test_day_month_takes_the_one_year_the_context_names(day: dt.date, context: str) -> None:
    text = f"Nämnden sammanträder den {day.day} {MONTH_NAMES[day.month - 1]}."
    (m,) = in_context(text, context.format(y=day.year))
    assert m.first == m.last == day and m.inferred
    assert str(day.year) in m.reasoning_sv and str(day.year) in m.evidence
    assert text[m.start : m.end] == m.text


@settings(deadline=None)  # the first call loads dateparser's language data
@given(DAYS.filter(lambda d: (d.month, d.day) != (2, 29)), st.integers(1, 5))
def test_several_years_give_a_range_unless_the_weekday_decides(day: dt.date, gap: int) -> None:
    other = day.year + gap
    text = f"den {day.day} {MONTH_NAMES[day.month - 1]}"
    context = f"år {day.year} och år {other}"
    (m,) = in_context(text, context)
    assert (m.first, m.last) == (day, day.replace(year=other)) and not m.is_day
    weekday = ["Måndagen", "Tisdagen", "Onsdagen", "Torsdagen", "Fredagen", "Lördagen", "Söndagen"][day.weekday()]
    (w,) = in_context(f"{weekday} {text}", context)
    same = day.replace(year=other).weekday() == day.weekday()
    assert w.is_day != same and w.first == day


def test_no_year_in_the_context_leaves_the_day_undated() -> None:
    assert in_context("Regionstyrelsen 17 maj", "beslutade på tisdagen") == []


def test_years_in_reads_dates_and_years_alone() -> None:
    assert sorted(years_in("Under 2022 och i april 2021, KS2018/12")) == [2018, 2021, 2022]


@settings(deadline=None)  # the first call loads dateparser's language data
@given(DAYS)
def test_document_date_from_label_place_line_period_or_title(day: dt.date) -> None:
    written = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    later = day + dt.timedelta(days=40)
    assert document_date(["Rubrik", "", f"Publicerad: {written}", "den 1 maj 1999 hände något"])[0].first == day
    assert document_date(["Rubrik", f"Göteborg, {written}", "Till: Socialdepartementet"])[1] == 1
    month = document_date(["Förord", "text", f"Stockholm {MONTH_NAMES[day.month - 1]} {day.year}"])[0]
    assert (month.first.month, month.first.day, month.is_day) == (day.month, 1, False)
    until = f"{later.day} {MONTH_NAMES[later.month - 1]} {later.year}"
    rng = document_date([f"Innehållet publicerades under perioden {written} och {until}"])[0]
    assert (rng.first, rng.last) == (day, later)
    assert document_date([f"Protokoll {day.isoformat()}", "text"])[0].first == day
    assert document_date(["Rubrik", f"Det hände den {written} i en mening."]) is None

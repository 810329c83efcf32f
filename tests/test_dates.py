"""The EDTF subset: what it accepts, what it refuses, and the bounds it derives."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from libya_israel_data.foundations import dates


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023-08", date(2023, 8, 1), date(2023, 8, 31)),
        ("2023-08-22", date(2023, 8, 22), date(2023, 8, 22)),
        ("2024-02-29", date(2024, 2, 29), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2021-11-01~", date(2021, 11, 1), date(2021, 11, 1)),
        ("2022-01?", date(2022, 1, 1), date(2022, 1, 31)),
        ("2005%", date(2005, 1, 1), date(2005, 12, 31)),
        ("2023-08-22/2023-08-23", date(2023, 8, 22), date(2023, 8, 23)),
        ("2010-03/2010-08-08", date(2010, 3, 1), date(2010, 8, 8)),
        ("2023-08-20/2023-08", date(2023, 8, 20), date(2023, 8, 31)),
    ],
)
def test_valid(text: str, earliest: date, latest: date) -> None:
    value = dates.parse(text)
    assert (value.earliest, value.latest) == (earliest, latest)
    assert dates.bounds(text) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2023-02-29", "has no day 29"),
        ("2023-04-31", "has no day 31"),
        ("2023-13", "month 13"),
        ("2023-00", "month 00"),
        ("0000", "year 0000"),
        ("0", "not a date of the form"),
        ("2023-8-1", "not a date of the form"),
        ("23-08-01", "not a date of the form"),
        ("2023-08-01 ", "not a date of the form"),
        ("2023-08-01\n", "not a date of the form"),
        ("٢٠٢٣", "not a date of the form"),
        ("2023-09/2023-08", "runs backwards"),
        ("2023/2024/2025", "exactly one '/'"),
        ("2023-08-22~?", "not a date of the form"),
        ("", "not a date of the form"),
    ],
)
def test_invalid(text: str, reason: str) -> None:
    with pytest.raises(dates.DateError, match=reason):
        dates.parse(text)
    assert dates.bounds(text) == (None, None)


@given(st.dates(min_value=date(1, 1, 1)), st.sampled_from(["", "~", "?", "%"]))
def test_every_calendar_day_round_trips(day: date, qualifier: str) -> None:
    text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}{qualifier}"
    value = dates.parse(text)
    assert value.earliest == value.latest == day
    assert value.start.qualifier == (qualifier or None)


@given(st.integers(1, 9999), st.integers(1, 12))
def test_month_bounds_cover_the_month(year: int, month: int) -> None:
    value = dates.parse(f"{year:04d}-{month:02d}")
    assert value.earliest.day == 1
    assert value.latest.day == calendar.monthrange(year, month)[1]


@given(st.dates(min_value=date(1, 1, 1)), st.dates(min_value=date(1, 1, 1)))
def test_intervals_accept_forwards_and_refuse_backwards(a: date, b: date) -> None:
    text = f"{a.isoformat()}/{b.isoformat()}"
    if a <= b:
        assert (dates.parse(text).earliest, dates.parse(text).latest) == (a, b)
    else:
        with pytest.raises(dates.DateError, match="backwards"):
            dates.parse(text)


def test_pattern_matches_the_parser() -> None:
    import re

    for text in ("2023", "2023-08-22~", "2023/2024", "2023-08-01/2023-09-01?"):
        assert re.fullmatch(dates.PATTERN, text)
    for text in ("2023-8-1", "0", "2023-08-01\n"):
        assert not re.fullmatch(dates.PATTERN, text)

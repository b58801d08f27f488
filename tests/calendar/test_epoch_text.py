"""``epoch_text``: an instant out of the supported years, as the E123 message quotes it, written as a date
whatever its year (it was ``253402304399 seconds after 1970-01-01T00:00:00Z`` past the year 9999)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sla_dsl.calendars.bounds import epoch_text

EPOCH = dt.datetime(1970, 1, 1)


@given(st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59, 59)))
def test_the_years_datetime_holds_are_written_as_datetime_writes_them(t: dt.datetime) -> None:
    seconds = (t - EPOCH) // dt.timedelta(microseconds=1) / 1_000_000
    assert epoch_text(seconds) == (EPOCH + dt.timedelta(seconds=seconds)).isoformat() + "Z"


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_each_day_follows_the_day_before(days: int) -> None:
    """Whole days far past datetime's years: a day's last second is its own, the next second the next day's."""
    today, tomorrow = epoch_text(days * 86_400), epoch_text((days + 1) * 86_400)
    assert today.endswith("T00:00:00Z") and tomorrow.endswith("T00:00:00Z")
    assert epoch_text((days + 1) * 86_400 - 1) == today.replace("T00:00:00Z", "T23:59:59Z")
    (y, m, d), (y2, m2, d2) = _date(today), _date(tomorrow)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    assert (y2, m2, d2) == ((y, m, d + 1) if d < last else (y, m + 1, 1) if m < 12 else (y + 1, 1, 1))


def _date(text: str) -> tuple[int, int, int]:
    """(year, month, day) of an ``epoch_text``, its year signed."""
    year, month, day = text[: -len("T00:00:00Z")].rsplit("-", 2)
    return int(year), int(month), int(day)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (253402304399, "+10000-01-01T00:59:59Z"),  # 9999-12-31T23:59:59-01:00
        (-62135600400, "0000-12-31T23:00:00Z"),  # 0001-01-01T00:00:00+01:00: year 0 is 1 BC
        (-62167219200 - 86_400, "-0001-12-31T00:00:00Z"),
        (-62162121600, "0000-02-29T00:00:00Z"),  # a leap year, as every fourth hundred
        (1.5, "1970-01-01T00:00:01.500000Z"),
    ],
)
def test_years_past_datetime(seconds: float, text: str) -> None:
    assert epoch_text(seconds) == text

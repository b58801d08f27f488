"""A moved maintenance window's iCalendar ``DESCRIPTION`` writes its scheduled day as the reports write a date.

``every month on 1st tue`` meets 文化の日 (Tue 3 Nov 2026) and moves to the next business day: the feed says
``2026年11月3日(火)（文化の日）から延期`` / ``postponed from Tue 3 Nov 2026 (Culture Day)``, the date form of every
report (:func:`sla_dsl.i18n.format_date`: ``(火)`` half width, ``3 Nov``), not a form of its own (``（火）``,
``2026-11-03``). A calendar entry is read on its own, so the year is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from sla_dsl.calendars.recurrence import Window
from sla_dsl.i18n import format_date
from sla_dsl.report.ical import _moved

from .helpers import POLICY, sla

TOKYO = dt.timezone(dt.timedelta(hours=9))


def _window(scheduled: dt.date, day: dt.date) -> Window:
    start = dt.datetime(day.year, day.month, day.day, 22, tzinfo=TOKYO)
    return Window(
        start=start,
        end=start + dt.timedelta(hours=2),
        name="regular",
        scheduled=scheduled,
        day=day,
        moved=True,
        reason="Culture Day",
        reason_ja="文化の日",
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "2026年11月3日(火)（文化の日）から延期"),
        ("en", "postponed from Tue 3 Nov 2026 (Culture Day)"),
    ],
)
def test_a_postponed_window_in_the_feed(tmp_path: Path, lang: str, said: str) -> None:
    policy = tmp_path / "tue.sla"
    text = POLICY.read_text(encoding="utf-8")
    assert "every month on 4th thu, 22:00-24:00" in text
    policy.write_text(text.replace("every month on 4th thu", "every month on 1st tue"), encoding="utf-8")
    code, out, err = sla(
        "maintenance", policy, "--from", "2026-11-01", "--to", "2026-12-01", "--format", "ics", "--lang", lang
    )
    assert code == 0, err
    (event,) = Calendar.from_ical(out).walk("VEVENT")
    assert event.decoded("dtstart").date() == dt.date(2026, 11, 4)
    assert str(event["description"]) == said


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_day_is_the_reports_date_with_its_year(lang: str) -> None:
    scheduled = dt.date(2027, 1, 5)
    later = _moved(_window(scheduled, dt.date(2027, 1, 6)), lang)
    earlier = _moved(_window(scheduled, dt.date(2027, 1, 4)), lang)
    day = format_date(scheduled, lang)  # the reports' date, with its year
    assert day in later and day in earlier
    assert later != earlier  # postponed / brought forward
    assert "（火）" not in later and "2027-01-05" not in later

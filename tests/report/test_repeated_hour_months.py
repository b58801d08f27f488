"""A month added to a time, and the same-day cutoff's words, across daylight-saving changes.

``within 1 month`` from 02:30 EST on 8 Feb 2026 in New York lands on 02:30 of 8 Mar, a wall time the
clock skips. The due instant was right (read with the offset before the jump, as RFC 5545 reads such a
time: 07:30 UTC), but it was written as that skipped wall time, ``2026-03-08T02:30:00-05:00``; it is
now written as the clock shows it, ``03:30:00-04:00`` (docs/reference/language.en.md: Durations). A
month that lands in the repeated hour is its first occurrence. The same-day guideline's cutoff in an
incident's steps wrote a repeated time without the offset that says which of the two it is.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sla_dsl.lang import model as m
from sla_dsl.policy.compiled import add_calendar_duration

from .helpers import sla

NY = ZoneInfo("America/New_York")

POLICY = """sla "M" {
  format 1
  version "1"
  effective 2020-01-01
  timezone America/New_York
  languages en
}
calendar business "Business" {
  days mon..sun
  hours 00:00-03:00
}
priority M1 "Month" {
  respond within 1 month
}
priority S1 "Same day" {
  respond within 3 business hours
  same day if received 2 hours before close of business
}
"""


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        # into the spring gap: the instant 07:30 UTC, as the clock shows it
        (dt.datetime(2026, 2, 8, 2, 30, tzinfo=NY), 1, "2026-03-08T03:30:00-04:00"),
        # into the repeated hour: its first occurrence, whichever occurrence the start was (1 Nov 2020
        # and 1 Nov 2026 are both the day New York's clocks go back)
        (dt.datetime(2026, 10, 1, 1, 30, tzinfo=NY), 1, "2026-11-01T01:30:00-04:00"),
        (dt.datetime(2020, 11, 1, 1, 30, fold=1, tzinfo=NY), 72, "2026-11-01T01:30:00-04:00"),
        # the day kept to the month's end
        (dt.datetime(2026, 1, 31, 12, 0, tzinfo=NY), 1, "2026-02-28T12:00:00-05:00"),
    ],
)
def test_a_month_is_a_wall_calendar_month_written_as_the_clock_shows_it(
    start: dt.datetime, months: int, due: str
) -> None:
    got = add_calendar_duration(start, m.Duration(amount=months, unit=m.TimeUnit.MONTH))
    assert got.isoformat() == due
    assert got.timestamp() == dt.datetime.fromisoformat(due).timestamp()
    assert got.astimezone(dt.UTC).astimezone(NY).isoformat() == due  # (a wall time the zone shows)


def test_sla_deadline_writes_the_due_time_as_the_clock_shows_it(tmp_path: Path) -> None:
    policy = tmp_path / "m.sla"
    policy.write_text(POLICY, "utf-8")
    code, out, err = sla(
        "deadline", policy, "--priority", "M1", "--from", "2026-02-08T02:30:00-05:00", "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["response_due"] == "2026-03-08T03:30:00-04:00"


def test_the_same_day_cutoff_in_the_repeated_hour_says_which(tmp_path: Path) -> None:
    # 1 Nov 2026 closes at 03:00 EST (08:00 UTC): the cutoff 2 hours before is 01:00 EST, the second 01:00
    policy, log = tmp_path / "m.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    event = {"event": "incident.reported", "at": "2026-11-01T00:30:00-04:00", "id": "S", "priority": "S1"}
    log.write_text(json.dumps(event) + "\n", "utf-8")
    code, out, err = sla("evaluate", policy, log, "--from", "2026-11-01", "--to", "2026-11-02", "--format", "json")
    assert code == 0, err
    [incident] = json.loads(out)["incidents"]
    said = [s["text"] for s in incident["explain"] if s["text"].startswith("same-day guideline")]
    assert said and "clock started by 01:00 (-05:00) on a business day" in said[0], said

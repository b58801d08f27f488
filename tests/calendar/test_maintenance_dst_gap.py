"""A maintenance window wholly inside a daylight-saving gap has no time on the clock: it is no window.

Europe/London jumps from 01:00 to 02:00 on the last Sunday of March. A weekly ``01:00-02:00`` window
was listed that day as ``02:00+01:00/02:00+01:00``: an empty window in ``sla maintenance``, the
calendar (``02:00-02:00``) and the iCalendar feed (an event whose start is its end). A window across
the gap is shorter, and one in the autumn repeat longer, as a calendar's hours are.
"""

from __future__ import annotations

import sla_dsl

POLICY = """sla "London" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Europe/London
  languages en
}

calendar always "Always" {
  days mon..sun
  hours 00:00-24:00
}

maintenance night "Night" {
  every week on sun, 01:00-02:00
}

maintenance across "Across" {
  every month on last sun, 00:30-02:30
}

priority P1 "Urgent" {
  respond within 1 hour
}
"""


def _windows(start: str, end: str) -> list[tuple[str, str, str]]:
    policy = sla_dsl.load_policy(POLICY)
    return [(w.name, w.start.isoformat(), w.end.isoformat()) for w in policy.maintenance_windows(start, end)]


def test_a_window_wholly_inside_the_spring_gap_is_no_window() -> None:
    assert _windows("2026-03-28", "2026-03-30") == [
        ("across", "2026-03-29T00:30:00+00:00", "2026-03-29T02:30:00+01:00"),  # 1 hour on the clock
    ]
    # the Sundays either side keep theirs
    assert [w[1] for w in _windows("2026-03-22", "2026-03-23")] == ["2026-03-22T01:00:00+00:00"]
    assert [w[1] for w in _windows("2026-04-05", "2026-04-06")] == ["2026-04-05T01:00:00+01:00"]


def test_a_window_in_the_autumn_repeat_runs_its_two_hours() -> None:
    assert _windows("2026-10-25", "2026-10-26") == [
        ("across", "2026-10-25T00:30:00+01:00", "2026-10-25T02:30:00+00:00"),
        ("night", "2026-10-25T01:00:00+01:00", "2026-10-25T02:00:00+00:00"),
    ]

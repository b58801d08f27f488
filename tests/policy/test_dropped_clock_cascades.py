"""A clock dropped for its own error sets off no error pointing elsewhere.

A `response` clock dropped for a wrong `at risk at` line left the plain `respond within` to fall back
on the first remaining clock, so a second clock with a life cycle got E242 (whose help said to declare
`clock response`, which was declared). A clock written without its name (Jira's `clock "Time to
resolution"`) was not known as dropped at all: every target on it got E240, and the events only it
named got W247.
"""

from __future__ import annotations

import pytest
from policy_edits import found, line_of

HEAD = """sla "X" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}

calendar business {
  days mon..fri
  hours 09:00-17:00
}
"""

RESOLUTION = (
    "clock resolution { starts at incident.reported  pauses at incident.info_provided"
    " until incident.customer_replied  stops at incident.resolved }\n"
)
P1 = """priority P1 {
  respond within 4 business hours
  resolve within 8 business hours on resolution
}
"""


@pytest.mark.parametrize(
    ("risk", "code"),
    [
        ("at risk at 75%, 50% of target", "E215"),  # thresholds out of order: dropped by the builder
        ("at risk at 75%, 50%", "E011"),  # `of target` left off: does not parse
    ],
)
def test_a_dropped_response_clock_is_the_one_error(risk: str, code: str) -> None:
    text = HEAD + f"clock response {{ starts at incident.reported  {risk} }}\n" + RESOLUTION + P1
    assert found(text) == [(code, line_of(text, "clock response"))]


def test_without_a_response_clock_the_first_still_measures_the_plain_target() -> None:
    text = HEAD + RESOLUTION + P1
    assert [c for c, _ in found(text)] == ["E242"]


UNNAMED = """event incident.reopened "Reopened"
clock response { starts at incident.reported }
clock "Time to resolution" [art 1] {
  starts at incident.reported
  restarts at incident.reopened
  stops at incident.resolved
}
""" + "".join(
    f"""priority P{n} {{
  respond within 4 business hours
  resolve within 8 business hours on ttr
}}
"""
    for n in range(1, 5)
)


def test_a_clock_without_its_name_is_the_one_error() -> None:
    text = HEAD + UNNAMED
    assert found(text) == [("E011", line_of(text, 'clock "Time'))]


def test_a_named_clock_missing_is_still_reported() -> None:
    text = HEAD + UNNAMED.replace('clock "Time to resolution" [art 1]', "clock resolution [art 1]")
    assert {c for c, _ in found(text)} == {"E240", "W240"}  # (ttr is missing; resolution is unused)

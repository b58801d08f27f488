"""The response clock counts the plain ``respond within`` from its start events, and from the report when
none came: a response clock that does not name ``incident.reported`` would be judged from an event it does
not say, so it is refused (E220) at its ``starts at`` line with the fallback to add."""

from __future__ import annotations

from sla_dsl.policy import compile_text

HEAD = """sla "T" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business {
  days mon..fri
  hours 10:00-18:00
}
priority P1 {
  respond within 4 business hours
}
"""


def _e220(clock: str) -> list[str]:
    return [
        f"{d.span.line}: {d.message} / {d.help}" for d in compile_text(HEAD + clock).diagnostics if d.code == "E220"
    ]


def test_a_response_clock_without_the_report_is_refused_at_its_starts_line() -> None:
    found = _e220('clock response "R" {\n  starts at incident.product_suspected\n}\n')
    assert len(found) == 1 and found[0].startswith("16: "), found  # the `starts at` line, not the clock's 15
    assert "`starts at incident.product_suspected, else incident.reported`" in found[0]


def test_with_the_report_among_its_starts_it_is_judged() -> None:
    assert _e220('clock response "R" {\n  starts at incident.product_suspected, else incident.reported\n}\n') == []
    assert _e220('clock response "R" {\n  starts at incident.reported\n}\n') == []


def test_a_named_clock_may_start_without_the_report() -> None:
    """A named clock that never starts is ``not_applicable`` (it implies nothing): not refused."""
    clocks = (
        'clock response "R" {\n  starts at incident.reported\n}\n'
        'clock work "W" {\n  starts at incident.product_suspected\n  stops at incident.resolved\n}\n'
    )
    assert _e220(clocks) == []

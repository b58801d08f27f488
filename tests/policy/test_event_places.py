"""A finding about one event of a line points at that event, once per place it is named.

* E244 (a clock, or an ``update ... by`` line, naming an event of another record than an incident's):
  one finding per place, at the event (its line, column and width), as E245 and E221 are; the event
  named in a pause's ``until`` and again in ``stops at`` is two findings, not one at the clock.
* E220 on a notify rule: the ``met by`` event of another kind of record than its ``after``, and an
  ``after`` event that starts no judged target, at that event, not at the rule's first line.
* The language server's range is the event's too.
"""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

HEAD = """sla "E" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
}
calendar business { days mon..fri hours 09:00-18:00 }
clock response { starts at incident.reported }
"""

CLOCK = """clock resolution {
  starts at incident.reported
  pauses at incident.info_provided until incident.customer_replied, outage.ended
  stops at outage.ended
}
priority P1 {
  respond within 4 business hours
  resolve within 8 business hours on resolution
}
"""

UPDATE = """priority P1 {
  respond within 4 hours
  update every 2 hours on response by incident.responded, outage.notified
}
"""

NOTIFY = """notify first_report "First report" {
  within 30 minutes after incident.reported
  met by outage.notified
}
notify announced {
  within 30 minutes after stop.announced
  met by stop.announced
}
"""


def _errors(text: str, code: str) -> list[Diagnostic]:
    return [d for d in compile_text(text).diagnostics if d.code == code]


def _places(text: str, word: str, after: str) -> list[tuple[int, int, int]]:
    """(line, column, end column) of ``word`` in each line of ``text`` that has ``after`` before it."""
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        at = line.find(after)
        if at >= 0 and word in line[at:]:
            column = line.index(word, at) + 1
            out.append((number, column, column + len(word)))
    return out


def _spans(found: list[Diagnostic]) -> list[tuple[int, int, int]]:
    return [(d.span.line, d.span.column, d.span.end_column) for d in found]


def test_each_outage_event_of_a_clock_is_its_own_finding_at_the_event() -> None:
    text = HEAD + CLOCK
    found = _errors(text, "E244")
    expected = _places(text, "outage.ended", "until") + _places(text, "outage.ended", "stops at")
    assert len(expected) == 2
    assert _spans(found) == expected
    assert all(d.span.end_line == d.span.line for d in found)


def test_a_clock_starting_on_an_outage_event_points_at_it() -> None:
    text = HEAD + CLOCK.replace("starts at incident.reported", "starts at outage.started")
    found = _errors(text, "E244")
    starts = _places(text, "outage.started", "starts at")
    assert _spans(found)[:1] == starts and len(found) == 3


def test_an_update_by_an_outage_event_points_at_the_event() -> None:
    text = HEAD + UPDATE
    (d,) = _errors(text, "E244")
    assert _spans([d]) == _places(text, "outage.notified", " by ")


def test_a_notify_rule_of_two_kinds_of_record_points_at_its_met_by_event() -> None:
    text = HEAD + NOTIFY
    records, event = _errors(text, "E220")
    assert "outage.notified" in records.message
    assert _spans([records]) == _places(text, "outage.notified", "met by")
    assert "stop.announced" in event.message
    assert _spans([event]) == _places(text, "stop.announced", "after")


def test_the_language_server_marks_the_event() -> None:
    pytest.importorskip("pygls")
    from sla_dsl.authoring.lsp import Documents

    text = HEAD + CLOCK
    found = [d for d in Documents().check("file:///e244.sla", text) if d.code == "E244"]
    ranges = [(r.start.line, r.start.character, r.end.line, r.end.character) for r in (d.range for d in found)]
    assert ranges == [(line - 1, start - 1, line - 1, end - 1) for line, start, end in _spans(_errors(text, "E244"))]
    lines = text.split("\n")
    assert {lines[a][b:d] for a, b, _, d in ranges} == {"outage.ended"}

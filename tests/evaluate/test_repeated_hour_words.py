"""A wall-clock time in the hour a zone repeats (New York, 1 November 2026: 01:00-02:00 twice) is said
with its offset, in the engine's English and in the report's words: "due 01:40: responded 01:35" was
said of a response at 01:35 EST, after a due time of 01:40 EDT, and read as early."""

from __future__ import annotations

import datetime as dt

import sla_dsl
from sla_dsl.i18n import format_datetime, offset_if_repeated
from sla_dsl.report.render import render

POLICY = """sla "NY desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  languages ja, en
}
calendar desk "Desk" {
  days mon..sun
  hours 00:00-24:00
}
priority P1 "P1" {
  respond within 4 desk hours
}
"""
EVENTS = [  # due 01:40 EDT (4 hours after 21:40 EDT); answered 01:35 EST, an hour after it
    {"event": "incident.reported", "at": "2026-10-31T21:40:00-04:00", "id": "INC-3", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-01T01:35:00-05:00", "id": "INC-3"},
]
NY = dt.timezone(dt.timedelta(hours=-4))


def _report() -> sla_dsl.Report:
    start, end = dt.datetime(2026, 10, 1, tzinfo=NY), dt.datetime(2026, 12, 1, tzinfo=NY)
    return sla_dsl.evaluate(sla_dsl.load_policy(POLICY), EVENTS, start, end)


def test_the_engine_says_which_0140_it_means() -> None:
    (v,) = [v for v in _report().violations if v.kind == "response_breached"]
    assert "Sun 01 Nov 01:40 (-04:00)" in v.message and "Sun 01 Nov 01:35 (-05:00)" in v.message, v.message


def test_the_report_says_it_in_both_languages() -> None:
    report = _report()
    for lang in ("ja", "en"):
        out = render(report, "text", lang=lang, limit=0)
        assert "01:40 (-04:00)" in out and "01:35 (-05:00)" in out, lang


def test_a_time_that_happens_once_has_no_offset() -> None:
    tokyo = dt.datetime(2026, 11, 1, 1, 40, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert offset_if_repeated(tokyo) == "" and format_datetime(tokyo, "en").endswith("01:40")
    from zoneinfo import ZoneInfo

    ny = ZoneInfo("America/New_York")
    assert offset_if_repeated(dt.datetime(2026, 11, 1, 0, 59, tzinfo=ny)) == ""
    assert offset_if_repeated(dt.datetime(2026, 11, 1, 1, 0, tzinfo=ny)) == " (-04:00)"
    assert offset_if_repeated(dt.datetime(2026, 11, 1, 1, 59, fold=1, tzinfo=ny)) == " (-05:00)"
    assert offset_if_repeated(dt.datetime(2026, 11, 1, 2, 0, tzinfo=ny)) == ""

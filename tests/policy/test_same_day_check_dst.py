"""W301 (the same-day guideline contradicts the response target) agrees with the evaluator on DST days.

The evaluator counts the guideline's lead back from the close in exact seconds: ``4 hours
before close`` of a night desk closing at Sun 8 Mar 2026 06:00 New York time (EDT, after
the clock skipped 02:00-03:00) is 01:00 EST, and 4 night hours from there end at the close.
The check once subtracted on the wall clock (06:00 - 4 h = 02:00, which does not exist and
was read as 03:00 EDT), found that clock due the next day and warned, so ``sla check``
failed a sound policy. The property: for policies in zones with whole- and half-hour
changes, W301 is given exactly when some day of the check's horizon has, by the
evaluator, a clock at the cutoff due after the close; the days' closes come from a
reference walking the calendar's wall clock minute by minute with ``zoneinfo``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.lang.check import CHECK_HORIZON_DAYS

MINUTE = dt.timedelta(minutes=1)
EFFECTIVE = dt.date(2026, 1, 1)

#: name -> (zone, hours, response target, lead before close, W301 expected)
CASES = {
    # the reviewer's policy: the spring day's false warning
    "new_york_night": ("America/New_York", "00:00-06:00", "4 night hours", "4 hours", False),
    # a break that the spring gap swallows: 150 minutes still fit after the exact cutoff
    "new_york_break": ("America/New_York", "01:00-02:30, 03:00-05:00", "150 night minutes", "3 hours", False),
    # Lord Howe's half-hour change at 02:00
    "lord_howe_night": ("Australia/Lord_Howe", "00:00-06:00", "4 night hours", "4 hours", False),
    "london_night": ("Europe/London", "00:00-06:00", "4 night hours", "4 hours", False),
    # a real contradiction, every day: still warned
    "new_york_too_long": ("America/New_York", "00:00-06:00", "5 night hours", "4 hours", True),
}


def _text(zone: str, hours: str, target: str, lead: str) -> str:
    return f"""
sla "Night desk" {{
  format 1
  version "1"
  effective {EFFECTIVE}
  timezone {zone}
  languages en
}}
calendar night "Night desk" {{
  days mon..sun
  hours {hours}
}}
priority P1 "P1" {{
  respond within {target}
  same day if received {lead} before close of night
}}
"""


def _ranges(hours: str) -> list[tuple[int, int]]:
    out = []
    for r in hours.split(", "):
        a, b = r.split("-")
        out.append((int(a[:2]) * 60 + int(a[3:]), int(b[:2]) * 60 + int(b[3:])))
    return out


def _open_day(zone: str, hours: str, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """(first open minute, end of the last one) of ``day``: every UTC minute whose wall clock
    reads a time of ``day`` inside its hours is open (the cases' hours end by 06:00, so the
    minutes from two hours before the day's midnight to ten after it hold them all)."""
    tz = ZoneInfo(zone)
    ranges = _ranges(hours)
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(dt.UTC)
    opened = []
    u = midnight - dt.timedelta(hours=2)
    while u < midnight + dt.timedelta(hours=10):
        local = u.astimezone(tz)
        wall = local.hour * 60 + local.minute
        if local.date() == day and any(s <= wall < e for s, e in ranges):
            opened.append(u)
        u += MINUTE
    return opened[0], opened[-1] + MINUTE


def _lead(text: str) -> dt.timedelta:
    amount, unit = text.split()
    return dt.timedelta(**{unit if unit.endswith("s") else unit + "s": int(amount)})


def _evaluator_contradicts(zone: str, hours: str, target: str, lead: str) -> list[str]:
    """The days of the check's horizon on which, by the evaluator, a clock at the cutoff is due
    after the close (the guideline's own facts checked on the way)."""
    policy = sla_dsl.load_policy(_text(zone, hours, target, lead))
    starts = {}
    for k in range(1, CHECK_HORIZON_DAYS + 1):
        day = EFFECTIVE + dt.timedelta(days=k)
        first, close = _open_day(zone, hours, day)
        cutoff = close - _lead(lead)
        midnight = dt.datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone))
        if cutoff >= max(first - dt.timedelta(hours=2), midnight):  # the guideline covers a clock of the day
            starts[f"D{day}"] = (cutoff, close)
    events = [
        {"event": "incident.reported", "at": cutoff.isoformat(), "id": ident, "priority": "P1"}
        for ident, (cutoff, _) in starts.items()
    ]
    tz = ZoneInfo(zone)
    first_day, last_day = min(c for c, _ in starts.values()), max(c for _, c in starts.values())
    report = sla_dsl.evaluate(
        policy, events, first_day.astimezone(tz) - dt.timedelta(days=1), last_day + dt.timedelta(days=3)
    )
    bad = []
    for row in report.incidents:
        cutoff, close = starts[row.id]
        assert row.same_day.applies and row.same_day.due == close, (row.id, row.same_day)
        if row.response_due > close:
            bad.append(row.id)
    return bad


@pytest.mark.parametrize("name", sorted(CASES))
def test_w301_agrees_with_the_evaluator(name: str) -> None:
    zone, hours, target, lead, expected = CASES[name]
    found = [d for d in sla_dsl.compile_policy(_text(zone, hours, target, lead)).diagnostics if d.code == "W301"]
    contradicting = _evaluator_contradicts(zone, hours, target, lead)
    assert bool(contradicting) is expected
    assert bool(found) is bool(contradicting), (found, contradicting[:3])


def test_the_reviewers_policy_checks_clean() -> None:
    diagnostics = sla_dsl.compile_policy(_text(*CASES["new_york_night"][:4])).diagnostics
    assert [d.code for d in diagnostics] == []


def test_a_warning_on_a_dst_day_words_exact_times() -> None:
    # Effective the day before the spring change, so the change day is the first day checked:
    # it has 5 open hours (00:00 EST to 06:00 EDT), the exact cutoff is 01:00 EST (06:00 UTC, not
    # the 02:00 the clock skips) and 5 hours before close, the opening, is the lead that fits.
    text = _text("America/New_York", "00:00-06:00", "5 night hours", "4 hours").replace(
        f"effective {EFFECTIVE}", "effective 2026-03-07"
    )
    (w301,) = [d for d in sla_dsl.compile_policy(text).diagnostics if d.code == "W301"]
    assert "a clock starting Sun 2026-03-08 01:00 is due Mon 2026-03-09 01:00" in w301.message
    assert "same day if received 5 hours before close of night" in str(w301.help)


SHORT_FRIDAY = """
sla "Desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en
}
calendar business "Business" {
  hours mon..thu 09:00-17:00
  hours fri 09:00-12:00
}
priority P1 "P1" {
  respond within 4 business hours
  same day if received LEAD before close of business
}
"""


def test_a_cutoff_before_the_opening_is_checked_too() -> None:
    """Friday is open 09:00-12:00: received by 08:00 (4 hours before close) is due Monday 10:00 by the
    target, which the evaluator finds and the check skipped (a cutoff before the opening). No lead helps
    on a day shorter than the target, and the help says so instead of ``received more hours before``."""
    text = SHORT_FRIDAY.replace("LEAD", "4 hours")
    (w301,) = [d for d in sla_dsl.compile_policy(text).diagnostics if d.code == "W301"]
    assert "a clock starting Fri 2026-01-02 08:00 is due Mon 2026-01-05 10:00" in w301.message
    assert "that day's hours (09:00-12:00) are shorter than the target" in str(w301.help)
    report = sla_dsl.evaluate(
        sla_dsl.load_policy(text),
        [{"event": "incident.reported", "at": "2026-01-02T08:00:00+00:00", "id": "F", "priority": "P1"}],
        "2026-01-01",
        "2026-01-10",
    )
    [row] = report.incidents
    assert row.same_day.applies and row.response_due > row.same_day.due  # (what W301 says)


def test_a_cutoff_before_the_days_midnight_covers_no_clock() -> None:
    """14 hours before Friday's 12:00 close is Thursday 22:00: no clock of Friday is covered, and Monday to
    Thursday's cutoff at 03:00 is due by 13:00 the same day."""
    text = SHORT_FRIDAY.replace("LEAD", "14 hours")
    assert [d.code for d in sla_dsl.compile_policy(text).diagnostics if d.code == "W301"] == []


def test_a_lead_in_business_hours_is_counted_back_in_open_time() -> None:
    """Hours 09:00-12:00, 13:00-17:00 (Friday too), 5 business hours before close: the cutoff is 11:00
    (four open hours after 13:00 and one before 12:00), not 12:00 less the lunch hour's worth. With a
    target of 4 business hours a clock at 11:00 is due 16:00, the same day: no W301; with 6, due the next
    day. (The check took five flat hours off the close: 12:00, due 17:00 with 5, and missed it with 6.)"""
    base = SHORT_FRIDAY.replace(
        "  hours mon..thu 09:00-17:00\n  hours fri 09:00-12:00\n", "  days mon..fri\n  hours 09:00-12:00, 13:00-17:00\n"
    )
    assert base != SHORT_FRIDAY
    text = base.replace("LEAD", "5 business hours")
    assert [d.code for d in sla_dsl.compile_policy(text).diagnostics if d.code == "W301"] == []
    (w301,) = [
        d
        for d in sla_dsl.compile_policy(text.replace("respond within 4", "respond within 6")).diagnostics
        if d.code == "W301"
    ]
    assert "a clock starting Fri 2026-01-02 11:00" in w301.message

"""Availability across policy versions, whatever the report's window: the measurement periods are laid
out by the versions alone (the version in force at a period's start judges all of it, with its own
measurement period) and ``--from``/``--to`` only cut them. A one-month report inside a quarter begun
under an earlier version shows that quarter, cut and not final, and owes no credit the quarter's and the
year's reports do not owe."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_dsl
from evaluate.helpers import TZ
from sla_dsl.report import Report
from sla_dsl.report.periods import service_figure

HEAD = """sla "Q" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  languages en
}}
calendar always "24x7" {{
  days mon..sun
  hours 00:00-24:00
}}
service content "Content" {{
  hours always
{availability}}}
clock response "Response" {{
  starts at incident.reported
}}
priority P1 "Urgent" {{
  respond within 4 hours
  complete on incident.resolved
}}
"""


def _target(percent: str, period: str) -> str:
    return f"  availability target {percent}% {period}\n  credit below {percent}% 10%\n"


def _version(version: str, effective: dt.date, availability: str) -> sla_dsl.Policy:
    return sla_dsl.load_policy(HEAD.format(version=version, effective=effective, availability=availability))


def _at(day: dt.date, hour: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), TZ)


def _outage(ident: str, day: dt.date, start: int, end: int) -> list[dict[str, Any]]:
    return [
        {"event": "outage.started", "at": _at(day, start).isoformat(), "id": ident, "service": "content"},
        {"event": "outage.ended", "at": _at(day, end).isoformat(), "id": ident},
    ]


AS_OF = _at(dt.date(2028, 1, 1))


def _report(versions: list[sla_dsl.Policy], events: list[dict[str, Any]], lo: dt.date, hi: dt.date) -> Report:
    return sla_dsl.evaluate(versions, events, _at(lo), _at(hi), AS_OF)


Row = tuple[str, str, str, float | None, bool | None, bool]


def _rows(report: Report) -> list[Row]:
    return [
        (p.period, p.start.date().isoformat(), p.end.date().isoformat(), p.target, p.met, p.complete)
        for p in report.availability_periods
    ]


def _credits(report: Report) -> list[tuple[str, str, float]]:
    return [(c.start.date().isoformat(), c.end.date().isoformat(), c.credit_percent) for c in report.credits]


D = dt.date

#: repro A: version 1 quarterly 99.5%, version 2 (from 1 November) monthly 99.9%; two hours down on
#: 20 December, in version 1's fourth quarter (begun 1 October, before version 2's date)
A = [
    _version("1", D(2026, 4, 1), _target("99.5", "quarterly")),
    _version("2", D(2026, 11, 1), _target("99.9", "monthly")),
]
A_EVENTS = _outage("O3", D(2026, 12, 20), 0, 2)


def test_a_month_inside_a_quarter_begun_under_an_earlier_version_is_that_quarter_cut() -> None:
    quarter = _report(A, A_EVENTS, D(2026, 10, 1), D(2027, 1, 1))
    assert _rows(quarter) == [("quarter", "2026-10-01", "2027-01-01", 99.5, True, True)]
    december = _report(A, A_EVENTS, D(2026, 12, 1), D(2027, 1, 1))
    (row,) = december.availability_periods
    assert _rows(december) == [("quarter", "2026-12-01", "2027-01-01", 99.5, True, False)]
    assert round(row.ratio * 100, 4) == 99.7312  # (December's own figure, against version 1's 99.5%)
    assert december.credits == [] and not [v for v in december.violations if v.kind == "availability"]
    # version 2's months start when version 1's quarter ends
    year = _report(A, A_EVENTS, D(2026, 4, 1), D(2027, 4, 1))
    assert [r[:3] for r in _rows(year)] == [
        ("quarter", "2026-04-01", "2026-07-01"),
        ("quarter", "2026-07-01", "2026-10-01"),
        ("quarter", "2026-10-01", "2027-01-01"),
        ("month", "2027-01-01", "2027-02-01"),
        ("month", "2027-02-01", "2027-03-01"),
        ("month", "2027-03-01", "2027-04-01"),
    ]
    assert year.credits == []


def test_the_trend_reads_each_month_as_its_own_report_does() -> None:
    """The year's trend gives December the figure of December's own report, which is version 1's quarter
    cut to December (no month of version 2's exists before January)."""
    year = _report(A, A_EVENTS, D(2026, 10, 1), D(2027, 1, 1))
    for month in year.trend:
        (figure,) = [f for f in month.figures if f.commitment == "availability"]
        own = _report(A, A_EVENTS, month.start.date(), month.end.date())
        assert [r[0] for r in _rows(own)] == ["quarter"] and own.credits == []
        assert figure.ratio == service_figure(own, "content")


#: repro B: version 1 monthly 99.5%, version 2 (from 15 October) quarterly 99.9%
B = [
    _version("1", D(2026, 4, 1), _target("99.5", "monthly")),
    _version("2", D(2026, 10, 15), _target("99.9", "quarterly")),
]
B_EVENTS = [
    *_outage("O1", D(2026, 10, 5), 0, 3),
    *_outage("O2", D(2026, 10, 20), 0, 2),
    *_outage("O3", D(2026, 12, 20), 0, 2),
]


def test_a_quarterly_version_taking_effect_mid_month_starts_after_the_month_begun_before_it() -> None:
    wide = _report(B, B_EVENTS, D(2026, 9, 1), D(2027, 4, 1))
    assert _rows(wide) == [
        ("month", "2026-09-01", "2026-10-01", 99.5, True, True),
        ("month", "2026-10-01", "2026-11-01", 99.5, False, True),  # (October, begun under version 1)
        ("quarter", "2026-11-01", "2027-01-01", 99.9, False, False),  # (version 2's quarter, from November)
        ("quarter", "2027-01-01", "2027-04-01", 99.9, True, True),
    ]
    assert _credits(wide) == [("2026-10-01", "2026-11-01", 10.0)]
    for lo, hi in [(D(2026, 12, 1), D(2027, 1, 1)), (D(2026, 11, 1), D(2027, 1, 1)), (D(2026, 11, 20), D(2027, 4, 1))]:
        narrow = _report(B, B_EVENTS, lo, hi)
        assert _rows(narrow)[0][:2] == ("quarter", lo.isoformat())
        assert narrow.credits == []
    october = _report(B, B_EVENTS, D(2026, 10, 16), D(2026, 11, 1))
    assert _rows(october) == [("month", "2026-10-16", "2026-11-01", 99.5, False, False)]


def test_a_target_period_begun_before_a_version_that_only_measures_is_still_shown() -> None:
    """Repro C: version 2 (from 15 October) only measures; version 1's October target period, begun on
    1 October, is judged by version 1 in a report from 20 October as in one from 1 October."""
    versions = [
        _version("1", D(2026, 4, 1), _target("99.5", "monthly")),
        _version("2", D(2026, 10, 15), "  availability measured\n"),
    ]
    events = _outage("O2", D(2026, 10, 25), 0, 5)
    whole = _report(versions, events, D(2026, 10, 1), D(2026, 11, 1))
    assert _rows(whole) == [
        ("month", "2026-10-01", "2026-11-01", 99.5, False, True),
        ("month", "2026-10-15", "2026-11-01", None, None, False),
    ]
    assert _credits(whole) == [("2026-10-01", "2026-11-01", 10.0)]
    cut = _report(versions, events, D(2026, 10, 20), D(2026, 11, 1))
    assert _rows(cut) == [
        ("month", "2026-10-20", "2026-11-01", 99.5, False, False),
        ("month", "2026-10-20", "2026-11-01", None, None, False),
    ]
    assert cut.credits == []


# -- any versions, any window ------------------------------------------------------------------------

FIRST = D(2026, 1, 1)
LAST = D(2028, 1, 1)  # (the widest report: 2026 and 2027)
SPAN = (LAST - FIRST).days


@st.composite
def _case(draw: st.DrawFn) -> tuple[list[sla_dsl.Policy], list[dict[str, Any]], dt.date, dt.date]:
    days = sorted(set(draw(st.lists(st.integers(1, SPAN - 60), min_size=1, max_size=2))))
    effective = [FIRST - dt.timedelta(days=draw(st.integers(0, 100))), *(FIRST + dt.timedelta(d) for d in days)]
    versions = []
    for i, day in enumerate(effective):
        kind = draw(st.sampled_from(["monthly", "quarterly", "measured"]))
        percent = draw(st.sampled_from(["99", "99.5", "99.9"]))
        body = "  availability measured\n" if kind == "measured" else _target(percent, kind)
        versions.append(_version(str(i + 1), day, body))
    events: list[dict[str, Any]] = []
    for k, d in enumerate(draw(st.lists(st.integers(0, SPAN - 1), max_size=6, unique=True))):
        start = draw(st.integers(0, 20))
        events += _outage(f"O{k}", FIRST + dt.timedelta(d), start, start + draw(st.integers(1, 3)))
    lo = draw(st.integers(0, SPAN - 1))
    hi = draw(st.integers(lo + 1, SPAN))
    return versions, events, FIRST + dt.timedelta(lo), FIRST + dt.timedelta(hi)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_case())
def test_a_window_only_cuts_the_periods_of_the_widest_report(
    case: tuple[list[sla_dsl.Policy], list[dict[str, Any]], dt.date, dt.date],
) -> None:
    versions, events, lo, hi = case
    wide = _report(versions, events, FIRST, LAST)
    narrow = _report(versions, events, lo, hi)
    start, end = _at(lo), _at(hi)
    expected = []
    for p in wide.availability_periods:
        a, b = max(p.start, start), min(p.end, end)
        if a < b:  # (the wide row cut to the window)
            expected.append((p.period, p.target, a, b, p.complete and (a, b) == (p.start, p.end)))
    got = [(p.period, p.target, p.start, p.end, p.complete) for p in narrow.availability_periods]
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    inside = {(p.period, p.target, p.start, p.end): p for p in wide.availability_periods}
    for p in narrow.availability_periods:
        same = inside.get((p.period, p.target, p.start, p.end))
        if same is not None and same.complete:  # (a period the window holds whole: the same row)
            assert p.model_dump(exclude={"explain"}) == same.model_dump(exclude={"explain"})
        else:  # (a cut period is never final)
            assert not p.complete
    assert _credits(narrow) == [c for c in _credits(wide) if lo.isoformat() <= c[0] and c[1] <= hi.isoformat()]
    owed = {(c.start, c.end) for c in narrow.credits}
    assert all(p.complete for p in narrow.availability_periods if (p.start, p.end) in owed)

"""The table of calendar cases, checked against the engine and the slow reference."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from calendar_reference import (
    CALENDARS,
    SlowCalendar,
    format_delta,
    maintenance_from_json,
    parse_delta,
    slow_windows,
)

from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.calendars.recurrence import maintenance_windows
from sla_dsl.lang import model as m

CASES: list[dict[str, Any]] = json.loads((Path(__file__).parent / "cases.json").read_text("utf-8"))
TARGETS = {"P1": (4, m.TimeUnit.HOUR), "P2": (1, m.TimeUnit.DAY), "P3": (5, m.TimeUnit.DAY)}

ENGINES = {name: BusinessCalendar(cal, ZoneInfo(zone)) for name, (cal, zone) in CALENDARS.items()}
REFERENCES = {name: SlowCalendar(cal, zone) for name, (cal, zone) in CALENDARS.items()}


def _id(case: dict[str, Any]) -> str:
    what = case.get("t") or case.get("t1") or case.get("date") or case.get("month")
    return f"{case['calendar']}-{case['op']}-{case.get('priority', case.get('delta', ''))}-{what}"


def _month(text: str) -> tuple[dt.date, dt.date]:
    y, mo = map(int, text.split("-"))
    return dt.date(y, mo, 1), dt.date(y + mo // 12, mo % 12 + 1, 1)


def _run(cal: BusinessCalendar | SlowCalendar, case: dict[str, Any]) -> Any:
    op = case["op"]
    if op in ("add", "due"):
        if op == "due":
            amount, unit = TARGETS[case["priority"]]
            delta = ENGINES[case["calendar"]].business_delta(amount, unit)
        else:
            delta = parse_delta(case["delta"])
        return cal.add(dt.datetime.fromisoformat(case["t"]), delta).isoformat()
    if op == "between":
        b = cal.between(dt.datetime.fromisoformat(case["t1"]), dt.datetime.fromisoformat(case["t2"]))
        return format_delta(b) if not b.microseconds else f"{b.total_seconds()}s"
    if op == "is_business_time":
        return cal.is_business_time(dt.datetime.fromisoformat(case["t"]))
    if op == "next_business_day":
        return cal.next_business_day(dt.date.fromisoformat(case["date"])).isoformat()
    if op == "end_of_nth_business_day":
        t = dt.datetime.fromisoformat(case["t"])
        return cal.end_of_nth_business_day(t, case["n"]).isoformat()
    if op == "maintenance":
        first, last = _month(case["month"])
        rule = maintenance_from_json(case["rule"])
        if isinstance(cal, SlowCalendar):
            return slow_windows(rule, cal, first, last)
        return [
            {
                "start": w.start.isoformat(),
                "end": w.end.isoformat(),
                "scheduled": w.scheduled.isoformat(),
                "day": w.day.isoformat(),
                "moved": w.moved,
            }
            for w in maintenance_windows(rule, cal, cal.tz, first, last)
        ]
    raise AssertionError(f"unknown op {op}")


def test_table_is_large_and_covers_the_issue() -> None:
    assert len(CASES) >= 150
    notes = " ".join(c["note"] for c in CASES)
    for topic in ("Golden Week", "Silver Week", "New Year", "lunch", "Friday", "UTC", "NY", "Berlin"):
        assert topic in notes
    moved = {
        w["scheduled"]
        for c in CASES
        if c["op"] == "maintenance" and c["rule"]["name"] == "regular"
        for w in c["expected"]
        if w["moved"]
    }
    assert moved == {"2023-02-23", "2023-11-23", "2027-09-23", "2028-11-23"}


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_engine(case: dict[str, Any]) -> None:
    assert _run(ENGINES[case["calendar"]], case) == case["expected"], case["note"]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_reference(case: dict[str, Any]) -> None:
    assert _run(REFERENCES[case["calendar"]], case) == case["expected"], case["note"]

"""Every check of a log's values sees every line: a line with problems that two checks find is told both.

A line with an unknown priority and cause and an attribute the policy does not declare was told its E120
and E122 only (the attributes alone, on another line, were E129 and E128): the check of the values took the
event out of the log before the check of the attributes ran. A time outside the supported years (E123) hid
the line's unknown priority the same way, on a line the reader set aside for its form too, and on a log read
for a policy that declares a type the judging one does not (E103). Now the checks note the events they
refuse and the log lets them go once every check has seen them: each line is told all its problems, in line
order, and left out once with ``skip_invalid``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events.reader import read_events
from sla_dsl.reader import EventInputError

HEAD = """sla "T" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en
}}
{events}
calendar always "24h" {{ days mon..sun  hours 00:00-24:00 }}
attribute plan "Plan" {{
  values standard, premium
  default standard
  changes at incident.plan_changed
}}
service portal "Portal" {{ hours always  availability measured }}
priority P1 "P1" {{
  respond within 4 hours
  complete on incident.resolved
}}
exclude force_majeure "FM"
"""
CHANGED = 'event incident.plan_changed "Plan changed"'
POLICY = HEAD.format(events=CHANGED)
#: the same policy declaring one more type of event
ESCALATING = HEAD.format(events=CHANGED + '\nevent incident.escalated "Escalated"')
PERIOD = ("2026-11-01", "2026-12-01")


def reported(ident: str, at: str = "2026-11-03T09:00:00+00:00", **more: Any) -> dict[str, Any]:
    return {"event": "incident.reported", "at": at, "id": ident, **more}


def _problems(events: list[dict[str, Any]], policy: str = POLICY) -> list[tuple[int, str]]:
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(sla_dsl.load_policy(policy), events, *PERIOD)
    return [(p.line, p.code) for p in info.value.problems]


def test_unknown_values_and_undeclared_attributes_of_one_line_are_all_told() -> None:
    events = [
        reported("A", priority="P9", cause="zzz", attributes={"plan": "gold", "x": "1"}),
        reported("C", priority="P1", attributes={"plan": "gold", "x": "1"}),
    ]
    assert _problems(events) == [(1, "E120"), (1, "E122"), (1, "E129"), (1, "E128"), (2, "E129"), (2, "E128")]


def test_a_time_outside_the_years_does_not_hide_the_lines_other_problems() -> None:
    events = [
        reported("B", at="2300-11-03T09:00:00+00:00", priority="P9", attributes={"x": "1"}),
        {"event": "outage.started", "at": "2300-11-03T09:00:00+00:00", "id": "O", "service": "moon"},
        {"event": "incident.plan_changed", "at": "2300-11-04T09:00:00+00:00", "id": "B", "attributes": {"plan": "x"}},
    ]
    assert _problems(events) == [
        (1, "E123"),
        (1, "E120"),
        (1, "E128"),
        (2, "E123"),
        (2, "E130"),
        (3, "E123"),
        (3, "E129"),
    ]


def test_an_undeclared_type_outside_the_years_is_told_both(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    lines = [
        reported("A", priority="P1"),
        {"event": "incident.escalated", "at": "2300-11-04T09:00:00+00:00", "id": "A"},
    ]
    path.write_text("".join(json.dumps(e) + "\n" for e in lines), "utf-8")
    log = read_events(path, declared=sla_dsl.load_policy(ESCALATING).event_types, defer=True)
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(sla_dsl.load_policy(POLICY), log, *PERIOD)
    assert [(p.line, p.code) for p in info.value.problems] == [(2, "E123"), (2, "E103")]


def test_a_line_set_aside_for_its_form_is_told_every_value_too(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    lines = [
        reported("B", at="2300-11-03T09:00:00+00:00", priority="P9", cause=5, attributes={"x": "1"}),
        reported("C", at="2026-11-03T09:00:00", priority="P9", attributes={"x": "1"}),
    ]
    path.write_text("".join(json.dumps(e) + "\n" for e in lines), "utf-8")
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(sla_dsl.load_policy(POLICY), path, *PERIOD)
    assert [(p.line, p.code) for p in info.value.problems] == [
        (1, "E106"),
        (1, "E123"),
        (1, "E120"),
        (1, "E128"),
        (2, "E105"),
        (2, "E120"),
        (2, "E128"),
    ]


def test_each_bad_line_is_left_out_once_and_the_good_ones_judged() -> None:
    events = [
        reported("A", priority="P9", cause="zzz", attributes={"plan": "gold", "x": "1"}),
        reported("B", at="2300-11-03T09:00:00+00:00", priority="P9"),
        reported("C", priority="P1", attributes={"plan": "gold"}),
        reported("D", priority="P1", attributes={"plan": "premium"}),
        {"event": "incident.plan_changed", "at": "2026-11-04T09:00:00+00:00", "id": "D", "attributes": {"y": "1"}},
        {"event": "incident.resolved", "at": "2026-11-05T09:00:00+00:00", "id": "D"},
    ]
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), events, *PERIOD, skip_invalid=True)
    assert [s.split(": error:")[0] for s in report.input.skipped] == [
        "<events>:1",
        "<events>:2",
        "<events>:3",
        "<events>:5",
    ]
    assert report.input.skipped[0].count("error:") == 4 and report.input.skipped[1].count("error:") == 2
    assert report.input.events == 2
    assert [i.id for i in report.incidents] == ["D"]


def test_a_row_of_a_table_is_told_each_problem_at_its_column_in_order(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    names = ["event", "at", "id", "priority", "cause", "attributes"]
    row = reported("B", at="2300-11-03T09:00:00+00:00", priority="P9", cause="zzz", attributes='{"x": "1"}')
    pq.write_table(pa.table({n: pa.array([row[n]], pa.string()) for n in names}), path)
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(sla_dsl.load_policy(POLICY), path, *PERIOD)
    found = [(p.line, p.code, p.column) for p in info.value.problems]
    assert found == [(1, "E123", "at"), (1, "E120", "priority"), (1, "E122", "cause"), (1, "E128", "attributes")]

"""``sla test``'s business time over a span that a later version takes effect within.

The engine judges an incident under the version in force when its clock starts, and counts its business
time on that version's calendars to the end (interpretation reading 17), as ``sla deadline`` counts from
``--from``. A ``business_time`` or ``add_business_time`` case counts the same way, on the calendars of the
version in force at its ``from``, not on each instant's version; before, it did so without saying it, so a
case over a version's start read as if counted on each day's calendar. Now the case's notes say which
version's calendars it counted on and which version, taking effect within the span, it did not use.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.policytest import load_cases, run_case
from sla_dsl.cli import main

VERSION = """\
sla "M" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  languages {languages}
}}
calendar business {{
  days mon..fri
  hours {hours}
}}
clock response {{
  starts at incident.reported
}}
priority P1 "Urgent" {{
  respond within 12 business hours
}}
"""

#: Version 2 (from Thursday 1 October 2026) opens an hour later and closes an hour earlier.
V1 = VERSION.format(version="1", effective="2026-04-01", hours="09:00-18:00", languages="en")
V2 = VERSION.format(version="2", effective="2026-10-01", hours="10:00-17:00", languages="en")

#: Wednesday 09:00 to Thursday 18:00: 9 + 9 hours on version 1's calendar (9 + 7 on each day's own).
#: 12 business hours from Wednesday 09:00: Thursday 12:00 on version 1's (13:00 on each day's own), the
#: response due time the engine gives an incident reported then.
CASES = """\
cases:
  - name: across the start of version 2
    business_time: {from: "2026-09-30T09:00:00+09:00", to: "2026-10-01T18:00:00+09:00"}
    expect: 18
  - name: added across the start of version 2
    add_business_time: {from: "2026-09-30T09:00:00+09:00", hours: 12}
    expect: "2026-10-01T12:00:00+09:00"
  - name: the incident, as the engine judges it
    events:
      - {event: incident.reported, at: "2026-09-30T09:00:00+09:00", id: INC-1, priority: P1}
    period: {from: 2026-09-01, to: 2026-11-01}
    expect:
      incidents:
        INC-1: {status: breached, response_due: "2026-10-01T12:00:00+09:00", policy_version: "1"}
  - name: within version 2
    business_time: {from: "2026-10-01T09:00:00+09:00", to: "2026-10-01T18:00:00+09:00"}
    expect: 7
"""

NOTE = (
    "{what} is counted to the end on the calendars of version 1, in force at `from`, as an incident whose clock "
    "starts at `from` is judged; version 2, effective 2026-10-01 within the span, is not used"
)


@pytest.fixture
def paths(tmp_path: Path) -> tuple[Path, Path, Path]:
    v1, v2, tests = tmp_path / "v1.sla", tmp_path / "v2.sla", tmp_path / "t.yaml"
    v1.write_text(V1, "utf-8")
    v2.write_text(V2, "utf-8")
    tests.write_text(CASES, "utf-8")
    return v1, v2, tests


def test_business_time_is_counted_on_the_version_in_force_at_from_and_says_so(
    paths: tuple[Path, Path, Path],
) -> None:
    v1, v2, tests = paths
    versions = [load_policy(v1), load_policy(v2)]
    across, added, incident, within = (run_case(versions, c) for c in load_cases(tests))
    assert across.passed and added.passed and incident.passed and within.passed, [
        o.problems for o in (across, added, incident, within)
    ]
    judged = "judged under version 1 (effective 2026-04-01)"
    assert across.notes == [judged, NOTE.format(what="business_time")]
    assert added.notes == [judged, NOTE.format(what="add_business_time")]
    assert within.notes == ["judged under version 2 (effective 2026-10-01)"]  # (no later version within)


def test_the_calendar_of_each_instant_would_give_other_answers(paths: tuple[Path, Path, Path]) -> None:
    """The versions' calendars differ on the span: the cases above tell the two readings apart."""
    v1, v2, _ = paths
    one, two = load_policy(v1), load_policy(v2)
    a, mid, b = (
        dt.datetime.fromisoformat(t)
        for t in ("2026-09-30T09:00:00+09:00", "2026-10-01T00:00:00+09:00", "2026-10-01T18:00:00+09:00")
    )
    each = one.business_time_between(a, mid) + two.business_time_between(mid, b)
    assert each == dt.timedelta(hours=16) != one.business_time_between(a, b) == dt.timedelta(hours=18)


def test_a_case_counted_on_each_days_calendar_fails_saying_why(
    paths: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """An author expecting each day's calendar (9 + 7 hours) is told what was counted, and on what."""
    v1, v2, tests = paths
    tests.write_text(CASES.split("  - name: added")[0].replace("expect: 18", "expect: 16"), "utf-8")
    assert main(["test", str(v1), str(v2), str(tests)]) == 1
    out = capsys.readouterr().out
    assert "    business_time: expected 16 hours, got 18\n" in out
    assert f"    note: {NOTE.format(what='business_time')}\n" in out


def test_the_note_in_japanese_and_in_the_json(
    paths: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    v1, v2, tests = paths
    for path in (v1, v2):
        path.write_text(path.read_text("utf-8").replace("languages en", "languages ja, en"), "utf-8")
    tests.write_text(CASES.split("  - name: added")[0], "utf-8")
    assert main(["test", "-v", str(v1), str(v2), str(tests)]) == 0
    out = capsys.readouterr().out
    assert (
        "`business_time` は、`from` に計測を始めた案件と同じく、`from` の時点で有効な規定の版 1 のカレンダーで最後まで"
        "数えました。期間中の 2026年10月1日(木) から適用される規定の版 2 のカレンダーは使っていません"
    ) in out
    assert main(["test", "--lang", "en", "--format", "json", str(v1), str(v2), str(tests)]) == 0
    (case,) = json.loads(capsys.readouterr().out)
    assert case["passed"] and NOTE.format(what="business_time") in case["notes"]

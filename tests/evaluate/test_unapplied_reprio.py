"""A reprioritisation the judging version cannot apply changes nothing: no clock reset, no range check.

Version 1 (from 2026-04-01) has P2 only; version 2 adds P3. A reprioritisation to P3 of an incident that
version 1 judges is not applied (a located data note; the incident keeps P2). Two places still read it as
applied:

* a clock with ``resets at incident.reprioritized`` started again from zero there. INC-C (Mon-Fri
  10:00-18:00) is reported Wed 30 Sep 2026 10:00 as P2 (resolve within 4 business hours on clock
  ``resolution``), reprioritised to P3 at 13:00 and resolved at 16:00: 6 hours of running time, breached
  at 14:00. With the reset it counted 3 hours from 13:00 and was met. Every judging path says breached:
  the per-incident and columnar judges, the CLI's text and JSON reports, ``sla explain``, and a log
  judged in partitions and merged.
* the range check of deadlines (E124) took the priority of the last reprioritisation, applied or not: with
  P3, which version 1 lacks, it checked nothing, and the judge then failed on the P2 due time with an
  unlocated error. It reads the priority in force, and counts no clock cycle from a reprioritisation not
  applied (that one would refuse an event the judge never counts from).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.partition import finish, judge_partition, merge
from sla_dsl.events import log_from
from sla_dsl.events.problems import EventInputError
from sla_dsl.policy.load import load_policies
from sla_dsl.report import Report

from .helpers import ev, t

HEAD = """sla "Versioned" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  languages en
}}

calendar business "Business" {{
  days mon..fri
  hours 10:00-18:00
}}

clock response "Response" {{
  starts at incident.reported
}}

clock resolution "Resolution" {{
  starts at incident.reported
  stops at incident.resolved
  resets at incident.reprioritized
}}

priority P2 "High" {{
  respond within {respond}
  resolve within {resolve} on resolution
  complete on incident.resolved
}}
"""
P3 = """
priority P3 "Low" {
  respond within 5 business days
  complete on incident.resolved
}
"""


def versions(
    tmp_path: Path, second: str = "2026-10-01", respond: str = "1 business day", resolve: str = "4 business hours"
) -> Path:
    folder = tmp_path / "pol"
    folder.mkdir()
    same = {"respond": respond, "resolve": resolve}
    (folder / "a.sla").write_text(HEAD.format(version="1", effective="2026-04-01", **same), "utf-8")
    (folder / "b.sla").write_text(HEAD.format(version="2", effective=second, **same) + P3, "utf-8")
    return folder


def reset_case(priority: str) -> list[dict[str, Any]]:
    return [
        ev("incident.reported", "2026-09-30 10:00", "INC-C", priority="P2"),
        ev("incident.responded", "2026-09-30 11:00", "INC-C"),
        ev("incident.reprioritized", "2026-09-30 13:00", "INC-C", priority=priority),
        ev("incident.resolved", "2026-09-30 16:00", "INC-C"),
    ]


START, END = "2026-09-01 00:00", "2026-11-01 00:00"
PERIOD = ["--from", "2026-09-01", "--to", "2026-11-01"]


def judged(folder: Path, events: list[dict[str, Any]], batch: bool = True) -> Report:
    return judge_log(load_policies([str(folder)]), log_from(events), t(START), t(END), batch=batch).report()


def log_file(tmp_path: Path, events: list[dict[str, Any]]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return path


def sla(*args: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sla_dsl.cli", *map(str, args)], capture_output=True, text=True)


# ---- a clock does not reset at a reprioritisation not applied ----------------------------------------


def test_a_reprioritisation_not_applied_does_not_reset_the_clock(tmp_path: Path) -> None:
    report = judged(versions(tmp_path), reset_case("P3"))
    [inc] = report.incidents
    assert (inc.priority, inc.policy_version) == ("P2", "1")
    [target] = inc.targets
    assert (target.name, target.status, target.due) == ("resolve", "breached", t("2026-09-30 14:00"))
    assert target.used_minutes == 6 * 60
    assert [s.act for s in target.clock_steps or []] == ["start", "stop"]  # no reset at 13:00
    [breach] = [v for v in report.violations if v.kind == "target_breached"]
    assert breach.id == "INC-C" and breach.at == t("2026-09-30 14:00")
    assert breach.target is not None and breach.target.reset_at is None
    [note] = [v for v in report.violations if v.kind == "data"]  # the reprioritisation's own note, as before
    assert note.at == t("2026-09-30 13:00") and note.message.endswith("priority `P3` is not defined in version 1")


def test_a_reprioritisation_applied_still_resets_it(tmp_path: Path) -> None:
    # (the same events with a reprioritisation version 1 applies: the clock counts again from 13:00)
    report = judged(versions(tmp_path), reset_case("P2"))
    [inc] = report.incidents
    [target] = inc.targets
    assert (target.status, target.used_minutes) == ("met", 3 * 60)
    assert [s.act for s in target.clock_steps or []] == ["start", "reset", "stop"]


def test_every_judging_path_agrees(tmp_path: Path) -> None:
    folder = versions(tmp_path)
    events = reset_case("P3")
    policies = load_policies([str(folder)])
    one = judged(folder, events)
    assert judged(folder, events, batch=False).model_dump_json() == one.model_dump_json()
    # in partitions (one incident, with a partition of nothing else), merged: the one-run report
    parts = [judge_partition(policies, log_from(e), t(START), t(END)) for e in (events, [])]
    merged = finish(policies, merge(parts), t(START), t(END), trend=False).report()
    assert merged.incidents == one.incidents
    assert merged.violations == one.violations
    # the command: JSON, text and the explanation say breached, with no reset
    path = log_file(tmp_path, events)
    res = sla("evaluate", folder, path, *PERIOD, "--format", "json")
    assert res.returncode == 0, res.stderr
    [row] = json.loads(res.stdout)["incidents"]
    [target] = row["targets"]
    assert (target["status"], target["due"]) == ("breached", "2026-09-30T14:00:00+09:00")
    assert not any("reset" in step["text"] for step in target["explain"])
    res = sla("evaluate", folder, path, *PERIOD)
    assert res.returncode == 0, res.stderr
    rows = [x.split() for x in res.stdout.splitlines() if x.startswith("  INC-C  Resolution")]
    assert rows == [["INC-C", "Resolution", "Resolution", "breached", "Wed", "30", "Sep", "14:00", "6:00", "/", "4:00"]]
    res = sla("explain", folder, path, "INC-C", *PERIOD)
    assert res.returncode == 0, res.stderr
    assert "breached, due Wed 30 Sep 14:00" in res.stdout
    assert "not applied" in res.stdout and "reset" not in res.stdout.lower()


# ---- the range check (E124) reads the priority in force ------------------------------------------------


def test_the_range_check_takes_the_priority_in_force(tmp_path: Path) -> None:
    # P2's response due time, 400 days after the report of 31 May 2200, is after the supported years; the
    # reprioritisation to P3 (version 2's, from 1 June 2200) is not applied, so that due time is judged:
    # E124 on the report's line (it checked P3, found nothing, and the judge failed unlocated)
    folder = versions(tmp_path, second="2200-06-01", respond="400 days")
    events = [
        ev("incident.reported", "2200-05-31 10:00", "A", priority="P2"),
        ev("incident.reprioritized", "2200-06-02 10:00", "A", priority="P3"),
    ]
    path = log_file(tmp_path, events)
    res = sla("evaluate", folder, path, "--from", "2200-05-01", "--to", "2200-07-01", "--format", "json")
    assert res.returncode == 1
    assert res.stderr.startswith(
        f"{path}:1: error: [E124] the response due time of incident `A` falls after the supported years, "
        "1900 to 2200 (`respond within 400 days` from `2200-05-31T10:00:00+09:00`)\n"
    )
    assert "Traceback" not in res.stderr
    with pytest.raises(EventInputError) as info:
        judge_log(load_policies([str(folder)]), log_from(events), t("2200-05-01 00:00"), t("2200-07-01 00:00"))
    assert [(p.code, p.line) for p in info.value.problems] == [("E124", 1)]


def test_the_range_check_counts_no_cycle_from_a_reprioritisation_not_applied(tmp_path: Path) -> None:
    # resolve within 15 days on a clock that resets at a reprioritisation: from the report (10 Dec 2200) it
    # runs out on 25 Dec, within the years; from the reprioritisation to P3 (22 Dec), not applied, it would
    # run out in 2201. No reset there, so nothing to refuse: the verdict is the one from the report.
    folder = versions(tmp_path, second="2200-12-20", resolve="15 days")
    events = [
        ev("incident.reported", "2200-12-10 10:00", "C", priority="P2"),
        ev("incident.responded", "2200-12-10 11:00", "C"),
        ev("incident.reprioritized", "2200-12-22 10:00", "C", priority="P3"),
        ev("incident.resolved", "2200-12-26 10:00", "C"),
    ]
    policies = load_policies([str(folder)])
    report = judge_log(policies, log_from(events), t("2200-12-01 00:00"), t("2201-01-01 00:00")).report()
    [inc] = report.incidents
    [target] = inc.targets
    assert (target.status, target.due) == ("breached", t("2200-12-25 10:00"))
    path = log_file(tmp_path, events)
    res = sla("evaluate", folder, path, "--from", "2200-12-01", "--to", "2201-01-01", "--format", "json")
    assert res.returncode == 0, res.stderr
    [row] = json.loads(res.stdout)["incidents"]
    assert [x["status"] for x in row["targets"]] == ["breached"]

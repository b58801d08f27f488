"""``not due at A until B``: the clock counts on, its deadlines are not applied while held (RT's IgnoreOnStatuses).

Hand-worked cases on one clock (elapsed time, UTC): reported 09:00, ``resolve within 2 hours``, so due 11:00
whatever the holds; a hold is from an ``incident.info_provided`` to the next ``incident.customer_replied``.
H is the first instant at or after 11:00 no hold holds; a cycle ending at E is breached iff H < E, said at H.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from clocks.helpers import sla
from sla_dsl.authoring.clock_words import hover_clock
from sla_dsl.cli.app import main
from sla_dsl.docs.targets import clock_lines

POLICY = """\
sla "Holds" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  provider "窓口" / "Desk"
  languages ja, en
}

clock response "応答" / "Response" {
  starts at incident.reported
}

clock work "対応" / "Work" {
  starts at incident.reported
  not due at incident.info_provided until incident.customer_replied
  stops at incident.resolved
}

priority P "P" / "P" {
  respond within 1 hour
  resolve within 2 hours on work
}
"""

INFO, REPLY, RESOLVED = "info_provided", "customer_replied", "resolved"


def _events(key: str, *more: tuple[str, str], day: str = "2026-11-16", zone: str = "Z") -> list[dict[str, Any]]:
    first = {"event": "incident.reported", "at": f"{day}T09:00:00{zone}", "id": key, "priority": "P"}
    return [first, *({"event": f"incident.{e}", "at": f"{day}T{at}:00{zone}", "id": key} for e, at in more)]


def _judge(events: list[dict[str, Any]], as_of: str, policy: str = POLICY) -> Any:
    return sla_dsl.evaluate(sla_dsl.load_policy(policy), events, "2026-11-01", "2026-12-01", as_of)


def _resolve(report: Any) -> Any:
    (inc,) = report.incidents
    (t,) = [t for t in inc.targets if t.name == "resolve"]
    return t


def _violation_at(report: Any) -> list[str]:
    return [v.at.isoformat() for v in report.violations if v.target is not None and v.target.kind == "resolve"]


#: (case, events after the report, as of, status, violation instants)
CASES = [
    ("no hold", (), "12:00", "breached", ["2026-11-16T11:00:00+00:00"]),
    ("hold before the due time", ((INFO, "09:30"), (REPLY, "10:00"), (RESOLVED, "11:30")), "12:00", "breached",
     ["2026-11-16T11:00:00+00:00"]),
    ("hold across the due time, ended before the stop: breached at its end",
     ((INFO, "10:30"), (REPLY, "11:30"), (RESOLVED, "12:00")), "12:30", "breached", ["2026-11-16T11:30:00+00:00"]),
    ("stopped as the hold ended: met", ((INFO, "10:30"), (REPLY, "11:30"), (RESOLVED, "11:30")), "12:30", "met", []),
    ("stopped while held after the due time: met", ((INFO, "10:30"), (RESOLVED, "11:45")), "12:30", "met", []),
    ("still held as of: open", ((INFO, "10:30"),), "12:00", "open", []),
    ("still held as of, before the due time: open, not at risk", ((INFO, "10:30"),), "10:50", "open", []),
    ("hold ended, clock still running: breached at the hold's end", ((INFO, "10:30"), (REPLY, "11:30")), "12:00",
     "breached", ["2026-11-16T11:30:00+00:00"]),
    ("a second info while held changes nothing", ((INFO, "10:30"), (INFO, "11:00"), (REPLY, "11:40")), "12:00",
     "breached", ["2026-11-16T11:40:00+00:00"]),
    ("a later hold does not move the breach", ((INFO, "10:30"), (REPLY, "11:10"), (INFO, "11:15"), (REPLY, "11:50")),
     "12:00", "breached", ["2026-11-16T11:10:00+00:00"]),
]  # fmt: skip


@pytest.mark.parametrize(("more", "as_of", "status", "violations"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hand_worked(more: tuple[tuple[str, str], ...], as_of: str, status: str, violations: list[str]) -> None:
    report = _judge(_events("A", *more), f"2026-11-16T{as_of}:00Z")
    got = _resolve(report)
    assert (got.due.isoformat(), got.status) == ("2026-11-16T11:00:00+00:00", status)
    assert _violation_at(report) == violations


def test_the_hold_changes_no_counting() -> None:
    """The clock counts on while held: the time used is the whole time, and the due time the one without holds."""
    got = _resolve(_judge(_events("A", (INFO, "09:30"), (REPLY, "10:30")), "2026-11-16T10:45:00Z"))
    assert (got.due.isoformat(), got.used_minutes, got.status) == ("2026-11-16T11:00:00+00:00", 105.0, "open")


def test_a_status_never_turns_from_breached_to_met() -> None:
    """As ``as_of`` moves on, a cycle once breached stays breached (the hold that ended does not reopen)."""
    events = _events("A", (INFO, "10:30"), (REPLY, "11:30"), (RESOLVED, "12:00"))
    seen = [_resolve(_judge(events, f"2026-11-16T{t}:00Z")).status for t in ("10:45", "11:15", "11:30", "11:31", "13")]
    assert seen == ["open", "open", "open", "breached", "breached"]


def test_explain_says_the_due_time_passed_while_not_due(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy, log = tmp_path / "p.sla", tmp_path / "e.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in _events("A", (INFO, "10:30"), (RESOLVED, "11:45"))), "utf-8")
    said = {}
    for lang in ("en", "ja"):
        assert main(["explain", str(policy), str(log), "A", "--lang", lang]) == 0
        said[lang] = capsys.readouterr().out
    assert "Work: not due from" in said["en"]
    assert "passed while not due: met" in said["en"]
    assert "保留中に過ぎたため、達成" in said["ja"]
    assert "期限の適用を保留" in said["ja"]


def test_explain_says_when_a_held_breach_fell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy, log = tmp_path / "p.sla", tmp_path / "e.jsonl"
    policy.write_text(POLICY, "utf-8")
    events = _events("A", (INFO, "10:30"), (REPLY, "11:30"), (RESOLVED, "12:00"))
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    assert main(["explain", str(policy), str(log), "A", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "passed while not due, breached when the hold ended" in out
    assert "due again at" in out
    assert "resolution due Mon 16 Nov 11:00 (not applied until Mon 16 Nov 11:30): done Mon 16 Nov 12:00" in out


DST = POLICY.replace("timezone UTC", "timezone America/New_York")


@pytest.mark.parametrize(
    ("resolved", "status", "violations"),
    [("06:40", "met", []), ("07:00", "breached", ["2026-11-01T01:45:00-05:00"])],
)
def test_across_the_end_of_daylight_saving_time(resolved: str, status: str, violations: list[str]) -> None:
    """America/New_York, 2026-11-01 (01:00-02:00 twice): reported 00:30 EDT (04:30Z), due 2 elapsed hours later,
    01:30 EST (06:30Z); held from 01:15 EDT (05:15Z) to 01:45 EST (06:45Z). Stopped at 01:40 EST: met (in the
    hold); at 02:00 EST: breached, said at the hold's end, 01:45 EST."""
    events = [
        {"event": "incident.reported", "at": "2026-11-01T04:30:00Z", "id": "N", "priority": "P"},
        {"event": "incident.info_provided", "at": "2026-11-01T05:15:00Z", "id": "N"},
        {"event": "incident.customer_replied", "at": "2026-11-01T06:45:00Z", "id": "N"},
        {"event": "incident.resolved", "at": f"2026-11-01T{resolved}:00Z", "id": "N"},
    ]
    report = _judge(events, "2026-11-02T00:00:00Z", DST)
    got = _resolve(report)
    assert (got.due.isoformat(), got.status) == ("2026-11-01T01:30:00-05:00", status)
    assert _violation_at(report) == violations


def test_a_reset_cycle_before_the_hold_ended_is_not_breached() -> None:
    """A cycle cut by a reset while held after its due time was never overdue; the next cycle is judged anew."""
    text = POLICY.replace(
        "  stops at incident.resolved\n", "  stops at incident.resolved\n  resets at incident.reprioritized\n"
    )
    events = _events("A", (INFO, "10:30"), ("reprioritized", "11:20"), (REPLY, "11:30"), (RESOLVED, "12:00"))
    events[2]["priority"] = "P"
    got = _resolve(_judge(events, "2026-11-16T13:00:00Z", text))
    assert (got.status, got.due.isoformat()) == ("met", "2026-11-16T13:20:00+00:00")


BAD = """\
sla "Holds" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  provider "窓口" / "Desk"
  languages ja, en
}

event incident.escalated "エスカレーション" / "Escalated"
event incident.withdrawn "取り下げ" / "Withdrawn"

clock response "応答" / "Response" {
  starts at incident.reported
  not due at incident.info_provided until incident.customer_replied
}

clock work "対応" / "Work" {
  starts at incident.reported
  pauses at incident.escalated until incident.customer_replied
  not due at incident.info_provided until incident.customer_replied
  not due at incident.resolved until incident.info_provided
  not due at incident.reprioritized until incident.reprioritized
  not due at incident.reported until outage.ended
  stops at incident.resolved
  resets at incident.responded
  cancels at incident.withdrawn
}

clock loop "連絡" / "Loop" {
  starts at incident.reported
  not due at incident.responded until incident.customer_replied
  not due at incident.withdrawn until incident.customer_replied
  stops at incident.resolved
  resets at incident.responded
  cancels at incident.withdrawn
}

clock daily "日次" / "Daily" {
  starts at incident.reported
  not due at incident.info_provided until incident.customer_replied
  stops at incident.resolved
}

clock byday "営業日" / "By day" {
  starts at incident.reported
  not due at incident.info_provided until incident.customer_replied
  stops at incident.resolved
}

calendar business "営業時間" / "Business hours" {
  hours mon..fri 09:00-18:00
}

priority P "P" / "P" {
  respond within 1 hour
  resolve within 2 hours on work
  first reply within 2 hours on loop
  update every 1 day on daily by incident.customer_replied
  respond by end of 1st business day on byday
}
"""


def test_the_checker_refuses_what_would_not_be_judged(tmp_path: Path) -> None:
    path = tmp_path / "bad.sla"
    path.write_text(BAD, "utf-8")
    done = sla("check", "--lang", "en", str(path))
    assert done.returncode == 1
    said = done.stdout + done.stderr
    found = [ln.split(": error: ")[0].split(":", 1)[1] + " " + ln.split("] ")[0].split("[")[1]
             for ln in said.splitlines() if ": error: [" in ln]  # fmt: skip
    assert found == [
        "13:1 E242",  # the plain response clock
        "21:43 E221",  # customer_replied both resumes a pause and ends a hold
        "22:14 E221",  # a hold at the clock's stop
        "23:43 E245",  # until its own event
        "24:14 E221",  # the report
        "24:38 E244",  # an outage event
        "32:14 E221",  # a hold at the clock's reset
        "33:14 E221",  # a hold at the clock's cancel
        "41:3 E226",  # on a clock with an update target
        "47:3 E226",  # on a clock with a day-based target
    ], said
    assert "help: hold at another event, or take `incident.resolved` out of `stops at`" in said
    assert "help: take `incident.reprioritized` out of `until`" not in said  # (the only event: name one)
    assert "name the event that ends the hold" in said
    done = sla("check", "--lang", "ja", str(path))
    ja = done.stdout + done.stderr
    assert "期限の保留" in ja and "`not due at`" in ja


def test_fmt_keeps_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.sla"
    messy = POLICY.replace(
        "  not due at incident.info_provided until incident.customer_replied\n",
        "  not   due at incident.info_provided until incident.customer_replied,incident.responded\n",
    )
    path.write_text(messy, "utf-8")
    done = sla("fmt", str(path))
    want = POLICY.replace("until incident.customer_replied\n", "until incident.customer_replied, incident.responded\n")
    assert (done.returncode, path.read_text("utf-8")) == (0, want)
    path.write_text(want, "utf-8")
    assert sla("fmt", "--check", str(path)).returncode == 0
    assert sla("check", str(path)).returncode == 0


def test_hover_site_and_diff_say_the_line() -> None:
    model = sla_dsl.load_policy(POLICY).model
    (work,) = [c for c in model.clocks if c.name == "work"]
    assert "- not due at `incident.info_provided` until `incident.customer_replied`" in hover_clock(work, model)
    assert "期限を適用しない" in hover_clock(work, model, "ja")
    assert any("not due from" in line for line in clock_lines(work, "en"))
    assert any("期限を適用しない" in line for line in clock_lines(work, "ja"))


def test_sla_diff_names_a_not_due_line_added(tmp_path: Path) -> None:
    old, new = tmp_path / "old.sla", tmp_path / "new.sla"
    old.write_text(POLICY.replace("  not due at incident.info_provided until incident.customer_replied\n", ""), "utf-8")
    new.write_text(POLICY.replace('version "1"', 'version "2"').replace("2026-01-01", "2026-02-01"), "utf-8")
    en = sla("diff", str(old), str(new), "--lang", "en").stdout
    ja = sla("diff", str(old), str(new), "--lang", "ja").stdout
    assert "Work not due at: none -> not due from" in en, en
    assert "期限の保留：なし → " in ja and "まで期限を適用しない" in ja, ja

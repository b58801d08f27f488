"""The authors' guide says how Jira Service Management's SLAs are written: goals tried in order (JQL), a
24/7 and a business calendar, pause conditions on statuses, new cycles on a reopen, and warnings.

Found by a QA pass as a JSM administrator: the guide's "coming from other tools" had JSM only for a first
response met by a resolution; the ordered goals with JQL conditions, *Pending* beside *Waiting for
customer*, and the cycles of *Time to resolution* after *Resolution: Cleared* were nowhere. The section's
``sla`` block passes ``sla check`` in a policy (both languages), and the due times and warnings its prose
states are the ones ``sla deadline`` and the evaluation give.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from sla_dsl.evaluation import judge_log
from sla_dsl.events.reader import read_events
from sla_dsl.policy import compile_text, load_policy

from .conftest import ROOT
from .test_qa_zendesk_reopen_docs import _section
from .test_request_tracker_docs import _sla

FENCE = re.compile(r"```sla\n(.*?)```", re.S)
HEADER = """\
sla "JSM" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  provider "ヘルプデスク" / "Help desk"
  languages ja, en
}

clock response "応答" / "Response" { starts at incident.reported }
"""
#: The section's issues: (id, priority, plan, [(event, local time of November 2026)]).
ISSUES = [
    ("J4", "P2", "standard", [("reported", "12T10:00"), ("responded", "12T10:30"), ("info_provided", "12T11:00"),
                              ("customer_replied", "16T10:00"), ("resolved", "18T15:01")]),
    ("J6", "P2", "standard", [("reported", "17T09:00"), ("responded", "17T09:30"), ("resolved", "17T12:00"),
                              ("reopened", "18T10:00"), ("resolved", "24T10:00"), ("closed", "25T10:00")]),
    ("J10", "P2", "premium", [("reported", "30T09:00")]),
]  # fmt: skip
SAID = {
    "ja": [
        "11月24日(火) 12:00", "03:30", "11月9日(月) 10:00", "11月18日(水) 15:00", "11月20日(金) 16:00",
        "10:30", "17:00", "12月1日(火) 12:00",
    ],
    "en": [
        "Tue 24 Nov at 12:00", "03:30", "Mon 9 Nov at\n10:00", "Wed 18 Nov at 15:00", "Fri 20 Nov at 16:00",
        "10:30", "17:00", "Tue 1 Dec at 12:00",
    ],
}  # fmt: skip


def _page(lang: str) -> str:
    return _section((ROOT / f"docs/authors/guide.{lang}.md").read_text("utf-8"), "coming-from-jira-service-management")


def _policy(lang: str) -> str:
    blocks = FENCE.findall(_page(lang))
    assert len(blocks) == 1, blocks
    return HEADER + "\n" + str(blocks[0])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_block_checks_and_the_first_response_due_times_are_the_engines(lang: str, tmp_path: Path) -> None:
    policy = _policy(lang)
    assert compile_text(policy).diagnostics == []
    page = _page(lang)
    for said in SAID[lang]:
        assert said in page
    path = tmp_path / "jsm.sla"
    path.write_text(policy, "utf-8")
    for priority, start, extra, due in (
        ("P2", "2026-11-20T17:00:00+09:00", (), "2026-11-24T12:00:00+09:00"),
        ("P1", "2026-11-07T03:00:00+09:00", ("--attribute", "plan=premium"), "2026-11-07T03:30:00+09:00"),
        ("P1", "2026-11-07T03:00:00+09:00", (), "2026-11-09T10:00:00+09:00"),
    ):
        out = _sla("deadline", str(path), "--priority", priority, "--from", start, "--target", "respond", *extra)
        assert out.returncode == 0, out.stderr
        assert out.stdout.split()[:2] == ["respond", due]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pauses_cycles_and_warnings_are_the_engines(lang: str, tmp_path: Path) -> None:
    (tmp_path / "jsm.sla").write_text(_policy(lang), "utf-8")
    lines = []
    for key, priority, plan, events in ISSUES:
        for kind, at in events:
            line = {"event": f"incident.{kind}", "at": f"2026-11-{at}:00+09:00", "id": key}
            if kind == "reported":
                line |= {"priority": priority, "attributes": {"plan": plan}}
            lines.append(line)
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    policy = load_policy(tmp_path / "jsm.sla")
    tz = dt.timezone(dt.timedelta(hours=9))
    start, end = dt.datetime(2026, 11, 1, tzinfo=tz), dt.datetime(2026, 12, 1, tzinfo=tz)
    as_of = dt.datetime(2026, 11, 30, 10, 40, tzinfo=tz)
    report = judge_log([policy], read_events(tmp_path / "events.jsonl", policy=policy), start, end, as_of=as_of)
    got = {
        (i.id, t.clock): (t.status, t.due.isoformat() if t.due else None, t.at_risk_percent)
        for i in report.report().incidents
        for t in i.targets
    }
    assert got[("J4", "resolution")] == ("breached", "2026-11-18T15:00:00+09:00", None)
    assert got[("J6", "resolution")] == ("breached", "2026-11-20T16:00:00+09:00", None)
    assert got[("J10", "first_response")] == ("at_risk", "2026-11-30T11:00:00+09:00", 75.0)
    assert got[("J10", "resolution")] == ("open", "2026-12-01T16:00:00+09:00", None)


def test_explain_shows_the_warnings_the_section_states(tmp_path: Path) -> None:
    (tmp_path / "jsm.sla").write_text(_policy("en"), "utf-8")
    line = {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "J10", "priority": "P2"}
    (tmp_path / "events.jsonl").write_text(json.dumps(line | {"attributes": {"plan": "premium"}}) + "\n", "utf-8")
    out = _sla(
        "explain", str(tmp_path / "jsm.sla"), str(tmp_path / "events.jsonl"), "J10",
        "--as-of", "2026-11-30T10:40:00+09:00", "--lang", "en",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    warnings = [ln.split("  ")[1] for ln in out.stdout.splitlines() if "of the target reached (warning)" in ln]
    assert warnings == ["Mon 30 Nov 10:30", "Mon 30 Nov 17:00", "Tue 1 Dec 12:00"]

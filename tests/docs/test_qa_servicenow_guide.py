"""The authors' guide says how a ServiceNow SLA definition is written: its conditions as a clock's lines,
percentage timers, a schedule with a lunch break and a Saturday half day in a zone with summer time, service
credits per breach, and the ``complete on`` a definition's stop condition does not give.

Found by a QA pass as a ServiceNow administrator: the guide had ServiceNow for a day on a schedule and a
change of priority only; a priority ported without ``complete on`` left every incident open, listed again by
each later month's report, with no word from ``sla check``. The section's ``sla`` block passes ``sla check``
(both languages), and the due times, the late response after the clock goes back and the credit its prose
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
sla "ServiceNow" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  provider "IT サービスデスク" / "IT service desk"
  languages ja, en
}

clock response "応答" / "Response" { starts at incident.reported }
"""
SAID = {
    "ja": ["3月7日(土) 12:00", "3月11日(水) 11:00", "13:30", "05:30（`-04:00`）", "01:30（`-04:00`）", "10%"],
    "en": ["Sat 7 Mar at 12:00", "Wed 11 Mar at 11:00", "13:30", "05:30 (`-04:00`)", "01:30 (`-04:00`)", "10%"],
}
#: (priority, clock start, {target key: due}) as the prose states them.
DUES = [
    ("P3", "2026-03-06T16:00:00-05:00", {"response": "2026-03-07T12:00:00-05:00",
                                         "resolve": "2026-03-11T11:00:00-04:00"}),
    ("P2", "2026-03-10T11:30:00-04:00", {"response": "2026-03-10T13:30:00-04:00"}),
    ("P1", "2026-03-08T00:30:00-05:00", {"resolve": "2026-03-08T05:30:00-04:00"}),
    ("P1", "2026-11-01T00:30:00-04:00", {"response": "2026-11-01T01:30:00-04:00"}),
]  # fmt: skip


def _page(lang: str) -> str:
    return _section((ROOT / f"docs/authors/guide.{lang}.md").read_text("utf-8"), "coming-from-servicenow")


def _policy(lang: str) -> str:
    blocks = FENCE.findall(_page(lang))
    assert len(blocks) == 1, blocks
    return HEADER + "\n" + str(blocks[0])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_block_checks_and_the_due_times_are_the_engines(lang: str, tmp_path: Path) -> None:
    policy = _policy(lang)
    assert compile_text(policy).diagnostics == []
    page = " ".join(_page(lang).split())
    for said in SAID[lang]:
        assert said in page
    path = tmp_path / "servicenow.sla"
    path.write_text(policy, "utf-8")
    for priority, start, dues in DUES:
        out = _sla("deadline", str(path), "--priority", priority, "--from", start, "--all")
        assert out.returncode == 0, out.stderr
        got = {line.split()[0]: line.split()[1] for line in out.stdout.splitlines()}
        assert {key: got[key] for key in dues} == dues


def _event(kind: str, at: str, key: str, priority: str | None = None) -> dict[str, str]:
    return {"event": f"incident.{kind}", "at": at, "id": key} | ({"priority": priority} if priority else {})


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_second_half_past_one_is_late_and_two_missed_resolutions_give_ten_percent(
    lang: str, tmp_path: Path
) -> None:
    (tmp_path / "servicenow.sla").write_text(_policy(lang), "utf-8")
    lines = [
        _event("reported", "2026-11-01T00:30:00-04:00", "S3", "P1"),
        _event("responded", "2026-11-01T01:30:00-05:00", "S3"),
        _event("resolved", "2026-11-01T03:00:00-05:00", "S3"),
        _event("reported", "2026-11-16T09:00:00-05:00", "S10", "P2"),
        _event("responded", "2026-11-16T09:30:00-05:00", "S10"),
        _event("resolved", "2026-11-18T09:30:00-05:00", "S10"),
        _event("reported", "2026-11-25T16:30:00-05:00", "S11", "P2"),
        _event("responded", "2026-11-25T16:40:00-05:00", "S11"),
        _event("resolved", "2026-11-30T09:00:00-05:00", "S11"),
    ]
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    policy = load_policy(tmp_path / "servicenow.sla")
    ny = dt.timezone(dt.timedelta(hours=-5))
    start, end = (
        dt.datetime(2026, 11, 1, tzinfo=dt.timezone(dt.timedelta(hours=-4))),
        dt.datetime(2026, 12, 1, tzinfo=ny),
    )
    report = judge_log([policy], read_events(tmp_path / "events.jsonl", policy=policy), start, end).report()
    s3 = next(i for i in report.incidents if i.id == "S3")
    assert s3.status == "breached"
    credits = [(c.priority, c.target, c.breaches, c.credit) for c in report.breach_credits]
    assert credits == [("P1", "respond", 1, 10.0), ("P2", "resolve", 2, 10.0)]  # (P1: S3's late response)

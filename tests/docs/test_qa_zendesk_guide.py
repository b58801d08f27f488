"""The authors' guide says how Zendesk's SLA policies and metrics are written.

Found by a QA pass as a Zendesk administrator: the guide's "coming from other tools" named Zendesk only
for a change of priority; how its ordered policies, schedules, calendar or business hours and its six
metrics (first reply, next reply, periodic and pausable update, requester wait, agent work time) are
written was nowhere, and the reference's one Zendesk-like clock measured something else on the
contract's events. The guide now has a section (both languages): its ``sla`` block passes ``sla check``
in a policy, and the due times its prose states are the ones ``sla deadline`` and the evaluation give.
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
sla "Zendesk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  provider "サポート窓口" / "Support desk"
  languages ja, en
}

clock response "初回返信時間" / "First reply time" { starts at incident.reported }
"""
#: The section's pending ticket: created Thu 12 Nov 10:00, answered and pending 11:00, the requester's reply
#: Mon 16 Nov 10:00 (the ticket back to open), solved Tue 17 Nov 15:30.
EVENTS = [
    ("incident.reported", "2026-11-12T10:00:00+09:00"),
    ("incident.responded", "2026-11-12T11:00:00+09:00"),
    ("incident.agent_replied", "2026-11-12T11:00:00+09:00"),
    ("incident.info_provided", "2026-11-12T11:00:00+09:00"),
    ("incident.customer_replied", "2026-11-16T10:00:00+09:00"),
    ("incident.requester_commented", "2026-11-16T10:00:00+09:00"),
    ("incident.work_resumed", "2026-11-16T10:00:00+09:00"),
    ("incident.resolved", "2026-11-17T15:30:00+09:00"),
]
SAID = {
    "ja": ["11月24日(火) 12:00", "18:00", "11月17日(火) 16:00", "11月16日(月) 17:00"],
    "en": ["Tue 24 Nov at 12:00", "18:00", "Tue 17 Nov at\n16:00", "Mon 16 Nov at 17:00"],
}


def _page(lang: str) -> str:
    return _section((ROOT / f"docs/authors/guide.{lang}.md").read_text("utf-8"), "coming-from-zendesk")


def _policy(lang: str) -> str:
    blocks = FENCE.findall(_page(lang))
    assert len(blocks) == 1, blocks
    return HEADER + "\n" + str(blocks[0])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_block_checks_and_the_first_reply_due_times_are_the_engines(lang: str, tmp_path: Path) -> None:
    policy = _policy(lang)
    assert compile_text(policy).diagnostics == []
    for said in SAID[lang]:
        assert said in _page(lang)
    path = tmp_path / "zendesk.sla"
    path.write_text(policy, "utf-8")
    for extra, due in (
        ((), "2026-11-24T12:00:00+09:00"),
        (("--attribute", "plan=enterprise"), "2026-11-20T18:00:00+09:00"),
    ):
        out = _sla("deadline", str(path), "--priority", "P2", "--from", "2026-11-20T17:00:00+09:00", *extra)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == due


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_pending_ticket_across_the_weekend(lang: str, tmp_path: Path) -> None:
    (tmp_path / "zendesk.sla").write_text(_policy(lang), "utf-8")
    lines = [
        {"event": e, "at": at, "id": "ZD-3"} | ({"priority": "P2"} if e == "incident.reported" else {})
        for e, at in EVENTS
    ]
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    policy = load_policy(tmp_path / "zendesk.sla")
    start, end = dt.datetime(2026, 11, 1, tzinfo=dt.UTC), dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    report = judge_log([policy], read_events(tmp_path / "events.jsonl", policy=policy), start, end).report()
    due = {t.clock: (t.status, t.due.isoformat() if t.due else None) for t in report.incidents[0].targets}
    assert due["requester_wait"] == ("met", "2026-11-17T16:00:00+09:00")
    assert due["agent_work"] == ("breached", "2026-11-16T17:00:00+09:00")

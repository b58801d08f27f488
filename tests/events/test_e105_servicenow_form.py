"""E105's help for a time in ServiceNow's stored form (``2026-11-02 01:15:00``) gives its UTC reading too.

A ServiceNow administrator pasted ``opened_at`` from the table API into a New York policy's log and was told
to write ``2026-11-02T01:15:00-05:00``: five hours off, since the table API gives that form in UTC (the
mapping page says so, the help did not). The help now gives both readings, the policy's offset and ``Z``; a
time in another form keeps the one help.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.events.reader import EventInputError, read_events
from sla_dsl.policy.load import load_policy

POLICY = """\
sla "SN" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  languages ja, en
}

clock response "応答" / "Response" { starts at incident.reported }

priority P1 "緊急" / "1 - Critical" {
  respond within 1 hour
}
"""


def _helps(tmp_path: Path, *times: str) -> list[tuple[str | None, str | None]]:
    log = tmp_path / "ev.jsonl"
    rows = [{"event": "incident.reported", "at": at, "id": f"I{n}", "priority": "P1"} for n, at in enumerate(times)]
    log.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    with pytest.raises(EventInputError) as exc:
        read_events(log, policy=load_policy(POLICY))
    return [(p.help_text("en"), p.help_text("ja")) for p in exc.value.problems]


def test_servicenows_form_gets_the_utc_reading_beside_the_policys_offset(tmp_path: Path) -> None:
    (got,) = _helps(tmp_path, "2026-11-02 01:15:00")
    assert got == (
        "write it with the policy's offset: `2026-11-02T01:15:00-05:00`; a time from ServiceNow's table API "
        "(this form, in UTC) is `2026-11-02T01:15:00Z`",
        "ポリシーの時差を付けて `2026-11-02T01:15:00-05:00` と書いてください。`ServiceNow` のテーブル `API` が返す"
        "時刻（この形で、協定世界時です）なら `2026-11-02T01:15:00Z` と書きます",
    )


def test_other_forms_keep_the_one_help(tmp_path: Path) -> None:
    got = _helps(tmp_path, "2026-11-02T01:15:00", "2026-11-02 01:15")
    assert [en for en, _ in got] == ["write it with the policy's offset: `2026-11-02T01:15:00-05:00`"] * 2

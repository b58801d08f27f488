"""The service-desk mapping page's converter runs and writes a log the engine judges."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

PAGE = ROOT / "docs/engineers/mapping.md"


def test_zendesk_converter_on_the_page(tmp_path: Path) -> None:
    code = re.search(r"```python\n(.*?)```", PAGE.read_text("utf-8"), re.S)
    assert code is not None
    audits = [
        ("2026-11-02T02:00:00Z", {"type": "Comment", "public": True, "author_id": 7}),  # agent: first answer
        ("2026-11-02T02:30:00Z", {"type": "Change", "field_name": "priority", "value": "high"}),
        ("2026-11-02T03:00:00Z", {"type": "Change", "field_name": "status", "value": "pending"}),
        ("2026-11-02T04:00:00Z", {"type": "Comment", "public": True, "author_id": 99}),  # requester replies
        ("2026-11-02T05:00:00Z", {"type": "Change", "field_name": "status", "value": "solved"}),
    ]
    creation = [  # the first audit creates the ticket: the description and the values it starts with
        {"type": "Comment", "public": True, "author_id": 99},
        {"type": "Create", "field_name": "status", "value": "new"},
        {"type": "Create", "field_name": "priority", "value": "urgent"},
    ]
    ticket = {"id": 1, "created_at": "2026-11-02T01:15:00Z", "priority": "high"}  # (its current priority)
    audits_ = [{"created_at": ticket["created_at"], "events": creation}]
    audits_ += [{"created_at": at, "events": [e]} for at, e in audits]
    record = {"ticket": ticket, "audits": audits_, "agents": [7]}
    script = [sys.executable, "-c", code.group(1)]
    out = subprocess.run(script, input=json.dumps(record) + "\n", capture_output=True, text=True, check=True).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["priority"] == "P1"  # created urgent: the ticket's own field says its current one
    kinds = [line["event"] for line in lines]
    assert kinds == [
        "incident.reported",
        "incident.responded",
        "incident.reprioritized",
        "incident.info_provided",
        "incident.customer_replied",
        "incident.resolved",
    ]
    log = tmp_path / "events.jsonl"
    log.write_text(out, "utf-8")
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
    cmd = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(ROOT / "policies/clicksoko.sla"), str(log), *period]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr  # 1: the backups of the month are missing, not a bad log
    report = json.loads(proc.stdout)
    (incident,) = report["incidents"]
    # reported Mon 10:15 Tokyo, answered 11:00: P1 (4 business hours) met; the priority became P2 later
    assert incident["id"] == "ZD-1" and incident["status"] == "met", incident

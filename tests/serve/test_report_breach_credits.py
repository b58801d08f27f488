"""``GET /report`` lists the service credits per missed target (``breach_credits``) that ``sla evaluate`` lists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from report.helpers import sla

from sla_dsl.policy import load_policies
from sla_dsl.serve.tracking import FakeClock

from .conftest import EVENTS, POLICY, Starter, tokyo

LINE = "  respond within 4 business hours\n"


def test_the_served_report_has_the_cli_breach_credits(start: Starter, db_url: str, tmp_path: Path) -> None:
    """The example November log under the example policy with a credit line under P1's response target."""
    text = POLICY.read_text("utf-8")
    assert text.count(LINE) == 1
    policy = tmp_path / "clicksoko.sla"
    policy.write_text(text.replace(LINE, LINE + "  credit 5% per breach, at most 25% monthly\n"), "utf-8")
    c = start(db_url, FakeClock(tokyo(2026, 12, 10)), pols=load_policies([str(policy)]))
    assert c.post("/events", content=EVENTS.read_bytes()).status_code == 200
    served = c.get("/report?from=2026-11-01&to=2026-12-01&format=json").json()
    code, out, err = sla("evaluate", policy, EVENTS, "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json")
    assert code == 0, err
    cli: dict[str, Any] = json.loads(out)
    assert cli["breach_credits"] and cli["breach_credits"][0]["priority"] == "P1"  # (the log breaches P1)
    assert served["breach_credits"] == cli["breach_credits"]

"""``GET /report`` gives the month-by-month trend that ``sla evaluate`` gives (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from report.helpers import sla
from report.trend_log import write_two_months

from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, Starter, tokyo


def test_the_served_report_has_the_cli_trend(start: Starter, db_url: str, tmp_path: Path) -> None:
    """Two months stored (October worked by hand, the example November): the served report of November
    lists both months with the figures of the CLI's report, in JSON and in the ja document."""
    log = write_two_months(tmp_path / "events.jsonl")
    c = start(db_url, FakeClock(tokyo(2026, 12, 10)))  # after the log's last event (2026-12-09)
    assert c.post("/events", content=log.read_bytes()).status_code == 200
    served = c.get("/report?from=2026-11-01&to=2026-12-01&format=json").json()
    code, out, err = sla("evaluate", POLICY, log, "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json")
    assert code == 0, err
    cli: dict[str, Any] = json.loads(out)
    assert [m["month"] for m in served["trend"]] == ["2026-10-01", "2026-11-01"]
    assert served["trend"] == cli["trend"]
    md = c.get("/report?from=2026-11-01&to=2026-12-01&format=markdown&lang=ja").text
    assert "## 前月までとの比較" in md and "2026年10月度" in md

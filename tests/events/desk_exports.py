"""What the tests of service-desk exports share: judging converted lines with ``sla evaluate``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"


def judge(policy: Path, lines: list[dict[str, Any]], tmp_path: Path, period: tuple[str, str]) -> dict[str, Any]:
    """The one incident of ``sla evaluate --format json`` of ``policy`` on ``lines`` over ``period``."""
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    args = ["--from", period[0], "--to", period[1], "--format", "json", "--no-trend"]
    cmd = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(policy), str(log), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode in (0, 1), done.stderr  # 1: the period's backups are missing, not a bad log
    (incident,) = json.loads(done.stdout)["incidents"]
    return dict(incident)

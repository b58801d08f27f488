"""A stray ``start`` or ``end`` on an event whose family carries none is noted, not judged; a number so
large that it overflows when read as microseconds (1.8e302 seconds) is noted like any other, never an
internal error (the hypothesis example of tests/events/test_reader_paths.py found it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sla_dsl.events.fields import repeat_key

ROOT = Path(__file__).resolve().parents[2]
LINE = (
    '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "P1", "priority": "P1", '
    '"start": 1.797693134862316e+302}\n'
)


def test_a_huge_stray_number_has_no_repeat_key_but_no_error() -> None:
    assert repeat_key("start", 1.797693134862316e302) is None
    assert repeat_key("end", 1.5) == 1_500_000
    assert repeat_key("start", 10**30) == 10**36  # (an integer stays exact)


def test_sla_evaluate_reads_a_log_with_a_huge_stray_time(tmp_path: Path) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text(LINE * 2, encoding="utf-8")
    run = subprocess.run(
        [
            *(sys.executable, "-m", "sla_dsl._entry", "evaluate", str(ROOT / "policies" / "clicksoko.sla"), str(log)),
            *("--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert "internal error" not in run.stderr
    assert run.returncode == 0, run.stderr
    assert '"P1"' in run.stdout

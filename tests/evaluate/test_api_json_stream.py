"""The streaming call the reports page advises writes the bytes ``sla evaluate --format json`` writes.

The page advised ``sla_dsl.evaluation.judge_log(...).write_json(stream)``, which writes ``"trend": []``
while the command writes the months of the trend. ``sla_dsl.evaluation.judge`` judges as the command
does, the trend included (``trend=False``: ``--no-trend``), and the page now names it.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.evaluation import judge
from sla_dsl.reader import read_events

from .helpers import POLICY_PATH, ROOT, policy

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
DOCUMENTED = "sla_dsl.evaluation.judge(policy, events, start, end).write_json(stream)"


def command_json(events: Path, *flags: str) -> bytes:
    res = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY_PATH), str(events), "--format", "json", *flags],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.mark.parametrize(
    ("start", "end", "as_of"),
    [
        ("2026-10-01", "2026-12-15", None),
        ("2026-10-01", "2026-12-15", "2026-11-20"),
        ("2026-11-01", "2026-12-01", None),
    ],
)
def test_judge_write_json_writes_the_command_s_bytes(start: str, end: str, as_of: str | None) -> None:
    flags = ["--from", start, "--to", end, *(["--as-of", as_of] if as_of else [])]
    out = io.BytesIO()
    judge(policy(), EXAMPLE, start, end, as_of).write_json(out)
    cli = command_json(EXAMPLE, *flags)
    assert out.getvalue() == cli
    assert b'"trend": []' not in cli or end == "2026-12-01"  # (the months of a longer period are listed)
    bare = io.BytesIO()
    judge(policy(), read_events(EXAMPLE), start, end, as_of, trend=False).write_json(bare)
    assert bare.getvalue() == command_json(EXAMPLE, *flags, "--no-trend")


def test_a_log_with_lines_left_out_writes_the_command_s_bytes(tmp_path: Path) -> None:
    log = tmp_path / "events.jsonl"
    lines = EXAMPLE.read_text("utf-8").splitlines()
    k = next(k for k, line in enumerate(lines) if '"priority": "P1"' in line)
    lines[k] = lines[k].replace('"P1"', '"P9"')  # a priority the policy does not have (E120)
    log.write_text("\n".join([*lines, "not json"]) + "\n", encoding="utf-8")
    out = io.BytesIO()
    judge(policy(), log, "2026-10-01", "2026-12-15", skip_invalid=True).write_json(out)
    assert out.getvalue() == command_json(log, "--from", "2026-10-01", "--to", "2026-12-15", "--skip-invalid")
    assert b"[E120]" in out.getvalue() and b"[E100]" in out.getvalue()


@pytest.mark.parametrize("page", ["reports.en.md", "reports.ja.md"])
def test_the_reports_page_names_that_call(page: str) -> None:
    text = (ROOT / "docs" / "engineers" / page).read_text("utf-8")
    assert DOCUMENTED in text and "judge_log(...).write_json" not in text

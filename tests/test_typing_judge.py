"""``sla_dsl.evaluation.judge`` type-checks under ``mypy --strict`` with what ``sla_dsl.evaluate`` takes.

``judge`` (the API's entry for a log too large to hold its report as models) was annotated narrower than
``evaluate``: a generator or a set of policy versions and a polars ``LazyFrame`` (or another Arrow stream)
were type errors though it takes them. One mypy run checks a small embedding program of each kind (as
``test_typing_embedding`` does for ``evaluate``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PASSES = """\
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import polars as pl

import sla_dsl
from sla_dsl.evaluation import Evaluation, judge
from sla_dsl.reader import read_events

policy = sla_dsl.load_policy("policies/clicksoko.sla")
rows = [{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"}]


def versions() -> Iterator[sla_dsl.Policy]:
    yield policy


verdicts: Evaluation = judge(policy, rows, "2026-11-01", "2026-12-01")
judge([policy], rows, dt.date(2026, 11, 1), dt.date(2026, 12, 1), trend=False)
judge(versions(), rows, "2026-11-01", "2026-12-01")
judge({policy}, rows, "2026-11-01", "2026-12-01")
judge((policy,), (r for r in rows), "2026-11-01", "2026-12-01", as_of="2026-11-15")
judge(policy, pl.DataFrame(rows), "2026-11-01", "2026-12-01")
judge(policy, pl.DataFrame(rows).lazy(), "2026-11-01", "2026-12-01")
judge(policy, read_events("examples/events-2026-11.jsonl"), "2026-11-01", "2026-12-01")
judge(policy, Path("examples/events-2026-11.jsonl"), "2026-11-01", "2026-12-01", skip_invalid=True)
judge(policy, "examples/events-2026-11.jsonl", dt.datetime(2026, 11, 1, tzinfo=dt.UTC), "2026-12-01")
judge(policy, rows, "2026-11-01", "2026-12-01").write_json(io.BytesIO())
"""

#: each line a mistake mypy must report (the line's number is checked)
FAILS = """\
from sla_dsl import load_policy
from sla_dsl.evaluation import judge

policy = load_policy("policies/clicksoko.sla")
judge(policy, 42, "2026-11-01", "2026-12-01")
judge([42], [], "2026-11-01", "2026-12-01")
judge(policy, [], 20261101, "2026-12-01")
"""


def test_mypy_strict_on_a_program_that_calls_judge(tmp_path: Path) -> None:
    (tmp_path / "passes.py").write_text(PASSES, "utf-8")
    (tmp_path / "fails.py").write_text(FAILS, "utf-8")
    (tmp_path / "mypy.ini").write_text("[mypy]\n", "utf-8")  # (an embedder's: --strict alone, no plugin)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--follow-imports=silent",  # (the program's errors: the package is checked by its own gate)
            "--config-file",
            str(tmp_path / "mypy.ini"),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(tmp_path / "passes.py"),
            str(tmp_path / "fails.py"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    said = run.stdout + run.stderr
    assert "passes.py" not in said, said
    flagged = {int(n) for n in re.findall(r"fails\.py:(\d+): error:", said)}
    assert flagged == {5, 6, 7}, said
    assert run.returncode == 1

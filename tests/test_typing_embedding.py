"""A program that embeds sla-dsl type-checks under ``mypy --strict``: the documented calls pass, a typo fails.

``sla_dsl.evaluate`` was annotated narrower than the API page: a polars ``LazyFrame`` (or another Arrow
stream), and any iterable of policy versions (a generator, a set) were type errors though ``evaluate`` takes
them; and the module's ``__getattr__`` (the names it imports on first use) returned ``Any`` for every name,
so a typo such as ``sla_dsl.evalute`` passed the checker and failed only when run. One mypy run (the
package found from the repository, as an installed one is) checks a small embedding program of each kind;
another does the same for ``sla_dsl.evaluation.judge``, which was annotated narrower in the same way.
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
from collections.abc import Iterator
from pathlib import Path

import polars as pl

import sla_dsl
from sla_dsl.reader import read_events

policy = sla_dsl.load_policy("policies/clicksoko.sla")
version: sla_dsl.Policy = policy
rows = [{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"}]


def versions() -> Iterator[sla_dsl.Policy]:
    yield policy


report = sla_dsl.evaluate(policy, rows, "2026-11-01", "2026-12-01")
sla_dsl.evaluate([policy], rows, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
sla_dsl.evaluate(versions(), rows, "2026-11-01", "2026-12-01")
sla_dsl.evaluate({policy}, rows, "2026-11-01", "2026-12-01")
sla_dsl.evaluate((policy,), (r for r in rows), "2026-11-01", "2026-12-01", as_of="2026-11-15")
sla_dsl.evaluate(policy, pl.DataFrame(rows), "2026-11-01", "2026-12-01")
sla_dsl.evaluate(policy, pl.DataFrame(rows).lazy(), "2026-11-01", "2026-12-01")
sla_dsl.evaluate(policy, read_events("examples/events-2026-11.jsonl"), "2026-11-01", "2026-12-01")
sla_dsl.evaluate(policy, Path("examples/events-2026-11.jsonl"), "2026-11-01", "2026-12-01", skip_invalid=True)
sla_dsl.evaluate(policy, "examples/events-2026-11.jsonl", dt.datetime(2026, 11, 1, tzinfo=dt.UTC), "2026-12-01")
compiled: sla_dsl.Compiled = sla_dsl.compile_policy("policies/clicksoko.sla")
errors: tuple[type[Exception], ...] = (sla_dsl.PolicyError, sla_dsl.EventInputError, sla_dsl.InputError)
tables = sla_dsl.report_tables(report)
n: int = len(report.incidents)
"""

#: each line a mistake mypy must report (the line's number is checked)
FAILS = """\
import sla_dsl

policy = sla_dsl.load_policy("policies/clicksoko.sla")
sla_dsl.evalute(policy, [], "2026-11-01", "2026-12-01")
sla_dsl.Polcy
sla_dsl.evaluate(policy, 42, "2026-11-01", "2026-12-01")
sla_dsl.evaluate([42], [], "2026-11-01", "2026-12-01")
sla_dsl.evaluate(policy, [], 20261101, "2026-12-01")
"""


def strict_mypy(tmp_path: Path, passes: str, fails: str) -> tuple[str, set[int], int]:
    """``mypy --strict`` as an embedder runs it on a program that passes and one whose lines fail: what it
    said, the lines of the failing program it flagged, its exit code."""
    (tmp_path / "passes.py").write_text(passes, "utf-8")
    (tmp_path / "fails.py").write_text(fails, "utf-8")
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
    return said, {int(n) for n in re.findall(r"fails\.py:(\d+): error:", said)}, run.returncode


def test_mypy_strict_on_an_embedding_program(tmp_path: Path) -> None:
    said, flagged, code = strict_mypy(tmp_path, PASSES, FAILS)
    assert "passes.py" not in said, said
    assert flagged == {4, 5, 6, 7, 8}, said
    assert 'Module has no attribute "evalute"; maybe "evaluate"?' in said
    assert 'Module has no attribute "Polcy"' in said
    assert code == 1


JUDGE_PASSES = """\
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
JUDGE_FAILS = """\
from sla_dsl import load_policy
from sla_dsl.evaluation import judge

policy = load_policy("policies/clicksoko.sla")
judge(policy, 42, "2026-11-01", "2026-12-01")
judge([42], [], "2026-11-01", "2026-12-01")
judge(policy, [], 20261101, "2026-12-01")
"""


def test_mypy_strict_on_a_program_that_calls_judge(tmp_path: Path) -> None:
    """``judge`` (the API's entry for a log too large to hold its report as models) takes what ``evaluate``
    takes: it was annotated narrower (a generator or a set of versions, a polars ``LazyFrame``)."""
    said, flagged, code = strict_mypy(tmp_path, JUDGE_PASSES, JUDGE_FAILS)
    assert "passes.py" not in said, said
    assert flagged == {5, 6, 7}, said
    assert code == 1

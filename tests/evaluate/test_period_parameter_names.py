"""What the API refuses about the period names its parameters (``start``, ``end``, ``as_of``), not the
command's flags: ``sla_dsl.evaluate(policy, events, "2026-11-01", "2026-11-01")`` said "`--to` must be
after `--from`" to a caller who wrote no flag. The command keeps its flags."""

from __future__ import annotations

import subprocess
import sys

import pytest

import sla_dsl
from sla_dsl.errors import InputError

from .helpers import POLICY_PATH, english_policy, policy


def _refused(pol: sla_dsl.Policy, start: str, end: str, as_of: str | None = None) -> str:
    with pytest.raises(InputError) as err:
        sla_dsl.evaluate(pol, [], start, end, as_of)
    return str(err.value)


def test_an_empty_period_names_start_and_end() -> None:
    assert _refused(english_policy(), "2026-11-01", "2026-11-01") == "the period is empty: `end` must be after `start`"
    assert _refused(policy(), "2026-12-01", "2026-11-01") == "期間が空です：`end` は `start` より後にしてください"


def test_a_period_too_long_names_start_and_end() -> None:
    said = _refused(english_policy(), "1950-01-01", "2190-01-01")
    assert said.startswith("the period from start `1950-01-01` to end `2190-01-01` is longer than")


def test_as_of_before_the_start_names_as_of_and_start() -> None:
    said = _refused(english_policy(), "2026-11-01", "2026-12-01", "2026-10-01")
    assert said.startswith("as_of `2026-10-01T00:00:00+09:00` is before start `2026-11-01T00:00:00+09:00`")
    assert said.endswith("(without as_of, the report is as of end)")
    assert "--" not in said


def test_the_command_still_names_its_flags() -> None:
    flags = ["--lang", "en", "--from", "2026-11-01", "--to", "2026-11-01"]
    res = subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", "evaluate", str(POLICY_PATH), "-", *flags],
        input="",
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 2 and "`--to` must be after `--from`" in res.stderr  # (a usage error)

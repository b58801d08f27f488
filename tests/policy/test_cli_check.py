"""`sla check` as the contract states: exit codes, output streams, colour."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl import __version__
from sla_dsl.cli import main
from sla_dsl.cli.app import use_color


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )


def test_clean_policy_prints_nothing_and_exits_0(policy_path: Path, tmp_path: Path) -> None:
    proc = run("check", str(policy_path), cwd=tmp_path)  # from another directory
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_diagnostic_format(tmp_path: Path, policy_text: str) -> None:
    bad = tmp_path / "bad.sla"
    bad.write_text(policy_text.replace("respond within 4 business hours", "respond within 4 business hurs"))
    proc = run("check", "--lang", "en", str(bad))  # the policy is Japanese first (see test_japanese_diagnostics.py)
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    line_no = next(i for i, ln in enumerate(policy_text.splitlines(), 1) if "within 4 business hours" in ln)
    assert (
        lines[0] == f"{bad}:{line_no}:29: error: [E011] unexpected `hurs`, "
        "expected a unit (seconds, minutes, hours, days, weeks, months)"
    )
    assert lines[1].endswith("respond within 4 business hurs")
    assert lines[2].endswith("^^^^")
    assert lines[3].strip() == "help: write `4 business hours`"
    assert lines[-1] == "1 error, 0 warnings"


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("check").returncode == 2
    assert run("no-such-command").returncode == 2


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"sla {__version__}"


def test_several_files_all_checked(tmp_path: Path, policy_path: Path) -> None:
    bad = tmp_path / "empty.sla"
    bad.write_text("")
    proc = run("check", str(policy_path), str(bad))
    assert proc.returncode == 1 and f"{bad}:1:1: error: [E217]" in proc.stderr


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(_Tty()) is True
    assert use_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(_Tty()) is False


def test_colour_codes_reach_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    bad = tmp_path / "bad.sla"
    bad.write_text("priority P1 {}")
    err = _Tty()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["check", str(bad)]) == 1
    assert "\x1b[31m" in err.getvalue()

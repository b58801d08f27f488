"""``python -m sla_dsl`` is the ``sla`` command (an author who has the package but not the script on the
PATH tries it first; it used to fail: "No module named sla_dsl.__main__")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sla_dsl

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sla_dsl", *args], capture_output=True, text=True, cwd=ROOT)


def test_python_m_sla_dsl_runs_the_command() -> None:
    version = _run("--version")
    assert (version.returncode, version.stdout) == (0, f"sla {sla_dsl.__version__}\n")
    checked = _run("check", "policies/clicksoko.sla")
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")
    refused = _run("check", "no-such.sla")
    assert refused.returncode == 1 and "no-such.sla" in refused.stderr and "Traceback" not in refused.stderr

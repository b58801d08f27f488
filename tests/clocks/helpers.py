"""What the clock tests share: the ``sla`` command run as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sla(*args: str) -> subprocess.CompletedProcess[str]:
    """``sla ARGS`` from the repository's root (``python -m sla_dsl.cli``), its output as text."""
    cmd = [sys.executable, "-m", "sla_dsl.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)

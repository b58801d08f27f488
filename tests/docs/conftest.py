"""Fixtures of the docs tests: one strict build of the project's site, and a helper for other builds."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Build:
    """A finished ``mkdocs build``: where the site is, what mkdocs printed, how long it took."""

    site: Path
    output: str
    seconds: float

    def page(self, uri: str) -> str:
        """The HTML of the page at ``uri`` (``sla/click-so-ko``)."""
        return (self.site / uri / "index.html").read_text("utf-8")


#: Where each language's policy page is in the project's site (Japanese first, at the root; English under en/).
POLICY_PAGE = {"ja": "sla/click-so-ko", "en": "en/sla/click-so-ko"}
#: The day the tests' builds compute maintenance windows and worked deadlines from.
TODAY = "2026-04-01"


def mkdocs_build(config: Path, site: Path, today: str | None = TODAY) -> Build:
    """Run ``mkdocs build --strict`` on ``config`` into ``site``; fail the test with mkdocs' output if it fails.

    ``today`` fixes the build date of computed dates (``SLA_DOCS_TODAY``); ``None`` leaves the real date.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    env.pop("SLA_DOCS_TODAY", None)
    if today is not None:
        env["SLA_DOCS_TODAY"] = today
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
    began = time.perf_counter()
    proc = subprocess.run(cmd, cwd=config.parent, capture_output=True, text=True, timeout=600, env=env)
    seconds = time.perf_counter() - began
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{output}"
    return Build(site, output, seconds)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    """The project's own site, built once with ``mkdocs build --strict``."""
    pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")
    yield mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name skipped browser tests in the summary even under ``-q``: a skip must never be silent."""
    for report in terminalreporter.stats.get("skipped", []):
        if "tests/docs" in str(report.location[0]) and isinstance(report.longrepr, tuple):
            terminalreporter.write_line(f"SKIPPED {report.location[0]}: {report.longrepr[2]}", yellow=True)

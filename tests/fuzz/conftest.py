"""Fixtures of the fuzz run: its time box, a work folder, and the one-line summary at the end."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import SECONDS, STATS, set_basetemp


class Budget:
    """The fuzz run's time box: it starts with the first fuzz test and ends ``SLA_FUZZ_SECONDS`` later."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left in the box (never negative)."""
        return max(0.0, self.end - time.monotonic())


@pytest.fixture(scope="session")
def budget(tmp_path_factory: pytest.TempPathFactory) -> Budget:
    """The shared time box; also points the harness at pytest's temporary folder for findings."""
    set_basetemp(tmp_path_factory.getbasetemp())
    STATS.started = time.monotonic()
    return Budget(SECONDS)


@pytest.fixture
def workdir(tmp_path: Path, budget: Budget) -> Iterator[Path]:
    """A folder for the inputs of one test."""
    del budget
    yield tmp_path
    STATS.ended = time.monotonic()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the fuzz summary line, and store it as ``fuzz-summary.txt`` in pytest's temporary folder."""
    if not (STATS.policies or STATS.logs or STATS.corpus):
        return
    line = STATS.line()
    terminalreporter.write_line(line)
    config = terminalreporter.config
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is not None:
        (Path(factory.getbasetemp()) / "fuzz-summary.txt").write_text(line + "\n", encoding="utf-8")

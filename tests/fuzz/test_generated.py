"""Generate policies and event logs for the rest of the time box and run each through ``sla``.

Half of what is left of ``SLA_FUZZ_SECONDS`` goes to policies, the rest to logs. Each
call of a ``@given`` function runs a batch whose ``max_examples`` is sized from the
time the previous batch took per input, so the box is kept whatever the machine; an
input started before the box closes runs to its end (under the hang detector).
Hypothesis's own ``deadline`` is off: it measures an example after it returns, so it
cannot stop an endless loop, and would turn slow-but-finite inputs into flaky failures;
the harness's per-command alarm does that job.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .conftest import Budget
from .harness import SECONDS, SHRINK, STATS
from .known import KNOWN
from .logs import LogCase, log_cases, render
from .policies import PolicyCase, policy_cases
from .runner import check_order, run_commands

T = TypeVar("T")
PHASES = [Phase.explicit, Phase.reuse, Phase.generate, *([Phase.shrink] if SHRINK else [])]

pytestmark = pytest.mark.skipif(SECONDS <= 0, reason="SLA_FUZZ_SECONDS=0: corpus replay only")


def fuzz_for(seconds: float, strategy: st.SearchStrategy[T], body: Callable[[T], None]) -> None:
    """Run ``body`` on generated inputs in batches until ``seconds`` have passed."""
    end = time.monotonic() + seconds
    batch = 3
    while time.monotonic() < end:
        began = time.monotonic()

        @settings(
            max_examples=batch,
            deadline=None,
            phases=PHASES,
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
        )
        @given(strategy)
        def examples(case: T) -> None:
            if time.monotonic() < end:
                body(case)

        examples()
        per_input = (time.monotonic() - began) / batch
        batch = max(1, min(200, int((end - time.monotonic()) / max(per_input, 0.005) / 3)))


def test_generated_policies(budget: Budget, workdir: Path) -> None:
    def one(case: PolicyCase) -> None:
        STATS.policies += 1
        run_commands(case.data, ".sla", case.commands, workdir, list(KNOWN.values()))

    fuzz_for(budget.remaining() / 2, policy_cases(), one)
    print(STATS.line())


def test_generated_logs(budget: Budget, workdir: Path) -> None:
    known = list(KNOWN.values())

    def one(case: LogCase) -> None:
        STATS.logs += 1
        data = render(case.layout, case.records)
        outcomes = run_commands(data, case.layout.suffix, case.commands, workdir, known, case.seed)
        check_order(case.layout, case.records, case.commands[0], outcomes[0], workdir, [case.seed], known)

    fuzz_for(budget.remaining(), log_cases(), one)
    print(STATS.line())

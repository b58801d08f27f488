"""Every example policy in ``policies/examples/`` passes ``sla check`` and its ``sla test`` cases.

Each ``NAME.sla`` there has its hand-worked cases in ``NAME.yaml`` (or ``NAME-tests.yaml``) beside it;
the policies are globbed, so an example added later is tested too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "policies" / "examples"
POLICIES = sorted(EXAMPLES.glob("*.sla"))


def _sla(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_there_are_examples() -> None:
    assert len(POLICIES) >= 2


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.stem)
def test_example_passes_sla_check(policy: Path) -> None:
    proc = _sla("check", str(policy))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "warning" not in proc.stdout + proc.stderr


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.stem)
def test_example_passes_its_sla_test_cases(policy: Path) -> None:
    names = (f"{policy.stem}.yaml", f"{policy.stem}-tests.yaml")
    found = [policy.parent / n for n in names if (policy.parent / n).is_file()]
    assert found, f"{policy.name} needs its `sla test` cases beside it, in {' or '.join(names)}"
    cases = found[0]
    proc = _sla("test", str(policy), str(cases))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "PASS" in proc.stdout

"""W252, W253 and E253 quote a credit tier's figures as the author wrote them.

QA: ``credit below 99.9% 10%, below 99.5% 25%, below 99.0% 20%`` was told "the credit below 99% (20%) ...":
the figures were printed in their shortest form (``:g``), so an author who wrote ``99.0%`` searched the
file for ``99%``. Each message now quotes the tier's text; what the tiers mean is unchanged (``99.0%`` and
``99%`` are one figure to the model, to ``sla diff`` and to the evaluator).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.lang.model import meaning
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
PLANS = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
PREMIUM = "credit below 99.9% 10%, below 99.5% 25%, below 99.0% 50%"
GENERAL = "credit below 99.5% 10%, below 99.0% 25%, below 95.0% 100%"


def _found(old: str, new: str, code: str) -> Diagnostic:
    assert PLANS.count(old) == 1
    (d,) = [d for d in compile_text(PLANS.replace(old, new), "p.sla").diagnostics if d.code == code]
    return d


@pytest.mark.parametrize("line", [PREMIUM, GENERAL])  # (a target with `when`, and the one without)
def test_w252_quotes_the_figures_as_written(line: str) -> None:
    tiers = "credit below 99.90% 10.0%, below 99.50% 25.0%, below 99.0% 20.0%"
    d = _found(line, tiers, "W252")
    assert d.message == "the credit below 99.0% (20.0%) is not more than below 99.50% (25.0%)"
    assert d.text("ja") == "99.0%未満の返金（20.0%）が、99.50%未満の返金（25.0%）より多くありません"


def test_e253_quotes_the_second_tier_as_written() -> None:
    d = _found(PREMIUM, "credit below 99.9% 10%, below 99.50% 25%, below 99.5% 50%", "E253")
    assert d.message == "two credit tiers below 99.5%"
    d = _found(PREMIUM, "credit below 99.9% 10%, below 99.5% 25%, below 99.50% 50%", "E253")
    assert d.message == "two credit tiers below 99.50%"
    assert d.text("ja") == "99.50%未満の返金の段階が二つあります"


def test_w253_quotes_the_tier_as_written() -> None:
    d = _found(PREMIUM, "credit below 99.950% 10%, below 99.5% 25%, below 99.0% 50%", "W253")
    assert d.message == "a credit is owed below 99.950%, above the target 99.9%"


def test_figures_written_another_way_mean_the_same() -> None:
    longer = PLANS.replace(PREMIUM, "credit below 99.90% 10.0%, below 99.50% 25.00%, below 99.0% 50%")
    a, b = compile_text(PLANS).model, compile_text(longer).model
    assert a is not None and b is not None
    assert meaning(a) == meaning(b)
    assert compile_text(longer).diagnostics == []

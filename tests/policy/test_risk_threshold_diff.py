"""``sla diff`` of a clock's warning thresholds: one change from the whole list (``risk_thresholds``), never a
second one for the first threshold on its own (a list whose lowest threshold changed was said twice, the first
line wrong)."""

from __future__ import annotations

import pytest

from sla_dsl.authoring.semdiff import diff_models, render_text
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

TEXT = """sla "N" {
 format 1
 version "1.0"
 effective 2026-01-01
 timezone Asia/Tokyo
 title "T" / "T"
}
calendar business "営業" / "Business" { days mon..fri  hours 09:00-17:00 }
clock response "応答" / "Response" { starts at incident.reported  RISK }
priority P1 "a" / "a" { respond within 4 business hours  complete on incident.resolved }
"""


def _model(risks: str) -> PolicyModel:
    compiled = compile_text(TEXT.replace("RISK", f"at risk at {risks} of target" if risks else ""))
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


@pytest.mark.parametrize(
    ("old", "new", "en", "ja"),
    [
        ("50%, 75%", "75%", "~ Response at-risk warning removed: 50%", "~ 応答の警告しきい値を削除：50%"),
        ("75%", "50%, 75%", "~ Response at-risk warning added: 50%", "~ 応答の警告しきい値を追加：50%"),
        (
            "50%, 75%",
            "60%, 75%",
            "~ Response at-risk warning: 50%, 75% -> 60%, 75%",
            "~ 応答の警告しきい値：50%、75% → 60%、75%",
        ),
        ("50%, 75%", "60%", "~ Response at-risk warning: 50%, 75% -> 60%", "~ 応答の警告しきい値：50%、75% → 60%"),
        ("50%, 75%", "", "~ Response at-risk warning removed: 50%, 75%", "~ 応答の警告しきい値を削除：50%、75%"),
    ],
)
def test_a_changed_list_of_thresholds_is_one_change(old: str, new: str, en: str, ja: str) -> None:
    a, b = _model(old), _model(new)
    changes = diff_models(a, b)
    assert [(c.section, c.field, c.old, c.new) for c in changes] == [
        ("clock", "at_risk_thresholds", a.clocks[0].risk_thresholds, b.clocks[0].risk_thresholds)
    ]
    assert render_text(a, b, changes, "en").splitlines() == [en]
    assert render_text(a, b, changes, "ja").splitlines() == [ja]


def test_one_threshold_for_another_is_still_a_change_of_the_number() -> None:
    a, b = _model("60%"), _model("80%")
    changes = diff_models(a, b)
    assert [(c.field, c.old, c.new) for c in changes] == [("at_risk_percent", 60, 80)]
    assert render_text(a, b, changes, "en").splitlines() == ["~ Response at-risk warning: 60% -> 80%"]

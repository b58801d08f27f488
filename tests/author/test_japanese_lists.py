"""A list a person reads in Japanese is joined with 「、」, never with an English comma.

Before, these Japanese texts joined their lists with ``, ``: the help of W301 naming a day's hours
(``その日の営業時間（10:00-12:00, 13:00-15:00）``), ``sla test`` naming test files that hold no case
(``a.yaml, b.yaml：実行するケースがありません``) and the reason a conditional priority rule applies
(``plan = premium, channel = en のため``). ``sla replay``'s are in ``test_replay_words.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.cli import main
from sla_dsl.lang import conditions
from sla_dsl.lang.compile import compile_text

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"

SHORT_FRIDAY = """
sla "Desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja, en
}
calendar business "営業時間" / "Business" {
  hours mon..thu 09:00-17:00
  hours fri 09:00-10:00, 11:00-12:00
}
priority P1 "優先度1" / "P1" {
  respond within 4 business hours
  same day if received 4 hours before close of business
}
"""


def test_the_hours_of_a_short_day_in_w301_s_help() -> None:
    (w301,) = [d for d in sla_dsl.compile_policy(SHORT_FRIDAY).diagnostics if d.code == "W301"]
    assert "その日の営業時間（09:00-10:00、11:00-12:00）は目標より短いため" in (w301.help_text("ja") or "")
    assert "that day's hours (09:00-10:00, 11:00-12:00) are shorter than the target" in (w301.help_text("en") or "")


def test_test_files_that_hold_no_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path in (a, b):
        path.write_text("cases: []\n", "utf-8")
    capsys.readouterr()
    assert main(["test", str(POLICY), str(a), str(b), "--lang", "ja"]) == 1
    assert capsys.readouterr().err.startswith(f"sla: エラー: {a}、{b}：実行するケースがありません")
    assert main(["test", str(POLICY), str(a), str(b), "--lang", "en"]) == 1
    assert capsys.readouterr().err.startswith(f"sla: error: {a}, {b}: no case to run")


PLANS = """
sla "T" { format 1 version "1" effective 2026-01-01 timezone Asia/Tokyo languages ja, en }
attribute plan "契約プラン" / "Plan" { values standard, premium default standard }
attribute channel "窓口" / "Channel" { values ja, en default ja }
calendar business "営業日" / "Business days" { days mon..fri hours 10:00-12:00, 13:00-18:00 holidays JP }
priority P1 "優先度1" / "Priority 1" { when plan = premium and channel = en respond within 1 hour }
priority P1 "優先度1" / "Priority 1" { respond within 4 business hours }
"""


def test_the_reason_a_conditional_rule_applies() -> None:
    model = compile_text(PLANS).model
    assert model is not None
    rule = model.rules_of("P1")[0]
    attrs = {"plan": "premium", "channel": "en"}
    assert "plan = premium、channel = en のため" in conditions.reason(rule, attrs, "ja")
    assert "plan = premium, channel = en, so the rule" in conditions.reason(rule, attrs, "en")

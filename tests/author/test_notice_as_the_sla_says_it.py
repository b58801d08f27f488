"""``sla diff``'s change notice says a priority and a time limit as the report and the SLA say them.

A QA review of the notice found: a priority named ``優先度１（P1）`` in the notice but ``P1 優先度１`` in the
customer's report; a changed target time said as a bare length (``通知目標時間：3営業時間 → 2営業時間``) where the
SLA says ``3営業時間以内``; and, in English, ``respond within by the end of the 1st business day`` for a new
priority's target by the end of a day, and ``new priority: Priority 4 (P4): (respond ...)``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import change_text, diff_models, notice_words, render_markdown, render_text
from sla_dsl.lang import model as m
from sla_dsl.policy import compile_text
from sla_dsl.policy.compiled import Policy
from sla_dsl.report.words import PolicyWords

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
ORIGINAL = ROOT / "docs" / "original" / "clicksoko-sla-ja.txt"

P1_TARGET = ("respond within 4 business hours", "respond within 3 business hours")
RECOVERY = ("within 3 business hours after outage.recognized", "within 2 business hours after outage.recognized")
P4 = 'priority P4 "優先度４" / "Priority 4" [art 3.2] {\n  respond by end of 1st business day\n}\n\n'


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _versions(*edits: tuple[str, str]) -> tuple[m.PolicyModel, m.PolicyModel]:
    text = new = CLICKSOKO.read_text("utf-8")
    for old, replacement in edits:
        assert new.count(old) == 1, old
        new = new.replace(old, replacement)
    return _model(text), _model(new)


def _with_p4(target: str = "respond by end of 1st business day") -> tuple[m.PolicyModel, m.PolicyModel]:
    """The policy and the same with a new priority P4 of ``target``."""
    anchor = "# --- Article 3.1: SLA items"
    return _versions((anchor, P4.replace("respond by end of 1st business day", target) + anchor))


def _notice(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    words = notice_words(old, new, lang)  # type: ignore[arg-type]
    return [change_text(c, words, old, new) for c in diff_models(old, new)]


def _text(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    return render_text(old, new, diff_models(old, new), lang).splitlines()  # type: ignore[arg-type]


# ---- a priority by the report's name --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_notice_names_a_priority_as_the_report_does(lang: str) -> None:
    old, new = _versions(P1_TARGET)
    report_name = PolicyWords([Policy(new)], lang).priority("P1")  # the report's `P1 優先度１` / `P1 Priority 1`
    assert report_name == {"ja": "P1 優先度１", "en": "P1 Priority 1"}[lang]
    (line,) = _notice(old, new, lang)
    assert line.startswith(report_name + {"ja": "の応答目標時間", "en": " response target"}[lang]), line
    notice = render_markdown(old, new, diff_models(old, new), lang)  # type: ignore[arg-type]
    assert f"- {line}\n" in notice
    assert "（P1）" not in notice and "(P1)" not in notice


def test_the_japanese_text_names_a_priority_as_the_notice_does() -> None:
    old, new = _versions(P1_TARGET)
    assert _text(old, new, "ja") == ["~ P1 優先度１の応答目標時間：4営業時間以内 → 3営業時間以内"]


def test_a_priority_an_item_points_at_is_named_as_the_report_does() -> None:
    old, new = _versions(("rules priority P1, priority P2, priority P3", "rules priority P1, priority P2"))
    assert _notice(old, new, "ja") == [
        "障害発生時の対応の値を決める規定：優先度「P1 優先度１」、優先度「P2 優先度２」、優先度「P3 優先度３」"
        " → 優先度「P1 優先度１」、優先度「P2 優先度２」"
    ]


# ---- a time limit as the SLA words it --------------------------------------------------------------


def test_a_changed_target_time_is_a_limit_in_japanese() -> None:
    """As the SLA words the notice time: ``3 営業時間以内``."""
    assert "3営業時間以内" in re.sub(r"\s+", "", ORIGINAL.read_text("utf-8"))
    old, new = _versions(P1_TARGET, RECOVERY)
    assert _notice(old, new, "ja") == [
        "P1 優先度１の応答目標時間：4営業時間以内 → 3営業時間以内",
        "復旧情報通知時間の通知目標時間：3営業時間以内 → 2営業時間以内",
    ]
    assert _text(old, new, "ja")[1] == "~ 復旧情報通知時間の通知目標時間：3営業時間以内 → 2営業時間以内"


def test_a_changed_target_time_is_a_limit_in_english() -> None:
    old, new = _versions(P1_TARGET, RECOVERY)
    assert _notice(old, new, "en") == [
        "P1 Priority 1 response target: within 4 business hours -> within 3 business hours",
        "Recovery-information notice time target: within 3 business hours -> within 2 business hours",
    ]
    assert _text(old, new, "en") == [
        "~ P1 Priority 1 response target: within 4 business hours -> within 3 business hours",
        "~ Recovery-information notice time target: within 3 business hours -> within 2 business hours",
    ]


def test_an_elapsed_limit_is_counted_before_its_word() -> None:
    """``2日以内``, never ``2日間以内``."""
    old, new = _versions((RECOVERY[0], "within 2 days after outage.recognized"))
    assert _notice(old, new, "ja") == ["復旧情報通知時間の通知目標時間：3営業時間以内 → 2日以内"]


def test_a_new_priority_says_its_target_as_a_limit() -> None:
    old, new = _with_p4()
    assert _notice(old, new, "ja") == ["優先度「P4 優先度４」を追加（応答目標時間：1営業日目の終業時刻まで）"]
    assert _notice(old, new, "en") == ["New priority: P4 Priority 4 (respond by the end of the 1st business day)"]
    assert _text(old, new, "en") == ["+ new priority: P4 Priority 4 (respond by the end of the 1st business day)"]
    old, new = _with_p4("respond within 10 business days")
    assert _notice(old, new, "ja") == ["優先度「P4 優先度４」を追加（応答目標時間：10営業日以内）"]
    assert _notice(old, new, "en") == ["New priority: P4 Priority 4 (respond within 10 business days)"]

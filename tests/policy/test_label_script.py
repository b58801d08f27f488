"""A Japanese text with no Japanese in it, where the policy declares ``ja`` (W262).

QA's l09: with ``languages ja`` only, ``priority P1 "Priority 1"`` passed and the Japanese report
printed ``P1 Priority 1の応答``; the check of scripts (E264) ran only when ``en`` was declared too.
W262 is a warning, not an error as E264 is: E264 has two texts that show they were swapped, while one
text in Latin letters may be what a Japanese reader is meant to see (a product's name).
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.policy import compile_text

LANGS = "  languages ja, en                             # Japanese first: outputs default to it"
P1 = 'priority P1 "優先度１" / "Priority 1" [art 3.2] {'
ALWAYS = 'calendar always "24時間365日" / "24 hours, 365 days" [art 2.1.1] {'


def _codes(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in compile_text(text, "t.sla").diagnostics]


def _ja_only(*edits: tuple[str, str]) -> str:
    return edited(CLICKSOKO, (LANGS, "  languages ja"), *edits)


def test_an_english_label_in_a_japanese_only_policy_is_warned_of() -> None:
    text = _ja_only((P1, 'priority P1 "Priority 1" [art 3.2] {'))
    assert _codes(text) == [("W262", line_of(CLICKSOKO, P1), 13)]
    (d,) = compile_text(text).diagnostics
    assert d.message == (
        "this text has no Japanese, and the policy declares `ja`: a Japanese report shows it as written"
    )
    assert d.help == 'write it in Japanese: "日本語"'
    assert d.text("ja") == (
        "ポリシーは `ja` を宣言していますが、この文には日本語がありません。"
        "日本語のレポートには書かれたとおりに表示されます"
    )
    assert d.help_text("ja") == '日本語で書いてください：`"日本語"`'


def test_qa_l07_the_calendar_label() -> None:
    text = _ja_only((ALWAYS, 'calendar always "24 hours, 365 days" [art 2.1.1] {'))
    assert _codes(text) == [("W262", line_of(CLICKSOKO, ALWAYS), 17)]


def test_with_english_declared_too_a_single_english_text_asks_for_the_pair() -> None:
    text = edited(CLICKSOKO, (P1, 'priority P1 "Priority 1" [art 3.2] {'))
    (d,) = compile_text(text).diagnostics
    assert d.code == "W262" and d.help == 'write it as a pair, the Japanese first: "日本語" / "English"'
    assert d.help_text("ja") == '日本語と英語の組で書いてください：`"日本語" / "English"`'


@pytest.mark.parametrize(
    "label",
    [
        '"P1"',  # a code
        '"SLA"',  # an abbreviation
        '"AMI バックアップ"',  # Japanese with a name in Latin letters
        '"優先度１"',
        '"P1 (24/7)"',
    ],
)
def test_codes_abbreviations_and_japanese_pass(label: str) -> None:
    assert _codes(_ja_only((P1, f"priority P1 {label} [art 3.2] {{"))) == []


def test_a_swapped_pair_is_still_e264_and_only_that() -> None:
    text = _ja_only((ALWAYS, 'calendar always "24 hours, 365 days" / "24時間365日" [art 2.1.1] {'))
    assert _codes(text) == [("E264", line_of(CLICKSOKO, ALWAYS), 17)]


def test_no_japanese_declared_or_no_declaration_no_warning() -> None:
    english = 'priority P1 "Priority 1" [art 3.2] {'
    assert [c for c, _, _ in _codes(edited(CLICKSOKO, (LANGS, "  languages en"), (P1, english)))] == []
    assert [c for c, _, _ in _codes(edited(CLICKSOKO, (LANGS, ""), (P1, english)))] == []


def test_the_bundled_policy_has_no_such_text() -> None:
    assert _codes(_ja_only()) == []

"""An unknown calendar's help names the calendars the file declares, those refused for their own errors too.

A calendar refused for its own error (E204, an unknown holiday region) is not in the model, and a
reference to it is passed over (one error, not a cascade). But a misspelt reference to it, which is
an error of its own (E207), said "calendars here: none" when the file declares one: it now suggests
the declared name, or lists the declared names, as it does for a calendar that was not refused. The
same for an item's rule naming a declaration refused for its own error (E218).
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited

from sla_dsl.policy import compile_text

HEADER = 'sla "T" {\n  format 1\n  version "1"\n  effective 2026-01-01\n  timezone UTC\n  languages en\n}\n'
#: QA's file: the calendar refused for an unknown subdivision, a target misspelling its name
POLICY = (
    HEADER + 'calendar business "Business" {\n  days mon..fri\n  hours 09:00-17:00\n  holidays US-XX\n\n}\n'
    'priority P1 "P1" {\n  respond within 2 busness hours\n}\n'
)


def _said(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(d.code, d.text(lang), d.help_text(lang) or "") for d in compile_text(text, "t.sla").diagnostics]


def test_a_misspelt_reference_to_a_refused_calendar_suggests_its_name() -> None:
    said = _said(POLICY, "en")
    assert [code for code, _, _ in said] == ["E204", "E207"]
    assert said[1][1:] == ("no calendar is called `busness`", "did you mean `business`?")
    assert _said(POLICY, "ja")[1][2] == "`business` の誤りではありませんか？"


@pytest.mark.parametrize(
    ("lang", "help"),
    [
        ("en", "define `calendar zzz { ... }`; calendars here: `business`"),
        ("ja", "`calendar zzz { ... }` を定義してください（定義済みのカレンダー：`business`）"),
    ],
)
def test_a_reference_far_from_every_name_lists_the_refused_calendar(lang: str, help: str) -> None:
    said = _said(POLICY.replace("busness", "zzz"), lang)
    assert [code for code, _, _ in said] == ["E204", "E207"] and said[1][2] == help


def test_a_reference_to_the_refused_calendar_itself_is_still_passed_over() -> None:
    assert [code for code, _, _ in _said(POLICY.replace("busness", "business"), "en")] == ["E204"]


def test_an_items_rule_misspelling_a_refused_declaration_suggests_it() -> None:
    """Item rules name declarations by kind: a notification refused for its own error is near the typo."""
    head = 'notify recovery "復旧情報通知時間" / "Recovery-information notice time" [art 3.1.4] {'
    refused = edited(
        CLICKSOKO, (head, head + "\n  bogus statement"), ("  rules notify recovery", "  rules notify recovry")
    )
    said = [(code, help) for code, _, help in _said(refused, "en")]
    assert said[0][0] == "E011" and said[1:] == [("E218", "did you mean `recovery`?")]

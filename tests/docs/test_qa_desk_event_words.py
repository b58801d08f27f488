"""The mapping page says how a desk's events read in the desk's words.

Found by a QA pass as a Zendesk administrator: mapped as the page says, a ticket's events are the
contract's types, and ``sla explain`` and the reports said an ordinary ticket's creation and solve in the
Click So-ko contract's words (障害の報告を受付, 回避策または問題解決に必要な情報を受領). The language
has a relabel for it (``event incident.reported "…" / "…"``), which the page did not mention. Its Zendesk
and Jira Service Management sections now give the lines to write (both languages, the same lines): they
compile in a policy with the section's other blocks, and ``sla explain`` then says what the page says.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.cli import main
from sla_dsl.policy import compile_text

from . import test_examples
from .conftest import ROOT
from .test_qa_zendesk_reopen_docs import _section

FENCE = re.compile(r"```sla\n(.*?)```", re.S)
HEADER = """\
sla "Desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  provider "サポート窓口" / "Support desk"
  languages ja, en
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-18:00
  holidays JP
}

clock response "初回返信時間" / "First reply time" { starts at incident.reported }

priority P1 "緊急" / "Urgent" [art 3.2] {
  respond within 1 business hour
  resolve within 5 business days on resolution
  complete on incident.resolved
}
"""
#: The words each section's text quotes from ``sla explain``, by its anchor and language.
SAID = {
    ("jira-service-management-event-words", "en"): [
        "“Issue created” recorded (P1 Urgent)",
        "“Set to Resolved” recorded (completed)",
    ],
    ("jira-service-management-event-words", "ja"): [
        "「課題の作成」を記録（P1 緊急）",
        "「解決済みに変更」を記録（完了）",
    ],
    ("zendesk-event-words", "en"): ["“Ticket created” recorded (P1 Urgent)", "“Set to solved” recorded (completed)"],
    ("zendesk-event-words", "ja"): ["「チケットの作成」を記録（P1 緊急）", "「解決済みに変更」を記録（完了）"],
}
#: The contract's words the relabel replaces.
CONTRACT = {
    "en": ["failure reported", "workaround or information needed", "the end user"],
    "ja": ["障害の報告を受付", "回避策または問題解決に必要な情報", "エンド・ユーザー様"],
}
EVENTS = [
    ("incident.reported", "2026-11-12T10:00:00+09:00"),
    ("incident.responded", "2026-11-12T10:30:00+09:00"),
    ("incident.info_provided", "2026-11-12T10:30:00+09:00"),
    ("incident.customer_replied", "2026-11-13T10:00:00+09:00"),
    ("incident.resolved", "2026-11-16T15:30:00+09:00"),
]


def _page(lang: str) -> str:
    return (ROOT / f"docs/engineers/mapping.{lang}.md").read_text("utf-8")


def _lines(anchor: str, lang: str) -> str:
    blocks = FENCE.findall(_section(_page(lang), anchor))
    assert len(blocks) == 1, blocks
    return str(blocks[0])


@pytest.mark.parametrize("anchor", ["zendesk-event-words", "jira-service-management-event-words"])
def test_the_lines_are_the_same_on_both_pages_and_among_the_examples(anchor: str) -> None:
    block = _lines(anchor, "en")
    assert _lines(anchor, "ja") == block
    assert block in [str(p.values[0]) for p in test_examples.EXAMPLES]
    assert all(line.startswith("event incident.") for line in block.splitlines()), block


@pytest.mark.parametrize("anchor", ["zendesk-event-words", "jira-service-management-event-words"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_lines_compile_and_explain_says_the_desks_words(
    anchor: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the section's desk (its other blocks declare its own events and clocks) with the relabel's lines
    desk = _section(_page("en"), anchor.replace("-event-words", ""))
    others = [b for b in FENCE.findall(desk) if "clock resolution" in b][:1]
    text = HEADER + "\n".join([*others, _lines(anchor, lang)])
    if not others:
        text += '\nclock resolution "解決までの時間" / "Time to resolution" {\n  starts at incident.reported\n'
        text += "  pauses at incident.info_provided until incident.customer_replied\n  stops at incident.resolved\n}\n"
    assert compile_text(text).diagnostics == []
    policy = tmp_path / "desk.sla"
    policy.write_text(text, "utf-8")
    log = tmp_path / "events.jsonl"
    log.write_text(
        "".join(
            json.dumps({"event": e, "at": at, "id": "T-1", **({"priority": "P1"} if e == "incident.reported" else {})})
            + "\n"
            for e, at in EVENTS
        ),
        "utf-8",
    )
    code = main(["explain", str(policy), str(log), "T-1", "--lang", lang])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    for said in SAID[(anchor, lang)]:
        assert said in " ".join(_section(_page(lang), anchor).split()), said
        assert said in out, out
    for word in CONTRACT[lang]:
        assert word not in out, out

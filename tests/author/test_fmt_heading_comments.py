"""``sla fmt`` keeps a block's ``{`` on its heading's line when a comment stands between the two.

QA: ``calendar business "当社営業時間" / "Company business hours" [art 2.1.2]  # note`` with the ``{`` on the
next line (or a comment line between them) came out with the ``{`` alone on a line of its own, indented
as a continuation and its comment pushed to the far right, or with the comment line moved above the
heading. The brace now stays on the heading's line, where fmt puts it everywhere else: a comment after the
heading's last word stays at the end of that line; the other comments go first in the body, in their order.
The result is formatted again unchanged and means the same (``sla check`` finds the same).
"""

from __future__ import annotations

from pathlib import Path

from sla_dsl.authoring.fmt import format_text
from sla_dsl.lang.compile import compile_text
from sla_dsl.lang.model import meaning

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")

HEAD = 'calendar business "当社営業時間" / "Company business hours" [art 2.1.2]'
OPEN = HEAD + " {\n  days mon..fri\n"


def _edited(new: str) -> str:
    assert CLICKSOKO.count(OPEN) == 1
    return CLICKSOKO.replace(OPEN, new)


def _formatted(text: str) -> str:
    out = format_text(text)
    assert format_text(out) == out
    before, after = compile_text(text), compile_text(out)
    assert [(d.code, d.message) for d in before.diagnostics] == [(d.code, d.message) for d in after.diagnostics]
    assert before.model is not None and after.model is not None
    assert meaning(before.model) == meaning(after.model)
    return out


def _no_lone_brace(out: str) -> None:
    assert not any(line.strip().startswith("{") for line in out.split("\n"))


def test_a_comment_after_the_heading_keeps_the_brace_on_its_line() -> None:
    out = _formatted(_edited(HEAD + "  # note\n{\n  days mon..fri\n"))
    assert HEAD + " {  # note\n  days mon..fri\n" in out
    _no_lone_brace(out)


def test_a_comment_line_between_heading_and_brace_goes_first_in_the_body() -> None:
    out = _formatted(_edited(HEAD + "\n# a comment line\n{\n  days mon..fri\n"))
    assert HEAD + " {\n  # a comment line\n  days mon..fri\n" in out
    _no_lone_brace(out)


def test_every_comment_between_heading_and_body_keeps_its_order() -> None:
    text = _edited(HEAD + "  # one\n  # two\n\n  # three\n{  # four\n  days mon..fri\n")
    out = _formatted(text)
    assert HEAD + " {  # one\n  # two\n\n  # three\n  # four\n  days mon..fri\n" in out
    _no_lone_brace(out)


def test_a_comment_after_the_brace_alone_stays_at_the_end_of_the_heading() -> None:
    out = _formatted(_edited(HEAD + "\n# own line\n{  # after the brace\n  days mon..fri\n"))
    assert HEAD + " {\n  # own line\n  # after the brace\n  days mon..fri\n" in out
    out = _formatted(_edited(HEAD + "\n{  # after the brace\n  days mon..fri\n"))
    assert HEAD + " {  # after the brace\n  days mon..fri\n" in out


def test_a_block_on_one_line_and_an_article() -> None:
    old = 'article 5 "SLA の変更" / "Changes to the SLA" {\n'
    assert CLICKSOKO.count(old) == 1
    text = CLICKSOKO.replace(old, 'article 5 "SLA の変更" / "Changes to the SLA"  # 第5条\n  {\n')
    out = _formatted(text)
    assert 'article 5 "SLA の変更" / "Changes to the SLA" {  # 第5条\n  text ' in out
    head = 'service support "保守支援・問い合わせ対応" / "Maintenance support and inquiries" [art 2.1.2]'
    old = head + " {\n  hours business\n}\n"
    assert CLICKSOKO.count(old) == 1
    out = _formatted(CLICKSOKO.replace(old, head + " # s\n{ hours business }\n"))
    assert head + " {  # s\n  hours business\n}\n" in out
    _no_lone_brace(out)

"""Targets due at an instant of a business day in the language and its tools: the parse and the model,
``sla check``'s refusals (located), ``sla fmt``, ``sla diff`` in both languages, the hover, the docs
site's priority table, the report's words, and the highlighters."""

from __future__ import annotations

from typing import Any

import pytest
from pygments.token import Keyword, Literal, Name, Number

from sla_dsl.authoring.fmt import format_text
from sla_dsl.authoring.hover import hover_text
from sla_dsl.authoring.semdiff import diff_models, render_text
from sla_dsl.docs import text as tx
from sla_dsl.docs.targets import targets_html
from sla_dsl.lang import model as m
from sla_dsl.lang.lexer import SlaLexer
from sla_dsl.policy import compile_text
from sla_dsl.report.words import PolicyWords

HEAD = """sla "Test" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

calendar business "営業日" / "Business days" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
}

clock response "応答" / "Response" {
  starts at incident.reported
}

clock resolution "解決までの時間" / "Time to resolution" {
  starts at incident.reported
  stops at incident.resolved
}

priority P1 "緊急" / "Urgent" {
  respond by 16:00 of 1st business day
  resolve by end of 2nd business day on resolution
  first reply   by 11:00 of 1st business day   on resolution
}
"""


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def test_the_forms_are_read_into_the_model() -> None:
    p = _model(HEAD).priority("P1")
    assert isinstance(p.target, m.ByEndOf) and p.target.at is not None
    assert (p.target.nth, p.target.calendar, p.target.at.minutes) == (1, "business", 960)
    resolve, first = p.targets
    assert resolve.by_day is not None and first.by_day is not None and first.by_day.at is not None
    assert (resolve.kind, resolve.clock, resolve.by_day.nth, resolve.by_day.at) == ("resolve", "resolution", 2, None)
    assert (first.kind, first.by_day.nth, str(first.by_day.at)) == ("first_reply", 1, "11:00")


@pytest.mark.parametrize(
    ("line", "code", "column"),
    [
        ("  respond by 25:00 of 1st business day\n", "E203", 14),  # no such time
        ("  respond by 09:59 of 1st business day\n", "E224", 14),  # before the opening, every day
        ("  respond by 16:00 of 1st nowhere day\n", "E207", 3),  # no such calendar
        ("  respond by end of 0th business day\n", "E213", 21),
    ],
)
def test_what_check_refuses_is_located(line: str, code: str, column: int) -> None:
    text = HEAD.replace("  respond by 16:00 of 1st business day\n", line)
    compiled = compile_text(text)
    found = [(d.code, d.span.line, d.span.column) for d in compiled.errors]
    assert (code, text[: text.index(line)].count("\n") + 1, column) in found, found


def test_a_day_target_on_a_clock_that_pauses_is_refused_with_the_line_to_write() -> None:
    text = HEAD.replace(
        "  stops at incident.resolved\n",
        "  pauses at incident.info_provided until incident.customer_replied\n  stops at incident.resolved\n",
    )
    compiled = compile_text(text)
    found = [d for d in compiled.errors if d.code == "E225"]
    assert [d.span.line for d in found] == [text.count("\n", 0, text.index("  resolve by")) + 1, found[1].span.line]
    assert "`resolve within 2 business days on resolution`" in str(found[0].help)


def test_fmt_keeps_the_forms_and_lays_them_out() -> None:
    out = format_text(HEAD)
    assert "  first reply by 11:00 of 1st business day on resolution\n" in out
    assert format_text(out) == out
    assert not diff_models(_model(HEAD), _model(out))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "by 16:00 on the 1st business day -> by 15:00 on the 1st business day",
                "resolve by the end of the 2nd business day on",
                "resolve by 17:00 on the 3rd business day on",
            ],
        ),
        (
            "ja",
            ["1営業日目の16:00まで → 1営業日目の15:00まで", "解決2営業日目の終業時刻まで", "解決3営業日目の17:00まで"],
        ),
    ],
)
def test_diff_names_the_change(lang: Any, expected: list[str]) -> None:
    new = HEAD.replace("respond by 16:00", "respond by 15:00").replace(
        "resolve by end of 2nd", "resolve by 17:00 of 3rd"
    )
    old_m, new_m = _model(HEAD), _model(new)
    said = render_text(old_m, new_m, diff_models(old_m, new_m), lang)
    for text in expected:
        assert text in said, said


def _hover(text: str, needle: str, offset: int = 0, lang: str = "en") -> str | None:
    lines = text.split("\n")
    row = next(i for i, line in enumerate(lines) if needle in line)
    return hover_text(_model(text), text, row, lines[row].index(needle) + offset, lang)


def test_hover_on_the_clock_and_the_calendar_of_a_day_target() -> None:
    on_clock = _hover(HEAD, "on resolution", 4)
    assert on_clock is not None and "by the end of the 2nd business day" in on_clock
    assert "by 11:00 on the 1st business day" in on_clock
    on_calendar = _hover(HEAD, "2nd business day", 5)
    assert on_calendar is not None and "10:00" in on_calendar
    ja = _hover(HEAD, "on resolution", 4, "ja")
    assert ja is not None and "2営業日目の終業時刻まで" in ja


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ja",
            ["解決：「解決までの時間」で2営業日目の終業時刻まで", "初回回答：「解決までの時間」で1営業日目の11:00まで"],
        ),
        (
            "en",
            [
                "Resolution: by the end of the 2nd business day on the “Time to resolution” clock",
                "First reply: by 11:00 on the 1st business day on the “Time to resolution” clock",
            ],
        ),
    ],
)
def test_the_docs_priority_table_says_the_targets(lang: str, expected: list[str]) -> None:
    model = _model(HEAD)
    cell = targets_html(model.priority("P1"), model, lang)
    for text in expected:
        assert text in cell, cell
    said = tx.target_text(model.priority("P1").target, lang)
    assert said == {"ja": "1営業日目の16:00まで", "en": "by 16:00 on the 1st business day"}[lang]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_words_of_the_targets(lang: str) -> None:
    model = _model(HEAD)
    w = PolicyWords([], lang)
    p = model.priority("P1")
    assert w.target_words(p.target) == {"ja": "1営業日目の16:00まで", "en": "by 16:00 on the 1st business day"}[lang]
    assert (
        w.clock_target_words(p.targets[0])
        == {
            "ja": "2営業日目の終業時刻まで",
            "en": "by the end of the 2nd business day",
        }[lang]
    )


def _kinds(text: str) -> list[tuple[Any, str]]:
    return [(t, v) for t, v in SlaLexer().get_tokens(text) if v.strip()]


def test_the_lexer_highlights_the_forms() -> None:
    said = _kinds(HEAD)
    assert (Literal.Date, "16:00") in said and (Number.Integer, "2nd") in said
    assert (Name.Variable, "business") in said  # (the calendar's name, as in a duration)
    assert (Keyword, "end") in said and (Keyword, "reply") in said


def test_the_lexer_gives_the_declaration_token_to_top_level_declarations_only() -> None:
    text = "maintenance m {\n  calendar business\n}\nitem 1 {\n  rules calendar business, service s\n}\n"
    said = _kinds(text)
    assert [v for t, v in said if t is Keyword.Declaration] == ["maintenance", "item"]
    assert [t for t, v in said if v in ("calendar", "service")] == [Keyword, Keyword, Keyword]
    assert not [v for t, v in said if t is Name.Class and v in ("business", "s")]
    # a block left open ends where a line begins with a declaration no statement begins with
    said = _kinds("calendar c {\n  days mon..fri\nitem 1 {\n  rules calendar c\n}\ncalendar d {\n}\n")
    assert [v for t, v in said if t is Keyword.Declaration] == ["calendar", "item", "calendar"]

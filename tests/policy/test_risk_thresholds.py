"""Several warning thresholds on a clock (``at risk at 50%, 75% of target``) from the text to the words.

Accepted lowest first, each above 0% and below 100%, none twice; anything else refused with a located E215
that says the line to write. ``sla fmt`` keeps the list, ``sla diff`` names a threshold added or removed, the
hover and the docs site say every threshold, in Japanese and in English. Also (a cleanup): a day-based target
(``resolve by end of 2nd business day on CLOCK``) has no duration in the model.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.authoring.fmt import format_text
from sla_dsl.authoring.hover import hover_text
from sla_dsl.authoring.semdiff import diff_models, render_text
from sla_dsl.cli import main
from sla_dsl.docs.facts import _Ctx, at_risk
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

TEXT = """sla "Test" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}

clock response {
  starts at incident.reported
  at risk at RISKS of target
}

clock resolution {
  starts at incident.reported
  stops at incident.resolved
}

priority P1 {
  respond within 4 business hours
  resolve by end of 2nd business day on resolution
}
"""


def _text(risks: str) -> str:
    return TEXT.replace("RISKS", risks)


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def test_several_thresholds_are_read_lowest_first() -> None:
    (clock, _) = _model(_text("50%, 75%")).clocks
    assert (clock.at_risk_percent, clock.at_risk_thresholds, clock.risk_thresholds) == (50, (50, 75), (50, 75))
    (one, _) = _model(_text("80%")).clocks  # one, as before
    assert (one.at_risk_percent, one.at_risk_thresholds, one.risk_thresholds) == (80, (), (80,))


@pytest.mark.parametrize(
    ("risks", "column", "says", "fix"),
    [
        ("75%, 50%", 19, "`50%` is not above the threshold before it, `75%`", "at risk at 50%, 75% of target"),
        ("50%, 50%", 19, "`50%` is not above the threshold before it, `50%`", "at risk at 50% of target"),
        ("50%, 100%", 19, "`100%` is not a warning threshold of several", "at risk at 50% of target"),
        ("50%, 75%, 60%", 24, "`60%` is not above the threshold before it, `75%`", "at risk at 50%, 60%, 75%"),
        ("0%, 50%", 14, "`0%` is not a percentage above 0 and at most 100", "e.g. `99.5%`"),
    ],
)
def test_a_list_out_of_order_twice_or_out_of_range_is_refused_where_it_is(
    risks: str, column: int, says: str, fix: str
) -> None:
    compiled = compile_text(_text(risks), "p.sla")
    d = compiled.errors[0]  # (the clock refused, a check of the others may say more)
    assert (d.code, d.span.line, d.span.column) == ("E215", 17, column)
    assert says in d.message
    assert d.help is not None and fix in d.help


def test_refused_by_sla_check_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.sla"
    path.write_text(_text("75%, 50%"), "utf-8")
    assert main(["check", str(path), "--lang", "ja"]) == 1
    err = capsys.readouterr()
    said = err.out + err.err
    assert "p.sla:17:19" in said and "前のしきい値" in said and "Traceback" not in said


def test_load_policy_refuses_it_too() -> None:
    with pytest.raises(sla_dsl.PolicyError):
        sla_dsl.load_policy(_text("75%, 50%"))


def test_fmt_keeps_the_list() -> None:
    messy = _text("50%,75%").replace("at risk at", "at  risk at")
    out = format_text(messy)
    assert "  at risk at 50%, 75% of target\n" in out
    assert format_text(out) == out


@pytest.mark.parametrize(
    ("old", "new", "lang", "line"),
    [
        ("50%", "50%, 75%", "en", "clock response at-risk warning added: 75%"),
        ("50%", "50%, 75%", "ja", "起算点 responseの警告しきい値を追加：75%"),
        ("50%, 75%, 90%", "50%, 75%", "en", "clock response at-risk warning removed: 90%"),
        ("50%, 75%, 90%", "50%, 75%", "ja", "起算点 responseの警告しきい値を削除：90%"),
        ("50%, 60%", "50%, 75%", "en", "clock response at-risk warning: 50%, 60% -> 50%, 75%"),
    ],
)
def test_diff_names_a_threshold_added_or_removed(old: str, new: str, lang: str, line: str) -> None:
    a, b = _model(_text(old)), _model(_text(new))
    said = render_text(a, b, diff_models(a, b), lang)  # type: ignore[arg-type]
    assert line in said
    assert "at_risk_thresholds" not in said


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "at risk at 50% of a target, warned at each of 50%, 75%"),
        ("ja", "目標の50%が経過すると要注意、50%、75%の各時点で警告"),
    ],
)
def test_hover_says_every_threshold(lang: str, words: str) -> None:
    text = _text("50%, 75%")
    lines = text.split("\n")
    row = next(i for i, x in enumerate(lines) if x.startswith("clock response"))
    said = hover_text(_model(text), text, row, len("clock r"), lang)
    assert said is not None and words in said


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "a case is at risk once 50% of its target has passed, warned at each of 50%, 75%."),
        ("ja", "目標時間の50%が経過した案件を「要注意」とし、50%、75%の各時点で警告します。"),
    ],
)
def test_docs_site_renders_every_threshold(tmp_path: Path, lang: str, words: str) -> None:
    path = tmp_path / "p.sla"
    path.write_text(_text("50%, 75%"), "utf-8")
    policy = sla_dsl.load_policy(path)
    page = render_policy(policy, PageContext(lang=lang, source_url=""))
    assert words.replace("「", "&#x300c;") in page or words in page
    fact = at_risk(_Ctx(policy, lang, dt.date(2026, 4, 1)))
    assert ("50%、75%" if lang == "ja" else "50%, 75%") in fact


def test_a_day_based_target_has_no_duration() -> None:
    (target,) = _model(_text("80%")).priorities[0].targets
    assert target.by_day is not None and target.duration is None

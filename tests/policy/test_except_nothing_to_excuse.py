"""W258: an ``except`` of a service's hours with nothing to excuse is a warning, not silently accepted.

``hours always except maintenance, planned stops`` in a policy with no ``planned stop`` block (the
plans example had it) was accepted with no word: a stop can be validly noticed only under a
``planned stop`` block, so no stop was ever excused, and ``sla check`` exited 0. The same for
``except maintenance`` with no ``maintenance`` block: there is no window to excuse. The policy is
valid and what the evaluator does is defined (nothing is excused), so it is a warning, as for a
rule that can never apply (W250, W256); like every warning it makes ``sla check`` exit 1. Its help
gives the ``hours`` line without the words that excuse nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from policy_edits import CLICKSOKO, edited, found, line_of

import sla_dsl
from sla_dsl.lang import model as m
from sla_dsl.lang.check import check_model
from sla_dsl.policy import compile_text

HEAD = (
    'sla "T" {\n  format 1\n  version "1"\n  effective 2026-01-01\n  timezone Asia/Tokyo\n  languages ja, en\n}\n'
    "calendar always {\n  days mon..sun\n  hours 00:00-24:00\n}\n"
)
SERVICE = "service content {\n  hours always except maintenance, planned stops\n  availability measured\n}\n"
STOP = "planned stop {\n  notice 1 week before start date by email\n}\n"
WINDOW = "maintenance regular {\n  every month on 3rd wed, 22:00-24:00\n}\n"
HOURS_LINE = 13  # the service's `hours` line in HEAD + SERVICE


def _w258(text: str) -> list[tuple[int, int, str, str | None]]:
    """(line, column, message, help) of each W258."""
    return [
        (d.span.line, d.span.column, d.message, d.help)
        for d in compile_text(text, "t.sla").diagnostics
        if d.code == "W258"
    ]


MAINTENANCE = (
    "`except maintenance` in the hours of service `content` never takes effect: the policy has no "
    "`maintenance` block, so there is no maintenance window to excuse"
)
PLANNED = (
    "`except planned stops` in the hours of service `content` never takes effect: the policy has no "
    "`planned stop` block, so no stop is validly noticed and none is excused"
)

#: the column of each word on the `hours` line: `  hours always except maintenance, planned stops`
WORD = {MAINTENANCE: 23, PLANNED: 36}


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        (
            "",
            [
                (MAINTENANCE, "`hours always`, or declare the windows with a `maintenance` block"),
                (PLANNED, "`hours always`, or add a `planned stop` block"),
            ],
        ),
        (STOP, [(MAINTENANCE, "`hours always except planned stops`, or declare")]),
        (WINDOW, [(PLANNED, "`hours always except maintenance`, or add")]),
        (STOP + WINDOW, []),
    ],
    ids=["neither", "stop-only", "window-only", "both"],
)
def test_each_except_with_nothing_to_excuse_is_warned_at_its_word(blocks: str, expected: list[tuple[str, str]]) -> None:
    got = _w258(HEAD + SERVICE + blocks)
    assert [(line, column, message) for line, column, message, _ in got] == [
        (HOURS_LINE, WORD[message], message) for message, _ in expected
    ]
    for (*_, help_), (_, said) in zip(got, expected, strict=True):
        assert help_ is not None and help_.startswith(f"write {said}"), help_


def test_the_japanese_wording() -> None:
    (d,) = [
        d for d in compile_text(HEAD + SERVICE + WINDOW, "t.sla").diagnostics if d.code == "W258"
    ]  # (the policy's primary language is Japanese)
    assert d.text("ja") == (
        "サービス `content` の提供時間の `except planned stops` は効果がありません：ポリシーに `planned stop` "
        "のブロックがないため、有効な事前通知のある計画停止はなく、除外される停止もありません"
    )
    assert (d.help_text("ja") or "").startswith("`hours always except maintenance` と書くか、")


def test_a_block_refused_for_its_own_error_is_not_said_missing() -> None:
    broken_stop = "planned stop {\n  notice 0 weeks before start date by email\n}\n"
    assert [c for c, _ in found(HEAD + SERVICE + WINDOW + broken_stop)] == ["E215"]
    broken_window = "maintenance regular {\n  every month on 6th wed, 22:00-24:00\n}\n"
    assert [c for c, _ in found(HEAD + SERVICE + STOP + broken_window)] == ["E213"]


def test_an_item_naming_the_missing_planned_stop_is_one_finding() -> None:
    """Click So-ko without its planned stop: item 5's ``rules planned stop`` is E218, not also W258."""
    start, end = CLICKSOKO.index("planned stop "), CLICKSOKO.index("maintenance regular")
    missing = CLICKSOKO[:start] + CLICKSOKO[end:]
    assert found(missing) == [("E218", line_of(missing, "rules planned stop"))]
    # with the item's reference gone too, nothing else says so: W258 at the service's hours
    text = edited(missing, ("  rules planned stop\n", ""))
    assert [c for c, _ in found(text) if c.startswith(("E", "W"))] == ["W258"]


def test_the_finding_points_at_the_word_where_the_compiler_hands_its_spot() -> None:
    model = sla_dsl.compile_policy(HEAD + SERVICE).model
    assert model is not None
    svc = model.services[0]
    word = m.Span(line=HOURS_LINE, column=36, end_line=HOURS_LINE, end_column=49)
    spots = {("service", svc.span.line, svc.span.column, "except:planned_stops"): word}
    spans = {d.message: d.span for d in check_model(model, spots=spots) if d.code == "W258"}
    assert spans[PLANNED] == word
    assert spans[MAINTENANCE] == svc.hours.span  # (no spot: the `hours` line)


def test_sla_check_warns_and_exits_1(tmp_path: Path) -> None:
    """The report's repro: the plans example as it was, `except maintenance, planned stops` and neither block."""
    plans = (Path(__file__).resolve().parents[2] / "policies" / "examples" / "plans.sla").read_text("utf-8")
    old = plans.replace(
        "[art 6] {\n  hours always\n", "[art 6] {\n  hours always except maintenance, planned stops\n", 1
    )
    assert old != plans
    path = tmp_path / "plans.sla"
    path.write_text(old, "utf-8")
    for lang, said in (("en", "never takes effect"), ("ja", "効果がありません")):
        proc = subprocess.run(
            [sys.executable, "-m", "sla_dsl.cli", "check", "--lang", lang, str(path)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        out = proc.stdout + proc.stderr
        assert proc.returncode == 1, out
        assert out.count("[W258]") == 2 and said in out, out
        assert "Traceback" not in out

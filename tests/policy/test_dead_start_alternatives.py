"""A ``starts at`` alternative after an event every incident has can never apply (W241); and findings
about one line of a block point at that line, not at the block.

QA's g01: ``starts at incident.reported, else incident.product_suspected`` passed, and the response clock
started at every report, whatever came: the fallback was dead and the verdicts changed silently. QA's r04
and g04: a misspelt calendar in a maintenance window (E207) and a response clock without the report
(E220) pointed at the block's first line, which the language server underlines whole.
"""

from __future__ import annotations

from policy_edits import CLICKSOKO, ROOT, edited, line_of

import sla_dsl
from sla_dsl.policy import compile_text

STARTS = "  starts at incident.product_suspected, else incident.reported  # reading 6"
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"


def _found(text: str) -> list[tuple[str, int, int, int]]:
    """(code, line, column, end column) of every diagnostic."""
    return [(d.code, d.span.line, d.span.column, d.span.end_column) for d in compile_text(text).diagnostics]


def test_an_alternative_after_the_report_is_dead() -> None:
    text = edited(CLICKSOKO, (STARTS, "  starts at incident.reported, else incident.product_suspected"))
    line = line_of(CLICKSOKO, STARTS)
    assert _found(text) == [("W241", line, 37, 63)]  # the alternative itself
    (d,) = compile_text(text).diagnostics
    assert d.message == (
        "clock `response`: `incident.product_suspected` can never apply: every incident has "
        "`incident.reported`, written before it, so the clock always starts at `incident.reported`"
    )
    # both ways out, and which one changes the verdicts
    assert d.help == (
        "the events of `starts at` are tried in the order written, and the first that came starts the clock: "
        "to keep the verdicts as they are, remove the alternatives that never apply (`starts at incident.reported`); "
        "to start at such an event when it comes, write it first "
        "(`starts at incident.product_suspected, else incident.reported`: this changes the verdicts)"
    )
    assert d.text("ja") == (
        "クロック `response`：`incident.product_suspected`が使われることはありません。すべての案件に "
        "`incident.reported` があり、それが先に書かれているため、クロックは常に `incident.reported` から始まります"
    )


def test_the_warning_says_true_and_its_first_way_out_keeps_the_verdicts() -> None:
    """Judged on the example log: the dead fallback changes nothing (removing it keeps every row), and
    writing it first is what the bundled policy does (other rows)."""
    dead = edited(CLICKSOKO, (STARTS, "  starts at incident.reported, else incident.product_suspected"))
    kept = edited(CLICKSOKO, (STARTS, "  starts at incident.reported"))
    assert compile_text(kept).diagnostics == []

    def rows(text: str) -> list[dict[str, object]]:
        report = sla_dsl.evaluate(sla_dsl.load_policy(text), EVENTS, "2026-11-01", "2026-12-01")
        return [row.model_dump() for row in report.incidents]

    assert rows(dead) == rows(kept) != rows(CLICKSOKO)


def test_several_dead_alternatives_and_a_repeated_report() -> None:
    three = edited(
        CLICKSOKO, (STARTS, STARTS.replace("incident.reported", "incident.reported, else incident.resolved"))
    )
    (d,) = compile_text(three).diagnostics
    assert d.code == "W241" and "`incident.resolved` can never apply" in d.message
    assert "`starts at incident.product_suspected, else incident.resolved, else incident.reported`" in (d.help or "")
    twice = edited(CLICKSOKO, (STARTS, "  starts at incident.reported, else incident.reported"))
    (d,) = compile_text(twice).diagnostics
    assert (d.code, d.span.column) == ("W241", 37)  # the second one
    assert (
        d.help
        == "remove the alternatives that never apply (`starts at incident.reported`): the verdicts stay as they are"
    )


def test_the_report_last_or_alone_is_no_finding() -> None:
    assert compile_text(CLICKSOKO).diagnostics == []
    assert compile_text(edited(CLICKSOKO, (STARTS, "  starts at incident.reported"))).diagnostics == []


def test_a_named_clock_is_checked_too() -> None:
    clock = (
        'clock fix "修正" / "Fix" {\n  starts at incident.reported, else incident.customer_replied\n'
        "  stops at incident.resolved\n}\n"
    )
    text = CLICKSOKO.replace("priority P1 ", clock + "\npriority P1 ", 1).replace(
        "respond within 4 business hours\n",
        "respond within 4 business hours\n  resolve within 5 business days on fix\n",
        1,
    )
    assert [c for c, *_ in _found(text)] == ["W241"]


# -- where findings about one line of a block point ---------------------------------------------------------


def test_a_misspelt_calendar_of_a_maintenance_window_is_located_at_its_name() -> None:
    text = edited(CLICKSOKO, ("  calendar business\n  notice none", "  calendar busines\n  notice none"))
    line = line_of(text, "  calendar busines")
    assert _found(text) == [("E207", line, 12, 19)]  # QA's r04: 77:12, not the block's 74:1


def test_a_response_clock_without_the_report_is_located_at_its_starts_line() -> None:
    text = edited(CLICKSOKO, (STARTS, "  starts at incident.product_suspected  # reading 6"))
    line = line_of(CLICKSOKO, STARTS)
    assert _found(text) == [("E220", line, 3, 39)]  # QA's g04: the `starts at` line, not the clock's 85:1


def test_after_a_broken_declaration_the_lines_are_still_located() -> None:
    """Error recovery parses declarations one by one: each keeps its own lines."""
    text = edited(
        CLICKSOKO,
        ("  calendar business\n  notice none", "  calendar busines\n  notice none"),
        ("respond within 4 business hours\n", "respond within 4 business hurs\n"),
    )
    codes = {d.code: (d.span.line, d.span.column) for d in compile_text(text).diagnostics}
    assert codes["E207"] == (line_of(text, "  calendar busines"), 12)
    assert "E011" in codes

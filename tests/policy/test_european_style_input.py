"""Dates written day first with dots and ordinals written as English words get the line to write.

A service manager in Berlin writes ``effective 01.01.2027`` and ``every month on first sun``: both were
parse errors whose help gave the statement's general example (``effective 2026-04-01``, ``every month on
4th thu, 22:00-24:00``), not the value meant. The help now rewrites the value, as it does for
``2026/04/01`` and ``on 4 thu``: ``2027-01-01``, ``1st sun``. A date with slashes stays without a
rewrite, since ``01/02/2027`` is the 2nd of January in the United States and the 1st of February in
Europe, and so does a day-first date whose month is no month."""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

EFFECTIVE = "  effective 2026-04-01"
EVERY = "  every month on 4th thu, 22:00-24:00 "
HOURS = "  hours 10:00-12:00, 13:00-18:00 "


def _one_error(old: str, new: str) -> tuple[str, Diagnostic]:
    text = edited(CLICKSOKO, (old, new))
    errors = compile_text(text, "t.sla").errors
    assert len(errors) == 1, [e.header() for e in errors]
    return text, errors[0]


@pytest.mark.parametrize(
    ("old", "new", "at", "help_ja", "help_en"),
    [
        (
            EFFECTIVE,
            "  effective 01.04.2026",
            "01",
            "日付は `2026-04-01` のように書いてください",
            "write the date as `2026-04-01`",
        ),
        (
            EFFECTIVE,
            "  effective 1.4.2026",
            "1.",
            "日付は `2026-04-01` のように書いてください",
            "write the date as `2026-04-01`",
        ),
        (
            HOURS,
            HOURS + "\n  closed 24.12.2026..31.12.2026",
            "24",
            "日付は `2026-12-24..2026-12-31` のように書いてください",
            "write the date as `2026-12-24..2026-12-31`",
        ),
        (
            EVERY,
            "  every month on first sun, 22:00-24:00 ",
            "first",
            "序数で `1st sun` と書いてください",
            "write an ordinal: `1st sun`",
        ),
        (
            EVERY,
            "  every month on Fourth thu, 22:00-24:00 ",
            "Fourth",
            "序数で `4th thu` と書いてください",
            "write an ordinal: `4th thu`",
        ),
    ],
)
def test_the_help_rewrites_the_value(old: str, new: str, at: str, help_ja: str, help_en: str) -> None:
    text, d = _one_error(old, new)
    line = next(ln for ln in new.split("\n") if at in ln)
    assert (d.code, d.span.line, d.span.column) == ("E011", line_of(text, line), line.index(at) + 1)
    assert (d.help_text("ja"), d.help) == (help_ja, help_en)


@pytest.mark.parametrize("new", ["  effective 01/04/2026", "  effective 01.13.2026"])
def test_no_guess_where_the_day_and_month_cannot_be_told(new: str) -> None:
    _, d = _one_error(EFFECTIVE, new)
    assert d.help == "`effective` lines are written like `effective 2026-04-01`"

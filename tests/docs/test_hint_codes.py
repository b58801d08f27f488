"""The error-code page lists each hint for input written the Japanese way under the codes the parser gives it
with, not under both E010 and E011 whatever it is.

A hint that names no code of its own is raised as E010 when the parser stopped at a character no token
starts with, and as E011 when it stopped at a token it cannot take there. Most hints come with either
(``２０２６/04/01`` stops at ``２``, E010; ``2026/04/01`` at the token ``2026``, E011), but some only with one:
a Japanese weekday, a country's Japanese name and a Japanese opening quote are where the lexer stops (E010),
and a number written for an ordinal (``on 4 thu``) is always a token (E011). The page listed every hint under
both. Each example below is an edit of the Click So-ko policy and the code ``sla check`` gives its hint with;
the page's rows must list each hint under exactly the codes its examples give it with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.docs import code_words
from sla_dsl.docs.codes import _PACKAGE, _READERS, _trees, worded
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
HOURS = "  hours 10:00-12:00, 13:00-18:00 "
VALUE = '  value "当社営業時間" / "Company business hours"'
EVERY = "  every month on 4th thu, 22:00-24:00 "
EFFECTIVE = "  effective 2026-04-01"
HOLIDAYS = "  holidays JP "
TIMEZONE = "  timezone Asia/Tokyo "
KEEP = "  every 1 day\n  keep 7 days\n}\n\nbackup machine_image"
AVAILABILITY = "  availability measured "

#: help key -> (code, (old line, new line)) examples; together they give every code the hint comes with
EXAMPLES: dict[str, list[tuple[str, tuple[str, str]]]] = {
    "diag.help.weekdays": [
        ("E010", ("  days mon..fri", "  days 月..金")),
        ("E010", ("  days mon..fri", "  days mon..金")),
    ],
    "diag.help.country": [("E010", (HOLIDAYS, "  holidays 日本 ")), ("E010", (HOLIDAYS, "  holidays 米国 "))],
    "diag.help.country_example": [("E010", (HOLIDAYS, "  holidays 火星 ")), ("E011", (HOLIDAYS, "  holidays 1日本 "))],
    "diag.help.quotes": [
        ("E010", (VALUE, '  value 「当社営業時間」 / "Company business hours"')),
        ("E010", (VALUE, '  value “当社営業時間” / "Company business hours"')),
    ],
    "diag.help.quotes_missing": [
        ("E010", (VALUE, '  value 当社営業時間 / "Company business hours"')),
        ("E011", (VALUE, '  value 1「当社」 / "Company business hours"')),
    ],
    "diag.help.ordinal": [("E011", (EVERY, "  every month on 4 thu, 22:00-24:00 "))],
    "diag.help.nth_day": [
        ("E010", (EVERY, "  every month on 第3水曜日, 22:00-24:00 ")),
        ("E011", (HOLIDAYS, '  holidays JP\n  holiday yearly 11月第4木曜日 "感謝祭" / "Thanksgiving"\n')),
    ],
    "diag.help.time": [
        ("E011", (EVERY, "  every month on 3rd wed, 22時-24時 ")),
        ("E010", (HOURS, "  hours １０時-18時 ")),
    ],
    "diag.help.date": [
        ("E011", (EFFECTIVE, "  effective 2026/04/01")),
        ("E011", (EFFECTIVE, "  effective 2026年4月1日")),
        ("E010", (EFFECTIVE, "  effective ２０２６/04/01")),
    ],
    "diag.help.yearmonth": [
        ("E011", (EVERY, "  every 3 months from 2026/03 on 4th thu, 22:00-24:00 ")),
        ("E010", (EVERY, "  every 3 months from ２０２６/03 on 4th thu, 22:00-24:00 ")),
    ],
    "diag.help.monthday": [
        ("E011", (HOLIDAYS, "  holidays JP\n  closed yearly 12/29..01/03\n")),
        ("E010", (HOLIDAYS, "  holidays JP\n  closed yearly １２/29..01/03\n")),
    ],
    "diag.help.decimal_point": [
        ("E011", (AVAILABILITY, "  availability target 99,5% ")),
        ("E010", (AVAILABILITY, "  availability target ９９,５% ")),
    ],
    "diag.help.zone_offset": [
        ("E010", (TIMEZONE, "  timezone UTC+9 ")),
        ("E011", (TIMEZONE, "  timezone UTC-5 ")),
    ],
    "diag.help.fullwidth": [
        ("E010", (HOURS, "  hours １０：００－１８：００ ")),
        ("E011", ("  at risk at 75% of target", "  at risk at 75％ of target")),
    ],
    "diag.help.digits": [
        ("E010", (KEEP, KEEP.replace("keep 7 days", "keep \u0667 days"))),
        ("E011", (HOURS, "  hours 1\u0660:00-12:00 ")),
    ],
    "diag.help.char": [
        ("E010", (HOURS, "  hours 10:00～18:00 ")),
        ("E011", (HOURS, "  hours 1０:00～18:00 ")),
    ],
    "diag.help.write": [
        ("E010", (HOURS, "  hours 10:00～12:00、13:00-18:00 ")),
        ("E011", (HOURS, "  hours 1０:00～12:00、13:00-18:00 ")),
    ],
    "diag.help.arithmetic": [("E010", (KEEP, KEEP.replace("keep 7 days", "keep 14/2 days")))],
    "diag.help.name_ascii": [
        ("E010", ("priority P1 ", "priority 優先度１ ")),
        ("E011", (HOURS, "  hours 10～18:00 ")),
    ],
}
CASES = [(key, code, edit) for key, examples in EXAMPLES.items() for code, edit in examples]


@pytest.mark.parametrize(("key", "code", "edit"), CASES, ids=[f"{k}-{c}-{e[1].strip()}" for k, c, e in CASES])
def test_each_example_gives_its_hint_with_its_code(key: str, code: str, edit: tuple[str, str]) -> None:
    old, new = edit
    assert CLICKSOKO.count(old) == 1, old
    errors = compile_text(CLICKSOKO.replace(old, new), "t.sla").errors
    given = [(d.code, d.help_words.key) for d in errors if d.help_words is not None]
    assert (code, key) in given, given


def _hints() -> set[str]:
    """The help keys a hint without a code of its own prints, by what the page's reader finds in the parser's
    hints (:mod:`sla_dsl.lang.input_hints`), for E010 or E011."""
    trees = {m: t for m, t in _trees(_PACKAGE).items() if m.split(".")[1:] not in _READERS}
    return (
        {
            u.key
            for u in code_words.read(trees).uses
            if u.module == "sla_dsl.lang.input_hints" and u.code in ("E010", "E011") and u.role == "help"
        }
        - {"diag.help.fullwidth_space", "diag.help.invisible.space", "diag.help.invisible.delete"}
        - {
            "diag.help.decimal_duration",
            "diag.help.decimal_duration.none",
        }
    )  # (those name their code: E010 always)


def test_every_hint_has_examples() -> None:
    assert _hints() == set(EXAMPLES)


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_the_page_lists_each_hint_under_the_codes_it_comes_with(key: str) -> None:
    rows = worded()
    listed = {code for code in ("E010", "E011") if key in rows[code].helps}
    assert listed == {code for code, _ in EXAMPLES[key]}, (key, listed)

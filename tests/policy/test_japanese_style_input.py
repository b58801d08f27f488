"""Input typed the Japanese way gets a hint naming what is wrong and the ASCII to write instead.

QA's edits of Click So-ko, each a parse error that only said "unexpected ...": a wave dash or tilde in a
time range, full-width digits, colons and spaces, ``、`` between ranges, 「」 or “” around a text (or no
quotes), a quote inside a text, ``４営業時間`` and ``5 営業日``, ``月..金``, ``2026/04/01`` and
``2026年4月1日``, ``99,5%``, ``UTC+9``, ``on 4 thu``, ``holidays 日本``, ``from 2026/03``. Full-width
and other scripts' digits were read as numbers where a lone number was expected (the grammar's ``\\d``
takes any Unicode digit), so that ``respond within ４ business hours`` passed while ``１０：００`` did
not: the grammar reads ASCII digits only, and every such digit gets the same hint. Each error is one,
located on the character or word at fault, and its Japanese has no English word outside backticks.
"""

from __future__ import annotations

import re

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

HOURS = "  hours 10:00-12:00, 13:00-18:00 "
VALUE = '  value "当社営業時間" / "Company business hours"'
TEXT = '  text "当社は、本書の内容を変更する場合があります。"'
P1 = "  respond within 4 business hours\n"
P3 = "  respond within 5 business days "
EVERY = "  every month on 4th thu, 22:00-24:00 "
FILES_KEEP = "  every 1 day\n  keep 7 days\n}\n\nbackup machine_image"

#: (old line, new line, code, where the span starts in the new line, the Japanese help)
CASES = {
    "tilde": (HOURS, "  hours 10:00~18:00 ", "E010", "~", "`~` の代わりに半角の `-` を書いてください：`10:00-18:00`"),
    "wave-dash": (
        HOURS,
        "  hours 10:00～18:00 ",
        "E010",
        "～",
        "`～` の代わりに半角の `-` を書いてください：`10:00-18:00`",
    ),
    "full-width": (
        HOURS,
        "  hours １０：００－１８：００ ",
        "E010",
        "１",
        "全角文字は使えません。半角で `10:00-18:00` と書いてください",
    ),
    "ideographic-comma": (
        HOURS,
        "  hours 10:00-12:00、13:00-18:00 ",
        "E010",
        "、",
        "`、` の代わりに半角の `,` を書いてください：`10:00-12:00, 13:00-18:00`",
    ),
    "full-width-space": (HOURS, "  hours\u300010:00-12:00, 13:00-18:00 ", "E010", "\u3000", None),
    "kagi-quotes": (VALUE, '  value 「当社営業時間」 / "Company business hours"', "E010", "「", None),
    "curly-quotes": (VALUE, '  value “当社営業時間” / "Company business hours"', "E010", "“", None),
    "no-quotes": (VALUE, '  value 当社営業時間 / "Company business hours"', "E010", "当", None),
    "opening-quote-missing": (
        VALUE,
        '  value 当社営業時間" / "Company business hours"',
        "E010",
        "当",
        '文字列は半角の `"` で囲んでください：`"当社営業時間"`',
    ),
    "quote-inside": (
        TEXT,
        '  text "当社は、本書の内容を"変更"する場合があります。"',
        "E014",
        '"変',
        '文字列の中の `"` は `\\"` と書くか、「」に置き換えてください',
    ),
    "quote-not-closed": (
        VALUE,
        '  value "当社営業時間 / "Company business hours"',
        "E014",
        '"',
        '同じ行の中で文字列を `"` で閉じてください',
    ),
    "japanese-unit": (P1, "  respond within ４営業時間\n", "E015", "４", "`4 business hours` と書いてください"),
    "japanese-unit-after-number": (
        P1,
        "  respond within 4営業時間\n",
        "E015",
        "営",
        "`4 business hours` と書いてください",
    ),
    "japanese-unit-spaced": (P3, "  respond within 5 営業日 ", "E015", "営", "`5 business days` と書いてください"),
    "japanese-weekdays": (
        "  days mon..fri",
        "  days 月..金",
        "E010",
        "月",
        "曜日は英語の略語で `mon..fri` と書いてください",
    ),
    "slashed-date": (
        "  effective 2026-04-01",
        "  effective 2026/04/01",
        "E011",
        "2026",
        "日付は `2026-04-01` のように書いてください",
    ),
    "japanese-date": (
        "  effective 2026-04-01",
        "  effective 2026年4月1日",
        "E011",
        "2026",
        "日付は `2026-04-01` のように書いてください",
    ),
    "decimal-comma": (
        "  availability measured ",
        "  availability target 99,5% ",
        "E011",
        "99",
        "小数点は `.` です：`99.5%` と書いてください",
    ),
    "utc-offset": (
        "  timezone Asia/Tokyo ",
        "  timezone UTC+9 ",
        "E010",
        "UTC",
        "タイムゾーンは地域の名前で書いてください（例：`Asia/Tokyo`）。"
        "`UTC+9` の時差のまま固定するなら `Etc/GMT-9` です",
    ),
    "number-for-ordinal": (
        EVERY,
        "  every month on 4 thu, 22:00-24:00 ",
        "E011",
        "4",
        "序数で `4th thu` と書いてください",
    ),
    "japanese-country": ("  holidays JP ", "  holidays 日本 ", "E010", "日本", "国コードで `JP` と書いてください"),
    "slashed-year-month": (
        EVERY,
        "  every 3 months from 2026/03 on 4th thu, 22:00-24:00 ",
        "E011",
        "2026",
        "年月は `2026-03` のように書いてください",
    ),
    "full-width-percent": (
        "  at risk at 75% of target",
        "  at risk at 75％ of target",
        "E011",
        "75",
        "全角文字は使えません。半角で `75%` と書いてください",
    ),
    # digits: ASCII only, wherever a number stands
    "full-width-amount": (
        P1,
        "  respond within ４ business hours\n",
        "E010",
        "４",
        "全角文字は使えません。半角で `4` と書いてください",
    ),
    "arabic-indic-amount": (
        FILES_KEEP,
        FILES_KEEP.replace("keep 7 days", "keep \u0667 days"),
        "E010",
        "\u0667",
        "`\u0667` は使えません。半角の数字で `7` と書いてください",
    ),
    "full-width-hour": (
        HOURS,
        "  hours １０:００-12:00, 13:00-18:00 ",
        "E010",
        "１",
        "全角文字は使えません。半角で `10:00-12:00` と書いてください",
    ),
}


def _latin_outside_code(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", text))


def _one_error(old: str, new: str) -> tuple[str, Diagnostic]:
    text = edited(CLICKSOKO, (old, new))
    errors = compile_text(text, "t.sla").errors
    assert len(errors) == 1, [e.header() for e in errors]
    return text, errors[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_japanese_style_input_gets_its_ascii_form(case: str) -> None:
    old, new, code, at, help_ja = CASES[case]
    text, d = _one_error(old, new)
    line = next(ln for ln in new.split("\n") if at in ln)
    assert (d.code, d.span.line, d.span.column) == (code, line_of(text, line), line.index(at) + 1)
    if help_ja is not None:
        assert d.help_text("ja") == help_ja
    assert d.help_text("ja"), "every one of these gets a hint"
    assert _latin_outside_code(d.text("ja") + (d.help_text("ja") or "")) == []


@pytest.mark.parametrize(
    ("case", "help_ja", "message_ja"),
    [
        ("full-width-space", "全角スペースの代わりに半角スペースを書いてください", "全角スペースはここには書けません"),
        ("kagi-quotes", '文字列は半角の `"` で囲んでください：`"当社営業時間"`', None),
        ("curly-quotes", '文字列は半角の `"` で囲んでください：`"当社営業時間"`', None),
        ("no-quotes", '文字列は半角の `"` で囲んでください：`"当社営業時間"`', None),
        ("quote-not-closed", None, "文字列が閉じていません"),
        ("japanese-unit", None, "`営業時間` は単位ではありません"),
    ],
)
def test_the_words_of_characters_without_an_ascii_look(case: str, help_ja: str | None, message_ja: str | None) -> None:
    """A full-width space is named, not shown as `\\x3000`; quotes are said to be ASCII `"`."""
    old, new, *_ = CASES[case]
    _, d = _one_error(old, new)
    if help_ja is not None:
        assert d.help_text("ja") == help_ja
    if message_ja is not None:
        assert d.text("ja") == message_ja
    assert "\\x" not in d.text("ja") + d.message


def test_english_hints_too() -> None:
    _, d = _one_error(HOURS, "  hours 10:00～18:00 ")
    assert d.help == "write `-` instead of `～`: `10:00-18:00`"
    _, d = _one_error("  timezone Asia/Tokyo ", "  timezone UTC+9 ")
    assert d.help == "write the time zone as a place, e.g. `Asia/Tokyo`; the fixed offset `UTC+9` is `Etc/GMT-9`"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (P1, "  respond within ４ business hours\n"),
        (FILES_KEEP, FILES_KEEP.replace("keep 7 days", "keep \u0667 days")),
        (HOURS, "  hours １０:００-12:00, 13:00-18:00 "),
    ],
)
def test_only_ascii_digits_are_numbers(old: str, new: str) -> None:
    """They were accepted as written, and `sla fmt` kept them; `１０：００` never was."""
    text = edited(CLICKSOKO, (old, new))
    assert [d.code for d in compile_text(text, "t.sla").errors] == ["E010"]


def test_the_terminal_names_never_show() -> None:
    for old, new in [
        ("  holidays JP ", "  holidays 日本 "),
        (EVERY, "  every 3 months from April on 4th thu, 22:00-24:00 "),
    ]:
        _, d = _one_error(old, new)
        for lang in ("ja", "en"):
            said = d.text(lang) + (d.help_text(lang) or "")
            assert "`region`" not in said and "`yearmonth`" not in said
    assert "年月（例：`2026-03`）" in d.text("ja") and "a year and month such as `2026-03`" in d.message

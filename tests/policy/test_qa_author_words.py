"""A Japanese author's QA pass: words that were wrong or missing, each now located and saying what to write.

A Japanese priority id (``priority 優先度３``) was told to write ``優先度3``, refused again; invisible
characters (U+200B, U+00A0, U+FEFF inside the file) were blamed on the word next to them or shown as
``\\xa04``; ``4.5 business hours`` was "``.5`` is not allowed here"; ``notice 7 before`` said "``before``
is not a unit" without the line to write; ``languages jp, en`` turned every message English; a UTF-16
file was "not UTF-8" without naming its encoding; expected-word lists called the keywords ``hours`` of
``hours business`` and ``day`` of ``on day 15`` units; event problems wrote their help ``= ヒント:``,
policy diagnostics ``ヒント:``; ``sla fmt`` kept ``9:00`` and ``2026-4-1``.
"""

from __future__ import annotations

import re

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.authoring.fmt import format_text
from sla_dsl.events.problems import EventInputError
from sla_dsl.lang.diagnostics import Diagnostic, Words, policy_language
from sla_dsl.lang.parser import UNIT_WORDS, expected_words, get_parser
from sla_dsl.lang.source import decode_policy
from sla_dsl.policy import compile_text
from sla_dsl.reader import read_text

P1 = "  respond within 4 business hours\n"
#: Latin words a Japanese message may hold outside backticks.
LATIN_OK = {"E"}


def _errors(text: str) -> list[Diagnostic]:
    return [d for d in compile_text(text, "t.sla").diagnostics if d.is_error]


def _first(text: str) -> Diagnostic:
    errors = _errors(text)
    assert errors, "no error"
    return errors[0]


def _latin_outside_code(ja: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", re.sub("`[^`]*`", "", ja))) - LATIN_OK


def _fixed_by(text: str, help_text: str, old: str) -> str:
    """``text`` with the line holding ``old`` rewritten as the help's last quoted line says."""
    fix = re.findall("`([^`]*)`", help_text)[-1]
    line = next(ln for ln in text.split("\n") if old in ln)
    indent = line[: len(line) - len(line.lstrip())]
    return edited(text, (line, indent + fix))


# -- 1. a Japanese name is not made half-width into another name that is no name -----------------------------


def test_a_japanese_priority_id_is_told_how_a_name_is_written() -> None:
    text = edited(CLICKSOKO, ('priority P3 "優先度３"', 'priority 優先度３ "優先度３"'))
    d = _first(text)
    assert (d.code, d.span.line, d.span.column) == ("E010", line_of(text, "priority 優先度３"), 10)
    ja = d.help_text("ja") or ""
    assert '`P3 "優先度３"`' in ja and "優先度3" not in ja, ja
    assert "P3" in (d.help or "") and "quoted label" in (d.help or "")
    assert not _latin_outside_code(ja), ja
    # following it gives the policy as it was: no error
    assert not _errors(edited(text, ('priority 優先度３ "優先度３"', 'priority P3 "優先度３"')))


def test_a_full_width_name_that_is_one_half_width_still_gets_the_half_width_rewrite() -> None:
    text = edited(CLICKSOKO, ('priority P3 "優先度３"', 'priority Ｐ３ "優先度３"'))
    d = _first(text)
    assert d.help_text("ja") == "全角文字は使えません。半角で `P3` と書いてください"


# -- 2. invisible characters are named at their column ----------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "char", "name_ja", "help_en"),
    [
        (
            "  respond within 4 business\u200b hours\n",
            "\u200b",
            "ゼロ幅スペース",
            "delete it (an editor may not show it)",
        ),
        (
            "  respond within\u00a04 business hours\n",
            "\u00a0",
            "ノーブレークスペース",
            "replace it with a normal space",
        ),
        (
            "  respond within 4 \ufeffbusiness hours\n",
            "\ufeff",
            "バイト順マーク",
            "delete it (an editor may not show it)",
        ),
    ],
    ids=["zero-width-space", "no-break-space", "bom-inside"],
)
def test_an_invisible_character_is_named_where_it_is(new: str, char: str, name_ja: str, help_en: str) -> None:
    text = edited(CLICKSOKO, (P1, new))
    d = _first(text)
    code = f"U+{ord(char):04X}"
    assert (d.code, d.span.line, d.span.column) == ("E010", line_of(text, new.strip()), new.index(char) + 1)
    assert d.message.startswith(f"an invisible character, {code} (")
    assert f"`{code}`" in d.text("ja") and name_ja in d.text("ja")
    assert d.help == help_en
    assert "business" not in d.message and "\\xa0" not in d.message  # (not blamed on the word, nor shown raw)
    assert not _latin_outside_code(d.text("ja") + (d.help_text("ja") or ""))


# -- 3. a decimal in a duration: the same length in a smaller unit -----------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "fix"),
    [
        (P1, "  respond within 4.5 business hours\n", "270 business minutes"),
        (P1, "  respond within 4.25 hours\n", "255 minutes"),
        (P1, "  respond within 1.5 days\n", "36 hours"),
    ],
)
def test_a_decimal_duration_gets_the_same_length_in_a_smaller_unit(old: str, new: str, fix: str) -> None:
    text = edited(CLICKSOKO, (old, new))
    d = _first(text)
    line = text.split("\n")[line_of(text, new.strip()) - 1]
    amount = re.search(r"[0-9]+\.[0-9]+", line)
    assert amount is not None
    assert (d.code, d.span.column, d.span.end_column) == ("E010", amount.start() + 1, amount.end() + 1)
    assert f"`{amount.group()}`" in d.message and "decimal" in d.message
    assert f"`{fix}`" in (d.help or "") and f"`{fix}`" in (d.help_text("ja") or "")
    # the suggested duration is one the language takes
    after = line[amount.end() :].split()
    written = " ".join([amount.group(), *after[: 1 if after[0] in ("hours", "weeks") else 2]])
    assert not _errors(text.replace(written, fix, 1))


def test_a_decimal_of_business_days_has_no_exact_smaller_unit() -> None:
    d = _first(edited(CLICKSOKO, (P1, "  respond within 1.5 business days\n")))
    assert d.code == "E010" and d.help == "write a whole number of the unit, e.g. `1 business day`"


def test_a_decimal_notice_before_a_start_date_stays_in_days() -> None:
    # (a notice before the start date counts whole days: 1.5 weeks, 10.5 days, has no such form)
    d = _first(edited(CLICKSOKO, ("notice 1 week before", "notice 1.5 weeks before")))
    assert d.code == "E010" and d.help == "write a whole number of the unit, e.g. `1 week`"


# -- 4. a duration without its unit, with words after it: the line to write -------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "fix"),
    [
        (
            "same day if received 4 hours before close of business",
            "same day if received 4 before close of business",
            "same day if received 4 hours before close of business",
        ),
        (
            "notice 1 week before start date by email",
            "notice 7 before start date by email",
            "notice 7 days before start date by email",
        ),
    ],
)
def test_a_duration_without_its_unit_before_a_keyword_gets_the_line_to_write(old: str, new: str, fix: str) -> None:
    text = edited(CLICKSOKO, (old, new))
    d = _first(text)
    column = text.split("\n")[line_of(text, new) - 1].index(new) + new.index(" 4 " if " 4 " in new else " 7 ") + 2
    assert (d.code, d.message, d.span.column) == ("E015", "the unit is missing", column)
    assert d.help == f"write the unit: `{fix}`"
    assert d.help_text("ja") == f"単位を書いてください：`{fix}`"
    assert not _errors(_fixed_by(text, d.help, new))


# -- 5. a language named another way; a file in UTF-16 -----------------------------------------------------------


@pytest.mark.parametrize("code", ["jp", "JP", "jpn", "japanese"])
def test_a_language_named_another_way_is_e260_in_the_language_meant(code: str) -> None:
    text = edited(CLICKSOKO, ("languages ja, en", f"languages {code}, en"))
    compiled = compile_text(text, "t.sla")
    (d,) = [d for d in compiled.diagnostics if d.is_error]
    assert d.code == "E260" and policy_language(compiled.model) == "ja"
    assert d.text("ja") == f"`{code}` という言語は扱えません"
    assert "`languages ja, en`" in (d.help_text("ja") or "") and "`languages ja, en`" in (d.help or "")


def test_languages_in_japanese_words_keep_the_messages_japanese() -> None:
    compiled = compile_text(edited(CLICKSOKO, ("languages ja, en", "languages 日本語, en")), "t.sla")
    assert [d.code for d in compiled.diagnostics if d.is_error] == ["E010"]
    assert policy_language(compiled.model) == "ja"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CLICKSOKO.encode("utf-16"), "UTF-16LE"),  # Notepad's "Unicode": a byte-order mark
        (CLICKSOKO.encode("utf-16-be"), "UTF-16BE"),  # none: the NUL beside every ASCII character
        (CLICKSOKO.encode("utf-32"), "UTF-32LE"),
    ],
)
def test_a_utf16_file_is_named_with_how_to_save_it_as_utf8(data: bytes, encoding: str) -> None:
    text, (d,) = decode_policy(data, "policies/a b.sla")
    assert text is None and d.code == "E001" and (d.span.line, d.span.column) == (1, 1)
    assert d.message == f"the file is not UTF-8 text (it looks like {encoding})"
    assert d.text("ja") == f"ファイルが `UTF-8` のテキストではありません（`{encoding}` で保存されているようです）"
    command = f"iconv -f {encoding} -t UTF-8 'policies/a b.sla' > 'policies/a b-utf8.sla'"
    assert f"`{command}`" in (d.help or "") and f"`{command}`" in (d.help_text("ja") or "")
    assert d.languages == ("ja", "en")  # (its header read from the decoded text: the refusal in Japanese)


# -- 6. keywords that are also units are keywords where they are no unit -----------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "keywords"),
    [
        (
            '"Maintenance support and inquiries" [art 2.1.2] {\n  hours business',
            '"Maintenance support and inquiries" [art 2.1.2] {\n  営業時間 business',
            ["`hours`"],
        ),
        ("every month on 4th thu", "every month on 第4木曜日", ["`day`", "`last`", "序数"]),
    ],
)
def test_a_keyword_that_is_also_a_unit_is_listed_as_a_keyword(old: str, new: str, keywords: list[str]) -> None:
    d = _first(edited(CLICKSOKO, (old, new)))
    ja = d.text("ja")
    assert "単位" not in ja and "a unit" not in d.message, ja
    assert all(k in ja for k in keywords), ja


def test_a_duration_still_lists_the_units() -> None:
    units = {t.name for t in get_parser().terminals if t.pattern.value in UNIT_WORDS}
    phrases = [w.text("ja") if isinstance(w, Words) else str(w) for w in expected_words(units | {"NAME"})]
    assert "単位（`seconds`、`minutes`、`hours`、`days`、`weeks`、`months`）" in phrases, phrases


# -- 7. an event problem's help is written as a policy diagnostic's ----------------------------------------------


def test_an_event_problems_help_line_is_a_policy_diagnostics() -> None:
    d = _first(edited(CLICKSOKO, (P1, "  respond within 4 business hrs\n")))
    policy_help = {lang: d.render(CLICKSOKO, lang=lang).split("\n")[-1] for lang in ("ja", "en")}
    with pytest.raises(EventInputError) as info:
        read_text('{"event":"incident.reported","at":"2026-11-02T10:00:00","id":"A","priority":"P1"}\n', "ev.jsonl")
    (problem,) = info.value.problems
    event_help = {lang: problem.render(lang).split("\n")[-1] for lang in ("ja", "en")}
    assert policy_help["ja"].startswith("  ヒント: ") and event_help["ja"].startswith("  ヒント: ")
    assert policy_help["en"].startswith("  help: ") and event_help["en"].startswith("  help: ")


# -- 8. sla fmt writes times and dates in their canonical form ----------------------------------------------------


def test_fmt_writes_times_and_dates_in_two_digits() -> None:
    text = edited(
        CLICKSOKO,
        ("effective 2026-04-01", "effective 2026-4-1"),
        ("every month on 4th thu, 22:00-24:00", "every month on 4th thu, 9:00-24:00"),
        ("hours 10:00-12:00, 13:00-18:00", "hours 9:00-12:00, 13:00-18:00"),
    )
    out = format_text(text)
    assert "effective 2026-04-01" in out and "on 4th thu, 09:00-24:00" in out and "hours 09:00-12:00" in out
    assert "2026-4-1" not in out and " 9:00" not in out
    assert format_text(out) == out  # idempotent
    assert format_text(CLICKSOKO) == CLICKSOKO  # (written canonically already: unchanged)


def test_fmt_writes_month_days_and_year_months_in_two_digits() -> None:
    text = edited(
        CLICKSOKO,
        (
            "  days mon..fri\n",
            '  days mon..fri\n  closed yearly 12-29..1-3\n  holiday 2026-5-6 "振替休日" / "Holiday"\n',
        ),
    )
    out = format_text(text)
    assert "closed yearly 12-29..01-03" in out and 'holiday 2026-05-06 "振替休日"' in out
    assert format_text(out) == out

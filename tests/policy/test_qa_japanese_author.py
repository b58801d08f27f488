"""A QA pass as a Japanese policy author on Click So-ko: each error is located where the mistake is, and
its help gives the line to write, which, written in, is read without an error.

Found: E208 for a type of the policy's own (``changes at incident.plan_changed``, ``cancels at
incident.withdrawn``, the language reference's examples, left undeclared) named an unrelated contract
type (``incident.responded``, which only shares ``incident.``), and writing it in passed ``sla check``
with another rule; ``第3水曜日`` and ``22時`` in a maintenance line got the form of ``every 3 months``
only; two ``at risk`` lines got "keep one" and ``50% and 75%`` the one-threshold form; a ``holiday`` over
several days got the ``holiday yearly`` forms, and a ``holiday`` line in a ``priority`` the priority's;
a ``holiday`` line without its name was reported at the next line; ``restarts at incident.reported`` was
E221 and E223 at one place.
"""

from __future__ import annotations

import re

import pytest
from policy_edits import CLICKSOKO, ROOT, edited, line_of

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.lang.parser import DECL_KEYWORDS, SHARED_FORMS, STATEMENT_FORMS
from sla_dsl.lang.peer_words import STATEMENT_HOME
from sla_dsl.policy import compile_text

LANGUAGE_JA = (ROOT / "docs" / "reference" / "language.ja.md").read_text("utf-8")
RISK = "  at risk at 75% of target "
EVERY = "  every month on 4th thu, 22:00-24:00 "
HOLIDAYS = "  holidays JP "
P1 = "  respond within 4 business hours\n"
HEADER_LANGUAGES = "  languages ja, en "
ATTRIBUTE = (
    'attribute plan "契約プラン" / "Plan" {\n'
    '  value standard "スタンダード" / "Standard"\n'
    '  value premium "プレミアム" / "Premium"\n'
    "  default standard\n"
    "  changes at incident.plan_changed\n"
    "}\n\n"
)


def _with_clock(line: str) -> str:
    """Click So-ko with a resolution clock holding ``line``, and a target of P1 measured on it."""
    clock = (
        'clock resolution "解決までの時間" / "Time to resolution" {\n'
        "  starts at incident.reported\n"
        "  stops at incident.resolved\n"
        f"  {line}\n"
        "}\n\n"
    )
    return edited(
        CLICKSOKO,
        ('priority P1 "', clock + 'priority P1 "'),
        (P1, P1 + "  resolve within 3 business days on resolution\n"),
    )


def _errors(text: str) -> list[Diagnostic]:
    return compile_text(text, "t.sla").errors


def _one(text: str) -> Diagnostic:
    errors = _errors(text)
    assert len(errors) == 1, [e.header() for e in errors]
    return errors[0]


def _code(help_text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", help_text)


def _latin_outside_code(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", text))


# -- 1. an event type of the policy's own, undeclared ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            edited(CLICKSOKO, ("# --- Article 3.1: SLA items", ATTRIBUTE + "# --- Article 3.1: SLA items")),
            "incident.plan_changed",
        ),
        (_with_clock("cancels at incident.withdrawn"), "incident.withdrawn"),
    ],
    ids=["changes-at", "cancels-at"],
)
def test_an_undeclared_type_of_ones_own_gets_its_declaration_not_an_unrelated_type(text: str, name: str) -> None:
    d = _one(text)
    assert (d.code, d.span.line) == ("E208", line_of(text, name))
    help_ja = d.help_text("ja") or ""
    declaration = f'event {name} "…" / "…"'
    assert help_ja.startswith(f"先に `{declaration}` で宣言してください。")  # (no type it would be taken for)
    assert "did you mean" not in (d.help_text("en") or "")
    # written in (with its texts), the declaration makes the rule one of the policy's own
    declared = text + f'\nevent {name} "独自のイベント" / "An event of our own"\n'
    assert _errors(declared) == []


def test_a_typo_of_a_type_gets_the_type_and_the_declaration() -> None:
    text = edited(CLICKSOKO, (RISK, "  cancels at incident.resolvd\n" + RISK))
    d = _one(text)
    assert d.code == "E208"
    help_ja = d.help_text("ja") or ""
    assert _code(help_ja) == ["incident.resolved", 'event incident.resolvd "…" / "…"']
    assert _latin_outside_code(help_ja) == []


def test_the_declaration_has_the_texts_of_the_policys_languages() -> None:
    text = edited(CLICKSOKO, (RISK, "  cancels at incident.withdrawn\n" + RISK), (HEADER_LANGUAGES, "  languages ja "))
    found = [d for d in _errors(text) if d.code == "E208"]
    assert len(found) == 1
    assert 'event incident.withdrawn "…"' in _code(found[0].help_text("en") or "")


def test_no_contract_type_is_offered_for_a_name_that_only_shares_its_family() -> None:
    text = edited(CLICKSOKO, (RISK, "  cancels at incident.reopened, incident.escalated\n" + RISK))
    found = [d for d in _errors(text) if d.code == "E208"]
    assert len(found) == 1  # (the rest of the line is not read once one event is refused)
    assert "did you mean" not in (found[0].help_text("en") or "")


# -- 2. a maintenance line written the Japanese way --------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "code", "at", "help_ja"),
    [
        (
            EVERY,
            "  every month on 第3水曜日, 22:00-24:00 ",
            "E010",
            "第",
            "「第3水曜日」は英語で `3rd wed` と書いてください",
        ),
        (
            EVERY,
            "  every month on 第３水曜, 22:00-24:00 ",
            "E010",
            "第",
            "「第３水曜」は英語で `3rd wed` と書いてください",
        ),
        (
            EVERY,
            "  every month on 最終金曜日, 22:00-24:00 ",
            "E010",
            "最",
            "「最終金曜日」は英語で `last fri` と書いてください",
        ),
        (EVERY, "  every month on 3rd wed, 22時-24時 ", "E011", "22", "時刻は `22:00-24:00` のように書いてください"),
        (EVERY, "  every month on 3rd wed, 22時～24時 ", "E011", "22", "時刻は `22:00-24:00` のように書いてください"),
        (
            "  hours 10:00-12:00, 13:00-18:00 ",
            "  hours 10時～12時、13時～18時 ",
            "E011",
            "10",
            "時刻は `10:00-12:00, 13:00-18:00` のように書いてください",
        ),
        (
            HOLIDAYS,
            HOLIDAYS + '\n  holiday yearly 11月第4木曜日 "感謝祭" / "Thanksgiving"',
            "E011",
            "11",
            "「11月第4木曜日」は英語で `4th thu of nov` と書いてください",
        ),
        (
            P1,
            "  respond by end of 第1営業日\n",
            "E010",
            "第",
            "「第1営業日」は英語で `1st business day` と書いてください",
        ),
    ],
    ids=["nth-weekday", "full-width-nth", "last-weekday", "hours", "wave-dash", "calendar-hours", "yearly", "nth-day"],
)
def test_a_day_or_time_written_the_japanese_way_gets_the_words_to_write(
    old: str, new: str, code: str, at: str, help_ja: str
) -> None:
    text = edited(CLICKSOKO, (old, new))
    d = _one(text)
    line = next(ln for ln in new.split("\n") if at in ln)
    assert (d.code, d.span.line, d.span.column) == (code, line_of(text, line), line.index(at) + 1)
    assert d.help_text("ja") == help_ja
    # written in, the line is read
    wrong = text.split("\n")[d.span.line - 1][d.span.column - 1 : d.span.end_column - 1]
    fixed = edited(text, (wrong, _code(help_ja)[0]))
    assert [e for e in _errors(fixed) if e.code.startswith("E01")] == []


def test_a_monthly_line_gets_the_monthly_forms() -> None:
    # (`third wed` gets its ordinal, `3rd wed`: tests/policy/test_european_style_input.py)
    d = _one(edited(CLICKSOKO, (EVERY, "  every month on middle wed, 22:00-24:00 ")))
    forms = _code(d.help_text("ja") or "")
    assert forms[0] == "every"
    assert forms[1:] == ["every month on 4th thu, 22:00-24:00", "every month on last day, 23:00-24:00"]
    d = _one(edited(CLICKSOKO, (EVERY, "  every month on 3rd wed 22:00-24:00 ")))
    assert _code(d.help_text("ja") or "")[1:] == ["every month on 4th thu, 22:00-24:00"]
    d = _one(edited(CLICKSOKO, (EVERY, "  every 3 months from 2026-03 on middle wed, 22:00-24:00 ")))
    assert _code(d.help_text("ja") or "")[1:] == ["every 3 months from 2026-03 on last day, 22:00-02:00"]


# -- 6. several warning thresholds -----------------------------------------------------------------------------


def test_two_at_risk_lines_get_the_one_line_to_write() -> None:
    text = edited(CLICKSOKO, (RISK, "  at risk at 75% of target\n  at risk at 50% of target "))
    d = _one(text)
    assert (d.code, d.span.line) == ("E212", line_of(text, "at risk at 50%"))
    assert _code(d.help_text("ja") or "") == ["at risk at 50%, 75% of target"]
    assert str(line_of(text, "at risk at 75%")) in (d.help_text("ja") or "")
    merged = edited(
        text, ("  at risk at 75% of target\n  at risk at 50% of target ", "  at risk at 50%, 75% of target ")
    )
    assert _errors(merged) == []


@pytest.mark.parametrize("joined", ["50% and 75%", "50% or 75%", "75% and 50%"])
def test_thresholds_joined_with_a_word_get_the_list(joined: str) -> None:
    text = edited(CLICKSOKO, (RISK, f"  at risk at {joined} of target "))
    d = _one(text)
    word = joined.split()[1]
    assert (d.code, d.span.column) == ("E011", len("  at risk at 50% ") + 1)
    assert _code(d.help_text("ja") or "")[-1] == "at risk at 50%, 75% of target"
    assert word in d.message


def test_the_forms_of_an_at_risk_line_show_the_list() -> None:
    d = _one(edited(CLICKSOKO, (RISK, "  at risk at 50% 75% of target ")))
    assert "at risk at 50%, 75% of target" in _code(d.help_text("ja") or "")


# -- 7. a holiday over several days, a line of another block --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ('  holiday yearly 12-29..01-03 "年末年始" / "Year-end holidays"', "closed yearly 12-29..01-03"),
        ('  holiday 2026-12-29..2027-01-03 "年末年始" / "Year-end holidays"', "closed 2026-12-29..2027-01-03"),
    ],
    ids=["yearly", "dates"],
)
def test_a_holiday_over_several_days_gets_the_closed_line(line: str, fix: str) -> None:
    text = edited(CLICKSOKO, (HOLIDAYS, f"{HOLIDAYS}\n{line}"))
    d = _one(text)
    assert (d.code, d.span.line, d.span.column) == ("E011", line_of(text, line), line.index("..") + 1)
    assert fix in _code(d.help_text("ja") or "")
    assert _latin_outside_code(d.help_text("ja") or "") == []
    assert _errors(edited(text, (line, f"  {fix}"))) == []
    assert re.search(r"^  closed yearly 12-29\.\.01-03 ", LANGUAGE_JA, re.M)  # (the reference's form)


@pytest.mark.parametrize(
    ("anchor", "line", "help_ja"),
    [
        (P1, '  holiday yearly 12-29 "年末" / "Year end"\n', "`holiday` は`calendar`ブロックの中に書きます"),
        (P1, "  stops at incident.resolved\n", "`stops at` は`clock`ブロックの中に書きます"),
        (P1, "  at risk at 75% of target\n", "`at risk` は`clock`ブロックの中に書きます"),
        (P1, "  if not a business day: skip\n", "`if not a business day` は`maintenance`ブロックの中に書きます"),
        (P1, "  in another zone\n", "`in another zone` は`backup`ブロックの中に書きます"),
        (RISK, "  changes at incident.resolved\n", "`changes at` は`attribute`ブロックの中に書きます"),
        (RISK, "  timezone Asia/Tokyo\n", "`timezone` は`sla`、`calendar`ブロックの中に書きます"),
        (RISK, '  value premium "プレミアム" / "Premium"\n', "`value` は`item`、`attribute`ブロックの中に書きます"),
        (HOLIDAYS, "  resolve within 3 business days on resolution\n", "`resolve` は`priority`ブロックの中に書きます"),
    ],
    ids=["holiday", "stops", "at-risk", "if", "in", "changes", "timezone", "value", "resolve"],
)
def test_a_line_of_another_block_says_where_it_is_written(anchor: str, line: str, help_ja: str) -> None:
    text = edited(CLICKSOKO, (anchor, line + anchor) if anchor != P1 else (anchor, anchor + line))
    d = _one(text)
    assert (d.code, d.span.column) == ("E011", 3)
    assert text.split("\n")[d.span.line - 1] == line.rstrip("\n")
    assert d.help_text("ja") == help_ja


def test_a_keyword_inside_a_line_is_not_taken_for_a_statement() -> None:
    d = _one(edited(CLICKSOKO, (P1, P1 + "  complete at incident.resolved\n")))
    assert "clock" not in (d.help_text("en") or "")


def test_every_statement_of_a_block_says_where_it_is_written() -> None:
    """Each block's statements (their first words), other than those of several blocks (``note``,
    ``when``) or a declaration's keyword, are told where they belong, by the blocks that hold them."""
    from sla_dsl.lang.line_hints import LINE_HOME  # (here: the other tests run on a tree without it)

    homes: dict[str, set[str]] = {}
    for block, statements in STATEMENT_FORMS.items():
        for word in statements:
            homes.setdefault(word, set()).add("planned stop" if block == "planned" else block)
    said = {**{w: h for w, h in STATEMENT_HOME.items()}, **{w: h for w, (_, h) in LINE_HOME.items()}}
    for word, blocks in homes.items():
        if word in DECL_KEYWORDS or word in SHARED_FORMS:
            continue
        assert word in said, word
        assert set(said[word].split("` or `")) == blocks, word


# -- 8. a holiday without its name ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["  holiday yearly 3rd wed of dec", "  holiday 2026-12-28", "  holiday yearly 12-29   # 棚卸し\n"],
    ids=["nth-weekday", "date", "comment-after"],
)
def test_a_holiday_without_its_name_is_reported_at_its_line(line: str) -> None:
    text = edited(CLICKSOKO, (HOLIDAYS, f"{HOLIDAYS}\n{line}"))
    d = _one(text)
    written = line.split("#")[0].rstrip()
    assert (d.code, d.span.line, d.span.column) == ("E011", line_of(text, written), len(written) + 1)
    assert d.text("ja") == "`holiday` の行に休日の名前がありません"
    fix = _code(d.help_text("ja") or "")[0]
    assert fix == f'{written.strip()} "休日の名前" / "Name of the holiday"'
    assert _errors(edited(text, (written, f"  {fix}"))) == []


def test_a_holiday_without_its_name_before_the_end_of_its_block() -> None:
    text = edited(CLICKSOKO, ("  hours 00:00-24:00\n", "  hours 00:00-24:00\n  holiday 2026-12-28\n"))
    d = _one(text)
    assert (d.code, d.span.line) == ("E011", line_of(text, "holiday 2026-12-28"))


def test_the_name_to_write_is_in_the_policys_language() -> None:
    """(Click So-ko opens with a comment that says ``sla``: no header, for the languages of the examples.)"""
    text = edited(CLICKSOKO, (HOLIDAYS, f"{HOLIDAYS}\n  holiday 2026-12-28"), (HEADER_LANGUAGES, "  languages ja "))
    found = [d for d in _errors(text) if d.text("en") == "the `holiday` line has no name"]
    assert len(found) == 1
    assert _code(found[0].help_text("ja") or "") == ['holiday 2026-12-28 "休日の名前"']


# -- 12. one mistake, one error ------------------------------------------------------------------------------


def test_a_restart_at_the_report_is_one_error() -> None:
    text = _with_clock("restarts at incident.reported")
    found = compile_text(text, "t.sla").diagnostics
    at = line_of(text, "restarts at incident.reported")
    assert [d.code for d in found if d.span.line == at] == ["E221"]


def test_a_comment_that_says_sla_above_the_header_is_no_header() -> None:
    """Read declaration by declaration, the examples of a syntax error are in the languages of the header, not
    of the comment above it that says ``sla`` (``# ... written in the sla policy language.``): Click So-ko of
    ``languages ja`` is shown ``"感謝祭"``, not the pair."""
    assert "the sla policy language" in CLICKSOKO.split("\n", 1)[0]
    text = edited(
        CLICKSOKO,
        (HOLIDAYS, f'{HOLIDAYS}\n  holiday yearly 4th thu nov "感謝祭"'),
        (HEADER_LANGUAGES, "  languages ja "),
    )
    (d,) = [e for e in _errors(text) if e.code == "E011"]
    assert 'holiday yearly 4th thu of nov "感謝祭"`' in (d.help or "")

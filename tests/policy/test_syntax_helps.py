"""Every policy diagnostic points at the line and says what to write instead, in Japanese and English.

A QA pass found E212 naming the grammar's rules (「`roll`がこのブロックに二度書かれています」 for a second
``if not a business day:``, "`zone` is given twice" for ``in another zone``); the syntax an author used to
Jira, Zendesk or ServiceNow writes (``stops at A or B``, ``when plan = gold or plan = std``, ``resolve within
2 business days`` without its clock, ``pauses at A until B or C``, ``sla "名前" / "Name" {``) refused with a
bare E011; E242 telling a policy whose one clock has pauses to move them, where declaring ``clock response``
is the fix; most syntax errors (106 of 138 E011 in 300 random mutations) and E218 with no help at all; and
E204's cut list of subdivisions ending 「…、ほかです」.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.lang.parser import HEAD_FORMS, SHARED_FORMS, STATEMENT_FORMS, get_parser
from sla_dsl.policy.load import compile_text

ROOT = Path(__file__).resolve().parents[2]

#: The head of the QA pass's policies (an English one; `languages ja, en` where the case needs it).
BASE = (
    'sla "E" {\n  format 1\n  version "1.0"\n  effective 2026-01-01\n  timezone America/New_York\n'
    "  languages en\n}\n"
    'attribute plan "Plan" {\n  value gold "Gold"\n  value std "Std"\n  default std\n}\n'
    'calendar business "B" {\n  hours mon..fri 09:00-17:00\n}\n'
    'event incident.closed "Closed"\n'
    'clock response "R" {\n  starts at incident.reported\n}\n'
)
#: A header of a Japanese policy, and a calendar, for the snippets of one block each.
HEADER = 'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages ja, en\n}\n'
CALENDAR = "calendar business {\n  days mon..fri\n  hours 10:00-18:00\n}\n"


def _errors(text: str) -> list[Diagnostic]:
    return [d for d in compile_text(text, "t.sla").diagnostics if d.is_error]


def _one(text: str) -> Diagnostic:
    (d,) = _errors(text)
    return d


def _clean(text: str) -> bool:
    return not _errors(text)


# -- 1: a statement given twice is named by its own keywords, never by the grammar's rule ---------------------------


def _twice(block: str, line: str) -> str:
    if block == "sla":
        return HEADER.replace("}\n", f"  {line}\n  {line}\n}}\n", 1) + CALENDAR
    head = HEAD_FORMS[block].removesuffix(" {")
    return HEADER + CALENDAR + f"{head} {{\n  {line}\n  {line}\n}}\n"


def test_a_second_roll_rule_and_zone_say_what_the_author_wrote() -> None:
    roll = _twice("maintenance", "if not a business day: skip").replace(
        "  if not a business day: skip\n}", "  if not a business day: skip\n  calendar business\n}"
    )
    d = next(d for d in _errors(roll) if d.code == "E212")
    assert d.text("ja") == "`if not a business day`がこのブロックに二度書かれています"
    assert d.message == "`if not a business day` is given twice in this block"
    d = next(d for d in _errors(_twice("backup", "in another zone")) if d.code == "E212")
    assert d.text("ja") == "`in another zone`がこのブロックに二度書かれています"
    assert d.message == "`in another zone` is given twice in this block"


def _statements() -> list[tuple[str, str]]:
    return [(block, forms[0]) for block, stmts in STATEMENT_FORMS.items() for forms in stmts.values()]


@pytest.mark.parametrize(("block", "line"), _statements(), ids=[f"{b}:{f.split()[0]}" for b, f in _statements()])
def test_every_statement_given_twice_is_named_as_written(block: str, line: str) -> None:
    """Wherever a second line of one statement is refused (E212), the message quotes the words the line
    begins with: `only if`, `met by`, `counts as downtime`, never `only`, `met`, `counts`."""
    for d in _errors(_twice(block, line)):
        if d.code != "E212" or d.words is None or d.words.key != "diag.E212":
            continue
        if not isinstance(dict(d.words.args)["what"], str):  # (a phrase: 「応答目標」, "the response target")
            continue
        (said,) = re.findall(r"`([^`]*)`", d.message)
        assert re.match(re.escape(said) + r"(?![\w.])", line), (said, line)
        assert f"`{said}`" in d.text("ja")
        assert re.fullmatch(r"[a-z]+( [a-z]+)*", said), said  # (the grammar's names hold `_`)


def test_the_named_phrases_of_notify_and_maintenance_blocks() -> None:
    said = {
        line: next(d.message for d in _errors(_twice(block, line)) if d.code == "E212")
        for block, line in [
            ("notify", "only if outage.recognized during business hours"),
            ("notify", "met by outage.notified"),
            ("maintenance", "counts as downtime"),
            ("planned", "emergency without notice, excused"),
        ]
    }
    assert [m.split("`")[1] for m in said.values()] == [
        "only if",
        "met by",
        "counts as downtime",
        "emergency without notice",
    ]


def test_an_items_description_or_value_twice_is_refused() -> None:
    """A second `description` replaced the first without a word."""
    for line in ('description "一" / "One"', 'value "一" / "One"'):
        text = HEADER + CALENDAR + f'item 1 "項目" / "Item" {{\n  {line}\n  {line}\n  rules calendar business\n}}\n'
        d = _one(text)
        assert d.code == "E212" and d.span.line == text.split("\n").index(f"  {line}", 10) + 2
        assert d.message == f"`{line.split()[0]}` is given twice in this block"


# -- 2: what an author used to another tool writes gets the line to write -----------------------------------------


def test_a_pause_until_one_of_several_events_is_written_with_commas() -> None:
    """``pauses at A until B, C`` resumes at whichever comes first (it was refused as a syntax error whose help
    said it could not be written); ``until B or C`` gets the line with the comma."""
    line = "  pauses at incident.info_provided until incident.customer_replied, incident.responded\n"
    text = BASE + 'clock res "X" {\n  starts at incident.reported\n' + line + "  stops at incident.resolved\n}\n"
    text += 'priority P1 "P" {\n  respond within 1 hour\n  resolve within 4 hours on res\n}\n'
    assert _clean(text)
    d = _one(text.replace(", incident.responded", " or incident.responded"))
    assert (d.code, d.span.line, d.span.column) == ("E011", 22, 68)
    fix = "pauses at incident.info_provided until incident.customer_replied, incident.responded"
    assert d.help == f"join the items with `,`, not `or`: `{fix}`"
    assert d.help_text("ja") == f"`or` ではなく `,` でつなぎます：`{fix}`"


def test_a_resolve_target_without_its_clock_is_located_at_the_target_with_the_line_to_write() -> None:
    text = BASE + 'priority P1 "P" {\n  respond within 1 hour\n  resolve within 2 business days\n}\n'
    d = _one(text)
    assert (d.code, d.span.line, d.span.column, d.span.end_column) == ("E011", 22, 3, 33)
    assert d.message == "the `resolve` target does not name the clock it is measured on"
    assert d.text("ja") == "`resolve` の目標に、測るクロックの指定がありません"
    assert d.help == (
        "a named target is measured on a clock that has `stops at`: write `resolve within 2 business days on "
        "resolution`, and declare the clock if there is none, e.g. `clock resolution { starts at "
        "incident.reported  stops at incident.resolved }`"
    )
    fixed = text.replace("2 business days\n", "2 business days on resolution\n")
    assert _clean(fixed + "clock resolution { starts at incident.reported  stops at incident.resolved }\n")


def test_a_first_reply_without_its_clock_names_the_clock_written_without_on() -> None:
    text = BASE + 'priority P1 "P" {\n  respond within 1 hour\n  first reply within 2 hours reply\n}\n'
    d = _one(text)
    assert d.message == "the `first reply` target does not name the clock it is measured on"
    assert "write `first reply within 2 hours on reply`" in (d.help or "")


#: A list joined with `or`, and the line the help gives (which `sla check` then accepts).
LISTS = {
    "stops": (
        'clock res "X" {\n  starts at incident.reported\n  stops at incident.resolved or incident.closed\n}\n'
        'priority P1 "P" {\n  respond within 1 hour\n  resolve within 4 hours on res\n}\n',
        "stops at incident.resolved or incident.closed",
        "join the items with `,`, not `or`: `stops at incident.resolved, incident.closed`",
    ),
    "complete": (
        'priority P1 "P" {\n  respond within 1 hour\n  complete on incident.resolved or incident.closed\n}\n',
        "complete on incident.resolved or incident.closed",
        "join the items with `, or on`, not `or`: `complete on incident.resolved, or on incident.closed`",
    ),
    "starts": (
        'clock res "X" {\n  starts at incident.product_suspected or incident.reported\n'
        "  stops at incident.resolved\n}\n"
        'priority P1 "P" {\n  respond within 1 hour\n  resolve within 4 hours on res\n}\n',
        "starts at incident.product_suspected or incident.reported",
        "join the items with `, else`, not `or`: `starts at incident.product_suspected, else incident.reported`",
    ),
}


@pytest.mark.parametrize("case", sorted(LISTS))
def test_a_list_joined_with_or_gets_the_line_written_with_commas(case: str) -> None:
    block, written, help_text = LISTS[case]
    text = BASE + block
    d = _one(text)
    assert d.code == "E011" and d.message.startswith("unexpected `or`")
    assert d.help == help_text
    assert d.help_text("ja").startswith("`or` ではなく `")
    fixed = help_text.rsplit(": `", 1)[1].rstrip("`")
    assert _clean(text.replace(written, fixed))


def test_or_on_the_next_line_is_not_read_as_joining_the_list_above() -> None:
    text = BASE + 'clock res "X" {\n  starts at incident.reported\n  stops at incident.resolved\n  or x\n}\n'
    d = _one(text)
    assert d.help_words is not None and d.help_words.key != "diag.help.list_or"


def test_a_condition_of_or_on_one_attribute_is_written_with_in() -> None:
    text = BASE + 'priority P1 "P" {\n  when plan = gold or plan = std\n  respond within 1 hour\n}\n'
    d = _one(text)
    assert (d.code, d.span.line, d.span.column) == ("E011", 21, 20)
    assert d.help == "any of several values of one attribute is written `when plan in (gold, std)`"
    assert d.help_text("ja") == "一つの属性のいくつかの値のどれかは `when plan in (gold, std)` と書きます"
    assert _clean(
        text.replace("plan = gold or plan = std", "plan in (gold, std)")
        + 'priority P1 "Q" {\n  respond within 2 hours\n}\n'
    )


def test_a_condition_of_or_on_two_attributes_says_a_rule_per_test() -> None:
    extra = 'attribute channel "C" {\n  value ja "Ja"\n  value en "En"\n  default ja\n}\n'
    d = _one(BASE + extra + 'priority P1 "P" {\n  when plan = gold or channel = en\n  respond within 1 hour\n}\n')
    assert d.help == (
        "the tests of a `when` are joined with `and` only: several values of one attribute are `plan in (gold, "
        "…)`; to choose by either of tests on different attributes, write a rule for each (the first rule that "
        "matches applies)"
    )
    notify = 'notify n "N" {\n  when plan = gold or channel = en\n  within 1 hour after outage.started\n'
    d = _one(BASE + extra + notify + "  met by outage.notified\n}\n")
    assert "every rule whose condition holds applies" in (d.help or "")


def test_a_policy_name_in_two_languages_is_pointed_to_the_title_line() -> None:
    text = BASE.replace('sla "E" {', 'sla "Zendesk移行" / "Zendesk migration" {').replace(
        "languages en", "languages ja, en"
    )
    d = _one(text)
    assert (d.code, d.span.line, d.span.column) == ("E011", 1, 17)
    assert d.text("ja") == "`/` はここには書けません。ここに書けるのは`{`です"
    assert d.help_text("ja") == (
        'ポリシーの名前は一つの文字列です。`sla "Zendesk移行" {` と書き、各言語の題名はヘッダーの中に '
        '`title "Zendesk移行" / "Zendesk migration"` と書いてください'
    )
    assert d.help == (
        'the policy\'s name is one text: write `sla "Zendesk移行" {`, and its title in each language on a line '
        'of the header: `title "Zendesk移行" / "Zendesk migration"`'
    )
    fixed = text.replace(' / "Zendesk migration" {', ' {\n  title "Zendesk移行" / "Zendesk migration"')
    assert not [d for d in _errors(fixed) if d.code.startswith("E0")]


def test_a_text_pair_without_its_slash_gets_the_pair() -> None:
    d = _one(BASE + 'priority P1 "優先度１" "Priority 1" {\n  respond within 1 hour\n}\n')
    assert d.help == 'join the texts of two languages with `/`: `"優先度１" / "Priority 1"`'


def test_e242_on_a_first_clock_says_to_declare_the_response_clock() -> None:
    """A JSM-like policy whose one clock `ttr` has pauses: the plain `respond within` is measured on it only
    because no clock is called `response`; declaring one is the fix (and keeps `ttr`'s pauses)."""
    path = ROOT / "policies" / "examples" / "helpdesk.sla"
    assert path.exists()
    clock = (
        'clock ttr "Time to resolution" {\n  starts at incident.reported\n'
        "  pauses at incident.info_provided until incident.customer_replied\n  stops at incident.resolved\n}\n"
    )
    text = BASE.replace('clock response "R" {\n  starts at incident.reported\n}\n', "") + clock
    text += 'priority P1 "P" {\n  respond within 4 business hours\n  resolve within 8 business hours on ttr\n}\n'
    d = next(d for d in _errors(text) if d.code == "E242")
    assert d.help == (
        "the plain `respond within` is measured on the clock called `response`, else on the first clock (here "
        "`ttr`): declare `clock response { starts at incident.reported }`, and `ttr` keeps its life cycle for "
        "the targets that name it"
    )
    assert "`clock response { starts at incident.reported }` を宣言してください" in (d.help_text("ja") or "")
    assert _clean(text + "clock response { starts at incident.reported }\n")


def test_e242_on_the_response_clock_itself_keeps_its_help() -> None:
    text = BASE.replace(
        "  starts at incident.reported\n}\n", "  starts at incident.reported\n  stops at incident.resolved\n}\n", 1
    )
    d = next(d for d in _errors(text + 'priority P1 "P" {\n  respond within 1 hour\n}\n') if d.code == "E242")
    assert (
        d.help
        == "put the life cycle on another clock and name it in the target: `respond within 4 business hours on <clock>`"
    )


# -- 3: every syntax error has a help ------------------------------------------------------------------------------


def _parses(text: str) -> bool:
    get_parser().parse(text)
    return True


@pytest.mark.parametrize("block", sorted(STATEMENT_FORMS))
def test_every_form_a_help_shows_is_valid_syntax(block: str) -> None:
    """The forms are the language reference's: each parses in its block, and each head with its block."""
    shared = [f for forms, blocks in SHARED_FORMS.values() if block in blocks for f in forms]
    lines = [f for forms in STATEMENT_FORMS[block].values() for f in forms] + shared
    if block == "sla":
        for line in lines:
            assert _parses(f'sla "x" {{\n  {line}\n}}\n'), line
        return
    head = HEAD_FORMS[block]
    for line in lines:
        text = f"{head}\n  {line}\n}}\n" if head.endswith("{") else f"{head} {{\n  {line}\n}}\n"
        assert _parses(text), line


def test_every_declaration_head_a_help_shows_is_valid_syntax() -> None:
    assert set(HEAD_FORMS) == {"sla", "article", "calendar", "service", "planned", "maintenance", "clock",
                               "priority", "notify", "backup", "exclude", "item", "attribute", "event"}  # fmt: skip
    for head in HEAD_FORMS.values():
        assert _parses(head + ("\n}\n" if head.endswith("{") else "\n")), head


def _mutations() -> list[str]:
    """Every 5th word of the example policies taken out, one at a time, and the file cut after it: the
    places a syntax error stops at vary over every kind of declaration and statement."""
    out = []
    word = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|[^\s"#]+')
    for path in sorted((ROOT / "policies").rglob("*.sla")):
        src = path.read_text("utf-8")
        hits = [m for m in word.finditer(src) if not m.group().startswith("#")]
        for m in hits[::5]:
            out.append(src[: m.start()] + src[m.end() :])
        for m in hits[5::40]:
            out.append(src[: m.end()])
    return out


def test_every_syntax_error_has_a_help_in_both_languages() -> None:
    seen = 0
    for text in _mutations():
        for d in compile_text(text, "m.sla").diagnostics:
            if not re.fullmatch(r"E01\d", d.code):
                continue
            seen += 1
            assert d.help, (d.code, d.message, d.span)
            assert d.help_words is not None and d.help_text("ja") != d.help, (d.code, d.help)
    assert seen >= 300


def test_an_unexpected_word_inside_a_statement_shows_the_statements_forms() -> None:
    d = _one(BASE + 'clock res "X" {\n  starts at incident.reported\n  stops at\n}\n')
    assert (d.code, d.span.line) == ("E011", 23)  # the `}`: the event is missing
    assert d.help == (
        "`stops at` lines are written like `stops at incident.resolved` or "
        "`stops at incident.info_provided, incident.resolved`"
    )
    assert d.help_text("ja") == (
        "`stops at` の行は`stops at incident.resolved`、`stops at incident.info_provided, incident.resolved`"
        "のように書きます"
    )


def test_a_head_without_its_number_shows_the_declarations_head() -> None:
    d = _one(HEADER + 'article  "本 SLA の対象範囲" / "Scope of this SLA" {\n  text "本文" / "Text"\n}\n')
    assert d.message == 'unexpected `"本 SLA の対象範囲"`, expected a number'
    assert d.help == '`article` declarations are written like `article 3 "サービスレベル" / "Service levels"`'
    assert d.help_text("ja") == '`article` の宣言は `article 3 "サービスレベル" / "Service levels"` のように書きます'


def test_a_line_after_a_whole_statement_shows_the_blocks_lines() -> None:
    d = _one(HEADER + CALENDAR.replace("  hours", "  2026-04-01\n  hours"))
    assert d.help == (
        "lines of `calendar` blocks are written like `days mon..fri` or `hours 10:00-12:00, 13:00-18:00`; "
        "`}` closes the block"
    )


def test_a_statement_of_the_block_is_not_said_to_belong_in_it() -> None:
    """`holidays` after an `hours` line without its times is in its block: the `hours` line is wrong."""
    d = _one(HEADER + "calendar business {\n  days mon..fri\n  hours mon..fri\n  holidays JP\n}\n")
    assert "belongs in" not in (d.help or "")
    assert (d.help or "").startswith("`hours` lines are written like `hours 10:00-12:00, 13:00-18:00`")


def test_an_extra_closing_brace_shows_the_declarations() -> None:
    d = _one(HEADER + CALENDAR + "}\n")
    assert d.code == "E011" and (d.help or "").startswith("a declaration starts with `sla`, `article`")


def test_a_file_cut_inside_a_head_and_an_unreadable_character_have_helps() -> None:
    d = _one(HEADER + CALENDAR + "priority P1 [art")
    assert d.code == "E012" and d.help == "an article reference is written like `[art 3.1.4]`"
    d = _one(HEADER + CALENDAR + "priority P1 \x07 {\n  respond within 1 hour\n}\n")
    assert d.code == "E010" and d.help == (
        '`priority` declarations are written like `priority P1 "優先度１" / "Priority 1" [art 3.2] {`'
    )


def test_an_item_naming_an_undefined_rule_says_what_to_write_with_no_name_near() -> None:
    d = _one(HEADER + CALENDAR + 'item 4 "x" / "x" {\n  rules notify recovery\n}\n')
    assert d.code == "E218"
    assert d.help == "define `notify recovery { ... }`, or take it out of the item's `rules` (defined: none)"
    assert (
        d.help_text("ja")
        == "`notify recovery { ... }` を定義するか、項目の `rules` から外してください（定義済み：なし）"
    )


@pytest.mark.parametrize(
    ("old", "new", "help_text"),
    [
        ("hours 10:00-18:00\n}\n", "hours 10:00-18:00\n  closed 2026-12-31..2026-12-01\n}\n",
         "write the earlier date first: `2026-12-01..2026-12-31`"),
        ("}\ncalendar", "}\nservice s {\n  hours business\n  availability target 150%\n}\ncalendar",
         "write a percentage above 0 and at most 100, e.g. `99.5%`"),
        ("}\ncalendar", "}\npriority P1 {\n  respond within 0 business hours\n}\ncalendar",
         "write 1 or more, e.g. `1 business hour`"),
    ],
)  # fmt: skip
def test_values_out_of_range_say_what_to_write(old: str, new: str, help_text: str) -> None:
    text = (HEADER + CALENDAR).replace(old, new, 1)
    d = next(d for d in _errors(text) if d.code in ("E201", "E215"))
    assert d.help == help_text and d.help_text("ja") != help_text


# -- 4: a cut list of subdivisions reads as Japanese ---------------------------------------------------------------


def test_a_cut_list_of_subdivisions_ends_with_nado() -> None:
    d = _one(HEADER + "calendar business {\n  days mon..fri\n  hours 10:00-18:00\n  holidays IT-QQQQ\n}\n")
    ja = d.help_text("ja") or ""
    assert "ほか" not in ja and ja.endswith("`NU`などです"), ja
    assert (d.help or "").endswith(", NU, among others")

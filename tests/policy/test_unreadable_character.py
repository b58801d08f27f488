"""A character the lexer cannot read (E010: ``$``, a full-width ``｛``, ``ｒｅｓｐｏｎｄ``, ``／``) is listed and
helped as a word the parser cannot take there (E011) is.

Found: E010 listed the contextual lexer's terminals for the parser's state (``article``, ``attribute``,
``backup`` ... after a declaration's head, where only ``{`` can follow), not what the state accepts; at
the start of the line after a statement that may end, its help showed the forms of that statement
(``definition ...`` for ``$respond``), not the block's lines; a full-width ``＃`` comment got no hint at
all (``#`` begins a comment, which no rule of the grammar expects).
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

HEAD = '"Priority 1" [art 3.2] {'
LABEL = '"優先度１" / "Priority 1"'
RESPOND = "  respond within 4 business hours\n"


def first(old: str, new: str) -> Diagnostic:
    """The first diagnostic of the bundled policy with ``old`` written ``new``."""
    return compile_text(edited(CLICKSOKO, (old, new)), "t.sla").diagnostics[0]


def listed(d: Diagnostic) -> str:
    """What the message says can be written there."""
    return d.message.split(", expected ", 1)[1]


@pytest.mark.parametrize(
    ("old", "unreadable", "word"),
    [
        (HEAD, '"Priority 1" [art 3.2] ｛', '"Priority 1" [art 3.2] foo'),
        (RESPOND, "  ｒｅｓｐｏｎｄ within 4 business hours\n", "  foo within 4 business hours\n"),
        (RESPOND, "  $respond within 4 business hours\n", "  foo within 4 business hours\n"),
        (LABEL, '"優先度１" ／ "Priority 1"', '"優先度１" foo "Priority 1"'),
    ],
)
def test_an_unreadable_character_lists_what_a_word_there_would(old: str, unreadable: str, word: str) -> None:
    e010, e011 = first(old, unreadable), first(old, word)
    assert (e010.code, e011.code) == ("E010", "E011")
    assert (e010.span.line, e010.span.column) == (e011.span.line, e011.span.column)
    assert listed(e010) == listed(e011)
    assert "article" not in e010.message and "attribute" not in e010.message


def test_the_lists_are_what_the_place_takes() -> None:
    assert listed(first(HEAD, '"Priority 1" [art 3.2] ｛')) == "`{`"
    assert listed(first(LABEL, '"優先度１" ／ "Priority 1"')) == "`/`, `[` or `{`"
    said = first(LABEL, '"優先度１" ／ "Priority 1"').text("ja")
    assert said.endswith("ここに書けるのは`/`、`[`、`{`です"), said


def test_a_character_where_a_statement_begins_gets_the_block_s_lines_not_the_statement_above() -> None:
    e010 = first(RESPOND, "  $respond within 4 business hours\n")
    e011 = first(RESPOND, "  foo within 4 business hours\n")
    assert e010.help == e011.help and e010.help_text("ja") == e011.help_text("ja")
    assert e010.help is not None and "definition" not in e010.help and "`priority` blocks" in e010.help


def test_a_character_inside_a_statement_still_gets_that_statement_s_forms() -> None:
    d = first("  complete on incident.resolved  ", "  complete on $incident.resolved  ")
    assert d.code == "E010" and d.help is not None and "`complete on incident.resolved`" in d.help


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (RESPOND, "  respond within 4 business hours ＃ 全角のコメント\n"),  # after a statement
        (RESPOND, "  respond within 4 business hours ＃全角のコメント\n"),  # touching its words
        (RESPOND, RESPOND + "  ＃ 全角のコメント\n"),  # a line of its own in a block
        ("priority P1 ", "＃ 全角のコメント\npriority P1 "),  # between declarations
    ],
)
def test_a_full_width_comment_sign_gets_the_half_width_one(old: str, new: str) -> None:
    d = first(old, new)
    assert d.code == "E010" and d.message.startswith("unexpected `＃`")
    assert d.span.end_column == d.span.column + 1  # the sign, not the comment
    assert d.help == "full-width characters cannot be used: write `#`"
    assert d.help_text("ja") == "全角文字は使えません。半角で `#` と書いてください"


def test_the_half_width_comment_is_read() -> None:
    assert compile_text(edited(CLICKSOKO, (RESPOND, RESPOND[:-1] + " # 全角のコメント\n")), "t.sla").errors == []

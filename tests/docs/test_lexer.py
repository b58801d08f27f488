"""The Pygments lexer for ``.sla``: registered by entry point, covers the grammar, never errors."""

from __future__ import annotations

import re

import pytest
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Error, Keyword, Literal, Name, Number, String

from sla_dsl.lang.lexer import DECLARATIONS, KEYWORDS, UNITS, SlaLexer

from .conftest import ROOT


def _tokens(text: str) -> list[tuple[object, str]]:
    return [(t, v) for t, v in SlaLexer().get_tokens(text) if v.strip()]


def test_registered_through_the_entry_point() -> None:
    assert isinstance(get_lexer_by_name("sla"), SlaLexer)
    assert isinstance(get_lexer_for_filename("clicksoko.sla"), SlaLexer)


def test_keyword_lists_cover_the_grammar() -> None:
    grammar = (ROOT / "grammars/sla.lark").read_text("utf-8")
    literals = set(re.findall(r'"([a-z]+)"', grammar))
    assert literals <= set(KEYWORDS) | set(DECLARATIONS) | set(UNITS)


def test_the_policy_has_no_error_token() -> None:
    text = (ROOT / "policies/clicksoko.sla").read_text("utf-8")
    assert not [v for t, v in SlaLexer().get_tokens(text) if t in Error]
    assert "".join(v for _, v in SlaLexer().get_tokens(text)) == text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# a comment", [(Comment.Single, "# a comment")]),
        ('"優先度１" / "Priority 1"', [(String.Double, '"'), (String.Double, "優先度１"), (String.Double, '"')]),
        ("[art 3.1.4]", [(Name.Decorator, "art"), (Name.Decorator, "3.1.4")]),
        ("effective 2026-04-01", [(Keyword, "effective"), (Literal.Date, "2026-04-01")]),
        ("hours 10:00-12:00", [(Keyword.Type, "hours"), (Literal.Date, "10:00"), (Literal.Date, "12:00")]),
        ("closed yearly 12-29..01-03", [(Literal.Date, "12-29"), (Literal.Date, "01-03")]),
        ("within 4 business hours", [(Number.Integer, "4"), (Name.Variable, "business"), (Keyword.Type, "hours")]),
        ("keep 7 days", [(Number.Integer, "7"), (Keyword.Type, "days")]),
        ("starts at incident.product_suspected", [(Name.Function, "incident.product_suspected")]),
        ("priority P1", [(Keyword.Declaration, "priority"), (Name.Class, "P1")]),
        ("every month on 4th thu", [(Number.Integer, "4th"), (Name.Constant, "thu")]),
        ("timezone Asia/Tokyo", [(String.Symbol, "Asia/Tokyo")]),
        ("at risk at 75% of target", [(Number, "75%")]),
    ],
)
def test_tokens(source: str, expected: list[tuple[object, str]]) -> None:
    tokens = _tokens(source)
    for pair in expected:
        assert pair in tokens, (pair, tokens)


def test_broken_text_still_highlights() -> None:
    tokens = SlaLexer().get_tokens('priority P1 { respond within 4 business hurs @ "unterminated\n}')
    assert not [v for t, v in tokens if t in Error]

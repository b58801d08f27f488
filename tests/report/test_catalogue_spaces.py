"""No message of the catalogue has a stray space.

The English E210 help without a suggestion read `help:  weekdays are ...` (its text began with a
space, left from a form that put a suggestion before it). A help text is a whole sentence: it
neither begins nor ends with a space; and no line of any message holds two spaces between words.
(Separators and fragments, `, ` or ` or `, are written into other messages and keep their spaces.)
"""

from __future__ import annotations

import re

import pytest

from sla_dsl.i18n import CATALOGUE, LANGS

#: The help texts of diagnostics: `diag.E210.help`, `diag.E210.help_none`, `diag.E215.risk.help` ...
HELP = re.compile(r"^(diag|events)\..*\.help(_\w+)?(\.|$)")


@pytest.mark.parametrize("lang", LANGS)
def test_help_texts_have_no_space_at_either_end(lang: str) -> None:
    helps = {k: getattr(m, lang) for k, m in CATALOGUE.items() if HELP.match(k)}
    assert "diag.E210.help_none" in helps
    assert [k for k, t in helps.items() if t != t.strip()] == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_has_two_spaces_between_words(lang: str) -> None:
    doubled = re.compile(r"\S {2,}\S")
    bad = [k for k, m in CATALOGUE.items() if any(doubled.search(ln) for ln in getattr(m, lang).split("\n"))]
    assert bad == []

"""A parse error's list of what may be written, cut short, says so as part of its phrase.

A QA review found E011 ending 「…`timezone`、`title`、`version`、ほかです」 (not Japanese) and
``expected ..., `version` or ...``: a cut list now ends 「…`version`などです」 / ``..., `version`, among others``,
in every message built with the list (E010, E011, E012; E016's help lists every declaration keyword).
"""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic, words
from sla_dsl.lang.parser import _or_list
from sla_dsl.policy.load import compile_text

HEADER = 'sla "x" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n'


def _diagnostic(text: str) -> Diagnostic:
    (d,) = compile_text(text).diagnostics
    return d


#: A word the header does not take (E011), and a file that ends inside a block (E012): more than eight
#: things could follow, so the list is cut.
CUT = {
    "E011": HEADER + "  frobnicate 3\n}\n",
    "E012": 'calendar business "営業時間" / "Business hours" {\n  days mon..fri\n',
}


@pytest.mark.parametrize("code", sorted(CUT))
def test_a_cut_list_ends_with_nado_in_japanese(code: str) -> None:
    d = _diagnostic(CUT[code])
    assert d.code == code
    said = d.text("ja")
    assert "ほか" not in said and said.endswith("`などです"), said
    assert "、など" not in said, said  # など follows the last item, as part of the list


@pytest.mark.parametrize("code", sorted(CUT))
def test_a_cut_list_ends_among_others_in_english(code: str) -> None:
    said = _diagnostic(CUT[code]).text("en")
    assert "or ..." not in said and said.endswith("`, among others"), said


def test_the_header_words_read_naturally() -> None:
    d = _diagnostic(CUT["E011"])
    assert d.text("ja") == (
        "`frobnicate` はここには書けません。ここに書けるのは`credit`、`effective`、`format`、`languages`、"
        "`provider`、`source`、`timezone`、`title`などです"
    )
    assert d.text("en") == (
        "unexpected `frobnicate`, expected `credit`, `effective`, `format`, `languages`, `provider`, `source`, "
        "`timezone`, `title`, among others"
    )


def test_a_short_list_is_whole_and_a_long_one_cut_after_eight() -> None:
    """Eight or fewer are said whole, ``or`` before the last in English; of more, the first eight."""
    short = words("diag.E011.expected", word="x", expected=_or_list([f"`{c}`" for c in "abc"]))
    assert (short.text("ja"), short.text("en")) == (
        "`x` はここには書けません。ここに書けるのは`a`、`b`、`c`です",
        "unexpected `x`, expected `a`, `b` or `c`",
    )
    long = words("diag.E012.expected", expected=_or_list([f"`{c}`" for c in "abcdefghi"]))
    assert (long.text("ja"), long.text("en")) == (
        "ファイルが途中で終わっています。続きに書けるのは`a`、`b`、`c`、`d`、`e`、`f`、`g`、`h`などです",
        "unexpected end of file, expected `a`, `b`, `c`, `d`, `e`, `f`, `g`, `h`, among others",
    )

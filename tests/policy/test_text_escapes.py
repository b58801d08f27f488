"""The escapes of a policy text, and what a text may not hold as it is written.

A QA pass wrote ``"see C:\\data\\new and \\u00e9 end"``: the text was read as ``see C:data``, a new line,
``ew and u00e9 end`` (a backslash before any other character than ``n`` or ``t`` was dropped) and ``sla
check`` said nothing. Now a text knows ``\\"``, ``\\\\``, ``\\n`` and ``\\t``; any other backslash is E017 at
the backslash, with the help to write ``\\\\`` (and the character itself for ``\\u00e9``), in ja and en. A
control character (ESC) or one that reorders text (U+202E) written raw in a text is warning W017, at the
first of each kind in the text. ``sla fmt`` keeps every escape as written and the language server says
what ``sla check`` says. And a syntax error's message shows a code point above U+00FF as ``\\u202e``, not
``\\x202e`` (read as the byte 0x20, then ``2e``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.authoring.fmt import format_text
from sla_dsl.cli.app import main
from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"  # `languages ja, en`
LABEL = '"Business hours"'


def text_problems(source: str) -> list[Diagnostic]:
    """E017 and W017 of ``source`` (imported here: a module that does not have them fails its tests alone)."""
    from sla_dsl.lang.values import text_problems as found

    return found(source)


def _policy(english: str) -> str:
    """The help desk's policy with its calendar's English label written ``english`` (quotes included)."""
    text = HELPDESK.read_text("utf-8")
    assert text.count(LABEL) == 1
    return text.replace(LABEL, english)


def _at(text: str, needle: str) -> tuple[int, int]:
    """The line and column (from 1) of ``needle`` in ``text``."""
    pos = text.index(needle)
    return text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)


def _check(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, lang: str = "en") -> tuple[int, str]:
    path = tmp_path / "p.sla"
    path.write_text(text, "utf-8")
    capsys.readouterr()
    code = main(["check", "--lang", lang, str(path)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out + out.err


# ---- the escapes ----------------------------------------------------------------------------------


def test_the_four_escapes_are_read() -> None:
    compiled = compile_text(_policy(r'"a \"b\" C:\\data\nnext\tcol"'))
    assert not compiled.errors and not [d for d in compiled.warnings if d.code in ("E017", "W017")]
    assert compiled.model is not None
    assert compiled.model.calendars[0].label.en == 'a "b" C:\\data\nnext\tcol'


def test_a_backslash_before_another_character_is_e017_at_the_backslash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _policy(r'"see C:\data\new and \u00e9 end"')
    code, out = _check(tmp_path, capsys, text)
    assert code == 1
    line, column = _at(text, r"\data")
    assert f"p.sla:{line}:{column}: error: [E017] `\\d` is not an escape a text can have" in out, out
    assert 'help: write `\\\\` for a backslash, e.g. `"C:\\\\data"`' in out
    line, column = _at(text, r"\u00e9")
    assert f"p.sla:{line}:{column}: error: [E017] `\\u` is not an escape a text can have" in out, out
    assert "help: a text has no `\\u` escape: write the character itself, and `\\\\` for a backslash" in out
    assert "[E017] `\\n`" not in out  # (`\new` is a new line, then `ew`: an escape)


def test_e017_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(tmp_path, capsys, _policy(r'"C:\data"'), "ja")
    assert code == 1
    assert "[E017] `\\d` は文字列に書けるエスケープではありません" in out, out
    assert 'ヒント: バックスラッシュは `\\\\` と書いてください（例：`"C:\\\\data"`）' in out


def test_a_text_s_last_backslash_before_its_quote_is_no_e017() -> None:
    """``"a\\\\"`` is a backslash at the end; ``"a\\"`` opens a text that is not closed (E014, not E017)."""
    assert text_problems('x "a\\\\" y') == []
    compiled = compile_text(_policy('"a\\"'))
    assert "E014" in {d.code for d in compiled.errors} and "E017" not in {d.code for d in compiled.diagnostics}


def test_backslashes_and_quotes_in_comments_are_not_texts() -> None:
    assert text_problems('# see "C:\\data" and \x1b\n  x "a # \\\\ b" # \\q "\\z"\n') == []
    found = text_problems('  x "a # \\q"  # "\\z"\n')
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("E017", 1, 10)]


# ---- control characters -----------------------------------------------------------------------------


def test_a_control_character_and_a_reordering_one_are_w017_at_the_first_of_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _policy('"Bus\x1b[31miness\x1b[0m \u202ehours"')
    code, out = _check(tmp_path, capsys, text)
    assert code == 1  # (a warning fails `sla check`)
    line, column = _at(text, "\x1b")
    said = "warning: [W017] this text holds a control character, U+001B, that the documents do not show"
    assert f"p.sla:{line}:{column}: {said}" in out, out
    assert "help: delete it, so that the documents show the contract text as it was written" in out
    line, column = _at(text, "\u202e")
    said = "warning: [W017] this text holds U+202E, which reorders the text after it in the documents"
    assert f"p.sla:{line}:{column}: {said}" in out, out
    assert out.count("[W017]") == 2
    assert "\x1b" not in out and "\u202e" not in out


@pytest.mark.parametrize("char", ["\x07", "\x7f", "\x85", "\u202a", "\u2066", "\u2069"])
def test_each_kind_is_warned(char: str) -> None:
    assert [d.code for d in text_problems(f'x "a{char}b"')] == ["W017"]


def test_w017_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _check(tmp_path, capsys, _policy('"Business \u2067hours"'), "ja")
    assert "[W017] 文字列に、文書でその後の文字の並びを変える文字 `U+2067` があります" in out, out
    assert "ヒント: この文字を削除してください" in out


def test_a_tab_written_in_a_text_is_no_warning() -> None:
    assert text_problems('x "a\tb"') == []


def test_the_bundled_policies_have_no_text_problem() -> None:
    for path in sorted((ROOT / "policies").rglob("*.sla")):
        assert text_problems(path.read_text("utf-8")) == [], path


# ---- fmt and the language server --------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [r'"a \"b\" C:\\data\nnext\tcol"', r'"see C:\data\new and \u00e9 end"', '"Bus\x1b[31miness \u202ehours"'],
)
def test_fmt_keeps_every_escape_as_written(written: str) -> None:
    formatted = format_text(_policy(written))
    assert written in formatted
    assert format_text(formatted) == formatted


def test_the_language_server_says_what_check_says() -> None:
    pytest.importorskip("pygls")
    from sla_dsl.authoring.lsp import Documents

    text = _policy('"see C:\\data \x1b[2J and \u202e\\u00e9"')
    checked = compile_text(text, "file:///p.sla").diagnostics
    assert [d.code for d in checked] == ["E017", "W017", "W017", "E017"]
    served = Documents().check("file:///p.sla", text)
    assert [str(d.code) for d in served] == [d.code for d in checked]
    for lsp, d in zip(served, checked, strict=True):
        assert (lsp.range.start.line + 1, lsp.range.start.character + 1) == (d.span.line, d.span.column)
        assert d.message in lsp.message or d.text("ja") in lsp.message


# ---- a syntax error's escapes -----------------------------------------------------------------------


def test_a_syntax_error_shows_a_code_point_above_ff_as_u(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HELPDESK.read_text("utf-8").replace("days mon..fri", "days \u202emon..fri", 1)
    code, out = _check(tmp_path, capsys, text)
    assert code == 1
    assert "[E010] unexpected `\\u202emon..fri`" in out, out
    assert "\\x202e" not in out

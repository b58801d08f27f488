"""The language server formats a policy whenever its text parses, as ``sla fmt`` does.

``sla fmt`` leaves alone only a text with a syntax error (E010-E016); an error ``sla check`` finds in a
text that parses (an undeclared calendar, E207) is the diagnostics' to say, not a reason to refuse
formatting. Both take that predicate from one place (:func:`sla_dsl.authoring.fmt.syntax_errors`).
Before, the language server refused formatting on any error of the compiled policy.

Its refusal says so: the document has syntax errors, the first at its line and column (as ``sla check``
puts it), and what to do. Before, it said ``the policy has errors; line 95: ...``: any error, no column,
nothing to do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.authoring import lsp
from sla_dsl.authoring.fmt import format_text
from sla_dsl.cli import main
from sla_dsl.policy.load import compile_text

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`, formatted

#: a check error (an undeclared calendar) in a text that parses, and a line to format (its indent lost)
CHECK_ERROR = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 4 busness hours", 1)
MESSY = CHECK_ERROR.replace("\n  format 1\n", "\nformat 1\n", 1)


def test_a_policy_with_only_a_check_error_is_formatted_by_the_language_server() -> None:
    assert MESSY != CHECK_ERROR  # (formatting has something to change)
    codes = {d.code for d in compile_text(MESSY).errors}
    assert "E207" in codes and not any(c.startswith("E01") for c in codes), codes
    (edit,) = lsp.format_edits(MESSY)  # (before: RequestFailed, "the policy has errors")
    assert edit.new_text == format_text(MESSY, "ja") == CHECK_ERROR
    assert lsp.format_edits(CHECK_ERROR) == []  # formatted: nothing to change, not a refusal


def test_the_language_server_and_sla_fmt_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "policy.sla"
    target.write_text(MESSY, "utf-8")
    assert main(["fmt", str(target)]) == 0
    capsys.readouterr()
    assert target.read_text("utf-8") == lsp.format_edits(MESSY)[0].new_text
    # a syntax error: both refuse
    broken = MESSY.replace("respond within 4 busness hours", "respond within busness hours", 1)
    target.write_text(broken, "utf-8")
    assert {d.code for d in compile_text(broken).errors} == {"E011"}
    assert main(["fmt", str(target)]) == 1
    assert "[E011]" in capsys.readouterr().err
    assert target.read_text("utf-8") == broken
    with pytest.raises(lsp.RequestFailed) as info:
        lsp.format_edits(broken)
    assert str(info.value).startswith("整形できません：文書に構文エラーがあります。95 行目 18 文字目：")


def test_the_refusal_names_the_first_syntax_error_and_what_to_do() -> None:
    one = MESSY.replace("respond within 4 busness hours", "respond within busness hours", 1)
    two = one.replace("respond within 1 business day", "respond within business day", 1)
    assert [d.code for d in compile_text(two).errors if d.code.startswith("E01")] == ["E011", "E011"]
    said = {}
    for name, text in (("one", one), ("two", two)):
        for lang, header in (("ja", text), ("en", re.sub(r"\n  languages ja, en[^\n]*", "", text))):
            with pytest.raises(lsp.RequestFailed) as info:
                lsp.format_edits(header)
            said[name, lang] = str(info.value)
    line = "line 94, column 18: unexpected `busness`, expected a number"  # (the English text: no languages line)
    assert said["one", "en"] == (
        f"cannot format: the document has a syntax error at {line}. Fix it to format the document "
        "(`sla check` shows it too)"
    )
    assert said["two", "en"] == (
        f"cannot format: the document has 2 syntax errors, the first at {line}. Fix them to format the document "
        "(`sla check` lists them all)"
    )
    where = "95 行目 18 文字目：`busness` はここには書けません。ここに書けるのは数です"
    assert said["one", "ja"] == (
        f"整形できません：文書に構文エラーがあります。{where}。このエラーを直してから整形してください"
        "（`sla check` でも表示されます）"
    )
    assert said["two", "ja"] == (
        f"整形できません：文書に構文エラーが 2 件あります。最初のエラーは {where}。"
        "構文エラーを直してから整形してください（`sla check` ですべて表示されます）"
    )

"""The language server formats a policy whenever its text parses, as ``sla fmt`` does.

``sla fmt`` leaves alone only a text with a syntax error (E010-E016); an error ``sla check`` finds in a
text that parses (an undeclared calendar, E207) is the diagnostics' to say, not a reason to refuse
formatting. Both take that predicate from one place (:func:`sla_dsl.authoring.fmt.syntax_errors`).
Before, the language server refused formatting on any error of the compiled policy.
"""

from __future__ import annotations

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
    assert str(info.value).startswith("整形できません：ポリシーにエラーがあります。95 行目：")

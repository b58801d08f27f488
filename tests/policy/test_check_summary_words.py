"""Words of ``sla check`` a QA pass found wrong: a percentage out of range said "between 0 and 100" of ``0%``
(E215: 0 is between them, the rule is above 0 and at most 100), and the Japanese summary joined what it
leaves out with an English ``; ``."""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_edits import CLICKSOKO, edited

from sla_dsl.cli import main
from sla_dsl.policy import compile_text

RISK = "  at risk at 75% of target "

#: a policy in Japanese with 150 duplicate exclusions: 100 errors shown, 50 left out
DUPLICATES = (
    'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages ja\n}\n\n'
    + "exclude again\n" * 151
)


@pytest.mark.parametrize("percent", ["0%", "120%"])
def test_a_percentage_out_of_range_says_the_range_it_is_not_in(percent: str) -> None:
    (d,) = compile_text(edited(CLICKSOKO, (RISK, f"  at risk at {percent} of target ")), "t.sla").errors
    assert d.code == "E215"
    assert d.message == f"`{percent}` is not a percentage above 0 and at most 100"
    assert d.text("ja") == f"`{percent}` は0より大きく100以下の百分率ではありません"
    assert d.help is not None and "above 0 and at most 100" in d.help  # (the help says it the same way)


def test_the_japanese_summary_joins_what_it_leaves_out_as_japanese_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dups.sla"
    path.write_text(DUPLICATES, "utf-8")
    assert main(["check", str(path)]) == 1
    last = capsys.readouterr().err.rstrip().split("\n")[-1]
    assert last == "エラー100件、警告0件。ほか50件は表示していません"
    assert main(["check", "--lang", "en", str(path)]) == 1
    assert capsys.readouterr().err.rstrip().split("\n")[-1] == "100 errors, 0 warnings; 50 more not shown"


def test_each_file_s_left_out_count_is_joined_the_same_way(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.sla").write_text(DUPLICATES, "utf-8")
    (tmp_path / "b.sla").write_text(DUPLICATES, "utf-8")
    assert main(["check", str(tmp_path / "a.sla"), str(tmp_path / "b.sla")]) == 1
    last = capsys.readouterr().err.rstrip().split("\n")[-1]
    assert ";" not in last and last.count("。") == 2 and last.startswith("エラー200件、警告0件。"), last

"""``sla fmt`` keeps a comment on the line of what it followed, and counts the files it could not format.

QA's f01: a ``rules`` list wrapped with a comment after each item came out as one line with the three
comments run together at its end (``priority P3  # 最優先 # 次 # 最後``); a text pair of a one-line
``article`` with a comment after each text the same. A line of the layout now ends after each token a
comment follows. And ``sla fmt`` on a file with errors said 「0 件は整形が必要、0 件は変更なし」,
counting it nowhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.authoring.fmt import format_text
from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
CLICKSOKO = POLICY.read_text("utf-8")

RULES = "  rules priority P1, priority P2, priority P3\n"
ARTICLE = 'article 3 "SLA の設定" / "SLA settings"\n'


def _edited(old: str, new: str) -> str:
    assert CLICKSOKO.count(old) == 1
    return CLICKSOKO.replace(old, new)


def test_each_comment_of_a_wrapped_list_stays_with_its_item() -> None:
    text = _edited(RULES, "  rules priority P1, # 最優先\n    priority P2, # 次\n    priority P3 # 最後\n")
    out = format_text(text)
    assert (
        "  rules priority P1,                           # 最優先\n"
        "    priority P2,                               # 次\n"
        "    priority P3                                # 最後\n"
    ) in out
    assert format_text(out) == out


def test_a_list_whose_items_share_a_line_keeps_them_together() -> None:
    text = _edited(RULES, "  rules priority P1, priority P2, # 上位\n    priority P3 # 最後\n")
    out = format_text(text)
    assert "  rules priority P1, priority P2," + " " * 14 + "# 上位\n    priority P3" in out
    assert format_text(out) == out


def test_each_comment_of_a_text_pair_stays_with_its_text() -> None:
    text = _edited(ARTICLE, 'article 3 "SLA の設定" # 第3条\n  / "SLA settings" # 英訳\n')
    out = format_text(text)
    assert 'article 3 "SLA の設定"                         # 第3条\n        / "SLA settings"' in out
    assert out.split("\n")[
        out.split("\n").index('article 3 "SLA の設定"                         # 第3条') + 1
    ].endswith("# 英訳")
    assert format_text(out) == out


def test_a_comment_at_the_end_of_a_statement_does_not_cut_it() -> None:
    text = _edited(RULES, "  rules priority P1,\n    priority P2, priority P3 # 全部\n")
    assert "  rules priority P1, priority P2, priority P3  # 全部\n" in format_text(text)


def test_fmt_counts_a_file_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sla"
    bad.write_text(CLICKSOKO.replace("respond within 4 business hours", "respnd within 4 business hours"), "utf-8")
    good = tmp_path / "good.sla"
    good.write_text(CLICKSOKO, "utf-8")
    capsys.readouterr()
    assert main(["fmt", "--check", str(bad)]) == 1
    assert capsys.readouterr().err.endswith("\n0 件は整形が必要、0 件は変更なし、1 件はエラー\n")
    assert main(["fmt", "--check", "--lang", "en", str(bad), str(good)]) == 1
    assert capsys.readouterr().err.endswith(
        "\n0 files would be reformatted, 1 left unchanged, 1 not formatted (errors)\n"
    )
    missing = tmp_path / "missing.sla"
    assert main(["fmt", "--lang", "en", str(good), str(missing)]) == 1
    assert capsys.readouterr().err.endswith("\n0 files reformatted, 1 left unchanged, 1 not formatted (errors)\n")

"""``sla fmt`` keeps a comment exactly, and puts a pair's ``/`` under its text when a comment moved the text.

QA's findings: the end of every comment was stripped of all whitespace, the ideographic space U+3000 that
Japanese text often ends with included, though comments are kept exactly (only the ASCII blanks after a
comment are the layout's); and ``note  # c`` with its ``"ja" / "en"`` on the next line left the ``/`` of the
pair out of line with the text.
"""

from __future__ import annotations

from pathlib import Path

from sla_dsl.authoring.fmt import format_text, lex

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
NOTE_JA = "上記の応答目標時間はすべて営業時間であり、夜間、週末、休日を含まない。"
NOTE = f'  note "{NOTE_JA}"\n'
HOLIDAYS = "  holidays JP                                  # reading 2: national holidays (holidays package)\n"
NOTE_EN = '/ "All response targets are in business hours: nights, weekends and holidays are not counted."'


def _edited(old: str, new: str) -> str:
    assert CLICKSOKO.count(old) == 1
    return CLICKSOKO.replace(old, new)


def test_an_ideographic_space_at_a_comments_end_is_kept() -> None:
    text = _edited(HOLIDAYS, "  holidays JP  # 祝日　\t \n")
    out = format_text(text)
    assert "# 祝日　\n" in out  # the tab and the space after it are dropped, U+3000 is the comment's
    assert format_text(out) == out
    _, _, comments = lex(out)
    assert "# 祝日　" in [str(c) for c in comments]


def test_a_comment_of_its_own_line_keeps_its_ideographic_space() -> None:
    text = _edited(HOLIDAYS, "  # 全角の空白で終わる　　\n" + HOLIDAYS)
    assert "\n  # 全角の空白で終わる　　\n  holidays JP" in format_text(text)


def test_a_comment_after_a_prose_keyword_keeps_the_pair_aligned() -> None:
    out = format_text(_edited(NOTE, f'  note # 注記\n "{NOTE_JA}"\n'))
    lines = out.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  note "))
    assert lines[at] == "  note" + " " * 41 + "# 注記"
    assert lines[at + 1] == f'      "{NOTE_JA}"'
    assert lines[at + 2] == f"    {NOTE_EN}"  # the English under the Japanese (before: one column right)
    assert lines[at + 1].index('"') == lines[at + 2].index('"')
    assert format_text(out) == out


def test_a_comment_after_the_text_still_puts_the_slash_under_it() -> None:
    out = format_text(_edited(NOTE, f'  note # 注記\n "{NOTE_JA}" # 日本語\n'))
    lines = out.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  note "))
    assert lines[at + 1].startswith(f'      "{NOTE_JA}"') and lines[at + 1].endswith("# 日本語")
    assert lines[at + 2] == f"    {NOTE_EN}"
    assert format_text(out) == out


def test_the_usual_layout_of_a_note_is_unchanged() -> None:
    assert f"{NOTE}     {NOTE_EN}\n" in CLICKSOKO
    assert format_text(CLICKSOKO) == CLICKSOKO

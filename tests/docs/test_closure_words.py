"""The Japanese pages name a company closure as ``sla diff`` does (its catalogue words, ``diff.field.*``).

Since the QA of Article 5 changes, Japanese calls every company closure 休業日: ``closed`` 会社独自の休業日,
``closed yearly`` 会社独自の毎年の休業日, a named ``holiday`` 名前のある会社独自の休業日 and ``holiday yearly``
名前のある会社独自の毎年の休業日. The language reference's heading of ``holiday yearly`` still said
「毎年の独自の休日」, its text 「会社独自の休日」 and 「毎年の休日」: the words ``sla diff`` replaced.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.i18n import message

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").rglob("*.ja.md"))
#: The words ``sla diff`` said before (``独自の休日``, ``休業期間`` of a yearly closure), and the reference's own.
OLD = ("独自の休日", "毎年の休日", "一度きりの休日", "毎年の休業期間")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_japanese_page_says_the_old_words(page: Path) -> None:
    text = page.read_text("utf-8")
    assert [old for old in OLD if old in text] == []


def test_the_heading_of_holiday_yearly_is_the_diff_s_word() -> None:
    text = (ROOT / "docs" / "reference" / "language.ja.md").read_text("utf-8")
    heading = re.search(r"^### (.+)：`holiday yearly` \{#yearly-holidays-holiday-yearly\}$", text, re.M)
    assert heading is not None
    assert heading.group(1) == message("diff.field.yearly_holidays", "ja") == "名前のある会社独自の毎年の休業日"

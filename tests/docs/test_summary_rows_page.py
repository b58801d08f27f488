"""The engineers' Reports page says that a rule a version in force from mid-period adds has its summary row.

The summary gives a row to each notification rule, planned-stop rule, measured service and backup kind of
every version in force during the period, after the first version's rows
(``tests/report/test_summary_rules_of_later_versions.py`` judges it); the page, in both languages, used to
list the summary's rows as if only the first version's rules had one.
"""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

PAGES = ROOT / "docs" / "engineers"

#: (page, the sentence's opening, what it must name: each kind of rule, where its row goes, from when)
SAID = {
    "reports.en.md": (
        "that a version in force from mid-period adds",
        ["notification rule", "planned-stop rule", "measured service", "backup kind", "after the first version's"],
    ),
    "reports.ja.md": (
        "期間の途中から有効になる版が加える",
        ["通知の規定", "計画停止の規定", "稼働率を測定するサービス", "バックアップの種類", "最初の版の行の後に"],
    ),
}


def _sentence(text: str, opening: str) -> str:
    """The sentence of ``text`` (its lines joined) that holds ``opening``."""
    flat = re.sub(r"\s*\n\s*", " ", text)
    at = flat.index(opening)
    start = max(flat.rfind(". ", 0, at) + 2, flat.rfind("。", 0, at) + 1)
    ends = [k for k in (flat.find(". ", at), flat.find("。", at)) if k >= 0]
    return flat[start : min(ends) + 1]


@pytest.mark.parametrize("page", sorted(SAID))
def test_the_reports_page_says_later_versions_rules_have_rows(page: str) -> None:
    opening, names = SAID[page]
    text = (PAGES / page).read_text("utf-8")
    assert opening in text, f"{page} does not say what the summary does with a rule a later version adds"
    sentence = _sentence(text, opening)
    assert all(name in sentence for name in names), sentence

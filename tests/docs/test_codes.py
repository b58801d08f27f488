"""The error-code reference is generated from the code: every code the package raises is on the page."""

from __future__ import annotations

import re

from sla_dsl.docs.codes import scan

from .conftest import ROOT, Build
from .htmltables import text_of


def _codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "sla_dsl").rglob("*.py"):
        found |= set(re.findall(r"[\"']([EW]\d{3})[\"']", path.read_text("utf-8")))
    return found


def test_scan_finds_each_code_with_its_words() -> None:
    uses = scan()
    assert {u.code for u in uses} == _codes_in_source()
    never_open = [u for u in uses if u.code == "E302" and u.module == "sla_dsl.policy.checks"]
    assert any("is never open" in u.message for u in never_open), never_open
    empty = next(u for u in uses if u.code == "E107")
    assert empty.module == "sla_dsl.events.validate" and empty.message == "field `…` is empty"


def test_error_code_page(site: Build) -> None:
    """Both pages list every code: the English with the Japanese beside it, the Japanese in Japanese only."""
    for uri, said, other in (
        ("en/reference/errors", "field … is empty", None),
        ("reference/errors", "フィールド … が空です", "field … is empty"),
    ):
        page = text_of(site.page(uri)).replace("`", "")
        missing = sorted(c for c in _codes_in_source() if c not in page)
        assert not missing, f"codes raised by the package but not on {uri}: {missing}"
        assert said in page, uri
        assert other is None or other not in page, uri


def test_the_japanese_tables_have_no_english_words() -> None:
    """The Japanese page's generated tables: headings, heads and words in Japanese (code and module names
    in backticks apart)."""
    from sla_dsl.docs.codes import codes_markdown

    page = codes_markdown("ja")
    # (product names are written as they are: Arrow IPC, JSON Lines)
    prose = re.sub(r"`[^`]*`|\{#[^}]*\}|<br>|\((?:E|W)\dxx\)|Arrow IPC|JSON Lines", " ", page)
    assert not re.findall(r"[A-Za-z]{3,}(?:\s+[A-Za-z]{3,})+", prose)
    assert "## 警告：ポリシー言語 (W2xx) {#w2xx}" in page
    assert "| コード | 発生箇所 | メッセージ（… には値が入ります） | ヒント |" in page


def test_warnings_are_listed_like_errors_with_their_japanese() -> None:
    """W2xx and W3xx are diagnostics authors see: each has a row, with its English and Japanese words."""
    from sla_dsl.docs.codes import codes_markdown

    page = codes_markdown()
    warnings = sorted(c for c in _codes_in_source() if c.startswith("W"))
    assert {"W201", "W250", "W301"} <= set(warnings)
    rows = {line.split("`")[1]: line for line in page.splitlines() if line.startswith("| `")}
    assert [w for w in warnings if w not in rows] == []
    assert "## Warnings: the policy language (W2xx) {#w2xx}" in page
    assert "## Warnings: calendars and compiled-policy checks (W3xx) {#w3xx}" in page
    assert page.index("(E3xx)") < page.index("(W2xx)") < page.index("(W3xx)")
    w202 = rows["W202"]
    assert "a weekday is listed twice" in w202 and '<span lang="ja">同じ曜日が二度書かれています<br>ヒント：' in w202

"""One Japanese word for downtime: 停止時間, as the reports, ``sla explain`` and the field notes say it.

The site's maintenance section (``site.maint_counts``) and its emergency stops (``site.emergency_downtime``)
said 「ダウンタイムとして数えます」 where every other text says 停止時間: one thing with two names. Every
Japanese text a person reads is scanned, as for 時差 (``test_offset_term_ja.py``): the catalogue, the field and
API notes, every text of the package's source and every Japanese page. These tests failed before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.i18n import CATALOGUE, message
from sla_dsl.i18n.api_notes import API_NOTES, LABELS
from sla_dsl.i18n.field_notes_events import EVENT_NOTES
from sla_dsl.i18n.field_notes_report import REPORT_NOTES

ROOT = Path(__file__).resolve().parents[2]
#: The other name, in katakana: no Japanese text a person reads says it.
OTHER = "ダウンタイム"


def test_the_catalogue_s_japanese_says_teishi_jikan() -> None:
    assert [key for key, msg in CATALOGUE.items() if OTHER in msg.ja] == []
    assert message("site.maint_counts", "ja") == "この時間帯は停止時間として数えます。"
    assert "停止時間として数えます" in message("site.emergency_downtime", "ja")
    assert message("report.downtime", "ja") == "停止時間"  # (the reports' word)


@pytest.mark.parametrize(
    ("name", "notes"),
    [("events", EVENT_NOTES), ("report", REPORT_NOTES), ("api", API_NOTES), ("labels", LABELS)],
)
def test_the_notes_of_the_site_say_teishi_jikan(name: str, notes: dict[str, str]) -> None:
    assert [text for text in notes.values() if OTHER in text] == [], name


def test_no_text_of_the_package_says_it() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "sla_dsl").rglob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if OTHER in line
    ]
    assert found == []


def test_no_japanese_page_says_it() -> None:
    pages = sorted((ROOT / "docs").rglob("*.ja.md"))
    assert len(pages) > 10
    found = [
        f"{page.relative_to(ROOT)}:{n}"
        for page in pages
        for n, line in enumerate(page.read_text("utf-8").splitlines(), 1)
        if OTHER in line
    ]
    assert found == []

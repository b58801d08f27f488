"""One Japanese word for one thing: each term below has a second name no Japanese text a person reads says.

* A UTC offset is 時差, as the readers' and the API's messages say it (「`at` に時差（`+09:00` など）がありません」):
  the field notes of the events and report pages, the ``--from`` help of the commands, the API's notes and the
  engineers', authors' and readers' Japanese pages said 「オフセット」 or 「UTC オフセット」 for it.
* Downtime is 停止時間, as the reports, ``sla explain`` and the field notes say it: the site's maintenance
  section (``site.maint_counts``) and its emergency stops (``site.emergency_downtime``) said
  「ダウンタイムとして数えます」.

Every Japanese text a person reads is scanned: the catalogue, the field and API notes, every text of the
package's source (the site's generated words among them) and every Japanese page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main
from sla_dsl.i18n import CATALOGUE, message
from sla_dsl.i18n.api_notes import API_NOTES, LABELS
from sla_dsl.i18n.field_notes_events import EVENT_NOTES
from sla_dsl.i18n.field_notes_report import REPORT_NOTES

ROOT = Path(__file__).resolve().parents[2]
#: The other name of each term, in katakana: no Japanese text a person reads says it.
OTHERS = {"オフセット": "時差", "ダウンタイム": "停止時間"}
NOTES = {"events": EVENT_NOTES, "report": REPORT_NOTES, "api": API_NOTES, "labels": LABELS}


def _with(other: str, texts: dict[str, str]) -> list[str]:
    return [f"{where}: {text}" for where, text in texts.items() if other in text]


@pytest.mark.parametrize("other", OTHERS)
def test_the_catalogue_s_japanese_says_the_one_word(other: str) -> None:
    assert _with(other, {key: msg.ja for key, msg in CATALOGUE.items()}) == []


def test_the_texts_that_said_the_other_word_say_the_one() -> None:
    assert "時差" in message("cli.help.period.from", "ja")
    assert message("site.maint_counts", "ja") == "この時間帯は停止時間として数えます。"
    assert "停止時間として数えます" in message("site.emergency_downtime", "ja")
    assert message("report.downtime", "ja") == "停止時間"  # (the reports' word)


@pytest.mark.parametrize("other", OTHERS)
@pytest.mark.parametrize("name", NOTES)
def test_the_notes_of_the_site_say_the_one_word(name: str, other: str) -> None:
    assert _with(other, NOTES[name]) == [], name


def test_the_notes_that_said_offset_now_say_jisa() -> None:
    """Each note whose English speaks of the offset says 時差 in Japanese."""
    for notes in (EVENT_NOTES, REPORT_NOTES, API_NOTES):
        for english, japanese in notes.items():
            if "offset" in english.replace("utcoffset", ""):
                assert "時差" in japanese, (english, japanese)


@pytest.mark.parametrize("other", OTHERS)
def test_no_text_of_the_package_says_it(other: str) -> None:
    """The package's source: catalogue sections, the site's generated words, the docstrings the notes key."""
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "sla_dsl").rglob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if other in line
    ]
    assert found == []


@pytest.mark.parametrize("other", OTHERS)
def test_no_japanese_page_says_it(other: str) -> None:
    pages = sorted((ROOT / "docs").rglob("*.ja.md"))
    assert len(pages) > 10
    found = [
        f"{page.relative_to(ROOT)}:{n}"
        for page in pages
        for n, line in enumerate(page.read_text("utf-8").splitlines(), 1)
        if other in line
    ]
    assert found == []


def test_the_from_help_as_the_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["evaluate", "--lang", "ja", "--help"])
    out = capsys.readouterr().out
    assert "期間の始まり：時差の付いた ISO 8601 の時刻" in out and "オフセット" not in out, out

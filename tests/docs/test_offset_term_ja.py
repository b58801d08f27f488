"""One Japanese word for a UTC offset: 時差, as the readers' and the API's messages say it (「`at` に時差（`+09:00`
など）がありません」).

The field notes of the events and report pages, the ``--from`` help of the commands, the API's notes and the
engineers', authors' and readers' Japanese pages still said 「オフセット」 or 「UTC オフセット」 for it: one
thing with two names on one site. Every Japanese text a person reads is scanned: the catalogue, the field and
API notes, every text of the package's source (the site's generated words among them) and every Japanese page.
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
#: The other name, in katakana: no Japanese text a person reads says it.
OTHER = "オフセット"


def _with_other(texts: dict[str, str]) -> list[str]:
    return [f"{where}: {text}" for where, text in texts.items() if OTHER in text]


def test_the_catalogue_s_japanese_says_jisa() -> None:
    assert _with_other({key: msg.ja for key, msg in CATALOGUE.items()}) == []
    assert "時差" in message("cli.help.period.from", "ja")


@pytest.mark.parametrize(
    ("name", "notes"),
    [("events", EVENT_NOTES), ("report", REPORT_NOTES), ("api", API_NOTES), ("labels", LABELS)],
)
def test_the_notes_of_the_site_say_jisa(name: str, notes: dict[str, str]) -> None:
    assert _with_other(notes) == [], name


def test_the_notes_that_said_offset_now_say_jisa() -> None:
    """Each note whose English speaks of the offset says 時差 in Japanese."""
    for notes in (EVENT_NOTES, REPORT_NOTES, API_NOTES):
        for english, japanese in notes.items():
            if "offset" in english.replace("utcoffset", ""):
                assert "時差" in japanese, (english, japanese)


def test_no_text_of_the_package_says_it() -> None:
    """The package's source: catalogue sections, the site's generated words, the docstrings the notes key."""
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


def test_the_from_help_as_the_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["evaluate", "--lang", "ja", "--help"])
    out = capsys.readouterr().out
    assert "期間の始まり：時差の付いた ISO 8601 の時刻" in out and OTHER not in out, out

"""The Japanese of the generated schema tables: every description the Events and Reports pages show has a
Japanese note (:mod:`sla_dsl.i18n.field_notes_events`, :mod:`sla_dsl.i18n.field_notes_report`), no note is
left over from a description the code no longer has, and no note (nor the generated Japanese text around
them) holds English outside code.

Read from the code, with no build, so they run in a moment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.docs import schema
from sla_dsl.docs.field_notes import MissingNote
from sla_dsl.i18n import CATALOGUE
from sla_dsl.i18n.field_notes_events import EVENT_NOTES
from sla_dsl.i18n.field_notes_report import REPORT_NOTES

from .htmltables import tables
from .test_translations import NAMES, Page, english_runs

#: Which notes each page's descriptions are read from.
PAGES: dict[str, tuple[Callable[[], list[tuple[str, str]]], Mapping[str, str], str]] = {
    "events": (schema.events_descriptions, EVENT_NOTES, "sla_dsl/i18n/field_notes_events.py"),
    "report": (schema.report_descriptions, REPORT_NOTES, "sla_dsl/i18n/field_notes_report.py"),
}
#: The standard the schema files follow: a name, in Latin letters on either page.
STANDARD = "JSON Schema"
_CODE = re.compile(r"``.+?``")
_HTML_CODE = re.compile(r"<code>.*?</code>", re.DOTALL)


def _english(text: str) -> list[str]:
    """The runs of two English words in ``text`` (a Japanese text, its code taken out), names aside."""
    return english_runs(text, (*NAMES, STANDARD))


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_description_has_a_japanese_note(page: str) -> None:
    described, notes, module = PAGES[page]
    missing = [f"{where}: {text!r}" for where, text in described() if text not in notes]
    assert not missing, f"{len(missing)} descriptions of the {page} page have no Japanese note in {module}:\n" + (
        "\n".join(missing)
    )


@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_note_is_stale(page: str) -> None:
    """A note whose English no description has any more (the doc was edited or the field removed)."""
    described, notes, module = PAGES[page]
    used = {text for _, text in described()}
    stale = sorted(set(notes) - used)
    assert not stale, f"notes in {module} that no description uses: {stale}"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_note_holds_english(page: str) -> None:
    """Outside ````code````, a note is Japanese: no two English words in a row."""
    _, notes, module = PAGES[page]
    found = {english: runs for english, note in notes.items() if (runs := _english(_CODE.sub(" ", note)))}
    assert not found, f"English in the Japanese notes of {module} (put code in ``...``): {found}"


def test_event_notes_keep_the_code() -> None:
    """What the English writes as code the Japanese writes too, byte for byte (it may show more as code: a
    word the English leaves in prose, such as ``notify``, is code in a Japanese sentence)."""
    differ = {
        english: note
        for english, note in EVENT_NOTES.items()
        if Counter(_CODE.findall(english)) - Counter(_CODE.findall(note))
    }
    assert not differ, differ


def test_every_report_object_has_a_japanese_title() -> None:
    models = {"Report", *schema.report_schema()["$defs"]}
    titles = {key.removeprefix("site.schema.model.") for key in CATALOGUE if key.startswith("site.schema.model.")}
    assert models - titles == set(), "add site.schema.model.<Name> to sla_dsl/i18n/site_schema.py"
    assert titles - models == set(), "titles of report objects that no longer exist"


def _generated_english(markdown: str) -> list[str]:
    """The English runs of generated Japanese Markdown: its code (``<code>``, backticks), tags, links and
    anchors taken out."""
    return _english(Page(Path("generated.md"), (), _HTML_CODE.sub(" ", markdown)).words())


def test_the_japanese_event_reference() -> None:
    md = schema.events_markdown("../schema/events.schema.json", "ja")
    heads = {t[0].cells[0] for t in tables(md).values() if t}
    assert heads == {"フィールド"}, heads
    assert "<th>フィールド</th><th>型</th><th>必須</th><th>説明</th>" in md
    assert "<td>はい</td>" in md and "<td>いいえ</td>" in md
    assert (
        "<code>string</code>（<code>date-time</code>）" in md and "<code>string</code> または <code>null</code>" in md
    )
    assert (
        EVENT_NOTES["the priority the policy declares (``P1``): it sets the response target"].replace(
            "``P1``", "<code>P1</code>"
        )
        in md
    )
    assert md.startswith("全体のスキーマは [`events.schema.json`](../schema/events.schema.json) です")
    assert _generated_english(md) == []


def test_the_japanese_report_reference() -> None:
    """(Fails with the notes missing: :func:`test_every_description_has_a_japanese_note` lists them.)"""
    md = schema.report_markdown("../schema/report.schema.json", "ja")
    assert "### レポート全体（`Report`） {#report}" in md and "### 案件の判定（`IncidentRow`） {#incidentrow}" in md
    assert '<a href="#step"><code>Step</code></a> の配列' in md
    assert "独自のシリアライザーで書き出すため" in md
    assert _generated_english(md) == []


def test_a_missing_note_names_its_field(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "the priority the policy declares (``P1``): it sets the response target"
    monkeypatch.delitem(EVENT_NOTES, text)
    with pytest.raises(MissingNote, match=r"`IncidentReported\.priority` in sla_dsl/i18n/field_notes_events\.py"):
        schema.events_markdown("events.schema.json", "ja")
    assert "it sets the response target" in schema.events_markdown("events.schema.json", "en")  # needs no note


DECLARING = """sla "Chat desk" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-12:00, 13:00-18:00
  holidays JP
}

clock response "応答" / "Response" {
  starts at incident.reported
}

event incident.chat_started "チャット開始" / "Chat started"

clock chat "チャットへの初回回答" / "First reply to a chat" {
  starts at incident.chat_started
  stops at incident.responded
}

priority P1 "緊急" / "Urgent" {
  definition "停止" / "Stopped"
  respond within 4 business hours
  first reply within 30 business minutes on chat
}
"""


def test_the_declared_event_types_in_japanese() -> None:
    """The section on the event types the policies declare: its title, sentence and head in the page's
    language; the labels are the policy's, both of them on either page."""
    from sla_dsl.docs.event_types import declared_markdown

    model = sla_dsl.load_policy(DECLARING).model
    ja, en = declared_markdown([("Chat desk 1", model)], "ja"), declared_markdown([("Chat desk 1", model)])
    assert "### ポリシーが宣言するイベントの種類 {#declared-event-types}" in ja
    assert "| `event` | 日本語 | 英語 | ポリシー |" in ja and "| `event` | 日本語 | English | Policy |" in en
    assert "| `incident.chat_started` | チャット開始 | Chat started | Chat desk 1 |" in ja
    assert "その行で受け付けません（E103）" in ja
    prose = ja.split("| `event`")[0]
    assert _english(Page(Path("generated.md"), (), prose).words()) == []

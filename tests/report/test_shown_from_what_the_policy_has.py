"""A report shows and says only what its policy has: no timeline of availability for a policy that
measures none, and a note under the trend that names only the figures its table has.

The helpdesk example measures no service's availability and takes no backups. Its HTML report still
drew the timeline ``稼働状況`` (an empty bar of a month), and its trend's note explained ``稼働率`` and
``逐次バックアップ`` it does not have. Now the timeline stands where the availability section does, and
the note is worded from the commitments of the trend's rows (Click So-ko's keeps every part).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla
from .trend_log import write_two_months

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
HELPDESK_EVENTS = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
AS_OF = ["--as-of", "2026-11-27T12:00:00+09:00"]


def _out(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_policy_measuring_no_availability_has_no_timeline(lang: str) -> None:
    html = _out("evaluate", HELPDESK, HELPDESK_EVENTS, *MONTH, *AS_OF, "--format", "html", "--lang", lang)
    assert 'id="availability"' not in html  # (no availability section either)
    assert 'id="timeline"' not in html and "<svg" not in html and 'class="legend"' not in html
    assert ("稼働状況" if lang == "ja" else "Availability timeline") not in html


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_policy_measuring_availability_keeps_its_timeline(lang: str) -> None:
    html = _out("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "html", "--lang", lang)
    assert html.count('<section id="timeline">') == 1 and 'svg xmlns="http://www.w3.org/2000/svg"' in html
    # after the summary (and the trend), as before
    assert html.index('id="summary"') < html.index('id="timeline"') < html.index('id="incidents"')


@pytest.fixture(scope="module")
def helpdesk_two_months(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The helpdesk log with an incident in October (and an event in September, so October is a whole
    month of the log): the report has a trend."""
    lines = [x for x in HELPDESK_EVENTS.read_text("utf-8").splitlines() if x.strip() and not x.startswith("#")]
    lines += [
        json.dumps(e)
        for e in (
            {"event": "incident.reported", "at": "2026-09-30T10:00:00+09:00", "id": "S1", "priority": "P3"},
            {"event": "incident.resolved", "at": "2026-09-30T11:00:00+09:00", "id": "S1"},
            {"event": "incident.reported", "at": "2026-10-20T10:00:00+09:00", "id": "O1", "priority": "P2"},
            {"event": "incident.responded", "at": "2026-10-20T11:00:00+09:00", "id": "O1"},
        )
    ]
    path = tmp_path_factory.mktemp("helpdesk") / "two-months.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _trend_note(out: str, lang: str) -> str:
    title = "前月までとの比較" if lang == "ja" else "Trend against earlier months"
    block = next(b for b in out.split("\n\n") if b.startswith(title))
    notes = [x.strip() for x in block.splitlines() if x.strip().startswith(("※", "Note:"))]
    assert len(notes) == 1, block
    return notes[0]


NOTES = {
    "ja": (
        "数値は、応答・各目標が達成件数／判定件数です。案件の応答・目標の判定は、確定した月に1回だけ数えます",
        "前月比は当月と前月の差をポイントで示します。",
    ),
    "en": (
        "Figures shown: responses and targets as met of judged. An incident's response or target counts once",
        "The change is the current month against the one before, in percentage points.",
    ),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_trend_note_names_only_what_the_policy_has(helpdesk_two_months: Path, lang: str) -> None:
    out = _out("evaluate", HELPDESK, helpdesk_two_months, *MONTH, *AS_OF, "--format", "text", "--lang", lang)
    note = _trend_note(out, lang)
    for said in NOTES[lang]:
        assert said in note, note
    for absent in (
        ("稼働率", "バックアップ", "計画停止", "通知") if lang == "ja" else ("vailability", "backup", "notice")
    ):
        assert absent not in note, note
    assert note.endswith(NOTES[lang][1])  # (no count's change: the table has no count of faults)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_trend_note_of_click_so_ko_names_each_of_its_figures(tmp_path: Path, lang: str) -> None:
    log = write_two_months(tmp_path / "two-months.jsonl")
    out = _out("evaluate", POLICY, log, *MONTH, "--format", "text", "--lang", lang)
    note = _trend_note(out, lang)
    said = {
        "ja": (
            "時点で判定したものです。数値は、応答・通知・計画停止の事前通知・バックアップが達成件数／判定件数、"
            "稼働率が月内の測定期間で最も低い値、逐次バックアップがゾーンに問題のあったバックアップの件数です。",
            "案件の応答の判定は、",
            "前月比は当月と前月の差をポイント（件数は件）で示します。",
        ),
        "en": (
            "Figures shown: responses, notices, planned-stop notices and backups as met of judged; availability "
            "as the lowest measurement period in the month; continuous backups as how many had a zone problem.",
            "An incident's response counts once",
            "in percentage points (for a count, its difference).",
        ),
    }[lang]
    for part in said:
        assert part in note, note
    html = _out("evaluate", POLICY, log, *MONTH, "--format", "html", "--lang", lang)
    assert ("稼働率が月内の測定期間で最も低い値" if lang == "ja" else "availability as the lowest") in html

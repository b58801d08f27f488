"""The Japanese mapping page's converters print Japanese for a person: the lines on stderr that say what was left
out and why a fact read is no event. Their code was the English page's byte for byte, so a Japanese reader who
copied them got English messages (``ZD-7 ... internal comment by 1: skip: internal note``).

Each converter of either page, run on the same records, writes the same event lines (the code is the same but for
those messages: ``tests/docs/test_translations.py``) and as many stderr lines, the Japanese page's in Japanese.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
from desk_exports import PAGE, PAGE_JA, ROOT, page_script, run_script
from test_mapping_converter_cases import AUDITS, J_301, NOBODY, audit, exported, zendesk_record

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _no_priority(record: dict[str, Any]) -> dict[str, Any]:
    fields = {**record["issue"]["fields"], "priority": None}
    return {**record, "issue": {**record["issue"], "fields": fields, "changelog": {"histories": [], "total": 0}}}


SERVICENOW = {"number": "INC0010030", "opened_at": "2026-11-02 01:15:00", "priority": "2", "state": "2"}
ALERT = {
    "alerts": [
        {
            "labels": {"alertname": name, "service": "portal"},
            "status": status,
            "startsAt": "2026-11-02T01:00:00Z",
            "endsAt": "0001-01-01T00:00:00Z" if status == "firing" else "2026-11-02T02:00:00Z",
            "fingerprint": "f1",
        }
        for name, status in (("PortalDown", "firing"), ("DiskFull", "firing"), ("PortalDown", "resolved"))
    ]
}
RECORDS: dict[str, list[dict[str, Any]]] = {
    "zendesk_events.py": [
        zendesk_record(AUDITS),
        {**zendesk_record(AUDITS[1:]), "ticket": {**zendesk_record(AUDITS)["ticket"], "priority": None}},
    ],
    "jira_events.py": [J_301, _no_priority(J_301)],
    "servicenow_events.py": [
        {
            "incident": SERVICENOW,
            "audits": [
                audit("2026-11-02 01:40:00", "priority", "", "3"),
                audit("2026-11-02 02:00:00", "priority", "3", "9"),
                audit("2026-11-02 02:10:00", "assigned_to", "", "x"),
            ],
            "journal": [
                {"element": "work_notes", "sys_created_by": "itil", "sys_created_on": "2026-11-02 01:50:00"},
                {"element": "comments", "sys_created_by": "abel.tuter", "sys_created_on": "2026-11-02 01:55:00"},
            ],
        }
        | NOBODY,
        {"incident": {**SERVICENOW, "number": "INC0010031", "priority": ""}, "audits": [], "journal": []} | NOBODY,
    ],
    "alertmanager_events.py": [ALERT],
}


def _both(name: str) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    return run_script(name, RECORDS[name], PAGE), run_script(name, RECORDS[name], PAGE_JA)


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_the_same_events_and_the_messages_in_japanese(name: str) -> None:
    en, ja = _both(name)
    assert en.returncode == ja.returncode == 0, ja.stderr
    assert ja.stdout == en.stdout and en.stdout
    assert len(ja.stderr.splitlines()) == len(en.stderr.splitlines()) > 0
    for line in ja.stderr.splitlines():
        assert _JAPANESE.search(line), line
    assert not _JAPANESE.search(en.stderr), en.stderr


def test_a_line_left_out_says_so_in_japanese() -> None:
    en, ja = _both("jira_events.py")
    assert "J-301: no priority, left out" in en.stderr.splitlines()
    assert "J-301：優先度がないため除外しました" in ja.stderr.splitlines()


def test_the_export_recipe_says_its_refusals_in_japanese() -> None:
    """``servicenow_local.py`` put in the converter as the page says: a label it does not know."""
    script = page_script("servicenow_events.py", PAGE_JA)
    at = script.index("\ndef fates(")
    script = script[:at] + "\n" + page_script("servicenow_local.py", PAGE_JA) + script[at:]
    record = exported("INC0010028", "2 - High", "En attente", "Awaiting Caller")
    stdin = json.dumps(record) + "\n"
    done = subprocess.run([sys.executable, "-c", script], input=stdin, capture_output=True, text=True, cwd=ROOT)
    assert done.stderr.splitlines() == [
        "INC0010028：state 'En attente' はコードでも CODES のラベルでもありません。除外しました"
    ]


def test_the_csv_converter_s_usage_in_japanese() -> None:
    done = subprocess.run(
        [sys.executable, "-c", page_script("jira_csv_events.py", PAGE_JA)],
        input="",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1 and done.stderr.startswith("使い方：jira_csv_events.py ZONE"), done.stderr

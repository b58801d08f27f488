"""A response breach carried into a later period is dated in that period's violations table at the change
that made it one, not at its due time before the period's start.

A P3 answered late on 30 November and raised to P1 on 2 December is listed in December's report ("in the
period of its due time or of the change that made it one, whichever is later"); its row said 30 November
15:00, before December began. The row is dated 2 December 10:00, when the breach was settled; its text
keeps the due time and the response, and says the change. Text, Markdown and HTML (and the PDF made from
it) show the one table; the JSON's ``at`` stays the due time (the contract: when it fell due).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import POLICY, sla

RAISED = [
    {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "INC-R", "priority": "P3"},
    {"event": "incident.responded", "at": "2026-11-30T16:00:00+09:00", "id": "INC-R"},
    {"event": "incident.reprioritized", "at": "2026-12-02T10:00:00+09:00", "id": "INC-R", "priority": "P1"},
]
DECEMBER = ("--from", "2026-12-01", "--to", "2027-01-01")
BOTH = ("--from", "2026-11-01", "--to", "2027-01-01")


def _run(tmp_path: Path, fmt: str, lang: str = "ja", period: tuple[str, ...] = DECEMBER) -> str:
    log = tmp_path / "raised.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in RAISED), "utf-8")
    code, out, err = sla("evaluate", POLICY, log, *period, "--format", fmt, "--lang", lang, "--limit", "0")
    assert code == 0, err
    return out


def _row(page: str) -> str:
    """The violations table's row of INC-R (the incidents table lists it too: the breach's row says 超過)."""
    (row,) = [x for x in page.splitlines() if "INC-R" in x and ("確定" in x or "a breach from" in x)]
    return row


@pytest.mark.parametrize(
    ("fmt", "first"),
    [
        ("text", r"^\s*12月2日\(水\) 10:00\s"),
        ("markdown", r"^\| 12月2日\(水\) 10:00 \|"),
        ("html", r'^<tr><td class="nowrap">12月2日\(水\) 10:00</td><th scope="row" '),
    ],
)
def test_the_row_is_dated_at_the_change(tmp_path: Path, fmt: str, first: str) -> None:
    row = _row(_run(tmp_path, fmt))
    assert re.search(first, row), row
    assert "P1 優先度１の応答期限 11月30日(月) 15:00 に対し 11月30日(月) 16:00 に応答（1:00 超過）" in row
    assert "12月2日(水) 10:00 の優先度または属性の変更で未達が確定" in row


def test_in_english_and_in_the_json(tmp_path: Path) -> None:
    row = _row(_run(tmp_path, "text", "en"))
    assert row.lstrip().startswith("Wed 2 Dec 10:00")
    assert "response due Mon 30 Nov 15:00: responded Mon 30 Nov 16:00 (1:00 late); a breach from the change" in row
    (v,) = [v for v in json.loads(_run(tmp_path, "json"))["violations"] if v["id"] == "INC-R"]
    assert v["at"] == "2026-11-30T15:00:00+09:00"


def test_a_period_that_holds_the_due_time_dates_it_there(tmp_path: Path) -> None:
    page = _run(tmp_path, "text", period=BOTH)
    (row,) = [x for x in page.splitlines() if "INC-R" in x and "応答目標の未達" in x]
    assert row.lstrip().startswith("11月30日(月) 15:00") and "確定" not in row

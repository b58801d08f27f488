"""The violations table lists its rows in the order of the times they show.

A response breach carried into a later period (a P3 answered late on 30 November and raised to P1 on 2 December
at 10:30) is dated in December's table at the change that settled it, 2 December 10:30; the engine orders the
violations by ``at``, its due time on 30 November, so the row came first, above rows dated 1 December. Text,
Markdown and HTML (and the PDF made from it) share the table: its rows now go by the time they show, rows that
show one time in the engine's order (the carried breach before a breach due at 10:30 that day, though its id
sorts after). A capped text table shows the first rows of that order. The JSON keeps the engine's order (the
contract).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import POLICY, sla

EVENTS = [
    # INC-R: P3 due 30 Nov 15:00, answered 16:00, raised to P1 on 2 Dec 10:30: December's breach, dated then
    {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "INC-R", "priority": "P3"},
    {"event": "incident.responded", "at": "2026-11-30T16:00:00+09:00", "id": "INC-R"},
    {"event": "incident.reprioritized", "at": "2026-12-02T10:30:00+09:00", "id": "INC-R", "priority": "P1"},
    # INC-L: P1 due 1 Dec 14:00, answered 15:00
    {"event": "incident.reported", "at": "2026-11-30T17:00:00+09:00", "id": "INC-L", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-12-01T15:00:00+09:00", "id": "INC-L"},
    # INC-E: P1 due 2 Dec 10:30 (the time INC-R shows), answered 11:00
    {"event": "incident.reported", "at": "2026-12-01T14:30:00+09:00", "id": "INC-E", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-12-02T11:00:00+09:00", "id": "INC-E"},
]
DECEMBER = ("--from", "2026-12-01", "--to", "2027-01-01")
#: a row's first cell: the time it shows, in each format
WHEN = {
    "text": re.compile(r"^  (\S+ \S+ \S+ \d\d:\d\d)  "),
    "markdown": re.compile(r"^\| (\S+ \S+ \S+ \d\d:\d\d) \|"),
    "html": re.compile(r'^<tr><td class="nowrap">(\S+ \S+ \S+ \d\d:\d\d)</td><th scope="row" '),
}


def _run(tmp_path: Path, fmt: str, *more: str) -> str:
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    code, out, err = sla("evaluate", POLICY, log, *DECEMBER, "--format", fmt, "--lang", "en", *more)
    assert code == 0, err
    return out


def _violations(page: str, fmt: str) -> list[tuple[str, str]]:
    """The violations table's rows: (the time shown, the id), in the page's order."""
    text = page.split("Violations and items to act on", 1)[1].split("Articles referred to", 1)[0]
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        found = WHEN[fmt].match(line)
        if found:
            ident = re.search(r"INC-\w|\w+:2026-\d\d-\d\d", line)
            out.append((found.group(1), ident.group(0) if ident else ""))
    return out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_rows_go_by_the_time_they_show(tmp_path: Path, fmt: str) -> None:
    rows = _violations(_run(tmp_path, fmt, "--limit", "0"), fmt)
    breaches = [r for r in rows if r[1].startswith("INC-")]
    assert breaches == [
        ("Tue 1 Dec 14:00", "INC-L"),
        ("Wed 2 Dec 10:30", "INC-R"),  # (first of the two at 10:30, as the engine orders them)
        ("Wed 2 Dec 10:30", "INC-E"),
    ], rows
    # the missed backups of 1 December, listed at 2 Dec 00:00, come between INC-L and INC-R
    at = [r[1] for r in rows]
    backups = [k for k, r in enumerate(rows) if r[0] == "Wed 2 Dec 00:00"]
    assert backups and at.index("INC-L") < min(backups) and max(backups) < at.index("INC-R"), rows


def test_a_capped_table_shows_the_first_rows_of_that_order(tmp_path: Path) -> None:
    page = _run(tmp_path, "text", "--limit", "2")
    assert [r[1] for r in _violations(page, "text")][:1] == ["INC-L"]
    assert "INC-R" not in page.split("Violations and items to act on", 1)[1]
    total = int(re.search(r"Violations and items to act on \((\d+)\)", page).group(1))  # type: ignore[union-attr]
    assert f"… and {total - 2} more" in page


def test_the_json_keeps_the_engines_order(tmp_path: Path) -> None:
    listed = [v["id"] for v in json.loads(_run(tmp_path, "json"))["violations"]]
    assert listed[:2] == ["INC-R", "INC-L"]  # (by `at`: INC-R's due time, 30 November)

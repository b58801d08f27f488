"""The mapping page's Jira converters on the messy exports a QA pass fed them: nothing left out unsaid, no traceback.

``jira_csv_events.py`` read a blank line (``csv.reader`` gives ``[]``) with ``row[first["Issue key"]]`` and a row
a spreadsheet had cut short (its trailing empty cells dropped) with ``row[i]`` for each ``Labels`` place: both an
IndexError that stopped the script, its stdout half written. A comment cell without two ``;`` left its issue out
as ``not enough values to unpack (expected 3, got 1)``, naming neither the comment nor the form Jira writes. An
export that lacks a column the converter reads was a KeyError; an issue row with no key was written as the id
``""``. ``jira_events.py`` read a blank line of its input as JSON (a JSONDecodeError).
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from desk_exports import ROOT, page_script, run_script

HEADER = "Summary,Issue key,Issue id,Priority,Created,Resolved,Labels,Labels,Comment,Comment\r\n"
SUP_1 = "Portal down,SUP-1,10001,Highest,05/Nov/26 3:04 PM,,,,05/Nov/26 3:30 PM;agent1;On it,\r\n"
REPORTED_1 = {"event": "incident.reported", "at": "2026-11-05T15:04:00+09:00", "id": "SUP-1", "priority": "P1"}
RESPONDED_1 = {"event": "incident.responded", "at": "2026-11-05T15:30:00+09:00", "id": "SUP-1"}


def convert(export: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The page's ``jira_csv_events.py`` run on ``export`` in Tokyo, ``agent1`` an agent."""
    cmd = [sys.executable, "-c", page_script("jira_csv_events.py"), "Asia/Tokyo", "agent1", *args]
    return subprocess.run(cmd, input=export, capture_output=True, text=True, cwd=ROOT, timeout=60)


def written(done: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_blank_line_and_a_row_of_empty_cells_are_passed_over() -> None:
    """The QA pass's export: a row, then a blank line at the end (and one between rows, and a spreadsheet's `,,,`)."""
    slow = "Slow,SUP-2,10002,High,05/Nov/26 9:00 AM,,,,,\r\n"
    done = convert(HEADER + slow + "\r\n")
    assert written(done) == [
        {"event": "incident.reported", "at": "2026-11-05T09:00:00+09:00", "id": "SUP-2", "priority": "P2"},
    ]
    assert done.stderr == ""
    done = convert(HEADER + SUP_1 + "\r\n" + ",,,,,,,,,\r\n" + slow)
    assert [line["id"] for line in written(done)] == ["SUP-1", "SUP-1", "SUP-2"] and done.stderr == ""


def test_a_row_cut_short_reads_its_missing_cells_as_empty() -> None:
    """A spreadsheet saves `SUP-2,...,05/Nov/26 9:00 AM` without the empty Resolved, Labels and Comment cells."""
    done = convert(HEADER + "Slow,SUP-2,10002,High,05/Nov/26 9:00 AM\r\n" + SUP_1)
    assert written(done) == [
        {"event": "incident.reported", "at": "2026-11-05T09:00:00+09:00", "id": "SUP-2", "priority": "P2"},
        REPORTED_1,
        RESPONDED_1,
    ]
    assert done.stderr == ""


def test_a_comment_not_written_as_jira_writes_one_is_named_with_the_form_expected() -> None:
    bad = "Odd,SUP-3,10003,Medium,09/Nov/26 10:15 AM,,,,hello there,\r\n"
    done = convert(HEADER + bad + SUP_1)
    assert written(done) == [REPORTED_1, RESPONDED_1]  # (the issue left out whole, the next one read)
    assert done.stderr.splitlines() == [
        "SUP-3: comment 'hello there' (column 9) is not a time, an accountId and the text, separated by `;`"
        " (05/Nov/26 3:30 PM;accountId;text), left out"
    ]
    # a comment over several lines, quoted: still one line on stderr, cut to its first 40 characters
    long = '"' + "a note; " + "x" * 60 + "\r\nthe rest" + '"'
    done = convert(HEADER + f"Odd,SUP-4,10004,Medium,09/Nov/26 10:15 AM,,,,,{long}\r\n")
    assert written(done) == []
    [said] = done.stderr.splitlines()
    assert said.startswith("SUP-4: comment 'a note; xxx") and "(column 10)" in said, said


def test_a_row_without_an_issue_key_is_named_by_its_line() -> None:
    """Line 2 is SUP-1 (its comment over two lines: lines 2 and 3), line 4 the row with no key."""
    two_lines = SUP_1.replace("05/Nov/26 3:30 PM;agent1;On it", '"05/Nov/26 3:30 PM;agent1;On it,\r\nlooking"')
    done = convert(HEADER + two_lines + "Lost,,10005,High,06/Nov/26 9:00 AM,,,,,\r\n")
    assert written(done) == [REPORTED_1, RESPONDED_1]
    assert done.stderr.splitlines() == ["line 4: no issue key, left out"]


def test_an_export_without_a_column_the_converter_reads_is_refused_naming_it() -> None:
    done = convert("Summary,Issue key,Priority,Created\r\nSlow,SUP-2,High,05/Nov/26 9:00 AM\r\n")
    assert done.returncode == 1 and done.stdout == "", done
    assert done.stderr == "jira_csv_events.py: the export has no column Resolved: export all fields\n"
    done = convert("")  # an empty file: no header at all
    assert done.returncode == 1 and "Traceback" not in done.stderr and "no column Issue key" in done.stderr


def test_the_jira_api_converter_passes_over_a_blank_line() -> None:
    issue = {
        "key": "SUP-9",
        "fields": {"created": "2026-11-02T10:15:00.000+0900", "priority": {"name": "High"}, "status": {"name": "Open"}},
        "changelog": {"total": 0, "histories": []},
    }
    record = json.dumps({"issue": issue, "comments": [], "agents": []})
    cmd = [sys.executable, "-c", page_script("jira_events.py")]
    done = subprocess.run(cmd, input=f"\n{record}\n\n", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert written(done) == [
        {"event": "incident.reported", "at": "2026-11-02T10:15:00.000+0900", "id": "SUP-9", "priority": "P2"},
    ]
    assert run_script("jira_events.py", [{"issue": issue, "comments": [], "agents": []}]).stdout == done.stdout

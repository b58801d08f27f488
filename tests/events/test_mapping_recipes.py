"""The mapping page's recipes for inputs other than a desk's API, run as they are on the page on small
realistic samples, and the events they write judged by the engine:

- ``jira_csv_events.py``: a Jira Cloud CSV export, its ``Labels`` and ``Comment`` columns repeated (read by
  place: ``csv.DictReader`` would keep the last of each), its times (``05/Nov/26 3:04 PM``) wall times of
  the zone the command line names; a time its clocks show twice or never leaves the issue out, named;
- ``alertmanager_events.py``: Alertmanager webhook bodies to ``outage.started``/``outage.ended``; a firing
  alert's ``endsAt`` (``0001-01-01T00:00:00Z``) is no end, resent notifications repeat their lines;
- ``servicenow_local.py``: the ServiceNow converter reading an export's local times, with their offsets;
  an ambiguous or nonexistent wall time (a change to or from summer time) leaves the incident out, named,
  where ``.replace(tzinfo=...)`` took one reading of it in silence.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from desk_exports import CLICKSOKO, ROOT, page_module, page_script

PERIOD = ("--from", "2026-11-01", "--to", "2026-12-01")


def run(script: str, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``script`` run as a reader runs it: ``python script ARGS... < stdin``."""
    cmd = [sys.executable, "-c", script, *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60)


def lines_of(done: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def report(lines: list[dict[str, Any]], tmp_path: Path) -> dict[str, Any]:
    """``sla evaluate --format json`` of the Click So-ko policy on ``lines`` for November 2026."""
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    cmd = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(CLICKSOKO), str(log), *PERIOD, "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode in (0, 1), done.stderr  # 1: the month's backups are missing, not a bad log
    assert "error" not in done.stderr, done.stderr
    return dict(json.loads(done.stdout))


# --- a Jira Cloud CSV export --------------------------------------------------------------------------------------

AGENT, CUSTOMER = "5b10ac8d82e05b22cc7d4ef5", "qm:a1b2c3:d4e5"
HEADER = [
    *("Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Resolution", "Assignee"),
    *("Reporter", "Created", "Updated", "Resolved", "Labels", "Labels", "Comment", "Comment", "Comment"),
]


def export(*issues: dict[str, Any]) -> str:
    """A CSV export as Jira Cloud writes it: its header, a row an issue, a column per label and comment."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for issue in issues:
        labels = [*issue.get("labels", []), "", ""][:2]
        comments = ([f"{at};{who};{text}" for at, who, text in issue.get("comments", [])] + ["", "", ""])[:3]
        writer.writerow(
            [
                *("Portal down", issue["key"], "10001", "[System] Incident", "Resolved", issue.get("priority", "")),
                *("Done", "Agent", "Customer", issue["created"], issue["created"], issue.get("resolved", "")),
                *labels,
                *comments,
            ]
        )
    return "\ufeff" + out.getvalue()  # (with a byte order mark, as a spreadsheet-bound export may have)


SUP_1 = {
    "key": "SUP-1",
    "priority": "Highest",
    "created": "05/Nov/26 3:04 PM",  # Thu 5 Nov, Tokyo
    "resolved": "06/Nov/26 11:00 AM",
    "labels": ["product-suspected", "vip"],  # (by name, only the last label would be read: `vip`)
    "comments": [  # listed as Jira lists them; read oldest first
        ("05/Nov/26 4:00 PM", CUSTOMER, "Here is the log; see line 3"),
        ("05/Nov/26 3:30 PM", AGENT, "We are on it; please send the log"),
        ("05/Nov/26 5:00 PM", AGENT, "Fixed; can you confirm?"),
    ],
}
SUP_2 = {"key": "SUP-2", "created": "06/Nov/26 9:00 AM"}  # no priority
SUP_3 = {"key": "SUP-3", "priority": "Medium", "created": "09/Nov/26 10:15 AM"}


def test_the_jira_csv_export_converter_reads_columns_by_place_in_the_users_zone(tmp_path: Path) -> None:
    done = run(page_script("jira_csv_events.py"), export(SUP_1, SUP_2, SUP_3), "Asia/Tokyo", AGENT)
    assert lines_of(done) == [
        {"event": "incident.reported", "at": "2026-11-05T15:04:00+09:00", "id": "SUP-1", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-05T15:30:00+09:00", "id": "SUP-1"},
        {"event": "incident.resolved", "at": "2026-11-06T11:00:00+09:00", "id": "SUP-1"},
        {"event": "incident.reported", "at": "2026-11-09T10:15:00+09:00", "id": "SUP-3", "priority": "P3"},
    ]
    assert done.stderr.splitlines() == [
        "SUP-1 2026-11-05T15:04:00+09:00 label product-suspected: skip: the export does not say when it was added",
        f"SUP-1 2026-11-05T16:00:00+09:00 comment by {CUSTOMER}: skip: not an agent's"
        " (the export has no status history to tell a customer's reply)",
        f"SUP-1 2026-11-05T17:00:00+09:00 comment by {AGENT}: skip: not the first agent comment",
        "SUP-2: no priority, left out",
    ]
    judged = {i["id"]: i for i in report(lines_of(done), tmp_path)["incidents"]}
    # reported Thu 15:04, answered 15:30: P1 (4 business hours) met; SUP-3 P3 unanswered
    assert judged["SUP-1"]["status"] == "met" and judged["SUP-1"]["completed_at"] == "2026-11-06T11:00:00+09:00"
    assert judged["SUP-3"]["priority"] == "P3"


@pytest.mark.parametrize(
    ("created", "why"),
    [
        ("01/Nov/26 1:30 AM", "is shown twice by the clocks of America/New_York"),  # summer time ends
        ("08/Mar/26 2:30 AM", "is never shown by the clocks of America/New_York"),  # summer time begins
    ],
)
def test_a_wall_time_at_a_change_of_the_clocks_leaves_the_issue_out(created: str, why: str) -> None:
    issues = [{**SUP_3, "key": "NY-1", "created": created}, {**SUP_3, "key": "NY-2", "created": "02/Nov/26 1:30 AM"}]
    done = run(page_script("jira_csv_events.py"), export(*issues), "America/New_York")
    assert lines_of(done) == [
        {"event": "incident.reported", "at": "2026-11-02T01:30:00-05:00", "id": "NY-2", "priority": "P3"},
    ]
    assert done.stderr.splitlines() == [f"NY-1: {created} {why}, left out"]
    # the same time in a comment is as much a time: the whole issue is left out, never written in part
    commented = {**SUP_3, "key": "NY-3", "comments": [(created, AGENT, "hello")]}
    done = run(page_script("jira_csv_events.py"), export(commented), "America/New_York", AGENT)
    assert (done.stdout, done.stderr) == ("", f"NY-3: {created} {why}, left out\n")


def test_the_jira_csv_export_converter_asks_for_the_zone() -> None:
    for args in ((), ("Tokyo",)):
        done = run(page_script("jira_csv_events.py"), export(SUP_3), *args)
        assert done.returncode == 1 and done.stdout == "", done
        assert done.stderr.startswith("usage: jira_csv_events.py ZONE"), done.stderr


# --- Alertmanager's webhook -----------------------------------------------------------------------------------------


def alert(name: str, status: str, starts: str, ends: str = "0001-01-01T00:00:00Z", fp: str = "c6f0c8a2b3d4e5f6") -> Any:
    return {
        "status": status,
        "labels": {"alertname": name, "instance": "web1", "service": "content", "severity": "critical"},
        "annotations": {"summary": f"{name} on web1"},
        "startsAt": starts,
        "endsAt": ends,
        "generatorURL": "http://prometheus:9090/graph?g0.expr=up+%3D%3D+0",
        "fingerprint": fp,
    }


def notification(status: str, *alerts: Any) -> dict[str, Any]:
    """A webhook body as Alertmanager posts it (version 4); ``status`` is the group's."""
    return {
        "version": "4",
        "groupKey": '{}:{alertname="PortalDown"}',
        "truncatedAlerts": 0,
        "status": status,
        "receiver": "sla",
        "groupLabels": {"alertname": "PortalDown"},
        "commonLabels": {"alertname": "PortalDown"},
        "commonAnnotations": {},
        "externalURL": "http://alertmanager:9093",
        "alerts": list(alerts),
    }


FIRST, AGAIN = "2026-11-05T06:04:05.123456789Z", "2026-11-20T01:00:00Z"
BODIES = [
    notification("firing", alert("PortalDown", "firing", FIRST), alert("DiskFull", "firing", FIRST, fp="d1")),
    notification("firing", alert("PortalDown", "firing", FIRST)),  # resent (repeat_interval)
    notification("resolved", alert("PortalDown", "resolved", FIRST, "2026-11-05T06:34:05.123456789Z")),
    notification("firing", alert("PortalDown", "firing", AGAIN)),  # the same alert again: the same fingerprint
]
OUT_1, OUT_2 = f"AM-c6f0c8a2b3d4e5f6-{FIRST}", f"AM-c6f0c8a2b3d4e5f6-{AGAIN}"


def test_the_alertmanager_converter_ends_an_outage_only_when_its_alert_is_resolved(tmp_path: Path) -> None:
    stdin = "".join(json.dumps(b) + "\n" for b in BODIES)
    done = run(page_script("alertmanager_events.py"), stdin)
    started = {"event": "outage.started", "at": FIRST, "id": OUT_1, "service": "content"}
    assert lines_of(done) == [
        started,
        started,  # (each notification writes its lines: the engine counts an identical line once)
        started,
        {"event": "outage.ended", "at": "2026-11-05T06:34:05.123456789Z", "id": OUT_1},
        {"event": "outage.started", "at": AGAIN, "id": OUT_2, "service": "content"},
    ]
    never = "0001-01-01T00:00:00Z alert PortalDown endsAt: skip: still firing, no end yet"
    assert done.stderr.splitlines() == [
        f"{OUT_1} {never}",
        f"AM-d1-{FIRST} {FIRST} alert DiskFull firing: skip: `DiskFull` is not in OUTAGES",
        f"{OUT_1} {never}",
        f"{OUT_2} {never}",
    ]
    judged = report(lines_of(done), tmp_path)
    assert judged["input"]["duplicates"] == 2
    outages = {o["id"]: o for o in judged["outages"]}
    assert outages[OUT_1]["end"] is not None and round(outages[OUT_1]["downtime_minutes"], 6) == 30
    assert outages[OUT_2]["end"] is None  # still firing at the end of the month: down until then


def test_the_alertmanager_fates_name_each_alert() -> None:
    fates = list(page_module("alertmanager_events.py").fates(BODIES[2]))
    assert fates == [
        (OUT_1, FIRST, "alert PortalDown resolved", "outage.started", "content"),
        (OUT_1, "2026-11-05T06:34:05.123456789Z", "alert PortalDown endsAt", "outage.ended", None),
    ]


# --- a ServiceNow export's local times ------------------------------------------------------------------------------


def servicenow_reading_local(zone: str) -> str:
    """The ServiceNow converter with ``local`` put in as the page says (after ``utc``), reading ``zone``."""
    local = page_script("servicenow_local.py").replace('ZoneInfo("Asia/Tokyo")', f'ZoneInfo("{zone}")')
    script = page_script("servicenow_events.py")
    at = script.index("\ndef fates(")
    return script[:at] + "\n" + local + script[at:]


def incident(number: str, opened: str, *saves: tuple[str, str, str, str]) -> dict[str, Any]:
    """An incident opened at ``opened`` (an export's wall time) as priority 2, its ``sys_audit`` rows ``saves``
    (time, field, old value, new value), with no journal."""
    rows = [{"fieldname": f, "oldvalue": o, "newvalue": n, "user": "itil", "sys_created_on": t} for t, f, o, n in saves]
    record = {"number": number, "opened_at": opened, "priority": "2", "state": "2", "hold_reason": ""}
    return {"incident": record, "audits": rows, "journal": [], "agents": ["itil"], "caller": "abel.tuter"}


def test_an_exports_local_times_get_their_offset() -> None:
    resolved = ("2026-11-02 18:30:00", "state", "2", "6")
    done = run(servicenow_reading_local("Asia/Tokyo"), json.dumps(incident("INC1", "2026-11-02 09:00:00", resolved)))
    assert lines_of(done) == [
        {"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "INC1", "priority": "P2"},
        {"event": "incident.resolved", "at": "2026-11-02T18:30:00+09:00", "id": "INC1"},
    ]


@pytest.mark.parametrize(
    ("when", "why"),
    [
        ("2026-11-01 01:30:00", "is shown twice by the clocks of America/New_York"),  # 05:30 or 06:30 UTC
        ("2026-03-08 02:30:00", "is never shown by the clocks of America/New_York"),  # the hour skipped
    ],
)
def test_an_ambiguous_or_nonexistent_local_time_leaves_the_incident_out(when: str, why: str) -> None:
    script = servicenow_reading_local("America/New_York")
    records = [
        incident("INC2", when),
        incident("INC3", "2026-11-02 08:00:00", (when, "state", "2", "6")),  # in a later save: no event written
        incident("INC4", "2026-11-01 03:00:00", ("2026-11-01 04:00:00", "state", "2", "6")),
    ]
    done = run(script, "".join(json.dumps(r) + "\n" for r in records))
    assert lines_of(done) == [
        {"event": "incident.reported", "at": "2026-11-01T03:00:00-05:00", "id": "INC4", "priority": "P2"},
        {"event": "incident.resolved", "at": "2026-11-01T04:00:00-05:00", "id": "INC4"},
    ]
    assert done.stderr.splitlines() == [f"INC2: {when} {why}, left out", f"INC3: {when} {why}, left out"]

"""The mapping page's converters on the cases a QA hunt found them wrong on, run as they are on the page.

- An item created with no priority and given one later (Jira J-301: its first changelog ``priority`` item
  ``null`` -> ``High``; a ServiceNow incident whose first ``sys_audit`` row of ``priority`` has the old value
  ``""``) was left out as having "no priority": the converters stored the empty first value and took it for
  the one it was created with. The page says only an item with no priority at all is left out: it is reported
  with the first priority given, at its creation, and the change that gave it is no ``incident.reprioritized``
  (it is named on stderr), as the Zendesk converter does (its recorded sample ticket, in
  ``test_zendesk_export.py``).
- Zendesk's audits given newest first: the converter took the last audit for the creation (the wrong
  priority) and read a requester's reply before the wait it answered (the reply lost). It sorts them by
  ``created_at`` itself, as the Jira converter sorts its histories.
- A ServiceNow list export writes the choice fields as labels (``1 - Critical``, ``On Hold``, ``Awaiting
  Caller``) where the converter compares codes: the label reached the engine as a priority (E120), and an
  incident opened awaiting the caller was not seen waiting. The export recipe (``servicenow_local.py``) reads
  a label as its code, takes a code as it is, and leaves an incident with a label it does not know out, named.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from desk_exports import CLICKSOKO, ROOT, Fate, converted, judge, page_module, page_script, run_script

# --- Jira: created with no priority, given one later ----------------------------------------------------------------

#: The hunt's issue: created at 10:00 Tokyo with no priority, set to High at 10:05 (its `fields` say High now).
J_301: dict[str, Any] = {
    "issue": {
        "key": "J-301",
        "fields": {
            "created": "2026-11-04T10:00:00.000+0900",
            "priority": {"name": "High"},
            "status": {"name": "Open"},
            "resolution": None,
            "reporter": {"accountId": "r"},
        },
        "changelog": {
            "startAt": 0,
            "maxResults": 100,
            "total": 1,
            "histories": [
                {
                    "id": "1",
                    "created": "2026-11-04T10:05:00.000+0900",
                    "items": [{"field": "priority", "fieldtype": "jira", "fromString": None, "toString": "High"}],
                }
            ],
        },
    },
    "comments": [],
    "agents": ["a"],
}


def test_an_issue_given_its_first_priority_later_is_reported_with_it(tmp_path: Path) -> None:
    done = run_script("jira_events.py", [J_301])
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines == [
        {"event": "incident.reported", "at": "2026-11-04T10:00:00.000+0900", "id": "J-301", "priority": "P2"},
    ]
    # the change that gave it is said, with what the converter made of it: not a reprioritization
    assert done.stderr.splitlines() == [
        "J-301 2026-11-04T10:05:00.000+0900 priority None -> High: skip: the report's priority (created with none)"
    ]
    incident = judge(CLICKSOKO, lines, tmp_path, ("2026-11-01", "2026-12-01"))
    assert (incident["id"], incident["priority"], incident["clock_start"]) == (
        "J-301",
        "P2",
        "2026-11-04T10:00:00+09:00",
    )


def test_a_later_change_of_that_priority_is_a_reprioritization() -> None:
    """The report gets the first priority given (High), not the current one (Highest); the next change is one."""
    issue = json.loads(json.dumps(J_301["issue"]))
    issue["fields"]["priority"] = {"name": "Highest"}
    item = {"field": "priority", "fromString": "High", "toString": "Highest"}
    issue["changelog"]["histories"].append({"created": "2026-11-04T11:00:00.000+0900", "items": [item]})
    issue["changelog"]["total"] = 2
    fates = [Fate(*f) for f in page_module("jira_events.py").fates(issue, [], set())]
    assert [(f.at[11:16], f.fate, f.priority) for f in fates] == [
        ("10:00", "incident.reported", "P2"),
        ("10:05", "skip: the report's priority (created with none)", None),
        ("11:00", "incident.reprioritized", "P1"),
    ]


def test_an_issue_with_no_priority_at_all_is_still_left_out() -> None:
    issue = json.loads(json.dumps(J_301["issue"]))
    issue["fields"]["priority"] = None
    issue["changelog"] = {"total": 0, "histories": []}
    done = run_script("jira_events.py", [{**J_301, "issue": issue}])
    assert (done.stdout, done.stderr) == ("", "J-301: no priority, left out\n")


# --- ServiceNow: opened with no priority, given one later ----------------------------------------------------------

#: The input line's people: the agent and the caller (by user name)
NOBODY: dict[str, Any] = {"agents": ["itil"], "caller": "abel.tuter"}


def audit(at: str, field: str, old: str, new: str) -> dict[str, str]:
    return {"fieldname": field, "oldvalue": old, "newvalue": new, "user": "itil", "sys_created_on": at}


def test_an_incident_given_its_first_priority_later_is_reported_with_it() -> None:
    incident = {"number": "INC0010030", "opened_at": "2026-11-02 01:15:00", "priority": "2", "state": "2"}
    rows = [audit("2026-11-02 02:00:00", "priority", "3", "2"), audit("2026-11-02 01:40:00", "priority", "", "3")]
    fates = [Fate(*f) for f in page_module("servicenow_events.py").fates(incident, rows, [], {"itil"}, "caller")]
    assert [(f.at, f.what, f.fate, f.priority) for f in fates] == [
        ("2026-11-02T01:15:00Z", "opened 3", "incident.reported", "P3"),
        ("2026-11-02T01:40:00Z", "priority '' -> '3'", "skip: the report's priority (opened with none)", None),
        ("2026-11-02T02:00:00Z", "priority '3' -> '2'", "incident.reprioritized", "P2"),
    ]
    done = run_script("servicenow_events.py", [{"incident": incident, "audits": rows, "journal": []} | NOBODY])
    assert [json.loads(line)["event"] for line in done.stdout.splitlines()] == [
        "incident.reported",
        "incident.reprioritized",
    ]


# --- Zendesk: audits newest first ----------------------------------------------------------------------------------


def comment(author: int, body: str) -> dict[str, Any]:
    return {"type": "Comment", "author_id": author, "public": True, "body": body}


def status(value: str, previous: str) -> dict[str, Any]:
    return {"type": "Change", "field_name": "status", "value": value, "previous_value": previous}


#: Created urgent by requester 2 at 06:30; agent 1 answers and lowers it to high, asks for the log (pending),
#: the requester sends it (Zendesk opens the ticket in that audit), the agent solves it.
AUDITS = [
    ("2026-11-06T06:30:00Z", 2, [comment(2, "down"), {"type": "Create", "field_name": "priority", "value": "urgent"}]),
    (
        "2026-11-06T07:00:00Z",
        1,
        [comment(1, "1st"), {"type": "Change", "field_name": "priority", "value": "high", "previous_value": "urgent"}],
    ),
    ("2026-11-06T08:00:00Z", 1, [comment(1, "the log, please"), status("pending", "open")]),
    ("2026-11-09T01:00:00Z", 2, [status("open", "pending"), comment(2, "here it is")]),
    ("2026-11-09T03:00:00Z", 1, [status("solved", "open")]),
]
TICKET = {"id": 7, "created_at": "2026-11-06T06:30:00Z", "priority": "high", "requester_id": 2}


def zendesk_record(audits: list[tuple[str, int, list[dict[str, Any]]]]) -> dict[str, Any]:
    listed = [{"created_at": at, "author_id": author, "events": events} for at, author, events in audits]
    return {"ticket": TICKET, "audits": listed, "agents": [1]}


def test_audits_given_newest_first_read_as_oldest_first() -> None:
    expected = [
        ("incident.reported", "2026-11-06T06:30:00Z", "P1"),  # created urgent: the ticket's own is its current
        ("incident.responded", "2026-11-06T07:00:00Z", None),
        ("incident.reprioritized", "2026-11-06T07:00:00Z", "P2"),
        ("incident.info_provided", "2026-11-06T08:00:00Z", None),
        ("incident.customer_replied", "2026-11-09T01:00:00Z", None),  # read while pending: not lost
        ("incident.resolved", "2026-11-09T03:00:00Z", None),
    ]
    for order in (AUDITS, AUDITS[::-1]):
        lines = converted("zendesk_events.py", [zendesk_record(order)])
        assert [(x["event"], x["at"], x.get("priority")) for x in lines] == expected
    newest_first = run_script("zendesk_events.py", [zendesk_record(AUDITS[::-1])])
    oldest_first = run_script("zendesk_events.py", [zendesk_record(AUDITS)])
    assert (newest_first.stdout, newest_first.stderr) == (oldest_first.stdout, oldest_first.stderr)


# --- ServiceNow: a list export's labels ----------------------------------------------------------------------------


def reading_the_export() -> str:
    """The ServiceNow converter with the export recipe put in as the page says (before ``fates``), in Tokyo."""
    script = page_script("servicenow_events.py")
    at = script.index("\ndef fates(")
    return script[:at] + "\n" + page_script("servicenow_local.py") + script[at:]


def exported(number: str, priority: str, state: str, hold: str, *journal: tuple[str, str]) -> dict[str, Any]:
    """An incident of a list export (its choice fields as written there), opened Mon 2 Nov 09:00 Tokyo, with no
    sys_audit row, and its journal's comments (time, author)."""
    incident = {"number": number, "opened_at": "2026-11-02 09:00:00", "priority": priority, "state": state}
    entries = [{"element": "comments", "sys_created_by": who, "sys_created_on": at} for at, who in journal]
    return {"incident": incident | {"hold_reason": hold}, "audits": [], "journal": entries} | NOBODY


def run(script: str, records: list[dict[str, Any]]) -> subprocess.CompletedProcess[str]:
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    cmd = [sys.executable, "-c", script]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_a_list_exports_labels_are_read_as_their_codes(tmp_path: Path) -> None:
    records = [
        exported("INC0010021", "1 - Critical", "In Progress", "", ("2026-11-02 09:30:00", "itil")),
        # opened awaiting the caller: waiting from the opening, as with the codes "3" and "1"
        exported("INC0010026", "3 - Moderate", "On Hold", "Awaiting Caller", ("2026-11-02 09:00:00", "itil")),
        exported("INC0010027", "2", "3", "1"),  # an export of the stored codes reads the same
    ]
    done = run(reading_the_export(), records)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(x["id"], x["event"], x.get("priority")) for x in lines] == [
        ("INC0010021", "incident.reported", "P1"),
        ("INC0010021", "incident.responded", None),
        ("INC0010026", "incident.reported", "P3"),
        ("INC0010026", "incident.info_provided", None),
        ("INC0010026", "incident.responded", None),
        ("INC0010027", "incident.reported", "P2"),
        ("INC0010027", "incident.info_provided", None),
    ]
    assert {x["at"] for x in lines if x["event"] == "incident.reported"} == {"2026-11-02T09:00:00+09:00"}
    incident = judge(CLICKSOKO, lines[:2], tmp_path, ("2026-11-01", "2026-12-01"))
    assert (incident["priority"], incident["status"]) == ("P1", "met")


def test_a_label_the_recipe_does_not_know_leaves_the_incident_out_named() -> None:
    records = [
        exported("INC0010028", "2 - High", "En attente", "Awaiting Caller"),  # another language's label
        exported("INC0010029", "2 - High", "In Progress", ""),
    ]
    done = run(reading_the_export(), records)
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["INC0010029"]
    assert done.stderr.splitlines() == [
        "INC0010028: state 'En attente' is neither a code nor a label of CODES, left out",
    ]

"""The service-desk mapping page (``docs/engineers/mapping.md``): its converters are named, its headings are
distinct, and the Zendesk converter, run as it is on the page, writes a log the engine judges (the recorded
desks' data go through every converter in ``test_zendesk_export.py`` and ``test_jira_servicenow_export.py``)."""

from __future__ import annotations

import re
from pathlib import Path

from desk_exports import CLICKSOKO, PAGE, converted, judge


def test_each_converter_is_named_on_its_first_line() -> None:
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text("utf-8"), re.S)
    names = [b.split(maxsplit=2)[1] for b in blocks]
    assert sorted(names) == ["jira_events.py", "servicenow_events.py", "zendesk_events.py"]


def test_each_heading_is_distinct() -> None:
    """A heading written twice gets an anchor ending `_1`: each desk's section links its converter by name."""
    text = re.sub(r"```.*?```", "", PAGE.read_text("utf-8"), flags=re.S)  # (a `# ` in code is no heading)
    headings = re.findall(r"^#+ (.+)$", text, re.M)
    assert len(headings) == len(set(headings)), headings
    for converter in ("zendesk-converter", "jira-service-management-converter", "servicenow-converter"):
        assert f"[the converter](#{converter})" in text


def test_zendesk_converter_on_the_page(tmp_path: Path) -> None:
    audits = [
        ("2026-11-02T02:00:00Z", {"type": "Comment", "public": True, "author_id": 7}),  # agent: first answer
        ("2026-11-02T02:30:00Z", {"type": "Change", "field_name": "priority", "value": "high"}),
        ("2026-11-02T03:00:00Z", {"type": "Change", "field_name": "status", "value": "pending"}),
        ("2026-11-02T04:00:00Z", {"type": "Comment", "public": True, "author_id": 99}),  # requester replies
        ("2026-11-02T05:00:00Z", {"type": "Change", "field_name": "status", "value": "solved"}),
    ]
    creation = [  # the first audit creates the ticket: the description and the values it starts with
        {"type": "Comment", "public": True, "author_id": 99},
        {"type": "Create", "field_name": "status", "value": "new"},
        {"type": "Create", "field_name": "priority", "value": "urgent"},
    ]
    ticket = {"id": 1, "created_at": "2026-11-02T01:15:00Z", "priority": "high", "requester_id": 99}
    audits_ = [{"created_at": ticket["created_at"], "events": creation}]
    audits_ += [{"created_at": at, "events": [e]} for at, e in audits]
    lines = converted("zendesk_events.py", [{"ticket": ticket, "audits": audits_, "agents": [7]}])
    assert lines[0]["priority"] == "P1"  # created urgent: the ticket's own field ("high") says its current one
    assert [line["event"] for line in lines] == [
        "incident.reported",
        "incident.responded",
        "incident.reprioritized",
        "incident.info_provided",
        "incident.customer_replied",
        "incident.resolved",
    ]
    incident = judge(CLICKSOKO, lines, tmp_path, ("2026-11-01", "2026-12-01"))
    # reported Mon 10:15 Tokyo, answered 11:00: P1 (4 business hours) met; the priority became P2 later
    assert incident["id"] == "ZD-1" and incident["status"] == "met", incident

"""Zendesk's audits as the API really returns them, through the mapping page's converter, into verdicts.

The facts come from recorded responses of real Zendesk desks, kept in ``fixtures/zendesk_audits.json``
(trimmed: comment bodies, ``html_body``, ``plain_body`` and the audits' ``metadata`` left out; the
structure, key names, value types and times are as recorded):

* ``zenpy``: github.com/facetoe/zenpy (commit fa6aab1de6880c9c0a9c5232bdfc9fa5e2effa0f), the betamax
  recordings of its test suite against a Zendesk trial desk, 2024-02-08:
  ``tests/test_api/betamax/TestTicketAudits.test_values.json`` (``GET /api/v2/ticket_audits.json``, the
  audits of tickets 1 and 4036 kept), ``TestTicketsPagination.test_values.json`` (``GET
  /api/v2/tickets.json``, the same two tickets) and ``TestUsersPagination.test_values.json`` (``GET
  /api/v2/users.json``, the roles: 6130907993114 an admin, 6130869168922 the end user).
* ``ihealth``: github.com/bibotai/iHealthCCMS_front_end (commit dd92798229a39075316f6acc44393df5c87adc1f),
  ``src/app/services/result.js``: the audits of ticket 56148 of a live desk (2017), as the API gave them;
  the end user's satisfaction comment left out. The ticket itself was not recorded: its ``created_at`` is
  the creation audit's, its ``priority`` the last one the audits set (what ``GET /api/v2/tickets/{id}``
  returns: the current value), its ``requester_id`` the creation audit's (6171488843, the description's
  author); its agent is the author of the reply signed by the desk (2450996566).

The converter is the page's own (``# zendesk_events.py``, see ``desk_exports``): its ``fates`` say, for each
fact of the audits, the event it becomes or why the page's table leaves it out, and run as a script it writes
the lines judged below.

Working by hand. Click So-ko's business hours are 10:00-12:00 and 13:00-18:00 Asia/Tokyo on Japanese
business days (national holidays off); the recording's times are UTC ``Z`` strings, 9 hours behind Tokyo.
Both tickets are ``normal``: P3, respond within 5 business days = 35 business hours.

* Ticket 1 (Zendesk's sample ticket): created 2023-09-09T23:52:05Z = Sun 10 Sep 08:52 Tokyo; the clock
  starts Mon 11 Sep 10:00; 7 h a day, due Fri 15 Sep 18:00 (no holiday that week). The first public agent
  comment is 2024-02-07T00:09:24Z = Wed 7 Feb 09:09: breached, 96 business days (672 h) after the due time
  (102 weekdays from Mon 18 Sep to Tue 6 Feb, less 6 holidays: 18 Sep, 9 Oct, 3 Nov, 23 Nov, 1 Jan, 8 Jan).
  Never solved: not completed.
* Ticket 56148: created 2017-07-25T00:23:46Z = Tue 25 Jul 09:23; the clock starts 10:00; due Mon 31 Jul
  18:00 (Tue, Wed, Thu, Fri, Mon: 5 x 7 h). The agent's public reply and ``solved`` are one audit,
  2017-07-25T16:12:18Z = Wed 26 Jul 01:12, after 7 business hours (Tue 10:00-12:00, 13:00-18:00): met, and
  completed then.
* The next-reply clock (the page's ``restarts at`` clock, first reply within 2 business hours) starts at a
  public requester comment after the ticket's creation. Neither ticket has one (each requester wrote only
  the description), so the target does not apply. Had ticket 1's description been mapped as a requester
  comment, the clock would have run from Mon 11 Sep 10:00: due 12:00, breached, 101 business days of 7 h
  (42,420 minutes) until the agent's reply.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from desk_exports import CLICKSOKO, PAGE, Fate, converted, events_of, judge, page_module, run_script, skips_of

HERE = Path(__file__).parent
RECORDING: dict[str, Any] = json.loads((HERE / "fixtures" / "zendesk_audits.json").read_text("utf-8"))
UTC_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
ZENDESK = page_module("zendesk_events.py")


def page_block(lang: str, holding: str) -> str:
    """The one ``lang`` code block of the mapping page that holds ``holding``."""
    blocks: list[str] = re.findall(rf"```{lang}\n(.*?)```", PAGE.read_text("utf-8"), re.S)
    (block,) = [b for b in blocks if holding in b]
    return block


class Ticket(NamedTuple):
    """One ticket as the page's converter reads it: the ticket, its audits in order, the agents' ids."""

    ticket: dict[str, Any]
    audits: list[dict[str, Any]]
    agents: list[int]


def zenpy_ticket(ticket_id: int) -> Ticket:
    zenpy = RECORDING["zenpy"]
    (ticket,) = [t for t in zenpy["tickets"]["tickets"] if t["id"] == ticket_id]
    audits = [a for a in zenpy["audits"]["audits"] if a["ticket_id"] == ticket_id]
    agents = [u["id"] for u in zenpy["users"]["users"] if u["role"] in ("agent", "admin")]
    return Ticket(ticket, audits, agents)


def ihealth_ticket() -> Ticket:
    audits: list[dict[str, Any]] = RECORDING["ihealth"]["audits"]
    (creation,) = [a for a in audits if any(e["type"] == "Create" for e in a["events"])]
    priorities = [e["value"] for a in audits for e in a["events"] if e.get("field_name") == "priority"]
    (requester,) = [e["value"] for e in creation["events"] if e.get("field_name") == "requester_id"]
    ticket = {"id": creation["ticket_id"], "created_at": creation["created_at"], "priority": priorities[-1]}
    return Ticket({**ticket, "requester_id": int(requester)}, audits, [2450996566])  # (the audit's is a string)


SAMPLE, IHEALTH = zenpy_ticket(1), ihealth_ticket()


def record(t: Ticket) -> dict[str, Any]:
    """One input line of the page's script."""
    return {"ticket": t.ticket, "audits": t.audits, "agents": t.agents}


def convert(t: Ticket) -> list[dict[str, Any]]:
    """The event lines the page's converter writes for ``t`` (its code run as it is on the page)."""
    return converted("zendesk_events.py", [record(t)])


def fates(t: Ticket) -> list[Fate]:
    """The page's converter's fates of ``t``: each fact of its audits, oldest first, an event or why not."""
    return [Fate(*f) for f in ZENDESK.fates(t.ticket, t.audits, set(t.agents))]


def next_reply_lines(t: Ticket) -> list[dict[str, Any]]:
    """The page's next-reply mapping: every public agent comment, every public requester one after the creation;
    the requester the one when the comment is written, followed through the audits as the page's converter
    follows it (an audit's comments before its changes)."""
    created = {e["field_name"]: e["value"] for e in t.audits[0]["events"] if e["type"] == "Create"}
    moves = [
        e for a in t.audits for e in a["events"] if e["type"] == "Change" and e.get("field_name") == "requester_id"
    ]
    before = moves[0].get("previous_value") if moves else None
    tid, out = f"ZD-{t.ticket['id']}", []
    requester = str(created.get("requester_id") or before or t.ticket["requester_id"])
    for audit in t.audits:
        creation = any(e["type"] == "Create" for e in audit["events"])
        for e in audit["events"]:
            by_requester = str(e.get("author_id")) == requester and not creation
            if e["type"] == "Comment" and e["public"] and (e.get("author_id") in t.agents or by_requester):
                kind = "incident.agent_replied" if e["author_id"] in t.agents else "incident.requester_commented"
                out.append({"event": kind, "at": audit["created_at"], "id": tid})
        for e in audit["events"]:
            if e.get("field_name") == "requester_id":
                requester = str(e["value"])
    return out


def next_reply_policy(tmp_path: Path) -> Path:
    """Click So-ko with the page's next-reply clock, its target in every priority."""
    block = page_block("sla", "clock next_reply")
    target = re.search(r"^# in the priority: (.+)$", block, re.M)
    assert target is not None
    text = re.sub(
        r"^  respond within .*\n", lambda m: f"{m[0]}  {target[1]}\n", CLICKSOKO.read_text("utf-8"), flags=re.M
    )
    path = tmp_path / "next_reply.sla"
    path.write_text(f"{text}\n{block}", "utf-8")
    return path


def test_the_recording_has_the_shape_the_converter_reads() -> None:
    tickets = [SAMPLE, IHEALTH, zenpy_ticket(4036)]
    audits = [a for t in tickets for a in t.audits]
    events = [e for a in audits for e in a["events"]]
    assert all(UTC_TIME.fullmatch(a["created_at"]) for a in audits)
    assert all(UTC_TIME.fullmatch(t.ticket["created_at"]) for t in tickets)
    # the time is the audit's: its events (several to an audit) carry none of their own
    assert not any("created_at" in e for e in events)
    assert {e["type"] for e in events} == {"Comment", "Create", "Change", "Notification", "AgentMacroReference"}
    comments = [e for e in events if e["type"] == "Comment"]
    assert all(isinstance(e["public"], bool) and isinstance(e["author_id"], int) for e in comments)
    fields = [e for e in events if e["type"] in ("Create", "Change")]
    assert all(isinstance(e["field_name"], str) for e in fields)
    assert all(e["value"] is None or isinstance(e["value"], str) for e in fields if e["field_name"] != "tags")
    assert all(isinstance(e["value"], list) for e in fields if e["field_name"] == "tags")
    # a comment's author is the event's, not the audit's: each creation audit was written by someone else
    for t in (SAMPLE, IHEALTH):
        creation = t.audits[0]
        (description,) = [e for e in creation["events"] if e["type"] == "Comment"]
        assert description["author_id"] != creation["author_id"] and description["author_id"] not in t.agents
        assert description["author_id"] == t.ticket["requester_id"]  # the requester, whom a reply must come from
    # ticket 4036: opened by an agent, as pending, with no priority (null in the ticket and in its `Create`)
    opened = zenpy_ticket(4036)
    assert (opened.ticket["priority"], opened.ticket["status"]) == (None, "pending")
    made = {e.get("field_name"): e for e in opened.audits[0]["events"] if e["type"] in ("Comment", "Create")}
    assert (made["status"]["value"], made["priority"]["value"]) == ("pending", None)
    assert made[None]["public"] and made[None]["author_id"] in opened.agents


def test_the_sample_ticket_on_click_so_ko(tmp_path: Path) -> None:
    lines = convert(SAMPLE)
    assert lines == [
        {"event": "incident.reported", "at": "2023-09-09T23:52:05Z", "id": "ZD-1", "priority": "P3"},
        {"event": "incident.responded", "at": "2024-02-07T00:09:24Z", "id": "ZD-1"},
    ]
    got = judge(CLICKSOKO, lines, tmp_path, ("2023-09-01", "2024-03-01"))
    assert (got["status"], got["priority"], got["completed_at"]) == ("breached", "P3", None)
    assert (got["clock_start"], got["response_due"], got["responded_at"]) == (
        "2023-09-10T08:52:05+09:00",
        "2023-09-15T18:00:00+09:00",
        "2024-02-07T09:09:24+09:00",
    )
    # (the period crosses a new year: its steps write their instants with the year)
    assert "responded Wed 07 Feb 2024 09:09, 672h business time after due: breached" in [
        s["text"] for s in got["explain"]
    ]


def test_the_solved_ticket_on_click_so_ko(tmp_path: Path) -> None:
    lines = convert(IHEALTH)
    assert [(x["event"], x["at"], x.get("priority")) for x in lines] == [
        ("incident.reported", "2017-07-25T00:23:46Z", "P3"),
        ("incident.responded", "2017-07-25T16:12:18Z", None),
        ("incident.resolved", "2017-07-25T16:12:18Z", None),
    ]
    got = judge(CLICKSOKO, lines, tmp_path, ("2017-07-01", "2017-08-01"))
    assert (got["status"], got["response_due"]) == ("met", "2017-07-31T18:00:00+09:00")
    assert got["responded_at"] == got["completed_at"] == "2017-07-26T01:12:18+09:00"


@pytest.mark.parametrize(
    ("t", "period"),
    [(SAMPLE, ("2023-09-01", "2024-03-01")), (IHEALTH, ("2017-07-01", "2017-08-01"))],
    ids=["sample", "solved"],
)
def test_the_next_reply_clock_does_not_start_on_the_description(
    t: Ticket, period: tuple[str, str], tmp_path: Path
) -> None:
    replies = next_reply_lines(t)
    assert [x["event"] for x in replies] == ["incident.agent_replied"]
    got = judge(next_reply_policy(tmp_path), convert(t) + replies, tmp_path, period)
    (target,) = got["targets"]
    assert (target["clock"], target["status"], target["due"]) == ("next_reply", "not_applicable", None)


def test_the_next_reply_clock_would_have_run_from_the_description(tmp_path: Path) -> None:
    description = {"event": "incident.requester_commented", "at": SAMPLE.ticket["created_at"], "id": "ZD-1"}
    lines = [*convert(SAMPLE), description, *next_reply_lines(SAMPLE)]
    got = judge(next_reply_policy(tmp_path), lines, tmp_path, ("2023-09-01", "2024-03-01"))
    (target,) = got["targets"]
    assert (target["status"], target["due"], target["met_at"], target["used_minutes"]) == (
        "breached",
        "2023-09-11T12:00:00+09:00",
        "2024-02-07T09:09:24+09:00",
        101 * 7 * 60,
    )


NOT_IN_TABLE = "skip: field `{}` is not in the table"


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (
            SAMPLE,
            [
                Fate("2023-09-09T23:52:05Z", "created normal", "incident.reported", "P3"),
                # the requester's description, and the values the ticket was created with
                Fate(
                    "2023-09-09T23:52:05Z",
                    "public comment by 6130869168922",
                    "skip: the description, part of the report",
                ),
                Fate("2023-09-09T23:52:05Z", "Create requester_id", NOT_IN_TABLE.format("requester_id")),
                Fate("2023-09-09T23:52:05Z", "Create assignee_id", NOT_IN_TABLE.format("assignee_id")),
                Fate("2023-09-09T23:52:05Z", "Create subject", NOT_IN_TABLE.format("subject")),
                Fate(
                    "2023-09-09T23:52:05Z",
                    "Create tags ['sample', 'support', 'zendesk']",
                    "skip: product_suspected not added",
                ),
                Fate("2023-09-09T23:52:05Z", "Create status open", "skip: status `open` is not in the table"),
                Fate("2023-09-09T23:52:05Z", "Create group_id", NOT_IN_TABLE.format("group_id")),
                Fate("2023-09-09T23:52:05Z", "Create ticket_form_id", NOT_IN_TABLE.format("ticket_form_id")),
                # a second audit, the same second
                Fate("2023-09-09T23:52:05Z", "Change type", NOT_IN_TABLE.format("type")),
                # created with none: the report carries the first priority given, and that change is no event
                Fate(
                    "2023-09-09T23:52:05Z", "Change priority normal", "skip: the report's priority (created with none)"
                ),
                Fate("2023-09-19T00:19:17Z", "Change status deleted", "skip: status `deleted` is not in the table"),
                Fate("2023-09-19T00:25:38Z", "Change status open", "skip: status `open` is not in the table"),
                Fate("2024-02-07T00:09:24Z", "public comment by 6130907993114", "incident.responded"),  # the agent
                Fate("2024-02-07T00:11:18Z", "internal comment by 6130907993114", "skip: internal note"),
            ],
        ),
        (
            IHEALTH,
            [
                Fate("2017-07-25T00:23:46Z", "created normal", "incident.reported", "P3"),
                Fate(
                    "2017-07-25T00:23:46Z", "public comment by 6171488843", "skip: the description, part of the report"
                ),
                Fate("2017-07-25T00:23:46Z", "Create subject", NOT_IN_TABLE.format("subject")),
                Fate("2017-07-25T00:23:46Z", "Create tags ['feedback']", "skip: product_suspected not added"),
                Fate("2017-07-25T00:23:46Z", "Create status new", "skip: status `new` is not in the table"),
                Fate("2017-07-25T00:23:46Z", "Create priority None", "skip: the report's priority"),
                Fate("2017-07-25T00:23:46Z", "Create type", NOT_IN_TABLE.format("type")),
                Fate("2017-07-25T00:23:46Z", "Create requester_id", NOT_IN_TABLE.format("requester_id")),
                Fate("2017-07-25T00:23:46Z", "Notification", "skip: `Notification` is not in the table"),
                # the agent's reply, the priority and `solved`: one audit, one time
                Fate("2017-07-25T16:12:18Z", "public comment by 2450996566", "incident.responded"),
                Fate("2017-07-25T16:12:18Z", "Change assignee_id", NOT_IN_TABLE.format("assignee_id")),
                Fate("2017-07-25T16:12:18Z", "Change group_id", NOT_IN_TABLE.format("group_id")),
                Fate(
                    "2017-07-25T16:12:18Z", "Change priority normal", "skip: the report's priority (created with none)"
                ),
                Fate("2017-07-25T16:12:18Z", "Change status solved", "incident.resolved"),
                Fate(
                    "2017-07-25T16:12:18Z",
                    "Change tags ['device___am__am3__connection__bluetooth_connection_issue', 'feedback', 'new', "
                    "'technical_support']",
                    "skip: product_suspected not added",
                ),
                Fate("2017-07-25T16:12:18Z", "Change 24806306", NOT_IN_TABLE.format("24806306")),  # custom fields
                Fate("2017-07-25T16:12:18Z", "Change 23951406", NOT_IN_TABLE.format("23951406")),
                Fate("2017-07-25T16:12:18Z", "Change 22317138", NOT_IN_TABLE.format("22317138")),
                Fate("2017-07-25T16:12:18Z", "AgentMacroReference", "skip: `AgentMacroReference` is not in the table"),
                # the satisfaction survey: offered, then answered
                Fate("2017-07-26T17:02:23Z", "Notification", "skip: `Notification` is not in the table"),
                Fate("2017-07-26T17:02:23Z", "Change satisfaction_score", NOT_IN_TABLE.format("satisfaction_score")),
                Fate("2017-07-26T23:23:22Z", "Change satisfaction_score", NOT_IN_TABLE.format("satisfaction_score")),
            ],
        ),
    ],
    ids=["sample", "solved"],
)
def test_every_fact_read_is_mapped_or_left_out_on_purpose(t: Ticket, expected: list[Fate]) -> None:
    got = fates(t)
    assert got == expected
    assert len(got) == 1 + sum(len(a["events"]) for a in t.audits)  # the report, and one fate per audit event
    # the script writes the fates' events, and says on stderr each fact that is none, with why
    done = run_script("zendesk_events.py", [record(t)])
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(x["event"], x["at"]) for x in out] == events_of(got)
    assert [x.get("priority") for x in out] == [f.priority for f in got if not f.fate.startswith("skip:")]
    assert done.stderr.splitlines() == skips_of(f"ZD-{t.ticket['id']}", got)
    # the rest of the audits is what the table does not name: other fields, e-mails, macros, ratings
    named = {"Comment", "status", "priority"}
    rest = {e.get("field_name") or e["type"] for a in t.audits for e in a["events"]} - named
    assert rest <= {
        *("requester_id", "assignee_id", "group_id", "organization_id", "subject", "type", "tags"),
        *("ticket_form_id", "brand_id", "custom_status_id", "satisfaction_score"),
        *("24806306", "23951406", "22317138"),  # custom fields: named by their ids
        *("Notification", "AgentMacroReference"),
    }


def test_a_ticket_without_priority_is_left_out_and_named() -> None:
    """Ticket 4036: no priority (null in the ticket and in its `Create`), opened by an agent, as pending."""
    opened = zenpy_ticket(4036)
    done = run_script("zendesk_events.py", [record(opened)])
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "ZD-4036: no priority, left out\n")
    assert fates(opened) == []


def test_a_ticket_opened_as_pending_waits_from_its_creation_and_its_description_is_no_reply() -> None:
    opened = zenpy_ticket(4036)
    at = opened.ticket["created_at"]
    high = Ticket({**opened.ticket, "priority": "high"}, opened.audits, opened.agents)
    lines = convert(high)
    assert lines[0] == {"event": "incident.reported", "at": at, "id": "ZD-4036", "priority": "P2"}
    assert ("incident.info_provided", at) in [(x["event"], x["at"]) for x in lines]
    assert "incident.responded" not in [x["event"] for x in lines]  # (the agent's description is the report)
    read = {f.what: f.fate for f in fates(high)}
    assert read["Create status pending"] == "incident.info_provided"
    assert read["public comment by 6130907993114"] == "skip: the description, part of the report"


def test_the_tag_added_by_a_change_is_the_product_suspected_event() -> None:
    """The page: the tag in the `value` of a `Change` of `tags` (the whole new list), not in its `previous_value`."""
    later = [
        {"created_at": at, "events": [{"type": "Change", "field_name": "tags", "value": new, "previous_value": old}]}
        for at, old, new in [
            ("2024-02-08T00:00:00Z", ["sample"], ["product_suspected", "sample"]),
            ("2024-02-09T00:00:00Z", ["product_suspected", "sample"], ["product_suspected", "sample", "support"]),
        ]
    ]
    tagged = Ticket(SAMPLE.ticket, [*SAMPLE.audits, *later], SAMPLE.agents)
    assert [(f.at, f.fate) for f in fates(tagged)[-2:]] == [
        ("2024-02-08T00:00:00Z", "incident.product_suspected"),
        ("2024-02-09T00:00:00Z", "skip: product_suspected not added"),
    ]


def pending_ticket(*later: tuple[str, list[dict[str, Any]]]) -> Ticket:
    """The sample ticket (requester 6130869168922) set pending by its agent, then the audits ``later``."""
    pending = [{"type": "Change", "field_name": "status", "value": "pending", "previous_value": "open"}]
    audits = [{"created_at": at, "events": events} for at, events in [("2024-02-08T00:00:00Z", pending), *later]]
    return Ticket(SAMPLE.ticket, [*SAMPLE.audits, *audits], SAMPLE.agents)


def test_only_the_requesters_comment_is_the_customers_reply() -> None:
    """A CC'd user's public comment while pending is no reply: the ticket waits for the requester's."""
    requester, cc = SAMPLE.ticket["requester_id"], 6314931549722  # (another end user of the recorded desk)
    waiting = pending_ticket(
        ("2024-02-09T00:00:00Z", [{"type": "Comment", "public": True, "author_id": cc}]),
        ("2024-02-10T00:00:00Z", [{"type": "Comment", "public": True, "author_id": requester}]),
    )
    assert [(f.at, f.what, f.fate) for f in fates(waiting)[-3:]] == [
        ("2024-02-08T00:00:00Z", "Change status pending", "incident.info_provided"),
        ("2024-02-09T00:00:00Z", f"public comment by {cc}", "skip: neither an agent nor the requester"),
        ("2024-02-10T00:00:00Z", f"public comment by {requester}", "incident.customer_replied"),
    ]


def test_an_audits_comments_are_read_before_its_field_changes() -> None:
    """The requester's reply and the status leaving `pending`, one audit listed status first: the reply counts."""
    requester = SAMPLE.ticket["requester_id"]
    reply = [
        {"type": "Change", "field_name": "status", "value": "open", "previous_value": "pending"},
        {"type": "Comment", "public": True, "author_id": requester},
    ]
    replied = pending_ticket(("2024-02-09T00:00:00Z", reply))
    assert [(f.what, f.fate) for f in fates(replied)[-2:]] == [
        (f"public comment by {requester}", "incident.customer_replied"),
        ("Change status open", "skip: status `open` is not in the table"),
    ]
    lines = convert(replied)
    assert [(x["event"], x["at"]) for x in lines[-2:]] == [
        ("incident.info_provided", "2024-02-08T00:00:00Z"),
        ("incident.customer_replied", "2024-02-09T00:00:00Z"),
    ]

"""The mapping page's recipes for a clock that pauses on two waits (Zendesk's pending and on-hold, ServiceNow's
On Hold for the caller and for another reason): moving between the two at one instant keeps the clock paused.

The trap the page warns of: with ``pauses at incident.info_provided until incident.customer_replied,
incident.reopened`` beside ``pauses at incident.on_hold until incident.hold_released``, a ticket on hold at
10:00 and moved to pending at 12:00, written as ``hold_released`` and ``info_provided`` at 12:00, resumes the
clock: at one instant the contract's ``info_provided`` is read before the declared ``hold_released``, changes
nothing while the clock is paused on hold, and then ``hold_released`` resumes it. The page's formulation gives
both pause lines one ``until``, the status back to open (``incident.work_resumed``), and the move writes only
the new wait's event: the clock stays paused until the ticket is open again. Each recipe's ``sla`` block is
taken from the page (the same in both languages) and run through the evaluator with Click So-ko's policy, its
P1 given the target the block's comment names; the Zendesk converter, with the constants the page says to
set, writes the log from a ticket's audits.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from desk_exports import CLICKSOKO, PAGE, PAGE_JA, ROOT, judge, page_script, without_comments

from sla_dsl.policy import compile_text

PERIOD = ("2026-11-01", "2026-12-01")
#: The recipes: each desk's section of the page by its anchor
SECTIONS = ("zendesk-on-hold", "servicenow-on-hold")


def section(page: Path, anchor: str) -> str:
    """The text of ``page`` from the heading ``{#anchor}`` to the next heading (outside code)."""
    text = page.read_text("utf-8")
    start = text.index(f"{{#{anchor}}}")
    rest = text[start:]
    blocks = re.sub(r"```.*?```", lambda m: "x" * len(m.group(0)), rest, flags=re.S)  # (a `#` in code is none)
    end = re.search(r"^#+ ", blocks, re.M)
    return rest[: end.start()] if end else rest


def recipe(anchor: str) -> str:
    """The one ``sla`` block of the section ``anchor``, the same on the Japanese page but for its comments (in
    Japanese there); the English block, whose ``# in the priority:`` comment gives the target."""
    (block,) = re.findall(r"```sla\n(.*?)```", section(PAGE, anchor), re.S)
    (ja,) = re.findall(r"```sla\n(.*?)```", section(PAGE_JA, anchor), re.S)
    assert without_comments(ja) == without_comments(block)
    assert ja.count("\n") == block.count("\n")
    return str(block)


def policy_with(block: str, tmp_path: Path, warned: tuple[str, ...] = ()) -> Path:
    """Click So-ko's policy with ``block`` after it and, in P1, the target its ``# in the priority:`` comment
    gives; it compiles with no diagnostic but (some of) the warnings ``warned``."""
    rule = re.search(r"# in the priority: (.*)", block)
    assert rule is not None
    src = CLICKSOKO.read_text("utf-8")
    at = src.index("\n", src.index("respond within", src.index("priority P1"))) + 1
    text = f"{src[:at]}  {rule.group(1)}\n{src[at:]}\n{block}"
    done = compile_text(text)
    assert {d.code for d in done.diagnostics} <= set(warned), done.diagnostics
    path = tmp_path / "policy.sla"
    path.write_text(text, "utf-8")
    return path


def event(kind: str, at: str, **fields: str) -> dict[str, Any]:
    return {"event": f"incident.{kind}", "at": f"2026-11-{at}:00+09:00", "id": "T-1", **fields}


#: Reported Mon 2 Nov 09:30 Tokyo (before the 10:00 opening), answered; on hold at 10:00 (Zendesk's `hold`,
#: ServiceNow's Awaiting Vendor); at 12:00 the wait becomes the customer's (pending; Awaiting Caller)
ON_HOLD_THEN_PENDING = [
    event("reported", "02T09:30", priority="P1"),
    event("responded", "02T09:40"),
    event("on_hold", "02T10:00"),
]


def resolution(incident: dict[str, Any]) -> dict[str, Any]:
    (target,) = [t for t in incident["targets"] if t["clock"] == "resolution"]
    return dict(target)


#: The QA's event type for leaving hold: a log that still holds it is read under the recipe's lines, declared
#: (and named by no rule: warning W247)
HOLD_RELEASED = 'event incident.hold_released "保留解除" / "Hold released" [art 3.2]'


@pytest.mark.parametrize("anchor", SECTIONS)
@pytest.mark.parametrize(
    "released",
    [False, True],
    ids=["as-the-recipe-writes-it", "with-hold-released-too"],
)
def test_a_move_from_one_wait_to_the_other_keeps_the_clock_paused(anchor: str, released: bool, tmp_path: Path) -> None:
    """The move at 12:00 as the recipe writes it (the new wait's event alone), and as the QA's log had it
    (``hold_released`` and ``info_provided`` both at 12:00): under the recipe's lines the clock stays paused."""
    block = recipe(anchor)
    policy = policy_with(f"{block}\n{HOLD_RELEASED}\n" if released else block, tmp_path, ("W247",) if released else ())
    moved = [*ON_HOLD_THEN_PENDING, *([event("hold_released", "02T12:00")] if released else [])]
    moved.append(event("info_provided", "02T12:00"))
    target = resolution(judge(policy, moved, tmp_path, PERIOD))
    assert (target["status"], target["used_minutes"], target["due"]) == ("paused", 0.0, None), target
    said = [e["text"] for e in target["explain"]]
    assert any("info_provided while paused: changes nothing, still waiting for work_resumed" in s for s in said)
    # the status back to open (Wed 4 Nov 10:00; Tue 3 Nov is Culture Day) resumes it: 5 business days of 7
    # hours from then, Wed to Tue 10 Nov 18:00
    resumed = resolution(judge(policy, [*moved, event("work_resumed", "04T10:00")], tmp_path, PERIOD))
    assert resumed["due"] == "2026-11-10T18:00:00+09:00", resumed


def test_an_event_for_leaving_hold_lets_the_clock_run(tmp_path: Path) -> None:
    """What the page warns of: the hold ended by an event of its own, beside the pending recipe's line. The
    same move, written as ``hold_released`` and ``info_provided`` at 12:00, resumes the clock at 12:00."""
    block = recipe("zendesk-on-hold")
    trap = block.replace(
        "pauses at incident.info_provided until incident.work_resumed",
        "pauses at incident.info_provided until incident.customer_replied, incident.reopened",
    ).replace("until incident.work_resumed", "until incident.hold_released")
    declared = f"{HOLD_RELEASED}\n"
    declared += 'event incident.reopened "担当者による再開" / "Reopened by an agent" [art 3.2]'
    trap = re.sub(r"^event incident\.work_resumed .*$", declared, trap, flags=re.M)
    assert "pauses at incident.on_hold until incident.hold_released" in trap
    policy = policy_with(trap, tmp_path)
    moved = [*ON_HOLD_THEN_PENDING, event("hold_released", "02T12:00"), event("info_provided", "02T12:00")]
    target = resolution(judge(policy, moved, tmp_path, PERIOD))
    said = [e["text"] for e in target["explain"]]
    assert any("resumes at hold_released Mon 02 Nov 12:00" in s for s in said), said
    assert target["status"] != "paused" and target["used_minutes"] > 0, target


def zendesk_as_the_page_says() -> str:
    """The page's Zendesk converter with the constants its on-hold section says to set, after its own."""
    words = section(PAGE, "zendesk-on-hold")
    settings = re.findall(r"`((?:NAMED\[\"\w+\"\]|REOPENED) = \"[\w.]+\")`", words)
    assert len(settings) == 3, settings
    assert settings == re.findall(
        r"`((?:NAMED\[\"\w+\"\]|REOPENED) = \"[\w.]+\")`", section(PAGE_JA, "zendesk-on-hold")
    )
    script = page_script("zendesk_events.py")
    at = script.index("\ndef fates(")
    return script[:at] + "\n" + "\n".join(settings) + "\n" + script[at:]


def converted(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The event lines :func:`zendesk_as_the_page_says` writes for ``records``, run as a reader runs it."""
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    cmd = [sys.executable, "-c", zendesk_as_the_page_says()]
    done = subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def status(at: str, value: str, previous: str, author: int = 7) -> dict[str, Any]:
    change = {"type": "Change", "field_name": "status", "value": value, "previous_value": previous}
    return {"created_at": at, "author_id": author, "events": [change]}


def test_the_zendesk_converter_set_as_the_page_says_keeps_the_clock_paused(tmp_path: Path) -> None:
    ticket = {"id": 1, "created_at": "2026-11-02T00:30:00Z", "priority": "urgent", "requester_id": 99}
    creation = [
        {"type": "Comment", "public": True, "author_id": 99},
        {"type": "Create", "field_name": "status", "value": "new"},
        {"type": "Create", "field_name": "priority", "value": "urgent"},
    ]
    answer = [{"type": "Comment", "public": True, "author_id": 7}]
    audits = [
        {"created_at": ticket["created_at"], "author_id": 99, "events": creation},
        {"created_at": "2026-11-02T00:40:00Z", "author_id": 7, "events": answer},
        status("2026-11-02T00:45:00Z", "open", "new"),
        status("2026-11-02T01:00:00Z", "hold", "open"),  # Mon 10:00 Tokyo: on hold
        status("2026-11-02T03:00:00Z", "pending", "hold"),  # 12:00: pending, waiting for the requester
    ]
    record = {"ticket": ticket, "audits": audits, "agents": [7]}
    lines = converted([record])
    assert [(x["event"], x["at"][11:16]) for x in lines] == [
        ("incident.reported", "00:30"),
        ("incident.responded", "00:40"),
        ("incident.work_resumed", "00:45"),  # (opened from new: nothing on a running clock)
        ("incident.on_hold", "01:00"),
        ("incident.info_provided", "03:00"),
    ]
    policy = policy_with(recipe("zendesk-on-hold"), tmp_path)
    target = resolution(judge(policy, lines, tmp_path, PERIOD))
    assert (target["status"], target["used_minutes"]) == ("paused", 0.0), target
    # the requester answers on Wed 4 Nov 10:00 Tokyo, which opens the ticket: the clock runs from then
    reply = {"created_at": "2026-11-04T01:00:00Z", "author_id": 99, "events": []}
    reply["events"] = [
        {"type": "Change", "field_name": "status", "value": "open", "previous_value": "pending"},
        {"type": "Comment", "public": True, "author_id": 99},
    ]
    lines = converted([{**record, "audits": [*audits, reply]}])
    assert [(x["event"], x["at"]) for x in lines[-2:]] == [
        ("incident.customer_replied", "2026-11-04T01:00:00Z"),
        ("incident.work_resumed", "2026-11-04T01:00:00Z"),
    ]
    assert resolution(judge(policy, lines, tmp_path, PERIOD))["due"] == "2026-11-10T18:00:00+09:00"

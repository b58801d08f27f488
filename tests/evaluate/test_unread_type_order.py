"""A field no event of the family carries, given by two events at one instant: the note names the event
the evaluator reads first, by the one order of event types (the contract's, then declared types by name).

``note_unread`` said such a field once per item and value, at the first event that gives it, and told two
events at one instant apart by line, then by type code. Events without lines (the Python API, ``sla
serve``'s store) tie on the line, and a declared type's code is given in the order a process first meets
it: a process that had loaded a policy declaring ``incident.tie_zulu_unread`` before one that also
declares ``incident.tie_alpha_unread`` named the zulu event, another process the alpha one. Now the tie
is broken by :data:`~sla_dsl.events.compact.RANK` (before the line, as the evaluator orders events), and
so never depends on a process's history, nor on the order of the lines.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import sla_dsl
from sla_dsl.events.reader import read_text
from sla_dsl.events.schema import CODE
from sla_dsl.policy import Policy
from sla_dsl.report import Report

ZULU, ALPHA = "incident.tie_zulu_unread", "incident.tie_alpha_unread"
HEAD = 'sla "T" { format 1 version "1" effective 2026-01-01 timezone UTC languages en }\n'
BODY = "clock response { starts at incident.reported }\npriority P1 {\n  respond within 4 hours\n}\n"
START, END = dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)


def load(tmp_path: Path, name: str, declared: list[str]) -> Policy:
    path = tmp_path / f"{name}.sla"
    path.write_text(HEAD + "".join(f'event {e} "{e}"\n' for e in declared) + BODY, "utf-8")
    return sla_dsl.load_policy(path)


def both(tmp_path: Path) -> Policy:
    """The policy declaring both types, after this process evaluated one declaring only the zulu type
    (which so gets the lower code)."""
    sla_dsl.evaluate(load(tmp_path, "first", [ZULU]), [], START, END)
    policy = load(tmp_path, "both", [ALPHA, ZULU])
    sla_dsl.evaluate(policy, [], START, END)
    assert CODE[ZULU] < CODE[ALPHA]  # (an order by code would put the zulu event first)
    return policy


def ev(event: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"event": event, "at": f"2026-03-02T{at}:00Z", "id": "I-1", **fields}


EVENTS = [
    ev("incident.reported", "09:00", priority="P1"),
    ev(ZULU, "10:00", kind="chat"),  # (`kind`: no incident event carries it, said once per value)
    ev(ALPHA, "10:00", kind="chat"),
]


def named(report: Report) -> list[tuple[str, list[str]]]:
    return [(v.note.event, v.note.fields) for v in report.violations if v.kind == "data" and v.note is not None]


def test_a_tie_at_one_instant_is_broken_by_type_name_not_by_the_code_a_process_gave(tmp_path: Path) -> None:
    policy = both(tmp_path)
    assert named(sla_dsl.evaluate(policy, EVENTS, START, END)) == [(ALPHA, ["kind"])]
    assert named(sla_dsl.evaluate(policy, [EVENTS[0], EVENTS[2], EVENTS[1]], START, END)) == [(ALPHA, ["kind"])]


def test_the_order_of_the_lines_does_not_choose_the_event(tmp_path: Path) -> None:
    policy = both(tmp_path)
    contract = [
        ev("incident.reported", "09:00", priority="P1"),
        ev("incident.responded", "10:00", zone="tokyo"),
        ev("incident.customer_replied", "10:00", zone="tokyo"),
        ev(ZULU, "10:00", zone="tokyo"),
    ]
    rnd = random.Random(3)
    for _ in range(6):
        lines = list(contract)
        rnd.shuffle(lines)
        text = "".join(json.dumps(e) + "\n" for e in lines)
        report = sla_dsl.evaluate(policy, read_text(text, "log.jsonl", declared=policy.event_types), START, END)
        assert named(report) == [("incident.responded", ["zone"])], lines

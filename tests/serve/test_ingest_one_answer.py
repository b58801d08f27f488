"""``POST /events``: every problem of a batch in one answer, as ``sla evaluate`` lists them.

The reader's problems (bad JSON, a key given twice, a missing field) and the
policy check's (an unknown priority, backup kind or cause; a time outside the
supported years) are settled together, in line order, and so is the service's
own (an event before the live window): a client that fixes what one answer
lists hears of nothing new the next time. All or nothing still: a batch with
any problem stores nothing. SQLite only: the database plays no part.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.evaluation import evaluate
from sla_dsl.events.reader import EventInputError
from sla_dsl.serve.ingest import MAX_PROBLEMS, Rejected, parse_body
from sla_dsl.serve.tracking import LIVE_DAYS, FakeClock

from .conftest import Starter, tokyo

NOW = tokyo(2026, 11, 30, 10)
AT = "2026-11-30T09:00:00+09:00"
TZ = dt.timezone(dt.timedelta(hours=9))


def reported(ident: str, priority: str = "P1", at: str = AT) -> str:
    return json.dumps({"event": "incident.reported", "at": at, "id": ident, "priority": priority})


GOOD = reported("A-1")
REPEATED = GOOD[:-1] + ', "priority": "P2"}'  # a key given twice: the reader's E100
UNKNOWN_PRIORITY = reported("A-2", "P9")  # the policy check's E120
#: One line of each kind of problem, and good lines between them.
MIXED = [
    GOOD,
    "not json",  # E100
    UNKNOWN_PRIORITY,  # E120
    REPEATED,  # E100, a key given twice
    json.dumps({"event": "incident.reported", "at": AT, "id": "A-3"}),  # no priority
    json.dumps({"event": "backup.completed", "at": AT, "id": "DB-1", "kind": "tape"}),  # E121
    reported("A-4", at="2026-11-30 09:00"),  # a time with no offset
    json.dumps({"event": "outage.started", "at": AT, "id": "O-1", "cause": "aliens"}),  # E122
    reported("A-5", at="1850-11-30T09:00:00+09:00"),  # E123, outside the supported years
    json.dumps({"event": "incident.teleported", "at": AT, "id": "A-6"}),  # an unknown type
    reported("A-7"),
]


def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sla.db'}"


def count(client: Any) -> int:
    n: int = client.get("/healthz").json()["events"]
    return n


def said(problems: list[dict[str, Any]]) -> list[tuple[int, str, str, str | None]]:
    return [(p["line"], p["code"], p["message"], p["help"]) for p in problems]


def evaluate_says(policies: list[Any], lines: list[str], tmp_path: Path) -> list[tuple[int, str, str, str | None]]:
    """What ``sla evaluate`` says of the same lines as a log file (its whole list, in its order)."""
    log = tmp_path / "events.jsonl"
    log.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(EventInputError) as exc:
        evaluate(policies, log, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    return [(p.line, p.code, p.message, p.help) for p in exc.value.problems]


def test_a_bad_line_and_an_unknown_priority_in_one_answer(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content="\n".join([GOOD, "not json", UNKNOWN_PRIORITY]).encode())
    assert r.status_code == 422, r.text
    assert [(p["line"], p["code"]) for p in r.json()["problems"]] == [(2, "E100"), (3, "E120")]
    assert r.json()["problems"][1]["text"].startswith(
        "<request>:3: error: [E120] unknown priority `P9` in `incident.reported`\n"
    )
    assert count(c) == 0  # nothing of the batch, not the good first line either


@pytest.mark.parametrize("form", ["lines", "array"])
def test_a_key_given_twice_and_an_unknown_priority_in_one_answer(
    start: Starter, tmp_path: Path, policies: list[Any], form: str
) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    events = [UNKNOWN_PRIORITY, GOOD, REPEATED]
    body = "\n".join(events) if form == "lines" else "[\n" + ",\n".join(events) + "\n]"
    r = c.post("/events", content=body.encode())
    assert r.status_code == 422, r.text
    assert [(p["line"], p["code"]) for p in r.json()["problems"]] == [(1, "E120"), (3, "E100")]
    assert said(r.json()["problems"]) == evaluate_says(policies, events, tmp_path)
    assert count(c) == 0


def test_every_kind_of_problem_in_one_answer_as_sla_evaluate_lists_them(
    start: Starter, tmp_path: Path, policies: list[Any]
) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content="\n".join(MIXED).encode())
    assert r.status_code == 422, r.text
    got = said(r.json()["problems"])
    assert got == evaluate_says(policies, MIXED, tmp_path)
    assert [line for line, *_ in got] == [2, 3, 4, 5, 6, 7, 8, 9, 10]  # each bad line, in order
    assert {code for _, code, *_ in got} >= {"E100", "E120", "E121", "E122", "E123"}
    assert all(p["text"].startswith(f"<request>:{p['line']}: error: [") for p in r.json()["problems"])
    assert count(c) == 0


def test_the_same_list_without_the_service(policies: list[Any], tmp_path: Path) -> None:
    with pytest.raises(Rejected) as exc:
        parse_body("\n".join(MIXED).encode(), policies)
    assert [(p.line, p.code, p.message, p.help) for p in exc.value.problems] == evaluate_says(policies, MIXED, tmp_path)


def test_an_event_before_the_live_window_is_in_the_same_answer(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    old = "2015-01-01T00:00:00+09:00"
    lines = [
        "not json",
        reported("B-1", at=old),  # only too old
        reported("B-2", "P9", at=old),  # an unknown priority, and too old
        reported("B-3", at="1850-01-01T00:00:00+09:00"),  # outside the supported years: said once
        UNKNOWN_PRIORITY,
        GOOD,
    ]
    r = c.post("/events", content="\n".join(lines).encode())
    assert r.status_code == 422, r.text
    problems = r.json()["problems"]
    assert [(p["line"], p["code"]) for p in problems] == [
        (1, "E100"),
        (2, "E123"),
        (3, "E120"),
        (3, "E123"),
        (4, "E123"),
        (5, "E120"),
    ]
    first = dt.datetime.fromtimestamp(NOW - LIVE_DAYS * 86400, TZ).date()
    assert f"is before {first}" in problems[1]["message"] and f"is before {first}" in problems[3]["message"]
    assert "supported years" in problems[4]["message"] and "days the service judges" not in problems[4]["message"]
    assert count(c) == 0


def test_fixing_what_one_answer_lists_is_enough(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content="\n".join([GOOD, "not json", UNKNOWN_PRIORITY, REPEATED]).encode())
    assert r.status_code == 422 and count(c) == 0
    fixed = {p["line"] for p in r.json()["problems"]}
    assert fixed == {2, 3, 4}
    again = [GOOD, reported("A-8"), reported("A-2", "P2"), REPEATED.replace(', "priority": "P2"', "")]
    ok = c.post("/events", content="\n".join(again).encode())
    assert ok.status_code == 200, ok.text
    assert ok.json() == {"received": 4, "stored": 3, "duplicates": 1}  # the last line is the first again
    assert count(c) == 3


def test_the_answer_is_capped_after_merging(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    lines = ["not json" if n % 2 else reported(f"C-{n}", "P9") for n in range(150)]
    body = c.post("/events", content="\n".join(lines).encode()).json()
    assert len(body["problems"]) == MAX_PROBLEMS and body["more_problems"] == 50
    assert [p["line"] for p in body["problems"]] == list(range(1, MAX_PROBLEMS + 1))
    assert [p["code"] for p in body["problems"][:4]] == ["E120", "E100", "E120", "E100"]
    assert count(c) == 0


def test_a_batch_with_no_good_line_is_the_readers_answer(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content=b"not json\n{\n")
    assert r.status_code == 422
    assert [(p["line"], p["code"]) for p in r.json()["problems"]] == [(1, "E100"), (2, "E100")]
    assert count(c) == 0


def test_blanks_around_the_type_are_read_as_the_log_reads_them(policies: list[Any]) -> None:
    """``" incident.reported "`` is ``incident.reported`` here too (it was a 500: the type looked up as sent),
    and a spaced ``stop.announced`` still names its window's end as the latest instant."""
    spaced = json.dumps({"event": " incident.reported ", "at": f" {AT} ", "id": "A-1", "priority": "P1"})
    (row,) = parse_body(spaced.encode(), policies)
    (plain,) = parse_body(GOOD.encode(), policies)
    assert (row.family, row.event, row.at_epoch, row.ident) == (plain.family, plain.event, plain.at_epoch, plain.ident)
    end = "2026-12-03T06:00:00+09:00"
    stop = {"event": " stop.announced", "at": AT, "id": "S-1", "start": "2026-12-03T02:00:00+09:00", "end": end}
    from sla_dsl.serve.live import _horizon

    assert _horizon(0.0, json.dumps(stop)) == dt.datetime.fromisoformat(end).timestamp()

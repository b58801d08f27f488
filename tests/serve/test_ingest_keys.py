"""``POST /events``: a key given twice in one object is refused as ``sla evaluate`` refuses it.

A single object or an array is re-written as JSON Lines before the reader sees
it; decoding it first kept the last value of a repeated key in silence. SQLite
only: the database plays no part.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.events.reader import EventInputError, read_text
from sla_dsl.policy import declared_types, load_policies
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, Starter, tokyo

NOW = tokyo(2026, 11, 30, 10)
AT = "2026-11-30T09:00:00+09:00"
#: An event written by hand with its last key given twice (``{...}`` closed by the caller).
REPEATED = f'{{"event": "incident.reported", "at": "{AT}", "id": "A", "priority": "P1", "priority": "P2"'
ATTRIBUTES = f'{{"event": "incident.reported", "at": "{AT}", "id": "A", "priority": "P1", '
GOOD = json.dumps({"event": "incident.reported", "at": AT, "id": "B", "priority": "P1"})


def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sla.db'}"


def count(client: Any) -> int:
    n: int = client.get("/healthz").json()["events"]
    return n


def pretty(text: str) -> str:
    """``text`` (one JSON object) laid out over several lines, its repeated key kept."""
    return text.replace("{", "{\n    ").replace(", ", ",\n    ").replace("}", "\n}")


def cli_problems(jsonl: str) -> list[str]:
    """What the reader of ``sla evaluate`` says of the same events as JSON Lines (read, as the command reads
    them, with the policy's event types and zone)."""
    with pytest.raises(EventInputError) as exc:
        read_text(jsonl, "<request>", declared=declared_types(load_policies([str(POLICY)])))
    return [str(p) for p in exc.value.problems]


@pytest.mark.parametrize(
    ("body", "jsonl", "line", "key"),
    [
        (REPEATED + "}", REPEATED + "}\n", 1, "priority"),
        (pretty(REPEATED + "}"), REPEATED + "}\n", 1, "priority"),
        (ATTRIBUTES.replace('"id": "A"', '"id": "A", "id": "C"') + '"x": 1}', None, 1, "id"),
        (
            ATTRIBUTES + '"attributes": {"plan": "premium", "plan": "standard"}}',
            ATTRIBUTES + '"attributes": {"plan": "premium", "plan": "standard"}}\n',
            1,
            "plan",
        ),
        (
            pretty(ATTRIBUTES + '"attributes": {"plan": "premium", "plan": "standard"}}'),
            ATTRIBUTES + '"attributes": {"plan": "premium", "plan": "standard"}}\n',
            1,
            "plan",
        ),
        ("[" + GOOD + ", " + REPEATED + "}]", GOOD + "\n" + REPEATED + "}\n", 2, "priority"),
        ("[\n" + pretty(GOOD) + ",\n" + pretty(REPEATED + "}") + "\n]", GOOD + "\n" + REPEATED + "}\n", 2, "priority"),
        (
            "[" + GOOD + ", " + ATTRIBUTES + '"attributes": {"plan": "a, b", "plan": "c"}}]',
            GOOD + "\n" + ATTRIBUTES + '"attributes": {"plan": "a, b", "plan": "c"}}\n',
            2,
            "plan",
        ),
    ],
    ids=["object", "pretty", "id", "attributes", "pretty-attributes", "array", "pretty-array", "array-attributes"],
)
def test_a_key_given_twice_is_e100_as_in_a_log(
    start: Starter, tmp_path: Path, body: str, jsonl: str | None, line: int, key: str
) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content=body.encode())
    assert r.status_code == 422, r.text
    (problem,) = r.json()["problems"]
    assert (problem["line"], problem["code"]) == (line, "E100")
    assert problem["text"].startswith(f"<request>:{line}: error: [E100] key `{key}` is given more than once")
    assert [problem["text"]] == cli_problems(jsonl or body + "\n")
    assert count(c) == 0  # nothing of the batch, not the good event either


def test_every_problem_of_the_batch_in_line_order(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    bad_time = GOOD.replace(AT, "2026-11-30 09:00")
    body = "[\n" + ",\n".join([pretty(REPEATED + "}"), GOOD, pretty(bad_time), REPEATED + "}"]) + "\n]"
    r = c.post("/events", content=body.encode())
    assert r.status_code == 422
    got = [p["text"] for p in r.json()["problems"]]
    assert got == cli_problems("\n".join([REPEATED + "}", GOOD, bad_time, REPEATED + "}"]) + "\n")
    assert [p["line"] for p in r.json()["problems"]] == [1, 3, 4]
    assert count(c) == 0


def test_a_body_whose_commas_are_not_repeats_is_stored_as_sent(start: Starter, tmp_path: Path) -> None:
    # commas inside strings and nested extra fields make the quick screen look closer: no false refusal,
    # and the stored events are the same as from the compact form
    events = [
        {"event": "incident.reported", "at": AT, "id": "A, 1", "priority": "P1", "note": {"a": "x, y", "b": [1, 2]}},
        {"event": "incident.reported", "at": AT, "id": 'B "{[,]}"', "priority": "P2", "n": 12345678901234567890123},
    ]
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content=json.dumps(events, indent=2).encode())
    assert r.status_code == 200, r.text
    assert r.json() == {"received": 2, "stored": 2, "duplicates": 0}
    again = c.post("/events", content=json.dumps(events).encode())
    assert again.json() == {"received": 2, "stored": 0, "duplicates": 2}
    assert {i["id"] for i in c.get("/incidents").json()["incidents"]} == {"A, 1", 'B "{[,]}"'}

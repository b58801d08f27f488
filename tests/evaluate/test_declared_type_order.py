"""Events of two declared types at one instant are read in one order, whatever the process loaded before.

A declared type's code is given the first time a policy of the process declares it, and the evaluator read
events at one instant in code order: a policy that stops its ``reply`` clock at ``incident.<b>`` and
restarts it at ``incident.<a>`` was ``met`` in a fresh process and ``breached`` after another policy that
declares only ``incident.<b>`` had been evaluated (its code then came first). The order is now the
contract's types, then the declared types by name (:data:`sla_dsl.events.compact.RANK`): ``<a>`` before
``<b>`` in every process, so the clock restarts at 11:00 and stops again at once. Each test uses names no
other test declares, so the codes it sees are those it gave.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from typing import Any

import sla_dsl
from sla_dsl.events import compact
from sla_dsl.events.compact import BUILTIN_COUNT, CODE, TYPES, declare_types

HEADER = """sla "%s" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en
}}
"""
#: A policy that declares only ``{b}`` (evaluated first, it gives ``{b}`` the lower code).
OTHER = (
    HEADER % "Other"
    + """event incident.{b} "B"
clock response "R" {{ starts at incident.reported }}
clock c "C" {{ starts at incident.{b} stops at incident.resolved }}
priority P1 "P1" {{ respond within 1 hour resolve within 1 hour on c }}
"""
)
#: The policy judged: the reply clock stops at ``{b}`` and restarts at ``{a}``.
MAIN = (
    HEADER % "Main"
    + """event incident.{b} "Reply"
event incident.{a} "Wrote"
clock response "R" {{ starts at incident.reported }}
clock reply "Reply" {{
  starts at incident.reported
  stops at incident.{b}, incident.resolved
  restarts at incident.{a}
}}
priority P1 "P1" {{
  respond within 1 hour
  respond within 1 hour on reply
}}
"""
)
PERIOD = ("2026-11-01", "2026-12-01")


def log(a: str, b: str) -> list[dict[str, Any]]:
    """Reported 10:00, ``{b}`` 10:10, then ``{a}`` and ``{b}`` both at 11:00."""
    return [
        {"event": "incident.reported", "at": "2026-11-02T10:00:00Z", "id": "A", "priority": "P1"},
        {"event": f"incident.{b}", "at": "2026-11-02T10:10:00Z", "id": "A"},
        {"event": f"incident.{a}", "at": "2026-11-02T11:00:00Z", "id": "A"},
        {"event": f"incident.{b}", "at": "2026-11-02T11:00:00Z", "id": "A"},
    ]


def reply(lines: list[dict[str, Any]], a: str, b: str) -> tuple[str, float]:
    """The status and minutes used of the reply target, judged in this process."""
    policy = sla_dsl.load_policy(MAIN.format(a=a, b=b))
    report = json.loads(sla_dsl.evaluate(policy, lines, *PERIOD).model_dump_json())
    (inc,) = report["incidents"]
    (target,) = [t for t in inc["targets"] if t["clock"] == "reply"]
    return target["status"], target["used_minutes"]


def other_first(a: str, b: str) -> None:
    """Evaluate, in this process, a policy that declares ``{b}`` alone (before ``{a}`` is declared)."""
    sla_dsl.evaluate(sla_dsl.load_policy(OTHER.format(b=b)), [], *PERIOD)


def test_the_type_declared_earlier_in_the_process_does_not_come_first() -> None:
    a, b = "a_order_wrote", "b_order_reply"
    other_first(a, b)
    assert CODE[f"incident.{b}"] < len(TYPES)  # {b} has a code, {a} none yet: {a} gets the higher code
    assert f"incident.{a}" not in CODE
    assert reply(log(a, b), a, b) == ("met", 0.0)
    assert CODE[f"incident.{b}"] < CODE[f"incident.{a}"]


def test_the_same_verdict_when_the_policy_is_loaded_first() -> None:
    a, b = "a_first_wrote", "b_first_reply"
    assert reply(log(a, b), a, b) == ("met", 0.0)  # declared together: {a} gets the lower code
    assert CODE[f"incident.{a}"] < CODE[f"incident.{b}"]
    other_first(a, b)
    assert reply(log(a, b), a, b) == ("met", 0.0)


def test_a_shuffled_log_gives_the_same_report_in_either_loading_order() -> None:
    a, b = "a_shuffle_wrote", "b_shuffle_reply"
    other_first(a, b)
    policy = sla_dsl.load_policy(MAIN.format(a=a, b=b))
    lines = log(a, b)
    first = sla_dsl.evaluate(policy, lines, *PERIOD).model_dump_json()
    assert reply(lines, a, b) == ("met", 0.0)
    for seed in range(6):
        shuffled = lines[:]
        random.Random(seed).shuffle(shuffled)
        assert sla_dsl.evaluate(policy, shuffled, *PERIOD).model_dump_json() == first


def test_a_fresh_process_agrees() -> None:
    """The verdict of a process that declared ``{b}`` first is that of a fresh one (``python -c``)."""
    a, b = "a_fresh_wrote", "b_fresh_reply"
    other_first(a, b)
    here = sla_dsl.evaluate(sla_dsl.load_policy(MAIN.format(a=a, b=b)), log(a, b), *PERIOD).model_dump_json()
    script = (
        "import json, sys, sla_dsl\n"
        "text, lines, period = json.loads(sys.stdin.read())\n"
        "sys.stdout.write(sla_dsl.evaluate(sla_dsl.load_policy(text), lines, *period).model_dump_json())\n"
    )
    stdin = json.dumps([MAIN.format(a=a, b=b), log(a, b), list(PERIOD)])
    fresh = subprocess.run([sys.executable, "-c", script], input=stdin, capture_output=True, text=True, check=True)
    assert fresh.stdout == here


def test_the_rank_is_the_contracts_order_then_the_names() -> None:
    rank: list[int] = compact.RANK  # (the list itself: declare_types renumbers it in place)
    names = ["incident.zz_rank_c", "incident.mm_rank_b", "incident.aa_rank_a"]
    for name in names:  # one at a time, the last name first: codes in the opposite order of names
        declare_types([name])
    codes = [CODE[n] for n in names]
    assert codes == sorted(codes)
    assert sorted(names, key=lambda n: rank[CODE[n]]) == sorted(names)
    assert rank[:BUILTIN_COUNT] == list(range(BUILTIN_COUNT))  # the contract's types keep their order
    assert min(rank[BUILTIN_COUNT:]) == BUILTIN_COUNT  # and come before every declared type
    declared = TYPES[BUILTIN_COUNT:]
    assert sorted(declared, key=lambda n: rank[CODE[n]]) == sorted(declared)
    assert sorted(rank) == list(range(len(TYPES)))

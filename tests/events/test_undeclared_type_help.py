"""E103's help for an event type the policy does not declare: the same near name as ``sla check``'s E208.

A type of the policy's own family (``incident.plan_changed``) only shares ``incident.`` with the contract's
types: the help offered ``incident.responded`` after the declaration, and a log fixed that way would judge
a plan change as a response. A real typo (``incident.resolvd``) still gets the name it misspells.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.events.problems import EventInputError
from sla_dsl.reader import read_events


def _help(tmp_path: Path, etype: str) -> str:
    log = tmp_path / "e.jsonl"
    log.write_text(f'{{"event": "{etype}", "at": "2026-11-02T10:05:00+09:00", "id": "A"}}\n', "utf-8")
    with pytest.raises(EventInputError) as err:
        read_events(log)
    (problem,) = err.value.problems
    assert problem.code == "E103"
    return problem.help or ""


def test_a_type_of_the_policy_s_own_is_told_to_declare_it_and_nothing_else(tmp_path: Path) -> None:
    said = _help(tmp_path, "incident.plan_changed")
    assert "event incident.plan_changed" in said
    assert "incident.responded" not in said and "did you mean" not in said


def test_a_typo_of_a_contract_type_is_named(tmp_path: Path) -> None:
    said = _help(tmp_path, "incident.resolvd")
    assert "event incident.resolvd" in said and "`incident.resolved`" in said

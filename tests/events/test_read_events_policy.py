"""``read_events(path, policy=...)``: a log that holds the event types its policy declares, read from the API.

``read_events`` refused them (E103, unknown event type ``incident.chat_started``) and the API page never
said how to pass them: only the undocumented ``declared=`` with the non-public
``sla_dsl.policy.compiled.declared_types(policy)`` did it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError
from sla_dsl.reader import read_events

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
MONTH = ("2026-11-01", "2026-12-01")


def test_without_the_policy_its_own_types_are_e103() -> None:
    with pytest.raises(EventInputError) as err:
        read_events(LOG)
    assert {p.code for p in err.value.problems} == {"E103"}


@pytest.mark.parametrize("versions", [False, True])
def test_the_policy_s_declared_types_are_read(versions: bool) -> None:
    policy = sla_dsl.load_policy(HELPDESK)
    log = read_events(LOG, policy=[policy] if versions else policy)
    assert log.problems == []
    by_log = sla_dsl.evaluate(policy, log, *MONTH)
    assert by_log == sla_dsl.evaluate(policy, LOG, *MONTH) and by_log.incidents


@pytest.mark.parametrize("given", [str(HELPDESK), HELPDESK, 3, [None]])
def test_a_policy_that_is_no_policy_is_a_type_error(given: Any) -> None:
    with pytest.raises(TypeError, match=r"policy: expected a Policy \(sla_dsl\.load_policy\) or its versions, found"):
        read_events(LOG, policy=given)

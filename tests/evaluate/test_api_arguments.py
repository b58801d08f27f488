"""The API's entries refuse what ``sla evaluate`` refuses, in its words, and wrong argument types with the
documented ``TypeError`` naming them, never an ``AttributeError`` from inside or a wrong report.

- ``as_of`` before ``from``: the command refuses it (nothing of the period can be judged before it
  starts); the API judged it, 0 incidents and 100% availability.
- a path among the policy's versions raised ``AttributeError``; a generator of versions was read up
  once before judging, which then found "no policy to evaluate against".
- a dict as ``events`` read its keys as events; an id given as bytes was taken as text, while an int
  or a UUID is E106.
- ``policy.due("P1", t)`` raised ``AttributeError``: ``due`` takes a target, ``response_due`` a priority.
- ``EventInputError`` is documented as the API's error but was not exported from ``sla_dsl``.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import uuid
from typing import Any

import pytest

import sla_dsl
from sla_dsl.errors import InputError
from sla_dsl.evaluation import evaluate_log, judge, judge_log
from sla_dsl.events.problems import EventInputError
from sla_dsl.reader import read_events

from .helpers import POLICY_PATH, ROOT, english_policy, ev, policy

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ("2026-11-01", "2026-12-01")


def refusal(*flags: str) -> str:
    """What ``sla evaluate`` says of these flags, in English."""
    res = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY_PATH), str(EXAMPLE), *flags, "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert res.returncode == 2 and res.stderr.startswith("sla: error: "), res.stderr
    return res.stderr.removeprefix("sla: error: ").strip()


def _parameters(said: str) -> str:
    """The command's words naming the API's parameters where it names its flags."""
    return said.replace("--as-of", "as_of").replace("--from", "start").replace("--to", "end")


def test_as_of_before_from_is_refused_in_the_command_s_words() -> None:
    said = _parameters(refusal("--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2026-10-01"))
    assert said.startswith("as_of `2026-10-01T00:00:00+09:00` is before start ")
    log = read_events(EXAMPLE)
    en = english_policy()  # (the API words it in the policy's primary language: the command's English here)
    calls = [
        lambda: sla_dsl.evaluate(en, EXAMPLE, *MONTH, as_of="2026-10-01"),
        lambda: sla_dsl.evaluate(en, log, *MONTH, as_of=dt.date(2026, 10, 1)),
        lambda: evaluate_log(en, log, *MONTH, "2026-10-01T00:00:00+09:00"),
        lambda: judge(en, EXAMPLE, *MONTH, "2026-10-01"),
    ]
    for call in calls:
        with pytest.raises(InputError) as err:
            call()
        assert str(err.value) == said
    # at ``from`` itself is a period with nothing judged yet, as the command takes it
    assert sla_dsl.evaluate(policy(), EXAMPLE, *MONTH, as_of="2026-11-01").period.as_of.day == 1


def test_an_empty_period_is_refused_first_in_the_command_s_words() -> None:
    said = _parameters(refusal("--from", "2026-11-01", "--to", "2026-11-01", "--as-of", "2026-10-01"))
    assert said == "the period is empty: `end` must be after `start`"
    with pytest.raises(InputError) as err:
        sla_dsl.evaluate(english_policy(), [], "2026-11-01", "2026-11-01", as_of="2026-10-01")
    assert str(err.value) == said


def test_the_command_s_step_still_judges_a_month_as_of_an_earlier_time() -> None:
    """``judge_log`` is the step the trend runs for a month of the period alone, as of the report's
    ``as_of``, which may come before that month: it is not refused there."""
    result = judge_log([policy()], read_events(EXAMPLE), "2026-12-01", "2027-01-01", "2026-11-20")
    assert result.skeleton.period.as_of.day == 20


def test_a_path_among_the_versions_is_a_type_error_naming_it() -> None:
    with pytest.raises(
        TypeError, match=r"policy\[1\]: expected a Policy, found str: load it with sla_dsl\.load_policy"
    ):
        sla_dsl.evaluate([english_policy(), "v2.sla"], [], *MONTH)  # (in the policy's primary language: English)
    with pytest.raises(TypeError, match="policy: expected a Policy or a sequence of its versions, found int"):
        sla_dsl.evaluate(3, [], *MONTH)  # type: ignore[arg-type]


def test_the_versions_may_come_from_a_generator() -> None:
    events = [ev("incident.reported", "2026-11-02 10:00", "INC-1", priority="P1")]
    given = sla_dsl.evaluate((p for p in [policy()]), events, *MONTH)
    assert given.model_dump_json() == sla_dsl.evaluate([policy()], events, *MONTH).model_dump_json()
    assert [i.id for i in given.incidents] == ["INC-1"]


@pytest.mark.parametrize("events", [{"event": "incident.reported", "id": "X"}, {}])
def test_a_dict_of_events_is_a_type_error_naming_it(events: dict[str, Any]) -> None:
    with pytest.raises(TypeError, match=r"events: expected an iterable .* found dict \(one event\? pass \[event\]\)"):
        sla_dsl.evaluate(english_policy(), events, *MONTH)  # (in the policy's primary language: its English here)


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"id": b"INC-1"}, "field `id` must be a string, found bytes"),
        ({"id": bytearray(b"INC-1")}, "field `id` must be a string, found bytes"),
        ({"priority": b"P1"}, "field `priority` must be a string, found bytes"),
        ({"id": 7}, "field `id` must be a string, found a number"),
        ({"id": uuid.UUID(int=1)}, "field `id` must be a string, found a value of type UUID"),
    ],
)
def test_text_given_as_bytes_is_e106_as_a_number_is(fields: dict[str, Any], said: str) -> None:
    event = {**ev("incident.reported", "2026-11-02 10:00", "INC-1", priority="P1"), **fields}
    with pytest.raises(EventInputError) as err:
        sla_dsl.evaluate(english_policy(), [event], *MONTH)
    first, *rest = str(err.value).splitlines()
    assert first == f"<events>:1: error: [E106] {said}"
    # a number given for a text field is told how to write it as one; other types have no help line
    assert rest == (['  help: write the value as a string: `"id": "7"`'] if fields == {"id": 7} else [])
    assert [p.code for p in err.value.problems] == ["E106"]


def test_an_attribute_given_as_bytes_is_e106() -> None:
    plans = sla_dsl.load_policy(ROOT / "policies" / "examples" / "plans.sla")
    event = ev("incident.reported", "2026-11-02 10:00", "INC-1", priority="P1", attributes={"plan": b"premium"})
    with pytest.raises(EventInputError, match=r"\[E106\] attribute `plan` must have a string value, found bytes"):
        sla_dsl.evaluate(plans, [event], *MONTH)
    skipped = sla_dsl.evaluate(plans, [event], *MONTH, skip_invalid=True)
    assert skipped.incidents == [] and len(skipped.input.skipped) == 1


def test_due_takes_a_target_and_says_so() -> None:
    p = policy()
    t = "2026-11-27T16:00:00+09:00"
    with pytest.raises(TypeError, match=r"`target` にはポリシーの目標.*（`str` が渡されました）。.*`response_due`"):
        p.due("P1", t)  # type: ignore[arg-type]
    assert p.due(p.priority("P1").target, t) == p.response_due("P1", t)


def test_event_input_error_is_exported() -> None:
    assert "EventInputError" in sla_dsl.__all__
    assert sla_dsl.EventInputError is EventInputError and issubclass(sla_dsl.EventInputError, InputError)
    from sla_dsl import EventInputError as exported

    with pytest.raises(exported):
        sla_dsl.evaluate(policy(), [{"event": "incident.reported"}], *MONTH)

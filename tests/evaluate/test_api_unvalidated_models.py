"""Event models made without validation, and items that are no event, given to ``evaluate``.

A model built with pydantic's ``model_construct`` was filed as it was: a naive ``at`` was read as UTC (a
wrong verdict: the clock started at 18:00 Tokyo time for 09:00), an ``at`` given as text raised a bare
``AttributeError``, a number for an ``id`` a pydantic ``ValidationError`` of the report's row, a missing
``priority`` an ``AttributeError``. Now such a model is read as the dict of its fields is: the same located
problems. A pydantic model or a dataclass of the caller's own was "expected a JSON object" (JSON words in
the API): now E101 says what the API takes and how to pass it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pydantic
import pytest

import sla_dsl
from sla_dsl.events.models_given import unvalidated
from sla_dsl.events.problems import EventInputError
from sla_dsl.events.schema import EVENT_ADAPTER, DeclaredEvent, IncidentReported, StopAnnounced

from .helpers import english_policy, policy

MONTH = ("2026-11-01", "2026-12-01")
TOKYO = dt.timezone(dt.timedelta(hours=9))
AT = dt.datetime(2026, 11, 2, 9, tzinfo=TOKYO)


def _problems(events: list[Any]) -> list[str]:
    with pytest.raises(EventInputError) as err:
        sla_dsl.evaluate(english_policy(), events, *MONTH)  # (its problems in the English the tests quote)
    return [line for line in str(err.value).splitlines() if "invalid event lines" not in line]  # (the sum)


def _reported(**fields: Any) -> dict[str, Any]:
    return {"event": "incident.reported", "id": "A", "priority": "P1", "at": AT, **fields}


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"at": dt.datetime(2026, 11, 2, 9)}, "E105"),  # naive: was read as UTC
        ({"at": 1_793_581_200}, "E104"),
        ({"id": 5}, "E106"),
        ({"id": ""}, "E107"),
        ({"priority": None}, "E102"),
        ({"attributes": {"plan": 1}}, "E106"),
    ],
)
def test_a_model_made_without_validation_is_refused_as_its_dict_is(fields: dict[str, Any], code: str) -> None:
    data = _reported(**fields)
    model = IncidentReported.model_construct(**data)
    said = _problems([model])
    assert said == _problems([data]), said
    assert said[0].startswith(f"<events>:1: error: [{code}] "), said


def test_a_naive_time_is_never_taken_as_utc() -> None:
    model = IncidentReported.model_construct(
        event="incident.reported", at=dt.datetime(2026, 11, 2, 9), id="A", priority="P1"
    )
    said = _problems([_reported(id="B"), model])  # (its place in the list: the second)
    assert said[0] == "<events>:2: error: [E105] `at` has no UTC offset: `2026-11-02T09:00:00`", said
    skipped = sla_dsl.evaluate(policy(), [model], *MONTH, skip_invalid=True)
    assert skipped.incidents == [] and len(skipped.input.skipped) == 1


def test_a_missing_required_field_is_e102() -> None:
    model = IncidentReported.model_construct(event="incident.reported", at=AT, id="A")
    assert _problems([model]) == [
        "<events>:1: error: [E102] missing field `priority` (required for `incident.reported`)"
    ]


def test_a_stop_that_ends_before_it_starts_is_e108() -> None:
    model = StopAnnounced.model_construct(
        event="stop.announced", at=AT, id="S", channel="email", start=AT + dt.timedelta(days=9), end=AT
    )
    (said,) = _problems([model])
    assert "[E108]" in said, said


def test_fields_the_models_would_make_otherwise_are_made_so() -> None:
    """Text for a time and blanks around a name are what validation would read: the same verdict."""
    loose = IncidentReported.model_construct(
        event="incident.reported", at="2026-11-02T09:00:00+09:00", id=" A ", priority="P1"
    )
    strict = EVENT_ADAPTER.validate_python(_reported())
    (row,) = sla_dsl.evaluate(policy(), [loose], *MONTH).incidents
    assert row == sla_dsl.evaluate(policy(), [strict], *MONTH).incidents[0]
    assert (row.id, row.clock_start) == ("A", AT)


def test_validated_models_are_filed_as_they_are() -> None:
    """The check of a validated model finds nothing (the fast path), for every contract type."""
    examples = [
        _reported(attributes={"plan": "premium"}, cause="x"),
        {"event": "incident.responded", "at": AT, "id": "A"},
        {"event": "stop.announced", "at": AT, "id": "S", "channel": "email", "start": AT, "end": AT + AT.resolution},
        {"event": "backup.completed", "at": AT, "id": "B", "kind": "database", "zone": "a", "extra": 1},
        {"event": "outage.started", "at": AT, "id": "O"},
    ]
    for data in examples:
        assert unvalidated(EVENT_ADAPTER.validate_python(data)) is None, data
    assert unvalidated(DeclaredEvent.model_validate({"event": "incident.chat_started", "at": AT, "id": "A"})) is None


class Mine(pydantic.BaseModel):
    event: str
    at: dt.datetime
    id: str


@dataclasses.dataclass
class MyEvent:
    event: str
    at: dt.datetime
    id: str


@pytest.mark.parametrize(
    ("item", "name", "convert"),
    [
        (Mine(event="incident.responded", at=AT, id="A"), "Mine", "item.model_dump()"),
        (MyEvent("incident.responded", AT, "A"), "MyEvent", "dataclasses.asdict(item)"),
        (["incident.responded"], "list", None),
    ],
)
def test_an_item_that_is_no_event_says_what_the_api_takes(item: Any, name: str, convert: str | None) -> None:
    said = _problems([_reported(), item])
    assert said[0] == (
        "<events>:2: error: [E101] expected an event as a dict or an event model of sla_dsl "
        f"(`sla_dsl.events.schema`), found `{name}`"
    ), said
    assert "JSON" not in "\n".join(said)
    assert said[1:] == ([f"  help: pass its fields as a dict: `{convert}`"] if convert else [])

"""Every option of ``model_dump`` and ``model_dump_json`` gives, on a report whose rows are built when read,
what it gives on the same report built up front.

``serialize_as_any=True`` made pydantic skip the serializer given in ``Annotated`` to the ``incidents`` and
``violations`` fields and infer the value's type instead: ``model_dump_json`` raised
``PydanticSerializationError: Unable to serialize unknown type: Rows`` and a Python dump held the ``Rows``
and its models. The serializer is a field serializer of ``Report`` now, which pydantic applies with that
option too; the options are checked alone and together, in both modes.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest
from pydantic import BaseModel

import sla_dsl
from sla_dsl.evaluation import judge
from sla_dsl.report import Report
from sla_dsl.report.rows import Rows

from .helpers import EXAMPLE, POLICY, ROOT

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
HELPDESK_LOG = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
MONTH = ("2026-11-01", "2026-12-01")


@functools.cache
def both(which: str) -> tuple[Report, Report]:
    """A month's report, lazy and built up front (Click So-ko's example month; the help desk's, whose named
    targets keep data out of the JSON)."""
    policy, log = (POLICY, EXAMPLE) if which == "clicksoko" else (HELPDESK, HELPDESK_LOG)
    result = judge(sla_dsl.load_policy(policy), log, *MONTH)
    return result.report(), result.report(lazy=False)


OPTIONS: list[dict[str, Any]] = [
    {"serialize_as_any": True},
    {"serialize_as_any": True, "exclude_none": True},
    {"serialize_as_any": True, "round_trip": True},
    {"serialize_as_any": True, "by_alias": True, "exclude_defaults": True},
    {"serialize_as_any": True, "include": {"incidents"}},
    {"serialize_as_any": True, "include": {"incidents": {0: {"id", "status"}}, "violations": True}},
    {"serialize_as_any": True, "exclude": {"incidents": {"__all__": {"explain"}}}},
    {"serialize_as_any": True, "exclude_unset": True},
    {"serialize_as_any": True, "context": {"any": "thing"}},
    {"context": {"any": "thing"}},
    {"warnings": "error"},
    {"fallback": str},
]


def _plain(value: object) -> bool:
    """Whether a Python-mode dump holds only plain values: no model, no :class:`Rows`."""
    if isinstance(value, dict):
        return all(_plain(v) for v in value.values())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return not isinstance(value, BaseModel | Rows)


@pytest.mark.parametrize("which", ["clicksoko", "helpdesk"])
@pytest.mark.parametrize("options", OPTIONS, ids=[",".join(o) for o in OPTIONS])
def test_every_option_gives_what_a_list_gives(which: str, options: dict[str, Any]) -> None:
    lazy, eager = both(which)
    assert isinstance(lazy.incidents, Rows) and isinstance(eager.incidents, list)
    for mode in ("python", "json"):
        dumped = lazy.model_dump(mode=mode, **options)
        assert dumped == eager.model_dump(mode=mode, **options)
        assert _plain(dumped)
    assert lazy.model_dump_json(**options) == eager.model_dump_json(**options)


@pytest.mark.parametrize("which", ["clicksoko", "helpdesk"])
def test_serialize_as_any_changes_nothing(which: str) -> None:
    """The report holds no subclass of its models: ``serialize_as_any`` gives the same dump, the data the
    words are built from included, and it validates back to the same report."""
    lazy, eager = both(which)
    for report in (lazy, eager):
        assert report.model_dump_json(serialize_as_any=True) == report.model_dump_json()
        assert report.model_dump(serialize_as_any=True) == report.model_dump()
        assert report.model_dump(mode="json", serialize_as_any=True) == report.model_dump(mode="json")
        assert Report.model_validate(report.model_dump(serialize_as_any=True)) == eager


def test_the_json_schemas_stay_those_of_the_lists() -> None:
    for mode in ("validation", "serialization"):
        props = Report.model_json_schema(mode=mode)["properties"]
        assert props["incidents"] == {"items": {"$ref": "#/$defs/IncidentRow"}, "title": "Incidents", "type": "array"}
        assert props["violations"] == {"items": {"$ref": "#/$defs/Violation"}, "title": "Violations", "type": "array"}

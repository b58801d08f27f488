"""The generated schemas describe their fields, from the models' own field docs."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from sla_dsl.docs import schema
from sla_dsl.docs.fielddocs import describe, field_docs, models_under

from .conftest import Build
from .htmltables import tables


def _undocumented(s: dict[str, Any]) -> list[str]:
    return [
        f"{name}.{prop}"
        for name, definition in s.get("$defs", {}).items()
        for prop, value in definition.get("properties", {}).items()
        if not value.get("description")
    ]


def test_every_event_field_is_described() -> None:
    events = schema.events_schema()
    assert _undocumented(events) == []
    reported = events["$defs"]["IncidentReported"]["properties"]
    assert reported["priority"]["description"].startswith("the priority the policy declares")
    assert "UTC offset" in reported["at"]["description"]  # documented once on the base event


class _Base(BaseModel):
    #: inherited doc
    a: int


class _Model(_Base):
    #: a comment doc
    #: on two lines
    b: int
    c: str
    """a string doc"""
    d: float = 0.0


def test_field_docs_reads_comments_strings_and_bases() -> None:
    assert field_docs(_Model) == {"a": "inherited doc", "b": "a comment doc on two lines", "c": "a string doc"}
    s = _Model.model_json_schema()
    describe(s, models_under([_Model]), _Model)
    assert [s["properties"][k].get("description") for k in "abcd"] == [
        "inherited doc",
        "a comment doc on two lines",
        "a string doc",
        None,
    ]


def test_events_page_has_descriptions(site: Build) -> None:
    html = site.page("engineers/events")
    fields = [t for t in tables(html).values() if t[0].cells == ["Field", "Type", "Required", "Description"]]
    assert len(fields) == 14, "one table per event type"
    rows = [r for t in fields for r in t[1:]]
    assert all(r.cells[3] for r in rows), [r.cells for r in rows if not r.cells[3]][:5]
    assert "``" not in html and "<code>INC-054</code>" in html

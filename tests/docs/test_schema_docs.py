"""The generated schemas describe their fields, from the models' own field docs."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import BaseModel

from sla_dsl.docs import schema
from sla_dsl.docs.fielddocs import describe, field_docs, models_under

from .conftest import Build
from .htmltables import tables

#: The head of a field table on the Japanese pages.
HEAD_JA = ["フィールド", "型", "必須", "説明"]


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


@pytest.mark.parametrize(
    ("uri", "head"),
    [("en/engineers/events", ["Field", "Type", "Required", "Description"]), ("engineers/events", HEAD_JA)],
)
def test_events_page_has_descriptions(site: Build, uri: str, head: list[str]) -> None:
    """The English page under en/, the Japanese one at the root: the same tables, each in its language."""
    html = site.page(uri)
    fields = [t for t in tables(html).values() if t[0].cells == head]
    assert len(fields) == 14, "one table per event type"
    rows = [r for t in fields for r in t[1:]]
    assert all(r.cells[3] for r in rows), [r.cells for r in rows if not r.cells[3]][:5]
    assert "``" not in html and "<code>INC-054</code>" in html


def test_japanese_events_page_is_in_japanese(site: Build) -> None:
    html = site.page("engineers/events")
    assert re.search(r'<html lang="ja"', html) and "英語のみ" not in html and "sla-english-only" not in html
    reported = tables(html)
    cells = {r.cells[0]: r.cells for t in reported.values() for r in t[1:] if r.cells and r.cells[0] == "priority"}
    assert cells["priority"][2] == "はい"
    assert "ポリシーが宣言する優先度（P1）。応答目標を決める" in html.replace("<code>", "").replace("</code>", "")
    assert "UTC offset" not in html  # (the English note of ``at``)

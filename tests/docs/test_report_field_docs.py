"""Every field of every report model has a description, and the engineers' report page shows each one."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from sla_dsl.docs import schema
from sla_dsl.docs.fielddocs import field_docs, models_under
from sla_dsl.i18n.field_notes_report import REPORT_NOTES
from sla_dsl.report import Report

from .conftest import Build
from .htmltables import tables

#: The head of a field table on the Japanese pages.
HEAD_JA = ["フィールド", "型", "必須", "説明"]


def undocumented(roots: list[type[BaseModel]]) -> list[str]:
    """``Model.field`` for each field of a model reachable from ``roots`` that has neither a field doc
    (``#:`` comment or string) nor ``Field(description=...)``; fields left out of the JSON included."""
    missing: list[str] = []
    for name, cls in sorted(models_under(roots).items()):
        docs = field_docs(cls)
        missing += [
            f"{name}.{field}"
            for field, info in cls.model_fields.items()
            if not (docs.get(field) or "").strip() and not (info.description or "").strip()
        ]
    return missing


class _Leaf(BaseModel):
    #: documented
    a: int
    b: int


class _Root(BaseModel):
    """A root that reaches ``_Leaf`` through a list."""

    #: the leaves
    leaves: list[_Leaf]


def test_the_check_finds_a_field_without_a_description_however_deep() -> None:
    assert undocumented([_Root]) == ["_Leaf.b"]


def test_every_report_field_is_described() -> None:
    models = models_under([Report])
    assert {"Report", "IncidentRow", "TargetRow", "Step", "Period", "CreditRow"} <= set(models)
    assert undocumented([Report]) == []


def _props(definition: dict[str, object]) -> dict[str, dict[str, object]]:
    props = definition.get("properties", {})
    assert isinstance(props, dict)
    return props


def test_the_report_schema_describes_every_property() -> None:
    s = schema.report_schema()
    missing = [f"Report.{p}" for p, v in _props(s).items() if not v.get("description")]
    missing += [
        f"{name}.{p}" for name, d in s["$defs"].items() for p, v in _props(d).items() if not v.get("description")
    ]
    assert missing == []
    desc = s["$defs"]["IncidentRow"]["properties"]["status"]["description"]
    assert all(f"``{status}``" in desc for status in ("met", "breached", "open", "at_risk", "excluded"))
    assert "time zone" in s["$defs"]["IncidentRow"]["properties"]["clock_start"]["description"]
    assert "null" in s["$defs"]["OutageRow"]["properties"]["end"]["description"]


def test_every_table_of_the_report_reference_has_descriptions() -> None:
    """The Markdown the site shows: the table of ``Period`` (written by a custom serializer) too."""
    md = schema.report_markdown("report.schema.json")
    found = tables(md)
    fields = [t for t in found.values() if t and t[0].cells == ["Field", "Type", "Required", "Description"]]
    assert len(fields) == 1 + len(schema.report_schema()["$defs"])
    empty = [r.cells[0] for t in fields for r in t[1:] if not r.cells[3].strip()]
    assert empty == []
    period = md[md.index("### Period") :]
    assert re.search(r"<code>start</code>.*written as <code>from</code>", period)


@pytest.mark.parametrize(
    ("uri", "head"),
    [("en/engineers/reports", ["Field", "Type", "Required", "Description"]), ("engineers/reports", HEAD_JA)],
)
def test_reports_page_has_descriptions(site: Build, uri: str, head: list[str]) -> None:
    """The English page under en/, the Japanese one at the root: the same tables, each in its language."""
    html = site.page(uri)
    fields = [t for t in tables(html).values() if t and t[0].cells == head]
    assert len(fields) >= 17, "one table per report object"
    rows = [r for t in fields for r in t[1:]]
    assert all(r.cells[3] for r in rows), [r.cells for r in rows if not r.cells[3]][:5]
    assert "``" not in html


def test_japanese_reports_page_is_in_japanese(site: Build) -> None:
    html = site.page("engineers/reports")
    assert re.search(r'<html lang="ja"', html) and "英語のみ" not in html and "sla-english-only" not in html
    assert re.search(r'<h3 id="incidentrow">案件の判定（<code>IncidentRow</code>）', html)
    english = schema.report_schema()["$defs"]["IncidentRow"]["properties"]["status"]["description"]
    assert re.sub(r"``(.+?)``", r"<code>\1</code>", REPORT_NOTES[english]) in html  # its note, in Japanese
    assert "responded at or before" in english and "responded at or before" not in html  # (not its English)
    assert "Written by a custom serializer" not in html and "独自のシリアライザーで書き出すため" in html

"""The columnar page's schemas are the code's: generated from the models, checked here."""

from __future__ import annotations

from pathlib import Path

from sla_dsl.docs.columnar import blocks, rewrite
from sla_dsl.events.schema import EVENT_CLASSES
from sla_dsl.events.table_schema import COLUMNS, arrow_schema, json_schema

PAGE = Path(__file__).resolve().parents[2] / "docs" / "engineers" / "columnar.md"


def test_page_holds_the_generated_schemas() -> None:
    text = PAGE.read_text("utf-8")
    for name in blocks():
        assert f"<!-- generated: {name} -->" in text and f"<!-- end: {name} -->" in text
    assert rewrite(text) == text, (
        "docs/engineers/columnar.md is out of date: python -m sla_dsl.docs.columnar docs/engineers/columnar.md"
    )


def test_arrow_and_json_schemas_have_the_same_columns_as_the_models() -> None:
    fields = {f for cls in EVENT_CLASSES.values() for f in cls.model_fields}
    assert {c.name for c in COLUMNS} == fields
    assert arrow_schema().names == [c.name for c in COLUMNS] == list(json_schema()["properties"])
    assert json_schema()["required"] == ["event", "at", "id"]
    assert [f.name for f in arrow_schema() if not f.nullable] == ["event", "at", "id"]
    assert json_schema()["properties"]["event"]["enum"] == list(EVENT_CLASSES)

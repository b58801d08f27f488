"""The columnar page's schemas are the code's: generated from the models, checked here, on the page in
each language (``docs/engineers/columnar.ja.md`` and ``.en.md``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.docs.columnar import blocks, page_lang, rewrite
from sla_dsl.events.schema import EVENT_CLASSES
from sla_dsl.events.table_schema import COLUMNS, arrow_schema, json_schema

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "docs" / "engineers" / f"columnar.{lang}.md" for lang in ("ja", "en")]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_holds_the_generated_schemas(page: Path) -> None:
    text = page.read_text("utf-8")
    lang = page_lang(page)
    for name in blocks(lang):
        assert f"<!-- generated: {name} -->" in text and f"<!-- end: {name} -->" in text
    where = page.relative_to(ROOT).as_posix()
    assert rewrite(text, lang) == text, f"{where} is out of date: python -m sla_dsl.docs.columnar {where}"


def test_each_language_has_its_words_and_the_same_code() -> None:
    """The tables are in the page's language; the Arrow schema and the JSON Schema (code) are the same."""
    ja, en = blocks("ja"), blocks("en")
    assert page_lang(PAGES[0]) == "ja" and page_lang(PAGES[1]) == "en"

    def code(body: str) -> list[str]:
        return re.findall(r"^```.*?^```$", body, re.S | re.M)

    assert len(code(en["event-schema"])) == 2
    assert code(ja["event-schema"]) == code(en["event-schema"])
    assert "| column | kind | in |" in en["event-schema"] and "| column | type | null |" in en["report-tables"]
    for body in ja.values():
        words = re.sub(r"`[^`]*`", "", re.sub(r"^```.*?^```$", "", body, flags=re.S | re.M))
        assert not re.search(r"[A-Za-z]{3,} [A-Za-z]", words), words
    assert "（任意）" in ja["event-schema"] and "すべてのイベント" in ja["event-schema"]


def test_arrow_and_json_schemas_have_the_same_columns_as_the_models() -> None:
    fields = {f for cls in EVENT_CLASSES.values() for f in cls.model_fields}
    assert {c.name for c in COLUMNS} == fields
    assert arrow_schema().names == [c.name for c in COLUMNS] == list(json_schema()["properties"])
    assert json_schema()["required"] == ["event", "at", "id"]
    assert [f.name for f in arrow_schema() if not f.nullable] == ["event", "at", "id"]
    assert json_schema()["properties"]["event"]["enum"] == list(EVENT_CLASSES)

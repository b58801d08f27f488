"""The generated parts of the columnar page (``docs/engineers/columnar.{ja,en}.md``): schemas written from the code.

Design notes
------------
* The event schemas (Arrow and JSON Schema) come from :data:`sla_dsl.events.table_schema.COLUMNS`,
  itself derived from the event models; the report tables from
  :data:`sla_dsl.report.tables.SCHEMAS`. Each page holds each block between
  ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->``; a test checks each page
  against :func:`blocks` in its language, and
  ``python -m sla_dsl.docs.columnar docs/engineers/columnar.ja.md`` (or ``.en.md``)
  rewrites the blocks in place after the models change (the language from the page's suffix).
* The tables' words are the catalogue's (``site.columnar.*``, :mod:`sla_dsl.i18n.site_columnar`);
  the Arrow schema and the JSON Schema are code blocks, the same in every language (the two pages'
  code blocks are compared byte for byte), and column names, types and event names are code.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..events.table_schema import COLUMNS, arrow_schema, json_schema
from ..i18n import Lang, message
from ..report.tables import SCHEMAS, table_schema

__all__ = ["blocks", "page_lang", "rewrite"]


def _head(lang: Lang, *keys: str) -> list[str]:
    """A table's head row and its rule, the columns named by catalogue ``keys``."""
    return [
        "| " + " | ".join(message(f"site.columnar.{k}", lang) for k in keys) + " |",
        "|" + "---|" * len(keys),
    ]


def _event_schema(lang: Lang) -> str:
    arrow = arrow_schema("UTC").to_string(show_schema_metadata=False)
    rows = _head(lang, "column", "kind", "in")
    for c in COLUMNS:
        used = (
            message("site.columnar.every", lang)
            if c.required
            else message("site.columnar.sep", lang).join(
                f"`{t}`" if req else message("site.columnar.optional", lang, type=f"`{t}`") for t, req in c.types
            )
        )
        rows.append(f"| `{c.name}` | {message(f'site.columnar.kind.{c.kind}', lang)} | {used} |")
    return "\n".join(
        [
            *rows,
            "",
            message("site.columnar.arrow", lang, name="Arrow"),
            "",
            "```text",
            arrow,
            "```",
            "",
            message("site.columnar.json", lang, name="JSON"),
            "",
            "```json",
            json.dumps(json_schema(), indent=2, ensure_ascii=False),
            "```",
        ]
    )


def _type_name(t: Any) -> str:
    """An Arrow type as the page writes it: a list by its items' type (``list<string>``: pyarrow's own
    name, ``list<item: string>``, names the field that holds them, which no reader writes)."""
    import pyarrow as pa

    return f"list<{_type_name(t.value_type)}>" if pa.types.is_list(t) else str(t)


def _report_tables(lang: Lang) -> str:
    import pyarrow as pa

    yes, no = message("site.columnar.yes", lang), message("site.columnar.no", lang)
    out: list[str] = []
    lists: list[Any] = []
    for name in SCHEMAS:
        schema = table_schema(name, "Asia/Tokyo")
        out += [f"**`{name}.parquet`**", "", *_head(lang, "column", "type", "null")]
        out += [f"| `{f.name}` | `{_type_name(f.type)}` | {yes if f.nullable else no} |" for f in schema]
        out.append("")
        lists += [f.type for f in schema if pa.types.is_list(f.type)]
    if lists:  # what a reader of a file's schema sees instead (the name of the field the items are in)
        t = lists[0]
        out.append(
            message(
                "site.columnar.list",
                lang,
                written=f"`{_type_name(t)}`",
                parquet=f"`{pa.list_(pa.field('element', t.value_type))}`",
                arrow=f"`{t}`",
                name="pyarrow",
                format="Parquet",
            )
        )
    return "\n".join(out).rstrip()


def blocks(lang: Lang = "en") -> dict[str, str]:
    """The generated blocks of the page in ``lang``, by name."""
    return {"event-schema": _event_schema(lang), "report-tables": _report_tables(lang)}


def page_lang(page: Path) -> Lang:
    """The language of a page of the site by its name: ``x.ja.md`` Japanese, any other English."""
    return "ja" if page.name.endswith(".ja.md") else "en"


def _filled(body: str) -> Callable[[re.Match[str]], str]:
    def fill(m: re.Match[str]) -> str:
        return m.group(1) + body + "\n" + m.group(2)

    return fill


def rewrite(text: str, lang: Lang = "en") -> str:
    """``text`` (a page in ``lang``) with every generated block replaced by its current content."""
    for name, body in blocks(lang).items():
        pattern = re.compile(rf"(<!-- generated: {name} -->\n)(?:.*?\n)?(<!-- end: {name} -->)", re.S)
        text = pattern.sub(_filled(body), text)
    return text


if __name__ == "__main__":  # pragma: no cover
    page = Path(sys.argv[1])
    page.write_text(rewrite(page.read_text("utf-8"), page_lang(page)), "utf-8")

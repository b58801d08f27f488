"""The generated parts of the columnar page (``docs/engineers/columnar.md``): schemas written from the code.

Design notes
------------
* The event schemas (Arrow and JSON Schema) come from :data:`sla_dsl.events.table_schema.COLUMNS`,
  itself derived from the event models; the report tables from
  :data:`sla_dsl.report.tables.SCHEMAS`. The page holds each block between
  ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->``; a test checks the page
  against :func:`blocks`, and ``python -m sla_dsl.docs.columnar docs/engineers/columnar.md``
  rewrites the blocks in place after the models change.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from ..events.table_schema import COLUMNS, arrow_schema, json_schema
from ..report.tables import SCHEMAS, table_schema

__all__ = ["blocks", "rewrite"]


def _event_schema() -> str:
    arrow = arrow_schema("UTC").to_string(show_schema_metadata=False)
    rows = ["| column | kind | in |", "|---|---|---|"]
    for c in COLUMNS:
        used = (
            "every event" if c.required else ", ".join(f"`{t}`" + ("" if req else " (optional)") for t, req in c.types)
        )
        rows.append(f"| `{c.name}` | {c.kind} | {used} |")
    return "\n".join(
        [
            *rows,
            "",
            "Arrow schema (as the engine writes one; times in any zone are read):",
            "",
            "```text",
            arrow,
            "```",
            "",
            "JSON Schema of one row:",
            "",
            "```json",
            json.dumps(json_schema(), indent=2, ensure_ascii=False),
            "```",
        ]
    )


def _report_tables() -> str:
    out: list[str] = []
    for name in SCHEMAS:
        schema = table_schema(name, "Asia/Tokyo")
        out += [f"**`{name}.parquet`**", "", "| column | type | null |", "|---|---|---|"]
        out += [f"| `{f.name}` | `{f.type}` | {'yes' if f.nullable else 'no'} |" for f in schema]
        out.append("")
    return "\n".join(out).rstrip()


def blocks() -> dict[str, str]:
    """The generated blocks of the page, by name."""
    return {"event-schema": _event_schema(), "report-tables": _report_tables()}


def _filled(body: str) -> Callable[[re.Match[str]], str]:
    def fill(m: re.Match[str]) -> str:
        return m.group(1) + body + "\n" + m.group(2)

    return fill


def rewrite(text: str) -> str:
    """``text`` with every generated block replaced by its current content."""
    for name, body in blocks().items():
        pattern = re.compile(rf"(<!-- generated: {name} -->\n)(?:.*?\n)?(<!-- end: {name} -->)", re.S)
        text = pattern.sub(_filled(body), text)
    return text


if __name__ == "__main__":  # pragma: no cover
    page = Path(sys.argv[1])
    page.write_text(rewrite(page.read_text("utf-8")), "utf-8")

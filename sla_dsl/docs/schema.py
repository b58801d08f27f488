"""Reference pages for engineers, generated from the code at build time.

Design notes
------------
* The event schema is the JSON Schema of ``sla_dsl.events.EVENT_ADAPTER`` (the
  discriminated union of event models); the report schema is
  ``Report.model_json_schema(mode="serialization")``, i.e. what
  ``--format json`` writes. Both are written as downloadable ``.json`` files and
  summarised as tables (one per event type or report object), so the pages can
  never drift from the models.
* A report object whose serializer is custom (``Period`` writes ``from``/``to``)
  has no properties in the serialization schema; its table falls back to the
  validation schema, described the same way, and says so (each field's doc
  names the key it is written as).
* Field descriptions come from the models' own field docs (``#:`` comments
  or a string below the field), see :mod:`.fielddocs`.
* The command-line page is argparse's own help of every ``sla`` subcommand, at a
  fixed width of 78 columns so builds are reproducible and nothing is cut.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections.abc import Iterator
from typing import Any

from . import text as tx
from .fielddocs import describe, models_under

__all__ = ["cli_markdown", "events_markdown", "events_schema", "report_markdown", "report_schema"]


def events_schema() -> dict[str, Any]:
    """The JSON Schema of one event (a line of the JSON Lines log)."""
    from ..events.schema import EVENT_ADAPTER, BaseEvent

    schema: dict[str, Any] = EVENT_ADAPTER.json_schema()
    describe(schema, models_under([BaseEvent]))
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "sla-dsl event", **schema}
    return schema


def report_schema() -> dict[str, Any]:
    """The JSON Schema of the report that ``sla evaluate --format json`` writes."""
    from ..report import Report

    schema: dict[str, Any] = Report.model_json_schema(mode="serialization")
    describe(schema, models_under([Report]), Report)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def dumps(schema: dict[str, Any]) -> str:
    """A schema as stable, indented JSON text."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = str(prop["$ref"]).rsplit("/", 1)[-1]
        return f'<a href="#{name.lower()}">{tx.esc(name)}</a>'
    if "const" in prop:
        return f"<code>{tx.esc(json.dumps(prop['const']))}</code>"
    if "enum" in prop:
        return " | ".join(f"<code>{tx.esc(json.dumps(v))}</code>" for v in prop["enum"])
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    kind = str(prop.get("type", "any"))
    if kind == "array":
        return f"array of {_type(prop.get('items', {}))}"
    if "format" in prop:
        return f"{kind} ({tx.esc(str(prop['format']))})"
    return kind


def _rows(definition: dict[str, Any]) -> Iterator[str]:
    required = set(definition.get("required", ()))
    for name, prop in definition.get("properties", {}).items():
        req = "yes" if name in required else "no"
        desc = re.sub(r"``(.+?)``", r"<code>\1</code>", tx.esc(str(prop.get("description", ""))))
        yield f"<tr><td><code>{tx.esc(name)}</code></td><td>{_type(prop)}</td><td>{req}</td><td>{desc}</td></tr>"


def _table(definition: dict[str, Any]) -> str:
    body = "\n".join(_rows(definition))
    return (
        "<table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr>"
        f"</thead><tbody>\n{body}\n</tbody></table>\n"
    )


def events_markdown(json_url: str) -> str:
    """Markdown for the event reference: one table per event type, and the schema file."""
    schema = events_schema()
    out = [f"The full schema: [`events.schema.json`]({json_url}) (JSON Schema 2020-12, one event per line).\n"]
    defs = schema["$defs"]
    for name in schema["discriminator"]["mapping"]:
        ref = schema["discriminator"]["mapping"][name].rsplit("/", 1)[-1]
        d = defs[ref]
        out.append(f"### `{name}` {{#{name.replace('.', '-').replace('_', '-')}}}\n")
        out.append(f"{d.get('description', '')}\n")
        out.append(_table(d))
    return "\n".join(out)


def report_markdown(json_url: str) -> str:
    """Markdown for the report reference: the top-level keys, then one table per object."""
    from ..report import Report

    schema = report_schema()
    validation = Report.model_json_schema()
    describe(validation, models_under([Report]), Report)  # the tables of custom-serialized objects read it
    out = [f"The full schema: [`report.schema.json`]({json_url}) (JSON Schema 2020-12).\n"]
    out.append("### Report {#report}\n")
    out.append(f"{schema.get('description', '')}\n")
    out.append(_table(schema))
    for name, d in schema.get("$defs", {}).items():
        out.append(f"### {name} {{#{name.lower()}}}\n")
        if "properties" not in d:
            d = validation["$defs"].get(name, d)
            out.append(
                f"{d.get('description', '')} Written by a custom serializer: the JSON keys may differ "
                "from the field names below (see the model).\n"
            )
        else:
            out.append(f"{d.get('description', '')}\n")
        out.append(_table(d))
    return "\n".join(out)


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def cli_markdown(lang: str = "en") -> str:
    """Markdown with ``sla --help`` and the help of every subcommand, in ``lang`` (the page's)."""
    from ..cli.app import build_parser

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "78"  # fits the page's code block at desktop width, no sideways scrolling
    try:
        parser = build_parser(lang=lang)
        out = ["### `sla` {#sla}\n", "```text", parser.format_help().rstrip(), "```\n"]
        for name, sub in _subparsers(parser).items():
            out += [f"### `sla {name}` {{#sla-{name}}}\n", "```text", sub.format_help().rstrip(), "```\n"]
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return "\n".join(out)

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
* The tables are written in the page's language (``events.ja.md`` and
  ``events.en.md`` each get their own): the words around them come from the
  catalogue (``site.schema.*``), each description's Japanese from a note keyed
  by its English (:mod:`.field_notes`), and a report object's heading is a
  Japanese title with the model's name in code. JSON Schema's words (``string``,
  ``date-time``) and the models' names stay as they are, as code on the
  Japanese page. The ``.json`` files stay English: they are the contract.
* The command-line page is argparse's own help of every ``sla`` subcommand, at a
  fixed width of 78 columns so builds are reproducible and nothing is cut.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import CATALOGUE, message
from . import text as tx
from .field_notes import MissingNote, descriptions, note
from .fielddocs import describe, models_under

__all__ = [
    "cli_markdown",
    "events_descriptions",
    "events_markdown",
    "events_schema",
    "report_descriptions",
    "report_markdown",
    "report_schema",
]


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


#: What the schema files follow (a name, the same in every language).
_STANDARD = "JSON Schema 2020-12"
_EVENT_NOTES_MODULE = "sla_dsl/i18n/field_notes_events.py"
_REPORT_NOTES_MODULE = "sla_dsl/i18n/field_notes_report.py"


def _code(text: str, lang: str) -> str:
    """A word of JSON Schema's or a model's name: as code on the Japanese page, as it is on the English one."""
    return f"<code>{tx.esc(text)}</code>" if lang == "ja" else tx.esc(text)


def _type(prop: dict[str, Any], lang: str) -> str:
    if "$ref" in prop:
        name = str(prop["$ref"]).rsplit("/", 1)[-1]
        return f'<a href="#{name.lower()}">{_code(name, lang)}</a>'
    if "const" in prop:
        return f"<code>{tx.esc(json.dumps(prop['const']))}</code>"
    if "enum" in prop:
        return " | ".join(f"<code>{tx.esc(json.dumps(v))}</code>" for v in prop["enum"])
    if "anyOf" in prop:
        return message("site.schema.or", lang).join(_type(p, lang) for p in prop["anyOf"])
    kind = str(prop.get("type", "any"))
    if kind == "array":
        return message("site.schema.array_of", lang, type=_type(prop.get("items", {}), lang))
    if "format" in prop:
        return message("site.schema.format", lang, type=_code(kind, lang), format=_code(str(prop["format"]), lang))
    return _code(kind, lang)


@dataclass(frozen=True)
class _Notes:
    """The page's language and, for Japanese, the notes its descriptions are read from (:mod:`.field_notes`)."""

    lang: str
    notes: Mapping[str, str]
    module: str

    def say(self, text: str, where: str) -> str:
        return note(text, self.lang, self.notes, where, self.module)


def _rows(definition: dict[str, Any], model: str, words: _Notes) -> Iterator[str]:
    lang = words.lang
    required = set(definition.get("required", ()))
    for name, prop in definition.get("properties", {}).items():
        req = message("site.schema.yes" if name in required else "site.schema.no", lang)
        text = words.say(str(prop.get("description", "")), f"{model}.{name}")
        desc = re.sub(r"``(.+?)``", r"<code>\1</code>", tx.esc(text))
        name_cell = f'<th scope="row"><code>{tx.esc(name)}</code></th>'
        yield f"<tr>{name_cell}<td>{_type(prop, lang)}</td><td>{req}</td><td>{desc}</td></tr>"


def _table(definition: dict[str, Any], model: str, words: _Notes) -> str:
    body = "\n".join(_rows(definition, model, words))
    head = "".join(
        f"<th>{tx.esc(message(f'site.schema.{key}', words.lang))}</th>"
        for key in ("field", "type", "required", "description")
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>\n"


def _event_tables() -> list[tuple[str, str, dict[str, Any]]]:
    """``(event type, model name, its JSON Schema)`` of every event type, as the events page lists them."""
    schema = events_schema()
    mapping = schema["discriminator"]["mapping"]
    return [(name, ref, schema["$defs"][ref]) for name in mapping for ref in [mapping[name].rsplit("/", 1)[-1]]]


def _report_tables() -> list[tuple[str, dict[str, Any], bool]]:
    """``(model name, its JSON Schema, custom)`` of every table of the reports page: the report, then each
    object. An object written by a custom serializer (``custom``) has no properties in the serialization
    schema: its table is of its validation schema, described the same way."""
    from ..report import Report

    schema = report_schema()
    validation = Report.model_json_schema()
    describe(validation, models_under([Report]), Report)  # the tables of custom-serialized objects read it
    out: list[tuple[str, dict[str, Any], bool]] = [("Report", schema, False)]
    for name, d in schema.get("$defs", {}).items():
        if "properties" not in d:
            out.append((name, validation["$defs"].get(name, d), True))
        else:
            out.append((name, d, False))
    return out


def events_descriptions() -> list[tuple[str, str]]:
    """``(where, text)`` of every description the events page shows (each needs a Japanese note)."""
    return list(descriptions((model, d) for _, model, d in _event_tables()))


def report_descriptions() -> list[tuple[str, str]]:
    """``(where, text)`` of every description the reports page shows (each needs a Japanese note): those of
    :func:`report_schema`, and those of the validation schema of an object written by a custom serializer."""
    return list(descriptions((name, d) for name, d, _ in _report_tables()))


def events_markdown(json_url: str, lang: str = "en") -> str:
    """Markdown for the event reference in ``lang`` (the page's): one table per event type, and the schema file.

    In Japanese, each description is its note (:mod:`.field_notes`); :class:`.field_notes.MissingNote` when
    one is missing."""
    from ..i18n.field_notes_events import EVENT_NOTES

    words = _Notes(lang, EVENT_NOTES, _EVENT_NOTES_MODULE)
    link = f"[`events.schema.json`]({json_url})"
    out = [message("site.schema.events_file", lang, link=link, standard=_STANDARD) + "\n"]
    for name, model, d in _event_tables():
        out.append(f"### `{name}` {{#{name.replace('.', '-').replace('_', '-')}}}\n")
        out.append(f"{words.say(d.get('description', ''), model)}\n")
        out.append(_table(d, model, words))
    return "\n".join(out)


def _model_title(name: str, lang: str) -> str:
    """A report object's heading: its name in English; in Japanese a title in words, with the name in code."""
    if lang != "ja":
        return name
    key = f"site.schema.model.{name}"
    if key not in CATALOGUE:
        raise MissingNote(
            f"no Japanese title for the report object `{name}`: add `{key}` to sla_dsl/i18n/site_schema.py"
        )
    return message(key, lang, name=name)


def report_markdown(json_url: str, lang: str = "en") -> str:
    """Markdown for the report reference in ``lang`` (the page's): the top-level keys, then one table per object.

    In Japanese, each description is its note (:mod:`.field_notes`) and each object's heading a title in
    words; :class:`.field_notes.MissingNote` when one is missing."""
    from ..i18n.field_notes_report import REPORT_NOTES

    words = _Notes(lang, REPORT_NOTES, _REPORT_NOTES_MODULE)
    link = f"[`report.schema.json`]({json_url})"
    out = [message("site.schema.report_file", lang, link=link, standard=_STANDARD) + "\n"]
    for name, d, custom in _report_tables():
        out.append(f"### {_model_title(name, lang)} {{#{name.lower()}}}\n")
        description = words.say(d.get("description", ""), name)
        if custom:
            out.append(message("site.schema.custom_serializer", lang, description=description) + "\n")
        else:
            out.append(f"{description}\n")
        out.append(_table(d, name, words))
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

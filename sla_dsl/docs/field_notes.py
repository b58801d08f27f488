"""The descriptions of the generated schema tables in the page's language.

Design notes
------------
* A description is a model's own doc, in English (:mod:`.fielddocs`). Its Japanese is a note keyed by that
  English text, gettext-style: :data:`sla_dsl.i18n.field_notes_events.EVENT_NOTES` for the events page,
  :data:`sla_dsl.i18n.field_notes_report.REPORT_NOTES` for the reports page. The English page shows the
  description itself and needs no note.
* A doc edited in the code is a new key. Until its note is written, the Japanese page is not built:
  :func:`note` raises :class:`MissingNote`, naming the model and field and the file to write the note in
  (the plugin stops the build with it), so a Japanese page never shows a meaning the code no longer has
  nor an English sentence. A test lists every missing note and every note no description uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

__all__ = ["MissingNote", "descriptions", "note"]


class MissingNote(LookupError):
    """A description with no Japanese note (or a model with no Japanese title): the page cannot be written."""


def note(text: str, lang: str, notes: Mapping[str, str], where: str, module: str) -> str:
    """``text`` (a description in English) in ``lang``: itself in English, its note from ``notes`` in Japanese.

    ``where`` names the model and field (``IncidentReported.priority``) and ``module`` the notes' module, for
    the error when the note is missing."""
    if lang != "ja" or not text:
        return text
    found = notes.get(text)
    if found is None:
        raise MissingNote(f"no Japanese note for the description of `{where}` in {module}: {text!r}")
    return found


def descriptions(tables: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, str]]:
    """``(where, text)`` of every description of ``tables`` (``(model name, its JSON Schema)``): the model's
    own (``where`` is its name), then each property's (``Model.field``)."""
    for name, definition in tables:
        if definition.get("description"):
            yield name, str(definition["description"])
        for prop, value in definition.get("properties", {}).items():
            if isinstance(value, dict) and value.get("description"):
                yield f"{name}.{prop}", str(value["description"])

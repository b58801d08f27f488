"""A ``data`` violation in words, from its :class:`~sla_dsl.report.DataNote`.

One wording in every language of the catalogue (``report.data.*``): the engine's
English of the violation's ``message`` (written by ``Ctx.bad_data`` as it finds the
contradiction) and the report's words in its language (``violation_text``), so a
Japanese report never quotes the engine's English.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

from ..i18n import message
from . import DataNote


def note_text(
    note: DataNote,
    ident: str,
    lang: str,
    time: Callable[[dt.datetime], str],
    kind: Callable[[str], str],
    event: Callable[[str], str],
) -> str:
    """The note in ``lang``: times written by ``time``, backup kinds by ``kind``, event types by
    ``event``; with where the event is when it has a line."""

    def shown(value: str | None) -> str:
        # (Japanese sets a code span off by a space, not a word: the catalogue's ``は{other}``)
        if value is None:
            return message("report.data.none", lang)
        return f" `{value}`" if lang == "ja" else f"`{value}`"

    sep = "、" if lang == "ja" else ", "
    diff = sep.join(
        message("report.data.diff", lang, name=d.name, value=shown(d.value), other=shown(d.other)) for d in note.diff
    )
    label = note.clock_label.get(lang)
    clock = ("「{}」" if lang == "ja" else "“{}”").format(label) if label else f"`{note.clock}`"
    by = (
        message("report.data.completed_by", lang, event=event(note.completed_by))
        if note.completed_by
        else message("report.data.completed_by_silence", lang)
    )
    text = message(
        f"report.data.{note.what}",
        lang,
        id=ident,
        event=event(note.event) if note.event else "",
        first=event(note.first) if note.first else "",
        line=str(note.line),
        other_line=str(note.other_line),
        kind=kind(note.kind) if note.kind else "",
        other_kind=kind(note.other_kind) if note.other_kind else "",
        priority=note.priority,
        version=note.version,
        attribute=note.attribute,
        value=note.value,
        start=time(note.start) if note.start is not None else "",
        end=time(note.end) if note.end is not None else "",
        diff=diff,
        clock=clock,
        completed=time(note.completed) if note.completed is not None else "",
        by=by,
        fields=message("report.data.fields_and", lang).join(
            message(f"report.data.field.{f}", lang) for f in note.fields
        ),
    )
    if note.known_id:  # (an unknown id that is a known one in another Unicode form: :mod:`sla_dsl.evaluation.id_forms`)
        text = message(
            _other_form(ident, note.known_id, note.other_line),
            lang,
            text=text,
            id=ident,
            known=note.known_id,
            line=str(note.other_line),
        )
    where = note.where.get(lang)
    return message("report.data.at", lang, where=where, text=text) if where else text


def _other_form(ident: str, known: str, line: int) -> str:
    """The key of the words saying that ``ident`` is ``known`` in another Unicode form: composed or
    decomposed characters (equal in NFC), or other widths and compatibility forms (equal in NFKC only);
    with the line that opens ``known``, or without (0: the events have no lines)."""
    form = "composed" if unicodedata.normalize("NFC", ident) == unicodedata.normalize("NFC", known) else "width"
    return f"report.data.other_form.{form}" + ("" if line else ".unlined")

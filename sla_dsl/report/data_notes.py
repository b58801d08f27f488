"""A ``data`` violation in words, from its :class:`~sla_dsl.report.DataNote`.

One wording in every language of the catalogue (``report.data.*``): the engine's
English of the violation's ``message`` (written by ``Ctx.bad_data`` as it finds the
contradiction) and the report's words in its language (``violation_text``), so a
Japanese report never quotes the engine's English.

The lines a note cites (two contradicting events, the event that opens an id
written in another Unicode form) are named as the log names its events
(:func:`line_names`): a text log's line; a table's row in its own file, with
the file when it is another file of the directory than the one the note is at
(``row 2 of b.parquet``), never the number of the row among all the files'.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..events.problems import RowSource
from ..i18n import CATALOGUE, message
from . import DataNote

#: the event types a note names by what it is about rather than by its event (``event``, ``first``): the
#: one missing before an unknown id's event, the two of an outage that ended before it started
_NAMED: dict[str, tuple[str, str]] = {
    "unknown_incident": ("", "incident.reported"),
    "unknown_outage": ("", "outage.started"),
    "unknown_backup": ("backup.deleted", "backup.completed"),
    "ended_before_started": ("outage.ended", "outage.started"),
}


class Labels(NamedTuple):
    """The policy's words for a note on a customer's page: an event type (a declared type's label, a
    contract type's words: ``site.event.*``), an attribute and a value of it (their labels) and a backup
    kind (its label); None: none, the name shown as the log or the policy wrote it, quoted as data."""

    event: Callable[[str], str | None]
    attribute: Callable[[str], str | None]
    value: Callable[[str, str], str | None]
    kind: Callable[[str], str | None]


def note_text(
    note: DataNote,
    ident: str,
    lang: str,
    time: Callable[[dt.datetime], str],
    kind: Callable[[str], str],
    event: Callable[[str], str],
    labels: Labels | None = None,
) -> str:
    """The note in ``lang``: times written by ``time``, backup kinds by ``kind``, event types by
    ``event``; with where the event is when it has a line. With ``labels`` (a customer's page, ``sla
    serve``'s answers) every note is in the reader's words (``report.data.labelled.*``): event types,
    attributes, values and backup kinds by the policy's labels or the contract's words, the ids and the
    log's values quoted as data (「M-1」, “M-1”), the fields in words, no keyword of the policy language
    and no backtick (HTML has no code markup: it would print them)."""
    if labels is not None:
        text = _labelled(note, ident, lang, time, labels)
        where = note.where.get(lang)
        return message("report.data.at", lang, where=where, text=text) if where else text

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
        line=_named(note, lang, 0),
        other_line=_named(note, lang, 1),
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
            line=_named(note, lang, 1),
        )
    where = note.where.get(lang)
    return message("report.data.at", lang, where=where, text=text) if where else text


def _quoted(text: str, lang: str) -> str:
    return f"「{text}」" if lang == "ja" else f"“{text}”"


def _labelled(note: DataNote, ident: str, lang: str, time: Callable[[dt.datetime], str], labels: Labels) -> str:
    """A note in the reader's words (:func:`note_text` with ``labels``)."""

    def quoted(text: str) -> str:
        return _quoted(text, lang)

    def event(name: str) -> str:
        return (labels.event(name) or quoted(name)) if name else ""

    def kind(name: str) -> str:
        return (labels.kind(name) or quoted(name)) if name else ""

    def shown(value: str | None) -> str:
        return message("report.data.none", lang) if value is None else quoted(value)

    def field(name: str) -> str:
        key = f"report.data.labelled.field.{name}"
        return message(key, lang) if key in CATALOGUE else quoted(name)

    name, value = note.attribute, note.value
    attribute = labels.attribute(name) if name else None
    said = labels.value(name, value) if attribute is not None else None
    named, first = _NAMED.get(note.what, ("", ""))
    sep = "、" if lang == "ja" else ", "
    diff = sep.join(
        message("report.data.labelled.diff", lang, name=field(d.name), value=shown(d.value), other=shown(d.other))
        for d in note.diff
    )
    label = note.clock_label.get(lang)
    by = (
        message("report.data.completed_by", lang, event=event(note.completed_by))
        if note.completed_by
        else message("report.data.completed_by_silence", lang)
    )
    text = message(
        f"report.data.labelled.{note.what}",
        lang,
        id=quoted(ident),
        event=event(note.event or named),
        first=event(note.first or first),
        line=_named(note, lang, 0),
        other_line=_named(note, lang, 1),
        kind=kind(note.kind),
        other_kind=kind(note.other_kind),
        priority=quoted(note.priority),
        version=note.version,
        attribute=attribute if attribute is not None else quoted(name),
        value=said if said is not None else quoted(value),
        start=time(note.start) if note.start is not None else "",
        end=time(note.end) if note.end is not None else "",
        diff=diff,
        clock=quoted(label or note.clock),
        completed=time(note.completed) if note.completed is not None else "",
        by=by,
        fields=message("report.data.fields_and", lang).join(field(f) for f in note.fields),
    )
    if not note.known_id:
        return text
    key = _other_form(ident, note.known_id, note.other_line).replace("report.data.", "report.data.labelled.", 1)
    return message(key, lang, text=text, id=quoted(ident), known=quoted(note.known_id), line=_named(note, lang, 1))


def _other_form(ident: str, known: str, line: int) -> str:
    """The key of the words saying that ``ident`` is ``known`` in another Unicode form: composed or
    decomposed characters (equal in NFC), or other widths and compatibility forms (equal in NFKC only);
    with the line that opens ``known``, or without (0: the events have no lines)."""
    form = "composed" if unicodedata.normalize("NFC", ident) == unicodedata.normalize("NFC", known) else "width"
    return f"report.data.other_form.{form}" + ("" if line else ".unlined")


def _named(note: DataNote, lang: str, which: int) -> str:
    """How the note names its ``line`` (``which`` 0) or ``other_line`` (1) in ``lang``: as
    :func:`line_names` named it where the note was made, else as a line of the log."""
    named = note.lines.get(lang)
    if named is not None and len(named) > which:
        return named[which]
    return message("report.data.line", lang, n=(note.line, note.other_line)[which])


def line_names(source: str, at: int, lines: Sequence[int], lang: str) -> list[str]:
    """How a note at line ``at`` of the log ``source`` names each of ``lines`` in ``lang``: a text log's
    line (``line 12``); a table's row (:class:`~sla_dsl.events.problems.RowSource`), counted in its
    file in a directory of files (``row 2``, and ``row 3 of b.parquet`` when it is in another file than
    ``at``, which the note's place names), as the log's problems name them."""
    if not isinstance(source, RowSource):
        return [message("report.data.line", lang, n=n) for n in lines]
    firsts = [first for first, _ in source.parts]

    def file_of(n: int) -> tuple[str | None, int]:
        k = bisect_right(firsts, n) - 1
        if not n or k < 0:
            return None, n
        first, name = source.parts[k]
        return name, n - first + 1

    here, _ = file_of(at)
    out = []
    for n in lines:
        name, row = file_of(n)
        if name is None or name == here:
            out.append(message("report.data.row", lang, n=row))
        else:
            out.append(message("report.data.row_of", lang, n=row, file=name))
    return out

"""``sla lsp``: a Language Server Protocol server for ``.sla`` files, over stdio (pygls).

Design notes
------------
* Every open document is compiled on open and on each change with
  :func:`~sla_dsl.policy.compile_text`; its diagnostics are published at
  once. Our spans are 1-based with columns counted in characters; LSP wants
  0-based lines and columns in UTF-16 code units, so columns are converted
  through the line's text (a character outside the BMP counts two).
* The last model that compiled without errors is kept per document, so hover
  and go-to-definition keep working while the text is briefly broken.
* Hover on a duration says what it means on the policy's own calendar, with a
  worked example computed by :class:`~sla_dsl.policy.Policy` (``4 business
  hours: from Fri 16:00 due Mon 12:00``); hover on a calendar name summarises
  the calendar. Go-to-definition jumps from a name (calendar, priority,
  service, ...) to its declaration. Formatting is :func:`sla_dsl.authoring.fmt.format_text`
  as one whole-document edit. Completion offers the language's keywords, the
  document's declared names and the event types.
* pygls is imported only here, when ``sla lsp`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from lsprotocol import types as t
from pydantic import BaseModel
from pygls.lsp.server import LanguageServer

from .._version import __version__
from ..lang import model as m
from ..lang.diagnostics import Diagnostic
from ..policy.load import compile_text

WORD = re.compile(r"[A-Za-z0-9_.]+")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# ---- positions -------------------------------------------------------------------------------


def utf16_column(line_text: str, column: int) -> int:
    """A 0-based character column as a 0-based UTF-16 column."""
    head = line_text[: max(0, column)]
    return column + sum(1 for ch in head if ord(ch) > 0xFFFF)


def char_column(line_text: str, utf16: int) -> int:
    """A 0-based UTF-16 column as a 0-based character column."""
    units = 0
    for i, ch in enumerate(line_text):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line_text)


def to_range(lines: list[str], span: m.Span) -> t.Range:
    """Our 1-based, end-exclusive span as an LSP range."""

    def pos(line: int, column: int) -> t.Position:
        idx = max(0, line - 1)
        text = lines[idx] if idx < len(lines) else ""
        return t.Position(line=idx, character=utf16_column(text, max(0, column - 1)))

    start = pos(span.line, span.column)
    end = pos(span.end_line, span.end_column)
    if (end.line, end.character) <= (start.line, start.character):
        end = t.Position(line=start.line, character=start.character + 1)
    return t.Range(start=start, end=end)


def to_lsp_diagnostic(lines: list[str], d: Diagnostic) -> t.Diagnostic:
    """One of our diagnostics as an LSP diagnostic."""
    severity = t.DiagnosticSeverity.Error if d.is_error else t.DiagnosticSeverity.Warning
    message = d.message + (f"\nhelp: {d.help}" if d.help else "")
    return t.Diagnostic(range=to_range(lines, d.span), message=message, severity=severity, code=d.code, source="sla")


# ---- documents ---------------------------------------------------------------------------------


class Documents:
    """The last good model of each open document."""

    def __init__(self) -> None:
        self.models: dict[str, m.PolicyModel] = {}

    def check(self, uri: str, text: str) -> list[t.Diagnostic]:
        """Compile ``text``; remember its model if it is clean; return LSP diagnostics."""
        compiled = compile_text(text, uri)
        if compiled.model is not None and not compiled.errors:
            self.models[uri] = compiled.model
        lines = text.split("\n")
        return [to_lsp_diagnostic(lines, d) for d in compiled.diagnostics]


def _nodes(node: Any) -> Iterator[m.Node]:
    """Every model node inside ``node``, depth first."""
    if isinstance(node, m.Node):
        yield node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _nodes(getattr(node, name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from _nodes(item)


def _contains(span: m.Span, line: int, column: int) -> bool:
    """Whether the 1-based (line, column) lies in ``span``."""
    if span == m.NO_SPAN:
        return False
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)


def word_at(text: str, line: int, character: int) -> tuple[str, int] | None:
    """The name under a 0-based LSP position and its 0-based character column."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    src = lines[line]
    col = char_column(src, character)
    for match in WORD.finditer(src):
        if match.start() <= col <= match.end():
            return match.group(), match.start()
    return None


def declarations(pm: m.PolicyModel) -> dict[str, m.Node]:
    """Declared names (calendars, priorities, services, ...) and their nodes."""
    out: dict[str, m.Node] = {}
    for group in (pm.calendars, pm.services, pm.maintenance, pm.clocks, pm.notifications):
        for node in group:
            out.setdefault(node.name, node)
    for p in pm.priorities:
        out.setdefault(p.id, p)
    for b in pm.backups:
        out.setdefault(b.kind, b)
    for e in pm.exclusions:
        out.setdefault(e.cause, e)
    return out


# ---- hover -------------------------------------------------------------------------------------


def _example_start(policy: Any, weekday: int = 4, hour: int = 16) -> dt.datetime:
    """The next Friday 16:00 (policy time) from today: a worked example's clock start."""
    today = dt.datetime.now(policy.tz).date()
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=policy.tz)


def _short(when: dt.datetime) -> str:
    return f"{WEEKDAYS[when.weekday()]} {when:%H:%M}"


def hover_duration(pm: m.PolicyModel, d: m.Duration) -> str:
    """What a duration means, with an example on the policy's calendar."""
    from ..policy.compiled import Policy, add_calendar_duration

    policy = Policy(pm)
    if d.calendar is None:
        start = _example_start(policy)
        due = add_calendar_duration(start, d)
        return f"**{d}** of elapsed time: from {_short(start)} {start:%Y-%m-%d} due {_short(due)} {due:%Y-%m-%d}"
    try:
        delta = policy.duration_delta(d)
        start = _example_start(policy)
        due = policy.add_business_time(start, delta, d.calendar)
    except (KeyError, LookupError, ValueError):
        return f"**{d}**: calendar `{d.calendar}` is not declared"
    hours = delta.total_seconds() / 3600
    return (
        f"**{d}** = {hours:g} h of `{d.calendar}` time: from {_short(start)} due {_short(due)} "
        f"({start:%Y-%m-%d} to {due:%Y-%m-%d})"
    )


def hover_calendar(cal: m.Calendar) -> str:
    """A summary of a calendar: days, hours, holidays, closures."""
    per_day = sum(r.end.minutes - r.start.minutes for r in cal.hours) / 60
    days = ", ".join(d.value for d in cal.days)
    hours = ", ".join(str(r) for r in cal.hours)
    parts = [f"**calendar {cal.name}**" + (f" — {cal.label.text('en')}" if cal.label.en else "")]
    parts.append(f"days {days or 'none'}; hours {hours or 'none'} ({per_day:g} h a day)")
    if cal.holidays:
        parts.append("holidays " + ", ".join(cal.holidays))
    if cal.closed or cal.closed_yearly:
        parts.append(f"{len(cal.closed) + len(cal.closed_yearly)} closure rule(s)")
    return "\n\n".join(parts)


def hover_text(pm: m.PolicyModel, text: str, line: int, character: int) -> str | None:
    """Markdown for a hover at a 0-based position, or None."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    column = char_column(lines[line], character) + 1
    found = [n for n in _nodes(pm) if isinstance(n, m.Duration) and _contains(n.span, line + 1, column)]
    if found:
        return hover_duration(pm, found[-1])
    hit = word_at(text, line, character)
    if hit is None:
        return None
    word = hit[0]
    for cal in pm.calendars:
        if cal.name == word:
            return hover_calendar(cal)
    if word in m.EVENT_TYPES:
        return f"event `{word}` of the event log"
    return None


# ---- server ----------------------------------------------------------------------------------


def keywords() -> list[str]:
    """The language's keywords, read from the grammar."""
    from ..lang.parser import get_parser

    words = {str(term.pattern.value) for term in get_parser().terminals if term.pattern.type == "str"}
    return sorted(w for w in words if w.isalpha())


def build_server() -> LanguageServer:
    """The language server with every feature registered."""
    server = LanguageServer("sla-lsp", __version__)
    docs = Documents()

    def publish(ls: LanguageServer, uri: str) -> None:
        doc = ls.workspace.get_text_document(uri)
        diags = docs.check(uri, doc.source)
        ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=diags))

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: t.DidOpenTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: t.DidChangeTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: t.DidSaveTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: t.DidCloseTextDocumentParams) -> None:
        docs.models.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: t.HoverParams) -> t.Hover | None:
        uri = params.text_document.uri
        pm = docs.models.get(uri)
        if pm is None:
            return None
        source = ls.workspace.get_text_document(uri).source
        text = hover_text(pm, source, params.position.line, params.position.character)
        if text is None:
            return None
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=text))

    @server.feature(t.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: LanguageServer, params: t.DefinitionParams) -> t.Location | None:
        uri = params.text_document.uri
        pm = docs.models.get(uri)
        if pm is None:
            return None
        source = ls.workspace.get_text_document(uri).source
        hit = word_at(source, params.position.line, params.position.character)
        node = declarations(pm).get(hit[0]) if hit else None
        if node is None:
            return None
        return t.Location(uri=uri, range=to_range(source.split("\n"), node.span))

    @server.feature(t.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: LanguageServer, params: t.DocumentFormattingParams) -> list[t.TextEdit] | None:
        from .fmt import FormatError, format_text

        source = ls.workspace.get_text_document(params.text_document.uri).source
        compiled = compile_text(source)
        if compiled.errors:
            return None
        try:
            result = format_text(source)
        except FormatError:
            return None
        if result == source:
            return []
        lines = source.split("\n")
        end = t.Position(line=len(lines) - 1, character=utf16_column(lines[-1], len(lines[-1])))
        return [t.TextEdit(range=t.Range(start=t.Position(line=0, character=0), end=end), new_text=result)]

    @server.feature(t.TEXT_DOCUMENT_COMPLETION, t.CompletionOptions(trigger_characters=["."]))
    def completion(ls: LanguageServer, params: t.CompletionParams) -> t.CompletionList:
        pm = docs.models.get(params.text_document.uri)
        items = [t.CompletionItem(label=k, kind=t.CompletionItemKind.Keyword) for k in keywords()]
        items += [t.CompletionItem(label=e, kind=t.CompletionItemKind.Event) for e in m.EVENT_TYPES]
        if pm is not None:
            items += [t.CompletionItem(label=n, kind=t.CompletionItemKind.Reference) for n in declarations(pm)]
        return t.CompletionList(is_incomplete=False, items=items)

    return server


def cmd_lsp(args: argparse.Namespace) -> int:
    """``sla lsp``: serve LSP over stdio until the client exits."""
    build_server().start_io()
    return 0

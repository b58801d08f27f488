"""``sla lsp``: a Language Server Protocol server for ``.sla`` files, over stdio (pygls).

Design notes
------------
* Every open document is compiled on open and on each change with
  :func:`~sla_dsl.policy.compile_text`; its diagnostics are published at
  once. Our spans are 1-based with columns counted in characters; LSP wants
  0-based lines and columns in UTF-16 code units, so columns are converted
  through the line's text (a character outside the BMP counts two).
  Their words are in the document's primary language (``languages ja, en``:
  Japanese), English when it declares none or its header cannot be read,
  as ``sla check`` writes them (issue 16).
* The last model that compiled without errors is kept per document, so hover
  and go-to-definition keep working while the text is briefly broken.
* Hover on a duration says what it means on the policy's own calendar, with a
  worked example computed by :class:`~sla_dsl.policy.Policy` (``4 business
  hours: from Fri 16:00 due Mon 12:00``); hover on a calendar name summarises
  the calendar. Every hover is worded in the document's primary language, as
  its diagnostics (``author.hover.*`` in the catalogue; the words hovers share
  are :mod:`.clock_words`'s): ``4営業時間 ＝ カレンダー `business`（当社営業時間）の
  営業時間で4時間：…``. Go-to-definition jumps from a name (calendar, priority,
  service, ...) to its declaration. Formatting is :func:`sla_dsl.authoring.fmt.format_text`
  as one whole-document edit. Completion offers the language's keywords, the
  document's declared names and the event types.
* Every document gets its diagnostics published: the text is read by the same
  reader as ``sla check`` (:mod:`sla_dsl.lang.source`: NUL, lone surrogates,
  CR-only line ends, the size cap), and an exception while compiling becomes
  one ``E000`` diagnostic (an internal error, with what to report) instead of
  silence, which would leave the editor showing stale ones. When the list is
  capped, an information diagnostic says how many more there are.
* A request that cannot be answered (formatting a broken document, an
  internal error) gets an LSP error response (``RequestFailed``) with one
  readable line, never a Python traceback, in the document's primary language
  (``author.lsp.*`` in the catalogue; the Python error quoted as it is, in
  backticks in Japanese; English for a document never checked or whose text
  cannot be read). Broken framing on stdin and
  requests whose parameters do not fit the protocol are answered too
  (:mod:`.lspframing`, :class:`_Protocol`); logs are one line each on stderr.
* pygls is imported only here, when ``sla lsp`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import logging
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from types import SimpleNamespace
from typing import Any, TypeVar

from lsprotocol import types as t
from pydantic import BaseModel
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from .._version import __version__
from ..i18n import format_date
from ..i18n import message as catalogue_message
from ..i18n.authoring import names as names_of
from ..i18n.places import region_name, zone_title
from ..lang import model as m
from ..lang.conditions import assignments, by_id, defaults, select
from ..lang.diagnostics import Diagnostic, policy_language
from ..lang.event_types import declared_event_hover
from ..lang.lines import source_lines
from ..lang.service_plans import when_hover
from ..lang.source import decode_policy
from ..policy.load import compile_text
from ..report.words import event_words
from .clock_words import calendar_named, duration_words, event_named, hover_clock, hover_out_of_hours, named, own
from .lspframing import FramedReader

log = logging.getLogger("sla_dsl.lsp")

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


def to_lsp_diagnostic(lines: list[str], d: Diagnostic, lang: str = "en") -> t.Diagnostic:
    """One of our diagnostics as an LSP diagnostic, worded in ``lang`` (the policy's primary language)."""
    severity = t.DiagnosticSeverity.Error if d.is_error else t.DiagnosticSeverity.Warning
    help_text = d.help_text(lang)
    help_word = catalogue_message("diag.word.help", lang)
    message = d.text(lang) + (f"\n{help_word}: {help_text}" if help_text else "")
    return t.Diagnostic(range=to_range(lines, d.span), message=message, severity=severity, code=d.code, source="sla")


# ---- documents ---------------------------------------------------------------------------------


#: The first character of a document: where a diagnostic about the whole text points.
FIRST_CHARACTER = t.Range(start=t.Position(line=0, character=0), end=t.Position(line=0, character=1))


class Documents:
    """The last good model of each open document."""

    def __init__(self) -> None:
        self.models: dict[str, m.PolicyModel] = {}
        #: the primary language of each document when last checked (for a message when a check fails)
        self.langs: dict[str, str] = {}

    def check(self, uri: str, text: str) -> list[t.Diagnostic]:
        """Compile ``text``; remember its model if it is clean; return LSP diagnostics (never raises)."""
        try:
            compiled = compile_text(text, uri)
        except Exception as exc:  # a bug of ours: say so in the editor rather than keep stale diagnostics
            log.error("internal error while checking %s: %s", uri, _one_line(exc))
            lang = self.langs.get(uri, "en")  # the language of its last check; English before any
            message = catalogue_message("author.lsp.internal_check", lang, error=_one_line(exc))
            advice = catalogue_message("author.lsp.internal_check.help", lang, program="sla")
            advice = f"{catalogue_message('diag.word.help', lang)}: {advice}"
            error = t.DiagnosticSeverity.Error
            return [t.Diagnostic(FIRST_CHARACTER, f"{message}\n{advice}", severity=error, code="E000", source="sla")]
        if compiled.model is not None and not compiled.errors:
            self.models[uri] = compiled.model
        lines = source_lines(text)
        bom = text.startswith("\ufeff")  # the reader drops a leading BOM; the editor still counts it
        if bom:
            lines[0] = lines[0][1:]
        lang = policy_language(compiled.model)  # as `sla check`: the declared primary language, else English
        self.langs[uri] = lang
        out = [to_lsp_diagnostic(lines, d, lang) for d in compiled.diagnostics]
        if bom:
            out = [_after_bom(d) for d in out]
        note = compiled.not_shown(lang)
        if note:
            where = out[-1].range if out else FIRST_CHARACTER
            out.append(t.Diagnostic(where, note, severity=t.DiagnosticSeverity.Information, source="sla"))
        return out


def _after_bom(d: t.Diagnostic) -> t.Diagnostic:
    """``d`` with its positions on the first line moved right by the byte-order mark."""

    def move(p: t.Position) -> t.Position:
        return t.Position(line=p.line, character=p.character + 1) if p.line == 0 else p

    d.range = t.Range(start=move(d.range.start), end=move(d.range.end))
    return d


def _one_line(exc: BaseException) -> str:
    """An exception as one readable line: its type and first line of message."""
    text = str(exc).strip().split("\n", 1)[0]
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__


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
    lines = source_lines(text)
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
    for d in pm.event_types:  # declared event types: go to the `event` line
        out.setdefault(d.name, d)
    return out


# ---- hover -------------------------------------------------------------------------------------


def _example_start(policy: Any, weekday: int = 4, hour: int = 16) -> dt.datetime:
    """The next Friday 16:00 (policy time) from today: a worked example's clock start."""
    today = dt.datetime.now(policy.tz).date()
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=policy.tz)


def _example_time(when: dt.datetime, lang: str) -> dict[str, str]:
    """A worked example's time as its day and its time of day: ``2026年11月6日(金)``, ``16:00`` as the
    report says them; in English ``2026-11-06``, ``Fri 16:00`` as the hover always said."""
    if lang == "ja":
        return {"date": format_date(when.date(), lang), "time": f"{when:%H:%M}"}
    return {"date": f"{when:%Y-%m-%d}", "time": f"{WEEKDAYS[when.weekday()]} {when:%H:%M}"}


def hover_duration(pm: m.PolicyModel, d: m.Duration, lang: str = "en") -> str:
    """What a duration means, with an example on the policy's calendar, in ``lang``."""
    from ..policy.compiled import Policy, add_calendar_duration

    policy = Policy(pm)
    said = duration_words(d, lang)
    start = _example_start(policy)
    if d.calendar is None:
        due = add_calendar_duration(start, d)
        key, more = "author.hover.duration.elapsed", {}
    else:
        try:
            delta = policy.duration_delta(d)
            due = policy.add_business_time(start, delta, d.calendar)
        except (KeyError, LookupError, ValueError):
            return catalogue_message("author.hover.duration.undeclared", lang, d=said, calendar=d.calendar)
        key = "author.hover.duration"
        more = {"hours": f"{delta.total_seconds() / 3600:g}", "calendar": calendar_named(d.calendar, pm, lang)}
    begin, end = _example_time(start, lang), _example_time(due, lang)
    return catalogue_message(
        key, lang, d=said, start=begin["time"], start_date=begin["date"], due=end["time"], due_date=end["date"], **more
    )


def _time_range(r: m.TimeRange, lang: str) -> str:
    key = "author.hover.calendar.overnight" if r.overnight and r.end.minutes != 0 else "author.hover.calendar.range"
    return catalogue_message(key, lang, start=str(r.start), end=str(r.end))


def hover_calendar(cal: m.Calendar, lang: str = "en") -> str:
    """A summary of a calendar: zone, days, hours (per weekday), holidays, closures, date hours, in ``lang``."""

    def say(key: str, **fields: object) -> str:
        return catalogue_message(f"author.hover.calendar.{key}", lang, **fields)

    label = own(cal.label, lang)
    parts = [catalogue_message("author.hover.calendar", lang, name=cal.name) + (f" — {label}" if label else "")]
    if cal.timezone:
        parts.append(say("zone", zone=cal.timezone, title=zone_title(cal.timezone, lang)))
    groups: list[tuple[list[m.Weekday], tuple[m.TimeRange, ...]]] = []
    for w in cal.open_weekdays():
        ranges = cal.weekday_ranges(w)
        if groups and groups[-1][1] == ranges:
            groups[-1][0].append(w)
        else:
            groups.append(([w], ranges))
    lines = []
    for days, ranges in groups:
        per_day = sum(r.end_minutes - r.start.minutes for r in ranges) / 60
        idx = [d.index for d in days]
        names = [catalogue_message(f"author.hover.weekday.{d.value}", lang) for d in days]
        contiguous = len(days) > 2 and idx == list(range(idx[0], idx[0] + len(idx)))
        span = say("run", first=names[0], last=names[-1]) if contiguous else say("day_sep").join(names)
        hours = catalogue_message("author.sep.list", lang).join(_time_range(r, lang) for r in ranges)
        lines.append(say("days", days=span, hours=hours or say("no_hours"), per_day=f"{per_day:g}"))
    parts.append(catalogue_message("author.sep.help", lang).join(lines) if lines else say("closed"))
    if cal.holidays:
        places = catalogue_message("author.sep.list", lang).join(region_name(c, lang) for c in cal.holidays)
        parts.append(say("holidays", codes=names_of(cal.holidays, lang), places=places))
    closures = len(cal.closed) + len(cal.closed_yearly) + len(cal.named_holidays)
    if closures:
        parts.append(say("closures", n=closures))
    if cal.date_hours or cal.closed_hours:
        parts.append(say("dates", dates=len(cal.date_hours), partial=len(cal.closed_hours)))
    return "\n\n".join(parts)


def hover_rules(pm: m.PolicyModel, pid: str, lang: str = "en") -> str | None:
    """Markdown: for each combination of attribute values, the rule of priority ``pid`` that applies (None
    when ``pid`` has no conditions), in ``lang`` (issue 13)."""
    rules = by_id(pm).get(pid, [])
    if not any(r.when is not None for r in rules):
        return None
    combos = assignments(pm, rules)
    if combos is None:
        return catalogue_message("author.hover.rules.too_many", lang, pid=pid)
    lines = [catalogue_message("author.hover.rules", lang, pid=pid), ""]
    for combo in combos:
        rule = select(rules, {**defaults(pm), **combo})
        if rule is None:
            said = catalogue_message("author.hover.rules.none", lang)
        elif rule.when is None:
            said = catalogue_message("author.hover.rules.line", lang, line=rule.span.line)
        else:
            said = catalogue_message("author.hover.rules.line_when", lang, line=rule.span.line, when=str(rule.when))
        shown = names_of((f"{k} = {v}" for k, v in combo.items()), lang)
        shown = shown or catalogue_message("diag.phrase.every_incident", lang)
        lines.append(catalogue_message("author.hover.case", lang, shown=shown, said=said))
    return "\n".join(lines)


def hover_text(pm: m.PolicyModel, text: str, line: int, character: int, lang: str = "en") -> str | None:
    """Markdown for a hover at a 0-based position, or None; worded in ``lang`` (the document's primary language)."""
    lines = source_lines(text)
    if not 0 <= line < len(lines):
        return None
    column = char_column(lines[line], character) + 1
    found = [n for n in _nodes(pm) if isinstance(n, m.Duration) and _contains(n.span, line + 1, column)]
    if found:
        return hover_duration(pm, found[-1], lang)
    hit = word_at(text, line, character)
    if hit is None:
        return None
    word = hit[0]
    inside = next((p.id for p in pm.priorities if p.when and _contains(p.when.span, line + 1, column)), word)
    rules = hover_rules(pm, inside, lang)  # which rule of a priority applies to which attributes (issue 13)
    if rules is not None:
        return rules
    said = when_hover(pm, word, line + 1, column, lang)  # notify rules and availability targets with `when`
    if said is not None:
        return said
    for cal in pm.calendars:
        if cal.name == word:
            return hover_calendar(cal, lang)
    for clock in pm.clocks:  # issue 12
        if clock.name == word:
            return hover_clock(clock, pm, lang)
    for p in pm.priorities:  # `, plus 24 hours if received outside business hours`
        for target in p.targets:
            ooh = target.out_of_hours
            if ooh is not None and _contains(ooh.span, line + 1, column):
                return hover_out_of_hours(target, ooh, pm, lang)
    if word in m.EVENT_TYPES:
        return catalogue_message("author.hover.event", lang, event=event_named(word, pm, lang))
    for d in pm.event_types:  # declared by the policy (issue 12)
        if d.name == word:
            return declared_event_hover(d, lang)
    return value_hover(pm, word, lang)


def value_hover(pm: m.PolicyModel, word: str, lang: str = "en") -> str | None:
    """An attribute value with its labels (in Japanese its Japanese label), or a note that it has none
    (issue 16); None for another word."""
    parts = [
        catalogue_message(
            "author.hover.value",
            lang,
            value=v.name,
            attribute=named(a.name, own(a.label, lang), lang),
            labels=_value_labels(v.label, lang),
        )
        for a in pm.attributes
        for v in a.labels
        if v.name == word
    ]
    return "\n\n".join(parts) or None


def _value_labels(label: m.Label, lang: str) -> str:
    """A value's labels in a hover: in Japanese its Japanese one, in English both (as it always said); else a
    note that it has none."""
    said = own(label, lang) if lang == "ja" else _pair(label)
    return said or catalogue_message("author.hover.value.unlabelled", lang)


def value_detail(attr: m.Attribute, value: m.AttributeValue, lang: str = "en") -> str:
    """A completion's detail for an attribute value: its attribute and its labels (in Japanese its Japanese
    one, as the hover says it)."""
    label = own(value.label, lang) if lang == "ja" else _pair(value.label)
    return catalogue_message("author.hover.value.detail", lang, attr=attr.name, label=label) if label else attr.name


def _pair(label: m.Label) -> str:
    """A label's texts, Japanese then English, each once."""
    return " / ".join(dict.fromkeys(t for t in (label.ja, label.en) if t))


# ---- server ----------------------------------------------------------------------------------


def keywords() -> list[str]:
    """The language's keywords, read from the grammar."""
    from ..lang.parser import get_parser

    words = {str(term.pattern.value) for term in get_parser().terminals if term.pattern.type == "str"}
    return sorted(w for w in words if w.isalpha())


class RequestFailed(JsonRpcException):
    """An LSP ``RequestFailed`` error response: the request was valid, the server could not do it."""

    CODE = int(t.LSPErrorCodes.RequestFailed)


F = TypeVar("F", bound=Callable[..., Any])


def answers_errors(langs: Mapping[str, str]) -> Callable[[F], F]:
    """A request handler whose unexpected exceptions become a readable ``RequestFailed``, not a traceback,
    in the language of the document asked about (``langs``: by URI; English for one never checked)."""

    def wrap(handler: F) -> F:
        @functools.wraps(handler)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except JsonRpcException:
                raise
            except Exception as exc:
                log.error("internal error in %s: %s", handler.__name__, _one_line(exc))
                document = next((a.text_document for a in args if hasattr(a, "text_document")), None)
                lang = langs.get(getattr(document, "uri", ""), "en")
                said = catalogue_message("author.lsp.internal", lang, program="sla", error=_one_line(exc))
                raise RequestFailed(said) from None

        return guarded  # type: ignore[return-value]

    return wrap


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, but a request whose parameters do not fit the LSP types is answered, not just logged."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                reason = str(exc.__cause__ or exc).strip().split("\n", 1)[0]
                message = f"invalid parameters for `{data['method']}`: {reason}"[:300]
                log.error("%s", message)
                self._send_response(data["id"], None, JsonRpcException(message, exc.code).to_response_error())
                return SimpleNamespace(jsonrpc="answered")  # handle_message ignores it
            raise


def format_edits(source: str) -> list[t.TextEdit]:
    """The whole-document edit that formats ``source``; :class:`RequestFailed` saying why when it cannot."""
    from .fmt import FormatError, format_text

    def refuse(lang: str, reason: str) -> RequestFailed:
        return RequestFailed(catalogue_message("author.lsp.cannot_format", lang, reason=reason))

    text, refused = decode_policy(source)
    if text is None:  # no header to read a language from
        raise refuse("en", refused[0].text("en"))
    compiled = compile_text(text)
    lang = policy_language(compiled.model)  # the document's primary language, as its diagnostics
    if compiled.errors:
        first = compiled.errors[0]
        more = len(compiled.errors) - 1 + compiled.omitted
        also = catalogue_message("author.lsp.more", lang, n=more) if more else ""
        said = catalogue_message(
            "author.lsp.has_errors", lang, line=first.span.line, message=first.text(lang), also=also
        )
        raise refuse(lang, said)
    try:
        result = format_text(text, lang)
    except FormatError as exc:
        raise refuse(lang, str(exc)) from None
    if result == source:
        return []
    lines = source_lines(source)
    end = t.Position(line=len(lines) - 1, character=utf16_column(lines[-1], len(lines[-1])))
    return [t.TextEdit(range=t.Range(start=t.Position(line=0, character=0), end=end), new_text=result)]


def build_server() -> LanguageServer:
    """The language server with every feature registered."""
    server = LanguageServer("sla-lsp", __version__, protocol_cls=_Protocol)
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
    @answers_errors(docs.langs)
    def hover(ls: LanguageServer, params: t.HoverParams) -> t.Hover | None:
        uri = params.text_document.uri
        pm = docs.models.get(uri)
        if pm is None:
            return None
        source = ls.workspace.get_text_document(uri).source
        lang = docs.langs.get(uri) or policy_language(pm)  # as its diagnostics: the primary language
        text = hover_text(pm, source, params.position.line, params.position.character, lang)
        if text is None:
            return None
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=text))

    @server.feature(t.TEXT_DOCUMENT_DEFINITION)
    @answers_errors(docs.langs)
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
        return t.Location(uri=uri, range=to_range(source_lines(source), node.span))

    @server.feature(t.TEXT_DOCUMENT_FORMATTING)
    @answers_errors(docs.langs)
    def formatting(ls: LanguageServer, params: t.DocumentFormattingParams) -> list[t.TextEdit]:
        return format_edits(ls.workspace.get_text_document(params.text_document.uri).source)

    @server.feature(t.TEXT_DOCUMENT_COMPLETION, t.CompletionOptions(trigger_characters=["."]))
    @answers_errors(docs.langs)
    def completion(ls: LanguageServer, params: t.CompletionParams) -> t.CompletionList:
        uri = params.text_document.uri
        pm = docs.models.get(uri)
        lang = docs.langs.get(uri) or (policy_language(pm) if pm is not None else "en")
        items = [t.CompletionItem(label=k, kind=t.CompletionItemKind.Keyword) for k in keywords()]
        items += [  # the contract's event types, with the site's words for them in the document's language
            t.CompletionItem(label=e, kind=t.CompletionItemKind.Event, detail=event_words(e, lang, {}) or None)
            for e in m.EVENT_TYPES
        ]
        if pm is not None:  # the event types the policy declares, by their labels
            items += [
                t.CompletionItem(label=d.name, kind=t.CompletionItemKind.Event, detail=own(d.label, lang) or None)
                for d in pm.event_types
            ]
        if pm is not None:
            items += [t.CompletionItem(label=n, kind=t.CompletionItemKind.Reference) for n in declarations(pm)]
            items += [  # attribute values, with their labels (issue 16)
                t.CompletionItem(label=v.name, kind=t.CompletionItemKind.EnumMember, detail=value_detail(a, v, lang))
                for a in pm.attributes
                for v in a.labels
            ]
        return t.CompletionList(is_incomplete=False, items=items)

    return server


class _OneLine(logging.Formatter):
    """Log records as one line each: no traceback reaches the editor's log."""

    def format(self, record: logging.LogRecord) -> str:
        return "sla lsp: " + record.getMessage().strip().split("\n", 1)[0]


def _send(data: bytes) -> None:
    """Write one whole message to stdout (one ``write``: see :mod:`.lspframing`)."""
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def cmd_lsp(args: argparse.Namespace) -> int:
    """``sla lsp``: serve LSP over stdio until the client exits."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    for name in ("pygls", "sla_dsl.lsp"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.ERROR if name == "pygls" else logging.INFO)
        logger.propagate = False
    reader = FramedReader(sys.stdin.buffer, _send, lambda reason: log.error("%s", reason))
    build_server().start_io(stdin=reader)  # type: ignore[arg-type]
    return 0

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
* What a hover says (a duration with a worked example, a calendar summarised,
  ..., in the document's primary language) is :mod:`.hover`'s, as are the
  declared names, the name under a position and the UTF-16 column conversions.
  Go-to-definition jumps from a name (calendar, priority, service, ...) to its
  declaration. Formatting is :func:`sla_dsl.authoring.fmt.format_text` as one
  whole-document edit. Completion offers the language's keywords, the
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
import functools
import logging
import sys
from collections.abc import Callable, Mapping
from types import SimpleNamespace
from typing import Any, TypeVar

from lsprotocol import types as t
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from .._version import __version__
from ..i18n import message as catalogue_message
from ..lang import model as m
from ..lang.diagnostics import Diagnostic, policy_language
from ..lang.lines import source_lines
from ..lang.source import decode_policy
from ..policy.load import compile_text
from ..report.words import event_words
from .clock_words import own
from .hover import declarations, hover_text, utf16_column, value_detail, word_at
from .lspframing import FramedReader

log = logging.getLogger("sla_dsl.lsp")


# ---- positions -------------------------------------------------------------------------------


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

"""``sla lsp``: a Language Server Protocol server for ``.sla`` files, over stdio (pygls).

Design notes
------------
* Every open policy (language id ``sla``, or a URI ending in ``.sla``; another
  document is never checked) is compiled on open and on each change with
  :func:`~sla_dsl.policy.compile_text` (:class:`Checks`): under ``sla lsp`` on a
  worker thread, started only when every message received so far has been
  handled (the reader is about to wait), so a burst of changes is compiled once,
  its latest text; a result for a text changed since is dropped; requests are
  answered meanwhile from the model already known. Diagnostics carry the
  document's ``version``. Our spans are 1-based with columns counted in characters; LSP wants
  0-based lines and columns in UTF-16 code units, so columns are converted
  through the line's text (a character outside the BMP counts two).
  Their words are in the document's primary language (``languages ja, en``:
  Japanese), English when it declares none or its header cannot be read,
  as ``sla check`` writes them (issue 16); a text refused before parsing (a NUL,
  a lone surrogate: ``E001``) is worded in the language its header declares when
  that header can be read.
* Positions are UTF-16 whatever the client offers: the server announces
  ``positionEncoding: utf-16``, which every client must support, and counts in
  it everywhere (diagnostics, hover, definition, formatting, completion, and the
  positions it is sent).
* The server keeps the text of each open document itself (:class:`Documents`),
  not pygls's workspace: a line ends only at ``\\n``, ``\\r\\n`` or ``\\r`` (LSP's
  rule, and the parser's: :mod:`sla_dsl.lang.lines`), never at U+2028, a form
  feed or the other separators ``str.splitlines`` takes, so an incremental
  change lands where the editor made it. A document the client did not open (or
  has closed) is never read from the disk: a change or a save for it is ignored,
  hover, definition and completion give nothing, and formatting is refused
  (``RequestFailed``: the document is not open). The disk is read only for the
  versions beside an open policy (below).
* An open policy is checked with the other versions of its directory too, as
  ``sla check DIR`` checks them (E304-E307, W307; :mod:`.lspversions`), after its
  own check, on the same worker thread: a finding is shown on the open document
  it is about, in ``sla check``'s words, else (about a file not open) on the open
  one it names, with the other version's statement as related information. When
  one document's check changes what another open one is shown, that one's
  diagnostics are published again, its own as last checked and the new findings
  (a document whose text changed since is left to its own check); closing a
  document checks again the open ones beside it, which read it from the disk now.
* Hover, go-to-definition and completion answer from the model of the text as
  last checked when it parsed (semantic errors still give one), else from the
  last model that compiled without errors, kept per document with the
  text it came from, so they keep working while the text is briefly broken: a
  position is carried from the current text to that text
  and the result back through the lines both share at the start and at the end
  (:class:`Shift`); in the lines between, which changed, they give nothing
  rather than point at a stale place.
* What a hover says (a duration with a worked example, a calendar summarised,
  ..., in the document's primary language) is :mod:`.hover`'s, as are the
  declared names, what the name under a position names and the UTF-16 column
  conversions. Go-to-definition jumps from a name to the declaration it names
  where it stands (``rules notify recovery`` to the notify rule, not a service
  of that name); a word in a comment or a text names nothing. Formatting is
  :func:`sla_dsl.authoring.fmt.format_text` as one whole-document edit, refused
  only for a text that does not parse, as `sla fmt` refuses it.
  Completion offers what the grammar takes where the cursor is (keywords, the
  document's declared names of the kind that fits, attribute values, the event
  types the place allows: incident events in a clock or a priority; weekdays,
  zones, holiday sets, languages and channels where those go), each label
  once, each item with an edit that replaces the whole dotted word under the
  cursor (``incident.rep`` becomes ``incident.reported``; a zone, ``Europe/Be``,
  whole). Where the words before tell no kind of name (a declaration's own
  name), no declared name is offered; where the text before does not parse,
  every one is.
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
  backticks in Japanese; the server's language for a document never checked;
  for a text that cannot be read, the language its header declares when that
  can be read, else English). Broken framing on stdin and
  requests whose parameters do not fit the protocol are answered too
  (:mod:`.lspframing`, :class:`_Protocol`); logs are one line each on stderr
  (a ``RequestFailed`` answer is not logged again as an exception: a refusal is
  no fault of the server's, and an internal error is logged where it is caught),
  and nothing is pushed to the editor's window for a notification that went
  wrong: an unknown notification (``$/`` or not) is ignored, as are its
  parameters' faults.
* The life cycle is the protocol's (:class:`_Protocol`): a request before
  ``initialize`` gets ``ServerNotInitialized`` (-32002), a second ``initialize``
  and any request after ``shutdown`` get ``InvalidRequest`` (-32600), an unknown
  method ``MethodNotFound`` (-32601; ``workspace/executeCommand`` too: the server
  has no commands and does not advertise any); ``exit`` ends the process with status 0
  after ``shutdown``, 1 without, and so does the end of input (1: the client went
  away without ``shutdown``). A JSON object without ``"jsonrpc": "2.0"`` gets
  Invalid Request (-32600) with its id; a request with ``"id": null`` is answered
  with ``"id": null``; parameters that do not fit name the first field at fault.
  Those answers (``author.lsp_session.*``), what the reader answers a message
  it cannot read, and the log lines on stderr (an editor shows them in its
  output panel) are in the server's language (:attr:`Documents.lang`): the
  client's ``locale`` from ``initialize`` (LSP 3.16) when it is Japanese, else
  the primary language of the policy open in the editor (the first opened of
  those checked), else English; when the client names no locale and no policy
  is open, the environment's (as ``sla``'s help). A line about one document is
  in that document's language. An error response's ``message`` is such a line
  too: the editor shows it to a person (in its log, or as a notification), and
  the protocol's ``code`` is what a program reads. A Python error or a method
  quoted is as it is. There is no ``window/showMessage`` or
  ``window/logMessage``: nothing is pushed to the editor's window.
* pygls is imported only here, when ``sla lsp`` runs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import logging
import re
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, TypeVar

from lsprotocol import types as t
from pygls.exceptions import (
    FeatureRequestError,
    JsonRpcException,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcMethodNotFound,
    JsonRpcServerNotInitialized,
)
from pygls.lsp.server import LanguageServer
from pygls.protocol import JsonRPCRequestMessage, LanguageServerProtocol, lsp_method

from .._version import __version__
from ..i18n import message as catalogue_message
from ..lang import model as m
from ..lang.compile import Compiled
from ..lang.diagnostics import Diagnostic, policy_language
from ..lang.lines import source_lines
from ..lang.source import bytes_languages, decode_policy
from ..policy.load import compile_text
from ..report.escape import printable
from ..report.words import event_words
from .clock_words import own
from .hover import completing, declared_names, definition_at, hover_text, utf16_column, value_detail, word_choices
from .lspframing import FramedReader
from .lspversions import Beside, Shown, Versions, same_directory

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


def span_range(text: str, span: m.Span) -> t.Range:
    """A span of the policy read from ``text`` (the editor's text) as an LSP range in that text: a leading
    byte-order mark, which the reader drops and the editor counts, moves the first line's positions."""
    lines = source_lines(text)
    bom = text.startswith("\ufeff")
    if bom:
        lines[0] = lines[0][1:]
    found = to_range(lines, span)
    return _after_bom(found) if bom else found


def to_lsp_diagnostic(lines: list[str], d: Diagnostic, lang: str = "en") -> t.Diagnostic:
    """One of our diagnostics as an LSP diagnostic, worded in ``lang`` (the policy's primary language)."""
    severity = t.DiagnosticSeverity.Error if d.is_error else t.DiagnosticSeverity.Warning
    help_text = d.help_text(lang)
    help_word = catalogue_message("diag.word.help", lang)
    message = d.text(lang) + (f"\n{help_word}: {help_text}" if help_text else "")
    return t.Diagnostic(range=to_range(lines, d.span), message=message, severity=severity, code=d.code, source="sla")


def _after_bom(r: t.Range) -> t.Range:
    """``r`` with its positions on the first line moved right by the byte-order mark."""

    def move(p: t.Position) -> t.Position:
        return t.Position(line=p.line, character=p.character + 1) if p.line == 0 else p

    return t.Range(start=move(r.start), end=move(r.end))


# ---- documents ---------------------------------------------------------------------------------


#: The first character of a document: where a diagnostic about the whole text points.
FIRST_CHARACTER = t.Range(start=t.Position(line=0, character=0), end=t.Position(line=0, character=1))
#: Where a line ends for LSP (and for the parser): nothing else ends one.
_LINE_END = re.compile(r"\r\n|\r|\n")


def offset_at(text: str, position: t.Position, starts: Sequence[int] | None = None) -> int:
    """The index in ``text`` of an LSP position (UTF-16 column); past a line's end, that end (before its
    line break); past the last line, the end of the text. ``starts``: where each line begins."""
    starts = starts if starts is not None else line_starts(text)
    if position.line >= len(starts):
        return len(text)
    begin = starts[position.line]
    found = _LINE_END.search(text, begin)
    end = found.start() if found else len(text)
    return begin + char_index(text[begin:end], position.character)


def char_index(line: str, utf16: int) -> int:
    """A UTF-16 column of a line as an index into it (at most its length)."""
    units = 0
    for i, ch in enumerate(line):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` begins, lines ending only at ``\\n``, ``\\r\\n`` or ``\\r``."""
    return [0, *(found.end() for found in _LINE_END.finditer(text))]


def apply_change(text: str, change: t.TextDocumentContentChangeEvent) -> str:
    """``text`` with one ``didChange`` content change made (a range replaced, or the whole text)."""
    if not isinstance(change, t.TextDocumentContentChangePartial):
        return change.text
    starts = line_starts(text)
    begin = offset_at(text, change.range.start, starts)
    end = max(begin, offset_at(text, change.range.end, starts))
    return text[:begin] + change.text + text[end:]


@dataclass(frozen=True)
class Clean:
    """A model of a document and the text it was compiled from (its last clean one, or its current text's)."""

    model: m.PolicyModel
    text: str


class Shift:
    """Lines of a document's current text and of an earlier one (its last clean text), matched through
    the lines both share at their start and at their end; the lines between changed and match none."""

    def __init__(self, then: str, now: str) -> None:
        self.then, self.now = source_lines(then), source_lines(now)
        most = min(len(self.then), len(self.now))
        head = 0
        while head < most and self.then[head] == self.now[head]:
            head += 1
        tail = 0
        while tail < most - head and self.then[-1 - tail] == self.now[-1 - tail]:
            tail += 1
        self.head, self.tail = head, tail

    def _move(self, line: int, old: int, new: int) -> int | None:
        if line < self.head:
            return line
        if old - self.tail <= line < old:
            return line - old + new
        return None

    def to_then(self, line: int) -> int | None:
        """A 0-based line of the current text in the earlier one; ``None`` in the lines that changed."""
        return self._move(line, len(self.now), len(self.then))

    def to_now(self, line: int) -> int | None:
        """A 0-based line of the earlier text in the current one; ``None`` in the lines that changed."""
        return self._move(line, len(self.then), len(self.now))


class Documents:
    """The open documents: the text of each as the editor has it, and the last good model of each."""

    def __init__(self, lang: str = "en") -> None:
        #: the current text of each open document
        self.texts: dict[str, str] = {}
        #: the version the client gave each open document's text (``None`` when it gave none)
        self.versions: dict[str, int | None] = {}
        #: the last clean model of each document, with its text
        self.clean: dict[str, Clean] = {}
        #: the model of each document's text as last checked, when that text parsed (semantic errors or not)
        self.parsed: dict[str, Clean] = {}
        #: the primary language of each document when last checked (for a message when a check fails)
        self.langs: dict[str, str] = {}
        #: the diagnostics of each document's own text as last checked
        self.own: dict[str, list[t.Diagnostic]] = {}
        #: the findings shown on each document from comparing it with the versions beside it (:mod:`.lspversions`)
        self.beside: dict[str, list[t.Diagnostic]] = {}
        #: the environment's language (as ``sla``'s help): the server's when nothing else names one
        self.default = lang
        #: the client's ``locale`` from ``initialize`` (lower case; None: it named none)
        self.locale: str | None = None
        #: the primary language of the first open policy that was checked (None: none is)
        self.policy_lang: str | None = None

    @property
    def lang(self) -> str:
        """The server's language, for what concerns no document (the session's answers, the reader's, the log):
        the client's locale when it is Japanese, else the primary language of the policy open in the editor (the
        first opened of those checked), else English; the environment's when the client named no locale and
        no policy is open. (Read by the reader's thread too: it reads attributes only, set on the server's.)"""
        if self.locale is not None and self.locale.startswith("ja"):
            return "ja"
        if self.policy_lang is not None:
            return self.policy_lang
        return "en" if self.locale else self.default

    def _note_policy_lang(self) -> None:
        """Remember the primary language of the first open document that was checked (:attr:`lang`)."""
        self.policy_lang = next((self.langs[uri] for uri in self.texts if uri in self.langs), None)

    @property
    def models(self) -> dict[str, m.PolicyModel]:
        """The last clean model of each document."""
        return {uri: c.model for uri, c in self.clean.items()}

    def lang_of(self, uri: str) -> str:
        """The language to answer about a document in: its own when it was checked, else the server's."""
        return self.langs.get(uri, self.lang)

    def open(self, uri: str, text: str, version: int | None = None) -> None:
        self.texts[uri] = text
        self.versions[uri] = version

    def change(self, uri: str, changes: Sequence[t.TextDocumentContentChangeEvent], version: int | None = None) -> bool:
        """Make the changes to an open document's text, in order; ``False`` (nothing done) if it is not open."""
        text = self.texts.get(uri)
        if text is None:
            return False
        for change in changes:
            text = apply_change(text, change)
        self.texts[uri] = text
        self.versions[uri] = version
        return True

    def close(self, uri: str) -> None:
        self.texts.pop(uri, None)
        self.versions.pop(uri, None)
        self.clean.pop(uri, None)
        self.parsed.pop(uri, None)
        self.own.pop(uri, None)
        self.beside.pop(uri, None)
        self._note_policy_lang()

    def check(self, uri: str, text: str) -> list[t.Diagnostic]:
        """Compile ``text``; remember its model; return LSP diagnostics (never raises)."""
        try:
            compiled: Compiled | Exception = compile_text(text, uri)
        except Exception as exc:
            compiled = exc
        return self.settle(uri, text, compiled)

    def settle(self, uri: str, text: str, compiled: Compiled | Exception) -> list[t.Diagnostic]:
        """Remember what compiling ``text`` gave (its model, if it parsed; as the last clean one too, if it
        is clean) and return its LSP diagnostics; an exception while compiling is one ``E000``."""
        if isinstance(compiled, Exception):  # a bug of ours: say so in the editor rather than keep stale ones
            exc = compiled
            lang = self.langs.get(uri, "en")  # the language of its last check; English before any
            log.error("%s", _logged("internal_check", self.lang_of(uri), uri=uri[:300], error=_one_line(exc)))
            message = catalogue_message("author.lsp.internal_check", lang, error=_one_line(exc))
            advice = catalogue_message("author.lsp.internal_check.help", lang, program="sla")
            advice = f"{catalogue_message('diag.word.help', lang)}: {advice}"
            error = t.DiagnosticSeverity.Error
            return [t.Diagnostic(FIRST_CHARACTER, f"{message}\n{advice}", severity=error, code="E000", source="sla")]
        from .fmt import syntax_errors

        if compiled.model is not None and not syntax_errors(compiled.errors):  # semantic errors leave a model
            self.parsed[uri] = Clean(compiled.model, text)
            if not compiled.errors:
                self.clean[uri] = Clean(compiled.model, text)
        else:  # a text that does not parse (a model recovered from it may lack a part): the last clean one
            self.parsed.pop(uri, None)
        lines = source_lines(text)
        bom = text.startswith("\ufeff")  # the reader drops a leading BOM; the editor still counts it
        if bom:
            lines[0] = lines[0][1:]
        # as `sla check`: the declared primary language, else English; for a text refused before parsing,
        # the language its header declares when that can be read
        lang = policy_language(compiled.model) if compiled.model is not None else refused_language(text)
        self.langs[uri] = lang
        self._note_policy_lang()
        out = [to_lsp_diagnostic(lines, d, lang) for d in compiled.diagnostics]
        if bom:
            for d in out:
                d.range = _after_bom(d.range)
        note = compiled.not_shown(lang)
        if note:
            where = out[-1].range if out else FIRST_CHARACTER
            out.append(t.Diagnostic(where, note, severity=t.DiagnosticSeverity.Information, source="sla"))
        return out

    def known(self, uri: str) -> Clean | None:
        """The model hover, definition and completion answer from: that of the document's text as last
        checked if it parsed (with semantic errors or not), else its last clean one."""
        return self.parsed.get(uri) or self.clean.get(uri)

    def shifted(self, uri: str) -> tuple[Clean, Shift] | None:
        """The document's known model (:meth:`known`) and its text, and how the current text's lines match its."""
        clean, now = self.known(uri), self.texts.get(uri)
        if clean is None or now is None:
            return None
        return clean, Shift(clean.text, now)


def refused_language(text: str) -> str:
    """The language to word the refusal of an editor's text that cannot be read (a NUL, a lone surrogate:
    E001) in: the primary language its header declares when that header can be read, else English."""
    declared = bytes_languages(text.encode("utf-8", "replace"))
    return "ja" if declared and declared[0] == "ja" else "en"


def _logged(what: str, lang: str, **fields: object) -> str:
    """A log line of the server (``author.lsp_session.log.<what>``) in ``lang``."""
    return catalogue_message(f"author.lsp_session.log.{what}", lang, **fields)


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


def answers_errors(lang_of: Callable[[str], str]) -> Callable[[F], F]:
    """A request handler whose unexpected exceptions become a readable ``RequestFailed``, not a traceback,
    in the language of the document asked about (``lang_of``: by URI)."""

    def wrap(handler: F) -> F:
        @functools.wraps(handler)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except JsonRpcException:
                raise
            except Exception as exc:
                document = next((a.text_document for a in args if hasattr(a, "text_document")), None)
                lang = lang_of(getattr(document, "uri", ""))
                log.error("%s", _logged("internal_handler", lang, handler=handler.__name__, error=_one_line(exc)))
                said = catalogue_message("author.lsp.internal", lang, program="sla", error=_one_line(exc))
                raise RequestFailed(said) from None

        return guarded  # type: ignore[return-value]

    return wrap


def quietly(lang_of: Callable[[str], str]) -> Callable[[F], F]:
    """A notification handler whose unexpected exceptions are logged in one line, never shown in the editor,
    in the language of the document it is about (``lang_of``: by URI)."""

    def wrap(handler: F) -> F:
        @functools.wraps(handler)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except Exception as exc:
                document = next((a.text_document for a in args if hasattr(a, "text_document")), None)
                said = _logged(
                    "internal_handler",
                    lang_of(getattr(document, "uri", "")),
                    handler=handler.__name__,
                    error=_one_line(exc),
                )
                log.error("%s", said)
                return None

        return guarded  # type: ignore[return-value]

    return wrap


class _Server(LanguageServer):
    """pygls's server, logging what goes wrong outside a request instead of showing it in the editor's
    window (in the server's language, the error quoted; and for a notification the client expects no answer to)."""

    def report_server_error(self, error: Exception, source: Any) -> None:
        if source is not FeatureRequestError:  # (a request's error is its answer, and logged with it)
            protocol = self.protocol
            lang = protocol.docs.lang if isinstance(protocol, _Protocol) else "en"
            log.error("%s", _logged("internal", lang, error=_one_line(error)))


class _Protocol(LanguageServerProtocol):
    """pygls's protocol with the life cycle enforced, requests whose parameters do not fit the LSP types
    answered, positions in UTF-16 only, and documents kept by :class:`Documents` (not pygls's workspace)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: the server's documents and language (set by :func:`build_server`)
        self.docs = Documents()
        #: when the documents are checked
        self.checks = Checks(self.docs)
        self.initialize_seen = False
        #: the process's exit status once ``exit`` came: 0 after ``shutdown``, else 1
        self.exit_code: int | None = None

    def _send_handler_result(self, future: Future[Any], *, msg_id: Any) -> None:
        """pygls's answer to a request, except that a :class:`RequestFailed` (a refusal, such as formatting
        a broken document, or an internal error :func:`answers_errors` has logged already) is answered
        without pygls logging it as an exception; anything else is pygls's, logged as before."""
        if not future.cancelled() and isinstance(refusal := future.exception(), RequestFailed):
            self._request_futures.pop(msg_id, None)
            self._send_response(msg_id, error=refusal.to_response_error())
            return
        super()._send_handler_result(future, msg_id=msg_id)

    def _refuse(self, ident: Any, error: type[JsonRpcException], key: str, **fields: str) -> None:
        said = catalogue_message(key, self.docs.lang, **fields)
        log.error("%s", said)
        self._send_response(ident, None, error(said).to_response_error())

    def _send_response(self, msg_id: Any, result: Any = None, error: Any = None) -> None:
        """pygls's response, with ``"id": null`` kept (pygls leaves out an id of ``None``)."""
        if msg_id is not None:
            super()._send_response(msg_id, result, error)
            return
        answer: dict[str, Any] = {"jsonrpc": "2.0", "id": None}
        if error is not None:
            answer["error"] = self._converter.unstructure(error)
        else:
            answer["result"] = self._converter.unstructure(result)
        self._send_data(answer)

    def not_jsonrpc(self, ident: Any) -> None:
        """Answer a JSON object that is not a JSON-RPC 2.0 message (no ``"jsonrpc": "2.0"``): Invalid Request."""
        self._refuse(ident, JsonRpcInvalidRequest, "author.lsp_session.not_jsonrpc")

    def structure_message(self, data: dict[str, Any]) -> Any:
        if "jsonrpc" in data and "method" in data and "params" not in data:
            data = {**data, "params": None}  # JSON-RPC lets a message leave its parameters out
        if "jsonrpc" in data and data.get("method") == t.WORKSPACE_EXECUTE_COMMAND and "id" in data:
            # no commands: not advertised (see lsp_initialize), refused as any method the server lacks
            method = str(data["method"])
            self._refuse(data["id"], JsonRpcMethodNotFound, "author.lsp_session.unknown_method", method=method)
            return SimpleNamespace(jsonrpc="answered")
        if "jsonrpc" in data and "method" in data and "id" in data and not self._supported(data["method"]):
            # a request the server does not support: its parameters are not read (whatever they are, the
            # answer is MethodNotFound, after the life cycle's answers: handle_message)
            with contextlib.suppress(Exception):  # (one that is no request at all: as pygls reads it, below)
                return self._converter.structure(data, JsonRPCRequestMessage)
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "method" not in data or "jsonrpc" not in data:
                raise
            reason = params_fault(exc.__cause__ or exc, self.docs.lang)
            if "id" not in data:  # a notification: no one to answer; never shown in the editor
                method = str(data["method"])[:100]
                log.error("%s", _logged("params_ignored", self.docs.lang, method=method, reason=reason[:200]))
                return SimpleNamespace(jsonrpc="answered")
            method = str(data["method"])[:100]
            self._refuse(
                data["id"],
                JsonRpcInvalidParams,
                "author.lsp_session.invalid_params",
                method=method,
                reason=reason[:200],
            )
            return SimpleNamespace(jsonrpc="answered")  # handle_message ignores it

    def _supported(self, method: object) -> bool:
        """Whether the server answers requests of ``method`` (a method it has no handler for is not found)."""
        return isinstance(method, str) and (method in self.fm.builtin_features or method in self.fm.features)

    def handle_message(self, message: Any) -> None:
        if getattr(message, "jsonrpc", None) != "2.0":
            return  # answered already (or not JSON-RPC 2.0 at all)
        method = getattr(message, "method", None)
        if method is None:  # a response to a request of ours
            super().handle_message(message)
            return
        if method == t.EXIT:
            self.exit_code = 0 if self._shutdown else 1
            super().handle_message(message)
            return
        if not hasattr(message, "id"):  # a notification: dropped before `initialize` and after `shutdown`
            if self.initialize_seen and not self._shutdown:
                super().handle_message(message)
            return
        ident = message.id
        if self._shutdown:
            self._refuse(ident, JsonRpcInvalidRequest, "author.lsp_session.shut_down")
        elif method == t.INITIALIZE and self.initialize_seen:
            self._refuse(ident, JsonRpcInvalidRequest, "author.lsp_session.initialized_twice")
        elif method != t.INITIALIZE and not self.initialize_seen:
            self._refuse(ident, JsonRpcServerNotInitialized, "author.lsp_session.not_initialized")
        elif not self._supported(method):
            self._refuse(ident, JsonRpcMethodNotFound, "author.lsp_session.unknown_method", method=str(method)[:100])
        else:
            self.initialize_seen = self.initialize_seen or method == t.INITIALIZE
            super().handle_message(message)

    @lsp_method(t.INITIALIZE)
    def lsp_initialize(self, params: t.InitializeParams) -> Any:
        """pygls's ``initialize``, choosing UTF-16 positions whatever the client offers (every client must
        support them; the server counts in nothing else), and taking the client's locale as the server's
        language."""
        general = params.capabilities.general
        if general is not None:
            general.position_encodings = [t.PositionEncodingKind.Utf16]
        locale = (params.locale or "").lower()
        if locale:
            self.docs.locale = locale  # (Japanese: the server's language; else a policy open names it)
        result = yield from super().lsp_initialize(params)
        if isinstance(result, t.InitializeResult):
            result.capabilities.execute_command_provider = None  # the server has no commands
        return result

    # the documents are :class:`Documents`'s: pygls's workspace (which splits lines as `str.splitlines`
    # does and reads the disk for a document not open) is left out
    @lsp_method(t.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: t.DidOpenTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(t.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(t.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: t.DidChangeTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(t.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(t.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: t.DidCloseTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(t.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


def params_fault(error: BaseException, lang: str) -> str:
    """What is wrong with a request's parameters, from cattrs' error: the first field at fault, by its
    path in the message (``params.position.line``), missing or with an invalid value."""
    found = _fault(error, "")
    if found is None:
        said = str(error).strip().split("\n", 1)[0][:200]
        return catalogue_message("author.lsp_session.params_other", lang, error=said)
    path, leaf = found
    path = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), path.lstrip("."))[:200] or "params"
    if isinstance(leaf, KeyError):
        return catalogue_message("author.lsp_session.param_missing", lang, path=path)
    return catalogue_message("author.lsp_session.param_invalid", lang, path=path, error=_one_line(leaf))


def _fault(error: BaseException, path: str) -> tuple[str, BaseException] | None:
    """The first error at a leaf of cattrs' exception groups, with the path of fields and indexes to it."""
    from cattrs.errors import AttributeValidationNote, IterableValidationNote

    if not isinstance(error, BaseExceptionGroup):
        return path, error
    for sub in error.exceptions:
        step = ""
        for note in getattr(sub, "__notes__", []):
            if isinstance(note, AttributeValidationNote):
                step = f".{note.name}"
            elif isinstance(note, IterableValidationNote):
                step = f"[{note.index}]"
        found = _fault(sub, path + step)
        if found is not None:
            return found
    return None


def format_edits(source: str) -> list[t.TextEdit]:
    """The whole-document edit that formats ``source``; :class:`RequestFailed` saying why when it cannot.
    As ``sla fmt``: refused only for a text that does not parse (its syntax errors, :func:`~.fmt.syntax_errors`),
    whatever else its diagnostics say; none when the text is formatted but for its line ends or byte-order
    mark, and the edit keeps both (:class:`~.fmt.LineStyle`)."""
    from .fmt import FormatError, LineStyle, format_text, syntax_errors

    def refuse(lang: str, reason: str) -> RequestFailed:
        return RequestFailed(catalogue_message("author.lsp.cannot_format", lang, reason=reason))

    text, refused = decode_policy(source)
    if text is None:  # not read: worded in the language its header declares, if that can be read
        lang = refused_language(source)
        raise refuse(lang, refused[0].text(lang))
    compiled = compile_text(text)
    lang = policy_language(compiled.model)  # the document's primary language, as its diagnostics
    syntax = syntax_errors(compiled.errors)
    if syntax:  # (a text that does not parse; the other errors are the diagnostics', as sla check's)
        first, count = syntax[0], len(syntax)  # (the first named where sla check puts it: line, column)
        said = catalogue_message(
            f"author.lsp.syntax_errors.{'one' if count == 1 else 'other'}",
            lang,
            count=count,
            line=first.span.line,
            column=first.span.column,
            message=first.text(lang),
        )
        raise refuse(lang, said)
    try:
        result = format_text(text, lang)
    except FormatError as exc:
        raise refuse(lang, str(exc)) from None
    if result == text:  # (both normalised: LF, no byte-order mark)
        return []
    lines = source_lines(source)
    end = t.Position(line=len(lines) - 1, character=utf16_column(lines[-1], len(lines[-1])))
    new_text = LineStyle.of(source).apply(result)
    return [t.TextEdit(range=t.Range(start=t.Position(line=0, character=0), end=end), new_text=new_text)]


def completion_items(docs: Documents, uri: str, position: t.Position) -> list[t.CompletionItem]:
    """What completion offers at ``position`` of an open document (nothing for one not open, nor in a
    comment or a text): what the grammar takes there, each label once, each with an edit replacing the
    whole word under the cursor."""
    text = docs.texts.get(uri)
    where = completing(text, position.line, position.character) if text is not None else None
    if text is None or where is None or where.quiet:
        return []
    clean = docs.known(uri)
    pm = clean.model if clean is not None else None
    lang = docs.langs.get(uri) or (policy_language(pm) if pm is not None else "en")
    accepts, kind = where.accepts, where.kind
    dot = where.typed.rfind(".")
    names = accepts is None or "NAME" in accepts
    offered: list[t.CompletionItem] = []
    # the declared names of the kind that goes there (every name where the text before does not parse: the
    # kind cannot be told; none where the words before tell no kind of declared name, a new name's place)
    every = accepts is None
    if dot < 0 and names and pm is not None and (every or kind is not None):
        offered += [
            t.CompletionItem(label=name, kind=t.CompletionItemKind.Reference, detail=_label_of(node, lang))
            for what, name, node in declared_names(pm)
            if every or what == kind
        ]
        if every or kind == "value":
            offered += [  # attribute values, with their labels (issue 16)
                t.CompletionItem(label=v.name, kind=t.CompletionItemKind.EnumMember, detail=value_detail(a, v, lang))
                for a in pm.attributes
                for v in a.labels
            ]
    if dot < 0 and names:  # the language's own words: zones, holiday sets, languages, channels
        offered += [
            t.CompletionItem(label=word, kind=t.CompletionItemKind.EnumMember, detail=detail or None)
            for word, detail in word_choices(kind, where.typed, lang)
        ]
    if kind == "weekday" and dot < 0:  # `holiday yearly 4th thu of nov`: the weekdays, then the months
        offered += [
            t.CompletionItem(
                label=w.value,
                kind=t.CompletionItemKind.EnumMember,
                detail=catalogue_message(f"diff.weekday.{w.index}", lang),
            )
            for w in m.Weekday
        ]
    if kind == "month" and dot < 0:
        offered += [
            t.CompletionItem(
                label=name, kind=t.CompletionItemKind.EnumMember, detail=catalogue_message(f"site.month.{n}", lang)
            )
            for n, name in enumerate(m.MONTHS, 1)
        ]
    if accepts is None or "EVENT" in accepts:
        head = where.typed[: dot + 1]  # after `incident.`, the incident events
        # (only the families the place allows: a clock runs on incident events, E244)
        families = where.events or ("",)
        # the contract's event types, with the site's words for them in the document's language (the
        # policy's own for a type it relabels: `event incident.responded "…" / "…"`)
        relabels = {e.name: e.label for e in pm.event_types if e.relabels} if pm is not None else {}
        offered += [
            t.CompletionItem(
                label=e, kind=t.CompletionItemKind.Event, detail=printable(event_words(e, lang, relabels)) or None
            )
            for e in m.EVENT_TYPES
            if e.startswith(head) and e.startswith(families)
        ]
        if pm is not None:  # the event types the policy declares, by their labels
            offered += [
                t.CompletionItem(
                    label=d.name, kind=t.CompletionItemKind.Event, detail=printable(own(d.label, lang)) or None
                )
                for d in pm.declared_events
                if d.name.startswith(head) and d.name.startswith(families)
            ]
    if dot < 0:
        words = keywords() if accepts is None else sorted(w for w in accepts if w not in ("NAME", "EVENT"))
        offered += [t.CompletionItem(label=k, kind=t.CompletionItemKind.Keyword) for k in words]
    line = source_lines(text)[position.line]
    span = t.Range(
        start=t.Position(line=position.line, character=utf16_column(line, where.start)),
        end=t.Position(line=position.line, character=utf16_column(line, where.end)),
    )
    items: dict[str, t.CompletionItem] = {}
    for item in offered:
        if item.label not in items:
            item.text_edit = t.TextEdit(range=span, new_text=item.label)
            items[item.label] = item
    return list(items.values())


def _label_of(node: m.Node, lang: str) -> str | None:
    """A declaration's label in ``lang`` (a completion's detail: plain text, a control character as its
    escape), if it has one."""
    label = getattr(node, "label", None)
    return (printable(own(label, lang)) or None) if isinstance(label, m.Label) else None


#: The language id of a policy (the TextMate grammar's, ``editors/sla.tmLanguage.json``); a document with
#: another is checked only if its URI ends in ``.sla``.
LANGUAGE_ID = "sla"


def is_policy(language_id: str | None, uri: str) -> bool:
    """Whether a document the client opens is a policy: its language id is ``sla``, or its URI ends in ``.sla``."""
    return language_id == LANGUAGE_ID or uri.lower().endswith(".sla")


def _compile(text: str, uri: str) -> Compiled | Exception:
    """``text`` compiled, or the exception compiling it raised (a bug of ours, shown as ``E000``)."""
    try:
        return compile_text(text, uri)
    except Exception as exc:
        return exc


def _check(text: str, uri: str, open_texts: dict[str, str], versions: Versions) -> tuple[Compiled | Exception, Beside]:
    """``text`` compiled (:func:`_compile`), and what comparing it with the versions beside it found
    (``open_texts``: the text of every open document, as the check started)."""
    compiled = _compile(text, uri)
    if isinstance(compiled, Exception):
        return compiled, Beside({uri: text})
    try:
        return compiled, versions.beside(uri, text, compiled, open_texts)
    except Exception as exc:  # a bug of ours: the document's own diagnostics are still shown
        lang = policy_language(compiled.model) if compiled.model is not None else "en"  # (the document's)
        log.error("%s", _logged("internal_versions", lang, uri=uri[:300], error=_one_line(exc)))
        return compiled, Beside({uri: text})


def shown_diagnostic(text: str, shown: Shown) -> t.Diagnostic:
    """A finding of versions compared as an LSP diagnostic of the open document whose text is ``text``,
    with the other version's statement as related information."""
    d = shown.diagnostic
    help_text = d.help_text(shown.lang)
    said = shown.text + (f"\n{catalogue_message('diag.word.help', shown.lang)}: {help_text}" if help_text else "")
    severity = t.DiagnosticSeverity.Error if d.is_error else t.DiagnosticSeverity.Warning
    other = shown.related
    where = t.Location(uri=other.uri, range=span_range(other.text, other.span))
    return t.Diagnostic(
        range=span_range(text, shown.span),
        message=said,
        severity=severity,
        code=d.code,
        source="sla",
        related_information=[t.DiagnosticRelatedInformation(location=where, message=other.name)],
    )


def _place_key(d: t.Diagnostic) -> tuple[int, int, bool]:
    """Where a diagnostic stands, as ``sla check`` orders them: by line and column, an error before a
    warning at the same place."""
    start = d.range.start
    return (start.line, start.character, d.severity is t.DiagnosticSeverity.Warning)


class Checks:
    """When each open document is compiled and its diagnostics published (see the design notes): at once,
    or, when :attr:`deferred`, on a worker thread once every message received so far has been handled
    (:meth:`idle`), the latest text only, a result for a text changed since dropped."""

    def __init__(self, docs: Documents) -> None:
        self.docs = docs
        #: set by ``sla lsp``, whose reader calls :meth:`idle`; otherwise each check runs when it is wanted
        self.deferred = False
        #: where diagnostics go: the server's ``publishDiagnostics`` (set by :func:`build_server`)
        self.send: Callable[[t.PublishDiagnosticsParams], None] = lambda params: None
        #: documents whose current text is to be checked, in the order they were changed
        self.wanted: dict[str, None] = {}
        #: the compiles of the versions beside the open documents (used by the worker only)
        self.versions = Versions()
        self._running: set[str] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pool: ThreadPoolExecutor | None = None

    def want(self, uri: str) -> None:
        """Check an open document's current text: now, or when the client's messages have been handled."""
        text = self.docs.texts.get(uri)
        if text is None:
            return
        if not self.deferred:
            self._show(uri, text, self.docs.versions.get(uri), *_check(text, uri, dict(self.docs.texts), self.versions))
            return
        self._loop = asyncio.get_running_loop()
        self.wanted[uri] = None

    def idle(self) -> None:
        """The reader is about to wait for the client (on its thread): start the checks wanted."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._start)

    def _start(self) -> None:
        loop = self._loop
        assert loop is not None
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sla-check")
        for uri in list(self.wanted):
            text = self.docs.texts.get(uri)
            if uri in self._running:
                continue  # (checked again when the check under way ends)
            del self.wanted[uri]
            if text is None:
                continue
            version = self.docs.versions.get(uri)
            self._running.add(uri)
            future = self._pool.submit(_check, text, uri, dict(self.docs.texts), self.versions)

            def done(
                f: Future[tuple[Compiled | Exception, Beside]],
                uri: str = uri,
                text: str = text,
                v: int | None = version,
            ) -> None:
                loop.call_soon_threadsafe(self._done, uri, text, v, f.result())

            future.add_done_callback(done)

    def _done(self, uri: str, text: str, version: int | None, result: tuple[Compiled | Exception, Beside]) -> None:
        self._running.discard(uri)
        if self.docs.texts.get(uri) == text and self.docs.versions.get(uri) == version:
            self._show(uri, text, version, *result)
        # else the document changed (its latest text is wanted) or was closed: this result is dropped
        if self.wanted:
            self._start()

    def _show(self, uri: str, text: str, version: int | None, compiled: Compiled | Exception, beside: Beside) -> None:
        """Publish a document's diagnostics (its own and the findings of the versions beside it), and
        again those of each other open document compared whose findings changed (unless its text changed
        since, or it was never checked: its own check shows them)."""
        docs = self.docs
        docs.own[uri] = docs.settle(uri, text, compiled)
        for other, other_text in beside.texts.items():
            if other != uri and (docs.texts.get(other) != other_text or other not in docs.own):
                continue
            found = [shown_diagnostic(other_text, s) for s in beside.found.get(other, [])]
            if other != uri and found == docs.beside.get(other, []):
                continue
            docs.beside[other] = found
            shown = sorted(docs.own[other] + found, key=_place_key)  # (in the order of `sla check DIR`)
            self._publish(other, shown, version if other == uri else docs.versions.get(other))

    def beside(self, uri: str) -> None:
        """Check again the open documents in the directory of ``uri`` (just closed: read from the disk now)."""
        for other in same_directory(uri, self.docs.texts):
            self.want(other)

    def _publish(self, uri: str, diags: list[t.Diagnostic], version: int | None) -> None:
        self.send(t.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=version))


def build_server(lang: str = "en") -> LanguageServer:
    """The language server with every feature registered; ``lang``: its language until the client's
    ``initialize`` names a locale."""
    server = _Server("sla-lsp", __version__, protocol_cls=_Protocol)
    protocol = server.protocol
    assert isinstance(protocol, _Protocol)
    docs = protocol.docs
    docs.default = lang
    protocol.checks.send = server.text_document_publish_diagnostics

    checks = protocol.checks
    others: set[str] = set()  # open documents that are not policies (another language id): never checked

    def publish(ls: LanguageServer, uri: str) -> None:
        checks.want(uri)

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    @quietly(docs.lang_of)
    def did_open(ls: LanguageServer, params: t.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        if not is_policy(doc.language_id, doc.uri):
            others.add(doc.uri)
            return
        docs.open(doc.uri, doc.text, doc.version)
        publish(ls, doc.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    @quietly(docs.lang_of)
    def did_change(ls: LanguageServer, params: t.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in others:
            return
        if not docs.change(uri, params.content_changes, params.text_document.version):
            log.error("%s", _logged("change_not_open", docs.lang_of(uri), uri=uri[:300]))
            return
        publish(ls, uri)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    @quietly(docs.lang_of)
    def did_save(ls: LanguageServer, params: t.DidSaveTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)  # (nothing for a document not open: the disk is not read)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    @quietly(docs.lang_of)
    def did_close(ls: LanguageServer, params: t.DidCloseTextDocumentParams) -> None:
        if params.text_document.uri in others:
            others.discard(params.text_document.uri)
            return
        docs.close(params.text_document.uri)
        checks.wanted.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))
        checks.beside(params.text_document.uri)  # (the versions beside it now read it from the disk)

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    @answers_errors(docs.lang_of)
    def hover(ls: LanguageServer, params: t.HoverParams) -> t.Hover | None:
        uri = params.text_document.uri
        found = docs.shifted(uri)
        line = found[1].to_then(params.position.line) if found is not None else None
        if found is None or line is None:
            return None
        clean = found[0]
        lang = docs.langs.get(uri) or policy_language(clean.model)  # as its diagnostics: the primary language
        text = hover_text(clean.model, clean.text, line, params.position.character, lang)
        if text is None:
            return None
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=text))

    @server.feature(t.TEXT_DOCUMENT_DEFINITION)
    @answers_errors(docs.lang_of)
    def definition(ls: LanguageServer, params: t.DefinitionParams) -> t.Location | None:
        uri = params.text_document.uri
        found = docs.shifted(uri)
        line = found[1].to_then(params.position.line) if found is not None else None
        if found is None or line is None:
            return None
        clean, shift = found
        span = definition_at(clean.model, clean.text, line, params.position.character)
        if span is None:
            return None
        then = span_range(clean.text, span)
        start, end = shift.to_now(then.start.line), shift.to_now(then.end.line)
        if start is None:
            return None
        begin = t.Position(line=start, character=then.start.character)
        finish = t.Position(line=end, character=then.end.character) if end is not None else begin
        return t.Location(uri=uri, range=t.Range(start=begin, end=finish))

    @server.feature(t.TEXT_DOCUMENT_FORMATTING)
    @answers_errors(docs.lang_of)
    def formatting(ls: LanguageServer, params: t.DocumentFormattingParams) -> list[t.TextEdit]:
        uri = params.text_document.uri
        text = docs.texts.get(uri)
        if text is None:  # never the file on the disk: the client's text is the document
            raise RequestFailed(catalogue_message("author.lsp_session.not_open", docs.lang_of(uri), uri=uri[:300]))
        return format_edits(text)

    @server.feature(t.TEXT_DOCUMENT_COMPLETION, t.CompletionOptions(trigger_characters=["."]))
    @answers_errors(docs.lang_of)
    def completion(ls: LanguageServer, params: t.CompletionParams) -> t.CompletionList:
        items = completion_items(docs, params.text_document.uri, params.position)
        return t.CompletionList(is_incomplete=False, items=items)

    return server


class _OneLine(logging.Formatter):
    """Log records as one line each: no traceback reaches the editor's log."""

    def format(self, record: logging.LogRecord) -> str:
        return "sla lsp: " + record.getMessage().strip().split("\n", 1)[0]


#: pygls's English lines that the server follows with its own, in its language: a message whose parameters
#: do not fit (:meth:`_Protocol.structure_message`), a message that could not be handled (the server's
#: ``report_server_error``).
_PYGLS_SAID_AGAIN = ("Unable to deserialize message", "Unable to handle message")


def _not_said_again(record: logging.LogRecord) -> bool:
    """Whether a log record is written: not one of pygls's that the server says itself (:data:`_PYGLS_SAID_AGAIN`)."""
    return not (record.name.startswith("pygls") and str(record.msg).startswith(_PYGLS_SAID_AGAIN))


def _send(data: bytes) -> None:
    """Write one whole message to stdout (one ``write``: see :mod:`.lspframing`)."""
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def cmd_lsp(args: argparse.Namespace) -> int:
    """``sla lsp``: serve LSP over stdio until the client exits; 1 when it exits without ``shutdown``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    handler.addFilter(_not_said_again)  # (one line per problem, in the server's language)
    for name in ("pygls", "sla_dsl.lsp"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.ERROR if name == "pygls" else logging.INFO)
        logger.propagate = False
    server = build_server("ja" if getattr(args, "usage_lang", None) == "ja" else "en")  # the locale's, as the help
    protocol = server.protocol
    assert isinstance(protocol, _Protocol)
    protocol.checks.deferred = True
    reader = FramedReader(
        sys.stdin.buffer,
        _send,
        lambda reason: log.error("%s", reason),
        idle=protocol.checks.idle,
        invalid=protocol.not_jsonrpc,
        lang=lambda: protocol.docs.lang,  # (the server's language, as it stands when a message is read)
    )
    server.start_io(stdin=reader)  # type: ignore[arg-type]
    if protocol.exit_code is not None:
        return protocol.exit_code
    return 0 if protocol._shutdown else 1  # the input ended without `exit`: a client gone without `shutdown`

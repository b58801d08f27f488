"""The language server's stdin: LSP base-protocol framing that answers broken messages instead of hanging.

Design notes
------------
* pygls reads stdin with ``readline`` and ``read`` and trusts the framing: a
  ``Content-Length`` it cannot parse (``abc``, a lower-case header name, none
  at all) leaves it reading the body as headers, gluing every later message to
  the one before; the server stays up and never answers again. A body that is
  not JSON is logged and dropped, and a request is never answered.
* :class:`FramedReader` sits between stdin and pygls. It parses the headers
  itself (names case-insensitive, as HTTP's), reads exactly one body, checks
  that it is JSON, and hands pygls the same message in canonical form
  (``Content-Length: N``, blank line, body). Anything else is answered with a
  JSON-RPC error response (-32700, ``id`` null, a readable message), logged
  on stderr in one line, and skipped:
  - a missing or non-numeric ``Content-Length``: the body's end is unknown, so
    the reader resynchronises at the next ``Content-Length:`` header (a body
    without a line end is glued to it); if the skipped bytes were a request,
    it gets its own error response too;
  - a length over :data:`MAX_MESSAGE_BYTES`: the body is read and discarded
    in pieces, never held;
  - a body that is not a JSON object, or that nests too deeply for the parser
    (``{"a":[[[[…]]]]}`` a thousand levels down: Python's ``RecursionError``,
    which would otherwise end the process);
  - a header line with bytes before ``Content-Length:`` (``0}}Content-Length: 52``:
    the message before announced fewer bytes than it sent, and its tail was
    read as headers): the bytes are skipped and the message is read from its
    ``Content-Length``, so that one short length costs one message (answered
    as not JSON), not the next one too.
* Answers are written from the reading thread while pygls writes from its
  event loop; each answer is one ``write`` of a whole message on the buffered
  stdout, whose lock keeps two messages from interleaving.
* What it answers and logs is worded from the catalogue
  (``author.lsp_session.framing.*``) in the server's language, asked of
  :attr:`FramedReader.lang` each time (the client's ``locale``, or the policy
  open in the editor, may set it after the reader started: see
  :attr:`sla_dsl.authoring.lsp.Documents.lang`); English by default. An answer's
  ``message`` is the line the log writes: a client shows it in its log or output
  panel, where a person reads it, so it is in that person's language as the
  server's other answers are. The JSON-RPC ``code`` (-32700, -32600) is what a
  program reads. The Python error a body that is not JSON raises is quoted as it
  is.
"""

from __future__ import annotations

import json
import os
import select
from collections import deque
from collections.abc import Callable
from typing import Any, BinaryIO

from ..i18n import message as catalogue_message

#: The largest message body read (a policy is at most 1 MiB; JSON escaping can grow it several times).
MAX_MESSAGE_BYTES = 64 << 20
#: JSON-RPC's code for a message that cannot be parsed.
PARSE_ERROR = -32700
#: JSON-RPC's code for a JSON object that is not a request, a notification or a response.
INVALID_REQUEST = -32600
_HEADER = b"content-length:"


def error_response(ident: Any, code: int, message: str) -> bytes:
    """A framed JSON-RPC error response."""
    body = json.dumps({"jsonrpc": "2.0", "id": ident, "error": {"code": code, "message": message}}).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class FramedReader:
    """The client's byte stream as pygls reads it (``readline``, ``read``), with broken framing answered."""

    def __init__(
        self,
        raw: BinaryIO,
        send: Callable[[bytes], None],
        log: Callable[[str], None],
        *,
        idle: Callable[[], None] | None = None,
        invalid: Callable[[Any], None] | None = None,
        lang: Callable[[], str] | None = None,
    ) -> None:
        self.raw = raw
        self.send = send
        self.log = log
        #: the language of what it answers and logs, asked each time (the server's: it may change as the
        #: session goes on); English when not given
        self.lang = lang or (lambda: "en")
        #: called (on the reading thread) before a read that waits for the client: every message sent so far
        #: has been handed on, and handled, since pygls asks for the next one only after the last
        self.idle = idle
        #: answers a JSON object that is not a JSON-RPC 2.0 message, given its ``id`` (``None`` if it has none)
        self.invalid = invalid
        self._out: deque[bytes] = deque()
        self._carry: bytes | None = None
        self._buf = bytearray()
        try:
            self._fd: int | None = raw.fileno()
        except (AttributeError, OSError, ValueError):
            self._fd = None  # (an in-memory stream: never waits)

    # -- what pygls calls -------------------------------------------------------------------------
    def readline(self) -> bytes:
        """The next header line of the canonical stream (``b""`` at the end)."""
        if not self._out:
            self._fill()
        return self._out.popleft() if self._out else b""

    def read(self, n: int) -> bytes:
        """The body announced by the header just read."""
        return self._out.popleft() if self._out else b""

    # -- reading the real stream ------------------------------------------------------------------
    def _fill(self) -> None:
        """Queue the next good message, answering bad ones on the way; nothing at the end of input."""
        while True:
            headers = self._headers()
            if headers is None:
                return
            body = self._body(headers)
            if body is None:
                continue
            if isinstance(body, _End):
                return
            try:
                message = json.loads(body)
            except (ValueError, UnicodeDecodeError) as exc:
                self._answer(None, self._said("not_json", error=str(exc)))
                continue
            except RecursionError:
                self._answer(None, self._said("too_deep"))
                continue
            if not isinstance(message, dict):
                self._answer(None, self._said("not_object"))
                continue
            if message.get("jsonrpc") != "2.0":  # (JSON-RPC's Invalid Request, with its id when it has one)
                ident = message.get("id")
                ident = ident if isinstance(ident, int | str) and not isinstance(ident, bool) else None
                if self.invalid is not None:
                    self.invalid(ident)
                else:
                    self._answer(ident, self._said("not_jsonrpc"), INVALID_REQUEST)
                continue
            self._out.extend([b"Content-Length: %d\r\n" % len(body), b"\r\n", body])
            return

    def _line(self) -> bytes:
        if self._carry is not None:
            line, self._carry = self._carry, None
            return line
        return self._readline(MAX_MESSAGE_BYTES)

    def _headers(self) -> dict[bytes, bytes] | None:
        """The header fields of the next message (lower-case names); ``None`` at the end of input."""
        headers: dict[bytes, bytes] = {}
        while True:
            line = self._line()
            if not line:
                if headers:
                    self.log(self._said("ended_in_headers"))
                return None
            if not line.strip():
                if headers:
                    return headers
                continue  # blank lines between messages
            name, sep, value = line.partition(b":")
            key = name.strip().lower() if sep else b""
            if _glued(key):  # a body shorter than announced left bytes before the next message's header
                at = line.lower().find(_HEADER)
                self.log(self._said("skipped", count=f"{at:,}"))
                headers = {}  # what came before belongs to no message
                key, value = _HEADER[:-1], line[at + len(_HEADER) :].strip()
            headers[key] = value.strip()

    def _body(self, headers: dict[bytes, bytes]) -> bytes | _End | None:
        """The body the headers announce; ``None`` when it was answered and skipped."""
        value = headers.get(b"content-length")
        if value is None or not value.isdigit() or len(value) > 15:
            said = (
                self._said("no_length")
                if value is None
                else self._said("bad_length", value=value[:40].decode("ascii", "replace"))
            )
            self._answer(None, said)
            return self._resync()
        size = int(value)
        if size > MAX_MESSAGE_BYTES:
            self._answer(None, self._said("too_large", size=f"{size:,}", limit=f"{MAX_MESSAGE_BYTES:,}"))
            left = size
            while left > 0:
                chunk = self._read(min(left, 1 << 16))
                if not chunk:
                    return _EOF
                left -= len(chunk)
            return None
        body = self._read(size)
        if len(body) < size:
            self.log(self._said("ended_in_body", read=f"{len(body):,}", size=f"{size:,}"))
            return _EOF
        return body

    def _resync(self) -> _End | None:
        """Skip to the next ``Content-Length:`` header; answer the skipped bytes if they were a request."""
        skipped: list[bytes] = []
        size = 0
        while True:
            line = self._readline(MAX_MESSAGE_BYTES)
            if not line:
                return _EOF
            at = line.lower().find(_HEADER)
            if at >= 0:
                self._carry = line[at:]
                skipped.append(line[:at])
                break
            size += len(line)
            if size <= MAX_MESSAGE_BYTES:
                skipped.append(line)
        try:
            message = json.loads(b"".join(skipped))
        except (ValueError, UnicodeDecodeError, RecursionError):
            return None
        if isinstance(message, dict) and message.get("id") is not None and "method" in message:
            self._answer(message["id"], self._said("not_read"))
        return None

    def _said(self, what: str, **fields: object) -> str:
        """The catalogue's words ``author.lsp_session.framing.<what>`` in the server's language."""
        return catalogue_message(f"author.lsp_session.framing.{what}", self.lang(), **fields)

    def _answer(self, ident: Any, message: str, code: int = PARSE_ERROR) -> None:
        self.log(message)
        self.send(error_response(ident, code, message))

    # -- the client's bytes, buffered here so that the reader knows when it is about to wait ----------
    def _more(self) -> bytes:
        """The next bytes the client sent (``b""`` at the end of input), telling :attr:`idle` first when
        there are none yet."""
        if self._fd is None:
            read1 = getattr(self.raw, "read1", None)
            return bytes(read1(1 << 16) if read1 is not None else self.raw.read(1 << 16))
        if self.idle is not None and not _readable(self._fd):
            self.idle()
        return os.read(self._fd, 1 << 16)

    def _readline(self, limit: int) -> bytes:
        """A line of the client's bytes with its end (at most ``limit`` bytes; less at the end of input)."""
        start = 0
        while True:
            at = self._buf.find(b"\n", start)
            if at >= 0 or len(self._buf) >= limit:
                size = min(at + 1 if at >= 0 else len(self._buf), limit)
                break
            start = len(self._buf)
            more = self._more()
            if not more:
                size = len(self._buf)
                break
            self._buf += more
        line = bytes(self._buf[:size])
        del self._buf[:size]
        return line

    def _read(self, n: int) -> bytes:
        """At most ``n`` of the client's bytes, fewer only at the end of input."""
        while len(self._buf) < n:
            more = self._more()
            if not more:
                break
            self._buf += more
        data = bytes(self._buf[:n])
        del self._buf[:n]
        return data


def _readable(fd: int) -> bool:
    """Whether a read of ``fd`` would return at once; ``False`` when that cannot be known (a pipe on Windows)."""
    try:
        return bool(select.select([fd], [], [], 0)[0])
    except (OSError, ValueError):
        return False


def _glued(name: bytes) -> bool:
    """Whether a header name is ``content-length`` after bytes that are no part of a name (``0}}``: the tail
    of a body), not a header of its own such as ``x-content-length``."""
    before = name[: -len(_HEADER) + 1] if name.endswith(_HEADER[:-1]) else b""
    return bool(before) and not (before[-1:].isalnum() or before[-1:] in (b"-", b"_"))


class _End:
    """The end of input, reached inside a message."""


_EOF = _End()

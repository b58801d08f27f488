"""One reader of policy text for every way in: files, stdin, the language server and the API.

Design notes
------------
* **One reader.** ``sla check``, ``sla fmt`` (files and ``-``), the language
  server (which receives a ``str``) and the Python API all turn their input
  into policy text here, so that the same bytes give the same diagnostics
  whichever way they came in. :func:`decode_policy` takes bytes or a ``str``;
  :func:`read_policy_file` and :func:`read_policy_stream` read bytes first.
* **The rules**, in order: at most :data:`MAX_POLICY_BYTES` of UTF-8; a UTF-8
  byte-order mark (or a leading U+FEFF in a ``str``) is dropped; the bytes must
  be UTF-8 (a ``str`` must encode as UTF-8: no lone surrogates); CRLF and a
  lone CR become LF; no NUL. A refusal is an E001 diagnostic located at the
  offending character, counted in the lines of the normalised text.
* **A line is what ends in ``\\n``** once CR and CRLF are normalised: that is
  how Lark counts lines, and what excerpts and the language server count too
  (:mod:`.lines`).
* **Never more than the cap is read.** A regular file larger than the cap is
  refused from its size without reading it; anything else (a device such as
  ``/dev/zero``, a FIFO, stdin, a file whose size the system misreports) is
  read as a stream of at most the cap plus one byte.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from .diagnostics import Diagnostic
from .lines import normalize_newlines
from .model import Span

#: Policies larger than this are refused before parsing (a policy is a few KiB).
MAX_POLICY_BYTES = 1 << 20

_BOM = b"\xef\xbb\xbf"
_TOO_BIG_HELP = "a policy is a few KiB of text; check that this is the policy file"


def _refused(
    file: str, message: str, help: str | None = None, line: int = 1, col: int = 1
) -> tuple[None, list[Diagnostic]]:
    """No text, and the E001 diagnostic saying why."""
    span = Span(line=line, column=col, end_line=line, end_column=col + 1)
    return None, [Diagnostic(code="E001", message=message, span=span, help=help, file=file)]


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, ``text`` already normalised."""
    head = text[:index]
    return head.count("\n") + 1, index - (head.rfind("\n") + 1) + 1


def decode_policy(data: bytes | str, file: str = "<policy>") -> tuple[str | None, list[Diagnostic]]:
    """Policy text from bytes or a ``str``, or ``None`` and the E001 diagnostic saying why not."""
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
        if len(text) > MAX_POLICY_BYTES:  # every character is at least one byte
            return _too_big(file, None, "the policy")
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError as exc:
            good = normalize_newlines(text[: exc.start])
            line, col = _position(good + "?", len(good))
            message = "the text is not valid Unicode (a lone surrogate)"
            return _refused(file, message, "save the policy as UTF-8", line, col)
        if size > MAX_POLICY_BYTES:
            return _too_big(file, size, "the policy")
    else:
        if len(data) > MAX_POLICY_BYTES:
            return _too_big(file, len(data), "the file")
        raw = data[len(_BOM) :] if data.startswith(_BOM) else data
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            good = normalize_newlines(raw[: exc.start].decode("utf-8"))
            line, col = _position(good + "?", len(good))
            return _refused(file, "the file is not UTF-8 text", "save the policy as UTF-8", line, col)
    text = normalize_newlines(text)
    nul = text.find("\x00")
    if nul >= 0:
        line, col = _position(text, nul)
        return _refused(file, "the file contains a NUL byte; it is not a text file", None, line, col)
    return text, []


def _too_big(file: str, size: int | None, what: str) -> tuple[None, list[Diagnostic]]:
    """The E001 diagnostic for input over the cap; ``size`` when it is known."""
    amount = f"is {size:,} bytes" if size is not None else f"is more than {MAX_POLICY_BYTES:,} bytes"
    return _refused(file, f"{what} {amount}; a policy may be at most {MAX_POLICY_BYTES:,}", _TOO_BIG_HELP)


def _read_capped(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``: fewer only at its end."""
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = stream.read(min(left, 1 << 16))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_policy_stream(stream: BinaryIO, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Policy text from a byte stream (stdin, a FIFO, a device), reading at most the cap plus one byte."""
    data = _read_capped(stream, MAX_POLICY_BYTES + 1)
    if len(data) > MAX_POLICY_BYTES:
        return _too_big(file, None, "the input")
    return decode_policy(data, file)


def read_policy_file(path: str | Path) -> tuple[str | None, list[Diagnostic]]:
    """Policy text from a file (or a FIFO or device, read as a stream), or say why it cannot be read."""
    file = str(path)
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                return _refused(file, "this is a directory, not a policy file")
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_POLICY_BYTES:
                return _too_big(file, info.st_size, "the file")
            return read_policy_stream(fh, file)
    except FileNotFoundError:
        return _refused(file, "no such file")
    except IsADirectoryError:
        return _refused(file, "this is a directory, not a policy file")
    except OSError as exc:
        return _refused(file, f"cannot read the file: {exc.strerror or exc}")

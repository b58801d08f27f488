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
  offending character, counted in the lines of the normalised text, worded
  from the catalogue (``diag.E001.*``); the operating system's reason for not
  reading a file is its errno's own phrase, not the C library's English.
* **Bytes that are not UTF-8** are refused, saying so when they read as Shift_JIS (what Japanese
  editors have long saved in), and the refusal carries the languages the header declares when its
  ASCII ``languages ja, en`` line can be read from the bytes (:func:`bytes_languages`), so that the
  refusal can be worded in the policy's language (:func:`~.diagnostics.refusal_language`).
  So do the refusals of a text with a NUL (read from the same bytes: the NUL is one more byte that is
  not read, so a NUL in the header does not hide a ``languages`` line the bytes still show) and of
  input over the cap (read from its first :data:`HEADER_BYTES`), whichever way it came in: ``sla
  check`` and the language server word them alike.
* **UTF-16 and UTF-32** (Windows Notepad's "Unicode", some export tools) are named, from their
  byte-order mark or, without one, from the NUL byte beside every ASCII character, with how to save the
  file again as UTF-8 (``iconv -f UTF-16LE -t UTF-8``): before the UTF-8 reading, which would take
  ASCII text in UTF-16 for text with a NUL. The header's languages are read from the decoded text.
* **A line is what ends in ``\\n``** once CR and CRLF are normalised: that is
  how Lark counts lines, and what excerpts and the language server count too
  (:mod:`.lines`).
* **Each text's fingerprint** is the SHA-256 of what was given, before any
  rule above: a file's or stdin's bytes as read (so ``sha256sum policy.sla``
  gives the same digits: a byte-order mark or CRLF line ends change it), a
  ``str``'s UTF-8 bytes as given (:func:`text_digest`). The reports name each
  version by it (``policy.sha256``), so that two texts of one ``version`` are
  told apart.
* **Never more than the cap is read.** A regular file larger than the cap is
  refused from its size without reading more than its first :data:`HEADER_BYTES`
  (for its languages); anything else (a device such as
  ``/dev/zero``, a FIFO, stdin, a file whose size the system misreports) is
  read as a stream of at most the cap plus one byte.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shlex
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from ..i18n import CATALOGUE
from .diagnostics import Code, Diagnostic, Words, diagnostic, words
from .lines import normalize_newlines
from .model import Span

#: Policies larger than this are refused before parsing (a policy is a few KiB).
MAX_POLICY_BYTES = 1 << 20

_BOM = b"\xef\xbb\xbf"
#: How much of an input over the cap is read for the languages its header declares.
HEADER_BYTES = 1 << 16
_UTF8_HELP = words("diag.E001.help.utf8")


def _refused(
    file: str,
    message: Words,
    help: Words | None = None,
    line: int = 1,
    col: int = 1,
    languages: tuple[str, ...] | None = None,
    located: bool = True,
) -> tuple[None, list[Diagnostic]]:
    """No text, and the E001 diagnostic saying why (with the ``languages`` its header declares, if known;
    not ``located`` for input that was never read, a file that is not there, a directory, a file the system
    will not open or read, a closed standard input: named without a line and column)."""
    span = Span(line=line, column=col, end_line=line, end_column=col + 1)
    refusal = diagnostic("E001", message, span, help=help, file=file)
    update: dict[str, object] = {"languages": languages} if languages else {}
    return None, [refusal.model_copy(update=update | ({} if located else {"located": False}))]


def _os_reason(exc: OSError) -> Words | Code:
    """Why the system could not read a file: its errno's phrase, or the system's own text quoted."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if f"diag.E001.os.{name}" in CATALOGUE:
        return words(f"diag.E001.os.{name}")
    return Code(str(exc.strerror or exc))


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, ``text`` already normalised."""
    head = text[:index]
    return head.count("\n") + 1, index - (head.rfind("\n") + 1) + 1


def decode_policy(data: bytes | str, file: str = "<policy>") -> tuple[str | None, list[Diagnostic]]:
    """Policy text from bytes or a ``str``, or ``None`` and the E001 diagnostic saying why not."""
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
        if len(text) > MAX_POLICY_BYTES:  # every character is at least one byte: its size, as a file's
            head = text[:HEADER_BYTES].encode("utf-8", "replace")
            return _too_big(file, len(text.encode("utf-8", "surrogatepass")), "policy", bytes_languages(head))
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError as exc:
            good = normalize_newlines(text[: exc.start])
            line, col = _position(good + "?", len(good))
            return _refused(file, words("diag.E001.surrogate"), _UTF8_HELP, line, col)
        if size > MAX_POLICY_BYTES:
            return _too_big(file, size, "policy", bytes_languages(text[:HEADER_BYTES].encode("utf-8")))
    else:
        if len(data) > MAX_POLICY_BYTES:
            return _too_big(file, len(data), "file", bytes_languages(data[:HEADER_BYTES]))
        wide = _wide_encoding(data)
        if wide is not None:
            return _refused_wide(file, data, wide)
        raw = data[len(_BOM) :] if data.startswith(_BOM) else data
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            good = normalize_newlines(raw[: exc.start].decode("utf-8"))
            line, col = _position(good + "?", len(good))
            sjis = _looks_shift_jis(raw)
            _, refused = _refused(
                file,
                words("diag.E001.shift_jis") if sjis else words("diag.E001.not_utf8"),
                words("diag.E001.help.shift_jis") if sjis else _UTF8_HELP,
                line,
                col,
            )
            languages = bytes_languages(raw)
            return None, [d.model_copy(update={"languages": languages}) for d in refused]
    text = normalize_newlines(text)
    nul = text.find("\x00")
    if nul >= 0:
        line, col = _position(text, nul)
        languages = bytes_languages(text.encode("utf-8", "replace"))
        return _refused(file, words("diag.E001.nul"), words("diag.E001.nul.help"), line, col, languages)
    return text, []


#: Byte-order marks of the encodings of more than one byte per ASCII character (UTF-32 first: its
#: little-endian mark begins with UTF-16's).
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe", "UTF-16LE"),
    (b"\xfe\xff", "UTF-16BE"),
)


def _wide_encoding(data: bytes) -> str | None:
    """``UTF-16LE`` (or BE, or UTF-32) for bytes in that encoding: from its byte-order mark, or from a NUL
    beside at least half the characters of its first KiB and none on the other side; else ``None``."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    sample = data[:1024]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for nuls, other, name in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
        if nuls.count(0) * 2 >= len(nuls) and other.count(0) == 0:
            try:
                data.decode(name.lower())
            except UnicodeDecodeError:
                return None
            return name
    return None


def _refused_wide(file: str, data: bytes, encoding: str) -> tuple[None, list[Diagnostic]]:
    """E001 for a policy saved in ``encoding`` (UTF-16 or UTF-32), naming it, with the command that saves it
    as UTF-8 and the languages its header declares (read from the text decoded)."""
    try:
        text = data.decode(encoding.lower())
    except UnicodeDecodeError:
        text = data.decode(encoding.lower(), errors="replace")
    languages = bytes_languages(text.lstrip("\ufeff").encode("utf-8"))
    path = Path(file if not file.startswith("<") else "policy.sla")
    target = path.with_name(f"{path.stem}-utf8{path.suffix}")
    command = f"iconv -f {encoding} -t UTF-8 {shlex.quote(str(path))} > {shlex.quote(str(target))}"
    return _refused(
        file,
        words("diag.E001.wide", encoding=Code(encoding)),
        words("diag.E001.help.wide", command=command),
        languages=languages,
    )


def _looks_shift_jis(raw: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as Shift_JIS text with Japanese in it (Windows' code page 932,
    the encoding Japanese editors have long saved in)."""
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    return _JAPANESE.search(text) is not None


_JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
#: The header's declaration: from `sla` at the start of a line to its first `}` (texts may hold braces:
#: their bytes are only approximately read here, and the languages statement comes after them anyway).
_HEADER = re.compile(r'(?m)^sla\s+"[^\n]*\{(?:"(?:\\.|[^"\\\n])*"|[^"}])*\}?')


def bytes_languages(raw: bytes) -> tuple[str, ...] | None:
    """The languages the header of a policy that is not UTF-8 declares, read from its ASCII bytes (its
    other bytes replaced), so that its refusal (E001) can be worded in them; ``None`` when no header's
    ``languages`` can be read."""
    from .languages import header_languages  # (the parser: only for a file refused anyway)

    found = _HEADER.search(normalize_newlines(raw.decode("utf-8", errors="replace")))
    if found is None:
        return None
    languages = header_languages(found.group())
    return languages or None


def _too_big(
    file: str, size: int | None, what: str, languages: tuple[str, ...] | None = None
) -> tuple[None, list[Diagnostic]]:
    """The E001 diagnostic for input over the cap (``what``: policy, file or input); ``size`` when it is
    known; the ``languages`` its first bytes' header declares, when they can be read."""
    most = f"{MAX_POLICY_BYTES:,}"
    subject = words(f"diag.E001.what.{what}")
    text = (
        words("diag.E001.too_big", what=subject, size=f"{size:,}", most=most)
        if size is not None
        else words("diag.E001.too_big.unknown", what=subject, most=most)
    )
    return _refused(file, text, words("diag.E001.too_big.help"), languages=languages)


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


def file_languages(path: str | os.PathLike[str]) -> tuple[str, ...] | None:
    """The languages the header of the policy file ``path`` declares, read from its first
    :data:`HEADER_BYTES` (:func:`bytes_languages`), never compiled: a regular file's only (a FIFO is read
    once, by the command that reads the policy); ``None`` when it cannot be read or declares none."""
    try:
        if not os.path.isfile(path):  # (before opening it: opening a FIFO waits for its writer)
            return None
        with open(path, "rb") as fh:
            return bytes_languages(fh.read(HEADER_BYTES))
    except (OSError, ValueError):  # (unreadable, or a NUL in the path)
        return None


def text_digest(text: str) -> str:
    """The SHA-256 (hex) of a policy given as a ``str``: of its UTF-8 bytes as given (before a leading
    byte-order mark is dropped and line ends normalised), as of a file holding that text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


#: Policy text (or ``None``), the diagnostics of reading it, and the SHA-256 (hex) of the bytes it was
#: read from (``None`` when none was read or the text was refused).
Read = tuple[str | None, list[Diagnostic], str | None]


def read_policy_stream(stream: BinaryIO, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Policy text from a byte stream (stdin, a FIFO, a device), reading at most the cap plus one byte."""
    return read_policy_stream_digest(stream, file)[:2]


def read_policy_stream_digest(stream: BinaryIO, file: str) -> Read:
    """:func:`read_policy_stream`, and the SHA-256 of the bytes read (what ``sha256sum`` says of a file)."""
    data = _read_capped(stream, MAX_POLICY_BYTES + 1)
    if len(data) > MAX_POLICY_BYTES:
        return (*_too_big(file, None, "input", bytes_languages(data[:HEADER_BYTES])), None)
    text, diags = decode_policy(data, file)
    return text, diags, hashlib.sha256(data).hexdigest() if text is not None else None


def read_policy_stdin(file: str = "<stdin>") -> tuple[str | None, list[Diagnostic]]:
    """Policy text from the standard input (``-``); E001 when the process was started without one
    (``<&-``), instead of an internal error."""
    return read_policy_stdin_digest(file)[:2]


def read_policy_stdin_digest(file: str = "<stdin>") -> Read:
    """:func:`read_policy_stdin`, and the SHA-256 of the bytes read."""
    if sys.stdin is None:
        return (*_refused(file, words("diag.E001.stdin_closed"), located=False), None)
    return read_policy_stream_digest(sys.stdin.buffer, file)


def read_policy_file(path: str | Path) -> tuple[str | None, list[Diagnostic]]:
    """Policy text from a file (or a FIFO or device, read as a stream), or say why it cannot be read."""
    return read_policy_file_digest(path)[:2]


def read_policy_file_digest(path: str | Path) -> Read:
    """:func:`read_policy_file`, and the SHA-256 of the file's bytes as read (``sha256sum`` of the file)."""
    file = str(path)
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                return (*_refused(file, words("diag.E001.directory"), located=False), None)
            if stat.S_ISREG(info.st_mode) and info.st_size > MAX_POLICY_BYTES:
                head = bytes_languages(_read_capped(fh, HEADER_BYTES))
                return (*_too_big(file, info.st_size, "file", head), None)
            return read_policy_stream_digest(fh, file)
    except FileNotFoundError:
        return (*_refused(file, words("diag.E001.missing"), located=False), None)
    except IsADirectoryError:
        return (*_refused(file, words("diag.E001.directory"), located=False), None)
    except OSError as exc:
        return (*_refused(file, words("diag.E001.os", reason=_os_reason(exc)), located=False), None)

"""The bytes of an event log -> its lines: decompressed if need be, and never one line unbounded.

Design notes
------------
* One reader of lines for every format and source: ``readline(cap + 1)`` on
  the stream (:func:`bounded_lines`). No line is ever read whole into memory,
  however long: ``/dev/zero`` or a binary file has no end of line at all. A
  line longer than :data:`MAX_LINE_BYTES` (its end of line included) is an
  error of its own line (E112); its rest is read in pieces of
  :data:`_PIECE` and dropped, so that the next line keeps its number and the
  reading goes on. A "line" with no end within :data:`MAX_RUNAWAY_BYTES` is not
  a line of a log: the reading stops there with a fatal E112.
* For CSV the stream is text (decoded as it is read, lines split at ``\\n``,
  ``\\r\\n`` or ``\\r`` as the csv module wants) and the cap counts characters,
  which are never more than the bytes they were decoded from.
* Nothing seeks or asks the size: a device, a FIFO or stdin is read like a file.
  The first bytes are looked at with ``peek``.
* Compressed logs are normal (rotated logs are gzipped): gzip, bzip2 and xz are
  recognised by their magic bytes, whatever the file's name, and decompressed
  as they are read (:func:`uncompressed`). A stream that cannot be read to its
  end (cut short, damaged, an I/O error) stops the reading with a fatal E114 at
  the line where it stopped (:func:`read_failure`), never a traceback and
  never a flood of "not UTF-8" lines.
* Invalid UTF-8 is an error of its line (E113), worded the same in both
  formats (:func:`not_utf8`); the CSV reader decodes with ``surrogateescape``
  so that one bad byte spoils one row, not the file. A log in UTF-16 or UTF-32,
  or an Excel workbook, is one E113 at its start and is not read
  (:func:`foreign_text`): not an error for each of its lines.
"""

from __future__ import annotations

import bz2
import gzip
import io
import os
import re
import shlex
import stat
import zlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path, PurePath
from typing import IO, Any, AnyStr, cast

from ..errors import PicklesAsIs
from ..lang.diagnostics import Arg, Code, Words, listing, words
from .problems import Problem, os_reason, problem

#: The most bytes one event line may hold, its end of line included (1 MiB).
#: An event is a few hundred bytes; a longer line is an error of its own line.
MAX_LINE_BYTES = 1 << 20
#: How far an over-long line is followed to find its end before the reading stops.
MAX_RUNAWAY_BYTES = 64 << 20
#: The sizes of a plain JSON Lines file that Arrow's JSON reader may read whole (:mod:`.jsonl_columns`):
#: below, the line reader is done before pyarrow is imported; above, the text held whole (with its
#: columns, about three times its size) is too much, and the line reader streams it.
COLUMNS_FROM_BYTES = 8 << 20
COLUMNS_UP_TO_BYTES = 1 << 30
_PIECE = 1 << 16

try:  # Python can be built without lzma
    import lzma

    _LZMA_ERRORS: tuple[type[Exception], ...] = (lzma.LZMAError,)
except ImportError:  # pragma: no cover
    lzma = None  # type: ignore[assignment]
    _LZMA_ERRORS = ()

#: What reading a (possibly compressed) stream may raise part way.
READ_ERRORS: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error, *_LZMA_ERRORS)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"PK\x03\x04", "zip"),
)
#: How to decompress a log by hand, for each compression recognised.
_TOOLS = {"gzip": "gzip -d", "bzip2": "bzip2 -d", "xz": "xz -d", "zstd": "zstd -d", "zip": "unzip"}


class UnreadableCompression(Exception):
    """The log is compressed in a way this Python cannot read (zstd, zip; xz without lzma)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind

    def wording(self) -> tuple[str, Words, Words]:
        """(code, message, help) of the problem, at line 1."""
        return (
            "E114",
            words("events.E114.compression", kind=self.kind),
            words("events.E114.compression.help", tool=f"`{_TOOLS[self.kind]}`", formats=_REREAD),
        )


#: The compressions read here, as a help names them.
_REREAD = listing(["gzip", "bzip2", "xz"])


def compression(head: bytes) -> str | None:
    """The compression whose magic bytes start ``head`` (``gzip``, ``bzip2``, ``xz``, ``zstd``, ``zip``), or None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name == "bzip2" and not (head[3:4].isdigit() and head[4:10] in (b"1AY&SY", b"\x17rE8P\x90")):
                continue  # "BZh", a block size, then a block or the end: not a line that starts "BZh"
            return name
    return None


def uncompressed(stream: IO[bytes]) -> IO[bytes]:
    """``stream``, decompressed as it is read when its first bytes are those of a compressed file.

    Raises :class:`UnreadableCompression` for a compression that cannot be read.
    """
    peek = getattr(stream, "peek", None)
    head: bytes = peek(16)[:16] if peek is not None else b""
    kind = compression(head)
    if kind == "gzip":
        return cast("IO[bytes]", gzip.GzipFile(fileobj=stream, mode="rb"))
    if kind == "bzip2":
        return cast("IO[bytes]", bz2.BZ2File(stream))
    if kind == "xz" and lzma is not None:
        return cast("IO[bytes]", lzma.LZMAFile(stream))
    if kind is not None:
        raise UnreadableCompression(kind)
    return stream


def decompress_tool(kind: str) -> str:
    """The command that decompresses a file of compression ``kind`` (``gzip -d`` ...)."""
    return _TOOLS[kind]


def plain_bytes(path: Path) -> bytes | None:
    """The whole of the file ``path``, or None when its first bytes are a compression's (:func:`compression`:
    the line readers decompress it, or name the compression they cannot read). Raises OSError."""
    with path.open("rb") as fh:
        if compression(fh.read(16)) is not None:
            return None
        fh.seek(0)
        return fh.read()


def lines_shorter(data: bytes, cap: int, start: int = 0) -> bool:
    """Whether every line of ``data`` from ``start`` on is shorter than ``cap`` bytes, near enough: every
    stretch of half the cap holds a newline (a line of the cap's length holds a whole stretch), found by
    ``bytes.find`` without a pass over every line."""
    half = cap // 2
    return all(data.find(b"\n", k, k + half) >= 0 for k in range(start, len(data) - half, half))


def columns_worth(path: Path) -> bool:
    """Whether ``path`` is a regular file of a size Arrow's JSON reader may read whole (raises OSError)."""
    info = path.stat()
    return stat.S_ISREG(info.st_mode) and COLUMNS_FROM_BYTES <= info.st_size <= COLUMNS_UP_TO_BYTES


def columnar_magic(head: bytes) -> str | None:
    """``"Parquet"`` or ``"Arrow"`` when ``head`` (a file's first bytes) opens such a file, else None:
    a Parquet file starts with ``PAR1``, an Arrow IPC file with ``ARROW1``, an IPC stream with the
    continuation marker ``FF FF FF FF``; no UTF-8 text starts with any of them."""
    if head.startswith(b"PAR1"):
        return "Parquet"
    if head.startswith((b"ARROW1", b"\xff\xff\xff\xff")):
        return "Arrow"
    return None


def read_magic(path: str | Path) -> str | None:
    """:func:`columnar_magic` of the file at ``path``, read from it (raises OSError)."""
    with open(path, "rb") as fh:
        return columnar_magic(fh.read(6))


def file_magic(path: str | Path) -> str | None:
    """:func:`columnar_magic` of the regular file at ``path``; None for anything else (a pipe such as
    ``<(zcat log.gz)`` must not lose its first bytes to a peek) or a file that cannot be read (its
    reader says why)."""
    try:
        return read_magic(path) if stat.S_ISREG(os.stat(path).st_mode) else None
    except OSError:
        return None


def piped_table(source: str, line: int, kind: str, stdin: bool = False) -> Problem:
    """The fatal E117 of a table (``kind``: ``Parquet`` or ``Arrow``) given through a pipe or standard
    input: it is read from a file, whose end holds its footer."""
    what = words("events.word.stdin" if stdin else "events.word.pipe")
    said = words("events.E117.pipe", what=what, kind=words(f"events.word.{kind.lower()}"), name=kind)
    hint = words("events.E117.help.stdin" if stdin else "events.E117.help.pipe")
    return problem(source, line, "E117", said, hint, fatal=True)


#: File suffixes read as Parquet, and as Arrow IPC (file or stream format).
PARQUET_SUFFIXES = (".parquet", ".pq")
IPC_SUFFIXES = (".arrow", ".feather", ".ipc", ".arrows")
ARROW_SUFFIXES = PARQUET_SUFFIXES + IPC_SUFFIXES


def is_columnar_path(path: Path) -> bool:
    """Whether ``path`` is read as Parquet or Arrow IPC: a directory, or a file by its name or its
    first bytes (an export saved as ``events.jsonl`` is still Parquet)."""
    return path.is_dir() or path.name.lower().endswith(ARROW_SUFFIXES) or file_magic(path) is not None


def is_parquet_file(path: Path) -> bool:
    """Whether the file ``path`` is read as Parquet, not as Arrow IPC: by its first bytes when they say
    (an Arrow file saved as ``events.parquet`` is Arrow), else by its name."""
    magic = file_magic(path)
    if magic is not None:
        return magic == "Parquet"
    return path.name.lower().endswith(PARQUET_SUFFIXES)


def compressed_as(stream: Any) -> str | None:
    """The compression ``stream`` is decompressing, or None: looked for through the streams it wraps (the
    binary stream under a text one, the raw stream under a buffered one, the stream a reader that gives
    back bytes read ahead reads the rest from: ``rest``)."""
    raw = stream
    for _ in range(8):  # (a few wrappers deep at most)
        if isinstance(raw, gzip.GzipFile):
            return "gzip"
        if isinstance(raw, bz2.BZ2File):
            return "bzip2"
        if lzma is not None and isinstance(raw, lzma.LZMAFile):
            return "xz"
        under = next((getattr(raw, a) for a in ("buffer", "raw", "rest") if getattr(raw, a, None) is not None), None)
        if under is None:
            return None
        raw = under
    return None


def bounded_lines(stream: IO[AnyStr] | Any, empty: AnyStr) -> Iterator[AnyStr]:
    """Each line of ``stream``, at most ``MAX_LINE_BYTES + 1`` long: a longer one is cut there.

    A line longer than the cap (``len(line) > MAX_LINE_BYTES``) is the first
    piece of an over-long line: pass it to :func:`drop_rest`. ``empty`` is
    ``b""`` for a binary stream, ``""`` for a text one. A plain iterable of
    lines (no ``readline``) is taken as it is.
    """
    readline = getattr(stream, "readline", None)
    if readline is None:
        return iter(stream)
    return iter(partial(readline, MAX_LINE_BYTES + 1), empty)


def drop_rest(stream: IO[AnyStr] | Any, first: AnyStr) -> int | None:
    """Read and drop the rest of an over-long line that began with ``first``.

    Returns the line's whole length, or None when it has no end within
    :data:`MAX_RUNAWAY_BYTES` (the reading must stop). May raise READ_ERRORS.
    """
    total = len(first)
    readline = getattr(stream, "readline", None)
    if readline is None or _ended(first, MAX_LINE_BYTES + 1):
        return total  # an iterable gave the whole line; or this piece ended it
    while total <= MAX_RUNAWAY_BYTES:
        piece = readline(_PIECE)
        total += len(piece)
        if _ended(piece, _PIECE):
            return total
    return None


def _ended(piece: str | bytes, asked: int) -> bool:
    """``readline(asked)`` returned ``piece``: did it reach the end of the line (or of the stream)?"""
    return len(piece) < asked or piece[-1:] in (b"\n", "\n")


def too_long(length: int | None, unit: str) -> tuple[str, Words, Words, bool]:
    """(code, message, help, fatal) of a line over the cap, ``length`` long (None: no end found);
    ``unit``: ``bytes`` or ``characters``."""
    hint = words("events.E112.help", most=f"{MAX_LINE_BYTES:,}")
    if length is None:
        return "E112", words("events.E112.runaway", limit=str(MAX_RUNAWAY_BYTES >> 20)), hint, True
    return "E112", words("events.E112.long", length=f"{length:,}", unit=words(f"events.unit.{unit}")), hint, False


def read_failure(exc: BaseException, stream: Any, name: str = "FILE") -> tuple[str, Words, Words]:
    """(code, message, help) when reading ``stream`` (the file ``name``) failed part way with ``exc``."""
    kind = compressed_as(stream)
    if kind is not None:
        return (
            "E114",
            words("events.E114.damaged", kind=kind, detail=_damage(exc, kind)),
            words("events.E114.damaged.help", check=f"`{kind} -t {name}`"),
        )
    detail = os_reason(exc) if isinstance(exc, OSError) and exc.errno else _quoted(exc)
    return "E114", words("events.E114.unreadable", detail=detail), words("events.E114.unreadable.help")


#: What the decompressors say of a damaged stream (the start of their message) -> the catalogue's words.
_DAMAGE = (
    ("compressed file ended before", "events.E114.ended"),
    ("crc check failed", "events.E114.checksum"),
    ("incorrect length of data produced", "events.E114.length"),
    ("unknown compression method", "events.E114.method"),
    ("not a gzipped file", "events.E114.not_kind"),
    ("error -3 while decompressing", "events.E114.corrupt"),
    ("invalid data stream", "events.E114.corrupt"),
    ("corrupt input data", "events.E114.corrupt"),
    ("input format not supported by decoder", "events.E114.not_kind"),
)


def _damage(exc: BaseException, kind: str) -> Arg:
    """What is wrong with a compressed stream, in the catalogue's words when the decompressor's message
    is one of its usual ones; else the system's reason, or its message quoted."""
    said = str(exc).lower()
    for start, key in _DAMAGE:
        if said.startswith(start):
            return words(key, kind=kind)
    if isinstance(exc, OSError) and exc.errno:
        return os_reason(exc)
    return _quoted(exc)


def _quoted(exc: BaseException) -> Code:
    """A message of a library's own, quoted as it said it (in backticks in Japanese)."""
    return Code(str(exc) or type(exc).__name__)


def not_utf8(line: str | bytes) -> Words | None:
    """The message for a line that is not UTF-8 text, or None when it is.

    A ``str`` line was decoded with ``surrogateescape``: each byte that was not
    UTF-8 is a lone surrogate in it.
    """
    if isinstance(line, bytes):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            column = len(line[: exc.start].decode("utf-8")) + 1
            return words("events.E113", byte=f"{line[exc.start]:02x}", column=str(column))
        return None
    bad = None if line.isascii() else _ESCAPED.search(line)
    if bad is None:
        return None
    return words("events.E113", byte=f"{ord(bad.group()) - 0xDC00:02x}", column=str(bad.start() + 1))


_ESCAPED = re.compile("[\udc80-\udcff]")


def not_utf8_help(source: str, compressed: str | None = None) -> Words:
    """Help of E113 for a line of the log ``source``: how to convert it from Shift_JIS (CP932), the usual
    encoding of a Japanese Windows export, with the file's own name and extension (``compressed``: the
    compression the log was read through, :func:`compressed_as`)."""
    return words("events.E113.help", example=f"`{_converting('CP932', source, compressed)}`")


#: The command that writes a compressed file decompressed to standard output, for each compression read.
_TO_STDOUT = {"gzip": "zcat", "bzip2": "bzcat", "xz": "xzcat"}
_SUFFIXES = (".gz", ".bz2", ".xz")


def _converting(encoding: str, source: str, compressed: str | None = None) -> str:
    """The ``iconv`` command that writes the log ``source`` (``FILE`` for standard input) from ``encoding``
    to UTF-8 beside it: ``events.csv`` to ``events-utf8.csv``. A log read through a compression
    (``compressed``: ``gzip``, ``bzip2``, ``xz``) is decompressed into it, the text written plain:
    ``zcat events.csv.gz | iconv -f CP932 -t UTF-8 > events-utf8.csv``."""
    name = "FILE" if source.startswith("<") else source
    plain = name
    for suffix in _SUFFIXES:  # (the text written is not compressed)
        plain = plain.removesuffix(suffix)
    path = PurePath(plain)
    out = str(path.with_name(f"{path.stem}-utf8{path.suffix}")) if path.name else f"{plain}-utf8"
    tool = _TO_STDOUT.get(compressed or "")
    if tool is not None:
        return f"{tool} {shlex.quote(name)} | iconv -f {encoding} -t UTF-8 > {shlex.quote(out)}"
    return f"iconv -f {encoding} -t UTF-8 {shlex.quote(name)} > {shlex.quote(out)}"


#: The byte-order marks of the encodings a log is refused in (longest first: UTF-32LE's starts as UTF-16LE's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32", "FF FE 00 00"),
    (b"\x00\x00\xfe\xff", "UTF-32", "00 00 FE FF"),
    (b"\xff\xfe", "UTF-16", "FF FE"),
    (b"\xfe\xff", "UTF-16", "FE FF"),
)
#: An Excel workbook: the old binary ``.xls`` (an OLE2 compound file), the ``.xlsx`` (a zip whose first
#: entries name its parts).
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def foreign_text(head: bytes) -> tuple[str, str] | None:
    """What the first bytes ``head`` of a log say it is when it is not UTF-8 text that can be read:
    (``UTF-16`` or ``UTF-32``, its byte-order mark or the bytes that show it) or (``workbook``, ``.xls``
    or ``.xlsx``); None for anything else. Without a mark, UTF-16 or UTF-32 text is told by its
    first characters, each ASCII (``{``, ``e``, a ``#``) with NUL bytes beside it, which no UTF-8 log
    holds."""
    for bom, encoding, shown in _BOMS:
        if head.startswith(bom):
            return encoding, shown
    if head.startswith(_OLE2):
        return "workbook", ".xls"
    if head.startswith(b"PK\x03\x04") and (b"[Content_Types].xml" in head[:256] or b"xl/" in head):
        return "workbook", ".xlsx"
    for width, encoding in ((4, "UTF-32"), (2, "UTF-16")):
        if len(head) < 2 * width:
            continue
        units = [head[k : k + width] for k in range(0, 2 * width, width)]
        little = all(u[0] and not any(u[1:]) for u in units)
        big = all(u[-1] and not any(u[:-1]) for u in units)
        if little or big:  # (no mark: the byte order named, which ``iconv -f UTF-16`` would guess wrong)
            return encoding + ("LE" if little else "BE"), " ".join(f"{b:02X}" for b in head[: 2 * width])
    return None


class NotText(PicklesAsIs):
    """The log is not UTF-8 text that can be read: UTF-16 or UTF-32 text, an Excel workbook
    (:func:`foreign_text`); ``compressed``: the compression it was read through (its help decompresses
    it first)."""

    def __init__(self, kind: str, shown: str, compressed: str | None = None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.shown = shown
        self.compressed = compressed

    def wording(self, source: str) -> tuple[str, Words, Words]:
        """(code, message, help) of the problem, at line 1 of the log ``source``."""
        if self.kind == "workbook":
            return "E113", words("events.E113.workbook", kind=f"`{self.shown}`"), words("events.E113.workbook.help")
        example = f"`{_converting(self.kind, source, self.compressed)}`"
        said = words("events.E113.wide", encoding=self.kind, bytes=f"`{self.shown}`")
        return "E113", said, words("events.E113.wide.help", example=example)


def refuse_foreign(stream: Any) -> None:
    """Raise :class:`NotText` when the first bytes of ``stream`` (looked at with ``peek``, not taken) are
    those of UTF-16 or UTF-32 text or of an Excel workbook."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return
    try:
        head = peek(512)[:512]
    except READ_ERRORS:
        return  # (the reader says what is wrong)
    found = foreign_text(head)
    if found is not None:
        raise NotText(*found, compressed_as(stream))


def text_stream(stream: IO[bytes]) -> io.TextIOWrapper:
    """``stream`` as UTF-8 text for the csv module: lines as they are, bad bytes kept as surrogates."""
    return io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")

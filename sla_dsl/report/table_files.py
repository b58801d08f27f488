"""The Parquet files of the report's tables: written a row group at a time, put in place together.

Design notes
------------
* :func:`~.tables.write_parquet` writes each table as its rows are built, a row group of
  about 262,144 rows at a time: a year's two million steps are never held at once
  (holding them cost more in fresh memory than writing them). Columns of few
  distinct values (statuses, references) are dictionary-encoded in the file, the
  others (ids, instants, step texts) plain; the encoding is the file's own, a
  reader gets the documented Arrow schema either way. Every column but free text
  (:data:`PROSE`) keeps its statistics (the minimum and maximum of each chunk).
* The files of one run replace those of an earlier run together or not at all:
  each table is written into a temporary file beside its place
  (``.<table>.parquet.*.tmp``), flushed to disk, and only when every table is
  written are they renamed into place. An error on the way (a bad row, a full
  disk, a directory where a file goes, checked first) removes the temporary
  files and leaves the directory as it was, so it never holds tables of two
  runs.
* A rename can fail too (an immutable table, another user's table in a sticky
  directory), after other tables are already in place. So before the first
  rename each earlier table gets a hidden second name beside it (a hard link,
  ``.<table>.parquet.*.bak``; a copy where no hard link can be made), and
  :func:`swap` renames the new tables in, each rename atomic for a reader. If
  one fails, every table already renamed is put back from its backup (or
  removed, when the run before had none), the temporary and backup files are
  removed and the first error is raised. A backup that cannot be put back is
  left where it is, the earlier table's last copy, and its error does not hide
  the first one. After the last rename the backups are removed. Ctrl-C, SIGTERM and
  SIGHUP wait until the renames (or their undoing) are over (:func:`held_signals`),
  and each table is marked placed before its rename, so that an interrupt between
  the two is undone too.
* The tables are replaced as :func:`sla_dsl.files.atomic_file` replaces the
  single-file reports (which hands out one file and renames it at once, so it
  cannot take part in the swap above): a table keeps the mode of the one it
  replaces, a new one gets the mode of a plain new file (0666 less the umask),
  and a table that is a symbolic link stays one, the file it points to being
  replaced (its temporary file and backup beside that file, on the same file
  system).
* The row groups are encoded, compressed and written by one writer thread while
  the next blocks are built (pyarrow lets go of the interpreter lock for that
  work): on two cores a year's Parquet output ends sooner by the writing time.
  At most :data:`_AHEAD` row groups wait for it, so memory stays bounded; the
  groups of each file are written in the order they were built, and an error
  in the thread is raised by the next call on its file, then handled as above.
  After an error or a stop (Ctrl-C, SIGTERM, SIGHUP; a second one held meanwhile)
  the thread is stopped, the row group it is writing ended, before any file is
  ended and removed (:meth:`TableFile.drop`): ending a file while the thread
  writes into it crashed the process. The temporary files are made with the
  signals held too, so that none is made before the clean-up knows it.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..events.problems import os_reason
from ..files import beside, held_signals
from ..lang.diagnostics import WordedInputError, words
from .escape import printable

__all__ = ["GROUP", "TableFile", "cannot_write", "swap"]


#: Rows of a table looked at to choose how each column is encoded in its Parquet file.
_SAMPLE = 4_096
#: Distinct values among them at most which a column is dictionary-encoded.
_FEW = 64


def _dictionary_columns(table: pa.Table) -> list[str]:
    """The columns worth a dictionary in the file: those of few distinct values among the first rows
    (statuses, priorities, references). Ids, instants and step texts are written plain: hashing two
    million mostly distinct texts cost more than it saved. The encoding is the file's own: a reader
    gets the same Arrow types and values either way."""
    head = table.slice(0, _SAMPLE)
    return [
        field.name
        for field in table.schema
        if not pa.types.is_nested(field.type) and pc.count_distinct(head[field.name]).as_py() <= _FEW
    ]


#: Columns of free text (a step's words, a violation's message): written without the minimum and maximum
#: a Parquet file keeps of each column chunk, which let a reader skip chunks by value and help no reader
#: of prose; computing them over a year's 95 MB of step texts took 0.075 of the 0.38 CPU s of the table.
PROSE = frozenset({"text", "message"})


#: Rows of a table written to its file at once (a row group): a year's steps are never all held.
GROUP = 262_144


#: Row groups handed to the writer thread and not yet written, at most (the builder then waits).
_AHEAD = 2


def cannot_write(path: Path, exc: OSError) -> WordedInputError:
    """``PATH: cannot write the table: REASON`` (the system's reason, in the catalogue's words)."""
    return WordedInputError(words("report.parquet.cannot_write", path=printable(str(path)), reason=os_reason(exc)))


class TableFile:
    """One table's Parquet file, written a row group at a time as the table's rows are built, into a
    temporary file beside its place (see :func:`write_parquet`), by the ``writer`` thread shared by
    the files of one run. ``new_mode``: the mode it gets if no earlier table is in its place."""

    def __init__(
        self, path: Path, writer: cf.ThreadPoolExecutor, new_mode: int, metadata: dict[bytes, bytes] | None = None
    ) -> None:
        #: the table's name in the output directory (the one errors name)
        self.path = path
        #: the file's key-value metadata (what the report rests on: :func:`~.tables.report_metadata`)
        self.metadata = metadata
        #: the file replaced: the one a symbolic link points to, so that the link stays a link
        self.target = Path(os.path.realpath(path))
        self.thread = writer
        #: row groups handed to the thread, oldest first
        self.queued: list[cf.Future[None]] = []
        #: a row group of this file failed in the thread (the later ones are not written)
        self.failed = False
        try:
            self.mode = stat.S_IMODE(self.target.stat().st_mode)
        except FileNotFoundError:
            self.mode = new_mode
        except OSError as exc:
            raise cannot_write(path, exc) from None
        try:
            prefix, suffix, where = beside(self.target, ".tmp")
            fd, tmp = tempfile.mkstemp(suffix, prefix, where)
        except OSError as exc:
            raise cannot_write(path, exc) from None
        os.close(fd)
        self.tmp = Path(tmp)
        #: the earlier table's second name while the tables are swapped (see :meth:`keep`)
        self.backup: Path | None = None
        #: the new table is in its place (:meth:`put`)
        self.placed = False
        self.writer: pq.ParquetWriter | None = None
        self.pending: list[pa.Table] = []
        self.rows = 0
        #: row groups have been handed to the thread
        self.handed = False

    def add(self, piece: pa.Table) -> None:
        """Hold ``piece``; write the rows held once they make a row group."""
        self.pending.append(piece)
        self.rows += piece.num_rows
        if self.rows >= GROUP:
            self._write()

    def _write(self) -> None:
        """Hand the rows held to the writer thread as one row group (waiting while it is behind)."""
        pieces, self.pending, self.rows = self.pending, [], 0
        # one thread writes the groups in turn: those done are the oldest; each stays queued until its
        # result is read, so that a stop while waiting for it loses no group still being written
        while self.queued and (len(self.queued) >= _AHEAD or self.queued[0].done()):
            self.queued[0].result()  # (raises the thread's error)
            del self.queued[0]
        self.queued.append(self.thread.submit(self._group, pieces))
        self.handed = True

    def _wait(self) -> None:
        """Wait for the row groups handed to the thread; raise the first error among them."""
        while self.queued:
            self.queued[0].result()
            del self.queued[0]

    def _group(self, pieces: list[pa.Table]) -> None:
        """Write one row group (in the writer thread); none after a group of this file failed (the
        groups already handed over are not written: the run stops at the first error)."""
        if self.failed:
            return
        table = pa.concat_tables(pieces)
        try:
            if self.writer is None:  # the first rows choose the encodings
                self.writer = pq.ParquetWriter(
                    self.tmp,
                    table.schema.with_metadata(self.metadata) if self.metadata else table.schema,
                    use_dictionary=_dictionary_columns(table),
                    write_statistics=[name for name in table.schema.names if name not in PROSE],
                )
            self.writer.write_table(table)
        except BaseException as exc:
            self.failed = True
            if isinstance(exc, OSError):
                raise cannot_write(self.path, exc) from None
            raise

    def close(self, schema: pa.Schema) -> None:
        """Write the rows still held (a table with no rows: its schema), end the file, give it its mode
        and flush it to disk."""
        if self.pending or not self.handed:  # (the thread makes the writer: not read here, where it may not yet be)
            self.pending = self.pending or [schema.empty_table()]
            self._write()
        self._wait()
        try:
            self.end()  # (the footer written: a full disk or a file size limit may stop it)
            os.chmod(self.tmp, self.mode)
            fd = os.open(self.tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None

    def end(self) -> None:
        """End the file as it is."""
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.close()

    def keep(self) -> None:
        """Give the earlier table in this one's place, if any, a hidden second name beside it until the
        swap is over: a hard link, or a copy where none can be made (a file system without them, an
        immutable file, another user's file under ``protected_hardlinks``)."""
        backup = self.tmp.with_suffix(".bak")  # the temporary file's name is this run's
        # Named before the link is made: an interrupt between the two must not leave a link unknown
        # to :meth:`restore` (which passes over a backup that was never made).
        self.backup = backup
        try:
            os.link(self.target, backup)
        except FileNotFoundError:
            self.backup = None
            return  # no earlier table
        except OSError:
            self.backup = None
        else:
            return
        try:
            prefix, suffix, where = beside(self.target, ".bak")
            fd, name = tempfile.mkstemp(suffix, prefix, where)
            os.close(fd)
            self.backup = Path(name)  # removed by :meth:`restore` if the copy fails
            shutil.copy2(self.target, self.backup)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None

    def put(self) -> None:
        """Put the written file in its place.

        Marked placed before the rename: an interrupt between the rename and the mark would leave the
        new table in place unknown to :meth:`restore`, which would then remove the earlier table's
        backup. Marked and not renamed, :meth:`restore` puts the earlier table back over itself (or
        finds nothing to remove), which changes nothing."""
        self.placed = True
        try:
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.placed = False
            raise cannot_write(self.path, exc) from None

    def restore(self) -> None:
        """Undo :meth:`put` and :meth:`keep` (after an error): the earlier table back in its place, or
        the new one removed when there was none; the backup removed. An error here is passed over (the
        first one is raised), and a backup that cannot be put back stays: the earlier table's last copy."""
        with contextlib.suppress(OSError):
            if self.placed:
                if self.backup is None:
                    self.target.unlink()
                else:
                    os.replace(self.backup, self.target)
                    self.backup = None
                self.placed = False
            if self.backup is not None:  # not reached when putting it back failed
                self.backup.unlink()
                self.backup = None

    def forget(self) -> None:
        """Remove the backup (every new table is in its place)."""
        if self.backup is not None:
            with contextlib.suppress(OSError):
                self.backup.unlink()
            self.backup = None

    def drop(self) -> None:
        """Remove the temporary file (after an error, or a stop: the run is over).

        The writer thread is stopped first, the row group it is writing (of any file of the run) ended
        and those not begun cancelled: ending the file while the thread still writes into it is a
        use-after-free in Arrow (a crash, or an error that hides the first). Ending the file may fail
        too (a full disk): the error being handled comes first, and the file is removed all the same."""
        self.thread.shutdown(wait=True, cancel_futures=True)
        self.queued = []
        with contextlib.suppress(Exception):
            self.end()
        with contextlib.suppress(OSError):
            self.tmp.unlink()


def swap(files: Sequence[TableFile]) -> None:
    """Put every written table in its place, or none: the earlier tables are kept (:meth:`TableFile.keep`)
    until the last new one is in place, and put back if one cannot be.

    Ctrl-C, SIGTERM and SIGHUP wait until the swap (or its undoing) is over (:func:`held_signals`):
    stopped half-way, the directory would hold tables of two runs."""
    with held_signals():
        try:
            for file in files:
                file.keep()
            for file in files:
                file.put()
        except BaseException:
            for file in reversed(files):
                file.restore()
            raise
        for file in files:
            file.forget()

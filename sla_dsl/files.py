"""Files the tool writes (the private cache folder, atomic replacement), and the process's state it
touches: the umask, the cyclic garbage collector.

Design notes
------------
- **No shared temp directory.** Anything kept between runs (the parser's LALR
  tables, holiday tables) lives in one private folder: ``SLA_DSL_CACHE`` if set
  (an empty value turns the disk cache off), else ``$XDG_CACHE_HOME/sla-dsl``,
  else ``~/.cache/sla-dsl``. The folder is created with mode 0700 and used only
  if it belongs to the user running ``sla`` and nobody else can write to it: a
  cache file of the parser is a pickle, and a pickle planted by another user
  would run code as this one. When the folder cannot be trusted or created the
  tool works without a cache (slower start, same results).
- **Atomic replacement.** A file the tool rewrites (``sla fmt``) is written to a
  temporary file beside it, flushed to disk, given the original's mode, and
  renamed over it: a write that fails part-way (disk full, quota, ``ulimit -f``)
  leaves the original untouched. The temporary file's name is the target's with a
  dot before it and a random part and ``.tmp`` after it (:func:`beside`), the
  target's name shortened when it is so long that the temporary one would pass
  the file system's limit on a name (255 bytes): a legal name of 250 bytes is
  written, not refused as too long.
- **Caches are bounded.** :func:`keep_recent` removes a cache's least
  recently used files (by modification time: a hit touches its file) until
  at most a count, and a total size when one is given, is left. The files the
  calling process says it has used go only after every other one: a run does
  not remove its own files to make room (the compiled policies,
  :mod:`sla_dsl.lang.compiled_cache`).
- **Temporary files of a killed writer are swept.** A process killed between
  creating its temporary file and renaming it (``kill -9``, power loss) leaves
  the file behind, and nothing would ever remove it: :func:`keep_recent`, run
  by a cache after each write, also removes that cache's temporary files
  (``.<prefix>...tmp``) older than :data:`STALE_TEMP` (an hour). A live
  writer's file is younger: it is written and renamed within a second or so,
  and its time is that of its last write. A writer stopped for longer than that
  (a suspended laptop) finds its file gone and fails to rename it: for a cache
  that is a miss, never an error. A file removed by another process between the
  listing and the removal is skipped.
- **The process's state is left as other threads see it.** The umask and the
  cyclic garbage collector are the whole process's, shared by every thread of a
  service that embeds the package. The umask is read without being changed where
  the system shows it (:func:`umask`: Linux's ``/proc/self/status``): reading it
  by setting it to 0 and back made a file another thread created in between
  world-writable. Elsewhere it is still set and set back, under a lock, to 077
  meanwhile: a file created in that instant is private, never open to others.
  The collector is paused while many small objects are built (an evaluation,
  a log read, a report's rows: it would walk them again and again) by
  :func:`collector_paused`, which counts who holds it: the first in notes whether
  it was on and turns it off, the last out turns it back on. Each caller reading
  "is it on?" and setting it back on its own left it off for good when two
  threads overlapped (the second read "off" while the first ran, and so never
  turned it back on). Meanwhile it is off for every thread of the process.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import IO, Any

CACHE_ENV = "SLA_DSL_CACHE"
#: The suffix of the temporary file an atomic write renames into place.
TEMP_SUFFIX = ".tmp"
#: Seconds after its last write past which a cache's temporary file is taken for a killed writer's.
STALE_TEMP = 3600


def cache_dir() -> Path | None:
    """The private cache folder, created if needed; ``None`` when there is none to trust."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        if not configured:
            return None
        folder = Path(configured).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or ""
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
        folder = root / "sla-dsl"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except (OSError, RuntimeError):
        return None
    return folder if _private(info) else None


def _private(info: os.stat_result) -> bool:
    """Whether a folder is a real directory that only its owner, the current user, can write."""
    if not stat.S_ISDIR(info.st_mode):
        return False
    if sys.platform == "win32":  # pragma: no cover - no uid or mode bits to compare
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def write_atomic(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Replace ``path`` by ``data`` so that a reader sees the old file or the whole new one."""
    with atomic_file(path) as fh:
        fh.write(data.encode(encoding) if isinstance(data, str) else data)


def keep_recent(
    folder: Path,
    prefix: str,
    suffix: str,
    keep: int,
    *,
    max_bytes: int | None = None,
    used: Collection[str] = (),
) -> None:
    """Remove the least recently used (modified) files ``prefix*suffix`` of ``folder`` until at most ``keep``
    are left, holding at most ``max_bytes`` together when given: the private cache's bound. Files named in
    ``used`` (names, not paths: those the calling process has read or written) go only after every other,
    so a process never removes what it is using to make room for what it has not used. Another process
    may prune at the same moment: a file gone meanwhile is skipped.

    Also removes the temporary files of those files' atomic writes (``.prefix*.tmp``, see :func:`beside`)
    not written for :data:`STALE_TEMP` seconds: left by a writer killed before its rename."""
    kept: list[os.DirEntry[str]] = []
    temps: list[os.DirEntry[str]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(suffix):
                kept.append(entry)
            elif entry.name.startswith("." + prefix) and entry.name.endswith(TEMP_SUFFIX):
                temps.append(entry)
    _sweep(temps, time.time_ns() - STALE_TEMP * 10**9)
    if len(kept) <= keep and max_bytes is None:
        return
    found: list[tuple[bool, int, int, str]] = []  # (used by the caller, last use, size, path)
    for entry in kept:
        with contextlib.suppress(OSError):  # (removed meanwhile)
            info = entry.stat()
            found.append((entry.name in used, info.st_mtime_ns, info.st_size, entry.path))
    found.sort()  # the others before the caller's, each the least recently used first
    count, size = len(found), sum(f[2] for f in found)
    for _, _, bytes_, old in found:
        if count <= keep and (max_bytes is None or size <= max_bytes):
            break
        with contextlib.suppress(OSError):
            os.unlink(old)
        count, size = count - 1, size - bytes_


def _sweep(temps: list[os.DirEntry[str]], before_ns: int) -> None:
    """Remove the files of ``temps`` last written before ``before_ns``; one gone meanwhile is skipped."""
    for entry in temps:
        with contextlib.suppress(OSError):  # (removed or renamed meanwhile, or not a file)
            if entry.stat(follow_symlinks=False).st_mtime_ns < before_ns:
                os.unlink(entry.path)


#: Bytes a temporary file's name adds to the target's, at most: the dot before it, the dot, the random
#: part of ``mkstemp`` (8) and a suffix of 4 (``.tmp``, ``.bak``) after it.
_ADDED = 14


def beside(target: Path, suffix: str) -> tuple[str, str, Path]:
    """``(prefix, suffix, directory)`` for :func:`tempfile.mkstemp` of a hidden temporary file beside
    ``target`` (``.<name>.XXXXXXXX<suffix>``), the name cut short (at a character's edge) where the
    whole would pass the file system's limit on a name."""
    try:
        most = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        most = 255
    name = target.name.encode("utf-8", "surrogateescape")
    room = max(1, most - _ADDED)
    if len(name) > room:
        name = name[:room]
        text = name.decode("utf-8", "ignore")  # (a character cut in two: its bytes dropped)
    else:
        text = target.name
    return f".{text}.", suffix, target.parent


def plain_mode() -> int:
    """The mode a plain new file gets: 0666 less the umask (:func:`umask`)."""
    return 0o666 & ~umask()


#: Where Linux shows a process's umask (the ``Umask:`` line, since Linux 4.7).
PROC_STATUS = "/proc/self/status"
_umask_lock = threading.Lock()


def umask() -> int:
    """The process's umask, read without changing it where the system shows it (Linux); elsewhere set to
    077 and back under a lock (see the module's notes)."""
    shown = shown_umask()
    if shown is not None:
        return shown
    with _umask_lock:
        old = os.umask(0o077)
        os.umask(old)
    return old


def shown_umask() -> int | None:
    """The umask as Linux shows it in :data:`PROC_STATUS`; ``None`` on another system, or a Linux that
    does not show it (older than 4.7, no ``/proc``)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        with open(PROC_STATUS, "rb") as fh:
            for line in fh:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        return None
    return None


class _Pause:
    """Who holds the cyclic collector paused (:func:`collector_paused`), and whether it was on before."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.holders = 0
        self.was_on = False
        #: a holder asked for what was built meanwhile to be settled when the collector is back on
        self.settle = False


_PAUSE = _Pause()


def pause_collector(settle: bool = False) -> None:
    """Pause the cyclic collector for one more holder: the first notes whether it was on and turns it off.
    ``settle``: when the last holder turns it back on, what was built meanwhile goes to the oldest
    generation first (see :func:`collector_paused`)."""
    with _PAUSE.lock:
        if not _PAUSE.holders:
            _PAUSE.was_on = gc.isenabled()
            _PAUSE.settle = False
            gc.disable()
        _PAUSE.settle |= settle
        _PAUSE.holders += 1


def resume_collector() -> None:
    """One holder of :func:`pause_collector` is done: the last turns the collector back on if it was on."""
    with _PAUSE.lock:
        _PAUSE.holders -= 1
        if not _PAUSE.holders and _PAUSE.was_on:
            if _PAUSE.settle and not gc.get_freeze_count():  # (a process that froze objects keeps them frozen)
                gc.freeze()  # a list splice, before the collector is on: the first object made after
                gc.unfreeze()  # would start a young collection walking all that was built, once
            gc.enable()


@contextlib.contextmanager
def collector_paused(settle: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off while the block runs, in every thread, until the last block that
    paused it ends (see the module's notes). ``settle``: the objects built meanwhile are long-lived and hold
    no cycles (a partition's records): when the collector is turned back on, they are first moved to the
    oldest generation (``gc.freeze()`` then ``gc.unfreeze()``), not walked by the next young collection."""
    pause_collector(settle)
    try:
        yield
    finally:
        resume_collector()


#: The signals :func:`held_signals` holds back.
HELD = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def held_signals() -> Iterator[None]:
    """Hold back :data:`HELD` while the block runs, then act on the first one that came (Ctrl-C's
    KeyboardInterrupt raised after the block). Only a signal with a handler in Python is held (in the
    main thread, where Python runs them): with the system's default, the process ends at once, and
    nothing here could be cleaned up anyway."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[tuple[int, Any]] = []
    before: dict[int, Any] = {}
    for sig in HELD:
        handler = signal.getsignal(sig)
        if callable(handler):
            before[sig] = handler
            signal.signal(sig, lambda signum, frame: came.append((signum, frame)))
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
        if came:  # (acted on whether the block ended well or not: a signal is never lost)
            signum, frame = came[0]
            before[signum](signum, frame)


@contextlib.contextmanager
def atomic_file(path: str | Path, *, plain_new: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to write ``path``'s new content into, put in its place only when the block ends
    without an error, flushed to disk first: a reader sees the old file or the whole new one.

    The file keeps the mode of the one it replaces. A new one is private (0600, the temporary
    file's), or with ``plain_new`` the mode a plain new file gets (0666 less the umask). A symbolic
    link stays a link: the file it points to is the one replaced."""
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    if mode is None and plain_new:
        mode = plain_mode()
    prefix, suffix, where = beside(target, TEMP_SUFFIX)
    tmp: str | None = None
    opened: IO[bytes] | None = None
    try:
        # Ctrl-C, SIGTERM and SIGHUP held while the file is made: one raised as its making returns, before
        # its name is kept here, would leave it behind; acted on here, the file is removed below
        with held_signals():
            fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=where)
            opened = os.fdopen(fd, "wb")
        with opened as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if opened is not None and not opened.closed:  # (the stop came before the block)
            with contextlib.suppress(OSError):
                opened.close()
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise

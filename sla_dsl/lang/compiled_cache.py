"""Compiled policy files kept between runs, so each command does not pay the parser's first run again.

Design notes
------------
* The first compile in a process costs about 0.2 s for Click So-ko, of which
  the text's own work is about 13 ms: the rest is warming up (the contextual
  lexer compiles one regular expression per parser state the text reaches, the
  holiday and calendar checks build their tables). Every ``sla`` command pays it
  once; a compiled file read back from the cache costs about 1 ms.
* Only files are kept (:func:`~sla_dsl.lang.compile.compile_path`): a text given
  on stdin, by ``sla serve`` or by the API is compiled each time. The key is
  the file's name and text, the checks asked for, and a fingerprint of the code
  that compiles (:func:`code_fingerprint`): an edit to the policy or to the
  engine is a miss, never a stale result.
* The fingerprint must tell apart every two installations that may share the
  folder (a cron job on the old release's virtual environment beside a
  ``sla serve`` on the new one's, both of one user) and an installation from
  itself before an upgrade. So besides the name, size and modification time of
  every module of the package, it holds the folder the package is in, each
  module's inode and change time (``st_ctime``: set by the system whenever
  the file is written or replaced, which no installer or checkout can set
  back; a modification time alone is not enough: a Nix store, or an image
  built with reproducible timestamps, gives every file the same one, and an
  edit that keeps a module's size was then a hit on the former release's
  result), the grammar's text (an editable install reads it from outside the
  package, where the walk does not look), Python's version, and the versions
  of the libraries the result depends on: ``holidays`` (which countries and
  subdivisions exist, which dates are national holidays: errors E2xx and
  warning W305 are kept in the result), ``lark`` and ``pydantic`` (the
  parse and the pickled model; lark is named by where its ``__init__`` is
  installed with that file's size and times, found without importing it: a
  run that finds its result kept never loads the parser). A fingerprint too strict costs one compile;
  one too loose applies another release's rules without a word.
* The folder is the private one of :func:`sla_dsl.files.cache_dir` (a pickle
  read back runs code: only a folder of the user's own that nobody else can
  write is used; ``SLA_DSL_CACHE=`` turns it off). A file that cannot be read
  or written is a miss, never an error; the temporary file of a write killed
  before its rename is removed once an hour old
  (:func:`sla_dsl.files.keep_recent`).
* Bounded by size, not by a small count: at most :data:`KEEP_BYTES` (128 MiB:
  some 3,000 versions of Click So-ko at about 40 KB each, or twenty policies
  of 8,000 priorities at about 6 MB) and :data:`KEEP` files, the least
  recently used removed first (a hit marks its file used). A directory of
  versions is read in order on every run, so a bound below its size would
  remove each file just before the next run needs it (the former bound of 64
  files made every run over 65 versions a miss on every file). What this
  process has read or written (:data:`_used`) is removed only after every
  other file, so a run whose files fit the bound never removes its own to make
  room: its next run hits on all of them (a run that alone needs more than
  the whole bound keeps its most recently used part of it). That record
  holds the names of the :data:`KEEP` files this process used last, the
  least recently used forgotten first (:func:`_mark_used`): a long-running
  process (``sla serve`` reloading its files, an embedder loading many
  policies) compiles ever more texts, and a name for each would grow without
  end. The bound keeps at most :data:`KEEP` files, so a file forgotten (one
  this process used before :data:`KEEP` others it used since) is one the
  prune would remove first among this process's own anyway.
* Pruning lists and reads the size of every kept file (tens of milliseconds
  for 4,000 of them), so a process prunes after its first write and then after each
  sixty-fourth of the bound it writes (:func:`_after_write`), not after every
  write: the folder may pass the bound by that much per process writing at
  the moment, until the next prune. Another process pruning at the same
  moment may remove a file this one is about to read: a miss, built again.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

import pydantic

from ..files import cache_dir, keep_recent, write_atomic
from .plain import grammar_text

#: how many compiled files the cache keeps at most
KEEP = 4096
#: how many bytes the compiled files the cache keeps may hold together
KEEP_BYTES = 128 * 2**20
#: how much of the bound (of :data:`KEEP` and of :data:`KEEP_BYTES`) a process writes between two prunes
PRUNE_EVERY = 64
PREFIX = "compiled-"
SUFFIX = ".pickle"

#: the names of the cache's files this process has read or written, the most recently used last: pruned
#: last (see the design notes); at most :data:`KEEP` of them (:func:`_mark_used`)
_used: OrderedDict[str, None] = OrderedDict()
_used_lock = threading.Lock()
#: folder -> files and bytes this process has written there since it last pruned it (none yet: not pruned)
_unpruned: dict[Path, list[int]] = {}

T = TypeVar("T")


@cache
def _fingerprint() -> str:
    """What the compiled result depends on besides its text: the package's modules and grammar as they
    are on disk now, Python's and the libraries' versions (:func:`code_fingerprint`)."""
    return code_fingerprint(Path(__file__).resolve().parent.parent, grammar_text())


def libraries() -> list[str]:
    """The versions of the libraries a compiled result depends on (see the design notes)."""
    return [f"holidays {holidays_release()}", f"lark {_unloaded('lark')}", f"pydantic {pydantic.VERSION}"]


@cache
def holidays_release() -> str:
    """The release of the ``holidays`` package, as its ``__version__`` says it (which is read from the same
    metadata), without importing it: a run whose policy and holiday tables are kept never loads its
    countries' modules (about 20 ms)."""
    try:
        return importlib.metadata.version("holidays")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _unloaded(package: str) -> str:
    """Which copy of ``package`` is installed, found without importing it (a kept result is read without
    the parser, so a run that finds one never loads lark): its ``__init__``'s path, size and times, which
    an install of another version rewrites. (Asking ``importlib.metadata`` costs about 3 ms a run.)"""
    spec = importlib.util.find_spec(package)
    origin = spec.origin if spec is not None else None
    if origin is None:
        return "not found"
    try:
        info = os.stat(origin)
    except OSError:
        return origin
    return f"{origin}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}"


def code_fingerprint(root: Path, grammar: str) -> str:
    """A fingerprint of the package at ``root`` as it is on disk now, of ``grammar`` and of the versions of
    Python and of the libraries: see the design notes for why each part is there."""
    parts = [sys.version, *libraries(), str(root), hashlib.sha256(grammar.encode("utf-8")).hexdigest()]
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".lark")):
                path = os.path.join(folder, name)
                info = os.stat(path)
                parts.append(
                    f"{os.path.relpath(path, root)}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"
                )
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def cached(file: str, text: str, checks: Sequence[Callable[..., object]], build: Callable[[], T]) -> T:
    """``build()``'s result for ``file`` holding ``text`` compiled with ``checks``: from the cache when a
    run has kept it, else built and kept."""
    folder = cache_dir()
    if folder is None:
        return build()
    names = ",".join(f"{c.__module__}.{c.__qualname__}" for c in checks)
    key = hashlib.sha256("\0".join([_fingerprint(), file, names, text]).encode("utf-8")).hexdigest()[:40]
    path = folder / f"{PREFIX}{key}{SUFFIX}"
    try:
        with open(path, "rb") as fh:
            found: T = pickle.load(fh)
    except Exception:
        pass
    else:
        _mark_used(path.name)
        with contextlib.suppress(OSError):  # (removed meanwhile by another process's prune: still a hit)
            os.utime(path)  # recently used
        return found
    result = build()
    try:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(path, data)
        _mark_used(path.name)
        _after_write(folder, len(data))
    except Exception:
        pass
    return result


def _mark_used(name: str) -> None:
    """Record that this process has used the file ``name`` (now: the most recently used), forgetting the
    least recently used past :data:`KEEP`."""
    with _used_lock:
        _used[name] = None
        _used.move_to_end(name)
        while len(_used) > KEEP:
            _used.popitem(last=False)


def _after_write(folder: Path, size: int) -> None:
    """Prune ``folder`` to the bound after this process's first write there, then after each
    :data:`PRUNE_EVERY`-th of the bound it writes there (in files or in bytes)."""
    written = _unpruned.get(folder)
    if written is not None:
        written[0] += 1
        written[1] += size
        if written[0] < KEEP // PRUNE_EVERY and written[1] < KEEP_BYTES // PRUNE_EVERY:
            return
    _unpruned[folder] = [0, 0]
    with _used_lock:
        used = frozenset(_used)
    keep_recent(folder, PREFIX, SUFFIX, KEEP, max_bytes=KEEP_BYTES, used=used)

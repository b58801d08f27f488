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
  that compiles (the name, size and modification time of every module of the
  package and of the grammar, and Python's version): an edit to the policy or
  to the engine is a miss, never a stale result.
* The folder is the private one of :func:`sla_dsl.files.cache_dir` (a pickle
  read back runs code: only a folder of the user's own that nobody else can
  write is used; ``SLA_DSL_CACHE=`` turns it off). At most :data:`KEEP` files
  are kept, the least recently used removed first, and the temporary file of a
  write killed before its rename is removed once an hour old
  (:func:`sla_dsl.files.keep_recent`); a file that cannot be read or written is
  a miss, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

from ..files import cache_dir, keep_recent, write_atomic

#: how many compiled files the cache keeps
KEEP = 64
PREFIX = "compiled-"

T = TypeVar("T")


@cache
def _fingerprint() -> str:
    """What the compiled result depends on besides its text: the package's modules and grammar as they
    are on disk now, and Python's version."""
    root = Path(__file__).resolve().parent.parent
    parts = [sys.version]
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".lark")):
                info = os.stat(os.path.join(folder, name))
                parts.append(f"{os.path.relpath(os.path.join(folder, name), root)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def cached(file: str, text: str, checks: Sequence[Callable[..., object]], build: Callable[[], T]) -> T:
    """``build()``'s result for ``file`` holding ``text`` compiled with ``checks``: from the cache when a
    run has kept it, else built and kept."""
    folder = cache_dir()
    if folder is None:
        return build()
    names = ",".join(f"{c.__module__}.{c.__qualname__}" for c in checks)
    key = hashlib.sha256("\0".join([_fingerprint(), file, names, text]).encode("utf-8")).hexdigest()[:40]
    path = folder / f"{PREFIX}{key}.pickle"
    try:
        with open(path, "rb") as fh:
            found: T = pickle.load(fh)
        os.utime(path)  # recently used
        return found
    except Exception:
        pass
    result = build()
    try:
        write_atomic(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        keep_recent(folder, PREFIX, ".pickle", KEEP)
    except Exception:
        pass
    return result

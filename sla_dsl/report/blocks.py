"""Write a long run of rendered blocks in order, rendering every other block in a forked child.

Design notes
------------
* A year's JSON report explains a few hundred thousand incidents, one Python
  call each; the machine has two cores. :func:`write_blocks` forks once: the
  child renders the even blocks, the parent the odd ones, and the parent
  writes them all in order. The child hands each block over a pipe (a length,
  then the bytes) and waits there until the parent takes it, so each process
  holds at most one block: memory stays bounded whatever the report's size.
* Order of work in the parent: render block k+1, then take block k from the
  pipe and write k, then k+1. The child renders k+2 meanwhile.
* The child shares the parent's memory (copy on write) and so sees exactly the
  verdicts the parent has; it never writes to ``out`` and leaves with
  ``os._exit``, so no buffer or exit handler of the parent runs twice.
* Nothing depends on the child: if it cannot be forked or dies, the parent
  renders the blocks it did not get. Without ``os.fork`` (Windows), with one
  core, for fewer than :data:`MIN_BLOCKS` blocks, or when the program runs
  other threads (a forked child gets copies of their locks, perhaps held),
  everything is rendered in the parent. ``SLA_DSL_WORKERS=1`` turns the child
  off.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from typing import IO

#: Rows per block (a block of explained incident rows is about 4 MB of JSON).
BLOCK = 2000
#: Fewer blocks than this are rendered in one process (a fork costs a few ms).
MIN_BLOCKS = 4

Render = Callable[[int, int], bytes]
"""Render rows [start, stop) as bytes."""


def _workers() -> int:
    env = os.environ.get("SLA_DSL_WORKERS", "").strip()
    if env.isdigit():
        return int(env)
    return os.cpu_count() or 1


def write_blocks(out: IO[bytes], n: int, render: Render, block: int | None = None) -> None:
    """Write ``render(a, b)`` for consecutive blocks covering rows [0, n), in order."""
    size = block or BLOCK
    spans = [(a, min(a + size, n)) for a in range(0, n, size)]
    if len(spans) < MIN_BLOCKS or _workers() < 2 or not hasattr(os, "fork") or threading.active_count() > 1:
        for a, b in spans:
            out.write(render(a, b))
        return
    out.flush()
    r, w = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        for a, b in spans:
            out.write(render(a, b))
        return
    if pid == 0:  # the child: even blocks, into the pipe
        os.close(r)
        status = 1
        try:
            with os.fdopen(w, "wb") as pipe:
                for a, b in spans[0::2]:
                    data = render(a, b)
                    pipe.write(len(data).to_bytes(8, "little"))
                    pipe.write(data)
                    pipe.flush()
            status = 0
        finally:
            os._exit(status)
    os.close(w)
    alive, finished = True, False
    try:
        with os.fdopen(r, "rb") as pipe:
            for k in range(0, len(spans), 2):
                mine = render(*spans[k + 1]) if k + 1 < len(spans) else b""
                theirs = _take(pipe) if alive else None
                if theirs is None:
                    alive = False
                    theirs = render(*spans[k])
                out.write(theirs)
                out.write(mine)
        finished = True
    finally:
        _reap(pid, stop=not finished)


def _take(pipe: IO[bytes]) -> bytes | None:
    """The next block from the child, or None if it ended without one."""
    head = pipe.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "little")
    data = pipe.read(size)
    return data if len(data) == size else None


def _reap(pid: int, stop: bool) -> None:
    """Wait for the child; with ``stop`` (the parent gave up early) end it first."""
    try:
        if stop:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):
        pass

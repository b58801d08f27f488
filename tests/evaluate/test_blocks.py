"""Rendering in blocks on two processes writes exactly what one process writes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from sla_dsl.report import blocks
from sla_dsl.report.blocks import write_blocks

from .helpers import t
from .test_streaming import _both, _generate


def _render(a: int, b: int) -> bytes:
    return b"".join(f"[{i}]".encode() for i in range(a, b))


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two processes wanted, and the pids of the children forked. A test that ran before may have left
    threads alive (a Dask client's), and with threads alive no child is forked: the writer is told that
    only this test's thread lives (those threads hold nothing the child takes), so the child is tested
    in any order of the tests."""
    monkeypatch.setenv("SLA_DSL_WORKERS", "2")
    monkeypatch.setattr(blocks.threading, "active_count", lambda: 1)
    forked: list[int] = []
    fork = os.fork

    def recorded() -> int:
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded)
    return forked


@pytest.mark.parametrize("n", [0, 1, 7, 8, 9, 29, 30, 31, 100])
@pytest.mark.parametrize("workers", ["1", "2"])
def test_blocks_come_out_in_order(monkeypatch: pytest.MonkeyPatch, n: int, workers: str) -> None:
    monkeypatch.setenv("SLA_DSL_WORKERS", workers)
    out = io.BytesIO()
    write_blocks(out, n, _render, block=3)
    assert out.getvalue() == _render(0, n)


def test_a_child_that_fails_leaves_its_blocks_to_the_parent(forks: list[int]) -> None:
    parent = os.getpid()

    def flaky(a: int, b: int) -> bytes:
        if os.getpid() != parent and a >= 12:
            raise RuntimeError("the child gives up half way")
        return _render(a, b)

    out = io.BytesIO()
    write_blocks(out, 40, flaky, block=3)
    assert out.getvalue() == _render(0, 40)
    assert len(forks) == 1


def test_the_parent_stopping_early_ends_the_child(forks: list[int]) -> None:
    class Closed(io.BytesIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            if self.tell() > 20:
                raise BrokenPipeError
            return super().write(data)

    with pytest.raises(BrokenPipeError):
        write_blocks(Closed(), 10_000, _render, block=3)
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):
        # that child is gone and reaped (asked of it alone: another test's children may live on)
        os.waitpid(forks[0], os.WNOHANG)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_report_json_is_the_api_json_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    path = tmp_path / "events.jsonl"
    _generate(path, 6000)
    monkeypatch.setattr(blocks, "BLOCK", 50)  # dozens of blocks, half of them from the child
    monkeypatch.setenv("SLA_DSL_WORKERS", workers)
    api, streamed = _both(path, t("2026-01-01 00:00"), t("2027-01-01 00:00"), None, True)
    assert streamed == api
    assert streamed.count('"clock_start"') > 200


def test_no_fork_while_other_threads_run(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    out = io.BytesIO()
    write_blocks(out, 30, _render, block=3)
    assert len(forks) == 1  # alone, the writer forks its renderer

    # the threads counted again (``enumerate``: ``active_count`` is the fixture's)
    monkeypatch.setattr(blocks.threading, "active_count", lambda: len(threading.enumerate()))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        out = io.BytesIO()
        write_blocks(out, 30, _render, block=3)
    finally:
        stop.set()
        other.join()
    assert out.getvalue() == _render(0, 30)
    assert len(forks) == 1  # with another thread running, it does not

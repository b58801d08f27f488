"""A stop (Ctrl-C, SIGTERM) while ``sla evaluate`` writes its output is the stop, wherever it comes.

- during the Parquet tables' writing, while the main thread waits for the writer thread: the row group
  being written is ended before any file is (ending one under the thread crashed the process or ended
  in Arrow's ``Column 9 had 238397 while previous column had 40000``), an error ending a file does not
  hide the stop, and every temporary file goes;
- just after a temporary file is made (a table's, a report file's), before its name is kept: removed too;
- while the JSON report is dumped: pydantic makes a KeyboardInterrupt raised in a row's serializer its
  own error (``PydanticSerializationError``), which was said as an internal error (exit 3).
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from sla_dsl.cli import main
from sla_dsl.files import atomic_file
from sla_dsl.report import availability_rows
from sla_dsl.report.tables import TABLE_NAMES

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"


def _args(output: Path, fmt: str = "parquet") -> list[str]:
    period = ["--from", "2026-11-01", "--to", "2026-12-01"]
    return ["evaluate", str(POLICY), str(EXAMPLE), *period, "--format", fmt, "--output", str(output), "--quiet"]


def _contents(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.fixture
def ctrl_c() -> Iterator[None]:
    """Python's own Ctrl-C handler, whatever the launcher left (a background job has SIGINT ignored)."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


class _WriterThread:
    """The Parquet writer thread held in ``write_table`` until the main thread stops it (shuts the pool
    down, waiting) or ends the file under it (recorded in ``closed_while_writing``: the crash); and the
    main thread's first wait for a row group interrupted, as a Ctrl-C that comes while it waits."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, close_fails: bool = False) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.writing = 0
        self.closed: set[int] = set()
        self.closed_while_writing: list[int] = []
        self.interrupted = False
        real_write, real_close = pq.ParquetWriter.write_table, pq.ParquetWriter.close
        real_result, real_shutdown = cf.Future.result, cf.ThreadPoolExecutor.shutdown
        test = self

        def write_table(self: pq.ParquetWriter, table: Any, *args: Any, **kwargs: Any) -> None:
            test.writing += 1
            test.started.set()
            test.release.wait()
            test.writing -= 1
            if id(self) in test.closed:  # (the real one would write into a freed writer: the crash)
                raise OSError("written after its file was ended")
            real_write(self, table, *args, **kwargs)

        def close(self: pq.ParquetWriter) -> None:
            if test.writing:
                test.closed_while_writing.append(id(self))
                test.release.set()
            test.closed.add(id(self))
            real_close(self)
            if close_fails:
                raise OSError("Column 9 had 238397 while previous column had 40000")

        def result(self: cf.Future[Any], timeout: float | None = None) -> Any:
            if threading.current_thread() is threading.main_thread() and not test.interrupted:
                test.interrupted = True
                test.started.wait()  # the thread is writing a row group, the main thread waits for it
                raise KeyboardInterrupt
            return real_result(self, timeout)

        def shutdown(self: cf.ThreadPoolExecutor, wait: bool = True, *, cancel_futures: bool = False) -> None:
            test.release.set()  # the row group being written ends, some time after the stop
            real_shutdown(self, wait, cancel_futures=cancel_futures)

        monkeypatch.setattr(pq.ParquetWriter, "write_table", write_table)
        monkeypatch.setattr(pq.ParquetWriter, "close", close)
        monkeypatch.setattr(cf.Future, "result", result)
        monkeypatch.setattr(cf.ThreadPoolExecutor, "shutdown", shutdown)


def test_ctrl_c_while_a_row_group_is_written_waits_for_it_before_ending_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ctrl_c: None
) -> None:
    out = tmp_path / "out"
    assert main(_args(out)) == 0
    earlier = _contents(out)
    thread = _WriterThread(monkeypatch)
    capsys.readouterr()
    assert main(_args(out)) == 130
    assert capsys.readouterr().err == "sla: 中断しました\n"
    assert thread.interrupted
    assert thread.closed_while_writing == []  # no file ended while the thread wrote into it
    assert _contents(out) == earlier  # no temporary file left, the earlier tables kept


def test_a_file_that_cannot_be_ended_after_a_stop_hides_neither_the_stop_nor_the_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ctrl_c: None
) -> None:
    out = tmp_path / "out"
    assert main(_args(out)) == 0
    earlier = _contents(out)
    _WriterThread(monkeypatch, close_fails=True)
    capsys.readouterr()
    assert main(_args(out)) == 130  # the stop, not the OSError of ending a file (an internal error)
    assert capsys.readouterr().err == "sla: 中断しました\n"
    assert _contents(out) == earlier  # every temporary file removed


def _stop_after_making(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ctrl-C just as the first temporary file is made (before the caller has its name); the names made."""
    real = tempfile.mkstemp
    made: list[str] = []

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)
        made.append(name)
        if len(made) == 1:
            os.kill(os.getpid(), signal.SIGINT)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    return made


def test_ctrl_c_just_as_the_first_table_file_is_made_leaves_it_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ctrl_c: None
) -> None:
    out = tmp_path / "out"
    assert main(_args(out)) == 0
    earlier = _contents(out)
    made = _stop_after_making(monkeypatch)
    capsys.readouterr()
    assert main(_args(out)) == 130
    assert capsys.readouterr().err == "sla: 中断しました\n"
    assert made and Path(made[0]).name.startswith(f".{TABLE_NAMES[0]}.parquet.")
    assert _contents(out) == earlier


def test_ctrl_c_just_as_a_report_files_temporary_file_is_made_leaves_it_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ctrl_c: None
) -> None:
    made = _stop_after_making(monkeypatch)
    with pytest.raises(KeyboardInterrupt), atomic_file(tmp_path / "report.json") as fh:
        fh.write(b"{}")
    assert len(made) == 1
    assert list(tmp_path.iterdir()) == []


def _interrupted_serializer(monkeypatch: pytest.MonkeyPatch, signum: int) -> None:
    real = availability_rows.with_words_data

    def with_words_data(*args: Any) -> Any:
        os.kill(os.getpid(), signum)  # (its handler runs in the serializer, called by pydantic)
        return real(*args)

    monkeypatch.setattr(availability_rows, "with_words_data", with_words_data)


def test_ctrl_c_while_the_json_report_is_dumped_is_the_interrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ctrl_c: None
) -> None:
    report = tmp_path / "report.json"
    report.write_text("the earlier report")
    _interrupted_serializer(monkeypatch, signal.SIGINT)
    capsys.readouterr()
    assert main(_args(report, fmt="json")) == 130
    assert capsys.readouterr().err == "sla: 中断しました\n"
    assert _contents(tmp_path) == {"report.json": b"the earlier report"}


_TERMINATED = """
import os, signal, sys
signal.signal(signal.SIGTERM, signal.SIG_DFL)
from sla_dsl.report import availability_rows
from sla_dsl.cli import main
real = availability_rows.with_words_data
def with_words_data(*args):
    os.kill(os.getpid(), signal.SIGTERM)
    return real(*args)
availability_rows.with_words_data = with_words_data
sys.exit(main({args!r}))
"""


def test_sigterm_while_the_json_report_is_dumped_is_the_stop(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("the earlier report")
    code = _TERMINATED.replace("{args!r}", repr(_args(report, fmt="json")))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (res.returncode, res.stderr) == (143, "sla: `SIGTERM` を受けて終了しました\n")
    assert _contents(tmp_path) == {"report.json": b"the earlier report"}

"""The reading progress bar: drawn with rate and ETA on a terminal, absent elsewhere or with --quiet."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.cli.progress import Phase, reading_bar
from sla_dsl.i18n.width import display_width

from .helpers import POLICY_PATH, ROOT


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal_shows_bytes_rate_and_eta(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(b"x" * 4_000_000)
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with reading_bar(str(log), mininterval=0) as show:
        assert show is not None
        show(100_000, 1_000_000)
        show(200_000, 2_000_000)
    drawn = screen.getvalue()
    assert "sla: reading" in drawn and "50%" in drawn  # 2 of 4 MB
    assert "B/s" in drawn and "<" in drawn  # a rate, and the time left after `<`
    assert "200,000 lines" in drawn


def test_bar_over_parquet_counts_rows_from_the_footer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table({"event": ["x"] * 1000}), path)
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with reading_bar(str(path), mininterval=0) as show:
        assert show is not None
        show(250, 0)
    assert "25%" in screen.getvalue() and "250/1.00k" in screen.getvalue()


def test_no_bar_when_quiet_or_not_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", Terminal())
    with reading_bar("-", quiet=True) as show:
        assert show is None
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with reading_bar("-") as show:
        assert show is None


def test_bar_speaks_the_command_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(b"x" * 4_000_000)
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with reading_bar(str(log), lang="ja", mininterval=0) as show:
        assert show is not None
        show(200_000, 2_000_000)
    drawn = screen.getvalue()
    assert "sla: 読み込み中" in drawn and "200,000 行" in drawn and "reading" not in drawn and "lines" not in drawn


@pytest.mark.parametrize(
    ("lang", "judging", "writing"),
    [("ja", "sla: 判定中…", "sla: レポートを出力中…"), ("en", "sla: judging…", "sla: writing the report…")],
)
def test_phase_line_says_and_erases_in_columns(
    monkeypatch: pytest.MonkeyPatch, lang: str, judging: str, writing: str
) -> None:
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    phase = Phase(lang=lang)
    phase.say("judging")
    phase.say("writing")
    phase.close()
    phase.close()  # a second close writes nothing
    first, second = display_width(judging), display_width(writing)
    # each line starts at the column 0; a shorter one is padded over the longer before it;
    # the last is erased over its whole width (a Japanese character takes two columns)
    padding = " " * max(0, first - second)
    assert screen.getvalue() == f"\r{judging}\r{writing}{padding}\r{' ' * second}\r"
    assert (first, second) == ((12, 22) if lang == "ja" else (13, 24))


def test_no_phase_line_when_quiet_or_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for quiet, screen in ((True, Terminal()), (False, io.StringIO())):
        monkeypatch.setattr("sys.stderr", screen)
        phase = Phase(quiet=quiet)
        phase.say("judging")
        phase.close()
        assert screen.getvalue() == ""


def test_a_run_on_a_terminal_shows_reading_judging_writing_and_leaves_the_report_alone(tmp_path: Path) -> None:
    argv = [
        sys.executable,
        "-m",
        "sla_dsl.cli",
        "evaluate",
        str(POLICY_PATH),
        str(ROOT / "examples" / "events-2026-11.jsonl"),
    ]
    argv += ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # tqdm draws nothing 0 wide
    with (tmp_path / "report.json").open("wb") as out:  # a file, not a pipe nobody reads while we read the terminal
        proc = subprocess.Popen(argv, stdout=out, stderr=slave, cwd=ROOT)
        os.close(slave)
        screen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            screen += chunk
        assert proc.wait(timeout=120) == 0
    os.close(master)
    drawn = screen.decode()
    assert drawn.index("sla: 読み込み中") < drawn.index("sla: 判定中…") < drawn.index("sla: レポートを出力中…")
    assert drawn.endswith("sla: レポートを出力中…\r" + " " * 22 + "\r")  # the last line erased: a clean prompt
    quiet = subprocess.run([*argv, "--quiet"], capture_output=True, cwd=ROOT, timeout=120, check=True)
    assert (tmp_path / "report.json").read_bytes() == quiet.stdout and quiet.stderr == b""

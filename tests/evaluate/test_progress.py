"""The reading progress bar: drawn with rate and ETA on a terminal, absent elsewhere or with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.cli.progress import reading_bar


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

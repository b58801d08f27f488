"""A log that opens with many blank or comment lines is read in time linear in them.

Found by a hostile-input pass: when the first look (8 KiB) held only blank or ``#`` lines, the reader read on
a line at a time and looked for the first line again in everything read so far after each one: quadratic in
the lines, 32 s for 24,000 blank lines (24 KB), hours for the 1 MiB it reads at most, on a file, a pipe or a
gzipped log alike. Each line read on is looked at once, so the first line is looked for a bounded number of
times, whatever comes before it (counted here, not timed).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import sla_dsl.events.csv_reader as csv_reader
from sla_dsl.events.csv_reader import first_line

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
HEADER = b"event,at,id,priority\n"


class _Pipe(io.RawIOBase):
    """A pipe: its data arrive a few bytes at a time, so a peek never holds more than what came."""

    def __init__(self, data: bytes, chunk: int = 4096) -> None:
        self._data, self._at, self._chunk = data, 0, chunk

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        piece = self._data[self._at : self._at + min(self._chunk, len(buffer))]
        buffer[: len(piece)] = piece
        self._at += len(piece)
        return len(piece)


@pytest.mark.parametrize("filler", [b"\n", b"# a comment\n", b"  \r\n", b"\xef\xbb\xbf\n"])
def test_the_first_line_after_many_blank_or_comment_lines_is_looked_for_a_few_times(
    monkeypatch: pytest.MonkeyPatch, filler: bytes
) -> None:
    looks = []
    real = csv_reader._first_line

    def counted(head: bytes, ended: bool = False) -> tuple[bytes, int] | None:
        looks.append(len(head))
        return real(head, ended)

    monkeypatch.setattr(csv_reader, "_first_line", counted)
    lines = 20_000
    stream = io.BufferedReader(_Pipe(filler * lines + HEADER + b"incident.reported,x,A,P1\n"))
    found = first_line(stream)
    assert (found.line, found.number) == (HEADER.strip(), lines + 1)
    assert len(looks) <= 3, f"the first line was looked for {len(looks)} times"
    # every byte is still there for the reader, the lines passed over too
    assert found.stream.read() == filler * lines + HEADER + b"incident.reported,x,A,P1\n"


def test_a_log_opening_with_many_blank_lines_is_judged_as_without_them(tmp_path: Path) -> None:
    from sla_dsl.cli import main

    policy, month = str(ROOT / "policies" / "clicksoko.sla"), ["--from", "2026-11-01", "--to", "2026-12-01"]
    log = tmp_path / "events.jsonl"
    log.write_bytes(b"\n" * 50_000 + EVENTS.read_bytes())
    out = tmp_path / "a.json"
    assert main(["evaluate", policy, str(log), *month, "--format", "json", "--output", str(out)]) == 0
    plain = tmp_path / "b.json"
    assert main(["evaluate", policy, str(EVENTS), *month, "--format", "json", "--output", str(plain)]) == 0
    assert out.read_text("utf-8").replace(str(log), "LOG") == plain.read_text("utf-8").replace(str(EVENTS), "LOG")

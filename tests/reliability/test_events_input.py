"""Issue 17, event input (items 4, 5, 15, 18, 26, 27, 28): bad or hostile event logs.

Every item's test is named ``test_itemNN_...``. Runs of the command that could
hang or exhaust memory if the reader regressed go through a subprocess with a
generous timeout and an address-space limit (a hang guard, not a timing test).
"""

from __future__ import annotations

import bz2
import errno
import gzip
import io
import json
import os
import re
import resource
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.events import CODE, StopAnnounced, fast_epoch, log_from, read_events, read_jsonl, read_text
from sla_dsl.events.reader import EventInputError

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]
GOOD = '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"INC-1","priority":"P1"}'
GOOD2 = GOOD.replace("INC-1", "INC-2")


def _limit_memory() -> None:
    """Run in the child: 1 GiB of address space, so that a reader that slurps fails fast."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def sla(*args: str | Path, stdin: Any = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        stdin=stdin,
        preexec_fn=_limit_memory,
        check=False,
    )


def problems(text: str, fmt: str = "jsonl") -> list[tuple[int, str]]:
    with pytest.raises(EventInputError) as info:
        read_text(text, "ev", fmt=fmt)
    return [(p.line, p.code) for p in info.value.problems]


# ---- item 4: a time is ISO 8601 with an offset, never a number in a string -----------------------

NUMERIC_TIMES = ["20261102", "1793581200000", "1793581200", "1.7935812e9", "-5", "2026"]


@pytest.mark.parametrize("at", NUMERIC_TIMES)
def test_item04_numeric_string_time_is_e104_in_json_lines(at: str) -> None:
    line = GOOD.replace("2026-11-02T10:00:00+09:00", at)
    with pytest.raises(EventInputError) as info:
        read_text(f"{GOOD2}\n{line}\n", "ev.jsonl")
    (p,) = info.value.problems
    assert (p.line, p.code) == (2, "E104")
    assert f"`{at}`" in p.message and "number" in p.message
    assert p.help is not None and "2026-11-02T10:00:00+09:00" in p.help


@pytest.mark.parametrize("at", NUMERIC_TIMES)
def test_item04_numeric_string_time_is_e104_in_csv(at: str) -> None:
    text = f"event,at,id,priority\nincident.reported,2026-11-02T10:00:00+09:00,A,P1\nincident.reported,{at},B,P1\n"
    assert problems(text, "csv") == [(3, "E104")]


@pytest.mark.parametrize("at", NUMERIC_TIMES)
def test_item04_numeric_string_time_is_e104_from_the_api(at: str) -> None:
    good = json.loads(GOOD)
    with pytest.raises(EventInputError) as info:
        log_from([good, {**good, "at": at}])
    assert [(p.line, p.code) for p in info.value.problems] == [(2, "E104")]
    assert info.value.problems[0].help


def test_item04_numeric_string_start_and_end_of_a_stop_are_refused_by_the_models() -> None:
    base = {"event": "stop.announced", "at": "2026-11-02T10:00:00+09:00", "id": "S", "channel": "mail"}
    with pytest.raises(ValueError, match="number"):
        StopAnnounced.model_validate({**base, "start": "1793581200", "end": "2026-11-20T02:00:00+09:00"})
    line = json.dumps({**base, "start": "2026-11-20T01:00:00+09:00", "end": "1793584800000"})
    assert problems(line) == [(1, "E104")]


def test_item04_times_as_datetimes_and_iso_strings_still_work() -> None:
    import datetime as dt

    tz = dt.timezone(dt.timedelta(hours=9))
    good = json.loads(GOOD)
    log = log_from([{**good, "at": dt.datetime(2026, 11, 2, 10, tzinfo=tz)}, {**good, "id": "B"}])
    assert log.incidents["INC-1"][0][0] == log.incidents["B"][0][0] == fast_epoch("2026-11-02T10:00:00+09:00")


# ---- item 5: the fast path and the models agree on offsets -----------------------------------------


@pytest.mark.parametrize("offset", ["+25:00", "+09:60", "-24:00", "+24:00", "+99:99"])
def test_item05_impossible_offset_is_refused_on_every_path(offset: str) -> None:
    at = f"2026-11-02T10:00:00{offset}"
    line = GOOD.replace("2026-11-02T10:00:00+09:00", at)
    assert problems(f"{GOOD2}\n{line}\n") == [(2, "E104")]  # the CLI's fast JSON path
    assert problems(f"event,at,id,priority\nincident.reported,{at},A,P1\n", "csv") == [(2, "E104")]
    with pytest.raises(EventInputError):
        log_from([{**json.loads(GOOD), "at": at}])


def test_item05_fast_path_and_models_agree_on_every_offset() -> None:
    from sla_dsl.events.reader import validate_mapping

    for hh in range(0, 30):
        for mm in (0, 1, 30, 45, 59, 60, 61, 99):
            for sign in "+-":
                at = f"2026-11-02T10:00:00{sign}{hh:02d}:{mm:02d}"
                fast = fast_epoch(at)
                ev, _ = validate_mapping({**json.loads(GOOD), "at": at}, "x", 1)
                model = None if ev is None else ev.at.timestamp()
                assert fast == model, at


# ---- item 15: one bounded reader of event lines ----------------------------------------------------


def test_item15_a_line_over_the_cap_is_located_and_reading_goes_on(tmp_path: Path) -> None:
    from sla_dsl.events.reader import MAX_LINE_BYTES

    f = tmp_path / "ev.jsonl"
    long = '{"event":"incident.responded","at":"2026-11-02T11:00:00+09:00","id":"INC-1","note":"'
    f.write_bytes(f'{GOOD}\n{long}{"x" * MAX_LINE_BYTES}"}}\n{GOOD2}\n'.encode())
    with pytest.raises(EventInputError) as info:
        read_events(f)
    (p,) = info.value.problems
    assert (p.line, p.code) == (2, "E112")
    assert "1 MiB" in p.message and f"({MAX_LINE_BYTES:,} bytes)" in (p.help or "")
    assert "MAX_LINE_BYTES" not in (p.help or "")  # (the figure, not the module's internal name)
    log = read_events(f, skip_invalid=True)
    assert sorted(log.incidents) == ["INC-1", "INC-2"] and log.count == 2
    assert len(log.skipped) == 1 and log.skipped[0].startswith(f"{f}:2: error: [E112]")


def test_item15_a_line_exactly_at_the_cap_is_read() -> None:
    from sla_dsl.events.reader import MAX_LINE_BYTES

    pad = MAX_LINE_BYTES - len(GOOD) - len(',"note":""') - 1  # the line, its newline included, is the cap
    line = GOOD[:-1] + ',"note":"' + "x" * pad + '"}\n'
    assert len(line.encode()) == MAX_LINE_BYTES
    log = read_jsonl(io.BytesIO((line + GOOD2 + "\n").encode()), "ev")
    assert log.count == 2


def test_item15_a_csv_line_over_the_cap_is_located_too() -> None:
    from sla_dsl.events.reader import MAX_LINE_BYTES

    text = f"event,at,id,priority,note\nincident.reported,2026-11-02T10:00:00+09:00,A,P1,{'x' * MAX_LINE_BYTES}\n"
    text += "incident.reported,2026-11-02T10:00:00+09:00,B,P1,\n"
    assert problems(text, "csv") == [(2, "E112")]


def test_item15_the_reader_never_holds_more_than_the_cap_of_one_line() -> None:
    from sla_dsl.events.reader import MAX_LINE_BYTES

    class Watched(io.BytesIO):
        """Records the largest piece the reader asked for at once."""

        largest = 0

        def readline(self, size: int | None = -1) -> bytes:
            assert size is not None and 0 < size <= MAX_LINE_BYTES + 1, size
            out = super().readline(size)
            Watched.largest = max(Watched.largest, len(out))
            return out

        def read(self, size: int | None = -1) -> bytes:
            raise AssertionError("read() without a bound")

    stream = Watched(f"{GOOD}\n{'y' * (5 * MAX_LINE_BYTES)}\n{GOOD2}\n".encode())
    log = read_jsonl(stream, "w", skip_invalid=True)
    assert log.count == 2 and Watched.largest <= MAX_LINE_BYTES + 1


def test_item15_a_csv_cell_over_the_csv_module_limit_is_an_error_of_its_row() -> None:
    text = f"event,at,id,priority,note\nincident.reported,2026-11-02T10:00:00+09:00,A,P1,{'x' * 200_000}\n"
    text += "incident.reported,2026-11-02T10:00:00+09:00,B,P1,\n"
    assert problems(text, "csv") == [(2, "E111")]


def test_item15_iter_events_reads_bounded_lines_and_compressed_logs(tmp_path: Path) -> None:
    from sla_dsl.events import iter_events
    from sla_dsl.events.reader import MAX_LINE_BYTES

    f = tmp_path / "ev.jsonl.gz"
    f.write_bytes(gzip.compress(f"{GOOD}\n{GOOD2}\n".encode()))
    assert [e.id for e in iter_events(f)] == ["INC-1", "INC-2"]
    f.write_bytes(f"{GOOD}\n{'z' * (2 * MAX_LINE_BYTES)}\n".encode())
    with pytest.raises(EventInputError) as info:
        list(iter_events(f))
    assert [(p.line, p.code) for p in info.value.problems] == [(2, "E112")]


def test_item15_dev_zero_ends_with_a_located_error_not_memory_error() -> None:
    res = sla("evaluate", POLICY, "/dev/zero", *MONTH, "--lang", "en")
    assert res.returncode == 1, res.stderr[-2000:]
    assert res.stdout == "" and "Traceback" not in res.stderr
    assert "/dev/zero:1: error: [E112]" in res.stderr and "MemoryError" not in res.stderr


def test_item15_dev_zero_on_stdin_is_a_stream_too() -> None:
    with open("/dev/zero", "rb") as zero:
        res = sla("evaluate", POLICY, "-", *MONTH, "--skip-invalid", "--lang", "en", stdin=zero)
    assert res.returncode == 1 and "<stdin>:1: error: [E112]" in res.stderr, res.stderr[-2000:]


def test_item15_a_fifo_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "events.jsonl"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as out:
            for i in range(1000):
                out.write(GOOD.replace("INC-1", f"INC-{i}") + "\n")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        log = read_events(fifo)
    finally:
        writer.join(timeout=60)
    assert log.count == 1000


# ---- item 18: many backups of one id at one instant: the duplicate scan is linear ------------------


def test_item18_many_same_instant_backups_of_one_id_are_judged(tmp_path: Path) -> None:
    f = tmp_path / "backups.jsonl"
    n, repeated = 40_000, 500
    lines = [
        json.dumps(
            {
                "event": "backup.completed",
                "at": "2026-11-02T02:00:00+09:00",
                "id": "B-1",
                "kind": "database",
                "zone": f"z{i}",
            }
        )
        for i in range(n)
    ]
    lines += lines[:repeated]  # exact copies count once
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = sla("evaluate", POLICY, f, *MONTH, "--format", "json")  # the timeout of sla() is the hang guard
    assert res.returncode == 0, res.stderr[-2000:]
    summary = json.loads(res.stdout)["input"]
    assert summary == {"events": n + repeated, "duplicates": repeated, "skipped": []}


def test_item18_duplicates_at_one_instant_counted_once_whatever_their_order() -> None:
    import datetime as dt

    import sla_dsl

    policy = sla_dsl.load_policy(POLICY)
    at = "2026-11-02T02:00:00+09:00"
    evs = [{"event": "backup.completed", "at": at, "id": "B", "kind": "database", "zone": z} for z in "abcab"]
    evs.append({"event": "backup.deleted", "at": at, "id": "B", "kind": "database"})
    report = sla_dsl.evaluate(policy, evs, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert (report.input.events, report.input.duplicates) == (6, 2)


# ---- item 26: invalid UTF-8 is an error of its line, skippable --------------------------------------


def test_item26_invalid_utf8_in_a_csv_row_is_located_and_skippable(tmp_path: Path) -> None:
    f = tmp_path / "ev.csv"
    f.write_bytes(
        b"event,at,id,priority\n"
        b"incident.reported,2026-11-02T10:00:00+09:00,A,P1\n"
        b"incident.reported,2026-11-02T10:00:00+09:00,B\xff\xfe,P1\n"
        b'incident.reported,2026-11-02T10:00:00+09:00,"C\nmulti \xe9",P1\n'
        b"incident.reported,2026-11-02T10:00:00+09:00,D,P1\n"
    )
    with pytest.raises(EventInputError) as info:
        read_events(f)
    # a row's problems are at its first line, the number that names the row (also in --skip-invalid's list)
    assert [(p.line, p.code) for p in info.value.problems] == [(3, "E113"), (4, "E113")]
    assert "`0xff`" in info.value.problems[0].message and info.value.problems[0].help
    log = read_events(f, skip_invalid=True)
    assert sorted(log.incidents) == ["A", "D"] and len(log.skipped) == 2


def test_item26_invalid_utf8_in_json_lines_is_the_same_error() -> None:
    with pytest.raises(EventInputError) as info:
        read_jsonl(io.BytesIO(f"{GOOD}\n".encode() + b'{"event":"x\xc3(",\n' + f"{GOOD2}\n".encode()), "ev")
    assert [(p.line, p.code) for p in info.value.problems] == [(2, "E113")]
    log = read_jsonl(io.BytesIO(f"{GOOD}\n".encode() + b"\xff\n" + f"{GOOD2}\n".encode()), "ev", skip_invalid=True)
    assert log.count == 2 and len(log.skipped) == 1


def test_item26_cli_skip_invalid_skips_a_bad_utf8_csv_row(tmp_path: Path) -> None:
    f = tmp_path / "ev.csv"
    f.write_bytes(
        b"event,at,id,priority\nincident.reported,2026-11-02T10:00:00+09:00,A\x80,P1\n"
        b"incident.reported,2026-11-02T10:00:00+09:00,B,P1\n"
    )
    res = sla("evaluate", POLICY, f, *MONTH, "--lang", "en")
    assert res.returncode == 1 and f"{f}:2: error: [E113]" in res.stderr, res.stderr
    res = sla("evaluate", POLICY, f, *MONTH, "--skip-invalid", "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["input"]["events"] == 1


# ---- item 27: one run reports every problem; the summary adds up -----------------------------------

MIXED = [
    "# merged export",  # 1 comment
    GOOD,  # 2
    '{"event":"incident.reported",',  # 3 invalid JSON
    GOOD.replace("INC-1", "INC-3").replace('"P1"', '"P9"'),  # 4 unknown priority
    "",  # 5 blank
    '{"event":"backup.completed","at":"2026-11-02T02:00:00+09:00","id":"B-1","kind":"tape"}',  # 6 unknown kind
    '{"event":"incident.reported","at":"soon","id":"","priority":"P1"}',  # 7 two problems on one line
    '{"event":"outage.started","at":"2026-11-02T03:00:00+09:00","id":"O-1","cause":"aliens"}',  # 8 unknown cause
    GOOD2,  # 9
    GOOD2,  # 10 an exact duplicate
    '{"event":"incident.reported","at":"2026-11-02T10:00:00","id":"INC-4","priority":"P9"}',  # 11 naive and unknown
]


def test_item27_format_and_policy_problems_are_reported_in_one_run_in_line_order(tmp_path: Path) -> None:
    f = tmp_path / "ev.jsonl"
    f.write_text("\n".join(MIXED) + "\n", encoding="utf-8")
    res = sla("evaluate", POLICY, f, *MONTH, "--lang", "en")
    assert res.returncode == 1 and res.stdout == ""
    found = [(int(line), code) for line, code in re.findall(r"ev\.jsonl:(\d+): error: \[(E\d+)\]", res.stderr)]
    # (line 11: its time without an offset and its unknown priority, both in this one run)
    assert found == [
        (3, "E100"),
        (4, "E120"),
        (6, "E121"),
        (7, "E104"),
        (7, "E107"),
        (8, "E122"),
        (11, "E105"),
        (11, "E120"),
    ]
    assert res.stderr.rstrip().splitlines()[-1].startswith("6 invalid event lines (")


def test_item27_events_plus_skipped_plus_blank_lines_is_every_line(tmp_path: Path) -> None:
    f = tmp_path / "ev.jsonl"
    f.write_text("\n".join(MIXED) + "\n", encoding="utf-8")
    res = sla("evaluate", POLICY, f, *MONTH, "--format", "json", "--skip-invalid", "--lang", "en")
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)["input"]
    blank_or_comment = 2
    assert summary["events"] + len(summary["skipped"]) + blank_or_comment == len(MIXED)
    assert summary["duplicates"] == 1
    assert [int(s.split(":")[1]) for s in summary["skipped"]] == [3, 4, 6, 7, 8, 11]
    # (each problem of a skipped line said as its first: lines 7 and 11 have two each)
    said = re.findall(r"^sla: skipped: .*?ev\.jsonl:(\d+): error: \[E\d+\]", res.stderr, re.M)
    assert [int(n) for n in said] == [3, 4, 6, 7, 7, 8, 11, 11]


def test_item27_the_api_reports_problems_in_line_order_too() -> None:
    import datetime as dt

    import sla_dsl
    from sla_dsl.evaluation import evaluate_log

    policy = sla_dsl.load_policy(POLICY)
    log = read_jsonl(io.BytesIO("\n".join(MIXED).encode()), "ev", defer=True)
    report = evaluate_log(policy, log, dt.date(2026, 11, 1), dt.date(2026, 12, 1), skip_invalid=True)
    assert [int(s.split(":")[1]) for s in report.input.skipped] == [3, 4, 6, 7, 8, 11]
    assert report.input.events + len(report.input.skipped) + 2 == len(MIXED)


# ---- item 28: compressed logs are read transparently ------------------------------------------------


def _example_lines() -> bytes:
    return (ROOT / "examples" / "events-2026-11.jsonl").read_bytes()


@pytest.mark.parametrize("name", ["events.jsonl.gz", "events.jsonl", "events.log"])
def test_item28_gzip_log_is_read_by_its_magic_bytes(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(gzip.compress(_example_lines()))
    plain = tmp_path / "plain.jsonl"
    plain.write_bytes(_example_lines())
    got, want = read_events(f), read_events(plain)
    assert got.count == want.count and got.groups == want.groups


def test_item28_gzip_csv_is_read(tmp_path: Path) -> None:
    text = b"event,at,id,priority\nincident.reported,2026-11-02T10:00:00+09:00,A,P1\n"
    for name in ("ev.csv.gz", "ev.csv"):
        f = tmp_path / name
        f.write_bytes(gzip.compress(text))
        log = read_events(f)
        assert sorted(log.incidents) == ["A"] and log.incidents["A"][0][1] == CODE["incident.reported"]


def test_item28_bzip2_and_xz_logs_are_read_too(tmp_path: Path) -> None:
    import lzma

    for name, data in (
        ("a.jsonl.bz2", bz2.compress(_example_lines())),
        ("a.jsonl.xz", lzma.compress(_example_lines())),
    ):
        f = tmp_path / name
        f.write_bytes(data)
        assert read_events(f).count == read_events(ROOT / "examples" / "events-2026-11.jsonl").count


def test_item28_cli_reads_a_gzip_log(tmp_path: Path) -> None:
    f = tmp_path / "events.jsonl.gz"
    f.write_bytes(gzip.compress(_example_lines()))
    res = sla("evaluate", POLICY, f, *MONTH, "--format", "json")
    assert res.returncode == 0, res.stderr
    plain = sla("evaluate", POLICY, ROOT / "examples" / "events-2026-11.jsonl", *MONTH, "--format", "json")
    assert json.loads(res.stdout)["availability"] == json.loads(plain.stdout)["availability"]


def test_item28_gzip_on_stdin_is_read(tmp_path: Path) -> None:
    f = tmp_path / "events.jsonl.gz"
    f.write_bytes(gzip.compress(_example_lines()))
    with f.open("rb") as fh:
        res = sla("evaluate", POLICY, "-", *MONTH, "--format", "json", stdin=fh)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["input"]["events"] == read_events(ROOT / "examples" / "events-2026-11.jsonl").count


def test_item28_a_damaged_gzip_log_is_one_located_error(tmp_path: Path) -> None:
    f = tmp_path / "events.jsonl.gz"
    data = gzip.compress(_example_lines())
    f.write_bytes(data[: len(data) // 2])
    with pytest.raises(EventInputError) as info:
        read_events(f, skip_invalid=True)  # a log that cannot be read to its end is never skipped over
    (p,) = info.value.problems
    assert p.code == "E114" and "gzip" in p.message and p.line > 1
    res = sla("evaluate", POLICY, f, *MONTH, "--skip-invalid")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.count("error: [E") == 1 and "error: [E114]" in res.stderr, res.stderr


def _damaged(kind: str) -> dict[str, bytes]:
    """Logs compressed with ``kind`` and damaged each way a decompressor says apart."""
    import lzma

    compress = {"gzip": gzip.compress, "bzip2": bz2.compress, "xz": lzma.compress}[kind]
    data = compress(_example_lines())
    middle = bytearray(data)
    if kind == "gzip":
        middle[10] |= 0b110  # the first deflate block's type: 3 is no type
    else:  # (bzip2 and xz check each block; deflate might read a damaged one as other data)
        middle[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    # (bzip2 is known by its first 10 bytes: fewer are a line of text)
    header = data[: 12 if kind == "bzip2" else 8]
    cases = {"cut in the header": header, "cut": data[: len(data) // 2], "middle": bytes(middle)}
    if kind == "gzip":
        method = bytearray(data)
        method[2] = 9  # the compression method: only 8 (deflate) is gzip's
        crc = bytearray(data)
        crc[-8] ^= 0xFF  # the checksum of the decompressed data
        cases |= {"method": bytes(method), "checksum": bytes(crc)}
    return cases


#: What each damage is called, in the catalogue's words (English; the Japanese is checked apart).
_SAID = {
    "cut in the header": "the file ends before its end-of-stream marker",
    "cut": "the file ends before its end-of-stream marker",
    "middle": "the compressed data is corrupt",
    "method": "a compression method gzip does not know",
    "checksum": "the checksum does not match",
}


@pytest.mark.parametrize("kind", ["gzip", "bzip2", "xz"])
def test_item28_each_damage_of_a_compressed_log_is_said_in_the_catalogues_words(tmp_path: Path, kind: str) -> None:
    """A log cut inside its gzip header was read as an empty log, exit 0 and every target met: the failed
    peek for a table inside was passed over, and the decompressor had used up the header. A damaged
    stream's message was the library's English (``cRC check failed 0x...``), in Japanese runs too."""
    for case, data in _damaged(kind).items():
        f = tmp_path / f"{case.replace(' ', '-')}.jsonl"
        f.write_bytes(data)
        with pytest.raises(EventInputError) as info:
            read_events(f)
        (p,) = info.value.problems
        assert (p.code, p.fatal) == ("E114", True), case
        assert p.message.endswith(f"here: {_SAID[case]}"), (case, p.message)
        assert p.help is not None and p.help.endswith(f"`{kind} -t {f}`"), p.help
        res = sla("evaluate", POLICY, f, *MONTH, "--quiet")
        assert res.returncode == 1 and "error: [E114]" in res.stderr, (case, res.stderr)
        ja = res.stderr.split("error: [E114] ", 1)[1]
        assert not set(re.findall(r"[A-Za-z0-9]+", re.sub("`[^`]*`", "", ja).replace(kind, ""))), (case, ja)


@pytest.mark.parametrize(("magic", "kind"), [(b"\x28\xb5\x2f\xfd", "zstd"), (b"PK\x03\x04", "zip")])
def test_item28_a_compression_not_read_is_one_error_not_a_flood(tmp_path: Path, magic: bytes, kind: str) -> None:
    f = tmp_path / "events.jsonl.zst"
    f.write_bytes(magic + bytes(range(256)) * 100)
    with pytest.raises(EventInputError) as info:
        read_events(f, skip_invalid=True)
    (p,) = info.value.problems
    assert (p.line, p.code) == (1, "E114") and f"{kind}-compressed" in p.message and p.help


def test_uncommon_system_errors_are_said_in_japanese_too(tmp_path: Path) -> None:
    """A symbolic link loop or an over-long name gave the system's English in a Japanese run."""
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(loop)
    for path, said in (
        (loop, "シンボリックリンクが循環しています"),
        (tmp_path / ("x" * 300), "ファイル名が長すぎます"),
    ):
        res = sla("evaluate", POLICY, path, *MONTH)
        assert res.returncode == 1 and said in res.stderr, res.stderr
        assert not re.search(r"[A-Za-z]{3,}", res.stderr.replace(str(path), "").split("：", 1)[1]), res.stderr
    from sla_dsl.events.problems import os_reason
    from sla_dsl.lang.diagnostics import Words, words

    other = words("events.cannot_read", name="x", detail=os_reason(OSError(errno.EHOSTDOWN, "Host is down")))
    assert isinstance(other, Words)
    assert other.text("ja").endswith("システムのエラーです（`Host is down`）")
    assert other.text("en").endswith("Host is down")

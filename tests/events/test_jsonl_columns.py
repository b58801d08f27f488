"""A JSON Lines file read by Arrow's JSON reader (:mod:`sla_dsl.events.jsonl_columns`) gives the line
reader's log exactly, or is left to the line reader.

Random logs, clean and not (blank lines, comments, nulls, objects, keys named twice, numbers, odd
times, text that is not UTF-8...), read both ways through ``read_events``: the same records in the
same order with the same lines, the same notes of unread fields, the same problems. Logs of events,
well formed or not, with objects or not, must be taken by the columns (else the property would hold
by never taking one), their odd rows filed from their lines; each kind of line Arrow reads otherwise
must leave the file to the line reader.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.events import EventInputError, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.lines import MAX_LINE_BYTES
from sla_dsl.events.reader import jsonl_by_columns
from sla_dsl.events.schema import EventLog

TYPES = ["incident.reported", "incident.responded", "outage.started", "stop.announced", "backup.completed", "bogus"]
TEXT = st.sampled_from(["P1", "P2", "email", "database", " P1", "", "az-a", "INC-1", "OUT-2 ", "\u3000x", "障害-1"])
OFFSETS = [dt.timedelta(0), dt.timedelta(hours=9), dt.timedelta(hours=-5, minutes=-30)]


@st.composite
def instants(draw: st.DrawFn) -> str:
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    seconds = draw(st.integers(0, 400 * 86400))
    micros = draw(st.sampled_from([0, 0, 0, 500_000, 123_456]))
    t = (base + dt.timedelta(seconds=seconds, microseconds=micros)).astimezone(
        dt.timezone(draw(st.sampled_from(OFFSETS)))
    )
    text = t.isoformat()
    return draw(st.sampled_from([text, text, text, text.replace("+00:00", "Z"), "2026-02-30T10:00:00+09:00"]))


#: Kinds of line Arrow reads otherwise than the line reader (the file is then read line by line).
APART = ["blank", "comment", "null", "twice", "number", "two"]


@st.composite
def event_lines(draw: st.DrawFn, apart: bool = True) -> str:
    """One line of a log: mostly an event (well formed or not), sometimes anything a log may hold; with
    ``apart`` False, none that Arrow reads otherwise than the line reader."""
    kind = draw(st.sampled_from(["event"] * 12 + ["object"] + (APART if apart else [])))
    if kind == "blank":
        return draw(st.sampled_from(["", "   "]))
    if kind == "comment":
        return "# a comment"
    row: dict[str, Any] = {"event": draw(st.sampled_from(TYPES)), "at": draw(instants()), "id": draw(TEXT)}
    for field in ("priority", "cause", "channel", "kind", "zone"):
        if draw(st.booleans()):
            row[field] = draw(TEXT)
    for field in ("start", "end"):
        if draw(st.booleans()):
            row[field] = draw(instants())
    text = json.dumps(row, ensure_ascii=draw(st.booleans()))
    if kind == "null":
        return text[:-1] + ', "cause": null}'
    if kind == "object":
        objects = ['{"plan": "gold"}', '{"region": "eu", "plan": "x"}', "{}", '{"tier": {"a": "b"}}']
        given = draw(st.sampled_from(objects))
        return text[:-1] + f', "attributes": {given}}}'
    if kind == "twice":
        return text[:-1] + ', "id": "other"}'
    if kind == "number":
        return text[:-1] + ', "zone": 3}'
    if kind == "two":
        return text + text
    return text


def outcome(log_of: Any) -> tuple[Any, ...]:
    try:
        log: EventLog = log_of()
    except EventInputError as exc:
        return ("error", [(p.line, p.code, p.message) for p in exc.problems])
    # (the unread fields in line order: the readers note them in their own orders, and the evaluator
    # never depends on it: evaluation/select.py)
    unread = sorted(log.unread, key=lambda u: (u.line, u.field))
    said = [(p.line, p.code, p.message) for p in (*log.problems, *log.left_out)]
    return ("log", log.groups, log.count, unread, said)


def taken(path: Path, **opts: Any) -> bool:
    """Whether the columns read ``path`` (rather than leave it to the line reader)."""
    try:
        return jsonl_by_columns(path, str(path), **opts) is not None
    except EventInputError:  # (taken, with problems)
        return True


def both_ways(path: Path, **opts: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(read through the columns when clean, read line by line) of ``path``."""
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        columns = outcome(lambda: read_events(path, **opts))
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_lines = outcome(lambda: read_events(path, **opts))
    return columns, by_lines


@pytest.fixture(scope="module")
def spot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("jsonl") / "events.jsonl"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(event_lines(), min_size=1, max_size=14), st.booleans(), st.booleans(), st.booleans())
def test_columns_and_lines_agree(spot: Path, lines: list[str], ended: bool, skip: bool, defer: bool) -> None:
    """``defer``: the problems left pending for the evaluator, as ``sla evaluate`` reads a log."""
    spot.write_text("\n".join(lines) + ("\n" if ended else ""), encoding="utf-8")
    columns, by_lines = both_ways(spot, skip_invalid=skip, defer=defer)
    assert columns == by_lines


@st.composite
def clean_lines(draw: st.DrawFn) -> str:
    """One well-formed event, perhaps with a field its type does not carry."""
    at = draw(instants().filter(lambda t: not t.startswith("2026-02-30")))
    row: dict[str, Any] = {"at": at, "id": draw(st.sampled_from(["INC-1", "障害-2", "OUT-1", "b-1", "x"]))}
    kind = draw(st.sampled_from(["reported", "responded", "started", "ended", "stop", "backup"]))
    if kind == "reported":
        row |= {"event": "incident.reported", "priority": draw(st.sampled_from(["P1", "P2", "P3"]))}
    elif kind == "responded":
        row["event"] = "incident.responded"
    elif kind == "started":
        row |= {"event": "outage.started", "cause": "failure"}
    elif kind == "ended":
        row["event"] = "outage.ended"
    elif kind == "stop":
        start = dt.datetime.fromisoformat(at) + dt.timedelta(days=draw(st.integers(1, 30)))
        end = start + dt.timedelta(hours=draw(st.integers(1, 8)))
        row |= {"event": "stop.announced", "channel": "email", "start": start.isoformat(), "end": end.isoformat()}
    else:
        row |= {"event": "backup.completed", "kind": draw(st.sampled_from(["database", "files"]))}
    if draw(st.integers(0, 5)) == 0:
        row[draw(st.sampled_from(["priority", "kind", "zone", "channel"]))] = draw(st.sampled_from(["P1", "database"]))
    return json.dumps(row, ensure_ascii=draw(st.booleans()))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(clean_lines(), min_size=1, max_size=14), st.booleans())
def test_a_clean_log_is_taken_by_the_columns(spot: Path, lines: list[str], ended: bool) -> None:
    spot.write_text("\n".join(lines) + ("\n" if ended else ""), encoding="utf-8")
    assert taken(spot)
    columns, by_lines = both_ways(spot)
    assert columns == by_lines


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(event_lines(apart=False), min_size=1, max_size=14), st.booleans(), st.booleans())
def test_a_log_of_events_is_taken_by_the_columns(spot: Path, lines: list[str], ended: bool, skip: bool) -> None:
    """Events well formed or not, with objects or not: read by the columns, odd rows from their lines."""
    spot.write_text("\n".join(lines) + ("\n" if ended else ""), encoding="utf-8")
    assert taken(spot, skip_invalid=skip)
    columns, by_lines = both_ways(spot, skip_invalid=skip)
    assert columns == by_lines


CLEAN = [
    {"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "INC-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-04-06T10:30:00.250000+09:00", "id": "INC-1"},
    {"event": "outage.started", "at": "2026-04-06T01:00:00Z", "id": "OUT-1", "cause": "failure"},
    {"event": "outage.ended", "at": "2026-04-06T02:00:00Z", "id": "OUT-1"},
    {"event": "stop.announced", "at": "2026-03-01T10:00:00+09:00", "id": "STOP-1", "channel": "email",
     "start": "2026-04-10T22:00:00+09:00", "end": "2026-04-11T02:00:00+09:00"},
    {"event": "backup.completed", "at": "2026-04-06T03:00:00+09:00", "id": "b-1", "kind": "database"},
    {"event": "incident.reported", "at": "2026-04-07T09:00:00+09:00", "id": "障害-2", "priority": "P3",
     "kind": "database"},  # a field its type does not carry: filed, noted as unread
]  # fmt: skip


def write(path: Path, rows: list[Any], tail: str = "") -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + tail, encoding="utf-8")
    return path


def test_a_clean_log_is_read_by_the_columns_as_by_the_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "events.jsonl", CLEAN * 3)
    log = jsonl_by_columns(path, str(path))
    assert log is not None
    columns, by_lines = both_ways(path)
    assert columns == by_lines
    assert columns[0] == "log" and columns[2] == 21 and columns[3]  # every line filed, the stray noted
    assert [r[3] for r in log.incidents["INC-1"]] == [1, 2, 8, 9, 15, 16]  # rows are lines


def test_the_bar_moves_to_the_whole_file(tmp_path: Path) -> None:
    path = write(tmp_path / "events.jsonl", CLEAN * 20_000)
    seen: list[tuple[int, int]] = []
    assert jsonl_by_columns(path, str(path), progress=lambda n, b: seen.append((n, b))) is not None
    assert len(seen) > 1 and seen == sorted(seen)
    assert seen[-1] == (140_000, path.stat().st_size)


#: Lines Arrow reads as the line reader would: the file is read by the columns, these rows from their lines.
ODD = {
    "an object": '{"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "I", "priority": "P1", '
    '"attributes": {"plan": "gold"}}\n',
    "an object on a type without one": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "I", '
    '"attributes": {"plan": "gold"}}\n',
    "an unknown type": '{"event": "incident.closed", "at": "2026-04-06T10:00:00+09:00", "id": "A"}\n',
    "a time with no offset": '{"event": "incident.responded", "at": "2026-04-06T10:00:00", "id": "A"}\n',
    "a 30 February": '{"event": "incident.responded", "at": "2026-02-30T10:00:00+09:00", "id": "A"}\n',
    "a field the contract does not name": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", '
    '"id": "A", "agent": "x"}\n',
    "an id with a blank": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": " A"}\n',
    "a missing priority": '{"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "J"}\n',
}


@pytest.mark.parametrize("what", list(ODD))
@pytest.mark.parametrize("skip", [True, False])
def test_an_odd_row_is_filed_from_its_line(tmp_path: Path, what: str, skip: bool) -> None:
    path = write(tmp_path / "events.jsonl", CLEAN, ODD[what] + json.dumps(CLEAN[0]) + "\n")
    assert taken(path, skip_invalid=skip)
    columns, by_lines = both_ways(path, skip_invalid=skip)
    assert columns == by_lines


#: Lines Arrow would read otherwise than the line reader: the whole file is read line by line.
UNCLEAN = {
    "a blank line": "\n",
    "a comment": "# note\n",
    "a null": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "INC-1", "cause": null}\n',
    "a key twice": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A", "id": "B"}\n',
    "a number": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": 7}\n',
    "two objects": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A"}' * 2 + "\n",
    "an object then text": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A", '
    '"attributes": "gold"}\n',
}


@pytest.mark.parametrize("what", list(UNCLEAN))
def test_an_unclean_line_leaves_the_log_to_the_line_reader(tmp_path: Path, what: str) -> None:
    odd = '{"event": "incident.reported", "at": "2026-04-07T09:00:00+09:00", "id": "K", "priority": "P2", '
    odd += '"attributes": {"plan": "gold"}}\n'  # (an object first: then text in the same field)
    path = write(tmp_path / "events.jsonl", CLEAN, odd + UNCLEAN[what] + json.dumps(CLEAN[0]) + "\n")
    assert not taken(path, skip_invalid=True)
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines


@pytest.mark.parametrize(
    "what, raw",
    [
        ("not UTF-8", b'{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "\xff"}\n'),
        ("a byte-order mark", b"\xef\xbb\xbf"),
        ("a control character", b'{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "a\tb"}\n'),
    ],
)
def test_unclean_bytes_leave_the_log_to_the_line_reader(tmp_path: Path, what: str, raw: bytes) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes(raw + (json.dumps(CLEAN[0]) + "\n").encode())
    assert not taken(path), what
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines


def test_a_line_past_the_cap_is_measured_by_the_line_reader(tmp_path: Path) -> None:
    row = {"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "x"}
    bare = len(json.dumps(row)) - 1  # the line without its id's one character
    for size, read in ((MAX_LINE_BYTES // 2, True), (MAX_LINE_BYTES - 1, None), (MAX_LINE_BYTES, False)):
        path = write(tmp_path / f"events-{size}.jsonl", [*CLEAN, {**row, "id": "x" * (size - bare)}])
        assert len(path.read_bytes().splitlines()[-1]) == size  # (the line, its newline apart)
        if read is not None:  # (just under the cap: either reader may take it)
            assert taken(path, skip_invalid=True) == read
        columns, by_lines = both_ways(path, skip_invalid=True)
        assert columns == by_lines
    assert [p[1] for p in columns[4]] == ["E112"]  # the last: one byte past the cap with its newline


def test_a_compressed_log_is_decompressed_line_by_line(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "events.jsonl"
    path.write_bytes(gzip.compress(write(tmp_path / "plain.jsonl", CLEAN).read_bytes()))
    assert not taken(path)
    columns, by_lines = both_ways(path)
    assert columns == by_lines and columns[2] == 7


def test_only_a_large_regular_file_is_tried(tmp_path: Path) -> None:
    small = write(tmp_path / "events.jsonl", CLEAN)
    assert not lines_module.columns_worth(small)  # a few hundred bytes: read line by line
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        assert lines_module.columns_worth(small)
        assert not lines_module.columns_worth(tmp_path)  # a directory


def test_a_declared_type_is_read_by_the_columns_when_declared(tmp_path: Path) -> None:
    chat = {"event": "incident.chat_started", "at": "2026-04-06T09:30:00+09:00", "id": "INC-1"}
    path = write(tmp_path / "events.jsonl", [*CLEAN, chat])
    assert taken(path, declared=["incident.chat_started"])
    columns, by_lines = both_ways(path, declared=["incident.chat_started"])
    assert columns == by_lines and columns[2] == 8
    columns, by_lines = both_ways(path)  # not declared: an unknown type, said at its line
    assert columns == by_lines and columns[0] == "error" and columns[1][0][0] == 8


def test_an_object_with_new_keys_in_a_later_block(tmp_path: Path) -> None:
    """Arrow fixes an object's fields from the first block it parses: one with other keys later, in
    another block, is read as the line reader reads it all the same."""
    reported = {**CLEAN[0], "attributes": {"plan": "gold"}}
    late = {**CLEAN[0], "id": "INC-9", "attributes": {"region": "eu"}}
    path = write(tmp_path / "events.jsonl", [reported, *CLEAN[1:]] * 9_000 + [late])
    assert path.stat().st_size > 4 << 20  # (past the first block)
    columns, by_lines = both_ways(path)
    assert columns == by_lines and columns[2] == 63_001


def test_a_few_odd_rows_far_apart_are_filed_from_their_lines(tmp_path: Path) -> None:
    """Odd rows in a large log (the first line, the middle, the last, with no newline after it) are
    found in the file's bytes and filed from their lines, the rest on columns."""
    odd = {**CLEAN[0], "id": " INC-3", "attributes": {"plan": "gold"}}  # (an id with a blank, an object)
    rows = [odd, *CLEAN * 6_000, odd, *CLEAN * 6_000]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [*rows, odd]), encoding="utf-8")
    assert path.stat().st_size > 2 * (4 << 20)
    assert taken(path, skip_invalid=True)
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines


def test_many_odd_rows_leave_the_log_to_the_line_reader(tmp_path: Path) -> None:
    """Past a thousand rows handed back (a log whose every report gives attributes), the lines are faster."""
    rows = [{**CLEAN[0], "id": f"INC-{k}", "attributes": {"plan": "gold"}} for k in range(1_001)]
    path = write(tmp_path / "events.jsonl", [*CLEAN, *rows])
    assert not taken(path)
    assert taken(write(tmp_path / "fewer.jsonl", [*CLEAN, *rows[:1_000]]))
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines


def test_sla_evaluate_says_the_same_of_a_large_log_either_way(tmp_path: Path) -> None:
    """The command end to end on a log past the size the columns take (with a bad line, an unknown type
    and an object among its events), against the same bytes gzipped, which the line reader reads: the
    same report, the same messages, the same exit code."""
    import gzip
    import subprocess
    import sys

    rows: list[Any] = []
    for k in range(48_000):
        at = dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=k % 20_000)
        rows.append({"event": "incident.reported", "at": at.isoformat(), "id": f"INC-{k}", "priority": "P2"})
        responded = at + dt.timedelta(hours=k % 11)
        rows.append({"event": "incident.responded", "at": responded.isoformat(), "id": f"INC-{k}"})
    rows[7] = {**rows[7], "attributes": {"plan": "gold"}}  # (the policy declares no attribute: E128)
    rows[4_001] = {"event": "incident.closed", "at": rows[4_001]["at"], "id": "INC-2000"}
    del rows[8]["priority"]  # line 9: E102
    text = "".join(json.dumps(r) + "\n" for r in rows)
    assert len(text) > lines_module.COLUMNS_FROM_BYTES
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir(), packed.mkdir()
    (plain / "events.jsonl").write_text(text, encoding="utf-8")
    (packed / "events.jsonl").write_bytes(gzip.compress(text.encode()))
    assert taken(plain / "events.jsonl", skip_invalid=True, defer=True)  # (the columns, three rows from their lines)
    policy = Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla"
    cmd = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(policy), "events.jsonl", "--format", "json"]
    cmd += ["--from", "2026-11-01", "--to", "2026-12-01", "--skip-invalid"]
    runs = [subprocess.run(cmd, cwd=where, capture_output=True, text=True, timeout=300) for where in (plain, packed)]
    assert runs[0].returncode == runs[1].returncode
    assert runs[0].stderr == runs[1].stderr and "events.jsonl:9:" in runs[0].stderr
    assert runs[0].stdout == runs[1].stdout and len(json.loads(runs[0].stdout)["incidents"]) > 47_000


@pytest.mark.parametrize("error", [pa.ArrowCapacityError, pa.ArrowTypeError, pa.ArrowMemoryError])
def test_whatever_arrow_cannot_do_the_line_reader_does(tmp_path: Path, error: type[Exception]) -> None:
    """Any failure of Arrow's reader (not only a parse error) leaves the file to the line reader: never a
    traceback."""
    path = write(tmp_path / "events.jsonl", CLEAN)

    def fails(*_: Any, **__: Any) -> Any:
        raise error("from the test")

    with mock.patch("pyarrow.json.open_json", fails):
        assert not taken(path)
        columns, by_lines = both_ways(path)
    assert columns == by_lines and columns[2] == 7

"""A JSON Lines file read by Arrow's JSON reader (:mod:`sla_dsl.events.jsonl_columns`) gives the line
reader's log exactly, or is left to the line reader.

Random logs, clean and not (blank lines, comments, nulls in any field and whole columns of them,
objects, keys named twice, numbers, odd times, text that is not UTF-8...), read both ways through
``read_events``, the columns' blocks small (a log of a few lines is many blocks): the same records in
the same order with the same lines, the same notes of unread fields, the same problems. Logs of
events, well formed or not, with objects or nulls or not, must be taken by the columns (else the
property would hold by never taking one), their odd rows filed from their lines; each kind of line
Arrow reads otherwise must leave the file to the line reader.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from log_outcome import outcome

from sla_dsl.events import EventInputError, jsonl_columns, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events import reader as reader_module
from sla_dsl.events.collect import Shown
from sla_dsl.events.lines import MAX_LINE_BYTES
from sla_dsl.events.reader import jsonl_by_columns, read_text
from sla_dsl.events.schema import EventLog

TYPES = ["incident.reported", "incident.responded", "outage.started", "stop.announced", "backup.completed", "bogus"]
#: (the last two: texts Arrow infers as times, so their block is parsed again with every field told)
TEXT = st.sampled_from(
    ["P1", "P2", "email", "database", " P1", "", "az-a", "INC-1", "OUT-2 ", "\u3000x", "障害-1", "null", "nullable",
     "2026-04-06", "2026-04-06T09:00:00+09:00"]
)  # fmt: skip
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


#: Kinds of line that are not an object from end to end: each is handed to the line reader as it is.
HANDED = ("blank", "comment", "null line", "split", "indented")
#: Kinds of line Arrow reads otherwise than the line reader (the file is then read line by line): a list
#: opening with ``null`` Arrow may build wrong (the check of each batch refuses it).
APART = ("twice", "number", "two", "list", *HANDED)
#: The fields besides ``event``, ``at`` and ``id`` an event line may give: the contract's, one it does not name.
FIELDS = ("priority", "cause", "service", "channel", "kind", "zone", "primary_zone", "start", "end", "note")
#: Keys that give a field of the contract under another name (in another case, with blanks around it, an
#: attribute split out of ``attributes``): refused at their line (E109) unless ``null``, or (in another case
#: or with blanks) beside a value under the field's own name.
MISNAMED = (" cause", "Cause", "PRIORITY", "AT", "\u3000zone", "attributes.plan", "Attributes")
#: ``attributes`` objects (one with a null in it).
OBJECTS = ['{"plan": "gold"}', '{"region": "eu", "plan": "x"}', "{}", '{"tier": {"a": "b"}}', '{"plan": null}']


@st.composite
def event_lines(draw: st.DrawFn, apart: tuple[str, ...] = APART, nulls: frozenset[str] = frozenset()) -> str:
    """One line of a log: mostly an event (well formed or not, any field of it, required or not, perhaps
    ``null``), sometimes a line of a kind in ``apart`` (by default, anything a log may hold). ``nulls``:
    fields every event line gives, ``null`` where it has no value (whole columns of nulls, as pandas writes
    a DataFrame)."""
    kind = draw(st.sampled_from(["event"] * 12 + ["object", "null", "misnamed", *apart]))
    if kind == "blank":
        return draw(st.sampled_from(["", "   "]))
    if kind == "comment":
        return "# a comment"
    if kind == "null line":
        return "null"
    row: dict[str, Any] = {"event": draw(st.sampled_from(TYPES)), "at": draw(instants()), "id": draw(TEXT)}
    for field in FIELDS:
        given = draw(st.sampled_from(["absent", "absent", "value", "null"]))
        if given != "absent":
            row[field] = None if given == "null" else draw(instants() if field in ("start", "end") else TEXT)
    if kind == "null":  # (a required field too)
        row[draw(st.sampled_from(["event", "at", "id", "attributes", *FIELDS]))] = None
    if kind == "object":
        row["attributes"] = json.loads(draw(st.sampled_from(OBJECTS)))
    if kind == "misnamed":  # (a value, a null, perhaps the field itself beside it)
        row[draw(st.sampled_from(MISNAMED))] = draw(st.sampled_from([None, "P1", "failure", "x"]))
    for field in nulls:
        row.setdefault(field, None)
    text = json.dumps(row, ensure_ascii=draw(st.booleans()))
    if kind == "twice":
        return text[:-1] + ', "id": "other"}'
    if kind == "number":
        return text[:-1] + ', "zone": 3}'
    if kind == "list":
        return text[:-1] + ', "tags": [null, "x"]}'
    if kind == "two":
        return text + text
    if kind == "split":  # an object on two lines (with two objects on a line, the rows would be the lines)
        return text.replace(", ", ",\n", 1)
    if kind == "indented":
        return " " + text
    return text


@st.composite
def logs(draw: st.DrawFn, apart: tuple[str, ...] = APART) -> list[str]:
    """The lines of a log, perhaps with whole columns of nulls."""
    nulls = draw(st.frozensets(st.sampled_from([*FIELDS, "attributes"])))
    lines = draw(st.lists(event_lines(apart, nulls), min_size=1, max_size=14))
    event("whole columns of nulls" if nulls else "no whole column of nulls")
    event("a null" if any(_NULL.search(line) for line in lines) else "no null")
    return lines


#: A JSON ``null`` (not one in a text: ``"nullable"``).
_NULL = re.compile(r'(?:^|[:\[,] ?)null\b(?!")')


def taken(path: Path, block: int | None = None, **opts: Any) -> bool:
    """Whether the columns read ``path`` (rather than leave it to the line reader), in blocks of ``block``
    bytes at most (else as they do)."""
    with mock.patch.object(jsonl_columns, "_BLOCK", block or jsonl_columns._BLOCK):
        try:
            return jsonl_by_columns(path, str(path), **opts) is not None
        except EventInputError:  # (taken, with problems)
            return True


def both_ways(path: Path, block: int | None = None, **opts: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(read through the columns when clean, in blocks of ``block`` bytes at most; read line by line) of
    ``path``."""
    with (
        mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0),
        mock.patch.object(jsonl_columns, "_BLOCK", block or jsonl_columns._BLOCK),
    ):
        columns = outcome(lambda: read_events(path, **opts))
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_lines = outcome(lambda: read_events(path, **opts))
    return columns, by_lines


@pytest.fixture(scope="module")
def spot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("jsonl") / "events.jsonl"


#: The most bytes of a block, drawn: 0, as few as the longest line allows (a block or two a line).
BLOCKS = st.sampled_from([0, 0, 600, 2_000, 4 << 20])


def small_blocks(text: str, most: int) -> int:
    """Blocks of ``most`` bytes at most, or of the fewest the columns may read ``text`` in (a block holds
    whole lines: the longest one)."""
    return max(most, *(len(line) + 1 for line in text.encode().split(b"\n")))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(logs(), BLOCKS, st.booleans(), st.booleans(), st.booleans())
def test_columns_and_lines_agree(spot: Path, lines: list[str], most: int, ended: bool, skip: bool, defer: bool) -> None:
    """``defer``: the problems left pending for the evaluator, as ``sla evaluate`` reads a log."""
    text = "\n".join(lines) + ("\n" if ended else "")
    spot.write_text(text, encoding="utf-8")
    columns, by_lines = both_ways(spot, small_blocks(text, most), skip_invalid=skip, defer=defer)
    assert columns == by_lines


@st.composite
def clean_lines(draw: st.DrawFn, nulls: frozenset[str] = frozenset()) -> str:
    """One well-formed event, perhaps with a field its type does not carry; ``nulls``: fields it gives
    ``null`` when it has no value for them (whole columns of nulls)."""
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
    for field in nulls:
        row.setdefault(field, None)
    return json.dumps(row, ensure_ascii=draw(st.booleans()))


@st.composite
def clean_logs(draw: st.DrawFn) -> list[str]:
    """The lines of a clean log, perhaps with whole columns of nulls (pandas' ``to_json``)."""
    nulls = draw(st.frozensets(st.sampled_from([*FIELDS, "attributes"])))
    event("whole columns of nulls" if nulls else "no whole column of nulls")
    return draw(st.lists(clean_lines(nulls), min_size=1, max_size=14))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clean_logs(), BLOCKS, st.booleans())
def test_a_clean_log_is_taken_by_the_columns(spot: Path, lines: list[str], most: int, ended: bool) -> None:
    text = "\n".join(lines) + ("\n" if ended else "")
    spot.write_text(text, encoding="utf-8")
    block = small_blocks(text, most)
    assert taken(spot, block)
    columns, by_lines = both_ways(spot, block)
    assert columns == by_lines


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(logs(apart=()), BLOCKS, st.booleans(), st.booleans())
def test_a_log_of_events_is_taken_by_the_columns(
    spot: Path, lines: list[str], most: int, ended: bool, skip: bool
) -> None:
    """Events well formed or not, with objects or nulls or not: read by the columns, odd rows (a null
    where a value is required) from their lines."""
    text = "\n".join(lines) + ("\n" if ended else "")
    spot.write_text(text, encoding="utf-8")
    block = small_blocks(text, most)
    assert taken(spot, block, skip_invalid=skip)
    columns, by_lines = both_ways(spot, block, skip_invalid=skip)
    assert columns == by_lines


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(logs(apart=HANDED), BLOCKS, st.booleans(), st.booleans())
def test_lines_that_are_no_object_are_handed_to_the_line_reader(
    spot: Path, lines: list[str], most: int, ended: bool, skip: bool
) -> None:
    """Blank lines, comments, ``null`` lines, blanks around an object, an object over two lines: each line
    handed to the line reader as it is, the runs between them read by the columns (an empty file is
    the line reader's)."""
    text = "\n".join(lines) + ("\n" if ended else "")
    spot.write_text(text, encoding="utf-8")
    block = small_blocks(text, most)
    assert taken(spot, block, skip_invalid=skip) == bool(text)
    columns, by_lines = both_ways(spot, block, skip_invalid=skip)
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


def test_the_bar_goes_on_when_the_columns_give_up_partway(tmp_path: Path) -> None:
    """The columns give up in the last block (a thousand and one rows to hand back) and the line reader
    reads the file again: the bar goes on from where the columns left it to the end, in step with the
    line reader, never back to the start; the lines counted stay until the line reader passes them."""
    responded = {"event": "incident.responded", "at": "2026-04-06T10:30:00+09:00", "id": "INC-1"}
    odd = {**CLEAN[0], "priority": " P1"}  # (a blank around the priority: handed back, filed trimmed)
    path = write(tmp_path / "events.jsonl", [responded] * 220_000 + [odd] * 1_001)
    size = path.stat().st_size
    seen: list[tuple[int, int]] = []
    began: list[int] = []  # (how many the columns showed when the line reader began)
    line_reader = reader_module.read_jsonl

    def read_jsonl(*args: Any, **kwargs: Any) -> EventLog:
        began.append(len(seen))
        return line_reader(*args, **kwargs)

    with (
        mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0),
        mock.patch.object(reader_module, "read_jsonl", read_jsonl),
    ):
        log = read_events(path, progress=lambda n, b: seen.append((n, b)))
    assert log.count == 221_001 and began
    columns, lines = seen[: began[0]], seen[began[0] :]
    assert columns and columns[-1][1] < size  # (the columns moved the bar, not to the end)
    assert len(lines) == 2  # (the line reader's, every 100,000 lines)
    assert [n for n, _ in seen] == sorted(n for n, _ in seen) and [b for _, b in seen] == sorted(b for _, b in seen)
    shown_lines, shown = columns[-1]
    rest = size - shown
    line = len(json.dumps(responded)) + 1
    assert lines == [(shown_lines, shown + rest * k * 100_000 * line // size) for k in (1, 2)]


def test_the_bar_carries_on_from_the_point_shown() -> None:
    seen: list[tuple[int, int]] = []
    shown = Shown(lambda n, b: seen.append((n, b)))
    assert shown.again(1_000) is shown.progress  # (nothing shown: the new reading's own)
    shown(10, 400)
    again = shown.again(1_000)
    for n, b in [(5, 0), (5, 500), (20, 1_000), (30, 1_200)]:  # (a file grown since: the end, no further)
        again(n, b)
    assert seen == [(10, 400), (10, 400), (10, 700), (20, 1_000), (30, 1_000)]
    seen.clear()
    shown.again(300)(5, 300)  # (a file cut short since: the bar stays)
    assert seen == [(10, 400)]


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


#: Lines with nulls, and whether the line reader tells that null from an absent field (then the columns hand
#: the row back, with its line: ``null`` where a value is required is E102, a missing field, as a table's null
#: cell is) or reads it as none (filed on the columns). A null line is no object: ``UNCLEAN``.
NULLS = {
    "optional fields": ('{"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "N", '
                        '"priority": "P1", "cause": null, "attributes": null}', False),
    "an outage's": ('{"event": "outage.started", "at": "2026-04-06T01:00:00Z", "id": "O", "cause": null, '
                    '"service": null, "attributes": null}', False),
    "a backup's": ('{"event": "backup.completed", "at": "2026-04-06T03:00:00Z", "id": "b", "kind": "files", '
                   '"zone": null, "primary_zone": null}', False),
    "fields its type does not carry": ('{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", '
                                       '"id": "INC-1", "priority": null, "kind": null, "start": null, '
                                       '"attributes": null}', False),
    "a field the contract does not name": ('{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", '
                                           '"id": "INC-1", "note": null}', False),
    "a null in a text": ('{"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "null", '
                         '"priority": "nullable"}', False),
    "a required priority": ('{"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "N", '
                            '"priority": null}', True),
    "a misspelt priority": ('{"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "N", '
                            '"priorty": null}', True),  # (E102, its help naming `priorty`)
    "the event": ('{"event": null, "at": "2026-04-06T09:00:00+09:00", "id": "N"}', True),
    "the time": ('{"event": "incident.responded", "at": null, "id": "INC-1"}', True),
    "the id": ('{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": null}', True),
    "a stop's start": ('{"event": "stop.announced", "at": "2026-03-01T10:00:00+09:00", "id": "S", '
                       '"channel": "email", "start": null, "end": "2026-04-11T02:00:00+09:00"}', True),
    "in attributes": ('{"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "N", '
                      '"priority": "P1", "attributes": {"plan": null}}', True),  # (an object: handed back)
}  # fmt: skip


@pytest.mark.parametrize("what", list(NULLS))
@pytest.mark.parametrize("skip", [True, False])
def test_a_null_is_filed_on_the_columns_unless_the_line_reader_tells_it(tmp_path: Path, what: str, skip: bool) -> None:
    """The columns take the file; the row with a null is handed back with its line exactly when the line
    reader reads that null otherwise than an absent field, and the two ways agree."""
    text, told = NULLS[what]
    path = write(tmp_path / "events.jsonl", CLEAN, text + "\n" + json.dumps(CLEAN[0]) + "\n")
    handed: list[int] = []
    log = EventLog(str(path))
    assert jsonl_columns.read_jsonl_columns(path, log, lambda _, number: handed.append(number))
    assert handed == ([8] if told else [])
    columns, by_lines = both_ways(path, skip_invalid=skip)
    assert columns == by_lines


def test_a_required_null_is_a_missing_field() -> None:
    """A null in a required field is no value, worded as its absence (E102, as a table's null cell is); the
    row is no event, so the columns hand it back to be worded at its line."""
    row = {"event": "incident.reported", "at": "2026-04-06T09:00:00+09:00", "id": "N"}
    said = []
    for line in (json.dumps({**row, "priority": None}), json.dumps(row)):
        with pytest.raises(EventInputError) as caught:
            read_text(line)
        said.append([p.code for p in caught.value.problems])
    assert said == [["E102"], ["E102"]]


def _newlines(data: bytes) -> np.ndarray:
    return np.flatnonzero(np.frombuffer(data, np.uint8) == 10)


def test_a_block_is_whole_lines() -> None:
    """Each block is the whole lines that fit in it; a line longer than a block leaves the log to the lines."""
    one, two, three = (json.dumps(r).encode() + b"\n" for r in CLEAN[:3])
    data = one + two + three
    Piece = jsonl_columns._Piece
    with mock.patch.object(jsonl_columns, "_BLOCK", len(one + two) + 2):
        assert list(jsonl_columns._blocks(data, 0, len(data), 1, _newlines(data))) == [
            Piece(0, len(one + two), 1, 2),
            Piece(len(one + two), len(data), 3, 1),
        ]
        assert jsonl_columns._pieces(data) == [Piece(0, len(one + two), 1, 2), Piece(len(one + two), len(data), 3, 1)]
        # a comment first, a blank line between, a last line with no newline: alone, in their places
        odd = b"# export\n" + one + b"\n" + two + b"  \r\n" + three[:-1]
        n = len(b"# export\n")
        assert jsonl_columns._pieces(odd) == [
            Piece(0, n, 1, 1, True),
            Piece(n, n + len(one), 2, 1),
            Piece(n + len(one), n + len(one) + 1, 3, 1, True),
            Piece(n + len(one) + 1, n + len(one + two) + 1, 4, 1),
            Piece(n + len(one + two) + 1, n + len(one + two) + 5, 5, 1, True),
            Piece(n + len(one + two) + 5, len(odd), 6, 1),
        ]
    with mock.patch.object(jsonl_columns, "_BLOCK", len(one) - 1), pytest.raises(jsonl_columns._NotLines):
        list(jsonl_columns._blocks(data, 0, len(data), 1, _newlines(data)))


#: Lines Arrow would read otherwise than the line reader: the whole file is read line by line.
UNCLEAN = {
    "a list opening with null": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A", '
    '"tags": [null, "x"]}\n',  # (Arrow builds it wrong: the check of the batch refuses it)
    "a key twice": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A", "id": "B"}\n',
    "a number": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": 7}\n',
    "two objects": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A"}' * 2 + "\n",
    "not JSON between braces": "{oops}\n",
    "an object then text": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A", '
    '"attributes": "gold"}\n',
}
#: Lines that are not an object from end to end: handed to the line reader, the rest read by the columns.
HANDED_LINES = {
    "a blank line": "\n",
    "blanks": " \t \r\n",
    "a comment": "# note\n",
    "a null line": "null\n",  # (Arrow's reader crashes on a block opening with one)
    "a line cut short": '{"event": "incident.responded", "at": "2026-04-06T10:00\n',
    "a byte-order mark": '\ufeff{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A"}\n',
    "blanks before an object": ' {"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A"}\n',
    "blanks after an object": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "A"} \n',
    # an object over two lines, then two on one line: as many rows as lines, to Arrow (two bad lines)
    "an object over two lines": '{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00",\n'
    '"id": "A"}{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "B"}\n',
}


@pytest.mark.parametrize("what", list(UNCLEAN))
def test_an_unclean_line_leaves_the_log_to_the_line_reader(tmp_path: Path, what: str) -> None:
    odd = '{"event": "incident.reported", "at": "2026-04-07T09:00:00+09:00", "id": "K", "priority": "P2", '
    odd += '"attributes": {"plan": "gold"}}\n'  # (an object first: then text in the same field)
    path = write(tmp_path / "events.jsonl", CLEAN, odd + UNCLEAN[what] + json.dumps(CLEAN[0]) + "\n")
    assert not taken(path, skip_invalid=True)
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines


@pytest.mark.parametrize("what", list(HANDED_LINES))
@pytest.mark.parametrize("where", ["first", "between", "last"])
def test_a_line_that_is_no_object_is_handed_to_the_line_reader(tmp_path: Path, what: str, where: str) -> None:
    odd = HANDED_LINES[what]
    rows = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CLEAN)
    text = {"first": odd + rows, "between": rows + odd + rows, "last": rows + odd}[where]
    path = tmp_path / "events.jsonl"
    path.write_text(text, encoding="utf-8")
    assert taken(path, skip_invalid=True)
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines
    columns, by_lines = both_ways(path)
    assert columns == by_lines


def test_an_export_with_a_header_comment_and_a_blank_line_at_its_end(tmp_path: Path) -> None:
    """A large log (many blocks), a comment first, blank lines between and at the end, odd rows among
    them: the comment and blanks passed over, every row filed, from the columns."""
    odd = {**CLEAN[0], "id": " INC-3", "attributes": {"plan": "gold"}}
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*CLEAN * 6_000, odd])
    path = tmp_path / "events.jsonl"
    path.write_text("# exported 2026-12-01 from the desk\n" + body + "\n" + body + "\r\n\n", encoding="utf-8")
    assert path.stat().st_size > 2 * (4 << 20)
    assert taken(path, skip_invalid=True)
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines and columns[2] == 2 * (7 * 6_000 + 1)


def test_many_lines_that_are_no_object_leave_the_log_to_the_line_reader(tmp_path: Path) -> None:
    """Past a thousand lines handed back, blank lines and rows together, the lines are faster."""
    row = {**CLEAN[0], "priority": " P1"}
    path = write(tmp_path / "events.jsonl", [*CLEAN, *[row] * 500], "\n" * 501)
    assert not taken(path)
    assert taken(write(tmp_path / "fewer.jsonl", [*CLEAN, *[row] * 500], "\n" * 500))
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines


@pytest.mark.parametrize(
    "what, raw",
    [
        ("not UTF-8", b'{"event": "incident.responded", "at": "2026-04-06T10:00:00+09:00", "id": "\xff"}\n'),
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


def test_a_field_first_given_or_first_not_null_in_a_later_block(tmp_path: Path) -> None:
    """A block's reader infers the block's own types: a field null in every row of the first block (Arrow
    types it ``null``) and given later, or first given in a later block, is no type change."""
    rows = [{**r, "attributes": None, "note": None} for r in CLEAN] * 6_000
    late = [{**CLEAN[0], "id": "INC-9", "attributes": {"region": "eu"}, "note": "x", "source": "jira"}]
    path = write(tmp_path / "events.jsonl", [*rows, *late, *CLEAN])
    assert path.stat().st_size > 4 << 20  # (past the first block)
    assert taken(path)
    columns, by_lines = both_ways(path)
    assert columns == by_lines and columns[2] == 42_008


@pytest.mark.parametrize(
    ("field", "value"),
    [("id", "2026-04-06"), ("id", "2026-04-06T09:00:00+09:00"), ("priority", "2026-04-06"), ("cause", "2026-04-06")],
)
def test_a_text_arrow_infers_otherwise_is_read_as_text(tmp_path: Path, field: str, value: str) -> None:
    """Arrow infers every field but the times: an id (a priority, a zone) that reads as a date or a number,
    in every row of a block, is parsed again with every field told to be text and filed on the columns
    as the line reader files it, not left to the line reader; a block where every text field is inferred
    as text is parsed once."""
    odd = [{**r, field: value} for r in CLEAN if field in r]
    path = write(tmp_path / "events.jsonl", [*CLEAN * 40, *odd * 40, *CLEAN * 40])  # (blocks of odd rows only)
    opened = mock.Mock(wraps=jsonl_columns.pj.open_json)
    with mock.patch.object(jsonl_columns.pj, "open_json", opened):
        assert taken(path, block=2_000)
    told = [len(c.kwargs["parse_options"].explicit_schema) > 3 for c in opened.call_args_list]
    assert 0 < sum(told) < len(told) - sum(told)  # (the odd blocks parsed again, the others once)
    columns, by_lines = both_ways(path, block=2_000)
    assert columns == by_lines and (columns[0] == "log" or field != "id")


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
    """Past a thousand rows handed back (a log whose every report has a blank around its priority), the
    lines are faster."""
    rows = [{**CLEAN[0], "id": f"INC-{k}", "priority": " P1"} for k in range(1_001)]
    path = write(tmp_path / "events.jsonl", [*CLEAN, *rows])
    assert not taken(path)
    assert taken(write(tmp_path / "fewer.jsonl", [*CLEAN, *rows[:1_000]]))
    columns, by_lines = both_ways(path, skip_invalid=True)
    assert columns == by_lines


def export_rows() -> list[dict[str, Any]]:
    """A month of events as a ticket system's table holds them: incidents (a priority stamped on some
    responses, attributes on a few late ones, where a type does not carry them), outages, backups, a
    planned stop, and a column the contract does not name in the last rows only."""
    rows: list[dict[str, Any]] = []
    start = dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC)
    for k in range(2_400):
        at = start + dt.timedelta(minutes=17 * k)
        ident = f"INC-{k}"
        priority = ("P1", "P2", "P3")[k % 3]
        rows.append({"event": "incident.reported", "at": at.isoformat(), "id": ident, "priority": priority})
        responded = {"event": "incident.responded", "at": (at + dt.timedelta(hours=k % 9)).isoformat(), "id": ident}
        if k % 5 == 0:
            responded["priority"] = priority if k % 10 else "P3"  # (stamped: the value in force, or not)
        if k > 2_380:
            responded |= {"attributes": {"plan": "gold"}, "source": "jira"}
        rows.append(responded)
        if k % 40 == 0:
            cause = "failure" if k % 80 else None
            rows.append({"event": "outage.started", "at": at.isoformat(), "id": f"OUT-{k}", "cause": cause})
            rows.append({"event": "outage.ended", "at": (at + dt.timedelta(minutes=47)).isoformat(), "id": f"OUT-{k}"})
        if k % 24 == 0:
            backup = {"event": "backup.completed", "at": at.isoformat(), "id": f"b-{k}", "kind": "database"}
            rows.append(backup | ({"zone": "az-c", "primary_zone": "az-a"} if k % 48 else {}))
    rows.insert(10, {"event": "stop.announced", "at": start.isoformat(), "id": "STOP-1", "channel": "email",
                     "start": "2026-11-20T22:00:00+09:00", "end": "2026-11-21T02:00:00+09:00"})  # fmt: skip
    return rows


def test_a_pandas_export_is_read_by_the_columns(tmp_path: Path) -> None:
    """pandas writes a DataFrame (``to_json(orient="records", lines=True)``) with every column on every
    row, ``null`` where an event has no value: such a log is read by the columns, not the line reader,
    and gives the line reader's log, and the report of the same events written without the nulls."""
    import sla_dsl

    pd = pytest.importorskip("pandas")
    rows = export_rows()
    exported, bare = tmp_path / "exported.jsonl", write(tmp_path / "bare.jsonl", rows)
    pd.DataFrame(rows).to_json(exported, orient="records", lines=True)
    text = exported.read_text(encoding="utf-8")
    assert text.count("null") > 8 * len(rows)  # (every row gives every column, most of them null)
    assert '"attributes":null,"source":null}' in text.splitlines()[0]
    block = 64 << 10  # (blocks of 64 KiB: many blocks where attributes and source are null throughout)
    assert taken(exported, block, skip_invalid=True)
    columns, by_lines = both_ways(exported, block, skip_invalid=True)
    assert columns == by_lines and columns == both_ways(bare)[1]
    assert columns[3]  # (the stray fields noted as unread: priorities not in force, the late attributes)
    policy = sla_dsl.load_policy(Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla")
    with (
        mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0),
        mock.patch.object(jsonl_columns, "_BLOCK", block),
        mock.patch.object(reader_module, "read_jsonl", side_effect=AssertionError("read line by line")),
    ):
        report = sla_dsl.evaluate(policy, exported, "2026-11-01", "2026-12-01").model_dump_json()
    expected = sla_dsl.evaluate(policy, bare, "2026-11-01", "2026-12-01").model_dump_json()
    assert report.replace(str(exported), "LOG") == expected.replace(str(bare), "LOG")  # (each names its file)
    assert '"kind":"data"' in report


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


def _joined_by_count(data: bytes) -> bool:
    """:func:`jsonl_columns._lines_of_objects` as it was first written: the joins counted as patterns."""
    newlines = data.count(b"\n")
    if data.endswith(b"\n"):
        newlines -= 1
        if not data.endswith((b"}\n", b"}\r\n")):
            return False
    elif not data.endswith(b"}"):
        return False
    joins = data.count(b"}\n{") + (data.count(b"}\r\n{") if b"\r" in data else 0)
    return data.startswith(b"{") and joins == newlines


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([b"{", b"}", b"\n", b"\r", b" ", b'{"a": 1}', b"x", b"}\n{", b"}\r\n{"]), min_size=1))
def test_lines_of_objects_read_on_arrays_as_counted(parts: list[bytes]) -> None:
    data = b"".join(parts)
    assert jsonl_columns._lines_of_objects(data, _newlines(data)) == _joined_by_count(data), data
    with mock.patch.object(jsonl_columns, "_WINDOW", 3):  # (found a window at a time, across their edges)
        assert jsonl_columns._newlines(data).tolist() == _newlines(data).tolist(), data

"""Defects found in a review of the event readers: each test fails on the code before its fix."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.events.arrow import read_table
from sla_dsl.events.arrow_files import read_arrow
from sla_dsl.events.keys import may_repeat, repeated_key
from sla_dsl.events.problems import EventInputError, Problem, RowSource, problem
from sla_dsl.events.reader import _read_lines, iter_events, read_jsonl, read_text
from sla_dsl.lang.diagnostics import words

REPORTED = '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-1", "priority": "P1"'


def _problems(call: Any) -> list[Problem]:
    with pytest.raises(EventInputError) as info:
        call()
    return info.value.problems


# -- 1: a struct `attributes` read through pandas means what the struct column means ----------


def _struct_table() -> pa.Table:
    return pa.table(
        {
            "event": ["incident.reported", "incident.reported"],
            "at": ["2026-11-02T10:00:00+09:00", "2026-11-02T11:00:00+09:00"],
            "id": ["INC-1", "INC-2"],
            "priority": ["P1", "P1"],
            "attributes": [{"plan": "premium", "org": "a"}, {"plan": "standard", "org": None}],
        }
    )


def test_pandas_struct_attributes_null_field_is_not_given(tmp_path: Path) -> None:
    table = _struct_table()
    assert pa.types.is_struct(table.schema.field("attributes").type)
    pq.write_table(table, tmp_path / "s.parquet")
    want = read_arrow(tmp_path / "s.parquet").incidents
    assert read_table(table).incidents == want
    assert read_table(table.to_pandas()).incidents == want
    assert read_table(pd.read_parquet(tmp_path / "s.parquet")).incidents == want
    assert want["INC-2"][0][2][2] == '{"plan":"standard"}'


def test_pandas_dict_null_value_with_untyped_cells_is_not_given() -> None:
    frame = pd.DataFrame(
        {
            "event": ["incident.reported", "incident.reported"],
            "at": ["2026-11-02T10:00:00+09:00", "2026-11-02T11:00:00+09:00"],
            "id": ["INC-1", "INC-2"],
            "priority": ["P1", "P1"],
            "attributes": [{"plan": "premium", "org": float("nan")}, '{"plan": "standard"}'],
        }
    )
    log = read_table(frame)
    assert log.incidents["INC-1"][0][2][2] == '{"plan":"premium"}'
    assert log.incidents["INC-2"][0][2][2] == '{"plan":"standard"}'


# -- 2: a key given twice is refused, never resolved -------------------------------------------


@pytest.mark.parametrize(
    ("line", "key"),
    [
        (REPORTED + ', "priority": "P2"}', "priority"),
        (REPORTED + ', "id": "INC-3"}', "id"),
        (REPORTED + ', "at": "2026-11-20T10:00:00+09:00"}', "at"),
        (REPORTED + ', "attributes": {"plan": "premium", "plan": "standard"}}', "plan"),
        (REPORTED.replace('"priority": ', '"priority" : ') + ', "priority":"P2"}', "priority"),
        (REPORTED + ', "note": "a\\":b", "note": "c"}', "note"),
        ('{"event":"incident.responded","id":"X","id":"Y","at":"2026-11-02T10:00:00+09:00"}', "id"),
    ],
)
def test_jsonl_repeated_key_is_e100_naming_it(line: str, key: str) -> None:
    found = _problems(lambda: read_text(line + "\n" + line + "\n"))
    assert [(p.line, p.code) for p in found] == [(1, "E100"), (2, "E100")]
    assert f"key `{key}` is given more than once" in found[0].message
    assert "E100" in found[0].render("ja")


def test_jsonl_repeated_key_in_iter_events(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text(REPORTED + ', "priority": "P2"}\n')
    found = _problems(lambda: list(iter_events(path)))
    assert found[0].code == "E100"


@pytest.mark.parametrize(
    "line",
    [
        REPORTED + "}",
        REPORTED + ', "attributes": {"plan": "premium", "org": "a"}}',
        REPORTED + ', "note": "a, b", "attributes": {"plan": "x"}}',
        REPORTED + ', "note": "\\":\\":", "x": [{"a": 1, "b": 2}, {"a": 1}]}',
        REPORTED.replace('": ', '" : ') + "}",
        '{"event":"incident.responded","at":"2026-11-02T10:00:00+09:00","id":"X"}',
    ],
)
def test_jsonl_keys_given_once_are_read(line: str) -> None:
    assert read_text(line + "\n").count == 1


def test_screen_is_exact() -> None:
    """The cheap screen passes a line only when it cannot repeat a key; the look settles the others."""
    ok = (REPORTED + "}").encode()
    assert not may_repeat(ok, json.loads(ok))
    spaced = b'{"a" : 1, "a":2, "b": "x\\":"}'
    assert may_repeat(spaced, {"a": 2, "b": 'x":'})
    assert repeated_key(spaced, {"a": 2, "b": 'x":'}) == "a"
    deep = b'{"a": [{"k": 1, "k": 2}]}'
    assert repeated_key(deep, {"a": [{"k": 2}]}) == "k"


def test_csv_attributes_cell_repeated_key_is_e109() -> None:
    text = (
        "event,at,id,priority,attributes\n"
        'incident.reported,2026-11-02T10:00:00+09:00,I,P1,"{""p"": ""a"", ""p"": ""b""}"\n'
    )
    found = _problems(lambda: read_text(text, fmt="csv"))
    assert [(p.line, p.code, p.column) for p in found] == [(2, "E109", "attributes")]
    assert "key `p` more than once" in found[0].message


def test_arrow_map_repeated_key_is_e109(tmp_path: Path) -> None:
    cell = pa.array([[("plan", "premium"), ("plan", "standard")]], type=pa.map_(pa.string(), pa.string()))
    table = pa.table(
        {
            "event": ["incident.reported"],
            "at": ["2026-11-02T10:00:00+09:00"],
            "id": ["INC-5"],
            "priority": ["P1"],
            "attributes": cell,
        }
    )
    pq.write_table(table, tmp_path / "m.parquet")
    for read in (lambda: read_table(table), lambda: read_arrow(tmp_path / "m.parquet")):
        found = _problems(read)
        assert [(p.line, p.code, p.column) for p in found] == [(1, "E109", "attributes")]
        assert "key `plan` more than once" in found[0].message


# -- 3: CSV on a pipe whose header arrives in pieces ------------------------------------------


class _Pipe(io.RawIOBase):
    """A pipe: each read gives at most one of the writes (``pieces``)."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = list(pieces)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self.pieces:
            return 0
        piece = self.pieces.pop(0)
        k = min(len(piece), len(buffer))
        buffer[:k] = piece[:k]
        if k < len(piece):
            self.pieces.insert(0, piece[k:])
        return k


_OPTS: dict[str, Any] = {"skip_invalid": False, "progress": None, "defer": False, "declared": ()}


@pytest.mark.parametrize(
    "pieces",
    [
        [b"event,at,", b"id,priority\nincident.reported,2026-11-02T10:00:00+09:00,INC-1,P1\n"],
        [b"# a comment\n", b"\n", b"event,at,id,prio", b"rity\nincident.reported,2026-11-02T10:00:00+09:00,INC-1,P1"],
        [b"\xef\xbb\xbfevent", b",at,id,priority\r\nincident.reported,2026-11-02T10:00:00+09:00,INC-1,P1\r\n"],
    ],
)
def test_csv_header_in_pieces_on_a_pipe(pieces: list[bytes]) -> None:
    log = _read_lines(io.BufferedReader(_Pipe(pieces)), "<stdin>", False, _OPTS)
    assert log.count == 1
    assert list(log.incidents) == ["INC-1"]


def test_jsonl_in_pieces_on_a_pipe_loses_no_byte() -> None:
    line = (REPORTED + "}\n").encode()
    pieces = [b"# c\n", line[:20], line[20:], line.replace(b"INC-1", b"INC-2")]
    log = _read_lines(io.BufferedReader(_Pipe(pieces)), "<stdin>", False, _OPTS)
    assert sorted(log.incidents) == ["INC-1", "INC-2"]
    assert read_jsonl(io.BufferedReader(_Pipe([b""])), "<stdin>").count == 0


# -- 4: pd.NA is a missing value --------------------------------------------------------------


def test_pd_na_is_a_missing_time() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    frame = pd.DataFrame(
        {
            "event": ["incident.reported", "incident.responded"],
            "id": ["INC-1", "INC-1"],
            "priority": ["P1", None],
            "at": pd.Series([dt.datetime(2026, 11, 2, 10, tzinfo=tokyo), pd.NA], dtype=object),
        }
    )
    found = _problems(lambda: read_table(frame))
    assert [(p.line, p.code, p.column) for p in found] == [(2, "E102", "at")]


# -- 5: a newline in a value cannot forge a line ----------------------------------------------


def test_newline_in_a_value_is_shown_escaped() -> None:
    line = '{"event":"incident.reported","at":"x\\nev.jsonl:9: error: [E999] forged","id":"I","priority":"P1"}\n'
    with pytest.raises(EventInputError) as info:
        read_text(line, "ev.jsonl")
    for lang in ("en", "ja"):
        text = info.value.in_lang(lang).args[0] if info.value.args else str(info.value)
        shown = str(info.value.in_lang(lang))
        assert "\\n" in shown
        assert [ln for ln in shown.split("\n") if "error: [" in ln] == [shown.split("\n")[0]], text
        assert len(shown.split("\n")) == 2  # the problem and its help


def test_cli_shows_a_newline_in_a_value_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sla_dsl.cli.app import main

    log = tmp_path / "ev.jsonl"
    log.write_text(
        '{"event":"incident.reported","at":"x\\nev.jsonl:9: error: [E999] forged","id":"I","priority":"P1"}\n'
    )
    policy = Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla"
    args = ["evaluate", str(policy), str(log), "--from", "2026-11-01", "--to", "2026-12-01", "--lang", "en"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert not any(ln.startswith("ev.jsonl:9") for ln in err.splitlines())
    assert "`x\\nev.jsonl:9: error: [E999] forged`" in err


# -- 6: the evaluator's value problems on rows name the column, and E123 quotes the time as given --


def _rows(at: pa.Array) -> pa.Table:
    return pa.table(
        {
            "event": ["incident.reported"] * 3,
            "at": at,
            "id": ["A", "B", "C"],
            "priority": ["P1", "P1", "P9"],
        }
    )


def _settled(log: Any) -> list[Problem]:
    from sla_dsl import load_policy
    from sla_dsl.evaluation import check_log
    from sla_dsl.evaluation.common import Versions

    policy = load_policy(Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla")
    with pytest.raises(EventInputError) as info:
        check_log(Versions([policy]), log)
        log.settle(False)
    return info.value.problems


@pytest.mark.parametrize("kind", ["text", "timestamp"])
def test_value_problems_on_rows_name_the_column_and_quote_the_time(kind: str, tmp_path: Path) -> None:
    if kind == "text":
        at = pa.array(["2026-11-02T10:00:00+09:00", "1800-11-02T10:00:00+09:00", "2026-11-02T10:00:00+0900"])
        shown = "1800-11-02T10:00:00+09:00"
    else:
        times = [dt.datetime(2026, 11, 2, 1), dt.datetime(1800, 11, 2, 1), dt.datetime(2026, 11, 2, 1)]
        at = pa.array(times, pa.timestamp("us", "+09:00"))
        shown = "1800-11-02T10:00:00+09:00"
    table = _rows(at)
    pq.write_table(table, tmp_path / "t.parquet")
    for log in (read_table(table, defer=True), read_arrow(tmp_path / "t.parquet", defer=True)):
        found = _settled(log)
        assert [(p.line, p.code, p.column) for p in found] == [(2, "E123", "at"), (3, "E120", "priority")]
        assert f"`{shown}`" in found[0].message
        assert "row 2, column `at`: error: [E123]" in found[0].render()
        assert "row 3, column `priority`: error: [E120]" in found[1].render()


def test_value_problem_of_a_line_is_unchanged() -> None:
    said = words("events.E123.at", time="1800-11-02T01:00:00Z", first="1900", last="2200")
    got = problem("ev.jsonl", 4, "E123", said)
    assert got.column is None and "1800-11-02T01:00:00Z" in got.message
    row = problem(RowSource.of("t.parquet"), 4, "E123", said)
    assert row.column == "at" and "1800-11-02T01:00:00Z" in row.message  # (no cell to quote: as said)

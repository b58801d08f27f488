"""A spreadsheet's CSV (a blank after every comma, or around every value) is read on Arrow's columns.

Blanks around a value are not part of it in every reader (``test_surrounding_blanks.py``), but Arrow's
column filing took no spaced type, time or id as it was: it handed every row back to the CSV reader's
collector, and past a thousand rows the whole log was read again by the CSV reader, row by row. The
columns now trim the texts of the contract on whole columns before the filing judges them, a cell of
blanks only no value, as that collector reads a row. Here, logs of a few thousand events
(``bench/evaluate.py``'s generator) written clean and spaced in several ways: each spaced log is taken
by the columns with no row handed back (counted), gives the same log and the same report as the clean
one, and its bad rows are handed back and worded, line and column, as the CSV reader words them.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from log_outcome import outcome

from sla_dsl.cli import main
from sla_dsl.events import EventInputError, csv_columns, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.schema import EventLog

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
COLUMNS = ("event", "at", "id", "priority", "cause", "channel", "start", "end", "kind", "zone", "primary_zone")
PERIOD = ["--from", "2026-01-01T00:00:00+09:00", "--to", "2027-01-01T00:00:00+09:00"]


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """The generator's events (about 3,200: more than the columns ever hand back) as CSV rows."""
    spec = importlib.util.spec_from_file_location("bench_evaluate", ROOT / "bench" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    jsonl = tmp_path_factory.mktemp("generated") / "events.jsonl"
    bench.generate(jsonl, 3_000)
    events = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    assert len(events) > 3 * csv_columns._MOST_HANDED
    assert not any("," in v or '"' in v for e in events for v in e.values())  # (written by hand below)
    return [[e.get(c, "") for c in COLUMNS] for e in events]


def _quoted(cells: list[str], before: str, after: str) -> str:
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="").writerow(
        [f"{before}{c}{after}" if c else c for c in cells]
    )
    return out.getvalue()


#: Ways to write a row of cells (none holds a comma or a quote): a clean CSV and the spaced ones.
WRITE: dict[str, Callable[[list[str]], str]] = {
    "clean": ",".join,
    "a blank after every comma": ", ".join,
    "blanks before and after every comma and around the line": lambda cells: f" {' , '.join(cells)} ",
    "a tab after every comma": ",\t".join,
    "ideographic and no-break spaces around every value": lambda cells: ",".join(
        f"\u3000{c}\u00a0" if c else c for c in cells
    ),
    "blanks inside quotes": lambda cells: _quoted(cells, " ", "  "),
}
SPACED = [w for w in WRITE if w != "clean"]


def _write(path: Path, rows: list[list[str]], way: str, newline: str = "\n") -> Path:
    text = newline.join(WRITE[way](r) for r in [list(COLUMNS), *rows]) + newline
    path.write_text(text, encoding="utf-8")
    return path


class Spy:
    """What the columns did with the last file they read: taken (or left to the CSV reader) and the
    lines of the rows they handed back to the CSV reader's collector."""

    def __init__(self) -> None:
        self.taken: list[bool] = []
        self.handed: list[int] = []

    def __call__(self, path: Path, log: EventLog, take: Callable[[dict[str, str], int], None], **opts: Any) -> bool:
        def counted(cells: dict[str, str], line: int) -> None:
            self.handed.append(line)
            take(cells, line)

        done: bool = READ_CSV_COLUMNS(path, log, counted, **opts)
        self.taken.append(done)
        return done


READ_CSV_COLUMNS = csv_columns.read_csv_columns


@pytest.fixture
def spy() -> Iterator[Spy]:
    seen = Spy()
    with mock.patch.object(csv_columns, "read_csv_columns", seen):
        yield seen


def on_columns(path: Path, **opts: Any) -> EventLog:
    """``path`` read as a large ``.csv`` log is (by Arrow's columns when they can), however small it is."""
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        return read_events(path, **opts)


def by_rows(path: Path, **opts: Any) -> EventLog:
    """``path`` read by the CSV reader, row by row."""
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        return read_events(path, **opts)


@pytest.mark.parametrize("way", SPACED)
def test_a_spaced_csv_is_filed_on_columns_as_the_clean_one(
    way: str, rows: list[list[str]], spy: Spy, tmp_path: Path
) -> None:
    clean = outcome(lambda: on_columns(_write(tmp_path / "clean.csv", rows, "clean")))
    assert spy.taken == [True] and spy.handed == []
    assert clean[0] == "log" and clean[2] == len(rows) and not clean[4]
    spaced = _write(tmp_path / "spaced.csv", rows, way, newline="\r\n")
    assert outcome(lambda: on_columns(spaced)) == clean
    assert spy.taken == [True, True] and spy.handed == []  # (before: every row handed back, then left)
    assert outcome(lambda: by_rows(spaced)) == clean


def _report(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        assert main(["evaluate", str(POLICY), str(path), "--format", "text", *PERIOD]) == 0
    return capsys.readouterr().out


def test_a_spreadsheet_csv_gives_the_clean_reports_on_columns(
    rows: list[list[str]], spy: Spy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``sla evaluate`` of the log with a blank after every comma (and with blanks around every value):
    the clean log's report, byte for byte, each read on columns."""
    clean = _report(_write(tmp_path / "clean.csv", rows, "clean"), capsys)
    assert "INC-" in clean
    for way in ("a blank after every comma", "blanks before and after every comma and around the line"):
        assert _report(_write(tmp_path / "spaced.csv", rows, way), capsys) == clean, way
    assert spy.taken == [True] * 3 and spy.handed == []


#: Bad rows written as a spreadsheet writes them (each its cells by column; the rest empty).
BAD: list[dict[str, str]] = [
    {"event": "incident.reported", "at": "2026-13-01T10:00:00+09:00", "id": "INC-X1", "priority": "P1"},
    {"event": "incident.bogus", "at": "2026-04-01T10:00:00+09:00", "id": "INC-X2"},
    {"event": "incident.responded", "at": "2026-04-01T10:00:00+09:00", "id": ""},
    {"event": "incident.reported", "at": "2026-04-01T10:00:00+09:00", "id": "INC-X3"},  # (no priority)
    {"event": "incident.responded", "at": "2026-04-01 10:00", "id": "INC-X4"},
    {"event": "stop.announced", "at": "2026-04-01T10:00:00+09:00", "id": "STOP-X", "channel": "email"},
    {"event": "", "at": "2026-04-01T10:00:00+09:00", "id": "INC-X6"},
]
#: A time quoted after the blank: its quotes are part of the cell (to the csv module as to Arrow).
QUOTED = {"event": "incident.responded", "at": '"2026-04-01T10:00:00+09:00"', "id": "INC-X5"}
BAD.append(QUOTED)


def _with_bad(rows: list[list[str]]) -> tuple[list[list[str]], list[int]]:
    """``rows`` with the bad ones among them, far apart, and their lines (the header is line 1)."""
    out = list(rows)
    at = [100 + k * (len(rows) // len(BAD)) for k in range(len(BAD))]
    for k, bad in zip(at, BAD, strict=True):
        out.insert(k, [bad.get(c, "") for c in COLUMNS])
    return out, [k + 2 for k in at]


def _problems(read: Callable[[], EventLog]) -> list[tuple[Any, ...]]:
    """Every problem of reading, all its fields (line, code, message, help, column...)."""
    try:
        log = read()
    except EventInputError as exc:
        return [dataclasses.astuple(p) for p in exc.problems]
    return [dataclasses.astuple(p) for p in (*log.problems, *log.left_out)]


@pytest.mark.parametrize("skip", [False, True])
@pytest.mark.parametrize(
    "way", ["a blank after every comma", "blanks before and after every comma and around the line"]
)
def test_bad_rows_of_a_spaced_csv_are_worded_as_the_csv_reader_words_them(
    way: str, skip: bool, rows: list[list[str]], spy: Spy, tmp_path: Path
) -> None:
    """Only the bad rows are handed back (the columns take the log), and their problems are the CSV
    reader's, every field of each: line, code, message, help, column; the log read is the same."""
    bad_rows, lines = _with_bad(rows)
    path = _write(tmp_path / "spaced.csv", bad_rows, way)
    columns = _problems(lambda: on_columns(path, skip_invalid=skip))
    assert spy.taken == [True] and spy.handed == lines
    assert columns == _problems(lambda: by_rows(path, skip_invalid=skip))
    assert sorted({p[1] for p in columns}) == lines  # (each bad row's problems at its line)
    assert all(p[6] for p in columns)  # (each names its column)
    assert outcome(lambda: on_columns(path, skip_invalid=skip)) == outcome(lambda: by_rows(path, skip_invalid=skip))
    clean = _problems(lambda: by_rows(_write(tmp_path / "clean.csv", bad_rows, "clean"), skip_invalid=skip))
    quoted = lines[BAD.index(QUOTED)]  # (clean, its quotes are a quoted cell's: a good time)
    assert [p[1:3] for p in columns if p[1] != quoted] == [p[1:3] for p in clean]  # (the clean log's)
    assert [p[2] for p in columns if p[1] == quoted] == ["E104"]


def test_a_field_a_type_does_not_carry_is_noted_as_read(rows: list[list[str]], spy: Spy, tmp_path: Path) -> None:
    """A spaced cell of a field the row's type does not carry is noted with its text as read, as the CSV
    reader notes it: ``attributes`` of an outage's end as ``\\u3000{}`` gives some (it is no JSON, JSON
    knows no such blank), trimmed it would give none; a priority of blanks only gives none."""
    odd = ["outage.ended", "2026-04-01T10:00:00+09:00", "OUT-X", "", "", "", "", "", "", "", ""]
    written = [[*r, "\u3000{}" if k == 0 else ""] for k, r in enumerate([odd, *rows])]
    written[1][3] = " \u3000"  # (a priority of blanks only, on the backup of line 3)
    path = tmp_path / "spaced.csv"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[*COLUMNS, "attributes"], *written])
    path.write_text(out.getvalue().replace(",", ", "), encoding="utf-8")
    columns = outcome(lambda: on_columns(path))
    assert spy.taken == [True] and spy.handed == []
    assert columns == outcome(lambda: by_rows(path))
    assert [(u.line, u.field) for u in columns[3]] == [(2, "attributes")]

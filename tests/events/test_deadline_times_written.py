"""E124 quotes the time a deadline is counted from as the event gives it, whatever reads the log.

An incident reported at ``2200-12-31T08:00:00-05:00`` with a target of five business days, and a backup
completed at ``2200-12-19T13:00:00-05:00`` kept a month and deleted in the period: both deadlines fall
after the supported years (E124). The line readers (JSON Lines, CSV, by lines and by columns) and a list
of dicts quoted the instant in the policy's zone (``2200-12-31T22:00:00+09:00``), where a table quoted
the cell; and the retention's completion, named on the deletion's line, was quoted in the policy's zone
by every reader. E123 quotes an event time as written on every path (``test_written_values.py``); E124
now does too. The Dask and Spark paths: ``tests/scale/test_deadline_times_written.py``.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path
from typing import Any
from unittest import mock

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.cli import main
from sla_dsl.events import EventInputError, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events import reader as reader_module

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
PERIOD = ("2200-12-01", "2201-01-01")
COLUMNS = ["event", "at", "id", "priority", "kind"]

EVENTS: list[dict[str, Any]] = [
    {"event": "incident.reported", "at": "2200-12-02T10:00:00+09:00", "id": "I-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2200-12-02T10:30:00+09:00", "id": "I-1"},
    {"event": "backup.completed", "at": "2200-12-19T13:00:00-05:00", "id": "B1", "kind": "database"},
    {"event": "backup.deleted", "at": "2200-12-25T03:00:00+09:00", "id": "B1", "kind": "database"},
    {"event": "incident.reported", "at": "2200-12-31T08:00:00-05:00", "id": "A", "priority": "P3"},
]
#: What every reader must say: (the line, the time quoted), as the events give them. In the policy's
#: zone they are 2200-12-20T03:00:00+09:00 and 2200-12-31T22:00:00+09:00.
QUOTED = [("4", "2200-12-19T13:00:00-05:00"), ("5", "2200-12-31T08:00:00-05:00")]


def quoted(text: str) -> list[tuple[str, str]]:
    """(line or row, time) of each E124 in ``text``."""
    return re.findall(r"(?::|row )(\d+)(?:, column `\w+`)?: error: \[E124\] .*? from `([^`]+)`\)", text)


def refused(events: Any) -> str:
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(sla_dsl.load_policy(POLICY), events, *PERIOD)
    return str(info.value.in_lang("en"))  # (the API's words are the policy's primary language: its English here)


def write_jsonl(path: Path, events: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in events))
    return path


def write_csv(path: Path, events: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(COLUMNS)
        out.writerows([[e.get(c, "") for c in COLUMNS] for e in events])
    return path


def frame(events: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame([{c: e.get(c) for c in COLUMNS} for e in events], columns=COLUMNS)


def test_the_line_readers_quote_the_times_as_the_lines_give_them(tmp_path: Path) -> None:
    """The CSV file's rows are one line further down (its header): the quoted times are the same."""
    jsonl = write_jsonl(tmp_path / "events.jsonl", EVENTS)
    said = refused(jsonl)
    assert quoted(said) == QUOTED
    assert (
        f"{jsonl}:5: error: [E124] the response due time of incident `A` falls after the supported years, "
        "1900 to 2200 (`respond within 5 business days` from `2200-12-31T08:00:00-05:00`)"
    ) in said
    assert f"{jsonl}:4: error: [E124] the end of the retention of backup `B1`" in said
    assert quoted(refused(write_csv(tmp_path / "events.csv", EVENTS))) == [(str(int(n) + 1), t) for n, t in QUOTED]
    # a log read first and judged by the API, a list of dicts, a gzipped log, blanks around a time
    assert quoted(refused(read_events(jsonl, defer=True))) == QUOTED
    assert quoted(refused(EVENTS)) == QUOTED
    packed = tmp_path / "events.jsonl.gz"
    packed.write_bytes(gzip.compress(jsonl.read_bytes()))
    assert quoted(refused(packed)) == QUOTED
    spaced = [*EVENTS[:4], {**EVENTS[4], "at": " 2200-12-31T08:00:00-05:00\t"}]
    assert quoted(refused(write_jsonl(tmp_path / "spaced.jsonl", spaced))) == QUOTED


def test_the_columns_of_a_large_log_quote_them_too(tmp_path: Path) -> None:
    """A large JSON Lines or CSV file is read by Arrow on columns: its line is read again all the same."""
    jsonl = write_jsonl(tmp_path / "events.jsonl", EVENTS)
    table = write_csv(tmp_path / "events.csv", EVENTS)
    with (
        mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0),
        mock.patch.object(reader_module, "read_jsonl", side_effect=AssertionError("read line by line")),
        mock.patch.object(reader_module, "read_csv", side_effect=AssertionError("read by the csv module")),
    ):
        assert quoted(refused(jsonl)) == QUOTED
        assert quoted(refused(table)) == [(str(int(n) + 1), t) for n, t in QUOTED]


def test_a_table_quotes_them_as_its_cells_give_them(tmp_path: Path) -> None:
    """A table quoted the incident's cell already; the retention's completion, on another row than the
    deletion the problem is located on, was quoted in the policy's zone."""
    folder = tmp_path / "lake"
    folder.mkdir()
    pq.write_table(pa.Table.from_pandas(frame(EVENTS), preserve_index=False), folder / "part-0.parquet")
    said = refused(folder)
    assert quoted(said) == QUOTED
    assert f"{folder / 'part-0.parquet'}: row 4, column `at`: error: [E124] the end of the retention" in said
    assert quoted(refused(frame(EVENTS))) == QUOTED


def test_a_file_changed_since_it_was_read_is_not_quoted(tmp_path: Path) -> None:
    """The line read again must still give the instant the log holds: else the policy's zone."""
    jsonl = write_jsonl(tmp_path / "events.jsonl", EVENTS)
    log = read_events(jsonl, defer=True)
    write_jsonl(jsonl, [*EVENTS[:4], {**EVENTS[4], "at": "2200-12-31T09:00:00-05:00"}])
    assert quoted(refused(log)) == [QUOTED[0], ("5", "2200-12-31T22:00:00+09:00")]


def test_sla_evaluate_quotes_the_same_time_from_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lake"
    folder.mkdir()
    pq.write_table(pa.Table.from_pandas(frame(EVENTS), preserve_index=False), folder / "part-0.parquet")
    said = []
    for events in (write_jsonl(tmp_path / "e.jsonl", EVENTS), write_csv(tmp_path / "e.csv", EVENTS), folder):
        assert main(["evaluate", str(POLICY), str(events), "--from", PERIOD[0], "--to", PERIOD[1], "--lang", "en"]) == 1
        said.append([t for _, t in quoted(capsys.readouterr().err)])
    assert said == [[t for _, t in QUOTED]] * 3

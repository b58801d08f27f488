"""Blanks around a value are not part of it, in every reader and on every path.

A header ``event, at, id, priority`` (a space after each comma, as a spreadsheet or a hand writes CSV)
puts a blank before every value. The id and the names were always trimmed; the time and the event type
were refused (E104, E103). Now every text of the contract is trimmed alike (``at``, ``start``, ``end``,
``event``, ``id``, the payload's names), with the characters pydantic trims from an id
(:data:`~sla_dsl.events.fields.BLANKS`), and a CSV cell of blanks only is an empty cell. Each reader --
JSON Lines (line by line and on Arrow's columns), CSV (the rows and Arrow's columns), Parquet (on
columns and row by row), a pyarrow table, a pandas DataFrame, the API's dicts -- reads the log with
blanks as the same log without them: the same records, lines, notes of unread fields, and no problem.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from log_outcome import outcome
from pydantic import TypeAdapter

from sla_dsl.events import arrow, collect, declare_types, log_from, read_events, read_text
from sla_dsl.events import lines as lines_module
from sla_dsl.events.arrow import read_table
from sla_dsl.events.fields import BLANKS, Id
from sla_dsl.events.schema import EventLog

DECLARED = declare_types({"incident.chat_started"})
COLUMNS = ("event", "at", "id", "priority", "cause", "channel", "start", "end", "kind", "zone", "attributes")
CLEAN: list[dict[str, str]] = [
    {"event": "incident.reported", "at": "2026-11-05T15:04:05+09:00", "id": "INC-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-05T16:00:00+09:00", "id": "INC-1", "priority": "P1"},
    {"event": "incident.chat_started", "at": "2026-11-05T15:10:00.5+09:00", "id": "INC-1"},
    {"event": "incident.reprioritized", "at": "2026-11-06T09:00:00Z", "id": "INC-1", "priority": "P2"},
    {"event": "outage.started", "at": "2026-11-07T01:00:00+09:00", "id": "OUT-1", "cause": "force_majeure"},
    {"event": "outage.ended", "at": "2026-11-07T02:30:00+09:00", "id": "OUT-1"},
    {
        "event": "stop.announced",
        "at": "2026-11-01T10:00:00+09:00",
        "id": "STOP-1",
        "channel": "email",
        "start": "2026-11-26T22:00:00+09:00",
        "end": "2026-11-27T00:00:00+09:00",
    },
    {"event": "backup.completed", "at": "2026-11-08T02:00:00+09:00", "id": "database-1", "kind": "database"},
    {"event": "backup.completed", "at": "2026-11-08T03:00:00+09:00", "id": "files-1", "kind": "files", "zone": "z"},
]
#: What a hand or a spreadsheet puts around values: a space, a tab, a no-break space, an ideographic space.
AROUND = [(" ", ""), ("", " "), ("\t", "  "), ("\u3000", "\u00a0"), ("\u2003", "\u202f")]


def spaced(events: list[dict[str, str]]) -> list[dict[str, str]]:
    """``events`` with blanks around every value, a different pair each time."""
    out: list[dict[str, str]] = []
    k = 0
    for ev in events:
        row = {}
        for name, value in ev.items():
            before, after = AROUND[k % len(AROUND)]
            row[name] = f"{before}{value}{after}"
            k += 1
        out.append(row)
    return out


SPACED = spaced(CLEAN)


def test_blanks_are_those_pydantic_trims_from_an_id() -> None:
    """A time and an event type are trimmed as an id is: the same characters, no more, no fewer."""
    ids = TypeAdapter(Id)
    trims = {chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF and ids.validate_python(f"{chr(c)}A") == "A"}
    assert trims == set(BLANKS)


def csv_text(events: list[dict[str, str]], sep: str = ",", blank_cell: str = "") -> str:
    """A CSV log of ``events``, cells separated by ``sep``; a field an event lacks is ``blank_cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for ev in events:
        writer.writerow([ev.get(c, blank_cell) for c in COLUMNS])
    text = out.getvalue()
    return text if sep == "," else text.replace(",", sep)  # (no value holds a comma)


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _by_columns(path: Path) -> EventLog:
    """``path`` read by Arrow's columns however small it is (the rows they hand back by the line reader)."""
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        return read_events(path, declared=DECLARED)


def _by_lines(path: Path) -> EventLog:
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        return read_events(path, declared=DECLARED)


def _jsonl(events: list[dict[str, str]]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)


def _table(events: list[dict[str, str]]) -> pa.Table:
    return pa.table({c: [e.get(c) for e in events] for c in COLUMNS})


def _row_by_row(table: pa.Table) -> EventLog:
    with mock.patch.object(arrow._Reader, "columns", False):
        return read_table(table, "<table>", declared=DECLARED)


READERS: dict[str, Callable[[list[dict[str, str]], Path], EventLog]] = {
    "the API's dicts": lambda evs, _: log_from(evs, declared=DECLARED),
    "JSON Lines, line by line": lambda evs, tmp: _by_lines(_file(tmp, "e.jsonl", _jsonl(evs))),
    "JSON Lines, on columns": lambda evs, tmp: _by_columns(_file(tmp, "e.jsonl", _jsonl(evs))),
    "JSON Lines, text": lambda evs, _: read_text(_jsonl(evs), declared=DECLARED),
    "CSV, by rows": lambda evs, tmp: _by_lines(_file(tmp, "e.csv", csv_text(evs))),
    "CSV, on columns": lambda evs, tmp: _by_columns(_file(tmp, "e.csv", csv_text(evs))),
    "a pyarrow table, on columns": lambda evs, _: read_table(_table(evs), "<table>", declared=DECLARED),
    "a pyarrow table, row by row": lambda evs, _: _row_by_row(_table(evs)),
    "Parquet": lambda evs, tmp: _parquet(evs, tmp),
    "a pandas DataFrame": lambda evs, _: log_from(pd.DataFrame(evs), declared=DECLARED),
}


def _parquet(events: list[dict[str, str]], tmp: Path) -> EventLog:
    pq.write_table(_table(events), tmp / "e.parquet")
    return read_events(tmp / "e.parquet", declared=DECLARED)


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_values_with_blanks_around_them_as_the_values(reader: str, tmp_path: Path) -> None:
    clean = outcome(lambda: READERS[reader](CLEAN, tmp_path))
    assert clean[0] == "log" and clean[2] == len(CLEAN) and not clean[4], clean
    assert len(clean[3]) == 1  # (the priority on the response: noted as unread, its value stamped)
    assert outcome(lambda: READERS[reader](SPACED, tmp_path)) == clean


def test_the_spreadsheet_csv_of_the_finding_reads_as_the_same_csv_without_its_spaces() -> None:
    """``event, at, id, priority`` and rows written so: every value after a space, an empty cell as a
    space (``, ,``), each row with a blank after its last cell too."""
    spreadsheet = csv_text(CLEAN, sep=", ", blank_cell="").replace("\n", " \n")
    assert spreadsheet.startswith("event, at, id, priority, cause, channel, start, end, kind, zone, attributes \n")
    assert "\nincident.reported, 2026-11-05T15:04:05+09:00, INC-1, P1, , , , , , ,  \n" in spreadsheet
    clean = outcome(lambda: read_text(csv_text(CLEAN), fmt="csv", declared=DECLARED))
    assert outcome(lambda: read_text(spreadsheet, fmt="csv", declared=DECLARED)) == clean


@pytest.mark.parametrize("read", [_by_lines, _by_columns], ids=["by rows", "on columns"])
def test_a_csv_cell_of_blanks_only_is_an_empty_cell(read: Callable[[Path], EventLog], tmp_path: Path) -> None:
    """A field given as blanks (an optional ``cause``, ``zone``, a ``priority`` on a backup) is absent, as
    an empty cell is, not an empty value (E107); a required one (``id``) is missing (E102), as an empty
    one is."""
    clean = outcome(lambda: read(_file(tmp_path, "e.csv", csv_text(CLEAN))))
    for blank in (" ", "\u3000", " \t "):
        assert outcome(lambda b=blank: read(_file(tmp_path, "e.csv", csv_text(CLEAN, blank_cell=b)))) == clean
    empty_id = outcome(lambda: read(_file(tmp_path, "e.csv", csv_text([{**CLEAN[0], "id": ""}]))))
    blank_id = outcome(lambda: read(_file(tmp_path, "e.csv", csv_text([{**CLEAN[0], "id": " \t "}]))))
    assert blank_id == empty_id and blank_id[0] == "error" and blank_id[1][0][1] == "E102"


def test_values_with_blanks_around_them_keep_the_line_readers_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spreadsheet's CSV (every value after a space) and JSON Lines with blanks around its values are
    filed by the fast path once trimmed, as the models would file them: the models are never asked."""

    def models(*_: object) -> None:
        raise AssertionError("a well-formed event went to the models")

    monkeypatch.setattr(collect, "validate_mapping", models)
    spreadsheet = csv_text(CLEAN, sep=", ")
    assert read_text(spreadsheet, fmt="csv", declared=DECLARED).count == len(CLEAN)
    assert read_text(_jsonl(SPACED), declared=DECLARED).count == len(CLEAN)


@pytest.mark.parametrize("reader", READERS)
def test_blank_attributes_where_a_type_does_not_carry_them_give_none(reader: str, tmp_path: Path) -> None:
    """A blank ``attributes`` (a spreadsheet's ``, ,`` under that column) gives none, as ``null`` and ``{}``
    do: not noted as attributes left unread, whichever reader."""
    events = [{**e, "attributes": " "} if e["event"] == "incident.responded" else e for e in CLEAN]
    clean = outcome(lambda: READERS[reader](CLEAN, tmp_path))
    assert outcome(lambda: READERS[reader](events, tmp_path)) == clean

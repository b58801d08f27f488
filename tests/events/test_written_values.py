"""E123 quotes an event time outside the supported years as the event gives it, whatever reads the log.

The same rows in JSON Lines and CSV (read line by line, and by Arrow on columns), Parquet, a pandas
frame and a list of dicts: each E123 quotes ``2226-10-05T10:00:00+11:00`` as written, not the instant
in UTC (``2226-10-04T23:00:00Z``, another day), and a planned stop's ``start`` likewise. The line
readers quoted the UTC form (the log holds the instant, and a text log kept no text of it). And E108
(a stop whose ``end`` is not after its ``start``) names its column in a table, as every other row
error does. The Dask and Spark paths: ``tests/scale/test_written_values.py``.
"""

from __future__ import annotations

import csv
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
from sla_dsl.evaluation import own_log
from sla_dsl.events import EventInputError, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events import reader as reader_module
from sla_dsl.events.fast import HOUR_OF, fast_epoch, inside

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
PERIOD = ("2026-11-01", "2026-12-01")
COLUMNS = ["event", "at", "id", "priority", "channel", "start", "end"]

#: A good month around the bad rows: a report, its response, a stop announced in time.
GOOD = [
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-02T10:30:00+09:00", "id": "I-1"},
]
#: An event time in the year 2226 (UTC: the 4th), and a planned stop starting in 1800 (UTC: 15:00).
FAR = {"event": "incident.reported", "at": "2226-10-05T10:00:00+11:00", "id": "X-1", "priority": "P1"}
FAR_STOP = {
    "event": "stop.announced",
    "at": "2026-11-05T10:00:00+09:00",
    "id": "S-1",
    "channel": "email",
    "start": "1800-01-01T10:00:00-05:00",
    "end": "2026-11-20T02:00:00+09:00",
}
EVENTS = [*GOOD, FAR, FAR_STOP]
#: What every reader must say of them: the times as written, at their lines (rows).
QUOTED = [("", "2226-10-05T10:00:00+11:00"), ("start", "1800-01-01T10:00:00-05:00")]


def quoted(text: str) -> list[tuple[str, str]]:
    """(field, time) of each E123 in ``text`` (field ``""``: the event's ``at``)."""
    return re.findall(r"\[E123\] (?:the `(\w+)` )?time `([^`]+)`", text)


def refused(events: Any) -> str:
    """The text of the EventInputError ``sla_dsl.evaluate`` raises for ``events``."""
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
    """JSON Lines and CSV read line by line quoted the instant in UTC: ``2226-10-04T23:00:00Z``."""
    jsonl = write_jsonl(tmp_path / "events.jsonl", EVENTS)
    said = refused(jsonl)
    assert quoted(said) == QUOTED
    assert f"{jsonl}:3: error: [E123] time `2226-10-05T10:00:00+11:00` is outside the supported years" in said
    assert f"{jsonl}:4: error: [E123] the `start` time `1800-01-01T10:00:00-05:00`" in said
    assert quoted(refused(write_csv(tmp_path / "events.csv", EVENTS))) == QUOTED
    # a read log judged by the API (a copy of its own), a list of dicts, and a time given with blanks
    assert quoted(refused(read_events(jsonl, defer=True))) == QUOTED
    assert quoted(refused(EVENTS)) == QUOTED
    spaced = [*GOOD, {**FAR, "at": " 2226-10-05T10:00:00+11:00\t"}, FAR_STOP]
    assert quoted(refused(write_jsonl(tmp_path / "spaced.jsonl", spaced))) == QUOTED


def test_the_judged_log_keeps_what_was_noted_in_a_copy(tmp_path: Path) -> None:
    """The times are noted by the log's source, which every copy of the log keeps."""
    log = read_events(write_jsonl(tmp_path / "events.jsonl", EVENTS), defer=True)
    assert log.written(3, "at") == "2226-10-05T10:00:00+11:00"
    assert (1, "at") not in log.source.written  # (a good line's time is not noted: asked, it is read again)
    assert own_log(log).written(4, "start") == "1800-01-01T10:00:00-05:00"


def test_a_time_of_an_hour_read_before_is_noted_too(tmp_path: Path) -> None:
    """The fast path's table of hours holds none outside the supported years: a second line of the same
    far hour takes the long way too, and is noted."""
    twice = [*GOOD, FAR, {**FAR, "id": "X-2", "at": "2226-10-05T10:30:00+11:00"}]
    said = refused(write_jsonl(tmp_path / "events.jsonl", twice))
    assert quoted(said) == [("", "2226-10-05T10:00:00+11:00"), ("", "2226-10-05T10:30:00+11:00")]


def test_the_hours_of_the_supported_years_stay_on_the_fast_path() -> None:
    """The fast path's table of hours holds every hour of the supported years (at any offset, their
    times are inside) and none outside them (the readers' inlined look-up would file such a time
    without noting it)."""
    for text in ("1900-01-01T00:00:00+23:59", "2200-12-31T23:59:59.999999-23:59"):
        epoch = fast_epoch(text)
        assert text[:13] in HOUR_OF and epoch is not None and inside(epoch)
    for text in ("1899-12-31T23:59:59-23:59", "2201-01-01T00:00:00+23:59", "2226-10-05T10:00:00+11:00"):
        assert fast_epoch(text) is not None and text[:13] not in HOUR_OF


def test_the_columns_of_a_large_log_quote_them_too(tmp_path: Path) -> None:
    """A large JSON Lines or CSV file is read by Arrow on columns, which held the instant: the rows with a
    time outside are handed to the line reader, which notes it."""
    jsonl = write_jsonl(tmp_path / "events.jsonl", EVENTS)
    table = write_csv(tmp_path / "events.csv", EVENTS)
    with (
        mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0),
        mock.patch.object(reader_module, "read_jsonl", side_effect=AssertionError("read line by line")),
        mock.patch.object(reader_module, "read_csv", side_effect=AssertionError("read by the csv module")),
    ):
        assert quoted(refused(jsonl)) == QUOTED
        assert quoted(refused(table)) == QUOTED


def test_a_table_quotes_them_as_its_cells_give_them(tmp_path: Path) -> None:
    folder = tmp_path / "lake"
    folder.mkdir()
    pq.write_table(pa.Table.from_pandas(frame(EVENTS), preserve_index=False), folder / "part-0.parquet")
    said = refused(folder)
    assert quoted(said) == QUOTED
    assert f"{folder / 'part-0.parquet'}: row 3, column `at`: error: [E123] time `2226-10-05T10:00:00+11:00`" in said
    assert quoted(refused(frame(EVENTS))) == QUOTED


def test_sla_evaluate_quotes_the_same_time_from_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command's own words, from JSON Lines, CSV and a Parquet directory: the same time quoted."""
    folder = tmp_path / "lake"
    folder.mkdir()
    pq.write_table(pa.Table.from_pandas(frame([FAR]), preserve_index=False), folder / "part-0.parquet")
    said = []
    for events in (write_jsonl(tmp_path / "e.jsonl", [FAR]), write_csv(tmp_path / "e.csv", [FAR]), folder):
        assert main(["evaluate", str(POLICY), str(events), "--from", PERIOD[0], "--to", PERIOD[1], "--lang", "en"]) == 1
        said.append(quoted(capsys.readouterr().err))
    assert said == [[("", "2226-10-05T10:00:00+11:00")]] * 3


def test_e108_names_the_end_column_of_a_table(tmp_path: Path) -> None:
    """A stop whose ``end`` is not after its ``start``: ``bad.parquet: row 3: error: [E108]`` named no
    column, where every other row error names one."""
    backwards = {**FAR_STOP, "start": "2026-11-20T02:00:00+09:00", "end": "2026-11-20T01:00:00+09:00"}
    events = [*GOOD, backwards]
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.Table.from_pandas(frame(events), preserve_index=False), path)
    assert f"{path}: row 3, column `end`: error: [E108] `end` is not after `start`" in refused(path)
    assert "<table>: row 3, column `end`: error: [E108]" in refused(frame(events))
    jsonl = write_jsonl(tmp_path / "bad.jsonl", events)  # (a line: no column, as ever)
    assert f"{jsonl}:3: error: [E108] `end` is not after `start`" in refused(jsonl)
    with pytest.raises(EventInputError) as info:
        read_events(jsonl)
    assert [p.column for p in info.value.problems] == ["end"]

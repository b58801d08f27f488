"""sla_dsl.dask given Parquet files of different layouts to shuffle: the verdicts, problems and places of one run.

One run (``sla evaluate POLICY DIR``) reads each file of a directory on its own, with its own columns and
their types; the shuffle puts the rows of all the files in one frame. These tests give the two the same
directory of files that differ (a time as text in one file and as zoned timestamps in another, a column
one file lacks, a ``line`` column some files have) and ask for the same report, or the same problems in
the same words at the same places. They run on Dask's synchronous scheduler: the reading, the shuffle
and the judging of the partitions are the cluster's code, without its start-up (the LocalCluster tests
of ``test_dask_files.py`` run files of several layouts across processes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError

from .conftest import EXAMPLE
from .logs import POLICY_PATH, frame, policy

dask = pytest.importorskip("dask")
sla_dask = pytest.importorskip("sla_dsl.dask")

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)


def outcome(run: Any) -> tuple[str, Any]:
    """A run's report (as JSON), or its problems: each one's place, code, words and help, and the error's text."""
    try:
        return "report", run().model_dump_json()
    except EventInputError as exc:
        said = [(str(p.source), p.line, p.code, p.message, p.help, p.column) for p in exc.problems]
        return "problems", (said, str(exc.in_lang("en")), exc.lang)  # (its English, and its language)


def both(files: Path) -> tuple[tuple[str, Any], tuple[str, Any]]:
    """One run over the directory, and the shuffled Dask run (``partitioned=False``) over it."""
    one = outcome(lambda: sla_dsl.evaluate(policy(), str(files), NOV, DEC))
    with dask.config.set(scheduler="synchronous"):
        many = outcome(lambda: sla_dask.evaluate(POLICY_PATH, str(files), NOV, DEC, source=str(files)))
    return one, many


def _times(column: pa.ChunkedArray, t: pa.DataType) -> pa.Array:
    return pa.array([None if v is None else dt.datetime.fromisoformat(v) for v in column.to_pylist()], t)


def _set(table: pa.Table, name: str, values: Any) -> pa.Table:
    return table.set_column(table.schema.get_field_index(name), name, values)


def month_in_files(directory: Path, files: int) -> list[Path]:
    """The example month cut into runs of rows (ids split between files), without ``line``, times as text."""
    table = pa.Table.from_pandas(frame(EXAMPLE), preserve_index=False).drop_columns(["line"])
    directory.mkdir()
    size = -(-table.num_rows // files)
    paths = [directory / f"part-{k:03d}.parquet" for k in range(files)]
    for k, path in enumerate(paths):
        pq.write_table(table.slice(k * size, size), path)
    return paths


def test_times_as_text_in_one_file_and_timestamps_in_another_as_one_run(tmp_path: Path) -> None:
    """The shuffle refused the directory (E116: a column of two kinds) that one run reads, each file with
    its own types: now each file's rows are read with their own (text, or timestamps of their own unit),
    and the report is one run's."""
    paths = month_in_files(tmp_path / "events", 3)
    middle = pq.read_table(paths[1])
    middle = _set(middle, "at", _times(middle["at"], pa.timestamp("us", "Asia/Tokyo")))
    for name in ("start", "end"):  # other units and zones: the same instants
        middle = _set(middle, name, _times(middle[name], pa.timestamp("ns", "UTC")))
    pq.write_table(middle, paths[1])
    last = pq.read_table(paths[2])
    pq.write_table(_set(last, "at", _times(last["at"], pa.timestamp("ns", "UTC"))), paths[2])
    one, many = both(tmp_path / "events")
    assert one[0] == "report" and many == one

    # bad cells of each kind: the text file's naive and malformed times, the timestamp file's time past
    # the year 9999 (an instant refused for its year, E123, where the same time as text is no time, E104;
    # and microseconds no nanosecond timestamp holds, though the last file's are nanoseconds)
    first = pq.read_table(paths[0])
    at = first["at"].to_pylist()
    at[2], at[5] = at[2][:19], "yesterday"
    pq.write_table(_set(first, "at", pa.array(at)), paths[0])
    middle = pq.read_table(paths[1])
    at_us = middle["at"].cast(pa.int64()).to_pylist()
    at_us[4] = 10**18
    pq.write_table(_set(middle, "at", pa.array(at_us).cast(pa.timestamp("us", "Asia/Tokyo"))), paths[1])
    one, many = both(tmp_path / "events")
    assert one[0] == "problems" and many == one
    said = one[1][1]
    assert f"{paths[0]}: row 3, column `at`: error: [E105]" in said
    assert f"{paths[0]}: row 6, column `at`: error: [E104]" in said
    assert (
        f"{paths[1]}: row 5, column `at`: error: [E123] time `+33658-09-27T01:46:40Z` is outside the supported years"
        in said
    )


def test_a_column_a_file_lacks_is_said_so_as_one_run(tmp_path: Path) -> None:
    """A required field missing in a file without its column: one run's E102 says the table has no such
    column (and guesses at a misspelt one); the shuffle lost that help, the other files having the column."""
    paths = month_in_files(tmp_path / "events", 3)
    first = pq.read_table(paths[0])
    pq.write_table(first.rename_columns(["priorty" if c == "priority" else c for c in first.column_names]), paths[0])
    middle = pq.read_table(paths[1]).drop_columns(["priority"])
    pq.write_table(middle, paths[1])
    one, many = both(tmp_path / "events")
    assert one[0] == "problems" and many == one
    problems = one[1][0]
    assert {p[2] for p in problems} == {"E102"}
    assert {p[4] for p in problems} == {
        "the table has no column `priority`",
        "the table has no column `priority`; found `priorty`: did you mean `priority`?",
    }
    assert {p[0] for p in problems} == {str(tmp_path / "events")} and all(p[1] for p in problems)


def test_a_line_column_some_files_have_is_located_as_one_run(tmp_path: Path) -> None:
    """One file with a ``line`` column, one without: one run numbers the rows of both (the column is one
    it keeps out of the verdicts); the shuffle named the lines of one and left the other's rows unlocated."""
    files = tmp_path / "events"
    files.mkdir()
    rows = {"event": ["incident.reported"] * 3, "at": ["2026-11-02T10:00:00+09:00"] * 3}
    pq.write_table(
        pa.table({**rows, "id": ["I-1", "I-2", "I-3"], "priority": ["P1", "P9", "P1"], "line": [10, 11, 12]}),
        files / "a.parquet",
    )
    pq.write_table(pa.table({**rows, "id": ["I-4", "I-5", "I-6"], "priority": ["P9", "P1", "P2"]}), files / "b.parquet")
    one, many = both(files)
    assert one[0] == "problems" and many == one
    assert [p[1] for p in one[1][0]] == [2, 4]
    assert one[1][1].startswith(f"{files / 'a.parquet'}: row 2, column `priority`: error: [E120]")

    # the report, and its note on a contradiction, name the rows as one run names them
    pq.write_table(pa.table({**rows, "id": ["I-4", "I-4", "I-6"], "priority": ["P1", "P2", "P2"]}), files / "b.parquet")
    pq.write_table(
        pa.table({**rows, "id": ["I-1", "I-2", "I-3"], "priority": ["P1", "P1", "P1"], "line": [10, 11, 12]}),
        files / "a.parquet",
    )
    one, many = both(files)
    assert one[0] == "report" and many == one
    assert f"{files / 'b.parquet'}: row 2: incident.reported of `I-4`" in one[1]

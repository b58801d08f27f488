"""sla_dsl.dask given Parquet files (each read by pyarrow in its task), and what keeps the client's share small.

The files tests run on the session's LocalCluster of two worker processes and
compare with the report of one process byte for byte, as ``test_dask.py`` does
for a Dask DataFrame.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
import re
import zlib
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.errors import InputError
from sla_dsl.evaluation.partition import PartitionError, merge
from sla_dsl.events.problems import EventInputError
from sla_dsl.scale import collector_paused, judge_table

from .conftest import EXAMPLE, one_run_json
from .logs import POLICY_PATH, ROOT, frame, policy

sla_dask = pytest.importorskip("sla_dsl.dask")

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)


def write_files(log: Path, out: Path, files: int, *, by_id: bool = True) -> Path:
    """The log as ``files`` Parquet files with each event's ``line``: bucketed by a hash of ``id``, or
    (``by_id=False``) cut into runs of rows, which splits ids between files."""
    table = pa.Table.from_pandas(frame(log), preserve_index=False)
    out.mkdir()
    if by_id:
        bucket = [zlib.crc32(ident.encode()) % files for ident in table.column("id").to_pylist()]
        for k in range(files):
            pq.write_table(table.filter(pa.array([b == k for b in bucket])), out / f"part-{k:03d}.parquet")
    else:
        size = -(-table.num_rows // files)
        for k in range(files):
            pq.write_table(table.slice(k * size, size), out / f"part-{k:03d}.parquet")
    return out


def files_json(events: Any, source: Path, **options: Any) -> bytes:
    out = io.BytesIO()
    sla_dask.judge(POLICY_PATH, events, NOV, DEC, source=str(source), **options).write_json(out)
    return out.getvalue()


def test_the_example_month_from_parquet_files(dask_client: Any, tmp_path: Path) -> None:
    files = write_files(EXAMPLE, tmp_path / "events", 3)
    assert files_json(files, EXAMPLE, partitioned=True) == one_run_json(EXAMPLE, policy(), NOV, DEC)


def test_a_100k_event_log_from_parquet_files(dask_client: Any, big_log: Path, tmp_path: Path) -> None:
    files = write_files(big_log, tmp_path / "events", 7)
    expected = one_run_json(big_log, policy(), NOV, DEC)
    # a tree of three levels (7 partials, 2 at a time), and the files given as a list of paths
    paths = sorted(files.glob("*.parquet"))
    assert files_json(paths, big_log, partitioned=True, split_every=2) == expected
    assert expected.count(b'"status": "breached"') > 100


def test_files_not_partitioned_by_id_are_shuffled(dask_client: Any, big_log: Path, tmp_path: Path) -> None:
    files = write_files(big_log, tmp_path / "events", 4, by_id=False)
    assert files_json(str(files), big_log) == one_run_json(big_log, policy(), NOV, DEC)
    with pytest.raises(PartitionError) as err:
        files_json(str(files), big_log, partitioned=True)  # said to be partitioned, and not: refused, not wrong
    assert "are in two partitions: partition the events by `id`" in str(err.value.in_lang("en"))


def test_an_unreadable_file_is_named_in_the_error(dask_client: Any, tmp_path: Path) -> None:
    files = write_files(EXAMPLE, tmp_path / "events", 2)
    (files / "part-001.parquet").write_bytes(b"not a parquet file")
    with pytest.raises(EventInputError) as err:
        files_json(files, EXAMPLE, partitioned=True)
    said = str(
        err.value.in_lang("en")
    )  # (the API's words are the policy's primary language: its English for the text compared here)
    assert f"{files / 'part-001.parquet'}: error: [E117] cannot read the file as Parquet or Arrow" in said


def test_a_damaged_page_of_a_partitioned_file_is_its_e117_from_the_worker(dask_client: Any, tmp_path: Path) -> None:
    """The worker's E117 held the reader's closure that reads a cell again: the client got ``Can't pickle
    local object '_file_cells.<locals>.written'`` instead of it."""
    files = write_files(EXAMPLE, tmp_path / "events", 2)
    part = files / "part-001.parquet"
    pq.write_table(pq.read_table(part), part, row_group_size=100, compression="none")
    column = pq.read_metadata(part).row_group(2).column(2)
    data = bytearray(part.read_bytes())
    data[column.data_page_offset : column.data_page_offset + 16] = b"\xff" * 16
    part.write_bytes(bytes(data))
    with pytest.raises(EventInputError) as err:
        files_json(files, EXAMPLE, partitioned=True)
    assert str(err.value.in_lang("en")).startswith(
        f"{part}: row 201: error: [E117] cannot read the file as Parquet or Arrow: a data page is damaged"
    )


def test_paths_that_are_not_parquet_are_refused(tmp_path: Path) -> None:
    """In the policy's primary language, as every other refusal of the client (Click So-ko's: Japanese)."""
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"ディレクトリに Parquet ファイル（`\*\.parquet`）がありません"):
        files_json(tmp_path / "empty", EXAMPLE, partitioned=True)
    with pytest.raises(
        InputError, match=r"Parquet ファイル（`\*\.parquet`、`\*\.pq`）でもそのディレクトリでもありません"
    ):
        files_json([EXAMPLE], EXAMPLE, partitioned=True)
    with pytest.raises(InputError, match=r"判定する Parquet ファイルが渡されていません"):
        files_json([], EXAMPLE, partitioned=True)
    # a path to nothing (a directory mistyped) is no such file, as `sla evaluate` says it: it was "not a
    # Parquet file or a directory of them", as if something were there
    for missing in (tmp_path / "evnets", tmp_path / "evnets.parquet"):
        with pytest.raises(InputError, match=rf"^{missing}: イベントを読めません：ファイルがありません$"):
            files_json(missing, EXAMPLE, partitioned=True)
    ipc = tmp_path / "ipc"
    ipc.mkdir()
    table = pq.read_table(next(iter(sorted(write_files(EXAMPLE, tmp_path / "events", 1).glob("*.parquet")))))
    with pa.OSFile(str(ipc / "a.arrow"), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    with pytest.raises(InputError, match=r"a\.arrow：Arrow IPC ファイルです。`Dask` が読むのは Parquet ファイル"):
        files_json(ipc, EXAMPLE, partitioned=True)


def test_paths_that_are_not_parquet_are_refused_in_english_for_an_english_policy(tmp_path: Path) -> None:
    english = tmp_path / "en.sla"
    english.write_text(POLICY_PATH.read_text("utf-8").replace("  languages ja, en ", "  languages en, ja ", 1), "utf-8")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no Parquet files \(`\*\.parquet`\) in the directory"):
        sla_dask.judge(english, tmp_path / "empty", NOV, DEC, partitioned=True)


def test_an_id_of_two_families_in_one_partition_is_not_a_split() -> None:
    """The partial lists each id once, though an incident and an outage may share it."""
    lines = [
        '{"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "X", "priority": "P2"}',
        '{"event": "outage.started", "at": "2026-11-06T10:00:00+09:00", "id": "X"}',
        '{"event": "outage.ended", "at": "2026-11-06T11:00:00+09:00", "id": "X"}',
    ]
    other = ['{"event": "incident.reported", "at": "2026-11-05T11:00:00+09:00", "id": "Y", "priority": "P2"}']
    parts = [judge_table(policy(), frame(x), NOV, DEC) for x in (lines, other)]
    assert len(parts[0].ids) == 1
    assert sorted(merge(parts).ids.to_pylist()) == ["X", "Y"]
    with pytest.raises(PartitionError, match=r"the events of id `X` are in two partitions"):
        merge([parts[0], parts[0], parts[1]])


def test_the_collector_is_paused_and_given_back() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with collector_paused():
        assert not gc.isenabled()
        kept = [[k] for k in range(10_000)]  # built while paused: moved to the oldest generation, not walked
    assert gc.isenabled() and gc.get_freeze_count() == frozen and len(kept) == 10_000
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller that switched it off keeps it off
    finally:
        gc.enable()


def test_what_was_built_while_paused_is_settled_before_the_collector_is_back_on() -> None:
    """The records built are moved to the oldest generation before the collector is on again: turned on
    first, the first object made after (the context manager's own exit makes some) started a young
    collection walking every record built (about 1 CPU s of a 4M-event log's client on Dask)."""
    started: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.collect()
    assert gc.isenabled() and not gc.get_freeze_count()
    with collector_paused():
        kept = [[k] for k in range(50_000)]  # many more than a young generation's threshold
        gc.callbacks.append(seen)
    try:
        more = [[k] for k in range(100)]  # fewer than the threshold: no collection of their own
    finally:
        gc.callbacks.remove(seen)
    assert started == [] and len(kept) + len(more) == 50_100
    assert gc.get_count()[0] < gc.get_threshold()[0]


@pytest.mark.parametrize("kind", ["pandas", "pyarrow"])
def test_a_table_in_memory_is_a_type_error_saying_what_to_use(kind: str) -> None:
    table = pa.table({"event": ["incident.reported"], "at": ["2026-11-02T10:00:00+09:00"], "id": ["I-1"]})
    events = table.to_pandas() if kind == "pandas" else table
    # (in the policy's primary language: Click So-ko's is Japanese)
    with pytest.raises(
        TypeError, match=r"`Dask` の `DataFrame` か Parquet .*（`(DataFrame|Table)` が渡されました.*sla_dsl\.evaluate"
    ):
        sla_dask.evaluate(POLICY_PATH, events, dt.date(2026, 11, 1), dt.date(2026, 12, 1))


def test_a_bad_row_of_a_file_is_named_by_file_and_row(dask_client: Any, tmp_path: Path) -> None:
    """With ``partitioned=True`` each file is one task; its problems name it, as one run over the directory does."""
    files = write_files(EXAMPLE, tmp_path / "events", 3)
    part = files / "part-001.parquet"
    table = pq.read_table(part).drop_columns(["line"])
    at = table.column("at").to_pylist()
    at[3] = "yesterday"
    pq.write_table(table.set_column(table.schema.get_field_index("at"), "at", pa.array(at)), part)
    with pytest.raises(EventInputError) as err:
        files_json(files, EXAMPLE, partitioned=True)
    assert f"{part}: row 4, column `at`: error: [E104]" in str(err.value.in_lang("en"))


def test_relative_paths_are_read_from_the_clients_working_directory(
    dask_client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker runs in its own working directory: given ``events`` (a path relative to the client's), the
    client found the files and every task said ``events/part-000.parquet: cannot read the events: no such
    file``. The workers read the files by the client's absolute path; messages name them as given."""
    files = write_files(EXAMPLE, tmp_path / "events", 3)
    monkeypatch.chdir(tmp_path)  # (the cluster's workers stay where they started)
    expected = one_run_json(EXAMPLE, policy(), NOV, DEC)
    assert files_json(Path("events"), EXAMPLE, partitioned=True) == expected
    assert files_json([f"events/part-00{k}.parquet" for k in range(3)], EXAMPLE) == expected
    part = files / "part-001.parquet"
    table = pq.read_table(part).drop_columns(["line"])
    at = table.column("at").to_pylist()
    at[3] = "yesterday"
    pq.write_table(table.set_column(table.schema.get_field_index("at"), "at", pa.array(at)), part)
    for partitioned in (True, False):
        with pytest.raises(EventInputError) as err:
            sla_dask.judge(POLICY_PATH, "events", NOV, DEC, partitioned=partitioned)
        said = str(err.value.in_lang("en"))
        assert "events/part-001.parquet: row 4, column `at`: error: [E104]" in said.splitlines()[0], said


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_pages_recipe_writes_one_file_per_bucket_of_id(dask_client: Any, tmp_path: Path, lang: str) -> None:
    """The cluster page said files "written with a hash of ``id`` as the partition column" could be given with
    ``partitioned=True``: ``to_parquet(partition_on=...)`` of a frame of several partitions writes a file per
    bucket for each of them, and the ids split between files are refused. The page's recipe (a shuffle on the
    stripped id) writes one file per bucket, judged as one run judges the log."""
    dd = pytest.importorskip("dask.dataframe")
    page = (ROOT / "docs" / "engineers" / f"cluster.{lang}.md").read_text("utf-8")
    recipe = next(b for b in re.findall(r"```python\n(.*?)```", page, re.S) if ".shuffle(on=" in b)
    raw = write_files(EXAMPLE, tmp_path / "raw", 3, by_id=False)
    code = recipe.replace("/data/raw/2026/", str(raw)).replace("/data/events/2026/", str(tmp_path / "events"))
    exec(code, {"dd": dd})  # (the page's lines, as written, on the session's cluster)
    assert len(list((tmp_path / "events").glob("*.parquet"))) == 16
    assert files_json(tmp_path / "events", EXAMPLE, partitioned=True) == one_run_json(EXAMPLE, policy(), NOV, DEC)
    # a partition column instead: a file per bucket for each of the frame's partitions, refused
    hive = dd.read_parquet(raw).assign(bucket=lambda f: f["id"].str.len() % 4)
    hive.to_parquet(tmp_path / "hive", partition_on=["bucket"])
    with pytest.raises(PartitionError):
        files_json(tmp_path / "hive", EXAMPLE, partitioned=True)


def test_files_to_shuffle_are_checked_and_named_before_any_task(dask_client: Any, tmp_path: Path) -> None:
    files = write_files(EXAMPLE, tmp_path / "corrupt", 2)
    (files / "part-001.parquet").write_bytes(b"not a parquet file")
    with pytest.raises(EventInputError) as err:
        files_json(files, EXAMPLE)
    assert f"{files / 'part-001.parquet'}: error: [E117]" in str(err.value)
    files = write_files(EXAMPLE, tmp_path / "lacking", 2)
    pq.write_table(pq.read_table(files / "part-001.parquet").drop_columns(["at"]), files / "part-001.parquet")
    with pytest.raises(EventInputError) as err:
        files_json(files, EXAMPLE)
    assert f"{files / 'part-001.parquet'}: error: [E115] table lacks column `at`" in str(err.value.in_lang("en"))


def test_a_file_of_no_row_is_an_empty_log_whatever_its_columns(dask_client: Any, tmp_path: Path) -> None:
    """As one run reads it: a file of no row adds nothing (a file with rows that lacks a column: E115, above)."""
    files = write_files(EXAMPLE, tmp_path / "events", 2)
    pq.write_table(pa.table({"note": pa.array([], pa.string())}), files / "part-002.parquet")
    assert files_json(files, EXAMPLE) == one_run_json(EXAMPLE, policy(), NOV, DEC)
    (tmp_path / "none").mkdir()
    pq.write_table(pa.table({"note": pa.array([], pa.string())}), tmp_path / "none" / "a.parquet")
    assert sla_dask.evaluate(POLICY_PATH, tmp_path / "none", NOV, DEC).input.events == 0


def test_a_frame_without_id_is_refused_before_the_shuffle(dask_client: Any) -> None:
    import dask.dataframe as dd

    events = dd.from_pandas(frame(EXAMPLE).drop(columns=["id"]), npartitions=2)
    with pytest.raises(EventInputError) as err:
        files_json(events, EXAMPLE)
    assert "error: [E115] table lacks column `id`" in str(err.value.in_lang("en"))


def test_a_frame_of_no_row_is_an_empty_log_whatever_its_columns(dask_client: Any) -> None:
    """As one run reads a table of no row (a pandas frame without ``id``): it was E115."""
    import dask.dataframe as dd

    import sla_dsl

    events = frame(EXAMPLE).drop(columns=["id", "line"]).iloc[:0]
    one = sla_dsl.evaluate(policy(), events, NOV, DEC)
    got = sla_dask.evaluate(POLICY_PATH, dd.from_pandas(events, npartitions=2), NOV, DEC)
    assert got.model_dump_json() == one.model_dump_json()


def test_a_directory_is_listed_as_one_run_lists_it(dask_client: Any, tmp_path: Path) -> None:
    """Spark's and Hive's leftovers (``_temporary/``, ``_SUCCESS``) are passed over, as one run passes them over."""
    files = write_files(EXAMPLE, tmp_path / "events", 3)
    (files / "_temporary" / "0").mkdir(parents=True)
    (files / "_temporary" / "0" / "part-001.parquet").write_bytes((files / "part-001.parquet").read_bytes())
    (files / "_SUCCESS").write_bytes(b"")
    expected = one_run_json(EXAMPLE, policy(), NOV, DEC)
    assert files_json(files, EXAMPLE) == expected
    assert files_json(files, EXAMPLE, partitioned=True) == expected
    (files / "notes.txt").write_text("left here")
    with pytest.raises(EventInputError) as err:
        files_json(files, EXAMPLE)
    assert "notes.txt in the directory of events is neither Parquet nor Arrow" in str(err.value.in_lang("en"))


def _times(column: pa.ChunkedArray, unit: str, zone: str) -> pa.Array:
    return pa.array([dt.datetime.fromisoformat(v) for v in column.to_pylist()], pa.timestamp(unit, zone))


def test_files_of_other_columns_and_types_are_read_as_one_table(dask_client: Any, tmp_path: Path) -> None:
    """``dd.read_parquet`` takes every file to have the first one's columns: a column that only a later
    file had (``kind``, say) was read as missing, and its events refused. As one run reads them: a column a
    file lacks is nulls, text of any Arrow type is text, zoned timestamps of any unit and zone are instants."""
    files = write_files(EXAMPLE, tmp_path / "events", 3, by_id=False)
    paths = sorted(files.glob("*.parquet"))
    first = pq.read_table(paths[0])
    empty = [c for c in first.column_names if first[c].null_count == first.num_rows]
    assert "kind" in empty  # the backups' column: in a later file only
    first = first.drop_columns(empty)
    pq.write_table(
        first.set_column(first.schema.get_field_index("at"), "at", _times(first["at"], "us", "UTC")), paths[0]
    )
    second = pq.read_table(paths[1])
    second = second.set_column(
        second.schema.get_field_index("priority"), "priority", second["priority"].dictionary_encode()
    )
    second = second.set_column(second.schema.get_field_index("at"), "at", _times(second["at"], "us", "Asia/Tokyo"))
    pq.write_table(second, paths[1])
    third = pq.read_table(paths[2])
    third = third.set_column(third.schema.get_field_index("at"), "at", _times(third["at"], "ns", "UTC"))
    third = third.set_column(third.schema.get_field_index("id"), "id", third["id"].cast(pa.large_string()))
    pq.write_table(third, paths[2])
    expected = one_run_json(EXAMPLE, policy(), NOV, DEC)
    assert files_json(files, EXAMPLE) == expected


def test_a_bad_row_of_shuffled_files_is_named_by_file_and_row(dask_client: Any, tmp_path: Path) -> None:
    """Files without a ``line`` column, shuffled on ``id``: a problem names the file and its row there, as
    one run over the directory does (it named the source alone, with no row)."""
    files = write_files(EXAMPLE, tmp_path / "events", 3, by_id=False)
    for path in files.glob("*.parquet"):
        pq.write_table(pq.read_table(path).drop_columns(["line"]), path)
    part = files / "part-002.parquet"
    table = pq.read_table(part)
    at = table.column("at").to_pylist()
    at[3] = "yesterday"
    pq.write_table(table.set_column(table.schema.get_field_index("at"), "at", pa.array(at)), part)
    with pytest.raises(EventInputError) as err:
        files_json(files, EXAMPLE)
    assert f"{part}: row 4, column `at`: error: [E104]" in str(err.value.in_lang("en"))
    one_run = subprocess_sla(files)
    assert f"{part}: row 4, column `at`: error: [E104]" in one_run


def subprocess_sla(events: Path) -> str:
    import subprocess
    import sys

    argv = [sys.executable, "-m", "sla_dsl._entry", "evaluate", str(POLICY_PATH), str(events), "--lang", "en"]
    done = subprocess.run([*argv, "--from", "2026-11-01", "--to", "2026-12-01"], capture_output=True, text=True)
    assert done.returncode == 1
    return done.stderr


def test_a_column_of_two_kinds_across_files_is_one_field_per_kind(tmp_path: Path) -> None:
    """Timestamps in one file and text in another were refused (E116), though one run reads them: the
    common schema holds each kind in a field of its own, and each file's columns are placed by kind."""
    from sla_dsl.events.arrow_files import check_tables, column_of, common_schema, conform, placement

    text = pa.table({"event": ["incident.reported"], "at": ["2026-11-02T10:00:00+09:00"], "id": ["I-1"]})
    times = text.set_column(1, "at", _times(text["at"], "ns", "Asia/Tokyo")).append_column("kind", pa.array(["x"]))
    pq.write_table(times, tmp_path / "a.parquet")
    pq.write_table(text, tmp_path / "b.parquet")
    footers = check_tables([tmp_path / "a.parquet", tmp_path / "b.parquet"])
    schema = common_schema(footers)
    assert [(f.name, str(f.type), column_of(f)) for f in schema] == [
        ("event", "string", "event"),
        ("at", "timestamp[ns, tz=Asia/Tokyo]", "at"),
        ("at\x00text", "string", "at"),
        ("id", "string", "id"),
        ("kind", "string", "kind"),
    ]
    assert placement(text.schema, schema) == (("event", "event"), ("at\x00text", "at"), ("id", "id"))
    conformed = conform(text, schema)
    assert conformed["at"].null_count == 1 and conformed["at\x00text"].to_pylist() == ["2026-11-02T10:00:00+09:00"]
    assert conformed["kind"].null_count == 1


def test_the_common_schema_places_a_map_column_after_a_pickle_round_trip(tmp_path: Path) -> None:
    """A Dask task gets the common schema pickled, and a pickled map type has lost the name of its entries
    field (``map<string, string ('attributes')>`` from Parquet is ``map<string, string>`` again): its
    column, keyed by that text, had no field in the common schema, and every file with an
    ``attributes`` map failed in its task (``ValueError: column `attributes` ... has no field``)."""
    import pickle

    from sla_dsl.events.arrow_files import check_tables, common_schema, conform, placement
    from sla_dsl.events.table_schema import events_table

    rows = [
        {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I-1", "priority": "P1"},
        {"event": "incident.reported", "at": "2026-11-03T10:00:00+09:00", "id": "I-2", "priority": "P2"},
    ]
    rows[1]["attributes"] = {"plan": "premium"}
    pq.write_table(events_table(rows), tmp_path / "a.parquet")
    schema = common_schema(check_tables([tmp_path / "a.parquet"]))
    sent = pickle.loads(pickle.dumps(schema))
    table = pq.read_table(tmp_path / "a.parquet")
    assert str(table.schema.field("attributes").type) != str(sent.field("attributes").type)  # (what broke it)
    assert placement(table.schema, sent) == placement(table.schema, schema)
    conformed = conform(table, sent)
    assert conformed.schema == sent and conformed["attributes"].to_pylist()[1] == [("plan", "premium")]
    assert str(conformed["attributes"].type) == str(sent.field("attributes").type)


def test_equal_types_named_apart_are_one_kind_of_the_common_schema() -> None:
    """A list's item is ``element`` from Parquet and ``item`` from pyarrow; a map's entries may be named
    after its column: one type all the same, one field of the common schema (not one per spelling)."""
    from sla_dsl.events.arrow_files import TableFooter, common_schema, placement

    element = pa.list_(pa.field("element", pa.string()))
    entries = pa.map_(pa.string(), pa.string())
    named = pq.read_schema(_map_file()).field("attributes").type
    assert named == entries and str(named) != str(entries)
    footers = [
        TableFooter(Path(name), pa.schema([("id", pa.string()), ("tags", tags), ("attributes", attrs)]), 1)
        for name, tags, attrs in (("b", element, named), ("c", pa.list_(pa.string()), entries))
    ]
    schema = common_schema(footers)
    assert schema.names == ["id", "tags", "attributes"]
    assert placement(footers[1].schema, schema) == (("id", "id"), ("tags", "tags"), ("attributes", "attributes"))


def _map_file() -> Any:
    """A Parquet file (in memory) of an ``attributes`` map column, as the engine writes its events."""
    from sla_dsl.events.table_schema import events_table

    out = pa.BufferOutputStream()
    row = {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I", "attributes": {"a": "b"}}
    pq.write_table(events_table([row]), out)
    return pa.BufferReader(out.getvalue())


def test_shuffled_files_with_an_attributes_map_on_worker_processes(dask_client: Any, tmp_path: Path) -> None:
    """The engine's own event schema (an ``attributes`` map) written as Parquet files not bucketed by id:
    judged on worker processes as one run judges the directory (it failed there, not with threads)."""
    import sla_dsl
    from sla_dsl.events.table_schema import events_table

    plans = Path(POLICY_PATH).parent / "examples"
    lines = (plans / "plans.jsonl").read_text("utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]
    table = events_table(rows, "Asia/Tokyo")
    files = tmp_path / "events"
    files.mkdir()
    half = table.num_rows // 2
    pq.write_table(table.slice(0, half), files / "part-0.parquet")
    pq.write_table(table.slice(half), files / "part-1.parquet")
    expected = sla_dsl.evaluate(sla_dsl.load_policy(plans / "plans.sla"), str(files), NOV, DEC).model_dump_json()
    got = sla_dask.evaluate(plans / "plans.sla", str(files), NOV, DEC, source=str(files)).model_dump_json()
    assert got == expected and "plan = premium" in expected


def _two_files(directory: Path) -> Path:
    """Two files of whole ids: one with a contradiction (I-1 reported twice at one instant), one with a
    priority the policy lacks on its second row."""
    directory.mkdir()
    at = ["2026-11-02T10:00:00+09:00", "2026-11-02T10:00:00+09:00", "2026-11-03T10:00:00+09:00"]
    pq.write_table(
        pa.table(
            {"event": ["incident.reported"] * 3, "at": at, "id": ["I-1", "I-1", "I-2"], "priority": ["P1", "P2", "P1"]}
        ),
        directory / "part-0.parquet",
    )
    pq.write_table(
        pa.table({"event": ["incident.reported"] * 2, "at": at[:2], "id": ["I-3", "I-4"], "priority": ["P1", "P9"]}),
        directory / "part-1.parquet",
    )
    return directory


def test_partitioned_files_name_rows_and_contradictions_as_one_run(dask_client: Any, tmp_path: Path) -> None:
    import sla_dsl

    files = _two_files(tmp_path / "events")
    policy = sla_dsl.load_policy(POLICY_PATH)
    with pytest.raises(EventInputError) as one:
        sla_dsl.evaluate(policy, str(files), NOV, DEC)
    with pytest.raises(EventInputError) as many:
        sla_dask.judge(POLICY_PATH, str(files), NOV, DEC, partitioned=True, source=str(files))
    assert str(many.value) == str(one.value)
    said = str(
        one.value.in_lang("en")
    )  # (the API's words are the policy's primary language: its English for the text compared here)
    assert said.startswith(f"{files / 'part-1.parquet'}: row 2, column `priority`: error: [E120]")
    pq.write_table(pq.read_table(files / "part-1.parquet").slice(0, 1), files / "part-1.parquet")
    expected = sla_dsl.evaluate(policy, str(files), NOV, DEC).model_dump_json()
    got = sla_dask.evaluate(POLICY_PATH, str(files), NOV, DEC, partitioned=True, source=str(files))
    assert got.model_dump_json() == expected
    assert f"{files / 'part-0.parquet'}: row 2: incident.reported of `I-1` on row 2 contradicts row 1" in expected


def test_partitioned_files_with_a_line_column_name_the_original_lines(dask_client: Any, tmp_path: Path) -> None:
    files = tmp_path / "events"
    files.mkdir()
    rows = {"event": ["incident.reported"] * 2, "at": ["2026-11-02T10:00:00+09:00"] * 2}
    pq.write_table(
        pa.table({**rows, "id": ["I-1", "I-2"], "priority": ["P1", "P1"], "line": [10, 11]}), files / "a.parquet"
    )
    pq.write_table(
        pa.table({**rows, "id": ["I-3", "I-4"], "priority": ["P1", "P9"], "line": [500, 501]}), files / "b.parquet"
    )
    with pytest.raises(EventInputError) as err:
        sla_dask.judge(POLICY_PATH, str(files), NOV, DEC, partitioned=True, source="log.jsonl")
    assert str(err.value).startswith("log.jsonl:501: error: [E120]")


def test_a_policy_compiled_from_text_is_refused_in_its_language(tmp_path: Path) -> None:
    from sla_dsl import compile_policy, load_policy

    text = POLICY_PATH.read_text("utf-8")
    with pytest.raises(InputError, match=r"テキストからコンパイルしたポリシーには、ワーカーに送るファイルがありません"):
        sla_dask.judge(load_policy(text), tmp_path, NOV, DEC, partitioned=True)
    english = load_policy(text.replace("  languages ja, en ", "  languages en, ja ", 1))
    with pytest.raises(InputError, match=r"a policy compiled from text has no file to send to workers"):
        sla_dask.judge(english, tmp_path, NOV, DEC, partitioned=True)
    # (what compile_policy gives is no policy to send: a TypeError, as sla_dsl.evaluate says it)
    with pytest.raises(TypeError, match=r"policy: expected a Policy or a sequence of its versions, found Compiled"):
        sla_dask.judge(compile_policy(text), tmp_path, NOV, DEC, partitioned=True)  # type: ignore[arg-type]


def test_a_damaged_page_of_a_relative_path_is_named_as_given_as_one_run_names_it(
    dask_client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: the worker reads a file by the client's absolute path, and its E117 named that path
    (``/tmp/.../events/part-001.parquet: row 201: error: [E117] ...``) where one run over ``events`` names
    ``events/part-001.parquet``: the file is named as the caller gave it, partitioned or shuffled."""
    files = write_files(EXAMPLE, tmp_path / "events", 2)
    part = files / "part-001.parquet"
    pq.write_table(pq.read_table(part), part, row_group_size=100, compression="none")
    column = pq.read_metadata(part).row_group(2).column(2)
    data = bytearray(part.read_bytes())
    data[column.data_page_offset : column.data_page_offset + 16] = b"\xff" * 16
    part.write_bytes(bytes(data))
    monkeypatch.chdir(tmp_path)  # (the cluster's workers stay where they started)
    with pytest.raises(EventInputError) as one:
        sla_dsl.evaluate(policy(), "events", NOV, DEC)
    first = str(one.value.in_lang("en")).splitlines()[0]
    assert first.startswith("events/part-001.parquet: row 201: error: [E117] cannot read the file"), first
    for events in ("events", ["events/part-000.parquet", "events/part-001.parquet"]):
        for partitioned in (True, False):
            with pytest.raises(EventInputError) as err:
                sla_dask.judge(POLICY_PATH, events, NOV, DEC, partitioned=partitioned)
            assert str(err.value.in_lang("en")).splitlines()[0] == first, (events, partitioned)

"""sla_dsl.dask on a real LocalCluster of two worker processes: the report of one process, byte for byte."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLE, one_run_json
from .logs import POLICY_PATH, frame, policy, respaced

dd = pytest.importorskip("dask.dataframe")
sla_dask = pytest.importorskip("sla_dsl.dask")

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)


def dask_json(path: Path, npartitions: int) -> bytes:
    events = dd.from_pandas(frame(path), npartitions=npartitions)
    out = io.BytesIO()
    sla_dask.judge(POLICY_PATH, events, NOV, DEC, source=str(path), split_every=2).write_json(out)
    return out.getvalue()


def test_the_example_month_on_two_workers(dask_client: Any) -> None:
    assert len(dask_client.scheduler_info()["workers"]) == 2
    assert dask_json(EXAMPLE, 5) == one_run_json(EXAMPLE, policy(), NOV, DEC)


def test_a_100k_event_log_on_two_workers(dask_client: Any, big_log: Path) -> None:
    expected = one_run_json(big_log, policy(), NOV, DEC)
    assert dask_json(big_log, 8) == expected
    assert expected.count(b'"status": "breached"') > 100  # a log with verdicts of every kind, not an empty one


def test_the_trend_on_two_workers(dask_client: Any, two_months: Path) -> None:
    """A log that reaches back to October: the month-by-month trend of one process (issue 16), October's
    incidents judged in the partitions, its outages, stops and backups where they meet."""
    expected = one_run_json(two_months, policy(), NOV, DEC)
    assert dask_json(two_months, 4) == expected
    assert b'"month": "2026-10-01"' in expected and b'"month": "2026-11-01"' in expected


def test_report_tables_from_dask(dask_client: Any) -> None:
    from sla_dsl.report.tables import report_tables

    events = dd.from_pandas(frame(EXAMPLE), npartitions=3)
    tables = sla_dask.evaluate_tables(POLICY_PATH, events, NOV, DEC, source=str(EXAMPLE))
    expected = report_tables(sla_dask.evaluate(POLICY_PATH, events, NOV, DEC, source=str(EXAMPLE)))
    assert tables.keys() == expected.keys() and all(tables[k].equals(expected[k]) for k in tables)
    assert tables["incidents"].num_rows > 0


def _bad_rows() -> Any:
    """The example month without ``line``, two incidents reported with a priority the policy lacks and one
    event without an id."""
    events = frame(EXAMPLE).drop(columns=["line"])
    reported = events.index[events["event"] == "incident.reported"]
    events.loc[reported[2], "priority"] = "P9"
    events.loc[reported[40], "priority"] = "P9"
    events.loc[events.index[7], "id"] = None
    return events


def test_bad_rows_of_a_frame_without_line_are_named_by_their_row(dask_client: Any) -> None:
    from sla_dsl.evaluation import judge_log
    from sla_dsl.events.arrow import read_table
    from sla_dsl.events.problems import EventInputError

    events = _bad_rows()
    with pytest.raises(EventInputError) as one:  # one process, the same pandas frame, every problem: "row N"
        judge_log(policy(), read_table(events, "<table>", defer=True), NOV, DEC)
    with pytest.raises(EventInputError) as many:
        sla_dask.judge(POLICY_PATH, dd.from_pandas(events, npartitions=4), NOV, DEC)
    found = [(p.line, p.code) for p in many.value.problems]
    assert found == [(p.line, p.code) for p in one.value.problems]
    p9 = [int(k) + 1 for k in events.index[events["priority"] == "P9"]]
    assert found == sorted([(8, "E102"), *((n, "E120") for n in p9)])
    assert (
        str(many.value.in_lang("en")).splitlines()[0].startswith("<table>: row 8")
    )  # (the API's words are the policy's primary language: its English for the text compared here)


def _contradiction() -> Any:
    """The example month without ``line``, and an incident reported twice at one instant with two priorities."""
    import pandas as pd

    events = frame(EXAMPLE).drop(columns=["line"])
    twice = [
        {"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "TWICE", "priority": p}
        for p in ("P1", "P2")
    ]
    return pd.concat([events, pd.DataFrame(twice)], ignore_index=True)


def test_a_frame_without_line_gives_the_report_of_one_run_over_it(dask_client: Any) -> None:
    from sla_dsl.evaluation import judge_log
    from sla_dsl.events.arrow import read_table

    events = _contradiction()
    one = judge_log(policy(), read_table(events, "<table>", defer=True), NOV, DEC).report()
    many = sla_dask.evaluate(POLICY_PATH, dd.from_pandas(events, npartitions=4), NOV, DEC)
    assert many.model_dump_json() == one.model_dump_json()
    said = [v.message for v in many.violations if v.kind == "data" and v.id == "TWICE"]
    n = len(events)
    assert said == [
        f"<table>: row {n}: incident.reported of `TWICE` on row {n} contradicts row {n - 1} at the same "
        f"instant (priority `P2` vs `P1`); same-instant events are read in content order, not line order: "
        f"row {n - 1} first"
    ]


def test_a_pandas_map_column_is_read_as_one_process_reads_it(dask_client: Any, tmp_path: Path) -> None:
    """``dd.read_parquet`` without ``dtype_backend`` gives a map's cells as pandas holds them (lists of
    key and value pairs): read as ``sla_dsl.evaluate`` reads ``pd.read_parquet`` of the same file."""
    import pandas as pd
    import pyarrow.parquet as pq

    import sla_dsl
    from sla_dsl.events.table_schema import events_table

    plans = Path(POLICY_PATH).parent / "examples"
    lines = (plans / "plans.jsonl").read_text("utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]
    pq.write_table(events_table(rows, "Asia/Tokyo"), tmp_path / "events.parquet")
    policy = sla_dsl.load_policy(plans / "plans.sla")
    expected = sla_dsl.evaluate(policy, pd.read_parquet(tmp_path / "events.parquet"), NOV, DEC).model_dump_json()
    events = dd.read_parquet(tmp_path / "events.parquet")
    got = sla_dask.evaluate(plans / "plans.sla", events, NOV, DEC, source="<table>").model_dump_json()
    assert got == expected and "plan = premium" in expected


def test_a_column_of_the_wrong_type_is_named_with_its_column(dask_client: Any) -> None:
    from sla_dsl.events.problems import EventInputError

    events = frame(EXAMPLE).drop(columns=["line"])
    events["priority"] = events["priority"].map(lambda v: None if v is None else int(v[1:]))
    with pytest.raises(EventInputError) as info:
        sla_dask.judge(POLICY_PATH, dd.from_pandas(events, npartitions=3), NOV, DEC)
    assert str(info.value.in_lang("en")).startswith("<table>: column `priority`: error: [E116]")
    assert len(info.value.problems) == 1  # once, not once per partition


def test_a_directory_of_policy_versions_is_read_as_the_command_reads_it(dask_client: Any, tmp_path: Path) -> None:
    (tmp_path / "clicksoko.sla").write_bytes(Path(POLICY_PATH).read_bytes())
    events = dd.from_pandas(frame(EXAMPLE), npartitions=3)
    got = sla_dask.evaluate(tmp_path, events, NOV, DEC, source=str(EXAMPLE)).model_dump_json()
    assert got == sla_dask.evaluate(POLICY_PATH, events, NOV, DEC, source=str(EXAMPLE)).model_dump_json()


def test_ids_spaced_apart_meet_in_one_partition(dask_client: Any, tmp_path: Path) -> None:
    """The reader strips an id (`` INC-2 `` is ``INC-2``); the shuffle hashed the raw cell and put the two
    in different partitions, and the merge refused the log ('events of id ... are in two partitions')."""
    log = respaced(EXAMPLE, tmp_path / "spaced.jsonl")
    expected = one_run_json(log, policy(), NOV, DEC)
    assert dask_json(log, 4) == expected
    assert expected.count(b'"status": "met"') > 10


@pytest.mark.parametrize("kind", ["object", "string", "arrow", "category"])
def test_the_shuffle_key_of_an_id_is_the_id_as_the_reader_strips_it(kind: str) -> None:
    """Each kind of text column a partition may hold: the keys of ids spaced apart hash alike."""
    import pandas as pd
    import pyarrow as pa
    from dask.dataframe.shuffle import partitioning_index

    from sla_dsl.scale import BLANKS

    ids = pd.Series(["INC-1", " INC-1", "INC-1\u3000", "\tINC-2 ", "INC-2", None], dtype=object)
    typed = {
        "object": ids,
        "string": ids.astype("string"),
        "arrow": ids.astype(pd.ArrowDtype(pa.string())),
        "category": ids.astype("category"),
    }[kind]
    keys = sla_dask._id_keys(typed)
    assert [None if pd.isna(k) else k for k in keys.tolist()] == ["INC-1"] * 3 + ["INC-2"] * 2 + [None]
    spread = partitioning_index(keys, 64).tolist()
    assert len(set(spread[:3])) == 1 and len(set(spread[3:5])) == 1
    assert spread[:5] == partitioning_index(sla_dask._id_keys(ids), 64).tolist()[:5]  # (alike in every kind)
    assert set(BLANKS) == {chr(c) for c in range(0x110000) if chr(c).isspace()}


def test_an_as_of_before_the_period_is_refused_before_any_work(dask_client: Any) -> None:
    """As `sla_dsl.evaluate` refuses it, in the command's words (the parameters named, in the policy's
    primary language): a report as of before `from` judges nothing, and said 100% availability."""
    from sla_dsl.errors import InputError

    events = dd.from_pandas(frame(EXAMPLE), npartitions=2)
    with pytest.raises(InputError, match=r"^`as_of` の .* が `start` の .* より前です"):
        sla_dask.evaluate(POLICY_PATH, events, NOV, DEC, dt.date(2026, 10, 1))

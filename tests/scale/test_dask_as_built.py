"""sla_dsl.dask reads a frame's cells as they were built, whatever Dask's ``dataframe.convert-string``, and names a
frame as ``sla_dsl.evaluate`` does: the same pandas frame, the same report (synchronous scheduler, no cluster)."""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError

from .logs import POLICY_PATH

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
sla_dask = pytest.importorskip("sla_dsl.dask")
pd = pytest.importorskip("pandas")

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)
PLANS = Path(POLICY_PATH).parent / "examples"
#: An incident whose id is a number: one run over the pandas frame refuses it (E106), as the text "17" it is an id.
NUMBERED = {"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": 17, "priority": "P1"}


@pytest.fixture(autouse=True)
def converting() -> Iterator[None]:
    """Dask's default, said outright: every frame here is built (and judged) with the string conversion on."""
    with dask.config.set({"scheduler": "synchronous", "dataframe.convert-string": True}):
        yield


def _rows(extra: Sequence[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    lines = (PLANS / "plans.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")] + list(extra)


def _objects(rows: list[dict[str, Any]]) -> Any:
    """The rows as a pandas frame of Python objects (the dicts of ``attributes`` as dicts)."""
    frame = pd.DataFrame(rows).astype(object)
    return frame.where(frame.notna(), None)


def _one_run(frame: Any, skip_invalid: bool) -> str:
    policy = sla_dsl.load_policy(PLANS / "plans.sla")
    try:
        return sla_dsl.evaluate(policy, frame, NOV, DEC, skip_invalid=skip_invalid).model_dump_json()
    except EventInputError as exc:
        return str(exc)


def _on_dask(events: Any, skip_invalid: bool) -> str:
    try:
        report = sla_dask.evaluate(PLANS / "plans.sla", events, NOV, DEC, skip_invalid=skip_invalid)
        return str(report.model_dump_json())
    except EventInputError as exc:
        return str(exc)


@pytest.mark.parametrize("skip_invalid", [False, True])
def test_a_frame_from_pandas_is_judged_as_the_pandas_frame(skip_invalid: bool) -> None:
    """``dd.from_pandas`` under the conversion gave the partitions the text ``"{'plan': 'premium'}"`` (E109 on every
    row with attributes) and ``"17"`` (an id, where one run refuses the number): its own frame, unconverted."""
    frame = _objects(_rows([NUMBERED]))
    events = dd.from_pandas(frame, npartitions=2)
    assert str(events["attributes"].dtype) != "object"  # (Dask's conversion is on: the case at hand)
    expected = _one_run(frame, skip_invalid)
    assert _on_dask(events, skip_invalid) == expected
    if skip_invalid:
        assert "plan = premium" in expected and '"INC-PREMIUM"' in expected
    else:
        assert expected.startswith("<table>: row 14, column `id`: error: [E106]") and expected.count("error:") == 1


def test_the_conversion_is_undone_under_the_callers_own_steps() -> None:
    frame = _objects(_rows([NUMBERED]))
    events = dd.from_pandas(frame, npartitions=3)
    events = events[events["event"] != "incident.closed"][[*frame.columns]]
    assert _on_dask(events, True) == _one_run(frame, True)


def test_a_frame_from_delayed_pandas_frames_is_judged_as_they_are() -> None:
    frame = _objects(_rows())
    parts = [frame.iloc[:7], frame.iloc[7:]]
    events = dd.from_delayed([dask.delayed(p) for p in parts], meta=frame.iloc[:0])
    expected = _one_run(frame, False)
    assert _on_dask(events, False) == expected and "plan = premium" in expected


def test_read_json_keeps_the_dicts_it_read(tmp_path: Path) -> None:
    """``dd.read_json`` makes the text ``"{'plan': 'premium'}"`` of the dicts pandas read, unless undone."""
    log = tmp_path / "plans.jsonl"
    log.write_text("".join(json.dumps(r) + "\n" for r in _rows()), "utf-8")
    expected = _one_run(pd.read_json(log, lines=True), False)
    assert _on_dask(dd.read_json(log, lines=True), False) == expected and "plan = premium" in expected


def test_a_frame_built_without_the_conversion_is_left_as_it_is() -> None:
    with dask.config.set({"dataframe.convert-string": False}):
        events = dd.from_pandas(_objects(_rows()), npartitions=2)
    assert sla_dask._as_built(events) is events


def test_a_frame_without_line_is_named_as_sla_dsl_evaluate_names_it() -> None:
    """The default name of the frame in messages was ``<events>``, where ``sla_dsl.evaluate`` says ``<table>``."""
    frame = _objects(
        [
            {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"},
            {"event": "incident.responded", "at": "2026-11-02T11:00:00+09:00", "id": "B"},
        ]
    )
    one = sla_dsl.evaluate(sla_dsl.load_policy(POLICY_PATH), frame, NOV, DEC)
    many = sla_dask.evaluate(POLICY_PATH, dd.from_pandas(frame, npartitions=1), NOV, DEC)
    assert many.model_dump_json() == one.model_dump_json()
    said = [v.message for v in many.violations if "unknown incident" in v.message]
    assert said == ["<table>: row 2: event for unknown incident `B` (no incident.reported)"]


def test_spark_names_a_frame_as_sla_dsl_evaluate_names_it() -> None:
    """(The default itself: a Spark session takes a JVM, and the message is the one above.)"""
    sla_spark = pytest.importorskip("sla_dsl.spark")
    from sla_dsl.events.arrow import read_table

    default = inspect.signature(read_table).parameters["source"].default
    assert default == "<table>"
    assert inspect.signature(sla_spark.judge).parameters["source"].default == default
    assert inspect.signature(sla_dask.judge).parameters["source"].default == default

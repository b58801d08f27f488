"""Workers and executors that run other sla-dsl code than the client refuse their tasks.

A Dask worker started without the right ``PYTHONPATH`` loaded another checkout's ``sla_dsl`` and failed
with a raw ``TypeError`` of ``judge_file``'s arguments; a worker of other code whose partial results had
the same fields would have been merged into a report presented as complete. Every task now carries the
digest of the client's code (the bytes of its modules, never their paths or times), checked on the
worker before anything else, and refused in the policy's language naming the worker's ``sla_dsl``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
import sla_dsl.scale
from sla_dsl.lang.plain import grammar_text
from sla_dsl.scale import OtherCodeError, code_digest, policy_texts, task

from .conftest import EXAMPLE
from .logs import POLICY_PATH, frame

NOV, DEC = dt.date(2026, 11, 1), dt.date(2026, 12, 1)
PACKAGE = Path(sla_dsl.__file__).resolve().parent
JA = "ワーカー（エグゼキューター）"
EN = "the worker (executor) "
ROWS = {
    "event": ["incident.reported", "incident.responded"],
    "at": ["2026-11-02T10:00:00+09:00", "2026-11-02T11:00:00+09:00"],
    "id": ["INC-1", "INC-1"],
    "priority": ["P1", None],
}


def _english(text: str) -> str:
    assert "  languages ja, en " in text
    return text.replace("  languages ja, en ", "  languages en, ja ")


def _copy(to: Path) -> Path:
    return Path(shutil.copytree(PACKAGE, to, ignore=shutil.ignore_patterns("__pycache__", "grammars")))


def test_two_copies_of_the_package_at_other_paths_and_times_are_one_code(tmp_path: Path) -> None:
    one, two = _copy(tmp_path / "a" / "sla_dsl"), _copy(tmp_path / "node2" / "lib" / "sla_dsl")
    os.utime(two / "scale.py", ns=(10**18, 10**18))  # (installed at another time)
    (two / "grammars").mkdir()  # (a wheel's, where a checkout reads the repository's: the grammar's text counts)
    (two / "grammars" / "__init__.py").write_text("")
    grammar = grammar_text()
    assert code_digest(one, grammar) == code_digest(two, grammar) == code_digest()
    module = two / "evaluation" / "partition.py"
    module.write_bytes(module.read_bytes().replace(b"def ", b"def  ", 1))  # one module of other bytes
    assert code_digest(one, grammar) != code_digest(two, grammar)
    assert code_digest(one, grammar + "\n") != code_digest(one, grammar)  # another grammar


def test_another_release_of_holidays_is_other_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The national holidays the business calendars count come from ``holidays``: a worker with another release
    of it may move a due time, so its digest is not the client's."""
    import holidays

    one = _copy(tmp_path / "a" / "sla_dsl")
    grammar = grammar_text()
    before = code_digest(one, grammar)
    monkeypatch.setattr(holidays, "__version__", "9999.1", raising=False)
    assert code_digest(one, grammar) != before


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_task_of_other_code_is_refused_before_its_arguments_are_read(lang: str) -> None:
    text = POLICY_PATH.read_text("utf-8")
    texts = policy_texts(text if lang == "ja" else _english(text))
    payload = {**task(texts, "never", "read"), "code": "0" * 64, "arguments": b"not a pickle"}
    with pytest.raises(OtherCodeError) as err:
        sla_dsl.scale.arguments(payload)
    said = str(err.value)
    assert said.startswith(JA if lang == "ja" else EN)
    assert str(PACKAGE) in said
    assert ("同じリリース" if lang == "ja" else "run the client's release") in said
    assert err.value.lang == lang


def test_a_spark_task_of_other_code_is_refused() -> None:
    sla_spark = pytest.importorskip("sla_dsl.spark")
    payload = {**task(policy_texts(POLICY_PATH)), "code": "other"}
    with pytest.raises(OtherCodeError):
        next(sla_spark._judge_batches(iter([]), payload))
    with pytest.raises(OtherCodeError):
        sla_spark._merge_blobs(b"", b"", payload)


def _other_code(other: bool) -> None:
    """On a worker: its code said to be another than the client's (or its own again)."""
    import sla_dsl.scale as scale

    if other:
        scale.__dict__.setdefault("_own_digest_kept", scale._own_digest)
        scale._own_digest = lambda: "0" * 64  # type: ignore[assignment]
    else:
        scale._own_digest = scale.__dict__.pop("_own_digest_kept", scale._own_digest)


@pytest.fixture
def workers_of_other_code(dask_client: Any) -> Iterator[Any]:
    dask_client.run(_other_code, True)
    try:
        yield dask_client
    finally:
        dask_client.run(_other_code, False)


def test_dask_workers_of_other_code_give_no_report(workers_of_other_code: Any, tmp_path: Path) -> None:
    dd = pytest.importorskip("dask.dataframe")
    sla_dask = pytest.importorskip("sla_dsl.dask")
    events = dd.from_pandas(frame(EXAMPLE), npartitions=2)
    with pytest.raises(OtherCodeError) as err:
        sla_dask.judge(POLICY_PATH, events, NOV, DEC)
    assert str(err.value).startswith(JA)
    files = tmp_path / "parts"
    files.mkdir()
    pq.write_table(pa.table(ROWS), files / "part-0.parquet")
    for partitioned in (True, False):  # (each file judged in its task; read into a frame, shuffled)
        with pytest.raises(OtherCodeError) as err:
            sla_dask.judge(_english(POLICY_PATH.read_text("utf-8")), str(files), NOV, DEC, partitioned=partitioned)
        assert str(err.value).startswith(EN)


def test_spark_executors_of_other_code_give_no_report(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    sla_spark = pytest.importorskip("sla_dsl.spark")

    def sent_by_other_code(*args: Any) -> dict[str, Any]:
        return {**task(*args), "code": "0" * 64}  # (the driver's code, to the executors, another than theirs)

    monkeypatch.setattr(sla_spark, "task", sent_by_other_code)
    events = spark.createDataFrame(pa.table(ROWS).to_pandas())
    with pytest.raises(OtherCodeError) as err:
        sla_spark.judge(POLICY_PATH, events, NOV, DEC)
    assert str(err.value).startswith(JA)
    assert "Traceback" not in str(err.value)


def _older_release(older: bool) -> None:
    """On a worker: its ``sla_dsl.dask`` as a release before the check of the client's code had it (the functions
    of the tasks' names taking the arguments themselves, no payload), or its own again."""
    import sla_dsl.dask as module

    if not older:
        module.__dict__.update(module.__dict__.pop("_own_kept", {}))
        return

    def _judge_frame(frame: Any, texts: Any, start: Any, end: Any, as_of: Any, source: Any, skip: Any) -> Any:
        raise AssertionError("never called with this release's arguments")

    def _blob(part: Any) -> bytes:
        raise AssertionError("never called with this release's arguments")

    def _merge_all(parts: list[Any]) -> Any:
        raise AssertionError("never called with this release's arguments")

    kept = {}
    for f in (_judge_frame, _blob, _merge_all):
        f.__qualname__ = f.__name__  # (a function of the module, as the older release's were)
        kept[f.__name__] = getattr(module, f.__name__)
        setattr(module, f.__name__, f)
    module.__dict__.setdefault("_own_kept", kept)


@pytest.fixture
def workers_of_an_older_release(dask_client: Any) -> Iterator[Any]:
    dask_client.run(_older_release, True)
    try:
        yield dask_client
    finally:
        dask_client.run(_older_release, False)


def test_dask_workers_of_a_release_before_the_check_are_refused_in_words(workers_of_an_older_release: Any) -> None:
    """QA: a worker of a release older than the check of the client's code knows no payload: its ``_judge_frame``
    took the arguments themselves, and the client got its raw ``TypeError: _judge_frame() missing 5 required
    positional arguments: ...``. Recognised as such (a function of a task's name refusing this release's call),
    it is the refusal of other code, in the policy's language, and no report is given."""
    dd = pytest.importorskip("dask.dataframe")
    sla_dask = pytest.importorskip("sla_dsl.dask")
    events = dd.from_pandas(frame(EXAMPLE), npartitions=2)
    with pytest.raises(OtherCodeError) as err:
        sla_dask.judge(POLICY_PATH, events, NOV, DEC)
    said = str(err.value)
    assert said.startswith("ワーカーの `sla-dsl` は、クライアントのコードを確かめる前の古いリリースで"), said
    assert "_judge_frame() missing 5 required positional arguments" in said and err.value.lang == "ja"
    with pytest.raises(OtherCodeError) as err:
        sla_dask.judge(_english(POLICY_PATH.read_text("utf-8")), events, NOV, DEC)
    assert str(err.value).startswith("a worker runs an older release of `sla-dsl`"), str(err.value)


def test_a_type_error_of_another_function_is_not_taken_for_an_older_release() -> None:
    refused = sla_dsl.scale.older_code(
        TypeError("_blob() takes 1 positional argument but 2 were given"), ["_blob"], "en"
    )
    assert isinstance(refused, OtherCodeError)
    for exc in (
        TypeError("len() takes exactly one argument (2 given)"),  # (not a function of a task's name)
        TypeError("unsupported operand type(s) for +: 'int' and 'str'"),
        ValueError("_blob() takes 1 positional argument but 2 were given"),
    ):
        assert sla_dsl.scale.older_code(exc, ["_blob"], "en") is None, exc

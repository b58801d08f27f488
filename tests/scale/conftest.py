"""Session fixtures for the cluster tests: one Dask LocalCluster and one Spark session (one JVM) per run."""

from __future__ import annotations

import io
import logging
import os
import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.trend import add_trend
from sla_dsl.events.reader import read_events

from .logs import ROOT, generate

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"


def one_run_json(path: Path, policy: Any, start: Any, end: Any) -> bytes:
    """The JSON report of one process over a log file (the reader's problems settled with the policy's), with
    its trend against earlier months, as ``sla evaluate`` gives it."""
    out = io.BytesIO()
    log = read_events(path, defer=True)
    result = judge_log(policy, log, start, end)
    add_trend(result, [policy], log, judge_log)
    result.write_json(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def big_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated log of 100,000 events over November 2026."""
    path = tmp_path_factory.mktemp("scale") / "events-100k.jsonl"
    generate(path, 100_000)
    return path


@pytest.fixture(scope="session")
def two_months(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report tests' two-month log (October worked by hand, the example November): a trend of two months."""
    from report.trend_log import write_two_months

    return write_two_months(tmp_path_factory.mktemp("scale-trend") / "events-2026-10-11.jsonl")


@pytest.fixture(scope="session")
def dask_client() -> Iterator[Any]:
    """A real ``dask.distributed.LocalCluster`` of two worker processes (one thread each)."""
    distributed = pytest.importorskip("distributed")
    logging.getLogger("distributed").setLevel(logging.ERROR)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """Spark in ``local[2]`` (one JVM for the session); skipped, saying why, where Java is missing."""
    sql = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime: install openjdk-17-jre-headless (.ci/run does) to run the Spark tests")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # executors run this interpreter, with sla_dsl installed
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("sla-dsl-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()

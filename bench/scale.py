"""Benchmark: judging a 4M-event log on Dask with 1 and 2 local workers, and on Spark local[2].

Writes a generated year's log (``bench/evaluate.py``'s generator: backups, outages,
stop notices and incidents) as JSON Lines, then as Parquet files bucketed by a hash
of ``id`` (the partition key), each event with its ``line``. Then, side by side in
one run, the time to the finished verdicts (``judge``: every partition judged,
the partials merged as a tree, the report's verdicts finished on the client, held
until the time is taken; the JSON report is not rendered, it costs the same after
every engine):

* one process: ``read_arrow`` + ``judge_log`` on the same Parquet files;
* ``sla_dsl.dask`` on a ``LocalCluster`` of 1 worker process, then of 2 (one thread
  each), given the directory of Parquet files (one partition per file, already
  partitioned by ``id``: ``partitioned=True``; each file read by pyarrow in its
  task); with ``--frame``, given ``dd.read_parquet(..., dtype_backend="pyarrow")``
  instead (a Dask DataFrame, one partition per file);
* ``sla_dsl.spark`` in ``local[2]`` on ``spark.read.parquet`` of the same files.

Prints seconds and events per second of each and the ratio of 2 Dask workers to 1
(the target is 1.6x or more), from the best of ``--runs`` runs on each cluster
(and each run's). The machine's cores are shared with whatever else runs: each
line gives the load average, and the CPU seconds (user + system) the worker
processes and the client process (with the scheduler) spent in the run, the
figures to compare on a shared machine.
Not a test: nothing is asserted.
Run: ``python bench/scale.py [--events N] [--files K] [--runs R] [--frame] [--no-spark]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.json as pj
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import POLICY, generate

FROM, TO = dt.date(2026, 1, 1), dt.date(2027, 1, 1)


def to_parquet(jsonl: Path, out: Path, files: int) -> int:
    """The log as Parquet files bucketed by a hash of ``id``, with each event's ``line``."""
    text = pa.schema([(c, pa.string()) for c in ("event", "at", "id", "priority", "cause", "channel", "start", "end")])
    text = text.append(pa.field("kind", pa.string())).append(pa.field("zone", pa.string()))
    text = text.append(pa.field("primary_zone", pa.string()))
    table = pj.read_json(jsonl, parse_options=pj.ParseOptions(explicit_schema=text))  # times stay ISO 8601 text
    table = table.append_column("line", pa.array(range(1, table.num_rows + 1), type=pa.int64()))
    bucket = pd.util.hash_array(table.column("id").to_numpy(zero_copy_only=False)) % files
    frame = table.to_pandas()
    out.mkdir()
    for k in range(files):
        pq.write_table(pa.Table.from_pandas(frame[bucket == k], preserve_index=False), out / f"part-{k:03d}.parquet")
    return int(table.num_rows)


def timed(label: str, n: int, fn: Callable[[], object], cpu: Callable[[], tuple[float, float]] | None = None) -> float:
    """Run ``fn`` once; print its seconds, events/s, the load and, with ``cpu``, the CPU seconds of
    the workers and of the client spent in it. What ``fn`` returns (the verdicts) is held until then:
    freeing a year's verdicts (about 0.3 s for 955,000 incidents) is not the time to have them."""
    before = cpu() if cpu else (0.0, 0.0)
    t = time.perf_counter()
    verdicts = fn()
    s = time.perf_counter() - t
    spent = ""
    if cpu:
        after = cpu()
        spent = f"  CPU s: workers {after[0] - before[0]:.1f}, client {after[1] - before[1]:.1f}"
    del verdicts
    print(f"{label:<34} {s:8.1f} s  {n / s:>10,.0f} events/s   (load {os.getloadavg()[0]:.1f}){spent}", flush=True)
    return s


def _cpu_seconds() -> float:
    import psutil  # distributed's own dependency

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def one_process(parquet: Path) -> object:
    from sla_dsl import load_policy
    from sla_dsl.evaluation import judge_log
    from sla_dsl.events.arrow_files import read_arrow

    return judge_log(load_policy(POLICY), read_arrow(parquet), FROM, TO)


def dask_run(parquet: Path, workers: int, runs: int, frame: bool) -> float:
    """The best of ``runs`` timed runs on a fresh LocalCluster of ``workers`` processes."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import sla_dsl.dask

    logging.getLogger("distributed").setLevel(logging.ERROR)
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: __import__("sla_dsl.scale"))  # workers' imports are not the judging
        n = int(dd.read_parquet(str(parquet)).map_partitions(len).sum().compute())
        events = dd.read_parquet(str(parquet), dtype_backend="pyarrow") if frame else str(parquet)

        def run() -> object:
            return sla_dsl.dask.judge(POLICY, events, FROM, TO, source="events.jsonl", partitioned=True)

        def cpu() -> tuple[float, float]:
            return sum(client.run(_cpu_seconds).values()), _cpu_seconds()

        label = f"dask, {workers} worker{'s' if workers > 1 else ''}" + (" (frame)" if frame else "")
        return min(timed(label, n, run, cpu) for _ in range(runs))


def spark_run(parquet: Path, n: int, files: int) -> None:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    warnings.filterwarnings("ignore", category=FutureWarning)
    from pyspark.sql import SparkSession

    import sla_dsl.spark

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    events = spark.read.parquet(str(parquet))
    events.count()  # the JVM and the reading warmed up
    timed(
        "spark local[2]",
        n,
        lambda: sla_dsl.spark.judge(POLICY, events, FROM, TO, source="events.jsonl", partitions=files),
    )
    spark.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=4_000_000)
    ap.add_argument("--files", type=int, default=16)
    ap.add_argument("--runs", type=int, default=1, help="timed runs on each Dask cluster (the best counts)")
    ap.add_argument("--frame", action="store_true", help="give Dask a DataFrame rather than the files")
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "events.jsonl"
        generate(jsonl, args.events)
        parquet = Path(tmp) / "events"
        n = to_parquet(jsonl, parquet, args.files)
        jsonl.unlink()
        print(f"{n:,} events in {args.files} Parquet files bucketed by id; {os.cpu_count()} cores", flush=True)
        timed("one process (read_arrow + judge)", n, lambda: one_process(parquet))
        one = dask_run(parquet, 1, args.runs, args.frame)
        two = dask_run(parquet, 2, args.runs, args.frame)
        print(f"dask 2 workers / 1 worker throughput: {one / two:.2f}x (target >= 1.6x)", flush=True)
        if not args.no_spark:
            spark_run(parquet, n, args.files)


if __name__ == "__main__":
    main()

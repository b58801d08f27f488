"""Benchmark: ``sla evaluate`` beside what an analyst would write instead, plain SQL on DuckDB.

The baseline computes the core verdicts of every incident of a year (clock start,
response due in business time, first response, met / breached / open / at_risk,
excluded) with a business-interval calendar table: one row per business interval
(10:00-12:00 and 13:00-18:00 Tokyo on each business day, Japanese holidays from the
``holidays`` package), with the business seconds before it (``cum``). Business time
at an instant is an ASOF join on the interval starting at or before it; the due time
is an ASOF join on the first interval whose ``cum_end`` reaches clock + target.

One run, side by side, each in a fresh child process timed from outside from start
to exit (interpreter start, imports, reading, judging, writing), every row once per
round (``--rounds``, 3 by default): the least CPU seconds of each row count, and the
range is shown (a shared machine's slow spells reach every row alike); ``sla_dsl`` is
byte-compiled first, as installed from a wheel (``compile_package`` of ``bench/evaluate.py``):

* ``json`` parse floor: the standard ``json`` module parses every line (kept in a list);
* DuckDB SQL from the JSON Lines file, and from the same events as Parquet and as CSV;
* the same, and the verdicts explained as steps written to Parquet (``STEPS``: how each incident was
  reported, its clock start, its target, each business day of the walk to its due time, the due time, the
  response and status; about 1.6 million steps): a baseline that, as ``--format parquet`` does, writes
  why, to set beside ``--format parquet`` (the issue's target is against the verdicts alone);
* ``sla evaluate`` from JSON Lines ``--format text``, ``json``, ``parquet``, from
  Parquet ``--format text`` and ``parquet``, and from CSV ``--format text``;
* the Python API (``evaluate`` -> the whole ``Report`` model) from Parquet: time and peak RSS.

Then the DuckDB verdicts are compared with ours on every incident (status, clock
start, due time, first response). Prints seconds, CPU seconds, peak RSS, and our CPU seconds (and seconds) as ratios
to DuckDB and to the ``json`` floor. Not a test: nothing is asserted on time.
Run: ``python bench/duckdb_baseline.py [--events 911833] [--rounds 3]`` (the year of the issue:
911,833 events, 217,325 incidents, from ``bench/evaluate.py``'s generator).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
POLICY = ROOT / "policies" / "clicksoko.sla"
FROM, TO = "2026-01-01T00:00:00+09:00", "2027-01-01T00:00:00+09:00"
TOKYO = dt.timezone(dt.timedelta(hours=9))  # Japan has no daylight saving time
#: Response targets of clicksoko.sla in business seconds, and its at-risk threshold.
TARGETS = {"P1": 4 * 3600, "P2": 7 * 3600, "P3": 35 * 3600}
AT_RISK = 0.75
EXCLUDED = ("force_majeure", "customer_fault")

QUERY = """
with inc as (
    select id,
        min(t) filter (where event = 'incident.reported') as reported,
        min(t) filter (where event = 'incident.product_suspected') as suspected,
        arg_max(priority, t) filter (where event in ('incident.reported', 'incident.reprioritized')) as prio,
        arg_min(cause, t) filter (where event = 'incident.reported') as cause,
        min(t) filter (where event = 'incident.responded') as responded
    from ev where t <= $as_of group by id
), clk as (
    select *, coalesce(suspected, reported) as clock,
        case prio when 'P1' then $p1 when 'P2' then $p2 else $p3 end as target
    from inc where reported is not null
), b as (
    select clk.*, cal.cum + least(greatest(clk.clock - cal.start, 0), cal.len) as b_clock
    from clk asof join cal on clk.clock >= cal.start
), d as (
    select b.*, cal.start + (b.b_clock + b.target - cal.cum) as due
    from b asof join cal on b.b_clock + b.target <= cal.cum_end
), asof_b as (
    select cal.cum + least(greatest($as_of - cal.start, 0), cal.len) as b_asof
    from cal where cal.start <= $as_of order by cal.start desc limit 1
)
select id, clock, case when cause in ('force_majeure', 'customer_fault') then null else due end as due,
    responded,
    case
        when cause in ('force_majeure', 'customer_fault') then 'excluded'
        when responded is not null and responded <= due then 'met'
        when responded is not null or $as_of > due then 'breached'
        when (select b_asof from asof_b) - b_clock >= $at_risk * target then 'at_risk'
        else 'open'
    end as status
from d where clock >= $p0 and clock < $p_end
order by clock, id
"""


#: ``QUERY``'s verdicts explained as steps a table of them holds, keyed by the incident's row (its place in
#: report order): how it was reported, when its clock started, its target, each business day the walk to the
#: due time crosses (the day's business hours in it), the due time, and the response and status. Instants
#: worded in Tokyo time (``WALL``). About eight steps an incident, where ``sla evaluate --format parquet``
#: writes about nine (it also says the rule chosen, the version, the same-day guideline and the completion).
#: ``QUERY``'s verdicts with what the steps say of each (its priority, report, suspicion, target), in no order.
_VERDICTS = QUERY.replace("order by clock, id", "").replace(
    "select id, clock,", "select id, prio, reported, suspected, target, clock,"
)
WALL = "strftime(make_timestamp((({t} + 32400) * 1e6)::bigint), '%a %d %b %H:%M')"
STEPS = f"""
with v as ({_VERDICTS}),
r as (select *, row_number() over (order by clock, id) - 1 as row from v),
w as (
    select r.row, cal.start, greatest(cal.start, r.clock) as a, least(cal.start + cal.len, r.due) as b
    from r join cal on cal.start < r.due and cal.start + cal.len > r.clock
),
d as (
    select row, floor((start + 32400) / 86400) as day, min(a) as a, max(b) as b, sum(b - a) as secs
    from w group by row, day
),
s as (
    select row, 0 as k, 'reported ' || {WALL.format(t="reported")} || ' as ' || prio as text, reported as t_at
    from r
    union all
    select row, 1, 'clock starts ' || {WALL.format(t="clock")}
        || case when suspected is not null then ' (product suspected)' else '' end, clock
    from r
    union all
    select row, 2, prio || ': respond within ' || (target / 3600)::integer || ' business hours', null from r
    union all
    select row, 2 + row_number() over (partition by row order by day),
        {WALL.format(t="a")} || '-' || strftime(make_timestamp(((b + 32400) * 1e6)::bigint), '%H:%M') || ': '
        || (secs / 3600)::decimal(6, 2) || 'h of business time', null
    from d
    union all
    select row, 100, case when due is null then 'excluded (Article 4): no response target'
        else 'response due ' || {WALL.format(t="due")} end, due
    from r
    union all
    select row, 101, case when responded is not null then 'responded ' || {WALL.format(t="responded")} || ': ' || status
        else 'no response as of the period end: ' || status end, responded
    from r
)
select s.row, r.id, s.k as step, s.text, to_timestamp(s.t_at) as "at" from s join r using (row) order by s.row, s.k
"""


def calendar_rows(first: int, last: int) -> dict[str, list[float]]:
    """The business-interval calendar of years [first, last]: start, len, cum, cum_end (epoch seconds)."""
    import holidays

    jp = holidays.country_holidays("JP", years=range(first, last + 1))
    start: list[float] = []
    length: list[float] = []
    day = dt.date(first, 1, 1)
    while day.year <= last:
        if day.weekday() < 5 and day not in jp:
            for h0, h1 in ((10, 12), (13, 18)):
                start.append(dt.datetime(day.year, day.month, day.day, h0, tzinfo=TOKYO).timestamp())
                length.append((h1 - h0) * 3600.0)
        day += dt.timedelta(days=1)
    cum: list[float] = []
    total = 0.0
    for n in length:
        cum.append(total)
        total += n
    return {"start": start, "len": length, "cum": cum, "cum_end": [c + n for c, n in zip(cum, length, strict=True)]}


def run_duckdb(path: str, out: str, steps: str = "") -> dict[str, Any]:
    """Child: the DuckDB baseline; writes its verdicts to ``out`` (Parquet), and with ``steps`` the verdicts
    explained (``STEPS``) to that Parquet file too."""
    t0 = time.perf_counter()
    import duckdb
    import pyarrow as pa

    con = duckdb.connect()
    cal = pa.table(calendar_rows(2025, 2027))  # noqa: F841 (DuckDB reads the local by name)
    con.execute("create table cal as select * from cal order by start")
    if path.endswith(".parquet"):
        source = f"read_parquet('{path}')"
    elif path.endswith(".csv"):
        cols = _columns(COLUMNS)
        source = f"read_csv('{path}', header = true, columns = {cols})"
    else:
        cols = _columns(("event", "at", "id", "priority", "cause"))
        source = f"read_json('{path}', format = 'newline_delimited', columns = {cols})"
    con.execute(
        f'create table ev as select event, epoch("at") as t, id, priority, cause from {source} '
        "where event like 'incident.%'"
    )
    t1 = time.perf_counter()
    p0 = dt.datetime.fromisoformat(FROM).timestamp()
    p_end = dt.datetime.fromisoformat(TO).timestamp()
    params = {
        "as_of": p_end,
        "p0": p0,
        "p_end": p_end,
        "at_risk": AT_RISK,
        **{k.lower(): v for k, v in TARGETS.items()},
    }
    result = con.sql(QUERY, params=params).to_arrow_table()
    t2 = time.perf_counter()
    import pyarrow.parquet as pq

    pq.write_table(result, out)
    counts: dict[str, int] = {}
    for s in result.column("status").to_pylist():
        counts[s] = counts.get(s, 0) + 1
    said = {"load_s": t1 - t0, "query_s": t2 - t1, "incidents": result.num_rows, "statuses": counts}
    if steps:
        t3 = time.perf_counter()
        con.execute(f"copy ({STEPS}) to '{steps}' (format parquet)", params)
        said |= {"steps_s": time.perf_counter() - t3, "steps": pq.ParquetFile(steps).metadata.num_rows}
    return said


def run_json_floor(path: str) -> dict[str, Any]:
    """Child: the standard ``json`` module parses every line, kept in a list."""
    with open(path, "rb") as fh:
        rows = [json.loads(line) for line in fh]
    return {"events": len(rows)}


def run_api(path: str) -> dict[str, Any]:
    """Child: the Python API, ``evaluate`` on the read log: the whole Report model, explanations built."""
    import sla_dsl
    from sla_dsl.events import read_events

    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, read_events(path), dt.datetime.fromisoformat(FROM), dt.datetime.fromisoformat(TO))
    return {"incidents": len(report.incidents)}


def timed(argv: list[str], stdout: Any = subprocess.DEVNULL) -> tuple[float, float, bytes]:
    """(seconds from start to exit, peak RSS in MiB, captured stdout) of a child process; its CPU seconds
    (user + system, all threads) are kept in :data:`CPU`, for a machine shared with other work."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=stdout, stderr=err, env={**os.environ, "PYTHONPATH": str(ROOT)})
        out = proc.stdout.read() if proc.stdout is not None else b""
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        err.seek(0)
        said = err.read().decode("utf-8", "replace")
    CPU.append(usage.ru_utime + usage.ru_stime)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{argv} failed with status {os.waitstatus_to_exitcode(status)}:\n{said}")
    NOTES.update(line for line in said.splitlines() if line.strip())  # (said once, after the table)
    return elapsed, usage.ru_maxrss / 1024, out


#: What the children said on stderr (the command's notes), each line once.
NOTES: set[str] = set()


#: CPU seconds of each child process, in the order they ran.
CPU: list[float] = []


def child(kind: str, *args: str) -> tuple[float, float, dict[str, Any]]:
    seconds, rss, out = timed([sys.executable, __file__, "--child", kind, *args], stdout=subprocess.PIPE)
    return seconds, rss, json.loads(out)


def sla(*args: str) -> tuple[float, float]:
    # (``--as-of`` the ``--to`` it defaults to, given: the same verdicts, without the note a period not over yet
    # on the day the bench runs gets)
    period = ("--from", FROM, "--to", TO, "--as-of", TO)
    argv = [sys.executable, "-m", "sla_dsl._entry", "evaluate", str(POLICY), *args, *period]
    seconds, rss, _ = timed(argv)
    return seconds, rss


#: The fields of the year's events.
COLUMNS = ("event", "at", "id", "priority", "cause", "channel", "start", "end", "kind", "zone", "primary_zone")


def _columns(names: tuple[str, ...], times: tuple[str, ...] = ("at", "start", "end")) -> str:
    """DuckDB's ``columns`` argument of ``read_json``: ``times`` as TIMESTAMPTZ, the rest as text."""
    return "{" + ", ".join(f"'{n}': '{'TIMESTAMPTZ' if n in times else 'VARCHAR'}'" for n in names) + "}"


def to_parquet(jsonl: Path, parquet: Path) -> None:
    """The same events as Parquet (times as timestamp[us, tz=UTC]), written by DuckDB."""
    import duckdb

    duckdb.execute(
        f"copy (select * from read_json('{jsonl}', format = 'newline_delimited', columns = {_columns(COLUMNS)})) "
        f"to '{parquet}' (format parquet, row_group_size 122880)"
    )


def to_csv(jsonl: Path, csv: Path) -> None:
    """The same events as CSV, a header and a column per field, the times as the JSON Lines give them."""
    import duckdb

    cols = _columns(COLUMNS, times=())
    duckdb.execute(
        f"copy (select * from read_json('{jsonl}', format = 'newline_delimited', columns = {cols})) to '{csv}' (header)"
    )


def agreement(ours: Path, theirs: Path) -> dict[str, int]:
    """Incidents on which the two disagree (status, clock, due, response), and those only one lists."""
    import duckdb

    relation = duckdb.sql(
        f"""
        with a as (select id, epoch(clock_start) as clock, epoch(response_due) as due,
                          epoch(responded_at) as responded, status from read_parquet('{ours}')),
             b as (select * from read_parquet('{theirs}'))
        select count(*) filter (where a.id is not null and b.id is not null) as both_,
               count(*) filter (where a.id is null) as only_duckdb,
               count(*) filter (where b.id is null) as only_sla,
               count(*) filter (where a.status <> b.status) as status,
               count(*) filter (where abs(a.clock - b.clock) > 1e-3) as clock,
               count(*) filter (where a.due is distinct from b.due and abs(a.due - b.due) > 1e-3) as due,
               count(*) filter (where a.responded is distinct from b.responded
                                and abs(a.responded - b.responded) > 1e-3) as responded
        from a full join b on a.id = b.id
        """
    )
    assert relation is not None  # (a query gives a relation; only a statement gives none)
    row = relation.fetchall()[0]
    keys = ("both", "only_duckdb", "only_sla", "status", "clock", "due", "responded")
    return dict(zip(keys, (int(x) for x in row), strict=True))


def _bench_evaluate() -> Any:
    """``bench/evaluate.py`` as a module: its generator of the year's log, its ``compile_package``."""
    spec = importlib.util.spec_from_file_location("bench_evaluate", ROOT / "bench" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _generator() -> Any:
    return _bench_evaluate().generate


class Row(NamedTuple):
    """One measured row: what it runs, and how its notes read given every row's best CPU seconds."""

    name: str
    #: runs it once: (seconds, peak RSS in MiB, what the child said or None); its CPU seconds go to CPU
    run: Callable[[], tuple[float, float, dict[str, Any] | None]]
    #: the notes, from the child's answer of the last round and the best CPU seconds and seconds of every
    #: row by name
    note: Callable[[dict[str, Any] | None, dict[str, float], dict[str, float]], str]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=911_833)
    ap.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="run every row this many times, one round after another; the best (least) CPU seconds count",
    )
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        children: dict[str, Callable[..., dict[str, Any]]] = {
            "duckdb": run_duckdb,
            "json": run_json_floor,
            "api": run_api,
        }
        print(json.dumps(children[kind](*rest)))
        return
    print(_bench_evaluate().compile_package())
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        jsonl, parquet, csv = (Path(tmp) / f"events.{x}" for x in ("jsonl", "parquet", "csv"))
        t0 = time.perf_counter()
        n = _generator()(jsonl, args.events)
        to_parquet(jsonl, parquet)
        to_csv(jsonl, csv)
        print(
            f"generated {n:,} events: {jsonl.stat().st_size / 2**20:.0f} MiB of JSON Lines, "
            f"{parquet.stat().st_size / 2**20:.0f} MiB of Parquet, {csv.stat().st_size / 2**20:.0f} MiB of CSV "
            f"({time.perf_counter() - t0:.0f} s)"
        )
        rows = _rows(jsonl, parquet, csv, Path(tmp))
        seconds: dict[str, list[float]] = {r.name: [] for r in rows}
        cpu: dict[str, list[float]] = {r.name: [] for r in rows}
        rss: dict[str, float] = {}
        said: dict[str, dict[str, Any] | None] = {}
        for _ in range(args.rounds):  # round after round: a slow spell of the machine touches every row alike
            for r in rows:
                s, peak, said[r.name] = r.run()
                seconds[r.name].append(s)
                cpu[r.name].append(CPU[-1])
                rss[r.name] = max(rss.get(r.name, 0.0), peak)
        agree = agreement(Path(tmp) / "out-p" / "incidents.parquet", Path(tmp) / "duckdb-P.parquet")
    best = {name: min(v) for name, v in cpu.items()}
    fastest = {name: min(v) for name, v in seconds.items()}
    print(f"{'':44} {'seconds':>8} {'CPU s':>7} {'CPU s range':>12} {'peak RSS':>9}  notes")
    for r in rows:
        c = cpu[r.name]
        spread = f"{min(c):.2f}-{max(c):.2f}"
        print(
            f"{r.name:44} {min(seconds[r.name]):8.2f} {best[r.name]:7.2f} {spread:>12} {rss[r.name]:5.0f} MiB  "
            f"{r.note(said[r.name], best, fastest)}"
        )
    print(f"agreement with DuckDB per incident: {json.dumps(agree)}")
    print(
        f"each row a fresh process timed from start to exit, {args.rounds} round(s), the rows in turn; seconds and "
        "CPU s: the least of the rounds (CPU s: user + system time, all threads; DuckDB runs several); the range of "
        "CPU s over the rounds; peak RSS of that process (wait4), the greatest; ratios on the least CPU seconds "
        "(the machine may be shared: wall time then measures the others' load too)"
    )
    print(f"load average at the start: {load0:.1f}, at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for note in sorted(NOTES):
        print(f"stderr of the runs: {note}")


FLOOR = "json.loads per line (the floor)"


def _rows(jsonl: Path, parquet: Path, csv: Path, tmp: Path) -> list[Row]:
    """The rows of the table, in the order they run in each round."""
    rows = [Row(FLOOR, lambda: child("json", str(jsonl)), lambda res, *_: f"{res['events']:,} events" if res else "")]
    sources = (("JSON Lines", jsonl), ("Parquet", parquet), ("CSV", csv))
    for name, src in sources:

        def duck(src: Path = src, name: str = name) -> tuple[float, float, dict[str, Any] | None]:
            return child("duckdb", str(src), str(tmp / f"duckdb-{name[0]}.parquet"))

        def duck_note(res: dict[str, Any] | None, *_: dict[str, float]) -> str:
            assert res is not None
            return (
                f"load {res['load_s']:.2f} s + query {res['query_s']:.2f} s; {res['incidents']:,} incidents "
                f"{json.dumps(res['statuses'], sort_keys=True)}"
            )

        rows.append(Row(f"DuckDB SQL from {name}", duck, duck_note))
        if name == "CSV":
            continue  # (steps: the Parquet output's comparison, from JSON Lines and Parquet)

        def duck_steps(src: Path = src, name: str = name) -> tuple[float, float, dict[str, Any] | None]:
            verdicts, steps = (str(tmp / f"duckdb-{name[0]}-{what}.parquet") for what in ("v", "steps"))
            return child("duckdb", str(src), verdicts, steps)

        def steps_note(res: dict[str, Any] | None, *_: dict[str, float]) -> str:
            assert res is not None
            return f"and the verdicts explained: {res['steps']:,} steps to Parquet in {res['steps_s']:.2f} s"

        rows.append(Row(f"DuckDB SQL + steps from {name}", duck_steps, steps_note))
    runs = [
        ("JSON Lines", jsonl, "text", []),
        ("JSON Lines", jsonl, "json", []),
        ("JSON Lines", jsonl, "parquet", ["--output", str(tmp / "out-j")]),
        ("Parquet", parquet, "text", []),
        ("Parquet", parquet, "parquet", ["--output", str(tmp / "out-p")]),
        ("CSV", csv, "text", []),
    ]
    for name, src, fmt, extra in runs:

        def ours(src: Path = src, fmt: str = fmt, extra: list[str] = extra) -> tuple[float, float, None]:
            return (*sla(str(src), "--format", fmt, *extra), None)

        def ratio(
            _: dict[str, Any] | None, best: dict[str, float], wall: dict[str, float], name: str = name, fmt: str = fmt
        ) -> str:
            ours, theirs = f"sla evaluate {name} --format {fmt}", f"DuckDB SQL from {name}"
            with_steps = best.get(f"DuckDB SQL + steps from {name}") if fmt == "parquet" else None
            steps = f"; {best[ours] / with_steps:.1f}x DuckDB + steps" if with_steps else ""
            return (
                f"CPU: {best[ours] / best[theirs]:.1f}x DuckDB from {name}, {best[ours] / best[FLOOR]:.1f}x the json "
                f"floor{steps}; wall: {wall[ours] / wall[theirs]:.1f}x, {wall[ours] / wall[FLOOR]:.1f}x"
            )

        rows.append(Row(f"sla evaluate {name} --format {fmt}", ours, ratio))
    rows.append(
        Row(
            "Python API evaluate() from Parquet",
            lambda: child("api", str(parquet)),
            lambda res, *_: f"{res['incidents']:,} incidents, whole Report" if res else "",
        )
    )
    return rows


if __name__ == "__main__":
    main()

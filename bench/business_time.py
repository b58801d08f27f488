"""Benchmark: ``t + 4 business hours`` and ``between`` on the Click So-ko calendar.

Runs, in one process and on the same random 2026 timestamps (Asia/Tokyo,
Mon-Fri 10:00-12:00 and 13:00-18:00, Japanese holidays):

* this engine per call, datetime API (``BusinessCalendar.add`` / ``between``)
  and epoch API (``add_epoch`` / ``between_epoch``);
* this engine in batch (``add_many`` / ``between_many`` on numpy arrays);
* ``businesstimedelta`` (WorkDayRule + LunchTimeRule + HolidayRule with the
  ``holidays`` JP calendar);
* pandas ``CustomBusinessHour(start=["10:00", "13:00"], end=["12:00", "18:00"])``
  with the JP holidays (``add`` only: pandas has no business-time difference);
* the slow reference of the test suite (day-by-day walk), on 1,000 rows.

It prints throughputs, the engine's ratio to each peer, the agreement of every
peer with the engine, and the index memory for ten years. pandas moves a result
that falls exactly on a closing time to the next opening (Mon 14:00 + 4 h is
Tue 10:00 for pandas, Mon 18:00 here): those rows are counted separately.

    python bench/business_time.py            # 100,000 rows for every peer (a few minutes)
    python bench/business_time.py --quick    # the slow peers on 5,000 rows
    python bench/business_time.py --rich     # the richer calendar below instead

``--rich`` (issue 11) runs the same on a richer calendar in a DST zone: the
English desk in Europe/London, Monday to Thursday 09:00-12:30 and 13:30-17:30,
Friday 09:00-12:30 and 13:30-16:00, Saturday 10:00-13:00, English holidays,
half days on 2026-12-24 and 2026-12-31 (09:00-12:30). businesstimedelta is
given one WorkDayRule per shape of day, the lunch rule and the holidays (it
has no date-specific hours, so rows that touch the half days differ); pandas'
CustomBusinessHour has one set of hours for every business day, so it is
timed on Monday-to-Friday 09:00-12:30 and 13:30-17:30 with the English holidays
(its agreement is not meaningful there).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sla_dsl import load_policy  # noqa: E402
from sla_dsl.calendars.business import BusinessCalendar  # noqa: E402

T = TypeVar("T")
FOUR_HOURS = dt.timedelta(hours=4)
TARGETS = {"businesstimedelta": 100.0, "pandas": 50.0}
BATCH_TARGET = 3_000_000
RICH = """
calendar desk_en {
  timezone Europe/London
  hours mon..thu 09:00-12:30, 13:30-17:30
  hours fri 09:00-12:30, 13:30-16:00
  hours sat 10:00-13:00
  hours 2026-12-24, 2026-12-31 09:00-12:30
  holidays GB-ENG
}
"""


def rich_calendar() -> tuple[Any, ZoneInfo]:
    """The ``--rich`` calendar's model and zone."""
    from sla_dsl.lang.compile import compile_text

    header = 'sla "bench" {\n  format 1\n  version "1"\n  effective 2026-01-01\n  timezone Europe/London\n}\n'
    comp = compile_text(header + RICH)
    assert comp.model is not None and not comp.errors, comp.diagnostics
    return comp.model.calendar("desk_en"), ZoneInfo("Europe/London")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """Run ``fn`` once with the garbage collector paused (as ``timeit`` does); result and seconds."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        out = fn()
        return out, time.perf_counter() - t0
    finally:
        gc.enable()


def row(label: str, n: int, seconds: float, best: float | None = None) -> float:
    rate = n / seconds
    ratio = f"{best / rate:10.1f}x" if best else ""
    print(f"  {label:<44} {n:>8,} rows {seconds:9.3f} s {rate:14,.0f} /s {ratio}")
    return rate


def sample(
    n: int, seed: int, tz: ZoneInfo
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]]:
    """``n`` random instants of 2026 and, for ``between``, ends up to 72 h later."""
    rng = np.random.default_rng(seed)
    lo = int(dt.datetime(2026, 1, 1, tzinfo=tz).timestamp())
    hi = int(dt.datetime(2027, 1, 1, tzinfo=tz).timestamp())
    ts = rng.integers(lo, hi, n, dtype=np.int64)
    return ts, ts + rng.integers(0, 72 * 3600, n, dtype=np.int64)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=100_000, help="rows (default 100,000)")
    ap.add_argument("--quick", action="store_true", help="run businesstimedelta and pandas on 5,000 rows only")
    ap.add_argument("--reference-n", type=int, default=1_000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--rich", action="store_true", help="the richer calendar (issue 11) instead of Click So-ko's")
    args = ap.parse_args()

    if args.rich:
        model_cal, tz = rich_calendar()
    else:
        policy = load_policy(ROOT / "policies" / "clicksoko.sla")
        tz = policy.tz
        model_cal = policy.model.calendar("business")
    cal = BusinessCalendar(model_cal, tz)
    _, build = timed(lambda: cal.prepare(2025, 2027))
    n = args.n
    peer_n = min(n, 5_000) if args.quick else n
    ts, us = sample(n, args.seed, tz)
    tl, ul = ts.tolist(), us.tolist()
    dts = [dt.datetime.fromtimestamp(t, tz) for t in tl]
    uds = [dt.datetime.fromtimestamp(u, tz) for u in ul]
    four = int(FOUR_HOURS.total_seconds())

    title = "Richer calendar (Europe/London desk)" if args.rich else "Click So-ko calendar"
    print(f"{title}, {n:,} random 2026 instants; index for 2025-2027 built in {build * 1e3:.1f} ms")
    print("\nt + 4 business hours")
    add = cal.add
    add_epoch = cal.add_epoch
    r_dt, s = timed(lambda: [add(t, FOUR_HOURS) for t in dts])
    rate_dt = row("this engine, per call (datetime API)", n, s)
    r_ep, s = timed(lambda: [add_epoch(t, four) for t in tl])
    rate_ep = row("this engine, per call (epoch API)", n, s)
    r_np, s = timed(lambda: cal.add_many(ts, four))
    rate_np = row("this engine, batch (numpy)", n, s)
    add_rates = {"datetime": rate_dt, "epoch": rate_ep, "batch": rate_np}

    print("\nbetween(t, u), u up to 72 h after t")
    between = cal.between
    between_epoch = cal.between_epoch
    b_dt, s = timed(lambda: [between(t, u) for t, u in zip(dts, uds, strict=True)])
    brate_dt = row("this engine, per call (datetime API)", n, s)
    b_ep, s = timed(lambda: [between_epoch(t, u) for t, u in zip(tl, ul, strict=True)])
    brate_ep = row("this engine, per call (epoch API)", n, s)
    b_np, s = timed(lambda: cal.between_many(ts, us))
    brate_np = row("this engine, batch (numpy)", n, s)
    between_rates = {"datetime": brate_dt, "epoch": brate_ep, "batch": brate_np}

    agree = [int(x.timestamp()) for x in r_dt] == r_ep == r_np.tolist() and [
        int(b.total_seconds()) for b in b_dt
    ] == b_ep == b_np.tolist()
    print(f"\n  datetime API == epoch API == batch on all rows: {agree}")

    peers: dict[str, dict[str, float]] = {}
    peers["businesstimedelta"] = bench_btd(model_cal, tz, dts[:peer_n], uds[:peer_n], r_ep, b_ep)
    peers["pandas"] = bench_pandas(tz, dts[:peer_n], r_ep, rich=args.rich)
    peers["reference"] = bench_reference(model_cal, tz, dts[: args.reference_n], uds[: args.reference_n], r_ep, b_ep)

    print("\nRatios (this engine / peer, rows per second)")
    for peer, rates in peers.items():
        for op, engine_rates in (("add", add_rates), ("between", between_rates)):
            if op not in rates:
                continue
            parts = ", ".join(
                f"{kind} {engine_rates[kind] / rates[op]:,.0f}x" for kind in ("datetime", "epoch", "batch")
            )
            target = TARGETS.get(peer)
            verdict = ""
            if target is not None:
                worst = min(engine_rates["datetime"], engine_rates["epoch"]) / rates[op]
                verdict = f"  [per-call target {target:.0f}x: {'met' if worst >= target else 'NOT met'}]"
            print(f"  vs {peer:<18} {op:<8} {parts}{verdict}")
    for op, rate in (("add", rate_np), ("between", brate_np)):
        print(
            f"  batch {op}: {rate:,.0f}/s [target {BATCH_TARGET:,}/s: {'met' if rate >= BATCH_TARGET else 'NOT met'}]"
        )

    memory(model_cal, tz)
    return 0


def bench_btd(
    model_cal: Any, tz: ZoneInfo, dts: list[dt.datetime], uds: list[dt.datetime], r_ep: list[int], b_ep: list[int]
) -> dict[str, float]:
    """businesstimedelta with a lunch rule and the holidays package's JP calendar."""
    try:
        import businesstimedelta as btd
        import holidays
        import pytz
    except ImportError:
        print("\n  businesstimedelta: not installed (pip install '.[bench]')")
        return {}
    ptz = pytz.timezone(tz.key)
    if model_cal.timezone:  # the richer calendar: a rule per shape of day, lunch, English holidays
        hol = holidays.country_holidays("GB", subdiv="ENG", years=range(2025, 2029))
        rules = btd.Rules(
            [
                btd.WorkDayRule(start_time=dt.time(9), end_time=dt.time(17, 30), working_days=[0, 1, 2, 3], tz=ptz),
                btd.WorkDayRule(start_time=dt.time(9), end_time=dt.time(16), working_days=[4], tz=ptz),
                btd.WorkDayRule(start_time=dt.time(10), end_time=dt.time(13), working_days=[5], tz=ptz),
                btd.LunchTimeRule(
                    start_time=dt.time(12, 30), end_time=dt.time(13, 30), working_days=[0, 1, 2, 3, 4], tz=ptz
                ),
                btd.HolidayRule(hol, tz=ptz),
            ]
        )
    else:
        jp = holidays.country_holidays("JP", years=range(2025, 2029))
        days = [w.index for w in model_cal.days]
        rules = btd.Rules(
            [
                btd.WorkDayRule(start_time=dt.time(10), end_time=dt.time(18), working_days=days, tz=ptz),
                btd.LunchTimeRule(start_time=dt.time(12), end_time=dt.time(13), working_days=days, tz=ptz),
                btd.HolidayRule(jp, tz=ptz),
            ]
        )
    four = btd.BusinessTimeDelta(rules, hours=4)
    n = len(dts)
    print(f"\nbusinesstimedelta on {n:,} rows")
    res, s = timed(lambda: [t + four for t in dts])
    add_rate = row("add", n, s)
    diff, s = timed(lambda: [rules.difference(t, u).timedelta for t, u in zip(dts, uds, strict=True)])
    between_rate = row("between (rules.difference)", n, s)
    same_add = sum(int(x.timestamp()) == y for x, y in zip(res, r_ep, strict=False))
    same_between = sum(int(d.total_seconds()) == b for d, b in zip(diff, b_ep, strict=False))
    print(f"  agreement with this engine: add {same_add:,}/{n:,}, between {same_between:,}/{n:,}")
    return {"add": add_rate, "between": between_rate}


def bench_pandas(tz: ZoneInfo, dts: list[dt.datetime], r_ep: list[int], rich: bool = False) -> dict[str, float]:
    """pandas CustomBusinessHour with two opening ranges and the national holidays."""
    try:
        import holidays
        import pandas as pd
    except ImportError:
        print("\n  pandas: not installed (pip install '.[bench]')")
        return {}
    if rich:
        gb = sorted(holidays.country_holidays("GB", subdiv="ENG", years=range(2025, 2029)))
        cbh = pd.offsets.CustomBusinessHour(start=["09:00", "13:30"], end=["12:30", "17:30"], holidays=gb)
        four = 4 * cbh
        stamps = [pd.Timestamp(t.replace(tzinfo=None)) for t in dts]
        print(f"\npandas CustomBusinessHour on {len(dts):,} rows (Mon-Fri hours only: it has no per-weekday hours)")
        _, s = timed(lambda: [p + four for p in stamps])
        return {"add": row("add", len(dts), s)}
    jp = sorted(holidays.country_holidays("JP", years=range(2025, 2029)))
    cbh = pd.offsets.CustomBusinessHour(start=["10:00", "13:00"], end=["12:00", "18:00"], holidays=jp)
    four = 4 * cbh
    stamps = [pd.Timestamp(t.replace(tzinfo=None)) for t in dts]  # naive Tokyo wall time
    n = len(dts)
    print(f"\npandas CustomBusinessHour on {n:,} rows (add only: no business-time difference in pandas)")
    res, s = timed(lambda: [p + four for p in stamps])
    rate = row("add", n, s)
    same = closing = other = 0
    for p, ours in zip(res, r_ep, strict=False):
        theirs = int(p.tz_localize(tz).timestamp())
        if theirs == ours:
            same += 1
            continue
        close = dt.datetime.fromtimestamp(ours, tz)
        # pandas' convention: a result on a closing time becomes the next opening.
        if close.time() in (dt.time(12), dt.time(18)) and theirs > ours and _is_next_opening(theirs, ours, tz):
            closing += 1
        else:
            other += 1
    print(
        f"  agreement with this engine: {same:,}/{n:,} equal; {closing:,} on a closing time "
        f"(pandas gives the next opening); {other:,} other differences"
    )
    monday = dt.datetime(2026, 11, 30, 14, tzinfo=tz)
    ours_dt = dt.datetime.fromtimestamp(_engine_add(monday, tz), tz)
    print(
        f"  convention: Mon 2026-11-30 14:00 + 4 h = {(pd.Timestamp('2026-11-30 14:00') + four):%a %H:%M} for pandas,"
        f" {ours_dt:%a %H:%M} here (reading 4: a deadline may fall on the close)"
    )
    return {"add": rate}


def _engine_add(t: dt.datetime, tz: ZoneInfo) -> int:
    from sla_dsl import load_policy

    cal = load_policy(ROOT / "policies" / "clicksoko.sla").calendar("business")
    return cal.add_epoch(int(t.timestamp()), 4 * 3600)


def _is_next_opening(theirs: int, ours: int, tz: ZoneInfo) -> bool:
    t = dt.datetime.fromtimestamp(theirs, tz)
    return t.time() in (dt.time(10), dt.time(13)) and theirs - ours < 30 * 86400


def bench_reference(
    model_cal: Any, tz: ZoneInfo, dts: list[dt.datetime], uds: list[dt.datetime], r_ep: list[int], b_ep: list[int]
) -> dict[str, float]:
    """The test suite's slow, obviously-correct reference (walks day by day)."""
    sys.path.insert(0, str(ROOT / "tests" / "calendar"))
    from calendar_reference import SlowCalendar

    ref = SlowCalendar(model_cal, tz.key)
    n = len(dts)
    print(f"\nslow reference (tests/calendar/calendar_reference.py) on {n:,} rows")
    res, s = timed(lambda: [ref.add(t, FOUR_HOURS) for t in dts])
    add_rate = row("add", n, s)
    diff, s = timed(lambda: [ref.between(t, u) for t, u in zip(dts, uds, strict=True)])
    between_rate = row("between", n, s)
    same_add = sum(int(x.timestamp()) == y for x, y in zip(res, r_ep, strict=False))
    same_between = sum(int(d.total_seconds()) == b for d, b in zip(diff, b_ep, strict=False))
    print(f"  agreement with this engine: add {same_add:,}/{n:,}, between {same_between:,}/{n:,}")
    return {"add": add_rate, "between": between_rate}


def memory(model_cal: Any, tz: ZoneInfo) -> None:
    """Index memory for ten years (2026-2035), estimated and traced."""

    def build(cal: BusinessCalendar) -> None:
        cal.prepare(2026, 2035)
        cal._arrays()  # the numpy copies the batch forms use

    _, untraced = timed(lambda: build(BusinessCalendar(model_cal, tz)))
    tracemalloc.start()
    cal = BusinessCalendar(model_cal, tz)
    base = tracemalloc.get_traced_memory()[0]
    build(cal)
    traced = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    arrays = sum(a.nbytes for a in cal._arrays())
    print("\nIndex for ten years (2026-2035)")
    print(f"  intervals: {len(cal._arrays()[0]) - 1:,}; built in {untraced * 1e3:.0f} ms")
    print(f"  numpy arrays {arrays / 1024:,.0f} KiB; lists + arrays {cal.memory_bytes() / 2**20:.2f} MiB")
    print(f"  traced allocation while building (incl. holiday tables and caches) {traced / 2**20:.2f} MiB")
    print(f"  [target < 32 MiB: {'met' if traced < 32 * 2**20 else 'NOT met'}]")


if __name__ == "__main__":
    sys.exit(main())

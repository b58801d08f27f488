"""Benchmark: a year's log of 1,000,000 events evaluated end to end from the file.

Writes a generated log (about 200,000 incidents plus outages, stop notices and
backups) to a temporary file, then, each in a fresh child process so that its
peak memory is its own:

* ``sla evaluate``: the command itself (the console script's entry point,
  ``python -m sla_dsl._entry``), timed from outside from start to exit, its
  report written to a file, once per output format: ``text`` (the default), ``json`` (every verdict explained, with the
  day-by-day walk, the default) and ``json --no-walk``;
* ``sla API`` (with ``--api``): ``read_events`` + ``evaluate_log``, the whole
  pydantic ``Report`` of the Python API (its incident rows and violations are
  built when read: none is read here); and, in another child, the same followed
  by ``report.model_dump_json()`` (every row built, explained and serialised);
* ``peer``: a naive per-event implementation of the response targets only:
  ``json.loads`` and ``datetime.fromisoformat`` per line, a dict per event,
  ``businesstimedelta`` for the business-time arithmetic.

Prints seconds, CPU seconds (user + system, from ``wait4``: the figure to
compare on a shared machine), events/second and peak memory of each, the load
average when the run started and ended, and the ratios. Memory
is the largest single process's peak RSS, and the peak of the RSS of the
command and the renderer it forks added up (``/proc/PID/status``, sampled
every 20 ms; shared pages counted twice, so an upper bound). Not a test: no timing is asserted anywhere.
Run: ``python bench/evaluate.py [--events N] [--api] [--no-peer] [--policy clicksoko|paused]``.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLICY = Path(os.environ.get("SLA_BENCH_POLICY") or ROOT / "policies" / "clicksoko.sla")

#: ``--policy paused``: Click So-ko with a resolution target on every priority, measured on a
#: clock that pauses while the customer is asked for information (issue 12): every incident
#: takes the per-incident path and judges its named targets.
PAUSED_CLOCK = """
clock resolution "解決までの時間" / "Time to resolution" [art 3.2] {
  starts at incident.product_suspected, else incident.reported
  pauses at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  at risk at 75% of target
}
"""
PAUSED_TARGETS = {
    "  respond within 4 business hours\n": "  resolve within 3 business days on resolution\n",
    "  respond within 1 business day ": "  resolve within 10 business days on resolution\n",
    "  respond within 5 business days ": "  resolve within 20 business days on resolution\n",
}


def paused_policy(directory: Path) -> Path:
    """Write the ``--policy paused`` bench policy into ``directory``."""
    text = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
    for anchor, line in PAUSED_TARGETS.items():
        text = text.replace(anchor, anchor.rstrip(" ") + ("" if anchor.endswith("\n") else "\n") + line, 1)
    path = directory / "paused-resolution.sla"
    path.write_text(text + PAUSED_CLOCK, "utf-8")
    return path


TZ = dt.timezone(dt.timedelta(hours=9))
YEAR0 = dt.datetime(2026, 1, 1, tzinfo=TZ)


def generate(path: Path, n_events: int, seed: int = 7, replies: bool = False) -> int:
    """Write about ``n_events`` events; return the number written. ``replies``: half the
    incidents get a customer reply a day after the information (resuming a paused clock)."""
    rng = random.Random(seed)
    year = 365 * 86400
    lines: list[str] = []
    written = 0

    def put(event: str, at: float, ident: str, **fields: str) -> None:
        nonlocal written
        t = (YEAR0 + dt.timedelta(seconds=int(at))).isoformat()
        lines.append(json.dumps({"event": event, "at": t, "id": ident, **fields}))
        written += 1

    with path.open("w", encoding="utf-8") as fh:
        day_kinds = ("database", "files", "machine_image")
        for d in range(365):
            for k in day_kinds:
                put("backup.completed", d * 86400 + 7200, f"{k}-{d}", kind=k)
            for h in range(0, 24, 6):
                put(
                    "backup.completed",
                    d * 86400 + h * 3600 + 300,
                    f"cb-{d}-{h}",
                    kind="continuous",
                    zone="az-c",
                    primary_zone="az-a",
                )
        n_out = max(n_events // 200, 10)
        for i in range(n_out):
            s = rng.uniform(0, year - 86400)
            put("outage.started", s, f"OUT-{i}", cause=rng.choice(["failure", "failure", "emergency", "force_majeure"]))
            put("outage.recognized", s + 300, f"OUT-{i}")
            put("outage.notified", s + rng.uniform(600, 20000), f"OUT-{i}")
            put("outage.ended", s + rng.uniform(300, 7200), f"OUT-{i}")
        for i in range(max(n_events // 20000, 2)):
            s = rng.uniform(8 * 86400, year - 86400)
            put(
                "stop.announced",
                s - rng.uniform(3, 10) * 86400,
                f"STOP-{i}",
                channel="email",
                start=(YEAR0 + dt.timedelta(seconds=int(s))).isoformat(),
                end=(YEAR0 + dt.timedelta(seconds=int(s + 7200))).isoformat(),
            )
        fh.write("\n".join(lines) + "\n")
        lines.clear()
        i = 0
        while written < n_events:
            i += 1
            ident = f"INC-{i}"
            s = rng.uniform(0, year - 30 * 86400)
            put("incident.reported", s, ident, priority=rng.choice(["P1", "P2", "P3"]))
            if rng.random() < 0.6:
                s += rng.uniform(600, 7200)
                put("incident.product_suspected", s, ident)
            put("incident.responded", s + rng.uniform(600, 4 * 86400), ident)
            info = s + rng.uniform(4 * 86400, 6 * 86400)
            put("incident.info_provided", info, ident)
            if replies and rng.random() < 0.5:
                put("incident.customer_replied", info + 86400, ident)
            if rng.random() < 0.5:
                put("incident.resolved", s + rng.uniform(6 * 86400, 9 * 86400), ident)
            if len(lines) >= 50_000:
                fh.write("\n".join(lines) + "\n")
                lines.clear()
        fh.write("\n".join(lines) + "\n")
    return written


def cli_command(path: str, fmt: str, walk: bool) -> list[str]:
    """``sla evaluate POLICY EVENTS --from 2026-01-01 --to 2027-01-01 --format FMT``, as the console script runs."""
    argv = ["evaluate", str(POLICY), path, "--from", "2026-01-01", "--to", "2027-01-01", "--format", fmt]
    return [sys.executable, "-m", "sla_dsl._entry", *argv, *([] if walk else ["--no-walk"])]


def run_api(path: str, dump: bool = False) -> dict[str, float]:
    """Child: the Python API, ``read_events`` + ``evaluate_log`` (the whole Report model); with ``dump``,
    then ``report.model_dump_json()``."""
    import sla_dsl
    from sla_dsl.evaluation import evaluate_log
    from sla_dsl.reader import read_events

    policy = sla_dsl.load_policy(POLICY)
    t0 = time.perf_counter()
    log = read_events(path)
    t1 = time.perf_counter()
    report = evaluate_log(policy, log, YEAR0, YEAR0.replace(year=2027))
    t2 = time.perf_counter()
    out = {
        "events": log.count,
        "read_s": t1 - t0,
        "eval_s": t2 - t1,
        "total_s": t2 - t0,
        "incidents": len(report.incidents),
        "violations": len(report.violations),
    }
    if dump:
        out["json_mib"] = len(report.model_dump_json()) / 2**20
        out["dump_s"] = time.perf_counter() - t2
        out["total_s"] = time.perf_counter() - t0
    return out


def run_peer(path: str) -> dict[str, float]:
    """Child: the naive per-event peer (response targets only), businesstimedelta arithmetic."""
    import businesstimedelta as btd
    import holidays

    jp = holidays.country_holidays("JP", years=range(2025, 2029))
    hours = [
        btd.WorkDayRule(start_time=dt.time(10), end_time=dt.time(12), working_days=[0, 1, 2, 3, 4]),
        btd.WorkDayRule(start_time=dt.time(13), end_time=dt.time(18), working_days=[0, 1, 2, 3, 4]),
    ]
    rule = btd.Rules([*hours, btd.HolidayRule(jp)])
    target = {p: btd.BusinessTimeDelta(rule, hours=h) for p, h in (("P1", 4), ("P2", 7), ("P3", 35))}
    t0 = time.perf_counter()
    events: list[dict[str, object]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            e = json.loads(line)
            e["at"] = dt.datetime.fromisoformat(e["at"]).replace(tzinfo=None)  # btd works on naive Tokyo times
            events.append(e)
    events.sort(key=lambda e: e["at"])  # type: ignore[arg-type, return-value]
    by: dict[str, dict[str, object]] = {}
    for e in events:
        if str(e["event"]).startswith("incident."):
            by.setdefault(str(e["id"]), {})
            by[str(e["id"])].setdefault(str(e["event"]), e)
    met = breached = 0
    for inc in by.values():
        rep = inc["incident.reported"]
        start = (inc.get("incident.product_suspected") or rep)["at"]  # type: ignore[index]
        due = (start + target[rep["priority"]]).replace(tzinfo=None)  # type: ignore[index]
        resp = inc.get("incident.responded")
        if resp is not None and resp["at"] <= due:  # type: ignore[index]
            met += 1
        else:
            breached += 1
    t1 = time.perf_counter()
    return {"events": len(events), "total_s": t1 - t0, "incidents": len(by), "met": met, "breached": breached}


def _tree_rss_kib(pid: int) -> int:
    """RSS in KiB summed over ``pid`` and its children (``sla`` forks a renderer for JSON).

    Read from ``/proc/PID/status``, which costs the process nothing (reading
    ``smaps_rollup`` for PSS every few milliseconds walks its page tables under
    its memory lock and slowed the measured command by 20%). A page the child
    shares copy-on-write with its parent counts in both, so the sum is an upper
    bound of the memory the command holds."""
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            pids += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def child(kind: str, path: str) -> dict[str, float]:
    """Run one measurement in a fresh process; add its peak memory in MiB (the process's own
    peak RSS, and the peak of its RSS and its children's added up, sampled every 20 ms).

    ``sla`` runs are the command itself, timed from outside from start to exit
    (interpreter start, imports, policy, read, judge, write), the report written to a file."""
    cli = kind in CLI_RUNS
    out_path = f"{path}.{kind}.out"
    t0 = time.perf_counter()
    with open(out_path, "wb") as sink:
        proc = subprocess.Popen(
            cli_command(path, *CLI_RUNS[kind]) if cli else [sys.executable, __file__, "--child", kind, path],
            stdout=sink if cli else subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.02):
                peak[0] = max(peak[0], _tree_rss_kib(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out = b"" if proc.stdout is None else proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{kind} failed with status {proc.returncode}")
    if cli:
        result: dict[str, float] = {"total_s": elapsed, "output_mib": os.path.getsize(out_path) / 2**20}
    else:
        result = json.loads(out)
    os.unlink(out_path)
    result["peak_rss_mib"] = usage.ru_maxrss / 1024
    result["cpu_s"] = usage.ru_utime + usage.ru_stime
    result["tree_rss_mib"] = peak[0] / 1024
    return result


CLI_RUNS = {
    "sla-text": ("text", True),
    "sla-json": ("json", True),
    "sla-json-nowalk": ("json", False),
}


def compile_package() -> str:
    """Byte-compile the ``sla_dsl`` the children import, as a wheel's install does, and say so.

    An editable install compiles each module when first imported and caches it, unless the
    environment says not to (``PYTHONDONTWRITEBYTECODE``, set on some CI machines): then every
    run compiles the whole package again, about 0.2 CPU s that no installed user pays."""
    spec = importlib.util.find_spec("sla_dsl")
    assert spec is not None and spec.submodule_search_locations
    where = spec.submodule_search_locations[0]
    compileall.compile_dir(where, quiet=1)
    return f"sla_dsl byte-compiled in {where} (as installed from a wheel)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--api", action="store_true", help="also measure the Python API (the whole Report model)")
    ap.add_argument(
        "--policy",
        choices=("clicksoko", "paused"),
        default="clicksoko",
        help="paused: a resolution target on a clock that pauses (issue 12)",
    )
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, path = args.child
        res = run_peer(path) if kind == "peer" else run_api(path, dump=kind == "api-json")
        print(json.dumps(res))
        return
    global POLICY
    print(compile_package())
    load0 = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as tmp:
        if args.policy == "paused":
            POLICY = paused_policy(Path(tmp))
            os.environ["SLA_BENCH_POLICY"] = str(POLICY)
            print(f"policy: {POLICY.name} (clicksoko.sla with a paused resolution clock)")
        path = Path(tmp) / "events.jsonl"
        t0 = time.perf_counter()
        n = generate(path, args.events, replies=args.policy == "paused")
        print(f"generated {n:,} events ({path.stat().st_size / 2**20:.0f} MiB) in {time.perf_counter() - t0:.1f} s")
        rows = [
            ("sla evaluate --format text", child("sla-text", str(path))),
            ("sla evaluate --format json", child("sla-json", str(path))),
            ("sla evaluate --format json --no-walk", child("sla-json-nowalk", str(path))),
        ]
        if args.api:
            rows.append(("sla API: evaluate_log -> Report", child("api", str(path))))
            rows.append(("sla API: ... + model_dump_json()", child("api-json", str(path))))
        if not args.no_peer:
            rows.append(("peer: per-event + businesstimedelta", child("peer", str(path))))
    base = rows[0][1]
    print(f"load average {load0} at the start, {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")
    print(f"{'':38} {'seconds':>8} {'CPU s':>7} {'events/s':>10} {'peak RSS':>9} {'tree RSS':>9}  notes")
    for name, r in rows:
        rate = n / r["total_s"]
        if "output_mib" in r:
            note = f"end to end (imports, policy, read, judge, write); {r['output_mib']:.0f} MiB of output"
        elif "read_s" in r:
            note = f"read {r['read_s']:.1f} s + evaluate {r['eval_s']:.1f} s; {int(r['incidents']):,} incidents; "
            if "dump_s" in r:
                note += f"model_dump_json {r['dump_s']:.1f} s, {r['json_mib']:.0f} MiB"
            else:
                note += "no output"
        else:
            note = f"response targets only; {int(r['incidents']):,} incidents; no output"
        ratio = "" if r is base else f" ({r['total_s'] / base['total_s']:.1f}x the time of the first row)"
        print(
            f"{name:38} {r['total_s']:8.2f} {r['cpu_s']:7.2f} {rate:10,.0f} {r['peak_rss_mib']:5.0f} MiB"
            f" {r['tree_rss_mib']:5.0f} MiB"
            f"  {note}{ratio}"
        )
    print(
        "peak RSS: the largest single process (wait4); tree RSS: the command and the renderer it forks added up"
        " (pages they share counted twice), sampled every 20 ms"
    )


if __name__ == "__main__":
    main()

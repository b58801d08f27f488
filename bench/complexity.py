"""Complexity bench: does the work grow in proportion to the input? (issue 17)

Two inputs that once took quadratic time, and a whole evaluation, each at
sizes 1x, 2x, 4x and 8x:

* ``check: unclosed blocks``: ``sla check`` on a policy of N lines
  ``calendar c {``, none closed (the parser's error recovery);
* ``evaluate: same-instant backups``: ``sla evaluate`` of N ``backup.completed``
  events of one id at one instant, each in another zone (the duplicate scan);
* ``evaluate: generated log``: ``sla evaluate --format json`` of a year of
  generated incidents, outages and backups, about N events.

Each measurement runs in a fresh child process that imports the package, warms
up on a tiny input of the same kind, then times the command in process
(``sla_dsl.cli.app.main``; the best of three runs while they are short), so
interpreter start-up, first imports and noise do not blur the ratios. Prints
the seconds per size and time(8x)/time(1x); the exit status is 1 when a ratio
is over ``--bound`` (20: eight times the input in more than twenty times the
time) or a run passes ``--timeout``. The base sizes are large enough that the
1x run is not all fixed cost; the garbage collector's passes still make a
linear case read 8 to 15. A bench, run by hand, never a test:
``python bench/complexity.py [--scale 0.5] [--only evaluate] [--bound 20]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLICY = ROOT / "policies" / "clicksoko.sla"
TZ = dt.timezone(dt.timedelta(hours=9))
SIZES = (1, 2, 4, 8)


def write_unclosed(path: Path, n: int) -> list[str]:
    """A policy of ``n`` unclosed blocks; the ``sla`` arguments that check it."""
    path.write_text("calendar c {\n" * n, encoding="utf-8")
    return ["check", str(path)]


def write_same_instant_backups(path: Path, n: int) -> list[str]:
    """``n`` completions of one backup id at one instant, in ``n`` zones; the arguments that judge them."""
    at = "2026-11-02T02:00:00+09:00"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            event = {"event": "backup.completed", "at": at, "id": "B-1", "kind": "database", "zone": f"z{i}"}
            fh.write(json.dumps(event) + "\n")
    return ["evaluate", str(POLICY), str(path), "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]


def write_year_log(path: Path, n: int, seed: int = 17) -> list[str]:
    """About ``n`` events over 2026: incidents of every priority, outages, daily backups; the arguments."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 1, 1, tzinfo=TZ)
    lines: list[str] = []

    def put(event: str, seconds: float, ident: str, **fields: str) -> None:
        at = (start + dt.timedelta(seconds=int(seconds))).isoformat()
        lines.append(json.dumps({"event": event, "at": at, "id": ident, **fields}))

    for day in range(365):
        for kind in ("database", "files", "machine_image"):
            put("backup.completed", day * 86400 + 7200, f"{kind}-{day}", kind=kind)
    i = 0
    while len(lines) < n:
        i += 1
        s = rng.uniform(0, 330 * 86400)
        if i % 25 == 0:
            put("outage.started", s, f"OUT-{i}", cause=rng.choice(["failure", "force_majeure"]))
            put("outage.recognized", s + 300, f"OUT-{i}")
            put("outage.notified", s + rng.uniform(600, 20000), f"OUT-{i}")
            put("outage.ended", s + rng.uniform(300, 7200), f"OUT-{i}")
            continue
        put("incident.reported", s, f"INC-{i}", priority=rng.choice(["P1", "P2", "P3"]))
        put("incident.responded", s + rng.uniform(600, 4 * 86400), f"INC-{i}")
        if rng.random() < 0.5:
            put("incident.info_provided", s + rng.uniform(4 * 86400, 6 * 86400), f"INC-{i}")
        put("incident.resolved", s + rng.uniform(6 * 86400, 9 * 86400), f"INC-{i}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["evaluate", str(POLICY), str(path), "--from", "2026-01-01", "--to", "2027-01-01", "--format", "json"]


#: Name -> (file suffix, base size N at 1x, writer).
CASES: dict[str, tuple[str, int, Callable[[Path, int], list[str]]]] = {
    "check: unclosed blocks": (".sla", 10_000, write_unclosed),
    "evaluate: same-instant backups": (".jsonl", 2_500, write_same_instant_backups),
    "evaluate: generated log": (".jsonl", 5_000, write_year_log),
}


def child(name: str, n: int, folder: Path) -> None:
    """In a fresh process: warm up on a tiny input, then time one run at size ``n``; print the seconds."""
    from sla_dsl.cli.app import main

    gc.disable()  # as the `sla` console script does for every command but `lsp` (sla_dsl/_entry.py)

    suffix, _, write = CASES[name]

    def once(argv: list[str]) -> tuple[float, int]:
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        with redirect_stdout(out), redirect_stderr(io.StringIO()):
            began = time.perf_counter()
            code = main(argv)
            return time.perf_counter() - began, code

    once(write(folder / f"warm-up{suffix}", 20))
    argv = write(folder / f"input{suffix}", n)
    runs = [once(argv)]
    while len(runs) < 3 and sum(t for t, _ in runs) < 2.0:  # small sizes: the best of three, against noise
        runs.append(once(argv))
    seconds, code = min(runs)
    print(json.dumps({"seconds": seconds, "exit": code}))


def measure(name: str, n: int, timeout: float) -> tuple[float | None, int]:
    """Seconds for case ``name`` at size ``n`` (``None`` past ``timeout``), and the command's exit status."""
    with tempfile.TemporaryDirectory(prefix="sla-complexity-") as folder:
        argv = [sys.executable, __file__, "--child", name, str(n), folder]
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return None, -1
    if proc.returncode != 0:
        raise SystemExit(f"complexity: the child for `{name}` at {n:,} failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return float(result["seconds"]), int(result["exit"])


def main() -> int:
    """Measure every case at 1x, 2x, 4x, 8x; print the table; 1 if a ratio is over the bound."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size (default 1)")
    parser.add_argument("--bound", type=float, default=20.0, help="largest acceptable time(8x)/time(1x) (default 20)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds allowed for one run (default 600)")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this text")
    parser.add_argument("--child", nargs=3, metavar=("CASE", "N", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, n, folder = args.child
        child(name, int(n), Path(folder))
        return 0
    failed = False
    print(f"{'case':32} {'N at 1x':>8} " + " ".join(f"{f'{s}x':>9}" for s in SIZES) + f" {'8x/1x':>7}  exit")
    for name, (_, base, _) in CASES.items():
        if args.only not in name:
            continue
        n1 = max(1, int(base * args.scale))
        times: list[float | None] = []
        exits: set[int] = set()
        for size in SIZES:
            seconds, code = measure(name, n1 * size, args.timeout)
            times.append(seconds)
            exits.add(code)
            if seconds is None:
                break
        cells = [f"{t:8.2f}s" if t is not None else f"{'>' + format(args.timeout, 'g'):>8}s" for t in times]
        cells += ["-" * 9] * (len(SIZES) - len(cells))
        first, last = times[0], times[-1] if len(times) == len(SIZES) else None
        ratio = last / first if first and last is not None else float("inf")
        over = ratio > args.bound
        failed |= over
        mark = "  <- over the bound" if over else ""
        print(f"{name:32} {n1:>8,} {' '.join(cells)} {ratio:7.1f}  {sorted(exits)}{mark}", flush=True)
    print(f"bound: time(8x)/time(1x) <= {args.bound:g} (linear is about 8, quadratic about 64)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

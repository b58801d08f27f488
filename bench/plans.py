"""How much a log whose incidents carry attributes costs (issue 13).

Incidents with ``attributes`` that select another rule than the defaults are
handed from the columnar path to the per-incident path; this prints the time
of judging the same log with no attributes, with the default plan given
explicitly (still columnar) and with half of them premium, and the ratios.
Run: ``python bench/plans.py [N]`` (N incidents, 20,000 by default).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from

TZ = ZoneInfo("Asia/Tokyo")
POLICY = Path(__file__).resolve().parents[1] / "policies" / "examples" / "plans.sla"


def log(n: int, plan: str | None, share: float) -> list[dict[str, Any]]:
    rnd = random.Random(13)
    base = dt.datetime(2026, 11, 2, tzinfo=TZ)
    out: list[dict[str, Any]] = []
    for i in range(n):
        at = base + dt.timedelta(minutes=rnd.randrange(0, 40 * 24 * 60))
        e: dict[str, Any] = {"event": "incident.reported", "at": at.isoformat(), "id": f"I{i}", "priority": "P1"}
        if plan is not None and rnd.random() < share:
            e["attributes"] = {"plan": plan}
        out.append(e)
        later = at + dt.timedelta(minutes=rnd.randrange(10, 600))
        out.append({"event": "incident.responded", "at": later.isoformat(), "id": f"I{i}"})
    return out


def timed(policy: Any, events: list[dict[str, Any]]) -> float:
    start, end = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2027, 1, 1, tzinfo=TZ)
    best = float("inf")
    for _ in range(3):
        lg = log_from(events)
        t0 = time.perf_counter()
        judge_log(policy, lg, start, end).report()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    policy = sla_dsl.load_policy(POLICY)
    plain = timed(policy, log(n, None, 0))
    default = timed(policy, log(n, "standard", 1.0))
    half = timed(policy, log(n, "premium", 0.5))
    print(f"{n} incidents, best of 3 (judging and building the report; reading not counted)")
    print(f"  no attributes          {plain:7.3f} s  1.00x")
    print(f"  plan standard on all   {default:7.3f} s  {default / plain:.2f}x")
    print(f"  plan premium on half   {half:7.3f} s  {half / plain:.2f}x")


if __name__ == "__main__":
    main()

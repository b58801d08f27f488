"""Write ``events-2026-11.jsonl``: a realistic November 2026 for Click So-ko.

Deterministic (fixed seed). The log is merged from three systems, so it is in
source order, not time order: the ticket system's incidents, then monitoring's
outages and stop notices, then the backup jobs; one line is repeated, as
happens when two exports overlap. Run: ``python examples/make_events.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from zoneinfo import ZoneInfo

import sla_dsl

HERE = Path(__file__).parent
TZ = ZoneInfo("Asia/Tokyo")
POLICY = sla_dsl.load_policy(HERE.parent / "policies" / "clicksoko.sla")
HOUR = dt.timedelta(hours=1)


def t(day: int, hh: int, mm: int = 0, month: int = 11) -> dt.datetime:
    """A Tokyo time in November 2026 (or another month)."""
    return dt.datetime(2026, month, day, hh, mm, tzinfo=TZ)


def iso(x: dt.datetime) -> str:
    return x.isoformat()


def ev(event: str, at: dt.datetime, ident: str, **fields: str) -> dict[str, str]:
    return {"event": event, "at": iso(at), "id": ident, **fields}


def incidents(rng: random.Random) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    n = 0
    for prio, count in (("P1", 24), ("P2", 30), ("P3", 30)):
        target = POLICY.duration_delta(POLICY.priority(prio).target.duration)  # type: ignore[union-attr]
        for k in range(count):
            n += 1
            ident = f"INC-{n:03d}"
            day = 2 + (k * 27) // count
            reported = t(day, rng.choice([8, 9, 10, 11, 13, 14, 15, 16, 17, 19]), rng.choice([0, 15, 30, 45]))
            fields = {"priority": prio}
            if n in (7, 55):
                fields["cause"] = "customer_fault"
            out.append(ev("incident.reported", reported, ident, **fields))
            start = reported
            if rng.random() < 0.6:
                start = POLICY.add_business_time(reported, dt.timedelta(minutes=rng.choice([10, 30, 60, 90])))
                out.append(ev("incident.product_suspected", start, ident))
            if k % 9 == 4:  # reprioritised later; the clock keeps its start
                new = {"P1": "P2", "P2": "P1", "P3": "P2"}[prio]
                out.append(
                    ev("incident.reprioritized", POLICY.add_business_time(start, 0.3 * HOUR), ident, priority=new)
                )
                target = POLICY.duration_delta(POLICY.priority(new).target.duration)  # type: ignore[union-attr]
            roll = rng.random()
            if k in (count - 1, count - 2) and prio != "P1":
                responded = None  # still open (or at risk) at the end of the month
            elif roll < 0.12:
                responded = POLICY.add_business_time(start, target * 1.3)  # late
            else:
                responded = POLICY.add_business_time(start, target * rng.uniform(0.1, 0.9))
            target = POLICY.duration_delta(POLICY.priority(prio).target.duration)  # type: ignore[union-attr]
            if responded is None:
                continue
            out.append(ev("incident.responded", responded, ident))
            info = POLICY.add_business_time(responded, HOUR * rng.uniform(1, 14))
            out.append(ev("incident.info_provided", info, ident))
            fate = rng.random()
            if prio == "P1" or fate < 0.45:
                out.append(ev("incident.resolved", POLICY.add_business_time(info, HOUR * rng.uniform(1, 20)), ident))
            elif fate < 0.7:
                reply = POLICY.add_business_time(info, HOUR * rng.uniform(2, 30))
                out.append(ev("incident.customer_replied", reply, ident))
                out.append(ev("incident.resolved", POLICY.add_business_time(reply, HOUR * rng.uniform(1, 20)), ident))
            # else: silence; completes 10 business days after the information
    return out


def outages() -> list[dict[str, str]]:
    out = [
        # a failure in business hours: recognised at once, notified in time
        ev("outage.started", t(5, 14, 10), "OUT-01", cause="failure"),
        ev("outage.recognized", t(5, 14, 20), "OUT-01"),
        ev("outage.notified", t(5, 15, 30), "OUT-01"),
        ev("outage.ended", t(5, 15, 0), "OUT-01"),
        # overlaps OUT-01 (another component): overlapping time counts once
        ev("outage.started", t(5, 14, 40), "OUT-02", cause="failure"),
        ev("outage.ended", t(5, 15, 20), "OUT-02"),
        # at night: the notice target does not apply
        ev("outage.started", t(12, 20, 30), "OUT-03", cause="failure"),
        ev("outage.recognized", t(12, 20, 40), "OUT-03"),
        ev("outage.ended", t(12, 21, 15), "OUT-03"),
        # an emergency stop without notice: allowed, but downtime; notice late
        ev("outage.started", t(18, 11, 0), "OUT-04", cause="emergency"),
        ev("outage.recognized", t(18, 11, 0), "OUT-04"),
        ev("outage.ended", t(18, 11, 45), "OUT-04"),
        ev("outage.notified", t(18, 15, 30), "OUT-04"),
        # an earthquake: Article 4, excluded
        ev("outage.started", t(20, 3, 0), "OUT-05", cause="force_majeure"),
        ev("outage.ended", t(20, 5, 0), "OUT-05"),
        # the planned stop noticed in time
        ev("outage.started", t(10, 1, 0), "OUT-06", cause="planned"),
        ev("outage.ended", t(10, 2, 50), "OUT-06"),
        # the planned stop noticed too late: counts as downtime
        ev("outage.started", t(25, 1, 0), "OUT-07", cause="planned"),
        ev("outage.ended", t(25, 1, 40), "OUT-07"),
        # runs into the 4th-Thursday maintenance window (22:00-24:00)
        ev("outage.started", t(26, 21, 30), "OUT-08", cause="failure"),
        ev("outage.ended", t(26, 22, 40), "OUT-08"),
        # recognised in business hours, no notice sent at all
        ev("outage.started", t(27, 16, 0), "OUT-09", cause="failure"),
        ev("outage.recognized", t(27, 16, 5), "OUT-09"),
        ev("outage.ended", t(27, 16, 25), "OUT-09"),
        # across the end of the period
        ev("outage.started", t(30, 23, 30), "OUT-10", cause="failure"),
        ev("outage.ended", t(1, 0, 20, month=12), "OUT-10"),
        # stop notices
        ev("stop.announced", t(2, 17, 0), "STOP-01", channel="email", start=iso(t(10, 1, 0)), end=iso(t(10, 3, 0))),
        ev("stop.announced", t(19, 10, 0), "STOP-02", channel="web", start=iso(t(25, 1, 0)), end=iso(t(25, 2, 0))),
        ev("stop.announced", t(20, 9, 0), "STOP-02", channel="email", start=iso(t(25, 1, 0)), end=iso(t(25, 2, 0))),
    ]
    return out


def backups() -> list[dict[str, str]]:
    out = []
    for day in (15, 16):  # October database dumps, one of them deleted early in November
        out.append(ev("backup.completed", t(day, 2, 0, month=10), f"DB-10{day}", kind="database"))
    out.append(ev("backup.deleted", t(10, 4, 0), "DB-1015", kind="database"))  # before 11-15: too early
    out.append(ev("backup.deleted", t(16, 4, 0), "DB-1016", kind="database"))  # kept a full month
    for day in range(1, 31):
        out.append(ev("backup.completed", t(day, 2, 0), f"DB-11{day:02d}", kind="database"))
        if day != 14:  # the file backup job failed on the 14th
            out.append(ev("backup.completed", t(day, 2, 30), f"FS-11{day:02d}", kind="files"))
            if day <= 22:
                out.append(ev("backup.deleted", t(day + 7, 2, 45), f"FS-11{day:02d}", kind="files"))
        out.append(ev("backup.completed", t(day, 3, 0), f"AMI-11{day:02d}", kind="machine_image"))
        if day <= 20 and day != 10:
            out.append(ev("backup.deleted", t(day + 7, 3, 30), f"AMI-11{day:02d}", kind="machine_image"))
        for hh in (0, 6, 12, 18):
            zone = "ap-northeast-1a" if (day, hh) == (21, 6) else "ap-northeast-1c"
            out.append(
                ev(
                    "backup.completed",
                    t(day, hh, 5),
                    f"CB-11{day:02d}-{hh:02d}",
                    kind="continuous",
                    zone=zone,
                    primary_zone="ap-northeast-1a",
                )
            )
    out.append(ev("backup.deleted", t(13, 3, 30), "AMI-1110", kind="machine_image"))  # 3 days: too early
    return out


def main() -> None:
    rng = random.Random(20261101)
    lines = ["# Click So-ko events, November 2026: ticket system, monitoring, backup jobs (merged)"]
    merged = incidents(rng) + outages() + backups()
    for i, e in enumerate(merged):
        lines.append(json.dumps(e, ensure_ascii=False))
        if i == 3:
            lines.append(json.dumps(e, ensure_ascii=False))  # the same line twice: counts once
    (HERE / "events-2026-11.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

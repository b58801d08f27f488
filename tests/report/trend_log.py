"""A two-month log for the trend tests: the example November plus a small October worked by hand.

Click So-ko's business hours are 10:00-12:00 and 13:00-18:00 on weekdays; Mon 12 Oct 2026 is a
national holiday (Sports Day). Targets: P1 4, P2 7, P3 35 business hours; the recovery notice 3
business hours after a recognition inside business hours.

Incidents (October's figures: P1 3 of 4, P2 2 of 3, P3 1 of 1; in the trend P2 1 of 2, as OCT-P2-3
counts in November, where its response was settled):

- OCT-P1-1 Thu 1 Oct 10:00, due 15:00, responded 11:00: met.
- OCT-P1-2 Fri 2 Oct 10:00, due 15:00, responded 16:00: breached.
- OCT-P1-3 Mon 5 Oct 13:00, due 17:00, responded 14:00: met.
- OCT-P1-4 Tue 6 Oct 10:00, due 15:00, responded 12:30: met.
- OCT-P2-1 Wed 7 Oct 10:00, 10-12 + 13-18 = 7 h: due Wed 18:00; responded Thu 8 Oct 10:30: breached.
- OCT-P2-2 Thu 8 Oct 15:00, 15-18 (3 h) + Fri 10-12, 13-15: due Fri 9 Oct 15:00; responded 11:00: met.
- OCT-P3-1 Fri 9 Oct 10:00, 7 h a day on Fri 9, Tue 13 .. Fri 16 (Mon 12 a holiday): due Fri 16 Oct
  18:00; responded Wed 14 Oct 10:00: met.
- OCT-P2-3 Fri 30 Oct 16:00, 16-18 (2 h) + Mon 2 Nov 10-12, 13-16: due Mon 2 Nov 16:00; responded
  Mon 2 Nov 11:00: met; resolved Thu 5 Nov, so not completed at 1 Nov: November's report lists it
  too (P2 in November: the example's 27 of 33, plus this one: 28 of 34). Its response was settled in
  November: the trend counts it there only (October: P2 1 of 2).

Every other October incident is resolved in October.

Outages (recovery notices 1 of 2 judged; downtime 40 + 60 + 60 = 160 minutes):

- OCT-OUT-1 Tue 13 Oct 10:00-10:40, recognised 10:10 (due 14:10 across lunch), notified 11:00: met.
- OCT-OUT-2 Tue 20 Oct 14:00-15:00, recognised 14:05 (due 17:05), notified 18:30: breached.
- OCT-OUT-3 Sat 24 Oct 03:00-04:00, recognised 03:30, outside business hours: not applicable.

Availability of October: 31 days = 44,640 minutes, less the regular maintenance on the 4th
Thursday, Thu 22 Oct 22:00-24:00 (120 minutes): 44,520 measured; (44,520 - 160) / 44,520.

Backups at 02:00 every day of October, except ``files`` on 10 Oct and ``machine_image`` on 20 and
21 Oct: database 31 of 31 days, files 30 of 31, machine_image 29 of 31. The first event is on
1 Oct, so the log covers October.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .helpers import EXAMPLE

TZ = dt.timezone(dt.timedelta(hours=9))


def _at(day: int, hh: int, mm: int = 0, month: int = 10) -> str:
    return dt.datetime(2026, month, day, hh, mm, tzinfo=TZ).isoformat()


def _incident(ident: str, priority: str, reported: str, responded: str, resolved: str) -> list[dict[str, Any]]:
    return [
        {"event": "incident.reported", "at": reported, "id": ident, "priority": priority},
        {"event": "incident.responded", "at": responded, "id": ident},
        {"event": "incident.resolved", "at": resolved, "id": ident},
    ]


def october() -> list[dict[str, Any]]:
    """October 2026's events, as the module notes work them out."""
    out: list[dict[str, Any]] = []
    for day in range(1, 32):
        for kind, missed in (("database", ()), ("files", (10,)), ("machine_image", (20, 21))):
            if day not in missed:
                out.append({"event": "backup.completed", "at": _at(day, 2), "id": f"OCT-{kind}-{day}", "kind": kind})
    out += _incident("OCT-P1-1", "P1", _at(1, 10), _at(1, 11), _at(1, 16))
    out += _incident("OCT-P1-2", "P1", _at(2, 10), _at(2, 16), _at(2, 17))
    out += _incident("OCT-P1-3", "P1", _at(5, 13), _at(5, 14), _at(5, 15))
    out += _incident("OCT-P1-4", "P1", _at(6, 10), _at(6, 12, 30), _at(6, 16))
    out += _incident("OCT-P2-1", "P2", _at(7, 10), _at(8, 10, 30), _at(9, 10))
    out += _incident("OCT-P2-2", "P2", _at(8, 15), _at(9, 11), _at(9, 16))
    out += _incident("OCT-P3-1", "P3", _at(9, 10), _at(14, 10), _at(15, 10))
    out += _incident("OCT-P2-3", "P2", _at(30, 16), _at(2, 11, month=11), _at(5, 10, month=11))
    for ident, (day, start, end, recognized, notified) in {
        "OCT-OUT-1": (13, (10, 0), (10, 40), (10, 10), (11, 0)),
        "OCT-OUT-2": (20, (14, 0), (15, 0), (14, 5), (18, 30)),
        "OCT-OUT-3": (24, (3, 0), (4, 0), (3, 30), (9, 0)),
    }.items():
        out += [
            {"event": "outage.started", "at": _at(day, *start), "id": ident, "cause": "failure"},
            {"event": "outage.recognized", "at": _at(day, *recognized), "id": ident},
            {"event": "outage.notified", "at": _at(day, *notified), "id": ident},
            {"event": "outage.ended", "at": _at(day, *end), "id": ident},
        ]
    return out


def write_two_months(path: Path) -> Path:
    """The example November's lines, then October's events, as one JSON Lines log at ``path``."""
    lines = EXAMPLE.read_text("utf-8").splitlines()
    lines += [json.dumps(e, ensure_ascii=False) for e in october()]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def october_ids() -> list[str]:
    """The ids of October's events (a page may show them in any language)."""
    return sorted({str(e["id"]) for e in october()}, key=len, reverse=True)

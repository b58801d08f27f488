"""The engine's step texts write an instant with its year when the report's period crosses a new year.

In a report from 1 December 2026 to 1 February 2027 an incident's steps said ``reported Mon 28 Dec 15:00`` and
``responded Tue 05 Jan 11:00``: December 2026 and a December 2027 would read alike, as would January 2027 and
January 2026. Only the period ends had their years. Now every instant of the steps has its year
(``reported Mon 28 Dec 2026 15:00``), on the row path and on the columns (:mod:`.explain_columns`, the
streamed JSON report) alike; a period within one year (a December ending at the next 1 January 00:00
included) writes none, as before. These failed before the change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from

from .helpers import sla
from .test_step_columns import assert_equal, both

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
TOKYO = ZoneInfo("Asia/Tokyo")
LOG = [
    {"event": "incident.reported", "at": "2026-12-28T15:00:00+09:00", "id": "INC-A", "priority": "P1"},
    {"event": "incident.responded", "at": "2027-01-05T11:00:00+09:00", "id": "INC-A"},
    {"event": "incident.reported", "at": "2027-01-12T10:00:00+09:00", "id": "INC-B", "priority": "P2"},
    {"event": "outage.started", "at": "2026-12-30T10:00:00+09:00", "id": "OUT-1", "service": "content"},
    {"event": "outage.ended", "at": "2026-12-30T10:20:00+09:00", "id": "OUT-1"},
    {
        "event": "stop.announced", "at": "2027-01-04T10:00:00+09:00", "id": "STOP-1", "channel": "email",
        "start": "2027-01-15T01:00:00+09:00", "end": "2027-01-15T03:00:00+09:00",
    },
]  # fmt: skip
#: an instant as a step writes it, without its year and with it (a day of the walk of business time,
#: ``Mon 28 Dec 15:00-18:00 3h``, is a day between two instants written with theirs, and keeps its words)
BARE = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d (Jan|Dec) \d\d:\d\d(?!-)")
DATED = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d (Jan|Dec) 20\d\d \d\d:\d\d")


def _report(tmp: Path, start: str, end: str) -> dict[str, object]:
    log = tmp / "ev.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in LOG), "utf-8")
    code, out, err = sla("evaluate", POLICY, log, "--from", start, "--to", end, "--format", "json", "--quiet")
    assert code == 0, err
    report: dict[str, object] = json.loads(out)
    return report


def _steps(report: dict[str, object]) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {}
    for table in ("incidents", "outages", "planned_stops"):
        for row in report[table]:  # type: ignore[attr-defined]
            said[row["id"]] = [s["text"] for s in row["explain"]]
    return said


def test_a_period_across_a_new_year_gives_each_instant_its_year(tmp_path: Path) -> None:
    steps = _steps(_report(tmp_path, "2026-12-01", "2027-02-01"))
    assert steps["INC-A"][0] == "reported Mon 28 Dec 2026 15:00 as P1"
    assert "responded Tue 05 Jan 2027 11:00, 28h business time after due: breached" in steps["INC-A"]
    assert steps["INC-B"][0] == "reported Tue 12 Jan 2027 10:00 as P2"
    assert steps["OUT-1"][:2] == ["started Wed 30 Dec 2026 10:00", "ended Wed 30 Dec 2026 10:20"]
    assert steps["STOP-1"][0] == "planned stop Fri 15 Jan 2027 01:00 to Fri 15 Jan 2027 03:00"
    assert "notice needed by the end of Fri 08 Jan 2027" in steps["STOP-1"][2]
    for ident, texts in steps.items():
        assert not any(BARE.search(x) for x in texts), (ident, texts)


@pytest.mark.parametrize(("start", "end"), [("2026-12-01", "2027-01-01"), ("2027-01-01", "2027-02-01")])
def test_a_period_within_one_year_gives_none(tmp_path: Path, start: str, end: str) -> None:
    steps = _steps(_report(tmp_path, start, end))
    assert steps, steps
    for ident, texts in steps.items():
        assert not any(DATED.search(x) for x in texts), (ident, texts)
    if start.startswith("2026"):
        assert steps["INC-A"][0] == "reported Mon 28 Dec 15:00 as P1"


def _judged(start: dt.datetime, end: dt.datetime) -> Any:
    policy = sla_dsl.load_policy(POLICY)
    log = log_from(LOG[:3], declared=set(policy.event_types))
    return judge_log([policy], log, start, end, None)


def test_the_columns_give_the_years_the_rows_give() -> None:
    """Both paths (the columns of :mod:`.explain_columns`, the rows of :func:`row_json`) word the same steps."""
    result = _judged(dt.datetime(2026, 12, 1, tzinfo=TOKYO), dt.datetime(2027, 2, 1, tzinfo=TOKYO))
    by_rows, by_columns, _ = both(result)
    assert_equal(by_rows, by_columns)
    texts = by_columns["steps"]["text"].to_pylist()
    assert "reported Mon 28 Dec 2026 15:00 as P1" in texts, texts
    assert "due Tue 12 Jan 2027 18:00 (Article 3.2, P2: 1 business day)" in texts, texts


def test_the_years_are_the_periods_not_the_last_evaluations() -> None:
    """One evaluation after another of the same policy: each words its steps by its own period."""
    across = _judged(dt.datetime(2026, 12, 1, tzinfo=TOKYO), dt.datetime(2027, 2, 1, tzinfo=TOKYO))
    within = _judged(dt.datetime(2027, 1, 1, tzinfo=TOKYO), dt.datetime(2027, 2, 1, tzinfo=TOKYO))
    _, across_columns, _ = both(across)
    _, within_columns, _ = both(within)
    assert "reported Tue 12 Jan 2027 10:00 as P2" in across_columns["steps"]["text"].to_pylist()
    assert "reported Tue 12 Jan 10:00 as P2" in within_columns["steps"]["text"].to_pylist()

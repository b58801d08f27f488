"""A planned-stop notice is judged in the unit it is written in (found in review).

Before: `notice N hours before start date` was judged as N days, and a business duration before the
start was mirrored forwards (the open time after the start, not before it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sla_dsl import evaluate, load_policy
from sla_dsl.policy import compile_text

POLICY = Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla"
JST = dt.timezone(dt.timedelta(hours=9))


def _policy(notice: str) -> str:
    text = POLICY.read_text(encoding="utf-8")
    old = "notice 1 week before start date by email"
    assert old in text
    return text.replace(old, notice)


def _stop(announced: dt.datetime) -> list[dict[str, str]]:
    # the stop starts Mon 2026-11-02 11:00 JST
    return [
        {
            "event": "stop.announced",
            "at": announced.isoformat(),
            "id": "STOP-1",
            "channel": "email",
            "start": "2026-11-02T11:00:00+09:00",
            "end": "2026-11-02T12:00:00+09:00",
        }
    ]


def _judge(tmp: Path, notice: str, announced: dt.datetime) -> tuple[bool, dt.datetime | None]:
    path = tmp / "policy.sla"
    path.write_text(_policy(notice), encoding="utf-8")
    report = evaluate(
        load_policy(path), _stop(announced), dt.datetime(2026, 10, 1, tzinfo=JST), dt.datetime(2026, 12, 1, tzinfo=JST)
    )
    (row,) = report.planned_stops
    return row.notice_ok, row.notice_deadline


def test_business_hours_before_the_start_count_backwards(tmp_path: Path) -> None:
    # Mon 11:00 minus 3 business hours: 1 h on Monday (10:00-11:00), 2 h on Friday (16:00-18:00) -> Fri 16:00
    notice = "notice 3 business hours before start by email"
    ok, deadline = _judge(tmp_path, notice, dt.datetime(2026, 10, 30, 15, 59, tzinfo=JST))
    assert ok
    assert deadline is not None and deadline.astimezone(JST).replace(microsecond=0) == dt.datetime(
        2026, 10, 30, 16, 0, tzinfo=JST
    )
    ok, _ = _judge(tmp_path, notice, dt.datetime(2026, 10, 30, 17, 0, tzinfo=JST))
    assert not ok  # Fri 17:00 is only 2 business hours before the start


def test_hours_before_the_start_date_are_refused_with_a_located_error() -> None:
    compiled = compile_text(_policy("notice 48 hours before start date by email"))
    (diag,) = [d for d in compiled.diagnostics if d.code == "E220"]
    line = next(i for i, t in enumerate(_policy("X").splitlines(), 1) if t.strip().startswith("X"))
    assert diag.span.line == line
    assert "notice 48 hours before start" in (diag.help or "")

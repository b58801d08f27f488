"""Small builders for hand-worked evaluation scenarios."""

from __future__ import annotations

import datetime as dt
import io
import json
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sla_dsl
from sla_dsl.evaluation.json_blocks import IncidentItems, ViolationItems
from sla_dsl.evaluation.result import Evaluation
from sla_dsl.policy import Policy
from sla_dsl.report import Report
from sla_dsl.report.render import write_json

ROOT = Path(__file__).resolve().parents[2]
POLICY_PATH = ROOT / "policies" / "clicksoko.sla"
TZ = ZoneInfo("Asia/Tokyo")


@cache
def policy() -> Policy:
    return sla_dsl.load_policy(POLICY_PATH)


@cache
def english_policy() -> Policy:
    """The Click So-ko policy with English as its primary language (``languages en, ja``): the API words what
    it refuses in a policy's primary language, so the tests of its English words use this one."""
    text = POLICY_PATH.read_text("utf-8")
    assert "  languages ja, en " in text
    return sla_dsl.load_policy(text.replace("  languages ja, en ", "  languages en, ja ", 1))


def t(text: str) -> dt.datetime:
    """``"2026-11-02 10:00"`` as a Tokyo time."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def iso(text: str) -> str:
    return t(text).isoformat()


def ev(event: str, at: str, ident: str, **fields: Any) -> dict[str, Any]:
    """An event dict with a Tokyo time given as ``YYYY-MM-DD HH:MM``."""
    out: dict[str, Any] = {"event": event, "at": iso(at), "id": ident}
    for k, v in fields.items():
        out[k] = iso(v) if k in ("start", "end") else v
    return out


def run(
    events: list[dict[str, Any]],
    start: str = "2026-11-01 00:00",
    end: str = "2026-12-01 00:00",
    as_of: str | None = None,
    policies: Any = None,
) -> Report:
    return sla_dsl.evaluate(policies or policy(), events, t(start), t(end), t(as_of) if as_of else None)


def one(report: Report, ident: str) -> Any:
    rows = report.find(ident)
    assert len(rows) == 1, rows
    return rows[0]


def kinds(report: Report, kind: str) -> list[str]:
    return [v.id for v in report.violations if v.kind == kind]


#: Two calendars of a Tokyo policy with their own days: a London desk (its own zone, a partial closure
#: on 26 November) and Tokyo business hours with a half day on 24 December (tests of same-day cutoffs
#: and of the explanation walk across zones, clock changes and closures).
TWO_DESKS = """
calendar desk_en "English desk" {
  timezone Europe/London
  hours mon..fri 09:00-17:30
  holidays GB-ENG
  closed 2026-11-26 15:00-17:30
}
calendar business "Business" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
  closed 2026-12-24 13:00-18:00
}
"""


def report_json(result: Evaluation, columns: bool) -> dict[str, Any]:
    """The JSON report of a judged log, written by columns (``sla evaluate --format json``) or by rows
    (the Python API's path): the two must agree."""
    out = io.BytesIO()
    if columns:
        write_json(
            result.skeleton, IncidentItems(result.ctx, result.incidents), out, ViolationItems(result.violations())
        )
    else:
        result.write_json(out)
    report: dict[str, Any] = json.loads(out.getvalue())
    return report

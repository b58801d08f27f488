"""``sla serve``'s watch of a target on a clock with ``not due at A until B``: its breach and at-risk alerts.

The evaluator says a breach whose due time D falls in a hold at the hold's end H (breached iff the clock
still runs after H); the watch (:mod:`sla_dsl.serve.tracking`) must fire the breach alert then, not at D, and
none while a hold still open holds D (RT sets no due date while a ticket is stalled). An at-risk instant in a
hold moves to the hold's end alike. Clock: reported 09:00 (UTC), ``resolve within 2 hours``: D = 11:00, at
risk at 75% = 10:30.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from sla_dsl.evaluation import Evaluation, judge_log
from sla_dsl.policy.compiled import Policy
from sla_dsl.policy.load import compile_text
from sla_dsl.serve.tracking import log_of, transitions_of, watched

TEXT = """\
sla "Holds" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  provider "窓口" / "Desk"
  languages ja, en
}

clock response "応答" / "Response" {
  starts at incident.reported
}

clock work "対応" / "Work" {
  starts at incident.reported
  not due at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  at risk at 75% of target
}

priority P "P" / "P" {
  respond within 8 hours
  resolve within 2 hours on work
}
"""


def _policy() -> Policy:
    compiled = compile_text(TEXT, "<holds>")
    assert compiled.model is not None and not compiled.errors
    return Policy(compiled.model)


POLICY = _policy()
START, END = dt.datetime(2026, 11, 1, tzinfo=dt.UTC), dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def _at(hm: str) -> str:
    return f"2026-11-16T{hm}:00+00:00"


def _judge(later: tuple[tuple[str, str], ...], as_of: str) -> Evaluation:
    events: list[dict[str, Any]] = [{"event": "incident.reported", "at": _at("09:00"), "id": "A", "priority": "P"}]
    events += [{"event": f"incident.{e}", "at": _at(at), "id": "A"} for e, at in later]
    bodies = [json.dumps(e) for e in events]
    return judge_log([POLICY], log_of(bodies), START, END, dt.datetime.fromisoformat(_at(as_of)), skip_invalid=True)


def _instants(result: Evaluation) -> dict[str, str]:
    """The resolve target's transitions: at-risk and breach instants (HH:MM)."""
    out: dict[str, str] = {}
    for t in transitions_of(result):
        if t.item == "A" and t.target == "resolve":
            out["breach" if t.strict else "at_risk"] = dt.datetime.fromtimestamp(t.instant, dt.UTC).strftime("%H:%M")
    return out


INFO, REPLY = "info_provided", "customer_replied"

#: (case, events after the report, as of, the resolve target's transitions)
CASES = [
    ("no hold", (), "09:30", {"at_risk": "10:30", "breach": "11:00"}),
    ("a hold before the at-risk instant", ((INFO, "09:30"), (REPLY, "10:00")), "10:10",
     {"at_risk": "10:30", "breach": "11:00"}),
    ("the at-risk instant in a hold: at its end", ((INFO, "10:15"), (REPLY, "10:45")), "10:50",
     {"at_risk": "10:45", "breach": "11:00"}),
    ("held across the due time: the breach at the hold's end", ((INFO, "10:50"), (REPLY, "11:30")), "11:40",
     {"at_risk": "10:30", "breach": "11:30"}),
    # (nothing pending while held, as while paused: the watch has no due time)
    ("still held: no breach pending", ((INFO, "10:50"),), "11:40", {}),
    ("held from before the at-risk instant, still held: nothing pending", ((INFO, "10:00"),), "10:40", {}),
]  # fmt: skip


@pytest.mark.parametrize(("later", "as_of", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_alerts_move_to_the_end_of_the_hold(
    later: tuple[tuple[str, str], ...], as_of: str, want: dict[str, str]
) -> None:
    assert _instants(_judge(later, as_of)) == want


def test_the_breach_alert_is_the_reports_violation_instant() -> None:
    """The watch's breach instant is the instant ``sla evaluate`` says the violation at."""
    result = _judge(((INFO, "10:50"), (REPLY, "11:30")), "12:00")
    (w,) = [w for w in watched(result) if w.item == "A" and w.target == "resolve"]
    assert w.due == dt.datetime.fromisoformat(_at("11:30")).timestamp()
    (inc,) = result.incidents
    (v,) = [v for v in inc.targets if v.name == "resolve"]
    assert (v.status, v.due, v.breached_at) == (
        "breached",
        dt.datetime.fromisoformat(_at("11:00")).timestamp(),
        dt.datetime.fromisoformat(_at("11:30")).timestamp(),
    )


def test_the_dashboard_row_of_a_held_target_stands_still() -> None:
    """While a hold holds the due time, the watch has none and shows the time left standing still, as paused."""
    result = _judge(((INFO, "10:50"),), "11:40")
    (w,) = [w for w in watched(result) if w.item == "A" and w.target == "resolve"]
    assert (w.status, w.due, w.running, w.held) == ("open", None, False, -40 * 60.0)


def test_a_hold_that_begins_as_another_ends_is_read_back_whole() -> None:
    """Two not-due lines, one ending (at the reply) as the other begins (at the same reply): the watch reads
    the second hold from the story as the evaluator has it, so no alert fires between them."""
    text = TEXT.replace(
        "  stops at incident.resolved\n",
        "  not due at incident.customer_replied until incident.responded\n  stops at incident.resolved\n",
    )
    compiled = compile_text(text, "<holds>")
    assert compiled.model is not None and not compiled.errors
    events = [
        {"event": "incident.reported", "at": _at("09:00"), "id": "A", "priority": "P"},
        {"event": "incident.info_provided", "at": _at("10:50"), "id": "A"},
        {"event": "incident.customer_replied", "at": _at("11:10"), "id": "A"},
        {"event": "incident.responded", "at": _at("11:20"), "id": "A"},
    ]
    result = judge_log(
        [Policy(compiled.model)],
        log_of([json.dumps(e) for e in events]),
        START,
        END,
        dt.datetime.fromisoformat(_at("11:40")),
        skip_invalid=True,
    )
    (breach,) = [t for t in transitions_of(result) if t.item == "A" and t.target == "resolve" and t.strict]
    assert breach.instant == dt.datetime.fromisoformat(_at("11:20")).timestamp()

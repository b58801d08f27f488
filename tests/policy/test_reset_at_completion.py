"""A ``resets at`` naming the event of a priority's ``complete on`` is refused (E223), at that event.

``sla check`` accepted ``resets at incident.resolved`` on a clock P1 measures a target on while P1
completes on ``incident.resolved``. The evaluator reads the records at the completion's instant, so the
reset acts: it begins a cycle that ends as it begins, and the target was judged on that empty cycle
(``0m used``, met at the resolution, due two hours after it) instead of on the hour the clock had
counted, or on its stop at the answer half an hour in. A stop or a cancel at a completion event acts as
written as the incident completes, and is accepted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import sla_dsl
from sla_dsl.evaluation.clocks import clock_codes, live
from sla_dsl.events.schema import CODE, Rec
from sla_dsl.policy import compile_text

HEAD = 'sla "T" { format 1 version "1" effective 2026-01-01 timezone UTC languages en }\n'
EVENTS = 'event incident.closed "Closed"\nevent incident.withdrawn "Withdrawn"\n'
RESPONSE = "clock response { starts at incident.reported }\n"


def policy(clock: str, complete: str = "on incident.resolved") -> str:
    return (
        HEAD
        + EVENTS
        + RESPONSE
        + clock
        + f"priority P1 {{\n  respond within 4 hours\n  resolve within 2 hours on c\n  complete {complete}\n}}\n"
    )


def errors(text: str) -> list[tuple[str, int, int, str]]:
    """(code, line, column, the text under the caret) of every error."""
    lines = text.split("\n")
    out = []
    for d in (d for d in compile_text(text).diagnostics if d.is_error):
        s = d.span
        out.append((d.code, s.line, s.column, lines[s.line - 1][s.column - 1 : s.end_column - 1]))
    return out


RESET = "clock c {\n  starts at incident.reported\n  stops at incident.responded\n  resets at incident.resolved\n}\n"


def test_a_reset_at_the_completion_event_is_refused_at_it() -> None:
    text = policy(RESET)
    assert errors(text) == [("E223", 8, 13, "incident.resolved")]
    (d,) = (d for d in compile_text(text).diagnostics if d.is_error)
    assert d.message == (
        "clock `c` resets at `incident.resolved`, where priority `P1` completes the incident (`complete on`, "
        "line 13): the new cycle ends as it begins, so its targets would be judged on that empty cycle "
        "(0 minutes used) instead of the time counted before it"
    )
    assert d.help is not None and "take `incident.resolved` out of `resets at`" in d.help
    assert d.text("ja") == (
        "クロック `c` は `incident.resolved` でリセットしますが、優先度 `P1` は同じイベントで案件を完了します"
        "（13行目の `complete on`）。新しい計測は始まると同時に終わるため、目標はそれまでに数えた時間ではなく、"
        "この空の計測（使った時間0分）で判定されます"
    )
    assert (d.help_text("ja") or "").startswith("`resets at` から `incident.resolved` を外してください")


def test_the_reset_is_found_among_other_events_and_on_a_clock_that_never_stops() -> None:
    listed = RESET.replace("resets at incident.resolved", "resets at incident.customer_replied, incident.resolved")
    assert errors(policy(listed)) == [("E223", 8, 40, "incident.resolved")]
    # (also where it is a start alternative too: the place is the one on the `resets at` line)
    running = "clock c {\n  starts at incident.reported, else incident.resolved\n  resets at incident.resolved\n}\n"
    text = policy(running).replace("resolve within 2 hours on c", "update every 1 hour on c by incident.responded")
    assert errors(text) == [("E223", 7, 13, "incident.resolved")]
    # (either of two completions: the first that comes ends the clocks, a later one is never read)
    assert errors(policy(RESET, "on incident.closed, or on incident.resolved")) == [
        ("E223", 8, 13, "incident.resolved")
    ]


def test_completed_later_or_by_silence_the_reset_is_accepted() -> None:
    assert errors(policy(RESET, "on incident.closed")) == []
    assert errors(policy(RESET, "1 day after incident.resolved without incident.closed")) == []


def test_a_reset_another_code_refuses_is_not_refused_twice() -> None:
    both = RESET.replace("stops at incident.responded", "stops at incident.resolved")
    assert [c for c, *_ in errors(policy(both))] == ["E221"]
    cancels = RESET.replace("stops at incident.responded", "stops at incident.responded  cancels at incident.resolved")
    assert [c for c, *_ in errors(policy(cancels))] == ["E221"]


def test_why_the_evaluator_reads_the_reset_at_the_completion() -> None:
    """The reason for E223: the records at the completion's instant are read, so a reset there starts an
    empty cycle the targets would be judged on (the clock stopped at the answer, half an hour in)."""
    model = compile_text(policy(RESET, "on incident.closed")).model
    assert model is not None
    (rule,) = (c for c in model.clocks if c.name == "c")
    t0 = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC).timestamp()
    recs: list[Rec] = [
        (t0, CODE["incident.reported"], ("P1", None, {}), 1),
        (t0 + 1800, CODE["incident.responded"], (), 2),
        (t0 + 3600, CODE["incident.resolved"], (), 3),
    ]
    life = live(clock_codes(rule), recs, t0 + 3600, t0 + 86400)
    assert [(told.act, told.at - t0) for told in life.story] == [
        ("start", 0),
        ("stop", 1800),
        ("reset", 3600),
        ("completed", 3600),
    ]
    assert life.segments == [] and life.start == t0 + 3600  # (the cycle judged: empty, at the completion)
    assert [c.segments for c in life.earlier] == [((t0, t0 + 1800),)]


def ev(event: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"event": event, "at": f"2026-03-02T{at}:00Z", "id": "I-1", **fields}


def test_a_stop_or_cancel_at_the_completion_event_acts_and_is_accepted(tmp_path: Path) -> None:
    clock = (
        "clock c {\n  starts at incident.reported\n  stops at incident.resolved\n  cancels at incident.withdrawn\n}\n"
    )
    text = policy(clock, "on incident.resolved, or on incident.withdrawn")
    assert errors(text) == []
    path = tmp_path / "p.sla"
    path.write_text(text, "utf-8")
    loaded = sla_dsl.load_policy(path)
    start, end = dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)

    def judged(last: str) -> tuple[str, str | None]:
        events = [ev("incident.reported", "09:00", priority="P1"), ev(last, "10:00")]
        (inc,) = sla_dsl.evaluate(loaded, events, start, end).incidents
        (target,) = inc.targets
        return target.status, None if target.met_at is None else target.met_at.isoformat()

    assert judged("incident.resolved") == ("met", "2026-03-02T10:00:00+00:00")  # (stopped as it completed)
    assert judged("incident.withdrawn") == ("cancelled", None)  # (withdrawn as it completed)

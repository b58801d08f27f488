"""A priority's ``complete on`` event ends every clock (E223): a clock line that could act only as the
incident completes is refused at its event, never accepted and then ignored.

QA's policy, migrated from a Jira/Zendesk one: P1 completes on ``incident.resolved``, yet ``close``
starts only there (judged met with 0 minutes even when the incident is never closed), ``ttc`` pauses
there until the reopen (its ``until`` and its ``stops at incident.closed`` never acted) and ``ttr``
restarts at the reopen while it stops only at the resolution, the completion (the reopen was never
seen). ``sla check`` said nothing and exited 0. Completed on ``incident.closed``, the same clocks are
judged as written, and the check is clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clocks.helpers import sla

from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]

POLICY = """sla "Reopen" { format 1 version "1" effective 2026-01-01 timezone UTC languages en }
event incident.reopened "Reopened"
event incident.closed "Closed"
clock response "R" { starts at incident.reported }
clock ttr "TTR" { starts at incident.reported  stops at incident.resolved  restarts at incident.reopened }
@TTC@
clock close "Close" { starts at incident.resolved  stops at incident.closed }
priority P1 "P1" {
  respond within 4 hours
  resolve within 8 hours on ttr
  resolve within 8 hours on ttc
  resolve within 2 hours on close
  complete on incident.resolved
}
""".replace(  # (QA's line, longer than a line of code)
    "@TTC@",
    'clock ttc "TTC" { starts at incident.reported  pauses at incident.resolved until incident.reopened  '
    "stops at incident.closed }",
)

HEAD = 'sla "T" { format 1 version "1" effective 2026-01-01 timezone UTC languages en }\n'
EVENTS = 'event incident.reopened "Reopened"\nevent incident.closed "Closed"\n'
RESPONSE = "clock response { starts at incident.reported }\n"


def found(text: str) -> list[tuple[str, int, int, str]]:
    """(code, line, column, the event under the caret) of every error (an event type these snippets declare
    and do not use is a warning: left out)."""
    lines = text.split("\n")
    out = []
    for d in (d for d in compile_text(text).diagnostics if d.is_error):
        s = d.span
        out.append((d.code, s.line, s.column, lines[s.line - 1][s.column - 1 : s.end_column - 1]))
    return out


def policy(clock: str, targets: str, complete: str = "on incident.resolved") -> str:
    return (
        HEAD
        + EVENTS
        + RESPONSE
        + clock
        + f"priority P1 {{\n  respond within 1 hour\n{targets}  complete {complete}\n}}\n"
    )


def test_the_qa_policy_is_refused_at_each_line_that_would_be_ignored() -> None:
    assert found(POLICY) == [
        ("E223", 5, 88, "incident.reopened"),  # ttr: stopped only as the incident completes
        ("E223", 6, 58, "incident.resolved"),  # ttc: the pause begins as the incident ends
        ("E223", 7, 33, "incident.resolved"),  # close: starts as the incident ends
    ]
    by_line = {d.span.line: d for d in compile_text(POLICY).diagnostics}
    assert by_line[7].message == (
        "clock `close` starts only at `incident.resolved`, where priority `P1` completes the incident "
        "(`complete on`, line 13): the clock stops as it starts and its time never counts; it would not be judged"
    )
    assert by_line[7].help is not None and "`complete on incident.closed`" in by_line[7].help
    assert by_line[6].help is not None and "`complete on incident.closed`" in by_line[6].help
    assert "line 13" in by_line[5].message and "`incident.resolved`" in by_line[5].message


def test_sla_check_refuses_it_with_the_places(tmp_path: Path) -> None:
    path = tmp_path / "reopen.sla"
    path.write_text(POLICY, "utf-8")
    done = sla("check", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    for place in ("5:88", "6:58", "7:33"):
        assert f"{path}:{place}: error: [E223]" in done.stderr, done.stderr


def test_completed_on_the_closing_event_the_same_clocks_are_accepted() -> None:
    assert (
        compile_text(POLICY.replace("complete on incident.resolved", "complete on incident.closed")).diagnostics == []
    )
    # (either of two ways to complete, the first that comes: the resolution still ends the clocks)
    either = POLICY.replace("complete on incident.resolved", "complete on incident.closed, or on incident.resolved")
    assert [c for c, *_ in found(either)] == ["E223"] * 3


def test_a_clock_that_starts_at_the_resolution_is_accepted_when_completion_is_on_closing() -> None:
    clock = "clock close { starts at incident.resolved stops at incident.closed }\n"
    assert found(policy(clock, "  resolve within 2 hours on close\n", "on incident.closed")) == []
    # a completion by silence is no completion event: it may never come
    silence = "1 day after incident.resolved without incident.reopened"
    assert found(policy(clock, "  resolve within 2 hours on close\n", silence)) == []


def test_a_clock_no_such_priority_measures_on_is_not_refused() -> None:
    text = (
        HEAD
        + EVENTS
        + RESPONSE
        + "clock close { starts at incident.resolved stops at incident.closed }\n"
        + "priority P1 {\n  respond within 1 hour\n  complete on incident.resolved\n}\n"
        + "priority P2 {\n  respond within 1 hour\n  resolve within 2 hours on close\n"
        + "  complete on incident.closed\n}\n"
    )
    assert found(text) == []
    measured_by_both = text.replace(
        "  complete on incident.resolved\n", "  resolve within 2 hours on close\n  complete on incident.resolved\n"
    )
    ((code, line, _, event),) = found(measured_by_both)  # one finding for the one place
    assert (code, line, event) == ("E223", 5, "incident.resolved")


@pytest.mark.parametrize(
    ("clock", "event", "words"),
    [
        (
            "clock c {\n  starts at incident.reported\n"
            "  pauses at incident.info_provided until incident.customer_replied, incident.resolved\n"
            "  stops at incident.closed\n}\n",
            "incident.resolved",
            "resumes at `incident.resolved`",
        ),
        (
            "clock c {\n  starts at incident.reported\n  stops at incident.responded\n"
            "  restarts at incident.resolved\n}\n",
            "incident.resolved",
            "restarts at `incident.resolved`",
        ),
        (
            "clock c {\n  starts at incident.customer_replied\n  stops at incident.resolved\n"
            "  restarts at incident.customer_replied\n}\n",
            "incident.customer_replied",
            "restarts at `incident.customer_replied` once stopped",
        ),
    ],
)
def test_a_resume_or_restart_the_completion_makes_void_is_refused_at_its_event(
    clock: str, event: str, words: str
) -> None:
    text = policy(clock, "  first reply within 2 hours on c\n")
    ((code, line, _, under),) = found(text)
    assert (code, under) == ("E223", event)
    assert text.split("\n")[line - 1].lstrip().startswith(("pauses at", "restarts at"))
    (d,) = (d for d in compile_text(text).diagnostics if d.is_error)
    assert words in d.message


def test_a_line_another_code_refuses_is_not_refused_twice() -> None:
    clock = (
        "clock c {\n  starts at incident.reported\n  pauses at incident.resolved until incident.reopened\n"
        "  stops at incident.resolved\n}\n"
    )
    assert [c for c, *_ in found(policy(clock, "  resolve within 1 day on c\n"))] == ["E221"]


def test_the_shipped_policies_still_check_clean() -> None:
    shipped = sorted((ROOT / "policies").glob("*.sla")) + sorted((ROOT / "policies" / "examples").glob("*.sla"))
    assert len(shipped) >= 5
    for path in shipped:
        done = sla("check", str(path))
        assert (done.returncode, done.stderr) == (0, ""), path

"""``restarts at``: a stopped clock starts again from zero; a running one is left alone (Zendesk's next reply).

Zendesk's *next reply time* runs from the oldest customer message an agent has
not answered to the agent's next public reply, once per exchange. A clock that
``resets at`` the customer's reply measured from the newest message instead (a
second message before the answer started it again from zero, moving the due
time later). ``restarts at`` starts the clock again only once it has stopped.

Calendar: Click So-ko's business hours, 10:00-12:00 and 13:00-18:00 Tokyo on
business days. Mon 2 Nov 2026 is a business day. Target: the first reply within
2 business hours on ``next_reply``. Worked by hand:

* replies 10:30 and 11:30, answer 13:45: running 10:30-12:00 (1.5 h) and
  13:00-13:45 (0.75 h) = 2.25 h: breached at 13:30 (1.5 h + 0.5 h). With
  ``resets at`` it counted from 11:30: 0.5 h + 0.75 h = 1.25 h, met (due 14:30).
* replies 10:30, answer 11:30 (1 h, met); reply 14:00, answer 17:00: 3 h, the
  second exchange breached at 16:00.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from evaluate.helpers import ev, t
from evaluate.test_targets import CLICKSOKO

import sla_dsl
from clocks.helpers import sla
from sla_dsl.authoring.clock_words import hover_clock
from sla_dsl.docs.targets import clock_lines
from sla_dsl.lang.compile import compile_text

CLOCK = """
clock next_reply "次回回答" / "Next reply" [art 3.2] {
  starts at incident.customer_replied
  stops at incident.info_provided, incident.resolved
  restarts at incident.customer_replied
}
"""


def policy_text(clock: str = CLOCK) -> str:
    p1 = "  respond within 4 business hours\n"
    return CLICKSOKO.replace(p1, p1 + "  first reply within 2 business hours on next_reply\n", 1) + clock


def first_reply(events: list[dict[str, Any]], clock: str = CLOCK, as_of: str | None = None) -> Any:
    policy = sla_dsl.load_policy(policy_text(clock))
    report = sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01", as_of)
    (row,) = report.incidents
    (target,) = row.targets
    return target


def reported() -> dict[str, Any]:
    return ev("incident.reported", "2026-11-02 10:00", "A", priority="P1")


def replied(at: str) -> dict[str, Any]:
    return ev("incident.customer_replied", f"2026-11-02 {at}", "A")


def answered(at: str) -> dict[str, Any]:
    return ev("incident.info_provided", f"2026-11-02 {at}", "A")


def test_the_policy_is_clean() -> None:
    assert [d.code for d in compile_text(policy_text()).diagnostics] == ["W248"]  # (Click So-ko's same-day rule)


def test_a_second_message_before_the_answer_does_not_restart_the_clock() -> None:
    events = [reported(), replied("10:30"), replied("11:30"), answered("13:45")]
    got = first_reply(events)
    assert (got.status, got.due, got.used_minutes) == ("breached", t("2026-11-02 13:30"), 135)
    # the same clock with `resets at`: counted from the newest message
    reset = CLOCK.replace("restarts at", "resets at")
    got = first_reply(events, reset)
    assert (got.status, got.due, got.used_minutes) == ("met", t("2026-11-02 14:30"), 75)


def test_each_exchange_is_judged_and_a_late_one_stays_breached() -> None:
    events = [reported(), replied("10:30"), answered("11:30"), replied("14:00"), answered("17:00")]
    got = first_reply(events)
    assert (got.status, got.due, got.used_minutes) == ("breached", t("2026-11-02 16:00"), 180)
    texts = [s.text for s in got.explain]
    assert (
        "clock `next_reply` restarts at customer_replied after its stop: counts again from zero Mon 02 Nov 14:00"
        in texts
    )
    # a late first exchange stays breached after a prompt second one (a restart does not undo a breach)
    late_first = [reported(), replied("10:30"), answered("13:45"), replied("14:00"), answered("14:30")]
    got = first_reply(late_first)
    assert (got.status, got.due) == ("breached", t("2026-11-02 13:30"))
    assert any(
        "ran out Mon 02 Nov 13:30, stopped Mon 02 Nov 13:45: breached" in x for x in (s.text for s in got.explain)
    )


def test_the_exchange_under_way_is_open_as_of_now() -> None:
    events = [reported(), replied("10:30"), answered("11:30"), replied("14:00")]
    got = first_reply(events, as_of="2026-11-02T15:00:00+09:00")
    assert (got.status, got.due, got.used_minutes) == ("open", t("2026-11-02 16:00"), 60)


def test_the_completion_stops_it_for_good() -> None:
    events = [reported(), replied("10:30"), ev("incident.resolved", "2026-11-02 11:00", "A"), replied("14:00")]
    got = first_reply(events)
    assert (got.status, got.used_minutes) == ("met", 30)
    assert not any("restarts" in s.text for s in got.explain)


@pytest.mark.parametrize(
    ("clock", "message"),
    [
        (
            CLOCK.replace("  restarts at", "  resets at incident.customer_replied\n  restarts at"),
            "clock `next_reply` both resets and restarts at `incident.customer_replied`",
        ),
        (
            CLOCK.replace("  stops at incident.info_provided, incident.resolved\n", ""),
            "clock `next_reply` restarts at `incident.customer_replied` but has no `stops at`",
        ),
        (
            CLOCK.replace("restarts at incident.customer_replied", "restarts at incident.reported"),
            "clock `next_reply` names `incident.reported` in `restarts at`",
        ),
        (  # (each answer would stop a running clock and restart a stopped one)
            CLOCK.replace("restarts at incident.customer_replied", "restarts at incident.info_provided"),
            "clock `next_reply` both stops and restarts at `incident.info_provided`",
        ),
    ],
    ids=["reset-too", "never-stops", "report", "stop-too"],
)
def test_a_restart_that_could_never_act_is_refused(clock: str, message: str) -> None:
    found = [d for d in compile_text(policy_text(clock)).diagnostics if d.code == "E221"]
    assert [str(d.message).startswith(message) for d in found] == [True], [str(d.message) for d in found]
    (d,) = found
    assert policy_text(clock).splitlines()[d.span.line - 1].strip().startswith(("restarts at", "resets at"))


def test_an_outage_event_is_refused() -> None:
    clock = CLOCK.replace("restarts at incident.customer_replied", "restarts at outage.started")
    assert "E244" in [d.code for d in compile_text(policy_text(clock)).diagnostics]


def test_the_words_of_the_site_the_hover_and_the_explanation(tmp_path: Path) -> None:
    model = sla_dsl.load_policy(policy_text()).model
    (clock,) = [c for c in model.clocks if c.name == "next_reply"]
    assert any("停止後は" in x and "で0から計測を再開" in x for x in clock_lines(clock, "ja"))
    assert any(x.startswith("once stopped, starts again from zero at ") for x in clock_lines(clock, "en"))
    assert "- once stopped, starts again from zero at `incident.customer_replied`" in hover_clock(clock, model)
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(policy_text(), "utf-8")
    events = [reported(), replied("10:30"), answered("11:30"), replied("14:00"), answered("17:00")]
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    done = sla("explain", str(policy), str(log), "A", "--lang", "ja")
    assert done.returncode == 0, done.stderr
    assert "次回回答：停止後の再始動（エンド・ユーザー様からの返答）、ゼロから計測" in done.stdout


def test_fmt_keeps_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.sla"
    path.write_text(policy_text(), "utf-8")
    done = sla("fmt", str(path), "--check")
    formatted = path.read_text("utf-8") if done.returncode == 0 else done.stdout
    assert "  restarts at incident.customer_replied" in formatted


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ja", "~ 次回回答の停止後の再始動：なし → エンド・ユーザー様からの返答"),
        ("en", "~ Next reply restarts at: none -> a reply from the end user"),
    ],
)
def test_sla_diff_says_a_restart_added(tmp_path: Path, lang: str, line: str) -> None:
    old, new = tmp_path / "old.sla", tmp_path / "new.sla"
    old.write_text(policy_text(CLOCK.replace("  restarts at incident.customer_replied\n", "")), "utf-8")
    new.write_text(policy_text(), "utf-8")
    done = sla("diff", str(old), str(new), "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [line]

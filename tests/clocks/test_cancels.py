"""``cancels at``: a running or paused clock is cancelled and its targets withdrawn (ServiceNow's cancel condition).

ServiceNow's SLA definitions have a *cancel condition* next to start, pause,
stop and reset: a task SLA whose cancel condition comes true is cancelled,
neither achieved nor breached (a request withdrawn, a duplicate closed). A
target that ran out before the cancel stays breached: the cancel does not undo
a breach (as a reset does not). A cancelled clock is a stopped one for what
follows: a reset starts a new cycle, judged anew; the completion changes
nothing.

Calendar: Click So-ko's business hours, 10:00-12:00 and 13:00-18:00 Tokyo on
business days. Mon 2 Nov 2026 is a business day. Target: resolve within 3
business hours on ``resolution``; the incident is withdrawn with a declared
event ``incident.withdrawn``. Worked by hand:

* reported 10:00, withdrawn 11:00: 1 h used, cancelled; no violation.
* reported 10:00, withdrawn 14:30: 10:00-12:00 (2 h) and 13:00-14:00 (1 h) ran
  out at 14:00: breached at 14:00 (withdrawn after), a violation.
* reported 10:00, withdrawn 10:30, reprioritised 11:00 (``resets at``), resolved
  14:00: a new cycle 11:00-12:00 and 13:00-14:00 = 2 h: met, 120 minutes used.
* reported 10:00, information asked 10:30 (paused), withdrawn 11:00: 30 minutes
  used, cancelled while paused.
* an update every business hour by ``incident.info_provided``: withdrawn 10:45
  with no update is cancelled; withdrawn 11:30 with none missed the 11:00
  update: breached at 11:00.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from evaluate.helpers import ev, t
from evaluate.test_targets import CLICKSOKO

import sla_dsl
from clocks.helpers import sla
from sla_dsl.authoring.clock_words import hover_clock
from sla_dsl.docs.targets import clock_lines
from sla_dsl.docs.text import declared_events
from sla_dsl.lang.compile import compile_text
from sla_dsl.serve.live import settled

CLOCK = """
event incident.withdrawn "お客様による取り下げ" / "Withdrawn by the customer" [art 5]

clock resolution "解決までの時間" / "Time to resolution" [art 3.2] {
  starts at incident.reported
  pauses at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  resets at incident.reprioritized
  cancels at incident.withdrawn
}
"""

RESOLVE = "  resolve within 3 business hours on resolution\n"
UPDATE = "  update every 1 business hour on resolution by incident.info_provided\n"


def policy_text(clock: str = CLOCK, targets: str = RESOLVE) -> str:
    p1 = "  respond within 4 business hours\n"
    return CLICKSOKO.replace(p1, p1 + targets, 1) + clock


def judged(events: list[dict[str, Any]], clock: str = CLOCK, targets: str = RESOLVE, as_of: str | None = None) -> Any:
    policy = sla_dsl.load_policy(policy_text(clock, targets))
    return sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01", as_of)


def target(events: list[dict[str, Any]], **kw: Any) -> Any:
    (row,) = judged(events, **kw).incidents
    (got,) = row.targets
    return got


def reported() -> dict[str, Any]:
    return ev("incident.reported", "2026-11-02 10:00", "A", priority="P1")


def at(event: str, hhmm: str, **fields: Any) -> dict[str, Any]:
    return ev(f"incident.{event}", f"2026-11-02 {hhmm}", "A", **fields)


def test_the_policy_is_clean() -> None:
    assert [d.code for d in compile_text(policy_text()).diagnostics] == []


def test_withdrawn_before_it_ran_out_is_cancelled_not_met() -> None:
    report = judged([reported(), at("withdrawn", "11:00")])
    (row,) = report.incidents
    (got,) = row.targets
    assert (got.status, got.due, got.met_at, got.used_minutes) == ("cancelled", None, None, 60)
    assert not [v for v in report.violations if v.kind == "target_breached"]
    texts = [s.text for s in got.explain]
    assert "clock `resolution` cancelled at withdrawn: its targets are withdrawn Mon 02 Nov 11:00" in texts
    assert texts[-1].endswith("1h used, withdrawn Mon 02 Nov 11:00: cancelled")
    assert [s.act for s in got.clock_steps] == ["start", "cancel"]
    assert row.model_dump(mode="json")["targets"][0]["status"] == "cancelled"


def test_a_target_that_ran_out_before_the_cancel_stays_breached(tmp_path: Path) -> None:
    report = judged([reported(), at("withdrawn", "14:30")])
    (row,) = report.incidents
    (got,) = row.targets
    assert (got.status, got.due, got.met_at) == ("breached", t("2026-11-02 14:00"), None)
    assert "cancelled Mon 02 Nov 14:30" in got.explain[-1].text
    (v,) = [v for v in report.violations if v.kind == "target_breached"]
    assert v.at == t("2026-11-02 14:00")
    assert v.message == "P1 resolution due Mon 02 Nov 14:00: cancelled Mon 02 Nov 14:30, after it ran out"
    assert v.target is not None and v.target.cancelled_at == t("2026-11-02 14:30")
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(policy_text(), "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in [reported(), at("withdrawn", "14:30")]), "utf-8")
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--lang", "ja"]
    done = sla("evaluate", str(policy), str(log), *period)
    assert "P1 優先度１の解決の期限 11月2日(月) 14:00 を過ぎた後、11月2日(月) 14:30 に取り消し" in done.stdout, (
        done.stdout
    )


def test_a_reset_after_the_cancel_starts_a_new_cycle_judged_anew() -> None:
    events = [
        reported(),
        at("withdrawn", "10:30"),
        at("reprioritized", "11:00", priority="P1"),
        at("resolved", "14:00"),
    ]
    got = target(events)
    assert (got.status, got.used_minutes, got.met_at) == ("met", 120, t("2026-11-02 14:00"))


def test_the_completion_after_the_cancel_changes_nothing() -> None:
    got = target([reported(), at("withdrawn", "11:00"), at("resolved", "11:30")])
    assert (got.status, got.used_minutes) == ("cancelled", 60)


def test_the_live_service_keeps_a_cancelled_target_as_settled() -> None:
    """``sla serve`` judges an incident again on each look until time can no longer change it."""
    done = SimpleNamespace(status="met", responded=1.0, completed=2.0)
    assert settled(SimpleNamespace(**vars(done), targets=[SimpleNamespace(status="cancelled", met_at=None)]))
    assert not settled(SimpleNamespace(**vars(done), targets=[SimpleNamespace(status="open", met_at=None)]))


def test_a_paused_clock_is_cancelled_too() -> None:
    got = target([reported(), at("info_provided", "10:30"), at("withdrawn", "11:00")])
    assert (got.status, got.used_minutes) == ("cancelled", 30)


def test_before_the_cancel_it_is_open() -> None:
    got = target([reported(), at("withdrawn", "11:00")], as_of="2026-11-02T10:30:00+09:00")
    assert (got.status, got.due) == ("open", t("2026-11-02 14:00"))


def test_an_update_target_is_withdrawn_or_missed_before() -> None:
    got = target([reported(), at("withdrawn", "10:45")], targets=UPDATE)
    assert (got.status, got.missed) == ("cancelled", 0)
    got = target([reported(), at("withdrawn", "11:30")], targets=UPDATE)
    assert (got.status, got.missed, got.due) == ("breached", 1, t("2026-11-02 11:00"))


@pytest.mark.parametrize(
    ("clock", "message", "keyword"),
    [
        (
            CLOCK.replace("stops at incident.resolved", "stops at incident.resolved, incident.withdrawn"),
            "clock `resolution` both stops and cancels at `incident.withdrawn`",
            "stops at",
        ),
        (
            CLOCK.replace("resets at incident.reprioritized", "resets at incident.reprioritized, incident.withdrawn"),
            "clock `resolution` both resets and cancels at `incident.withdrawn`",
            "cancels at",
        ),
        (
            CLOCK.replace("pauses at incident.info_provided", "pauses at incident.withdrawn"),
            "clock `resolution` pauses at `incident.withdrawn`, which also cancels it",
            "pauses at",
        ),
        (
            CLOCK.replace("cancels at incident.withdrawn", "cancels at incident.reported"),
            "clock `resolution` names `incident.reported` in `cancels at`",
            "cancels at",
        ),
    ],
    ids=["stop-too", "reset-too", "pause-too", "report"],
)
def test_a_cancel_that_could_never_act_or_hides_another_line_is_refused(clock: str, message: str, keyword: str) -> None:
    found = [d for d in compile_text(policy_text(clock)).diagnostics if d.code == "E221"]
    assert [str(d.message).startswith(message) for d in found] == [True], [str(d.message) for d in found]
    (d,) = found
    assert policy_text(clock).splitlines()[d.span.line - 1].strip().startswith(keyword)
    assert d.help is not None


def test_an_outage_event_is_refused() -> None:
    clock = CLOCK.replace("cancels at incident.withdrawn", "cancels at outage.started")
    assert "E244" in [d.code for d in compile_text(policy_text(clock)).diagnostics]


def test_a_cancel_on_the_plain_response_clock_is_refused() -> None:
    start = "  starts at incident.product_suspected, else incident.reported"
    text = CLICKSOKO.replace(start, start + "\n  cancels at incident.resolved", 1)
    assert text != CLICKSOKO
    assert "E242" in [d.code for d in compile_text(text).diagnostics]


def test_the_words_of_the_site_the_hover_and_the_explanation(tmp_path: Path) -> None:
    model = sla_dsl.load_policy(policy_text()).model
    (clock,) = [c for c in model.clocks if c.name == "resolution"]
    with declared_events(model):  # (as the site renders a page: declared event types by their labels)
        assert "「お客様による取り下げ」で計測を取り消し（目標は判定せずに取り下げ）" in clock_lines(clock, "ja")
        assert "cancelled at “Withdrawn by the customer” (its targets withdrawn, unjudged)" in clock_lines(clock, "en")
    assert "- cancelled at `incident.withdrawn`: its targets withdrawn, unjudged" in hover_clock(clock, model)
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(policy_text(), "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in [reported(), at("withdrawn", "11:00")]), "utf-8")
    for lang, said in (
        ("ja", "解決までの時間：計測の取り消し（「お客様による取り下げ」）、目標は判定せずに取り下げ"),
        ("en", "Time to resolution: cancelled (“Withdrawn by the customer”), its targets withdrawn unjudged"),
    ):
        done = sla("explain", str(policy), str(log), "A", "--lang", lang)
        assert done.returncode == 0, done.stderr
        assert said in done.stdout, done.stdout
    done = sla(
        "evaluate",
        str(policy),
        str(log),
        "--from",
        "2026-11-01",
        "--to",
        "2026-12-01",
        "--lang",
        "ja",
        "--format",
        "markdown",
    )
    assert done.returncode == 0, done.stderr
    assert "| A | 解決 | 解決までの時間 | 取り消し | - | 1:00 / 3:00 |" in done.stdout.splitlines()
    assert "cancel" not in done.stdout


def test_fmt_keeps_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.sla"
    path.write_text(policy_text(), "utf-8")
    done = sla("fmt", str(path), "--check")
    formatted = path.read_text("utf-8") if done.returncode == 0 else done.stdout
    assert "  cancels at incident.withdrawn" in formatted


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ja", "~ 解決までの時間の取り消し：なし → 「お客様による取り下げ」"),
        ("en", "~ Time to resolution cancels at: none -> “Withdrawn by the customer”"),
    ],
)
def test_sla_diff_says_a_cancel_added(tmp_path: Path, lang: str, line: str) -> None:
    old, new = tmp_path / "old.sla", tmp_path / "new.sla"
    old.write_text(policy_text(CLOCK.replace("  cancels at incident.withdrawn\n", "")), "utf-8")
    new.write_text(policy_text(), "utf-8")
    done = sla("diff", str(old), str(new), "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [line]

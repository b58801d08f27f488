"""Named clocks and targets (issue 12): hand-worked verdicts, and every declaration judged.

Calendar of the cases: Tokyo business hours 10:00-12:00 and 13:00-18:00 (7 h a
day), Monday to Friday; Mon 23 Nov 2026 is Labour Thanksgiving Day. A P1
resolution target of 3 business days is 21 business hours of running time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.lang.compile import compile_text
from sla_dsl.policy import Policy

from .helpers import ev, run, t

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")

RESOLUTION = """
clock resolution "解決までの時間" / "Time to resolution" [art 3.2] {
  starts at incident.product_suspected, else incident.reported
  pauses at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  resets at incident.reprioritized
  at risk at 75% of target
}

clock suspicion "原因判断後の初回回答" / "First reply after suspicion" [art 3.2] {
  starts at incident.product_suspected
  stops at incident.responded
}
"""
P1_TARGETS = (
    "  resolve within 3 business days on resolution\n"
    "  update every 4 business hours on resolution by incident.info_provided\n"
    "  first reply within 2 business hours on suspicion\n"
)


def policy_text(extra: str = "", p1: str = P1_TARGETS, p2: str = "") -> str:
    text = CLICKSOKO.replace("  respond within 4 business hours\n", "  respond within 4 business hours\n" + p1, 1)
    text = text.replace("  respond within 1 business day ", "  respond within 1 business day\n" + p2 + "  ", 1)
    return text + RESOLUTION + extra


@cache
def targets_policy() -> Policy:
    return sla_dsl.load_policy(policy_text())


def targets_of(report: Any, ident: str) -> dict[str, Any]:
    row = next(r for r in report.incidents if r.id == ident)
    return {x.name: x for x in row.targets}


def test_the_policy_with_clocks_and_targets_is_clean() -> None:
    # W248: Click So-ko's same-day guideline of P1 applies to its plain response, not to the first reply
    assert [d.code for d in compile_text(policy_text()).diagnostics] == ["W248"]


# Reported Fri 20 Nov 16:00; information given 17:00 (paused over the weekend and the
# holiday of Mon 23 Nov); the customer replies Tue 24 Nov 11:00; resolved Thu 26 Nov 12:00.
PAUSED_OVER_HOLIDAY = [
    ev("incident.reported", "2026-11-20 16:00", "A", priority="P1"),
    ev("incident.info_provided", "2026-11-20 17:00", "A"),
    ev("incident.customer_replied", "2026-11-24 11:00", "A"),
    ev("incident.resolved", "2026-11-26 12:00", "A"),
]


def test_a_pause_across_a_weekend_and_a_holiday_is_not_counted() -> None:
    # Running: Fri 16:00-17:00 (1 h); Tue 11:00-12:00, 13:00-18:00 (6 h); Wed 7 h; Thu 10:00-12:00 (2 h): 16 h.
    # Due: 20 h left at Tue 11:00 -> Tue 6 h, Wed 7 h, Thu 7 h -> Thu 26 Nov 18:00.
    rep = run(PAUSED_OVER_HOLIDAY, policies=targets_policy())
    got = targets_of(rep, "A")
    res = got["resolve"]
    assert (res.status, res.due, res.met_at) == ("met", t("2026-11-26 18:00"), t("2026-11-26 12:00"))
    assert (res.used_minutes, res.target_minutes, res.clock) == (16 * 60, 21 * 60, "resolution")
    texts = [s.text for s in res.explain]
    assert any("paused at info_provided until customer_replied Fri 20 Nov 17:00" in x for x in texts)
    assert any("resumes at customer_replied Tue 24 Nov 11:00" in x for x in texts)
    # The update every 4 business hours: none after Fri 17:00; 4 h of running time pass Tue 16:00.
    upd = got["update"]
    assert (upd.status, upd.due, upd.missed) == ("breached", t("2026-11-24 16:00"), 1)
    said = [s.text for s in upd.explain]  # (it said "an responded every ...")
    assert any(x.startswith("an update (") and "every 4 business hours of running time" in x for x in said), said
    # The suspicion clock never started (no product_suspected): its target does not apply.
    assert got["first_reply"].status == "not_applicable"
    kinds = [(v.kind, v.id, v.at) for v in rep.violations if v.id == "A"]
    assert ("target_breached", "A", t("2026-11-24 16:00")) in kinds
    assert not any(k == "target_breached" and at == t("2026-11-26 18:00") for k, _, at in kinds)


def test_a_second_pause_event_while_paused_is_said_to_change_nothing() -> None:
    # The language: while paused, other pause events change nothing. A second info_provided during the
    # pause neither restarts the pause nor moves anything, and the explanation says so (it said nothing).
    events = [*PAUSED_OVER_HOLIDAY[:2], ev("incident.info_provided", "2026-11-24 10:00", "A"), *PAUSED_OVER_HOLIDAY[2:]]
    res = targets_of(run(events, policies=targets_policy()), "A")["resolve"]
    assert (res.status, res.due, res.used_minutes) == ("met", t("2026-11-26 18:00"), 16 * 60)  # as with one
    texts = [s.text for s in res.explain]
    assert any(
        "info_provided while paused: changes nothing, still waiting for customer_replied Tue 24 Nov 10:00" in x
        for x in texts
    ), texts
    one = [s.text for s in targets_of(run(PAUSED_OVER_HOLIDAY, policies=targets_policy()), "A")["resolve"].explain]
    assert not any("while paused" in x for x in one)


def test_a_clock_paused_at_as_of_is_paused_with_no_due_time() -> None:
    rep = run(PAUSED_OVER_HOLIDAY, policies=targets_policy(), as_of="2026-11-23 12:00")
    res = targets_of(rep, "A")["resolve"]
    assert (res.status, res.due, res.used_minutes) == ("paused", None, 60)
    assert "waiting for customer_replied" in res.explain[-1].text


OPEN = [ev("incident.reported", "2026-11-24 10:00", "B", priority="P1")]


@pytest.mark.parametrize(
    ("as_of", "status", "used_hours"),
    [
        ("2026-11-25 12:00", "open", 9),  # Tue 7 h + Wed 2 h of 21 h: 43%
        ("2026-11-26 15:00", "at_risk", 18),  # 7 + 7 + 4 h: 86%, past the 75% warning
        ("2026-11-26 18:00", "at_risk", 21),  # exactly at the due time: not yet late
        ("2026-11-27 10:30", "breached", 21.5),  # past Thu 26 Nov 18:00 with no resolution
    ],
)
def test_open_at_risk_and_breached_by_as_of(as_of: str, status: str, used_hours: float) -> None:
    rep = run(OPEN, policies=targets_policy(), as_of=as_of)
    res = targets_of(rep, "B")["resolve"]
    assert (res.status, res.due, res.used_minutes) == (status, t("2026-11-26 18:00"), used_hours * 60)
    breaches = [v for v in rep.violations if v.kind == "target_breached" and "resolution" in v.message]
    assert len(breaches) == (status == "breached")


def test_an_excluded_cause_excludes_every_target() -> None:
    evs = [ev("incident.reported", "2026-11-24 10:00", "C", priority="P1", cause="force_majeure")]
    got = targets_of(run(evs, policies=targets_policy(), as_of="2026-11-30 10:00"), "C")
    assert {k: v.status for k, v in got.items()} == dict.fromkeys(("resolve", "update", "first_reply"), "excluded")


def test_a_named_clock_starts_at_its_own_event_and_stops_at_its_stop() -> None:
    evs = [
        ev("incident.reported", "2026-11-24 10:00", "D", priority="P1"),
        ev("incident.product_suspected", "2026-11-24 11:00", "D"),
        ev("incident.responded", "2026-11-24 14:30", "D"),  # 11:00-12:00 + 13:00-14:30 = 2 h 30 m
    ]
    first = targets_of(run(evs, policies=targets_policy()), "D")["first_reply"]
    assert (first.status, first.due, first.used_minutes) == ("breached", t("2026-11-24 14:00"), 150)


def test_reprioritisation_takes_the_new_priority_targets_from_the_original_start() -> None:
    # P3 has no named targets; raised to P1, the resolution clock is reset at the change.
    evs = [
        ev("incident.reported", "2026-11-24 10:00", "E", priority="P3"),
        ev("incident.reprioritized", "2026-11-24 15:00", "E", priority="P1"),
    ]
    res = targets_of(run(evs, policies=targets_policy(), as_of="2026-11-25 10:00"), "E")["resolve"]
    # reset at Tue 15:00: 21 h from then -> Tue 3 h, Wed 7 h, Thu 7 h, Fri 4 h -> Fri 27 Nov 15:00
    assert (res.status, res.due, res.used_minutes) == ("open", t("2026-11-27 15:00"), 180)
    assert any("reset at reprioritized" in s.text for s in res.explain)


def test_completion_after_silence_stops_a_paused_clock() -> None:
    # P2: resolve within 5 business days on the resolution clock; information given Mon 16 Nov
    # 10:00 with no reply completes the incident 70 business hours later (Mon 30 Nov 18:00).
    pol = sla_dsl.load_policy(policy_text(p1="", p2="  resolve within 5 business days on resolution\n"))
    evs = [
        ev("incident.reported", "2026-11-13 10:00", "F", priority="P2"),
        ev("incident.info_provided", "2026-11-16 10:00", "F"),
    ]
    rep = run(evs, policies=pol, end="2026-12-10 00:00", as_of="2026-12-09 00:00")
    row = next(r for r in rep.incidents if r.id == "F")
    assert (row.completion, row.completed_at) == ("silence", t("2026-11-30 18:00"))
    res = targets_of(rep, "F")["resolve"]
    # running Fri 13 Nov 10:00-18:00 (7 h) only; stopped at the completion
    assert (res.status, res.met_at, res.used_minutes) == ("met", t("2026-11-30 18:00"), 7 * 60)


def test_two_of_every_declaration_are_all_judged() -> None:
    extra = """
notify ack "受付通知" / "Acknowledgement" [art 3.2] {
  within 1 hour after incident.reported
  met by incident.responded
}

notify first_report "第一報" / "First report" [art 3.1.4] {
  within 1 hour after outage.started
  met by outage.notified
}

maintenance nightly "夜間メンテナンス" / "Night maintenance" [art 2.3] {
  every week on sun, 02:00-03:00
  notice none
}
"""
    pol = sla_dsl.load_policy(policy_text(extra, p2="  resolve within 5 business days on resolution\n"))
    evs = [
        ev("incident.reported", "2026-11-24 10:00", "P1-INC", priority="P1"),
        ev("incident.responded", "2026-11-24 10:30", "P1-INC"),
        ev("incident.reported", "2026-11-24 10:00", "P2-INC", priority="P2"),
        ev("incident.reported", "2026-11-24 10:00", "FM", priority="P2", cause="force_majeure"),
        ev("incident.reported", "2026-11-24 10:00", "CF", priority="P2", cause="customer_fault"),
        ev("outage.started", "2026-11-25 10:00", "OUT", cause="failure"),
        ev("outage.recognized", "2026-11-25 10:30", "OUT"),
        ev("outage.notified", "2026-11-25 11:30", "OUT"),
        ev("outage.ended", "2026-11-25 12:00", "OUT"),
    ]
    rep = run(evs, policies=pol, as_of="2026-11-25 17:00")
    # two clocks: both measure targets of P1; two priorities with a resolution target
    assert {"resolve", "first_reply", "ack"} <= set(targets_of(rep, "P1-INC"))
    assert targets_of(rep, "P1-INC")["ack"].status == "met"
    assert targets_of(rep, "P2-INC")["resolve"].status == "open"
    assert targets_of(rep, "P2-INC")["ack"].status == "breached"  # an incident.* notify rule
    # two exclusions
    assert {r.id: r.status for r in rep.incidents if r.id in ("FM", "CF")} == {"FM": "excluded", "CF": "excluded"}
    # two notify rules on an outage: each judged with its own due time
    notices = {n.name: n for n in next(o for o in rep.outages if o.id == "OUT").notices}
    assert (notices["recovery"].status, notices["recovery"].due) == ("met", t("2026-11-25 14:30"))
    assert (notices["first_report"].status, notices["first_report"].due) == ("breached", t("2026-11-25 11:00"))
    assert any(v.kind == "notice_breached" and "First report" in v.message for v in rep.violations)  # (its label)
    # two maintenance rules: both have windows in the period
    assert {"regular", "nightly"} <= {m.name for m in rep.maintenance}


P1_FIRST = "  first reply within 2 business hours on suspicion\n"
P1_RESOLVE = "  resolve within 3 business days on resolution\n"
P1_UPDATE = "  update every 4 business hours on resolution by incident.info_provided\n"
REFUSED = [
    ((P1_FIRST, "  resolve within 2 days on nowhere\n"), "E240", "no clock is called `nowhere`"),
    (("  stops at incident.responded\n", ""), "E241", "has no `stops at`"),
    (
        ("else incident.reported  # reading 6\n", "else incident.reported\n  stops at incident.resolved\n"),
        "E242",
        "plain `respond within`",
    ),
    ((P1_RESOLVE, "  resolve within 1 month on resolution\n"), "E243", "not a fixed amount"),
    (("  stops at incident.resolved\n", "  stops at outage.ended\n"), "E244", "incident events only"),
    ((P1_UPDATE, "  resolve within 2 days on resolution\n"), "E246", "two `resolve` targets"),
]


@pytest.mark.parametrize(("change", "code", "words"), REFUSED)
def test_clock_rules_that_cannot_be_judged_are_refused_at_their_line(
    change: tuple[str, str], code: str, words: str
) -> None:
    text = policy_text()
    assert change[0] in text
    text = text.replace(change[0], change[1], 1)
    found = [d for d in compile_text(text).diagnostics if d.code == code]
    assert found and words in found[0].message, [d.message for d in compile_text(text).diagnostics]
    assert found[0].span.line > 1


def test_an_unused_clock_is_a_warning() -> None:
    text = policy_text().replace("  first reply within 2 business hours on suspicion\n", "", 1)
    diags = compile_text(text).diagnostics
    assert [(d.code, d.is_error) for d in diags] == [("W240", False)]


def test_the_helpdesk_example_meets_its_hand_worked_goldens() -> None:
    from sla_dsl.authoring.policytest import run as run_tests

    examples = ROOT / "policies" / "examples"
    outcomes = run_tests(sla_dsl.load_policy(examples / "helpdesk.sla"), [examples / "helpdesk-tests.yaml"])
    assert outcomes and all(o.passed for o in outcomes), [o.problems for o in outcomes]
    assert compile_text((examples / "helpdesk.sla").read_text("utf-8")).diagnostics == []


def test_a_changed_pause_rule_is_a_change_in_meaning_and_fmt_keeps_it() -> None:
    from sla_dsl.authoring.fmt import format_text
    from sla_dsl.authoring.semdiff import diff_models, render_text

    old = policy_text()
    new = old.replace("until incident.customer_replied", "until incident.resolved", 1)
    a, b = compile_text(old).model, compile_text(new).model
    assert a is not None and b is not None
    text = render_text(a, b, diff_models(a, b))
    # (event types by their words, as every form of the diff says them)
    assert "pauses: information given to the end user until a reply from the end user -> " in text
    assert "until the receipt of a workaround or the information needed" in text
    # sla fmt lays the new statements out and keeps their meaning
    formatted = format_text(old)
    assert "  pauses at incident.info_provided until incident.customer_replied" in formatted
    assert diff_models(a, compile_text(formatted).model or a) == []


def test_every_word_of_the_target_tables_exists_in_japanese_and_english() -> None:
    import re

    from sla_dsl.docs import targets as docs_targets
    from sla_dsl.i18n import CATALOGUE
    from sla_dsl.report import targets as report_targets

    # the site's and the report's table words are catalogue entries (one Msg per key: both languages or no type check)
    table = {k: v for k, v in CATALOGUE.items() if k.startswith(("report.targets.", "site.targets."))}
    assert table and all(v.ja and v.en for v in table.values())
    assert report_targets._w  # the table reads them through the catalogue
    model = compile_text((ROOT / "policies" / "examples" / "helpdesk.sla").read_text("utf-8")).model
    assert model is not None
    page = "".join(docs_targets.targets_html(p, model, "ja") for p in model.priorities)
    page += "".join(x for c in model.clocks for x in docs_targets.clock_lines(c, "ja"))
    assert "解決" in page and not re.search("[A-Za-z]", re.sub("<[^>]+>", "", page)), page


def test_replay_names_the_targets_whose_verdict_changes() -> None:
    from sla_dsl.authoring.replay import compare
    from sla_dsl.reader import read_events

    examples = ROOT / "policies" / "examples"
    text = (examples / "helpdesk.sla").read_text("utf-8")
    old = sla_dsl.load_policy(text)
    new = sla_dsl.load_policy(text.replace("resolve within 2 business days", "resolve within 1 business day", 1))
    evs = read_events(examples / "helpdesk-events.jsonl", declared=old.event_types)  # incident.chat_started
    args = (t("2026-11-01 00:00"), t("2026-12-01 00:00"), t("2026-11-27 12:00"))
    result = compare(sla_dsl.evaluate(old, evs, *args), sla_dsl.evaluate(new, evs, *args))
    flips = {(f.id, f.target): (f.old_status, f.new_status) for f in result.targets}
    # H1 ran 8 h of 8 by Tue 24 Nov 15:00 and stopped at 16:00
    assert flips[("H1", "resolve")] == ("met", "breached")
    assert ("H4", "resolve") not in flips  # a P2 target: unchanged


def test_hover_on_a_clock_name_shows_its_life_cycle_and_targets() -> None:
    from sla_dsl.authoring.hover import hover_text

    text = policy_text()
    model = compile_text(text).model
    assert model is not None
    line = next(i for i, x in enumerate(text.splitlines()) if x.startswith("clock resolution"))
    shown = hover_text(model, text, line, len("clock re"))
    assert shown is not None
    assert "pauses at `incident.info_provided` until `incident.customer_replied`" in shown
    assert "P1 resolve 3 business days" in shown

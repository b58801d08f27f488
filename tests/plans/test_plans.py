"""Issue 13: attributes choose the rules, availability per service and month with credits,
backups in windows of hours. Expectations are worked by hand in the comments.

The policy is ``policies/examples/plans.sla``: P1 premium 1 hour elapsed (first rule),
P1 otherwise 4 business hours (10-12, 13-18 on weekdays but JP holidays); service
``content`` 99.5% monthly with credits below 99.5% 10%, below 99.0% 25%, below 95.0% 100%;
service ``portal`` 99.0% quarterly; backups ``database`` every day and ``logs`` every 12 hours.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.events.problems import EventInputError
from sla_dsl.policy import Policy
from sla_dsl.report import Report

ROOT = Path(__file__).resolve().parents[2]
TZ = ZoneInfo("Asia/Tokyo")


PLANS_TEXT = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")


@cache
def plans() -> Policy:
    return sla_dsl.load_policy(ROOT / "policies" / "examples" / "plans.sla")


def t(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def ev(event: str, at: str, ident: str, **fields: Any) -> dict[str, Any]:
    return {"event": event, "at": t(at).isoformat(), "id": ident, **fields}


def run(events: list[dict[str, Any]], start: str, end: str) -> Report:
    return sla_dsl.evaluate(plans(), events, t(start), t(end))


# -- premium and standard from one log ---------------------------------------------------

# Mon 2 Nov 2026 10:00: premium P1 is due 11:00 (1 hour elapsed); standard P1 is due
# 15:00 (10-12 and 13-15: 4 business hours). Both answered 11:30. Sat 7 Nov 02:00 premium:
# due 03:00 the same night (elapsed time, 24x7); standard on Saturday: due Mon 9 Nov 15:00
# (10-12, 13-15), unanswered by 1 Dec so breached.
PLANS_LOG = [
    ev("incident.reported", "2026-11-02 10:00", "PREM", priority="P1", attributes={"plan": "premium"}),
    ev("incident.responded", "2026-11-02 11:30", "PREM"),
    ev("incident.reported", "2026-11-02 10:00", "STD", priority="P1"),
    ev("incident.responded", "2026-11-02 11:30", "STD"),
    ev("incident.reported", "2026-11-02 10:00", "STD2", priority="P1", attributes={"plan": "standard"}),
    ev("incident.responded", "2026-11-02 11:30", "STD2"),
    ev("incident.reported", "2026-11-07 02:00", "NIGHT", priority="P1", attributes={"plan": "premium"}),
    ev("incident.responded", "2026-11-07 02:50", "NIGHT"),
    ev("incident.reported", "2026-11-07 02:00", "WEEKEND", priority="P1"),
]


def test_premium_and_standard_incidents_of_one_log_get_their_own_targets() -> None:
    r = run(PLANS_LOG, "2026-11-01", "2026-12-01")
    rows = {i.id: i for i in r.incidents}
    assert (rows["PREM"].response_due, rows["PREM"].status) == (t("2026-11-02 11:00"), "breached")
    assert (rows["STD"].response_due, rows["STD"].status) == (t("2026-11-02 15:00"), "met")
    assert (rows["STD2"].response_due, rows["STD2"].status) == (t("2026-11-02 15:00"), "met")
    assert (rows["NIGHT"].response_due, rows["NIGHT"].status) == (t("2026-11-07 03:00"), "met")
    assert rows["WEEKEND"].response_due == t("2026-11-09 15:00")
    line = 1 + next(i for i, x in enumerate(PLANS_TEXT.splitlines()) if x.startswith("priority P1 "))
    assert any(f"`when plan = premium` (line {line}) applies" in s.text for s in rows["PREM"].explain)
    assert sorted(v.id for v in r.violations if v.kind == "response_breached") == ["PREM", "WEEKEND"]


def test_a_reprioritised_premium_incident_keeps_its_plan() -> None:
    # P2 premium falls to the only P2 rule (1 business day = 7 business hours: due Wed 4 Nov 10:00,
    # 3 Nov being a holiday); raised to P1 at 10:10 it is due 11:00 from the original clock start.
    log = [
        ev("incident.reported", "2026-11-02 10:00", "R", priority="P2", attributes={"plan": "premium"}),
        ev("incident.reprioritized", "2026-11-02 10:10", "R", priority="P1"),
    ]
    (row,) = run(log, "2026-11-01", "2026-12-01").incidents
    assert row.priority == "P1" and row.response_due == t("2026-11-02 11:00")


def test_both_paths_agree_on_the_plans_log() -> None:
    fast = judge_log(plans(), log_from(PLANS_LOG), t("2026-11-01"), t("2026-12-01"), batch=True)
    slow = judge_log(plans(), log_from(PLANS_LOG), t("2026-11-01"), t("2026-12-01"), batch=False)
    assert fast.report().model_dump_json() == slow.report().model_dump_json()


@st.composite
def logs(draw: st.DrawFn) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    base = t("2026-11-02 00:00")
    for n in range(draw(st.integers(1, 8))):
        at = base + dt.timedelta(minutes=30 * draw(st.integers(0, 400)))
        e: dict[str, Any] = {"event": "incident.reported", "at": at.isoformat(), "id": f"I{n}"}
        e["priority"] = draw(st.sampled_from(["P1", "P1", "P2"]))
        plan = draw(st.sampled_from([None, "premium", "standard"]))
        if plan:
            e["attributes"] = {"plan": plan}
        out.append(e)
        if draw(st.booleans()):
            later = at + dt.timedelta(minutes=20 * draw(st.integers(0, 40)))
            out.append({"event": "incident.responded", "at": later.isoformat(), "id": f"I{n}"})
        if draw(st.integers(0, 4)) == 0:
            later = at + dt.timedelta(minutes=5)
            out.append({"event": "incident.reprioritized", "at": later.isoformat(), "id": f"I{n}", "priority": "P1"})
        for _ in range(draw(st.integers(0, 2))):  # the plan changed during the incident (`changes at`)
            later = at + dt.timedelta(minutes=20 * draw(st.integers(-2, 40)))
            attrs = {"plan": draw(st.sampled_from(["premium", "standard"]))}
            if draw(st.integers(0, 3)) == 0:  # (and a channel, which that event does not change)
                attrs["channel"] = draw(st.sampled_from(["ja", "en"]))
            out.append({"event": "incident.plan_changed", "at": later.isoformat(), "id": f"I{n}", "attributes": attrs})
    return out


@cache
def plans_changing() -> Policy:
    """The plans example with the plan changed during an incident by a declared event type."""
    text = PLANS_TEXT.replace("  default standard\n}", "  default standard\n  changes at incident.plan_changed\n}", 1)
    return sla_dsl.load_policy(text + '\nevent incident.plan_changed "プラン変更" / "Plan changed"\n')


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=logs(), as_of=st.integers(0, 40))
def test_columns_and_reference_agree_on_random_logs_with_attributes(evs: list[dict[str, Any]], as_of: int) -> None:
    start, end = t("2026-11-01"), t("2026-12-01")
    when = t("2026-11-02") + dt.timedelta(hours=6 * as_of)
    policy = plans_changing()
    log = partial(log_from, evs, declared=policy.event_types)
    fast = judge_log(policy, log(), start, end, when, batch=True).report().model_dump_json()
    slow = judge_log(policy, log(), start, end, when, batch=False).report().model_dump_json()
    assert fast == slow


def test_an_undeclared_attribute_or_value_is_an_event_error_naming_the_line() -> None:
    log = [
        ev("incident.reported", "2026-11-02 10:00", "A", priority="P1", attributes={"plan": "gold"}),
        ev("incident.reported", "2026-11-02 10:00", "B", priority="P1", attributes={"tier": "x"}),
    ]
    with pytest.raises(EventInputError) as err:
        run(log, "2026-11-01", "2026-12-01")
    found = {(p.line, p.code) for p in err.value.problems}
    assert found == {(1, "E129"), (2, "E128")}
    assert all(p.help for p in err.value.problems)


def test_attributes_must_be_an_object_of_strings() -> None:
    log = [ev("incident.reported", "2026-11-02 10:00", "A", priority="P1", attributes={"plan": 3})]
    with pytest.raises(EventInputError) as err:
        run(log, "2026-11-01", "2026-12-01")
    assert [p.line for p in err.value.problems] == [1]


def test_an_unknown_incident_cause_is_refused_like_an_outage_cause() -> None:
    # done before issue 13 (E122, same help line): verified here
    log = [ev("incident.reported", "2026-11-02 10:00", "A", priority="P1", cause="force_majuere")]
    with pytest.raises(EventInputError) as err:
        run(log, "2026-11-01", "2026-12-01")
    (p,) = err.value.problems
    assert p.code == "E122" and "force_majuere" in p.message and p.help and "force_majeure" in p.help


# -- availability per month, credits -----------------------------------------------------

# November has 30 days = 43,200 minutes. A 6-hour outage (360 min) gives 99.1667%: below
# 99.5% but not below 99.0%, so 10% is owed. December has no outage but a 10-hour force-majeure
# one (excluded): 100%. Over the two months together (87,840 min, 600 excluded) it is 99.587%,
# above the target: the bad November would be hidden by December.
AVAIL_LOG = [
    ev("outage.started", "2026-11-10 00:00", "O1", cause="failure"),
    ev("outage.ended", "2026-11-10 06:00", "O1"),
    ev("outage.started", "2026-12-01 00:00", "O2", cause="force_majeure"),
    ev("outage.ended", "2026-12-01 10:00", "O2"),
]


def test_each_month_is_measured_and_a_bad_november_owes_a_credit() -> None:
    r = run(AVAIL_LOG, "2026-11-01", "2027-01-01")
    content = [p for p in r.availability_periods if p.service == "content" and p.when is None]
    assert [(p.start, p.end, p.complete) for p in content] == [
        (t("2026-11-01"), t("2026-12-01"), True),
        (t("2026-12-01"), t("2027-01-01"), True),
    ]
    nov, dec = content
    assert nov.downtime_minutes == 360 and nov.measured_minutes == 43_200
    assert nov.ratio == pytest.approx(1 - 360 / 43_200) and nov.met is False
    assert dec.ratio == 1.0 and dec.met is True and dec.measured_minutes == 44_640 - 600
    assert r.availability.ratio == pytest.approx(1 - 360 / (87_840 - 600))  # the whole period: above 99.5%
    premium, credit = r.credits  # in the policy's order: premium's (99.1667% < 99.5%: 25%), then the other's
    assert (credit.service, credit.start, credit.below, credit.credit_percent) == ("content", t("2026-11-01"), 99.5, 10)
    assert (premium.when, premium.target, premium.below, premium.credit_percent) == ("plan = premium", 99.9, 99.5, 25)
    assert credit.ref == "Article 6"
    assert [v.id for v in r.violations if v.kind == "availability"] == [
        "content:2026-11-01",
        "content:2026-11-01:plan=premium",
    ]


@pytest.mark.parametrize(
    ("hours", "below", "credit"),
    [(6, 99.5, 10), (8, 99.0, 25), (36, 99.0, 25), (37, 95.0, 100)],  # 36h = 95.0% exactly: not below 95.0%
)
def test_the_lowest_tier_below_applies(hours: int, below: float, credit: float) -> None:
    # 8h = 480 min: 98.889% < 99.0%; 37h = 2,220 min: 94.861% < 95.0%
    end = (t("2026-11-10 00:00") + dt.timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M")
    log = [ev("outage.started", "2026-11-10 00:00", "O", cause="failure"), ev("outage.ended", end, "O")]
    (c,) = [c for c in run(log, "2026-11-01", "2026-12-01").credits if c.when is None]
    assert (c.below, c.credit_percent) == (below, credit)


def test_two_measured_services_are_both_reported() -> None:
    # portal is measured per quarter: Q4 cut to Nov-Dec is not a whole quarter, so no credit
    # and no violation; its figure over Nov-Dec counts the same outage (no maintenance there).
    r = run(AVAIL_LOG, "2026-11-01", "2027-01-01")
    portal = [p for p in r.availability_periods if p.service == "portal"]
    assert [(p.start, p.end, p.complete, p.period) for p in portal] == [
        (t("2026-11-01"), t("2027-01-01"), False, "quarter")
    ]
    assert portal[0].downtime_minutes == 360
    assert {c.service for c in r.credits} == {"content"}


def test_a_month_not_over_at_as_of_owes_nothing_yet() -> None:
    r = sla_dsl.evaluate(plans(), AVAIL_LOG, t("2026-11-01"), t("2026-12-01"), t("2026-11-20"))
    (nov,) = [p for p in r.availability_periods if p.service == "content" and p.when is None]
    assert nov.complete is False and r.credits == []


# -- backups every 12 hours --------------------------------------------------------------


def test_backups_every_12_hours_are_judged_in_12_hour_windows() -> None:
    # logs taken Sun 1 Nov 03:00 and 15:00, none on 2 Nov: 1 Nov's two windows ok, 2 Nov's missed
    log = [
        ev("backup.completed", "2026-11-01 03:00", "L1", kind="logs"),
        ev("backup.completed", "2026-11-01 15:00", "L2", kind="logs"),
        ev("backup.completed", "2026-11-01 04:00", "D1", kind="database"),
        ev("backup.completed", "2026-11-02 04:00", "D2", kind="database"),
    ]
    r = run(log, "2026-11-01", "2026-11-03")
    logs_rows = [(b.window_start, b.status) for b in r.backups if b.kind == "logs"]
    assert logs_rows == [
        (t("2026-11-01 00:00"), "ok"),
        (t("2026-11-01 12:00"), "ok"),
        (t("2026-11-02 00:00"), "missed"),
        (t("2026-11-02 12:00"), "missed"),
    ]
    assert [(b.day, b.status, b.window_start) for b in r.backups if b.kind == "database"] == [
        (dt.date(2026, 11, 1), "ok", None),
        (dt.date(2026, 11, 2), "ok", None),
    ]
    assert [v.id for v in r.violations if v.kind == "backup_missed"] == [
        "logs:2026-11-02T00:00:00+09:00",
        "logs:2026-11-02T12:00:00+09:00",
    ]


# -- a second support line on its own calendar, chosen by the incident's channel -------------

SUPPORT_LINES = """sla "Lines" { format 1 version "1" effective 2026-01-01 timezone Asia/Tokyo }
attribute channel "窓口" / "Channel" { values ja, en default ja }
calendar business { days mon..fri hours 10:00-12:00, 13:00-18:00 holidays JP }
calendar desk_en { days mon..fri hours 16:00-24:00 }
priority P1 { when channel = en respond within 4 desk_en hours }
priority P1 { respond within 4 business hours }
"""


def test_an_english_incident_is_judged_on_the_english_desk_calendar() -> None:
    # Tue 3 Nov 2026 is a Japanese holiday (Culture Day); the English desk (16:00-24:00, no
    # Japanese holidays) is open. English, reported 10:00: the desk opens 16:00, due 20:00.
    # Japanese, reported 10:00: next business day Wed 4 Nov 10-12, 13-15: due Wed 15:00.
    lines = sla_dsl.load_policy(SUPPORT_LINES)
    log = [
        ev("incident.reported", "2026-11-03 10:00", "EN", priority="P1", attributes={"channel": "en"}),
        ev("incident.reported", "2026-11-03 10:00", "JA", priority="P1", attributes={"channel": "ja"}),
        ev("incident.reported", "2026-11-03 10:00", "DEFAULT", priority="P1"),
    ]
    r = sla_dsl.evaluate(lines, log, t("2026-11-01"), t("2026-12-01"), t("2026-11-03 19:00"))
    rows = {i.id: i for i in r.incidents}
    assert (rows["EN"].response_due, rows["EN"].status) == (t("2026-11-03 20:00"), "open")
    assert rows["JA"].response_due == rows["DEFAULT"].response_due == t("2026-11-04 15:00")


def test_an_outage_of_one_service_counts_against_that_service_only() -> None:
    # portal down 24 hours in November (1,440 of 87,840 minutes over Nov-Dec: 98.361%, below
    # 99.0%, but the quarter is not whole: no credit); content keeps 100% for both months.
    log = [
        ev("outage.started", "2026-11-10 00:00", "P", cause="failure", service="portal"),
        ev("outage.ended", "2026-11-11 00:00", "P"),
    ]
    r = run(log, "2026-11-01", "2027-01-01")
    by = {(p.service, p.start): p for p in r.availability_periods}
    assert by[("portal", t("2026-11-01"))].downtime_minutes == 1440
    assert by[("portal", t("2026-11-01"))].ratio == pytest.approx(1 - 1440 / 87_840)
    assert by[("content", t("2026-11-01"))].ratio == 1.0 and r.credits == []
    assert r.availability.downtime_minutes == 0  # the report's total is the first measured service's
    (row,) = r.outages
    assert row.downtime_minutes == 1440


def test_an_unknown_service_on_an_outage_is_an_event_error() -> None:
    log = [ev("outage.started", "2026-11-10 00:00", "P", service="portl")]
    with pytest.raises(EventInputError) as err:
        run(log, "2026-11-01", "2026-12-01")
    (p,) = err.value.problems
    assert (p.code, p.line) == ("E130", 1) and "portal" in (p.help or "")


def test_a_csv_log_gives_attributes_as_json_text_in_their_cell(tmp_path: Path) -> None:
    from sla_dsl.events import read_events

    path = tmp_path / "log.csv"
    path.write_text(
        "event,at,id,priority,attributes\n"
        "incident.reported,2026-11-02T10:00:00+09:00,A,P1,\n"
        'incident.reported,2026-11-02T10:00:00+09:00,B,P1,"{""plan"": ""premium""}"\n'
        "incident.reported,2026-11-02T10:00:00+09:00,C,P1,premium\n",
        "utf-8",
    )
    with pytest.raises(EventInputError) as err:
        read_events(path)
    assert [(p.line, p.code) for p in err.value.problems] == [(4, "E109")]
    lines = path.read_text("utf-8").splitlines()[:-1]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    r = sla_dsl.evaluate(plans(), read_events(path), t("2026-11-01"), t("2026-12-01"))
    assert {i.id: i.response_due for i in r.incidents} == {"A": t("2026-11-02 15:00"), "B": t("2026-11-02 11:00")}


def test_an_arrow_table_carries_attributes_as_a_map_column() -> None:
    from sla_dsl.events.arrow import read_table
    from sla_dsl.events.table_schema import events_table

    table = events_table(PLANS_LOG)
    assert str(table.schema.field("attributes").type) == "map<string, string>"
    r = sla_dsl.evaluate(plans(), read_table(table), t("2026-11-01"), t("2026-12-01"))
    assert r.model_dump_json() == run(PLANS_LOG, "2026-11-01", "2026-12-01").model_dump_json()

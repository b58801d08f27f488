"""Request Tracker's own SLA tests (``t/sla/*.t`` of bestpractical/rt), replayed on a policy written as the docs say.

Each case is an assertion of RT's test suite on a ticket's ``Due`` (or
``Starts``-free due time) under a ``%ServiceAgreements`` configuration, with
RT's sleeps and ``time`` replaced by fixed instants. RT keeps one ``Due`` per
ticket, the earliest of the deadlines in force; here each deadline is a
target of its own (the authors' guide, *Service levels of Request Tracker*),
so each RT assertion is checked on the target of the deadline it is about.
The expected times are RT's (its test's literal, or its ``CalculateTime``
worked on the instants below); none is read from the engine.

* ``t/sla/due.t`` block 1: ``Resolve`` 2 h, ``SetSLA('4')`` (4 h): the due time
  moves 2 h later, from the creation (``incident.reprioritized``).
* ``t/sla/due.t`` block 3: ``Response`` 2 h: set at the requestor's creation,
  unset by a staff reply, set again by the requestor's next message and not
  moved by a second one.
* ``t/sla/due.t`` block 4: with ``KeepInLoop`` 4 h: each staff reply moves it 4 h
  after that reply; a requestor message brings the 2 h ``Response`` back.
* ``t/sla/due.t`` block 5: replies do not move ``Resolve``.
* ``t/sla/queue.t``: the queue's default level ``4`` (``Resolve`` 4 h): due 4 h after.
* ``t/sla/business_hours.t``: ``Sunday`` level, 60 business minutes of a schedule
  open on Sundays 9-17, created Mon 2007-01-01 00:00 UTC: due 2007-01-07 10:00;
  ``SetSLA('Monday')`` (the default schedule, Mondays 9-17): 2007-01-01 10:00.
* ``t/sla/timezone.t``: 120 business minutes of Business::Hours' default
  (Mon-Fri 9-18) in each queue's zone, created 2007-01-01 22:00 UTC: US
  (New York) due 2007-01-02 15:00 UTC, RU (Moscow) 08:00 UTC.
* ``t/sla/ignore-on-statuses.t`` block 1: ``KeepInLoop`` 4 h with
  ``IgnoreOnStatuses``: a staff reply while stalled, then ``open``: due 4 h after
  that reply. Block 3: ``Response`` 2 h, stalled, the requestor's reply and
  ``open``: due unchanged. With ``ExcludeTimeOnIgnoredStatuses``: the time
  stalled (10 min and 1 s here) is added.
* RT's documentation of ``OutOfHours`` (``etc/RT_Config.pm.in``): ``Resolve`` 2 h,
  +24 h when created out of hours: 26 h at night and at 18:00 itself
  (Business::Hours ends a day's hours a second before its ``End``), 2 h at 09:00.

* ``t/sla/ignore-on-statuses.t`` block 2: with ``IgnoreOnStatuses`` alone, RT unsets
  the due date while the ticket is stalled, so a ``KeepInLoop`` that runs out while
  stalled is never overdue there: ``not due at incident.info_provided until
  incident.reopened`` on the clock (it counts on; no deadline applies while
  stalled), so IGN2's loop, due 13:20 while stalled and resolved still stalled, is
  met; and open, not at risk nor breached, while it is still stalled.
"""

from __future__ import annotations

from typing import Any

import pytest

import sla_dsl
from clocks.helpers import sla

POLICY = """\
sla "RT" {
  format 1
  version "1"
  effective 2006-01-01
  timezone UTC
  provider "サポート窓口" / "Support desk"
  languages ja, en
}

calendar business "営業時間" / "Business hours" {
  hours mon..fri 09:00-18:00
}

calendar sunday "日曜" / "Sunday" {
  days sun
  hours 09:00-17:00
}

calendar monday "月曜" / "Monday" {
  days mon
  hours 09:00-17:00
}

calendar us "米国" / "US" {
  timezone America/New_York
  hours mon..fri 09:00-18:00
}

calendar ru "ロシア" / "RU" {
  timezone Europe/Moscow
  hours mon..fri 09:00-18:00
}

attribute queue "キュー" / "Queue" {
  value general "一般" / "General"
  value us "米国" / "US"
  value ru "ロシア" / "RU"
  default general
}

event incident.staff_replied "担当者の返信" / "Staff reply"
event incident.requestor_wrote "依頼者のメッセージ" / "Requestor's message"
event incident.reopened "保留からの再開" / "Reopened from stalled"

clock response "応答" / "Response" { starts at incident.reported }

clock reply "回答" / "Reply" {
  starts at incident.reported
  not due at incident.info_provided until incident.reopened
  stops at incident.staff_replied, incident.resolved
  restarts at incident.requestor_wrote
}

clock reply_x "回答（保留を除く）" / "Reply (stalled excluded)" {
  starts at incident.reported
  pauses at incident.info_provided until incident.reopened
  stops at incident.staff_replied, incident.resolved
  restarts at incident.requestor_wrote
}

clock loop "途中経過の連絡" / "Keep in loop" {
  starts at incident.staff_replied
  not due at incident.info_provided until incident.reopened
  stops at incident.requestor_wrote, incident.resolved
  resets at incident.staff_replied
}

clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
}

priority L2 "2" / "2" {
  respond within 2 hours
  respond within 2 hours on reply
  first reply within 4 hours on loop
  resolve within 2 hours on resolution
}

priority L4 "4" / "4" {
  respond within 4 hours
  resolve within 4 hours on resolution
}

priority X2 "2（保留時間を除く）" / "2 (stalled excluded)" {
  respond within 2 hours
  respond within 2 hours on reply_x
}

priority O2 "2h" / "2h" {
  respond within 2 hours
  resolve within 2 hours on resolution, plus 24 hours if received outside business hours
}

priority Sunday "日曜" / "Sunday" {
  respond within 1 sunday hour
  resolve within 1 sunday hour on resolution
}

priority Monday "月曜" / "Monday" {
  respond within 1 monday hour
  resolve within 1 monday hour on resolution
}

priority T2 "2" / "2" {
  when queue = ru
  respond within 2 ru hours
  resolve within 2 ru hours on resolution
}

priority T2 "2" / "2" {
  respond within 2 us hours
  resolve within 2 us hours on resolution
}
"""


def _e(event: str, at: str, key: str, **more: Any) -> dict[str, Any]:
    return {"event": f"incident.{event}", "at": f"2026-11-16T{at}Z", "id": key, **more}


EVENTS = [
    # due.t block 1
    _e("reported", "09:00:00", "DUE1", priority="L2"),
    _e("reprioritized", "09:10:00", "DUE1", priority="L4"),
    # due.t blocks 3 to 5: the requestor creates; two staff replies; two requestor messages
    _e("reported", "09:00:00", "DUE3", priority="L2"),
    _e("responded", "09:30:00", "DUE3"),
    _e("staff_replied", "09:30:00", "DUE3"),
    _e("staff_replied", "09:45:00", "DUE3"),
    *(_e(k, at, "DUE3") for at in ("10:00:00", "10:30:00") for k in ("customer_replied", "requestor_wrote")),
    # queue.t
    _e("reported", "09:00:00", "QUEUE", priority="L4"),
    # ignore-on-statuses.t block 1: staff reply 09:30, stalled 09:40, staff reply and open 10:00
    _e("reported", "09:00:00", "IGN1", priority="L2"),
    _e("responded", "09:30:00", "IGN1"),
    _e("staff_replied", "09:30:00", "IGN1"),
    _e("info_provided", "09:40:00", "IGN1"),
    _e("staff_replied", "10:00:00", "IGN1"),
    _e("reopened", "10:00:00", "IGN1"),
    # ignore-on-statuses.t block 3: stalled 09:10, the requestor's reply and open 09:20
    *(
        e
        for key, prio in (("IGN3", "L2"), ("IGN3X", "X2"))
        for e in (
            _e("reported", "09:00:00", key, priority=prio),
            _e("info_provided", "09:10:00", key),
            _e("customer_replied", "09:20:00", key),
            _e("requestor_wrote", "09:20:00", key),
            _e("reopened", "09:20:00", key),
        )
    ),
    # ... and with ExcludeTimeOnIgnoredStatuses: stalled again for one second
    _e("info_provided", "09:30:00", "IGN3X"),
    _e("reopened", "09:30:01", "IGN3X"),
    # RT's OutOfHours example
    *(_e("reported", f"{at}:00", f"OOH-{at[:2]}", priority="O2") for at in ("20:00", "10:00", "18:00", "09:00")),
    # IgnoreOnStatuses alone (ignore-on-statuses.t block 2's KeepInLoop): stalled after a staff reply, resolved
    # while still stalled after the loop's due time
    _e("reported", "09:00:00", "IGN2", priority="L2"),
    _e("responded", "09:20:00", "IGN2"),
    _e("staff_replied", "09:20:00", "IGN2"),
    _e("info_provided", "09:30:00", "IGN2"),
    _e("resolved", "15:00:00", "IGN2"),
]

#: (RT's source, ticket, target, as of, RT's due time, status)
CASES = [
    ("due.t 1: SetSLA 2h -> 4h", "DUE1", "resolve", "09:15", "13:00:00", "open"),
    ("due.t 3: set at creation", "DUE3", "respond@reply", "09:05", "11:00:00", "open"),
    ("due.t 3: unset by the staff reply", "DUE3", "respond@reply", "09:35", "11:00:00", "met"),
    ("due.t 3: set again by the requestor", "DUE3", "respond@reply", "10:15", "12:00:00", "open"),
    ("due.t 3: unchanged by a second message", "DUE3", "respond@reply", "10:45", "12:00:00", "open"),
    ("due.t 4: KeepInLoop after a staff reply", "DUE3", "first_reply", "09:35", "13:30:00", "open"),
    ("due.t 4: KeepInLoop slightly moved", "DUE3", "first_reply", "09:50", "13:45:00", "open"),
    ("due.t 5: replies do not move Resolve", "DUE3", "resolve", "10:45", "11:00:00", "open"),
    ("queue.t: the queue's level 4", "QUEUE", "resolve", "09:05", "13:00:00", "open"),
    ("ignore-on-statuses.t 1: KeepInLoop set", "IGN1", "first_reply", "09:35", "13:30:00", "open"),
    ("ignore-on-statuses.t 1: ignored for stalled", "IGN1", "first_reply", "09:45", "13:30:00", "open"),
    ("ignore-on-statuses.t 1: reply while stalled", "IGN1", "first_reply", "10:15", "14:00:00", "open"),
    ("ignore-on-statuses.t 3: ignored for stalled", "IGN3", "respond@reply", "09:15", "11:00:00", "open"),
    ("ignore-on-statuses.t 3: not changed", "IGN3", "respond@reply", "09:25", "11:00:00", "open"),
    ("ignore-on-statuses.t 3: time stalled excluded", "IGN3X", "respond@reply_x", "09:35", "11:10:01", "open"),
    ("OutOfHours: at night, 26 h", "OOH-20", "resolve", "21:00", "2026-11-17T22:00:00", "open"),
    ("OutOfHours: in hours, 2 h", "OOH-10", "resolve", "10:30", "12:00:00", "open"),
    ("OutOfHours: at 18:00, 26 h", "OOH-18", "resolve", "21:00", "2026-11-17T20:00:00", "open"),
    ("OutOfHours: at 09:00, 2 h", "OOH-09", "resolve", "09:30", "11:00:00", "open"),
]


def _targets(as_of: str) -> dict[str, Any]:
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), EVENTS, "2026-11-01", "2026-12-01", as_of)
    return {
        f"{i.id}:{x.name}" + (f"@{x.clock}" if x.name == "respond" else ""): x
        for i in report.incidents
        for x in i.targets
    }


@pytest.mark.parametrize(("source", "key", "target", "as_of", "due", "status"), CASES, ids=[c[0] for c in CASES])
def test_rt_due_times(source: str, key: str, target: str, as_of: str, due: str, status: str) -> None:
    got = _targets(f"2026-11-16T{as_of}:00Z")[f"{key}:{target}"]
    when = due if "T" in due else f"2026-11-16T{due}"
    assert (got.due.isoformat(), got.status) == (f"{when}+00:00", status), source


@pytest.mark.parametrize(
    ("source", "priority", "start", "attribute", "due"),
    [
        ("business_hours.t: Sunday", "Sunday", "2007-01-01T00:00:00Z", "queue=general", "2007-01-07T10:00:00+00:00"),
        ("business_hours.t: Monday", "Monday", "2007-01-01T00:00:00Z", "queue=general", "2007-01-01T10:00:00+00:00"),
        ("timezone.t: US", "T2", "2007-01-01T22:00:00Z", "queue=us", "2007-01-02T15:00:00+00:00"),
        ("timezone.t: RU", "T2", "2007-01-01T22:00:00Z", "queue=ru", "2007-01-02T08:00:00+00:00"),
    ],
)
def test_rt_business_hours_and_zones(
    source: str, priority: str, start: str, attribute: str, due: str, tmp_path: Any
) -> None:
    path = tmp_path / "rt.sla"
    path.write_text(POLICY, "utf-8")
    done = sla("deadline", str(path), "--priority", priority, "--from", start, "--attribute", attribute)
    assert (done.returncode, done.stdout.strip()) == (0, due), (source, done.stderr)


def test_business_hours_t_set_sla_counts_from_the_creation() -> None:
    """``business_hours.t``: ``SetSLA('Monday')`` on a ``Sunday`` ticket: due from its creation under Monday's hours."""
    events = [
        {"event": "incident.reported", "at": "2007-01-01T00:00:00Z", "id": "BH", "priority": "Sunday"},
        {"event": "incident.reprioritized", "at": "2007-01-01T00:10:00Z", "id": "BH", "priority": "Monday"},
    ]
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), events, "2007-01-01", "2007-02-01", "2007-01-01T00:30:00Z")
    (inc,) = report.incidents
    (resolve,) = inc.targets
    assert resolve.due.isoformat() == "2007-01-01T10:00:00+00:00"


def test_the_policy_passes_sla_check(tmp_path: Any) -> None:
    path = tmp_path / "rt.sla"
    path.write_text(POLICY, "utf-8")
    done = sla("check", "--lang", "en", str(path))
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("as_of", "status"), [("09:35", "open"), ("13:20", "open"), ("13:21", "open"), ("14:59", "open"), ("16:00", "met")]
)
def test_ignore_on_statuses_alone_a_keep_in_loop_run_out_while_stalled_is_never_overdue(
    as_of: str, status: str
) -> None:
    """RT unsets ``KeepInLoop`` while stalled (``ignore-on-statuses.t`` 2: ``keep in loop deadline unset for
    stalled``): IGN2's loop due at 13:20 was never in force there. ``not due at`` keeps it so: open while
    stalled (past 13:20 too), met when resolved still stalled, and never a violation."""
    got = _targets(f"2026-11-16T{as_of}:00Z")["IGN2:first_reply"]
    assert (got.due.isoformat(), got.status) == ("2026-11-16T13:20:00+00:00", status)
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), EVENTS, "2026-11-01", "2026-12-01", "2026-11-30T00:00:00Z")
    assert [v for v in report.violations if v.id == "IGN2" and v.target and v.target.kind == "first_reply"] == []

"""Hand-worked outage, notice, planned-stop, maintenance and availability scenarios."""

from __future__ import annotations

import pytest

from .helpers import ev, kinds, one, run, t

NOV = 30 * 24 * 60  # minutes in November


def outage(ident: str, start: str, end: str | None, cause: str | None = None, **more: str) -> list[dict]:
    fields = {"cause": cause} if cause else {}
    out = [ev("outage.started", start, ident, **fields)]
    if end:
        out.append(ev("outage.ended", end, ident))
    out += [ev(f"outage.{name}", at, ident) for name, at in more.items()]
    return out


@pytest.mark.parametrize(
    ("more", "as_of", "status", "due"),
    [
        ({"recognized": "2026-11-05 14:20", "notified": "2026-11-05 17:20"}, None, "met", "2026-11-05 17:20"),
        ({"recognized": "2026-11-05 14:20", "notified": "2026-11-05 17:21"}, None, "breached", "2026-11-05 17:20"),
        ({"recognized": "2026-11-05 14:20"}, "2026-11-05 16:00", "open", "2026-11-05 17:20"),
        ({"recognized": "2026-11-05 14:20"}, None, "breached", "2026-11-05 17:20"),
        ({"recognized": "2026-11-05 12:30"}, None, "not_applicable", None),  # lunch hour
        ({"recognized": "2026-11-05 16:00"}, None, "breached", "2026-11-06 11:00"),  # runs into Friday
        ({}, None, "not_applicable", None),
    ],
)
def test_recovery_notice(more: dict, as_of: str | None, status: str, due: str | None) -> None:
    r = run(outage("O", "2026-11-05 12:00", "2026-11-05 19:00", "failure", **more), as_of=as_of)
    row = one(r, "O")
    assert row.notice_status == status
    assert row.notice_due == (t(due) if due else None)
    assert kinds(r, "notice_breached") == (["O"] if status == "breached" else [])


def test_excluded_outage_is_not_downtime_and_not_measured() -> None:
    r = run(outage("O", "2026-11-20 03:00", "2026-11-20 05:00", "force_majeure", recognized="2026-11-20 03:10"))
    row = one(r, "O")
    assert (row.notice_status, row.downtime_minutes) == ("excluded", 0.0)
    a = r.availability
    assert a.measured_minutes == NOV - 120 - 120  # maintenance 26 Nov 22-24 and the exclusion
    assert a.downtime_minutes == 0 and a.ratio == 1.0


def test_overlaps_count_once_and_maintenance_is_excused() -> None:
    events = outage("A", "2026-11-05 14:10", "2026-11-05 15:00") + outage("B", "2026-11-05 14:40", "2026-11-05 15:20")
    events += outage("M", "2026-11-26 21:30", "2026-11-26 22:40")  # 30 min before the window, 40 inside
    r = run(events)
    assert [o.downtime_minutes for o in r.outages] == [50.0, 40.0, 30.0]
    assert one(r, "M").excused_minutes == 40.0
    assert r.availability.downtime_minutes == 70 + 30
    assert r.availability.measured_minutes == NOV - 120
    assert r.availability.ratio == pytest.approx((NOV - 120 - 100) / (NOV - 120))


def test_noticed_stop_is_excused_late_notice_is_not() -> None:
    events = [
        ev(
            "stop.announced",
            "2026-11-03 23:59",
            "S1",
            channel="email",
            start="2026-11-10 01:00",
            end="2026-11-10 03:00",
        ),
        ev(
            "stop.announced",
            "2026-11-05 00:00",
            "S2",
            channel="email",
            start="2026-11-11 01:00",
            end="2026-11-11 02:00",
        ),
        ev("stop.announced", "2026-11-01 09:00", "S3", channel="web", start="2026-11-12 01:00", end="2026-11-12 02:00"),
    ]
    events += outage("P1", "2026-11-10 01:00", "2026-11-10 03:30", "planned")
    events += outage("P2", "2026-11-11 01:00", "2026-11-11 02:00", "planned")
    r = run(events)
    ok = {s.id: s.notice_ok for s in r.planned_stops}
    assert ok == {
        "S1": True,
        "S2": False,
        "S3": False,
    }  # 11-03 for 11-10: in time; 11-05 for 11-11: late; web: wrong channel
    assert [o.downtime_minutes for o in r.outages] == [30.0, 60.0]
    assert sorted(kinds(r, "stop_notice_invalid")) == ["S2", "S3"]
    assert r.availability.measured_minutes == NOV - 120 - 120


def test_emergency_stop_counts_as_downtime() -> None:
    r = run(outage("E", "2026-11-18 11:00", "2026-11-18 11:45", "emergency"))
    assert one(r, "E").downtime_minutes == 45.0 and r.availability.downtime_minutes == 45.0


def test_outage_across_the_period_boundary_and_open_outage() -> None:
    events = outage("X", "2026-10-31 23:00", "2026-11-01 01:00") + outage("Y", "2026-11-30 23:00", None)
    r = run(events)
    assert [(o.id, o.downtime_minutes) for o in r.outages] == [("X", 60.0), ("Y", 60.0)]
    assert one(r, "Y").end is None
    r2 = run(events, as_of="2026-11-30 23:30")
    assert one(r2, "Y").downtime_minutes == 30.0
    assert r2.availability.measured_minutes == NOV - 30 - 120


def test_fourth_thursday_postponed_past_a_holiday() -> None:
    # 23 Nov 2028 is the 4th Thursday and Labour Thanksgiving Day: the window moves to Fri 24 Nov
    r = run(outage("O", "2028-11-24 22:30", "2028-11-24 23:00"), "2028-11-01 00:00", "2028-12-01 00:00")
    (mw,) = r.maintenance
    assert (mw.start, mw.end, mw.moved) == (t("2028-11-24 22:00"), t("2028-11-25 00:00"), True)
    assert one(r, "O").downtime_minutes == 0.0


def test_maintenance_windows_in_the_contract_shape() -> None:
    r = run([])
    assert r.model_dump(mode="json")["maintenance"][0]["start"] == "2026-11-26T22:00:00+09:00"
    assert r.model_dump(mode="json")["maintenance"][0]["end"] == "2026-11-27T00:00:00+09:00"


def test_maintenance_window_running_across_the_start_is_listed() -> None:
    # The 4th Thursday's window, Thu 26 Nov 22:00-24:00, runs across a period from 23:00: its hour in the
    # period is excused, so the report lists the window (as it lists a planned stop across `from`); the
    # tables then account for every excused minute
    from sla_dsl.report.tables import report_tables

    r = run(outage("O", "2026-11-26 22:30", "2026-11-26 23:30"), "2026-11-26 23:00", "2026-12-01 00:00")
    assert r.availability.excused_minutes == 60.0
    assert one(r, "O").downtime_minutes == 0.0
    (mw,) = r.maintenance
    assert (mw.start, mw.end, mw.name) == (t("2026-11-26 22:00"), t("2026-11-27 00:00"), "regular")
    assert report_tables(r)["maintenance"].column("start").to_pylist() == [t("2026-11-26 22:00")]
    # a window that ended before the period starts is not listed
    assert run([], "2026-11-27 00:00", "2026-12-01 00:00").maintenance == []

"""An outage row is measured in the time of the service it names, and the top-level ``availability``
names the one service it measures.

A policy may measure several services, each in its own hours (``hours always``, ``hours business``)
with its own ``except``s. An outage whose ``outage.started`` names a service counts against that
service only: its row's ``downtime_minutes`` and ``excused_minutes`` are that service's (its closed
hours, the maintenance and stops it excuses, the Article 4 exclusions among its outages), as its
``availability_periods`` rows count it. One naming no service counts against every service; its row
is measured as the top-level block, which measures the first service measured in the version in
force at ``from`` (``availability.service``). The report's note that overlapping outages count once
compares that block's total with the rows that count against its service only.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events import read_events
from sla_dsl.report import Report
from sla_dsl.report.render import render, render_explain

from .helpers import ROOT, policy, run

UTC = dt.UTC
JUNE = dt.datetime(2026, 6, 1, tzinfo=UTC), dt.datetime(2026, 7, 1, tzinfo=UTC)

HEAD = """sla "Svc" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone UTC
  title "Svc"
  languages en, ja
}
calendar always "24x7" {
  days mon..sun
  hours 00:00-24:00
}
calendar business "Business" {
  hours mon..fri 09:00-17:00
}
maintenance weekly "Weekly" {
  every week on wed, 10:00-11:00
  notice none
}
priority P1 "x" { respond within 1 hour }
exclude force_majeure "Force majeure"
"""
WEB = 'service web "Web" {\n  hours always\n  availability target 99.0% monthly\n}\n'
API = 'service api "API" {\n  hours business except maintenance\n  availability target 99.0% monthly\n}\n'
#: the QA report's policy: ``web`` (around the clock) first, then ``api`` (Mon-Fri 09-17)
SVC = HEAD + WEB + API
#: the same with the two services swapped: ``api`` is the first measured service
SWAPPED = HEAD + API + WEB


def _policy(text: str) -> sla_dsl.Policy:
    return sla_dsl.load_policy(text)


def _outage(ident: str, start: str, end: str, **fields: str) -> list[dict[str, Any]]:
    """An outage from ``start`` to ``end`` (``2026-06-06T10:00``, UTC), with ``service`` or ``cause``."""
    return [
        {"event": "outage.started", "at": f"{start}:00Z", "id": ident, **fields},
        {"event": "outage.ended", "at": f"{end}:00Z", "id": ident},
    ]


def _evaluate(text: str, events: list[dict[str, Any]]) -> Report:
    return sla_dsl.evaluate(_policy(text), events, *JUNE)


def _row(report: Report, ident: str) -> Any:
    (row,) = [o for o in report.outages if o.id == ident]
    return row


def _period(report: Report, service: str) -> Any:
    (row,) = [p for p in report.availability_periods if p.service == service]
    return row


def _text(report: Report, text: str, lang: str = "en") -> str:
    return render(report, "text", lang=lang, policies=[_policy(text)])


#: Sat 6 Jun 2026, 10:00-12:00: outside api's hours
SATURDAY_API = _outage("O1", "2026-06-06T10:00", "2026-06-06T12:00", service="api")


def test_an_outage_of_a_service_outside_its_hours_is_no_downtime_of_it() -> None:
    report = _evaluate(SVC, SATURDAY_API)
    row = _row(report, "O1")
    assert (row.downtime_minutes, row.excused_minutes) == (0.0, 120.0)
    assert row.service == "api"
    assert "downtime in the period 0m (+2h excused or excluded)" in [s.text for s in row.explain]
    assert _period(report, "api").downtime_minutes == 0 and _period(report, "api").ratio == 1.0
    # not web's: its block and rows are untouched
    assert report.availability.service == "web" and report.availability.downtime_minutes == 0
    assert _period(report, "web").downtime_minutes == 0


def test_sla_explain_says_the_services_downtime() -> None:
    report = _evaluate(SVC, SATURDAY_API)
    said = render_explain(report, [_row(report, "O1")], "text", lang="en", policies=[_policy(SVC)])
    assert "downtime 0:00" in said and "downtime 2:00" not in said
    assert "“API” unavailable" in said and "outside the service hours" in said
    ja = render_explain(report, [_row(report, "O1")], "text", lang="ja", policies=[_policy(SVC)])
    assert "停止時間 0:00" in ja and "「API」が停止" in ja


@pytest.mark.parametrize(
    ("start", "end", "minutes"),
    [
        ("2026-06-03T17:00", "2026-06-03T18:00", 0.0),  # Wed, after 17:00
        ("2026-06-03T16:30", "2026-06-03T17:30", 30.0),  # half of it in the hours
        ("2026-06-04T08:00", "2026-06-04T10:00", 60.0),  # Thu, from 09:00
    ],
)
def test_a_weekday_outage_counts_its_minutes_in_the_services_hours(start: str, end: str, minutes: float) -> None:
    report = _evaluate(SVC, _outage("O1", start, end, service="api"))
    row = _row(report, "O1")
    total = (dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start)).total_seconds() / 60
    assert (row.downtime_minutes, row.excused_minutes) == (minutes, total - minutes)
    assert _period(report, "api").downtime_minutes == minutes


LONDON = """sla "London" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Europe/London
  languages en
}
calendar business "Business" {
  hours mon..fri 09:00-17:30
  holidays GB-ENG
}
calendar always "24x7" {
  days mon..sun
  hours 00:00-24:00
}
service web "Web" {
  hours always except maintenance, planned stops
  availability target 99.5% monthly
}
service api "API" {
  hours business
  availability target 99.0% monthly
}
priority P1 "Urgent" { respond within 4 business hours }
"""


def test_the_qa_london_outage_counts_half_an_hour() -> None:
    """Wed 4 Mar 2026 17:00-18:00 London (GMT) of ``api``, open until 17:30: 0:30, not 1:00."""
    events = _outage("O4", "2026-03-04T17:00", "2026-03-04T18:00", service="api")
    london = ZoneInfo("Europe/London")
    start, end = dt.datetime(2026, 3, 1, tzinfo=london), dt.datetime(2026, 4, 1, tzinfo=london)
    report = sla_dsl.evaluate(_policy(LONDON), events, start, end)
    row = _row(report, "O4")
    assert (row.downtime_minutes, row.excused_minutes) == (30.0, 30.0)
    assert _period(report, "api").downtime_minutes == 30.0


def test_the_services_own_maintenance_and_exclusions_are_not_its_downtime() -> None:
    """``api`` excuses maintenance (Wed 10:00-11:00) and ``web`` does not; an Article 4 outage of ``api``
    excludes its time from ``api``'s other outages, and is itself no downtime."""
    events = [
        *_outage("M", "2026-06-03T10:00", "2026-06-03T12:00", service="api"),  # Wed: 1h in maintenance
        *_outage("X", "2026-06-08T10:00", "2026-06-08T12:00", service="api", cause="force_majeure"),
        *_outage("Y", "2026-06-08T11:00", "2026-06-08T13:00", service="api"),  # 1h of it excluded
        *_outage("W", "2026-06-03T10:00", "2026-06-03T11:00", service="web"),  # web counts maintenance
    ]
    report = _evaluate(SVC, events)
    got = {o.id: (o.downtime_minutes, o.excused_minutes) for o in report.outages}
    assert got == {"M": (60.0, 60.0), "X": (0.0, 120.0), "Y": (60.0, 60.0), "W": (60.0, 0.0)}
    assert _period(report, "api").downtime_minutes == 120.0
    assert report.availability.downtime_minutes == _period(report, "web").downtime_minutes == 60.0


def test_an_outage_naming_no_service_is_measured_against_the_first_service() -> None:
    events = _outage("O2", "2026-06-06T10:00", "2026-06-06T12:00")  # Saturday, no service
    first_web = _evaluate(SVC, events)
    assert first_web.availability.service == "web"
    row = _row(first_web, "O2")
    assert (row.service, row.downtime_minutes, row.excused_minutes) == (None, 120.0, 0.0)
    assert first_web.availability.downtime_minutes == 120.0
    first_api = _evaluate(SWAPPED, events)
    assert first_api.availability.service == "api"
    row = _row(first_api, "O2")
    assert (row.service, row.downtime_minutes, row.excused_minutes) == (None, 0.0, 120.0)
    assert first_api.availability.downtime_minutes == 0.0
    # each service's own figures do not depend on the order
    for report in (first_web, first_api):
        assert _period(report, "web").downtime_minutes == 120.0 and _period(report, "api").downtime_minutes == 0


def test_the_top_level_block_names_its_service() -> None:
    assert _evaluate(SVC, []).availability.service == "web"
    assert _evaluate(SWAPPED, []).availability.service == "api"
    assert run([]).availability.service == "content"  # Click So-ko measures one service
    unmeasured = HEAD + 'service web "Web" {\n  hours always\n}\n'
    report = _evaluate(unmeasured, _outage("O1", "2026-06-06T10:00", "2026-06-06T12:00", service="web"))
    assert report.availability.service is None and report.availability_periods == []
    assert report.availability.downtime_minutes == _row(report, "O1").downtime_minutes == 120.0
    as_json = report.model_dump(mode="json")
    assert as_json["availability"]["service"] is None and as_json["outages"][0]["service"] == "web"


OVERLAP_EN = "Overlapping outages count once"
OVERLAP_JA = "停止時間は重なった時間を1回だけ数えます"


def test_no_overlap_note_when_nothing_overlaps() -> None:
    for events in (
        SATURDAY_API,
        [*SATURDAY_API, *_outage("W", "2026-06-08T10:00", "2026-06-08T11:00", service="web")],
        # an api outage at the same time as a web one: they do not overlap in any one service
        [
            *_outage("A", "2026-06-08T10:00", "2026-06-08T11:00", service="api"),
            *_outage("W", "2026-06-08T10:00", "2026-06-08T11:00", service="web"),
        ],
    ):
        report = _evaluate(SVC, events)
        assert OVERLAP_EN not in _text(report, SVC)
        assert OVERLAP_JA not in _text(report, SVC, "ja")
        explained = render_explain(report, report.outages, "text", lang="en", policies=[_policy(SVC)])
        assert "overlapping another outage" not in explained


def test_the_overlap_note_sums_the_rows_of_the_first_service_only() -> None:
    events = [
        *_outage("W1", "2026-06-08T10:00", "2026-06-08T12:00", service="web"),
        *_outage("W2", "2026-06-08T11:00", "2026-06-08T13:00"),  # every service: overlaps W1 for an hour
        *_outage("A", "2026-06-08T09:00", "2026-06-08T10:00", service="api"),  # api's: not in web's sum
    ]
    report = _evaluate(SVC, events)
    assert report.availability.downtime_minutes == 180.0
    assert sum(o.downtime_minutes for o in report.outages) == 300.0
    text = _text(report, SVC)
    note = "the own downtimes of the outages counted against “Web” add to 4:00, its total downtime is 3:00"
    assert text.count(note) == 2  # under the availability figures and under the outage list
    assert "These are the figures of “Web”, the first service whose availability is measured" in text
    ja = _text(report, SVC, "ja")
    assert ja.count(OVERLAP_JA) == 2 and "「Web」に算入する各障害の停止時間の合計 4:00" in ja
    assert "稼働率を測定する最初のサービス「Web」の数値です" in ja
    # the outage list shows each row's own downtime
    (line,) = [ln for ln in text.splitlines() if ln.strip().startswith("A ")]
    assert line.rstrip().endswith(" 1:00")  # (the last column: a policy without notify rules has no notice columns)


def test_the_overlap_note_of_a_policy_with_one_service_is_as_before() -> None:
    text = _text(
        _evaluate(
            HEAD + WEB,
            [
                *_outage("1", "2026-06-08T10:00", "2026-06-08T12:00"),
                *_outage("2", "2026-06-08T11:00", "2026-06-08T13:00"),
            ],
        ),
        HEAD + WEB,
    )
    assert "Overlapping outages count once: the outages' own downtimes add to 4:00, the total downtime is 3:00." in text
    assert "the first service whose availability is measured" not in text


def _sla(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_json_and_parquet_rows_agree(tmp_path: Path) -> None:
    (tmp_path / "svc.sla").write_text(SVC, "utf-8")
    events = [
        *SATURDAY_API,
        *_outage("O2", "2026-06-08T16:30", "2026-06-08T17:30", service="api"),
        *_outage("O3", "2026-06-09T10:00", "2026-06-09T11:00"),
    ]
    (tmp_path / "svc.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    month = ["--from", "2026-06-01", "--to", "2026-07-01"]
    done = _sla("evaluate", tmp_path / "svc.sla", tmp_path / "svc.jsonl", *month, "--format", "json")
    assert done.returncode == 0, done.stderr
    as_json = json.loads(done.stdout)
    out = tmp_path / "tables"
    done = _sla(
        "evaluate", tmp_path / "svc.sla", tmp_path / "svc.jsonl", *month, "--format", "parquet", "--output", out
    )
    assert done.returncode == 0, done.stderr
    keys = ["id", "service", "downtime_minutes", "excused_minutes"]
    rows = pq.read_table(out / "outages.parquet").select(keys).to_pylist()
    assert rows == [{k: o[k] for k in keys} for o in as_json["outages"]]
    assert [(r["id"], r["service"], r["downtime_minutes"]) for r in rows] == [
        ("O1", "api", 0.0),
        ("O2", "api", 30.0),
        ("O3", None, 60.0),
    ]
    (block,) = pq.read_table(out / "availability.parquet").to_pylist()
    assert block["service"] == as_json["availability"]["service"] == "web"
    assert block["downtime_minutes"] == as_json["availability"]["downtime_minutes"] == 60.0


#: Click So-ko, November 2026, as judged before outage rows were measured per service
CLICKSOKO_OUTAGES = [
    ("OUT-01", 50.0, 0.0, "met"),
    ("OUT-02", 40.0, 0.0, "not_applicable"),
    ("OUT-06", 0.0, 110.0, "not_applicable"),
    ("OUT-03", 45.0, 0.0, "not_applicable"),
    ("OUT-04", 45.0, 0.0, "breached"),
    ("OUT-05", 0.0, 120.0, "excluded"),
    ("OUT-07", 40.0, 0.0, "not_applicable"),
    ("OUT-08", 30.0, 40.0, "not_applicable"),
    ("OUT-09", 25.0, 0.0, "breached"),
    ("OUT-10", 30.0, 0.0, "not_applicable"),
]
CLICKSOKO_AVAILABILITY = {
    "measured_minutes": 42840.0,
    "downtime_minutes": 285.0,
    "ratio": 0.9933473389355743,
    "period_minutes": 43200.0,
    "excused_minutes": 240.0,
    "excluded_minutes": 120.0,
    "target": None,
    "service": "content",
}


def test_one_service_policy_gives_the_same_figures_as_before() -> None:
    start, end = dt.datetime(2026, 11, 1, tzinfo=policy().tz), dt.datetime(2026, 12, 1, tzinfo=policy().tz)
    report = sla_dsl.evaluate(policy(), read_events(ROOT / "examples" / "events-2026-11.jsonl"), start, end)
    got = [(o.id, o.downtime_minutes, o.excused_minutes, o.notice_status) for o in report.outages]
    assert got == CLICKSOKO_OUTAGES
    assert all(o.service is None for o in report.outages)
    block = report.availability.model_dump(mode="json")
    assert {k: block[k] for k in CLICKSOKO_AVAILABILITY} == CLICKSOKO_AVAILABILITY
    assert [s["text"] for s in block["explain"]] == [
        "period 720h from Sun 01 Nov 00:00 to Tue 01 Dec 00:00",
        "excused (maintenance, noticed planned stops) and excluded (Article 4) time: 6h; measured 714h",
        "downtime (union of counted outages) 4h45m; availability 99.33473%",
    ]
    assert [(p.service, p.downtime_minutes, p.ratio) for p in report.availability_periods] == [
        ("content", 285.0, 0.9933473389355743)
    ]


def test_the_excused_row_says_the_time_outside_the_service_hours_only_when_there_is_some() -> None:
    # api first (Mon-Fri 09-17): most of June is outside its hours, and the row says so
    swapped = _evaluate(SWAPPED, _outage("O2", "2026-06-06T10:00", "2026-06-06T12:00"))
    a = swapped.availability
    assert a.service == "api" and a.closed_minutes > 0 and a.closed_minutes <= a.excused_minutes
    text = _text(swapped, SWAPPED)
    assert "Excused (maintenance, noticed stops, outside the service hours)" in text
    assert "除外時間（定期メンテナンス・通知済み計画停止・サービス提供時間外）" in _text(swapped, SWAPPED, "ja")
    # web first (around the clock): none, and the row reads as it always did
    around = _evaluate(SVC, SATURDAY_API)
    assert around.availability.closed_minutes == 0.0
    assert "Excused (maintenance, noticed stops) " in _text(around, SVC)


def test_click_so_ko_s_explanations_never_say_hours_its_24_hour_calendar_does_not_have() -> None:
    # (its service is `hours always` naming a calendar `always` open around the clock, not the keyword)
    start, end = dt.datetime(2026, 11, 1, tzinfo=policy().tz), dt.datetime(2026, 12, 1, tzinfo=policy().tz)
    report = sla_dsl.evaluate(policy(), read_events(ROOT / "examples" / "events-2026-11.jsonl"), start, end)
    assert report.availability.closed_minutes == 0.0
    rows = [o for o in report.outages if o.excused_minutes]
    said = render_explain(report, rows, "text", lang="ja", policies=[policy()])
    assert "サービス提供時間帯" not in said
    assert "うち 1:50 は停止時間に数えません（通知済みの計画停止 STOP-01：1:50）" in said
    # the force majeure outage is excluded itself: none of it is downtime, and no maintenance is claimed
    (excluded,) = [o for o in rows if o.notice_status == "excluded"]
    one = render_explain(report, [excluded], "text", lang="ja", policies=[policy()])
    assert "うち 2:00 は停止時間に数えません" in one and "定期メンテナンス" not in one

"""Walk the English reading of the Click So-ko SLA row by row against the compiled model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.lang import model as m
from sla_dsl.policy import compile_path


@pytest.fixture(scope="module")
def pm(policy_path: Path) -> m.PolicyModel:
    return load_policy(policy_path).model


def hours(h: int) -> m.Duration:
    return m.Duration(amount=h, unit=m.TimeUnit.HOUR, calendar="business")


def same(a: m.Node, b: m.Node) -> bool:
    return m.meaning(a) == m.meaning(b)


def test_policy_compiles_clean(policy_path: Path) -> None:
    compiled = compile_path(policy_path)
    assert compiled.diagnostics == []


def test_header(pm: m.PolicyModel) -> None:
    h = pm.header
    assert h.name == "Click So-ko"
    assert h.format == 1
    assert h.version == "2026.1"
    assert h.effective == dt.date(2026, 4, 1)
    assert h.timezone == "Asia/Tokyo"  # interpretation 1
    assert h.provider.ja == "MIC株式会社" and h.provider.en == "MIC Co., Ltd."
    assert h.title.ja and "Service Level Agreement" in h.title.ja


def test_articles_1_to_5(pm: m.PolicyModel) -> None:
    assert [a.number for a in pm.articles] == [1, 2, 3, 4, 5]
    titles = {a.number: a.title for a in pm.articles}
    assert titles[1].ja == "本 SLA の対象範囲"
    assert titles[4].en == "Exclusions from the SLA"
    art1 = pm.articles[0].text[0]
    assert "Click So-ko" in (art1.en or "") and "MIC" in (art1.ja or "")
    art5 = pm.articles[4].text[0]
    assert art5.ja == "当社は、本書の内容を変更する場合があります。"
    assert art5.en == "The Company may change the contents of this document."


def test_article_2_1_service_hours_table(pm: m.PolicyModel) -> None:
    services = {s.name: s for s in pm.services}
    # row 1: digital content management, 24 hours 365 days except planned stops etc.
    content = services["content"]
    assert content.label.ja == "デジタルコンテンツ管理サービス"
    assert str(content.ref) == "2.1.1"
    assert content.hours.calendar == "always"
    assert content.hours.except_maintenance and content.hours.except_planned_stops
    assert content.availability_measured and content.availability_target is None
    always = pm.calendar("always")
    assert [d.value for d in always.days] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert [str(r) for r in always.hours] == ["00:00-24:00"]
    assert always.holidays == ()
    # rows 2 and 3: support and recovery work during Company business hours
    for name, ref in (("support", "2.1.2"), ("recovery", "2.1.3")):
        assert services[name].hours.calendar == "business"
        assert str(services[name].ref) == ref
    assert services["support"].label.en == "Maintenance support and inquiries"


def test_business_hours(pm: m.PolicyModel) -> None:
    cal = pm.calendar("business")
    assert cal.label.ja == "当社営業時間"
    assert [d.value for d in cal.days] == ["mon", "tue", "wed", "thu", "fri"]
    assert [str(r) for r in cal.hours] == ["10:00-12:00", "13:00-18:00"]  # lunch excluded
    assert cal.holidays == ("JP",)  # interpretation 2
    assert cal.closed == () and cal.closed_yearly == ()  # no company closures in the seed
    assert cal.notes and "nights, weekends and holidays" in (cal.notes[0].en or "")


def test_article_2_2_planned_stops(pm: m.PolicyModel) -> None:
    (ps,) = pm.planned_stops
    assert str(ps.ref) == "2.2"
    assert ps.notice.amount == 1 and ps.notice.unit is m.TimeUnit.WEEK and ps.notice.calendar is None
    assert ps.anchor is m.NoticeAnchor.START_DATE  # interpretation 10: calendar dates
    assert ps.channels == ("email",)
    assert ps.emergency_allowed and ps.emergency_counts_as_downtime  # interpretation 12


def test_article_2_3_regular_maintenance(pm: m.PolicyModel) -> None:
    (mt,) = pm.maintenance
    assert str(mt.ref) == "2.3"
    assert mt.on == m.NthWeekday(nth=4, weekday=m.Weekday.THU, span=mt.on.span)
    assert str(mt.hours) == "22:00-24:00"
    assert mt.roll is m.Roll.NEXT and mt.calendar == "business"  # postponed to the next business day
    assert mt.notice is None  # no advance notice
    assert mt.excused


def test_article_3_1_items_table(pm: m.PolicyModel) -> None:
    items = {i.number: i for i in pm.items}
    assert sorted(items) == [1, 2, 3, 4, 5, 6, 7]
    assert items[1].label.ja == "サービス提供時間帯"
    assert [(r.kind, r.name) for r in items[1].rules] == [("service", "content")]
    assert ("calendar", "business") in [(r.kind, r.name) for r in items[2].rules]
    assert [r.name for r in items[3].rules] == ["P1", "P2", "P3"]
    assert [(r.kind, r.name) for r in items[4].rules] == [("notify", "recovery")]
    assert [(r.kind, r.name) for r in items[5].rules] == [("planned_stop", "planned_stop")]
    assert [(r.kind, r.name) for r in items[6].rules] == [("maintenance", "regular")]
    assert {r.name for r in items[7].rules} == {"database", "continuous", "files", "machine_image"}
    for n, item in items.items():
        assert str(item.ref) == f"3.1.{n}"
        assert item.label.ja and item.label.en and item.description.ja and item.description.en


def test_article_3_1_4_recovery_notice(pm: m.PolicyModel) -> None:
    (n,) = pm.notifications
    assert same(n.within, hours(3))
    assert n.after == "outage.recognized" and n.met_by == "outage.notified"
    assert n.only_during == "business"  # only when recognised during business hours
    assert str(n.ref) == "3.1.4"


def test_article_3_1_7_backups(pm: m.PolicyModel) -> None:
    b = {x.kind: x for x in pm.backups}
    assert set(b) == {"database", "continuous", "files", "machine_image"}
    day = m.Duration(amount=1, unit=m.TimeUnit.DAY)
    assert same(b["database"].every, day)  # type: ignore[arg-type]
    assert same(b["database"].keep, m.Duration(amount=1, unit=m.TimeUnit.MONTH))  # type: ignore[arg-type]
    assert b["database"].method.ja == "ダンプによるフルデータバックアップ"
    assert b["continuous"].continuous and b["continuous"].other_zone and b["continuous"].every is None
    for kind in ("files", "machine_image"):
        assert same(b[kind].every, day)  # type: ignore[arg-type]
        assert same(b[kind].keep, m.Duration(amount=7, unit=m.TimeUnit.DAY))  # type: ignore[arg-type]
    assert b["machine_image"].label.en == "AMI backup (OS drive backup)"


def test_article_3_2_priorities(pm: m.PolicyModel) -> None:
    p = {x.id: x for x in pm.priorities}
    assert list(p) == ["P1", "P2", "P3"]
    assert same(p["P1"].target, m.Within(duration=hours(4)))
    assert same(p["P2"].target, m.Within(duration=m.Duration(amount=1, unit=m.TimeUnit.DAY, calendar="business")))
    assert same(p["P3"].target, m.Within(duration=m.Duration(amount=5, unit=m.TimeUnit.DAY, calendar="business")))
    assert p["P1"].label.ja == "優先度１" and p["P1"].definition.en.startswith("A failure in the production")  # type: ignore[union-attr]
    assert "完全に停止" in (p["P1"].definition.ja or "")
    # completion guidelines
    assert p["P1"].completion.on == ("incident.resolved",) and p["P1"].completion.silence is None
    for pid in ("P2", "P3"):
        c = p[pid].completion
        assert c.on == ("incident.resolved",)
        assert c.silence is not None
        assert same(c.silence.duration, m.Duration(amount=10, unit=m.TimeUnit.DAY, calendar="business"))
        assert c.silence.after == "incident.info_provided" and c.silence.unless == "incident.customer_replied"
        assert "10" in (c.guideline.en or "")
    # same-day guideline for P1: 4 hours before close of business
    sd = p["P1"].same_day
    assert sd is not None and sd.calendar == "business"
    assert same(sd.before_close, m.Duration(amount=4, unit=m.TimeUnit.HOUR))
    assert p["P2"].same_day is None
    for x in p.values():
        assert str(x.ref) == "3.2"


def test_article_3_2_clock_start(pm: m.PolicyModel) -> None:
    (clock,) = pm.clocks
    assert clock.name == "response"
    assert clock.starts == ("incident.product_suspected", "incident.reported")  # interpretation 6
    assert clock.at_risk_percent == 75  # interpretation 7, an operational addition


def test_article_4_exclusions(pm: m.PolicyModel) -> None:
    ex = {e.cause: e for e in pm.exclusions}
    assert set(ex) == {"force_majeure", "customer_fault"}
    assert "不可抗力" in (ex["force_majeure"].label.ja or "")
    assert "negligence" in (ex["customer_fault"].label.en or "")
    assert all(str(e.ref) == "4" for e in ex.values())


def test_every_rule_has_both_languages_and_an_article(pm: m.PolicyModel) -> None:
    groups: list[tuple[m.Node, ...]] = [
        pm.calendars, pm.services, pm.planned_stops, pm.maintenance, pm.clocks,
        pm.priorities, pm.notifications, pm.backups, pm.exclusions, pm.items,
    ]  # fmt: skip
    for group in groups:
        for node in group:
            label: m.Label = node.label  # type: ignore[attr-defined]
            assert label.ja and label.en, node
            assert node.ref is not None, node  # type: ignore[attr-defined]


def test_spans_point_at_the_source(pm: m.PolicyModel, policy_text: str) -> None:
    lines = policy_text.splitlines()
    p1 = pm.priority("P1")
    assert lines[p1.span.line - 1].startswith("priority P1")
    assert "respond within 4 business hours" in lines[p1.target.span.line - 1]

"""The site publishes several versions of a policy (Article 5) as ``sla evaluate`` judges by them.

Version ``2026.2`` of the example policy is published on Sun 1 Nov 2026 and takes effect on Tue 1 Dec 2026:
it moves regular maintenance from the 4th Thursday to the 3rd Wednesday. In November ``2026.1`` is in
force, so November's window is Thu 26 Nov, not Wed 18 Nov. The maintenance feed gives each window from
the version in force at its start, the windows ``sla evaluate`` excuses outages in; the page of
``2026.2`` shows what ``2026.2`` judges by, from its date, and says from when it applies.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

import sla_dsl
from sla_dsl.docs import ical
from sla_dsl.policy import Policy

from .conftest import ROOT, Build, mkdocs_build
from .htmltables import tables

TZ = ZoneInfo("Asia/Tokyo")
V1 = (ROOT / "policies/clicksoko.sla").read_text("utf-8")
THURSDAY = "every month on 4th thu, 22:00-24:00"
WEDNESDAY = "every month on 3rd wed, 22:00-24:00"


def _v2(label: tuple[str, str] | None = None) -> str:
    assert V1.count(THURSDAY) == 1
    text = V1.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-12-01")
    text = text.replace(THURSDAY, WEDNESDAY)
    if label is not None:
        old = 'maintenance regular "定期メンテナンス停止" / "Regular maintenance stop"'
        assert text.count(old) == 1
        text = text.replace(old, f'maintenance regular "{label[0]}" / "{label[1]}"')
    return text


def _policies(label: tuple[str, str] | None = None) -> list[Policy]:
    return [sla_dsl.load_policy(V1), sla_dsl.load_policy(_v2(label))]


def _starts(feed: str) -> list[dt.datetime]:
    return [e.decoded("dtstart") for e in Calendar.from_ical(feed).walk("VEVENT")]


# -- the feed, and the evaluator ---------------------------------------------------------------------


def test_the_feed_takes_each_window_from_the_version_in_force_at_its_start() -> None:
    starts = _starts(ical.maintenance_ics(_policies(), dt.date(2026, 11, 1), "en"))
    assert starts[:3] == [
        dt.datetime(2026, 11, 26, 22, tzinfo=TZ),  # 2026.1: the 4th Thursday
        dt.datetime(2026, 12, 16, 22, tzinfo=TZ),  # 2026.2: the 3rd Wednesday
        dt.datetime(2027, 1, 20, 22, tzinfo=TZ),
    ]
    assert len(starts) == 12


def test_the_feed_and_the_evaluator_agree_on_every_window() -> None:
    """The windows of a year from the build date are those ``sla evaluate`` lists for that year and
    excuses outages in: one in the old version's window is excused, one on the new day before the new
    version's date is downtime."""
    policies = _policies()
    start, end = dt.date(2026, 11, 1), dt.date(2027, 11, 1)
    outages = [
        {"event": "outage.started", "at": "2026-11-26T22:30:00+09:00", "id": "THU", "cause": "failure"},
        {"event": "outage.ended", "at": "2026-11-26T23:00:00+09:00", "id": "THU"},
        {"event": "outage.started", "at": "2026-11-18T22:30:00+09:00", "id": "WED", "cause": "failure"},
        {"event": "outage.ended", "at": "2026-11-18T23:00:00+09:00", "id": "WED"},
    ]
    report = sla_dsl.evaluate(policies, outages, start, end)
    judged = [m.start for m in report.maintenance]
    feed = _starts(ical.maintenance_ics(policies, start, "ja"))
    assert [t for t in feed if t.date() < end] == judged
    assert [w.start for _, w in ical.windows_in_force(policies, start, end)] == judged
    downtime = {o.id: o.downtime_minutes for o in report.outages}
    assert downtime == {"THU": 0.0, "WED": 30.0}


def test_a_window_of_the_earlier_version_keeps_its_own_label() -> None:
    policies = _policies(("月次メンテナンス", "Monthly maintenance"))
    for lang, old, new in (
        ("en", "Regular maintenance stop", "Monthly maintenance"),
        ("ja", "定期メンテナンス停止", "月次メンテナンス"),
    ):
        events = list(Calendar.from_ical(ical.maintenance_ics(policies, dt.date(2026, 11, 1), lang)).walk("VEVENT"))
        assert [str(e["summary"]) for e in events[:2]] == [old, new], lang


def test_one_policy_is_one_version() -> None:
    (policy, _) = _policies()
    assert ical.maintenance_ics(policy, dt.date(2026, 11, 1), "en") == ical.maintenance_ics(
        [policy], dt.date(2026, 11, 1), "en"
    )


# -- the site ---------------------------------------------------------------------------------------


def _site(tmp_path: Path, today: str, v2: str | None = None) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# t\n\nExample: <!-- sla:fact close_example -->.\n", "utf-8")
    (tmp_path / "a.sla").write_text(V1, "utf-8")
    (tmp_path / "b.sla").write_text(_v2() if v2 is None else v2, "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\nplugins:\n  - sla:\n      policies: [a.sla, b.sla]\n      languages: [ja, en]\n"
        f"      schemas: false\n      today: {today}\n",
        "utf-8",
    )
    return config


@pytest.fixture(scope="module")
def ahead(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built on Sun 1 Nov 2026, a month before 2026.2 takes effect."""
    pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")
    tmp = tmp_path_factory.mktemp("ahead")
    return mkdocs_build(_site(tmp, "2026-11-01"), tmp / "site")


def test_the_page_lists_the_windows_from_the_build_date_by_the_version_in_force(ahead: Build) -> None:
    """The maintenance list starts on the build date (the README's promise), each window from the version
    in force on its day, as the feed and ``sla evaluate`` take it: November's is 2026.1's Thursday, said
    so; the worked examples stay on days 2026.2 is in force."""
    page = ahead.page("sla/click-so-ko/en")
    rows = tables(page)["maintenance-windows"][1:]
    assert [r.cells[1] for r in rows[:3]] == ["Thu 26 Nov 2026", "Wed 16 Dec 2026", "Wed 20 Jan 2027"]
    assert "set by version 2026.1" in rows[0].cells[-1] and "version" not in rows[1].cells[-1]
    assert "18 Nov 2026" not in page  # a Wednesday 2026.1 governs: never a window of 2026.2
    assert "The next 12 regular maintenance windows (from Sun 1 Nov 2026)" in page
    feed = _starts((ahead.site / "sla/click-so-ko/en/maintenance.ics").read_text("utf-8"))
    assert [r.cells[1] for r in rows] == [f"{t:%a} {t.day} {t:%b %Y}" for t in feed[: len(rows)]]
    ja = tables(ahead.page("sla/click-so-ko/ja"))["maintenance-windows"][1:]
    assert ja[0].cells[1].startswith("2026年11月26日") and "版 2026.1 による日程" in ja[0].cells[-1]
    examples = tables(page)["examples"][1:]  # worked deadlines on days 2026.2 is in force
    days = [dt.datetime.strptime(" ".join(r.cells[-2].split()[:4]), "%a %d %b %Y").date() for r in examples]
    assert days and all(dt.date(2026, 12, 4) <= d < dt.date(2027, 1, 1) for d in days), examples


def test_the_feed_of_the_site_agrees_with_the_evaluator(ahead: Build) -> None:
    for lang in ("ja", "en"):
        feed = (ahead.site / f"sla/click-so-ko/{lang}/maintenance.ics").read_text("utf-8")
        assert _starts(feed)[:2] == [dt.datetime(2026, 11, 26, 22, tzinfo=TZ), dt.datetime(2026, 12, 16, 22, tzinfo=TZ)]


def test_the_page_says_from_when_the_version_applies(ahead: Build) -> None:
    en = ahead.page("sla/click-so-ko/en")
    assert 'id="version-ahead"' in en
    assert "This version (2026.2) applies from Tue 1 Dec 2026." in en
    assert 'Until then, version <a href="../source-2026-1/">2026.1</a> applies.' in en
    ja = ahead.page("sla/click-so-ko/ja")
    assert "この版（2026.2）は2026年12月1日(火)から適用します。" in ja
    assert 'それまでは版 <a href="../source-2026-1/">2026.1</a> を適用します。' in ja
    # which dates the page's computed parts are from: the examples 2026.2's, the windows from the build date
    assert (
        "The worked examples on this page are from Tue 1 Dec 2026. The maintenance windows are from Sun 1 Nov 2026"
        in en
    )
    assert "このページの計算例は2026年12月1日(火)以降のものです。定期メンテナンスの日程は2026年11月1日(日)から" in ja


def test_the_customers_history_says_which_version_the_page_shows(tmp_path: Path) -> None:
    """The customers' site has no page of 2026.1: its history row says it is the version in force on the
    build date and that the page shows 2026.2, from its date, rather than a bare version number."""
    config = _site(tmp_path, "2026-11-01")
    config.write_text(config.read_text("utf-8") + "      customer: true\n", "utf-8")
    build = mkdocs_build(config, tmp_path / "site")
    for lang, said in (
        (
            "en",
            "The version in force on Sun 1 Nov 2026. This page does not show this version: it shows version "
            "2026.2, which applies from Tue 1 Dec 2026.",
        ),
        (
            "ja",
            "2026年11月1日(日)時点で適用中の版です。"
            "このページはこの版ではなく、2026年12月1日(火)から適用する版 2026.2 の内容を示します。",
        ),
    ):
        rows = tables(build.page(lang))["versions"][1:]  # (its one policy is the home page)
        assert said in rows[0].cells[-1], rows[0].cells
        assert "2026.2" not in rows[1].cells[-1] or said not in rows[1].cells[-1]


def test_a_hand_written_fact_is_worked_on_a_day_the_new_version_is_in_force(ahead: Build) -> None:
    """From Tue 1 Dec (not Mon 2 Nov): 2026.2's first business day whose next day is one too."""
    home = (ahead.site / "index.html").read_text("utf-8")
    assert "Tue 14:00 + 4 business hours = Tue 18:00" in home, home


def test_the_page_of_a_version_in_force_has_no_such_note(tmp_path: Path) -> None:
    build = mkdocs_build(_site(tmp_path, "2026-12-05"), tmp_path / "site")
    page = build.page("sla/click-so-ko/en")
    assert 'id="version-ahead"' not in page
    assert [r.cells[1] for r in tables(page)["maintenance-windows"][1:2]] == ["Wed 16 Dec 2026"]
    assert "(from Sat 5 Dec 2026)" in page


def test_versions_sla_evaluate_refuses_stop_the_build(tmp_path: Path) -> None:
    """Two versions of one day: ``sla evaluate`` refuses them, so the site does (no traceback)."""
    twin = _v2().replace("effective 2026-12-01", "effective 2026-04-01")
    config = _site(tmp_path, "2026-11-01", twin)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "sla: " in output and "Traceback" not in output, output

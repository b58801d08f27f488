"""The availability timeline's words: the period its title names, the times of its tooltips, its counts.

The chart's title (and aria-label) named the month the period starts in whatever the period: a report of
1 October to 30 November said ``Availability in October 2026`` (``2026年10月度の稼働状況``) over an axis
running to 1 December with an outage in November. It now names the period as the report's heading does: a
calendar month by its name, any other period by its two ends. Its tooltips wrote a time of the hour a zone
repeats without its offset (``OUT-1 1 Nov 01:30 to 1 Nov 01:15``, where the tables write ``01:30 (-04:00)``
and ``01:15 (-05:00)``), and its English counts had no singular (``1 planned stops``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.report import chart
from sla_dsl.report.render import render

from .helpers import EXAMPLE, POLICY

NEW_YORK = """\
sla "NY" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  languages en, ja
}
calendar always "終日" / "Always" {
  days mon..sun
  hours 00:00-24:00
}
service portal "ポータル" / "Portal" {
  hours always
  availability target 99.0% monthly
}
priority P1 "緊急" / "Urgent" { respond within 1 hour }
"""
#: An outage in October, and one across the end of summer time in New York (01:30 EDT to 01:15 EST).
EVENTS = [
    {"event": "outage.started", "at": "2026-10-10T01:00:00-04:00", "id": "OUT-2"},
    {"event": "outage.ended", "at": "2026-10-10T03:00:00-04:00", "id": "OUT-2"},
    {"event": "outage.started", "at": "2026-11-01T01:30:00-04:00", "id": "OUT-1"},
    {"event": "outage.ended", "at": "2026-11-01T01:15:00-05:00", "id": "OUT-1"},
]
_SVG = re.compile(r'<svg [^>]*aria-label="([^"]*)"[^>]*class="timeline"><title>([^<]*)</title>.*?</svg>', re.S)
_H1 = re.compile(r"<h1>([^<]*)</h1>")


def _page(tmp_path: Path, start: str, end: str, lang: str, events: list[dict[str, str]] = EVENTS) -> str:
    path = tmp_path / "ny.sla"
    path.write_text(NEW_YORK, "utf-8")
    policy = sla_dsl.load_policy(path)
    zone = ZoneInfo("America/New_York")
    t0, t1 = (dt.datetime.fromisoformat(d).replace(tzinfo=zone) for d in (start, end))
    report = sla_dsl.evaluate(policy, events, t0, t1)
    return render(report, "html", lang=lang, policies=[policy])


def _title(page: str) -> str:
    found = _SVG.search(page)
    assert found, "no timeline"
    aria, title = found.groups()
    assert aria == title
    return title


def _heading_span(page: str, lang: str) -> str:
    """The period as the page's heading names it (``…（2026年10月1日(木) 〜 11月30日(月)）`` / ``…, Thu 1 Oct …``)."""
    h1 = _H1.search(page)
    assert h1
    return h1.group(1).split("（", 1)[1].rstrip("）") if lang == "ja" else h1.group(1).split(", ", 1)[1]


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ja", "2026年10月1日(木) 〜 11月30日(月)の稼働状況：障害 2 件、定期メンテナンス 0 件、通知済み計画停止 0 件"),
        (
            "en",
            "Availability over Thu 1 Oct 2026 - Mon 30 Nov: 2 outages, 0 maintenance windows, 0 noticed planned stops",
        ),
    ],
)
def test_a_chart_of_two_months_names_both_ends(tmp_path: Path, lang: str, title: str) -> None:
    page = _page(tmp_path, "2026-10-01", "2026-12-01", lang)
    assert _title(page) == title
    assert _heading_span(page, lang) in title


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_chart_of_part_of_a_month_names_its_ends_as_the_heading_does(tmp_path: Path, lang: str) -> None:
    page = _page(tmp_path, "2026-10-03", "2026-10-20", lang)
    span = _heading_span(page, lang)
    assert span == ("2026年10月3日(土) 〜 10月19日(月)" if lang == "ja" else "Sat 3 Oct 2026 - Mon 19 Oct")
    assert _title(page).startswith(f"{span}の稼働状況：" if lang == "ja" else f"Availability over {span}: ")


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ja", "2026年11月度の稼働状況：障害 1 件、定期メンテナンス 0 件、通知済み計画停止 0 件"),
        ("en", "Availability in November 2026: 1 outage, 0 maintenance windows, 0 noticed planned stops"),
    ],
)
def test_a_chart_of_a_calendar_month_names_the_month(tmp_path: Path, lang: str, title: str) -> None:
    assert _title(_page(tmp_path, "2026-11-01", "2026-12-01", lang)) == title


@pytest.mark.parametrize(
    ("lang", "tips"),
    [
        (
            "ja",
            [
                "OUT-2 10月10日 01:00 〜 10月10日 03:00、停止時間 2:00",
                "OUT-1 11月1日 01:30 (-04:00) 〜 11月1日 01:15 (-05:00)、停止時間 0:45",
            ],
        ),
        (
            "en",
            [
                "OUT-2 10 Oct 01:00 to 10 Oct 03:00, downtime 2:00",
                "OUT-1 1 Nov 01:30 (-04:00) to 1 Nov 01:15 (-05:00), downtime 0:45",
            ],
        ),
    ],
)
def test_a_tooltip_in_the_repeated_hour_says_its_offset(tmp_path: Path, lang: str, tips: list[str]) -> None:
    page = _page(tmp_path, "2026-10-01", "2026-12-01", lang)
    assert re.findall(r"<rect [^>]*><title>([^<]*)</title></rect>", page) == tips


def test_english_counts_of_one_are_singular() -> None:
    policy = sla_dsl.load_policy(POLICY)
    events = [json.loads(x) for x in EXAMPLE.read_text("utf-8").splitlines() if x.startswith("{")]
    jst = dt.timezone(dt.timedelta(hours=9))
    report = sla_dsl.evaluate(
        policy, events, dt.datetime(2026, 11, 1, tzinfo=jst), dt.datetime(2026, 12, 1, tzinfo=jst)
    )
    assert _title(render(report, "html", lang="en", policies=[policy])) == (
        "Availability in November 2026: 10 outages, 1 maintenance window, 1 noticed planned stop"
    )


@pytest.mark.parametrize(
    ("lang", "note"),
    [("ja", "ほか 1 件の障害はラベルを省略（一覧は「"), ("en", "1 more outage not labelled: see “")],
)
def test_one_outage_left_without_a_label_is_said_in_the_singular(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, note: str
) -> None:
    monkeypatch.setattr(chart, "LANES", 1)  # (one row: of two outages at one spot, one label fits)
    events = [
        {"event": "outage.started", "at": "2026-10-10T01:00:00-04:00", "id": "OUT-2"},
        {"event": "outage.ended", "at": "2026-10-10T03:00:00-04:00", "id": "OUT-2"},
        {"event": "outage.started", "at": "2026-10-10T01:10:00-04:00", "id": "OUT-3"},
        {"event": "outage.ended", "at": "2026-10-10T02:00:00-04:00", "id": "OUT-3"},
    ]
    svg = _SVG.search(_page(tmp_path, "2026-10-01", "2026-11-01", lang, events))
    assert svg
    assert ("OUT-2 2:00" in svg.group(0)) != ("OUT-3 0:50" in svg.group(0))
    assert f">{note}" in svg.group(0)  # (then the outages table's heading)

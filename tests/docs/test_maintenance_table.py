"""The table of the next maintenance windows: whose window, how long it really lasts, and the days skipped.

With two rules or more the table said not which rule a window was of; a window on the night the clocks
change showed its wall-clock hours only (London's 00:45-02:15 on 25 October 2026 runs from 00:45 BST,
through the repeated hour, to 02:15 GMT: 2 hours 30 minutes); a scheduled day ``if not a business day: skip`` drops
was said nowhere, where a moved window is listed. And a policy whose rules sit in two sections got the
table twice, under one id.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy
from sla_dsl.policy.compiled import Policy
from sla_dsl.serve.dashboard import window_text

from .conftest import ROOT
from .htmltables import Row, tables

LONDON = """sla "Ldn" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Europe/London
  languages ja, en
}
article 2 "保守" / "Maintenance"
calendar business "営業日" / "Business days" {
  days mon..fri
  hours 09:00-17:00
  holidays GB-ENG
}
maintenance night "夜間作業" / "Night work" [art 2.1] {
  every week on sun, 00:45-02:15
  notice none
}
maintenance patch "月例パッチ" / "Monthly patch" [art 2.2] {
  every month on 1st mon, 20:00-22:00
  if not a business day: skip
  calendar business
  notice none
}
"""


@pytest.fixture(scope="module")
def london(tmp_path_factory: pytest.TempPathFactory) -> Policy:
    path = tmp_path_factory.mktemp("ldn") / "ldn.sla"
    path.write_text(LONDON, "utf-8")
    return load_policy(path)


def _page(policy: Policy, lang: str, day: dt.date, count: int = 12) -> str:
    ctx = PageContext(lang=lang, source_url="", reference=day, maintenance_count=count)
    return render_policy(policy, ctx)


def _rows(page: str) -> list[Row]:
    return tables(page)["maintenance-windows"]


@pytest.mark.parametrize(
    ("lang", "head", "night"), [("ja", "定期メンテナンス", "夜間作業"), ("en", "Maintenance", "Night work")]
)
def test_with_several_rules_each_window_names_its_rule(london: Policy, lang: str, head: str, night: str) -> None:
    rows = _rows(_page(london, lang, dt.date(2026, 10, 20), 4))
    assert rows[0].cells[1] == head
    assert [r.cells[1] for r in rows[1:]] == [night, night, {"ja": "月例パッチ", "en": "Monthly patch"}[lang], night]


def test_with_one_rule_there_is_no_such_column() -> None:
    page = render_policy(load_policy(ROOT / "policies/clicksoko.sla"), PageContext(lang="en", source_url=""))
    assert _rows(page)[0].cells == ["No.", "Date", "Window", "Note"]


@pytest.mark.parametrize(("lang", "said"), [("ja", "実際の長さは2時間30分"), ("en", "lasts 2 hours 30 minutes")])
def test_a_window_on_the_night_the_clocks_go_back_says_its_real_length(london: Policy, lang: str, said: str) -> None:
    rows = _rows(_page(london, lang, dt.date(2026, 10, 20), 4))
    first, second = rows[1], rows[2]
    assert first.cells[2] in ("2026年10月25日(日)", "Sun 25 Oct 2026") and said in first.cells[4], first
    # (each end with its offset, as every time of a day the clocks change: the dashboard writes it alike)
    assert first.cells[3] in ("00:45 (+01:00)〜02:15 (+00:00)", "00:45 (+01:00)–02:15 (+00:00)")
    assert second.cells[3] in ("00:45〜02:15", "00:45–02:15")  # (a night without a change: the hours alone)
    assert second.cells[4] == "", second  # a night without a change: nothing to say


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_dashboard_writes_a_window_as_the_site_does(london: Policy, lang: str) -> None:
    """The dashboard's next window (``sla serve``) and the site's table write the same hours: one formatter
    (``sla_dsl.i18n.window_hours``), each end with its offset on the night the clocks go back."""
    first, second = _rows(_page(london, lang, dt.date(2026, 10, 20), 4))[1:3]
    tz = ZoneInfo("Europe/London")
    night = dt.datetime(2026, 10, 25, 0, 45, tzinfo=tz), dt.datetime(2026, 10, 25, 2, 15, tzinfo=tz)
    assert window_text(*night, lang) == f"{first.cells[2]} {first.cells[3]}"
    week = [t + dt.timedelta(days=7) for t in night]
    assert window_text(*week, lang) == f"{second.cells[2]} {second.cells[3]}"


@pytest.mark.parametrize(("lang", "said"), [("ja", "実際の長さは1時間"), ("en", "lasts 1 hour,")])
def test_a_window_on_the_night_the_clocks_go_forward_too(tmp_path: Path, lang: str, said: str) -> None:
    path = tmp_path / "spring.sla"
    path.write_text(LONDON.replace("every week on sun, 00:45-02:15", "every year on 03-29, 00:30-02:30"), "utf-8")
    rows = _rows(_page(load_policy(path), lang, dt.date(2026, 3, 1)))
    spring = [r for r in rows if "29 Mar" in r.cells[2] or "3月29日" in r.cells[2]]
    assert len(spring) == 1 and said in spring[0].cells[4], rows


@pytest.mark.parametrize(
    ("lang", "day", "said", "heading"),
    [
        ("ja", "2026年5月4日(月)", "実施しません（", "今後5年間の延期・中止"),
        ("en", "Mon 4 May 2026", "skipped (May Day)", "Moved and skipped windows in the next 5 years"),
    ],
)
def test_a_skipped_window_is_said_where_it_would_have_been(
    london: Policy, lang: str, day: str, said: str, heading: str
) -> None:
    page = _page(london, lang, dt.date(2026, 4, 28), 3)
    rows = _rows(page)
    skipped = [r for r in rows if r.cells[2] == day]
    assert len(skipped) == 1 and skipped[0].cells[0] == "—" and said in skipped[0].cells[4], rows
    # among the windows by date, numbered as windows (a skipped day is none)
    dates = [r.cells[2] for r in rows[1:]]
    assert dates.index(day) == 1 and [r.cells[0] for r in rows[1:]] == ["1", "—", "2", "3"], rows
    # and in the list of the next years' moves, with its reason
    moved = re.search(r'<ul id="maintenance-moved">(.*?)</ul>', page, re.S)
    assert moved is not None and f"{day}{'：' if lang == 'ja' else ': '}{said}" in moved.group(1)
    assert f"<strong>{heading}</strong>" in page


def test_the_windows_are_listed_once_for_rules_in_two_sections(london: Policy) -> None:
    page = _page(london, "en", dt.date(2026, 10, 20), 4)
    assert page.count('id="maintenance-windows"') == 1 and page.count("{#maintenance-next}") == 1
    assert page.count('id="maintenance-moved"') == 1
    # after the last rule's section
    assert page.index("{#maintenance-next}") > page.index("Monthly patch")

"""The worked example of a policy page works for any calendar: hours written per weekday, any zone.

Before, :func:`sla_dsl.docs.computed.examples` read the one-line ``hours`` of the calendar the
priorities count on: a calendar written per weekday (``hours mon..fri 09:00-17:30``, the London
desk) has none, so its page had no worked example; and it set those hours in the policy's zone,
so a New York desk's 16:00 became 16:00 in Tokyo. The start is now one hour of open time before
the calendar's own close on its first business Friday, said on the policy's wall clock, and every
row is what ``sla deadline --from`` says for that start.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.docs import computed
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy
from sla_dsl.policy.compiled import Policy

from .conftest import ROOT
from .htmltables import tables

LONDON = ROOT / "policies/examples/london_desk.sla"

POLICY = """\
sla "Worked example" {{
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
}}

calendar desk "窓口" / "Desk" {{
{calendar}
}}

priority P1 "優先度１" / "Priority 1" {{
  respond within 4 desk hours
}}

priority P2 "優先度２" / "Priority 2" {{
  respond within 1 desk day
}}
"""


def _policy(tmp_path: Path, calendar: str) -> Path:
    path = tmp_path / "worked.sla"
    path.write_text(POLICY.format(calendar=calendar), "utf-8")
    return path


def _example(path: Path, today: dt.date) -> tuple[Policy, computed.Example]:
    policy = load_policy(str(path))
    example = computed.examples(policy, today)
    assert example is not None, "no worked example"
    return policy, example


def _sla_deadline(path: Path, priority: str, start: dt.datetime) -> str:
    sla = Path(sys.executable).with_name("sla")
    args = [str(sla), "deadline", str(path), "--priority", priority, "--from", start.isoformat()]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout.strip()


def _agrees_with_sla_deadline(path: Path, example: computed.Example) -> None:
    for row in example.rows:
        assert _sla_deadline(path, row.rule.id, example.start) == row.due.isoformat(), row.rule.id


def _is_business_moment(policy: Policy, at: dt.datetime) -> bool:
    return policy.calendar(policy.default_calendar_name).is_business_time(at)


def test_the_london_desk_has_a_worked_example_that_agrees_with_sla_deadline() -> None:
    """Hours per weekday on London's clock: Friday 16:30 in London (GMT) is Saturday 01:30 in Tokyo."""
    policy, example = _example(LONDON, dt.date(2026, 11, 1))
    assert example.start.isoformat() == "2026-11-07T01:30:00+09:00"
    assert example.start.tzinfo == policy.tz and _is_business_moment(policy, example.start)
    assert [(r.rule.id, r.due.isoformat()) for r in example.rows] == [
        ("P1", "2026-11-09T21:00:00+09:00"),  # 1 hour on Friday, 3 on Monday: 12:00 in London
        ("P2", "2026-11-10T01:30:00+09:00"),  # a desk day is 8.5 hours: Monday 16:30 in London
    ]
    _agrees_with_sla_deadline(LONDON, example)


def test_the_london_example_skips_english_holidays_and_follows_summer_time() -> None:
    """From 2026-04-01: Good Friday (3 April) is a holiday in England, so Friday 10 April, on British
    Summer Time (16:30 is 00:30 in Tokyo); Easter Monday is past by then."""
    policy, example = _example(LONDON, dt.date(2026, 4, 1))
    assert example.start.isoformat() == "2026-04-11T00:30:00+09:00"
    assert _is_business_moment(policy, example.start)
    _agrees_with_sla_deadline(LONDON, example)


def test_the_london_page_shows_the_worked_example() -> None:
    policy = load_policy(str(LONDON))
    for lang, head, start in (
        (
            "ja",
            ["問題の優先順位", "応答目標時間", "起算", "期限"],
            "2026年4月11日(土) 00:30（ロンドン時間 2026年4月10日(金) 16:30）",
        ),
        (
            "en",
            ["Priority", "Response target", "Clock starts", "Due"],
            "Sat 11 Apr 2026 00:30 (London time: Fri 10 Apr 2026 16:30)",
        ),
    ):
        page = render_policy(policy, PageContext(lang=lang, source_url="", reference=dt.date(2026, 4, 1)))
        rows = [r.cells for r in tables(page)["examples"]]
        assert rows[0] == head, lang
        assert [r[2] for r in rows[1:]] == [start, start], lang


def test_hours_written_per_weekday_in_the_policy_s_zone(tmp_path: Path) -> None:
    """A short Friday: the start is an hour before its own close (14:00), not before another day's."""
    path = _policy(tmp_path, "  hours mon..thu 09:00-18:00\n  hours fri 09:00-15:00")
    policy, example = _example(path, dt.date(2026, 11, 1))
    assert example.start.isoformat() == "2026-11-06T14:00:00+09:00"
    assert _is_business_moment(policy, example.start)
    _agrees_with_sla_deadline(path, example)


def test_one_line_hours_on_a_calendar_in_another_zone(tmp_path: Path) -> None:
    """New York's Friday 16:00 (EST) is Saturday 06:00 in Tokyo, not Friday 16:00 in Tokyo."""
    path = _policy(tmp_path, "  timezone America/New_York\n  days mon..fri\n  hours 09:00-17:00")
    policy, example = _example(path, dt.date(2026, 11, 1))
    assert example.start.isoformat() == "2026-11-07T06:00:00+09:00"
    assert _is_business_moment(policy, example.start)
    _agrees_with_sla_deadline(path, example)


def test_a_last_range_shorter_than_an_hour_starts_in_open_time(tmp_path: Path) -> None:
    """Hours 10:00-12:00 and 12:30-13:00: one open hour before the close is 11:30, not 12:00 (the lunch
    break, when no clock of the calendar runs)."""
    path = _policy(tmp_path, "  days mon..fri\n  hours 10:00-12:00, 12:30-13:00")
    policy, example = _example(path, dt.date(2026, 11, 1))
    assert example.start.isoformat() == "2026-11-06T11:30:00+09:00"
    assert _is_business_moment(policy, example.start)
    _agrees_with_sla_deadline(path, example)


@pytest.mark.parametrize(
    "source",
    [*sorted((ROOT / "policies/examples").glob("*.sla")), ROOT / "policies/clicksoko.sla"],
    ids=lambda p: p.stem,
)
def test_every_example_policy_starts_its_worked_example_in_open_time(source: Path) -> None:
    policy = load_policy(str(source))
    for today in (dt.date(2026, 4, 1), dt.date(2026, 11, 1)):
        example = computed.examples(policy, today)
        assert example is not None, source.name
        assert example.start.tzinfo == policy.tz and _is_business_moment(policy, example.start), today

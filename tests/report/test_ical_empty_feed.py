"""A maintenance feed with no window is still an iCalendar object: it holds the zone's ``VTIMEZONE``.

RFC 5545 (3.6) wants at least one component in a calendar (``icalbody = calprops component``), and
``sla maintenance --format ics`` over a range with no window, like the site's ``maintenance.ics`` of a
policy without maintenance, wrote a ``VCALENDAR`` with none, which a strict program refuses. A
``VTIMEZONE`` is a component (``timezonec``): such a feed now holds that of the policy's zone, over the
years around its reference date, and a program subscribed to it shows no window.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from sla_dsl.docs import ical as site_ical
from sla_dsl.policy import load_policies

from .helpers import sla

HEADER = """sla "Ldn Desk" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone {zone}
  languages ja, en
}}
"""
MAINTENANCE = """calendar business "営業時間" / "Business" {
  days mon..fri
  hours 09:00-17:00
}
maintenance night "土曜夜" / "Saturday night" {
  every week on sat, 23:00-02:30
  calendar business
  notice none
}
"""


def _policy(tmp_path: Path, zone: str, maintenance: bool = True) -> Path:
    path = tmp_path / "ldn.sla"
    path.write_text(HEADER.format(zone=zone) + (MAINTENANCE if maintenance else ""), "utf-8")
    return path


def _components(feed: str | bytes) -> list[tuple[str, str]]:
    """The feed's components: (name, TZID or UID), after checking it is one calendar with at least one."""
    text = feed.decode("utf-8") if isinstance(feed, bytes) else feed
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2:] == ["END:VCALENDAR", ""]
    cal = Calendar.from_ical(text)
    assert cal.subcomponents, "RFC 5545 (3.6): a calendar has at least one component"
    return [(c.name, str(c.get("TZID") or c.get("UID"))) for c in cal.subcomponents]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_range_without_a_window_gives_a_calendar_with_the_zone(tmp_path: Path, lang: str) -> None:
    code, out, err = sla(
        "maintenance", _policy(tmp_path, "Europe/London"), "--from", "2026-05-04", "--to", "2026-05-05",
        "--format", "ics", "--lang", lang,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert _components(out) == [("VTIMEZONE", "Europe/London")]
    cal = Calendar.from_ical(out)
    assert str(cal["X-WR-CALNAME"]) == ("Ldn Desk: 土曜夜" if lang == "ja" else "Ldn Desk: Saturday night")
    # the zone of the years around --from, its summer time from 01:00 GMT (RFC 5545 3.6.5)
    assert "RDATE:20260329T010000,20270328T010000\r\n" in out


def test_a_zone_written_in_utc_still_gives_a_component(tmp_path: Path) -> None:
    code, out, err = sla(
        "maintenance", _policy(tmp_path, "UTC"), "--from", "2026-05-04", "--to", "2026-05-05", "--format", "ics"
    )
    assert (code, err) == (0, "")
    assert _components(out) == [("VTIMEZONE", "UTC")]
    [zone] = Calendar.from_ical(out).walk("VTIMEZONE")
    assert [(c.name, c.decoded("TZOFFSETTO")) for c in zone.subcomponents] == [("STANDARD", dt.timedelta(0))]


def test_a_feed_with_windows_is_as_it_was(tmp_path: Path) -> None:
    code, out, err = sla(
        "maintenance",
        _policy(tmp_path, "Europe/London"),
        "--from",
        "2026-05-02",
        "--to",
        "2026-05-03",
        "--format",
        "ics",
    )
    assert (code, err) == (0, "")
    assert _components(out) == [("VTIMEZONE", "Europe/London"), ("VEVENT", "night-2026-05-02@ldn-desk.sla-dsl")]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sites_feed_of_a_policy_without_maintenance_is_valid(tmp_path: Path, lang: str) -> None:
    [policy] = load_policies([str(_policy(tmp_path, "Asia/Tokyo", maintenance=False))])
    feed = site_ical.maintenance_ics(policy, dt.date(2026, 11, 1), lang)
    assert _components(feed.encode("utf-8")) == [("VTIMEZONE", "Asia/Tokyo")]

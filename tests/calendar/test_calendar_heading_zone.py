"""``sla calendar``'s heading names the calendar's zone as the site does, in the command's language.

It showed the zone's IANA id, ``2026年5月  Ldn Desk · 営業時間 (Europe/London)``, in Japanese too, while
the site says ``ロンドン時間``. The heading now names the zone as the site does
(:func:`sla_dsl.i18n.places.zone_name`): by its place in Japanese and English, UTC by its name, a zone
of no place by its offset.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "Ldn Desk" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone {zone}
  languages ja, en
}}
calendar business "営業時間" / "Business" {{
  days mon..fri
  hours 09:00-17:00{own}
}}
"""


def _heading(tmp_path: Path, zone: str, lang: str, own: str = "") -> str:
    path = tmp_path / "ldn.sla"
    path.write_text(POLICY.format(zone=zone, own=f"\n  timezone {own}" if own else ""), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["calendar", str(path), "--month", "2026-05", "--lang", lang])
    assert (code, err.getvalue()) == (0, "")
    return out.getvalue().splitlines()[0]


@pytest.mark.parametrize(
    ("zone", "lang", "heading"),
    [
        # QA's policy
        ("Europe/London", "ja", "2026年5月  Ldn Desk · 営業時間（ロンドン時間）"),
        ("Europe/London", "en", "May 2026  Ldn Desk · Business (London time)"),
        # a zone named by its country, as the site names it
        ("Asia/Tokyo", "ja", "2026年5月  Ldn Desk · 営業時間（日本時間）"),
        ("Asia/Tokyo", "en", "May 2026  Ldn Desk · Business (Japan time)"),
        # UTC by its name, a zone of no place by its offset
        ("UTC", "ja", "2026年5月  Ldn Desk · 営業時間（協定世界時）"),
        ("Etc/GMT+12", "en", "May 2026  Ldn Desk · Business (UTC-12)"),
    ],
)
def test_the_heading_names_the_zone_as_the_site_does(tmp_path: Path, zone: str, lang: str, heading: str) -> None:
    assert _heading(tmp_path, zone, lang) == heading


def test_a_calendar_of_its_own_zone_is_headed_by_that_zone(tmp_path: Path) -> None:
    heading = _heading(tmp_path, "Asia/Tokyo", "ja", own="America/New_York")
    assert heading == "2026年5月  Ldn Desk · 営業時間（ニューヨーク時間）"
    assert "/" not in _heading(tmp_path, "Asia/Tokyo", "en", own="America/New_York")

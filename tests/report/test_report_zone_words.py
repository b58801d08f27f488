"""The report's header names its time zone in words: 日本時間, ロンドン時間 (no offset-only line for a named zone).

A policy in Europe/London said 時刻はすべて協定世界時から+00:00の時刻です (and the same offset all year,
although London keeps summer time); the site and the change notice name the zone (:mod:`sla_dsl.i18n.places`).
The offsets are those in force during the period (:mod:`sla_dsl.report.zones`): London in November
2026 is UTC+0 only; Chicago left summer time at 02:00 on Sun 1 Nov 2026.
"""

from __future__ import annotations

import pytest

import sla_dsl
from sla_dsl.report.render import render

from .helpers import ROOT

CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")


@pytest.mark.parametrize(
    ("zone", "lang", "said"),
    [
        ("Asia/Tokyo", "ja", "時刻はすべて日本時間です。"),
        ("Asia/Tokyo", "en", "All times are Japan time (UTC+09:00)."),
        ("Europe/London", "ja", "時刻はすべてロンドン時間（UTC+0）です。"),
        ("Europe/London", "en", "All times are London time (UTC+0)."),
        ("America/Chicago", "ja", "時刻はすべてシカゴ時間（UTC-5、11月1日(日)からUTC-6）です。"),
        ("Asia/Singapore", "en", "All times are Singapore Standard Time (UTC+8)."),
    ],
)
def test_the_header_names_the_zone(zone: str, lang: str, said: str) -> None:
    policy = sla_dsl.load_policy(CLICKSOKO.replace("timezone Asia/Tokyo", f"timezone {zone}"))
    report = sla_dsl.evaluate(policy, [], "2026-11-01", "2026-12-01")
    text = render(report, "text", lang=lang, policies=[policy])
    assert said in text.splitlines()[2], text.splitlines()[:3]
    if lang == "ja":
        assert zone not in text


@pytest.mark.parametrize(
    ("zone", "period", "lang", "said"),
    [
        # São Paulo kept summer time until 2019: from Sun 4 Nov 2018 it was UTC-2 (today's rules: UTC-3 only)
        (
            "America/Sao_Paulo",
            ("2018-11-01", "2018-12-01"),
            "en",
            "All times are São Paulo time (UTC-3, UTC-2 from Sun 4 Nov).",
        ),
        (
            "America/Sao_Paulo",
            ("2018-11-01", "2018-12-01"),
            "ja",
            "時刻はすべてサンパウロ時間（UTC-3、11月4日(日)からUTC-2）です。",
        ),
        ("America/Sao_Paulo", ("2026-11-01", "2026-12-01"), "en", "All times are São Paulo time (UTC-3)."),
        # Apia skipped 30 December 2011, from UTC-10 to UTC+14 (it keeps UTC+13 all year today)
        (
            "Pacific/Apia",
            ("2011-12-01", "2012-01-01"),
            "en",
            "All times are Apia time (UTC-10, UTC+14 from Sat 31 Dec).",
        ),
        # a year in London: both changes, each with its day
        (
            "Europe/London",
            ("2026-01-01", "2027-01-01"),
            "en",
            "All times are London time (UTC+0, UTC+1 from Sun 29 Mar, UTC+0 from Sun 25 Oct).",
        ),
    ],
)
def test_the_offsets_are_those_of_the_period(zone: str, period: tuple[str, str], lang: str, said: str) -> None:
    policy = sla_dsl.load_policy(CLICKSOKO.replace("timezone Asia/Tokyo", f"timezone {zone}"))
    report = sla_dsl.evaluate(policy, [], *period)
    text = render(report, "text", lang=lang, policies=[policy])
    assert said in text.splitlines()[2], text.splitlines()[:3]

"""The report's header names its time zone in words: 日本時間, ロンドン時間 (no offset-only line for a named zone).

A policy in Europe/London said 時刻はすべて協定世界時から+00:00の時刻です (and the same offset all year,
although London keeps summer time); the site and the change notice name the zone (:mod:`sla_dsl.i18n.places`).
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
        ("Europe/London", "ja", "時刻はすべてロンドン時間（UTC+0、夏時間はUTC+1）です。"),
        ("Europe/London", "en", "All times are London time (UTC+0, UTC+1 in summer)."),
        ("America/Chicago", "ja", "時刻はすべてシカゴ時間（UTC-6、夏時間はUTC-5）です。"),
    ],
)
def test_the_header_names_the_zone(zone: str, lang: str, said: str) -> None:
    policy = sla_dsl.load_policy(CLICKSOKO.replace("timezone Asia/Tokyo", f"timezone {zone}"))
    report = sla_dsl.evaluate(policy, [], "2026-11-01", "2026-12-01")
    text = render(report, "text", lang=lang, policies=[policy])
    assert said in text.splitlines()[2], text.splitlines()[:3]
    if lang == "ja":
        assert zone not in text

"""The site's words for a calendar's issue-11 statements, in Japanese and English.

Design notes
------------
* One small catalogue (:data:`WORDS`) of :class:`~sla_dsl.i18n.msg.Msg`
  templates; every function returns plain text that the caller escapes.
* A calendar's own zone is named in words a reader knows (``ロンドン時間`` /
  ``London time``) for the zones in :data:`ZONE_NAMES`; any other zone by its
  standard UTC offset (``UTC+05:30 の現地時間``), so no IANA identifier
  reaches a Japanese page.
* Hours per weekday read as ``Mon–Fri 09:00–12:30, 13:30–17:30; Sat
  10:00–13:00``; an overnight range keeps its wall times and says it ends
  the next day (``22:00〜翌06:00``, :func:`.text.time_range`).
* A holiday code (``holidays GB-ENG``) is named as a place (``イングランド`` /
  ``England``, :func:`region_name`), never shown as the code.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import holidays

from ..i18n import CATALOGUE, message
from ..i18n.msg import Msg
from ..lang import model as m
from . import text as tx

__all__ = ["WORDS", "calendar_facts", "hours_text", "region_name", "zone_text"]

WORDS: dict[str, Msg] = {
    "zone": Msg(ja="{z}で判定", en="counted in {z}"),
    "zone_offset": Msg(ja="UTC{o} の現地時間", en="local time (UTC{o})"),
    "date_hours": Msg(ja="{d}は {h}", en="{d}: {h}"),
    "closed_hours": Msg(ja="{d} {h} は休業", en="closed {d} {h}"),
    "holiday": Msg(ja="{name}（{d}）", en="{name} ({d})"),
    "day_sep": Msg(ja="；", en="; "),
}

#: zone -> (Japanese, English) names of its time
ZONE_NAMES: dict[str, tuple[str, str]] = {
    "Asia/Tokyo": ("日本時間", "Japan time"),
    "Europe/London": ("ロンドン時間", "London time"),
    "America/New_York": ("ニューヨーク時間", "New York time"),
    "America/Los_Angeles": ("ロサンゼルス時間", "Los Angeles time"),
    "Australia/Lord_Howe": ("ロード・ハウ島時間", "Lord Howe Island time"),
    "Australia/Sydney": ("シドニー時間", "Sydney time"),
    "Asia/Kolkata": ("インド時間", "India time"),
    "Asia/Singapore": ("シンガポール時間", "Singapore time"),
    "Europe/Berlin": ("ベルリン時間", "Berlin time"),
    "Europe/Paris": ("パリ時間", "Paris time"),
    "UTC": ("協定世界時", "UTC"),
}


def _w(key: str, lang: str, **params: object) -> str:
    msg = WORDS[key]
    return (msg.ja if lang == "ja" else msg.en).format(**params)


def zone_text(zone: str, lang: str) -> str:
    """``ロンドン時間`` / ``London time``; an unnamed zone by its January UTC offset."""
    names = ZONE_NAMES.get(zone)
    if names is not None:
        return names[0] if lang == "ja" else names[1]
    off = dt.datetime(2026, 1, 1, tzinfo=ZoneInfo(zone)).utcoffset() or dt.timedelta()
    minutes = int(off.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return _w("zone_offset", lang, o=f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")


def region_name(code: str, lang: str) -> str:
    """The place whose public holidays a calendar leaves out, in words: ``JP`` -> ``日本`` / ``Japan``,
    ``GB-ENG`` -> ``イングランド`` / ``England`` (the catalogue's ``site.region.*``); a code it does not
    list by the ``holidays`` package's English name (``US-CA`` -> ``California``), the code only when
    the package does not know it either."""
    if f"site.region.{code}" in CATALOGUE:
        return message(f"site.region.{code}", lang)
    country, _, subdiv = code.partition("-")
    try:
        entity = type(holidays.country_holidays(country))
    except NotImplementedError:
        return code
    if subdiv:
        names = {v: k for k, v in getattr(entity, "subdivisions_aliases", {}).items()}
        return str(names.get(subdiv, code))
    if f"site.region.{country}" in CATALOGUE:
        return message(f"site.region.{country}", lang)
    # the country's own class, not its code's alias (``PT`` -> ``Portugal``): ``UnitedKingdom`` -> ``United Kingdom``
    name = next((c.__name__ for c in entity.__mro__ if not c.__name__.isupper()), code)
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)


def hours_text(cal: m.Calendar, lang: str) -> str:
    """The weekly hours: ``月〜金 10:00〜12:00、13:00〜18:00；土 10:00〜13:00``."""
    groups: list[tuple[list[m.Weekday], tuple[m.TimeRange, ...]]] = []
    for w in cal.open_weekdays():
        ranges = cal.weekday_ranges(w)
        if groups and groups[-1][1] == ranges:
            groups[-1][0].append(w)
        else:
            groups.append(([w], ranges))
    sep = _w("day_sep", lang)
    return sep.join(f"{tx.weekdays(days, lang)} {tx.time_ranges(rs, lang)}" for days, rs in groups if rs)


def calendar_facts(cal: m.Calendar, lang: str) -> list[str]:
    """The facts of issue 11's statements: zone, date hours, partial closures, named holidays."""
    out = []
    if cal.timezone:
        out.append(_w("zone", lang, z=zone_text(cal.timezone, lang)))
    for e in cal.date_hours:
        dates = tx.join([tx.date_range(r, lang) for r in e.dates], lang)
        out.append(_w("date_hours", lang, d=dates, h=tx.time_ranges(e.ranges, lang)))
    for e in cal.closed_hours:
        dates = tx.join([tx.date_range(r, lang) for r in e.dates], lang)
        out.append(_w("closed_hours", lang, d=dates, h=tx.time_ranges(e.ranges, lang)))
    for h in cal.named_holidays:
        name = h.label.text(lang) or ("休業日" if lang == "ja" else "holiday")
        out.append(_w("holiday", lang, name=name, d=tx.date(h.date, lang)))
    return out

"""The site's words for a calendar's issue-11 statements, in Japanese and English.

Design notes
------------
* One small catalogue (:data:`WORDS`) of :class:`~sla_dsl.i18n.msg.Msg`
  templates; every function returns plain text that the caller escapes.
* A calendar's own zone is named in words a reader knows (``ロンドン時間`` /
  ``London time``, ``シカゴ時間``), by :func:`sla_dsl.i18n.places.zone_name`, as
  the change notice names it, so no IANA identifier reaches a Japanese page.
* Hours per weekday read as ``Mon–Fri 09:00–12:30, 13:30–17:30; Sat
  10:00–13:00``; an overnight range keeps its wall times and says it ends
  the next day (``22:00〜翌06:00``, :func:`.text.time_range`).
* A holiday code (``holidays GB-ENG``) is named as a place (``イングランド`` /
  ``England``, :func:`sla_dsl.i18n.places.region_name`), never shown as the
  code but for a subdivision without a Japanese name (``米国・US-VI``).
"""

from __future__ import annotations

from ..i18n.msg import Msg
from ..i18n.places import region_name
from ..i18n.places import zone_name as zone_text
from ..lang import model as m
from . import text as tx

__all__ = ["WORDS", "calendar_facts", "exception_facts", "hours_text", "region_name", "yearly_day", "zone_text"]

WORDS: dict[str, Msg] = {
    "zone": Msg(ja="{z}で判定", en="counted in {z}"),
    "date_hours": Msg(ja="{d}は {h}", en="{d}: {h}"),
    "closed_hours": Msg(ja="{d} {h} は休業", en="closed {d} {h}"),
    "holiday": Msg(ja="{name}（{d}）", en="{name} ({d})"),
    # the day of a yearly holiday: `holiday yearly 4th thu of nov`, `holiday yearly last mon of may`
    "yearly_nth": Msg(ja="毎年{month}の第{n}{wd}", en="every year on the {nth} {wd} of {month}"),
    "yearly_last": Msg(ja="毎年{month}の最終{wd}", en="every year on the last {wd} of {month}"),
    "day_sep": Msg(ja="；", en="; "),
}


def _w(key: str, lang: str, **params: object) -> str:
    msg = WORDS[key]
    return (msg.ja if lang == "ja" else msg.en).format(**params)


def hours_text(cal: m.Calendar, lang: str, html: bool = False) -> str:
    """The weekly hours: ``月〜金 10:00〜12:00、13:00〜18:00；土 10:00〜13:00``; ``html``: as HTML (escaped), each
    range of hours never split across lines (:func:`.text.nowrap`)."""
    said, ranges = (tx.esc, tx.nowrap) if html else (str, str)
    comma = "、" if lang == "ja" else ", "  # (as :func:`.text.time_ranges` joins them)
    return said(_w("day_sep", lang)).join(
        f"{said(tx.weekdays(days, lang))} {comma.join(ranges(tx.time_range(r, lang)) for r in rs)}"
        for days, rs in cal.weekday_groups()
        if rs
    )


def calendar_facts(cal: m.Calendar, lang: str) -> list[str]:
    """The facts of issue 11's statements: zone, date hours, partial closures, named holidays."""
    zone = [_w("zone", lang, z=zone_text(cal.timezone, lang))] if cal.timezone else []
    return zone + exception_facts(cal, lang)


def exception_facts(cal: m.Calendar, lang: str) -> list[str]:
    """The dates a calendar makes exceptions of, but for its closed dates: date hours, partial closures,
    named holidays (``創立記念日（2026年11月27日(金)）``), yearly ones (``感謝祭（毎年11月の第4木曜日）``)."""
    out = []
    for e in cal.date_hours:
        dates = tx.join([tx.date_range(r, lang) for r in e.dates], lang)
        out.append(_w("date_hours", lang, d=dates, h=tx.time_ranges(e.ranges, lang)))
    for e in cal.closed_hours:
        dates = tx.join([tx.date_range(r, lang) for r in e.dates], lang)
        out.append(_w("closed_hours", lang, d=dates, h=tx.time_ranges(e.ranges, lang)))
    for h in cal.named_holidays:
        name = h.label.text(lang) or ("休業日" if lang == "ja" else "holiday")
        out.append(_w("holiday", lang, name=name, d=tx.date(h.date, lang)))
    for y in cal.yearly_holidays:
        name = y.label.text(lang) or ("休業日" if lang == "ja" else "holiday")
        out.append(_w("holiday", lang, name=name, d=yearly_day(y, lang)))
    return out


def yearly_day(h: m.YearlyHoliday, lang: str) -> str:
    """The day of a yearly holiday: ``毎年5月1日`` / ``every year on May 1``; ``毎年11月の第4木曜日`` /
    ``every year on the 4th Thursday of November``; ``毎年5月の最終月曜日`` / ``every year on the last
    Monday of May``."""
    if h.day is not None:
        return tx.t("yearly_on", lang, a=tx.month_day(h.month, h.day, lang))
    assert h.nth is not None and h.weekday is not None
    month, wd = tx.t(f"month.{h.month}", lang), tx.weekday(h.weekday.index, lang, long=True)
    if h.nth == -1:
        return _w("yearly_last", lang, month=month, wd=wd)
    return _w("yearly_nth", lang, month=month, n=h.nth, nth=tx.ordinal(h.nth), wd=wd)

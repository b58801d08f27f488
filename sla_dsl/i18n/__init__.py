"""Words people read, in every language a policy declares: one typed message catalogue per language.

Where things are
----------------
* :mod:`sla_dsl.i18n` (this package, a base stage: it imports nothing of the
  pipeline, so every stage may use it) holds the API: :func:`message`,
  :func:`format_datetime`, :func:`format_date`, :func:`format_duration`,
  :func:`format_month` and :data:`LANGS`.
* :mod:`.catalogue` holds the record :class:`~.catalogue.Msg` (one field per
  language) and :data:`~.catalogue.CATALOGUE`, the union of the sections:
  :mod:`.report` (the monthly report and ``sla explain``) and :mod:`.site`
  (the SLA site's wording). A new area adds its own section module and one
  line in :mod:`.catalogue`.

Design notes
------------
* A typed catalogue rather than gettext/Babel ``.po`` files: the product has
  exactly two languages that every policy may declare, and each entry is a
  :class:`~.catalogue.Msg` whose ``ja`` and ``en`` are both required, so a
  missing translation is a type error (``mypy --strict``) before it is a test
  failure. Keys are checked on use (:class:`KeyError` names the key), there is
  no compile step or file to ship, and a test (``tests/report/test_catalogue.py``)
  renders every message in each language and fails on English left in the
  Japanese text, Japanese in the English, or placeholders that differ.
* Templates use :meth:`str.format` fields (``{due}``). A parameter that is a
  :class:`~datetime.datetime`, :class:`~datetime.date` or
  :class:`~datetime.timedelta` is formatted for the language by
  :func:`message` itself, so no caller writes an English date into a Japanese
  sentence: ``2026年11月2日(月) 15:00`` / ``Mon 2 Nov 2026 15:00``, and
  durations as ``h:mm``.
* Japanese punctuation is full width (、。：（）) except in times and in
  ``(月)`` after a date, the form Japanese business documents use.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

from .catalogue import CATALOGUE, Msg
from .terms import EN_MONTHS, Amount, fit

Lang = Literal["ja", "en"]
#: Every language the product can write, in the order a policy lists them by default.
LANGS: tuple[Lang, ...] = ("ja", "en")

_JA_WEEKDAYS = "月火水木金土日"
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EN_MONTHS_LONG = EN_MONTHS

__all__ = [
    "CATALOGUE",
    "LANGS",
    "Lang",
    "Msg",
    "as_lang",
    "format_date",
    "format_datetime",
    "format_duration",
    "format_minutes",
    "format_month",
    "message",
    "window_hours",
]


def as_lang(lang: str | None, default: Lang = "ja") -> Lang:
    """``lang`` if it is a language the product writes, else ``default``."""
    return "en" if lang == "en" else "ja" if lang == "ja" else default


def format_date(d: dt.date, lang: str, *, year: bool = True) -> str:
    """``2026年11月2日(月)`` / ``Mon 2 Nov 2026`` (without the year when ``year`` is false)."""
    if lang == "ja":
        y = f"{d.year}年" if year else ""
        return f"{y}{d.month}月{d.day}日({_JA_WEEKDAYS[d.weekday()]})"
    y = f" {d.year}" if year else ""
    return f"{_EN_WEEKDAYS[d.weekday()]} {d.day} {_EN_MONTHS[d.month - 1]}{y}"


def format_datetime(t: dt.datetime | None, lang: str, *, year: bool = True) -> str:
    """``2026年11月2日(月) 15:00`` / ``Mon 2 Nov 2026 15:00``; ``-`` for None; a time of a day its zone
    changes its offset (the clocks go forward or back, the repeated hour included) with its offset, ``Sun 29
    Mar 2026 03:00 (+02:00)`` (see :func:`offset_on_change`)."""
    if t is None:
        return "-"
    return f"{format_date(t.date(), lang, year=year)} {t.hour:02d}:{t.minute:02d}{offset_on_change(t)}"


def offset_if_repeated(t: dt.datetime) -> str:
    """`` (-04:00)`` when the wall-clock time of ``t`` happens twice in its zone (the repeated hour of a
    zone whose clocks go back), else nothing: "01:40" alone would not say which of the two it is. An
    offset, not a zone abbreviation: digits read the same in every language."""
    if t.tzinfo is None or _steady_year(t.tzinfo, t.year):
        return ""
    offset = t.utcoffset()
    if offset is None or t.replace(fold=1 - t.fold).utcoffset() == offset:
        return ""
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f" ({sign}{minutes // 60:02d}:{minutes % 60:02d})"


def offset_on_change(t: dt.datetime) -> str:
    """`` (+02:00)`` when ``t`` lies on a day its zone changes its offset (the clocks go forward or back
    that day), else nothing: on the day the clocks go forward, ``01:30`` then ``03:00`` would read as 90
    minutes where 30 have passed, so every time of that day says its offset (and the hour a zone repeats
    is on such a day: :func:`offset_if_repeated`). A zone that keeps one offset (Tokyo) never shows one."""
    if t.tzinfo is None or _steady_year(t.tzinfo, t.year):
        return ""
    offset = t.utcoffset()
    if offset is None:
        return ""
    if not _offset_changes(t.tzinfo, t.date()) and t.replace(fold=1 - t.fold).utcoffset() == offset:
        return ""
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f" ({sign}{minutes // 60:02d}:{minutes % 60:02d})"


def window_hours(start: dt.datetime, end: dt.datetime, lang: str) -> str:
    """A maintenance window's hours: ``22:00〜24:00`` / ``22:00–24:00`` (an end at midnight is 24:00 of its
    day), ``22:00〜翌02:00`` / ``22:00–02:00 the next day`` for one that ends later the next day; on a day the
    zone changes its offset each end with that offset, as every time of such a day is written
    (``01:00 (+01:00)〜04:00 (+02:00)``: two hours, :func:`offset_on_change`)."""
    begin = f"{start:%H:%M}{offset_on_change(start)}"
    if end.date() > start.date() and end.time() != dt.time(0):
        return message("report.window.overnight", lang, start=begin, end=f"{end:%H:%M}{offset_on_change(end)}")
    finish = f"24:00{offset_on_change(end)}" if end.date() > start.date() else f"{end:%H:%M}{offset_on_change(end)}"
    return message("report.window.hours", lang, start=begin, end=finish)


@lru_cache(maxsize=256)
def _steady_year(tz: dt.tzinfo, year: int) -> bool:
    """Whether zone ``tz`` keeps one offset through ``year`` and the day on either side (every midnight from
    the last of the year before to the second of the year after shows it): then no day of the year changes
    its offset (:func:`_offset_changes` compares a day's midnights) and no wall time of it happens twice (a
    repeated time lies on the day the clocks go back or the day before it). Tokyo's every year: the two
    functions above then answer at once, without a zone look-up per instant."""
    first = dt.date(year, 1, 1) - dt.timedelta(days=1) if year > dt.MINYEAR else dt.date(year, 1, 1)
    last = dt.date(year + 1, 1, 2) if year < dt.MAXYEAR else dt.date(year, 12, 31)
    offsets = {
        dt.datetime.combine(first + dt.timedelta(days=k), dt.time(), tzinfo=tz).utcoffset()
        for k in range((last - first).days + 1)
    }
    return len(offsets) == 1


@lru_cache(maxsize=4096)
def _offset_changes(tz: dt.tzinfo, day: dt.date) -> bool:
    """Whether zone ``tz`` shows another offset at the end of ``day`` than at its start (its midnight; one
    the clocks skip is read with the offset before the jump, so a change at midnight is that day's)."""
    if day == dt.date.max:
        return False
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return start.utcoffset() != end.utcoffset()


def format_minutes(minutes: float) -> str:
    """A number of minutes as ``h:mm`` (rounded to the minute): ``42840.0`` → ``714:00``."""
    total = round(minutes)
    sign = "-" if total < 0 else ""
    h, m = divmod(abs(total), 60)
    return f"{sign}{h:,}:{m:02d}"


def format_duration(d: dt.timedelta) -> str:
    """A duration as ``h:mm`` (rounded to the minute)."""
    return format_minutes(d.total_seconds() / 60)


def format_month(d: dt.date, lang: str) -> str:
    """The month a report covers: ``2026年11月度`` / ``November 2026``."""
    if lang == "ja":
        return f"{d.year}年{d.month}月度"
    return f"{_EN_MONTHS_LONG[d.month - 1]} {d.year}"


def _localize(value: object, lang: str) -> object:
    if isinstance(value, dt.datetime):
        return format_datetime(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, dt.timedelta):
        return format_duration(value)
    return value


def message(key: str, lang: str, /, **params: object) -> str:
    """The catalogue's text ``key`` in ``lang`` (``ja`` or ``en``), its fields filled from ``params``.

    Dates, times and durations among ``params`` are written the language's way; an amount of time
    (:class:`.terms.Amount`) counted where the sentence counts it (``{d}前``: ``7日前``), else as a length
    (``7日間``).
    """
    entry = CATALOGUE[key]
    template = entry.ja if lang == "ja" else entry.en
    if not params:
        return template
    if lang == "ja" and any(type(v) is Amount for v in params.values()):
        params = fit(template, params)
    return template.format(**{k: _localize(v, lang) for k, v in params.items()})

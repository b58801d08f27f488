"""Words and formats of the rendered pages, in Japanese and English.

Design notes
------------
* The policy supplies every *value* (labels, durations, hours, dates); this
  module supplies only the words around them: column heads, the units of a
  duration, weekday names, and sentence frames such as "postponed from ...".
  The sentence frames live in the product's message catalogue
  (:mod:`sla_dsl.i18n.site`, keys ``site.*``, one typed entry per key with
  both languages); :func:`t` reads them.
* The Japanese forms follow the source document (``4営業時間``, ``1営業日``,
  ``7日間``, ``1ヶ月``, ``毎月第4木曜日``, ``10:00〜12:00``) so a reader can
  set the rendered page beside the original and find the same words.
* Units of time and notice channels are the words the report and the change
  notice say too (:mod:`sla_dsl.i18n.terms`). :func:`duration` says an amount as
  a length (``7日間``) and also counted (``7日``); the catalogue's ``message`` puts
  the counted form where its sentence counts it (``7日前``, ``7日以内``), never ``7日間前``.
* Every function here is pure and takes the language as ``lang`` (``"ja"`` or
  ``"en"``); nothing reads the clock or the file system.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from ..i18n import format_date, message
from ..i18n.places import zone_title
from ..i18n.terms import CHANNELS, UNITS, Amount
from ..i18n.terms import ordinal as terms_ordinal
from ..lang import model as m
from ..report.words import event_words
from .recurrence_text import recurrence_text

LANGS: tuple[str, ...] = ("ja", "en")

_WEEKDAY_JA = ("月", "火", "水", "木", "金", "土", "日")
_WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_EN_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def t(key: str, lang: str, **values: object) -> str:
    """The words for ``key`` in ``lang`` (catalogue entry ``site.<key>``), with ``values`` filled in: an
    amount of time from :func:`duration` counted where the sentence counts it (``{d}前``: ``7日前``)."""
    return message(f"site.{key}", lang, **values)


def esc(text: str) -> str:
    """``text`` escaped for HTML (an amount of time from :func:`duration` keeps both its forms)."""
    if isinstance(text, Amount):
        return Amount(html.escape(text, quote=True), html.escape(text.counted, quote=True))
    return html.escape(text, quote=True)


def empty(lang: str) -> str:
    """An empty cell's ``—`` as HTML: the dash hidden from a screen reader (``aria-hidden``), which reads the
    catalogue's word in its place (``なし`` / ``none``, visually hidden: ``.sla-vh``), not "em dash"."""
    return f'<span aria-hidden="true">—</span><span class="sla-vh">{esc(t("empty", lang))}</span>'


def nowrap(text: str) -> str:
    """``text`` (a date, a time, a range of times) as HTML that is never split across lines: escaped, in a
    ``<span class="sla-nowrap">`` (the stylesheet, :data:`sla_dsl.docs.source.CSS`)."""
    return f'<span class="sla-nowrap">{esc(text)}</span>'


def label(lab: m.Label, lang: str) -> str:
    """A label's text in ``lang`` (falling back to the other language)."""
    return lab.text(lang)


def policy_title(header: m.Header, lang: str) -> str:
    """The policy as the site names it in ``lang`` (its page's heading, its navigation entry): its title
    in that language, else in the other, else its ``sla`` name (plain text, not escaped)."""
    return header.title.text(lang) or header.name


ordinal = terms_ordinal  # ``1st``, ``2nd``, ``3rd``, ``4th`` ... (the report says it too)


def duration(d: m.Duration, lang: str) -> Amount:
    """``4 business hours`` / ``4営業時間``; ``7 days`` / ``7日間`` as a length, counted ``7日`` (its
    ``counted``, which :func:`t` uses before 前, ごと, 以内); on a calendar other than ``business``, that
    calendar by its label: ``4営業時間（英語窓口）`` / ``4 business hours (English desk)``."""
    where = on_calendar(d.calendar, lang)
    if lang == "ja":
        words = UNITS[d.unit.value]
        if d.is_business:
            return Amount(f"{d.amount}{words.business}{where}")
        return Amount(f"{d.amount}{words.length}{where}", f"{d.amount}{words.counted}{where}")
    unit = d.unit.value + ("s" if d.amount != 1 else "")
    return Amount(f"{d.amount} {'business ' if d.is_business else ''}{unit}{where}")


def target_text(target: m.Target, lang: str) -> Amount | str:
    """A priority's response target: ``4営業時間`` / ``4 business hours``; ``3営業日目の終業時刻まで`` /
    ``by the end of the 3rd business day``, ``1営業日目の16:00まで`` / ``by 16:00 on the 1st business day``
    (with its calendar's label when not ``business``)."""
    if isinstance(target, m.Within):
        return duration(target.duration, lang)
    n = target.nth if lang == "ja" else ordinal(target.nth)
    said = t("by_end_of", lang, n=n) if target.at is None else t("by_time_of", lang, n=n, time=str(target.at))
    return said + on_calendar(target.calendar, lang)


def on_calendar(calendar: str | None, lang: str) -> str:
    """``（英語窓口）`` / `` (English desk)`` after an amount of business time counted on ``calendar``
    (its label, :func:`calendar_labels`); nothing for elapsed time, for the ``business`` calendar (what
    "business hours" means in a policy) and for a calendar without a label (never its internal name)."""
    if calendar is None or calendar == m.BUSINESS:
        return ""
    lab = _CALENDARS.get().get(calendar)
    name = lab.text(lang) if lab is not None else ""
    return t("on_calendar", lang, c=name) if name else ""


def business_hours(length: dt.timedelta, lang: str) -> str:
    """An amount of business time, exact to the minute: ``7営業時間``, ``8.5営業時間``, ``7営業時間20分`` /
    ``7 business hours``, ``8.5 business hours``, ``7 business hours 20 minutes``."""
    minutes = round(length.total_seconds() / 60)
    h, rest = divmod(minutes, 60)
    if rest * 100 % 60 == 0:  # whole hours, or a fraction of at most two decimals (8.5, 8.25)
        shown = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
        return t("business_hours", lang, h=shown, s="" if minutes == 60 else "s")
    return t("business_hours_minutes", lang, h=h, m=rest, s="" if h == 1 else "s")


def every(d: m.Duration, lang: str) -> str:
    """A frequency: ``once a day`` / ``毎日1回``; ``once every 12 hours`` / ``12時間ごとに1回``."""
    if d.amount == 1 and not d.is_business and d.unit in (m.TimeUnit.DAY, m.TimeUnit.WEEK, m.TimeUnit.MONTH):
        return t(f"every_{d.unit.value}", lang)
    where = on_calendar(d.calendar, lang)
    if lang == "ja":  # the span counted: 12時間ごと, 2日ごと (never a time of day, 12時)
        words = UNITS[d.unit.value]
        unit = words.business if d.is_business else words.counted
        return t("every_n", lang, n=d.amount, u=unit + where)
    unit = ("business " if d.is_business else "") + d.unit.value
    if d.amount == 1:
        return t("every_one", lang, u=unit + where)
    return t("every_n", lang, n=d.amount, u=f"{unit}s{where}")


def clock(c: m.ClockTime, lang: str) -> str:
    """``22:00``; 24:00 stays 24:00 (the end of the day)."""
    return str(c)


def time_range(r: m.TimeRange, lang: str) -> str:
    """``10:00–12:00`` / ``10:00〜12:00``; a range past midnight says so: ``22:00〜翌02:00`` /
    ``22:00–02:00 the next day`` (one that ends at midnight ends at ``24:00``)."""
    if r.overnight and r.end.minutes != 0:
        return t("overnight", lang, s=r.start, e=r.end)
    end = "24:00" if r.end.minutes == 0 and r.start.minutes != 0 else str(r.end)
    return f"{r.start}{'〜' if lang == 'ja' else '–'}{end}"


def time_ranges(rs: Sequence[m.TimeRange], lang: str) -> str:
    """Several ranges: ``10:00–12:00, 13:00–18:00``."""
    return ("、" if lang == "ja" else ", ").join(time_range(r, lang) for r in rs)


def weekday(i: int, lang: str, long: bool = False) -> str:
    """The name of weekday ``i`` (0 = Monday)."""
    if lang == "ja":
        return _WEEKDAY_JA[i] + ("曜日" if long else "")
    return (_WEEKDAY_EN_LONG if long else _WEEKDAY_EN)[i]


def weekdays(days: Sequence[m.Weekday], lang: str) -> str:
    """Runs of weekdays: ``Mon–Fri`` / ``月〜金``."""
    runs = m.weekday_runs(days)
    dash = "〜" if lang == "ja" else "–"
    parts = [weekday(a, lang) if a == b else f"{weekday(a, lang)}{dash}{weekday(b, lang)}" for a, b in runs]
    return ("・" if lang == "ja" else ", ").join(parts)


def date(d: dt.date, lang: str) -> str:
    """``2026年4月23日(木)`` / ``Thu 23 Apr 2026``: as the reports and the iCalendar feed write a date
    (:func:`~sla_dsl.i18n.format_date`, half-width parentheses after a Japanese date), with its year."""
    return format_date(d, lang)


def moment(t_: dt.datetime, lang: str) -> str:
    """A date and time: ``2026年4月3日(金) 17:00`` / ``Fri 3 Apr 2026 17:00``."""
    return f"{date(t_.date(), lang)} {t_:%H:%M}"


def moment_html(t_: dt.datetime, lang: str) -> str:
    """:func:`moment` as HTML: its date and its time, each never split across lines (:func:`nowrap`); a
    narrow column puts the time under the date."""
    return f"{nowrap(date(t_.date(), lang))} {nowrap(f'{t_:%H:%M}')}"


def date_range(r: m.DateRange, lang: str) -> str:
    """A single date or ``first..last``."""
    if r.first == r.last:
        return date(r.first, lang)
    return f"{date(r.first, lang)}{'〜' if lang == 'ja' else ' – '}{date(r.last, lang)}"


def month_day(month: int, day: int, lang: str) -> str:
    """A day of the year: ``8月13日`` / ``August 13``, as the version history says it (never ``08-13``)."""
    return t("month_day", lang, month=t(f"month.{month}", lang), d=day)


def yearly_range(r: m.YearlyRange, lang: str) -> str:
    """Yearly closed days: ``毎年12月29日〜1月3日`` / ``every year from December 29 to January 3``;
    one day ``毎年8月13日`` / ``every year on August 13``."""
    first = month_day(*r.first, lang)
    if r.first == r.last:
        return t("yearly_on", lang, a=first)
    return t("yearly_range", lang, a=first, b=month_day(*r.last, lang))


def recurrence(on: m.Recurrence, lang: str) -> str:
    """``毎月第4木曜日`` / ``the 4th Thursday of every month``."""
    if isinstance(on, m.Monthly) and (on.since is not None or (isinstance(on, m.NthWeekday) and on.also)):
        return recurrence_text(on, lang)  # several ordinals, every Nth month (issue 11)
    ja = lang == "ja"
    if isinstance(on, m.NthWeekday):
        wd = weekday(on.weekday.index, lang, long=True)
        if on.nth == -1:
            return f"毎月最終{wd}" if ja else f"the last {wd} of every month"
        return f"毎月第{on.nth}{wd}" if ja else f"the {ordinal(on.nth)} {wd} of every month"
    if isinstance(on, m.DayOfMonth):
        if on.day == -1:
            return "毎月末日" if ja else "the last day of every month"
        return f"毎月{on.day}日" if ja else f"day {on.day} of every month"
    if isinstance(on, m.DayOfYear):
        return t("yearly_on", lang, a=month_day(on.month, on.day, lang))
    if isinstance(on, m.LastWeekday):
        return "毎月最終平日" if ja else "the last weekday of every month"
    wd = weekday(on.weekday.index, lang, long=True)
    return f"毎週{wd}" if ja else f"every {wd}"


def channel(name: str, lang: str) -> str:
    """A notice channel: ``email`` -> ``メール`` / ``e-mail`` (the words of :data:`sla_dsl.i18n.terms.CHANNELS`;
    a policy names no other channel, E215, so only a model built in code shows a name not there, as it is)."""
    words = CHANNELS.get(name)
    if words is None:
        return name
    return words.ja if lang == "ja" else words.en


def event(name: str, lang: str) -> str:
    """A readable name for an event (HTML-escaped): a contract event's words, a declared event's label
    in quotes (:func:`declared_events`), as a contract event the policy relabels; its internal name only
    when it has neither."""
    return esc(event_words(name, lang, _DECLARED.get()) or name)


#: The labels of the event types the policy being rendered declares (``event incident.chat_started ...``).
_DECLARED: ContextVar[dict[str, m.Label]] = ContextVar("declared_events", default={})  # noqa: B039
#: The labels of the calendars of the policy being rendered (``calendar desk_en "英語窓口" / "English desk"``).
_CALENDARS: ContextVar[dict[str, m.Label]] = ContextVar("calendar_labels", default={})  # noqa: B039


@contextmanager
def declared_events(model: m.PolicyModel) -> Iterator[None]:
    """While rendering ``model``: :func:`event` names its declared event types, and the contract's it
    relabels, by their labels."""
    token = _DECLARED.set({e.name: e.label for e in model.event_types})
    try:
        yield
    finally:
        _DECLARED.reset(token)


@contextmanager
def calendar_labels(model: m.PolicyModel) -> Iterator[None]:
    """While rendering ``model``: :func:`duration` names a calendar other than ``business`` by its label."""
    token = _CALENDARS.set({c.name: c.label for c in model.calendars})
    try:
        yield
    finally:
        _CALENDARS.reset(token)


def zone(tz: dt.tzinfo, lang: str) -> str:
    """A policy's time zone as people name it, with its offsets: ``日本標準時（UTC+9）`` / ``Japan Standard
    Time (UTC+9)``, ``ロンドン時間（UTC+0、夏時間はUTC+1）`` (:func:`sla_dsl.i18n.places.zone_title`)."""
    return zone_title(str(getattr(tz, "key", tz)), lang)


def nested(text: str) -> str:
    """English text set inside parentheses, its own parentheses made brackets (``Belgium (BE-Flemish)`` ->
    ``Belgium [BE-Flemish]``), as English nests them."""
    return text.replace("(", "[").replace(")", "]")


def join(parts: Sequence[str], lang: str) -> str:
    """Items of a list: ``a, b`` / ``a、b``."""
    return ("、" if lang == "ja" else ", ").join(parts)


def percent(value: float) -> str:
    """``75%`` (no trailing ``.0``)."""
    return f"{value:g}%"


def percents(values: tuple[float, ...], lang: str) -> str:
    """Several percentages as a list: ``50%、75%`` / ``50%, 75%``."""
    return ("、" if lang == "ja" else ", ").join(percent(v) for v in values)

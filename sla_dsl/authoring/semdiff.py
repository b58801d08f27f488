"""``sla diff``: what changed between two versions of a policy, in words; the command.

Design notes
------------
* The changes are found by :mod:`.diff_changes` (values, never words); this
  module says them, as text lines, JSON or a markdown change notice, with every
  word from the catalogue (``diff.*`` in :mod:`sla_dsl.i18n.diff`).
* The language is ``--lang``, else NEW's primary language (:mod:`sla_dsl.cli.langs`'s
  rule). What a change is about (its subject, and the rules an SLA item points
  at) is named the same way in every form and language: a priority as the
  customer's report names it, its id (which customers see on their tickets)
  before its label (``P1 優先度１`` / ``P1 Priority 1``); every other declaration
  by its label alone (``ファイルバックアップサービス`` / ``File backup service``,
  never ``（files）`` inside Japanese), by its kind and its name only when it has
  no label. A rule with ``when`` adds its condition (``P1 緊急（契約プランがプレミアムの場合）``);
  an item's priority, all its rules, has each of their labels once when they differ
  (``urgent 緊急（VIP）／緊急``: :func:`sla_dsl.report.words.priority_label`). Inside
  a value, every form and language goes by labels, the name written in the policy
  file only for a declaration without one: event types, calendars and clocks
  (``回避策または問題解決に必要な情報の受領で完了``), and durations: as the
  policy page says them (:func:`sla_dsl.docs.text.duration`), business time is
  business time and a calendar other than ``business`` follows by its label
  (``7営業時間（英語窓口の受付時間）`` / ``7 business hours (English desk hours)``).
  Elapsed time in Japanese is a length (``7日間``: a retention, how long a
  silence lasts) but counted where a word follows that counts it (``7日前``,
  ``2日ごとに``, ``3日以内``: :func:`sla_dsl.i18n.terms.fit`), and counted in the
  value of a lead time or a frequency (``事前通知：7日``), as the site and the
  report say them. A time limit (a priority's response target, a notification's
  target) is said as the SLA says it, ``以内`` / ``within`` included: ``応答目標時間：
  4営業時間以内 → 3営業時間以内`` / ``within 4 business hours -> within 3 business
  hours``.
* Time zones and the places of public holidays are said as the site says them
  (:mod:`sla_dsl.i18n.places`): in the notice in words only, the policy's zone
  with its offsets as the policy page's header (``日本標準時（UTC+9） →
  ロンドン時間（UTC+0、夏時間はUTC+1）``), a calendar's by its name (``ロンドン時間``),
  holiday codes as places (``日本、イングランド``); the author's text adds the id
  or code in brackets (``日本時間（Asia/Tokyo）``, ``イングランド（GB-ENG）``).
* Times, dates and ranges are said by the catalogue too (``10:00〜12:00``,
  ``2026年10月1日``), so a Japanese line is in Japanese type as it stands: the
  site's version history shows it as it is. In the notice (and so the site's
  history) a date has its weekday, as the report and the site write every date
  (:func:`~sla_dsl.i18n.format_date`: ``2026年11月16日(月)`` / ``Mon 16 Nov
  2026``); the author's text writes it as the file does (``2026-11-16``).
* A calendar's ``closed`` dates are the company's own closures (``会社独自の
  休業日`` / ``company closure days``), never its closed days at all: a calendar
  that closed only on public holidays (``holidays JP``) had none of them.
* An SLA item's ``rules`` that only lost references to rules NEW removed are
  no change of their own (:func:`~.diff_changes.kept_rules`): the removal is
  listed once; what else changed of them is said without those references.
* Conditions and attribute values are shown in words with the policy's labels,
  as the customer report shows them (:func:`sla_dsl.report.conditions.condition_words`):
  ``契約プランがプレミアム`` / ``Plan is Premium``; an old value with OLD's labels,
  a new one with NEW's. A condition rewritten to match the same is no change
  (:class:`~.diff_changes.Meanings`); one that parts from the old only for a
  value NEW adds says for whom, in NEW's labels: ``（契約プランがプラチナの場合は
  対象外）`` / ``(does not apply where Plan is Platinum)``.
* Business hours also get what a reader cares about: breaks (the gaps between
  ranges, such as lunch) added or removed, opening or closing times moved and
  the hours of a day. A calendar's week is compared as it opens, whatever lines
  write it (:func:`~.diff_changes.week`), and said per weekday: weekdays opened
  or closed with their hours (``当社営業時間の営業日を追加：土は10:00〜13:00``),
  the weekdays whose hours changed alike with those hours alone.
* Where a calendar's standard day changed (:func:`~.diff_changes.changed_days`),
  an amount of its business days in a change is said with the business hours
  it means in each version (``1営業日以内（7営業時間） → 1営業日以内（8営業時間）``
  / ``within 1 business day (7 business hours) -> within 1 business day (8
  business hours)``; on another calendar with its label, ``（英語窓口の受付時間、
  8営業時間）``), in JSON as ``business_minutes`` beside the duration; a
  declaration added or removed is said as written. In the notice, a named
  target of such days is one changed, said alone as any other.
* A change of the order a priority's rules (a service's availability targets)
  are tried in lists them by their conditions in both orders (``「契約プランが
  プレミアム」、条件なし`` / ``when Plan is Premium; no condition``), and says
  which rule now applies before which where both hold: what a customer must be
  told, since the deadline of an incident may change.
* A declaration added or removed is described by what it promises: a priority
  by its response target, a maintenance window by its day and hours, a service
  by its hours and its availability targets (in the order they are tried, each
  with its credits) or that its availability is measured. A field has the
  section's own word where the catalogue gives one (a maintenance window's
  ``hours`` are its window, ``実施時間帯``, not a calendar's opening hours); the
  policy's languages are said by their names (``日本語、英語``).
* The notice (and the site's history) says only what changed of a service's
  credits: each tier by its threshold (``サービスクレジット（99.5%未満）：25% → 30%``,
  of a target with ``when`` with its condition), a target with ``when`` changed
  otherwise alone; of a priority's named targets, each target changed (of one
  kind on one clock), added or removed alone, never the whole list again; the
  author's text keeps every tier and every target. A yearly closure NEW adds is
  said with the first day it closes under NEW (``（初回は2027年12月29日(水)）`` /
  ``(first on Wed 29 Dec 2027)``; ``first_closed`` in JSON), and so is a yearly named holiday NEW adds,
  with its first date (:func:`_yearly_holidays`). It says dates of the year
  in English in words (``August 13 to August 15``, ``2026-12-29 to 2026-12-31``),
  and so does the author's text since the QA of a year-end version (it showed the
  file's ``12-29..01-03`` beside the notice's ``December 29 to January 3``); a
  span of dates it writes as the file does (``2026-08-13..2026-08-15``).
  Every form says a clock's start with fallbacks as one, or else the next
  (``A（なければB）`` / ``A, or else B``), never as a list of both; the order of a
  priority's rules names the priority as the report does (its id and its rules'
  labels), and the rule without ``when`` of a priority with rules that have one
  says so (``（その他の場合）`` / ``(in all other cases)``): the labels are often
  the same.
* ``--format markdown`` is a change notice a provider can send to customers:
  the versions, the effective date of NEW and the changes grouped by article.
  It announces a change from NEW's date only when NEW takes effect after OLD
  (:func:`follows`); else it is the differences between two versions and
  says that NEW does not follow OLD (a rollback dated in the past is no change
  to announce). In English the notice (and the site's version history) starts
  a line with a capital where the catalogue's words begin it (``Planned stops
  notice: ...``), never where the policy's own text does (a priority's id);
  and a change to the Japanese text of a value alone is said in English as
  such, with the English as it stands (``diff.changed.japanese``), not shown
  in Japanese. It says once, after its introduction, the zone its dates and
  times are in, as a report's head does (:func:`_zones_said`: ``日付と時刻は
  すべて日本標準時（UTC+9）です。``), each version's where they differ, and
  that a calendar with a zone of its own keeps its hours in that zone.
* Two files that are no change from OLD to NEW are compared all the same,
  with warnings on stderr (:func:`warn_versions`): NEW taking effect before
  OLD (W308) and each refusal they would get as versions of one policy
  (E304-E307), located as ``sla check`` locates them
  (:func:`sla_dsl.policy.load.successor_findings`).
* Text from the policy (its name, version, provider and title, labels, article
  titles, names and keys) can be hostile: ``<script>``, ``[l](javascript:x)``,
  ``*``, a newline, ``ESC [2J``, a right-to-left override. What each form
  writes is safe where it is read, as the report's (:mod:`sla_dsl.report.escape`):
  the text form shows every control character as its escape
  (:func:`~sla_dsl.report.escape.printable` over each line: a newline is ``\\n``,
  so a change stays one line); the notice escapes each piece of policy text it
  says (:class:`Words` with :func:`markdown_text`: no HTML, link, emphasis or
  code, a newline shown as ``\\n``), in headings and list items alike, and no
  line starts a block (a list, a heading, code) with what a label begins with
  (:func:`_markdown_line`), while the catalogue's own markup stays (the ``**``
  of the new version's date). JSON keeps every text exact.
* Exit status: 0 whether or not the versions differ; with ``--exit-code``, 1
  when they differ (like ``git diff --exit-code``); 1 also when a policy has
  errors (diagnostics on stderr).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from ..i18n import CATALOGUE, format_date, message
from ..i18n.places import region_name, zone_name, zone_title
from ..i18n.terms import Amount
from ..lang import model as m
from ..lang.compile import Compiled
from ..lang.diagnostics import Words as Worded
from ..lang.languages import policy_languages
from ..lang.service_plans import ordered
from ..policy.compiled import Policy
from ..report.conditions import condition_words
from ..report.escape import markdown_heading, printable
from ..report.words import PolicyWords, event_words, priority_label
from .diff_changes import (
    Aligned,
    Change,
    Detail,
    Meanings,
    added_yearly_closures,
    added_yearly_holidays,
    canonical,
    changed_days,
    diff_models,
    jsonable,
    kept_rules,
    on_days,
    standard_day,
)

__all__ = [
    "Change",
    "Words",
    "change_text",
    "cmd_diff",
    "diff_models",
    "follows",
    "markdown_text",
    "notice_words",
    "render_json",
    "render_markdown",
    "render_text",
    "warn_versions",
]

Lang = Literal["en", "ja"]


class Words:
    """Renders model values as words in one language, with one version's labels and the calendars at hand;
    with ``escape``, every text from the policy (a label, a name, a key) passed through it (the notice's
    :func:`markdown_text`), the catalogue's words as they are."""

    def __init__(
        self,
        lang: Lang,
        calendars: dict[str, m.Calendar],
        notice: bool = False,
        model: m.PolicyModel | None = None,
        escape: Callable[[str], str] | None = None,
        days: frozenset[str] = frozenset(),
    ) -> None:
        self.lang = lang
        self.calendars = calendars
        #: the customers' words, for readers who do not know the policy file: zones, places and dates of the
        #: year in words, never a name of the file (every form names declarations by their labels)
        self.notice = notice
        #: the version whose labels name attribute values and conditions
        self.model = model
        #: how a text from the policy is written (None: as it is)
        self.escape = escape
        #: the calendars whose standard day changed between the versions: an amount of their business days is
        #: said with the business hours it means in this version (``1営業日以内（8営業時間）``)
        self.days = days
        self._policy_words: PolicyWords | None = None

    def text(self, text: str) -> str:
        """A text from the policy (a label, a name, a key) as this output writes it."""
        return self.escape(text) if self.escape is not None else text

    def say(self, name: str, /, **fields: object) -> str:
        """The catalogue's ``diff.<name>`` in this language; an amount of time (:meth:`duration`) counted where
        the sentence counts it (``{duration}ごとに``: ``2日ごとに``), else a length (``10日間が経過``)."""
        return message(f"diff.{name}", self.lang, **fields)

    @property
    def sep(self) -> str:
        """Between the items of a list: ``、`` / ``, ``."""
        return self.say("list.sep")

    def on(self, model: m.PolicyModel | None) -> Words:
        """The same words with ``model``'s labels."""
        return Words(self.lang, self.calendars, self.notice, model, self.escape, self.days)

    def without_days(self) -> Words:
        """The same words without the hours of business days (:attr:`days`): a declaration added or removed is
        said as written, nothing to compare its days with."""
        return Words(self.lang, self.calendars, self.notice, self.model, self.escape)

    def with_days(self, calendar: str) -> Words:
        """The same words with the hours of ``calendar``'s business days said too (:meth:`in_hours`)."""
        return Words(self.lang, self.calendars, self.notice, self.model, self.escape, self.days | {calendar})

    def other_language(self) -> Words:
        """The same words in the other language."""
        other: Lang = "ja" if self.lang == "en" else "en"
        return Words(other, self.calendars, self.notice, self.model, self.escape, self.days)

    def ordinal(self, n: int) -> str:
        """``4th`` / ``第4``."""
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return self.say(f"ordinal.{suffix}", n=n)

    def duration(self, d: m.Duration) -> Amount:
        """``4 business hours`` / ``4営業時間``; ``7 days`` / ``7日間`` as a length, counted ``7日``
        (:class:`~sla_dsl.i18n.terms.Amount`); on a calendar other than ``business``, that calendar by its
        label: ``7営業時間（英語窓口）`` / ``7 business hours (English desk)``."""
        amount, calendar = self._amount(d)
        return Amount(amount + calendar) if calendar else amount

    def within(self, d: m.Duration) -> str:
        """A time limit as the SLA says it: ``4営業時間以内`` / ``within 4 business hours``, ``3日以内``; the
        calendar after it (``7営業時間以内（英語窓口）`` / ``within 7 business hours (English desk)``)."""
        amount, calendar = self._amount(d)
        return self.say("within", duration=amount) + calendar

    def _amount(self, d: m.Duration) -> tuple[Amount, str]:
        """An amount of time in words, and the calendar it is counted on where that is said after it."""
        number = "one" if d.amount == 1 else "other"
        unit = d.unit.value
        if d.calendar is None:
            length = self.say(f"duration.length.{unit}.{number}", n=d.amount)
            return Amount(length, self.say(f"duration.{unit}.{number}", n=d.amount)), ""
        said = self.say(f"duration.business.{unit}.{number}", n=d.amount, calendar="business")
        hours = self.in_hours(d)
        if not hours:
            return Amount(said), self.on_calendar(d.calendar)
        shown = self._calendar_shown(d.calendar)  # (one bracket: the calendar and the hours)
        if shown:
            return Amount(said), self.say("in_hours.on", label=shown, hours=hours)
        return Amount(said), self.say("in_hours", hours=hours)

    def in_hours(self, d: m.Duration) -> str:
        """What an amount of business days means in this version, where its calendar's standard day changed
        (:attr:`days`): ``8営業時間`` / ``8 business hours``, ``8.5営業時間``, ``7営業時間20分`` (else empty)."""
        if d.unit is not m.TimeUnit.DAY or d.calendar not in self.days or self.model is None:
            return ""
        cal = next((c for c in self.model.calendars if c.name == d.calendar), None)
        if cal is None:
            return ""
        minutes = d.amount * standard_day(cal)
        if minutes % 60 == 0:
            number = "one" if minutes == 60 else "other"
            return self.say(f"duration.business.hour.{number}", n=minutes // 60, calendar="business")
        if minutes * 100 % 60 == 0:  # (a fraction of at most two decimals: 8.5, 8.25)
            hours = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
            return self.say("duration.business.hour.other", n=hours, calendar="business")
        h, rest = divmod(minutes, 60)
        return self.say("in_hours.minutes", h=h, m=rest, hs="" if h == 1 else "s", ms="" if rest == 1 else "s")

    def on_calendar(self, name: str) -> str:
        """``（英語窓口）`` / `` (English desk)`` after business time counted on calendar ``name``: nothing for
        ``business`` (what "business hours" means in a policy), nor in the notice for a calendar without a label
        (never its internal name; the author's text shows it)."""
        shown = self._calendar_shown(name)
        return self.say("on_calendar", label=shown) if shown else ""

    def _calendar_shown(self, name: str) -> str:
        """Calendar ``name`` as business time counted on it names it (:meth:`on_calendar`; empty: unnamed)."""
        if name == m.BUSINESS:
            return ""
        cal = self.calendars.get(name)
        label = cal.label.text(self.lang) if cal is not None else ""
        shown = label or ("" if self.notice else name)
        return self.text(shown) if shown else ""

    def time_range(self, r: m.TimeRange) -> str:
        """``10:00-12:00`` / ``10:00〜12:00``; past midnight ``22:00〜翌02:00``; one that ends at midnight ends
        at ``24:00`` (as the policy page says it, ``22:00-00:00`` too)."""
        start, end = str(r.start), str(r.end)
        if r.end.minutes == 0 and r.start.minutes != 0:
            return self.say("time_range", start=start, end="24:00")
        return self.say("time_range.overnight" if r.overnight else "time_range", start=start, end=end)

    def date(self, d: dt.date) -> str:
        """``2026-10-01`` / ``2026年10月1日``; in the notice with its weekday, as the report and the site write a
        date (:func:`~sla_dsl.i18n.format_date`: ``2026年10月1日(木)`` / ``Thu 1 Oct 2026``)."""
        if self.notice:
            return format_date(d, self.lang)
        return self.say("date", year=str(d.year), month=str(d.month), day=str(d.day), iso=d.isoformat())

    def month_day(self, month: int, day: int) -> str:
        """A day of the year in words: ``8月13日`` / ``August 13``, in the author's text as in the notice (the
        file's ``08-13`` is its syntax, which the text once showed beside the notice's words)."""
        return self.say("month_day.words", month=self.say(f"month.{month}"), day=str(day))

    @property
    def _range(self) -> str:
        """The catalogue key of a span of dates: ``a..b`` as the file writes it, in the notice in words."""
        return "range.words" if self.notice else "range"

    def _hours(self, days: str, ranges: tuple[m.TimeRange, ...]) -> str:
        """Hours of some days: ``sat 10:00-13:00`` / ``土は10:00〜13:00``."""
        return self.say("day_hours", days=days, ranges=self.sep.join(self.time_range(r) for r in ranges))

    def channel(self, name: str) -> str:
        """A channel of a planned-stop notice: ``email`` / ``メール``."""
        return self.say(f"channel.{name}") if f"diff.channel.{name}" in CATALOGUE else self.text(name)

    def weekday(self, index: int) -> str:
        """``Thursday`` / ``木曜日``."""
        return self.say(f"weekday.{index}")

    def recurrence(self, r: m.Recurrence) -> str:
        """``4th Thursday of every month`` / ``毎月第4木曜日``."""
        several = isinstance(r, m.NthWeekday) and bool(r.also)
        if isinstance(r, m.Monthly) and (r.since is not None or isinstance(r, m.LastWeekday) or several):
            return self._monthly(r)
        if isinstance(r, m.NthWeekday):
            day = self.weekday(r.weekday.index)
            if r.nth == -1:
                return self.say("rec.last_weekday", day=day)
            return self.say("rec.nth_weekday", nth=self.ordinal(r.nth), day=day)
        if isinstance(r, m.DayOfMonth):
            return self.say("rec.last_day") if r.day == -1 else self.say("rec.day", day=r.day)
        if isinstance(r, m.DayOfYear):
            # (a day of the year in words, in the author's text as in the notice: `every year on August 13`)
            return self.say("rec.yearly.words", date=self.month_day(r.month, r.day))
        return self.say("rec.weekly", day=self.weekday(r.weekday.index))

    def yearly_day(self, h: m.YearlyHoliday) -> str:
        """The day of a yearly holiday: ``毎年5月1日`` / ``every year on May 1``, ``毎年11月の第4木曜日`` /
        ``every year on the 4th Thursday of November``."""
        if h.day is not None:
            return self.recurrence(m.DayOfYear(month=h.month, day=h.day))
        assert h.nth is not None and h.weekday is not None
        month, day = self.say(f"month.{h.month}"), self.weekday(h.weekday.index)
        if h.nth == -1:
            return self.say("rec.yearly_last", month=month, day=day)
        return self.say("rec.yearly_nth", month=month, nth=self.ordinal(h.nth), day=day)

    def _monthly(self, r: m.Monthly) -> str:
        """Issue 11's monthly forms: several ordinals, the last weekday, every Nth month from a month."""
        if isinstance(r, m.NthWeekday):
            nths = [self.say("rec.last") if n == -1 else self.ordinal(n) for n in (r.nth, *r.also)]
            base = self.say("rec.nths", nths=self.say("rec.sep").join(nths), day=self.weekday(r.weekday.index))
        elif isinstance(r, m.DayOfMonth):
            base = self.say("rec.base.last_day") if r.day == -1 else self.say("rec.base.day", day=r.day)
        else:
            base = self.say("rec.base.last_weekday")
        if r.since is None:
            return self.say("rec.monthly", base=base)
        y, mo = r.since
        return self.say("rec.every_months", year=y, month=str(mo), mm=f"{mo:02d}", every=r.every, base=base)

    def target(self, t: m.Target) -> str:
        """A response target in words."""
        if isinstance(t, m.Within):  # a limit, as the SLA says it: `4営業時間以内` / `within 4 business hours`
            return self.within(t.duration)
        calendar = "business"
        if t.at is None:
            said = self.say("by_end", n=str(t.nth), nth=self.ordinal(t.nth), calendar=calendar)
        else:  # `respond by 16:00 of 1st business day`
            said = self.say("by_time", n=str(t.nth), nth=self.ordinal(t.nth), calendar=calendar, time=str(t.at))
        return said + self.on_calendar(t.calendar)

    def zone(self, zone: str | None, titled: bool = False) -> str:
        """A time zone in words (:mod:`sla_dsl.i18n.places`): in the notice as the site says it, a policy's
        with its offsets (``titled``: ``日本標準時（UTC+9）``), a calendar's by its name (``ロンドン時間``); in the
        author's text by its name and its id (``日本時間（Asia/Tokyo）``); a calendar's without one the policy's
        (``ポリシーと同じ日本時間``)."""
        if zone is None:
            policy_zone = self.model.header.timezone if self.model is not None else None
            return self.say("zone.policy", zone=self.zone(policy_zone)) if policy_zone else self.say("none")
        if self.notice:
            return self.text(zone_title(zone, self.lang) if titled else zone_name(zone, self.lang))
        return self.say("coded", words=self.text(zone_name(zone, self.lang)), code=self.text(zone))

    def region(self, code: str) -> str:
        """The place of a holiday code, as the site says it (``イングランド``); in the author's text with the
        code (``イングランド（GB-ENG）``) unless the words hold it already (``米国・US-VI``)."""
        name = region_name(code, self.lang)
        if self.notice or code in name:
            return self.text(name)
        return self.say("coded", words=self.text(name), code=self.text(code))

    def label(self, lab: m.Label) -> str:
        """A text pair: the chosen language, quoted."""
        return self.say("quoted", text=self.text(lab.text(self.lang)))

    def event(self, name: str) -> str:
        """An event type by its words (``エンド・ユーザー様への一次回答``), else, without words, as the log names
        it."""
        declared = {e.name: e.label for e in self.model.event_types} if self.model is not None else {}
        return self.text(event_words(name, self.lang, declared) or name)

    def events(self, names: Any) -> str:
        """Event types (a tuple of names) in words, or none."""
        return self.sep.join(self.event(n) for n in names) or self.say("none")

    def calendar(self, name: str) -> str:
        """A calendar by its label, else by its name."""
        cal = self.calendars.get(name)
        shown = cal.label.text(self.lang) if cal is not None else ""
        return self.text(shown or name)

    def clock(self, name: str) -> str:
        """A clock by its label, else by its name."""
        rule = next((c for c in self.model.clocks if c.name == name), None) if self.model is not None else None
        shown = rule.label.text(self.lang) if rule is not None else ""
        return self.text(shown or name)

    def item_ref(self, ref: m.ItemRef) -> str:
        """A rule an SLA item points at, by its kind and its label, as a change's subject names it, in every
        form and language (``カレンダー「営業日」`` / ``calendar: "Business days"``; a priority
        ``優先度「P1 優先度１」``), else, without a label, its name (``calendar: business``)."""
        found: Any = None
        if self.model is not None:
            decls: dict[str, tuple[tuple[Any, ...], str]] = {
                "calendar": (self.model.calendars, "name"),
                "service": (self.model.services, "name"),
                "maintenance": (self.model.maintenance, "name"),
                "clock": (self.model.clocks, "name"),
                "priority": (self.model.priorities, "id"),
                "notify": (self.model.notifications, "name"),
                "backup": (self.model.backups, "kind"),
                "exclude": (self.model.exclusions, "cause"),
                "planned_stop": (self.model.planned_stops, ""),
            }
            nodes, key = decls.get(ref.kind, ((), ""))
            found = next((n for n in nodes if not key or getattr(n, key) == ref.name), None)
        label = found.label.text(self.lang) if found is not None else ""
        if label and ref.kind == "priority" and self.model is not None:  # as the report names it: `P1 優先度１`
            label = priority_label(self.model.rules_of(ref.name), self.lang)  # true of every rule of the id
            label = label and self.say("priority.name", id=ref.name, label=label)
        subject = self.say("quoted", text=self.text(label)) if label else self.text(ref.name)
        if ref.kind == "planned_stop":
            subject = label and self.say("quoted", text=self.text(label))
        section = self.say(f"section.{'exclude' if ref.kind == 'exclude' else ref.kind}")
        return self.say("subject.kind", section=section, subject=subject) if subject else section

    def clock_part(self, v: m.Pause | m.NotDue | m.ClockTarget) -> str:
        """A pause reason, a hold (``not due at``) or a named target in words (issue 12)."""
        if isinstance(v, m.NotDue):  # (the first of its events to come ends the hold)
            until = self.say("pause.or").join(self.event(u) for u in v.until)
            return self.say("not_due", at=self.event(v.at), until=until)
        if isinstance(v, m.Pause):
            until = self.say("pause.or").join(self.event(u) for u in v.until)  # (the first to come resumes it)
            return self.say("pause", at=self.event(v.at), until=until)
        clock = self.clock(v.clock)
        if v.by_day is not None:  # `resolve by end of 2nd business day on resolution`
            return self.say(
                "clock.target_by", kind=self.say(f"clock.kind.{v.kind}"), due=self.target(v.by_day), clock=clock
            )
        assert v.duration is not None  # (a target not due on a business day has a duration)
        duration = self.duration(v.duration)
        if v.kind == "update":
            return self.say("clock.update", duration=duration, clock=clock, by=self.events(v.by))
        said = self.say("clock.target", kind=self.say(f"clock.kind.{v.kind}"), duration=duration, clock=clock)
        ooh = v.out_of_hours
        if ooh is None:
            return said
        # `, plus 24 hours if received outside business hours` (Request Tracker's OutOfHours)
        key = "clock.out_of_hours" if ooh.calendar == m.BUSINESS else "clock.out_of_hours.on"
        return said + self.say(key, extra=self.duration(ooh.extra), calendar=self.calendar(ooh.calendar))

    def breach_target(self, c: m.BreachCredit) -> str:
        """The target a credit per breach belongs to: the response target, or a named one by its kind and clock."""
        if c.clock is None:
            return self.say("breach_credit.response")
        return self.say("breach_credit.named", kind=self.say(f"breach_credit.kind.{c.kind}"), clock=self.clock(c.clock))

    def condition(self, cond: m.Condition) -> str:
        """A ``when`` condition in words with this version's labels (``Plan is Premium``)."""
        if self._policy_words is None:
            self._policy_words = PolicyWords([Policy(self.model)] if self.model is not None else [], self.lang)
        return self.text(condition_words(cond, self._policy_words))

    def alternative(self, section: str, cond: m.Condition | None, item: bool = False) -> str:
        """A rule of a priority (``section`` ``priority``) or an availability target of a service, named by
        its condition: ``「契約プランがプレミアム」の規定`` / ``the rule when Plan is Premium``, the one without
        ``when`` ``条件なしの規定`` / ``the rule without a condition``; as an ``item`` of an order, the
        condition alone (``「契約プランがプレミアム」`` / ``when Plan is Premium``, ``条件なし`` / ``no
        condition``)."""
        kind = "order" if item else ("rule" if section == "priority" else "target")
        if cond is None:
            return self.say(f"{kind}.always")
        return self.say(f"{kind}.when", when=self.condition(cond))

    def order(self, section: str, conds: Any) -> str:
        """The alternatives of a priority or a service in the order they are tried."""
        return self.say("order.sep").join(self.alternative(section, c, item=True) for c in conds)

    def detail(self, d: Detail, section: str) -> str:
        """What a change means beyond old -> new (``休憩12:00〜13:00を廃止``); rules by their conditions
        with this version's labels, and whom it is about as conditions (``契約プランがプラチナ``)."""
        rules = {name: self.alternative(section, cond) for name, cond in d.rules}
        fields = {k: self.text(v) for k, v in d.fields.items()}  # (times and numbers: as they are)
        if d.whom:
            fields["whom"] = self.say("whom.sep").join(self.condition(c) for c in d.whom)
        return self.say(f"detail.{d.key}", **fields, **rules)

    def languages(self, codes: Any) -> str:
        """The languages of a policy by their names: ``日本語、英語`` / ``Japanese, English``."""
        shown = [self.say(f"language.{c}") if f"diff.language.{c}" in CATALOGUE else self.text(c) for c in codes]
        return self.sep.join(shown) or self.say("none")

    def attribute_values(self, attribute: str, names: Any) -> str:
        """Values of ``attribute`` (a name or a list of names) by their labels in this version (names without)."""
        if names is None:
            return self.say("none")
        listed = [names] if isinstance(names, str) else list(names)
        if not listed:
            return self.say("none")
        shown = [self.model.value_text(attribute, n, self.lang) if self.model is not None else n for n in listed]
        return self.sep.join(map(self.text, shown))

    def value(self, v: Any) -> str:
        """Any model value in words."""
        if v is None:
            return self.say("none")
        if isinstance(v, bool):
            return self.say("yes" if v else "no")
        if isinstance(v, m.Duration):
            return self.duration(v)
        if isinstance(v, m.NthWeekday | m.DayOfMonth | m.LastWeekday | m.DayOfYear | m.WeeklyOn):
            return self.recurrence(v)
        if isinstance(v, m.DayHours):
            return self._hours(self.say("day.sep").join(self.value(d) for d in v.days), v.ranges)
        if isinstance(v, m.DateHours):
            return self._hours(self.sep.join(self.value(d) for d in v.dates), v.ranges)
        if isinstance(v, m.NamedHoliday):
            return self.say("named_holiday", date=self.date(v.date), label=self.label(v.label))
        if isinstance(v, m.YearlyHoliday):  # `holiday yearly 4th thu of nov "感謝祭" / "Thanksgiving"`
            return self.say("named_holiday", date=self.yearly_day(v), label=self.label(v.label))
        if isinstance(v, m.Within | m.ByEndOf):
            return self.target(v)
        if isinstance(v, m.Roll):
            return self.say(f"roll.{v.value}")
        if isinstance(v, m.Pause | m.NotDue | m.ClockTarget):  # issue 12
            return self.clock_part(v)
        if isinstance(v, m.Label):
            return self.label(v) if (v.ja or v.en) else self.say("none")
        if isinstance(v, m.AttributeValue):  # issue 16: a value by its label, by its name without one
            return self.label(v.label) if (v.label.ja or v.label.en) else self.text(v.name)
        if isinstance(v, m.Condition):  # issue 16: in words, with the labels of attributes and values
            return self.condition(v)
        if isinstance(v, m.TimeRange):
            return self.time_range(v)
        if isinstance(v, m.ArticleRef):
            return self.text(str(v))
        if isinstance(v, m.AvailabilityTarget):  # issue 13: `availability target 99.9% when plan = premium`
            tiers = self.sep.join(self.value(t) for t in v.credits) or self.say("none")
            fields = {"percent": f"{v.percent:g}", "period": self.value(v.period), "tiers": tiers}
            if v.when is None:
                return self.say("plan_target.all", **fields)
            return self.say("plan_target", when=self.condition(v.when), **fields)
        if isinstance(v, m.BreachCredit):  # `credit 5% per breach, at most 25% monthly`
            fields = {"target": self.breach_target(v), "percent": f"{v.percent:g}", "period": self.value(v.period)}
            if v.cap is None:
                return self.say("breach_credit", **fields)
            return self.say("breach_credit.cap", cap=f"{v.cap:g}", **fields)
        if isinstance(v, m.CreditTotal):  # the header's `credit total at most 30% monthly [art 6.3]`
            fields = {"percent": f"{v.percent:g}", "period": self.value(v.period)}
            if v.ref is None:
                return self.say("credit_total", **fields)
            return self.say("credit_total.ref", article=self.say("article", n=str(v.ref)), **fields)
        if isinstance(v, m.CreditTier):  # issue 13
            return self.say("credit_tier", below=f"{v.below:g}", credit=f"{v.credit:g}")
        if isinstance(v, m.MeasurePeriod):
            return self.say(f"period.{v.value if v.value in ('month', 'quarter') else 'other'}")
        if isinstance(v, m.DateRange):
            first = self.date(v.first)
            return first if v.first == v.last else self.say(self._range, first=first, last=self.date(v.last))
        if isinstance(v, m.YearlyRange):  # (in words everywhere: `December 29 to January 3`)
            a, b = (self.month_day(mo, d) for mo, d in (v.first, v.last))
            return a if v.first == v.last else self.say("range.words", first=a, last=b)
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            return self.date(v)
        if isinstance(v, m.Weekday):
            return self.say(f"day.{v.index}")
        if isinstance(v, m.NoticeAnchor):
            return self.say("anchor.start_date" if v is m.NoticeAnchor.START_DATE else "anchor.start")
        if isinstance(v, m.SameDayGuideline):
            return self.say("same_day", duration=self.duration(v.before_close), calendar=self.calendar(v.calendar))
        if isinstance(v, m.SilenceCompletion):
            after, unless = self.event(v.after), self.event(v.unless)
            return self.say("silence", after=after, duration=self.duration(v.duration), unless=unless)
        if isinstance(v, m.Completion):
            parts = [self.say("completion.on", event=self.event(e)) for e in sorted(v.on)]
            if v.silence is not None:
                parts.append(self.value(v.silence))
            return self.say("completion.or").join(parts) or self.say("none")
        if isinstance(v, m.ServiceHours):
            base = self.say("hours.always") if v.always else self.calendar(v.calendar or "")
            excepted = [self.say("hours.maintenance")] if v.except_maintenance else []
            if v.except_planned_stops:
                excepted.append(self.say("hours.planned_stops"))
            return self.say("hours.except", base=base, excepted=self.sep.join(excepted)) if excepted else base
        if isinstance(v, m.ItemRef):  # (by its kind and label, as an item's rules are said)
            return self.item_ref(v)
        if isinstance(v, float):
            return f"{v:g}%"
        if isinstance(v, tuple | list):
            if not v:
                return self.say("none")
            return self.sep.join(self.value(x) for x in v)
        if isinstance(v, BaseModel):
            return self.text(json.dumps(m.meaning(v), ensure_ascii=False))
        return self.text(str(v))


# ---- a change in words -----------------------------------------------------------------------


def _key(c: Change, w: Words) -> str:
    """The key of a declaration; a rule with ``when`` by its id and its condition in words."""
    if c.when is None:
        return w.text(c.key)
    return w.say("key.when", id=w.text(c.rule_id), when=w.condition(c.when))


def _subject(c: Change, w: Words, named: bool = False) -> str:
    """What a change is about, named the same in every form and language: a priority by its id and its label
    (``P1 優先度１`` / ``P1 Priority 1``, as the report), any other declaration by its label alone
    (``ファイルバックアップサービス`` / ``File backup service``; ``named``: after the kind of the declaration,
    quoted in Japanese); one without a label by its kind and the name in the policy file."""
    section = w.say(f"section.{c.section}")
    if c.section in ("header", "planned_stop"):
        return section
    if _relabel(c):  # a contract event in the policy's words: by the contract's (its label is what changed)
        return w.say("subject.relabel", event=_contract_words(c, w))
    if c.section == "article":
        return w.say("article", n=w.text(c.key))
    label = c.label
    if c.section == "priority" and label is None and w.model is not None:
        # the priority as a whole (the order of its rules): its id and a label true of every rule, as the report
        shown = priority_label(w.model.rules_of(c.key), w.lang)
        if shown:
            return _priority_name(c, w, w.text(shown), named)
    if _by_label(c, w) and label is not None:
        text = w.text(label.text(w.lang))
        if c.section == "priority":  # as the report names it: `P1 優先度１` (customers see the id on tickets)
            return _priority_name(c, w, text, named)
        return w.say("named", text=text) if named else text
    if c.section == "item":
        return w.say("item", n=w.text(c.key))
    return w.say("subject.priority" if c.section == "priority" else "subject", section=section, key=_key(c, w))


def _priority_name(c: Change, w: Words, label: str, named: bool) -> str:
    """A priority (a rule of one) by its label as the report names it, its id first: ``P1 優先度１`` /
    ``P1 Priority 1``, quoted after the kind of a declaration added or removed (``named``); a rule with
    ``when`` with its condition after it (``P1 緊急（契約プランがプレミアムの場合）``)."""
    name = w.say("priority.name", id=w.text(c.rule_id), label=label)
    if named:
        name = w.say("named", text=name)
    if c.when is not None:
        return w.say("priority.when", name=name, when=w.condition(c.when))
    # the rule without `when` of a priority with rules that have one (often of the same label): said so
    if c.label is not None and w.model is not None and any(r.when for r in w.model.rules_of(c.rule_id)):
        return w.say("priority.otherwise", name=name)
    return name


def _contract_words(c: Change, w: Words) -> str:
    """The contract's words for the event type a relabel is about, quoted as the diff quotes a label
    (``diff.quoted``: its words and the policy's then read alike, 「…」 / ``"…"``)."""
    return w.say("quoted", text=w.text(event_words(c.key, w.lang, {}) or c.key))


def _relabel(c: Change) -> bool:
    """Whether ``c`` is about the policy's words for a contract event type (``event incident.responded "…"
    / "…"``): a change of words only, the type's meaning being the contract's."""
    return c.section == "event_type" and c.key in m.EVENT_TYPES


def _by_label(c: Change, w: Words) -> bool:
    """Whether the subject of ``c`` is named by its label rather than its key (in every form and language:
    a declaration with a label)."""
    if c.section in ("header", "planned_stop", "article") or _relabel(c):
        return False
    return c.label is not None and bool(c.label.ja or c.label.en)


def _shown_label(c: Change, node: Any, w: Words) -> str:
    """The label (or title) a description of ``node`` starts with: empty when the subject already names it."""
    label = getattr(node, "label", None) or getattr(node, "title", None)
    shown = isinstance(label, m.Label) and (label.ja or label.en) and not _by_label(c, w)
    return w.label(label) if isinstance(label, m.Label) and shown else ""


def _declaration_words(c: Change, node: Any, w: Words) -> str:
    text = _shown_label(c, node, w)
    if c.section == "priority" and isinstance(node, m.Priority):
        text += w.say("decl.priority", target=w.target(node.target))
    if c.section == "maintenance" and isinstance(node, m.Maintenance):
        text += w.say("decl.maintenance", recurrence=w.recurrence(node.on), hours=w.time_range(node.hours))
    if c.section == "service" and isinstance(node, m.Service):
        text += w.say("decl.service", parts=w.say("decl.sep").join(_service_promises(node, w)))
    return text.strip()


def _service_promises(svc: m.Service, w: Words) -> list[str]:
    """What a service promises: its hours, then its availability targets in the order they are tried, each
    with its credits (``提供時間：営業日（定期メンテナンスを除く）``, ``四半期ごとの稼働率99%``), or that its
    availability is measured."""
    said = [w.say("decl.service.hours", hours=w.value(svc.hours))]
    for t in ordered(svc):
        fields = {"percent": f"{t.percent:g}", "period": w.value(t.period)}
        if t.when is None:
            target = w.say("decl.service.target", **fields)
        else:
            target = w.say("decl.service.target.when", when=w.condition(t.when), **fields)
        if t.credits:
            target += w.say("decl.service.credits", tiers=w.sep.join(w.value(tier) for tier in t.credits))
        said.append(target)
    if svc.availability_measured and svc.availability_target is None:
        said.append(w.say("decl.service.measured"))
    return said


def _field_value(c: Change, value: Any, w: Words) -> str:
    """The old or new value of a changed field in words (``w`` holds that version's labels)."""
    if c.section == "attribute" and c.field in ("values", "default"):  # issue 16: values by their labels
        return w.attribute_values(c.key, value)
    if c.field in ("order", "target_order") and isinstance(value, tuple):  # rules tried in file order
        return w.order(c.section, value)
    if (c.section, c.field) == ("header", "languages") and isinstance(value, tuple):
        return w.languages(value)
    if (c.section, c.field) == ("header", "response_clock") and isinstance(value, str):
        return w.clock(value)
    if (c.section, c.field) == ("clock", "starts") and isinstance(value, tuple) and len(value) > 1:
        # preferences, not a list: `A, else B` starts at A, at B only when there is no A
        first, *rest = (w.event(e) for e in value)
        return w.say("starts.else", first=first, rest=w.say("starts.else.sep").join(rest))
    if (c.section, c.field) in _EVENT_FIELDS and value is not None:
        return w.events(value) if isinstance(value, tuple) else w.event(value)
    if (c.section, c.field) in _CALENDAR_FIELDS and value is not None:
        return w.calendar(value)
    if c.field == "timezone" and c.section in ("header", "calendar"):
        return w.zone(value, titled=c.section == "header")
    if (c.section, c.field) == ("calendar", "holidays") and isinstance(value, tuple):
        return w.sep.join(w.region(code) for code in value) or w.say("none")
    if (c.section, c.field) == ("planned_stop", "channels") and isinstance(value, tuple):
        return w.sep.join(w.channel(ch) for ch in value) or w.say("none")
    if (c.section, c.field) == ("notify", "within") and isinstance(value, m.Duration):
        return w.within(value)  # a limit: `3営業時間以内` / `within 3 business hours`
    if (c.section, c.field) in _COUNTED_FIELDS and isinstance(value, m.Duration):
        return w.duration(value).counted
    if (c.section, c.field) == ("item", "rules") and isinstance(value, tuple):
        return w.sep.join(w.item_ref(r) if isinstance(r, m.ItemRef) else w.value(r) for r in value) or w.say("none")
    return w.value(value)


#: Fields whose values are event types, and calendars, named in words where declarations go by labels.
_EVENT_FIELDS = frozenset(
    {
        ("notify", "after"),
        ("notify", "met_by"),
        *(("clock", f) for f in ("starts", "stops", "resets", "restarts", "cancels")),
        ("attribute", "changes"),
    }
)
_CALENDAR_FIELDS = frozenset({("notify", "only_during"), ("maintenance", "calendar")})
#: Fields whose value is a lead time or a frequency: an amount of time said counted (``事前通知：7日``, as
#: ``7日前までに``), not as a length (``保管期間：7日間``). (A notification's ``within`` is a limit, said with
#: ``以内``.)
_COUNTED_FIELDS = frozenset({("planned_stop", "notice"), ("maintenance", "notice"), ("backup", "every")})


def change_text(c: Change, w: Words, old: m.PolicyModel | None = None, new: m.PolicyModel | None = None) -> str:
    """One change as a line of text in the chosen language (values with ``old``'s and ``new``'s labels). In the
    English notice (the markdown notice, the site's version history) a line that starts with the catalogue's
    words starts with a capital (``Planned stops notice: ...``, ``Article 5 text: ...``); one that starts with
    the policy's own text (a label, a priority's id) starts as the policy writes it."""
    line = _change_line(c, w, old, new)
    if w.notice and w.lang == "en" and not _opens_with_policy_text(c, w):
        return line[:1].upper() + line[1:]
    return line


def _opens_with_policy_text(c: Change, w: Words) -> bool:
    """Whether the line of ``c`` starts with text from the policy (a label, a priority's id): not a declaration
    added (``new ...``) nor one removed named after its kind (``exclusion: ...``), nor the header, the planned
    stops, an article, an SLA item or a contract event (the catalogue's words), nor a declaration without a
    label other than a priority (``calendar ...``)."""
    if c.op == "added" or (c.op == "removed" and _by_label(c, w)):
        return False
    if c.section in ("header", "planned_stop", "article", "item") or _relabel(c):
        return False
    return c.section == "priority" or _by_label(c, w)


def _change_line(c: Change, w: Words, old: m.PolicyModel | None, new: m.PolicyModel | None) -> str:
    """:func:`change_text` as the catalogue words it."""
    if (c.section, c.field) == ("item", "rules") and new is not None:
        # (references to rules NEW removed: said as those rules' removal, not again with the item)
        c = dataclasses.replace(c, old=kept_rules(c.old, new))
    w = w.on((old if c.op == "removed" else new) or w.model)
    kind = _by_label(c, w) and c.op != "changed"
    subject = _subject(c, w, named=kind)
    if kind:
        subject = w.say("subject.kind", section=w.say(f"section.{c.section}"), subject=subject)
    if c.op in ("added", "removed"):
        node = c.new if c.op == "added" else c.old
        if _relabel(c) and isinstance(node, m.EventType):  # (the contract's words given up or taken back)
            return w.say(f"relabel.{c.op}", event=_contract_words(c, w), label=w.label(node.label))
        w = w.without_days()
        desc = _declaration_words(c, node, w)
        if not desc:
            return w.say(c.op, subject=subject)
        # a description that is only the rule in brackets follows the Japanese verb without a colon
        bracketed = not _shown_label(c, node, w)
        return w.say(f"{c.op}.bracketed" if bracketed else f"{c.op}.described", subject=subject, desc=desc)
    field_words = _field_words(c, w)
    before, after = w.on(old or w.model), w.on(new or w.model)
    if c.op == "changed" and (calendar := _days_against_hours(c.old, c.new)):
        # (`1営業日以内（7営業時間） → 6営業時間以内`: the days said in the hours they mean, to compare)
        before, after = before.with_days(calendar), after.with_days(calendar)
    # (in the notice, a customer's words: only the tier or target that changed; the author's text, every tier)
    narrow = ""
    if w.notice:
        narrow = _service_targets_text(c, subject, field_words, before, after) or _clock_targets_text(
            c, subject, before, after
        )
    if narrow:
        return narrow
    if (c.section, c.field) == ("priority", "breach_credits"):  # `credit 5% per breach`, per target
        return _breach_credits_text(c, subject, before, after)
    if (c.section, c.field) == ("clock", "at_risk_thresholds"):  # `at risk at 50%, 75% of target`
        return _thresholds_text(c, subject, old or w.model, new or w.model, w)
    if (c.section, c.field) == ("attribute", "changes"):  # `changes at incident.plan_changed`
        return _attribute_changes_text(c, subject, field_words, before, after)
    if (c.section, c.field) == ("calendar", "day_hours") and not (c.old and c.new):
        # weekdays opened or closed, with their hours (`当社営業時間の営業日を追加：土は10:00〜13:00`)
        op, value, of = ("added", c.new, after) if c.new else ("removed", c.old, before)
        return of.say(f"{op}.one", subject=subject, field=of.say("field.days"), value=of.value(value))
    if (same := _field_value(c, c.old, before)) == _field_value(c, c.new, after):
        if w.lang == "en":  # only the Japanese changed: said so in English, with the English as it stands
            key = "changed.japanese.own" if field_words and subject.endswith(field_words) else "changed.japanese"
            return w.say(key, subject=subject, field=field_words, text=same)
        # only the English changed: shown in it (a reader of the Japanese may read the English)
        before, after = before.other_language(), after.other_language()
    # (a clock whose label already names what changed: `応答目標時間の起算点` changes its start, not its
    # start's start)
    now = _field_value(c, c.new, after)
    if (c.section, c.field) == ("calendar", "closed_yearly") and new is not None:
        now = _yearly_closures(c, after, new.header.effective) or now
    if (c.section, c.field) == ("calendar", "yearly_holidays") and new is not None:
        now = _yearly_holidays(c, after, new.header.effective) or now
    line = w.say(
        "changed.own" if field_words and subject.endswith(field_words) else "changed",
        subject=subject,
        field=field_words,
        old=_field_value(c, c.old, before),
        new=now,
    )
    if c.details:
        said = [w.detail(d, c.section) for d in c.details]
        line += w.say("details", details=w.say("details.sep").join(said))
    return line


def _yearly_closures(c: Change, w: Words, effective: dt.date) -> str:
    """NEW's yearly closures, each it adds with the first day it closes under NEW (on or after its effective
    date): ``12月29日〜1月3日（初回は2027年12月29日(水)）`` / ``December 29 to January 3 (first on Wed 29 Dec
    2027)``, so that a customer knows which year-end is the first; empty when NEW has none."""
    first = {id(r): day for r, day in added_yearly_closures(c.old, c.new, effective)}
    said = []
    for r in c.new or ():
        shown = w.value(r)
        said.append(w.say("first_on", value=shown, date=w.date(first[id(r)])) if id(r) in first else shown)
    return w.sep.join(said)


def _yearly_holidays(c: Change, w: Words, effective: dt.date) -> str:
    """NEW's yearly named holidays, each it adds with its first date under NEW (on or after its effective
    date), as :func:`_yearly_closures` says a closure's: ``毎年5月1日「創立記念日」（初回は2027年5月1日）``;
    empty when NEW has none."""
    first = {id(h): day for h, day in added_yearly_holidays(c.old, c.new, effective)}
    said = []
    for h in c.new or ():
        shown = w.value(h)
        said.append(w.say("first_on", value=shown, date=w.date(first[id(h)])) if id(h) in first else shown)
    return w.sep.join(said)


def _business_duration(value: object) -> m.Duration | None:
    """The duration of a time limit (``within 1 business day``) or a duration itself, counted on a calendar."""
    d = value.duration if isinstance(value, m.Within) else value
    return d if isinstance(d, m.Duration) and d.calendar is not None else None


def _days_against_hours(old: object, new: object) -> str | None:
    """The calendar of a duration in its business days changed to one in its business hours or minutes, or
    back (``within 1 business day`` -> ``within 6 business hours``): the days are said with the business
    hours they mean, so that a reader sees which is longer; else None."""
    was, now = _business_duration(old), _business_duration(new)
    if was is None or now is None or was.calendar != now.calendar:
        return None
    if (was.unit is m.TimeUnit.DAY) == (now.unit is m.TimeUnit.DAY):
        return None
    return was.calendar


def _attribute_changes_text(c: Change, subject: str, field: str, before: Words, after: Words) -> str:
    """The events that change an attribute during an incident's life (``changes at``), added or removed by
    their words (``契約プランを案件の途中で変えるイベントを追加：プラン変更``); when both, the lists."""
    was, now = tuple(c.old or ()), tuple(c.new or ())
    added, removed = [e for e in now if e not in was], [e for e in was if e not in now]
    if added and not removed:
        return after.say("added.one", subject=subject, field=field, value=after.events(added))
    if removed and not added:
        return before.say("removed.one", subject=subject, field=field, value=before.events(removed))
    return after.say("changed", subject=subject, field=field, old=before.events(was), new=after.events(now))


def _thresholds_text(c: Change, subject: str, old: m.PolicyModel | None, new: m.PolicyModel | None, w: Words) -> str:
    """A clock's warning thresholds added or removed (``起算点 responseの警告しきい値を追加：75%``), or, when
    both, the lists (``50%、60% → 50%、75%``)."""

    def of(pm: m.PolicyModel | None) -> tuple[float, ...]:
        return next((x.risk_thresholds for x in pm.clocks if x.name == c.key), ()) if pm is not None else ()

    was, now = of(old), of(new)
    added, removed = [p for p in now if p not in was], [p for p in was if p not in now]
    field = w.say("field.at_risk_percent")
    if added and not removed:
        return w.say("added.one", subject=subject, field=field, value=w.sep.join(f"{p:g}%" for p in added))
    if removed and not added:
        return w.say("removed.one", subject=subject, field=field, value=w.sep.join(f"{p:g}%" for p in removed))
    old_said, new_said = (w.sep.join(f"{p:g}%" for p in x) or w.say("none") for x in (was, now))
    return w.say("changed", subject=subject, field=field, old=old_said, new=new_said)


def _service_targets_text(c: Change, subject: str, field_words: str, before: Words, after: Words) -> str:
    """A change of a service's credit tiers (``credits``) or of its targets with ``when`` (``plan_targets``)
    said by what changed only: each tier whose credit changed by its threshold (``サービスクレジット（99.9%
    未満）：10% → 15%``), with the target's condition; a target added, removed or changed otherwise, that
    target alone. Empty for any other change (said field by field as a whole)."""
    parts: list[tuple[str, str, str]] = []  # (field, old, new)
    if (c.section, c.field) == ("service", "credits"):
        parts = _tier_changes(c.old or (), c.new or (), after, None)
    elif (c.section, c.field) == ("service", "plan_targets"):
        # (the targets by what their conditions match: rewritten the same, one target)
        # (of two that mean the same, the first: the second never applies)
        old_targets, new_targets = tuple(c.old or ()), tuple(c.new or ())
        keys = _target_keys(old_targets, new_targets, before.model, after.model)
        olds: dict[str, m.AvailabilityTarget] = {}
        news: dict[str, m.AvailabilityTarget] = {}
        for found, targets, keyed in ((olds, old_targets, keys.old), (news, new_targets, keys.new)):
            for key, t in zip(keyed, targets, strict=True):
                found.setdefault(key, t)
        for key in dict.fromkeys([*news, *olds]):
            o, n = olds.get(key), news.get(key)
            if o is not None and n is not None and m.meaning(canonical(o)) == m.meaning(canonical(n)):
                continue
            if o is not None and n is not None and (o.percent, o.period) == (n.percent, n.period):
                parts += _tier_changes(o.credits, n.credits, after, n.when)
                continue
            was = before.value(o) if o is not None else before.say("none")
            parts.append((field_words, was, after.value(n) if n is not None else after.say("none")))
    said = [after.say("changed", subject=subject, field=f, old=o, new=n) for f, o, n in parts]
    return after.say("details.sep").join(said)


def _target_keys(
    old: tuple[m.AvailabilityTarget, ...],
    new: tuple[m.AvailabilityTarget, ...],
    before: m.PolicyModel | None,
    after: m.PolicyModel | None,
) -> Aligned:
    """The keys of a service's targets by the meaning of their conditions (:class:`Meanings`); without
    both versions, by their conditions' text."""
    olds, news = [t.when for t in old], [t.when for t in new]
    if before is not None and after is not None:
        return Meanings(before, after).align(olds, news)
    texts = [["" if c is None else str(c.canonical()) for c in conds] for conds in (olds, news)]
    return Aligned(texts[0], texts[1])


def _clock_targets_text(c: Change, subject: str, before: Words, after: Words) -> str:
    """A change of a priority's named targets (``targets``) said by what changed only: a target of one kind on
    one clock changed (``P1 緊急の計測目標：解決までの時間で解決2営業日以内 → …3営業日以内``), one added, one
    removed, each alone; the targets that stay are not repeated. Empty for any other change."""
    if (c.section, c.field) != ("priority", "targets"):
        return ""
    olds, news = list(c.old or ()), list(c.new or ())
    # (a target in business days of a calendar whose standard day changed means another time: changed)
    meant = [_target_meaning(t, after.days, "old") for t in olds], [_target_meaning(t, after.days, "new") for t in news]
    gone = [t for t, k in zip(olds, meant[0], strict=True) if k not in meant[1]]
    came = [t for t, k in zip(news, meant[1], strict=True) if k not in meant[0]]
    field = after.say("field.clock_target")
    said: list[str] = []
    for t in came:  # a target of the kind and clock of exactly one that went is that one changed
        was = [o for o in gone if (o.kind, o.clock) == (t.kind, t.clock)]
        if len(was) == 1 and sum((n.kind, n.clock) == (t.kind, t.clock) for n in came) == 1:
            gone.remove(was[0])
            old, new = before.value(was[0]), after.value(t)
            said.append(after.say("changed", subject=subject, field=field, old=old, new=new))
        else:
            said.append(after.say("added.one", subject=subject, field=field, value=after.value(t)))
    said += [after.say("removed.one", subject=subject, field=field, value=before.value(t)) for t in gone]
    return after.say("details.sep").join(said)


def _target_meaning(t: m.ClockTarget, days: frozenset[str], version: str) -> Any:
    """A named target by meaning, of a version (``old`` or ``new``) where it counts business days of a calendar
    whose standard day changed (:func:`~.diff_changes.on_days`): never the same as the other version's."""
    return (m.meaning(canonical(t)), version if on_days(t, days) else "")


def _breach_credits_text(c: Change, subject: str, before: Words, after: Words) -> str:
    """A priority's credits per breach (``credit 5% per breach``) added, removed or changed, each by the target
    it belongs to (``P1 緊急の目標未達1件あたりのサービスクレジットを追加：``
    ``応答目標の未達1件につき5%（月ごとの上限25%）``)."""
    olds = {(x.kind, x.clock): x for x in c.old or ()}
    news = {(x.kind, x.clock): x for x in c.new or ()}
    field = after.say("field.breach_credit")
    said: list[str] = []
    for key in dict.fromkeys([*news, *olds]):
        o, n = olds.get(key), news.get(key)
        if o is None and n is not None:
            said.append(after.say("added.one", subject=subject, field=field, value=after.value(n)))
        elif n is None and o is not None:
            said.append(before.say("removed.one", subject=subject, field=field, value=before.value(o)))
        elif o is not None and n is not None and m.meaning(canonical(o)) != m.meaning(canonical(n)):
            said.append(after.say("changed", subject=subject, field=field, old=before.value(o), new=after.value(n)))
    return after.say("details.sep").join(said)


def _tier_changes(
    old: tuple[m.CreditTier, ...], new: tuple[m.CreditTier, ...], w: Words, when: m.Condition | None
) -> list[tuple[str, str, str]]:
    """(field, old credit, new credit) of each tier whose credit changed, by its threshold, highest first: a
    tier added has none before, one removed none after; ``when``: the condition of the target they are of."""
    olds, news = {t.below: t.credit for t in old}, {t.below: t.credit for t in new}
    out = []
    for below in sorted({*olds, *news}, reverse=True):
        was, now = olds.get(below), news.get(below)
        if was == now:
            continue
        fields = {"below": f"{below:g}"}
        field = (
            w.say("field.credit_tier.when", when=w.condition(when), **fields)
            if when
            else w.say("field.credit_tier", **fields)
        )
        shown = [f"{x:g}%" if x is not None else w.say("none") for x in (was, now)]
        out.append((field, shown[0], shown[1]))
    return out


def _field_words(c: Change, w: Words) -> str:
    """The name of a changed field: the section's own word for it (``diff.field.maintenance.hours``:
    ``実施時間帯`` / ``window``), else the field's (``diff.field.hours``), else as the model names it."""
    field = c.field or ""
    for key in (f"field.{c.section}.{field}", f"field.{field}"):
        if f"diff.{key}" in CATALOGUE:
            return w.say(key)
    return w.text(field)


def _words(
    old: m.PolicyModel,
    new: m.PolicyModel,
    lang: Lang,
    notice: bool = False,
    escape: Callable[[str], str] | None = None,
) -> Words:
    calendars = {c.name: c for c in old.calendars} | {c.name: c for c in new.calendars}
    return Words(lang, calendars, notice, new, escape, frozenset(changed_days(old, new)))


def notice_words(old: m.PolicyModel, new: m.PolicyModel, lang: Lang) -> Words:
    """The words of the change notice (declarations by their labels), for :func:`change_text`."""
    return _words(old, new, lang, notice=True)


def render_text(old: m.PolicyModel, new: m.PolicyModel, changes: list[Change], lang: Lang = "en") -> str:
    """One line per change, marked ``+`` (added), ``-`` (removed) or ``~`` (changed)."""
    w = _words(old, new, lang)
    if not changes:
        return w.say("no_change") + "\n"
    mark = {"added": "+", "removed": "-", "changed": "~"}
    # (on a terminal: a control character from the policy as its escape, a newline too, so a change is one line)
    return "".join(printable(f"{mark[c.op]} {change_text(c, w, old, new)}") + "\n" for c in changes)


def render_json(old: m.PolicyModel, new: m.PolicyModel, changes: list[Change], lang: Lang = "en") -> str:
    """The changes as JSON: the two versions, and each change with its values by meaning and in words."""
    w = _words(old, new, lang)
    # (a duration in business days of a calendar whose standard day changed: in a change of a declaration of
    # both versions, with what it means in each; one added or removed, as written)
    days = changed_days(old, new)
    old_days, new_days = {k: v[0] for k, v in days.items()}, {k: v[1] for k, v in days.items()}

    def on(c: Change, lengths: dict[str, int], pm: m.PolicyModel) -> dict[str, int]:
        if c.op != "changed":
            return {}
        # (business days against business hours: the days with the minutes they mean, as the text says them)
        calendar = _days_against_hours(c.old, c.new)
        cal = next((x for x in pm.calendars if x.name == calendar), None)
        return lengths if cal is None or cal.name in lengths else {**lengths, cal.name: standard_day(cal)}

    def version(pm: m.PolicyModel) -> dict[str, Any]:
        return {"name": pm.header.name, "version": pm.header.version, "effective": pm.header.effective.isoformat()}

    rows = [
        {
            "op": c.op,
            "section": c.section,
            "key": c.key,
            "field": c.field,
            "article": c.article,
            "old": jsonable(c.old, c.field or "", c.section, policy_languages(old.header), on(c, old_days, old)),
            "new": jsonable(c.new, c.field or "", c.section, policy_languages(new.header), on(c, new_days, new)),
            "details": [w.on(new).detail(d, c.section) for d in c.details],
            "text": change_text(c, w, old, new),
        }
        | _first_closed_json(c, new)
        for c in changes
    ]
    doc = {
        "old": version(old),
        "new": version(new),
        "follows": follows(old, new),
        "equal": not changes,
        "changes": rows,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def _first_closed_json(c: Change, new: m.PolicyModel) -> dict[str, object]:
    """Of a change of a calendar's yearly closures, ``first_closed``: each closure NEW adds (``first`` and
    ``last`` as in ``new``) with the first ``date`` it closes under NEW; nothing for any other change."""
    if (c.section, c.field) == ("calendar", "yearly_holidays"):  # (each a day: its rule as `new` gives it)
        held = added_yearly_holidays(c.old, c.new, new.header.effective)
        return {"first_closed": [_holiday_json(h) | {"date": day.isoformat()} for h, day in held]}
    if (c.section, c.field) != ("calendar", "closed_yearly"):
        return {}
    added = added_yearly_closures(c.old, c.new, new.header.effective)
    return {
        "first_closed": [{"first": list(r.first), "last": list(r.last), "date": day.isoformat()} for r, day in added]
    }


def _holiday_json(h: m.YearlyHoliday) -> dict[str, object]:
    """A yearly named holiday's day as the JSON's ``old`` and ``new`` give it (``month``, ``day``, ``nth``,
    ``weekday``), without its label."""
    return {"month": h.month, "day": h.day, "nth": h.nth, "weekday": h.weekday.value if h.weekday else None}


def markdown_text(text: str) -> str:
    """``text`` from the policy as literal Markdown text (:func:`~sla_dsl.report.escape.markdown_cell`: no
    HTML, link, emphasis or code, a control character as its escape, a newline as ``\\n``), and no ``#``
    that could close a heading."""
    return markdown_heading(text)


#: What a line's text may begin with that would start a block: a list item (``-``, ``+``, ``1.``, ``1)``),
#: a thematic break or a setext underline (``-``, ``=``), an indented code block (spaces).
_BLOCK_START = re.compile(r"[-+=]|\d{1,9}(?=[.)])| ")


def _markdown_line(text: str) -> str:
    """A line of the notice (a list item's text, a paragraph) that starts no other block, whatever the policy
    text it begins with (escaped already by :func:`markdown_text`)."""
    start = _BLOCK_START.match(text)
    if start is None:
        return text
    if start.group() == " ":
        return "&#32;" + text[1:]
    if start.group()[0].isdigit():
        return text[: start.end()] + "\\" + text[start.end() :]
    return "\\" + text


def render_markdown(old: m.PolicyModel, new: m.PolicyModel, changes: list[Change], lang: Lang = "en") -> str:
    """A change notice for customers: versions, effective date, changes grouped by article; every text from
    the policy escaped (:func:`markdown_text`), so that it reads as written. When NEW does not take effect
    after OLD (:func:`follows`) it announces no change: it says that NEW does not follow OLD and lists the
    differences between the two versions."""
    w = _words(old, new, lang, notice=True, escape=markdown_text)
    h = new.header
    name = markdown_text(h.title.text(lang) or h.name)
    provider = markdown_text(h.provider.text(lang))
    effective = w.date(h.effective)
    previous = markdown_text(old.header.version)
    if follows(old, new):
        lines = [
            w.say("md.title", name=name),
            "",
            w.say("md.previous", version=previous, effective=w.date(old.header.effective)),
            w.say("md.new", version=markdown_text(h.version), effective=effective),
            "",
            _markdown_line(
                w.say("md.intro.provider", provider=provider, name=name, effective=effective)
                if provider
                else w.say("md.intro", name=name, effective=effective)
            ),
            "",
        ]
    else:  # (NEW on or before OLD's date: no change to announce from that date, but the differences all the same)
        fields = {"old": previous, "old_effective": w.date(old.header.effective), "new": markdown_text(h.version)}
        lines = [
            w.say("md.compared.title", name=name),
            "",
            w.say("md.compared.old", version=previous, effective=w.date(old.header.effective)),
            w.say("md.compared.new", version=markdown_text(h.version), effective=effective),
            "",
            _markdown_line(w.say("md.not_following", new_effective=effective, **fields)),
            "",
        ]
    lines += [_markdown_line(_zones_said(old, new, w)), ""]
    if not changes:
        lines.append(w.say("md.no_change"))
        return "\n".join(lines) + "\n"
    groups: dict[int | None, list[Change]] = {}
    for c in changes:
        groups.setdefault(c.article, []).append(c)
    titles = {a.number: a.title for a in new.articles} | {
        a.number: a.title for a in old.articles if a.number not in {x.number for x in new.articles}
    }
    for article in sorted(groups, key=lambda a: (a is not None, a or 0)):
        if article is None:
            heading = w.say("md.general")
        else:
            title = titles.get(article)
            t = title.text(lang).strip() if title is not None and (title.ja or title.en) else ""
            heading = (
                w.say("md.article_titled", n=article, title=markdown_text(t)) if t else w.say("md.article", n=article)
            )
        lines += [f"## {heading}", ""]
        lines += [f"- {_markdown_line(change_text(c, w, old, new))}" for c in groups[article]]
        lines.append("")
    return "\n".join(lines)


def _zones_said(old: m.PolicyModel, new: m.PolicyModel, w: Words) -> str:
    """The notice's one sentence on the zone its dates and times are in, as the report's head says it once:
    the policy's zone as the notice's header line says it (``日付と時刻はすべて日本標準時（UTC+9）です。``),
    each version's where they differ; then, where a calendar of either version has a zone of its own, that
    its hours are in that zone."""
    was, now = old.header.timezone, new.header.timezone
    if was == now:
        said = w.say("md.zone", zone=w.zone(now, titled=True))
    else:
        said = w.say(
            "md.zones",
            old=markdown_text(old.header.version),
            old_zone=w.zone(was, titled=True),
            new=markdown_text(new.header.version),
            new_zone=w.zone(now, titled=True),
        )
    own = any(c.timezone and c.timezone != pm.header.timezone for pm in (old, new) for c in pm.calendars)
    return said + w.say("md.zone.calendars") if own else said


RENDERERS: dict[str, Callable[[m.PolicyModel, m.PolicyModel, list[Change], Lang], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}


def load_model(path: str) -> m.PolicyModel:
    """Compile a policy file; raise :class:`PolicyError` with every error if it has any."""
    model = _load(path).model
    assert model is not None
    return model


def _load(path: str, other: str | None = None, new: bool = False) -> Compiled:
    """A policy file compiled, without errors (else :class:`PolicyError` with every error); a directory (E001)
    with the help :func:`_directory_help` when it is ``sla diff``'s (``other``: the file compared with it;
    ``new``: whether ``path`` is NEW)."""
    from ..lang.diagnostics import PolicyError, policy_language
    from ..policy.load import compile_path

    compiled = compile_path(path)
    if compiled.model is None or compiled.errors:
        found = compiled.errors or compiled.diagnostics
        if other is not None and compiled.model is None and os.path.isdir(path):
            helped = _directory_help(path, other, new)
            update = {"help": helped.text("en"), "help_words": helped}
            found = [d.model_copy(update=update) if d.code == "E001" else d for d in found]
        raise PolicyError(
            found, compiled.source, policy_language(compiled.model), header_read=compiled.model is not None
        )
    return compiled


#: The most files of a directory given to ``sla diff`` whose versions its help names (more: the rule alone).
DIRECTORY_FILES = 20


def _directory_help(path: str, other: str, new: bool) -> Worded:
    """The help of ``sla diff`` given a directory at ``path``: it compares two policy files; the versions of the
    directory's ``*.sla`` files (as ``sla evaluate`` reads the directory), the earliest first, each file with
    its ``version`` and ``effective``; and the command with the file of its latest version in place of the
    directory (not ``other``, the file compared with it), or the directory's two latest when ``other`` is no
    file. The rule alone for a directory with no version to read, or too many files."""
    from ..lang.diagnostics import Both, Code, listing, words
    from ..policy.load import compile_path, same_file_key

    folder = Path(path)
    files = sorted(f for f in folder.glob("*.sla") if not f.name.startswith(".") and f.is_file())
    if not files or len(files) > DIRECTORY_FILES:
        return words("diff.directory.help")
    versions: list[tuple[dt.date, str, m.Header]] = []
    for f in files:
        c = compile_path(f)
        if c.model is not None:
            versions.append((c.model.header.effective, str(f), c.model.header))
    if not versions:
        return words("diff.directory.help")
    versions.sort(key=lambda v: (v[0], v[1]))
    said = listing(
        [
            words(
                "diff.directory.version",
                file=Code(printable(name)),
                version=printable(h.version),
                effective=Both(format_date(h.effective, "ja"), h.effective.isoformat()),
            )
            for _, name, h in versions
        ],
        ", ",
    )
    names = [name for _, name, _ in versions]
    if os.path.isfile(other):
        mine = [n for n in names if same_file_key(n) != same_file_key(other)]
        pair = None if not mine else (other, mine[-1]) if new else (mine[-1], other)
    else:
        pair = (names[-2], names[-1]) if len(names) > 1 else None
    if pair is None:
        return words("diff.directory.help.versions", versions=said)
    command = " ".join(["sla", "diff", *(shlex.quote(printable(p)) for p in pair)])
    return words("diff.directory.help.command", versions=said, command=command)


def follows(old: m.PolicyModel, new: m.PolicyModel) -> bool:
    """Whether ``new`` takes effect after ``old``: a change the notice can announce from its date."""
    return new.header.effective > old.header.effective


def warn_versions(old: Compiled, new: Compiled, lang: Lang, color: bool = False) -> None:
    """Say on stderr, in ``lang``, what :func:`~sla_dsl.policy.load.successor_findings` finds of the pair: NEW
    not following OLD (W308) and the refusals the two would get as versions of one policy (E304-E307, as
    warnings), each located in its file as ``sla check`` locates it; then, after a refusal, that the two would
    be refused as versions of one policy. The differences are shown all the same."""
    from ..lang.diagnostics import render_all
    from ..policy.load import successor_findings

    found = successor_findings(old, new)
    for c in {c.file: c for c in (old, new)}.values():  # (a file compared with itself: said once)
        mine = [d for d in found if d.file == c.file]
        if mine:
            print(render_all(mine, c.source, color, lang), file=sys.stderr)
    if any(d.code.startswith("E") for d in found):  # (a refusal said as a warning: E304-E307)
        print(printable(f"sla: {message('cli.note', lang)}: {message('diff.refused', lang)}"), file=sys.stderr)


def cmd_diff(args: argparse.Namespace, color: bool = False) -> int:
    """``sla diff OLD NEW [--format] [--lang] [--exit-code]``; warnings on stderr (:func:`warn_versions`) for
    two files that would not be versions of one policy, NEW after OLD (``color``: on a terminal)."""
    from ..lang.diagnostics import policy_language

    old_c, new_c = _load(args.old, args.new, False), _load(args.new, args.old, True)
    assert old_c.model is not None and new_c.model is not None
    old, new = old_c.model, new_c.model
    changes = diff_models(old, new)
    # --lang, else the new version's primary language (as its diagnostics would be)
    lang: Lang = args.lang or policy_language(new)
    warn_versions(old_c, new_c, lang, color)
    sys.stdout.write(RENDERERS[args.format](old, new, changes, lang))
    return 1 if args.exit_code and changes else 0

"""The policy's facts on the site's hand-written pages: placeholders ``<!-- sla:fact NAME -->``.

Design notes
------------
* A hand-written page that states what the policy decides (the project's
  reading of the SLA, ``docs/original/interpretation.*.md``: targets, hours,
  cut-off times, maintenance windows, notice periods, holidays) writes each
  such fact as a named placeholder, ``<!-- sla:fact maintenance -->`` (inline,
  in a sentence or a table cell), and the ``sla`` plugin fills it at build time
  from the compiled policy (the newest version of the site's first policy), in
  the page's language, with the words the SLA page uses (:mod:`.text`,
  :mod:`.calendar_text`, :mod:`.computed`, the catalogue's ``site.facts.*``).
  So an edit of the ``.sla`` file alone (Article 5) changes these pages as it
  changes the SLA page.
* The form is the site's marker comment (``<!-- sla:... -->``, :mod:`.plugin`),
  so the page's source reads as prose without the value (the translations test
  takes comments out of the Japanese prose it checks for English, and compares
  the markers of the two languages' pages, in order).
* :data:`FACTS` names every placeholder, each with a one-line docstring of what
  it gives; ``notify.<name>`` is the notification target of that name. A
  placeholder the plugin does not know (a typo, a declaration the policy no
  longer has), or an ``sla:`` comment inside a line that is no ``sla:fact``, is
  :class:`UnknownFact`, which stops the build naming the page and the
  placeholder: a fact is never left out silently. Every ``<!-- sla:fact ...
  -->`` on a page is one, code included (write the form without its comment
  delimiters to show it).
* Each fact is a clause or whole sentences that stay true whatever the policy
  says: where a policy may lack the thing (no planned stop, no backup) it says
  so rather than leave a hole in a sentence.
* The text is Markdown for one line of a table cell: the policy's own texts are
  escaped (HTML, and ``|*_`[]\\`` as character references); names as the event
  log writes them are code (`` `incident.reported` ``), with their words.
* Worked examples (``月曜日 14:00 ＋ 4営業時間 ＝ 月曜日 18:00``) are the engine's
  arithmetic (:meth:`Policy.add_business_time`, the calendar's open intervals)
  on the first business day, from the reference date, whose next business day
  is the day after it, and are said by weekday only. The reference date is the
  one the SLA page's computed parts start from (the plugin's
  :meth:`~sla_dsl.docs.plugin.SlaPlugin.page_date`): the build date, or the
  newest version's ``effective`` date when it is published ahead of it, so an
  example is always worked on a day the version it is taken from is in force
  (Article 5), never on one an earlier version still governs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from ..calendars.recurrence import notice_last_day
from ..i18n import message
from ..lang import model as m
from ..lang import service_plans
from ..lang.check_clocks import response_clock
from ..policy.compiled import Policy
from . import calendar_text as ct
from . import computed, plans
from . import text as tx

__all__ = ["FACTS", "PLACEHOLDER", "UnknownFact", "fill", "known"]

#: an ``sla:`` marker comment; ``<!-- sla:fact NAME -->`` is a placeholder, one alone on its line a block marker
PLACEHOLDER = re.compile(r"<!--\s*sla:(.*?)-->", re.DOTALL)

_MD = str.maketrans({c: f"&#{ord(c)};" for c in "|*_`[]\\"})
_SEARCH_DAYS = 400


class UnknownFact(ValueError):
    """A placeholder that names no fact of the policy."""


@dataclass(frozen=True)
class _Ctx:
    """What a fact is taken from: the policy, the page's language and the build's reference date."""

    policy: Policy
    lang: str
    reference: dt.date

    @property
    def model(self) -> m.PolicyModel:
        return self.policy.model

    def w(self, key: str, **values: object) -> str:
        """The catalogue's frame ``site.facts.<key>`` in the page's language."""
        return message(f"site.facts.{key}", self.lang, **values)

    def listed(self, items: Sequence[str]) -> str:
        """``a、b`` / ``a, b``."""
        return self.w("list_sep").join(items)

    def both(self, key: str, items: Sequence[str]) -> str:
        """``a、bとc`` / ``a, b and c`` (``key`` ``and``), or with ``or``."""
        if len(items) < 2:
            return "".join(items)
        return self.w(key, a=self.listed(items[:-1]), b=items[-1])

    def sentences(self, parts: Sequence[str]) -> str:
        """Sentences one after another (with a space between them in English), the empty ones left out."""
        return ("" if self.lang == "ja" else " ").join(p for p in parts if p)


def _md(text: str) -> str:
    """A text of the policy, safe on one line of a Markdown table."""
    return tx.esc(text).translate(_MD)


def _code(name: str) -> str:
    return f"`{name}`"


def _named(c: _Ctx, code: str, words: str) -> str:
    """``incident.reported``（障害の報告を受けた時点）: a name as the event log writes it, with its words."""
    return c.w("named", code=_code(code), words=words) if words and words != code else _code(code)


def _event(c: _Ctx, name: str) -> str:
    return _named(c, name, tx.event(name, c.lang).translate(_MD))


def _priority(c: _Ctx, p: m.Priority) -> str:
    label = p.label.text(c.lang)
    return c.w("priority", label=_md(label), id=_md(p.id)) if label and label != p.id else _md(p.id)


def _amount(d: m.Duration) -> tuple[int, str, str | None]:
    """A duration by what it means (two written alike are one)."""
    return d.amount, d.unit.value, d.calendar


def _calendar(c: _Ctx) -> m.Calendar:
    """The calendar business durations count on (the policy's ``business``)."""
    return c.model.calendar(c.policy.default_calendar_name)


# -- the calendar ------------------------------------------------------------------------


def timezone(c: _Ctx) -> str:
    """The policy's time zone: ``日本標準時（UTC+9）`` / ``Japan Standard Time (UTC+9)``."""
    return tx.esc(tx.zone(c.policy.tz, c.lang))


def business_days(c: _Ctx) -> str:
    """The open weekdays and the public holidays left out: ``月曜日から金曜日（日本の祝日を除く）``."""
    cal = _calendar(c)
    runs = m.weekday_runs(cal.open_weekdays())
    day = [tx.weekday(a, c.lang, long=True) for a in range(7)]
    days = c.listed([day[a] if a == b else c.w("day_run", a=day[a], b=day[b]) for a, b in runs])
    if not cal.holidays:
        return days
    left_out = [tx.t("holidays", c.lang, c=ct.region_name(code, c.lang)) for code in cal.holidays]
    return c.w("days_except", days=days, h=tx.esc(c.listed(left_out)))


def closures(c: _Ctx) -> str:
    """The calendar's own closed days and other exceptions (named holidays, closed dates, yearly closures,
    dates with other hours), or ``なし`` / ``none``."""
    cal = _calendar(c)
    found = ct.exception_facts(cal, c.lang)
    closed = [tx.date_range(r, c.lang) for r in cal.closed]
    closed += [tx.yearly_range(r, c.lang) for r in cal.closed_yearly]
    if closed:
        found.append(tx.t("closed", c.lang, d=tx.join(closed, c.lang)))
    if cal.open:
        found.append(tx.t("open_extra", c.lang, d=tx.join([tx.date_range(r, c.lang) for r in cal.open], c.lang)))
    return c.listed([_md(f) for f in found]) or c.w("none")


def business_hours(c: _Ctx) -> str:
    """The open hours of a business day: ``10:00〜12:00、13:00〜18:00`` (per weekday when they differ)."""
    cal = _calendar(c)
    groups = cal.weekday_groups()
    if len(groups) == 1:
        return tx.esc(tx.time_ranges(groups[0][1], c.lang))
    return tx.esc(ct.hours_text(cal, c.lang))


def business_day_length(c: _Ctx) -> str:
    """The business time of a standard business day: ``7営業時間`` / ``7 business hours``."""
    return tx.esc(tx.business_hours(c.policy.calendar().day_length, c.lang))


# -- worked examples on the business calendar ------------------------------------------


def _days(c: _Ctx) -> tuple[list[tuple[dt.datetime, dt.datetime]], list[tuple[dt.datetime, dt.datetime]]] | None:
    """The open intervals of the first business day on or after the reference date whose next business day
    is the day after (else of the first business day), and those of its next business day."""
    cal = c.policy.calendar()
    fallback = None
    for k in range(_SEARCH_DAYS):
        d = c.reference + dt.timedelta(days=k)
        today = cal.open_intervals(d)
        if not today:
            continue
        following = cal.open_intervals(d + dt.timedelta(days=1))
        if following:
            return today, following
        if fallback is None:
            fallback = (today, cal.open_intervals(cal.next_business_day(d)))
    return fallback


def _before_close(opened: list[tuple[dt.datetime, dt.datetime]], amount: dt.timedelta) -> dt.datetime | None:
    """The moment ``amount`` of open time before the day's close (``None``: the day has less)."""
    left = amount
    for s, e in reversed([(s.astimezone(dt.UTC), e.astimezone(dt.UTC)) for s, e in opened]):
        if e - s >= left:
            return e - left
        left -= e - s
    return None


def _moment(c: _Ctx, t: dt.datetime, end: bool = False) -> str:
    """``月曜日 14:00`` / ``Mon 14:00`` on the calendar's wall clock; an end at midnight is ``24:00`` of the
    day before."""
    t = t.astimezone(c.policy.calendar().tz)
    if end and (t.hour, t.minute, t.second) == (0, 0, 0):
        day = (t - dt.timedelta(minutes=1)).weekday()
        return f"{tx.weekday(day, c.lang, long=c.lang == 'ja')} 24:00"
    return f"{tx.weekday(t.weekday(), c.lang, long=c.lang == 'ja')} {t:%H:%M}"


def _hours_target(c: _Ctx, opened: list[tuple[dt.datetime, dt.datetime]]) -> tuple[m.Duration, dt.datetime]:
    """The shortest response target in business hours (or minutes) that fits in the day, else one business
    hour, and the moment that much open time before the day's close."""
    name = c.policy.default_calendar_name
    short = (m.TimeUnit.SECOND, m.TimeUnit.MINUTE, m.TimeUnit.HOUR)
    found = [
        p.target.duration
        for p in c.model.priorities
        if isinstance(p.target, m.Within) and p.target.duration.calendar == name and p.target.duration.unit in short
    ]
    one = m.Duration(amount=1, unit=m.TimeUnit.HOUR, calendar=name)
    for d in [*sorted(found, key=c.policy.duration_delta), one]:
        start = _before_close(opened, c.policy.duration_delta(d))
        if start is not None:
            return d, start
    return one, opened[0][0]


def close_example(c: _Ctx) -> str:
    """Business time adding up to a closing time: ``月曜日 14:00 ＋ 4営業時間 ＝ 月曜日 18:00 であり、火曜日 10:00
    ではない`` (the shortest response target in business hours)."""
    days = _days(c)
    if days is None:
        return c.w("none")
    today, following = days
    d, start = _hours_target(c, today)
    due = c.policy.add_business_time(start, c.policy.duration_delta(d))
    said = c.w("plus", start=_moment(c, start), d=tx.duration(d, c.lang), due=_moment(c, due, end=True))
    return c.w("close_example", sum=said, other=_moment(c, following[0][0]))


def _day_durations(c: _Ctx) -> list[m.Duration]:
    """The response targets the policy writes in business days (``1 business day``), shortest first; one
    business day when it writes none."""
    seen: dict[tuple[int, str | None], m.Duration] = {}
    for p in c.model.priorities:
        t = p.target
        if isinstance(t, m.Within) and t.duration.is_business and t.duration.unit is m.TimeUnit.DAY:
            seen.setdefault((t.duration.amount, t.duration.calendar), t.duration)
    one = m.Duration(amount=1, unit=m.TimeUnit.DAY, calendar=c.policy.default_calendar_name)
    return sorted(seen.values(), key=lambda d: d.amount) or [one]


def day_targets(c: _Ctx) -> str:
    """The response targets in business days as the SLA says them: ``「1営業日」、「5営業日」``."""
    return c.listed([c.w("quoted", d=tx.duration(d, c.lang)) for d in _day_durations(c)])


def day_targets_hours(c: _Ctx) -> str:
    """Each of them as business time: ``1営業日 ＝ 7営業時間、5営業日 ＝ 35営業時間``."""
    return c.listed(
        [
            c.w("equals", a=tx.duration(d, c.lang), b=tx.business_hours(c.policy.duration_delta(d), c.lang))
            for d in _day_durations(c)
        ]
    )


def day_example(c: _Ctx) -> str:
    """A business day added to a moment: ``月曜日 14:00 ＋ 1営業日 ＝ 火曜日 14:00``."""
    days = _days(c)
    if days is None:
        return c.w("none")
    name = c.policy.default_calendar_name
    d = next((x for x in _day_durations(c) if x.calendar == name), None)
    d = d or m.Duration(amount=1, unit=m.TimeUnit.DAY, calendar=name)
    _, start = _hours_target(c, days[0])
    due = c.policy.add_business_time(start, c.policy.duration_delta(d))
    return c.w("plus", start=_moment(c, start), d=tx.duration(d, c.lang), due=_moment(c, due, end=True))


# -- response to failures ----------------------------------------------------------------


def response_clock_start(c: _Ctx) -> str:
    """Where the response clock starts, in order of preference: ``incident.product_suspected``（…）があればその
    時点、なければ ``incident.reported``（…）の時点."""
    clock = response_clock(c.model)
    events = [_event(c, e) for e in (clock.starts if clock is not None else ("incident.reported",))]
    parts = [c.w("clock_first", e=e) for e in events[:-1]] + [c.w("clock_last", e=events[-1])]
    return c.w("clock_else").join(parts)


def at_risk(c: _Ctx) -> str:
    """The warning threshold of the response clock, as a sentence (or that there is none)."""
    clock = response_clock(c.model)
    if clock is None or clock.at_risk_percent is None:
        return c.w("no_at_risk")
    if len(clock.risk_thresholds) > 1:  # `at risk at 50%, 75% of target`
        several = tx.percents(clock.risk_thresholds, c.lang)
        return c.w("at_risk.several", p=several, first=tx.percent(clock.risk_thresholds[0]))
    return c.w("at_risk", p=tx.percent(clock.at_risk_percent))


def same_day(c: _Ctx) -> str:
    """Each same-day guideline made concrete (the SLA page's cutoff and close), with the response target the
    static check holds it to, as sentences (or that there is none)."""
    said: dict[str, None] = {}
    for p in c.model.priorities:
        cut = computed.cutoff(c.policy, p, c.reference)
        if cut is None:
            continue
        by, close = str(cut.local_cutoff), str(cut.local_close)
        if cut.zone is not None:  # on the wall clock of the guideline's calendar, named
            zone = ct.zone_text(cut.zone.key, c.lang)
            by, close = (tx.t("clock_in_zone", c.lang, t=x, z=zone) for x in (by, close))
        text = c.w(
            "same_day",
            p=_priority(c, p),
            cut=by,
            close=close,
            d=tx.duration(cut.before_close, c.lang),
            target=tx.target_text(p.target, c.lang),
        )
        said[text] = None
    return c.sentences(list(said)) or c.w("no_same_day")


def notify(c: _Ctx, name: str) -> str:
    """The notification target ``name``: when it is due, when it applies, what meets it (sentences)."""
    n = next(x for x in c.model.notifications if x.name == name)
    parts = [c.w("notify_due", e=_event(c, n.after), d=tx.duration(n.within, c.lang).counted)]
    if n.only_during:
        na = c.w("not_applicable", code=_code("not_applicable"))
        if n.only_during == c.policy.default_calendar_name:
            parts.append(c.w("notify_only", na=na))
        else:
            cal = c.model.calendar(n.only_during)
            parts.append(c.w("notify_only_on", c=_md(cal.label.text(c.lang) or cal.name), na=na))
    parts.append(c.w("notify_met", m=_event(c, n.met_by)))
    if n.when is not None:
        parts.append(_md(plans.only_for(c.model, n.when, c.lang)))
    return c.sentences(parts)


def completion(c: _Ctx) -> str:
    """How the incidents of each priority complete, priorities with the same rule together (sentences)."""
    groups: dict[object, tuple[m.Completion, list[str]]] = {}
    for p in c.model.priorities:
        comp, s = p.completion, p.completion.silence
        key = (comp.on, None if s is None else (_amount(s.duration), s.after, s.unless))
        names = groups.setdefault(key, (comp, []))[1]
        if _priority(c, p) not in names:
            names.append(_priority(c, p))
    out = []
    for comp, names in groups.values():
        who = c.both("and", names)
        if comp.on:
            events = c.both("or", [_event(c, e) for e in comp.on])
            out.append(c.w("complete_on" if comp.silence else "complete_only", p=who, e=events))
        if comp.silence is not None:
            s = comp.silence
            d: str = tx.duration(s.duration, c.lang)
            if s.duration.is_business and s.duration.unit is not m.TimeUnit.HOUR:
                d = c.w("with_hours", d=d, h=tx.business_hours(c.policy.duration_delta(s.duration), c.lang))
            frame = "complete_silence" if comp.on else "complete_after"
            out.append(c.w(frame, p=who, d=d, a=_event(c, s.after), u=_event(c, s.unless)))
        if not comp.on and comp.silence is None:
            out.append(c.w("complete_none", p=who))
    return c.sentences(out)


# -- service hours, stops, maintenance, availability, exclusions, backups -------------------


def planned_stop_notice(c: _Ctx) -> str:
    """When a notice of a planned stop is valid, with an example on dates (sentences)."""
    if not c.model.planned_stops:
        return c.w("no_planned_stop")
    ps = c.model.planned_stops[0]
    ch = tx.join([tx.channel(x, c.lang) for x in ps.channels], c.lang) or c.w("any_channel")
    n = ps.notice
    d = tx.duration(n, c.lang)
    if ps.anchor is m.NoticeAnchor.START_DATE:  # (in days, weeks or months: E220 refuses anything else)
        stop = dt.date(c.reference.year, 12, 10)
        last = notice_last_day(stop, n)
        zone = ct.zone_text(c.policy.tz.key, c.lang)
        text = c.w("stop_notice_date", d=d, ch=ch, z=zone, stop=tx.date(stop, c.lang), last=tx.date(last, c.lang))
    else:
        text = c.w("stop_notice_start", d=d, ch=ch)
    return c.sentences([text, c.w("stop_other_channel" if ps.channels else "stop_later")])


def emergency(c: _Ctx) -> str:
    """Whether stops without notice are allowed, and whether they count as downtime (a sentence)."""
    ps = c.model.planned_stops[0] if c.model.planned_stops else None
    if ps is None or not ps.emergency_allowed:
        return c.w("no_emergency")
    return c.w("emergency_downtime" if ps.emergency_counts_as_downtime else "emergency_excused")


def maintenance(c: _Ctx) -> str:
    """Each regular-maintenance window: when, what happens on a day that is not a business day, the notice
    (sentences; each by its label when there are several)."""
    out = []
    for mt in c.model.maintenance:
        r = mt.hours
        if r.end_minutes == 1440:
            end = c.w("midnight")
        else:
            end = c.w("next_day", e=str(r.end)) if r.overnight else str(r.end)
        parts = [c.w("maint_when", on=tx.recurrence(mt.on, c.lang), s=str(r.start), e=end)]
        if mt.calendar:
            parts.append(c.w(f"roll_{mt.roll.value}"))
        notice = tx.duration(mt.notice, c.lang) if mt.notice else None
        parts.append(c.w("maint_notice", d=notice) if notice else c.w("maint_notice_none"))
        text = c.sentences(parts)
        if len(c.model.maintenance) > 1:
            text = c.w("labelled", label=_md(mt.label.text(c.lang) or mt.name), text=text)
        out.append(text)
    return c.sentences(out) or c.w("no_maintenance")


def availability(c: _Ctx) -> str:
    """The availability targets the policy adds, as a sentence (or that it sets none)."""
    items = []
    for svc in c.model.services:
        targets = service_plans.ordered(svc)
        name = _md(svc.label.text(c.lang) or svc.name)
        for t in targets:
            p, per = tx.percent(t.percent), plans.period_words(t.period, c.lang)
            if len(targets) > 1:
                who = _md(plans.whom(c.model, t.when, c.lang))
                items.append(c.w("availability_for", svc=name, p=p, per=per, who=who))
            else:
                items.append(c.w("availability_one", svc=name, p=p, per=per))
    return c.w("availability", list=c.listed(items)) if items else c.w("no_availability")


def exclusions(c: _Ctx) -> str:
    """The causes Article 4 excludes: ``force_majeure``（…）、``customer_fault``（…）, or ``なし``."""
    return c.listed([_named(c, x.cause, _md(x.label.text(c.lang))) for x in c.model.exclusions]) or c.w("none")


def backups(c: _Ctx) -> str:
    """The daily backups, the retention of each kind, those kept in another zone (sentences)."""
    kinds = c.model.backups
    if not kinds:
        return c.w("no_backups")
    parts = []
    seen: set[str] = set()

    def kind(b: m.Backup) -> str:  # (named by its label where first said, as exclusions and events are)
        if b.kind in seen:
            return _code(b.kind)
        seen.add(b.kind)
        return _named(c, b.kind, _md(b.label.text(c.lang)))

    daily = [
        kind(b)
        for b in kinds
        if b.every is not None and not b.every.is_business and (b.every.amount, b.every.unit) == (1, m.TimeUnit.DAY)
    ]
    if daily:
        zone = ct.zone_text(c.policy.tz.key, c.lang)
        missed = c.w("missed", code=_code("missed"))
        parts.append(c.w("backup_daily", z=zone, kinds=c.listed(daily), missed=missed))
    kept: dict[object, tuple[str, list[str]]] = {}
    for b in kinds:
        if b.keep is not None:
            kept.setdefault(_amount(b.keep), (tx.duration(b.keep, c.lang), []))[1].append(kind(b))
    if kept:
        retention = c.listed([c.w("kept", kinds=c.both("and", ks), d=d) for d, ks in kept.values()])
        parts.append(c.w("backup_keep", list=retention))
        if any(b.keep is not None and b.keep.unit is m.TimeUnit.MONTH for b in kinds):
            parts.append(c.w("backup_months"))
    elsewhere = [kind(b) for b in kinds if b.other_zone]
    if elsewhere:
        parts.append(c.w("backup_zone", kinds=c.both("and", elsewhere)))
    return c.sentences(parts)


#: Every placeholder but ``sla.notify.<name>``, by name.
FACTS: dict[str, Callable[[_Ctx], str]] = {
    "timezone": timezone,
    "business_days": business_days,
    "closures": closures,
    "business_hours": business_hours,
    "business_day_length": business_day_length,
    "close_example": close_example,
    "day_targets": day_targets,
    "day_targets_hours": day_targets_hours,
    "day_example": day_example,
    "response_clock_start": response_clock_start,
    "at_risk": at_risk,
    "same_day": same_day,
    "completion": completion,
    "planned_stop_notice": planned_stop_notice,
    "emergency": emergency,
    "maintenance": maintenance,
    "availability": availability,
    "exclusions": exclusions,
    "backups": backups,
}


def known(policy: Policy) -> list[str]:
    """The name of every fact ``policy`` can fill in."""
    return [*FACTS, *(f"notify.{n.name}" for n in policy.model.notifications)]


@contextmanager
def _words_of(policy: Policy) -> Iterator[None]:
    """While filling: the policy's declared events and calendars named by their labels (as its page)."""
    with tx.declared_events(policy.model), tx.calendar_labels(policy.model):
        yield


def _alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is alone on its line (a block marker, :mod:`.plugin`'s)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not (text[line_start:start] + text[end : len(text) if line_end < 0 else line_end]).strip()


def fill(markdown: str, policy: Policy | None, lang: str, reference: dt.date) -> str:
    """``markdown`` with every ``<!-- sla:fact NAME -->`` replaced by that fact of ``policy``, in ``lang``, its
    worked examples from ``reference`` (a day ``policy`` is in force: see the module's notes);
    :class:`UnknownFact` for a placeholder that names none (or when there is no policy), and for an ``sla:``
    comment inside a line that is not ``sla:fact`` (block markers, alone on a line, are left as they are)."""
    if "sla:" not in markdown:
        return markdown

    def replace(match: re.Match[str]) -> str:
        what, _, name = match.group(1).strip().partition(" ")
        name = name.strip()
        if what != "fact":
            if _alone(match.string, match.start(), match.end()):
                return match.group(0)
            raise UnknownFact(f"unknown placeholder `{match.group(0)}` (a fact is `<!-- sla:fact NAME -->`)")
        if policy is None:
            raise UnknownFact(f"placeholder `{match.group(0)}`: the site has no policy to take it from")
        make = FACTS.get(name)
        if make is not None:
            return make(_Ctx(policy, lang, reference))
        kind, _, rest = name.partition(".")
        if kind == "notify" and any(n.name == rest for n in policy.model.notifications):
            return notify(_Ctx(policy, lang, reference), rest)
        raise UnknownFact(
            f"unknown placeholder `{match.group(0)}` (the policy `{policy.name}` has the facts: "
            f"{', '.join(known(policy))})"
        )

    if policy is None:
        return PLACEHOLDER.sub(replace, markdown)
    with _words_of(policy):
        return PLACEHOLDER.sub(replace, markdown)

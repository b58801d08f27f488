"""The monthly report as a list of sections in words: what text, Markdown and HTML all show.

Design notes
------------
* One list of :class:`Part` (title, header, rows, notes) feeds the three
  writers of :mod:`.render`, so they always show the same facts. Every word
  comes from the message catalogue (:mod:`sla_dsl.i18n`) in the report's
  language, every name of a rule from the policy's labels (:mod:`.words`);
  ids, zones and unknown channels are the log's own and shown as written.
* The summary gives a headline verdict per commitment with its target next to
  the figure: the response target of each priority (met of judged, % achieved),
  the recovery notice, planned-stop notices, availability, each backup kind.
* "Incidents not met" lists breaches only, with how late each was in business
  time; incidents at risk have their own list. Outages show their own downtime
  and, where they overlap, a note that the total counts the overlap once; a
  notice that has no target says which of the reasons applies.
* Violations are written from the rows they are about (the JSON report's
  ``message`` stays the engine's English text, the contract); a kind the
  catalogue does not know shows under "other" with the engine's message.
* Nothing is read back from the engine's English (``message``, explanation
  steps): a planned stop's announcements come from the row's ``notices`` (each
  with its channel, whether the channel is allowed and whether it was in
  time), a zone violation from its ``backup_kind`` and ``zone_fault``, a named
  target's breach (issue 12) from its ``target``. Only an event-log problem
  (``data``) shows the engine's message, as a detail marked for engineers.
* A year's log has hundreds of thousands of incidents: a capped list of the
  text report (not met, at risk) looks only for the rows it shows and takes
  how many more there are from the counts by status; the violations table
  looks up only the incidents of the breaches it shows.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple, Protocol, TypeVar

from ..i18n import format_date, format_minutes, format_month
from ..lang import model as lm
from . import BreachedTarget, OutageRow, Report, RetentionRow, StopRow, Violation, periods
from .conditions import priority_targets, unmet_words
from .data_notes import note_text
from .words import Anchor, Cell, Link, Mark, PolicyWords, anchor, ref_number

T = TypeVar("T")


class Part(NamedTuple):
    """One section of the report: a titled table and notes under it."""

    title: str
    header: list[str]
    rows: list[list[Cell]]
    notes: tuple[str, ...] = ()
    key: str = ""
    numeric: tuple[int, ...] = ()


class IncidentLike(Protocol):
    """What the tables read from an incident row (an IncidentRow or a compact verdict)."""

    @property
    def id(self) -> str: ...
    @property
    def priority(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def clock_start(self) -> dt.datetime: ...
    @property
    def response_due(self) -> dt.datetime | None: ...
    @property
    def responded_at(self) -> dt.datetime | None: ...
    @property
    def is_completed(self) -> bool: ...


def ids_of(violations: Sequence[Violation], kind: str) -> list[str]:
    """The ids of the violations of one kind, in order; a lazy sequence (the evaluator's) answers
    without building every breach's model."""
    fast = getattr(violations, "ids_of", None)
    if fast is not None:
        ids: list[str] = fast(kind)
        return ids
    return [v.id for v in violations if v.kind == kind]


def _capped(rows: Sequence[T], limit: int | None) -> tuple[Sequence[T], int]:
    if limit is None or len(rows) <= limit:
        return rows, 0
    return rows[:limit], len(rows) - limit


class Shown(NamedTuple):
    """The rows of a capped list that are shown, and how many more there are."""

    rows: list[IncidentLike]
    hidden: int


def _first(incidents: Sequence[IncidentLike], status: str, count: int, limit: int | None) -> Shown:
    """The first ``limit`` (all: None) incidents with ``status``, of ``count`` that have it: the scan
    stops at the last one shown (a year's log has hundreds of thousands of incidents)."""
    if not count:
        return Shown([], 0)
    wanted = (i for i in incidents if i.status == status)
    rows = list(wanted if limit is None else itertools.islice(wanted, limit))
    return Shown(rows, count - len(rows))


def more_row(hidden: int, width: int, w: PolicyWords) -> list[list[Cell]]:
    """The closing row of a capped table, or nothing."""
    row: list[Cell] = [w.m("report.more", n=f"{hidden:,}")]
    return [row + [""] * (width - 1)] if hidden else []


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def one_year(report: Report) -> int | None:
    """The year of the period when it lies in one year (times in it are written without it), else None."""
    p = report.period
    last = max(p.start, p.end - dt.timedelta(microseconds=1))
    return p.start.year if p.start.year == last.year else None


def heading(report: Report, w: PolicyWords) -> str:
    """``Click So-ko サービスレベル報告書（2026年11月度）``."""
    p = report.period
    start, end = p.start, p.end
    one_month = start.day == 1 and start.hour == start.minute == 0 and end == _next_month(start)
    span = format_month(start.date(), w.lang) if one_month else f"{format_date(start.date(), w.lang)} 〜 {w.t(end)}"
    return w.m("report.heading", name=report.policy.name, month=span)


def _next_month(t: dt.datetime) -> dt.datetime:
    y, mo = (t.year + 1, 1) if t.month == 12 else (t.year, t.month + 1)
    return t.replace(year=y, month=mo, day=1)


def head_lines(report: Report, w: PolicyWords) -> list[str]:
    """The lines under the title: the period, the policy versions and the time zone."""
    p = report.period
    tz = report.timezone or report.period.start.tzname() or ""
    offset = p.start.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else ""
    zone = w.m("report.tz_japan") if tz == "Asia/Tokyo" else w.m("report.tz_offset", offset=offset)
    sep = "、" if w.lang == "ja" else ", "
    versions = sep.join(v.version for v in report.versions) or report.policy.version
    full = w.with_year()
    return [
        w.m("report.period", start=full.t(p.start), end=full.t(p.end), as_of=full.t(p.as_of)),
        w.m("report.version", versions=versions) + ("" if w.lang == "ja" else " ") + zone,
    ]


def sections(
    report: Report,
    w: PolicyWords,
    incidents: Sequence[IncidentLike],
    violations: Sequence[Violation],
    limit: int | None = None,
) -> list[Part]:
    """Every section of the report, in order."""
    by_priority = _count(incidents)
    out = [
        _summary(report, w, by_priority, violations),
        _availability(report, w),
        _incidents(w, by_priority),
    ]
    # Only the rows a list shows are looked for; the counts say how many more there are.
    breached = _first(incidents, "breached", sum(c["breached"] for c in by_priority.values()), limit)
    if breached.rows:
        out.append(_not_met(report, w, breached))
    risky = _first(incidents, "at_risk", sum(c["at_risk"] for c in by_priority.values()), limit)
    if risky.rows:
        out.append(_at_risk(report, w, risky))
    out += [
        _outages(report, w),
        _stops(report, w),
        _maintenance(report, w),
        _backups(report, w),
        _violations(report, w, incidents, violations, limit),
    ]
    return out


# -- summary ------------------------------------------------------------------------------


def _count(incidents: Sequence[IncidentLike]) -> dict[str, Counter[str]]:
    fast = getattr(incidents, "by_priority", None)  # the evaluator's verdicts count on columns
    if fast is not None:
        counted: dict[str, Counter[str]] = fast()
        return counted
    by: dict[str, Counter[str]] = {}
    # One pass in Counter's C loop: a year's log has hundreds of thousands of incidents.
    for (pid, status, done), n in Counter((i.priority, i.status, i.is_completed) for i in incidents).items():
        c = by.setdefault(pid, Counter())
        c[status] += n
        c["total"] += n
        c["completed"] += n if done else 0
    return by


def _notice_counts(report: Report, name: str, on_incidents: bool) -> Counter[str]:
    """How many records a notify rule judged met, breached, open: from the outages' ``notices``, or
    the incidents' ``targets`` for a rule on incident events."""
    rows = (
        (t for i in report.incidents for t in getattr(i, "targets", ()))
        if on_incidents
        else (t for o in report.outages for t in o.notices)
    )
    return Counter(t.status for t in rows if t.kind == "notify" and t.name == name)


def _verdict(w: PolicyWords, bad: int, watch: int = 0) -> Mark:
    if bad:
        return Mark(w.m("report.verdict.not_met"), "bad")
    if watch:
        return Mark(w.m("report.verdict.watch"), "warn")
    return Mark(w.m("report.verdict.met"), "good")


def _summary(report: Report, w: PolicyWords, by: dict[str, Counter[str]], violations: Sequence[Violation]) -> Part:
    rows: list[list[Cell]] = []
    md = w.model
    pids = sorted(set(by) | ({p.id for p in md.priorities} if md else set()))
    for pid in pids:
        c = by.get(pid, Counter())
        judged = c["met"] + c["breached"]
        result = (
            w.m("report.result.ratio", met=c["met"], judged=judged, percent=_pct(c["met"], judged))
            if judged
            else w.m("report.result.nothing")
        )
        rule = w.priority_rule(pid)
        rows.append(
            [
                w.m("report.commit.response", label=w.priority(pid)),
                priority_targets(w, pid) or w.target(pid),  # one per rule with `when` (issue 13)
                result,
                _verdict(w, c["breached"], c["at_risk"]),
                w.article(rule.ref if rule else None),
            ]
        )
    if md is not None:
        for n in md.notifications:
            # each rule's own verdicts (its row of `notices`, or of an incident's `targets`): a rule
            # with `when` counts only the records it applies to (issue 13)
            counts = _notice_counts(report, n.name, n.after.startswith("incident."))
            judged_n, met = counts["met"] + counts["breached"], counts["met"]
            rows.append(
                [
                    n.label.text(w.lang) or n.name,
                    w.m("report.target.notice", duration=w.duration(n.within))
                    if n.only_during
                    else w.m("report.target.within", duration=w.duration(n.within)),
                    w.m("report.result.ratio", met=met, judged=judged_n, percent=_pct(met, judged_n))
                    if judged_n
                    else w.m("report.result.nothing"),
                    _verdict(w, judged_n - met, counts["open"]),
                    w.article(n.ref),
                ]
            )
        for ps in md.planned_stops:
            ok = sum(s.notice_ok for s in report.planned_stops)
            channels = (
                "・".join(w.channel(c) for c in ps.channels)
                if w.lang == "ja"
                else " or ".join(w.channel(c) for c in ps.channels)
            )
            rows.append(
                [
                    w.m("report.commit.stops"),
                    w.m("report.target.stop_notice", duration=w.duration(ps.notice), channels=channels or "-"),
                    w.m("report.result.stops", ok=ok, total=len(report.planned_stops))
                    if report.planned_stops
                    else w.m("report.result.nothing"),
                    _verdict(w, len(report.planned_stops) - ok),
                    w.article(ps.ref),
                ]
            )
        for s in md.services:
            if not s.availability_measured and s.availability_target is None:
                continue
            target = s.availability_target
            name = s.label.text(w.lang) + ("、" + w.m("report.when.others") if s.plan_targets else "")  # issue 13
            rows.append(
                [
                    w.m("report.commit.availability") + f"（{name}）"
                    if w.lang == "ja"
                    else f"{w.m('report.commit.availability')} ({name.replace('、', ', ')})",
                    w.m("report.target.percent", percent=f"{target:g}")
                    if target is not None
                    else w.m("report.target.none"),
                    f"{periods.service_figure(report, s.name):.3%}",  # the lowest period (issue 13)
                    _verdict(w, periods.periods_below(report, s.name, target))
                    if target is not None
                    else Mark(w.m("report.verdict.measured"), ""),
                    w.article(s.ref),
                ]
            )
            for pt in s.plan_targets:  # a target with `when`: its own line (issue 13)
                who = f"{s.label.text(w.lang)}、{periods.whom(w, s.name, pt)}"
                rows.append(
                    [
                        w.m("report.commit.availability") + f"（{who}）"
                        if w.lang == "ja"
                        else f"{w.m('report.commit.availability')} ({who.replace('、', ', ')})",
                        w.m("report.target.percent", percent=f"{pt.percent:g}"),
                        f"{periods.service_figure(report, s.name, str(pt.when)):.3%}",
                        _verdict(w, periods.periods_below(report, s.name, pt.percent, str(pt.when))),
                        w.article(s.ref),
                    ]
                )
        retention_bad = Counter(r.kind for r in report.retention if not r.ok)
        zone_bad = Counter(ids_of(violations, "backup_zone"))
        days: dict[str, Counter[str]] = {}
        for row in report.backups:
            days.setdefault(row.kind, Counter())[row.status] += 1
        for b in md.backups:
            label = b.label.text(w.lang) or b.kind
            if b.continuous:
                rows.append(
                    [
                        w.m("report.commit.continuous", label=label),
                        w.m("report.target.zone"),
                        w.m("report.result.zone_bad", n=len(zone_bad)) if zone_bad else w.m("report.result.zone_ok"),
                        _verdict(w, len(zone_bad)),
                        w.article(b.ref),
                    ]
                )
                continue
            c = days.get(b.kind, Counter())
            goal = (
                w.m("report.target.daily")
                if b.every and b.every.amount == 1 and b.every.unit.value == "day"
                else (w.m("report.target.every", duration=w.duration(b.every)) if b.every else "-")
            )
            if b.keep is not None:
                goal += "・" if w.lang == "ja" else ", "
                goal += w.m("report.keep", keep=w.duration(b.keep))
            result = (
                w.m("report.result.windows", ok=c["ok"], windows=c["ok"] + c["missed"], duration=w.duration(b.every))
                if b.every is not None and b.every.unit.value == "hour"  # windows of N hours (issue 13)
                else w.m("report.result.days", ok=c["ok"], days=c["ok"] + c["missed"])
            )
            if retention_bad[b.kind]:
                result += ("、" if w.lang == "ja" else ", ") + w.m(
                    "report.result.retention_bad", n=retention_bad[b.kind]
                )
            rows.append(
                [
                    w.m("report.commit.backup", label=label),
                    goal,
                    result,
                    _verdict(w, c["missed"] + retention_bad[b.kind]),
                    w.article(b.ref),
                ]
            )
    header = [
        w.m("report.commitment"),
        w.m("report.target"),
        w.m("report.result"),
        w.m("report.verdict"),
        w.m("report.rule"),
    ]
    return Part(w.m("report.summary"), header, rows, key="summary")


# -- availability and incidents ------------------------------------------------------------


def _availability(report: Report, w: PolicyWords) -> Part:
    a = report.availability
    rows: list[list[Cell]] = [
        [w.m("report.period_time"), format_minutes(a.period_minutes)],
        [w.m("report.excused"), format_minutes(a.excused_minutes)],
        [w.m("report.excluded"), format_minutes(a.excluded_minutes)],
        [w.m("report.measured"), format_minutes(a.measured_minutes)],
        [w.m("report.downtime"), format_minutes(a.downtime_minutes)],
        [w.m("report.ratio"), f"{a.ratio:.4%}"],
    ]
    notes: list[str] = []
    own = sum(o.downtime_minutes for o in report.outages)
    if round(own) != round(a.downtime_minutes):
        notes.append(w.m("report.overlap_note", sum=format_minutes(own), total=format_minutes(a.downtime_minutes)))
    return Part(
        w.m("report.availability"),
        [w.m("report.item"), w.m("report.time_hmm")],
        rows,
        tuple(notes),
        "availability",
        (1,),
    )


def _incidents(w: PolicyWords, by: dict[str, Counter[str]]) -> Part:
    cols = ["met", "breached", "open", "at_risk", "excluded"]
    rows: list[list[Cell]] = []
    for pid in sorted(by):
        c = by[pid]
        judged = c["met"] + c["breached"]
        row: list[Cell] = [w.priority(pid), priority_targets(w, pid) or w.target(pid), str(c["total"])]
        row += [str(c[k]) for k in cols]
        row += [_pct(c["met"], judged), str(c["completed"])]
        rows.append(row)
    header = [w.m("report.priority"), w.m("report.target"), w.m("report.total")]
    header += [w.m(f"report.status.{k}") for k in cols] + [w.m("report.achieved"), w.m("report.completed")]
    return Part(w.m("report.incidents"), header, rows, key="incidents", numeric=tuple(range(2, 10)))


def _late(
    report: Report,
    w: PolicyWords,
    due: dt.datetime | None,
    at: dt.datetime | None,
    target: lm.Target | None = None,
) -> str:
    """How late (``1:12``), or ``-``: in the business time of the target's calendar, or elapsed
    (so marked) for an elapsed target such as ``within 1 hour``; without a target, in the business
    time of the policy's calendar."""
    if due is None or w.policy is None:
        return "-"
    end = at if at is not None else report.period.as_of
    if end <= due:
        return "-"
    if isinstance(target, lm.Within) and not target.duration.is_business:
        return w.m("report.late_elapsed", late=format_minutes((end - due).total_seconds() / 60))
    calendar = target.calendar if isinstance(target, lm.ByEndOf) else target.duration.calendar if target else None
    return format_minutes(w.policy.business_time_between(due, end, calendar).total_seconds() / 60)


def _target_of(i: IncidentLike) -> lm.Target | None:
    """The response target of the rule that judged ``i`` (a compact verdict knows the rule its
    attributes chose); None for a row read back from JSON, which does not say."""
    rules = getattr(i, "rules", None)
    priorities = getattr(rules, "priorities", None)
    if not priorities or i.priority not in priorities:
        return None
    target: lm.Target = priorities[i.priority].target
    return target


def _not_met(report: Report, w: PolicyWords, bad: Shown) -> Part:
    shown, hidden = bad
    rows: list[list[Cell]] = []
    for i in shown:
        rule = w.priority_rule(i.priority)
        rows.append(
            [
                i.id,
                w.priority(i.priority),
                w.t(i.clock_start),
                w.t(i.response_due),
                w.t(i.responded_at) if i.responded_at else Mark(w.m("report.no_response"), "bad"),
                Mark(_late(report, w, i.response_due, i.responded_at, _target_of(i)), "bad"),
                w.article(rule.ref if rule else None),
            ]
        )
    header = [
        w.m("report.id"),
        w.m("report.priority"),
        w.m("report.clock_start"),
        w.m("report.due"),
        w.m("report.responded"),
        w.m("report.late_business"),
        w.m("report.rule"),
    ]
    return Part(w.m("report.not_met"), header, rows + more_row(hidden, len(header), w), key="not-met")


def _at_risk(report: Report, w: PolicyWords, risky: Shown) -> Part:
    shown, hidden = risky
    rows: list[list[Cell]] = []
    for i in shown:
        left = "-"
        if w.policy is not None and i.response_due is not None and report.period.as_of < i.response_due:
            left = format_minutes(
                w.policy.business_time_between(report.period.as_of, i.response_due).total_seconds() / 60
            )
        rows.append([i.id, w.priority(i.priority), w.t(i.clock_start), w.t(i.response_due), Mark(left, "warn")])
    header = [
        w.m("report.id"),
        w.m("report.priority"),
        w.m("report.clock_start"),
        w.m("report.due"),
        w.m("report.left"),
    ]
    return Part(w.m("report.at_risk"), header, rows + more_row(hidden, len(header), w), key="at-risk")


# -- outages, stops, maintenance, backups -------------------------------------------------------


def notice_reason(o: OutageRow, w: PolicyWords) -> str:
    """Why an outage's notice has the status it has, in words."""
    if o.notice_status == "excluded":
        return w.m("report.na.excluded", cause=w.cause(o.cause))
    if o.notice_status == "not_applicable":
        unmet = o.notices[0] if o.notices and o.notices[0].unmet_when else None  # `when` (issue 13)
        if unmet is not None:
            return unmet_words(unmet.name, unmet.attributes, w) or w.m("report.na.no_rule")
        if o.recognized_at is None:
            reason = w.m("report.na.not_recognised")
            if o.end is None:
                reason += (
                    "（" + w.m("report.na.still_open") + "）" if w.lang == "ja" else f" ({w.m('report.na.still_open')})"
                )
            return reason
        return w.m("report.na.outside_hours")
    return w.m(f"report.notice.{o.notice_status}")


class Times(dict[dt.date, str]):
    """``w.t`` for many times, each day's words built once (a year's outages table writes thousands
    of times on a few hundred days)."""

    def __init__(self, w: PolicyWords) -> None:
        super().__init__()
        self.w = w

    def __missing__(self, day: dt.date) -> str:
        text = self[day] = self.w.d(day)
        return text

    def __call__(self, t: dt.datetime | None) -> str:
        """What ``w.t(t)`` gives."""
        return self.w.t(t) if t is None else f"{self[t.date()]} {t.hour:02d}:{t.minute:02d}"


def _outages(report: Report, w: PolicyWords) -> Part:
    rows: list[list[Cell]] = []
    tone = {"met": "good", "breached": "bad", "open": "warn"}
    t = Times(w)
    for o in report.outages:
        rows.append(
            [
                o.id,
                t(o.start),
                t(o.end) if o.end else Mark(w.m("report.still_open"), "warn"),
                format_minutes(o.downtime_minutes),
                t(o.notice_due),
                t(o.notified_at),
                Mark(notice_reason(o, w), tone.get(o.notice_status, "")),
            ]
        )
    header = [
        w.m("report.id"),
        w.m("report.start"),
        w.m("report.end"),
        w.m("report.downtime_hmm"),
        w.m("report.notice_due"),
        w.m("report.notified_at"),
        w.m("report.notice"),
    ]
    notes: list[str] = []
    a = report.availability
    own = sum(o.downtime_minutes for o in report.outages)
    if round(own) != round(a.downtime_minutes):
        notes.append(w.m("report.overlap_note", sum=format_minutes(own), total=format_minutes(a.downtime_minutes)))
    return Part(w.m("report.outages"), header, rows, tuple(notes), "outages", (3,))


def stop_notices(s: StopRow) -> list[tuple[dt.datetime, str, bool, bool]]:
    """Each notice of a stop: (sent at, channel, by an allowed channel, in time), from the row's data."""
    return [(n.at, n.channel, n.allowed_channel, n.in_time) for n in s.notices]


def notice_fault(w: PolicyWords, good_channel: bool, in_time: bool) -> str:
    """Why one notice of a planned stop is not valid (or that it is)."""
    if good_channel and in_time:
        return w.m("report.stop.valid")
    if not good_channel and not in_time:
        return w.m("explain.stop.late_channel")
    return w.m("explain.stop.bad_channel" if not good_channel else "explain.stop.too_late")


def stop_reason(s: StopRow, w: PolicyWords) -> str:
    """Why a stop's notice is valid or not, naming every notice sent."""
    if s.notice_ok:
        return w.m("report.stop.valid")
    notices = stop_notices(s)
    if not notices:
        return w.m("report.stop.none")
    parts = [
        w.m("report.stop.notice", at=w.t(at), channel=w.channel(channel), why=notice_fault(w, ok_channel, in_time))
        for at, channel, ok_channel, in_time in notices
    ]
    return "、".join(parts) if w.lang == "ja" else "; ".join(parts)


def _stops(report: Report, w: PolicyWords) -> Part:
    rows: list[list[Cell]] = []
    for s in report.planned_stops:
        notices = stop_notices(s)
        sent = notices[0] if notices and not s.notice_ok else None
        at = s.notice_at if s.notice_ok or sent is None else sent[0]
        channel = s.channel if s.notice_ok or sent is None else sent[1]
        rows.append(
            [
                s.id,
                w.t(s.start),
                w.t(s.end),
                w.by_end_of(s.notice_deadline),
                w.t(at),
                w.channel(channel),
                Mark(stop_reason(s, w), "good" if s.notice_ok else "bad"),
            ]
        )
    header = [
        w.m("report.id"),
        w.m("report.start"),
        w.m("report.end"),
        w.m("report.notice_deadline"),
        w.m("report.notice_at"),
        w.m("report.channel"),
        w.m("report.valid"),
    ]
    notes = (w.m("report.stop.invalid_note"),) if any(not s.notice_ok for s in report.planned_stops) else ()
    return Part(w.m("report.stops"), header, rows, notes, "stops")


def _maintenance(report: Report, w: PolicyWords) -> Part:
    rows: list[list[Cell]] = [
        [
            w.t(mw.start),
            w.t(mw.end),
            w.m("report.moved_from", scheduled=mw.scheduled) if mw.moved and mw.scheduled else w.m("report.scheduled"),
        ]
        for mw in report.maintenance
    ]
    return Part(
        w.m("report.maintenance"),
        [w.m("report.start"), w.m("report.end"), w.m("report.moved")],
        rows,
        key="maintenance",
    )


def _backups(report: Report, w: PolicyWords) -> Part:
    kinds: dict[str, Counter[str]] = {}
    missed: dict[str, list[str]] = {}
    for b in report.backups:
        kinds.setdefault(b.kind, Counter())[b.status] += 1
        if b.status == "missed":
            missed.setdefault(b.kind, []).append(periods.window_shown(b.window_start, b.day, w))
    sep = "、" if w.lang == "ja" else ", "
    rows: list[list[Cell]] = [
        [
            w.backup_kind(k),
            str(c["ok"]),
            Mark(str(c["missed"]), "bad") if c["missed"] else "0",
            str(c["pending"]),
            sep.join(missed.get(k, [])) or "-",
        ]
        for k, c in kinds.items()
    ]
    header = [
        w.m("report.kind"),
        w.m("report.backup.ok"),
        w.m("report.backup.missed"),
        w.m("report.backup.pending"),
        w.m(periods.missed_header(report)),
    ]
    return Part(w.m("report.backups"), header, rows, key="backups", numeric=(1, 2, 3))


# -- violations ------------------------------------------------------------------------------------


def violation_text(v: Violation, report: Report, w: PolicyWords, incidents: dict[str, IncidentLike]) -> str:
    """The violation in words, from the row it is about."""
    as_of = report.period.as_of
    if v.target is not None:
        return target_text(v, v.target, w, as_of)
    if v.kind == "response_breached" and v.id in incidents:
        i = incidents[v.id]
        if i.responded_at is not None:
            return w.m(
                "report.v.response_late",
                priority=w.priority(i.priority),
                due=w.t(i.response_due),
                responded=w.t(i.responded_at),
                late=_late(report, w, i.response_due, i.responded_at, _target_of(i)),
            )
        return w.m("report.v.response_none", priority=w.priority(i.priority), due=w.t(i.response_due), as_of=w.t(as_of))
    if v.kind == "notice_breached":
        o = next((r for r in report.outages if r.id == v.id), None)
        if o is not None:
            if o.notified_at is not None:
                return w.m(
                    "report.v.notice_late",
                    due=w.t(o.notice_due),
                    at=w.t(o.notified_at),
                    late=_late(report, w, o.notice_due, o.notified_at),
                )
            return w.m("report.v.notice_none", due=w.t(o.notice_due), as_of=w.t(as_of))
    if v.kind == "stop_notice_invalid":
        s = next((r for r in report.planned_stops if r.id == v.id), None)
        if s is not None:
            return w.m("report.v.stop", start=w.t(s.start), why=stop_reason(s, w))
    worded = periods.violation_words(v, report, w)  # a period's availability, a backup window (issue 13)
    if worded is not None:
        return worded
    if v.kind == "backup_missed" and ":" in v.id:
        kind, _, day = v.id.rpartition(":")
        try:
            when = dt.date.fromisoformat(day)
        except ValueError:
            when = None
        if when is not None:
            return w.m("report.v.missed", kind=w.backup_kind(kind), day=w.d(when))
    if v.kind == "backup_retention":
        r = next((x for x in report.retention if x.id == v.id), None)
        if r is not None:
            return retention_text(r, w)
    if v.kind == "backup_zone" and v.backup_kind is not None:
        key = "report.v.zone_unknown" if v.zone_fault == "unstated" else "report.v.zone_same"
        return w.m(key, kind=w.backup_kind(v.backup_kind), at=w.t(v.at))
    if v.kind == "availability":
        target = w.model and next((s.availability_target for s in w.model.services if s.name == v.id), None)
        return w.m(
            "report.v.availability", ratio=f"{report.availability.ratio:.4%}", target=f"{target:g}" if target else "-"
        )
    if v.note is not None:
        return w.m("report.v.data", detail=note_text(v.note, v.id, w.lang, w.t, w.backup_kind_shown, w.event))
    return w.m("report.v.data_engine", detail=v.message)  # (a report rebuilt from its JSON: the engine's English)


def target_text(v: Violation, t: BreachedTarget, w: PolicyWords, as_of: dt.datetime) -> str:
    """A breached named target (issue 12) in words, from the violation's data."""
    if t.kind == "notify":
        rule = next((n for n in w.model.notifications if n.name == t.name), None) if w.model else None
        goal = (rule.label.text(w.lang) if rule is not None else "") or t.name
        if t.met_at is not None:
            return w.m("report.v.notify_late", goal=goal, due=w.t(v.at), at=w.t(t.met_at))
        return w.m("report.v.notify_none", goal=goal, due=w.t(v.at), as_of=w.t(as_of))
    goal = w.m("report.goal.named", priority=w.priority(t.priority), goal=w.m(f"report.goal.{t.kind}"))
    if t.kind == "update":
        return w.m("report.v.goal_updates", goal=goal, n=t.missed, due=w.t(v.at))
    if t.met_at is not None:
        return w.m("report.v.goal_late", goal=goal, due=w.t(v.at), at=w.t(t.met_at))
    return w.m("report.v.goal_none", goal=goal, due=w.t(v.at), as_of=w.t(as_of))


def shown_id(v: Violation, w: PolicyWords) -> str:
    """The id of a violation as the report shows it: a backup day (``files:2026-11-14``) as its date, a
    backup window (``logs:2026-11-01T12:00:00+09:00``) as its start, a service's period
    (``content:2026-11-01:plan=premium``) as the service's label; the message says the rest."""
    name, _, rest = v.id.partition(":")
    if v.kind == "backup_missed":
        try:
            return w.d(dt.date.fromisoformat(rest)) if "T" not in rest else w.t(dt.datetime.fromisoformat(rest))
        except ValueError:
            return v.id
    if v.kind == "availability" and w.model is not None:
        service = next((s for s in w.model.services if s.name == name), None)
        if service is not None and service.label.text(w.lang):
            return service.label.text(w.lang)
    return v.id


def retention_text(r: RetentionRow, w: PolicyWords) -> str:
    """A backup deleted before its retention, in words."""
    return w.m(
        "report.v.retention",
        kind=w.backup_kind(r.kind),
        taken=w.t(r.completed_at),
        deleted=w.t(r.deleted_at),
        keep_until=w.t(r.keep_until),
    )


def violation_kind(kind: str, w: PolicyWords) -> str:
    """The kind of a violation in words."""
    try:
        return w.m(f"report.kind.{kind}")
    except KeyError:
        return w.m("report.kind.other")


def _violations(
    report: Report,
    w: PolicyWords,
    incidents: Sequence[IncidentLike],
    violations: Sequence[Violation],
    limit: int | None,
) -> Part:
    shown, hidden = _capped(violations, limit)
    # the incidents of the response breaches shown (the rest are counted, not written)
    wanted = {v.id for v in shown if v.kind == "response_breached"}
    by_id: dict[str, IncidentLike] = {}
    for i in incidents if wanted else ():
        if i.id in wanted:
            by_id[i.id] = i  # an incident's id is its own (one incident per id)
            if len(by_id) == len(wanted):
                break  # the scan stops at the last incident a shown breach is about
    rows: list[list[Cell]] = [
        [
            w.t(v.at) if v.at else "-",
            Mark(violation_kind(v.kind, w), "bad"),
            shown_id(v, w),
            violation_text(v, report, w, by_id),
            w.article(v.ref),
        ]
        for v in shown
    ]
    header = [w.m("report.when"), w.m("report.what"), w.m("report.id"), w.m("report.message"), w.m("report.rule")]
    return Part(
        w.m("report.violations", n=f"{len(violations):,}"),
        header,
        rows + more_row(hidden, len(header), w),
        key="violations",
    )


def articles(w: PolicyWords, parts: Sequence[Part]) -> Part:
    """The appendix: every article a row links to, with its title and the rules that cite it."""
    nums: list[str] = []
    for part in parts:
        for row in part.rows:
            for cell in row:
                if isinstance(cell, Link):
                    num = ref_number(cell.anchor.removeprefix("art-").replace("-", "."))
                    if num and num not in nums:
                        nums.append(num)
    nums.sort(key=lambda n: tuple(int(x) for x in n.split(".")))
    sep = "、" if w.lang == "ja" else "; "
    rows: list[list[Cell]] = [
        [Anchor(w.m("report.article", ref=n), anchor(n)), w.article_title(n), sep.join(w.rules_at(n)) or "-"]
        for n in nums
    ]
    header = [w.m("report.rule"), w.m("report.article_title"), w.m("report.rules")]
    return Part(w.m("report.articles"), header, rows, key="articles")

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
  time; incidents at risk have their own list.
* The sections on operations (outages, planned stops, maintenance, backups) are
  built in :mod:`.operations`; a violation's words, from the row it is about
  and never from the engine's English, in :mod:`.violation_words`; the shapes
  they share (:class:`~.parts.Part`, :class:`~.parts.IncidentLike`) in
  :mod:`.parts`.
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
from typing import NamedTuple, TypeVar

from ..i18n import format_date, format_minutes, format_month
from . import Report, Violation, periods
from .conditions import priority_targets
from .operations import backups_part, maintenance_part, outages_part, overlap_notes, several_services, stops_part
from .parts import IncidentLike, Part
from .violation_words import late_words, shown_id, target_of, violation_kind, violation_text
from .words import Anchor, Cell, Link, Links, Mark, PolicyWords, anchor, ref_number

T = TypeVar("T")


def of_kind(violations: Sequence[Violation], kind: str) -> list[Violation]:
    """The violations of one kind, in order (a lazy sequence answers without building every breach)."""
    fast = getattr(violations, "of_kind", None)
    if fast is not None:
        found: list[Violation] = fast(kind)
        return found
    return [v for v in violations if v.kind == kind]


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
    if tz == "Asia/Tokyo":
        zone = w.m("report.tz_japan")
    elif "/" in tz or tz == "UTC":
        from ..i18n.places import zone_title  # (CLDR's names: imported only for a zone other than Tokyo)

        zone = w.m("report.tz_zone", zone=zone_title(tz, w.lang))
    else:
        zone = w.m("report.tz_offset", offset=offset)
    sep = "、" if w.lang == "ja" else ", "
    versions = sep.join(v.version for v in report.versions_in_force()) or report.policy.version
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
        _incidents(report, w, by_priority),
    ]
    # Only the rows a list shows are looked for; the counts say how many more there are.
    breached = _first(incidents, "breached", sum(c["breached"] for c in by_priority.values()), limit)
    if breached.rows:
        out.append(_not_met(report, w, breached))
    risky = _first(incidents, "at_risk", sum(c["at_risk"] for c in by_priority.values()), limit)
    if risky.rows:
        out.append(_at_risk(report, w, risky))
    out += [
        outages_part(report, w),
        stops_part(report, w),
        maintenance_part(report, w),
        backups_part(report, w),
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


def in_force(report: Report, w: PolicyWords) -> list[PolicyWords]:
    """The words of each version in force during the report's period, by effective date."""
    return w.during([v.version for v in report.versions_in_force()])


def priority_words(ws: Sequence[PolicyWords], w: PolicyWords, pid: str) -> PolicyWords:
    """The words that name priority ``pid``: those of the period's start (``w``) when its version
    has it, else those of the latest version in force (``ws``) that has it."""
    if w.priority_rule(pid) is not None:
        return w
    return next((v for v in reversed(ws) if v.priority_rule(pid) is not None), w)


def target_during(ws: Sequence[PolicyWords], w: PolicyWords, pid: str) -> str:
    """The response target of priority ``pid`` in the versions in force (``ws``): one target when they
    agree, else the first with each change from its version's date (``4営業時間以内（11月16日(月)から
    2営業時間以内）``); a priority only a later version has, with that version's target."""
    said: list[tuple[PolicyWords, str]] = []
    for v in ws:
        if v.priority_rule(pid) is None:
            continue
        text = priority_targets(v, pid) or v.target(pid)  # one per rule with `when` (issue 13)
        if not said or said[-1][1] != text:
            said.append((v, text))
    if not said:
        return priority_targets(w, pid) or w.target(pid)
    if len(said) == 1:
        return said[0][1]
    changes = [w.m("report.target.from", target=text, day=w.d(v.policy.effective)) for v, text in said[1:] if v.policy]
    return w.m("report.target.changed", target=said[0][1], changes=w.m("report.target.from_sep").join(changes))


def _summary(report: Report, w: PolicyWords, by: dict[str, Counter[str]], violations: Sequence[Violation]) -> Part:
    rows: list[list[Cell]] = []
    md = w.model
    ws = in_force(report, w)
    pids = sorted(set(by) | {p.id for v in ws if v.model for p in v.model.priorities})
    for pid in pids:
        c = by.get(pid, Counter())
        judged = c["met"] + c["breached"]
        result = (
            w.m("report.result.ratio", met=c["met"], judged=judged, percent=_pct(c["met"], judged))
            if judged
            else w.m("report.result.nothing")
        )
        pw = priority_words(ws, w, pid)
        # every article its rules cite (one rule per plan, issue 13; each version in force)
        refs = [p.ref for v in ws if v.model for p in v.model.priorities if p.id == pid]
        rows.append(
            [
                w.m("report.commit.response", label=pw.priority(pid)),
                target_during(ws, w, pid),  # one per rule with `when` (issue 13), per version in force
                result,
                _verdict(w, c["breached"], c["at_risk"]),
                w.articles(refs),
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
        zone_bad = Counter(v.backup_kind for v in of_kind(violations, "backup_zone"))
        unstated = Counter(  # cannot be judged (a gap in the log), not a breach
            v.note.kind for v in of_kind(violations, "data") if v.note is not None and v.note.what == "zone_unstated"
        )
        days: dict[str, Counter[str]] = {}
        for row in report.backups:
            days.setdefault(row.kind, Counter())[row.status] += 1
        for b in md.backups:
            label = b.label.text(w.lang) or b.kind
            if b.continuous:
                bad, gaps = zone_bad[b.kind], unstated[b.kind]
                found = [w.m("report.result.zone_bad", n=bad)] if bad else []
                found += [w.m("report.result.zone_unstated", n=gaps)] if gaps else []
                rows.append(
                    [
                        w.m("report.commit.continuous", label=label),
                        w.m("report.target.zone"),
                        ("、" if w.lang == "ja" else "; ").join(found) or w.m("report.result.zone_ok"),
                        _verdict(w, bad) if bad or not gaps else Mark(w.m("report.verdict.unverified"), "warn"),
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
        [
            w.m("report.excused_hours" if a.closed_minutes else "report.excused"),
            format_minutes(a.excused_minutes),
        ],
        [w.m("report.excluded"), format_minutes(a.excluded_minutes)],
        [w.m("report.measured"), format_minutes(a.measured_minutes)],
        [w.m("report.downtime"), format_minutes(a.downtime_minutes)],
        [w.m("report.ratio"), f"{a.ratio:.4%}"],
    ]
    notes: list[str] = []
    if a.service is not None and several_services(report):  # which of them these figures are
        notes.append(
            w.m("report.availability_of", service=w.service_label(a.service), periods=w.m("report.credits.periods"))
        )
    notes += overlap_notes(report, w)
    return Part(
        w.m("report.availability"),
        [w.m("report.item"), w.m("report.time_hmm")],
        rows,
        tuple(notes),
        "availability",
        (1,),
    )


def _incidents(report: Report, w: PolicyWords, by: dict[str, Counter[str]]) -> Part:
    cols = ["met", "breached", "open", "at_risk", "excluded"]
    rows: list[list[Cell]] = []
    ws = in_force(report, w)
    for pid in sorted(by):
        c = by[pid]
        judged = c["met"] + c["breached"]
        row: list[Cell] = [priority_words(ws, w, pid).priority(pid), target_during(ws, w, pid), str(c["total"])]
        row += [str(c[k]) for k in cols]
        row += [_pct(c["met"], judged), str(c["completed"])]
        rows.append(row)
    header = [w.m("report.priority"), w.m("report.target"), w.m("report.total")]
    header += [w.m(f"report.status.{k}") for k in cols] + [w.m("report.achieved"), w.m("report.completed")]
    return Part(w.m("report.incidents"), header, rows, key="incidents", numeric=tuple(range(2, 10)))


def _not_met(report: Report, w: PolicyWords, bad: Shown) -> Part:
    shown, hidden = bad
    rows: list[list[Cell]] = []
    for i in shown:
        iw = w.for_row(i)  # the version that judged the incident (its `policy_version`)
        rule = iw.rule_of(i)  # the rule of its priority that judged it (issue 13: chosen by its attributes)
        rows.append(
            [
                i.id,
                iw.priority(i.priority),
                w.t(i.clock_start),
                w.t(i.response_due),
                w.t(i.responded_at) if i.responded_at else Mark(w.m("report.no_response"), "bad"),
                Mark(late_words(report, iw, i.response_due, i.responded_at, target_of(i, iw)), "bad"),
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
        iw = w.for_row(i)  # the version that judged the incident (its `policy_version`)
        if iw.policy is not None and i.response_due is not None and report.period.as_of < i.response_due:
            left = format_minutes(
                iw.policy.business_time_between(report.period.as_of, i.response_due).total_seconds() / 60
            )
        rows.append([i.id, iw.priority(i.priority), w.t(i.clock_start), w.t(i.response_due), Mark(left, "warn")])
    header = [
        w.m("report.id"),
        w.m("report.priority"),
        w.m("report.clock_start"),
        w.m("report.due"),
        w.m("report.left"),
    ]
    return Part(w.m("report.at_risk"), header, rows + more_row(hidden, len(header), w), key="at-risk")


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
                for link in cell.links if isinstance(cell, Links) else (cell,):
                    if isinstance(link, Link):
                        num = ref_number(link.anchor.removeprefix("art-").replace("-", "."))
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

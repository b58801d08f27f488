"""The monthly report as a list of sections in words: what text, Markdown and HTML all show.

Design notes
------------
* One list of :class:`Part` (title, header, rows, notes) feeds the three
  writers of :mod:`.render`, so they always show the same facts. Every word
  comes from the message catalogue (:mod:`sla_dsl.i18n`) in the report's
  language, every name of a rule from the policy's labels (:mod:`.words`);
  ids, zones and unknown channels are the log's own and shown as written.
* A report that judges something from before the earliest version's date says
  once, under the line of versions, that it is judged under the earliest
  (:func:`before_any_version`), as each such row's explanation says.
* The line of versions under the title names every version the report used:
  those in force during the period and any that judged a row it lists (an
  incident carried over from an earlier version's time is judged under that
  version). A priority's target in the summary and the incidents table is
  worded from the versions in force and those that judged a listed incident,
  the first with each change from its version's date (:func:`target_during`),
  so no verdict stands beside a target other than the one it was judged by.
  Every other target of the summary is worded alike (:func:`_during`): a named
  target and a notification rule on incident events from those versions, a
  rule on outages and the planned-stop notice from the versions in force and
  those that judged an outage or a stop it counts (:func:`judged_by`), a
  service's availability targets and a backup kind's interval and retention
  from the versions in force.
* A row counting a priority's incidents (the summary's response and named-target
  rows, the responses table) names the priority by the labels of the versions
  that judged its listed incidents, each once (:func:`priority_named`: ``P1
  優先度１／優先度１（緊急）`` when a version from mid-period relabels it), as the
  incidents table names each incident by its own; a row with no incident listed
  by the version at ``from`` (else the latest in force that has it).
* The summary's rows are those of every version in force during the period, as
  its priorities and named targets are: a notification rule, a planned-stop
  rule, a measured service (and each of its targets with ``when``) or a backup
  kind that a version in force from mid-period adds is judged from that date
  and has its row, after the first version's rows (:func:`every_rule`).
* The summary gives a headline verdict per commitment with its target next to
  the figure: the response target of each priority (met of judged, % achieved)
  followed by each of its named targets (resolution, first reply, periodic
  update: issue 12) in the policy's order, each notification rule (a rule that
  applies only when its event falls in open hours says so from its own event and
  calendar: :func:`notice_target`), planned-stop notices, availability, each
  backup kind. What is not judged yet follows
  (``1 open``, ``1 at risk``, ``1 awaiting notice``, a backup kind's days or
  windows not over: ``6 days pending``), and the verdict agrees with the result:
  not met, at risk, met (something judged), pending (only open items), ``-``
  (nothing at all to judge): never "met" over nothing, nor an availability
  figure over no measured time (``no time measured``: pending while its period
  runs, :func:`_nothing_measured`). A response
  settled before ``from`` of an incident carried over was counted by an earlier
  report: not counted again, and a note says how many (:mod:`.settled`). A named
  target is counted as the trend counts it (:func:`target_counts`: its key is
  the trend's :class:`~.trend.FigureKey`, an earlier settled verdict left out
  alike), so the trend's current month says what the summary says; the rows
  come from pydantic rows or the evaluator's compact verdicts alike. An
  availability figure below target over an incomplete period is "not met so
  far", never "met"; a continuous backup kind none of whose backups completed in
  the period (``Report.backups_taken``) is "cannot be verified", "none recorded",
  never "met", and one with a backup deleted before its retention is "not met"
  (:func:`_continuous_row`), its target only what its rule judges (zone,
  retention: :func:`continuous_target`); a figure beside its target is never rounded onto the
  target's other side (:func:`.words.percent_against`), and the lowest of
  several measurement periods says which it is (:func:`.periods.figure_words`).
* A service's availability target is worded from the versions that judged the periods the report
  lists (:func:`availability_words`): a report from inside a later version whose month began under an
  earlier one says the earlier version's target, which judges that month whole and gives the verdict,
  not the target of the version in force at ``from``.
* Every count of incidents is taken from the incidents :func:`sections` is given (``sla evaluate`` renders
  the evaluator's report skeleton, whose own incident rows are empty, with its compact verdicts beside it),
  never from ``report.incidents``: a notification rule on incident events read "nothing to judge", "met"
  in every page of the command (:func:`target_counts`).
* The note under the trend table says what its figures are from the commitments
  its rows have (:func:`trend_note`): a policy that measures no availability and
  takes no backups is not told of them.
* An exclusion is named under the article the policy gives it, never a fixed
  one: the availability table's row of excluded time lists the exclusions'
  articles (none: no number), and a summary row whose count an exclusion
  changed (an excluded incident of a priority, an excluded outage of a service
  or notice) cites that exclusion's article, so the appendix lists it
  (:class:`Excluded`). A policy that measures no service's availability has no
  availability section (:func:`measures_availability`).
* The title gives a period other than a calendar month by both ends alike
  (:func:`period_span`); the zone line the offsets in force during the period
  (:mod:`.zones`). The violations table lists a period below its availability
  target and a missed backup day or window by its id, which ``sla explain``
  takes (:func:`listed_id`). Its rows go by the time each shows, those that show one time in the
  engine's order: a response breach carried in from before ``from`` (due then, settled by a change of
  priority or attribute in the period) is dated at that change (:func:`~.violation_words.settled_later`),
  not first as the engine's order by ``at`` (its due time) has it, which the JSON keeps; a capped text
  table shows the first rows of that order (:func:`_violations`).
* "Incidents not met" lists breaches only, with how late each was as its target
  counts time (the business time of its calendar, or elapsed, so marked:
  :func:`~.violation_words.late_words`); incidents at risk have their own list,
  with the time each has left, alike. Each column's header says business time
  only when every row counts it; a table with an elapsed target has the plain
  header and every time marked with what it counts (:func:`_times_column`).
  When a response clock has several warning thresholds (``at risk at 50%, 75% of target``), the table
  of incidents at risk has a last column saying which each has passed (``目標の 75% が経過``); with one,
  "at risk" says which, and the table keeps its five columns (:func:`_at_risk`).
* The sections on operations (outages, planned stops, maintenance, backups) are
  built in :mod:`.operations`; a violation's words, from the row it is about
  and never from the engine's English, in :mod:`.violation_words` (each row it is about looked up
  by id in one index of the report's rows for the whole table); the shapes
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
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from operator import attrgetter
from typing import NamedTuple, TypeVar

import numpy as np

from ..i18n import format_month
from ..lang import model as lm
from . import LeftOutLine, PolicyRef, Report, Violation, _codes_given, judging_versions, named_mark, periods
from .conditions import condition_words, priority_targets
from .data_notes import Labels
from .operations import (
    backups_part,
    maintenance_part,
    outages_part,
    overlap_notes,
    rule_model,
    several_services,
    stops_part,
    to_the_second,
)
from .parts import IncidentLike, Part
from .rows import compact
from .settled import (
    clock_of,
    counts_in,
    done_of,
    earlier_responses,
    later_responses,
    outage_notice_counts,
    stop_counts_in,
    target_settled,
)
from .target_names import target_commitment
from .trend import FigureKey, continuous_label, measured_services, named_targets
from .violation_words import (
    ReportIndex,
    counts_elapsed,
    late_words,
    policy_labels,
    settled_later,
    target_of,
    time_between,
    violation_kind,
    violation_text,
)
from .words import (
    Anchor,
    Cell,
    Link,
    Links,
    Mark,
    PolicyWords,
    anchor,
    hours_minutes,
    percent_against,
    ref_number,
)
from .zones import zone_words

T = TypeVar("T")


def of_kind(violations: Sequence[Violation], kind: str) -> list[Violation]:
    """The violations of one kind, in order (a lazy sequence answers without building every breach)."""
    fast = getattr(violations, "of_kind", None)
    if fast is not None:
        found: list[Violation] = fast(kind)
        return found
    return [v for v in violations if v.kind == kind]


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
    """``Click So-ko サービスレベル報告書（2026年11月度）``; a period other than a calendar month by its
    two ends written alike (:func:`period_span`)."""
    p = report.period
    start, end = p.start, p.end
    one_month = start.day == 1 and start.hour == start.minute == 0 and end == _next_month(start)
    span = format_month(start.date(), w.lang) if one_month else period_span(w, start, end)
    return w.m("report.heading", name=report.policy.name, month=span)


def period_span(w: PolicyWords, start: dt.datetime, end: dt.datetime) -> str:
    """A period in the title, both ends in one form: from midnight to midnight its first and last day
    (``2026年11月2日(月) 〜 11月15日(日)``, one day alone), else both times (``2026年11月3日(火) 12:00 〜
    11月20日(金) 15:00``); 〜 in Japanese, `` - `` in English, as the tables write a period
    (``report.periods.range``); the first end with its year."""
    full = w.with_year()
    if start.time() == dt.time() and end.time() == dt.time():
        last = (end - dt.timedelta(microseconds=1)).date()
        if last <= start.date():
            return full.d(start.date())
        return w.m("report.periods.range", start=full.d(start.date()), end=w.d(last))
    return w.m("report.periods.range", start=full.t(start), end=w.t(end))


def _next_month(t: dt.datetime) -> dt.datetime:
    y, mo = (t.year + 1, 1) if t.month == 12 else (t.year, t.month + 1)
    return t.replace(year=y, month=mo, day=1)


def head_lines(report: Report, w: PolicyWords, incidents: Sequence[IncidentLike] | None = None) -> list[str]:
    """The lines under the title: the period, the policy versions and the time zone. The versions are
    every one the report names as used (:meth:`Report.versions_used`): in force during the period, or
    judging a row it lists, such as an incident carried over from an earlier version (``incidents``
    stands in for the report's, as in :func:`sections`)."""
    p = report.period
    tz = report.timezone or report.period.start.tzname() or ""
    offset = p.start.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else ""
    if tz == "Asia/Tokyo":
        zone = w.m("report.tz_japan")
    elif "/" in tz or tz == "UTC":  # the offsets in force during the period (São Paulo kept summer time in 2018)
        zone = w.m("report.tz_zone", zone=zone_words(tz, p.start, p.end, w))
    else:
        zone = w.m("report.tz_offset", offset=offset)
    sep = "、" if w.lang == "ja" else ", "
    used = [v.version for v in report.versions_used(incidents)] or [report.policy.version]
    full = w.with_year()
    lines = [
        w.m("report.period", start=full.t(p.start), end=full.t(p.end), as_of=full.t(p.as_of)),
        w.m("report.versions" if len(used) > 1 else "report.version", versions=sep.join(used))
        + ("" if w.lang == "ja" else " ")
        + zone,
    ]
    early = before_any_version(report, incidents)
    if early is not None and early.effective is not None:  # (as the rows' explanations say it, once)
        lines.append(w.m("report.versions.none_yet", version=early.version, effective=full.d(early.effective)))
    if n := len(report.input.skipped):  # the verdicts rest on a partial log: said before any of them
        key = "report.skipped.head.one" if n == 1 else "report.skipped.head.other"
        lines.append(w.m(key, n=f"{n:,}", section=w.m("report.skipped.title")))
    about = about_line(report, w, incidents)
    return lines + ([about] if about else [])


#: how many hex digits of a version's SHA-256 the documents show (the JSON has all 64)
FINGERPRINT_DIGITS = 12


def about_line(report: Report, w: PolicyWords, incidents: Sequence[IncidentLike] | None = None) -> str | None:
    """The head's last line, what reproduces the report: the fingerprint of each version it names as used
    (the first :data:`FINGERPRINT_DIGITS` hex digits of its ``sha256``: ``sha256sum`` of its file) and the
    tool that wrote it (``generator``); None when neither is known (a report read back from an older JSON)."""
    sep = "、" if w.lang == "ja" else ", "
    used = report.versions_used(incidents) or [report.policy]
    prints = sep.join(
        w.m("report.about.version", version=v.version, digest=v.sha256[:FINGERPRINT_DIGITS]) for v in used if v.sha256
    )
    g = report.generator
    tool = f"{g.name} {g.version}" if g is not None else ""
    if prints and tool:
        return w.m("report.about", fingerprints=prints, tool=tool)
    if prints:
        return w.m("report.about.fingerprints", fingerprints=prints)
    return w.m("report.about.tool", tool=tool) if tool else None


_TICKED = re.compile(r" ?`([^`]*)` ?")


def _as_data(said: str, lang: str) -> str:
    """A problem of the event log (the words of ``sla evaluate``'s diagnostics, its names and values in
    backticks) on a customer's page: the names and values quoted as data (「P9」, “P9”), no backtick (HTML
    has no code markup: it would print them; Markdown would escape them)."""
    if lang == "ja":
        return _TICKED.sub(lambda m: "「" + m.group(1) + "」", said)
    return _TICKED.sub(
        lambda m: (
            (" " if m.group(0).startswith(" ") else "")
            + "“"
            + m.group(1)
            + "”"
            + (" " if m.group(0).endswith(" ") else "")
        ),
        said,
    )


def _left_out_words(p: LeftOutLine, lang: str, labels: Labels) -> str:
    """A problem of a line left out in the reader's words: the event type it names by the policy's label or
    the contract's words, the attribute of a value by its label (as a ``data`` note names them), a name
    the policy does not label and the log's values quoted as data (:func:`_as_data`)."""
    said = p.marked.get(lang)
    if not said:
        return _as_data(p.message.get(lang) or p.message.get("en", ""), lang)
    for role, name in p.named.items():
        label = labels.event(name) if role == "event" else labels.attribute(name)
        mark = f"`{named_mark(role)}`"
        if not label or label == name:
            said = said.replace(mark, f"`{name}`")
        elif lang == "ja":  # (the blanks beside a name in backticks, as :func:`_as_data` takes them: none in Japanese)
            said = re.sub(f" ?{re.escape(mark)} ?", label.replace("\\", "\\\\"), said)
        else:
            said = said.replace(mark, label)
    return _as_data(said, lang)


def left_out_part(report: Report, w: PolicyWords, limit: int | None = None) -> Part | None:
    """The lines ``--skip-invalid`` left out of the event log, each problem a row (line, code, words), the
    first ``limit`` (all: None) and a row counting the rest; None when none was. A report read back from
    its JSON has their words in ``input.skipped`` only: a note says so."""
    skipped = report.input
    if not skipped.skipped and not skipped.left_out:
        return None
    shown = skipped.left_out if limit is None else skipped.left_out[:limit]
    labels = policy_labels(w)
    rows: list[list[Cell]] = [
        [str(p.line) if p.line else "-", p.code, _left_out_words(p, w.lang, labels)] for p in shown
    ]
    rows += more_row(len(skipped.left_out) - len(shown), 3, w)
    notes = () if skipped.left_out else (w.m("report.skipped.not_listed"),)
    header = [w.m("report.skipped.line"), w.m("report.skipped.code"), w.m("report.skipped.problem")]
    return Part(w.m("report.skipped.title"), header, rows, notes, key="skipped", numeric=(0,))


def before_any_version(report: Report, incidents: Sequence[IncidentLike] | None = None) -> PolicyRef | None:
    """The earliest version given when the report judges something from before its ``effective`` date
    (no version in force yet: the evaluator judges it under the earliest, and each such row's explanation
    says so): the period starting before it, or an incident's clock, an outage or a planned stop the
    report lists starting before it (``incidents`` stands in for the report's, as in :func:`sections`);
    else None."""
    given = [v for v in report.versions or [report.policy] if v.effective is not None]
    if not given:
        return None
    first = min(given, key=lambda v: v.effective or dt.date.max)
    assert first.effective is not None
    begins = dt.datetime.combine(first.effective, dt.time(), tzinfo=report.period.start.tzinfo).timestamp()
    if report.period.start.timestamp() < begins:
        return first
    starts = [o.start for o in report.outages] + [s.start for s in report.planned_stops]
    if any(t.timestamp() < begins for t in starts):
        return first
    rows = compact(report.incidents) if incidents is None else incidents
    fields = getattr(rows, "fields", None)
    if fields is not None:
        clocks = fields().clock
        return first if len(clocks) and float(clocks.min()) < begins else None
    return first if any(clock_of(i) < begins for i in rows) else None


def sections(
    report: Report,
    w: PolicyWords,
    incidents: Sequence[IncidentLike],
    violations: Sequence[Violation],
    limit: int | None = None,
) -> list[Part]:
    """Every section of the report, in order."""
    by_priority = _count(incidents)
    earlier = earlier_responses(incidents, report.period.start)  # judged in an earlier period's report
    later = later_responses(incidents, report.period.end)  # settled after `to`: the next period's report counts them
    ws = in_force(report, w, incidents)  # every version whose targets judged a listed incident
    judges = judged_by_priority(incidents)  # (per priority: the versions that judged its incidents, to name it)
    start = report.period.start
    tallies = target_counts(incidents, start, report.period.end)
    excluded = Excluded(report, w, incidents)
    counted = Counted(by_priority, earlier, tallies.targets, excluded, tallies.notices, later, judges)
    out = [_summary(report, w, counted, violations, ws)]
    if measures_availability(report, ws):  # (a policy that measures no service has no such section)
        out.append(_availability(report, w, ws))
    out.append(_incidents(report, w, by_priority, earlier, ws, later, judges))
    # Only the rows a list shows are looked for; the counts say how many more there are.
    breached = _first(incidents, "breached", sum(c["breached"] for c in by_priority.values()), limit)
    several = len({v for vs in judges.values() for v in vs}) > 1  # (each incident row then names its version)
    if breached.rows:
        out.append(_not_met(report, w, breached, several))
    risky = _first(incidents, "at_risk", sum(c["at_risk"] for c in by_priority.values()), limit)
    if risky.rows:
        out.append(_at_risk(report, w, risky, several))
    out += [
        outages_part(report, w),
        stops_part(report, w),
        maintenance_part(report, w),
        backups_part(report, w),
        _violations(report, w, incidents, violations, limit),
    ]
    left_out = left_out_part(report, w, limit)  # (the head says how many, and points here)
    return out + ([left_out] if left_out is not None else [])


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


def _notice_counts(report: Report, name: str, on_incidents: bool, counted: Counted) -> Counter[str]:
    """How many records a notify rule judged met, breached, open: from the outages' ``notices``, or for a
    rule on incident events from the listed incidents' ``targets`` (``counted.notices``:
    :func:`target_counts`, of the incidents :func:`sections` is given, never the report's own
    rows, which a report from ``sla evaluate`` leaves empty). An outage's notice counts in one period only,
    as an incident's does (:func:`.settled.outage_notice_counts`): not one an outage carried over settled before
    ``from``, nor one settled at or after ``to`` of an outage still down then (the next period counts it)."""
    if on_incidents:
        return counted.notices.get(name, Counter())
    t0, t1 = report.period.start.timestamp(), report.period.end.timestamp()
    return Counter(
        t.status
        for o in report.outages
        for t in o.notices
        if t.kind == "notify" and t.name == name and outage_notice_counts(o, t, t0, t1)
    )


def notice_target(w: PolicyWords, n: lm.Notify) -> str:
    """A notification rule's target in the summary: ``3営業時間以内``, and for a rule that applies only when
    the event it counts from falls in open hours (``only if … during``), that condition from the rule's
    own event and calendar: ``（営業時間内に認知した場合）`` for the recognition in business hours,
    ``（サービスの再開が営業時間内の場合）`` for a rule counting from ``outage.ended``, a calendar other
    than ``business`` by its label (as the site words the rule)."""
    duration = w.duration(n.within)
    if n.only_during is None:
        return w.m("report.target.within", duration=duration)
    if n.only_during == lm.BUSINESS:
        if n.after == "outage.recognized" and not w.relabelled(n.after):
            return w.m("report.target.notice", duration=duration)
        return w.m("report.target.notice_during", duration=duration, event=w.event_plain(n.after))
    return w.m(
        "report.target.notice_during_on",
        duration=duration,
        event=w.event_plain(n.after),
        calendar=w.calendar_label(n.only_during),
    )


def stop_target(w: PolicyWords, ps: lm.PlannedStop) -> str:
    """A planned-stop rule's target in the summary: ``開始日の1週間前までにメールで`` (``before start date``: any
    time that day), ``開始時刻の5日前までにメールで`` (``before start``: counted from the instant the stop starts)."""
    sep = "・" if w.lang == "ja" else " or "
    channels = sep.join(w.channel(c) for c in ps.channels)
    key = "report.target.stop_notice" if ps.anchor is lm.NoticeAnchor.START_DATE else "report.target.stop_notice_start"
    return w.m(key, duration=w.duration(ps.notice), channels=channels or "-")


def availability_target(w: PolicyWords, percent: float | None) -> str:
    """An availability target in the summary: ``99.5%以上``, or that none is stated."""
    return w.m("report.target.percent", percent=f"{percent:g}") if percent is not None else w.m("report.target.none")


def backup_target(w: PolicyWords, b: lm.Backup) -> str:
    """A backup kind's target in the summary: how often it is taken, and how long kept (``毎日1回以上・7日間保存``)."""
    goal = (
        w.m("report.target.daily")
        if b.every and b.every.amount == 1 and b.every.unit.value == "day"
        else (w.m("report.target.every", duration=w.duration(b.every)) if b.every else "-")
    )
    if b.keep is not None:
        goal += "・" if w.lang == "ja" else ", "
        goal += w.m("report.keep", keep=w.duration(b.keep))
    return goal


def judged_by(report: Report, w: PolicyWords, rows: Iterable[object] = ()) -> list[PolicyWords]:
    """The words of each version whose rules judged what a summary row of operations counts, by effective
    date: those in force during the period, and those that judged one of ``rows`` (their
    ``policy_version``: an outage or a planned stop begun before ``from``)."""
    names = {getattr(r, "policy_version", None) for r in rows}
    return w.during([*report.versions_in_force(), *sorted(n for n in names if isinstance(n, str))])


def _notice_text(name: str) -> Callable[[PolicyWords], str | None]:
    """The target of notification rule ``name`` as a version words it (None: the version has no such rule)."""

    def text(v: PolicyWords) -> str | None:
        rule = rule_model(v, name)
        return notice_target(v, rule) if rule is not None else None

    return text


def _stop_text(name: str) -> Callable[[PolicyWords], str | None]:
    """The target of planned-stop rule ``name`` as a version words it (None: the version has no such rule)."""

    def text(v: PolicyWords) -> str | None:
        rule = next((p for p in v.model.planned_stops if p.name == name), None) if v.model is not None else None
        return stop_target(v, rule) if rule is not None else None

    return text


def _availability_text(service: str, when: str | None = None) -> Callable[[PolicyWords], str | None]:
    """The availability target of ``service`` (``when``: of its target with that condition) as a version
    words it (None: the version measures no such service, or has no such target)."""

    def text(v: PolicyWords) -> str | None:
        s = next((x for x in v.model.services if x.name == service), None) if v.model is not None else None
        if s is None or (not s.availability_measured and s.availability_target is None):
            return None
        if when is None:
            return availability_target(v, s.availability_target)
        pt = next((t for t in s.plan_targets if str(t.when) == when), None)
        return availability_target(v, pt.percent) if pt is not None else None

    return text


def availability_words(
    report: Report, w: PolicyWords, vws: Sequence[PolicyWords], service: str, when: str | None
) -> list[PolicyWords]:
    """The words of each version the summary words ``service``'s availability target from (``when``: its
    target with that condition), by effective date: each that judged one of its periods the report lists
    (:func:`.periods.period_words`: in a report from inside a later version, the earlier version that judges the month
    it began in), and each in force during the period (``vws``) from a date after ``from`` (a change the
    period sees); ``vws`` when the report lists no period of it."""
    rows = periods.service_rows(report, service, when)
    if not rows:
        return list(vws)
    start = report.period.start.date()
    later = [v for v in vws if v.policy is not None and v.policy.effective > start]
    found: dict[tuple[str, dt.date], tuple[dt.date, PolicyWords]] = {}
    for v in [*(periods.period_words(w, p) for p in rows), *later]:
        if v.policy is not None:
            found.setdefault((v.policy.version, v.policy.effective), (v.policy.effective, v))
    return [v for _, v in sorted(found.values(), key=lambda x: x[0])]


def _backup_text(kind: str) -> Callable[[PolicyWords], str | None]:
    """The target of backup kind ``kind`` as a version words it (None: the version takes no such backup):
    taken at intervals (:func:`backup_target`), or continuously (:func:`continuous_target`)."""

    def text(v: PolicyWords) -> str | None:
        b = v.backup_rule(kind)
        if b is None:
            return None
        return continuous_target(v, b) if b.continuous else backup_target(v, b)

    return text


def _windows_result(
    w: PolicyWords, vws: Sequence[PolicyWords], b: lm.Backup, ok: int, judged: int, pending: int = 0
) -> str:
    """A backup kind's days or windows taken of those judged: ``20 of 30 days taken``, ``58 of 60 windows of
    12 hours taken`` (issue 13); the windows without a length when the versions in force (``vws``) take the
    kind at different intervals (12 hours, then 6 hours from a version's date: its target says each), and
    windows, not days, when some version takes it every N hours. The days or windows not over at ``as_of``
    (``pending``) follow, as the responses' open ones do (``24/24 日実施、未確定 6 日``); with none judged
    they alone are said (``30 days pending``, never ``0 of 0 days taken``; with none at all, "nothing to
    judge")."""
    every = [r.every for v in vws if (r := v.backup_rule(b.kind)) is not None and r.every is not None]
    every = list({str(e): e for e in every or ([b.every] if b.every is not None else [])}.values())  # (by value)
    hourly = any(e.unit.value == "hour" for e in every)
    unit = "window" if hourly else "day"
    said = [w.m(f"report.result.{unit}{'' if pending == 1 else 's'}_pending", n=pending)] if pending else []
    if not judged:
        return said[0] if said else w.m("report.result.nothing")
    if not hourly:
        taken = w.m("report.result.days", ok=ok, days=judged)
    elif len(every) > 1:
        taken = w.m("report.result.windows_changed", ok=ok, windows=judged)
    else:
        taken = w.m("report.result.windows", ok=ok, windows=judged, duration=w.duration(every[0]))
    return w.m("report.result.sep").join([taken, *said])


def _verdict(w: PolicyWords, bad: int, watch: int = 0, waiting: int = 0, judged: int = 1) -> Mark:
    """Not met (any bad), at risk (any at risk), met (something judged: ``judged``, none of it bad), else
    pending (nothing judged, ``waiting`` open), else ``-``: with nothing at all to judge a commitment is
    neither met nor pending (its result says "nothing to judge"), never "met" over nothing."""
    if bad:
        return Mark(w.m("report.verdict.not_met"), "bad")
    if watch:
        return Mark(w.m("report.verdict.watch"), "warn")
    if judged:
        return Mark(w.m("report.verdict.met"), "good")
    if waiting:
        return Mark(w.m("report.verdict.pending"), "")
    return Mark("-", "")


def _tally(w: PolicyWords, met: int, judged: int, waiting: int = 0, risky: int = 0, open_key: str = "open") -> str:
    """A summary's result: met of judged, then how many are open (``open_key``: ``open``, or
    ``awaiting`` a notice) and at risk, in the words of the incidents table (``2/3 件達成（66.7%）、
    対応中 1 件``); "nothing to judge" only when there is nothing at all."""
    said = [w.m("report.result.ratio", met=met, judged=judged, percent=_pct(met, judged))] if judged else []
    said += [w.m(f"report.result.{open_key}", n=waiting)] if waiting else []
    said += [w.m("report.result.at_risk", n=risky)] if risky else []
    return w.m("report.result.sep").join(said) or w.m("report.result.nothing")


def _judged_target(report: Report, service: str, when: str | None, target: float | None) -> float | None:
    """The target the summary's availability figure of ``service`` is kept on its side of: that of the period
    the figure is (its lowest, :func:`.periods.service_figure`), as the version in force then judged it (a
    version from mid-period may raise it), else ``target`` (the first version's)."""
    rows = periods.service_rows(report, service, when, target is not None) or periods.service_rows(
        report, service, when
    )
    low = min(rows, key=lambda p: p.ratio, default=None)
    return low.target if low is not None and low.target is not None else target


def _nothing_measured(report: Report, service: str, when: str | None, promised: bool | None) -> bool | None:
    """Whether no time of ``service``'s target (``when``) was measured in the period: every period row the
    summary's figure is taken from (:func:`.periods.service_figure`) measured none, else, without rows,
    the whole period's figure did. None when time was measured; True when some such period is not over
    (not final: more is measured as it runs), False when all are. A ratio over no time is 1.0 in the JSON
    (its contract), never "met" in words."""
    rows = periods.service_rows(report, service, when, promised) or periods.service_rows(report, service, when)
    if rows:
        if any(p.measured_minutes > 0 for p in rows):
            return None
        return not all(p.complete for p in rows)
    if report.availability.measured_minutes > 0:
        return None
    p = report.period
    return p.as_of < p.end


def _availability_verdict(w: PolicyWords, report: Report, service: str, target: float, when: str | None = None) -> Mark:
    """Not met (a complete period below target), not met so far (an incomplete period below it: the
    per-period table says "not final"), pending (no time measured yet in a period not over), ``-`` (no
    time measured in a period that is over: nothing to judge), not final, met so far (an incomplete
    period at or above it, as ``sla explain`` of the period says: a quarter in a monthly report may
    still end below it), else met."""
    if periods.periods_below(report, service, target, when):
        return Mark(w.m("report.verdict.not_met"), "bad")
    if periods.open_below(report, service, when):
        return Mark(w.m("report.verdict.below_so_far"), "warn")
    running = _nothing_measured(report, service, when, True)
    if running is not None:
        return Mark(w.m("report.verdict.pending"), "") if running else Mark("-", "")
    if periods.open_met(report, service, when):
        return Mark(w.m("report.verdict.met_so_far"), "")
    return Mark(w.m("report.verdict.met"), "good")


def _availability_figure(
    w: PolicyWords,
    report: Report,
    service: str,
    target: float | None,
    when: str | None = None,
    promised: bool | None = None,
) -> str:
    """The summary's availability figure of ``service`` (:func:`.periods.figure_words`), or "no time
    measured" when none was (a figure over no time is no figure)."""
    if _nothing_measured(report, service, when, promised) is not None:
        return w.m("report.result.nothing_measured")
    return periods.figure_words(w, report, service, target, when, promised=promised)


def in_force(report: Report, w: PolicyWords, incidents: Sequence[IncidentLike] | None = None) -> list[PolicyWords]:
    """The words of each version the summary and the incidents table word targets from, by effective date:
    those in force during the report's period and those that judged an incident it lists (one carried over
    from an earlier version's time is judged by that version's target, which must be shown beside its
    verdict). ``incidents`` stands in for the report's (:func:`sections`)."""
    given = report.versions or [report.policy]
    judged = judging_versions(compact(report.incidents) if incidents is None else incidents)
    known = judged | {(v.version, v.effective) for v in report.versions_in_force()}
    return w.during([v for v in given if (v.version, v.effective) in known or (v.version, None) in known])


def judged_by_priority(incidents: Sequence[IncidentLike]) -> dict[str, set[tuple[str, dt.date | None]]]:
    """Per priority, the versions that judged its listed incidents, as ``(version, effective)`` (as
    :func:`~sla_dsl.report.judging_versions` gives them: a row read back from JSON by its ``policy_version``,
    ``effective`` None). The evaluator's verdicts are read from their columns' codes of (rules, priority)."""
    pairs: Iterable[tuple[object, str]]
    if getattr(incidents, "fields", None) is not None:  # the evaluator's verdicts: every one has its rules
        made = getattr(incidents, "columns", None)
        c = made() if callable(made) else None
        if c is not None:  # (a handful of codes, not a year's objects)
            pairs = (c.kinds[k] for k in _codes_given(c.kind))
        else:
            pairs = set(map(attrgetter("rules", "priority"), incidents))
    else:
        pairs = {(getattr(i, "rules", None) or getattr(i, "policy_version", None), i.priority) for i in incidents}
    out: dict[str, set[tuple[str, dt.date | None]]] = {}
    for judged, pid in pairs:
        policy = getattr(judged, "policy", None)
        if policy is not None:
            out.setdefault(pid, set()).add((policy.version, policy.effective))
        elif isinstance(judged, str):
            out.setdefault(pid, set()).add((judged, None))
    return out


#: per priority, the versions that judged its listed incidents (:func:`judged_by_priority`)
Judges = Mapping[str, Collection[tuple[str, dt.date | None]]]


def priority_named(
    ws: Sequence[PolicyWords],
    w: PolicyWords,
    pid: str,
    judges: Judges,
    has: Callable[[PolicyWords], bool] | None = None,
) -> str:
    """``P1 優先度１``: priority ``pid`` as a row counting its listed incidents names it: by the labels of the
    versions that judged them (``judges``; of those, the ones ``has`` holds of, when any: a named target only
    some versions set), each label once (``優先度１／優先度１（緊急）``:
    :meth:`~.words.PolicyWords.priority_in`), so a version's relabel names the incidents it judged and no
    others; as :func:`priority_words` gives it when none is listed."""
    judged = w.judging(judges.get(pid, ()))
    if has is not None:
        judged = [v for v in judged if has(v)] or judged
    return w.priority_in(pid, judged) if judged else priority_words(ws, w, pid).priority(pid)


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

    def text(v: PolicyWords) -> str | None:
        if v.priority_rule(pid) is None:
            return None
        return priority_targets(v, pid) or v.target(pid)  # one per rule with `when` (issue 13)

    return _during(ws, w, text) or priority_targets(w, pid) or w.target(pid)


def _during(ws: Sequence[PolicyWords], w: PolicyWords, text_of: Callable[[PolicyWords], str | None]) -> str | None:
    """What ``text_of`` says in the versions in force (``ws``; None: a version without it): one text when
    they agree, else the first with each change from its version's date; None when none has it.

    Versions agree when their rules mean the same: when what they say differs only in the words of a
    contract event one of them relabels (``event outage.recognized "…" / "…"``, compared as
    :meth:`~.words.PolicyWords.unrelabelled` words it), they are one target, worded by the last of them
    (the version in force at the period's end, or the latest that judged a row): a version that only
    gives events words of its own changes no target."""
    said: list[tuple[PolicyWords, str]] = []
    meant: list[PolicyWords] = []  # (the words each said text's meaning is read in: without relabels)
    for v in ws:
        text = text_of(v)
        if text is None:
            continue
        # (a meaning is read only to compare two versions' texts: one version in force reads none)
        if said and said[-1][1] != text and text_of(meant[-1].unrelabelled()) == text_of(v.unrelabelled()):
            said[-1] = (said[-1][0], text)  # (the same rule: in the words of the later version)
            meant[-1] = v
        elif not said or said[-1][1] != text:
            said.append((v, text))
            meant.append(v)
    if not said:
        return None
    if len(said) == 1:
        return said[0][1]
    changes = [w.m("report.target.from", target=text, day=w.d(v.policy.effective)) for v, text in said[1:] if v.policy]
    return w.m("report.target.changed", target=said[0][1], changes=w.m("report.target.from_sep").join(changes))


def named_target_words(v: PolicyWords, key: FigureKey) -> str | None:
    """A named target of a priority (``key``: its name, priority and clock) as version ``v`` words it
    (:meth:`.words.PolicyWords.clock_target_words`); the rules of a priority with ``when`` (issue 13)
    that differ, each after its condition, those without the target left out; None when ``v`` has none."""
    rules = v.rules_of(key.priority) if key.priority is not None else ()
    said: list[tuple[lm.Priority, str]] = []
    for rule in rules:
        t = next((x for x in rule.targets if x.name == key.subject and x.clock == key.clock), None)
        if t is not None:
            said.append((rule, v.clock_target_words(t)))
    if not said:
        return None
    if len(said) == len(rules) and len({text for _, text in said}) == 1:
        return said[0][1]
    parts = []
    for rule, text in said:
        who = _whom(v, rule, rules, [r for r, _ in said])
        parts.append(f"{who}：{text}" if v.lang == "ja" else f"{who}: {text}")
    return ("／" if v.lang == "ja" else "; ").join(parts)


def _whom(v: PolicyWords, rule: lm.Priority, rules: Sequence[lm.Priority], shown: Sequence[lm.Priority]) -> str:
    """Whom ``rule`` of a priority (the first in file order whose ``when`` holds applies) gives a named target,
    when ``shown`` are the rules that have it: its condition; the rule without ``when``, ``その他`` /
    ``otherwise`` only when every rule before it is shown beside it, else by the conditions it is not for
    (``受付窓口が英語、かつ契約プランがスタンダードの場合以外``: a rule left out has no such target, and
    "otherwise" read as if its customers had it); a rule after one left out, with the conditions of those."""
    before = list(itertools.takewhile(lambda r: r is not rule, rules))
    hidden = [r.when for r in before if r not in shown and r.when is not None]
    if rule.when is None:
        if not hidden:
            return v.m("report.when.rest")
        conds = [condition_words(r.when, v) for r in before if r.when is not None]
        return v.m("report.when.except", conditions=v.m("report.when.or").join(conds))
    who = condition_words(rule.when, v)
    if not hidden:
        return who
    unless = v.m("report.when.except", conditions=v.m("report.when.or").join(condition_words(c, v) for c in hidden))
    return f"{who}（{unless}）" if v.lang == "ja" else f"{who} ({unless})"


class TargetCounts(NamedTuple):
    """The verdicts of the listed incidents' targets by status: per named target of a priority
    (``FigureKey("target", name, priority, clock)``, as the trend keys it), and per notification rule on
    incident events (by its name)."""

    targets: dict[FigureKey, Counter[str]]
    notices: dict[str, Counter[str]]


def target_counts(
    incidents: Sequence[IncidentLike], start: dt.datetime, end: dt.datetime | None = None
) -> TargetCounts:
    """How many verdicts of the listed incidents (``incidents``: pydantic rows or the evaluator's compact
    verdicts) have each status, in one pass: counted as the trend counts them (:func:`.trend.count_targets`),
    a named target under the incident's priority, less those of incidents carried over whose verdict was
    settled before ``start`` (an earlier report counted them, :mod:`.settled`) and those settled at or after
    ``end`` (the report's ``to``) of incidents not completed before it (the next report counts them); only the
    incidents that have targets are read (the evaluator's verdicts say which)."""
    t0 = start.timestamp()
    t1 = None if end is None else end.timestamp()
    fields = getattr(incidents, "fields", None)
    rows = (incidents[k] for k in fields().with_targets) if fields is not None else iter(incidents)
    out = TargetCounts({}, {})
    for i in rows:
        targets = getattr(i, "targets", ())
        if not targets:
            continue
        clock, done = clock_of(i), done_of(i)
        for t in targets:
            # (only a verdict, met or breached, settles: an open or excluded one stays in this report's count)
            judged = t.status in ("met", "breached")
            if not counts_in(clock, target_settled(t), done, t0, t1 if judged else None):
                continue
            if t.kind == "notify":  # (a notice on an incident event has its own row: `_notice_counts`)
                out.notices.setdefault(t.name, Counter())[t.status] += 1
            else:
                out.targets.setdefault(FigureKey("target", t.name, i.priority, t.clock), Counter())[t.status] += 1
    return out


class Excluded:
    """The articles of the exclusions that applied to what the summary counts: per priority (its
    excluded incidents), to the outages (excluded outages, per service they count against)."""

    def __init__(self, report: Report, w: PolicyWords, incidents: Sequence[IncidentLike]) -> None:
        self.by_priority: dict[str, list[str]] = {}
        for i in _excluded_incidents(incidents):
            refs = self.by_priority.setdefault(i.priority, [])
            refs += [n for n in w.for_row(i).exclusion_refs([getattr(i, "cause", None)]) if n not in refs]
        #: (the service an excluded outage names, or None, and the articles of its exclusion)
        self.outages = [
            (o.service, w.for_row(o).exclusion_refs([o.cause])) for o in report.outages if o.notice_status == "excluded"
        ]

    def of_service(self, service: str) -> list[str]:
        """The articles of the exclusions of outages counted against ``service`` (or naming none)."""
        return [n for s, refs in self.outages if s in (service, None) for n in refs]

    def of_incidents(self) -> list[str]:
        """The articles of the exclusions of every excluded incident."""
        return [n for refs in self.by_priority.values() for n in refs]


def _excluded_incidents(incidents: Sequence[IncidentLike]) -> Iterable[IncidentLike]:
    """The incidents whose cause is excluded (the evaluator's verdicts are looked up on columns)."""
    fields = getattr(incidents, "fields", None)
    if fields is None:
        return (i for i in incidents if i.status == "excluded")
    f = fields()
    codes = [k for k, (_, status) in enumerate(f.kinds) if status == "excluded"]
    if not codes:
        return ()
    return (incidents[k] for k in np.flatnonzero(np.isin(f.kind, codes)).tolist())


class Counted(NamedTuple):
    """What the summary counts of the incidents listed: per priority the responses by status (``by``),
    those judged in an earlier period (``earlier``), the named targets by status (``targets``), the
    exclusions that applied, per notification rule on incident events its notices by status
    (``notices``), per priority the responses settled after ``to`` that the next period counts
    (``later``), and per priority the versions that judged its incidents (``judges``)."""

    by: dict[str, Counter[str]]
    earlier: dict[str, Counter[str]]
    targets: dict[FigureKey, Counter[str]]
    excluded: Excluded
    notices: dict[str, Counter[str]]
    later: dict[str, Counter[str]]
    #: per priority, the versions that judged its listed incidents, which name it (:func:`priority_named`)
    judges: Judges


def every_rule(
    vs: Sequence[PolicyWords], rules: Callable[[lm.PolicyModel], Iterable[T]], name: Callable[[T], str]
) -> list[tuple[PolicyWords, T]]:
    """The rules ``rules`` gives of each version of ``vs``, once per ``name``, in the policy's order: those of
    the first version, then each rule a later one adds, each as the first version that has it has it, with
    that version's words (as the named targets are gathered: :func:`_target_keys`); so a rule a version in
    force from mid-period adds has its summary row."""
    found: dict[str, tuple[PolicyWords, T]] = {}
    for v in vs:
        for rule in rules(v.model) if v.model is not None else ():
            found.setdefault(name(rule), (v, rule))
    return list(found.values())


def _measured(model: lm.PolicyModel) -> list[lm.Service]:
    """The services whose availability ``model`` measures (with a target or without)."""
    return [s for s in model.services if s.availability_measured or s.availability_target is not None]


def _plan_targets(service: str) -> Callable[[lm.PolicyModel], tuple[lm.AvailabilityTarget, ...]]:
    """The targets with ``when`` of ``service`` in a version's model (none when it does not measure it)."""

    def targets(model: lm.PolicyModel) -> tuple[lm.AvailabilityTarget, ...]:
        return next((s.plan_targets for s in _measured(model) if s.name == service), ())

    return targets


def measures_availability(report: Report, ws: Sequence[PolicyWords]) -> bool:
    """Whether the report measures the availability of some service: the version at ``from`` does
    (``availability.service``), a period row says so, or a version in force has a measured service."""
    if report.availability.service is not None or report.availability_periods:
        return True
    return any(measured_services(v.model) for v in ws)


def _target_keys(ws: Sequence[PolicyWords], counts: dict[FigureKey, Counter[str]]) -> list[FigureKey]:
    """The named targets the summary shows: those of the versions in force in the policy's order, then
    those of incidents judged under another version, by priority (as the trend orders them)."""
    keys: list[FigureKey] = []
    for v in ws:
        keys += [k for k in named_targets(v.model) if k not in keys]
    others = sorted((k for k in counts if k not in keys), key=lambda k: (k.priority or "", k.subject, k.clock or ""))
    return keys + others


def _target_row(
    w: PolicyWords, ws: Sequence[PolicyWords], key: FigureKey, c: Counter[str], excluded: Excluded, judges: Judges
) -> list[Cell]:
    """The summary's row of a named target: met of judged, then what is open or at risk, and its verdict; its
    priority named by the versions that judged its incidents and set the target (:func:`priority_named`)."""
    pid = key.priority or ""
    pw = priority_words(ws, w, pid)
    has = [v for v in ws if named_target_words(v, key) is not None]
    judged, waiting = c["met"] + c["breached"], c["open"] + c["paused"]
    # the articles of the rules that set it (else of its priority), and of an exclusion that applied
    refs: list[str | lm.ArticleRef | None] = [p.ref for v in has or ws for p in v.rules_of(pid)]
    refs += excluded.by_priority.get(pid, []) if c["excluded"] else []
    clock = (has[0] if has else pw).clock_label(key.clock) if key.clock else "-"
    named = priority_named(ws, w, pid, judges, lambda v: named_target_words(v, key) is not None)
    return [
        target_commitment(w, named, key.subject, key.clock, clock),  # (a next reply by its label)
        _during(ws, w, lambda v: named_target_words(v, key)) or "-",
        _tally(w, c["met"], judged, waiting, c["at_risk"]),
        _verdict(w, c["breached"], c["at_risk"], waiting, judged),
        w.articles(refs),
    ]


def continuous_target(w: PolicyWords, b: lm.Backup) -> str:
    """A continuous backup kind's target in the summary: what its rule judges, taken in another zone and
    how long kept (``主ゾーンとは別のゾーンに取得・30日間保存``); only what the rule has, so a kind with
    ``keep`` alone is not said to be taken in another zone."""
    said = [w.m("report.target.zone")] if b.other_zone else []
    said += [w.m("report.keep", keep=w.duration(b.keep))] if b.keep is not None else []
    return ("・" if w.lang == "ja" else ", ").join(said) or "-"


def _continuous_row(w: PolicyWords, b: lm.Backup, goal: str, faults: ContinuousFaults) -> list[Cell]:
    """The summary's row of continuous backup kind ``b`` (``goal``: its target): its backups with a zone
    problem and its backups deleted before their retention (each "not met"), those that state no zone (not
    judged), else "no problem found"; not verified when some could not be judged, or when none of the kind
    completed in the period (``faults.taken``: per kind, how many did; None when not known, as in a report
    read back from a JSON written without them): nothing was judged then, so it is not "met". A deletion
    before its retention was listed among the violations while the row read "met"."""
    kind = b.kind
    bad, gaps, early = faults.zone[kind], faults.unstated[kind], faults.retention[kind]
    found = [w.m("report.result.zone_bad", n=bad)] if bad else []
    found += [w.m("report.result.zone_unstated", n=gaps)] if gaps else []
    found += [w.m("report.result.retention_bad", n=early)] if early else []
    none = faults.taken is not None and not faults.taken.get(kind) and not found
    result = w.m("report.result.none_taken") if none else w.m("report.result.zone_ok")
    unverified = Mark(w.m("report.verdict.unverified"), "warn")
    return [
        continuous_label(w, kind, b),
        goal,
        ("、" if w.lang == "ja" else "; ").join(found) or result,
        _verdict(w, bad + early) if bad or early or not (gaps or none) else unverified,
        w.article(b.ref),
    ]


class ContinuousFaults(NamedTuple):
    """What the summary's rows of continuous backup kinds count, per kind: backups in the primary zone
    (``backup_zone``), backups that state no zone (``data``, not judged), deletions before retention, and
    how many backups completed in the period (None when not known)."""

    zone: Counter[str | None]
    unstated: Counter[str]
    retention: Counter[str]
    taken: Mapping[str, int] | None


def _summary(
    report: Report,
    w: PolicyWords,
    counted: Counted,
    violations: Sequence[Violation],
    ws: Sequence[PolicyWords],
) -> Part:
    rows: list[list[Cell]] = []
    by, earlier, excluded = counted.by, counted.earlier, counted.excluded
    keys = _target_keys(ws, counted.targets)
    keys_of: dict[str | None, list[FigureKey]] = {}  # (each priority's named targets in order: looked up)
    for k in keys:
        keys_of.setdefault(k.priority, []).append(k)
    pids = sorted(
        set(by) | {p.id for v in ws if v.model for p in v.model.priorities} | {k.priority or "" for k in keys}
    )
    for pid in pids:
        c = by.get(pid, Counter())
        # responses judged in an earlier period (carried over, settled before `from`) are not counted again,
        # nor those settled after `to` of an incident the next period lists again (it counts them)
        before = earlier.get(pid, Counter()) + counted.later.get(pid, Counter())
        met, breached = c["met"] - before["met"], c["breached"] - before["breached"]
        judged = met + breached
        # every article its rules cite (one rule per plan, issue 13; each version in force), and those of
        # the exclusions that excluded an incident of it
        refs: list[str | lm.ArticleRef | None] = [p.ref for v in ws for p in v.rules_of(pid)]
        refs += excluded.by_priority.get(pid, [])
        rows.append(
            [
                w.m("report.commit.response", label=priority_named(ws, w, pid, counted.judges)),
                target_during(ws, w, pid),  # one per rule with `when` (issue 13), per version in force
                _tally(w, met, judged, c["open"], c["at_risk"]),
                _verdict(w, breached, c["at_risk"], c["open"], judged),
                w.articles(refs),
            ]
        )
        # then its named targets (resolution, first reply, periodic update: issue 12), in the policy's order
        for key in keys_of.get(pid, ()):
            rows.append(_target_row(w, ws, key, counted.targets.get(key, Counter()), excluded, counted.judges))
    # every rule of each version in force during the period (a commitment a version in force from
    # mid-period adds is judged from its date: it has its row too)
    vws = judged_by(report, w)  # (the versions in force during the period)
    given = [w, *vws]  # (the version at `from` first: its rules in its order)
    if w.model is not None:
        for nw, n in every_rule(given, lambda m: m.notifications, lambda n: n.name):
            # each rule's own verdicts (its row of `notices`, or of an incident's `targets`): a rule
            # with `when` counts only the records it applies to (issue 13)
            on_incidents = n.after.startswith("incident.")
            counts = _notice_counts(report, n.name, on_incidents, counted)
            judged_n, met_n = counts["met"] + counts["breached"], counts["met"]
            waiting = counts["open"] + counts["paused"]
            # its article, and those of the exclusions that excluded a record it judges
            notice_refs: list[str | lm.ArticleRef | None] = [n.ref]
            if counts["excluded"]:
                notice_refs += excluded.of_incidents() if on_incidents else [r for _, x in excluded.outages for r in x]
            # its target in each version that judged what it counts (incidents': as the priorities';
            # outages': those in force and those that judged an outage begun before `from`)
            nws = ws if on_incidents else judged_by(report, w, report.outages)
            rows.append(
                [
                    n.label.text(w.lang) or n.name,
                    _during(nws, w, _notice_text(n.name)) or notice_target(nw, n),
                    _tally(w, met_n, judged_n, waiting, counts["at_risk"], "awaiting"),
                    _verdict(w, counts["breached"], counts["at_risk"], waiting, judged_n),
                    w.articles(notice_refs),
                ]
            )
        sws = judged_by(report, w, report.planned_stops)  # (and those that judged a stop begun before `from`)
        # (a stop running across `from` is listed, but its notice was judged by the period it starts in)
        t0 = report.period.start.timestamp()
        stops = [s for s in report.planned_stops if stop_counts_in(s.start.timestamp(), t0)]
        for pw, ps in every_rule(given, lambda m: m.planned_stops, lambda p: p.name):
            ok = sum(s.notice_ok for s in stops)
            rows.append(
                [
                    w.m("report.commit.stops"),
                    _during(sws, w, _stop_text(ps.name)) or stop_target(pw, ps),
                    w.m("report.result.stops", ok=ok, total=len(stops)) if stops else w.m("report.result.nothing"),
                    _verdict(w, len(stops) - ok, judged=len(stops)),
                    w.article(ps.ref),
                ]
            )
        for _, s in every_rule(given, _measured, lambda s: s.name):
            target = s.availability_target
            # its targets with `when`, each on its own line (issue 13), of every version in force
            plans = every_rule(given, _plan_targets(s.name), lambda t: str(t.when))
            shown = s.label.text(w.lang) or s.name  # (its name when it has no label)
            name = shown + ("、" + w.m("report.when.others") if plans else "")  # issue 13
            plain_at = len(rows)  # (moved below the targets with `when` written above it: the policy's order)
            rows.append(
                [
                    w.m("report.commit.availability") + f"（{name}）"
                    if w.lang == "ja"
                    else f"{w.m('report.commit.availability')} ({name.replace('、', ', ')})",
                    # (as the versions that judged its periods word it: :func:`availability_words`)
                    _during(availability_words(report, w, vws, s.name, None), w, _availability_text(s.name))
                    or availability_target(w, target),
                    # the lowest period (issue 13), named when there are several, never rounded up to the
                    # target it is below
                    _availability_figure(
                        w, report, s.name, _judged_target(report, s.name, None, target), promised=target is not None
                    ),
                    _availability_verdict(w, report, s.name, target)
                    if target is not None
                    else Mark(w.m("report.verdict.measured"), ""),
                    w.articles([s.ref, *excluded.of_service(s.name)]),  # (and an exclusion that applied)
                ]
            )
            for tw, pt in plans:  # (whom it is promised to, in the words of the version that has it)
                who = f"{shown}、{periods.whom(tw, s.name, pt)}"
                rows.append(
                    [
                        w.m("report.commit.availability") + f"（{who}）"
                        if w.lang == "ja"
                        else f"{w.m('report.commit.availability')} ({who.replace('、', ', ')})",
                        _during(
                            availability_words(report, w, vws, s.name, str(pt.when)),
                            w,
                            _availability_text(s.name, str(pt.when)),
                        )
                        or availability_target(w, pt.percent),
                        _availability_figure(
                            w, report, s.name, _judged_target(report, s.name, str(pt.when), pt.percent), str(pt.when)
                        ),
                        _availability_verdict(w, report, s.name, pt.percent, str(pt.when)),
                        w.articles([s.ref, *excluded.of_service(s.name)]),
                    ]
                )
            # the rows in the policy's order, as the site and the tables list them: the targets with `when`
            # written above the one without first (:func:`sla_dsl.lang.service_plans.ordered`)
            above = {str(t.when) for t in s.plan_targets[: s.plan_targets_first]}
            rows.insert(plain_at + sum(str(pt.when) in above for _, pt in plans), rows.pop(plain_at))
        retention_bad = Counter(r.kind for r in report.retention if not r.ok)
        zone_bad = Counter(v.backup_kind for v in of_kind(violations, "backup_zone"))
        unstated = Counter(  # cannot be judged (a gap in the log), not a breach
            v.note.kind for v in of_kind(violations, "data") if v.note is not None and v.note.what == "zone_unstated"
        )
        days: dict[str, Counter[str]] = {}
        for row in report.backups:
            days.setdefault(row.kind, Counter())[row.status] += 1
        faults = ContinuousFaults(zone_bad, unstated, retention_bad, report.backups_taken)
        for bw, b in every_rule(given, lambda m: m.backups, lambda b: b.kind):
            label = b.label.text(w.lang) or b.kind
            # (the versions in force: a deletion is judged by the one in force when it is deleted)
            goal = _during(vws, w, _backup_text(b.kind)) or backup_target(bw, b)
            if b.continuous:
                rows.append(_continuous_row(w, b, goal, faults))
                continue
            c = days.get(b.kind, Counter())
            judged = c["ok"] + c["missed"]
            result = _windows_result(w, vws, b, c["ok"], judged, c["pending"])
            if retention_bad[b.kind]:
                result += ("、" if w.lang == "ja" else ", ") + w.m(
                    "report.result.retention_bad", n=retention_bad[b.kind]
                )
            rows.append(
                [
                    w.m("report.commit.backup", label=label),
                    goal,
                    result,
                    _verdict(w, c["missed"] + retention_bad[b.kind], 0, c["pending"], judged),
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
    carried = sum(c["met"] + c["breached"] for c in earlier.values())
    notes: tuple[str, ...] = (w.m("report.result.earlier", n=f"{carried:,}"),) if carried else ()
    left = sum(c["met"] + c["breached"] for c in counted.later.values())
    notes += (w.m("report.result.later", n=f"{left:,}"),) if left else ()
    return Part(w.m("report.summary"), header, rows, notes, key="summary")


# -- availability and incidents ------------------------------------------------------------


def _availability(report: Report, w: PolicyWords, ws: Sequence[PolicyWords]) -> Part:
    a = report.availability
    # the exclusions in general: the articles they cite (several listed, none without a number)
    refs = list(dict.fromkeys(n for v in ws for n in v.exclusion_refs()))
    said = w.m("report.tz_sep").join(w.article_ref(n) for n in refs)
    excluded = w.m("report.excluded.under", articles=said) if refs else w.m("report.excluded")
    sec = to_the_second(report)  # (rows of seconds: they add up as shown)
    rows: list[list[Cell]] = [
        [w.m("report.period_time"), hours_minutes(a.period_minutes, sec)],
        [
            w.m("report.excused_hours" if a.closed_minutes else "report.excused"),
            hours_minutes(a.excused_minutes, sec),
        ],
        [excluded, hours_minutes(a.excluded_minutes, sec)],
        [w.m("report.measured"), hours_minutes(a.measured_minutes, sec)],
        [w.m("report.downtime"), hours_minutes(a.downtime_minutes, sec)],
        [w.m("report.ratio"), percent_against(a.ratio, a.target, 4)],
    ]
    notes: list[str] = []
    if a.service is not None and several_services(report):  # which of them these figures are
        notes.append(
            w.m("report.availability_of", service=w.service_label(a.service), periods=w.m("report.credits.periods"))
        )
    notes += overlap_notes(report, w)
    return Part(
        w.m("report.availability"),
        [w.m("report.item"), w.m("report.time_hmmss" if sec else "report.time_hmm")],
        rows,
        tuple(notes),
        "availability",
        (1,),
    )


def _incidents(
    report: Report,
    w: PolicyWords,
    by: dict[str, Counter[str]],
    earlier: dict[str, Counter[str]],
    ws: Sequence[PolicyWords],
    later: Mapping[str, Counter[str]] | None = None,
    judges: Judges | None = None,
) -> Part:
    cols = ["met", "breached", "open", "at_risk", "excluded"]
    rows: list[list[Cell]] = []
    for pid in sorted(by):
        c = by[pid]
        judged = c["met"] + c["breached"]
        named = priority_named(ws, w, pid, judges or {})  # (by the versions that judged its incidents)
        row: list[Cell] = [named, target_during(ws, w, pid), str(c["total"])]
        row += [str(c[k]) for k in cols]
        row += [_pct(c["met"], judged), str(c["completed"])]
        rows.append(row)
    header = [w.m("report.priority"), w.m("report.target"), w.m("report.total")]
    header += [w.m(f"report.status.{k}") for k in cols] + [w.m("report.achieved"), w.m("report.completed")]
    carried = sum(c["met"] + c["breached"] for c in earlier.values())
    notes: tuple[str, ...] = (w.m("report.incidents_earlier", n=f"{carried:,}"),) if carried else ()
    left = sum(c["met"] + c["breached"] for c in (later or {}).values())
    notes += (w.m("report.incidents_later", n=f"{left:,}"),) if left else ()
    return Part(w.m("report.incidents"), header, rows, notes, key="incidents", numeric=tuple(range(2, 10)))


def _times_column(
    w: PolicyWords, times: Sequence[tuple[str, bool]], business: str, plain: str
) -> tuple[str, list[str]]:
    """The header and cells of a column of times each counted as its row's target counts time (``times``:
    the time, and whether it is elapsed, which :func:`~.violation_words.time_between` marks): the header
    ``business`` ("late by (business time)") when every row counts business time, its times unmarked;
    else the header ``plain`` ("late by"), which holds both, and every time marked with what it counts,
    elapsed or business time, so no header says business time above an elapsed figure."""
    if not any(elapsed for _, elapsed in times):
        return w.m(business), [t for t, _ in times]
    plain_cells = ("-", w.m("report.late_outside"))  # (no time to mark: none, late outside business hours)
    cells = [t if elapsed or t in plain_cells else w.m("report.in_business", time=t) for t, elapsed in times]
    return w.m(plain), cells


def _judged_under(w: PolicyWords, header: list[str], rows: list[list[Cell]], versions: Sequence[PolicyWords]) -> None:
    """The column of the version that judged each incident row (``versions``: its words per row), last, where
    more than one version judged the report's incidents: a customer reads a row due under the old target
    beside a target text that names the new one (``from 2027-01-01, 6 hours``). A row's own header cell (its
    id) stays first; the row saying how many more there are is added after."""
    header.append(w.m("report.judged_version"))
    for row, iw in zip(rows, versions, strict=True):
        row.append(iw.policy.version if iw.policy is not None else "-")


def _not_met(report: Report, w: PolicyWords, bad: Shown, several: bool = False) -> Part:
    shown, hidden = bad
    rows: list[list[Cell]] = []
    lates: list[tuple[str, bool]] = []
    for i in shown:
        iw = w.for_row(i)  # the version that judged the incident (its `policy_version`)
        rule = iw.rule_of(i)  # the rule of its priority that judged it (issue 13: chosen by its attributes)
        target = target_of(i, iw)
        lates.append((late_words(report, iw, i.response_due, i.responded_at, target), counts_elapsed(target)))
        rows.append(
            [
                i.id,
                iw.priority_of(i),
                w.t(i.clock_start),
                w.t(i.response_due),
                w.t(i.responded_at) if i.responded_at else Mark(_no_response(iw), "bad"),
                "",  # (how late: below, once every row's is known)
                w.article(rule.ref if rule else None),
            ]
        )
    late, cells = _times_column(w, lates, "report.late_business", "report.late")
    for row, cell in zip(rows, cells, strict=True):
        row[5] = Mark(cell, "bad")
    # the first `incident.responded`: headed by the policy's words for it, where it relabels the type
    responded, note = w.event_column("incident.responded", "report.responded")
    header = [
        w.m("report.id"),
        w.m("report.priority"),
        w.m("report.clock_start"),
        w.m("report.due"),
        responded,
        late,
        w.m("report.rule"),
    ]
    if several:
        _judged_under(w, header, rows, [w.for_row(i) for i in shown])
    notes = (note,) if note is not None else ()
    return Part(w.m("report.not_met"), header, rows + more_row(hidden, len(header), w), notes, key="not-met")


def _no_response(w: PolicyWords) -> str:
    """The cell of an incident not responded to: ``no response``, or where the policy relabels
    ``incident.responded``, none of it by its words (``no “First reply to the customer”``)."""
    if w.relabelled("incident.responded"):
        return w.m("report.no_response.relabelled", event=w.event_plain("incident.responded"))
    return w.m("report.no_response")


def _at_risk(report: Report, w: PolicyWords, risky: Shown, several: bool = False) -> Part:
    shown, hidden = risky
    rows: list[list[Cell]] = []
    lefts: list[tuple[str, bool]] = []
    risks: list[tuple[PolicyWords, float | None]] = []  # the last warning threshold each has passed
    for i in shown:
        left = "-"
        iw = w.for_row(i)  # the version that judged the incident (its `policy_version`)
        target = target_of(i, iw)
        if i.response_due is not None:  # (as its target counts time: elapsed, or its calendar's hours)
            left = time_between(iw, report.period.as_of, i.response_due, target)
        lefts.append((left, counts_elapsed(target)))
        risks.append((iw, risk_percent(i)))
        rows.append([i.id, iw.priority_of(i), w.t(i.clock_start), w.t(i.response_due)])
    header_left, cells = _times_column(w, lefts, "report.left", "report.left_plain")
    for row, cell in zip(rows, cells, strict=True):
        row.append(Mark(cell, "warn"))
    header = [
        w.m("report.id"),
        w.m("report.priority"),
        w.m("report.clock_start"),
        w.m("report.due"),
        header_left,
    ]
    # which threshold each has passed, when a response clock has several (`at risk at 50%, 75% of target`):
    # with one, "at risk" says which, and the table keeps its five columns
    if any(iw.threshold_passed(pct) for iw, pct in risks):
        header.append(w.m("report.risk.threshold"))
        for row, (iw, pct) in zip(rows, risks, strict=True):
            row.append(iw.m("report.risk.passed", percent=f"{pct:g}") if pct is not None else "-")
    if several:
        _judged_under(w, header, rows, [iw for iw, _ in risks])
    return Part(w.m("report.at_risk"), header, rows + more_row(hidden, len(header), w), key="at-risk")


def risk_percent(i: object) -> float | None:
    """The last warning threshold an at-risk incident's response has passed: a report row's
    ``at_risk_percent``, a compact verdict's ``risk_percent``; None for any other status."""
    pct = getattr(i, "at_risk_percent", None)
    pct = getattr(i, "risk_percent", None) if pct is None else pct
    return pct if isinstance(pct, float | int) and pct == pct else None  # (nan: none)


def _violations(
    report: Report,
    w: PolicyWords,
    incidents: Sequence[IncidentLike],
    violations: Sequence[Violation],
    limit: int | None,
) -> Part:
    # The rows that may be shown: those due before ``from`` (first in the engine's order, by ``at``: a breach
    # carried in is dated at the change that settled it, later) and the first ``limit`` of the rest.
    start = report.period.start
    early = list(itertools.takewhile(lambda v: v.at is not None and v.at < start, violations))
    rest = violations[len(early) :] if limit is None else violations[len(early) : len(early) + limit]
    candidates = [*early, *rest]
    hidden = 0 if limit is None else max(0, len(violations) - limit)
    # the incidents of the response breaches and of the breached targets of a priority that may be shown
    # (worded from the version and rule that judged them; the rest are counted, not written)
    wanted = {
        v.id
        for v in candidates
        if v.kind == "response_breached" or (v.target is not None and v.target.priority is not None)
    }
    by_id: dict[str, IncidentLike] = {}
    for i in incidents if wanted else ():
        if i.id in wanted:
            by_id[i.id] = i  # an incident's id is its own (one incident per id)
            if len(by_id) == len(wanted):
                break  # the scan stops at the last incident a shown breach is about
    # each row dated as it shows (a breach carried in: when it was settled), in the order of those dates
    dated = sorted(((settled_later(v, report, by_id) or v.at, v) for v in candidates), key=_shown_order)
    shown = dated if limit is None else dated[:limit]
    index = ReportIndex(report)  # (the rows the violations are about, by id: looked up, not scanned per row)
    rows: list[list[Cell]] = [
        [
            w.t(when) if when else "-",
            Mark(violation_kind(v.kind, w), "bad"),
            listed_id(v),
            violation_text(v, report, w, by_id, index),
            w.article(v.ref),
        ]
        for when, v in shown
    ]
    header = [w.m("report.when"), w.m("report.what"), w.m("report.id"), w.m("report.message"), w.m("report.rule")]
    return Part(
        w.m("report.violations", n=f"{len(violations):,}"),
        header,
        rows + more_row(hidden, len(header), w),
        key="violations",
        heads=(1, 2),  # a violation is named by what it is and whose (an id has several; a time is shared)
    )


def _shown_order(row: tuple[dt.datetime | None, Violation]) -> tuple[bool, float]:
    """Where a row of the violations table goes: by the time it shows (none last); ``sorted`` keeps the
    engine's order of rows that show one time."""
    when = row[0]
    return (when is None, when.timestamp() if when is not None else 0.0)


#: The commitments the trend counts as met of judged, in the table's order, and those whose verdicts are
#: an incident's (a notice only for a rule on incident events).
_COUNTED = ("response", "target", "notice", "stop_notice", "backup")


def trend_note(report: Report, w: PolicyWords) -> str:
    """What the figures of the trend table are (after its note on when the months were judged), worded from
    the commitments its rows have, so that a policy without availability or backups is not told of them:
    which are met of judged, availability's lowest period, continuous backups' zone problems; that an
    incident's verdict counts once, where the table has incidents' verdicts; how the change is shown (a
    count's change only where there is a count)."""
    kinds = {f.commitment for m in report.trend for f in m.figures}
    items = [w.m(f"report.trend.note_item.{k}") for k in _COUNTED if k in kinds]
    figures: list[str] = []
    if items:
        figures.append(w.m("report.trend.note_counted", items=_listed(w, items, " and ")))
    if "availability" in kinds:
        figures.append(w.m("report.trend.note_availability"))
    if "continuous_backup" in kinds:
        figures.append(w.m("report.trend.note_continuous"))
    said = [w.m("report.trend.note_figures", figures=w.m("report.trend.note_sep").join(figures))] if figures else []
    # what of an incident the table counts: a notice only of a rule on incident events (any version's)
    on_incidents = {n.name for p in w.policies for n in p.model.notifications if n.after.startswith("incident.")}
    notices = {f.subject for m in report.trend for f in m.figures if f.commitment == "notice"}
    of_incidents: list[str] = [k for k in ("response", "target") if k in kinds]
    of_incidents += ["notice"] if notices & on_incidents or (notices and not w.policies) else []
    if of_incidents:
        counted = [w.m(f"report.trend.note_incident.{k}") for k in of_incidents]
        said.append(w.m("report.trend.note_incidents", items=_listed(w, counted, " or ")))
    said.append(w.m("report.trend.note_change_faults" if "continuous_backup" in kinds else "report.trend.note_change"))
    return ("" if w.lang == "ja" else " ").join(said)


def _listed(w: PolicyWords, items: Sequence[str], last: str) -> str:
    """``items`` as a list in running text: ``応答・各目標`` in Japanese, ``a, b and c`` (``last``: `` and ``,
    `` or ``) in English."""
    if w.lang == "ja":
        return "・".join(items)
    return ", ".join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


def listed_id(v: Violation) -> str:
    """The ID column of the violations table: every violation by its id, the one ``sla explain`` takes; so
    a period below its availability target (``web:2026-11-01:plan=gold``) and a missed backup day or window
    (``files:2026-11-14``, ``logs:2026-11-30T12:00:00+09:00``) too, whose message names the service or the
    kind and the period. Those two were listed by words (:func:`~.violation_words.shown_id`, which
    ``sla explain``'s heading of a violation keeps): the service's label, a missed day by its date alone
    (``Sat 14 Nov``), which ``sla explain`` does not take, is the same for two kinds missed that day, and
    is not the day of the time the row is listed at (the day's end)."""
    return v.id


def articles(w: PolicyWords, parts: Sequence[Part], versions: Sequence[PolicyWords] = ()) -> Part:
    """The appendix: every article a row links to, with its title and the rules that cite it in the versions
    the report used (``versions``, :meth:`~sla_dsl.report.Report.versions_used`; else ``w``'s alone), a rule
    two of them label differently by each label once (``優先度１／優先度１（緊急）``:
    :meth:`~.words.PolicyWords.rules_at`)."""
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
        [Anchor(w.article_ref(n), anchor(n)), w.article_title(n), sep.join(w.rules_at(n, versions)) or "-"]
        for n in nums
    ]
    header = [w.m("report.rule"), w.m("report.article_title"), w.m("report.rules")]
    return Part(w.m("report.articles"), header, rows, key="articles")

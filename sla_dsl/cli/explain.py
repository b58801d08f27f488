"""``sla explain POLICY... EVENTS ID``: the reasons behind one verdict the monthly report shows.

Without ``--from``/``--to`` the item is judged over the period of the monthly
report that lists it, so the two agree: a calendar month in the policy's time
zone, judged as of the month's end (``--as-of`` changes that). The month is the
one the evaluator lists the item in (:func:`_anchor`): that of an incident's
``incident.reported`` (else its first event: one logged before the report is
that month's ``data`` violation, not the verdict), an outage's start, the start
of the window a planned stop's latest announcement gives (the window the
evaluator judges), a backup's deletion (else its completion); an id naming a
day or a time after its first ``:`` by that day in the policy's zone (a backup
day ``files:2026-11-14``, a measurement period ``content:2026-11-01:plan=premium``)
or that instant (a window of hours ``logs:2026-11-30T12:00:00+09:00``); for any
other id the month of the log's first event. With ``--from`` and ``--to`` the
item is judged over that period (one alone moves that edge of the month).

Every id a report lists can be explained: incidents, outages, planned stops,
deleted backups, backup days and windows, every violation
(:mod:`sla_dsl.report.explain`) and every measurement period of a service the
report lists in ``availability_periods``, under the id its violation has
(``content:2026-11-01``, below its target or not, or with no target:
:mod:`sla_dsl.report.explain_availability`), and every row of credits per missed
target by its key in a test file (``P1:respond:2026-12-01``:
:mod:`sla_dsl.report.explain_credits`), judged without ``--from`` and ``--to``
over the month that key names, or the whole quarter for a quarterly credit line
(the one report that settles it). The id is stripped, as the readers
strip the log's ids. An id nothing in the period has is refused naming every kind
of id explain takes, with its form and an example (:func:`_forms`). An id whose
every event is after ``--as-of`` is refused as not judged yet, and an id of a
service's period the report does not list as such, naming the periods it lists
(exit 1).
The text is in the policy's primary language unless ``--lang`` says otherwise.
The problems of the log's lines are told as ``sla evaluate`` tells them, every one of every line
(:func:`~sla_dsl.evaluation.check_events` runs before the period is chosen from the events left or any
refusal settles them), with ``--skip-invalid`` the lines left out said before any refusal.
The paths are read as ``sla evaluate`` reads them, the id after the one event
log (an event log among the policies is wrong usage, exit 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from ..calendars.timeargs import check_period_args, parse_edge
from ..errors import InputError, UsageError, flag_values
from ..events.schema import CODE, EventLog, Rec
from ..i18n import message
from ..report import AvailabilityPeriod, BackupRow, BreachCreditRow, IncidentRow, Report, Violation
from ..report.escape import printable
from ..report.explain import explain, explanation_json, render_explanations
from ..report.explain_availability import explain_period, period_ids, period_json, period_rows
from ..report.explain_credits import (
    VERSION,
    credit_day,
    credit_ids,
    credit_key,
    credit_months,
    credit_rows,
    credit_shaped,
    explain_credit,
    version_ids,
)
from ..report.explain_parts import Event, Explanation, events_of
from ..report.sections import one_year
from ..report.violation_words import instant
from ..report.words import PolicyWords, default_lang
from .langs import usage_lang
from .parsing import refuse_logs_among_policies

if TYPE_CHECKING:
    from ..evaluation.deadline_times import JudgedPeriod
    from ..policy.compiled import Policy


def explain_options(e: argparse.ArgumentParser, lang: str = "en") -> None:
    """Add ``--lang`` to the ``explain`` subparser, its help in ``lang``."""
    e.add_argument("--lang", choices=("ja", "en"), default=None, help=message("cli.help.explain.lang", lang))


def _month(t: dt.datetime) -> dt.datetime:
    return t.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _next(t: dt.datetime) -> dt.datetime:
    return t.replace(year=t.year + 1, month=1) if t.month == 12 else t.replace(month=t.month + 1)


def _anchor(log: EventLog, ident: str, tz: dt.tzinfo, as_of: dt.datetime | None = None) -> float | None:
    """The instant whose month's report lists the item, as the evaluator decides it: an incident's
    report (``incident.reported``; else its first event: a stray event before the report is the
    earlier month's ``data`` violation, not the verdict), an outage's start, the start of a planned
    stop's latest announced window (the one the evaluator judges; an announcement after ``as_of`` is
    not read), a backup's deletion (else its completion); for an id of the form ``NAME:DATE...`` (a
    backup day ``files:2026-11-14``, a measurement period ``content:2026-11-01:plan=premium``) noon
    of that day in the policy's zone ``tz``, for ``NAME:TIME`` (a backup window
    ``logs:2026-11-30T12:00:00+09:00``) that instant; else the log's first event."""
    deleted, started, reported = CODE["backup.deleted"], CODE["outage.started"], CODE["incident.reported"]
    if ident in log.incidents:
        recs = log.incidents[ident]
        return min((r[0] for r in recs if r[1] == reported), default=min(r[0] for r in recs))
    if ident in log.outages:
        recs = log.outages[ident]
        return min((r[0] for r in recs if r[1] == started), default=min(r[0] for r in recs))
    if ident in log.stops:
        recs = log.stops[ident]
        latest = _latest_announcement(recs, as_of)
        return latest if latest is not None else min(r[0] for r in recs)
    if ident in log.backups:
        recs = log.backups[ident]
        return min((r[0] for r in recs if r[1] == deleted), default=min(r[0] for r in recs))
    at = _named_time(ident, tz)
    if at is not None:
        return at
    day = credit_day(ident)  # (a row of credits per missed target: its measurement period's first day)
    if day is not None:
        return dt.datetime(day.year, day.month, day.day, 12, tzinfo=tz).timestamp()
    return min((r[0] for g in log.groups for recs in g.values() for r in recs), default=None)


def _latest_announcement(recs: list[Rec], as_of: dt.datetime | None) -> float | None:
    """The start of the window a planned stop's latest announcement (at or before ``as_of``) gives: the
    window the evaluator judges it on (:mod:`sla_dsl.evaluation.outages`, which reads its events in
    time, then content order: :mod:`sla_dsl.evaluation.order`); None without one."""
    announced = CODE["stop.announced"]
    limit = as_of.timestamp() if as_of is not None else math.inf
    anns = [r for r in recs if r[1] == announced and r[0] <= limit and isinstance(r[2][1], float | int)]
    if not anns:
        return None
    return float(max(anns, key=lambda r: (r[0], r[2][1], _number(r[2][2])))[2][1])


def _number(value: object) -> float:
    """A window's end to order announcements by (none first, as the evaluator orders absent fields)."""
    return float(value) if isinstance(value, float | int) else -math.inf


def _named_time(ident: str, tz: dt.tzinfo) -> float | None:
    """The instant the date or time after an id's first ``:`` names (``files:2026-11-30``: noon of that
    day in ``tz``, whatever the zone's offset; ``logs:2026-11-30T12:00:00+09:00``: that instant;
    ``content:2026-11-01:plan=premium``: the date before the condition); None when it names none."""
    _, sep, rest = ident.partition(":")
    if not sep:
        return None
    if rest[10:11] == "T":
        try:
            t = dt.datetime.fromisoformat(rest)
        except ValueError:
            return None
        return t.timestamp() if t.tzinfo is not None else None
    if rest[10:11] not in ("", ":"):
        return None
    try:
        d = dt.date.fromisoformat(rest[:10])
    except ValueError:
        return None
    return dt.datetime(d.year, d.month, d.day, 12, tzinfo=tz).timestamp()


def _completions(log: EventLog, ident: str) -> list[tuple[float, str]]:
    """When backup ``ident`` completed, and its kind (none: not a backup's id)."""
    completed = CODE["backup.completed"]
    return [(r[0], str(r[2][0])) for r in log.backups.get(ident, ()) if r[1] == completed]


def _backup_days(report: Report, taken_at: list[tuple[float, str]]) -> list[Any]:
    """The backup days (or windows of N hours) a backup's completions count in: what explains a backup
    that was not deleted, whose id no row of the report carries."""
    tz = report.period.start.tzinfo
    out: list[Any] = []
    for at, kind in taken_at:
        t = dt.datetime.fromtimestamp(at, tz)
        for b in report.backups:
            if b.kind != kind or b in out:
                continue
            if b.window_start is not None and b.window_end is not None:
                hit = b.window_start <= t < b.window_end
            else:
                hit = b.day == t.date()
            if hit:
                out.append(b)
    return out


def _items(result: Any, ident: str, versions: Sequence[str] = ()) -> list[Any]:
    """Every row of the judged period about ``ident``: verdict rows, a backup day (each of its windows
    of hours) or one window of hours (``logs:2026-11-30T12:00:00+09:00``), a service's measurement period
    (``content:2026-11-01``: its violation, when it has one, is explained with it), a row of credits per
    missed target (``P1:respond:2026-12-01``, with ``:version=V`` one of two versions' rows: ``versions``,
    by effective date), violations."""
    items: list[Any] = list(result.find(ident))
    kind, sep, rest = ident.partition(":")
    skeleton: Report = result.skeleton
    if sep:
        items += [b for b in skeleton.backups if b.kind == kind and _names(b, rest)]
        items += period_rows(skeleton, ident)
        if skeleton.breach_credits and credit_shaped(ident):  # (`:version=V`: a version of its credit line)
            ids = {i for c in skeleton.breach_credits for i in c.incidents} if VERSION in ident else set()
            items += credit_rows(skeleton, ident, _judged_by(result, ids), versions)
    found = {type(i) for i in items}
    for v in result.violations():
        if v.id == ident and not found & _ROWS_OF.get(v.kind, set()):
            items.append(v)
    return items


def _incident_rows(result: Any, ids: set[str]) -> dict[str, IncidentRow]:
    """The rows of the incidents ``ids`` (those a row of credits counts), by id, in one pass."""
    from ..evaluation.incident_rows import row

    return {inc.ident: row(result.ctx, inc) for inc in result.incidents if inc.ident in ids}


def _judged_by(result: Any, ids: set[str]) -> dict[str, str]:
    """The version that judged each incident of ``ids``: what ``:version=V`` of a credit's id names."""
    return {i: r.policy_version for i, r in _incident_rows(result, ids).items()}


def _forms(report: Report, policies: Sequence[Policy], w: PolicyWords) -> str:
    """Every kind of id explain takes, with its form and, where the report (else the policy) has one, an
    example: what a refusal of an id nothing has says."""
    model = min(policies, key=lambda p: p.effective).model
    first = report.period.start.date()
    said = [w.m("explain.form.item"), w.m("explain.form.violation")]
    backup = report.backups[0].kind if report.backups else (model.backups[0].kind if model.backups else None)
    if backup is not None:
        said.append(w.m("explain.form.backup", example=f"{backup}:{first.isoformat()}"))
    periods = period_ids(report)
    measured = next((s.name for p in policies for s in p.model.services), None)
    if periods or measured is not None:
        plain = [i for i in periods if i.count(":") == 1] or periods  # (one without a condition, if any)
        example = plain[0] if plain else f"{measured}:{first.replace(day=1).isoformat()}"
        said.append(w.m("explain.form.period", example=example))
    credits = credit_ids(report)
    line = next(
        (
            f"{r.id}:{c.kind}{f'@{c.clock}' if c.clock else ''}"
            for p in policies
            for r in p.model.priorities
            for c in r.breach_credits
        ),
        None,
    )
    if credits or line is not None:
        plain = [i for i in credits if i.count(":") == 2] or credits
        said.append(w.m("explain.form.credit", example=plain[0] if plain else f"{line}:{first.replace(day=1)}"))
    return w.m("explain.form.sep").join(said)


def _names(b: BackupRow, rest: str) -> bool:
    """Whether the part of an id after the backup kind names row ``b``: its day (``2026-11-30``: every
    window of the day), or the start of its window of hours, as an instant (the violation's id)."""
    if rest == b.day.isoformat():
        return True
    if b.window_start is None or rest[10:11] != "T":
        return False
    try:
        t = dt.datetime.fromisoformat(rest)
    except ValueError:
        return False
    return t.tzinfo is not None and instant(t) == instant(b.window_start)


def _service_named(ident: str, policies: Sequence[Policy]) -> bool:
    """Whether ``ident`` names a service's measurement period (``content:2026-11-01``,
    ``content:2026-11-01:plan=premium``), or means to: a service some version declares and a ``:``,
    whatever follows (``web:2026-11-1``, ``web:``), so that the periods there are are named."""
    name, sep, _ = ident.partition(":")
    return bool(sep) and any(s.name == name for p in policies for s in p.model.services)


def _refuse_after_as_of(
    log: EventLog,
    ident: str,
    period: tuple[dt.datetime, dt.datetime, dt.datetime],
    policies: Sequence[Policy],
    lang: str,
    skip_invalid: bool,
) -> None:
    """Refuse (exit 1) an id every event of which is after ``--as-of``: nothing about it is judged yet,
    which is what to say rather than that no period holds it (the problems of the lines first, every one
    ``sla evaluate`` tells over that ``period``, ``as_of`` last: the deadlines its judge would count too)."""
    as_of = period[2]
    times = [r[0] for g in log.groups for r in g.get(ident, ())]
    if not times or min(times) <= as_of.timestamp():
        return
    from ..evaluation.deadline_times import JudgedPeriod

    _settle(log, policies, skip_invalid, lang, JudgedPeriod(*(t.timestamp() for t in period)))
    full = PolicyWords(policies, lang)
    first = dt.datetime.fromtimestamp(min(times), as_of.tzinfo)
    raise InputError(full.m("explain.after_as_of", id=ident, first=full.t(first), as_of=full.t(as_of)), lang=lang)


def _kinds() -> dict[str, set[type]]:
    from ..report import IncidentRow, OutageRow, RetentionRow, StopRow

    return {
        "availability": {AvailabilityPeriod},
        "response_breached": {IncidentRow},
        "notice_breached": {OutageRow},
        "stop_notice_invalid": {StopRow},
        "backup_retention": {RetentionRow},
        "backup_missed": {BackupRow},
    }


_ROWS_OF = _kinds()


def _empty_month(
    args: argparse.Namespace, ident: str, start: dt.datetime, end: dt.datetime, no_from: bool, lang: str
) -> NoReturn:
    """Refuse (exit 2) the empty period of one edge given (``--to``, or ``--from``) and the other taken
    from the month whose report lists ``ident``: the refusal names that month's edge, with its value,
    and what to write instead (not a ``--from`` the user did not give)."""
    if no_from:
        said = message("cli.explain.empty.no_from", lang, id=ident, start=start.date().isoformat(), end=args.end)
    else:
        said = message("cli.explain.empty.no_to", lang, id=ident, start=args.start, end=end.date().isoformat())
    raise UsageError(said, lang=lang)


def _settle(
    log: EventLog, policies: Sequence[Policy], skip_invalid: bool, lang: str, period: JudgedPeriod | None
) -> None:
    """Settle the problems of the lines before a refusal that judges nothing, as ``sla evaluate`` settles
    them over ``period`` (:func:`~sla_dsl.evaluation.check_log`, the first step of judging it; None: a log
    with no event left, no deadline to count): raised in ``lang``, or with ``skip_invalid`` the lines left
    out said on stderr as it says them (none left out unsaid, the refusal after them)."""
    from ..evaluation import check_log
    from ..evaluation.common import Versions
    from ..events.problems import by_line, event_problems_in
    from .progress import say_skipped

    with event_problems_in(lang):
        check_log(Versions(policies), log, skip_invalid, period)
    if skip_invalid:
        say_skipped(by_line(log.left_out, lang), lang)


def _lines_of(log: EventLog, ident: str) -> list[int]:
    """The lines of the events about ``ident`` the reader read, filed or set aside for their form (a line
    it could not read an id from is nobody's)."""
    logs = [log] if log.aside is None else [log, log.aside]
    return sorted({r[3] for one in logs for group in one.groups for r in group.get(ident, ())})


def _refuse_left_out(log: EventLog, ident: str, lines: list[int], lang: str) -> None:
    """Refuse to explain ``ident`` when ``--skip-invalid`` left out every line about it that is not left (of
    ``lines``): said so, naming those lines as the skipped ones are named, not as an id no event has."""
    from ..events.problems import located

    gone = sorted({p.line for p in log.left_out} & set(lines))
    if not gone:
        return
    where = ("、" if lang == "ja" else ", ").join(located(log.source, n, None, lang) for n in gone)
    key = "explain.left_out.one" if len(gone) == 1 else "explain.left_out.other"
    raise InputError(message(key, lang, id=ident, where=where), lang=lang)


def explain_command(args: argparse.Namespace) -> int:
    """``sla explain``: print the explanation of one item."""
    from ..evaluation import check_events, judge_log
    from ..evaluation.common import Versions
    from ..events.problems import event_problems_in
    from ..events.reader import read_events
    from ..policy import declared_types, load_policies
    from .progress import reading_bar, say_skipped

    policy_paths, events_path = args.policies, args.events
    refuse_logs_among_policies(policy_paths, events_path, "explain", usage_lang(args))
    ident = args.ident.strip()  # (as the readers strip the ids of the log: ` 障害 A ` is `障害 A`)
    policies = load_policies(policy_paths, args.lang)
    tz = min(policies, key=lambda p: p.effective).tz
    tlang = args.lang or default_lang(policies)  # the language of the bar and of a bad time, as of the text
    args.said_lang = tlang  # (Ctrl-C's message too, and a write that fails)
    with event_problems_in(tlang), reading_bar(events_path, getattr(args, "quiet", False), lang=tlang) as progress:
        # Deferred: the problems of the lines are reported with those the policy check finds, in one run.
        log = read_events(
            events_path,
            skip_invalid=args.skip_invalid,
            progress=progress,
            defer=True,
            declared=declared_types(policies),
        )
    lines = _lines_of(log, ident)  # (before any check takes one out: to say so if all are left out)
    # Every check that needs no period, before one is chosen from the events left (a time outside the
    # supported years is its line's problem, not part of a period), and before any refusal settles the
    # problems: a line is told every problem `sla evaluate` tells it (an unknown priority, its form's).
    check_events(Versions(policies), log)
    with flag_values():
        as_of = parse_edge(args.as_of, tz, "--as-of", tlang) if args.as_of else None
        given = [
            parse_edge(v, tz, flag, tlang) if v else None for v, flag in ((args.start, "--from"), (args.end, "--to"))
        ]
    if given[0] is not None and given[1] is not None:
        start, end = given[0], given[1]
    else:
        at = _anchor(log, ident, tz, as_of)
        if at is None:
            _settle(log, policies, args.skip_invalid, tlang, None)  # the problems of the lines first, if any
            _refuse_left_out(log, ident, lines, tlang)
            words = PolicyWords(policies, tlang)
            raise InputError(words.m("explain.no_events", id=ident), lang=tlang)
        month = _month(dt.datetime.fromtimestamp(at, tz))
        start = given[0] or month
        end = month  # (a credit of a quarterly line: the whole quarter, the one report that settles it)
        for _ in range(credit_months(ident, [p.model for p in policies])):
            end = _next(end)
        end = given[1] or end
        if end <= start:  # one edge given, the other the month's: say which was taken from where
            _empty_month(args, ident, start, end, given[0] is None, tlang)
        if given[0] is None and as_of is not None and as_of < start:  # (likewise: not a --from never given)
            first = start.date().isoformat()
            raise UsageError(
                message("cli.explain.as_of.no_from", tlang, id=ident, as_of=args.as_of, start=first), lang=tlang
            )
    with flag_values():
        check_period_args(start, end, tlang, as_of)
    if as_of is not None:  # (a usage error first: an `--as-of` outside the period is refused as such)
        _refuse_after_as_of(log, ident, (start, end, as_of), policies, tlang, args.skip_invalid)
    known = any(ident in g for g in log.groups)
    taken_at = _completions(log, ident)  # (a backup's id: the day or window its completion counts in)
    # The log is consumed by judging it: one period, chosen before.
    with event_problems_in(tlang):
        result = judge_log(policies, log, start, end, as_of, skip_invalid=args.skip_invalid)
    if args.skip_invalid:  # the lines left out, said as `sla evaluate` says them (none left out unsaid)
        from ..events.problems import by_line

        say_skipped(by_line(log.left_out, tlang), tlang)
    versions = [p.version for p in sorted(policies, key=lambda p: p.effective)]
    items = _items(result, ident, versions)
    assert result is not None
    report: Report = result.skeleton
    if not items and taken_at:
        items = _backup_days(report, taken_at)
    lang = args.lang or default_lang(policies)
    w = PolicyWords(policies, lang, report.period.start.date(), one_year(report))
    if not items:
        if not any(ident in g for g in log.groups):  # (its lines all left out: said so, not "no events")
            _refuse_left_out(log, ident, lines, lang)
        full = PolicyWords(policies, lang)
        key = "explain.not_found" if known or ":" in ident else "explain.no_events"  # (no event has that id)
        if key == "explain.no_events":  # (an id the log writes in other capitals, `m1` for `M1`: matched exactly)
            near = min((i for g in log.groups for i in g if i.casefold() == ident.casefold()), default=None)
            if near is not None:
                raise InputError(full.m("explain.no_events.case", id=ident, near=near), lang=lang)
        ids = ""
        if not known and _service_named(ident, policies):  # (a measurement period's id: the periods listed)
            listed = period_ids(report)
            key = "explain.not_found.period" if listed else "explain.not_found.period.none"
            ids = ("、" if lang == "ja" else ", ").join(f"`{i}`" for i in listed)
        if VERSION in ident and credit_shaped(ident):  # (a version no row of the key is: the ids that would be)
            ids_of = {i for c in report.breach_credits for i in c.incidents}
            named = version_ids(report, ident, _judged_by(result, ids_of), versions)
            if named:
                key, ids = (
                    "explain.not_found.credit_version",
                    ("、" if lang == "ja" else ", ").join(f"`{i}`" for i in named),
                )
            if not ident.partition(VERSION)[2].strip():  # (`KEY:version=`: no version named at all)
                key = "explain.credit_version.empty" if named else "explain.credit_version.empty.none"
        forms = _forms(report, policies, w) if key == "explain.not_found" else ""
        base = ident.partition(VERSION)[0]
        said = w.m(key, id=ident, base=base, start=full.t(start), end=full.t(end), ids=ids, forms=forms)
        raise InputError(said, lang=lang)
    explanations: list[Explanation] = []
    for item in items:
        if isinstance(item, AvailabilityPeriod):  # (its figures taken apart: the report's rows and the policy)
            explanations.append(explain_period(item, report, w))
            continue
        if isinstance(item, BreachCreditRow):  # (the report's row, its incidents' rows for their due times)
            explanations.append(explain_credit(item, report, w, _incident_rows(result, set(item.incidents))))
            continue
        events = [e for g in log.groups for e in events_of(g.get(ident, ()), tz)]
        taken: list[Event] = []
        if isinstance(item, BackupRow):
            taken = [
                e
                for recs in log.backups.values()
                for e in events_of(recs, tz)
                if e.type == "backup.completed" and e.fields.get("kind") == item.kind
            ]
        explanations.append(explain(item, report, w, events, taken, items))  # (a violation: its incident's row)
    from ..evaluation.in_force import shadowed_notes

    for note in shadowed_notes(policies, lang):  # (W307: a higher number never in force again, said as evaluate)
        print(printable(f"sla: {message('cli.note', lang)}: {note}"), file=sys.stderr)
    if args.format == "json":  # each item's row, and the explanation the text gives, in its language
        dumped = [
            {**_row_json(i, report, w), "explanation": explanation_json(x, report, w)}
            for i, x in zip(items, explanations, strict=True)
        ]
        sys.stdout.write(json.dumps(dumped, ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(render_explanations(explanations, report, w))
    return 0


def _row_json(item: Any, report: Report, w: PolicyWords) -> dict[str, Any]:
    """An item's row for ``--format json``: a period's with its figures, a credit's with its id (its key)."""
    if isinstance(item, AvailabilityPeriod):
        return period_json(item, report, w)
    if isinstance(item, BreachCreditRow):
        return {"id": credit_key(item), **item.model_dump(mode="json")}
    dumped: dict[str, Any] = item.model_dump(mode="json")
    return dumped


__all__ = ["Violation", "explain_command", "explain_options"]

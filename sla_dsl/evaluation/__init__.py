"""Events + compiled policy (one or several versions) → an explained report.

Design notes
------------
* The flow: events are filed compactly by family and id (:mod:`sla_dsl.events`),
  checked against the policies (unknown priority, backup kind, or outage or incident cause is
  an input error naming the line), then each id's events are ordered by time
  and content (never by line: :mod:`.order`), events after ``as_of`` dropped
  and exact duplicates counted once. Each
  obligation is judged by its own module: :mod:`.incidents`, :mod:`.outages`
  (with stops, maintenance and availability), :mod:`.backups`.
* Contradictions between events (an outage that ends before it starts, any
  event of an incident before its report, two events of one id, instant and
  type that disagree, events about an id that was never opened) are
  not errors: the file is well formed, the facts disagree. They are reported in
  ``violations`` with kind ``data`` and the line, and the explanation of the
  affected row says how it was read. Nothing is silently dropped or repaired.
  Each is listed by the report whose period holds its event's time, as any
  other violation by its own period (:meth:`.common.Ctx.bad_data`).
* Versions (Article 5): each incident is judged under the version in force at
  its clock start, each outage at its start, each stop at its start, each
  backup day at its 00:00. The report header names the version in force at
  ``from``; ``versions`` lists all that were given.
* Judging works on its log in place: the checks take out the events the
  policies refuse and settle the log's problems, and each id's list of events
  is replaced by its ordered list (:func:`.order.prepare_groups`). So
  :func:`judge_log`, the command's step, consumes the log it is given (the
  command reads one log per run). The API's entries (:func:`judge`,
  :func:`evaluate`, :func:`evaluate_log`) leave a caller's log as it was: they
  judge a log of their own (:func:`own_log`), new dicts per family over the
  caller's lists of events (never changed, only replaced), so one log can be
  judged again, over another period or as of another time, or by two threads
  at once. A log they read themselves (a path, models, a table) is theirs.
* The API's entries refuse what the command refuses before judging: ``as_of``
  before ``from`` (:func:`check_as_of`, the command's words, which name the
  entries' parameters ``start``, ``end`` and ``as_of`` where the command names
  its flags: :data:`API_EDGES`), and a policy that
  is not a :class:`Policy` or a sequence of them (a TypeError naming it).
  :func:`judge_log` does not: the trend judges a month of the period alone as of
  the report's ``as_of``, which may come before that month starts.
* The API's entries say what they refuse in the policy's primary language (of
  its earliest version, the report's default: :func:`api_lang`), as the
  policy's own methods do: a period edge or ``as_of`` that is no time, has no
  offset, is of another type or lies outside the supported years, an empty or
  too long period, ``as_of`` before ``from``, and the log's problems (an
  :class:`~sla_dsl.events.problems.EventInputError`, a log that cannot be
  read), which the readers and the evaluator word in English and
  :func:`api_words` writes again from their words. English keeps ``lang``
  ``None``, as the English the API always gave. A policy given by its path (or
  its text) instead of loaded is refused in the primary language its header
  declares (:func:`named_lang`: read from the file's first bytes, never
  compiled), English when no header's ``languages`` can be read; a refusal of
  what is no policy at all (a number) has no policy to take a language from:
  English.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from os import PathLike
from typing import Any, Protocol

import numpy as np

from .._version import __version__
from ..calendars.bounds import MAX_PERIOD, MAX_PERIOD_YEARS, OutOfRangeError, check_time, flag_words
from ..calendars.timeargs import error_lang, parse_edge
from ..errors import InputError, NaiveDatetimeError
from ..events.problems import Problem, by_line, event_problems_in, in_line_order, problem
from ..events.reader import log_from
from ..events.schema import CODE, FAMILY_OF, PAYLOAD_BY_CODE, TYPES, EventLog, Rec
from ..files import collector_paused
from ..i18n import LANGS, message
from ..lang.diagnostics import Both, Words, listing, policy_language, words
from ..policy.compiled import Policy, declared_types
from ..report import Generator, InputSummary, LeftOutLine, Period, PolicyRef, Report, named_mark
from . import incidents
from .backups import judge_backups
from .breach_credits import judge_breach_credits
from .common import Ctx, Versions
from .credit_totals import credit_totals
from .deadline_times import JudgedPeriod, check_deadlines
from .declared import check_declared
from .event_times import Taken, check_event_times, first_of
from .id_forms import KnownIds, opened_at
from .incident_columns import Judged, judge_columns, prepare, report_permutation
from .order import prepare_groups, report_conflicts, violations_in_order
from .outages import judge_outages
from .result import Evaluation, VerdictColumns, Verdicts, columns_of, join_columns
from .select import check_attributes, collect_changes, distinct_payloads, note_unread
from .targets import judge_targets
from .trend import add_trend

__all__ = ["Evaluation", "check_log", "evaluate", "evaluate_log", "judge", "judge_log", "own_log"]

REPORTED, REPRIORITIZED = CODE["incident.reported"], CODE["incident.reprioritized"]
STARTED = CODE["outage.started"]
B_COMPLETED, B_DELETED = CODE["backup.completed"], CODE["backup.deleted"]
#: Outage causes the engine itself gives a meaning (others must be policy exclusions).
ENGINE_CAUSES = frozenset({"failure", "emergency", "planned"})


#: A period edge or ``as_of`` as callers give it: a datetime with a UTC offset, a date (00:00 in the
#: policy's time zone), or either as the command's text (see :func:`_instant`).
Time = dt.datetime | dt.date | str


class ArrowStream(Protocol):
    """A table read as an Arrow stream (``__arrow_c_stream__``): a polars or pandas DataFrame, a
    ``pyarrow.Table`` or ``RecordBatchReader``, DuckDB's result (for type checkers: pyarrow and pandas ship
    no types, and are ``Any`` to them). ``sla_dsl.ArrowStream``."""

    def __arrow_c_stream__(self, requested_schema: Any = None) -> object: ...


class LazyTable(Protocol):
    """A table whose query is run first: a polars ``LazyFrame`` (its ``collect()``). ``sla_dsl.LazyTable``."""

    def collect(self) -> ArrowStream: ...


#: What :func:`judge` and :func:`evaluate` take as events, as ``sla_dsl.evaluate`` does: event models or
#: dicts (any iterable of them), a log, a table (an Arrow stream, a polars ``LazyFrame``), a log file's path.
Events = Iterable[Any | Mapping[str, Any]] | EventLog | ArrowStream | LazyTable | str | PathLike[str]


def _instant(t: Time, tz: dt.tzinfo, what: str, lang: str = "en") -> float:
    """Epoch seconds of a period edge, refused (OutOfRangeError naming ``what``) outside the supported years.

    A text is read as the command's ``--from`` is (ISO 8601 with an offset, or a date); any other
    type is refused with a TypeError naming it, not an AttributeError from deep inside. Refusals in
    ``lang``."""
    if isinstance(t, str):
        return parse_edge(t, tz, what, lang).timestamp()
    if not isinstance(t, dt.date):
        raise TypeError(message("author.api.edge_type", lang, what=what, kind=type(t).__name__))
    try:
        if isinstance(t, dt.datetime):
            if t.tzinfo is None or t.utcoffset() is None:
                naive = message("author.api.naive", lang, what=what, text=t.isoformat())
                raise NaiveDatetimeError(naive, lang=error_lang(lang))
            return check_time(t, flag_words(what)).timestamp()
        day = dt.datetime(t.year, t.month, t.day, tzinfo=tz)
        return check_time(day, flag_words(what), t.isoformat()).timestamp()
    except OutOfRangeError as exc:
        raise (exc if lang == "en" else exc.in_lang(lang)) from None


def api_lang(policy: object) -> str:
    """The language an API entry words its refusals in: the primary language of the policy (of its
    earliest version, as the report's default), English when ``policy`` is none (see the module's notes)."""
    try:
        policies = policy_list(policy)
    except TypeError:
        return "en"
    if not policies:
        return "en"
    return policy_language(min(policies, key=lambda p: p.effective).model)


def named_lang(policy: str | PathLike[str]) -> str:
    """The language to refuse a policy given by its path (or its text) in, where a :class:`Policy` was
    expected: the primary language its header declares (``languages ja, en``: Japanese), read from the
    file's first bytes (a regular file's only: never a FIFO's, which would wait), never compiled; English
    when no header's ``languages`` can be read (no such file, no header)."""
    from ..lang.source import HEADER_BYTES, bytes_languages, file_languages

    raw = os.fspath(policy)
    if not isinstance(raw, str):
        return "en"
    if isinstance(policy, str) and ("\n" in raw or "{" in raw):  # (a policy's text, as load_policy reads it)
        languages = bytes_languages(raw[:HEADER_BYTES].encode("utf-8", errors="replace"))
    else:
        languages = file_languages(raw)
    return "ja" if languages and languages[0] == "ja" else "en"


@contextlib.contextmanager
def api_words(lang: str) -> Iterator[None]:
    """Inside: the log's problems and the calendars' worded refusals, which the readers and the evaluator
    word in English, are raised again in ``lang`` (an API entry's: :func:`api_lang`); English as they are."""
    if lang == "en":
        yield
        return
    with event_problems_in(lang):
        yield


def evaluate(
    policy: Policy | Iterable[Policy],
    events: Events,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    skip_invalid: bool = False,
    walk: bool = True,
) -> Report:
    """Judge ``events`` (models, dicts, a table, an EventLog or a log file's path) against ``policy``
    over [start, end): :func:`judge`'s report. An EventLog given is left as it was."""
    return judge(policy, events, start, end, as_of, skip_invalid=skip_invalid, walk=walk).report()


def evaluate_log(
    policy: Policy | Sequence[Policy],
    log: EventLog,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    skip_invalid: bool = False,
    walk: bool = True,
) -> Report:
    """Judge an :class:`EventLog` (see :func:`evaluate`), with the trend against earlier months; the log
    is left as it was."""
    if not isinstance(log, EventLog):
        raise TypeError(message("author.api.log_type", api_lang(policy), kind=type(log).__name__))
    return judge(policy, log, start, end, as_of, skip_invalid=skip_invalid, walk=walk).report()


def judge(
    policy: Policy | Iterable[Policy],
    events: Events,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    skip_invalid: bool = False,
    walk: bool = True,
    trend: bool = True,
) -> Evaluation:
    """Judge ``events`` (as :func:`evaluate` takes them) against ``policy`` over [start, end) as
    ``sla evaluate`` does, with the trend against earlier months unless ``trend=False`` (``--no-trend``):
    the compact verdicts, their rows built when asked for. ``judge(...).write_json(stream)`` writes
    the bytes ``sla evaluate --format json`` writes, row by row; ``judge(...).report()`` is
    :func:`evaluate`'s report. An EventLog given is left as it was (:func:`own_log`).

    Refused as the command refuses them: ``as_of`` before ``start`` (InputError), and a policy that
    is not a :class:`Policy` or a sequence of them (TypeError naming it)."""
    policies = policy_list(policy)
    said = api_lang(policies)  # (what it refuses, in the policy's primary language)
    # The log's tuples live until the report is built (as in judge_log): the cyclic collector paused
    # from the copy of the caller's log on, so that no generation-2 pass walks them meanwhile (for the
    # whole process, until the last evaluation running ends: collector_paused).
    with collector_paused(), api_words(said):
        # (the event types the policy versions declare; the events' problems settled with the evaluator's)
        log = log_from(events, declared=declared_types(policies), defer=True, skip_invalid=skip_invalid, lang=said)
        if log is events:  # the caller's log: judged on a log of this judging's own
            log = own_log(log)
        if policies:  # (none: judge_log refuses it)
            check_as_of(Versions(policies), start, end, as_of, said)
        result = judge_log(policies, log, start, end, as_of, skip_invalid=skip_invalid, walk=walk)
        if trend:
            add_trend(result, policies, log, judge_log, skip_invalid=skip_invalid)  # the trend by month (issue 16)
    return result


def policy_list(policy: object) -> list[Policy]:
    """The policy versions an API entry is given (a :class:`Policy` or any iterable of them, read once),
    as a list; anything else is a TypeError naming it, not an AttributeError from deep inside: in the
    primary language of the versions given among them (:func:`api_lang`), English when none is a policy; a
    path (or a policy's text) in the language of the policy it names (:func:`named_lang`)."""
    if isinstance(policy, Policy):
        return [policy]
    if isinstance(policy, (str, PathLike)):
        raise TypeError(message("author.api.policy_path", named_lang(policy), path=repr(str(policy))))
    if isinstance(policy, (bytes, bytearray, Mapping)) or not isinstance(policy, Iterable):  # (a dict: not its keys)
        raise TypeError(message("author.api.policy_type", "en", kind=type(policy).__name__))
    policies = list(policy)
    for k, p in enumerate(policies):
        if not isinstance(p, Policy):
            lang = api_lang([q for q in policies if isinstance(q, Policy)])
            kind = type(p).__name__
            if isinstance(p, (str, PathLike)):
                raise TypeError(message("author.api.version_path", lang, k=k, kind=kind, path=repr(str(p))))
            raise TypeError(message("author.api.version_type", lang, k=k, kind=kind))
    return policies


def own_log(log: EventLog) -> EventLog:
    """A log for one judging of ``log``, which judging then leaves as it was: new dicts per family over
    the same lists of events (judging replaces an id's list, it never changes one), and copies of the
    problems pending, the lines left out, the fields never read and the events set aside (``aside``). A
    dict per family, not the events: a year's log copies in milliseconds."""
    own = EventLog(log.source)
    own.groups = tuple(dict(group) for group in log.groups)
    own.count = log.count
    own.problems = list(log.problems)
    own.left_out = list(log.left_out)
    own.unread = list(log.unread)
    own.aside = log.aside  # (never changed by a judging: checked on a copy, :func:`_check_aside`)
    return own


#: The period's edges as the command's refusals of the period name them: its flags.
COMMAND_EDGES = {"from_flag": "--from", "to_flag": "--to", "as_of_flag": "--as-of"}
#: The period's edges as the API's entries name them where they refuse the period (no time, no offset,
#: another type, out of range, empty, too long, ``as_of`` before it starts): their parameters, ``start``,
#: ``end`` and ``as_of``, which a caller wrote.
API_EDGES = {"from_flag": "start", "to_flag": "end", "as_of_flag": "as_of"}


def check_as_of(versions: Versions, start: Time, end: Time, as_of: Time | None, lang: str = "en") -> None:
    """Check the period as :func:`period_bounds` does, and refuse ``as_of`` before ``start`` as ``sla
    evaluate`` refuses ``--as-of`` before ``--from``, in its words (in ``lang``), naming the parameters
    (:data:`API_EDGES`): nothing of the period can be judged before it starts (the API's entries only:
    :func:`judge_log` judges a month of the period alone as of an earlier time, for the trend)."""
    p0, _, t_as_of = period_bounds(versions, start, end, as_of, lang, API_EDGES)
    if t_as_of < p0:
        tz = versions.rules[0].tz
        said = message(
            "author.time.as_of_before",
            lang,
            as_of=dt.datetime.fromtimestamp(t_as_of, tz).isoformat(),
            start=dt.datetime.fromtimestamp(p0, tz).isoformat(),
            **API_EDGES,
        )
        raise InputError(said, lang=error_lang(lang))


def judge_log(
    policy: Policy | Sequence[Policy],
    log: EventLog,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    skip_invalid: bool = False,
    walk: bool = True,
    batch: bool = True,
) -> Evaluation:
    """Judge an :class:`EventLog` into compact verdicts (rows and explanations built when rendered).

    The step the command runs on the log it read: it consumes ``log`` (see the module's notes), and
    takes ``as_of`` before ``start``. To judge a log again, or from a program, use :func:`judge`.
    ``batch=False`` judges every incident one at a time (the reference path the
    columnar one is tested against) instead of the plain ones on columns.
    """
    # The log's tuples live until the report is built; keep the cyclic
    # collector from walking them on every generation-2 pass.
    with collector_paused():
        return _judge_log(policy, log, start, end, as_of, skip_invalid=skip_invalid, walk=walk, batch=batch)


def _judge_log(
    policy: Policy | Sequence[Policy],
    log: EventLog,
    start: Time,
    end: Time,
    as_of: Time | None,
    *,
    skip_invalid: bool,
    walk: bool,
    batch: bool,
) -> Evaluation:
    policies = policy_list(policy)
    if not policies:
        raise InputError("no policy to evaluate against")
    versions = Versions(policies)
    p0, p1, t_as_of = period_bounds(versions, start, end, as_of)
    ctx = Ctx(versions, p0, p1, t_as_of, log.source, walk=walk)
    incidents, breaches, duplicates = judge_part(ctx, log, skip_invalid=skip_invalid, batch=batch)
    return assemble(ctx, log, incidents, breaches, duplicates)


def judge_part(
    ctx: Ctx, log: EventLog, *, skip_invalid: bool = False, batch: bool = True
) -> tuple[list[incidents.Incident], list[incidents.Incident], int]:
    """What needs only the events of each id, on a log or on any part of one that holds all the events
    of its ids (:mod:`.partition`): check the events, put each id's in order, judge the incidents.
    Returns the incidents' verdicts and breaches (see :func:`judge_incidents`) and the duplicates
    counted once; outages, stops and backups are left ordered in ``log`` for :func:`assemble`."""
    ctx.events_from = check_log(ctx.versions, log, skip_invalid, JudgedPeriod(ctx.p0, ctx.p1, ctx.as_of))
    collect_changes(ctx, log)  # attributes on events a `changes at` lists: read with each incident's events
    note_unread(ctx, log)  # attributes on an event that does not carry them: kept, never read
    duplicates, conflicts = prepare_groups(log, ctx.as_of)
    report_conflicts(ctx, conflicts)
    judged, breaches, incident_duplicates = judge_incidents(ctx, log.incidents, batch=batch)
    return judged, breaches, duplicates + incident_duplicates


def period_bounds(
    versions: Versions,
    start: Time,
    end: Time,
    as_of: Time | None,
    lang: str = "en",
    edges: Mapping[str, str] = COMMAND_EDGES,
) -> tuple[float, float, float]:
    """The period [from, to) and ``as_of`` as epoch seconds, checked (no time, no offset, another type, out
    of range, empty, too long); what it refuses, in ``lang``, naming its ``edges`` (the command's flags, or
    the API's parameters: :data:`API_EDGES`)."""
    tz = versions.rules[0].tz
    p0, p1 = _instant(start, tz, edges["from_flag"], lang), _instant(end, tz, edges["to_flag"], lang)
    flags = {k: edges[k] for k in ("from_flag", "to_flag")}
    if p1 <= p0:
        raise InputError(message("author.time.empty_period", lang, **flags), lang=error_lang(lang))
    if p1 - p0 > MAX_PERIOD.total_seconds():  # at most MAX_PERIOD_YEARS
        first, last = (t if isinstance(t, str) else t.isoformat() for t in (start, end))
        said = message("author.time.long_period", lang, start=first, end=last, years=MAX_PERIOD_YEARS, **flags)
        raise InputError(said, lang=error_lang(lang))
    t_as_of = _instant(as_of, tz, edges["as_of_flag"], lang) if as_of is not None else p1
    return p0, p1, t_as_of


def assemble(
    ctx: Ctx, log: EventLog, judged: list[incidents.Incident], breaches: list[incidents.Incident], duplicates: int
) -> Evaluation:
    """The rest of an evaluation once the incidents are judged: outages, stops, maintenance and
    availability, backups, the violations in order, the report's header. One run calls it on its
    whole log; a partitioned run (:mod:`.partition`) on the merged outages, stops and backups."""
    versions, p0, p1, t_as_of = ctx.versions, ctx.p0, ctx.p1, ctx.as_of
    tz = versions.rules[0].tz
    out = judge_outages(ctx, log.outages, log.stops)
    backups, retention, taken = judge_backups(ctx, log.backups)
    breach_credits = judge_breach_credits(ctx, judged)  # (from every incident's verdict: after a merge too)
    primary = ctx.primary
    skeleton = Report(
        policy=_ref(primary.policy),
        period=Period(start=primary.dt(p0), end=primary.dt(p1), as_of=primary.dt(t_as_of)),
        incidents=[],
        outages=out.outages,
        planned_stops=out.stops,
        maintenance=out.maintenance,
        availability=out.availability,
        backups=backups,
        violations=violations_in_order(ctx),
        retention=retention,
        versions=[_ref(r.policy) for r in versions.rules],
        timezone=str(tz),
        input=InputSummary(
            events=log.count,
            duplicates=duplicates,
            skipped=list(log.skipped),
            skipped_by_language=skipped_by_language(log, primary.policy),
            left_out=left_out_lines(log),
        ),
        availability_periods=out.periods,
        credits=out.credits,
        backups_taken=taken,
        breach_credits=breach_credits,
        credit_totals=credit_totals(ctx, out.credits, breach_credits),
        generator=Generator(name=GENERATOR, version=__version__),
    )
    return Evaluation(ctx, judged, breaches, skeleton)


#: the tool's name in a report's ``generator`` (the package's, as ``pip`` knows it)
GENERATOR = "sla-dsl"


def _ref(policy: Policy) -> PolicyRef:
    """A version as a report names it: its name, version, date and the SHA-256 of its text as read."""
    return PolicyRef(name=policy.name, version=policy.version, effective=policy.effective, sha256=policy.sha256)


def skipped_by_language(log: EventLog, policy: Policy) -> dict[str, list[str]]:
    """The lines ``--skip-invalid`` left out of ``log`` as ``input.skipped`` says them, in each language
    ``policy`` declares (English when it declares none), the primary first; empty when none was left out."""
    if not log.left_out:
        return {}
    langs = [lang for lang in policy.model.header.languages if lang in LANGS] or ["en"]
    return {lang: by_line(log.left_out, lang) for lang in langs}


def left_out_lines(log: EventLog) -> list[LeftOutLine]:
    """Each problem of the lines ``--skip-invalid`` left out of ``log``, in line order, worded in every
    language, for the documents (the JSON's ``input.skipped`` says them in English)."""
    return [_left_out_line(p) for p in in_line_order(log.left_out)]


#: the arguments of a log problem's words that name what a policy may label, by their role on a customer's page
#: (:attr:`~sla_dsl.report.LeftOutLine.named`): an event type, and the attribute of a value (E129: its value
#: stays the log's, as data)
_NAMED_ARGS = {"event": "event", "name": "attribute"}
#: the problems whose ``name`` is an attribute a policy declares (E128's is one it does not: no label)
_ATTRIBUTE_KEYS = frozenset({"events.E129"})


def _left_out_line(p: Problem) -> LeftOutLine:
    """One problem of a line left out, in every language, with the names a policy may label marked."""
    said = {lang: p.text(lang) for lang in LANGS}
    if p.words is None:
        return LeftOutLine(line=p.line, code=p.code, message=said)
    named = {
        _NAMED_ARGS[k]: v
        for k, v in p.words.args
        if k in _NAMED_ARGS and isinstance(v, str) and (k != "name" or p.words.key in _ATTRIBUTE_KEYS)
    }
    if not named:
        return LeftOutLine(line=p.line, code=p.code, message=said)
    roles = {k: _NAMED_ARGS[k] for k in _NAMED_ARGS if _NAMED_ARGS[k] in named}
    marks = Words(p.words.key, tuple((k, named_mark(roles[k]) if k in roles else v) for k, v in p.words.args))
    marked = {lang: marks.text(lang) for lang in LANGS}
    return LeftOutLine(line=p.line, code=p.code, message=said, named=named, marked=marked)


def check_log(
    versions: Versions, log: EventLog, skip_invalid: bool = False, period: JudgedPeriod | None = None
) -> float | None:
    """Check a read log against the policies before judging; raise every problem at once (or drop those lines).

    Event times must lie in the supported years (E123); priorities, backup kinds
    and the causes of outages and incidents must be ones the policies know
    (E120-E122); so must attributes and their values (E128, E129) and event types
    (E103). Every one of these checks sees every event, and the events they
    refuse leave the log once all have seen them (:class:`~.event_times.Taken`):
    a line with several problems is told them all. Then the deadlines counted
    from the events that are left, in what the judge of ``period`` computes
    (E124; without it, every event's). Problems the reader deferred are settled
    with these, in line order, and the values of the lines they refuse are
    checked too (:func:`_check_aside`).

    Returns the instant of the log's earliest event as it was checked, which no event left lies before,
    when that is known from the checks (not when one had a time outside the supported years), else None.
    """
    spans = _check_kept(versions, log)
    check_deadlines(versions, log, period, spans)  # E124: deadlines past the supported years, on the events left
    _check_aside(versions, log)
    log.settle(skip_invalid)
    return first_of(log, spans)


def check_events(versions: Versions, log: EventLog) -> None:
    """The checks of :func:`check_log` that need no period, without settling: the problems of the times
    outside the supported years (E123), of the values and attributes the policies do not know (E120-E122,
    E128-E130) and of the types they do not declare (E103) filed, the events they refuse taken out of
    ``log`` once every check has seen them, and the lines set aside for their form checked too.

    ``sla explain`` runs them before it chooses its period from the events left (an event of year 2300
    names no month) or refuses an id: so a line is told every problem ``sla evaluate`` tells it, whatever
    the command settles first. :func:`judge_log`'s :func:`check_log` then finds nothing more in them."""
    _check_kept(versions, log)
    _check_aside(versions, log)


def _check_kept(versions: Versions, log: EventLog) -> list[tuple[float, float] | None]:
    """The checks of the events the reader filed (E123, E120-E122, E130, E128, E129, E103), the events they
    refuse taken out once every check has seen them; returns :func:`~.event_times.check_event_times`'
    spans, for the deadlines."""
    taken = Taken()  # (the events refused: taken out once every check has seen them)
    spans = check_event_times(log, taken)
    # Each family's distinct payloads, gathered in one pass (a superset once records are taken out).
    payloads: dict[int, set[tuple[Any, ...]]] = {}
    _check_values(versions, log, payloads, taken)
    check_attributes(versions, log, taken, payloads)  # E128, E129: attributes the policies do not declare
    check_declared(versions, log, taken)  # E103: events of a type that no policy version declares
    taken.out(log)
    return spans


def _check_aside(versions: Versions, log: EventLog) -> None:
    """File the problems of the values the policies must know of the lines whose form the reader refused
    (``log.aside``: each line's event with the fields at fault stood in for), with the log's: a time
    outside the supported years (E123), an unknown priority, backup kind, cause or service (E120-E122,
    E130), an attribute not declared (E128, E129). So a line with ``at`` without an offset and priority
    ``P9`` is told both at once, as ``sla test`` tells the events of a case. Checked on a copy of the
    aside's groups (a log judged again, :func:`own_log`, checks it again), which the log then lets go."""
    aside = log.aside
    if aside is None:
        return
    log.aside = None
    own = EventLog(log.source)
    own.groups = tuple(dict(group) for group in aside.groups)
    own.unread = list(aside.unread)
    own.cells = lambda line, field: log.written(line, field) or aside.written(line, field)
    taken = Taken()  # (every check sees every event: the copy is let go, nothing need be taken out of it)
    check_event_times(own, taken)
    _check_values(versions, own, {}, taken)
    check_attributes(versions, own, taken)
    log.problems.extend(own.problems)


def _priority_by_label(versions: Versions, value: str) -> tuple[str, Both] | None:
    """The id and label (each language its own) of the first priority rule, the latest version first, one of
    whose labels is ``value`` in any capitals (``urgent`` for ``P1 "緊急" / "Urgent"``), else ``None``."""
    folded = value.casefold()
    for rules in reversed(versions.rules):
        for p in rules.model.priorities:
            if any(label and label.casefold() == folded for label in (p.label.ja, p.label.en)):
                return p.id, Both(p.label.ja or p.label.en or p.id, p.label.en or p.label.ja or p.id)
    return None


def _check_values(versions: Versions, log: EventLog, payloads: dict[int, set[tuple[Any, ...]]], taken: Taken) -> None:
    """File E120-E122 and E130 for each priority, backup kind, cause and service of ``log`` the policies do
    not know, and note those events in ``taken``, out of the log once every check has seen them
    (``payloads``: each family's distinct payloads, gathered here when missing, for the checks after)."""
    priorities = versions.all_priorities
    kinds = versions.all_backup_kinds
    causes = ENGINE_CAUSES | versions.all_exclusions
    problems = log.problems  # with those the reader deferred: settled together, in line order

    def known(value: str, allowed: set[str] | frozenset[str], field: str, r: Rec, code: str) -> bool:
        if value in allowed:
            return True
        key = field.replace(" ", "_")
        listed = listing([f"`{a}`" for a in sorted(allowed)], ", ")
        said = words("events.E120", field=words(f"events.field.{key}"), value=value, event=TYPES[r[1]])
        # (`p1` for `P1`: an export that writes its values in small letters, or a title written in capitals)
        meant = next((a for a in sorted(allowed) if a.casefold() == value.casefold()), None)
        # (`urgent` for `P1 "緊急" / "Urgent"`: a desk's name of the priority, its label in some language)
        labelled = _priority_by_label(versions, value) if key == "priority" and meant is None else None
        hint = (
            words("events.E120.help.case", name=meant, listed=listed)
            if meant is not None
            else words("events.E120.help.label", value=value, name=labelled[0], label=labelled[1])
            if labelled is not None
            else words("events.E120.help.known", listed=listed)
            if allowed
            else words("events.E120.help.none", fields=words(f"events.fields.{key}"))
        )
        problems.append(problem(log.source, r[3], code, said, hint))
        return False

    # The records found bad are noted in ``taken`` by their group and id (their places in its list): taken
    # out only after every check has seen them, so that a line with two unknown values (a priority and a
    # cause), or one and an undeclared attribute, is told them all at once, and left out once.
    for group, codes, allowed, field, err, at in (
        (log.incidents, (REPORTED, REPRIORITIZED), priorities, "priority", "E120", 0),
        (log.incidents, (REPORTED,), causes, "cause", "E122", 1),
        (log.backups, (B_COMPLETED, B_DELETED), kinds, "backup kind", "E121", 0),
        (log.outages, (STARTED,), causes, "cause", "E122", 0),
        (log.outages, (STARTED,), {s.name for r in versions.rules for s in r.model.services}, "service", "E130", 1),
    ):
        # The value checked is payload field ``at`` of these types (a payload's
        # length names its type in its family). The values used come from the
        # distinct payloads; only when one is unknown are the ids that use it
        # looked for, and only those refiled.
        family = FAMILY_OF[codes[0]]
        if family not in payloads:
            payloads[family] = distinct_payloads(group)
        sizes = {len(PAYLOAD_BY_CODE[c]) for c in codes}
        used = {p[at] for p in payloads[family] if len(p) in sizes}
        used.discard(None)
        if used <= allowed:
            continue
        bad_ids = [
            ident
            for ident, recs in group.items()
            if any(r[1] in codes and r[2][at] is not None and r[2][at] not in allowed for r in recs)
        ]
        for ident in bad_ids:
            for i, r in enumerate(group[ident]):
                if r[1] in codes and r[2][at] is not None and not known(r[2][at], allowed, field, r, err):
                    taken.add(group, ident, i)


def judge_incidents(
    ctx: Ctx, groups: dict[str, list[Rec]], *, batch: bool = True
) -> tuple[list[incidents.Incident], list[incidents.Incident], int]:
    """Judge every incident of the log: the verdicts on those in the period, in report order;
    the breaches due in the period (violations, put in order by :class:`.result.Violations`);
    how many exact duplicates were counted once.

    With ``batch`` the plain incidents are judged on columns (:mod:`.incident_columns`)
    and only the others one at a time; without it every incident takes the per-incident path.
    The verdicts are a :class:`.result.Verdicts` that hands the builders their columns: the
    columnar judge's, and those of the others read from their objects, in report order.
    """
    prepared = prepare(groups, ctx.as_of)
    report_conflicts(ctx, prepared.conflicts)
    if batch:
        judged = judge_columns(ctx, prepared)
    else:
        judged = Judged([], [], [], np.flatnonzero(prepared.bounds[1:] > prepared.bounds[:-1]).tolist())
    items, positions, breach = judged.items, judged.positions, judged.breaches
    on_columns = len(items)  # the columnar judge's verdicts come first
    known = KnownIds(opened_at(groups, REPORTED))  # (indexed only when an unknown id is met: :mod:`.id_forms`)
    for i in judged.slow:
        recs = prepared.records(i)
        inc = incidents.read_incident(ctx, prepared.ids[i], recs, known)
        if inc is None or inc.clock >= ctx.p1:
            continue
        if inc.clock < ctx.p0:
            incidents.complete(ctx, inc, recs)
            if inc.completed is not None and inc.completed < ctx.p0:
                continue
        if inc.cause not in inc.rules.exclusions:
            inc.due = inc.rules.due(inc.rules.priorities[inc.priority].target, inc.clock)
        if inc.completion is None and inc.clock >= ctx.p0:
            incidents.complete(ctx, inc, recs)
        items.append(inc)
        positions.append(i)
        breach.append(incidents.judge(ctx, inc))
        inc.targets = judge_targets(ctx, inc, recs)
    # Verdicts by clock start, then id (breaches are ordered with the other violations).
    breaches = list(itertools.compress(items, breach))
    order = report_permutation(items)
    parts = judged.columns

    def columns() -> VerdictColumns:  # the columnar judge's first, then the others' (read now)
        return join_columns([*parts, columns_of(items[on_columns:])]).take(order)

    ordered = Verdicts(np.fromiter(items, object, len(items))[order].tolist(), columns)
    return ordered, breaches, prepared.duplicates

"""One evaluation in parts: judge partitions of a log, merge the partial results, finish the report.

Design notes
------------
* The partition key is the event's ``id``. An incident, an outage, a planned
  stop and a backup are each named by their id, and what is read of one of them
  reads only its own events (its order, duplicates, contradictions, verdict). So
  a partition holds *all* the events of each id it holds, and any number of ids
  of any families; nothing else about the split matters (a hash of the id,
  ranges of ids, one id per partition all give the same report).
* :func:`judge_partition` does on one partition what one run does first on its
  whole log (:func:`~sla_dsl.evaluation.judge_part`): check the events against
  the policies, put each id's events in order (duplicates counted once,
  contradictions, events after ``as_of`` left out) and judge the incidents, on
  columns. That is nearly all of the work: a year's log is ~96% incident events.
  It returns a :class:`Partial`.
* :func:`merge` combines partials, and is associative, so an engine merges them
  as a tree: incident verdicts and violations concatenated, counts summed, the
  ordered records of outages, stops and backups united. It refuses two partials
  that share an id: a partitioning that split an id's events would judge it
  twice, and wrongly.
* :func:`finish` makes the merged partial the :class:`~.result.Evaluation` of
  one run, through the tail one run uses (:func:`~sla_dsl.evaluation.assemble`):
  availability on the union of the outage intervals of every partition minus
  the union of excused and excluded time, the backup days (a day is ``ok`` when
  a backup of that kind from any partition completed in its window), retention,
  every violation in the canonical order (:mod:`.order`), the incidents in
  report order. Those verdicts depend on one another across ids, and the events
  they read are few (a year: a few hundred outages and stops, ~1,100 backups),
  so they are judged once, where the partials meet, by the same code as one run:
  a change to how availability or backups are judged applies to both at once.
* The trend against earlier months (:mod:`.trend`): a partition counts its incidents in each
  month of the period, judges them over the earlier months the whole log may cover and counts
  them there too, and hands on those counts per month (summed when partials merge) and its
  earliest event (the least is the log's); :func:`finish` judges the earlier months' outages,
  stops and backups on the merged records.
* Bad events: a partition that finds problems returns them instead of verdicts;
  :func:`finish` raises every partition's together, in line order, the error
  one run gives, in the policy's primary language as one run's API entries say
  it (:func:`~sla_dsl.evaluation.api_lang`). (With ``skip_invalid`` their lines
  are left out and listed.)
* A partial crosses processes and machines (pickled by Dask or Spark), so it
  holds no policy: incidents travel as columns, one list per field of
  :class:`~.incidents.Incident`, and the :class:`~.common.Rules` an incident
  was judged under travels as a :class:`RulesKey` (its version's position, and
  the positions in that version's model of the priority rules it uses: a view
  chosen by attributes, :mod:`.select`), found again in the versions
  :func:`finish` loaded. Fields added to ``Incident`` travel with no change here.
* ``tests/scale/test_partition.py`` checks on random logs, split at random by
  id, that the merged report is the one-run report, byte for byte as JSON.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import InputError
from ..events.problems import EventInputError, Problem
from ..events.schema import EventLog, Rec
from ..lang.diagnostics import WordedInputError, words
from ..policy.compiled import Policy
from ..report import Violation
from ..report.trend import Count, FigureKey
from . import API_EDGES, Time, api_lang, assemble, judge_log, judge_part, period_bounds
from .common import Ctx, Rules, Versions
from .incident_columns import report_order
from .incidents import Incident
from .result import Evaluation
from .trend import earliest, early_tallies, partial_trend, period_tallies, sum_tallies

__all__ = [
    "PARTITION_KEY",
    "Partial",
    "PartitionError",
    "RulesKey",
    "empty",
    "failed",
    "finish",
    "judge_partition",
    "merge",
]

#: The event field whose value names a partition's share: all events of one id go together.
PARTITION_KEY = "id"


class PartitionError(WordedInputError):
    """The events of one id were split between partitions (worded from the catalogue, with a help line:
    the partition key is the id stripped of its blanks, which a bucketing by the raw cell misses)."""


class RulesKey(NamedTuple):
    """A :class:`Rules` as it crosses processes: its version, and its priority rules by position."""

    version: int
    #: per priority id (in the version's order), the position of its rule in the model's priorities
    priorities: tuple[int, ...]


class IncidentColumns(NamedTuple):
    """Judged incidents as columns: one list per field of :class:`Incident` (``rules`` as
    :class:`RulesKey`), and whether each one's response breach is a violation."""

    fields: tuple[str, ...]
    columns: tuple[list[Any], ...]
    breach: list[bool]


class Partial(NamedTuple):
    """What one partition (or several merged) contributes to the report."""

    source: str
    incidents: IncidentColumns
    #: violations found (not the response breaches), and the ``data`` ones with their order keys
    violations: list[Violation]
    data: list[Violation]
    data_keys: list[str]
    #: the ordered records of the families judged where the partials meet
    outages: dict[str, list[Rec]]
    stops: dict[str, list[Rec]]
    backups: dict[str, list[Rec]]
    #: every id the partition held, once each, as an Arrow string array (a split id is refused
    #: when partials meet; an array pickles as one buffer and is checked in C++, not as a set of objects)
    ids: pa.Array
    #: events kept (what the report's ``input.events`` counts)
    events: int
    duplicates: int
    #: problems of the lines left out (``skip_invalid``), and of bad events (nothing judged then)
    left_out: list[Problem]
    problems: list[Problem]
    #: the instant of the partition's earliest event (the trend's months: :mod:`.trend`)
    earliest: float | None
    #: per earlier month the whole log may cover, the counts of the partition's incidents in it
    early: dict[dt.date, dict[FigureKey, Count]]
    #: per month of the period, the counts of the partition's incidents in it
    inside: dict[dt.date, dict[FigureKey, Count]]


_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Incident))
_RULES, _CLOCK, _IDENT = map(_FIELDS.index, ("rules", "clock", "ident"))
#: an incident's fields as a tuple, read in C (the partial's columns are these tuples transposed)
_ROW = operator.attrgetter(*_FIELDS)


def _policies(policy: Policy | Sequence[Policy]) -> list[Policy]:
    policies = [policy] if isinstance(policy, Policy) else list(policy)
    if not policies:
        raise InputError("no policy to evaluate against")
    return policies


def judge_partition(
    policy: Policy | Sequence[Policy],
    log: EventLog,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    skip_invalid: bool = False,
) -> Partial:
    """Judge one partition of a log (all the events of each of its ids) into a :class:`Partial`."""
    versions = Versions(_policies(policy))
    # (in the policy's language, naming the parameters: an API entry's refusal)
    p0, p1, t_as_of = period_bounds(versions, start, end, as_of, api_lang(policy), API_EDGES)
    ids = _ids(set(itertools.chain.from_iterable(log.groups)))
    ctx = Ctx(versions, p0, p1, t_as_of, log.source)
    try:
        judged, breaches, duplicates = judge_part(ctx, log, skip_invalid=skip_invalid)
    except EventInputError as exc:
        return failed(log.source, list(exc.problems), ids)
    # the trend's earlier months: this partition's incidents judged over them (none before the period: nothing)
    tz = versions.rules[0].tz
    early = early_tallies(_policies(policy), log, (p0, p1, t_as_of), tz, judge_log, skip_invalid=skip_invalid)
    keys = _rules_keys(versions)
    columns = tuple(map(list, zip(*map(_ROW, judged), strict=True))) if judged else tuple([] for _ in _FIELDS)
    columns[_RULES][:] = [keys(r) for r in columns[_RULES]]
    is_breach = {id(inc) for inc in breaches}
    return Partial(
        source=log.source,
        incidents=IncidentColumns(_FIELDS, columns, [id(inc) in is_breach for inc in judged]),
        violations=ctx.violations,
        data=ctx.data,
        data_keys=ctx.data_keys,
        outages=log.outages,
        stops=log.stops,
        backups=log.backups,
        ids=ids,
        events=log.count,
        duplicates=duplicates,
        left_out=list(log.left_out),
        problems=[],
        earliest=earliest(log),
        early=early,
        inside=period_tallies(judged, (p0, p1, t_as_of), tz),
    )


def empty(source: str) -> Partial:
    """The partial of a partition without events."""
    return failed(source, [])


def failed(source: str, problems: list[Problem], ids: pa.Array | None = None) -> Partial:
    """The partial of a partition whose events have problems: the problems, nothing judged."""
    return Partial(
        source=source,
        incidents=IncidentColumns(_FIELDS, tuple([] for _ in _FIELDS), []),
        violations=[],
        data=[],
        data_keys=[],
        outages={},
        stops={},
        backups={},
        ids=_ids(()) if ids is None else ids,
        events=0,
        duplicates=0,
        left_out=[],
        problems=problems,
        earliest=None,
        early={},
        inside={},
    )


def _joined(lists: list[list[Any]]) -> list[Any]:
    """Lists one after the other (``+=`` copies a list's items at once, where a chain takes them one by one)."""
    out: list[Any] = []
    for items in lists:
        out += items
    return out


def _ids(ids: Iterable[str]) -> pa.Array:
    return pa.array(list(ids), type=pa.large_string())


def _rules_keys(versions: Versions) -> Any:
    """A memoised function from a :class:`Rules` (a version or a view of one) to its :class:`RulesKey`."""
    memo: dict[Rules, RulesKey] = {}  # (by the object, kept: an id is another's once its object dies)

    def key(rules: Rules) -> RulesKey:
        hit = memo.get(rules)
        if hit is None:
            v = next(i for i, r in enumerate(versions.rules) if r.policy is rules.policy)
            model = versions.rules[v].model.priorities
            positions = tuple(next(k for k, p in enumerate(model) if p is rule) for rule in rules.priorities.values())
            hit = memo[rules] = RulesKey(v, positions)
        return hit

    return key


def merge(parts: Sequence[Partial]) -> Partial:
    """Several partials as one (in any grouping: merging is associative)."""
    if not parts:
        raise InputError("no partial results to merge")
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    sources = {p.source for p in parts}
    if len(sources) > 1:
        raise InputError(f"partial results of different logs: {', '.join(sorted(map(str, sources)))}")
    ids = pa.concat_arrays([p.ids for p in parts])
    if len(pc.unique(ids)) < len(ids):
        counts = pc.value_counts(ids)
        shared = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
        others = len(shared) - 1
        more = words(f"events.partition.more.{'one' if others == 1 else 'other'}", n=str(others)) if others else ""
        ident, hint = str(pc.min(shared).as_py()), words("events.partition.help")
        raise PartitionError(words("events.partition.split", id=ident, key=PARTITION_KEY, more=more, help=hint))
    columns = tuple(_joined([p.incidents.columns[k] for p in parts]) for k in range(len(_FIELDS)))
    return Partial(
        source=first.source,
        incidents=IncidentColumns(first.incidents.fields, columns, _joined([p.incidents.breach for p in parts])),
        violations=[v for p in parts for v in p.violations],
        data=[v for p in parts for v in p.data],
        data_keys=[k for p in parts for k in p.data_keys],
        outages={k: v for p in parts for k, v in p.outages.items()},
        stops={k: v for p in parts for k, v in p.stops.items()},
        backups={k: v for p in parts for k, v in p.backups.items()},
        ids=ids,
        events=sum(p.events for p in parts),
        duplicates=sum(p.duplicates for p in parts),
        left_out=[x for p in parts for x in p.left_out],
        problems=_said_once(x for p in parts for x in p.problems),
        earliest=min((p.earliest for p in parts if p.earliest is not None), default=None),
        early=sum_tallies([p.early for p in parts]),
        inside=sum_tallies([p.inside for p in parts]),
    )


def _said_once(problems: Iterable[Problem]) -> list[Problem]:
    """The partitions' problems, those of the whole table (line 0, fatal: a column of the wrong type,
    one lacking) once: every partition of a frame finds them alike, and one run says them once."""
    out: list[Problem] = []
    seen: set[Problem] = set()
    for p in problems:
        if not p.line and p.fatal:
            if p in seen:
                continue
            seen.add(p)
        out.append(p)
    return out


def finish(
    policy: Policy | Sequence[Policy],
    partial: Partial,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    walk: bool = True,
    trend: bool = True,
) -> Evaluation:
    """The evaluation of the whole log from the merge of all its partitions' partials (with the trend
    against earlier months unless ``trend`` is false, as ``sla evaluate --no-trend``)."""
    said = api_lang(policy)  # (what it refuses about the log and the period, in the policy's primary language)
    if partial.problems:
        raise EventInputError(partial.problems, None if said == "en" else said)
    if partial.incidents.fields != _FIELDS:
        raise WordedInputError(words("events.partition.version"), None if said == "en" else said)
    versions = Versions(_policies(policy))
    p0, p1, t_as_of = period_bounds(versions, start, end, as_of, said, API_EDGES)
    ctx = Ctx(versions, p0, p1, t_as_of, partial.source, walk=walk)
    ctx.violations.extend(partial.violations)
    ctx.data.extend(partial.data)
    ctx.data_keys.extend(partial.data_keys)
    columns = list(partial.incidents.columns)
    views = _views(versions)
    chosen = {k: views(k) for k in set(columns[_RULES])}  # a few distinct keys: each looked up once
    columns[_RULES] = list(map(chosen.__getitem__, columns[_RULES]))
    judged = list(itertools.starmap(Incident, zip(*columns, strict=True)))
    breaches = list(itertools.compress(judged, partial.incidents.breach))
    # report order, as one run puts them in (on the clock column, not a key per object)
    order = report_order(np.array(columns[_CLOCK], np.float64), columns[_IDENT].__getitem__)
    judged = np.fromiter(judged, object, len(judged))[order].tolist()
    log = EventLog(partial.source)
    log.outages.update(partial.outages)
    log.stops.update(partial.stops)
    log.backups.update(partial.backups)
    log.count = partial.events
    log.left_out = list(partial.left_out)
    result = assemble(ctx, log, judged, breaches, partial.duplicates)
    if trend:  # the month-by-month trend, as one run gives it (issue 16)
        policies = _policies(policy)
        result.skeleton.trend = partial_trend(
            result, policies, log, judge_log, partial.earliest, partial.early, partial.inside
        )
    return result


def _views(versions: Versions) -> Any:
    """A memoised function from a :class:`RulesKey` to the version's :class:`Rules`, or a view of it
    whose priority rules are the ones the key names (what :func:`.select.rules_for` makes)."""
    memo: dict[RulesKey, Rules] = {}

    def view(key: RulesKey) -> Rules:
        hit = memo.get(key)
        if hit is None:
            base = versions.rules[key.version]
            model = base.model.priorities
            wanted = {pid: model[k] for pid, k in zip(base.priorities, key.priorities, strict=True)}
            if all(wanted[pid] is base.priorities[pid] for pid in wanted):
                hit = base
            else:
                hit = copy.copy(base)
                hit.priorities = wanted
            memo[key] = hit
        return hit

    return view

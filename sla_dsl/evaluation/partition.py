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
* Bad events: a partition that finds problems returns them instead of verdicts;
  :func:`finish` raises every partition's together, in line order, the error
  one run gives. (With ``skip_invalid`` their lines are left out and listed.)
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
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..errors import InputError
from ..events.problems import EventInputError, Problem
from ..events.schema import EventLog, Rec
from ..policy.compiled import Policy
from ..report import Violation
from . import assemble, judge_part, period_bounds
from .common import Ctx, Rules, Versions
from .incidents import Incident
from .result import Evaluation

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

Time = dt.datetime | dt.date


class PartitionError(InputError):
    """The events of one id were split between partitions."""


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
    #: every id the partition held (a split id is refused when partials meet)
    ids: frozenset[str]
    #: events kept (what the report's ``input.events`` counts)
    events: int
    duplicates: int
    #: problems of the lines left out (``skip_invalid``), and of bad events (nothing judged then)
    left_out: list[Problem]
    problems: list[Problem]


_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Incident))
_RULES = _FIELDS.index("rules")


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
    p0, p1, t_as_of = period_bounds(versions, start, end, as_of)
    ids = frozenset(itertools.chain.from_iterable(log.groups))
    ctx = Ctx(versions, p0, p1, t_as_of, log.source)
    try:
        judged, breaches, duplicates = judge_part(ctx, log, skip_invalid=skip_invalid)
    except EventInputError as exc:
        return failed(log.source, list(exc.problems), ids)
    keys = _rules_keys(versions)
    columns = tuple([getattr(inc, f) for inc in judged] for f in _FIELDS)
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
    )


def empty(source: str) -> Partial:
    """The partial of a partition without events."""
    return failed(source, [])


def failed(source: str, problems: list[Problem], ids: frozenset[str] = frozenset()) -> Partial:
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
        ids=ids,
        events=0,
        duplicates=0,
        left_out=[],
        problems=problems,
    )


def _rules_keys(versions: Versions) -> Any:
    """A memoised function from a :class:`Rules` (a version or a view of one) to its :class:`RulesKey`."""
    memo: dict[int, RulesKey] = {}

    def key(rules: Rules) -> RulesKey:
        hit = memo.get(id(rules))
        if hit is None:
            v = next(i for i, r in enumerate(versions.rules) if r.policy is rules.policy)
            model = versions.rules[v].model.priorities
            positions = tuple(next(k for k, p in enumerate(model) if p is rule) for rule in rules.priorities.values())
            hit = memo[id(rules)] = RulesKey(v, positions)
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
    ids: set[str] = set(first.ids)
    for p in parts[1:]:
        shared = ids.intersection(p.ids)
        if shared:
            raise PartitionError(
                f"the events of id `{min(shared)}` are in two partitions: partition the events by `{PARTITION_KEY}`"
                + (f" ({len(shared) - 1} more ids split)" if len(shared) > 1 else "")
            )
        ids.update(p.ids)
    columns = tuple(
        list(itertools.chain.from_iterable(p.incidents.columns[k] for p in parts)) for k in range(len(_FIELDS))
    )
    return Partial(
        source=first.source,
        incidents=IncidentColumns(
            first.incidents.fields, columns, list(itertools.chain.from_iterable(p.incidents.breach for p in parts))
        ),
        violations=[v for p in parts for v in p.violations],
        data=[v for p in parts for v in p.data],
        data_keys=[k for p in parts for k in p.data_keys],
        outages={k: v for p in parts for k, v in p.outages.items()},
        stops={k: v for p in parts for k, v in p.stops.items()},
        backups={k: v for p in parts for k, v in p.backups.items()},
        ids=frozenset(ids),
        events=sum(p.events for p in parts),
        duplicates=sum(p.duplicates for p in parts),
        left_out=[x for p in parts for x in p.left_out],
        problems=[x for p in parts for x in p.problems],
    )


def finish(
    policy: Policy | Sequence[Policy],
    partial: Partial,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    walk: bool = True,
) -> Evaluation:
    """The evaluation of the whole log from the merge of all its partitions' partials."""
    if partial.problems:
        raise EventInputError(partial.problems)
    if partial.incidents.fields != _FIELDS:
        raise InputError("partial results from another version of sla-dsl: use one version everywhere")
    versions = Versions(_policies(policy))
    p0, p1, t_as_of = period_bounds(versions, start, end, as_of)
    ctx = Ctx(versions, p0, p1, t_as_of, partial.source, walk=walk)
    ctx.violations.extend(partial.violations)
    ctx.data.extend(partial.data)
    ctx.data_keys.extend(partial.data_keys)
    columns = list(partial.incidents.columns)
    views = _views(versions)
    columns[_RULES] = [views(k) for k in columns[_RULES]]
    judged = list(itertools.starmap(Incident, zip(*columns, strict=True)))
    breaches = [inc for inc, b in zip(judged, partial.incidents.breach, strict=True) if b]
    judged.sort(key=lambda i: (i.clock, i.ident))  # report order, as one run sorts them
    log = EventLog(partial.source)
    log.outages.update(partial.outages)
    log.stops.update(partial.stops)
    log.backups.update(partial.backups)
    log.count = partial.events
    log.left_out = list(partial.left_out)
    return assemble(ctx, log, judged, breaches, partial.duplicates)


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

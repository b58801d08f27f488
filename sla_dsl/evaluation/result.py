"""The outcome of one evaluation, kept compact until it is rendered.

Design notes
------------
* :class:`Evaluation` holds the verdicts as the judging modules left them:
  incidents as compact :class:`~.incidents.Incident` records (a year's log has
  hundreds of thousands), response breaches as the incidents they are about,
  everything else (outages, stops, maintenance, backups, retention,
  availability, the other violations) as report rows in ``skeleton``.
* Explanations of incidents, and the violations of response breaches, are
  built only when a row is rendered: :meth:`Evaluation.report` gives the
  pydantic :class:`~sla_dsl.report.Report` of the Python API, whose
  ``incidents`` and ``violations`` are :class:`~sla_dsl.report.rows.Rows` that
  build each row from these records when it is read (a year's report as
  models is about 2 GB),
  :meth:`Evaluation.write_json` streams the same JSON row by row without
  holding it, and the text, Markdown and HTML renderers read the compact
  records (``incidents``, :meth:`Evaluation.violations`) directly.
* The counts over every incident (the trend's months, the text summary's counts
  by priority and status) read what they need of each incident once, as
  columns (:class:`IncidentFields`): ``incidents`` is a :class:`Verdicts`, a
  list that reads them in C loops when first asked and keeps them. Any change
  to the list drops what it kept (fields and handed-over columns alike).
* The table and JSON builders (:mod:`.explain_columns`) read about fourteen
  attributes of each incident. When :func:`sla_dsl.evaluation.judge_incidents`
  made the list, it hands them over as :class:`VerdictColumns` in report order
  (the columnar judge's arrays, permuted once; the incidents judged one at a
  time read from their objects), built when first asked for. The objects stay
  the contract: the columns are exactly their values
  (``tests/report/test_verdict_columns.py``), any change to the list drops
  them, and a list made any other way (the partition merge, the API) has none:
  the builders then read the objects (:func:`columns_of`).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress
from operator import attrgetter
from typing import IO, Any, NamedTuple, SupportsIndex, overload

import numpy as np
from numpy.typing import NDArray

from ..files import collector_paused
from ..report import IncidentRow, OutageRow, Report, RetentionRow, StopRow, Violation
from ..report.render import write_json
from ..report.rows import Rows
from ..report.settled import response_settled
from .common import Ctx, Rules
from .incident_rows import breach, breach_json, row, row_json
from .incidents import Incident
from .order import merged_order

__all__ = [
    "Evaluation",
    "IncidentFields",
    "VerdictColumns",
    "Verdicts",
    "Violations",
    "columns_of",
    "fields_from",
    "incident_fields",
    "join_columns",
    "object_array",
]

Floats = NDArray[np.float64]
Texts = NDArray[np.object_]


class IncidentFields(NamedTuple):
    """What the counts over every incident read of each, as columns in the incidents' order."""

    #: the clock start (epoch seconds)
    clock: NDArray[np.float64]
    #: the completion (epoch seconds), +inf when not completed
    completed: NDArray[np.float64]
    #: the code of the (priority, status) pair: its position in ``kinds``
    kind: NDArray[np.intp]
    #: the (priority, status) pairs, in the order first met
    kinds: list[tuple[str, str]]
    #: the positions of the incidents that have named targets or incident notices
    with_targets: list[int]


class _Codes(dict[tuple[str, str], int]):
    """Codes of (priority, status) pairs, handed out in the order first met."""

    def __missing__(self, key: tuple[str, str]) -> int:
        code = self[key] = len(self)
        return code


def incident_fields(incidents: Sequence[Incident]) -> IncidentFields:
    """Read :class:`IncidentFields` of ``incidents``, a field at a time in C loops (a year holds
    hundreds of thousands of incidents)."""
    n = len(incidents)
    clock = np.fromiter(map(attrgetter("clock"), incidents), np.float64, n)
    done = np.array(list(map(attrgetter("completed"), incidents)), np.float64)  # None: NaN
    done[np.isnan(done)] = np.inf
    codes = _Codes()
    kind = np.fromiter(map(codes.__getitem__, map(attrgetter("priority", "status"), incidents)), np.intp, n)
    with_targets = list(compress(range(n), map(attrgetter("targets"), incidents)))
    return IncidentFields(clock, done, kind, list(codes), with_targets)


def fields_from(incidents: Sequence[Incident], c: VerdictColumns) -> IncidentFields:
    """:func:`incident_fields` of ``incidents`` from their columns ``c`` (in the same order): reading
    each of a year's objects again costs more than the columns (the objects lie all over memory);
    only the incidents that are not plain are looked at for targets."""
    done = c.completed.copy()
    done[np.isnan(done)] = np.inf
    codes = _Codes()
    n = len(c.clock)
    kind = np.fromiter(map(codes.__getitem__, zip(c.priority.tolist(), c.status.tolist(), strict=True)), np.intp, n)
    with_targets = [k for k in np.flatnonzero(~c.plain).tolist() if incidents[k].targets]
    return IncidentFields(c.clock.copy(), done, kind, list(codes), with_targets)


class VerdictColumns(NamedTuple):
    """What the table and JSON builders read of each incident, as columns (nan, None: none)."""

    ident: Texts
    priority: Texts
    cause: Texts
    reported: Floats
    clock: Floats
    clock_event: Texts
    responded: Floats
    due: Floats
    completed: Floats
    completion: Texts
    completed_by: Floats
    silence_last: Floats
    silence_end: Floats
    status: Texts
    #: ``at_risk``: the last warning threshold passed (the row's ``at_risk_percent``); nan for the others
    risk_percent: Floats
    #: no reprioritisations (applied or not), no attributes changed and no named targets (what the column
    #: builders explain)
    plain: NDArray[np.bool_]
    #: per incident, the code of its (rules, priority): its position in ``kinds``
    kind: NDArray[np.intp]
    kinds: list[tuple[Rules, str]]

    def take(self, order: NDArray[np.intp] | slice) -> VerdictColumns:
        """The rows at ``order`` (positions or a slice), in that order."""
        taken: list[Any] = [a[order] for a in self[:-1]]
        return VerdictColumns._make([*taken, self.kinds])


_COLUMN_FIELDS = VerdictColumns._fields[:-3]  # the columns read as attributes of the same names
_FLOATS = frozenset(("reported", "clock", "responded", "due", "completed", "completed_by", "risk_percent"))


def object_array(values: list[Any]) -> Texts:
    """The values as an object array (each one as it is)."""
    out: Texts = np.fromiter(values, object, len(values))
    return out


def columns_of(incidents: Sequence[Incident]) -> VerdictColumns:
    """The :class:`VerdictColumns` of ``incidents``, read from the objects (the reference)."""
    n = len(incidents)
    read: dict[str, Any] = {}
    for name in _COLUMN_FIELDS:
        if name in ("silence_last", "silence_end"):
            continue
        values = list(map(attrgetter(name), incidents))
        read[name] = np.array(values, np.float64) if name in _FLOATS else object_array(values)  # None: nan
    silence = list(map(attrgetter("silence"), incidents))
    read["silence_last"] = np.array([x[0] if x else None for x in silence], np.float64)
    read["silence_end"] = np.array([x[1] if x else None for x in silence], np.float64)
    fields = attrgetter("reprios", "targets", "unapplied", "changes")
    plain = [not (a or b or c or d) for a, b, c, d in map(fields, incidents)]
    kinds: list[tuple[Rules, str]] = []
    kind = _codes_into(kinds, {}, map(attrgetter("rules", "priority"), incidents), n)
    return VerdictColumns(**read, plain=np.array(plain, dtype=bool), kind=kind, kinds=kinds)


def _codes_into(
    kinds: list[tuple[Rules, str]], codes: dict[tuple[int, str], int], pairs: Iterable[tuple[Rules, str]], n: int
) -> NDArray[np.intp]:
    """The code of each of ``n`` (rules, priority) pairs: its position in ``kinds``, which gains the pairs
    not met before (``codes``: the positions by rules' id and priority)."""
    out = np.zeros(n, dtype=np.intp)
    for k, (rules, priority) in enumerate(pairs):
        code = codes.get((id(rules), priority))
        if code is None:
            code = codes[id(rules), priority] = len(kinds)
            kinds.append((rules, priority))
        out[k] = code
    return out


def join_columns(parts: Sequence[VerdictColumns]) -> VerdictColumns:
    """The parts (at least one) one after another, their (rules, priority) codes made one."""
    codes: dict[tuple[int, str], int] = {}
    kinds: list[tuple[Rules, str]] = []
    kind: list[NDArray[np.intp]] = []
    for p in parts:
        kind.append(_codes_into(kinds, codes, p.kinds, len(p.kinds))[p.kind])
    fields = len(VerdictColumns._fields) - 2
    joined: list[Any] = [np.concatenate([p[i] for p in parts]) for i in range(fields)]
    return VerdictColumns._make([*joined, np.concatenate(kind), kinds])


def _settled(incidents: Sequence[Incident], c: VerdictColumns | None) -> NDArray[np.float64]:
    """:meth:`Verdicts.settled`, from the columns ``c`` when there are."""
    if c is None:
        return np.fromiter(map(response_settled, incidents), np.float64, len(incidents))
    out = np.full(len(c.status), np.inf)
    met, breached = c.status == "met", c.status == "breached"
    out[met] = c.responded[met]
    out[breached] = c.due[breached]
    out[np.isnan(out)] = np.inf
    # never before the last reprioritisation or change of an attribute, which can make or unmake the
    # verdict: only incidents that are not plain have one (a year holds a few hundred of them)
    for k in np.flatnonzero(~c.plain & (met | breached)).tolist():
        if (last := incidents[k].last_change) is not None:
            out[k] = max(out[k], last)
    return out


class Verdicts(list[Incident]):
    """The incidents' verdicts in report order, with their :class:`IncidentFields` read when first
    asked for and kept, and the builders' columns when its maker hands them (see the module's notes)."""

    __slots__ = ("_columns", "_fields", "_make", "_settled")

    def __init__(self, items: Iterable[Incident] = (), columns: Callable[[], VerdictColumns] | None = None) -> None:
        super().__init__(items)
        self._fields: IncidentFields | None = None
        self._settled: NDArray[np.float64] | None = None
        self._columns: VerdictColumns | None = None
        #: what builds the columns handed over (None: none)
        self._make = columns

    def columns(self) -> VerdictColumns | None:
        """The columns handed over by the list's maker, in the list's order (built once); None when
        there are none or the list was changed since."""
        if self._make is not None:
            self._columns, self._make = self._make(), None
        return self._columns

    def _changed(self) -> None:
        self._columns = self._make = self._fields = self._settled = None

    def __setitem__(self, i: Any, value: Any) -> None:
        self._changed()
        super().__setitem__(i, value)

    def __delitem__(self, i: Any) -> None:
        self._changed()
        super().__delitem__(i)

    def __iadd__(self, other: Iterable[Incident]) -> Verdicts:  # type: ignore[override,misc]
        self._changed()
        super().__iadd__(other)
        return self

    def append(self, item: Incident) -> None:
        """Add ``item`` (the columns handed over are dropped)."""
        self._changed()
        super().append(item)

    def extend(self, items: Iterable[Incident]) -> None:
        """Add ``items`` (the columns handed over are dropped)."""
        self._changed()
        super().extend(items)

    def insert(self, i: SupportsIndex, item: Incident) -> None:
        """Insert ``item`` (the columns handed over are dropped)."""
        self._changed()
        super().insert(i, item)

    def pop(self, i: SupportsIndex = -1) -> Incident:
        """Take out an item (the columns handed over are dropped)."""
        self._changed()
        return super().pop(i)

    def remove(self, item: Incident) -> None:
        """Take out ``item`` (the columns handed over are dropped)."""
        self._changed()
        super().remove(item)

    def clear(self) -> None:
        """Empty the list (the columns handed over are dropped)."""
        self._changed()
        super().clear()

    def sort(self, *, key: Any = None, reverse: bool = False) -> None:
        """Sort in place (the columns handed over are dropped)."""
        self._changed()
        super().sort(key=key, reverse=reverse)

    def reverse(self) -> None:
        """Reverse in place (the columns handed over are dropped)."""
        self._changed()
        super().reverse()

    def fields(self) -> IncidentFields:
        """The incidents' fields as columns (read once: from the columns handed over if any)."""
        if self._fields is None:
            c = self.columns()
            self._fields = incident_fields(self) if c is None else fields_from(self, c)
        return self._fields

    def settled(self) -> NDArray[np.float64]:
        """When each incident's response verdict was settled (:func:`sla_dsl.report.settled.response_settled`),
        epoch seconds, +inf when it is not (read once: on the columns handed over when there are, else the
        objects). The summary (what a later period counts) and the trend read it."""
        if self._settled is None:
            self._settled = _settled(self, self.columns())
        return self._settled

    def by_priority(self) -> dict[str, Counter[str]]:
        """Per priority, how many incidents have each status, in all (``total``) and completed
        (``completed``): what the text summary counts, in the same order of keys."""
        f = self.fields()
        # by (priority, status) in the order first met, then not completed before completed: the
        # keys of each dict in the order Counter would list them (the codes are in that order)
        found, count = np.unique(f.kind * 2 + (f.completed < np.inf), return_counts=True)
        by: dict[str, Counter[str]] = {}
        for code, n in zip(found.tolist(), count.tolist(), strict=True):
            pid, status = f.kinds[code // 2]
            c = by.setdefault(pid, Counter())
            c[status] += n
            c["total"] += n
            c["completed"] += n if code % 2 else 0
        return by


class Violations(Sequence[Violation]):
    """Every violation in the canonical order (:mod:`.order`): the response breaches, each built
    when read, merged by time, kind and id into the others (already in that order)."""

    def __init__(self, breaches: list[Incident], rest: list[Violation]) -> None:
        self.breaches = breaches
        self.rest = rest
        #: per position, a breach (k >= 0) or one of the rest (-1 - k)
        dues = list(map(attrgetter("due"), breaches))  # (every breach has a due time)
        self.order = merged_order(dues, list(map(attrgetter("ident"), breaches)), rest)

    def __len__(self) -> int:
        return len(self.order)

    @overload
    def __getitem__(self, i: int) -> Violation: ...
    @overload
    def __getitem__(self, i: slice) -> list[Violation]: ...
    def __getitem__(self, i: int | slice) -> Violation | list[Violation]:
        if isinstance(i, slice):
            return [self._one(k) for k in self.order[i]]
        return self._one(self.order[i])

    def _one(self, k: int) -> Violation:
        return breach(self.breaches[k]) if k >= 0 else self.rest[-1 - k]

    def __iter__(self) -> Iterator[Violation]:
        return map(self._one, self.order)

    def of_kind(self, kind: str) -> list[Violation]:
        """The violations of one kind other than ``response_breached``, in order, without building the
        breaches' models."""
        if kind == "response_breached":
            return [v for v in self if v.kind == kind]
        return [v for v in self.rest if v.kind == kind]

    def json_rows(self, start: int = 0, stop: int | None = None) -> Iterator[dict[str, Any]]:
        """Violations [start, stop) as the JSON report has them (times as text or datetimes)."""
        for k in self.order[start:stop]:
            yield breach_json(self.breaches[k]) if k >= 0 else self.rest[-1 - k].model_dump()


def _binary(out: object) -> bool:
    """Whether ``out`` is a stream that takes bytes: not a text stream (:class:`io.TextIOBase`, or one
    that says it is, by an ``encoding`` or a ``mode`` without ``b``), and has a ``write``. A text stream
    would take the first write's bytes as an error after nothing or part of the report was written."""
    if not callable(getattr(out, "write", None)) or isinstance(out, io.TextIOBase):
        return False
    if isinstance(out, io.RawIOBase | io.BufferedIOBase):
        return True
    return not isinstance(getattr(out, "encoding", None), str) and "b" in str(getattr(out, "mode", "b"))


class _IncidentRows:
    """The incident rows of the JSON report, built a block at a time (see ``render.RowSource``)."""

    def __init__(self, ctx: Ctx, incidents: list[Incident]) -> None:
        self.ctx = ctx
        self.incidents = incidents

    def __len__(self) -> int:
        return len(self.incidents)

    def json_rows(self, start: int, stop: int) -> Iterator[dict[str, Any]]:
        ctx = self.ctx
        for inc in self.incidents[start:stop]:
            yield row_json(ctx, inc)


class Evaluation:
    """Verdicts of one evaluation; rows and explanations are built when asked for."""

    def __init__(
        self,
        ctx: Ctx,
        incidents: list[Incident],
        breaches: list[Incident],
        skeleton: Report,
    ) -> None:
        self.ctx = ctx
        #: the verdicts in report order (their fields for the counts read once: :class:`Verdicts`)
        self.incidents = incidents if isinstance(incidents, Verdicts) else Verdicts(incidents)
        #: the incidents whose response breach is a violation
        self.breaches = breaches
        #: the report without its incident rows and the violations of response breaches
        self.skeleton = skeleton
        self._violations: Violations | None = None

    def violations(self) -> Violations:
        """Every violation, in the canonical order."""
        if self._violations is None:
            self._violations = Violations(self.breaches, self.skeleton.violations)
        return self._violations

    def incident_rows(self) -> _IncidentRows:
        """The incident rows as the JSON report has them (times as their JSON text or datetimes)."""
        return _IncidentRows(self.ctx, self.incidents)

    def report(self, *, lazy: bool = True) -> Report:
        """The whole report model. Its incident rows (with their explanations) and violations are
        built when read (:class:`~sla_dsl.report.rows.Rows`); ``lazy=False`` builds them all now
        (the reference the lazy report is tested against)."""
        ctx, incidents, violations = self.ctx, self.incidents, self.violations()
        if lazy:
            return self.skeleton.model_copy(
                update={
                    "incidents": Rows(len(incidents), lambda i: row(ctx, incidents[i]), incidents),
                    "violations": Rows(len(violations), violations.__getitem__, violations),
                }
            )
        with collector_paused():
            rows = [row(ctx, inc) for inc in incidents]
            every = list(violations)
        return self.skeleton.model_copy(update={"incidents": rows, "violations": every})

    def write_json(self, out: IO[bytes]) -> None:
        """Write ``report().model_dump(mode="json")`` as indented UTF-8 JSON, row by row, to the binary
        stream ``out``; a text stream (``sys.stdout``, ``io.StringIO``) is refused before anything is
        written (:class:`TypeError`, in the policy's primary language, naming the binary streams to pass)."""
        if not _binary(out):
            from ..i18n import message
            from ..lang.diagnostics import policy_language

            lang = policy_language(self.ctx.versions.rules[0].policy.model)  # (the earliest version's)
            raise TypeError(message("author.api.stream_type", lang, kind=type(out).__name__))
        with collector_paused():
            write_json(self.skeleton, self.incident_rows(), out, self.violations())

    def find(self, ident: str) -> list[IncidentRow | OutageRow | StopRow | RetentionRow]:
        """Every row (incident, outage, stop, retention) with id ``ident``."""
        rows: list[IncidentRow | OutageRow | StopRow | RetentionRow] = [
            row(self.ctx, inc) for inc in self.incidents if inc.ident == ident
        ]
        rows.extend(self.skeleton.find(ident))
        return rows

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
  list that reads them in C loops when first asked and keeps them. The list is
  not changed once judged; a change of its length reads them again.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from operator import attrgetter
from typing import IO, Any, NamedTuple, overload

import numpy as np
from numpy.typing import NDArray

from ..report import IncidentRow, OutageRow, Report, RetentionRow, StopRow, Violation
from ..report.render import write_json
from ..report.rows import Rows
from .common import Ctx
from .incident_rows import breach, breach_json, row, row_json
from .incidents import Incident
from .order import merged_order

__all__ = ["Evaluation", "IncidentFields", "Verdicts", "Violations", "incident_fields"]


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


class Verdicts(list[Incident]):
    """The incidents' verdicts in report order, with their :class:`IncidentFields` read when first
    asked for and kept (see the module's notes)."""

    __slots__ = ("_fields",)

    def __init__(self, items: Iterable[Incident] = ()) -> None:
        super().__init__(items)
        self._fields: IncidentFields | None = None

    def fields(self) -> IncidentFields:
        """The incidents' fields as columns (read once)."""
        if self._fields is None or len(self._fields.clock) != len(self):
            self._fields = incident_fields(self)
        return self._fields

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

    def ids_of(self, kind: str) -> list[str]:
        """The ids of the violations of one kind, in order, without building the breaches' models."""
        if kind != "response_breached":  # every breach is of that kind
            return [v.id for v in self.rest if v.kind == kind]
        ids: list[str] = []
        for k in self.order:
            if k >= 0:
                ids.append(self.breaches[k].ident)
            elif self.rest[-1 - k].kind == kind:
                ids.append(self.rest[-1 - k].id)
        return ids

    def json_rows(self, start: int = 0, stop: int | None = None) -> Iterator[dict[str, Any]]:
        """Violations [start, stop) as the JSON report has them (times as text or datetimes)."""
        for k in self.order[start:stop]:
            yield breach_json(self.breaches[k]) if k >= 0 else self.rest[-1 - k].model_dump()


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
        enabled = gc.isenabled()
        gc.disable()
        try:
            rows = [row(ctx, inc) for inc in incidents]
            every = list(violations)
        finally:
            if enabled:
                gc.enable()
        return self.skeleton.model_copy(update={"incidents": rows, "violations": every})

    def write_json(self, out: IO[bytes]) -> None:
        """Write ``report().model_dump(mode="json")`` as indented UTF-8 JSON, row by row."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            write_json(self.skeleton, self.incident_rows(), out, self.violations())
        finally:
            if enabled:
                gc.enable()

    def find(self, ident: str) -> list[IncidentRow | OutageRow | StopRow | RetentionRow]:
        """Every row (incident, outage, stop, retention) with id ``ident``."""
        rows: list[IncidentRow | OutageRow | StopRow | RetentionRow] = [
            row(self.ctx, inc) for inc in self.incidents if inc.ident == ident
        ]
        rows.extend(self.skeleton.find(ident))
        return rows

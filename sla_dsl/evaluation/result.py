"""The outcome of one evaluation, kept compact until it is rendered.

Design notes
------------
* :class:`Evaluation` holds the verdicts as the judging modules left them:
  incidents as compact :class:`~.incidents.Incident` records (a year's log has
  hundreds of thousands), response breaches as the incidents they are about,
  everything else (outages, stops, maintenance, backups, retention,
  availability, the other violations) as report rows in ``skeleton``.
* Explanations of incidents, and the violations of response breaches, are
  built only when a row is rendered: :meth:`Evaluation.report` builds the whole
  pydantic :class:`~sla_dsl.report.Report` (the Python API),
  :meth:`Evaluation.write_json` streams the same JSON row by row without
  holding it, and the text, Markdown and HTML renderers read the compact
  records (``incidents``, :meth:`Evaluation.violations`) directly.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from typing import IO, Any, overload

from ..report import IncidentRow, OutageRow, Report, RetentionRow, StopRow, Violation
from ..report.render import write_json
from .common import Ctx
from .incident_rows import breach, breach_json, row, row_json
from .incidents import Incident

__all__ = ["Evaluation", "Violations"]


class Violations(Sequence[Violation]):
    """Every violation in report order: the response breaches (each built when read), then the rest."""

    def __init__(self, breaches: list[Incident], rest: list[Violation]) -> None:
        self.breaches = breaches
        self.rest = rest

    def __len__(self) -> int:
        return len(self.breaches) + len(self.rest)

    @overload
    def __getitem__(self, i: int) -> Violation: ...
    @overload
    def __getitem__(self, i: slice) -> list[Violation]: ...
    def __getitem__(self, i: int | slice) -> Violation | list[Violation]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self.breaches)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return breach(self.breaches[i]) if i < n else self.rest[i - n]

    def __iter__(self) -> Iterator[Violation]:
        for inc in self.breaches:
            yield breach(inc)
        yield from self.rest

    def json_rows(self, start: int = 0, stop: int | None = None) -> Iterator[dict[str, Any]]:
        """Violations [start, stop) as the JSON report has them (times as text or datetimes)."""
        n = len(self.breaches)
        stop = len(self) if stop is None else stop
        for inc in self.breaches[start:stop]:
            yield breach_json(inc)
        for v in self.rest[max(start - n, 0) : max(stop - n, 0)]:
            yield v.model_dump()


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
        self.incidents = incidents
        #: the incidents whose response breach is a violation, in log order
        self.breaches = breaches
        #: the report without its incident rows and the violations of response breaches
        self.skeleton = skeleton

    def violations(self) -> Violations:
        """Every violation, in report order."""
        return Violations(self.breaches, self.skeleton.violations)

    def incident_rows(self) -> _IncidentRows:
        """The incident rows as the JSON report has them (times as their JSON text or datetimes)."""
        return _IncidentRows(self.ctx, self.incidents)

    def report(self) -> Report:
        """The whole report model, every explanation built."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            rows = [row(self.ctx, inc) for inc in self.incidents]
            violations = list(self.violations())
        finally:
            if enabled:
                gc.enable()
        return self.skeleton.model_copy(update={"incidents": rows, "violations": violations})

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

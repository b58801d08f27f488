"""The outcome of one evaluation, kept compact until it is rendered.

Design notes
------------
* :class:`Evaluation` holds the verdicts as the judging modules left them:
  incidents as compact :class:`~.incidents.Incident` records (a year's log has
  hundreds of thousands), everything else (outages, stops, maintenance,
  backups, retention, availability, violations) as report rows.
* Explanations of incidents are built only when a row is rendered:
  :meth:`Evaluation.report` builds the whole pydantic
  :class:`~sla_dsl.report.Report` (the Python API), :meth:`Evaluation.write_json`
  streams the same JSON row by row without holding it, and the text, Markdown
  and HTML renderers read the compact records directly.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import IO

from ..report import IncidentRow, OutageRow, Report, RetentionRow, StopRow
from ..report.render import write_json
from .common import Ctx
from .incidents import Incident, row, row_json

__all__ = ["Evaluation"]


class Evaluation:
    """Verdicts of one evaluation; rows and explanations are built when asked for."""

    def __init__(
        self,
        ctx: Ctx,
        incidents: list[Incident],
        skeleton: Report,
    ) -> None:
        self.ctx = ctx
        self.incidents = incidents
        #: the report without its incident rows
        self.skeleton = skeleton

    def incident_rows(self) -> Iterator[dict[str, object]]:
        """Each incident row as the JSON report has it (times as datetimes)."""
        for inc in self.incidents:
            yield row_json(self.ctx, inc)

    def report(self) -> Report:
        """The whole report model, every explanation built."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            rows = [row(self.ctx, inc) for inc in self.incidents]
        finally:
            if enabled:
                gc.enable()
        return self.skeleton.model_copy(update={"incidents": rows})

    def write_json(self, out: IO[bytes]) -> None:
        """Write ``report().model_dump(mode="json")`` as indented UTF-8 JSON, row by row."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            write_json(self.skeleton, self.incident_rows(), out)
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

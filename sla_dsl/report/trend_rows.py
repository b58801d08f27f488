"""The report's trend against earlier months (issue 16): each month's figure of each commitment.

Design notes
------------
* ``TrendMonth`` is one calendar month of the trend (``Report.trend``, oldest
  first, the report's own month last); ``TrendFigure`` one commitment's figure
  in it, as that month's own report gives it. :mod:`sla_dsl.evaluation.trend`
  fills them and :mod:`.trend` words them.
* The conventions every row follows are the package's: see
  :mod:`sla_dsl.report`, which re-exports every model here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import Field, model_validator

from .row_base import _Row
from .row_ids import month_id


class TrendFigure(_Row):
    """One commitment's figure in one month of the trend, as that month's own report gives it."""

    #: what is measured: ``response`` (a priority's response target), ``target`` (a named target of a
    #: priority, such as ``first reply within 30 business minutes on chat``), ``notice`` (a notification
    #: rule, on outages such as the recovery notice or on incident events), ``stop_notice`` (the notice
    #: of planned stops), ``availability`` (a measured service, for one of its targets), ``backup`` (a
    #: backup kind taken every day or every N hours) or ``continuous_backup`` (a continuous backup kind)
    commitment: Literal["response", "target", "notice", "stop_notice", "availability", "backup", "continuous_backup"]
    #: the priority (``P1``), named target (``first_reply``), notification rule (``recovery``),
    #: planned-stop rule, service (``content``) or backup kind (``database``) the figure is about, as
    #: the policy names it
    subject: str
    #: how many were judged: incidents ``met`` or ``breached`` (their response, named target or
    #: notification rule), outages whose notice is ``met`` or ``breached``, planned stops listed, backup
    #: days (or windows) ``ok`` or ``missed``; null for ``availability`` and ``continuous_backup``. An
    #: incident's verdict counts in one month: not in a month it was carried into after it settled (a
    #: response when sent, a breach at its due time; never before the incident's last reprioritisation),
    #: nor in a month whose next month lists it again and it settled in that one
    judged: int | None = None
    #: how many of those met the target (``met``, a stop's notice valid, or backups ``ok``); null for
    #: ``availability`` and ``continuous_backup``
    met: int | None = None
    #: the figure as a fraction from 0 to 1: ``met / judged``, or for ``availability`` the month's
    #: availability ratio (the lowest of its measurement periods, as the summary shows it); null when
    #: nothing was judged
    ratio: float | None = None
    #: ``ratio`` minus the previous month's, as a fraction (0.05 is 5 percentage points); null in the
    #: first month and when either month has no figure
    change: float | None = None
    #: for ``target``: the priority whose named target it is (``P1``); null otherwise
    priority: str | None = None
    #: for ``target``: the named clock the target is measured on (``chat``); null otherwise
    clock: str | None = None
    #: for ``availability``: the ``when`` condition of the target, as written (``plan = premium``): the
    #: customers it is promised to; null for the service's target without ``when`` and otherwise
    when: str | None = None
    #: for ``continuous_backup``: how many backups of the kind completed in the month in the primary zone
    #: itself (a zone problem), as the summary counts them; null when none of the kind completed in the
    #: month (nothing was judged, which the report reads as none recorded, as its summary does) and otherwise
    faults: int | None = None
    #: for ``continuous_backup``: how many backups of the kind completed in the month state no zone, so
    #: where they were taken cannot be verified (``data`` violations, counted apart as the summary counts
    #: them); null when none of the kind completed in the month and otherwise
    unverified: int | None = None


class TrendMonth(_Row):
    """One month of the trend against earlier months: each commitment's figure in it."""

    #: the calendar month, as its first day (``YYYY-MM-01``) in the policy's time zone
    month: dt.date
    #: the first instant the figures cover, ISO 8601 in the policy's time zone: the month's 00:00 on
    #: its first day, or ``from`` when the period starts later in that month
    start: dt.datetime
    #: the end (exclusive): the next month's first 00:00, or ``to`` when the period ends earlier
    end: dt.datetime
    #: true for the last month, the report's own (current) month
    current: bool = False
    #: the figures, by commitment (responses per priority, named targets, notices, planned-stop notices,
    #: availability per service and target, backups per kind, continuous backups) in the policy's order
    #: (the month's version's; then the named targets of incidents judged under another, by priority)
    figures: list[TrendFigure] = Field(default_factory=list)
    #: the month's id (``2026-11``): its row's key in the Parquet tables, which its figures
    #: (``trend_figures.id``) carry as their month's. A key after the others
    id: str = ""

    @model_validator(mode="after")
    def _named(self) -> Self:
        if not self.id:  # (a row read back from a JSON written without the key)
            self.id = month_id(self.month)
        return self

"""The ids of the report's rows that no event names: a measurement period, a credit, a backup day or window, a
maintenance window, a month of the trend.

Design notes
------------
* Each is the id the report already gives the row elsewhere, so one id names it in the JSON, the Parquet
  tables (their ``id`` column, on which ``steps`` joins) and ``sla explain``: a service's measurement period
  (and the credit owed for it) as availability violations name it, ``content:2026-11-01``, with the
  condition of a target with ``when`` in a compact form (``content:2026-11-01:plan=premium``); a backup day
  as ``backup_missed`` violations name it, ``files:2026-11-14``, a window of N hours by its start,
  ``logs:2026-11-02T12:00:00+09:00``; a maintenance window by its rule and the day its recurrence schedules,
  as its calendar event's ``UID`` names it (``regular:2026-11-26``: a window a holiday moved keeps it); a
  month of the trend as ``2026-11``.
* Every row of ``availability_periods`` has its own id. A service's figure (``availability measured``,
  no percentage) and its target without ``when`` are two rows, and both can start on one day: a version
  that adds the percentage takes effect inside the month whose figure the earlier version's row runs to
  its end, and ``from`` cuts both rows at one day (``content:2026-11-15``). The target's row keeps the id
  (its violation and credit name it); the figure's takes ``:measured`` after it, the policy's word for it
  (``content:2026-11-15:measured``: :func:`figure_id`), which no condition can be (a condition has
  ``=``). Rows of one target follow each other, and targets' conditions differ in their compact forms
  (names are letters, digits and ``_``), so no other two rows share an id.
* This module imports nothing of the report: the row models fill their ``id`` from it when it is not given
  (a row read back from a JSON written before the key).
"""

from __future__ import annotations

import datetime as dt

__all__ = ["MEASURED", "backup_id", "compact", "figure_id", "maintenance_id", "month_id", "period_id"]

#: What ends the id of a figure's row (``availability measured``) that a target's row of its day has too.
MEASURED = ":measured"


def compact(when: str) -> str:
    """A written condition (``plan in (a, b) and region != eu``) as an id part (``plan=(a|b)&region!=eu``)."""
    for old, new in ((" not in (", "!=("), (" in (", "=("), (", ", "|"), (" and ", "&"), (" != ", "!="), (" = ", "=")):
        when = when.replace(old, new)
    return when


def period_id(service: str, day: dt.date, when: object | None = None) -> str:
    """The id of a service's measurement period in violations: ``content:2026-11-01``, and for a
    target with ``when`` (issue 13) the condition in a compact form without words:
    ``content:2026-11-01:plan=premium`` (``!=``, ``=(a|b)``, ``!=(a|b)``, tests joined by ``&``)."""
    return f"{service}:{day.isoformat()}" + (f":{compact(str(when))}" if when is not None else "")


def figure_id(service: str, day: dt.date) -> str:
    """The id of the row of a service's figure without a target (``availability measured``) when a row of
    its target starts on the same day (see the module's notes): ``content:2026-11-15:measured``."""
    return period_id(service, day) + MEASURED


def backup_id(kind: str, day: dt.date, window_start: dt.datetime | None) -> str:
    """The id of a backup row, as its ``backup_missed`` violation names it: ``files:2026-11-14`` for a day,
    ``logs:2026-11-02T12:00:00+09:00`` for a window of N hours (its start)."""
    return f"{kind}:{window_start.isoformat() if window_start is not None else day.isoformat()}"


def maintenance_id(name: str, scheduled: dt.date | None, start: dt.datetime) -> str:
    """The id of a maintenance window: its rule and the day its recurrence schedules (``regular:2026-11-26``),
    the day it starts when that is not known."""
    return f"{name}:{(scheduled or start.date()).isoformat()}"


def month_id(month: dt.date) -> str:
    """The id of a month of the trend: ``2026-11``."""
    return f"{month.year:04d}-{month.month:02d}"

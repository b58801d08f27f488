"""The report's backup rows: whether each backup kind was taken, and whether deletions kept retention.

Design notes
------------
* ``BackupRow`` judges one daily backup kind on one calendar day, or a kind
  taken every N hours in one window of N hours (``Report.backups``).
* ``RetentionRow`` judges one backup deleted in the period against its
  kind's retention (``Report.retention``).
* The conventions every row follows are the package's: see
  :mod:`sla_dsl.report`, which re-exports every model here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import Field, model_validator

from .row_base import Step, _Row
from .row_ids import backup_id


class BackupRow(_Row):
    """Whether a daily backup kind was taken on one calendar day."""

    #: the backup kind as the policy names it (``database``, ``files``, ``machine_image``)
    kind: str
    #: the calendar day judged (``YYYY-MM-DD``), in the policy's time zone; for a window of N hours,
    #: the day the window starts on
    day: dt.date
    #: ``ok``: at least one ``backup.completed`` of the kind in the day (or window); ``missed``: none,
    #: and the day is over at ``as_of`` (a ``backup_missed`` violation is listed); ``pending``: none
    #: yet and the day is not over at ``as_of``
    status: Literal["ok", "missed", "pending"]
    #: how many backups of the kind completed in the day (or window)
    backups: int = 0
    #: for a kind taken every N hours: the start of the window of N hours this row judges
    window_start: dt.datetime | None = None
    #: the end of that window (exclusive); null, as ``window_start``, for a kind taken daily
    window_end: dt.datetime | None = None
    #: the row's id, as its ``backup_missed`` violation names it: the kind and the day (``files:2026-11-14``),
    #: or for a window of N hours its start (``logs:2026-11-02T12:00:00+09:00``). A key after the others; the
    #: ``id`` column of the Parquet table
    id: str = ""

    @model_validator(mode="after")
    def _named(self) -> Self:
        if not self.id:  # (a row read back from a JSON written without the key)
            self.id = backup_id(self.kind, self.day, self.window_start)
        return self


class RetentionRow(_Row):
    """A backup deletion in the period and whether it respected retention."""

    #: the backup's id, from its ``backup.completed`` and ``backup.deleted`` (``DB-1015``)
    id: str
    #: the backup kind of the ``backup.deleted`` (``database``)
    kind: str
    #: when the backup completed, ISO 8601 in the policy's time zone; null when the log has no
    #: ``backup.completed`` for the id (a ``data`` violation says so)
    completed_at: dt.datetime | None
    #: when it was deleted (``backup.deleted``), in the period
    deleted_at: dt.datetime
    #: the end of its retention: completion plus the kind's ``keep`` (months by calendar-month
    #: arithmetic); null when the kind has no retention rule or the completion is unknown
    keep_until: dt.datetime | None
    #: true when deleted at or after ``keep_until``, or when retention cannot be judged (no rule, no
    #: completion); false when deleted before it (a ``backup_retention`` violation is listed)
    ok: bool
    #: the policy version in force at the deletion, which judged it (Article 5)
    policy_version: str
    #: the steps that explain the verdict, in time order, in the engine's English
    explain: list[Step] = Field(default_factory=list)

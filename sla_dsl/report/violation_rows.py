"""The report's violations: what to alert on, and the data their words are built from.

Design notes
------------
* ``Violation`` is one breach, missed backup, invalid stop notice, period
  below target or contradiction in the events (``Report.violations``). Its
  ``message`` is the engine's English, for alerts and logs; the documents word
  it from the excluded fields instead, in the report's language.
* ``BreachedTarget`` is the named target (issue 12) or notification rule a
  target or notice violation is about, so each is worded from its own rule
  (an outage judged by two rules has two); ``DataNote`` (with ``DataWhat``
  and ``DataDiff``) a ``data`` violation's contradiction, worded by
  :mod:`.data_notes`. Both are excluded from the JSON. They come back from a
  Python-mode dump of the report (:func:`.row_base.with_words_data`); a
  violation read back from its JSON reads its ``backup_kind`` from its
  message (:meth:`Violation.read_back`), so a report never counts a zone
  problem as none.
* The conventions every row follows are the package's: see
  :mod:`sla_dsl.report`, which re-exports every model here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, Self

from pydantic import Field, model_validator

from .row_base import _Row


class BreachedTarget(_Row):
    """The named target (issue 12) a ``target_breached`` or ``notice_breached`` violation is about: a
    target of an incident, or a notification rule on an incident or outage event."""

    #: the target's name, as ``TargetRow.name`` (a notification rule's name)
    name: str
    #: the target's kind, as ``TargetRow.kind``
    kind: Literal["respond", "resolve", "first_reply", "update", "notify"]
    #: the incident's priority the target belongs to (``P1``); null for a notification rule on an
    #: outage event (its verdict is one of the outage row's ``notices``)
    priority: str | None = None
    #: the named clock it is measured on; null for a notification rule
    clock: str | None = None
    #: when the clock stopped (or the notification was sent), late
    met_at: dt.datetime | None = None
    #: ``update``: how many updates came late or not at all
    missed: int = 0
    #: the clock was cancelled (``cancels at``) after the target ran out: when; null otherwise
    cancelled_at: dt.datetime | None = None
    #: the clock was reset (``resets at``) after the target ran out, while it still ran: when; null otherwise
    reset_at: dt.datetime | None = None
    #: a day-based target (``by 16:00 of 1st business day``): when its judged cycle started, the day its due
    #: day is counted from, so the violation can say why the due time is another (that day closes earlier);
    #: null otherwise
    cycle_start: dt.datetime | None = None
    #: the target's due time when it passed while its clock was not due (``not due at``): the violation's ``at``
    #: is then the end of that hold, when the breach is said; null otherwise (``at`` is the due time)
    held_due: dt.datetime | None = None


#: what a ``data`` violation is about: an event of an id whose first event is missing
#: (``unknown_incident``, ``unknown_outage``, ``unknown_backup``), a first event repeated
#: (``reported_again``, ``started_again``, ``ended_again``, ``completed_again``), an event before the one
#: it follows (``before``, ``ended_before_started``), a backup deleted as another kind
#: (``kind_differs``), a priority the version lacks (``priority_unknown``), two events at one instant
#: that disagree (``conflict``, ``conflict_unlined`` when the events have no line numbers), attributes
#: given on an event that does not carry them, never read (``attributes_unread`` on an incident's or
#: outage's later event, ``attributes_none`` on a planned stop's or backup's), another field of the
#: contract given on a type that does not carry it and different from the value in force, never read
#: (``field_unread``: a ``priority`` on ``incident.responded``), an attribute of an incident's report
#: that the version judging it does not declare (``attribute_undeclared``) or whose value it does not
#: list (``value_undeclared``), which another version declares, an event a clock would have acted on
#: (or its start) after the incident's completion, never read (``clock_after_completion``), an attribute
#: given on an event type its ``changes at`` does not list while that type changes others, never read
#: (``attribute_unlisted``), a change to an attribute or value the version judging the incident does not
#: declare, not applied (``change_undeclared``)
DataWhat = Literal[
    "unknown_incident",
    "unknown_outage",
    "unknown_backup",
    "reported_again",
    "started_again",
    "ended_again",
    "completed_again",
    "before",
    "ended_before_started",
    "kind_differs",
    "priority_unknown",
    "conflict",
    "conflict_unlined",
    "zone_unstated",
    "attributes_unread",
    "attributes_none",
    "field_unread",
    "attribute_undeclared",
    "value_undeclared",
    "clock_after_completion",
    "attribute_unlisted",
    "change_undeclared",
]


class DataDiff(_Row):
    """One fact two events at the same instant disagree on."""

    #: the event field (``priority``)
    name: str
    #: its value in the event read later (a time as ISO 8601); null when that event has none
    value: str | None
    #: its value in the event read first, as ``value``
    other: str | None


class DataNote(_Row):
    """What a ``data`` violation's words are built from, in every language of the report."""

    #: which contradiction (:data:`DataWhat`)
    what: DataWhat
    #: per language, where the event is (``events.jsonl:12``, ``events.parquet: 12 行目``); empty
    #: when the event has no line
    where: dict[str, str] = Field(default_factory=dict)
    #: the event type the note is about (``incident.responded``)
    event: str = ""
    #: ``before``: the event type it should follow (``incident.reported``); ``attributes_unread``: the
    #: event whose attributes count
    first: str = ""
    #: ``conflict``: the line of the event read later
    line: int = 0
    #: ``conflict``: the line of the event read first; with ``known_id``: the line of the event that
    #: opens that id (0: the events have no lines)
    other_line: int = 0
    #: per language, how the words name ``line`` and ``other_line``: a text log's line (``line 12``), a
    #: table's row in its file (``row 2``; ``row 3 of b.parquet`` in another file of the directory than
    #: the event's); empty: as lines of the log
    lines: dict[str, list[str]] = Field(default_factory=dict)
    #: ``kind_differs``: the backup kind of the ``backup.deleted``
    kind: str = ""
    #: ``kind_differs``: the backup kind of the ``backup.completed``
    other_kind: str = ""
    #: ``priority_unknown``: the priority the event names
    priority: str = ""
    #: ``priority_unknown``: the policy version that defines no such priority; ``attribute_undeclared``,
    #: ``value_undeclared``: the version that judges the incident, which does not declare it
    version: str = ""
    #: ``attribute_undeclared``, ``value_undeclared``: the attribute's name (``plan``)
    attribute: str = ""
    #: ``attribute_undeclared``, ``value_undeclared``: the value the event gives it (``premium``)
    value: str = ""
    #: ``ended_before_started``: the outage's start, in the policy's time zone
    start: dt.datetime | None = None
    #: ``ended_before_started``: its end, before the start
    end: dt.datetime | None = None
    #: ``conflict``: the facts the two events disagree on
    diff: list[DataDiff] = Field(default_factory=list)
    #: ``zone_unstated``: the fields the ``backup.completed`` leaves out (``zone``, ``primary_zone``);
    #: ``field_unread``: the fields given that its type does not carry
    fields: list[str] = Field(default_factory=list)
    #: ``unknown_incident``, ``unknown_outage``, ``unknown_backup``: the id of an item the log opens that
    #: this id equals once both are in Unicode normal form NFC, else NFKC (``が`` as one character or as
    #: ``か`` and a combining mark, ``ｶﾞ`` and ``ガ``), as written; empty when none. Ids are compared as
    #: written: the two stay two items, and the note says why
    known_id: str = ""
    #: ``clock_after_completion``: the clock that would have acted on the event (its name)
    clock: str = ""
    #: ``clock_after_completion``: the clock's label per language; empty when it has none
    clock_label: dict[str, str] = Field(default_factory=dict)
    #: ``clock_after_completion``: when the incident was completed, in the policy's time zone
    completed: dt.datetime | None = None
    #: ``clock_after_completion``: the event type that completed it; empty when its silence rule did
    completed_by: str = ""


class Violation(_Row):
    """Something to alert on: a breach, a missed backup, an invalid notice, bad data."""

    #: what it is: ``response_breached``, ``notice_breached``, ``target_breached`` (a named target),
    #: ``stop_notice_invalid``, ``backup_missed``, ``backup_retention``, ``backup_zone``,
    #: ``availability`` (a complete period below target) or ``data`` (a contradiction in the events)
    kind: str
    #: what it is about: an incident, outage, stop or backup id from the log; a missed day is
    #: ``KIND:YYYY-MM-DD`` (``files:2026-11-14``), a missed window of N hours ``KIND:START``; an
    #: availability period ``SERVICE:YYYY-MM-DD`` (its first day)
    id: str
    #: the violation in one line of the engine's English (for alerts and logs; the customer documents
    #: word it from the data, in the report's language)
    message: str
    #: when it happened or fell due (a response or notice due time, the end of a missed day or window, a
    #: deletion, a stop's start, the end of a period), ISO 8601 in the policy's time zone; null when it
    #: is not tied to one instant (listed last)
    at: dt.datetime | None = None
    #: the article of the rule broken (``Article 3.2``); null for ``data`` and rules that cite none
    ref: str | None = None
    #: what the report's words are built from (``exclude``: not in the JSON, where ``message`` says
    #: the same in the engine's English): a ``backup_zone`` violation's backup kind (the backup was
    #: taken in its primary zone; one that states no zone cannot be judged and is ``data``)
    backup_kind: str | None = Field(default=None, exclude=True)
    #: the named target or notification rule a target or notice violation is about (``exclude``, as above)
    target: BreachedTarget | None = Field(default=None, exclude=True)
    #: a ``data`` violation's contradiction (``exclude``, as above)
    note: DataNote | None = Field(default=None, exclude=True)

    @model_validator(mode="after")
    def read_back(self) -> Self:
        """A ``backup_zone`` violation read back from its JSON, which has no ``backup_kind``, reads it
        from its message, which the engine begins with the kind (``continuous backup Sat 21 Nov 06:05
        is in zone ...``)."""
        if self.kind == "backup_zone" and self.backup_kind is None:
            found = _ZONE_MESSAGE.match(self.message)
            if found:
                self.backup_kind = found.group(1)
        return self


#: the engine's message of a ``backup_zone`` violation: its backup kind first
_ZONE_MESSAGE = re.compile(r"(\S+) backup .* is in zone ")

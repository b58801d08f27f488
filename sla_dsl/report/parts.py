"""The shapes the report's sections are made of: a section (:class:`Part`), and what a table of incidents
reads from a row (:class:`IncidentLike`).

Design notes
------------
* One :class:`Part` per section feeds the three writers of :mod:`.render` (text, Markdown, HTML); the
  modules that build sections (:mod:`.sections`, :mod:`.operations`, :mod:`.targets`, :mod:`.trend`,
  :mod:`.credits`) share this one shape, and nothing else of each other.
* A row may continue the one above (:attr:`Part.joined`): an item with several lines (an outage judged
  by several notification rules) leaves its first cells empty on the lines after its first, which
  text and Markdown show blank and HTML as one cell spanning them.
* An incident is read through :class:`IncidentLike`, so that a year's compact verdicts are listed
  without becoming pydantic rows, and a report read back from JSON is listed the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Protocol

from .words import Cell


class Part(NamedTuple):
    """One section of the report: a titled table and notes under it."""

    title: str
    header: list[str]
    rows: list[list[Cell]]
    notes: tuple[str, ...] = ()
    key: str = ""
    numeric: tuple[int, ...] = ()
    #: per row, how many of its first cells continue the row above (another line of the same item: an
    #: outage's second notification rule); those cells are empty, and HTML spans the row above's over
    #: them. Empty: every row stands alone
    joined: tuple[int, ...] = ()
    #: the columns whose cells name their row (HTML's row headers, ``<th scope="row">``): the first (the id,
    #: the period, the commitment) unless a table's first column does not name its rows (the violations
    #: table's time: what and whose id do)
    heads: tuple[int, ...] = (0,)


class IncidentLike(Protocol):
    """What the tables read from an incident row (an IncidentRow or a compact verdict)."""

    @property
    def id(self) -> str: ...
    @property
    def priority(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def clock_start(self) -> dt.datetime: ...
    @property
    def response_due(self) -> dt.datetime | None: ...
    @property
    def responded_at(self) -> dt.datetime | None: ...
    @property
    def is_completed(self) -> bool: ...

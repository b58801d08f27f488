"""The report's rows on service credits owed per breached target (``credit 5% per breach``).

Design notes
------------
* ``BreachCreditRow`` is one credit line of a priority's rule (a target's
  ``credit N% per breach, at most M% monthly``) over one measurement period
  that holds at least one breach of that target: how many breaches, which
  incidents, and the credit, the credit per breach times the breaches, never
  more than the cap nor than the whole fee (100%).
* A breach counts in the measurement period, in the policy's zone, of the
  instant it settled, as the violations list it: its due time, or the
  reprioritisation or change of an attribute that made it one when that is
  later (:func:`sla_dsl.evaluation.breach_credits.counted_at`). A period not
  over at ``as_of`` is ``complete: false``: its credit is the figure so far.
  A period cut by the evaluated one (it starts before ``from`` or ends after
  ``to``) is ``complete: false`` with ``credit`` 0: its cap is the whole
  period's, so it owes no credit in this report, as an availability period
  cut so gives no ``credits`` row; ``breaches`` counts this report's part.
* A cap bounds what one measurement period owes for its target of a priority
  rule: when several credit lines (two versions' lines) share a period, each
  row keeps its own credit within its own cap, and together they owe at most
  the highest cap among them (100 for a line without one), the rows settled
  in the order of their first breach, each owed what is left of it
  (:mod:`sla_dsl.evaluation.breach_credits`). Each such row says so in
  ``shared_cap``, which the dump writes only then: a period with one line
  gives the bytes it gave before the field was added (the contract's rows
  gain a key, and lose none).
* The conventions every row follows are the package's: see
  :mod:`sla_dsl.report`, which re-exports every model here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, model_serializer

from .row_base import _Row


def _shown(row: BreachCreditRow, dumped: Any) -> Any:
    """``dumped``, the dump of ``row``, without ``shared_cap`` when it is null (the period's only line)."""
    if row.shared_cap is None and isinstance(dumped, dict):
        dumped.pop("shared_cap", None)
    return dumped


class BreachCreditRow(_Row):
    """The service credit owed for the breaches of one target of a priority in one measurement period."""

    #: the priority whose rule's ``credit`` line gives the credit (``P1``)
    priority: str
    #: the target the credit line belongs to: ``respond`` (the plain response target when ``clock`` is null,
    #: else a response target on that clock), ``resolve``, ``first_reply`` or ``update``
    target: Literal["respond", "resolve", "first_reply", "update"]
    #: the named clock the target is measured on (``resolution``); null for the plain response target
    clock: str | None = None
    #: the ``when`` condition of the priority's rule that judged the incidents, as written (the customers
    #: it is for); null for the rule without ``when``
    when: str | None = None
    #: the measurement period of the credit line: ``month``, ``quarter`` or ``period`` (the evaluated one)
    period: Literal["month", "quarter", "period"]
    #: the start of the measurement period in the policy's time zone (not cut to the evaluated period)
    start: dt.datetime
    #: its end (exclusive); a period that starts before ``from`` or ends after ``to`` owes no credit here
    end: dt.datetime
    #: the period lies wholly in the evaluated one and is over at ``as_of``; false: the figures so far
    complete: bool
    #: how many breaches of the target count in the period (one per incident): due in it, or made by a change in it
    breaches: int
    #: the credit per breach, in percent of the period's fee (``5.0``)
    per_breach: float
    #: the most owed for the period, in percent of the fee (``25.0``); null when the line states no cap
    cap: float | None = None
    #: the credit owed for the period, in percent of its fee: ``breaches`` x ``per_breach``, at most
    #: ``cap`` and at most 100, and within ``shared_cap`` with the period's other rows when it has one; 0 for a
    #: period the evaluated one cuts (a report over all of it settles it)
    credit: float
    #: the priority's article (``Article 5``); null when it cites none
    ref: str | None = None
    #: the ids of the incidents whose breach is counted, by the instant it counts at (its due time, or the change
    #: that made it one), then id
    incidents: list[str] = Field(default_factory=list)
    #: when several credit lines (two versions') share the period for this target of the priority's rule: the
    #: most their rows owe together, in percent of the fee, the highest ``cap`` among them (100 for a line
    #: without one); the rows are settled in the order of their first breach, each owed what is left of it, so
    #: ``credit`` may be below this row's own figure; not in the JSON (null) when the row's line is the only one,
    #: or in a period the evaluated one cuts (its other part's lines are not known)
    shared_cap: float | None = None
    #: the policy versions whose credit line the row's credit is of (``version`` as each states it), by
    #: effective date: those with the line in force during the measurement period (two versions with the same
    #: line share one row), else the latest with it begun before the period ends; two rows of one period that
    #: share every other key are told apart by it. Empty when not known (a report read back from a JSON
    #: written without this key)
    policy_versions: list[str] = Field(default_factory=list)

    # (``shared_cap`` left out of the dump while null; a lambda, so that pydantic gives the serializer no
    # return type and the JSON schema stays the model's)
    _shared_cap_shown = model_serializer(mode="wrap")(lambda self, handler: _shown(self, handler(self)))

"""The report's rows on the cap on the sum of every service credit of a period (``credit_totals``).

Design notes
------------
* ``CreditTotalRow`` is one measurement period of the header's ``credit total
  at most 30% monthly`` that holds a credit: the sum of the period's credits
  before the cap (its rows of ``credits`` and of ``breach_credits``), the cap,
  and what is owed after it, the smaller of the two
  (:mod:`sla_dsl.evaluation.credit_totals`). The rows of ``credits`` and
  ``breach_credits`` keep their own figures, before this cap: a reader adds
  them up and finds ``credits``.
* A policy without the statement gives no row (the key holds an empty list),
  so its report says what it said before the key was added.
* The conventions every row follows are the package's: see
  :mod:`sla_dsl.report`, which re-exports every model here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .row_base import _Row


class CreditTotalRow(_Row):
    """The credits of one measurement period, before and after the cap on their sum."""

    #: the measurement period of the cap: ``month``, ``quarter`` or ``period`` (the evaluated one)
    period: Literal["month", "quarter", "period"]
    #: the start of the measurement period in the policy's time zone
    start: dt.datetime
    #: its end (exclusive)
    end: dt.datetime
    #: every credit counted is final (false: a credit per breach of a period not over at ``as_of``, its figure
    #: so far)
    complete: bool
    #: the sum of the period's credits before the cap, in percent of its fee: its rows of ``credits``
    #: (``credit_percent``) and of ``breach_credits`` (``credit``)
    credits: float
    #: the cap on that sum, in percent of the period's fee (``30.0``)
    cap: float
    #: the credit owed for the period after the cap, in percent of its fee: the smaller of ``credits`` and ``cap``
    owed: float
    #: the article of the cap (``Article 6.3``); null when it cites none
    ref: str | None = None
    #: the version whose cap applied (the one in force at the period's start)
    policy_version: str = ""

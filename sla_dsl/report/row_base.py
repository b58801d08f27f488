"""The base of the report's row models, and the explanation step every verdict carries.

Design notes
------------
* Every model of the report is a ``_Row``: a pydantic model with
  ``extra="forbid"`` (an unknown key is an error) and ``defer_build=True`` (its
  validator is built when first used, not at import).
* ``Step`` is one step of a verdict's ``explain``: what happened or was
  derived, in the engine's English, when, and under which article. Every row
  that explains itself (incidents, targets, outages, stops, availability,
  credits, retention) holds a list of them.
* This module imports no other part of the report: the modules of the rows
  build on it. Import the models from :mod:`sla_dsl.report`, which re-exports
  them all.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class _Row(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid", defer_build=True)


class Step(_Row):
    """One step of an explanation: what happened or was derived, when, and under which article."""

    #: what happened or was derived, in the engine's English (for engineers and alerts; the customer
    #: documents word each verdict from the row's fields, in the report's language)
    text: str
    #: the instant the step is about, ISO 8601 in the policy's time zone with its offset; null for a
    #: step that is not one instant (a rule chosen, a day of the business-time walk, a total)
    at: dt.datetime | None = None
    #: the article of the policy the step applies (``Article 3.2``); null when the step cites none
    ref: str | None = None

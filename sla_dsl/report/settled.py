"""Which period's report counts a verdict: one judged in an earlier period is not counted again.

Design notes
------------
* A report lists every incident whose clock starts in [from, to) and every one that started earlier
  and is not completed at ``from`` (the contract). A response (a named target, a notice on an
  incident event) is *settled* when its verdict can no longer change: a response met when it was
  sent (``responded_at``), one breached at its due time (``response_due``), never before the last
  reprioritisation, which can make or unmake it (a target at its ``due``,
  a met target at ``met_at``). One settled before ``from`` of an incident whose clock started before
  ``from`` was judged, and counted, in an earlier period's report: the summary lists the incident
  but does not count that verdict again, and says how many it left out (so a December report counts
  no breach its violations list does not hold: a breach due before ``from`` is not listed again).
* The trend (:mod:`.trend`, :mod:`sla_dsl.evaluation.trend`) counts each verdict in one month: the
  first month its report lists it unless it was settled before that month and carried over; and a
  month followed by another of the trend leaves to that one what was settled after the month ended
  and is listed again there (not completed at its start): :func:`counts_in`. The months of a report's
  period, so counted, add up to its summary.
* A report's own summary leaves to the next period alike what was settled at or after its ``to`` of an
  incident not completed before it (:func:`later_responses`): a P3 answered late on 30 November and
  raised to P1 on 2 December is breached from 2 December, counted (and listed among the violations) in
  December's report only, whatever the ``as_of``; November's lists the incident with its verdict and
  says how many it left to the next period. So each month's trend figure is that month's own report's.
* An outage's notices (each notification rule on an outage event) count alike (:func:`outage_counts_in`):
  a notice met when it was sent, breached at its due time; a report lists every outage that starts in
  its period or is still down at ``from``, so a notice settled before ``from`` of an outage carried over
  was counted by an earlier report, and one settled at or after ``to`` of an outage still down at ``to``
  (listed again by the next period's report) is counted by the next one. An outage that ended before
  ``to`` (or at it) is not listed again: its notice counts here, whenever it settles. A planned stop's
  notice is settled at its deadline, before the stop starts: it counts in the period the stop starts in
  (:func:`stop_counts_in`), never in a later one that lists the stop because it runs across ``from``.
* Each incident row and each of its named targets (and each notice of an outage) says whether its report's
  summary counts its verdict (``in_summary``: :func:`response_in_summary`, :func:`target_in_summary`,
  :func:`outage_notice_counts`; on columns, :func:`responses_in_summary`): the rule above needs the last
  reprioritisation, which a table holds only in its steps' English, so the evaluator says it per row,
  and counting the rows that say so by ``status`` gives the summary's figures, with a trend or without.
* The rows come as pydantic rows (``IncidentRow``, ``TargetRow``: times as datetimes) or as the
  evaluator's compact verdicts (``clock``, ``responded``, ``due``, ``completed``, ``met_at``: epoch
  seconds); :func:`epoch` reads either.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "clock_of",
    "counts_in",
    "done_of",
    "earlier_responses",
    "epoch",
    "later_responses",
    "outage_counts_in",
    "outage_notice",
    "outage_notice_counts",
    "response_in_summary",
    "response_settled",
    "responses_in_summary",
    "stop_counts_in",
    "target_in_summary",
    "target_settled",
]

INF = math.inf


def epoch(value: object) -> float:
    """An instant as epoch seconds: a datetime, a number (a compact verdict's), +inf for None."""
    if isinstance(value, dt.datetime):
        return value.timestamp()
    if isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value):
        return float(value)
    return INF


def _compact(row: Any) -> bool:
    """Whether ``row`` is the evaluator's compact verdict (times as epoch seconds), not a pydantic row."""
    clock = getattr(row, "clock", None)  # (an IncidentRow has ``clock_start``; its targets' ``clock`` is a name)
    return isinstance(clock, int | float)


def clock_of(row: Any) -> float:
    """An incident's clock start, in epoch seconds."""
    return epoch(row.clock) if _compact(row) else epoch(row.clock_start)


def done_of(row: Any) -> float:
    """When an incident completed, in epoch seconds (+inf: not completed)."""
    return epoch(row.completed) if _compact(row) else epoch(row.completed_at)


def response_settled(row: Any) -> float:
    """When an incident's response verdict was settled (see the notes), +inf when it is not (open, at
    risk, excluded): never before the last reprioritisation, which can change it."""
    if _compact(row):
        reprios = getattr(row, "reprios", ())
        last = reprios[-1][0] if reprios else -INF
        changed = getattr(row, "last_change", None)  # (or the last change of an attribute, when later)
        last = max(last, changed) if changed is not None else last
        if row.status == "met":
            return max(epoch(row.responded), last)
        return max(epoch(row.due), last) if row.status == "breached" else INF
    if row.status == "met":
        return max(epoch(row.responded_at), _reprioritised(row))
    if row.status == "breached":
        return max(epoch(row.response_due), _reprioritised(row))
    return INF


def _reprioritised(row: Any) -> float:
    """When a row's priority, or an attribute that chooses its rule, was last changed (its explanation's
    step), -inf when never."""
    return max(
        (
            epoch(s.at)
            for s in getattr(row, "explain", ())
            if s.at is not None and s.text.startswith(("reprioritised ", "attribute "))
        ),
        default=-INF,
    )


def target_settled(t: Any) -> float:
    """When a named target's or an incident notice's verdict was settled: met at ``met_at``, breached at
    ``due`` (at the end of the hold its due time passed in, ``breached_at``: ``not due at``); +inf otherwise."""
    if t.status == "met":
        return epoch(t.met_at)
    if t.status == "breached":
        held = getattr(t, "breached_at", None)
        return epoch(held if held is not None else t.due)
    return INF


def counts_in(clock: float, settled: float, done: float, start: float, until: float | None = None) -> bool:
    """Whether a verdict settled at ``settled``, of an incident (clock start ``clock``, completed at
    ``done``) that a period from ``start`` lists, counts in that period: not when the incident was
    carried over and the verdict settled before ``start`` (an earlier period counted it); and when
    another month of the trend starts at ``until``, only when it settled before then or the incident
    is not listed there (completed before it). A report's own summary passes its ``to`` (the next period
    counts what settled after it); ``until`` None: no period follows."""
    if clock < start and settled < start:
        return False
    return until is None or settled < until or done < until


def response_in_summary(row: Any, start: float, end: float) -> bool:
    """Whether the summary of a report from ``start`` to ``end`` (epoch seconds) that lists incident ``row`` (a
    pydantic row or the evaluator's compact verdict) counts its response verdict: :func:`counts_in` with the
    report's ``to`` for a verdict (``met``, ``breached``), and always for one that does not settle (open, at
    risk, excluded), as :func:`earlier_responses` and :func:`later_responses` leave them in."""
    judged = row.status in ("met", "breached")
    return counts_in(clock_of(row), response_settled(row), done_of(row), start, end if judged else None)


def target_in_summary(row: Any, target: Any, start: float, end: float) -> bool:
    """Whether the summary of a report from ``start`` to ``end`` counts the verdict of ``target``, a named target
    or incident notice of incident ``row``, as :func:`sla_dsl.report.sections.target_counts` counts it."""
    judged = target.status in ("met", "breached")
    return counts_in(clock_of(row), target_settled(target), done_of(row), start, end if judged else None)


def responses_in_summary(
    status: NDArray[Any],
    clock: NDArray[Any],
    responded: NDArray[Any],
    due: NDArray[Any],
    done: NDArray[Any],
    start: float,
    end: float,
) -> NDArray[np.bool_]:
    """:func:`response_in_summary` on columns, of incidents never reprioritised and whose attributes never
    changed (their verdict settles when it was sent or fell due): epoch seconds, NaN for none."""
    met, breached = status == "met", status == "breached"
    settled = np.where(met, responded, np.where(breached, due, INF))
    settled = np.where(np.isnan(settled), INF, settled)
    ended = np.where(np.isnan(done), INF, done)
    earlier = (clock < start) & (settled < start)
    later = (met | breached) & ~((settled < end) | (ended < end))
    out: NDArray[np.bool_] = ~(earlier | later)
    return out


def outage_counts_in(began: float, settled: float, ended: float, start: float, until: float | None = None) -> bool:
    """Whether a notice verdict settled at ``settled`` (+inf: not settled, open or not judged), of an outage
    (from ``began`` to ``ended``, +inf while it is down) that a period from ``start`` lists, counts in that
    period: as :func:`counts_in` counts an incident's, the outage listed again by a period from ``until``
    when it is still down then (one that ended at ``until`` itself is not). ``until`` None: no period follows."""
    if began < start and settled < start:
        return False
    return until is None or settled < until or ended <= until


def outage_notice(row: Any, name: str, first: bool) -> Any:
    """The verdict of notification rule ``name`` on outage ``row`` (a ``TargetRow`` of its ``notices``); for
    the first rule on outage events of a row without them (read back from an older JSON), one made from the
    row's own ``notice_*`` fields; None when the row has none."""
    found = next((n for n in row.notices if n.name == name), None)
    if found is not None or not first:
        return found
    met = row.notified_at if row.notice_status in ("met", "breached") else None
    return _Notice(row.notice_status, row.notice_due, met)


class _Notice(NamedTuple):
    """A notice verdict from an outage row's ``notice_*`` fields (:func:`outage_notice`)."""

    status: str
    due: dt.datetime | None
    met_at: dt.datetime | None


def outage_notice_counts(row: Any, notice: Any, start: float, until: float | None) -> bool:
    """Whether ``notice``, a verdict of outage ``row``, counts in the period from ``start`` (see
    :func:`outage_counts_in`; one not judged, open or not applicable, counts in every report listing it)."""
    judged = notice.status in ("met", "breached")
    return outage_counts_in(epoch(row.start), target_settled(notice), epoch(row.end), start, until if judged else None)


def stop_counts_in(began: float, start: float) -> bool:
    """Whether the notice verdict of a planned stop beginning at ``began`` counts in a report from ``start``
    that lists it: settled at its deadline, before the stop starts, so only in the period the stop starts in."""
    return began >= start


def earlier_responses(incidents: Sequence[Any], start: dt.datetime) -> dict[str, Counter[str]]:
    """Per priority, the listed incidents whose response verdict (``met``, ``breached``) was settled
    before ``start`` and that were carried over (their clock started before it): counted in an earlier
    period's report. Only incidents whose clock starts before ``start`` are looked at (the evaluator's
    verdicts say which on columns: a year's log has hundreds of thousands)."""
    t0 = start.timestamp()
    fields = getattr(incidents, "fields", None)
    rows: Iterable[Any]
    if fields is not None:
        before = np.flatnonzero(fields().clock < t0).tolist()
        rows = (incidents[k] for k in before)
    else:
        rows = (i for i in incidents if clock_of(i) < t0)
    out: dict[str, Counter[str]] = {}
    for i in rows:
        if i.status in ("met", "breached") and response_settled(i) < t0:
            out.setdefault(i.priority, Counter())[i.status] += 1
    return out


def later_responses(incidents: Sequence[Any], end: dt.datetime) -> dict[str, Counter[str]]:
    """Per priority, the listed incidents whose response verdict (``met``, ``breached``) was settled at or
    after ``end`` (the report's ``to``: a reprioritisation or a change of an attribute after it, or a due
    time after it) and that are not completed before it: the next period's report lists them again and
    counts that verdict (:func:`counts_in`). Only incidents not completed before ``end`` are looked at."""
    t1 = end.timestamp()
    fields = getattr(incidents, "fields", None)
    settled = getattr(incidents, "settled", None)  # (each incident's response_settled, as a column)
    rows: Iterable[Any]
    if fields is not None and settled is not None:  # (those settled before `to` are none of them: not read)
        rows = (incidents[k] for k in np.flatnonzero(~(fields().completed < t1) & (settled() >= t1)).tolist())
    else:
        rows = (i for i in incidents if not done_of(i) < t1)
    out: dict[str, Counter[str]] = {}
    for i in rows:
        if i.status in ("met", "breached") and response_settled(i) >= t1:
            out.setdefault(i.priority, Counter())[i.status] += 1
    return out

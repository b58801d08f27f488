"""The counts over every incident read on columns (``result.Verdicts``) against the per-row reference:
the text summary's counts by priority (the same keys in the same order), the trend's monthly tallies
(with incidents out of report order too), and the availability unions cut to a period."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation.availability import _merged
from sla_dsl.evaluation.common import Interval, clip, union
from sla_dsl.evaluation.incidents import Incident
from sla_dsl.evaluation.result import Verdicts, incident_fields
from sla_dsl.evaluation.targets import TargetVerdict
from sla_dsl.evaluation.trend import Span, incident_tallies
from sla_dsl.report.sections import _count
from sla_dsl.report.trend import FigureKey, tally_of

STATUSES = ("met", "breached", "open", "at_risk", "excluded")
#: month starts of a made-up year (epoch seconds), the spans of the trend between them
EDGES = [1_000_000.0 * k for k in range(7)]


def _incident(
    k: int, priority: str, status: str, clock: float, completed: float | None, settled: float | None = None
) -> Incident:
    """An incident verdict with only the fields the counts read (no rules: none are needed); a met one
    responded at ``settled``, a breached one due then (and never responded)."""
    return Incident(
        ident=f"INC-{k}",
        rules=cast(Any, None),
        priority=priority,
        reported=clock,
        cause=None,
        clock=clock,
        clock_event="incident.reported",
        responded=settled if status == "met" else None,
        due=settled if status in ("met", "breached") else None,
        completed=completed,
        status=status,
    )


incident_lists = st.lists(
    st.tuples(
        st.sampled_from(("P1", "P2", "P3")),
        st.sampled_from(STATUSES),
        st.floats(-500_000, 6_500_000, allow_nan=False),
        st.one_of(st.none(), st.floats(0, 2_000_000, allow_nan=False)),
        st.floats(0, 3_000_000, allow_nan=False),  # when its response verdict settled, after the clock
    ),
    max_size=60,
).map(
    lambda rows: [
        _incident(k, p, s, clock, None if after is None else clock + after, clock + settled)
        for k, (p, s, clock, after, settled) in enumerate(rows)
    ]
)


def _ordered(incidents: list[Incident]) -> list[Incident]:
    return sorted(incidents, key=lambda i: (i.clock, i.ident))


@settings(max_examples=300, deadline=None)
@given(incident_lists)
def test_counts_by_priority_are_the_rows_counts_in_the_same_order(incidents: list[Incident]) -> None:
    """``Verdicts.by_priority`` gives what the per-row count gives, keys in the same order (the dict
    of priorities and each priority's Counter)."""
    rows = _ordered(incidents)
    fast, slow = _count(Verdicts(rows)), _count(list(rows))
    assert fast == slow
    assert list(fast) == list(slow)
    assert [list(c.items()) for c in fast.values()] == [list(c.items()) for c in slow.values()]


def test_counts_by_priority_read_the_fields_once_and_again_when_the_list_grows() -> None:
    verdicts = Verdicts([_incident(0, "P1", "met", 10.0, 20.0)])
    fields = verdicts.fields()
    assert verdicts.fields() is fields
    verdicts.append(_incident(1, "P2", "open", 30.0, None))
    assert verdicts.by_priority() == {
        "P1": Counter(met=1, total=1, completed=1),
        "P2": Counter(open=1, total=1, completed=0),
    }


def test_incident_fields_of_no_incidents() -> None:
    fields = incident_fields([])
    assert (len(fields.clock), len(fields.completed), len(fields.kind), fields.kinds) == (0, 0, 0, [])
    assert _count(Verdicts()) == {}


CONTIGUOUS = [Span(dt.date(2026, 1 + k, 1), a, b) for k, (a, b) in enumerate(itertools.pairwise(EDGES))]
#: earlier months end at a month's first day, the period's first month may start after it: a gap
WITH_GAP = [*CONTIGUOUS[:2], Span(dt.date(2026, 3, 1), 2_400_000.0, 3_000_000.0), *CONTIGUOUS[3:]]


@settings(max_examples=300, deadline=None)
@given(incident_lists, st.booleans(), st.sampled_from([CONTIGUOUS, WITH_GAP]))
def test_monthly_tallies_are_those_of_each_months_listed_incidents(
    incidents: list[Incident], ordered: bool, spans: list[Span]
) -> None:
    """Each month counts the incidents its report lists: the clock starts in it, or before it and the
    incident is not completed at its start; in report order (as ``Verdicts``) or not. A response verdict
    counts in one month only (``tally_of`` from the month's start, until the next month's, or the last
    month's end)."""
    given_list: list[Incident] = Verdicts(_ordered(incidents)) if ordered else incidents
    tallies = incident_tallies(given_list, spans)
    for tally, want in zip(tallies, _reference_tallies(incidents, spans), strict=True):
        assert tally == want  # (no named targets)
        # the priorities in sorted order, whatever the order of the incidents
        assert list(tally) == sorted(tally)
        assert all(isinstance(k, FigureKey) and k.commitment == "response" for k in tally)


def _reference_tallies(incidents: list[Incident], spans: list[Span]) -> list[dict[FigureKey, Any]]:
    """Each month's counts by the per-row reference ``tally_of``, of the incidents its report lists (the
    clock starts in it, or before it and the incident is not completed at its start), from the month's
    start until the next month's (the last month's own report ends with it: the next period counts what
    settled after it)."""
    out = []
    for k, span in enumerate(spans):
        listed = [
            i
            for i in incidents
            if span.start <= i.clock < span.end
            or (i.clock < span.start and (i.completed is None or i.completed >= span.start))
        ]
        start = dt.datetime.fromtimestamp(span.start, dt.UTC)
        until = dt.datetime.fromtimestamp(spans[k + 1].start if k + 1 < len(spans) else span.end, dt.UTC)
        out.append(tally_of(listed, start, until))
    return out


intervals = st.lists(
    st.tuples(st.integers(0, 100), st.integers(0, 30)).map(lambda t: (float(t[0]), float(t[0] + t[1]))), max_size=12
)


@settings(max_examples=500, deadline=None)
@given(intervals, st.integers(-10, 140), st.integers(0, 60))
def test_a_union_cut_to_a_period_is_the_union_of_the_cut_intervals(ivs: list[Interval], lo: int, width: int) -> None:
    """What availability measures a period on, from unions merged once, is the union of each
    interval clipped to the period (the same intervals, so the same sums)."""
    a, b = float(lo), float(lo + width)
    assert _merged(ivs).within(a, b) == union(c for iv in ivs if (c := clip(iv, a, b)))


targets = st.lists(
    st.tuples(
        st.sampled_from(("resolve", "update")),
        st.sampled_from(("met", "breached", "open")),
        st.floats(0, 3_000_000, allow_nan=False),  # when its verdict settled, after the clock
    ),
    max_size=2,
)


@settings(max_examples=300, deadline=None)
@given(incident_lists, st.lists(targets, min_size=60, max_size=60), st.sampled_from([CONTIGUOUS, WITH_GAP]))
def test_monthly_tallies_of_named_targets_are_those_of_each_months_listed_incidents(
    incidents: list[Incident], named: list[list[tuple[str, str, float]]], spans: list[Span]
) -> None:
    """The named targets of each incident a month lists count in that month as the per-row reference
    counts them (``tally_of``): the month the clock starts in, and every later month up to the one it
    is completed in; each verdict once over the months."""
    for inc, given_targets in zip(incidents, named, strict=False):
        inc.targets = tuple(
            TargetVerdict(name, "resolve", "resolution", status, inc.clock + at if status == "breached" else None,
                          inc.clock + at if status == "met" else None, 0.0, None)
            for name, status, at in given_targets
        )  # fmt: skip
    tallies = incident_tallies(Verdicts(_ordered(incidents)), spans)
    assert tallies == _reference_tallies(incidents, spans)

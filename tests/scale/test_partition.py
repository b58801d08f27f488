"""Judged in partitions and merged, a log gives the report of one run, byte for byte.

The property: for random logs (every family, duplicates, contradictions, events
before their report, unknown ids, overlapping and excluded outages, stops,
backups of one day under different ids) and random partitionings by ``id``
(any number of partitions, any assignment, partials merged in a random tree),
the merged report's JSON is the one-run report's JSON. The pieces it rests on
are tested by hand beside it: a split id is refused, bad events give one run's
error, and lines left out with ``skip_invalid`` are listed the same.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl import Policy
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.partition import Partial, PartitionError, finish, judge_partition, merge
from sla_dsl.evaluation.trend import add_trend
from sla_dsl.events.partitions import read_partition
from sla_dsl.events.problems import EventInputError
from sla_dsl.events.reader import read_jsonl
from sla_dsl.policy import declared_types
from sla_dsl.scale import judge_table

from .logs import START, credited, credited_versions, frame, logs, policy, two_versions

END = dt.datetime(2026, 12, 1, tzinfo=START.tzinfo)


def one_run(lines: list[str], policies: Any, start: dt.datetime, as_of: dt.datetime | None, **kw: Any) -> bytes:
    """The report of one run, reading as ``sla evaluate`` does (the reader's problems settled with the policy's),
    with its trend against earlier months."""
    declared = declared_types(policies)  # (the policy's types and zone, as the command reads with them)
    log = read_jsonl(io.BytesIO(("\n".join(lines) + "\n").encode()), "<events>", defer=True, declared=declared)
    out = io.BytesIO()
    result = judge_log(policies, log, start, END, as_of, **kw)
    add_trend(result, [policies] if isinstance(policies, Policy) else policies, log, judge_log, **kw)
    result.write_json(out)
    return out.getvalue()


def partials(
    events: pd.DataFrame, where: dict[str, int], n: int, policies: Any, start: Any, as_of: Any, **kw: Any
) -> list[Partial]:
    """Each partition's partial: the events of the ids ``where`` sends to it."""
    part = events["id"].map(where)
    return [judge_table(policies, events[part == k], start, END, as_of, **kw) for k in range(n)]


def tree(parts: list[Partial], rnd: random.Random) -> Partial:
    """Merge in a random tree (merging is associative: any shape gives one result)."""
    parts = list(parts)
    while len(parts) > 1:
        i = rnd.randrange(len(parts) - 1)
        k = rnd.randint(2, min(3, len(parts) - i))
        parts[i : i + k] = [merge(parts[i : i + k])]
    return parts[0]


def partitioned(lines: list[str], policies: Any, start: Any, as_of: Any, n: int, seed: int, **kw: Any) -> bytes:
    events = frame(lines)
    rnd = random.Random(seed)
    where = {ident: rnd.randrange(n) for ident in sorted(set(events["id"]))}
    merged = tree(partials(events, where, n, policies, start, as_of, **kw), rnd)
    out = io.BytesIO()
    finish(policies, merged, start, END, as_of).write_json(out)
    return out.getvalue()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=logs(), which=st.integers(0, 3), n=st.integers(1, 5), seed=st.integers(0, 2**16), data=st.data())
def test_merged_partitions_give_the_one_run_report(
    lines: list[str], which: int, n: int, seed: int, data: st.DataObject
) -> None:
    # (with credits per breached target on some: the report's `breach_credits`, from the merged verdicts)
    policies = (policy, two_versions, credited, credited_versions)[which]()
    start = data.draw(st.sampled_from([START, START + dt.timedelta(days=9, hours=10)]))
    as_of = data.draw(st.sampled_from([None, START + dt.timedelta(days=20, hours=13), END + dt.timedelta(days=40)]))
    assert partitioned(lines, policies, start, as_of, n, seed) == one_run(lines, policies, start, as_of)


EXAMPLE = [
    '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"}',
    '{"event": "incident.responded", "at": "2026-11-02T16:00:00+09:00", "id": "A"}',
    '{"event": "outage.started", "at": "2026-11-03T10:00:00+09:00", "id": "O", "cause": "failure"}',
    '{"event": "outage.ended", "at": "2026-11-03T11:00:00+09:00", "id": "O"}',
    '{"event": "incident.reported", "at": "2026-11-04T10:00:00+09:00", "id": "B", "priority": "P2"}',
    '{"event": "backup.completed", "at": "2026-11-04T02:00:00+09:00", "id": "K", "kind": "database"}',
]


def test_the_example_split_every_way_gives_one_report() -> None:
    expected = one_run(EXAMPLE, policy(), START, None)
    events = frame(EXAMPLE)
    ids = sorted(set(events["id"]))
    for mask in range(2 ** len(ids)):  # every split of the four ids into two partitions
        where = {ident: (mask >> k) & 1 for k, ident in enumerate(ids)}
        out = io.BytesIO()
        finish(policy(), merge(partials(events, where, 2, policy(), START, None)), START, END).write_json(out)
        assert out.getvalue() == expected, where


def test_an_id_split_between_partitions_is_refused() -> None:
    events = frame(EXAMPLE)
    first, rest = events.iloc[:1], events.iloc[1:]  # incident A's report apart from its response
    parts = [judge_partition(policy(), read_partition(x), START, END) for x in (first, rest)]
    with pytest.raises(
        PartitionError, match=r"the events of id `A` are in two partitions: partition the events by `id`"
    ):
        merge(parts)


BAD = [
    *EXAMPLE[:2],
    '{"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "C", "priority": "P9"}',
    *EXAMPLE[2:],
    '{"event": "outage.started", "at": "2026-11-06T10:00", "id": "Q"}',
]


def test_bad_events_in_several_partitions_give_the_one_run_error() -> None:
    with pytest.raises(EventInputError) as one:
        one_run(BAD, policy(), START, None)
    events = frame(BAD)
    where = {"A": 0, "C": 1, "O": 0, "B": 0, "K": 1, "Q": 2}
    merged = merge(partials(events, where, 3, policy(), START, None))
    with pytest.raises(EventInputError) as split:
        finish(policy(), merged, START, END)
    # (one run's step words it in English, as the command's step; the API's finish, in the policy's language)
    assert split.value.lang == "ja" and str(split.value.in_lang("en")) == str(one.value)
    assert "<events>:3: error: [E120]" in str(one.value) and "<events>:8: error: [E10" in str(one.value)


def test_lines_left_out_are_listed_as_one_run_lists_them() -> None:
    where = {"A": 1, "C": 0, "O": 1, "B": 2, "K": 0, "Q": 2}
    expected = one_run(BAD, policy(), START, None, skip_invalid=True)
    merged = merge(partials(frame(BAD), where, 3, policy(), START, None, skip_invalid=True))
    out = io.BytesIO()
    finish(policy(), merged, START, END).write_json(out)
    assert out.getvalue() == expected and b"error: [E120]" in expected


def test_a_column_problem_of_every_partition_is_said_once() -> None:
    """A column of the wrong type is found by every partition alike: said once, as the whole frame in one
    partition says it (it was said once per partition, and summed up as an invalid line)."""
    events = frame(EXAMPLE).assign(cause=lambda f: f["cause"].map(lambda v: None if v is None else 1.0))
    with pytest.raises(EventInputError) as whole:
        finish(policy(), merge([judge_table(policy(), events, START, END)]), START, END)
    where = {ident: k % 3 for k, ident in enumerate(dict.fromkeys(events["id"]))}
    merged = merge(partials(events, where, 3, policy(), START, None))
    with pytest.raises(EventInputError) as split:
        finish(policy(), merged, START, END)
    assert str(split.value) == str(whole.value)
    assert str(split.value).count("error: [E116]") == 1 and "invalid" not in str(split.value)

"""The JSON report written from columns is byte for byte the row path's.

``sla evaluate --format json`` writes its incident rows (with their explanations)
and violations from the column builders (:mod:`sla_dsl.evaluation.json_blocks`,
:mod:`sla_dsl.report.json_columns`); the reference is the row path,
:meth:`Evaluation.write_json` (one ``row_json`` dict per incident). The property:
for random logs over every policy of the repository (the generators of
``test_step_columns``: the Click So-ko policy in a zone with daylight saving and in
two versions too), random periods, ``as_of`` and options, and ids that need
escapes in JSON, both give the same bytes; so do the examples, and the command.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.json_blocks import IncidentItems, ViolationItems
from sla_dsl.evaluation.result import Evaluation
from sla_dsl.events import read_events
from sla_dsl.report import Violation
from sla_dsl.report.json_columns import json_items
from sla_dsl.report.render import write_json
from sla_dsl.report.tables import TableBlock

from .helpers import EXAMPLE, sla
from .test_step_columns import NAMES, POLICIES, ROOT, instants, judge, policies, stories

#: Ids as a log may spell them: a quote, a backslash, a line break, a control character, Japanese
ODD_IDS = ['INC-"1"', "INC\\2", "INC\n3", "INC\x014", "障害-5", "INC-</6>"]


def by_rows(result: Evaluation) -> bytes:
    """The reference: the row path of the Python API."""
    out = io.BytesIO()
    result.write_json(out)
    return out.getvalue()


def by_columns(result: Evaluation, span: int | None = None) -> bytes:
    """What ``sla evaluate --format json`` writes."""
    out = io.BytesIO()
    incidents = (
        IncidentItems(result.ctx, result.incidents)
        if span is None
        else IncidentItems(result.ctx, result.incidents, span)
    )
    write_json(result.skeleton, incidents, out, ViolationItems(result.violations()))
    return out.getvalue()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), data=st.data())
def test_the_json_from_columns_is_the_row_paths(name: str, data: st.DataObject) -> None:
    events = data.draw(stories(policies(name)[0]))
    if data.draw(st.booleans()):  # ids that JSON must escape
        odd = data.draw(st.permutations(ODD_IDS))
        events = [{**e, "id": odd[int(e["id"].split("-")[1]) % len(odd)]} for e in events]
    period = data.draw(st.sampled_from([(0, 30), (5, 12), (12, 30), (-30, 90)]))
    as_of = data.draw(st.one_of(st.none(), instants()))
    result = judge(name, events, period, as_of, walk=data.draw(st.booleans()), batch=data.draw(st.booleans()))
    span = data.draw(st.sampled_from([1, 2, 3, 16_384]))
    assert by_columns(result, span) == by_rows(result)


@pytest.mark.parametrize("walk", [True, False])
@pytest.mark.parametrize("as_of", [None, dt.datetime(2026, 11, 20, 15, tzinfo=dt.timezone(dt.timedelta(hours=9)))])
def test_the_example_month_is_the_same_both_ways(walk: bool, as_of: dt.datetime | None) -> None:
    """README's example month: the same bytes, in one span and in spans of a few rows (forked)."""
    tz = policies(str(POLICIES[-1]))[0].tz
    start, end = dt.datetime(2026, 11, 1, tzinfo=tz), dt.datetime(2026, 12, 1, tzinfo=tz)
    result = judge_log(policies(str(POLICIES[-1])), read_events(EXAMPLE), start, end, as_of, walk=walk)
    reference = by_rows(result)
    assert len(json.loads(reference)["incidents"]) > 50
    assert by_columns(result) == reference
    assert by_columns(result, 7) == reference


@pytest.mark.parametrize("example", ["plans", "helpdesk"])
def test_the_policy_examples_are_the_same_both_ways(example: str) -> None:
    policy = ROOT / "policies" / "examples" / f"{example}.sla"
    log = ROOT / "policies" / "examples" / ("plans.jsonl" if example == "plans" else "helpdesk-events.jsonl")
    versions = policies(str(policy))
    tz = versions[0].tz
    start, end = dt.datetime(2026, 11, 1, tzinfo=tz), dt.datetime(2026, 12, 1, tzinfo=tz)
    declared = {t for p in versions for t in p.event_types}
    result = judge_log(versions, read_events(log, declared=declared), start, end)
    assert result.incidents
    assert by_columns(result) == by_rows(result)


def test_the_command_writes_the_row_paths_bytes() -> None:
    """``sla evaluate --format json`` (the columns) against the Python API's row path."""
    period = ["--from", "2026-11-01T00:00:00+09:00", "--to", "2026-12-01T00:00:00+09:00"]
    code, out, err = sla("evaluate", POLICIES[-1], EXAMPLE, *period, "--format", "json", "--no-trend", "--quiet")
    assert (code, err) == (0, "")
    tz = policies(str(POLICIES[-1]))[0].tz
    result = judge_log(
        policies(str(POLICIES[-1])),
        read_events(EXAMPLE),
        dt.datetime(2026, 11, 1, tzinfo=tz),
        dt.datetime(2026, 12, 1, tzinfo=tz),
    )
    assert out.encode() == by_rows(result)


def test_a_timestamp_column_is_refused_not_written_otherwise() -> None:
    """Times must come as their JSON text: a block with timestamps is an error, never other bytes."""
    rows = pa.table(
        {
            "kind": ["response_breached"],
            "id": ["A"],
            "message": ["late"],
            "at": pa.array([0], pa.timestamp("us", tz="UTC")),
            "ref": ["Article 3"],
        }
    )
    steps = pa.table({"row": pa.array([], pa.int64()), "step": pa.array([], pa.int64())})
    with pytest.raises(TypeError, match="JSON text"):
        json_items(TableBlock(rows, steps), Violation, True)


def example_month() -> Evaluation:
    """The example month judged under Click So-ko (the column builders' real-world case)."""
    tz = policies(str(POLICIES[-1]))[0].tz
    start, end = dt.datetime(2026, 11, 1, tzinfo=tz), dt.datetime(2026, 12, 1, tzinfo=tz)
    return judge_log(policies(str(POLICIES[-1])), read_events(EXAMPLE), start, end)


def test_the_columns_cover_the_example_month() -> None:
    """The example month goes the column path: blocks, bar the reprioritised incidents (not a vacuous property)."""
    from sla_dsl.evaluation.explain_columns import incident_blocks

    result = example_month()
    blocks = list(incident_blocks(result.ctx, result.incidents, json=True))
    covered = sum(b.rows.num_rows for b in blocks if isinstance(b, TableBlock))
    assert covered >= len(result.incidents) - 10
    assert all(
        pa.types.is_string(f.type)
        for b in blocks
        if isinstance(b, TableBlock)
        for f in b.rows.schema
        if "_at" in f.name
    )

"""The incidents table and its steps built on columns equal those built row by row.

``sla evaluate --format parquet`` builds the incidents and their explanation
steps on columns (:mod:`sla_dsl.evaluation.explain_columns`); the reference is
the row path, one :func:`row_json` dict per incident, filed by the table
builder. The property: for random logs over every policy of the repository
(and the Click So-ko policy in a zone with daylight saving, in two versions),
random periods, ``as_of`` and options, every table (every column, every row,
in order) is the same both ways.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.breach_columns import VIOLATION_COLUMNS, violation_blocks
from sla_dsl.evaluation.explain_columns import BLOCK, INCIDENT_COLUMNS, incident_blocks
from sla_dsl.events import log_from
from sla_dsl.report.sections import target_counts
from sla_dsl.report.settled import earlier_responses, later_responses
from sla_dsl.report.tables import SCHEMAS, TableBlock, report_tables

ROOT = Path(__file__).resolve().parents[2]
POLICIES = [*sorted((ROOT / "policies" / "examples").glob("*.sla")), ROOT / "policies" / "clicksoko.sla"]
TOKYO = dt.timezone(dt.timedelta(hours=9))
#: Clicksoko read in London (its business hours in London time): hours that repeat or are skipped
LONDON = "london"
TWO = "two versions"


@cache
def policies(name: str) -> list[sla_dsl.Policy]:
    if name in (LONDON, TWO):
        text = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
        if name == LONDON:
            return [sla_dsl.load_policy(text.replace("timezone Asia/Tokyo", "timezone Europe/London"))]
        v2 = text.replace('version "2026.1"', 'version "2026.2"').replace(
            "effective 2026-04-01", "effective 2026-10-20"
        )
        v2 = v2.replace("respond within 4 business hours", "respond within 2 business hours")
        return [sla_dsl.load_policy(text), sla_dsl.load_policy(v2)]
    return [sla_dsl.load_policy(Path(name))]


NAMES = [str(p) for p in POLICIES] + [LONDON, TWO]
#: Instants around the period: business-hour edges, a holiday (3 Nov), the London clock change (25 Oct 01:00 UTC)
BASE = dt.datetime(2026, 10, 20, tzinfo=dt.UTC).timestamp()
EDGES = [
    dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC).timestamp(),
    dt.datetime(2026, 10, 25, 1, 0, tzinfo=dt.UTC).timestamp(),
    dt.datetime(2026, 10, 26, 10, 0, tzinfo=TOKYO).timestamp(),
    dt.datetime(2026, 10, 26, 18, 0, tzinfo=TOKYO).timestamp(),
    dt.datetime(2026, 11, 2, 13, 0, tzinfo=TOKYO).timestamp(),
    dt.datetime(2026, 11, 3, 11, 0, tzinfo=TOKYO).timestamp(),
    dt.datetime(2026, 11, 6, 14, 0, tzinfo=TOKYO).timestamp(),
]
FOLLOW_UPS = [
    "incident.product_suspected",
    "incident.responded",
    "incident.responded",
    "incident.info_provided",
    "incident.customer_replied",
    "incident.resolved",
    "incident.reprioritized",
]


@st.composite
def instants(draw: st.DrawFn) -> float:
    if draw(st.integers(0, 2)) == 0:
        return draw(st.sampled_from(EDGES))
    seconds = draw(st.integers(0, 40 * 86_400))
    return BASE + seconds + (0.25 if draw(st.integers(0, 9)) == 0 else 0)


@st.composite
def stories(draw: st.DrawFn, policy: sla_dsl.Policy) -> list[dict[str, Any]]:
    """A few incidents: most plain, some with odd shapes (no report, reprioritised, excluded, declared types)."""
    model = policy.model
    priorities = sorted({p.id for p in model.priorities})
    causes = [None, None, None, "failure", *(e.cause for e in model.exclusions)]
    extra = sorted(t for t in policy.event_types if t.startswith("incident."))
    out: list[dict[str, Any]] = []
    for n in range(draw(st.integers(1, 8))):
        ident, t0 = f"INC-{n}", draw(instants())
        kinds = ["incident.reported"] if draw(st.integers(0, 9)) else []
        kinds += draw(st.lists(st.sampled_from(FOLLOW_UPS + extra), max_size=6))
        for kind in kinds:
            offset = draw(st.sampled_from([0, 60, 1800, 4 * 3600, 26 * 3600, 3 * 86_400, 15 * 86_400, -600]))
            at = t0 if kind == "incident.reported" else t0 + offset + draw(st.sampled_from([0, 0, 0.5]))
            e: dict[str, Any] = {"event": kind, "at": dt.datetime.fromtimestamp(at, TOKYO).isoformat(), "id": ident}
            if kind in ("incident.reported", "incident.reprioritized"):
                e["priority"] = draw(st.sampled_from(priorities))
            if kind == "incident.reported":
                cause = draw(st.sampled_from(causes))
                if cause:
                    e["cause"] = cause
                attributes = {a.name: draw(st.sampled_from(a.values)) for a in model.attributes if draw(st.booleans())}
                if attributes:
                    e["attributes"] = attributes
            out.append(e)
    return out


def judge(name: str, events: list[dict[str, Any]], period: tuple[int, int], as_of: float | None, **kw: Any) -> Any:
    """The evaluation of ``events`` under the policy ``name`` over ``period`` (days from BASE, length)."""
    versions = policies(name)
    tz = min(versions, key=lambda p: p.effective).tz
    start = dt.datetime.fromtimestamp(BASE, tz) + dt.timedelta(days=period[0])
    end = start + dt.timedelta(days=period[1])
    when = dt.datetime.fromtimestamp(as_of, tz) if as_of is not None else None
    declared = {t for p in versions for t in p.event_types}
    return judge_log(versions, log_from(events, declared=declared), start, end, when, **kw)


def tables(name: str, events: list[dict[str, Any]], period: tuple[int, int], as_of: float | None, **kw: Any) -> Any:
    """(the row path's tables, the column path's) of one evaluation."""
    block = kw.pop("block")
    return both(judge(name, events, period, as_of, **kw), block)


def both(result: Any, block: int = BLOCK) -> tuple[dict[str, pa.Table], dict[str, pa.Table], list[Any]]:
    """(the row path's tables, the column path's, the incident blocks) of one evaluation."""
    rows = result.incident_rows()
    by_rows = report_tables(
        result.skeleton, incidents=rows.json_rows(0, len(rows)), violations=result.violations().json_rows()
    )
    blocks = list(incident_blocks(result.ctx, result.incidents, block=block))
    by_columns = report_tables(
        result.skeleton, incidents=blocks, violations=violation_blocks(result.violations(), block=block)
    )
    return by_rows, by_columns, blocks


def assert_equal(a: dict[str, pa.Table], b: dict[str, pa.Table]) -> None:
    assert list(a) == list(b)
    for name in a:
        assert a[name].schema == b[name].schema, name
        for column in a[name].column_names:
            assert a[name][column].to_pylist() == b[name][column].to_pylist(), (name, column)
        assert a[name].equals(b[name]), name


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), data=st.data())
def test_the_column_builder_gives_the_row_paths_tables(name: str, data: st.DataObject) -> None:
    events = data.draw(stories(policies(name)[0]))
    period = data.draw(st.sampled_from([(0, 30), (5, 12), (12, 30), (-30, 90)]))
    as_of = data.draw(st.one_of(st.none(), instants()))
    options = {
        "walk": data.draw(st.booleans()),
        "batch": data.draw(st.booleans()),
        "block": data.draw(st.sampled_from([1, 2, 3, 16_384])),
    }
    block = options.pop("block")
    result = judge(name, events, period, as_of, **options)
    by_rows, by_columns, _ = both(result, block)
    assert_equal(by_rows, by_columns)
    assert_summary_flags(result, by_columns)


def assert_summary_flags(result: Any, tables: dict[str, pa.Table]) -> None:
    """The rows whose ``in_summary`` is true, counted by status, are the summary's figures: per priority (its
    verdicts less those an earlier or the next period's report counts) and per named target."""
    start, end = result.skeleton.period.start, result.skeleton.period.end
    want: Counter[tuple[str, str]] = Counter((i.priority, i.status) for i in result.incidents)
    for gone in (earlier_responses(result.incidents, start), later_responses(result.incidents, end)):
        for priority, counts in gone.items():
            want.subtract({(priority, status): n for status, n in counts.items()})
    rows = tables["incidents"].to_pylist()
    assert all(isinstance(r["in_summary"], bool) for r in rows)
    assert Counter((r["priority"], r["status"]) for r in rows if r["in_summary"]) == +want
    priority = [r["priority"] for r in rows]
    named = Counter(
        (priority[t["row"]], t["name"], t["clock"], t["status"])
        for t in tables["incidents_targets"].to_pylist()
        if t["in_summary"] and t["kind"] != "notify"
    )
    counted = target_counts(result.incidents, start, end).targets
    assert named == Counter(
        {(k.priority, k.subject, k.clock, status): n for k, c in counted.items() for status, n in c.items() if n}
    )


def test_the_example_month_on_columns_equals_the_row_path() -> None:
    """The example month: every incident built on columns, the tables equal to the row path's."""
    from sla_dsl.events import read_events

    tz = policies(str(ROOT / "policies" / "clicksoko.sla"))[0].tz
    start, end = dt.datetime(2026, 11, 1, tzinfo=tz), dt.datetime(2026, 12, 1, tzinfo=tz)
    for as_of in (None, dt.datetime(2026, 11, 20, 15, tzinfo=tz)):
        result = judge_log(
            policies(str(POLICIES[-1])), read_events(ROOT / "examples" / "events-2026-11.jsonl"), start, end, as_of
        )
        by_rows, by_columns, blocks = both(result)
        odd = [inc.ident for inc in result.incidents if inc.reprios or inc.targets]
        on_rows = [b["id"] for b in blocks if not isinstance(b, TableBlock)]
        assert on_rows == odd and len(odd) < 10  # only the reprioritised incidents go the row path
        assert sum(b.rows.num_rows for b in blocks if isinstance(b, TableBlock)) == len(result.incidents) - len(odd)
        assert len(result.incidents) > 50
        assert_equal(by_rows, by_columns)
        assert by_rows["violations"].num_rows >= 10


def test_the_column_builders_know_every_column_of_their_tables() -> None:
    """A column added to the incidents table must be built here too (else every incident would
    silently go the slow row path)."""
    assert tuple(c.name for c in SCHEMAS["incidents"]) == INCIDENT_COLUMNS
    assert tuple(c.name for c in SCHEMAS["violations"]) == VIOLATION_COLUMNS

"""Every incident row and named-target row says whether its report's summary counts its verdict (``in_summary``).

QA found that no table gave the summary's "met" count of a report without a trend (one month whose log
reaches no whole earlier month, or ``--no-trend``): the summary leaves out a verdict an earlier period's
report counted (the incident carried over, its verdict settled before ``from``) and one the next period's
report counts (settled at or after ``to`` of an incident not completed before it), and when a verdict
settled depends on the incident's last reprioritisation, which a table holds only in its steps' English
text. Each row now says so itself, so that ``count(*) ... WHERE in_summary AND status = 'met'`` is the
summary's count, per priority, per named target and per notification rule (an outage's notices too).

Worked by hand on Click So-ko (Asia/Tokyo, P1 ``respond within 4 business hours``, P3 ``within 2 business
days``; business hours 10:00-12:00 and 13:00-18:00 on weekdays), November 2026 as of 5 December:

* A (P1, 27 Oct, due 15:00, never answered): breached in October, carried over: not counted.
* B (P1, 28 Oct, answered at 11:00): met in October, carried over: not counted.
* R (P3 on 29 Oct, answered at 10:30, raised to P1 on 2 Nov): met under P1, settled at the raise in
  November: counted, though answered in October.
* C (P1, 2 Nov, answered at 18:00, due 15:00): breached in November: counted.
* D (P1, 4 Nov, answered at 11:00): met: counted.
* L (P3 on 30 Nov, answered 17:00, raised to P1 on 2 Dec): breached from 2 December, December's report
  counts it: not counted here.

The summary says ``2 of 3 met``: R and D met, C breached.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest

import sla_dsl
from sla_dsl.cli import main
from sla_dsl.report import Report
from sla_dsl.report.render import render
from sla_dsl.report.sections import target_counts
from sla_dsl.report.settled import earlier_responses, later_responses, outage_notice_counts
from sla_dsl.report.tables import report_tables, write_parquet

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"


def ev(event: str, at: str, ident: str, **more: str) -> dict[str, str]:
    return {"event": event, "at": f"{at}:00+09:00", "id": ident, **more}


EVENTS = [
    ev("incident.reported", "2026-10-27T10:00", "A", priority="P1"),
    ev("incident.reported", "2026-10-28T10:00", "B", priority="P1"),
    ev("incident.responded", "2026-10-28T11:00", "B"),
    ev("incident.reported", "2026-10-29T10:00", "R", priority="P3"),
    ev("incident.responded", "2026-10-29T10:30", "R"),
    ev("incident.reprioritized", "2026-11-02T09:00", "R", priority="P1"),
    ev("incident.reported", "2026-11-02T10:00", "C", priority="P1"),
    ev("incident.responded", "2026-11-02T18:00", "C"),
    ev("incident.reported", "2026-11-04T10:00", "D", priority="P1"),
    ev("incident.responded", "2026-11-04T11:00", "D"),
    ev("incident.reported", "2026-11-30T10:00", "L", priority="P3"),
    ev("incident.responded", "2026-11-30T17:00", "L"),
    ev("incident.reprioritized", "2026-12-02T09:00", "L", priority="P1"),
    # an outage noticed in October and still down on 1 November, one of November's own
    ev("outage.started", "2026-10-30T11:00", "O1"),
    ev("outage.recognized", "2026-10-30T11:05", "O1"),
    ev("outage.notified", "2026-10-30T11:30", "O1"),
    ev("outage.started", "2026-11-10T10:00", "O2"),
    ev("outage.recognized", "2026-11-10T10:05", "O2"),
    ev("outage.notified", "2026-11-10T10:30", "O2"),
    ev("outage.ended", "2026-11-10T12:00", "O2"),
]


@pytest.fixture(scope="module")
def november() -> tuple[sla_dsl.Policy, Report]:
    policy = sla_dsl.load_policy(CLICKSOKO)
    return policy, sla_dsl.evaluate(policy, EVENTS, "2026-11-01", "2026-12-01", "2026-12-05")


def summary_counts(report: Report) -> dict[str, Counter[str]]:
    """Per priority, the statuses the summary counts (its rule: :mod:`sla_dsl.report.settled`)."""
    out: dict[str, Counter[str]] = {}
    for i in report.incidents:
        out.setdefault(i.priority, Counter())[i.status] += 1
    for gone in (
        earlier_responses(report.incidents, report.period.start),
        later_responses(report.incidents, report.period.end),
    ):
        for priority, counts in gone.items():
            out[priority].subtract(counts)
    return {p: +c for p, c in out.items()}


def flagged(report: Report) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = {}
    for row in report_tables(report)["incidents"].to_pylist():
        if row["in_summary"]:
            out.setdefault(row["priority"], Counter())[row["status"]] += 1
    return out


def test_the_rows_say_which_verdicts_the_summary_counts(november: tuple[sla_dsl.Policy, Report]) -> None:
    policy, report = november
    rows = {r.id: (r.status, r.in_summary) for r in report.incidents}
    assert rows == {
        "A": ("breached", False),
        "B": ("met", False),
        "R": ("met", True),
        "C": ("breached", True),
        "D": ("met", True),
        "L": ("breached", False),
    }
    assert "2 of 3 met (66.7%)" in render(report, "text", lang="en", policies=[policy])
    assert flagged(report) == summary_counts(report) == {"P1": Counter(met=2, breached=1)}
    # the outage carried over had its notice counted by October's report
    notices = {o.id: [(n.status, n.in_summary) for n in o.notices] for o in report.outages}
    assert notices == {"O1": [("met", False)], "O2": [("met", True)]}
    t0, t1 = report.period.start.timestamp(), report.period.end.timestamp()
    assert all(n.in_summary == outage_notice_counts(o, n, t0, t1) for o in report.outages for n in o.notices)


def test_a_month_without_trend_counts_in_sql_as_its_summary(tmp_path: Path) -> None:
    """``--no-trend``: no ``trend_figures`` to read; the flag gives the summary's figures in SQL."""
    log = tmp_path / "log.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    out = tmp_path / "tables"
    args = [str(CLICKSOKO), str(log), "--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2026-12-05"]
    assert main(["evaluate", *args, "--no-trend", "--format", "parquet", "--output", str(out)]) == 0
    assert duckdb.sql(f"select count(*) from '{out / 'trend.parquet'}'").fetchall() == [(0,)]
    got = duckdb.sql(
        f"select status, count(*) from '{out / 'incidents.parquet'}' where in_summary group by status order by status"
    ).fetchall()
    assert got == [("breached", 1), ("met", 2)]
    notices = duckdb.sql(
        f"select id, status from '{out / 'outages_notices.parquet'}' where in_summary and status = 'met'"
    ).fetchall()
    assert notices == [("O2", "met")]


def test_the_streamed_json_and_the_tables_say_the_same(november: tuple[sla_dsl.Policy, Report], tmp_path: Path) -> None:
    _, report = november
    dumped = report.model_dump(mode="json")
    assert [r["in_summary"] for r in dumped["incidents"]] == [False, False, True, True, True, False]
    assert list(dumped["incidents"][0])[-1] == "in_summary"  # (a key after the others)
    back = Report.model_validate_json(render(report, "json"))
    assert report_tables(back)["incidents"].equals(report_tables(report)["incidents"])
    # a JSON written before the key: not known, null
    for row in dumped["incidents"]:
        del row["in_summary"]
    old = Report.model_validate(dumped)
    assert {r.in_summary for r in old.incidents} == {None}
    write_parquet(old, tmp_path)
    assert duckdb.sql(f"select count(in_summary) from '{tmp_path / 'incidents.parquet'}'").fetchall() == [(0,)]


def helpdesk_events() -> list[dict[str, Any]]:
    return [
        # carried over: its response met and its resolution breached (due 28 Oct) in October
        ev("incident.reported", "2026-10-26T10:00", "H1", priority="P1"),
        ev("incident.responded", "2026-10-26T10:30", "H1"),
        # November's: resolution met
        ev("incident.reported", "2026-11-04T10:00", "H2", priority="P1"),
        ev("incident.responded", "2026-11-04T10:30", "H2"),
        ev("incident.resolved", "2026-11-04T15:00", "H2"),
        # November's last: its resolution still open
        ev("incident.reported", "2026-11-30T10:00", "H3", priority="P3"),
    ]


def test_named_targets_say_it_too() -> None:
    policy = sla_dsl.load_policy(HELPDESK)
    report = sla_dsl.evaluate(policy, helpdesk_events(), "2026-11-01", "2026-12-01")
    tables = report_tables(report)
    rows = [r for r in tables["incidents_targets"].to_pylist() if r["kind"] != "notify"]
    assert all(isinstance(r["in_summary"], bool) for r in rows)
    got: dict[tuple[str, str], Counter[str]] = {}
    priority = {r.id: r.priority for r in report.incidents}
    for r in rows:
        if r["in_summary"]:
            got.setdefault((priority[r["id"]], r["name"]), Counter())[r["status"]] += 1
    want = target_counts(report.incidents, report.period.start, report.period.end).targets
    assert got == {(k.priority, k.subject): +c for k, c in want.items() if +c}
    resolve = {(r["id"], r["name"]): (r["status"], r["in_summary"]) for r in rows}
    assert resolve[("H1", "resolve")] == ("breached", False)
    assert resolve[("H2", "resolve")] == ("met", True)
    assert flagged(report) == summary_counts(report)


def test_the_summary_of_the_example_month_is_the_flagged_rows() -> None:
    from sla_dsl.events import read_events

    policy = sla_dsl.load_policy(CLICKSOKO)
    events = read_events(ROOT / "examples" / "events-2026-11.jsonl")
    for as_of in (None, "2026-11-20T15:00:00+09:00"):
        report = sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01", as_of)
        assert flagged(report) == summary_counts(report)
        text = render(report, "text", lang="en", policies=[policy])
        met = flagged(report)["P1"]["met"]
        judged = met + flagged(report)["P1"]["breached"]
        assert re.search(rf"\b{met} of {judged} met\b", text)

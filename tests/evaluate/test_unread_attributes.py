"""Attributes on an event that does not carry them: kept, never read, and said so (a ``data`` violation).

Only the event that opens an item reads ``attributes`` (``incident.reported``,
``outage.started``): they choose the rules for its whole life. The same field on
a response, a reprioritisation, an outage's end, a planned stop or a backup was
kept as an extra field and ignored without a word, by every reader.

Worked by hand on ``policies/examples/plans.sla``: P1 is 1 hour for
``plan = premium``, else 4 business hours (Mon-Fri 10-12, 13-18); an incident
reported Tue 10 Nov 10:30 without attributes is due 15:30 (1.5 h + 2.5 h).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

import sla_dsl
from sla_dsl.evaluation import evaluate
from sla_dsl.evaluation.partition import finish, judge_partition
from sla_dsl.events import arrow
from sla_dsl.events.arrow import read_table
from sla_dsl.events.partitions import LINE, read_partition
from sla_dsl.events.reader import read_csv, read_text
from sla_dsl.policy import Policy
from sla_dsl.report import Report

from .helpers import ROOT, ev, t

PLANS = ROOT / "policies" / "examples" / "plans.sla"
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
PREMIUM = {"plan": "premium"}


@cache
def plans() -> Policy:
    return sla_dsl.load_policy(PLANS)


def run(events: Any, policy: Policy | None = None, as_of: str | None = None) -> Report:
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    return sla_dsl.evaluate(policy or plans(), events, start, end, t(as_of) if as_of else None)


def data(report: Report) -> list[str]:
    return [v.message for v in report.violations if v.kind == "data"]


def reported(**fields: Any) -> dict[str, Any]:
    return ev("incident.reported", "2026-11-10 10:30", "I", priority="P1", **fields)


@pytest.mark.parametrize(
    "later",
    [
        ev("incident.responded", "2026-11-10 10:40", "I", attributes=PREMIUM),
        ev("incident.product_suspected", "2026-11-10 10:35", "I", attributes=PREMIUM),
        ev("incident.info_provided", "2026-11-10 10:45", "I", attributes=PREMIUM),
        ev("incident.reprioritized", "2026-11-10 10:50", "I", priority="P1", attributes=PREMIUM),
        ev("incident.resolved", "2026-11-10 16:00", "I", attributes={"nope": "x"}),  # not read, so not checked
        ev("incident.customer_replied", "2026-11-10 10:50", "I", attributes="not an object"),
    ],
    ids=lambda e: e["event"],
)
def test_attributes_on_a_later_incident_event_are_a_data_violation(later: dict[str, Any]) -> None:
    report = run([reported(), later])
    (row,) = report.incidents
    assert row.response_due == t("2026-11-10 15:30")  # the report's (no) attributes chose the rule
    assert data(report) == [
        f"<events>:2: attributes on {later['event']} of `I` are not read; those of incident.reported count"
    ]
    (v,) = [v for v in report.violations if v.kind == "data"]
    assert v.id == "I" and v.at == t(later["at"][:16].replace("T", " "))


def test_the_reports_attributes_choose_the_rule_and_a_later_event_changes_nothing() -> None:
    report = run([reported(attributes=PREMIUM), ev("incident.reprioritized", "2026-11-10 10:50", "I", priority="P1")])
    assert report.incidents[0].response_due == t("2026-11-10 11:30")
    assert data(report) == []


@pytest.mark.parametrize("empty", [None, {}])
def test_null_and_empty_attributes_say_nothing(empty: Any) -> None:
    report = run([reported(), ev("incident.responded", "2026-11-10 10:40", "I", attributes=empty)])
    assert data(report) == [] and report.incidents[0].status == "met"


def test_outage_stop_and_backup_events() -> None:
    stop = ev(
        "stop.announced", "2026-11-01 10:00", "S", channel="email", start="2026-11-20 01:00", end="2026-11-20 02:00"
    )
    events = [
        ev("outage.started", "2026-11-11 10:30", "O", cause="failure"),
        ev("outage.recognized", "2026-11-11 11:00", "O", attributes=PREMIUM),
        ev("outage.ended", "2026-11-11 12:00", "O", attributes=PREMIUM),
        {**stop, "attributes": PREMIUM},
        ev("backup.completed", "2026-11-02 01:00", "B", kind="database", attributes=PREMIUM),
    ]
    assert sorted(data(run(events))) == [
        "<events>:2: attributes on outage.recognized of `O` are not read; those of outage.started count",
        "<events>:3: attributes on outage.ended of `O` are not read; those of outage.started count",
        "<events>:4: attributes on stop.announced of `S` are not read; planned stops and backups have none",
        "<events>:5: attributes on backup.completed of `B` are not read; planned stops and backups have none",
    ]


def test_a_declared_incident_event() -> None:
    policy = sla_dsl.load_policy(HELPDESK)
    events = [reported(), ev("incident.chat_started", "2026-11-10 10:31", "I", attributes={"channel": "chat"})]
    assert data(run(events, policy)) == [
        "<events>:2: attributes on incident.chat_started of `I` are not read; those of incident.reported count"
    ]


def test_once_per_event_and_not_after_as_of() -> None:
    later = ev("incident.responded", "2026-11-10 10:40", "I", attributes=PREMIUM)
    resolved = ev("incident.resolved", "2026-11-20 10:00", "I", attributes=PREMIUM)
    assert data(run([reported(), later, later], as_of="2026-11-15 00:00")) == [
        "<events>:2: attributes on incident.responded of `I` are not read; those of incident.reported count"
    ]
    assert len(data(run([reported(), later, resolved], as_of="2026-11-15 00:00"))) == 1


def test_a_line_left_out_is_skipped_not_noted() -> None:
    bad = ev("incident.reprioritized", "2026-11-10 10:50", "I", priority="P7", attributes=PREMIUM)
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    report = evaluate(plans(), [reported(), bad], start, end, skip_invalid=True)
    assert data(report) == [] and len(report.input.skipped) == 1


# -- every reader notes them: JSON Lines (both paths), CSV, Arrow (rows and columns), partitions ------------


LINES = [
    reported(),
    ev("incident.responded", "2026-11-10 10:40", "I", attributes=PREMIUM),
    # (a fraction of a second: the reader's long way, _file)
    {
        **ev("incident.info_provided", "2026-11-10 10:41", "I"),
        "at": "2026-11-10T10:41:00.5+09:00",
        "attributes": PREMIUM,
    },
    ev("incident.resolved", "2026-11-10 16:00", "I", attributes={}),
    ev("backup.completed", "2026-11-02 01:00", "B", kind="database", zone="a", attributes=PREMIUM),
]
UNREAD = [(0, "I", 2), (0, "I", 3), (3, "B", 5)]  # (family, id, line)


def _unread(log: Any) -> list[tuple[int, str, int]]:
    return sorted((u.family, u.ident, u.line) for u in log.unread)


def test_json_lines() -> None:
    log = read_text("".join(json.dumps(e) + "\n" for e in LINES), "log.jsonl")
    assert _unread(log) == UNREAD and log.count == 5
    # a time read on an earlier line: the reader's inlined fast path
    same = [reported(), {**reported(), "event": "incident.responded", "attributes": PREMIUM}]
    del same[1]["priority"]
    log = read_text("".join(json.dumps(e) + "\n" for e in same), "log.jsonl")
    assert _unread(log) == [(0, "I", 2)] and log.count == 2


def test_csv() -> None:
    head = "event,at,id,priority,kind,zone,attributes\n"
    rows = [
        ",".join(
            [
                *(e.get(name, "") for name in ("event", "at", "id", "priority", "kind", "zone")),
                '"' + json.dumps(e["attributes"]).replace('"', '""') + '"' if "attributes" in e else "",
            ]
        )
        for e in LINES
    ]
    log = read_csv(io.StringIO(head + "\n".join(rows) + "\n", newline=""), "log.csv")
    assert [(f, i, line - 1) for f, i, line in _unread(log)] == UNREAD  # (line 1 is the header)


def _table(as_map: bool) -> pa.Table:
    cells = [e.get("attributes") for e in LINES]
    attrs = (
        pa.array([None if c is None else list(c.items()) for c in cells], type=pa.map_(pa.string(), pa.string()))
        if as_map
        else pa.array([None if c is None else json.dumps(c) for c in cells])
    )
    columns = {name: [e.get(name) for e in LINES] for name in ("event", "at", "id", "priority", "kind", "zone")}
    return pa.table({**columns, "attributes": attrs})


@pytest.mark.parametrize("by_columns", [True, False])
@pytest.mark.parametrize("as_map", [True, False])
def test_arrow(monkeypatch: pytest.MonkeyPatch, by_columns: bool, as_map: bool) -> None:
    monkeypatch.setattr(arrow._Reader, "columns", by_columns)
    log = read_table(_table(as_map), "<table>")
    assert _unread(log) == UNREAD and log.count == 5


def test_a_partitioned_run_says_what_one_run_says() -> None:
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    one = data(sla_dsl.evaluate(plans(), LINES, start, end))
    table = _table(False).append_column(LINE, pa.array(range(1, len(LINES) + 1)))
    parted = finish(plans(), judge_partition(plans(), read_partition(table), start, end), start, end)
    assert [v.message for v in parted.report().violations if v.kind == "data"] == one
    assert len(one) == 3


def test_the_command_line_report(tmp_path: Path) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in LINES))
    month = ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(PLANS), str(log), *month],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    said = [v["message"] for v in json.loads(done.stdout)["violations"] if v["kind"] == "data"]
    assert sorted(said) == [
        f"{log}:2: attributes on incident.responded of `I` are not read; those of incident.reported count",
        f"{log}:3: attributes on incident.info_provided of `I` are not read; those of incident.reported count",
        f"{log}:5: attributes on backup.completed of `B` are not read; planned stops and backups have none",
    ]

"""A field of the contract on an event type that does not carry it: kept, never read, and said so.

``priority`` is read on ``incident.reported`` and ``incident.reprioritized`` only;
``cause`` on the events that open an incident or an outage; ``kind`` on backups;
``channel``, ``start`` and ``end`` on ``stop.announced`` (the contract's table).
A ``priority`` on a response was kept as an extra field and ignored without a
word: its author may have meant it to reprioritise the incident. Each is now a
``data`` violation at its line, unless it repeats the value in force (a ticket
system that stamps the incident's priority on every event says nothing new). A
field no event of the family carries (``kind`` on an outage) has no value in
force: it is said once per item and value, at the first event that gives it (a
monitoring export that stamps ``"kind": "outage"`` on every outage event gets
one violation per outage, not one per event).

Worked by hand on ``policies/clicksoko.sla``: P2 is 7 business hours (10-12,
13-18 on business days); reported Mon 2 Nov 10:00, due 18:00 the same day (2 h +
5 h); P1 (4 h) would be due 15:00, so a response at 16:00 would be late.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

import sla_dsl
from sla_dsl.evaluation import evaluate
from sla_dsl.evaluation.partition import finish, judge_partition, merge
from sla_dsl.events import arrow
from sla_dsl.events.arrow import read_table
from sla_dsl.events.partitions import LINE, read_partition, without_lines
from sla_dsl.events.reader import read_csv, read_text
from sla_dsl.events.schema import (
    FAMILIES,
    KNOWN_FIELDS,
    PAYLOAD,
    STRAY_BY_CODE,
    TYPES,
    UNCARRIED_BY_FAMILY,
    repeat_key,
)
from sla_dsl.policy import Policy
from sla_dsl.report import Report

from .helpers import POLICY_PATH, ROOT, ev, t

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"


@cache
def clicksoko() -> Policy:
    return sla_dsl.load_policy(POLICY_PATH)


def run(events: Any, as_of: str | None = None, policy: Policy | None = None) -> Report:
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    return sla_dsl.evaluate(policy or clicksoko(), events, start, end, t(as_of) if as_of else None)


def data(report: Report) -> list[str]:
    return [v.message for v in report.violations if v.kind == "data"]


def said(line: int, event: str, ident: str, fields: str) -> str:
    return f"<events>:{line}: {event} of `{ident}` gives {fields}, which that event type does not carry: not read"


REPORTED = ev("incident.reported", "2026-11-02 10:00", "I", priority="P2")


def test_the_table_of_fields_is_the_contracts() -> None:
    assert set(KNOWN_FIELDS) == {f for fields in PAYLOAD.values() for f in fields} | {"attributes"}
    stray = dict(zip(TYPES, STRAY_BY_CODE, strict=False))
    assert "priority" in stray["incident.responded"] and "priority" not in stray["incident.reprioritized"]
    assert "cause" in stray["outage.ended"] and "cause" not in stray["outage.started"]
    assert "kind" not in stray["backup.deleted"] and "zone" in stray["backup.deleted"]


def test_a_priority_on_a_response_changes_nothing_and_is_said() -> None:
    report = run([REPORTED, ev("incident.responded", "2026-11-02 16:00", "I", priority="P1")])
    (row,) = report.incidents
    assert (row.priority, row.response_due, row.status) == ("P2", t("2026-11-02 18:00"), "met")  # P1: breached
    assert data(report) == [said(2, "incident.responded", "I", "`priority`")]
    (v,) = [v for v in report.violations if v.kind == "data"]
    assert v.id == "I" and v.at == t("2026-11-02 16:00")
    assert v.note is not None and (v.note.what, v.note.fields) == ("field_unread", ["priority"])


@pytest.mark.parametrize(
    "later",
    [
        ev("incident.responded", "2026-11-02 16:00", "I", priority="P2"),  # the priority in force, stamped
        ev("incident.responded", "2026-11-02 16:00", "I", priority=" P2 "),  # (as the models read a name)
        ev("incident.responded", "2026-11-02 16:00", "I", priority=None),
        ev("incident.responded", "2026-11-02 16:00", "I", priority=""),
        ev("incident.responded", "2026-11-02 16:00", "I", cause="  "),
        ev("incident.responded", "2026-11-02 16:00", "I", source="jira", summary="not a contract field"),
    ],
    ids=["stamped", "blanks", "null", "empty", "blank", "unknown-fields"],
)
def test_what_says_nothing_new_is_not_noted(later: dict[str, Any]) -> None:
    report = run([REPORTED, later])
    assert data(report) == [] and report.incidents[0].status == "met"


def test_the_value_in_force_is_the_last_before_the_event() -> None:
    events = [
        REPORTED,
        ev("incident.info_provided", "2026-11-02 10:30", "I", priority="P2"),  # in force then: quiet
        ev("incident.reprioritized", "2026-11-02 11:00", "I", priority="P1"),
        ev("incident.info_provided", "2026-11-02 11:30", "I", priority="P1"),  # in force now: quiet
        ev("incident.responded", "2026-11-02 12:00", "I", priority="P2"),  # the old one: noted
    ]
    assert data(run(events)) == [said(5, "incident.responded", "I", "`priority`")]
    # an event before the report is compared with the first value
    early = ev("incident.product_suspected", "2026-11-02 09:00", "J", priority="P3")
    assert said(1, "incident.product_suspected", "J", "`priority`") in data(run([early, {**REPORTED, "id": "J"}]))
    stamped = {**early, "priority": "P2"}
    assert data(run([stamped, {**REPORTED, "id": "J"}])) == [
        "<events>:1: incident.product_suspected before incident.reported"
    ]


def test_outages_stops_and_backups() -> None:
    stop = ev(
        "stop.announced", "2026-11-01 10:00", "S", channel="email", start="2026-11-20 01:00", end="2026-11-20 02:00"
    )
    events = [
        ev("outage.started", "2026-11-11 10:30", "O", cause="failure"),
        ev("outage.recognized", "2026-11-11 11:00", "O", cause="failure"),  # the cause in force: quiet
        ev("outage.ended", "2026-11-11 12:00", "O", cause="planned", kind="files"),
        {**stop, "priority": "P1"},
        ev("backup.completed", "2026-11-02 01:00", "B", kind="database", channel="web"),
        ev("backup.deleted", "2026-11-05 01:00", "B", kind="database", zone="az-a"),
        {**ev("incident.responded", "2026-11-02 16:00", "I"), "start": "2026-11-02T16:00:00+09:00"},
        REPORTED,
    ]
    assert sorted(data(run(events))) == [
        said(3, "outage.ended", "O", "`cause` and `kind`"),
        said(4, "stop.announced", "S", "`priority`"),
        said(5, "backup.completed", "B", "`channel`"),
        said(6, "backup.deleted", "B", "`zone`"),
        said(7, "incident.responded", "I", "`start`"),
    ]


def test_a_number_is_never_the_value_in_force() -> None:
    assert data(run([REPORTED, ev("incident.responded", "2026-11-02 16:00", "I", priority=2)])) == [
        said(2, "incident.responded", "I", "`priority`")
    ]


def test_attributes_and_other_fields_are_two_notes() -> None:
    later = ev("incident.responded", "2026-11-02 16:00", "I", priority="P1", attributes={"plan": "premium"})
    assert data(run([REPORTED, later])) == [
        "<events>:2: attributes on incident.responded of `I` are not read; those of incident.reported count",
        said(2, "incident.responded", "I", "`priority`"),
    ]


def test_stamped_attributes_say_nothing_new() -> None:
    plans = sla_dsl.load_policy(ROOT / "policies" / "examples" / "plans.sla")
    plan = {"plan": "premium"}
    first = {**REPORTED, "priority": "P1", "attributes": plan}
    assert data(run([first, ev("incident.responded", "2026-11-02 16:00", "I", attributes=plan)], policy=plans)) == []
    other = ev("incident.responded", "2026-11-02 16:00", "I", attributes={"plan": "basic"})
    assert len(data(run([first, other], policy=plans))) == 1


def test_a_declared_incident_event() -> None:
    policy = sla_dsl.load_policy(HELPDESK)
    events = [
        ev("incident.reported", "2026-11-02 10:00", "I", priority="P1"),
        ev("incident.chat_started", "2026-11-02 10:01", "I", priority="P3"),
    ]
    assert data(run(events, policy=policy)) == [said(2, "incident.chat_started", "I", "`priority`")]


def test_once_per_event_and_not_after_as_of() -> None:
    later = ev("incident.responded", "2026-11-02 16:00", "I", priority="P1")
    resolved = ev("incident.resolved", "2026-11-20 10:00", "I", priority="P3")
    assert data(run([REPORTED, later, later, resolved], as_of="2026-11-15 00:00")) == [
        said(2, "incident.responded", "I", "`priority`")
    ]


def test_a_line_left_out_is_skipped_not_noted() -> None:
    bad = {**ev("incident.responded", "2026-11-02 16:00", "I", priority="P1"), "at": "tomorrow"}
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    report = evaluate(clicksoko(), [REPORTED, bad], start, end, skip_invalid=True)
    assert data(report) == [] and len(report.input.skipped) == 1


# -- every reader notes them: JSON Lines (both paths), CSV, Arrow (rows and columns), partitions ------------

LINES = [
    REPORTED,
    ev("incident.responded", "2026-11-02 16:00", "I", priority="P1"),
    # (a fraction of a second: the reader's long way, _file)
    {**ev("incident.info_provided", "2026-11-02 16:01", "I"), "at": "2026-11-02T16:01:00.5+09:00", "cause": "x"},
    ev("incident.resolved", "2026-11-02 17:00", "I", priority="P2"),  # stamped: quiet
    ev("backup.completed", "2026-11-02 01:00", "B", kind="database", priority="P1"),
    ev("outage.started", "2026-11-11 10:30", "O", cause="failure"),
    ev("outage.ended", "2026-11-11 12:00", "O", cause="failure"),  # stamped: quiet
]
UNREAD = [
    (0, "I", 2, "priority"),
    (0, "I", 3, "cause"),
    (0, "I", 4, "priority"),
    (1, "O", 7, "cause"),
    (3, "B", 5, "priority"),
]
NOTED = [  # (in time order: the backup first)
    said(5, "backup.completed", "B", "`priority`"),
    said(2, "incident.responded", "I", "`priority`"),
    said(3, "incident.info_provided", "I", "`cause`"),
]
COLUMNS = ("event", "at", "id", "priority", "cause", "kind")


def _unread(log: Any) -> list[tuple[int, str, int, str]]:
    return sorted((u.family, u.ident, u.line, u.field) for u in log.unread)


def test_json_lines() -> None:
    log = read_text("".join(json.dumps(e) + "\n" for e in LINES), "log.jsonl")
    assert _unread(log) == UNREAD and log.count == len(LINES)
    # a time read on an earlier line: the reader's inlined fast path
    same = [REPORTED, {**REPORTED, "event": "incident.responded", "priority": "P1"}]
    log = read_text("".join(json.dumps(e) + "\n" for e in same), "log.jsonl")
    assert _unread(log) == [(0, "I", 2, "priority")] and log.count == 2


def test_csv() -> None:
    head = ",".join(COLUMNS) + "\n"
    rows = [",".join(e.get(name, "") for name in COLUMNS) for e in LINES]
    log = read_csv(io.StringIO(head + "\n".join(rows) + "\n", newline=""), "log.csv")
    assert [(f, i, line - 1, field) for f, i, line, field in _unread(log)] == UNREAD  # (line 1 is the header)


def _table() -> pa.Table:
    return pa.table({name: [e.get(name) for e in LINES] for name in COLUMNS})


@pytest.mark.parametrize("by_columns", [True, False])
def test_arrow(monkeypatch: pytest.MonkeyPatch, by_columns: bool) -> None:
    monkeypatch.setattr(arrow._Reader, "columns", by_columns)
    log = read_table(_table(), "<table>")
    assert _unread(log) == UNREAD and log.count == len(LINES)


def test_every_input_says_the_same() -> None:
    assert data(run(LINES)) == NOTED
    assert data(run(_table())) == [m.replace("<events>:", "<table>: row ") for m in NOTED]


def test_a_partitioned_run_says_what_one_run_says() -> None:
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    policy = clicksoko()
    one = data(sla_dsl.evaluate(policy, LINES, start, end))
    table = _table().append_column(LINE, pa.array(range(1, len(LINES) + 1)))
    parted = finish(policy, judge_partition(policy, read_partition(table), start, end), start, end)
    assert [v.message for v in parted.report().violations if v.kind == "data"] == one == NOTED


def test_the_command_line_report(tmp_path: Path) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in LINES))
    month = ["--from", "2026-11-01", "--to", "2026-12-01"]
    done = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY_PATH), str(log), *month, "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = [v["message"] for v in json.loads(done.stdout)["violations"] if v["kind"] == "data"]
    assert found == [m.replace("<events>", str(log)) for m in NOTED]
    ja = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY_PATH), str(log), *month, "--lang", "ja"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert "「I」のエンド・ユーザー様への一次回答に優先度がありますが" in ja.stdout


# -- a field no event of its family carries: said once per item and value -----------------------------------


def test_the_fields_no_event_of_a_family_carries() -> None:
    assert dict(zip(FAMILIES, UNCARRIED_BY_FAMILY, strict=True)) == {
        "incident": {"service", "channel", "start", "end", "kind", "zone", "primary_zone"},
        "outage": {"priority", "channel", "start", "end", "kind", "zone", "primary_zone"},
        "stop": {"priority", "cause", "attributes", "service", "kind", "zone", "primary_zone"},
        "backup": {"priority", "cause", "attributes", "service", "channel", "start", "end"},
    }


STAMPED = [
    ev("outage.ended", "2026-11-11 12:00", "O", kind="outage"),  # the first line, not the first in time
    ev("outage.started", "2026-11-11 10:30", "O", cause="failure", kind="outage"),  # said here
    ev("outage.recognized", "2026-11-11 11:00", "O", kind=" outage "),  # (a name is read stripped)
    ev("outage.notified", "2026-11-11 11:10", "O", kind="network"),  # another value: said again
    ev("outage.started", "2026-11-12 10:30", "P", cause="failure", kind="outage"),  # another outage: said
    REPORTED,
    {**ev("incident.responded", "2026-11-02 11:00", "I", priority="P2"), "start": "2026-11-02T10:00:00+09:00"},
    # the same instant written in UTC: not said again; the priority keeps the rule of the value in force
    {**ev("incident.resolved", "2026-11-02 12:00", "I", priority="P1"), "start": "2026-11-02T01:00:00Z"},
]
ONCE = [  # (line, message without its place), in the report's order
    (7, "incident.responded of `I` gives `start`, which that event type does not carry: not read"),
    (8, "incident.resolved of `I` gives `priority`, which that event type does not carry: not read"),
    (2, "outage.started of `O` gives `kind`, which that event type does not carry: not read"),
    (4, "outage.notified of `O` gives `kind`, which that event type does not carry: not read"),
    (5, "outage.started of `P` gives `kind`, which that event type does not carry: not read"),
]


def test_a_field_no_event_of_the_family_carries_is_said_once_per_item_and_value() -> None:
    report = run(STAMPED)
    assert data(report) == [f"<events>:{line}: {text}" for line, text in ONCE]
    notes = [v.note for v in report.violations if v.kind == "data"]
    assert [(n.event, n.fields) for n in notes if n is not None][2] == ("outage.started", ["kind"])
    # before as_of only: the first event that gives the value among those judged
    assert data(run(STAMPED, as_of="2026-11-11 10:45")) == [f"<events>:{line}: {text}" for line, text in ONCE[:3]]


def test_a_line_left_out_hands_the_note_to_the_next_event() -> None:
    bad = {**STAMPED[1], "at": "tomorrow"}  # the start left out: the recognition is the first left
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    report = evaluate(clicksoko(), [STAMPED[0], bad, *STAMPED[2:]], start, end, skip_invalid=True)
    kinds = [m for m in data(report) if "gives `kind`" in m and "`O`" in m]
    assert kinds == [
        "<events>:3: outage.recognized of `O` gives `kind`, which that event type does not carry: not read",
        "<events>:4: outage.notified of `O` gives `kind`, which that event type does not carry: not read",
    ]


def test_attributes_on_a_backup_are_said_once_per_value() -> None:
    events = [
        ev("backup.completed", "2026-11-02 01:00", "B", kind="database", attributes={"plan": "x"}),
        ev("backup.deleted", "2026-11-05 01:00", "B", kind="database", attributes={"plan": "x"}),
        ev("backup.completed", "2026-11-03 01:00", "C", kind="database", attributes={"plan": "x"}),
    ]
    none = "attributes on backup.completed of `{}` are not read; planned stops and backups have none"
    assert data(run(events)) == [f"<events>:1: {none.format('B')}", f"<events>:3: {none.format('C')}"]
    other = {**events[1], "attributes": {"plan": "y"}}
    assert len(data(run([events[0], other]))) == 2


def test_the_order_of_the_lines_changes_nothing() -> None:
    said_once = [(v.at, v.note) for v in run(STAMPED).violations if v.kind == "data"]
    rnd = random.Random(7)
    for _ in range(12):
        lines = list(STAMPED)
        rnd.shuffle(lines)
        again = [(v.at, v.note) for v in run(lines).violations if v.kind == "data"]
        assert [(at, n.event, n.fields) for at, n in again if n] == [
            (at, n.event, n.fields) for at, n in said_once if n
        ]


STAMP_COLUMNS = ("event", "at", "id", "priority", "cause", "kind", "start")


def _stamped_table(times: bool) -> pa.Table:
    """The stamped log as a table; ``times``: ``start`` as a timestamp column (the Arrow readers give a
    datetime or epoch seconds, where the text readers give ISO text)."""
    columns = {name: pa.array([e.get(name) for e in STAMPED], pa.string()) for name in STAMP_COLUMNS}
    if times:
        starts = [e.get("start") for e in STAMPED]
        columns["start"] = pa.array(
            [dt.datetime.fromisoformat(s) if s else None for s in starts], pa.timestamp("us", tz="UTC")
        )
    return pa.table(columns)


def _stamped(how: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ``data`` messages of the stamped log read one way."""
    text = "".join(json.dumps(e) + "\n" for e in STAMPED)
    if how == "jsonl":
        return data(run(read_text(text, "log.jsonl")))
    if how == "csv":
        rows = [",".join(e.get(name, "") for name in STAMP_COLUMNS) for e in STAMPED]
        head = ",".join(STAMP_COLUMNS) + "\n"
        return data(run(read_csv(io.StringIO(head + "\n".join(rows) + "\n", newline=""), "log.csv")))
    if how == "serve":  # (the store's events are read with no lines)
        return data(run(without_lines(read_text(text, "<store>"))))
    table = _stamped_table(times=how != "arrow-text")
    if how.startswith("arrow"):
        monkeypatch.setattr(arrow._Reader, "columns", how != "arrow-rows")
        return data(run(read_table(table, "<table>")))
    start, end = t("2026-11-01 00:00"), t("2026-12-01 00:00")
    table = table.append_column(LINE, pa.array(range(1, len(STAMPED) + 1)))
    ids = table.column("id").to_pylist()
    parts = [table.filter(pa.array([ident in some for ident in ids])) for some in ({"O"}, {"P", "I"})]
    partials = [judge_partition(clicksoko(), read_partition(part), start, end) for part in parts]
    return [v.message for v in finish(clicksoko(), merge(partials), start, end).report().violations if v.kind == "data"]


@pytest.mark.parametrize("how", ["jsonl", "csv", "arrow-text", "arrow-columns", "arrow-rows", "partitions", "serve"])
def test_every_reading_path_says_it_once(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    place = {
        "jsonl": "log.jsonl:{}: ",
        "csv": "log.csv:{}: ",
        "partitions": "<events>:{}: ",
        "serve": "",
    }.get(how, "<table>: row {}: ")
    lines = {"csv": 1}.get(how, 0)  # (the CSV's line 1 is its header)
    assert _stamped(how, monkeypatch) == [place.format(line + lines) + text for line, text in ONCE]


def test_a_time_is_told_apart_however_a_reader_gives_it() -> None:
    at = dt.datetime(2026, 11, 2, 1, 0, 0, 250_000, tzinfo=dt.UTC)
    told = {repeat_key("start", v) for v in (at, at.timestamp(), at.isoformat(), "2026-11-02T10:00:00.25+09:00")}
    assert told == {1_793_581_200_250_000}
    assert repeat_key("end", " soon ") == "soon" and repeat_key("start", "2026-11-02T10:00:00") == "2026-11-02T10:00:00"
    assert repeat_key("kind", 2) == 2 and repeat_key("kind", ["a"]) is None and repeat_key("kind", " x ") == "x"


@pytest.mark.parametrize(("stamped", "flagged"), [("P2", False), ("P1", True)])
def test_a_repeated_report_gives_no_value_in_force(stamped: str, flagged: bool) -> None:
    """Reported P2, reported again as P1 (not read: the first report counts), answered stamped with a
    priority. The stamp was compared with the repeat's P1: the P2 actually judged was said "not read" and
    a P1 stamp, which contradicts it, passed in silence."""
    events = [
        REPORTED,
        ev("incident.reported", "2026-11-02 12:00", "I", priority="P1"),
        ev("incident.responded", "2026-11-02 13:00", "I", priority=stamped),
    ]
    notes = data(run(events))
    assert [n for n in notes if "reported again" in n]  # (the repeat itself is said)
    assert (said(3, "incident.responded", "I", "`priority`") in notes) is flagged, notes

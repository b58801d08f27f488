"""Event types declared in a policy (issue 12): every reader takes them for a policy that declares them
and refuses them, located, with a help naming the declaration, for one that does not.

The policy of the cases declares ``incident.chat_started`` and measures a first reply to a chat on it:
Tokyo business hours 09:00-12:00 and 13:00-18:00, Monday to Friday, 30 business minutes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.events import EVENT_ADAPTER
from sla_dsl.events.reader import EventInputError, log_from, read_csv, read_events, read_jsonl, read_text
from sla_dsl.policy import Policy, declared_types

TOKYO = dt.timezone(dt.timedelta(hours=9))
ROOT = Path(__file__).resolve().parents[2]

HEADER = """sla "Chat desk" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-12:00, 13:00-18:00
  holidays JP
}

clock response "応答" / "Response" {
  starts at incident.reported
}
"""
CHAT = """
event incident.chat_started "チャット開始" / "Chat started"

clock chat "チャットへの初回回答" / "First reply to a chat" {
  starts at incident.chat_started
  stops at incident.responded
}
"""
PRIORITY = """
priority P1 "緊急" / "Urgent" {
  definition "停止" / "Stopped"
  respond within 4 business hours
%s}
"""
DECLARES = HEADER + CHAT + PRIORITY % "  first reply within 30 business minutes on chat\n"
PLAIN = HEADER + PRIORITY % ""

LINES = [
    {"event": "incident.reported", "at": "2026-11-24T09:00:00+09:00", "id": "C1", "priority": "P1"},
    {"event": "incident.chat_started", "at": "2026-11-24T10:00:00+09:00", "id": "C1"},
    {"event": "incident.responded", "at": "2026-11-24T10:20:00+09:00", "id": "C1"},
]
JSONL = "".join(json.dumps(x) + "\n" for x in LINES)
CSV = "event,at,id,priority\n" + "".join(f"{x['event']},{x['at']},{x['id']},{x.get('priority', '')}\n" for x in LINES)
HELP = 'a type of your own must be declared in the policy: `event incident.chat_started "…" / "…"`'
PERIOD = (dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO))


def policy(text: str) -> Policy:
    return sla_dsl.load_policy(text)


def test_the_policy_says_which_types_it_declares() -> None:
    assert policy(DECLARES).event_types == frozenset({"incident.chat_started"})
    assert policy(PLAIN).event_types == frozenset()
    assert declared_types([policy(PLAIN), policy(DECLARES)]) == frozenset({"incident.chat_started"})


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_declared_type_is_read_for_a_policy_that_declares_it(fmt: str) -> None:
    text = JSONL if fmt == "jsonl" else CSV
    log = read_text(text, "events", fmt=fmt, declared=policy(DECLARES).event_types)
    assert log.count == 3 and len(log.incidents["C1"]) == 3


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_without_the_declaration_it_is_an_error_of_its_line(fmt: str) -> None:
    text = JSONL if fmt == "jsonl" else CSV
    with pytest.raises(EventInputError) as err:
        read_text(text, "events", fmt=fmt, declared=policy(PLAIN).event_types)
    (problem,) = err.value.problems
    line = 2 if fmt == "jsonl" else 3  # the CSV header is line 1
    assert (problem.line, problem.code, problem.message) == (line, "E103", "unknown event type `incident.chat_started`")
    assert problem.help is not None and problem.help.startswith(HELP)


def test_a_type_declared_by_another_policy_in_the_process_is_still_refused() -> None:
    """Codes are given per process: a type that one policy declared must not open the fast path for another."""
    read_text(JSONL, declared={"incident.chat_started"})  # known to the process now
    with pytest.raises(EventInputError) as err:
        read_jsonl(io.BytesIO(JSONL.encode()), "events")
    assert [p.line for p in err.value.problems] == [2]
    with pytest.raises(EventInputError):
        read_csv(io.StringIO(CSV), "events")


def test_the_contract_schema_is_unchanged() -> None:
    """The JSON contract's event schema accepts exactly what it did: a declared type is not part of it."""
    with pytest.raises(ValueError, match=r"union_tag_invalid|does not match any of the expected tags"):
        EVENT_ADAPTER.validate_python(LINES[1])


def test_arrow_tables_and_parquet_files(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.Table.from_pylist([{**x, "priority": x.get("priority")} for x in LINES])
    assert log_from(table, declared={"incident.chat_started"}).count == 3
    with pytest.raises(EventInputError) as err:
        log_from(table)
    (problem,) = err.value.problems
    assert str(problem).startswith("<table>: row 2, column `event`: error: [E103] unknown event type")
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    assert read_events(path, declared={"incident.chat_started"}).count == 3
    with pytest.raises(EventInputError) as err2:
        read_events(path)
    assert [(p.line, p.code) for p in err2.value.problems] == [(2, "E103")]


def test_the_api_reads_what_the_policy_declares_and_refuses_the_rest() -> None:
    report = sla_dsl.evaluate(policy(DECLARES), LINES, *PERIOD)
    (row,) = report.incidents
    assert [(t.name, t.status) for t in row.targets] == [("first_reply", "met")]
    with pytest.raises(EventInputError) as err:
        sla_dsl.evaluate(policy(PLAIN), LINES, *PERIOD)
    assert [(p.line, p.code) for p in err.value.problems] == [(2, "E103")]


def test_a_log_read_for_one_policy_is_refused_by_another() -> None:
    """Nothing is silently dropped: a log read with the type, judged by a policy without it."""
    log = read_text(JSONL, "events", declared={"incident.chat_started"})
    with pytest.raises(EventInputError) as err:
        sla_dsl.evaluate(policy(PLAIN), log, *PERIOD)
    (problem,) = err.value.problems
    assert (problem.line, problem.code) == (2, "E103") and problem.help is not None
    assert problem.help.startswith(HELP)


def _sla(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *args], capture_output=True, text=True, check=False, timeout=300
    )


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_the_cli_accepts_and_refuses(tmp_path: Path, suffix: str) -> None:
    events = tmp_path / f"events{suffix}"
    events.write_text(JSONL if suffix == ".jsonl" else CSV, "utf-8")
    declares, plain = tmp_path / "declares.sla", tmp_path / "plain.sla"
    declares.write_text(DECLARES, "utf-8")
    plain.write_text(PLAIN, "utf-8")
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
    ok = _sla("evaluate", str(declares), str(events), *period)
    assert ok.returncode == 0, ok.stderr
    (row,) = json.loads(ok.stdout)["incidents"]
    assert row["targets"][0]["status"] == "met"
    bad = _sla("evaluate", str(plain), str(events), *period, "--lang", "en")
    line = 2 if suffix == ".jsonl" else 3
    assert bad.returncode == 1 and bad.stdout == ""
    assert f"{events}:{line}: error: [E103] unknown event type `incident.chat_started`" in bad.stderr
    assert "help: " + HELP in bad.stderr and "Traceback" not in bad.stderr
    explained = _sla("explain", str(plain), str(events), "C1", "--from", "2026-11-01", "--to", "2026-12-01")
    assert explained.returncode == 1 and "error: [E103]" in explained.stderr and "Traceback" not in explained.stderr


def test_sla_test_and_replay_read_the_declared_types(tmp_path: Path) -> None:
    from sla_dsl.authoring.replay import replay

    old, new = policy(PLAIN), policy(DECLARES)
    result = replay(old, new, LINES, *PERIOD)  # OLD judges the log without the type only NEW declares
    assert result is not None
    with pytest.raises(EventInputError):
        replay(old, old, LINES, *PERIOD)


def test_serve_ingests_a_declared_type_and_refuses_it_for_a_policy_without(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from sla_dsl.serve import Settings, create_app
    from sla_dsl.serve.tracking import FakeClock

    body = JSONL.encode()
    clock = FakeClock(dt.datetime(2026, 11, 24, 12, tzinfo=TOKYO).timestamp())
    outcomes: list[Any] = []
    for name, text in (("declares", DECLARES), ("plain", PLAIN)):
        app = create_app([policy(text)], Settings(db=f"sqlite:///{tmp_path / name}.db", tick=0.02), clock)
        with TestClient(app) as client:
            posted = client.post("/events", content=body)
            outcomes.append(posted)
            if name == "declares":
                assert posted.status_code == 200, posted.text
                one = client.get("/incidents/C1")
                assert one.status_code == 200, one.text
                assert [(t["name"], t["status"]) for t in one.json()["row"]["targets"]] == [("first_reply", "met")]
    refused = outcomes[1]
    assert refused.status_code == 422
    (problem,) = refused.json()["problems"]
    assert problem["line"] == 2 and problem["code"] == "E103" and problem["help"].startswith(HELP)


def test_serve_stores_a_declared_event_whose_time_takes_the_models_path(tmp_path: Path) -> None:
    """A time the fast reader leaves to the models (no seconds) on a declared type: stored, not a 500."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from sla_dsl.serve import Settings, create_app
    from sla_dsl.serve.tracking import FakeClock

    body = (JSONL.replace("T10:00:00+09:00", "T10:00+09:00")).encode()
    assert b'"2026-11-24T10:00+09:00"' in body
    clock = FakeClock(dt.datetime(2026, 11, 24, 12, tzinfo=TOKYO).timestamp())
    app = create_app([policy(DECLARES)], Settings(db=f"sqlite:///{tmp_path / 'x'}.db", tick=0.02), clock)
    with TestClient(app, raise_server_exceptions=False) as client:
        posted = client.post("/events", content=body)
        assert posted.status_code == 200, posted.text
        assert posted.json()["stored"] == 3


def test_the_helpdesk_example_reads_its_chat_events() -> None:
    examples = ROOT / "policies" / "examples"
    helpdesk = sla_dsl.load_policy(examples / "helpdesk.sla")
    log = read_events(examples / "helpdesk-events.jsonl", declared=helpdesk.event_types)
    assert sum(1 for recs in log.incidents.values() for r in recs if r[1] >= 14) == 3


def test_a_partition_reads_the_declared_types_of_its_policies() -> None:
    """``judge_table`` (what the Dask and Spark paths run per partition) passes the policies' types on."""
    pa = pytest.importorskip("pyarrow")
    from sla_dsl.evaluation.partition import finish, merge
    from sla_dsl.scale import judge_table

    table = pa.Table.from_pylist([{**x, "priority": x.get("priority")} for x in LINES])
    declares = policy(DECLARES)
    merged = finish([declares], merge([judge_table(declares, table, *PERIOD)]), *PERIOD)
    one_run = sla_dsl.evaluate(declares, LINES, *PERIOD)
    assert merged.report().model_dump(mode="json") == one_run.model_dump(mode="json")
    plain = policy(PLAIN)
    with pytest.raises(EventInputError) as err:
        finish([plain], merge([judge_table(plain, table, *PERIOD)]), *PERIOD)
    assert [p.code for p in err.value.problems] == ["E103"]

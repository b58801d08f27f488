"""A rule that completes on several event types (``complete on incident.resolved, or on incident.closed``):
the JSON and Parquet explanation steps name the event that completed the incident, a type the policy declares
with its label, and where it is in the log (they said ``completion event``), on the columns and on the
per-incident path (a reprioritised incident) alike; ``sla explain`` names it as it did. A rule with one
completion event keeps its step (``closed … : completed``)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sla_dsl.cli import main

POLICY = """sla "N" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  title "T" / "T"
}
event incident.closed "クローズ" / "Closed"
clock response "応答" / "Response" { starts at incident.reported }
priority P1 "緊急" / "Urgent" {
  respond within 4 hours
  complete on incident.resolved, or on incident.closed
}
priority P2 "通常" / "Normal" {
  respond within 4 hours
  complete on incident.closed
}
"""

EVENTS = [
    {"event": "incident.reported", "at": "2026-11-20T10:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.closed", "at": "2026-11-20T12:00:00+09:00", "id": "A"},  # line 2
    {"event": "incident.resolved", "at": "2026-11-20T13:00:00+09:00", "id": "A"},
    {"event": "incident.reported", "at": "2026-11-20T10:00:00+09:00", "id": "B", "priority": "P1"},
    {"event": "incident.resolved", "at": "2026-11-20T12:00:00+09:00", "id": "B"},  # line 5
    {"event": "incident.reported", "at": "2026-11-20T10:00:00+09:00", "id": "C", "priority": "P2"},
    {"event": "incident.closed", "at": "2026-11-20T12:00:00+09:00", "id": "C"},
    {"event": "incident.reported", "at": "2026-11-20T10:00:00+09:00", "id": "D", "priority": "P2"},
    {"event": "incident.reprioritized", "at": "2026-11-20T10:30:00+09:00", "id": "D", "priority": "P1"},
    {"event": "incident.closed", "at": "2026-11-20T12:00:00+09:00", "id": "D"},  # line 10
]

SAID = {
    "A": "closed (“Closed”, events.jsonl:2) Fri 20 Nov 12:00: completed",
    "B": "resolved (events.jsonl:5) Fri 20 Nov 12:00: completed",
    "C": "closed Fri 20 Nov 12:00: completed",  # one completion event: its step as it was
    "D": "closed (“Closed”, events.jsonl:10) Fri 20 Nov 12:00: completed",  # the per-incident path
}


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.chdir(tmp_path)  # (the log named as given: `events.jsonl:2`)
    Path("p.sla").write_text(POLICY, "utf-8")
    Path("events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return "p.sla", "events.jsonl"


PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]


def _done(steps: list[dict[str, object]]) -> list[str]:
    return [str(s["text"]) for s in steps if "completed" in str(s["text"])]


def test_json_report_names_the_completion_event(files: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", *files, *PERIOD, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    got = {r["id"]: _done(r["explain"]) for r in report["incidents"]}
    assert got == {k: [v] for k, v in SAID.items()}, got


@pytest.mark.parametrize("ident", sorted(SAID))
def test_explain_json_names_the_completion_event(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str], ident: str
) -> None:
    assert main(["explain", *files, ident, *PERIOD, "--format", "json"]) == 0
    (row,) = [r for r in json.loads(capsys.readouterr().out) if "explain" in r and r.get("id") == ident]
    assert _done(row["explain"]) == [SAID[ident]]


def test_parquet_steps_name_the_completion_event(files: tuple[str, str], tmp_path: Path) -> None:
    assert main(["evaluate", *files, *PERIOD, "--format", "parquet", "--output", str(tmp_path / "out")]) == 0
    rows = pq.read_table(tmp_path / "out" / "steps.parquet").to_pylist()
    got = {r["id"]: r["text"] for r in rows if r["table"] == "incidents" and "completed" in r["text"]}
    assert got == SAID, got


@pytest.mark.parametrize(
    ("ident", "lang", "said"), [("A", "en", "“Closed” recorded (completed)"), ("B", "ja", "（完了）")]
)
def test_explain_text_names_it_as_before(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str], ident: str, lang: str, said: str
) -> None:
    assert main(["explain", *files, ident, *PERIOD, "--lang", lang]) == 0
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if said in x]
    assert "12:00" in line, out

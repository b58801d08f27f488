"""``sla replay``: shortening P1 to 2 business hours flips named incidents to breached."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.replay import replay
from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
JST = dt.timezone(dt.timedelta(hours=9))


def _shorter_p1(tmp_path: Path) -> Path:
    text = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 2 business hours")
    path = tmp_path / "p1-2h.sla"
    path.write_text(text.replace('version "2026.1"', 'version "2026.2"'), "utf-8")
    return path


def _incident(ident: str, reported: str, responded: str) -> list[dict[str, Any]]:
    return [
        {"event": "incident.reported", "at": reported, "id": ident, "priority": "P1"},
        {"event": "incident.responded", "at": responded, "id": ident},
    ]


EVENTS = [
    # Mon 30 Nov 2026: due 14:00 under 4h -> due 12:00 under 2h
    *_incident("INC-LATE", "2026-11-30T10:00:00+09:00", "2026-11-30T13:30:00+09:00"),
    # answered within 2 business hours: met under both
    *_incident("INC-QUICK", "2026-11-30T10:00:00+09:00", "2026-11-30T11:00:00+09:00"),
    # Fri 17:00 -> 4h due Mon 14:00 (lunch), 2h due Mon 11:00; answered Mon 11:30
    *_incident("INC-WEEKEND", "2026-12-04T17:00:00+09:00", "2026-12-07T11:30:00+09:00"),
    # already late under 4h
    *_incident("INC-SLOW", "2026-12-01T10:00:00+09:00", "2026-12-01T17:00:00+09:00"),
]


def test_shorter_p1_flips_named_incidents(tmp_path: Path) -> None:
    old, new = load_policy(POLICY), load_policy(_shorter_p1(tmp_path))
    start, end = dt.datetime(2026, 11, 30, tzinfo=JST), dt.datetime(2026, 12, 8, tzinfo=JST)
    result = replay(old, new, EVENTS, start, end)
    flips = {i.id: (i.old_status, i.new_status) for i in result.incidents if i.flipped}
    assert flips == {"INC-LATE": ("met", "breached"), "INC-WEEKEND": ("met", "breached")}
    weekend = next(i for i in result.incidents if i.id == "INC-WEEKEND")
    assert weekend.old_due == dt.datetime(2026, 12, 7, 14, 0, tzinfo=JST)
    assert weekend.new_due == dt.datetime(2026, 12, 7, 11, 0, tzinfo=JST)
    moved = {i.id for i in result.incidents if not i.flipped}
    assert moved == {"INC-QUICK", "INC-SLOW"}  # due time moved, verdict unchanged
    new_violations = {v.id for v in result.violations if v.change == "new"}
    assert {"INC-LATE", "INC-WEEKEND"} <= new_violations
    assert result.changed


def test_same_policy_changes_nothing() -> None:
    policy = load_policy(POLICY)
    start, end = dt.datetime(2026, 11, 30, tzinfo=JST), dt.datetime(2026, 12, 8, tzinfo=JST)
    assert not replay(policy, policy, EVENTS, start, end).changed


def test_cli_on_the_november_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = _shorter_p1(tmp_path)
    events = ROOT / "examples" / "events-2026-11.jsonl"
    args = ["replay", "--lang", "en", str(POLICY), str(new), str(events), "--from", "2026-11-01", "--to", "2026-12-01"]
    assert main([*args, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    flipped = {i["id"] for i in doc["incidents"] if i["old_status"] != i["new_status"]}
    assert flipped and all(i["new_status"] == "breached" for i in doc["incidents"] if i["id"] in flipped)
    assert {"INC-003", "INC-006"} <= flipped
    assert doc["old"]["version"] == "2026.1" and doc["new"]["version"] == "2026.2"
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "incidents whose verdict changes:" in text and "INC-003 P1 Priority 1: met -> breached" in text
    assert main([*args, "--exit-code"]) == 1


def test_maintenance_move_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "wed.sla"
    new.write_text(POLICY.read_text("utf-8").replace("every month on 4th thu", "every month on 3rd wed"), "utf-8")
    empty = tmp_path / "none.jsonl"
    empty.write_text("", "utf-8")
    assert (
        main(
            ["replay", "--lang", "en", str(POLICY), str(new), str(empty), "--from", "2026-11-01", "--to", "2026-12-01"]
        )
        == 0
    )
    assert "moved Thu 26 Nov 2026 22:00–24:00 -> Wed 18 Nov 2026 22:00–24:00" in capsys.readouterr().out


def test_bad_events_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event": "incident.reported"}\n', "utf-8")
    assert (
        main(
            ["replay", str(POLICY), str(POLICY), str(bad), "--from", "2026-11-01", "--to", "2026-12-01", "--lang", "en"]
        )
        == 1
    )
    captured = capsys.readouterr()
    assert captured.out == "" and "bad.jsonl:1: error: [E102]" in captured.err


def _without_p3(tmp_path: Path) -> Path:
    """A version from 16 November with priorities P1 and P2 only: under it, an incident of P3 is a
    contradiction in the events (the earlier version knows P3)."""
    text = POLICY.read_text("utf-8").replace('version "2026.1"', 'version "2026.2"')
    text = text.replace("effective 2026-04-01", "effective 2026-11-16")
    text = text.replace("priority P1, priority P2, priority P3", "priority P1, priority P2")
    start = text.index("priority P3 ")
    path = tmp_path / "no-p3.sla"
    path.write_text(text[:start] + text[text.index("}\n", start) + 2 :], "utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_second_violation_of_one_kind_on_one_id_is_new(tmp_path: Path, lang: str) -> None:
    """Violations were matched by (kind, id) alone: a contradiction that only NEW finds, on an incident
    that has another under both, was not shown (and in Japanese the one shown was worded from another)."""
    events = [
        {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "INC-3", "priority": "P3"},
        {"event": "incident.reported", "at": "2026-11-30T11:00:00+09:00", "id": "INC-3", "priority": "P3"},
    ]
    old, new = load_policy(POLICY), [load_policy(POLICY), load_policy(_without_p3(tmp_path))]
    start, end = dt.datetime(2026, 11, 30, tzinfo=JST), dt.datetime(2026, 12, 8, tzinfo=JST)
    result = replay(old, new, events, start, end, lang=lang)
    changes = [(c.change, c.kind, c.id) for c in result.violations]
    assert changes == [("new", "data", "INC-3"), ("gone", "response_breached", "INC-3")]  # (P3 unknown: not judged)
    assert "P3" in result.violations[0].message and "2026.2" in result.violations[0].message
    if lang == "ja":
        assert result.violations[0].worded is not None and "P3" in result.violations[0].worded
    back = replay(new, old, events, start, end, lang=lang)
    assert [(c.change, c.kind, c.id) for c in back.violations] == [
        ("new", "response_breached", "INC-3"),
        ("gone", "data", "INC-3"),
    ]
    assert "P3" in back.violations[1].message


def test_the_versions_named_are_those_that_judged_the_period(tmp_path: Path) -> None:
    """NEW's versions are named by those in force in the period (not the one in force at its start), and
    a report names only the versions it used."""
    old, new = load_policy(POLICY), [load_policy(POLICY), load_policy(_without_p3(tmp_path))]
    late = replay(old, new, EVENTS, dt.datetime(2026, 11, 30, tzinfo=JST), dt.datetime(2026, 12, 8, tzinfo=JST))
    assert (late.old["version"], late.new["version"]) == ("2026.1", "2026.2")
    across = replay(old, new, EVENTS, dt.datetime(2026, 11, 1, tzinfo=JST), dt.datetime(2026, 12, 8, tzinfo=JST))
    assert across.new["version"] == "2026.1, 2026.2"
    early = replay(old, new, EVENTS, dt.datetime(2026, 10, 1, tzinfo=JST), dt.datetime(2026, 11, 1, tzinfo=JST))
    assert early.new["version"] == "2026.1"

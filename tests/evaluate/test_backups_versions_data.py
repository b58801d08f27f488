"""Backups, policy versions, event order, duplicates and contradictions."""

from __future__ import annotations

import random

import pytest

import sla_dsl
from sla_dsl.reader import EventInputError

from .helpers import POLICY_PATH, ev, kinds, one, run, t


def daily(day: str, skip: tuple[str, ...] = ()) -> list[dict]:
    return [
        ev("backup.completed", f"{day} 02:00", f"{k}-{day}", kind=k)
        for k in ("database", "files", "machine_image")
        if k not in skip
    ]


def test_missed_day_pending_day_and_rows_per_kind_per_day() -> None:
    events = daily("2026-11-01") + daily("2026-11-02", skip=("files",))
    r = run(events, "2026-11-01 00:00", "2026-11-04 00:00", as_of="2026-11-03 12:00")
    status = {(b.kind, b.day.isoformat()): b.status for b in r.backups}
    assert len(r.backups) == 9
    assert status[("files", "2026-11-01")] == "ok"
    assert status[("files", "2026-11-02")] == "missed"
    assert status[("database", "2026-11-03")] == "pending"  # the day is not over at as_of
    assert "files:2026-11-02" in kinds(r, "backup_missed")


@pytest.mark.parametrize(
    ("kind", "completed", "deleted", "ok"),
    [
        ("database", "2026-10-31 02:00", "2026-11-30 01:59", False),  # 31 Oct + 1 month = 30 Nov 02:00 (clamped)
        ("database", "2026-10-31 02:00", "2026-11-30 02:00", True),
        ("files", "2026-11-01 02:00", "2026-11-08 01:00", False),
        ("files", "2026-11-01 02:00", "2026-11-08 02:00", True),
    ],
)
def test_retention(kind: str, completed: str, deleted: str, ok: bool) -> None:
    events = [ev("backup.completed", completed, "B", kind=kind), ev("backup.deleted", deleted, "B", kind=kind)]
    r = run(events)
    assert one(r, "B").ok is ok
    assert kinds(r, "backup_retention") == ([] if ok else ["B"])


def test_continuous_backup_must_be_in_another_zone() -> None:
    events = [
        ev("backup.completed", "2026-11-02 00:05", "C1", kind="continuous", zone="az-c", primary_zone="az-a"),
        ev("backup.completed", "2026-11-02 06:05", "C2", kind="continuous", zone="az-a", primary_zone="az-a"),
        ev("backup.completed", "2026-11-02 12:05", "C3", kind="continuous"),
        ev("backup.completed", "2026-11-02 18:05", "C4", kind="continuous", zone="az-c"),
    ]
    r = run(events)
    assert kinds(r, "backup_zone") == ["C2"]
    # A backup that does not say where it is cannot prove the rule: the log is incomplete (a `data`
    # violation, the contract), not a zone breach.
    assert kinds(r, "data") == ["C3", "C4"]
    c3, c4 = (v for v in r.violations if v.kind == "data")
    assert "states no `zone` and `primary_zone`" in c3.message and c3.ref is None
    assert "states no `primary_zone`:" in c4.message
    assert c3.at == t("2026-11-02 12:05")


def two_versions() -> list[sla_dsl.Policy]:
    text = POLICY_PATH.read_text("utf-8")
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    v2 = v2.replace("respond within 4 business hours", "respond within 2 business hours")
    return [sla_dsl.load_policy(POLICY_PATH), sla_dsl.load_policy(v2)]


def test_policy_change_mid_month() -> None:
    events = [
        ev("incident.reported", "2026-11-13 10:00", "OLD", priority="P1"),
        ev("incident.reported", "2026-11-16 10:00", "NEW", priority="P1"),
    ]
    r = run(events, policies=two_versions())
    old, new = one(r, "OLD"), one(r, "NEW")
    assert (old.policy_version, old.response_due) == ("2026.1", t("2026-11-13 15:00"))
    assert (new.policy_version, new.response_due) == ("2026.2", t("2026-11-16 12:00"))
    assert [v.version for v in r.versions] == ["2026.1", "2026.2"]
    assert any(s.ref == "Article 5" for s in new.explain)


def test_order_does_not_matter_and_duplicates_count_once() -> None:
    events = [
        ev("incident.reported", "2026-11-02 10:00", "I", priority="P2"),
        ev("incident.product_suspected", "2026-11-02 11:00", "I"),
        ev("incident.responded", "2026-11-03 10:00", "I"),
        ev("outage.started", "2026-11-05 10:00", "O"),
        ev("outage.recognized", "2026-11-05 10:05", "O"),
        ev("outage.notified", "2026-11-05 11:00", "O"),
        ev("outage.ended", "2026-11-05 10:30", "O"),
        *daily("2026-11-02"),
    ]
    base = run(events).model_dump(mode="json")
    shuffled = list(events) + events[:3]
    random.Random(4).shuffle(shuffled)
    again = run(shuffled)
    assert again.input.duplicates == 3
    dump = again.model_dump(mode="json")
    dump["input"] = base["input"]
    assert dump == base


def test_contradictions_are_reported_not_resolved() -> None:
    events = [
        ev("outage.started", "2026-11-05 10:00", "O"),
        ev("outage.ended", "2026-11-05 09:00", "O"),
        ev("incident.responded", "2026-11-05 10:00", "GHOST"),
        ev("incident.responded", "2026-11-06 09:00", "EARLY"),
        ev("incident.reported", "2026-11-06 10:00", "EARLY", priority="P1"),
        ev("backup.deleted", "2026-11-06 10:00", "NOBACKUP", kind="files"),
    ]
    r = run(events)
    data = {v.id: v.message for v in r.violations if v.kind == "data"}
    assert set(data) == {"O", "GHOST", "EARLY", "NOBACKUP"}
    assert "before outage.started" in data["O"] and "<events>:2" in data["O"]
    assert "unknown incident `GHOST`" in data["GHOST"]
    assert one(r, "O").end is None  # treated as still open, and said so


def test_unknown_priority_kind_and_cause_name_their_lines() -> None:
    events = [
        ev("incident.reported", "2026-11-02 10:00", "I", priority="P9"),
        ev("backup.completed", "2026-11-02 02:00", "B", kind="tape"),
        ev("outage.started", "2026-11-02 02:00", "O", cause="gremlins"),
    ]
    with pytest.raises(EventInputError) as info:
        run(events)
    assert [(p.line, p.code) for p in info.value.problems] == [(1, "E120"), (2, "E121"), (3, "E122")]
    assert "unknown priority `P9`" in str(info.value.in_lang("en"))
    assert "優先度 `P9` はポリシーにありません" in str(info.value)  # (the API's words: the policy's primary language)


def test_naive_period_is_an_input_error() -> None:
    import datetime as dt

    with pytest.raises(sla_dsl.InputError, match="には時差がありません"):  # (the policy's primary language)
        sla_dsl.evaluate(sla_dsl.load_policy(POLICY_PATH), [], dt.datetime(2026, 11, 1), t("2026-12-01 00:00"))

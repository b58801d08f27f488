"""The Python API leaves a caller's event log as it was: one log judged again, or by two threads at once,
gives what a fresh read gives.

``evaluate`` used to judge a log from ``read_events`` in place: a check as of mid-month took the later
events out of it, so the month's report judged on the same log counted 4 outages instead of 10 and 49
missed backups instead of 1. The API now judges a log of its own (:func:`sla_dsl.evaluation.own_log`:
new dicts per family over the caller's lists of events, which judging replaces and never changes).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.errors import InputError
from sla_dsl.evaluation import evaluate_log, judge, own_log
from sla_dsl.events.compact import EventLog
from sla_dsl.reader import read_events, read_text

from .helpers import ROOT, english_policy, ev, policy

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ("2026-11-01", "2026-12-01")


def snapshot(log: EventLog) -> tuple[Any, ...]:
    """Everything a judging could change in a log: its groups (each id's list, by identity and content),
    its count and its problems."""
    groups = tuple({ident: (id(recs), list(recs)) for ident, recs in g.items()} for g in log.groups)
    return groups, log.count, list(log.problems), list(log.left_out), list(log.unread)


def fresh(as_of: str | None = None, path: Path = EXAMPLE, **options: Any) -> str:
    return sla_dsl.evaluate(policy(), path, *MONTH, as_of, **options).model_dump_json()


def test_a_log_judged_mid_month_then_for_the_month_gives_the_month_s_report() -> None:
    log = read_events(EXAMPLE)
    before = snapshot(log)
    mid = sla_dsl.evaluate(policy(), log, *MONTH, as_of="2026-11-15")
    again = sla_dsl.evaluate(policy(), log, *MONTH)
    assert snapshot(log) == before
    assert mid.model_dump_json() == fresh("2026-11-15")
    assert again.model_dump_json() == fresh()
    assert len(again.outages) == 10 and sum(b.status == "missed" for b in again.backups) == 1


@pytest.mark.parametrize("entry", ["evaluate_log", "judge"])
def test_every_api_entry_leaves_the_log_as_it_was(entry: str) -> None:
    log = read_events(EXAMPLE)
    before = snapshot(log)
    for as_of in ("2026-11-10", None, "2026-11-20"):
        if entry == "evaluate_log":
            got = evaluate_log(policy(), log, *MONTH, as_of).model_dump_json()
        else:
            got = judge(policy(), log, *MONTH, as_of).report().model_dump_json()
        assert got == fresh(as_of)
        assert snapshot(log) == before


def test_duplicates_late_events_and_contradictions_are_counted_again_each_time() -> None:
    """What judging takes out of its own log (exact duplicates, events after ``as_of``, an id's
    events out of order) is still in the caller's: the second judging counts the same."""
    lines = [
        ev("outage.started", "2026-11-03 10:00", "OUT-1", cause="failure"),
        ev("outage.ended", "2026-11-03 12:00", "OUT-1"),
        ev("outage.started", "2026-11-03 10:00", "OUT-1", cause="failure"),  # an exact duplicate
        ev("outage.started", "2026-11-20 10:00", "OUT-2", cause="failure"),  # after as_of below
        ev("outage.ended", "2026-11-20 11:00", "OUT-2"),
        ev("backup.completed", "2026-11-05 02:00", "DB-1", kind="database"),
        ev("backup.completed", "2026-11-05 02:00", "DB-1", kind="files"),  # a contradiction
    ]
    log = read_text("\n".join(json.dumps(x) for x in lines) + "\n")
    reports = [sla_dsl.evaluate(policy(), log, *MONTH, as_of=a) for a in ("2026-11-10", None, "2026-11-10", None)]
    assert [len(r.outages) for r in reports] == [1, 2, 1, 2]
    assert [r.input.duplicates for r in reports] == [1, 1, 1, 1]
    assert [sum(v.kind == "data" for v in r.violations) for r in reports] == [1, 1, 1, 1]
    assert reports[0].model_dump_json() == reports[2].model_dump_json()
    assert reports[1].model_dump_json() == reports[3].model_dump_json()


def test_a_refused_log_is_refused_again_and_skipped_lines_are_listed_once(tmp_path: Path) -> None:
    """An event the policy refuses (an unknown priority, E120) is taken out of the judging's log only:
    judged again, the log is refused again, or (``skip_invalid``) lists the line once, not twice."""
    path = tmp_path / "events.jsonl"
    path.write_text(
        '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"A","priority":"P1"}\n'
        '{"event":"incident.reported","at":"2026-11-02T11:00:00+09:00","id":"B","priority":"P9"}\n',
        encoding="utf-8",
    )
    log = read_events(path, defer=True)
    for _ in range(2):
        with pytest.raises(sla_dsl.EventInputError, match=r"events\.jsonl:2: error: \[E120\]"):
            sla_dsl.evaluate(policy(), log, *MONTH)
    skipped = [sla_dsl.evaluate(policy(), log, *MONTH, skip_invalid=True).input.skipped for _ in range(2)]
    assert skipped[0] == skipped[1] and len(skipped[0]) == 1 and "[E120]" in skipped[0][0]
    assert (
        fresh(path=path, skip_invalid=True)
        == sla_dsl.evaluate(policy(), log, *MONTH, skip_invalid=True).model_dump_json()
    )


def test_two_threads_judging_one_log_each_get_their_own_report() -> None:
    log = read_events(EXAMPLE)
    before = snapshot(log)
    expected = {as_of: fresh(as_of) for as_of in ("2026-11-15", None)}
    got: list[tuple[str | None, str]] = []
    errors: list[BaseException] = []

    def judge_often(as_of: str | None) -> None:
        try:
            for _ in range(3):
                got.append((as_of, sla_dsl.evaluate(policy(), log, *MONTH, as_of=as_of).model_dump_json()))
        except BaseException as exc:  # (a thread's error, reported by the test)
            errors.append(exc)

    threads = [threading.Thread(target=judge_often, args=(a,)) for a in ("2026-11-15", None, "2026-11-15", None)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert len(got) == 12 and all(report == expected[as_of] for as_of, report in got)
    assert snapshot(log) == before


def test_own_log_copies_the_dicts_not_the_events() -> None:
    log = read_events(EXAMPLE)
    own = own_log(log)
    for mine, theirs in zip(own.groups, log.groups, strict=True):
        assert mine is not theirs and mine == theirs
        assert all(mine[k] is theirs[k] for k in theirs)  # the lists of events are shared
    assert own.count == log.count and own.problems is not log.problems


def test_evaluate_log_takes_a_log_only() -> None:
    with pytest.raises(TypeError, match=r"log: expected an EventLog .* found str"):
        evaluate_log(english_policy(), str(EXAMPLE), *MONTH)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no policy to evaluate against"):
        sla_dsl.evaluate([], [], *MONTH)

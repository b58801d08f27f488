"""An event a clock names that comes after the incident's completion is never read, and said so.

The evaluator ends every clock at the incident's completion. ``sla check`` refuses the clock lines that
could act only then (E223), but not an order of events it cannot know: P1 completes on
``incident.resolved`` and ``ttr`` stops there or at ``incident.closed`` and restarts at
``incident.reopened`` (accepted: it may be closed first). Resolved, closed and then reopened, the
restart was never seen, and the report said nothing. Now the reopen is a ``data`` note at its line,
naming the clock by its label and the completion (when, by which event), on every path.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

import sla_dsl
from sla_dsl.evaluation.partition import finish, judge_partition
from sla_dsl.events.partitions import LINE, read_partition
from sla_dsl.report import Report

from .helpers import sla

HEAD = """sla "Reopen" { format 1 version "1" effective 2026-01-01 timezone UTC languages ja, en }
event incident.reopened "再開" / "Reopened"
event incident.closed "クローズ" / "Closed"
clock response { starts at incident.reported }
"""
TTR = (
    'clock ttr "解決時間" / "Time to resolve" { starts at incident.reported'
    "  stops at incident.resolved, incident.closed  restarts at incident.reopened }\n"
)


def policy_text(clocks: str, targets: str, complete: str = "on incident.resolved") -> str:
    return HEAD + clocks + f"priority P1 {{\n  respond within 4 hours\n{targets}  complete {complete}\n}}\n"


POLICY = policy_text(TTR, "  resolve within 8 hours on ttr\n")


def ev(event: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"event": event, "at": f"2026-03-{at}:00Z", "id": "I-1", **fields}


EVENTS = [
    ev("incident.reported", "02T09:00", priority="P1"),
    ev("incident.responded", "02T09:30"),
    ev("incident.resolved", "02T11:00"),
    ev("incident.closed", "02T12:00"),  # (the clock stopped at the resolution: nothing more to say)
    ev("incident.reopened", "03T10:00"),  # (would restart it: never read)
    ev("incident.resolved", "03T12:00"),
]
START = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
END = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)


def said(where: str, line: int = 5, event: str = "incident.reopened") -> str:
    """The note in the engine's English (the violation's ``message``)."""
    return (
        f"{where}:{line}: {event} of `I-1` comes after the incident was completed at Mon 02 Mar 11:00 by "
        "incident.resolved: clock “Time to resolve” would act on it, but a completed incident measures nothing, "
        "so it is not read; to count it, complete the incident at a later event (`complete on`)"
    )


def write(tmp_path: Path, text: str, events: list[dict[str, Any]]) -> tuple[Path, Path]:
    path, log = tmp_path / "reopen.sla", tmp_path / "events.jsonl"
    path.write_text(text, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return path, log


def data(report: Report) -> list[str]:
    return [v.message for v in report.violations if v.kind == "data"]


def api(tmp_path: Path, text: str, events: list[dict[str, Any]]) -> list[str]:
    path, log = write(tmp_path, text, events)
    return data(sla_dsl.evaluate(sla_dsl.load_policy(path), log, START, END))


def test_the_policy_passes_sla_check(tmp_path: Path) -> None:
    path, _ = write(tmp_path, POLICY, EVENTS)
    done = sla("check", str(path))
    assert done.returncode == 0, done.stderr


def test_the_command_line_report_says_the_reopen_was_not_read(tmp_path: Path) -> None:
    path, log = write(tmp_path, POLICY, EVENTS)
    month = ["--from", "2026-03-01", "--to", "2026-04-01", "--quiet"]
    done = sla("evaluate", str(path), str(log), *month, "--format", "json")
    assert done.returncode == 0, done.stderr
    notes = [v for v in json.loads(done.stdout)["violations"] if v["kind"] == "data"]
    assert [(v["id"], v["message"]) for v in notes] == [("I-1", said(str(log)))]
    assert notes[0]["at"].startswith("2026-03-03T10:00")
    ja = sla("evaluate", str(path), str(log), *month, "--lang", "ja")
    assert ja.returncode == 0, ja.stderr
    assert (
        "「I-1」の「再開」は、案件が3月2日(月) 11:00 に回避策または問題解決に必要な情報の受領"
        "で完了した後の記録です。クロック「解決時間」はこのイベントで動くはずでしたが"
    ) in ja.stdout
    assert f"{log}:5" in ja.stdout
    en = sla("evaluate", str(path), str(log), *month, "--lang", "en")
    assert (
        "“Reopened” of “I-1” comes after the incident was completed at Mon 2 Mar 11:00 by "
        "the receipt of a workaround or the information needed: clock “Time to resolve”"
    ) in en.stdout


def test_the_python_api_and_a_partitioned_run_say_the_same(tmp_path: Path) -> None:
    path, _ = write(tmp_path, POLICY, EVENTS)
    policy = sla_dsl.load_policy(path)
    one = data(sla_dsl.evaluate(policy, EVENTS, START, END))
    assert one == [said("<events>")]
    columns = {k: [str(e.get(k)) if e.get(k) is not None else None for e in EVENTS] for k in ("event", "at", "id")}
    columns["priority"] = [e.get("priority") for e in EVENTS]
    table = pa.table(columns).append_column(LINE, pa.array(range(1, len(EVENTS) + 1)))
    part = judge_partition(policy, read_partition(table, declared=policy.event_types), START, END)
    assert data(finish(policy, part, START, END).report()) == one


def test_once_per_record_though_two_clocks_miss_it(tmp_path: Path) -> None:
    other = TTR.replace("clock ttr", "clock ttr2").replace('"解決時間" / "Time to resolve"', '"第二" / "Second"')
    text = policy_text(TTR + other, "  resolve within 8 hours on ttr\n  resolve within 9 hours on ttr2\n")
    assert api(tmp_path, text, EVENTS) == [said(str(tmp_path / "events.jsonl"))]


def test_nothing_is_said_when_no_event_after_the_completion_would_act(tmp_path: Path) -> None:
    # closed and resolved again after the completion: the clock had stopped at the resolution already
    assert api(tmp_path, POLICY, [EVENTS[k] for k in (0, 1, 2, 3, 5)]) == []


def test_a_clock_still_running_at_the_completion_misses_its_own_stop(tmp_path: Path) -> None:
    clock = 'clock ttr "解決時間" / "Time to resolve" { starts at incident.reported  stops at incident.closed }\n'
    text = policy_text(clock, "  resolve within 8 hours on ttr\n")
    log = str(tmp_path / "events.jsonl")
    assert api(tmp_path, text, EVENTS[:4]) == [said(log, 4, "incident.closed")]


def test_a_clock_that_starts_after_the_completion(tmp_path: Path) -> None:
    clock = 'clock ttr "解決時間" / "Time to resolve" { starts at incident.closed  stops at incident.reopened }\n'
    text = policy_text(clock, "  resolve within 8 hours on ttr\n")
    log = str(tmp_path / "events.jsonl")
    assert api(tmp_path, text, EVENTS) == [said(log, 4, "incident.closed")]


def test_a_completion_by_silence_is_named(tmp_path: Path) -> None:
    text = policy_text(
        TTR, "  resolve within 8 hours on ttr\n", "2 hours after incident.resolved without incident.closed"
    )
    events = [e for e in EVENTS if e["event"] != "incident.closed"]
    (note,) = api(tmp_path, text, events)
    assert "completed at Mon 02 Mar 13:00 by its silence rule: clock “Time to resolve”" in note, note


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_clock_without_a_label_is_named_by_its_name(tmp_path: Path, lang: str) -> None:
    text = POLICY.replace(' "解決時間" / "Time to resolve"', "")
    path, log = write(tmp_path, text, EVENTS)
    done = sla("evaluate", str(path), str(log), "--from", "2026-03-01", "--to", "2026-04-01", "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert ("クロック「ttr」" if lang == "ja" else "clock “ttr” would act") in done.stdout

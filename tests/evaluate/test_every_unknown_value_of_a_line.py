"""Every unknown value of one event is reported in one run (E120, E122, E130 on the same line), and
the line is still one line left out with ``--skip-invalid``: the log's checks take a record out only
after every check has seen it. The same for a log read by columns (Parquet)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.evaluation import evaluate
from sla_dsl.events.reader import read_events
from sla_dsl.reader import EventInputError

from .helpers import ev, policy, run, t

EVENTS = [
    ev("incident.reported", "2026-11-02 10:00", "I", priority="P9", cause="gremlins"),
    ev("outage.started", "2026-11-02 02:00", "O", cause="gremlins", service="teleport"),
    ev("incident.reported", "2026-11-02 10:00", "K", priority="P2", attributes={"colour": "red"}),
]
WANTED = [(1, "E120"), (1, "E122"), (2, "E122"), (2, "E130"), (3, "E128")]


def test_two_unknown_values_of_one_line_are_both_reported() -> None:
    with pytest.raises(EventInputError) as info:
        run(EVENTS)
    assert [(p.line, p.code) for p in info.value.problems] == WANTED
    assert "3 invalid event lines" in str(info.value.in_lang("en"))


def test_a_line_with_two_unknown_values_is_left_out_once(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(
        '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"I","priority":"P9","cause":"x"}\n'
        '{"event":"incident.reported","at":"2026-11-02T11:00:00+09:00","id":"J","priority":"P2"}\n',
        encoding="utf-8",
    )
    log = read_events(path, skip_invalid=True, defer=True)
    report = evaluate(policy(), log, t("2026-11-01 00:00"), t("2026-12-01 00:00"), skip_invalid=True)
    skipped = report.input.skipped
    assert len(skipped) == 1
    assert "[E120]" in skipped[0] and "[E122]" in skipped[0]
    assert [i.id for i in report.incidents] == ["J"]


def test_a_columnar_log_gives_the_same_problems(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    names = ["event", "at", "id", "priority", "cause", "service", "attributes"]
    rows = [{**e, "attributes": '{"colour": "red"}'} if "attributes" in e else e for e in EVENTS]
    pq.write_table(pa.table({n: pa.array([r.get(n) for r in rows], pa.string()) for n in names}), path)
    log = read_events(path, defer=True)
    with pytest.raises(EventInputError) as info:
        evaluate(policy(), log, t("2026-11-01 00:00"), t("2026-12-01 00:00"))
    assert [(p.line, p.code) for p in info.value.problems] == WANTED

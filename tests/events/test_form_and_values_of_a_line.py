"""A line whose form is wrong is checked for the values the policy must know too, in the same run.

``sla evaluate`` told a line with ``at`` without an offset and priority ``P9`` its E105 alone: the
author fixed the time, ran again, and only then learnt of the priority (E120) on the same line. The
readers now set aside the event of such a line with the fields at fault stood in for, and the
evaluator checks its values with the log's (as ``sla test`` checks the events of a case): every
reader (JSON Lines line by line and by columns, CSV both ways, Parquet, the API's dicts and
DataFrames) says both, line by line in order. A value that cannot be read (a priority that is a
number, a line that is not JSON) is said as before, alone. ``sla replay`` read the log without
waiting for the check of the values: it now says every problem as ``sla evaluate`` does, and so
does ``sla serve``'s ingest of a batch of one such line (it said the batch was empty).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.authoring.replay import replay
from sla_dsl.cli import main
from sla_dsl.evaluation import evaluate
from sla_dsl.events import lines as lines_module
from sla_dsl.events import validate
from sla_dsl.events.problems import EventInputError
from sla_dsl.events.reader import read_events
from sla_dsl.events.schema import EventLog
from sla_dsl.policy import Policy

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]

#: One good event, then lines whose form is wrong and whose values the policy does not know.
ROWS: list[dict[str, Any]] = [
    {"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-11-02T10:00:00", "id": "B", "priority": "P9"},
    {"event": "outage.started", "at": "2026-11-02T11:00", "id": "O", "cause": "gremlins", "service": "teleport"},
    {
        "event": "incident.reported",
        "at": "2026-11-02T12:00",
        "id": "E",
        "priority": "P2",
        "attributes": {"colour": "red"},
    },
    {"event": "backup.completed", "at": "2026-11-02T03:00", "id": "BK", "kind": "tape"},
]
#: (line, code) of ROWS read as lines 1 to 5: each line's problem of form, then its unknown values.
WANTED = [
    (2, "E105"),
    (2, "E120"),
    (3, "E105"),
    (3, "E122"),
    (3, "E130"),
    (4, "E105"),
    (4, "E128"),
    (5, "E105"),
    (5, "E121"),
]
#: Lines 6 to 9, after ROWS: a value that cannot be read (a number, no priority, a line that is not JSON) is
#: not checked, only the line's form is said; an empty id is stood in for, and the priority checked.
UNREAD = [
    '{"event":"incident.reported","at":"2026-11-03T10:00:00","id":"N","priority":5}',  # a number: E105, E106
    '{"event":"incident.reported","at":"2026-11-03T10:00","id":"M"}',  # no priority: E105, E102
    '{"event":"incident.reported","at":"2026-11-03T10:00","id":"J","priority":"P9"',  # not JSON: E100 alone
    '{"event":"incident.reported","at":"2026-11-03T10:00:00+09:00","id":"","priority":"P8"}',  # E107, E120
]
UNREAD_WANTED = [(6, "E105"), (6, "E106"), (7, "E105"), (7, "E102"), (8, "E100"), (9, "E107"), (9, "E120")]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return sla_dsl.load_policy(POLICY)


def _jsonl(path: Path, rows: list[dict[str, Any]], more: Sequence[str] = ()) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "".join(f"{m}\n" for m in more), "utf-8")
    return path


def _cells(rows: list[dict[str, Any]], name: str) -> list[str | None]:
    return [(json.dumps(r[name]) if name == "attributes" else r[name]) if name in r else None for r in rows]


_NAMES = ["event", "at", "id", "priority", "cause", "service", "kind", "attributes"]


def _csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(_NAMES)
        out.writerows(zip(*(_cells(rows, n) for n in _NAMES), strict=True))
    return path


def _problems(policy: Policy, events: Any) -> list[tuple[int, str]]:
    with pytest.raises(EventInputError) as info:
        evaluate(policy, events, "2026-11-01", "2026-12-01")
    return [(p.line, p.code) for p in info.value.problems]


def _said(err: str) -> list[tuple[int, str]]:
    return [(int(n), code) for n, code in re.findall(r":(\d+): error: \[(E\d+)\]", err)]


def test_evaluate_says_a_lines_form_and_its_unknown_values_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _jsonl(tmp_path / "events.jsonl", ROWS, UNREAD)
    capsys.readouterr()
    assert main(["evaluate", str(POLICY), str(log), *MONTH, "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert _said(err) == WANTED + UNREAD_WANTED
    assert "Traceback" not in err
    assert (
        f"{log}:2: error: [E105] `at` has no UTC offset: `2026-11-02T10:00:00`\n"
        "  help: write it with the policy's offset: `2026-11-02T10:00:00+09:00`\n"
        f"{log}:2: error: [E120] unknown priority `P9` in `incident.reported`\n"
        "  help: the policy knows `P1`, `P2`, `P3`\n"
        f"{log}:3: error: [E105] "
    ) in err
    assert err.rstrip().endswith(
        "8 invalid event lines (E105 on 6, E120 on 2, E100 on 1, E102 on 1, E106 on 1, "
        "E107 on 1, E121 on 1, E122 on 1, E128 on 1, E130 on 1)"
    )


def _read(path: Path, how: str) -> EventLog:
    """``path`` read line by line, or by Arrow's columns (``columns``: as a large file is read)."""
    if how == "lines":
        return read_events(path, defer=True)
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        return read_events(path, defer=True)


@pytest.mark.parametrize("how", ["lines", "columns"])
def test_json_lines_read_either_way_say_the_same(policy: Policy, tmp_path: Path, how: str) -> None:
    log = _jsonl(tmp_path / "events.jsonl", ROWS, UNREAD)
    assert _problems(policy, _read(log, how)) == WANTED + UNREAD_WANTED


@pytest.mark.parametrize("how", ["lines", "columns"])
def test_csv_read_either_way_says_the_same(policy: Policy, tmp_path: Path, how: str) -> None:
    log = _csv(tmp_path / "events.csv", ROWS)
    assert _problems(policy, _read(log, how)) == [(line + 1, code) for line, code in WANTED]  # (line 1: the header)


def test_tables_say_the_same_at_their_rows_and_columns(policy: Policy, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table({n: pa.array(_cells(ROWS, n), pa.string()) for n in _NAMES}), path)
    with pytest.raises(EventInputError) as info:
        evaluate(policy, read_events(path, defer=True), "2026-11-01", "2026-12-01")
    assert [(p.line, p.code) for p in info.value.problems] == WANTED
    assert [p.column for p in info.value.problems][:2] == ["at", "priority"]  # (a table's row: its column)
    frame = pd.DataFrame({n: _cells(ROWS, n) for n in _NAMES})
    assert _problems(policy, frame) == WANTED


def test_the_apis_dicts_say_the_same(policy: Policy) -> None:
    assert _problems(policy, ROWS) == WANTED


def test_a_log_of_one_such_line_says_both(policy: Policy, tmp_path: Path) -> None:
    """Nothing filed, one line set aside: the reader still waits for the check of the values."""
    log = _jsonl(tmp_path / "events.jsonl", ROWS[1:2])
    assert _problems(policy, log) == [(1, "E105"), (1, "E120")]


def test_skip_invalid_leaves_such_a_line_out_once_and_never_judges_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _jsonl(tmp_path / "events.jsonl", ROWS)
    capsys.readouterr()
    argv = ["evaluate", str(POLICY), str(log), *MONTH, "--lang", "en", "--skip-invalid", "--format", "json"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert [i["id"] for i in report["incidents"]] == ["A"]
    assert report["outages"] == [] and report["input"]["events"] == 1
    skipped = report["input"]["skipped"]
    assert len(skipped) == 4
    assert "[E105]" in skipped[0] and "[E120] unknown priority `P9`" in skipped[0]
    assert _said(err) == WANTED


def test_only_a_refused_line_is_set_aside(tmp_path: Path) -> None:
    """The good lines pay nothing: they are filed as before and never validated again."""
    good = read_events(_jsonl(tmp_path / "good.jsonl", ROWS[:1] * 3), defer=True)
    assert good.aside is None and good.count == 3
    with mock.patch.object(validate, "values_only", wraps=validate.values_only) as asked:
        bad = read_events(_jsonl(tmp_path / "bad.jsonl", [*ROWS[:1] * 3, *ROWS[1:]], UNREAD), defer=True)
    assert sorted(c.args[3] for c in asked.call_args_list) == [4, 5, 6, 7, 8, 9, 11]  # (never a good line's)
    assert bad.count == 3
    assert bad.aside is not None
    assert sorted(r[3] for group in bad.aside.groups for recs in group.values() for r in recs) == [4, 5, 6, 7, 11]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("lang", [[], ["--lang", "en"]])
def test_replay_says_every_problem_as_evaluate_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: list[str]
) -> None:
    log = str(_jsonl(tmp_path / "events.jsonl", ROWS, UNREAD))
    evaluated = _run(["evaluate", str(POLICY), log, *MONTH, *lang], capsys)
    replayed = _run(["replay", str(POLICY), str(POLICY), log, *MONTH, *lang], capsys)
    assert evaluated[0] == replayed[0] == 1
    assert replayed == evaluated
    assert _said(replayed[2]) == WANTED + UNREAD_WANTED
    if not lang:  # (the policy's primary language: Japanese)
        assert "[E120] `incident.reported` の優先度 `P9` はポリシーにありません" in replayed[2]


def test_replay_of_the_api_waits_for_the_check_of_the_values(policy: Policy, tmp_path: Path) -> None:
    log = _jsonl(tmp_path / "events.jsonl", ROWS)
    start, end = dt.datetime(2026, 11, 1, tzinfo=policy.tz), dt.datetime(2026, 12, 1, tzinfo=policy.tz)
    with pytest.raises(EventInputError) as info:
        replay(policy, policy, log, start, end)
    assert [(p.line, p.code) for p in info.value.problems] == WANTED


def test_serve_ingest_says_both_of_a_batch_of_one_such_line(policy: Policy) -> None:
    from sla_dsl.serve.ingest import Rejected, parse_body

    with pytest.raises(Rejected) as info:
        parse_body(json.dumps(ROWS[1]).encode() + b"\n", [policy])
    assert [(p.line, p.code) for p in info.value.problems] == [(1, "E105"), (1, "E120")]

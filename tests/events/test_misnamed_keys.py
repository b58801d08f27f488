"""A field of the contract given under another name is refused in every format, never passed over.

``{" cause": "failure"}`` (blanks around the name), ``{"Priority": "P1"}`` (another case) and
``{"attributes.plan": "premium"}`` (an attribute split out of ``attributes``, as ``pd.json_normalize``
writes a frame's rows) were extra keys of no field in JSON Lines: the report came out with the cause
and the plan silently absent (plans.sla's premium P1 due at 15:00 instead of 11:00). A table's
columns (E115) and a CSV header (E110) already refused blanks and split attributes; JSON Lines now
refuses such keys at their line (E109), by the line reader and by Arrow's columns alike, a field in
another case or with blanks only when no value is given under the field's own name (beside it, the
other is an extra key as before, as a column is beside its field's column).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from log_outcome import outcome

from sla_dsl.events import EventInputError, log_from, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.reader import iter_events, jsonl_by_columns

ROOT = Path(__file__).resolve().parents[2]
AT = "2026-11-02T10:00:00+09:00"


def _line(ident: str, **more: Any) -> dict[str, Any]:
    return {"event": "incident.reported", "at": AT, "id": ident, "priority": "P1", **more}


LINES = [
    _line("INC-1", **{" cause": "failure"}),
    _line("INC-2", **{"attributes.plan": "premium"}),
    {"event": "incident.reported", "at": AT, "id": "INC-3", "Priority": "P1"},
    _line("INC-4", Priority="Highest", note="x"),  # beside `priority`: an extra key of the ticket system
    _line("INC-5", Cause=None),  # null: no value, as Arrow reads it
    {"event": "outage.started", "at": AT, "id": "OUT-1", "Cause": "failure", "\u3000zone": "az-a"},
]
SAID = [
    "events.jsonl:1: error: [E109] key ` cause` is not read: the contract's field names are lower case,"
    " with no blanks around them\n  help: write ` cause` as `cause`",
    "events.jsonl:2: error: [E109] key `attributes.plan` is not read: the attributes are one object,"
    ' `attributes`\n  help: give them in one object `attributes`, as `{"attributes": {"plan": "premium"}}`;'
    " `pd.json_normalize` splits them into keys unless given `max_level=0`",
    "events.jsonl:3: error: [E109] key `Priority` is not read: the contract's field names are lower case,"
    " with no blanks around them\n  help: write `Priority` as `priority`",
    "events.jsonl:6: error: [E109] key `Cause`, `\u3000zone` is not read: the contract's field names are lower"
    " case, with no blanks around them\n  help: write `Cause`, `\u3000zone` as `cause`, `zone`",
]


def _write(tmp_path: Path, lines: list[dict[str, Any]]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
    return path


def _said(caught: pytest.ExceptionInfo[EventInputError], path: Path) -> list[str]:
    return [p.render("en").replace(str(path), path.name) for p in caught.value.problems]


def test_json_lines_refuse_a_field_under_another_name_at_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, LINES)
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1), pytest.raises(EventInputError) as caught:
        read_events(path)
    assert _said(caught, path) == SAID
    log = read_events(path, skip_invalid=True)
    assert [s.split(":")[1] for s in log.skipped] == ["1", "2", "3", "6"]
    assert log.count == 2
    with pytest.raises(EventInputError) as caught:  # (the API's reader of one event at a time)
        list(iter_events(path))
    assert _said(caught, path) == SAID[:1]
    assert len(list(iter_events(_write(tmp_path, LINES[3:5])))) == 2


def test_arrow_columns_hand_such_lines_to_the_line_reader(tmp_path: Path) -> None:
    """The columns read the file (they do not give it up), and the lines they hand back are refused as the
    line reader refuses them: the same problems, the same events."""
    path = _write(tmp_path, LINES * 3)
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        with pytest.raises(EventInputError):
            assert jsonl_by_columns(path, str(path)) is not None
        columns = outcome(lambda: read_events(path, skip_invalid=True))
        with pytest.raises(EventInputError) as caught:
            read_events(path)
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_lines = outcome(lambda: read_events(path, skip_invalid=True))
    assert columns == by_lines
    assert _said(caught, path)[:4] == SAID


def test_the_plan_attribute_split_out_no_longer_gives_the_standard_due_time(tmp_path: Path) -> None:
    """plans.sla: a premium P1 is due at 11:00; ``attributes.plan`` left the plan unread and gave the
    standard 15:00 in silence. The log is now refused (exit 1) naming the line and the key."""
    path = _write(tmp_path, [_line("INC-1", **{"attributes.plan": "premium"})])
    policy = ROOT / "policies" / "examples" / "plans.sla"
    cmd = [sys.executable, "-m", "sla_dsl", "evaluate", str(policy), str(path), "--from", "2026-11-01"]
    done = subprocess.run([*cmd, "--to", "2026-12-01", "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1, done.stdout
    assert f"{path}:1: error: [E109]" in done.stderr and "`attributes.plan`" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_the_words_are_in_japanese_too(tmp_path: Path) -> None:
    path = _write(tmp_path, LINES[:3])
    with pytest.raises(EventInputError) as caught:
        read_events(path)
    said = [p.render("ja") for p in caught.value.problems]
    assert "キー ` cause` は読みません。契約のフィールド名は小文字で、前後に空白を付けません" in said[0]
    assert "ヒント: ` cause` は `cause` と書いてください" in said[0]
    assert "属性は 1 つのオブジェクト `attributes` にまとめてください" in said[1]
    assert "ヒント: `Priority` は `priority` と書いてください" in said[2]


def test_the_api_dicts_of_a_normalized_frame_are_refused(tmp_path: Path) -> None:
    """``pd.json_normalize(rows).to_dict("records")`` gives ``attributes.plan`` keys (and NaN where a row has
    no plan, which is no value)."""
    import pandas as pd

    rows = [_line("INC-1"), _line("INC-2", attributes={"plan": "premium"})]
    with pytest.raises(EventInputError) as caught:
        log_from(pd.json_normalize(rows).to_dict("records"))
    assert [(p.line, p.code) for p in caught.value.problems] == [(2, "E109")]
    assert log_from(rows).count == 2

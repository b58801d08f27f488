"""The Python API leaves invalid events out when asked, as ``sla evaluate --skip-invalid`` does.

``read_events(path, skip_invalid=True)`` left out the lines that are not events, but ``sla_dsl.evaluate``
then raised on the first event the policy refuses (an unknown priority: E120), and had no way to say
``skip_invalid``; the command skipped and listed all of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError
from sla_dsl.reader import read_events

ROOT = Path(__file__).resolve().parents[2]
LINES = [
    '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"A","priority":"P1"}',
    '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"B","priority":"Highest"}',
    "not json",
]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(LINES) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("read_first", [False, True], ids=["path", "read_events"])
def test_skip_invalid_leaves_out_and_lists_every_bad_line(log: Path, read_first: bool) -> None:
    policy = sla_dsl.load_policy(ROOT / "policies" / "clicksoko.sla")
    events = read_events(str(log), skip_invalid=True) if read_first else str(log)
    report = sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01", skip_invalid=True)
    assert [i.id for i in report.incidents] == ["A"]
    assert [s.split(": error: ")[0] for s in report.input.skipped] == [f"{log}:2", f"{log}:3"]
    assert "[E120]" in report.input.skipped[0] and "[E100]" in report.input.skipped[1]


def test_without_it_every_problem_is_raised(log: Path) -> None:
    policy = sla_dsl.load_policy(ROOT / "policies" / "clicksoko.sla")
    with pytest.raises(EventInputError) as caught:
        sla_dsl.evaluate(policy, str(log), "2026-11-01", "2026-12-01")
    assert "[E120]" in str(caught.value) and "[E100]" in str(caught.value)

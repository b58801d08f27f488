"""An event of a test file that gives a field under another name is refused as a log's line is (E109).

``sla test`` checks the events written in a case like a log's lines; `Cause: customer` or
`attributes.plan: premium` were extra keys there, ignored, and the case ran with the cause or the plan
absent (a case meant to test a premium customer's due time judged as a standard one's).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from expect_case import run_case  # (tests/author on the path: pytest's rootdir-less import)

TEXT = """\
cases:
  - name: x
    period: {from: 2026-11-01, to: 2026-12-01}
    events:
      - {event: incident.reported, at: "2026-11-16T10:00:00+09:00", id: A5, priority: P1, " cause": customer}
      - {event: incident.reported, at: "2026-11-16T10:00:00+09:00", id: A6, priority: P1, attributes.plan: premium}
    expect:
      incidents: {A5: open}
"""


def test_a_field_under_another_name_is_refused_at_its_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err, path = run_case(tmp_path, capsys, TEXT, "--lang", "en")
    assert code == 1, (out, err)
    assert f"{path}:5: error: [E109] key ` cause` is not read" in err, err
    assert "help: write ` cause` as `cause`" in err, err
    assert f"{path}:6: error: [E109] key `attributes.plan` is not read" in err, err
    code, out, err, path = run_case(tmp_path, capsys, TEXT)
    assert "キー ` cause` は読みません" in err and "ヒント: ` cause` は `cause` と書いてください" in err, err

"""The one-case test file the ``expect`` refusal tests write, and the ``sla test`` run that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"

#: a case of one incident (A5, P1, reported Mon 16 Nov 10:00); the test adds the lines under ``expect:``
HEAD = """\
cases:
  - name: x
    period: {from: 2026-11-01, to: 2026-12-01}
    events:
      - {event: incident.reported, at: "2026-11-16T10:00:00+09:00", id: A5, priority: P1}
    expect:
"""


def run_case(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *flags: str) -> tuple[int, str, str, Path]:
    """``sla test FLAGS POLICY t.yaml`` on ``text``: its exit code, standard output and error, the file."""
    path = tmp_path / "t.yaml"
    path.write_text(text, "utf-8")
    code = main(["test", *flags, str(POLICY), str(path)])
    out, err = capsys.readouterr()
    return code, out, err, path

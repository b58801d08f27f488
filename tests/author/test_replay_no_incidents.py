"""``sla replay`` on a log of no incident ends with ``incident statuses: none`` / ``案件の判定：なし``.

The last line of the text was ``incident statuses: `` (``案件の判定：``) and nothing after it, where the
other lines of the replay say ``none`` of an empty part. Fails on the code before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
OUTAGE = (
    '{"event": "outage.started", "at": "2026-11-05T14:10:00+09:00", "id": "OUT-01", "cause": "failure"}\n'
    '{"event": "outage.recognized", "at": "2026-11-05T14:20:00+09:00", "id": "OUT-01"}\n'
)


@pytest.mark.parametrize(("lang", "last"), [("ja", "案件の判定：なし"), ("en", "incident statuses: none")])
def test_no_incident_is_said_none(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, last: str) -> None:
    new = tmp_path / "new.sla"  # (a change of the hours measured, so that the replay has a change to show)
    text = POLICY.read_text("utf-8")
    new.write_text(text.replace("  hours always except maintenance, planned stops", "  hours business"), "utf-8")
    log = tmp_path / "ev.jsonl"
    log.write_text(OUTAGE, "utf-8")
    capsys.readouterr()
    argv = ["replay", str(POLICY), str(new), str(log), "--from", "2026-11-01", "--to", "2026-12-01", "--lang", lang]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == last

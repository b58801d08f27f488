"""``sla explain`` says why a ``by 16:00 of 1st business day`` is due at another time: that day closes before
16:00 (``(that day closes at 15:00)``) or opens after it; the due time was shown alone, unexplained."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "N" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  title "T" / "T"
}
calendar business "営業" / "Business" {
  days mon..fri
  hours 09:00-17:00
  hours 2026-11-30 09:00-15:00
  hours 2026-12-01 17:00-20:00
}
clock response "応答" / "Response" { starts at incident.reported }
priority P1 "a" / "a" {
  respond by 16:00 of 1st business day
  complete on incident.resolved
}
"""


@pytest.mark.parametrize(
    ("reported", "lang", "line"),
    [
        (
            "2026-11-27T10:00:00+09:00",
            "en",
            "response due: by 16:00 on the 1st business day (that day closes at 15:00)",
        ),
        ("2026-11-27T10:00:00+09:00", "ja", "応答期限：1営業日目の16:00まで（その日は15:00に終業）"),
        ("2026-11-30T10:00:00+09:00", "en", "response due: by 16:00 on the 1st business day (that day opens at 17:00)"),
        ("2026-11-30T10:00:00+09:00", "ja", "応答期限：1営業日目の16:00まで（その日は17:00に始業）"),
        ("2026-12-01T10:00:00+09:00", "en", "response due: by 16:00 on the 1st business day"),
    ],
)
def test_explain_says_why_the_due_time_is_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reported: str, lang: str, line: str
) -> None:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text(json.dumps({"event": "incident.reported", "at": reported, "id": "A", "priority": "P1"}) + "\n")
    code = main(["explain", str(policy), str(log), "A", "--lang", lang, "--from", "2026-11-01", "--to", "2026-12-31"])
    out = capsys.readouterr().out
    assert code == 0, out
    (said,) = [x.strip() for x in out.splitlines() if "response due" in x or "応答期限" in x]
    # (the step ends there; a breach with no response is said at the same instant, after it)
    assert re.search(re.escape(line) + "($|; |。)", said), said

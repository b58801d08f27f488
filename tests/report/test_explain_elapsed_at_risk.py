"""``sla explain`` of an incident at risk says how much of its target's time has passed as the target counts it.

P1 must be answered within 1 hour (elapsed time, round the clock), P2 within 2 business hours; the response
clock warns at 75%. INC-1 (P1) is reported on a Saturday at 10:00 and unanswered at 10:50; INC-2 (P2) on a
Monday at 10:00 and unanswered at 11:40. Both are at risk. The explanation of INC-1 said "75% of the target's
business time has passed", on a Saturday, of a target that counts no business time; it now says elapsed time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import sla

POLICY = """sla "Risk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business" {
  days mon..fri
  hours 09:00-18:00
}
clock response "応答" / "Response" {
  starts at incident.reported
  at risk at 75% of target
}
priority P1 "緊急" / "Urgent" {
  respond within 1 hour
  complete on incident.resolved
}
priority P2 "高" / "High" {
  respond within 2 business hours
  complete on incident.resolved
}
"""

EVENTS = (
    '{"event": "incident.reported", "at": "2026-11-07T10:00:00+09:00", "id": "INC-1", "priority": "P1"}\n'
    '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-2", "priority": "P2"}\n'
)

#: (id, --as-of, the at-risk words in English, in Japanese)
CASES = [
    (
        "INC-1",
        "2026-11-07T10:50:00+09:00",
        "75% of the target's time has passed (elapsed)",
        "起算から目標の 75% の時間が経過（経過時間）",
    ),
    (
        "INC-2",
        "2026-11-02T11:40:00+09:00",
        "75% of the target's business time has passed",
        "起算から目標の 75% の営業時間が経過",
    ),
]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("ident", "as_of", "en", "ja"), CASES)
def test_at_risk_in_the_time_the_target_counts(
    tmp_path: Path, lang: str, ident: str, as_of: str, en: str, ja: str
) -> None:
    policy, events = tmp_path / "risk.sla", tmp_path / "risk.jsonl"
    policy.write_text(POLICY, "utf-8")
    events.write_text(EVENTS, "utf-8")
    period = ("--from", "2026-11-01", "--to", "2026-12-01", "--as-of", as_of)
    code, out, err = sla("explain", policy, events, ident, *period, "--lang", lang, "--quiet")
    assert code == 0, err
    said = en if lang == "en" else ja
    assert said in out, out
    if ident == "INC-1":
        assert "business time" not in out and "営業時間が経過" not in out, out

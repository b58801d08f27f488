"""``sla explain`` says a missed response where it was missed: at the due time, not at the instant judged.

Found porting a Jira Service Management policy (a P1 resolved after 20 minutes, never answered): the timeline
ended ``Tue 1 Dec 00:00  no response by then: breached``, a month after the incident was completed, while the
violation is at the due time, 11:00. A breach is said at its due time; an incident still waiting for its
response (open, at risk) is said at the instant judged, which is when "by then" is true.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import MONTH, POLICY, sla


def _log(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "said"), [("en", "no response by then: breached"), ("ja", "この時点で応答なし")])
def test_a_response_never_given_is_missed_at_its_due_time(tmp_path: Path, lang: str, said: str) -> None:
    log = _log(
        tmp_path,
        '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"INC-1","priority":"P1"}',
        '{"event":"incident.resolved","at":"2026-11-02T10:20:00+09:00","id":"INC-1"}',
    )
    code, out, err = sla("explain", POLICY, log, "INC-1", *MONTH, "--lang", lang)
    assert code == 0, err
    line = next(x for x in out.splitlines() if said in x)
    # the P1 target, 4 business hours from 10:00 (lunch 12:00-13:00 not counted): due 15:00, said there
    assert "15:00" in line and ("11月2日" in line if lang == "ja" else "2 Nov" in line), out
    assert not any(said in x and ("12月1日" in x or "1 Dec" in x) for x in out.splitlines()), out


def test_an_open_incident_is_said_as_of_the_instant_judged(tmp_path: Path) -> None:
    log = _log(tmp_path, '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"INC-1","priority":"P1"}')
    code, out, err = sla(
        "explain", POLICY, log, "INC-1", *MONTH, "--as-of", "2026-11-02T11:00:00+09:00", "--lang", "en"
    )
    assert code == 0, err
    line = next(x for x in out.splitlines() if "no response by then" in x)
    assert "Mon 2 Nov 11:00" in line and "open" in line, out

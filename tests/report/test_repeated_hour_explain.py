"""``sla explain`` across the hour a zone repeats (New York, 1 Nov 2026: 01:00-01:59 happens twice).

Its lines were keyed by the aware datetimes and sorted by them: one zone's datetimes compare by their
wall clocks and hash without ``fold``, so a response at 01:10 EST came before its due time 01:50 EDT and
read "in time" for a breached incident; an incident reported at 01:50 EDT and due at 01:50 EST had both
on one line, dated by the first; an outage from 01:45 EDT to 01:40 EST ended before it started and was
"down -0:05" for 55 minutes. Lines are now keyed, ordered and subtracted as instants.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import sla
from .test_repeated_hour_lateness import EVENTS, POLICY

DAY = ("--from", "2026-11-01", "--to", "2026-11-02")

#: I4 is reported at 01:50 EDT, answered at 01:05 EST (15 minutes later) and due at 01:50 EST
MORE = [
    {"event": "incident.reported", "at": "2026-11-01T01:50:00-04:00", "id": "I4", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-01T01:05:00-05:00", "id": "I4"},
]


def _explain(tmp_path: Path, ident: str, lang: str) -> list[str]:
    policy, log = tmp_path / "dst.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS + MORE), "utf-8")
    code, out, err = sla("explain", policy, log, ident, "--lang", lang, *DAY)
    assert code == 0, err
    return [x.strip() for x in out.splitlines() if x.startswith("  ")]  # the dated steps


def _day(lang: str) -> str:
    return "Sun 1 Nov" if lang == "en" else "11月1日(日)"


@pytest.mark.parametrize(
    ("lang", "due", "responded"),
    [
        ("en", "response due: within 1 hour", "responded (0:20 after the due time, elapsed time)"),
        ("ja", "応答期限：1時間以内", "応答（期限から経過時間で 0:20 超過）"),
    ],
)
def test_a_late_response_is_late_and_after_its_due_time(tmp_path: Path, lang: str, due: str, responded: str) -> None:
    steps = _explain(tmp_path, "I3", lang)
    d = _day(lang)
    assert steps[1:] == [f"{d} 01:50 (-04:00)  {due}", f"{d} 01:10 (-05:00)  {responded}"], steps


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_two_0150s_are_two_lines_in_time_order(tmp_path: Path, lang: str) -> None:
    steps = _explain(tmp_path, "I4", lang)
    d = _day(lang)
    assert [s.split("  ")[0] for s in steps] == [f"{d} 01:50 (-04:00)", f"{d} 01:05 (-05:00)", f"{d} 01:50 (-05:00)"]
    due = "response due" if lang == "en" else "応答期限"
    assert due not in steps[0] and due in steps[2], steps


@pytest.mark.parametrize(("lang", "down"), [("en", "(down 0:55)"), ("ja", "（停止 0:55）")])
def test_an_outage_ends_after_it_starts_and_lasts_its_real_time(tmp_path: Path, lang: str, down: str) -> None:
    steps = _explain(tmp_path, "O1", lang)
    d = _day(lang)
    assert steps[0].startswith(f"{d} 01:45 (-04:00)  "), steps
    assert steps[1].startswith(f"{d} 01:40 (-05:00)  ") and steps[1].endswith(down), steps

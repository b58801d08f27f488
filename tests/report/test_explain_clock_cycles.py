"""``sla explain`` says every cycle of a clock that restarts or is reset, not only the one its target's verdict is
of: its start, its out-of-hours time, its due time and its outcome, each cycle before the next.

A Request Tracker port (a reply clock restarted at each customer message, ``plus 24 hours if received outside
business hours``) read the first exchange (Saturday out of hours: 26 hours, due Sun 22 Nov 12:00, answered at
11:00) nowhere: only the last cycle's due time and a breached one were said. The verdict kept only the cycle it
is of; each cycle is now kept beside it (out of the JSON, whose contract and verdicts stay as they were).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.cli import main

POLICY = """sla "R" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business hours" {
  hours mon..fri 09:00-17:30
  holidays JP
}
event incident.staff_replied "担当者の返信" / "Staff reply"
event incident.requestor_wrote "依頼者のメッセージ" / "Requestor's message"
clock response "応答" / "Response" { starts at incident.reported }
clock reply "回答" / "Reply" {
  starts at incident.reported
  stops at incident.staff_replied, incident.resolved
  restarts at incident.requestor_wrote
}
clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
  resets at incident.reprioritized
}
priority gold "ゴールド" / "Gold" {
  respond within 2 hours
  respond within 2 hours on reply, plus 24 hours if received outside business hours
  resolve within 16 business hours on resolution
  complete on incident.resolved
}
priority silver "シルバー" / "Silver" {
  respond within 4 business hours
  respond within 4 business hours on reply
  complete on incident.resolved
}
"""

#: a reply clock restarted once: Saturday's exchange met (due Sunday 12:00, answered 11:00), the last met too
RESTARTED = [
    ("incident.reported", "2026-11-21T10:00:00+09:00", {"priority": "gold"}),
    ("incident.responded", "2026-11-22T11:00:00+09:00", {}),
    ("incident.staff_replied", "2026-11-22T11:00:00+09:00", {}),
    ("incident.requestor_wrote", "2026-11-24T20:00:00+09:00", {}),
    ("incident.resolved", "2026-11-25T16:00:00+09:00", {}),
]

#: three exchanges: met (3 November a holiday), breached (the target's verdict), met after it
THREE = [
    ("incident.reported", "2026-11-02T15:00:00+09:00", {"priority": "silver"}),
    ("incident.responded", "2026-11-03T10:00:00+09:00", {}),
    ("incident.staff_replied", "2026-11-03T10:00:00+09:00", {}),
    ("incident.requestor_wrote", "2026-11-04T16:00:00+09:00", {}),
    ("incident.staff_replied", "2026-11-05T12:00:00+09:00", {}),
    ("incident.requestor_wrote", "2026-11-09T11:00:00+09:00", {}),
    ("incident.staff_replied", "2026-11-09T14:00:00+09:00", {}),
    ("incident.resolved", "2026-11-11T16:00:00+09:00", {}),
]

#: a resolution clock reset by a change of priority while it ran (the first cycle neither met nor breached)
RESET = [
    ("incident.reported", "2026-11-16T10:00:00+09:00", {"priority": "gold"}),
    ("incident.responded", "2026-11-16T10:30:00+09:00", {}),
    ("incident.staff_replied", "2026-11-16T10:30:00+09:00", {}),
    ("incident.reprioritized", "2026-11-17T10:00:00+09:00", {"priority": "gold"}),
    ("incident.resolved", "2026-11-18T10:00:00+09:00", {}),
]


def _files(tmp_path: Path, events: list[tuple[str, str, dict[str, Any]]]) -> tuple[Path, Path]:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    rows = [{"event": e, "at": at, "id": "J1", **more} for e, at, more in events]
    log.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return policy, log


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main([*args, "--from", "2026-11-01", "--to", "2026-12-01"])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def _explain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], events: list[tuple[str, str, dict[str, Any]]], lang: str
) -> list[str]:
    policy, log = _files(tmp_path, events)
    return [x.strip() for x in _run(capsys, "explain", str(policy), str(log), "J1", "--lang", lang).splitlines()]


def _at(lines: list[str], when: str) -> str:
    return next(x for x in lines if x.startswith(when + "  "))


@pytest.mark.parametrize(
    ("lang", "start", "added", "stop", "met", "last"),
    [
        (
            "en",
            "Sat 21 Nov 10:00",
            "Response (Reply): started outside business hours, 24 hours added (2 hours + 24 hours)",
            "Sun 22 Nov 11:00",
            "Response (Reply), cycle from Sat 21 Nov 10:00: met, due Sun 22 Nov 12:00",
            "Response (Reply): met, due Wed 25 Nov 22:00",
        ),
        (
            "ja",
            "11月21日(土) 10:00",
            "応答（回答）：起算が営業時間外のため24時間を加算（2時間＋24時間）",
            "11月22日(日) 11:00",
            "応答（回答）：11月21日(土) 10:00からの計測は達成、期限 11月22日(日) 12:00",
            "応答（回答）：達成、期限 11月25日(水) 22:00",
        ),
    ],
)
def test_an_earlier_met_exchange_is_said_with_its_addition_and_due_time(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    start: str,
    added: str,
    stop: str,
    met: str,
    last: str,
) -> None:
    lines = _explain(tmp_path, capsys, RESTARTED, lang)
    assert added in _at(lines, start)  # its 24 hours, at its start
    assert met in _at(lines, stop)  # met by the reply that stopped it, with its due time
    assert sum(added in x for x in lines) == 2  # the last exchange's 24 hours too, as before
    assert any(x.endswith(last) for x in lines)  # the verdict's cycle, as before
    # each cycle said before the next one starts
    said = [k for k, x in enumerate(lines) if met in x or x.endswith(last)]
    assert said == sorted(said) and len(said) == 2


@pytest.mark.parametrize(
    ("lang", "first", "verdict", "third"),
    [
        (
            "en",
            "Response (Reply), cycle from Mon 2 Nov 15:00: met, due Wed 4 Nov 10:30",
            "Response (Reply): breached, due Thu 5 Nov 11:30",
            "Response (Reply), cycle from Mon 9 Nov 11:00: met, due Mon 9 Nov 15:00",
        ),
        (
            "ja",
            "応答（回答）：11月2日(月) 15:00からの計測は達成、期限 11月4日(水) 10:30",
            "応答（回答）：未達、期限 11月5日(木) 11:30",
            "応答（回答）：11月9日(月) 11:00からの計測は達成、期限 11月9日(月) 15:00",
        ),
    ],
)
def test_every_exchange_is_said_around_the_breached_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, first: str, verdict: str, third: str
) -> None:
    """The verdict is of the breached second exchange; the met first and third are said too, in order."""
    lines = _explain(tmp_path, capsys, THREE, lang)
    found = [next(k for k, x in enumerate(lines) if said in x) for said in (first, verdict, third)]
    assert found == sorted(found), lines


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Resolution (Resolution), cycle from Mon 16 Nov 10:00: reset before its due time Tue 17 Nov 17:30"),
        ("ja", "解決（解決）：11月16日(月) 10:00からの計測は期限 11月17日(火) 17:30 の前にリセット"),
    ],
)
def test_a_cycle_cut_by_a_reset_says_so_at_the_reset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    lines = _explain(tmp_path, capsys, RESET, lang)
    assert said in _at(lines, "Tue 17 Nov 10:00" if lang == "en" else "11月17日(火) 10:00")


def test_the_cycles_are_in_the_json_explanation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy, log = _files(tmp_path, RESTARTED)
    doc = json.loads(_run(capsys, "explain", str(policy), str(log), "J1", "--lang", "en", "--format", "json"))
    (row,) = doc  # the incident's row, with its explanation
    lines = row["explanation"]["lines"]
    line = next(x for x in lines if "cycle from Sat 21 Nov 10:00" in x["text"])
    assert line["at"] == "2026-11-22T11:00:00+09:00"
    assert "met, due Sun 22 Nov 12:00" in line["text"]


def test_the_report_and_its_verdicts_stay_as_they_were(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The cycles are the explanation's data: not in the JSON report, whose target rows keep their verdict."""
    policy, log = _files(tmp_path, THREE)
    report = json.loads(_run(capsys, "evaluate", str(policy), str(log), "--format", "json", "--quiet"))
    (row,) = [r for r in report["incidents"] if r["id"] == "J1"]
    (reply,) = [t for t in row["targets"] if t["clock"] == "reply"]
    assert "cycles" not in reply
    assert (reply["status"], reply["due"]) == ("breached", "2026-11-05T11:30:00+09:00")

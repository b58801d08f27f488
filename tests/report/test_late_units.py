"""How late a breach was, in the unit of the target that judged it (issue 13): the premium P1 rule of
the plans example is elapsed (``within 1 hour``), so INC-NIGHT, answered 10 minutes late on a
Saturday night, is 0:10 late in elapsed time, not 0:00 of business time; a business-hours P1 of
the example month stays in business time."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import sla

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
PLANS_LOG = ROOT / "policies" / "examples" / "plans.jsonl"
NOVEMBER = ("--from", "2026-11-01", "--to", "2026-12-01")


def _not_met_row(lang: str, ident: str) -> str:
    code, out, err = sla("evaluate", PLANS, PLANS_LOG, *NOVEMBER, "--format", "markdown", "--lang", lang)
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith(f"| {ident} |")]
    assert rows, out
    return rows[0]


@pytest.mark.parametrize(
    ("lang", "late"),
    [("en", "**0:10 (elapsed)**"), ("ja", "**0:10（経過時間）**")],
)
def test_an_elapsed_target_is_late_in_elapsed_time(lang: str, late: str) -> None:
    # Sat 7 Nov 02:00 premium P1: due 03:00 (within 1 hour), responded 03:10
    row = _not_met_row(lang, "INC-NIGHT")
    assert late in row, row


# -- sla explain says lateness in the same time as the report (it said 0:00 of the policy's business
#    time for a target missed outside business hours) ---------------------------------------------

EXPLAINED = """sla "Late" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en, ja
}
calendar business "営業時間" / "Business" {
  days mon..fri
  hours 09:00-17:00
}
calendar desk "夜間窓口" / "Late desk" {
  days mon..sun
  hours 16:00-22:00
}
priority P0 "最優先" / "Top" { respond within 4 business hours }
priority P1 "緊急" / "Critical" { respond within RESPOND }
notify recovery "復旧通知" / "Recovery notice" {
  within NOTIFY after outage.started
  met by outage.notified
}
notify ack "受付連絡" / "Acknowledgement" {
  within NOTIFY after incident.reported
  met by incident.responded
}
"""
#: reported Wed 4 Nov 16:30 (due 17:30 in elapsed time and in the late desk's), responded 19:00;
#: an outage from 16:30, its notice (due 17:30 the same way) sent 19:00: 1:30 late, all of it after
#: the close (17:00) of the calendar the policy's first priority counts on
LATE_LOG = "\n".join(
    [
        '{"event":"incident.reported","at":"2026-11-04T16:30:00Z","id":"A","priority":"P1"}',
        '{"event":"incident.responded","at":"2026-11-04T19:00:00Z","id":"A"}',
        '{"event":"outage.started","at":"2026-11-04T16:30:00Z","id":"O"}',
        '{"event":"outage.notified","at":"2026-11-04T19:00:00Z","id":"O"}',
        '{"event":"outage.ended","at":"2026-11-04T20:00:00Z","id":"O"}',
    ]
)


def _late(tmp_path: Path, within: str, lang: str, *args: str) -> str:
    """``sla ARGS`` on the policy with targets ``within`` and the log above: its output."""
    policy, log = tmp_path / "late.sla", tmp_path / "late.jsonl"
    policy.write_text(EXPLAINED.replace("RESPOND", within).replace("NOTIFY", within), "utf-8")
    log.write_text(LATE_LOG + "\n", "utf-8")
    code, out, err = sla(args[0], policy, log, *args[1:], "--lang", lang)
    assert code == 0, err
    return out


def _explained(tmp_path: Path, within: str, ident: str, lang: str) -> str:
    return _late(tmp_path, within, lang, "explain", ident)


@pytest.mark.parametrize(
    ("within", "lang", "said"),
    [
        ("1 hour", "en", "responded (1:30 after the due time, elapsed time)"),
        ("1 hour", "ja", "応答（期限から経過時間で 1:30 超過）"),
        # business time of the target's own calendar, not the one of the first priority (closed at 17:00)
        ("1 desk hour", "en", "responded (1:30 after the due time)"),
        ("1 desk hour", "ja", "応答（期限から 1:30 超過）"),
    ],
)
def test_explain_says_a_late_response_in_the_targets_time(tmp_path: Path, within: str, lang: str, said: str) -> None:
    out = _explained(tmp_path, within, "A", lang)
    assert said in out, out


@pytest.mark.parametrize(
    ("within", "lang", "said"),
    [
        ("1 hour", "en", "first status report sent (1:30 after the due time, elapsed time)"),
        ("1 hour", "ja", "障害状況の一報を通知（期限から経過時間で 1:30 超過）"),
        ("1 desk hour", "en", "first status report sent (1:30 after the due time)"),
        ("1 desk hour", "ja", "障害状況の一報を通知（期限から 1:30 超過）"),
    ],
)
def test_explain_says_a_late_notice_in_the_rules_time(tmp_path: Path, within: str, lang: str, said: str) -> None:
    out = _explained(tmp_path, within, "O", lang)
    assert said in out, out


@pytest.mark.parametrize(
    ("within", "lang", "said"),
    [
        ("1 hour", "en", "Recovery notice due Wed 4 Nov 17:30: sent Wed 4 Nov 19:00 (1:30 late, elapsed time)"),
        (
            "1 hour",
            "ja",
            "復旧通知の期限 11月4日(水) 17:30 に対し 11月4日(水) 19:00 に送信（経過時間で 1:30 超過）",
        ),
        ("1 desk hour", "en", "Recovery notice due Wed 4 Nov 17:30: sent Wed 4 Nov 19:00 (1:30 late)"),
    ],
)
def test_the_report_says_a_late_notice_in_the_rules_time(tmp_path: Path, within: str, lang: str, said: str) -> None:
    out = _late(tmp_path, within, lang, "evaluate", *NOVEMBER)
    assert said in out, out


@pytest.mark.parametrize(
    ("within", "lang", "said"),
    [
        ("1 hour", "en", "Acknowledgement due Wed 4 Nov 17:30: sent Wed 4 Nov 19:00 (1:30 late, elapsed time)"),
        ("1 hour", "ja", "受付連絡の期限 11月4日(水) 17:30 に対し 11月4日(水) 19:00 に送信（経過時間で 1:30 超過）"),
        ("1 desk hour", "en", "Acknowledgement due Wed 4 Nov 17:30: sent Wed 4 Nov 19:00 (1:30 late)"),
    ],
)
def test_the_report_says_a_late_incident_notice_and_how_late(tmp_path: Path, within: str, lang: str, said: str) -> None:
    out = _late(tmp_path, within, lang, "evaluate", *NOVEMBER)
    assert said in out, out


# -- the time an at-risk incident has left, in its target's time (it was the first priority's business
#    time: 0:00 left after that calendar's close for a target in elapsed time) -------------------------

AT_RISK = (
    EXPLAINED
    + """clock response "応答" / "Response" {
  starts at incident.reported
  at risk at 50% of target
}
"""
)


@pytest.mark.parametrize(
    ("within", "lang", "left"),
    [
        ("4 hours", "en", "1:30 (elapsed)"),
        ("4 hours", "ja", "1:30（経過時間）"),
        ("4 desk hours", "en", "1:30"),  # the late desk is open 16:00-22:00
    ],
)
def test_an_at_risk_incident_has_its_time_left_in_its_targets_time(
    tmp_path: Path, within: str, lang: str, left: str
) -> None:
    """Reported Wed 4 Nov 16:30, due 20:30 (elapsed, or on the late desk); as of 19:00 half of the target
    has passed: at risk, 1:30 left, though the first priority's calendar closed at 17:00."""
    policy, log = tmp_path / "risk.sla", tmp_path / "risk.jsonl"
    policy.write_text(AT_RISK.replace("RESPOND", within).replace("NOTIFY", "1 hour"), "utf-8")
    log.write_text('{"event":"incident.reported","at":"2026-11-04T16:30:00Z","id":"R","priority":"P1"}\n', "utf-8")
    as_of = ("--as-of", "2026-11-04T19:00:00Z")
    code, out, err = sla("evaluate", policy, log, *NOVEMBER, *as_of, "--format", "markdown", "--lang", lang)
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith("| R |") and "20:30" in line]
    assert rows and rows[-1].rstrip(" |").endswith(left), out

"""A target breached with no business time past its due time is late outside business hours, so said.

A response at 19:00 to a due time of 18:00 (the desk closes at 18:00) is breached, but the business
time between is none: the reports showed ``0:00`` under "Late by (business time)" and ``(0:00 late)``
in the violation, and ``sla explain`` said ``0:00 after the due time``, which read as not late at all
(the reports' rule: never ``0:00`` late). The same for an incident still without a response at ``as of``
(Saturday 00:00) after a due time of Friday 18:00, and a notice sent after the close. Each is now said
in words, in every format and both languages; the JSON report has no lateness to word. An elapsed
target's lateness is said in the sentences without a mark in parentheses inside their parentheses
(``(0:10 (elapsed) late)`` read badly): ``(0:10 late, elapsed time)``. These tests failed before the fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import sla

POLICY = """sla "Late" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en, ja
}
calendar business "営業時間" / "Business" {
  days mon..fri
  hours 09:00-18:00
}
priority P1 "緊急" / "Urgent" { respond within 1 hour }
priority P2 "通常" / "Normal" { respond within 2 business hours }
notify recovery "復旧通知" / "Recovery notice" {
  within 2 business hours after outage.started
  met by outage.notified
}
"""
#: A (P2) reported Wed 4 Nov 16:00, due 18:00, responded 19:00; B (P2) reported Fri 6 Nov 16:00, due
#: 18:00, no response as of Sat 7 Nov 00:00; the outage's notice due 18:00, sent 19:00: each after its due
#: time with no business time between. C (P1, elapsed) due 11:00, responded 11:10: 0:10 late, elapsed.
LOG = [
    {"event": "incident.reported", "at": "2026-11-04T16:00:00Z", "id": "A", "priority": "P2"},
    {"event": "incident.responded", "at": "2026-11-04T19:00:00Z", "id": "A"},
    {"event": "incident.reported", "at": "2026-11-06T16:00:00Z", "id": "B", "priority": "P2"},
    {"event": "incident.reported", "at": "2026-11-05T10:00:00Z", "id": "C", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-05T11:10:00Z", "id": "C"},
    {"event": "outage.started", "at": "2026-11-04T16:00:00Z", "id": "O"},
    {"event": "outage.notified", "at": "2026-11-04T19:00:00Z", "id": "O"},
    {"event": "outage.ended", "at": "2026-11-04T20:00:00Z", "id": "O"},
]
PERIOD = ("--from", "2026-11-01", "--to", "2026-11-07")
OUTSIDE = {"en": "late outside business hours", "ja": "営業時間外に超過"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    here = tmp_path_factory.mktemp("late-outside")
    policy, log = here / "late.sla", here / "late.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in LOG), "utf-8")
    return policy, log


def _run(files: tuple[Path, Path], *args: str) -> str:
    code, out, err = sla(args[0], *files, *args[1:])
    assert code == 0, err
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_table_says_late_outside_business_hours(files: tuple[Path, Path], lang: str) -> None:
    out = _run(files, "evaluate", *PERIOD, "--format", "markdown", "--lang", lang)
    rows = {line.split(" | ")[0]: line for line in out.splitlines() if line.startswith(("| A |", "| B |"))}
    assert set(rows) == {"| A", "| B"}, out
    for row in rows.values():
        assert f"**{OUTSIDE[lang]}**" in row and "0:00" not in row, row


@pytest.mark.parametrize("fmt", ["text", "html"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_format_says_it(files: tuple[Path, Path], fmt: str, lang: str) -> None:
    out = _run(files, "evaluate", *PERIOD, "--format", fmt, "--lang", lang)
    assert out.count(OUTSIDE[lang]) == 4, out  # A and B in the table, A and O in the violations
    assert " 0:00 " not in out and ">0:00<" not in out and "0:00 late" not in out and "0:00 超過" not in out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            [
                "Recovery notice due Wed 4 Nov 18:00: sent Wed 4 Nov 19:00 (late outside business hours)",
                "P2 Normal response due Wed 4 Nov 18:00: responded Wed 4 Nov 19:00 (late outside business hours)",
                "P1 Urgent response due Thu 5 Nov 11:00: responded Thu 5 Nov 11:10 (0:10 late, elapsed time)",
            ],
        ),
        (
            "ja",
            [
                "復旧通知の期限 11月4日(水) 18:00 に対し 11月4日(水) 19:00 に送信（営業時間外に超過）",
                "P2 通常の応答期限 11月4日(水) 18:00 に対し 11月4日(水) 19:00 に応答（営業時間外に超過）",
                "P1 緊急の応答期限 11月5日(木) 11:00 に対し 11月5日(木) 11:10 に応答（経過時間で 0:10 超過）",
            ],
        ),
    ],
)
def test_the_violations_say_it_in_one_phrase(files: tuple[Path, Path], lang: str, said: list[str]) -> None:
    out = _run(files, "evaluate", *PERIOD, "--lang", lang)
    for sentence in said:
        assert sentence in out, out


@pytest.mark.parametrize(
    ("ident", "lang", "said"),
    [
        ("A", "en", "Wed 4 Nov 19:00  responded (after the due time, outside business hours)"),
        ("A", "ja", "11月4日(水) 19:00  応答（期限後、営業時間外に超過）"),
        ("O", "en", "Wed 4 Nov 19:00  first status report sent (after the due time, outside business hours)"),
        ("O", "ja", "11月4日(水) 19:00  障害状況の一報を通知（期限後、営業時間外に超過）"),
        ("C", "en", "Thu 5 Nov 11:10  responded (0:10 after the due time, elapsed time)"),
        ("C", "ja", "11月5日(木) 11:10  応答（期限から経過時間で 0:10 超過）"),
    ],
)
def test_explain_says_it(files: tuple[Path, Path], ident: str, lang: str, said: str) -> None:
    out = _run(files, "explain", ident, "--to", "2026-11-07", "--lang", lang)
    assert said in out, out


def test_the_json_report_keeps_its_contract(files: tuple[Path, Path]) -> None:
    # (the engine's English, for alerts and logs: no lateness in it, worded or not)
    report = json.loads(_run(files, "evaluate", *PERIOD, "--format", "json"))
    messages = {v["id"]: v["message"] for v in report["violations"] if v["id"] in ("A", "O")}
    assert messages == {
        "A": "P2 response due Wed 04 Nov 18:00: responded Wed 04 Nov 19:00",
        "O": "Recovery notice due Wed 04 Nov 18:00: notified Wed 04 Nov 19:00",
    }

"""The header of how late (how long left) says what its times count, for every table.

The tables of incidents not met and at risk headed their time column "late by (business time)" /
``超過（営業時間）`` ("left (business time)" / ``残り（営業時間）``) whatever the rows, while the time of an
incident judged by an elapsed target (``respond within 1 hour``) is elapsed time, marked so in its cell:
a header that said business time above ``1:30（経過時間）``. Now a table whose rows all count business time
keeps that header (Click So-ko's report is as it was); a table with an elapsed target has the plain
header (``超過`` / "Late by", ``残り`` / "Left") and every time marked with what it counts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, sla

PERIOD = ("--from", "2026-11-01", "--to", "2026-12-01")
POLICY_TEXT = """sla "Kinds" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business" {
  days mon..fri
  hours 09:00-17:00
}
clock response "応答" / "Response" {
  starts at incident.reported
  at risk at 50% of target
}
priority P1 "緊急" / "Critical" { respond within P1_TARGET }
priority P2 "高" / "High" { respond within 2 business hours }
"""
#: A (P1) reported Wed 4 Nov 16:30, due 17:30 in elapsed time, answered 19:00: 1:30 late, elapsed;
#: B (P2) reported 10:00, due 12:00 in business time, answered 13:00: 1:00 late, business time.
BREACHES = [
    '{"event":"incident.reported","at":"2026-11-04T16:30:00+09:00","id":"A","priority":"P1"}',
    '{"event":"incident.responded","at":"2026-11-04T19:00:00+09:00","id":"A"}',
    '{"event":"incident.reported","at":"2026-11-04T10:00:00+09:00","id":"B","priority":"P2"}',
    '{"event":"incident.responded","at":"2026-11-04T13:00:00+09:00","id":"B"}',
]
#: R (P1) reported Wed 4 Nov 15:00, due 16:00 (elapsed); S (P2) reported 14:00, due 16:00 (business); as
#: of 15:40 both have passed half their target: at risk, R with 0:20 left of elapsed time, S 0:20 of
#: business time
AT_RISK = [
    '{"event":"incident.reported","at":"2026-11-04T15:00:00+09:00","id":"R","priority":"P1"}',
    '{"event":"incident.reported","at":"2026-11-04T14:00:00+09:00","id":"S","priority":"P2"}',
]
AS_OF = ("--as-of", "2026-11-04T15:40:00+09:00")


def _table(tmp_path: Path, p1: str, lines: list[str], lang: str, title: str, *args: str) -> list[list[str]]:
    """The text report's table ``title`` (its header row first), on the policy with P1 ``p1``."""
    policy, log = tmp_path / "kinds.sla", tmp_path / "kinds.jsonl"
    policy.write_text(POLICY_TEXT.replace("P1_TARGET", p1), "utf-8")
    log.write_text("\n".join(lines) + "\n", "utf-8")
    code, out, err = sla("evaluate", policy, log, *PERIOD, *args, "--lang", lang)
    assert code == 0, err
    block = next(b for b in out.split("\n\n") if b.startswith(title))
    return [re.split(r"\s{2,}", x.strip()) for x in block.splitlines()[1:]]


NOT_MET = {"ja": "目標未達の案件", "en": "Incidents not met"}
RISKY = {"ja": "期限が近い案件（要注意）", "en": "Incidents at risk"}


@pytest.mark.parametrize(
    ("lang", "header", "elapsed", "business"),
    [
        ("ja", "超過", "1:30（経過時間）", "1:00（営業時間）"),
        ("en", "Late by", "1:30 (elapsed)", "1:00 (business time)"),
    ],
)
def test_a_table_with_both_kinds_has_a_header_for_both(
    tmp_path: Path, lang: str, header: str, elapsed: str, business: str
) -> None:
    rows = _table(tmp_path, "1 hour", BREACHES, lang, NOT_MET[lang])
    late = rows[0].index(header)  # (it said 超過（営業時間） / "Late by (business time)")
    by_id = {r[0]: r[late] for r in rows[1:]}
    assert by_id == {"A": elapsed, "B": business}


@pytest.mark.parametrize(("lang", "header"), [("ja", "超過（営業時間）"), ("en", "Late by (business time)")])
def test_a_table_of_business_time_keeps_its_header(tmp_path: Path, lang: str, header: str) -> None:
    """P1 within 1 business hour: A (16:30) is due Thu 5 Nov 09:30 and was answered in time; B alone is late."""
    rows = _table(tmp_path, "1 business hour", BREACHES, lang, NOT_MET[lang])
    late = rows[0].index(header)
    assert {r[0]: r[late] for r in rows[1:]} == {"B": "1:00"}


@pytest.mark.parametrize(("lang", "header", "mark"), [("ja", "超過", "（経過時間）"), ("en", "Late by", " (elapsed)")])
def test_a_table_of_elapsed_time_does_not_say_business_time(tmp_path: Path, lang: str, header: str, mark: str) -> None:
    rows = _table(tmp_path, "1 hour", BREACHES[:2], lang, NOT_MET[lang])
    assert header in rows[0] and not any("営業" in h or "business" in h for h in rows[0])
    assert rows[1][rows[0].index(header)] == "1:30" + mark


@pytest.mark.parametrize(
    ("lang", "header", "elapsed", "business"),
    [("ja", "残り", "0:20（経過時間）", "0:20（営業時間）"), ("en", "Left", "0:20 (elapsed)", "0:20 (business time)")],
)
def test_the_at_risk_table_alike(tmp_path: Path, lang: str, header: str, elapsed: str, business: str) -> None:
    rows = _table(tmp_path, "1 hour", AT_RISK, lang, RISKY[lang], *AS_OF)
    assert rows[0][-1] == header  # (it said 残り（営業時間） / "Left (business time)")
    assert {r[0]: r[-1] for r in rows[1:]} == {"R": elapsed, "S": business}


@pytest.mark.parametrize(("lang", "header"), [("ja", "残り（営業時間）"), ("en", "Left (business time)")])
def test_the_at_risk_table_of_business_time_keeps_its_header(tmp_path: Path, lang: str, header: str) -> None:
    """P1 within 1 business hour: R is due 16:00 as before, counted in business time."""
    rows = _table(tmp_path, "1 business hour", AT_RISK, lang, RISKY[lang], *AS_OF)
    assert rows[0][-1] == header
    assert {r[0]: r[-1] for r in rows[1:]} == {"R": "0:20", "S": "0:20"}


def test_markdown_and_html_have_the_same_header(tmp_path: Path) -> None:
    policy, log = tmp_path / "kinds.sla", tmp_path / "kinds.jsonl"
    policy.write_text(POLICY_TEXT.replace("P1_TARGET", "1 hour"), "utf-8")
    log.write_text("\n".join(BREACHES) + "\n", "utf-8")
    for fmt, lang, shown in (("markdown", "en", "| Late by |"), ("html", "ja", '<th scope="col">超過</th>')):
        code, out, err = sla("evaluate", policy, log, *PERIOD, "--format", fmt, "--lang", lang)
        assert code == 0, err
        assert shown in out, fmt
        assert "1:00（営業時間）" in out if lang == "ja" else "1:00 (business time)" in out


@pytest.mark.parametrize(("lang", "header"), [("ja", "超過（営業時間）"), ("en", "Late by (business time)")])
def test_click_so_ko_keeps_its_header(lang: str, header: str) -> None:
    """Every Click So-ko target counts business time: its table is as it was (its times unmarked)."""
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--lang", lang)
    assert code == 0, err
    block = next(b for b in out.split("\n\n") if b.startswith(NOT_MET[lang]))
    rows = [re.split(r"\s{2,}", x.strip()) for x in block.splitlines()[1:]]
    late = rows[0].index(header)
    assert [r[late] for r in rows[1:3]] == ["1:12", "2:06"]

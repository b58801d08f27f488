"""A verdict says what was judged: never "met" over nothing, pending days counted, versions named.

* The summary read ``nothing to judge  met`` for a priority, a notice and the planned stops with nothing
  judged, ``0 of 0 days taken  met`` for a backup kind whose 30 days were all pending (as of the period's
  start), ``100.000%  met`` for an availability target over no measured time while the per-period table
  said ``not final``, and ``0/9 日実施  未達`` with 21 pending days unsaid. Now nothing at all to judge is
  ``nothing to judge  -``, pending days follow the judged ones (``0 of 9 days taken, 21 days pending``)
  or stand alone (``30 days pending  pending``), and no measured time is ``no time measured  pending``.
* A version given alone, in force from Mon 16 Nov: what the November report judges before that date is
  judged under it, "no version in force yet", which only the JSON's steps said. Now the report's head
  says it once (text, Markdown, HTML), ``--format json`` on stderr, and ``sla explain`` under the period
  of each incident, outage or planned stop it concerns, as the JSON's steps do.
* ``sla explain`` headed an incident with named targets by its response's status alone
  (``Incident H2 (P1 Urgent, policy version 1.0): met``) above its breached targets: now
  ``response met; 2 of 2 other targets breached``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla

PLANS = ROOT / "policies" / "examples" / "plans.sla"
PLANS_LOG = ROOT / "policies" / "examples" / "plans.jsonl"
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
HELPDESK_LOG = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
START = "2026-11-01T00:00:00+09:00"


def _summary(*args: str | Path) -> dict[str, list[str]]:
    """The summary's rows by their first cell: [target, result, verdict, article]."""
    code, out, err = sla("evaluate", *args, "--format", "text", "--no-trend")
    assert code == 0, err
    lines = out.split("\n\n")[1].splitlines()[2:]
    rows = [re.split(r"\s{2,}", line.strip()) for line in lines if line.startswith("  ")]
    return {r[0]: r[1:] for r in rows}


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Click So-ko's policy as version 2026.2, in force from Mon 16 Nov 2026 (P1 within 2 business hours)."""
    text = POLICY.read_text("utf-8")
    text = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    text = text.replace("respond within 4 business hours", "respond within 2 business hours", 1)
    path = tmp_path_factory.mktemp("versions") / "v2.sla"
    path.write_text(text, "utf-8")
    return path


# -- the summary ----------------------------------------------------------------------------


def test_nothing_judged_is_never_met(later: Path) -> None:
    en = _summary(POLICY, later, EXAMPLE, *MONTH, "--as-of", START, "--lang", "en")
    for row in ("P1 Priority 1: response", "Recovery-information notice time", "Notice of planned stops"):
        assert en[row][1:3] == ["nothing to judge", "-"], row
    assert en["Database backup service"][1:3] == ["30 days pending", "pending"]
    assert en["File backup service"][1:3] == ["30 days pending", "pending"]
    assert en["Availability (Digital content management service)"][1:3] == ["no time measured", "measured only"]
    ja = _summary(POLICY, later, EXAMPLE, *MONTH, "--as-of", START, "--lang", "ja")
    assert ja["P1 優先度１の応答"][1:3] == ["判定の対象なし", "-"]
    assert ja["データベースバックアップサービス"][1:3] == ["未確定 30 日", "判定待ち"]
    assert not any("達成" in r[2] for r in ja.values())
    assert not any(r[2] == "met" for r in en.values())


def test_pending_days_follow_the_judged_ones() -> None:
    ja = _summary(POLICY, EXAMPLE, *MONTH, "--as-of", "2026-11-24T00:00:00+09:00", "--lang", "ja")
    assert ja["AMI バックアップ（OSドライブバックアップ）"][1].startswith("23/23 日実施、未確定 7 日")
    en = _summary(PLANS, PLANS_LOG, *MONTH, "--as-of", "2026-11-10T03:00:00+09:00", "--lang", "en")
    assert en["Database"][1:3] == ["0 of 9 days taken, 21 days pending", "not met"]
    assert en["Logs"][1:3] == ["0 of 18 windows of 12 hours taken, 42 windows pending", "not met"]
    ja = _summary(PLANS, PLANS_LOG, *MONTH, "--as-of", "2026-11-10T03:00:00+09:00", "--lang", "ja")
    assert ja["データベース"][1:3] == ["0/9 日実施、未確定 21 日", "未達"]
    over = _summary(PLANS, PLANS_LOG, *MONTH, "--lang", "en")  # (a period over: none pending, none said)
    assert over["Database"][1:3] == ["0 of 30 days taken", "not met"]


def test_availability_over_no_measured_time_is_pending() -> None:
    en = _summary(PLANS, PLANS_LOG, *MONTH, "--as-of", START, "--lang", "en")
    rows = [k for k in en if k.startswith("Availability (")]
    assert len(rows) == 3
    for row in rows:
        assert en[row][1:3] == ["no time measured", "pending"], row
    ja = _summary(PLANS, PLANS_LOG, *MONTH, "--as-of", START, "--lang", "ja")
    assert [ja[k][1:3] for k in ja if k.startswith("稼働率（")] == [["測定した時間なし", "判定待ち"]] * 3
    # the JSON keeps its contract: a ratio of 1.0 over no measured time
    code, out, err = sla("evaluate", PLANS, PLANS_LOG, *MONTH, "--as-of", START, "--format", "json", "--no-trend")
    assert code == 0, err
    assert json.loads(out)["availability"]["ratio"] == 1.0


# -- no version in force yet ----------------------------------------------------------------

NOTE_EN = "No version in force yet before Mon 16 Nov 2026: what falls before it is judged under version 2026.2"
NOTE_JA = "2026年11月16日(月)より前に適用中の規定の版はありません。"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_report_head_says_no_version_was_in_force_yet(later: Path, fmt: str) -> None:
    for lang, note in (("en", NOTE_EN), ("ja", NOTE_JA)):
        code, out, err = sla("evaluate", later, EXAMPLE, *MONTH, "--format", fmt, "--lang", lang, "--no-trend")
        assert code == 0, err
        assert out.count(note) == 1, (lang, fmt)
        assert "no version in force yet" not in err  # (said in the report)
    # the earlier version given too: every instant has a version in force
    code, out, err = sla("evaluate", POLICY, later, EXAMPLE, *MONTH, "--format", fmt, "--lang", "en", "--no-trend")
    assert code == 0, err
    assert "No version in force yet" not in out


def test_a_carried_over_incident_before_the_date_is_said(later: Path) -> None:
    code, out, err = sla("evaluate", later, EXAMPLE, "--from", "2026-11-20", "--to", "2026-12-01", "--lang", "en")
    assert code == 0, err
    assert NOTE_EN in out  # (incidents open at 20 Nov, reported before 16 Nov)


def test_json_says_it_on_stderr(later: Path) -> None:
    code, out, err = sla("evaluate", later, EXAMPLE, *MONTH, "--format", "json", "--lang", "en", "--no-trend")
    assert code == 0, err
    note = "sla: note: no version in force yet: judged under version 2026.2 (effective 2026-11-16), the earliest given"
    assert note in err.splitlines()
    json.loads(out)  # (stdout is the JSON alone)


@pytest.mark.parametrize("ident", ["INC-001", "OUT-01", "STOP-01"])
def test_explain_says_it_for_the_row_it_concerns(later: Path, ident: str) -> None:
    code, out, err = sla("explain", later, EXAMPLE, ident, "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[2] == (
        "Note: no version in force yet: judged under version 2026.2 (effective 2026-11-16), the earliest given"
    )
    code, steps, err = sla("explain", later, EXAMPLE, ident, "--format", "json")
    assert code == 0, err
    assert "no version in force yet" in steps  # (the JSON's step: the two agree)
    code, out, err = sla("explain", later, EXAMPLE, ident, "--lang", "ja")
    assert code == 0, err
    assert out.splitlines()[2] == (
        "注記：適用中の版はまだありません：与えられた中で最も早い規定の版 2026.2"
        "（2026年11月16日(月) から適用）で判定しました"
    )
    code, out, err = sla("explain", POLICY, later, EXAMPLE, ident, "--lang", "en")
    assert code == 0, err
    assert "no version in force yet" not in out


def test_explain_of_a_row_after_the_date_says_nothing(later: Path) -> None:
    code, out, err = sla("explain", later, EXAMPLE, "STOP-02", "--lang", "en")  # (a stop from 25 Nov)
    assert code == 0, err
    assert "no version in force yet" not in out


# -- the headline of an incident with named targets -----------------------------------------


def test_the_headline_names_the_response_and_counts_breached_targets() -> None:
    as_of = ["--as-of", "2026-11-27T12:00:00+09:00"]
    code, out, err = sla("explain", HELPDESK, HELPDESK_LOG, "H2", *as_of, "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[0] == (
        "Incident H2 (P1 Urgent, policy version 1.0): response met; 2 of 2 other targets breached"
    )
    assert out.count("target breached") == 2  # (the violations explained below it)
    code, out, err = sla("explain", HELPDESK, HELPDESK_LOG, "H2", *as_of, "--lang", "ja")
    assert code == 0, err
    assert out.splitlines()[0] == "案件 H2（P1 緊急、規定の版 1.0）：応答は達成、ほかの目標 2 件中 2 件が未達"
    code, out, err = sla("explain", HELPDESK, HELPDESK_LOG, "H1", *as_of, "--lang", "en")
    assert code == 0, err  # (its first reply does not apply: not counted)
    assert (
        out.splitlines()[0]
        == "Incident H1 (P1 Urgent, policy version 1.0): response met; 0 of 2 other targets breached"
    )


def test_the_headline_without_named_targets_is_as_it_was() -> None:
    code, out, err = sla("explain", POLICY, EXAMPLE, "INC-001", "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[0] == "Incident INC-001 (P1 Priority 1, policy version 2026.1): breached"

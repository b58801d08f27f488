"""The report and ``sla explain`` word each row from the policy version that judged it (its
``policy_version``), not from the version in force at the period's start; the summary words each
priority's target from every version in force during the period.

Each case adds a version ``2026.2`` of the example policy effective Mon 16 Nov 2026 that changes one
thing: the P1 target (4 → 2 business hours), the business hours (08:00-20:00), or a new P4.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import MONTH, POLICY, sla

V1 = POLICY.read_text("utf-8")
P1_TARGET = ("respond within 4 business hours", "respond within 2 business hours")
HOURS = ("hours 10:00-12:00, 13:00-18:00", "hours 08:00-20:00")
P4 = (
    "  rules priority P1, priority P2, priority P3\n",
    "  rules priority P1, priority P2, priority P3, priority P4\n",
)
P4_RULE = """
priority P4 "優先度４" / "Priority 4" [art 3.2] {
  definition "軽微" / "Minor"
  respond within 10 business days
  complete on incident.resolved
}
"""


def _versions(tmp_path: Path, *changes: tuple[str, str], extra: str = "") -> list[Path]:
    v2 = V1.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    assert v2 != V1
    for old, new in changes:
        assert V1.count(old) == 1, old
        v2 = v2.replace(old, new)
    if extra:  # a rule added after the first priority rule's block
        at = v2.index("priority P3")
        at = v2.index("\n}\n", at) + 3
        v2 = v2[:at] + extra + v2[at:]
    paths = [tmp_path / "v1.sla", tmp_path / "v2.sla"]
    paths[0].write_text(V1, "utf-8")
    paths[1].write_text(v2, "utf-8")
    return paths


def _log(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


# -- 1. an incident's explanation words the target of the version that judged it ------------------


@pytest.mark.parametrize(
    ("lang", "due"), [("ja", "応答期限：2営業時間以内"), ("en", "response due: within 2 business hours")]
)
def test_explain_words_the_target_of_the_version_that_judged(tmp_path: Path, lang: str, due: str) -> None:
    policies = _versions(tmp_path, P1_TARGET)
    log = _log(
        tmp_path,
        '{"event": "incident.reported", "at": "2026-11-16T10:00:00+09:00", "id": "B", "priority": "P1"}',
        '{"event": "incident.responded", "at": "2026-11-16T15:30:00+09:00", "id": "B"}',
    )
    out = _run("explain", *policies, log, "B", "--lang", lang)
    assert "2026.2" in out
    assert due in out, out


# -- 2. lateness is counted on the calendar of the version that judged the incident ----------------

_LATE_LOG = (
    '{"event": "incident.reported", "at": "2026-11-16T08:00:00+09:00", "id": "E", "priority": "P1"}',
    '{"event": "incident.responded", "at": "2026-11-16T19:00:00+09:00", "id": "E"}',
)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_lateness_is_on_the_calendar_of_the_version_that_judged(tmp_path: Path, lang: str) -> None:
    # 2026.2 works 08:00-20:00: due 12:00, responded 19:00, 7 business hours late (5 on 2026.1's hours)
    policies = _versions(tmp_path, HOURS)
    log = _log(tmp_path, *_LATE_LOG)
    out = _run("evaluate", *policies, log, *MONTH, "--format", "markdown", "--lang", lang)
    not_met = [line for line in out.splitlines() if line.startswith("| E |")]
    assert not_met and "**7:00**" in not_met[0], out
    breach = [line for line in out.splitlines() if "| E |" in line and "19:00" in line and line not in not_met]
    assert breach and "7:00" in breach[0] and "5:00" not in breach[0], breach
    explained = _run("explain", *policies, log, "E", "--lang", lang)
    assert "7:00" in explained and "5:00" not in explained, explained


# -- 3. the summary words each priority from the versions in force during the period ---------------


@pytest.mark.parametrize(
    ("lang", "target"),
    [
        ("en", "within 4 business hours (within 2 business hours from Mon 16 Nov)"),
        ("ja", "4営業時間以内（11月16日(月)から2営業時間以内）"),
    ],
)
def test_a_target_changed_mid_period_is_worded_with_both(tmp_path: Path, lang: str, target: str) -> None:
    policies = _versions(tmp_path, P1_TARGET)
    log = _log(tmp_path, *_LATE_LOG)
    out = _run("evaluate", *policies, log, *MONTH, "--format", "text", "--lang", lang)
    rows = [line for line in out.splitlines() if target in line]
    assert len(rows) == 2, out  # the summary and the incidents table
    # a period all under one version names one target
    one = _run("evaluate", *policies, log, "--from", "2026-11-16", "--to", "2026-12-01", "--format", "text")
    assert "(within 2 business hours from" not in one and "から2営業時間以内" not in one


@pytest.mark.parametrize(
    ("lang", "label", "target"),
    [("en", "P4 Priority 4", "within 10 business days"), ("ja", "P4 優先度４", "10営業日以内")],
)
def test_a_priority_only_a_later_version_has(tmp_path: Path, lang: str, label: str, target: str) -> None:
    policies = _versions(tmp_path, P4, extra=P4_RULE)
    log = _log(
        tmp_path,
        '{"event": "incident.reported", "at": "2026-11-16T10:00:00+09:00", "id": "F", "priority": "P4"}',
        '{"event": "incident.responded", "at": "2026-11-17T10:00:00+09:00", "id": "F"}',
    )
    out = _run("evaluate", *policies, log, *MONTH, "--format", "markdown", "--lang", lang)
    rows = [line for line in out.splitlines() if line.startswith(f"| {label}")]
    assert len(rows) == 2, out  # the summary and the incidents table
    assert all(target in row for row in rows), rows
    article = "第3条の(2)" if lang == "ja" else "Art. 3.2"
    assert article in rows[0], rows[0]

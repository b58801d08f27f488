"""The report looks a violation's row, and a priority's rules, up by id: it never scans a table per row.

A year of hourly backup windows missed took 43 seconds in Markdown (0.6 in text): the violations
table worded each missed window by scanning every backup row for its window (and each late notice
of an outage every outage), so the time grew with the square of the windows. A policy of 8,000
priorities took 20 seconds in text: the summary and the incidents table scanned every priority per
priority. Now each table is indexed once per report (the violations) and once per version (the
priorities). These tests count how often the report reads the table through while it renders, which
the old code did once per row; no time is measured (the report of the change gives the figures).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import sla_dsl
from sla_dsl.policy.compiled import Policy
from sla_dsl.report.render import render

HEAD = """\
sla "Scale" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-18:00
}
"""


class Reads(list[Any]):
    """A report's table that counts how often it is read through."""

    reads = 0

    def __iter__(self) -> Iterator[Any]:
        self.reads += 1
        return super().__iter__()


class ReadsTuple(tuple[Any, ...]):
    """A policy's tuple of rules that counts how often it is read through."""

    reads = 0

    def __iter__(self) -> Iterator[Any]:
        type(self).reads += 1
        return super().__iter__()


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_missed_windows_are_worded_without_reading_every_window_per_violation(fmt: str) -> None:
    policy = sla_dsl.load_policy(HEAD + 'backup logs "ログ" / "Logs" {\n  every 1 hour\n  keep 7 days\n}\n')
    report = sla_dsl.evaluate(policy, [], "2026-11-01", "2026-11-11")
    missed = [v for v in report.violations if v.kind == "backup_missed"]
    assert len(missed) == 240  # ten days of hourly windows
    report.backups = rows = Reads(report.backups)
    out = render(report, fmt, lang="ja", policies=[policy], limit=0)
    assert "11月10日(火) 23:00〜11月11日(水) 00:00 にログの取得なし" in out  # (each window still worded)
    assert rows.reads <= 10, rows.reads  # (the old code: once per violation, 240 and more)


def test_late_notices_are_worded_without_reading_every_outage_per_violation() -> None:
    notify = (
        'notify first "第一報" / "First report" {\n  within 1 hour after outage.started\n  met by outage.notified\n}\n'
    )
    policy = sla_dsl.load_policy(HEAD + notify)
    events = []
    for k in range(200):  # an outage of ten minutes every three hours, none notified
        start = f"2026-11-{1 + k // 8:02d}T{k % 8 * 3:02d}:00:00+09:00"
        end = f"2026-11-{1 + k // 8:02d}T{k % 8 * 3:02d}:10:00+09:00"
        events += [
            {"event": "outage.started", "at": start, "id": f"O{k}"},
            {"event": "outage.ended", "at": end, "id": f"O{k}"},
        ]
    report = sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01")
    assert sum(v.kind == "notice_breached" for v in report.violations) == 200
    report.outages = rows = Reads(report.outages)
    out = render(report, "markdown", lang="en", policies=[policy])
    assert out.count("First report due") == 200  # (each late notice still worded from its outage, by its rule)
    assert rows.reads <= 20, rows.reads  # (the old code: once per violation, 200 and more)


def test_priorities_are_looked_up_not_scanned_per_priority() -> None:
    n = 300
    rules = "".join(f'priority Q{k} "Q{k}" {{\n  respond within {k % 5 + 2} hours\n}}\n' for k in range(n))
    policy = sla_dsl.load_policy(HEAD + rules)
    events: list[dict[str, str]] = []
    for k in range(n):  # an incident of each priority, responded to an hour later
        day, hour, minute = 2 + k // 60, 9 + k % 60 // 10, k % 10 * 5
        at = f"2026-11-{day:02d}T{hour:02d}:{minute:02d}:00+09:00"
        events.append({"event": "incident.reported", "at": at, "id": f"I{k}", "priority": f"Q{k}"})
        events.append(
            {"event": "incident.responded", "at": at.replace(f"T{hour:02d}", f"T{hour + 1:02d}"), "id": f"I{k}"}
        )
    report = sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01")
    counted = policy.model.model_copy(update={"priorities": ReadsTuple(policy.model.priorities)})
    words = Policy(counted, policy.path)
    ReadsTuple.reads = 0
    for fmt in ("text", "html"):
        out = render(report, fmt, lang="en", policies=[words])
        assert "Q299 Q299: response" in out and "Q0 Q0" in out
    assert ReadsTuple.reads <= 30, ReadsTuple.reads  # (the old code: several per priority, thousands)


def test_sla_replay_words_missed_windows_without_reading_every_window_per_violation() -> None:
    """``sla replay``'s Japanese list of violations words them as the report does, through one index."""
    from sla_dsl.authoring.replay import violation_words

    policy = sla_dsl.load_policy(HEAD + 'backup logs "ログ" / "Logs" {\n  every 1 hour\n  keep 7 days\n}\n')
    report = sla_dsl.evaluate(policy, [], "2026-11-01", "2026-11-06")
    missed = [v for v in report.violations if v.kind == "backup_missed"]
    assert len(missed) == 120
    report.backups = rows = Reads(report.backups)
    said = violation_words(policy, report, missed, "ja")
    assert len(said) == 120 and all("ログの取得なし" in s for s in said)
    assert rows.reads <= 10, rows.reads  # (without the index: once per violation)

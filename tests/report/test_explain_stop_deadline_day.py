"""``sla explain`` dates a planned stop's notice deadline as the report does.

The report's planned-stop table says 「通知期限 11月18日(水)まで」 ("by the end of Wed 18 Nov") for a notice
due ``before start date``, whose deadline is the midnight that ends that day; ``sla explain`` said the same
instant as ``11月19日(木) 00:00``, so a customer holding both read two dates for one deadline. A deadline
that is not a midnight (``before start``) is dated with its time in both. A notice sent at the deadline's
midnight (too late) keeps its own line, after the deadline's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, sla

#: the deadline's line of the example month's STOP-02 (due by the end of Wed 18 Nov, noticed on the 19th)
STOP_02 = {
    "ja": "11月18日(水)まで  有効な通知の期限（メールによる通知）",
    "en": "by the end of Wed 18 Nov  deadline of a valid notice (by e-mail)",
}


def _explain(*args: str | Path) -> list[str]:
    code, out, err = sla("explain", *args)
    assert code == 0, err
    return [line.strip() for line in out.splitlines() if line.startswith("  ")]


def _report_deadline(stop: str, lang: str) -> str:
    """The 通知期限 (notice deadline) cell of ``stop`` in the report's planned-stop table (Markdown)."""
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "markdown", "--lang", lang, "--quiet")
    assert code == 0, err
    row = next(line for line in out.splitlines() if line.startswith(f"| {stop} |"))
    return row.split(" | ")[3]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_stop_deadline_at_midnight_is_the_end_of_the_day_before_as_in_the_report(lang: str) -> None:
    steps = _explain(POLICY, EXAMPLE, "STOP-02", "--lang", lang)
    assert steps[0] == STOP_02[lang], steps
    assert not any(s.startswith(("11月19日(木) 00:00", "Thu 19 Nov 00:00")) for s in steps), steps
    for stop in ("STOP-01", "STOP-02"):  # the same date as the report's table, each stop
        said = _report_deadline(stop, lang)
        assert said in ("11月18日(水)まで", "by the end of Wed 18 Nov", "11月3日(火)まで", "by the end of Tue 3 Nov")
        deadline = "有効な通知の期限" if lang == "ja" else "deadline of a valid notice"
        lines = [s for s in _explain(POLICY, EXAMPLE, stop, "--lang", lang) if deadline in s]
        assert len(lines) == 1 and lines[0].startswith(f"{said}  "), (stop, lines, said)


STOPS = """sla "Stops" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja, en
}
calendar always "終日" / "Always" {
  days mon..sun
  hours 00:00-24:00
}
service app "アプリ" / "App" {
  hours always except planned stops
  availability target 99.9%
}
planned stop "計画停止" / "Planned stops" {
  notice NOTICE by email
  emergency without notice, counts as downtime
}
priority P1 "緊急" / "P1" { respond within 1 hour }
"""


def _stop(tmp_path: Path, notice: str, announced: str) -> tuple[Path, Path]:
    """A policy whose stops need ``notice``, and a stop on Sat 14 Nov 01:00-03:00 announced at ``announced``."""
    policy = tmp_path / "stops.sla"
    policy.write_text(STOPS.replace("NOTICE", notice), "utf-8")
    log = tmp_path / "events.jsonl"
    stop = {
        "event": "stop.announced",
        "at": announced,
        "id": "S1",
        "channel": "email",
        "start": "2026-11-14T01:00:00Z",
        "end": "2026-11-14T03:00:00Z",
    }
    log.write_text(json.dumps(stop) + "\n", "utf-8")
    return policy, log


def test_a_notice_at_the_midnight_deadline_is_on_its_own_line_after_it(tmp_path: Path) -> None:
    """``2 days before start date``: due by the end of Thu 12 Nov (the midnight starting Fri 13 Nov); a
    notice sent at that midnight is too late, and is dated as sent, on the line after the deadline's."""
    policy, log = _stop(tmp_path, "2 days before start date", "2026-11-13T00:00:00Z")
    assert _explain(policy, log, "S1", *MONTH)[:2] == [
        "11月12日(木)まで  有効な通知の期限（メールによる通知）",
        "11月13日(金) 00:00  メールで通知（期限後）",
    ]
    assert _explain(policy, log, "S1", *MONTH, "--lang", "en")[:2] == [
        "by the end of Thu 12 Nov  deadline of a valid notice (by e-mail)",
        "Fri 13 Nov 00:00  announced by e-mail (too late)",
    ]


def test_a_deadline_that_is_not_a_midnight_keeps_its_time(tmp_path: Path) -> None:
    """``2 days before start``: due at Thu 12 Nov 01:00, said with its time, as the report's table says it."""
    policy, log = _stop(tmp_path, "2 days before start", "2026-11-10T09:00:00Z")
    assert "11月12日(木) 01:00  有効な通知の期限（メールによる通知）" in _explain(policy, log, "S1", *MONTH)
    code, out, err = sla("evaluate", policy, log, *MONTH, "--format", "markdown", "--quiet")
    assert code == 0, err
    assert "| S1 | 11月14日(土) 01:00 | 11月14日(土) 03:00 | 11月12日(木) 01:00 |" in out

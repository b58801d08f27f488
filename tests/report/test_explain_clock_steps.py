"""``sla explain`` says what each target's clock did: started, paused, resumed, stopped, was reset.

The explanation listed an incident's events and the targets' verdicts, but not
the clock's life: a reader of "解決（解決までの時間）：達成" could not see that the
clock stood still from the information given on Friday to the reply on Tuesday.
Only the JSON's English steps said so. The words come from the catalogue, in the
report's language, once per clock (the resolve and update targets share one).

The policy is tests/evaluate/test_targets.py's: Click So-ko with a ``resolution``
clock (starts at the report, pauses at info_provided until customer_replied,
stops at resolved, resets at reprioritized) and P1 targets on it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from evaluate.helpers import ev
from evaluate.test_targets import PAUSED_OVER_HOLIDAY, policy_text

from .helpers import ROOT

MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]


def _files(tmp_path: Path, events: list[dict[str, Any]]) -> tuple[Path, Path]:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(policy_text(), "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return policy, log


def _sla(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _explain(tmp_path: Path, events: list[dict[str, Any]], lang: str) -> list[str]:
    policy, log = _files(tmp_path, events)
    return _sla("explain", str(policy), str(log), "A", "--lang", lang, *MONTH).splitlines()


def _line(lines: list[str], start: str) -> str:
    return next(x for x in lines if x.strip().startswith(start))


@pytest.mark.parametrize(
    ("lang", "paused", "resumed", "stopped"),
    [
        (
            "ja",
            "解決までの時間：一時停止（エンド・ユーザー様への情報提供、エンド・ユーザー様からの返答まで）",
            "解決までの時間：再開（エンド・ユーザー様からの返答）",
            "解決までの時間：計測終了（回避策または問題解決に必要な情報の受領）",
        ),
        (
            "en",
            "Time to resolution: paused (information given to the end user) until a reply from the end user",
            "Time to resolution: resumes (a reply from the end user)",
            "Time to resolution: stops (the receipt of a workaround or the information needed)",
        ),
    ],
)
def test_pause_resume_and_stop_are_said(tmp_path: Path, lang: str, paused: str, resumed: str, stopped: str) -> None:
    lines = _explain(tmp_path, PAUSED_OVER_HOLIDAY, lang)
    friday, tuesday, thursday = (
        ("11月20日(金) 17:00", "11月24日(火) 11:00", "11月26日(木) 12:00")
        if lang == "ja"
        else (
            "Fri 20 Nov 17:00",
            "Tue 24 Nov 11:00",
            "Thu 26 Nov 12:00",
        )
    )
    assert _line(lines, friday).endswith(paused)
    assert _line(lines, tuesday).endswith(resumed)
    assert _line(lines, thursday).endswith(stopped)
    # once per clock: the resolve and the update targets both run on it
    assert sum(x.count("計測開始" if lang == "ja" else "Time to resolution: starts") for x in lines) == 1


def test_a_pause_event_while_paused_and_a_reset(tmp_path: Path) -> None:
    events = [
        *PAUSED_OVER_HOLIDAY[:2],
        ev("incident.info_provided", "2026-11-24 10:00", "A"),
        PAUSED_OVER_HOLIDAY[2],
        ev("incident.reprioritized", "2026-11-25 10:00", "A", priority="P1"),
        PAUSED_OVER_HOLIDAY[3],
    ]
    ja = _explain(tmp_path, events, "ja")
    assert _line(ja, "11月24日(火) 10:00").endswith(
        "解決までの時間：一時停止中のため変化なし（エンド・ユーザー様への情報提供、エンド・ユーザー様からの返答を待っています）"
    )
    assert "解決までの時間：リセット（優先度の変更）、ゼロから計測し直し" in _line(ja, "11月25日(水) 10:00")
    en = _explain(tmp_path, events, "en")
    assert _line(en, "Tue 24 Nov 10:00").endswith(
        "Time to resolution: already paused, information given to the end user changes nothing "
        "(waiting for a reply from the end user)"
    )


def test_the_json_report_is_unchanged(tmp_path: Path) -> None:
    policy, log = _files(tmp_path, PAUSED_OVER_HOLIDAY)
    report = json.loads(_sla("evaluate", str(policy), str(log), *MONTH, "--format", "json"))
    (row,) = [r for r in report["incidents"] if r["id"] == "A"]
    assert row["targets"] and all("clock_steps" not in t for t in row["targets"])
    texts = [s["text"] for t in row["targets"] for s in t["explain"]]
    assert "clock `resolution` paused at info_provided until customer_replied Fri 20 Nov 17:00" in texts


def test_a_declared_event_is_listed_by_its_label(tmp_path: Path) -> None:
    """An event type the policy declares was not in the explanation at all (only the contract's were)."""
    log = tmp_path / "events.jsonl"
    events = [
        {"event": "incident.reported", "at": "2026-11-10T10:00:00+09:00", "id": "C1", "priority": "P2"},
        {"event": "incident.chat_started", "at": "2026-11-10T10:05:00+09:00", "id": "C1"},
        {"event": "incident.responded", "at": "2026-11-10T10:20:00+09:00", "id": "C1"},
    ]
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    helpdesk = str(ROOT / "policies" / "examples" / "helpdesk.sla")
    ja = _sla("explain", helpdesk, str(log), "C1", "--lang", "ja", *MONTH).splitlines()
    assert _line(ja, "11月10日(火) 10:05").strip().startswith("11月10日(火) 10:05  「チャット開始」を記録。")
    en = _sla("explain", helpdesk, str(log), "C1", "--lang", "en", *MONTH).splitlines()
    assert _line(en, "Tue 10 Nov 10:05").strip().startswith("Tue 10 Nov 10:05  “Chat started” recorded;")

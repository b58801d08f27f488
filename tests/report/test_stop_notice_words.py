"""A planned stop without a valid notice, in words that say what the engine does.

Under the adopted reading (interpretation, row 13) downtime is the union of the remaining outage
intervals: a stop without a valid notice is not excused, so outages during its window count as
downtime, but the window itself is not downtime. The report's note said "it counts as downtime" and
``sla explain`` "the window counts as downtime", in both languages; the figures were right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import MONTH, POLICY, sla

STOPS = """sla "Stops" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en, ja
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
  notice 5 days before start date by email
  emergency without notice, counts as downtime
}
priority P1 "緊急" / "P1" { respond within 1 hour }
"""
#: announced two days before its window (Sat 14 Nov 00:00-10:00): too late; an outage 02:00-03:00 in it
STOP_LOG = [
    '{"event":"stop.announced","at":"2026-11-12T10:00:00Z","id":"S2","channel":"email",'
    '"start":"2026-11-14T00:00:00Z","end":"2026-11-14T10:00:00Z"}',
    '{"event":"outage.started","at":"2026-11-14T02:00:00Z","id":"O"}',
    '{"event":"outage.ended","at":"2026-11-14T03:00:00Z","id":"O"}',
]
#: a stop alone, noticed by e-mail the day before (Click So-ko asks for more)
STOP_ONLY = (
    '{"event": "stop.announced", "at": "2026-11-24T10:00:00+09:00", "id": "STOP-X", "channel": "email", '
    '"start": "2026-11-25T01:00:00+09:00", "end": "2026-11-25T03:00:00+09:00"}'
)

NOTE = {
    "en": "A planned stop without a valid notice is not excused: outages during its window count as downtime.",
    "ja": "有効な通知のない計画停止は除外時間になりません。その時間帯に起きた障害は停止時間として数えます。",
}
VERDICT = {
    "en": "no valid notice: not excused, outages during its window count as downtime",
    "ja": "有効な通知なし：除外時間にならず、その時間帯の障害は停止時間に算入",
}
#: the words it had
WRONG = (
    "it counts as downtime",
    "the window counts as downtime",
    "にならず、停止時間として数えます",
    "なし：停止時間に算入",
)


@pytest.fixture
def stops(tmp_path: Path) -> tuple[Path, Path]:
    policy, log = tmp_path / "stops.sla", tmp_path / "stops.jsonl"
    policy.write_text(STOPS, "utf-8")
    log.write_text("\n".join(STOP_LOG) + "\n", "utf-8")
    return policy, log


@pytest.fixture
def stop_only(tmp_path: Path) -> Path:
    log = tmp_path / "stoponly.jsonl"
    log.write_text(STOP_ONLY + "\n", "utf-8")
    return log


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_reports_note_says_outages_in_the_window_count(stop_only: Path, lang: str, fmt: str) -> None:
    code, out, err = sla("evaluate", POLICY, stop_only, *MONTH, "--format", fmt, "--lang", lang)
    assert code == 0, err
    assert NOTE[lang] in out, out
    assert not any(w in out for w in WRONG), out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_explain_says_outages_in_the_window_count(stops: tuple[Path, Path], lang: str) -> None:
    code, out, err = sla("explain", *stops, "S2", "--lang", lang)
    assert code == 0, err
    head, *_ = out.splitlines()
    assert head.endswith(VERDICT[lang]), out
    assert out.count(VERDICT[lang]) == 2, out  # the headline and the window's line
    assert not any(w in out for w in WRONG), out


def test_the_figures_count_the_outage_not_the_window(stops: tuple[Path, Path], stop_only: Path) -> None:
    code, out, err = sla("evaluate", *stops, *MONTH, "--format", "json")
    assert code == 0, err
    availability = json.loads(out)["availability"]
    assert (availability["excused_minutes"], availability["downtime_minutes"]) == (0.0, 60.0)
    code, out, err = sla("evaluate", POLICY, stop_only, *MONTH, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["availability"]["downtime_minutes"] == 0.0


def _stop_head(tmp_path: Path, policy_text: str, lang: str) -> str:
    policy, log = tmp_path / "p.sla", tmp_path / "s.jsonl"
    policy.write_text(policy_text, "utf-8")
    announced = {
        "event": "stop.announced",
        "at": "2026-11-01T00:00:00+00:00",
        "id": "S1",
        "channel": "email",
        "start": "2026-11-14T00:00:00+00:00",
        "end": "2026-11-14T10:00:00+00:00",
    }
    log.write_text(json.dumps(announced) + "\n", "utf-8")
    code, out, err = sla("explain", policy, log, "S1", "--lang", lang)
    assert code == 0, err
    return out.splitlines()[0]


@pytest.mark.parametrize(
    ("hours", "en", "ja"),
    [
        ("hours always except planned stops", "valid: the window is excused", "有効：停止時間は除外時間"),
        (
            "hours always",
            "valid, but no service's hours leave planned stops out: outages during its window count as downtime",
            "有効：ただし、どのサービスの時間も計画停止を除かないため、その時間帯の障害は停止時間に算入",
        ),
    ],
)
def test_a_valid_notice_excuses_only_where_the_services_hours_leave_stops_out(
    tmp_path: Path, hours: str, en: str, ja: str
) -> None:
    """A validly noticed stop read "valid: the window is excused" though no service's hours said
    ``except planned stops``, when the engine excused nothing."""
    text = STOPS.replace("hours always except planned stops", hours)
    assert _stop_head(tmp_path, text, "en").endswith(en)
    assert _stop_head(tmp_path, text, "ja").endswith(ja)


def test_a_valid_notice_names_the_services_it_excuses_for(tmp_path: Path) -> None:
    text = STOPS.replace(
        "priority P1",
        'service api "API" / "API" {\n  hours always\n  availability target 99.0%\n}\npriority P1',
    )
    assert _stop_head(tmp_path, text, "en").endswith(
        "valid: the window is excused for App (for the other services, whose hours do not leave planned"
        " stops out, outages during it count as downtime)"
    )
    assert "有効：アプリでは除外時間" in _stop_head(tmp_path, text, "ja")

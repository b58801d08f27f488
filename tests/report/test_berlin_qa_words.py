"""An author's QA pass on a Berlin SLA (Europe/Berlin, daylight saving) found words that did not say what the
engine does. These tests failed before the change.

* ``notice 5 days before start`` (counted from the instant the stop starts) was summed up as ``5 days before the
  start date``, the words of ``before start date`` (any time that day): now ``before the start time`` /
  ``開始時刻の…前まで``; ``before start date`` reads as before.
* With one warning threshold (``at risk at 75% of target``) ``sla explain`` never said when the warning came;
  with several it gave each threshold's instant. Now one gives its instant too, for the response target and a
  named one.
* The engine's step texts rounded an outage of 0:44:40 to ``45m`` (``745h`` measured, ``45m`` down: 99.9001%
  does not follow from them); they give the seconds now (``44m40s``). A period across a new year gives years.
* On the day the clocks go forward, ``01:30`` then ``03:00`` read as 90 minutes where 30 had passed: every time
  of a day the zone changes its offset says its offset, in ``sla explain`` and the report, ja and en. A zone
  that keeps one offset (Tokyo) shows none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, sla

BERLIN = """sla "Nordlicht" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Europe/Berlin
  languages en, ja
}
calendar support "サポート時間" / "Support hours" {
  hours mon..fri 08:00-18:00
}
calendar always "終日" / "24x7" {
  days mon..sun
  hours 00:00-24:00
}
clock response "応答" / "Time to first response" {
  starts at incident.reported
  at risk at RISKS of target
}
clock resolution "解決時間" / "Time to resolution" {
  starts at incident.reported
  stops at incident.resolved
  at risk at RISKS of target
}
priority P1 "緊急" / "Critical" {
  respond within 30 minutes
  resolve within 4 hours on resolution
  complete on incident.resolved
}
priority P3 "通常" / "Normal" {
  respond within 2 support days
  resolve within 10 support days on resolution
  complete on incident.resolved
}
service platform "基盤" / "Platform" {
  hours always except planned stops
  availability target 99.9% monthly
}
planned stop "計画停止" / "Planned maintenance" {
  notice 5 days before ANCHOR by email
}
"""

LOG = [
    # reported in the last hour of CET on the spring-forward day, answered at 03:00 CEST: 30 minutes
    {"event": "incident.reported", "at": "2026-03-29T01:30:00+01:00", "id": "T1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-03-29T03:00:00+02:00", "id": "T1"},
    {"event": "incident.resolved", "at": "2026-03-29T06:20:00+02:00", "id": "T1"},
    # a P3 still open in April: its response and its resolution at risk
    {"event": "incident.reported", "at": "2026-04-01T08:00:00+02:00", "id": "T6", "priority": "P3"},
    # an outage of 0:44:40
    {"event": "outage.started", "at": "2026-10-14T10:00:00+02:00", "id": "O1", "service": "platform"},
    {"event": "outage.ended", "at": "2026-10-14T10:44:40+02:00", "id": "O1"},
]


def _files(tmp: Path, risks: str = "75%", anchor: str = "start") -> tuple[Path, Path]:
    policy, log = tmp / "nl.sla", tmp / "ev.jsonl"
    policy.write_text(BERLIN.replace("RISKS", risks).replace("ANCHOR", anchor), "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in LOG), "utf-8")
    return policy, log


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args, "--quiet")
    assert code == 0, err
    return out


# ---- the notice of planned stops --------------------------------------------------------------------------

NOTICE = {
    ("start", "en"): "5 days before the start time, by e-mail",
    ("start", "ja"): "開始時刻の5日前までにメールで",
    ("start date", "en"): "5 days before the start date, by e-mail",
    ("start date", "ja"): "開始日の5日前までにメールで",
}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("anchor", ["start", "start date"])
def test_the_notice_lead_is_worded_by_its_anchor(tmp_path: Path, anchor: str, lang: str, fmt: str) -> None:
    policy, log = _files(tmp_path, anchor=anchor)
    out = _run("evaluate", policy, log, "--from", "2026-12-01", "--to", "2027-01-01", "--lang", lang, "--format", fmt)
    other = "start date" if anchor == "start" else "start"
    assert NOTICE[anchor, lang] in out
    assert NOTICE[other, lang] not in out


# ---- one warning threshold: its instant in sla explain ----------------------------------------------------

RISK_LINES = {
    "en": (
        "Response: 75% of the target reached (warning)",
        "Resolution (Time to resolution): 75% of the target reached",
    ),
    "ja": ("応答：目標の 75% に達する時点（警告）", "解決（解決時間）：目標の 75% に達する時点（警告）"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_one_threshold_gives_its_instant(tmp_path: Path, lang: str) -> None:
    policy, log = _files(tmp_path)
    out = _run(
        "explain", policy, log, "T6", "--from", "2026-04-01", "--to", "2026-05-01",
        "--as-of", "2026-04-02T14:00:00+02:00", "--lang", lang,
    )  # fmt: skip
    lines = out.splitlines()
    response, resolution = RISK_LINES[lang]
    # 75% of 2 support days (20 hours) from Wed 1 Apr 08:00: 15 hours, Thu 2 Apr 13:00
    (said,) = [x for x in lines if response in x]
    assert said.startswith("  " + ("4月2日(木) 13:00" if lang == "ja" else "Thu 2 Apr 13:00")), out
    # 75% of 10 support days (100 hours): 75 hours, Fri 10 Apr 13:00
    (named,) = [x for x in lines if resolution in x]
    assert named.startswith("  " + ("4月10日(金) 13:00" if lang == "ja" else "Fri 10 Apr 13:00")), out


# ---- the engine's step texts: seconds, years -------------------------------------------------------------


def test_steps_give_seconds_and_years(tmp_path: Path) -> None:
    policy, log = _files(tmp_path)
    report = json.loads(_run("evaluate", policy, log, "--from", "2026-01-01", "--to", "2027-02-01", "--format", "json"))
    (o1,) = [o for o in report["outages"] if o["id"] == "O1"]
    assert "downtime in the period 44m40s" in [s["text"] for s in o1["explain"]]
    whole = [s["text"] for s in report["availability"]["explain"]]
    assert whole[0] == "period 9504h from Thu 01 Jan 2026 00:00 to Mon 01 Feb 2027 00:00", whole
    assert whole[2].startswith("downtime (union of counted outages) 44m40s;"), whole
    (october,) = [p for p in report["availability_periods"] if p["start"].startswith("2026-10-01")]
    said = [s["text"] for s in october["explain"]]
    assert said[0] == "platform: Thu 01 Oct 2026 00:00 to Sun 01 Nov 2026 00:00", said
    assert said[1].startswith("measured 745h (excused or excluded 0m), downtime 44m40s: availability 99.9001%"), said


def test_a_period_within_one_year_gives_no_year(tmp_path: Path) -> None:
    policy, log = _files(tmp_path)
    report = json.loads(_run("evaluate", policy, log, "--from", "2026-10-01", "--to", "2026-11-01", "--format", "json"))
    assert report["availability"]["explain"][0]["text"] == "period 745h from Thu 01 Oct 00:00 to Sun 01 Nov 00:00"


# ---- the offset on the day it changes ------------------------------------------------------------------------

SPRING = {
    "en": ("Sun 29 Mar 01:30 (+01:00)  failure reported", "Sun 29 Mar 03:00 (+02:00)  response due"),
    "ja": ("3月29日(日) 01:30 (+01:00)  障害の報告を受付", "3月29日(日) 03:00 (+02:00)  応答期限"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_spring_forward_day_says_its_offsets(tmp_path: Path, lang: str) -> None:
    policy, log = _files(tmp_path)
    out = _run("explain", policy, log, "T1", "--from", "2026-03-01", "--to", "2026-04-01", "--lang", lang)
    before, after = SPRING[lang]
    assert before in out and after in out, out


AS_OF = {"en": "(as of Sun 29 Mar 2026 01:45 (+01:00))", "ja": "（2026年3月29日(日) 01:45 (+01:00) 時点）"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_says_the_offsets_of_that_day(tmp_path: Path, lang: str) -> None:
    policy, log = _files(tmp_path)
    out = _run(
        "evaluate", policy, log, "--from", "2026-03-01", "--to", "2026-04-01",
        "--as-of", "2026-03-29T01:45:00+01:00", "--lang", lang,
    )  # fmt: skip
    assert AS_OF[lang] in out.splitlines()[1], out
    # the day before has none
    out = _run(
        "evaluate", policy, log, "--from", "2026-03-01", "--to", "2026-04-01",
        "--as-of", "2026-03-28T01:45:00+01:00", "--lang", lang,
    )  # fmt: skip
    assert "(+01:00)" not in out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_tokyo_shows_no_offset(lang: str) -> None:
    out = _run("explain", POLICY, EXAMPLE, "INC-001", *MONTH, "--lang", lang)
    assert "(+09:00)" not in out

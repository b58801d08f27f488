"""``sla explain SERVICE:YYYY-MM-DD`` gives the computation of a measurement period's availability.

It said one sentence ("availability 99.1667% from ... below the target 99.5%"), and refused a period
the report lists that was not below its target (Click So-ko measures availability with no target). Now
every period of ``availability_periods`` is explained under its violation's id: its measured time, each
outage overlapping it with the minutes it counts (clipped at the period's bounds, excused, excluded,
already counted by an overlapping outage), the sum of downtime, the ratio with its formula, the target,
the verdict and the credit. The listed minutes add up to the row's figures; ``--format json`` gives
them taken apart; an id of no period is refused naming the periods there are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla

PLANS = (ROOT / "policies" / "examples" / "plans.sla", ROOT / "policies" / "examples" / "plans.jsonl")
WIDE = ["--from", "2026-10-01", "--to", "2027-01-01"]


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


def _report(policy: Path, log: Path, *period: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(
        _run("evaluate", policy, log, *period, "--format", "json", "--no-trend", "--quiet")
    )
    return report


def _ident(p: dict[str, Any]) -> str:
    when = p["when"]
    condition = "" if when is None else ":" + when.replace(" = ", "=")
    return f"{p['service']}:{p['start'][:10]}{condition}"


def _agrees(policy: Path, log: Path, *period: str) -> list[dict[str, Any]]:
    """Explain every period of the report as JSON, and check its listed minutes add up to its row."""
    report = _report(policy, log, *period)
    assert report["availability_periods"]
    explained = []
    for row in report["availability_periods"]:
        (got,) = json.loads(_run("explain", policy, log, _ident(row), *period, "--format", "json"))
        assert got["id"] == _ident(row)
        for key in ("measured_minutes", "downtime_minutes", "ratio", "target", "met", "start", "end"):
            assert got[key] == row[key], key
        # downtime: the outages' own shares add up to the row's (overlaps counted once)
        assert sum(o["downtime_minutes"] for o in got["outages"]) == row["downtime_minutes"]
        # measured: the period up to as-of, less the time outside the hours, excused and excluded
        off = got["closed_minutes"] + got["excused_minutes"] + got["excluded_minutes"]
        assert got["period_minutes"] - off == row["measured_minutes"]
        assert sum(p["minutes"] for p in got["not_measured"]) == off
        for o in got["outages"]:  # each outage's minutes in the period, taken apart
            parts = o["downtime_minutes"] + o["counted_before_minutes"] + o["excused_minutes"] + o["excluded_minutes"]
            assert parts == o["minutes"], o
        for lang in ("ja", "en"):  # and the text, in both languages
            _run("explain", policy, log, _ident(row), *period, "--lang", lang)
        explained.append(got)
    return explained


def test_the_plans_period_is_the_computation() -> None:
    out = _run("explain", *PLANS, "content:2026-11-01", *MONTH, "--quiet")
    lines = out.splitlines()
    assert lines[0] == "Content delivery: availability below target"
    assert "  Tue 10 Nov 00:00  outage OUT-1 (until Tue 10 Nov 06:00): 6:00 in the period; downtime 6:00" in lines
    assert lines[-6:] == [
        "  length of the period: 720:00",
        "  measured time = 720:00 − 0:00 excused − 0:00 excluded = 720:00",
        "  downtime = OUT-1 6:00 = 6:00",
        "  availability = (measured − downtime) / measured = (720:00 − 6:00) / 720:00 = 99.1667%",
        "  target 99.5% (other customers): below target",
        "  service credit: 10% of the fee (availability 99.1667% below 99.5%, Art. 6)",
    ]
    ja = _run("explain", *PLANS, "content:2026-11-01:plan=premium", *MONTH, "--lang", "ja").splitlines()
    assert ja[0] == "コンテンツ配信：稼働率の目標未達"
    assert "  稼働率 ＝（測定時間 − 停止時間）÷ 測定時間 ＝（720:00 − 6:00）÷ 720:00 ＝ 99.1667%" in ja
    assert "  目標 99.9%（契約プランがプレミアムの顧客）：未達" in ja
    assert "  サービスクレジット：料金の 25%（稼働率 99.1667% が 99.5% を下回ったため、第6条）" in ja


def test_the_plans_periods_add_up() -> None:
    got = {g["id"]: g for g in _agrees(*PLANS, *MONTH)}
    assert got["content:2026-11-01"]["credit"]["credit_percent"] == 10.0
    assert got["content:2026-11-01:plan=premium"]["credit"]["credit_percent"] == 25.0
    assert got["portal:2026-11-01"]["outages"] == []  # (OUT-1 names `content`)


def test_a_period_with_no_target_is_explained() -> None:
    """Click So-ko measures availability with no target: its period was refused as no violation."""
    out = _run("explain", POLICY, EXAMPLE, "content:2026-11-01", *MONTH)
    lines = out.splitlines()
    assert lines[0] == "デジタルコンテンツ管理サービス：稼働率（目標値の定めなし）"  # the policy's primary language
    assert "  測定時間 ＝ 720:00 − 除外時間 4:00 − 適用外 2:00 ＝ 714:00" in lines
    assert (
        "  停止時間 ＝ OUT-01 0:50 + OUT-02 0:20 + OUT-03 0:45 + OUT-04 0:45 + OUT-07 0:40 + OUT-08 0:30"
        " + OUT-09 0:25 + OUT-10 0:30 ＝ 4:45"
    ) in lines
    assert lines[-1] == "  目標値の定めなし（測定のみ）"
    assert any("OUT-02" in x and "OUT-01 と重なる 0:20 は OUT-01 で数え済み" in x for x in lines), out
    en = _run("explain", POLICY, EXAMPLE, "content:2026-11-01", *MONTH, "--lang", "en")
    assert "availability = (measured − downtime) / measured = (714:00 − 4:45) / 714:00 = 99.3347%" in en
    assert "outage OUT-05 (until Fri 20 Nov 05:00): 2:00 in the period; excluded" in en


def test_the_example_month_adds_up_as_the_reports_availability_table() -> None:
    """The evaluated period is the measurement period: its excused and excluded minutes are the table's."""
    (got,) = _agrees(POLICY, EXAMPLE, *MONTH)
    table = _report(POLICY, EXAMPLE, *MONTH)["availability"]
    assert (got["excused_minutes"], got["excluded_minutes"]) == (table["excused_minutes"], table["excluded_minutes"])
    assert got["excused_minutes"] == 240.0 and got["excluded_minutes"] == 120.0
    shares = {o["id"]: o for o in got["outages"]}
    assert shares["OUT-02"]["counted_before_minutes"] == 20.0 and shares["OUT-02"]["counted_with"] == ["OUT-01"]
    assert shares["OUT-06"]["excused_minutes"] == 110.0  # (in the noticed stop STOP-01)
    assert shares["OUT-05"]["counted"] == "excluded"


def _straddling(tmp_path: Path) -> Path:
    """Outages across both ends of November, one over a noticed planned stop, an excluded one overlapping
    the stop and a counted one, and one inside another (ending on a second: the figures to the second)."""
    events = [
        {
            "event": "stop.announced",
            "at": "2026-10-20T10:00:00+09:00",
            "id": "ST-1",
            "channel": "email",
            "start": "2026-11-01T01:00:00+09:00",
            "end": "2026-11-01T03:00:00+09:00",
        },
        {"event": "outage.started", "at": "2026-10-31T23:00:00+09:00", "id": "OA", "cause": "failure"},
        {"event": "outage.ended", "at": "2026-11-01T01:30:00+09:00", "id": "OA"},
        {"event": "outage.started", "at": "2026-11-01T02:30:00+09:00", "id": "OF", "cause": "force_majeure"},
        {"event": "outage.ended", "at": "2026-11-01T04:00:00+09:00", "id": "OF"},
        {"event": "outage.started", "at": "2026-11-01T03:30:00+09:00", "id": "OG", "cause": "failure"},
        {"event": "outage.ended", "at": "2026-11-01T05:00:00+09:00", "id": "OG"},
        {"event": "outage.started", "at": "2026-11-30T23:00:00+09:00", "id": "OB", "cause": "failure"},
        {"event": "outage.ended", "at": "2026-12-01T01:00:00+09:00", "id": "OB"},
        {"event": "outage.started", "at": "2026-11-30T23:30:00+09:00", "id": "OC", "cause": "failure"},
        {"event": "outage.ended", "at": "2026-11-30T23:50:40+09:00", "id": "OC"},
    ]
    log = tmp_path / "straddling.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return log


def test_outages_across_the_periods_edges_are_clipped_and_add_up(tmp_path: Path) -> None:
    log = _straddling(tmp_path)
    got = {g["id"]: g for g in _agrees(POLICY, log, *WIDE)}
    nov = got["content:2026-11-01"]
    shares = {o["id"]: o for o in nov["outages"]}
    assert shares["OA"]["minutes"] == 90.0 and shares["OA"]["outside_minutes"] == 60.0  # (from 23:00 on 31 Oct)
    assert shares["OA"]["downtime_minutes"] == 60.0 and shares["OA"]["excused_minutes"] == 30.0  # (01:00 on: ST-1)
    assert shares["OF"]["counted"] == "excluded" and shares["OF"]["excused_minutes"] == 30.0
    assert shares["OG"]["excluded_minutes"] == 30.0 and shares["OG"]["downtime_minutes"] == 60.0
    assert shares["OB"]["downtime_minutes"] == 60.0 and shares["OB"]["outside_minutes"] == 60.0  # (to 01:00 1 Dec)
    assert shares["OC"]["downtime_minutes"] == 0.0 and shares["OC"]["counted_with"] == ["OB"]
    assert [p["kind"] for p in nov["not_measured"]] == ["planned_stop", "maintenance", "excluded"]
    assert (nov["excused_minutes"], nov["excluded_minutes"]) == (240.0, 60.0)  # (OF's first 30 minutes: ST-1's)
    # October and December count only their own side of OA and OB
    assert [(o["id"], o["downtime_minutes"]) for o in got["content:2026-10-01"]["outages"]] == [("OA", 60.0)]
    assert [(o["id"], o["downtime_minutes"]) for o in got["content:2026-12-01"]["outages"]] == [("OB", 60.0)]
    en = _run("explain", POLICY, log, "content:2026-11-01", *WIDE, "--lang", "en").splitlines()
    assert (
        "  Sat 31 Oct 23:00  outage OA (until Sun 1 Nov 01:30): 1:30:00 in the period; downtime 1:00:00,"
        " 0:30:00 in excused time not counted, 1:00:00 outside the period not counted in it"
    ) in en
    assert "  downtime = OA 1:00:00 + OG 1:00:00 + OB 1:00:00 = 3:00:00" in en
    assert "  measured time = 720:00:00 − 4:00:00 excused − 1:00:00 excluded = 715:00:00" in en


def test_a_period_not_over_says_the_figures_so_far(tmp_path: Path) -> None:
    log = _straddling(tmp_path)
    as_of = ["--as-of", "2026-11-01T04:30:00+09:00"]
    out = _run("explain", POLICY, log, "content:2026-11-01", *as_of, "--lang", "en")
    assert "Sun 1 Nov 04:30  the measurement period is not over at the as-of time (the figures so far)" in out
    assert "  length of the period up to the as-of time: 4:30" in out
    assert "outage OG (still open at the as-of time): 1:00 in the period; downtime 0:30," in out
    _agrees(POLICY, log, *MONTH, *as_of)


def test_the_service_hours_are_the_measured_time(tmp_path: Path) -> None:
    """A service provided in a calendar's hours is measured in them: the period's service hours."""
    policy = tmp_path / "hours.sla"
    policy.write_text(
        'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages ja, en\n}\n'
        'calendar business "営業時間" / "Open hours" {\n  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n'
        "  holidays JP\n}\n"
        'priority P1 "P1" {\n  respond within 4 business hours\n  complete on incident.resolved\n}\n'
        'service support "サポート" / "Support" {\n  hours business\n  availability target 99.5%\n'
        "  credit below 99.5% 10%\n}\n",
        "utf-8",
    )
    log = tmp_path / "hours.jsonl"
    log.write_text(
        json.dumps({"event": "outage.started", "at": "2026-11-09T09:00:00+09:00", "id": "O2", "cause": "failure"})
        + "\n"
        + json.dumps({"event": "outage.ended", "at": "2026-11-09T10:10:00+09:00", "id": "O2"})
        + "\n",
        "utf-8",
    )
    (got,) = _agrees(policy, log, *MONTH)
    assert got["closed_minutes"] == 720 * 60 - got["measured_minutes"]
    out = _run("explain", policy, log, "support:2026-11-01", *MONTH, "--lang", "en")
    assert "  service hours (the open hours of “Open hours”): " in out
    assert "1:10 in the period; downtime 0:10, 1:00 outside the service hours or in excused time not counted" in out
    assert out.endswith("  target 99.5%: met\n")  # (no credit)
    ja = _run("explain", policy, log, "support:2026-11-01", *MONTH)
    assert ja.splitlines()[0] == "サポート：稼働率の目標達成"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "sla: error: no measurement period `content:2026-11-02` in the period Sun 1 Nov 2026 00:00 to"
            " Tue 1 Dec 2026 00:00 (its measurement periods: `content:2026-11-01:plan=premium`,"
            " `content:2026-11-01`, `portal:2026-11-01`)\n",
        ),
        (
            "ja",
            "sla: エラー: 2026年11月1日(日) 00:00 〜 2026年12月1日(火) 00:00 に `content:2026-11-02` という測定期間は"
            "ありません（この判定期間の測定期間：`content:2026-11-01:plan=premium`、`content:2026-11-01`、"
            "`portal:2026-11-01`）\n",
        ),
    ],
)
def test_an_id_of_no_period_names_the_periods_there_are(lang: str, said: str) -> None:
    code, out, err = sla("explain", *PLANS, "content:2026-11-02", *MONTH, "--lang", lang)
    assert (code, out, err) == (1, "", said)

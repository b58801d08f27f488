"""``sla replay`` compares every measured service's periods, not only the first service's figure.

Before, ``compare`` looked at ``report.availability`` alone (the first measured service over the whole
period): making the admin portal of the plans example available in business hours only moved its
quarter from 99.9094% to 99.5465%, two ``sla evaluate`` runs differed in ``availability_periods``, and
``sla replay --exit-code`` said "no verdict changes" and exited 0.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from report.test_period_ids_distinct import FIGURE, HEAD, MONTHLY
from report.test_trend_figure_and_target import LOG, OFFICE

from sla_dsl import Policy, load_policy
from sla_dsl.authoring.replay import replay
from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
EVENTS = ROOT / "policies" / "examples" / "plans.jsonl"
PORTAL_DOWN = (
    '{"event": "outage.started", "at": "2026-11-11T10:00:00+09:00", "id": "OUT-P", "cause": "failure", '
    '"service": "portal"}\n{"event": "outage.ended", "at": "2026-11-11T12:00:00+09:00", "id": "OUT-P"}\n'
)
PERIOD = ["--from", "2026-10-01", "--to", "2027-01-01"]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    text = PLANS.read_text("utf-8")
    old = "  hours always\n  availability target 99.0% quarterly"
    assert text.count(old) == 1
    business = tmp_path / "plans-b.sla"
    business.write_text(text.replace(old, old.replace("always", "business")), "utf-8")
    events = tmp_path / "events.jsonl"
    events.write_text(EVENTS.read_text("utf-8") + PORTAL_DOWN, "utf-8")
    return business, events


def _sla(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["replay", *argv])
    return code, capsys.readouterr().out


def test_a_change_to_the_second_service_is_a_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    business, events = _files(tmp_path)
    code, out = _sla(capsys, str(PLANS), str(business), str(events), *PERIOD, "--lang", "en", "--exit-code")
    assert code == 1, out
    assert "no verdict changes" not in out
    assert (
        "availability by service and measurement period:\n"
        "  Admin portal, Thu 1 Oct 00:00 - Fri 1 Jan 2027 00:00 (quarter), target row: 99.9094% -> 99.5465% "
        "(target 99%: met -> met; "
        "measured 132480 -> 26460 min, downtime 120 -> 120 min)\n"
    ) in out
    code, out = _sla(capsys, str(PLANS), str(business), str(events), *PERIOD, "--lang", "ja")
    assert code == 0
    assert (
        "サービスと測定期間ごとの稼働率：\n"
        "  管理画面、10月1日(木) 00:00 〜 2027年1月1日(金) 00:00（四半期）、目標の行：99.9094% → 99.5465%"
        "（目標 99%：達成 → 達成、"
        "測定 132480 → 26460 分、停止時間 120 → 120 分）\n"
    ) in out


def test_the_json_lists_each_period_that_moves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    business, events = _files(tmp_path)
    code, out = _sla(capsys, str(PLANS), str(business), str(events), *PERIOD, "--format", "json")
    assert code == 0
    rows = json.loads(out)["availability_periods"]
    assert [(r["service"], r["period"], r["start"][:10], r["when"]) for r in rows] == [
        ("portal", "quarter", "2026-10-01", None)
    ]
    assert rows[0]["old_measured_minutes"] == 132480 and rows[0]["new_measured_minutes"] == 26460
    assert (rows[0]["id"], rows[0]["old_id"], rows[0]["new_id"]) == ("portal:2026-10-01",) * 3
    assert (rows[0]["old_met"], rows[0]["new_met"]) == (True, True)


def test_a_period_that_falls_below_target_under_a_target_of_one_plan(tmp_path: Path) -> None:
    """A target with ``when`` is a row of its own: raising the premium target moves only that row."""
    text = PLANS.read_text("utf-8")
    stricter = text.replace("target 99.9% monthly when", "target 99.95% monthly when")
    stricter = stricter.replace("below 99.9% 10%", "below 99.95% 10%")
    assert stricter != text
    events = [json.loads(line) for line in EVENTS.read_text("utf-8").splitlines() if line.startswith("{")]
    policy = load_policy(PLANS)
    tokyo = dt.timezone(dt.timedelta(hours=9))
    start, end = dt.datetime(2026, 10, 1, tzinfo=tokyo), dt.datetime(2027, 1, 1, tzinfo=tokyo)
    assert not replay(policy, policy, events, start, end).availability_periods
    result = replay(policy, load_policy(stricter), events, start, end)
    moved = {(c.service, c.when, c.old_target, c.new_target) for c in result.availability_periods}
    assert moved and all(m == ("content", "plan = premium", 99.9, 99.95) for m in moved), moved


def _versions(*lines: tuple[str, str, str]) -> list[Policy]:
    return [
        load_policy(head.format(version=str(n), effective=effective, lines=line))
        for n, (head, effective, line) in enumerate(lines, 1)
    ]


def _moved(old: list[Policy], new: list[Policy]) -> list[tuple[Any, ...]]:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    start, end = dt.datetime(2026, 11, 15, tzinfo=tokyo), dt.datetime(2026, 12, 1, tzinfo=tokyo)
    result = replay(old, new, LOG, start, end)
    return [
        (c.start.date().isoformat(), c.old_target, c.new_target, _round(c.old_ratio), _round(c.new_ratio))
        for c in result.availability_periods
    ]


def _round(ratio: float | None) -> float | None:
    return None if ratio is None else round(ratio, 5)


def test_a_figure_and_a_target_of_one_day_are_each_paired_with_their_own() -> None:
    """A version adding 99.5% on 10 November gives the report from 15 November two rows that start that day,
    the figure's (``content:2026-11-15:measured``) and the target's (``content:2026-11-15``). They were paired
    by service, start and ``when`` in the order each side lists them: against a NEW that promises 99.5% all
    along (one row, the target's), OLD's figure stood beside NEW's target (``target none -> 99.5%``, a change
    that is none) and OLD's target was said to go; the figure's row is the one that goes."""
    figure_then_target = _versions((HEAD, "2026-01-01", FIGURE), (HEAD, "2026-11-10", MONTHLY))
    assert _moved(figure_then_target, _versions((HEAD, "2026-01-01", MONTHLY))) == [
        ("2026-11-15", None, None, 0.96875, None)
    ]
    assert _moved(figure_then_target, figure_then_target) == []
    # a NEW whose only row is the figure: the target goes, the figure is the same
    assert _moved(figure_then_target, _versions((HEAD, "2026-01-01", FIGURE))) == [
        ("2026-11-15", 99.5, None, 0.96875, None)
    ]
    # (a figure alone beside a target alone is still one row whose target comes)
    assert _moved(_versions((HEAD, "2026-01-01", FIGURE)), _versions((HEAD, "2026-01-01", MONTHLY))) == [
        ("2026-11-15", None, 99.5, 0.96875, 0.96875)
    ]


def test_rows_listed_in_another_order_are_paired_by_kind() -> None:
    """OLD lists the figure first (over all hours) and the target second (office hours), NEW the target first
    (all hours) and the figure second (office hours): paired in order, each line said a target came or went
    with the same figure on both sides; each row's own figures move."""
    old = _versions((HEAD, "2026-01-01", FIGURE), (OFFICE, "2026-11-10", MONTHLY), (HEAD, "2026-11-12", FIGURE))
    new = _versions((HEAD, "2026-01-01", MONTHLY), (OFFICE, "2026-11-10", FIGURE), (HEAD, "2026-11-12", MONTHLY))
    assert _moved(old, new) == [
        ("2026-11-15", 99.5, 99.5, 0.9697, 0.96875),
        ("2026-11-15", None, None, 0.96875, 0.9697),
    ]


def _replayed(tmp_path: Path, capsys: pytest.CaptureFixture[str], old: list[str], new: list[str], *more: str) -> str:
    for side, lines in (("old", old), ("new", new)):
        (tmp_path / side).mkdir(parents=True)
        for n, (head, effective, line) in enumerate(lines, 1):
            text = head.format(version=str(n), effective=effective, lines=line)
            (tmp_path / side / f"v{n}.sla").write_text(text, "utf-8")
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in LOG), "utf-8")
    _, out = _sla(capsys, str(tmp_path / "old"), str(tmp_path / "new"), str(tmp_path / "events.jsonl"), *more)
    return out


def test_the_text_says_which_line_is_the_figure_and_which_the_target_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Of a figure's row and a target's row that start on one day, the two lines said the same but for the
    target's ``(target ...)``: which was the measured figure and which the target's row was the reader's
    guess. Each line now says so, in either language; the JSON gives each line the report's ids of its rows."""
    old = [(HEAD, "2026-01-01", FIGURE), (OFFICE, "2026-11-10", MONTHLY), (HEAD, "2026-11-12", FIGURE)]
    new = [(HEAD, "2026-01-01", MONTHLY), (OFFICE, "2026-11-10", FIGURE), (HEAD, "2026-11-12", MONTHLY)]
    period = ["--from", "2026-11-15", "--to", "2026-12-01"]
    en = _replayed(tmp_path, capsys, old, new, *period, "--lang", "en").splitlines()
    head = "  Content delivery, Sun 15 Nov 00:00 - Tue 1 Dec 00:00 (month), "
    assert [x.removeprefix(head).partition(":")[0] for x in en if x.startswith(head)] == [
        "target row",
        "measured availability (no target)",
    ]
    ja = _replayed(tmp_path / "ja", capsys, old, new, *period, "--lang", "ja").splitlines()
    head = "  コンテンツ配信、11月15日(日) 00:00 〜 12月1日(火) 00:00（月次）、"
    assert [x.removeprefix(head).partition("：")[0] for x in ja if x.startswith(head)] == [
        "目標の行",
        "稼働率の測定値（目標なし）",
    ]
    rows = json.loads(_replayed(tmp_path / "json", capsys, old, new, *period, "--format", "json"))
    ids = [(r["id"], r["old_id"], r["new_id"]) for r in rows["availability_periods"]]
    assert ids == [("content:2026-11-15",) * 3, ("content:2026-11-15:measured",) * 3]


def test_a_figure_beside_a_target_says_both_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A figure alone on OLD's side beside a target alone on NEW's is one line whose target comes: it says
    the figure becomes a target row, and the JSON gives each side's row id."""
    old, new = [(HEAD, "2026-01-01", FIGURE)], [(HEAD, "2026-01-01", MONTHLY)]
    period = ["--from", "2026-11-15", "--to", "2026-12-01"]
    en = _replayed(tmp_path, capsys, old, new, *period, "--lang", "en")
    assert "(month), measured availability (no target) -> target row: 96.8750% -> 96.8750% (target none" in en
    ja = _replayed(tmp_path / "ja", capsys, old, new, *period, "--lang", "ja")
    assert "（月次）、稼働率の測定値（目標なし） → 目標の行：96.8750% → 96.8750%（目標 なし → 99.5%" in ja
    [row] = json.loads(_replayed(tmp_path / "json", capsys, old, new, *period, "--format", "json"))[
        "availability_periods"
    ]
    assert (row["old_id"], row["new_id"], row["old_target"], row["new_target"]) == (
        "content:2026-11-15",
        "content:2026-11-15",
        None,
        99.5,
    )

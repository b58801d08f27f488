"""The trend against earlier months (issue 16): hand-worked figures on a two-month log, each month equal
to its own report, the months chosen, and the section in text, Markdown and HTML in one language each."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.evaluation.trend import MAX_MONTHS, months
from sla_dsl.reader import read_events
from sla_dsl.report import Report
from sla_dsl.report.trend import facts_of, figures, tally_of

from .helpers import EXAMPLE, MONTH, POLICY, allowed_words, foreign, readable, sla
from .trend_log import october_ids, write_two_months

TOKYO = ZoneInfo("Asia/Tokyo")
OCT, NOV, DEC = (dt.datetime(2026, m, 1, tzinfo=TOKYO) for m in (10, 11, 12))
#: The figures, worked by hand (``trend_log``'s notes for October; November is the example
#: month's summary, plus the October P2 incident still open at 1 Nov): (judged, met) or a ratio.
#: OCT-P2-3 was responded to on 2 Nov: its response counts in November only (where its report
#: lists it again), not in October as well (October's own report as of 1 Dec would count it too).
OCTOBER = {
    ("response", "P1"): (4, 3),
    ("response", "P2"): (2, 1),
    ("response", "P3"): (1, 1),
    ("notice", "recovery"): (2, 1),
    ("availability", "content"): (44_520 - 160) / 44_520,
    ("backup", "database"): (31, 31),
    ("backup", "files"): (31, 30),
    ("backup", "machine_image"): (31, 29),
    ("stop_notice", "planned_stop"): (0, 0),
    # backups with a zone problem: none, as no continuous backup completed in October (not 0, a clean month)
    ("continuous_backup", "continuous"): None,
}
NOVEMBER = {
    ("response", "P1"): (23, 20),
    ("response", "P2"): (34, 28),
    ("response", "P3"): (22, 21),
    ("notice", "recovery"): (3, 1),
    # 30 days = 43,200 minutes, less 4:00 excused and 2:00 excluded: 42,840; downtime 4:45
    ("availability", "content"): (42_840 - 285) / 42_840,
    ("backup", "database"): (30, 30),
    ("backup", "files"): (30, 29),
    ("backup", "machine_image"): (30, 30),
    ("stop_notice", "planned_stop"): (2, 1),  # the example's STOP-02 was noticed too late
    ("continuous_backup", "continuous"): 1,
}


@pytest.fixture(scope="module")
def two_months(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_two_months(tmp_path_factory.mktemp("trend") / "events-2026-10-11.jsonl")


def _json(*args: str | Path) -> dict[str, Any]:
    code, out, err = sla("evaluate", POLICY, *args, "--format", "json")
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    return report


def _figures(month: dict[str, Any]) -> dict[tuple[str, str], Any]:
    return {
        (f["commitment"], f["subject"]): f["faults"]
        if f["faults"] is not None
        else f["ratio"]
        if f["judged"] is None
        else (f["judged"], f["met"])
        for f in month["figures"]
    }


def _same(found: dict[tuple[str, str], Any], expected: dict[tuple[str, str], Any]) -> bool:
    """Counts exactly, availability ratios to floating-point precision."""
    return found.keys() == expected.keys() and all(
        found[k] == pytest.approx(v) if isinstance(v, float) else found[k] == v for k, v in expected.items()
    )


def _ratio(value: Any) -> float:
    return float(value) if isinstance(value, float) else value[1] / value[0]


def test_two_months_give_the_hand_worked_figures_oldest_first(two_months: Path) -> None:
    trend = _json(two_months, *MONTH)["trend"]
    assert [(m["month"], m["start"], m["end"], m["current"]) for m in trend] == [
        ("2026-10-01", "2026-10-01T00:00:00+09:00", "2026-11-01T00:00:00+09:00", False),
        ("2026-11-01", "2026-11-01T00:00:00+09:00", "2026-12-01T00:00:00+09:00", True),
    ]
    october, november = trend
    assert _same(_figures(october), OCTOBER), _figures(october)
    assert _same(_figures(november), NOVEMBER), _figures(november)
    assert all(f["change"] is None for f in october["figures"])
    changes = {(f["commitment"], f["subject"]): f["change"] for f in november["figures"]}
    ratios = [
        k for k in NOVEMBER if isinstance(NOVEMBER[k], float) or (isinstance(OCTOBER[k], tuple) and OCTOBER[k][0])
    ]
    assert changes == pytest.approx(
        {k: _ratio(NOVEMBER[k]) - _ratio(OCTOBER[k]) if k in ratios else None for k in NOVEMBER}
    )
    assert changes[("response", "P1")] == pytest.approx(20 / 23 - 0.75)  # +11.96 points
    assert changes[("backup", "database")] == 0.0


def test_no_trend_leaves_it_out_and_nothing_else(two_months: Path) -> None:
    with_trend = _json(two_months, *MONTH)
    without = _json(two_months, *MONTH, "--no-trend")
    assert len(with_trend["trend"]) == 2 and without["trend"] == []
    assert {**with_trend, "trend": []} == without


def test_the_current_month_says_what_the_summary_says(two_months: Path) -> None:
    code, out, err = sla("evaluate", POLICY, two_months, *MONTH, "--format", "markdown", "--lang", "en")
    assert code == 0, err
    summary = out[out.index("## Summary") : out.index("## Trend against earlier months")]
    assert "| P2 Priority 2: response | within 1 business day | 28 of 34 met (82.4%) |" in summary
    assert "| File backup service | at least once a day, kept 7 days | 29 of 30 days taken |" in summary
    trend = out[out.index("## Trend against earlier months") :].split("\n## ", 1)[0]
    lines = [line for line in trend.splitlines() if line.startswith("|")]
    assert lines[0] == "| Commitment | October 2026 | November 2026 (this report) | Change from the month before |"
    assert lines[2:] == [
        "| P1 Priority 1: response | 75.0% (3 of 4) | 87.0% (20 of 23) | +12.0 pt (better) |",
        "| P2 Priority 2: response | 50.0% (1 of 2) | 82.4% (28 of 34) | +32.4 pt (better) |",
        "| P3 Priority 3: response | 100.0% (1 of 1) | 95.5% (21 of 22) | **-4.5 pt (worse)** |",
        "| Recovery-information notice time | 50.0% (1 of 2) | 33.3% (1 of 3) | **-16.7 pt (worse)** |",
        "| Notice of planned stops | - | 50.0% (1 of 2) | - |",
        "| Availability (Digital content management service) | 99.641% | 99.335% | **-0.306 pt (worse)** |",
        "| Database backup service | 100.0% (31 of 31 days) | 100.0% (30 of 30 days) | ±0.0 pt |",
        "| Continuous backup (another zone) | none recorded | zone problems: 1 | - |",
        "| File backup service | 96.8% (30 of 31 days) | 96.7% (29 of 30 days) | **-0.1 pt (worse)** |",
        "| AMI backup (OS drive backup) | 93.5% (29 of 31 days) | 100.0% (30 of 30 days) | +6.5 pt (better) |",
    ]
    assert "as of Tue 1 Dec 2026 00:00" in trend


def test_the_japanese_table(two_months: Path) -> None:
    code, out, err = sla("evaluate", POLICY, two_months, *MONTH, "--format", "text", "--lang", "ja")
    assert code == 0, err
    trend = out[out.index("前月までとの比較") :].split("\n\n", 1)[0].splitlines()
    assert re.split(r"\s{2,}", trend[1].strip()) == ["項目", "2026年10月度", "2026年11月度（当月）", "前月比"]
    assert re.split(r"\s{2,}", trend[2].strip()) == [
        "P1 優先度１の応答",
        "75.0%（3/4件）",
        "87.0%（20/23件）",
        "+12.0ポイント（改善）",
    ]
    assert re.split(r"\s{2,}", trend[4].strip()) == [
        "P3 優先度３の応答",
        "100.0%（1/1件）",
        "95.5%（21/22件）",
        "-4.5ポイント（悪化）",
    ]
    assert re.split(r"\s{2,}", trend[6].strip()) == ["計画停止の事前通知", "-", "50.0%（1/2件）", "-"]
    assert re.split(r"\s{2,}", trend[9].strip()) == [
        "逐次バックアップ（別ゾーン）",
        "記録なし",
        "ゾーンの問題 1件",
        "-",
    ]
    assert re.split(r"\s{2,}", trend[8].strip()) == [
        "データベースバックアップサービス",
        "100.0%（31/31日）",
        "100.0%（30/30日）",
        "±0.0ポイント",
    ]
    assert (
        trend[-1]
        .strip()
        .startswith("※ 各月の数値は、その月を対象期間とする報告書と同じく 2026年12月1日(火) 00:00 時点")
    )


def _shown(found: list[Any]) -> dict[tuple[Any, ...], Any]:
    return {(f.commitment, f.subject, f.priority, f.clock, f.when): (f.judged, f.met, f.ratio, f.faults) for f in found}


def _own_report_figures(
    report: Report, policy: sla_dsl.Policy, until: dt.datetime | None = None
) -> dict[tuple[Any, ...], Any]:
    """A month's figures from that month's own report (the reference path: judged alone, every row
    of its incidents, outages, stops, backups, violations and availability periods read as the API gives
    them); ``until``, the start of the trend's next month: a verdict settled after it of an incident
    listed again then counts there, not here."""
    tally = tally_of(report.incidents, report.period.start, until)
    return _shown(figures(facts_of(report, policy.model), policy.model, tally))


@pytest.mark.parametrize("period", [(NOV, DEC), (OCT, DEC)])
def test_every_month_is_what_its_own_report_gives(two_months: Path, period: tuple[dt.datetime, dt.datetime]) -> None:
    """Earlier months judged once and counted per month (and the months of a two-month period)
    give what each month judged alone gives, as of the same instant, but for the verdicts a month
    leaves to the next (settled after it, of incidents listed again there)."""
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, read_events(two_months), *period)
    assert [m.month for m in report.trend] == [OCT.date(), NOV.date()]
    for month, (lo, hi) in zip(report.trend, [(OCT, NOV), (NOV, DEC)], strict=True):
        alone = sla_dsl.evaluate(policy, read_events(two_months), lo, hi, as_of=DEC)
        assert _shown(month.figures) == _own_report_figures(alone, policy, hi if hi < DEC else None), month.month
        assert (month.start, month.end) == (lo, hi)


def test_a_month_only_partly_in_the_log_is_left_out() -> None:
    """The example log holds two October backups (15 and 16 Oct) for its retention checks: it does not
    reach back to 1 October, so there is no trend, no table and the JSON's ``trend`` is empty."""
    assert _json(EXAMPLE, *MONTH)["trend"] == []
    for lang, title in (("ja", "前月までとの比較"), ("en", "Trend against earlier months")):
        code, out, _ = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "html", "--lang", lang)
        assert code == 0 and title not in out and 'id="trend"' not in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_trend_is_in_one_language(two_months: Path, fmt: str, lang: str) -> None:
    """The scan of ``test_languages_of_outputs`` over the whole report, with the trend in it."""
    code, out, err = sla("evaluate", POLICY, two_months, *MONTH, "--format", fmt, "--lang", lang, "--limit", "0")
    assert code == 0, err
    assert ("前月までとの比較" if lang == "ja" else "Trend against earlier months") in out
    assert ("前月比" if lang == "ja" else "percentage points") in out
    allowed = sorted([*allowed_words(lang), *october_ids()], key=len, reverse=True)
    assert foreign(readable(out, fmt), lang, allowed) == []


def test_the_scan_sees_an_english_word_in_the_japanese_trend(two_months: Path) -> None:
    """The scan can fail on the trend: an English month name left in the ja table is found."""
    code, out, _ = sla("evaluate", POLICY, two_months, *MONTH, "--format", "markdown", "--lang", "ja")
    assert code == 0
    broken = out.replace("2026年10月度", "October 2026", 1)
    assert foreign(readable(broken, "markdown"), "ja", allowed_words("ja")) != []


# -- which months ------------------------------------------------------------------------------


def _t(y: int, m: int, d: int = 1, h: int = 0) -> float:
    return dt.datetime(y, m, d, h, tzinfo=TOKYO).timestamp()


def test_the_months_chosen() -> None:
    nov = (_t(2026, 11), _t(2026, 12))
    assert months(*nov, TOKYO, None) == [(dt.date(2026, 11, 1), *nov)]
    # a log from 15 Oct does not cover October; one from 1 Oct 02:00 does; one from 30 Sep covers it too
    assert len(months(*nov, TOKYO, _t(2026, 10, 15))) == 1
    assert [s.month.month for s in months(*nov, TOKYO, _t(2026, 10, 1, 2))] == [10, 11]
    assert [s.month.month for s in months(*nov, TOKYO, _t(2026, 9, 30, 23))] == [10, 11]
    # a period from mid-November: October whole, November cut to the period
    spans = months(_t(2026, 11, 16), nov[1], TOKYO, _t(2026, 1, 1))
    assert spans[-2:] == [
        (dt.date(2026, 10, 1), _t(2026, 10), _t(2026, 11)),
        (dt.date(2026, 11, 1), _t(2026, 11, 16), nov[1]),
    ]
    # a log of three years: the current month and the twelve before it
    spans = months(*nov, TOKYO, _t(2024, 1, 1))
    assert len(spans) == MAX_MONTHS and spans[0].month == dt.date(2025, 11, 1)


@given(
    first=st.integers(0, 40),
    start=st.integers(0, 30),
    length=st.integers(1, 500),
    offset=st.integers(0, 23),
)
def test_months_are_consecutive_and_end_at_the_period(first: int, start: int, length: int, offset: int) -> None:
    p0 = _t(2026, 6) + start * 86400.0 + offset * 3600
    p1 = p0 + length * 86400.0
    log_from = _t(2026, 6) - first * 30 * 86400.0
    spans = months(p0, p1, TOKYO, log_from)
    assert 1 <= len(spans) <= MAX_MONTHS
    assert spans[-1].end == p1
    for a, b in itertools.pairwise(spans):
        # one after another; before a period that starts inside a month, that month's part before it is left out
        assert (a.end == b.start or (b.start == p0 and a.end < p0)) and a.month < b.month
    for s in spans:
        lo = dt.datetime.fromtimestamp(s.start, TOKYO)
        assert s.month == lo.date().replace(day=1)
        if s.start < p0:  # an earlier month: whole, and the log reaches back to its first day
            assert lo.day == 1 and lo.hour == 0 and s.end <= p0
            assert dt.datetime.fromtimestamp(log_from, TOKYO).date() <= s.month


@given(
    zone=st.sampled_from(["Asia/Tokyo", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]),
    start=st.integers(0, 400),
    length=st.integers(1, 500),
    bound=st.integers(-500, 400),
    later=st.integers(0, 200),
    hour=st.integers(0, 23),
)
def test_a_bound_that_lists_no_earlier_month_gives_the_months_of_any_later_first_event(
    zone: str, start: int, length: int, bound: int, later: int, hour: int
) -> None:
    # trend_months takes the months from the log's earliest event as checked (no event left is earlier)
    # when they list no month before the period, instead of walking the log for its earliest event left:
    # the months from any event at or after that bound are then the same
    tz = ZoneInfo(zone)
    base = dt.datetime(2026, 1, 1, tzinfo=tz).timestamp()
    p0 = base + start * 86400.0 + hour * 3600
    p1 = p0 + length * 86400.0
    first = p0 + bound * 86400.0
    from_bound = months(p0, p1, tz, first)
    if from_bound[0].start < p0:  # (an earlier month listed: the earliest event left is asked for)
        return
    assert months(p0, p1, tz, first + later * 3600.0) == from_bound


def test_an_outage_open_for_months_counts_in_every_month(tmp_path: Path) -> None:
    """An outage from Fri 18 Sep that never ends is open at 1 Oct and at 1 Nov: both months' reports list
    it and it is down for all of both (availability 0), although none of its events lies in them. Its
    notice, met on 18 Sep at 10:30, was September's: neither month counts it again."""
    log = write_two_months(tmp_path / "events.jsonl")
    sep = [
        {"event": "outage.started", "at": "2026-09-18T10:00:00+09:00", "id": "SEP-OUT", "cause": "failure"},
        {"event": "outage.recognized", "at": "2026-09-18T10:05:00+09:00", "id": "SEP-OUT"},
        {"event": "outage.notified", "at": "2026-09-18T10:30:00+09:00", "id": "SEP-OUT"},
    ]
    log.write_text(log.read_text("utf-8") + "".join(json.dumps(e) + "\n" for e in sep), "utf-8")
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, read_events(log), NOV, DEC)
    october, november = ({(f.commitment, f.subject): f for f in m.figures} for m in report.trend)
    assert (october[("notice", "recovery")].judged, october[("notice", "recovery")].met) == (2, 1)
    assert (november[("notice", "recovery")].judged, november[("notice", "recovery")].met) == (3, 1)
    assert october[("availability", "content")].ratio == 0.0 == november[("availability", "content")].ratio
    for month, (lo, hi) in zip(report.trend, [(OCT, NOV), (NOV, DEC)], strict=True):
        alone = sla_dsl.evaluate(policy, read_events(log), lo, hi, as_of=DEC)
        assert _shown(month.figures) == _own_report_figures(alone, policy, hi if hi < DEC else None), month.month


def test_plans_months_are_their_own_reports() -> None:
    """A two-month period of the plans example: a quarterly measured service, a backup every 12 hours,
    two outage notification rules with conditions; each month as its own report gives it."""
    examples = POLICY.parent / "examples"
    policy = sla_dsl.load_policy(examples / "plans.sla")
    report = sla_dsl.evaluate(policy, read_events(examples / "plans.jsonl"), OCT, DEC)
    assert [(m.month, m.current) for m in report.trend] == [(OCT.date(), False), (NOV.date(), True)]
    kinds = {(f.commitment, f.subject) for f in report.trend[-1].figures}
    assert {("backup", "logs"), ("availability", "portal"), ("notice", "first_report")} <= kinds
    for month, (lo, hi) in zip(report.trend, [(OCT, NOV), (NOV, DEC)], strict=True):
        alone = sla_dsl.evaluate(policy, read_events(examples / "plans.jsonl"), lo, hi, as_of=DEC)
        until = hi if hi < DEC else None
        assert _shown(month.figures) == _own_report_figures(alone, policy, until), month.month
    logs = {(f.commitment, f.subject): f for f in report.trend[-1].figures}[("backup", "logs")]
    assert logs.judged == 60  # 30 days of two windows of 12 hours

"""The trend counts a breach a reprioritisation makes in the month of the raise, as the month's own
report does (``report/settled``'s notes): a P3 reported on 29 October, open at the end of October, and
raised to P1 on 2 November, after P1's due time, is a breached P1 response in November's column of the
trend (of a report from 1 October to 1 December) and in none of October's, on the evaluator's columns
and on the pydantic rows alike."""

from __future__ import annotations

import sla_dsl
from sla_dsl.evaluation import judge
from sla_dsl.report.render import render
from sla_dsl.report.settled import response_settled

from .helpers import ev, policy, t

EVENTS = [
    ev("incident.reported", "2026-10-29 11:00", "XM-3", priority="P3"),
    ev("incident.reprioritized", "2026-11-02 10:00", "XM-3", priority="P1"),
    ev("incident.responded", "2026-11-02 17:00", "XM-3"),
]


def _response(report: sla_dsl.Report) -> dict[str, dict[str, tuple[int | None, int | None]]]:
    return {
        m.month.isoformat(): {f.subject: (f.judged, f.met) for f in m.figures if f.commitment == "response"}
        for m in report.trend
    }


def test_the_trend_counts_the_breach_in_the_month_of_the_raise() -> None:
    both = sla_dsl.evaluate(policy(), EVENTS, t("2026-10-01 00:00"), t("2026-12-01 00:00"))
    trend = _response(both)
    assert list(trend) == ["2026-10-01", "2026-11-01"]
    assert trend["2026-11-01"]["P1"] == (1, 0)  # as November's summary: 0 of 1 met
    assert trend["2026-10-01"].get("P1", (0, 0))[0] == 0  # October judged no P1 (its report: an open P3)


def test_the_row_and_the_compact_verdict_settle_at_the_raise() -> None:
    november = sla_dsl.evaluate(policy(), EVENTS, t("2026-11-01 00:00"), t("2026-12-01 00:00"))
    (row,) = november.incidents
    assert row.response_due is not None and row.response_due < t("2026-11-01 00:00")
    assert response_settled(row) == t("2026-11-02 10:00").timestamp()


def test_the_commands_text_counts_it_in_november() -> None:
    """``sla evaluate --format text`` renders from the compact verdicts: the summary counts the breach
    in November (0 of 1 met), as the report's rows do, not as judged in an earlier period."""
    result = judge(policy(), EVENTS, t("2026-11-01 00:00"), t("2026-12-01 00:00"), trend=False)
    text = render(
        result.skeleton,
        "text",
        lang="en",
        policies=[policy()],
        incidents=result.incidents,
        violations=result.violations(),
    )
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("P1 Priority 1: response"))
    assert "0 of 1 met" in line
    assert response_settled(result.incidents[0]) == t("2026-11-02 10:00").timestamp()

"""The trend's availability of a month where a service's figure and its target both have a row.

A version that adds a percentage to a measured service inside a month gives that month a figure's row (run
to the month's end by the version in force at its start) and a target's row (from the version's date); with
``from`` on or after that date both are exactly the trend's month (``content:2026-11-15:measured`` and
``content:2026-11-15``). The trend keyed the rows by service, condition and span, so one of the two stood
for both: the one written last, which was the target's whenever a later version measured the figure again,
and the current month's column then said another figure than the summary beside it. Each row now counts as
itself: the month's figure is the one its own report's summary shows (with a percentage when the version in
force at the month's start states one, else the figure), here with the versions measuring different hours.
"""

from __future__ import annotations

import sla_dsl
from sla_dsl.report.render import render
from sla_dsl.report.trend import facts_of

from .test_period_ids_distinct import EVENTS, FIGURE, HEAD, MONTHLY

#: the service's hours in the version with the target: office hours, where the figure's are all day
OFFICE = HEAD.replace("hours always", "hours office").replace(
    "calendar always",
    'calendar office "営業時間" / "Office hours" {{\n  days mon..fri\n  hours 09:00-18:00\n}}\n\ncalendar always',
)

#: an hour of September (so the log reaches back to October: a trend of two months) and half of 20 November
LOG = [
    {"event": "outage.started", "id": "o0", "at": "2026-09-30T00:00:00+09:00"},
    {"event": "outage.ended", "id": "o0", "at": "2026-09-30T01:00:00+09:00"},
    *EVENTS,
    {"event": "outage.started", "id": "o3", "at": "2026-11-20T00:00:00+09:00"},
    {"event": "outage.ended", "id": "o3", "at": "2026-11-20T12:00:00+09:00"},
]


def _versions(*lines: tuple[str, str, str]) -> list[sla_dsl.Policy]:
    return [
        sla_dsl.load_policy(head.format(version=str(n), effective=effective, lines=line))
        for n, (head, effective, line) in enumerate(lines, 1)
    ]


def _lines(out: str, section: str) -> list[str]:
    part = out[out.index(f"## {section}") :].split("\n## ", 1)[0]
    return [line for line in part.splitlines() if line.startswith("| Availability (Content delivery)")]


def test_the_month_shows_the_figure_its_summary_shows() -> None:
    """Version 2 (10 November) promises 99.5% over office hours, version 3 (12 November) measures the
    figure again all day: from 15 November the summary shows the figure (96.875%), and so does the trend's
    November (it said the target's 96.970%)."""
    policies = _versions((HEAD, "2026-01-01", FIGURE), (OFFICE, "2026-11-10", MONTHLY), (HEAD, "2026-11-12", FIGURE))
    report = sla_dsl.evaluate(policies, LOG, "2026-11-15", "2026-12-01")
    assert [(p.id, p.target, round(p.ratio, 5)) for p in report.availability_periods] == [
        ("content:2026-11-15:measured", None, 0.96875),
        ("content:2026-11-15", 99.5, 0.9697),
    ]
    out = render(report, "markdown", lang="en", policies=policies)
    assert _lines(out, "Summary")[0].startswith(
        "| Availability (Content delivery) | no target stated | 96.875% | measured only |"
    )
    assert _lines(out, "Trend against earlier months") == [
        "| Availability (Content delivery) | 100.000% | 96.875% | **-3.125 pt (worse)** |"
    ]


def test_the_month_shows_the_target_its_summary_shows() -> None:
    """The same the other way round: version 1 promises 99.5%, version 2 (10 November) measures the
    figure over office hours, version 3 (12 November) promises 99.5% again; the summary and the trend
    show the target's row (96.875%), not the figure's."""
    policies = _versions((HEAD, "2026-01-01", MONTHLY), (OFFICE, "2026-11-10", FIGURE), (HEAD, "2026-11-12", MONTHLY))
    report = sla_dsl.evaluate(policies, LOG, "2026-11-15", "2026-12-01")
    assert [(p.id, p.target, round(p.ratio, 5)) for p in report.availability_periods] == [
        ("content:2026-11-15", 99.5, 0.96875),
        ("content:2026-11-15:measured", None, 0.9697),
    ]
    out = render(report, "markdown", lang="en", policies=policies)
    assert "| 96.875% |" in _lines(out, "Summary")[0]
    assert _lines(out, "Trend against earlier months")[0].split(" | ")[2] == "96.875%"


def test_a_months_own_facts_take_the_rows_its_summary_does() -> None:
    """The reference the trend is tested against (a month's own report read by ``facts_of``) took the
    lowest of both rows: with version 2 (10 November, office hours) adding the target, the report from
    15 November shows the target's 96.970% in its summary and its trend, and its facts say the same."""
    policies = _versions((HEAD, "2026-01-01", FIGURE), (OFFICE, "2026-11-10", MONTHLY))
    report = sla_dsl.evaluate(policies, LOG, "2026-11-15", "2026-12-01")
    ratios = {p.id: round(p.ratio, 5) for p in report.availability_periods}
    assert ratios == {"content:2026-11-15:measured": 0.96875, "content:2026-11-15": 0.9697}
    facts = facts_of(report, policies[1].model)
    assert round(facts.availability[("content", None)], 5) == 0.9697
    current = {(f.subject, f.when): f.ratio for f in report.trend[-1].figures if f.commitment == "availability"}
    assert current == facts.availability

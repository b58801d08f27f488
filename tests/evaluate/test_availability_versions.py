"""Availability across policy versions (Article 5): every service some version measures is judged in the
periods whose version promises its target, whatever version is in force at ``--from``; a version's own
measurement period (monthly, quarterly) counts from its date; a target a later version adds starts at
that version's date."""

from __future__ import annotations

import datetime as dt

import pytest

import sla_dsl
from evaluate.helpers import POLICY_PATH, ev, t
from sla_dsl.report.render import render

TEXT = POLICY_PATH.read_text("utf-8")
MEASURED = "  availability measured                        # reading 13: no percentage is promised\n"
API = (
    'service api "API" {\n  hours always except maintenance\n  availability target 99.5%\n  credit below 99.5% 25%\n}\n'
)


def _version(version: str, effective: str, old: str = "", new: str = "", extra: str = "") -> sla_dsl.Policy:
    text = TEXT.replace('version "2026.1"', f'version "{version}"').replace(
        "effective 2026-04-01", f"effective {effective}"
    )
    if old:
        assert old in text
        text = text.replace(old, new)
    return sla_dsl.load_policy(text + extra)


PROMISED = MEASURED.replace("measured  ", "target 99.5%").replace(
    "# reading 13: no percentage is promised", "credit below 99.5% 25%"
)
#: ten hours down in November and in December
OUTAGES = [
    ev("outage.started", "2026-11-20 10:00", "O1"),
    ev("outage.ended", "2026-11-20 20:00", "O1"),
    ev("outage.started", "2026-12-10 10:00", "O2"),
    ev("outage.ended", "2026-12-10 20:00", "O2"),
]


def _rows(policies: list[sla_dsl.Policy], start: str, end: str) -> list[tuple[str, str, str, bool, bool | None]]:
    report = sla_dsl.evaluate(policies, OUTAGES, t(start), t(end))
    return [(p.service, p.period, p.start.date().isoformat(), p.complete, p.met) for p in report.availability_periods]


def _credits(policies: list[sla_dsl.Policy], start: str, end: str) -> list[tuple[str, str, float]]:
    report = sla_dsl.evaluate(policies, OUTAGES, t(start), t(end))
    return [(c.service, c.start.date().isoformat(), c.credit_percent) for c in report.credits]


def test_a_service_a_later_version_adds_is_judged_whatever_the_start() -> None:
    versions = [_version("2026.1", "2026-04-01"), _version("2026.2", "2026-12-01", extra=API)]
    assert ("api", "month", "2026-12-01", True, False) in _rows(versions, "2026-11-01 00:00", "2027-01-01 00:00")
    assert _credits(versions, "2026-11-01 00:00", "2027-01-01 00:00") == [("api", "2026-12-01", 25.0)]
    assert _credits(versions, "2026-12-01 00:00", "2027-01-01 00:00") == [("api", "2026-12-01", 25.0)]


def test_a_target_a_later_version_withdraws_is_not_judged_after_it() -> None:
    versions = [
        _version("2026.1", "2026-04-01", MEASURED, PROMISED),
        _version("2026.2", "2026-12-01", MEASURED, ""),
    ]
    assert _credits(versions, "2026-11-01 00:00", "2027-01-01 00:00") == [("content", "2026-11-01", 25.0)]
    assert _credits(versions, "2026-12-01 00:00", "2027-01-01 00:00") == []


def test_a_version_that_measures_quarterly_counts_quarters_from_its_date() -> None:
    versions = [
        _version("2026.1", "2026-04-01", MEASURED, PROMISED),
        _version("2027.1", "2027-01-01", MEASURED, PROMISED.replace("99.5%", "99.5% quarterly", 1)),
    ]
    rows = _rows(versions, "2026-12-01 00:00", "2027-04-01 00:00")
    assert rows == [("content", "month", "2026-12-01", True, False), ("content", "quarter", "2027-01-01", True, True)]


def test_a_target_added_mid_month_starts_at_the_version_date_and_owes_nothing_for_the_part() -> None:
    versions = [_version("2026.1", "2026-04-01"), _version("2026.2", "2026-12-05", extra=API)]
    report = sla_dsl.evaluate(versions, OUTAGES, t("2026-11-01 00:00"), t("2027-01-01 00:00"))
    (api,) = [p for p in report.availability_periods if p.service == "api"]
    assert api.start == dt.datetime(2026, 12, 5, tzinfo=api.start.tzinfo) and not api.complete
    assert api.met is False and report.credits == []  # (below target, but an incomplete period owes nothing yet)


@pytest.mark.parametrize("start", ["2026-11-01 00:00", "2026-12-01 00:00"])
def test_one_version_is_as_before(start: str) -> None:
    one = [_version("2026.1", "2026-04-01", MEASURED, PROMISED)]
    months = ["2026-11-01", "2026-12-01"] if start.startswith("2026-11") else ["2026-12-01"]
    assert [r[2] for r in _rows(one, start, "2027-01-01 00:00")] == months


def test_a_percentage_added_mid_month_to_a_measured_service_starts_at_the_version_date() -> None:
    """A version that gives a measured service a percentage (``availability measured`` to ``target``)
    starts the target at its date, as one adding a target with ``when`` does: the month keeps its figure
    from the version in force at its start, and the target's cut period is incomplete and owes nothing."""
    versions = [_version("2026.1", "2026-04-01"), _version("2026.2", "2026-11-15", MEASURED, PROMISED)]
    report = sla_dsl.evaluate(versions, OUTAGES, t("2026-11-01 00:00"), t("2027-01-01 00:00"))
    rows = [
        (p.start.date().isoformat(), p.end.date().isoformat(), p.complete, p.target, p.met)
        for p in report.availability_periods
        if p.service == "content"
    ]
    assert rows == [
        ("2026-11-01", "2026-12-01", True, None, None),
        ("2026-11-15", "2026-12-01", False, 99.5, False),
        ("2026-12-01", "2027-01-01", True, 99.5, False),
    ]
    assert [(c.start.date().isoformat(), c.credit_percent) for c in report.credits] == [("2026-12-01", 25.0)]


def test_the_summary_sets_a_figure_beside_no_target_and_a_target_beside_its_own_rows() -> None:
    """The summary's figure for a service without a percentage (in the version it lists) is the
    figures' lowest, not a later version's target period's."""
    versions = [_version("2026.1", "2026-04-01"), _version("2026.2", "2026-11-15", MEASURED, PROMISED)]
    report = sla_dsl.evaluate(versions, OUTAGES, t("2026-11-01 00:00"), t("2026-12-01 00:00"))
    (figure,) = [p for p in report.availability_periods if p.target is None]
    (cut,) = [p for p in report.availability_periods if p.target is not None]
    assert cut.ratio < figure.ratio
    text = render(report, "text", lang="en", policies=versions)
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("Availability (Digital content"))
    assert f"{figure.ratio * 100:.3f}%" in line and f"{cut.ratio * 100:.3f}%" not in line and "no target" in line


@pytest.mark.parametrize("start", ["2026-11-01 00:00", "2026-11-20 00:00"])
def test_a_month_cut_by_a_mid_month_from_is_judged_by_the_version_in_force_at_its_start(start: str) -> None:
    """A `from` inside the month does not hand the month to a version that took effect after its start:
    the same November is judged against 99.5% (the version in force on 1 November) either way."""
    lower = PROMISED.replace("99.5%", "99.0%", 1).replace("below 99.5%", "below 99.0%")
    versions = [_version("2026.1", "2026-04-01", MEASURED, PROMISED), _version("2026.2", "2026-11-16", MEASURED, lower)]
    report = sla_dsl.evaluate(versions, OUTAGES, t(start), t("2026-12-01 00:00"))
    (row,) = report.availability_periods
    assert (row.target, row.met, row.complete) == (99.5, False, start.startswith("2026-11-01"))

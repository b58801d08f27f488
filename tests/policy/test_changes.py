"""Article 5: a change to the policy text changes the model, with no code change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.lang import model as m


def edited(policy_text: str, tmp_path: Path, old: str, new: str) -> m.PolicyModel:
    assert old in policy_text
    path = tmp_path / "edited.sla"
    path.write_text(policy_text.replace(old, new, 1), "utf-8")
    return load_policy(path).model


def test_p1_to_two_business_hours(policy_text: str, tmp_path: Path) -> None:
    pm = edited(policy_text, tmp_path, "respond within 4 business hours", "respond within 2 business hours")
    target = pm.priority("P1").target
    assert isinstance(target, m.Within) and target.duration.amount == 2


def test_lunch_removed(policy_text: str, tmp_path: Path) -> None:
    pm = edited(policy_text, tmp_path, "hours 10:00-12:00, 13:00-18:00", "hours 10:00-18:00")
    assert [str(r) for r in pm.calendar("business").hours] == ["10:00-18:00"]


def test_maintenance_to_third_wednesday(policy_text: str, tmp_path: Path) -> None:
    pm = edited(policy_text, tmp_path, "every month on 4th thu", "every month on 3rd wed")
    assert pm.maintenance[0].on == m.NthWeekday(nth=3, weekday=m.Weekday.WED, span=pm.maintenance[0].on.span)


def test_year_end_closure_added(policy_text: str, tmp_path: Path) -> None:
    pm = edited(policy_text, tmp_path, "  holidays JP", "  holidays JP\n  closed yearly 12-29..01-03")
    assert pm.calendar("business").closed_yearly[0].first == (12, 29)


def test_other_reading_of_business_days(policy_text: str, tmp_path: Path) -> None:
    pm = edited(policy_text, tmp_path, "respond within 1 business day", "respond by end of 1st business day")
    assert pm.priority("P2").target == m.ByEndOf(nth=1, calendar="business", span=pm.priority("P2").target.span)


def test_new_version_and_date(policy_text: str, tmp_path: Path) -> None:
    pm = edited(policy_text, tmp_path, 'version "2026.1"', 'version "2027.1"')
    assert pm.header.version == "2027.1"
    pm = edited(policy_text, tmp_path, "effective 2026-04-01", "effective 2027-01-01")
    assert pm.header.effective == dt.date(2027, 1, 1)


def test_exclusion_removed(policy_text: str, tmp_path: Path) -> None:
    line = next(ln for ln in policy_text.splitlines() if ln.startswith("exclude customer_fault"))
    pm = edited(policy_text, tmp_path, line, "")
    assert [e.cause for e in pm.exclusions] == ["force_majeure"]


def test_at_risk_threshold(policy_text: str, tmp_path: Path) -> None:
    pm = edited(policy_text, tmp_path, "at risk at 75% of target", "at risk at 50% of target")
    assert pm.clocks[0].at_risk_percent == 50


@pytest.mark.parametrize("text", ["", "   \n"])
def test_blank_text_is_an_error(text: str) -> None:
    from sla_dsl import PolicyError

    with pytest.raises(PolicyError) as info:
        load_policy('sla "x" {}' if not text else text + "calendar x { days mon }")
    assert info.value.diagnostics

"""``sla diff`` compares values by meaning at every depth: a rewrite that means the same is no change.

A QA report found equivalent rewrites reported as changes: the tests of a condition in another order, the
values of ``in (...)`` in another order, the weekdays of a weekday hours line, the dates of a date hours
line, the ranges of one day, the events of ``update ... by``, closed dates as a list or as a range. Only the
top-level fields of a declaration were compared as sets, and rules were matched by their condition as
written. Each rewrite below is now no change; each real change next to it is still one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import diff_models
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
PLANS = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
HELPDESK = (ROOT / "policies" / "examples" / "helpdesk.sla").read_text("utf-8")

HOURS = "  hours 10:00-12:00, 13:00-18:00               # reading 3: the lunch hour is not business time\n"
HOLIDAYS = "  holidays JP                                  # reading 2: national holidays (holidays package)\n"
PREMIUM_RULE = "  when plan = premium\n  respond within 1 hour"
UPDATE = "update every 4 business hours on resolution by incident.responded, incident.info_provided"
WINDOW = "every month on 4th thu, 22:00-24:00"


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _edit(base: str, old: str, new: str) -> str:
    assert base.count(old) == 1, old
    return base.replace(old, new)


def _saturday(hours: str) -> str:
    """clicksoko.sla open on Saturdays with ``hours`` (one or more lines) for some weekdays."""
    text = _edit(CLICKSOKO, "  days mon..fri\n" + HOURS, "  days mon..sat\n  hours 10:00-12:00, 13:00-18:00\n")
    return _edit(text, "  hours 10:00-12:00, 13:00-18:00\n", "  hours 10:00-12:00, 13:00-18:00\n" + hours)


def _calendar(lines: str) -> str:
    """clicksoko.sla with ``lines`` added to its business calendar."""
    return _edit(CLICKSOKO, HOLIDAYS, "  holidays JP\n" + lines)


def _plans_when(condition: str) -> str:
    return _edit(PLANS, PREMIUM_RULE, f"  when {condition}\n  respond within 1 hour")


#: (name, one version, a rewrite that means the same, a real change of it)
CASES = [
    (
        "condition-tests",
        _plans_when("plan = premium and channel = en"),
        _plans_when("channel = en and plan = premium"),
        _plans_when("channel = en and plan = standard"),
    ),
    (
        "condition-values",
        _plans_when("plan in (standard, premium)"),
        _plans_when("plan in (premium, standard)"),
        _plans_when("plan not in (premium, standard)"),
    ),
    (
        "weekdays-of-hours",
        _saturday("  hours sat, fri 10:00-13:00\n"),
        _saturday("  hours fri, sat 10:00-13:00\n"),
        _saturday("  hours thu, sat 10:00-13:00\n"),
    ),
    (
        "weekday-hours-in-lines",
        _saturday("  hours fri, sat 10:00-13:00\n"),
        _saturday("  hours sat 10:00-13:00\n  hours fri 10:00-13:00\n"),
        _saturday("  hours sat 10:00-13:00\n  hours fri 10:00-14:00\n"),
    ),
    (
        "ranges-of-one-day",
        _saturday("  hours sat 13:00-15:00, 10:00-12:00\n"),
        _saturday("  hours sat 10:00-12:00, 13:00-15:00\n"),
        _saturday("  hours sat 10:00-12:00, 13:00-16:00\n"),
    ),
    (
        "ranges-of-every-day",
        CLICKSOKO,
        _edit(CLICKSOKO, HOURS, "  hours 13:00-18:00, 10:00-12:00\n"),
        _edit(CLICKSOKO, HOURS, "  hours 13:00-18:00, 09:00-12:00\n"),
    ),
    (
        "dates-of-hours",
        _calendar("  hours 2026-12-28, 2026-12-25 10:00-12:00\n"),
        _calendar("  hours 2026-12-25, 2026-12-28 10:00-12:00\n"),
        _calendar("  hours 2026-12-24, 2026-12-28 10:00-12:00\n"),
    ),
    (
        "closed-list-and-range",
        _calendar("  closed 2026-12-30, 2026-12-29\n"),
        _calendar("  closed 2026-12-29..2026-12-30\n"),
        _calendar("  closed 2026-12-29..2026-12-31\n"),
    ),
    (
        "yearly-closure-across-the-new-year",
        _calendar("  closed yearly 12-29..01-03\n"),
        _calendar("  closed yearly 01-01..01-03, 12-29..12-31\n"),
        _calendar("  closed yearly 01-02..01-03, 12-29..12-31\n"),
    ),
    (
        "update-events",
        HELPDESK,
        _edit(
            HELPDESK,
            UPDATE,
            UPDATE.replace("incident.responded, incident.info_provided", "incident.info_provided, incident.responded"),
        ),
        _edit(HELPDESK, UPDATE, UPDATE.replace("incident.responded, incident.info_provided", "incident.responded")),
    ),
    (
        "window-ending-at-midnight",
        CLICKSOKO,
        _edit(CLICKSOKO, WINDOW, "every month on 4th thu, 22:00-00:00"),
        _edit(CLICKSOKO, WINDOW, "every month on 4th thu, 22:00-01:00"),
    ),
    (
        "ordinals-of-a-window",
        _edit(CLICKSOKO, WINDOW, "every month on 2nd, 4th thu, 22:00-24:00"),
        _edit(CLICKSOKO, WINDOW, "every month on 4th, 2nd thu, 22:00-24:00"),
        _edit(CLICKSOKO, WINDOW, "every month on 1st, 4th thu, 22:00-24:00"),
    ),
]


@pytest.mark.parametrize(("old", "same"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_a_rewrite_that_means_the_same_is_no_change(old: str, same: str) -> None:
    assert same != old
    old_m, same_m = _model(old), _model(same)
    assert diff_models(old_m, same_m) == []
    assert diff_models(same_m, old_m) == []


@pytest.mark.parametrize(("old", "other"), [(c[1], c[3]) for c in CASES], ids=[c[0] for c in CASES])
def test_a_real_change_beside_it_is_still_a_change(old: str, other: str) -> None:
    assert diff_models(_model(old), _model(other)) != []
    assert diff_models(_model(other), _model(old)) != []


def test_a_rule_is_matched_by_its_condition_in_any_form() -> None:
    """A rule whose condition is only rewritten keeps its identity: a change of its target is a change of
    that rule, not a rule removed and another added."""
    old = _plans_when("plan = premium and channel = en")
    new = _edit(_plans_when("channel = en and plan = premium"), "respond within 1 hour", "respond within 2 hours")
    changes = diff_models(_model(old), _model(new))
    assert [(c.op, c.key, c.field) for c in changes] == [
        ("changed", "P1 when channel = en and plan = premium", "target")
    ]


def test_february_29_counts_in_a_yearly_closure() -> None:
    """``02-28..03-01`` closes February 29 in a leap year; two single days do not."""
    one = _model(_calendar("  closed yearly 02-28..03-01\n"))
    two = _model(_calendar("  closed yearly 02-28..02-28, 03-01..03-01\n"))
    assert [c.field for c in diff_models(one, two)] == ["closed_yearly"]

"""The checks of ``when`` conditions enumerate classes of values, not every combination.

A priority of a help desk with a hundred organisations, five channels and ten plans has
5,000 combinations; the checks used to stop at 4,096 and say nothing, and an incident no
rule takes was then judged by a rule whose condition was false. Values that every test
treats alike stand for each other (:func:`sla_dsl.lang.conditions.cases`), and every
diagnostic must be the one the whole product gives: the property below compares them with
a brute force that enumerates every combination.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.lang import conditions
from sla_dsl.lang import model as m
from sla_dsl.policy import compile_text

HEAD = 'sla "T" { format 1 version "1" effective 2026-01-01 timezone UTC languages en }\n'


def _every_combination(model: m.PolicyModel, conds: list[m.Condition | None]) -> list[conditions.Case]:
    """The slow reference: every combination of the product, each standing for itself."""
    names = sorted({t.attribute for c in conds if c is not None for t in c.tests})
    values = {a.name: a.values for a in model.attributes}
    return [
        conditions.Case(dict(zip(names, combo, strict=True)), 1)
        for combo in itertools.product(*(values[n] for n in names))
    ]


def _said(text: str) -> list[tuple[str, int, int, str, str | None]]:
    return [(d.code, d.span.line, d.span.column, d.message, d.help) for d in compile_text(text, "p.sla").diagnostics]


def _help_desk(orgs: int) -> str:
    values = ", ".join(["org5", "org7", *(f"org{k}" for k in range(orgs) if k not in (5, 7))][:orgs])
    plans = ", ".join(["standard", *(f"p{k}" for k in range(1, 9)), "gold"])
    return (
        HEAD
        + f'attribute org "Organisation" {{ values {values} }}\n'
        + 'attribute channel "Channel" { values email, chat, phone, web, api }\n'
        + f'attribute plan "Plan" {{ values {plans} }}\n'
        + "priority P1 { when plan = gold and org = org5 respond within 15 minutes }\n"
        + "priority P1 { when channel = chat and org != org7 respond within 1 hour }\n"
    )


def test_five_thousand_combinations_no_rule_takes_are_refused() -> None:
    # 100 x 5 x 10 = 5,000 combinations; the two rules take 5 + 990 - 1 = 994 of them
    found = _said(_help_desk(100))
    assert [(code, line) for code, line, *_ in found] == [("E252", 6), ("W251", 6)]
    assert "(4006 combinations do not)" in found[0][3]
    assert "channel = email, org = org5, plan = standard" in found[0][3]


def test_the_classes_count_as_the_whole_product() -> None:
    # 2 organisations: 100 combinations in all, 86 taken by no rule
    assert "(86 combinations do not)" in _said(_help_desk(2))[0][3]


def test_a_last_rule_without_a_condition_takes_the_rest() -> None:
    text = _help_desk(100) + "priority P1 { respond within 4 hours }\n"
    assert [code for code, *_ in _said(text)] == ["W251"]


def test_beyond_the_cases_it_can_count_coverage_is_refused_unless_a_fallback_is_last(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(conditions, "MAX_CASES", 3)  # the help desk has 2 x 2 x 2 = 8 classes
    found = _said(_help_desk(100))
    assert [(code, line) for code, line, *_ in found] == [("E252", 6)]
    assert "cannot be proved that every incident matches a rule of `P1`" in found[0][3]
    assert _said(_help_desk(100) + "priority P1 { respond within 4 hours }\n") == []


# ---- the classes give every diagnostic the whole product gives --------------------------------

_ATTRS = ("a", "b", "c")


@st.composite
def _policies(draw: st.DrawFn) -> str:
    sizes = {name: draw(st.integers(1, 5)) for name in _ATTRS}
    text = HEAD
    for name, n in sizes.items():
        text += f'attribute {name} "{name.upper()}" {{ values {", ".join(f"{name}{k}" for k in range(n))} }}\n'
    for pid in ("P1", "P2"):
        rules = draw(st.integers(1, 4))
        for _ in range(rules):
            tests = []
            for name in draw(st.lists(st.sampled_from(_ATTRS), min_size=0, max_size=2, unique=True)):
                values = draw(st.lists(st.integers(0, sizes[name] - 1), min_size=1, max_size=3, unique=True))
                listed = ", ".join(f"{name}{k}" for k in sorted(values))
                negated = draw(st.booleans())
                tests.append(f"{name} {'not in' if negated else 'in'} ({listed})")
            when = f"when {' and '.join(tests)} " if tests else ""
            text += f"priority {pid} {{ {when}respond within {draw(st.integers(1, 9))} hours }}\n"
    rules = draw(st.integers(0, 3))
    for k in range(rules):
        name = draw(st.sampled_from(_ATTRS))
        value = draw(st.integers(0, sizes[name] - 1))
        text += (
            f"notify n{k} {{ within 1 hour after outage.recognized met by outage.notified "
            f"when {name} = {name}{value} }}\n"
        )
    return text


@settings(max_examples=150, deadline=None)
@given(_policies())
def test_the_classes_agree_with_every_combination(text: str) -> None:
    fast = _said(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(conditions, "cases", _every_combination)
        slow = _said(text)
    assert fast == slow

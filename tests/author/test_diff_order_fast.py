"""The order of a priority's rules is compared without trying every rule at every combination of values.

A QA performance pass found ``sla diff`` of a policy with thousands of rules ``when customer = cK`` against
itself quadratic: for every class of values it tried every rule, in both versions. The same rules in the
same order are now no work at all, and otherwise each version's first rule at a combination is a walk down
the pieces of :mod:`sla_dsl.lang.first_match`. What is reported must not change: the old function is kept
here as the reference, compared with the new on random small lists of rules.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.authoring import diff_changes
from sla_dsl.authoring.semdiff import diff_models
from sla_dsl.lang import model as m
from sla_dsl.lang.conditions import MAX_CASES, holds
from sla_dsl.policy import compile_text

Tried = Sequence[tuple[str, m.Condition | None]]

# ---- the reference: the function as it was, trying every rule at every class --------------------------


def _old_assignments(
    domains: Mapping[str, Sequence[str]], conds: Sequence[m.Condition | None], limit: int
) -> list[dict[str, str]] | None:
    tests = [t for c in conds if c is not None for t in c.tests]
    names = sorted({t.attribute for t in tests})
    per_attribute: list[list[str]] = []
    total = 1
    for name in names:
        mine = [t for t in tests if t.attribute == name]
        classes: dict[tuple[bool, ...], str] = {}
        for v in domains.get(name, ()):
            classes.setdefault(tuple(v in t.values for t in mine), v)
        per_attribute.append(list(classes.values()))
        total *= len(classes)
        if total > limit:
            return None
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*per_attribute)]


def _old_first_holding(rules: Tried, attrs: Mapping[str, str]) -> str | None:
    return next((key for key, cond in rules if holds(cond, attrs)), None)


def _old_moved_ahead(
    old: Tried, new: Tried, domains: Mapping[str, Sequence[str]], limit: int = MAX_CASES
) -> list[tuple[str, str]]:
    old_pos = {key: i for i, (key, _) in reversed(list(enumerate(old)))}
    new_pos = {key: i for i, (key, _) in reversed(list(enumerate(new)))}
    common = old_pos.keys() & new_pos.keys()
    if len(common) < 2:
        return []
    pairs: set[tuple[str, str]] = set()
    combos = _old_assignments(domains, [c for _, c in (*old, *new)], limit)
    if combos is None:
        pairs = {(a, b) for a in common for b in common if new_pos[a] < new_pos[b] and old_pos[a] > old_pos[b]}
    for attrs in combos or ():
        was, now = _old_first_holding(old, attrs), _old_first_holding(new, attrs)
        if was in common and now in common and was != now:
            assert was is not None and now is not None
            pairs.add((now, was))
    return sorted(pairs, key=lambda p: (new_pos[p[0]], new_pos[p[1]]))


# ---- random small lists of rules ------------------------------------------------------------------

DOMAINS = {"a": ["a0", "a1", "a2"], "b": ["b0", "b1"], "c": ["c0", "c1", "c2", "c3"], "e": []}
#: attribute ``x`` is declared in neither version, ``e`` has no values; ``zz`` is a value no attribute has
NAMES = [*DOMAINS, "x"]


@st.composite
def _tests(draw: st.DrawFn) -> m.AttributeTest:
    name = draw(st.sampled_from(NAMES[:3]) if draw(st.integers(0, 9)) else st.sampled_from(NAMES))
    pool = [*DOMAINS.get(name, []), "zz"]
    values = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
    return m.AttributeTest(attribute=name, values=tuple(values), negated=draw(st.booleans()))


def _key(cond: m.Condition | None) -> str:
    return "P1" if cond is None else f"P1 when {cond.canonical()}"


CONDS = st.none() | st.builds(lambda ts: m.Condition(tests=tuple(ts)), st.lists(_tests(), min_size=1, max_size=3))


@st.composite
def _versions(draw: st.DrawFn) -> tuple[list[tuple[str, m.Condition | None]], list[tuple[str, m.Condition | None]]]:
    old = [(_key(c), c) for c in draw(st.lists(CONDS, min_size=0, max_size=7))]
    kept = draw(st.permutations(old)) if draw(st.booleans()) else list(old)
    if old and draw(st.booleans()):  # two neighbours swapped
        i = draw(st.integers(0, len(kept) - 1))
        j = min(i + 1, len(kept) - 1)
        kept[i], kept[j] = kept[j], kept[i]
    kept = [r for r in kept if draw(st.integers(0, 5))]  # some removed
    for c in draw(st.lists(CONDS, max_size=2)):  # some added
        kept.insert(draw(st.integers(0, len(kept))), (_key(c), c))
    return old, kept


@settings(max_examples=400, deadline=None)
@given(_versions())
def test_moved_ahead_as_the_reference(versions: tuple[Tried, Tried]) -> None:
    old, new = versions
    assert diff_changes._moved_ahead(old, new, DOMAINS) == _old_moved_ahead(old, new, DOMAINS)
    assert diff_changes._moved_ahead(new, old, DOMAINS) == _old_moved_ahead(new, old, DOMAINS)


@settings(max_examples=200, deadline=None)
@given(_versions(), st.integers(1, 6))
def test_moved_ahead_as_the_reference_beyond_the_limit(versions: tuple[Tried, Tried], limit: int) -> None:
    """Beyond the number of combinations tried, every change of relative order counts, as before."""
    old, new = versions
    with mock.patch.object(diff_changes, "MAX_CASES", limit):
        assert diff_changes._moved_ahead(old, new, DOMAINS) == _old_moved_ahead(old, new, DOMAINS, limit)


@settings(max_examples=200, deadline=None)
@given(st.lists(CONDS, max_size=8))
def test_assignments_as_the_reference(conds: list[m.Condition | None]) -> None:
    assert diff_changes._assignments(DOMAINS, conds) == _old_assignments(DOMAINS, conds, MAX_CASES)


# ---- thousands of rules for one customer each ------------------------------------------------------

HEAD = """sla "Perf" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}
"""


def _customers(n: int, general_at: int) -> m.PolicyModel:
    """``n`` rules of P2 ``when customer = cK`` with the rule without a condition at ``general_at``."""
    values = "\n".join(f"  value c{k}" for k in range(n))
    rules = [f'priority P2 "P2 c{k}" {{\n  when customer = c{k}\n  respond within 2 hours\n}}\n' for k in range(n)]
    rules.insert(general_at, 'priority P2 "P2" {\n  respond within 8 hours\n}\n')
    compiled = compile_text(HEAD + f'attribute customer "Customer" {{\n{values}\n}}\n' + "".join(rules))
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def test_same_rules_in_the_same_order_are_no_work() -> None:
    """Diffing a policy against itself enumerates no combinations (the old code tried every class)."""
    pm = _customers(50, 50)
    with mock.patch.object(diff_changes, "_assignments", side_effect=AssertionError("combinations tried")):
        assert diff_models(pm, pm) == []


def test_rules_are_not_tried_one_by_one_at_each_combination() -> None:
    """The general rule moved ahead of the last 3 customers: each is a precedence pair, found without
    asking every rule's condition at every customer (the old code asked about 2 x 300 x 300 times)."""
    n = 300
    old, new = _customers(n, n), _customers(n, n - 3)
    calls = 0

    def counted(when: m.Condition | None, attrs: Mapping[str, str]) -> bool:
        nonlocal calls
        calls += 1
        return holds(when, attrs)

    with mock.patch.object(diff_changes, "holds", counted):
        changes = diff_models(old, new)
    assert calls <= 2 * n
    (order,) = [c for c in changes if c.field == "order"]
    assert [(d.key, [str(c) if c else None for _, c in d.rules]) for d in order.details] == [
        ("precedence", [None, f"customer = c{k}"]) for k in range(n - 3, n)
    ]

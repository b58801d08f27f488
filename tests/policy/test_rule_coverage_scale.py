"""The checks of a priority's rules (E252, W250, W251) on large policies, and with the rule without
``when`` written first.

A QA pass found ``sla check`` (and every first compile, which the language server makes on each
edit) quadratic in per-customer rules (``when customer = cK`` for thousands of customers) and in
the length of a long ``when``: each class of combinations was a tuple with one entry per test, and
every rule was tried on every class, then again per earlier rule. The checks now split the
combinations only where the rules in play differ (:mod:`sla_dsl.lang.first_match`). And a policy of
six attributes with the rule without ``when`` first was refused (E252: "it cannot be proved that
every incident matches a rule", with the help to add the rule it already had), since past the
limit of cases only a rule without ``when`` written *last* was taken as the fallback.

The findings must be the ones the enumeration of every combination gives, word for word: the
reference below is the former algorithm over every combination (no classes, no limit), compared on
random small policies and on the QA's shapes at sizes it can do.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.lang import conditions
from sla_dsl.lang import model as m
from sla_dsl.lang.diagnostics import Diagnostic, Severity, diagnostic, words
from sla_dsl.policy import compile_text

HEAD = 'sla "T" { format 1 version "1" effective 2026-01-01 timezone UTC languages en }\n'

Said = list[tuple[str, int, int, str, str | None]]


def _said(text: str) -> Said:
    return [(d.code, d.span.line, d.span.column, d.message, d.help) for d in compile_text(text, "p.sla").diagnostics]


def _rows(diags: Sequence[Diagnostic]) -> Said:
    return [(d.code, d.span.line, d.span.column, d.message, d.help) for d in diags]


# ---- the slow reference: every combination, every rule ----------------------------------------------


def _every_combination(model: m.PolicyModel, rules: Sequence[m.Priority]) -> list[Diagnostic]:
    """E252, W250 and W251 of one priority's rules, by trying every rule on every combination."""
    if all(r.when is None for r in rules):
        return []
    pid, last = rules[0].id, rules[-1]
    names = sorted({t.attribute for r in rules if r.when is not None for t in r.when.tests})
    values = {a.name: a.values for a in model.attributes}
    combos = [dict(zip(names, c, strict=True)) for c in itertools.product(*(values[n] for n in names))]
    matching: list[list[dict[str, str]]] = [[c for c in combos if conditions.holds(r.when, c)] for r in rules]
    first = [conditions.select(rules, c) for c in combos]
    out: list[Diagnostic] = []
    unmatched = [c for c, r in zip(combos, first, strict=True) if r is None]
    if unmatched:
        shown = conditions.shown_attrs(unmatched[0])
        text = (
            words("diag.E252", pid=pid, shown=shown)
            if len(unmatched) == 1
            else words("diag.E252.many", pid=pid, shown=shown, count=str(len(unmatched)))
        )
        help = words("diag.E252.help", example=f"priority {pid} {{ ... }}")
        out.append(diagnostic("E252", text, (last.when or last).span, help=help))
    for i, r in enumerate(rules):
        span = (r.when or r).span
        if not any(f is r for f in first):
            if matching[i]:
                earlier = conditions.select(rules, matching[i][0])
                assert earlier is not None
                why = words("diag.W250.why.taken", line=str(earlier.span.line))
                help = words("diag.W250.help")
            else:  # (its own tests contradict one another: moving it would change nothing)
                why = words("diag.phrase.no_combination")
                help = words("diag.W250.help.none")
            out.append(
                diagnostic(
                    "W250",
                    words("diag.W250", pid=pid, why=why),
                    span,
                    help=help,
                    severity=Severity.WARNING,
                )
            )
            continue
        for j in range(i):
            both = [c for c in matching[i] if conditions.holds(rules[j].when, c)]
            if both and not all(c in matching[i] for c in matching[j]):
                shown = conditions.shown_attrs(both[0])
                where = {"line": str(rules[j].span.line), "column": str(rules[j].span.column)}
                out.append(
                    diagnostic(
                        "W251",
                        words("diag.W251", shown=shown, pid=pid, **where),
                        span,
                        help=words("diag.W251.help", shown=shown),
                        severity=Severity.WARNING,
                    )
                )
                break
    return out


def _slowly(text: str) -> Said:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(conditions, "_coverage", _every_combination)
        return _said(text)


# ---- random small policies --------------------------------------------------------------------------

_ATTRS = ("a", "b", "c")


@st.composite
def _policies(draw: st.DrawFn) -> str:
    sizes = {name: draw(st.integers(1, 5)) for name in _ATTRS}
    text = HEAD
    for name, n in sizes.items():
        text += f'attribute {name} "{name.upper()}" {{ values {", ".join(f"{name}{k}" for k in range(n))} }}\n'
    for pid in ("P1", "P2"):
        for _ in range(draw(st.integers(1, 8))):
            tests = []
            if draw(st.integers(0, 6)):  # one rule in seven without `when`, anywhere
                for name in draw(st.lists(st.sampled_from(_ATTRS), min_size=1, max_size=3)):  # twice: both hold
                    values = draw(st.lists(st.integers(0, sizes[name] - 1), min_size=1, max_size=3, unique=True))
                    listed = ", ".join(f"{name}{k}" for k in values)
                    negated = draw(st.booleans())
                    tests.append(f"{name} {'not in' if negated else 'in'} ({listed})")
            when = f"when {' and '.join(tests)} " if tests else ""
            text += f"priority {pid} {{ {when}respond within {draw(st.integers(1, 9))} hours }}\n"
    return text


@settings(max_examples=200, deadline=None)
@given(_policies())
def test_the_findings_are_those_of_every_combination(text: str) -> None:
    assert _said(text) == _slowly(text)


def _below_a_fallback(model: m.PolicyModel, rules: Sequence[m.Priority]) -> set[tuple[int, int]] | None:
    """Where the rules below the first that holds for every combination are (None: no rule does)."""
    names = sorted({t.attribute for r in rules if r.when is not None for t in r.when.tests})
    values = {a.name: a.values for a in model.attributes}
    combos = [dict(zip(names, c, strict=True)) for c in itertools.product(*(values[n] for n in names))]
    everywhere = (i for i, r in enumerate(rules) if all(conditions.holds(r.when, c) for c in combos))
    fallback = next(everywhere, None)
    if fallback is None:
        return None
    return {((r.when or r).span.line, (r.when or r).span.column) for r in rules[fallback + 1 :]}


@settings(max_examples=100, deadline=None)
@given(_policies(), st.integers(1, 6))
def test_beyond_the_limit_only_what_needs_no_enumeration_is_said(text: str, limit: int) -> None:
    """Past the limit of pieces, a priority with a rule without ``when`` gets the W250 of every rule
    below it, as every combination words them, and nothing else; one without is refused (E252)."""
    model = compile_text(text, "p.sla").model
    assert model is not None
    for rules in conditions.by_id(model).values():
        whole = _rows(_every_combination(model, rules))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(conditions, "MAX_CASES", limit)
            found = _rows(conditions._coverage(model, rules))
        if found == whole:
            continue
        below = _below_a_fallback(model, rules)
        if below is None:
            assert [(code, line) for code, line, *_ in found] == [("E252", rules[-1].span.line)]
            assert "cannot be proved that every incident matches a rule" in found[0][3]
        else:
            assert found == [row for row in whole if row[0] == "W250" and (row[1], row[2]) in below]


# ---- the QA's shapes ----------------------------------------------------------------------------------


def _customers(n: int, general: str | None = "last", missing: Sequence[int] = (), twice: Sequence[int] = ()) -> str:
    """One attribute of ``n`` customers (and `other`), a rule per customer, and the general rule."""
    values = ", ".join(["other", *(f"c{k}" for k in range(n))])
    text = HEAD + f'attribute customer "Customer" {{ values {values}\n default other }}\n'
    general_rule = "priority P2 { respond within 8 hours }\n"
    if general == "first":
        text += general_rule
    for k in [*(k for k in range(n) if k not in missing), *twice]:
        text += f"priority P2 {{ when customer = c{k} respond within {k % 5 + 2} hours }}\n"
    if general == "last":
        text += general_rule
    return text


def _long_when(n: int, general: bool) -> str:
    """One rule of ``n - 1`` tests ``plan != vK`` joined by ``and``, below the general rule or alone."""
    values = ", ".join(f"v{k}" for k in range(n))
    text = HEAD + f'attribute plan "Plan" {{ values {values} }}\n'
    text += "priority P1 { respond within 4 hours }\n" if general else ""
    cond = " and ".join(f"plan != v{k}" for k in range(1, n))
    return text + f"priority P1 {{ when {cond} respond within 1 hours }}\n"


def _grid(k: int, general: str | None, tests: str = "=", before: int = 10, after: int = 0) -> str:
    """``k`` attributes of ten values and ten rules testing each (``=``: one combination each; ``!=``:
    all but one value of each), with the general rule first, last, after ``before`` of them or not at all."""
    text = HEAD + "".join(
        f'attribute a{j} "A{j}" {{ values {", ".join(f"x{i}" for i in range(10))} }}\n' for j in range(k)
    )
    rules = [
        "priority P1 { when "
        + " and ".join(f"a{j} {tests} x{(i + j) % 10}" for j in range(k))
        + " respond within 2 hours }\n"
        for i in range(before + after)
    ]
    general_rule = "priority P1 { respond within 4 hours }\n"
    if general == "first":
        rules.insert(0, general_rule)
    elif general == "last":
        rules.append(general_rule)
    elif general == "between":
        rules.insert(before, general_rule)
    return text + "".join(rules)


SHAPES = {
    "customers, general last": _customers(150),
    "customers, general first": _customers(150, "first"),
    "customers, no general, gaps and twice": _customers(150, None, missing=(0, 7, 149), twice=(3, 99)),
    "long when below the general rule": _long_when(200, general=True),
    "long when alone": _long_when(200, general=False),
    "grid of 4, general first": _grid(4, "first"),
    "grid of 4, general last": _grid(4, "last"),
    "grid of 4, no general": _grid(4, None),
    "grid of 4 by !=, no general": _grid(4, None, "!="),
    "grid of 4 by !=, general between": _grid(4, "between", "!=", before=6, after=4),
}


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_the_qa_shapes_agree_with_every_combination(text: str) -> None:
    assert _said(text) == _slowly(text)


def _coverage_found(text: str) -> Said:
    return [row for row in _said(text) if row[0] in ("E252", "W250", "W251")]


def test_thousands_of_customer_rules() -> None:
    # the shape of `rules2.py` at a size the enumeration takes seconds on, each finding as it words it
    text = _customers(2000, None, missing=(5,), twice=(0,))
    found = _coverage_found(text)
    assert [(code, line) for code, line, *_ in found] == [("E252", 2003), ("W250", 2003)]
    assert found[0][3] == (
        "an incident of priority `P2` with customer = other matches no rule of `P2` (2 combinations do not)"
    )
    assert found[1][3] == (
        "this rule of priority `P2` can never apply: every incident it matches is taken first by the rule on line 4"
    )
    assert _coverage_found(_customers(2000)) == []


def test_a_long_when_of_thousands_of_tests() -> None:
    text = _long_when(4000, general=False)
    found = _coverage_found(text)
    assert [(code, line) for code, line, *_ in found] == [("E252", 3)]
    assert "with plan = v1 matches no rule of `P1` (3999 combinations do not)" in found[0][3]
    below = _coverage_found(_long_when(4000, general=True))
    assert [(code, line) for code, line, *_ in below] == [("W250", 4)]
    assert "taken first by the rule on line 3" in below[0][3]


# ---- the rule without `when` first -------------------------------------------------------------------


def test_a_general_rule_first_leaves_nothing_for_the_rules_below_it() -> None:
    # 6 attributes of 10 values: a million combinations, 10**6 classes; it was refused by E252
    text = _grid(6, "first")
    found = _said(text)
    assert [code for code, *_ in found] == ["W250"] * 10
    assert [line for _, line, *_ in found] == list(range(9, 19))
    for row in found:
        assert row[3] == (
            "this rule of priority `P1` can never apply: every incident it matches is taken first by the rule on line 8"
        )
    # with five attributes (one line fewer above) the same words, as before
    assert [row[3] for row in _said(_grid(5, "first"))] == [found[0][3].replace("line 8", "line 7")] * 10


def test_a_general_rule_between_rules_the_check_cannot_enumerate() -> None:
    # ten rules of six tests `!=` split the combinations into more than 100000 pieces, so what the
    # rules above the general one take is not worked out; the ones below it never apply, each said so
    text = _grid(6, "between", "!=", before=10, after=3)
    found = _said(text)
    assert [(code, line) for code, line, *_ in found] == [("W250", 19), ("W250", 20), ("W250", 21)]
    model = compile_text(text, "p.sla").model
    assert model is not None
    rules = conditions.by_id(model)["P1"]
    for (_, _, _, message, _), rule in zip(found, rules[11:], strict=True):
        assert rule.when is not None
        # the first combination the rule matches (every test `!=` one value: x0, else x1)
        first = {t.attribute: "x1" if t.values == ("x0",) else "x0" for t in rule.when.tests}
        taker = conditions.select(rules, first)
        assert taker is not None
        assert message.endswith(f"taken first by the rule on line {taker.span.line}")


def test_without_a_general_rule_the_check_still_refuses_what_it_cannot_enumerate() -> None:
    found = _said(_grid(6, None, "!="))
    assert [(code, line) for code, line, *_ in found] == [("E252", 17)]
    assert "more than 100000 cases: it cannot be proved that every incident matches a rule of `P1`" in found[0][3]


def test_six_attributes_without_a_general_rule_get_the_combinations_no_rule_takes() -> None:
    # 10**6 classes: it was refused as not provable; ten rules of one combination each leave the rest
    found = _said(_grid(6, None))
    assert [(code, line) for code, line, *_ in found] == [("E252", 17)]
    assert found[0][3] == (
        "an incident of priority `P1` with a0 = x0, a1 = x0, a2 = x0, a3 = x0, a4 = x0, a5 = x0 "
        "matches no rule of `P1` (999990 combinations do not)"
    )


# ---- the classes that notify rules and availability targets are checked on ------------------------------


def _former_cases(model: m.PolicyModel, conds: Sequence[m.Condition | None]) -> list[conditions.Case] | None:
    """:func:`conditions.cases` as it was: a tuple of every test's answer per value."""
    tests = [t for c in conds if c is not None for t in c.tests]
    names = sorted({t.attribute for t in tests})
    attrs = {a.name: a for a in model.attributes}
    per_attribute: list[list[tuple[str, int]]] = []
    for name in names:
        mine = [t for t in tests if t.attribute == name]
        first: dict[tuple[bool, ...], list[str]] = {}
        for v in attrs[name].values:
            first.setdefault(tuple(v in t.values for t in mine), []).append(v)
        per_attribute.append([(vs[0], len(vs)) for vs in first.values()])
    out = []
    for combo in itertools.product(*per_attribute):
        weight = 1
        for _, n in combo:
            weight *= n
        out.append(conditions.Case(dict(zip(names, (v for v, _ in combo), strict=True)), weight))
    return out


@settings(max_examples=100, deadline=None)
@given(_policies())
def test_the_classes_are_the_same(text: str) -> None:
    model = compile_text(text, "p.sla").model
    assert model is not None
    for rules in conditions.by_id(model).values():
        conds = [r.when for r in rules]
        assert conditions.cases(model, conds) == _former_cases(model, conds)

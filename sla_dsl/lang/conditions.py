"""Which rule applies to an incident's attributes, and the checks of conditions and credits.

Design notes
------------
* Selection: the rules of one priority id are tried **in file order and the
  first whose ``when`` holds applies**; a rule without ``when`` holds for all.
  This is how Zendesk SLA policies and Jira SLA goals decide, and an author
  reads it off the file top to bottom; "most specific wins" needs a tie rule
  whenever two conditions on different attributes overlap (``plan = premium``
  and ``channel = en``), which is the case the author can least predict. The
  usual layout is the special cases first and the general rule last.
* An attribute an incident does not give takes its declared default (else its
  first value), so every incident has a full assignment and the selection is
  total once ``sla check`` has proved that every assignment finds a rule.
* The checks of a priority's rules (:func:`_coverage`) see each condition as
  a box in the combinations of the attributes the rules test, and split the
  combinations attribute by attribute only where the rules still in play
  differ (:mod:`.first_match`): rules ``when customer = cK`` for thousands of
  customers cost one piece each, and a long ``and`` its length. Every answer
  is the one the whole product would give, counts of combinations and the
  first combination in the order of :func:`combos` included. An assignment no
  rule takes is an error (E252: an incident would have no target); a rule
  that no assignment reaches is a warning (W250: it can never apply); two
  rules that both take some assignment where the later one is not the more
  general fallback is a warning (W251: file order decides, and the author may
  have meant the later one; a question of two boxes, with no enumeration).
  Beyond :data:`MAX_CASES` pieces (only with many attributes, each split by
  many overlapping tests), coverage cannot be proved: E252 refuses the rules
  unless one of them holds everywhere (a rule without ``when``, or one every
  combination meets), which takes every incident the rules above it leave;
  the rules below it can never apply (W250 each, found without enumeration)
  and the other warnings are then not computed.
* :func:`cases` enumerates one assignment per *class* for the checks of notify
  rules and availability targets: values of one attribute that every test of
  the conditions treats alike (``org5`` against ``org1`` ... ``org99`` for
  ``org = org5``) stand for each other, so a hundred organisations cost two
  cases, counts weighted by the class sizes; beyond :data:`MAX_CASES` classes
  those checks are not made.
* The tables for people (the language server's hover, the site's plan table)
  list the real combinations, up to :data:`MAX_ASSIGNMENTS` of them.
* Notify rules take ``when`` too, but they are not alternatives: every rule
  whose condition holds applies (:func:`notify_checks`: W254 a rule nothing
  meets, W255 two rules on the same events that both apply somewhere). Two
  rules meant as alternatives are written with exclusive conditions.
  Availability targets with ``when`` are checked in :mod:`.service_plans`.
* An attribute that incidents change during their life (``changes at``) but
  that no ``when`` of a priority rule or of a notify rule on an incident event
  tests is W259 (:func:`unread_changes`): its changes would change no rule.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from . import model as m
from .diagnostics import (
    Arg,
    Code,
    Diagnostic,
    Severity,
    Words,
    diagnostic,
    did_you_mean_words,
    listing,
    words,
)
from .first_match import Space

#: Beyond this many combinations of attribute values, the tables for people are not listed.
MAX_ASSIGNMENTS = 4096
#: Beyond this many pieces of the combinations (:mod:`.first_match`) or classes (:func:`cases`), the
#: checks of conditions are not computed.
MAX_CASES = 100_000

Assignment = Mapping[str, str]


def defaults(model: m.PolicyModel) -> dict[str, str]:
    """The value of each declared attribute for an incident that does not give it."""
    return {a.name: a.default or a.values[0] for a in model.attributes if a.values}


def holds(when: m.Condition | None, attrs: Assignment) -> bool:
    """Whether a rule's condition holds for a full assignment of attribute values."""
    if when is None:
        return True
    return all((attrs.get(t.attribute) in t.values) != t.negated for t in when.tests)


def select(rules: Sequence[m.Priority], attrs: Assignment) -> m.Priority | None:
    """The first rule (file order) whose condition holds for ``attrs``, or None."""
    return next((r for r in rules if holds(r.when, attrs)), None)


def reason(rule: m.Priority, attrs: Assignment, lang: str = "en") -> str:
    """Why ``rule`` applies, for an explanation: its condition and the values that met it."""
    if rule.when is None:
        if lang == "ja":
            return f"優先度 {rule.id} の条件なしの規定（{rule.span.line} 行目）を適用"
        return f"priority {rule.id}: the rule without a condition (line {rule.span.line}) applies"
    sep = "、" if lang == "ja" else ", "  # (a list a person reads: joined as the language joins one)
    shown = sep.join(f"{t.attribute} = {attrs.get(t.attribute)}" for t in rule.when.tests)
    if lang == "ja":
        return f"優先度 {rule.id}: {shown} のため `when {rule.when}` の規定（{rule.span.line} 行目）を適用"
    return f"priority {rule.id}: {shown}, so the rule `when {rule.when}` (line {rule.span.line}) applies"


def select_for(model: m.PolicyModel, pid: str, given: Mapping[str, str]) -> m.Priority | None:
    """The rule of priority ``pid`` for an incident carrying ``given`` (defaults for the rest)."""
    return select(model.rules_of(pid), {**defaults(model), **given})


def by_id(model: m.PolicyModel) -> dict[str, list[m.Priority]]:
    """The rules of each priority id, in file order."""
    out: dict[str, list[m.Priority]] = {}
    for p in model.priorities:
        out.setdefault(p.id, []).append(p)
    return out


def _err(code: str, message: str | Words, span: m.Span, help: str | Words | None = None) -> Diagnostic:
    return diagnostic(code, message, span, help=help)


def _warn(code: str, message: str | Words, span: m.Span, help: str | Words | None = None) -> Diagnostic:
    return diagnostic(code, message, span, help=help, severity=Severity.WARNING)


def check_conditions(
    model: m.PolicyModel,
    broken: Collection[str] = (),
    partial: Collection[str] = (),
    spots: Mapping[tuple[str, int, int, str], m.Span] | None = None,
    users_dropped: bool = False,
) -> list[Diagnostic]:
    """Every error and warning about attributes, ``when`` conditions and credit tiers.

    A condition on an attribute in ``broken`` (already reported broken) is not reported again, and
    the rules are then not checked for coverage: their cases are not known. Nor are the rules of a
    priority id in ``partial`` (one of its rules was dropped for its own error): the dropped rule may
    take the cases the others leave. ``spots``: where the ``changes at`` lines of attributes stand
    (:func:`.compile.statement_spots`; else W259 points at the attribute). ``users_dropped``: a priority
    rule or a notify rule was dropped for its own error: its ``when`` may have read an attribute, none is
    said unread (W259).
    """
    out = _references(model, broken)
    if not any(d.is_error for d in out) and not tests_any(model, broken):
        for pid, rules in by_id(model).items():
            if pid not in partial:
                out += _coverage(model, rules)
        out += notify_checks(model)
    out += _credits(model)
    if not users_dropped:
        out += unread_changes(model, spots or {})
    return out


def unread_changes(
    model: m.PolicyModel, spots: Mapping[tuple[str, int, int, str], m.Span] | None = None
) -> list[Diagnostic]:
    """W259: an attribute with ``changes at`` that no ``when`` of a priority rule or of a notify rule on
    an incident event tests. Its changes are read, and would change no rule (a service's availability
    target is a customer's, never chosen by an incident's attributes). It points at the ``changes at``
    line where ``spots`` has it."""
    spots = spots or {}
    read = {t.attribute for p in model.priorities if p.when is not None for t in p.when.tests}
    read |= {
        t.attribute
        for n in model.notifications
        if n.when is not None and n.after.startswith("incident.")
        for t in n.when.tests
    }
    out: list[Diagnostic] = []
    for a in model.attributes:
        if a.changes and a.name not in read:
            value = next((v for v in a.values if v != (a.default or a.values[0])), a.values[0])
            out.append(
                _warn(
                    "W259",
                    words("diag.W259", attribute=a.name),
                    spots.get(("attribute", a.span.line, a.span.column, "changes"), a.span),
                    help=words("diag.W259.help", attribute=a.name, value=value),
                )
            )
    return out


def _priority_help(t: m.AttributeTest) -> Words | None:
    """The help of E251 for ``when priority = highest`` (a tool whose priority is a field of the
    incident): here a priority is the id of its block, no attribute."""
    if t.attribute != "priority":
        return None
    return words("diag.E251.priority.help", value=t.values[0] if t.values else "P1")


def _conditions(model: m.PolicyModel) -> Iterable[m.Condition]:
    for p in model.priorities:
        if p.when is not None:
            yield p.when
    for n in model.notifications:  # notify rules with `when` (issue 13)
        if n.when is not None:
            yield n.when
    for svc in model.services:  # availability targets with `when` (issue 13)
        for t in svc.plan_targets:
            if t.when is not None:
                yield t.when


def tests_any(model: m.PolicyModel, attributes: Collection[str]) -> bool:
    """Whether a ``when`` condition of ``model`` tests one of ``attributes``."""
    return bool(attributes) and any(t.attribute in attributes for c in _conditions(model) for t in c.tests)


def _references(model: m.PolicyModel, broken: Collection[str] = ()) -> list[Diagnostic]:
    attrs = {a.name: a for a in model.attributes}
    out: list[Diagnostic] = []
    first: dict[str, m.Span] = {}
    for a in model.attributes:
        if a.name in first:
            out.append(
                _err(
                    "E200",
                    words("diag.E200", kind=words("diag.E200.kind.attribute"), name=a.name),
                    a.span,
                    help=words("diag.E200.help", line=str(first[a.name].line)),
                )
            )
        first.setdefault(a.name, a.span)
    known_values = {a.name: frozenset(a.values) for a in model.attributes}
    for cond in _conditions(model):
        for t in cond.tests:
            attr = attrs.get(t.attribute)
            if attr is None and t.attribute in broken:
                continue
            if attr is None:
                known = listing((f"`{n}`" for n in attrs), ", ") if attrs else words("diag.phrase.none")
                out.append(
                    _err(
                        "E251",
                        words("diag.E251", name=t.attribute),
                        t.span,
                        help=did_you_mean_words(t.attribute, attrs)
                        or _priority_help(t)
                        or words("diag.E251.help", example=f"attribute {t.attribute} {{ values ... }}", known=known),
                    )
                )
                continue
            for v in t.values:
                if v not in known_values[attr.name]:
                    listed = listing((f"`{x}`" for x in attr.values), ", ")
                    out.append(
                        _err(
                            "E251",
                            words("diag.E251.value", name=attr.name, value=v),
                            t.span,
                            help=did_you_mean_words(v, attr.values) or words("diag.E251.value.help", values=listed),
                        )
                    )
    return out


def assignments(model: m.PolicyModel, rules: Sequence[m.Priority]) -> list[dict[str, str]] | None:
    """Every combination of values of the attributes ``rules`` test (None when too many)."""
    return combos(model, [r.when for r in rules])


class Case(NamedTuple):
    """A class of combinations that every condition treats alike: its first combination (in the order
    of :func:`combos`) and how many combinations it stands for."""

    attrs: dict[str, str]
    weight: int


def cases(model: m.PolicyModel, conds: Sequence[m.Condition | None]) -> list[Case] | None:
    """The combinations of values of the attributes ``conds`` test, one per class, in the order of
    :func:`combos` (None beyond :data:`MAX_CASES`).

    Two values of an attribute are in one class when every test of ``conds`` on that attribute
    accepts both or neither; :func:`holds` then answers alike for any combinations that differ only
    in such values. A class is shown by its first value, so the first combination of the product
    meeting any condition-defined property is always a class's own.
    """
    return cases_in({a.name: a.values for a in model.attributes}, conds)


def value_classes(
    domains: Mapping[str, Sequence[str]], conds: Sequence[m.Condition | None]
) -> list[tuple[str, list[list[str]]]]:
    """The values of each attribute ``conds`` test (by name), from ``domains`` (an attribute not there has
    none), in classes that every test treats alike, each class in declared order, the classes in the order
    of their first values: what :func:`cases` enumerates, for any values (``sla diff`` gives two versions')."""
    tests: dict[str, list[m.AttributeTest]] = {}
    for c in conds:
        for t in c.tests if c is not None else ():
            tests.setdefault(t.attribute, []).append(t)
    out: list[tuple[str, list[list[str]]]] = []
    for name in sorted(tests):
        # a value's class: the tests that list it (read off the lists, not one test per value)
        where: dict[str, list[int]] = {}
        for k, t in enumerate(tests[name]):
            for v in dict.fromkeys(t.values):
                where.setdefault(v, []).append(k)
        first: dict[tuple[int, ...], list[str]] = {}
        for v in domains.get(name, ()):
            first.setdefault(tuple(where.get(v, ())), []).append(v)
        out.append((name, list(first.values())))
    return out


def cases_in(
    domains: Mapping[str, Sequence[str]], conds: Sequence[m.Condition | None], limit: int = MAX_CASES
) -> list[Case] | None:
    """:func:`cases` over the values of ``domains`` (:func:`value_classes`), None beyond ``limit``."""
    classes = value_classes(domains, conds)
    names = [name for name, _ in classes]
    per_attribute = [[(vs[0], len(vs)) for vs in values] for _, values in classes]
    total = 1
    for values in per_attribute:  # (beyond the limit on the way: an attribute without values comes later)
        total *= len(values)
        if total > limit:
            return None
    out: list[Case] = []
    for combo in itertools.product(*per_attribute):
        weight = 1
        for _, n in combo:
            weight *= n
        out.append(Case(dict(zip(names, (v for v, _ in combo), strict=True)), weight))
    return out


def shown_attrs(attrs: Assignment, nobody: str = "diag.phrase.every_incident") -> Arg:
    """An assignment as a message argument: ``plan = premium, channel = en``, or the ``nobody`` phrase."""
    if not attrs:
        return words(nobody)
    return listing((Code(f"{k} = {v}") for k, v in attrs.items()), ", ")


def _coverage(model: m.PolicyModel, rules: Sequence[m.Priority]) -> list[Diagnostic]:
    if sum(r.when is None for r in rules) == len(rules):
        return []  # no condition (two such rules are E200 already)
    pid = rules[0].id
    last = rules[-1]
    space = Space({a.name: a.values for a in model.attributes}, [r.when for r in rules])
    found = space.solve(MAX_CASES)
    if found is None:
        # a rule that holds everywhere takes every incident the rules above it leave, and none is left
        # for the rules below it; what the rules above it take is not known
        fallback = next((i for i in range(len(rules)) if not space.narrows(i)), None)
        if fallback is None:
            text = words("diag.E252.unproved", pid=pid, count=str(MAX_CASES))
            example = f"priority {pid} {{ ... }}"
            return [_err("E252", text, (last.when or last).span, help=words("diag.E252.help", example=example))]
        below: list[Diagnostic] = []
        for i in range(fallback + 1, len(rules)):
            point = space.first_point(i) if space.possible(i) else None
            first = None if point is None else next(j for j in range(fallback + 1) if space.holds(j, point))
            below.append(_never(rules, i, first, space))
        return below
    out: list[Diagnostic] = []
    if found.unmatched:
        count = found.unmatched
        shown = shown_attrs(found.first_unmatched or {})
        out.append(
            _err(
                "E252",
                words("diag.E252", pid=pid, shown=shown)
                if count == 1
                else words("diag.E252.many", pid=pid, shown=shown, count=str(count)),
                (last.when or last).span,
                help=words("diag.E252.help", example=f"priority {pid} {{ ... }}"),
            )
        )
    for i, r in enumerate(rules):
        if not found.taken[i]:
            first = found.first_rule(space.first_point(i)) if space.possible(i) else None
            out.append(_never(rules, i, first, space))
            continue
        j = space.first_overlap(i)
        if j is not None:
            earlier = rules[j]
            both = shown_attrs(space.shown(space.first_point(i, j)))
            where = {"line": str(earlier.span.line), "column": str(earlier.span.column)}
            out.append(
                _warn(
                    "W251",
                    words("diag.W251", shown=both, pid=pid, **where),
                    (r.when or r).span,
                    help=words("diag.W251.help", shown=both),
                )
            )
    return out


def _never(rules: Sequence[m.Priority], i: int, first: int | None, space: Space) -> Diagnostic:
    """W250 for rule ``i``, which no incident reaches: ``first`` takes the first incident it matches
    (None: it matches none)."""
    r = rules[i]
    if first is not None and space.possible(i):
        why = words("diag.W250.why.taken", line=str(rules[first].span.line))
        help = words("diag.W250.help")
    else:  # (its own tests contradict one another: no order of the rules makes it apply)
        why = words("diag.phrase.no_combination")
        help = words("diag.W250.help.none")
    return _warn("W250", words("diag.W250", pid=r.id, why=why), (r.when or r).span, help=help)


def combos(model: m.PolicyModel, conds: Sequence[m.Condition | None]) -> list[dict[str, str]] | None:
    """Every combination of values of the attributes ``conds`` test (None when too many)."""
    names = sorted({t.attribute for c in conds if c is not None for t in c.tests})
    attrs = {a.name: a for a in model.attributes}
    total = 1
    for n in names:
        total *= len(attrs[n].values)
    if total > MAX_ASSIGNMENTS:
        return None
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*(attrs[n].values for n in names))]


def notify_checks(model: m.PolicyModel) -> list[Diagnostic]:
    """W254 (a notify rule whose condition no record can meet) and W255 (two notify rules on the same
    events that both apply to some records, at least one with ``when``: both are judged, as two notices).

    Notify rules are not alternatives: every rule whose condition holds applies to a record. Two rules
    meant as alternatives are written with exclusive conditions (``when plan = premium`` and
    ``when plan != premium``), which W255 does not warn about.
    """
    out: list[Diagnostic] = []
    rules = model.notifications
    for n in rules:
        if n.when is None:
            continue
        classes = cases(model, [n.when])
        if classes is not None and not any(holds(n.when, c.attrs) for c in classes):
            out.append(
                _warn("W254", words("diag.W254", name=n.name, when=str(n.when)), n.when.span, words("diag.W254.help"))
            )
    for i, n in enumerate(rules):
        for e in rules[:i]:
            if (e.after, e.met_by) != (n.after, n.met_by) or (e.when is None and n.when is None):
                continue
            classes = cases(model, [e.when, n.when])
            both = next((c.attrs for c in classes or [] if holds(e.when, c.attrs) and holds(n.when, c.attrs)), None)
            if both is None:
                continue
            text = words(
                "diag.W255",
                shown=shown_attrs(both),
                other=e.name,
                line=str(e.span.line),
                column=str(e.span.column),
                after=n.after,
                met_by=n.met_by,
            )
            example = f"when {_negation(e.when or n.when)}"
            out.append(_warn("W255", text, (n.when or n).span, help=words("diag.W255.help", example=example)))
            break
    return out


def _negation(cond: m.Condition | None) -> str:
    """A condition that excludes the first test of ``cond`` (for a help line)."""
    if cond is None or not cond.tests:
        return "..."
    t = cond.tests[0]
    return str(m.AttributeTest(attribute=t.attribute, values=t.values, negated=not t.negated, span=t.span))


def _credits(model: m.PolicyModel) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for svc in model.services:
        if not svc.credits:
            continue
        if svc.availability_target is None:
            out.append(
                _err("E253", words("diag.E253", name=svc.name), svc.credits[0].span, help=words("diag.E253.help"))
            )
            continue
        out += tier_checks(svc.credits, svc.availability_target)
    return out


def tier_checks(credits: Sequence[m.CreditTier], target: float) -> list[Diagnostic]:
    """E253 (two tiers for one figure), W252 (a lower figure owing no more) and W253 (a credit above
    the target) for the credit tiers of one availability target."""
    out: list[Diagnostic] = []
    if credits:
        tiers = sorted(credits, key=lambda t: -t.below)
        for a, b in itertools.pairwise(tiers):
            # (each figure as the policy writes it: `99.0%` is not quoted as `99%`)
            (above, above_credit), (below, credit) = a.figures(), b.figures()
            if a.below == b.below:
                out.append(
                    _err(
                        "E253",
                        words("diag.E253.twice", below=below),
                        b.span,
                        help=words("diag.E253.twice.help"),
                    )
                )
            elif b.credit <= a.credit:
                figures = {"credit": credit, "above": above, "above_credit": above_credit}
                text = words("diag.W252", below=below, **figures)
                out.append(_warn("W252", text, b.span, help=words("diag.W252.help")))
        if tiers[0].below > target:
            text = words("diag.W253", below=tiers[0].figures()[0], target=f"{target:g}")
            out.append(_warn("W253", text, tiers[0].span, help=words("diag.W253.help")))
    return out

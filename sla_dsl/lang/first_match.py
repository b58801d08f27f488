"""Which of an ordered list of ``when`` conditions holds first, worked out piece by piece of the
combinations of attribute values.

Design notes
------------
* The rules of one priority are tried in file order and the first whose
  condition holds applies (:mod:`.conditions`). A condition is a *box*: on
  each attribute it tests, the set of values its tests there allow together
  (the ``and`` of them); an attribute it does not test allows every value. The
  checks of :mod:`.conditions` ask of these boxes which rule is first
  somewhere (W250 when a rule never is), which combinations no rule takes
  (E252: how many, and the first of them), which rule is first at a given
  combination, and which earlier rule overlaps a rule without lying inside
  it (W251).
* :meth:`Space.solve` splits the combinations one attribute at a time, in the
  order of the attributes' names, and only where the rules still in play
  differ: the values of the next attribute that one of them tests fall into
  classes by which of those rules allow them, and each class goes on with the
  rules that allow it. A rule that tests nothing more takes the whole piece,
  and the rules after it drop out of it. So rules ``when customer = cK`` for
  thousands of customers cost one piece each (a rule can only hold where its
  customer is), an attribute that no rule in play tests multiplies nothing,
  and a long ``and`` of tests on one attribute costs its length once. A step
  reads only the values that some test of the rules in play lists: the values
  none lists form one class, found without walking them.
* The pieces are unions of the classes of :func:`.conditions.cases`, disjoint
  and each non-empty, so there are never more pieces than classes; the
  search gives up beyond a number of pieces (the caller's ``MAX_CASES``),
  which therefore refuses no rules that counting classes would have checked.
  The rules that go on into a class are read only when its piece is reached,
  so a search that gives up has read little; the cyclic collector is off
  during the search (:meth:`Space.solve`).
* What the search found stays as a tree of its steps (:class:`Regions`): the
  first rule at one combination is a walk down it, not a try of every rule.
* Overlaps need no pieces: two boxes meet when they meet on every attribute
  both test, and one lies inside another attribute by attribute. The earlier
  rules that may meet a rule are found through the values they allow on the
  attribute the rule narrows most (:meth:`Space.first_overlap`).
* Every answer is the one the enumeration of every combination would give:
  counts are of combinations, and "the first" combination is the first in the
  order of :func:`.conditions.combos` (attributes by name, each one's values in
  the order declared). A piece's values are shown by the first value of each
  class, which is the first such combination.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..files import collector_paused
from . import model as m


@dataclass(frozen=True, slots=True)
class Allowed:
    """The values a condition allows on one attribute, as indices into its values: those ``listed``,
    or with ``co`` every value but those listed."""

    listed: frozenset[int]
    co: bool

    def has(self, value: int) -> bool:
        """Whether ``value`` is allowed."""
        return (value in self.listed) != self.co

    def size(self, count: int) -> int:
        """How many of the attribute's ``count`` values are allowed."""
        return count - len(self.listed) if self.co else len(self.listed)


def _meet(a: Allowed, b: Allowed, count: int) -> bool:
    """Whether some value is allowed by both."""
    if not a.co and not b.co:
        return not a.listed.isdisjoint(b.listed)
    if not a.co:
        return not a.listed <= b.listed
    if not b.co:
        return not b.listed <= a.listed
    return len(a.listed | b.listed) < count


def _within(inner: Allowed, outer: Allowed, count: int) -> bool:
    """Whether every value ``inner`` allows, ``outer`` allows."""
    if not inner.co:
        return inner.listed <= outer.listed if not outer.co else inner.listed.isdisjoint(outer.listed)
    if not outer.co:
        return len(inner.listed | outer.listed) == count
    return outer.listed <= inner.listed


def _first_allowed(allowed: Sequence[Allowed]) -> int:
    """The first value (index) every one of ``allowed`` allows (there is one)."""
    listed = [a.listed for a in allowed if not a.co]
    if listed:
        fewest = min(listed, key=lambda s: len(s))
        return next(v for v in sorted(fewest) if all(a.has(v) for a in allowed))
    v = 0
    while not all(a.has(v) for a in allowed):
        v += 1
    return v


@dataclass(slots=True)
class _Box:
    """A condition in a :class:`Space`: what it allows on each attribute it narrows (by the attribute's
    index), neither every value nor none."""

    tests: dict[int, Allowed]
    #: the attributes it narrows, in order
    attrs: list[int]
    #: some combination meets it
    possible: bool

    @property
    def last(self) -> int:
        """The last attribute it narrows (-1: none, it holds everywhere)."""
        return self.attrs[-1] if self.attrs else -1


@dataclass(slots=True)
class _Split:
    """A step of the search: the classes of attribute ``attr``'s values, each with what follows."""

    attr: int
    #: the class of each value some test listed
    index: dict[int, int]
    #: the class of the other values
    default: int
    children: list[_Node] = field(default_factory=list)


#: A piece: the rule that is first on it (-1: none), or a further :class:`_Split`.
_Node = int | _Split

#: The values chosen on the way to a piece, innermost first: (outer, attribute, value) or None.
_Path = tuple["_Path", int, int] | None


@dataclass(slots=True)
class Regions:
    """What :meth:`Space.solve` found: which rules are first somewhere, and the combinations none takes."""

    #: per rule: some combination takes it first
    taken: list[bool]
    #: how many combinations no rule takes
    unmatched: int
    #: the first of them (None when there is none)
    first_unmatched: dict[str, str] | None
    _root: _Node

    def first_rule(self, point: Sequence[int]) -> int | None:
        """The first rule that holds at ``point`` (a value index per attribute of the space), or None."""
        node = self._root
        while isinstance(node, _Split):
            node = node.children[node.index.get(point[node.attr], node.default)]
        return None if node < 0 else node


class Space:
    """The combinations of values of the attributes that ``conds`` test, and ``conds`` in it as boxes.

    ``domains`` gives each attribute's values in declared order. A condition None holds everywhere.
    """

    def __init__(self, domains: Mapping[str, Sequence[str]], conds: Sequence[m.Condition | None]) -> None:
        self.names = sorted({t.attribute for c in conds if c is not None for t in c.tests})
        self.values = [tuple(domains[n]) for n in self.names]
        self._counts = [len(v) for v in self.values]
        #: no combination at all (an attribute without values)
        self.empty = any(n == 0 for n in self._counts)
        self._where = {n: k for k, n in enumerate(self.names)}
        self._value_index = [{v: i for i, v in reversed(list(enumerate(vs)))} for vs in self.values]
        self._boxes = [self._box(c) for c in conds]
        self._indexes: dict[int, tuple[list[int], list[int], dict[int, list[int]]]] = {}

    def _box(self, cond: m.Condition | None) -> _Box:
        if cond is None:
            return _Box({}, [], not self.empty)
        only: dict[int, set[int]] = {}
        never: dict[int, set[int]] = {}
        for t in cond.tests:
            k = self._where[t.attribute]
            index = self._value_index[k]
            listed = {index[v] for v in t.values if v in index}
            if t.negated:
                never.setdefault(k, set()).update(listed)
            else:
                only[k] = only[k] & listed if k in only else listed
        tests: dict[int, Allowed] = {}
        possible = not self.empty
        for k in sorted(only.keys() | never.keys()):
            out = never.get(k, set())
            if k in only:
                allowed = only[k] - out
                if len(allowed) == self._counts[k]:
                    continue
                possible = possible and bool(allowed)
                tests[k] = Allowed(frozenset(allowed), co=False)
            elif out:
                possible = possible and len(out) < self._counts[k]
                tests[k] = Allowed(frozenset(out), co=True)
        return _Box(tests, sorted(tests), possible)

    def possible(self, i: int) -> bool:
        """Whether some combination meets condition ``i``."""
        return self._boxes[i].possible

    def narrows(self, i: int) -> bool:
        """Whether condition ``i`` leaves out some combination (False: it holds everywhere)."""
        return bool(self._boxes[i].tests) or not self._boxes[i].possible

    def shown(self, point: Sequence[int]) -> dict[str, str]:
        """A combination by the values' names, attribute by attribute in name order."""
        return {n: self.values[k][point[k]] for k, n in enumerate(self.names)}

    def first_point(self, *conds: int) -> list[int]:
        """The first combination that meets every one of ``conds`` (there must be one)."""
        point = [0] * len(self.names)
        for k in sorted({k for i in conds for k in self._boxes[i].tests}):
            point[k] = _first_allowed([self._boxes[i].tests[k] for i in conds if k in self._boxes[i].tests])
        return point

    def holds(self, i: int, point: Sequence[int]) -> bool:
        """Whether condition ``i`` holds at ``point``."""
        return self._boxes[i].possible and all(a.has(point[k]) for k, a in self._boxes[i].tests.items())

    # ---- pairs --------------------------------------------------------------------------------------

    def meet(self, i: int, j: int) -> bool:
        """Whether some combination meets both conditions."""
        bi, bj = self._boxes[i], self._boxes[j]
        if not (bi.possible and bj.possible):
            return False
        small, large = (bi.tests, bj.tests) if len(bi.tests) <= len(bj.tests) else (bj.tests, bi.tests)
        for k, a in small.items():
            b = large.get(k)
            if b is not None and not _meet(a, b, self._counts[k]):
                return False
        return True

    def inside(self, inner: int, outer: int) -> bool:
        """Whether every combination that meets condition ``inner`` meets ``outer`` (both possible)."""
        tests = self._boxes[inner].tests
        for k, a in self._boxes[outer].tests.items():
            b = tests.get(k)
            if b is None or not _within(b, a, self._counts[k]):
                return False
        return True

    def first_overlap(self, i: int) -> int | None:
        """The first condition before ``i`` that some combination meets together with ``i`` and that
        does not lie inside ``i`` (None: none)."""
        box = self._boxes[i]
        if not box.tests or not box.possible:
            return None  # every condition lies inside one that holds everywhere
        a = min(box.attrs, key=lambda k: box.tests[k].size(self._counts[k]))
        allowed = box.tests[a]
        untested, co, by_value = self._index(a)
        streams: list[Iterable[int]] = [untested, co]
        if allowed.co:
            streams += by_value.values()
        else:
            streams += (by_value.get(v, ()) for v in allowed.listed)
        seen = -1
        for j in heapq.merge(*streams):
            if j >= i:
                break
            if j != seen and self.meet(i, j) and not self.inside(j, i):
                return j
            seen = j
        return None

    def _index(self, k: int) -> tuple[list[int], list[int], dict[int, list[int]]]:
        """The possible conditions, in order, that do not narrow attribute ``k``; those that allow all
        values but some; and by value, those that allow only some values."""
        found = self._indexes.get(k)
        if found is None:
            untested: list[int] = []
            co: list[int] = []
            by_value: dict[int, list[int]] = {}
            for i, box in enumerate(self._boxes):
                a = box.tests.get(k)
                if not box.possible:
                    continue
                if a is None:
                    untested.append(i)
                elif a.co:
                    co.append(i)
                else:
                    for v in a.listed:
                        by_value.setdefault(v, []).append(i)
            found = self._indexes[k] = (untested, co, by_value)
        return found

    # ---- the first rule, piece by piece ---------------------------------------------------------------

    def solve(self, limit: int) -> Regions | None:
        """Which condition holds first on each piece of the combinations (None beyond ``limit`` pieces).

        The cyclic collector is off meanwhile: the search makes no cycles, and with thousands of pieces
        waiting it would walk them over and over (ten times the search's own time, in the language
        server, which leaves it on)."""
        with collector_paused():
            return self._solve(limit)

    def _solve(self, limit: int) -> Regions | None:
        boxes = self._boxes
        counts = self._counts
        beyond = [1] * (len(counts) + 1)  # how many combinations of the attributes from k on
        for k in reversed(range(len(counts))):
            beyond[k] = beyond[k + 1] * counts[k]
        taken = [False] * len(boxes)
        if self.empty:
            return Regions(taken, 0, None, -1)
        everywhere = [i for i, b in enumerate(boxes) if b.possible]
        root: list[_Node] = [-1]
        # (attribute to go on from, the rules in play there (read when the piece is reached), ...)
        stack: list[tuple[int, Iterable[int], int, _Path, list[_Node], int]] = [(0, everywhere, 1, None, root, 0)]
        pieces = unmatched = 0
        first: _Path = None
        found = False
        while stack:
            at, going, weight, path, parent, slot = stack.pop()
            rules = _until_taken(going, boxes, at - 1)
            if not rules or boxes[rules[0]].last < at:  # a piece: none holds, or the first holds on all of it
                pieces += 1
                if pieces > limit:
                    return None
                if rules:
                    taken[rules[0]] = True
                    parent[slot] = rules[0]
                else:
                    unmatched += weight * beyond[at]
                    if not found:
                        first, found = path, True
                continue
            # the next attribute a rule in play narrows (the last rule may narrow none)
            a = min(boxes[i].attrs[bisect_left(boxes[i].attrs, at)] for i in rules if boxes[i].last >= at)
            weight *= beyond[at] // beyond[a]  # the attributes skipped take any value
            split, children = self._split(a, rules)
            parent[slot] = split
            for c in reversed(range(len(children))):
                value, size, following = children[c]
                stack.append((a + 1, following, weight * size, (path, a, value), split.children, c))
        point = [0] * len(self.names)
        while first is not None:
            first, k, v = first
            point[k] = v
        return Regions(taken, unmatched, self.shown(point) if found else None, root[0])

    def _split(self, a: int, rules: list[int]) -> tuple[_Split, list[tuple[int, int, Iterable[int]]]]:
        """The classes of attribute ``a``'s values by which of ``rules`` allow them, in the order of their
        first values: (first value, size, the rules that go on, in order and read lazily: a search given
        up reads few of them), and the step that picks the class."""
        boxes = self._boxes
        passing: list[int] = []  # the rules that do not narrow ``a``
        only: dict[int, list[int]] = {}  # value -> the rules that allow only some values, this one among them
        but: dict[int, list[int]] = {}  # value -> the rules that allow every value but some, not this one
        co: list[int] = []
        for i in rules:
            allowed = boxes[i].tests.get(a)
            if allowed is None:
                passing.append(i)
                continue
            if allowed.co:
                co.append(i)
            for v in allowed.listed:
                (but if allowed.co else only).setdefault(v, []).append(i)
        listed = sorted(only.keys() | but.keys())
        classes: dict[tuple[tuple[int, ...], tuple[int, ...]], list[int]] = {}  # -> [first value, size]
        for v in listed:
            key = (tuple(only.get(v, ())), tuple(but.get(v, ())))
            found = classes.get(key)
            if found is None:
                classes[key] = [v, 1]
            else:
                found[1] += 1
        others = self._counts[a] - len(listed)
        if others:
            first = 0
            while first < len(listed) and listed[first] == first:
                first += 1
            classes[((), ())] = [first, others]
        ordered = sorted(classes.items(), key=lambda kv: kv[1][0])
        number = {key: c for c, (key, _) in enumerate(ordered)}
        index = {v: number[(tuple(only.get(v, ())), tuple(but.get(v, ())))] for v in listed}
        split = _Split(a, index, number.get(((), ()), -1), [-1] * len(ordered))
        children: list[tuple[int, int, Iterable[int]]] = [
            (value, size, _going(passing, allow, co, deny)) for (allow, deny), (value, size) in ordered
        ]
        return split, children


def _going(passing: list[int], allow: Sequence[int], co: list[int], deny: Sequence[int]) -> Iterator[int]:
    """In order: the rules that do not narrow the attribute split, those that allow only some values,
    this class among them (``allow``), and those that allow all but some, not this class (``deny``)."""
    denied = frozenset(deny)
    return heapq.merge(passing, allow, (i for i in co if i not in denied))


def _until_taken(rules: Iterable[int], boxes: Sequence[_Box], at: int) -> list[int]:
    """``rules`` up to the first that narrows no attribute after ``at`` (it takes whatever is left)."""
    out: list[int] = []
    for i in rules:
        out.append(i)
        if boxes[i].last <= at:
            break
    return out

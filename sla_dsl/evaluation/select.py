"""Which rules judge an incident, chosen by the attributes it carries.

Design notes
------------
* An incident's attributes are those of its ``incident.reported`` event, read
  under the version in force at its clock start (like the priority); an
  attribute it does not give takes the version's default. The rule of each
  priority id is the first in file order whose ``when`` holds
  (:mod:`sla_dsl.lang.conditions`).
* ``Rules.priorities`` of a version already holds the rules for default
  attributes, so an incident without attributes needs nothing from here. One
  with attributes is judged under a *view* of the version's :class:`Rules`
  whose ``priorities`` are the rules its attributes select: every part of the
  evaluator that looks up ``rules.priorities[priority]`` then reads the right
  rule, and a reprioritised incident finds the new priority's rule for the
  same attributes. Views are shared by the attribute sets that select the same
  rules.
* The columnar path judges buckets of one (version, priority) under the
  version's own rules, so incidents whose attributes select other rules are
  handed to the per-incident path (:func:`hand_off`); the two paths stay
  byte-identical (a property test runs both on random logs with attributes).
* Event checks (before judging, with the other checks of the log): an
  attribute no version declares is E128, a value its declaration does not list
  is E129, each naming the event's line.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import orjson
from numpy.typing import NDArray

from ..events.problems import Problem
from ..events.schema import CODE, EventLog, Rec
from ..lang import conditions
from ..lang import model as m
from .common import Rules, Versions

REPORTED = CODE["incident.reported"]

_DECODED: dict[str, dict[str, str]] = {}


def attributes_of(payload: tuple[Any, ...]) -> dict[str, str]:
    """The attributes an ``incident.reported`` payload carries (empty when none)."""
    text = payload[2] if len(payload) > 2 else None
    if text is None:
        return {}
    hit = _DECODED.get(text)
    if hit is None:
        hit = orjson.loads(text)
        if len(_DECODED) < 10_000:
            _DECODED[text] = hit
    return hit


def assignment(rules: Rules, attrs: dict[str, str]) -> dict[str, str]:
    """``attrs`` completed with the version's defaults (attributes it does not declare are left out)."""
    full = conditions.defaults(rules.model)
    full.update((k, v) for k, v in attrs.items() if k in full)
    return full


def chosen(rules: Rules, pid: str, attrs: dict[str, str]) -> m.Priority | None:
    """The rule of priority ``pid`` that applies to an incident with ``attrs`` under ``rules``."""
    return conditions.select([p for p in rules.model.priorities if p.id == pid], assignment(rules, attrs))


def explain(rules: Rules, pid: str, attrs: dict[str, str], lang: str = "en") -> str | None:
    """Why that rule applies, when the priority has conditional rules (None otherwise)."""
    if not any(p.when is not None for p in rules.model.priorities if p.id == pid):
        return None
    rule = chosen(rules, pid, attrs)
    return conditions.reason(rule, assignment(rules, attrs), lang) if rule is not None else None


def rules_for(rules: Rules, payload: tuple[Any, ...]) -> Rules:
    """The rules that judge an incident reported with ``payload`` (the version's own when nothing differs)."""
    attrs = attributes_of(payload)
    if not attrs or not rules.model.attributes:
        return rules
    picked = {pid: chosen(rules, pid, attrs) for pid in rules.priorities}
    if all(picked[pid] is rules.priorities[pid] for pid in picked):
        return rules
    views: dict[tuple[int, ...], Rules] = rules.__dict__.setdefault("_views", {})
    key = tuple(id(p) for p in picked.values())
    view = views.get(key)
    if view is None:
        view = copy.copy(rules)
        view.priorities = {pid: p or rules.priorities[pid] for pid, p in picked.items()}
        views[key] = view
    return view


def conditional(versions: Versions) -> bool:
    """Whether any version has a rule with a ``when`` condition."""
    return any(p.when is not None for r in versions.rules for p in r.model.priorities)


def hand_off(versions: Versions, slow: NDArray[np.bool_], plain: NDArray[np.int64], payloads: list[Any]) -> Any:
    """For the columnar path: mark as slow the plain incidents whose attributes select other rules
    than the defaults in some version (those that select the defaults stay on columns).

    ``plain`` are the positions of the plain incidents and ``payloads`` their report's payloads;
    returns them without those handed to the per-incident path.
    """
    if not conditional(versions):
        return plain, payloads
    same: dict[str, bool] = {}  # attributes text -> selects every version's default rules

    def default(text: str) -> bool:
        hit = same.get(text)
        if hit is None:
            hit = same[text] = all(rules_for(r, (None, None, text)) is r for r in versions.rules)
        return hit

    keep = [k for k, pl in enumerate(payloads) if len(pl) < 3 or pl[2] is None or default(pl[2])]
    if len(keep) == len(payloads):
        return plain, payloads
    gone = np.setdiff1d(np.arange(len(payloads)), np.array(keep, dtype=np.int64))
    slow[plain[gone]] = True
    return plain[np.array(keep, dtype=np.int64)], [payloads[k] for k in keep]


def check_attributes(versions: Versions, log: EventLog) -> None:
    """File E128 (undeclared attribute) and E129 (undeclared value) for each report that has one,
    and take those events out of the log (as the other checks of the log do)."""
    declared: dict[str, set[str]] = {}
    for version in versions.rules:
        for a in version.model.attributes:
            declared.setdefault(a.name, set()).update(a.values)
    seen: set[str] = set()
    bad: set[str] = set()
    for recs in log.incidents.values():
        for r in recs:
            if r[1] == REPORTED and len(r[2]) > 2 and r[2][2] is not None and r[2][2] not in seen:
                seen.add(r[2][2])
                if _problems(declared, attributes_of(r[2])):
                    bad.add(r[2][2])
    if not bad:
        return
    for ident in [i for i, recs in log.incidents.items() if any(_is_bad(r, bad) for r in recs)]:
        recs = log.incidents[ident]
        keep: list[Rec] = []
        for r in recs:
            if not _is_bad(r, bad):
                keep.append(r)
                continue
            for code, message, help in _problems(declared, attributes_of(r[2])):
                log.problems.append(Problem(log.source, r[3], code, message, help))
        log.count -= len(recs) - len(keep)
        if keep:
            log.incidents[ident] = keep
        else:
            del log.incidents[ident]


def _is_bad(r: Rec, bad: set[str]) -> bool:
    return r[1] == REPORTED and len(r[2]) > 2 and r[2][2] in bad


def _problems(declared: dict[str, set[str]], attrs: dict[str, str]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for name, value in attrs.items():
        values = declared.get(name)
        if values is None:
            known = ", ".join(f"`{n}`" for n in sorted(declared))
            out.append(
                (
                    "E128",
                    f"unknown attribute `{name}` in `incident.reported`",
                    f"the policy declares the attributes {known}"
                    if declared
                    else "the policy declares no attributes: declare it with `attribute "
                    f"{name} {{ values ... }}` or leave it out of the event",
                )
            )
        elif value not in values:
            listed = ", ".join(f"`{v}`" for v in sorted(values))
            out.append(
                (
                    "E129",
                    f"unknown value `{value}` of attribute `{name}` in `incident.reported`",
                    f"its values are {listed}",
                )
            )
    return out


_NOTES: dict[tuple[int, str], tuple[Rules, list[Any]]] = {}


def rule_steps(rules: Rules, pid: str, ref: str | None) -> list[Any]:
    """The explanation step saying which rule of ``pid`` applies and why (none without conditions)."""
    hit = _NOTES.get((id(rules), pid))
    if hit is not None and hit[0] is rules:
        return hit[1]
    all_rules = [p for p in rules.model.priorities if p.id == pid]
    rule = rules.priorities.get(pid)
    out: list[Any] = []
    if rule is not None and any(p.when is not None for p in all_rules):
        which = f"`when {rule.when}`" if rule.when is not None else "without a condition"
        n = all_rules.index(rule) + 1 if rule in all_rules else 0
        out.append(
            {
                "text": f"the rule of {pid} {which} (line {rule.span.line}) applies: rule {n} of {len(all_rules)}, "
                "the first whose condition the incident's attributes meet",
                "at": None,
                "ref": ref,
            }
        )
    if len(_NOTES) > 1000:
        _NOTES.clear()
    _NOTES[(id(rules), pid)] = (rules, out)
    return out

"""Judging keeps nothing of a call once its result is dropped: a service embedding the Python API (or
``sla serve``, which judges on every look) does not grow with every call.

Each module of the evaluator memoised what it works out once per version (its walks, its words, its event
codes) in a table of its own keyed by ``id(rules)`` and holding the :class:`~sla_dsl.evaluation.common.Rules`,
which every call makes anew, and through them the policy: 500 calls on the example month grew a process
from 88 to 273 MiB, and a policy loaded for each call was never freed. Those memos live on the rules now
(:class:`~sla_dsl.evaluation.common.Memo`) and die with them; an article's words are kept by its number, a
report's words of a rule by the words themselves. These tests count objects, never memory or time.
"""

from __future__ import annotations

import copy
import gc
import pickle
import weakref
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.evaluation.common import Rules, Versions
from sla_dsl.evaluation.incident_rows import words_of
from sla_dsl.evaluation.select import rule_steps
from sla_dsl.policy import Policy
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import ROOT

MONTH = ("2026-11-01", "2026-12-01")
EXAMPLES = ROOT / "policies" / "examples"
PLANS = EXAMPLES / "plans.sla"
#: the example month (incidents and outages by columns, explanations with walks over business hours, the
#: same-day guideline, outage notices), the help desk's (one incident at a time: completion rules), and the
#: plans' (rules chosen by an incident's attributes: views of a version)
CASES = {
    "example month": (ROOT / "policies" / "clicksoko.sla", ROOT / "examples" / "events-2026-11.jsonl"),
    "help desk": (EXAMPLES / "helpdesk.sla", EXAMPLES / "helpdesk-events.jsonl"),
    "plans": (PLANS, EXAMPLES / "plans.jsonl"),
}


def fresh(path: Path) -> Policy:
    """A policy of this test's own (read from its text: no other test holds it)."""
    return sla_dsl.load_policy(path.read_text("utf-8"))


def judged(policy: Policy, log: Path) -> Report:
    """The month judged, its explanations built (what a service sends)."""
    report = sla_dsl.evaluate(policy, log, *MONTH)
    assert report.model_dump_json()
    return report


def rules_of(policy: Policy) -> list[Rules]:
    """Every live :class:`Rules` of ``policy`` (a version or a view of one)."""
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, Rules) and o.policy is policy]


@pytest.mark.parametrize("case", CASES)
def test_a_policy_and_its_rules_are_freed_with_the_result(case: str) -> None:
    path, log = CASES[case]
    policy = fresh(path)
    model = policy.model
    report = judged(policy, log)
    held = rules_of(policy)
    assert held  # (the report's verdicts keep the rules that judged them, while it lives)
    # what the evaluator memoised by identity: the rules, and the policy's completion rules and articles
    nodes: list[Any] = [p.completion for p in model.priorities] + [p.ref for p in model.priorities if p.ref]
    refs = [weakref.ref(o) for o in [policy, model, *held, *nodes]]
    del report, policy, model, held, nodes
    gc.collect()
    assert [r() for r in refs if r() is not None] == []


@pytest.mark.parametrize("case", CASES)
def test_many_calls_with_one_policy_keep_no_more_than_one(case: str) -> None:
    path, log = CASES[case]
    policy = fresh(path)
    judged(policy, log)
    after_one = len(rules_of(policy))
    for _ in range(5):
        judged(policy, log)
    assert (after_one, len(rules_of(policy))) == (0, 0)


def test_rendering_a_report_read_back_keeps_no_policy() -> None:
    """The words of a row read back from JSON find the rule that judged it by its due time (two rules of
    P1 in the plans' policy), memoised with the report's words, not for the process."""
    report = Report.model_validate_json(judged(fresh(PLANS), CASES["plans"][1]).model_dump_json())
    policy = fresh(PLANS)
    ref = weakref.ref(policy)
    assert render(report, "text", lang="en", policies=[policy]).startswith("Plans example: service level report")
    del policy
    gc.collect()
    assert ref() is None


def test_a_view_of_a_version_memoises_its_own_words() -> None:
    """A view (another rule of a priority chosen) shares the version's attributes but not its memos: its
    words and its rule's step are its rule's."""
    policy = fresh(PLANS)
    rules = Versions([policy]).rules[0]
    mine = rules.priorities["P1"]  # (the rule for default attributes: the standard plan's)
    premium = next(r for r in policy.model.rules_of("P1") if r is not mine)
    assert words_of(rules, "P1").priority is mine
    steps = rule_steps(rules, "P1", None)
    view = copy.copy(rules)
    view.priorities = {**rules.priorities, "P1": premium}
    assert (view.policy, view.model) == (rules.policy, rules.model)
    assert words_of(view, "P1").priority is premium
    assert words_of(rules, "P1").priority is mine
    assert rule_steps(view, "P1", None) != steps
    assert rule_steps(rules, "P1", None) == steps


def test_rules_pickle_without_their_memos() -> None:
    """Rules pickled (a partial judged by a worker holds them) leave their memos behind, which the reader
    works out anew: a memo's kind is made by a function of its module, not something to pickle."""
    rules = Versions([fresh(PLANS)]).rules[0]
    mine = words_of(rules, "P1")
    back = pickle.loads(pickle.dumps(rules))
    assert back.version == rules.version
    assert words_of(back, "P1") == mine

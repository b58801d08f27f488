"""A priority is looked up by its id without a pass over all of the policy's rules (QA: a policy of 8,000
priorities took 20 s to report, each priority or incident scanning them all). Each test counts the passes
over ``PolicyModel.priorities`` while every priority is looked up: at most one (building the index)."""

from __future__ import annotations

import pickle
from functools import cache
from pathlib import Path
from typing import Any

import sla_dsl
from sla_dsl.evaluation.common import Rules
from sla_dsl.evaluation.incident_rows import rule_position
from sla_dsl.evaluation.select import rule_steps, rules_for
from sla_dsl.lang import model as lm
from sla_dsl.policy import Policy
from sla_dsl.report.conditions import priority_targets
from sla_dsl.report.words import PolicyWords

ROOT = Path(__file__).resolve().parents[2]
#: extra priority ids, each with a rule for premium customers and one for the rest
IDS = [f"Q{n}" for n in range(60)]
RULES = "".join(
    f'priority {pid} "{pid}" {{\n  when plan = premium\n  respond within 1 hour\n}}\n\n'
    f'priority {pid} "{pid}" {{\n  respond within {n % 5 + 2} hours\n}}\n\n'
    for n, pid in enumerate(IDS)
)


class Passes(tuple):  # type: ignore[type-arg]
    """The rules of a policy, counting the passes over them."""

    passes = 0

    def __iter__(self) -> Any:
        self.passes += 1
        return super().__iter__()


@cache
def policy() -> Policy:
    text = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
    return sla_dsl.load_policy(text + "\n" + RULES)


def counted() -> tuple[lm.PolicyModel, Passes]:
    """A copy of the policy's model (its own index, built on first use) whose rules count their passes."""
    rules = Passes(policy().model.priorities)
    return policy().model.model_copy(update={"priorities": rules}), rules


def test_the_rule_for_default_attributes_is_looked_up_without_a_pass_each() -> None:
    model, rules = counted()
    chosen = [model.priority(pid) for pid in IDS * 2]
    assert rules.passes <= 1
    assert [p.when for p in chosen] == [None] * len(chosen)  # (plan defaults to standard: the second rule)
    assert [p.target.duration.amount for p in chosen[:3]] == [2, 3, 4]  # type: ignore[union-attr]


def test_the_rules_of_an_id_are_looked_up_without_a_pass_each() -> None:
    model, rules = counted()
    found = {pid: model.rules_of(pid) for pid in IDS}
    assert rules.passes <= 1
    assert all([p.when is not None for p in same] == [True, False] for same in found.values())
    assert model.rules_of("P1") == tuple(p for p in policy().model.priorities if p.id == "P1")
    assert model.rules_of("nope") == ()


def test_the_explanation_of_the_rule_applied_needs_no_pass_each() -> None:
    model, rules = counted()
    version = Rules(policy())
    version.model = model
    steps = [rule_steps(version, pid, None) for pid in IDS]
    assert rules.passes <= 1
    assert all("rule 2 of 2" in step[0]["text"] for step in steps)


def test_the_position_of_the_rule_a_row_names_needs_no_pass_each() -> None:
    model, rules = counted()
    version = Rules(policy())
    version.model = model
    positions = [rule_position(version, pid) for pid in IDS * 2]
    assert rules.passes <= 1
    assert positions == [1] * len(positions)  # (default attributes: the second rule of each id)


def test_the_rules_an_incidents_attributes_choose_need_no_pass_per_incident() -> None:
    model, rules = counted()
    version = Rules(policy())
    version.model = model
    payload = (None, None, '{"plan": "premium"}')
    views = [rules_for(version, payload) for _ in range(50)]
    assert rules.passes <= 1
    assert all(v is views[0] for v in views) and views[0] is not version
    assert all(views[0].priorities[pid].when is not None for pid in IDS)  # the premium rules
    assert rules_for(version, (None, None, '{"plan": "standard"}')) is version  # the defaults: the version's own


def test_the_report_words_of_a_priorities_targets_need_no_pass_each() -> None:
    model, rules = counted()
    words = PolicyWords([policy()], "en")
    words.model = model
    said = [priority_targets(words, pid) for pid in IDS]
    assert rules.passes <= 1
    first = said[0] or ""
    assert first.startswith("Plan is Premium: within 1 hour; ") and first.endswith(": within 2 hours")


def test_the_index_is_no_part_of_the_models_value() -> None:
    """Kept beside the model, not in it: equality, pickling and copies are as before."""
    model = policy().model
    fresh = sla_dsl.load_policy((ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8") + "\n" + RULES)
    model.priority("P1")
    assert model == fresh.model and pickle.loads(pickle.dumps(model)) == model
    other = model.model_copy(update={"priorities": model.rules_of("Q1")})
    assert other.rules_of("P1") == () and [p.id for p in other.rules_of("Q1")] == ["Q1", "Q1"]

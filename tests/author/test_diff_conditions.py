"""``sla diff`` compares conditions by what they match, not by how they are written.

A QA finding: ``when plan != standard`` rewritten ``when plan in (premium, gold)`` (the plan's values being
standard, premium and gold) was told as one rule of P1 removed and another added, in the author's text and in
the customers' change notice, while ``plan not in (standard)`` was no change: rules were matched by their
condition's text in canonical form. A condition is now what it matches, the combinations of the declared values
it holds for, in a rule of a priority, a notify rule and an availability target alike. Where a value is added,
OLD's condition as written and NEW's may part for that value only: the rule is then the same rule with its
condition changed, and the change says for whom.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sla_dsl.authoring.diff_changes import Change
from sla_dsl.authoring.semdiff import diff_models, render_json, render_markdown, render_text
from sla_dsl.cli import main
from sla_dsl.lang import model as m
from sla_dsl.lang.conditions import holds
from sla_dsl.policy import compile_text

# the finding's policy (with a clock `response`: the plain response target is no longer measured on a clock
# that stops, E242)
FINDING = """sla "M" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
}
attribute plan {
  values standard, premium, gold
  default standard
}
calendar business {
  days mon..fri
  hours 09:00-18:00
}
clock response {
  starts at incident.reported
}
clock resolution {
  starts at incident.reported
  stops at incident.resolved
}
priority P1 "Urgent (premium)" {
  when plan != standard
  respond within 1 hour
  resolve within 2 hours on resolution
}
priority P1 "Urgent" {
  respond within 4 business hours
  resolve within 8 business hours on resolution
}
"""
VALUES = "values standard, premium, gold"
PLATINUM = "values standard, premium, gold, platinum"

# the same with labels in both languages, as a notice to customers names them
LABELLED = (
    FINDING.replace("languages en", "languages ja, en")
    .replace(
        "attribute plan {\n  values standard, premium, gold\n",
        'attribute plan "契約プラン" / "Plan" {\n'
        '  value standard "スタンダード" / "Standard"\n'
        '  value premium "プレミアム" / "Premium"\n'
        '  value gold "ゴールド" / "Gold"\n',
    )
    .replace('priority P1 "Urgent (premium)"', 'priority P1 "緊急（上位プラン）" / "Urgent (premium)"')
    .replace('priority P1 "Urgent"', 'priority P1 "緊急" / "Urgent"')
    .replace("calendar business {", 'calendar business "営業日" / "Business days" {')
    .replace("clock response {", 'clock response "応答" / "Response" {')
    .replace("clock resolution {", 'clock resolution "解決" / "Resolution" {')
)
LABELLED_PLATINUM = '  value gold "ゴールド" / "Gold"\n  value platinum "プラチナ" / "Platinum"\n'


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _when(text: str, condition: str) -> str:
    assert text.count("when plan != standard") == 1
    return text.replace("when plan != standard", f"when {condition}")


def _all_forms(old: m.PolicyModel, new: m.PolicyModel) -> dict[str, str]:
    changes = diff_models(old, new)
    return {
        f"{form}-{lang}": render(old, new, changes, lang)
        for form, render in (("text", render_text), ("markdown", render_markdown), ("json", render_json))
        for lang in ("en", "ja")
    }


# ---- the finding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "condition",
    [
        "plan in (premium, gold)",
        "plan in (gold, premium)",
        "plan not in (standard)",
        "plan in (premium, gold, standard) and plan != standard",
        "plan != standard and plan in (gold, premium, standard)",
        "plan in (premium, gold) and plan in (gold, premium)",
    ],
)
def test_an_equivalent_condition_is_no_change(condition: str) -> None:
    old, new = _model(FINDING), _model(_when(FINDING, condition))
    assert diff_models(old, new) == []
    said = _all_forms(old, new)
    assert said["text-en"] == "no change in meaning\n"
    assert said["text-ja"] == "意味の変更はありません\n"
    assert said["markdown-en"].rstrip().endswith("There is no change in substance.")
    assert said["markdown-ja"].rstrip().endswith("変更内容はありません。")
    assert '"equal": true' in said["json-en"]


def test_the_finding_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``sla diff d_old.sla d_new.sla``, in text and markdown, in English and Japanese."""
    old, new = tmp_path / "d_old.sla", tmp_path / "d_new.sla"
    old.write_text(FINDING, "utf-8")
    new.write_text(_when(FINDING, "plan in (premium, gold)"), "utf-8")
    for args in ([], ["--format", "markdown"], ["--lang", "ja"], ["--format", "markdown", "--lang", "ja"]):
        assert main(["diff", "--exit-code", *args, str(old), str(new)]) == 0
        out = capsys.readouterr().out
        assert "removed" not in out and "new P1" not in out and "削除" not in out and "追加" not in out, out
        assert any(
            s in out for s in ("no change", "There is no change", "意味の変更はありません", "変更内容はありません")
        )


def test_another_condition_is_still_a_rule_removed_and_one_added() -> None:
    old, new = _model(FINDING), _model(_when(FINDING, "plan = premium"))
    assert [(c.op, c.key) for c in diff_models(old, new)] == [
        ("added", "P1 when plan = premium"),
        ("removed", "P1 when plan != standard"),
    ]


def test_a_rule_that_matches_what_an_earlier_one_matches_never_counted() -> None:
    """Of two rules of one priority that match the same, the second never applied: dropping it is no change
    (as for two rules of the same text)."""
    dead = 'priority P1 "Never" {\n  when plan in (gold, premium)\n  respond within 3 hours\n}\n'
    with_dead = FINDING.replace('priority P1 "Urgent" {', dead + 'priority P1 "Urgent" {')
    assert diff_models(_model(with_dead), _model(FINDING)) == []
    assert diff_models(_model(FINDING), _model(with_dead)) == []


# ---- a value added --------------------------------------------------------------------------------


def _platinum(text: str, condition: str) -> str:
    return (
        _when(text, condition)
        .replace(VALUES, PLATINUM)
        .replace('  value gold "ゴールド" / "Gold"\n', LABELLED_PLATINUM)
    )


def test_a_value_added_parts_what_was_the_same_condition() -> None:
    """``!= standard`` held for platinum as written; ``in (premium, gold)`` does not: not "no change", nor a
    rule removed and another added, but the rule's condition changed, for platinum."""
    old, new = _model(FINDING), _model(_platinum(FINDING, "plan in (premium, gold)"))
    changes = diff_models(old, new)
    assert [(c.op, c.section, c.key, c.field) for c in changes] == [
        ("changed", "priority", "P1 when plan in (gold, premium)", "when"),
        ("changed", "attribute", "plan", "values"),
    ]
    (rule, _) = changes
    assert [(d.key, [str(c) for c in d.whom]) for d in rule.details] == [("applies_not", ["plan = platinum"])]
    said = _all_forms(old, new)
    assert said["text-en"].splitlines()[0] == (
        "~ P1 Urgent (premium) (when plan is one of premium, gold) condition: plan is not standard"
        " -> plan is one of premium, gold"
        " (does not apply where plan is platinum)"
    )
    assert said["text-ja"].splitlines()[0] == (
        "~ P1 Urgent (premium)（planがpremium・goldのいずれかの場合）の適用条件：planがstandard以外 → "
        "planがpremium・goldのいずれか（planがplatinumの場合は対象外）"
    )
    assert "- P1 Urgent (premium) (when plan is one of premium, gold) condition: " in said["markdown-en"]
    assert "(does not apply where plan is platinum)" in said["markdown-en"]
    assert "（planがplatinumの場合は対象外）" in said["markdown-ja"]
    assert "does not apply where plan is platinum" in said["json-en"]
    for text in said.values():
        assert "no change" not in text and "removed" not in text and "削除" not in text


def test_a_value_added_said_for_customers_with_the_labels() -> None:
    old, new = _model(LABELLED), _model(_platinum(LABELLED, "plan in (premium, gold)"))
    changes = diff_models(old, new)
    ja = render_markdown(old, new, changes, "ja")
    en = render_markdown(old, new, changes, "en")
    assert (
        "- P1 緊急（上位プラン）（契約プランがプレミアム・ゴールドのいずれかの場合）の適用条件："
        "契約プランがスタンダード以外 → 契約プランがプレミアム・ゴールドのいずれか"
        "（契約プランがプラチナの場合は対象外）"
    ) in ja
    assert "(does not apply where Plan is Platinum)" in en


def test_a_value_added_that_a_rule_now_also_takes() -> None:
    two = FINDING.replace(VALUES, "values standard, premium")
    old = _model(_when(two, "plan = premium"))
    new = _model(_when(two, "plan in (premium, platinum)").replace("values standard, premium", PLATINUM))
    (rule, _) = diff_models(old, new)
    assert [(d.key, [str(c) for c in d.whom]) for d in rule.details] == [("applies_also", ["plan = platinum"])]
    assert "(now also applies where plan is platinum)" in render_text(old, new, [rule], "en")
    assert "（planがplatinumの場合にも適用）" in render_text(old, new, [rule], "ja")


def test_a_value_added_that_both_conditions_hold_for_is_no_change_of_the_rule() -> None:
    old, new = _model(FINDING), _model(_platinum(FINDING, "plan in (premium, gold, platinum)"))
    assert [(c.section, c.field) for c in diff_models(old, new)] == [("attribute", "values")]
    old, new = _model(FINDING), _model(_platinum(FINDING, "plan not in (standard)"))
    assert [(c.section, c.field) for c in diff_models(old, new)] == [("attribute", "values")]


def test_a_value_removed_is_said_by_the_attribute_alone() -> None:
    """No incident of NEW carries gold: what OLD's condition said of it is no change of the rule."""
    old = _model(_when(FINDING, "plan in (premium, gold)"))
    new = _model(_when(FINDING, "plan = premium").replace(VALUES, "values standard, premium"))
    assert [(c.section, c.field) for c in diff_models(old, new)] == [("attribute", "values")]


# ---- random conditions, rewritten --------------------------------------------------------------------

POLICY = """sla "R" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
}
attribute a {
  values A_VALUES
}
attribute b {
  values B_VALUES
}
calendar business {
  days mon..fri
  hours 09:00-18:00
}
service web {
  hours business
  availability target 99.9% monthly when WHEN
  availability target 99.5% monthly
}
priority P1 "Special" {
  when WHEN
  respond within 1 hour
}
priority P1 "General" {
  respond within 4 business hours
}
notify first "First report" {
  when WHEN
  within 30 minutes after outage.started
  met by outage.notified
}
"""

Test = tuple[str, tuple[str, ...], bool]  # (attribute, values, negated)


def _written(tests: list[Test]) -> str:
    parts = []
    for name, values, negated in tests:
        if len(values) == 1:
            parts.append(f"{name} {'!=' if negated else '='} {values[0]}")
        else:
            parts.append(f"{name} {'not in' if negated else 'in'} ({', '.join(values)})")
    return " and ".join(parts)


def _policy(domains: dict[str, list[str]], tests: list[Test]) -> str:
    return (
        POLICY.replace("A_VALUES", ", ".join(domains["a"]))
        .replace("B_VALUES", ", ".join(domains["b"]))
        .replace("WHEN", _written(tests))
    )


def _allowed(domains: dict[str, list[str]], tests: list[Test]) -> dict[str, set[str]]:
    """The values each attribute's tests allow together (the reference: plain sets)."""
    out = {name: set(values) for name, values in domains.items()}
    for name, values, negated in tests:
        out[name] = out[name] - set(values) if negated else out[name] & set(values)
    return out


@st.composite
def _domains(draw: st.DrawFn) -> dict[str, list[str]]:
    return {name: [f"{name}{k}" for k in range(draw(st.integers(2, 3)))] for name in ("a", "b")}


def _some(draw: st.DrawFn, values: list[str] | set[str], min_size: int = 1) -> tuple[str, ...]:
    """Some of ``values``, in any order."""
    pool = sorted(values)
    return tuple(draw(st.permutations(draw(st.lists(st.sampled_from(pool), min_size=min_size, unique=True)))))


@st.composite
def _condition(draw: st.DrawFn, domains: dict[str, list[str]]) -> list[Test]:
    tests = []
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(["a", "b"]))
        tests.append((name, _some(draw, domains[name]), draw(st.booleans())))
    return tests


@st.composite
def _rewritten(draw: st.DrawFn, domains: dict[str, list[str]], tests: list[Test]) -> list[Test]:
    """Tests that allow what ``tests`` allow, written another way: ``in`` as ``not in`` the others, one test
    as two, tests that allow every value left out or written, in another order, one written twice."""
    allowed = _allowed(domains, tests)
    out: list[Test] = []
    if not all(allowed.values()):  # nothing: any contradiction
        name = draw(st.sampled_from(["a", "b"]))
        value = draw(st.sampled_from(domains[name]))
        return list(draw(st.permutations([(name, (value,), False), (name, (value,), True)])))
    for name, values in domains.items():
        kept, others = allowed[name], set(values) - allowed[name]
        if not others:  # every value: left out, or listed
            if draw(st.booleans()):
                out.append((name, _some(draw, kept, len(kept)), False))
            continue
        form = draw(st.sampled_from(["in", "not in", "split", "two"]))
        if form == "in":
            out.append((name, _some(draw, kept, len(kept)), False))
        elif form == "not in":
            out.append((name, _some(draw, others, len(others)), True))
        elif form == "split":  # in (kept and some others) and not in (those others)
            extra = set(_some(draw, others))
            out += [(name, _some(draw, kept | extra, len(kept | extra)), False), (name, tuple(sorted(extra)), True)]
        else:  # in (kept and some others) and in (kept and other others)
            extra = set(_some(draw, others, 0))
            rest = others - extra
            more = set(_some(draw, rest, 0)) if rest else set()
            out += [
                (name, _some(draw, kept | extra, len(kept | extra)), False),
                (name, _some(draw, kept | more, len(kept | more)), False),
            ]
    if not out:  # (a rule's condition has a test: every value of a attribute)
        name = draw(st.sampled_from(["a", "b"]))
        out.append((name, _some(draw, domains[name], len(domains[name])), False))
    if draw(st.booleans()):
        out.append(draw(st.sampled_from(out)))
    return list(draw(st.permutations(out)))


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[dict[str, list[str]], list[Test], list[Test]]:
    domains = draw(_domains())
    tests = draw(_condition(domains))
    return domains, tests, draw(_rewritten(domains, tests))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pairs())
def test_a_condition_rewritten_to_mean_the_same_is_no_change(
    pair: tuple[dict[str, list[str]], list[Test], list[Test]],
) -> None:
    """In a rule of a priority, a notify rule and an availability target."""
    domains, tests, rewritten = pair
    assert _allowed(domains, tests) == _allowed(domains, rewritten) or (
        not all(_allowed(domains, tests).values()) and not all(_allowed(domains, rewritten).values())
    )
    old, new = _model(_policy(domains, tests)), _model(_policy(domains, rewritten))
    assert diff_models(old, new) == []
    assert diff_models(new, old) == []
    assert render_text(old, new, [], "en") == "no change in meaning\n"


def _combos(domains: dict[str, list[str]]) -> list[dict[str, str]]:
    return [dict(zip(domains, combo, strict=True)) for combo in itertools.product(*domains.values())]


def _whom(change: Change, key: str, domains: dict[str, list[str]]) -> set[tuple[str, ...]]:
    """The combinations the conditions of ``change``'s details ``key`` hold for."""
    conds = [c for d in change.details if d.key == key for c in d.whom]
    return {tuple(attrs.values()) for attrs in _combos(domains) if any(holds(c, attrs) for c in conds)}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pairs(), st.sampled_from(["a", "b"]))
def test_a_value_added_says_for_whom_a_rewritten_condition_parts(
    pair: tuple[dict[str, list[str]], list[Test], list[Test]], added: str
) -> None:
    """NEW adds a value; its condition allows what OLD's allows of the others. The rule is the same rule, its
    condition unchanged or changed for exactly the combinations where OLD's as written and NEW's part."""
    domains, tests, rewritten = pair
    allowed = _allowed(domains, tests)
    assume(all(allowed.values()) and any(allowed[n] != set(v) for n, v in domains.items()))
    more = {name: [*values, f"{name}new"] if name == added else values for name, values in domains.items()}
    old, new = _model(_policy(domains, tests)), _model(_policy(more, rewritten))
    changes = [c for c in diff_models(old, new) if c.section == "priority"]
    assert all((c.op, c.field) == ("changed", "when") for c in changes), changes
    old_when, new_when = old.priorities[0].when, new.priorities[0].when
    assert old_when is not None and new_when is not None
    combos = _combos(more)
    also = {tuple(x.values()) for x in combos if holds(new_when, x) and not holds(old_when, x)}
    not_now = {tuple(x.values()) for x in combos if holds(old_when, x) and not holds(new_when, x)}
    if not also and not not_now:
        assert changes == []
        return
    (change,) = changes
    assert (_whom(change, "applies_also", more), _whom(change, "applies_not", more)) == (also, not_now)
    notify = [c for c in diff_models(old, new) if c.section == "notify"]
    assert [(c.field, c.details) for c in notify] == [("when", change.details)]


# ---- availability targets and the order of rules ---------------------------------------------------

PLANS = (Path(__file__).resolve().parents[2] / "policies" / "examples" / "plans.sla").read_text("utf-8")
PREMIUM_TARGET = "availability target 99.9% monthly when plan = premium\n  credit below 99.9% 10%"
EN_RULE = "  when channel = en\n  respond within 7 desk_en hours\n}\n"


def test_a_target_rewritten_and_its_credit_changed_says_the_credit_alone() -> None:
    """The notice says the tier whose credit changed, of the target by its condition as NEW writes it, not
    the target removed and another added."""
    old = _model(PLANS)
    new = _model(PLANS.replace(PREMIUM_TARGET, PREMIUM_TARGET.replace("plan = premium", "plan != standard")))
    assert diff_models(old, new) == []
    new = _model(
        PLANS.replace(
            PREMIUM_TARGET, PREMIUM_TARGET.replace("plan = premium", "plan != standard").replace("10%", "15%")
        )
    )
    changes = diff_models(old, new)
    assert [(c.section, c.field) for c in changes] == [("service", "plan_targets")]
    assert "- コンテンツ配信の契約プランがスタンダード以外の場合のサービスクレジット（99.9%未満）：10% → 15%" in (
        render_markdown(old, new, changes, "ja")
    )
    en = render_markdown(old, new, changes, "en")
    assert "credit below 99.9% when Plan is not Standard: 10% -> 15%" in en
    assert "none" not in en


def test_rules_reordered_with_a_condition_rewritten_are_an_order_changed() -> None:
    """P2's rule for the English line, written ``channel != ja``, moved below the rule without a condition:
    the order of the same rules changed (it can no longer apply), no rule removed or added."""
    en_rule = PLANS[PLANS.index('priority P2 "高（英語窓口）"') : PLANS.index(EN_RULE) + len(EN_RULE)]
    general = 'priority P2 "高" / "High" [art 3] {\n  respond within 1 business day\n}\n'
    moved = PLANS.replace(en_rule, "").replace(general, general + "\n" + en_rule.replace("= en", "!= ja"))
    old, new = _model(PLANS), _model(moved)
    assert [(c.op, c.key, c.field) for c in diff_models(old, new)] == [("changed", "P2", "order")]

"""The report and ``sla explain`` are written from the rows' data, never from the engine's English.

The JSON report keeps the engine's English in ``explain`` steps and violation ``message`` (the
contract); the documents must not read them back. Here every such text the evaluator produces is
replaced by other words, and the ja and en outputs of the example month, the helpdesk example
and the plans example (text, Markdown, HTML and ``sla explain`` of three ids of every kind listed) must come out
byte for byte the same. Before the rows carried the data, the planned stop's notices were parsed
out of its steps, the zone violation's backup kind out of its message and the helpdesk's target
breaches were shown as the engine's English: each of those changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import sla_dsl.evaluation as evaluation
from sla_dsl.evaluation.result import Evaluation, Violations
from sla_dsl.report import Step, Violation

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, ids_of_every_kind, sla

EXAMPLES = ROOT / "policies" / "examples"
#: (policy, log, the period's options) of each example the check runs on.
CASES = {
    "clicksoko": (POLICY, EXAMPLE, MONTH),
    "helpdesk": (
        EXAMPLES / "helpdesk.sla",
        EXAMPLES / "helpdesk-events.jsonl",
        [*MONTH, "--as-of", "2026-11-27T12:00:00+09:00"],
    ),
    "plans": (EXAMPLES / "plans.sla", EXAMPLES / "plans.jsonl", MONTH),
}
CHANGED = "the engine words this differently now"


def _reword(node: Any) -> Any:
    """Replace every explanation step's text and violation message under ``node`` (in place)."""
    if isinstance(node, Step):
        node.text = CHANGED
    elif isinstance(node, Violation):
        node.message = CHANGED
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            _reword(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            _reword(item)
    return node


def _use_other_words(patch: pytest.MonkeyPatch) -> None:
    """The engine with other English: the judged rows, found rows and violations all reworded."""
    judge: Callable[..., Evaluation] = evaluation.judge_log
    find = Evaluation.find
    one = Violations._one

    def judge_log(*args: Any, **kwargs: Any) -> Evaluation:
        result = judge(*args, **kwargs)
        _reword(result.skeleton)
        return result

    patch.setattr(evaluation, "judge_log", judge_log)
    patch.setattr(Evaluation, "find", lambda self, ident: _reword(find(self, ident)))
    patch.setattr(Violations, "_one", lambda self, k: _reword(one(self, k)))


def _outputs(policy: Path, log: Path, period: list[str], lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for fmt in ("text", "markdown", "html"):
        code, text, err = sla("evaluate", policy, log, *period, "--format", fmt, "--lang", lang, "--limit", "0")
        assert code == 0, err
        out[fmt] = text
    code, text, err = sla("evaluate", policy, log, *period, "--format", "json")
    assert code == 0, err
    for ident in ids_of_every_kind(json.loads(text), each=3):
        code, text, err = sla("explain", policy, log, ident, *period, "--lang", lang)
        assert code == 0, (ident, err)
        out[f"explain {ident}"] = text
    return out


def _judged(name: str, lang: str) -> dict[str, str]:
    policy, log, period = CASES[name]
    return _outputs(policy, log, period, lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_outputs_do_not_read_the_engines_english(name: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _judged(name, lang)
    with monkeypatch.context() as patch:
        _use_other_words(patch)
        changed = _judged(name, lang)
    assert CHANGED not in "".join(changed.values())
    differ = [key for key in plain if plain[key] != changed[key]]
    assert differ == [], differ


def test_the_rewording_reaches_the_engines_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check can fail: the JSON report, which keeps the engine's English, shows the new words."""
    _use_other_words(monkeypatch)
    code, text, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "json")
    assert code == 0, err
    report = json.loads(text)
    # (a response breach's JSON row is written from the compact verdict, not from a model)
    assert {v["message"] for v in report["violations"] if v["kind"] != "response_breached"} == {CHANGED}
    assert {s["text"] for r in report["planned_stops"] for s in r["explain"]} == {CHANGED}

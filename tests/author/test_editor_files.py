"""The TextMate grammar and the pre-commit hook definitions."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from sla_dsl.lang.parser import get_parser

ROOT = Path(__file__).resolve().parents[2]


def _patterns(node: Any) -> list[str]:
    out = []
    if isinstance(node, dict):
        if "match" in node:
            out.append(node["match"])
        for value in node.values():
            out += _patterns(value)
    elif isinstance(node, list):
        for value in node:
            out += _patterns(value)
    return out


def test_textmate_grammar_covers_every_keyword() -> None:
    grammar = json.loads((ROOT / "editors" / "sla.tmLanguage.json").read_text("utf-8"))
    assert grammar["scopeName"] == "source.sla" and grammar["fileTypes"] == ["sla"]
    regexes = [re.compile(p) for p in _patterns(grammar["repository"])]
    words = {str(t.pattern.value) for t in get_parser().terminals if t.pattern.type == "str"}
    for word in sorted(w for w in words if w.isalpha() and w != "art"):
        assert any(r.search(f" {word} ") for r in regexes), word
    assert re.search(grammar["repository"]["reference"]["match"], "[art 3.1.4]")


def test_pre_commit_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    assert hooks["sla-check"]["entry"] == "sla check"
    assert hooks["sla-fmt"]["entry"] == "sla fmt --check"
    assert all(re.search(h["files"], "policies/clicksoko.sla") for h in hooks.values())

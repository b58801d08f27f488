"""Every ```sla example in the documentation parses, and the documented constructs cover the grammar."""

from __future__ import annotations

import re

import pytest

from sla_dsl.lang.parser import parse_tree

from .conftest import ROOT

DOCS = ROOT / "docs"
FENCE = re.compile(r"```sla\n(.*?)```", re.S)
EXAMPLES = [
    pytest.param(block, id=f"{path.relative_to(DOCS)}-{i}")
    for path in sorted(DOCS.rglob("*.md"))
    for i, block in enumerate(FENCE.findall(path.read_text("utf-8")))
]


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_parses(example: str) -> None:
    parse_tree(example)


def test_reference_shows_every_statement_rule() -> None:
    """Each statement rule of the grammar (``c_days``, ``q_within``, ...) is used by some example."""
    from lark import Lark

    from sla_dsl.lang.parser import _grammar_text

    grammar = Lark(_grammar_text(), parser="lalr")
    # rules whose expansions are all renamed (`-> ex_maintenance`) never appear in a tree by their own name
    statements = {
        str(r.origin.name)
        for r in grammar.rules
        if re.match(r"^[a-z]_[a-z_]+$", str(r.origin.name)) and r.alias is None
    }
    used: set[str] = set()
    for param in EXAMPLES:
        example = str(param.values[0])
        used |= {str(t.data) for t in parse_tree(example).iter_subtrees()}
    missing = statements - used
    assert not missing, f"no example in docs/ uses {sorted(missing)}"

"""A misspelt declaration keyword is one error (E016), not one more for every reference to its block.

QA's edits of Click So-ko: ``prority P2`` gave E016 and E218 (item 3 refers to priority `P2`),
``servise content`` E016 and E218 (item 1), ``calender always`` E016 and E207 (the services' hours). The
block was also read as part of the declaration before it, which was lost with it. The parser now reads
such a block as the declaration its keyword misspells, and the builder refuses it with E016 and records
it as dropped: what refers to it is not reported again, and the declaration before it is kept.
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.lang.parser import split_declarations
from sla_dsl.policy import compile_text

P2 = 'priority P2 "優先度２" / "Priority 2" [art 3.2] {'
CONTENT = 'service content "デジタルコンテンツ管理サービス"'
ALWAYS = 'calendar always "24時間365日"'


@pytest.mark.parametrize(
    ("edit", "word", "near"),
    [
        ((P2, P2.replace("priority", "prority")), "prority", "priority"),
        ((CONTENT, CONTENT.replace("service", "servise")), "servise", "service"),
        ((ALWAYS, ALWAYS.replace("calendar", "calender")), "calender", "calendar"),
        (('planned stop "計画停止"', 'planed stop "計画停止"'), "planed", "planned"),
        (('item 3 "障害発生時の対応"', 'iten 3 "障害発生時の対応"'), "iten", "item"),
    ],
)
def test_a_misspelt_declaration_keyword_is_one_error(edit: tuple[str, str], word: str, near: str) -> None:
    text = edited(CLICKSOKO, edit)
    compiled = compile_text(text, "t.sla")
    assert [(d.code, d.span.line, d.span.column) for d in compiled.diagnostics] == [("E016", line_of(text, edit[1]), 1)]
    (d,) = compiled.diagnostics
    assert d.text("ja") == f"`{word}` は `{near}` の書き間違いのようです"
    assert d.help_text("ja") == f"`{near}` と書いてください"


def test_the_declaration_before_a_misspelt_one_is_kept() -> None:
    text = edited(CLICKSOKO, (P2, P2.replace("priority", "prority")))
    model = compile_text(text, "t.sla").model
    assert model is not None
    assert [p.id for p in model.priorities] == ["P1", "P3"]


def test_a_misspelt_declaration_with_another_error_elsewhere() -> None:
    """Error recovery (the file cut into declarations) reports the same single E016."""
    text = edited(
        CLICKSOKO,
        (P2, P2.replace("priority", "prority")),
        ("  every 1 day\n  keep 7 days\n}\n\nbackup machine", "  every 1 day\n  keep 7 dayz\n}\n\nbackup machine"),
    )
    found = [(d.code, d.span.line) for d in compile_text(text, "t.sla").diagnostics]
    assert found == [("E016", line_of(text, "prority P2")), ("E015", line_of(text, "keep 7 dayz"))]
    chunks, diags = split_declarations(text)
    assert [c.first_line for c in chunks if c.text.startswith("prority")] == [line_of(text, "prority P2")]
    assert [(d.code, d.span.line) for d in diags] == [("E016", line_of(text, "prority P2"))]


def test_a_misspelt_header_keeps_the_policys_language() -> None:
    text = edited(CLICKSOKO, ('sla "Click So-ko" {', 'sal "Click So-ko" {'))
    compiled = compile_text(text, "t.sla")
    assert [d.code for d in compiled.diagnostics] == ["E016"]
    assert compiled.model is not None and compiled.model.header.languages == ("ja", "en")


def test_a_word_that_does_not_go_on_as_a_declaration_is_not_taken_for_one() -> None:
    """`notice` is near `notify`, but `notice 1 week` does not go on as a notify rule (a name): it is a
    statement outside its block, and the declarations around it are read as before."""
    text = edited(
        CLICKSOKO, ("}\n\nmaintenance regular", "}\nnotice 1 week before start date by email\n\nmaintenance regular")
    )
    (d,) = compile_text(text, "t.sla").diagnostics
    assert (d.code, d.span.line) == ("E016", text[: text.index("}\nnotice 1 week")].count("\n") + 2)
    assert d.help is not None and "did you mean" not in d.help and "closes it too early" in d.help

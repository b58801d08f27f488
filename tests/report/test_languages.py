"""``languages ja, en`` in the policy header: parsed, checked (E260-E264), kept by fmt, the outputs' default."""

from __future__ import annotations

import pytest

from sla_dsl.authoring.fmt import format_text
from sla_dsl.lang.compile import compile_text as compile_policy
from sla_dsl.lang.languages import policy_languages

HEAD = 'sla "X" {{\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  {line}\n}}\n'


def _codes(line: str) -> list[tuple[str, int, int]]:
    result = compile_policy(HEAD.format(line=line), "p.sla")
    return [(d.code, d.span.line, d.span.column) for d in result.diagnostics]


def test_languages_are_read_primary_first() -> None:
    result = compile_policy(HEAD.format(line="languages ja, en"), "p.sla")
    assert result.model is not None and not result.diagnostics
    assert result.model.header.languages == ("ja", "en")
    assert policy_languages(result.model.header) == ("ja", "en")
    undeclared = compile_policy(HEAD.format(line=""), "p.sla").model
    assert undeclared is not None and policy_languages(undeclared.header) == ("en", "ja")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("languages fr, en", [("E260", 5, 13)]),
        ("languages ja, ja", [("E261", 5, 17)]),
        ('languages ja, en\n  provider "会社" / ""', [("E262", 6, 12)]),
        ('languages ja, en\n  provider "会社"', [("E263", 6, 12)]),
        ('languages ja, en\n  provider "Company" / "会社"', [("E264", 6, 12)]),
        ("languages ja\n  languages en", [("E212", 6, 3)]),
        ('languages ja\n  provider "会社"', []),  # English not declared: one text is enough
        ('provider "会社"', []),  # nothing declared: nothing required
    ],
)
def test_language_errors_are_located(line: str, expected: list[tuple[str, int, int]]) -> None:
    assert _codes(line) == expected


def test_messages_say_what_to_write() -> None:
    result = compile_policy(HEAD.format(line='languages jp, en\n  provider "会社"'), "p.sla")
    by = {d.code: d for d in result.diagnostics}
    assert by["E260"].message == "unknown language `jp`" and "languages ja, en" in (by["E260"].help or "")


def test_fmt_keeps_the_declaration() -> None:
    text = HEAD.format(line="languages ja,   en")
    assert "  languages ja, en\n" in format_text(text)

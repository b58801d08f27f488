"""A syntax error's examples are written in the languages the policy declares.

A policy of ``languages en`` was answered ``expected ... a quoted text such as "営業時間"`` and shown
``holiday 2026-11-26 "感謝祭" / "Thanksgiving"`` and ``priority P1 "優先度１" / "Priority 1" [art 3.2] {``:
a pair its author may not write (E263 refuses Japanese where only English is declared). Now the
examples follow ``languages``: one language, its text alone; both (or none, read as both), the pair,
and the quoted text of an "expected ..." list in the language of the message.
"""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text


def policy(languages: str, header_tail: str = " }") -> str:
    said = f" languages {languages}" if languages else ""
    return (
        f'sla "X" {{ format 1 version "1" effective 2026-01-01 timezone UTC{said}{header_tail}\n'
        "calendar business {\n  days mon..fri\n  hours 09:00-17:00\n  holiday 2026-11-26 3\n}\n"
        'priority P1 "P1" [art 3.2] {\n  respond within 4 hours\n  complete on incident.resolved\n}\n'
        "priority P2 3\n"
    )


def errors(text: str) -> dict[int, Diagnostic]:
    return {d.span.line: d for d in compile_text(text).diagnostics if d.code == "E011"}


def shown(d: Diagnostic, lang: str) -> str:
    return f"{d.text(lang)}\n{d.help_text(lang)}"


HOLIDAY_PAIR = '`holiday 2026-11-26 "感謝祭" / "Thanksgiving"`'
PRIORITY_PAIR = '`priority P1 "優先度１" / "Priority 1" [art 3.2] {`'


def test_english_only_policy_gets_english_only_examples() -> None:
    found = errors(policy("en"))
    assert found[5].text() == 'unexpected `3`, expected a quoted text such as "Business hours"'
    assert found[5].help == '`holiday` lines are written like `holiday 2026-11-26 "Thanksgiving"`'
    assert found[11].help == '`priority` declarations are written like `priority P1 "Priority 1" [art 3.2] {`'
    for d in found.values():
        for lang in ("en", "ja"):  # (`sla check --lang ja` words it in Japanese: its examples stay English)
            text = shown(d, lang)
            assert "営業時間" not in text and "感謝祭" not in text and "優先度" not in text, text


def test_japanese_only_policy_gets_japanese_only_examples() -> None:
    found = errors(policy("ja"))
    assert found[5].text("ja") == '`3` はここには書けません。ここに書けるのは引用符で囲んだ文字列（例："営業時間"）です'
    assert found[5].help_text("ja") == '`holiday` の行は`holiday 2026-11-26 "感謝祭"`のように書きます'
    assert found[11].help_text("ja") == '`priority` の宣言は `priority P1 "優先度１" [art 3.2] {` のように書きます'
    assert all("Thanksgiving" not in shown(d, "ja") and "Priority 1" not in shown(d, "ja") for d in found.values())


@pytest.mark.parametrize("languages", ["ja, en", "en, ja", ""])
def test_both_languages_or_none_get_the_pair(languages: str) -> None:
    found = errors(policy(languages))
    assert HOLIDAY_PAIR in (found[5].help or "") and HOLIDAY_PAIR in (found[5].help_text("ja") or "")
    assert PRIORITY_PAIR in (found[11].help or "")
    # the one quoted text of an "expected ..." list, in the message's language
    assert found[5].text().endswith('such as "Business hours"')
    assert found[5].text("ja").endswith('（例："営業時間"）です')


def test_a_broken_header_still_gives_its_languages() -> None:
    found = errors(policy("en", " title }"))
    assert found[1].code == "E011"
    assert found[5].help == '`holiday` lines are written like `holiday 2026-11-26 "Thanksgiving"`'


def test_the_authors_own_pair_is_shown_as_written() -> None:
    # (the policy's name given as a pair: the help quotes the author's texts, which no language rewrites)
    text = 'sla "名前" / "Name" { format 1 version "1" effective 2026-01-01 timezone UTC languages en }\n'
    (d,) = [d for d in compile_text(text).diagnostics if d.is_error]
    assert '`title "名前" / "Name"`' in (d.help or ""), d.help


@pytest.mark.parametrize("languages", ["ja, en", "en", "ja", ""])
@pytest.mark.parametrize(("line", "example"), [("version 2026.1", '"2026.1"'), ("source sla.txt", '"sla-ja.txt"')])
def test_a_version_or_source_is_shown_its_own_kind_of_text(languages: str, line: str, example: str) -> None:
    """``version 2026.1`` (a version written without its quotes) was told ``expected a quoted text such as
    "Business hours"``: a label's example, which says nothing of a version. A statement whose text is no
    language's (a version, a file name) shows a text of its own, in every language of the message."""
    said = f" languages {languages}" if languages else ""
    text = f'sla "X" {{\n  format 1\n  {line}\n  effective 2026-01-01\n  timezone UTC{said}\n}}\n'
    (d,) = [d for d in compile_text(text).diagnostics if d.is_error]
    assert (d.code, d.span.line) == ("E011", 3)
    word = line.split()[1]
    assert d.text() == f"unexpected `{word}`, expected a quoted text such as {example}"
    assert d.text("ja") == f"`{word}` はここには書けません。ここに書けるのは引用符で囲んだ文字列（例：{example}）です"
    assert "Business hours" not in shown(d, "en") and "営業時間" not in shown(d, "ja")


def test_a_version_left_out_at_the_end_is_shown_a_version() -> None:
    (d,) = [d for d in compile_text('sla "X" { format 1 version\n').diagnostics if d.is_error]
    assert d.text() == 'unexpected end of file, expected a quoted text such as "2026.1"'

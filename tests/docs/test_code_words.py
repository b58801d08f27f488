"""The error-code page lists every word a code can print: each ``diag.*`` entry of the catalogue, and each
``author.test.*`` entry (the words of ``sla test``'s errors about its test files, E160-E163), is a message
or help of a code on the page, or a word filled into another entry, or left out with its reason; words that
reach a diagnostic through a variable, a helper, a tuple or a key built from a table are found too."""

from __future__ import annotations

from sla_dsl.docs.codes import ACCOUNTED, NOT_SHOWN, codes_markdown, not_on_page, worded
from sla_dsl.i18n import message


def test_every_diagnostic_entry_is_on_the_page_or_said_why() -> None:
    assert {"diag.", "author.test."} <= set(ACCOUNTED)  # (the policy's diagnostics and the test files' errors)
    assert not_on_page() == []
    assert all(reason for reason in NOT_SHOWN.values())


def _row(code: str, lang: str) -> str:
    return next(line for line in codes_markdown(lang).splitlines() if line.startswith(f"| `{code}` |"))


def test_words_passed_through_variables_and_tables_are_listed() -> None:
    """The words the QA pass found missing: each under its code, as a message or as a help."""
    w = worded()
    assert {"diag.W301.help", "diag.W301.help.short"} <= set(w["W301"].helps)
    assert {"diag.E010.expected", "diag.E010.fullwidth_space"} <= set(w["E010"].messages)
    assert {
        "diag.help.fullwidth",
        "diag.help.quotes",
        "diag.help.char",
        "diag.help.weekdays",
    } <= set(w["E010"].helps)
    assert {"diag.help.list_or", "diag.help.pair", "diag.help.statement_form"} <= set(w["E011"].helps)
    # (a number for an ordinal, `on 4 thu`, is a token the parser stops at: E011 only; tests/docs/test_hint_codes.py)
    assert "diag.help.ordinal" in w["E011"].helps and "diag.help.ordinal" not in w["E010"].helps
    assert "diag.E016.help" in w["E016"].helps
    assert {"diag.E001.shift_jis", "diag.E001.nul"} <= set(w["E001"].messages)
    assert "diag.E205" in w["E205"].messages and "diag.help.zone.abbreviation" in w["E205"].helps
    assert "diag.E204.help.language" in w["E204"].helps
    assert "diag.E218" in w["E218"].messages and "diag.E218.kind.priority" not in w["E218"].messages
    assert "diag.E207.help" in w["E207"].helps
    ja = _row("W301", "ja")
    assert "目標を短くするか、目安を `…` にしてください" in ja
    assert "`…` はここには書けません。ここに書けるのは…です" in _row("E010", "ja")
    assert "全角文字は使えません。半角で `…` と書いてください" in _row("E010", "ja")
    assert "`…` の行は…のように書きます" in _row("E011", "ja")


def test_no_row_is_left_without_its_words() -> None:
    """Every code's row shows its words (none says they are built where it is raised)."""
    for lang in ("en", "ja"):
        page = codes_markdown(lang)
        assert "(built where it is raised)" not in page and "（発生箇所で組み立てます）" not in page, lang
    assert (
        message("diag.E218", "ja", item="3", kind="優先度", name="P3")
        in "項目3が参照している優先度 `P3` は定義されていません"
    )

"""The operators' page on ``sla serve`` quotes the changes of an edited version as ``sla diff`` says them.

Its example edits Click So-ko's P1 target (4 business hours to 2) in a ``languages en, ja`` policy; the
reload's and the refused start's "What changed:" lines are ``sla diff``'s, and the Japanese prose quotes
the line of a ``languages ja, en`` policy. ``sla diff`` came to name a priority by its label too
(``P1 Priority 1 response target``) and the page still quoted ``~ P1 response target: ...``. This test
failed before the pages were updated.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from sla_dsl.cli.app import main

from .conftest import ROOT

POLICY = ROOT / "policies" / "clicksoko.sla"
PAGES = {lang: ROOT / "docs" / "operators" / f"serve.{lang}.md" for lang in ("en", "ja")}
FOUR, TWO = "respond within 4 business hours", "respond within 2 business hours"


def _diff(tmp_path: Path, first: str) -> str:
    """``sla diff`` of Click So-ko with ``first`` as its primary language, before and after the edit."""
    text = POLICY.read_text("utf-8")
    assert "languages ja, en" in text and text.count(FOUR) == 1
    if first == "en":
        text = text.replace("languages ja, en", "languages en, ja", 1)
    old, new = tmp_path / f"old-{first}.sla", tmp_path / f"new-{first}.sla"
    old.write_text(text, "utf-8")
    new.write_text(text.replace(FOUR, TWO), "utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["diff", str(old), str(new)])
    return out.getvalue().strip()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_changes_quoted_are_what_sla_diff_says(tmp_path: Path, lang: str) -> None:
    page = PAGES[lang].read_text("utf-8")
    quoted = [line.strip() for line in page.splitlines() if line.startswith("  ~ ")]
    assert len(quoted) == 2, quoted  # the reload's log and the refused start
    assert set(quoted) == {_diff(tmp_path, "en")}, quoted


def test_the_japanese_line_is_what_sla_diff_says(tmp_path: Path) -> None:
    said = _diff(tmp_path, "ja")
    assert f"「`{said}`」" in PAGES["ja"].read_text("utf-8"), said

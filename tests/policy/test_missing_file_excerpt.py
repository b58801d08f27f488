"""A policy file that could not be read has no source line to show: no excerpt, no caret.

``nope.sla:1:1: error: [E001] no such file`` used to be followed by an empty
``1 | `` line and a caret under nothing (the refused file's source is empty), in
every command and both languages. A file that could be read keeps its excerpt;
an empty file has no text either, so its E217 has none.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.lang.diagnostics import PolicyError, diagnostic, words
from sla_dsl.lang.model import Span

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
NOT_UTF8 = ROOT / "tests" / "policy" / "malformed" / "057-not-utf8.sla"
ONLY_COMMENTS = ROOT / "tests" / "policy" / "malformed" / "002-only-comments.sla"
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
#: an excerpt's lines: ``12 | text`` and ``   | ^^^``
EXCERPT = re.compile(r"^\s*\d* \|")


def sla(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "sla_dsl.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def excerpts(text: str) -> list[str]:
    return [line for line in text.splitlines() if EXCERPT.match(line)]


MISSING = {"en": "no such file", "ja": "そのようなファイルはありません"}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("command", ["check", "replay", "evaluate"])
def test_a_missing_policy_file_is_said_without_an_excerpt(command: str, lang: str, tmp_path: Path) -> None:
    missing = tmp_path / "nope.sla"
    period = ["--from", "2026-11-01", "--to", "2026-12-01"]
    args = {
        "check": [str(missing)],
        "replay": [str(CLICKSOKO), str(missing), str(EVENTS), *period],
        "evaluate": [str(missing), str(EVENTS), *period],
    }[command]
    done = sla(command, "--lang", lang, *args)
    assert done.returncode == 1, done.stderr
    assert f"{missing}: error: [E001] {MISSING[lang]}" in done.stderr.splitlines()
    assert excerpts(done.stderr) == [], done.stderr
    assert "^" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_file_refused_as_not_utf8_has_no_excerpt_either(lang: str) -> None:
    done = sla("check", "--lang", lang, str(NOT_UTF8))
    assert done.returncode == 1
    assert f"{NOT_UTF8}:1:6: error: [E001]" in done.stderr
    assert excerpts(done.stderr) == [], done.stderr


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_empty_file_says_it_has_no_header_without_an_excerpt(lang: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sla"
    empty.write_text("", "utf-8")
    lines = sla("check", "--lang", lang, str(empty)).stderr.splitlines()
    assert lines[0].startswith(f"{empty}:1:1: error: [E217] ")
    assert lines[1].lstrip().startswith("help:" if lang == "en" else "ヒント:")  # (what to write: still said)
    assert excerpts("\n".join(lines)) == []


def test_a_file_that_was_read_keeps_its_excerpt() -> None:
    lines = sla("check", "--lang", "en", str(ONLY_COMMENTS)).stderr.splitlines()
    assert lines[0].startswith(f"{ONLY_COMMENTS}:1:1: error: [E217] ")
    assert excerpts("\n".join(lines)) == ["1 | # nothing here", "  | ^"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_api_renders_the_refusal_without_an_excerpt(lang: str, tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as caught:
        sla_dsl.load_policy(tmp_path / "nope.sla")
    text = caught.value.render(lang=lang)
    assert text == f"{tmp_path / 'nope.sla'}: error: [E001] {MISSING[lang]}"


def test_render_shows_a_line_only_from_source_text() -> None:
    d = diagnostic("E001", words("diag.E001.missing"), Span(line=1, column=1, end_line=1, end_column=2), file="x.sla")
    assert d.render("") == d.render(None) == "x.sla:1:1: error: [E001] no such file"
    assert d.render("sla\n").splitlines()[1:] == ["1 | sla", "  | ^"]

"""The ``#`` comments in the code blocks of a Japanese page are in Japanese, and so are the docstrings of its
Python samples.

A comment explains the code to the person reading the page, in the page's language: the code is the same in
either language (``tests/docs/test_translations.py`` compares the blocks with their comments taken out), the
comments are not. The Japanese pages' policy, Python, YAML and shell samples once kept their English comments
(``# was: 4 business hours``, ``# the date it takes effect``) on pages that are otherwise all Japanese.

A docstring is a comment too: the Japanese mapping page's converters kept the English docstrings of their
functions (``fates``: ``Each fact of a ticket's audits, oldest first: ...``) under Japanese comments.

A comment passes when it holds Japanese (kana, kanji or full-width forms); identifiers, event names and other
products' settings stay as they are inside it. A few comment lines are not explanations and stay as written:
:data:`ALLOWED`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .test_translations import Page

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

#: Comment lines that are no text to translate, by page (path under docs/) and the line as written.
ALLOWED: dict[str, dict[str, str]] = {
    "engineers/mapping.ja.md": {
        # The first line of each converter names the file a reader saves it as and how it runs: a command
        # line, no sentence. The tests find each converter by that name (tests/events/desk_exports.py).
        "# zendesk_events.py < tickets.jsonl > events.jsonl": "a command line: how the converter runs",
        "# jira_events.py < issues.jsonl > events.jsonl": "a command line: how the converter runs",
        "# servicenow_events.py < incidents.jsonl > events.jsonl": "a command line: how the converter runs",
        "# jira_csv_events.py Asia/Tokyo AGENT_ACCOUNT_ID... < export.csv > events.jsonl": "a command line",
        "# alertmanager_events.py < notifications.jsonl > events.jsonl": "a command line: how the converter runs",
    },
    "operators/serve.ja.md": {
        "# /etc/systemd/system/sla.service": "the path the unit file is saved at",
    },
}

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
#: A comment: ``#`` at the start of a line or after a blank, then a blank or the end of the line.
_COMMENT = re.compile(r"(?:^|[ \t])#(?=[ \t]|$)(.*)$")
#: Japanese: kana, kanji, full-width forms (``：``, ``（``).
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")

PAGES = sorted(DOCS.rglob("*.ja.md"))


def english_comments(blocks: tuple[str, ...], allowed: dict[str, str]) -> list[str]:
    """Each line of the code ``blocks`` whose comment has no Japanese, the ``allowed`` lines aside."""
    found = []
    for block in blocks:
        for line in block.splitlines()[1:-1]:
            comment = _COMMENT.search(line)
            if comment and comment.group(1).strip() and not _JAPANESE.search(comment.group(1)):
                if line.strip() not in allowed:
                    found.append(line)
    return found


def english_docstrings(blocks: tuple[str, ...]) -> list[str]:
    """The docstrings with no Japanese of the Python ``blocks`` (each function's, class's and the module's)."""
    found = []
    for block in blocks:
        if not re.match(r"[ \t]*(`{3,}|~{3,})py(thon)?\b", block):
            continue
        tree = ast.parse("\n".join(block.splitlines()[1:-1]))
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                doc = ast.get_docstring(node)
                if doc and not _JAPANESE.search(doc):
                    found.append(f"{getattr(node, 'name', '(module)')}: {doc}")
    return found


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_docstrings_of_a_japanese_page_are_japanese(page: Path) -> None:
    found = english_docstrings(Page.read(page).code)
    assert not found, f"{page.relative_to(ROOT)}: docstrings in English in a Python block:\n" + "\n".join(found)


def test_an_english_docstring_is_found() -> None:
    block = (
        '```python\ndef fates(ticket):\n    """Each fact of a ticket, oldest first."""\n    return []\n\n'
        'def utc(at):\n    """ログの時刻に：2026-11-02T01:15:00Z。"""\n    return at\n```\n'
    )
    assert english_docstrings((block,)) == ["fates: Each fact of a ticket, oldest first."]
    assert english_docstrings((block.replace("```python", "```sh"),)) == []


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_code_comments_of_a_japanese_page_are_japanese(page: Path) -> None:
    found = english_comments(Page.read(page).code, ALLOWED.get(page.relative_to(DOCS).as_posix(), {}))
    assert not found, f"{page.relative_to(ROOT)}: comments in English in a code block:\n" + "\n".join(found)


def test_the_allowed_lines_are_still_there() -> None:
    """Each allowed line is on its page: one taken off the page is taken off :data:`ALLOWED` too."""
    for name, lines in ALLOWED.items():
        text = (DOCS / name).read_text("utf-8").splitlines()
        stale = [line for line in lines if line not in (t.strip() for t in text)]
        assert not stale, f"docs/{name}: no longer holds {stale}: take them off ALLOWED"


def test_an_english_comment_is_found() -> None:
    """The check finds an English comment after code and on its own line, and passes a Japanese one."""
    block = (
        "```sla\n  respond within 1 hour   # was: 4 hours\n  # the date it takes effect\n"
        '  resolve within 4 hours   # 適用開始日\n  text "#1"\n```\n'
    )
    found = english_comments((block,), {})
    assert found == ["  respond within 1 hour   # was: 4 hours", "  # the date it takes effect"]

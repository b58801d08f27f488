"""The Japanese of the Python API reference: every docstring the API page shows has a Japanese note
(:mod:`sla_dsl.i18n.api_notes`), no note is left over from a docstring the code no longer has, no note holds
English outside code, and the built Japanese page shows the notes where the English page shows the docstrings.

The docstrings are read as mkdocstrings reads them: with the Python handler of the site's own configuration
(``mkdocs.yml``), with no build, so all but the last test run in a moment.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.docs import api_notes
from sla_dsl.docs.field_notes import MissingNote
from sla_dsl.i18n.api_notes import API_NOTES

from .conftest import Build
from .test_translations import english_runs

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"ja": ROOT / "docs/engineers/api.ja.md", "en": ROOT / "docs/engineers/api.en.md"}
#: Code in a docstring: ``this``, `this`, and a role's name before it (``:func:`x```, shown as it is written).
_CODE = re.compile(r"(?::[a-z]+:)?(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)


def _plugin() -> Any:
    """A new ``MkdocstringsPlugin`` configured as the site's, as a build's ``on_config`` leaves it: its Python
    handler (``get_handler("python")``) has griffe objects of its own."""
    pytest.importorskip("mkdocstrings_handlers.python", reason="mkdocstrings is not installed")
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["mkdocstrings"]
    plugin.on_config(config)
    return plugin


@pytest.fixture(scope="module")
def handler() -> Any:
    return _plugin().get_handler("python")


def _shown(handler: Any, page: Path) -> Iterator[tuple[str, str]]:
    """``(where, docstring)`` of every docstring ``page``'s reference blocks show."""
    for block in api_notes.blocks(page.read_text("utf-8")):
        options = handler.get_options(block.options)
        obj = handler.collect(block.identifier, options)
        for where, item in api_notes.shown(obj, options, block.identifier):
            if item.docstring is not None and item.docstring.value:
                yield where, item.docstring.value


def test_the_pages_show_the_same_blocks() -> None:
    """(So the notes of the Japanese page's docstrings are all the notes there are.)"""
    ja, en = (api_notes.blocks(PAGES[lang].read_text("utf-8")) for lang in ("ja", "en"))
    assert ja == en and len(ja) >= 9, (ja, en)
    assert api_notes.Block("sla_dsl.docs.plugin.SlaPlugin", {"options": {"members": False}}) in ja


def test_the_page_shows_the_members_it_lists(handler: Any) -> None:
    shown = dict(_shown(handler, PAGES["ja"]))
    assert "sla_dsl.policy.Policy.maintenance_windows" in shown and "sla_dsl.evaluate" in shown
    assert "sla_dsl.lang.diagnostics.PolicyError.render" in shown  # (every documented member: no list)
    assert not any(where.startswith("sla_dsl.docs.plugin.SlaPlugin.") for where in shown)  # (members: false)


def test_every_docstring_has_a_japanese_note(handler: Any) -> None:
    missing = [f"{where}: {text!r}" for where, text in _shown(handler, PAGES["ja"]) if text not in API_NOTES]
    assert not missing, (
        f"{len(missing)} docstrings of the API page have no Japanese note in {api_notes.NOTES_MODULE}:\n"
        + "\n".join(missing)
    )


def test_no_note_is_stale(handler: Any) -> None:
    """A note whose English no docstring the page shows has any more (the docstring was edited, or the
    object is gone from the page)."""
    used = {text for _, text in _shown(handler, PAGES["ja"])}
    stale = sorted(set(API_NOTES) - used)
    assert not stale, f"notes in {api_notes.NOTES_MODULE} that no docstring of the API page uses: {stale}"


def test_no_docstring_shown_holds_a_sphinx_role(handler: Any) -> None:
    """mkdocstrings reads the docstrings as Google style: a role (``:func:`x```) would show as typed, on
    both pages. The docstrings the page shows write names as code (````x````) instead."""
    roles = [f"{where}: {m.group(0)}" for where, text in _shown(handler, PAGES["en"]) for m in _ROLE.finditer(text)]
    assert not roles, "\n".join(roles)


_ROLE = re.compile(r":(?:func|meth|class|mod|data|attr|obj):`[^`]+`")


def test_no_note_holdsenglish_runs() -> None:
    """Outside code, a note is Japanese: no two English words in a row."""
    found = {english: runs for english, note in API_NOTES.items() if (runs := english_runs(_CODE.sub(" ", note)))}
    assert not found, f"English in the Japanese notes of {api_notes.NOTES_MODULE} (put code in ``...``): {found}"


def test_notes_keep_the_code() -> None:
    """What the English writes as code the Japanese writes too, byte for byte (it may show more as code)."""
    differ = {
        english: note
        for english, note in API_NOTES.items()
        if Counter(m.group(0) for m in _CODE.finditer(english)) - Counter(m.group(0) for m in _CODE.finditer(note))
    }
    assert not differ, differ


def test_a_missing_note_names_its_object(monkeypatch: pytest.MonkeyPatch) -> None:
    """A docstring with no note is marked; the page that shows the mark stops the build, naming the object
    as the page does. One the page does not show needs none (``Policy`` has more methods than it lists)."""
    text = "When ``target`` falls due for a clock that starts at ``start``."
    monkeypatch.delitem(API_NOTES, text)
    plugin = _plugin()  # (the translation changes its objects: a plugin of its own)
    translation = api_notes.Translation()
    translation.page(PAGES["ja"].read_text("utf-8"), plugin)
    handler = plugin.get_handler("python")
    due = handler.collect("sla_dsl.policy.Policy.due", handler.get_options({})).docstring.value
    evaluate = handler.collect("sla_dsl.evaluate", handler.get_options({})).docstring.value
    assert evaluate.startswith("期間 ``[start, end)`` について、``events`` を") and "sla-dsl" not in evaluate
    translation.check(f"<p>{evaluate}</p>")  # (a page without marks)
    with pytest.raises(MissingNote, match=r"`sla_dsl\.policy\.Policy\.due` in sla_dsl/i18n/api_notes\.py: 'When"):
        translation.check(f"<p>{due}</p>")
    marked = {where for where, _ in translation.missing}
    assert {"sla_dsl.policy.Policy.due", "sla_dsl.policy.Policy.event_types"} <= marked  # (the page lists no
    # event_types: its mark is never shown)


def _descriptions(page: str) -> list[str]:
    """The text of each docstring a built API page shows (``doc-contents``, children aside), code as ``〈〉``."""
    out = []
    for part in re.split(r'<div class="doc doc-contents[^"]*">', page)[1:]:
        body = part.split('<div class="doc doc-children">')[0].split("</div>")[0]
        body = re.sub(r"<code>.*?</code>", "〈〉", body, flags=re.DOTALL)
        body = re.sub(r'<p class="doc doc-class-bases">.*?</p>', " ", body, flags=re.DOTALL)
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
        if text:
            out.append(text)
    return out


def test_the_built_pages(site: Build) -> None:
    """The Japanese page shows the notes, the English page the docstrings; the same objects, the same ids."""
    ja, en = site.page("engineers/api"), site.page("en/engineers/api")
    assert "<code>events</code> を <code>policy</code>（またはその複数の版）に照らして判定します。" in ja
    assert "Judge <code>events</code> against <code>policy</code> (or several versions of it)" in en
    assert "Judge <code>events</code>" not in ja and "判定します" not in en

    def ids(page: str) -> list[str]:
        return re.findall(r'<h[2-6] id="(sla_dsl\.[^"]+)"', page)

    assert ids(ja) == ids(en) and "sla_dsl.policy.Policy.maintenance_windows" in ids(ja)
    assert "基底クラス：<code>" in ja and "Bases: <code>" in en
    texts = _descriptions(ja)
    assert len(texts) == len(_descriptions(en)) >= 15
    english = {text: runs for text in texts if (runs := english_runs(text))}
    assert not english, f"English in the Japanese API page's descriptions: {english}"

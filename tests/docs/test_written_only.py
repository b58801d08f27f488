"""The page of a policy in a language it is not written in: its own language, said so in the page's.

A policy declaring ``languages en`` got a Japanese page of English labels among Japanese words under
``<html lang="ja">``, with nothing saying why. As for a hand-written English-only page of the Japanese
build, that page is now the policy's page in English (``lang="en"``) under a note in Japanese that the
policy is written in English only; the other way round for ``languages ja`` on the English site.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from .conftest import Build, mkdocs_build

POLICY = """sla "One Language" {{
  format 1
  version "1.0"
  effective 2026-01-01
  timezone America/New_York
  title {title}
  languages {lang}
}}
article 1 {article} {{
  text {text}
}}
calendar business {calendar} [art 1] {{
  days mon..fri
  hours 09:00-17:00
}}
priority P1 {priority} [art 1] {{
  respond within 2 business hours
}}
"""

TEXTS = {
    "en": {"title": "Acme SLA", "article": "Scope", "text": "This SLA covers the Acme desk.", "calendar": "Desk hours"},
    "ja": {
        "title": "アクメの SLA",
        "article": "対象",
        "text": "本 SLA はアクメ窓口に適用します。",
        "calendar": "窓口時間",
    },
}
PRIORITY = {"en": "Critical", "ja": "緊急"}
NOTE = {
    "en": "この SLA のポリシー定義は英語でのみ書かれているため、このページは英語で表示します。",
    "ja": "This SLA's policy definition is written in Japanese only, so this page is shown in Japanese.",
}
#: what the policy page says around the policy's text, in each language (its version history's heading)
HISTORY = {"ja": "改版履歴", "en": "Version history"}


def _label(texts: str, key: str) -> str:
    """The label ``key`` of the policy as written in ``texts`` (``ja, en``: both, as a pair)."""
    said = [TEXTS[lang][key] if key != "priority" else PRIORITY[lang] for lang in texts.split(", ")]
    return " / ".join(f'"{x}"' for x in said)


def _site(tmp_path: Path, written: str) -> Build:
    """A site of both languages with a policy declaring ``languages {written}``."""
    (tmp_path / "docs").mkdir()
    for lang in ("ja", "en"):
        (tmp_path / f"docs/index.{lang}.md").write_text("# t\n", "utf-8")
    (tmp_path / "one.sla").write_text(
        POLICY.format(lang=written, **{k: _label(written, k) for k in (*TEXTS["en"], "priority")}), "utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme:\n  name: material\n  language: ja\nplugins:\n  - sla:\n      policies: [one.sla]\n"
        "      schemas: false\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
        "        - {locale: ja, default: true, name: 日本語, build: true}\n"
        "        - {locale: en, name: English, build: true}\n",
        "utf-8",
    )
    return mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")


@pytest.mark.parametrize(("written", "other"), [("en", "ja"), ("ja", "en")])
def test_the_page_in_another_language_is_the_policys_own_under_a_note(tmp_path: Path, written: str, other: str) -> None:
    build = _site(tmp_path, written)
    folder = {"ja": "sla/one-language", "en": "en/sla/one-language"}
    page = build.page(folder[other])
    assert re.search(rf'<html lang="{written}"', page), "the page's text is the policy's language"
    note = re.search(r'<div class="admonition note sla-written-only" id="written-only" lang="(\w+)">(.*?)</div>', page)
    assert note is not None, "no note that the policy is written in one language only"
    assert note.group(1) == other and NOTE[written] in html.unescape(note.group(2))
    assert HISTORY[written] in page and HISTORY[other] not in page, "the words around the policy's text"
    assert TEXTS[written]["text"] in page and PRIORITY[written] in page
    # the page in the policy's own language is as it was, with no such note
    own = build.page(folder[written])
    assert re.search(rf'<html lang="{written}"', own) and "sla-written-only" not in own
    assert HISTORY[written] in own


def test_a_policy_in_both_languages_has_no_note(tmp_path: Path) -> None:
    build = _site(tmp_path, "ja, en")
    for folder, lang in (("sla/one-language", "ja"), ("en/sla/one-language", "en")):
        page = build.page(folder)
        assert re.search(rf'<html lang="{lang}"', page) and "sla-written-only" not in page

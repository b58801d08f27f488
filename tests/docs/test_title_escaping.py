"""A policy's title and name on the site: shown as the text they are, wherever Material prints them.

Material prints a page's front-matter ``title`` into ``<title>``, the header and the navigation as HTML,
unescaped; the front matter must stay valid YAML whatever the title holds (a control character made it
invalid, and mkdocs then read it as Markdown).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
import yaml

from sla_dsl.docs.render import front_matter
from sla_dsl.errors import printable

from .conftest import ROOT, Build, mkdocs_build

pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")

#: markup of every kind, a Markdown link to javascript:, a quote, a backslash, an entity and control characters
HOSTILE = (
    '\x1b[31m\x07\x7f\x85<script>alert(1)</script>[x](javascript:alert(1)) "q" \\ &amp; *e*<img src=x onerror=alert(1)>'
)
TITLE = {"ja": "JA" + HOSTILE + "の SLA", "en": "EN" + HOSTILE}
NAME = "Click So-ko<b>x</b>\\\x1b"


def _sla(text: str) -> str:
    """``text`` as a string of the policy language."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Tags(HTMLParser):
    """Every element of a page and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script":
            self.scripts.append(data)


def _texts(pattern: str, page: str) -> list[str]:
    """The text of each match of ``pattern``'s group in ``page``: tags dropped, entities read, spaces squashed."""
    found = re.findall(pattern, page, flags=re.DOTALL)
    return [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", "", f))).strip() for f in found]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A site of the Click So-ko policy whose name and titles hold markup and control characters."""
    tmp = tmp_path_factory.mktemp("hostile-title")
    text = (ROOT / "policies/clicksoko.sla").read_text("utf-8")
    text = re.sub(r'^sla "[^"]*"', lambda m: f"sla {_sla(NAME)}", text, count=1, flags=re.MULTILINE)
    text = re.sub(
        r'^(\s*)title "[^"\n]*" / "[^"\n]*"',
        lambda m: f"{m.group(1)}title {_sla(TITLE['ja'])} / {_sla(TITLE['en'])}",
        text,
        count=1,
        flags=re.MULTILINE,
    )
    assert _sla(TITLE["en"]) in text and _sla(NAME) in text
    (tmp / "policy.sla").write_text(text, "utf-8")
    (tmp / "docs").mkdir()
    (tmp / "docs/index.md").write_text("# Home\n", "utf-8")
    config = tmp / "mkdocs.yml"
    config.write_text(
        "site_name: t\ntheme:\n  name: material\n  language: ja\n  font: false\nplugins:\n  - sla:\n"
        "      policies: [policy.sla]\n      languages: [ja, en]\n      schemas: false\n      maintenance_count: 1\n",
        "utf-8",
    )
    return mkdocs_build(config, tmp / "site")


def _no_markup_from_the_title(page: str) -> None:
    """No element the title's text could have made: no image, no script of its own, no javascript: link."""
    parsed = _Tags()
    parsed.feed(page)
    assert not [a for tag, a in parsed.tags if tag == "img"], "an <img> from the title"
    assert not [a for tag, a in parsed.tags if tag == "b"], "a <b> from the name"
    assert not [s for s in parsed.scripts if "alert(1)" in s], "a <script> from the title"
    assert not [a for tag, a in parsed.tags if (a.get("href") or "").startswith("javascript:")]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_title_shows_as_text_on_the_policy_page(hostile: Build, lang: str) -> None:
    page = next(hostile.site.glob(f"sla/*/{lang}/index.html")).read_text("utf-8")
    _no_markup_from_the_title(page)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", page), "a control character on the page"
    shown = printable(TITLE[lang])
    assert _texts(r"<title>(.*?)</title>", page) == [f"{shown} - t"]
    assert _texts(r"<h1\b[^>]*>(.*?)</h1>", page) == [shown]
    assert _texts(r'data-md-component="header-topic">(.*?)</div>', page) == [shown]
    assert shown in _texts(r'<span class="md-ellipsis">(.*?)</span>', page)  # the navigation
    # the front matter was read as such: no line of it on the page
    assert "title:" not in re.sub(r"<[^>]*>", "", page)


def test_the_title_shows_as_text_on_the_source_page(hostile: Build) -> None:
    """The source page is headed by the policy's title in the build's language (its policy page's heading),
    not its `sla` name."""
    page = next(hostile.site.glob("sla/*/source/index.html")).read_text("utf-8")
    _no_markup_from_the_title(page)
    shown = f"Policy source: {printable(TITLE['en'])} 2026.1"
    assert _texts(r"<title>(.*?)</title>", page) == [f"{shown} - t"]
    assert _texts(r"<h1\b[^>]*>(.*?)</h1>", page) == [shown]


def test_the_home_page_names_the_policy_as_text(hostile: Build) -> None:
    page = hostile.page("")
    _no_markup_from_the_title(page)
    assert printable(TITLE["ja"]) in _texts(r'<span class="md-ellipsis">(.*?)</span>', page)


@pytest.mark.parametrize(
    "title",
    ['a "b" \\c', "\x1b[2J\x07\x7f\x85\x9b", "line\nbreak\r\t", "\u2028\u2029\ufeff\ufffe\U0001f600", "<img>&amp;"],
)
def test_the_front_matter_is_yaml_of_the_title_as_html(title: str) -> None:
    block = front_matter(title)
    assert block.startswith("---\n") and block.endswith("\n---\n") and block.count("\n") == 3
    read = yaml.safe_load(block.strip("-\n"))
    assert read == {"title": printable(title).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}

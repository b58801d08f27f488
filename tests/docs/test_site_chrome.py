"""The site's chrome in each language: the 404 page, permalinks, search, calendar feeds, the language menu.

The Japanese site (at ``/``) and the English one (under ``en/``) are two builds
into one folder (mkdocs-static-i18n); what mkdocs writes at a fixed place or
once per build must still be each language's own. All tests read the one
session build (``site`` in ``conftest.py``).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from icalendar import Calendar

from .conftest import POLICY_PAGE, Build

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]")
_HTML_LANG = re.compile(r'<html\b[^>]*\blang="([^"]*)"')
_SWITCHER = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"')
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)


def _pages(site: Build) -> dict[str, str]:
    """Every page of the site by its folder (``""``, ``en/sla/click-so-ko/``): its HTML."""
    found = {}
    for path in sorted(site.site.rglob("index.html")):
        folder = path.parent.relative_to(site.site).as_posix()
        found["" if folder == "." else f"{folder}/"] = path.read_text("utf-8")
    return found


def _resolve(folder: str, href: str) -> str:
    """The site folder ``href`` leads to from the page in ``folder`` (``""`` for the root)."""
    if href.startswith("/"):
        return href.lstrip("/")
    target = posixpath.normpath(posixpath.join(folder or ".", href.split("#")[0]))
    return "" if target == "." else f"{target}/"


def _language_site(folder: str) -> str:
    """Whose site the page in ``folder`` belongs to: ``en`` under ``en/``, else ``ja``."""
    return "en" if folder.startswith("en/") else "ja"


def test_404_page_in_each_language(site: Build) -> None:
    """The root's 404 page is Japanese (title and text), the English site's is ``en/404.html``; the language
    menu on each leads to each language's home, not to the page built last."""
    ja = (site.site / "404.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", ja)
    assert title is not None and title.group(1).startswith("ページが見つかりません - "), title
    article = re.search(r"<article\b.*?</article>", ja, re.DOTALL)
    assert article is not None
    text = re.sub(r"<[^>]+>", " ", article.group(0))
    assert "ページが見つかりません" in text and not re.findall(r"[A-Za-z]+", text), text
    assert '<a href="/">ホームページへ</a>' in article.group(0)
    en = (site.site / "en/404.html").read_text("utf-8")
    for html, lang in ((ja, "ja"), (en, "en")):
        match = _HTML_LANG.search(html)
        assert match is not None and match.group(1) == lang
        assert {hl: href for href, hl in _SWITCHER.findall(html)} == {"ja": "/", "en": "/en/"}, lang
    assert "<title>Page not found - sla-dsl</title>" in en and "<h1>Page not found</h1>" in en
    en_article = re.search(r"<article\b.*?</article>", en, re.DOTALL)
    assert en_article is not None and not JAPANESE.search(en_article.group(0))
    assert '<a href="/en/">Go to the home page</a>' in en_article.group(0)
    # the English 404 page searches the English site
    config = _CONFIG.search(en)
    assert config is not None and json.loads(config.group(1))["base"] == "/en/"


def test_permalink_titles_speak_the_page_language(site: Build) -> None:
    """A heading's ``¶`` is titled in the page's language: Japanese on a Japanese page, English on an English
    one (an engineers' page written in English keeps English, in either site)."""
    titles: dict[str, set[str]] = {"ja": set(), "en": set()}
    for folder, html in _pages(site).items():
        match = _HTML_LANG.search(html)
        assert match is not None, folder
        found = set(re.findall(r'<a\b[^>]*class="headerlink"[^>]*title="([^"]*)"', html))
        titles[match.group(1)] |= found
        if match.group(1) == "ja":
            assert found <= {"この見出しへのリンク"}, (folder, found)
    assert titles == {"ja": {"この見出しへのリンク"}, "en": {"Permanent link"}}
    assert 'title="この見出しへのリンク">&para;</a>' in site.page(POLICY_PAGE["ja"])


def test_each_language_searches_only_its_own_pages(site: Build) -> None:
    """Each language's site has its own index of its own pages, and each page's search loads its site's index
    (Material fetches ``search/search_index.json`` from the page's ``base``)."""
    indexes: dict[str, set[str]] = {}
    for lang, root in (("ja", ""), ("en", "en/")):
        data = json.loads((site.site / root / "search/search_index.json").read_text("utf-8"))
        locations = [doc["location"] for doc in data["docs"]]
        # a location is relative to its site's root, and every one is a page of that site
        indexes[lang] = {root + loc.split("#")[0] for loc in locations}
        for page in indexes[lang]:
            assert (site.site / page / "index.html").is_file(), (lang, page)
            assert _language_site(page) == lang, (lang, page)
    pages = _pages(site)
    for folder, html in pages.items():
        lang = _language_site(folder)
        assert folder in indexes[lang], f"{folder} is not in the {lang} search"
        config = _CONFIG.search(html)
        assert config is not None, folder
        base = _resolve(folder, json.loads(config.group(1))["base"])
        assert base == ("en/" if lang == "en" else ""), (folder, base)
    assert "en/engineers/events/" in indexes["en"] and "engineers/events/" in indexes["ja"]
    # a page written in both languages is in each language's index in its language
    titles = {
        lang: {
            doc["location"]: doc["title"]
            for doc in json.loads((site.site / root / "search/search_index.json").read_text("utf-8"))["docs"]
        }
        for lang, root in (("ja", ""), ("en", "en/"))
    }
    assert titles["ja"]["engineers/events/"] == "イベント" and titles["en"]["engineers/events/"] == "Events"
    assert titles["ja"]["engineers/reports/"] == "レポート" and titles["en"]["engineers/reports/"] == "Reports"


def _feed(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_each_language_page_links_its_own_feed(site: Build) -> None:
    """The Japanese page links a feed in Japanese, the English page one in English: the same windows."""
    feeds = {}
    for lang in ("ja", "en"):
        links = set(re.findall(r'href="([^"]*maintenance\.ics)"', site.page(POLICY_PAGE[lang])))
        assert len(links) == 1, (lang, links)
        feeds[lang] = site.site / _resolve(POLICY_PAGE[lang] + "/", links.pop()).rstrip("/")
    assert feeds == {
        "ja": site.site / "sla/click-so-ko/maintenance.ics",
        "en": site.site / "en/sla/click-so-ko/maintenance.ics",
    }
    ja, en = _feed(feeds["ja"]), _feed(feeds["en"])
    ja_events, en_events = list(ja.walk("VEVENT")), list(en.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in ja_events] == [e.decoded("dtstart") for e in en_events]
    assert len(en_events) == 12 and [str(e["uid"]) for e in ja_events] == [str(e["uid"]) for e in en_events]
    assert {str(e["summary"]) for e in ja_events} == {"定期メンテナンス停止"}
    assert {str(e["summary"]) for e in en_events} == {"Regular maintenance stop"}
    english = [str(e.get(k, "")) for e in en_events for k in ("summary", "description")] + [str(en["x-wr-calname"])]
    assert not [t for t in english if JAPANESE.search(t)], english
    assert "定期メンテナンス" in str(ja["x-wr-calname"])


def test_language_menu_stays_on_the_same_page(site: Build) -> None:
    """On every page, Material's language menu leads to the same page in each language: the policy source
    pages too (they are generated, and mkdocs-static-i18n left them the links of the page built before)."""
    pages = _pages(site)
    checked = 0
    for folder, html in pages.items():
        here = folder.removeprefix("en/") if _language_site(folder) == "en" else folder
        links = {lang: _resolve(folder, href) for href, lang in _SWITCHER.findall(html)}
        assert links == {"ja": here, "en": f"en/{here}"}, folder
        assert all(target in pages for target in links.values()), folder
        checked += 1
    assert "sla/click-so-ko/source/" in pages and "en/sla/helpdesk/source/" in pages and checked > 40

"""Site search finds a Japanese word inside a longer one, in headless Chromium, on both sites.

A word of the index is a run of one script (the search's ``separator``), and what is typed is searched as
the beginning of a word: コンテンツ was found nowhere although デジタルコンテンツ管理サービス is on the
SLA page many times, nor クレジット in サービスクレジット. The site's search worker (``sla_dsl.docs.search``)
indexes every ending of a Japanese word, so a page is found when it holds what is typed.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .cdp import Browser, headless, needs_chromium
from .conftest import POLICY_PAGE, ROOT, Build, mkdocs_build

pytestmark = needs_chromium

_TYPE = (
    "(() => { const i = document.querySelector('input.md-search__input'); i.focus(); i.value = QUERY;"
    " i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new KeyboardEvent('keyup')); })()"
)
_LINKS = "Array.from(document.querySelectorAll('.md-search-result__item')).map(e => e.querySelector('a').href)"
#: Material's "no results" said (its words for it are in the page's ``__config``)
_NOTHING = (
    "(document.querySelector('.md-search-result__meta') || {}).innerText"
    " === JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']"
)

#: Words a reader types that the Japanese SLA page holds inside longer words (and some whole): katakana
#: (コンテンツ in デジタルコンテンツ管理サービス), kanji (情報 and 通知 in 復旧情報通知時間), compounds whole.
JAPANESE = (
    "コンテンツ",
    "デジタル",
    "ドライブ",
    "メンテナンス",
    "復旧",
    "情報",
    "通知",
    "サービス",
    "デジタルコンテンツ",
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Under(_Quiet):
    """Serves a folder's ``sla/`` at ``/sla/``, and its ``sla/404.html`` for a path not found, as a web server
    does for a site published under a path."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory, "sla", "en" if self.path.startswith("/sla/en/") else "", "404.html")
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _Quiet) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def served(site: Build) -> Iterator[str]:
    yield from _serve(site.site)


@pytest.fixture(scope="module")
def customer(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return mkdocs_build(ROOT / "mkdocs-customer.yml", tmp_path_factory.mktemp("customer") / "site")


@pytest.fixture(scope="module")
def customer_served(customer: Build) -> Iterator[str]:
    yield from _serve(customer.site)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


def _pages(index: Path) -> dict[str, str]:
    """The text each page gives the search (its sections' titles and texts, without markup), by page path."""
    pages: dict[str, str] = {}
    for doc in json.loads(index.read_text("utf-8"))["docs"]:
        page = doc["location"].split("#")[0]
        pages[page] = pages.get(page, "") + " " + re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
    return pages


def _search(browser: Browser, query: str) -> list[str]:
    """Type ``query`` into the search box (emptied first): where its results lead, each page once."""
    browser.evaluate(_TYPE.replace("QUERY", json.dumps("")))
    for _ in range(50):
        if not browser.evaluate(_LINKS):
            break
        time.sleep(0.1)
    browser.evaluate(_TYPE.replace("QUERY", json.dumps(query)))
    for _ in range(100):  # the index is built in a worker: up to 20 s
        links = browser.evaluate(_LINKS)
        if links or browser.evaluate(_NOTHING):
            return list(dict.fromkeys(link.split("#")[0] for link in links))
        time.sleep(0.2)
    raise AssertionError(f"no answer to the search for {query!r}")


def _check_finds(browser: Browser, base: str, pages: dict[str, str], queries: tuple[str, ...]) -> None:
    """Each query finds the pages that hold it (every one when there are at most ten: Material shows ten at
    first) and no page that does not: a Japanese word is searched whole, not cut to a character."""
    failures = {}
    for query in queries:
        holding = {f"{base}/{page}" for page, text in pages.items() if query.lower() in text.lower()}
        assert holding, f"{query} is on no page: pick another word"
        found = _search(browser, query)
        wrong = [page for page in found if page not in holding]
        missed = sorted(holding - set(found)) if len(holding) <= 10 else []
        if not found or wrong or missed:
            failures[query] = {"found": found[:4], "not holding it": wrong[:4], "missed": missed[:4]}
    assert not failures, f"searches that miss their pages or find others: {failures}"


def test_main_site_finds_parts_of_japanese_words(served: str, site: Build, browser: Browser) -> None:
    browser.open(f"{served}/{POLICY_PAGE['ja']}/")
    _check_finds(browser, served, _pages(site.site / "search/search_index.json"), (*JAPANESE, "クレジット"))


def test_customer_site_finds_parts_of_japanese_words(customer_served: str, customer: Build, browser: Browser) -> None:
    browser.open(f"{customer_served}/")
    _check_finds(browser, customer_served, _pages(customer.site / "search/search_index.json"), JAPANESE)


@pytest.mark.parametrize("which", ["main", "customer"])
def test_english_words_are_found_as_before(
    which: str, served: str, site: Build, customer_served: str, customer: Build, browser: Browser
) -> None:
    base, built, page = (served, site, POLICY_PAGE["en"]) if which == "main" else (customer_served, customer, "en")
    browser.open(f"{base}/{page}/")
    _check_finds(browser, f"{base}/en", _pages(built.site / "en/search/search_index.json"), ("windows", "business"))


def test_a_compound_no_page_holds_finds_its_parts(customer_served: str, customer: Build, browser: Browser) -> None:
    """障害通知 is on no page: typed, it is cut into the parts pages hold (障害, 通知), as before."""
    pages = _pages(customer.site / "search/search_index.json")
    assert not any("障害通知" in text for text in pages.values())
    browser.open(f"{customer_served}/")
    found = _search(browser, "障害通知")
    assert found, "障害通知 found nothing"
    assert all(any(w in pages[page.removeprefix(f"{customer_served}/")] for w in ("障害", "通知")) for page in found)


def test_two_parts_of_one_word_mark_it_once(customer_served: str, browser: Browser) -> None:
    """デジタル and コンテンツ typed together both match デジタルコンテンツ: the result marks it once, its markup
    whole (two marks at one place left ``<mark`` as text)."""
    browser.open(f"{customer_served}/")
    assert _search(browser, "デジタル コンテンツ")
    state = browser.evaluate(
        "({nested: document.querySelectorAll('.md-search-result mark mark').length,"
        " marks: Array.from(document.querySelectorAll('.md-search-result mark')).map(e => e.innerText),"
        " text: document.querySelector('.md-search-result').innerText})"
    )
    assert state["nested"] == 0 and "mark" not in state["text"], state["text"][:300]
    assert "デジタルコンテンツ" in state["marks"], state["marks"][:6]


@pytest.fixture(scope="module")
def under_a_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The customers' site built for https://sla.example.com/sla/ and served at /sla/ on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("published")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SLA_DOCS_SITE_URL", "https://sla.example.com/sla/")
        mkdocs_build(ROOT / "mkdocs-customer.yml", folder / "sla")
    yield from _serve(folder, _Under)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_404_page_under_a_path_is_styled_and_searches(under_a_path: str, browser: Browser, lang: str) -> None:
    """A site published under a path (its address in SLA_DOCS_SITE_URL) answers a missing page with its 404
    page, whose links lead into the site (``/sla/…``) from any depth: styled, and its search finds words."""
    browser.open(f"{under_a_path}/sla/{'en/' if lang == 'en' else ''}no/such/page/")
    loaded = browser.evaluate("performance.getEntriesByType('resource').map(e => [e.name, e.responseStatus])")
    # (the theme fetches `sitemap.xml` under each other-language link on load, `en/sitemap.xml` from a Japanese
    # page: the site writes one in each language's folder)
    bad = [(url, status) for url, status in loaded if not (url.startswith(f"{under_a_path}/sla/") and status == 200)]
    assert loaded and not bad, bad
    assert browser.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    query, word = ("コンテンツ", "デジタルコンテンツ") if lang == "ja" else ("windows", "windows")
    found = _search(browser, query)
    assert f"{under_a_path}/sla/{'en/' if lang == 'en' else ''}" in found, found
    marks = browser.evaluate("Array.from(document.querySelectorAll('.md-search-result mark')).map(e => e.innerText)")
    assert word in [m.lower() for m in marks], marks

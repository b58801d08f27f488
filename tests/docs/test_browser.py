"""End to end: the built site, served on 127.0.0.1, in headless Chromium.

The browser is Debian's ``chromium`` (``.ci/run`` installs it). Where it is not
installed the tests skip and say why; they never pass without a browser.
"""

from __future__ import annotations

import functools
import html
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

#: What must be on screen, per language: (element id, texts it must show).
EXPECTED: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "priorities": ("Priority 1", "4 business hours", "1 business day", "5 business days"),
        "maintenance-windows": ("Thu 23 Apr 2026", "22:00–24:00"),
    },
    "ja": {
        "priorities": ("優先度１", "4営業時間", "1営業日", "5営業日"),
        "maintenance-windows": ("2026年4月23日(木)", "22:00〜24:00"),
    },
}

_VISIBLE = """(() => {
  const el = document.getElementById(%s);
  if (!el) { return null; }
  el.scrollIntoView({block: "start"});
  window.scrollBy(0, -80);
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const hit = document.elementFromPoint(r.left + Math.min(r.width, 200) / 2, r.top + Math.min(r.height, 100) / 2);
  return {width: r.width, height: r.height, visibility: s.visibility, display: s.display,
          onTop: !!hit && el.contains(hit), text: el.innerText};
})()"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(site: Build) -> Iterator[str]:
    """The built site on an HTTP server at 127.0.0.1 (a free port)."""
    yield from _serve(site.site)


@pytest.fixture(scope="module")
def customer_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The customers' site (``mkdocs-customer.yml``), built and served as :func:`served`."""
    folder = tmp_path_factory.mktemp("customer")
    yield from _serve(mkdocs_build(ROOT / "mkdocs-customer.yml", folder / "site").site)


def _serve(directory: Path) -> Iterator[str]:
    """The site in ``directory`` on an HTTP server at 127.0.0.1 (a free port), until the generator ends."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_priority_table_and_maintenance_list_are_visible(
    served: str, browser: Browser, lang: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    browser.open(f"{served}/{POLICY_PAGE[lang]}/")
    assert browser.evaluate("document.documentElement.lang") == lang
    shots = tmp_path_factory.mktemp(f"screenshots-{lang}")
    for ident, texts in EXPECTED[lang].items():
        state = browser.evaluate(_VISIBLE % json.dumps(ident))
        assert state is not None, f"#{ident} is not on the {lang} page"
        assert state["width"] > 300 and state["height"] > 100, state
        assert state["visibility"] == "visible" and state["display"] != "none", state
        assert state["onTop"], f"#{ident} is covered by another element"
        for text in texts:
            assert text in state["text"], f"{text!r} not shown in #{ident} ({lang})"
        png = browser.screenshot(shots / f"{lang}-{ident}.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
        print(f"screenshot: {png}")


def test_language_switch_and_source_link(served: str, browser: Browser) -> None:
    browser.open(f"{served}/{POLICY_PAGE['en']}/")
    # Material's language menu (mkdocs-static-i18n) leads to the same page in Japanese, not to the home page
    href = browser.evaluate('document.querySelector(".md-select a[hreflang=ja]").href')
    assert href == f"{served}/{POLICY_PAGE['ja']}/", href  # exactly: the en page's path ends the same way
    browser.open(href)
    assert "第3条（SLA の設定）" in browser.evaluate("document.body.innerText")
    assert browser.evaluate("document.documentElement.lang") == "ja"
    back = browser.evaluate('document.querySelector(".md-select a[hreflang=en]").href')
    assert back == f"{served}/{POLICY_PAGE['en']}/", back
    browser.open(back)
    # a section's source link opens the policy source with its lines highlighted
    link = browser.evaluate('document.querySelector("#priority-p1 a.sla-src").href')
    browser.open(link)
    marked = browser.evaluate('Array.from(document.querySelectorAll(".sla-hl, .sla-decl:target")).length')
    assert marked >= 1
    text = browser.evaluate('document.querySelector(".sla-decl:target").innerText')
    assert "priority P1" in text and "respond within 4 business hours" in text


def _search(browser: Browser, query: str, what: str = "e.innerText") -> list[str]:
    """Type ``query`` into Material's search box and return the results once they appear: their titles, or
    ``what`` of each (``e.querySelector('a').href``: where it leads)."""
    script = (
        "(() => { const i = document.querySelector('input.md-search__input'); i.focus(); i.value = QUERY;"
        " i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new KeyboardEvent('keyup')); })()"
    )
    browser.evaluate(script.replace("QUERY", json.dumps(query)))
    for _ in range(100):  # the search index loads in a worker: wait up to 20 s for results
        titles: list[str] = browser.evaluate(
            f"Array.from(document.querySelectorAll('.md-search-result__item')).map(e => {what})"
        )
        if titles:
            return titles
        time.sleep(0.2)
    return []


@pytest.mark.parametrize("query", ["第4木曜日", "木曜日", "メンテナンス", "営業時間"])
def test_japanese_search_finds_japanese_words(served: str, browser: Browser, query: str) -> None:
    browser.open(f"{served}/{POLICY_PAGE['ja']}/")
    results = _search(browser, query)
    assert results, f"search for {query!r} found nothing on the ja site"
    assert any("定期メンテナンス" in r or query in r for r in results), results[:3]


_LINK = "e.querySelector('a').href"

#: Words of the site made of several Japanese words, in kanji, katakana and hiragana together.
COMPOUNDS = ("定期メンテナンス", "営業日カレンダー", "サービスレベル合意書", "逐次バックアップ", "計画停止の通知")


def _headings(page: Path) -> list[str]:
    """The h1-h3 texts of a built page's article (its permalink and source marks left out)."""
    text = page.read_text("utf-8")
    article = text[text.find("<article") : text.find("</article>")]
    found = re.findall(r"<h([123])[^>]*>(.*?)</h\1>", article, re.S)
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).replace("¶", "").replace("§", "").split()) for _, h in found
    ]


def _search_each(browser: Browser, queries: list[str]) -> dict[str, list[str]]:
    """Type each query into the search box in turn (emptied between): where its results lead, by query."""
    typed = (
        "(() => { const i = document.querySelector('input.md-search__input'); i.focus(); i.value = QUERY;"
        " i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new KeyboardEvent('keyup')); })()"
    )
    links = f"Array.from(document.querySelectorAll('.md-search-result__item')).map(e => {_LINK})"
    found: dict[str, list[str]] = {}
    for query in queries:
        browser.evaluate(typed.replace("QUERY", json.dumps("")))
        for _ in range(50):
            if not browser.evaluate(links):
                break
            time.sleep(0.1)
        browser.evaluate(typed.replace("QUERY", json.dumps(query)))
        found[query] = []
        for _ in range(100):
            found[query] = [link.split("#")[0] for link in browser.evaluate(links)]
            if found[query]:
                break
            time.sleep(0.2)
    return found


def test_japanese_search_finds_headings_and_compound_words(served: str, site: Build, browser: Browser) -> None:
    """Typed whole, each heading of the Japanese home and SLA pages finds its page, and each compound word a
    page it is on: lunr splits the index's Japanese into words (TinySegmenter) but not a query, so with
    white space and numbers the only separators 計画停止の通知 was one word no page held."""
    wanted: dict[str, set[str]] = {}
    for path in ("", f"{POLICY_PAGE['ja']}/"):
        for heading in _headings(site.site / path / "index.html"):
            wanted.setdefault(heading, set()).add(f"{served}/{path}")
    for word in COMPOUNDS:
        pages = {
            f"{served}/{page.parent.relative_to(site.site).as_posix()}/".replace(f"{served}/./", f"{served}/")
            for page in site.site.rglob("index.html")
            if not page.relative_to(site.site).as_posix().startswith(("en/", "search/"))
            and word in re.sub(r"<[^>]+>", "", page.read_text("utf-8"))
        }
        assert pages, f"{word} is on no Japanese page"
        wanted.setdefault(word, set()).update(pages)
    browser.open(f"{served}/{POLICY_PAGE['ja']}/")
    found = _search_each(browser, list(wanted))
    missing = {q: found[q][:3] for q, pages in wanted.items() if not pages & set(found[q])}
    assert not missing, f"{len(missing)} of {len(wanted)} Japanese searches miss their page: {missing}"


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("timezone", "en/sla/click-so-ko/source/"),
        ("windows", "en/sla/click-so-ko/"),
        ("business", "en/sla/click-so-ko/"),
    ],
)
def test_english_search_finds_english_words(served: str, browser: Browser, query: str, page: str) -> None:
    """The English site's search finds English words where they are: it found none of these (or only words
    that begin with them, ``business_time_between``), its index stemmed (``timezon``) and the typed word not."""
    browser.open(f"{served}/{POLICY_PAGE['en']}/")
    found = [link.split("#")[0] for link in _search(browser, query, _LINK)]
    assert f"{served}/{page}" in found, f"search for {query!r} on the en site: {found[:6]}"


@pytest.mark.parametrize(
    ("lang", "query"), [("en", "windows"), ("en", "business"), ("ja", "木曜日"), ("ja", "営業時間")]
)
def test_the_customers_site_searches_both_languages(
    customer_served: str, browser: Browser, lang: str, query: str
) -> None:
    home = {"ja": f"{customer_served}/", "en": f"{customer_served}/en/"}[lang]
    browser.open(home)
    found = [link.split("#")[0] for link in _search(browser, query, _LINK)]
    assert home in found, f"search for {query!r} on the customers' {lang} site: {found[:6]}"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_policy_page_fits_the_screen(
    served: str, browser: Browser, lang: str, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """At desktop and phone widths nothing runs off the page; wide tables scroll inside their own box."""
    browser.open(f"{served}/{POLICY_PAGE[lang]}/", width=width, height=900)
    overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the {lang} page is {overflow}px wider than a {width}px screen"
    boxes = browser.evaluate(
        "Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).map(e => [e.getBoundingClientRect().right,"
        " getComputedStyle(e).overflowX])"
    )
    assert boxes and all(right <= width + 1 and ox == "auto" for right, ox in boxes), boxes
    if width >= 1280:  # on a desk's screen every table fits its column: none hides a column behind a scroll bar
        clipped = browser.evaluate(
            "Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).filter(e => e.scrollWidth >"
            " e.clientWidth + 1).map(e => [e.querySelector('table').id, e.scrollWidth, e.clientWidth])"
        )
        assert clipped == [], f"tables wider than the {lang} page's column at {width}px: {clipped}"
    # nothing from another host: every resource the page loaded came from the test server
    loaded = browser.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert all(u.startswith(served) for u in loaded), [u for u in loaded if not u.startswith(served)]
    shots = tmp_path_factory.mktemp(f"layout-{lang}-{width}")
    for ident in ("top", "maintenance-windows", "priorities"):
        browser.evaluate(f"document.getElementById({json.dumps(ident)}).scrollIntoView({{block: 'start'}})")
        png = browser.screenshot(shots / f"{lang}-{width}-{ident}.png")
        assert png.stat().st_size > 10_000
        print(f"screenshot: {png}")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_source_links_are_hidden_on_a_phone(served: str, browser: Browser, lang: str) -> None:
    """The authors' build links rows and sections to the policy's source lines (``§``, "policy source, lines
    a-b"): shown on a desk's screen, hidden on a phone's, where they were clutter."""
    shown = (
        "Array.from(document.querySelectorAll('.sla-src')).map(e => [getComputedStyle(e).display,"
        " e.getBoundingClientRect().width])"
    )
    browser.open(f"{served}/{POLICY_PAGE[lang]}/", width=1280, height=900)
    desk = browser.evaluate(shown)
    assert len(desk) > 10 and all(display != "none" and width > 0 for display, width in desk), desk
    browser.open(f"{served}/{POLICY_PAGE[lang]}/", width=390, height=900)
    phone = browser.evaluate(shown)
    assert len(phone) == len(desk) and all(display == "none" and width == 0 for display, width in phone), phone
    assert "§" not in browser.evaluate("document.body.innerText")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_table_that_scrolls_is_a_named_region_the_keyboard_reaches(served: str, browser: Browser, lang: str) -> None:
    """On a phone a wide table scrolls sideways in the theme's box, which Tab never reached (axe-core's
    scrollable-region-focusable): one without a mouse could not see its columns past the screen's edge.
    Each box is now a region named by the heading above its table, and the keyboard scrolls it."""
    browser.open(f"{served}/{POLICY_PAGE[lang]}/", width=390, height=900)
    boxes = browser.evaluate(
        "Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).map(e => [e.tabIndex,"
        " e.getAttribute('role'), e.getAttribute('aria-label'), e.scrollWidth > e.clientWidth])"
    )
    assert boxes and any(wide for *_, wide in boxes), boxes
    headings = browser.evaluate(
        "Array.from(document.querySelectorAll('.md-content__inner :is(h1, h2, h3, h4, h5, h6)')).map(h =>"
        " Array.from(h.childNodes).filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim())"
    )
    for tab, role, name, _ in boxes:
        assert (tab, role) == (0, "region") and name in headings, (tab, role, name)
    # the keyboard reaches the first box that scrolls, and the arrow key scrolls it
    moved = browser.evaluate(
        """(() => {
      const box = Array.from(document.querySelectorAll('.md-typeset__scrollwrap'))
        .find(e => e.scrollWidth > e.clientWidth);
      box.focus();
      return document.activeElement === box;
    })()"""
    )
    assert moved
    for kind in ("keyDown", "keyUp"):
        browser.call(
            "Input.dispatchKeyEvent",
            session=True,
            type=kind,
            key="ArrowRight",
            code="ArrowRight",
            windowsVirtualKeyCode=39,
        )
    time.sleep(0.3)
    scrolled = browser.evaluate("document.activeElement.scrollLeft")
    assert scrolled > 0, scrolled


@pytest.mark.parametrize("site_of", ["project", "customers"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_original_text_fits_a_phones_screen(
    served: str, customer_served: str, browser: Browser, site_of: str, width: int
) -> None:
    """The original SLA's page (its text as it is, in a ``pre``) on a phone: its lines ran past the screen, each
    to be scrolled sideways, and the block stood at the screen's edge. Now its lines wrap inside the page's
    column, which it starts at as the sentence above it does."""
    browser.open(f"{served if site_of == 'project' else customer_served}/original/", width=width, height=900)
    box = browser.evaluate(
        "(() => { const pre = document.querySelector('pre.sla-original'), p = pre.previousElementSibling;"
        " return [pre.scrollWidth - pre.clientWidth, pre.getBoundingClientRect().left,"
        " p.getBoundingClientRect().left, pre.innerText.length]; })()"
    )
    hidden, left, column, length = box
    assert length > 1000 and hidden <= 0 and abs(left - column) <= 1, box

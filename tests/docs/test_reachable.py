"""Every page of the project's site can be reached from its home page, in each language.

The example policies' pages (and their source pages) were built but linked from nowhere: in no
navigation, on no page. They are in the navigation now, each under its own title in the page's language.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .conftest import Build

#: pages a reader is sent to by the server, never by a link (an address with no page)
UNLINKED = {"404.html", "en/404.html"}


def _reached(site: Path, start: str) -> set[str]:
    """The HTML files reached by following the site's relative links from ``start``."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    seen: set[str] = set()
    todo = [start]
    while todo:
        here = todo.pop()
        if here in seen or here not in pages:
            continue
        seen.add(here)
        for href in re.findall(r'href="([^"#]*)', (site / here).read_text("utf-8")):
            if not href or re.match(r"[a-z][a-z0-9+.-]*:|//", href):
                continue  # (another site, mail, the page itself)
            path = unquote(urlsplit(urljoin(f"http://site/{here}", href)).path).lstrip("/")
            todo.append(path + "index.html" if path.endswith("/") or not path else path)
    return seen


def test_every_page_is_reached_from_each_home_page(site: Build) -> None:
    pages = {p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html")} - UNLINKED
    for home in ("index.html", "en/index.html"):
        missed = sorted(pages - _reached(site.site, home))
        assert not missed, f"not reached from {home}: {missed}"


def test_the_examples_are_in_the_navigation_under_their_titles(site: Build) -> None:
    titles = {
        "": ("土曜窓口つきサポートの SLA", "英語窓口の SLA", "契約プラン別の SLA"),
        "en/": ("SLA with Saturday support", "SLA of the English desk", "SLA by plan"),
    }
    for folder, said in titles.items():
        nav = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', site.page(folder.rstrip("/")), re.S)
        for title in said:
            assert title in nav, (folder, title)

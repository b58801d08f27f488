"""Without the site's address, every page's language menu and ``<link rel="alternate">`` are relative.

mkdocs-static-i18n gives a home page its languages' homes as paths from the server's root (``/``,
``/en/``): served under a path (``/sla-dsl/``) or opened from files, the English link was a 404. The
``sla`` plugin makes them relative, as every other link of the site, when no ``site_url`` is given
(``SLA_DOCS_SITE_URL``); with one they stay under that address. The 404 pages keep absolute links on
purpose (they are served at any address) and are not ``index.html``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .conftest import ROOT, Build, mkdocs_build

pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")

_SWITCHER = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"')
_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def _links(site: Path) -> dict[str, list[tuple[str, str]]]:
    """Every page's (href, hreflang) of its language menu and its alternate links, by the page's folder."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        html = path.read_text("utf-8")
        folder = path.parent.relative_to(site).as_posix()
        found[folder] = _SWITCHER.findall(html) + _ALTERNATE.findall(html)
    return found


def _absolute(links: dict[str, list[tuple[str, str]]]) -> dict[str, list[str]]:
    return {page: bad for page, pairs in links.items() if (bad := [h for h, _ in pairs if h.startswith("/")])}


def test_the_sites_links_between_languages_are_relative(site: Build) -> None:
    if os.environ.get("SLA_DOCS_SITE_URL"):
        pytest.skip("SLA_DOCS_SITE_URL is set: the session's site was built with an address")
    links = _links(site.site)
    assert _absolute(links) == {}
    assert sum(len(pairs) for pairs in links.values()) > 100
    # the home pages lead to each other
    assert sorted(links["."]) == sorted([("./", "ja"), ("en/", "en")] * 2)
    assert sorted(links["en"]) == sorted([("../", "ja"), ("./", "en")] * 2)


def test_the_customers_site_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SLA_DOCS_SITE_URL", raising=False)
    build = mkdocs_build(ROOT / "mkdocs-customer.yml", tmp_path / "site")
    links = _links(build.site)
    assert _absolute(links) == {}
    assert ("en/", "en") in links["."] and ("../", "ja") in links["en"]


def test_with_the_sites_address_they_stay_under_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLA_DOCS_SITE_URL", "https://docs.example.org/sla-dsl/")
    build = mkdocs_build(ROOT / "mkdocs-customer.yml", tmp_path / "site")
    links = _links(build.site)
    assert sorted(set(links["."])) == [("/sla-dsl/", "ja"), ("/sla-dsl/en/", "en")]

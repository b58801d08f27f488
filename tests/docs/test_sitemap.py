"""The sitemap: with the site's address, every page of both languages (the generated policy pages too); without, none.

A sitemap's URLs must be absolute (sitemaps.org), so the site writes one only when ``site_url`` is set
(``SLA_DOCS_SITE_URL`` in ``mkdocs.yml``); the project's site of the other tests is built without it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import POLICY_PAGE, ROOT, TODAY, Build, mkdocs_build

pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")

URL = "https://docs.example.org/sla-dsl/"
_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@dataclass(frozen=True)
class Entry:
    """One ``<url>`` of a sitemap: its address and its versions in each language (``hreflang``)."""

    loc: str
    alternates: dict[str, str]


def _published(config: Path, site: Path, url: str = URL) -> Build:
    """``config`` built with ``url`` as the site's address (``SLA_DOCS_SITE_URL``)."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SLA_DOCS_SITE_URL", url)
        return mkdocs_build(config, site)


def _entries(build: Build) -> list[Entry]:
    """The sitemap at the site's root, read; its gzipped copy must say the same."""
    text = (build.site / "sitemap.xml").read_bytes()
    assert gzip.decompress((build.site / "sitemap.xml.gz").read_bytes()) == text
    entries = []
    for url in ET.fromstring(text).findall("sm:url", _NS):
        loc = url.find("sm:loc", _NS)
        assert loc is not None and loc.text, ET.tostring(url, "unicode")
        links = url.findall("xhtml:link[@rel='alternate']", _NS)
        entries.append(Entry(loc.text.strip(), {link.get("hreflang", ""): link.get("href", "") for link in links}))
    return entries


def _pages(build: Build, url: str = URL) -> set[str]:
    """The address of every page a reader can reach (each ``index.html``; not the 404 pages)."""
    paths = (p.relative_to(build.site).parent.as_posix() for p in build.site.rglob("index.html"))
    return {url if path == "." else f"{url}{path}/" for path in paths}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    """The project's site built as it is published, with its address."""
    yield _published(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("published"))


def test_no_sitemap_without_the_sites_address(site: Build) -> None:
    if os.environ.get("SLA_DOCS_SITE_URL"):
        pytest.skip("SLA_DOCS_SITE_URL is set: the session's site was built with an address")
    written = sorted(p.relative_to(site.site).as_posix() for p in site.site.rglob("sitemap.xml*"))
    assert written == [], f"a sitemap without the site's address cannot give absolute URLs: {written}"


def test_sitemap_lists_every_page_of_both_languages(published: Build) -> None:
    entries = _entries(published)
    locs = [e.loc for e in entries]
    assert all(loc.startswith(URL) for loc in locs), [loc for loc in locs if not loc.startswith(URL)]
    assert len(locs) == len(set(locs)), "a page listed twice"
    assert set(locs) == _pages(published), (
        f"missing: {sorted(_pages(published) - set(locs))}; not pages: {sorted(set(locs) - _pages(published))}"
    )
    # the generated pages in both languages: the policy, its source, the example policies
    for page in (*POLICY_PAGE.values(), "sla/click-so-ko/source", "en/sla/click-so-ko/source", "en/sla/helpdesk"):
        assert f"{URL}{page}/" in locs, page
    assert {URL, f"{URL}en/"} <= set(locs)


def test_each_other_language_has_the_sitemap_of_its_folder(published: Build) -> None:
    """``en/sitemap.xml``: the root's entries under ``en/`` (a sitemap lists only what is under its own folder),
    each with its other language's, as the theme reads it from a Japanese page's link to English."""
    text = (published.site / "en" / "sitemap.xml").read_bytes()
    assert gzip.decompress((published.site / "en" / "sitemap.xml.gz").read_bytes()) == text
    root = _entries(published)
    under = [
        Entry(loc.text.strip(), {k.get("hreflang", ""): k.get("href", "") for k in url.findall("xhtml:link", _NS)})
        for url in ET.fromstring(text).findall("sm:url", _NS)
        if (loc := url.find("sm:loc", _NS)) is not None and loc.text
    ]
    assert under == [e for e in root if e.loc.startswith(f"{URL}en/")]
    assert len(under) * 2 == len(root)
    assert not list(published.site.glob("*/*/sitemap.xml*"))


def test_each_page_names_its_other_language(published: Build) -> None:
    entries = {e.loc: e.alternates for e in _entries(published)}
    for loc, alternates in entries.items():
        assert set(alternates) == {"ja", "en"}, (loc, alternates)
        assert loc in alternates.values(), (loc, alternates)
        assert set(alternates.values()) <= set(entries), (loc, alternates)
    policy = {lang: f"{URL}{page}/" for lang, page in POLICY_PAGE.items()}
    assert entries[policy["ja"]] == policy and entries[policy["en"]] == policy
    assert entries[f"{URL}en/"] == {"ja": URL, "en": f"{URL}en/"}


def test_customer_sitemap(tmp_path: Path) -> None:
    url = "https://sla.example.com/"
    build = _published(ROOT / "mkdocs-customer.yml", tmp_path / "site", url)
    entries = {e.loc: e.alternates for e in _entries(build)}
    # the policy is the home page of each language, next to the original
    assert set(entries) == _pages(build, url) == {url, f"{url}en/", f"{url}original/", f"{url}en/original/"}
    assert entries[url] == entries[f"{url}en/"] == {"ja": url, "en": f"{url}en/"}
    english = ET.fromstring((build.site / "en" / "sitemap.xml").read_bytes()).findall("sm:url/sm:loc", _NS)
    assert sorted((e.text or "").strip() for e in english) == [f"{url}en/", f"{url}en/original/"]


def test_a_fixed_build_date_dates_every_sitemap_entry_and_the_gzip_header(published: Build) -> None:
    """``SLA_DOCS_TODAY`` (``TODAY`` in the tests' builds) dates every page, not the clock: each ``<lastmod>``
    of the root's sitemap and of ``en/``'s, and the time in each ``sitemap.xml.gz``'s header (mkdocs dates
    its own by the latest page). So a site built on another day is the same bytes (QA, 2026-12)."""
    midnight = int(dt.datetime.fromisoformat(TODAY).replace(tzinfo=dt.UTC).timestamp())
    for folder in (published.site, published.site / "en"):
        text = (folder / "sitemap.xml").read_bytes()
        dates = [(d.text or "").strip() for d in ET.fromstring(text).findall("sm:url/sm:lastmod", _NS)]
        assert dates and set(dates) == {TODAY}, (folder, sorted(set(dates)))
        packed = (folder / "sitemap.xml.gz").read_bytes()
        assert int.from_bytes(packed[4:8], "little") == midnight, folder  # the gzip header's MTIME

"""The customer-facing pages: the contract text word for word, readings marked, Japanese only on the ja page.

* Every sentence of ``docs/original/clicksoko-sla-ja.txt`` is on the Japanese
  policy page, in the original's order (compared without spaces and line
  breaks, as the original is a PDF extraction wrapped mid-word).
* The project's readings carry the 読み方 mark and never sit inside the
  contract text.
* The Japanese page's content has no English fragment and no internal name
  (rule, event or cause names, ``Asia/Tokyo``); the English page no Japanese.
* No page loads anything from another host; the maintenance feed is valid
  iCalendar with the windows the page lists.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

from icalendar import Calendar

from sla_dsl.lang import model as m
from sla_dsl.policy import load_policy

from .conftest import POLICY_PAGE, ROOT, Build
from .htmltables import squash, tables

ORIGINAL = ROOT / "docs/original/clicksoko-sla-ja.txt"
POLICY = ROOT / "policies/clicksoko.sla"


class _Content(HTMLParser):
    """The text of the page's article (Material's ``<article>``), by the class of its innermost block."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.stack: list[str] = []
        self.parts: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth and tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append(dict(attrs).get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and self.stack and tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.pop()
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append((" ".join(self.stack), data))


def content(html: str) -> list[tuple[str, str]]:
    """(classes of the enclosing elements, text) for every text node of the article."""
    parser = _Content()
    parser.feed(html)
    return parser.parts


def article_text(html: str) -> str:
    """The article's text, headings' permalink marks left out."""
    return " ".join(t for cls, t in content(html) if "headerlink" not in cls)


def sentences(text: str) -> list[str]:
    """The original's sentences, squashed (no spaces or line breaks): split after 。 and before each article."""
    flat = re.sub(r"(第\d+条（[^）]*）)", "\0\\1\0", squash(re.sub(r"\s+", "", text)))
    return [p for p in re.split(r"(?<=。)|\0", flat) if p]


def test_every_sentence_of_the_original_is_on_the_ja_page_in_order(site: Build) -> None:
    page = squash(re.sub(r"\s+", "", article_text(site.page(POLICY_PAGE["ja"]))))
    pieces = sentences(ORIGINAL.read_text("utf-8"))
    assert len(pieces) > 25, pieces
    at = 0
    for piece in pieces:
        found = page.find(piece, at)
        assert found >= 0, f"not on the ja page in the original's order (after position {at}): {piece}"
        at = found + len(piece)
    # the sentences the issue names as lost or moved
    for text in ("下記の時間帯はサービスをご利用頂けません。", "・優先度別レスポンス目安", "翌日以降に延期されます。"):
        assert squash(text) in page


def test_readings_are_marked_and_outside_the_contract_text(site: Build) -> None:
    parts = content(site.page(POLICY_PAGE["ja"]))
    contract = squash(" ".join(t for cls, t in parts if "sla-contract" in cls))
    for reading in (
        "停止時間として数えます",
        "その後の最初の営業日に実施するものとして計算します",
        "同じ日のうちになります",
    ):
        assert reading not in contract
        html = site.page(POLICY_PAGE["ja"])
        at = html.index(reading)
        opening = html.rindex("<li", 0, at) if "<li" in html[max(0, at - 300) : at] else html.rindex("<p", 0, at)
        block = html[opening:at]
        assert "sla-badge" in block, f"reading {reading!r} is not marked: {block}"
    badges = [t for cls, t in parts if "sla-badge" in cls]
    assert len(badges) >= 4 and set(badges) == {"読み方"}
    # no reading is written as a promise in the contract's voice
    page = article_text(site.page(POLICY_PAGE["ja"]))
    assert "当日中に回答します" not in page and "翌営業日に延期されます" not in page


def _internal_names() -> set[str]:
    policy = load_policy(POLICY)
    model: m.PolicyModel = policy.model
    names = {c.name for c in model.calendars} | {s.name for s in model.services} | {b.kind for b in model.backups}
    names |= {n.name for n in model.notifications} | {x.cause for x in model.exclusions}
    names |= {mt.name for mt in model.maintenance} | {p.name for p in model.planned_stops}
    names |= {c.name for c in model.clocks}
    return names | {policy.tz.key}


#: Latin words a Japanese reader sees in the original itself (product, company and document names).
_JA_ALLOWED = {"Click", "So", "ko", "SLA", "Service", "Level", "Agreement", "MIC", "AMI", "OS", "UTC", "iCalendar"}


def test_ja_page_has_no_english_and_no_internal_names(site: Build) -> None:
    text = article_text(site.page(POLICY_PAGE["ja"]))
    words = set(re.findall(r"[A-Za-z][A-Za-z_.]*", text))
    english = sorted(w for w in words if w.strip(".") not in _JA_ALLOWED)
    assert not english, f"English or internal names on the ja page: {english}"
    for name in _internal_names():
        assert not re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text), name
    assert not re.search(r"[a-z]+\.[a-z_]+", text), "an event name on the ja page"
    # labels and values are separate elements, and time zone is not 時間帯
    html = site.page(POLICY_PAGE["ja"])
    assert "<dt>適用開始日</dt><dd>2026年4月1日(水)</dd>" in html
    assert "<dt>標準時</dt><dd>日本標準時（UTC+9）</dd>" in html


def test_en_page_has_no_japanese(site: Build) -> None:
    text = article_text(site.page(POLICY_PAGE["en"]))
    japanese = re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]+", text)
    assert not japanese, f"Japanese on the en page: {japanese[:10]}"
    for broken in ("business hours business hours", "status is sent", "without the end user answers"):
        assert broken not in text


def test_ja_chrome_and_alternates(site: Build) -> None:
    html = site.page(POLICY_PAGE["ja"])
    assert re.search(r'<html lang="ja"', html)
    assert 'placeholder="検索"' in html  # Material's chrome in Japanese (theme.language)
    # hreflang alternates in the head, and the language menu goes to the same page in the other language
    assert '<link rel="alternate" href="../../en/sla/click-so-ko/" hreflang="en">' in html
    assert '<link rel="alternate" href="./" hreflang="ja">' in html
    head = html[: html.index("</head>")]
    assert 'name="description" content="Click So-ko のサービスレベル合意書' in head
    # the root is Japanese (Japanese first), English under en/
    assert re.search(r'<html lang="ja"', site.page("")) and re.search(r'<html lang="en"', site.page("en"))


def test_english_only_pages_are_built_in_both_languages_and_marked(site: Build) -> None:
    """A page written in English only (no ``.ja.md`` beside it: the English reading of the SLA) is in the
    Japanese site (at the root) and the English one (under en/), tagged as English in both; the Japanese
    site's copy opens with a note, in Japanese, that it is in English only (words true of any such page, not
    only of an engineers' one); the English copy has no such note."""
    ja, en = site.page("original/clicksoko-sla-en"), site.page("en/original/clicksoko-sla-en")
    for html in (ja, en):
        assert re.search(r'<html lang="en"', html)
        assert "Article 1 (Scope)" in html
    note = re.search(r'<div class="admonition note sla-english-only" lang="ja">(.*?)</div>', ja)
    assert note is not None, ja[:2000]
    assert '<p class="admonition-title">英語のページ</p>' in note.group(1), note.group(1)
    assert "<p>このページは英語でのみ書かれています。</p>" in note.group(1), note.group(1)
    assert "技術者" not in note.group(1)
    assert "sla-english-only" not in en
    assert 'placeholder="検索"' in ja and 'placeholder="Search"' in en  # each site's chrome in its language
    # a page written in Japanese or in both languages gets no note; the project's readings are such a pair
    reading = {lang: site.page(f"{prefix}original/interpretation") for lang, prefix in (("ja", ""), ("en", "en/"))}
    for lang, html in reading.items():
        assert re.search(rf'<html lang="{lang}"', html), lang
        assert "<code>policies/clicksoko.sla</code>" in html and "sla-english-only" not in html, lang
    assert '<h1 id="how-the-project-reads-the-click-so-ko-sla">本プロジェクトによる' in reading["ja"]
    assert '<h1 id="how-the-project-reads-the-click-so-ko-sla">How the project reads' in reading["en"]
    assert "sla-english-only" not in site.page("") + site.page(POLICY_PAGE["ja"]) + site.page("original")


def test_engineers_event_and_report_pages_are_in_both_languages(site: Build) -> None:
    """The engineers' Events and Reports pages are written in both languages: the Japanese site's is in
    Japanese, generated tables included, with no English-only note; the English site's in English."""
    for name, title in (("events", "イベント"), ("reports", "レポート")):
        ja, en = site.page(f"engineers/{name}"), site.page(f"en/engineers/{name}")
        assert re.search(r'<html lang="ja"', ja) and re.search(r'<html lang="en"', en), name
        assert f'<h1 id="{name}">{title}' in ja and "sla-english-only" not in ja + en, name
        assert "英語のみ" not in ja, name
        assert "<th>フィールド</th><th>型</th><th>必須</th><th>説明</th>" in ja, name
        assert "<th>Field</th><th>Type</th><th>Required</th><th>Description</th>" in en, name
        assert "<td>はい</td>" in ja and "<td>yes</td>" not in ja, name
    events = site.page("engineers/events")
    assert "<code>incident.reported</code>" in events
    assert "バックアップを取得しました。" in events and "A backup was taken." not in events


_EXTERNAL = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(https?:)?//', re.IGNORECASE)


def test_no_page_loads_from_another_host(site: Build) -> None:
    pages = list(site.site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text("utf-8")
        match = _EXTERNAL.search(html)
        assert match is None, f"{page.relative_to(site.site)} loads {html[match.start() : match.start() + 120]}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_maintenance_feed(site: Build) -> None:
    feed = Calendar.from_ical((site.site / "sla/click-so-ko/maintenance.ics").read_bytes())
    events = [e for e in feed.walk("VEVENT")]
    starts = [e.decoded("dtstart") for e in events]
    assert starts[0] == dt.datetime(2026, 4, 23, 22, 0, tzinfo=starts[0].tzinfo)
    assert str(starts[0].tzinfo) == "Asia/Tokyo" and events[0].decoded("dtend").hour == 0
    assert len(events) == 12  # one a month for a year from the build date
    page = tables(site.page(POLICY_PAGE["en"]))["maintenance-windows"][1:]
    assert [r.cells[1] for r in page] == [f"Thu {d.day} {d:%b %Y}" for d in starts]
    assert str(events[0]["summary"]) == "定期メンテナンス停止"
    english = Calendar.from_ical((site.site / "en/sla/click-so-ko/maintenance.ics").read_bytes())
    assert str(next(iter(english.walk("VEVENT")))["summary"]) == "Regular maintenance stop"
    own = {"ja": "sla/click-so-ko/maintenance.ics", "en": "en/sla/click-so-ko/maintenance.ics"}
    for lang in ("ja", "en"):  # each language's page links its own language's feed
        link = re.search(r'href="([^"]*maintenance\.ics)"', site.page(POLICY_PAGE[lang]))
        assert link is not None, lang
        feed_file = (site.site / POLICY_PAGE[lang] / link.group(1)).resolve()
        assert feed_file == (site.site / own[lang]).resolve(), (lang, link.group(1))


def test_windows_start_from_the_build_date(tmp_path: Path) -> None:
    """Without a fixed date the site starts from today (in the policy's zone), so nothing listed is past."""
    from .conftest import mkdocs_build

    config = tmp_path / "mkdocs.yml"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# t\n", "utf-8")
    config.write_text(
        f"site_name: t\ntheme:\n  name: material\nplugins:\n  - sla:\n      policies: [{POLICY}]\n"
        "      schemas: false\n",
        "utf-8",
    )
    before = dt.datetime.now(load_policy(POLICY).tz).date()
    build = mkdocs_build(config, tmp_path / "site", today=None)
    after = dt.datetime.now(load_policy(POLICY).tz).date()
    rows = tables(build.page("sla/click-so-ko/en"))["maintenance-windows"][1:]
    first = dt.datetime.strptime(rows[0].cells[1], "%a %d %b %Y").date()
    assert before <= first and first <= after + dt.timedelta(days=62)

"""A row's `§` link to its policy lines says which lines in words (its tooltip), not a bare line number."""

from __future__ import annotations

import re

import pytest

import sla_dsl
from sla_dsl.docs.layout import PageContext
from sla_dsl.docs.render import render_policy

from .conftest import ROOT


@pytest.mark.parametrize(
    ("lang", "one", "several"),
    [
        ("ja", r"ポリシー定義の \d+ 行目", r"ポリシー定義の \d+〜\d+ 行目"),
        ("en", r"policy source, line \d+", r"policy source, lines \d+-\d+"),
    ],
)
def test_source_marks_say_their_lines_in_words(lang: str, one: str, several: str) -> None:
    policy = sla_dsl.load_policy((ROOT / "policies/clicksoko.sla").read_text("utf-8"))
    page = render_policy(policy, PageContext(lang=lang, source_url="../source/"))
    titles = re.findall(r'<a class="sla-src" [^>]*title="([^"]*)">§</a>', page)
    assert len(titles) > 5
    assert all(re.fullmatch(one, t) or re.fullmatch(several, t) for t in titles), titles
    assert any(re.fullmatch(several, t) for t in titles), titles


def _plans(lang: str) -> str:
    policy = sla_dsl.load_policy((ROOT / "policies/examples/plans.sla").read_text("utf-8"))
    return render_policy(policy, PageContext(lang=lang, source_url="../source/"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_page_has_each_id_once(lang: str) -> None:
    """The plans example has services in two articles: each table of them has its own id."""
    ids = re.findall(r'\bid="([^"]+)"', _plans(lang)) + re.findall(r"\{#([^}]+)\}", _plans(lang))
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []
    assert {"service-hours", "service-hours-2"} <= set(ids)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_priorities_table_is_under_a_heading_of_its_own(lang: str) -> None:
    """After the article's notify rules, each under its heading, the priorities are not the last one's."""
    page = _plans(lang)
    before = page[: page.index('<table id="priorities"')]
    last = re.findall(r"^#+ (.*?) \{#([^}]+)\}$", before, re.M)[-1]
    assert not last[1].startswith("notify-"), last
    assert last[0] == {"ja": "障害発生時の対応", "en": "Response when a failure occurs"}[lang]

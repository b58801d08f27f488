"""The policy pages' exclusions, as a Japanese customer reads them (a QA pass).

* Their intro said 「次のいずれかに起因するサービス停止は SLA の適用外とします。」 for every policy: wrong for the
  help desk's (its exclusion is of incidents, お客様の責による問題, not of stops), 「…サービス停止に起因する
  サービス停止…」 over Click So-ko's, 次のいずれか over one item, and not what the English said (``The SLA
  does not apply to the following:``). Both languages now say the same neutral thing, for one item or several.
* An exclusion with no article (plans.sla's ``exclude force_majeure "不可抗力" / "Force majeure"``) had no
  heading and ran on in the attributes' section: it has a heading of its own (適用除外 / Exclusions), as the
  attributes do. One under an article of its own (the help desk's 第6条（適用除外）) gets none more.

These tests failed before the fix.
"""

from __future__ import annotations

import re

import pytest

from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy

from .conftest import ROOT

POLICIES = {
    "clicksoko": ROOT / "policies/clicksoko.sla",
    "helpdesk": ROOT / "policies/examples/helpdesk.sla",
    "plans": ROOT / "policies/examples/plans.sla",
}
INTRO = {
    ("ja", 1): "次の場合は、SLA の適用外とします。",
    ("ja", 2): "次のいずれかの場合は、SLA の適用外とします。",
    ("en", 1): "The SLA does not apply in the following case:",
    ("en", 2): "The SLA does not apply in any of the following cases:",
}


def _page(name: str, lang: str) -> str:
    return render_policy(load_policy(str(POLICIES[name])), PageContext(lang=lang, source_url=""))


def _intro(page: str) -> str:
    """The paragraph just above the list of exclusions."""
    found = re.search(r"<p>([^<]*)</p>\s*<ul class=\"sla-exclusions\">", page)
    assert found is not None, page[-2000:]
    return found.group(1)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("name", "n"), [("clicksoko", 2), ("helpdesk", 1), ("plans", 1)])
def test_the_intro_is_neutral_and_counts_its_items(name: str, n: int, lang: str) -> None:
    page = _page(name, lang)
    assert page.count('<li id="exclude-') == n
    assert _intro(page) == INTRO[(lang, n)]
    assert "サービス停止" not in _intro(page) and "起因" not in _intro(page)


@pytest.mark.parametrize(("lang", "heading"), [("ja", "適用除外"), ("en", "Exclusions")])
def test_an_exclusion_of_no_article_has_a_heading_of_its_own(lang: str, heading: str) -> None:
    page = _page("plans", lang)
    attributes, exclusions = page.index('<ul class="sla-attributes">'), page.index('<ul class="sla-exclusions">')
    between = page[attributes:exclusions]
    assert f"\n### {heading} {{#exclusions-0-0}}\n" in between, between


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_article_of_exclusions_gets_no_second_heading(lang: str) -> None:
    page = _page("helpdesk", lang)
    article = page.index("## 第6条（適用除外）" if lang == "ja" else "## Article 6 (Exclusions)")
    assert "#exclusions-" not in page and "\n#" not in page[article + 5 : page.index('<ul class="sla-exclusions">')]

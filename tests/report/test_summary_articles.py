"""The summary row of a priority links every article its rules cite, not the first rule's only.

A priority may have one rule per plan (issue 13), and a provider may put the
premium rule under another article than the standard one (an annex for the
premium plan, say). The row linked the first rule's article only, so a reader
of the customer's document could not find the second from the summary.
"""

from __future__ import annotations

import re

import pytest

import sla_dsl
from sla_dsl.report.render import render
from sla_dsl.report.sections import articles
from sla_dsl.report.words import Link, Links, PolicyWords

from .helpers import ROOT

PLANS = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
# the standard P1 rule under Article 2 instead of 3 (the premium rule stays under 3)
TWO = PLANS.replace('priority P1 "緊急" / "Urgent" [art 3] {', 'priority P1 "緊急" / "Urgent" [art 2] {')
MONTH = ("2026-11-01", "2026-12-01")
EVENTS = [
    {"event": "incident.reported", "at": "2026-11-10T10:30:00+09:00", "id": "I", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-10T10:40:00+09:00", "id": "I"},
]


def test_the_policy_text_changed() -> None:
    assert TWO != PLANS and TWO.count("[art 2]") == PLANS.count("[art 2]") + 1


def _summary_row(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if line.lstrip().startswith(label))


@pytest.mark.parametrize(
    ("lang", "after", "cited"), [("ja", "の応答", "第3条、第2条"), ("en", ": response", "Art. 3, Art. 2")]
)
def test_the_row_names_both_articles(lang: str, after: str, cited: str) -> None:
    policy = sla_dsl.load_policy(TWO)
    report = sla_dsl.evaluate(policy, EVENTS, *MONTH)
    text = render(report, "text", lang=lang, policies=[policy])
    row = _summary_row(text, PolicyWords([policy], lang).priority("P1") + after)
    assert row.rstrip().endswith(cited), row


def test_one_article_stays_one_link() -> None:
    policy = sla_dsl.load_policy(PLANS)
    w = PolicyWords([policy], "en")
    assert w.articles(["3", "3", None]) == w.article("3")
    assert isinstance(w.article("3"), Link)
    assert w.articles([None]) == "-"
    both = w.articles(["3", "2", "3"])
    assert isinstance(both, Links) and [link.anchor for link in both.links] == ["art-3", "art-2"]


def test_html_links_each_and_the_appendix_lists_each() -> None:
    policy = sla_dsl.load_policy(TWO)
    report = sla_dsl.evaluate(policy, EVENTS, *MONTH)
    html = render(report, "html", lang="ja", policies=[policy])
    cell = re.search(r"<td[^>]*>(<a href=\"#art-3\">[^<]*</a>、<a href=\"#art-2\">[^<]*</a>)</td>", html)
    assert cell is not None
    assert 'id="art-2"' in html and 'id="art-3"' in html  # both in the appendix of articles


def test_the_appendix_reads_links_inside_a_cell() -> None:
    from sla_dsl.report.sections import Part

    w = PolicyWords([sla_dsl.load_policy(TWO)], "en")
    part = Part("t", ["a"], [[w.articles(["2", "3"])]], key="k")
    assert [row[0].text for row in articles(w, [part]).rows] == ["Art. 2", "Art. 3"]  # type: ignore[union-attr]

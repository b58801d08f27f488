"""What a customer is owed when a target is missed: a policy that owes no service credit anywhere says so
in the page's header (a customer of Click So-ko looked for it and found nothing, where the SLA provides
none); a policy with credits says nothing there, its credit table and target lines say what is owed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sla_dsl.docs.plans import owes_credits
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy

from .conftest import ROOT

POLICIES = [ROOT / "policies/clicksoko.sla", *sorted((ROOT / "policies/examples").glob("*.sla"))]
SAID = {
    "ja": "<dt>目標未達時の補償</dt>"
    "<dd>なし（この SLA には、目標を達成できなかった場合の返金やサービスクレジットの定めはありません）</dd>",
    "en": "<dt>Compensation</dt><dd>none (this SLA provides no refund or service credit when a target is missed)</dd>",
}


def _meta(path: Path, lang: str) -> str:
    ctx = PageContext(lang=lang, source_url="", reference=dt.date(2026, 4, 1), maintenance_count=3)
    found = re.search(r'<dl class="sla-meta">.*?</dl>', render_policy(load_policy(path), ctx), re.S)
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_clicksoko_says_it_owes_no_compensation(lang: str) -> None:
    assert SAID[lang] in _meta(ROOT / "policies/clicksoko.sla", lang)


@pytest.mark.parametrize("path", POLICIES, ids=lambda p: p.stem)
def test_the_line_is_there_exactly_when_no_credit_is_owed(path: Path) -> None:
    owes = owes_credits(load_policy(path).model)
    for lang in ("ja", "en"):
        assert (SAID[lang] in _meta(path, lang)) is not owes, (path.name, lang)


def test_some_example_policy_owes_credits() -> None:
    # (else the test above would check only the pages without credits)
    assert any(owes_credits(load_policy(p).model) for p in POLICIES)
    assert not owes_credits(load_policy(ROOT / "policies/clicksoko.sla").model)

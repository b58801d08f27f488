"""The SLA-items table names a priority an item refers to by the priority, not by its first rule: with a
`when plan = premium` rule of P1 written before the plain one, item 1's link reads "緊急", not
"緊急（プレミアム）" (the item covers every rule of P1)."""

from __future__ import annotations

import re

import sla_dsl
from sla_dsl.docs.render import PageContext, render_policy

from .conftest import ROOT

ITEM = '\nitem 1 "障害発生時の対応" / "Response to failures" {\n  rules priority P1, priority P2\n}\n'


def test_an_item_names_the_priority_by_its_general_rule() -> None:
    text = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
    assert text.index('priority P1 "緊急（プレミアム）"') < text.index('priority P1 "緊急"')
    policy = sla_dsl.load_policy(text + ITEM)
    for lang, p1, p2 in (("ja", "緊急", "高"), ("en", "Urgent", "High")):
        page = render_policy(policy, PageContext(lang=lang, source_url=""))
        links = dict(re.findall(r'<a href="#(priority-p\d)">([^<]*)</a>', page))
        assert links.get("priority-p1") == p1, (lang, links)
        assert links.get("priority-p2") == p2, (lang, links)

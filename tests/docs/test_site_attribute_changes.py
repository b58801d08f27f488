"""The policy's site says which events change an attribute during an incident (`changes at`).

The attribute list and the plan table showed an attribute's values and the rules they choose, but
not that a plan can change in the middle of an incident: a customer reading the site could not know
that `incident.plan_changed` moves an open incident to the premium rule.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy

from .conftest import ROOT

PLANS = ROOT / "policies/examples/plans.sla"
EVENT = 'event incident.plan_changed "契約プランの変更" / "Plan changed"\n\n'


def _page(tmp_path: Path, lang: str, changes: bool = True) -> str:
    text = PLANS.read_text("utf-8")
    old = "  default standard\n}\n"
    assert text.count(old) == 1
    if changes:
        text = text.replace(old, "  default standard\n  changes at incident.plan_changed\n}\n")
        at = text.index("attribute plan ")
        text = text[:at] + EVENT + text[at:]
    path = tmp_path / "plans.sla"
    path.write_text(text, "utf-8")
    policy = load_policy(str(path))
    return html.unescape(re.sub(r"<[^>]+>", " ", render_policy(policy, PageContext(lang=lang, source_url=""))))


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "契約プランは「契約プランの変更」で案件の途中でも変わります。"),
        ("en", "Plan may change during an incident, at “Plan changed”."),
    ],
)
def test_the_site_says_what_changes_a_plan(tmp_path: Path, lang: str, said: str) -> None:
    page = " ".join(_page(tmp_path, lang).split())
    assert page.count(said) == 2  # in the list of attributes, and under the plan table (by the event's label)
    assert said not in " ".join(_page(tmp_path, lang, changes=False).split())

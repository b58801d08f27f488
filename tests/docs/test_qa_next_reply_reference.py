"""The language reference's ``restarts at`` example says what it measures on the contract's events.

Found by a QA pass as a Zendesk administrator: the reference called its clock (``starts at
incident.customer_replied``, ``stops at incident.info_provided``) Zendesk's next reply time. On the
events the Zendesk mapping writes, ``customer_replied`` is only the requester's comment on a pending
ticket and ``info_provided`` a move to pending, so a comment on an open ticket started nothing and an
agent's reply that kept the ticket open stopped nothing: a policy copied from it missed Zendesk's
metric, with nothing said. The reference now says what the clock measures and points at the mapping's
clock on events of the policy's own (both languages).
"""

from __future__ import annotations

import pytest

from .conftest import ROOT


def _restarts_item(lang: str) -> str:
    text = (ROOT / f"docs/reference/language.{lang}.md").read_text("utf-8")
    start = text.index("- `restarts at`")
    return text[start : text.index("- `cancels at`", start)]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_restarts_at_example_points_at_the_zendesk_mapping(lang: str) -> None:
    item = _restarts_item(lang)
    assert "starts at incident.customer_replied" in item
    assert "(../engineers/mapping.md#zendesk)" in item
    assert "`incident.requester_commented`" in item and "`incident.agent_replied`" in item
    # the mapping's clock is the one it points at
    mapping = (ROOT / f"docs/engineers/mapping.{lang}.md").read_text("utf-8")
    assert "starts at incident.requester_commented" in mapping
    assert "stops at incident.agent_replied, incident.resolved" in mapping

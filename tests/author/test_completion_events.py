"""Completion offers the events the place allows, as the checker would: a clock runs on incident events only
(E244, its starts too), so in a clock (after ``starts at``, ``pauses at``, ``until``, ``stops at``,
``resets at``) and in a priority (``update ... by``, ``complete on``) only ``incident.*`` events are offered,
the policy's declared ones among them; a notify rule's ``after`` takes incident or outage events (E220),
its ``met by`` the family of its ``after``. Even when the text before does not parse (everything else is
offered then), the events are those of the place."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as t

from sla_dsl.authoring.lsp import Documents, completion_items
from sla_dsl.lang import model as m

POLICY = """sla "E" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
}
event incident.withdrawn "Withdrawn"
calendar business { days mon..fri hours 09:00-18:00 }
clock response { starts at incident.reported }
clock resolution {
  starts at incident.reported
  pauses at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  resets at incident.reprioritized
  cancels at incident.withdrawn
}
priority P1 {
  respond within 4 business hours
  update every 2 hours on response by incident.responded
  resolve within 8 business hours on resolution
  complete on incident.resolved
}
notify first_report {
  within 30 minutes after outage.started
  met by outage.notified
}
notify acknowledged {
  within 1 hour after incident.reported
  met by incident.responded
}
"""

INCIDENT = {e for e in m.EVENT_TYPES if e.startswith("incident.")} | {"incident.withdrawn"}
OUTAGE = {e for e in m.EVENT_TYPES if e.startswith("outage.")}
EVERY = set(m.EVENT_TYPES) | {"incident.withdrawn"}


@pytest.fixture(scope="module")
def docs() -> Documents:
    d = Documents()
    d.open("u", POLICY)
    assert d.check("u", POLICY) == []
    return d


def _events(docs: Documents, text: str, needle: str, nth: int = 0) -> set[str]:
    """The events offered with the cursor just after ``needle`` (its ``nth`` line holding it) in ``text``."""
    lines = text.split("\n")
    row = [i for i, x in enumerate(lines) if needle in x][nth]
    col = lines[row].index(needle) + len(needle)
    items = completion_items(docs, "u", t.Position(line=row, character=col))
    return {i.label for i in items if i.kind == t.CompletionItemKind.Event}


@pytest.mark.parametrize(
    "needle",
    [
        "  starts at ",
        "  pauses at ",
        "until ",
        "  stops at ",
        "  resets at ",
        "  cancels at ",
        "on response by ",
        "complete on ",
    ],
)
def test_a_clock_and_a_priority_offer_incident_events_only(docs: Documents, needle: str) -> None:
    assert _events(docs, POLICY, needle) == INCIDENT


def test_a_notify_rule_offers_the_events_of_its_records(docs: Documents) -> None:
    assert _events(docs, POLICY, "after ") == INCIDENT | OUTAGE
    assert _events(docs, POLICY, "met by ") == OUTAGE  # after `outage.started`
    assert _events(docs, POLICY, "met by ", 1) == INCIDENT  # after `incident.reported`


def test_a_family_typed_that_the_place_refuses_offers_no_event() -> None:
    text = POLICY.replace("  stops at incident.resolved\n", "  stops at outage.\n")
    d = Documents()
    d.open("u", POLICY)
    assert d.check("u", POLICY) == []  # (the declared events come from the last clean text)
    d.change("u", [t.TextDocumentContentChangeWholeDocument(text=text)])
    assert _events(d, text, "  stops at outage.") == set()
    assert _events(d, text, "  stops at ") == INCIDENT  # (the word under the cursor is replaced whole)


def test_a_clock_that_does_not_parse_yet_still_offers_incident_events_only() -> None:
    text = POLICY.replace("  stops at incident.resolved\n", "  stops at incident.resolved @@\n  resets at \n")
    d = Documents()
    d.open("u", POLICY)
    assert d.check("u", POLICY) == []
    d.change("u", [t.TextDocumentContentChangeWholeDocument(text=text)])
    found = _events(d, text, "  resets at ")
    assert found == INCIDENT
    assert EVERY - found == OUTAGE | {"stop.announced", "backup.completed", "backup.deleted"}

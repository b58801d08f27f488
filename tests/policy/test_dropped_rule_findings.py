"""A priority rule dropped for its own error brings no findings about what it may have covered or used.

One of two `priority P1` rules with `when`, dropped for a bad duration or a syntax error, left the
other one "matching no rule" for the dropped rule's cases (E252); a clock only it used was said to
be used by no target (W240); an event only it, or a dropped clock, named was said to be named by no
rule (W247). The one real error is the only finding; the same policies without it keep the findings
that are real.
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, found, line_of

#: an attribute for the `when` rules
ATTRIBUTE = (
    "# --- Calendars",
    'attribute plan "契約プラン" / "Plan" {\n  value standard "スタンダード" / "Standard"\n'
    '  value premium "プレミアム" / "Premium"\n  default standard\n}\n\n# --- Calendars',
)
P1 = 'priority P1 "優先度１" / "Priority 1" [art 3.2] {'
#: the P1 of the policy made the rule for the standard plan
STANDARD = (
    "  respond within 4 business hours\n  same day",
    "  when plan = standard\n  respond within 4 business hours\n  same day",
)
#: a named clock
RESOLUTION = (
    "# --- Article 3.2: response to failures",
    'clock resolution "解決時間" / "Resolution clock" {\n  starts at incident.reported\n'
    "  stops at incident.resolved\n}\n\n# --- Article 3.2: response to failures",
)
#: a declared event type, and a clock that starts at it
EVENT = ("# --- Calendars", 'event incident.chat_started "チャット開始" / "Chat started" [art 5]\n\n# --- Calendars')
CHAT = (
    "# --- Article 3.2: response to failures",
    'clock chat "チャット" / "Chat" {\n  starts at incident.chat_started, else incident.reported\n'
    "  stops at incident.responded\n}\n\n# --- Article 3.2: response to failures",
)


def premium(*body: str) -> tuple[str, str]:
    """A P1 rule for the premium plan with ``body``, before the policy's P1."""
    rule = P1.replace("{", "{\n  when plan = premium\n" + "\n".join(body) + "\n}\n\n")
    return P1, rule + P1


#: what breaks the premium rule's response target: a duration of zero, a line that does not parse
BROKEN = [("  respond within 0 hours", "E215"), ("  respond withn 2 hours", "E011")]
GOOD = "  respond within 2 hours"


@pytest.mark.parametrize(("respond", "code"), BROKEN)
def test_a_dropped_rule_leaves_no_gap_in_its_priority(respond: str, code: str) -> None:
    assert found(edited(CLICKSOKO, ATTRIBUTE, premium(GOOD), STANDARD)) == []
    text = edited(CLICKSOKO, ATTRIBUTE, premium(respond), STANDARD)
    assert found(text) == [(code, line_of(text, respond))]


@pytest.mark.parametrize(("respond", "code"), BROKEN)
def test_another_priority_keeps_its_gap(respond: str, code: str) -> None:
    # P2 for premium incidents only: standard ones have no P2 rule, whatever becomes of P1
    p2 = ("  respond within 1 business day ", "  when plan = premium\n  respond within 1 business day ")
    good = edited(CLICKSOKO, ATTRIBUTE, premium(GOOD), STANDARD, p2)
    gap = ("E252", line_of(good, 'priority P2 "') + 3)  # at P2's `when`, below its definition
    assert found(good) == [gap]
    text = edited(CLICKSOKO, ATTRIBUTE, premium(respond), STANDARD, p2)
    assert found(text) == [(code, line_of(text, respond)), gap]


@pytest.mark.parametrize(("respond", "code"), BROKEN)
def test_a_clock_only_a_dropped_rule_used_is_not_unused(respond: str, code: str) -> None:
    on_clock = "  resolve within 2 days on resolution"
    assert found(edited(CLICKSOKO, ATTRIBUTE, RESOLUTION, premium(GOOD, on_clock))) == []
    text = edited(CLICKSOKO, ATTRIBUTE, RESOLUTION, premium(respond, on_clock))
    assert found(text) == [(code, line_of(text, respond))]


def test_a_clock_no_rule_uses_is_unused() -> None:
    text = edited(CLICKSOKO, ATTRIBUTE, RESOLUTION, premium(GOOD))
    assert found(text) == [("W240", line_of(text, "clock resolution"))]


@pytest.mark.parametrize(("respond", "code"), BROKEN)
def test_an_event_only_a_dropped_rule_named_is_not_unused(respond: str, code: str) -> None:
    complete = "  complete on incident.chat_started"
    assert found(edited(CLICKSOKO, ATTRIBUTE, EVENT, premium(GOOD, complete))) == []
    text = edited(CLICKSOKO, ATTRIBUTE, EVENT, premium(respond, complete))
    assert found(text) == [(code, line_of(text, respond))]


@pytest.mark.parametrize(
    ("stops", "code"),
    [("  stops at incident.respondd", "E208"), ("  stops at incident", "E011")],  # unknown event, does not parse
)
def test_an_event_only_a_dropped_clock_named_is_not_unused(stops: str, code: str) -> None:
    target = "  first reply within 2 hours on chat"
    assert found(edited(CLICKSOKO, ATTRIBUTE, EVENT, CHAT, premium(GOOD, target))) == []
    broken = (CHAT[0], CHAT[1].replace("  stops at incident.responded", stops))
    text = edited(CLICKSOKO, ATTRIBUTE, EVENT, broken, premium(GOOD, target))
    assert found(text) == [(code, line_of(text, stops))]


def test_an_event_no_rule_names_is_unused() -> None:
    text = edited(CLICKSOKO, ATTRIBUTE, EVENT, premium(GOOD))
    assert found(text) == [("W247", line_of(text, "event incident.chat_started"))]

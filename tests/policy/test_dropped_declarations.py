"""A declaration dropped for its own error is not reported again where others refer to it.

A broken `planned stop` (which has no name of its own) was not recorded as dropped, so item 5's
`rules planned stop` got a spurious E218 "not defined" next to the real error; a `planned stop` that
did not parse was recorded under the name `stop`, with the same result. Clocks, attributes and
articles dropped the same way gave E240, E251 and W304 at every place that names them.
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, found, line_of

NOTICE = "  notice 1 week before start date by email"


@pytest.mark.parametrize(
    ("notice", "code"),
    [
        ("  notice 521 weeks before start date by email", "E215"),  # past the longest duration
        ("  notice 0 weeks before start date by email", "E215"),  # not more than zero
        ("  notice 1 wek before start date by email", "E015"),  # does not parse: `wek` is no unit
        ("  # (no notice)", "E211"),  # no notice at all
    ],
)
def test_a_broken_planned_stop_is_one_error(notice: str, code: str) -> None:
    text = edited(CLICKSOKO, (NOTICE, notice))
    assert "rules planned stop" in text
    assert [c for c, _ in found(text)] == [code]


def test_only_a_planned_stop_reported_broken_is_passed_over() -> None:
    broken = edited(CLICKSOKO, (NOTICE, "  notice 0 weeks before start date by email"))
    assert [c for c, _ in found(broken)] == ["E215"]
    start = CLICKSOKO.index("planned stop ")
    end = CLICKSOKO.index("maintenance regular")
    missing = CLICKSOKO[:start] + CLICKSOKO[end:]  # no planned stop at all: the item's reference is wrong
    assert found(missing) == [("E218", line_of(missing, "rules planned stop"))]


#: a named clock, and a target of P2 on it
CLOCK = (
    "# --- Article 3.2: response to failures",
    'clock resolution "解決時間" / "Resolution clock" {\n  starts at incident.reported\n'
    "  stops at incident.resolved\n}\n\n# --- Article 3.2: response to failures",
)
ON_CLOCK = (
    "  respond within 1 business day ",
    "  resolve within 10 business days on resolution\n  respond within 1 business day ",
)
#: an attribute, and a rule of P1 for one of its values
ATTRIBUTE = (
    "# --- Calendars",
    'attribute plan "契約プラン" / "Plan" {\n  value standard "スタンダード" / "Standard"\n'
    '  value premium "プレミアム" / "Premium"\n  default standard\n}\n\n# --- Calendars',
)
WHEN = (
    'priority P1 "優先度１" / "Priority 1" [art 3.2] {',
    'priority P1 "優先度１" / "Priority 1" [art 3.2] {\n  when plan = premium\n  respond within 2 business hours\n}\n\n'
    'priority P1 "優先度１" / "Priority 1" [art 3.2] {',
)


@pytest.mark.parametrize(
    ("broken", "code"),
    [
        (("  stops at incident.resolved\n}\n\n#", "  stops at incident.resolvd\n}\n\n#"), "E208"),  # unknown event
        (("  stops at incident.resolved\n}\n\n#", "  stops at incident\n}\n\n#"), "E011"),  # does not parse
    ],
)
def test_a_broken_clock_is_one_error(broken: tuple[str, str], code: str) -> None:
    assert found(edited(CLICKSOKO, CLOCK, ON_CLOCK)) == []
    text = edited(CLICKSOKO, CLOCK, ON_CLOCK, broken)
    assert [c for c, _ in found(text)] == [code]


@pytest.mark.parametrize(
    ("broken", "code"),
    [
        (("  default standard", "  default standad"), "E250"),  # not one of its values
        (("  default standard", "  default"), "E011"),  # does not parse
    ],
)
def test_a_broken_attribute_is_one_error(broken: tuple[str, str], code: str) -> None:
    assert found(edited(CLICKSOKO, ATTRIBUTE, WHEN)) == []
    text = edited(CLICKSOKO, ATTRIBUTE, WHEN, broken)
    assert [c for c, _ in found(text)] == [code]


def test_a_broken_article_is_one_error() -> None:
    # `[art 2.1.1]` and the others name article 2: no "no article 2" warning at each of them
    broken = ('Service hours" {\n  text "本契約', 'Service hours" {\n  txt "本契約')
    text = edited(CLICKSOKO, broken)
    assert found(text) == [("E011", line_of(text, 'txt "本契約'))]

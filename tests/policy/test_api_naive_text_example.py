"""A time given to the API as text without an offset is refused with the text itself as the example, with
the offset it has in the policy's zone (as the commands give it: ``author.time.no_offset.zone``).

It gave Tokyo's fixed example (``2026-11-27T17:30:00+09:00``) whatever the zone and time: a Berlin policy's
author read ``+09:00`` for a summer time. A time the zone's clock shows twice or skips has no single offset
to give, and keeps the fixed example.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.errors import NaiveDatetimeError

ROOT = Path(__file__).resolve().parents[2]


def _policy(zone: str) -> sla_dsl.Policy:
    text = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
    return sla_dsl.load_policy(text.replace("timezone Asia/Tokyo", f"timezone {zone}", 1))


@pytest.mark.parametrize(
    ("zone", "text", "example"),
    [
        ("Europe/Berlin", "2026-07-01T09:00:00", "2026-07-01T09:00:00+02:00"),
        ("Europe/Berlin", "2026-12-01T09:00", "2026-12-01T09:00:00+01:00"),
        ("America/New_York", "2026-11-02T09:00:00", "2026-11-02T09:00:00-05:00"),
        ("Asia/Tokyo", "2026-11-02T09:00:00", "2026-11-02T09:00:00+09:00"),
        # the hour Berlin repeats and the hour it skips: no one offset, the fixed example
        ("Europe/Berlin", "2026-10-25T02:30:00", "2026-11-27T17:30:00+09:00"),
        ("Europe/Berlin", "2026-03-29T02:30:00", "2026-11-27T17:30:00+09:00"),
    ],
)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_example_is_the_text_with_the_policy_s_offset(zone: str, text: str, example: str, lang: str) -> None:
    with pytest.raises(NaiveDatetimeError) as refused:
        _policy(zone).response_due("P1", text, lang=lang)
    assert f"`{example}`" in str(refused.value), str(refused.value)
    assert f"`{text}`" in str(refused.value)

"""An unknown holiday subdivision (E204) is never answered with a code near it by spelling: a
two-letter code is one letter from many others, and the guess would change the calendar. The help
names the subdivision only when the text means it: its code in another case, or a name the
`holidays` package gives it."""

from __future__ import annotations

import pytest
from policy.test_calendar_language import one, policy


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("US-ny", "US-NY"),
        ("US-California", "US-CA"),
        ("US-NewYork", "US-NY"),
        ("DE-Berlin", "DE-BE"),
        # an abbreviation of a subdivision's name, longer than the country's codes: Nordrhein-Westfalen
        ("DE-NRW", "DE-NW"),
        ("DE-nrw", "DE-NW"),
        ("US-Calif", "US-CA"),
    ],
)
def test_a_subdivision_written_another_way_is_named(written: str, meant: str) -> None:
    d = one(policy(f"  hours mon..fri 10:00-18:00\n  holidays {written}\n"), "E204")
    assert f"did you mean `{meant}`?" in (d.help or "")


@pytest.mark.parametrize(("written", "country"), [("US-California", "CA"), ("DE-Berlin", "BE")])
def test_the_help_names_the_region_not_a_code_that_is_another_country(written: str, country: str) -> None:
    """The line the help suggests keeps its country: `holidays CA`, as `did you mean `CA`?` had it
    written, is Canada's holidays, and `BE` Belgium's; in Japanese too."""
    d = one(policy(f"  hours mon..fri 10:00-18:00\n  holidays {written}\n"), "E204")
    assert f"`{country}`?" not in (d.help or "")
    assert f"`{written[:2]}-{country}` の誤りではありませんか？" in (d.help_text("ja") or "")


@pytest.mark.parametrize(
    "written",
    # (`NEW` begins four states' names; `XYZ` none; `QLN` is three letters, as `AU`'s codes are: no abbreviation)
    ["US-NQ", "US-NX", "AU-NSX", "US-NEW", "DE-XYZ", "AU-QLN"],
)
def test_a_code_near_another_by_spelling_gets_the_list_not_a_guess(written: str) -> None:
    d = one(policy(f"  hours mon..fri 10:00-18:00\n  holidays {written}\n"), "E204")
    assert "did you mean" not in (d.help or "") and "subdivisions of" in (d.help or "")

"""``sla diff`` says time zones and the places of public holidays in words, as the site says them.

The notice said ``ポリシーのタイムゾーン：Asia/Tokyo → Europe/London`` and ``当社営業時間の祝日：JP →
JP、GB-ENG``. Now the notice (for customers) says the words only, as the policy page says them (the
policy's zone with its offsets as in the page's header, a calendar's zone as in its statement, holiday
codes as places); the author's text adds the id in brackets (``日本時間（Asia/Tokyo）``).
"""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sla_dsl.authoring.semdiff import Lang, diff_models, render_markdown, render_text
from sla_dsl.docs import calendar_text as ct
from sla_dsl.docs import text as tx
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
LONDON = (ROOT / "policies" / "examples" / "london_desk.sla").read_text("utf-8")
#: IANA ids and holiday codes of the versions below: none may stand bare in a notice
RAW = re.compile(r"\b(?:Asia|Europe|America)/\w+|\b(?:JP|GB-ENG|US-CA|DE-BY)\b")


def _model(text: str) -> PolicyModel:
    comp = compile_text(text, "p.sla")
    assert comp.model is not None and not comp.errors, comp.errors
    return comp.model


def _changed(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _diff(old_text: str, new_text: str, lang: Lang, notice: bool) -> list[str]:
    old, new = _model(old_text), _model(new_text)
    changes = diff_models(old, new)
    if notice:
        said = render_markdown(old, new, changes, lang)
        body = said.split("\n## ", 1)[1]  # the changes, after the versions and the introduction
        return [ln[2:] for ln in body.splitlines() if ln.startswith("- ")]
    return [ln[2:] for ln in render_text(old, new, changes, lang).splitlines()]


#: clicksoko.sla with the policy in London and British holidays as well as Japanese ones
POLICY_ZONE = _changed(
    CLICKSOKO,
    ("timezone Asia/Tokyo", "timezone Europe/London"),
    ("holidays JP ", "holidays JP, GB-ENG "),
)


@pytest.mark.parametrize(
    ("lang", "notice", "lines"),
    [
        (
            "ja",
            True,
            [
                "規定のタイムゾーン：日本標準時（UTC+9） → ロンドン時間（UTC+0、夏時間はUTC+1）",
                "当社営業時間の祝日：日本 → 日本、イングランド",
            ],
        ),
        (
            "en",
            True,
            [
                "Policy time zone: Japan Standard Time (UTC+9) -> London time (UTC+0, UTC+1 in summer)",
                "Company business hours public holidays: Japan -> Japan, England",
            ],
        ),
        (
            "ja",
            False,
            [
                "規定のタイムゾーン：日本時間（Asia/Tokyo） → ロンドン時間（Europe/London）",
                "当社営業時間の祝日：日本（JP） → 日本（JP）、イングランド（GB-ENG）",
            ],
        ),
        (
            "en",
            False,
            [
                "policy time zone: Japan time (Asia/Tokyo) -> London time (Europe/London)",
                "Company business hours public holidays: Japan (JP) -> Japan (JP), England (GB-ENG)",
            ],
        ),
    ],
)
def test_the_policy_zone_and_holidays_in_words(lang: Lang, notice: bool, lines: list[str]) -> None:
    assert _diff(CLICKSOKO, POLICY_ZONE, lang, notice) == lines


#: the London desk moved to Chicago, closed on Californian and Bavarian holidays: nothing any table listed
CHICAGO = _changed(
    LONDON,
    ("  timezone Europe/London ", "  timezone America/Chicago "),
    ("holidays GB-ENG", "holidays US-CA, DE-BY"),
)


def test_unlisted_zones_and_regions_have_japanese_words() -> None:
    assert _diff(LONDON, CHICAGO, "ja", notice=True) == [
        "英語窓口のタイムゾーン：ロンドン時間 → シカゴ時間",
        "英語窓口の祝日：イングランド → カリフォルニア、バイエルン",
    ]
    assert _diff(LONDON, CHICAGO, "en", notice=True) == [
        "English desk time zone: London time -> Chicago time",
        "English desk public holidays: England -> California, Bavaria",
    ]
    # the author's text: each place with its code
    assert _diff(LONDON, CHICAGO, "ja", notice=False) == [
        "英語窓口のタイムゾーン：ロンドン時間（Europe/London） → シカゴ時間（America/Chicago）",
        "英語窓口の祝日：イングランド（GB-ENG） → カリフォルニア（US-CA）、バイエルン（DE-BY）",
    ]


def test_a_calendar_without_a_zone_of_its_own_is_in_the_policys() -> None:
    """Not ``なし``: the calendar now counts in the policy's zone, and the notice says which."""
    own = _changed(LONDON, ("  timezone Europe/London ", "  # "))
    assert _diff(LONDON, own, "ja", notice=True) == ["英語窓口のタイムゾーン：ロンドン時間 → 規定と同じ日本時間"]
    assert _diff(own, LONDON, "en", notice=True) == ["English desk time zone: the policy's Japan time -> London time"]
    assert _diff(LONDON, own, "ja", notice=False) == [
        "英語窓口のタイムゾーン：ロンドン時間（Europe/London） → 規定と同じ日本時間（Asia/Tokyo）"
    ]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_notice_holds_no_raw_id_or_code(lang: Lang) -> None:
    for old, new in ((CLICKSOKO, POLICY_ZONE), (LONDON, CHICAGO)):
        for line in _diff(old, new, lang, notice=True):
            # US-CA and DE-BY by their names (カリフォルニア, バイエルン), not their codes
            assert not RAW.search(line), line


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_notice_names_a_zone_and_a_place_as_the_site_does(lang: Lang) -> None:
    """The notice's words are the policy page's: the header's zone, a calendar's zone, its holidays."""
    policy_line, holidays_line = _diff(CLICKSOKO, POLICY_ZONE, lang, notice=True)
    for zone in ("Asia/Tokyo", "Europe/London"):
        assert tx.zone(ZoneInfo(zone), lang) in policy_line
    assert ct.region_name("GB-ENG", lang) in holidays_line
    zone_line, regions_line = _diff(LONDON, CHICAGO, lang, notice=True)
    arrow = " → " if lang == "ja" else " -> "
    assert zone_line.endswith(ct.zone_text("Europe/London", lang) + arrow + ct.zone_text("America/Chicago", lang))
    sep = "、" if lang == "ja" else ", "
    assert regions_line.endswith(sep.join(ct.region_name(c, lang) for c in ("US-CA", "DE-BY")))

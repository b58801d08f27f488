"""Hints that an author applies as written: applying one must never change what the policy means.

QA's edits of Click So-ko: ``respond within 4 business hour`` was told to write ``4 hours`` (four
elapsed hours, not business hours); ``timezone JST`` was told ``MST`` (a zone of UTC−7, which then
passed); ``holidays JA`` was told ``JAM`` (Jamaica, which then passed). A hint keeps the calendar, names
the zone an abbreviation stands for, and never offers a zone or a country code for its spelling alone.
"""

from __future__ import annotations

import re

import pytest
from babel.core import get_global
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.i18n.places import region_name
from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.lang.values import (
    ISO_ALPHA3,
    LANGUAGE_CODES,
    SPORT_CODES,
    ZONE_ABBREVIATIONS,
    country_help,
    holiday_countries,
    zone_problem,
)
from sla_dsl.policy import compile_text

ZONE_LINE = "  timezone Asia/Tokyo                          # reading 1: all clock times are Tokyo time"
HOLIDAYS_LINE = "  holidays JP                                  # reading 2: national holidays (holidays package)"
#: The English help of a sports code (``SUI``), up to its country
_SPORT = "`{code}` is a country's code in sports (the Olympics'), not an ISO 3166 code: did you mean "


def _diagnostics(text: str, code: str) -> list[Diagnostic]:
    return [d for d in compile_text(text, "t.sla").diagnostics if d.code == code]


def _one(text: str, code: str) -> Diagnostic:
    (d,) = _diagnostics(text, code)
    return d


def _zone(zone: str) -> str:
    return edited(CLICKSOKO, (ZONE_LINE, f"  timezone {zone}"))


def _holidays(code: str) -> str:
    return edited(CLICKSOKO, (HOLIDAYS_LINE, f"  holidays {code}"))


# -- W201: singular and plural -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "said", "fixed"),
    [
        ("4 business hour", "`4 business hour`", "`4 business hours`"),
        ("1 business hours", "`1 business hours`", "`1 business hour`"),
        ("4 hour", "`4 hour`", "`4 hours`"),  # elapsed time stays elapsed
    ],
)
def test_the_plural_hint_keeps_the_calendar(written: str, said: str, fixed: str) -> None:
    text = edited(CLICKSOKO, ("respond within 4 business hours\n", f"respond within {written}\n"))
    d = _one(text, "W201")
    assert d.message == f"{said}: singular and plural do not agree"
    assert d.help == f"write {fixed}"
    assert d.help_text("ja") == f"{fixed} と書いてください"


def test_applying_the_plural_hint_keeps_the_business_days() -> None:
    """QA's u01: `5 business day` -> `5 business days`, which checks clean and is still business time."""
    line = "respond within 5 business days               # reading 5"
    text = edited(CLICKSOKO, (line, line.replace("days", "day", 1)))
    d = _one(text, "W201")
    assert d.help == "write `5 business days`"
    fixed = (d.help or "").split("`")[1]
    applied = edited(text, ("respond within 5 business day ", f"respond within {fixed} "))
    assert applied == CLICKSOKO
    assert compile_text(applied).diagnostics == []


# -- time zones --------------------------------------------------------------------------------------


def test_jst_is_answered_with_tokyo_never_mst() -> None:
    d = _one(_zone("JST"), "E205")
    assert d.help == "`JST` is an abbreviation, not the name of a time zone: write `Asia/Tokyo` (Japan time)"
    assert d.help_text("ja") == (
        "`JST` は時刻の略称で、タイムゾーンの名前ではありません。`Asia/Tokyo`（日本時間）と書いてください"
    )
    assert (d.span.line, d.span.column) == (line_of(CLICKSOKO, ZONE_LINE), 12)
    assert _one(_zone("jst"), "E205").help == d.help.replace("`JST`", "`jst`")


@pytest.mark.parametrize(
    ("zone", "zones"),
    [
        ("CST", ["America/Chicago", "Asia/Shanghai", "Asia/Taipei", "America/Havana"]),
        ("IST", ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]),
        ("BST", ["Europe/London", "Asia/Dhaka"]),
        ("PST", ["America/Los_Angeles", "Asia/Manila"]),
        ("AEST", ["Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane"]),
    ],
)
def test_an_abbreviation_of_several_places_lists_them_with_their_names(zone: str, zones: list[str]) -> None:
    d = _one(_zone(zone), "E205")
    assert re.findall(r"`([A-Za-z_/]+)` \(", d.help or "") == zones
    assert (d.help or "").startswith(f"`{zone}` is an abbreviation several regions use, not the name of a time zone")
    assert (d.help_text("ja") or "").startswith(f"`{zone}` はいくつもの地域で使われる略称で")


@pytest.mark.parametrize("zone", sorted(ZONE_ABBREVIATIONS))
def test_no_abbreviation_is_answered_with_a_zone_by_its_spelling(zone: str) -> None:
    """Every zone a hint names for an abbreviation is a place's (``Area/City``) from the table."""
    help = zone_problem(zone)
    if help is None:  # one the zone folder holds (EST, MST, CET): read, with W204
        return
    named = re.findall(r"`([^`]+)`", help.text("en"))
    assert named[0] == zone and named[1:] == list(ZONE_ABBREVIATIONS[zone])
    assert all("/" in z for z in named[1:])


@pytest.mark.parametrize("zone", ["XYZ", "JSTT", "ABCD", "QST"])
def test_an_unknown_abbreviation_gets_no_zone_at_all(zone: str) -> None:
    d = _one(_zone(zone), "E205")
    assert d.help == "write an IANA zone name such as `Asia/Tokyo`"


@pytest.mark.parametrize(("zone", "near"), [("Asia/Tokio", "Asia/Tokyo"), ("Tokyo", "Asia/Tokyo"), ("Jpan", "Japan")])
def test_a_misspelt_place_is_still_matched(zone: str, near: str) -> None:
    assert _one(_zone(zone), "E205").help == f"did you mean `{near}`?"


@pytest.mark.parametrize(
    ("zone", "fixed"),
    [("UTC+9", "Etc/GMT-9"), ("GMT+09:00", "Etc/GMT-9"), ("UTC-5", "Etc/GMT+5"), ("+0900", "Etc/GMT-9")],
)
def test_an_offset_is_answered_with_a_place_and_the_fixed_zone_of_that_offset(zone: str, fixed: str) -> None:
    d = _one(_zone(f'"{zone}"'), "E205")
    assert d.help == (
        f"`{zone}` is an offset from UTC, not the name of a time zone: write the zone of the place, e.g. "
        f"`Asia/Tokyo`; the same offset all year, without summer time, is `{fixed}` "
        "(the sign of the `Etc/GMT` zones is inverted)"
    )
    assert compile_text(_zone(fixed)).errors == []  # the fixed zone is one the checker reads


def test_a_half_hour_offset_names_a_place_only() -> None:
    d = _one(_zone('"UTC+5:30"'), "E205")
    assert "Etc/" not in (d.help or "") and "`Asia/Tokyo`" in (d.help or "")


def test_an_abbreviation_the_zone_folder_holds_is_read_with_a_warning() -> None:
    """QA's e08: `timezone MST` passed, moving every clock to UTC−7 all year."""
    text = _zone("MST")
    d = _one(text, "W204")
    assert d.severity.value == "warning" and compile_text(text).errors == []
    assert (d.span.line, d.span.column) == (line_of(CLICKSOKO, ZONE_LINE), 3)  # the `timezone` line
    assert d.message == "`MST` is an abbreviation the tz database keeps for old systems, not the time zone of a place"
    assert d.help == (
        "write the zone of the place (its summer time, if any, is then the place's): "
        "`America/Denver` (Denver time) or `America/Phoenix` (Phoenix time)"
    )
    assert d.help_text("ja") == (
        "その場所のゾーン名を書いてください（夏時間の有無も、その場所のとおりになります）："
        "`America/Denver`（デンバー時間）、`America/Phoenix`（フェニックス時間）"
    )


def test_a_calendars_abbreviated_zone_is_warned_of_at_its_name() -> None:
    desk = 'calendar ny "NY" / "NY" {\n  timezone EST\n  days mon..fri\n  hours 09:00-17:00\n}\n\n'
    text = edited(CLICKSOKO, ('calendar always "', desk + 'calendar always "'))
    d = _one(text, "W204")
    assert (d.span.line, d.span.column) == (line_of(text, "  timezone EST"), 12)
    assert "`America/New_York` (New York time)" in (d.help or "")


# -- holiday countries -------------------------------------------------------------------------------


def test_ja_is_answered_with_japan_never_jamaica() -> None:
    d = _one(_holidays("JA"), "E204")
    assert d.help == "`JA` is a language code, not a country code: did you mean `JP` (Japan)?"
    assert d.help_text("ja") == "`JA` は言語のコードで、国のコードではありません。`JP`（日本）の誤りではありませんか？"
    assert "JAM" not in (d.help or "") + (d.help_text("ja") or "")


@pytest.mark.parametrize(
    ("code", "help"),
    [
        ("ja", "`ja` is a language code, not a country code: did you mean `JP` (Japan)?"),
        (
            "EN",
            "`EN` is a language code, not a country code: "
            "did you mean `GB` (the United Kingdom) or `US` (the United States)?",
        ),
        ("KO", "`KO` is a language code, not a country code: did you mean `KR` (South Korea)?"),
        ("jp", "did you mean `JP` (Japan)?"),
        ("jpn", "did you mean `JPN` (Japan)?"),
        ("Japan", "did you mean `JP` (Japan)?"),  # QA's t81: the country's name
        # the first letters of one country's English name (`JAP`, an abbreviation of Japan, no ISO code:
        # Japan's alpha-3 code is `JPN`); not of two (`Aust`: Australia or Austria)
        ("JAP", "did you mean `JP` (Japan)?"),
        ("Swi", "did you mean `CH` (Switzerland)?"),
        ("Aust", "write an ISO 3166 country code known to the `holidays` package, e.g. `JP`"),
        # a code of the Olympics (SPORT_CODES, below), whatever names it begins (`GRE`: Greece, Grenada)
        ("GER", f"{_SPORT.format(code='GER')}`DE` (Germany)?"),
        ("GRE", f"{_SPORT.format(code='GRE')}`GR` (Greece)?"),
        ("sui", f"{_SPORT.format(code='sui')}`CH` (Switzerland)?"),
        ("JQ", "write an ISO 3166 country code known to the `holidays` package, e.g. `JP`"),
    ],
)
def test_a_country_hint_names_its_country(code: str, help: str) -> None:
    assert _one(_holidays(code), "E204").help == help


@pytest.mark.parametrize(("code", "country"), sorted(SPORT_CODES.items()))
def test_a_sports_code_is_answered_with_its_countrys_iso_code(code: str, country: str) -> None:
    """``holidays SUI`` (NED, UAE: the Olympics' and FIFA's codes) had no hint: SUI begins no country's name
    and is no language's code. Each code of the table is answered with its country's ISO code, named in
    each language, which the `holidays` package knows; no code of the table is an ISO alpha-3 code, which
    may be another country's (``BRN`` is the Olympics' Bahrain and ISO's Brunei), nor one the package knows."""
    known = holiday_countries()
    assert country in known and code not in known
    assert code not in get_global("territory_aliases")  # (ISO 3166 alpha-3 codes, and retired ones: `BUR`)
    d = _one(_holidays(code), "E204")
    name = {lang: region_name(country, lang) for lang in ("en", "ja")}
    assert d.help == f"{_SPORT.format(code=code)}`{country}` ({name['en']})?"
    assert d.help_text("ja") == (
        f"`{code}` はオリンピックなどのスポーツで使われる国の略号で、`ISO 3166` の国コードではありません。"
        f"`{country}`（{name['ja']}）の誤りではありませんか？"
    )


@pytest.mark.parametrize(("code", "country"), sorted(ISO_ALPHA3.items()))
def test_an_iso_code_the_package_does_not_take_is_answered_with_the_one_it_does(code: str, country: str) -> None:
    """``holidays BGR`` (Bulgaria's ISO alpha-3 code; the `holidays` package knows it as ``BG`` or ``BLG``) was
    refused and told to "write an ISO 3166 country code": the code it was. It is told the code to write."""
    assert country in holiday_countries() and code not in holiday_countries()
    assert get_global("territory_aliases")[code] == [country]
    d = _one(_holidays(code), "E204")
    name = {lang: region_name(country, lang) for lang in ("en", "ja")}
    assert d.help == (
        f"the `holidays` package does not take `{code}` (an ISO 3166 three-letter code): "
        f"write `{country}` ({name['en']})"
    )
    assert d.help_text("ja") == (
        f"`holidays` パッケージは `{code}`（`ISO 3166` の3文字のコード）を扱いません。"
        f"`{country}`（{name['ja']}）と書いてください"
    )


#: Three-letter codes CLDR keeps for countries that no longer have them (Burma, East Germany, ...): no ISO code
_RETIRED = {"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"}


def test_every_iso_code_the_package_does_not_take_is_listed() -> None:
    known = holiday_countries()
    aliases = get_global("territory_aliases")
    alpha3 = {k: v[0] for k, v in aliases.items() if re.fullmatch("[A-Z]{3}", k) and len(v) == 1 and v[0] in known}
    assert {k: v for k, v in alpha3.items() if k not in known and k not in _RETIRED} == ISO_ALPHA3


@pytest.mark.parametrize(("code", "country"), [("SUI", "CH"), ("NED", "NL"), ("UAE", "AE"), ("KSA", "SA")])
def test_the_codes_the_review_found_are_listed(code: str, country: str) -> None:
    assert SPORT_CODES[code] == country


def test_no_country_code_is_suggested_for_its_spelling() -> None:
    """Every two- and three-letter code that is no country gets a hint from the table, a case fix, or none."""
    known = holiday_countries()
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    # (not `JAP`: the first letters of Japan, a name, not a code misspelt; above)
    for code in [a + b for a in letters for b in letters] + ["JPA", "GBB", "USS", "ENG"]:
        if code in known:
            continue
        said = country_help(code)
        named = re.findall(r"`([A-Z]{2,3})` \(", said.text("en"))
        assert set(named) <= set(LANGUAGE_CODES.get(code, ())), (code, said.text("en"))

"""Places and time zones have one set of names (:mod:`sla_dsl.i18n.places`), and a Japanese page shows no id.

The site named a zone from two hand-kept tables (``日本標準時（UTC+9）`` in the header, ``ロンドン時間`` in a
calendar's statement), each falling back to a UTC offset or the IANA id for a zone it did not list, and a
holiday code it did not list by the ``holidays`` package's English name (``California`` on a Japanese page).
Now the names come from CLDR (Babel) and, for subdivisions, ISO 3166-2 with iso-codes' translations
(pycountry: ``US-CA`` -> ``カリフォルニア`` / ``California``), with the catalogue's ``site.region.*`` and a few
zones named by their country as the only overrides. A Japanese page once said ``米国（US-CA）``, brackets
within the brackets of a calendar's holidays.
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
import zoneinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import pytest
from holidays.registry import COUNTRIES

from sla_dsl.docs import calendar_text as ct
from sla_dsl.docs import text as tx
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.i18n import places
from sla_dsl.i18n.site_tables import SITE_TABLES
from sla_dsl.lang.values import zone_problem
from sla_dsl.policy import load_policy
from sla_dsl.policy.compiled import Policy

from .test_page_words import EXAMPLES

LATIN = re.compile(r"[A-Za-z]+")
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
#: A subdivision with no Japanese name keeps its code, after its country: ``米国・US-VI`` (no brackets to
#: nest inside the site's).
CODE_AFTER = re.compile(r"・[A-Z]{2}-[^（）・]+$")
ROOT = Path(__file__).resolve().parents[2]


# -- the words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "ja", "en"),
    [
        # the zones the site's two tables listed keep their words (but Lord Howe: CLDR's ロードハウ)
        ("Asia/Tokyo", "日本時間", "Japan time"),
        ("Europe/London", "ロンドン時間", "London time"),
        ("America/New_York", "ニューヨーク時間", "New York time"),
        ("Asia/Kolkata", "インド時間", "India time"),
        ("UTC", "協定世界時", "UTC"),
        # zones no table listed: words, never an offset or an id
        ("America/Chicago", "シカゴ時間", "Chicago time"),
        ("Asia/Dubai", "ドバイ時間", "Dubai time"),
        ("Asia/Calcutta", "インド時間", "India time"),  # an old id: CLDR's alias
        ("Etc/GMT+12", "UTC-12", "UTC-12"),  # a zone of no place: its offset
    ],
)
def test_a_zone_is_named_by_its_place(zone: str, ja: str, en: str) -> None:
    assert (places.zone_name(zone, "ja"), places.zone_name(zone, "en")) == (ja, en)
    assert ct.zone_text(zone, "ja") == ja  # the calendar's statements say the same


@pytest.mark.parametrize(
    ("zone", "ja", "en"),
    [
        ("Asia/Tokyo", "日本標準時（UTC+9）", "Japan Standard Time (UTC+9)"),
        ("UTC", "協定世界時（UTC）", "Coordinated Universal Time (UTC)"),
        ("Europe/London", "ロンドン時間（UTC+0、夏時間はUTC+1）", "London time (UTC+0, UTC+1 in summer)"),
        ("America/Chicago", "シカゴ時間（UTC-6、夏時間はUTC-5）", "Chicago time (UTC-6, UTC-5 in summer)"),
        ("Asia/Kolkata", "インド標準時（UTC+5:30）", "India Standard Time (UTC+5:30)"),
        # CLDR's name of its standard time names another place (湾岸標準時): the zone's own name
        ("Asia/Dubai", "ドバイ時間（UTC+4）", "Dubai time (UTC+4)"),
    ],
)
def test_a_policy_zone_is_titled_with_its_offsets(zone: str, ja: str, en: str) -> None:
    assert (places.zone_title(zone, "ja"), places.zone_title(zone, "en")) == (ja, en)
    assert (tx.zone(ZoneInfo(zone), "ja"), tx.zone(ZoneInfo(zone), "en")) == (ja, en)


def test_every_zone_a_policy_may_name_has_japanese_words() -> None:
    """Every zone the checker accepts: no id and no English in the Japanese, no Japanese in the English."""
    zones = [z for z in sorted(zoneinfo.available_timezones()) if zone_problem(z) is None]
    assert len(zones) > 400
    for zone in zones:
        for said in (places.zone_name(zone, "ja"), places.zone_title(zone, "ja")):
            assert set(LATIN.findall(said)) <= {"UTC"}, (zone, said)
            assert JAPANESE.search(said) or re.fullmatch(r"UTC[+-]\d+(:\d\d)?", said), (zone, said)
        for said in (places.zone_name(zone, "en"), places.zone_title(zone, "en")):
            assert not JAPANESE.search(said), (zone, said)


@pytest.mark.parametrize(
    ("code", "ja", "en"),
    [
        ("JP", "日本", "Japan"),
        ("JPN", "日本", "Japan"),  # the holidays package's three letters
        ("GB-ENG", "イングランド", "England"),  # the catalogue's words
        ("US", "米国", "the United States"),  # the catalogue's words over CLDR's (アメリカ合衆国)
        ("PT", "ポルトガル", "Portugal"),  # CLDR's
        # subdivisions: ISO 3166-2's names, iso-codes' translations (pycountry)
        ("US-CA", "カリフォルニア", "California"),
        ("DE-BY", "バイエルン", "Bavaria"),  # the English translation, not ISO's Bayern
        ("CA-QC", "ケベック", "Quebec"),
        ("AU-NSW", "ニューサウスウェールズ", "New South Wales"),
        ("ES-MD", "マドリード州", "Madrid"),  # ISO's "Madrid, Comunidad de" without its note
        ("GB-SCT", "スコットランド", "Scotland"),  # the catalogue's words first: iso-codes has no ja
    ],
)
def test_a_holiday_code_is_named_as_a_place(code: str, ja: str, en: str) -> None:
    assert (places.region_name(code, "ja"), places.region_name(code, "en")) == (ja, en)
    assert ct.region_name(code, "ja") == ja


@pytest.mark.parametrize(
    ("code", "country", "en"),
    [
        ("IN-MH", "インド", "Mahārāshtra"),  # in ISO 3166-2, not translated into Japanese
        ("US-VI", "米国", "Virgin Islands"),  # ISO's "Virgin Islands, U.S." without its note
        ("FR-973", "フランス", "Guyane"),  # ISO's "Guyane (française)"
        ("NO-31", "ノルウェー", "Østfold"),  # not in pycountry's ISO 3166-2: the holidays package's name
        ("BE-Flemish", "ベルギー", "Belgium (BE-Flemish)"),  # no name anywhere: its country and code
    ],
)
def test_a_subdivision_without_japanese_words_is_its_country_and_code(code: str, country: str, en: str) -> None:
    """Never its Latin name on a Japanese page: its country's name and the policy's code."""
    ja = places.region_name(code, "ja")
    assert ja == f"{country}・{code}", ja  # (no brackets to nest inside the site's)
    assert places.region_name(code, "en") == en


def test_no_subdivision_name_holds_brackets() -> None:
    """ISO's notes (``Guyane (française)``, ``Catalunya [Cataluña]``) are left out, in both languages."""
    for country in sorted({entry[1] for entry in COUNTRIES.values()}):
        for subdiv in holidays.country_holidays(country).subdivisions:
            code = f"{country}-{subdiv}"
            for lang in ("ja", "en"):
                said = places.region_name(code, lang)
                assert not re.search(r"[\[(（]", said if lang == "ja" else said.removesuffix(f" ({code})")), said


def test_the_catalogue_lists_only_words_of_its_own() -> None:
    """A ``site.region.*`` entry is there only where its words differ from CLDR's or ISO's."""
    for key in [k for k in SITE_TABLES if k.startswith("site.region.")]:
        code = key.removeprefix("site.region.")
        msg = SITE_TABLES.pop(key)
        try:
            plain = (places.region_name(code, "ja"), places.region_name(code, "en"))
        finally:
            SITE_TABLES[key] = msg
        assert plain != (msg.ja, msg.en), code


def test_naming_a_tokyo_policy_imports_no_pycountry() -> None:
    """pycountry's tables load on the first subdivision named, not for ``sla evaluate`` of a Tokyo policy."""
    code = (
        "import sys\n"
        "from sla_dsl.cli import main\n"
        f"main(['evaluate', {str(ROOT / 'policies' / 'clicksoko.sla')!r}, "
        f"{str(ROOT / 'examples' / 'events-2026-11.jsonl')!r}, '--from', '2026-11-01', '--to', '2026-12-01'])\n"
        "from sla_dsl.i18n import places\n"
        "assert places.region_name('JP', 'ja') == '日本'\n"
        "assert 'pycountry' not in sys.modules, 'pycountry imported'\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0, res.stderr


def test_every_holiday_code_has_japanese_words() -> None:
    """Every country of the holidays package is a Japanese name; a subdivision its country's, and its code."""
    for country in sorted({entry[1] for entry in COUNTRIES.values()}):
        said = places.region_name(country, "ja")
        assert JAPANESE.search(said) and not LATIN.search(said), (country, said)
        assert not JAPANESE.search(places.region_name(country, "en")), country
        for subdiv in holidays.country_holidays(country).subdivisions:
            code = f"{country}-{subdiv}"
            said = places.region_name(code, "ja")
            assert JAPANESE.search(said) and not LATIN.search(CODE_AFTER.sub("", said)), (code, said)
            assert not JAPANESE.search(places.region_name(code, "en")), code


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("key", sorted(places.PLACES))
def test_the_frames_are_in_both_languages(key: str) -> None:
    """The module's sentence frames meet the catalogue's checks (tests/report/test_catalogue.py)."""
    msg = places.PLACES[key]
    assert _fields(msg.ja) == _fields(msg.en), key
    ja = re.sub(r"\{[^}]*\}", "", msg.ja)
    assert set(LATIN.findall(ja)) <= {"UTC"}, key
    assert not JAPANESE.search(msg.en), key


def test_one_source_of_names() -> None:
    """The site's two zone tables are gone: both of its helpers say what :mod:`sla_dsl.i18n.places` says."""
    assert not hasattr(ct, "ZONE_NAMES") and not hasattr(tx, "_ZONES")
    assert ct.zone_text is places.zone_name and ct.region_name is places.region_name


# -- the pages ----------------------------------------------------------------------------------


def _london_in_chicago(tmp_path: Path) -> Policy:
    """The London desk example with the desk in Chicago, closed on Californian and Bavarian holidays, and
    the policy in Dubai: zones and regions no table listed."""
    text = (EXAMPLES / "london_desk.sla").read_text("utf-8")
    for old, new in [
        ("  timezone Europe/London ", "  timezone America/Chicago "),
        ("holidays GB-ENG", "holidays US-CA, DE-BY"),
        ("timezone Asia/Tokyo", "timezone Asia/Dubai"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "london_desk.sla"
    path.write_text(text, "utf-8")
    return load_policy(str(path))


def test_a_japanese_page_names_unlisted_zones_and_regions_in_words(tmp_path: Path) -> None:
    policy = _london_in_chicago(tmp_path)
    ja = render_policy(policy, PageContext(lang="ja", source_url=""))
    for raw in ("America/Chicago", "Asia/Dubai", "California", "Bayern", "Chicago", "Dubai", "現地時間"):
        assert raw not in ja, raw
    assert "<dt>標準時</dt><dd>ドバイ時間（UTC+4）</dd>" in ja
    assert "カリフォルニアの祝日を除く、バイエルンの祝日を除く、シカゴ時間で判定" in ja
    assert "（シカゴ時間 2026年10月2日(金) 16:30）" in ja  # a worked example on the desk's clock
    en = render_policy(policy, PageContext(lang="en", source_url=""))
    assert "<dt>Time zone</dt><dd>Dubai time (UTC+4)</dd>" in en
    assert "except public holidays in California, except public holidays in Bavaria, counted in Chicago time" in en


def test_a_japanese_calendar_line_nests_no_brackets(tmp_path: Path) -> None:
    """The holidays a calendar leaves out stand in brackets (``（カリフォルニアの祝日を除く、…）``): no name
    brings brackets of its own into them."""
    policy = _london_in_chicago(tmp_path)
    ja = render_policy(policy, PageContext(lang="ja", source_url=""))
    lines = re.findall(r"（[^<]*の祝日を除く[^<]*", ja)  # from the bracket to the end of its text
    assert lines and all("（カリフォルニアの祝日を除く、バイエルンの祝日を除く" in line for line in lines), lines
    for line in lines:
        depth = 0
        for char in line:
            depth += {"（": 1, "）": -1}.get(char, 0)
            assert depth <= 1, line


def test_an_english_calendar_line_nests_no_parentheses(tmp_path: Path) -> None:
    """A region with no name anywhere is its country and code (``Belgium (BE-Flemish)``); inside the
    parentheses of a calendar's holidays its own become brackets, as English nests them."""
    text = (EXAMPLES / "london_desk.sla").read_text("utf-8")
    assert text.count("holidays GB-ENG") == 1
    path = tmp_path / "london_desk.sla"
    path.write_text(text.replace("holidays GB-ENG", "holidays US-CA, BE-Flemish"), "utf-8")
    policy = load_policy(str(path))
    en = render_policy(policy, PageContext(lang="en", source_url=""))
    assert "(except public holidays in California, except public holidays in Belgium [BE-Flemish])" in en
    lines = re.findall(r"\(except public holidays in[^<]*", en)
    assert lines
    for line in lines:
        depth = 0
        for char in line:
            depth += {"(": 1, ")": -1}.get(char, 0)
            assert depth <= 1, line
    assert "except public holidays in Belgium (BE-Flemish), counted in London time" in en  # (not in brackets)
    assert "ベルギー・BE-Flemishの祝日を除く" in render_policy(policy, PageContext(lang="ja", source_url=""))

"""Places and time zones in words, in Japanese and English: the one source for the site and the change notice.

A time zone is named as a reader knows its clock (``ロンドン時間`` / ``London time``, :func:`zone_name`),
and where it is a policy's zone also with its offsets from UTC (``日本標準時（UTC+9）``,
``ロンドン時間（UTC+0、夏時間はUTC+1）``, :func:`zone_title`). A holiday code of the ``holidays``
package is named as a place (``JP`` -> ``日本`` / ``Japan``, ``GB-ENG`` -> ``イングランド`` /
``England``, :func:`region_name`). No IANA identifier reaches a Japanese text, and no English name.

Design notes
------------
* The names come from CLDR, through Babel: a zone by its exemplar city (``America/Chicago`` ->
  ``シカゴ時間`` / ``Chicago time``), a country by its name (``PT`` -> ``ポルトガル`` /
  ``Portugal``). Hand-kept words are only the overrides:

  - :data:`BY_COUNTRY`, the zones people name by their country, not their city (``日本時間``,
    never ``東京時間``);
  - the catalogue's ``site.region.<code>`` (:mod:`.site_tables`), the project's own words for a
    country or subdivision where they differ from CLDR's (``米国``, ``the United States``) or CLDR
    has none (``GB-ENG``: ``イングランド``).
* A zone that keeps one offset all year is titled by CLDR's name of its standard time where that
  names the same place (``日本標準時（UTC+9）``, ``シンガポール標準時（UTC+8）``), else by its name
  (``ドバイ時間（UTC+4）``, not ``湾岸標準時``); a zone with summer time says both offsets. Offsets are
  those of :data:`YEAR` (fixed, so a page built later says the same; nothing here reads the clock).
* A zone with no place (``Etc/GMT+12``) is its offset (``UTC-12``), UTC by its name (``協定世界時`` /
  ``UTC``).
* Babel has no names of subdivisions: they come from ISO 3166-2 and its translations (Debian's
  iso-codes, through ``pycountry``): ``US-CA`` -> ``カリフォルニア`` / ``California``, ``DE-BY`` ->
  ``バイエルン`` / ``Bavaria`` (the English translation where iso-codes has one, else ISO's own name).
  ISO annotates a few names (``Madrid, Comunidad de``, ``Guyane (française)``, ``Catalunya [Cataluña]``):
  they are said without the note (``Madrid``), so a name brings no brackets into the site's bracketed
  list of holidays (``（カリフォルニアの祝日を除く、…）``). ``pycountry`` is imported on the first subdivision
  named (the site, the change notice), never by ``sla evaluate``.
* A subdivision with no Japanese translation (``US-VI``, ``IN-MH``; about 40% of the ``holidays``
  package's) is named in Japanese by its country and its code (the frame ``place.subdivision``), never
  by its Latin name; in English by ISO's name, or for a code that is not ISO's (``NO-31``) by the
  ``holidays`` package's name.
* The few sentence frames are :data:`.terms.PLACES` (keys ``place.*``), a section of the catalogue.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from . import message
from .site_tables import SITE_TABLES
from .terms import PLACES

__all__ = ["BY_COUNTRY", "PLACES", "YEAR", "country_name", "region_name", "zone_name", "zone_title"]


#: Zones named by their country (CLDR's territory of the zone), not by their city.
BY_COUNTRY: frozenset[str] = frozenset({"Asia/Tokyo", "Asia/Kolkata", "Asia/Shanghai"})

_BY_COUNTRY = frozenset(str(get_global("zone_aliases").get(z, z)) for z in BY_COUNTRY)  # (their CLDR ids)

#: The year whose offsets a zone's title says.
YEAR = 2026


def _say(key: str, lang: str, **fields: str) -> str:
    return message(key, lang, **fields)


@cache
def _locale(lang: str) -> Locale:
    return Locale("ja" if lang == "ja" else "en")


def _canonical(zone: str) -> str:
    """CLDR's id of ``zone`` (``Asia/Calcutta`` -> ``Asia/Kolkata``, ``UTC`` -> ``Etc/UTC``)."""
    return str(get_global("zone_aliases").get(zone, zone))


def _has_place(zone: str) -> bool:
    """Whether CLDR names a city for ``zone`` (every zone of a place; not ``Etc/GMT+12`` nor ``UTC``)."""
    return "city" in _locale("ja").time_zones.get(_canonical(zone), {})


@cache
def _offsets(zone: str) -> tuple[dt.timedelta, dt.timedelta]:
    """The standard and the summer offset of ``zone`` in :data:`YEAR` (equal without summer time)."""
    tz = ZoneInfo(zone)
    seen = [dt.datetime(YEAR, month, 1, 12, tzinfo=tz).utcoffset() or dt.timedelta() for month in range(1, 13)]
    return min(seen), max(seen)


def _utc(offset: dt.timedelta) -> str:
    """``UTC+9``, ``UTC+5:30``, ``UTC-3:30``, ``UTC+0``."""
    minutes = int(offset.total_seconds()) // 60
    h, m = divmod(abs(minutes), 60)
    return f"UTC{'-' if minutes < 0 else '+'}{h}" + (f":{m:02d}" if m else "")


def _offsets_text(zone: str, lang: str) -> str:
    standard, summer = _offsets(zone)
    if standard == summer:
        return _utc(standard)
    return _say("place.zone.summer", lang, standard=_utc(standard), summer=_utc(summer))


def _place(zone: str, lang: str) -> str:
    """The place whose clock ``zone`` is: its country for :data:`BY_COUNTRY`, else CLDR's city."""
    canonical = _canonical(zone)
    if canonical in _BY_COUNTRY:
        return country_name(str(get_global("zone_territories")[canonical]), lang)
    return get_timezone_location(canonical, locale=_locale(lang), return_city=True)


def zone_name(zone: str, lang: str) -> str:
    """A zone as people name its clock: ``日本時間``, ``ロンドン時間``, ``シカゴ時間`` / ``Chicago time``;
    UTC ``協定世界時`` / ``UTC``; a zone of no place by its offset (``UTC-12``)."""
    try:
        if _has_place(zone):
            return _say("place.zone", lang, place=_place(zone, lang))
        standard, summer = _offsets(zone)
    except ZoneInfoNotFoundError:  # not a zone: a checked policy never has one
        return zone
    if standard == summer == dt.timedelta():
        return _say("place.zone.utc", lang)
    return _offsets_text(zone, lang)


def _standard_name(zone: str, lang: str) -> str:
    """CLDR's long name of the standard time of ``zone`` (``日本標準時``), or ``""``."""
    loc, canonical = _locale(lang), _canonical(zone)
    own = loc.time_zones.get(canonical, {}).get("long", {}).get("standard")
    metazone = get_global("meta_zones").get(canonical)
    shared = loc.meta_zones.get(metazone, {}).get("long", {}).get("standard") if metazone else None
    return str(own or shared or "")


def zone_title(zone: str, lang: str) -> str:
    """A policy's zone with its offsets: ``日本標準時（UTC+9）`` / ``Japan Standard Time (UTC+9)``,
    ``ロンドン時間（UTC+0、夏時間はUTC+1）`` / ``London time (UTC+0, UTC+1 in summer)``."""
    try:
        if not _has_place(zone):
            standard, summer = _offsets(zone)
            if standard == summer == dt.timedelta():
                return _say("place.zone.utc.titled", lang)
            return _offsets_text(zone, lang)
        standard, summer = _offsets(zone)
    except ZoneInfoNotFoundError:
        return zone
    name = zone_name(zone, lang)
    if standard == summer:
        cldr = _standard_name(zone, lang)
        if cldr and cldr.startswith(_place(zone, lang)):
            name = cldr
    return _say("place.zone.titled", lang, name=name, offsets=_offsets_text(zone, lang))


# ---- places of public holidays ---------------------------------------------------------------


@cache
def _country_entity(country: str) -> type[holidays.HolidayBase] | None:
    """The ``holidays`` package's class of ``country`` (``JP``, ``JPN``, ``UK``), if it has one."""
    try:
        return type(holidays.country_holidays(country))
    except NotImplementedError:
        return None


def _alpha2(country: str) -> str:
    """ISO 3166-1's two letters of a country the ``holidays`` package knows (``JPN`` -> ``JP``)."""
    entity = _country_entity(country)
    return str(getattr(entity, "country", country)) if entity is not None else country


def _catalogued(key: str, lang: str) -> str | None:
    msg = SITE_TABLES.get(f"site.region.{key}")
    return None if msg is None else msg.ja if lang == "ja" else msg.en


def country_name(code: str, lang: str) -> str:
    """A country by its ISO code: the catalogue's words (``US`` -> ``米国`` / ``the United States``), else
    CLDR's (``PT`` -> ``ポルトガル`` / ``Portugal``); the code only when neither knows it."""
    said = _catalogued(code, lang)
    if said is not None:
        return said
    return str(_locale(lang).territories.get(code, code))


def _holidays_name(country: str, subdiv: str) -> str:
    """The ``holidays`` package's name of a subdivision (``US``, ``CA`` -> ``California``), or ``""``."""
    entity = _country_entity(country)
    if entity is None:
        return ""
    aliases: dict[str, str] = getattr(entity, "subdivisions_aliases", {})
    return next((name for name, code in aliases.items() if code == subdiv), "")


#: ISO's note after a name: `` [Cataluña]``, `` (française)``, ``, Comunidad de``, `` / Freiburg``.
_NOTE = re.compile(r" \[| \(|（|, | / ")


@cache
def _iso_names() -> dict[str, str]:
    """ISO 3166-2's name of every subdivision by its code (``US-CA`` -> ``California``)."""
    import pycountry  # its tables load on first use: only where a subdivision is named

    return {str(sub.code): str(sub.name) for sub in pycountry.subdivisions}


@cache
def _iso_translation(lang: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def _iso_name(code: str, lang: str) -> str:
    """ISO 3166-2's name of ``code`` in ``lang`` without its note (``US-CA`` -> ``カリフォルニア`` /
    ``California``); ``""`` for a code ISO does not list, or in Japanese one iso-codes has not translated."""
    name = _iso_names().get(code, "")
    said = _iso_translation(lang).gettext(name) if name else ""
    if lang == "ja" and said == name:
        return ""
    return _NOTE.split(said, maxsplit=1)[0]


def region_name(code: str, lang: str) -> str:
    """The place of a holiday code (``holidays JP, GB-ENG``) in words: ``JP`` -> ``日本`` / ``Japan``,
    ``GB-ENG`` -> ``イングランド`` / ``England`` (the catalogue's words), ``PT`` -> ``ポルトガル`` (CLDR's),
    ``US-CA`` -> ``カリフォルニア`` / ``California`` (ISO 3166-2's); a subdivision without a Japanese
    name by its country and its code."""
    country, dash, subdiv = code.partition("-")
    alpha2 = _alpha2(country)
    if not dash:
        return country_name(alpha2, lang)
    key = f"{alpha2}-{subdiv}"
    said = _catalogued(key, lang) or _iso_name(key, lang)
    if not said and lang != "ja":
        said = _holidays_name(alpha2, subdiv)
    return said or _say("place.subdivision", lang, country=country_name(alpha2, lang), code=key)

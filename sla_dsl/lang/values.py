"""Reading values out of the parse tree: texts, times, dates, weekdays, durations.

:class:`ValueReader` is the half of the transformer that knows what a single
value may be and reports, with a span and a suggestion, when it is not. The
declaration-level half is :class:`sla_dsl.lang.transformer.Builder`.

Design notes
------------
* **Every number has a documented maximum, checked on its digits first.** The
  grammar lets a number have any length; Python refuses ``int()`` of more than
  4,300 digits, and a duration of 10^20 hours would pass the check only to
  overflow the calendar arithmetic. So every number of a policy is read by
  :func:`bounded_int`, which compares the count of digits with the largest
  value allowed *before* converting, and the caller reports the value, shortened
  by :func:`shown` (which shows its control characters as their escapes, as
  every value it quotes), with its own located message: durations are at most ten
  years' worth in their unit (:data:`MAX_DURATION`), ``by end of Nth business
  day`` at most ``3650th``, article, item and section numbers at most
  :data:`MAX_NUMBER` (nine digits).
* **A time zone is an IANA name that zoneinfo resolves to a real zone.**
  ``available_timezones()`` lists the files of the host's zone folder, which
  also holds ``localtime`` (the host's own zone: deadlines would depend on the
  machine), ``Factory`` (the tz database's placeholder, offset zero, "-00")
  and ``posixrules``; those and anything that looks like a path are refused.
* **An abbreviation is not a zone, and no zone is suggested for one by its
  spelling.** ``JST`` is one letter from ``MST``, which the zone folder holds
  (a fixed UTC−7): a help that suggested the nearest name would move every
  clock of the policy. A name of :data:`ZONE_ABBREVIATIONS` (``JST``, ``CST``,
  ``EDT``) is answered with the zone or zones of the places it stands for, each
  with the place's name (``Asia/Tokyo``: Japan time); one several places use
  (``CST``, ``IST``, ``BST``) lists them. An offset (``UTC+9``) is not a zone
  either: the help names a place's zone, and the fixed ``Etc/GMT-9`` with its
  inverted sign. Any other unknown name is matched by spelling only against
  the zones of places (``Asia/Tokio`` -> ``Asia/Tokyo``), never against the
  zone folder's abbreviations and codes (``MST``, ``PRC``, ``GMT+0``), and a
  name that looks like an abbreviation itself is given no match. The
  abbreviations the zone folder does hold (``EST``, ``MST``, ``CET``: kept by
  the tz database for old systems, naming no place and, for some, keeping no
  summer time) are read, with warning W204 naming the places' zones
  (:func:`legacy_zone`).
* **Holidays** name a country, or a country and one of its subdivisions as the
  ``holidays`` package names them (``US-NY``); both parts are checked against
  the package's own lists. An unknown country code is never matched by its
  spelling: ``JA`` is one letter from ``JM`` and two from ``JAM`` (Jamaica),
  and every two-letter code is a letter from dozens of others. A code that
  differs from a known one in case only (``jp``) is given that one; a language
  code written for a country (``JA``, ``EN``, ``KO``: :data:`LANGUAGE_CODES`)
  is given the country or countries it is usually meant for, with their names,
  and a country's English name (``Japan``) its code; anything else gets the
  general help.
* **A text is read as it is written.** Its escapes are ``\\"``, ``\\\\``, ``\\n`` and ``\\t``
  (:data:`ESCAPES`); a backslash before any other character is E017 at the backslash, never dropped
  (``"C:\\data"`` read as ``C:data``), and a control character or one that reorders text (ESC, U+202E)
  written raw is W017: the documents would not show the text as written. Both are found by
  :func:`text_problems` in the source as the lexer reads it, so that every text is checked, the
  header's too, whichever builder reads it; the checks of the model call it (``check_model``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import zoneinfo
from functools import cache
from typing import Any

from lark import Token, Tree

from ..errors import printable
from . import model as m
from .diagnostics import (
    Both,
    Code,
    Diagnostic,
    Listing,
    Severity,
    Words,
    diagnostic,
    did_you_mean_words,
    listing,
    suggest,
    words,
)
from .plain import EXTENDABLE as EXTENDABLE
from .plain import declarable
from .plain import is_name as is_name

WEEKDAYS = [w.value for w in m.Weekday]
UNIT_MAP = {
    "second": m.TimeUnit.SECOND,
    "minute": m.TimeUnit.MINUTE,
    "hour": m.TimeUnit.HOUR,
    "day": m.TimeUnit.DAY,
    "week": m.TimeUnit.WEEK,
    "month": m.TimeUnit.MONTH,
}
CHANNELS = ("email", "web", "phone", "letter", "portal")

#: The longest duration in each unit: ten years' worth (of 365 days), for elapsed and business time alike.
MAX_DURATION_YEARS = 10
MAX_DURATION = {
    m.TimeUnit.SECOND: MAX_DURATION_YEARS * 365 * 24 * 3600,
    m.TimeUnit.MINUTE: MAX_DURATION_YEARS * 365 * 24 * 60,
    m.TimeUnit.HOUR: MAX_DURATION_YEARS * 365 * 24,
    m.TimeUnit.DAY: MAX_DURATION_YEARS * 365,
    m.TimeUnit.WEEK: MAX_DURATION_YEARS * 52,
    m.TimeUnit.MONTH: MAX_DURATION_YEARS * 12,
}
#: The latest ``respond by end of Nth business day``.
MAX_NTH_BUSINESS_DAY = MAX_DURATION[m.TimeUnit.DAY]
#: The largest article, item or section number (nine digits).
MAX_NUMBER = 999_999_999

#: Names in a zone folder that are not zones to write in a policy (why: ``diag.help.zone.<name>``).
HOST_ZONES = ("localtime", "Factory", "posixrules")


def bounded_int(digits: str, most: int) -> int | None:
    """``digits`` as an int if it is at most ``most``, else ``None``; long strings never reach ``int()``."""
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(most)):
        return None
    value = int(significant)
    return value if value <= most else None


def shown(text: str, keep: int = 24) -> str:
    """User input short enough for a message: a long value keeps its start and end (``123456789012…7890``);
    its control characters shown as their escapes (``\\x1b``), which a message never writes raw."""
    if len(text) <= keep:
        return printable(text)
    return f"{printable(text[: keep - 8])}…{printable(text[-4:])}"


class Invalid(Exception):
    """Raised inside the walk to drop the current declaration (already reported)."""


def unknown_statement(st: Tree[Token]) -> AssertionError:
    """The internal error for a statement a declaration's builder does not know (``raise`` it): a
    statement the grammar gained is read by its builder, never silently ignored."""
    return AssertionError(f"no builder reads statement `{st.data}` (line {st.meta.line if not st.meta.empty else 0})")


@cache
def _timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


#: Abbreviations of the time of a region, by the zones of the places they stand for (the likeliest first).
#: One that several places use lists them; one of a region with many zones lists examples.
ZONE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "JST": ("Asia/Tokyo",),
    "KST": ("Asia/Seoul",),
    "HKT": ("Asia/Hong_Kong",),
    "SGT": ("Asia/Singapore",),
    "PHT": ("Asia/Manila",),
    "WIB": ("Asia/Jakarta",),
    "ICT": ("Asia/Bangkok", "Asia/Ho_Chi_Minh"),
    "CST": ("America/Chicago", "Asia/Shanghai", "Asia/Taipei", "America/Havana"),
    "CDT": ("America/Chicago", "America/Havana"),
    "IST": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "BST": ("Europe/London", "Asia/Dhaka"),
    "EST": ("America/New_York",),
    "EDT": ("America/New_York",),
    "MST": ("America/Denver", "America/Phoenix"),
    "MDT": ("America/Denver",),
    "PST": ("America/Los_Angeles", "Asia/Manila"),
    "PDT": ("America/Los_Angeles",),
    "AKST": ("America/Anchorage",),
    "AKDT": ("America/Anchorage",),
    "HST": ("Pacific/Honolulu",),
    "WET": ("Europe/Lisbon",),
    "WEST": ("Europe/Lisbon",),
    "CET": ("Europe/Berlin", "Europe/Paris"),
    "CEST": ("Europe/Berlin", "Europe/Paris"),
    "MET": ("Europe/Berlin", "Europe/Paris"),
    "MEST": ("Europe/Berlin", "Europe/Paris"),
    "EET": ("Europe/Athens", "Europe/Helsinki"),
    "EEST": ("Europe/Athens", "Europe/Helsinki"),
    "MSK": ("Europe/Moscow",),
    "AEST": ("Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane"),
    "AEDT": ("Australia/Sydney", "Australia/Melbourne"),
    "ACST": ("Australia/Adelaide", "Australia/Darwin"),
    "ACDT": ("Australia/Adelaide",),
    "AWST": ("Australia/Perth",),
    "NZST": ("Pacific/Auckland",),
    "NZDT": ("Pacific/Auckland",),
}

#: ``UTC+9``, ``GMT-05:00``, ``+0900``: an offset from UTC, not a zone.
_OFFSET = re.compile(r"(?:UTC|GMT|Z)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
#: A name written like an abbreviation (``JST``, ``XYZT``): no zone is suggested for it by its spelling.
_ABBREVIATION_LIKE = re.compile(r"[A-Z]{2,5}")


@cache
def place_zones() -> tuple[str, ...]:
    """The zones a misspelt name may be matched with: those of places (``Area/Place``, ``Japan``), not the
    zone folder's abbreviations and codes (``MST``, ``PST8PDT``, ``PRC``, ``GMT+0``) nor the host's own."""
    return tuple(sorted(z for z in _timezones() - set(HOST_ZONES) if "/" in z or (z[:1].isupper() and z[1:].islower())))


def _zone_candidates(zones: tuple[str, ...]) -> Listing:
    """Zones with the names of their places: ``Asia/Tokyo`` (Japan time), in each language."""
    from ..i18n.places import zone_name  # (Babel's names: read only when a help needs them)

    return listing(
        words("diag.help.zone.candidate", zone=z, place=Both(zone_name(z, "ja"), zone_name(z, "en"))) for z in zones
    )


def zone_abbreviation(name: str) -> Words | None:
    """The help for a zone written as an abbreviation (``JST``, ``cst``): the zone or zones of the places
    it stands for; ``None`` when ``name`` is no abbreviation :data:`ZONE_ABBREVIATIONS` knows."""
    zones = ZONE_ABBREVIATIONS.get(name.upper())
    if zones is None:
        return None
    key = "diag.help.zone.abbreviation" if len(zones) == 1 else "diag.help.zone.abbreviation.many"
    return words(key, zone=name, candidates=_zone_candidates(zones))


def legacy_zone(name: str) -> Words | None:
    """The help of W204 when ``name`` is one of the abbreviations the zone folder holds (``EST``, ``MST``,
    ``CET``): the zones of the places it stands for. ``None`` for any other name."""
    zones = ZONE_ABBREVIATIONS.get(name)
    if zones is None or name not in _timezones():
        return None
    return words("diag.W204.help", candidates=_zone_candidates(zones))


def _zone_offset(name: str) -> Words | None:
    """The help for an offset written as a zone (``UTC+9``): a place's zone, or the fixed ``Etc/GMT-9``."""
    hit = _OFFSET.fullmatch(name.strip())
    if hit is None:
        return None
    sign, hours, minutes = hit.group(1), int(hit.group(2)), int(hit.group(3) or 0)
    offset = hours if sign == "+" else -hours
    if minutes or not -12 <= offset <= 14:  # (the tz database's fixed zones: whole hours, UTC-12 to UTC+14)
        return words("diag.help.zone.offset", zone=name)
    fixed = "Etc/UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{hours}"  # (POSIX's inverted sign)
    return words("diag.help.zone.offset.fixed", zone=name, fixed=fixed)


@cache
def holiday_subdivisions(country: str) -> tuple[str, ...]:
    """The subdivision codes the `holidays` package has for ``country`` (``NY`` for ``US``)."""
    import holidays

    return tuple(holidays.country_holidays(country).subdivisions)


def _squeezed(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def subdivision_hint(country: str, subdiv: str) -> str | None:
    """The subdivision of ``country`` that ``subdiv`` means: the code written in another case
    (``ny``), or one the `holidays` package names that way (``California``, ``NewYork``) or that it
    abbreviates, when it is longer than the country's codes (``NRW``: Nordrhein-Westfalen); else None.
    Never one near it by spelling: codes of two or three letters are each one letter from many
    others (``NQ`` is as near ``NY`` as ``NJ``), so such a guess would change the calendar."""
    codes = holiday_subdivisions(country)
    for code in codes:
        if code.casefold() == subdiv.casefold():
            return code
    import holidays

    aliases: dict[str, str] = getattr(type(holidays.country_holidays(country)), "subdivisions_aliases", {}) or {}
    said = _squeezed(subdiv)
    named = {code for alias, code in aliases.items() if _squeezed(alias) == said and code in codes}
    if not named and said.isalpha() and len(said) > max((len(c) for c in codes if c.isupper()), default=2):
        named = {code for alias, code in aliases.items() if code in codes and _abbreviates(said, _squeezed(alias))}
    return named.pop() if len(named) == 1 else None


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is an abbreviation of ``name`` (both squeezed): its letters in their order, from
    the first (``nrw``, Nordrhein-Westfalen). Only a word longer than every code of its country is read
    so: a code of as many letters is a misspelt code, not an abbreviation."""
    if not short or not name.startswith(short[0]):
        return False
    rest = iter(name)
    return all(ch in rest for ch in short)


def zone_problem(name: str) -> Words | None:
    """Why ``name`` is not a time zone to write in a policy (a help), or ``None`` when it is one."""
    if name in HOST_ZONES:
        return words(f"diag.help.zone.{name}", zone=name)
    parts = name.split("/")
    if name.startswith("/") or "\\" in name or any(p in ("", ".", "..") for p in parts):
        return words("diag.help.zone.path")
    if parts[0] in ("posix", "right"):
        return words("diag.help.zone.folder", folder=f"{parts[0]}/")
    if name not in _timezones():
        said = zone_abbreviation(name) or _zone_offset(name)
        if said is not None:
            return said
        if _ABBREVIATION_LIKE.fullmatch(name):  # (`XYZ` is a letter from `MST`, `EST`: never the zone meant)
            return words("diag.help.zone.unknown")
        return did_you_mean_words(name, place_zones()) or words("diag.help.zone.unknown")
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        return words("diag.help.zone.unreadable")
    return None


def zone_error(name: str, calendar: str | None = None) -> Words:
    """The message of E205 (the header's zone) or, with ``calendar``, E235 (a calendar's zone)."""
    key = "diag.E235" if calendar is not None else "diag.E205"
    if name in HOST_ZONES:
        key += ".host"
    if calendar is not None:
        return words(key, name=calendar, zone=shown(name) if name not in HOST_ZONES else name)
    return words(key, zone=shown(name) if name not in HOST_ZONES else name)


@cache
def holiday_countries() -> frozenset[str]:
    """Country codes the `holidays` package knows, read from its registry without importing each country."""
    try:
        from holidays.registry import COUNTRIES

        return frozenset(code for entry in COUNTRIES.values() for code in entry[1:] if code.isupper())
    except ImportError:  # pragma: no cover - older holidays versions
        import holidays

        return frozenset(holidays.list_supported_countries())


#: Language codes written for a country code, by the countries they usually mean (``JA``: Japanese, so Japan).
#: Only codes that are no country of the `holidays` package: ``DE`` is Germany, whatever German is.
LANGUAGE_CODES: dict[str, tuple[str, ...]] = {
    "JA": ("JP",),
    "EN": ("GB", "US"),
    "KO": ("KR",),
    "ZH": ("CN", "TW"),
    "EL": ("GR",),
    "HE": ("IL",),
    "IW": ("IL",),
    "DA": ("DK",),
    "CS": ("CZ",),
    "NB": ("NO",),
    "HI": ("IN",),
    "FA": ("IR",),
    "UR": ("PK",),
    "SQ": ("AL",),
    "KA": ("GE",),
}


#: The three-letter codes of the Olympics (IOC) and of FIFA that are no ISO 3166 code, by the country's
#: ISO alpha-2 code (``SUI``: Switzerland, ``CH``; its ISO alpha-3 is ``CHE``). Only countries the `holidays`
#: package knows, and no code that is an ISO alpha-3 code (``BRN`` is the IOC's Bahrain, ISO's Brunei) or one
#: the package knows (``BAH``, the IOC's Bahamas, is its Bahrain).
SPORT_CODES: dict[str, str] = {
    # Europe
    "BUL": "BG",
    "CRO": "HR",
    "DEN": "DK",
    "GER": "DE",
    "GRE": "GR",
    "KOS": "XK",
    "LAT": "LV",
    "MON": "MC",
    "NED": "NL",
    "POR": "PT",
    "SLO": "SI",
    "SUI": "CH",
    # Asia
    "BAN": "BD",
    "BHU": "BT",
    "BRU": "BN",
    "CAM": "KH",
    "INA": "ID",
    "IRI": "IR",
    "KSA": "SA",
    "KUW": "KW",
    "LIB": "LB",
    "MAS": "MY",
    "MGL": "MN",
    "MYA": "MM",
    "NEP": "NP",
    "OMA": "OM",
    "PHI": "PH",
    "PLE": "PS",
    "SIN": "SG",
    "SRI": "LK",
    "TPE": "TW",
    "UAE": "AE",
    "VIE": "VN",
    # Africa
    "ALG": "DZ",
    "ANG": "AO",
    "BOT": "BW",
    "CGO": "CG",
    "CHA": "TD",
    "GAM": "GM",
    "GBS": "GW",
    "GEQ": "GQ",
    "GUI": "GN",
    "LBA": "LY",
    "LES": "LS",
    "MAD": "MG",
    "MAW": "MW",
    "MRI": "MU",
    "MTN": "MR",
    "NGR": "NG",
    "NIG": "NE",
    "RSA": "ZA",
    "SEY": "SC",
    "SUD": "SD",
    "TAN": "TZ",
    "TOG": "TG",
    "ZAM": "ZM",
    "ZIM": "ZW",
    # the Americas
    "ARU": "AW",
    "BAR": "BB",
    "BER": "BM",
    "BIZ": "BZ",
    "CAY": "KY",
    "CHI": "CL",
    "CRC": "CR",
    "ESA": "SV",
    "GRN": "GD",
    "HAI": "HT",
    "HON": "HN",
    "ISV": "VI",
    "IVB": "VG",
    "NCA": "NI",
    "PAR": "PY",
    "PUR": "PR",
    "SKN": "KN",
    "URU": "UY",
    "VIN": "VC",
    # Oceania
    "ASA": "AS",
    "FIJ": "FJ",
    "SAM": "WS",
    "SOL": "SB",
    "TGA": "TO",
    "VAN": "VU",
}


#: ISO 3166 alpha-3 codes the `holidays` package does not take, by the alpha-2 code it knows the country by: it
#: gives those countries codes of its own (``BLG``, Bulgaria; ``BAH``, Bahrain), so ``holidays BGR``, an ISO
#: code, was refused and told to write an ISO code.
ISO_ALPHA3: dict[str, str] = {
    "BGR": "BG",
    "BHR": "BH",
    "GTM": "GT",
    "MAR": "MA",
    "SWZ": "SZ",
    "VUT": "VU",
}


def _country_candidates(codes: tuple[str, ...]) -> Listing:
    """Country codes with their countries' names: ``JP`` (Japan), in each language."""
    from ..i18n.places import region_name  # (Babel's names: read only when a help needs them)

    return listing(
        words("diag.E204.candidate", code=c, country=Both(region_name(c, "ja"), region_name(c, "en"))) for c in codes
    )


def country_help(code: str) -> Words:
    """The help of an unknown holiday country: never a code near it by spelling (``JA`` is a letter from
    ``JM`` and two from ``JAM``, Jamaica), only one that differs in case, the countries a language code
    means, the code the package knows a country by whose ISO alpha-3 code it does not (:data:`ISO_ALPHA3`:
    ``BGR``, Bulgaria), the country of a sports code (:data:`SPORT_CODES`: ``SUI``, Switzerland), or the code of a
    country written by its English name (``Japan``) or the first three or more letters of it, when they
    begin one country's name only (``JAP``, not ``Aust``: Australia or Austria). (An ISO alpha-3 code,
    ``DEU``, is one the package knows.)"""
    known = holiday_countries()
    if code.upper() in known:
        return words("diag.E204.help.case", candidates=_country_candidates((code.upper(),)))
    meant = tuple(c for c in LANGUAGE_CODES.get(code.upper(), ()) if c in known)
    if meant:
        return words("diag.E204.help.language", code=code, candidates=_country_candidates(meant))
    alpha3 = ISO_ALPHA3.get(code.upper())
    if alpha3 is not None and alpha3 in known:
        return words("diag.E204.help.alpha3", code=code, candidates=_country_candidates((alpha3,)))
    sport = SPORT_CODES.get(code.upper())
    if sport is not None and sport in known:
        return words("diag.E204.help.sport", code=code, candidates=_country_candidates((sport,)))
    named = _country_names().get(code.casefold())
    if named is not None and named in known:  # `Japan`: the country's name, written for its code
        return words("diag.E204.help.case", candidates=_country_candidates((named,)))
    if len(code) >= 3:  # `GER`, `Germ`: the first letters of one country's name (never of two: `Aust`)
        begun = {c for name, c in _country_names().items() if name.startswith(code.casefold()) and c in known}
        if len(begun) == 1:
            return words("diag.E204.help.case", candidates=_country_candidates(tuple(begun)))
    return words("diag.E204.help")


@cache
def _country_names() -> dict[str, str]:
    """Country codes by their countries' English names, casefolded (``japan`` -> ``JP``), from CLDR."""
    from babel import Locale

    return {str(name).casefold(): str(c) for c, name in Locale("en").territories.items() if len(str(c)) == 2}


def _span(node: Tree[Token] | Token, offset: int = 0) -> m.Span:
    if isinstance(node, Token):
        line = node.line or 1
        col = node.column or 1
        end_line = node.end_line or line
        end_col = node.end_column or col + len(str(node))
        return m.Span(line=line + offset, column=col, end_line=end_line + offset, end_column=end_col)
    meta = node.meta
    if getattr(meta, "empty", True):
        return m.NO_SPAN
    return m.Span(
        line=meta.line + offset,
        column=meta.column,
        end_line=meta.end_line + offset,
        end_column=meta.end_column,
    )


#: The escapes of a text, by the character after the backslash: ``\\"`` a quote, ``\\\\`` a backslash,
#: ``\\n`` a new line, ``\\t`` a tab. Any other backslash is refused (E017, :func:`text_problems`).
ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def _unquote(tok: Token) -> str:
    """The text a STRING token holds: its escapes (:data:`ESCAPES`) read, any other backslash kept as
    written (E017 refuses it: the text is never read without it)."""
    raw = str(tok)[1:-1]
    if "\\" not in raw:
        return raw
    return _ESCAPE.sub(lambda hit: ESCAPES.get(hit.group(1), hit.group()), raw)


#: A backslash and the character it escapes (a text's last backslash escapes its closing quote).
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
#: What the grammar's lexer sees, in order: a text (``STRING``), a comment, anything else up to the next
#: quote or ``#``, or a quote that opens no text (one not closed on its line, E014).
_LEXED = re.compile(r'"(?:\\.|[^"\\\n])*"|#[^\n]*|[^"#]+|"')
#: Characters of a text that the documents do not show as written, by kind (``diag.W017.<kind>``): the C0
#: and C1 controls but the tab (a newline is ``\\n``) and DEL; the bidirectional embeddings, overrides and
#: isolates, which reorder the text after them.
_UNSEEN = {
    "control": re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]"),
    "bidi": re.compile("[\u202a-\u202e\u2066-\u2069]"),
}
#: The escapes that other languages know and a text does not (``\\u00e9``): the help says to write the character.
_FOREIGN_ESCAPES = frozenset("uUxN0")


def text_problems(source: str) -> list[Diagnostic]:
    """E017 for each backslash of a text that is no escape of :data:`ESCAPES` (``"C:\\data"``: the
    backslash would be lost), located at it; W017 for a text that holds a control character or one that
    reorders text (ESC, U+202E), at the first of each kind. Read from the source as the grammar's lexer
    reads it (comments and texts), whatever else it holds, so that a broken file says these too."""
    found: list[tuple[int, str, str]] = []  # (offset, "escape" or the kind of `_UNSEEN`, the character)
    for hit in _LEXED.finditer(source):
        text = hit.group()
        if len(text) < 2 or text[0] != '"' or text[-1] != '"':
            continue
        at = hit.start() + 1
        body = text[1:-1]
        if "\\" in body:
            found += [
                (at + esc.start(), "escape", esc.group(1))
                for esc in _ESCAPE.finditer(body)
                if esc.group(1) not in ESCAPES
            ]
        for kind, unseen in _UNSEEN.items():  # (the first of each kind in a text)
            char = unseen.search(body)
            if char is not None:
                found.append((at + char.start(), kind, char.group()))
    if not found:
        return []
    starts = [0, *(i + 1 for i, ch in enumerate(source) if ch == "\n")]
    out = []
    for pos, kind, ch in found:
        line = bisect.bisect_right(starts, pos)
        column = pos - starts[line - 1] + 1
        if kind == "escape":
            escape = printable("\\" + ch)
            span = m.Span(line=line, column=column, end_line=line, end_column=column + 2)
            help = words("diag.E017.foreign.help", escape=escape) if ch in _FOREIGN_ESCAPES else words("diag.E017.help")
            out.append(diagnostic("E017", words("diag.E017", escape=escape), span, help=help))
        else:
            span = m.Span(line=line, column=column, end_line=line, end_column=column + 1)
            said = words(f"diag.W017.{kind}", code=Code(f"U+{ord(ch):04X}"))
            out.append(diagnostic("W017", said, span, help=words(f"diag.W017.{kind}.help"), severity=Severity.WARNING))
    return out


#: A word of a policy text after blanks and comments (:meth:`ValueReader.written_word`).
_WORD_AT = re.compile(r"(?:\s|#[^\n]*)*([A-Za-z]+)")


def unknown_event_help(name: str, declared: frozenset[str]) -> str:
    """The help of a rule that names an event type neither in the contract nor declared."""
    return unknown_event_words(name, declared).text("en")


def _edits(a: str, b: str) -> int:
    """The number of single-character edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        now = [i]
        for j, y in enumerate(b, 1):
            cost = min(row[j] + 1, now[j - 1] + 1, row[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            now.append(cost)
        before, row = row, now
    return row[-1]


def _stem(word: str) -> str:
    """``word`` without the ending of its inflection: ``replied`` and ``reply`` are ``reply``, ``resolved``
    and ``resolve`` ``resolv``, ``responded`` and ``respond`` ``respond``."""
    for end, put in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)] + put
    return word


def _same_words(a: str, b: str) -> bool:
    """Whether event types ``a`` and ``b`` are the same words in other forms: one family, and each word of
    the name (between ``_``) the same but for its ending (``incident.customer_reply`` is three edits from
    ``incident.customer_replied``, ``outage.notify`` from ``outage.notified``)."""
    family_a, _, name_a = a.lower().rpartition(".")
    family_b, _, name_b = b.lower().rpartition(".")
    parts_a, parts_b = name_a.split("_"), name_b.split("_")
    return (
        family_a == family_b
        and len(parts_a) == len(parts_b)
        and all(_stem(x) == _stem(y) for x, y in zip(parts_a, parts_b, strict=True))
    )


def near_event(name: str, known: list[str]) -> str | None:
    """The event type of ``known`` that ``name`` misspells: at most two edits away (one for a word of
    fewer than six letters after the family), so that a type of the policy's own is not taken for a
    contract one that only shares its family (``incident.plan_changed`` is no ``incident.responded``);
    else the one of the same words in another form (:func:`_same_words`: ``incident.customer_reply``
    for ``incident.customer_replied``), when only one is."""
    word = name.rpartition(".")[2]
    most = 2 if len(word) >= 6 else 1
    # (no fewer edits than the lengths differ by: a long name is not compared letter by letter)
    near = [k for k in known if k != name and abs(len(k) - len(name)) <= most]
    scored = sorted((_edits(name.lower(), k.lower()), k) for k in near)
    if scored and scored[0][0] <= most:
        return scored[0][1]
    same = [k for k in dict.fromkeys(known) if k != name and _same_words(name, k)]
    return same[0] if len(same) == 1 else None


def event_labels(languages: tuple[str, ...]) -> str:
    """The texts an ``event`` declaration needs in a policy of ``languages``: one where it declares one
    language, the pair where it declares both or none."""
    return '"…"' if len(set(languages)) == 1 else '"…" / "…"'


def unknown_event_words(name: str, declared: frozenset[str], languages: tuple[str, ...] = ()) -> Words:
    """:func:`unknown_event_help` as catalogue words: for a type the policy may declare, the declaration to
    write (with the texts its ``languages`` need) and, when one is near enough to be a typo of it
    (:func:`near_event`), the known type meant; else that type, or the known ones."""
    known = [*m.EVENT_TYPES, *sorted(declared)]
    near = near_event(name, known)
    types = listing((Code(k) for k in known), ", ")
    if declarable(name):
        example = f"event {name} {event_labels(languages)}"
        if near is not None:
            return words("diag.E208.help.declare_or", near=near, example=example)
        return words("diag.E208.help.declare", example=example, types=types)
    if near is not None:
        return words("diag.help.did_you_mean", name=near)
    return words("diag.E208.help", types=types)


class ValueReader:
    """Reads single values and reports what is wrong with them."""

    #: The text the tree was parsed from (a declaration's, for a file read declaration by declaration):
    #: what the tree leaves out is read there (``month`` or ``months`` of ``every month``). ``""``: not given.
    source: str = ""

    def __init__(self, file: str, line_offset: int = 0) -> None:
        self.file = file
        self.offset = line_offset
        self.diagnostics: list[Diagnostic] = []
        #: (kind, name) of declarations dropped for errors: references to them are not reported again
        self.dropped: set[tuple[str, str]] = set()

    # -- reporting ------------------------------------------------------------------
    def span(self, node: Tree[Token] | Token) -> m.Span:
        return _span(node, self.offset)

    def error(
        self,
        code: str,
        message: str | Words,
        node: Tree[Token] | Token | m.Span,
        help: str | Words | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        span = node if isinstance(node, m.Span) else self.span(node)
        self.diagnostics.append(diagnostic(code, message, span, help=help, severity=severity, file=self.file))

    def fail(
        self, code: str, message: str | Words, node: Tree[Token] | Token | m.Span, help: str | Words | None = None
    ) -> Invalid:
        self.error(code, message, node, help)
        return Invalid()

    def written_word(self, at: int) -> Token | None:
        """The word of :attr:`source` at offset ``at`` or after it (blanks and comments passed over), as a
        token where it stands; ``None`` without a source."""
        hit = _WORD_AT.match(self.source, at) if self.source else None
        if hit is None:
            return None
        start, end = hit.span(1)
        line = self.source.count("\n", 0, start) + 1
        column = start - self.source.rfind("\n", 0, start)
        return Token("WORD", hit.group(1), start, line, column, line, column + end - start, end)

    # -- pieces ------------------------------------------------------------------------
    def label(self, node: Tree[Token]) -> m.Label:
        strings = [_unquote(t) for t in node.children if isinstance(t, Token)]
        if len(strings) == 1:
            return m.Label(ja=strings[0], en=strings[0], span=self.span(node))
        return m.Label(ja=strings[0], en=strings[1], span=self.span(node))

    def ref(self, node: Tree[Token]) -> m.ArticleRef:
        tok = node.children[0]
        assert isinstance(tok, Token)
        return m.ArticleRef(parts=tuple(self.number(tok, p) for p in str(tok).split(".")), span=self.span(node))

    def number(self, tok: Token, digits: str | None = None) -> int:
        """An article, item or section number (``digits`` of ``tok``, or all of it), at most :data:`MAX_NUMBER`."""
        value = bounded_int(str(tok) if digits is None else digits, MAX_NUMBER)
        if value is None:
            raise self.fail(
                "E219",
                words("diag.E219", number=shown(str(tok))),
                tok,
                help=words("diag.E219.help", digits=str(len(str(MAX_NUMBER)))),
            )
        return value

    # times, dates and month-days have at most four digits a part (their terminals say so): plain int() is safe
    def clock_time(self, tok: Token) -> m.ClockTime:
        hh, mm = (int(x) for x in str(tok).split(":"))
        if mm > 59 or hh > 24 or (hh == 24 and mm > 0):
            raise self.fail("E203", words("diag.E203", time=str(tok)), tok, help=words("diag.E203.help"))
        return m.ClockTime(minutes=hh * 60 + mm, span=self.span(tok))

    def time_range(self, node: Tree[Token]) -> m.TimeRange:
        a, b = (self.clock_time(t) for t in node.children if isinstance(t, Token))
        if b.minutes == a.minutes or (a.minutes == 1440 and b.minutes == 0):
            raise self.fail("E230", words("diag.E230", range=f"{a}-{b}"), node, help=words("diag.E230.help"))
        if a.minutes == 1440:
            raise self.fail(
                "E230",
                words("diag.E230.end_of_day", range=f"{a}-{b}"),
                node,
                help=words("diag.E230.end_of_day.help"),
            )
        return m.TimeRange(start=a, end=b, span=self.span(node))

    def date(self, tok: Token) -> dt.date:
        y, mo, d = (int(x) for x in str(tok).split("-"))
        try:
            return dt.date(y, mo, d)
        except ValueError:
            raise self.fail("E209", words("diag.E209", date=str(tok)), tok, help=words("diag.E209.help")) from None

    def month_day(self, tok: Token) -> tuple[int, int]:
        mo, d = (int(x) for x in str(tok).split("-"))
        try:
            dt.date(2000, mo, d)  # a leap year, so 02-29 is allowed
        except ValueError:
            raise self.fail(
                "E209", words("diag.E209.month_day", date=str(tok)), tok, help=words("diag.E209.month_day.help")
            ) from None
        return (mo, d)

    def weekday(self, tok: Token) -> m.Weekday:
        word = str(tok).lower()
        days = listing((Code(d) for d in WEEKDAYS), ", ")
        if word in WEEKDAYS:
            return m.Weekday(word)
        for w in WEEKDAYS:
            if len(word) > 3 and w.startswith(word[:3]) and word.startswith(w):
                raise self.fail(
                    "E210", words("diag.E210", word=str(tok)), tok, help=words("diag.E210.help", weekday=w, days=days)
                )
        near = suggest(word, WEEKDAYS)
        raise self.fail(
            "E210",
            words("diag.E210", word=str(tok)),
            tok,
            help=words("diag.E210.help_near", near=near, days=days)
            if near
            else words("diag.E210.help_none", days=days),
        )

    def month(self, tok: Token) -> int:
        """A month by its name (``jan`` .. ``dec``, as weekdays are ``mon`` .. ``sun``): 1 to 12 (else E210)."""
        word = str(tok).lower()
        months = listing((Code(x) for x in m.MONTHS), ", ")
        if word in m.MONTHS:
            return m.MONTHS.index(word) + 1
        for x in m.MONTHS:
            if len(word) > 3 and word.startswith(x):  # (`november`, `sept`)
                raise self.fail(
                    "E210",
                    words("diag.E210.month", word=str(tok)),
                    tok,
                    help=words("diag.E210.month.help", month=x, months=months),
                )
        near = suggest(word, m.MONTHS)
        raise self.fail(
            "E210",
            words("diag.E210.month", word=str(tok)),
            tok,
            help=words("diag.E210.month.help_near", near=near, months=months)
            if near
            else words("diag.E210.month.help_none", months=months),
        )

    #: the event types the ``event`` declarations of the whole text declare (set by the compiler before
    #: building: :func:`sla_dsl.lang.event_types.declared_in`)
    declared_events: frozenset[str] = frozenset()
    #: the languages the policy declares (its first header's; ``()``: none, or not known), which the
    #: examples of a help are written for (set by the compiler before building)
    policy_languages: tuple[str, ...] = ()

    def unknown_event(self, name: str) -> Words:
        """The help of E208 for ``name``, an event type neither in the contract nor declared."""
        return unknown_event_words(name, self.declared_events, self.policy_languages)

    def event(self, tok: Token) -> str:
        """An event type a rule names: the contract's, or one the policy declares (else E208)."""
        name = str(tok)
        if name in m.EVENT_TYPES or name in self.declared_events:
            return name
        raise self.fail("E208", words("diag.E208", name=name), tok, help=self.unknown_event(name))

    def duration(self, node: Tree[Token]) -> m.Duration:
        toks = [c for c in node.children if isinstance(c, Token)]
        unit_tree = next(c for c in node.children if isinstance(c, Tree))
        unit_word = str(unit_tree.children[0]).rstrip("s")
        most = MAX_DURATION[UNIT_MAP[unit_word]]
        amount = bounded_int(str(toks[0]), most)
        if amount is None:
            limits = listing((Code(f"{n:,} {u.value}s") for u, n in MAX_DURATION.items()), ", ")
            raise self.fail(
                "E215",
                words("diag.E215.too_long", amount=shown(str(toks[0])), unit=Code(f"{unit_word}s"), most=f"{most:,}"),
                toks[0],
                help=words("diag.E215.too_long.help", years=str(MAX_DURATION_YEARS), limits=limits),
            )
        calendar = str(toks[1]) if len(toks) > 1 else None
        plural = str(unit_tree.children[0]).endswith("s")
        if amount == 0:
            named = f"{calendar} " if calendar is not None else ""
            raise self.fail(
                "E215",
                words("diag.E215.zero"),
                toks[0],
                help=words("diag.E215.zero.help", example=f"1 {named}{unit_word}"),
            )
        if (amount == 1 and plural) or (amount > 1 and not plural):
            # the calendar stays in both: `4 hours` for `4 business hour` would count elapsed hours
            counted = f"{amount} {calendar} " if calendar is not None else f"{amount} "
            self.error(
                "W201",
                words("diag.W201", written=f"{counted}{unit_tree.children[0]!s}"),
                node,
                help=words("diag.W201.help", fixed=f"{counted}{unit_word if amount == 1 else unit_word + 's'}"),
                severity=Severity.WARNING,
            )
        unit = UNIT_MAP[unit_word]
        if calendar is not None:
            if unit in (m.TimeUnit.WEEK, m.TimeUnit.MONTH):
                raise self.fail(
                    "E216", words("diag.E216", unit=f"{calendar} {unit.value}s"), node, help=words("diag.E216.help")
                )
        return m.Duration(amount=amount, unit=unit, calendar=calendar, span=self.span(node))

    # -- declarations ------------------------------------------------------------------
    def _day_span(self, node: Tree[Token]) -> list[m.Weekday]:
        toks = [t for t in node.children if isinstance(t, Token)]
        first = self.weekday(toks[0])
        if len(toks) == 1:
            return [first]
        last = self.weekday(toks[1])
        if last.index < first.index:
            raise self.fail(
                "E201", words("diag.E201.days", range=f"{toks[0]}..{toks[1]}"), node, help=words("diag.E201.days.help")
            )
        return [m.Weekday(WEEKDAYS[i]) for i in range(first.index, last.index + 1)]

    def holiday_region(self, tok: Token) -> str:
        """A country code (``JP``) or a country and subdivision (``US-NY``) known to the `holidays` package."""
        code = str(tok)
        country, dash, subdiv = code.partition("-")
        if country not in holiday_countries():
            near = country_help(country)
            if (
                dash
                and country.upper() in holiday_countries()
                and subdiv.upper() in holiday_subdivisions(country.upper())
            ):
                near = words("diag.help.did_you_mean", name=code.upper())
            raise self.fail("E204", words("diag.E204", code=shown(code)), tok, help=near)
        if dash:
            subdivisions = holiday_subdivisions(country)
            if subdiv not in subdivisions:
                first = listing((Code(s) for s in subdivisions[:60]), ", ")
                # (a list cut short says so as part of its phrase: 「…、`NU`など」, `..., NU, among others`)
                listed = words("diag.phrase.cut", items=first) if len(subdivisions) > 60 else first
                # (the help names the whole region, `US-CA`: the subdivision's code alone, written as it
                # says, would be another country's holidays: `holidays CA` is Canada's, `BE` Belgium's)
                hit = subdivision_hint(country, subdiv)
                help = (
                    words("diag.E204.subdivision.help_none", country=country)
                    if not subdivisions
                    else words(
                        "diag.E204.subdivision.help_near", name=f"{country}-{hit}", country=country, listed=listed
                    )
                    if hit
                    else words("diag.E204.subdivision.help", country=country, listed=listed)
                )
                raise self.fail(
                    "E204", words("diag.E204.subdivision", code=shown(code), country=country), tok, help=help
                )
        return code

    def _date_span(self, node: Tree[Token]) -> m.DateRange:
        toks = [t for t in node.children if isinstance(t, Token)]
        first = self.date(toks[0])
        last = self.date(toks[1]) if len(toks) > 1 else first
        if last < first:
            raise self.fail(
                "E201",
                words("diag.E201.dates", range=f"{toks[0]}..{toks[1]}"),
                node,
                help=words("diag.E201.dates.help", fix=f"{toks[1]}..{toks[0]}"),
            )
        return m.DateRange(first=first, last=last, span=self.span(node))

    def _yearly_span(self, node: Tree[Token]) -> m.YearlyRange:
        toks = [t for t in node.children if isinstance(t, Token)]
        first = self.month_day(toks[0])
        last = self.month_day(toks[1]) if len(toks) > 1 else first
        return m.YearlyRange(first=first, last=last, span=self.span(node))

    def _note(self, st: Tree[Token]) -> m.Label:
        lab = st.children[0]
        assert isinstance(lab, Tree)
        return self.label(lab)

    def _percent(self, tok: Token) -> float:
        whole = str(tok).rstrip("%").partition(".")[0]
        value = float(str(tok).rstrip("%")) if bounded_int(whole, 100) is not None else 0.0
        if not 0 < value <= 100:
            raise self.fail(
                "E215", words("diag.E215.percent", value=shown(str(tok))), tok, help=words("diag.E215.percent.help")
            )
        return value

    def ordinal_suffix(self, tok: Token) -> None:
        """Refuse an ordinal whose suffix is not its number's (``1nd``, ``3th``, ``11st``): read as its
        number it would mean what the author may not have meant (E213, with the right spelling)."""
        text = str(tok)
        digits = text[:-2]
        n = int(digits[-2:]) if digits.isascii() and digits.isdigit() else 0  # (the suffix reads the last two)
        suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        if text[-2:].lower() != suffix:
            raise self.fail(
                "E213",
                words("diag.E213.suffix", nth=shown(text)),
                tok,
                help=words("diag.E213.suffix.help", right=f"{digits}{suffix}"),
            )

    def nth_business_day(self, tok: Token) -> int:
        """``N`` of ``respond by end of Nth business day``: from ``1st`` to :data:`MAX_NTH_BUSINESS_DAY`."""
        self.ordinal_suffix(tok)
        nth = bounded_int(str(tok)[:-2], MAX_NTH_BUSINESS_DAY)
        if not nth:
            raise self.fail(
                "E213",
                words("diag.E213.business_day", nth=shown(str(tok))),
                tok,
                help=words("diag.E213.business_day.help", last=f"{MAX_NTH_BUSINESS_DAY}th"),
            )
        return nth

    def nth_weekday(self, tok: Token) -> int:
        """``N`` of the ``N``th weekday of a month (``4th thu``): from ``1st`` to ``5th`` (else E213)."""
        self.ordinal_suffix(tok)
        nth = bounded_int(str(tok)[:-2], 5)
        if not nth:
            raise self.fail(
                "E213", words("diag.E213.weekday", nth=shown(str(tok))), tok, help=words("diag.E213.weekday.help")
            )
        return nth

    def _yearly_day(self, node: Tree[Token], label: m.Label, span: m.Span) -> m.YearlyHoliday:
        """The day of ``holiday yearly``: ``05-01``, ``4th thu of nov`` or ``last mon of may``."""
        toks = [t for t in node.children if isinstance(t, Token)]
        if node.data == "yd_date":
            month, day = self.month_day(toks[0])
            return m.YearlyHoliday(month=month, day=day, label=label, span=span)
        nth = -1
        if node.data == "yd_nth":
            nth = self.nth_weekday(toks[0])
            toks = toks[1:]
        weekday = self.weekday(toks[0])
        return m.YearlyHoliday(month=self.month(toks[1]), nth=nth, weekday=weekday, label=label, span=span)

    def _every_agrees(self, word: Token | None, amount: Token | None = None) -> None:
        """W201 for the unit of a maintenance's recurrence that does not agree with its count: ``every
        months`` (one month: ``every month``), ``every weeks``, ``every 3 month from 2026-03``; ``word``: the
        unit as written (:meth:`written_word`), ``amount``: its count (``None``: one, unwritten)."""
        count = 1 if amount is None else bounded_int(str(amount), 120)
        if word is None or not count or (count == 1) != str(word).endswith("s"):
            return  # (agreeing; or a count E234 refuses)
        unit = str(word).removesuffix("s")
        counted = "" if amount is None else f"{amount} "
        at, end = self.span(amount or word), self.span(word)
        self.error(
            "W201",
            words("diag.W201", written=f"every {counted}{word}"),
            m.Span(line=at.line, column=at.column, end_line=end.end_line, end_column=end.end_column),
            help=words("diag.W201.help", fixed=f"every {counted}{unit if count == 1 else unit + 's'}"),
            severity=Severity.WARNING,
        )

    def _month_step(self, node: Tree[Token]) -> dict[str, Any]:
        """``every`` and ``since`` of a monthly recurrence (``every 3 months from 2026-03``)."""
        step = next((c for c in node.children if isinstance(c, Tree) and c.data == "month_step"), None)
        toks = [t for t in step.children if isinstance(t, Token)] if step is not None else []
        if step is not None and not step.meta.empty:
            amount = toks[0] if toks else None
            at = step.meta.start_pos if amount is None else amount.end_pos or 0
            self._every_agrees(self.written_word(at), amount)
        if len(toks) < 2:
            return {}
        every = bounded_int(str(toks[0]), 120)
        if not every:
            raise self.fail(
                "E234",
                words("diag.E234.step", step=f"every {shown(str(toks[0]))} months"),
                toks[0],
                help=words("diag.E234.step.help"),
            )
        y, mo = (int(x) for x in str(toks[1]).split("-"))
        if not 1 <= mo <= 12 or not 1900 <= y <= 2200:
            raise self.fail(
                "E234", words("diag.E234.since", month=str(toks[1])), toks[1], help=words("diag.E234.since.help")
            )
        return {"every": every, "since": (y, mo)}

    def _recurrence(self, node: Tree[Token]) -> m.Recurrence:
        toks = [t for t in node.children if isinstance(t, Token) and t.type in ("ORDINAL", "NAME", "INT", "MONTHDAY")]
        sp = self.span(node)
        step = self._month_step(node)
        if node.data == "r_nth":
            nths: list[int] = []
            for tok in toks[:-1]:
                nth = self.nth_weekday(tok)
                if nth in nths:
                    raise self.fail(
                        "E234", words("diag.E234.twice", ordinal=str(tok)), tok, help=words("diag.E234.twice.help")
                    )
                nths.append(nth)
            weekday = self.weekday(toks[-1])
            return m.NthWeekday(nth=nths[0], also=tuple(nths[1:]), weekday=weekday, span=sp, **step)
        if node.data == "r_last_weekday":
            if str(toks[0]).lower() == "weekday":
                return m.LastWeekday(span=sp, **step)
            return m.NthWeekday(nth=-1, weekday=self.weekday(toks[0]), span=sp, **step)
        if node.data == "r_last_day":
            return m.DayOfMonth(day=-1, span=sp, **step)
        if node.data == "r_day":
            day = bounded_int(str(toks[0]), 31)
            if not day:
                raise self.fail(
                    "E209",
                    words("diag.E209.day", day=shown(str(toks[0]))),
                    toks[0],
                    help=words("diag.E209.day.help"),
                )
            return m.DayOfMonth(day=day, span=sp, **step)
        if node.data == "r_yearly":
            mo, d = self.month_day(toks[0])
            return m.DayOfYear(month=mo, day=d, span=sp)
        if not node.meta.empty:
            self._every_agrees(self.written_word(node.meta.start_pos))
        return m.WeeklyOn(weekday=self.weekday(toks[0]), span=sp)

"""National holiday tables for business calendars, from the ``holidays`` package.

A table maps each date of one year to the holiday's English and Japanese
names. Tables are shared by every calendar of the process (an LRU cache) and
kept on disk between processes, keyed by the ``holidays`` version: loading one
country from that package imports every country it knows (~150 ms), more than
a short command such as ``sla check`` can spend.

Design notes
------------
* On disk, one small JSON file (about 1 KB) per set of regions and year, in the
  private folder of :func:`sla_dsl.files.cache_dir`, kept as the compiled
  policies are (:mod:`sla_dsl.lang.compiled_cache`): at most :data:`KEEP`
  files, the least recently used removed first (a hit marks its file used).
  The bound holds every supported year (1900 to 2200: 301) of three sets of
  regions, or 40 sets over 25 years (a ten-year period, a duration of up to
  ten years walked past it, and a margin), so one run's own tables are not
  pruned under it; the files of a former ``holidays`` version are never hit
  again and go first. The temporary file of a write killed before its rename
  is removed once an hour old (:func:`sla_dsl.files.keep_recent`).
* A region named twice (``JP, JP, GB``) counts once: the table, its key and its
  file are those of ``JP, GB`` (:func:`regions`). The order is kept, not made
  canonical: on a day that is a holiday in several regions the names are
  joined in the order the regions are written (``元日; 祝日`` for ``JP, GB``,
  ``祝日; 元日`` for ``GB, JP``), so another order is another table. A name
  several regions give the day is said once (``Christmas Day`` for ``DE, AT``;
  ``祝日`` for two regions without Japanese names); the files of tables that
  repeated it (``-v2-``) are never read again.
* Beside the tables, one empty mark per set of regions (``...-known.json``)
  says the package has data for each of them (:func:`unknown_region`, asked
  when a calendar is built: an unknown region is refused there, not at its
  first holiday). With the mark and the tables kept, and the release read
  from the package's metadata (:func:`~sla_dsl.lang.compiled_cache.holidays_release`),
  a run never imports ``holidays`` (20-50 ms).
* Written atomically (:func:`sla_dsl.files.write_atomic`): a reader sees the
  old file or the whole new one. A file that cannot be read, is damaged or is
  not a table is a miss, built again and rewritten, never an error; another
  process may prune the folder at the same moment, so a file gone between
  two steps is skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from functools import lru_cache
from pathlib import Path

from ..files import cache_dir, keep_recent, write_atomic
from ..lang.compiled_cache import holidays_release

#: The Japanese name of a holiday whose country has no Japanese names in the ``holidays`` package.
JA_HOLIDAY = "祝日"
#: how many holiday tables the disk cache keeps (one per set of regions and year)
KEEP = 1024
PREFIX = "holidays-"


@lru_cache(maxsize=4096)
def holiday_table(countries: tuple[tuple[str, str | None], ...], year: int) -> dict[dt.date, tuple[str, str]]:
    """Holidays of ``countries`` in ``year``: date -> (English name, Japanese name); shared by all calendars.

    Tables are also kept on disk (see :func:`disk_cache_path`): loading a
    country from the ``holidays`` package imports every country it knows, which
    costs more than a short command's whole budget.
    """
    if not countries:
        return {}
    unique = regions(countries)
    if unique != countries:
        return holiday_table(unique, year)  # (the same table, cached once)
    path = disk_cache_path(countries, year)
    if path is not None:
        found = _read(path, year)
        if found is not None:
            return found
    names: dict[dt.date, tuple[list[str], list[str]]] = {}
    import holidays  # (not at import: a run whose tables are kept never loads it)

    for country, subdiv in countries:
        probe = holidays.country_holidays(country, subdiv=subdiv)
        langs: tuple[str, ...] = tuple(probe.supported_languages or ())
        en = next((lang for lang in langs if lang.startswith("en")), None)
        has_ja = "ja" in langs
        for slot, lang in enumerate((en, "ja" if has_ja else en)):
            data = holidays.country_holidays(country, subdiv=subdiv, years=year, language=lang)
            for day, name in data.items():
                # No Japanese names in the package (GB, US, ...): a Japanese page says 祝日, not an English name.
                names.setdefault(day, ([], []))[slot].append(str(name) if slot == 0 or has_ja else JA_HOLIDAY)
    # (a name two regions give one day is said once: `Christmas Day` for `DE-BE, AT`, `祝日` for two regions
    # without Japanese names, never `祝日; 祝日`)
    out = {day: (_joined(en_names), _joined(ja_names)) for day, (en_names, ja_names) in names.items()}
    if path is not None:
        try:
            write_atomic(path, json.dumps({d.isoformat(): pair for d, pair in out.items()}))
            keep_recent(path.parent, PREFIX, ".json", KEEP)
        except OSError:
            pass
    return out


def _joined(names: list[str]) -> str:
    """The names of one day's holidays in the regions' order, each name once."""
    return "; ".join(dict.fromkeys(names))


def _read(path: Path, year: int) -> dict[dt.date, tuple[str, str]] | None:
    """The table of ``year`` kept at ``path``, marked recently used; None when there is none or it is damaged."""
    try:
        stored = json.loads(path.read_text("utf-8"))
        table = {dt.date.fromisoformat(day): (en, ja) for day, (en, ja) in stored.items()}
    except Exception:  # missing, unreadable, not JSON, not a table: a miss
        return None
    if not all(d.year == year and type(en) is str and type(ja) is str for d, (en, ja) in table.items()):
        return None
    with contextlib.suppress(OSError):  # (pruned by another process since: the table was read whole)
        os.utime(path)
    return table


def regions(countries: tuple[tuple[str, str | None], ...]) -> tuple[tuple[str, str | None], ...]:
    """``countries`` with each region once, at its first place: the order names the holidays, so it stays."""
    return tuple(dict.fromkeys(countries))


def disk_cache_path(countries: tuple[tuple[str, str | None], ...], year: int | None) -> Path | None:
    """Where the holiday table of ``countries`` and ``year`` is kept, keyed by the package version (``year``
    None: the mark that the package has data for each of them, :func:`unknown_region`).

    The folder is the private one of :func:`sla_dsl.files.cache_dir` (``SLA_DSL_CACHE``; empty: no disk cache).
    """
    folder = cache_dir()
    if folder is None:
        return None
    key = "+".join(f"{c}-{s}" if s else c for c, s in regions(countries))
    version = holidays_release()
    return Path(folder) / f"{PREFIX}{version}-v3-{key}-{'known' if year is None else year}.json"


def unknown_region(countries: tuple[tuple[str, str | None], ...]) -> tuple[str, str | None] | None:
    """The first of ``countries`` the ``holidays`` package has no data for (an unknown country or
    subdivision), or None. Asked of the package once per release and set of regions: the answer None is
    kept on disk beside the tables (a run whose tables and answer are kept never imports the package)."""
    if not countries:
        return None
    path = disk_cache_path(countries, None)
    if path is not None and path.exists():
        with contextlib.suppress(OSError):  # (marked used, as a table read is; pruned meanwhile: answered)
            os.utime(path)
        return None
    import holidays

    try:
        from holidays.registry import COUNTRIES
    except ImportError:  # pragma: no cover - older holidays versions
        known = set(holidays.list_supported_countries())
    else:
        known = {code for entry in COUNTRIES.values() for code in entry[1:]}
    for country, subdiv in countries:
        if subdiv or country not in known:  # (a country of the registry without a subdivision: no import)
            try:
                holidays.country_holidays(country, subdiv=subdiv)
            except NotImplementedError:
                return (country, subdiv)
    if path is not None:
        try:
            write_atomic(path, "{}")
            keep_recent(path.parent, PREFIX, ".json", KEEP)
        except OSError:
            pass
    return None

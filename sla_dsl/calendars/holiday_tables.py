"""National holiday tables for business calendars, from the ``holidays`` package.

A table maps each date of one year to the holiday's English and Japanese
names. Tables are shared by every calendar of the process (an LRU cache) and
kept on disk between processes, keyed by the ``holidays`` version: loading one
country from that package imports every country it knows (~150 ms), more than
a short command such as ``sla check`` can spend.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from functools import lru_cache
from pathlib import Path

import holidays

from ..files import cache_dir

#: The Japanese name of a holiday whose country has no Japanese names in the ``holidays`` package.
JA_HOLIDAY = "祝日"


@lru_cache(maxsize=4096)
def holiday_table(countries: tuple[tuple[str, str | None], ...], year: int) -> dict[dt.date, tuple[str, str]]:
    """Holidays of ``countries`` in ``year``: date -> (English name, Japanese name); shared by all calendars.

    Tables are also kept on disk (see :func:`disk_cache_path`): loading a
    country from the ``holidays`` package imports every country it knows, which
    costs more than a short command's whole budget.
    """
    if not countries:
        return {}
    path = disk_cache_path(countries, year)
    if path is not None:
        try:
            stored = json.loads(path.read_text("utf-8"))
            return {dt.date.fromisoformat(day): (en, ja) for day, (en, ja) in stored.items()}
        except (OSError, ValueError, TypeError):
            pass
    names: dict[dt.date, tuple[list[str], list[str]]] = {}
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
    out = {day: ("; ".join(en_names), "; ".join(ja_names)) for day, (en_names, ja_names) in names.items()}
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({d.isoformat(): pair for d, pair in out.items()}), "utf-8")
            tmp.replace(path)  # atomic: a reader sees the old file or the whole new one
        except OSError:
            pass
    return out


def disk_cache_path(countries: tuple[tuple[str, str | None], ...], year: int) -> Path | None:
    """Where the holiday table of ``countries`` and ``year`` is kept, keyed by the package version.

    The folder is the private one of :func:`sla_dsl.files.cache_dir` (``SLA_DSL_CACHE``; empty: no disk cache).
    """
    folder = cache_dir()
    if folder is None:
        return None
    key = "+".join(f"{c}-{s}" if s else c for c, s in countries)
    version = getattr(holidays, "__version__", "unknown")
    return Path(folder) / f"holidays-{version}-v2-{key}-{year}.json"


def known_country(country: str) -> bool:
    """Whether the ``holidays`` package has ``country``, from its registry (no country module imported)."""
    try:
        from holidays.registry import COUNTRIES
    except ImportError:  # pragma: no cover - older holidays versions
        return country in holidays.list_supported_countries()
    return any(country in entry[1:] for entry in COUNTRIES.values())

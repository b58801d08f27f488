"""Holiday tables kept between runs (:mod:`sla_dsl.calendars.holiday_tables`): the folder stays bounded,
the least recently used table goes first, a table pruned, damaged or removed by another process is
built again, the same as a fresh one, a region named twice shares the table of the region named once, and
the temporary file of a killed writer is swept once old."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sla_dsl import files
from sla_dsl.calendars import holiday_tables
from sla_dsl.calendars.holiday_tables import disk_cache_path, holiday_table
from sla_dsl.files import keep_recent

JP: tuple[tuple[str, str | None], ...] = (("JP", None),)
US_NY: tuple[tuple[str, str | None], ...] = (("US", "NY"),)
JP_GB: tuple[tuple[str, str | None], ...] = (("JP", None), ("GB", None))
GB_JP: tuple[tuple[str, str | None], ...] = (("GB", None), ("JP", None))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("SLA_DSL_CACHE", str(folder))
    holiday_table.cache_clear()  # every table from the disk cache or built, not from this process's memory
    yield folder
    holiday_table.cache_clear()  # (none of this test's tables outlives it)


def _kept(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("holidays-*.json"))


def _fresh(countries: tuple[tuple[str, str | None], ...], year: int, monkeypatch: pytest.MonkeyPatch) -> object:
    """The table built with no disk cache at all."""
    with monkeypatch.context() as m:
        m.setenv("SLA_DSL_CACHE", "")
        holiday_table.cache_clear()
        table = holiday_table(countries, year)
    holiday_table.cache_clear()
    return table


def _name(countries: tuple[tuple[str, str | None], ...], year: int) -> str:
    path = disk_cache_path(countries, year)
    assert path is not None
    return path.name


def _build(countries: tuple[tuple[str, str | None], ...], year: int, at: int) -> None:
    """Build (or read) one table, then give its file the time ``at`` (seconds): distinct times, in order."""
    holiday_table.cache_clear()
    holiday_table(countries, year)
    path = disk_cache_path(countries, year)
    assert path is not None and path.exists()
    os.utime(path, ns=(at * 10**9, at * 10**9))


def test_the_bound_holds_a_long_policy() -> None:
    """Every supported year of a few sets of regions (one file each): one run's tables are not pruned."""
    assert holiday_tables.KEEP >= 3 * (2200 - 1900 + 1)


def test_the_folder_keeps_the_most_recently_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(holiday_tables, "KEEP", 3)
    for n, year in enumerate(range(2020, 2025), 1):
        _build(JP, year, n)
    assert _kept(cache) == [_name(JP, y) for y in (2022, 2023, 2024)]
    _build(US_NY, 2026, 6)  # another set of regions counts against the same bound
    assert _kept(cache) == sorted([_name(JP, 2023), _name(JP, 2024), _name(US_NY, 2026)])


def test_a_hit_marks_its_table_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(holiday_tables, "KEEP", 3)
    for n, year in enumerate((2020, 2021, 2022), 1):
        _build(JP, year, n)
    holiday_table.cache_clear()
    holiday_table(JP, 2020)  # read from disk: now the most recently used
    _build(JP, 2023, 4)
    assert _kept(cache) == [_name(JP, y) for y in (2020, 2022, 2023)]  # 2021 went, not the oldest written


def test_a_pruned_table_is_built_again_the_same(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(holiday_tables, "KEEP", 2)
    first = _fresh(JP, 2026, monkeypatch)
    _build(JP, 2026, 1)
    _build(JP, 2027, 2)
    _build(JP, 2028, 3)
    assert _name(JP, 2026) not in _kept(cache)
    holiday_table.cache_clear()
    again = holiday_table(JP, 2026)
    assert again == first and dt.date(2026, 1, 1) in again
    assert again[dt.date(2026, 1, 1)] == ("New Year's Day", "元日")
    assert _name(JP, 2026) in _kept(cache) and len(_kept(cache)) == 2  # kept again, the bound still held
    holiday_table.cache_clear()
    assert holiday_table(JP, 2026) == first  # and read back from its new file the same


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json",
        b"[]",
        b"null",
        b'{"x": ["a", "b"]}',
        b'{"2026-01-01": ["a"]}',
        b'{"2026-01-01": [1, 2]}',
        b'{"1999-01-01": ["a", "b"]}',
        b"\xff\xfe",
    ],
    ids=["empty", "text", "list", "null", "key", "pair", "numbers", "year", "bytes"],
)
def test_a_damaged_table_is_a_miss_and_rewritten(cache: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes) -> None:
    fresh = _fresh(JP, 2026, monkeypatch)
    holiday_table(JP, 2026)
    path = disk_cache_path(JP, 2026)
    assert path is not None
    path.write_bytes(damage)
    holiday_table.cache_clear()
    assert holiday_table(JP, 2026) == fresh
    holiday_table.cache_clear()
    assert holiday_tables._read(path, 2026) == fresh  # the file was written again, whole


def test_the_tables_of_a_former_holidays_version_go_first(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(holiday_tables, "KEEP", 2)
    old = cache / "holidays-0.1-v2-JP-2026.json"
    old.write_text('{"2026-01-01": ["x", "y"]}', "utf-8")
    os.utime(old, ns=(0, 0))
    stray = cache / "compiled-0123.pickle"  # not a holiday table: never touched
    stray.write_bytes(b"")
    _build(JP, 2026, 1)
    _build(JP, 2027, 2)
    assert _kept(cache) == [_name(JP, 2026), _name(JP, 2027)]
    assert stray.exists()


def test_a_table_removed_while_pruning_is_skipped(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process pruning the same folder removes a file between the listing and its ``stat``."""
    for n, year in enumerate((2020, 2021, 2022), 1):
        _build(JP, year, n)
    listing = list(os.scandir(cache))
    (cache / _name(JP, 2021)).unlink()  # gone before the prune looks at it
    monkeypatch.setattr(holiday_tables, "KEEP", 1)
    real = os.scandir

    class Listing:
        def __enter__(self) -> list[os.DirEntry[str]]:
            return listing

        def __exit__(self, *_: object) -> None:
            pass

    monkeypatch.setattr(os, "scandir", lambda folder: Listing() if Path(folder) == cache else real(folder))
    keep_recent(cache, holiday_tables.PREFIX, ".json", holiday_tables.KEEP)  # no error
    monkeypatch.setattr(os, "scandir", real)
    assert _kept(cache) == [_name(JP, 2022)]


def test_a_file_pruned_after_it_was_read_is_still_a_hit(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _fresh(JP, 2026, monkeypatch)
    holiday_table(JP, 2026)
    path = disk_cache_path(JP, 2026)
    assert path is not None

    def gone(*_: object, **__: object) -> None:
        raise FileNotFoundError(str(path))

    monkeypatch.setattr(os, "utime", gone)  # removed by another process between the read and the touch
    assert holiday_tables._read(path, 2026) == fresh


@pytest.mark.parametrize(
    "spec",
    [(*JP_GB, ("JP", None)), (("JP", None), *JP_GB), (*JP_GB, *JP_GB, ("GB", None))],
    ids=["JP+GB+JP", "JP+JP+GB", "JP+GB+JP+GB+GB"],
)
def test_a_region_named_twice_shares_the_table_of_one(
    cache: Path, monkeypatch: pytest.MonkeyPatch, spec: tuple[tuple[str, str | None], ...]
) -> None:
    fresh = _fresh(JP_GB, 2026, monkeypatch)
    assert disk_cache_path(spec, 2026) == disk_cache_path(JP_GB, 2026)
    assert holiday_table(spec, 2026) == fresh  # built under the name of JP+GB
    holiday_table.cache_clear()
    assert holiday_table(JP_GB, 2026) == fresh  # and read back from that one file
    assert _kept(cache) == [_name(JP_GB, 2026)]
    assert _fresh(spec, 2026, monkeypatch) == fresh  # no disk cache: the same table
    assert fresh[dt.date(2026, 1, 1)] == ("New Year's Day", "元日; 祝日")  # each region's name once, each name once


def test_a_name_two_regions_give_one_day_is_said_once(cache: Path) -> None:
    """Christmas in Berlin and in Austria is one `Christmas Day`, and one `祝日` (neither country has Japanese
    names): a calendar of `holidays DE-BE, AT` said `Christmas Day; Christmas Day` and `祝日; 祝日`. Two
    different names stay, in the regions' order."""
    table = holiday_table((("DE", "BE"), ("AT", None)), 2027)
    assert table[dt.date(2027, 12, 25)] == ("Christmas Day", "祝日")
    assert table[dt.date(2027, 12, 26)] == ("Second Day of Christmas; Saint Stephen's Day", "祝日")
    holiday_table.cache_clear()
    assert holiday_table((("DE", "BE"), ("AT", None)), 2027) == table  # read back from its file as it was built


def test_another_order_is_another_table(cache: Path) -> None:
    """On a day that is a holiday in both, the names follow the regions' order: the order is not normalised."""
    jp_gb, gb_jp = holiday_table(JP_GB, 2026), holiday_table(GB_JP, 2026)
    assert jp_gb[dt.date(2026, 1, 1)][1] == "元日; 祝日" and gb_jp[dt.date(2026, 1, 1)][1] == "祝日; 元日"
    assert jp_gb.keys() == gb_jp.keys()  # the same days, named in another order
    assert _kept(cache) == sorted([_name(JP_GB, 2026), _name(GB_JP, 2026)])


def test_a_killed_writers_temporary_file_is_swept_once_old(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer killed before its rename leaves ``.<name>.XXXXXXXX.tmp``: removed when an hour old, not before."""
    fresh = _fresh(JP, 2026, monkeypatch)
    name = _name(JP, 2026)
    old, live = cache / f".{name}.dead0000.tmp", cache / f".{name}.live0000.tmp"
    old.write_text('{"2026-01-01": [', "utf-8")
    live.write_text('{"2026-01-01": [', "utf-8")
    past = time.time_ns() - files.STALE_TEMP * 10**9 - 60 * 10**9
    os.utime(old, ns=(past, past))
    assert holiday_table(JP, 2026) == fresh  # a miss: written, then the folder pruned
    assert not old.exists() and live.exists()
    assert _kept(cache) == [name]
    holiday_table.cache_clear()
    assert holiday_table(JP, 2026) == fresh  # and read back from its file


_WORKER = """
import sys
from sla_dsl.calendars import holiday_tables
holiday_tables.KEEP = 4
first = int(sys.argv[1])
for year in [*range(first, first + 12), *range(first, first + 12)]:
    holiday_tables.holiday_table.cache_clear()
    table = holiday_tables.holiday_table((("JP", None),), year)
    assert all(d.year == year for d in table) and len(table) >= 10, (year, table)
"""


def test_processes_sharing_the_folder(cache: Path) -> None:
    """Several processes build, read and prune the same folder at once: none fails, the bound holds."""
    env = {**os.environ, "SLA_DSL_CACHE": str(cache)}
    procs = [
        subprocess.Popen([sys.executable, "-c", _WORKER, str(first)], env=env, stderr=subprocess.PIPE)
        for first in (2020, 2022, 2024, 2026)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    assert 0 < len(_kept(cache)) <= 4
    assert not [p.name for p in cache.iterdir() if p.name.endswith(".tmp")]


def test_security_md_states_the_bound() -> None:
    text = (Path(__file__).resolve().parents[2] / "SECURITY.md").read_text("utf-8")
    assert f"{holiday_tables.KEEP:,} holiday tables" in " ".join(text.split())


def test_regions_with_data_are_marked_once_and_an_unknown_one_is_never_marked(cache: Path) -> None:
    # a calendar's regions are asked of the package when it is built; the answer "each has data" is kept
    # beside the tables, so the next run does not import the package to ask again
    assert holiday_tables.unknown_region(US_NY) is None
    mark = disk_cache_path(US_NY, None)
    assert mark is not None and mark.exists() and mark.name.endswith("-US-NY-known.json")
    assert holiday_tables.unknown_region((("JP", None), ("US", "ZZ"))) == ("US", "ZZ")
    assert holiday_tables.unknown_region((("XX", None),)) == ("XX", None)
    assert _kept(cache) == [mark.name]  # (neither refused set is marked)


def test_a_marked_calendar_is_built_without_importing_holidays(cache: Path) -> None:
    code = (
        "import sys, zoneinfo\n"
        "from sla_dsl.calendars.business import BusinessCalendar\n"
        "from sla_dsl.lang import model as m\n"
        "cal = m.Calendar(name='x', days=tuple(m.Weekday)[:5], holidays=('JP', 'US-NY'))\n"
        "BusinessCalendar(cal, zoneinfo.ZoneInfo('Asia/Tokyo'))\n"
        "print('holidays' in sys.modules)\n"
    )
    said = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        for _ in range(2)
    ]
    assert said == ["True", "False"]  # the first run asks the package, the second reads the mark

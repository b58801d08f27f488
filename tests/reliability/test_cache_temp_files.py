"""Temporary files left in the private cache folder by a writer killed before its rename
(:func:`sla_dsl.files.keep_recent`): swept once an hour old, a live writer's left alone, a file removed by
another process meanwhile skipped, and the cache still works."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sla_dsl import files
from sla_dsl.files import keep_recent
from sla_dsl.lang import compiled_cache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("SLA_DSL_CACHE", str(folder))
    return folder


def _age(path: Path, seconds: int) -> None:
    """Give ``path`` the time of its last write ``seconds`` ago."""
    past = time.time_ns() - seconds * 10**9
    os.utime(path, ns=(past, past))


def _stale() -> int:
    return files.STALE_TEMP + 60


_KILLED = """
import os, sys
from sla_dsl.files import atomic_file
with atomic_file(sys.argv[1]) as fh:
    fh.write(b"half a pickle")
    fh.flush()
    os._exit(9)  # killed mid-write: no rename, no clean-up
"""


@pytest.mark.parametrize("length", [40, 250], ids=["short", "name-shortened"])
def test_a_killed_writers_file_is_swept_once_old(cache: Path, length: int) -> None:
    """The temporary name :func:`~sla_dsl.files.atomic_file` really makes is the one swept, even shortened."""
    target = cache / (compiled_cache.PREFIX + "a" * (length - len(compiled_cache.PREFIX) - 7) + ".pickle")
    res = subprocess.run([sys.executable, "-c", _KILLED, str(target)], capture_output=True)
    assert res.returncode == 9, res.stderr.decode()
    (left,) = cache.iterdir()
    assert left.name.startswith("." + compiled_cache.PREFIX) and left.name.endswith(".tmp")
    keep_recent(cache, compiled_cache.PREFIX, ".pickle", compiled_cache.KEEP)
    assert left.exists()  # fresh: may be a live writer's
    _age(left, _stale())
    keep_recent(cache, compiled_cache.PREFIX, ".pickle", compiled_cache.KEEP)
    assert list(cache.iterdir()) == []


def test_the_compiled_cache_sweeps_and_still_works(cache: Path) -> None:
    old = cache / f".{compiled_cache.PREFIX}{'0' * 40}.pickle.dead0000.tmp"
    live = cache / f".{compiled_cache.PREFIX}{'1' * 40}.pickle.live0000.tmp"
    other = cache / ".holidays-0.1-v2-JP-2026.json.dead0000.tmp"  # another cache's: its own pruning sweeps it
    user = cache / ".p.sla.dead0000.tmp"  # not a cache's
    for path in (old, live, other, user):
        path.write_bytes(b"half")
        _age(path, _stale())
    _age(live, 1)
    built: list[int] = []

    def build() -> dict[str, int]:
        built.append(1)
        return {"answer": 42}

    assert compiled_cache.cached("p.sla", "text", [], build) == {"answer": 42}  # a miss: written, then pruned
    assert not old.exists() and live.exists() and other.exists() and user.exists()
    assert len(list(cache.glob(f"{compiled_cache.PREFIX}*.pickle"))) == 1
    assert compiled_cache.cached("p.sla", "text", [], build) == {"answer": 42}
    assert built == [1]  # the second a hit


def test_the_sweep_does_not_count_against_the_bound(cache: Path) -> None:
    """Temporary files are neither kept files nor removed for the bound; kept files under it all stay."""
    kept = [cache / f"{compiled_cache.PREFIX}{n}.pickle" for n in range(3)]
    for path in kept:
        path.write_bytes(b"")
        _age(path, 10 * _stale())  # old, but used within the bound: not a temporary file
    live = cache / f".{compiled_cache.PREFIX}9.pickle.live0000.tmp"
    live.write_bytes(b"")
    keep_recent(cache, compiled_cache.PREFIX, ".pickle", 3)
    assert all(p.exists() for p in kept) and live.exists()


def test_a_temporary_file_removed_meanwhile_is_skipped(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process sweeps the same folder: a file goes between the listing and its ``stat``, or between
    the ``stat`` and its removal; neither is an error, and the rest is still swept."""
    names = [cache / f".{compiled_cache.PREFIX}{n}.pickle.dead000{n}.tmp" for n in range(3)]
    for path in names:
        path.write_bytes(b"")
        _age(path, _stale())
    listing = list(os.scandir(cache))
    names[0].unlink()  # gone before its stat
    real_scandir, real_unlink = os.scandir, os.unlink

    class Listing:
        def __enter__(self) -> list[os.DirEntry[str]]:
            return listing

        def __exit__(self, *_: object) -> None:
            pass

    def raced(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if Path(path) == names[1]:
            real_unlink(path)  # another process removed it first
        real_unlink(path)

    monkeypatch.setattr(os, "scandir", lambda folder: Listing() if Path(folder) == cache else real_scandir(folder))
    monkeypatch.setattr(os, "unlink", raced)
    keep_recent(cache, compiled_cache.PREFIX, ".pickle", compiled_cache.KEEP)  # no error
    monkeypatch.setattr(os, "scandir", real_scandir)
    monkeypatch.setattr(os, "unlink", real_unlink)
    assert list(cache.iterdir()) == []

"""The compiled cache's bound (:mod:`sla_dsl.lang.compiled_cache`, :func:`sla_dsl.files.keep_recent`): a
directory of more versions than the former bound of 64 files is served from the cache on the next run, a
run never removes its own files to make room, and the folder stays bounded by count and by size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.files import keep_recent
from sla_dsl.lang import compiled_cache
from sla_dsl.policy.load import compile_path

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
#: more versions than the former bound (64 files)
VERSIONS = 70
#: a time in the future: a file another process used after this one's
LATER_NS = 4_000_000_000 * 10**9


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("SLA_DSL_CACHE", str(folder))
    return folder


def _kept(folder: Path) -> dict[str, int]:
    """The cache's files, each with its inode: a file written again (renamed into place) has another."""
    return {p.name: p.stat().st_ino for p in folder.glob(f"{compiled_cache.PREFIX}*.pickle")}


def _versions(folder: Path, n: int) -> Path:
    """``n`` monthly versions of Click So-ko, each another text (as QA's ``versions.py``)."""
    folder.mkdir()
    src = POLICY.read_text("utf-8")
    for i in range(n):
        y, mo = 2026 + (3 + i) // 12, 1 + (3 + i) % 12
        text = src.replace('version "2026.1"', f'version "2026.{i + 1}"')
        text = text.replace("effective 2026-04-01", f"effective {y:04d}-{mo:02d}-01")
        (folder / f"v{i:04d}.sla").write_text(text, "utf-8")
    return folder


def _deadline(folder: Path, cache: Path) -> None:
    """One ``sla deadline`` over the directory of versions, as its own process (a run)."""
    command = ["deadline", str(folder), "--priority", "P1", "--from", "2026-06-03T10:00:00+09:00"]
    res = subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", *command],
        capture_output=True,
        text=True,
        env={**os.environ, "SLA_DSL_CACHE": str(cache)},
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr


def test_a_directory_of_more_versions_than_the_old_bound_is_a_hit_on_the_next_run(cache: Path, tmp_path: Path) -> None:
    """QA: 65 versions or more were compiled again on every run, each file removed just before it was
    needed. Now the first run keeps all of them and the second reads them back: nothing written again."""
    folder = _versions(tmp_path / "versions", VERSIONS)
    _deadline(folder, cache)
    first = _kept(cache)
    assert len(first) == VERSIONS
    _deadline(folder, cache)
    assert _kept(cache) == first  # the same files, none rewritten: every version a hit


def test_a_run_removes_other_files_before_its_own(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files another process used after this run's writes go first: this run's stay for its next run."""
    monkeypatch.setattr(compiled_cache, "KEEP", 3)
    others = [cache / f"{compiled_cache.PREFIX}{'0' * 39}{n}.pickle" for n in range(3)]
    for path in others:
        path.write_bytes(b"another process's")
        os.utime(path, ns=(LATER_NS, LATER_NS))
    for n in range(2):
        assert compiled_cache.cached(f"p{n}.sla", "text", [], lambda n=n: {"version": n}) == {"version": n}
    kept = _kept(cache)
    assert len(kept) == 3 and sum(p.name in kept for p in others) == 1
    built: list[int] = []
    for n in range(2):  # both of this run's own are hits
        assert compiled_cache.cached(f"p{n}.sla", "text", [], lambda: built.append(1)) == {"version": n}
    assert built == []


def test_the_folder_is_bounded_by_size(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = "x" * 1000
    monkeypatch.setattr(compiled_cache, "KEEP_BYTES", 3500)
    for n in range(6):
        compiled_cache.cached(f"p{n}.sla", "text", [], lambda: big)
        sizes = [p.stat().st_size for p in cache.glob(f"{compiled_cache.PREFIX}*")]
        assert sum(sizes) <= 3500 and len(sizes) == min(n + 1, 3)


def test_the_bound_holds_within_its_slack_between_prunes(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process prunes after its first write and then after each sixty-fourth of the bound it writes."""
    monkeypatch.setattr(compiled_cache, "KEEP", 128)  # a prune every 2 writes
    for n in range(128):
        (cache / f"{compiled_cache.PREFIX}{n:040d}.pickle").write_bytes(b"old")
    for n in range(7):
        compiled_cache.cached(f"p{n}.sla", "text", [], lambda n=n: n)
        assert len(_kept(cache)) <= 128 + 128 // compiled_cache.PRUNE_EVERY
    assert len(_kept(cache)) == 128  # (the seventh write pruned)


def test_keep_recent_removes_the_callers_files_last(tmp_path: Path) -> None:
    names = [f"c-{n}.p" for n in range(5)]
    for n, name in enumerate(names):
        (tmp_path / name).write_bytes(b"x" * 10)
        os.utime(tmp_path / name, ns=(n * 10**9, n * 10**9))  # c-0 least recently used
    keep_recent(tmp_path, "c-", ".p", 3, used={"c-0.p", "c-1.p"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c-0.p", "c-1.p", "c-4.p"]
    keep_recent(tmp_path, "c-", ".p", 3, max_bytes=15, used={"c-0.p", "c-1.p"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c-1.p"]  # the caller's own too, oldest first


def test_the_record_of_the_files_a_process_used_stays_bounded(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long-running process (``sla serve`` reloading its files, an embedder loading many tenants'
    policies) compiles ever more texts: the names of the files it used are remembered for the
    :data:`~sla_dsl.lang.compiled_cache.KEEP` it used last, not one more for each text for ever."""
    monkeypatch.setattr(compiled_cache, "KEEP", 4)
    for n in range(12):
        policy = tmp_path / f"tenant{n}.sla"
        policy.write_text(POLICY.read_text("utf-8") + f"# tenant {n}\n", "utf-8")
        assert compile_path(policy).model is not None
        assert len(compiled_cache._used) <= 4
    assert len(_kept(cache)) == 4
    assert set(compiled_cache._used) == set(_kept(cache))  # the process's own: the four it used last


def test_a_bounded_record_still_keeps_a_runs_last_files_before_others(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the record's bound the files this process used last still outlast those another process used after
    them: the next compile of each is a hit."""
    monkeypatch.setattr(compiled_cache, "KEEP", 3)
    others = [cache / f"{compiled_cache.PREFIX}{'0' * 39}{n}.pickle" for n in range(3)]
    for path in others:
        path.write_bytes(b"another process's")
        os.utime(path, ns=(LATER_NS, LATER_NS))
    for n in range(10):
        assert compiled_cache.cached(f"p{n}.sla", "text", [], lambda n=n: {"version": n}) == {"version": n}
    assert len(compiled_cache._used) == 3
    assert not any(p.exists() for p in others)
    built: list[int] = []
    for n in range(7, 10):  # the last three this process used are hits
        assert compiled_cache.cached(f"p{n}.sla", "text", [], lambda: built.append(1)) == {"version": n}
    assert built == []

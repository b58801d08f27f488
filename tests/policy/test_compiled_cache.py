"""Compiled policy files kept between runs (:mod:`sla_dsl.lang.compiled_cache`): a hit gives exactly what a
fresh compile gives, an edit is a miss, a damaged file is a miss, the folder stays bounded."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

import pytest

from sla_dsl.lang import compile as lang_compile
from sla_dsl.lang import compiled_cache
from sla_dsl.policy.load import compile_path

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("SLA_DSL_CACHE", str(folder))
    return folder


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("compiled-*.pickle"))


def _said(path: Path) -> list[str]:
    c = compile_path(path)
    return [d.render(c.source, lang=lang) for d in c.diagnostics for lang in ("en", "ja")]


def test_a_hit_is_what_a_fresh_compile_gives(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "p.sla"
    # a policy with a warning and an error, so the diagnostics are compared too
    policy.write_text(POLICY.read_text("utf-8").replace("within 4 business hours", "within 4 busines hours"), "utf-8")
    fresh = compile_path(policy)
    assert len(_kept(cache)) == 1

    def not_again(*_: object) -> None:
        raise AssertionError("compiled again: the kept result was not used")

    monkeypatch.setattr(lang_compile, "_compile", not_again)
    again = compile_path(policy)
    assert again is not fresh and again.model == fresh.model
    assert _said(policy) == [d.render(fresh.source, lang=lang) for d in fresh.diagnostics for lang in ("en", "ja")]
    assert fresh.diagnostics and [d.code for d in again.diagnostics] == [d.code for d in fresh.diagnostics]


def test_an_edited_file_is_compiled_again(cache: Path, tmp_path: Path) -> None:
    policy = tmp_path / "p.sla"
    text = POLICY.read_text("utf-8")
    policy.write_text(text, "utf-8")
    first = compile_path(policy)
    policy.write_text(text.replace("respond within 4 business hours", "respond within 2 business hours"), "utf-8")
    second = compile_path(policy)
    assert first.model != second.model and len(_kept(cache)) == 2
    p1 = [p for p in second.model.priorities if p.id == "P1"] if second.model else []
    assert p1 and p1[0].target.duration.amount == 2  # type: ignore[union-attr]


def test_the_same_text_in_another_file_is_not_the_same_entry(cache: Path, tmp_path: Path) -> None:
    """Diagnostics name their file: a copy under another name is its own entry."""
    a, b = tmp_path / "a.sla", tmp_path / "b.sla"
    bad = POLICY.read_text("utf-8").replace("within 4 business hours", "within 4 busines hours")
    a.write_text(bad, "utf-8")
    b.write_text(bad, "utf-8")
    assert all(d.file == str(a) for d in compile_path(a).diagnostics)
    assert all(d.file == str(b) for d in compile_path(b).diagnostics)


def test_a_damaged_entry_is_a_miss(cache: Path) -> None:
    fresh = compile_path(POLICY)
    (entry,) = _kept(cache)
    entry.write_bytes(b"not a pickle")
    assert compile_path(POLICY).model == fresh.model
    entry.write_bytes(pickle.dumps("something else")[:5])
    assert compile_path(POLICY).model == fresh.model


def test_no_cache_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLA_DSL_CACHE", "")
    assert compile_path(POLICY).model is not None
    assert not list(tmp_path.rglob("compiled-*"))


def test_the_folder_keeps_the_most_recently_used(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled_cache, "KEEP", 3)
    text = POLICY.read_text("utf-8")
    paths = []
    for n in range(5):
        p = tmp_path / f"v{n}.sla"
        p.write_text(text + f"# {n}\n", "utf-8")
        paths.append(p)
        compile_path(p)
        # the entry just written (now) gets its own old time, in order: distinct times on any file system
        (written,) = [e for e in _kept(cache) if e.stat().st_mtime_ns > 10**12]
        os.utime(written, ns=(n * 10**9, n * 10**9))
    assert len(_kept(cache)) == 3


def _not_again(*_: object) -> None:
    raise AssertionError("the kept result of other code was used")


def _package(root: Path, body: str) -> Path:
    """A small package at ``root`` whose one module holds ``body``, at a fixed modification time."""
    (root / "lang").mkdir(parents=True)
    module = root / "lang" / "check.py"
    module.write_text(body, "utf-8")
    os.utime(module, ns=(10**9, 10**9))  # (a Nix store's time: every file has it)
    return module


def test_an_upgrade_that_keeps_a_modules_size_and_time_is_another_fingerprint(tmp_path: Path) -> None:
    """An upgrade in place (or an image built with reproducible timestamps) can give a changed module its former
    size and modification time: the former release's results must not be hit."""
    module = _package(tmp_path / "sla_dsl", "LIMIT = 4\n")
    before = compiled_cache.code_fingerprint(tmp_path / "sla_dsl", "grammar")
    module.write_text("LIMIT = 2\n", "utf-8")
    os.utime(module, ns=(10**9, 10**9))
    assert compiled_cache.code_fingerprint(tmp_path / "sla_dsl", "grammar") != before


def test_two_installations_sharing_the_folder_do_not_share_entries(tmp_path: Path) -> None:
    """A cron job on one virtual environment and a server on another, of one user, share the cache folder: the
    same files at the same times in two places are two installations, whose results are their own."""
    _package(tmp_path / "old" / "sla_dsl", "LIMIT = 4\n")
    _package(tmp_path / "new" / "sla_dsl", "LIMIT = 2\n")
    old = compiled_cache.code_fingerprint(tmp_path / "old" / "sla_dsl", "grammar")
    assert compiled_cache.code_fingerprint(tmp_path / "new" / "sla_dsl", "grammar") != old


def test_another_holidays_release_is_a_miss(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``pip install -U holidays`` (next year's holidays, a new country) changes the errors and warnings a policy
    has (unknown country, W305): the result kept under the former release is not used."""
    import importlib.metadata

    compile_path(POLICY)
    installed = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "9999.1" if name == "holidays" else installed(name))
    compiled_cache._fingerprint.cache_clear()
    compiled_cache.holidays_release.cache_clear()
    monkeypatch.setattr(lang_compile, "_compile", _not_again)
    try:
        with pytest.raises(AssertionError, match="other code"):
            compile_path(POLICY)
    finally:
        compiled_cache._fingerprint.cache_clear()
        compiled_cache.holidays_release.cache_clear()


def test_the_holidays_release_is_the_one_the_package_says() -> None:
    """The release is read from the package's metadata, without importing it: the same text as its
    ``__version__`` (which the package reads from that metadata)."""
    import holidays

    assert compiled_cache.holidays_release() == holidays.__version__


def test_another_grammar_is_a_miss(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editable install reads the grammar from the repository's ``grammars``, beside the package: a pull that
    changes the grammar alone is another fingerprint."""
    compile_path(POLICY)
    grammar = compiled_cache.grammar_text()
    monkeypatch.setattr(compiled_cache, "grammar_text", lambda: grammar + "\n// another release\n")
    compiled_cache._fingerprint.cache_clear()
    monkeypatch.setattr(lang_compile, "_compile", _not_again)
    try:
        with pytest.raises(AssertionError, match="other code"):
            compile_path(POLICY)
    finally:
        compiled_cache._fingerprint.cache_clear()


def test_a_library_reinstalled_is_another_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser's library is told apart without importing it (a kept result is read without lark): an
    install of another version rewrites its ``__init__``, and the part of the key that names it changes."""
    package = tmp_path / "fake_parser_lib"
    package.mkdir()
    (package / "__init__.py").write_text('__version__ = "1.2.2"\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = compiled_cache._unloaded("fake_parser_lib")
    (package / "__init__.py").write_text('__version__ = "1.3.10"\n', encoding="utf-8")
    after = compiled_cache._unloaded("fake_parser_lib")
    assert before != after
    assert str(package / "__init__.py") in after
    assert "fake_parser_lib" not in sys.modules
    assert compiled_cache._unloaded("no_such_library_here") == "not found"

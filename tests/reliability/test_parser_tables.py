"""The parser's LALR tables kept in the private cache folder (:func:`sla_dsl.lang.parser.build_parser`):
written whole under a temporary name and renamed into place (a process starting meanwhile never reads a
torn file), read back by the next process, and pruned to the most recently used (one file of ~200 KB per
grammar, Lark and Python, which nothing removed)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sla_dsl.lang import parser

POLICY = Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("SLA_DSL_CACHE", str(folder))
    monkeypatch.setattr(parser, "_parsers_used", set(), raising=False)
    return folder


def _kept(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"{parser.PARSER_PREFIX}*{parser.PARSER_SUFFIX}"))


def test_the_tables_are_read_back_and_replaced_whole_never_written_in_place(cache: Path) -> None:
    built = parser.build_parser()
    (path,) = _kept(cache)
    assert sorted(p.name for p in cache.iterdir()) == [path.name]  # no temporary file left
    loaded = parser.build_parser()
    text = POLICY.read_text("utf-8")
    assert loaded.parse(text) == built.parse(text)
    # a torn file (a writer stopped halfway): a miss, built again and put in its place by a rename
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    torn = path.stat().st_ino
    assert parser.build_parser().parse(text) == built.parse(text)
    assert path.stat().st_ino != torn  # (Lark's own cache rewrote the file a reader may be reading)
    assert parser._load_tables(str(path), {}) is not None  # (read back whole)
    assert sorted(p.name for p in cache.iterdir()) == [path.name]


def test_options_given_at_load_are_given_to_the_tables_read_back(cache: Path) -> None:
    seen: list[str] = []

    def comment(tok: object) -> object:
        seen.append(str(tok))
        return tok

    text = POLICY.read_text("utf-8")
    counts = []
    for _ in range(2):  # built, then read back
        parser.build_parser(keep_all_tokens=True, lexer_callbacks={"COMMENT": comment}).parse(text)
        counts.append(len(seen))
    assert counts[0] > 0 and counts[1] == 2 * counts[0]
    assert len(_kept(cache)) == 1


def test_the_tables_of_other_grammars_and_versions_are_pruned_the_current_kept(cache: Path) -> None:
    past = time.time_ns() - 3600 * 10**9
    for k in range(parser.PARSERS_KEPT + 4):  # another release's, each older than the one before
        old = cache / f"{parser.PARSER_PREFIX}{k:032x}{parser.PARSER_SUFFIX}"
        old.write_bytes(b"tables")
        os.utime(old, ns=(past - k * 10**9, past - k * 10**9))
    stale = cache / f".{parser.PARSER_PREFIX}{'f' * 32}{parser.PARSER_SUFFIX}.dead0000.tmp"
    stale.write_bytes(b"half")  # a writer killed before its rename, long ago
    os.utime(stale, ns=(past, past))
    parser.build_parser()
    current = parser._cache_file(parser._grammar_text(), {})
    assert current is not None
    kept = _kept(cache)
    assert len(kept) == parser.PARSERS_KEPT
    assert Path(current) in kept
    # the most recently used of the others stay, the least recently used went first
    assert [p.name for p in kept if str(p) != current] == [
        f"{parser.PARSER_PREFIX}{k:032x}{parser.PARSER_SUFFIX}" for k in range(parser.PARSERS_KEPT - 1)
    ]
    assert not stale.exists()

"""Replay the fuzz corpus: every input that once made ``sla`` misbehave, before any new generation.

A policy (``*.sla``) goes through the commands on its ``# fuzz:`` lines, or ``sla check``
and the usual commands; a log (``*.jsonl``, ``*.csv``, gzip-compressed or not) through its
``# fuzz:`` commands or one JSON evaluation of November 2026 under the Click So-ko policy,
then the same evaluation reversed, shuffled and with lines repeated. An entry of a finding
not fixed yet is marked ``xfail(strict=True)`` from ``known.py``: it turns red when fixed.
The replay always fails on a finding, even in a ``SLA_FUZZ_COLLECT`` survey.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import CORPUS, STATS, Finding
from .known import KNOWN
from .logs import corpus_log_commands, corpus_seeds, split
from .policies import corpus_commands
from .runner import check_order, run_commands

SUFFIXES = (".jsonl.gz", ".csv.gz", ".jsonl", ".csv", ".sla")


def suffix_of(path: Path) -> str | None:
    """The corpus kind of a file by its name's ending, or ``None`` for other files (the README)."""
    return next((s for s in SUFFIXES if path.name.endswith(s)), None)


ENTRIES = sorted(p for p in CORPUS.iterdir() if p.is_file() and suffix_of(p))


def _param(path: Path) -> object:
    known = KNOWN.get(path.name)
    marks = [pytest.mark.xfail(strict=True, raises=Finding, reason=f"{known.item}; not fixed yet")] if known else []
    return pytest.param(path, id=path.name, marks=marks)


def test_every_known_finding_has_its_corpus_entry() -> None:
    assert sorted(set(KNOWN) - {p.name for p in ENTRIES}) == []


@pytest.mark.parametrize("entry", [_param(p) for p in ENTRIES])
def test_corpus_entry(entry: Path, workdir: Path) -> None:
    STATS.corpus += 1
    suffix = suffix_of(entry)
    assert suffix is not None
    data = entry.read_bytes()
    if suffix == ".sla":
        run_commands(data, suffix, corpus_commands(entry), workdir, known=(), survey=False)
        return
    layout, records = split(data, suffix)
    commands = corpus_log_commands(layout.head)
    outcomes = run_commands(data, suffix, commands, workdir, known=(), survey=False)
    check_order(layout, records, commands[0], outcomes[0], workdir, corpus_seeds(layout.head), (), survey=False)

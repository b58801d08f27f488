"""Run one policy or log through its commands, and check that a log's verdicts ignore line order.

Design notes
------------
- **Order independence.** The JSON report of a log must not depend on the order
  of its lines nor on exact copies of lines: the same bytes after a shuffle,
  and after a few lines are repeated. Two things legitimately move and are
  masked first: line numbers (``FILE:LINE`` references, ``line 12`` in a
  message), and the order of the skipped lines in the ``input`` block at the
  end of the report (they follow the file). Everything before ``input`` is
  compared byte for byte; ``input`` by value, except after lines were repeated
  (its counts then rightly grow). When the log is refused (exit 1) the set
  of error lines, line numbers masked, must not change either.
- A difference is reported with the first JSON path where the two reports
  part (``violations[3].id``), which is also what a known finding's pattern
  matches; both files are saved.
"""

from __future__ import annotations

import difflib
import json
import random
import re
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .harness import COLLECT, STATS, Finding, Known, Outcome, fill, run_sla, save_dir, save_finding
from .logs import Layout, render, split

INPUT_KEY = b'\n  "input": '


def run_commands(
    data: bytes,
    suffix: str,
    commands: Sequence[Sequence[str]],
    workdir: Path,
    known: Sequence[Known],
    seed: int | None = None,
    survey: bool = COLLECT,
) -> list[Outcome]:
    """Write the input and run each command on it; raise :class:`Finding` on the first unknown misbehaviour."""
    __tracebackhide__ = True
    path = workdir / f"input{suffix}"
    path.write_bytes(data)
    outcomes = []
    for command in commands:
        outcome = run_sla(fill(command, path))
        STATS.commands += 1
        STATS.exits[command[0], outcome.code] += 1
        judge(outcome, data, suffix, commands, known, seed, survey)
        outcomes.append(outcome)
    return outcomes


def judge(
    outcome: Outcome,
    data: bytes,
    suffix: str,
    commands: Sequence[Sequence[str]],
    known: Sequence[Known],
    seed: int | None = None,
    survey: bool = COLLECT,
) -> None:
    """Count a known finding, or save an unknown one and raise :class:`Finding` (only count it in a ``survey``)."""
    __tracebackhide__ = True
    if outcome.problem is None:
        return
    for k in known:
        if k.matches(outcome):
            STATS.known[k.item] += 1
            return
    ready = corpus_ready(data, suffix, commands, seed)
    saved = save_finding(data, suffix, commands, outcome, ready=ready)
    if survey:
        STATS.found[outcome.signature] += 1
        return
    tail = "\n".join(outcome.stderr.strip().splitlines()[-6:])
    raise Finding(
        f"{outcome.problem}\n  command: sla {' '.join(outcome.argv)}\n  stderr (end): {tail}\n"
        f"  input saved: {saved} (a note and a corpus-ready copy beside it)"
    )


def mask(text: str, path: Path) -> str:
    """Line numbers replaced by ``N``: in ``PATH:LINE`` references and in ``line 12``, ``lines 3 and 9``."""
    text = re.sub(re.escape(str(path)) + r":\d+", f"{path}:N", text)
    return re.sub(r"\b(lines?) \d+(?:(?:, | and |-)\d+)*", r"\1 N", text)


def first_difference(a: Any, b: Any, where: str = "") -> str:
    """The JSON path of the first place two parsed documents differ (``""`` if equal)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(dict.fromkeys([*a, *b])):
            if a.get(key) != b.get(key):
                return first_difference(a.get(key), b.get(key), f"{where}.{key}" if where else key)
        return ""
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return first_difference(x, y, f"{where}[{i}]")
        return f"{where}[{min(len(a), len(b))}] (lengths {len(a)} and {len(b)})" if len(a) != len(b) else ""
    return where if a != b else ""


def _error_lines(stderr: str, path: Path) -> set[str]:
    """The located error lines of a refusal, line numbers masked (``sla: error:``, or ``sla: エラー:`` for a
    Japanese policy, leads only the first)."""
    return {_LEAD.sub("", ln) for ln in mask(stderr, path).splitlines() if "error: [E" in ln}


_LEAD = re.compile("^sla: (?:error|エラー): ")


def compare(a: Outcome, b: Outcome, path: Path, same_lines: bool = True) -> str | None:
    """How ``b`` differs from ``a`` beyond line numbers (and, unless ``same_lines``, the ``input`` block)."""
    if a.code != b.code:
        return f"exit status {a.code} became {b.code}"
    if a.code != 0:
        errors_a, errors_b = (_error_lines(o.stderr, path) for o in (a, b))
        if errors_a != errors_b:
            return "the error lines changed: " + "; ".join(sorted(errors_a ^ errors_b)[:4])
        return None
    text_a, text_b = (mask(o.stdout.decode("utf-8", "replace"), path) for o in (a, b))
    (head_a, _, tail_a), (head_b, _, tail_b) = (t.encode().partition(INPUT_KEY) for t in (text_a, text_b))
    if head_a == head_b:
        return None if not same_lines or _input(tail_a) == _input(tail_b) else "the `input` block changed"
    try:
        where = first_difference(json.loads(text_a), json.loads(text_b))
    except ValueError:
        where = "(not JSON)"
    diff = difflib.unified_diff(head_a.decode().splitlines(), head_b.decode().splitlines(), lineterm="", n=1)
    shown = [ln if len(ln) <= 160 else ln[:160] + "..." for ln in list(diff)[2:24]]
    return f"the report depends on line order at {where or '(formatting)'}:\n" + "\n".join(shown)


def _input(tail: bytes) -> object:
    """The ``input`` block's counts and its skipped lines as a sorted list (they follow the file's order)."""
    try:
        block = json.loads(b"{" + INPUT_KEY.strip() + b" " + tail.strip())
    except ValueError:
        return tail
    summary = block.get("input") if isinstance(block, dict) else None
    if isinstance(summary, dict) and isinstance(summary.get("skipped"), list):
        summary["skipped"] = sorted(map(str, summary["skipped"]))
    by_language = summary.get("skipped_by_language") if isinstance(summary, dict) else None
    if isinstance(by_language, dict):  # (the same lines in each language the policy declares)
        for lang, said in by_language.items():
            if isinstance(said, list):
                by_language[lang] = sorted(map(str, said))
    return summary


def variants(records: list[bytes], seeds: Sequence[int]) -> list[tuple[str, list[bytes]]]:
    """The records reversed, shuffled (one shuffle per seed), and with a few lines repeated."""
    out = [("the lines were reversed", records[::-1])]  # (name, records); the last one has more lines
    for seed in seeds:
        shuffled = list(records)
        random.Random(seed).shuffle(shuffled)
        out.append((f"the lines were shuffled (seed {seed})", shuffled))
    if records:
        rng = random.Random(seeds[0] if seeds else 0)
        doubled = list(records)
        for _ in range(rng.randint(1, 3)):
            doubled.insert(rng.randint(0, len(doubled)), rng.choice(records))
        out.append(("exact copies of lines were added", doubled))
    return out


def check_order(
    layout: Layout,
    records: list[bytes],
    command: Sequence[str],
    first: Outcome,
    workdir: Path,
    seeds: Sequence[int],
    known: Sequence[Known],
    survey: bool = COLLECT,
) -> None:
    """Run ``command`` on reordered and repeated records; raise :class:`Finding` if its result moves."""
    __tracebackhide__ = True
    if first.problem is not None or len(records) < 2 or command[0] != "evaluate" or "json" not in command:
        return
    if any(r.startswith(b"\xef\xbb\xbf") for r in records):
        return  # a byte-order mark is taken at the file's start only: moved there or away, the log changes
    path = workdir / f"input{layout.suffix}"
    original = render(layout, records)
    try:
        for name, recs in variants(records, seeds):
            data = render(layout, recs)
            path.write_bytes(data)
            other = run_sla(fill(command, path))
            STATS.commands += 1
            judge(other, data, layout.suffix, [command], known, survey=survey)
            difference = compare(first, other, path, same_lines=len(recs) == len(records))
            if difference is None:
                continue
            outcome = Outcome(other.argv, other.code, other.stdout, f"{name}: {difference}", other.seconds, None)
            for k in known:
                if re.search(k.pattern, f"order: {difference}"):
                    STATS.known[k.item] += 1
                    return
            ready = corpus_ready(original, layout.suffix, [command], seeds[0] if seeds else None)
            saved = save_finding(original, layout.suffix, [command], outcome, f"the report changed when {name}", ready)
            variant = save_dir() / f"{saved.name.removesuffix(layout.suffix)}.variant{layout.suffix}"
            variant.write_bytes(data)
            if survey:
                STATS.found[re.sub(r"\d+", "N", f"order ({name}): {difference.splitlines()[0]}")] += 1
                return
            raise Finding(
                f"the report changed when {name}\n  command: sla {' '.join(first.argv)}\n"
                f"  {difference}\n  input saved: {saved}\n  the variant ({name}): {variant}"
            )
    finally:
        path.write_bytes(original)


def corpus_ready(data: bytes, suffix: str, commands: Sequence[Sequence[str]], seed: int | None = None) -> bytes:
    """The input with ``# fuzz:`` lines (its commands, and the shuffle seed) at the top: a corpus entry."""
    lines = [b"# fuzz: " + shlex.join(c).encode() for c in commands]
    if seed is not None:
        lines.append(f"# fuzz-seed: {seed}".encode())
    if suffix == ".sla":
        return data if data.startswith(b"\xef\xbb\xbf") else b"".join(x + b"\n" for x in lines) + data
    layout, records = split(data, suffix)
    return render(Layout(layout.suffix, layout.bom, layout.gz, (*lines, *layout.head)), records)

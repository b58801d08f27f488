"""``sla fmt`` lays out long lists and many comments in linear time, and exactly as it did before.

QA's finding: formatting ``attribute plan { values v0, …, v3999 }`` took 103 s (1,000 values 1.9 s, 2,000
13 s): the wrap of a long comma list scanned every comma to the end of the list for every line it cut,
joining and measuring the growing prefix each time (cubic), and the formatter asked of every line of the
layout whether a blank line stood before it by scanning every comment of the file (16,000 ``# c`` /
``exclude eN`` pairs: 8.2 s). The same code wraps ``rules``, ``closed``, ``holidays`` and ``when x in
(…)``, and the language server's format-on-save hung on it.

No timing here: the work is counted (the characters measured, the passes over the comments), and the
layout is compared with the old algorithm's, kept below as the reference (slow, but exact).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from lark import Token

from sla_dsl.authoring import fmt
from sla_dsl.i18n.width import display_width
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
HEADER = 'sla "x" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages en\n}\n\n'


# ---- the old algorithms, kept as the reference ----------------------------------------------------------


def _old_split_after_commas(toks: list[Token], start: int, indent: int) -> list[tuple[int, int, int]]:
    """Greedy wrap of toks[start:] after commas: (indent, first, last) pieces (before the fix: cubic)."""
    pieces: list[tuple[int, int, int]] = []
    lo = start
    cur_indent = indent
    while lo < len(toks):
        hi = len(toks) - 1
        if fmt.display_width(" " * cur_indent + fmt._join(toks[lo:])) > fmt.WIDTH:
            best = None
            for k in range(lo, len(toks) - 1):
                if toks[k].type == "COMMA":
                    if best is None or fmt.display_width(" " * cur_indent + fmt._join(toks[lo : k + 1])) <= fmt.WIDTH:
                        best = k
            if best is not None:
                hi = best
        pieces.append((cur_indent, lo, hi))
        lo = hi + 1
        cur_indent = indent + 2
    return pieces


def _old_gap(self: fmt._Layout, prev_tok_line: int, line: fmt._Line) -> bool:
    """Blank line in the source between the previous element and this line's first token (before the fix:
    every comment scanned for every line)."""
    tok_line = self.toks[line.first].line or 1
    last = prev_tok_line
    for c in self.comments:
        cl = c.line or 1
        if last < cl < tok_line:
            last = cl
    return tok_line - last >= 2


def _old_layout(text: str, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as patched:
        patched.setattr(fmt, "_split_after_commas", _old_split_after_commas)
        patched.setattr(fmt._Layout, "_gap", _old_gap)
        return fmt.format_text(text)


# ---- the same output ------------------------------------------------------------------------------------

_WORDS = ["a", "premium", "2026-08-13", "..", "-", "(", ")", "[", "]", ":", "P1", "営業日", '"チャット開始"', '"x y"']


def _random_tokens(rng: random.Random, n: int) -> list[Token]:
    toks = []
    for _ in range(n):
        if rng.random() < 0.3:
            toks.append(Token("COMMA", ","))
        else:
            word = rng.choice(_WORDS)
            if rng.random() < 0.3:
                word = word * rng.randint(2, 12)  # long items, wide ones too: some lines fit no item
            toks.append(Token("STRING" if word.startswith('"') else "NAME", word))
    return toks


@pytest.mark.parametrize("seed", range(40))
def test_the_wrap_of_random_lists_is_the_old_one(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20):
        toks = _random_tokens(rng, rng.randint(0, 120))
        start = rng.randint(0, len(toks))
        indent = rng.choice([0, 2, 4, 7, 30, 119, 125])
        assert fmt._split_after_commas(toks, start, indent) == _old_split_after_commas(toks, start, indent)


def _shipped() -> list[Path]:
    found = []
    for path in sorted(ROOT.glob("**/*.sla")):
        if ".git" in path.parts or ".venv" in path.parts:
            continue
        try:
            text = path.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if not compile_text(text).errors:
            found.append(path)
    return found


def test_every_valid_policy_of_the_repository_formats_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _shipped()
    assert len(paths) >= 5
    for path in paths:
        text = path.read_text("utf-8")
        assert fmt.format_text(text) == _old_layout(text, monkeypatch), path


def _random_policy(rng: random.Random) -> str:
    """A policy with long lists of every kind the wrap cuts, comments and blank lines among its lines."""
    names = [f"v{i}{'x' * rng.randint(0, 20)}" for i in range(rng.randint(30, 90))]
    dates = [f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(rng.randint(10, 40))]
    ranges = [f"{d}..{d}" for d in dates[: rng.randint(1, len(dates))]]
    sep = lambda: rng.choice([", ", ",\n    ", ", # c\n  ", ",\n\n  "])  # noqa: E731
    chosen = rng.sample(names, rng.randint(1, 12))
    return (
        HEADER
        + "# a comment\n\nattribute plan {\n  values "
        + sep().join(names)
        + f"\n  default {names[0]}\n}}\n\n"
        + "calendar business {\n  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  closed "
        + sep().join(sorted(set(dates)))
        + "\n\n  closed "
        + ", ".join(sorted(set(ranges)))
        + "\n}\n\n"
        + "priority P1 {\n  when plan in ("
        + ", ".join(chosen)
        + ")\n  respond within 2 hours\n}\n\npriority P1 {\n  respond within 4 hours\n}\n"
        + "".join(f"# c{i}\nexclude e{i}\n" + "\n" * rng.randint(0, 2) for i in range(rng.randint(0, 20)))
    )


@pytest.mark.parametrize("seed", range(8))
def test_random_policies_format_as_before(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _random_policy(random.Random(seed))
    assert not compile_text(text).errors, compile_text(text).errors
    assert fmt.format_text(text) == _old_layout(text, monkeypatch)


# ---- linear work ----------------------------------------------------------------------------------------


def test_a_long_list_is_measured_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    text = HEADER + "attribute plan {\n  values " + ", ".join(f"v{i}" for i in range(1500)) + "\n  default v0\n}\n"
    measured = [0]

    def counting(s: str) -> int:
        measured[0] += len(s)
        return display_width(s)

    monkeypatch.setattr(fmt, "display_width", counting)
    out = fmt.format_text(text)
    assert out.count("\n    v") > 50  # wrapped into many lines
    # every character a few times at most (the old wrap measured the rest of the list for every line, and
    # each prefix of it for every comma: about 10⁸ characters here)
    assert measured[0] < 10 * len(text)


class _CountedList(list[Token]):
    """The comments of a text, counting the passes over them."""

    passes = 0

    def __iter__(self) -> Iterator[Token]:
        _CountedList.passes += 1
        return super().__iter__()


def test_the_comments_are_read_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    text = HEADER + "".join(f"# c\nexclude e{i}\n" for i in range(300))
    lex = fmt.lex

    def counting_lex(t: str) -> tuple[object, list[Token], list[Token]]:
        tree, toks, comments = lex(t)
        return tree, toks, _CountedList(comments)

    monkeypatch.setattr(fmt, "lex", counting_lex)
    _CountedList.passes = 0
    out = fmt.format_text(text)
    assert out.count("# c\nexclude e") == 300
    # a few passes in all, not one per line of the layout (the old blank-line question: 300 and more)
    assert _CountedList.passes < 20

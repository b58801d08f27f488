"""Helpers of the tests that break the bundled policy by edits and look at what the checker says."""

from __future__ import annotations

from pathlib import Path

from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")


def edited(text: str, *edits: tuple[str, str]) -> str:
    """``text`` with each ``(old, new)`` made once (``old`` must be there exactly once)."""
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def found(text: str) -> list[tuple[str, int]]:
    """(code, line) of every diagnostic."""
    return [(d.code, d.span.line) for d in compile_text(text, "t.sla").diagnostics]


def line_of(text: str, needle: str) -> int:
    """The number of the first line of ``text`` holding ``needle``."""
    return next(i for i, ln in enumerate(text.split("\n"), 1) if needle in ln)

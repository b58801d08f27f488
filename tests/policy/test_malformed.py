"""The malformed-policy corpus: each file's diagnostics match its golden file.

Regenerate the golden files after a deliberate change of wording with
``SLA_UPDATE_GOLDEN=1 pytest tests/policy/test_malformed.py`` and review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.errors import printable
from sla_dsl.policy import compile_path

HERE = Path(__file__).parent / "malformed"
CASES = sorted(HERE.glob("*.sla"))
UPDATE = os.environ.get("SLA_UPDATE_GOLDEN") == "1"


def _golden(path: Path) -> str:
    compiled = compile_path(path)
    lines = []
    for d in compiled.diagnostics:
        lines.append(f"{d.severity.value}[{d.code}] {d.span.line}:{d.span.column} {d.message}")
        if d.help:
            lines.append(f"  help: {d.help}")
    note = compiled.not_shown()
    if note:
        lines.append(f"... {note}")
    return "\n".join(lines) + "\n"


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_diagnostics_match_golden(path: Path) -> None:
    expected_file = path.with_suffix(".expected")
    actual = _golden(path)
    if UPDATE or not expected_file.exists():
        expected_file.write_text(actual, "utf-8")
    assert actual == expected_file.read_text("utf-8")
    assert actual.strip(), "a malformed policy must produce at least one diagnostic"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_excerpt_shows_the_line_the_diagnostic_names(path: Path) -> None:
    """Excerpts count lines as the parser does: a U+2028 or form feed in a comment is no line end; a
    control character shows as its escape (tabs kept)."""
    compiled = compile_path(path)
    lines = compiled.source.split("\n")
    for d in compiled.diagnostics:
        rendered = d.render(compiled.source).split("\n")
        if compiled.source and len(lines[d.span.line - 1]) <= 160:
            shown = "\t".join(printable(part) for part in lines[d.span.line - 1].split("\t"))
            assert rendered[1] == f"{d.span.line} | {shown}", d


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_cli_exits_1_without_traceback(path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "check", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    first = proc.stderr.splitlines()[0]
    # file:line:col: severity[CODE]: message
    assert first.startswith(f"{path}:"), first
    assert "[E" in first or "[W" in first

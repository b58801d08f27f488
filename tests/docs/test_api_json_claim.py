"""What the Python API page says ``sla evaluate --format json`` writes is what it writes, byte for byte.

The page said ``report.model_dump_json()`` (one line), while the command writes the report indented by two
and ends it with a line end. The expression the page names (in code, in either language) is run here on the
example's report and compared with the command's output.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import sla_dsl

from .conftest import ROOT

ARGS = ("policies/clicksoko.sla", "examples/events-2026-11.jsonl", "--from", "2026-11-01", "--to", "2026-12-01")


@pytest.fixture(scope="module")
def written() -> str:
    cmd = [sys.executable, "-m", "sla_dsl.cli", "evaluate", *ARGS, "--format", "json"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True, timeout=300)
    return done.stdout


@pytest.mark.parametrize("page", ["api.en.md", "api.ja.md"])
def test_the_json_the_page_names_is_what_the_command_writes(page: str, written: str) -> None:
    text = (ROOT / "docs/engineers" / page).read_text("utf-8")
    named = re.search(r'`(report\.model_dump_json\([^`]*\)(?: \+ "\\n")?)`', text)
    assert named is not None, f"{page} names no `report.model_dump_json(...)` in code"
    report = sla_dsl.evaluate(sla_dsl.load_policy(ROOT / ARGS[0]), ROOT / ARGS[1], ARGS[3], ARGS[5])
    assert eval(named.group(1), {"report": report}) == written  # (the page's own expression)

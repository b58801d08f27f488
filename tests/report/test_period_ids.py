"""The violations table lists a period below its availability target by the id ``sla explain`` takes.

The text (and Markdown, HTML) report showed the service's label in the ID column (``Web app``, ``コンテンツ
配信``), which ``sla explain`` does not accept; README promises that every id a report lists can be
explained. The plans example has two such periods: ``content:2026-11-01`` and, for the premium plan's
target, ``content:2026-11-01:plan=premium``.
"""

from __future__ import annotations

import re

import pytest

from .helpers import MONTH, ROOT, readable, sla

PLANS = (ROOT / "policies" / "examples" / "plans.sla", ROOT / "policies" / "examples" / "plans.jsonl")
IDS = ["content:2026-11-01", "content:2026-11-01:plan=premium"]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_id_column_holds_the_explainable_id(fmt: str, lang: str) -> None:
    code, out, err = sla("evaluate", *PLANS, *MONTH, "--format", fmt, "--lang", lang, "--limit", "0")
    assert code == 0, err
    text = readable(out, fmt)
    rows = [line for line in text.splitlines() if re.search(r"content:2026-11-01(:plan=premium)?\b", line)]
    if fmt == "html":  # one cell a line: the ids themselves
        assert sorted(set(rows)) == IDS, rows
    else:
        found = sorted({m for line in rows for m in re.findall(r"content:2026-11-01(?::plan=premium)?", line)})
        assert found == IDS, rows
    for ident in IDS:
        code, _, err = sla("explain", *PLANS, ident, *MONTH, "--lang", lang)
        assert code == 0, (ident, err)

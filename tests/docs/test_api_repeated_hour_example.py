"""The API page says how to compare the report's times, and its example runs as written on the page in either
language: a time of New York's repeated hour (``fold=1``) is never ``==`` to the same instant in another
zone (PEP 495), and is in UTC or by its ``timestamp()``."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT


@pytest.mark.parametrize("page", ["api.en.md", "api.ja.md"])
def test_the_repeated_hour_example_runs(page: str) -> None:
    text = (ROOT / "docs/engineers" / page).read_text("utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "fold=1" in b]
    assert len(blocks) == 1, page
    assert "timestamp()" in blocks[0] and "astimezone(dt.UTC)" in blocks[0]
    exec(compile(blocks[0], page, "exec"), {})  # the page's own example, its asserts included

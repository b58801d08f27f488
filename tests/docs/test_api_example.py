"""The Python API page's example runs as written (no undefined names), from the repository root."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT


def test_api_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (ROOT / "docs/engineers/api.md").read_text("utf-8")
    code = re.search(r"```python\n(.*?)```", page, re.S)
    assert code is not None
    monkeypatch.chdir(ROOT)
    exec(compile(code.group(1), "api.md", "exec"), {})  # the page's own example, its asserts included

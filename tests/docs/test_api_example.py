"""The Python API page's example runs as written (no undefined names), from the repository root, on the
page in either language (its code is the same in both: ``test_translations``)."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT


@pytest.mark.parametrize("page", ["api.en.md", "api.ja.md"])
def test_api_example_runs(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "docs/engineers" / page).read_text("utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code is not None
    monkeypatch.chdir(ROOT)
    exec(compile(code.group(1), page, "exec"), {})  # the page's own example, its asserts included

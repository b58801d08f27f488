"""Shared by the report's browser tests: the headless Chromium they drive (skipped where it is not
installed: ``needs_chromium``; ``.ci/run`` installs it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from docs.cdp import Browser, headless, needs_chromium

__all__ = ["browser", "needs_chromium"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium for a module's tests, closed after them."""
    yield from headless(tmp_path_factory)

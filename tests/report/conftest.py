"""Shared by the report's browser tests: the headless Chromium they drive, and the mark that skips them
where it is not installed (``.ci/run`` installs it)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from docs.cdp import Browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: ``pytestmark = needs_chromium`` in a module that drives the browser
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no browser: Debian's `chromium` is not installed (.ci/run installs it with apt-get; "
    "apt-get install chromium)",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium for a module's tests, closed after them."""
    assert CHROMIUM is not None
    b = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield b
    finally:
        b.close()

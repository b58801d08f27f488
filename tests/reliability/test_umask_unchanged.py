"""The mode of a plain new file is read from the umask without changing it: other threads' files keep theirs.

``plain_mode`` read the umask by setting it to 0 and back: for that instant, a file another thread of the
process created was world-writable (measured under umask 077: 595 of 1,210 files a thread created while
Parquet tables were written were 0666). On Linux it is read from ``/proc/self/status`` (``Umask:``);
elsewhere it is still set and set back, under a lock, to 077 meanwhile (never more open to others).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sla_dsl import files
from sla_dsl.files import plain_mode

REAL_UMASK = os.umask


@pytest.fixture
def umask_027() -> Iterator[None]:
    """The process's umask 027 while the test runs, then the one it had."""
    old = REAL_UMASK(0o027)
    try:
        yield
    finally:
        REAL_UMASK(old)


def _never(mask: int) -> int:
    raise AssertionError(f"os.umask({mask:#o}) called: the umask is changed for every thread meanwhile")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux shows a process's umask")
@pytest.mark.usefixtures("umask_027")
def test_on_linux_the_umask_is_read_without_setting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "umask", _never)
    assert plain_mode() == 0o640
    assert files.umask() == 0o027


@pytest.mark.usefixtures("umask_027")
def test_elsewhere_it_is_set_to_a_private_mask_and_back(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def umask(mask: int) -> int:
        calls.append(mask)
        return REAL_UMASK(mask)

    monkeypatch.setattr(files, "shown_umask", lambda: None)  # (a system that does not show it)
    monkeypatch.setattr(os, "umask", umask)
    assert plain_mode() == 0o640
    assert calls == [0o077, 0o027]  # (077 meanwhile: a file made in that instant is private, then set back)
    assert REAL_UMASK(0o027) == 0o027


def test_a_status_without_the_line_is_no_umask(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nState:\tR (running)\n", "ascii")
    monkeypatch.setattr(files, "PROC_STATUS", str(status))
    monkeypatch.setattr(sys, "platform", "linux")
    assert files.shown_umask() is None
    monkeypatch.setattr(files, "PROC_STATUS", str(tmp_path / "missing"))
    assert files.shown_umask() is None

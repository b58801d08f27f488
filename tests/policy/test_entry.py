"""The `sla` console script: short commands run without the cyclic GC, the language server keeps it."""

from __future__ import annotations

import gc
import sys

import pytest

from sla_dsl import _entry


@pytest.fixture(autouse=True)
def restore_gc() -> object:
    was = gc.isenabled()
    yield None
    if was:
        gc.enable()


def test_short_command_disables_gc(monkeypatch: pytest.MonkeyPatch, policy_path: object) -> None:
    monkeypatch.setattr(sys, "argv", ["sla", "check", str(policy_path)])
    gc.enable()
    assert _entry.main() == 0
    assert not gc.isenabled()


def test_language_server_keeps_gc(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def fake_main() -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr("sla_dsl.cli.main", fake_main)
    monkeypatch.setattr(sys, "argv", ["sla", "lsp"])
    gc.enable()
    assert _entry.main() == 0
    assert seen == [True]


def test_the_installed_command_ends_through_run() -> None:
    """The `sla` script is :func:`_entry.run` (flush, then exit without the teardown), as `python -m` is."""
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "sla"]
    assert script.value == "sla_dsl._entry:run"

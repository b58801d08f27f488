"""Shared fixtures: paths into the repository, never outside it, and a locale that is not the developer's."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
POLICY = ROOT / "policies" / "clicksoko.sla"


@pytest.fixture(scope="session")
def policy_path() -> Path:
    return POLICY


@pytest.fixture(scope="session")
def policy_text() -> str:
    return POLICY.read_text("utf-8")


@pytest.fixture(autouse=True)
def _c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in the C locale (``LC_ALL=C.UTF-8``; no ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``), in
    the process and in the commands it starts: ``sla``'s help and usage errors follow the locale
    (:func:`sla_dsl.cli.langs.help_lang`), and the tests expect English unless they set Japanese."""
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    for name in ("LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)

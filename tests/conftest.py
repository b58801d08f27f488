"""Shared fixtures: paths into the repository, never outside it."""

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

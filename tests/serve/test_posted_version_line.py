"""The log line of a policy version added through ``POST /policies`` is in the policy's primary language, as
every other line about a version (a reload's, a start's refusal): it was always English. The answer to the
request stays English, as every answer of the API. The Japanese case failed before the fix."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from .conftest import POLICY, ROOT, Starter

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"


def _new_version(path: Path, old: str, new: str) -> str:
    text = path.read_text("utf-8").replace(f'version "{old}"', f'version "{new}"')
    return text.replace("effective 2026-04-01", "effective 2026-12-01")


def _added(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "sla.serve"]


def test_a_posted_japanese_version_is_said_added_in_japanese(
    start: Starter, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    with caplog.at_level(logging.WARNING, "sla.serve"):
        answer = c.post("/policies", content=_new_version(POLICY, "2026.1", "2026.2").encode())
    assert answer.status_code == 200, answer.text
    assert "版 `2026.2` を加えました（適用開始日 2026年12月1日(火)）" in _added(caplog)
    assert not [s for s in _added(caplog) if "added" in s]


def test_a_posted_english_version_is_said_added_in_english(
    start: Starter, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from sla_dsl.policy import load_policies

    c = start(f"sqlite:///{tmp_path / 'sla.db'}", pols=load_policies([str(HELPDESK)]))
    with caplog.at_level(logging.WARNING, "sla.serve"):
        answer = c.post("/policies", content=_new_version(HELPDESK, "1.0", "1.1").encode())
    assert answer.status_code == 200, answer.text
    assert "policy version 1.1 added, effective 2026-12-01" in _added(caplog)

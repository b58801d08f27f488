"""``sla serve`` joins the lists of its Japanese lines with 「、」, as Japanese joins a list.

Before, the ready line of a Japanese log said ``版：2026.1（2026年4月1日(水)から）, 2026.2（2026年11月16日(月)から）``:
the versions (and the addresses) were joined with an English comma; so were the query parameters of a
``--db`` refused in Japanese (``クエリ（`mode`, `timeout`）``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.errors import UsageError
from sla_dsl.policy import load_policies
from sla_dsl.serve import Settings
from sla_dsl.serve.app import Service
from sla_dsl.serve.store import engine_url
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, tokyo


def _service(tmp_path: Path, english: bool = False) -> Service:
    folder = tmp_path / "policies"
    folder.mkdir()
    text = POLICY.read_text("utf-8")
    if english:  # the policy's primary language, which the log speaks
        text = text.replace("languages ja, en", "languages en, ja")
    (folder / "clicksoko-2026.1.sla").write_text(text, "utf-8")
    later = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    (folder / "clicksoko-2026.2.sla").write_text(later, "utf-8")
    settings = Settings(db=f"sqlite:///{tmp_path / 'sla.db'}", policy_files=(str(folder),))
    return Service(load_policies([str(folder)]), settings, FakeClock(tokyo(2026, 11, 30, 10)))


def test_a_japanese_ready_line_joins_versions_and_addresses_with_the_japanese_comma(tmp_path: Path) -> None:
    service = _service(tmp_path)
    try:
        line = service.ready_line(["http://127.0.0.1:8080", "http://[::1]:8080"])
    finally:
        service.store.close()
    assert line == (
        "http://127.0.0.1:8080、http://[::1]:8080 で受け付けを始めました"
        "（版：2026.1（2026年4月1日(水)から）、2026.2（2026年11月16日(月)から）、"
        f"データベース：SQLite {tmp_path / 'sla.db'}、送信先 0 件）"
    )
    assert ", " not in line


def test_an_english_ready_line_keeps_the_english_comma(tmp_path: Path) -> None:
    service = _service(tmp_path, english=True)
    try:
        line = service.ready_line(["http://127.0.0.1:8080", "http://[::1]:8080"])
    finally:
        service.store.close()
    assert line.startswith(
        "serving on http://127.0.0.1:8080, http://[::1]:8080 "
        "(versions: 2026.1 (from 2026-04-01), 2026.2 (from 2026-11-16); database: SQLite "
    )


def test_the_query_parameters_of_a_db_refused_in_japanese_are_joined_with_the_japanese_comma(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}?mode=ro&timeout=5"
    with pytest.raises(UsageError) as refused:
        engine_url(url, "ja")
    assert "のクエリ（`mode`、`timeout`）は使えません" in str(refused.value)
    with pytest.raises(UsageError) as refused:
        engine_url(url, "en")
    assert "has query parameters (`mode`, `timeout`) the service does not take" in str(refused.value)

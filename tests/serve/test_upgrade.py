"""An operator upgrading ``sla serve`` between releases: a start that brings an older release's database up to
date says so in the log, once, in the policy's language, with what it means (no older release opens it again;
going back is restoring the backup taken before), and keeps what the older release stored."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sla_dsl import __version__
from sla_dsl.serve import Settings
from sla_dsl.serve.app import Service
from sla_dsl.serve.store import MIGRATIONS, SCHEMA_VERSION, Store, _step_1
from sla_dsl.serve.tracking import FakeClock

from .conftest import Starter, tokyo

NOW = tokyo(2026, 11, 30, 10)


def _first_release_database(db: str) -> None:
    """A database as the first release left it: step 1's tables, an alert fired, schema version 1."""
    engine = sa.create_engine(Store(db).url)
    with engine.begin() as conn:
        SCHEMA_VERSION.create(conn)
        _step_1(conn)
        conn.execute(sa.insert(SCHEMA_VERSION).values(version=1))
        conn.exec_driver_sql(
            "INSERT INTO alerts (key, kind, item, instant, fired, payload) "
            "VALUES ('incident.breached|I-1|1.000000', 'incident.breached', 'I-1', 1.0, 2.0, '{}')"
        )
    engine.dispose()


def _start(db: str, policies: list[Any], caplog: pytest.LogCaptureFixture) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="sla.serve"):
        service = Service(policies, Settings(db=db), FakeClock(NOW))
    service.store.close()
    return [r.getMessage() for r in caplog.records if "スキーマ" in r.getMessage() or "schema" in r.getMessage()]


def test_a_start_that_upgrades_an_older_database_says_so(
    tmp_path: Path, policies: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    # (before: the steps were taken without a word, and an operator learnt that the previous release could no
    # longer open the database only by trying to go back to it)
    file = tmp_path / "sla.db"
    db = f"sqlite:///{file}"
    _first_release_database(db)
    newest = MIGRATIONS[-1][0]
    assert _start(db, policies, caplog) == [
        f"データベース SQLite {file} のスキーマを版 1 から版 {newest} に更新しました。これより前のリリースは、"
        "このデータベースをもう開けません（前のリリースに戻すには、更新の前に取ったバックアップを戻してください）"
    ]
    store = Store(db)
    assert [a["key"] for a in store.alerts()] == ["incident.breached|I-1|1.000000"]  # (kept: not fired again)
    store.close()
    assert _start(db, policies, caplog) == []  # (said once: the next start has nothing to take)


def test_the_line_is_in_the_policys_language(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from sla_dsl.policy import load_policies

    from .conftest import POLICY

    english = tmp_path / "p.sla"
    english.write_text(POLICY.read_text("utf-8").replace("languages ja, en", "languages en, ja"), "utf-8")
    file = tmp_path / "sla.db"
    db = f"sqlite:///{file}"
    _first_release_database(db)
    newest = MIGRATIONS[-1][0]
    assert _start(db, load_policies([str(english)]), caplog) == [
        f"the database SQLite {file} was upgraded from schema version 1 to {newest}: releases before this one can "
        "no longer open it (to go back to the previous release, restore the backup taken before the upgrade)"
    ]


def test_a_new_database_is_not_said_to_be_upgraded(
    tmp_path: Path, policies: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    assert _start(f"sqlite:///{tmp_path / 'sla.db'}", policies, caplog) == []


def test_a_server_says_the_release_it_runs(start: Starter, tmp_path: Path) -> None:
    # (before: neither the log, /healthz nor /metrics said it: after an upgrade of several servers on one database,
    # which of them still ran the earlier release could not be asked of them)
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    assert c.get("/healthz").json() == {"ok": True, "events": 0, "version": __version__}
    assert f'sla_build_info{{version="{__version__}"}} 1.0' in c.get("/metrics").text.splitlines()

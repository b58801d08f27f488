"""A PostgreSQL server frozen (``kill -STOP``): its host still acknowledges TCP, so no keepalive, TCP timeout or
server-side timeout fires. Before, every request that touched the database (and the timers) waited for good,
with nothing in the log. Now the store's watchdog gives the connections up after ``--db-stall``: the requests
are answered 503 with ``Retry-After``, ``/healthz`` says it is not healthy, the log names the database (never its
password) and the bound, and once the server runs again (``kill -CONT``) the service answers again by itself, a
batch retried is stored once. Measured on a real PostgreSQL (skipped where the other PostgreSQL tests are)."""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import logging
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sla_dsl._version import __version__
from sla_dsl.serve import Settings, create_app
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, new_pg_database, tokyo, under_uvicorn, wait_for

NOW = tokyo(2026, 11, 30, 16)
#: the bound of the tests (seconds): small, so a test lasts seconds
STALL = 2
#: what "did not hang" means here: many times the bound (before, a request waited for good)
ANSWERED_WITHIN = 30.0


def _batch(*idents: str) -> bytes:
    lines = [
        {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": ident, "priority": "P3"}
        for ident in idents
    ]
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


def _server_processes(url: str) -> list[int]:
    """The PostgreSQL server's processes: its postmaster (from its data directory) and every child of it."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SHOW data_directory").fetchone()
    assert row is not None
    postmaster = int((Path(str(row[0])) / "postmaster.pid").read_text().split()[0])
    pids = [postmaster]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == postmaster:
            pids.append(int(entry.name))
    return pids


@contextlib.contextmanager
def frozen(url: str) -> Iterator[list[int]]:
    """The server stopped (``SIGSTOP``, every process of it) while inside; always thawed (``SIGCONT``) after."""
    pids = _server_processes(url)
    try:
        for pid in pids:
            # (a backend may have ended since it was listed: the one of the connection that asked the server's
            # folder ends as that connection closes; an ended process holds nothing to freeze)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)
        yield pids
    finally:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)


def _ask(base: str, method: str, path: str, body: bytes | None = None) -> httpx.Response:
    """One request, given up (an error of the test) past :data:`ANSWERED_WITHIN`: a request that hangs."""
    with httpx.Client(base_url=base, timeout=ANSWERED_WITHIN) as client:
        return client.request(method, path, content=body)


def test_a_frozen_postgresql_is_answered_503_and_the_service_recovers_by_itself(
    pg_server: str, policies: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    # (a password in the URL: trust authentication takes any; the log must never show it)
    db = new_pg_database(pg_server).replace("postgresql://sla@", "postgresql://sla:s3cret-pw@", 1)
    caplog.set_level(logging.INFO, logger="sla.serve")
    app = create_app(policies, Settings(db=db, tick=0.5, db_stall=STALL), FakeClock(NOW))
    first, retried = _batch("F-1", "F-2"), _batch("F-3", "F-4", "F-5")
    with under_uvicorn(app) as base:
        r = _ask(base, "POST", "/events", first)
        assert r.status_code == 200 and r.json()["stored"] == 2, r.text
        assert _ask(base, "GET", "/dashboard.json").status_code == 200
        with concurrent.futures.ThreadPoolExecutor(8) as pool:  # (the pool holds several connections: each waits)
            warm = [pool.submit(_ask, base, "GET", path) for path in ["/healthz", "/incidents"] * 4]
            assert all(f.result().status_code == 200 for f in warm)
        with frozen(pg_server), concurrent.futures.ThreadPoolExecutor(8) as pool:
            asked = {
                "POST /events": pool.submit(_ask, base, "POST", "/events", retried),
                "GET /healthz": pool.submit(_ask, base, "GET", "/healthz"),
                "GET /incidents": pool.submit(_ask, base, "GET", "/incidents"),
                "GET /report": pool.submit(_ask, base, "GET", "/report?from=2026-11-01&to=2026-12-01"),
                "GET /": pool.submit(_ask, base, "GET", "/"),
                "GET /dashboard.json": pool.submit(_ask, base, "GET", "/dashboard.json"),
            }
            answers = {what: future.result() for what, future in asked.items()}  # (raises on a request that hung)
            # (a connection taken from the pool waited on the server: the watchdog gave it up, and says so once)
            port_db = db.rsplit("@", 1)[1]  # 127.0.0.1:PORT/t_...
            stall_line = f"データベース PostgreSQL {port_db} が {STALL} 秒応答しません（`--db-stall`）"
            wait_for(lambda: any(stall_line in rec.getMessage() for rec in caplog.records), "the watchdog's line")
            # a request while the server is known frozen is answered at once, the line naming the database
            answers["GET /healthz again"] = _ask(base, "GET", "/healthz")
            for what, r in answers.items():
                assert r.status_code == 503, (what, r.status_code, r.text)
                assert r.headers["retry-after"] == "5", what
                assert r.json()["error"] == "database unavailable", (what, r.text)
            assert answers["GET /healthz"].json()["ok"] is False
            said = [rec.getMessage() for rec in caplog.records]
            assert len([s for s in said if stall_line in s]) == 1, said
            assert any(
                f"GET /healthz：データベース PostgreSQL {port_db} が {STALL} 秒応答しないため 503" in s for s in said
            )
        # thawed: the service answers again by itself
        wait_for(lambda: _ask(base, "GET", "/healthz").status_code == 200, "the service to answer again")
        said = [rec.getMessage() for rec in caplog.records]
        assert any(s.startswith(f"データベース PostgreSQL {port_db} がふたたび応答しています") for s in said), said
        # the batch the client saw refused is sent again: stored once, whether the first try committed or not
        r = _ask(base, "POST", "/events", retried)
        assert r.status_code == 200, r.text
        assert r.json()["stored"] + r.json()["duplicates"] == 3
        r = _ask(base, "POST", "/events", retried)
        assert r.json() == {"received": 3, "stored": 0, "duplicates": 3}
        health = _ask(base, "GET", "/healthz").json()
        assert health == {"ok": True, "events": 5, "version": __version__}, health
        incidents = {i["id"] for i in _ask(base, "GET", "/incidents").json()["incidents"]}
        assert {"F-1", "F-2", "F-3", "F-4", "F-5"} <= incidents
    assert not any("s3cret-pw" in rec.getMessage() for rec in caplog.records)


def test_a_long_statement_on_a_server_that_answers_is_not_cut(
    pg_server: str, policies: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    """How long a statement runs is not bounded by the service: the server answers the watchdog's question,
    so a statement longer than the bound (here a lock waited on for 3 s, the bound 2 s) goes on to its end."""
    import psycopg

    db = new_pg_database(pg_server)
    caplog.set_level(logging.INFO, logger="sla.serve")
    app = create_app(policies, Settings(db=db, tick=0.5, db_stall=STALL), FakeClock(NOW))
    with under_uvicorn(app) as base:
        assert _ask(base, "POST", "/events", _batch("L-1")).status_code == 200
        with psycopg.connect(db) as holder:
            holder.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
            with concurrent.futures.ThreadPoolExecutor(1) as pool:
                health = pool.submit(_ask, base, "GET", "/healthz")
                wait_for(lambda: health.done() or _waiting(db), "the request to wait on the lock", 20)
                time.sleep(STALL * 2)  # (the bound passed, and the watchdog's question answered)
                assert not health.done()
                holder.rollback()
                r = health.result()
        assert r.status_code == 200, r.text
        assert r.json() == {"ok": True, "events": 1, "version": __version__}
    assert not any("応答しません" in rec.getMessage() for rec in caplog.records)


def _waiting(db: str) -> bool:
    """Whether a session of the database waits on a lock."""
    import psycopg

    with psycopg.connect(db, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").fetchone()
    return bool(row and row[0])


def test_db_stall_is_1_to_a_day_and_said_in_the_help(tmp_path: Path) -> None:
    from .test_cli import sla

    for stall in ("0", "86401", "x"):
        r = sla("serve", str(POLICY), "--db-stall", stall, "--db", f"sqlite:///{tmp_path / 'sla.db'}")
        assert r.returncode == 2 and f"`{stall}`" in r.stderr and "Traceback" not in r.stderr, r.stderr
    r = sla("serve", "--help", "--lang", "en")
    assert "--db-stall SECONDS" in r.stdout and "answer nothing (frozen)" in " ".join(r.stdout.split()), r.stdout

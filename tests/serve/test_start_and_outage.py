"""An operator's QA of ``sla serve`` on a shared database: a start that does not serve changes nothing, a
start with other webhooks leaves a running server's deliveries alone, the start's refusals are one clear line
(exit 1 or 2), a database that is away is answered 503 and said once in the log, and the log says when the
service is ready. Each test failed before its fix."""

from __future__ import annotations

import logging
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from sla_dsl.errors import InputError
from sla_dsl.policy import load_policies
from sla_dsl.serve import Settings
from sla_dsl.serve.app import Service
from sla_dsl.serve.store import Store, redact
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, Starter, tokyo, wait_for
from .test_timers import Hook

ROOT = Path(__file__).resolve().parents[2]
NOW = tokyo(2026, 11, 30, 16)
#: reported at 10:00, a P1 is past its at-risk instant and its due time at 16:00: two alerts fire at once
LATE_P1 = {"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "W-1", "priority": "P1"}


def sla(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def free_port() -> int:
    sock, port = held_port()
    sock.close()
    return port


def held_port() -> tuple[socket.socket, int]:
    """A port some other process listens on."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock, sock.getsockname()[1]


def states(client: Any) -> set[tuple[str, str]]:
    alerts = client.get("/alerts").json()["alerts"]
    return {(d["url"], d["state"]) for a in alerts for d in a["deliveries"]}


def pending_alerts(start: Starter, db: str, receiver: Hook) -> Any:
    """A server posting to ``receiver`` (which answers 500), with two alerts not delivered."""
    c = start(db, FakeClock(NOW), webhooks=(receiver.url,))
    assert c.post("/events", json=LATE_P1).status_code == 200
    wait_for(lambda: len(c.get("/alerts").json()["alerts"]) == 2, "the two alerts")
    wait_for(lambda: receiver.attempts >= 2, "the first tries")
    return c


# -- 1. a start that cannot listen changes nothing ------------------------------------------------------------------
def test_a_start_that_cannot_bind_leaves_the_running_servers_deliveries(start: Starter, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    receiver = Hook(fail=10**9)
    sock, port = held_port()
    try:
        running = pending_alerts(start, db, receiver)
        assert states(running) == {(redact(receiver.url), "pending")}
        # a second start on the running server's port, without its --webhook
        r = sla("serve", str(POLICY), "--db", db, "--port", str(port))
        assert r.returncode == 1, r.stderr
        assert r.stderr.strip().splitlines() == [
            f"sla: エラー: 127.0.0.1 のポート {port} で受け付けられません："
            "ほかのプロセスがすでにこのポートを使っています"
            "（このポートで `sla serve` がもう動いていないか確かめるか、`--port` に別のポートを指定してください）"
        ]
        assert states(running) == {(redact(receiver.url), "pending")}  # (before: dropped, for good)
    finally:
        sock.close()
        receiver.close()


def test_a_start_that_cannot_bind_does_not_open_the_database(tmp_path: Path) -> None:
    sock, port = held_port()
    try:
        r = sla("serve", str(POLICY), "--db", f"sqlite:///{tmp_path / 'new.db'}", "--port", str(port), "--lang", "en")
    finally:
        sock.close()
    assert r.returncode == 1 and "Errno" not in r.stderr
    assert r.stderr.startswith(f"sla: error: cannot listen on 127.0.0.1 port {port}: another process is listening")
    assert not (tmp_path / "new.db").exists()
    host = sla("serve", str(POLICY), "--db", f"sqlite:///{tmp_path / 'new.db'}", "--host", "192.0.2.1", "--lang", "en")
    assert host.returncode == 1 and "Errno" not in host.stderr
    assert "sla: error: cannot listen on 192.0.2.1 port 8080: --host 192.0.2.1 is not an address of this" in host.stderr
    assert not (tmp_path / "new.db").exists()


# -- 1. two servers, other webhooks: a start leaves a running server's deliveries to it -----------------------------
def test_a_start_with_other_webhooks_leaves_a_running_servers_deliveries(
    start: Starter, db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    receiver = Hook(fail=10**9)
    try:
        a = pending_alerts(start, db_url, receiver)
        shown = redact(receiver.url)
        with caplog.at_level(logging.WARNING, logger="sla.serve"):
            b = start(db_url, FakeClock(NOW + 10))  # another server on the database, no --webhook
        assert states(b) == {(shown, "pending")}  # (before: dropped while A was still posting them)
        said = [r.getMessage() for r in caplog.records if r.getMessage().startswith(f"送信先 {shown} は今回")]
        assert said and "まだ届けていないアラート 2 件は、そのサーバーに任せて動かしません" in said[0]
        # once A has stopped, a start takes them as before (no --webhook: dropped, and said)
        start.stop(a)
        start.stop(b)
        c = start(db_url, FakeClock(NOW + 20))
        assert states(c) == {(shown, "dropped")}
    finally:
        receiver.close()


def test_a_server_silent_for_long_holds_its_webhooks_no_more(start: Starter, tmp_path: Path) -> None:
    from sla_dsl.serve.store import HELD_FOR, HOLDERS

    db = f"sqlite:///{tmp_path / 'sla.db'}"
    receiver = Hook(fail=10**9)
    try:
        a = pending_alerts(start, db, receiver)
        b = start(db, FakeClock(NOW + 10))
        assert states(b) == {(redact(receiver.url), "pending")}
        start.stop(b)
        # A killed (its rows stay): a start within HELD_FOR leaves them, one after it takes them
        store = Store(db)
        with store.engine.begin() as conn:
            rows = conn.execute(sa.select(HOLDERS)).all()
        store.close()
        assert rows and all(r.seen == NOW for r in rows)
        a.app.state.service.webhooks = ()  # (its stop now lets nothing go: as a kill -9)
        start.stop(a)
        c = start(db, FakeClock(NOW + HELD_FOR + 60))
        assert states(c) == {(redact(receiver.url), "dropped")}
    finally:
        receiver.close()


# -- 1. a start refused for a version writes nothing ----------------------------------------------------------------
def test_a_refused_start_writes_nothing_of_its_own(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = tmp_path / "policies"
    folder.mkdir()
    text = POLICY.read_text("utf-8")
    (folder / "clicksoko.sla").write_text(text, "utf-8")

    def service() -> Service:
        settings = Settings(db=db, policy_files=(str(folder),))
        return Service(load_policies([str(folder)]), settings, FakeClock(NOW))

    service().store.close()
    # a comment added to the version in use (taken, and kept as its text, when a start goes on) and a new
    # version whose date has begun (refused): the start refused records neither
    (folder / "clicksoko.sla").write_text(text + "\n# 注記\n", "utf-8")
    later = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-10-01")
    (folder / "later.sla").write_text(later, "utf-8")
    with pytest.raises(InputError):
        service()
    store = Store(db)
    try:
        served = store.served()
    finally:
        store.close()
    assert set(served) == {"2026.1"} and served["2026.1"].text == text  # (before: the comment's text)


# -- 5. --lang is the language of a version refused at start --------------------------------------------------------
def test_lang_en_words_a_version_refused_at_start(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    folder = tmp_path / "policies"
    folder.mkdir()
    text = POLICY.read_text("utf-8")
    (folder / "clicksoko.sla").write_text(text, "utf-8")
    Service(load_policies([str(folder)]), Settings(db=db), FakeClock(NOW)).store.close()
    edited = text.replace("respond within 4 business hours", "respond within 2 business hours", 1)
    assert edited != text
    (folder / "clicksoko.sla").write_text(edited, "utf-8")
    with pytest.raises(InputError) as refused:
        Service(load_policies([str(folder)]), Settings(db=db, lang="en"), FakeClock(NOW))
    assert refused.value.lang == "en"
    assert "version 2026.1 has changed since this database was first served with it" in str(refused.value)
    r = sla("serve", str(folder), "--db", db, "--port", str(free_port()), "--lang", "en")
    assert r.returncode == 1 and r.stderr.startswith("sla: error: ") and "版" not in r.stderr
    # a new version whose date has begun, as well
    (folder / "clicksoko.sla").write_text(text, "utf-8")
    later = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-10-01")
    (folder / "later.sla").write_text(later, "utf-8")
    r = sla("serve", str(folder), "--db", db, "--port", str(free_port()), "--lang", "en")
    assert r.returncode == 1 and "version 2026.2 was never served by this database" in r.stderr, r.stderr


# -- 2, 3, 4, 7. the start's refusals: one clear line, exit 1 or 2 ---------------------------------------------------
def test_a_db_url_that_cannot_be_read_is_wrong_usage(tmp_path: Path) -> None:
    port = sla("serve", str(POLICY), "--db", "postgresql://sla:pw@127.0.0.1:notaport/sla2", "--lang", "en")
    assert port.returncode == 2 and "internal error" not in port.stderr and ":pw@" not in port.stderr
    assert port.stderr.strip() == (
        "sla: error: --db `postgresql://sla:***@127.0.0.1:notaport/sla2` cannot be read: "
        "the port `notaport` is not a number from 1 to 65535"
    )
    file = sla("serve", str(POLICY), "--db", "sla.db", "--lang", "en")
    assert file.returncode == 2 and "`sqlite:///sla.db`" in file.stderr


def test_a_refused_postgresql_connection_is_said_without_escapes(tmp_path: Path) -> None:
    free = free_port()  # (no database listens there)
    r = sla("serve", str(POLICY), "--db", f"postgresql://sla@127.0.0.1:{free}/sla", "--port", str(free_port()))
    assert r.returncode == 1 and r.stderr.startswith(
        f"sla: エラー: データベース `postgresql://sla@127.0.0.1:{free}/sla` を開けません："
    )  # (the policy's language)
    r = sla(
        "serve",
        str(POLICY),
        "--db",
        f"postgresql://sla@127.0.0.1:{free}/sla",
        "--port",
        str(free_port()),
        "--lang",
        "en",
    )
    assert r.returncode == 1 and "\\t" not in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.startswith(f"sla: error: cannot open the database `postgresql://sla@127.0.0.1:{free}/sla`: ")


@pytest.mark.parametrize("url", ["http://", "http://exa mple.com/x", "https://:443/x", "http://host:port/x"])
def test_a_malformed_webhook_is_refused_at_start(url: str) -> None:
    r = sla("serve", str(POLICY), "--webhook", url, "--lang", "en")
    assert r.returncode == 2 and "is not a valid URL" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


# -- 6. the database away: 503, said once ---------------------------------------------------------------------------
def _away(*_args: Any, **_kwargs: Any) -> Any:
    raise sa.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))


def test_a_database_away_is_answered_503_and_said_once(
    start: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(NOW))
    store = c.app.state.service.store  # type: ignore[attr-defined]
    caplog.set_level(logging.WARNING, logger="sla.serve")
    with monkeypatch.context() as m:
        m.setattr(store, "revision", _away)
        for _ in range(20):
            r = c.get("/healthz")
            assert r.status_code == 503
            assert r.json() == {
                "ok": False,
                "error": "database unavailable",
                "help": "the service cannot reach its database (away, refusing connections, or busy); it answers "
                "again once the database is back: try again later (the service's log says what the database "
                "answered)",
            }
        m.setattr(store, "alerts", _away)
        for _ in range(20):
            r = c.get("/alerts")
            assert r.status_code == 503 and r.json()["error"] == "database unavailable"
    said = [r.getMessage() for r in caplog.records]
    assert len([s for s in said if "GET /healthz" in s]) == 1, said  # (before: 500, and a line each)
    assert len([s for s in said if "GET /alerts" in s]) == 1, said
    assert c.get("/healthz").status_code == 200
    assert any(s.startswith("解消しました（") and "GET /healthz" in s for s in [r.getMessage() for r in caplog.records])


def test_repeats_says_a_failure_once_then_every_minute_then_when_it_is_over() -> None:
    from sla_dsl.serve.repeats import Repeats

    now = [0.0]
    lines: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    log = logging.getLogger("test.repeats")
    log.addHandler(Catch())
    log.propagate = False
    repeats = Repeats(log, "en", every=60.0, clock=lambda: now[0])
    for _ in range(80):  # the timers' pace while the database is away: once a second
        repeats.failed("timers", "timers: cannot look: OperationalError")
        now[0] += 1.0
    repeats.ok("timers")
    assert lines == [
        "timers: cannot look: OperationalError",
        "still failing (60 more time(s) in the last 60 s): timers: cannot look: OperationalError",
        "over after 80 time(s) in 80 s: timers: cannot look: OperationalError",
    ]


# -- 10. POST /policies names the version in use in words -------------------------------------------------------------
def test_a_posted_version_refused_names_the_version_in_use_in_words(start: Starter, tmp_path: Path) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(NOW))
    text = POLICY.read_text("utf-8").replace('version "2026.1"', 'version "2027.1"')
    text = text.replace("effective 2026-04-01", "effective 2027-04-01").replace("timezone Asia/Tokyo", "timezone UTC")
    r = c.post("/policies", content=text.encode())
    assert r.status_code == 422
    error = r.json()["error"]
    assert "<policy>" not in error and "as the policy in use (version 2026.1) is" in error, error


# -- 13. the log says when the service is ready -----------------------------------------------------------------------
def test_the_log_says_when_the_service_is_ready(tmp_path: Path) -> None:
    port, db = free_port(), tmp_path / "sla.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "sla_dsl._entry", "serve", str(POLICY), "--port", str(port), "--db", f"sqlite:///{db}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.1)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    ready = [line for line in err.splitlines() if "で受け付けを始めました" in line]
    assert ready == [
        f"sla serve: http://127.0.0.1:{port} で受け付けを始めました（版：2026.1（2026年4月1日(水)から）、"
        f"データベース：SQLite {db}、送信先 0 件）"
    ], err


# -- 12. the documented SQLite backup, taken while the service runs -------------------------------------------------
def test_a_sqlite_backup_taken_while_serving_is_served_and_fires_nothing_twice(start: Starter, tmp_path: Path) -> None:
    live, backup = tmp_path / "sla.db", tmp_path / "backup.db"
    receiver = Hook()
    try:
        c = start(f"sqlite:///{live}", FakeClock(NOW), webhooks=(receiver.url,))
        assert c.post("/events", json=LATE_P1).status_code == 200
        wait_for(lambda: len(receiver.received) == 2, "the two alerts delivered")
        wait_for(lambda: all(s == "delivered" for _, s in states(c)), "the deliveries recorded")
        # the docs' command, while the service runs (else the online backup API it names)
        sqlite3_cli = shutil.which("sqlite3")
        if sqlite3_cli is not None:
            subprocess.run([sqlite3_cli, str(live), f".backup {backup}"], check=True, timeout=60)
        else:
            with sqlite3.connect(live) as source, sqlite3.connect(backup) as target:
                source.backup(target)
        start.stop(c)
        restored = start(f"sqlite:///{backup}", FakeClock(NOW + 60), webhooks=(receiver.url,))
        timers = restored.app.state.service.timers
        wait_for(lambda: timers.seen >= NOW + 60, "a look of the timers on the restored database")
        assert [i["id"] for i in restored.get("/incidents").json()["incidents"]] == ["W-1"]
        assert len(restored.get("/alerts").json()["alerts"]) == 2
        assert states(restored) == {(redact(receiver.url), "delivered")}
        start.stop(restored)
        assert len(receiver.received) == 2  # nothing fired or posted twice
    finally:
        receiver.close()

"""An operator's QA of ``sla serve`` on PostgreSQL 15: what the start says of a database it cannot use, and how
the service waits on one that stops answering. A user short of the rights the docs ask for is refused in one
line and a help line (never the SQL, never an internal error); a database that cannot be opened is named, with
the driver's first line only and what to check; a server that takes the connection and never answers is
refused within the connect timeout; a statement waiting past its bound is answered 503 with ``Retry-After``; a
password is masked whole whatever it holds; the start's refusals are in the policy's language. Each test failed
before its fix. Nothing is timed: a wait is bounded by the service's own options (set small in the URL)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from sla_dsl import __version__
from sla_dsl.errors import InputError, UsageError
from sla_dsl.serve import Settings
from sla_dsl.serve.app import Service
from sla_dsl.serve.store import MIGRATIONS, Store, database_kind, engine_url
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, Starter, new_pg_database, tokyo

ROOT = Path(__file__).resolve().parents[2]
NOW = tokyo(2026, 11, 30, 10)
EVENT = {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "Q-1", "priority": "P3"}
#: what the docs ask of a user that does not own the database (the help line says it)
RIGHTS_JA = (
    "ヒント: ユーザーがデータベースを所有している（`createdb -O USER DB` で作る）か、所有者がこのリリースで一度起動して"
    "スキーマを最新にしたうえで、すべてのテーブルに `SELECT`、`INSERT`、`UPDATE`、`DELETE` の権限を、"
    "すべてのシーケンスに `USAGE` の権限を持っている必要があります（運用の手引き「`sla serve` の運用」の"
    "「データベース」の節）"
)
CHECK_JA = (
    "ヒント: ホスト、ポート、データベース名、ユーザー、パスワードを確かめてください。パスワードは `URL` に書くか"
    "（`postgresql://USER:PASSWORD@HOST:PORT/DB`）、`PostgreSQL` のクライアントが読む環境変数 `PGPASSWORD` "
    "かファイル `~/.pgpass` で渡します"
)


def sla(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def refusal(policies: list[Any], db: str, **settings: Any) -> InputError:
    """What the start says of ``db``: the service is not built."""
    with pytest.raises(InputError) as refused:
        Service(policies, Settings(db=db, **settings), FakeClock(NOW))
    assert not isinstance(refused.value, UsageError)  # (exit 1: the database's answer, not a flag's value)
    return refused.value


def migrated(url: str) -> None:
    """The schema of ``url`` brought up to date, as a start by its owner leaves it."""
    store = Store(url)
    store.migrate()
    store.close()


@pytest.fixture
def pg_db(pg_server: str) -> str:
    return new_pg_database(pg_server)


def as_role(server: str, url: str, *grants: str) -> str:
    """``url`` as a new role of the test server (which trusts every role), granted ``grants`` on its database."""
    role = "r_" + uuid.uuid4().hex[:10]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
    with psycopg.connect(url, autocommit=True) as conn:
        for grant in grants:
            conn.execute(grant.format(role=role))
    return url.replace("postgresql://sla@", f"postgresql://{role}@", 1)


# -- 1. a user short of the rights the docs ask for --------------------------------------------------------------
def test_a_user_who_may_not_create_the_tables_is_refused_in_a_line_and_a_help_line(
    pg_server: str, pg_db: str, policies: list[Any]
) -> None:
    # a database owned by another user: PostgreSQL 15 lets nobody else create in its schema public
    url = as_role(pg_server, pg_db)
    said = refusal(policies, url)
    # (before: `sla: internal error: ProgrammingError: (psycopg.errors.InsufficientPrivilege) ... [SQL: CREATE
    # TABLE ...] ... (this is a bug in sla ...)`, exit 3)
    assert said.lang == "ja"
    assert str(said).splitlines() == [
        f"データベース `{url}` で、サービスに要る権限がユーザーにありません：permission denied for schema public",
        RIGHTS_JA,
    ]
    r = sla("serve", str(POLICY), "--db", url, "--port", str(free_port()), "--lang", "en")
    assert r.returncode == 1, r.stderr
    assert r.stderr.splitlines() == [
        f"sla: error: the user lacks a right the service needs on the database `{url}`: "
        "permission denied for schema public",
        "help: the user must own the database (`createdb -O USER DB`), or, once its owner has brought the schema up "
        "to date by a start of this release, have `SELECT`, `INSERT`, `UPDATE` and `DELETE` on every table and "
        "`USAGE` on every sequence (the operators' guide “Running `sla serve`”, section “The database”)",
    ]


def test_a_user_who_may_only_read_and_insert_is_refused_at_the_starts_first_delete(
    pg_server: str, pg_db: str, policies: list[Any], start: Starter
) -> None:
    migrated(pg_db)  # (the owner has brought the schema up to date)
    url = as_role(
        pg_server,
        pg_db,
        "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO {role}",
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}",
    )
    said = refusal(policies, url)
    # (before: an internal error quoting `DELETE FROM webhook_holders WHERE ...`, exit 3)
    assert str(said).splitlines() == [
        f"データベース `{url}` で、サービスに要る権限がユーザーにありません：permission denied for table "
        "webhook_holders",
        RIGHTS_JA,
    ]
    # ... and with the rights the help line names, the same user serves the database
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute(f"GRANT UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {url.split('//')[1].split('@')[0]}")
    c = start(url, FakeClock(NOW), webhooks=("http://127.0.0.1:9/hook",))
    assert c.post("/events", json=EVENT).json()["stored"] == 1
    assert c.get("/healthz").json() == {"ok": True, "events": 1, "version": __version__}


def test_a_database_answering_an_error_at_start_is_refused_without_the_sql(pg_db: str, policies: list[Any]) -> None:
    # another refusal than a right (here a table the service's statements do not fit): the driver's first line
    migrated(pg_db)
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute("ALTER TABLE webhook_holders RENAME COLUMN seen TO seen_at")
    said = refusal(policies, pg_db, lang="en")
    assert str(said).splitlines() == [
        f"cannot use the database `{pg_db}`: column webhook_holders.seen does not exist",
        "help: check that `--db` names the service's own database, on a server that takes writes (not a standby)",
    ]


def test_an_sqlite_file_that_is_no_database_is_refused_naming_the_file(tmp_path: Path, policies: list[Any]) -> None:
    db = tmp_path / "sla.db"
    db.write_bytes(b"not a database, but a file of text long enough to be read as one's header" * 20)
    said = refusal(policies, f"sqlite:///{db}")
    # (before: an internal error, `DatabaseError: (sqlite3.DatabaseError) file is not a database`, exit 3)
    assert str(said) == f"データベースのファイル {db} を開けません：file is not a database"


def _sqlite_master(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_an_sqlite_file_of_another_application_is_refused_before_anything_is_written(
    tmp_path: Path, policies: list[Any]
) -> None:
    db = tmp_path / "app.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT, stamp TEXT)")
    conn.execute("INSERT INTO events (what, stamp) VALUES ('login', '2026-11-30')")
    conn.commit()
    conn.close()
    tables, data = _sqlite_master(db), db.read_bytes()
    # (before: `no such column: events.at_epoch`, once `schema_version`, `alerts`, `policies`, `webhook_deliveries`
    # and six more tables of the service were committed in the other application's file, turned to WAL)
    r = sla("serve", str(POLICY), "--db", f"sqlite:///{db}", "--port", str(free_port()))
    assert r.returncode == 1, r.stderr
    assert r.stderr == (
        f"sla: エラー: データベースのファイル {db} には、ほかのアプリケーションのテーブル（`events`）があり、"
        "`sla serve` のデータベースではないため、何も書き込まずに止めました。`--db` には新しいファイルか、"
        "`sla serve` が作ったデータベースを指定してください\n"
    )
    assert _sqlite_master(db) == tables and db.read_bytes() == data
    said = refusal(policies, f"sqlite:///{db}", lang="en")
    assert str(said) == (
        f"the database file {db} holds another application's tables (`events`), not a database of `sla serve`: "
        "nothing was written to it; give `--db` a new file, or a database `sla serve` made"
    )
    assert _sqlite_master(db) == tables and db.read_bytes() == data
    # (a relative path: the refusal says where it was looked for, as when the file cannot be opened)
    r = sla("serve", str(POLICY), "--db", f"sqlite:///{os.path.relpath(db, ROOT)}", "--port", str(free_port()))
    assert r.returncode == 1 and f"{db} には、ほかのアプリケーションのテーブル" in r.stderr, r.stderr
    assert f"は作業ディレクトリ {ROOT} からの相対パスです。" in r.stderr and "Traceback" not in r.stderr
    assert _sqlite_master(db) == tables and db.read_bytes() == data


def test_an_empty_sqlite_file_is_given_the_schema(tmp_path: Path) -> None:
    for db in (tmp_path / "empty.db", tmp_path / "no_tables.db"):
        if db.name == "empty.db":
            db.write_bytes(b"")
        else:
            with sqlite3.connect(db) as conn:
                conn.execute("PRAGMA user_version = 7")  # (a database with a header, and no table)
        store = Store(f"sqlite:///{db}")
        assert store.migrate() == MIGRATIONS[-1][0]
        store.close()
        assert "schema_version" in {name for _, name, _ in _sqlite_master(db)}


def test_a_postgresql_database_with_another_applications_events_is_refused_leaving_nothing(
    pg_db: str, policies: list[Any]
) -> None:
    # (not checked as an SQLite file is: our tables may share a database with others'; the schema steps, one
    # transaction, leave none of our tables behind when a table of the same name has other columns)
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE events (id serial PRIMARY KEY, what text, stamp text)")
    said = refusal(policies, pg_db, lang="en")
    assert str(said).startswith(f"cannot use the database `{pg_db}`: "), str(said)
    with psycopg.connect(pg_db) as conn:
        left = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    assert left == [("events",)]


# -- 2. a database that stops answering -------------------------------------------------------------------------
@pytest.fixture
def mute_server() -> Iterator[int]:
    """A port where a server takes every TCP connection and never says a word."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def take() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    taker = threading.Thread(target=take, daemon=True)
    taker.start()
    yield sock.getsockname()[1]
    stop.set()
    taker.join()
    for s in [*held, sock]:
        s.close()


def test_a_server_that_never_answers_is_refused_within_the_connect_timeout(mute_server: int) -> None:
    # (before: the start waited on it for good, its port already bound; the URL's own timeout here, the
    # service's default being 10 s)
    url = f"postgresql://sla@127.0.0.1:{mute_server}/sla?connect_timeout=2"
    r = sla("serve", str(POLICY), "--db", url, "--port", str(free_port()))
    assert r.returncode == 1, r.stderr
    assert r.stderr.splitlines() == [
        f"sla: エラー: データベース `{url}` を開けません：connection timeout expired",
        CHECK_JA,
    ]


def _connect_params(url: str) -> dict[str, Any]:
    """The options the driver is given to open ``url`` (nothing is opened)."""
    store = Store(url)
    given: dict[str, Any] = {}

    class Stop(Exception):
        pass

    def catch(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        given.update(cparams)
        raise Stop

    sa.event.listen(store.engine, "do_connect", catch)
    with pytest.raises(Stop):
        store.engine.connect()
    store.close()
    return given


def test_a_postgresql_connection_has_a_connect_timeout_and_keepalives_the_url_overrides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGCONNECT_TIMEOUT", raising=False)
    defaults = {
        "connect_timeout": 10,
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        "tcp_user_timeout": 60000,
    }
    given = _connect_params("postgresql://sla@127.0.0.1:5432/sla")
    assert {k: given.get(k) for k in defaults} == defaults  # (before: none of them: libpq's, no keepalives)
    given = _connect_params("postgresql://sla@127.0.0.1:5432/sla?connect_timeout=3&keepalives_idle=5")
    assert {k: given.get(k) for k in defaults} == {**defaults, "connect_timeout": "3", "keepalives_idle": "5"}
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "20")  # (libpq reads it when no connect_timeout is given)
    assert "connect_timeout" not in _connect_params("postgresql://sla@127.0.0.1:5432/sla")


def test_a_statement_waits_30_s_for_a_lock_unless_the_url_says_and_runs_unbounded(pg_db: str) -> None:
    """No bound on a statement's run: a report reading every event of a big database must not be refused again at
    every try as if the database were away (a bound is the operator's, through the URL or the role)."""

    def waits(url: str) -> tuple[str, str]:
        store = Store(url)
        with store.engine.connect() as conn:
            got = (
                conn.exec_driver_sql("SHOW lock_timeout").scalar(),
                conn.exec_driver_sql("SHOW statement_timeout").scalar(),
            )
        store.close()
        return str(got[0]), str(got[1])

    assert waits(pg_db) == ("30s", "0")  # (before: 0, no limit: a request waited as long as the lock)
    assert waits(pg_db + "?options=-c%20lock_timeout%3D7s") == ("7s", "0")
    assert waits(pg_db + "?options=-c%20statement_timeout%3D300s") == ("30s", "5min")


def test_a_request_waiting_past_its_bound_is_answered_503_and_said(
    start: Starter, pg_db: str, caplog: pytest.LogCaptureFixture
) -> None:
    # a database that stops answering the service's statements: a lock another session holds on the events
    c = start(pg_db + "?options=-c%20lock_timeout%3D300ms", FakeClock(NOW))
    assert c.post("/events", json=EVENT).status_code == 200
    caplog.set_level(logging.WARNING, logger="sla.serve")
    holder = psycopg.connect(pg_db)
    holder.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
    release = threading.Timer(60.0, holder.rollback)  # (a test that fails does not wait for good)
    release.start()
    try:
        health = c.get("/healthz")
        posted = c.post("/events", json={**EVENT, "id": "Q-2"})
    finally:
        release.cancel()
        holder.rollback()
        holder.close()
    # (before: /healthz answered 503 without `Retry-After`, which the docs promise on every route)
    assert (health.status_code, health.headers.get("retry-after")) == (503, "5")
    assert health.json()["ok"] is False and health.json()["error"] == "database unavailable"
    assert (posted.status_code, posted.headers.get("retry-after")) == (503, "5")
    said = [r.getMessage() for r in caplog.records]
    assert any(
        s.startswith("GET /healthz：データベースを使えないため 503 で応答しました：OperationalError ")
        and "SQLSTATE 55P03" in s
        for s in said
    ), said
    assert c.get("/healthz").json() == {"ok": True, "events": 1, "version": __version__}


# -- 3. a password masked whole ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://sla:pa/ss@host:99999/sla", "postgresql://sla:***@host:99999/sla"),
        ("postgresql://sla:p@ssword@host:99999/sla", "postgresql://sla:***@host:99999/sla"),
        ("postgresql://sla@host:99999/sla?password=secret", "postgresql://sla@host:99999/sla?password=***"),
    ],
)
def test_a_password_is_masked_whole_whatever_it_holds(url: str, shown: str) -> None:
    # (before: `pa/ss` shown whole, `p@ssword` as `***@ssword`)
    with pytest.raises(UsageError) as refused:
        engine_url(url, "en")
    assert str(refused.value) == f"--db `{shown}` cannot be read: the port 99999 is not a number from 1 to 65535"


@pytest.mark.parametrize("password", ["p@zzword", "p@zz/w?rd"])
def test_a_password_holding_an_at_sign_shows_no_part_of_itself(password: str, policies: list[Any]) -> None:
    # SQLAlchemy ends the password at its first `@` and takes the rest for the host (`zzword@127.0.0.1`, `zz`),
    # whose name the driver's own line would quote
    port = free_port()
    url = f"postgresql://sla:{password}@127.0.0.1:{port}/sla"
    said = str(refusal(policies, url))
    assert not any(part in said or part in database_kind(url) for part in ("zz", "w?rd")), said
    assert said.splitlines() == [
        f"データベース `postgresql://sla:***@127.0.0.1:{port}/sla` を開けません：パスワードの中の `@` が "
        "`%40` と書かれていないため、その後ろをホストとして読みました（`URL` のパスワードでは `@` を `%40`、`%` を "
        "`%25` と書きます）",
        CHECK_JA,
    ]
    assert database_kind(url) == f"PostgreSQL 127.0.0.1:{port}/sla"


# -- 4. the start's refusals in the policy's language -----------------------------------------------------------
def test_a_database_newer_than_the_program_is_refused_in_the_policys_language(db_url: str, policies: list[Any]) -> None:
    migrated(db_url)
    engine = sa.create_engine(engine_url(db_url))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    newest = MIGRATIONS[-1][0]
    # (before: `the database has schema version 99, newer than this program's 3: upgrade sla-dsl`, with `error:`;
    # then without a word for the operator who went back to an earlier release on purpose)
    said = refusal(policies, db_url)
    assert said.lang == "ja"
    assert str(said) == (
        f"データベース `{db_url}` のスキーマの版 99 は、このプログラムの版 {newest} より新しいものです："
        "`sla-dsl` を更新してください（前のリリースに戻したのであれば、新しいリリースがこのデータベースで最初に"
        "起動する前に取ったバックアップを戻してください）"
    )
    said = refusal(policies, db_url, lang="en")
    assert str(said) == (
        f"the database `{db_url}` has schema version 99, newer than this program's {newest}: upgrade sla-dsl "
        "(to go back to an earlier release, restore the backup taken before the newer one first started on it)"
    )


def test_a_stored_version_that_no_longer_compiles_is_refused_in_the_policys_language(
    tmp_path: Path, policies: list[Any]
) -> None:
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    store = Store(db)
    store.migrate()
    store.add_policy("2027.1", "x", dt.date(2027, 1, 1), 'policy "x" {\n  version 2027.1\n}\n', NOW)
    store.close()
    said = refusal(policies, db)
    assert said.lang == "ja"
    assert str(said) == (
        "データベースに保存したポリシーの版をコンパイルできなくなりました：<stored policy>:1:1: error: [E016] "
        "どのブロックにも属さない `policy` があります"
    )
    r = sla("serve", str(POLICY), "--db", db, "--port", str(free_port()))
    assert r.returncode == 1 and r.stderr.startswith("sla: エラー: データベースに保存したポリシーの版を"), r.stderr


# -- 5. a PostgreSQL database that cannot be opened --------------------------------------------------------------
def test_a_postgresql_database_not_opened_is_named_in_one_line_with_what_to_check(policies: list[Any]) -> None:
    port = free_port()  # (nothing listens there: the driver's message has a second line, its hint)
    url = f"postgresql://sla:secret@127.0.0.1:{port}/sla"
    said = refusal(policies, url)
    # (before: `データベースを開けません：connection failed: ...` and the driver's second line, naming no database)
    assert str(said).splitlines() == [
        f"データベース `postgresql://sla:***@127.0.0.1:{port}/sla` を開けません：connection failed: connection to "
        f'server at "127.0.0.1", port {port} failed: Connection refused',
        CHECK_JA,
    ]


def test_a_postgresql_database_that_does_not_exist_is_named(pg_server: str, policies: list[Any]) -> None:
    url = pg_server.rsplit("/", 1)[0] + "/no_such_db"
    said = refusal(policies, url, lang="en")
    assert str(said).splitlines()[0] == (
        f'cannot open the database `{url}`: connection failed: connection to server at "127.0.0.1", port '
        f'{url.split(":")[2].split("/")[0]} failed: FATAL:  database "no_such_db" does not exist'
    )
    assert str(said).splitlines()[1].startswith("help: check the host, the port, the database's name")


# -- 6. what the log says of a database reached through a Unix socket -------------------------------------------
def test_a_unix_socket_is_named_by_its_directory_and_port() -> None:
    # (before: `PostgreSQL localhost/sla`)
    assert database_kind("postgresql://sla:pw@/sla?host=/run/pg&port=5433") == "PostgreSQL /run/pg:5433/sla"
    assert database_kind("postgresql://sla@/sla?host=/run/postgresql") == "PostgreSQL /run/postgresql/sla"
    assert database_kind("postgresql://sla@127.0.0.1:5432/sla") == "PostgreSQL 127.0.0.1:5432/sla"

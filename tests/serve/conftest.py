"""Fixtures of the ``sla serve`` tests: a database per test, SQLite or a real PostgreSQL.

PostgreSQL is started once per session from the machine's own binaries
(``initdb``/``pg_ctl`` on PATH, or Debian's ``/usr/lib/postgresql/<ver>/bin``)
in a temporary directory, listening on 127.0.0.1 only. PostgreSQL refuses to
run as root, so under root the cluster belongs to ``nobody`` and its commands
run through ``runuser``. Without the binaries the PostgreSQL half of the tests
skips and says why (``.ci/run`` installs Debian's ``postgresql``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install -e '.[test]')")

from fastapi.testclient import TestClient

from sla_dsl.policy import load_policies
from sla_dsl.serve import Settings, create_app
from sla_dsl.serve.tracking import Clock, FakeClock

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
TOKYO = dt.timezone(dt.timedelta(hours=9))


def tokyo(*args: int) -> float:
    """POSIX seconds of a Tokyo wall time."""
    return dt.datetime(*args, tzinfo=TOKYO).timestamp()  # type: ignore[misc]


def _pg_bindir() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server of our own on 127.0.0.1: the URL of its ``postgres`` database."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL is not installed: no initdb on PATH or in /usr/lib/postgresql/*/bin "
            "(.ci/run installs it: apt-get install postgresql)"
        )
    base = Path(tempfile.mkdtemp(prefix="sla-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            shutil.rmtree(base)
            pytest.skip("running as root and no `runuser` to start PostgreSQL as an unprivileged user")
        nobody = pwd.getpwnam("nobody")
        os.chown(base, nobody.pw_uid, nobody.pw_gid)
        prefix = [runuser, "-u", "nobody", "--"]
    data, log = base / "data", base / "server.log"
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8"}

    def run(*cmd: str) -> None:
        proc = subprocess.run([*prefix, *cmd], capture_output=True, text=True, env=env, cwd=base, timeout=120)
        if proc.returncode != 0:
            logged = log.read_text() if log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stdout}{proc.stderr}{logged}")

    run(str(bindir / "initdb"), "-D", str(data), "-U", "sla", "--auth=trust", "-E", "UTF8", "--no-sync")
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={base} -c fsync=off"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(log), "-w", "start")
    try:
        yield f"postgresql://sla@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True, cwd=base
        )
        shutil.rmtree(base, ignore_errors=True)


def new_pg_database(server: str) -> str:
    """A fresh empty database on the test server; its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server.replace("postgresql://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sla.db'}"
    return new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="session")
def policies() -> list[Any]:
    return load_policies([str(POLICY)])


class Starter:
    """Starts apps on a database (``start(db, clock=..., **settings)``) and stops them all at the end."""

    def __init__(self, policies: list[Any]) -> None:
        self.policies = policies
        self.clients: list[TestClient] = []

    def __call__(
        self, db: str, clock: Clock | None = None, pols: list[Any] | None = None, **settings: Any
    ) -> TestClient:
        settings.setdefault("tick", 0.02)
        settings.setdefault("backoff", 0.05)
        app = create_app(
            pols or self.policies, Settings(db=db, **settings), clock or FakeClock(tokyo(2026, 11, 30, 10))
        )
        client = TestClient(app)
        client.__enter__()
        self.clients.append(client)
        return client

    def stop(self, client: TestClient) -> None:
        """Shut an app down (its lifespan ends), as a restart would."""
        if client in self.clients:
            self.clients.remove(client)
            client.__exit__(None, None, None)

    def close(self) -> None:
        for c in list(self.clients):
            self.stop(c)


@pytest.fixture
def start(policies: list[Any]) -> Iterator[Starter]:
    """A :class:`Starter`; every app it started is stopped after the test."""
    starter = Starter(policies)
    yield starter
    starter.close()


def wait_for(check: Callable[[], Any], what: str, seconds: float = 60.0) -> Any:
    """Poll ``check`` until it returns something true (the background tasks run on their own).

    The limit only catches a task that never gets there: on a loaded two-core
    machine with a database server beside it, a background step can take seconds.
    """
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {seconds:g} s (last: {value!r})")
        time.sleep(0.02)


@contextlib.contextmanager
def under_uvicorn(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on 127.0.0.1 (a free port) in a thread, for a real browser: its base URL;
    stopped on leaving."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)

"""A PostgreSQL server that stops answering: the connections waiting on it given up, not waited on for good.

Design notes
------------
* A server frozen (``kill -STOP``, a paused virtual machine, storage that
  hangs) leaves its host's kernel acknowledging TCP: the connection's
  keepalives and ``tcp_user_timeout`` never fire, and ``lock_timeout`` or
  ``statement_timeout`` are the server's own, which it no longer runs. A
  statement sent to it waits for good, and so does every request, timer
  or sender that waits on it (the tracker's lock, the pool).
* So the service watches its own connections (:class:`Watchdog`, one thread
  a store): each connection is noted when it is taken from the pool, until
  it is given back (the rollback of its return included). A connection
  taken for half the bound (``--db-stall``, :data:`DB_STALL` seconds) or
  longer makes the thread ask the server whether it answers: a new
  connection, no statement, given the other half of the bound (at least
  2 s, the least the driver waits). The server answers (or refuses: an
  answer too): it works, and the statement is only long (a report reading
  every stored event): nothing is cut, as how long a statement runs is not
  bounded by the service (``statement_timeout`` is the operator's). No
  answer within it: the server is taken for stalled. The sockets of the
  connections taken are shut down (the thread waiting on one gets the
  driver's error at once; the connection is thrown away, not given back to
  the pool, and SQLAlchemy throws away the pool's others made before it),
  and a new connection is refused at once (no ``connect_timeout`` waited
  each time) until a new connection is answered again, which the thread
  asks every second. A new connection made meanwhile, before the server
  is taken for stalled, waits at most the bound as well (its
  ``connect_timeout`` lowered to it when longer, or none). Every request meanwhile is answered 503, as while the
  database is away.
* The log says it when it begins, naming the database (never its user or
  password: :func:`.store.database_kind`) and the bound, and when it is
  over, in the log's language.
* What was being written when its socket was shut down was committed or
  not, as the server decides once it runs again (its transaction, one a
  batch, is all or nothing): a client that retries the same events gets
  the ones stored counted as duplicates (ingest's keys).
* One thread a store, which ends with it (it holds the watchdog by a weak
  reference); the probe is made by that thread, one at a time: nothing
  piles up however long the server stays frozen.
* SQLite has no server to freeze: a file locked by another process is waited
  on for 30 s at most (its busy wait), then answered 503.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from ..i18n import message

LOG = logging.getLogger("sla.serve")

#: How long (seconds) the service waits on a PostgreSQL server that answers nothing before it gives up the
#: connections waiting on it (``--db-stall``).
DB_STALL = 30.0
#: The least time (seconds) the driver waits for a new connection to be answered (its ``connect_timeout``).
_LEAST_PROBE = 2


class Watchdog:
    """Gives up the connections of ``engine`` that wait on a server answering nothing for ``bound`` seconds (see
    the module's notes). ``probe(seconds)`` opens and closes a new connection, outside the pool, waiting at
    most that long; ``database``: the database as the log names it; ``lang``: the log's language."""

    def __init__(self, engine: sa.Engine, probe: Callable[[int], None], bound: float, database: str, lang: str) -> None:
        self.bound = bound
        self.database = database
        self.lang = lang
        self._probe = probe
        #: the connections taken from the pool: by the pool's record, the driver's connection and since when
        self._taken: dict[Any, tuple[Any, float]] = {}
        self._lock = threading.Lock()
        #: since when (monotonic) the server answers nothing; None while it answers
        self._since: float | None = None
        #: when (monotonic) a probe was last answered
        self._answered = -math.inf
        self._stop = threading.Event()
        sa.event.listen(engine, "connect", self._took, insert=True)  # (a new one's own statements: the waits)
        sa.event.listen(engine, "checkout", self._took)
        sa.event.listen(engine, "checkin", self._gave_back)
        sa.event.listen(engine, "do_connect", self._connecting)
        thread = threading.Thread(
            target=_watch, args=(weakref.ref(self), self._stop), name="sla-db-watchdog", daemon=True
        )
        thread.start()

    @property
    def stalled(self) -> bool:
        """Whether the server is taken for stalled (a new connection is refused at once)."""
        return self._since is not None

    def stop(self) -> None:
        """The store is closed: the thread ends."""
        self._stop.set()

    def _took(self, dbapi_connection: Any, record: Any, *_: Any) -> None:
        with self._lock:
            self._taken[record] = (dbapi_connection, time.monotonic())

    def _gave_back(self, _dbapi_connection: Any, record: Any) -> None:
        with self._lock:
            self._taken.pop(record, None)

    def _connecting(self, dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        """A new connection: refused at once while the server is stalled, as the driver refuses one (a 503);
        else waiting at most the bound (at least 2 s) to be answered, whatever its ``connect_timeout``
        (the URL's, ``PGCONNECT_TIMEOUT``, none): a connection made while the server freezes is not waited
        on longer than one taken from the pool."""
        if self._since is not None:
            said = message("serve.db.stalled.refused", self.lang, seconds=f"{self.bound:g}")
            raise dialect.loaded_dbapi.OperationalError(said)
        given = cparams.get("connect_timeout", os.environ.get("PGCONNECT_TIMEOUT"))
        try:
            wait = float(given) if given is not None else 0.0
        except ValueError:  # (the driver refuses it in its own words)
            return
        most = max(_LEAST_PROBE, math.ceil(self.bound))
        if wait <= 0 or wait > most:
            cparams["connect_timeout"] = most

    def look(self) -> float:
        """One look (the thread's): how long to sleep before the next."""
        tick = min(1.0, self.bound / 4)
        now = time.monotonic()
        if self._since is not None:
            if self._answers():
                since, self._since = self._since, None
                self._answered = time.monotonic()
                said = message(
                    "serve.db.answers_again",
                    self.lang,
                    database=self.database,
                    seconds=f"{time.monotonic() - since:.0f}",
                )
                LOG.warning("%s", said)
            return tick
        half = self.bound / 2
        with self._lock:
            for record in [r for r, (conn, _) in self._taken.items() if _closed(conn)]:  # (a new one that failed)
                del self._taken[record]
            taken = list(self._taken.values())
        oldest = min((since for _, since in taken), default=None)
        if oldest is None or now - oldest < half or now - self._answered < half:
            return tick
        if self._answers():
            self._answered = time.monotonic()
            return tick
        self._since = oldest
        with self._lock:  # (those taken meanwhile wait on the same server)
            taken = [(conn, since) for conn, since in self._taken.values() if not _closed(conn)]
        cut = sum(_shut(conn) for conn, _ in taken)
        said = message("serve.db.stalled", self.lang, database=self.database, seconds=f"{self.bound:g}", count=cut)
        LOG.error("%s", said)
        return tick

    def _answers(self) -> bool:
        """Whether the server answers a new connection within half the bound (at least 2 s): an error it
        answers (too many connections, a password refused) is an answer; no answer in time is not."""
        seconds = max(_LEAST_PROBE, math.ceil(self.bound / 2))
        began = time.monotonic()
        try:
            self._probe(seconds)
        except Exception as exc:
            timed_out = type(exc).__name__ == "ConnectionTimeout" or "timeout expired" in str(exc)
            return not timed_out and time.monotonic() - began < seconds
        return True


def _watch(ref: weakref.ref[Watchdog], stop: threading.Event) -> None:
    """The watchdog's thread: a look, a sleep, until its store is closed or gone."""
    while True:
        dog = ref()
        if dog is None:
            return
        try:
            pause = dog.look()
        except Exception as exc:  # (never the end of the watch: said, and looked at again)
            LOG.error("%s", message("serve.db.watch_failed", dog.lang, error=type(exc).__name__))
            pause = 1.0
        del dog
        if stop.wait(pause):
            return


def _closed(conn: Any) -> bool:
    return bool(getattr(conn, "closed", True))


def _shut(conn: Any) -> bool:
    """Shut down the socket of a driver's connection (from another thread than the one waiting on it: that one
    wakes with the driver's error, and the connection is thrown away); False when it has none any more."""
    try:
        if conn.closed:
            return False
        sock = socket.socket(fileno=os.dup(conn.pgconn.socket))
    except Exception:  # (closed meanwhile)
        return False
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        return False
    finally:
        sock.close()
    return True

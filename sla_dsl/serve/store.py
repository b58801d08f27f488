"""The service's storage: events, alerts and their webhook deliveries, policy versions.

Design notes
------------
* **SQLAlchemy 2 Core**, not psycopg with plain SQL: the same statements run on
  SQLite (the default, one file, nothing to install) and on PostgreSQL (a real
  deployment), and the one place where the dialects differ -- "insert unless
  this key is already stored" -- is SQLAlchemy's ``on_conflict_do_nothing`` on
  both. Plain psycopg would mean a second SQL text per statement for SQLite.
  No ORM: the rows are few and flat, and the evaluator wants bytes, not objects.
* **Migrations**: a small table ``schema_version`` and a list of numbered steps
  (:data:`MIGRATIONS`), each applied once, in order, in one transaction with
  its version bump. Alembic would add an ini file, a script folder and a
  second command for operators; four tables do not need it. A database newer
  than this program is refused rather than guessed at.
* **Idempotent ingestion**: each event is stored as its canonical JSON (keys
  sorted) with the SHA-256 of that text as a unique key; an exact duplicate is
  skipped by the database itself, so two servers or a retried request cannot
  store it twice. A batch is one transaction: all of it or nothing.
* **Alerts are an outbox**: firing a timer inserts the alert (unique on kind,
  item and instant) and one delivery row per webhook in one transaction; the
  sender marks a delivery done only after the receiver answered 2xx. So after
  a crash nothing fired is lost and nothing is fired twice (a delivery may be
  posted again if the crash fell between the answer and the mark: receivers
  dedupe on the alert's ``id``).
* SQLite runs in WAL mode with ``synchronous=NORMAL``: an acknowledged commit
  survives the process being killed (``kill -9``); for power loss as well, use
  PostgreSQL or set ``synchronous=FULL``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import InputError

META = sa.MetaData()

EVENTS = sa.Table(
    "events",
    META,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("family", sa.String(16), nullable=False),
    sa.Column("ident", sa.Text(), nullable=False),
    sa.Column("event", sa.String(40), nullable=False),
    sa.Column("at_epoch", sa.Float(), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),
    sa.Column("received", sa.Float(), nullable=False),
    sa.Index("events_by_item", "family", "ident"),
    sa.Index("events_by_instant", "at_epoch"),
)

ALERTS = sa.Table(
    "alerts",
    META,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(300), nullable=False, unique=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("item", sa.Text(), nullable=False),
    sa.Column("instant", sa.Float(), nullable=False),
    sa.Column("fired", sa.Float(), nullable=False),
    sa.Column("payload", sa.Text(), nullable=False),
)

DELIVERIES = sa.Table(
    "deliveries",
    META,
    sa.Column("alert_id", sa.BigInteger(), sa.ForeignKey("alerts.id"), primary_key=True),
    sa.Column("url", sa.Text(), primary_key=True),
    sa.Column("attempts", sa.Integer(), nullable=False, default=0),
    sa.Column("next_try", sa.Float(), nullable=False),
    sa.Column("delivered", sa.Float(), nullable=True),
    sa.Column("last_error", sa.Text(), nullable=True),
)

POLICIES = sa.Table(
    "policies",
    META,
    sa.Column("version", sa.Text(), primary_key=True),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("effective", sa.Date(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("added", sa.Float(), nullable=False),
)

SCHEMA_VERSION = sa.Table("schema_version", META, sa.Column("version", sa.Integer(), nullable=False))

#: Numbered schema steps; a step is never edited once released, only new ones added.
MIGRATIONS: tuple[tuple[int, tuple[sa.Table, ...]], ...] = ((1, (EVENTS, ALERTS, DELIVERIES, POLICIES)),)


@dataclass(frozen=True, slots=True)
class EventRow:
    """One validated event, ready to store."""

    key: str
    family: str
    ident: str
    event: str
    at_epoch: float
    body: str


@dataclass(frozen=True, slots=True)
class Delivery:
    """One pending webhook delivery of one alert."""

    alert_id: int
    url: str
    attempts: int
    payload: str


def redact(url: str) -> str:
    """A webhook URL as it may be shown: ``scheme://host[:port]`` (no user, password, path or query,
    where receivers keep their secrets)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:  # a port that is not a number: the host part alone
        parts = urlsplit(url.split("?", 1)[0].split("#", 1)[0])
        host, port = parts.netloc.rpartition("@")[2].rpartition(":")[0], None
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


def engine_url(url: str) -> str:
    """The SQLAlchemy URL of a ``--db`` value (``postgresql://`` uses psycopg 3)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith(("sqlite:///", "postgresql+psycopg://")) or url == "sqlite://":
        return url
    raise InputError(f"unsupported database URL `{url.split(':', 1)[0]}:...`")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store:
    """The database behind ``sla serve``; every method is one short transaction."""

    def __init__(self, url: str) -> None:
        self.url = engine_url(url)
        self.dialect = "sqlite" if self.url.startswith("sqlite") else "postgresql"
        kwargs: dict[str, Any] = {}
        if self.dialect == "sqlite":
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_size"] = 8
        try:
            self.engine = sa.create_engine(self.url, **kwargs)
        except (sa.exc.ArgumentError, ImportError) as exc:
            raise InputError(f"cannot use the database: {exc}") from None
        if self.dialect == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        # SQLite has one writer at a time; a second one waits in its busy handler,
        # which sleeps in steps of up to 100 ms. Writers of this process queue here instead.
        self._write = threading.Lock() if self.dialect == "sqlite" else contextlib.nullcontext()

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def _insert(self, table: sa.Table) -> Any:
        return (sqlite.insert if self.dialect == "sqlite" else postgresql.insert)(table)

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> int:
        """Bring the schema to the newest version; return it."""
        try:
            with self._write, self.engine.begin() as conn:
                SCHEMA_VERSION.create(conn, checkfirst=True)
                current = conn.execute(sa.select(sa.func.max(SCHEMA_VERSION.c.version))).scalar() or 0
                newest = MIGRATIONS[-1][0]
                if current > newest:
                    raise InputError(
                        f"the database has schema version {current}, newer than this program's {newest}: "
                        "upgrade sla-dsl"
                    )
                for number, tables in MIGRATIONS:
                    if number > current:
                        for table in tables:
                            table.create(conn, checkfirst=True)
                        conn.execute(sa.delete(SCHEMA_VERSION))
                        conn.execute(sa.insert(SCHEMA_VERSION).values(version=number))
                        current = number
        except sa.exc.OperationalError as exc:
            raise InputError(f"cannot open the database: {exc.orig}") from None
        return current

    # -- events ---------------------------------------------------------------------------
    def add_events(self, rows: Sequence[EventRow], received: float) -> int:
        """Store a batch in one transaction; return how many were new (the rest were duplicates)."""
        if not rows:
            return 0
        values = [
            {
                "key": r.key,
                "family": r.family,
                "ident": r.ident,
                "event": r.event,
                "at_epoch": r.at_epoch,
                "body": r.body,
                "received": received,
            }
            for r in rows
        ]
        stmt = self._insert(EVENTS).on_conflict_do_nothing(index_elements=["key"]).returning(EVENTS.c.seq)
        with self._write, self.engine.begin() as conn:
            # RETURNING names only the rows inserted: the duplicates are the rest.
            return len(conn.execute(stmt, values).all())

    def revision(self) -> tuple[int, int]:
        """(number of events, highest sequence number): changes whenever an event is stored."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(sa.func.count(), sa.func.max(EVENTS.c.seq))).one()
        return int(row[0] or 0), int(row[1] or 0)

    def bodies(self) -> list[str]:
        """The stored events' JSON texts in arrival order."""
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(EVENTS.c.body).order_by(EVENTS.c.seq)).scalars())

    def changes_since(self, seq: int | None) -> tuple[list[tuple[str, str]], int, int]:
        """The (family, id) of every event stored after sequence number ``seq`` (every event if
        None), the highest sequence number seen, and the number of events stored."""
        with self.engine.begin() as conn:
            q = sa.select(EVENTS.c.family, EVENTS.c.ident, EVENTS.c.seq)
            rows = conn.execute(q if seq is None else q.where(EVENTS.c.seq > seq)).all()
            count = int(conn.execute(sa.select(sa.func.count()).select_from(EVENTS)).scalar() or 0)
        top = max((int(r[2]) for r in rows), default=0 if seq is None else seq)
        return [(str(f), str(i)) for f, i, _ in rows], top, count

    def item_events(self, family: str, idents: Iterable[str]) -> list[tuple[int, str, float, str]]:
        """(sequence number, id, instant, JSON text) of every stored event of these ids of ``family``."""
        wanted = sorted(set(idents))
        out: list[tuple[int, str, float, str]] = []
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                q = sa.select(EVENTS.c.seq, EVENTS.c.ident, EVENTS.c.at_epoch, EVENTS.c.body).where(
                    EVENTS.c.family == family, EVENTS.c.ident.in_(wanted[i : i + 500])
                )
                out.extend((int(n), str(d), float(a), str(b)) for n, d, a, b in conn.execute(q))
        return out

    def family_events(self, family: str) -> list[tuple[int, str, float, str]]:
        """(sequence number, id, instant, JSON text) of every stored event of ``family``, in one read,
        in sequence order (rows as the driver gives them: the columns' types are already these)."""
        with self.engine.connect() as conn:
            q = (
                sa.select(EVENTS.c.seq, EVENTS.c.ident, EVENTS.c.at_epoch, EVENTS.c.body)
                .where(EVENTS.c.family == family)
                .order_by(EVENTS.c.seq)
            )
            return cast(list[tuple[int, str, float, str]], conn.execute(q).all())

    def first_instant(self, after: float | None = None) -> float | None:
        """The earliest event instant stored (after ``after`` when given: an event sent a little ahead of
        the clock)."""
        q = sa.select(sa.func.min(EVENTS.c.at_epoch))
        if after is not None:
            q = q.where(EVENTS.c.at_epoch > after)
        with self.engine.connect() as conn:
            value = conn.execute(q).scalar()
        return float(value) if value is not None else None

    def event_keys(self) -> set[str]:
        """Every stored event's key (for the crash benchmark and tests)."""
        with self.engine.connect() as conn:
            return {str(k) for k in conn.execute(sa.select(EVENTS.c.key)).scalars()}

    # -- alerts ---------------------------------------------------------------------------
    def fired_keys(self) -> set[str]:
        """The keys of every alert already fired."""
        with self.engine.connect() as conn:
            return {str(k) for k in conn.execute(sa.select(ALERTS.c.key)).scalars()}

    def fire(
        self, key: str, kind: str, item: str, instant: float, fired: float, payload: str, urls: Sequence[str]
    ) -> int | None:
        """Record an alert and its deliveries; its id, or None if it was fired before."""
        stmt = (
            self._insert(ALERTS)
            .values(key=key, kind=kind, item=item, instant=instant, fired=fired, payload=payload)
            .on_conflict_do_nothing(index_elements=["key"])
            .returning(ALERTS.c.id)
        )
        with self._write, self.engine.begin() as conn:
            alert_id = conn.execute(stmt).scalar()
            if alert_id is None:
                return None
            if urls:
                conn.execute(
                    sa.insert(DELIVERIES),
                    [{"alert_id": alert_id, "url": u, "attempts": 0, "next_try": fired} for u in urls],
                )
        return int(alert_id)

    def alerts(self, limit: int = 200) -> list[dict[str, Any]]:
        """The latest alerts, newest first, with their delivery state."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(ALERTS).order_by(ALERTS.c.id.desc()).limit(limit)).mappings().all()
            ids = [r["id"] for r in rows]
            deliveries: dict[int, list[dict[str, Any]]] = {}
            if ids:
                for d in conn.execute(sa.select(DELIVERIES).where(DELIVERIES.c.alert_id.in_(ids))).mappings():
                    deliveries.setdefault(int(d["alert_id"]), []).append(
                        {"url": redact(d["url"]), "attempts": d["attempts"], "delivered": d["delivered"] is not None}
                    )
        return [{**dict(r), "deliveries": deliveries.get(int(r["id"]), [])} for r in rows]

    def due_deliveries(self, now: float, limit: int = 50) -> list[Delivery]:
        """Deliveries not yet done whose next try is due."""
        q = (
            sa.select(DELIVERIES.c.alert_id, DELIVERIES.c.url, DELIVERIES.c.attempts, ALERTS.c.payload)
            .join(ALERTS, ALERTS.c.id == DELIVERIES.c.alert_id)
            .where(DELIVERIES.c.delivered.is_(None), DELIVERIES.c.next_try <= now)
            .order_by(DELIVERIES.c.next_try)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [Delivery(int(a), str(u), int(n), str(p)) for a, u, n, p in conn.execute(q)]

    def pending_deliveries(self) -> int:
        """How many deliveries are not done yet."""
        with self.engine.connect() as conn:
            q = sa.select(sa.func.count()).select_from(DELIVERIES).where(DELIVERIES.c.delivered.is_(None))
            return int(conn.execute(q).scalar() or 0)

    def delivered(self, d: Delivery, now: float) -> None:
        """Mark a delivery done."""
        with self._write, self.engine.begin() as conn:
            conn.execute(
                sa.update(DELIVERIES)
                .where(DELIVERIES.c.alert_id == d.alert_id, DELIVERIES.c.url == d.url)
                .values(delivered=now, attempts=d.attempts + 1, last_error=None)
            )

    def failed(self, d: Delivery, next_try: float, error: str) -> None:
        """Count a failed attempt and set when to try again."""
        with self._write, self.engine.begin() as conn:
            conn.execute(
                sa.update(DELIVERIES)
                .where(DELIVERIES.c.alert_id == d.alert_id, DELIVERIES.c.url == d.url)
                .values(attempts=d.attempts + 1, next_try=next_try, last_error=error[:500])
            )

    # -- policy versions added over HTTP --------------------------------------------------
    def add_policy(self, version: str, name: str, effective: dt.date, text: str, added: float) -> bool:
        """Store a policy version's text; False if that version is already stored."""
        stmt = (
            self._insert(POLICIES)
            .values(version=version, name=name, effective=effective, text=text, added=added)
            .on_conflict_do_nothing(index_elements=["version"])
        )
        with self._write, self.engine.begin() as conn:
            return bool(conn.execute(stmt).rowcount)

    def policy_texts(self) -> list[str]:
        """The texts of the versions added over HTTP, oldest first."""
        with self.engine.connect() as conn:
            return [str(t) for t in conn.execute(sa.select(POLICIES.c.text).order_by(POLICIES.c.added)).scalars()]

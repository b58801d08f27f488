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
  second command for operators; a few tables do not need it. A database newer
  than this program is refused rather than guessed at. A step creates or
  alters tables as they were when it was released (step 1's are kept as
  :data:`V1`), so a new database goes through every step as an old one does
  and both end alike; :data:`META` is the tables as the last step leaves them.
  A table that is only added and that no release before it reads
  (:data:`SERVED`) takes no step: it is created at start when missing
  (:data:`ADDED`), so the release before can still open the database (a
  step would make it refuse it as newer).
* **What was served is remembered** (``served_versions``): the text of each
  policy version the service has judged with, from the first start that
  served it (a database made before the table records the texts of the start
  that creates it). An edited version under the same ``version`` would judge
  every stored event again under other rules (due times move, and the
  alerts, whose key holds the due instant, fire again), so ``sla serve``
  refuses to start with a text whose meaning differs from the one stored
  (:meth:`.app.Service`); a text that differs in layout or comments only is
  taken and stored in its place. The text (not a hash of it) is kept so the
  refusal can say what changed. Once a version is served, a new one whose
  ``effective`` date has begun is refused at start too. A row whose
  ``text_digest`` is empty is one the operator wrote to accept a version on
  purpose: the next start stores the text it finds in its place, and in the
  same transaction notes in ``accepted_versions`` (:data:`ACCEPTED`) from
  when the alerts fired are to be judged again under it. The timers judge
  them at their first look and withdraw those the versions now served do not
  have (:mod:`.alerts`); the row is deleted only once every one was judged
  and its withdrawal recorded, so a start that stops (or dies) before that
  leaves it to the next start, and several servers starting at once judge
  them each (a withdrawal is recorded once, as every alert).
* **A batch stored is looked at even if the server dies first.** The
  timers check the alerts fired against the events stored after them
  (:mod:`.alerts`: an event dated at or before an alert's instant that
  arrived late withdraws an alert it makes wrong), but a server killed
  between the commit of a batch and its timers' look would leave it
  unchecked for good: a start takes every event stored before it for
  looked at. So the transaction that stores a batch also notes the range
  of its sequence numbers in ``unchecked_batches`` (:data:`UNCHECKED`),
  and a note is deleted only by timers that read it before their look,
  judged every alert of the items with new events and recorded each
  withdrawal that made (:meth:`Store.checked`). A start looks again at
  the items of the notes left (:meth:`Store.unchecked_items`), and at
  nothing else: a big database starts as fast. The note names the batch,
  not a high-water mark of the sequence: on PostgreSQL a transaction may
  commit a lower number after a higher one was read, and a mark would
  count it as looked at. The table is only added (:data:`ADDED`).
* **No text a user gives can make a write fail** (step 3): an id has no
  length limit (an event line has 1 MiB), nor has a policy's version or a
  type it declares, while PostgreSQL refuses a value over a ``varchar(n)``
  and a B-tree index entry over 2,704 bytes. So no such text is in a bounded
  column, and none in a B-tree index: an alert and a policy version are unique
  by the SHA-256 of their key and version (:func:`digest`, a ``digest``
  column; the readable key is kept for the webhooks and ``GET /alerts``), and
  an item's events are found through a hash index of the id on PostgreSQL.
  SQLite limits none of these, and keeps its columns and indexes of step 1.
* **Idempotent ingestion**: each event is stored as its canonical JSON (keys
  sorted) with the SHA-256 of that text as a unique key; an exact duplicate is
  skipped by the database itself, so two servers or a retried request cannot
  store it twice. A batch is one transaction: all of it or nothing.
* **Alerts are an outbox**: firing a timer inserts the alert (unique by its
  key, which names its kind, target, item and instant) and one delivery row
  per webhook in one transaction; the
  sender marks a delivery done only after the receiver answered 2xx. So after
  a crash nothing fired is lost and nothing is fired twice (a delivery may be
  posted again if the crash fell between the answer and the mark: receivers
  dedupe on the alert's ``id``). A withdrawal (an alert a later event made
  wrong: :mod:`.alerts`) is an alert as well, unique by its key; the same
  transaction marks the deliveries of the alert it withdraws that were not
  posted ``withdrawn`` (never posted), so a receiver gets both or neither.
* **A webhook is stored by its fingerprint, never by its URL** (step 2 of the
  schema): a URL's user, password, path and query often hold the receiver's
  secret, so a delivery row names its webhook by the SHA-256 of the URL
  (:class:`Webhook`) and keeps ``scheme://host[:port]`` to show. The URL
  itself lives only in the memory of the process started with it, so a row
  can be posted only by a process given that very ``--webhook``: a webhook
  removed from the command line is never posted to again. At start,
  :meth:`Store.retarget` moves the alerts not yet delivered to a webhook no
  longer given to the webhooks given that have no delivery of them yet (or
  marks them ``dropped`` when none is given): an alert already delivered to a
  webhook still given is not posted to it again, and the log says so.
* **A start never takes a running server's deliveries.** Servers sharing a
  database may be given other webhooks, and a start that moved or dropped the
  deliveries of every webhook it was not given would take them from a server
  still posting them: "posted until the receiver answers 2xx" would not hold.
  So each server records which webhooks it holds (:data:`HOLDERS`: its id,
  drawn at start, and each webhook's fingerprint) at start and every
  :data:`HEARTBEAT` seconds, and deletes its rows when it stops; a start
  leaves alone the deliveries of a webhook another server has said it holds
  within :data:`HELD_FOR` seconds (a server killed, or cut off from the
  database, holds its webhooks that long). It is a table only added
  (:data:`ADDED`): an older release does not read it.
* **One sender posts a delivery** even when several servers share the
  database: :meth:`Store.claim` takes due rows by moving their next try a
  lease ahead, each row with a compare-and-set on the next try it read (and
  ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two senders do not even wait
  for each other); a sender that dies mid-post leaves the row to be taken
  again when the lease ends.
* **The alerts of one item are first posted to a webhook in the order they
  fired**: a sender posts the deliveries it takes at once, so :meth:`Store.claim` takes
  no delivery while an alert about the same id fired before it (a lower
  alert id) has a delivery to that webhook not tried yet (due, or being
  posted for the first time). Once that first attempt is over (delivered,
  failed, or to be tried again), the later alert goes: an alert a receiver
  keeps failing does not hold up the item's next alerts for good (one alert
  never holds up the others). Another item's alerts are not held up at all.
  The rule is the database's, so it holds across the senders of several
  servers.
* **Deadlocks**: on PostgreSQL a batch of events is inserted in the order of
  its keys (the unique index two overlapping batches contend for), its
  sequence numbers drawn first in the batch's own order, so two overlapping
  batches cannot deadlock and events keep their arrival order. Every write
  transaction is retried a few times on a deadlock or a serialization
  failure all the same (:meth:`Store._transaction`).
* A failed write is told apart by :func:`own_failure`: refused for what it
  writes (writing it again fails alike: the timers skip such an alert rather
  than let it hold up the others), or for the database (away, busy: trying
  again later cures it).
* A database error is described in the log by :func:`brief`: one line, never
  the SQL's parameters (event data may be confidential); the engine is made
  with ``hide_parameters`` besides.
* **A server that answers nothing is not waited on for good**: on
  PostgreSQL a watchdog (:mod:`.watchdog`) gives up the connections waiting
  on a server that does not answer a new connection either, after the
  bound ``--db-stall``, and refuses new ones at once until it answers
  again; a statement that is only long (the server answers) is not cut.
* SQLite runs in WAL mode with ``synchronous=NORMAL``: an acknowledged commit
  survives the process being killed (``kill -9``); for power loss as well, use
  PostgreSQL or set ``synchronous=FULL``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import random
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import InputError, UsageError, printable
from ..i18n import message
from .watchdog import DB_STALL, Watchdog

T = TypeVar("T")

#: The tables as the schema's steps leave them: what the statements below read and write.
META = sa.MetaData()

EVENTS = sa.Table(
    "events",
    META,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("family", sa.String(16), nullable=False),
    sa.Column("ident", sa.Text(), nullable=False),
    #: the event type: a type a policy declares may be as long as its author writes it (step 3)
    sa.Column("event", sa.Text(), nullable=False),
    sa.Column("at_epoch", sa.Float(), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),
    sa.Column("received", sa.Float(), nullable=False),
    # an item's events: on PostgreSQL a hash index of the id (a B-tree entry holds at most 2,704 bytes, an
    # id up to the line's 1 MiB), on SQLite, which has no such limit, the B-tree of step 1 (step 3)
    sa.Index("events_by_item", "family", "ident").ddl_if(dialect="sqlite"),
    sa.Index("events_by_ident", "ident", postgresql_using="hash").ddl_if(dialect="postgresql"),
    sa.Index("events_by_instant", "at_epoch"),
)

ALERTS = sa.Table(
    "alerts",
    META,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    #: the alert's key as the webhooks and ``GET /alerts`` show it (it holds the item's id: any length)
    sa.Column("key", sa.Text(), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("item", sa.Text(), nullable=False),
    sa.Column("instant", sa.Float(), nullable=False),
    sa.Column("fired", sa.Float(), nullable=False),
    sa.Column("payload", sa.Text(), nullable=False),
    #: what makes an alert unique: the SHA-256 of its key (:func:`digest`), 64 characters whatever the id (step 3)
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
)

#: A delivery is posted while ``pending`` (until the receiver answers 2xx), then ``delivered``; ``failed``
#: when the receiver answered what posting again cannot change (a redirect, a client error: posted again at
#: the next start, :meth:`Store.again`); ``dropped`` when its webhook is no longer given and no other is
#: (:meth:`Store.retarget`); ``withdrawn`` when its alert was withdrawn before it was posted
#: (:meth:`Store.withdraw`: never posted).
PENDING, DELIVERED, FAILED, DROPPED, WITHDRAWN = "pending", "delivered", "failed", "dropped", "withdrawn"

#: What earlier releases wrote in a delivery's ``last_error`` when they marked it ``withdrawn`` or ``dropped``, in
#: place of its last attempt's error: not an error (the state says it), so ``GET /alerts`` shows none.
NOT_ERRORS = frozenset({"its alert was withdrawn before it was posted", "its webhook is no longer given"})

DELIVERIES = sa.Table(
    "webhook_deliveries",
    META,
    sa.Column("alert_id", sa.BigInteger(), sa.ForeignKey("alerts.id"), primary_key=True),
    #: the SHA-256 of the webhook's URL (:class:`Webhook`): which webhook, never where it is
    sa.Column("hook", sa.String(64), primary_key=True),
    #: the webhook as it may be shown, ``scheme://host[:port]`` (:func:`redact`)
    sa.Column("shown", sa.Text(), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("next_try", sa.Float(), nullable=False),
    sa.Column("delivered", sa.Float(), nullable=True),
    sa.Column("last_error", sa.Text(), nullable=True),
    sa.Index("webhook_deliveries_due", "hook", "state", "next_try"),
)

POLICIES = sa.Table(
    "policies",
    META,
    #: what makes a version unique: the SHA-256 of its name (:func:`digest`); on SQLite the version stays the
    #: primary key of step 1 and this a unique index (step 3)
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("version", sa.Text(), nullable=False),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("effective", sa.Date(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("added", sa.Float(), nullable=False),
)

#: Every policy version served, by the SHA-256 of its ``version`` (:func:`digest`), with the text it was served
#: with first (see the design notes: an edited version is refused at start).
SERVED = sa.Table(
    "served_versions",
    META,
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("version", sa.Text(), nullable=False),
    sa.Column("effective", sa.Date(), nullable=False),
    #: the SHA-256 of ``text``: the same text is the same version without reading it again
    sa.Column("text_digest", sa.String(64), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    #: when it was first served (POSIX seconds)
    sa.Column("first_served", sa.Float(), nullable=False),
)

#: The webhooks each running server posts to, by the server (an id drawn at each start) and the webhook's
#: fingerprint, with when the server last said so (``seen``, POSIX seconds: every :data:`HEARTBEAT` seconds
#: while it runs). A start leaves alone the deliveries of a webhook another server holds (see the design
#: notes); a server that stops deletes its rows.
HOLDERS = sa.Table(
    "webhook_holders",
    META,
    sa.Column("server", sa.String(36), primary_key=True),
    sa.Column("hook", sa.String(64), primary_key=True),
    sa.Column("shown", sa.Text(), nullable=False),
    sa.Column("seen", sa.Float(), nullable=False),
)

#: The policy versions accepted on purpose (an edited version, a new one whose ``effective`` date had begun:
#: see the design notes) whose alerts are still to be judged again under the versions now served, by the SHA-256
#: of the ``version``: from which instant (``since``, POSIX seconds: the start of the first day the version
#: judges) and when it was accepted. Written by the start that serves it, deleted by the timers once every alert
#: since then was judged and its withdrawal, if any, recorded.
ACCEPTED = sa.Table(
    "accepted_versions",
    META,
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("version", sa.Text(), nullable=False),
    sa.Column("since", sa.Float(), nullable=False),
    sa.Column("accepted", sa.Float(), nullable=False),
)

#: The batches of events stored that the timers have not looked at yet (see the design notes): the lowest and
#: highest sequence number of the events a batch stored (the range may hold another batch's too: that one is
#: looked at again, no harm), and when it was stored. Written in the transaction that stores the batch, deleted
#: by the timers once they have judged the alerts of its items against it and recorded each withdrawal.
UNCHECKED = sa.Table(
    "unchecked_batches",
    META,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("low_seq", sa.BigInteger(), nullable=False),
    sa.Column("high_seq", sa.BigInteger(), nullable=False),
    sa.Column("stored", sa.Float(), nullable=False),
)
#: The insert of a note (built once: a batch of one event costs little more than it did without)
_NOTE = sa.insert(UNCHECKED)

#: How often (seconds) a running server says again which webhooks it holds.
HEARTBEAT = 30.0
#: A server that has not said so for this long (seconds) is taken for stopped (killed, or cut off from the
#: database): a start then takes the deliveries of its webhooks as those of a webhook no longer given.
HELD_FOR = 300.0

#: The tables only added, that no earlier release reads: created at start when missing, outside the steps.
ADDED: tuple[sa.Table, ...] = (SERVED, HOLDERS, ACCEPTED, UNCHECKED)

#: The tables as step 1 created them, kept as released (a step never changes): the later steps alter them.
V1 = sa.MetaData()

EVENTS_1 = sa.Table(
    "events",
    V1,
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

ALERTS_1 = sa.Table(
    "alerts",
    V1,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(300), nullable=False, unique=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("item", sa.Text(), nullable=False),
    sa.Column("instant", sa.Float(), nullable=False),
    sa.Column("fired", sa.Float(), nullable=False),
    sa.Column("payload", sa.Text(), nullable=False),
)

#: Step 1's deliveries, which named their webhook by its whole URL (secret and all): step 2 reads them
#: into :data:`DELIVERIES` and drops the table.
DELIVERIES_1 = sa.Table(
    "deliveries",
    V1,
    sa.Column("alert_id", sa.BigInteger(), sa.ForeignKey("alerts.id"), primary_key=True),
    sa.Column("url", sa.Text(), primary_key=True),
    sa.Column("attempts", sa.Integer(), nullable=False, default=0),
    sa.Column("next_try", sa.Float(), nullable=False),
    sa.Column("delivered", sa.Float(), nullable=True),
    sa.Column("last_error", sa.Text(), nullable=True),
)

POLICIES_1 = sa.Table(
    "policies",
    V1,
    sa.Column("version", sa.Text(), primary_key=True),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("effective", sa.Date(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("added", sa.Float(), nullable=False),
)

SCHEMA_VERSION = sa.Table("schema_version", META, sa.Column("version", sa.Integer(), nullable=False))

#: How many times a write transaction is run in all when the database aborts it for a deadlock or a
#: serialization failure (PostgreSQL's SQLSTATE 40P01 and 40001): running it again is then the cure.
ATTEMPTS = 5
_RETRIED = frozenset({"40P01", "40001"})
#: The SQLSTATE classes of a write refused for what it writes: a data exception (22: a value too long, a byte
#: the encoding lacks), an integrity constraint (23) and a program limit exceeded (54: an index entry too large).
#: Writing the same again fails alike; any other failure is the database's (away, busy, short of disk).
_OWN = frozenset({"22", "23", "54"})
_PACKAGE = Path(__file__).resolve().parents[1]


def _step_1(conn: sa.Connection) -> None:
    """The first schema: events, alerts, deliveries (by URL), policy versions."""
    for table in (EVENTS_1, ALERTS_1, DELIVERIES_1, POLICIES_1):
        table.create(conn, checkfirst=True)


def _step_2(conn: sa.Connection) -> None:
    """Deliveries name their webhook by fingerprint and have a state: step 1's rows are moved over, their URLs
    reduced to fingerprint and host, and step 1's table is dropped (on SQLite with its pages overwritten)."""
    DELIVERIES.create(conn, checkfirst=True)
    rows = conn.execute(sa.select(DELIVERIES_1)).mappings().all()
    if rows:
        conn.execute(
            sa.insert(DELIVERIES),
            [
                {
                    "alert_id": r["alert_id"],
                    "hook": fingerprint(r["url"]),
                    "shown": redact(r["url"]),
                    "state": PENDING if r["delivered"] is None else DELIVERED,
                    "attempts": r["attempts"],
                    "next_try": r["next_try"],
                    "delivered": r["delivered"],
                    "last_error": r["last_error"],  # (written with the URL already redacted)
                }
                for r in rows
            ],
        )
    secure = conn.dialect.name == "sqlite"
    if secure:
        conn.exec_driver_sql("PRAGMA secure_delete=ON")
    DELIVERIES_1.drop(conn)
    if secure:
        conn.exec_driver_sql("PRAGMA secure_delete=OFF")


def _step_3(conn: sa.Connection) -> None:
    """No id, key or name a user gives can make a write fail: on PostgreSQL a ``varchar(300)`` alert key (an
    alert names its item's id, which has no length limit) and a ``varchar(40)`` event type (a type a policy
    declares has none either) are ``text``, and no B-tree index (whose entry holds at most 2,704 bytes) holds
    an id, an alert key or a version's name: an alert and a policy version are unique by the SHA-256 of their
    key and name (a ``digest`` column, filled in for the rows stored, so the alerts fired keep their keys),
    and an item's events are found by a hash index of the id. SQLite limits none of these: it gets the
    ``digest`` columns and their unique indexes, and keeps its other columns and indexes. Each change is made
    only when not made yet: on SQLite, a change of the schema may be committed before the step's version."""
    postgres = conn.dialect.name == "postgresql"
    seen = sa.inspect(conn)
    for table, pk, text in ((ALERTS, ALERTS.c.id, ALERTS.c.key), (POLICIES, POLICIES.c.version, POLICIES.c.version)):
        name = table.name
        if "digest" not in {c["name"] for c in seen.get_columns(name)}:
            conn.exec_driver_sql(f"ALTER TABLE {name} ADD COLUMN digest VARCHAR(64)")
        rows = conn.execute(sa.select(pk, text).where(table.c.digest.is_(None))).all()
        if rows:
            conn.execute(
                sa.update(table).where(pk == sa.bindparam("row")).values(digest=sa.bindparam("sum")),
                [{"row": row, "sum": digest(str(said))} for row, said in rows],
            )
        uniques = {tuple(u["column_names"]): u["name"] for u in seen.get_unique_constraints(name)}
        if not postgres:
            conn.exec_driver_sql(f"CREATE UNIQUE INDEX IF NOT EXISTS {name}_by_digest ON {name} (digest)")
            continue
        conn.exec_driver_sql(f"ALTER TABLE {name} ALTER COLUMN digest SET NOT NULL")
        if table is ALERTS:
            if ("key",) in uniques:
                conn.exec_driver_sql(f'ALTER TABLE alerts DROP CONSTRAINT "{uniques[("key",)]}"')
            conn.exec_driver_sql("ALTER TABLE alerts ALTER COLUMN key TYPE TEXT")
            if ("digest",) not in uniques:
                conn.exec_driver_sql("ALTER TABLE alerts ADD CONSTRAINT alerts_digest_key UNIQUE (digest)")
        else:
            primary = seen.get_pk_constraint(name)
            if primary["constrained_columns"] == ["version"]:
                conn.exec_driver_sql(f'ALTER TABLE policies DROP CONSTRAINT "{primary["name"]}"')
                conn.exec_driver_sql("ALTER TABLE policies ADD PRIMARY KEY (digest)")
    if postgres:
        conn.exec_driver_sql("ALTER TABLE events ALTER COLUMN event TYPE TEXT")
        conn.exec_driver_sql("DROP INDEX IF EXISTS events_by_item")
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS events_by_ident ON events USING hash (ident)")


#: Numbered schema steps; a step is never edited once released, only new ones added.
MIGRATIONS: tuple[tuple[int, Callable[[sa.Connection], None]], ...] = ((1, _step_1), (2, _step_2), (3, _step_3))


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
class Webhook:
    """A ``--webhook``: its URL (held in memory only), its fingerprint (what the database names it by) and
    how it is shown (``scheme://host[:port]``)."""

    url: str
    hook: str
    shown: str

    @classmethod
    def of(cls, url: str) -> Webhook:
        """The webhook of ``url``."""
        return cls(url, fingerprint(url), redact(url))

    def __repr__(self) -> str:  # (never the URL: a repr ends up in logs and tracebacks)
        return f"Webhook({self.shown}, {self.hook[:12]})"


@dataclass(frozen=True, slots=True)
class Served:
    """A policy version as it was first served (a row of ``served_versions``)."""

    version: str
    effective: dt.date
    #: the SHA-256 of ``text`` (:func:`digest`)
    text_digest: str
    text: str
    #: when it was first served (POSIX seconds)
    first_served: float


@dataclass(frozen=True, slots=True)
class Delivery:
    """One delivery of one alert to one webhook, taken by a sender (:meth:`Store.claim`) until ``lease``."""

    alert_id: int
    hook: str
    attempts: int
    payload: str
    lease: float


def fingerprint(url: str) -> str:
    """The name a webhook is stored by: the SHA-256 of its URL (the same URL, the same webhook)."""
    return digest(url)


def digest(text: str) -> str:
    """The SHA-256 of ``text`` in hex: 64 characters whatever its length (what a text of any length is kept
    unique by, an index entry having a limit on PostgreSQL)."""
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class AlertRow(NamedTuple):
    """An alert recorded (:meth:`Store.alerts_after`)."""

    id: int
    key: str
    kind: str
    item: str
    #: the instant of its transition (a due time, an at-risk instant)
    instant: float
    #: when it was fired (the look that had it: at or after ``instant``, later when fired late)
    fired: float


class Left(NamedTuple):
    """What :meth:`Store.retarget` did with the deliveries left to one webhook no longer given."""

    #: alerts posted to some webhook given, that had no delivery of them yet
    moved: int
    #: alerts every webhook given has a delivery of already (delivered, waiting, failed...): not posted again
    kept: int
    #: the webhooks given (as shown) the moved alerts are posted to, in order
    to: tuple[str, ...]


def distinct(webhooks: Iterable[Webhook]) -> tuple[Webhook, ...]:
    """The webhooks with a URL given twice kept once, in order."""
    out: dict[str, Webhook] = {}
    for w in webhooks:
        out.setdefault(w.hook, w)
    return tuple(out.values())


def redact(url: str) -> str:
    """A webhook URL as it may be shown: ``scheme://host[:port]`` (no user, password, path or query,
    where receivers keep their secrets)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:  # a port that is not a number, a `[` not closed: the host part alone, as written
        scheme, _, rest = url.partition("://")
        hostport = re.split(r"[/?#]", rest, maxsplit=1)[0].rpartition("@")[2]
        if hostport.startswith("["):
            return f"{scheme}://" + hostport.partition("]")[0] + ("]" if "]" in hostport else "")
        return f"{scheme}://" + hostport.partition(":")[0]
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


def retried(exc: BaseException) -> bool:
    """Whether the database aborted a transaction that succeeds when run again (a deadlock, a
    serialization failure)."""
    orig = getattr(exc, "orig", None)
    return isinstance(exc, sa.exc.DBAPIError) and getattr(orig, "sqlstate", None) in _RETRIED


def own_failure(exc: BaseException) -> bool:
    """Whether a write failed for what it writes, so that writing the same again fails alike (a value the
    column refuses, an index entry too large: SQLSTATE class 22, 23 or 54; SQLite's ``DataError`` and
    ``IntegrityError``; an error outside the database, as a value that cannot be written at all), rather
    than for the database (away, busy, a connection lost, short of disk), which trying again later cures."""
    if isinstance(exc, sa.exc.DBAPIError):
        code = getattr(exc.orig, "sqlstate", None)
        if exc.connection_invalidated:
            return False
        if isinstance(code, str) and code:
            return code[:2] in _OWN
        return isinstance(exc, (sa.exc.DataError, sa.exc.IntegrityError))
    return not isinstance(exc, (sa.exc.SQLAlchemyError, OSError))


def brief(exc: BaseException, lang: str = "en") -> str:
    """An exception in one line for the log: its type; for a database error, the driver's type and the first
    line of its message (``database is locked``, ``server closed the connection unexpectedly``); and the
    place in this package it came from, said in ``lang`` (the log's language: ``... （sla_dsl/serve/app.py:878
    で発生）``). Never the SQL, its parameters or a traceback: an event's data may be confidential, and a log
    is read by many."""
    text, place = brief_parts(exc)
    return message("serve.brief.placed", lang, error=text, place=place) if place else text


def brief_parts(exc: BaseException) -> tuple[str, str]:
    """:func:`brief` in its two parts, for a line that says them in its own language: the exception (its
    type, a database driver's type and first line) and the place in this package it came from
    (``sla_dsl/serve/app.py:878``; empty when none of its frames is in the package)."""
    where = ""
    for frame, line in reversed(list(_frames(exc))):
        path = Path(frame.f_code.co_filename).resolve()
        if path.is_relative_to(_PACKAGE):
            where = f"{path.relative_to(_PACKAGE.parent).as_posix()}:{line}"
            break
    text = type(exc).__name__
    if isinstance(exc, sa.exc.DBAPIError) and exc.orig is not None:
        orig = exc.orig
        code = getattr(orig, "sqlstate", None)
        said = str(orig).strip().splitlines()
        text += f" ({type(orig).__module__}.{type(orig).__name__}" + (f", SQLSTATE {code}" if code else "") + ")"
        if said:
            text += ": " + said[0][:200]
    return text, where


def _frames(exc: BaseException) -> Iterable[tuple[Any, int]]:
    tb = exc.__traceback__
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def engine_url(url: str, lang: str = "en") -> str:
    """The SQLAlchemy URL of a ``--db`` value (``postgresql://`` uses psycopg 3); refused (wrong usage, exit 2:
    a flag's value that is not valid) in ``lang`` when it names no database this service uses, or cannot
    be read (a port that is not a number from 1 to 65535), or is an SQLite URL with no file (``sqlite:///``,
    ``:memory:``) or with query parameters (``?mode=ro``). Nothing is opened: the service checks it before
    it listens."""
    engine = next(
        ("postgresql+psycopg://" + url[len(p) :] for p in ("postgresql://", "postgres://") if url.startswith(p)), None
    )
    if engine is None and (url.startswith(("sqlite:///", "postgresql+psycopg://")) or url == "sqlite://"):
        engine = url
    if engine is None:
        if "://" not in url or url.startswith("sqlite://"):  # a file's path (`--db sla.db`): the URL naming it
            path = url.split("://", 1)[1] if "://" in url else url.removeprefix("sqlite:")
            hint = f"sqlite:///{path or 'sla.db'}"  # (four slashes for an absolute path)
            said = message("serve.db.not_a_url", lang, url=printable(_masked(url)), hint=printable(hint))
        else:
            said = message("serve.db.unsupported", lang, scheme=printable(url.split(":", 1)[0]))
        raise UsageError(said, lang=lang)
    try:
        parsed = sa.engine.make_url(engine)
        port = parsed.port
    except (ValueError, sa.exc.ArgumentError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        netloc = engine.split("://", 1)[1].split("/", 1)[0].rpartition("@")[2]
        port_text = netloc.rpartition("]")[2].rpartition(":")[2] if ":" in netloc.rpartition("]")[2] else ""
        if isinstance(exc, ValueError) and port_text and not port_text.isdigit():  # (`invalid literal for int()`)
            why = message("serve.db.port", lang, port=f"`{printable(port_text)}`")
        raise UsageError(message("serve.db.invalid", lang, url=printable(_masked(url)), why=why), lang=lang) from None
    if port is not None and not 1 <= port <= 65535:
        why = message("serve.db.port", lang, port=port)
        raise UsageError(message("serve.db.invalid", lang, url=printable(_masked(url)), why=why), lang=lang)
    if parsed.get_backend_name() == "sqlite":
        # no file (`sqlite:///`, `sqlite://`, `:memory:`): each connection of the pool (one a thread) would have
        # its own empty database, the schema made by one missing from the others, and every request answered 503
        if not parsed.database or parsed.database == ":memory:":
            raise UsageError(message("serve.db.no_file", lang, url=printable(_masked(url))), lang=lang)
        # the driver's options (`?mode=ro`, `?timeout=`): the service opens the file itself, to write, and
        # the driver would ignore some of them (with a warning) or replace the service's own
        if parsed.query:
            names = message("serve.sep.list", lang).join(f"`{printable(name)}`" for name in parsed.query)
            hint = f"sqlite:///{parsed.database}"
            said = message("serve.db.query", lang, url=printable(_masked(url)), names=names, hint=printable(hint))
            raise UsageError(said, lang=lang)
    return engine


def _masked(url: str) -> str:
    """A ``--db`` value as a message quotes it: a password in it (``USER:PASSWORD@``, :func:`_secret`) as ``***``,
    and the value of a ``password`` query parameter too."""
    start, end = _secret(url)
    if end > start:
        url = url[:start] + "***" + url[end:]
    return re.sub(r"([?&]password=)[^&#]*", r"\1***", url)


def _secret(url: str) -> tuple[int, int]:
    """Where the password of ``scheme://USER:PASSWORD@...`` lies in ``url`` (start, end), (0, 0) when it has none:
    from after ``USER:`` to the last ``@`` of the authority (the last one before the query, ``?NAME=``), so a
    password that holds an ``@``, a ``/`` or a ``?`` not written ``%40``, ``%2F``, ``%3F`` (``p@ssword``,
    ``pa/ss``) is masked whole. SQLAlchemy's :func:`~sqlalchemy.engine.make_url` (what the driver is given) reads
    a user up to the first ``:`` or ``/`` and a password up to the next ``@``, ``/`` and ``?`` included, and takes
    the rest of a ``p@ssword`` for the host (``ssword@host``): what it takes for the password is within the range
    masked."""
    head = re.match(r"[^:/]*://[^:/]*:", url)
    if head is None:
        return 0, 0
    first = url.find("@", head.end())
    if first < 0:
        return 0, 0
    query = re.compile(r"\?[A-Za-z_][A-Za-z0-9_]*=").search(url, first)
    return head.end(), url.rfind("@", first, len(url) if query is None else query.start())


def database_kind(url: str) -> str:
    """What the log may say of a ``--db`` value: ``SQLite PATH`` or ``PostgreSQL HOST:PORT/DB`` (a host or a
    port given as a query parameter, as a Unix socket's directory is: ``PostgreSQL /run/postgresql:5433/sla``),
    never a user or a password: it is read from the value with its password masked (:func:`_masked`), so no
    part of a password the URL does not encode (``p@ssword``) is shown as the host."""
    try:
        parsed = sa.engine.make_url(engine_url(_masked(url)))
    except InputError:
        return "?"
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite {parsed.database or ':memory:'}"

    def given(name: str) -> str:  # (a parameter given twice is a tuple: libpq's list of hosts, of ports)
        value = parsed.query.get(name) or ""
        return value if isinstance(value, str) else ",".join(value)

    where = parsed.host or given("host") or "localhost"
    port = str(parsed.port) if parsed.port is not None else given("port")
    if port:
        where += f":{port}"
    return f"PostgreSQL {where}/{parsed.database or ''}"


def unreachable(exc: BaseException) -> bool:
    """Whether a database error says the database cannot be used now (away, refusing connections, a
    connection lost, busy past its wait), rather than that a statement is wrong: what waiting cures."""
    if isinstance(exc, sa.exc.DBAPIError):
        return exc.connection_invalidated or isinstance(exc, (sa.exc.OperationalError, sa.exc.InterfaceError))
    return isinstance(exc, sa.exc.TimeoutError)


def _sqlite_file(url: str) -> tuple[str, str | None]:
    """The file an SQLite URL names, as written and as an absolute path (``sqlite:///x.db`` is ``x.db`` in the
    working directory, ``sqlite:////var/lib/sla/sla.db`` is ``/var/lib/sla/sla.db``); ("", None) for a
    PostgreSQL URL or a database in memory."""
    if not url.startswith("sqlite"):
        return "", None
    try:
        name = sa.engine.make_url(url).database
    except sa.exc.ArgumentError:
        return "", None
    if not name or name == ":memory:" or name.startswith("file:"):
        return "", None
    return name, os.path.abspath(name)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


#: PostgreSQL: the connection's options (libpq's) unless the ``--db`` URL gives its own (``?connect_timeout=30``):
#: a server that does not answer a connection within 10 s (a host that takes the TCP connection and says
#: nothing) is refused at start, or answered 503; a connection cut off (a network partition, a host gone) is
#: found by TCP keepalives, or by data unacknowledged for a minute, instead of a request waiting on it for good.
#: (``connect_timeout`` is left to ``PGCONNECT_TIMEOUT`` when it is set.)
PG_CONNECT: dict[str, int] = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 60_000,
}
#: PostgreSQL: how long a statement waits for a lock (as SQLite's busy wait: 30 s), unless the session has it set
#: otherwise (the URL's ``options``, ``PGOPTIONS``, ``ALTER ROLE``/``ALTER DATABASE ... SET``, the server's
#: configuration): a database busy past its wait is answered 503, as one away. No bound on how long a statement
#: runs: the longest the service makes read every stored event (at start, a first look, a report), and a bound
#: would refuse the same report again at every try on a big database, as if the database were away; a database
#: that stops answering is caught by the connection's keepalives and TCP timeout (:data:`PG_CONNECT`), and a
#: server frozen, whose host still acknowledges TCP, by the store's watchdog (:mod:`.watchdog`).
PG_WAITS: dict[str, str] = {"lock_timeout": "30s"}


def _pg_waits(dbapi_connection: Any, _record: Any) -> None:
    """Each of :data:`PG_WAITS` that the new session has from no other source (its ``source`` is ``default``)."""
    cur = dbapi_connection.cursor()
    cur.execute(
        "SELECT set_config(name, w.value, false) FROM unnest(%s::text[], %s::text[]) AS w(name, value) "
        "JOIN pg_settings USING (name) WHERE source = 'default'",
        (list(PG_WAITS), list(PG_WAITS.values())),
    )
    cur.close()
    dbapi_connection.commit()  # (set in a transaction: it would end with its rollback)


def _probe(engine: sa.Engine, connect_args: Mapping[str, Any], seconds: int) -> None:
    """A new connection to the PostgreSQL server of ``engine``, outside its pool, answered within ``seconds``
    (its ``connect_timeout``), closed at once: does the server answer? (:mod:`.watchdog`)"""
    cargs, cparams = engine.dialect.create_connect_args(engine.url)
    params = {**cparams, **connect_args, "connect_timeout": seconds}
    engine.dialect.loaded_dbapi.connect(*cargs, **params).close()


class Store:
    """The database behind ``sla serve``; every method is one short transaction."""

    def __init__(self, url: str, lang: str = "en", stall: float = DB_STALL) -> None:
        #: the language of its refusals (a database that cannot be opened)
        self.lang = lang
        self.url = engine_url(url, lang)
        self.dialect = "sqlite" if self.url.startswith("sqlite") else "postgresql"
        #: SQLite: the file's path as ``--db`` gives it (relative to the working directory unless absolute)
        #: and as the driver opens it (absolute); None for PostgreSQL or a database in memory
        self.given, self.file = _sqlite_file(self.url)
        #: the ``--db`` value as a refusal quotes it (its password masked)
        self.shown = _masked(url)
        # (an error names its SQL, never its parameters: they are event data)
        kwargs: dict[str, Any] = {"hide_parameters": True}
        if self.dialect == "sqlite":
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_size"] = 8
            # (the driver is given the URL's query parameters, which the engine's own would replace)
            own = sa.engine.make_url(self.url).query
            skip = {"connect_timeout"} if os.environ.get("PGCONNECT_TIMEOUT") else set()
            kwargs["connect_args"] = {k: v for k, v in PG_CONNECT.items() if k not in own and k not in skip}
        try:
            self.engine = sa.create_engine(self.url, **kwargs)
        except (sa.exc.ArgumentError, ImportError, ValueError) as exc:
            raise InputError(message("serve.db.cannot_use", lang, error=_lines(str(exc))), lang=lang) from None
        sa.event.listen(self.engine, "connect", _sqlite_pragmas if self.dialect == "sqlite" else _pg_waits)
        #: PostgreSQL: gives up the connections waiting on a server that answers nothing for ``stall`` seconds
        #: (:mod:`.watchdog`); None on SQLite
        self.watchdog: Watchdog | None = None
        if self.dialect == "postgresql":
            probe = functools.partial(_probe, self.engine, kwargs["connect_args"])
            self.watchdog = Watchdog(self.engine, probe, stall, database_kind(url), lang)
        # SQLite has one writer at a time; a second one waits in its busy handler,
        # which sleeps in steps of up to 100 ms. Writers of this process queue here instead.
        self._write = threading.Lock() if self.dialect == "sqlite" else contextlib.nullcontext()
        #: the schema's version before and after :meth:`migrate` took the steps of a newer release on a database
        #: an older one made (``None``: nothing taken, or a new database)
        self.upgraded: tuple[int, int] | None = None

    def close(self) -> None:
        """Close every pooled connection (and end the watchdog's thread)."""
        if self.watchdog is not None:
            self.watchdog.stop()
        self.engine.dispose()

    @property
    def stalled(self) -> bool:
        """Whether the database is taken for stalled: a PostgreSQL server that answered nothing for the bound
        (:mod:`.watchdog`), its connections given up."""
        return self.watchdog is not None and self.watchdog.stalled

    def _insert(self, table: sa.Table) -> Any:
        return (sqlite.insert if self.dialect == "sqlite" else postgresql.insert)(table)

    def _transaction(self, work: Callable[[sa.Connection], T]) -> T:
        """``work`` in one write transaction, run again (:data:`ATTEMPTS` times in all, after a short random
        pause) when the database aborted it for a deadlock or a serialization failure."""
        attempt = 1
        while True:
            try:
                with self._write, self.engine.begin() as conn:
                    return work(conn)
            except sa.exc.DBAPIError as exc:
                if attempt >= ATTEMPTS or not retried(exc):
                    raise
            time.sleep(random.uniform(0.0, 0.01 * 2**attempt))
            attempt += 1

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> int:
        """Bring the schema to the newest version; return it. Refused (:class:`InputError`, in the store's
        language) when the database is newer than this program, or answers with an error (:meth:`_cannot_open`).
        A database of an older release brought up to date is noted in :attr:`upgraded` (the start says so)."""
        self._refuse_foreign()
        try:
            with self._write, self.engine.begin() as conn:
                SCHEMA_VERSION.create(conn, checkfirst=True)
                current = conn.execute(sa.select(sa.func.max(SCHEMA_VERSION.c.version))).scalar() or 0
                before = current
                newest = MIGRATIONS[-1][0]
                if current > newest:
                    shown = printable(self.shown)
                    said = message("serve.db.newer", self.lang, url=shown, current=current, newest=newest)
                    raise InputError(said, lang=self.lang)
                if current < newest and self.dialect == "postgresql":  # (a step may build an index over every event)
                    conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
                for number, step in MIGRATIONS:
                    if number > current:
                        step(conn)
                        conn.execute(sa.delete(SCHEMA_VERSION))
                        conn.execute(sa.insert(SCHEMA_VERSION).values(version=number))
                        current = number
                for table in ADDED:
                    table.create(conn, checkfirst=True)
        except sa.exc.DBAPIError as exc:
            raise InputError(self._cannot_open(exc), lang=self.lang) from None
        if 0 < before < current:  # (a database made by this start went through every step: nothing to say)
            self.upgraded = (before, current)
        return current

    def _refuse_foreign(self) -> None:
        """Refused (:class:`InputError`) before anything is written: an SQLite file that has tables but no
        ``schema_version`` (another application's database, given to ``--db`` by mistake). SQLite commits a
        ``CREATE TABLE`` at once, and the engine's first connection turns the file to WAL, so the file is read
        by a connection of its own, before the engine's. A file that does not exist, is empty, or that SQLite
        cannot read is left to the start (created, given the schema, or refused naming the file). PostgreSQL
        is not checked: our tables may share a schema with others', and its schema steps, in one transaction,
        leave nothing behind when one fails."""
        if self.file is None or not os.path.isfile(self.file):
            return
        try:
            with contextlib.closing(sqlite3.connect(self.file, timeout=30)) as raw:
                found = raw.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' "
                    "ESCAPE '\\' ORDER BY name"
                ).fetchall()
        except sqlite3.Error:
            return
        names = [str(row[0]) for row in found]
        if not names or SCHEMA_VERSION.name in names:
            return
        lang = self.lang
        shown = [f"`{printable(name)}`" for name in names[:5]]
        if len(names) > 5:
            shown.append(message("serve.db.foreign.more", lang, count=len(names) - 5))
        tables = message("serve.db.foreign.sep", lang).join(shown)
        said = message("serve.db.foreign", lang, file=printable(self.file), tables=tables) + self._relative()
        raise InputError(said, lang=lang)

    def _relative(self) -> str:
        """SQLite: what a refusal naming the file adds when ``--db`` gives a relative path (the working directory
        it is relative to, and how an absolute path is written); "" for an absolute one."""
        if Path(self.given).is_absolute():
            return ""
        cwd = printable(str(Path.cwd()))
        return message("serve.db.relative", self.lang, given=printable(self.given), cwd=cwd)

    def refusal(self, exc: BaseException) -> InputError | None:
        """The start refused (exit 1, in the store's language) for what the database answered one of its reads
        or writes (:meth:`_cannot_open`); None for an exception that is not the database's."""
        if isinstance(exc, sa.exc.DBAPIError):
            return InputError(self._cannot_open(exc), lang=self.lang)
        return None

    def _cannot_open(self, exc: sa.exc.DBAPIError) -> str:
        """Why the start cannot use the database, never the SQL. SQLite: naming the file it tried
        (``sqlite:///PATH`` is a path relative to the working directory: the absolute one takes four slashes).
        PostgreSQL: naming the ``--db`` value (its password masked), with the driver's first line and a help line
        under it: a database not opened (no SQLSTATE, or class 08, 28 or 3D: away, a wrong host, port, name,
        user or password; what to check, and how a password is given), a right the user lacks (42501: what the
        docs ask of the user), a wait passed (57014, 55P03: a lock another session holds), anything else."""
        lang = self.lang
        if self.dialect == "sqlite":
            why = _lines(str(exc.orig))
            if self.file is None:
                return message("serve.db.cannot_open", lang, error=why)
            return message("serve.db.cannot_open_file", lang, file=printable(self.file), error=why) + self._relative()
        lines = str(exc.orig).strip().splitlines()
        why = printable(lines[0].strip() if lines else type(exc.orig).__name__)
        code = str(getattr(exc.orig, "sqlstate", None) or "")
        if code == "42501":
            key = "serve.db.no_right"
        elif code in ("57014", "55P03"):
            key = "serve.db.busy"
        elif not code or code[:2] in ("08", "28", "3D"):
            key = "serve.db.cannot_open_at"
            start, end = _secret(self.url)
            if "@" in self.url[start:end]:  # (the driver's line would quote a part of the password as the host)
                why = message("serve.db.password_at", lang)
        else:
            key = "serve.db.refused"
        said = message(key, lang, url=printable(self.shown), error=why)
        return f"{said}\n{message('diag.word.help', lang)}: {message(key + '.help', lang)}"

    # -- events ---------------------------------------------------------------------------
    def add_events(self, rows: Sequence[EventRow], received: float) -> int:
        """Store a batch in one transaction; return how many were new (the rest were duplicates). The same
        transaction notes the batch for the timers to look at (:data:`UNCHECKED`), if it stored anything."""
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

        def work(conn: sa.Connection) -> int:
            batch = _in_key_order(conn, values) if self.dialect == "postgresql" else values
            # RETURNING names only the rows inserted: the duplicates are the rest.
            seqs = [int(n) for n in conn.execute(stmt, batch).scalars()]
            if seqs:
                conn.execute(_NOTE, {"low_seq": min(seqs), "high_seq": max(seqs), "stored": received})
            return len(seqs)

        return self._transaction(work)

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

    def unchecked(self) -> dict[int, tuple[int, int]]:
        """The batches stored that the timers have not looked at yet (:data:`UNCHECKED`): by note, the lowest
        and highest sequence number of its events."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(UNCHECKED.c.id, UNCHECKED.c.low_seq, UNCHECKED.c.high_seq)).all()
        return {int(n): (int(low), int(high)) for n, low, high in rows}

    def unchecked_items(self, ranges: Iterable[tuple[int, int]]) -> set[tuple[str, str]]:
        """The items (family, id) of the stored events whose sequence number lies in one of ``ranges`` (the
        batches :meth:`unchecked` names)."""
        spans = sorted(set(ranges))
        out: set[tuple[str, str]] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(spans), 100):
                within = sa.or_(*(EVENTS.c.seq.between(low, high) for low, high in spans[i : i + 100]))
                q = sa.select(EVENTS.c.family, EVENTS.c.ident).where(within).distinct()
                out.update((str(f), str(d)) for f, d in conn.execute(q))
        return out

    def checked(self, notes: Iterable[int]) -> None:
        """The timers have looked at these batches (:meth:`unchecked`'s notes), judged the alerts of their
        items and recorded each withdrawal: the notes go (another server's timers may have deleted them
        first)."""
        ids = sorted(set(notes))

        def work(conn: sa.Connection) -> None:
            for i in range(0, len(ids), 500):
                conn.execute(sa.delete(UNCHECKED).where(UNCHECKED.c.id.in_(ids[i : i + 500])))

        if ids:
            self._transaction(work)

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

    def item_instants(self, family: str, idents: Iterable[str], upto: int | None = None) -> dict[str, list[float]]:
        """The instants of the stored events of these ids of ``family``, by id (no bodies: a cheap look at
        whether an item has events it had not); with ``upto``, of the events of that sequence number or
        lower only."""
        wanted = sorted(set(idents))
        out: dict[str, list[float]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                q = sa.select(EVENTS.c.ident, EVENTS.c.at_epoch).where(
                    EVENTS.c.family == family, EVENTS.c.ident.in_(wanted[i : i + 500])
                )
                if upto is not None:
                    q = q.where(EVENTS.c.seq <= upto)
                for ident, at in conn.execute(q):
                    out.setdefault(str(ident), []).append(float(at))
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

    def _new_alert(self, key: str, kind: str, item: str, instant: float, fired: float, payload: str) -> Any:
        """The insert of an alert that does nothing when one of its key was recorded before (unique by the
        digest of its key), returning its id."""
        return (
            self._insert(ALERTS)
            .values(key=key, digest=digest(key), kind=kind, item=item, instant=instant, fired=fired, payload=payload)
            .on_conflict_do_nothing()
            .returning(ALERTS.c.id)
        )

    def fire(
        self,
        key: str,
        kind: str,
        item: str,
        instant: float,
        fired: float,
        payload: str,
        webhooks: Sequence[Webhook],
    ) -> int | None:
        """Record an alert and its deliveries to ``webhooks``; its id, or None if it was fired before (an alert
        is unique by the digest of its key: any unique conflict is that one, or on SQLite the key's own)."""
        stmt = self._new_alert(key, kind, item, instant, fired, payload)

        def work(conn: sa.Connection) -> int | None:
            alert_id = conn.execute(stmt).scalar()
            if alert_id is None:
                return None
            if webhooks:
                conn.execute(sa.insert(DELIVERIES), [_delivery(int(alert_id), w, fired) for w in distinct(webhooks)])
            return int(alert_id)

        return self._transaction(work)

    def alerts_after(self, after: int) -> list[AlertRow]:
        """Every alert whose id is above ``after``, by id: the alerts fired since, by this process or another
        server on the database."""
        q = (
            sa.select(ALERTS.c.id, ALERTS.c.key, ALERTS.c.kind, ALERTS.c.item, ALERTS.c.instant, ALERTS.c.fired)
            .where(ALERTS.c.id > after)
            .order_by(ALERTS.c.id)
        )
        with self.engine.connect() as conn:
            return [
                AlertRow(int(n), str(k), str(kind), str(i), float(t), float(f))
                for n, k, kind, i, t, f in conn.execute(q)
            ]

    def payload_of(self, key: str) -> str | None:
        """The webhook body of the alert of ``key`` (None if there is none)."""
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(ALERTS.c.payload).where(ALERTS.c.digest == digest(key))).scalar()
        return None if value is None else str(value)

    def withdraw(
        self,
        key: str,
        kind: str,
        original: str,
        item: str,
        instant: float,
        fired: float,
        payload: str,
        webhooks: Sequence[Webhook],
        now: float,
    ) -> int | None:
        """Record the withdrawal (key ``key``, of ``kind``) of the alert ``original``: its id, or None if it was
        recorded before (unique as every alert). In the same transaction, the original's deliveries not posted and not
        being posted -- ``failed``, or ``pending`` and due at ``now`` (the senders' clock: one taken by a sender
        is due only when its lease ends) -- become ``withdrawn`` and are never posted; the withdrawal goes to
        each of ``webhooks`` that has, or may have, the original (``delivered``, or ``pending`` and taken or
        waiting for its next try: :meth:`hold` keeps it back until the original is posted)."""
        stmt = self._new_alert(key, kind, item, instant, fired, payload)

        def work(conn: sa.Connection) -> int | None:
            alert_id = conn.execute(stmt).scalar()
            if alert_id is None:
                return None
            first = conn.execute(sa.select(ALERTS.c.id).where(ALERTS.c.digest == digest(original))).scalar()
            told: set[str] = set()
            if first is not None:
                q = sa.select(DELIVERIES.c.hook, DELIVERIES.c.state).where(DELIVERIES.c.alert_id == first)
                for hook, state in conn.execute(q).all():
                    if state == DELIVERED:
                        told.add(str(hook))
                    elif state in (PENDING, FAILED):
                        unposted = sa.or_(
                            DELIVERIES.c.state == FAILED,
                            sa.and_(DELIVERIES.c.state == PENDING, DELIVERIES.c.next_try <= now),
                        )
                        cancelled = conn.execute(
                            sa.update(DELIVERIES)
                            .where(DELIVERIES.c.alert_id == first, DELIVERIES.c.hook == hook, unposted)
                            .values(state=WITHDRAWN)  # (its last error, if any, is kept: GET /alerts shows it)
                        ).rowcount
                        if not cancelled:  # taken by a sender meanwhile: posted, then withdrawn
                            told.add(str(hook))
            hooks = [w for w in distinct(webhooks) if w.hook in told]
            if hooks:
                conn.execute(sa.insert(DELIVERIES), [_delivery(int(alert_id), w, fired) for w in hooks])
            return int(alert_id)

        return self._transaction(work)

    def hold(self, d: Delivery, original: str, until: float) -> bool:
        """Keep back a withdrawal taken by a sender while the alert it withdraws (key ``original``) is still
        to be posted to the same webhook (a receiver gets an alert before its withdrawal), and an alert fired
        again while the withdrawal before it (key ``original``) is: its next try moves to ``until``. Whether
        it was kept back."""

        def work(conn: sa.Connection) -> bool:
            first = conn.execute(sa.select(ALERTS.c.id).where(ALERTS.c.digest == digest(original))).scalar()
            if first is None:
                return False
            state = conn.execute(
                sa.select(DELIVERIES.c.state).where(DELIVERIES.c.alert_id == first, DELIVERIES.c.hook == d.hook)
            ).scalar()
            if state != PENDING:
                return False
            conn.execute(
                sa.update(DELIVERIES)
                .where(
                    DELIVERIES.c.alert_id == d.alert_id,
                    DELIVERIES.c.hook == d.hook,
                    DELIVERIES.c.state == PENDING,
                    DELIVERIES.c.next_try == d.lease,
                )
                .values(next_try=until)
            )
            return True

        return self._transaction(work)

    def alerts(self, limit: int = 200) -> list[dict[str, Any]]:
        """The latest alerts, newest first, with their delivery state and the error of the last attempt that
        failed (None when none has, or the last one was delivered)."""
        with self.engine.connect() as conn:
            shown = [c for c in ALERTS.c if c.name != "digest"]
            rows = conn.execute(sa.select(*shown).order_by(ALERTS.c.id.desc()).limit(limit)).mappings().all()
            ids = [r["id"] for r in rows]
            deliveries: dict[int, list[dict[str, Any]]] = {}
            if ids:
                q = sa.select(DELIVERIES).where(DELIVERIES.c.alert_id.in_(ids)).order_by(DELIVERIES.c.shown)
                for d in conn.execute(q).mappings():
                    error = d["last_error"]
                    deliveries.setdefault(int(d["alert_id"]), []).append(
                        {
                            "url": d["shown"],
                            "state": d["state"],
                            "attempts": d["attempts"],
                            "delivered": d["state"] == DELIVERED,
                            "last_error": None if error in NOT_ERRORS else error,
                        }
                    )
        return [{**dict(r), "deliveries": deliveries.get(int(r["id"]), [])} for r in rows]

    def hold_webhooks(self, server: str, webhooks: Sequence[Webhook], now: float) -> None:
        """Say that the running ``server`` posts to ``webhooks`` (as of ``now``); the rows of servers silent for
        :data:`HELD_FOR` seconds go (stopped without a word: killed, or cut off from the database for long)."""

        def work(conn: sa.Connection) -> None:
            conn.execute(sa.delete(HOLDERS).where(HOLDERS.c.seen < now - HELD_FOR))
            if webhooks:
                insert = self._insert(HOLDERS)
                rows = [{"server": server, "hook": w.hook, "shown": w.shown, "seen": now} for w in distinct(webhooks)]
                conn.execute(
                    insert.on_conflict_do_update(
                        index_elements=["server", "hook"], set_={"seen": insert.excluded.seen}
                    ),
                    rows,
                )

        self._transaction(work)

    def let_go_webhooks(self, server: str) -> None:
        """``server`` stops: it posts to no webhook any more."""
        self._transaction(lambda conn: conn.execute(sa.delete(HOLDERS).where(HOLDERS.c.server == server)))

    def held_elsewhere(self, server: str, webhooks: Sequence[Webhook], since: float) -> dict[str, float]:
        """The webhooks (by fingerprint) not among ``webhooks`` that another server said it posts to at or after
        ``since``, with when it last said so."""
        given = sorted({w.hook for w in webhooks})
        q = (
            sa.select(HOLDERS.c.hook, sa.func.max(HOLDERS.c.seen))
            .where(HOLDERS.c.server != server, HOLDERS.c.seen >= since)
            .group_by(HOLDERS.c.hook)
        )
        if given:
            q = q.where(HOLDERS.c.hook.not_in(given))
        with self.engine.connect() as conn:
            return {str(hook): float(seen) for hook, seen in conn.execute(q)}

    def waiting(self, hooks: Mapping[str, float]) -> dict[str, tuple[int, float]]:
        """How many deliveries are not delivered yet (``pending``, ``failed``) to each of ``hooks`` (fingerprint:
        when its server last said it holds it), by the webhook as shown, with that instant."""
        if not hooks:
            return {}
        q = (
            sa.select(DELIVERIES.c.hook, DELIVERIES.c.shown, sa.func.count())
            .where(DELIVERIES.c.state.in_((PENDING, FAILED)), DELIVERIES.c.hook.in_(sorted(hooks)))
            .group_by(DELIVERIES.c.hook, DELIVERIES.c.shown)
        )
        out: dict[str, tuple[int, float]] = {}
        with self.engine.connect() as conn:
            for hook, shown, n in conn.execute(q):
                was = out.get(str(shown), (0, 0.0))
                out[str(shown)] = (was[0] + int(n), max(was[1], hooks[str(hook)]))
        return out

    def retarget(self, webhooks: Sequence[Webhook], now: float, leave: Iterable[str] = ()) -> dict[str, Left]:
        """The alerts not delivered to a webhook that is not among ``webhooks`` (given at an earlier start) nor
        among ``leave`` (fingerprints of webhooks another running server posts to): those deliveries are
        ``dropped`` and each of ``webhooks`` that has no delivery of the alert yet gets one of its own, due
        now, so no alert is lost, none is posted where it is no longer meant to go, and none is posted twice
        to a webhook (one delivered to a webhook still given is not posted to it again). Returns what became
        of the deliveries left, by the webhook (as shown) they were meant for."""
        given = {w.hook for w in webhooks}
        hooks = distinct(webhooks)
        kept = given | set(leave)

        def work(conn: sa.Connection) -> dict[str, Left]:
            q = sa.select(DELIVERIES.c.alert_id, DELIVERIES.c.hook, DELIVERIES.c.shown).where(
                DELIVERIES.c.state.in_((PENDING, FAILED))
            )
            if kept:
                q = q.where(DELIVERIES.c.hook.not_in(sorted(kept)))
            rows = conn.execute(q).all()
            for alert_id, hook, _ in rows:
                conn.execute(
                    sa.update(DELIVERIES)
                    .where(DELIVERIES.c.alert_id == alert_id, DELIVERIES.c.hook == hook)
                    .values(state=DROPPED)  # (its last error, if any, is kept: GET /alerts shows it)
                )
            alert_ids = sorted({int(r[0]) for r in rows})
            have: set[tuple[int, str]] = set()  # (alert, webhook given) that has a delivery already
            for i in range(0, len(alert_ids) if given else 0, 500):
                q = sa.select(DELIVERIES.c.alert_id, DELIVERIES.c.hook).where(
                    DELIVERIES.c.alert_id.in_(alert_ids[i : i + 500]), DELIVERIES.c.hook.in_(sorted(given))
                )
                have.update((int(r[0]), str(r[1])) for r in conn.execute(q))
            new = [(a, w) for a in alert_ids for w in hooks if (a, w.hook) not in have]
            if new:
                conn.execute(
                    self._insert(DELIVERIES).on_conflict_do_nothing(index_elements=["alert_id", "hook"]),
                    [_delivery(a, w, now) for a, w in new],
                )
            to: dict[int, list[str]] = {}
            for a, w in new:
                to.setdefault(a, []).append(w.shown)
            left: dict[str, Left] = {}
            for alert_id, _, shown in rows:
                was = left.get(str(shown), Left(0, 0, ()))
                sent = to.get(int(alert_id), [])
                left[str(shown)] = Left(
                    was.moved + bool(sent), was.kept + (not sent), tuple(dict.fromkeys([*was.to, *sent]))
                )
            return left

        return self._transaction(work)

    def again(self, webhooks: Sequence[Webhook], now: float) -> dict[str, int]:
        """The deliveries ``failed`` to one of ``webhooks`` (the receiver answered a redirect or a client error)
        are due again at ``now``: a start posts them once more, the receiver or its URL having perhaps been
        fixed meanwhile. Returns how many, by the webhook (as shown) they go to."""
        given = sorted({w.hook for w in webhooks})
        if not given:
            return {}

        def work(conn: sa.Connection) -> dict[str, int]:
            failed = sa.and_(DELIVERIES.c.state == FAILED, DELIVERIES.c.hook.in_(given))
            rows = conn.execute(
                sa.select(DELIVERIES.c.shown, sa.func.count()).where(failed).group_by(DELIVERIES.c.shown)
            ).all()
            if rows:
                conn.execute(sa.update(DELIVERIES).where(failed).values(state=PENDING, next_try=now))
            return {str(shown): int(n) for shown, n in rows}

        return self._transaction(work)

    def claim(self, hook: str, now: float, lease: float, limit: int = 10) -> list[Delivery]:
        """Take up to ``limit`` due deliveries to the webhook ``hook``, oldest try first: each is the caller's to
        post until ``now + lease`` (its next try moves there), no other sender's, of this process or another.
        Each row is taken with a compare-and-set on the next try it was read with; a row another sender took
        in between is left to it. A delivery is not due while an alert about the same item fired before it
        has a delivery to ``hook`` not tried yet (:meth:`_due`): the first tries of one incident's alerts are
        made in the order they fired, however many deliveries are posted at once."""
        until = now + lease

        def work(conn: sa.Connection) -> list[Delivery]:
            taken = []
            for alert_id, attempts, next_try, payload in self._due(conn, hook, now, limit):
                moved = conn.execute(
                    sa.update(DELIVERIES)
                    .where(
                        DELIVERIES.c.alert_id == alert_id,
                        DELIVERIES.c.hook == hook,
                        DELIVERIES.c.state == PENDING,
                        DELIVERIES.c.next_try == next_try,
                    )
                    .values(next_try=until)
                )
                if moved.rowcount == 1:
                    taken.append(Delivery(int(alert_id), hook, int(attempts), str(payload), until))
            return taken

        return self._transaction(work)

    def _due(self, conn: sa.Connection, hook: str, now: float, limit: int) -> Sequence[Any]:
        """(alert id, attempts, next try, payload) of the due deliveries to ``hook``; on PostgreSQL locked
        until the transaction ends, skipping those another sender has locked. A delivery whose alert is about
        the same item (id) as an alert fired before it (a lower id) whose delivery to ``hook`` has not been
        tried yet -- due, or being posted by a sender for the first time -- is not due: it follows that one
        (a receiver that answers gets an incident's at-risk alert before its breach alert). Once that first
        attempt is over, the later alert goes: a receiver that answers 5xx to one alert does not hold up the
        next ones for as long as it keeps failing it (one alert never holds up the others; a withdrawal is
        kept back behind its alert's retries all the same: :meth:`hold`). Other items' alerts go meanwhile."""
        earlier = DELIVERIES.alias("earlier")
        earlier_alert = ALERTS.alias("earlier_alert")
        before = (
            sa.select(earlier.c.alert_id)
            .join(earlier_alert, earlier_alert.c.id == earlier.c.alert_id)
            .where(
                earlier.c.hook == hook,
                earlier.c.state == PENDING,
                earlier.c.attempts == 0,
                earlier.c.alert_id < DELIVERIES.c.alert_id,
                earlier_alert.c.item == ALERTS.c.item,
            )
            .exists()
        )
        q = (
            sa.select(DELIVERIES.c.alert_id, DELIVERIES.c.attempts, DELIVERIES.c.next_try, ALERTS.c.payload)
            .join(ALERTS, ALERTS.c.id == DELIVERIES.c.alert_id)
            .where(DELIVERIES.c.hook == hook, DELIVERIES.c.state == PENDING, DELIVERIES.c.next_try <= now)
            .where(~before)
            .order_by(DELIVERIES.c.next_try)
            .limit(limit)
        )
        if self.dialect == "postgresql":
            q = q.with_for_update(skip_locked=True, of=DELIVERIES)
        return conn.execute(q).all()

    def release(self, taken: Iterable[Delivery], now: float) -> None:
        """Give back deliveries taken and not posted (a stop): due again at ``now``, unless another sender
        has taken them since."""
        rows = list(taken)

        def work(conn: sa.Connection) -> None:
            for d in rows:
                conn.execute(
                    sa.update(DELIVERIES)
                    .where(
                        DELIVERIES.c.alert_id == d.alert_id,
                        DELIVERIES.c.hook == d.hook,
                        DELIVERIES.c.state == PENDING,
                        DELIVERIES.c.next_try == d.lease,
                    )
                    .values(next_try=now)
                )

        if rows:
            self._transaction(work)

    def pending_deliveries(self) -> int:
        """How many deliveries are still to be posted."""
        with self.engine.connect() as conn:
            q = sa.select(sa.func.count()).select_from(DELIVERIES).where(DELIVERIES.c.state == PENDING)
            return int(conn.execute(q).scalar() or 0)

    def delivered(self, d: Delivery, now: float) -> None:
        """Mark a delivery done."""
        self._mark(d, state=DELIVERED, delivered=now, attempts=d.attempts + 1, last_error=None)

    def failed(self, d: Delivery, next_try: float, error: str, *, final: bool = False) -> None:
        """Count a failed attempt and set when to try again (with ``final``, never: the delivery ``failed``)."""
        values: dict[str, Any] = {"attempts": d.attempts + 1, "next_try": next_try, "last_error": error[:500]}
        if final:
            values["state"] = FAILED
        self._mark(d, **values)

    def _mark(self, d: Delivery, **values: Any) -> None:
        def work(conn: sa.Connection) -> None:
            conn.execute(
                sa.update(DELIVERIES)
                .where(DELIVERIES.c.alert_id == d.alert_id, DELIVERIES.c.hook == d.hook)
                .values(**values)
            )

        self._transaction(work)

    # -- policy versions added over HTTP --------------------------------------------------
    def add_policy(self, version: str, name: str, effective: dt.date, text: str, added: float) -> bool:
        """Store a policy version's text, and that it is served with it (:meth:`serve`); False if that
        version is already stored."""
        stmt = (
            self._insert(POLICIES)
            .values(digest=digest(version), version=version, name=name, effective=effective, text=text, added=added)
            .on_conflict_do_nothing()
            .returning(POLICIES.c.digest)  # (the row count of a conflict left undone is -1 with psycopg)
        )

        def work(conn: sa.Connection) -> bool:
            new = conn.execute(stmt).scalar() is not None
            if new:
                self._serve(conn, [(version, effective, text)], added)
            return new

        return self._transaction(work)

    # -- policy versions served -------------------------------------------------------------
    def served(self) -> dict[str, Served]:
        """Every policy version served so far, by its ``version``, with the text it was served with."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(SERVED)).mappings().all()
        return {
            str(r["version"]): Served(
                str(r["version"]), r["effective"], str(r["text_digest"]), str(r["text"]), float(r["first_served"])
            )
            for r in rows
        }

    def serve(self, versions: Sequence[tuple[str, dt.date, str]], now: float) -> None:
        """Record that these versions (``version``, effective date, text) are served, those not recorded
        yet (a version recorded keeps the text it was first served with)."""
        if versions:
            self._transaction(lambda conn: self._serve(conn, versions, now))

    def _serve(self, conn: sa.Connection, versions: Sequence[tuple[str, dt.date, str]], now: float) -> None:
        conn.execute(
            self._insert(SERVED).on_conflict_do_nothing(index_elements=["digest"]),
            [
                {
                    "digest": digest(v),
                    "version": v,
                    "effective": effective,
                    "text_digest": digest(text),
                    "text": text,
                    "first_served": now,
                }
                for v, effective, text in versions
            ],
        )

    def reword_served(self, version: str, text: str) -> None:
        """Keep ``text`` as the served text of ``version``: one that means the same as the text stored
        (layout or comments changed), so the next start compares the text alone."""

        def work(conn: sa.Connection) -> None:
            conn.execute(
                sa.update(SERVED).where(SERVED.c.digest == digest(version)).values(text=text, text_digest=digest(text))
            )

        self._transaction(work)

    def accept_served(self, version: str, text: str, since: float, now: float) -> None:
        """Serve ``text`` as ``version`` from now on, the operator having accepted it on purpose (its row's
        ``text_digest`` empty), and note in the same transaction that the alerts fired from ``since`` on are to
        be judged again under it (:meth:`accepted`): a start that dies between the two cannot leave the text
        taken and the alerts never judged."""

        def work(conn: sa.Connection) -> None:
            key = digest(version)
            conn.execute(sa.update(SERVED).where(SERVED.c.digest == key).values(text=text, text_digest=digest(text)))
            was = conn.execute(sa.select(ACCEPTED.c.since).where(ACCEPTED.c.digest == key)).scalar()
            if was is None:
                values = {"digest": key, "version": version, "since": since, "accepted": now}
                conn.execute(sa.insert(ACCEPTED).values(**values))
            else:  # (accepted again before its alerts were all judged: from the earlier of the two)
                values = {"since": min(float(was), since), "accepted": now}
                conn.execute(sa.update(ACCEPTED).where(ACCEPTED.c.digest == key).values(**values))

        self._transaction(work)

    def accepted(self) -> dict[str, tuple[float, float]]:
        """The versions accepted on purpose whose alerts are still to be judged again (:meth:`accept_served`):
        by ``version``, (since, accepted)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(ACCEPTED.c.version, ACCEPTED.c.since, ACCEPTED.c.accepted)).all()
        return {str(v): (float(since), float(at)) for v, since, at in rows}

    def judged_accepted(self, versions: Mapping[str, float]) -> None:
        """The alerts of these versions accepted on purpose (by ``version``: when it was accepted, as
        :meth:`accepted` read it) have been judged again: their rows go, unless accepted again since."""

        def work(conn: sa.Connection) -> None:
            for version, at in versions.items():
                conn.execute(sa.delete(ACCEPTED).where(ACCEPTED.c.digest == digest(version), ACCEPTED.c.accepted <= at))

        if versions:
            self._transaction(work)

    def policy_texts(self) -> list[str]:
        """The texts of the versions added over HTTP, oldest first."""
        with self.engine.connect() as conn:
            return [str(t) for t in conn.execute(sa.select(POLICIES.c.text).order_by(POLICIES.c.added)).scalars()]


def _lines(text: str) -> str:
    """A driver's message as a refusal quotes it: its lines without their own indent (PostgreSQL's second
    line starts with a tab), the next ones indented by two spaces under the first."""
    return "\n  ".join(line.strip() for line in text.strip().splitlines() if line.strip())


def _delivery(alert_id: int, w: Webhook, due: float) -> dict[str, Any]:
    """A new delivery row of an alert to a webhook, due at ``due``."""
    return {
        "alert_id": alert_id,
        "hook": w.hook,
        "shown": w.shown,
        "state": PENDING,
        "attempts": 0,
        "next_try": due,
        "delivered": None,
        "last_error": None,
    }


def _in_key_order(conn: sa.Connection, values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PostgreSQL: the rows to insert in the order of their keys, each with a sequence number drawn first,
    in the batch's order. Two transactions that insert overlapping batches wait on the unique index of
    ``key`` for one another; in one order of keys neither can wait on the other in turn (no deadlock), and
    the numbers drawn keep the events in the order they arrived."""
    drawn = conn.execute(
        sa.text("SELECT nextval(pg_get_serial_sequence('events', 'seq')) FROM generate_series(1, :n)"),
        {"n": len(values)},
    ).scalars()
    numbered = [{**v, "seq": int(n)} for v, n in zip(values, sorted(drawn), strict=True)]
    return sorted(numbered, key=lambda v: str(v["key"]))

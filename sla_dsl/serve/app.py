"""The HTTP API of ``sla serve`` (FastAPI on uvicorn).

Design notes
------------
* **FastAPI**, not Litestar: the project already speaks pydantic 2 (the event
  schema and the report are pydantic models), FastAPI is a thin layer over
  Starlette whose ``TestClient`` drives the whole app in-process in tests, and
  it is the one most operators have seen. Nothing here needs Litestar's DTOs
  or its own DI; the routes are plain functions over :class:`Service`.
* Errors are answers, never tracebacks: every 4xx/5xx body is ``{"error":
  message, "help": ...}`` (422 on events adds the located ``problems``, the
  same lines as the CLI); an unexpected exception is logged in one line and
  answered 500 ``internal error``. That line (:func:`_internal_line`, in the
  log's language as the other lines of the log: the policy's primary one)
  names the route, the exception's type, a database driver's own first line
  (:func:`.store.brief_parts`, quoted as it is) and where in this package it
  was raised; never a traceback, the SQL's parameters or
  any value the exception carries, which may be an event's confidential
  data. It is caught by :class:`_OneLine`, an ASGI layer inside Starlette's
  own error layer: a handler registered for ``Exception`` would answer, but
  Starlette raises the exception again after it, and the server then logs
  the whole traceback. Starlette's own errors keep their headers (a 405's
  ``Allow``).
* Error bodies are in English, except ``GET /report``'s refusals of its
  ``as_of`` (empty, or before ``from``: 422), which are in the report's
  language and in ``sla evaluate``'s words for ``--as-of``, naming the
  request's fields (:func:`_as_of`): the check is made here, before the
  evaluator, so the answer is the same whatever the evaluator says of it.
* At start the service says (a warning in the log, in the policy's primary
  language, as every line about the policy) how many stored events
  the policy versions in use cannot judge and why (a priority no version
  defines any more, ...): the live answers, the metrics and the alerts leave
  them out, as ``GET /report`` lists them in ``input.skipped``.
* The stored incidents not judged (the version in force at their clock start
  does not define their priority: ``GET /incidents/ID``'s ``judged: false``,
  the gauge ``sla_incidents_not_judged``, a warning) are found at start, at
  each event that names such a priority, and again whenever a version is
  added (``POST /policies``, a reload): an event stored within the clock skew
  and dated from the new version's ``effective`` date on is judged under it,
  which may not define its priority (:meth:`Service._warn_not_judged`).
* A policy version in use is never changed under its own number. At start,
  each version is compared with the text this database first served it with
  (:meth:`Service._check_served`, the store's ``served_versions``): one whose
  meaning differs (``sla diff``'s comparison: layout and comments do not
  count) is refused with the changes, located at its ``version`` line, in
  ``--lang`` (:attr:`Settings.lang`), else the policy's primary language, and
  the service does not start (exit 1): judged
  under the edited rules, every stored event would move its due times and
  fire the alerts of the same incidents again. A new version (never served
  on this database) whose ``effective`` date has begun is refused alike,
  located at its ``version`` line, as SIGHUP refuses it: the stored events
  from that date would be judged again under it. A first start (nothing
  served yet) takes every version. The operator who means it marks the
  version accepted in ``served_versions`` (a row whose ``text_digest`` is
  empty, :data:`ACCEPT`; the refusal gives the ``UPDATE`` or ``INSERT``
  statement), and the next start serves the text it finds; its timers
  judge again the alerts fired from the version's first day on and withdraw
  those the versions now served do not have (``policy_changed``), as a late
  batch withdraws an alert (:mod:`.alerts`), the new alerts firing on their
  own. At SIGHUP a
  version in use whose file changed in meaning is said in the log, with the
  changes and what to do, and not applied. The text compared and recorded is
  the one compiled and served (:attr:`~sla_dsl.policy.compiled.Policy.source`,
  as the loader read the file once), never the file read again: saved in
  between, the record would hold a text not served, and the next start would
  take an edited version or refuse the very text served. A reload adds a new
  version from that text too, as the loader checked it.
* What a reload says of a policy (a file that does not compile, with its
  source line and caret as at start; a version refused) is in that policy's
  primary language, as ``sla serve`` says it at start; ``POST /policies``
  answers the same refusals in English, as every error body. The log line of
  a version added is in the policy's language whether it came by a reload or
  by ``POST /policies``, as every other line of the log about a version.
* A reload takes the policy files as a start takes them, all or none: while
  one file does not compile, no other file's new version is added either (the
  log says so, with the file's located diagnostics): the next start would
  refuse the set, so a service running a part of it could not be restarted.
  So with the versions in use that no file gives (posted): the files' versions
  are checked with them as the start checks the files with the versions stored
  (:func:`~sla_dsl.policy.load.check_versions`: a file's version of the day of a
  posted one, E304, at its ``effective`` line, with the code and help ``sla
  check`` gives).
* A refusal of a new version (``POST /policies``, a reload) is located, as ``sla
  check`` locates it: at the line of the request (``<request>:10:3``) or file it
  is about; a version of the day of one in use (E304) in the loader's words
  (``author.load.refused``, ``diag.E304``), a posted version whose date has begun
  at its ``effective`` line. The warnings of a version added (its own, and W307
  beside the versions in use: :func:`_beside`) follow the log's line of it, as
  ``sla check`` prints them (the source line, a caret, the help), in the
  policy's language; ``POST /policies`` answers them (``warnings``) in English.
* A version the database has served stays served when its file is removed:
  once in force it judges the incidents from its date, and dropped it would
  judge them again under another version. A reload says (a warning, at the
  file's ``version`` line) that the file is gone and the version is still
  served, with the statements that take it back before it takes effect (every
  service stopped: its rows of ``policies`` and ``served_versions`` deleted),
  or that a version in force cannot be; a start without the file serves it from
  the text stored (``policies``) or first served (``served_versions``:
  :func:`_unfiled`), and names each version no file gives that has not taken
  effect yet, with those statements (:meth:`Service._warn_unfiled`).
* A SIGHUP before the service is ready (``sla serve`` remembers one from the
  process's start: :data:`sla_dsl.cli.app.HELD_HUP`) is not lost and does not
  stop the service: once the lifespan has put its own handler in place, the
  files are read again (``held_hup`` of :func:`create_app`), so a ``systemctl
  reload`` during a slow start (a large database) does what it asks.
* ``GET /incidents/ID`` answers 404 only when no event of the id is stored;
  stored events the live view does not judge (a report event dated within the
  clock skew, after the clock; no report event) are answered with
  ``judged: false``, the events and a note saying why. Its notes (why it is
  not judged, a reprioritisation not applied) are text a person reads: in the
  language of the dashboard (``?lang=``, else the policy's primary language),
  the engine's English of ``GET /report``'s JSON with ``lang=en``; its refusals
  are English, as every error body of the service.
* Writes (``POST /events``, ``POST /policies``) need ``Authorization: Bearer
  TOKEN`` when a token is configured; reads do not. Request bodies are read
  through :func:`_body`, which refuses more than ``max_body`` bytes (413)
  before reading them when ``Content-Length`` says so, and while streaming
  otherwise. No endpoint names a file or code to run: a policy is posted as
  its text and compiled like any other.
* A start writes nothing until every check has passed (the schema is brought
  up to date first): :meth:`Service._check_served` only reads, and returns
  what to record. ``sla serve`` binds its socket before it builds the service
  (:mod:`sla_dsl.cli.serve`), so a start that cannot listen opens nothing.
* A database that cannot be used (:func:`.store.unreachable`) is answered 503
  ``database unavailable`` on every route (``/healthz`` with ``"ok": false``),
  anything else unexpected 500; a failure repeated (a route, the timers, a
  webhook's sender, while the database is away) is said once, then a count
  every minute, then once when it is over (:class:`.repeats.Repeats`). A
  PostgreSQL server that answers nothing (frozen, its host acknowledging TCP
  all the same) is given up after ``--db-stall`` seconds by the store's
  watchdog (:mod:`.watchdog`): the requests waiting on it are answered 503
  as well, the line naming the database and the bound.
* Slow work (parsing, judging, the database) runs in worker threads; the event
  loop only moves bytes, so the timer and webhook tasks stay on time.
* Listings are answered in pages (:func:`paged`): ``GET /incidents``, ``GET /timers`` and the dashboard
  answer at most ``limit`` items from ``offset`` (:data:`LIMIT`, :data:`MAX_LIMIT`; the dashboard's
  :data:`.dashboard.ROWS`), with ``total``, ``returned`` and ``next``, and word only those: with 60,000 open
  incidents an answer of every one was 10 to 36 MB. ``GET /incidents/ID`` judges the incident on its own
  events (:meth:`.tracking.Tracker.one_view`), never behind the live view's lock, which a look of every
  open incident holds while it judges them.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import logging
import re
import signal
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._version import __version__
from ..authoring.diff_changes import diff_models
from ..authoring.semdiff import render_text
from ..calendars.bounds import MAX_PERIOD, MAX_PERIOD_YEARS
from ..calendars.timeargs import EXAMPLE, parse_edge
from ..errors import InputError, PicklesAsIs, place, printable
from ..evaluation import check_log
from ..evaluation.common import Versions
from ..i18n import Lang, as_lang, format_date, message
from ..lang.compile import Compiled
from ..lang.diagnostics import Both, Diagnostic, PolicyError, policy_language, words
from ..lang.model import NO_SPAN
from ..policy.compiled import Policy, declared_types
from ..policy.load import check_versions, compare_versions, compile_text, e304_help, load_policies
from ..report.words import default_lang
from . import dashboard
from .alerts import WITHDRAWN, Sender, Timers
from .ingest import CLOCK_SKEW, Rejected, parse_body, unique
from .metrics import Metrics
from .repeats import Repeats
from .store import (
    HEARTBEAT,
    HELD_FOR,
    Served,
    Store,
    Webhook,
    brief,
    brief_parts,
    database_kind,
    digest,
    distinct,
    unreachable,
)
from .tracking import Clock, PriorityNote, RealClock, Tracker, log_of, names_priority
from .watchdog import DB_STALL

LOG = logging.getLogger("sla.serve")
#: The ``text_digest`` of a row of ``served_versions`` an operator wrote to accept a version on purpose (an
#: edited one, or a new one whose ``effective`` date has begun): the next start serves the text it finds.
ACCEPT = ""
STATUSES = frozenset({"met", "breached", "open", "at_risk", "excluded"})
FORMATS = {"json": "application/json", "markdown": "text/markdown", "html": "text/html", "text": "text/plain"}
_WITHIN = re.compile(r"^([0-9]+)(s|m|h|d)$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}
#: The start's warning of the incidents not judged lists at most this many.
_LISTED = 10
#: ``GET /incidents`` and ``GET /timers`` answer at most this many items unless ``limit`` says otherwise, and
#: never more than :data:`MAX_LIMIT` (``total``, ``returned`` and ``next`` say where the rest are): no answer
#: grows with every open incident.
LIMIT = 1000
MAX_LIMIT = 10000


@dataclass
class Settings:
    """How the service runs (what ``sla serve``'s options set)."""

    db: str = "sqlite:///sla.db"
    token: str | None = None
    webhooks: tuple[str, ...] = ()
    max_body: int = 10 * 1024 * 1024
    #: longest sleep of the timer loop (seconds): small with a fake clock
    tick: float = 30.0
    #: first webhook retry delay (seconds), doubled on each failure
    backoff: float = 1.0
    #: the policy files given on the command line (re-read on SIGHUP)
    policy_files: tuple[str, ...] = ()
    #: how far (seconds) an event may lie after the service's clock and still be stored (clock skew
    #: between systems); one later is refused, E123 (:data:`.ingest.CLOCK_SKEW`)
    clock_skew: float = CLOCK_SKEW
    #: ``--lang``: the language of the refusals at start (a version refused, a database that cannot be
    #: opened); None: each policy's primary language
    lang: str | None = None
    #: how often (seconds) the service says again in the database which webhooks it posts to
    #: (:data:`.store.HEARTBEAT`)
    heartbeat: float = HEARTBEAT
    #: ``--db-stall``: how long (seconds) the service waits on a PostgreSQL server that answers nothing (frozen,
    #: its host still acknowledging TCP) before it gives up the connections waiting on it (:mod:`.watchdog`)
    db_stall: float = DB_STALL


class ApiError(PicklesAsIs):
    """An answer other than 2xx, with a message and a help line."""

    def __init__(self, status: int, message: str, help: str | None = None, **more: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.help = help
        self.more = more


class Service:
    """Everything one running ``sla serve`` holds."""

    def __init__(self, policies: Sequence[Policy], settings: Settings, clock: Clock | None = None) -> None:
        self.settings = settings
        self.clock = clock or RealClock()
        #: this server among those sharing the database (the webhooks it holds: :meth:`_retarget`)
        self.server = uuid.uuid4().hex
        refusing = as_lang(settings.lang or default_lang(policies), "en")
        self.store = Store(settings.db, refusing, settings.db_stall)
        # (a failure of the start closes the store; one the database answered, as a right the user lacks, is a
        # refusal in the policy's language, or --lang: :func:`_refused_at_start`)
        with _refused_at_start(self.store):
            # (the schema brought up to date; then only reads until every check has passed: a start refused
            # writes nothing of its own)
            self.store.migrate()
            if self.store.upgraded is not None:  # (said at once: the steps are committed, whatever comes next)
                LOG.warning("%s", self._upgraded_line(self.store.upgraded, as_lang(default_lang(policies), "en")))
            self.file_policies = list(policies)
            texts = self.store.policy_texts()
            stored = [_policy_of_text(text, refusing) for text in texts]
            posted = {p.version: t for p, t in zip(stored, texts, strict=True)}
            merged = _merge(self.file_policies, stored)
            # a version this database served that no file gives and no request stored (its file removed while
            # the service was stopped) stays served, from the text it was served with: the incidents from its
            # date were judged under it (:func:`_unfiled`)
            #: the versions served again from ``served_versions`` alone (their files removed): said at start
            self._removed: set[str] = set()
            for p, text in _unfiled(merged, self.store.served(), refusing):
                merged.append(p)
                posted[p.version] = text
                self._removed.add(p.version)
            # a version added over HTTP is checked with the others before it is stored; one stored by an
            # older release that cannot be judged with the files is refused here, named as stored
            check_versions(merged, names=[p.path or f"<stored policy {p.version}>" for p in merged])
            served = self._check_served(merged, posted)
            served()
            self.tracker = Tracker(self.store, merged, self.clock)
            self.metrics = Metrics()
            self.webhooks = distinct(Webhook.of(url) for url in settings.webhooks)
            # (the versions accepted on purpose whose alerts are still to be judged again: by this start, or one that
            # stopped before it had judged them)
            self.timers = Timers(
                self.tracker,
                self.webhooks,
                tick=settings.tick,
                on_fire=self._fired,
                on_withdraw=self._withdrew,
                accepted=self.store.accepted(),
            )
            #: the language of the log's lines about the deliveries, as of those about the policy
            self.lang = as_lang(default_lang(merged), "en")
            if self.store.watchdog is not None:  # (its lines are the log's, as the others)
                self.store.watchdog.lang = self.lang
            self.sender = Sender(
                self.store,
                self.webhooks,
                backoff=settings.backoff,
                lang=self.lang,
                on_failure=self.metrics.webhook_failed,
            )
            #: the earliest instant, after the last look for the incidents not judged, of a stored incident event
            #: naming a priority some version does not define (an event stored within the clock skew): the list
            #: is looked at again once the clock has passed it (:meth:`_notes_due`)
            self._notes_ahead: float | None = None
            self._notes_lock = threading.Lock()
            self.metrics.watch(self.tracker, self.timers, before=self._notes_due)
            self._policy_lock = threading.Lock()
            #: the requests' failures (the database away), each said once while it goes on
            self.oneline = Repeats(LOG, lambda: self.lang)
            self._holds = Repeats(LOG, lambda: self.lang)
            self._retarget()
        self._warn_unjudged(merged)
        self._warn_not_judged()
        self._warn_unfiled(merged[len(self.file_policies) :])

    def _check_served(self, policies: Sequence[Policy], posted: Mapping[str, str]) -> Callable[[], None]:
        """Refuse to start (exit 1) when a version in use does not mean what it meant when this database first
        served it: every stored event would be judged again under other rules, moving due times and firing
        the alerts of the same incidents again (an alert's key holds its instant). A text that differs in
        layout or comments only is taken, and kept as the one served; a version not served yet is recorded
        (``posted``: the texts of the versions added over HTTP, by version). A version not served yet whose
        ``effective`` date has begun is refused as well, as SIGHUP refuses it, unless this is the first start
        on the database (nothing served yet): the stored events from that date would be judged again under
        it. A row whose ``text_digest`` is empty (:data:`ACCEPT`, written by the operator as a refusal says)
        takes the text found, whatever it says, and the alerts fired from the version's first day on are judged
        again under the versions served (:meth:`.store.Store.accept_served`). Only reads: what is to be recorded
        is returned, to be written once every check has passed (a start refused writes nothing). A refusal is in
        ``--lang``, else the policy's primary language."""
        served = self.store.served()
        now = self.clock.now()
        fresh: list[tuple[str, dt.date, str]] = []
        reworded: list[tuple[str, str]] = []
        #: (version, text, from when its alerts are judged again) of the versions accepted on purpose
        accepted: list[tuple[str, str, float]] = []
        for p in policies:
            # the text compiled and served: a file's as its loader read it, never the file read again (saved
            # since, it would be recorded or compared in place of the text served)
            text = posted.get(p.version) if p.path is None else p.source
            if text is None:  # (a version built from a model alone, no text to compare: not recorded)
                continue
            known = served.get(p.version)
            if known is None:
                if served and _begun(p, now):
                    self._refuse_begun(p, now)
                fresh.append((p.version, p.effective, text))
                continue
            if known.text_digest == digest(text):
                continue
            if known.text_digest == ACCEPT:  # accepted on purpose: served from now on with this text
                # (its alerts from the first day it judges -- as it was served, or as accepted -- are judged
                # again under it: those it no longer has are withdrawn, :class:`.alerts.Timers`)
                first = min(known.effective, p.effective)
                since = dt.datetime(first.year, first.month, first.day, tzinfo=p.tz).timestamp()
                accepted.append((p.version, text, since))
                continue
            lang = self._refusal_lang(p)
            changes = _changes(known.text, p, lang)
            if changes == "":
                reworded.append((p.version, text))
                continue
            where = _located(p.path or f"<stored policy {p.version}>", p)
            quoted = p.version.replace("'", "''")
            said = message(
                "serve.start.version_changed",
                lang,
                path=where,
                version=p.version,
                changes=changes or "  " + message("serve.start.changes_unknown", lang),
            )
            hint = message(
                "serve.start.version_changed.help",
                lang,
                sql=f"UPDATE served_versions SET text_digest = '{ACCEPT}' WHERE version = '{quoted}'",
            )
            raise InputError(_with_help(said, hint, lang), lang=lang)

        def record() -> None:
            for version, text in reworded:
                self.store.reword_served(version, text)
            for version, text, since in accepted:
                self.store.accept_served(version, text, since, now)
            self.store.serve(fresh, now)

        return record

    async def holding(self) -> None:
        """While the service runs: say again every :attr:`Settings.heartbeat` seconds which webhooks it posts
        to (a server starting on the database leaves their deliveries to it: :meth:`_retarget`)."""
        if not self.webhooks:
            return
        while True:
            await asyncio.sleep(self.settings.heartbeat)
            try:
                await anyio.to_thread.run_sync(self.store.hold_webhooks, self.server, self.webhooks, self.clock.now())
                self._holds.ok("hold")
            except Exception as exc:  # the database away: said once, tried again at the next beat
                error = printable(brief(exc, self.lang))
                self._holds.failed("hold", message("serve.webhook.not_held", self.lang, error=error), error)

    def let_go(self) -> None:
        """The service stops: its webhooks are no longer held (a start may take their deliveries at once)."""
        if not self.webhooks:
            return
        try:
            self.store.let_go_webhooks(self.server)
        except Exception as exc:  # (the database away: the rows go once HELD_FOR has passed)
            LOG.error("%s", message("serve.webhook.not_let_go", self.lang, error=printable(brief(exc, self.lang))))

    def _upgraded_line(self, steps: tuple[int, int], lang: Lang) -> str:
        """The log's line saying that the start brought an older release's database up to date, and what that
        means to the operator: no older release opens it again, going back is restoring the backup."""
        database = printable(database_kind(self.settings.db))
        return message("serve.db.upgraded", lang, database=database, before=steps[0], after=steps[1])

    def ready_line(self, addresses: Sequence[str]) -> str:
        """The log's line once the service listens: where, the versions it serves, its database (no user or
        password), in the log's language: its lists joined as the language joins them (``、`` in Japanese)."""
        sep = message("serve.sep.list", self.lang)
        versions = sep.join(
            message("serve.ready.version", self.lang, version=p.version, effective=_date(p.effective, self.lang))
            for p in sorted(self.tracker.policies, key=lambda p: p.effective)
        )
        return message(
            "serve.ready",
            self.lang,
            addresses=sep.join(addresses),
            versions=printable(versions),
            database=printable(database_kind(self.settings.db)),
            webhooks=len(self.webhooks),
        )

    def _refusal_lang(self, p: Policy) -> Lang:
        """The language of a refusal at start about ``p``: ``--lang`` when given, else the policy's primary
        language (as ``sla serve`` refuses a policy that does not compile)."""
        return as_lang(self.settings.lang or policy_language(p.model), "en")

    def _refuse_begun(self, p: Policy, now: float) -> None:
        """Refuse (exit 1) a version never served on this database whose ``effective`` date has begun."""
        lang = self._refusal_lang(p)
        tomorrow = dt.datetime.fromtimestamp(now, p.tz).date() + dt.timedelta(days=1)
        said = message(
            "serve.start.version_begun",
            lang,
            path=_located(p.path or f"<stored policy {p.version}>", p),
            version=p.version,
            effective=_date(p.effective, lang),
        )
        quoted = p.version.replace("'", "''")
        hint = message(
            "serve.start.version_begun.help",
            lang,
            tomorrow=tomorrow.isoformat(),
            sql="INSERT INTO served_versions (digest, version, effective, text_digest, text, first_served) "
            f"VALUES ('{digest(p.version)}', '{quoted}', '{p.effective.isoformat()}', '{ACCEPT}', '', {now:.0f})",
        )
        raise InputError(_with_help(said, hint, lang), lang=lang)

    def _warn_unfiled(self, unfiled: Sequence[Policy]) -> None:
        """A warning at start for each version served that no policy file gives (added by ``POST /policies`` or a
        reload, or its file removed) and that has not taken effect yet: it stays served, and the line gives the
        statements that take it back before its date (an author who removed a wrong upcoming version's file
        would otherwise believe it gone); and each whose file was removed that has taken effect, served again
        from the text it was served with, with no way to take it back (put the file back). In the policy's
        language, located at its ``version`` line as stored.
        Said only when the service reads policy files (``sla serve`` always does)."""
        if not self.settings.policy_files:
            return
        now = self.clock.now()
        for p in sorted(unfiled, key=lambda p: p.effective):
            begun = _begun(p, now)
            if begun and p.version not in self._removed:  # (a version posted and in force: served as any)
                continue
            lang = as_lang(policy_language(p.model), "en")
            where = _located(f"<stored policy {p.version}>", p)
            said = message(
                "serve.start.unfiled", lang, path=where, version=p.version, effective=_date(p.effective, lang)
            )
            if begun:  # (its file removed, in force: served again, and no way to take it back)
                hint = message("serve.reload.file_gone.begun_help", lang, version=p.version)
            else:
                hint = message("serve.start.unfiled.help", lang, sql=_take_back(p.version))
            LOG.warning("%s", _lines(_with_help(said, hint, lang)))

    def _retarget(self) -> None:
        """Alerts not delivered to a webhook no longer given go to the webhooks given now (or nowhere); those
        that failed (a redirect, a client error) to a webhook still given are posted to it again. A webhook
        another server on the database holds (it said so within :data:`HELD_FOR` seconds: it may be running)
        is not one no longer given: its deliveries are left to that server, and the log says so."""
        now = self.clock.now()
        self.store.hold_webhooks(self.server, self.webhooks, now)
        others = self.store.held_elsewhere(self.server, self.webhooks, now - HELD_FOR)
        left = self.store.retarget(self.webhooks, now, leave=others)
        lang = self.lang
        for shown, (n, seen) in sorted(self.store.waiting(others).items()):
            ago = f"{max(now - seen, 0.0):.0f}"
            said = message("serve.webhook.held_elsewhere", lang, webhook=shown, count=n, seconds=ago)
            LOG.warning("%s", said)
        for shown, n in sorted(self.store.again(self.webhooks, now).items()):
            LOG.warning("%s", message("serve.webhook.again", lang, webhook=shown, count=n))
        sep = message("serve.sep.list", lang)  # (、 in Japanese)
        given = sep.join(w.shown for w in self.webhooks)
        for shown, done in sorted(left.items()):
            if not self.webhooks:
                LOG.warning("%s", message("serve.webhook.dropped", lang, webhook=shown, count=done.moved + done.kept))
                continue
            # only what will be posted is said so: an alert the webhooks given have already is not posted again
            if done.moved:
                to = sep.join(done.to)
                LOG.warning("%s", message("serve.webhook.moved", lang, webhook=shown, count=done.moved, given=to))
            if done.kept:
                LOG.warning("%s", message("serve.webhook.kept", lang, webhook=shown, count=done.kept, given=given))

    def _warn_unjudged(self, policies: Sequence[Policy]) -> None:
        """A warning naming how many stored events the versions in use cannot judge, and why (by code)."""
        try:
            log = log_of(self.store.bodies(), declared_types(policies))
            filed = sum(len(recs) for group in log.groups for recs in group.values())
            check_log(Versions(policies), log, skip_invalid=True)
            # (events left out, not problems: an event with two unknown values has two)
            unjudged = filed - sum(len(recs) for group in log.groups for recs in group.values())
        except Exception as exc:  # (the live view will say it in its own words)
            LOG.error("%s", message("serve.unjudged.unchecked", self.lang, error=brief(exc, self.lang)))
            return
        if not log.left_out:
            return
        lang = self.lang
        why: dict[tuple[str, str], int] = {}
        for p in log.left_out:  # (each problem's message in the policy's language, as the CLI words it)
            text = p.text(lang)
            first = text.splitlines()[0] if text else ""
            why[(p.code, first)] = why.get((p.code, first), 0) + 1
        reasons = message("serve.unjudged.and", lang).join(
            message("serve.unjudged.reason", lang, code=code, said=said, count=n)
            for (code, said), n in sorted(why.items())
        )
        LOG.warning("%s", message("serve.unjudged.start", lang, count=unjudged, reasons=reasons))

    def _notes_due(self) -> None:
        """Look again for the incidents not judged when the clock has passed an event of one that lay ahead of
        the last look (an event is judged as of now: one stored ahead of the clock is not seen before)."""
        ahead = self._notes_ahead
        if ahead is not None and self.clock.now() >= ahead:
            with self._notes_lock:
                if self._notes_ahead == ahead:  # (not looked at meanwhile)
                    self._warn_not_judged(since=ahead)

    def _warn_not_judged(self, added: Policy | None = None, since: float | None = None) -> None:
        """Find the stored incidents not judged (their version does not define their priority) and the
        reprioritisations not applied, as ``GET /report`` lists them among its ``data`` violations: the
        tracker's list of the incidents not judged (``GET /incidents/ID``'s ``judged``, the gauge
        ``sla_incidents_not_judged``) is built again, and a warning names them. At a start, all of them; when
        the version ``added`` was added (``POST /policies``, a reload), those it made: an incident its
        versions judged before may not be judged now (an event stored within the clock skew, dated at or after
        the new version's ``effective`` date, is judged under it), and one not judged before may be."""
        partial = self.tracker.partial
        before = self.tracker.not_judged_ids()
        now = self.clock.now()
        self._notes_ahead = None
        if not partial and not before:  # (every version defines the same priorities: no such note can be)
            return
        try:
            named: set[str] = set()
            if partial:
                rows = [r for r in self.store.family_events("incident") if names_priority(r[3], partial)]
                named = {ident for _, ident, _, _ in rows}
                self._notes_ahead = min((at for _, _, at, _ in rows if at > now), default=None)
            # (the incidents not judged before too: one the versions now judge leaves the list)
            notes = self.tracker.priority_notes(named | before)
        except Exception as exc:  # (GET /report says it in its own words)
            LOG.error("%s", message("serve.not_judged.unchecked", self.lang, error=brief(exc, self.lang)))
            return
        if added is not None:  # only what it changed: an incident judged before, a reprioritisation from its date
            e = added.effective
            since = dt.datetime(e.year, e.month, e.day, tzinfo=added.tz).timestamp()
        if since is not None:
            notes = [n for n in notes if (n.ident not in before if n.in_force is None else n.at >= since)]
        lang = self.lang
        for key, mine in (
            ("serve.not_judged.start", [n for n in notes if n.in_force is None]),
            ("serve.not_judged.start_unapplied", [n for n in notes if n.in_force is not None]),
        ):
            if not mine:
                continue
            shown = [
                message("serve.not_judged.item", lang, id=printable(n.ident), priority=n.priority, version=n.version)
                for n in mine[:_LISTED]
            ]
            if len(mine) > _LISTED:
                shown.append(message("serve.not_judged.more", lang, count=len(mine) - _LISTED))
            items = message("serve.not_judged.and", lang).join(shown)
            said = message(key, lang, count=len({n.ident for n in mine}), items=items)
            LOG.warning("%s", _with_help(said, message("serve.not_judged.start.help", lang), lang))

    def _say_notes(self, batch: Sequence[Any]) -> None:
        """A warning for each event of ``batch`` (just stored) that makes a ``priority_unknown`` note: the
        incident is not judged, or the reprioritisation is not applied (keeps the count of incidents not
        judged up to date)."""
        partial = self.tracker.partial
        incidents = [r for r in batch if r.family == "incident"]
        named = [r for r in incidents if partial and names_priority(r.body, partial)]
        now = self.clock.now()
        ahead = [r.at_epoch for r in named if r.at_epoch > now]  # (stored ahead of the clock: not seen yet)
        if ahead:
            with self._notes_lock:
                self._notes_ahead = min([*ahead, *([self._notes_ahead] if self._notes_ahead is not None else [])])
        again = self.tracker.not_judged_ids() & {r.ident for r in incidents}  # (judged now, perhaps)
        if not named and not again:
            return
        try:
            notes = self.tracker.priority_notes({r.ident for r in named} | again)
        except Exception as exc:  # (GET /report says it in its own words)
            LOG.error("%s", message("serve.not_judged.unchecked_batch", self.lang, error=brief(exc, self.lang)))
            return
        sent = {(r.ident, round(r.at_epoch, 3)) for r in named}
        for n in notes:
            if (n.ident, round(n.at, 3)) in sent:
                LOG.warning("%s", self._note_line(n))

    def _note_line(self, n: PriorityNote) -> str:
        """What the log says of one ``priority_unknown`` note, in the policy's language, with what to do."""
        lang = self.lang
        versions = sorted(self.tracker.policies, key=lambda p: p.effective)
        own = next((p for p in versions if p.version == n.version), None)
        later = next(
            (
                p
                for p in versions
                if own is not None and p.effective > own.effective and n.priority in {q.id for q in p.model.priorities}
            ),
            None,
        )
        where = (
            message("serve.not_judged.later", lang, version=later.version, effective=_date(later.effective, lang))
            if later is not None
            else ""
        )
        defined = message("serve.sep.list", lang).join(q.id for q in own.model.priorities) if own is not None else ""
        when = dt.datetime.fromtimestamp(n.at, self.tracker.tz).isoformat()
        fields = {"id": printable(n.ident), "priority": n.priority, "version": n.version, "later": where}
        if n.in_force is None:
            said, help_key = message("serve.not_judged.incident", lang, **fields), "serve.not_judged.help"
        else:
            said = message("serve.not_judged.unapplied", lang, at=when, in_force=n.in_force, **fields)
            help_key = "serve.not_judged.unapplied.help"
        return _with_help(said, message(help_key, lang, version=n.version, defined=defined), lang)

    def _fired(self, t: Any, now: float) -> None:
        self.metrics.alerts.labels(t.kind).inc()
        self.metrics.lag.observe(max(now - t.instant, 0.0))

    def _withdrew(self) -> None:
        self.metrics.alerts.labels(WITHDRAWN).inc()

    # -- ingestion -----------------------------------------------------------------------
    def ingest(self, body: bytes) -> dict[str, int]:
        """Validate and store a batch (raises Rejected)."""
        began = time.perf_counter()
        now = self.clock.now()
        live_start = self.tracker.live_start(now)
        rows = parse_body(body, self.tracker.policies, live_start, now=now, skew=self.settings.clock_skew)
        batch = unique(rows)
        new = self.store.add_events(batch, now)
        self.metrics.stored.inc(new)
        self.metrics.duplicates.inc(len(rows) - new)
        self.metrics.ingest.observe(time.perf_counter() - began)
        if new:
            self.timers.touch()
            self._say_notes(batch)
        return {"received": len(rows), "stored": new, "duplicates": len(rows) - new}

    # -- policy versions -----------------------------------------------------------------
    def add_policy(self, text: str, path: str | None = None, sha256: str | None = None) -> dict[str, Any]:
        """Add a version posted as text (or read again from ``path``); it must take effect after now. The answer
        lists its warnings (``sla check``'s, located in it: its own, and those of it beside the versions in use,
        W307), in English as every answer; the log says them in the policy's language. ``sha256``: that of the
        file's bytes as read, for a file (``sha256sum`` of it, what ``sla evaluate`` reports for it: a byte-order
        mark and CRLF line ends included); a posted text's is that of its UTF-8."""
        name = path or "<request>"
        compiled = compile_text(text, name)
        if compiled.model is None or compiled.errors:
            raise ApiError(
                422,
                "invalid policy; no version was added",
                problems=[{"text": d.render(compiled.source), "code": d.code} for d in compiled.errors],
            )
        # from the text itself: nothing a request names is read (a reloaded version keeps its file's name, so that
        # a reload can say when that file is gone)
        policy = Policy(compiled.model, path=path, sha256=sha256 or compiled.sha256, source=compiled.source)
        policy.warnings = compiled.warnings
        # a posted version is refused in English, as every error body; a reloaded file (``path``) in its
        # language, located at its ``version`` line, as the loader refuses it at start
        lang = "en" if path is None else policy_language(policy.model)
        where = {} if path is None else {"where": path}

        def said(key: str, keyword: str = "version", **fields: object) -> str:
            # (a posted version at the line of its text the refusal is about, as the loader's refusals of it)
            place = _located(path, policy) if path is not None else _located(name, policy, keyword)
            return message("serve.reload.in_file", lang, path=place, said=message(key, lang, **fields))

        with self._policy_lock:
            current = self.tracker.policies
            same = [p for p in current if p.version == policy.version]
            if same:
                raise ApiError(  # (located as every refusal of a version: `<request>:9:3` for a posted one)
                    409,
                    said("serve.policy.loaded", version=policy.version),
                    message("serve.policy.loaded.help", lang),
                    **where,
                )
            clash = [p for p in current if p.effective == policy.effective]
            if clash:  # E304, located at its `effective` line, in the loader's and `sla check`'s words
                other = clash[0]
                known = (other.path if path is not None else None) or message("serve.policy.in_use", lang)
                refused, hint = _same_day(name, policy, known, other, lang)
                if path is not None:
                    raise ApiError(422, refused, hint, where=path)
                raise ApiError(422, f"{refused}; no version was added", hint)
            if _begun(policy, self.clock.now()):
                tomorrow = dt.datetime.fromtimestamp(self.clock.now(), policy.tz).date() + dt.timedelta(days=1)
                raise ApiError(
                    422,
                    said(
                        "serve.policy.begun",
                        "effective",
                        version=policy.version,
                        effective=_date(policy.effective, lang),
                    ),
                    message("serve.policy.begun.help", lang, tomorrow=tomorrow.isoformat()),
                    **where,
                )
            _check_with(current, policy, path)
            # (the log's in the policy's language; the answer's in English, as every answer)
            own = as_lang(policy_language(policy.model), "en")
            found = _beside(current, compiled, own, path is not None)
            answered = found if path is not None else _beside(current, compiled, "en", False)
            self.store.add_policy(policy.version, policy.name, policy.effective, text, self.clock.now())
            self.tracker.set_policies([*current, policy])
            # the incidents not judged, as the versions now judge them (GET /incidents/ID, the gauge, the log)
            with self._notes_lock:
                self._warn_not_judged(added=policy)
        self.timers.reset()
        # (the log says it in the policy's language, as every line about a version, whether posted or
        # reloaded; only the answer to a request is in English)
        added = message(
            "serve.reload.added", own, version=printable(policy.version), effective=_date(policy.effective, own)
        )
        LOG.warning("%s", added)
        for d in found:  # (as `sla check` prints them: located, the source line and a caret, the help)
            LOG.warning("%s", _lines(d.render(compiled.source, lang=own)))
        return {
            "version": policy.version,
            "effective": policy.effective.isoformat(),
            "versions": self.versions(),
            "warnings": [{"code": d.code, "text": d.render(compiled.source)} for d in answered],
        }

    def versions(self) -> list[dict[str, str]]:
        """The versions in use, oldest first."""
        return [
            {"version": p.version, "effective": p.effective.isoformat(), "name": p.name}
            for p in sorted(self.tracker.policies, key=lambda p: p.effective)
        ]

    def reload_files(self) -> None:
        """SIGHUP: read the policy files again; add the versions not known yet (future ones only). A version
        in use is never changed: one whose file now means something else is said in the log, not applied.
        What it says of a policy is in that policy's primary language, as at start."""
        lang = default_lang(self.tracker.policies)
        try:
            fresh = load_policies(list(self.settings.policy_files))
        except PolicyError as exc:  # the diagnostics as the start prints them: source line and caret
            said = exc.lang if exc.header_read else lang
            LOG.error("%s", _reload_line(_not_reloaded(exc.render(False, said), said), said))
            return
        except Exception as exc:  # a refusal of the loader (in the language it was written in), a file unread
            said = (exc.lang or "en") if isinstance(exc, InputError) else lang
            LOG.error("%s", _reload_line(_not_reloaded(str(exc), said), said))
            return
        in_use = self.tracker.policies
        given = {p.version for p in fresh}
        kept = [p for p in in_use if p.version not in given]  # (posted, or their file gone: still served)
        self._say_gone(kept)
        # the new versions beside those no file gives, as the next start will take them together: a set it would
        # refuse (a file's version of the same day as a posted one) is refused whole, with the loader's words
        in_words = message("serve.policy.in_use", lang)
        try:
            check_versions([*kept, *fresh], names=[*(in_words for _ in kept), *(p.path or "<policy>" for p in fresh)])
        except InputError as exc:
            said = exc.lang or lang
            LOG.error("%s", _reload_line(_not_reloaded(str(exc), said), said))
            return
        known = {p.version: p for p in in_use}
        for p in fresh:
            if p.path is None:
                continue
            if p.version in known:
                self._changed_on_disk(known[p.version], p)
                continue
            try:
                # the text the loader read and compiled (a byte-order mark dropped, line ends LF), and its file's
                # hash: never the file read again, which may have been saved since (what was checked above is
                # what is added, served and recorded)
                assert p.source is not None  # (the loader keeps it)
                self.add_policy(p.source, p.path, p.sha256)
            except ApiError as exc:
                said, lang = exc.message, policy_language(p.model)
                if exc.help:
                    said = _with_help(said, exc.help, lang)
                if exc.more.get("where") != p.path:  # (every refusal of a reload names the file itself)
                    said = message("serve.reload.in_file", lang, path=p.path, said=said)
                LOG.error("%s", _reload_line(_lines(said), lang))
            except Exception as exc:  # the database away: the next SIGHUP tries again
                lang = policy_language(p.model)
                LOG.error("%s", _reload_line(f"{printable(p.path)}: {brief(exc, lang)}", lang))

    def _say_gone(self, kept: Sequence[Policy]) -> None:
        """Say (a warning in the log, at each reload) that the file of a version in use is no longer among the
        policy files: the version stays served (a file removed takes no version back), and how to take it back
        before it takes effect, or that a version in force cannot be taken back. Located at its ``version`` line
        in the file it was read from, in the policy's language."""
        now = self.clock.now()
        for p in kept:
            if p.path is None:  # (posted: it never had a file)
                continue
            lang = as_lang(policy_language(p.model), "en")
            where = _located(p.path, p)
            effective = _date(p.effective, lang)
            said = message("serve.reload.file_gone", lang, path=where, version=p.version, effective=effective)
            if _begun(p, now):
                hint = message("serve.reload.file_gone.begun_help", lang, version=p.version)
            else:
                hint = message("serve.reload.file_gone.help", lang, sql=_take_back(p.version))
            LOG.warning("%s", _reload_line(_lines(_with_help(said, hint, lang)), lang))

    def _changed_on_disk(self, loaded: Policy, fresh: Policy) -> None:
        """Say (an error in the log) that the file of a version in use now means something else: the change
        is not applied, and the next start will refuse the file until it is restored; for a version that has not
        taken effect, how to take it back so that the next start adds it as the file now says."""
        changes = diff_models(loaded.model, fresh.model)
        if not changes:  # (layout or comments only)
            return
        lang = policy_language(fresh.model)
        assert fresh.path is not None
        said = message(
            "serve.reload.version_changed",
            lang,
            path=_located(fresh.path, fresh),
            version=fresh.version,
            changes=_indented(render_text(loaded.model, fresh.model, changes, lang)),
        )
        if _begun(fresh, self.clock.now()):
            hint = message("serve.reload.version_changed.help", lang)
        else:  # (nothing judged under it yet: it may be taken back and added again as the file now says)
            hint = message(
                "serve.reload.version_changed.upcoming_help", lang, version=fresh.version, sql=_take_back(fresh.version)
            )
        LOG.error("%s", _reload_line(_lines(_with_help(said, hint, lang)), lang))


def _reload_line(said: str, lang: str) -> str:
    """A line of the log about a reload (SIGHUP): ``reload: …`` in the language of what it says."""
    return message("serve.reload.line", as_lang(lang, "en"), said=said)


def _not_reloaded(why: str, said_in: str) -> str:
    """A reload refused whole (a file that does not compile, or is not read; versions the loader refuses
    together): what was wrong, located as at start, and that no file's new version was added. A reload takes
    the files as a start takes them, all or none: adding the other files' versions would serve a set of
    versions the next start refuses (it does not start while a file does not compile)."""
    lang = as_lang(said_in, "en")
    said = f"{message('serve.reload.not_reloaded', lang)}\n{_lines(why)}"
    return _with_help(said, message("serve.reload.not_reloaded.help", lang), lang)


def _begun(policy: Policy, now: float) -> bool:
    """Whether ``policy``'s ``effective`` date has begun at ``now`` (its midnight in the policy's zone)."""
    e = policy.effective
    return dt.datetime(e.year, e.month, e.day, tzinfo=policy.tz).timestamp() <= now


def _with_help(said: str, hint: str, lang: Lang) -> str:
    """A message and its help line below it (``ヒント: …``), as a policy diagnostic writes them."""
    return f"{said}\n{message('diag.word.help', lang)}: {hint}"


def _date(d: dt.date, lang: Lang) -> str:
    """A date as a refusal says it: ``2026年10月1日(木)`` in Japanese, ``2026-10-01`` in English."""
    return format_date(d, "ja") if lang == "ja" else d.isoformat()


def _check_with(current: Sequence[Policy], policy: Policy, path: str | None) -> None:
    """Refuse (422) a new version the loader would refuse beside the ones in use (another time zone...).

    A posted version is refused in English, as every error body; a reloaded file (``path``) in the
    loader's words and its language, as ``sla serve`` would refuse it at start."""
    # a client is told of the versions in use by version only (not where the server keeps them), named in
    # words (`the policy in use (version 2026.1)`), as is a version posted to the service at a reload
    in_use = message("serve.policy.in_use", "en" if path is None else policy_language(policy.model))
    names = [(p.path if path else None) or in_use for p in current]
    try:
        check_versions([*current, policy], lang=None if path else "en", names=[*names, path or "<request>"])
    except InputError as exc:
        text, _, hint = str(exc).partition("\n")
        if path is not None:
            raise ApiError(422, str(exc), where=path) from None
        raise ApiError(422, f"{text}; no version was added", hint.removeprefix("help: ") or None) from None


def _same_day(name: str, policy: Policy, known: str, other: Policy, lang: Lang) -> tuple[str, str]:
    """A new version that takes effect on the day of ``other``, one in use (named ``known``), as the loader and
    ``sla check`` refuse it (E304): located at its ``effective`` line (``name:line:column``), its code,
    its words, and its help, in ``lang``: the ``effective`` line to write when it is numbered after ``other``,
    as the loader's (:func:`~sla_dsl.policy.load.e304_help`)."""
    e = policy.effective
    said = words(
        "diag.E304",
        version=policy.version,
        effective=Both(format_date(e, "ja"), e.isoformat()),
        other=words("author.load.version_of", path=known, version=other.version),
    )
    where = _located(name, policy, "effective")
    refused = message("author.load.refused", lang, path=where, code="E304", text=printable(said.text(lang)))
    return refused, e304_help(policy.version, other.version, e).text(lang)


def _beside(current: Sequence[Policy], compiled: Compiled, lang: Lang, reloaded: bool) -> list[Diagnostic]:
    """The warnings of a new version (``compiled``, without errors) as ``sla check`` gives them: its own, and
    those of it beside the versions in use (:func:`compare_versions`: W307) that name it, each located in it
    (one about a version in use at the same line of the new one, as the language server shows it). A version in
    use is named in words, in ``lang`` (``the policy in use``), by its file at a reload: then given with its text,
    so that the file is quoted as ``sla check`` quotes it (```policies/a.sla```), and words are not."""
    in_use = message("serve.policy.in_use", lang)
    beside = [
        Compiled(p.source or "", p.path, p.model, []) if reloaded and p.path else Compiled("", in_use, p.model, [])
        for p in current
    ]
    new = len(beside)
    found: list[Diagnostic] = []
    for finding in compare_versions([*beside, compiled]):
        d = finding.diagnostic
        if d.is_error or new not in (finding.at, finding.other):
            continue
        span = d.span if finding.at == new else finding.other_span
        found.append(d.model_copy(update={"span": span, "file": compiled.file}))
    together = [*compiled.warnings, *found]
    return sorted(together, key=lambda d: (d.span.line, d.span.column))


def _unfiled(merged: Sequence[Policy], served: Mapping[str, Served], lang: Lang) -> list[tuple[Policy, str]]:
    """The versions this database served (``served_versions``) that neither a file nor a request stored gives
    (a file removed while the service was stopped), with the text they were served with: served again, since
    the incidents from their dates were judged under them (dropped, they would be judged again under another
    version, due times moving and alerts firing again). A row an operator wrote to accept a version
    (:data:`ACCEPT`, no text yet) is no version to serve."""
    known = {p.version for p in merged}
    out: list[tuple[Policy, str]] = []
    for version, row in sorted(served.items(), key=lambda vr: (vr[1].effective, vr[0])):
        if version in known or not row.text or row.text_digest != digest(row.text):
            continue
        out.append((_policy_of_text(row.text, lang), row.text))
    return out


def _take_back(version: str) -> str:
    """The statements that take back a version not in force yet, run on the database with every service on it
    stopped: its text and its record of being served go, so the next start serves it from no file."""
    quoted = version.replace("'", "''")
    return f"DELETE FROM policies WHERE version = '{quoted}'; DELETE FROM served_versions WHERE version = '{quoted}'"


def _located(name: str, policy: Policy, keyword: str = "version") -> str:
    """``name:line:column`` of the version's ``keyword`` line (``version``, ``effective``) in the text it was
    compiled from (``name`` alone for a model not compiled from a text): never its file read again, which may
    have been saved since with another line there."""
    header = policy.model.header
    span = header.version_span if keyword == "version" else header.effective_span
    return name if span == NO_SPAN else place(name, span.line, span.column)


def _changes(old_text: str, policy: Policy, lang: Lang) -> str | None:
    """What changed from the version ``old_text`` to ``policy``, one indented line each, by meaning as ``sla
    diff`` says it ("": nothing but layout or comments); None when ``old_text`` no longer compiles."""
    old = compile_text(old_text, "<served policy>")
    if old.model is None or old.errors:
        return None
    changes = diff_models(old.model, policy.model)
    return _indented(render_text(old.model, policy.model, changes, lang)) if changes else ""


def _indented(lines: str) -> str:
    return "\n".join("  " + line for line in lines.splitlines())


def _lines(text: str) -> str:
    """A text of several lines for the log, each with its control characters as their escapes."""
    return "\n".join(printable(line) for line in text.split("\n"))


def _policy_of_text(text: str, lang: Lang = "en") -> Policy:
    """A stored version's text compiled (it compiled when it was added); refused at start (exit 1) in ``lang``
    (``--lang``, else the policy's primary language: every refusal of the start is) with its first diagnostic
    when this release no longer compiles it."""
    compiled = compile_text(text, "<stored policy>")
    if compiled.model is None or compiled.errors:
        said = message("serve.start.stored_uncompilable", lang, error=compiled.errors[0].header(lang))
        raise InputError(said, lang=lang)
    return Policy(compiled.model, sha256=compiled.sha256, source=compiled.source)


@contextlib.contextmanager
def _refused_at_start(store: Store) -> Iterator[None]:
    """The reads and writes of a start: on any failure the store is closed, and one the database answered (a
    right its user lacks, a database it cannot open, a wait passed: :meth:`.store.Store.refusal`) is a refusal
    of the start (exit 1) in the store's language, never a traceback or the SQL."""
    try:
        yield
    except BaseException as exc:
        store.close()
        refused = store.refusal(exc)
        if refused is None:
            raise
        raise refused from None


def _merge(files: Sequence[Policy], stored: Sequence[Policy]) -> list[Policy]:
    known = {p.version for p in files}
    return [*files, *(p for p in stored if p.version not in known)]


def _error(
    status: int, message: str, help: str | None = None, headers: Mapping[str, str] | None = None, **more: Any
) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if help:
        body["help"] = help
    body.update(more)
    return JSONResponse(body, status_code=status, headers=headers)


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) past ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "invalid Content-Length header")
        if int(declared) > limit:
            raise ApiError(
                413, f"request body of {declared} bytes is over the limit of {limit}", "send smaller batches"
            )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"request body is over the limit of {limit} bytes", "send smaller batches")
        chunks.append(chunk)
    return b"".join(chunks)


def _authorize(service: Service, request: Request) -> None:
    token = service.settings.token
    if token is None:
        return
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise ApiError(401, "a bearer token is required to write", "send `Authorization: Bearer TOKEN`")


#: The answer (503) to a request while the database cannot be used: its ``error`` and ``help``.
_DATABASE_AWAY = (
    "database unavailable",
    "the service cannot reach its database (away, refusing connections, or busy); it answers again once the "
    "database is back: try again later (the service's log says what the database answered)",
)


def _unreachable_line(service: Service, method: str, route: str, exc: BaseException) -> tuple[str, str]:
    """The log's line of a request answered 503, the database away (in the log's language), and what tells
    this failure from another (:class:`.repeats.Repeats`). While a PostgreSQL server answers nothing (the
    watchdog gave up its connections: :mod:`.watchdog`) the line says so, naming the database and the
    bound, whatever the driver said of the connection given up."""
    request = f"{method} {route}"
    if service.store.stalled:
        database = printable(database_kind(service.settings.db))
        bound = f"{service.settings.db_stall:g}"
        line = message("serve.database_stalled", service.lang, request=request, database=database, seconds=bound)
        return line, line
    line = message("serve.database_away", service.lang, request=request, error=printable(brief(exc, service.lang)))
    return line, brief(exc)


def _internal_line(service: Service, method: str, route: str, exc: BaseException) -> str:
    """The log's line of a request answered 500, an unexpected exception (in the log's language): the
    request, the exception and the place in this package it was raised (:func:`.store.brief_parts`)."""
    error, place = brief_parts(exc)
    key = "serve.internal_error" if place else "serve.internal_error.unplaced"
    return message(key, service.lang, request=f"{method} {route}", error=printable(error), place=place)


class _OneLine:
    """An exception a route lets through: logged in one line (:func:`.store.brief`: no traceback, no SQL
    parameters, no value it carries) and answered 500 ``internal error``, never raised on to the server;
    a database that cannot be used (away, refusing connections: :func:`.store.unreachable`) is answered 503
    ``database unavailable``. The same failure of a route again is counted, not said again
    (:class:`.repeats.Repeats`)."""

    def __init__(self, app: ASGIApp, repeats: Repeats, service: Service) -> None:
        self.app = app
        self.repeats = repeats
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        status = 0

        async def tracked(message: Message) -> None:
            nonlocal started, status
            if message["type"] == "http.response.start":
                started, status = True, int(message.get("status", 0))
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            route = getattr(scope.get("route"), "path", None) or "?"  # the route, not the path (an id is data)
            method = str(scope.get("method", "?"))
            key = f"{method} {route}"
            if unreachable(exc):
                self.repeats.failed(key, *_unreachable_line(self.service, method, route, exc))
                response = _error(503, *_DATABASE_AWAY, headers={"Retry-After": "5"})
            else:
                self.repeats.failed(key, _internal_line(self.service, method, route, exc), brief(exc))
                response = _error(500, "internal error", "the service logged it; please report it")
            if not started:
                await response(scope, receive, send)
            return
        if self.repeats.going and status < 500:  # (a route that failed and now answers: said once)
            route = getattr(scope.get("route"), "path", None) or "?"
            self.repeats.ok(f"{scope.get('method', '?')} {route}")


def _as_of(text: str | None, tz: dt.tzinfo, start: float, lang: str) -> float | None:
    """``GET /report``'s ``as_of`` (None when not given); refused (422, as any bad value of the request)
    when empty or before ``from``, in the report's language and ``sla evaluate``'s words (naming the
    request's fields)."""
    if text is None:
        return None
    if not text.strip():
        raise ApiError(422, message("serve.report.as_of_empty", lang, example=EXAMPLE))
    t = parse_edge(text, tz, "as_of")
    first = dt.datetime.fromtimestamp(start, tz)
    if t < first:
        said = message(
            "author.time.as_of_before",
            lang,
            as_of=t.isoformat(),
            start=first.isoformat(),
            as_of_flag="as_of",
            from_flag="from",
            to_flag="to",
        )
        raise ApiError(422, said)
    return t.timestamp()


def _paging(offset: int, limit: int | None, default: int, most: int) -> tuple[int, int]:
    """A listing's ``offset`` and ``limit`` (``default`` when not given), refused (422) out of their bounds."""
    if offset < 0:
        raise ApiError(422, f"`offset` value `{offset}` is negative", "start at `offset=0`")
    if limit is None:
        return offset, default
    if not 1 <= limit <= most:
        raise ApiError(422, f"`limit` value `{limit}` is out of range", f"ask for 1 to {most} items at a time")
    return offset, limit


def paged(key: str, items: list[dict[str, Any]], total: int, offset: int) -> dict[str, Any]:
    """A listing's answer: its ``items`` under ``key``, how many there are in all (``total``), how many are
    answered (``returned``) and the ``offset`` of the next page (``next``, null after the last)."""
    after = offset + len(items)
    return {
        key: items,
        "total": total,
        "returned": len(items),
        "offset": offset,
        "next": after if after < total else None,
    }


def _within(text: str) -> float:
    """``GET /timers``'s ``within`` in seconds; refused (422) when it is no duration, or one longer than the
    longest period a report judges (:data:`MAX_PERIOD`)."""
    m = _WITHIN.match(text.strip())
    if not m:
        raise ApiError(422, f"`within` value `{text}` is not a duration", "write it like `90s`, `30m`, `1h` or `2d`")
    digits, unit = m.group(1).lstrip("0") or "0", m.group(2)
    limit = MAX_PERIOD.total_seconds()
    # (a number of more digits than any allowed value is too large, whatever it is: not read as an int)
    if len(digits) > len(str(int(limit))) or int(digits) * _UNIT[unit] > limit:
        days = int(limit // 86400)
        raise ApiError(
            422,
            f"`within` value `{text}` is too large: at most {days}d ({MAX_PERIOD_YEARS} years)",
            f"ask for at most `{days}d`",
        )
    return float(int(digits) * _UNIT[unit])


def create_app(
    policies: Sequence[Policy],
    settings: Settings | None = None,
    clock: Clock | None = None,
    *,
    held_hup: threading.Event | None = None,
) -> FastAPI:
    """The ASGI app of ``sla serve`` over ``policies`` (the database is migrated here). ``held_hup``: set by
    a SIGHUP that came while the service was being built (``sla serve`` remembers one from the process's
    start, :data:`sla_dsl.cli.app.HELD_HUP`): the policy files are read again once the service is ready."""
    service = Service(policies, settings or Settings(), clock)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timer_task = asyncio.create_task(service.timers.run(service.clock, service.sender))
        sender_task = asyncio.create_task(service.sender.run())
        holding = asyncio.create_task(service.holding())
        tasks = [timer_task, sender_task, holding]
        loop = asyncio.get_running_loop()
        hup = False
        before: Any = None
        if service.settings.policy_files and threading.current_thread() is threading.main_thread():
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                before = signal.getsignal(signal.SIGHUP)
                loop.add_signal_handler(signal.SIGHUP, lambda: loop.run_in_executor(None, service.reload_files))
                hup = True
        # (looked at once the loop's handler is in place: a SIGHUP from now on goes to it)
        if hup and held_hup is not None and held_hup.is_set():
            held_hup.clear()
            LOG.warning("%s", message("serve.reload.held", default_lang(service.tracker.policies)))
            loop.run_in_executor(None, service.reload_files)
        try:
            yield
        finally:
            if hup:
                loop.remove_signal_handler(signal.SIGHUP)
                if callable(before):  # (remembered again while stopping, not the system's default: a stop)
                    signal.signal(signal.SIGHUP, before)
            timer_task.cancel()
            holding.cancel()
            await service.sender.stop(sender_task)
            for t in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await t
            await anyio.to_thread.run_sync(service.let_go)
            service.store.close()

    app = FastAPI(title="sla serve", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.service = service

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        service.metrics.rejected.labels(str(exc.status)).inc()
        return _error(exc.status, exc.message, exc.help, **exc.more)

    @app.exception_handler(Rejected)
    async def rejected(_request: Request, exc: Rejected) -> JSONResponse:
        service.metrics.rejected.labels("422").inc()
        return JSONResponse(exc.json(), status_code=422)

    @app.exception_handler(InputError)
    async def input_error(_request: Request, exc: InputError) -> JSONResponse:
        service.metrics.rejected.labels("422").inc()
        return _error(422, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        service.metrics.rejected.labels(str(exc.status_code)).inc()
        # (its headers kept: a 405 says which methods the path allows in ``Allow``)
        return _error(exc.status_code, str(exc.detail).lower(), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        service.metrics.rejected.labels("422").inc()
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return _error(422, f"invalid request: `{where}`: {str(first.get('msg', 'invalid')).lower()}")

    app.add_middleware(_OneLine, repeats=service.oneline, service=service)

    @app.post("/events")
    async def post_events(request: Request) -> dict[str, int]:
        _authorize(service, request)
        body = await _body(request, service.settings.max_body)
        return await anyio.to_thread.run_sync(service.ingest, body)

    @app.post("/policies")
    async def post_policies(request: Request) -> dict[str, Any]:
        _authorize(service, request)
        body = await _body(request, service.settings.max_body)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(422, "the policy is not UTF-8 text") from None
        return await anyio.to_thread.run_sync(service.add_policy, text)

    @app.get("/policies")
    def get_policies() -> dict[str, Any]:
        return {"versions": service.versions()}

    @app.get("/incidents")
    def get_incidents(status: str | None = None, offset: int = 0, limit: int | None = None) -> dict[str, Any]:
        wanted = {s.strip() for s in status.split(",") if s.strip()} if status else None
        if wanted and not wanted <= STATUSES:
            bad = ", ".join(f"`{s}`" for s in sorted(wanted - STATUSES))
            raise ApiError(422, f"unknown status {bad}", "use " + ", ".join(sorted(STATUSES)))
        offset, limit = _paging(offset, limit, LIMIT, MAX_LIMIT)
        items, total = service.tracker.incidents_page(wanted, offset, limit)
        return paged("incidents", items, total, offset)

    @app.get("/incidents/{ident:path}")
    def get_incident(ident: str, lang: str | None = None) -> dict[str, Any]:
        said = default_lang(service.tracker.policies) if lang is None else lang  # (as the dashboard's)
        if said not in ("en", "ja"):
            raise ApiError(422, f"unknown language `{lang}`", "use en or ja")
        found = service.tracker.incident(ident, said)
        if found is None:
            raise ApiError(404, f"no incident `{ident}`", "GET /incidents lists them")
        return found

    @app.get("/outages")
    def get_outages() -> dict[str, Any]:
        return {"outages": service.tracker.outages()}

    @app.get("/timers")
    def get_timers(within: str = "1h", offset: int = 0, limit: int | None = None) -> dict[str, Any]:
        seconds = _within(within)
        offset, limit = _paging(offset, limit, LIMIT, MAX_LIMIT)
        items, total = service.tracker.timers_page(seconds, offset, limit)
        return paged("timers", items, total, offset)

    @app.get("/alerts")
    def get_alerts() -> dict[str, Any]:
        return {"alerts": service.store.alerts()}

    @app.get("/report")
    def get_report(
        request: Request, format: str = "json", lang: str | None = None, as_of: str | None = None
    ) -> Response:
        q = request.query_params
        if "from" not in q or "to" not in q:
            raise ApiError(422, "`from` and `to` are required", "e.g. /report?from=2026-11-01&to=2026-12-01")
        if format not in FORMATS:
            raise ApiError(422, f"unknown format `{format}`", "use " + ", ".join(FORMATS))
        if lang is None:  # as `sla evaluate`: the policy's primary language
            lang = default_lang(service.tracker.policies)
        if lang not in ("en", "ja"):
            raise ApiError(422, f"unknown language `{lang}`", "use en or ja")
        tz = service.tracker.tz
        start = parse_edge(q["from"], tz, "from").timestamp()
        end = parse_edge(q["to"], tz, "to").timestamp()
        if end <= start:
            raise ApiError(422, "the period is empty: `to` must be after `from`")
        if end - start > MAX_PERIOD.total_seconds():
            raise ApiError(
                422,
                f"`from` {q['from']} and `to` {q['to']} are more than {MAX_PERIOD_YEARS} years apart, "
                "the longest period one report judges",
                f"ask for periods of at most {MAX_PERIOD_YEARS} years",
            )
        t_as_of = _as_of(as_of, tz, start, lang)
        text = service.tracker.report(start, end, t_as_of, format, lang)
        return Response(text, media_type=FORMATS[format] + ("" if format == "json" else "; charset=utf-8"))

    @app.get("/metrics")
    def get_metrics() -> Response:
        return Response(service.metrics.text(), media_type="text/plain; version=0.0.4; charset=utf-8")

    @app.api_route("/healthz", methods=["GET", "HEAD"])
    def get_health() -> Any:
        try:
            count, _ = service.store.revision()
        except Exception as exc:
            if not unreachable(exc):
                raise
            service.oneline.failed("GET /healthz", *_unreachable_line(service, "GET", "/healthz", exc))
            return _error(503, *_DATABASE_AWAY, headers={"Retry-After": "5"}, ok=False)
        service.oneline.ok("GET /healthz")
        return {"ok": True, "events": count, "version": __version__}

    def dashboard_lang(lang: str | None) -> str:
        """``?lang=`` (refused, 422, when the dashboard does not write it, as ``GET /report`` refuses it), else
        the policy's primary language."""
        if lang is None:
            return default_lang(service.tracker.policies)
        if lang not in dashboard.LANGS:
            raise ApiError(422, f"unknown language `{lang}`", "use en or ja")
        return lang

    @app.get("/dashboard.json")
    def get_dashboard_data(lang: str | None = None, offset: int = 0, limit: int | None = None) -> dict[str, Any]:
        said = dashboard_lang(lang)
        offset, limit = _paging(offset, limit, dashboard.ROWS, dashboard.MAX_ROWS)
        return dashboard.data(service.tracker, said, offset=offset, limit=limit)

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def get_dashboard(lang: str | None = None, offset: int = 0, limit: int | None = None) -> HTMLResponse:
        said = dashboard_lang(lang)
        offset, limit = _paging(offset, limit, dashboard.ROWS, dashboard.MAX_ROWS)
        return HTMLResponse(dashboard.page(service.tracker, said, offset=offset, limit=limit))

    return app

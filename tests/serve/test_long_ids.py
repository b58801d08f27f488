"""No id, key or name a user gives can make a write of ``sla serve`` fail, and one alert that cannot be
stored never holds up the others (a QA report).

An id has no length limit in the contract (an event line holds up to 1 MiB), nor has a policy's version
or an event type it declares. On PostgreSQL the alert key was ``varchar(300)`` (it embeds the id: a named
target's key is ~60 characters longer than the id), the event type ``varchar(40)``, and an id, an alert
key and a version sat in B-tree indexes, whose entry holds at most 2,704 bytes: every such write failed,
and a failed alert stayed first in line, holding up every alert after it for good. The tests of long texts
failed before the fix on PostgreSQL (SQLite limits none of them), those of a refused alert (faults
injected) and of the upgrade on any database; the last two pin that the schema step may run again and that
a delivery the receiver refuses holds up no other.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import string
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from sla_dsl.policy import load_policies
from sla_dsl.serve import store as store_module
from sla_dsl.serve.alerts import STRIKES, Timers
from sla_dsl.serve.ingest import parse_body, unique
from sla_dsl.serve.store import Store, Webhook, digest
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import POLICY, ROOT, Starter, tokyo, wait_for
from .test_timers import Hook

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
#: Mon 30 Nov 11:30: the at-risk instants (Mon 11:00) of the P1 incidents reported Fri 16:00 have passed.
NOW = tokyo(2026, 11, 30, 11, 30)
AT_RISK = tokyo(2026, 11, 30, 11)
DUE = tokyo(2026, 11, 30, 12)


def noise(n: int, seed: int) -> str:
    """``n`` random letters: a text PostgreSQL cannot compress under its index entry limit."""
    rnd = random.Random(seed)
    return "".join(rnd.choice(string.ascii_letters) for _ in range(n))


def reported(ident: str, at: str = "2026-11-27T16:00:00+09:00") -> dict[str, str]:
    return {"event": "incident.reported", "at": at, "id": ident, "priority": "P1"}


def lines(events: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(e).encode() + b"\n" for e in events)


def alert_keys(client: Any) -> list[str]:
    return sorted(a["key"] for a in client.get("/alerts").json()["alerts"])


# -- 1. long ids: events, alerts, policy versions, declared types ------------------------------------------------
def test_alerts_of_long_ids_are_stored_and_hold_up_none_after_them(start: Starter, db_url: str) -> None:
    wide = "W" * 290  # its key, `incident.at_risk|<id>|<instant>`, is longer than 300 characters
    huge = "A" + noise(3000, 1)  # an index entry of more than 2,704 bytes
    c = start(db_url, FakeClock(NOW))
    for ident in (wide, huge, "Z-SHORT"):  # (Z-SHORT's alert comes after the others in line)
        r = c.post("/events", json=reported(ident))
        assert r.status_code == 200, r.text
    at = f"{AT_RISK:.6f}"
    wanted = sorted(f"incident.at_risk|{i}|{at}" for i in (wide, huge, "Z-SHORT"))
    wait_for(lambda: alert_keys(c) == wanted, "the three at-risk alerts")
    alerts = c.get("/alerts").json()["alerts"]
    assert all("digest" not in a for a in alerts)  # (the answer is as before)
    assert {json.loads(a["payload"])["id"] for a in alerts} == {wide, huge, "Z-SHORT"}
    r = c.get(f"/incidents/{huge}")
    assert r.status_code == 200 and huge in r.text
    # fired once: the same key again is the same alert
    store = c.app.state.service.store  # type: ignore[attr-defined]
    assert store.fire(wanted[0], "incident.at_risk", huge, AT_RISK, NOW, "{}", ()) is None


def test_named_target_alerts_of_a_long_id_are_stored(db_url: str) -> None:
    helpdesk = load_policies([str(HELPDESK)])
    store = Store(db_url)
    store.migrate()
    clock = FakeClock(tokyo(2026, 11, 26, 17))
    timers = Timers(Tracker(store, helpdesk, clock))
    long = "L" * 250  # `incident.target_breached#resolve@resolution|<id>|<instant>`: 312 characters
    events = []
    for ident in (long, "SHORT"):
        events.append({**reported(ident, "2026-11-25T09:00:00+09:00")})
        events.append({"event": "incident.responded", "at": "2026-11-25T09:20:00+09:00", "id": ident})
    store.add_events(parse_body(lines(events), helpdesk), clock.now())
    timers.recompute(clock.now())
    fired = timers.fire_due(clock.now())
    assert sorted((t.item, t.target, t.kind) for t in fired) == sorted(
        (i, target, kind)
        for i in (long, "SHORT")
        for target, kind in (
            ("update", "incident.target_at_risk"),
            ("update", "incident.target_breached"),
            ("resolve", "incident.target_at_risk"),
        )
    )
    assert max(len(a["key"]) for a in store.alerts()) > 300
    store.close()


def test_events_of_a_long_id_and_of_a_long_declared_type_are_stored(db_url: str, tmp_path: Path) -> None:
    name = "incident.chat_started_by_the_customer_on_the_web_portal"  # 55 characters
    policy = tmp_path / "helpdesk.sla"
    policy.write_text(HELPDESK.read_text("utf-8").replace("incident.chat_started", name), "utf-8")
    pols = load_policies([str(policy)])
    store = Store(db_url)
    store.migrate()
    huge = noise(5000, 2)
    events = [
        reported(huge, "2026-11-25T09:00:00+09:00"),
        {"event": name, "at": "2026-11-25T09:05:00+09:00", "id": "C-1"},
    ]
    assert store.add_events(unique(parse_body(lines(events), pols)), tokyo(2026, 11, 26)) == 2
    # found again by their id (a hash index of it on PostgreSQL)
    assert [i for _, i, _, _ in store.item_events("incident", [huge, "C-1"])] in ([huge, "C-1"], ["C-1", huge])
    assert store.add_events(unique(parse_body(lines(events), pols)), tokyo(2026, 11, 26)) == 0
    store.close()


def test_a_policy_version_of_any_length_is_stored_once(db_url: str) -> None:
    store = Store(db_url)
    store.migrate()
    version = noise(5000, 3)
    assert store.add_policy(version, "n", dt.date(2027, 4, 1), "text 1", 1.0) is True
    assert store.add_policy(version, "n", dt.date(2027, 4, 1), "text 2", 2.0) is False
    assert store.policy_texts() == ["text 1"]
    store.close()


# -- 2. one alert that cannot be stored holds up none after it ----------------------------------------------------
def _timers_with_three_due(tmp_path: Path, policies: list[Any]) -> tuple[Store, Timers]:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    clock = FakeClock(NOW)
    timers = Timers(Tracker(store, policies, clock))
    store.add_events(parse_body(lines([reported(i) for i in ("A-1", "B-1", "C-1")]), policies), NOW)
    timers.recompute(NOW)
    assert [t.item for t in timers.pending if t.passed(NOW)] == ["A-1", "B-1", "C-1"]
    return store, timers


def _refusing(store: Store, monkeypatch: pytest.MonkeyPatch, item: str, error: Exception) -> list[str]:
    """Make the store refuse the alerts of ``item`` with ``error``; the items of the writes tried."""
    real, tried = store.fire, []

    def fire(key: str, kind: str, it: str, *args: Any) -> Any:
        tried.append(it)
        if it == item:
            raise error
        return real(key, kind, it, *args)

    monkeypatch.setattr(store, "fire", fire)
    return tried


@pytest.mark.parametrize(
    "error",
    [
        # what PostgreSQL answered for a key over varchar(300), and for an index entry over 2,704 bytes
        sa.exc.DataError("INSERT", {}, psycopg.errors.StringDataRightTruncation("value too long")),
        sa.exc.OperationalError("INSERT", {}, psycopg.errors.ProgramLimitExceeded("index row size 5024 exceeds")),
        ValueError("a value that cannot be written"),
    ],
    ids=["22001", "54000", "not-the-database"],
)
def test_an_alert_refused_for_what_it_writes_is_skipped_at_once(
    tmp_path: Path, policies: list[Any], monkeypatch: pytest.MonkeyPatch, caplog: Any, error: Exception
) -> None:
    store, timers = _timers_with_three_due(tmp_path, policies)
    tried = _refusing(store, monkeypatch, "A-1", error)
    with caplog.at_level(logging.ERROR, "sla.serve"):
        fired = timers.fire_due(NOW)
    assert [t.item for t in fired] == ["B-1", "C-1"]
    assert tried == ["A-1", "B-1", "C-1"]
    # (in the policy's language: Japanese here)
    assert (
        "タイマー：案件 `A-1` の応答（要注意、2026年11月30日(月) 11:00）のアラートは記録できないため、飛ばします"
        in caplog.text
    )
    # not tried again, not even after a new look
    timers.recompute(NOW)
    assert timers.fire_due(NOW) == [] and tried == ["A-1", "B-1", "C-1"]
    assert sorted(a["item"] for a in store.alerts()) == ["B-1", "C-1"]
    store.close()


def test_an_alert_refused_otherwise_holds_up_none_after_it(
    tmp_path: Path, policies: list[Any], monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    store, timers = _timers_with_three_due(tmp_path, policies)
    refusal = sa.exc.OperationalError("INSERT", {}, Exception("something only this alert meets"))
    tried = _refusing(store, monkeypatch, "A-1", refusal)
    with caplog.at_level(logging.ERROR, "sla.serve"):
        fired = timers.fire_due(NOW)
    # the others are stored in the same pass; A-1 stays first in line, to be tried again after a pause
    assert [t.item for t in fired] == ["B-1", "C-1"]
    assert timers.pending[0].item == "A-1" and timers.held == 1
    assert (
        "タイマー：案件 `A-1` の応答（要注意、2026年11月30日(月) 11:00）"
        "のアラートを記録できません（まもなくもう一度試します）" in caplog.text
    )
    # refused alone, it may be the database that is away: raised, kept first in line, no strike counted
    for _ in range(STRIKES):
        with pytest.raises(sa.exc.OperationalError):
            timers.fire_due(NOW)
    assert timers.pending[0].item == "A-1" and timers.skipped == set() and tried.count("A-1") == 1 + STRIKES
    store.close()


def test_an_alert_refused_in_passes_that_store_others_is_skipped(
    tmp_path: Path, policies: list[Any], monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    clock = FakeClock(NOW)
    timers = Timers(Tracker(store, policies, clock))
    refusal = sa.exc.OperationalError("INSERT", {}, Exception("something only this alert meets"))
    tried = _refusing(store, monkeypatch, "A-1", refusal)
    others = [f"N-{n}" for n in range(STRIKES)]
    store.add_events(parse_body(lines([reported("A-1")]), policies), NOW)
    with caplog.at_level(logging.ERROR, "sla.serve"):
        for n, other in enumerate(others, 1):  # each pass has another alert the database takes
            store.add_events(parse_body(lines([reported(other)]), policies), NOW)
            timers.recompute(NOW)
            assert [t.item for t in timers.fire_due(NOW)] == [other]
            assert tried.count("A-1") == n
    assert "A-1" not in {t.item for t in timers.pending if t.passed(NOW)} and timers.held == 0
    assert (
        "タイマー：案件 `A-1` の応答（要注意、2026年11月30日(月) 11:00）のアラートは記録できないため、飛ばします"
        in caplog.text
    )
    timers.recompute(NOW)
    assert timers.fire_due(NOW) == [] and tried.count("A-1") == STRIKES
    store.close()


def test_a_database_away_still_keeps_every_alert_first_in_line(
    tmp_path: Path, policies: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, timers = _timers_with_three_due(tmp_path, policies)
    away = sa.exc.OperationalError("INSERT", {}, psycopg.OperationalError("server closed the connection"))
    tried, real = [], store.fire

    def fire(*args: Any) -> Any:
        tried.append(args[2])
        raise away

    monkeypatch.setattr(store, "fire", fire)
    with pytest.raises(sa.exc.OperationalError):
        timers.fire_due(NOW)
    assert tried == ["A-1", "B-1"]  # a second refusal ends the pass
    assert [t.item for t in timers.pending if t.passed(NOW)] == ["A-1", "B-1", "C-1"]
    monkeypatch.setattr(store, "fire", real)
    assert [t.item for t in timers.fire_due(NOW)] == ["A-1", "B-1", "C-1"]
    assert timers.skipped == set()
    store.close()


# -- 3. a database of the previous schema (step 2) ---------------------------------------------------------------
def _schema_2(url: str) -> sa.Engine:
    """A database as the previous release left it: its tables written out here as that release made them."""
    old = sa.MetaData()
    big = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    sa.Table(
        "events",
        old,
        sa.Column("seq", big, primary_key=True, autoincrement=True),
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
    sa.Table(
        "alerts",
        old,
        sa.Column("id", big, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(300), nullable=False, unique=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("instant", sa.Float(), nullable=False),
        sa.Column("fired", sa.Float(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
    )
    sa.Table(
        "webhook_deliveries",
        old,
        sa.Column("alert_id", sa.BigInteger(), sa.ForeignKey("alerts.id"), primary_key=True),
        sa.Column("hook", sa.String(64), primary_key=True),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try", sa.Float(), nullable=False),
        sa.Column("delivered", sa.Float(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Index("webhook_deliveries_due", "hook", "state", "next_try"),
    )
    sa.Table(
        "policies",
        old,
        sa.Column("version", sa.Text(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("effective", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("added", sa.Float(), nullable=False),
    )
    sa.Table("schema_version", old, sa.Column("version", sa.Integer(), nullable=False))
    engine = sa.create_engine(Store(url).url)
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(old.tables["schema_version"].insert().values(version=2))
    return engine


def test_a_database_of_the_previous_schema_is_upgraded_and_fires_nothing_again(
    start: Starter, db_url: str, policies: list[Any]
) -> None:
    hook = Hook()
    try:
        engine = _schema_2(db_url)
        key = f"incident.at_risk|T-1|{AT_RISK:.6f}"  # fired by the previous release, not delivered yet
        later = (POLICY.read_text("utf-8").replace('version "2026.1"', 'version "2027.1"', 1)).replace(
            "effective 2026-04-01", "effective 2027-04-01", 1
        )
        w = Webhook.of(hook.url)
        with engine.begin() as conn:
            rows = parse_body(lines([reported("T-1")]), policies)
            conn.execute(
                sa.text(
                    "INSERT INTO events (key, family, ident, event, at_epoch, body, received) "
                    "VALUES (:key, :family, :ident, :event, :at_epoch, :body, :received)"
                ),
                [_row(r) for r in rows],
            )
            conn.execute(
                sa.text(
                    "INSERT INTO alerts (key, kind, item, instant, fired, payload) "
                    "VALUES (:key, 'incident.at_risk', 'T-1', :instant, :instant, :payload)"
                ),
                {"key": key, "instant": AT_RISK, "payload": json.dumps({"alert": key})},
            )
            alert_id = conn.execute(sa.text("SELECT id FROM alerts")).scalar()
            conn.execute(
                sa.text(
                    "INSERT INTO webhook_deliveries (alert_id, hook, shown, state, attempts, next_try) "
                    "VALUES (:a, :h, :s, 'pending', 0, :t)"
                ),
                {"a": alert_id, "h": w.hook, "s": w.shown, "t": AT_RISK},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO policies (version, name, effective, text, added) VALUES ('2027.1', 'x', :e, :t, 1)"
                ),
                {"e": dt.date(2027, 4, 1), "t": later},
            )
        engine.dispose()

        clock = FakeClock(NOW)
        c = start(db_url, clock, webhooks=(hook.url,))
        store = c.app.state.service.store  # type: ignore[attr-defined]
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version FROM schema_version")).scalar() == 3
        # the alert stored before is delivered, once, and not fired again
        wait_for(lambda: hook.received == [{"alert": key}], "the delivery left pending by the previous release")
        assert [p["version"] for p in c.get("/policies").json()["versions"]] == ["2026.1", "2027.1"]
        assert store.add_policy("2027.1", "x", dt.date(2027, 4, 1), later, 2.0) is False
        assert store.fire(key, "incident.at_risk", "T-1", AT_RISK, NOW, "{}", ()) is None
        # alerts of long ids are stored now, after the one of before
        huge = "A" + noise(3000, 4)
        assert c.post("/events", json=reported(huge)).status_code == 200
        wanted = sorted([key, f"incident.at_risk|{huge}|{AT_RISK:.6f}"])
        wait_for(lambda: alert_keys(c) == wanted, "the alert of the long id")
        wait_for(lambda: len(hook.received) == 2, "its delivery")
        # a restart fires none of them again
        start.stop(c)
        c2 = start(db_url, clock, webhooks=(hook.url,))
        svc = c2.app.state.service  # type: ignore[attr-defined]
        c2.get("/incidents")
        wait_for(lambda: svc.timers.dirty is False and svc.timers.next_instant() == DUE, "the timers of the restart")
        assert alert_keys(c2) == wanted and len(hook.received) == 2
    finally:
        hook.close()


def _row(r: Any) -> dict[str, Any]:
    return {f: getattr(r, f) for f in ("key", "family", "ident", "event", "at_epoch", "body")} | {"received": NOW}


def test_the_schema_step_may_run_again(db_url: str) -> None:
    """On SQLite a change of the schema may be committed before the step's version: running the step
    again, as the next start does, finds it made and goes on."""
    store = Store(db_url)
    store.migrate()
    assert store.fire("k", "incident.at_risk", "I-1", NOW, NOW, "{}", ()) is not None
    assert store.add_policy("v", "n", dt.date(2027, 4, 1), "t", 1.0)
    with store.engine.begin() as conn:
        store_module.MIGRATIONS[-1][1](conn)
    assert store.fire("k", "incident.at_risk", "I-1", NOW, NOW, "{}", ()) is None
    assert store.add_policy("v", "n", dt.date(2027, 4, 1), "t", 1.0) is False
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT digest FROM alerts")).scalar() == digest("k")
    store.close()


def test_a_delivery_the_receiver_refuses_holds_up_no_other(start: Starter, db_url: str) -> None:
    """A receiver that refuses one alert for good (its body too large for it, say) gets the others."""
    hook = Hook()
    try:
        huge = "A" + noise(3000, 5)
        handler = hook.server.RequestHandlerClass
        plain = handler.do_POST  # type: ignore[attr-defined]

        def do_post(self: Any) -> None:
            if int(self.headers["content-length"]) > 2000:
                self.rfile.read(int(self.headers["content-length"]))
                self.send_response(413)
                self.end_headers()
                return
            plain(self)

        handler.do_POST = do_post  # type: ignore[attr-defined]
        c = start(db_url, FakeClock(NOW), webhooks=(hook.url,))
        for ident in (huge, "Z-SHORT"):
            assert c.post("/events", json=reported(ident)).status_code == 200
        wait_for(lambda: [r["id"] for r in hook.received] == ["Z-SHORT"], "the short alert's delivery")

        def states() -> dict[str, str]:
            return {a["item"][:7]: a["deliveries"][0]["state"] for a in c.get("/alerts").json()["alerts"]}

        # (the receiver has the post before the sender records it delivered: waited for, not raced)
        wait_for(lambda: states().get("Z-SHORT") == "delivered", "the short alert recorded as delivered")
        assert states() == {huge[:7]: "failed", "Z-SHORT": "delivered"}  # (a 413 is refused for good)
    finally:
        hook.close()

"""A late batch stored just before the server dies is still looked at: the alerts it makes wrong are withdrawn.

An incident's response may arrive in a later batch than its report, dated before the due time: the breach
(and at-risk) alert fired from the report alone is then withdrawn (``tests/serve/test_late_batches.py``). The
timers make that check when they look at the events stored since their last look; before the fix a start took
every event stored before it for looked at, so a server killed between the commit of such a batch (``POST
/events`` answered) and its timers' look left the wrong alerts standing for good: receivers kept a breach that
was none. Now the transaction that stores a batch notes it, and the note goes only once the timers have judged
the alerts of its items and recorded each withdrawal: the next start withdraws them, once, posted after the
alerts they withdraw, whichever servers start. Each test below failed before the fix (nothing was withdrawn),
but the last one, which guards against withdrawing a true alert.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sla_dsl.serve import Settings
from sla_dsl.serve.alerts import WITHDRAWN, Timers, withdrawal_key
from sla_dsl.serve.app import Service
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import Starter, wait_for
from .test_late_batches import AT_RISK, BREACHED, NOW, REPORTED, by_kind, checked, fired, responded, service, withdrawn
from .test_timers import Hook

#: The response, in time (the incident was at risk at 14:00 and due at 15:00): both alerts are wrong.
IN_TIME = responded("2026-11-30T11:00:00+09:00")


def _body(event: dict[str, str]) -> bytes:
    return json.dumps(event).encode() + b"\n"


def _service(policies: list[Any], db: str, now: float) -> Service:
    """A server started on ``db`` whose timers are driven by hand (no loop: it looks only when told)."""
    return Service(policies, Settings(db=db), FakeClock(now))


def _withdrawals(store: Store) -> list[dict[str, Any]]:
    """The withdrawals recorded, their bodies read."""
    return [json.loads(a["payload"]) for a in store.alerts() if a["kind"] == WITHDRAWN]


def _fired_then_killed(policies: list[Any], db: str, late: dict[str, str]) -> None:
    """A server fires the report's two alerts and looks again after them (every batch looked at); then ``late``
    is stored, acknowledged, and the server dies before its timers look."""
    one = _service(policies, db, NOW)
    one.ingest(_body(REPORTED))
    one.timers.recompute(NOW)
    assert sorted(t.key for t in one.timers.fire_due(NOW)) == [AT_RISK, BREACHED]
    one.timers.recompute(NOW)  # (the look after the alerts: they are read back, nothing is left to check)
    assert one.ingest(_body(late))["stored"] == 1
    one.store.close()  # (killed: nothing more is written)


def test_a_late_batch_stored_just_before_the_server_died_is_looked_at_by_the_next_start(
    start: Starter, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = Hook()
    try:
        c = start(db_url, FakeClock(NOW), webhooks=(hook.url,))
        fired(c, hook)  # (both alerts fired and posted)
        # the timers look no more from now on (the server is about to be killed): a look under way ends first
        calls: list[float] = []
        monkeypatch.setattr(service(c).timers, "recompute", calls.append)
        service(c).timers.touch()
        wait_for(lambda: calls, "the timers' loop past its last look")
        assert c.post("/events", json=IN_TIME).status_code == 200  # stored, acknowledged ...
        start.stop(c)  # ... and the server stops before its timers have looked at it
        store = Store(db_url)
        assert _withdrawals(store) == []
        store.close()
        c = start(db_url, FakeClock(NOW + 60), webhooks=(hook.url,))
        wait_for(lambda: withdrawn(c) == [AT_RISK, BREACHED], "both alerts withdrawn by the next start")
        wait_for(lambda: service(c).store.pending_deliveries() == 0, "every delivery settled")
        order = [r["alert"] for r in hook.received]
        assert sorted(order) == sorted([AT_RISK, BREACHED, withdrawal_key(AT_RISK), withdrawal_key(BREACHED)])
        for key in (AT_RISK, BREACHED):  # each once, after the alert it withdraws
            assert order.index(key) < order.index(withdrawal_key(key))
        assert {a["body"]["reason"] for a in by_kind(c)[WITHDRAWN]} == {"met"}
        wait_for(lambda: checked(c) and service(c).store.unchecked() == {}, "the batch forgotten once judged")
        assert withdrawn(c) == [AT_RISK, BREACHED] and len(hook.received) == 4
    finally:
        hook.close()


def test_two_servers_starting_after_the_crash_record_each_withdrawal_once_and_a_later_start_nothing(
    db_url: str, policies: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fired_then_killed(policies, db_url, IN_TIME)
    servers = [_service(policies, db_url, NOW + 60) for _ in range(2)]  # two servers start before either looked
    for s in servers:
        s.timers.recompute(NOW + 60)
        assert sorted(w.raised.key for w in s.timers.withdrawing) == [AT_RISK, BREACHED]
    assert servers[0].timers.withdraw_due(NOW + 60) == 2 and servers[1].timers.withdraw_due(NOW + 61) == 0
    for s in servers:
        s.timers.recompute(NOW + 62)  # (the withdrawals recorded: the batch is forgotten)
        assert s.timers.withdrawing == [] and s.timers.fire_due(NOW + 62) == []
    gone = _withdrawals(servers[0].store)
    assert sorted(b["withdraws"] for b in gone) == [AT_RISK, BREACHED]  # once each
    assert {b["reason"] for b in gone} == {"met"}
    assert servers[0].store.unchecked() == {}
    for s in servers:
        s.store.close()
    # a later start judges nothing again (the big database starts as fast), withdraws and fires nothing
    later = _service(policies, db_url, NOW + 120)
    judged: list[str] = []
    real = later.timers._judged

    def spy(todo: list[Any], now: float) -> Any:
        judged.extend(r.key for r, _ in todo)
        return real(todo, now)

    monkeypatch.setattr(later.timers, "_judged", spy)
    later.timers.recompute(NOW + 120)
    assert judged == [] and later.timers.withdrawing == [] and later.timers.fire_due(NOW + 120) == []
    assert len(later.store.alerts()) == 4
    later.store.close()


def test_a_start_that_dies_before_recording_the_withdrawals_leaves_them_to_the_next(
    db_url: str, policies: list[Any]
) -> None:
    _fired_then_killed(policies, db_url, IN_TIME)
    first = _service(policies, db_url, NOW + 60)
    first.timers.recompute(NOW + 60)  # the withdrawals decided, not recorded: then this one dies too
    assert len(first.timers.withdrawing) == 2
    first.store.close()
    second = _service(policies, db_url, NOW + 120)
    second.timers.recompute(NOW + 120)
    assert sorted(w.raised.key for w in second.timers.withdrawing) == [AT_RISK, BREACHED]
    assert second.timers.withdraw_due(NOW + 120) == 2
    second.store.close()


def test_a_look_that_fails_midway_loses_no_late_batch(db_url: str, policies: list[Any]) -> None:
    s = _service(policies, db_url, NOW)
    s.ingest(_body(REPORTED))
    s.timers.recompute(NOW)
    assert len(s.timers.fire_due(NOW)) == 2
    s.timers.recompute(NOW)
    s.ingest(_body(IN_TIME))
    real = s.tracker.open_view

    def away(now: float) -> Any:  # the database goes away in the middle of the look
        raise OSError("connection lost")

    s.tracker.open_view = away  # type: ignore[method-assign]
    with pytest.raises(OSError):
        s.timers.recompute(NOW + 1)
    s.tracker.open_view = real  # type: ignore[method-assign]
    s.timers.recompute(NOW + 2)
    assert sorted(w.raised.key for w in s.timers.withdrawing) == [AT_RISK, BREACHED]
    s.store.close()


def test_an_alert_fired_from_a_look_without_the_late_batch_by_a_server_that_died_is_judged_by_another(
    db_url: str, policies: list[Any]
) -> None:
    stores = [Store(db_url), Store(db_url)]
    stores[0].migrate()
    a, b = (Timers(Tracker(s, policies, FakeClock(NOW))) for s in stores)
    stores[0].add_events(parse_body(_body(REPORTED), policies), NOW)
    b.recompute(NOW)  # B looks: both transitions pending
    stores[1].add_events(parse_body(_body(IN_TIME), policies), NOW)  # the response comes, in time
    a.recompute(NOW)  # A looks at it: no alert to judge yet
    assert a.withdrawing == [] and a.pending == []
    # B fires from its look, which had not the response, and dies before it looks again
    assert sorted(t.key for t in b.fire_due(NOW)) == [AT_RISK, BREACHED]
    stores[1].close()
    a.recompute(NOW + 1)  # A reads B's alerts: judged once here
    assert sorted(w.raised.key for w in a.withdrawing) == [AT_RISK, BREACHED]
    assert a.withdraw_due(NOW + 1) == 2
    stores[0].close()


def test_a_batch_late_in_fact_stored_before_a_crash_withdraws_nothing(db_url: str, policies: list[Any]) -> None:
    info = {"event": "incident.info_provided", "at": "2026-11-30T11:00:00+09:00", "id": "W-1"}
    _fired_then_killed(policies, db_url, info)  # (an update: the response target is not met by it)
    again = _service(policies, db_url, NOW + 60)
    again.timers.recompute(NOW + 60)
    assert again.timers.withdrawing == []
    assert {k: r.counted is not None for k, r in again.timers.raised.items()} == {AT_RISK: True, BREACHED: True}
    again.store.close()

"""The incremental live view gives every live answer a full evaluation gives, after any sequence of events.

Random sequences of the example month's events (a random share, shuffled: late
and out-of-order arrivals), exact duplicates, reprioritisations, incidents,
outages (open, excluded, ended or noticed late) and planned stops on both sides
of a policy version boundary, and events dated after the clock, are
stored a few at a time while a fake clock moves on; after each step the live
answers of a tracker that judges incrementally are compared with those of one
that judges every stored event (``incremental=False``), on SQLite and on the
PostgreSQL of the fixture.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.policy import load_policies
from sla_dsl.policy.compiled import Policy
from sla_dsl.policy.load import compile_text
from sla_dsl.serve import dashboard
from sla_dsl.serve.ingest import parse_body, unique
from sla_dsl.serve.live import LiveView
from sla_dsl.serve.store import EVENTS, Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import EVENTS as EXAMPLE
from .conftest import POLICY, tokyo

LINES = [ln for ln in EXAMPLE.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def _versions() -> list[Policy]:
    """The example policy and a version 2026.2 from 2026-12-01 with a shorter P1 target."""
    text = POLICY.read_text("utf-8")
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-12-01")
    v2 = v2.replace("respond within 4 business hours", "respond within 2 business hours", 1)
    compiled = compile_text(v2, "<v2>")
    assert compiled.model is not None and not compiled.errors
    return [*load_policies([str(POLICY)]), Policy(compiled.model)]


POLICIES = _versions()


def _at(t: float) -> str:
    return dt.datetime.fromtimestamp(t, dt.timezone(dt.timedelta(hours=9))).isoformat()


def _extra(rnd: random.Random) -> list[str]:
    """Incidents around the version boundary and after the example month, some reprioritised or open."""
    out: list[dict[str, Any]] = []
    for k in range(rnd.randint(3, 8)):
        ident = f"L-{k}"
        start = tokyo(2026, 11, 30, 9) + rnd.randint(0, 3 * 86400)
        out.append({"event": "incident.reported", "at": _at(start), "id": ident, "priority": rnd.choice(["P1", "P2"])})
        if rnd.random() < 0.5:
            out.append(
                {
                    "event": "incident.reprioritized",
                    "at": _at(start + 600),
                    "id": ident,
                    "priority": rnd.choice(["P1", "P3"]),
                }
            )
        if rnd.random() < 0.5:
            out.append({"event": "incident.responded", "at": _at(start + rnd.randint(60, 40000)), "id": ident})
            if rnd.random() < 0.5:
                out.append({"event": "incident.resolved", "at": _at(start + 50000), "id": ident})
    for k in range(rnd.randint(1, 4)):  # outages: open ones, late ends and notices, some excluded
        ident = f"LO-{k}"
        start = tokyo(2026, 11, 29, 8) + rnd.randint(0, 3 * 86400)
        cause = rnd.choice(["failure", "failure", "emergency", "force_majeure"])
        out.append({"event": "outage.started", "at": _at(start), "id": ident, "cause": cause})
        out.append({"event": "outage.recognized", "at": _at(start + rnd.randint(60, 7200)), "id": ident})
        if rnd.random() < 0.6:
            out.append({"event": "outage.ended", "at": _at(start + rnd.randint(600, 30000)), "id": ident})
        if rnd.random() < 0.5:
            out.append({"event": "outage.notified", "at": _at(start + rnd.randint(600, 40000)), "id": ident})
    for k in range(rnd.randint(0, 2)):  # planned stops whose windows lie ahead of the clock for a while
        begin = tokyo(2026, 11, 29, 22) + rnd.randint(0, 3 * 86400)
        out.append(
            {
                "event": "stop.announced",
                "at": _at(begin - rnd.choice([3600, 10 * 86400])),
                "id": f"LS-{k}",
                "channel": rnd.choice(["email", "web"]),
                "start": _at(begin),
                "end": _at(begin + 7200),
            }
        )
    return [json.dumps(e) for e in out]


def _answers(tracker: Tracker, ids: list[str]) -> dict[str, Any]:
    ids = ids[:: max(1, len(ids) // 6)]  # a few incidents in full (each look judges again)
    return {
        "incidents": tracker.incidents(None),
        "open": tracker.incidents({"open", "at_risk"}),
        "each": {i: tracker.incident(i) for i in ids},
        "outages": tracker.outages(),
        "timers": tracker.timers(30 * 86400.0),
        "dashboard": dashboard.data(tracker, "en"),
    }


def _empty(db_url: str) -> Store:
    store = Store(db_url)
    store.migrate()
    with store.engine.begin() as conn:
        conn.execute(sa.delete(EVENTS))
    return store


def _run(db_url: str, seed: int) -> None:
    rnd = random.Random(seed)
    lines = rnd.sample(LINES, rnd.randint(len(LINES) // 4, len(LINES)))
    lines += _extra(rnd)
    lines += rnd.sample(lines, 5)  # exact duplicates, sent again later
    rnd.shuffle(lines)
    store = _empty(db_url)
    clock = FakeClock(tokyo(2026, 11, 29, 9))  # many events are still ahead of it
    live = Tracker(store, POLICIES, clock)
    full = Tracker(store, POLICIES, clock, incremental=False)
    ids: list[str] = []
    try:
        i = 0
        step = 0
        while i < len(lines):
            n = rnd.randint(1, 120)
            batch = lines[i : i + n]
            i += n
            rows = parse_body("\n".join(batch).encode(), POLICIES)
            store.add_events(unique(rows), clock.now())
            ids = sorted({r.ident for r in rows if r.family == "incident"} | set(ids))
            if rnd.random() < 0.6:
                clock.set(clock.now() + rnd.randint(60, 6 * 3600))
            step += 1
            got, want = _answers(live, ids), _answers(full, ids)
            assert got == want, f"seed {seed}, step {step}: the live view differs from a full evaluation"
        for k in range(8):  # then time passes with no new event: open incidents become at risk, breached
            clock.set(clock.now() + rnd.randint(600, 12 * 3600))
            if k == 4:  # and past every event: what is kept is then reused, and must still be right
                clock.set(max(clock.now(), tokyo(2026, 12, 4)))
            step += 1
            got, want = _answers(live, ids), _answers(full, ids)
            assert got == want, f"seed {seed}, step {step}: the live view differs from a full evaluation"
    finally:
        store.close()


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_live_view_equals_full_evaluation(db_url: str, seed: int) -> None:
    _run(db_url, seed)


def test_settled_incidents_are_not_judged_again(tmp_path: Any) -> None:
    """After a first look, a look with no new event judges only the incidents still open."""
    store = _empty(f"sqlite:///{tmp_path / 'sla.db'}")
    clock = FakeClock(tokyo(2026, 12, 1, 12))
    tracker = Tracker(store, POLICIES, clock)
    rows = parse_body("\n".join(LINES).encode(), POLICIES)
    store.add_events(unique(rows), clock.now())
    tracker.incidents(None)
    first = tracker.live.last_judged
    assert first == len({r.ident for r in rows if r.family == "incident"})
    clock.set(clock.now() + 60)
    listed = tracker.incidents(None)
    unsettled = [x for x in listed if x["status"] in ("open", "at_risk") or x["completed_at"] is None]
    assert 0 < tracker.live.last_judged <= len(unsettled) < first
    store.close()


def test_a_lower_sequence_number_committed_late_restarts_the_view(tmp_path: Any) -> None:
    """An event whose sequence number is below the highest one seen (PostgreSQL hands numbers out
    before commit, so one may become visible late) is not missed: the count gives it away."""
    store = _empty(f"sqlite:///{tmp_path / 'sla.db'}")
    view = LiveView(store)
    now = tokyo(2026, 12, 1, 12)
    store.add_events(unique(parse_body("\n".join(LINES[:30]).encode(), POLICIES)), now)
    start, tz = tokyo(2026, 11, 2), POLICIES[0].tz
    before = view.look(POLICIES, 0, tz, start, now + 1, now)
    late = parse_body(
        b'{"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "LATE-1", "priority": "P2"}', POLICIES
    )[0]
    with store.engine.begin() as conn:  # number 0: below every number the view has seen
        conn.execute(
            sa.insert(EVENTS).values(
                seq=0,
                key=late.key,
                family=late.family,
                ident=late.ident,
                event=late.event,
                at_epoch=late.at_epoch,
                body=late.body,
                received=now,
            )
        )
    after = view.look(POLICIES, 0, tz, start, now + 1, now)
    assert "LATE-1" not in {i.ident for i in before.incidents}
    assert "LATE-1" in {i.ident for i in after.incidents}
    store.close()


def test_settled_outages_are_not_judged_again(tmp_path: Any) -> None:
    """Outages and stops are judged again only when one of them changes or one is still open."""
    store = _empty(f"sqlite:///{tmp_path / 'sla.db'}")
    clock = FakeClock(tokyo(2026, 12, 1, 12))
    tracker = Tracker(store, POLICIES, clock)
    full = Tracker(store, POLICIES, clock, incremental=False)
    store.add_events(unique(parse_body("\n".join(LINES).encode(), POLICIES)), clock.now())
    rows = tracker.outages()
    assert rows == full.outages() and tracker.live.last_rest_judged
    # a notice breached and still not sent says "no notice as of <now>": judged again on each look
    unsent = [o["id"] for o in rows if o["notice_status"] == "breached" and o["notified_at"] is None]
    clock.set(clock.now() + 60)
    assert unsent and tracker.outages() == full.outages() and tracker.live.last_rest_judged
    late = [{"event": "outage.notified", "at": "2026-12-01T11:00:00+09:00", "id": i} for i in unsent]
    store.add_events(unique(parse_body(json.dumps(late).encode(), POLICIES)), clock.now())
    clock.set(clock.now() + 60)
    assert tracker.outages() == full.outages() and tracker.live.last_rest_judged  # the new events
    clock.set(clock.now() + 60)
    assert tracker.outages() == full.outages() and not tracker.live.last_rest_judged  # all over: kept
    opened = b'{"event": "outage.started", "at": "2026-12-01T12:00:30+09:00", "id": "NEW-1", "cause": "failure"}'
    store.add_events(unique(parse_body(opened, POLICIES)), clock.now())
    for _ in range(2):  # judged again on the event, and again a minute later: the open outage grows
        clock.set(clock.now() + 60)
        got = tracker.outages()
        assert got == full.outages() and tracker.live.last_rest_judged
    # started 12:00:30, open as of 12:05:00 (12:00 and five looks a minute apart)
    assert [o["downtime_minutes"] for o in got if o["id"] == "NEW-1"] == [4.5]
    month = tracker.month_view().skeleton.availability
    assert month == full.month_view().skeleton.availability and month.downtime_minutes > 0
    store.close()

"""``POST /events``: an event dated after the service's clock by more than the clock skew is refused.

An ``incident.reported`` at ``2062-12-01`` (a typo for 2026) used to be answered
``{"received": 1, "stored": 1}`` and then appear nowhere: the live view judges
as of now. What is stored is judged, so it is refused like an event before the
live window (E123, located, 422, nothing of the batch stored). Within the
tolerance for clock skew an event is stored and judged once its time comes,
and the timers look again then, without waiting for another event.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.serve.ingest import CLOCK_SKEW, Rejected, parse_body
from sla_dsl.serve.tracking import FakeClock, RealClock

from .conftest import Starter, tokyo, wait_for

NOW = tokyo(2026, 11, 30, 10)  # a Monday, in business hours
TZ = dt.timezone(dt.timedelta(hours=9))
TYPO = '{"event":"incident.reported","at":"2062-12-01T10:00:00+09:00","id":"TYPO-1","priority":"P1"}'
SAID = (
    "time `2062-12-01T10:00:00+09:00` is later than the service's clock, 2026-11-30T10:00:00+09:00, "
    "by more than the 300 seconds allowed for clock skew"
)
HELP = "an event is sent once it has happened: check its year, date and time zone, or send it when its time has come"


def reported(ident: str, at: float | str, priority: str = "P1") -> str:
    when = at if isinstance(at, str) else dt.datetime.fromtimestamp(at, TZ).isoformat()
    return json.dumps({"event": "incident.reported", "at": when, "id": ident, "priority": priority})


def body(*lines: str) -> bytes:
    return "\n".join(lines).encode()


def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sla.db'}"


def stored(client: Any) -> int:
    n: int = client.get("/healthz").json()["events"]
    return n


def listed(client: Any) -> set[str]:
    return {i["id"] for i in client.get("/incidents").json()["incidents"]}


def test_the_typo_for_2026_is_refused_located_and_nothing_of_its_batch_is_stored(
    start: Starter, tmp_path: Path
) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content=body(reported("A-1", NOW - 3600), TYPO, reported("A-2", NOW)))
    assert r.status_code == 422, r.text
    (p,) = r.json()["problems"]
    assert (p["line"], p["code"], p["message"], p["help"]) == (2, "E123", SAID, HELP)
    assert p["text"] == f"<request>:2: error: [E123] {SAID}\n  help: {HELP}"
    assert stored(c) == 0  # all or nothing: the good lines around it are not stored either
    assert c.get("/incidents/TYPO-1").status_code == 404
    assert listed(c) == set()


def test_the_typo_alone_as_the_operator_sent_it(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content=TYPO.encode())
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid events; nothing of this batch was stored"
    assert r.json()["problems"][0]["text"].startswith(f"<request>:1: error: [E123] {SAID}")
    assert stored(c) == 0


def test_the_refusal_is_worded_in_japanese_from_the_same_entry(policies: list[Any]) -> None:
    with pytest.raises(Rejected) as exc:
        parse_body(TYPO.encode(), policies, now=NOW)
    (p,) = exc.value.problems
    assert str(p) == f"<request>:1: error: [E123] {SAID}\n  help: {HELP}"
    assert p.render("ja") == (
        "<request>:1: error: [E123] 時刻 `2062-12-01T10:00:00+09:00` はサービスの時計（2026-11-30T10:00:00+09:00）"
        "より先で、時計のずれとして認める 300 秒を超えています\n"
        "  ヒント: イベントは起きてから送ります。"
        "年・日付・タイムゾーンを確かめるか、その時刻になってから送ってください"
    )


def test_an_event_before_the_live_window_is_worded_in_japanese_too(policies: list[Any]) -> None:
    with pytest.raises(Rejected) as exc:
        parse_body(reported("OLD", "2015-01-01T00:00:00+09:00").encode(), policies, NOW - 3650 * 86400, now=NOW)
    (p,) = exc.value.problems
    assert p.message.startswith("time `2015-01-01T00:00:00+09:00` is before 2016-")  # the English as it was
    assert p.message.endswith(", the start of the 3650 days the service judges")
    assert p.render("ja").startswith("<request>:1: error: [E123] 時刻 `2015-01-01T00:00:00+09:00` は、")
    assert "`sla evaluate` で判定してください" in p.render("ja")


def test_the_service_clock_is_said_to_the_second(policies: list[Any]) -> None:
    with pytest.raises(Rejected) as exc:
        parse_body(TYPO.encode(), policies, now=NOW + 0.75)
    assert "the service's clock, 2026-11-30T10:00:00+09:00, by" in exc.value.problems[0].message


def test_an_event_at_now_is_stored_and_listed_at_once(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    assert c.post("/events", content=reported("NOW-1", NOW).encode()).json() == {
        "received": 1,
        "stored": 1,
        "duplicates": 0,
    }
    assert "NOW-1" in listed(c)
    assert c.get("/incidents/NOW-1").status_code == 200


def test_the_boundary_is_the_clock_plus_the_tolerance(start: Starter, tmp_path: Path) -> None:
    assert CLOCK_SKEW == 300.0
    c = start(db(tmp_path), FakeClock(NOW))
    edge = reported("EDGE", NOW + CLOCK_SKEW)  # 10:05:00: exactly the tolerance ahead
    assert c.post("/events", content=edge.encode()).status_code == 200
    for at in ("2026-11-30T10:05:00.001+09:00", "2026-11-30T10:05:01+09:00"):
        r = c.post("/events", content=reported("PAST-EDGE", at).encode())
        assert r.status_code == 422, at
        assert [(p["line"], p["code"]) for p in r.json()["problems"]] == [(1, "E123")]
        assert f"time `{at}` is later than the service's clock" in r.json()["problems"][0]["message"]
    assert stored(c) == 1


def test_a_wrong_time_zone_is_refused_and_quoted_as_sent(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    r = c.post("/events", content=reported("ZONE", "2026-11-30T10:00:00Z").encode())  # 19:00 in Tokyo
    assert r.status_code == 422
    assert r.json()["problems"][0]["message"].startswith(
        "time `2026-11-30T10:00:00Z` is later than the service's clock, 2026-11-30T10:00:00+09:00,"
    )
    assert stored(c) == 0


def test_the_tolerance_is_a_setting(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW), clock_skew=60.0)
    r = c.post("/events", content=reported("LATE", NOW + 61).encode())
    assert r.status_code == 422
    assert "by more than the 60 seconds allowed for clock skew" in r.json()["problems"][0]["message"]
    assert c.post("/events", content=reported("OK", NOW + 60).encode()).status_code == 200
    strict = start(f"sqlite:///{tmp_path / 'strict.db'}", FakeClock(NOW), clock_skew=0.0)
    assert strict.post("/events", content=reported("AHEAD", NOW + 1).encode()).status_code == 422
    assert strict.post("/events", content=reported("AT", NOW).encode()).status_code == 200


def test_with_the_batchs_other_problems_in_line_order(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), FakeClock(NOW))
    lines = [
        reported("B-1", NOW),
        TYPO,
        reported("B-2", NOW, "P9"),  # an unknown priority only
        reported("B-3", "2063-01-01T00:00:00+09:00", "P9"),  # an unknown priority, and too far ahead
        reported("B-4", "2300-01-01T00:00:00+09:00"),  # outside the supported years: said once
    ]
    r = c.post("/events", content=body(*lines))
    assert r.status_code == 422, r.text
    problems = r.json()["problems"]
    assert [(p["line"], p["code"]) for p in problems] == [
        (2, "E123"),
        (3, "E120"),
        (4, "E120"),
        (4, "E123"),
        (5, "E123"),
    ]
    assert "allowed for clock skew" in problems[3]["message"]
    assert "supported years" in problems[4]["message"] and "clock skew" not in problems[4]["message"]
    assert stored(c) == 0


def test_an_event_within_the_tolerance_is_judged_when_its_time_comes_and_its_alerts_fire(
    start: Starter, db_url: str
) -> None:
    clock = FakeClock(NOW)
    c = start(db_url, clock)
    timers = c.app.state.service.timers  # type: ignore[attr-defined]
    soon = NOW + 60  # a ticket system whose clock runs a minute fast
    assert c.post("/events", content=reported("SOON", soon).encode()).status_code == 200
    assert stored(c) == 1
    assert "SOON" not in listed(c)  # judged as of now: it has not happened yet
    wait_for(lambda: not timers.dirty, "the timers' look after the event")  # (as of NOW: nothing pending)
    assert timers.next_instant() is None
    clock.set(soon)
    assert "SOON" in listed(c)
    assert c.get("/incidents/SOON").json()["clock_start"] == "2026-11-30T10:01:00+09:00"
    # the timers look again at its time, with no other event to wake them
    at_risk = tokyo(2026, 11, 30, 14, 1)  # 3 of 4 business hours: 10:01-12:00, 13:00-14:01
    wait_for(lambda: timers.next_instant() == at_risk, "the at-risk timer of an event stored ahead of the clock")
    clock.set(at_risk + 0.5)
    alerts = wait_for(lambda: c.get("/alerts").json()["alerts"], "the at-risk alert")
    assert [(a["kind"], a["item"], a["instant"]) for a in alerts] == [("incident.at_risk", "SOON", at_risk)]


def test_on_the_real_clock(start: Starter, tmp_path: Path) -> None:
    c = start(db(tmp_path), RealClock())
    now = time.time()
    tomorrow = c.post("/events", content=reported("TOMORROW", now + 86_400).encode())
    assert tomorrow.status_code == 422
    assert tomorrow.json()["problems"][0]["code"] == "E123"
    assert c.post("/events", content=reported("TODAY", now - 1).encode()).status_code == 200
    assert listed(c) == {"TODAY"}

"""``sla serve`` reads events of declared types at one instant in the one order, whatever the process loaded.

The service judges with the evaluator in its own process, where another policy (an earlier version, a
reload, a ``POST /policies``) may have given a declared type its code first. Its report and its incident
rows read the types at one instant as one run in a fresh process reads them (the contract's types, then
the declared types by name): the reply clock of ``tests/evaluate/test_declared_type_order.py`` is met.
"""

from __future__ import annotations

import datetime as dt

from evaluate.test_declared_type_order import MAIN, PERIOD, log, other_first

import sla_dsl
from sla_dsl.serve.tracking import FakeClock

from .conftest import Starter


def test_the_service_reads_the_one_order(start: Starter, db_url: str) -> None:
    a, b = "a_serve_wrote", "b_serve_reply"
    other_first(a, b)  # ``{b}`` has its code in this process before the service declares ``{a}``
    policy = sla_dsl.load_policy(MAIN.format(a=a, b=b))
    now = dt.datetime(2026, 11, 3, tzinfo=dt.UTC).timestamp()
    c = start(db_url, FakeClock(now), pols=[policy])
    assert c.post("/events", json=log(a, b)).status_code == 200
    r = c.get(f"/report?from={PERIOD[0]}&to={PERIOD[1]}&format=json")
    assert r.status_code == 200, r.text
    (inc,) = r.json()["incidents"]
    assert [(t["status"], t["used_minutes"]) for t in inc["targets"] if t["clock"] == "reply"] == [("met", 0.0)]
    one = c.get("/incidents/A").json()["row"]
    assert [t["status"] for t in one["targets"] if t["clock"] == "reply"] == ["met"]

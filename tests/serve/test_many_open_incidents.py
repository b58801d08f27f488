"""Many open incidents: ``GET /incidents``, ``GET /timers`` and the dashboard answer a page of them (``offset``,
``limit``; ``total``, ``returned``, ``next``), of a bounded size whatever the number open, the dashboard the rows
needing attention first; ``GET /incidents/ID`` judges the incident on its own events, not waiting for a look of
every open one (no timing here: what is answered and what is done)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sla_dsl.serve import dashboard
from sla_dsl.serve.app import LIMIT, MAX_LIMIT

from .conftest import TOKYO, Starter

FIRST = dt.datetime(2026, 11, 26, 9, 0, tzinfo=TOKYO)


def _post(c: TestClient, n: int) -> None:
    """``n`` incidents reported a minute apart from Thu 26 Nov 09:00 (Tokyo), none responded: all open."""
    lines = [
        json.dumps(
            {
                "event": "incident.reported",
                "at": (FIRST + dt.timedelta(minutes=k)).isoformat(),
                "id": f"M-{k:05d}",
                "priority": f"P{1 + k % 3}",
            }
        )
        for k in range(n)
    ]
    r = c.post("/events", content="\n".join(lines) + "\n")
    assert r.status_code == 200, r.text


def _pages(c: TestClient, path: str, key: str, limit: int) -> list[dict[str, Any]]:
    """Every item of a listing, page by page through ``next``, each page's contract checked."""
    out: list[dict[str, Any]] = []
    offset: int | None = 0
    total = None
    sep = "&" if "?" in path else "?"
    while offset is not None:
        body = c.get(f"{path}{sep}offset={offset}&limit={limit}").json()
        total = body["total"] if total is None else total
        assert body["total"] == total and body["offset"] == offset
        assert body["returned"] == len(body[key]) <= limit
        offset = body["next"]
        assert offset is None or offset == body["offset"] + limit
        out.extend(body[key])
    assert len(out) == total
    return out


def test_incidents_are_answered_in_pages(start: Starter, db_url: str) -> None:
    c = start(db_url)
    _post(c, 23)
    whole = c.get("/incidents").json()
    assert (whole["total"], whole["returned"], whole["offset"], whole["next"]) == (23, 23, 0, None)
    assert _pages(c, "/incidents", "incidents", 5) == whole["incidents"]
    # a status filter counts what it keeps
    some = c.get("/incidents?status=breached&limit=2").json()
    breached = [i for i in whole["incidents"] if i["status"] == "breached"]
    assert some["total"] == len(breached) and some["incidents"] == breached[:2]
    # past the end: nothing, and no next page
    beyond = c.get("/incidents?offset=50").json()
    assert (beyond["incidents"], beyond["total"], beyond["returned"], beyond["next"]) == ([], 23, 0, None)


def test_timers_are_answered_in_pages(start: Starter, db_url: str) -> None:
    c = start(db_url)
    _post(c, 23)
    whole = c.get("/timers?within=30d").json()
    assert whole["total"] == len(whole["timers"]) > 5 and whole["next"] is None
    assert _pages(c, "/timers?within=30d", "timers", 4) == whole["timers"]


@pytest.mark.parametrize(
    "query", ["limit=0", f"limit={MAX_LIMIT + 1}", "offset=-1", "limit=x", "offset=1.5", "limit=-3"]
)
@pytest.mark.parametrize("path", ["/incidents", "/timers", "/dashboard.json", "/"])
def test_paging_out_of_bounds_is_refused(start: Starter, tmp_path: Any, path: str, query: str) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    r = c.get(f"{path}?{query}")
    assert r.status_code == 422, (path, query, r.text)
    assert r.json()["error"]
    # (the dashboard's own bound is lower)
    if path in ("/", "/dashboard.json"):
        assert c.get(f"{path}?limit={dashboard.MAX_ROWS + 1}").status_code == 422


def test_many_open_incidents_answer_bounded_pages(start: Starter, tmp_path: Any) -> None:
    """More open incidents than a default page: every listing answers at most its default, says how many
    there are, and where the next page starts; the dashboard shows the rows needing attention first."""
    n = LIMIT + 150
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    _post(c, n)
    listed = c.get("/incidents").json()
    assert (listed["total"], listed["returned"], listed["next"]) == (n, LIMIT, LIMIT)
    assert len(listed["incidents"]) == LIMIT
    rest = c.get(f"/incidents?offset={LIMIT}").json()
    assert (rest["returned"], rest["next"]) == (150, None)
    ids = [i["id"] for i in listed["incidents"] + rest["incidents"]]
    assert len(set(ids)) == n
    every = c.get("/timers?within=3653d").json()  # (those of the coming years: the past ones are not timers)
    assert every["returned"] == len(every["timers"]) == min(every["total"], LIMIT) and every["total"] > 300
    timers = c.get("/timers?within=3653d&limit=300").json()
    assert (timers["total"], timers["returned"], timers["next"]) == (every["total"], 300, 300)
    # the dashboard: its default number of rows, counted and ordered by attention
    data = c.get("/dashboard.json?lang=en").json()
    assert data["total"] >= n and data["returned"] == dashboard.ROWS == len(data["incidents"])
    assert data["next"] == dashboard.ROWS and data["offset"] == 0
    rows = dashboard.rows(data)
    rank = [0 if r["status"] == "breached" else 1 if r["status"] == "at_risk" else 2 for r in rows]
    assert rank == sorted(rank)
    for a, b in itertools.pairwise(rows):
        if a["status"] == b["status"] and a["due_epoch"] is not None and b["due_epoch"] is not None:
            assert a["due_epoch"] <= b["due_epoch"]
    # every row is reachable, page by page, once
    seen = []
    offset: int | None = 0
    while offset is not None:
        page = c.get(f"/dashboard.json?lang=en&limit={dashboard.MAX_ROWS}&offset={offset}").json()
        seen.extend((r[0], page["texts"][r[2]]) for r in page["incidents"])
        offset = page["next"]
    assert len(seen) == len(set(seen)) == data["total"]
    # the page: the same rows, and a way to the others
    html = c.get("/?lang=en").text
    assert 'id="next"' in html and html.count('"M-') <= 2 * dashboard.ROWS
    assert len(html) < 200 * dashboard.ROWS + 50_000


def test_a_lookup_does_not_look_at_every_open_incident(start: Starter, tmp_path: Any) -> None:
    """``GET /incidents/ID`` answers as the listing does without a look of every open incident (which holds
    the live view's lock while it judges them all)."""
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    _post(c, 40)
    listed = {i["id"]: i for i in c.get("/incidents").json()["incidents"]}
    tracker = c.app.state.service.tracker  # type: ignore[attr-defined]

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a lookup looked at every open incident")

    tracker.live.look = refused
    for ident in ("M-00000", "M-00017", "M-00039"):
        one = c.get(f"/incidents/{ident}").json()
        assert one["judged"] is True
        assert {k: one[k] for k in listed[ident]} == listed[ident]
        assert one["transitions"]
    assert c.get("/incidents/NOPE").status_code == 404

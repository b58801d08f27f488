"""A target breached with no business time past its due yet (due Friday 18:00, seen on the Saturday after) is
overdue on the dashboard, and its time left is 0 in ``GET /incidents``.

The dashboard showed ``0:00:00`` without its overdue mark beside 未達 (the time left was ``-0.0``, which
the page's script took for not negative), and the API gave ``"business_seconds_left": -0.0``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from docs.cdp import Browser, headless, needs_chromium

from sla_dsl.serve import Settings, create_app
from sla_dsl.serve.dashboard import words
from sla_dsl.serve.tracking import FakeClock

from .conftest import tokyo, under_uvicorn

#: P1 (4 business hours) reported Fri 4 Dec 14:00: due 18:00 the same day, the weekend after it
EVENT = {"event": "incident.reported", "at": "2026-12-04T14:00:00+09:00", "id": "ZERO-1", "priority": "P1"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, policies: list[Any]) -> Iterator[str]:
    """``sla serve`` under uvicorn holding EVENT, the clock at Sat 5 Dec 12:00 Tokyo."""
    db = tmp_path_factory.mktemp("zero") / "sla.db"
    app = create_app(policies, Settings(db=f"sqlite:///{db}", tick=0.05), FakeClock(tokyo(2026, 12, 5, 12, 0)))
    with under_uvicorn(app) as url:
        assert httpx.post(f"{url}/events", json=EVENT).status_code == 200
        yield url


def test_the_api_says_zero_not_minus_zero(served: str) -> None:
    r = httpx.get(f"{served}/incidents/ZERO-1")
    assert r.status_code == 200, r.text
    body = r.json()
    row = body if "business_seconds_left" in body else body["incident"]
    assert row["status"] == "breached"
    left = row["business_seconds_left"]
    assert left == 0 and math.copysign(1.0, left) == 1.0, left
    assert "-0.0" not in r.text


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_dashboard_marks_it_overdue(served: str, browser: Browser, lang: str) -> None:
    browser.open(f"{served}/" + ("" if lang == "ja" else "?lang=en"))
    w = words(lang)
    rows = browser.evaluate(
        "Array.from(document.querySelectorAll('#incidents tbody tr'))"
        ".map(tr => ({id: tr.dataset.id, cells: Array.from(tr.cells).map(td => td.innerText)}))"
    )
    (row,) = [r for r in rows if r["id"] == "ZERO-1"]
    assert row["cells"][3] == w["s_breached"], json.dumps(row, ensure_ascii=False)
    assert row["cells"][5] == f"{w['overdue']} 0:00:00", json.dumps(row, ensure_ascii=False)

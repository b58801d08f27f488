"""The dashboard after an operator's and a support desk's pass in Chromium (a QA report): a notification
rule without a label named with Markdown backticks, times with no zone, ``?lang=fr`` served in Japanese,
a table wider than a phone (and 51,005 px wide with a 5,000-character id), and 1.85 MB of JSON for 6,000
open rows whose table was built again every second.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docs.cdp import Browser, headless, needs_chromium

from sla_dsl.policy import load_policy
from sla_dsl.serve import Settings, create_app, dashboard
from sla_dsl.serve.tracking import FakeClock

from .conftest import POLICY, Starter, tokyo, under_uvicorn

UNLABELLED = "\n".join(
    [
        POLICY.read_text("utf-8"),
        "notify first_report [art 3.1.4] {",
        "  within 1 hour after outage.started",
        "  met by outage.notified",
        "}",
    ]
)
HALIFAX = POLICY.read_text("utf-8").replace("timezone Asia/Tokyo", "timezone America/Halifax")
LONG_ID = "L" * 5000


def lines(events: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(e).encode() + b"\n" for e in events)


def reported(ident: str, at: str = "2026-11-27T16:00:00+09:00", priority: str = "P1") -> dict[str, str]:
    return {"event": "incident.reported", "at": at, "id": ident, "priority": priority}


def test_a_rule_without_a_label_is_named_by_its_name_not_in_backticks(start: Starter, tmp_path: Path) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(tokyo(2026, 12, 6, 2, 10)), pols=[load_policy(UNLABELLED)])
    started = {"event": "outage.started", "at": "2026-12-06T02:00:00+09:00", "id": "N1", "cause": "failure"}
    assert c.post("/events", content=lines([started])).status_code == 200
    for lang in ("ja", "en"):
        text = c.get(f"/dashboard.json?lang={lang}").text
        assert "`first_report`" not in text  # (Markdown, shown as it is in HTML)
        assert [r["target"] for r in dashboard.rows(json.loads(text))] == ["first_report"]  # as the report names it


@pytest.mark.parametrize(
    ("lang", "said"),
    [("ja", "時刻はすべてハリファクス時間（UTC-4）です。"), ("en", "All times are Halifax time (UTC-4).")],
)
def test_the_page_says_the_zone_of_its_times_as_the_report_does(
    start: Starter, tmp_path: Path, lang: str, said: str
) -> None:
    halifax = load_policy(HALIFAX)
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(tokyo(2026, 12, 6, 11, 33)), pols=[halifax])
    assert c.get(f"/dashboard.json?lang={lang}").json()["zone"] == said
    page = c.get(f"/?lang={lang}").text
    assert said in page and 'put("zone", data.zone)' in page and 'id="zone"' in page
    tokyo_app = start(f"sqlite:///{tmp_path / 'tokyo.db'}")
    assert tokyo_app.get("/dashboard.json?lang=ja").json()["zone"] == "時刻はすべて日本時間です。"


def test_a_language_the_dashboard_does_not_write_is_refused_as_the_report_refuses_it(
    start: Starter, tmp_path: Path
) -> None:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    report = c.get("/report?from=2026-11-01&to=2026-12-01&lang=fr")
    assert report.status_code == 422
    for path in ("/?lang=fr", "/dashboard.json?lang=fr"):
        r = c.get(path)
        assert (r.status_code, r.json()) == (422, report.json()), path


def test_each_label_is_sent_once_and_a_row_is_small(start: Starter, tmp_path: Path) -> None:
    """600 open rows (the QA pass had 6,000: 1,851,891 bytes before, 408,250 after): no label, no
    calendar's intervals repeated in each row."""
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", FakeClock(tokyo(2026, 11, 30, 10)))
    events = [
        reported(f"INC-{i:04d}", f"2026-11-{20 + i % 10}T{9 + i % 8:02d}:00:00+09:00", f"P{1 + i % 3}")
        for i in range(600)
    ]
    assert c.post("/events", content=lines(events)).status_code == 200
    body = c.get("/dashboard.json?lang=ja").content
    data = json.loads(body)
    assert len(data["incidents"]) == 600 and all(len(r) == len(dashboard.COLUMNS) for r in data["incidents"])
    text = body.decode()
    for label in ("P1 優先度１", "P2 優先度２", "P3 優先度３", "応答"):
        assert text.count(label) == 1, label
    assert len(body) / 600 < 100  # (309 bytes a row before)
    # read back, each row has what the page shows
    rows = dashboard.rows(data)
    assert {r["priority"] for r in rows} == {"P1 優先度１", "P2 優先度２", "P3 優先度３"}
    assert {r["target"] for r in rows} == {"応答"} and {r["counts"] for r in rows} == {"business"}


# -- in Chromium -----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, policies: list[Any]) -> Iterator[str]:
    """The app under uvicorn with three open incidents, one of a 5,000-character id."""
    db = tmp_path_factory.mktemp("dash-qa") / "sla.db"
    app = create_app(policies, Settings(db=f"sqlite:///{db}", tick=0.05), FakeClock(tokyo(2026, 11, 30, 10, 30)))
    with under_uvicorn(app) as url:
        import httpx

        events = [reported("QA-1"), reported("QA-2", "2026-11-27T15:00:00+09:00"), reported(LONG_ID)]
        assert httpx.post(f"{url}/events", content=lines(events)).status_code == 200
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


_WIDTHS = """({page: document.documentElement.scrollWidth, view: window.innerWidth,
  title: (document.querySelector('#incidents tbody tr[data-id^="LLL"] .id') || {title: ""}).title.length,
  rows: document.querySelectorAll('#incidents tbody tr').length})"""


@needs_chromium
@pytest.mark.parametrize("width", [390, 1280])
def test_no_row_and_no_id_makes_the_page_wider_than_the_screen(served: str, browser: Browser, width: int) -> None:
    browser.open(f"{served}/", width=width)
    shown = browser.evaluate(_WIDTHS)
    assert shown["rows"] == 3
    assert shown["page"] <= shown["view"] == width  # (664 px at 390 before; 51,005 px with the long id)
    assert shown["title"] == len(LONG_ID)  # the whole id in the title of the cut one


_MARK = "window.first = document.querySelector('#incidents tbody tr'); window.first.dataset.id"
_COUNTDOWN = "document.querySelector('#incidents tbody tr').lastChild.textContent"


@needs_chromium
def test_the_countdowns_move_without_the_rows_being_built_again(served: str, browser: Browser) -> None:
    browser.open(f"{served}/?lang=en")
    assert browser.evaluate(_MARK) == "QA-2"  # (due first)
    before = browser.evaluate(_COUNTDOWN)
    deadline = time.monotonic() + 30
    while browser.evaluate(_COUNTDOWN) == before:  # (the page redraws every second)
        assert time.monotonic() < deadline, "the countdown did not move"
        time.sleep(0.1)
    assert browser.evaluate("document.querySelector('#incidents tbody tr') === window.first")
    # the same rows fetched again: kept; other rows: built again
    assert browser.evaluate(
        "take(JSON.parse(JSON.stringify(data))); document.querySelector('#incidents tbody tr') === window.first"
    )
    fewer = (
        "take(Object.assign({}, data, {incidents: data.incidents.slice(1)}));"
        " document.querySelectorAll('#incidents tbody tr').length"
    )
    assert browser.evaluate(fewer) == 2

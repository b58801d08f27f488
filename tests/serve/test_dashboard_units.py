"""The dashboard's column of the time left says what each countdown counts, as the report's tables do.

The header read 残り（営業時間） ("left (business time)") whatever the targets: a target counted in elapsed time
(``resolve within 2 hours``) counts down around the clock, not in business hours. Now the header says business
time only when every row counts it; otherwise it is the plain 残り and every countdown says what it counts
(（経過時間）, （営業時間）). Each row of ``/dashboard.json`` says it (``counts``). These tests failed before the fix.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docs.cdp import Browser, headless, needs_chromium

from sla_dsl.i18n import message
from sla_dsl.serve import dashboard
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import tokyo
from .test_pause_boundary import POLICY

#: Wed 25 Nov 10:30: A (P1, 2 business hours) and E (P2, 2 elapsed hours) are open.
NOW = tokyo(2026, 11, 25, 10, 30)
BUSINESS = {"event": "incident.reported", "at": "2026-11-25T10:00:00+09:00", "id": "A", "priority": "P1"}
ELAPSED = {"event": "incident.reported", "at": "2026-11-25T10:00:00+09:00", "id": "E", "priority": "P2"}


def _tracker(tmp_path: Path, name: str, events: list[dict[str, str]]) -> Tracker:
    store = Store(f"sqlite:///{tmp_path / name}")
    store.migrate()
    store.add_events(parse_body("\n".join(json.dumps(e) for e in events).encode(), [POLICY]), NOW)
    return Tracker(store, [POLICY], FakeClock(NOW))


def test_each_row_says_what_its_countdown_counts(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path, "sla.db", [BUSINESS, ELAPSED])
    rows = dashboard.rows(dashboard.data(tracker, "en"))
    counts = {(r["id"], r["target"]): r["counts"] for r in rows}
    assert counts[("E", "Resolution")] == "elapsed" and counts[("A", "Resolution")] == "business"
    assert counts[("E", "Response")] == counts[("A", "Response")] == "business"  # (respond within 1 business hour)
    tracker.store.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


_SHOWN = """({left: document.querySelector('th[data-w="left"]').innerText,
  rows: Array.from(document.querySelectorAll('#incidents tbody tr')).map(tr =>
    [tr.dataset.id, tr.dataset.target, tr.cells[5].innerText])})"""


def _shown(browser: Browser, tmp_path: Path, tracker: Tracker, lang: str) -> Any:
    page = tmp_path / f"dashboard-{lang}.html"  # (opened from a file: it keeps the data it was made with)
    page.write_text(dashboard.page(tracker, lang), "utf-8")
    browser.open(page.as_uri())
    return browser.evaluate(_SHOWN)


@needs_chromium
@pytest.mark.parametrize(
    ("lang", "plain", "business", "elapsed", "business_header"),
    [
        ("ja", "残り", "（営業時間）", "（経過時間）", "残り（営業時間）"),
        ("en", "Left", " (business time)", " (elapsed)", "Left (business time)"),
    ],
)
def test_the_header_and_the_countdowns_say_what_they_count(
    browser: Browser, tmp_path: Path, lang: str, plain: str, business: str, elapsed: str, business_header: str
) -> None:
    mixed = _shown(browser, tmp_path, _tracker(tmp_path, "mixed.db", [BUSINESS, ELAPSED]), lang)
    assert mixed["left"] == plain
    resolution = message("report.targets.resolve", lang)  # (the report's name of the target)
    cells = {(i, t): text for i, t, text in mixed["rows"]}
    assert cells[("E", resolution)].endswith(elapsed) and cells[("A", resolution)].endswith(business)
    assert all(text.endswith((business, elapsed)) for text in cells.values())
    only_business = _shown(browser, tmp_path, _tracker(tmp_path, "business.db", [BUSINESS]), lang)
    assert only_business["left"] == business_header  # as before: every row counts business time
    assert not any(text.endswith((business, elapsed)) for _, _, text in only_business["rows"])

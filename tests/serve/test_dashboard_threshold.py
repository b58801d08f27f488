"""The dashboard says which warning threshold a target at risk has passed, when its clock has several (``at risk
at 50%, 75% of target``), as the report's tables do: ``要注意（目標の 75% が経過）`` / ``at risk (75% of target
used)``. It said "at risk" alone, so 50% could not be told from 75%. A row of ``/dashboard.json`` carries those
words (``risk``, an index into ``texts``); a clock with one threshold shows the plain word, as before. These
tests failed before the change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docs.cdp import Browser, headless, needs_chromium

import sla_dsl
from sla_dsl.i18n import message
from sla_dsl.serve import dashboard
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import tokyo

POLICY = """sla "T" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-12:00, 13:00-17:00
}
clock response "応答" / "Response" {
  starts at incident.reported
  at risk at RISKS of target
}
clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
  at risk at RISKS of target
}
priority P1 "優先度１" / "Priority 1" {
  respond within 4 business hours
  resolve within 4 business hours on resolution
}
"""

#: Mon 2 Mar 12:30: A (reported 09:00) has used 3 of its 4 business hours (75%), B (10:00) 2 (50%)
NOW = tokyo(2026, 3, 2, 12, 30)
EVENTS = [
    {"event": "incident.reported", "at": "2026-03-02T09:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-03-02T10:00:00+09:00", "id": "B", "priority": "P1"},
]
SAID = {
    "ja": {75: "要注意（目標の 75% が経過）", 50: "要注意（目標の 50% が経過）"},
    "en": {75: "at risk (75% of target used)", 50: "at risk (50% of target used)"},
}


def _tracker(tmp_path: Path, risks: str) -> Tracker:
    policy = sla_dsl.load_policy(POLICY.replace("RISKS", risks))
    store = Store(f"sqlite:///{tmp_path / f'sla{len(risks)}.db'}")
    store.migrate()
    store.add_events(parse_body("\n".join(json.dumps(e) for e in EVENTS).encode(), [policy]), NOW)
    return Tracker(store, [policy], FakeClock(NOW))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_row_at_risk_says_the_threshold_passed(tmp_path: Path, lang: str) -> None:
    tracker = _tracker(tmp_path, "50%, 75%")
    rows = dashboard.rows(dashboard.data(tracker, lang))
    response, resolution = (message(f"report.targets.{k}", lang) for k in ("respond", "resolve"))
    risk = {(r["id"], r["target"]): (r["status"], r["risk"]) for r in rows}
    assert risk == {
        ("A", response): ("at_risk", SAID[lang][75]),
        ("B", response): ("at_risk", SAID[lang][50]),
        ("A", resolution): ("at_risk", SAID[lang][75]),
        ("B", resolution): ("at_risk", SAID[lang][50]),
    }
    tracker.store.close()
    # one threshold: the plain word, as before
    tracker = _tracker(tmp_path, "75%")
    rows = dashboard.rows(dashboard.data(tracker, lang))
    assert {(r["id"], r["status"], r["risk"]) for r in rows} == {("A", "at_risk", None), ("B", "open", None)}
    tracker.store.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


_SHOWN = """Array.from(document.querySelectorAll('#incidents tbody tr')).map(tr =>
  [tr.dataset.id, tr.dataset.target, tr.className, tr.cells[3].innerText])"""


def _shown(browser: Browser, tmp_path: Path, tracker: Tracker, lang: str) -> Any:
    page = tmp_path / f"dashboard-{lang}.html"  # (opened from a file: it keeps the data it was made with)
    page.write_text(dashboard.page(tracker, lang), "utf-8")
    browser.open(page.as_uri())
    return browser.evaluate(_SHOWN)


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_shows_it_in_the_status_cell(browser: Browser, tmp_path: Path, lang: str) -> None:
    tracker = _tracker(tmp_path, "50%, 75%")
    shown = _shown(browser, tmp_path, tracker, lang)
    response = message("report.targets.respond", lang)
    cells = {(i, t): (cls, text) for i, t, cls, text in shown}
    assert cells[("A", response)] == ("at_risk", SAID[lang][75])
    assert cells[("B", response)] == ("at_risk", SAID[lang][50])
    tracker.store.close()
    tracker = _tracker(tmp_path, "75%")
    shown = _shown(browser, tmp_path, tracker, lang)
    assert {(i, t): text for i, t, _, text in shown}[("A", response)] == message("serve.dashboard.s_at_risk", lang)
    tracker.store.close()

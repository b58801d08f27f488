"""The dashboard for a screen reader and a keyboard: its updates can be paused, each row is named by its id,
and an empty cell is read in the page's language.

* The countdowns changed every second, and the data every 10 seconds, with no way to stop them (WCAG 2.2.2:
  moving, updating content lasting more than five seconds must be possible to pause): a screen reader's
  user reading a row heard it change under them. A button in the page's header (a ``<button>``: reached by
  Tab, pressed by Enter or Space) now pauses both and resumes them, its words and a status line from the
  catalogue in the page's language.
* Each row's first cell, the id, was a ``<td>``; it is the row's header (``<th scope="row">``), which a
  screen reader says with each of the row's cells (WCAG 1.3.1), and looks as the cell it was.
* A paused target's due time, ``-``, was read "dash"; it is read ``なし`` / ``none``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from docs.cdp import Browser, headless, needs_chromium

from sla_dsl.policy import load_policies
from sla_dsl.serve import Settings, create_app
from sla_dsl.serve.dashboard import _HTML, words
from sla_dsl.serve.tracking import FakeClock

from .conftest import ROOT, tokyo, under_uvicorn

pytestmark = needs_chromium

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
EVENTS = [
    # responded, then waiting for the customer: its resolution's clock stands still (no due time: "-")
    {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "HELD", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-30T09:20:00+09:00", "id": "HELD"},
    {"event": "incident.info_provided", "at": "2026-11-30T10:00:00+09:00", "id": "HELD"},
    # not responded yet: its countdown runs
    {"event": "incident.reported", "at": "2026-11-30T10:15:00+09:00", "id": "RUNS", "priority": "P1"},
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("dash-pause") / "sla.db"
    pols = load_policies([str(HELPDESK)])
    app = create_app(pols, Settings(db=f"sqlite:///{db}", tick=0.05), FakeClock(tokyo(2026, 11, 30, 10, 30)))
    with under_uvicorn(app) as url:
        import httpx

        for ev in EVENTS:
            assert httpx.post(f"{url}/events", json=ev).status_code == 200
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


def _countdown(browser: Browser, ident: str) -> Any:
    return browser.evaluate(f"document.querySelector('tr[data-id=\"{ident}\"] .countdown').textContent")


def _key(browser: Browser, key: str, code: str, text: str = "") -> None:
    for kind in ("keyDown", "keyUp"):
        browser.call(
            "Input.dispatchKeyEvent",
            session=True,
            type=kind,
            key=key,
            code=code,
            windowsVirtualKeyCode={"Tab": 9, "Enter": 13, " ": 32}[key],
            **({"text": text} if text and kind == "keyDown" else {}),
        )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_updates_pause_and_resume_from_the_keyboard(served: str, browser: Browser, lang: str) -> None:
    w = words(lang)
    browser.open(f"{served}/?lang={lang}")
    pause = "document.getElementById('pause')"
    assert browser.evaluate(f"{pause}.tagName + ' ' + {pause}.type") == "BUTTON button"
    assert browser.evaluate(f"{pause}.textContent") == w["pause"]
    assert browser.evaluate("document.getElementById('held').textContent") == ""
    # reached by the keyboard: Tab from the start of the page, past the language link
    browser.evaluate("document.activeElement.blur()")
    for _ in range(2):
        _key(browser, "Tab", "Tab")
    assert browser.evaluate("document.activeElement.id") == "pause"
    _key(browser, "Enter", "Enter", "\r")
    assert browser.evaluate(f"{pause}.textContent") == w["resume"]
    assert browser.evaluate("document.getElementById('held').textContent") == w["held"]
    assert browser.evaluate("document.getElementById('held').getAttribute('role')") == "status"
    still = _countdown(browser, "RUNS")
    time.sleep(2.2)
    assert _countdown(browser, "RUNS") == still  # nothing moves while paused
    _key(browser, " ", "Space", " ")
    assert browser.evaluate(f"{pause}.textContent") == w["pause"]
    assert browser.evaluate("document.getElementById('held').textContent") == ""
    time.sleep(1.5)
    assert _countdown(browser, "RUNS") != still  # and moves again


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_row_is_named_by_its_id_and_an_empty_cell_by_a_word(served: str, browser: Browser, lang: str) -> None:
    w = words(lang)
    browser.open(f"{served}/?lang={lang}")
    firsts = browser.evaluate(
        "Array.from(document.querySelectorAll('#incidents tbody tr'))"
        ".map(tr => [tr.cells[0].tagName, tr.cells[0].scope, tr.cells[0].textContent])"
    )
    assert {tuple(f) for f in firsts} == {("TH", "row", "HELD"), ("TH", "row", "RUNS")}, firsts
    nodes = browser.call("Accessibility.getFullAXTree", session=True)["nodes"]
    headers = [n.get("name", {}).get("value") for n in nodes if n.get("role", {}).get("value") == "rowheader"]
    assert sorted(headers) == sorted(f[2] for f in firsts)
    texts = [n.get("name", {}).get("value") for n in nodes if n.get("role", {}).get("value") == "StaticText"]
    assert "-" not in texts and w["none"] in texts  # the held target's due time
    dues = browser.evaluate(
        "Array.from(document.querySelectorAll('tr[data-id=\"HELD\"]')).map(tr => tr.cells[4].innerHTML)"
    )
    assert f'<span aria-hidden="true">-</span><span class="vh">{w["none"]}</span>' in dues, dues
    # the header looks as the cell it was: not bold, not centred, as wide as a cell of the row would be
    look = browser.evaluate(
        "(c => [getComputedStyle(c).fontWeight, getComputedStyle(c).textAlign])"
        "(document.querySelector('tr[data-id=\"RUNS\"]').cells[0])"
    )
    cell = browser.evaluate(
        "(c => [getComputedStyle(c).fontWeight, getComputedStyle(c).textAlign])"
        "(document.querySelector('tr[data-id=\"RUNS\"]').cells[1])"
    )
    assert look == cell


def test_the_words_are_the_catalogues() -> None:
    for lang in ("ja", "en"):
        w = words(lang)
        assert w["pause"] and w["resume"] and w["held"] and len({w["pause"], w["resume"], w["held"]}) == 3
    assert "W.pause" in _HTML and "W.resume" in _HTML and "W.held" in _HTML

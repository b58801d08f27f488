"""The dashboard (``GET /``) in headless Chromium, in Japanese and English.

The service runs under uvicorn on 127.0.0.1 (a free port) with a fake clock;
the browser is Debian's ``chromium`` driven over the DevTools pipe with the
docs tests' helper. Without a browser the tests skip and say why.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from docs.cdp import Browser, headless, needs_chromium

from sla_dsl.i18n import message
from sla_dsl.serve import Settings, create_app
from sla_dsl.serve.dashboard import words
from sla_dsl.serve.tracking import FakeClock

from .conftest import tokyo, under_uvicorn

EVENTS = [
    {"event": "incident.reported", "at": "2026-11-27T16:00:00+09:00", "id": "DASH-OPEN", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-11-27T15:00:00+09:00", "id": "DASH-RISK", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-11-27T14:00:00+09:00", "id": "DASH-LATE", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-11-27T13:00:00+09:00", "id": "DASH-DONE", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-27T14:00:00+09:00", "id": "DASH-DONE"},
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, policies: list[Any]) -> Iterator[str]:
    """``sla serve``'s app under uvicorn on 127.0.0.1, holding EVENTS, the clock at Mon 30 Nov 10:30 Tokyo."""
    db = tmp_path_factory.mktemp("dash") / "sla.db"
    app = create_app(policies, Settings(db=f"sqlite:///{db}", tick=0.05), FakeClock(tokyo(2026, 11, 30, 10, 30)))
    with under_uvicorn(app) as url:
        import httpx

        for ev in EVENTS:
            assert httpx.post(f"{url}/events", json=ev).status_code == 200
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


_ROWS = """Array.from(document.querySelectorAll('#incidents tbody tr')).map(tr => ({
  id: tr.dataset.id || null, cls: tr.className, cells: Array.from(tr.cells).map(td => td.innerText),
  bg: getComputedStyle(tr).backgroundColor}))"""


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_dashboard_in_chromium(served: str, browser: Browser, lang: str) -> None:
    browser.open(f"{served}/" + ("" if lang == "ja" else "?lang=en"))
    w = words(lang)
    assert browser.evaluate("document.documentElement.lang") == lang
    assert browser.evaluate("document.getElementById('title').innerText") == w["title"]
    assert browser.evaluate("document.getElementById('open-label').innerText") == w["open"]
    rows = browser.evaluate(_ROWS)
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {"DASH-OPEN", "DASH-RISK", "DASH-LATE"}  # the responded one is not open
    assert by_id["DASH-RISK"]["cls"] == "at_risk" and by_id["DASH-LATE"]["cls"] == "breached"
    assert by_id["DASH-OPEN"]["cls"] == "open"
    # highlighted: at-risk and breached rows have a background, the open one none
    assert by_id["DASH-RISK"]["bg"] != by_id["DASH-OPEN"]["bg"] != by_id["DASH-LATE"]["bg"]
    assert by_id["DASH-RISK"]["cells"][3] == w["s_at_risk"] and by_id["DASH-LATE"]["cells"][3] == w["s_breached"]
    # the countdown is business time: DASH-OPEN is due at 12:00 and 10:30 -> 12:00 is all business time
    left = by_id["DASH-OPEN"]["cells"][5]
    h, m, s = (int(x) for x in left.split(":"))
    assert 1 * 3600 + 25 * 60 <= h * 3600 + m * 60 + s <= 1 * 3600 + 30 * 60
    assert by_id["DASH-LATE"]["cells"][5].startswith(w["overdue"])
    # overdue in business time too: due Fri 18:00, so Mon 10:00-10:30 (not the 64.5 hours on the wall clock)
    h, m, s = (int(x) for x in by_id["DASH-LATE"]["cells"][5].removeprefix(w["overdue"]).strip().split(":"))
    assert 30 * 60 <= h * 3600 + m * 60 + s <= 35 * 60
    # each row names its target (the priority's response target here), in the page's language
    assert by_id["DASH-OPEN"]["cells"][2] == message("report.targets.respond", lang)
    assert browser.evaluate("document.getElementById('maintenance').innerText") == (
        "2026年12月24日(木) 22:00〜24:00" if lang == "ja" else "Thu 24 Dec 2026 22:00–24:00"
    )
    assert re.fullmatch(r"\d+\.\d{3}%", browser.evaluate("document.getElementById('availability').innerText"))
    # the countdown moves on its own
    time.sleep(1.5)
    later = browser.evaluate(_ROWS)
    assert next(r for r in later if r["id"] == "DASH-OPEN")["cells"][5] != left


def test_every_word_is_used_by_the_page() -> None:
    """Each word (from the typed catalogue, whose checks cover both languages) is used by the page."""
    from sla_dsl.serve.dashboard import _HTML

    assert words("ja").keys() == words("en").keys()
    for key in words("en"):
        if key.startswith("s_"):  # status words: W["s_" + status]
            assert key[2:] in ("open", "at_risk", "breached", "paused"), key
            assert 'W["s_" + status]' in _HTML
        elif key not in ("title", "other"):  # those two are filled in by the server
            assert f"W.{key}" in _HTML or f'data-w="{key}"' in _HTML, key

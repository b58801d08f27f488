"""The dashboard writes its figures as the reports and the site do (a QA pass reading it as a Japanese customer).

It showed the month's availability as ``99.779 %`` (the reports write ``99.335%``) and the next maintenance
window as ``2026-12-24 22:00–00:00`` (the site: ``2026年12月24日(木) 22:00〜24:00``, ``Thu 24 Dec 2026
22:00–24:00``). ``/dashboard.json`` now carries the availability as the reports write it
(``availability_text``, the number stays) and the window in the page's language. These tests failed
before the fix.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sla_dsl.serve import dashboard
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import tokyo

TOKYO = ZoneInfo("Asia/Tokyo")


def _data(tmp_path: Path, policies: list[object], lang: str) -> dict[str, object]:
    store = Store(f"sqlite:///{tmp_path / f'{lang}.db'}")
    store.migrate()
    try:
        return dashboard.data(Tracker(store, policies, FakeClock(tokyo(2026, 11, 30, 10, 30))), lang)
    finally:
        store.close()


@pytest.mark.parametrize(
    ("lang", "window"),
    [("ja", "2026年12月24日(木) 22:00〜24:00"), ("en", "Thu 24 Dec 2026 22:00–24:00")],
)
def test_the_next_window_and_the_availability_as_the_reports_say_them(
    tmp_path: Path, policies: list[object], lang: str, window: str
) -> None:
    data = _data(tmp_path, policies, lang)
    assert data["maintenance"] == window
    assert data["availability_text"] == "100.000%" and data["availability"] == 100  # (nothing has failed yet)


def test_the_page_writes_the_availability_as_sent() -> None:
    from sla_dsl.serve.dashboard import _HTML

    assert 'put("availability", data.availability_text)' in _HTML
    assert '" %"' not in _HTML


@pytest.mark.parametrize(
    ("start", "end", "ja", "en"),
    [
        ((22, 0), (1, 0, 0), "2026年12月24日(木) 22:00〜24:00", "Thu 24 Dec 2026 22:00–24:00"),
        ((22, 0), (1, 2, 30), "2026年12月24日(木) 22:00〜翌02:30", "Thu 24 Dec 2026 22:00–02:30 the next day"),
        ((1, 0), (0, 5, 0), "2026年12月24日(木) 01:00〜05:00", "Thu 24 Dec 2026 01:00–05:00"),
        (
            (22, 0),
            (2, 6, 0),
            "2026年12月24日(木) 22:00〜2026年12月26日(土) 06:00",
            "Thu 24 Dec 2026 22:00 to Sat 26 Dec 2026 06:00",
        ),
    ],
)
def test_a_window_s_words(start: tuple[int, int], end: tuple[int, int, int], ja: str, en: str) -> None:
    begin = dt.datetime(2026, 12, 24, *start, tzinfo=TOKYO)
    finish = dt.datetime(2026, 12, 24 + end[0], end[1], end[2], tzinfo=TOKYO)
    assert dashboard.window_text(begin, finish, "ja") == ja
    assert dashboard.window_text(begin, finish, "en") == en


@pytest.mark.parametrize(
    ("lang", "window"), [("ja", "2026年12月16日(水) 20:00〜22:00"), ("en", "Wed 16 Dec 2026 20:00–22:00")]
)
def test_the_next_window_is_that_of_the_version_in_force_when_it_starts(tmp_path: Path, lang: str, window: str) -> None:
    """A version added to take effect on 8 December moves the maintenance to the 3rd Wednesday, 20:00-22:00:
    on the 7th the dashboard showed the 24th's window of the version in force that day (which the next one
    drops), where ``sla maintenance`` gives the 16th's (a QA pass adding a version to a running service)."""
    from sla_dsl.policy.compiled import Policy
    from sla_dsl.policy.load import compile_text

    from .conftest import POLICY

    text = POLICY.read_text("utf-8")
    later = (
        text.replace('version "2026.1"', 'version "2026.2"', 1)
        .replace("effective 2026-04-01", "effective 2026-12-08", 1)
        .replace("every month on 4th thu, 22:00-24:00", "every month on 3rd wed, 20:00-22:00", 1)
    )
    versions = [Policy(compile_text(t, "clicksoko.sla").model) for t in (text, later)]  # type: ignore[arg-type]
    store = Store(f"sqlite:///{tmp_path / 'v.db'}")
    store.migrate()
    try:
        data = dashboard.data(Tracker(store, versions, FakeClock(tokyo(2026, 12, 7, 10, 40))), lang)
    finally:
        store.close()
    assert data["maintenance"] == window

"""The dashboard's ``due`` column shows the seconds of a due time that has some, as its countdown counts them.

An incident reported at 10:00:30 (P2: resolve within 2 elapsed hours) is due at 12:00:30. The column showed
``2026-11-25 12:00`` while the countdown beside it counted to 12:00:30: the two did not say the same instant.
Now a due time that is not a whole minute is shown to the second, in either language; one that is a whole
minute stays ``12:00``. The test failed before the fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.serve import dashboard
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import tokyo
from .test_pause_boundary import POLICY

NOW = tokyo(2026, 11, 25, 10, 30)
EVENTS = [
    {"event": "incident.reported", "at": "2026-11-25T10:00:30+09:00", "id": "S", "priority": "P2"},
    {"event": "incident.reported", "at": "2026-11-25T10:00:00+09:00", "id": "M", "priority": "P2"},
]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_due_time_with_seconds_is_shown_to_the_second(tmp_path: Path, lang: str) -> None:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    store.add_events(parse_body("\n".join(json.dumps(e) for e in EVENTS).encode(), [POLICY]), NOW)
    tracker = Tracker(store, [POLICY], FakeClock(NOW))
    try:
        rows = dashboard.rows(dashboard.data(tracker, lang))
        elapsed = {r["id"]: r for r in rows if r["counts"] == "elapsed"}
        assert elapsed["S"]["due"] == "2026-11-25 12:00:30"
        assert elapsed["S"]["due_epoch"] == tokyo(2026, 11, 25, 12, 0, 30)  # (what the countdown counts to)
        assert elapsed["M"]["due"] == "2026-11-25 12:00"
    finally:
        store.close()

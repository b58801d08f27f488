"""The log of ``sla serve`` quotes an event's id with its control characters shown as their escapes.

An id is whatever the ticket system wrote: ``ESC [2J`` in it cleared the terminal of whoever read the log,
a carriage return overwrote the line, and a line break forged a line of its own (``WARNING ... alert
...``). The alert lines quoted it raw; so did the lines of an alert the database refused.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.serve.alerts import SHOWN, Timers
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import tokyo

#: Mon 30 Nov 11:30: the at-risk instant (Mon 11:00) of a P1 incident reported Fri 16:00 has passed.
NOW = tokyo(2026, 11, 30, 11, 30)
HOSTILE = "INC-1\x1b[2J\r\nWARNING sla.serve: alert forged\x07\u202e"
SHOWN_AS = "INC-1\\x1b[2J\\r\\nWARNING sla.serve: alert forged\\x07\\u202e"


def _timers(tmp_path: Path, policies: list[Any], ident: str) -> tuple[Store, Timers]:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    timers = Timers(Tracker(store, policies, FakeClock(NOW)))
    event = {"event": "incident.reported", "at": "2026-11-27T16:00:00+09:00", "id": ident, "priority": "P1"}
    store.add_events(parse_body(json.dumps(event).encode() + b"\n", policies), NOW)
    timers.recompute(NOW)
    return store, timers


def _said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "sla.serve"]


def test_an_alert_line_shows_the_ids_control_characters_as_escapes(
    tmp_path: Path, policies: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    store, timers = _timers(tmp_path, policies, HOSTILE)
    with caplog.at_level(logging.WARNING, "sla.serve"):
        fired = timers.fire_due(NOW)
    assert [t.item for t in fired] == [HOSTILE]  # (the alert itself keeps the id as it is)
    (line,) = _said(caplog)
    # (in the policy's language: Japanese here)
    assert (
        line.startswith("アラートを発報しました（その時刻の 30分後）：")
        and f"：案件 `{SHOWN_AS}` の応答（要注意、" in line
    )
    assert line.isprintable()
    store.close()


def test_a_long_id_is_cut_then_escaped(tmp_path: Path, policies: list[Any], caplog: pytest.LogCaptureFixture) -> None:
    ident = "\x1b" * (SHOWN + 5)
    store, timers = _timers(tmp_path, policies, ident)
    with caplog.at_level(logging.WARNING, "sla.serve"):
        timers.fire_due(NOW)
    (line,) = _said(caplog)
    cut = "\\x1b" * SHOWN
    assert f"案件 `{cut}…（{SHOWN + 5} 文字）` の応答" in line and line.isprintable()
    store.close()


def test_the_line_of_an_alert_the_database_refuses_shows_escapes(
    tmp_path: Path, policies: list[Any], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store, timers = _timers(tmp_path, policies, HOSTILE)

    def refuse(*args: Any) -> Any:
        raise ValueError("a value that cannot be written")

    monkeypatch.setattr(store, "fire", refuse)
    with caplog.at_level(logging.ERROR, "sla.serve"):
        assert timers.fire_due(NOW) == []
    (line,) = _said(caplog)
    assert f"タイマー：案件 `{SHOWN_AS}` の応答（要注意、" in line and line.isprintable()
    store.close()


def test_the_line_of_a_policy_version_added_shows_escapes(
    start: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A version is the author's text: ``POST /policies`` with ``version "2026.2 ESC[31m"`` logged it raw."""
    from .conftest import POLICY

    text = POLICY.read_text("utf-8").replace('version "2026.1"', 'version "2026.2\x1b[31m\u202e"')
    text = text.replace("effective 2026-04-01", "effective 2026-12-01")
    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    with caplog.at_level(logging.WARNING, "sla.serve"):
        assert c.post("/policies", content=text.encode()).status_code == 200
    # (in the policy's language, Japanese here: test_posted_version_line.py)
    (line,) = [s for s in _said(caplog) if "を加えました" in s]
    assert line.startswith("版 `2026.2\\x1b[31m\\u202e` を加えました") and line.isprintable(), line

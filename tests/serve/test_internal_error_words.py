"""``sla serve``'s line of an unexpected exception (a request answered 500) is in the log's language, as the
other lines of its log (the 503 of a database away, a reload): the policy's primary language.

It was English whatever the policy (``internal error: POST /events: ...``) beside the Japanese lines of a
Japanese policy's log. The line still quotes the exception as it is (its type, a database driver's first line)
and where in the package it was raised, never a traceback nor the data it carries.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sla_dsl.i18n import CATALOGUE
from sla_dsl.policy import load_policies, load_policy

from .conftest import POLICY, Starter

EVENT = {"event": "incident.reported", "at": "2026-11-30T09:00:00+09:00", "id": "X", "priority": "P1"}


def _broken(*_args: Any, **_kwargs: Any) -> int:
    raise sa.exc.IntegrityError(
        "INSERT INTO events (body) VALUES (?)",
        {"body": '{"id": "CONFIDENTIAL-CUSTOMER"}'},
        Exception("constraint failed\nDETAIL: Key (body)=(CONFIDENTIAL-DETAIL) already exists."),
    )


def _english() -> list[Any]:
    text = POLICY.read_text("utf-8")
    assert "  languages ja, en " in text
    return [load_policy(text.replace("  languages ja, en ", "  languages en, ja ", 1))]


def _logged(
    start: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, pols: Any
) -> str:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", pols=pols)
    monkeypatch.setattr(c.app.state.service.store, "add_events", _broken)  # type: ignore[attr-defined]
    caplog.set_level(logging.INFO)
    r = c.post("/events", json=EVENT)
    assert r.status_code == 500 and r.json()["error"] == "internal error"  # (the body: English, as every body)
    errors = [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is None
    said = errors[0].getMessage()
    assert "\n" not in said and "CONFIDENTIAL" not in caplog.text and "INSERT" not in said
    return said


def test_a_japanese_policy_s_log_says_it_in_japanese(
    start: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    said = _logged(start, tmp_path, monkeypatch, caplog, load_policies([str(POLICY)]))
    assert re.fullmatch(
        r"POST /events：内部エラーのため 500 で応答しました：IntegrityError \(builtins\.Exception\): "
        r"constraint failed（sla_dsl/serve/app\.py:\d+ で発生）",
        said,
    ), said
    assert "internal error" not in said and " at " not in said


def test_an_english_policy_s_log_says_it_as_before(
    start: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    said = _logged(start, tmp_path, monkeypatch, caplog, _english())
    assert re.fullmatch(
        r"internal error: POST /events: IntegrityError \(builtins\.Exception\): constraint failed "
        r"at sla_dsl/serve/app\.py:\d+",
        said,
    ), said


def test_an_exception_raised_outside_the_package_has_no_place(start: Starter, tmp_path: Path) -> None:
    from sla_dsl.serve.app import _internal_line

    c = start(f"sqlite:///{tmp_path / 'sla.db'}")
    service = c.app.state.service  # type: ignore[attr-defined]
    assert service.lang == "ja"
    assert _internal_line(service, "GET", "/report", KeyError("k")) == (
        "GET /report：内部エラーのため 500 で応答しました：KeyError"
    )
    service.lang = "en"
    assert _internal_line(service, "GET", "/report", KeyError("k")) == "internal error: GET /report: KeyError"


def test_both_lines_are_in_the_catalogue() -> None:
    for key in ("serve.internal_error", "serve.internal_error.unplaced"):
        assert CATALOGUE[key].ja and CATALOGUE[key].en


def _away(*_args: Any, **_kwargs: Any) -> int:
    raise sa.exc.OperationalError("INSERT INTO events (body) VALUES (?)", {}, Exception("database is locked"))


def _logged_away(
    start: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, pols: Any
) -> str:
    c = start(f"sqlite:///{tmp_path / 'sla.db'}", pols=pols)
    monkeypatch.setattr(c.app.state.service.store, "add_events", _away)  # type: ignore[attr-defined]
    caplog.set_level(logging.INFO)
    r = c.post("/events", json=EVENT)
    assert r.status_code == 503
    errors = [rec.getMessage() for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert len(errors) == 1
    return errors[0]


def test_the_place_of_a_database_away_is_said_in_the_log_s_language(
    start: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Every line that quotes an exception and where it was raised (:func:`.store.brief`) says the place in
    the log's language: a Japanese log's 503 line said ``... database is locked at sla_dsl/serve/app.py:N``."""
    said = _logged_away(start, tmp_path, monkeypatch, caplog, load_policies([str(POLICY)]))
    assert re.search(r"database is locked（sla_dsl/serve/app\.py:\d+ で発生）", said), said
    assert " at " not in said


def test_the_place_of_a_database_away_in_an_english_log(
    start: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    said = _logged_away(start, tmp_path, monkeypatch, caplog, _english())
    assert re.search(r"database is locked at sla_dsl/serve/app\.py:\d+", said), said
    assert "で発生" not in said

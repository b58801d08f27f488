"""The compact path (``judge_log`` + ``write_json``, what ``sla evaluate`` runs) gives the API's JSON exactly."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
from pathlib import Path

import pytest

from sla_dsl.evaluation import evaluate_log, judge_log
from sla_dsl.evaluation.trend import add_trend
from sla_dsl.reader import read_events
from sla_dsl.report.render import render

from .helpers import ROOT, policy, t

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"


def _generate(path: Path, n: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_evaluate", ROOT / "bench" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.generate(path, n)


def _both(path: Path, start: dt.datetime, end: dt.datetime, as_of: dt.datetime | None, walk: bool) -> tuple[str, str]:
    api = render(evaluate_log(policy(), read_events(path), start, end, as_of, walk=walk), "json")
    out = io.BytesIO()
    log = read_events(path)
    result = judge_log(policy(), log, start, end, as_of, walk=walk)
    add_trend(result, [policy()], log, judge_log)  # as `sla evaluate` does (issue 16)
    result.write_json(out)
    return api, out.getvalue().decode()


@pytest.mark.parametrize("as_of", [None, "2026-11-18 15:00"])
def test_example_month_streams_the_api_json(as_of: str | None) -> None:
    api, streamed = _both(EXAMPLE, t("2026-11-01 00:00"), t("2026-12-01 00:00"), t(as_of) if as_of else None, True)
    assert streamed == api
    assert json.loads(streamed)["incidents"]


@pytest.mark.parametrize(
    ("start", "end", "as_of", "walk"),
    [
        ("2026-01-01 00:00", "2027-01-01 00:00", None, True),
        ("2026-03-01 00:00", "2026-04-01 00:00", "2026-03-20 11:00", True),
        ("2026-03-01 00:00", "2026-04-01 00:00", None, False),
    ],
)
def test_generated_log_streams_the_api_json(
    tmp_path: Path, start: str, end: str, as_of: str | None, walk: bool
) -> None:
    path = tmp_path / "events.jsonl"
    _generate(path, 6000)
    api, streamed = _both(path, t(start), t(end), t(as_of) if as_of else None, walk)
    assert streamed == api
    assert len(json.loads(streamed)["incidents"]) > 50


def test_no_incidents_streams_an_empty_list() -> None:
    api, streamed = _both(EXAMPLE, t("2025-01-01 00:00"), t("2025-01-02 00:00"), None, True)
    assert streamed == api
    assert json.loads(streamed)["incidents"] == []


def test_tables_from_compact_verdicts_match_the_report() -> None:
    log = read_events(EXAMPLE)
    result = judge_log(policy(), log, t("2026-11-01 00:00"), t("2026-12-01 00:00"), t("2026-11-18 15:00"))
    report = result.report()
    for fmt in ("text", "markdown", "html"):
        compact = render(result.skeleton, fmt, incidents=result.incidents, violations=result.violations())
        assert compact == render(report, fmt)

"""Several warning thresholds (``at risk at 50%, 75% of target``) on every kind of target, not only named
``within`` ones: the plain response target (``respond within 4 business hours``, ``respond by end of 1st
business day``, ``respond by 16:00 of 1st business day``), ``update every ...`` and a day-based named target
(``resolve by end of 2nd business day on resolution``).

``sla explain`` gives each threshold's instant, the very instants ``sla serve`` alerts at, checked against a
slow reference that walks minute by minute (the week New York's clocks go forward). The response's row says
the last threshold passed (``at_risk_percent``, null unless ``at_risk``) on every path: objects, the
columnar judge, the JSON written row by row and from columns, the Parquet tables.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pyarrow as pa
import pytest
from report.helpers import sla
from report.test_json_columns import by_columns, by_rows
from report.test_step_columns import assert_equal, both

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.partition import finish, judge_partition, merge
from sla_dsl.events import log_from
from sla_dsl.serve.tracking import AT_RISK, TARGET_AT_RISK, transitions_of, watched

NY = ZoneInfo("America/New_York")
UTC = dt.UTC

POLICY = """sla "Test" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
}
calendar business {
  days mon..fri
  hours 09:00-12:00, 13:00-17:00
}
clock response {
  starts at incident.reported
  at risk at RISKS of target
}
clock resolution {
  starts at incident.reported
  stops at incident.resolved
  at risk at RISKS of target
}
priority P1 {
TARGETS}
"""

#: reported Sat 7 March 12:00 EST; the business days are Mon 9 and Tue 10 March, after the clocks went forward
T0 = dt.datetime(2026, 3, 7, 12, 0, tzinfo=NY)
START, END = dt.datetime(2026, 3, 1, tzinfo=NY), dt.datetime(2026, 4, 1, tzinfo=NY)


def _mon(hh: int, mm: int = 0, day: int = 9) -> dt.datetime:
    return dt.datetime(2026, 3, day, hh, mm, tzinfo=NY)


#: the plain response targets: (line, due)
RESPONSES = {
    "within": ("  respond within 4 business hours\n", _mon(14)),
    "end": ("  respond by end of 1st business day\n", _mon(17)),
    "at": ("  respond by 16:00 of 1st business day\n", _mon(16)),
}


def _open(u: dt.datetime) -> bool:
    """Is the UTC minute starting at ``u`` open in ``business`` (its wall clock in New York)?"""
    local = u.astimezone(NY)
    minute = local.hour * 60 + local.minute
    return local.weekday() < 5 and any(a <= minute < b for a, b in ((540, 720), (780, 1020)))


def _open_minutes(a: dt.datetime, b: dt.datetime) -> int:
    """The open minutes of ``business`` in [a, b), minute by minute."""
    u, n = a.astimezone(UTC), 0
    while u < b:
        n += _open(u)
        u += dt.timedelta(minutes=1)
    return n


def _reference(start: dt.datetime, need: int) -> dt.datetime:
    """The first instant the open minutes of ``business`` since ``start`` reach ``need``, minute by minute."""
    u, used = start.astimezone(UTC), 0
    while used < need:
        used += _open(u)
        u += dt.timedelta(minutes=1)
    return u.astimezone(NY)


def _shares(start: dt.datetime, due: dt.datetime) -> list[tuple[float, dt.datetime]]:
    """50% and 75% of the business time from ``start`` to ``due``: their instants, by the reference."""
    total = _open_minutes(start, due)
    assert total * 50 % 100 == 0 and total * 75 % 100 == 0  # (whole minutes here)
    return [(pct, _reference(start, total * int(pct) // 100)) for pct in (50.0, 75.0)]


def _policy(targets: str, risks: str = "50%, 75%") -> Any:
    return sla_dsl.load_policy(POLICY.replace("RISKS", risks).replace("TARGETS", targets))


def _judge(policy: Any, as_of: dt.datetime, events: list[dict[str, str]] | None = None, batch: bool = True) -> Any:
    evs = events or [{"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"}]
    return judge_log([policy], log_from(evs), START, END, as_of, batch=batch)


def _explain(tmp_path: Path, targets: str, events: list[dict[str, str]], as_of: dt.datetime, lang: str) -> list[str]:
    policy, log = tmp_path / "p.sla", tmp_path / "e.jsonl"
    policy.write_text(POLICY.replace("RISKS", "50%, 75%").replace("TARGETS", targets), "utf-8")
    log.write_text("\n".join(json.dumps(e) for e in events) + "\n", "utf-8")
    code, out, err = sla(
        "explain",
        policy,
        log,
        "A",
        "--from",
        "2026-03-01",
        "--to",
        "2026-04-01",
        "--as-of",
        as_of.isoformat(),
        "--lang",
        lang,
        "--quiet",
    )
    assert code == 0, err
    return out.splitlines()


def _said_at(lines: list[str], words: str, at: dt.datetime) -> None:
    """One line says ``words``, dated ``at`` (its HH:MM before them)."""
    (line,) = [x for x in lines if words in x]
    assert f"{at:%H:%M}" in line.split(words)[0], line


# ---- the plain response target -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(RESPONSES))
def test_response_thresholds_are_the_references_and_serves(kind: str) -> None:
    line, due = RESPONSES[kind]
    result = _judge(_policy(line), _mon(9, 30))
    (row,) = result.report().incidents
    assert row.response_due == due
    expected = _shares(T0, due)
    assert [(s.percent, s.at) for s in row.risk_steps] == expected
    # the instants `sla serve` alerts at: one transition per threshold, each at its instant
    (w,) = [w for w in watched(result) if w.target == "response"]
    assert [(p, dt.datetime.fromtimestamp(t, NY)) for p, t in w.risks] == expected
    risky = [(t.threshold, t.instant) for t in transitions_of(result) if t.kind == AT_RISK]
    assert risky == [(p, at.timestamp()) for p, at in expected]


def _instants(kind: str) -> list[tuple[dt.datetime, str, float | None]]:
    """(as_of, status, at_risk_percent) just before, at and after each threshold, and after the due time."""
    due = RESPONSES[kind][1]
    (p50, at50), (p75, at75) = _shares(T0, due)
    second = dt.timedelta(seconds=1)
    return [
        (at50 - second, "open", None),
        (at50, "at_risk", p50),
        (at75 - second, "at_risk", p50),
        (at75, "at_risk", p75),
        (due, "at_risk", p75),
        (due + second, "breached", None),
    ]


@pytest.mark.parametrize("kind", list(RESPONSES))
@pytest.mark.parametrize("step", range(6))
def test_the_response_row_says_the_last_threshold_passed(kind: str, step: int) -> None:
    as_of, status, percent = _instants(kind)[step]
    policy = _policy(RESPONSES[kind][0])
    said = []
    for batch in (True, False):  # the columnar judge and the per-incident one
        result = _judge(policy, as_of, batch=batch)
        (row,) = result.report().incidents
        assert (row.status, row.at_risk_percent) == (status, percent)
        as_json = json.loads(result.report().model_dump_json())
        assert as_json["incidents"][0]["at_risk_percent"] == percent
        # the JSON written from columns (`sla evaluate --format json`) is the row path's
        assert by_columns(result) == by_rows(result)
        # the Parquet tables from columns are the row path's
        rows, columns, _ = both(result)
        assert_equal(rows, columns)
        table = columns["incidents"]
        assert table.schema.field("at_risk_percent").type == pa.float64()
        assert table["at_risk_percent"].to_pylist() == [percent]
        said.append(by_rows(result))
    assert said[0] == said[1]


def test_a_response_met_has_no_percent() -> None:
    events = [
        {"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"},
        {"event": "incident.responded", "at": _mon(12, 30).isoformat(), "id": "A"},
    ]
    for batch in (True, False):
        result = _judge(_policy(RESPONSES["within"][0]), _mon(12, 45), events, batch)
        (row,) = result.report().incidents
        assert (row.status, row.at_risk_percent, row.risk_steps) == ("met", None, [])


def test_one_threshold_says_it_and_its_instant() -> None:
    """One threshold has its instant too, for ``sla explain`` (it had none: explain never said when the
    warning came), the instant ``sla serve`` alerts at; the JSON and Parquet rows are as they were."""
    line, due = RESPONSES["within"]
    policy = _policy(line, "75%")
    expected = _shares(T0, due)[1:]
    for batch in (True, False):
        result = _judge(policy, _mon(12, 30), batch=batch)
        (row,) = result.report().incidents
        assert (row.status, row.at_risk_percent) == ("at_risk", 75.0)
        assert [(s.percent, s.at) for s in row.risk_steps] == expected
        (w,) = [w for w in watched(result) if w.target == "response"]  # (one threshold: its `at_risk`)
        assert w.risks == () and w.at_risk is not None
        assert [(75.0, dt.datetime.fromtimestamp(w.at_risk, NY))] == expected
        assert by_columns(result) == by_rows(result)
        rows, columns, _ = both(result)
        assert_equal(rows, columns)


def test_many_incidents_agree_on_every_path() -> None:
    """Incidents at every stage of a clock with several thresholds: objects and columns say the same."""
    events = []
    for k in range(12):
        at = _mon(9, day=9) + dt.timedelta(minutes=25 * k)
        events.append({"event": "incident.reported", "at": at.isoformat(), "id": f"I{k}", "priority": "P1"})
    events.append({"event": "incident.responded", "at": _mon(13, 5).isoformat(), "id": "I3"})
    policy = _policy(RESPONSES["within"][0])
    results = [_judge(policy, _mon(13, 10), events, batch) for batch in (True, False)]
    percents = [r.at_risk_percent for r in results[0].report().incidents]
    assert {50.0, 75.0, None} <= set(percents)
    assert by_rows(results[0]) == by_rows(results[1])
    for result in results:
        assert by_columns(result) == by_rows(result)
        rows, columns, _ = both(result)
        assert_equal(rows, columns)
        assert columns["incidents"]["at_risk_percent"].to_pylist() == percents


def test_partitions_merged_say_what_one_run_says() -> None:
    """Dask and Spark judge partitions of the log and merge them (:mod:`sla_dsl.evaluation.partition`)."""
    events = [
        {"event": "incident.reported", "at": (_mon(9) + dt.timedelta(minutes=40 * k)).isoformat(), "id": f"I{k}"}
        | {"priority": "P1"}
        for k in range(6)
    ]
    policy = _policy(RESPONSES["within"][0])
    whole = _judge(policy, _mon(12, 30), events)
    parts = [judge_partition(policy, log_from(events[k::2]), START, END, _mon(12, 30)) for k in range(2)]
    merged = finish(policy, merge(parts), START, END, _mon(12, 30))
    assert by_rows(merged) == by_rows(whole)
    assert {r.at_risk_percent for r in merged.report().incidents} == {50.0, 75.0, None}


@pytest.mark.parametrize(
    ("lang", "what", "passed"),
    [
        ("en", "Response: {p}% of the target reached (warning)", "75% of the target's business time has passed"),
        ("ja", "応答：目標の {p}% に達する時点（警告）", "起算から目標の 75% の営業時間が経過"),
    ],
)
@pytest.mark.parametrize("kind", list(RESPONSES))
def test_explain_gives_each_response_thresholds_instant(
    tmp_path: Path, kind: str, lang: str, what: str, passed: str
) -> None:
    line, due = RESPONSES[kind]
    (_, at50), (_, at75) = _shares(T0, due)
    events = [{"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"}]
    # as of a minute after the 75% instant: both instants, and the last threshold passed
    as_of = at75 + dt.timedelta(minutes=1)
    lines = _explain(tmp_path, line, events, as_of, lang)
    _said_at(lines, what.format(p=50), at50)
    _said_at(lines, what.format(p=75), at75)
    _said_at(lines, passed, as_of)
    # as of before either: both still ahead
    lines = _explain(tmp_path, line, events, _mon(9, 5), lang)
    _said_at(lines, what.format(p=50), at50)
    _said_at(lines, what.format(p=75), at75)


# ---- named targets: `update every ...` and day-based -------------------------------------------------

UPDATE = "  respond within 4 business hours\n  update every 4 business hours on resolution by incident.info_provided\n"
BY_DAY = "  respond within 4 business hours\n  resolve by end of 2nd business day on resolution\n"


def _named(targets: str, events: list[dict[str, str]], as_of: dt.datetime, kind: str) -> tuple[Any, Any]:
    """(the target's row, its `sla serve` watch) of incident A."""
    result = _judge(_policy(targets), as_of, events)
    (row,) = result.report().incidents
    (target,) = [t for t in row.targets if t.kind == kind]
    (w,) = [w for w in watched(result) if w.target == kind]
    risky = [(t.threshold, t.instant) for t in transitions_of(result) if t.kind == TARGET_AT_RISK and t.target == kind]
    assert risky == list(w.risks)
    return target, w


def test_update_thresholds_count_from_the_last_update() -> None:
    events = [
        {"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"},
        {"event": "incident.info_provided", "at": _mon(10).isoformat(), "id": "A"},
    ]
    target, w = _named(UPDATE, events, _mon(11), "update")
    # 4 business hours from Mon 10:00: 2 of them at 12:00 (the lunch break follows), 3 at 14:00
    expected = [(50.0, _reference(_mon(10), 120)), (75.0, _reference(_mon(10), 180))]
    assert expected == [(50.0, _mon(12)), (75.0, _mon(14))]
    assert [(s.percent, s.at) for s in target.risk_steps] == expected
    assert [(p, dt.datetime.fromtimestamp(t, NY)) for p, t in w.risks] == expected
    assert (target.status, target.at_risk_percent) == ("open", None)
    target, _ = _named(UPDATE, events, _mon(14, 30), "update")
    assert (target.status, target.at_risk_percent) == ("at_risk", 75.0)
    assert [(s.percent, s.at) for s in target.risk_steps] == expected


def test_day_based_thresholds_are_shares_of_the_business_time_to_the_due_instant() -> None:
    events = [{"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"}]
    target, w = _named(BY_DAY, events, _mon(10), "resolve")
    due = _mon(17, day=10)
    assert target.due == due
    # 14 business hours to Tue 17:00: 7 of them by Mon 17:00, 10.5 at Tue 13:30
    expected = _shares(T0, due)
    assert expected == [(50.0, _mon(17)), (75.0, _mon(13, 30, day=10))]
    assert [(s.percent, s.at) for s in target.risk_steps] == expected
    assert [(p, dt.datetime.fromtimestamp(t, NY)) for p, t in w.risks] == expected


@pytest.mark.parametrize(
    ("lang", "update", "resolve"),
    [
        (
            "en",
            "Periodic update (resolution): {p}% of the target reached (warning)",
            "Resolution (resolution): {p}% of the target reached (warning)",
        ),
        (
            "ja",
            "定期更新（resolution）：目標の {p}% に達する時点（警告）",
            "解決（resolution）：目標の {p}% に達する時点（警告）",
        ),
    ],
)
def test_explain_gives_each_named_thresholds_instant(tmp_path: Path, lang: str, update: str, resolve: str) -> None:
    events = [
        {"event": "incident.reported", "at": T0.isoformat(), "id": "A", "priority": "P1"},
        {"event": "incident.info_provided", "at": _mon(10).isoformat(), "id": "A"},
    ]
    lines = _explain(tmp_path, UPDATE, events, _mon(11), lang)
    _said_at(lines, update.format(p=50), _mon(12))
    _said_at(lines, update.format(p=75), _mon(14))
    lines = _explain(tmp_path, BY_DAY, events[:1], _mon(10), lang)
    _said_at(lines, resolve.format(p=50), _mon(17))
    _said_at(lines, resolve.format(p=75), _mon(13, 30, day=10))


def test_the_streamed_json_has_the_field_for_every_incident() -> None:
    result = _judge(_policy(RESPONSES["within"][0]), _mon(12, 30))
    out = io.BytesIO()
    result.write_json(out)
    (row,) = json.loads(out.getvalue())["incidents"]
    assert (row["status"], row["at_risk_percent"]) == ("at_risk", 75.0)
    assert "risk_steps" not in row

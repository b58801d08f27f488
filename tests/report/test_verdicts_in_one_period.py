"""Each verdict is counted, and each event log problem listed, by one period's report only.

A QA pass signing monthly reports of Click So-ko found two things counted twice. A recovery notice due
on 1 December, of an outage from 30 November 16:55 to 1 December 00:30 (listed by both months), was
breached in November's report and in December's (the violation ``Tue 1 Dec 12:00 notice late ME`` and
``0 of 1 met`` in both), where the P1 response due that day counts in December only. And a cumulative
log judged for December listed an orphan ``outage.ended`` of 5 November among December's violations:
every month repeated every earlier month's problems.

Now an outage's notice counts as an incident's response does: in the period it settled in (sent, or
breached at its due time), left to the next period when the outage is still down at ``to``, never
again in a period the outage is carried into after it settled; a planned stop's notice in the period
the stop starts in. A ``data`` violation is listed by the report whose period holds its event's time,
whatever the period of the item it is about. The text, the JSON, the Parquet violations table, the
summary, the trend, ``sla explain`` and a partitioned run all say so.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from sla_dsl import load_policy
from sla_dsl.evaluation import judge_log
from sla_dsl.events.reader import read_jsonl

from .helpers import POLICY, sla

AS_OF = "2026-12-07T00:00:00+09:00"
NOVEMBER = ("--from", "2026-11-01", "--to", "2026-12-01")
DECEMBER = ("--from", "2026-12-01", "--to", "2027-01-01")
BOTH = ("--from", "2026-11-01", "--to", "2027-01-01")
TOKYO = dt.timezone(dt.timedelta(hours=9))
NOTICE = "Recovery-information notice time"
STOPS = "Notice of planned stops"

#: the QA's log: a P1 due on 1 December at 14:00 and answered at 15:00, and an outage down from 30 November
#: to 1 December 00:30, recognised at 17:00 (its notice due 3 business hours later: 1 December 12:00), notified
#: at 13:00
LATE = [
    {"event": "incident.reported", "at": "2026-11-30T17:00:00+09:00", "id": "I1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-12-01T15:00:00+09:00", "id": "I1"},
    {"event": "outage.started", "at": "2026-11-30T16:55:00+09:00", "id": "ME", "service": "content"},
    {"event": "outage.recognized", "at": "2026-11-30T17:00:00+09:00", "id": "ME"},
    {"event": "outage.ended", "at": "2026-12-01T00:30:00+09:00", "id": "ME"},
    {"event": "outage.notified", "at": "2026-12-01T13:00:00+09:00", "id": "ME"},
]
#: an outage noticed in time on 30 November and still down on 2 December: November's notice, not December's
CARRIED = [
    {"event": "outage.started", "at": "2026-11-30T10:00:00+09:00", "id": "CO", "service": "content"},
    {"event": "outage.recognized", "at": "2026-11-30T10:05:00+09:00", "id": "CO"},
    {"event": "outage.notified", "at": "2026-11-30T11:00:00+09:00", "id": "CO"},
    {"event": "outage.ended", "at": "2026-12-02T10:00:00+09:00", "id": "CO"},
]
#: an outage over by the end of November whose notice falls due on 1 December and never comes: December does
#: not list the outage, so November counts the breach
ENDED = [
    {"event": "outage.started", "at": "2026-11-30T16:00:00+09:00", "id": "EN", "service": "content"},
    {"event": "outage.recognized", "at": "2026-11-30T17:00:00+09:00", "id": "EN"},
    {"event": "outage.ended", "at": "2026-11-30T23:00:00+09:00", "id": "EN"},
]
#: a planned stop from 30 November 22:00 to 1 December 02:00 announced two days before it (a week is needed)
STOP = [
    {
        "event": "stop.announced",
        "at": "2026-11-28T10:00:00+09:00",
        "id": "S1",
        "channel": "email",
        "start": "2026-11-30T22:00:00+09:00",
        "end": "2026-12-01T02:00:00+09:00",
    }
]
#: a cumulative log: an orphan end in November, a December outage, and an outage down from 28 November to
#: 2 December with a repeated start in November and a repeated end in December
PROBLEMS = [
    {"event": "outage.ended", "at": "2026-11-05T12:00:00+09:00", "id": "O-ORPHAN"},
    {"event": "outage.started", "at": "2026-11-28T10:00:00+09:00", "id": "O-SPAN", "service": "content"},
    {"event": "outage.started", "at": "2026-11-29T10:00:00+09:00", "id": "O-SPAN", "service": "content"},
    {"event": "outage.ended", "at": "2026-12-02T10:00:00+09:00", "id": "O-SPAN"},
    {"event": "outage.ended", "at": "2026-12-03T10:00:00+09:00", "id": "O-SPAN"},
    {"event": "outage.started", "at": "2026-12-02T03:00:00+09:00", "id": "O-D", "service": "content"},
    {"event": "outage.ended", "at": "2026-12-02T03:10:00+09:00", "id": "O-D"},
]


def _write(tmp_path: Path, events: list[dict[str, Any]], name: str = "ev.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return path


def _run(events: Path, period: tuple[str, ...], fmt: str = "text", *more: str) -> str:
    code, out, err = sla("evaluate", POLICY, events, *period, "--as-of", AS_OF, "--format", fmt, *more)
    assert code == 0, err
    return out


def _json(events: Path, period: tuple[str, ...]) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(_run(events, period, "json"))
    return report


def _summary(events: Path, period: tuple[str, ...], label: str) -> list[str]:
    """The result and verdict of the English summary's row ``label``."""
    for line in _run(events, period, "text", "--lang", "en").splitlines():
        if line.strip().startswith(label):
            return re.split(r"\s{2,}", line.strip())[2:4]
    raise AssertionError(f"no row {label!r}")


def _listed(report: dict[str, Any], *kinds: str) -> list[tuple[str, str]]:
    return [(v["kind"], v["id"]) for v in report["violations"] if v["kind"] in kinds]


def _figures(report: dict[str, Any], commitment: str, subject: str) -> list[tuple[int, int]]:
    """Per month of the trend, (met, judged) of one commitment."""
    found = [
        next(f for f in m["figures"] if (f["commitment"], f["subject"]) == (commitment, subject))
        for m in report["trend"]
    ]
    return [(f["met"], f["judged"]) for f in found]


# -- notices ---------------------------------------------------------------------------------------


def test_a_notice_due_in_the_next_month_is_that_months_breach_only(tmp_path: Path) -> None:
    events = _write(tmp_path, LATE)
    november, december = _json(events, NOVEMBER), _json(events, DECEMBER)
    assert _listed(november, "notice_breached", "response_breached") == []
    assert _listed(december, "notice_breached", "response_breached") == [
        ("notice_breached", "ME"),
        ("response_breached", "I1"),
    ]
    # November lists the outage (down at its end) with its verdict as of `as_of`, and leaves the notice to December
    (row,) = november["outages"]
    assert (row["id"], row["notice_status"]) == ("ME", "breached")
    assert _summary(events, NOVEMBER, NOTICE) == ["nothing to judge", "-"]
    assert _summary(events, DECEMBER, NOTICE) == ["0 of 1 met (0.0%)", "not met"]
    text = _run(events, NOVEMBER, "text", "--lang", "en", "--limit", "0")
    assert "notice late" not in text
    # the trend's months are the months' own reports, and add up to the summary of both
    both = _json(events, BOTH)
    assert _figures(both, "notice", "recovery") == [(0, 0), (0, 1)]
    assert _figures(both, "response", "P1") == [(0, 0), (0, 1)]
    assert _listed(both, "notice_breached") == [("notice_breached", "ME")]
    assert _summary(events, BOTH, NOTICE) == ["0 of 1 met (0.0%)", "not met"]


def test_the_parquet_violations_table_alike(tmp_path: Path) -> None:
    events = _write(tmp_path, LATE)
    for period, want in ((NOVEMBER, []), (DECEMBER, ["ME"])):
        out = tmp_path / period[1]
        _run(events, period, "parquet", "--output", str(out), "--no-trend")
        table = pq.read_table(out / "violations.parquet").to_pylist()
        assert [v["id"] for v in table if v["kind"] == "notice_breached"] == want


def test_a_notice_settled_before_an_outage_is_carried_over_is_not_counted_again(tmp_path: Path) -> None:
    events = _write(tmp_path, CARRIED)
    assert _summary(events, NOVEMBER, NOTICE) == ["1 of 1 met (100.0%)", "met"]
    december = _json(events, DECEMBER)
    assert [(o["id"], o["notice_status"]) for o in december["outages"]] == [("CO", "met")]
    assert _summary(events, DECEMBER, NOTICE) == ["nothing to judge", "-"]
    assert _figures(_json(events, BOTH), "notice", "recovery") == [(1, 1), (0, 0)]


def test_a_notice_of_an_outage_over_by_the_end_counts_in_its_last_month(tmp_path: Path) -> None:
    events = _write(tmp_path, ENDED)
    november, december = _json(events, NOVEMBER), _json(events, DECEMBER)
    assert _listed(november, "notice_breached") == [("notice_breached", "EN")]
    assert _summary(events, NOVEMBER, NOTICE) == ["0 of 1 met (0.0%)", "not met"]
    assert december["outages"] == [] and _listed(december, "notice_breached") == []
    assert _figures(_json(events, BOTH), "notice", "recovery") == [(0, 1), (0, 0)]


def test_an_earlier_month_of_the_trend_leaves_the_notice_to_the_next(tmp_path: Path) -> None:
    """December's report, its log reaching back to 1 November: November's column is November's own report
    (judged with the earlier months), which leaves the notice due on 1 December to December."""
    first = {"event": "backup.completed", "at": "2026-11-01T00:00:00+09:00", "id": "B", "kind": "database"}
    events = _write(tmp_path, [first, *LATE])
    december = _json(events, DECEMBER)
    assert [m["month"] for m in december["trend"]] == ["2026-11-01", "2026-12-01"]
    assert _figures(december, "notice", "recovery") == [(0, 0), (0, 1)]


def test_a_planned_stop_across_the_month_is_judged_in_the_month_it_starts(tmp_path: Path) -> None:
    events = _write(tmp_path, STOP)
    november, december = _json(events, NOVEMBER), _json(events, DECEMBER)
    assert _listed(november, "stop_notice_invalid") == [("stop_notice_invalid", "S1")]
    assert _summary(events, NOVEMBER, STOPS) == ["0 of 1 valid", "not met"]
    # December lists the stop (it runs across 1 December), not its notice again
    assert [s["id"] for s in december["planned_stops"]] == ["S1"]
    assert _listed(december, "stop_notice_invalid") == []
    assert _summary(events, DECEMBER, STOPS) == ["nothing to judge", "-"]
    assert _figures(_json(events, BOTH), "stop_notice", "planned_stop") == [(0, 1), (0, 0)]


# -- event log problems --------------------------------------------------------------------------


def test_a_months_report_lists_its_own_months_log_problems(tmp_path: Path) -> None:
    events = _write(tmp_path, PROBLEMS)
    november, december = _json(events, NOVEMBER), _json(events, DECEMBER)
    data = [(v["id"], v["at"]) for v in november["violations"] if v["kind"] == "data"]
    assert data == [("O-ORPHAN", "2026-11-05T12:00:00+09:00"), ("O-SPAN", "2026-11-29T10:00:00+09:00")]
    # the outage from 28 November is listed by both; each of its problems by the month of its event
    assert [(v["id"], v["at"]) for v in december["violations"] if v["kind"] == "data"] == [
        ("O-SPAN", "2026-12-03T10:00:00+09:00")
    ]
    assert [o["id"] for o in december["outages"]] == ["O-SPAN", "O-D"]
    text = _run(events, DECEMBER, "text", "--lang", "en", "--limit", "0")
    assert "O-ORPHAN" not in text and "Thu 5 Nov" not in text
    out = tmp_path / "december"
    _run(events, DECEMBER, "parquet", "--output", str(out), "--no-trend")
    table = pq.read_table(out / "violations.parquet").to_pylist()
    assert [v["id"] for v in table if v["kind"] == "data"] == ["O-SPAN"]


def test_sla_explain_finds_a_problem_in_its_own_period(tmp_path: Path) -> None:
    events = _write(tmp_path, PROBLEMS)
    explain = ("explain", POLICY, events, "O-ORPHAN", "--as-of", AS_OF, "--lang", "en")
    code, out, err = sla(*explain, *NOVEMBER)
    assert code == 0 and "no record of the start" in out, err
    code, out, err = sla(*explain, *DECEMBER)
    assert code == 1 and "no incident, outage" in err and "O-ORPHAN" not in out


def test_partitions_merged_list_what_one_run_lists(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from sla_dsl.evaluation.partition import finish, merge
    from sla_dsl.evaluation.trend import add_trend
    from sla_dsl.scale import judge_table

    lines = PROBLEMS + LATE + STOP
    policy = load_policy(POLICY)
    start, end = dt.datetime(2026, 12, 1, tzinfo=TOKYO), dt.datetime(2027, 1, 1, tzinfo=TOKYO)
    as_of = dt.datetime(2026, 12, 7, tzinfo=TOKYO)
    text = "".join(json.dumps(e) + "\n" for e in lines).encode()
    one = io.BytesIO()
    log = read_jsonl(io.BytesIO(text), "<events>", defer=True)
    result = judge_log(policy, log, start, end, as_of)
    add_trend(result, [policy], log, judge_log)
    result.write_json(one)
    columns = ["event", "at", "id", "priority", "service", "channel", "start", "end", "line"]
    frame = pd.DataFrame([{**e, "line": k} for k, e in enumerate(lines, 1)], columns=columns)
    frame = frame.astype({c: object for c in columns[:-1]}).where(frame.notna(), None).astype({"line": "int64"})
    parts = [frame[frame["id"] == ident] for ident in dict.fromkeys(e["id"] for e in lines)]
    merged = merge([judge_table(policy, part, start, end, as_of) for part in parts])
    out = io.BytesIO()
    finish(policy, merged, start, end, as_of).write_json(out)
    assert out.getvalue() == one.getvalue()
    december = json.loads(one.getvalue())
    assert [v["id"] for v in december["violations"] if v["kind"] == "data"] == ["O-SPAN"]

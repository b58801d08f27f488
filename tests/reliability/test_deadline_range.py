"""Results past the supported years: worded in the user's language, and located on the event they come from.

An incident reported on the evening of 2200-12-31 with a target of five business days used to sink
``sla evaluate`` with ``sla: error: calendar `business`: the result is after the supported years`` in
English under a Japanese policy, naming neither the line nor the incident. Now:

* :class:`~sla_dsl.calendars.bounds.OutOfRangeError` carries catalogue words (``bounds.*``), English by
  default (the API's text as it always was) and written in a command's language by the command;
* a deadline counted from an event that falls outside the years is problem E124 on that event's line,
  found before anything is judged and settled with the log's other problems (raised together, or left
  out with ``--skip-invalid``), in every command that judges a log;
* a completion by silence whose deadline is after the years never comes (no error, no completion);
* a period that ends with 2200 or starts with 1900 asks the calendars nothing outside the years.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.calendars.bounds import (
    DATE,
    FIRST_DATE,
    LAST_DATE,
    MAX_EPOCH,
    TIME,
    OutOfRangeError,
    check_date,
    check_time,
    flag_words,
)
from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.calendars.timeargs import parse_edge
from sla_dsl.evaluation import evaluate as evaluate_log_file
from sla_dsl.evaluation import judge_log
from sla_dsl.events.problems import EventInputError
from sla_dsl.events.reader import read_events
from sla_dsl.lang import model as m
from sla_dsl.policy import Policy, add_calendar_duration, load_policy

from .test_bounded_time import refused, sla

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
CLICKSOKO = POLICY.read_text("utf-8")
TOKYO = ZoneInfo("Asia/Tokyo")
PERIOD = ["--from", "2200-12-01", "--to", "2201-01-01"]
LATE = {"event": "incident.reported", "at": "2200-12-31T20:00:00+09:00", "id": "A", "priority": "P3"}

E124_EN = (
    "the response due time of incident `A` falls after the supported years, 1900 to 2200 "
    "(`respond within 5 business days` from `2200-12-31T20:00:00+09:00`)"
)
E124_JA = (
    "案件 `A` の応答期限が扱える年（1900 年から 2200 年まで）より後になります"
    "（`2200-12-31T20:00:00+09:00` から `respond within 5 business days`）"
)
HELP_EN = (
    "deadlines are worked out within the supported years, 1900 to 2200: this event cannot be judged; "
    "leave it out of the log"
)
HELP_JA = (
    "期限は扱える年（1900 年から 2200 年まで）の中でしか計算できません。"
    "このイベントは判定できないので、ログから除いてください"
)


def log_file(tmp_path: Path, *events: dict[str, str], name: str = "late.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return path


def ev(event: str, at: str, ident: str, **fields: str) -> dict[str, str]:
    return {"event": event, "at": at, "id": ident, **fields}


@cache
def clicksoko() -> Policy:
    return load_policy(POLICY)


def policy_with(tmp_path: Path, old: str, new: str, extra: str = "") -> Path:
    assert old in CLICKSOKO, old
    path = tmp_path / "p.sla"
    path.write_text(CLICKSOKO.replace(old, new, 1) + extra, "utf-8")
    return path


# ---- the case of the issue: the command says it on the line, in the policy's language ------------------


def test_a_due_time_after_the_range_is_the_lines_problem_in_japanese(tmp_path: Path) -> None:
    path = log_file(tmp_path, LATE)
    err = refused(sla("evaluate", POLICY, path, *PERIOD, "--format", "text"))
    assert err == f"{path}:1: error: [E124] {E124_JA}\n  ヒント: {HELP_JA}\n"


def test_a_due_time_after_the_range_is_the_lines_problem_in_english(tmp_path: Path) -> None:
    path = log_file(tmp_path, LATE)
    err = refused(sla("evaluate", POLICY, path, *PERIOD, "--format", "text", "--lang", "en"))
    assert err == f"{path}:1: error: [E124] {E124_EN}\n  help: {HELP_EN}\n"


def test_skip_invalid_leaves_the_line_out_and_says_so(tmp_path: Path) -> None:
    path = log_file(tmp_path, LATE, ev("incident.reported", "2200-12-01T10:00:00+09:00", "B", priority="P1"))
    res = sla("evaluate", POLICY, path, *PERIOD, "--format", "text", "--skip-invalid")
    assert res.returncode == 0, res.stderr
    assert f"除外した行: {path}:1: error: [E124] {E124_JA}" in res.stderr
    res = sla("evaluate", POLICY, path, *PERIOD, "--format", "json", "--skip-invalid", "--lang", "en")
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert report["input"]["skipped"] == [f"{path}:1: error: [E124] {E124_EN}\n  help: {HELP_EN}"]
    assert [i["id"] for i in report["incidents"]] == ["B"]


@pytest.mark.parametrize("command", ["explain", "replay"])
def test_the_other_commands_that_judge_a_log_say_it_too(command: str, tmp_path: Path) -> None:
    path = log_file(tmp_path, LATE)
    argv = {
        "explain": ["explain", POLICY, path, "A"],
        "replay": ["replay", POLICY, POLICY, path, *PERIOD],
    }[command]
    # the located frame is the message's first line, as `sla check` prints its own: no `sla: error:` before it
    assert refused(sla(*argv)).startswith(f"{path}:1: error: [E124] {E124_JA}\n")
    assert refused(sla(*argv, "--lang", "en")).startswith(f"{path}:1: error: [E124] {E124_EN}\n")


def test_the_python_api_raises_the_located_problem_in_the_policy_s_language(tmp_path: Path) -> None:
    path = log_file(tmp_path, LATE)
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(clicksoko(), path, "2200-12-01", "2201-01-01")
    assert info.value.lang == "ja" and str(info.value).startswith(f"{path}:1: error: [E124] ")
    assert str(info.value.in_lang("en")) == f"{path}:1: error: [E124] {E124_EN}\n  help: {HELP_EN}"
    [found] = info.value.problems
    assert (found.code, found.line) == ("E124", 1)
    report = evaluate_log_file(clicksoko(), path, "2200-12-01", "2201-01-01", skip_invalid=True)
    assert report.input.skipped == [str(found)] and report.incidents == []


def test_events_the_period_does_not_judge_are_not_refused(tmp_path: Path) -> None:
    """The event is after ``as_of`` (the end of November): the judge never counts from it."""
    path = log_file(tmp_path, LATE, ev("incident.reported", "2200-11-02T10:00:00+09:00", "B", priority="P1"))
    report = sla_dsl.evaluate(clicksoko(), path, "2200-11-01", "2200-12-01")
    assert [i.id for i in report.incidents] == ["B"] and report.input.skipped == []


def test_a_due_time_in_the_range_at_its_end_is_judged(tmp_path: Path) -> None:
    path = log_file(
        tmp_path,
        ev("incident.reported", "2200-12-31T10:00:00+09:00", "A", priority="P1"),
        ev("incident.responded", "2200-12-31T11:00:00+09:00", "A"),
    )
    for fmt in ("json", "text"):
        res = sla("evaluate", POLICY, path, *PERIOD, "--format", fmt, "--lang", "en")
        assert res.returncode == 0, res.stderr
    [row] = sla_dsl.evaluate(clicksoko(), path, "2200-12-01", "2201-01-01").incidents
    assert (row.status, row.response_due) == ("met", dt.datetime(2200, 12, 31, 15, tzinfo=TOKYO))


# ---- the other deadlines counted from an event ---------------------------------------------------------


def test_a_completion_by_silence_after_the_range_never_comes(tmp_path: Path) -> None:
    """P2 completes 10 business days after information without a reply: from 28 December 2200 that is
    past the range, so the incident is not completed (and nothing is refused)."""
    path = log_file(
        tmp_path,
        ev("incident.reported", "2200-12-01T10:00:00+09:00", "S", priority="P2"),
        ev("incident.responded", "2200-12-01T11:00:00+09:00", "S"),
        ev("incident.info_provided", "2200-12-28T10:00:00+09:00", "S"),
    )
    for batch in (True, False):  # the columnar judge and the per-incident one
        result = judge_log(clicksoko(), read_events(path), "2200-12-01", "2201-01-01", batch=batch)
        [row] = result.report().incidents
        assert (row.status, row.completed_at, row.completion) == ("met", None, None)


def test_an_outage_notice_due_after_the_range(tmp_path: Path) -> None:
    policy = policy_with(
        tmp_path, "within 3 business hours after outage.recognized", "within 3 business days after outage.recognized"
    )
    path = log_file(
        tmp_path,
        ev("outage.started", "2200-12-31T15:00:00+09:00", "O1"),
        ev("outage.recognized", "2200-12-31T16:00:00+09:00", "O1"),
        ev("outage.ended", "2200-12-31T17:00:00+09:00", "O1"),
    )
    err = refused(sla("evaluate", policy, path, *PERIOD, "--lang", "en"))
    assert (
        f"{path}:2: error: [E124] the deadline of notification “Recovery-information notice time” of outage `O1` "
        "falls after the supported years, 1900 to 2200 (`within 3 business days after outage.recognized` from "
        "`2200-12-31T16:00:00+09:00`)"
    ) in err
    refused(
        sla("evaluate", policy, path, *PERIOD), f"{path}:2: error: [E124] 障害 `O1` の通知「復旧情報通知時間」の期限が"
    )


def test_a_planned_stops_notice_due_before_the_range(tmp_path: Path) -> None:
    policy = policy_with(
        tmp_path, "notice 1 week before start date by email", "notice 3 business days before start by email"
    )
    stop = ev("stop.announced", "1900-01-01T10:00:00+09:00", "S1", channel="email")
    stop |= {"start": "1900-01-02T10:00:00+09:00", "end": "1900-01-02T12:00:00+09:00"}
    path = log_file(tmp_path, stop)
    err = refused(sla("evaluate", policy, path, "--from", "1900-01-01", "--to", "1900-02-01", "--lang", "en"))
    assert (
        f"{path}:1: error: [E124] the notice deadline of planned stop `S1` falls before the supported years, "
        "1900 to 2200 (`notice 3 business days before start` from `1900-01-02T10:00:00+09:00`)"
    ) in err


def test_a_notice_counted_back_in_elapsed_time_at_the_end_of_the_range_is_judged(tmp_path: Path) -> None:
    """``notice 48 hours before start``, for a stop late on 2200-12-31: its deadline is in the range (it was
    worked out by adding the 48 hours after the start, past the range)."""
    policy = policy_with(tmp_path, "notice 1 week before start date by email", "notice 48 hours before start by email")
    stop = ev("stop.announced", "2200-12-01T10:00:00+09:00", "S1", channel="email")
    stop |= {"start": "2200-12-31T20:00:00+09:00", "end": "2200-12-31T22:00:00+09:00"}
    report = sla_dsl.evaluate(load_policy(policy), [stop], "2200-12-01", "2201-01-01")
    [row] = report.planned_stops
    assert row.notice_ok and row.notice_deadline is not None
    assert row.notice_deadline.replace(microsecond=0) == dt.datetime(2200, 12, 29, 20, tzinfo=TOKYO)


def test_a_retention_ending_after_the_range_is_the_deletions_problem(tmp_path: Path) -> None:
    path = log_file(
        tmp_path,
        ev("backup.completed", "2200-12-20T03:00:00+09:00", "B1", kind="database"),
        ev("backup.deleted", "2200-12-25T03:00:00+09:00", "B1", kind="database"),
    )
    err = refused(sla("evaluate", POLICY, path, *PERIOD, "--lang", "en"))
    assert (
        f"{path}:2: error: [E124] the end of the retention of backup `B1` falls after the supported years, "
        "1900 to 2200 (`keep 1 month` from `2200-12-20T03:00:00+09:00`)"
    ) in err
    refused(sla("evaluate", POLICY, path, *PERIOD), "バックアップ `B1` の保存期間の終わりが")


def test_an_incident_notification_due_after_the_range(tmp_path: Path) -> None:
    extra = (
        '\nnotify ack "受付" / "Acknowledgement" {\n'
        "  within 3 business days after incident.reported\n  met by incident.responded\n}\n"
    )
    policy = tmp_path / "p.sla"
    policy.write_text(CLICKSOKO + extra, "utf-8")
    path = log_file(tmp_path, ev("incident.reported", "2200-12-31T10:00:00+09:00", "N", priority="P1"))
    refused(
        sla("evaluate", policy, path, *PERIOD, "--lang", "en"),
        f"{path}:1: error: [E124] the deadline of notification “Acknowledgement” of incident `N` falls after the",
        "supported years",
        "(`within 3 business days after incident.reported` from `2200-12-31T10:00:00+09:00`)",
    )


UPDATES = """
clock updates "更新" / "Updates" {
  starts at incident.reported
  stops at incident.resolved
}
"""


def test_a_clock_target_due_after_the_range(tmp_path: Path) -> None:
    """An update every 2 business days: from the update at 17:00 on 2200-12-31 the next one falls past the
    range (E124 on that line); left out, the target is judged from the clock's start on Monday 2200-12-29
    (due on Wednesday at 10:00, inside the range, and breached when that update is left out)."""
    policy = policy_with(
        tmp_path,
        "  respond within 4 business hours\n",
        "  respond within 4 business hours\n  update every 2 business days on updates by incident.info_provided\n",
        UPDATES,
    )
    path = log_file(
        tmp_path,
        ev("incident.reported", "2200-12-29T10:00:00+09:00", "U", priority="P1"),
        ev("incident.info_provided", "2200-12-31T17:00:00+09:00", "U"),
    )
    refused(
        sla("evaluate", policy, path, *PERIOD, "--lang", "en"),
        f"{path}:2: error: [E124] the deadline of incident `U` on clock “Updates” falls after the supported years",
        "(`update every 2 business days on updates by incident.info_provided` from `2200-12-31T17:00:00+09:00`)",
    )
    report = evaluate_log_file(load_policy(policy), path, "2200-12-01", "2201-01-01", skip_invalid=True)
    [row] = report.incidents
    [target] = [t for t in row.targets if t.kind == "update"]
    assert target.status == "breached" and [s.split(":")[1] for s in report.input.skipped] == ["2"]


def test_a_problem_and_another_of_the_same_log_are_said_together(tmp_path: Path) -> None:
    path = log_file(tmp_path, ev("incident.reported", "2200-12-01T10:00:00+09:00", "X", priority="P9"), LATE)
    err = refused(sla("evaluate", POLICY, path, *PERIOD, "--lang", "en"))
    assert err.index(f"{path}:1: error: [E120]") < err.index(f"{path}:2: error: [E124]")
    assert "2 invalid event lines (E120 on 1, E124 on 1)" in err


# ---- a period at either end of the range asks nothing outside it ----------------------------------------


@pytest.mark.parametrize(("start", "end"), [("2200-12-01", "2201-01-01"), ("1900-01-01", "1900-02-01")])
def test_a_period_at_the_edge_of_the_range_is_judged(start: str, end: str, tmp_path: Path) -> None:
    path = log_file(tmp_path)
    for fmt in ("json", "text"):
        res = sla("evaluate", POLICY, path, "--from", start, "--to", end, "--format", fmt)
        assert res.returncode == 0, res.stderr


# ---- OutOfRangeError is worded: English by default, the command's language in a command ----------------

JA_LATIN = re.compile(r"[A-Za-z]+")
CODE = re.compile(r"`[^`]*`")
T = dt.datetime(2026, 11, 2, 10, tzinfo=TOKYO)


def _business() -> BusinessCalendar:
    return clicksoko().calendar("business")


BOUNDS: list[tuple[str, Callable[[], object], str, str]] = [
    (
        "check_time",
        lambda: check_time(dt.datetime(2300, 1, 1, tzinfo=TOKYO), TIME),
        "time `2300-01-01T00:00:00+09:00` is outside the supported years, 1900 to 2200 "
        "(write a time from 1900-01-01 00:00 to 2201-01-01 00:00)",
        "時刻 `2300-01-01T00:00:00+09:00` は扱える年（1900 年から 2200 年まで）の外です。"
        "1900-01-01 00:00 から 2201-01-01 00:00 までの時刻を書いてください",
    ),
    (
        "a flag",
        lambda: check_time(dt.datetime(2300, 1, 1, tzinfo=TOKYO), flag_words("--from"), "2300-01-01"),
        "--from `2300-01-01` is outside the supported years, 1900 to 2200 "
        "(write a time from 1900-01-01 00:00 to 2201-01-01 00:00)",
        "`--from` の `2300-01-01` は扱える年（1900 年から 2200 年まで）の外です。"
        "1900-01-01 00:00 から 2201-01-01 00:00 までの時刻を書いてください",
    ),
    (
        "check_date",
        lambda: check_date(dt.date(2201, 1, 1), DATE),
        "date `2201-01-01` is outside the supported years, 1900 to 2200 (write a date from 1900-01-01 to 2200-12-31)",
        "日付 `2201-01-01` は扱える年（1900 年から 2200 年まで）の外です。"
        "1900-01-01 から 2200-12-31 までの日付を書いてください",
    ),
    (
        "check_epoch",
        lambda: _business().add_epoch(MAX_EPOCH + 10, 1),
        "calendar `business`: time `2201-01-02T00:00:10Z` is outside the supported years, 1900 to 2200 "
        "(write a time from 1900-01-01 00:00 to 2201-01-01 00:00)",
        "カレンダー `business` の時刻 `2201-01-02T00:00:10Z` は扱える年（1900 年から 2200 年まで）の外です。"
        "1900-01-01 00:00 から 2201-01-01 00:00 までの時刻を書いてください",
    ),
    (
        "check_span, business seconds",
        lambda: _business().add_epoch(0, 10**13),
        "calendar `business`: business time of 10000000000000 seconds is longer than the supported years, 1900 to 2200",
        "カレンダー `business` の 10000000000000 秒の営業時間は扱える年（1900 年から 2200 年まで）を超えます",
    ),
    (
        "check_span, business time",
        lambda: _business().business_delta(10**15, m.TimeUnit.DAY),
        "`1000000000000000 business days` of business time is longer than the supported years, 1900 to 2200",
        "`1000000000000000 business days` の営業時間は扱える年（1900 年から 2200 年まで）を超えます",
    ),
    (
        "check_span, a duration",
        lambda: add_calendar_duration(T, m.Duration(amount=10**12, unit=m.TimeUnit.HOUR)),
        "`1000000000000 hours` is longer than the supported years, 1900 to 2200",
        "`1000000000000 hours` の長さは扱える年（1900 年から 2200 年まで）を超えます",
    ),
    (
        "a business result after",
        lambda: _business().add(dt.datetime(2200, 12, 31, 10, tzinfo=TOKYO), dt.timedelta(hours=3000)),
        "calendar `business`: the result is after the supported years, 1900 to 2200",
        "カレンダー `business`：結果が扱える年（1900 年から 2200 年まで）より後になります",
    ),
    (
        "a business result before",
        lambda: _business().add(dt.datetime(1901, 6, 1, 10, tzinfo=TOKYO), dt.timedelta(hours=-21000)),
        "calendar `business`: the result is before the supported years, 1900 to 2200",
        "カレンダー `business`：結果が扱える年（1900 年から 2200 年まで）より前になります",
    ),
    (
        "an elapsed result after",
        lambda: add_calendar_duration(
            dt.datetime(2199, 6, 1, tzinfo=TOKYO), m.Duration(amount=120, unit=m.TimeUnit.MONTH)
        ),
        "adding `120 months`: the result is after the supported years, 1900 to 2200",
        "`120 months` を加えると、結果が扱える年（1900 年から 2200 年まで）より後になります",
    ),
    (
        "an elapsed result before",
        lambda: add_calendar_duration(
            dt.datetime(1901, 6, 1, tzinfo=TOKYO), m.Duration(amount=-120, unit=m.TimeUnit.MONTH)
        ),
        "adding `-120 months`: the result is before the supported years, 1900 to 2200",
        "`-120 months` を加えると、結果が扱える年（1900 年から 2200 年まで）より前になります",
    ),
    (
        "no business day after",
        lambda: _business().next_business_day(LAST_DATE),
        "calendar `business` has no business day after `2200-12-31` in the supported years, 1900 to 2200",
        "カレンダー `business` には、`2200-12-31` より後の営業日が扱える年（1900 年から 2200 年まで）の中にありません",
    ),
    (
        "no business day before",
        lambda: _business().previous_business_day(FIRST_DATE),
        "calendar `business` has no business day before `1900-01-01` in the supported years, 1900 to 2200",
        "カレンダー `business` には、`1900-01-01` より前の営業日が扱える年（1900 年から 2200 年まで）の中にありません",
    ),
    (
        "business days",
        lambda: _business().end_of_nth_business_day(T, 200_000),
        "`200000` business days do not fit in the supported years, 1900 to 2200",
        "`200000` 営業日は扱える年（1900 年から 2200 年まで）に収まりません",
    ),
    (
        "years",
        lambda: load_policy(POLICY).calendar("business").prepare(1800, 1801),  # (a calendar that has no years yet)
        "calendar `business`: years `1800`..`1801` are outside the supported years, 1900 to 2200",
        "カレンダー `business`：年 `1800`..`1801` は扱える年（1900 年から 2200 年まで）の外です",
    ),
    (
        "a flag read from text",
        lambda: parse_edge("2300-01-01", TOKYO, "--to"),
        "--to `2300-01-01` is outside the supported years, 1900 to 2200 "
        "(write a time from 1900-01-01 00:00 to 2201-01-01 00:00)",
        "`--to` の `2300-01-01` は扱える年（1900 年から 2200 年まで）の外です。"
        "1900-01-01 00:00 から 2201-01-01 00:00 までの時刻を書いてください",
    ),
]


@pytest.mark.parametrize(("name", "raise_it", "english", "japanese"), BOUNDS, ids=[b[0] for b in BOUNDS])
def test_each_bound_is_worded_in_both_languages(
    name: str, raise_it: Callable[[], object], english: str, japanese: str
) -> None:
    with pytest.raises(OutOfRangeError) as info:
        raise_it()
    exc = info.value
    assert str(exc) == english and exc.lang is None  # the API's English, as it always was
    assert exc.words.covered()
    ja = exc.in_lang("ja")
    assert isinstance(ja, OutOfRangeError) and (str(ja), ja.lang) == (japanese, "ja")
    assert not JA_LATIN.findall(CODE.sub("", japanese).replace("ISO", ""))  # no English outside `code`
    again = pickle.loads(pickle.dumps(ja))  # (from a Dask or Spark worker: rebuilt from its words)
    assert (str(again), again.lang) == (japanese, "ja")


def test_sla_deadline_says_the_reason_in_the_policys_language() -> None:
    value = "2200-12-31T10:00:00+09:00"
    argv = ("deadline", POLICY, "--priority", "P3", "--from", value)
    err = refused(sla(*argv))
    assert err == (
        f"sla: エラー: `--from` の `{value}`：カレンダー `business`：結果が扱える年（1900 年から 2200 年まで）"
        "より後になります\n"
    )


def test_an_sla_test_deadline_after_the_range_is_said_in_the_cases_language(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        'cases:\n  - name: late\n    deadline: {priority: P3, from: "2200-12-31T10:00:00+09:00"}\n'
        '    expect: "2201-01-08T10:00:00+09:00"\n',
        "utf-8",
    )
    refused(
        sla("test", POLICY, cases),
        f"{cases}:3:30: error: [E162] ケース `late`：カレンダー `business`：結果が扱える年（1900 年から 2200 年まで）"
        "より後になります",
    )
    refused(
        sla("test", POLICY, cases, "--lang", "en"),
        f"{cases}:3:30: error: [E162] case `late`: calendar `business`: the result is after the supported years",
    )


def test_a_same_day_guideline_on_a_day_outside_the_range(tmp_path: Path) -> None:
    """Reported at 23:30 on 2200-12-31 in New York (a supported time in its own offset), which is
    2201-01-01 in Tokyo: the business calendar has no hours after the supported years end on its own wall
    clock, so the response due time is the first deadline said to fall past them (one problem per line)."""
    path = log_file(tmp_path, ev("incident.reported", "2200-12-31T23:30:00-05:00", "X", priority="P1"))
    refused(
        sla("evaluate", POLICY, path, "--from", "2200-12-01", "--to", "2200-12-31T23:00:00-10:00", "--lang", "en"),
        f"{path}:1: error: [E124] the response due time of incident `X` falls after the supported years",
        "(`respond within 4 business hours` from `2200-12-31T23:30:00-05:00`)",  # (as the line gives it)
    )


def test_a_table_names_the_row_and_column(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    path = tmp_path / "late.parquet"
    pq.write_table(pa.table({k: [v] for k, v in LATE.items()}), path)
    err = refused(sla("evaluate", POLICY, path, *PERIOD, "--lang", "en"))
    assert err.startswith(f"{path}: row 1, column `at`: error: [E124] {E124_EN}\n"), err
    refused(sla("evaluate", POLICY, path, *PERIOD), f"{path}: 1 行目、列 `at`: error: [E124] {E124_JA}")


# ---- no result lies after 2201-01-01 00:00 on the wall clock it is shown in --------------------------------
# (The arithmetic accepts every instant of a supported time in any zone, a day wider than the range in
# UTC; its results used to run into that day: P1 at 17:00 on 2200-12-31 was due at 14:00 on 2201-01-01.)


def test_sla_deadline_refuses_a_due_time_on_2201_01_01() -> None:
    start = ["deadline", POLICY, "--priority", "P1", "--from"]
    refused(
        sla(*start, "2200-12-31T17:00:00+09:00", "--lang", "en"),
        "calendar `business`: the result is after the supported years, 1900 to 2200",
    )
    refused(sla(*start, "2200-12-31T17:00:00+09:00"), "結果が扱える年（1900 年から 2200 年まで）より後になります")
    last = sla(*start, "2200-12-31T14:00:00+09:00")  # four business hours: 18:00, the range's last close
    assert (last.returncode, last.stdout.strip()) == (0, "2200-12-31T18:00:00+09:00"), last.stderr


def test_the_api_refuses_a_business_result_after_the_range() -> None:
    policy = clicksoko()  # (its methods word it in its primary language, Japanese)
    with pytest.raises(OutOfRangeError, match="より後になります"):
        policy.response_due("P1", dt.datetime(2200, 12, 31, 17, tzinfo=TOKYO))
    with pytest.raises(OutOfRangeError, match="より後になります"):
        policy.add_business_time(dt.datetime(2200, 12, 31, 17, 30, tzinfo=TOKYO), dt.timedelta(hours=1))
    end = policy.add_business_time(dt.datetime(2200, 12, 31, 17, tzinfo=TOKYO), dt.timedelta(hours=1))
    assert end == dt.datetime(2201, 1, 1, tzinfo=TOKYO) - dt.timedelta(hours=6)
    assert policy.calendar("always").add(dt.datetime(2200, 12, 31, 23, tzinfo=TOKYO), dt.timedelta(hours=1)) == (
        dt.datetime(2201, 1, 1, tzinfo=TOKYO)
    )
    with pytest.raises(OutOfRangeError):
        policy.calendar("always").add(dt.datetime(2200, 12, 31, 23, tzinfo=TOKYO), dt.timedelta(hours=1, seconds=1))


def test_a_calendar_of_another_zone_ends_at_its_own_2201_and_the_policy_at_its_own() -> None:
    """A New York calendar in a Tokyo policy: its business time ends at 00:00 on 2201-01-01 in New York,
    and a result it gives after 00:00 on 2201-01-01 in Tokyo (the zone it is shown in) is refused too."""
    text = CLICKSOKO.replace(
        'calendar always "24時間365日" / "24 hours, 365 days" [art 2.1.1] {\n',
        'calendar always "24時間365日" / "24 hours, 365 days" [art 2.1.1] {\n  timezone America/New_York\n',
    )
    assert text != CLICKSOKO
    policy = sla_dsl.load_policy(text)
    ny = ZoneInfo("America/New_York")
    always = policy.calendar("always")
    assert always.add(dt.datetime(2200, 12, 31, 23, tzinfo=ny), dt.timedelta(hours=1)) == dt.datetime(
        2201, 1, 1, tzinfo=ny
    )
    with pytest.raises(OutOfRangeError):
        always.add(dt.datetime(2200, 12, 31, 23, tzinfo=ny), dt.timedelta(hours=2))
    # 09:00 in New York is 23:00 in Tokyo; two hours later is past the range in Tokyo.
    assert policy.add_business_time(
        dt.datetime(2200, 12, 31, 9, tzinfo=ny), dt.timedelta(hours=1), "always"
    ) == dt.datetime(2201, 1, 1, tzinfo=TOKYO)
    with pytest.raises(OutOfRangeError, match="結果 `2201-01-01T01:00:00"):  # (in the policy's primary language)
        policy.add_business_time(dt.datetime(2200, 12, 31, 9, tzinfo=ny), dt.timedelta(hours=2), "always")


def test_a_p1_incident_due_on_2201_01_01_is_the_lines_problem(tmp_path: Path) -> None:
    path = log_file(tmp_path, ev("incident.reported", "2200-12-31T17:00:00+09:00", "Z", priority="P1"))
    refused(
        sla("evaluate", POLICY, path, *PERIOD, "--lang", "en"),
        f"{path}:1: error: [E124] the response due time of incident `Z` falls after the supported years",
    )
    ok = log_file(tmp_path, ev("incident.reported", "2200-12-31T14:00:00+09:00", "Z", priority="P1"), name="ok.jsonl")
    [row] = evaluate_log_file(clicksoko(), ok, "2200-12-01", "2201-01-01").incidents
    assert row.response_due == dt.datetime(2200, 12, 31, 18, tzinfo=TOKYO)


def test_an_elapsed_clock_target_after_the_range_is_the_lines_problem(tmp_path: Path) -> None:
    """A named clock's target in elapsed hours: counted from 14:00 on 2200-12-31, 12 hours fall after the
    range (the response is due at 18:00, inside it)."""
    policy = policy_with(
        tmp_path,
        "  respond within 4 business hours\n",
        "  respond within 4 business hours\n  resolve within 12 hours on fix\n",
        '\nclock fix "修正" / "Fix" {\n  starts at incident.reported\n  stops at incident.resolved\n}\n',
    )
    path = log_file(tmp_path, ev("incident.reported", "2200-12-31T14:00:00+09:00", "F", priority="P1"))
    refused(
        sla("evaluate", policy, path, *PERIOD, "--lang", "en"),
        f"{path}:1: error: [E124] the deadline of incident `F` on clock “Fix” falls after the supported years",
        "(`resolve within 12 hours on fix` from `2200-12-31T14:00:00+09:00`)",
    )


def test_maintenance_to_names_the_last_time_it_takes() -> None:
    res = sla("maintenance", POLICY, "--from", "2200-12-01", "--to", "2201-01-02", "--lang", "en")
    refused(res, "(write a time from 1900-01-01 00:00 to 2201-01-01 00:00)", code=2)
    assert sla("maintenance", POLICY, "--from", "2200-12-01", "--to", "2201-01-01").returncode == 0

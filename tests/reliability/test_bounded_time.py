"""Issue 17, bounded time (items 12 at run time, 13, 16, 19, 20, 23): every time computation ends.

The calendar arithmetic takes and gives only times of the supported years
(``sla_dsl.calendars.bounds``), evaluated periods are at most ten years long,
the computed checks of ``sla check`` are bounded and located, and a calendar
that is never open is refused where it is declared. Each item's tests are
named ``test_itemNN_...``. Code that used to loop for ever runs under a hang
guard (a subprocess timeout, or an alarm in this process): it detects an
endless loop, it does not time anything.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo

import numpy as np
import pytest

import sla_dsl
from sla_dsl.calendars.bounds import FIRST_YEAR, LAST_YEAR, MAX_PERIOD_YEARS, OutOfRangeError
from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.calendars.recurrence import maintenance_windows
from sla_dsl.errors import InputError
from sla_dsl.lang import model as m
from sla_dsl.lang.diagnostics import Severity
from sla_dsl.policy import add_calendar_duration, compile_text, load_policy
from sla_dsl.policy.checks import same_day

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
TOKYO = ZoneInfo("Asia/Tokyo")
HANG = 60  # seconds: a hang guard, generous for a loaded machine; never a timing assertion

HEADER = 'sla "Test" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n}\n'
CALENDAR = "calendar business {\n  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  holidays JP\n}\n"
PRIORITY = (
    "priority P1 {\n  respond within 4 business hours\n"
    "  same day if received 4 hours before close of business\n  complete on incident.resolved\n}\n"
)
SAME_DAY = HEADER + "\n" + CALENDAR + "\n" + PRIORITY  # the target is on line 15, the guideline on 16


def sla(*args: str | Path, timeout: float = HANG) -> subprocess.CompletedProcess[str]:
    """Run ``sla`` in a subprocess under a hang guard."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "sla_dsl.cli", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"`sla {' '.join(map(str, args))}` did not end within {timeout} s")


def refused(res: subprocess.CompletedProcess[str], *words: str, code: int = 1) -> str:
    """Exit ``code`` (1: the policy or log is invalid; 2: a flag's value, wrong usage) with a message (no
    internal error, nothing on stdout) holding every word."""
    assert res.returncode == code, (res.returncode, res.stderr[-2000:])
    assert "internal error" not in res.stderr and "Traceback" not in res.stderr, res.stderr
    assert res.stdout == ""
    for word in words:
        assert word in res.stderr, (word, res.stderr)
    return res.stderr


@contextmanager
def hang_guard(seconds: int = HANG) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs for ever."""

    def stop(_sig: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"did not end within {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def policy_file(tmp_path: Path, text: str, name: str = "p.sla") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def business() -> BusinessCalendar:
    return load_policy(POLICY).calendar("business")


def tokyo(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TOKYO)  # type: ignore[misc]


def event(at: str, ident: str = "INC-1", kind: str = "incident.reported", **extra: str) -> str:
    fields = {"event": kind, "at": at, "id": ident, **extra}
    if kind == "incident.reported":
        fields.setdefault("priority", "P1")
    return json.dumps(fields)


def events_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "ev.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


# ---- item 12 (run time): no duration makes the arithmetic overflow or crash ----------------------


def duration(amount: int, unit: m.TimeUnit, calendar: str | None = "business") -> m.Duration:
    return m.Duration(amount=amount, unit=unit, calendar=calendar)


@pytest.mark.parametrize("unit", [m.TimeUnit.MINUTE, m.TimeUnit.HOUR, m.TimeUnit.DAY])
def test_item12_a_huge_business_duration_is_a_range_error_not_an_overflow(unit: m.TimeUnit) -> None:
    policy = load_policy(POLICY)
    target = m.Within(duration=duration(99999999999999999999, unit))
    # (a policy's method words it in the policy's primary language: Japanese for Click So-ko)
    with hang_guard(), pytest.raises(OutOfRangeError, match=f"{FIRST_YEAR} 年から {LAST_YEAR} 年まで"):
        policy.due(target, tokyo(2026, 11, 2, 10))
    with pytest.raises(OutOfRangeError):
        policy.duration_delta(target.duration)


@pytest.mark.parametrize("unit", list(m.TimeUnit))
def test_item12_a_huge_elapsed_duration_is_a_range_error_not_an_overflow(unit: m.TimeUnit) -> None:
    with pytest.raises(OutOfRangeError, match=f"{FIRST_YEAR} to {LAST_YEAR}"):
        add_calendar_duration(tokyo(2026, 11, 2, 10), duration(99999999999999, unit, None))


def test_item12_a_legal_duration_whose_result_leaves_the_range_is_a_clear_error() -> None:
    policy = load_policy(POLICY)
    with pytest.raises(OutOfRangeError, match=f"{FIRST_YEAR} 年から {LAST_YEAR} 年まで）より後になります"):
        policy.due(m.Within(duration=duration(3000, m.TimeUnit.DAY)), tokyo(2199, 6, 1, 10))
    with pytest.raises(OutOfRangeError, match="after the supported years"):
        add_calendar_duration(tokyo(2199, 6, 1, 10), duration(120, m.TimeUnit.MONTH, None))
    with pytest.raises(OutOfRangeError, match="より前になります"):
        policy.add_business_time(tokyo(1901, 6, 1, 10), dt.timedelta(hours=-7 * 3000))
    # Inside the range the same durations are fine.
    assert policy.due(m.Within(duration=duration(3000, m.TimeUnit.DAY)), tokyo(2026, 6, 1, 10)).year == 2038


def test_item12_the_cli_says_which_flag_led_out_of_the_range(tmp_path: Path) -> None:
    path = policy_file(tmp_path, SAME_DAY.replace("  same day if received 4 hours before close of business\n", ""))
    path.write_text(path.read_text("utf-8").replace("within 4 business hours", "within 3000 business days"), "utf-8")
    refused(
        sla("deadline", path, "--priority", "P1", "--from", "2199-06-01T10:00:00+09:00"),
        "--from `2199-06-01T10:00:00+09:00`",
        "after the supported years",
    )


@pytest.mark.parametrize("command", ["check", "deadline", "evaluate", "diff"])
def test_item12_huge_durations_never_exit_3(command: str, tmp_path: Path) -> None:
    huge = policy_file(
        tmp_path, SAME_DAY.replace("within 4 business hours", "within 99999999999999999999 business hours")
    )
    ev = events_file(tmp_path, event("2026-11-02T10:00:00+09:00"))
    args: dict[str, list[str | Path]] = {
        "check": [huge],
        "deadline": [huge, "--priority", "P1", "--from", "2026-11-02T10:00:00+09:00"],
        "evaluate": [huge, ev, "--from", "2026-11-01", "--to", "2026-12-01"],
        "diff": [policy_file(tmp_path, SAME_DAY, "old.sla"), huge],
    }
    res = sla(command, *args[command])
    assert res.returncode in (0, 1), res.stderr
    assert "internal error" not in res.stderr and "Traceback" not in res.stderr, res.stderr


# ---- item 13: extreme years on the command line and in a policy ------------------------------------


@pytest.mark.parametrize(
    ("args", "flag", "value"),
    [
        (["evaluate", POLICY, "EVENTS", "--from", "0001-01-01", "--to", "2026-12-01"], "--from", "0001-01-01"),
        (["evaluate", POLICY, "EVENTS", "--from", "2026-11-01", "--to", "9999-12-31"], "--to", "9999-12-31"),
        (
            ["evaluate", POLICY, "EVENTS", "--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "9999-01-01"],
            "--as-of",
            "9999-01-01",
        ),
        (["explain", POLICY, "EVENTS", "INC-1", "--from", "1899-12-31"], "--from", "1899-12-31"),
        (["maintenance", POLICY, "--from", "9999-01-01", "--to", "9999-12-31"], "--from", "9999-01-01"),
        (["maintenance", POLICY, "--from", "2026-01-01", "--to", "2201-01-02"], "--to", "2201-01-02"),
        (["calendar", POLICY, "--month", "9999-12"], "--month", "9999-12"),
        (["calendar", POLICY, "--month", "0001-01"], "--month", "0001-01"),
        (["deadline", POLICY, "--priority", "P1", "--from", "0001-06-01T10:00:00+09:00"], "--from", "0001-06-01"),
    ],
)
def test_item13_extreme_years_on_the_command_line_name_the_flag(
    args: list[str | Path], flag: str, value: str, tmp_path: Path
) -> None:
    ev = events_file(tmp_path, event("2026-11-02T10:00:00+09:00"))
    argv = [ev if a == "EVENTS" else a for a in args]
    err = refused(sla(*argv, "--lang", "en"), f"{flag} `{value}", f"{FIRST_YEAR} to {LAST_YEAR}", code=2)
    assert err.count("\n") == 1  # one line
    if flag != "--month":  # the policy's primary language (Japanese) by default: the flag and value named in it
        err = refused(sla(*argv), f"`{flag}` の `{value}", f"{FIRST_YEAR} 年から {LAST_YEAR} 年まで", code=2)
        assert err.startswith("sla: エラー: ") and err.count("\n") == 1, err


def test_item13_the_edges_of_the_range_give_correct_answers() -> None:
    res = sla("calendar", POLICY, "--month", f"{LAST_YEAR}-12", "--format", "json")
    assert res.returncode == 0, res.stderr
    days = json.loads(res.stdout)["days"]
    assert days[-1]["date"] == f"{LAST_YEAR}-12-31"
    assert [d["business_day"] for d in days[24:26]] == [True, True]  # Thu 25, Fri 26 December 2200
    res = sla("maintenance", POLICY, "--from", f"{LAST_YEAR}-01-01", "--to", f"{LAST_YEAR + 1}-01-01")
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.splitlines()) == 12
    res = sla("calendar", POLICY, "--month", f"{FIRST_YEAR}-01")
    assert res.returncode == 0, res.stderr
    res = sla("deadline", POLICY, "--priority", "P1", "--from", f"{LAST_YEAR}-12-29T16:00:00+09:00")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"{LAST_YEAR}-12-30T12:00:00+09:00"


def test_item13_an_effective_date_out_of_range_is_a_located_error(tmp_path: Path) -> None:
    path = policy_file(tmp_path, SAME_DAY.replace("effective 2026-04-01", "effective 9999-12-31"))
    err = refused(sla("check", path), f"{path}:1:1: error: [E301]", "`9999-12-31`", f"{FIRST_YEAR} to {LAST_YEAR}")
    assert "help: " in err
    refused(sla("deadline", path, "--priority", "P1", "--from", "2026-11-02T10:00:00+09:00"), "error: [E301]")


# ---- item 16: years 1 and 9999 never hang the calendar ---------------------------------------------


@pytest.mark.parametrize("year", [1, 9999])
def test_item16_deadline_in_year_1_or_9999_ends_with_a_flag_error(year: int) -> None:
    value = f"{year:04d}-06-01T10:00:00+09:00"
    refused(
        sla("deadline", POLICY, "--priority", "P1", "--from", value, "--lang", "en"),
        f"--from `{value}`",
        "supported years",
        code=2,
    )
    refused(sla("deadline", POLICY, "--priority", "P1", "--from", value), f"`--from` の `{value}`", "扱える年", code=2)


@pytest.mark.parametrize("effective", ["9998-12-31", "0001-01-01", "1899-12-31"])
def test_item16_a_same_day_check_from_an_extreme_effective_date_ends(effective: str, tmp_path: Path) -> None:
    path = policy_file(tmp_path, SAME_DAY.replace("effective 2026-04-01", f"effective {effective}"))
    refused(sla("check", path), f"{path}:1:1: error: [E301]")


def test_item16_the_language_server_path_answers_for_such_a_document() -> None:
    """The language server compiles a document with ``compile_text``: it must end, with the error located."""
    with hang_guard():
        found = compile_text(SAME_DAY.replace("effective 2026-04-01", "effective 9998-12-31"), "t.sla")
    assert [(d.code, d.span.line) for d in found.errors] == [("E301", 1)]


def test_item16_an_sla_test_case_in_year_9999_is_a_located_error(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "cases:\n"
        "  - name: far\n"
        '    deadline: {priority: P1, from: "9999-06-01T10:00:00+09:00"}\n'
        '    expect: "9999-06-01T14:00:00+09:00"\n',
        "utf-8",
    )
    # at the `from:` key (line 3, column 30), not at the case's first line
    refused(
        sla("test", POLICY, cases, "--lang", "en"), f"{cases}:3:30:", "`9999-06-01T10:00:00+09:00`", "supported years"
    )
    refused(sla("test", POLICY, cases), f"{cases}:3:30:", "`9999-06-01T10:00:00+09:00`", "扱える年")


@pytest.mark.parametrize("year", [1, 1899, 2202, 9999])
def test_item16_every_public_calendar_operation_refuses_times_out_of_range(year: int) -> None:
    cal = business()
    t = tokyo(year, 6, 1, 10)
    x = int(t.timestamp()) if year > 1 else -62_000_000_000
    d = dt.date(year, 6, 1)
    ops = {
        "add": lambda: cal.add(t, dt.timedelta(hours=4)),
        "add back": lambda: cal.add(t, dt.timedelta(hours=-4)),
        "add microseconds": lambda: cal.add(t, dt.timedelta(microseconds=1)),
        "between": lambda: cal.between(tokyo(2026, 1, 1), t),
        "between microseconds": lambda: cal.between(t.replace(microsecond=5), tokyo(2026, 1, 1)),
        "add_epoch": lambda: cal.add_epoch(x, 3600),
        "between_epoch": lambda: cal.between_epoch(x, 1_800_000_000),
        "add_many": lambda: cal.add_many(np.array([1_800_000_000, x]), 3600),
        "between_many": lambda: cal.between_many([x], [1_800_000_000]),
        "is_business_time": lambda: cal.is_business_time(t),
        "end_of_nth_business_day": lambda: cal.end_of_nth_business_day(t, 1),
        "next_business_day": lambda: cal.next_business_day(d),
        "previous_business_day": lambda: cal.previous_business_day(d),
        "is_business_day": lambda: cal.is_business_day(d),
        "open_intervals": lambda: cal.open_intervals(d),
        "maintenance_windows": lambda: maintenance_windows(
            load_policy(POLICY).model.maintenance[0], cal, TOKYO, d, d + dt.timedelta(days=30)
        ),
    }
    for name, op in ops.items():
        with hang_guard(), pytest.raises(OutOfRangeError, match="supported years") as info:
            op()
        assert isinstance(info.value, InputError), name


def test_item16_the_policy_facade_refuses_them_too() -> None:
    policy = load_policy(POLICY)
    far = tokyo(9999, 6, 1, 10)
    for op in (
        lambda: policy.response_due("P1", far),
        lambda: policy.response_due("P2", tokyo(1, 6, 1, 10)),
        lambda: policy.business_time_between(far, tokyo(2026, 1, 1)),
        lambda: policy.maintenance_windows(dt.date(9999, 1, 1), dt.date(9999, 12, 31)),
        lambda: policy.next_business_day(dt.date(9999, 12, 31)),
    ):
        with hang_guard(), pytest.raises(OutOfRangeError):
            op()


def test_item16_the_supported_range_is_documented_in_the_language_reference() -> None:
    text = (ROOT / "docs" / "reference" / "language.en.md").read_text("utf-8")
    assert f"{FIRST_YEAR} to {LAST_YEAR}" in text
    assert f"{MAX_PERIOD_YEARS} years" in text


# ---- item 19: the evaluated period is at most ten years --------------------------------------------


def test_item19_evaluate_refuses_a_period_longer_than_the_cap(tmp_path: Path) -> None:
    ev = events_file(tmp_path, event("2026-11-02T10:00:00+09:00"))
    refused(
        sla("evaluate", POLICY, ev, "--from", "2026-01-01", "--to", "2526-01-01", "--lang", "en"),
        "--to `2526-01-01`",
        "supported",
        code=2,
    )
    refused(
        sla("evaluate", POLICY, ev, "--from", "1950-01-01", "--to", "2150-01-01", "--lang", "en"),
        "--from `1950-01-01",
        "--to `2150-01-01",
        f"longer than {MAX_PERIOD_YEARS} years",
        code=2,
    )


def test_item19_the_cap_holds_for_the_api_and_allows_exactly_ten_years() -> None:
    policy = load_policy(POLICY)
    with pytest.raises(InputError, match=f"一度に判定できる {MAX_PERIOD_YEARS} 年を超えています"):  # (its language)
        sla_dsl.evaluate(policy, [], dt.date(2026, 1, 1), dt.date(2037, 1, 1))
    report = sla_dsl.evaluate(policy, [], dt.date(2026, 1, 1), dt.date(2036, 1, 1))
    assert report.period.end.year == 2036


def test_item19_explain_does_not_choose_a_period_longer_than_the_cap(tmp_path: Path) -> None:
    ev = events_file(
        tmp_path,
        event("2010-11-02T10:00:00+09:00"),
        event("2026-11-02T10:00:00+09:00", kind="incident.responded"),
    )
    # explain judges the month of the incident's first event, as its monthly report does: never a longer period
    res = sla("explain", POLICY, ev, "INC-1")
    assert res.returncode == 0, res.stderr
    assert "判定期間：2010年11月1日(月) 00:00 〜 2010年12月1日(水) 00:00" in res.stdout
    res = sla("explain", POLICY, ev, "INC-1", "--from", "2026-11-01", "--to", "2026-12-01")
    assert res.returncode == 0, res.stderr


@pytest.mark.parametrize("year", ["1026", "1850", "2300"])
def test_item19_explain_names_the_line_of_an_event_out_of_range(year: str, tmp_path: Path) -> None:
    ev = events_file(
        tmp_path,
        event("2026-11-02T10:00:00+09:00"),
        event(f"{year}-11-02T11:00:00+09:00", kind="incident.responded"),
    )
    refused(
        sla("explain", POLICY, ev, "INC-1", "--lang", "en"), f"{ev}:2: error: [E123]", f"`{year}-11-02T11:00:00+09:00`"
    )


# ---- item 20: the deep same-day check is bounded and located ------------------------------------------


def test_item20_a_huge_target_with_a_same_day_guideline_is_a_located_error() -> None:
    model = compile_text(SAME_DAY, "t.sla").model
    assert model is not None
    (p1,) = model.priorities
    assert isinstance(p1.target, m.Within)
    huge = p1.target.model_copy(
        update={"duration": p1.target.duration.model_copy(update={"amount": 999999999, "unit": m.TimeUnit.DAY})}
    )
    model = model.model_copy(update={"priorities": (p1.model_copy(update={"target": huge}),)})
    with hang_guard():
        (d,) = same_day(model)
    assert d.severity is Severity.ERROR and d.code == "E303"
    assert (d.span.line, d.span.column) == (15, 3), d
    assert "supported years" in d.message and d.help


def test_item20_a_target_that_runs_out_of_the_range_is_located_at_the_target(tmp_path: Path) -> None:
    text = SAME_DAY.replace("effective 2026-04-01", "effective 2200-06-01").replace(
        "within 4 business hours", "within 3000 business days"
    )
    refused(sla("check", policy_file(tmp_path, text)), ":15:3: error: [E303]", "after the supported years", "help: ")


# ---- item 23: located errors: event lines, never-open calendars, the date asked ----------------------


def test_item23_an_event_out_of_range_names_its_line(tmp_path: Path) -> None:
    ev = events_file(
        tmp_path,
        event("2026-11-02T10:00:00+09:00"),
        event("0001-01-01T10:00:00+09:00", "OLD"),
        event("2026-11-02T11:00:00+09:00", kind="incident.responded"),
    )
    month = ["--from", "2026-11-01", "--to", "2026-12-01"]
    err = refused(
        sla("evaluate", POLICY, ev, *month, "--lang", "en"),
        f"{ev}:2: error: [E123]",
        "time `0001-01-01T10:00:00+09:00`",
    )
    assert "help: " in err
    res = sla("evaluate", POLICY, ev, *month, "--skip-invalid", "--format", "json")
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert [s.split(": error: [")[0] for s in report["input"]["skipped"]] == [f"{ev}:2"]
    assert [i["id"] for i in report["incidents"]] == ["INC-1"]


def test_item23_an_event_out_of_range_is_located_for_the_api_too() -> None:
    from sla_dsl.events.reader import EventInputError

    policy = load_policy(POLICY)
    events = [
        {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"},
        {"event": "incident.reported", "at": "2450-11-02T10:00:00+09:00", "id": "B", "priority": "P1"},
    ]
    with pytest.raises(EventInputError) as info:
        sla_dsl.evaluate(policy, events, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert [(p.line, p.code) for p in info.value.problems] == [(2, "E123")]


NEVER_OPEN = {
    "every day closed": ("  closed yearly 01-01..12-31\n", "calendar business {\n  days mon..fri\n", 9),
    "no days": ("", "calendar business {\n", 9),
    "no hours": ("", "calendar business {\n  days mon..fri\n", 9),
}


@pytest.mark.parametrize("case", NEVER_OPEN)
def test_item23_a_calendar_that_is_never_open_is_a_located_check_error(case: str, tmp_path: Path) -> None:
    extra, head, line = NEVER_OPEN[case]
    cal = head + ("  hours 10:00-18:00\n" if case != "no hours" else "") + extra + "}\n"
    text = HEADER + "\n" + cal + "\nmaintenance m {\n  every month on day 15, 22:00-24:00\n"
    text += "  if not a business day: next business day\n  calendar business\n}\n"
    path = policy_file(tmp_path, text)
    err = refused(sla("check", path), f"{path}:{line - 1}:1: error: [E302]", "calendar `business`", "never open")
    assert "help: " in err


def test_item23_a_never_open_calendar_with_priorities_fails_check_not_evaluate(tmp_path: Path) -> None:
    text = SAME_DAY.replace("  holidays JP\n", "  holidays JP\n  closed yearly 01-01..12-31\n")
    path = policy_file(tmp_path, text)
    refused(sla("check", path), f"{path}:8:1: error: [E302]")


def test_item23_no_business_day_names_the_date_asked() -> None:
    never = BusinessCalendar(m.Calendar(name="never", hours=()), TOKYO)
    with pytest.raises(InputError, match=r"no business day within 10 years after `2026-01-01`"):
        never.next_business_day(dt.date(2026, 1, 1))
    with pytest.raises(InputError, match=r"no business day within 10 years before `2026-01-01`"):
        never.previous_business_day(dt.date(2026, 1, 1))


def test_the_e123_hint_names_no_option_the_command_lacks(tmp_path: Path) -> None:
    """E123's hint said to leave the line out with `--skip-invalid`, which `sla replay` and `sla test` lack
    (following it gave a usage error). Every option a command's message names is one it takes."""
    import re

    root = Path(__file__).resolve().parents[2]
    policy = root / "policies" / "clicksoko.sla"
    far = tmp_path / "far.jsonl"
    far.write_text('{"event": "incident.reported", "at": "3000-11-02T09:00:00+09:00", "id": "A", "priority": "P1"}\n')
    period = ["--from", "2026-11-01", "--to", "2026-12-01"]
    for argv in (["evaluate", policy, far, *period], ["replay", policy, policy, far, *period]):
        run = [sys.executable, "-m", "sla_dsl._entry", *map(str, argv)]
        done = subprocess.run(run, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1 and "error: [E123]" in done.stderr, done.stderr
        usage = subprocess.run([*run[:4], "--help"], capture_output=True, text=True, timeout=120).stdout
        for option in re.findall(r"`(--[a-z-]+)`", done.stderr):
            assert option in usage, (argv[0], option)


def test_item16_a_due_time_after_the_range_is_said_in_the_policys_language() -> None:
    """A clock start in range whose due time is not: `sla deadline` says why as `sla check` does (E303),
    in Japanese for the Japanese policy, the English unchanged with `--lang en` (exit 1: the target's)."""
    value = f"{LAST_YEAR}-12-31T10:00:00+09:00"
    argv = ("deadline", POLICY, "--priority", "P3", "--from", value)
    refused(sla(*argv), f"`--from` の `{value}`：カレンダー `business`：結果が", "より後になります", code=1)
    english = refused(sla(*argv, "--lang", "en"), code=1)
    assert english.strip() == (
        f"sla: error: --from `{value}`: calendar `business`: the result is after the supported years, "
        f"{FIRST_YEAR} to {LAST_YEAR}"
    )

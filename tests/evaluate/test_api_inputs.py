"""What the Python API's evaluate() takes: period edges as datetimes, dates or the command's text, and
events as models, dicts, tables or a log file's path; anything else is a TypeError naming it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.errors import InputError, NaiveDatetimeError

from .helpers import ROOT, english_policy, ev, policy, t

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"

EVENTS = [
    ev("incident.reported", "2026-11-02 10:00", "INC-1", priority="P1"),
    ev("incident.responded", "2026-11-02 16:00", "INC-1"),
    ev("incident.reported", "2026-11-30 17:00", "INC-2", priority="P2"),
]


def dumped(start: Any, end: Any, as_of: Any = None, english: bool = False) -> str:
    """The report as JSON; ``english``: of the policy whose primary language is English (what the API
    refuses is in the policy's primary language)."""
    return sla_dsl.evaluate(english_policy() if english else policy(), EVENTS, start, end, as_of).model_dump_json()


@pytest.mark.parametrize(
    ("start", "end", "as_of"),
    [
        (dt.date(2026, 11, 1), dt.date(2026, 12, 1), dt.date(2026, 11, 30)),
        ("2026-11-01", "2026-12-01", "2026-11-30"),
        ("2026-11-01T00:00:00+09:00", "2026-12-01T00:00:00+09:00", "2026-11-30T00:00:00+09:00"),
        (" 2026-10-31T15:00:00Z ", "2026-11-30T15:00:00+00:00", "2026-11-29T15:00:00Z"),
    ],
)
def test_text_and_dates_mean_what_the_command_reads(start: Any, end: Any, as_of: Any) -> None:
    assert dumped(start, end, as_of) == dumped(t("2026-11-01 00:00"), t("2026-12-01 00:00"), t("2026-11-30 00:00"))


@pytest.mark.parametrize(
    ("start", "error", "words"),
    [
        ("november", InputError, "start `november` is not an ISO 8601 time or a date"),
        ("2026-11-01T00:00:00", NaiveDatetimeError, "no UTC offset"),
        ("1066-10-14", InputError, "outside the supported years"),
    ],
)
def test_bad_text_is_refused_in_the_command_words(start: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        dumped(start, "2026-12-01", english=True)


@pytest.mark.parametrize("value", [1_730_000_000, 1.5, None, ["2026-11-01"]])
def test_another_type_is_a_type_error_naming_it(value: Any) -> None:
    # not an AttributeError (``'int' object has no attribute 'year'``) from inside the engine
    with pytest.raises(TypeError, match=f"end: expected a datetime .* found {type(value).__name__}"):
        dumped("2026-11-01", value, english=True)


@pytest.mark.parametrize("path", [str(EXAMPLE), EXAMPLE])
def test_a_log_file_path_is_read_as_the_command_reads_it(path: Any) -> None:
    from sla_dsl.reader import read_events

    expected = sla_dsl.evaluate(policy(), read_events(EXAMPLE), "2026-11-01", "2026-12-01").model_dump_json()
    assert sla_dsl.evaluate(policy(), path, "2026-11-01", "2026-12-01").model_dump_json() == expected


def test_a_missing_log_file_is_an_input_error_not_a_problem_per_character(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read events: No such file or directory"):
        dumped_events(str(tmp_path / "nope.jsonl"), english=True)


@pytest.mark.parametrize("events", [b'{"event": "incident.reported"}', 42, None])
def test_other_events_are_a_type_error_naming_them(events: Any) -> None:
    with pytest.raises(TypeError, match=f"events: expected event models .* found {type(events).__name__}"):
        dumped_events(events, english=True)  # (in the policy's primary language: its English here)


def dumped_events(events: Any, english: bool = False) -> str:
    pol = english_policy() if english else policy()
    return sla_dsl.evaluate(pol, events, "2026-11-01", "2026-12-01").model_dump_json()


def test_policy_operations_take_iso_text_as_the_commands_do() -> None:
    p = policy()
    start = t("2026-11-27 16:00")  # a Friday: 4 business hours are Friday 16-18 and Monday 10-12
    text = "2026-11-27T16:00:00+09:00"
    assert p.response_due("P1", text) == p.response_due("P1", start) == t("2026-11-30 12:00")
    assert p.add_business_time(text, dt.timedelta(hours=4)) == t("2026-11-30 12:00")
    assert p.business_time_between(text, "2026-11-30T03:00:00Z") == dt.timedelta(hours=4)
    assert p.is_business_time(text) and not p.is_business_time("2026-11-28T12:00:00+09:00")
    by_text = p.maintenance_windows("2026-11-01", "2027-01-01")
    assert by_text == p.maintenance_windows(dt.date(2026, 11, 1), dt.date(2027, 1, 1)) and len(by_text) == 2
    with pytest.raises(NaiveDatetimeError):
        p.response_due("P1", "2026-11-27T16:00:00")
    with pytest.raises(InputError, match="時刻 `friday` は `ISO 8601` 形式の時刻ではありません"):  # (its language)
        p.response_due("P1", "friday")


# (in the policy's primary language, Japanese for this one, as its other refusals: api.en.md)
@pytest.mark.parametrize(
    ("call", "words"),
    [
        (
            lambda p: p.response_due("P1", dt.date(2026, 11, 27)),
            "時刻には、時差を持つ `datetime` .*（`date` が渡されました）",
        ),
        (lambda p: p.add_business_time(1_764_226_800, dt.timedelta(hours=4)), "`int` が渡されました"),
        (
            lambda p: p.add_business_time("2026-11-27T16:00:00+09:00", 4),
            "`delta` には `timedelta` を渡してください（`int` が渡されました）",
        ),
        (lambda p: p.business_time_between(None, "2026-11-30T12:00:00+09:00"), "`NoneType` が渡されました"),
        (
            lambda p: p.maintenance_windows(2026, "2027-01-01"),
            "`start` には `datetime`、`date`.*（`int` が渡されました）",
        ),
    ],
)
def test_policy_operations_refuse_other_types_naming_them(call: Any, words: str) -> None:
    with pytest.raises(TypeError, match=words):
        call(policy())


@pytest.mark.parametrize("path", ["policies/clicksoko.sla", ROOT / "policies" / "clicksoko.sla"])
def test_evaluate_given_a_path_says_to_load_it(path: Any) -> None:
    # (in the language of the policy it names: test_policy_path_language.py)
    with pytest.raises(TypeError, match=r"パスではなく `Policy` を渡してください（`sla_dsl\.load_policy\("):
        sla_dsl.evaluate(path, [], "2026-11-01", "2026-12-01")

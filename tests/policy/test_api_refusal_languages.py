"""What the Python API refuses is said in the policy's primary language, every refusal alike.

A Japanese-first policy (``policies/clicksoko.sla``, ``languages ja, en``) had its methods' other refusals in
Japanese, but a time or a result outside the supported years (``OutOfRangeError``) in English; and
``sla_dsl.evaluate`` refused everything in English: an empty or too long period, ``as_of`` before the start, a
period edge without an offset, of another type or outside the years, a log file that cannot be read, and the
invalid events (``EventInputError``). Now each is in the policy's primary language (``lang`` ``"ja"``), with no
English word outside backticks; a policy whose primary language is English keeps the English (``lang`` None).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from policy_languages import english, japanese  # (tests/policy on the path: pytest's rootdir-less import)

import sla_dsl
from sla_dsl.calendars.bounds import OutOfRangeError
from sla_dsl.errors import InputError, NaiveDatetimeError
from sla_dsl.evaluation import evaluate_log, judge
from sla_dsl.evaluation.partition import failed, finish, judge_partition
from sla_dsl.events.problems import EventInputError, problem
from sla_dsl.lang.diagnostics import words
from sla_dsl.reader import read_events

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
TOKYO = dt.timezone(dt.timedelta(hours=9))
MONTH = ("2026-11-01", "2026-12-01")
NO_LOG = "/nonexistent/ev.jsonl"
#: the frame every located problem keeps in every language (``<events>:1: error: [E120] ``)
_FRAME = re.compile(r"^\S*:\d+(?::\d+)?: error: \[E\d{3}\] ", re.M)


def in_japanese(text: str) -> bool:
    """Japanese words, and no Latin word outside a code span (a name, a value, a flag) or the problem's frame."""
    bare = re.sub(r"`[^`]*`", "", _FRAME.sub("", text))
    return not re.findall(r"[A-Za-z]+", bare) and re.search("[\u3040-\u30ff\u4e00-\u9fff]", bare) is not None


POLICY_CALLS: dict[str, Callable[[sla_dsl.Policy], object]] = {
    "response_due, text": lambda p: p.response_due("P1", "1800-01-01T00:00:00+09:00"),
    "response_due, result": lambda p: p.response_due("P1", dt.datetime(2200, 12, 31, 17, tzinfo=TOKYO)),
    "due": lambda p: p.due(p.priority("P1").target, dt.datetime(9999, 6, 1, tzinfo=TOKYO)),
    "add_business_time": lambda p: p.add_business_time("2200-12-30T10:00:00+09:00", dt.timedelta(days=400)),
    "business_time_between": lambda p: p.business_time_between(
        dt.datetime(9999, 6, 1, tzinfo=TOKYO), dt.datetime(2026, 1, 1, tzinfo=TOKYO)
    ),
    "is_business_time": lambda p: p.is_business_time(dt.datetime(1850, 6, 1, tzinfo=TOKYO)),
    "next_business_day": lambda p: p.next_business_day(dt.date(2200, 12, 31)),
    "maintenance_windows, text": lambda p: p.maintenance_windows("2300-01-01", "2300-02-01"),
    "maintenance_windows, dates": lambda p: p.maintenance_windows(dt.date(9999, 1, 1), dt.date(9999, 12, 31)),
    "duration_delta": lambda p: p.duration_delta(
        sla_dsl.load_policy(CLICKSOKO).priority("P1").target.duration.model_copy(update={"amount": 10**20})  # type: ignore[union-attr]
    ),
}


@pytest.mark.parametrize("name", sorted(POLICY_CALLS))
def test_a_time_outside_the_supported_years_is_refused_in_the_policy_s_language(name: str) -> None:
    call = POLICY_CALLS[name]
    with pytest.raises(OutOfRangeError) as ja:
        call(japanese())
    assert ja.value.lang == "ja" and in_japanese(str(ja.value)), str(ja.value)
    assert "扱える年（1900 年から 2200 年まで）" in str(ja.value)
    with pytest.raises(OutOfRangeError) as en:
        call(english())
    assert en.value.lang is None and "the supported years, 1900 to 2200" in str(en.value)
    assert str(ja.value.in_lang("en")) == str(en.value)  # (the same words)


def test_a_language_asked_for_is_kept() -> None:
    with pytest.raises(OutOfRangeError) as en:
        japanese().response_due("P1", "1800-01-01T00:00:00+09:00", lang="en")
    assert en.value.lang is None and str(en.value).startswith("time `1800-01-01T00:00:00+09:00` is outside")
    with pytest.raises(OutOfRangeError) as ja:
        english().response_due("P1", "1800-01-01T00:00:00+09:00", lang="ja")
    assert ja.value.lang == "ja" and in_japanese(str(ja.value))


EVALUATE_CALLS: list[tuple[str, type[Exception], Callable[[sla_dsl.Policy], object], str]] = [
    ("empty period", InputError, lambda p: sla_dsl.evaluate(p, [], "2026-11-01", "2026-11-01"), "期間が空です"),
    ("long period", InputError, lambda p: sla_dsl.evaluate(p, [], "2026-01-01", "2037-01-01"), "10 年を超えています"),
    ("as_of before", InputError, lambda p: sla_dsl.evaluate(p, [], *MONTH, "2026-10-01"), "より前です"),
    (
        "naive edge",
        NaiveDatetimeError,
        lambda p: sla_dsl.evaluate(p, [], dt.datetime(2026, 11, 1), "2026-12-01"),
        "には時差がありません",
    ),
    (
        "naive text",
        NaiveDatetimeError,
        lambda p: sla_dsl.evaluate(p, [], "2026-11-01T00:00:00", "2026-12-01"),
        "には時差がありません（ポリシーの時差を付けて `2026-11-01T00:00:00+09:00` と書いてください）",
    ),
    ("no time", InputError, lambda p: sla_dsl.evaluate(p, [], "november", "2026-12-01"), "でも日付"),
    ("outside, text", OutOfRangeError, lambda p: sla_dsl.evaluate(p, [], "2300-11-01", "2300-12-01"), "扱える年"),
    (
        "outside, date",
        OutOfRangeError,
        lambda p: sla_dsl.evaluate(p, [], dt.date(2300, 11, 1), dt.date(2300, 12, 1)),
        "扱える年",
    ),
    (
        "invalid events",
        EventInputError,
        lambda p: sla_dsl.evaluate(
            p, [{"event": "incident.reported", "id": "X", "at": "2026-11-02T10:00:00+09:00", "priority": "P9"}], *MONTH
        ),
        "優先度 `P9` はポリシーにありません",
    ),
    ("no log file", InputError, lambda p: sla_dsl.evaluate(p, NO_LOG, *MONTH), "イベントを読めません"),
    ("judge", InputError, lambda p: judge(p, read_events(EXAMPLE), *MONTH, "2026-10-01"), "より前です"),
    ("evaluate_log", InputError, lambda p: evaluate_log(p, read_events(EXAMPLE), *MONTH, "2026-10-01"), "より前です"),
]


@pytest.mark.parametrize(("name", "error", "call", "said"), EVALUATE_CALLS, ids=[c[0] for c in EVALUATE_CALLS])
def test_evaluate_refuses_in_the_policy_s_language(
    name: str, error: type[Exception], call: Callable[[sla_dsl.Policy], object], said: str
) -> None:
    with pytest.raises(error) as ja:
        call(japanese())
    text = str(ja.value)
    assert said in text and in_japanese(text.replace(NO_LOG, "")), text  # (the path as the caller wrote it)
    assert getattr(ja.value, "lang", None) == "ja"
    with pytest.raises(error) as en:
        call(english())
    assert getattr(en.value, "lang", None) is None and not in_japanese(str(en.value)), str(en.value)


@pytest.mark.parametrize(
    ("value", "log"),
    [(1_730_000_000, None), (None, None), ("2026-12-01", "not a log")],
)
def test_a_value_of_another_type_is_a_type_error_in_the_policy_s_language(value: Any, log: Any) -> None:
    for policy, japanese_words in ((japanese(), True), (english(), False)):
        with pytest.raises(TypeError) as err:
            if log is None:
                sla_dsl.evaluate(policy, [], "2026-11-01", value)
            else:
                evaluate_log(policy, log, "2026-11-01", value)
        assert in_japanese(str(err.value)) is japanese_words, str(err.value)
        assert ("が渡されました" in str(err.value)) is japanese_words


def test_no_policy_to_take_a_language_from_is_english() -> None:
    with pytest.raises(TypeError, match="policy: expected a Policy or a sequence of its versions, found int"):
        sla_dsl.evaluate(3, [], *MONTH)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no policy to evaluate against"):
        sla_dsl.evaluate([], [], *MONTH)


def test_the_partitioned_evaluation_refuses_in_the_policy_s_language() -> None:
    """Dask's and Spark's entries: a partition's period and the merged problems, as one run words them."""
    with pytest.raises(InputError) as period:
        judge_partition(japanese(), read_events(EXAMPLE), "2026-11-01", "2026-11-01")
    assert period.value.lang == "ja" and in_japanese(str(period.value)), str(period.value)
    field = words("events.field.priority")
    bad = problem("<events>", 1, "E120", words("events.E120", event="incident.reported", field=field, value="P9"))
    partial = failed("<events>", [bad])
    with pytest.raises(EventInputError) as ja:
        finish(japanese(), partial, *MONTH)
    assert ja.value.lang == "ja" and in_japanese(str(ja.value)), str(ja.value)
    with pytest.raises(EventInputError) as en:
        finish(english(), partial, *MONTH)
    assert en.value.lang is None and str(en.value) == str(ja.value.in_lang("en"))

"""Every refusal of a period edge or ``as_of`` by the API names the parameter, not the command's flag.

``sla_dsl.evaluate(policy, [], "2026-11-01T00:00:00", "2026-12-01")`` said "--from `2026-11-01T00:00:00` has
no UTC offset" to a caller who wrote no flag (as for a text that is no time, another type, a naive
``as_of``, a year outside the supported ones, and ``--to``), though the refusal of an empty period already
named ``start`` and ``end``. Now each names ``start``, ``end`` or ``as_of``, in the policy's primary
language; the command keeps its flags.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.cli import main
from sla_dsl.evaluation.partition import judge_partition
from sla_dsl.events.schema import EventLog

from .helpers import POLICY_PATH, english_policy, policy

NOV, DEC = "2026-11-01", "2026-12-01"
CASES = [
    (("2026-11-01T00:00:00", DEC), "start `2026-11-01T00:00:00` has no UTC offset", "`start` の `2026-11-01T00:00:00`"),
    (("foo", DEC), "start `foo` is not an ISO 8601 time or a date", "`start` の `foo` は"),
    ((5, DEC), "start: expected a datetime with a UTC offset", "`start` には時差を持つ"),
    ((NOV, "x"), "end `x` is not an ISO 8601 time or a date", "`end` の `x` は"),
    ((dt.date(1800, 1, 1), DEC), "start `1800-01-01` is outside the supported years", "`start` の `1800-01-01` は"),
    ((NOV, "2300-01-01"), "end `2300-01-01` is outside the supported years", "`end` の `2300-01-01` は"),
    ((NOV, DEC, dt.datetime(2026, 11, 5)), "as_of `2026-11-05T00:00:00` has no UTC offset", "`as_of` の"),
    ((NOV, DEC, "2026-11-05T00:00"), "as_of `2026-11-05T00:00` has no UTC offset", "`as_of` の"),
]


@pytest.mark.parametrize(("args", "en", "ja"), CASES)
def test_the_api_names_its_parameters(args: tuple[object, ...], en: str, ja: str) -> None:
    for pol, said in ((english_policy(), en), (policy(), ja)):
        with pytest.raises((sla_dsl.InputError, TypeError)) as err:
            sla_dsl.evaluate(pol, [], *args)  # type: ignore[arg-type]
        assert str(err.value).startswith(said), str(err.value)
        assert "--" not in str(err.value)


def test_a_partitions_judge_names_them_too() -> None:
    with pytest.raises(sla_dsl.InputError) as err:
        judge_partition(english_policy(), EventLog("<table>"), "2026-11-01T00:00:00", DEC)
    assert str(err.value).startswith("start `2026-11-01T00:00:00` has no UTC offset")


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--from", "2026-11-01T00:00:00", "--to", DEC], "--from `2026-11-01T00:00:00` has no UTC offset"),
        (["--from", NOV, "--to", "2300-01-01"], "--to `2300-01-01` is outside the supported years"),
        (["--from", NOV, "--to", DEC, "--as-of", "2026-11-05T00:00"], "--as-of `2026-11-05T00:00` has no UTC offset"),
    ],
)
def test_the_command_names_its_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], said: str
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text("", "utf-8")
    capsys.readouterr()
    code = main(["evaluate", str(POLICY_PATH), str(log), *flags, "--lang", "en"])
    assert code != 0 and said in capsys.readouterr().err

"""`sla evaluate` without `--as-of` over a period whose end has not come says so on stderr.

`--as-of` defaults to `--to` (the contract): a report of the running month made without it judged the backups
still to come as missed and open incidents as breached, and said nothing (an auditor's QA pass). The note
names the option to give; the report itself never reads the clock and stays the same bytes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sla_dsl.cli import main
from sla_dsl.cli.evaluate import _say_end_not_come

from .helpers import ROOT

POLICY = str(ROOT / "policies" / "clicksoko.sla")
EVENTS = str(ROOT / "examples" / "events-2026-11.jsonl")
JST = dt.timezone(dt.timedelta(hours=9))
END = dt.datetime(2026, 12, 1, tzinfo=JST)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "sla: 注記: 期間の終わり（`--to` 2026-12-01）はまだ来ていません。"),
        ("en", "sla: note: the period's end (--to 2026-12-01) has not come yet: without --as-of"),
    ],
)
def test_a_period_not_over_is_said_with_the_option_to_give(
    lang: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    now = dt.datetime(2026, 11, 20, 3, 4, 5, 678, tzinfo=dt.UTC)
    _say_end_not_come(" 2026-12-01", END, lang, now)
    err = capsys.readouterr().err
    assert err.startswith(said) and "`--as-of 2026-11-20T12:04:05+09:00`" in err and err.count("\n") == 1


def test_nothing_is_said_once_the_period_is_over(capsys: pytest.CaptureFixture[str]) -> None:
    _say_end_not_come("2026-12-01", END, "ja", END)
    _say_end_not_come("2026-12-01", END, "ja", END + dt.timedelta(days=40))
    assert capsys.readouterr().err == ""


def test_the_command_says_it_without_as_of_and_not_with_it(capsys: pytest.CaptureFixture[str]) -> None:
    far = ["--from", "2099-01-01", "--to", "2099-02-01", "--quiet", "--lang", "en"]
    assert main(["evaluate", POLICY, EVENTS, *far]) == 0
    first = capsys.readouterr()
    assert "note: the period's end (--to 2099-02-01) has not come yet" in first.err
    assert main(["evaluate", POLICY, EVENTS, *far, "--as-of", "2099-02-01"]) == 0
    second = capsys.readouterr()
    assert "has not come yet" not in second.err and second.out == first.out  # the report is the same

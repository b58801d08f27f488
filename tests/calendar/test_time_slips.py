"""A day its month does not have, and 24:00: said as such, on the command line and in an event's time.

``--from 2027-02-29`` was "not an ISO 8601 time or a date (YYYY-MM-DD)", as if the form were wrong;
an event's ``at`` of ``2026-11-04T24:00:00+09:00`` was E104 "not an ISO 8601 time". Now the first
says that the day does not exist (February 2027 has no 29th), the second that 24:00 is not accepted,
its help giving the same instant as 00:00 of the next day, in Japanese and in English.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "clicksoko.sla")

FLAG_CASES = [
    ("2027-02-29", "en", "--from `2027-02-29` is a day that does not exist: February 2027 has no 29th"),
    ("2027-02-29", "ja", "`--from` の `2027-02-29` は存在しない日です：2027 年 2 月に 29 日はありません"),
    ("2026-11-31T10:00:00+09:00", "en", "November 2026 has no 31st"),
    (
        "2026-11-04T24:00:00+09:00",
        "en",
        "--from `2026-11-04T24:00:00+09:00`: 24:00 is not accepted: write 00:00 of the next day, "
        "`2026-11-05T00:00:00+09:00`",
    ),
    (
        "2026-12-31T24:00Z",
        "ja",
        "`--from` の `2026-12-31T24:00Z` の 24:00 は読みません："
        "翌日の 00:00 として `2027-01-01T00:00Z` と書いてください",
    ),
]


@pytest.mark.parametrize(("value", "lang", "said"), FLAG_CASES)
def test_the_flag_says_what_is_wrong(capsys: pytest.CaptureFixture[str], value: str, lang: str, said: str) -> None:
    assert main(["maintenance", POLICY, "--from", value, "--to", "2027-06-01", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1, err


@pytest.mark.parametrize(
    "value", ["2028-02-29", "2026-11-04T23:59:59+09:00", "2026-13-01", "2026-11-04T24:30:00+09:00"]
)
def test_no_slip_where_there_is_none(value: str) -> None:
    from sla_dsl.calendars.timeargs import slip

    assert slip(value) is None  # (a leap day, a good time; a month 13 and 24:30 are simply no time)


def test_an_event_at_24_00_and_on_a_day_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text(
        '{"event": "incident.reported", "at": "2026-11-04T24:00:00+09:00", "id": "INC-1", "priority": "P1"}\n'
        '{"event": "incident.reported", "at": "2027-02-29T10:00:00+09:00", "id": "INC-2", "priority": "P1"}\n',
        "utf-8",
    )
    period = ["--from", "2026-11-01", "--to", "2026-12-01"]
    assert main(["evaluate", POLICY, str(log), *period, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert (
        f"{log}:1: error: [E104] `at` is not an ISO 8601 time: `2026-11-04T24:00:00+09:00`: 24:00 is not accepted\n"
        "  help: write 00:00 of the next day: `2026-11-05T00:00:00+09:00`\n"
    ) in err
    assert (
        f"{log}:2: error: [E104] `at` is not an ISO 8601 time: `2027-02-29T10:00:00+09:00`: the day does not "
        "exist (February 2027 has no 29th)\n"
    ) in err
    assert main(["evaluate", POLICY, str(log), *period, "--lang", "ja"]) == 1
    err = capsys.readouterr().err
    assert "[E104] `at` の 24:00 は読みません：`2026-11-04T24:00:00+09:00`\n" in err
    assert "翌日の 00:00 として `2026-11-05T00:00:00+09:00` と書いてください" in err
    assert "`2027-02-29T10:00:00+09:00`（存在しない日です。2027 年 2 月に 29 日はありません）" in err

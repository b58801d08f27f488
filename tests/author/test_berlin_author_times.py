"""A Berlin policy's author writes times without their offset, and counts business time on another calendar.

Before: a time without its UTC offset, in ``sla deadline --from`` or in a test file, was refused with a Tokyo
example (``write e.g. `2026-11-27T17:30:00+09:00```) for a policy of ``timezone Europe/Berlin``; a time the
clock shows twice there (``2026-10-25T02:00:00``, the hour it goes back) was given one offset as if it had
one, and a time it skips (``2026-03-29T02:30:00``) an offset it never has; and a case whose ``from`` and
``expect`` both had no offset was refused for its ``from`` alone. And ``business_time`` /
``add_business_time`` counted on the policy's default calendar only, with no way to name another.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """\
sla "Nordlicht IT Managed Service" {
  format 1
  version "2026.1"
  effective 2026-01-01
  timezone Europe/Berlin
  languages en
}

calendar support "Support hours" {
  hours mon..thu 08:00-18:00
  hours fri 08:00-16:00
}

calendar always "24x7" {
  days mon..sun
  hours 00:00-24:00
}

priority P1 "Critical" {
  respond within 30 minutes
}

priority P2 "High" {
  respond within 2 support hours
}
"""


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "nl.sla"
    path.write_text(POLICY, "utf-8")
    return path


def _sla(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _test(tmp_path: Path, policy: Path, capsys: pytest.CaptureFixture[str], text: str, *lang: str) -> tuple[int, str]:
    path = tmp_path / "t.yaml"
    path.write_text(text, "utf-8")
    code, out, err = _sla(capsys, "test", *lang, str(policy), str(path))
    return code, (out + err).replace(str(path), "t.yaml")


def test_deadline_from_without_offset_is_shown_in_the_policys_zone(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _sla(capsys, "deadline", str(policy), "--priority", "P1", "--from", "2026-10-25T05:30:00")
    assert (code, out) == (2, "")
    assert "`2026-10-25T05:30:00+01:00`" in err and "+09:00" not in err, err


def test_a_time_the_clock_shows_twice_is_given_both_offsets(policy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _sla(capsys, "deadline", str(policy), "--priority", "P1", "--from", "2026-10-25T02:00:00")
    assert code == 2
    assert "shows it twice" in err and "Berlin time" in err, err
    assert "`2026-10-25T02:00:00+02:00` for the first time or `2026-10-25T02:00:00+01:00` for the second" in err
    _, _, ja = _sla(
        capsys, "deadline", "--lang", "ja", str(policy), "--priority", "P1", "--from", "2026-10-25T02:00:00"
    )
    assert "ベルリン時間では時計が戻るため、この時刻は二度あります" in ja, ja
    assert "一度目なら `2026-10-25T02:00:00+02:00`、二度目なら `2026-10-25T02:00:00+01:00`" in ja, ja


def test_a_time_the_clock_skips_is_said_to_be_skipped(policy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _sla(capsys, "deadline", str(policy), "--priority", "P1", "--from", "2026-03-29T02:30:00")
    assert code == 2
    assert "Berlin time skips it: on 2026-03-29 the clock goes from 02:00 straight to 03:00" in err, err
    assert "`2026-03-29T03:00:00+02:00`" in err and "+01:00" not in err, err
    _, _, ja = _sla(
        capsys, "deadline", "--lang", "ja", str(policy), "--priority", "P1", "--from", "2026-03-29T02:30:00"
    )
    assert "2026-03-29 に時計が 02:00 から 03:00 に進むため、この時刻はありません" in ja, ja


AMBIGUOUS = """\
cases:
  - name: ambiguous
    deadline: {priority: P1, from: "2026-10-25T02:00:00"}
    expect: "2026-10-25T02:30:00"
  - name: gap
    deadline: {priority: P1, from: "2026-03-29T02:30:00"}
    expect: "2026-03-29T03:30:00+02:00"
"""


def test_every_time_of_a_case_without_offset_is_said_at_once(
    tmp_path: Path, policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = _test(tmp_path, policy, capsys, AMBIGUOUS)
    assert code == 1
    assert "t.yaml:3:30: error: [E162] case `ambiguous`: from `2026-10-25T02:00:00`" in said, said
    assert "t.yaml:4:5: error: [E162] case `ambiguous`: expect `2026-10-25T02:30:00`" in said, said
    assert "`2026-10-25T02:30:00+02:00` for the first time or `2026-10-25T02:30:00+01:00` for the second" in said
    assert (
        "t.yaml:6:30: error: [E162] case `gap`: from `2026-03-29T02:30:00` has no UTC offset, and Berlin time" in said
    )
    assert 'from: "2026-03-29T03:00:00+02:00"' in said, said  # (the jump: an offset the clock shows)
    assert "+09:00" not in said, said


def test_an_expected_time_without_offset_has_the_policys(
    tmp_path: Path, policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        'cases:\n  - name: x\n    deadline: {priority: P1, from: "2026-11-02T10:00:00+01:00"}\n'
        '    expect: "2026-11-02T10:30:00"\n'
    )
    code, said = _test(tmp_path, policy, capsys, text)
    assert code == 1
    assert "expect `2026-11-02T10:30:00` has no UTC offset (write it with the policy's offset: " in said, said
    assert "`2026-11-02T10:30:00+01:00`" in said and "+09:00" not in said, said


CALENDARS = """\
cases:
  - name: the default calendar, support
    business_time: {from: "2026-03-27T15:00:00+01:00", to: "2026-03-30T10:00:00+02:00"}
    expect: 3
  - name: around the clock
    business_time: {from: "2026-03-27T15:00:00+01:00", to: "2026-03-30T10:00:00+02:00", calendar: always}
    expect: 66
  - name: a day around the clock across the spring change
    add_business_time: {from: "2026-03-28T12:00:00+01:00", hours: 24, calendar: always}
    expect: "2026-03-29T13:00:00+02:00"
  - name: named support
    add_business_time: {from: "2026-03-27T15:00:00+01:00", hours: 3, calendar: support}
    expect: "2026-03-30T10:00:00+02:00"
"""


def test_a_business_time_case_counts_on_the_calendar_it_names(
    tmp_path: Path, policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = _test(tmp_path, policy, capsys, CALENDARS)
    assert code == 0, said
    assert "4/4" in said, said


MISNAMED = """\
cases:
  - name: typo
    business_time: {from: "2026-03-27T15:00:00+01:00", to: "2026-03-30T10:00:00+02:00", calendar: alway}
    expect: 66
  - name: none such
    add_business_time: {from: "2026-03-28T12:00:00+01:00", hours: 24, calendar: business}
    expect: "2026-03-29T13:00:00+02:00"
"""


def test_an_unknown_calendar_is_refused_where_it_is_written(
    tmp_path: Path, policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = _test(tmp_path, policy, capsys, MISNAMED)
    assert code == 1
    assert "t.yaml:3:99: error: [E162] case `typo`: `alway` is not a value of `calendar` in `business_time`" in said
    assert "did you mean `always`? the values are support, always" in said, said
    assert "t.yaml:6:81: error: [E162] case `none such`: `business` is not a value of `calendar`" in said, said
    code, said = _test(tmp_path, policy, capsys, MISNAMED, "--lang", "ja")
    assert "`always` の誤りではありませんか？書ける値は `support`、`always` です" in said, said


@pytest.mark.parametrize(
    ("notice", "deadline", "said"),
    [
        ("5 days before start", "2026-03-26T21:00:00+01:00", "26 March 21:00 +01:00"),
        ("5 days before start date", "2026-03-27T00:00:00+01:00", "27 March 00:00 +01:00"),
    ],
)
def test_a_notice_in_days_is_counted_as_the_reference_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], notice: str, deadline: str, said: str
) -> None:
    # the reference's planned-stop section: a stop at 31 March 22:00 +02:00 with 5 days' notice, in Berlin
    text = POLICY + f'\nplanned stop "Planned maintenance" {{\n  notice {notice} by email\n}}\n'
    policy = tmp_path / "stop.sla"
    policy.write_text(text, "utf-8")
    log = tmp_path / "ev.jsonl"
    log.write_text(
        '{"event":"stop.announced","at":"2026-03-20T10:00:00+01:00","id":"S1","channel":"email",'
        '"start":"2026-03-31T22:00:00+02:00","end":"2026-03-31T23:00:00+02:00"}\n',
        "utf-8",
    )
    argv = ["evaluate", str(policy), str(log), "--from", "2026-03-01", "--to", "2026-05-01", "--format", "json"]
    code, out, err = _sla(capsys, *argv)
    assert code == 0, err
    assert json.loads(out)["planned_stops"][0]["notice_deadline"] == deadline
    reference = (Path(__file__).resolve().parents[2] / "docs" / "reference" / "language.en.md").read_text("utf-8")
    assert said in " ".join(reference.split())

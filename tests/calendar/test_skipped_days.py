"""A day the wall clock never shows has no business hours: it is not a business day.

Samoa (Pacific/Apia) went from UTC-10 to UTC+14 at the end of 29 December 2011: 30 December
has no local time at all. A seven-day calendar took it for a business day because it is a
Friday with hours, and every question that counted business days broke on it: ``sla deadline``
for ``by end of 1st business day`` from the 29th (and ``sla evaluate``) failed with "calendar
`business` has no business hours on `2011-12-30`", in English even under ``--lang ja``;
``sla calendar`` showed the 30th as a business day; and a maintenance window rolled to the
next business day from a closed 29th went onto the 30th and vanished. The same holds for a
day whose hours lie wholly in a daylight-saving gap. Such a day is no business day for
``is_business_day``, ``next_business_day``, ``previous_business_day``,
``end_of_nth_business_day``, the calendar views and maintenance rolls alike; a day whose
hours partial closures all take (W306) stays one, as the language reference says, and its
business day ends where its hours would have closed.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from calendar_reference import ALL_DAYS, SlowCalendar, hours

import sla_dsl
from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.lang import model as m
from sla_dsl.lang.diagnostics import WordedInputError

ROOT = Path(__file__).resolve().parents[2]
APIA = ZoneInfo("Pacific/Apia")
NEW_YORK = ZoneInfo("America/New_York")

HEADER = """sla "Samoa" {
  format 1
  version "1"
  effective 2011-01-01
  timezone Pacific/Apia
  languages en
}
"""
#: QA's policy: a seven-day calendar and a target at the end of the first business day
POLICY = (
    HEADER
    + """calendar business "Business" {
  days mon..sun
  hours 09:00-17:00
}
priority P2 "P2" {
  respond by end of 1st business day
}
"""
)
#: QA's maintenance policy: the window of the 29th rolls to the next business day
MAINTENANCE = (
    HEADER.replace('"Samoa"', '"Samoa Desk"')
    + """calendar business "Business" {
  days mon..sun
  hours 09:00-17:00
  closed 2011-12-29
}
maintenance yearly "Year end" {
  every year on 12-29, 20:00-22:00
  if not a business day: next business day
  calendar business
  notice none
}
service app "App" {
  hours business except maintenance
  availability target 99%
}
priority P1 "P1" {
  respond within 2 business hours
}
"""
)


def _seven_days(zone: str, *ranges: str) -> BusinessCalendar:
    return BusinessCalendar(m.Calendar(name="business", days=ALL_DAYS, hours=hours(*ranges)), ZoneInfo(zone))


def sla(tmp_path: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    policy = tmp_path / "policy.sla"
    policy.write_text(text, "utf-8")
    argv = [sys.executable, "-m", "sla_dsl.cli", args[0], str(policy), *args[1:]]
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120)


# -- the calendar ------------------------------------------------------------------------------


def test_the_day_samoa_skipped_is_no_business_day() -> None:
    cal = _seven_days("Pacific/Apia", "09:00-17:00")
    skipped = dt.date(2011, 12, 30)
    assert cal.open_intervals(skipped) == []
    assert not cal.is_business_day(skipped)
    assert cal.next_business_day(dt.date(2011, 12, 29)) == dt.date(2011, 12, 31)
    assert cal.previous_business_day(dt.date(2011, 12, 31)) == dt.date(2011, 12, 29)
    start = dt.datetime(2011, 12, 29, 10, tzinfo=APIA)
    assert cal.end_of_nth_business_day(start, 1) == dt.datetime(2011, 12, 31, 17, tzinfo=APIA)
    assert cal.end_of_nth_business_day(start, 2) == dt.datetime(2012, 1, 1, 17, tzinfo=APIA)


@pytest.mark.parametrize(
    ("zone", "skipped"),
    [
        ("Pacific/Apia", dt.date(2011, 12, 30)),
        ("Pacific/Fakaofo", dt.date(2011, 12, 30)),
        ("Pacific/Kwajalein", dt.date(1993, 8, 21)),
        ("Pacific/Kanton", dt.date(1994, 12, 31)),
        ("Pacific/Kiritimati", dt.date(1994, 12, 31)),
    ],
)
def test_every_skipped_day_in_the_range_is_no_business_day(zone: str, skipped: dt.date) -> None:
    """Each zone that skips a whole day between 1900 and 2200: hours within that day have no time, so it is
    no business day, and the business days around it agree with their open intervals and with the
    reference. (An overnight range starting that day ends on the next day's clock: the hours it has
    there make the skipped day a business day, whose end is theirs.)"""
    for ranges in (("09:00-17:00",), ("00:00-24:00",), ("10:00-12:00", "13:00-18:00"), ("22:00-06:00",)):
        cal = _seven_days(zone, *ranges)
        ref = SlowCalendar(cal.model, zone)
        overnight = ranges == ("22:00-06:00",)
        assert cal.is_business_day(skipped) == overnight
        after = skipped + dt.timedelta(days=1)
        assert cal.next_business_day(skipped - dt.timedelta(days=1)) == (skipped if overnight else after)
        if overnight:  # from the jump, 00:00 on the next day's clock, to 06:00
            local = ZoneInfo(zone)
            tail = (dt.datetime.combine(after, dt.time(0), local), dt.datetime.combine(after, dt.time(6), local))
            assert cal.open_intervals(skipped) == [tail]
        for k in range(-3, 4):
            d = skipped + dt.timedelta(days=k)
            assert cal.is_business_day(d) == bool(cal.open_intervals(d)) == ref.is_business_day(d), (ranges, d)
            start = dt.datetime.combine(d, dt.time(8), ZoneInfo(zone)) if d != skipped else None
            for n in (0, 1, 2) if start is not None else ():
                got = cal.end_of_nth_business_day(start, n)
                assert got == ref.end_of_nth_business_day(start, n), (ranges, d, n)
                assert got.astimezone(ZoneInfo(zone)).date() != skipped


def test_hours_wholly_inside_a_dst_gap_make_no_business_day() -> None:
    """New York skips 02:00-03:00 on 8 March 2026: a day open 02:00-02:30 has no time that day."""
    cal = _seven_days("America/New_York", "02:00-02:30")
    gap = dt.date(2026, 3, 8)
    assert not cal.is_business_day(gap)
    assert cal.next_business_day(dt.date(2026, 3, 7)) == dt.date(2026, 3, 9)
    assert cal.previous_business_day(dt.date(2026, 3, 9)) == dt.date(2026, 3, 7)
    start = dt.datetime(2026, 3, 7, 12, tzinfo=NEW_YORK)
    assert cal.end_of_nth_business_day(start, 1) == dt.datetime(2026, 3, 9, 2, 30, tzinfo=NEW_YORK)
    night = dt.datetime(2026, 3, 8, 1, tzinfo=NEW_YORK)  # on the gap day itself: its first business day is the next
    assert cal.end_of_nth_business_day(night, 0) == dt.datetime(2026, 3, 9, 2, 30, tzinfo=NEW_YORK)
    # a range across the gap keeps the time the clock shows: a business day
    assert _seven_days("America/New_York", "01:30-02:30").is_business_day(gap)


def test_a_day_whose_hours_partial_closures_all_take_stays_a_business_day_and_ends_at_its_hours() -> None:
    """W306's day (``closed DATE HH:MM-HH:MM`` over every hour) is still a business day, as the language
    reference says: the end of it is where its hours close (it raised "has no business hours on")."""
    text = HEADER.replace("Pacific/Apia", "UTC") + (
        'calendar business "Business" {\n  days mon..fri\n  hours 09:00-17:00\n  closed 2026-03-03 08:00-18:00\n}\n'
        'priority P2 "P2" {\n  respond by end of 1st business day\n}\n'
    )
    policy = sla_dsl.load_policy(text)
    cal = policy.calendar("business")
    assert cal.is_business_day(dt.date(2026, 3, 3)) and cal.open_intervals(dt.date(2026, 3, 3)) == []
    due = policy.response_due("P2", dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC))
    assert due == dt.datetime(2026, 3, 3, 17, tzinfo=dt.UTC)
    ref = SlowCalendar(cal.model, "UTC")
    assert ref.end_of_nth_business_day(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), 1) == due


def test_the_calendars_refusals_are_worded_in_both_languages() -> None:
    """What remains of the calendar's input errors is catalogue words: Japanese under a Japanese command."""
    cal = _seven_days("Asia/Tokyo", "09:00-17:00")
    with pytest.raises(WordedInputError) as negative:
        cal.end_of_nth_business_day(dt.datetime(2026, 1, 5, tzinfo=ZoneInfo("Asia/Tokyo")), -1)
    assert str(negative.value) == "business day count `-1` is negative"
    assert str(negative.value.in_lang("ja")) == "営業日の数 `-1` が負の数です"
    never = BusinessCalendar(m.Calendar(name="never", hours=hours("10:00-12:00")), ZoneInfo("Asia/Tokyo"))
    with pytest.raises(WordedInputError) as none:
        never.next_business_day(dt.date(2026, 1, 1))
    assert str(none.value) == "calendar `never` has no business day within 10 years after `2026-01-01`"
    assert str(none.value.in_lang("ja")) == "カレンダー `never` には、`2026-01-01` より後の10年間に営業日がありません"
    with pytest.raises(WordedInputError) as unit:
        cal.business_delta(1, m.TimeUnit.WEEK)
    assert str(unit.value.in_lang("ja")).startswith("`week` は営業時間の単位ではありません")


# -- the commands ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_sla_deadline_over_the_skipped_day(tmp_path: Path, lang: str) -> None:
    proc = sla(tmp_path, POLICY, "deadline", "--priority", "P2", "--from", "2011-12-29T10:00:00-10:00", "--lang", lang)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "2011-12-31T17:00:00+14:00\n", "")


def test_sla_evaluate_over_the_skipped_day(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    events.write_text(
        '{"event":"incident.reported","at":"2011-12-29T10:00:00-10:00","id":"I1","priority":"P2"}\n', "utf-8"
    )
    proc = sla(tmp_path, POLICY, "evaluate", str(events), "--from", "2011-12-01", "--to", "2012-01-01")
    assert proc.returncode == 0, proc.stderr
    assert "I1  P2 P2     Thu 29 Dec 10:00  Sat 31 Dec 17:00  no response" in proc.stdout


def test_sla_calendar_shows_the_skipped_day_closed(tmp_path: Path) -> None:
    proc = sla(tmp_path, POLICY, "calendar", "--month", "2011-12", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    days = {d["date"]: d["business_day"] for d in json.loads(proc.stdout)["days"]}
    assert (days["2011-12-29"], days["2011-12-30"], days["2011-12-31"]) == (True, False, True)
    text = sla(tmp_path, POLICY, "calendar", "--month", "2011-12").stdout
    assert " 29  30. 31" in text


def test_a_window_rolled_past_a_closed_day_skips_the_day_that_does_not_exist(tmp_path: Path) -> None:
    proc = sla(tmp_path, MAINTENANCE, "maintenance", "--from", "2011-12-01", "--to", "2012-01-10")
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0,
        "2011-12-31T20:00:00+14:00/2011-12-31T22:00:00+14:00\n",
        "",
    )
    policy = sla_dsl.load_policy(MAINTENANCE)
    [window] = policy.maintenance_windows("2011-12-01", "2012-01-10")
    assert (window.scheduled, window.day, window.moved) == (dt.date(2011, 12, 29), dt.date(2011, 12, 31), True)


#: a calendar closed for two centuries from March 2026: no business day within 10 years after
CLOSED_FOR_YEARS = """sla "T" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja
}
calendar business "営業" {
  days mon..fri
  hours 09:00-17:00
  closed 2026-03-01..2199-12-31
}
maintenance m "保守" {
  every year on 06-01, 20:00-22:00
  if not a business day: next business day
  calendar business
  notice none
}
priority P2 "P2" {
  respond by end of 1st business day
}
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ((), "sla: エラー: カレンダー `business` には、`2026-03-02` より後の10年間に営業日がありません\n"),
        (("--lang", "en"), "sla: error: calendar `business` has no business day within 10 years after `2026-03-02`\n"),
    ],
)
def test_the_calendars_refusals_reach_the_commands_in_their_language(
    tmp_path: Path, lang: tuple[str, ...], said: str
) -> None:
    deadline = ("deadline", "--priority", "P2", "--from", "2026-03-02T10:00:00Z", *lang)
    proc = sla(tmp_path, CLOSED_FOR_YEARS, *deadline)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", said)
    for argv in (("maintenance", "--from", "2026-01-01", "--to", "2027-01-01"), ("calendar", "--month", "2026-06")):
        proc = sla(tmp_path, CLOSED_FOR_YEARS, *argv, *lang)
        assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", said.replace("03-02", "06-01")), argv

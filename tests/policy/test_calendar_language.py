"""Issue 11 in the language: each calendar and recurrence construct reads into the model
and is judged by the engine; each misuse is a located diagnostic with ``help:``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.lang import model as m
from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy.load import compile_text

HEADER = """sla "t" {
  format 1
  version "1"
  effective 2026-10-01
  timezone Asia/Tokyo
}
"""
#: line of the first statement inside the calendar block
FIRST = HEADER.count("\n") + 2


def policy(calendar_body: str, extra: str = "", target: str = "4 business hours") -> str:
    return (
        HEADER
        + "calendar business {\n"
        + calendar_body
        + "}\n"
        + f"priority P1 {{\n  respond within {target}\n}}\n"
        + extra
    )


def diagnostics(text: str) -> list[Diagnostic]:
    return compile_text(text, "t.sla").diagnostics


def one(text: str, code: str) -> Diagnostic:
    found = [d for d in diagnostics(text) if d.code == code]
    assert len(found) == 1, diagnostics(text)
    assert found[0].help, found[0]
    return found[0]


def tokyo(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.timezone(dt.timedelta(hours=9)))


# -- reading ------------------------------------------------------------------------------


def test_every_construct_reads_into_the_model() -> None:
    text = policy(
        "  timezone Europe/London\n"
        "  hours mon..fri 09:00-12:30, 13:30-17:30\n"
        "  hours sat 10:00-13:00\n"
        "  hours 2026-12-23 10:00-12:00\n"
        "  closed 2026-12-24 13:00-18:00\n"
        "  closed 2026-12-29..2027-01-03\n"
        "  holidays GB-ENG, US-CA\n"
        '  holiday 2026-05-01 "創立記念日" / "Founding day"\n'
        "  open 2026-05-04\n"
    )
    comp = compile_text(text, "t.sla")
    assert not comp.diagnostics, comp.diagnostics
    assert comp.model is not None
    cal = comp.model.calendar("business")
    assert cal.timezone == "Europe/London"
    assert cal.open_weekdays() == (
        m.Weekday.MON,
        m.Weekday.TUE,
        m.Weekday.WED,
        m.Weekday.THU,
        m.Weekday.FRI,
        m.Weekday.SAT,
    )
    assert [str(r) for r in cal.weekday_ranges(m.Weekday.SAT)] == ["10:00-13:00"]
    assert [str(r) for r in cal.weekday_ranges(m.Weekday.MON)] == ["09:00-12:30", "13:30-17:30"]
    assert cal.date_hours[0].dates[0].first == dt.date(2026, 12, 23)
    assert [str(r) for r in cal.closed_hours[0].ranges] == ["13:00-18:00"]
    assert cal.holidays == ("GB-ENG", "US-CA")
    assert cal.named_holidays[0].label.en == "Founding day"


def test_the_one_line_form_means_every_open_day_and_a_weekday_line_replaces_it() -> None:
    p = load_policy(
        policy("  days mon..sat\n  hours 10:00-12:00, 13:00-18:00\n  hours sat 10:00-13:00\n  holidays JP\n")
    )
    # Mon 2026-11-30: 7 hours; Sat 2026-11-28: 3 hours
    assert p.business_time_between(tokyo(2026, 11, 30), tokyo(2026, 12, 1)) == dt.timedelta(hours=7)
    assert p.business_time_between(tokyo(2026, 11, 28), tokyo(2026, 11, 29)) == dt.timedelta(hours=3)
    # 1 business day is the weekday hours, 7 h: Sat 11:00 + 7 h = Sat 11-13 (2 h), Mon 10-12 (2 h), 13-16 (3 h)
    assert p.add_business_time(tokyo(2026, 11, 28, 11), dt.timedelta(hours=7)) == tokyo(2026, 11, 30, 16)


def test_an_overnight_range_belongs_to_the_day_it_starts_on() -> None:
    p = load_policy(policy("  hours fri 22:00-06:00\n"))
    # Fri 2026-11-27 22:00 to Sat 06:00 is open; Sat 22:00 is not (Saturday has no hours)
    assert p.is_business_time(tokyo(2026, 11, 28, 5, 59))
    assert not p.is_business_time(tokyo(2026, 11, 28, 22, 30))
    assert not p.is_business_time(tokyo(2026, 11, 27, 5))  # Friday's own early morning: Thursday has no range
    # Fri 23:00 + 4 h = Sat 03:00; Sat 05:00 + 4 h = Sat 06:00 (1 h) + next Friday 22:00-01:00
    assert p.response_due("P1", tokyo(2026, 11, 27, 23)) == tokyo(2026, 11, 28, 3)
    assert p.response_due("P1", tokyo(2026, 11, 28, 5)) == tokyo(2026, 12, 5, 1)


def test_24_00_is_an_end_and_a_whole_day_range() -> None:
    p = load_policy(policy("  hours sun 00:00-24:00\n"))
    assert p.business_time_between(tokyo(2026, 11, 29), tokyo(2026, 11, 30)) == dt.timedelta(hours=24)


def test_a_partial_closure_removes_those_hours_only() -> None:
    p = load_policy(policy("  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  closed 2026-12-24 13:00-18:00\n"))
    assert p.business_time_between(tokyo(2026, 12, 24), tokyo(2026, 12, 25)) == dt.timedelta(hours=2)
    # Thu 2026-12-24 11:00 + 4 h: 11-12 (1 h), closed afternoon, Fri 10-12 (2 h), 13-14 (1 h)
    assert p.response_due("P1", tokyo(2026, 12, 24, 11)) == tokyo(2026, 12, 25, 14)


def test_date_hours_open_a_closed_weekday_and_a_named_holiday_closes_a_day() -> None:
    p = load_policy(
        policy(
            "  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  hours 2026-11-29 10:00-11:00\n"
            '  holiday 2026-11-30 "創立記念日" / "Founding day"\n'
        )
    )
    cal = p.calendar()
    assert cal.is_business_day(dt.date(2026, 11, 29))  # a Sunday with its own hours
    assert not cal.is_business_day(dt.date(2026, 11, 30))
    assert cal.holiday_name(dt.date(2026, 11, 30), "ja") == "創立記念日"
    assert cal.holiday_name(dt.date(2026, 11, 30), "en") == "Founding day"
    # Sun 10:00 + 4 h: Sun 10-11 (1 h), Mon closed, Tue 10-12 (2 h), 13-14 (1 h)
    assert p.response_due("P1", tokyo(2026, 11, 29, 10)) == tokyo(2026, 12, 1, 14)


def test_a_calendar_in_another_zone_answers_in_the_policys_zone() -> None:
    p = load_policy(policy("  timezone Europe/London\n  hours mon..fri 09:00-17:30\n"))
    due = p.response_due("P1", tokyo(2026, 11, 27, 16))  # 07:00 in London
    assert due == tokyo(2026, 11, 27, 22) and due.utcoffset() == dt.timedelta(hours=9)
    assert p.add_business_time(tokyo(2026, 11, 27, 16), dt.timedelta(hours=1)).utcoffset() == dt.timedelta(hours=9)


def test_seconds_are_a_unit() -> None:
    p = load_policy(policy("  days mon..fri\n  hours 10:00-18:00\n", target="90 business seconds"))
    assert p.response_due("P1", tokyo(2026, 11, 30, 17, 59)) == tokyo(2026, 12, 1, 10, 0, 30)
    p = load_policy(policy("  days mon..fri\n  hours 10:00-18:00\n", target="45 seconds"))
    assert p.response_due("P1", tokyo(2026, 11, 29, 23, 59, 30)) == tokyo(2026, 11, 30, 0, 0, 15)


MAINT = """maintenance m {{
  every {rule}, 22:00-24:00
  if not a business day: next business day
  calendar business
}}
"""


@pytest.mark.parametrize(
    ("rule", "first", "last", "starts"),
    [
        # Thursdays of December 2026: 3, 10, 17, 24, 31
        ("month on 2nd, 4th thu", "2026-12-01", "2027-01-01", ["2026-12-10", "2026-12-24"]),
        # quarter ends from March 2026
        ("3 months from 2026-03 on last day", "2026-01-01", "2027-01-01", ["2026-03-31", "2026-06-30"]),
        # last Monday-Friday day: 2026-10-30 (Fri; the 31st is a Saturday), 2026-11-30 (Mon)
        ("month on last weekday", "2026-10-01", "2026-12-01", ["2026-10-30", "2026-11-30"]),
        # Mondays of November 2026: 2, 9, 16, 23, 30
        ("month on 1st, 3rd mon", "2026-11-01", "2026-12-01", ["2026-11-02", "2026-11-16"]),
    ],
)
def test_new_recurrences_reach_the_maintenance_windows(rule: str, first: str, last: str, starts: list[str]) -> None:
    text = policy("  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  holidays JP\n", extra=MAINT.format(rule=rule))
    p = load_policy(text)
    got = p.maintenance_windows(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    # quarter ends on a weekend roll: 2026-09-30 is a Wednesday, 2026-12-31 a Thursday (no JP holiday)
    expected = starts + (["2026-09-30", "2026-12-31"] if "3 months" in rule else [])
    assert [w.start.date().isoformat() for w in got] == expected
    assert all(w.start.hour == 22 and (w.end - w.start) == dt.timedelta(hours=2) for w in got)


def test_an_overnight_maintenance_window_ends_the_next_day() -> None:
    text = policy(
        "  days mon..fri\n  hours 10:00-18:00\n", extra="maintenance m {\n  every week on sat, 23:00-03:00\n}\n"
    )
    (w,) = load_policy(text).maintenance_windows(dt.date(2026, 11, 28), dt.date(2026, 11, 29))
    assert (w.start, w.end) == (tokyo(2026, 11, 28, 23), tokyo(2026, 11, 29, 3))


# -- diagnostics ---------------------------------------------------------------------------


def test_e230_a_range_of_zero_length() -> None:
    d = one(policy("  days mon..fri\n  hours 10:00-10:00\n"), "E230")
    assert (d.span.line, d.span.column) == (FIRST + 1, 9)
    assert "zero length" in d.message and "overnight" in (d.help or "")


def test_e202_ranges_that_overlap_within_a_day_and_into_the_next() -> None:
    d = one(policy("  hours mon..fri 10:00-12:00, 11:00-18:00\n"), "E202")
    assert d.span.line == FIRST
    d = one(policy("  hours mon 10:00-12:00, 20:00-11:00\n  hours tue 10:00-18:00\n"), "E202")
    assert "next day" in d.message and d.span.line == FIRST


def test_e231_a_weekday_line_for_a_day_that_days_does_not_open() -> None:
    d = one(policy("  days mon..fri\n  hours 10:00-18:00\n  hours sat 10:00-13:00\n"), "E231")
    assert d.span.line == FIRST + 2 and "`sat`" in d.message and "add" in (d.help or "")


def test_e233_an_open_weekday_without_hours() -> None:
    d = one(policy("  days mon..sat\n  hours mon..fri 10:00-18:00\n"), "E233")
    assert "`sat`" in d.message and "hours sat" in (d.help or "")
    d = one(policy("  hours mon..fri 10:00-18:00\n  open 2026-11-29\n"), "E233")
    assert d.span.line == FIRST + 1 and "hours 2026-11-29" in (d.help or "")


def test_e232_date_hours_or_a_partial_closure_on_a_day_the_calendar_closes() -> None:
    d = one(
        policy(
            "  days mon..fri\n  hours 10:00-18:00\n  closed 2026-12-29..2027-01-03\n  hours 2026-12-30 10:00-12:00\n"
        ),
        "E232",
    )
    assert d.span.line == FIRST + 3 and "open 2026-12-30" in (d.help or "")
    d = one(
        policy(
            '  days mon..fri\n  hours 10:00-18:00\n  holiday 2026-12-24 "休" / "Off"\n  closed 2026-12-24 13:00-18:00\n'
        ),
        "E232",
    )
    assert d.span.line == FIRST + 3


def test_e236_a_date_given_hours_twice() -> None:
    d = one(
        policy(
            "  days mon..fri\n  hours 10:00-18:00\n  hours 2026-12-28 10:00-12:00\n"
            "  hours 2026-12-27..2026-12-28 13:00-14:00\n"
        ),
        "E236",
    )
    assert d.span.line == FIRST + 3


def test_e235_an_unknown_calendar_zone_and_e204_an_unknown_region() -> None:
    d = one(policy("  timezone Europe/Lodnon\n  hours mon..fri 10:00-18:00\n"), "E235")
    assert (d.span.line, d.span.column) == (FIRST, 12) and "Europe/London" in (d.help or "")
    d = one(policy("  hours mon..fri 10:00-18:00\n  holidays US-XX\n"), "E204")
    assert d.span.line == FIRST + 1


def test_w230_w231_w232_warnings() -> None:
    d = one(policy("  days mon..fri\n  hours 10:00-18:00\n  closed 2026-11-29 10:00-12:00\n"), "W230")
    assert d.span.line == FIRST + 2
    d = one(policy("  hours 10:00-18:00\n  hours mon..fri 09:00-17:00\n"), "W231")
    assert d.span.line == FIRST
    text = policy(
        '  days mon..fri\n  hours 10:00-18:00\n  holiday 2026-12-24 "a" / "a"\n  holiday 2026-12-24 "b" / "b"\n'
    )
    assert one(text, "W232").span.line == FIRST + 3


def test_e234_recurrence_steps_and_ordinals() -> None:
    base = "  days mon..fri\n  hours 10:00-18:00\n"
    d = one(policy(base, extra="maintenance m {\n  every 0 months from 2026-03 on last day, 22:00-24:00\n}\n"), "E234")
    assert "1 to 120" in (d.help or "")
    d = one(policy(base, extra="maintenance m {\n  every 3 months from 2026-13 on last day, 22:00-24:00\n}\n"), "E234")
    d = one(policy(base, extra="maintenance m {\n  every month on 2nd, 2nd thu, 22:00-24:00\n}\n"), "E234")
    assert d.span.column == 23


def test_a_calendar_of_weekday_lines_only_is_not_never_open() -> None:
    assert not compile_text(policy("  hours sat 10:00-13:00\n"), "t.sla").diagnostics


def test_w305_date_hours_on_a_national_holiday_open_it() -> None:
    text = policy("  days mon..fri\n  hours 10:00-18:00\n  holidays JP\n  hours 2026-11-23 10:00-12:00\n")
    d = one(text, "W305")  # Labour Thanksgiving Day, a Monday
    assert d.span.line == FIRST + 3 and "open 2026-11-23" in (d.help or "")
    assert load_policy(text).calendar().is_business_day(dt.date(2026, 11, 23))
    worked = text.replace("  holidays JP\n", "  holidays JP\n  open 2026-11-23\n")
    assert "W305" not in [x.code for x in diagnostics(worked)]


def test_w306_a_partial_closure_of_every_hour() -> None:
    d = one(policy("  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  closed 2026-11-24 09:00-19:00\n"), "W306")
    assert d.span.line == FIRST + 2 and "closed 2026-11-24`" in (d.help or "")


# -- around the language: semantic diff, site words, hover ----------------------------------


def test_sla_diff_names_each_new_construct(tmp_path: Path) -> None:
    import subprocess
    import sys

    base = "  timezone Europe/London\n  hours mon..fri 09:00-17:30\n  hours 2026-12-28 10:00-12:00\n"
    extra = "maintenance m {\n  every 3 months from 2026-03 on last day, 22:00-24:00\n}\n"
    a, b = tmp_path / "a.sla", tmp_path / "b.sla"
    a.write_text(policy(base, extra=extra), "utf-8")
    b.write_text(
        policy(
            base.replace("Europe/London", "America/New_York").replace("10:00-12:00", "10:00-11:00"),
            extra=extra.replace("3 months", "6 months"),
        ),
        "utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "diff", str(a), str(b)], capture_output=True, text=True, check=False
    ).stdout
    assert "time zone: London time (Europe/London) -> New York time (America/New_York)" in out
    assert "hours of some dates: 2026-12-28 10:00-12:00 -> 2026-12-28 10:00-11:00" in out
    assert "last day of every 3 months from 2026-03 -> last day of every 6 months from 2026-03" in out


def test_site_words_are_japanese_on_the_japanese_page() -> None:
    import re

    from sla_dsl.docs import calendar_text as ct
    from sla_dsl.docs import text as tx

    comp = compile_text(
        (Path(__file__).resolve().parents[2] / "policies" / "examples" / "saturday_desk.sla").read_text("utf-8"),
        "s.sla",
    )
    assert comp.model is not None
    cal = comp.model.calendar("business")
    assert ct.hours_text(cal, "ja") == "月〜金 10:00〜12:00、13:00〜18:00；土 10:00〜13:00"
    assert ct.hours_text(cal, "en") == "Mon–Fri 10:00–12:00, 13:00–18:00; Sat 10:00–13:00"
    facts_ja = ct.calendar_facts(cal, "ja")
    assert "2026年12月28日(月)は 10:00〜12:00" in facts_ja and "創立記念日（2026年10月1日(木)）" in facts_ja
    assert not any(re.search("[A-Za-z]", f) for f in facts_ja)
    assert ct.zone_text("Europe/London", "ja") == "ロンドン時間" and ct.zone_text("Asia/Dubai", "ja") == "ドバイ時間"
    mt = comp.model.maintenance[0]
    assert tx.recurrence(mt.on, "ja") == "毎月第2・第4木曜日"
    assert tx.recurrence(mt.on, "en") == "the 2nd and 4th Thursday of every month"
    quarter = m.DayOfMonth(day=-1, every=3, since=(2026, 3))
    assert tx.recurrence(quarter, "ja") == "2026年3月から3ヶ月ごとの末日"
    assert tx.recurrence(quarter, "en") == "the last day of every 3rd month from March 2026"


def test_hover_shows_hours_per_weekday_and_the_zone() -> None:
    from sla_dsl.authoring.hover import hover_calendar

    comp = compile_text(
        policy("  timezone Europe/London\n  hours mon, wed 09:00-17:30\n  hours sat 10:00-13:00\n"), "t.sla"
    )
    assert comp.model is not None
    text = hover_calendar(comp.model.calendar("business"))
    assert "time zone Europe/London" in text and "mon, wed 09:00-17:30 (8.5 h a day); sat 10:00-13:00" in text


def test_a_backup_every_n_seconds_is_refused_not_read_as_days() -> None:
    text = policy("  days mon..fri\n  hours 10:00-18:00\n", extra="backup database {\n  every 30 seconds\n}\n")
    d = one(text, "E220")
    assert "every `30 seconds`" in d.message


def test_w203_a_holiday_region_listed_twice_is_kept_once() -> None:
    text = policy("  days mon..fri\n  hours 10:00-18:00\n  holidays JP, GB\n  holidays US-NY, JP\n")
    d = one(text, "W203")
    assert (d.span.line, d.span.column) == (FIRST + 3, 19)
    assert "`JP`" in d.message and f"line {FIRST + 2}" in (d.help or "")
    model = compile_text(text, "t.sla").model
    assert model is not None
    cal = model.calendar("business")
    assert cal.holidays == ("JP", "GB", "US-NY")  # the first place of each: the order names the holidays
    assert [d.code for d in diagnostics(policy("  days mon..fri\n  hours 10:00-18:00\n  holidays JP, GB\n"))] == []

"""Named yearly holidays in calendars: ``holiday yearly 05-01 "創立記念日" / "Founding day"``, ``holiday yearly
4th thu of nov "感謝祭" / "Thanksgiving"``, ``holiday yearly last mon of may "戦没者追悼記念日" / "Memorial Day"``.

Each year the day is what ``holiday DATE`` makes its date: no business day for every path that reads the
calendar (deadlines, ``sla evaluate``, ``sla explain``, maintenance rolls, ``sla calendar``), named where a
one-off holiday is named, ``open`` overriding it, E232 for date hours on it; the checks locate what is wrong
with the line to write; ``sla fmt`` keeps it, ``sla diff`` says it in both languages; and the engine agrees
with the slow reference on holidays drawn at random.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from calendar_reference import SlowCalendar, hours, yearly_holiday_on
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types as t
from pygments.token import Name

from sla_dsl import load_policy
from sla_dsl.authoring.fmt import format_text
from sla_dsl.authoring.hover import hover_calendar
from sla_dsl.authoring.lsp import Documents, completion_items
from sla_dsl.authoring.semdiff import diff_models, render_markdown, render_text
from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.docs import calendar_text as ct
from sla_dsl.lang import model as m
from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.lang.lexer import SlaLexer
from sla_dsl.policy import compile_text

TOKYO = ZoneInfo("Asia/Tokyo")
HEADER = """sla "Yearly" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

"""
HOLIDAYS = """  holiday yearly 05-01 "創立記念日" / "Founding day"
  holiday yearly 4th thu of nov "感謝祭" / "Thanksgiving"
  holiday yearly last mon of may "戦没者追悼記念日" / "Memorial Day"
"""
TAIL = """
priority P1 "優先度１" / "Priority 1" {
  respond within 4 business hours
}
"""


def policy(lines: str = HOLIDAYS, head: str = "", tail: str = "") -> str:
    """A policy whose business calendar (Mon-Fri 10:00-18:00, no national holidays) has ``lines``."""
    calendar = f'calendar business "営業時間" / "Business hours" {{\n{head}  days mon..fri\n  hours 10:00-18:00\n'
    return HEADER + calendar + lines + "}\n" + TAIL + tail


def diagnostics(text: str) -> list[Diagnostic]:
    return compile_text(text, "t.sla").diagnostics


def model(text: str) -> m.PolicyModel:
    comp = compile_text(text, "t.sla")
    assert comp.model is not None and not comp.diagnostics, [d.header() for d in comp.diagnostics]
    return comp.model


def engine(text: str) -> BusinessCalendar:
    return load_policy(text).calendar("business")


def sla(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *args], capture_output=True, text=True, check=False, cwd=cwd
    )


D = dt.date


# -- which days --------------------------------------------------------------------------------------------


def test_the_model_keeps_each_form() -> None:
    cal = model(policy()).calendar("business")
    founding, thanksgiving, memorial = cal.yearly_holidays
    assert (founding.month, founding.day, founding.nth) == (5, 1, None)
    assert (thanksgiving.month, thanksgiving.nth, thanksgiving.weekday) == (11, 4, m.Weekday.THU)
    assert (memorial.month, memorial.nth, memorial.weekday) == (5, -1, m.Weekday.MON)
    assert (thanksgiving.label.ja, thanksgiving.label.en) == ("感謝祭", "Thanksgiving")
    assert [h.rule for h in cal.yearly_holidays] == ["05-01", "4th thu of nov", "last mon of may"]


def test_a_fixed_date_is_a_holiday_every_year_with_its_name() -> None:
    cal = engine(policy())
    for year in range(2026, 2036):
        d = D(year, 5, 1)
        assert not cal.is_business_day(d), d  # (on a weekend too: the name says why)
        assert cal.holiday_name(d, "ja") == "創立記念日" and cal.holiday_name(d, "en") == "Founding day"
    assert cal.is_business_day(D(2026, 5, 4)) and cal.holiday_name(D(2026, 5, 4)) is None


def test_nth_and_last_weekdays_of_a_month() -> None:
    cal = engine(policy())
    thanksgiving = [D(2026, 11, 26), D(2027, 11, 25), D(2028, 11, 23)]
    memorial = [D(2026, 5, 25), D(2027, 5, 31), D(2028, 5, 29)]
    for d in thanksgiving:
        assert not cal.is_business_day(d) and cal.holiday_name(d, "en") == "Thanksgiving", d
    for d in memorial:
        assert not cal.is_business_day(d) and cal.holiday_name(d, "ja") == "戦没者追悼記念日", d
    # the other Thursdays of November and Mondays of May are business days
    for d in (D(2026, 11, 19), D(2027, 11, 18), D(2026, 5, 18), D(2027, 5, 24)):
        assert cal.is_business_day(d) and cal.holiday_name(d) is None, d


def test_a_fifth_weekday_a_month_lacks_is_no_holiday_that_year() -> None:
    cal = engine(policy('  holiday yearly 5th fri of oct "第5金曜日" / "Fifth Friday"\n'))
    assert not cal.is_business_day(D(2026, 10, 30))  # October 2026 has five Fridays
    assert cal.holiday_name(D(2026, 10, 30), "en") == "Fifth Friday"
    october_2028 = [D(2028, 10, k) for k in range(1, 32)]  # four Fridays: no holiday at all that October
    assert [d for d in october_2028 if cal.holiday_name(d)] == []
    assert all(cal.is_business_day(d) for d in october_2028 if d.weekday() < 5)


def test_february_29_only_in_leap_years() -> None:
    cal = engine(policy('  holiday yearly 02-29 "閏日" / "Leap day"\n'))
    assert not cal.is_business_day(D(2028, 2, 29)) and cal.holiday_name(D(2028, 2, 29), "en") == "Leap day"
    assert cal.is_business_day(D(2027, 2, 26)) and cal.is_business_day(D(2027, 3, 1))
    assert cal.holiday_name(D(2027, 3, 1)) is None
    assert not diagnostics(policy('  holiday yearly 02-29 "閏日" / "Leap day"\n'))


def test_open_overrides_a_yearly_holiday_for_its_date_only() -> None:
    cal = engine(policy(HOLIDAYS + "  open 2027-11-25\n"))
    assert cal.is_business_day(D(2027, 11, 25))
    assert not cal.is_business_day(D(2026, 11, 26)) and not cal.is_business_day(D(2028, 11, 23))


def test_a_one_off_holiday_names_its_date_and_the_yearly_one_the_others() -> None:
    text = policy(
        HOLIDAYS + '  holiday 2027-05-01 "特別休日" / "Special day"\n  holiday yearly 11-26 "二番目" / "Second"\n'
    )
    cal = engine(text)
    assert cal.holiday_name(D(2027, 5, 1), "en") == "Special day"
    assert cal.holiday_name(D(2028, 5, 1), "en") == "Founding day"
    assert cal.holiday_name(D(2026, 11, 26), "en") == "Thanksgiving"  # the first line that falls on it
    assert cal.holiday_name(D(2027, 11, 26), "en") == "Second"


def test_the_calendars_own_zone_decides_the_date() -> None:
    """A calendar with its own zone closes the day on its wall clock; the policy's zone only says the result."""
    text = policy(HOLIDAYS, head="  timezone America/New_York\n")
    pol = load_policy(text)
    cal = pol.calendar("business")
    assert not cal.is_business_day(D(2026, 11, 26))
    # Thursday 26 Nov 09:00 in Tokyo is Wednesday 25 Nov 19:00 in New York, after its close: the clock waits
    # over Thanksgiving (26 Nov in New York) to Friday 27 Nov 10:00 there, and ends four hours later
    due = pol.response_due("P1", dt.datetime(2026, 11, 26, 9, tzinfo=TOKYO))
    assert due == dt.datetime(2026, 11, 28, 4, tzinfo=TOKYO)
    assert due.utcoffset() == dt.timedelta(hours=9)
    # Thursday 26 Nov 06:00 in Tokyo is Wednesday 16:00 in New York: two hours that day, two on Friday
    due = pol.response_due("P1", dt.datetime(2026, 11, 26, 6, tzinfo=TOKYO))
    assert due == dt.datetime(2026, 11, 28, 2, tzinfo=TOKYO)
    # the same calendar on Tokyo time: Thanksgiving is 26 Nov in Tokyo
    tokyo = load_policy(policy()).calendar("business")
    assert not tokyo.is_business_day(D(2026, 11, 26)) and tokyo.is_business_day(D(2026, 11, 25))


# -- every path that reads the calendar ---------------------------------------------------------------------


def test_a_response_due_moves_past_the_holiday() -> None:
    pol = load_policy(policy())
    # Wednesday 25 Nov 16:00: two hours that day, none on Thanksgiving, two on Friday
    assert pol.response_due("P1", "2026-11-25T16:00:00+09:00") == dt.datetime(2026, 11, 27, 12, tzinfo=TOKYO)
    # Friday 22 May 2026 16:00: two hours, the weekend, Memorial Day (Monday 25), two on Tuesday
    assert pol.response_due("P1", "2026-05-22T16:00:00+09:00") == dt.datetime(2026, 5, 26, 12, tzinfo=TOKYO)
    cal = pol.calendar("business")
    assert cal.next_business_day(D(2026, 11, 25)) == D(2026, 11, 27)
    start, end = dt.datetime(2026, 11, 26, tzinfo=TOKYO), dt.datetime(2026, 11, 27, tzinfo=TOKYO)
    assert cal.between(start, end) == dt.timedelta(0)


MAINTENANCE = """
maintenance regular "定期メンテナンス" / "Regular maintenance" {
  every month on 4th thu, 22:00-24:00
  if not a business day: next business day
  calendar business
  notice none
}
"""


def test_a_maintenance_window_rolls_off_it_and_says_why() -> None:
    pol = load_policy(policy(tail=MAINTENANCE))
    (window,) = pol.maintenance_windows("2026-11-01", "2026-12-01")
    assert (window.scheduled, window.day, window.moved) == (D(2026, 11, 26), D(2026, 11, 27), True)
    assert (window.reason, window.reason_ja) == ("Thanksgiving", "感謝祭")


EVENTS = (
    '{"event": "incident.reported", "at": "2026-11-25T16:00:00+09:00", "id": "INC-1", "priority": "P1"}\n'
    '{"event": "incident.responded", "at": "2026-11-27T11:30:00+09:00", "id": "INC-1"}\n'
    '{"event": "incident.reported", "at": "2026-11-25T17:00:00+09:00", "id": "INC-2", "priority": "P1"}\n'
    '{"event": "incident.responded", "at": "2026-11-27T13:30:00+09:00", "id": "INC-2"}\n'
)


def test_evaluate_and_explain_judge_over_the_holiday(tmp_path: Path) -> None:
    (tmp_path / "p.sla").write_text(policy(), "utf-8")
    (tmp_path / "e.jsonl").write_text(EVENTS, "utf-8")
    run = sla(
        "evaluate", "p.sla", "e.jsonl", "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json", cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    rows = {r["id"]: r for r in json.loads(run.stdout)["incidents"]}
    assert rows["INC-1"]["response_due"] == "2026-11-27T12:00:00+09:00" and rows["INC-1"]["status"] == "met"
    assert rows["INC-2"]["response_due"] == "2026-11-27T13:00:00+09:00" and rows["INC-2"]["status"] == "breached"
    steps = [s["text"] for s in rows["INC-1"]["explain"]]
    assert "Thu 26 Nov: Thanksgiving, not a business day" in steps
    for lang, due in (("en", "Fri 27 Nov 12:00"), ("ja", "11月27日(金) 12:00")):
        run = sla("explain", "p.sla", "e.jsonl", "INC-1", "--lang", lang, cwd=tmp_path)
        assert run.returncode == 0 and due in run.stdout, run.stdout + run.stderr


def test_sla_calendar_marks_and_names_it(tmp_path: Path) -> None:
    (tmp_path / "p.sla").write_text(policy(), "utf-8")
    for lang, name in (("en", "Thanksgiving"), ("ja", "感謝祭")):
        run = sla("calendar", "p.sla", "--month", "2026-11", "--lang", lang, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert re.search(r"\b26\*", run.stdout) and f"26* {name}" in run.stdout, run.stdout
    run = sla("calendar", "p.sla", "--month", "2026-11", "--format", "json", cwd=tmp_path)
    days = {d["date"]: d for d in json.loads(run.stdout)["days"]}
    assert days["2026-11-26"]["business_day"] is False and days["2026-11-26"]["holiday"] == "感謝祭"


def test_the_site_and_the_hover_name_it() -> None:
    cal = model(policy()).calendar("business")
    assert ct.exception_facts(cal, "ja") == [
        "創立記念日（毎年5月1日）",
        "感謝祭（毎年11月の第4木曜日）",
        "戦没者追悼記念日（毎年5月の最終月曜日）",
    ]
    assert ct.exception_facts(cal, "en") == [
        "Founding day (every year on May 1)",
        "Thanksgiving (every year on the 4th Thursday of November)",
        "Memorial Day (every year on the last Monday of May)",
    ]
    assert "3 closure rule(s)" in hover_calendar(cal, "en") and "休業日の規則 3 件" in hover_calendar(cal, "ja")


# -- the checks ------------------------------------------------------------------------------------------


def _one(text: str, code: str) -> Diagnostic:
    found = [d for d in diagnostics(text) if d.code == code]
    assert len(found) == 1, [d.header() for d in diagnostics(text)]
    (d,) = found
    assert d.help and d.help_text("ja"), d
    # the Japanese words hold no English outside the quoted syntax
    for said in (d.text("ja"), d.help_text("ja") or ""):
        assert not re.findall(r"[A-Za-z]{2,}", re.sub("`[^`]*`", "", said)), said
    return d


LINE = HEADER.count("\n") + 4  # the first line after `hours`


@pytest.mark.parametrize(
    ("line", "code", "column", "message", "help"),
    [
        ('holiday yearly 02-30 "a" / "b"', "E209", 18, "`02-30` is not a valid month and day", "MM-DD"),
        ('holiday yearly 13-01 "a" / "b"', "E209", 18, "`13-01` is not a valid month and day", "MM-DD"),
        ('holiday yearly 4th thu of november "a" / "b"', "E210", 29, "unknown month `november`", "write `nov`"),
        ('holiday yearly 4th thu of nvo "a" / "b"', "E210", 29, "unknown month `nvo`", "did you mean `nov`?"),
        ('holiday yearly last mon of mayy "a" / "b"', "E210", 30, "unknown month `mayy`", "write `may`"),
        ('holiday yearly 4th thursday of nov "a" / "b"', "E210", 22, "unknown weekday `thursday`", "write `thu`"),
        ('holiday yearly 6th thu of nov "a" / "b"', "E213", 18, "no `6th` weekday", "1st to 5th, or `last`"),
        ('holiday yearly 4nd thu of nov "a" / "b"', "E213", 18, "`4nd` is not spelt as its number", "write `4th`"),
    ],
)
def test_a_wrong_day_is_located_with_the_line_to_write(
    line: str, code: str, column: int, message: str, help: str
) -> None:
    d = _one(policy(f"  {line}\n"), code)
    assert (d.span.line, d.span.column) == (LINE, column) and d.is_error
    assert message in d.message and help in (d.help or ""), d


def test_a_day_without_its_name_or_its_of_is_a_syntax_error_that_shows_the_forms() -> None:
    errors = [d for d in diagnostics(policy('  holiday yearly 4th thu nov "a" / "b"\n')) if d.is_error]
    assert errors and errors[0].code == "E011", errors
    assert 'holiday yearly 4th thu of nov "感謝祭" / "Thanksgiving"' in (errors[0].help or "")
    # a day without its name: at the end of its line, with the line to write
    errors = [d for d in diagnostics(policy("  holiday yearly 05-01\n")) if d.is_error]
    assert errors and errors[0].code == "E011", errors
    assert (errors[0].span.line, errors[0].span.column) == (LINE, len("  holiday yearly 05-01") + 1)
    assert errors[0].message == "the `holiday` line has no name"
    assert '`holiday yearly 05-01 "' in (errors[0].help or "")
    d = _one(policy('  holiday yearly 05-01 "創立記念日"\n'), "E263")  # every declared language, as `holiday`
    assert d.span.line == LINE


def test_a_yearly_holiday_written_twice_is_w232() -> None:
    text = policy(HOLIDAYS + '  holiday yearly 5-1 "創立記念日" / "Founding day"\n')
    d = _one(text, "W232")
    assert d.span.line == LINE + 3 and not d.is_error
    assert d.message == "calendar `business`: yearly holiday `05-01` is named twice"
    assert d.help == f"keep one (the first is on line {LINE})"
    assert d.text("ja") == "カレンダー `business`：毎年の祝日 `05-01` に名前が二度付けられています"
    d = _one(policy(HOLIDAYS + '  holiday yearly last mon of may "x" / "y"\n'), "W232")
    assert "`last mon of may`" in d.message and d.help == f"keep one (the first is on line {LINE + 2})"


def test_a_one_off_holiday_on_a_yearly_one_is_w232() -> None:
    d = _one(policy(HOLIDAYS + '  holiday 2027-11-25 "感謝祭" / "Thanksgiving"\n'), "W232")
    assert d.span.line == LINE + 3
    assert d.message == "calendar `business`: holiday `2027-11-25` is the day of yearly holiday `4th thu of nov`"
    assert f"`holiday yearly 4th thu of nov` on line {LINE + 1}" in (d.help or "")
    assert "remove this line" in (d.help or "") and "この行を削除してください" in (d.help_text("ja") or "")
    assert not [x for x in diagnostics(policy(HOLIDAYS + '  holiday 2027-11-26 "翌日" / "Next day"\n'))]


def test_date_hours_on_a_yearly_holiday_are_e232_as_on_a_one_off_one() -> None:
    d = _one(policy(HOLIDAYS + "  hours 2026-05-25 10:00-12:00\n"), "E232")
    assert d.span.line == LINE + 3 and "(holiday on line" in d.message and f"line {LINE + 2})" in d.message
    assert "`open 2026-05-25`" in (d.help or "")
    d = _one(policy(HOLIDAYS + "  closed 2028-05-01 13:00-18:00\n"), "E232")
    assert f"(holiday on line {LINE})" in d.message
    # worked all the same with `open`: no diagnostic, and the date's own hours
    text = policy(HOLIDAYS + "  open 2026-05-25\n  hours 2026-05-25 10:00-12:00\n")
    assert not diagnostics(text)
    assert engine(text).hours_of(D(2026, 5, 25)) == [(600, 720)]


def test_a_calendar_only_closed_by_yearly_holidays_is_still_checked_as_one() -> None:
    text = policy(HOLIDAYS).replace("  days mon..fri\n", "  days thu\n")
    cal = engine(text)
    assert not cal.is_business_day(D(2026, 11, 26)) and cal.next_business_day(D(2026, 11, 19)) == D(2026, 12, 3)


# -- fmt and diff ------------------------------------------------------------------------------------------


def test_fmt_prints_the_canonical_form_and_keeps_the_model() -> None:
    messy = policy(
        '     holiday   yearly 5-1 "創立記念日" /   "Founding day"   # founded 1998\n'
        '  holiday yearly\n     4th thu of nov "感謝祭" / "Thanksgiving"\n'
        '  holiday yearly last   mon of   may "戦没者追悼記念日" / "Memorial Day"\n'
    )
    once = format_text(messy)
    assert '  holiday yearly 05-01 "創立記念日" / "Founding day"  # founded 1998\n' in once
    assert '  holiday yearly 4th thu of nov "感謝祭" / "Thanksgiving"\n' in once
    assert '  holiday yearly last mon of may "戦没者追悼記念日" / "Memorial Day"\n' in once
    assert format_text(once) == once
    assert m.meaning(model(once)) == m.meaning(model(messy))
    assert format_text(policy()) == policy()


def _diff(old: str, new: str, lang: str, markdown: bool = False) -> str:
    a, b = model(old), model(new)
    changes = diff_models(a, b)
    assert changes, "no change found"
    return (render_markdown if markdown else render_text)(a, b, changes, lang)  # type: ignore[arg-type]


def test_diff_names_every_company_closure_alike_in_english() -> None:
    """A named holiday is a company closure with a name (``休業日`` in Japanese throughout): English called it
    a named holiday beside the company closure days of ``closed``, two words for one concept."""
    added = policy('  holiday 2026-11-27 "創立記念日" / "Founding day"\n  closed yearly 12-29..01-03\n')
    text = _diff(policy(""), added, "en")
    assert "Business hours named company closure days: none -> " in text
    assert "Business hours yearly company closure days: none -> December 29 to January 3" in text
    assert "holidays" not in text.replace("public holidays", "")
    text = _diff(policy(""), added, "ja")
    assert "営業時間の名前のある会社独自の休業日：なし → " in text
    assert "営業時間の会社独自の毎年の休業日：なし → " in text


def test_diff_says_a_yearly_holiday_added_removed_and_renamed_in_both_languages() -> None:
    base = policy('  holiday yearly 05-01 "創立記念日" / "Founding day"\n')
    added = policy(HOLIDAYS)
    renamed = policy('  holiday yearly 05-01 "設立記念日" / "Foundation day"\n')
    removed = policy("")
    text = _diff(base, added, "en")
    assert (
        'Business hours yearly named company closure days: every year on May 1 "Founding day" -> every year on May 1'
        in text
    )
    assert 'every year on the 4th Thursday of November "Thanksgiving"' in text
    assert 'every year on the last Monday of May "Memorial Day"' in text
    text = _diff(base, added, "ja")
    assert "営業時間の名前のある会社独自の毎年の休業日：毎年5月1日「創立記念日」 → " in text
    assert "毎年11月の第4木曜日「感謝祭」" in text and "毎年5月の最終月曜日「戦没者追悼記念日」" in text
    notice = _diff(base, added, "en", markdown=True)
    assert 'every year on May 1 "Founding day" -> every year on May 1 "Founding day", ' in notice
    assert (
        _diff(base, renamed, "en")
        .strip()
        .endswith(
            'yearly named company closure days: every year on May 1 "Founding day" -> '
            'every year on May 1 "Foundation day"'
        )
    )
    assert "毎年5月1日「創立記念日」 → 毎年5月1日「設立記念日」" in _diff(base, renamed, "ja")
    assert 'every year on May 1 "Founding day" -> none' in _diff(base, removed, "en")
    assert "毎年5月1日「創立記念日」 → なし" in _diff(base, removed, "ja")
    # the same holidays in another order, or written another way, are no change
    reordered = policy("".join(reversed(HOLIDAYS.splitlines(keepends=True))))
    assert diff_models(model(added), model(reordered)) == []


# -- editors -----------------------------------------------------------------------------------------------


def test_completion_offers_weekdays_then_months() -> None:
    text = policy('  holiday yearly 4th thu of nov "感謝祭" / "Thanksgiving"\n')
    docs = Documents()
    docs.open("u", text)
    row = text.split("\n").index('  holiday yearly 4th thu of nov "感謝祭" / "Thanksgiving"')

    def offered(col: int) -> list[str]:
        return [i.label for i in completion_items(docs, "u", t.Position(line=row, character=col))]

    assert offered(len("  holiday yearly 4th ")) == [w.value for w in m.Weekday]
    assert offered(len("  holiday yearly 4th thu of ")) == list(m.MONTHS)


def test_the_highlighters_colour_months_as_weekdays() -> None:
    kinds = {v: tok for tok, v in SlaLexer().get_tokens('holiday yearly 4th thu of nov "x"') if v.strip()}
    assert kinds["nov"] in Name.Constant and kinds["thu"] in Name.Constant
    grammar = json.loads((Path(__file__).resolve().parents[2] / "editors" / "sla.tmLanguage.json").read_text("utf-8"))
    (month,) = [p for p in grammar["repository"]["literal"]["patterns"] if p["name"] == "support.constant.month.sla"]
    assert [w for w in "holiday yearly last mon of may".split() if re.fullmatch(month["match"], w)] == ["may"]


# -- the engine against the slow reference -----------------------------------------------------------------

_YEARLY = st.one_of(
    st.builds(
        lambda d: m.YearlyHoliday(month=d.month, day=d.day, label=m.Label(en="fixed")),
        st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)),  # (a leap year: 02-29 among them)
    ),
    st.builds(
        lambda mo, n, w: m.YearlyHoliday(month=mo, nth=n, weekday=w, label=m.Label(en="nth")),
        st.integers(1, 12),
        st.sampled_from([1, 2, 3, 4, 5, -1]),
        st.sampled_from(list(m.Weekday)),
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_YEARLY, min_size=1, max_size=4),
    st.integers(2024, 2031),
    st.sampled_from(["Asia/Tokyo", "America/New_York"]),
    st.integers(0, 300 * 86400),
    st.integers(0, 40 * 3600),
)
def test_engine_agrees_with_the_reference(
    yearly: list[m.YearlyHoliday], year: int, zone: str, offset: int, seconds: int
) -> None:
    cal = m.Calendar(
        name="business",
        days=tuple(m.Weekday)[:6],
        hours=hours("09:00-12:00", "13:00-17:00"),
        yearly_holidays=tuple(yearly),
    )
    eng, ref = BusinessCalendar(cal, ZoneInfo(zone)), SlowCalendar(cal, zone)
    months = {h.month for h in yearly}
    for d in (D(year, 1, 1) + dt.timedelta(days=k) for k in range(366)):
        if d.year != year or d.month not in months:
            continue
        named = any(yearly_holiday_on(h, d) for h in yearly)
        assert (eng.holiday_name(d) is not None) == named, (d, yearly)
        assert eng.is_business_day(d) == ref.is_business_day(d) == (d.weekday() < 6 and not named), (d, yearly)
    start = dt.datetime(year, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=offset)
    delta = dt.timedelta(seconds=seconds)
    assert eng.add(start, delta).astimezone(dt.UTC) == ref.add(start, delta).astimezone(dt.UTC)
    assert eng.between(start, start + delta) == ref.between(start, start + delta)

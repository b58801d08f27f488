"""What ``sla check`` and the editor say about the same-day guideline on a calendar whose hours run
overnight, now that a clock is judged on the business day (the shift) it belongs to.

* W301 names a clock start the guideline covers: the cutoff of a day when that day's guideline covers it,
  never one judged on the day before's shift (there, past its own cutoff, the guideline does not apply).
  With hours ``20:00-08:00`` and ``30 hours before close``, Friday's cutoff (Friday 02:00) is in Thursday's
  shift: the check warned about it, though the evaluator never applies the guideline to such a clock;
  Monday's (Monday 02:00, Sunday closed) is covered, and the warning names it, as the evaluator has it.
  When no day's cutoff is covered (a shift every day), no clock is covered: no warning.
* The hover's example names a shift that closes after midnight by the day it starts on, the day its
  clocks are judged on (``Mon 7 Dec 2026's shift, closing Tue 8 Dec 06:00: by 04:00``), not by the date
  of its close.
"""

from __future__ import annotations

import datetime as dt
import re

import sla_dsl
from sla_dsl.authoring.hover import hover_text
from sla_dsl.policy.load import compile_text

NIGHT = """sla "Night" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages en
}
calendar night "Night shift" {
  days DAYS
  hours 20:00-08:00
}
priority P1 "P1" {
  respond within 20 night hours
  same day if received 30 hours before close of night
}
"""


def _w301(text: str) -> list[str]:
    return [d.message for d in sla_dsl.compile_policy(text).diagnostics if d.code == "W301"]


def test_w301_names_a_clock_the_guideline_covers() -> None:
    text = NIGHT.replace("DAYS", "mon..fri")
    (said,) = _w301(text)
    found = re.search(r"a clock starting \w+ (\S+ \S+) is due \w+ (\S+ \S+), not the same day", said)
    assert found is not None, said
    start, due = (
        dt.datetime.fromisoformat(x).replace(tzinfo=dt.timezone(dt.timedelta(hours=9))) for x in found.groups()
    )
    assert start == dt.datetime(2026, 1, 5, 2, tzinfo=start.tzinfo), said  # (Monday's cutoff)
    # the evaluator applies the guideline to a clock at that start, and the target falls due after its close
    events = [{"event": "incident.reported", "at": start.isoformat(), "id": "A", "priority": "P1"}]
    (row,) = sla_dsl.evaluate(sla_dsl.load_policy(text), events, "2026-01-01", "2026-02-01").incidents
    assert row.same_day is not None and row.same_day.applies, row.same_day
    assert row.response_due == due and row.same_day.due is not None and row.response_due > row.same_day.due


def test_no_w301_when_no_clock_is_covered() -> None:
    """A shift every day: each day's cutoff lies in the day before's shift, so the guideline covers no clock
    (the evaluator never applies it), and nothing it covers contradicts the target."""
    text = NIGHT.replace("DAYS", "mon..sun")
    assert _w301(text) == []
    starts = [dt.datetime(2026, 1, 5, tzinfo=dt.UTC) + k * dt.timedelta(minutes=20) for k in range(7 * 72)]
    events = [
        {"event": "incident.reported", "at": s.isoformat(), "id": f"A{k}", "priority": "P1"}
        for k, s in enumerate(starts)
    ]
    report = sla_dsl.evaluate(sla_dsl.load_policy(text), events, "2026-01-01", "2026-02-01")
    assert not any(r.same_day is not None and r.same_day.applies for r in report.incidents)


HOVER = """sla "H" {{
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages {lang}
}}
calendar night "夜間" / "Nights" {{ days mon..sun hours 22:00-06:00 }}
calendar business "営業時間" / "Business hours" {{ days mon..sun hours 09:00-18:00 }}
priority P1 "緊急" / "Urgent" {{
  respond within 1 night hour
  same day if received 2 hours before close of night
}}
priority P2 "緊急" / "Urgent" {{
  respond within 1 business hour
  same day if received 3 hours before close of business
}}
"""


def _hover(lang: str, needle: str) -> str:
    text = HOVER.format(lang=lang)
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors
    lines = text.split("\n")
    row = next(i for i, x in enumerate(lines) if needle in x)
    said = hover_text(compiled.model, text, row, lines[row].index(needle) + len(needle) - 1, lang)
    assert said is not None
    return said


_EN_DAY = r"(\w{3}) (\d+) (\w{3})"


def test_the_hover_names_a_night_shift_by_its_own_day() -> None:
    en = _hover("en", "received 2")
    found = re.search(rf"\({_EN_DAY} (\d{{4}})'s shift, closing {_EN_DAY} 06:00: by 04:00\)$", en)
    assert found is not None, en
    day = dt.datetime.strptime(" ".join(found.groups()[:4]), "%a %d %b %Y").date()
    after = day + dt.timedelta(days=1)
    assert found.groups()[4:] == (f"{after:%a}", str(after.day), f"{after:%b}"), en  # (closing the next date)
    ja = _hover("ja", "received 2")
    found_ja = re.search(
        r"（(\d{4})年(\d+)月(\d+)日\(.\)の営業日は (\d+)月(\d+)日\(.\) 06:00 に終業なので 04:00 まで）$", ja
    )
    assert found_ja is not None, ja
    assert not re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", ja)), ja
    # a day-time calendar's example is dated by its day, as before
    assert re.search(rf"\(on {_EN_DAY} \d{{4}}, closing 18:00: by 15:00\)$", _hover("en", "received 3"))

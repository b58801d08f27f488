"""A hover's worked example counts elapsed time as the evaluator does, across a change of the clocks too.

Before: a same-day guideline's cut-off and a planned stop's notice deadline were counted back from the
close or the stop by wall-clock arithmetic on an aware datetime, so across a change of offset they were an
hour off what the evaluator judges (elapsed time exactly, whatever the clock shows). On the night Berlin's
clocks go forward, ``5 hours before close of night`` of a shift closing Sun 29 Mar 2026 06:00 (+02:00)
said ``by 01:00`` where the evaluator's cut-off is 00:00 (+01:00); the night they go back, ``by 01:00`` where
it is 02:00 (+02:00), the first pass; and ``notice 7 days before start`` of a stop Fri 3 Apr 16:00 said
``by Fri 16:00`` where the evaluator's deadline is Fri 27 Mar 15:00. Now each hover states the instant the
evaluator uses (checked here against :func:`sla_dsl.evaluate`), a time of a change day with its offset;
Tokyo, which keeps one offset, reads as it did.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.authoring import hover as hover_module
from sla_dsl.authoring.hover import hover_text
from sla_dsl.docs.computed import cutoff as same_day_cutoff
from sla_dsl.policy.load import compile_text

POLICY = """sla "Clock changes" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone {zone}
  languages {languages}
}}

article 2 "対応目標" / "Targets"

calendar night "夜間" / "Night" [art 2] {{
  hours mon..sun 22:00-06:00
}}

planned stop "計画停止" / "Planned stops" [art 2] {{
  notice 7 days before start by email
}}

priority P1 "緊急" / "Urgent" [art 2] {{
  respond within 48 hours
  same day if received {lead} before close of night
  complete on incident.resolved
}}
"""

BERLIN = "Europe/Berlin"
TOKYO = "Asia/Tokyo"
SPRING = dt.date(2026, 3, 28)  # the Saturday before Berlin's clocks go forward (Sun 29 Mar 02:00 -> 03:00)
AUTUMN = dt.date(2026, 10, 24)  # the Saturday before they go back (Sun 25 Oct 03:00 -> 02:00)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def policy_text(zone: str, lead: str = "5 hours", languages: str = "en, ja") -> str:
    return POLICY.format(zone=zone, lead=lead, languages=languages)


def today_is(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """Make the hover's "today" ``day`` (noon UTC: the same date in Berlin and Tokyo)."""
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)

    class Fixed(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
            return noon.astimezone(tz) if tz is not None else noon.replace(tzinfo=None)

    shim = types.SimpleNamespace(**{k: getattr(dt, k) for k in dir(dt) if not k.startswith("__")})
    shim.datetime = Fixed
    monkeypatch.setattr(hover_module, "dt", shim)


def hover(text: str, needle: str, lang: str = "en") -> str:
    """The hover on the first character after ``needle`` (the first line holding it)."""
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.text("en") for d in compiled.errors]
    lines = text.split("\n")
    row = next(i for i, x in enumerate(lines) if needle in x)
    said = hover_text(compiled.model, text, row, lines[row].index(needle) + len(needle), lang)
    assert said is not None, needle
    return said


def instant(day: dt.date, hhmm: str, offset: str | None, zone: str) -> dt.datetime:
    """A time of ``day`` as a hover writes it (``00:00``, with ``+01:00`` when it says one) as an instant."""
    h, mi = map(int, hhmm.split(":"))
    wall = dt.datetime(day.year, day.month, day.day, h, mi, tzinfo=ZoneInfo(zone))
    if offset is None:
        return wall
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = map(int, offset[1:].split(":"))
    fixed = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    return wall.replace(tzinfo=fixed).astimezone(ZoneInfo(zone))


# ---- a same-day guideline's cut-off -----------------------------------------------------------------------

SHIFT = re.compile(
    r"closing \w{3} (\d+) (\w{3}) (\d\d:\d\d)(?: \(([+-]\d\d:\d\d)\))?: by (\d\d:\d\d)(?: \(([+-]\d\d:\d\d)\))?\)$"
)


def stated_cut_off(said: str, zone: str, year: int) -> dt.datetime:
    """The cut-off instant a shift's hover states (its time on the day of the close)."""
    hit = SHIFT.search(said)
    assert hit is not None, said
    day = dt.date(year, MONTHS.index(hit.group(2)) + 1, int(hit.group(1)))
    return instant(day, hit.group(5), hit.group(6), zone)


@pytest.mark.parametrize(
    ("zone", "today", "example"),
    [
        (BERLIN, SPRING, "(Sat 28 Mar 2026's shift, closing Sun 29 Mar 06:00 (+02:00): by 00:00 (+01:00))"),
        (BERLIN, AUTUMN, "(Sat 24 Oct 2026's shift, closing Sun 25 Oct 06:00 (+01:00): by 02:00 (+02:00))"),
        (TOKYO, SPRING, "(Sat 28 Mar 2026's shift, closing Sun 29 Mar 06:00: by 01:00)"),  # as it always said
    ],
)
def test_the_same_day_cut_off_is_the_evaluator_s(
    monkeypatch: pytest.MonkeyPatch, zone: str, today: dt.date, example: str
) -> None:
    today_is(monkeypatch, today)
    text = policy_text(zone)
    said = hover(text, "same day if received ")
    assert said.endswith(example), said
    cut = stated_cut_off(said, zone, today.year)
    # an incident whose clock starts at the cut-off is given the guideline by the evaluator, one a minute
    # later is not
    events = [
        {"event": "incident.reported", "at": at.isoformat(), "id": ident, "priority": "P1"}
        for ident, at in (("AT", cut), ("AFTER", cut + dt.timedelta(minutes=1)))
    ]
    report = sla_dsl.evaluate(sla_dsl.load_policy(text), events, f"{today.year}-01-01", f"{today.year + 1}-01-01")
    applies = {row.id: row.same_day.applies for row in report.incidents if row.same_day is not None}
    assert applies == {"AT": True, "AFTER": False}, (said, cut)


@pytest.mark.parametrize(("today", "cut"), [(SPRING, "00:00 (+01:00)"), (AUTUMN, "02:00 (+02:00)")])
def test_the_cut_off_in_japanese_says_its_offset_too(monkeypatch: pytest.MonkeyPatch, today: dt.date, cut: str) -> None:
    today_is(monkeypatch, today)
    said = hover(policy_text(BERLIN, languages="ja, en"), "same day if received ", "ja")
    assert said.endswith(f"に終業なので {cut} まで）"), said


@pytest.mark.parametrize("zone", [BERLIN, TOKYO])
@pytest.mark.parametrize("today", [SPRING, AUTUMN])
@pytest.mark.parametrize("lead", ["5 hours", "1 month", "3 night hours"])
def test_every_lead_agrees_with_the_sla_page_s_cut_off(
    monkeypatch: pytest.MonkeyPatch, zone: str, today: dt.date, lead: str
) -> None:
    """An elapsed lead in hours or months, and one in business time, as the evaluator's cut-off (the SLA
    page's worked one: :func:`sla_dsl.docs.computed.cutoff`) is counted."""
    today_is(monkeypatch, today)
    text = policy_text(zone, lead)
    said = hover(text, "same day if received ")
    policy = sla_dsl.load_policy(text)
    expected = same_day_cutoff(policy, policy.model.priorities[0], today)
    assert expected is not None
    hit = re.search(r": by (?:(\w{3}) (\d+) (\w{3}) (\d{4}) )?(\d\d:\d\d)(?: \(([+-]\d\d:\d\d)\))?\)$", said)
    assert hit is not None, said
    if hit.group(1):  # a cut-off on another day than the close's is written with its date
        day = dt.date(int(hit.group(4)), MONTHS.index(hit.group(3)) + 1, int(hit.group(2)))
    else:
        day = expected.close_at.date()
    assert instant(day, hit.group(5), hit.group(6), zone) == expected.example_start, (said, expected)


# ---- a planned stop's notice --------------------------------------------------------------------------------

NOTICE = re.compile(
    r"a stop starting \w{3} (\d\d:\d\d)(?: \(([+-]\d\d:\d\d)\))? (\d{4}-\d\d-\d\d) "
    r"needs notice by \w{3} (\d\d:\d\d)(?: \(([+-]\d\d:\d\d)\))? (\d{4}-\d\d-\d\d)$"
)


@pytest.mark.parametrize(
    ("zone", "today", "example"),
    [
        (BERLIN, SPRING, "a stop starting Fri 16:00 2026-04-03 needs notice by Fri 15:00 2026-03-27"),
        (BERLIN, AUTUMN, "a stop starting Fri 16:00 2026-10-30 needs notice by Fri 17:00 2026-10-23"),
        (TOKYO, SPRING, "a stop starting Fri 16:00 2026-04-03 needs notice by Fri 16:00 2026-03-27"),
    ],
)
def test_the_notice_deadline_is_the_evaluator_s(
    monkeypatch: pytest.MonkeyPatch, zone: str, today: dt.date, example: str
) -> None:
    today_is(monkeypatch, today)
    text = policy_text(zone)
    said = hover(text, "notice ")
    assert said.endswith(example), said
    hit = NOTICE.search(said)
    assert hit is not None, said
    start = instant(dt.date.fromisoformat(hit.group(3)), hit.group(1), hit.group(2), zone)
    deadline = instant(dt.date.fromisoformat(hit.group(6)), hit.group(4), hit.group(5), zone)
    event = {
        "event": "stop.announced",
        "at": deadline.isoformat(),
        "id": "S1",
        "channel": "email",
        "start": start.isoformat(),
        "end": (start + dt.timedelta(hours=2)).isoformat(),
    }
    report = sla_dsl.evaluate(sla_dsl.load_policy(text), [event], f"{today.year}-01-01", f"{today.year + 1}-01-01")
    [row] = report.planned_stops
    assert row.notice_deadline == deadline and row.notice_ok, (said, row.notice_deadline)

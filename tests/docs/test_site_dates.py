"""The site writes a date as the reports and the iCalendar feed do, with its year.

The policy page's maintenance table wrote ``2027年9月23日（木）`` (full-width parentheses) and
``Thu 2027-09-23``, where the reports and the site's own ``maintenance.ics`` write ``2027年9月23日(木)`` and
``Thu 23 Sep 2027`` (:func:`sla_dsl.i18n.format_date`; the i18n notes: half-width ``(月)`` after a date). The
site's dates now come from that function, with the year. These tests failed before the fix.
"""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from sla_dsl.docs import ical
from sla_dsl.docs import text as tx
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.i18n import format_date
from sla_dsl.policy import load_policy

from .conftest import ROOT
from .htmltables import tables

POLICY = ROOT / "policies/clicksoko.sla"
#: 2027-09-23 is Autumnal Equinox Day: the 4th-Thursday window moves to Fri 09-24
MONTH = dt.date(2027, 9, 1)


@pytest.mark.parametrize(
    ("lang", "day", "moment"),
    [("ja", "2027年9月23日(木)", "2027年9月23日(木) 22:00"), ("en", "Thu 23 Sep 2027", "Thu 23 Sep 2027 22:00")],
)
def test_a_date_and_a_time_read_as_the_reports_write_them(lang: str, day: str, moment: str) -> None:
    assert tx.date(dt.date(2027, 9, 23), lang) == day == format_date(dt.date(2027, 9, 23), lang)
    assert tx.moment(dt.datetime(2027, 9, 23, 22, 0), lang) == moment


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_maintenance_table_says_a_moved_window_as_the_feed_does(lang: str) -> None:
    policy = load_policy(POLICY)
    page = render_policy(policy, PageContext(lang=lang, source_url="", reference=MONTH, maintenance_count=1))
    (row,) = tables(page)["maintenance-windows"][1:]
    event = Calendar.from_ical(ical.maintenance_ics([policy], MONTH, lang)).walk("VEVENT")[0]  # (a year of them)
    assert row.cells[1] == format_date(event.decoded("dtstart").date(), lang), row
    assert row.cells[-1] == str(event["description"]), row  # "postponed from Thu 23 Sep 2027 (Autumnal Equinox Day)"

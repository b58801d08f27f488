"""Checks of calendar statements that need the compiled calendar (national holidays, real intervals).

Design notes
------------
* ``hours DATE ...`` on a national holiday of the calendar's holiday sets opens
  that day (the date's own hours win, as ``open`` does): warning W305, so that
  the reading is said, never silent; ``help:`` says how to confirm it.
* ``closed DATE HH:MM-HH:MM`` that leaves a day with no open time at all is a
  whole-day closure in disguise: warning W306 (the day still counts as a
  business day for ``next business day`` and ``by end of Nth business day``).
* Only dates the policy writes are looked at, each range at most ten years
  long, so the checks are bounded; dates outside the supported years are left
  to the arithmetic's own errors.
"""

from __future__ import annotations

import datetime as dt

from ..calendars.bounds import FIRST_DATE, LAST_DATE
from ..calendars.business import BusinessCalendar
from ..errors import InputError
from ..lang import model as m
from ..lang.diagnostics import Both, Diagnostic, Severity, diagnostic, words

__all__ = ["calendar_statements"]

_MAX_DAYS = 3660


def _dates(entry: m.DateHours) -> list[dt.date]:
    out = []
    for r in entry.dates:
        first, last = max(r.first, FIRST_DATE), min(r.last, LAST_DATE)
        out += [first + dt.timedelta(days=k) for k in range(min((last - first).days, _MAX_DAYS) + 1)]
    return out


def calendar_statements(cal: BusinessCalendar) -> list[Diagnostic]:
    """W305 and W306 for the date statements of one compiled calendar."""
    model = cal.model
    out: list[Diagnostic] = []
    try:
        for entry in model.date_hours:
            for d in _dates(entry):
                name = cal._holidays(d.year).get(d)
                if name is not None and not any(r.first <= d <= r.last for r in model.open):
                    holiday = Both(ja=name[1], en=name[0])
                    out.append(
                        diagnostic(
                            "W305",
                            words("diag.W305", name=model.name, statement=f"hours {d} ...", holiday=holiday),
                            entry.span,
                            help=words("diag.W305.help", open=f"open {d}"),
                            severity=Severity.WARNING,
                        )
                    )
                    break
        for entry in model.closed_hours:
            for d in _dates(entry):
                if cal.is_business_day(d) and not cal.open_intervals(d):
                    out.append(
                        diagnostic(
                            "W306",
                            words("diag.W306", name=model.name, statement=f"closed {d} ..."),
                            entry.span,
                            help=words("diag.W306.help", closed=f"closed {d}"),
                            severity=Severity.WARNING,
                        )
                    )
                    break
    except InputError:  # a calendar the language stage refuses: reported there
        return []
    return out

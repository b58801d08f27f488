"""The site's ``maintenance.ics``: the next windows from the build date, as an iCalendar feed.

Design notes
------------
* The feed is written by :func:`sla_dsl.report.ical.maintenance_ics` (the
  same writer as ``sla maintenance --format ics``); this module only chooses
  the windows: a year of them from the reference date, in the language asked
  for (the plugin writes one feed per language of the site).
"""

from __future__ import annotations

import datetime as dt

from ..policy.compiled import Policy
from ..report.ical import maintenance_ics as _write

__all__ = ["maintenance_ics"]


def maintenance_ics(policy: Policy, reference: dt.date, lang: str = "ja") -> str:
    """A year of ``policy``'s maintenance windows from ``reference``, as iCalendar text."""
    end = reference + dt.timedelta(days=366)
    windows = policy.maintenance_windows(reference, end)
    stamp = dt.datetime.combine(reference, dt.time(0), policy.tz)
    return _write(policy, windows, lang, stamp).decode("utf-8")

"""The site's ``maintenance.ics``: the next windows from the build date, as an iCalendar feed.

Design notes
------------
* The feed is written by :func:`sla_dsl.report.ical.maintenance_ics` (the
  same writer as ``sla maintenance --format ics``); this module only chooses
  the windows: a year of them from the reference date, in the language asked
  for (the plugin writes one feed per language of the site).
* Versions (Article 5): given every version of a policy, each window comes from
  the version in force at its start (:func:`windows_in_force`), as the
  evaluator decides which windows excuse an outage: every version's windows,
  each kept only where :meth:`Versions.at <sla_dsl.evaluation.common.Versions.at>`
  of its start is that version (the earliest version also before its date). So
  a change of the maintenance day published ahead of its date leaves the
  windows before that date on the old day, in the feed as in ``sla evaluate``.
  Each window is named by its own version's label of its rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Calendar

from ..calendars.recurrence import Window
from ..evaluation.common import Versions
from ..policy.compiled import Policy
from ..report.ical import maintenance_ics as _write
from ..report.ical import text as ics_text

__all__ = ["maintenance_ics", "windows_in_force"]


def windows_in_force(
    policies: Policy | Sequence[Policy], start: dt.date | dt.datetime, end: dt.date | dt.datetime
) -> list[tuple[Policy, Window]]:
    """The regular-maintenance windows that start in [start, end), each with the version it comes from: the
    version in force at its start, as the evaluator counts it (see the module's notes); by start.

    A set of versions the evaluator refuses (two of one day, another time zone) is refused the same way
    (:class:`~sla_dsl.errors.InputError`)."""
    versions = Versions([policies] if isinstance(policies, Policy) else list(policies))
    found: list[tuple[Policy, Window]] = []
    for rules in versions.rules:
        for w in rules.policy.maintenance_windows(start, end):
            if versions.at(w.start.timestamp()) is rules:
                found.append((rules.policy, w))
    found.sort(key=lambda pw: (pw[1].start.timestamp(), pw[1].end.timestamp()))
    return found


def maintenance_ics(policies: Policy | Sequence[Policy], reference: dt.date, lang: str = "ja") -> str:
    """A year of maintenance windows from ``reference``, as iCalendar text: of ``policies`` (a policy, or
    every version of one), each window from the version in force at its start (:func:`windows_in_force`)."""
    given = [policies] if isinstance(policies, Policy) else list(policies)
    newest = max(given, key=lambda p: p.effective)
    end = reference + dt.timedelta(days=366)
    found = windows_in_force(given, reference, end)
    stamp = dt.datetime.combine(reference, dt.time(0), newest.tz)
    text = _write(newest, [w for _, w in found], lang, stamp).decode("utf-8")
    # a window of an earlier version by that version's label of its rule (the writer names each by the
    # newest's): found by its UID, the rule and the scheduled day
    said = {
        _uid(w): label
        for p, w in found
        if p is not newest and (label := _label(p, w.name, lang)) != _label(newest, w.name, lang)
    }
    if not said:
        return text
    feed = Calendar.from_ical(text)
    for event in feed.walk("VEVENT"):
        relabel = said.get(_uid_of(str(event["uid"])))
        if relabel is not None:
            event["summary"] = ics_text(relabel)
    return bytes(feed.to_ical()).decode("utf-8")


def _label(policy: Policy, name: str, lang: str) -> str:
    """A maintenance rule's label in ``lang`` (its name when it has none, as the writer says it)."""
    rule = next((mt for mt in policy.model.maintenance if mt.name == name), None)
    return (rule.label.text(lang) if rule is not None else "") or name


def _uid(w: Window) -> str:
    """The part of a window's UID that is the window's own (the writer's: rule and scheduled day)."""
    return f"{w.name}-{w.scheduled.isoformat()}"


def _uid_of(uid: str) -> str:
    return uid.partition("@")[0]

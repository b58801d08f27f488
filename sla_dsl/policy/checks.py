"""Checks of a policy that need its compiled calendars, handed to the language stage's checker.

Design notes
------------
* Every check here computes on real calendars from the effective date, so
  each is bounded by the supported years (:mod:`sla_dsl.calendars.bounds`):
  an effective date outside them is error E301 (at the header: the model
  keeps no span of the date itself) and nothing else is computed; the horizon
  of a check stops at the range's end; and a computation that would leave the
  range (a target so long that its deadline lies after it) is error E303 at
  that target. A check never raises: whatever goes wrong is a located
  diagnostic, so ``sla check`` and the language server always answer.
* A calendar that is never open is error E302 at its declaration: one with no
  days or no hours, or one whose every day is closed in the ten years after
  the effective date (the reach of the search for a next business day), so
  that the policy fails here rather than when an evaluation first needs it.
* The same-day guideline of a priority is checked by working out real
  deadlines: for each distinct shape of business day in the horizon, the last
  clock start the guideline covers must be due that same day (warning W301).
* Words come from the catalogue (``diag.E30x``, ``diag.W301``): a reason is
  chosen here from what was found (``diag.E302.why.no_days``; for E303, the
  kind of target whose deadline left the range), never an exception's English,
  and times are written the language's way (``diag.phrase.moment``).
"""

from __future__ import annotations

import datetime as dt

from ..calendars.bounds import FIRST_DATE, LAST_DATE, OutOfRangeError
from ..calendars.business import BusinessCalendar
from ..errors import InputError
from ..lang import model as m
from ..lang.diagnostics import Diagnostic, Severity, Words, diagnostic, listing, words
from ..lang.plain import CHECK_HORIZON_DAYS, as_timedelta
from .calendar_checks import calendar_statements
from .compiled import Policy

#: How far after the effective date a calendar must open at least once.
OPEN_WITHIN_YEARS = 10


#: The weekday phrases of :func:`_moment`, Monday first (``date.weekday()``).
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _warn(code: str, message: Words, span: m.Span, help: Words | None = None) -> Diagnostic:
    return diagnostic(code, message, span, help=help, severity=Severity.WARNING)


def _err(code: str, message: Words, span: m.Span, help: Words | None = None) -> Diagnostic:
    return diagnostic(code, message, span, help=help)


def _range() -> Words:
    """The supported years as a phrase: ``the supported years, 1900 to 2200``."""
    return words("diag.phrase.range", first=str(FIRST_DATE.year), last=str(LAST_DATE.year))


def _moment(t: dt.datetime) -> Words:
    """A wall-clock time as a phrase: ``Thu 2026-04-02 14:00`` / ``2026-04-02(木) 14:00``."""
    weekday = words(f"diag.phrase.weekday.{_WEEKDAYS[t.weekday()]}")
    return words("diag.phrase.moment", weekday=weekday, date=t.strftime("%Y-%m-%d"), time=t.strftime("%H:%M"))


def computed(model: m.PolicyModel) -> list[Diagnostic]:
    """Every check on compiled calendars, within the supported years (never raises for a bad policy)."""
    effective = model.header.effective
    if not FIRST_DATE <= effective <= LAST_DATE:
        return [
            _err(
                "E301",
                words("diag.E301", date=str(effective), range=_range()),
                model.header.span,
                help=words("diag.E301.help", first=str(FIRST_DATE), last=str(LAST_DATE)),
            )
        ]
    policy = Policy(model)
    closed = _never_open(model, policy)
    stated = [d for decl in model.calendars for d in _calendar_statements(policy, decl)]
    return list(closed.values()) + stated + same_day(model, policy, skip=set(closed))


def _calendar_statements(policy: Policy, decl: m.Calendar) -> list[Diagnostic]:
    if not (decl.date_hours or decl.closed_hours):
        return []
    try:
        return calendar_statements(policy.calendar(decl.name))
    except InputError:  # a calendar the language stage refuses (unknown holidays): reported there
        return []


def never_open(model: m.PolicyModel, policy: Policy | None = None) -> list[Diagnostic]:
    """A calendar with no days, no hours, or every day closed for ten years after the effective date."""
    return list(_never_open(model, policy or Policy(model)).values())


def _never_open(model: m.PolicyModel, policy: Policy) -> dict[str, Diagnostic]:
    """E302 by name of each calendar that is never open."""
    first = model.header.effective
    last = min(_add_years(first, OPEN_WITHIN_YEARS), LAST_DATE)
    out = {}
    for decl in model.calendars:
        if not decl.open_weekdays() and not decl.date_hours:
            why, help = words("diag.E302.why.no_days"), words("diag.E302.no_days.help", name=decl.name)
        elif not decl.has_hours:
            why, help = words("diag.E302.why.no_hours"), words("diag.E302.no_hours.help", name=decl.name)
        else:
            try:
                cal = policy.calendar(decl.name)
            except InputError:  # a calendar the language stage refuses (unknown holidays): reported there
                continue
            if _opens(cal, first, last):
                continue
            why = words("diag.E302.why.closed", first=str(first), last=str(last))
            help = words("diag.E302.closed.help")
        out[decl.name] = _err("E302", words("diag.E302", name=decl.name, why=why), decl.span, help=help)
    return out


def _opens(cal: BusinessCalendar, first: dt.date, last: dt.date) -> bool:
    """Whether ``cal`` has open hours on some day in ``[first, last]`` (stops at the first one)."""
    day = first
    while day <= last:
        if cal.is_business_day(day) and cal.open_intervals(day):
            return True
        day += dt.timedelta(days=1)
    return False


def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def same_day(model: m.PolicyModel, policy: Policy | None = None, skip: set[str] | None = None) -> list[Diagnostic]:
    """Work out real deadlines: the last clock start the guideline covers must be due that day.

    Business days whose open hours look the same on the wall clock give the same
    answer, so each distinct shape of day in the horizon is computed once. A
    deadline that cannot be worked out in the supported years is error E303 at
    the target. Guidelines on the calendars in ``skip`` (never open) are left alone.
    """
    policy = policy or Policy(model)
    out = []
    for prio in model.priorities:
        guide = prio.same_day
        if guide is None or guide.calendar in (skip or ()):
            continue
        try:
            found = _contradiction(model, policy, prio, guide)
        except OutOfRangeError:
            out.append(
                _err(
                    "E303",
                    words("diag.E303", pid=prio.id, reason=out_of_range(prio.target)),
                    prio.target.span,
                    help=words("diag.E303.help", range=_range()),
                )
            )
            continue
        if found is not None:
            out.append(found)
    return out


def out_of_range(target: m.Target) -> Words:
    """Why a deadline of ``target`` lies after the supported years, from the kind of target.

    A deadline only moves forward from a clock start inside the range, so the result is after it,
    counted on the business calendar or as elapsed time. (A count of business days too large for
    the range cannot be written: ``by end of Nth business day`` stops at 3650th.)
    """
    if isinstance(target, m.ByEndOf):
        return words("diag.E303.reason.calendar", calendar=target.calendar, range=_range())
    if target.duration.calendar is None:
        return words("diag.E303.reason.elapsed", duration=str(target.duration), range=_range())
    return words("diag.E303.reason.calendar", calendar=target.duration.calendar, range=_range())


def _contradiction(
    model: m.PolicyModel, policy: Policy, prio: m.Priority, guide: m.SameDayGuideline
) -> Diagnostic | None:
    """W301 for the first shape of day whose last covered clock start is not due the same day."""
    cal = policy.calendar(guide.calendar)
    day = model.header.effective
    shapes: set[tuple[tuple[str, str], ...]] = set()
    for _ in range(CHECK_HORIZON_DAYS):
        day += dt.timedelta(days=1)
        if day > LAST_DATE:
            break
        if not cal.is_business_day(day):
            continue
        intervals = cal.open_intervals(day)
        shape = tuple((a.strftime("%H:%M%z"), b.strftime("%H:%M%z")) for a, b in intervals)
        if not intervals or shape in shapes:
            continue
        # In UTC, so that the lead before close is counted back in exact seconds, as the
        # evaluator counts it (on a DST day wall-clock arithmetic lands an hour off).
        close = intervals[-1][1].astimezone(dt.UTC)
        lead = guide.before_close
        if lead.calendar is None:
            cutoff = close - as_timedelta(lead)
        else:  # business time counted back on the lead's calendar, as the evaluator counts it
            cutoff = policy.calendar(lead.calendar).add(close, -policy.duration_delta(lead)).astimezone(dt.UTC)
        # The guideline covers the clocks judged on the day (its day of receipt, ``day_of``) up to the
        # cutoff: those in its open time, the tail of an overnight shift after midnight included, and those
        # of its own date before its opening that the day before's shift does not hold (their target counts
        # from the opening). The cutoff, before the close, is the last of them when it is judged on the day;
        # else none is (it falls before the day's midnight, or in the day before's shift, as a lead longer
        # than a night shift's gap puts it), and a clock at it is judged on another day: no warning here, and
        # a later day of the same hours may still be one (the day before's hours differ).
        if cal.day_of(cutoff.timestamp()) != day:
            continue
        shapes.add(shape)
        cutoff = cutoff.astimezone(cal.tz)  # the message words it on the calendar's wall clock
        due = policy.due(prio.target, cutoff)
        if due > close:
            if isinstance(prio.target, m.ByEndOf):  # (due on a later business day: no lead helps)
                said = words("diag.W301.help.day_based", target=_day_target(prio.target))
            elif (needed := _hours_needed(policy, prio, cal, day)) is None:  # (the day is shorter than the target)
                # (the day's hours as a list in the message's language: ``10:00-12:00、13:00-18:00`` in Japanese)
                hours = listing((f"{a:%H:%M}-{b:%H:%M}" for a, b in intervals), ", ")
                said = words("diag.W301.help.short", hours=hours)
            else:
                example = f"same day if received {needed} before close of {guide.calendar}"
                said = words("diag.W301.help", example=example)
            return _warn(
                "W301", words("diag.W301", pid=prio.id, start=_moment(cutoff), due=_moment(due)), guide.span, help=said
            )
    return None


def _day_target(target: m.ByEndOf) -> str:
    """A day-based response target as written (``respond by end of 1st business day``)."""
    n = target.nth
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"respond by {'end' if target.at is None else target.at} of {n}{suffix} {target.calendar} day"


def _hours_needed(policy: Policy, prio: m.Priority, cal: BusinessCalendar, day: dt.date) -> str | None:
    """The smallest whole-hour lead before close that keeps the target the same day; None when none
    does (a clock before the opening is due as one at the opening, and that one is not)."""
    intervals = cal.open_intervals(day)
    close = intervals[-1][1].astimezone(dt.UTC)  # exact hours before it, as in _contradiction
    if policy.due(prio.target, intervals[0][0]) > close:
        return None
    for hours in range(1, 25):
        if policy.due(prio.target, close - dt.timedelta(hours=hours)) <= close:
            return f"{hours} hour{'s' if hours != 1 else ''}"
    return None  # pragma: no cover (a lead back to the opening is one)


DEEP_CHECKS = (computed,)

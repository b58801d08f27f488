"""The ``calendar`` declaration: parse tree to :class:`~sla_dsl.lang.model.Calendar`, with its own checks.

Design notes
------------
* Statements: ``days``; ``hours`` for every open day (the one-line form),
  for some weekdays (``hours sat 10:00-13:00``) or for some dates
  (``hours 2026-12-28 10:00-12:00``, replacing those dates' hours);
  ``closed`` for whole dates, yearly ranges or some hours of some dates;
  ``open`` dates; ``holidays`` sets; one-off named ``holiday`` dates and
  named ``holiday yearly`` days (a date, or the nth or last weekday of a
  month: ``4th thu of nov``); ``timezone``. Several ``hours`` lines may name the same weekday: its hours
  are the union of their ranges.
* The open weekdays are ``days`` when written, else the weekdays the ``hours``
  lines name. A weekday that ``days`` opens takes its own lines' hours, else
  the one-line ``hours``.
* Everything checkable from the text alone is checked here, each with a
  ``help:`` line: ranges of one day that overlap (``E202``, also an overnight
  range running into the next open day's first range), a weekday line for a
  day ``days`` does not open (``E231``), an open weekday without hours
  (``E233``), date hours or a partial closure on a date the calendar itself
  closes (``E232``), a date given hours twice (``E236``), an unknown zone
  (``E235``), a partial closure on a date that is not open (``W230``), a
  one-line ``hours`` no open day uses (``W231``), a holiday named twice
  (``W232``: a date or a yearly day written twice, or a one-off ``holiday`` on
  a date a ``holiday yearly`` line names already), a holiday region listed twice (``W203``, kept once), a weekday
  listed twice in ``days`` (``W202``, kept once). What
  needs real calendars (national holidays, whole days closed by partial
  closures, a calendar never open) is checked in :mod:`sla_dsl.policy.checks`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from lark import Token, Tree

from . import model as m
from .diagnostics import Severity, Words, listing, words
from .values import Invalid, _unquote, legacy_zone, unknown_statement, zone_error, zone_problem

if TYPE_CHECKING:
    from .values import ValueReader

__all__ = ["build_calendar"]

_WEEKDAYS = tuple(m.Weekday)


def build_calendar(r: ValueReader, decl: Tree[Token], name: Token, label: m.Label, ref: m.ArticleRef | None,
                   stmts: list[Tree[Token]]) -> m.Calendar:  # fmt: skip
    """The calendar of one ``calendar`` declaration (raises Invalid after reporting its errors)."""
    days: list[m.Weekday] = []
    hours: list[m.TimeRange] = []
    day_hours: list[m.DayHours] = []
    date_hours: list[m.DateHours] = []
    closed_hours: list[m.DateHours] = []
    hol: list[str] = []
    hol_line: dict[str, int] = {}  # each region's first line
    named: list[m.NamedHoliday] = []
    yearly_named: list[m.YearlyHoliday] = []
    closed: list[m.DateRange] = []
    yearly: list[m.YearlyRange] = []
    opened: list[m.DateRange] = []
    notes: list[m.Label] = []
    zone: str | None = None
    zone_stmt: Tree[Token] | None = None
    broken = False
    for st in stmts:
        try:
            if st.data == "c_days":
                for span_node in st.children:
                    if isinstance(span_node, Tree):
                        days.extend(r._day_span(span_node))
            elif st.data == "c_hours":
                ranges = tuple(r.time_range(c) for c in st.children if isinstance(c, Tree) and c.data == "time_range")
                lists = [c for c in st.children if isinstance(c, Tree) and c.data in ("day_list", "date_list")]
                if not lists:
                    hours.extend(ranges)
                elif lists[0].data == "day_list":
                    wds: list[m.Weekday] = []
                    for sp in lists[0].children:
                        if isinstance(sp, Tree):
                            wds.extend(r._day_span(sp))
                    day_hours.append(m.DayHours(days=tuple(dict.fromkeys(wds)), ranges=ranges, span=r.span(st)))
                else:
                    dates = tuple(r._date_span(sp) for sp in lists[0].children if isinstance(sp, Tree))
                    date_hours.append(m.DateHours(dates=dates, ranges=ranges, span=r.span(st)))
            elif st.data == "c_holidays":
                for tok in st.children:
                    if isinstance(tok, Token):
                        region = r.holiday_region(tok)
                        if region in hol_line:  # (kept once: the holidays are the same)
                            r.error(
                                "W203",
                                words("diag.W203", name=str(name), region=region),
                                tok,
                                help=words("diag.W203.help", line=str(hol_line[region])),
                                severity=Severity.WARNING,
                            )
                            continue
                        hol_line[region] = tok.line or 0
                        hol.append(region)
            elif st.data == "c_holiday":
                tok, lab = st.children
                assert isinstance(tok, Token) and isinstance(lab, Tree)
                named.append(m.NamedHoliday(date=r.date(tok), label=r.label(lab), span=r.span(st)))
            elif st.data == "c_holiday_yearly":
                day, lab = st.children
                assert isinstance(day, Tree) and isinstance(lab, Tree)
                yearly_named.append(r._yearly_day(day, r.label(lab), r.span(st)))
            elif st.data == "c_closed":
                spans = [c for c in st.children if isinstance(c, Tree) and c.data == "date_span"]
                trs = [c for c in st.children if isinstance(c, Tree) and c.data == "time_range"]
                dates = tuple(r._date_span(ds) for ds in spans)
                if trs:
                    closed_hours.append(
                        m.DateHours(dates=dates, ranges=tuple(r.time_range(t) for t in trs), span=r.span(st))
                    )
                else:
                    closed.extend(dates)
            elif st.data == "c_open":
                for ds in st.children:
                    if isinstance(ds, Tree):
                        opened.append(r._date_span(ds))
            elif st.data == "c_closed_yearly":
                for ys in st.children:
                    if isinstance(ys, Tree):
                        yearly.append(r._yearly_span(ys))
            elif st.data == "c_timezone":
                tok = st.children[0]
                assert isinstance(tok, Token)
                if zone_stmt is not None:
                    r.error(
                        "E212",
                        words("diag.E212", what="`timezone`"),
                        st,
                        help=words("diag.help.keep_one", line=str(r.span(zone_stmt).line)),
                    )
                zone_stmt = st
                zone = _unquote(tok) if tok.type == "STRING" else str(tok)
                problem = zone_problem(zone)
                if problem is not None:
                    r.error("E235", zone_error(zone, calendar=str(name)), tok, help=problem)
                    broken = True
                elif (legacy := legacy_zone(zone)) is not None:
                    r.error("W204", words("diag.W204", zone=zone), tok, help=legacy, severity=Severity.WARNING)
            elif st.data == "note":
                notes.append(r._note(st))
            else:
                raise unknown_statement(st)
        except Invalid:
            broken = True
    if len(set(days)) != len(days):
        twice = next(d for i, d in enumerate(days) if d in days[:i])  # (kept once: the repeat changes nothing)
        r.error(
            "W202", words("diag.W202"), name, help=words("diag.W202.help", day=twice.value), severity=Severity.WARNING
        )
    cal = m.Calendar(
        name=str(name),
        label=label,
        ref=ref,
        timezone=zone,
        days=tuple(dict.fromkeys(days)),
        hours=tuple(sorted(hours, key=lambda t: t.start.minutes)),
        day_hours=tuple(day_hours),
        date_hours=tuple(date_hours),
        closed_hours=tuple(closed_hours),
        holidays=tuple(hol),
        named_holidays=tuple(named),
        yearly_holidays=tuple(yearly_named),
        closed=tuple(closed),
        closed_yearly=tuple(yearly),
        open=tuple(opened),
        notes=tuple(notes),
        span=r.span(decl),
    )
    if _check(r, cal) or broken:
        raise Invalid()
    return cal


def _weekdays_text(days: Sequence[m.Weekday]) -> str:
    """Weekdays as a line writes them: runs of three or more as ``mon..fri``, others listed (``sat, sun``)."""
    parts: list[str] = []
    for a, b in m.weekday_runs(days):
        if b - a >= 2:
            parts.append(f"{_WEEKDAYS[a].value}..{_WEEKDAYS[b].value}")
        else:
            parts += [_WEEKDAYS[i].value for i in range(a, b + 1)]
    return ", ".join(parts)


def _two_lines_help(first: m.DayHours, second: m.DayHours) -> Words | None:
    """E202's help where two weekday lines name one weekday (``hours mon..sat 09:00-18:00`` and ``hours sat
    10:00-14:00``): their hours are added together, a later line does not replace an earlier one's, so
    the line naming more weekdays is written without the weekdays the other names (``hours mon..fri
    09:00-18:00``). None when it names no other (nothing to keep: the general help says to merge or move
    them)."""
    wider = max((first, second), key=lambda ln: (len(ln.days), ln.span.line))
    narrower = second if wider is first else first
    rest = [d for d in wider.days if d not in narrower.days]
    if not rest:
        return None
    both = _weekdays_text([d for d in wider.days if d in narrower.days])
    lines = [str(n) for n in sorted((first.span.line, second.span.line))]
    fix = f"hours {_weekdays_text(rest)} {', '.join(str(t) for t in wider.ranges)}"
    return words(
        "diag.E202.help.two_lines", days=both, first=lines[0], second=lines[1], line=str(wider.span.line), fix=fix
    )


def _check(r: ValueReader, cal: m.Calendar) -> bool:
    """Report what the text alone shows is wrong; True when an error was reported."""
    errors = 0

    def err(code: str, message: str | Words, span: m.Span, help: str | Words) -> None:
        nonlocal errors
        errors += 1
        r.error(code, message, span, help=help)

    def warn(code: str, message: str | Words, span: m.Span, help: str | Words) -> None:
        r.error(code, message, span, help=help, severity=Severity.WARNING)

    # weekday lines against `days`
    if cal.days:
        for line in cal.day_hours:
            extra = [w for w in line.days if w not in cal.days]
            if extra:
                days_text = listing((f"`{w.value}`" for w in extra), ", ")
                err(
                    "E231",
                    words("diag.E231", name=cal.name, days=days_text),
                    line.span,
                    words("diag.E231.help", days=days_text),
                )
    open_days = cal.open_weekdays()
    if cal.hours and cal.day_hours and all(any(w in ln.days for ln in cal.day_hours) for w in open_days):
        warn(
            "W231",
            words("diag.W231", name=cal.name, line=f"hours {', '.join(str(x) for x in cal.hours)}"),
            cal.hours[0].span,
            words("diag.W231.help"),
        )
    if cal.has_hours:
        for w in open_days:
            if not cal.weekday_ranges(w):
                err(
                    "E233",
                    words("diag.E233", name=cal.name, day=w.value),
                    cal.span,
                    words("diag.E233.help", example=f"hours {w.value} 10:00-18:00"),
                )
    # overlapping ranges: within a day, and an overnight range into the next open day
    reported: set[tuple[int, int, int, int]] = set()

    # the weekday line each range of a weekday line is written on (a range of one day overlapping one of
    # another line that names the same weekday: `hours mon..sat 09:00-18:00` and `hours sat 10:00-14:00`)
    line_of = {id(t): ln for ln in cal.day_hours for t in ln.ranges}

    def overlap(a: m.TimeRange, b: m.TimeRange, next_day: bool) -> None:
        key = (a.span.line, a.span.column, b.span.line, b.span.column)
        if key in reported:
            return
        reported.add(key)
        lines = (line_of.get(id(a)), line_of.get(id(b)))
        help = words("diag.E202.help")
        if not next_day and lines[0] is not None and lines[1] is not None and lines[0] is not lines[1]:
            help = _two_lines_help(lines[0], lines[1]) or help
        err(
            "E202",
            words("diag.E202.next_day" if next_day else "diag.E202", a=str(a), b=str(b)),
            b.span if not next_day else a.span,
            help,
        )

    def check_day(ranges: tuple[m.TimeRange, ...], following: tuple[m.TimeRange, ...]) -> None:
        ordered = sorted(ranges, key=lambda t: t.start.minutes)
        for a, b in itertools.pairwise(ordered):
            if b.start.minutes < a.end_minutes:
                overlap(a, b, False)
        for a in ordered:
            if a.overnight and following:
                first = min(following, key=lambda t: t.start.minutes)
                if first.start.minutes < a.end.minutes:
                    overlap(a, first, True)

    week = {w: cal.weekday_ranges(w) if w in open_days else () for w in _WEEKDAYS}
    for i, w in enumerate(_WEEKDAYS):
        check_day(week[w], week[_WEEKDAYS[(i + 1) % 7]])
    if not open_days and cal.hours:
        check_day(cal.hours, cal.hours)
    for entry in (*cal.date_hours, *cal.closed_hours):
        check_day(entry.ranges, ())
    # dates
    seen: dict[dt.date, m.DateHours] = {}
    for entry in cal.date_hours:
        for d in _dates(entry):
            if d in seen and seen[d] is not entry:
                err(
                    "E236",
                    words("diag.E236", name=cal.name, date=str(d)),
                    entry.span,
                    words("diag.E236.help", line=str(seen[d].span.line)),
                )
                break
            seen[d] = entry
    for entry in (*cal.date_hours, *cal.closed_hours):
        word = "hours" if entry in cal.date_hours else "closed"
        for d in _dates(entry):
            why = _whole_day_closure(cal, d)
            if why is not None:
                statement = f"{word} {d} ..."
                err(
                    "E232",
                    words("diag.E232", name=cal.name, statement=statement, why=why.words()),
                    entry.span,
                    words("diag.E232.hours.help", date=str(d), open=f"open {d}")
                    if word == "hours"
                    else words("diag.E232.closed.help", statement=statement),
                )
                break
    for entry in cal.closed_hours:
        for d in _dates(entry):
            if d not in seen and m.Weekday(_WEEKDAYS[d.weekday()]) not in open_days and not _opened(cal, d):
                warn(
                    "W230",
                    words("diag.W230", name=cal.name, closed=f"closed {d} ..."),
                    entry.span,
                    words("diag.W230.help"),
                )
                break
    for opened in cal.open:
        for d in _each(opened):
            if cal.has_hours and not cal.weekday_ranges(_WEEKDAYS[d.weekday()]) and d not in seen:
                err(
                    "E233",
                    words("diag.E233.open", name=cal.name, open=f"open {d}", day=_WEEKDAYS[d.weekday()].value),
                    opened.span,
                    words("diag.E233.open.help", example=f"hours {d} 10:00-18:00"),
                )
                break
    first_named: dict[dt.date, m.NamedHoliday] = {}
    for h in cal.named_holidays:
        if h.date in first_named:
            warn(
                "W232",
                words("diag.W232", name=cal.name, date=str(h.date)),
                h.span,
                words("diag.W232.help", line=str(first_named[h.date].span.line)),
            )
        first_named.setdefault(h.date, h)
    first_yearly: dict[str, m.YearlyHoliday] = {}
    for y in cal.yearly_holidays:
        if y.rule in first_yearly:
            warn(
                "W232",
                words("diag.W232.yearly", name=cal.name, rule=y.rule),
                y.span,
                words("diag.W232.help", line=str(first_yearly[y.rule].span.line)),
            )
        first_yearly.setdefault(y.rule, y)
    for h in first_named.values():
        covering = next((y for y in first_yearly.values() if y.date_in(h.date.year) == h.date), None)
        if covering is not None:
            warn(
                "W232",
                words("diag.W232.covered", name=cal.name, date=str(h.date), rule=covering.rule),
                h.span,
                words("diag.W232.covered.help", line=str(covering.span.line), date=str(h.date), rule=covering.rule),
            )
    return errors > 0


def _each(r: m.DateRange) -> list[dt.date]:
    n = min((r.last - r.first).days, 3660)
    return [r.first + dt.timedelta(days=k) for k in range(n + 1)]


def _dates(entry: m.DateHours) -> list[dt.date]:
    return [d for r in entry.dates for d in _each(r)]


def _opened(cal: m.Calendar, d: dt.date) -> bool:
    return any(r.first <= d <= r.last for r in cal.open)


class Closure(NamedTuple):
    """A statement that closes a whole day: its kind (``holiday``, ``closed``, ``closed_yearly``) and line."""

    kind: Literal["holiday", "closed", "closed_yearly"]
    line: int

    def words(self) -> Words:
        """The closure as a phrase of E232 (``holiday on line 12``)."""
        return words(f"diag.E232.why.{self.kind}", line=str(self.line))


def _whole_day_closure(cal: m.Calendar, d: dt.date) -> Closure | None:
    """The statement of ``cal`` that closes all of ``d`` (not national holidays), or None."""
    if _opened(cal, d):
        return None
    for h in cal.named_holidays:
        if h.date == d:
            return Closure("holiday", h.span.line)
    for h_yearly in cal.yearly_holidays:
        if h_yearly.date_in(d.year) == d:
            return Closure("holiday", h_yearly.span.line)
    for r in cal.closed:
        if r.first <= d <= r.last:
            return Closure("closed", r.span.line)
    key = (d.month, d.day)
    for y in cal.closed_yearly:
        inside = y.first <= key <= y.last if y.first <= y.last else (key >= y.first or key <= y.last)
        if inside:
            return Closure("closed_yearly", y.span.line)
    return None

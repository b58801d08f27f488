"""The compiled policy: the model plus its calendars, ready for arithmetic.

``Policy`` is what :func:`sla_dsl.load_policy` returns and what the evaluator
uses. It holds the checked :class:`~sla_dsl.lang.model.PolicyModel` and compiles each
business calendar once, lazily. All public methods take aware datetimes and
return aware datetimes in the policy's time zone, within the supported years
(:mod:`sla_dsl.calendars.bounds`): a time outside them, or a result that would
leave them, raises :class:`~sla_dsl.calendars.bounds.OutOfRangeError`.

Design notes
------------
* What a policy refuses (a priority, an attribute or a value it does not declare,
  no rule that applies, no business calendar) is written from the catalogue
  (``author.policy.*``, ``cli.unknown.priority``) in ``lang`` when the caller
  gives one (a command's ``--lang``), else in the policy's primary language; the
  :class:`~sla_dsl.errors.InputError` carries that language (a priority or a calendar it does not
  have: :class:`NotInPolicyError`, an InputError and a ``KeyError`` as it always was). So does every
  other refusal of its methods (:meth:`Policy._lang`): a time without an offset or that is no time, and a ``TypeError``
  for a value of another type (an attribute's value that is not text among them), and a time or a
  result outside the supported years: the calendars' :class:`~sla_dsl.calendars.bounds.OutOfRangeError`,
  worded by them in English (they know no policy), is raised again in that language from its words
  (:func:`_worded`; the same class, its ``lang`` set, ``None`` for English as every English refusal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cached_property
from zoneinfo import ZoneInfo

from ..calendars.bounds import RESULT, TIME, OutOfRangeError, check_span, check_time, range_words
from ..calendars.business import BusinessCalendar
from ..calendars.recurrence import Window, maintenance_windows
from ..calendars.timeargs import EXAMPLE, error_lang, parse_edge, readings
from ..errors import InputError, NaiveDatetimeError
from ..i18n import LANGS, message
from ..i18n.authoring import names
from ..lang import conditions
from ..lang import model as m
from ..lang.diagnostics import Diagnostic, policy_language, suggest, words
from ..lang.plain import Declared


class NoCalendarError(InputError, LookupError):
    """A question about business time asked of a policy that has no business calendar."""


class NotInPolicyError(InputError, KeyError):
    """A priority or a business calendar the policy does not have, named with those it has: an error the
    package raises on purpose (an :class:`~sla_dsl.errors.InputError`), and a ``KeyError`` as it always
    was, so that ``except KeyError`` still catches it. Its text is its message, without the quotes
    ``str()`` of a ``KeyError`` puts around it."""

    def __str__(self) -> str:
        return BaseException.__str__(self)


class Policy:
    """A compiled policy."""

    def __init__(
        self, model: m.PolicyModel, path: str | None = None, sha256: str | None = None, source: str | None = None
    ) -> None:
        self.model = model
        self.path = path
        #: the SHA-256 (hex) of the policy's text as read: a file's bytes (``sha256sum`` of it), a text's
        #: UTF-8 bytes (:mod:`sla_dsl.lang.source`); ``None`` for a policy built from a model alone
        self.sha256 = sha256
        #: the text the model was compiled from, as the reader gave it (a byte-order mark dropped, line ends
        #: ``\n``: :mod:`sla_dsl.lang.source`): what ``sla serve`` records as served, never its file read
        #: again, which may have been saved since; ``None`` for a policy built from a model alone
        self.source = source
        self._calendars: dict[str, BusinessCalendar] = {}
        self.warnings: list[Diagnostic] = []

    # -- identity ---------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.model.header.name

    @property
    def version(self) -> str:
        return self.model.header.version

    @property
    def effective(self) -> dt.date:
        return self.model.header.effective

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.model.header.timezone)

    @property
    def event_types(self) -> frozenset[str]:
        """The event types this policy declares next to the contract's (``event incident.chat_started ...``):
        its relabels of the contract's types (``event incident.responded "…" / "…"``) declare none."""
        return frozenset(e.name for e in self.model.declared_events)

    @property
    def relabels(self) -> dict[str, m.Label]:
        """The policy's words for contract event types it relabels, by type (``incident.responded``): what
        a person reads in place of the contract's words; the type's meaning is the contract's."""
        out: dict[str, m.Label] = {}
        for e in self.model.event_types:
            if e.relabels:
                out.setdefault(e.name, e.label)
        return out

    def __repr__(self) -> str:
        return f"Policy({self.name!r}, version={self.version!r})"

    # -- calendars --------------------------------------------------------------
    def calendar(self, name: str | None = None) -> BusinessCalendar:
        """The compiled business calendar ``name`` (default: the response clock's); KeyError naming the
        policy's calendars, in its primary language, if it has none of that name."""
        if name is None:
            name = self.default_calendar_name
        cal = self._calendars.get(name)
        if cal is None:
            try:
                model = self.model.calendar(name)
            except KeyError:
                said = policy_language(self.model)
                known = message("author.sep.list", said).join(c.name for c in self.model.calendars)
                unknown = message("cli.unknown.calendar", said, name=name, known=known or "-")
                raise NotInPolicyError(unknown, lang=error_lang(said)) from None
            cal = BusinessCalendar(model, self.tz)
            self._calendars[name] = cal
        return cal

    @cached_property
    def default_calendar_name(self) -> str:
        """The calendar that business durations of the priorities count on."""
        for p in self.model.priorities:
            if isinstance(p.target, m.Within) and p.target.duration.calendar:
                return p.target.duration.calendar
            if isinstance(p.target, m.ByEndOf):
                return p.target.calendar
        for cal in self.model.calendars:
            if cal.has_hours:
                return cal.name
        lang = policy_language(self.model)
        example = "`calendar business { days mon..fri  hours 09:00-17:00 }`"
        raise NoCalendarError(message("author.policy.no_calendar", lang, example=example), lang=lang)

    def _lang(self, lang: str | None = None) -> str:
        """The language of this policy's refusals: ``lang`` when the caller gives one, else its primary one; a
        ``lang`` that is none of the languages the messages are written in is a ValueError naming them (in the
        primary language), never quietly English."""
        if lang is None:
            return policy_language(self.model)
        if lang not in LANGS:
            primary = policy_language(self.model)
            known = message("author.sep.list", primary).join(f'`"{k}"`' for k in LANGS)
            raise ValueError(message("author.policy.lang_value", primary, given=repr(lang), known=known))
        return lang

    def _aware(self, t: dt.datetime | str, lang: str = "en") -> dt.datetime:
        """``t`` in the policy's zone: an aware datetime, or ISO 8601 text with an offset (as the
        commands read times); a naive one, bad text or a time outside the supported years is refused,
        any other type is a TypeError naming it (in ``lang``)."""
        said = error_lang(lang)
        text: str | None = None
        if isinstance(t, str):
            text = t
            try:
                t = dt.datetime.fromisoformat(text.strip())
            except ValueError:
                raise InputError(
                    message("author.policy.not_instant", lang, text=text, example=EXAMPLE), lang=said
                ) from None
        elif not isinstance(t, dt.datetime):
            raise TypeError(message("author.policy.time_type", lang, kind=type(t).__name__))
        if t.tzinfo is None or t.utcoffset() is None:
            if text is not None:  # (the example: the text with the offset it has in the policy's zone)
                shown = readings(t.replace(tzinfo=None), self.tz)
                example = shown[0].isoformat() if len(shown) == 1 else EXAMPLE
                raise NaiveDatetimeError(
                    message("author.policy.no_offset", lang, text=text, example=example), lang=said
                )
            naive = message("author.policy.naive", lang, text=t.isoformat(), example="tzinfo=policy.tz")
            raise NaiveDatetimeError(naive, lang=said)
        return check_time(t, TIME, text).astimezone(self.tz)

    def _edge(self, t: dt.datetime | dt.date | str, what: str, lang: str = "en") -> dt.datetime | dt.date:
        """A period edge as given, its text read as the commands read ``--from``; another type refused."""
        if isinstance(t, str):
            try:
                return parse_edge(t, self.tz, what, lang)
            except OutOfRangeError as exc:  # (in the refusals' language, as every time outside the years)
                raise _worded(exc, lang) from None
        if not isinstance(t, dt.date):
            raise TypeError(message("author.policy.edge_type", lang, what=what, kind=type(t).__name__))
        if isinstance(t, dt.datetime) and (t.tzinfo is None or t.utcoffset() is None):  # (as :meth:`_aware`)
            naive = message("author.policy.naive", lang, text=t.isoformat(), example="tzinfo=policy.tz")
            raise NaiveDatetimeError(naive, lang=error_lang(lang))
        return t

    # -- the contract's operations ----------------------------------------------
    def duration_delta(self, d: m.Duration) -> dt.timedelta:
        """A business duration as an amount of business time (1 business day = its hours)."""
        cal = self.calendar(d.calendar)
        try:
            return cal.business_delta(d.amount, d.unit)
        except OutOfRangeError as exc:
            raise _worded(exc, self._lang()) from None

    def add_business_time(self, t: dt.datetime | str, delta: dt.timedelta, calendar: str | None = None) -> dt.datetime:
        """The earliest instant at which ``delta`` of business time has passed since ``t``."""
        said = self._lang()
        if not isinstance(delta, dt.timedelta):
            raise TypeError(message("author.policy.delta_type", said, kind=type(delta).__name__))
        try:
            return check_time(self.calendar(calendar).add(self._aware(t, said), delta).astimezone(self.tz), RESULT)
        except OutOfRangeError as exc:
            raise _worded(exc, said) from None

    def business_time_between(
        self, t1: dt.datetime | str, t2: dt.datetime | str, calendar: str | None = None
    ) -> dt.timedelta:
        """Business time in [t1, t2) (negative when t2 < t1)."""
        said = self._lang()
        try:
            return self.calendar(calendar).between(self._aware(t1, said), self._aware(t2, said))
        except OutOfRangeError as exc:
            raise _worded(exc, said) from None

    def is_business_time(self, t: dt.datetime | str, calendar: str | None = None) -> bool:
        """Whether ``t`` falls inside business hours (open instant included, close excluded)."""
        said = self._lang()
        try:
            return self.calendar(calendar).is_business_time(self._aware(t, said))
        except OutOfRangeError as exc:
            raise _worded(exc, said) from None

    def next_business_day(self, d: dt.date, calendar: str | None = None) -> dt.date:
        """The first business day strictly after the date ``d`` (a datetime or another type: TypeError)."""
        said = self._lang()
        if not isinstance(d, dt.date) or isinstance(d, dt.datetime):
            raise TypeError(message("author.policy.date_type", said, kind=type(d).__name__))
        try:
            return self.calendar(calendar).next_business_day(d)
        except OutOfRangeError as exc:
            raise _worded(exc, said) from None

    def priority(self, pid: str, attributes: Mapping[str, str] | None = None, lang: str | None = None) -> m.Priority:
        """The rule of priority ``pid`` for an incident with ``attributes`` (declared defaults for those
        not given): the first in file order whose ``when`` holds. KeyError naming the known ids if absent;
        InputError naming the allowed values for an undeclared attribute or value; both in ``lang``
        (default: the policy's primary language)."""
        said = self._lang(lang)
        if not isinstance(pid, str):  # (not a KeyError that names a None: the id is text)
            raise TypeError(message("author.policy.priority_type", said, kind=type(pid).__name__))
        if attributes is not None and not isinstance(attributes, Mapping):
            raise TypeError(message("author.policy.attributes_type", said, kind=type(attributes).__name__))
        sep = message("author.sep.list", said)
        unknown = message(
            "cli.unknown.priority", said, name=pid, known=sep.join(dict.fromkeys(p.id for p in self.model.priorities))
        )
        if attributes:
            for name, value in attributes.items():  # (text only: a number is no value the policy declares)
                if not isinstance(name, str):
                    raise TypeError(
                        message("author.policy.attribute_name_type", said, name=name, kind=type(name).__name__)
                    )
                if not isinstance(value, str):
                    raise TypeError(message("author.policy.attribute_type", said, name=name, kind=type(value).__name__))
            problems = self._attribute_problems(attributes, said)
            if problems:
                raise InputError(problems, lang=said)
            rule = conditions.select_for(self.model, pid, attributes)
            if rule is None:
                if self.model.rules_of(pid):
                    shown = sep.join(
                        message("author.policy.given", said, name=k, value=v) for k, v in attributes.items()
                    )
                    raise InputError(message("author.policy.no_rule", said, pid=pid, shown=shown), lang=said)
                raise NotInPolicyError(unknown, lang=error_lang(said))
            return rule
        try:
            return self.model.priority(pid)
        except KeyError:
            raise NotInPolicyError(unknown, lang=error_lang(said)) from None

    def _attribute_problems(self, given: Mapping[str, str], lang: str) -> str:
        """What is wrong with attribute values given by hand: a message and a ``help`` line for each name
        the policy does not declare or value its declaration does not list (empty: nothing)."""
        attrs = {a.name: a for a in self.model.attributes}
        sep = message("author.sep.list", lang)
        help_word = message("diag.word.help", lang)
        out: list[str] = []
        for name, value in given.items():
            attr = attrs.get(name)
            if attr is None:
                known = message("author.sep.kinds", lang).join(
                    message(
                        "author.policy.attribute",
                        lang,
                        name=a.name,
                        values=names(a.values, lang),
                    )
                    for a in self.model.attributes
                )
                said = message("author.policy.declares", lang, known=known) if known else None
                out.append(message("author.policy.unknown_attribute", lang, name=name))
                out.append(f"{help_word}: {said or message('author.policy.no_attributes', lang)}")
            elif value not in attr.values:
                near = suggest(value, attr.values)
                values = sep.join(f"`{v}`" for v in attr.values)
                # (one sentence with the near one: 「…ではありませんか？値は…」, not two joined by 「。」)
                helps = (
                    message("author.policy.values_near", lang, near=near, values=values)
                    if near
                    else message("author.policy.values_are", lang, values=values)
                )
                out.append(message("author.policy.no_value", lang, name=name, value=value))
                out.append(f"{help_word}: {helps}")
        return "\n".join(out)

    def due(self, target: m.Target, start: dt.datetime | str) -> dt.datetime:
        """When ``target`` falls due for a clock that starts at ``start``."""
        return self._due(target, start, None)

    def _due(self, target: m.Target, start: dt.datetime | str, lang: str | None) -> dt.datetime:
        """:meth:`due`, what it refuses in ``lang`` (default: the policy's primary language)."""
        said = self._lang(lang)
        if not isinstance(target, m.Within | m.ByEndOf):  # (a priority's id: response_due takes it)
            raise TypeError(message("author.policy.target_type", said, kind=type(target).__name__))
        try:
            start = self._aware(start, said)
            if isinstance(target, m.ByEndOf):
                return check_time(day_due(self.calendar(target.calendar), target, start).astimezone(self.tz), RESULT)
            d = target.duration
            if d.calendar is None:  # (on the policy's wall clock, as the evaluator counts it)
                return add_calendar_duration(start.astimezone(self.tz), d)
            return check_time(self.calendar(d.calendar).add(start, self.duration_delta(d)).astimezone(self.tz), RESULT)
        except OutOfRangeError as exc:
            raise _worded(exc, said) from None

    def response_due(
        self,
        priority: str,
        clock_start: dt.datetime | str,
        attributes: Mapping[str, str] | None = None,
        lang: str | None = None,
    ) -> dt.datetime:
        """The response due time for an incident of ``priority`` (with ``attributes``) whose clock starts then
        (what it refuses, in ``lang``: default the policy's primary language)."""
        return self._due(self.priority(priority, attributes, lang).target, clock_start, lang)

    def maintenance_windows(self, start: dt.datetime | dt.date | str, end: dt.datetime | dt.date | str) -> list[Window]:
        """Every regular-maintenance window that starts in [start, end), in time order (each edge a
        datetime, a date, or either as text: a date means 00:00 in the policy's zone). An ``end`` not after
        ``start`` is an empty or reversed range: ``InputError``, as ``sla_dsl.evaluate`` refuses an empty
        period and ``sla maintenance`` a ``--to`` not after ``--from`` (not an empty list)."""
        said = self._lang()
        start, end = self._edge(start, "start", said), self._edge(end, "end", said)
        if self._midnight(end) <= self._midnight(start):
            empty = message("author.time.empty_period", said, from_flag="start", to_flag="end")
            raise InputError(empty, lang=error_lang(said))
        out: list[Window] = []
        for mt in self.model.maintenance:
            cal = self.calendar(mt.calendar) if mt.calendar else None
            try:
                out.extend(maintenance_windows(mt, cal, self.tz, start, end))
            except OutOfRangeError as exc:
                raise _worded(exc, said) from None
        out.sort(key=lambda w: (w.start.timestamp(), w.end.timestamp()))  # (instants: a repeated hour)
        return out

    def _midnight(self, t: dt.datetime | dt.date) -> dt.datetime:
        """A range's edge as an instant: a date is 00:00 of it in the policy's zone."""
        return t if isinstance(t, dt.datetime) else dt.datetime(t.year, t.month, t.day, tzinfo=self.tz)


def _worded(exc: OutOfRangeError, lang: str) -> OutOfRangeError:
    """A time or a result outside the supported years as a policy's method refuses it: in ``lang`` (its
    primary language, or the one the caller asked for) from the error's words; in English the error as the
    calendars raised it (``lang`` ``None``)."""
    return exc if lang == "en" else exc.in_lang(lang)


def day_due(cal: BusinessCalendar, target: m.ByEndOf, start: dt.datetime) -> dt.datetime:
    """When a day-based target (``by end of 2nd business day``, ``by 16:00 of 2nd business day``) falls
    due for a clock (a cycle of one) that starts at ``start``: the close of the nth business day of ``cal``
    after the day of receipt (never that day itself), or the time of day ``target.at`` of that day kept
    within its hours. The day of receipt is the business day ``start`` belongs to
    (:meth:`~sla_dsl.calendars.business.BusinessCalendar.day_of`, as the same-day guideline reads it):
    the local date of ``start``, or the day before when that day's overnight shift holds it (with hours
    ``22:00-06:00``, Tuesday 01:00 is in Monday's shift, so its 1st business day is Tuesday).

    ``at`` of day D is the instant in D's open span (from its first opening to its last close, which is on
    the next date when an overnight range ends the day) whose wall time in the calendar's zone is ``at``:
    05:00 of a day with hours ``22:00-06:00`` is 05:00 of the next date. A span that holds the time twice
    (``00:00-24:00`` holds 00:00 at both ends; a span of 24 hours or more) means the first. A wall time is
    read as :func:`add_calendar_duration` reads one (a time the clock shows twice is its first occurrence;
    one the clock skips lies past the jump by as much as it lies past the gap's start: 02:30 on New York's
    spring day is 03:30 EDT). A time the span does not hold is read on D's own date and kept within the
    span: earlier than its opening (the start of its first open interval), the opening; later than its
    close, the close. A day whose hours partial closures take (W306) has its close (where its hours would
    have closed) for both.
    """
    return _day_due(cal, target, start)[0]


def day_due_kept(cal: BusinessCalendar, target: m.ByEndOf, start: dt.datetime) -> str | None:
    """Whether :func:`day_due` kept ``target.at`` within the day's hours: ``"close"`` when the day closes
    before it, ``"opening"`` when it opens after it, None when the due instant is that time (or the close)."""
    return _day_due(cal, target, start)[1]


def _day_due(cal: BusinessCalendar, target: m.ByEndOf, start: dt.datetime) -> tuple[dt.datetime, str | None]:
    """:func:`day_due` and how it kept the time (:func:`day_due_kept`)."""
    close = cal.end_of_nth_business_day(start, target.nth)  # (the range checks and the day's close)
    if target.at is None:
        return close, None
    d = cal.nth_business_day(start, target.nth)  # (the day whose close that is)
    hours = cal.open_intervals(d)
    opening = hours[0][0] if hours else close
    # (an overnight range ends before 48:00 of D, so D's date and the next hold every time of its span)
    walls = [
        (dt.datetime.combine(d, dt.time()) + dt.timedelta(days=k, minutes=target.at.minutes))
        .replace(tzinfo=cal.tz, fold=0)  # (a skipped time: the offset before the jump)
        .astimezone(dt.UTC)
        for k in (0, 1)
    ]
    wall = next((w for w in walls if opening <= w <= close), walls[0])
    if wall > close:
        return close.astimezone(cal.tz), "close"
    if wall < opening:
        return opening.astimezone(cal.tz), "opening"
    return wall.astimezone(cal.tz), None


def add_calendar_duration(t: dt.datetime, d: m.Duration) -> dt.datetime:
    """``t`` plus an elapsed (not business) duration; months by calendar arithmetic.

    A month is a month of ``t``'s wall calendar: the same wall time on the same day N months on (the day
    kept to the month's end: 31 January + 1 month is 28 or 29 February). That wall time is read as RFC
    5545 reads a local time: one the clock shows twice is its first occurrence, and one the clock
    skips (a spring gap) has the offset before the jump, so it lies past the jump by as much as it lies
    past the gap's start (02:30 on New York's spring day is 03:30 EDT). The result is that instant as
    the clock shows it (never a wall time the zone skips). Other units are exact elapsed time.

    OutOfRangeError when ``t``, the duration or the result lies outside the supported years.
    """
    from dateutil.relativedelta import relativedelta

    check_time(t, TIME)
    if d.unit is m.TimeUnit.MONTH:
        check_span(d.amount * 28 * 86400, words("bounds.what.duration", duration=str(d)))
        shifted: dt.datetime = (t + relativedelta(months=d.amount)).replace(fold=0)
        # (the wall time as read above, written as the clock shows that instant: via UTC)
        return _in_range(shifted.astimezone(dt.UTC).astimezone(t.tzinfo), d)
    seconds = m.UNIT_SECONDS[d.unit]
    check_span(seconds * d.amount, words("bounds.what.duration", duration=str(d)))
    # Elapsed time: add in UTC so a DST change does not stretch or shrink it.
    tz = t.tzinfo
    return _in_range((t.astimezone(dt.UTC) + dt.timedelta(seconds=seconds * d.amount)).astimezone(tz), d)


def _in_range(result: dt.datetime, d: m.Duration) -> dt.datetime:
    """``result`` of adding ``d``, unless it lies outside the supported years."""
    try:
        return check_time(result, RESULT)
    except OutOfRangeError:
        word = "after" if d.amount > 0 else "before"
        raise OutOfRangeError(words(f"bounds.adding.{word}", duration=str(d), range=range_words())) from None


def declared_types(policies: Policy | Iterable[Policy]) -> Declared:
    """The event types that any of ``policies`` (a policy's versions) declares: what their event log may carry,
    with their zone (a time refused for its missing offset is shown with the one it has there: E105)."""
    if isinstance(policies, Policy):
        return Declared.of(policies.event_types, policies.tz)
    versions = list(policies)
    zones = {p.model.header.timezone for p in versions}
    zone = versions[0].tz if len(zones) == 1 else None
    return Declared.of(frozenset().union(*(p.event_types for p in versions)), zone)

"""What every part of the evaluator shares: the versions in force, time helpers, intervals.

Design notes
------------
* Inside the evaluator an instant is a float of POSIX seconds; it becomes an
  aware datetime in the policy's zone only for the report and explanations.
* ``Versions`` holds the policy versions sorted by ``effective`` (00:00 of that
  date in the version's own zone); ``at(epoch)`` is the one in force then. An
  instant before the first version is judged under the first one, and the
  explanation says so.
* ``Rules`` caches, per version, what the evaluator reads from the model:
  the response clock, priorities, exclusions, the notice and stop rules,
  backup obligations. Nothing about the SLA is written here: it is all looked
  up in the compiled policy.
* What a module works out once per version (its walks, its words, its event
  codes) it keeps on the ``Rules`` (:class:`Memo`, :meth:`Rules.memo`), which
  are made anew by every evaluation: it dies with them. Never in a table of the
  module keyed by ``id(rules)``: that kept every version of every evaluation
  alive in a long-running process (``sla serve``, the Python API), and an id is
  another object's once its own has died.
* Business-time arithmetic goes through the calendar's epoch and batch API
  (``add_epoch``, ``add_many``, ``between_epoch``) when the calendar has it,
  and through the :class:`~sla_dsl.policy.Policy` facade otherwise.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar, cast

import numpy as np
import orjson
from numpy.typing import NDArray

from ..calendars.bounds import RESULT, OutOfRangeError, check_time, last_instant
from ..calendars.business import BusinessCalendar
from ..calendars.interval_sets import Interval as Interval
from ..calendars.interval_sets import clip as clip
from ..calendars.interval_sets import length as length
from ..calendars.interval_sets import subtract as subtract
from ..calendars.interval_sets import union as union
from ..calendars.recurrence import add_months as add_months  # (re-exported: the evaluator uses it here)
from ..events.problems import located
from ..events.schema import CODE, declare_types
from ..i18n import LANGS, message, offset_if_repeated
from ..lang import model as m
from ..policy.compiled import Policy, add_calendar_duration
from ..policy.load import check_versions
from ..policy.maintenance_layout import effective_epoch
from ..report import DataNote, Step, Violation
from ..report.data_notes import line_names, note_text


def code_of(name: str, family: str) -> int | None:
    """The event code for a rule's event name (``incident.resolved`` or ``resolved``)."""
    return CODE.get(name) if "." in name else CODE.get(f"{family}.{name}")


def short(name: str) -> str:
    """An event name without its family (``incident.product_suspected`` → ``product_suspected``)."""
    return name.split(".", 1)[-1]


#: ``Article 3.2`` by the reference's numbers (as many as the articles of the policies read: no reference kept)
_ART: dict[tuple[int, ...], str] = {}


def art(ref: m.ArticleRef | None) -> str | None:
    """``Article 3.2`` for a reference, None without one."""
    if ref is None:
        return None
    hit = _ART.get(ref.parts)
    if hit is None:
        hit = _ART[ref.parts] = f"Article {ref}"
    return hit


def step(text: str, at: dt.datetime | None = None, ref: str | None = None) -> Step:
    """An explanation step. Built as a plain dict, which the row's model validates into a
    :class:`Step` in pydantic's core: several times cheaper than a model per step."""
    return cast(Step, {"text": text, "at": at, "ref": ref})  # validated by the row


_WD = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def wall_text(t: dt.datetime) -> str:
    """``Fri 18 Sep 16:30``: an aware datetime as explanations word an instant (:meth:`Rules.fmt`); in
    the hour a zone repeats, with its offset (``Sun 01 Nov 01:40 (-04:00)``)."""
    when = f"{_WD[t.weekday()]} {t.day:02d} {_MON[t.month - 1]} {t.hour:02d}:{t.minute:02d}"
    return when + offset_if_repeated(t)


def wall_text_year(t: dt.datetime) -> str:
    """``Thu 01 Jan 2026 00:00``: :func:`wall_text` with the year, for a span of time whose ends lie in
    different years (:meth:`Ctx.fmt_ends`), and every instant of an evaluation whose period crosses a new
    year (:attr:`Ctx.years`)."""
    when = f"{_WD[t.weekday()]} {t.day:02d} {_MON[t.month - 1]} {t.year} {t.hour:02d}:{t.minute:02d}"
    return when + offset_if_repeated(t)


def fmt_minutes(seconds: float) -> str:
    """``1h30m``, ``2h``, ``45m``, ``0m``; days are left as hours (business time)."""
    total = round(seconds / 60)
    h, mi = divmod(abs(total), 60)
    sign = "-" if total < 0 else ""
    if h and mi:
        return f"{sign}{h}h{mi:02d}m"
    return f"{sign}{h}h" if h else f"{sign}{mi}m"


def fmt_span(seconds: float) -> str:
    """A length as an explanation step states it: :func:`fmt_minutes` when it is a whole number of minutes
    (to the second), else to the second, ``44m40s``, ``2h44m40s``, ``1h00m05s``, ``20s``, so figures read
    together add up (44m40s of downtime in 745h is 99.9001%, where 45m would be 99.8993%), as the report's
    ``h:mm:ss`` does. The day-by-day walk keeps whole minutes, as its wall-clock times are written."""
    total = round(seconds)
    if total % 60 == 0:
        return fmt_minutes(total)
    h, rest = divmod(abs(total), 3600)
    mi, sec = divmod(rest, 60)
    sign = "-" if total < 0 else ""
    if h:
        return f"{sign}{h}h{mi:02d}m{sec:02d}s"
    return f"{sign}{mi}m{sec:02d}s" if mi else f"{sign}{sec}s"


#: a plain local hour: its start, its epoch, ``Fri 18 Sep 16:``, ``2026-09-18T16:``, ``+09:00``,
#: and its start in wall-clock microseconds (:func:`wall_us`)
_Hour = tuple[dt.datetime, int, str, str, str, int]
#: seconds into an hour -> ``MM:SS``, and -> ``MM``
_MMSS = tuple(f"{s // 60:02d}:{s % 60:02d}" for s in range(3600))
_MM = tuple(f"{s // 60:02d}" for s in range(3600))
_MISSING = object()
#: an instant as a JSON report holds it: its text, or a datetime that orjson writes as that text
JsonTime = str | dt.datetime
#: an instant as an explanation names it: ``Fri 18 Sep 16:30``, its ``at`` value, its wall-clock microseconds
Stamp = tuple[str, JsonTime, int]


def wall_us(t: dt.datetime) -> int:
    """Wall-clock microseconds since 0001-01-01 (what same-zone datetime arithmetic uses)."""
    return ((t.toordinal() * 86_400 + t.hour * 3600 + t.minute * 60 + t.second) * 1_000_000) + t.microsecond


_UNIX = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_ONE_US = dt.timedelta(microseconds=1)


def instant_us(t: dt.datetime) -> int:
    """UTC microseconds since 1970 of an aware datetime (what the walk and the step columns read)."""
    return int((t - _UNIX) // _ONE_US)


T = TypeVar("T")


class Memo(Generic[T]):
    """A kind of value a module works out once per :class:`Rules` and keeps on them (:meth:`Rules.memo`),
    made by ``make`` from the rules on first use: a table of the module's (``Memo(lambda rules: {})``),
    or the value itself. One per module and kind, at module level."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[Rules], T]) -> None:
        self.make = make


class Rules:
    """What the evaluator reads from one policy version, looked up once."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.tz = policy.tz
        mdl = policy.model
        self.model = mdl
        declare_types(policy.event_types)  # codes for the event types it declares (before any rule is read)
        clocks = {c.name: c for c in mdl.clocks}
        self.clock: m.ClockRule | None = clocks.get("response") or (mdl.clocks[0] if mdl.clocks else None)
        starts = self.clock.starts if self.clock else ("incident.reported",)
        self.clock_codes = [(c, short(n)) for n in starts if (c := code_of(n, "incident")) is not None]
        pct = self.clock.at_risk_percent if self.clock else None
        self.at_risk = pct
        #: every warning threshold of the response clock, lowest first (``at_risk`` is the first)
        self.at_risks: tuple[float, ...] = self.clock.risk_thresholds if self.clock else ()
        # the rule of each priority for default attributes (``when``: see evaluation/select.py)
        self.priorities = {pid: mdl.priority(pid) for pid in dict.fromkeys(p.id for p in mdl.priorities)}
        #: per event code, the attributes an event of that type may change (``changes at``: evaluation/select.py)
        changes: dict[int, set[str]] = {}
        for a in mdl.attributes:
            for name in a.changes:
                if (code := code_of(name, "incident")) is not None:
                    changes.setdefault(code, set()).add(a.name)
        self.changes: dict[int, frozenset[str]] = {c: frozenset(n) for c, n in changes.items()}
        self.exclusions = {e.cause: e for e in mdl.exclusions}
        self.notify = next(
            # (the first rule on an outage event: a rule on an incident event before it is the incidents')
            (n for n in mdl.notifications if n.after.startswith("outage.")),
            None,
        )
        self.stop_rule = mdl.planned_stops[0] if mdl.planned_stops else None
        measured = [s for s in mdl.services if s.availability_measured]
        self.service: m.Service | None = measured[0] if measured else None
        self.backups = {b.kind: b for b in mdl.backups}
        self.maintenance = {mt.name: mt for mt in mdl.maintenance}
        self._dt: dict[float, dt.datetime] = {}
        self._hours: dict[float, Any] = {}  # _Hour | None, or absent
        self._stamps_json: dict[float, Stamp] = {}
        self._stamps_dt: dict[float, Stamp] = {}
        self._delta: dict[int, tuple[m.Duration, float]] = {}
        #: whether an instant is written with its year (:meth:`write_years`)
        self.years = False
        self._memos: dict[Memo[Any], Any] = {}

    def __copy__(self) -> Rules:
        """A view of these rules (another rule of a priority chosen: :func:`.select.rules_chosen`): every
        attribute shared, but no :meth:`memo`, which the view works out anew (its words are its rules')."""
        view = object.__new__(type(self))
        view.__dict__.update(self.__dict__)
        view._memos = {}
        return view

    def __getstate__(self) -> dict[str, Any]:
        """These rules pickled (a partial judged by a worker holds them): every attribute but the memos,
        which the process that reads them works out anew."""
        state = dict(self.__dict__)
        state["_memos"] = {}
        return state

    def memo(self, kind: Memo[T]) -> T:
        """This version's value of ``kind``, made on first use (see the module's notes): it lives as long as
        these rules do, so as long as the evaluation that made them."""
        found: T | None = self._memos.get(kind)
        if found is None:
            found = self._memos[kind] = kind.make(self)
        return found

    @property
    def version(self) -> str:
        return self.policy.version

    def write_years(self, on: bool) -> None:
        """Whether :meth:`fmt` and :meth:`stamp` (so the step columns, whose hours :meth:`plain_hour` words)
        write an instant with its year, ``Thu 31 Dec 2026 23:00``: set once per evaluation, before anything is
        worded, by its period (:attr:`Ctx.years`); the words kept so far are dropped when it changes."""
        if on != self.years:
            self.years = on
            self._hours.clear()
            self._stamps_json.clear()
            self._stamps_dt.clear()

    def wall(self, t: dt.datetime) -> str:
        """An aware datetime as :meth:`fmt` writes the instant: :func:`wall_text`, with :meth:`write_years`
        :func:`wall_text_year`."""
        return wall_text_year(t) if self.years else wall_text(t)

    @cached_property
    def effective_epoch(self) -> float:
        return effective_epoch(self.policy)

    def dt(self, epoch: float) -> dt.datetime:
        """An instant as an aware datetime in this version's zone (memoised: rows reuse instants)."""
        t = self._dt.get(epoch)
        if t is None:
            if len(self._dt) > 50_000:
                self._dt.clear()
            hour = self.plain_hour(epoch) if epoch.is_integer() else None
            if hour is None:
                t = dt.datetime.fromtimestamp(epoch, self.tz)
            else:
                t = hour[0] + dt.timedelta(seconds=epoch - hour[1])
            self._dt[epoch] = t
        return t

    def fmt(self, epoch: float) -> str:
        """``Fri 18 Sep 16:30`` in this version's zone (``Fri 18 Sep 2026 16:30`` with :meth:`write_years`)."""
        hour = self._hours.get(epoch // 3600, _MISSING)
        if hour is _MISSING:
            hour = self.plain_hour(epoch)
        if hour is not None and epoch.is_integer():
            text: str = hour[2] + _MM[int(epoch - hour[1])]
            return text
        return self.wall(self.dt(epoch))

    def stamp(self, epoch: float, as_json: bool) -> Stamp:
        """What an explanation needs of an instant, in one look-up (memoised: a row names most
        instants twice): ``fmt(epoch)``; its ``at`` value, ``dt(epoch)`` or with ``as_json`` the
        JSON text orjson writes for it (``2026-09-18T16:30:05+09:00``, built from the hour's
        prefix and a table of ``MM:SS``; the datetime itself off a plain whole second); and its
        wall-clock microseconds (:func:`wall_us`)."""
        cache = self._stamps_json if as_json else self._stamps_dt
        hit = cache.get(epoch)
        if hit is not None:
            return hit
        hour = self._hours.get(epoch // 3600, _MISSING)
        if hour is _MISSING:
            hour = self.plain_hour(epoch)
        if hour is not None and epoch.is_integer():
            k = int(epoch - hour[1])
            at: JsonTime = hour[3] + _MMSS[k] + hour[4] if as_json else hour[0] + dt.timedelta(seconds=k)
            hit = (hour[2] + _MM[k], at, hour[5] + k * 1_000_000)
        else:
            t = self.dt(epoch)  # orjson writes it as the text above
            hit = (self.fmt(epoch), t, wall_us(t))
        if len(cache) > 20_000:
            cache.clear()
        cache[epoch] = hit
        return hit

    def plain_hour(self, epoch: float) -> _Hour | None:
        """For the UTC hour holding ``epoch``, when it is one plain local hour (an offset of whole
        hours, the same all hour, neither occurrence of a repeated hour, a four-digit year): see :data:`_Hour`.
        Adding seconds to that start gives what ``fromtimestamp`` gives, without the zone look-up.
        Memoised in ``_hours`` under ``epoch // 3600`` (a float key for a float epoch)."""
        key = epoch // 3600
        hit = self._hours.get(key, _MISSING)
        if hit is not _MISSING:
            return cast(_Hour | None, hit)
        start = int(key) * 3600
        a = dt.datetime.fromtimestamp(start, self.tz)
        b = dt.datetime.fromtimestamp(start + 3599, self.tz)
        plain = (
            a.minute == 0
            and a.second == 0
            and not a.fold
            and not b.fold
            and a.utcoffset() == b.utcoffset()
            # no time of it shown twice (the first pass of a repeated hour, or of half of one: Lord Howe)
            and a.replace(fold=1).utcoffset() == a.utcoffset()
            and b.replace(fold=1).utcoffset() == b.utcoffset()
            and 1000 <= a.year <= 9999
        )
        hour: _Hour | None = None
        if plain:
            # What orjson writes for this hour's datetimes: the prefix up to the
            # minutes, and the offset (``+09:00``, or ``Z`` for UTC).
            text = orjson.dumps(a, option=orjson.OPT_UTC_Z).decode()[1:-1]
            year = f"{a.year} " if self.years else ""
            fmt = f"{_WD[a.weekday()]} {a.day:02d} {_MON[a.month - 1]} {year}{a.hour:02d}:"
            hour = (a, start, fmt, text[:14], text[19:], wall_us(a))
        if len(self._hours) > 200_000:
            self._hours.clear()
        self._hours[key] = hour
        return hour

    def delta_seconds(self, d: m.Duration) -> float:
        """A business duration as seconds of business time (memoised per rule)."""
        hit = self._delta.get(id(d))
        if hit is None or hit[0] is not d:
            hit = self._delta[id(d)] = (d, self.policy.duration_delta(d).total_seconds())
        return hit[1]

    def calendar(self, name: str | None) -> BusinessCalendar:
        """The compiled business calendar ``name``."""
        return self.policy.calendar(name)

    # -- business time on epochs -------------------------------------------------
    # The calendar's epoch and batch API works in whole seconds; an instant with
    # a fraction of a second takes the (microsecond-exact) datetime API instead.
    @cached_property
    def end_epoch(self) -> int:
        """2201-01-01 00:00 in this version's zone: no result shown in it lies later."""
        return last_instant(self.tz)

    def within(self, result: float) -> float:
        """``result`` of the arithmetic, unless it lies after the supported years in this version's zone
        (OutOfRangeError): a calendar of its own zone ends them at its own 2201-01-01 00:00."""
        if result > self.end_epoch:
            check_time(self.dt(result), RESULT)
        return result

    def add(self, epoch: float, d: m.Duration) -> float:
        """``epoch`` plus a duration (business or elapsed)."""
        if d.calendar is None:
            return _elapsed(self, epoch, d)
        cal = self.policy.calendar(d.calendar)
        secs = self.delta_seconds(d)
        if epoch.is_integer() and secs.is_integer():
            return self.within(float(cal.add_epoch(int(epoch), int(secs))))
        return self.within(cal.add(self.dt(epoch), dt.timedelta(seconds=secs)).timestamp())

    def add_array(self, epochs: NDArray[np.float64], d: m.Duration) -> NDArray[np.float64]:
        """Each epoch plus a duration: one calendar batch when every epoch and the duration are
        whole seconds, else :meth:`add` one by one."""
        if d.calendar is not None and epochs.size and self.delta_seconds(d).is_integer():
            whole = np.floor(epochs)
            if bool(np.all(whole == epochs)):
                cal = self.policy.calendar(d.calendar)
                out: NDArray[np.float64] = cal.add_many(whole.astype(np.int64), int(self.delta_seconds(d))).astype(
                    np.float64
                )
                if out.size and out.max() > self.end_epoch:
                    self.within(float(out.max()))
                return out
        return np.array([self.add(e, d) for e in epochs.tolist()], dtype=np.float64)

    def never_after(self, epoch: float, d: m.Duration) -> float:
        """:meth:`add`, or ``inf`` when the result lies after the supported years: a deadline that never
        comes within them (a completion by silence, which the report shows only once it has come)."""
        try:
            return self.add(epoch, d)
        except OutOfRangeError:
            return float("inf")

    def never_after_array(self, epochs: NDArray[np.float64], d: m.Duration) -> NDArray[np.float64]:
        """:meth:`add_array`, ``inf`` for each result after the supported years (see :meth:`never_after`)."""
        try:
            return self.add_array(epochs, d)
        except OutOfRangeError:
            return np.array([self.never_after(e, d) for e in epochs.tolist()], dtype=np.float64)

    def due(self, target: m.Target, epoch: float) -> float:
        """When a target falls due for a clock starting at ``epoch``."""
        if isinstance(target, m.Within):
            return self.add(epoch, target.duration)
        return self.within(self.policy.due(target, self.dt(epoch)).timestamp())

    def between(self, a: float, b: float, calendar: str | None) -> float:
        """Business seconds in [a, b) on ``calendar`` (elapsed seconds when None)."""
        if calendar is None:
            return b - a
        cal = self.policy.calendar(calendar)
        if a.is_integer() and b.is_integer():
            return float(cal.between_epoch(int(a), int(b)))
        return cal.between(self.dt(a), self.dt(b)).total_seconds()

    def is_business(self, epoch: float, calendar: str) -> bool:
        """Whether ``epoch`` is inside business hours of ``calendar``."""
        return self.policy.calendar(calendar).is_business_time(self.dt(epoch))


def _elapsed(rules: Rules, epoch: float, d: m.Duration) -> float:
    return add_calendar_duration(rules.dt(epoch), d).timestamp()


def target_calendar(target: m.Target) -> str | None:
    """The calendar whose time a target counts (None for elapsed time)."""
    return target.duration.calendar if isinstance(target, m.Within) else target.calendar


def describe_target(target: m.Target) -> str:
    """``4 business hours`` or ``the end of business day 2``."""
    if isinstance(target, m.Within):
        d = target.duration
        unit = d.unit.value + ("s" if d.amount != 1 else "")
        return f"{d.amount} {'business ' if d.calendar else ''}{unit}"
    return f"the end of business day {target.nth}"


class Versions:
    """The policy versions, and which one is in force at an instant."""

    def __init__(self, policies: Sequence[Policy]) -> None:
        if not policies:
            raise ValueError("no policy given")
        # Refused as ``sla`` refuses them: two versions of one day (the list's order would choose
        # between them) and a later version in another time zone.
        check_versions(policies)
        rules = sorted((Rules(p) for p in policies), key=lambda r: r.effective_epoch)
        self.rules = rules
        self._starts = [r.effective_epoch for r in rules]
        #: by version (its policy) and whether the instant is before it is in force
        self._notes: dict[tuple[Policy, bool], Step] = {}

    def at(self, epoch: float) -> Rules:
        """The version in force at ``epoch`` (the first one before any is in force)."""
        i = bisect.bisect_right(self._starts, epoch) - 1
        return self.rules[max(i, 0)]

    def note(self, rules: Rules, epoch: float) -> Step | None:
        """A step naming the version, when there is more than one (or none in force yet).
        The same step (a dict, see :func:`step`) is shared by every row it explains."""
        if len(self.rules) == 1 and epoch >= rules.effective_epoch:
            return None
        early = epoch < rules.effective_epoch
        key = (rules.policy, early)  # (the words are the version's: one step for it and every view of it)
        hit = self._notes.get(key)
        if hit is None:
            eff = rules.policy.effective.isoformat()
            if early:
                text = (
                    f"no version in force yet: judged under version {rules.version} "
                    f"(effective {eff}), the earliest given"
                )
            else:
                text = f"judged under version {rules.version} (effective {eff})"
            hit = self._notes[key] = step(text=text, ref="Article 5")
        return hit

    @property
    def all_priorities(self) -> set[str]:
        return {p for r in self.rules for p in r.priorities}

    @property
    def all_backup_kinds(self) -> set[str]:
        return {k for r in self.rules for k in r.backups}

    @property
    def all_exclusions(self) -> set[str]:
        return {c for r in self.rules for c in r.exclusions}


@dataclass
class Ctx:
    """One evaluation: the versions, the period, options, and what has been found."""

    versions: Versions
    p0: float
    p1: float
    as_of: float
    source: str
    walk: bool = True
    violations: list[Violation] = field(default_factory=list)
    data: list[Violation] = field(default_factory=list)
    #: per ``data`` violation, its message without line numbers (what orders it, see :mod:`.order`)
    data_keys: list[str] = field(default_factory=list)
    #: the attributes given on the later events of each incident that has an event of a type some version's
    #: ``changes at`` lists, read with its other events (:func:`.select.collect_changes`)
    changes: dict[str, list[Any]] = field(default_factory=dict)
    #: an instant no event of the judged log lies before (its earliest when checked: the checks and
    #: the judging only take events out), or None when not known (:func:`sla_dsl.evaluation.judge_part`;
    #: the trend's months, :func:`.trend.trend_months`)
    events_from: float | None = None
    #: whether the period crosses a new year (its first and last instants lie in different years): then
    #: every instant of the steps is written with its year, ``Thu 31 Dec 2026 23:00`` (December 2026 and
    #: December 2027 would read alike); chosen once, here, for every version (:meth:`Rules.write_years`)
    years: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.years = crosses_year(self.primary, self.p0, self.p1)
        for rules in self.versions.rules:
            rules.write_years(self.years)

    @property
    def primary(self) -> Rules:
        return self.versions.at(self.p0)

    @property
    def measured_end(self) -> float:
        """Availability is measured up to ``to`` or ``as_of``, whichever is first."""
        return max(self.p0, min(self.p1, self.as_of))

    def bad_data(self, ident: str, note: DataNote, line: int = 0, at: float | None = None, *, key: str = "") -> None:
        """Record a contradiction in the events (reported, never silently resolved), worded from
        ``note`` in the engine's English (the report words it in its language). A note that names lines
        itself gives ``key``, the same words without them (see :mod:`.order`). The lines a note cites are
        named as the log names its events (:func:`~sla_dsl.report.data_notes.line_names`: a table's row in
        its file).

        Only a problem at an instant ``at`` in the period [from, to) is recorded: each is listed by one
        report, the one whose period holds the event it is about, as every other violation is listed by
        the period it happened or fell due in, whatever the period of the item it is about (a problem at
        a December event of an outage begun in November is December's; one at a November event of an
        outage still down in December, November's). A cumulative log judged month by month lists each
        problem once, not again in every later month."""
        if at is not None and not self.p0 <= at < self.p1:
            return
        if note.line or note.other_line:
            cited = (note.line, note.other_line)
            note.lines = {lang: line_names(self.source, line, cited, lang) for lang in LANGS}
        text = note_text(note, ident, "en", wall_text, _quoted, str)
        if line:
            note.where = {lang: located(self.source, line, lang=lang) for lang in LANGS}
        when = self.primary.dt(at) if at is not None else None
        said = message("report.data.at", "en", where=note.where["en"], text=text) if line else text
        self.data.append(Violation(kind="data", id=ident, message=said, at=when, note=note))
        self.data_keys.append(key or text)

    def fmt(self, epoch: float, rules: Rules | None = None) -> str:
        """``Fri 18 Sep 16:30`` in the policy's zone."""
        return (rules or self.primary).fmt(epoch)

    def fmt_ends(self, lo: float, hi: float, rules: Rules | None = None) -> tuple[str, str]:
        """The two ends of a span of time as :meth:`fmt` words them, each with its year when they lie in
        different years (``Thu 01 Jan 2026 00:00``, ``Mon 01 Feb 2027 00:00``: a span of a year or more, or
        across a new year, whose ends would otherwise read as days of one year), or when the report's period
        crosses a new year (:attr:`years`: its January 2026 and January 2027 would read alike)."""
        rules = rules or self.primary
        a, b = rules.dt(lo), rules.dt(hi)
        if a.year == b.year and not self.years:
            return rules.fmt(lo), rules.fmt(hi)
        return wall_text_year(a), wall_text_year(b)


def crosses_year(rules: Rules, p0: float, p1: float) -> bool:
    """Whether the period [p0, p1) has instants in two years in the zone of ``rules``: its end is exclusive,
    so a December ending at the next 1 January 00:00 does not."""
    if not p0 < p1 < float("inf"):
        return False
    first, end = rules.dt(p0), rules.dt(p1)
    new_year = end.month == 1 and end.day == 1 and end.time() == dt.time()
    return first.year != end.year - (1 if new_year else 0)


def _quoted(kind: str) -> str:
    return f"`{kind}`"


# -- intervals on epochs: sla_dsl.calendars.interval_sets (re-exported) ---------------------------------

"""Why an outage counts less downtime than it lasted: the words of the outages table's column beside its
downtime, 数えない時間 / "Not counted".

Design notes
------------
* An outage row's ``downtime_minutes`` is its time in the period up to ``as_of`` less its
  ``excused_minutes``, the time its service does not measure. A row reading ``0:00`` or ``1:00`` for an
  outage of two hours says why: the outage itself excluded (its cause, under the article its exclusion
  cites, as the notice column and the summary say it) or an emergency stop the planned-stop rule
  excuses; else each stretch of it in a maintenance window or a validly noticed planned stop (when its
  service's hours say ``except``), in an excluded outage or excused emergency of the same service, or
  outside the service's hours, with its minutes; then the part of it outside the period (before ``from``,
  after ``to``).
* The stretches are taken apart from the report's rows and the policy the way the evaluator builds them
  (:mod:`sla_dsl.evaluation.outages`, which this stage never imports), as ``sla explain`` of a
  measurement period does: the service is the one the outage names (else the one ``availability``
  measures) as the version in force at ``from`` defines it; the time outside its hours first, then
  maintenance, stops and emergencies by their start, then excluded outages, each counting only the minutes
  no stretch before it counted, so that they add up to the row's ``excused_minutes``. When they do not
  (a row read back from a JSON without the policy that judged it), the minutes are said in one, in the
  words of the availability table's row of excused time.
* ``sla explain`` of an outage says its excused minutes in these words too (without the part outside the
  period, which it says in a step of its own), so that it never calls an overlapping excluded outage
  maintenance.
* What the stretches are taken from (the maintenance windows, the noticed stops, the outages an
  exclusion or the planned-stop rule takes out) is gathered once per report, and only when some outage
  has excused minutes; an outage's candidates are found by bisection, so a year's thousands of
  outages are not each compared with every other.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from ..calendars.interval_sets import Interval, closed_time, length, subtract, union
from ..errors import InputError
from ..lang import model as lm
from ..policy.maintenance_layout import windows_in_force
from . import OutageRow, Report
from .words import PolicyWords, hours_minutes

#: minutes the stretches may differ from the row's ``excused_minutes`` by (float sums of epoch seconds)
_SLACK = 1e-6


class _Off(NamedTuple):
    """A stretch a service may not measure: its instants, its words, and whose it is."""

    start: float
    end: float
    text: str
    #: the service of an outage not measured (None: every service); of a window or a stop, unused
    service: str | None = None


class _Stretches:
    """Stretches by their start, found by the interval they meet (:meth:`meeting`)."""

    def __init__(self, items: list[_Off]) -> None:
        self.items = sorted(items, key=lambda x: (x.start, x.end, x.text))
        self.starts = [x.start for x in self.items]
        self.longest = max((x.end - x.start for x in self.items), default=0.0)

    def meeting(self, a: float, b: float) -> list[_Off]:
        """The stretches that meet [a, b), in order of their start."""
        lo, hi = bisect_left(self.starts, a - self.longest), bisect_left(self.starts, b)
        return [x for x in self.items[lo:hi] if x.end > a]


def _span(o: OutageRow, report: Report) -> Interval:
    """The outage's own time: start to end, or to ``as_of`` while it goes on."""
    return o.start.timestamp(), (o.end or report.period.as_of).timestamp()


def _excused_emergency(o: OutageRow, w: PolicyWords) -> bool:
    """Whether an outage is an emergency stop its version's planned-stop rule excuses."""
    if o.cause != "emergency":
        return False
    model = w.for_row(o).model
    rule = model.planned_stops[0] if model is not None and model.planned_stops else None
    return rule is not None and not rule.emergency_counts_as_downtime


def _maintenance_label(w: PolicyWords, name: str) -> str:
    """A maintenance rule by its label in the version that defines it, else the table's generic words."""
    v = w.defining(lambda md: any(mt.name == name for mt in md.maintenance))
    rule = next((mt for mt in (v.model.maintenance if v.model is not None else ()) if mt.name == name), None)
    return (rule.label.text(w.lang) if rule is not None else "") or w.m("report.maintenance")


class NotCounted:
    """Why each outage of one report counts less downtime than it lasted, in the words of ``w``: call it
    with an outage row (:meth:`__call__`)."""

    def __init__(self, report: Report, w: PolicyWords, seconds: bool = False) -> None:
        self.report, self.w, self.seconds = report, w, seconds
        p = report.period
        self.lo = p.start.timestamp()
        #: the end of the time the report measures: ``to``, or ``as_of`` when earlier
        self.hi = max(self.lo, min(p.end.timestamp(), p.as_of.timestamp()))
        self._services: dict[str, tuple[PolicyWords, lm.Service | None]] = {}
        self._gathered: tuple[_Stretches, _Stretches, _Stretches, _Stretches] | None = None

    def __call__(self, o: OutageRow, outside_period: bool = True) -> str:
        """The reasons ``o`` counts less than it lasted, each with its time (``定期メンテナンス：1:00``),
        joined; the outage itself excluded under the article its exclusion cites (``第4条により適用外
        （お客様の故意または過失）：3:00``); its part outside the period, unless ``outside_period`` is false
        (its ``excused_minutes`` alone, as ``sla explain`` says them: a step of its own says that part).
        Empty: it counts all of it."""
        w = self.w
        start, end = _span(o, self.report)
        a, b = max(start, self.lo), min(end, self.hi)
        reasons: list[tuple[str, float]] = []
        if o.excused_minutes > _SLACK:
            if o.notice_status == "excluded":
                v = w.for_row(o)
                said = v.excluded_because(o.cause, "report.na.excluded", "report.na.excluded_under")
                reasons.append((said, o.excused_minutes))
            elif _excused_emergency(o, w):
                reasons.append((w.m("report.outages.off.emergency"), o.excused_minutes))
            else:
                found = self._stretches(o, a, b) if b > a else None
                reasons = found if found is not None else [(self._excused_words(o), o.excused_minutes)]
        outside = (end - start - max(0.0, b - a)) / 60
        if outside > _SLACK and outside_period:
            reasons.append((w.m("report.outages.off.outside"), outside))
        shown = [
            w.m("report.outages.off", reason=text, duration=hours_minutes(m, self.seconds or 0 < round(m * 60) < 60))
            for text, m in reasons
        ]
        return w.m("report.outages.off.sep").join(shown)

    def _service(self, name: str) -> tuple[PolicyWords, lm.Service | None]:
        """The service ``name`` as the evaluator measures it: as the version in force at ``from`` defines it
        when it measures it, else the first version that measures it, else the first that declares it."""
        found = self._services.get(name)
        if found is not None:
            return found
        w = self.w
        first = w.at(self.report.period.start.date())
        order = [first, *(w.version(p.version, p.effective) for p in w.policies if p is not first.policy)]
        measured = ((v, s) for v in order for s in (v.model.services if v.model else ()) if s.name == name)
        pairs = list(measured)
        found = next(((v, s) for v, s in pairs if s.availability_measured), pairs[0] if pairs else (first, None))
        self._services[name] = found
        return found

    def _measured_by(self, o: OutageRow) -> tuple[str | None, PolicyWords, lm.Service | None]:
        """The service an outage's minutes are measured in (None: a policy measuring none, every outage
        in one block), with the words of the version that defines it."""
        name = o.service or self.report.availability.service
        if name is None or self.report.availability.service is None:
            return None, self.w, None
        return (name, *self._service(name))

    def _gather(self) -> tuple[_Stretches, _Stretches, _Stretches, _Stretches]:
        """The maintenance windows, noticed stops, excused emergencies and excluded outages of the report,
        each in words (once, on first need)."""
        if self._gathered is not None:
            return self._gathered
        w, report = self.w, self.report
        try:
            laid = windows_in_force(w.policies, self.lo, self.hi)
        except InputError:  # (outside the supported years: the evaluator judged no such window)
            laid = []
        labels: dict[str, str] = {}
        windows = [
            _Off(x.start, x.end, labels.setdefault(x.window.name, _maintenance_label(w, x.window.name)))
            for x in laid
            if x.excused
        ]
        stops = [
            _Off(s.start.timestamp(), s.end.timestamp(), w.m("report.outages.off.stop", id=s.id))
            for s in report.planned_stops
            if s.notice_ok
        ]
        excluded = [
            _Off(*_span(x, report), w.m("report.outages.off.excluded_other", id=x.id), x.service)
            for x in report.outages
            if x.notice_status == "excluded"
        ]
        emergencies = [
            _Off(*_span(x, report), w.m("report.outages.off.emergency_other", id=x.id), x.service)
            for x in report.outages
            if x.notice_status != "excluded" and _excused_emergency(x, w)
        ]
        found = (_Stretches(windows), _Stretches(stops), _Stretches(emergencies), _Stretches(excluded))
        self._gathered = found
        return found

    def _stretches(self, o: OutageRow, a: float, b: float) -> list[tuple[str, float]] | None:
        """The stretches of [a, b) (the outage's time in the period) its service does not measure, each in
        words with its minutes, in the order the evaluator's union counts them; None when they do not add
        up to the row's ``excused_minutes``."""
        name, v, svc = self._measured_by(o)
        windows, stops, emergencies, excluded = self._gather()
        said: dict[str, float] = {}
        covered: list[Interval] = []
        if svc is not None and not svc.hours.always and svc.hours.calendar is not None and v.policy is not None:
            try:
                covered = union(closed_time(v.policy.calendar(svc.hours.calendar), a, b))
            except KeyError:
                covered = []
            if covered:
                hours = self.w.m("report.outages.off.hours", calendar=v.calendar_label(svc.hours.calendar))
                said[hours] = length(covered)
        # (the outages not measured that name its service, or none: every one, in a policy measuring none)
        em, ex = (
            [x for x in off.meeting(a, b) if name is None or x.service in (None, name)]
            for off in (emergencies, excluded)
        )
        pieces = [
            *(windows.meeting(a, b) if svc is None or svc.hours.except_maintenance else ()),
            *(stops.meeting(a, b) if svc is None or svc.hours.except_planned_stops else ()),
            *em,
        ]
        pieces.sort(key=lambda x: (x.start, x.end, x.text))
        for x in [*pieces, *ex]:  # (the excused stretches by their start, then the excluded outages)
            lo, hi = max(x.start, a), min(x.end, b)
            new = length(subtract((lo, hi), covered)) if hi > lo else 0.0
            if new > 0:
                said[x.text] = said.get(x.text, 0.0) + new
                covered = union([*covered, (lo, hi)])
        found = [(text, seconds / 60) for text, seconds in said.items()]
        if abs(sum(m for _, m in found) - o.excused_minutes) > _SLACK:
            return None
        return found

    def _excused_words(self, o: OutageRow) -> str:
        """The excused time of an outage not taken apart, as the availability table's row names it (with
        the time outside the service hours when its service is provided in a calendar's)."""
        _, _, svc = self._measured_by(o)
        hours = svc is not None and not svc.hours.always and svc.hours.calendar is not None
        return self.w.m("report.excused_hours" if hours else "report.excused")

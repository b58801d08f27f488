"""The report's table of named targets (issue 12): one row per target of an incident or notice of an outage.

Design notes
------------
* Shown only when there is something beyond the plain response target and the
  first notice rule: an incident with named targets (resolution, first reply,
  periodic update, a notification rule on an incident event) or an outage
  judged by more than one notification rule. A policy without them (Click
  So-ko) gets the report it always had.
* Incident rows come as :class:`~sla_dsl.report.IncidentRow` (their
  ``targets``) or as the evaluator's compact verdicts, whose targets the table
  reads through ``view()`` (the fields of :class:`~sla_dsl.report.TargetRow` it
  uses); the rows themselves, ``in_summary`` included, are built with their
  incident and the report's period (:func:`sla_dsl.evaluation.targets.rows`).
* A target at risk on a clock with several warning thresholds says the one it has passed after its
  status, in the table and in ``sla explain`` (``要注意（目標の 75% が経過）``: :func:`_status`); a day-based
  target whose due time is another than the time it names (that day closing earlier) says why after its
  due time, as the response's due step does (:func:`_kept`).
* A row names its target in the "target" column and the clock it is measured on in the "measured on"
  column (``-``: a notification rule, on no clock). A next reply is called by its clock's label
  (:mod:`.target_names`): its "measured on" is ``-``, not that label again, as the summary names it
  without its clock (:func:`_cells`).
* Every word is in Japanese and English in the catalogue (``report.targets.*``,
  :mod:`sla_dsl.i18n.tables`); clock and rule
  names are shown by their labels in the report's language, in the words of
  the version that judged the row (else the version that defines them): a
  notification rule a version from mid-period adds is named by that version's
  label, never by its id, whatever version is in force at ``from``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..i18n import format_minutes
from ..lang import model as lm
from . import Report, TargetRow
from .conditions import unmet_words
from .parts import Part
from .sections import more_row
from .target_names import names_clock, target_name
from .words import Cell, PolicyWords


def _w(w: PolicyWords, key: str, **params: object) -> str:
    """This table's catalogue text ``report.targets.<key>`` in the report's language."""
    return w.m(f"report.targets.{key}", **params)


def _rows_of(inc: Any) -> list[Any]:
    """An incident's targets: ``TargetRow`` of a report row, or views of the evaluator's compact verdicts."""
    return [t if isinstance(t, TargetRow) else t.view() for t in getattr(inc, "targets", ())]


#: Statuses the text summary lists (the documents list every target).
ATTENTION = frozenset({"breached", "at_risk", "paused"})


def _label(w: PolicyWords, kind: str, name: str) -> str:
    """A notification rule's or a clock's label in the report's language (its name without one), in the words
    of the version that defines it (:meth:`~.words.PolicyWords.defining`): ``w``'s, the version that judged
    the row, when it has it, else the version nearest to it that has it, so a rule or a clock only a version
    from mid-period adds is named by its label, never by its id."""

    def pool(md: lm.PolicyModel) -> Iterable[Any]:
        return md.notifications if kind == "notify" else md.clocks

    v = w.defining(lambda md: any(x.name == name for x in pool(md)))
    found = next((x for x in pool(v.model) if x.name == name), None) if v.model is not None else None
    return (found.label.text(w.lang) if found is not None else "") or name


def _minutes(value: float | None) -> str:
    if value is None:
        return "-"
    return format_minutes(value)  # h:mm, as every other duration of the report (no Latin unit letters)


def _status(rw: PolicyWords, t: Any) -> str:
    """A target's status in words (``rw``: the words of the version that judged its row): at risk with the
    warning threshold it passed when its clock has several (``要注意（目標の 75% が経過）``), an update with how
    many were missed."""
    status = rw.at_risk_status(t.status, _w(rw, t.status), getattr(t, "at_risk_percent", None), t.clock)
    return status + (_w(rw, "missed", n=t.missed) if t.missed else "")


def _cells(w: PolicyWords, rw: PolicyWords, ident: str, t: Any) -> list[Cell]:
    """A target's row; its rule and clock named in ``rw``, the words of the version that judged the row. A next
    reply is called by its clock's label (:func:`~.target_names.names_clock`), which its "measured on" cell
    would repeat: that cell is ``-``, as the summary's row names it without its clock."""
    target = _label(rw, "notify", t.name) if t.kind == "notify" else target_name(rw, t.kind, t.clock)
    status = _status(rw, t)
    return [
        ident,
        target,
        _label(rw, "clock", t.clock) if t.clock and not names_clock(rw, t.kind, t.clock) else "-",
        status,
        w.t(t.due) if t.due is not None else "-",
        f"{_minutes(t.used_minutes)} / {_minutes(t.target_minutes)}",
    ]


def target_parts(report: Report, w: PolicyWords, incidents: Sequence[Any], cap: int | None = None) -> list[Part]:
    """The table of named targets and extra notices (none when there is nothing to show).

    With ``cap`` (the text summary) only the targets breached, at risk or paused are
    listed, at most ``cap`` of them, and a last row says how many more there are."""
    rows: list[list[Cell]] = []
    hidden = 0
    for row, targets in _all(report, incidents):
        rw: PolicyWords | None = None  # (the words of the version that judged the row, when one is listed)
        for t in targets:
            if cap is not None and t.status not in ATTENTION:
                continue
            if cap is not None and len(rows) >= cap:
                hidden += 1
                continue
            rw = rw or w.for_row(row)
            rows.append(_cells(w, rw, row.id, t))
    if not rows:
        return []
    header = [_w(w, k) for k in ("id", "target", "clock", "status", "due", "used")]
    return [Part(_w(w, "title"), header, rows + more_row(hidden, len(header), w), key="targets")]


def _all(report: Report, incidents: Sequence[Any]) -> Iterable[tuple[Any, list[Any]]]:
    """Each incident with targets and each outage judged by several rules, with its targets' rows."""
    fields = getattr(incidents, "fields", None)  # the evaluation's verdicts know which have targets
    for inc in (incidents[k] for k in fields().with_targets) if fields else incidents:
        if getattr(inc, "targets", ()):
            yield inc, _rows_of(inc)
    for o in report.outages:
        if len(o.notices) > 1:
            yield o, list(o.notices)


#: what a clock did that begins a cycle counted from zero, from which its targets' time counts
_CYCLE_STARTS = frozenset({"start", "reset", "restart"})


def target_steps(
    row: Any, w: PolicyWords, counts_from: Callable[[PolicyWords, Any, dt.datetime], str] | None = None
) -> list[tuple[Any, str]]:
    """``sla explain`` lines for the named targets of an incident row, or the notices of an outage
    row judged by more than one rule: (time, text) in the report's language. ``counts_from`` (``sla
    explain``'s, as it says it of the response) gives, after a clock's start, reset or restart, from when
    the business time of each of its targets counts when the cycle began outside its calendar's open time
    (a target as the rule that judged the row writes it, and the instant; empty when it does not apply)."""
    targets = list(getattr(row, "targets", ()))
    notices = list(getattr(row, "notices", ()))
    out: list[tuple[Any, str]] = []
    told: set[str] = set()  # what each clock did, once per clock (several targets may share one)
    for t in targets:
        steps = getattr(t, "clock_steps", ())
        if t.clock and steps and t.clock not in told:
            told.add(t.clock)
            clock = _label(w, "clock", t.clock)
            # the targets on this clock as the rule writes them (each may count another calendar)
            written = [x for x in (_written(row, u, w) for u in targets if u.clock == t.clock) if x is not None]
            for s in steps:
                event = w.event_plain(s.event) if s.event else ""
                until = w.m("report.target.or").join(w.event_plain(u) for u in s.until)
                out.append((s.at, w.m(f"explain.clock.{s.act}", clock=clock, event=event, until=until)))
                if counts_from is not None and s.act in _CYCLE_STARTS:
                    out += [(s.at, said) for said in dict.fromkeys(counts_from(w, x, s.at) for x in written) if said]
    for t in targets + (notices if len(notices) > 1 else []):
        what = _label(w, "notify", t.name) if t.kind == "notify" else target_name(w, t.kind, t.clock)
        if t.clock and not names_clock(w, t.kind, t.clock):  # (a next reply is called by its clock's label)
            what += f"（{_label(w, 'clock', t.clock)}）" if w.lang == "ja" else f" ({_label(w, 'clock', t.clock)})"
        ooh = getattr(t, "out_of_hours", None)
        if ooh is not None:  # `, plus 24 hours if received outside business hours`
            out.append((ooh.at, _out_of_hours_words(row, t, ooh, what, w)))
        out += _cycle_steps(row, t, what, w)  # the cycles of its clock the verdict is not of
        for r in getattr(t, "risk_steps", ()):  # `at risk at 50%, 75% of target`: each threshold's instant
            out.append((r.at, w.m("explain.at_risk.threshold", what=what, percent=f"{r.percent:g}")))
        if getattr(t, "held_met", False) and t.due:  # (`not due at`: its due time passed in a hold)
            out.append((t.due, w.m("explain.held_met", what=what, due=w.t(t.due))))
        breached_at = getattr(t, "breached_at", None)
        if breached_at is not None and t.due:
            out.append((breached_at, w.m("explain.held_breach", what=what, due=w.t(t.due), at=w.t(breached_at))))
        status = _status(w, t)
        if getattr(t, "unmet_when", None):  # a notify rule whose `when` the record does not meet (issue 13)
            status = unmet_words(t.name, t.attributes, w) or status
        due = (
            ("、" + _w(w, "due") + " " + w.t(t.due) if w.lang == "ja" else f", {_w(w, 'due').lower()} {w.t(t.due)}")
            + _kept(row, t, w)
            if t.due
            else ""
        )
        out.append((t.due, f"{what}: {status}{due}" if w.lang != "ja" else f"{what}：{status}{due}"))
    return out


def _cycle_steps(row: Any, t: Any, what: str, w: PolicyWords) -> list[tuple[Any, str]]:
    """The cycles of a target's clock other than the one its verdict is of (a reply clock restarted at each
    customer message: a met earlier exchange too), each in the order they came: its out-of-hours time added at
    its start, and its outcome, with the start it is counted from and its due time (``Response (Reply), cycle
    from Sat 21 Nov 10:00: met, due Sun 22 Nov 12:00``), at its end (the stop that met it, the reset that cut
    it), a breach at its due time: each before the next cycle starts, so the cycles are said in their order."""
    out: list[tuple[Any, str]] = []
    written = _written(row, t, w)
    for c in getattr(t, "cycles", ()):
        if c.judged:  # (said by the target's own steps: its out-of-hours time and its verdict)
            continue
        if c.out_of_hours is not None:
            out.append((c.at, _out_of_hours_words(row, t, c.out_of_hours, what, w)))
        start = w.t(c.at)
        if c.status == "reset":  # cut by a reset before it ran out (while paused: none was in force)
            key = "explain.cycle.reset" if c.due is not None else "explain.cycle.reset_paused"
            out.append((c.end, w.m(key, what=what, start=start, due=w.t(c.due))))
            continue
        due = ""
        if c.due is not None:
            due = w.m("explain.cycle.due", due=w.t(c.due))
            if written is not None and written.by_day is not None:  # (that day closing earlier, as the verdict's)
                due += w.kept_within(written.by_day, c.at, c.due)
        said = w.m("explain.cycle", what=what, start=start, status=_w(w, c.status) + due)
        ran_out = c.status == "breached" or c.end is None  # (one still running: at its due time, when it has one)
        out.append((c.due if ran_out else c.end, said))
    return out


def _written(row: Any, t: Any, w: PolicyWords) -> lm.ClockTarget | None:
    """The target ``t`` of ``row`` as the rule that judged the row writes it (None: not at hand, as for a row
    read back from JSON, or a notification rule)."""
    rule = w.rule_of(row)
    return next(
        (x for x in (rule.targets if rule is not None else ()) if x.kind == t.kind and x.clock == t.clock), None
    )


def _kept(row: Any, t: Any, w: PolicyWords) -> str:
    """Why a day-based target's due time is another than the time it names (``resolve by 16:00 of 1st business
    day``, that day closing at 15:00): ``（その日は15:00に終業）``, as the response's due step says it
    (:meth:`~.words.PolicyWords.kept_within`, from the start of the cycle its due day is counted from)."""
    start = getattr(t, "cycle_start", None)  # (a day-based target's; a row read back from JSON has none)
    if start is None or t.due is None:
        return ""
    written = _written(row, t, w)
    return w.kept_within(written.by_day, start, t.due) if written is not None and written.by_day is not None else ""


def _out_of_hours_words(row: Any, t: Any, ooh: Any, what: str, w: PolicyWords) -> str:
    """A target's out-of-hours time added to its judged cycle, in words: the durations as the rule writes
    them (``2時間＋24時間``), in minutes when the rule is not at hand (a row read back from JSON)."""
    written = _written(row, t, w)
    if written is not None and written.duration is not None and written.out_of_hours is not None:
        d, extra = w.duration(written.duration), w.duration(written.out_of_hours.extra)
    else:
        d, extra = _minutes(t.target_minutes - ooh.extra_minutes), _minutes(ooh.extra_minutes)
    if ooh.calendar == lm.BUSINESS:  # what "business hours" means in a policy
        return w.m("explain.out_of_hours", what=what, extra=extra, d=d)
    return w.m("explain.out_of_hours.on", what=what, calendar=w.calendar_label(ooh.calendar), extra=extra, d=d)

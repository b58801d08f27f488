"""The sections on operations: outages (each with its notices), planned stops (each with its
notices), regular maintenance windows and backups.

Design notes
------------
* Split from :mod:`.sections`, which puts them in the report's order; each section is one
  :class:`~.parts.Part`, every word from the catalogue in the report's language.
* Outages show their own downtime (in their own service's time) and, where those that count
  against the service of ``availability`` overlap, a note that its total counts the overlap
  once; a notice that has no target says which of the reasons applies (:func:`notice_reason`): an
  excluded outage names its cause under the article its exclusion cites, as the summary and
  ``sla explain`` do, and without a number when it cites none (:func:`excluded_reason`); another
  names what set it none (:func:`no_target`): no notification rule on an outage event in the version
  that judged it, the first rule's ``when``, the event it counts from not there by ``as_of``, or
  there outside the hours it names. Which event happened when is read from the row's ``start``,
  ``end`` and ``recognized_at`` (the log's first recognition, whatever the rules count from).
* An outage judged by several notification rules (its ``notices``) has a line per rule in the
  outages table, each naming the rule by its label with that rule's due time, notice and verdict
  (:func:`rule_notices`), so the table agrees with the summary, which counts each rule; the
  outage's own cells stand on its first line (:attr:`.parts.Part.joined`). The first rule's
  line is worded from the row's own fields, as a policy with one rule shows it; another rule
  that sets no target says why as far as the row tells (its ``when``, Article 4, the event it
  counts from not there, or there outside its hours: :func:`rule_reason`), else plainly "not
  applicable". A policy with one rule keeps its table of seven columns (eight with the column below).
* The table names each outage's service in a column when its outages are of different ones (two outages
  at one minute are told apart), else a note says which one they are all of (a policy with several
  services: a column would widen the table of several notification rules past the page). When some
  outage counts less downtime than it lasted, a column beside its downtime says why, with or without
  notice columns (:class:`.outage_reasons.NotCounted`): its cause excluded under the article its
  exclusion cites, the minutes in maintenance, a noticed planned stop, outside the service's hours,
  outside the period.
* A notice's column shows the notice its rule counts (``met_at``: the one that met it or came late); with
  none, the outage's first notice (``notified_at``), marked not counted when the rule judged the outage
  and so does not count it, sent before the event the rule counts from (a first report before the
  recognition of the failure), with a note under the table saying so (:func:`notice_sent`): it never
  stands as the notice that met the target beside ``late``.
* A notice is named as the summary names its rule, by its label (:func:`notice_name`): a policy whose
  one rule on outages is a first report has no "recovery notice" in its report. The table is headed
  after that rule (``Outages and notices (First report)``: :func:`outages_title`), or "Outages and
  notices" when several rules each name their lines; only a rule without a label keeps the generic
  "Outages and recovery notices". A policy with no rule on outages promises no notice: the table is
  "Outages", without the notice columns, and no row says it has no notice target.
* Durations are ``h:mm``, or ``h:mm:ss`` in this table and the availability table alike when some
  figure is not a whole number of minutes (:func:`to_the_second`): three outages of 40 seconds read
  ``0:00:40`` each and ``0:02:00`` in all, not ``0:01`` each and ``0:02`` in all.
* A planned stop's announcements come from the row's ``notices`` (each with its channel, whether the
  channel is allowed and whether it was in time), never from the engine's English.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from typing import NamedTuple

from ..i18n import offset_on_change
from ..lang import model as lm
from . import MaintenanceRow, OutageRow, Report, StopRow, TargetRow, periods
from .conditions import unmet_words
from .outage_reasons import NotCounted
from .parts import Part
from .words import Cell, Mark, PolicyWords, hours_minutes, in_seconds


def notice_reason(o: OutageRow, w: PolicyWords) -> str:
    """Why an outage's notice has the status it has, in words; an excluded outage under the article its
    exclusion cites in the version that judged it (``第6条により適用外（お客様の責による問題）``), one with
    no target for the reason that holds (:func:`no_target`)."""
    if o.notice_status == "excluded":
        return excluded_reason(o, w.for_row(o))
    if o.notice_status == "not_applicable":
        return no_target(o, w).text
    return w.m(f"report.notice.{o.notice_status}")


class NoTarget(NamedTuple):
    """Why a notification rule set an outage no target, and since when that holds."""

    #: the reason in words
    text: str
    #: the instant it holds from (the start, or the event found outside the rule's hours); None: as of
    #: ``as_of`` (the event the rule counts from had not happened by then)
    at: dt.datetime | None


def no_target(o: OutageRow, w: PolicyWords, still_open: bool = True) -> NoTarget:
    """Why the first notification rule on an outage event set ``o`` (``not_applicable``) no target: the
    version that judged it has no such rule, the rule's ``when`` does not hold, the event it counts from
    had not happened (the recognition: :func:`not_recognised`, saying the outage goes on when it does and
    ``still_open``), or happened outside the hours it names (:func:`_why_not`)."""
    v = w.for_row(o)
    if not o.notices:  # (every rule on an outage event has a line in ``notices``, but a row read back may not)
        rule = next((n for n in v.model.notifications if n.after.startswith("outage.")), None) if v.model else None
        if rule is None:
            return NoTarget(v.m("report.na.no_outage_rule"), o.start)
        if rule.when is not None:  # (whether its `when` held is in the notices the row lacks: not said)
            return NoTarget(v.m("report.targets.not_applicable"), o.start)
        return _why_not(o, rule, v, still_open)
    first = o.notices[0]
    if first.unmet_when:  # `when` (issue 13)
        return NoTarget(unmet_words(first.name, first.attributes, v) or v.m("report.na.no_rule"), o.start)
    return _why_not(o, rule_model(v, first.name), v, still_open)


def excluded_reason(o: OutageRow, w: PolicyWords) -> str:
    """Why an excluded outage has no notice target: its cause, under the article its exclusion cites in
    the version ``w`` are the words of (:meth:`~.words.PolicyWords.excluded_because`; none: no number)."""
    return w.excluded_because(o.cause, "report.na.excluded", "report.na.excluded_under")


def not_recognised(o: OutageRow, w: PolicyWords, still_open: bool = True) -> str:
    """No notice target since the Company has not recognised the failure (and that it goes on, if it does
    and ``still_open``)."""
    reason = (
        w.m("report.na.not_recognised.relabelled", event=w.event_plain("outage.recognized"))
        if w.relabelled("outage.recognized")
        else w.m("report.na.not_recognised")
    )
    if o.end is None and still_open:
        still = w.m("report.na.still_open")
        reason += f"（{still}）" if w.lang == "ja" else f" ({still})"
    return reason


class Times(dict[dt.date, str]):
    """``w.t`` for many times, each day's words built once (a year's outages table writes thousands
    of times on a few hundred days)."""

    def __init__(self, w: PolicyWords) -> None:
        super().__init__()
        self.w = w

    def __missing__(self, day: dt.date) -> str:
        text = self[day] = self.w.d(day)
        return text

    def __call__(self, t: dt.datetime | None) -> str:
        """What ``w.t(t)`` gives: a time of a day its zone changes its offset with that offset too (``01:40
        (-05:00)``, :func:`~sla_dsl.i18n.offset_on_change`)."""
        if t is None:
            return self.w.t(t)
        return f"{self[t.date()]} {t.hour:02d}:{t.minute:02d}{offset_on_change(t)}"


def to_the_second(report: Report) -> bool:
    """Whether the report's durations (the availability figures, each outage's downtime) are shown to
    the second: some is not a whole number of minutes, and rounded each to the minute they would not
    add up as shown (three outages of 40 seconds: ``0:01`` each, ``0:02`` in all)."""
    a = report.availability
    figures = (a.period_minutes, a.excused_minutes, a.excluded_minutes, a.measured_minutes, a.downtime_minutes)
    return in_seconds(itertools.chain(figures, (o.downtime_minutes for o in report.outages)))


def outages_part(report: Report, w: PolicyWords) -> Part:
    tone = {"met": "good", "breached": "bad", "open": "warn"}
    t = Times(w)
    sec = to_the_second(report)
    several = any(len(o.notices) > 1 for o in report.outages)  # a line per rule, each by its label
    noticed = bool(_outage_rule_labels(report, w))  # (no rule on outages: no notice columns, no "no target")
    # the service of each outage, when they are of different ones (else a note says which); why one counts
    # less than it lasted
    services = len({_service_key(report, o) for o in report.outages}) > 1
    said = NotCounted(report, w, sec)
    why = [said(o) for o in report.outages]
    rows: list[list[Cell]] = []
    joined: list[int] = []
    early: list[OutageRow] = []  # (those whose notice shown was sent before the event its rule counts from)
    for o, off in zip(report.outages, why, strict=True):
        head: list[Cell] = [
            o.id,
            *([_service_of(o, w)] if services else []),
            t(o.start),
            t(o.end) if o.end else Mark(w.m("report.still_open"), "warn"),
            hours_minutes(o.downtime_minutes, sec),
            *([off or "-"] if any(why) else []),
        ]
        if not noticed:
            rows.append(head)
            joined.append(0)
            continue
        if not several:
            first = o.notices[0] if o.notices else None
            sent = notice_sent(o, first, rule_model(w.for_row(o), first.name) if first is not None else None)
            early += [o] if sent.early else []
            reason = Mark(notice_reason(o, w), tone.get(o.notice_status, ""))
            rows.append([*head, t(o.notice_due), _sent_cell(sent, t, w), reason])
            joined.append(0)
            continue
        for k, line in enumerate(rule_notices(o, w)):
            early += [o] if line.sent.early and k == 0 else []
            rows.append(
                [
                    *(head if k == 0 else [""] * len(head)),
                    line.label,
                    t(line.due),
                    _sent_cell(line.sent, t, w),
                    Mark(line.reason, tone.get(line.status, "")),
                ]
            )
            joined.append(len(head) if k else 0)
    # the times of `outage.notified` (each rule's own event on a line per rule): headed by the policy's words
    # for it where it relabels the type and every line's time is of that event
    notified, note = w.m("report.notified_at"), None
    if noticed and (not several or all(r.met_by == "outage.notified" for r in outage_rules(w))):
        notified, note = w.event_column("outage.notified", "report.notified_at")
    header = [
        w.m("report.id"),
        *([w.m("report.outages.service")] if services else []),
        w.m("report.start"),
        w.m("report.end"),
        w.m("report.downtime_hmmss" if sec else "report.downtime_hmm"),
        *([w.m("report.outages.not_counted")] if any(why) else []),
        *([w.m("report.outages.rule")] if several else []),
        *([w.m("report.notice_due"), notified, w.m("report.notice")] if noticed else []),
    ]
    spans = tuple(joined) if any(joined) else ()
    notes = (*overlap_notes(report, w), *([note] if note is not None else []), *_early_note(early, w))
    if not services:
        notes = (*_one_service_note(report, w), *notes)
    return Part(outages_title(report, w), header, rows, notes, "outages", (4 if services else 3,), spans)


def _service_key(report: Report, o: OutageRow) -> str | None:
    """The service an outage counts against: the one it names, else with several measured every one
    (None), else the one ``availability`` measures."""
    return o.service or (None if several_services(report) else report.availability.service)


def _service_of(o: OutageRow, w: PolicyWords) -> str:
    """The service an outage is of, by its label; an outage naming none counts against every one."""
    return w.service_label(o.service) if o.service else w.m("report.outages.every_service")


def _one_service_note(report: Report, w: PolicyWords) -> tuple[str, ...]:
    """Which service the outages listed are all of, when the policy has several (a column names each
    outage's when they differ): none to say for a policy with one service, or no outage."""
    if not report.outages:
        return ()
    declared = {s.name for p in w.policies for s in p.model.services}
    if len(declared) < 2 and not several_services(report):
        return ()
    key = _service_key(report, report.outages[0])
    if key is None:
        return (w.m("report.outages.every_service_note"),)
    return (w.m("report.outages.one_service", service=w.service_label(key)),)


#: the verdicts of a notification rule that judged an outage's notices: one sent before the event the rule
#: counts from does not count for it (:mod:`sla_dsl.evaluation.outages`)
JUDGED = frozenset({"met", "breached", "open"})


class Sent(NamedTuple):
    """The notice an outage's line shows for a notification rule."""

    #: the notice that met the rule, or came late; with none, the outage's first notice (``notified_at``)
    at: dt.datetime | None
    #: ``at`` is the first notice and the rule, which judged the outage, does not count it: it was sent
    #: before the event the rule counts from (a first report before the recognition of the failure)
    early: bool = False


def notice_sent(o: OutageRow, n: TargetRow | None, rule: lm.Notify | None) -> Sent:
    """The notice a line of ``o`` shows for notification rule ``n`` (``rule``: its model, None when not at
    hand): the one that met it or came late (``met_at``); with none, the outage's first notice, said
    ``early`` when the rule judged the outage (met, breached, open) and is met by ``outage.notified``: a
    notice the rule does not count. ``n`` None (a row read back without its notices): the first notice."""
    if n is None:
        return Sent(o.notified_at)
    if n.met_at is not None:
        return Sent(n.met_at)
    met_by = rule.met_by if rule is not None else "outage.notified"
    return Sent(o.notified_at, o.notified_at is not None and n.status in JUDGED and met_by == "outage.notified")


def _sent_cell(sent: Sent, t: Times, w: PolicyWords) -> str:
    """A notice's time; one its rule does not count, marked so (:func:`_early_note` says why)."""
    return w.m("report.outages.early", time=t(sent.at)) if sent.early else t(sent.at)


def _early_note(early: list[OutageRow], w: PolicyWords) -> tuple[str, ...]:
    """Why a notice marked not counted does not meet its rule: sent before the event the rule counts from
    (each such event by its words, as the version that judged the outage names it); none when none is."""
    events: list[str] = []
    for o in early:
        v = w.for_row(o)
        first = o.notices[0] if o.notices else None
        rule = rule_model(v, first.name) if first is not None else None
        said = v.event_plain(rule.after) if rule is not None else ""
        if said and said not in events:
            events.append(said)
    if not early:
        return ()
    if not events:
        return (w.m("report.outages.early_note.plain"),)
    return (w.m("report.outages.early_note", event=w.m("report.target.or").join(events)),)


class RuleNotice(NamedTuple):
    """One notification rule's line of an outage."""

    #: the rule's label (its name in backticks when it has none)
    label: str
    due: dt.datetime | None
    #: the notice that met the rule, or came late (on the first line with none: the outage's first notice)
    sent: Sent
    #: the verdict in words
    reason: str
    #: the verdict (``met``, ``breached``, ``open``, ``not_applicable``, ``excluded``)
    status: str


def rule_notices(o: OutageRow, w: PolicyWords) -> list[RuleNotice]:
    """Each notification rule's verdict on ``o`` (its ``notices``, in the policy's order), worded from the
    version that judged it; the first rule's from the row's own fields (:func:`notice_reason`), as the
    table of a policy with one rule says it. A notice sent that no rule's line shows (no rule met it or
    came late) stands on the first line, as it does in that table, marked when that rule does not count it
    (:func:`notice_sent`); an outage without notices has one line."""
    v = w.for_row(o)
    if not o.notices:
        return [RuleNotice("-", o.notice_due, Sent(o.notified_at), notice_reason(o, v), o.notice_status)]
    out: list[RuleNotice] = []
    for k, n in enumerate(o.notices):
        rule = rule_model(v, n.name)
        label = (rule.label.text(v.lang) if rule is not None else "") or f"`{n.name}`"
        first = k == 0 and n.status == o.notice_status
        reason = notice_reason(o, v) if first else rule_reason(o, n, rule, v)
        out.append(RuleNotice(label, n.due, Sent(n.met_at), reason, n.status))
    if o.notified_at is not None and all(x.sent.at is None for x in out):
        out[0] = out[0]._replace(sent=notice_sent(o, o.notices[0], rule_model(v, o.notices[0].name)))
    return out


def rule_model(w: PolicyWords, name: str) -> lm.Notify | None:
    """The notification rule ``name`` of the version ``w`` are the words of (None: not there)."""
    return next((n for n in w.model.notifications if n.name == name), None) if w.model is not None else None


def outage_rules(w: PolicyWords) -> list[lm.Notify]:
    """The notification rules of the version ``w`` are the words of that count from an outage event, in
    the policy's order."""
    return [n for n in (w.model.notifications if w.model is not None else ()) if n.after.startswith("outage.")]


def first_rule(o: OutageRow, w: PolicyWords) -> lm.Notify | None:
    """The notification rule whose verdict an outage row's own fields are (``notice_due``, ``notified_at``,
    ``notice_status``), in the version that judged it: the rule of its first line of ``notices``, else (a
    row read back without them) that version's first rule on an outage event; None: no such rule."""
    v = w.for_row(o)
    if o.notices:
        return rule_model(v, o.notices[0].name)
    rules = outage_rules(v)
    return rules[0] if rules else None


def notice_name(w: PolicyWords, rule: lm.Notify | None) -> str:
    """What the notice a notification rule on outages asks for is called: the rule's label in the report's
    language (``First report``, ``復旧情報通知時間``), as the summary names it; the generic words
    (``recovery notice``) only for a rule without a label, or none."""
    label = rule.label.text(w.lang) if rule is not None else ""
    return label or w.m("report.outage_notice")


def _outage_rule_labels(report: Report, w: PolicyWords) -> dict[str, set[str]]:
    """The notification rules on outage events of the versions that judged the period (those in force, and
    those that judged an outage begun before ``from``): each rule's labels, by its name."""
    names = {o.policy_version for o in report.outages}
    found: dict[str, set[str]] = {}
    for v in w.during([*report.versions_in_force(), *sorted(n for n in names if isinstance(n, str))]):
        for rule in outage_rules(v):
            found.setdefault(rule.name, set()).add(rule.label.text(w.lang))
    return found


def outages_title(report: Report, w: PolicyWords) -> str:
    """The heading of the outages table: named after the one notification rule on outages of the versions
    that judged the period (those in force, and those that judged an outage begun before ``from``) by its
    label, ``Outages and notices (First report)``, so that it never calls a first report a recovery
    notice; ``Outages and notices`` when there are several rules (or one labelled differently by two
    versions), each named on its own lines of the table; the generic ``Outages and recovery notices``
    for one rule without a label; ``Outages`` when none of those versions has a rule on outages (no
    notice is promised: the table has no notice columns)."""
    found = _outage_rule_labels(report, w)
    if not found:
        return w.m("report.outages.plain")
    if len(found) > 1:
        return w.m("report.outages.several")
    labels = next(iter(found.values()), {""})
    if len(labels) > 1:
        return w.m("report.outages.several")
    label = next(iter(labels))
    return w.m("report.outages.named", rule=label) if label else w.m("report.outages")


def rule_reason(o: OutageRow, n: TargetRow, rule: lm.Notify | None, w: PolicyWords) -> str:
    """Why a notification rule other than the first has the verdict it has on ``o``, in words: what the
    row says of it (its ``when`` not met, the outage excluded), else what its ``after`` event and
    ``only if ... during`` hours make of the outage (:func:`_why_not`). Nothing is read from the
    engine's English."""
    if n.status == "excluded":
        return excluded_reason(o, w)
    if n.status != "not_applicable":
        key = f"report.notice.{n.status}"
        return w.m(key if n.status in ("met", "breached", "open") else f"report.targets.{n.status}")
    if n.unmet_when:
        return unmet_words(n.name, n.attributes, w) or w.m("report.targets.not_applicable")
    return _why_not(o, rule, w).text


def _why_not(o: OutageRow, rule: lm.Notify | None, w: PolicyWords, still_open: bool = True) -> NoTarget:
    """Why ``rule``, its ``when`` met and the outage not excluded, set ``o`` no target: the event it
    counts from had not happened by ``as_of`` (the only reason for a rule that names no hours), or
    happened outside the hours it names; plainly not applicable where the row does not tell which (an
    event the row has no field for, under a rule that names hours)."""
    plain = NoTarget(w.m("report.targets.not_applicable"), o.start)
    if rule is None:
        return plain
    known, at = _after_event(o, rule.after)
    hours = rule.only_during
    if hours is None and known and at is not None:  # (the event there and no hours: a target was set)
        return plain
    if hours is not None and not known:
        return plain
    if hours is None or at is None:  # the event the rule counts from has not happened
        if rule.after == "outage.recognized":
            return NoTarget(not_recognised(o, w, still_open), None)
        return NoTarget(w.m("report.outages.no_event", event=w.event_plain(rule.after)), None)
    if rule.after == "outage.recognized" and hours == lm.BUSINESS:
        if w.relabelled(rule.after):  # (in the policy's words for the recognition)
            return NoTarget(w.m("report.na.outside_hours.relabelled", event=w.event_plain(rule.after)), at)
        return NoTarget(w.m("report.na.outside_hours"), at)
    said = w.m("report.outages.outside_hours", event=w.event_plain(rule.after), calendar=w.calendar_label(hours))
    return NoTarget(said, at)


def _after_event(o: OutageRow, after: str) -> tuple[bool, dt.datetime | None]:
    """Whether the row tells when the event ``after`` happened, and when (None: not by ``as_of``):
    ``start``, ``end`` and ``recognized_at`` (the first ``outage.recognized``, whatever the rules count
    from) do."""
    if after == "outage.started":
        return True, o.start
    if after == "outage.ended":
        return True, o.end
    if after == "outage.recognized":
        return True, o.recognized_at
    return False, None


def several_services(report: Report) -> bool:
    """Whether the report measures more than one service (``availability`` then measures one of them)."""
    return len({p.service for p in report.availability_periods}) > 1


def counts_against(o: OutageRow, service: str | None) -> bool:
    """Whether an outage counts against ``service`` (None: the figures of a policy measuring none, which
    count every outage): it names that service, or none."""
    return service is None or o.service is None or o.service == service


def overlap_notes(report: Report, w: PolicyWords) -> tuple[str, ...]:
    """The note that overlapping outages count once, when the own downtimes of the outages that count
    against the service ``availability`` measures add to more than its total (other services' outages
    are not in that total, so not in the sum either): naming that service when the report measures
    several, or lists an outage of another service (of one it does not measure: the outages table's
    downtimes then add to more than the sum the note gives)."""
    a = report.availability
    own = sum(o.downtime_minutes for o in report.outages if counts_against(o, a.service))
    sec = to_the_second(report)
    said = {"sum": hours_minutes(own, sec), "total": hours_minutes(a.downtime_minutes, sec)}
    if said["sum"] == said["total"]:
        return ()
    others = any(not counts_against(o, a.service) for o in report.outages)
    if a.service is not None and (others or several_services(report)):
        return (w.m("report.overlap_note_service", service=w.service_label(a.service), **said),)
    return (w.m("report.overlap_note", **said),)


def stop_notices(s: StopRow) -> list[tuple[dt.datetime, str, bool, bool]]:
    """Each notice of a stop: (sent at, channel, by an allowed channel, in time), from the row's data."""
    return [(n.at, n.channel, n.allowed_channel, n.in_time) for n in s.notices]


def notice_fault(w: PolicyWords, good_channel: bool, in_time: bool) -> str:
    """Why one notice of a planned stop is not valid (or that it is)."""
    if good_channel and in_time:
        return w.m("report.stop.valid")
    if not good_channel and not in_time:
        return w.m("explain.stop.late_channel")
    return w.m("explain.stop.bad_channel" if not good_channel else "explain.stop.too_late")


def stop_reason(s: StopRow, w: PolicyWords) -> str:
    """Why a stop's notice is valid or not, naming every notice sent."""
    if s.notice_ok:
        return w.m("report.stop.valid")
    notices = stop_notices(s)
    if not notices:
        return w.m("report.stop.none")
    parts = [
        w.m("report.stop.notice", at=w.t(at), channel=w.channel(channel), why=notice_fault(w, ok_channel, in_time))
        for at, channel, ok_channel, in_time in notices
    ]
    return "、".join(parts) if w.lang == "ja" else "; ".join(parts)


def stops_part(report: Report, w: PolicyWords) -> Part:
    rows: list[list[Cell]] = []
    for s in report.planned_stops:
        notices = stop_notices(s)
        sent = notices[0] if notices and not s.notice_ok else None
        at = s.notice_at if s.notice_ok or sent is None else sent[0]
        channel = s.channel if s.notice_ok or sent is None else sent[1]
        rows.append(
            [
                s.id,
                w.t(s.start),
                w.t(s.end),
                w.by_end_of(s.notice_deadline),
                w.t(at),
                w.channel(channel),
                Mark(stop_reason(s, w), "good" if s.notice_ok else "bad"),
            ]
        )
    header = [
        w.m("report.id"),
        w.m("report.start"),
        w.m("report.end"),
        w.m("report.notice_deadline"),
        w.m("report.notice_at"),
        w.m("report.channel"),
        w.m("report.valid"),
    ]
    notes = (w.m("report.stop.invalid_note"),) if any(not s.notice_ok for s in report.planned_stops) else ()
    return Part(w.m("report.stops"), header, rows, notes, "stops")


def _moved_from(mw: MaintenanceRow, w: PolicyWords) -> str:
    """Why a maintenance window moved, as the site and the ``.ics`` say it: from which day, and the holiday
    or closure that fell on it by its name (``holiday yearly``'s label, a national holiday's name: the
    calendar's :meth:`~sla_dsl.calendars.business_index.BusinessIndex.holiday_name`, which names the
    site's), else that it was not a business day. The rule and its calendar are those of the version that
    laid the window (:func:`window_words`), not of the version at ``from``: a closure a later version adds
    moves its window in both languages."""
    v = window_words(mw, w)
    rule = next((mt for mt in v.model.maintenance if mt.name == mw.name), None) if v.model is not None else None
    name = None
    if rule is not None and rule.calendar and v.policy is not None and mw.scheduled is not None:
        name = v.policy.calendar(rule.calendar).holiday_name(mw.scheduled, v.lang)
    if name is None and v.lang == "en" and mw.reason and mw.reason != "not a business day":
        name = mw.reason  # (the row's own English, when the versions given do not have the window's rule)
    if name is None:
        return w.m("report.moved_from", scheduled=mw.scheduled)
    return w.m("report.moved_from_holiday", scheduled=mw.scheduled, holiday=name)


def window_words(mw: MaintenanceRow, w: PolicyWords) -> PolicyWords:
    """The words of the version that laid a maintenance window: the one its ``policy_version`` names, else
    (a row read back from a JSON written without it) the version in force at its start, as the evaluator
    lays each window."""
    return w.for_row(mw) if mw.policy_version is not None else w.at(mw.start.date())


def maintenance_part(report: Report, w: PolicyWords) -> Part:
    rows: list[list[Cell]] = [
        [
            w.t(mw.start),
            w.t(mw.end),
            _moved_from(mw, w) if mw.moved and mw.scheduled else w.m("report.scheduled"),
        ]
        for mw in report.maintenance
    ]
    return Part(
        w.m("report.maintenance"),
        [w.m("report.start"), w.m("report.end"), w.m("report.moved")],
        rows,
        key="maintenance",
    )


def backups_part(report: Report, w: PolicyWords) -> Part:
    kinds: dict[str, Counter[str]] = {}
    missed: dict[str, list[str]] = {}
    for b in report.backups:
        kinds.setdefault(b.kind, Counter())[b.status] += 1
        if b.status == "missed":
            missed.setdefault(b.kind, []).append(periods.window_shown(b.window_start, b.day, w))
    sep = "、" if w.lang == "ja" else ", "
    rows: list[list[Cell]] = [
        [
            w.backup_kind(k),
            str(c["ok"]),
            Mark(str(c["missed"]), "bad") if c["missed"] else "0",
            str(c["pending"]),
            sep.join(missed.get(k, [])) or "-",
        ]
        for k, c in kinds.items()
    ]
    header = [
        w.m("report.kind"),
        w.m("report.backup.ok"),
        w.m("report.backup.missed"),
        w.m("report.backup.pending"),
        w.m(periods.missed_header(report)),
    ]
    return Part(w.m("report.backups"), header, rows, key="backups", numeric=(1, 2, 3))

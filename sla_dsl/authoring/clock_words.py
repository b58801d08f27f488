"""Clocks in words for the language server's hover (issue 12): start, pauses, stops, resets, restarts,
cancels, warning; and a target's out-of-hours time. Also the words every hover shares: a name the
author wrote with its words, a duration.

Design notes
------------
* Every hover is worded in the document's primary language from the catalogue
  (``author.hover.*``, :mod:`sla_dsl.i18n.hover`); the English is what it always said.
* A name from the policy (a calendar, an event type, an attribute) stays as written, in
  backticks; in Japanese it is followed by its words: a calendar's or an attribute's label,
  a contract event as the site says it (:func:`sla_dsl.report.words.event_words`), a
  declared event by its label (``author.hover.named``).
* A duration is the policy's own text in English (``4 business hours``, as the hover always
  said) and the report's units in Japanese (``4営業時間``, ``7日間``: :data:`sla_dsl.i18n.terms.UNITS`).
"""

from __future__ import annotations

from ..i18n import message
from ..i18n.terms import UNITS, ordinal
from ..lang import model as m
from ..report.target_names import next_reply_clock, target_word
from ..report.words import event_words


def own(label: m.Label, lang: str) -> str:
    """A label's text in ``lang`` alone (never the other language's words), or ``""``."""
    return (label.ja if lang == "ja" else label.en) or ""


def named(name: str, words: str, lang: str) -> str:
    """A name as the policy writes it, in backticks, with its words in Japanese: `` `business`（当社営業時間）``."""
    return message("author.hover.named", lang, name=name, words=words) if words else f"`{name}`"


def calendar_named(name: str, pm: m.PolicyModel, lang: str) -> str:
    """A calendar by its name, with its label in Japanese."""
    cal = next((c for c in pm.calendars if c.name == name), None)
    return named(name, own(cal.label, lang) if cal is not None else "", lang)


def event_named(name: str, pm: m.PolicyModel, lang: str) -> str:
    """An event type by its name in the log, with its words in Japanese (the site's, or its declared label)."""
    return named(name, event_words(name, lang, {e.name: e.label for e in pm.event_types}), lang)


def duration_words(d: m.Duration, lang: str, pm: m.PolicyModel | None = None) -> str:
    """``4 business hours`` as the policy writes it; in Japanese the report's ``4営業時間``, ``7日間``, and on a
    calendar other than ``business`` (when ``pm`` is given) that calendar's label: ``4営業時間（英語窓口）``."""
    if lang != "ja":
        return str(d)
    unit = UNITS[d.unit.value]
    said = f"{d.amount}{unit.business if d.is_business else unit.length}"
    if pm is None or d.calendar is None or d.calendar == m.BUSINESS:
        return said
    cal = next((c for c in pm.calendars if c.name == d.calendar), None)
    label = own(cal.label, lang) if cal is not None else ""
    return message("report.unit.on_calendar", lang, amount=said, calendar=label or f"`{d.calendar}`")


def _events(names: tuple[str, ...], pm: m.PolicyModel, lang: str, sep: str = "author.sep.list") -> str:
    return message(sep, lang).join(event_named(e, pm, lang) for e in names)


def hover_clock(c: m.ClockRule, pm: m.PolicyModel, lang: str = "en") -> str:
    """Markdown for a hover on a clock's name: its life cycle and the targets measured on it, in ``lang``."""

    def say(key: str, **fields: object) -> str:
        return message(f"author.hover.clock.{key}", lang, **fields)

    lines = [message("author.hover.clock", lang, name=c.name, label=own(c.label, lang)).rstrip()]
    lines.append(say("starts", events=_events(c.starts, pm, lang, "author.hover.clock.else")))
    lines += [
        say("pauses", at=event_named(p.at, pm, lang), until=_events(p.until, pm, lang, "author.hover.clock.or"))
        for p in c.pauses
    ]
    lines += [
        say("not_due", at=event_named(h.at, pm, lang), until=_events(h.until, pm, lang, "author.hover.clock.or"))
        for h in c.not_due
    ]
    for key, events in (("stops", c.stops), ("resets", c.resets), ("restarts", c.restarts), ("cancels", c.cancels)):
        if events:
            lines.append(say(key, events=_events(events, pm, lang)))
    if len(c.risk_thresholds) > 1:  # `at risk at 50%, 75% of target`
        several = message("author.sep.list", lang).join(f"{p:g}%" for p in c.risk_thresholds)
        lines.append(say("at_risks", first=f"{c.risk_thresholds[0]:g}%", percents=several))
    elif c.at_risk_percent is not None:
        lines.append(say("at_risk", percent=f"{c.at_risk_percent:g}"))
    used = [
        say(
            "target.labelled" if label else "target",
            pid=p.id,
            label=label,
            kind=kind_words(t, pm, lang),
            duration=_target_words(t, lang, pm),
            extra=say("extra", extra=duration_words(t.out_of_hours.extra, lang, pm)) if t.out_of_hours else "",
        )
        for p in pm.priorities
        if any(t.clock == c.name for t in p.targets)
        for label in (rule_label(p, pm, lang),)
        for t in p.targets
        if t.clock == c.name
    ]
    if used:
        lines.append(say("measures", targets=say("target_sep").join(used)))
    return "\n".join(lines)


def kind_words(t: m.ClockTarget, pm: m.PolicyModel, lang: str) -> str:
    """A named target's kind as a hover names it (``first reply``, ``初回回答``); a first reply on a clock that
    restarts by the clock's label, quoted (``“Reply to each message”``), else ``next reply`` / ``次回回答``, as the
    report names it (:func:`~sla_dsl.report.target_names.target_word`)."""
    if next_reply_clock(pm, t.kind, t.clock) is not None:
        return target_word(pm, t.kind, t.clock, lang, goal=True)
    return message(f"author.hover.kind.{t.kind}", lang)


def _target_words(t: m.ClockTarget, lang: str, pm: m.PolicyModel) -> str:
    """A named target's time: its duration in words, or the instant of a business day it is due at
    (``2営業日目の終業時刻まで`` / ``by the end of the 2nd business day``, ``by 16:00 on the 1st business day``)."""
    day = t.by_day
    if day is None:
        assert t.duration is not None  # (a target not due on a business day has a duration)
        return duration_words(t.duration, lang, pm)
    nth = day.nth if lang == "ja" else ordinal(day.nth)
    if day.at is None:
        return message("report.target.by_end", lang, nth=nth)
    return message("report.target.by_time", lang, nth=nth, time=str(day.at))


def rule_label(p: m.Priority, pm: m.PolicyModel, lang: str) -> str:
    """What names rule ``p`` apart from the other rules of its id (``when``, issue 13): its label in
    ``lang``, and its line too when another rule of the id has the same label, or none either (each rule's
    targets are its own: ``P1 Urgent (premium): resolve 2 hours; P1 Urgent: resolve 8 hours``); ``""``
    for the only rule of its id, which its id names."""
    rules = pm.rules_of(p.id)
    if len(rules) < 2:
        return ""
    label = own(p.label, lang)
    if sum(1 for r in rules if own(r.label, lang) == label) < 2:
        return label
    return message("author.hover.clock.rule_line", lang, label=label, line=p.span.line).strip()


def hover_out_of_hours(t: m.ClockTarget, ooh: m.OutOfHours, pm: m.PolicyModel, lang: str = "en") -> str:
    """Markdown for a hover on a target's out-of-hours tail (``, plus 24 hours if received outside business
    hours``): Request Tracker's ``OutOfHours``, per cycle of the clock, in ``lang``."""
    assert t.duration is not None  # (only a target with a duration has an out-of-hours tail)
    duration = duration_words(t.duration, lang, pm)
    total = message("author.hover.ooh.total", lang, duration=duration, extra=duration_words(ooh.extra, lang, pm))
    # (a next reply by its clock's label, not as the keyword written: `first reply`)
    heading = "author.hover.ooh.next_reply" if next_reply_clock(pm, t.kind, t.clock) else "author.hover.ooh"
    calendar = calendar_named(ooh.calendar, pm, lang)
    return "\n".join(
        [
            message(heading, lang, kind=kind_words(t, pm, lang), clock=t.clock),
            message("author.hover.ooh.outside", lang, calendar=calendar, total=total),
            message("author.hover.ooh.inside", lang, duration=duration),
        ]
    )


def hover_breach_credit(pri: m.Priority, credit: m.BreachCredit, pm: m.PolicyModel, lang: str) -> str:
    """The LSP hover of a priority's ``credit 5% per breach`` line: the target it belongs to, what one breach
    owes, the cap and the measurement period a breach is counted in."""
    if credit.clock is None:
        target = message("author.hover.breach_credit.response", lang)
    else:
        clock = next((c for c in pm.clocks if c.name == credit.clock), None)
        target = message(
            "author.hover.breach_credit.named",
            lang,
            kind=message(f"author.hover.breach_credit.kind.{credit.kind}", lang),
            clock=named(credit.clock, own(clock.label, lang) if clock is not None else "", lang),
        )
    period = message(f"author.hover.breach_credit.period.{credit.period.value}", lang)
    cap = (
        message("author.hover.breach_credit.cap", lang, cap=f"{credit.cap:g}%", period=period)
        if credit.cap is not None
        else message("author.hover.breach_credit.no_cap", lang, period=period)
    )
    return message(
        "author.hover.breach_credit", lang, priority=pri.id, target=target, percent=f"{credit.percent:g}%", cap=cap
    )

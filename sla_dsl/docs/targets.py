"""The docs site's words for clock life cycles and named targets (issue 12), in Japanese and English.

Design notes
------------
* :func:`clock_lines` adds a clock's pauses, stops and resets under its start;
  :func:`targets_html` lists a priority's named targets in the priority table,
  each with the clock it is measured on (:func:`clock_name`: by the clock's
  label, else by what it measures, ``解決目標時間``, never its internal name)
  and its out-of-hours time (:func:`out_of_hours`: Request Tracker's ``OutOfHours``), and under
  each target (the plain response target first) its service credit per missed target (:func:`credit_lines`).
  Event names go through :func:`.text.event`, so a Japanese page shows no
  internal name where the catalogue has a label.
* Words from the typed catalogue (:mod:`sla_dsl.i18n.site_tables`, ``site.targets.*``;
  a target's kind is the report's ``report.targets.<kind>``).
"""

from __future__ import annotations

from ..i18n import message
from ..lang import model as m
from ..report.target_names import target_word
from . import text as tx


def _w(lang: str, key: str, **values: object) -> str:
    """The site's word ``site.targets.<key>`` in ``lang`` (English for any other language), an amount of
    time counted where the sentence counts it (``3日以内``, :func:`.text.t`)."""
    return tx.t(f"targets.{key}", lang, **values)


def clock_name(c: m.ClockRule | None, model: m.PolicyModel, lang: str) -> str:
    """A clock as a reader knows it (HTML-escaped): its label, else the targets measured on it
    (``解決目標時間`` / ``resolution``; a periodic update only when nothing else is; a first reply on a clock
    that restarts is a next reply, ``次回回答目標時間``: :func:`~sla_dsl.report.target_names.target_word`)."""
    if c is not None and c.label.text(lang):
        return tx.esc(c.label.text(lang))
    kinds = [t.kind for p in model.priorities for t in p.targets if c is not None and t.clock == c.name]
    kind = next((k for k in kinds if k != "update"), kinds[0] if kinds else "respond")
    goal = target_word(model, kind, c.name if c is not None else None, lang, goal=True)
    return tx.esc(message("site.clock_for", lang, g=goal))


def clock_lines(c: m.ClockRule, lang: str) -> list[str]:
    """HTML lines for a clock's pauses, holds (``not due at``), stops, resets, restarts and cancels (none for a
    clock without them)."""
    out = [
        _w(lang, "pauses", a=tx.event(p.at, lang), u=_w(lang, "or").join(tx.event(e, lang) for e in p.until))
        for p in c.pauses
    ]
    out += [
        _w(lang, "not_due", a=tx.event(h.at, lang), u=_w(lang, "or").join(tx.event(e, lang) for e in h.until))
        for h in c.not_due
    ]
    if c.stops:
        out.append(_w(lang, "stops", e=_w(lang, "or").join(tx.event(e, lang) for e in c.stops)))
    if c.resets:
        out.append(_w(lang, "resets", e=_w(lang, "or").join(tx.event(e, lang) for e in c.resets)))
    if c.restarts:
        out.append(_w(lang, "restarts", e=_w(lang, "or").join(tx.event(e, lang) for e in c.restarts)))
    if c.cancels:
        out.append(_w(lang, "cancels", e=_w(lang, "or").join(tx.event(e, lang) for e in c.cancels)))
    return out


def targets_html(p: m.Priority, model: m.PolicyModel, lang: str) -> str:
    """The named targets of a priority, one per line, for its cell of the priority table (each line after a
    line break, on its own line of the HTML: its text is never run into the line before it)."""
    clocks = {c.name: c for c in model.clocks}
    lines = credit_lines(p, "respond", None, lang)  # (the plain response target's, in the cell above)
    for t in p.targets:
        name = clock_name(clocks.get(t.clock), model, lang)
        if t.by_day is not None:  # `resolve by end of 2nd business day on resolution`
            said = tx.esc(str(tx.target_text(t.by_day, lang)))
            lines.append(_w(lang, "by_day", what=target_word(model, t.kind, t.clock, lang), clock=name, d=said))
            lines += credit_lines(p, t.kind, t.clock, lang)
            continue
        assert t.duration is not None  # (a target not due on a business day has a duration)
        d = tx.esc(tx.duration(t.duration, lang))
        if t.kind == "update":
            by = _w(lang, "or").join(tx.event(e, lang) for e in t.by)
            lines.append(_w(lang, "update", clock=name, d=d, by=by))
        else:
            line = _w(lang, "within", what=target_word(model, t.kind, t.clock, lang), clock=name, d=d)  # (a next reply)
            if t.out_of_hours is not None:  # `, plus 24 hours if received outside business hours`
                line += out_of_hours(t.out_of_hours, model, lang)
            lines.append(line)
        lines += credit_lines(p, t.kind, t.clock, lang)
    # each line on a line of its own in the HTML too: text taken with the tags stripped (the site's search
    # index, an element's textContent) keeps a space between a line and the next, which <br> alone does not
    return "".join(f"\n<br><small>{x}</small>" for x in lines)


def out_of_hours(ooh: m.OutOfHours, model: m.PolicyModel, lang: str) -> str:
    """The tail of a target's line for its out-of-hours time (HTML-escaped): ``（営業時間外の受付は24時間を加算）``
    / `` (plus 24 hours if received outside business hours)``; on a calendar other than ``business`` that
    calendar by its label (its name without one): ``（「英語窓口」の営業時間外の受付は…）``."""
    d = tx.esc(tx.duration(ooh.extra, lang))
    if ooh.calendar == m.BUSINESS:  # what "business hours" means in a policy (as :func:`.text.on_calendar`)
        return _w(lang, "out_of_hours", d=d)
    cal = next((c for c in model.calendars if c.name == ooh.calendar), None)
    shown = cal.label.text(lang) if cal is not None else ""
    return _w(lang, "out_of_hours_on", c=tx.esc(shown or ooh.calendar), d=d)


def credit_lines(p: m.Priority, kind: str, clock: str | None, lang: str) -> list[str]:
    """The service credit per missed target of one target of ``p`` (``credit 5% per breach, at most 25%
    monthly``), as a line under it: ``未達1件につき料金の5%をクレジット（月ごとの上限25%）`` (none without one)."""
    out = []
    for c in p.breach_credits:
        if (c.kind, c.clock) != (kind, clock):
            continue
        period = _w(lang, f"credit_period.{c.period.value}")
        tail = _w(lang, "credit_cap", period=period, cap=f"{c.cap:g}%") if c.cap is not None else ""
        out.append(_w(lang, "credit", percent=f"{c.percent:g}%", period=period, cap=tail))
    return out

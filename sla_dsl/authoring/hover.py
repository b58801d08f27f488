"""What ``sla lsp`` shows on hover, and the names and positions it finds in a document.

Design notes
------------
* Every hover is worded in the document's primary language (``languages ja, en``: Japanese),
  English when it declares none, as its diagnostics are (``author.hover.*`` in the catalogue;
  the words hovers share are :mod:`.clock_words`'s): ``4営業時間 ＝ カレンダー `business`（当社営業時間）の
  営業時間で4時間：…``.
* Hover on a duration says what it means on the policy's own calendar, with a worked example
  computed by :class:`~sla_dsl.policy.Policy` (``4 business hours: from Fri 16:00 due Mon 12:00``);
  hover on a calendar name summarises the calendar (zone, days and hours, holidays, closures).
* Our spans are 1-based with columns counted in characters; LSP positions are 0-based with
  columns in UTF-16 code units, so columns are converted through the line's text (a character
  outside the BMP counts two): :func:`utf16_column`, :func:`char_column`.
* No pygls and no LSP types here: :mod:`.lsp` (the server) asks this module for a hover's
  Markdown, a name's declaration and a completion's detail, so all of them can be used and
  tested without the server.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ..i18n import format_date
from ..i18n import message as catalogue_message
from ..i18n.authoring import names as names_of
from ..i18n.places import region_name, zone_title
from ..lang import model as m
from ..lang import service_plans
from ..lang.conditions import MAX_ASSIGNMENTS, assignments, by_id, combos, defaults, holds, select
from ..lang.lines import source_lines
from .clock_words import calendar_named, duration_words, event_named, hover_clock, hover_out_of_hours, named, own

WORD = re.compile(r"[A-Za-z0-9_.]+")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# ---- positions -------------------------------------------------------------------------------


def utf16_column(line_text: str, column: int) -> int:
    """A 0-based character column as a 0-based UTF-16 column."""
    head = line_text[: max(0, column)]
    return column + sum(1 for ch in head if ord(ch) > 0xFFFF)


def char_column(line_text: str, utf16: int) -> int:
    """A 0-based UTF-16 column as a 0-based character column."""
    units = 0
    for i, ch in enumerate(line_text):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line_text)


# ---- names in a document ---------------------------------------------------------------------


def _contains(span: m.Span, line: int, column: int) -> bool:
    """Whether the 1-based (line, column) lies in ``span``."""
    if span == m.NO_SPAN:
        return False
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)


def word_at(text: str, line: int, character: int) -> tuple[str, int] | None:
    """The name under a 0-based LSP position and its 0-based character column."""
    lines = source_lines(text)
    if not 0 <= line < len(lines):
        return None
    src = lines[line]
    col = char_column(src, character)
    for match in WORD.finditer(src):
        if match.start() <= col <= match.end():
            return match.group(), match.start()
    return None


def declarations(pm: m.PolicyModel) -> dict[str, m.Node]:
    """Declared names (calendars, priorities, services, ...) and their nodes."""
    out: dict[str, m.Node] = {}
    for group in (pm.calendars, pm.services, pm.maintenance, pm.clocks, pm.notifications):
        for node in group:
            out.setdefault(node.name, node)
    for p in pm.priorities:
        out.setdefault(p.id, p)
    for b in pm.backups:
        out.setdefault(b.kind, b)
    for e in pm.exclusions:
        out.setdefault(e.cause, e)
    for d in pm.event_types:  # declared event types: go to the `event` line
        out.setdefault(d.name, d)
    return out


# ---- hover -------------------------------------------------------------------------------------


def _example_start(policy: Any, weekday: int = 4, hour: int = 16) -> dt.datetime:
    """The next Friday 16:00 (policy time) from today: a worked example's clock start."""
    today = dt.datetime.now(policy.tz).date()
    day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=policy.tz)


def _example_time(when: dt.datetime, lang: str) -> dict[str, str]:
    """A worked example's time as its day and its time of day: ``2026年11月6日(金)``, ``16:00`` as the
    report says them; in English ``2026-11-06``, ``Fri 16:00`` as the hover always said."""
    if lang == "ja":
        return {"date": format_date(when.date(), lang), "time": f"{when:%H:%M}"}
    return {"date": f"{when:%Y-%m-%d}", "time": f"{WEEKDAYS[when.weekday()]} {when:%H:%M}"}


def hover_duration(pm: m.PolicyModel, d: m.Duration, lang: str = "en") -> str:
    """What a duration means, with an example on the policy's calendar, in ``lang``."""
    from ..policy.compiled import Policy, add_calendar_duration

    policy = Policy(pm)
    said = duration_words(d, lang)
    start = _example_start(policy)
    if d.calendar is None:
        due = add_calendar_duration(start, d)
        key, more = "author.hover.duration.elapsed", {}
    else:
        try:
            delta = policy.duration_delta(d)
            due = policy.add_business_time(start, delta, d.calendar)
        except (KeyError, LookupError, ValueError):
            return catalogue_message("author.hover.duration.undeclared", lang, d=said, calendar=d.calendar)
        key = "author.hover.duration"
        more = {"hours": f"{delta.total_seconds() / 3600:g}", "calendar": calendar_named(d.calendar, pm, lang)}
    begin, end = _example_time(start, lang), _example_time(due, lang)
    return catalogue_message(
        key, lang, d=said, start=begin["time"], start_date=begin["date"], due=end["time"], due_date=end["date"], **more
    )


def _time_range(r: m.TimeRange, lang: str) -> str:
    key = "author.hover.calendar.overnight" if r.overnight and r.end.minutes != 0 else "author.hover.calendar.range"
    return catalogue_message(key, lang, start=str(r.start), end=str(r.end))


def hover_calendar(cal: m.Calendar, lang: str = "en") -> str:
    """A summary of a calendar: zone, days, hours (per weekday), holidays, closures, date hours, in ``lang``."""

    def say(key: str, **fields: object) -> str:
        return catalogue_message(f"author.hover.calendar.{key}", lang, **fields)

    label = own(cal.label, lang)
    parts = [catalogue_message("author.hover.calendar", lang, name=cal.name) + (f" — {label}" if label else "")]
    if cal.timezone:
        parts.append(say("zone", zone=cal.timezone, title=zone_title(cal.timezone, lang)))
    lines = []
    for days, ranges in cal.weekday_groups():
        per_day = sum(r.end_minutes - r.start.minutes for r in ranges) / 60
        idx = [d.index for d in days]
        names = [catalogue_message(f"author.hover.weekday.{d.value}", lang) for d in days]
        contiguous = len(days) > 2 and idx == list(range(idx[0], idx[0] + len(idx)))
        span = say("run", first=names[0], last=names[-1]) if contiguous else say("day_sep").join(names)
        hours = catalogue_message("author.sep.list", lang).join(_time_range(r, lang) for r in ranges)
        lines.append(say("days", days=span, hours=hours or say("no_hours"), per_day=f"{per_day:g}"))
    parts.append(catalogue_message("author.sep.help", lang).join(lines) if lines else say("closed"))
    if cal.holidays:
        places = catalogue_message("author.sep.list", lang).join(region_name(c, lang) for c in cal.holidays)
        parts.append(say("holidays", codes=names_of(cal.holidays, lang), places=places))
    closures = len(cal.closed) + len(cal.closed_yearly) + len(cal.named_holidays)
    if closures:
        parts.append(say("closures", n=closures))
    if cal.date_hours or cal.closed_hours:
        parts.append(say("dates", dates=len(cal.date_hours), partial=len(cal.closed_hours)))
    return "\n\n".join(parts)


def hover_rules(pm: m.PolicyModel, pid: str, lang: str = "en") -> str | None:
    """Markdown: for each combination of attribute values, the rule of priority ``pid`` that applies (None
    when ``pid`` has no conditions), in ``lang`` (issue 13)."""
    rules = by_id(pm).get(pid, [])
    if not any(r.when is not None for r in rules):
        return None
    combos = assignments(pm, rules)
    if combos is None:
        return catalogue_message("author.hover.rules.too_many", lang, pid=pid)
    lines = [catalogue_message("author.hover.rules", lang, pid=pid), ""]
    for combo in combos:
        rule = select(rules, {**defaults(pm), **combo})
        if rule is None:
            said = catalogue_message("author.hover.rules.none", lang)
        elif rule.when is None:
            said = catalogue_message("author.hover.rules.line", lang, line=rule.span.line)
        else:
            said = catalogue_message("author.hover.rules.line_when", lang, line=rule.span.line, when=str(rule.when))
        shown = names_of((f"{k} = {v}" for k, v in combo.items()), lang)
        shown = shown or catalogue_message("diag.phrase.every_incident", lang)
        lines.append(catalogue_message("author.hover.case", lang, shown=shown, said=said))
    return "\n".join(lines)


def hover_text(pm: m.PolicyModel, text: str, line: int, character: int, lang: str = "en") -> str | None:
    """Markdown for a hover at a 0-based position, or None; worded in ``lang`` (the document's primary language)."""
    lines = source_lines(text)
    if not 0 <= line < len(lines):
        return None
    column = char_column(lines[line], character) + 1
    found = [n for n in m.walk(pm) if isinstance(n, m.Duration) and _contains(n.span, line + 1, column)]
    if found:
        return hover_duration(pm, found[-1], lang)
    hit = word_at(text, line, character)
    if hit is None:
        return None
    word = hit[0]
    inside = next((p.id for p in pm.priorities if p.when and _contains(p.when.span, line + 1, column)), word)
    rules = hover_rules(pm, inside, lang)  # which rule of a priority applies to which attributes (issue 13)
    if rules is not None:
        return rules
    said = when_hover(pm, word, line + 1, column, lang)  # notify rules and availability targets with `when`
    if said is not None:
        return said
    for cal in pm.calendars:
        if cal.name == word:
            return hover_calendar(cal, lang)
    for clock in pm.clocks:  # issue 12
        if clock.name == word:
            return hover_clock(clock, pm, lang)
    for p in pm.priorities:  # `, plus 24 hours if received outside business hours`
        for target in p.targets:
            ooh = target.out_of_hours
            if ooh is not None and _contains(ooh.span, line + 1, column):
                return hover_out_of_hours(target, ooh, pm, lang)
    if word in m.EVENT_TYPES:
        return catalogue_message("author.hover.event", lang, event=event_named(word, pm, lang))
    for d in pm.event_types:  # declared by the policy (issue 12)
        if d.name == word:
            return declared_event_hover(d, lang)
    return value_hover(pm, word, lang)


def when_hover(model: m.PolicyModel, word: str, line: int, column: int, lang: str = "en") -> str | None:
    """The language server's hover on a notify rule or a service with ``when`` (its name or its
    condition), in ``lang``: for each combination of attribute values, the availability target of the
    service that applies (the first whose condition holds), or the notify rules that apply (every one
    whose condition holds). None elsewhere."""

    def table(title: str, name: str, conds: list[m.Condition | None], said: Callable[[dict[str, str]], str]) -> str:
        found = combos(model, conds)
        if found is None:
            return catalogue_message(f"{title}.too_many", lang, n=MAX_ASSIGNMENTS, name=name)
        given = defaults(model)
        lines = [catalogue_message(title, lang, name=name), ""]
        for case in found:
            shown = names_of((f"{k} = {v}" for k, v in case.items()), lang)
            shown = shown or catalogue_message("diag.phrase.every_customer", lang)
            lines.append(catalogue_message("author.hover.case", lang, shown=shown, said=said({**given, **case})))
        return "\n".join(lines)

    def target(svc: m.Service, attrs: dict[str, str]) -> str:
        t = service_plans.select(svc, attrs)
        if t is None:
            return catalogue_message("author.hover.targets.none", lang)
        percent = catalogue_message(f"author.hover.targets.{t.period.value}", lang, percent=f"{t.percent:g}")
        if t.when is None:
            return percent + catalogue_message("author.hover.targets.fallback", lang)
        return percent + catalogue_message("author.hover.targets.line", lang, line=t.span.line, when=str(t.when))

    def notices(attrs: dict[str, str]) -> str:
        rules = [
            catalogue_message("author.hover.notices.rule", lang, name=n.name, line=n.span.line)
            for n in model.notifications
            if holds(n.when, attrs)
        ]
        none = catalogue_message("author.hover.notices.none", lang)
        return catalogue_message("author.sep.list", lang).join(rules) or none

    hit = next(
        (
            svc
            for svc in model.services
            if svc.plan_targets
            and (word == svc.name or any(t.when and _contains(t.when.span, line, column) for t in svc.plan_targets))
        ),
        None,
    )
    if hit is not None:
        conds = [t.when for t in hit.plan_targets]
        return table("author.hover.targets", hit.name, conds, lambda attrs: target(hit, attrs))
    for n in model.notifications:
        if n.when is not None and (word == n.name or _contains(n.when.span, line, column)):
            conds = [r.when for r in model.notifications if r.when is not None]
            return table("author.hover.notices", "", conds, notices)
    return None


def declared_event_hover(decl: m.EventType, lang: str = "en") -> str:
    """The LSP hover of a declared event type in ``lang``: its labels (in Japanese its Japanese one), and what
    the log and the rules may do with it."""
    both = " / ".join(x for x in (decl.label.ja, decl.label.en) if x)  # English shows both, as it always did
    labels = (decl.label.ja or "") if lang == "ja" else both
    return catalogue_message("author.hover.declared", lang, name=decl.name, labels=labels)


def value_hover(pm: m.PolicyModel, word: str, lang: str = "en") -> str | None:
    """An attribute value with its labels (in Japanese its Japanese label), or a note that it has none
    (issue 16); None for another word."""
    parts = [
        catalogue_message(
            "author.hover.value",
            lang,
            value=v.name,
            attribute=named(a.name, own(a.label, lang), lang),
            labels=_value_labels(v.label, lang),
        )
        for a in pm.attributes
        for v in a.labels
        if v.name == word
    ]
    return "\n\n".join(parts) or None


def _value_labels(label: m.Label, lang: str) -> str:
    """A value's labels in a hover: in Japanese its Japanese one, in English both (as it always said); else a
    note that it has none."""
    said = own(label, lang) if lang == "ja" else _pair(label)
    return said or catalogue_message("author.hover.value.unlabelled", lang)


def value_detail(attr: m.Attribute, value: m.AttributeValue, lang: str = "en") -> str:
    """A completion's detail for an attribute value: its attribute and its labels (in Japanese its Japanese
    one, as the hover says it)."""
    label = own(value.label, lang) if lang == "ja" else _pair(value.label)
    return catalogue_message("author.hover.value.detail", lang, attr=attr.name, label=label) if label else attr.name


def _pair(label: m.Label) -> str:
    """A label's texts, Japanese then English, each once."""
    return " / ".join(dict.fromkeys(t for t in (label.ja, label.en) if t))

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
  columns in UTF-16 code units (the only encoding the server announces), so columns are converted
  through the line's text (a character outside the BMP counts two): :func:`utf16_column`,
  :func:`char_column`; lines are the parser's (:mod:`sla_dsl.lang.lines`), and a leading
  byte-order mark, which the editor counts and the reader drops, is allowed for (:func:`locate`).
* What a name names depends on where it stands, not on the word alone: a service and a notify
  rule may both be called ``recovery``. :func:`reference_at` reads the place in the parse tree of
  the clean text (``rules notify recovery``, ``4 business hours``, ``respond within 4 hours on
  response``, ``when plan = premium``) and :func:`declaration_of` finds that kind's declaration.
  A word in a comment or a quoted text names nothing (:func:`in_comment_or_text`): no hover, no
  definition, no completion there.
* Completion asks :func:`completing` what fits where the cursor is: the grammar's parser is run
  from the start of the declaration the cursor is in to the word being typed, and what it accepts
  there (keywords, a name, an event type), with the kind of name the words before tell (a
  calendar after ``4``, a clock after a target's ``on``), is offered; when that text does not
  parse, everything is.
* No pygls and no LSP types here: :mod:`.lsp` (the server) asks this module for a hover's
  Markdown, a name's declaration and a completion's detail, so all of them can be used and
  tested without the server.
* A hover is Markdown, and the labels it quotes are the policy's texts, which can be hostile
  (``<img onerror=...>``, ``[l](javascript:x)``, ``*``, a newline, ``ESC``): :func:`hover_text`
  words its hover from the document's model with every label escaped for Markdown
  (:func:`markdown_labels`, :func:`~sla_dsl.report.escape.markdown_cell`: no HTML, link or
  emphasis, a control character as its escape, a newline as ``\\n``), so that every hover, its
  helpers' in :mod:`.clock_words` too, shows a label as written. Names stay as written, in
  backticks (the grammar's names are letters, digits and ``_``). A completion's detail is
  plain text: a control character in it is shown as its escape (:func:`value_detail`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lark import Token, Tree
from lark.exceptions import LarkError
from pydantic import BaseModel

from ..i18n import format_date
from ..i18n import message as catalogue_message
from ..i18n.authoring import names as names_of
from ..i18n.places import region_name, zone_title
from ..lang import model as m
from ..lang import service_plans
from ..lang.conditions import MAX_ASSIGNMENTS, assignments, combos, defaults, holds, select
from ..lang.lines import source_lines
from ..lang.parser import DECL_KEYWORDS, get_parser, parse_tree
from ..lang.source import decode_policy
from ..report.escape import markdown_cell, printable
from .clock_words import calendar_named, duration_words, event_named, hover_clock, hover_out_of_hours, named, own

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


def locate(text: str, line: int, character: int) -> tuple[int, int, str] | None:
    """A 0-based LSP position (UTF-16 column) as the 1-based line and character column of the policy's
    spans, with that line's text (a leading byte-order mark, which the editor counts and the reader
    drops, left out); ``None`` past the last line."""
    lines = source_lines(text)
    if not 0 <= line < len(lines):
        return None
    src = lines[line]
    column = char_column(src, character)
    if line == 0 and src.startswith("\ufeff"):
        src, column = src[1:], max(0, column - 1)
    return line + 1, column + 1, src


_TEXT = re.compile(r'"(?:\\.|[^"\\\n])*("?)')


def in_comment_or_text(src: str, column: int, cursor: bool = False) -> bool:
    """Whether the character at 0-based ``column`` of a line (``cursor``: the point before it, where one
    types) is inside a comment or a quoted text, where no name names anything."""
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "#":
            return i < column if cursor else i <= column
        if ch == '"':
            text = _TEXT.match(src, i)
            assert text is not None  # (it always matches the quote)
            end, closed = text.end(), bool(text.group(1))  # (one not closed runs to the end of the line)
            if (i < column < end or (i < column and not closed)) if cursor else (i <= column < end):
                return True
            i = end
            continue
        i += 1
    return False


# ---- names in a document ---------------------------------------------------------------------


def _contains(span: m.Span, line: int, column: int) -> bool:
    """Whether the 1-based (line, column) lies in ``span``."""
    if span == m.NO_SPAN:
        return False
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)


#: The kinds of declaration a name can name, with the name each declaration of the kind has.
_KINDS: dict[str, Callable[[m.PolicyModel], list[tuple[str, m.Node]]]] = {
    "calendar": lambda pm: [(c.name, c) for c in pm.calendars],
    "service": lambda pm: [(s.name, s) for s in pm.services],
    "maintenance": lambda pm: [(w.name, w) for w in pm.maintenance],
    "clock": lambda pm: [(c.name, c) for c in pm.clocks],
    "priority": lambda pm: [(p.id, p) for p in pm.priorities],
    "notify": lambda pm: [(n.name, n) for n in pm.notifications],
    "backup": lambda pm: [(b.kind, b) for b in pm.backups],
    "exclude": lambda pm: [(e.cause, e) for e in pm.exclusions],
    "attribute": lambda pm: [(a.name, a) for a in pm.attributes],
    "event": lambda pm: [(d.name, d) for d in pm.event_types],
}

#: A NAME standing in these rules of the grammar names a declaration of this kind.
_REFERS_TO = {
    "duration": "calendar",  # `4 business hours`
    "s_hours": "calendar",  # a service's `hours always`
    "m_calendar": "calendar",  # a maintenance window's `calendar business`
    "out_of_hours": "calendar",  # `if received outside business hours`
    "q_by_end": "calendar",  # `by end of 1st business day`
    "q_same_day": "calendar",  # `before close of business`
    "n_only": "calendar",  # `during business hours`
    "q_respond_on": "clock",  # `respond within 4 hours on response`
    "q_resolve_on": "clock",
    "q_first_reply_on": "clock",
    "q_update": "clock",
}


@dataclass(frozen=True)
class Reference:
    """A name in a document and what it names, as the grammar reads the place it stands in.

    ``kind`` is a key of :data:`_KINDS` (a declaration: ``calendar``, ``notify``, ...; ``event`` for an
    event type) or ``value`` for a value of the attribute ``attribute``.
    ``declares``: the name is the one its declaration is written with.
    """

    kind: str
    name: str
    span: m.Span
    declares: bool = False
    attribute: str = ""


@functools.lru_cache(maxsize=2)
def parsed(text: str) -> Tree[Token] | None:
    """The parse tree of a document's text (read as ``sla check`` reads it), or ``None`` when it does not
    parse: a clean document's, which is what names are looked up in."""
    clean, _ = decode_policy(text)
    if clean is None:
        return None
    try:
        return parse_tree(clean)
    except LarkError:
        return None


def _holds(line: int, column: int, end_line: int, end_column: int, at: tuple[int, int]) -> bool:
    return (line, column) <= at < (end_line, end_column)


def _token_at(tree: Tree[Token], line: int, column: int) -> tuple[list[Tree[Token]], Token] | None:
    """The token at a 1-based position and the rules it stands in, outermost first."""
    at = (line, column)
    path = [tree]
    while True:
        inner: Tree[Token] | None = None
        for child in path[-1].children:
            if isinstance(child, Token):
                if child.line is not None and child.column is not None:
                    end_line = child.end_line or child.line
                    end_column = child.end_column or child.column + len(child)
                    if _holds(child.line, child.column, end_line, end_column, at):
                        return path, child
            elif not child.meta.empty and _holds(
                child.meta.line, child.meta.column, child.meta.end_line, child.meta.end_column, at
            ):
                inner = child
                break
        if inner is None:
            return None
        path.append(inner)


def _names(tree: Tree[Token]) -> list[Token]:
    return [c for c in tree.children if isinstance(c, Token) and c.type == "NAME"]


def reference_at(text: str, line: int, column: int) -> Reference | None:
    """What the name at a 1-based position of a clean document's ``text`` names (the name the cursor is
    on, else the one just before it), by the rule of the grammar it stands in: ``notify recovery`` in
    ``rules notify recovery`` names the notify rule, not the service of that name; ``None`` elsewhere (a
    keyword, a number, a comment, a text) and when the text does not parse."""
    tree = parsed(text)
    if tree is None:
        return None
    found = _token_at(tree, line, column) or (_token_at(tree, line, column - 1) if column > 1 else None)
    if found is None:
        return None
    path, tok = found
    rule = str(path[-1].data)
    name = str(tok)
    span = m.Span(
        line=tok.line or 1,
        column=tok.column or 1,
        end_line=tok.end_line or tok.line or 1,
        end_column=tok.end_column or (tok.column or 1) + len(tok),
    )
    if tok.type == "EVENT":
        return Reference("event", name, span, declares=rule == "event_type")
    if tok.type != "NAME":
        return None
    names = _names(path[-1])
    if rule in _KINDS and names[:1] == [tok] and names[0] is tok:
        return Reference(rule, name, span, declares=True)
    if rule in _REFERS_TO:
        return Reference(_REFERS_TO[rule], name, span)
    if rule == "rule_named":  # `rules notify recovery`: the kind is written before the name
        kind = next(c for c in path[-1].children if isinstance(c, Tree))
        return Reference(str(kind.children[0]), name, span)
    if rule.startswith("cond_"):  # `when plan = premium`: an attribute, then its values
        if names[0] is tok:
            return Reference("attribute", name, span)
        return Reference("value", name, span, attribute=str(names[0]))
    if rule in ("t_values", "t_value", "t_default") and len(path) > 1 and _names(path[-2]):
        attribute = str(_names(path[-2])[0])
        return Reference("value", name, span, declares=rule != "t_default", attribute=attribute)
    return None


def declaration_of(pm: m.PolicyModel, ref: Reference) -> m.Node | None:
    """The declaration (or attribute value) that ``ref`` names; for a name that is its declaration's, that
    declaration itself (of two priorities `P1` with `when`, the one it stands in)."""
    if ref.kind == "value":
        values = [v for a in pm.attributes if a.name == ref.attribute for v in a.labels if v.name == ref.name]
        return values[0] if values else None
    listed = _KINDS.get(ref.kind)
    if listed is None:
        return None
    same = [node for name, node in listed(pm) if name == ref.name]
    here = [n for n in same if _contains(n.span, ref.span.line, ref.span.column)] if ref.declares else []
    found = here or same
    return found[0] if found else None


def definition_at(pm: m.PolicyModel, text: str, line: int, character: int) -> m.Span | None:
    """Where the name at a 0-based LSP position of the clean document ``text`` (the one ``pm`` was
    compiled from) is declared; ``None`` in a comment or a text and on anything that names nothing."""
    where = locate(text, line, character)
    if where is None or in_comment_or_text(where[2], where[1] - 1):
        return None
    ref = reference_at(text, where[0], where[1])
    node = declaration_of(pm, ref) if ref is not None else None
    return node.span if node is not None and node.span != m.NO_SPAN else None


def declarations(pm: m.PolicyModel) -> dict[str, m.Node]:
    """Declared names (calendars, priorities, services, ...) and their nodes, by bare name: the first of
    each name. Which declaration a name in the text names depends on where it stands:
    :func:`reference_at`, :func:`declaration_of`."""
    out: dict[str, m.Node] = {}
    for kind in ("calendar", "service", "maintenance", "clock", "notify", "priority", "backup", "exclude", "event"):
        for name, node in _KINDS[kind](pm):
            out.setdefault(name, node)
    return out


def declared_names(pm: m.PolicyModel) -> list[tuple[str, str, m.Node]]:
    """Every declared name with its kind (``calendar``, ``service``, ..., ``attribute``), each once per
    kind, in the order of :data:`_KINDS` and of the text: what completion offers where a name fits."""
    out: dict[tuple[str, str], m.Node] = {}
    for kind, listed in _KINDS.items():
        if kind == "event":
            continue
        for name, node in listed(pm):
            out.setdefault((kind, name), node)
    return [(kind, name, node) for (kind, name), node in out.items()]


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
    rules = pm.rules_of(pid)
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


def markdown_labels(node: Any) -> Any:
    """``node`` (a model, a tuple of them, a value) with the texts of every :class:`~sla_dsl.lang.model.Label`
    in it as literal Markdown (:func:`~sla_dsl.report.escape.markdown_cell`); what holds no label is itself."""
    if isinstance(node, m.Label):
        escaped = {k: markdown_cell(v) for k in ("ja", "en") if (v := getattr(node, k))}
        return node.model_copy(update=escaped) if escaped else node
    if isinstance(node, BaseModel):
        update = {}
        for field in type(node).model_fields:
            value = getattr(node, field)
            shown = markdown_labels(value)
            if shown is not value:
                update[field] = shown
        return node.model_copy(update=update) if update else node
    if isinstance(node, tuple):
        items = tuple(markdown_labels(v) for v in node)
        return items if any(a is not b for a, b in zip(items, node, strict=True)) else node
    return node


def hover_text(pm: m.PolicyModel, text: str, line: int, character: int, lang: str = "en") -> str | None:
    """Markdown for a hover at a 0-based position of ``text`` (the document ``pm`` was compiled from), or
    None (in a comment or a text, and on what names nothing); worded in ``lang`` (the document's primary
    language), its labels escaped (:func:`markdown_labels`). A name is read as what the grammar makes it
    where it stands (:func:`reference_at`)."""
    where = locate(text, line, character)
    if where is None:
        return None
    row, column, src = where
    if in_comment_or_text(src, column - 1):
        return None
    pm = markdown_labels(pm)
    found = [n for n in m.walk(pm) if isinstance(n, m.Duration) and _contains(n.span, row, column)]
    if found:
        return hover_duration(pm, found[-1], lang)
    ref = reference_at(text, row, column)
    kind, name = (ref.kind, ref.name) if ref is not None else ("", "")
    inside = next((p.id for p in pm.priorities if p.when and _contains(p.when.span, row, column)), None)
    pid = inside or (name if kind == "priority" else None)
    rules = hover_rules(pm, pid, lang) if pid is not None else None  # which rule applies to whom (issue 13)
    if rules is not None:
        return rules
    # notify rules and availability targets with `when`: on their name, or in their condition
    said = when_hover(pm, name if kind in ("service", "notify") else "", row, column, lang, kind=kind or None)
    if said is not None:
        return said
    if kind == "calendar":
        cal = next((c for c in pm.calendars if c.name == name), None)
        if cal is not None:
            return hover_calendar(cal, lang)
    if kind == "clock":  # issue 12
        clock = next((c for c in pm.clocks if c.name == name), None)
        if clock is not None:
            return hover_clock(clock, pm, lang)
    for p in pm.priorities:  # `, plus 24 hours if received outside business hours`
        for target in p.targets:
            ooh = target.out_of_hours
            if ooh is not None and _contains(ooh.span, row, column):
                return hover_out_of_hours(target, ooh, pm, lang)
    if kind == "event":
        if name in m.EVENT_TYPES:
            return catalogue_message("author.hover.event", lang, event=event_named(name, pm, lang))
        for d in pm.event_types:  # declared by the policy (issue 12)
            if d.name == name:
                return declared_event_hover(d, lang)
    if kind == "value":
        return value_hover(pm, name, lang, ref.attribute if ref is not None else "")
    return None


def when_hover(
    model: m.PolicyModel, word: str, line: int, column: int, lang: str = "en", kind: str | None = None
) -> str | None:
    """The language server's hover on a notify rule or a service with ``when`` (its name or its
    condition), in ``lang``: for each combination of attribute values, the availability target of the
    service that applies (the first whose condition holds), or the notify rules that apply (every one
    whose condition holds). None elsewhere. ``kind`` (``service``, ``notify``), when given, is what
    ``word`` names (a service and a notify rule may share a name); a condition is found by position."""

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
            and (
                (word == svc.name and kind in (None, "service"))
                or any(t.when and _contains(t.when.span, line, column) for t in svc.plan_targets)
            )
        ),
        None,
    )
    if hit is not None:
        conds = [t.when for t in hit.plan_targets]
        return table("author.hover.targets", hit.name, conds, lambda attrs: target(hit, attrs))
    for n in model.notifications:
        named_here = word == n.name and kind in (None, "notify")
        if n.when is not None and (named_here or _contains(n.when.span, line, column)):
            conds = [r.when for r in model.notifications if r.when is not None]
            return table("author.hover.notices", "", conds, notices)
    return None


def declared_event_hover(decl: m.EventType, lang: str = "en") -> str:
    """The LSP hover of a declared event type in ``lang``: its labels (in Japanese its Japanese one), and what
    the log and the rules may do with it."""
    both = " / ".join(x for x in (decl.label.ja, decl.label.en) if x)  # English shows both, as it always did
    labels = (decl.label.ja or "") if lang == "ja" else both
    return catalogue_message("author.hover.declared", lang, name=decl.name, labels=labels)


def value_hover(pm: m.PolicyModel, word: str, lang: str = "en", attribute: str = "") -> str | None:
    """An attribute value with its labels (in Japanese its Japanese label), or a note that it has none
    (issue 16); None for another word. ``attribute``: only that attribute's value of the name."""
    parts = [
        catalogue_message(
            "author.hover.value",
            lang,
            value=v.name,
            attribute=named(a.name, own(a.label, lang), lang),
            labels=_value_labels(v.label, lang),
        )
        for a in pm.attributes
        if not attribute or a.name == attribute
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
    one, as the hover says it), as plain text (a control character as its escape)."""
    label = own(value.label, lang) if lang == "ja" else _pair(value.label)
    said = catalogue_message("author.hover.value.detail", lang, attr=attr.name, label=label) if label else attr.name
    return printable(said)


def _pair(label: m.Label) -> str:
    """A label's texts, Japanese then English, each once."""
    return " / ".join(dict.fromkeys(t for t in (label.ja, label.en) if t))


# ---- what fits where one types ---------------------------------------------------------------

#: A line that begins a declaration (at column 1), as :func:`~sla_dsl.lang.parser.split_declarations` cuts.
_DECLARATION_LINE = re.compile(r"(" + "|".join(DECL_KEYWORDS) + r")(?![\w.])")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.")
#: The kinds ``rules <kind> NAME`` names in an SLA item.
_RULE_KINDS = frozenset({"calendar", "service", "maintenance", "clock", "priority", "notify", "backup", "exclude"})


@dataclass(frozen=True)
class Completing:
    """Where a completion is asked: the word the cursor is in and what the grammar takes in its place.

    ``start`` and ``end``: 0-based character columns of that word in the line as the editor has it
    (letters, digits, ``_`` and ``.``: ``incident.rep`` is one word); ``typed``: its part before the
    cursor. ``quiet``: the cursor is in a comment or a text. ``accepts``: the keywords, and ``NAME`` and
    ``EVENT``, that the grammar takes at the word's start, ``None`` when that cannot be told (the text
    before it in its declaration does not parse). ``kind``: the kind of name that goes there when the
    words before tell it (``calendar`` after ``4``, ``clock`` after a target's ``on``, ``notify`` after
    ``rules notify``, ``attribute`` after ``when``, ``value`` after ``=``).
    """

    start: int
    end: int
    typed: str
    quiet: bool
    accepts: frozenset[str] | None
    kind: str | None


def completing(text: str, line: int, character: int) -> Completing | None:
    """What a completion at a 0-based LSP position of ``text`` works with; ``None`` past the last line."""
    lines = source_lines(text)
    if not 0 <= line < len(lines):
        return None
    raw = lines[line]
    col = char_column(raw, character)
    start = col
    while start > 0 and raw[start - 1] in _WORD_CHARS:
        start -= 1
    end = col
    while end < len(raw) and raw[end] in _WORD_CHARS:
        end += 1
    bom = 1 if line == 0 and raw.startswith("\ufeff") else 0
    quiet = in_comment_or_text(raw[bom:], col - bom, cursor=True)
    accepts, kind = (None, None) if quiet else _expected(text, line, start - bom)
    return Completing(start, end, raw[start:col], quiet, accepts, kind)


@functools.cache
def _literals() -> dict[str, str]:
    """The grammar's keyword terminals: name -> the word (``CALENDAR`` -> ``calendar``)."""
    return {
        str(t.name): str(t.pattern.value)
        for t in get_parser().terminals
        if t.pattern.type == "str" and str(t.pattern.value).isalpha()
    }


def _expected(text: str, line: int, column: int) -> tuple[frozenset[str] | None, str | None]:
    """What the grammar takes at a 0-based line and character column of ``text`` (see :class:`Completing`),
    read from the start of the declaration the position is in."""
    clean, _ = decode_policy(text)
    if clean is None:
        return None, None
    lines = clean.split("\n")
    if line >= len(lines):
        return None, None
    first = line
    while first > 0 and not _DECLARATION_LINE.match(lines[first]):
        first -= 1
    fragment = "\n".join([*lines[first:line], lines[line][: max(0, column)]])
    try:
        interactive = get_parser().parse_interactive(fragment)
        tokens = list(interactive.iter_parse())
        accepted: set[str] = interactive.accepts()  # type: ignore[no-untyped-call]
    except LarkError:
        return None, None
    literals = _literals()
    accepts = frozenset(literals.get(a, a) for a in accepted if a in literals or a in ("NAME", "EVENT"))
    return accepts, _name_kind(tokens) if "NAME" in accepts else None


def _name_kind(tokens: list[Token]) -> str | None:
    """The kind of name that goes after ``tokens`` (a declaration's, from its start), when they tell it."""
    if not tokens:
        return None
    declaration, last = str(tokens[0]), tokens[-1]
    word = str(last)
    before = str(tokens[-2]) if len(tokens) > 1 else ""
    if (
        last.type == "INT"  # `4 business hours`
        or word in ("outside", "during")
        or (word == "of" and before == "close")
        or (word in ("hours", "hour") and declaration == "service")
        or (word == "calendar" and declaration == "maintenance")
    ):
        return "calendar"
    if word == "on" and declaration == "priority":
        return "clock"
    if declaration == "item" and word in _RULE_KINDS:
        return word
    if word in ("when", "and"):
        return "attribute"
    if word in ("=", "!=", "(", "default"):
        return "value"
    return None

"""What ``sla lsp`` shows on hover, and the names and positions it finds in a document.

Design notes
------------
* Every hover is worded in the document's primary language (``languages ja, en``: Japanese),
  English when it declares none, as its diagnostics are (``author.hover.*`` in the catalogue;
  the words hovers share are :mod:`.clock_words`'s): ``4営業時間 ＝ カレンダー `business`（当社営業時間）の
  営業時間で4時間：…``.
* Hover on a duration says what it means on the policy's own calendar, with a worked example
  computed by :class:`~sla_dsl.policy.Policy` (``4 business hours: from Fri 16:00 due Mon 12:00``),
  as the rule it stands in reads it (:func:`hover_duration`): a target counts forward to a due
  instant, a planned stop's notice back from the stop (``on or before the date 7 days before the
  stop's start date``), a backup's ``every`` in windows of the day (``00:00-12:00, 12:00-24:00``),
  its ``keep`` forward to the end of its retention, a same-day guideline's lead back from the close;
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
  calendar after ``4``, a clock after a target's ``on``, a weekday after a calendar's ``hours``, a
  zone after ``timezone``), is offered: the names of that kind only, and none where no kind is
  told (a declaration's own name); when that text does not parse, everything is. Events are
  offered of the families the place allows, whether the text parses or not
  (:func:`_events_allowed`: in a clock and a priority, incident events only).
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
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lark import Token, Tree
from lark.exceptions import LarkError
from pydantic import BaseModel

from ..calendars.recurrence import add_months, notice_last_day, window_start
from ..i18n import format_date, format_datetime, offset_on_change
from ..i18n import message as catalogue_message
from ..i18n.authoring import names as names_of
from ..i18n.places import region_name, zone_title
from ..i18n.terms import UNITS, Amount
from ..lang import model as m
from ..lang import service_plans
from ..lang.conditions import MAX_ASSIGNMENTS, assignments, combos, defaults, holds, select
from ..lang.lines import source_lines
from ..lang.parser import DECL_KEYWORDS, get_parser, parse_tree
from ..lang.source import decode_policy
from ..report.escape import markdown_cell, printable
from ..report.words import event_words
from .clock_words import (
    calendar_named,
    duration_words,
    hover_breach_credit,
    hover_clock,
    hover_out_of_hours,
    named,
    own,
)

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

#: Named targets due at an instant of a business day: the calendar's NAME, then the clock's (the last).
_BY_DAY_ON = frozenset({"q_respond_by_on", "q_resolve_by_on", "q_first_reply_by_on"})


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
    if rule in _BY_DAY_ON:  # `resolve by end of 2nd business day on resolution`
        return Reference("clock" if names[-1] is tok else "calendar", name, span)
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


def _instant(epoch: float, tz: dt.tzinfo | None) -> dt.datetime:
    """A POSIX timestamp as the clock of ``tz`` shows it: how a worked example counts back elapsed time, as the
    evaluator does (exact seconds, whatever the clock shows: wall-clock arithmetic on an aware datetime would
    be an hour off across a change of offset)."""
    return dt.datetime.fromtimestamp(epoch, tz)


def _example_time(when: dt.datetime, lang: str) -> dict[str, str]:
    """A worked example's time as its day and its time of day: ``2026年11月6日(金)``, ``16:00`` as the
    report says them; in English ``2026-11-06``, ``Fri 16:00`` as the hover always said. On a day its zone
    changes its offset, the time with its offset (``Sun 17:00 (+02:00)``), as every time of such a day is written
    (:func:`~sla_dsl.i18n.offset_on_change`)."""
    at = f"{when:%H:%M}{offset_on_change(when)}"  # (on a day the zone changes its offset, with the offset)
    if lang == "ja":
        return {"date": format_date(when.date(), lang), "time": at}
    return {"date": f"{when:%Y-%m-%d}", "time": f"{WEEKDAYS[when.weekday()]} {at}"}


def hover_duration(pm: m.PolicyModel, d: m.Duration, lang: str = "en") -> str:
    """What a duration means where it stands, with an example on the policy's calendar, in ``lang``: a target
    (a time to a due instant) counts forward from a clock's start; a planned stop's notice counts back from
    the stop (:func:`_hover_notice`), a backup's ``every`` is judged in windows of the day
    (:func:`_hover_backup_every`), its ``keep`` is a time to keep it, a same-day guideline's lead counts
    back from the close (:func:`_hover_same_day`), a window's notice is a lead before each window. ``d`` is
    one of ``pm``'s own durations (found by identity)."""
    for stop in pm.planned_stops:
        if stop.notice is d:
            return _hover_notice(pm, stop, lang)
    for window in pm.maintenance:
        if window.notice is d:
            return catalogue_message("author.hover.window_notice", lang, d=duration_words(d, lang))
    for backup in pm.backups:
        if backup.every is d:
            return _hover_backup_every(pm, d, lang)
        if backup.keep is d:
            return _hover_forward(pm, d, lang, "author.hover.keep")
    for p in pm.priorities:
        if p.same_day is not None and p.same_day.before_close is d:
            return _hover_same_day(pm, p.same_day, lang)
    return _hover_forward(pm, d, lang, "author.hover.duration")


def _hover_forward(pm: m.PolicyModel, d: m.Duration, lang: str, key: str) -> str:
    """A duration counted forward from an instant (a target from its clock's start, a backup's ``keep`` from
    its completion), with the example of one from the next Friday 16:00: ``key`` (elapsed time:
    ``key.elapsed``)."""
    from ..policy.compiled import Policy, add_calendar_duration

    policy = Policy(pm)
    said = duration_words(d, lang)
    start = _example_start(policy)
    if d.calendar is None:
        due = add_calendar_duration(start, d)
        key, more = f"{key}.elapsed", {}
    else:
        try:
            delta = policy.duration_delta(d)
            due = policy.add_business_time(start, delta, d.calendar)
        except (KeyError, LookupError, ValueError):
            return catalogue_message("author.hover.duration.undeclared", lang, d=said, calendar=d.calendar)
        more = {"hours": f"{delta.total_seconds() / 3600:g}", "calendar": calendar_named(d.calendar, pm, lang)}
    begin, end = _example_time(start, lang), _example_time(due, lang)
    return catalogue_message(
        key, lang, d=said, start=begin["time"], start_date=begin["date"], due=end["time"], due_date=end["date"], **more
    )


def _counted(amount: int, unit: m.TimeUnit, lang: str) -> str:
    """An amount of time as counted before ``前``: ``7日``, ``1ヶ月``; in English ``7 days``, ``1 month``."""
    if lang == "ja":
        return f"{amount}{UNITS[unit.value].counted}"
    return str(m.Duration(amount=amount, unit=unit))


def _lead(d: m.Duration, lang: str) -> str:
    """A duration as a hover says it before ``前`` or ``ごと`` (``7日前``, ``12時間ごと``: an
    :class:`~sla_dsl.i18n.terms.Amount`, counted there), else as :func:`duration_words` says it."""
    said = duration_words(d, lang)
    if lang != "ja" or d.is_business:
        return said
    return Amount(said, f"{d.amount}{UNITS[d.unit.value].counted}")


def _zone(pm: m.PolicyModel, lang: str) -> str:
    """The policy's zone as a hover names it (in code in Japanese)."""
    return f"`{pm.header.timezone}`" if lang == "ja" else pm.header.timezone


def _hover_notice(pm: m.PolicyModel, stop: m.PlannedStop, lang: str) -> str:
    """A planned stop's notice: counted back from the stop, as :func:`sla_dsl.evaluation.outages.notice_deadline`
    judges it. ``before start date``: valid when sent on or before the date that much before the stop's start
    date (in days, weeks or months: E220 refuses the rest), any time that day; ``before start``: at least
    that much before the instant it starts (elapsed time exactly, as :func:`~sla_dsl.evaluation.outages.notice_deadline`
    counts it, whatever the clock shows: across a change of offset the deadline's clock time moves an hour;
    months back on the local calendar date). The example is a stop starting the next Friday 16:00."""
    from ..policy.compiled import Policy

    n = stop.notice
    said = duration_words(n, lang)
    policy = Policy(pm)
    start = _example_start(policy)
    if stop.anchor is m.NoticeAnchor.START_DATE:
        if n.calendar is not None or n.unit not in (m.TimeUnit.DAY, m.TimeUnit.WEEK, m.TimeUnit.MONTH):
            return catalogue_message("author.hover.notice.date.unjudged", lang, d=said)
        last = notice_last_day(start.date(), n)
        if n.unit is m.TimeUnit.MONTH:
            back = _counted(n.amount, n.unit, lang)
        else:
            back = _counted((start.date() - last).days, m.TimeUnit.DAY, lang)
        return catalogue_message(
            "author.hover.notice.date",
            lang,
            d=said,
            back=back,
            zone=_zone(pm, lang),
            stop=format_date(start.date(), lang),
            last=format_date(last, lang),
        )
    try:
        if n.calendar is not None:
            cut = policy.calendar(n.calendar).add(start, -policy.duration_delta(n)).astimezone(policy.tz)
        elif n.unit is m.TimeUnit.MONTH:  # (the wall time on the date months back, as the clock shows it)
            day = add_months(start.date(), -n.amount)
            cut = _instant(start.replace(year=day.year, month=day.month, day=day.day).timestamp(), policy.tz)
        else:  # exact elapsed time, whatever the clock shows (a change of offset between included)
            cut = _instant(start.timestamp() - m.UNIT_SECONDS[n.unit] * n.amount, policy.tz)
    except (KeyError, LookupError, ValueError):
        return catalogue_message("author.hover.duration.undeclared", lang, d=said, calendar=n.calendar)
    begin, end = _example_time(start, lang), _example_time(cut, lang)
    return catalogue_message(
        "author.hover.notice.start",
        lang,
        d=said,
        lead=_lead(n, lang),
        start=begin["time"],
        start_date=begin["date"],
        due=end["time"],
        due_date=end["date"],
    )


def _hover_backup_every(pm: m.PolicyModel, d: m.Duration, lang: str) -> str:
    """A backup's ``every``, as :mod:`sla_dsl.evaluation.backups` judges it: ``every N hours`` (N dividing a
    day) in windows of N hours from each local midnight (``00:00-12:00, 12:00-24:00``); ``every N days``
    (weeks, months) on each calendar day, in the N days ending with it; anything else is refused (E220)."""
    said = duration_words(d, lang)
    zone = _zone(pm, lang)
    if d.calendar is None and d.unit is m.TimeUnit.HOUR and 0 < d.amount <= 24 and 24 % d.amount == 0:
        bounds = [f"{h:02d}:00" for h in range(0, 25, d.amount)]
        ranges = [
            catalogue_message("author.hover.calendar.range", lang, start=a, end=b)
            for a, b in itertools.pairwise(bounds)
        ]
        if len(ranges) > 4:  # (every 1 hour: the first two, the last)
            ranges = [*ranges[:2], "…", ranges[-1]]
        windows = catalogue_message("author.sep.list", lang).join(ranges)
        return catalogue_message(
            "author.hover.backup.hours", lang, d=said, lead=_lead(d, lang), zone=zone, windows=windows
        )
    if d.calendar is not None or d.amount < 1 or d.unit not in (m.TimeUnit.DAY, m.TimeUnit.WEEK, m.TimeUnit.MONTH):
        return catalogue_message("author.hover.backup.unjudged", lang, d=said)
    from ..policy.compiled import Policy

    day = _example_start(Policy(pm)).date()
    first = window_start(day, d)
    if first == day:
        return catalogue_message("author.hover.backup.day", lang, d=said, zone=zone)
    return catalogue_message(
        "author.hover.backup.days",
        lang,
        d=said,
        zone=zone,
        day=format_date(day, lang),
        first=format_date(first, lang),
    )


def _hover_same_day(pm: m.PolicyModel, guide: m.SameDayGuideline, lang: str) -> str:
    """A same-day guideline's lead (``same day if received 2 hours before close of business``): counted back
    from the close of each business day of its calendar, as the evaluator's cut-off is
    (:mod:`sla_dsl.evaluation.incident_rows`), with the example of the next open day from today: a shift
    that closes after midnight is named by the day it starts on (the day its clocks are judged on:
    ``Fri 6 Nov 2026's shift, closing Sat 7 Nov 06:00: by 04:00``), not by the date of its close. An elapsed
    lead is exact time back from the close, whatever the clock shows, as the evaluator counts it: on the night
    Berlin's clocks go forward, 5 hours before a 06:00 (+02:00) close is 00:00 (+01:00), and a time of such a
    day is written with its offset."""
    from ..policy.compiled import Policy, add_calendar_duration

    lead = guide.before_close
    said = duration_words(lead, lang)
    calendar = calendar_named(guide.calendar, pm, lang)
    text = catalogue_message("author.hover.same_day", lang, d=said, lead=_lead(lead, lang), calendar=calendar)
    policy = Policy(pm)
    try:
        cal = policy.calendar(guide.calendar)
        today = dt.datetime.now(cal.tz).date()
        days = (today + dt.timedelta(days=k) for k in range(366))
        found = next(((day, opened) for day in days if (opened := cal.open_intervals(day))), None)
        if found is None:
            return text
        day, opened = found
        close = opened[-1][1]
        if lead.calendar is not None:
            cut = policy.calendar(lead.calendar).add(close, -policy.duration_delta(lead))
        elif lead.unit is m.TimeUnit.MONTH:  # (as far back as the months after it reach: on the policy's clock)
            after = add_calendar_duration(close.astimezone(policy.tz), lead).timestamp()
            cut = _instant(2 * close.timestamp() - after, close.tzinfo)
        else:  # exact elapsed time, whatever the clock shows (a change of offset between included)
            cut = _instant(close.timestamp() - m.UNIT_SECONDS[lead.unit] * lead.amount, close.tzinfo)
    except (KeyError, LookupError, ValueError):
        return catalogue_message("author.hover.duration.undeclared", lang, d=said, calendar=guide.calendar)
    cut = cut.astimezone(close.tzinfo)
    # (a time of a day the zone changes its offset with that offset, as every time of such a day is written)
    by = f"{cut:%H:%M}{offset_on_change(cut)}" if cut.date() == close.date() else format_datetime(cut, lang)
    if close.date() == day:
        closing = f"{close:%H:%M}{offset_on_change(close)}"
        example = catalogue_message(
            "author.hover.same_day.example", lang, date=format_date(day, lang), close=closing, cut=by
        )
    else:  # a shift that closes after midnight is named by its own day, the day its clocks are judged on
        closing = format_datetime(close, lang, year=False)
        example = catalogue_message(
            "author.hover.same_day.example.shift", lang, day=format_date(day, lang), close=closing, cut=by
        )
    return text + example


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
    closures = len(cal.closed) + len(cal.closed_yearly) + len(cal.named_holidays) + len(cal.yearly_holidays)
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
        for credit in p.breach_credits:  # `credit 5% per breach, at most 25% monthly`
            if _contains(credit.span, row, column):
                return hover_breach_credit(p, credit, pm, lang)
    cap = pm.header.credit_total  # the header's `credit total at most 30% monthly`
    if cap is not None and _contains(cap.span, row, column):
        period = catalogue_message(f"author.hover.breach_credit.period.{cap.period.value}", lang)
        return catalogue_message("author.hover.credit_total", lang, period=period, percent=f"{cap.percent:g}%")
    if kind == "event":
        if name in m.EVENT_TYPES:
            said = event_words(name, lang, {e.name: e.label for e in pm.event_types})
            event = catalogue_message("author.hover.event_named", lang, name=name, words=said) if said else f"`{name}`"
            text = catalogue_message("author.hover.event", lang, event=event)
            if pm.relabel(name) is not None:  # (the policy's words in place of the contract's: said so)
                own_words = catalogue_message("author.hover.relabelled", lang, words=event_words(name, lang, {}))
                text += f"\n\n{own_words}"
            return text
        for d in pm.event_types:  # declared by the policy (issue 12)
            if d.name == name:
                return declared_event_hover(d, lang)
    if kind == "value":
        return value_hover(pm, name, lang, ref.attribute if ref is not None else "")
    if kind == "attribute":
        attr = next((a for a in pm.attributes if a.name == name), None)
        if attr is not None:
            return attribute_hover(attr, pm, lang)
    return None


def attribute_hover(attr: m.Attribute, pm: m.PolicyModel, lang: str = "en") -> str:
    """The LSP hover of an attribute: its values (by their labels in ``lang``) and default, and whether
    incidents keep it for their whole life or which events change it (``changes at``)."""
    sep = catalogue_message("author.sep.list", lang)
    values = sep.join(named(v.name, own(v.label, lang), lang) for v in attr.labels)
    head = catalogue_message(
        "author.hover.attribute",
        lang,
        attribute=named(attr.name, own(attr.label, lang), lang),
        values=values,
        default=attr.default or attr.values[0],
    )
    if not attr.changes:
        return f"{head}\n\n{catalogue_message('author.hover.attribute.fixed', lang)}"
    declared = {e.name: e.label for e in pm.event_types}
    events = sep.join(
        catalogue_message("author.hover.event_named", lang, name=e, words=said)
        if (said := event_words(e, lang, declared))
        else f"`{e}`"
        for e in attr.changes
    )
    return f"{head}\n\n{catalogue_message('author.hover.attribute.changes', lang, events=events)}"


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
#: The characters of a zone (``America/Port-au-Prince``, ``Etc/GMT+9``) and of a holiday set (``US-NY``).
_ZONE_CHARS = _WORD_CHARS | frozenset("/-+")
#: The kinds of word that are written whole with those characters (see :func:`completing`).
_WHOLE_WORDS = frozenset({"timezone", "holidays"})
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
    ``rules notify``, ``attribute`` after ``when``, ``value`` after ``=``; in a calendar ``weekday`` after an
    ordinal or ``last`` and ``month`` after ``of``: ``holiday yearly 4th thu of nov``, ``weekday`` after ``days``
    and ``hours``, ``holidays`` (a holiday set) after ``holidays``; ``timezone`` after ``timezone``,
    ``language`` after ``languages``, ``channel`` after a notice's ``by``), ``None`` where no declared name
    goes or the words before do not tell which (a declaration's own name). ``events``: the families of the
    events that may stand there (``incident.`` in a clock and in a priority, whose rules run on incident
    events only: E244, E220; in a notify rule ``incident.`` or ``outage.``, and after ``met by`` or ``only
    if`` the family of its ``after`` event), ``None`` when any (:func:`_events_allowed`).
    """

    start: int
    end: int
    typed: str
    quiet: bool
    accepts: frozenset[str] | None
    kind: str | None
    events: tuple[str, ...] | None = None


def _word(raw: str, col: int, chars: frozenset[str]) -> tuple[int, int]:
    """The 0-based start and end of the word of ``chars`` around column ``col`` of a line; a range's ``..``
    (``mon..fri``) ends a word and starts the next, as a single ``.`` (``incident.rep``) does not."""
    start = col
    while start > 0 and raw[start - 1] in chars:
        start -= 1
    end = col
    while end < len(raw) and raw[end] in chars:
        end += 1
    head, tail = raw[start:col], raw[col:end]
    if ".." in head:
        start += head.rindex("..") + 2
    if ".." in tail:
        end = col + tail.index("..")
    return start, end


def completing(text: str, line: int, character: int) -> Completing | None:
    """What a completion at a 0-based LSP position of ``text`` works with; ``None`` past the last line.

    A zone (``Europe/Berlin``, ``Etc/GMT+9``) and a holiday set (``US-NY``) are one word where they stand
    (after ``timezone``, ``holidays``): the whole of it is what is typed and what the edit replaces."""
    lines = source_lines(text)
    if not 0 <= line < len(lines):
        return None
    raw = lines[line]
    col = char_column(raw, character)
    start, end = _word(raw, col, _WORD_CHARS)
    bom = 1 if line == 0 and raw.startswith("\ufeff") else 0
    quiet = in_comment_or_text(raw[bom:], col - bom, cursor=True)
    if quiet:
        return Completing(start, end, raw[start:col], quiet, None, None, None)
    wide = _word(raw, col, _ZONE_CHARS)
    found = _expected(text, line, wide[0] - bom) if wide[0] < start else None
    if found is not None and found[1] in _WHOLE_WORDS:
        start, end = wide
    else:
        found = _expected(text, line, start - bom)
        end = wide[1] if found[1] in _WHOLE_WORDS else end
    accepts, kind, events = found
    return Completing(start, end, raw[start:col], quiet, accepts, kind, events)


@functools.cache
def _literals() -> dict[str, str]:
    """The grammar's keyword terminals: name -> the word (``CALENDAR`` -> ``calendar``)."""
    return {
        str(t.name): str(t.pattern.value)
        for t in get_parser().terminals
        if t.pattern.type == "str" and str(t.pattern.value).isalpha()
    }


def _expected(text: str, line: int, column: int) -> tuple[frozenset[str] | None, str | None, tuple[str, ...] | None]:
    """What the grammar takes at a 0-based line and character column of ``text`` (see :class:`Completing`),
    read from the start of the declaration the position is in: the words, the kind of name, the families
    of events (these even when the text before does not parse)."""
    clean, _ = decode_policy(text)
    if clean is None:
        return None, None, None
    lines = clean.split("\n")
    if line >= len(lines):
        return None, None, None
    first = line
    while first > 0 and not _DECLARATION_LINE.match(lines[first]):
        first -= 1
    fragment = "\n".join([*lines[first:line], lines[line][: max(0, column)]])
    events = _events_allowed(fragment)
    try:
        interactive = get_parser().parse_interactive(fragment)
        tokens = list(interactive.iter_parse())
        accepted: set[str] = interactive.accepts()  # type: ignore[no-untyped-call]
    except LarkError:
        return None, None, events
    literals = _literals()
    accepts = frozenset(literals.get(a, a) for a in accepted if a in literals or a in ("NAME", "EVENT"))
    return accepts, _name_kind(tokens) if "NAME" in accepts else None, events


@functools.cache
def _two_letter_countries() -> tuple[str, ...]:
    """The countries a calendar's ``holidays`` takes, by their two letters (``JP``), as the checker knows them."""
    from ..lang.values import holiday_countries

    return tuple(sorted(c for c in holiday_countries() if len(c) == 2))


def _holiday_sets(typed: str) -> list[str]:
    """The holiday sets that start with ``typed`` (any case): countries (``JP``), and after a country and
    ``-`` that country's subdivisions as the ``holidays`` package names them (``US-NY``)."""
    from ..lang.values import holiday_countries, holiday_subdivisions

    country, dash, _ = typed.upper().partition("-")
    if dash and country in holiday_countries():
        codes = [f"{country}-{sub}" for sub in holiday_subdivisions(country)]
    else:
        codes = list(_two_letter_countries())
    return [c for c in codes if c.upper().startswith(typed.upper())]


def word_choices(kind: str | None, typed: str, lang: str = "en") -> list[tuple[str, str]]:
    """The language's own words that go where a name of ``kind`` goes (see :class:`Completing`), each with
    what it means in ``lang`` (a completion's detail, plain text): a zone (``Europe/Berlin``: ``Berlin time``),
    a holiday set (``JP``: ``Japan``), a language the texts may be written in (``ja``), a notice's channel
    (``email``); zones and holiday sets, of which there are hundreds, only those that start with ``typed``
    (any case). Nothing for another kind."""
    from ..i18n.places import zone_name
    from ..lang.languages import SUPPORTED
    from ..lang.values import CHANNELS, place_zones

    if kind == "timezone":
        said = typed.casefold()
        return [(z, zone_name(z, lang)) for z in place_zones() if z.casefold().startswith(said)]
    if kind == "holidays":
        return [(code, region_name(code, lang)) for code in _holiday_sets(typed)]
    if kind == "language":
        return [(code, catalogue_message(f"diff.language.{code}", lang)) for code in SUPPORTED]
    if kind == "channel":
        return [(c, catalogue_message(f"report.channel.{c}", lang)) for c in CHANNELS]
    return []


#: The families of events a notify rule's target is judged on (E220: any other is refused).
_NOTICE_FAMILIES = ("incident.", "outage.")
_AFTER_EVENT = re.compile(r"\bafter\s+(incident|outage)\.")
_AFTER_WORDS = re.compile(r"\b(?:met\s+by|only\s+if)\s+$")
_COMMENT = re.compile(r"#[^\n]*")


def _events_allowed(fragment: str) -> tuple[str, ...] | None:
    """The families of events that may stand at the end of ``fragment`` (a declaration from its start to the
    word being typed), as the checker allows them: a clock's and a priority's rules run on incident events
    only (E244; a completion, E220); a notify rule is judged on incident or outage events (E220), its ``met
    by`` and ``only if`` on the family of its ``after`` event when that is written; ``None``: any."""
    words = _COMMENT.sub("", fragment).split(None, 1)
    declaration = words[0] if words else ""
    if declaration in ("clock", "priority", "attribute"):  # (an attribute changes at incident events: E254)
        return ("incident.",)
    if declaration != "notify":
        return None
    after = _AFTER_EVENT.search(_COMMENT.sub("", fragment))
    here = fragment.rsplit("\n", 1)[-1]
    if after is not None and _AFTER_WORDS.search(_COMMENT.sub("", here)):
        return (f"{after.group(1)}.",)
    return _NOTICE_FAMILIES


#: The kind of word a list of NAMEs takes, by its declaration and the word the list follows (``hours mon..fri,
#: sat``: weekdays; ``holidays JP, US-NY``: holiday sets; ``by email, web``: channels).
_LISTS = {
    **{("calendar", w): "weekday" for w in ("days", "day", "hours", "hour")},
    ("calendar", "holidays"): "holidays",
    ("calendar", "timezone"): "timezone",
    ("sla", "timezone"): "timezone",
    ("sla", "languages"): "language",
    ("planned", "by"): "channel",  # a planned stop's `notice 7 days before start by email`
    ("maintenance", "by"): "channel",
    ("maintenance", "on"): "weekday",  # `every week on thu`
    ("maintenance", "last"): "weekday",  # `every month on last fri`
    ("calendar", "last"): "weekday",  # `holiday yearly last mon of may`
}


def _list_head(tokens: list[Token]) -> str:
    """The word the list of names at the end of ``tokens`` follows: ``hours`` for ``hours mon..fri, ``,
    ``(`` for ``when plan in (basic, ``."""
    for tok in reversed(tokens):
        if tok.type not in ("NAME", "REGION") and str(tok) not in (",", ".."):
            return str(tok)
    return ""


def _name_kind(tokens: list[Token]) -> str | None:
    """The kind of name that goes after ``tokens`` (a declaration's, from its start), when they tell it:
    a kind of declaration (``calendar``, ``clock``, ...), ``attribute`` or ``value``, or a word of the
    language's own (``weekday``, ``month``, ``holidays``: a holiday set, ``timezone``, ``language``,
    ``channel``); ``None`` where no declared name goes (the name a declaration declares)."""
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
        or (last.type == "ORDINAL" and declaration == "priority")  # `respond by end of 1st business day`
    ):
        return "calendar"
    if word == "on" and declaration == "priority":
        return "clock"
    if declaration == "item" and word in _RULE_KINDS:
        return word
    if declaration in ("calendar", "maintenance") and last.type == "ORDINAL":
        return "weekday"  # `holiday yearly 4th `, `every month on 2nd `
    if declaration == "calendar" and word == "of":
        return "month"  # `holiday yearly 4th thu of `
    if word in ("when", "and"):
        return "attribute"
    if word in ("=", "!=", "(", "default"):
        return "value"
    head = _list_head(tokens)
    return "value" if head == "(" else _LISTS.get((declaration, head))  # `when plan in (basic, `

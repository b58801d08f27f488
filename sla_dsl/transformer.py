"""Parse tree to typed model, collecting every semantic error on the way.

Each top-level declaration becomes one model node. Values that the grammar
leaves as plain words (weekdays, calendar names, event types, countries, time
zones) are checked here against what they may be, with a suggestion of the
nearest valid word. Errors never stop the walk: a broken declaration is
dropped from the model and the next one is read, so that one run reports all.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

import holidays
from lark import Token, Tree

from . import model as m
from .diagnostics import Diagnostic, Severity, did_you_mean

T = TypeVar("T")

WEEKDAYS = [w.value for w in m.Weekday]
UNIT_MAP = {
    "minute": m.TimeUnit.MINUTE,
    "hour": m.TimeUnit.HOUR,
    "day": m.TimeUnit.DAY,
    "week": m.TimeUnit.WEEK,
    "month": m.TimeUnit.MONTH,
}
CHANNELS = ("email", "web", "phone", "letter", "portal")


class Invalid(Exception):
    """Raised inside the walk to drop the current declaration (already reported)."""


@cache
def _timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@cache
def _countries() -> frozenset[str]:
    """Country codes the `holidays` package knows, read from its registry without importing each country."""
    try:
        from holidays.registry import COUNTRIES

        return frozenset(code for entry in COUNTRIES.values() for code in entry[1:] if code.isupper())
    except ImportError:  # pragma: no cover - older holidays versions
        return frozenset(holidays.list_supported_countries())


def _span(node: Tree[Token] | Token, offset: int = 0) -> m.Span:
    if isinstance(node, Token):
        line = node.line or 1
        col = node.column or 1
        end_line = node.end_line or line
        end_col = node.end_column or col + len(str(node))
        return m.Span(line=line + offset, column=col, end_line=end_line + offset, end_column=end_col)
    meta = node.meta
    if getattr(meta, "empty", True):
        return m.NO_SPAN
    return m.Span(
        line=meta.line + offset,
        column=meta.column,
        end_line=meta.end_line + offset,
        end_column=meta.end_column,
    )


def _unquote(tok: Token) -> str:
    raw = str(tok)[1:-1]
    if "\\" not in raw:
        return raw
    out = []
    it = iter(raw)
    for ch in it:
        if ch == "\\":
            nxt = next(it, "")
            out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
        else:
            out.append(ch)
    return "".join(out)


class Builder:
    """Walks the parse tree of one policy text and builds the model."""

    def __init__(self, file: str, line_offset: int = 0) -> None:
        self.file = file
        self.offset = line_offset
        self.diagnostics: list[Diagnostic] = []
        #: (kind, name) of declarations dropped for errors: references to them are not reported again
        self.dropped: set[tuple[str, str]] = set()

    # -- reporting ------------------------------------------------------------------
    def span(self, node: Tree[Token] | Token) -> m.Span:
        return _span(node, self.offset)

    def error(
        self,
        code: str,
        message: str,
        node: Tree[Token] | Token | m.Span,
        help: str | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        span = node if isinstance(node, m.Span) else self.span(node)
        self.diagnostics.append(
            Diagnostic(code=code, message=message, span=span, help=help, severity=severity, file=self.file)
        )

    def fail(self, code: str, message: str, node: Tree[Token] | Token | m.Span, help: str | None = None) -> Invalid:
        self.error(code, message, node, help)
        return Invalid()

    # -- pieces ------------------------------------------------------------------------
    def label(self, node: Tree[Token]) -> m.Label:
        strings = [_unquote(t) for t in node.children if isinstance(t, Token)]
        if len(strings) == 1:
            return m.Label(ja=strings[0], en=strings[0], span=self.span(node))
        return m.Label(ja=strings[0], en=strings[1], span=self.span(node))

    def ref(self, node: Tree[Token]) -> m.ArticleRef:
        tok = node.children[0]
        assert isinstance(tok, Token)
        return m.ArticleRef(parts=tuple(int(p) for p in str(tok).split(".")), span=self.span(node))

    def clock_time(self, tok: Token) -> m.ClockTime:
        hh, mm = (int(x) for x in str(tok).split(":"))
        if mm > 59 or hh > 24 or (hh == 24 and mm > 0):
            raise self.fail(
                "E203",
                f"`{tok}` is not a time of day",
                tok,
                help="times run from 00:00 to 24:00 (24:00 is the end of the day)",
            )
        return m.ClockTime(minutes=hh * 60 + mm, span=self.span(tok))

    def time_range(self, node: Tree[Token]) -> m.TimeRange:
        a, b = (self.clock_time(t) for t in node.children if isinstance(t, Token))
        if b.minutes <= a.minutes:
            raise self.fail(
                "E201",
                f"the time range `{a}-{b}` ends before it starts",
                node,
                help="write the earlier time first; a range ends at 24:00 at the latest",
            )
        return m.TimeRange(start=a, end=b, span=self.span(node))

    def date(self, tok: Token) -> dt.date:
        y, mo, d = (int(x) for x in str(tok).split("-"))
        try:
            return dt.date(y, mo, d)
        except ValueError:
            raise self.fail(
                "E209", f"`{tok}` is not a valid date", tok, help="write a real date as YYYY-MM-DD"
            ) from None

    def month_day(self, tok: Token) -> tuple[int, int]:
        mo, d = (int(x) for x in str(tok).split("-"))
        try:
            dt.date(2000, mo, d)  # a leap year, so 02-29 is allowed
        except ValueError:
            raise self.fail(
                "E209", f"`{tok}` is not a valid month and day", tok, help="write MM-DD, e.g. 12-29"
            ) from None
        return (mo, d)

    def weekday(self, tok: Token) -> m.Weekday:
        word = str(tok).lower()
        if word in WEEKDAYS:
            return m.Weekday(word)
        for w in WEEKDAYS:
            if len(word) > 3 and w.startswith(word[:3]) and word.startswith(w):
                raise self.fail(
                    "E210", f"unknown weekday `{tok}`", tok, help=f"write `{w}`; weekdays are {', '.join(WEEKDAYS)}"
                )
        raise self.fail(
            "E210",
            f"unknown weekday `{tok}`",
            tok,
            help=(did_you_mean(word, WEEKDAYS) or "") + f" weekdays are {', '.join(WEEKDAYS)}",
        )

    def event(self, tok: Token) -> str:
        name = str(tok)
        if name not in m.EVENT_TYPES:
            raise self.fail(
                "E208",
                f"unknown event type `{name}`",
                tok,
                help=did_you_mean(name, m.EVENT_TYPES) or "event types are " + ", ".join(m.EVENT_TYPES),
            )
        return name

    def duration(self, node: Tree[Token]) -> m.Duration:
        toks = [c for c in node.children if isinstance(c, Token)]
        unit_tree = next(c for c in node.children if isinstance(c, Tree))
        unit_word = str(unit_tree.children[0]).rstrip("s")
        amount = int(toks[0])
        calendar = str(toks[1]) if len(toks) > 1 else None
        plural = str(unit_tree.children[0]).endswith("s")
        if amount == 0:
            raise self.fail("E215", "a duration must be more than zero", toks[0])
        if (amount == 1 and plural) or (amount > 1 and not plural):
            self.error(
                "W201",
                f"`{amount} {unit_tree.children[0]!s}`: singular and plural do not agree",
                node,
                help=f"write `{amount} {unit_word if amount == 1 else unit_word + 's'}`",
                severity=Severity.WARNING,
            )
        unit = UNIT_MAP[unit_word]
        if calendar is not None:
            if unit in (m.TimeUnit.WEEK, m.TimeUnit.MONTH):
                raise self.fail(
                    "E216",
                    f"`{calendar} {unit.value}s` is not a unit of business time",
                    node,
                    help="count business time in minutes, hours or days, e.g. `5 business days`",
                )
        return m.Duration(amount=amount, unit=unit, calendar=calendar, span=self.span(node))

    # -- declarations ------------------------------------------------------------------
    def build(self, tree: Tree[Token]) -> dict[str, list[Any]]:
        """All declarations of a ``start`` tree, by kind (broken ones are dropped)."""
        out: dict[str, list[Any]] = {}
        for decl in tree.children:
            if not isinstance(decl, Tree):
                continue
            handler: Callable[[Tree[Token]], Any] = getattr(self, "d_" + str(decl.data))
            try:
                node = handler(decl)
            except Invalid:
                first_tok = decl.children[0] if decl.children else None
                if isinstance(first_tok, Token):
                    self.dropped.add((str(decl.data), str(first_tok)))
                continue
            out.setdefault(str(decl.data), []).append(node)
        return out

    def _head(self, decl: Tree[Token]) -> tuple[m.Label, m.ArticleRef | None, list[Tree[Token]]]:
        label = m.Label()
        ref = None
        stmts: list[Tree[Token]] = []
        for c in decl.children:
            if isinstance(c, Tree):
                if c.data == "label":
                    label = self.label(c)
                elif c.data == "ref":
                    ref = self.ref(c)
                else:
                    stmts.append(c)
        return label, ref, stmts

    def _once(self, seen: dict[str, Tree[Token]], stmt: Tree[Token], what: str) -> None:
        key = str(stmt.data)
        if key in seen:
            first = seen[key]
            self.error(
                "E212",
                f"{what} is given twice in this block",
                stmt,
                help=f"keep one; the first is on line {self.span(first).line}",
            )
        seen[key] = stmt

    def _name(self, decl: Tree[Token]) -> Token:
        tok = decl.children[0]
        assert isinstance(tok, Token)
        return tok

    def d_header(self, decl: Tree[Token]) -> m.Header:
        fields: dict[str, Any] = {"name": _unquote(self._name(decl))}
        seen: dict[str, Tree[Token]] = {}
        for st in decl.children[1:]:
            if not isinstance(st, Tree):
                continue
            self._once(seen, st, "`" + str(st.data)[2:] + "`")
            tok = st.children[0]
            if st.data == "h_format":
                assert isinstance(tok, Token)
                if int(tok) != 1:
                    self.error(
                        "E214", f"format `{tok}` is not supported", tok, help="this version of sla reads `format 1`"
                    )
                fields["format"] = int(tok)
            elif st.data == "h_version":
                assert isinstance(tok, Token)
                fields["version"] = _unquote(tok)
            elif st.data == "h_effective":
                assert isinstance(tok, Token)
                try:
                    fields["effective"] = self.date(tok)
                except Invalid:
                    fields["effective"] = None
            elif st.data == "h_timezone":
                assert isinstance(tok, Token)
                tz = _unquote(tok) if tok.type == "STRING" else str(tok)
                if tz not in _timezones():
                    self.error(
                        "E205",
                        f"unknown time zone `{tz}`",
                        tok,
                        help=did_you_mean(tz, _timezones()) or "write an IANA zone name such as `Asia/Tokyo`",
                    )
                fields["timezone"] = tz
            elif st.data in ("h_provider", "h_title"):
                assert isinstance(tok, Tree)
                fields[str(st.data)[2:]] = self.label(tok)
            elif st.data == "h_source":
                assert isinstance(tok, Token)
                fields["source"] = _unquote(tok)
        missing = [k for k in ("version", "effective", "timezone") if k not in fields]
        for k in missing:
            example = {
                "version": 'version "2026.1"',
                "effective": "effective 2026-04-01",
                "timezone": "timezone Asia/Tokyo",
            }[k]
            self.error(
                "E211", f"the `sla` header has no `{k}`", self._name(decl), help=f"add `{example}` to the header"
            )
        if missing or fields.get("effective") is None:
            raise Invalid()
        return m.Header(span=self.span(decl), **fields)

    def d_article(self, decl: Tree[Token]) -> m.Article:
        number = int(self._name(decl))
        title = m.Label()
        texts: list[m.Label] = []
        for c in decl.children[1:]:
            if isinstance(c, Tree) and c.data == "label":
                title = self.label(c)
            elif isinstance(c, Tree) and c.data == "article_body":
                for t in c.children:
                    if isinstance(t, Tree):
                        lab = t.children[0]
                        assert isinstance(lab, Tree)
                        texts.append(self.label(lab))
        return m.Article(number=number, title=title, text=tuple(texts), span=self.span(decl))

    def d_calendar(self, decl: Tree[Token]) -> m.Calendar:
        name = self._name(decl)
        label, ref, stmts = self._head(decl)
        days: list[m.Weekday] = []
        hours: list[m.TimeRange] = []
        hol: list[str] = []
        closed: list[m.DateRange] = []
        yearly: list[m.YearlyRange] = []
        opened: list[m.DateRange] = []
        notes: list[m.Label] = []
        broken = False
        for st in stmts:
            try:
                if st.data == "c_days":
                    for span_node in st.children:
                        if isinstance(span_node, Tree):
                            days.extend(self._day_span(span_node))
                elif st.data == "c_hours":
                    for r in st.children:
                        if isinstance(r, Tree):
                            hours.append(self.time_range(r))
                elif st.data == "c_holidays":
                    for tok in st.children:
                        if isinstance(tok, Token):
                            hol.append(self._country(tok))
                elif st.data in ("c_closed", "c_open"):
                    target = closed if st.data == "c_closed" else opened
                    for ds in st.children:
                        if isinstance(ds, Tree):
                            target.append(self._date_span(ds))
                elif st.data == "c_closed_yearly":
                    for ys in st.children:
                        if isinstance(ys, Tree):
                            yearly.append(self._yearly_span(ys))
                elif st.data == "note":
                    notes.append(self._note(st))
            except Invalid:
                broken = True
        # overlapping hour ranges
        ordered = sorted(hours, key=lambda r: r.start.minutes)
        for a, b in itertools.pairwise(ordered):
            if b.start.minutes < a.end.minutes:
                self.error(
                    "E202",
                    f"hour ranges `{a}` and `{b}` overlap",
                    b.span,
                    help="business hours are separate ranges; merge them or move one",
                )
                broken = True
        if len(set(days)) != len(days):
            self.error("W202", "a weekday is listed twice", name, severity=Severity.WARNING)
        if broken:
            raise Invalid()
        return m.Calendar(
            name=str(name),
            label=label,
            ref=ref,
            days=tuple(dict.fromkeys(days)),
            hours=tuple(ordered),
            holidays=tuple(hol),
            closed=tuple(closed),
            closed_yearly=tuple(yearly),
            open=tuple(opened),
            notes=tuple(notes),
            span=self.span(decl),
        )

    def _day_span(self, node: Tree[Token]) -> list[m.Weekday]:
        toks = [t for t in node.children if isinstance(t, Token)]
        first = self.weekday(toks[0])
        if len(toks) == 1:
            return [first]
        last = self.weekday(toks[1])
        if last.index < first.index:
            raise self.fail(
                "E201",
                f"the day range `{toks[0]}..{toks[1]}` runs backwards",
                node,
                help="write the earlier day first, e.g. `mon..fri`",
            )
        return [m.Weekday(WEEKDAYS[i]) for i in range(first.index, last.index + 1)]

    def _country(self, tok: Token) -> str:
        code = str(tok)
        if code not in _countries():
            raise self.fail(
                "E204",
                f"unknown holiday country `{code}`",
                tok,
                help=did_you_mean(code, _countries())
                or "write an ISO 3166 country code known to the `holidays` package, e.g. `JP`",
            )
        return code

    def _date_span(self, node: Tree[Token]) -> m.DateRange:
        toks = [t for t in node.children if isinstance(t, Token)]
        first = self.date(toks[0])
        last = self.date(toks[1]) if len(toks) > 1 else first
        if last < first:
            raise self.fail("E201", f"the date range `{toks[0]}..{toks[1]}` ends before it starts", node)
        return m.DateRange(first=first, last=last, span=self.span(node))

    def _yearly_span(self, node: Tree[Token]) -> m.YearlyRange:
        toks = [t for t in node.children if isinstance(t, Token)]
        first = self.month_day(toks[0])
        last = self.month_day(toks[1]) if len(toks) > 1 else first
        return m.YearlyRange(first=first, last=last, span=self.span(node))

    def _note(self, st: Tree[Token]) -> m.Label:
        lab = st.children[0]
        assert isinstance(lab, Tree)
        return self.label(lab)

    def d_service(self, decl: Tree[Token]) -> m.Service:
        name = self._name(decl)
        label, ref, stmts = self._head(decl)
        hours: m.ServiceHours | None = None
        measured = False
        target: float | None = None
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data == "s_hours":
                self._once(seen, st, "`hours`")
                cal = next(t for t in st.children if isinstance(t, Token))
                excepts = {str(c.data) for c in st.children if isinstance(c, Tree)}
                hours = m.ServiceHours(
                    calendar=str(cal),
                    except_maintenance="ex_maintenance" in excepts,
                    except_planned_stops="ex_planned" in excepts,
                    span=self.span(st),
                )
            elif st.data == "s_measured":
                measured = True
            elif st.data == "s_target":
                measured = True
                tok = st.children[0]
                assert isinstance(tok, Token)
                target = self._percent(tok)
            elif st.data == "note":
                notes.append(self._note(st))
        if hours is None:
            raise self.fail(
                "E211",
                f"service `{name}` does not say its hours",
                name,
                help="add e.g. `hours business` or `hours always except maintenance`",
            )
        return m.Service(
            name=str(name), label=label, ref=ref, hours=hours, availability_measured=measured,
            availability_target=target, notes=tuple(notes), span=self.span(decl),
        )  # fmt: skip

    def _percent(self, tok: Token) -> float:
        value = float(str(tok).rstrip("%"))
        if not 0 < value <= 100:
            raise self.fail("E215", f"`{tok}` is not a percentage between 0 and 100", tok)
        return value

    def d_planned_stop(self, decl: Tree[Token]) -> m.PlannedStop:
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data == "p_notice":
                self._once(seen, st, "`notice`")
                dur = st.children[0]
                anchor = st.children[1]
                assert isinstance(dur, Tree) and isinstance(anchor, Tree)
                fields["notice"] = self.duration(dur)
                fields["anchor"] = (
                    m.NoticeAnchor.START_DATE if anchor.data == "anchor_start_date" else m.NoticeAnchor.START
                )
                channels = [str(t) for t in st.children[2:] if isinstance(t, Token)]
                for tok in st.children[2:]:
                    if isinstance(tok, Token) and str(tok) not in CHANNELS:
                        self.error(
                            "E215", f"unknown notice channel `{tok}`", tok,
                            help=did_you_mean(str(tok), CHANNELS) or "channels are " + ", ".join(CHANNELS),
                        )  # fmt: skip
                fields["channels"] = tuple(channels)
            elif st.data == "p_emergency":
                self._once(seen, st, "`emergency`")
                counts = st.children[0]
                assert isinstance(counts, Tree)
                fields["emergency_allowed"] = True
                fields["emergency_counts_as_downtime"] = counts.data == "counts_downtime"
            elif st.data == "note":
                notes.append(self._note(st))
        if "notice" not in fields:
            raise self.fail(
                "E211",
                "the planned-stop rule does not say its notice",
                decl,
                help="add e.g. `notice 1 week before start date by email`",
            )
        return m.PlannedStop(
            name="planned_stop", label=label, ref=ref, notes=tuple(notes), span=self.span(decl), **fields
        )

    def d_maintenance(self, decl: Tree[Token]) -> m.Maintenance:
        name = self._name(decl)
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            key = str(st.data)
            if key in ("m_notice", "m_notice_none"):
                self._once(seen, Tree("notice", [], st.meta), "`notice`")
            elif key != "note":
                self._once(seen, st, "`" + key[2:] + "`")
            if key == "m_every":
                rec, rng = (c for c in st.children if isinstance(c, Tree))
                fields["on"] = self._recurrence(rec)
                fields["hours"] = self.time_range(rng)
            elif key == "m_roll":
                roll = next(c for c in st.children if isinstance(c, Tree))
                fields["roll"] = m.Roll(str(roll.data)[5:])
            elif key == "m_calendar":
                fields["calendar"] = str(st.children[0])
                fields["_calendar_tok"] = st.children[0]
            elif key == "m_notice":
                dur = st.children[0]
                assert isinstance(dur, Tree)
                fields["notice"] = self.duration(dur)
            elif key == "m_counts":
                fields["excused"] = False
            elif key == "note":
                notes.append(self._note(st))
        fields.pop("_calendar_tok", None)
        if "on" not in fields:
            raise self.fail(
                "E211",
                f"maintenance `{name}` does not say when it happens",
                name,
                help="add e.g. `every month on 4th thu, 22:00-24:00`",
            )
        if fields.get("roll", m.Roll.KEEP) is not m.Roll.KEEP and "calendar" not in fields:
            raise self.fail(
                "E211",
                f"maintenance `{name}` moves off non-business days but names no calendar",
                name,
                help="add `calendar business` (the calendar whose business days count)",
            )
        return m.Maintenance(name=str(name), label=label, ref=ref, notes=tuple(notes), span=self.span(decl), **fields)

    def _recurrence(self, node: Tree[Token]) -> m.Recurrence:
        toks = [t for t in node.children if isinstance(t, Token) and t.type in ("ORDINAL", "NAME", "INT", "MONTHDAY")]
        sp = self.span(node)
        if node.data == "r_nth":
            nth = int(str(toks[0])[:-2])
            if not 1 <= nth <= 5:
                raise self.fail(
                    "E213", f"there is no `{toks[0]}` weekday in a month", toks[0], help="write 1st to 5th, or `last`"
                )
            return m.NthWeekday(nth=nth, weekday=self.weekday(toks[1]), span=sp)
        if node.data == "r_last_weekday":
            return m.NthWeekday(nth=-1, weekday=self.weekday(toks[0]), span=sp)
        if node.data == "r_last_day":
            return m.DayOfMonth(day=-1, span=sp)
        if node.data == "r_day":
            day = int(toks[0])
            if not 1 <= day <= 31:
                raise self.fail(
                    "E209", f"day `{day}` is not a day of a month", toks[0], help="write 1 to 31, or `last day`"
                )
            return m.DayOfMonth(day=day, span=sp)
        if node.data == "r_yearly":
            mo, d = self.month_day(toks[0])
            return m.DayOfYear(month=mo, day=d, span=sp)
        return m.WeeklyOn(weekday=self.weekday(toks[0]), span=sp)

    def d_clock(self, decl: Tree[Token]) -> m.ClockRule:
        name = self._name(decl)
        label, ref, stmts = self._head(decl)
        starts: list[str] = []
        risk: float | None = None
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data == "k_starts":
                self._once(seen, st, "`starts at`")
                starts = [self.event(t) for t in st.children if isinstance(t, Token)]
            elif st.data == "k_risk":
                self._once(seen, st, "`at risk`")
                tok = st.children[0]
                assert isinstance(tok, Token)
                risk = self._percent(tok)
            elif st.data == "note":
                notes.append(self._note(st))
        if not starts:
            raise self.fail(
                "E211",
                f"clock `{name}` does not say which event starts it",
                name,
                help="add e.g. `starts at incident.product_suspected, else incident.reported`",
            )
        return m.ClockRule(
            name=str(name),
            label=label,
            ref=ref,
            starts=tuple(starts),
            at_risk_percent=risk,
            notes=tuple(notes),
            span=self.span(decl),
        )

    def d_priority(self, decl: Tree[Token]) -> m.Priority:
        pid = self._name(decl)
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        completion: dict[str, Any] = {}
        for st in stmts:
            key = str(st.data)
            if key in ("q_within", "q_by_end"):
                self._once(seen, Tree("respond", [], st.meta), "the response target")
            elif key != "note":
                self._once(seen, st, "`" + key[2:].replace("_", " ") + "`")
            if key == "q_definition":
                lab = st.children[0]
                assert isinstance(lab, Tree)
                fields["definition"] = self.label(lab)
            elif key == "q_within":
                dur = st.children[0]
                assert isinstance(dur, Tree)
                fields["target"] = m.Within(duration=self.duration(dur), span=self.span(st))
            elif key == "q_by_end":
                toks = [t for t in st.children if isinstance(t, Token) and t.type in ("ORDINAL", "NAME")]
                fields["target"] = m.ByEndOf(nth=int(str(toks[0])[:-2]), calendar=str(toks[1]), span=self.span(st))
            elif key == "q_same_day":
                dur = next(c for c in st.children if isinstance(c, Tree))
                cal = [t for t in st.children if isinstance(t, Token) and t.type == "NAME"][-1]
                fields["same_day"] = m.SameDayGuideline(
                    before_close=self.duration(dur), calendar=str(cal), span=self.span(st)
                )
            elif key == "q_complete":
                ons: list[str] = []
                silence = None
                for c in st.children:
                    if not isinstance(c, Tree):
                        continue
                    if c.data == "complete_on":
                        tok = c.children[0]
                        assert isinstance(tok, Token)
                        ons.append(self.event(tok))
                    else:
                        dur = c.children[0]
                        after, unless = (t for t in c.children[1:] if isinstance(t, Token))
                        assert isinstance(dur, Tree)
                        silence = m.SilenceCompletion(
                            duration=self.duration(dur),
                            after=self.event(after),
                            unless=self.event(unless),
                            span=self.span(c),
                        )
                completion["on"] = tuple(ons)
                completion["silence"] = silence
                completion["span"] = self.span(st)
            elif key == "q_guideline":
                lab = st.children[0]
                assert isinstance(lab, Tree)
                completion["guideline"] = self.label(lab)
            elif key == "note":
                notes.append(self._note(st))
        if "target" not in fields:
            raise self.fail(
                "E211",
                f"priority `{pid}` has no response target",
                pid,
                help="add e.g. `respond within 4 business hours`",
            )
        return m.Priority(
            id=str(pid), label=label, ref=ref, completion=m.Completion(**completion), notes=tuple(notes),
            span=self.span(decl), **fields,
        )  # fmt: skip

    def d_notify(self, decl: Tree[Token]) -> m.Notify:
        name = self._name(decl)
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data != "note":
                self._once(seen, st, "`" + str(st.data)[2:] + "`")
            if st.data == "n_within":
                dur, ev = st.children
                assert isinstance(dur, Tree) and isinstance(ev, Token)
                fields["within"] = self.duration(dur)
                fields["after"] = self.event(ev)
            elif st.data == "n_only":
                ev, cal = (t for t in st.children if isinstance(t, Token) and t.type in ("EVENT", "NAME"))
                self.event(ev)
                fields["only_during"] = str(cal)
                fields["_only_event"] = ev
            elif st.data == "n_met":
                ev = st.children[0]
                assert isinstance(ev, Token)
                fields["met_by"] = self.event(ev)
            elif st.data == "note":
                notes.append(self._note(st))
        only_ev = fields.pop("_only_event", None)
        if "within" not in fields or "met_by" not in fields:
            what = "`within ... after ...`" if "within" not in fields else "`met by ...`"
            raise self.fail(
                "E211",
                f"notification `{name}` has no {what}",
                name,
                help="a notification needs `within 3 business hours after outage.recognized` "
                "and `met by outage.notified`",
            )
        if only_ev is not None and str(only_ev) != fields["after"]:
            self.error(
                "E215",
                f"the condition names `{only_ev}` but the clock starts at `{fields['after']}`",
                only_ev,
                help=f"write `only if {fields['after']} during ...`",
            )
        return m.Notify(name=str(name), label=label, ref=ref, notes=tuple(notes), span=self.span(decl), **fields)

    def d_backup(self, decl: Tree[Token]) -> m.Backup:
        kind = self._name(decl)
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data != "note":
                self._once(seen, st, "`" + str(st.data)[2:] + "`")
            if st.data == "b_method":
                lab = st.children[0]
                assert isinstance(lab, Tree)
                fields["method"] = self.label(lab)
            elif st.data in ("b_every", "b_keep"):
                dur = st.children[0]
                assert isinstance(dur, Tree)
                fields["every" if st.data == "b_every" else "keep"] = self.duration(dur)
            elif st.data == "b_continuous":
                fields["continuous"] = True
            elif st.data == "b_zone":
                fields["other_zone"] = True
            elif st.data == "note":
                notes.append(self._note(st))
        if "every" in fields and fields.get("continuous"):
            self.error("E215", f"backup `{kind}` is both `continuous` and `every ...`", kind, help="keep one of them")
        if "every" not in fields and not fields.get("continuous"):
            raise self.fail(
                "E211",
                f"backup `{kind}` does not say how often it is taken",
                kind,
                help="add `every 1 day` or `continuous`",
            )
        return m.Backup(kind=str(kind), label=label, ref=ref, notes=tuple(notes), span=self.span(decl), **fields)

    def d_exclude(self, decl: Tree[Token]) -> m.Exclusion:
        cause = self._name(decl)
        label, ref, _ = self._head(decl)
        return m.Exclusion(cause=str(cause), label=label, ref=ref, span=self.span(decl))

    def d_item(self, decl: Tree[Token]) -> m.Item:
        number = int(self._name(decl))
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        rules: list[m.ItemRef] = []
        for st in stmts:
            if st.data in ("i_description", "i_value"):
                lab = st.children[0]
                assert isinstance(lab, Tree)
                fields[str(st.data)[2:]] = self.label(lab)
            else:
                for r in st.children:
                    if not isinstance(r, Tree):
                        continue
                    if r.data == "rule_planned_stop":
                        rules.append(m.ItemRef(kind="planned_stop", name="planned_stop", span=self.span(r)))
                    else:
                        kind_tree, nm = r.children
                        assert isinstance(kind_tree, Tree) and isinstance(nm, Token)
                        rules.append(m.ItemRef(kind=str(kind_tree.children[0]), name=str(nm), span=self.span(r)))
        return m.Item(number=number, label=label, ref=ref, rules=tuple(rules), span=self.span(decl), **fields)


def first(items: Iterable[T]) -> T | None:
    """The first item, or ``None``."""
    return next(iter(items), None)

"""Parse tree to typed model, collecting every semantic error on the way.

Each top-level declaration becomes one model node. Values that the grammar
leaves as plain words (weekdays, calendar names, event types, countries, time
zones) are checked by :class:`~sla_dsl.lang.values.ValueReader` against what they may
be, with a suggestion of the nearest valid word. Errors never stop the walk: a
broken declaration is dropped from the model and the next one is read, so that
one run reports all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lark import Token, Tree

from . import model as m
from .attributes import PlanTargets
from .breach_credits import BreachCreditBuilder, CreditLines
from .calendar_decl import build_calendar
from .check_clocks import life_conflicts
from .diagnostics import Code, Words, did_you_mean_words, listing, words
from .event_types import EventTypeBuilder
from .languages import read_languages
from .line_hints import merged_risk_help
from .parser import misspelt_declaration, misspelt_keyword_of
from .values import CHANNELS, Invalid, _unquote, bounded_int, shown, unknown_statement, zone_error, zone_problem

__all__ = ["PLANNED_STOP", "Builder", "Invalid", "dropped_key"]

#: The name of the planned-stop rule, which has none of its own (items refer to it as `planned stop`).
PLANNED_STOP = "planned_stop"

#: The keyword that opens each kind of declaration, where it is not the kind's name.
_KEYWORD_OF = {"header": "sla", "planned_stop": "planned", "event_type": "event"}

#: Statements of a priority that add a named target on a named clock, and the target's kind.
_NAMED_TARGETS = {
    "q_respond_on": "respond",
    "q_resolve_on": "resolve",
    "q_first_reply_on": "first_reply",
    "q_update": "update",
    "q_respond_by_on": "respond",
    "q_resolve_by_on": "resolve",
    "q_first_reply_by_on": "first_reply",
}


#: Each statement as its author wrote it (its own keywords), for E212: never the grammar's name of it.
_WRITTEN = {
    **{f"h_{k}": k for k in ("format", "version", "effective", "timezone", "provider", "title", "source", "languages")},
    "h_credit_total": "credit total",
    "s_hours": "hours",
    "p_notice": "notice",
    "p_emergency": "emergency without notice",
    "m_every": "every",
    "m_roll": "if not a business day",
    "m_calendar": "calendar",
    "m_notice": "notice",
    "m_counts": "counts as downtime",
    **{f"k_{k}": f"{k} at" for k in ("starts", "stops", "resets", "restarts", "cancels")},
    "k_risk": "at risk",
    "q_definition": "definition",
    "q_same_day": "same day",
    "q_complete": "complete",
    "q_guideline": "guideline",
    "n_within": "within",
    "n_only": "only if",
    "n_met": "met by",
    "b_method": "method",
    "b_every": "every",
    "b_continuous": "continuous",
    "b_keep": "keep",
    "b_zone": "in another zone",
    "i_description": "description",
    "i_value": "value",
}


def _written(stmt: Tree[Token]) -> str:
    """The statement ``stmt`` named by its keywords, in backticks (``if not a business day``)."""
    if str(stmt.data) not in _WRITTEN:
        raise unknown_statement(stmt)
    return f"`{_WRITTEN[str(stmt.data)]}`"


def _out_of_hours_tree(st: Tree[Token]) -> Tree[Token] | None:
    """The ``out_of_hours`` tail of a target line, if it has one."""
    return next((c for c in st.children if isinstance(c, Tree) and c.data == "out_of_hours"), None)


def dropped_key(decl: Tree[Token]) -> tuple[str, str]:
    """(kind, name) of a declaration as references name it (a planned-stop rule, which has no name of
    its own, by :data:`PLANNED_STOP`), for :attr:`Builder.dropped`."""
    if decl.data == "planned_stop":
        return "planned_stop", PLANNED_STOP
    first = decl.children[0] if decl.children else None
    return str(decl.data), str(first) if isinstance(first, Token) else ""


class Builder(BreachCreditBuilder, EventTypeBuilder):
    """Walks the parse tree of one policy text and builds the model."""

    #: The languages the first header declares (``()``: none), read even when another of its statements
    #: is wrong and the header is dropped; ``None`` before a header is read.
    header_languages: tuple[str, ...] | None = None

    #: The calendars the tree declares, in file order (``None``: a tree of one declaration of a file read
    #: declaration by declaration, which does not know them all).
    calendar_names: tuple[str, ...] | None = None

    def build(self, tree: Tree[Token]) -> dict[str, list[Any]]:
        """All declarations of a ``start`` tree, by kind (broken ones are dropped)."""
        out: dict[str, list[Any]] = {}
        if not self.offset:  # (the whole file, or a first declaration: none declared before it)
            self.calendar_names = tuple(
                dict.fromkeys(
                    str(d.children[0])
                    for d in tree.children
                    if isinstance(d, Tree) and d.data == "calendar" and d.children and isinstance(d.children[0], Token)
                )
            )
        for decl in tree.children:
            if not isinstance(decl, Tree):
                continue
            misspelt = misspelt_keyword_of(decl)
            if misspelt is not None:
                self._refuse_misspelt(decl, misspelt)
                continue
            handler: Callable[[Tree[Token]], Any] = getattr(self, "d_" + str(decl.data))
            try:
                node = handler(decl)
            except Invalid:
                self.dropped.add(dropped_key(decl))
                continue
            out.setdefault(str(decl.data), []).append(node)
        return out

    def _refuse_misspelt(self, decl: Tree[Token], word: Token) -> None:
        """E016 for a declaration opened by a misspelt keyword; it is dropped, so that what refers to it is
        not reported again (a header still gives the policy its languages)."""
        near = _KEYWORD_OF.get(str(decl.data), str(decl.data))
        line = (word.line or 1) + self.offset
        found = misspelt_declaration(str(word), near, line, word.column or 1)
        self.diagnostics.append(found.model_copy(update={"file": self.file}))
        self.dropped.add(dropped_key(decl))
        if decl.data == "header" and self.header_languages is None:
            said = [st for st in decl.children if isinstance(st, Tree) and st.data == "h_languages"]
            self.header_languages = read_languages(said[-1], lambda *_, **__: None) if said else ()

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

    def _once(self, seen: dict[str, Tree[Token]], stmt: Tree[Token], what: str | Words | None = None) -> None:
        """E212 for the second ``stmt`` of its kind in a block, named ``what`` (else by the keywords it is
        written with: :data:`_WRITTEN`)."""
        key = str(stmt.data)
        what = what if what is not None else _written(stmt)
        if key in seen:
            first = seen[key]
            self.error(
                "E212",
                words("diag.E212", what=what),
                stmt,
                help=words("diag.help.keep_one", line=str(self.span(first).line)),
            )
        seen[key] = stmt

    def _name(self, decl: Tree[Token]) -> Token:
        tok = decl.children[0]
        assert isinstance(tok, Token)
        return tok

    def d_header(self, decl: Tree[Token]) -> m.Header:
        if self.header_languages is None:  # first, and unreported: the header may be dropped for another statement
            said = [st for st in decl.children if isinstance(st, Tree) and st.data == "h_languages"]
            self.header_languages = read_languages(said[-1], lambda *_, **__: None) if said else ()
        fields: dict[str, Any] = {"name": _unquote(self._name(decl))}
        seen: dict[str, Tree[Token]] = {}
        for st in decl.children[1:]:
            if not isinstance(st, Tree):
                continue
            self._once(seen, st)
            tok = st.children[0]
            if st.data == "h_format":
                assert isinstance(tok, Token)
                version = bounded_int(str(tok), 1)
                if version != 1:
                    self.error("E214", words("diag.E214", format=shown(str(tok))), tok, help=words("diag.E214.help"))
                fields["format"] = 1 if version is None else version
            elif st.data == "h_version":
                assert isinstance(tok, Token)
                fields["version"] = _unquote(tok)
                fields["version_span"] = self.span(st)
            elif st.data == "h_effective":
                assert isinstance(tok, Token)
                try:
                    fields["effective"] = self.date(tok)
                except Invalid:
                    fields["effective"] = None
                fields["effective_span"] = self.span(st)
            elif st.data == "h_timezone":
                assert isinstance(tok, Token)
                tz = _unquote(tok) if tok.type == "STRING" else str(tok)
                problem = zone_problem(tz)
                if problem is not None:
                    self.error("E205", zone_error(tz), tok, help=problem)
                fields["timezone"] = tz
                fields["timezone_span"] = self.span(st)
            elif st.data in ("h_provider", "h_title"):
                assert isinstance(tok, Tree)
                fields[str(st.data)[2:]] = self.label(tok)
            elif st.data == "h_source":
                assert isinstance(tok, Token)
                fields["source"] = _unquote(tok)
            elif st.data == "h_languages":
                fields["languages"] = read_languages(st, self.error)
            elif st.data == "h_credit_total":
                assert isinstance(tok, Token)
                try:  # (a cap outside (0, 100] is E215 there; the header stays, without the cap)
                    percent = self._percent(tok)
                except Invalid:
                    continue
                ref = next((c for c in st.children if isinstance(c, Tree) and c.data == "ref"), None)
                fields["credit_total"] = m.CreditTotal(
                    percent=percent,
                    period=self.measure_period(st),
                    ref=self.ref(ref) if ref is not None else None,
                    span=self.span(st),
                )
            else:
                raise unknown_statement(st)
        missing = [k for k in ("version", "effective", "timezone") if k not in fields]
        for k in missing:
            example = {
                "version": 'version "2026.1"',
                "effective": "effective 2026-04-01",
                "timezone": "timezone Asia/Tokyo",
            }[k]
            self.error(
                "E211",
                words("diag.E211.header", field=k),
                self._name(decl),
                help=words("diag.E211.header.help", example=example),
            )
        if missing or fields.get("effective") is None:
            raise Invalid()
        return m.Header(span=self.span(decl), **fields)

    def d_article(self, decl: Tree[Token]) -> m.Article:
        number = self.number(self._name(decl))
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
        label, ref, stmts = self._head(decl)
        return build_calendar(self, decl, self._name(decl), label, ref, stmts)

    def d_service(self, decl: Tree[Token]) -> m.Service:
        name = self._name(decl)
        label, ref, stmts = self._head(decl)
        hours: m.ServiceHours | None = None
        measured = False
        target: float | None = None
        extra: dict[str, Any] = {}  # measurement period and credits (issue 13)
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        plans = PlanTargets()  # targets with `when` and their credits (issue 13)
        for st in stmts:
            if st.data == "s_credit":  # the tiers of the nearest target line above it
                self.credit_line(st, plans)
            elif self.plan_statement(st, plans, target is not None):
                measured = True
            elif st.data == "s_hours":
                self._once(seen, st)
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
                self._once(seen, st, words("diag.E212.what.availability"))
                tok = st.children[0]
                assert isinstance(tok, Token)
                target = self._percent(tok)
                extra["period"] = self.measure_period(st)
            elif st.data == "note":
                notes.append(self._note(st))
            else:
                raise unknown_statement(st)
        if plans.general is not None:
            extra["credits"] = plans.general
        if hours is None:
            raise self.fail(
                "E211",
                words("diag.E211.service", name=str(name)),
                name,
                help=words("diag.E211.service.help"),
            )
        return m.Service(
            name=str(name), label=label, ref=ref, hours=hours, availability_measured=measured,
            availability_target=target, notes=tuple(notes), span=self.span(decl), **extra,
            plan_targets=tuple(plans.targets), plan_targets_first=plans.first,
        )  # fmt: skip

    def d_planned_stop(self, decl: Tree[Token]) -> m.PlannedStop:
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data == "p_notice":
                self._once(seen, st)
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
                            "E215",
                            words("diag.E215.channel", channel=str(tok)),
                            tok,
                            help=did_you_mean_words(str(tok), CHANNELS)
                            or words("diag.E215.channel.help", channels=listing((Code(c) for c in CHANNELS), ", ")),
                        )
                fields["channels"] = tuple(channels)
            elif st.data == "p_emergency":
                self._once(seen, st)
                counts = st.children[0]
                assert isinstance(counts, Tree)
                fields["emergency_allowed"] = True
                fields["emergency_counts_as_downtime"] = counts.data == "counts_downtime"
            elif st.data == "note":
                notes.append(self._note(st))
            else:
                raise unknown_statement(st)
        if "notice" not in fields:
            raise self.fail(
                "E211",
                words("diag.E211.planned"),
                decl,
                help=words("diag.E211.planned.help"),
            )
        return m.PlannedStop(
            name=PLANNED_STOP, label=label, ref=ref, notes=tuple(notes), span=self.span(decl), **fields
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
                self._once(seen, Tree("m_notice", [], st.meta))  # (`notice none` and `notice 1 day before`)
            elif key != "note":
                self._once(seen, st)
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
            elif key == "m_notice_none":
                pass  # (no notice: the default)
            elif key == "note":
                notes.append(self._note(st))
            else:
                raise unknown_statement(st)
        fields.pop("_calendar_tok", None)
        if "on" not in fields:
            raise self.fail(
                "E211",
                words("diag.E211.maintenance", name=str(name)),
                name,
                help=words("diag.E211.maintenance.help"),
            )
        if fields.get("roll", m.Roll.KEEP) is not m.Roll.KEEP and "calendar" not in fields:
            raise self.fail(
                "E211",
                words("diag.E211.maintenance_calendar", name=str(name)),
                name,
                help=self._roll_calendar_help(),
            )
        return m.Maintenance(name=str(name), label=label, ref=ref, notes=tuple(notes), span=self.span(decl), **fields)

    def _roll_calendar_help(self) -> Words:
        """What to write in a maintenance block that moves off non-business days with no ``calendar`` line:
        a calendar the policy declares (``business`` if it has one), and which ones it has (E211)."""
        names = self.calendar_names
        if not names:  # (none, or not known here: a declaration of a file read declaration by declaration)
            return words("diag.E211.maintenance_calendar.help_unknown")
        chosen = "business" if "business" in names else names[0]
        known = listing((f"`{c}`" for c in names), ", ")
        return words("diag.E211.maintenance_calendar.help", example=f"calendar {chosen}", known=known)

    def d_clock(self, decl: Tree[Token]) -> m.ClockRule:
        name = self._name(decl)
        label, ref, stmts = self._head(decl)
        starts: list[str] = []
        life: dict[str, Any] = {}  # pauses, stops, resets, restarts, cancels (issue 12)
        lines: list[tuple[str, Token]] = []  # their events as written: (stops, ..., pauses or until, event)
        risks: tuple[float, ...] = ()
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data in ("k_pauses", "k_not_due", "k_stops", "k_resets", "k_restarts", "k_cancels"):
                self._clock_life(st, seen, life)
                toks = [t for t in st.children if isinstance(t, Token)]
                if st.data == "k_pauses":
                    lines += [("pauses", toks[0]), *(("until", t) for t in toks[1:])]
                elif st.data == "k_not_due":
                    lines += [("not_due", toks[0]), *(("not_due_until", t) for t in toks[1:])]
                else:
                    lines += [(str(st.data)[2:], t) for t in toks]
            elif st.data == "k_starts":
                self._once(seen, st)
                starts = [self.event(t) for t in st.children if isinstance(t, Token)]
            elif st.data == "k_risk" and "k_risk" in seen:  # (a second line: the one line to write)
                first = seen["k_risk"]
                help = merged_risk_help(first, st, self.span(first).line)
                self.error("E212", words("diag.E212", what=_written(st)), st, help=help)
            elif st.data == "k_risk":
                self._once(seen, st)
                risks = self._risks([t for t in st.children if isinstance(t, Token)])
            elif st.data == "note":
                notes.append(self._note(st))
            else:
                raise unknown_statement(st)
        never = life_conflicts(str(name), [(k, str(t), self.span(t)) for k, t in lines])  # E221
        self.diagnostics += [d.model_copy(update={"file": self.file}) for d in never]
        if not starts:
            raise self.fail(
                "E211",
                words("diag.E211.clock", name=str(name)),
                name,
                help=words("diag.E211.clock.help"),
            )
        return m.ClockRule(
            name=str(name),
            label=label,
            ref=ref,
            starts=tuple(starts),
            at_risk_percent=risks[0] if risks else None,
            at_risk_thresholds=risks if len(risks) > 1 else (),
            notes=tuple(notes),
            span=self.span(decl),
            **life,
        )

    def _risks(self, toks: list[Token]) -> tuple[float, ...]:
        """The warning thresholds of ``at risk at 50%, 75% of target``: one as ever (above 0%, at most 100%);
        several each above 0% and below 100%, lowest first, none twice (E215, with the line to write)."""
        values = [self._percent(t) for t in toks]
        if len(values) == 1:
            return (values[0],)
        fixed = ", ".join(f"{v:g}%" for v in sorted({v for v in values if v < 100}))
        line = f"at risk at {fixed or '50%, 75%'} of target"
        for i, (tok, v) in enumerate(zip(toks, values, strict=True)):
            if v >= 100:
                raise self.fail(
                    "E215",
                    words("diag.E215.risk_range", value=shown(str(tok))),
                    tok,
                    help=words("diag.E215.risk.help", line=line),
                )
            if i and v <= values[i - 1]:
                raise self.fail(
                    "E215",
                    words("diag.E215.risk_order", value=shown(str(tok)), before=shown(str(toks[i - 1]))),
                    tok,
                    help=words("diag.E215.risk.help", line=line),
                )
        return tuple(values)

    def _clock_life(self, st: Tree[Token], seen: dict[str, Tree[Token]], life: dict[str, Any]) -> None:
        """A ``pauses at``, ``not due at``, ``stops at``, ``resets at``, ``restarts at`` or ``cancels at`` line
        of a clock (several pause and not-due lines allowed)."""
        events = [self.event(t) for t in st.children if isinstance(t, Token)]
        if st.data == "k_not_due":
            hold = m.NotDue(at=events[0], until=tuple(events[1:]), span=self.span(st))
            life["not_due"] = (*life.get("not_due", ()), hold)
            return
        if st.data == "k_pauses":
            pause = m.Pause(at=events[0], until=tuple(events[1:]), span=self.span(st))
            life["pauses"] = (*life.get("pauses", ()), pause)
            return
        self._once(seen, st)
        life[str(st.data)[2:]] = tuple(events)

    def d_priority(self, decl: Tree[Token]) -> m.Priority:
        pid = self._name(decl)
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        stmts = self.take_when(stmts, fields)  # `when plan = premium` (issue 13)
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        completion: dict[str, Any] = {}
        targets: list[m.ClockTarget] = []
        credits = CreditLines()  # `credit 5% per breach`: of the target line above it
        for st in stmts:
            key = str(st.data)
            if key in ("q_within", "q_by_end"):
                self._once(seen, Tree("respond", [], st.meta), words("diag.E212.what.response"))
                credits.target_line(("respond", None), st)
            elif key not in ("note", "q_credit", *_NAMED_TARGETS):
                self._once(seen, st)
            if key == "q_definition":
                lab = st.children[0]
                assert isinstance(lab, Tree)
                fields["definition"] = self.label(lab)
            elif key == "q_within":
                dur = st.children[0]
                assert isinstance(dur, Tree)
                fields["target"] = m.Within(duration=self.duration(dur), span=self.span(st))
                self._plain_out_of_hours(st, dur)
            elif key == "q_by_end":
                fields["target"] = self._by_day(st, st)
            elif key in _NAMED_TARGETS:
                targets.append(self._clock_target(st))
                credits.target_line((targets[-1].kind, targets[-1].clock), st)
            elif key == "q_credit":
                self.breach_credit_line(st, credits, str(pid))
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
                        self._completion_event(pid, tok)
                    elif silence is not None:  # (one is judged: the columns hold one deadline)
                        self.error(
                            "E220",
                            words("diag.E220.silence", priority=str(pid), line=str(silence.span.line)),
                            c,
                            help=words("diag.E220.silence.help"),
                        )
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
                        self._completion_event(pid, after)
                        self._completion_event(pid, unless)
                        if str(after) == str(unless):  # (the same event starts the wait again: never ends it)
                            self.error(
                                "E220",
                                words("diag.E220.silence_same", priority=str(pid), event=str(after)),
                                unless,
                                help=words("diag.E220.silence_same.help"),
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
            else:
                raise unknown_statement(st)
        if "target" not in fields:
            raise self.fail(
                "E211",
                words("diag.E211.priority", name=str(pid)),
                pid,
                help=words("diag.E211.priority.help"),
            )
        if targets:
            fields["targets"] = tuple(targets)
        if credits.credits:
            fields["breach_credits"] = tuple(credits.credits)
        return m.Priority(
            id=str(pid), label=label, ref=ref, completion=m.Completion(**completion), notes=tuple(notes),
            span=self.span(decl), **fields,
        )  # fmt: skip

    def _completion_event(self, pid: Token, tok: Token) -> None:
        """E220 for a completion rule naming an event that is not an incident's: an incident's records
        hold its own events only, so it would never complete on it."""
        if not str(tok).startswith("incident."):
            self.error(
                "E220",
                words("diag.E220.completion_event", priority=str(pid), event=str(tok)),
                tok,
                help=words("diag.E220.completion_event.help"),
            )

    def _by_day(self, st: Tree[Token], at: Tree[Token]) -> m.ByEndOf:
        """``by end of 2nd business day`` or ``by 16:00 of 2nd business day`` of a target line (its first
        ORDINAL and the NAME after it; ``at``: the span the target gets)."""
        toks = [t for t in st.children if isinstance(t, Token) and t.type in ("TIME", "ORDINAL", "NAME")]
        time = self.clock_time(toks[0]) if toks[0].type == "TIME" else None
        k = 1 if time is not None else 0
        nth = self.nth_business_day(toks[k])
        return m.ByEndOf(nth=nth, calendar=str(toks[k + 1]), at=time, span=self.span(at))

    def _clock_target(self, st: Tree[Token]) -> m.ClockTarget:
        """A named target line of a priority: ``resolve within 3 business days on resolution``, with its
        out-of-hours tail (``, plus 24 hours if received outside business hours``), or ``resolve by end of
        2nd business day on resolution``."""
        if str(st.data).endswith("_by_on"):
            day = self._by_day(st, st)
            clock = [t for t in st.children if isinstance(t, Token) and t.type == "NAME"][-1]
            return m.ClockTarget(
                kind=_NAMED_TARGETS[str(st.data)],
                duration=None,
                clock=str(clock),
                by_day=day,
                span=self.span(st),
            )
        dur = next(c for c in st.children if isinstance(c, Tree))
        toks = [t for t in st.children if isinstance(t, Token)]
        clock = next(t for t in toks if t.type == "NAME")
        by = tuple(self.event(t) for t in toks if t.type == "EVENT")
        tail = _out_of_hours_tree(st)
        return m.ClockTarget(
            kind=_NAMED_TARGETS[str(st.data)],
            duration=self.duration(dur),
            clock=str(clock),
            by=by,
            out_of_hours=self._out_of_hours(tail) if tail is not None else None,
            span=self.span(st),
        )

    def _out_of_hours(self, tail: Tree[Token]) -> m.OutOfHours:
        """``, plus 24 hours if received outside business hours``: the extra time and the calendar."""
        dur = next(c for c in tail.children if isinstance(c, Tree))
        cal = next(t for t in tail.children if isinstance(t, Token) and t.type == "NAME")
        return m.OutOfHours(
            extra=self.duration(dur), calendar=str(cal), calendar_span=self.span(cal), span=self.span(tail)
        )

    def _plain_out_of_hours(self, st: Tree[Token], dur: Tree[Token]) -> None:
        """E242 for the out-of-hours tail on the plain ``respond within``: the response clock's columns hold
        one target per priority, with no cycles; a named clock measures it."""
        tail = _out_of_hours_tree(st)
        if tail is None:
            return
        extra = next(c for c in tail.children if isinstance(c, Tree))
        cal = next(t for t in tail.children if isinstance(t, Token) and t.type == "NAME")
        example = (
            f"respond within {self.duration(dur)} on reply, plus {self.duration(extra)} if received outside {cal} hours"
        )
        self.error(
            "E242",
            words("diag.E242.out_of_hours"),
            tail,
            help=words("diag.E242.out_of_hours.help", example=example),
        )

    def d_notify(self, decl: Tree[Token]) -> m.Notify:
        name = self._name(decl)
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        stmts = self.take_when(stmts, fields)  # `when plan = premium` (issue 13)
        notes: list[m.Label] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data != "note":
                self._once(seen, st)
            if st.data == "n_within":
                dur, ev = st.children
                assert isinstance(dur, Tree) and isinstance(ev, Token)
                fields["within"] = self.duration(dur)
                fields["after"] = self.event(ev)
            elif st.data == "n_only":
                ev, cal = (t for t in st.children if isinstance(t, Token) and t.type in ("EVENT", "NAME"))
                self.event(ev)
                fields["only_during"] = str(cal)
                fields["only_during_span"] = self.span(cal)
                fields["_only_event"] = ev
            elif st.data == "n_met":
                ev = st.children[0]
                assert isinstance(ev, Token)
                fields["met_by"] = self.event(ev)
            elif st.data == "note":
                notes.append(self._note(st))
            else:
                raise unknown_statement(st)
        only_ev = fields.pop("_only_event", None)
        if "within" not in fields or "met_by" not in fields:
            what = "`within ... after ...`" if "within" not in fields else "`met by ...`"
            raise self.fail(
                "E211",
                words("diag.E211.notify", name=str(name), what=what),
                name,
                help=words("diag.E211.notify.help"),
            )
        if only_ev is not None and str(only_ev) != fields["after"]:
            self.error(
                "E215",
                words("diag.E215.condition", named=str(only_ev), after=fields["after"]),
                only_ev,
                help=words("diag.E215.condition.help", example=f"only if {fields['after']} during ..."),
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
                self._once(seen, st)
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
            else:
                raise unknown_statement(st)
        if "every" in fields and fields.get("continuous"):
            self.error("E215", words("diag.E215.backup", kind=str(kind)), kind, help=words("diag.E215.backup.help"))
        if "every" not in fields and not fields.get("continuous"):
            raise self.fail(
                "E211",
                words("diag.E211.backup", name=str(kind)),
                kind,
                help=words("diag.E211.backup.help"),
            )
        return m.Backup(kind=str(kind), label=label, ref=ref, notes=tuple(notes), span=self.span(decl), **fields)

    def d_exclude(self, decl: Tree[Token]) -> m.Exclusion:
        cause = self._name(decl)
        label, ref, _ = self._head(decl)
        return m.Exclusion(cause=str(cause), label=label, ref=ref, span=self.span(decl))

    def d_item(self, decl: Tree[Token]) -> m.Item:
        number = self.number(self._name(decl))
        label, ref, stmts = self._head(decl)
        fields: dict[str, Any] = {}
        rules: list[m.ItemRef] = []
        seen: dict[str, Tree[Token]] = {}
        for st in stmts:
            if st.data in ("i_description", "i_value"):
                self._once(seen, st)  # (a second one would replace the first unsaid)
                lab = st.children[0]
                assert isinstance(lab, Tree)
                fields[str(st.data)[2:]] = self.label(lab)
            elif st.data == "i_rules":
                for r in st.children:
                    if not isinstance(r, Tree):
                        continue
                    if r.data == "rule_planned_stop":
                        rules.append(m.ItemRef(kind="planned_stop", name=PLANNED_STOP, span=self.span(r)))
                    else:
                        kind_tree, nm = r.children
                        assert isinstance(kind_tree, Tree) and isinstance(nm, Token)
                        rules.append(m.ItemRef(kind=str(kind_tree.children[0]), name=str(nm), span=self.span(r)))
            else:
                raise unknown_statement(st)
        return m.Item(number=number, label=label, ref=ref, rules=tuple(rules), span=self.span(decl), **fields)

"""Checks of clocks and their named targets (issue 12): every target is measured on a clock that can judge it.

Design notes
------------
* A named target (``resolve within 3 business days on resolution``) is met when
  its clock stops at or before the instant its running time reaches that much; a clock without
  ``stops at`` could only stop when the incident completes, which is almost
  always a mistake: refused (E241) with the line to add.
* The plain ``respond within`` of a priority is measured on the response clock
  (``response``, else the first), which the columnar fast path judges without
  a life cycle: a pause, stop or reset on that clock is refused (E242) with the
  way to say it, never silently ignored: a first clock that measures it only
  because no clock is called ``response`` keeps its life cycle once a ``clock
  response`` is declared (the line to declare); the clock called ``response``
  gives its life cycle to another clock (``respond within ... on <clock>``).
* Clocks run on incident events only (E244), their starts too: an outage has its own rules. Each
  place an event of another record is named is one finding, at that event (as E245's and E221's
  are), as is each such event of an ``update ... by`` line.
* A pause resumes at the first event of its ``until`` list that comes (``until B, C``): a pause
  whose own event is in the list (the next such record would resume it: E245) or a list naming an
  event twice (E245) is refused at that event, with the line without it.
* A target's out-of-hours extra (``, plus 24 hours if received outside business hours``: Request
  Tracker's ``OutOfHours``) is added to the target's own duration, as running time on its clock: both
  must count the same kind of time (elapsed, or the open time of one calendar), else E222 with the line
  to write; elapsed months are E243 there too. On the plain ``respond within`` the tail is E242 (the
  transformer's: its columns hold one target with no cycles).
* A clock no target uses is valid but does nothing: a warning (W240), not given while a priority
  rule is dropped for its own error (it may have been the one to use it: one error, not a cascade).
* A line of a clock's life cycle that the evaluator (:mod:`sla_dsl.evaluation.clocks`) could never
  apply is refused (E221) at its event, where it is read (:func:`life_conflicts`): a second pause
  at one event (the first takes every pause at it; the help gives the one line that resumes at
  the events of both, ``until B, C``); an event both in ``stops at`` and ``resets at``
  (the reset is applied first: the clock never stops there); a pause at an event that also stops or
  resets the clock (the stop or reset is applied first); and ``incident.reported`` in ``stops at``,
  ``pauses at``, ``until`` or ``resets at`` (the report is each incident's first event, at or before
  any clock's start, and the records at or before the start are passed over); an event both in
  ``resets at`` and ``restarts at`` (the reset is applied first); an event both in ``stops at`` and
  ``restarts at`` (each one would stop a running clock and restart a stopped one); and ``restarts at`` on a clock
  without ``stops at`` (only the incident's completion stops it, after which nothing restarts); an
  event both in ``cancels at`` and ``stops at`` (the cancel is applied first: the clock never stops
  there) or ``resets at`` (the reset is applied first), and a pause at an event that cancels. A
  clock's other start events may stop, pause or reset it: their later records act (``starts at
  incident.customer_replied`` with ``resets at incident.customer_replied`` restarts at each later
  reply), so they are not refused.
* The response clock starts, for the plain ``respond within``, at the report when none of its start
  events came (every incident is reported): a response clock whose ``starts at`` does not say
  ``incident.reported`` would be judged from an event it does not name, so it is refused (E220)
  with the fallback to add, at its ``starts at`` line.
* An event every incident has (``incident.reported``: each incident opens
  with its report; ``outage.started`` opens an outage) is always there when
  the clock starts, so an ``else`` alternative after it can never apply
  (``starts at incident.reported, else incident.product_suspected`` starts
  at the report, whatever came): warning W241 at the alternative. Its help
  says both readings: removing the alternative keeps what the policy does,
  and writing it first is what such a line usually means (a change of
  meaning, said as one).
* A priority's ``complete on`` event ends every clock (the evaluator reads nothing after it), so a line of a
  clock one of its targets is measured on that could act only then is refused (E223) at its event, with the
  priority and its ``complete on`` line (:func:`_after_completion`): a clock that starts only at such events
  (its time never counts), a pause at one (its ``until`` never acts), a resume or a restart at one, a reset
  at one, and a restart on a clock that stops only at such events. The evaluator reads the records at the
  completion's instant, so a reset there does act, and wrongly: it begins a cycle that ends as it begins,
  and its targets are judged on that empty cycle (0 minutes used, due a whole target after the completion)
  instead of the time counted before it (a breach that ran out before stays one). A stop or a cancel at
  such an event acts as written as the incident completes, so neither is refused: the stop has the targets
  judged at that instant, as the completion would; the cancel withdraws them unjudged (``complete on
  incident.resolved, or on incident.withdrawn`` with ``cancels at incident.withdrawn``: a withdrawn
  request). Later events (a reopen) cannot be ordered here.
* A finding about one line of a declaration points at that line: the model
  keeps the span of the declaration only, so the compiler hands in where the
  lines stand (:data:`Spots`, read from the parse tree); a model without them
  (built by hand) is located at the declaration.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping, Sequence

from . import model as m
from .check_not_due import not_due_conflicts, until_events
from .diagnostics import Code, Diagnostic, Severity, Words, diagnostic, did_you_mean_words, listing, words

#: The keyword a line of a clock's life cycle is written with, by its kind.
_KEYWORDS = {
    "stops": "stops at",
    "resets": "resets at",
    "restarts": "restarts at",
    "cancels": "cancels at",
    "pauses": "pauses at",
    "until": "until",
    "not_due": "not due at",
    "not_due_until": "until",
}


#: The events that open a record of their family, so that every incident (outage) has one.
OPENING_EVENTS = ("incident.reported", "outage.started")

#: Where lines of declarations stand: ``(kind, line, column, what)`` of the declaration (its node's span)
#: to the span of its line or token (:func:`sla_dsl.lang.compile.statement_spots`).
Spots = Mapping[tuple[str, int, int, str], m.Span]


def spot(spots: Spots, kind: str, decl: m.Span, what: str) -> m.Span:
    """The span of ``what`` in the declaration of ``kind`` at ``decl``, else the declaration's."""
    found = spots.get((kind, decl.line, decl.column, what), m.NO_SPAN)
    return decl if found == m.NO_SPAN else found


def _err(code: str, message: str | Words, span: m.Span, help: str | Words | None = None) -> Diagnostic:
    return diagnostic(code, message, span, help=help)


#: The name a declaration dropped for a syntax error before its name was read is known by (in ``broken``):
#: any clock name may have been meant, so none is said missing.
UNNAMED = ""


def response_clock(model: m.PolicyModel) -> m.ClockRule | None:
    """The clock the plain ``respond within`` counts on: ``response``, else the first."""
    return next((c for c in model.clocks if c.name == "response"), model.clocks[0] if model.clocks else None)


def check_clocks(
    model: m.PolicyModel, broken: Collection[str] = (), users_dropped: bool = False, spots: Spots | None = None
) -> list[Diagnostic]:
    """Errors and warnings about clocks and the named targets of priorities; a target on a clock in
    ``broken`` (already reported broken) is not reported again, and no clock is said unused (W240)
    when ``users_dropped`` (a priority rule was dropped for its own error: it may have used it).
    ``spots``: where the lines of clocks stand (else a finding points at the clock)."""
    spots = spots or {}
    out: list[Diagnostic] = []
    clocks = {c.name: c for c in model.clocks}
    used: set[str] = set()
    for p in model.priorities:
        seen: dict[tuple[str, str], m.Span] = {}
        for t in p.targets:
            key = (t.kind, t.clock)
            if key in seen:
                out.append(
                    _err(
                        "E246",
                        words("diag.E246", priority=p.id, kind=t.kind.replace("_", " "), clock=t.clock),
                        t.span,
                        help=words("diag.help.keep_one", line=str(seen[key].line)),
                    )
                )
            seen.setdefault(key, t.span)
            clock = clocks.get(t.clock)
            if clock is None and (t.clock in broken or UNNAMED in broken):
                continue
            if clock is None:
                known = listing((f"`{c}`" for c in clocks), ", ") if clocks else words("diag.phrase.none")
                example = f"clock {t.clock} {{ starts at ...  stops at ... }}"
                out.append(
                    _err(
                        "E240",
                        words("diag.E240", name=t.clock),
                        t.span,
                        help=did_you_mean_words(t.clock, clocks)
                        or words("diag.E240.help", example=example, known=known),
                    )
                )
                continue
            used.add(clock.name)
            if t.kind != "update" and not clock.stops:
                out.append(
                    _err(
                        "E241",
                        words("diag.E241", clock=clock.name, kind=t.kind.replace("_", " ")),
                        t.span,
                        help=words("diag.E241.help", clock=clock.name),
                    )
                )
            for d in (
                *((t.duration,) if t.duration else ()),
                *((t.out_of_hours.extra,) if t.out_of_hours is not None else ()),
            ):
                if d.calendar is None and d.unit is m.TimeUnit.MONTH:
                    out.append(
                        _err(
                            "E243",
                            words("diag.E243", duration=str(d)),
                            d.span,
                            help=words("diag.E243.help", days=Code("days"), weeks=Code("weeks")),
                        )
                    )
            if t.out_of_hours is not None:
                out += _out_of_hours_kind(t, t.out_of_hours)
            for i, ev in enumerate(t.by):
                at = spot(spots, "update", t.span, f"by:{i}")
                out += _incident_event(ev, at, words("diag.E244.update"))
    # (a clock dropped for its own error may have been the one `respond within` counts on: none is judged so)
    plain = response_clock(model) if not broken or any(c.name == "response" for c in model.clocks) else None
    for clock in model.clocks:
        out += _clock_events(clock, spots)
        paused: dict[str, m.Pause] = {}
        for pz in clock.pauses:
            first = paused.get(pz.at)
            if first is not None:  # (the first would take every pause at it: the second's events never resume)
                # (meant, most likely: resume at whichever of their events comes first, one line)
                until = ", ".join(dict.fromkeys(u for u in (*first.until, *pz.until) if u != pz.at))
                line = str(first.span.line)
                help = (
                    words("diag.E221.pause_twice.help", line=line, fix=f"pauses at {pz.at} until {until}")
                    if until
                    else words("diag.help.keep_one", line=line)
                )
                out.append(_err("E221", words("diag.E221", clock=clock.name, event=pz.at), pz.span, help=help))
            paused.setdefault(pz.at, pz)
        out += _dead_alternatives(clock, spots)
        if clock is plain and model.priorities and "incident.reported" not in clock.starts:
            # the plain `respond within` counts from the report when no start event came: said, not implied
            out.append(
                _err(
                    "E220",
                    words("diag.E220.response_start", clock=clock.name),
                    spot(spots, "clock", clock.span, "starts"),
                    help=words("diag.E220.response_start.help", starts=f"starts at {', else '.join(clock.starts)}"),
                )
            )
        if clock is plain and clock.has_life_cycle and model.priorities:
            out.append(
                _err(
                    "E242",
                    words("diag.E242", clock=clock.name),
                    clock.span,
                    help=_response_clock_help(clock),
                )
            )
        elif clock is not plain and clock.name not in used and not users_dropped and UNNAMED not in broken:
            out.append(
                diagnostic(
                    "W240",
                    words("diag.W240", clock=clock.name),
                    clock.span,
                    help=words("diag.W240.help", example=f"resolve within 3 business days on {clock.name}"),
                    severity=Severity.WARNING,
                )
            )
    out += _after_completion(model, clocks, plain, spots)
    return out


def _after_completion(
    model: m.PolicyModel, clocks: Mapping[str, m.ClockRule], plain: m.ClockRule | None, spots: Spots
) -> list[Diagnostic]:
    """E223 for the lines of a clock a priority measures a target on that could act only as or after the
    priority's ``complete on`` event ends the incident (the evaluator ends every clock there): each place
    once, for the first priority that measures on it. The plain ``respond within`` is measured on the
    response clock without its life cycle (E242), so only that clock's start is read for it."""
    found: dict[tuple[int, int], Diagnostic] = {}
    for p in model.priorities:
        done = frozenset(ev for ev in p.completion.on if ev.startswith("incident."))
        if not done:
            continue
        named = dict.fromkeys(t.clock for t in p.targets)
        measured = [(c, True) for n in named if (c := clocks.get(n)) is not None]
        if plain is not None and plain.name not in named:
            measured.append((plain, False))
        for clock, whole in measured:
            for d in _ended_lines(clock, p, done, spots, whole):
                found.setdefault((d.span.line, d.span.column), d)
    return list(found.values())


def _ended_lines(
    clock: m.ClockRule, p: m.Priority, done: frozenset[str], spots: Spots, whole: bool
) -> list[Diagnostic]:
    """E223 on ``clock`` for priority ``p``, which completes at every event of ``done`` unconditionally:
    a clock that can start only at one of them (its time never counts; nothing more said of it), and,
    when its life cycle is measured (``whole``), a pause at one of them (its ``until`` never acts), a
    resume or restart at one (the clock stops as it runs again), a reset at one (its cycle ends as it
    begins, and the targets would be judged on it, not on the time counted before) and a restart on a
    clock that stops only at them (it is stopped only once the incident is complete). Lines E221 or E245
    already refuse (a pause at an event that also stops, resets or cancels it; a restart at an event that
    also stops or resets it, at ``incident.reported``, or on a clock without ``stops at``; a reset at an
    event that also stops, cancels, restarts or pauses it; a pause's own event in its ``until``) are left
    to them.
    Each finding is written out where it is raised, so that the error-code page lists each one."""
    why = {"priority": p.id, "line": str(p.completion.span.line)}
    stop = next((ev for ev in clock.stops if ev not in done), None)  # (the help's `complete on` line)
    if all(ev in done for ev in clock.starts):
        events = listing((f"`{ev}`" for ev in dict.fromkeys(clock.starts)), ", ")
        return [
            _err(
                "E223",
                words("diag.E223.start", clock=clock.name, events=events, **why),
                spot(spots, "clock", clock.span, "start:0"),
                help=words("diag.E223.help.stop", stop=stop) if stop is not None else words("diag.E223.help"),
            )
        ]
    if not whole:
        return []
    places = _event_places(clock, spots)
    out: list[Diagnostic] = []
    paused: set[str] = set()
    for pz in clock.pauses:
        if pz.at in paused:  # (a second pause at one event is E221's)
            continue
        paused.add(pz.at)
        inside = [(ev, s) for ev, at in places.items() for s in at if _within(s, pz.span)]
        if pz.at in done:  # (its `until` never acts; a pause at an event that also ends the clock is E221's)
            if not {pz.at} & {*clock.stops, *clock.resets, *clock.cancels}:
                out.append(
                    _err(
                        "E223",
                        words("diag.E223.pause", clock=clock.name, event=pz.at, **why),
                        min((s for ev, s in inside if ev == pz.at), key=_place, default=pz.span),
                        help=words("diag.E223.help.stop", stop=stop) if stop is not None else words("diag.E223.help"),
                    )
                )
            continue
        for ev in dict.fromkeys(pz.until):
            if ev in done and ev != pz.at:
                out.append(
                    _err(
                        "E223",
                        words("diag.E223.until", clock=clock.name, event=ev, **why),
                        min((s for e, s in inside if e == ev), key=_place, default=pz.span),
                        help=words("diag.E223.until.help", event=ev),
                    )
                )
    # (a reset's or restart's place: the one not on the `starts at` line nor on a pause line)
    starts = {spot(spots, "clock", clock.span, f"start:{i}") for i in range(len(clock.starts))}

    def line_place(ev: str) -> m.Span:
        rest = [s for s in places.get(ev, ()) if s not in starts and not any(_within(s, q.span) for q in clock.pauses)]
        return rest[0] if rest else clock.span

    for ev in dict.fromkeys(clock.resets):
        # (a reset at an event that also stops, cancels, restarts or pauses the clock is E221's)
        if ev in done and not {ev} & {*clock.stops, *clock.cancels, *clock.restarts, *paused}:
            out.append(
                _err(
                    "E223",
                    words("diag.E223.reset", clock=clock.name, event=ev, **why),
                    line_place(ev),
                    help=words("diag.E223.reset.help", event=ev),
                )
            )
    if not clock.stops:  # (a restart on a clock without `stops at` is E221's)
        return out
    ends = dict.fromkeys((*clock.stops, *clock.cancels))
    for ev in dict.fromkeys(clock.restarts):
        if ev in (OPENING_EVENTS[0], *clock.stops, *clock.resets, *clock.cancels):  # (E221's, or two readings)
            continue
        at = line_place(ev)
        if all(e in done for e in ends):  # (stopped only as the incident completes)
            out.append(
                _err(
                    "E223",
                    words(
                        "diag.E223.restart_stopped",
                        clock=clock.name,
                        event=ev,
                        stops=listing((f"`{e}`" for e in ends), ", "),
                        **why,
                    ),
                    at,
                    help=words("diag.E223.restart_stopped.help"),
                )
            )
        elif ev in done:  # (the help names no stop: completing where the old cycle ends restarts nothing)
            out.append(
                _err(
                    "E223",
                    words("diag.E223.restart", clock=clock.name, event=ev, **why),
                    at,
                    help=words("diag.E223.help"),
                )
            )
    return out


def _event_places(clock: m.ClockRule, spots: Spots) -> dict[str, list[m.Span]]:
    """Where each event of the clock is named, in file order (none for a model built by hand)."""
    out: dict[str, list[m.Span]] = {}
    pauses = (e for pz in clock.pauses for e in (pz.at, *pz.until))
    for ev in dict.fromkeys((*clock.starts, *pauses, *clock.stops, *clock.resets, *clock.restarts, *clock.cancels)):
        for k in itertools.count():
            at = spots.get(("clock", clock.span.line, clock.span.column, f"event:{ev}:{k}"))
            if at is None:
                break
            out.setdefault(ev, []).append(at)
    return out


def _place(span: m.Span) -> tuple[int, int]:
    return (span.line, span.column)


def _within(span: m.Span, outer: m.Span) -> bool:
    """Whether ``span`` begins inside ``outer``."""
    return (outer.line, outer.column) <= _place(span) < (outer.end_line, outer.end_column)


def _response_clock_help(clock: m.ClockRule) -> Words:
    """The help of E242: a first clock that measures the plain ``respond within`` only for want of a clock
    called ``response`` keeps its life cycle when one is declared (with its starts, the report last);
    the clock called ``response`` itself gives it to another clock."""
    if clock.name == "response":
        return words("diag.E242.help")
    starts = [*clock.starts, *(() if "incident.reported" in clock.starts else ("incident.reported",))]
    declare = f"clock response {{ starts at {', else '.join(starts)} }}"
    return words("diag.E242.help.declare", clock=clock.name, declare=declare)


def _dead_alternatives(clock: m.ClockRule, spots: Spots) -> list[Diagnostic]:
    """W241: the ``else`` alternatives after an event every record has (:data:`OPENING_EVENTS`), which the
    clock's start never reaches; at the first of them."""
    first = next((i for i, ev in enumerate(clock.starts) if ev in OPENING_EVENTS), None)
    if first is None or first == len(clock.starts) - 1:
        return []
    opening, dead = clock.starts[first], clock.starts[first + 1 :]
    kept = f"starts at {', else '.join(clock.starts[: first + 1])}"
    # (one named twice is taken at its first place: written first again, it would change nothing)
    movable = tuple(dict.fromkeys(ev for ev in dead if ev not in clock.starts[: first + 1]))
    meant = f"starts at {', else '.join((*clock.starts[:first], *movable, opening))}"
    family = opening.split(".")[0]
    return [
        diagnostic(
            "W241",
            words(
                "diag.W241",
                clock=clock.name,
                dead=listing(f"`{ev}`" for ev in dict.fromkeys(dead)),
                opening=opening,
                every=words(f"diag.W241.every.{family}"),
            ),
            spot(spots, "clock", clock.span, f"start:{first + 1}"),
            help=words("diag.W241.help", kept=kept, meant=meant)
            if movable
            else words("diag.W241.help.remove", kept=kept),
            severity=Severity.WARNING,
        )
    ]


def life_conflicts(clock: str, lines: Sequence[tuple[str, str, m.Span]]) -> list[Diagnostic]:
    """E221 for the events of a clock's life cycle that could never act, and E245 for a pause's events that
    contradict each other: ``lines`` are (kind, event, span) in file order, kind ``stops``, ``resets``,
    ``restarts``, ``cancels``, ``pauses`` (a pause's event) or ``until`` (each event that resumes the pause
    above it). Events of other records are E244's."""
    stops = {ev for kind, ev, _ in lines if kind == "stops"}
    resets = {ev for kind, ev, _ in lines if kind == "resets"}
    cancels = {ev for kind, ev, _ in lines if kind == "cancels"}
    out: list[Diagnostic] = []
    pauses = [k for k, (kind, _, _) in enumerate(lines) if kind == "pauses"]
    for k in pauses:  # each pause line: its event, then the events that resume it
        until = list(itertools.takewhile(lambda line: line[0] == "until", lines[k + 1 :]))
        out += until_events(clock, lines[k][1], until, "pauses at", "diag.E245")
    out += not_due_conflicts(clock, lines)
    for kind, ev, span in lines:
        if not ev.startswith("incident."):
            continue
        if ev == "incident.reported":
            out.append(
                _err(
                    "E221",
                    words("diag.E221.report", clock=clock, keyword=_KEYWORDS[kind]),
                    span,
                    help=words("diag.E221.report.help"),
                )
            )
        else:
            key = (
                "stop_reset"
                if kind == "stops" and ev in resets
                else "pause_stop"
                if kind == "pauses" and ev in stops
                else "pause_reset"
                if kind == "pauses" and ev in resets
                else "restart_reset"
                if kind == "restarts" and ev in resets
                else "stop_restart"
                if kind == "restarts" and ev in stops
                else "restart_never"
                if kind == "restarts" and not stops
                else "cancel_stop"
                if kind == "stops" and ev in cancels
                else "cancel_reset"
                if kind == "cancels" and ev in resets
                else "pause_cancel"
                if kind == "pauses" and ev in cancels
                else None
            )
            if key is not None:
                text = words(f"diag.E221.{key}", clock=clock, event=ev)
                out.append(_err("E221", text, span, help=words(f"diag.E221.{key}.help", event=ev)))
    return out


def _out_of_hours_kind(t: m.ClockTarget, ooh: m.OutOfHours) -> list[Diagnostic]:
    """E222 for an out-of-hours extra counted in another kind of time than the target: a target is running
    time on its clock, counted in one kind (elapsed, or open time of one calendar), so the two add up only
    when both are."""
    d, extra = t.duration, ooh.extra
    if d is None or d.calendar == extra.calendar:
        return []
    same = m.Duration(amount=extra.amount, unit=extra.unit, calendar=d.calendar)
    line = f"{t.kind.replace('_', ' ')} within {d} on {t.clock}, plus {same} if received outside {ooh.calendar} hours"
    return [
        _err(
            "E222",
            words("diag.E222", duration=str(d), extra=str(extra), kind=_kind_words(d), extra_kind=_kind_words(extra)),
            extra.span,
            help=words("diag.E222.help", line=line),
        )
    ]


def _kind_words(d: m.Duration) -> Words:
    """Elapsed time, or the open time of a calendar, in words."""
    return words("diag.E222.elapsed") if d.calendar is None else words("diag.E222.business", calendar=d.calendar)


def _clock_events(clock: m.ClockRule, spots: Spots) -> list[Diagnostic]:
    """E244 for each place the clock names an event of another record than an incident's, at that event
    (one finding per place: ``until ..., outage.ended`` and ``stops at outage.ended`` are two); a model
    without spots, at the clock, once per event."""
    pauses = (
        *(e for pz in clock.pauses for e in (pz.at, *pz.until)),
        *(e for h in clock.not_due for e in (h.at, *h.until)),
    )
    named: dict[str, int] = {}
    places: dict[tuple[str, m.Span], str] = {}
    for ev in (*clock.starts, *pauses, *clock.stops, *clock.resets, *clock.restarts, *clock.cancels):
        k = named.get(ev, 0)
        named[ev] = k + 1
        places.setdefault((ev, spot(spots, "clock", clock.span, f"event:{ev}:{k}")), ev)
    what = words("diag.E244.clock", clock=clock.name)
    return [d for (ev, at) in places for d in _incident_event(ev, at, what)]


def _incident_event(name: str, span: m.Span, what: Words) -> list[Diagnostic]:
    if name.startswith("incident."):
        return []
    return [_err("E244", words("diag.E244", what=what, name=name), span, help=words("diag.E244.help"))]

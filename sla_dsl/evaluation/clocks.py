"""The life cycle of a named clock on one incident: when it ran, paused, stopped and restarted.

Design notes
------------
* A clock starts at the first event its ``starts at`` line names, in order of
  preference (as the response clock does). From then on, in time order:
  a ``stops at`` event stops it for good (unless a reset follows); a
  ``pauses at A until B`` line pauses a running clock at A until the next B,
  and ``pauses at A until B, C`` until the next of B and C, whichever comes
  first (while paused, other pause events change nothing, and only one of the
  Bs of the reason that paused it resumes it: a B of another reason does
  not); a ``resets at`` event restarts it from
  zero at that instant, even after a stop (a reopened incident); a ``restarts at``
  event starts a stopped clock again from zero and does nothing to a running or
  paused one: Zendesk's next reply time, measured from the oldest unanswered
  message (``starts at`` and ``restarts at`` the customer's reply, ``stops at`` the
  agent's answer); a ``cancels at`` event stops a running or paused clock and withdraws
  its targets, neither met nor breached (ServiceNow's cancel condition: the request
  was withdrawn, a duplicate), unless one ran out before it. A cancelled clock is a
  stopped one for what follows: a reset or restart starts a new cycle, judged anew.
* The incident's completion (its completion event, or the silence rule) stops
  every clock still running or paused: a completed incident measures nothing.
  An event the clock names that comes after it is never read, so it is kept
  (``Life.after_completion``, said as a ``data`` note): the first one that
  would have acted (a reset or restart, which start a stopped clock; while the
  clock still ran or was paused as the incident completed, any event it names:
  its own stop never came), or its start when that comes after the completion
  (the clock acts on nothing). ``sla check`` refuses what it can know (E223);
  an order of events it cannot.
* Only the life after the last reset counts for a target's running time. The
  result is a list of running segments; the last one of a clock still running
  at ``as_of`` ends there. ``Life.since`` is when the clock last began to run
  (its start, reset, restart or resume): a running clock's due time counts on
  from there, also when ``as_of`` is that very instant and its stretch has no
  segment yet (judged as of the instant it resumes, the due time is the one of
  a second later, not one counted on from the stretch before the pause). A
  clock that stops while paused (``Life.paused_at_stop``) had no due time
  then: it moved while paused (unless its time ran out before or as it
  paused: then due when it ran out, and its stop is late). The
  lives before each reset are kept apart (``Life.earlier``): an update
  target's misses in them stay misses, and a
  ``respond``/``resolve``/``first reply`` target that ran out in one stays
  breached (a reset restarts the clock; it does not undo a breach).
* ``not due at A until B`` changes none of the above: the clock counts on. Its holds (from each A to
  the next B, :mod:`.holds`) are read from the incident's records up to ``as_of`` (or the completion),
  kept on ``Life.holds`` and told in the story (``hold``, ``unhold``) for ``sla explain`` and for
  ``sla serve``'s watch, which reads them back from the story (:func:`.risk_times.run_of`).
* Jira Service Management and ServiceNow read these words the same way (start,
  pause/resume, stop, reset): nothing here is a reading of the SLA text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..events.schema import TYPES, Rec
from ..lang import model as m
from .common import code_of, short
from .holds import Hold, holds_of


@dataclass(frozen=True, slots=True)
class ClockCodes:
    """A clock rule as event codes."""

    rule: m.ClockRule
    starts: tuple[tuple[int, str], ...]
    #: (pause code, resume codes, pause name, resume names) per pause reason, the resume events as the
    #: line lists them: any of them resumes it
    pauses: tuple[tuple[int, tuple[int, ...], str, tuple[str, ...]], ...]
    stops: frozenset[int]
    resets: frozenset[int]
    restarts: frozenset[int] = frozenset()
    cancels: frozenset[int] = frozenset()
    #: (event code, codes that end it) per ``not due at A until B`` line (:mod:`.holds`)
    not_due: tuple[tuple[int, tuple[int, ...]], ...] = ()


def clock_codes(rule: m.ClockRule) -> ClockCodes:
    """The event codes a clock rule names (rules name only known incident events)."""

    def code(name: str) -> int:
        c = code_of(name, "incident")
        assert c is not None, name
        return c

    return ClockCodes(
        rule,
        tuple((code(n), short(n)) for n in rule.starts),
        tuple(
            (code(p.at), tuple(code(u) for u in p.until), short(p.at), tuple(short(u) for u in p.until))
            for p in rule.pauses
        ),
        frozenset(code(n) for n in rule.stops),
        frozenset(code(n) for n in rule.resets),
        frozenset(code(n) for n in rule.restarts),
        frozenset(code(n) for n in rule.cancels),
        tuple((code(h.at), tuple(code(u) for u in h.until)) for h in rule.not_due),
    )


State = Literal["not_started", "running", "paused", "stopped"]
#: What a clock did at an event: started, paused, resumed, stopped, was reset, started again after a
#: stop, was cancelled (its targets withdrawn), stopped with the incident's completion, let a pause
#: event pass while paused (it changes nothing), or its deadlines were held back (``not due at``) and applied
#: again
Act = Literal[
    "start", "pause", "resume", "stop", "reset", "restart", "cancel", "completed", "ignored", "hold", "unhold"
]


class Told(NamedTuple):
    """One thing a clock did, for the explanation: when, what, the event type that did it (full name;
    empty for ``completed``) and, for ``pause`` and ``ignored``, the event types it waits for (full
    names, as the pause line lists them: the first of them to come resumes it)."""

    at: float
    act: Act
    event: str = ""
    until: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The engine's English (the JSON report's explanation step, after ``clock `NAME```): the events a
        pause waits for joined with ``or`` (``until customer_replied or reopened``)."""
        event, until = short(self.event), " or ".join(short(u) for u in self.until)
        return {
            "start": f"starts at {event}",
            "pause": f"paused at {event} until {until}",
            "resume": f"resumes at {event}",
            "stop": f"stops at {event}",
            "reset": f"reset at {event}: starts again from zero",
            "restart": f"restarts at {event} after its stop: counts again from zero",
            "cancel": f"cancelled at {event}: its targets are withdrawn",
            "completed": "stops: the incident is completed",
            "ignored": f"{event} while paused: changes nothing, still waiting for {until}",
            "hold": f"not due at {event} until {until} (counts on, no deadline applied)",
            "unhold": f"due again at {event}",
        }[self.act]


class Cycle(NamedTuple):
    """A clock's life before one of its resets (or restarts): from its start to the reset (or to its stop
    before it)."""

    start: float
    end: float
    segments: tuple[tuple[float, float], ...]
    #: what ended it: a ``reset``, or a ``restart`` after its stop
    by: Literal["reset", "restart"] = "reset"
    #: it was cancelled (``cancels at``) before the reset or restart
    cancelled: bool = False
    #: it had stopped (or was cancelled) before the reset or restart: ``end`` is that stop, not the reset
    stopped: bool = False
    #: when it last began to run (its start, or its last resume), as ``Life.since``; None: not kept
    since: float | None = None
    #: it was paused at its end (its stop, cancel or the reset came while it was paused): no due time was
    #: in force then, as ``Life.paused_at_stop``
    paused: bool = False


@dataclass(slots=True)
class Life:
    """What one clock did on one incident up to ``as_of`` (the part after its last reset)."""

    state: State = "not_started"
    start: float | None = None
    start_event: str = ""
    #: running segments [a, b); a running clock's last one ends at ``as_of``
    segments: list[tuple[float, float]] = field(default_factory=list)
    #: what happened, for the explanation
    story: list[Told] = field(default_factory=list)
    stopped_at: float | None = None
    #: the stop was a cancel (``cancels at``): the targets of this cycle are withdrawn, not judged
    cancelled: bool = False
    #: why it is paused at ``as_of``: the events that resume it (short names; the first to come does),
    #: empty when it is not paused
    waiting_for: tuple[str, ...] = ()
    #: the lives before each reset, oldest first
    earlier: list[Cycle] = field(default_factory=list)
    #: when the clock last began to run: its start, last reset or restart, or last resume (a running
    #: clock's current stretch starts here, with no segment yet when ``as_of`` is that instant)
    since: float | None = None
    #: the clock was paused when it stopped (its stop, cancel or the incident's completion came while it
    #: was paused): no due time was in force then, it moved while paused
    paused_at_stop: bool = False
    #: the first record (up to ``as_of``) after the incident's completion that the clock would have acted
    #: on, never read (or its start, when that comes after the completion); None when there is none
    after_completion: Rec | None = None
    #: the stretches its deadlines are held back (``not due at A until B``: :mod:`.holds`), sorted by start,
    #: the end of one still open +inf
    holds: list[Hold] = field(default_factory=list)


def _names(codes: tuple[int, ...]) -> tuple[str, ...]:
    """Event codes as their full names."""
    return tuple(TYPES[c] for c in codes)


def _unread(codes: ClockCodes, recs: list[Rec], k: int, as_of: float, stopped: bool) -> Rec | None:
    """The first record from ``recs[k]`` on (up to ``as_of``) that the clock would have acted on, had the
    incident not been complete: a reset or restart (a stopped clock runs again); while it still ran or was
    paused (``stopped`` false: the completion stopped it, not its own line), also a stop, cancel, pause or
    resume."""
    acts = codes.resets | codes.restarts
    if not stopped:
        acts = acts | codes.stops | codes.cancels | {c for p in codes.pauses for c in (p[0], *p[1])}
    return next((r for r in recs[k:] if r[0] <= as_of and r[1] in acts), None)


def live(codes: ClockCodes, recs: list[Rec], completed: float | None, as_of: float) -> Life:
    """The life of a clock over an incident's records (in time order, none after ``as_of``)."""
    life = Life()
    start: Rec | None = None
    name = ""
    for code, nm in codes.starts:
        start = next((r for r in recs if r[1] == code), None)
        if start is not None:
            name = nm
            break
    if start is None:
        return life
    t0 = start[0]
    if completed is not None and t0 > completed:  # (it starts once the incident is complete: acts on nothing)
        life.after_completion = start
    life.state, life.start, life.start_event = "running", t0, name
    life.story.append(Told(t0, "start", TYPES[start[1]]))
    seg = t0
    reason = -1
    for k, r in enumerate(recs):
        t, code = r[0], r[1]
        if t < t0 or r is start:
            continue
        if completed is not None and t > completed:
            if life.after_completion is None:
                life.after_completion = _unread(codes, recs, k, as_of, life.stopped_at is not None)
            break
        # a new cycle from zero: a reset at any time, a restart once stopped; the last one kept as it ended
        by: Literal["reset", "restart"] | None = (
            "reset"
            if code in codes.resets
            else "restart"
            if life.stopped_at is not None and code in codes.restarts  # (stopped)
            else None
        )
        if by is not None:
            if life.state == "running" and t > seg:
                life.segments.append((seg, t))
            ended = life.stopped_at if life.stopped_at is not None else t  # stopped before, or not
            began = life.start if life.start is not None else t0
            stopped = life.stopped_at is not None
            paused = life.paused_at_stop if stopped else life.state == "paused"
            cycle = Cycle(began, ended, tuple(life.segments), by, life.cancelled, stopped, seg, paused)
            life.earlier.append(cycle)
            life.segments, life.state, life.stopped_at, seg = [], "running", None, t
            life.waiting_for, life.cancelled, life.paused_at_stop = (), False, False
            life.start = t
            life.story.append(Told(t, by, TYPES[code]))
        elif life.state == "stopped":
            continue
        elif code in codes.stops or code in codes.cancels:
            if life.state == "running" and t > seg:
                life.segments.append((seg, t))
            life.paused_at_stop = life.state == "paused"
            life.state, life.stopped_at, life.waiting_for = "stopped", t, ()
            life.cancelled = code in codes.cancels  # (the cancel first: an event in both is E221)
            life.story.append(Told(t, "cancel" if life.cancelled else "stop", TYPES[code]))
        elif life.state == "running":
            reason = next((k for k, p in enumerate(codes.pauses) if p[0] == code), -1)
            if reason >= 0:
                if t > seg:
                    life.segments.append((seg, t))
                life.state = "paused"
                life.waiting_for = codes.pauses[reason][3]
                life.story.append(Told(t, "pause", TYPES[code], _names(codes.pauses[reason][1])))
        elif life.state == "paused" and code in codes.pauses[reason][1]:
            # (the first of its resume events to come: another reason's resume event is not one)
            life.state, seg, life.waiting_for = "running", t, ()
            life.story.append(Told(t, "resume", TYPES[code]))
        elif life.state == "paused" and any(p[0] == code for p in codes.pauses):
            # (the language: while paused, other pause events change nothing; said, so none looks lost)
            life.story.append(Told(t, "ignored", TYPES[code], _names(codes.pauses[reason][1])))
    if completed is not None and completed <= as_of and life.state != "stopped":
        if life.state == "running" and completed > seg:
            life.segments.append((seg, completed))
        life.paused_at_stop = life.state == "paused"
        life.state, life.stopped_at, life.waiting_for = "stopped", completed, ()
        life.story.append(Told(completed, "completed"))
    elif life.state == "running" and as_of > seg:
        life.segments.append((seg, as_of))
    life.since = seg
    if codes.not_due:
        _hold(life, codes, recs, min(as_of, completed) if completed is not None else as_of)
    return life


def _hold(life: Life, codes: ClockCodes, recs: list[Rec], upto: float) -> None:
    """The holds of a clock's not-due lines (up to ``upto``: ``as_of``, or the incident's completion), kept on
    ``life`` and told in its story in time order (after the clock's own acts of the same instant)."""
    held = holds_of(codes.not_due, recs, upto)
    life.holds = [(h.start, h.end) for h in held]
    told = [Told(h.start, "hold", TYPES[h.at], tuple(TYPES[u] for u in codes.not_due[h.line][1])) for h in held]
    told += [Told(h.end, "unhold", TYPES[h.by]) for h in held if h.by >= 0]
    told.sort(key=lambda x: (x.at, x.act == "hold"))  # (a hold that ends as another begins: its end first)
    life.story = sorted([*life.story, *told], key=lambda x: x.at)

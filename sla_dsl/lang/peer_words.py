"""What an author moving a setup from another tool (Zendesk, Jira Service Management, ServiceNow, RT)
writes the way that tool says it, and the line of this language it means: the help of the syntax error
the parser gives there (:func:`peer_hint`, called by :mod:`.parser`), located at the whole word.

Design notes
------------
* **One step.** Each help gives the line to write (and the clock to declare, when the line names one
  the tool had built in), so that the author goes from the error to a line that parses at once.
* **Only at the word.** A hint is given only when the parser stopped on the word it is about (a
  statement's first word, or ``next`` in ``respond by 16:00 next business day``), inside the block
  where that tool's word has a meaning here; any other error keeps the parser's own help.
* The forms: Zendesk's metric names (``first_reply_time 1 business hour``, ``next_reply_time``) and its
  *next reply* (``next reply within 4 hours``: a clock with ``restarts at``); ServiceNow's ``schedule``
  (a calendar: here it is written in each duration, ``8 business hours``, and a top-level
  ``schedule NAME { ... }`` is a ``calendar``) and its ``next business day`` (``1st business day``);
  Jira's per-team ``calendar tokyo`` in a priority (``respond within 8 tokyo hours``, and ``when`` for
  a team's rules) and its ``goal`` on a named clock (``resolve within 4 hours on ttr``).
* Request Tracker's ``IgnoreOnStatuses`` in a priority (``ignore on incident.stalled``): time not counted
  is a pause of the clock the target is measured on (``pauses at incident.stalled until ...``).
* In a clock (or a priority): ServiceNow's ``retroactive start`` / ``retroactive pause`` (what a change of
  priority already does: no line; or a clock that starts and resets at the change), its percentage
  timers ``breach at 100%`` (no line) and ``warn at 50%, 75%`` (``at risk at 50%, 75% of target``), and
  a JSM or ServiceNow pause condition on a status (``pause when status = "Waiting for customer"``:
  a pause at the event that sets the status, located at ``when`` or ``status`` after ``pauses [at]``).
* :data:`STATEMENT_HOME` (the block each statement keyword belongs in) and :data:`TARGET_CLOCKS` (the
  clock a named target is usually measured on) are tables of the parser's other hints, kept here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Words, words
from .input_hints import POLICY_RESTARTING_CLOCKS

__all__ = ["ELAPSED_WORDS", "STATEMENT_HOME", "TARGET_CLOCKS", "PeerHint", "peer_hint"]

#: Which block each statement keyword belongs to, for "wrong block" help.
STATEMENT_HOME = {
    "days": "calendar", "hours": "calendar` or `service", "holidays": "calendar", "closed": "calendar",
    "open": "calendar", "respond": "priority", "definition": "priority", "same": "priority",
    "complete": "priority", "guideline": "priority", "starts": "clock", "within": "notify",
    "only": "notify", "met": "notify", "method": "backup", "keep": "backup", "continuous": "backup",
    "every": "backup` or `maintenance", "notice": "planned stop` or `maintenance", "emergency": "planned stop",
    "availability": "service", "credit": "service` or `priority` or `sla", "description": "item",
    "value": "item` or `attribute", "rules": "item",
    "text": "article", "format": "sla", "version": "sla", "effective": "sla", "timezone": "sla` or `calendar",
    "provider": "sla", "title": "sla", "source": "sla",
}  # fmt: skip

#: Words other tools write before a unit for elapsed time (Request Tracker's ``RealMinutes``: ``120 real
#: minutes``; a contract's ``5 calendar days``): read as a calendar's name, which elapsed time has none of.
ELAPSED_WORDS = frozenset({"real", "elapsed", "calendar", "wall"})

#: A named target without its clock: the clock each kind is usually measured on, declared.
TARGET_CLOCKS = {
    "resolve": ("resolution", "clock resolution { starts at incident.reported  stops at incident.resolved }"),
    "first": ("reply", "clock reply { starts at incident.reported  stops at incident.responded }"),
    "update": ("resolution", "clock resolution { starts at incident.reported  stops at incident.resolved }"),
}

#: Zendesk's *next reply time* (the language reference's recipe): a clock that starts again at each message.
NEXT_REPLY_CLOCK = (
    "clock next_reply { starts at incident.customer_replied  stops at incident.info_provided, incident.resolved"
    "  restarts at incident.customer_replied }"
)

#: Zendesk's metric names of a first reply, and of a next reply.
_FIRST_REPLY = frozenset({"first_reply_time", "first_response_time", "time_to_first_response"})
_NEXT_REPLY = frozenset({"next_reply_time"})

#: Request Tracker's ``IgnoreOnStatuses`` (``ignore on incident.stalled``): time a clock does not count.
_IGNORE = frozenset({"ignore", "ignore_on", "ignoreonstatuses", "ignore_on_statuses"})

#: ServiceNow's percentage timers: the warnings before the breach, and the breach itself.
_WARN = frozenset({"warn", "warning", "warnings", "warn_at"})
_BREACH = frozenset({"breach", "breaches", "breached", "breach_at"})
#: The words a pause condition on a status goes on with (``pause when status = ...``, ``pauses on status``).
_STATUS_WORDS = frozenset({"when", "on", "if", "while", "status", "in"})
_PAUSE_STATUS = re.compile(r"[ \t]*(pauses?)[ \t]+(?:at[ \t]+)?([A-Za-z_]\w*)(?![\w.])")

_FIRST_WORD = re.compile(r"[ \t]*([A-Za-z_]\w*)")
_EVENT = re.compile(r"[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*")
_NAME = re.compile(r"[A-Za-z_]\w*")
#: `respond by 16:00 next business day`, `... of next business day` (ServiceNow's relative due day)
_NEXT_DAY = re.compile(
    r"[ \t]*(respond|resolve|first[ \t]+reply)[ \t]+by[ \t]+(end|\d{1,2}:\d{2})[ \t]+(?:of[ \t]+)?"
    r"(next[ \t]+([A-Za-z_]\w*)[ \t]+day)\b(.*)"
)
_CLOCK_HEAD = re.compile(r"^[ \t]*clock[ \t]+([A-Za-z_]\w*)", re.M)
_DURATION = re.compile(r"\d+[ \t]+(?:[A-Za-z_]\w*[ \t]+)?(?:second|minute|hour|day|week|month)s?\b")


@dataclass(frozen=True)
class PeerHint:
    """Where the other tool's word is (offsets ``start``..``end`` of the text), and the help."""

    start: int
    end: int
    help: Words

    def word(self, text: str) -> str:
        return text[self.start : self.end]


def _line(text: str, pos: int) -> tuple[int, str]:
    """The start of the line holding ``pos``, and that line without its comment."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    return start, line.split("#", 1)[0] if '"' not in line else line


def peer_hint(text: str, pos: int, block: str | None, opened: bool) -> PeerHint | None:
    """The help for another tool's way of writing where the parser stopped at ``pos`` of ``text``, inside
    declaration ``block`` (its keyword; ``None`` between declarations), its ``{`` read (``opened``) or not.
    ``None`` when the word there is none of them."""
    start, line = _line(text, pos)
    if block == "clock" and opened:
        paused = _PAUSE_STATUS.match(line)
        if paused is not None and paused.group(2).lower() in _STATUS_WORDS:
            for group in (1, 2):  # (`pause when ...` stops at `pause`, `pauses when ...` at `when`)
                if start + paused.start(group) <= pos < start + paused.end(group):
                    help_ = words("diag.help.peer.pause_status", fix=_PAUSE_FIX, declare=_PENDING_EVENT)
                    return PeerHint(start + paused.start(group), start + paused.end(group), help_)
    if block == "priority" and opened:
        due = _NEXT_DAY.match(line)
        if due is not None and start + due.start(3) <= pos < start + due.end(3):
            kw = " ".join(due.group(1).split())
            fix = f"{kw} by {due.group(2)} of 1st {due.group(4)} day{due.group(5).rstrip()}"
            return PeerHint(start + due.start(3), start + due.end(3), words("diag.help.peer.next_day", fix=fix))
    first = _FIRST_WORD.match(line)
    if first is None or not start + first.start(1) <= pos < start + first.end(1):
        return None
    at, end = start + first.start(1), start + first.end(1)
    word = first.group(1)
    rest = " ".join(line[first.end(1) :].split())
    name = _NAME.match(rest)
    named = name.group() if name is not None else "business"
    found: Words | None = None
    if block is None and word == "schedule":  # ServiceNow's schedule as a declaration
        found = words("diag.help.peer.schedule_decl", fix=f"calendar {named} {{ ... }}")
    elif opened and block == "clock" and word in ("schedule", "calendar"):
        heads = [hit.group(1) for hit in _CLOCK_HEAD.finditer(text, 0, pos)]
        clock = heads[-1] if heads else "resolution"
        found = words("diag.help.peer.calendar_clock", name=named, example=f"resolve within 8 {named} hours on {clock}")
    elif opened and block in ("clock", "priority"):
        found = _timers(word, rest)
        if found is None and block == "priority":
            found = _in_priority(word, rest, named)
    return PeerHint(at, end, found) if found is not None else None


#: The pause of a status in the help of a pause condition on a status (JSM's *Waiting for customer*).
_PAUSE_FIX = "pauses at incident.info_provided until incident.customer_replied"
_PENDING_EVENT = 'event incident.pending "保留中" / "Pending"'


def _timers(word: str, rest: str) -> Words | None:
    """The help for ServiceNow's ``retroactive start``, ``breach at 100%`` and ``warn at 50%, 75%``
    written in a clock or a priority (``rest``: the words after ``word``)."""
    lowered = word.lower()
    if lowered == "retroactive":
        return words("diag.help.peer.retroactive")
    percents = [p for p in re.findall(r"\d+%", rest) if int(p[:-1]) < 100] or ["50%", "75%"]
    fix = f"at risk at {', '.join(percents)} of target"
    if lowered in _BREACH:
        return words("diag.help.peer.breach", fix=fix)
    if lowered in _WARN:
        return words("diag.help.peer.warn", fix=fix)
    return None


def _in_priority(word: str, rest: str, named: str) -> Words | None:
    """The help for a priority's line begun with another tool's ``word`` (``rest``: the words after it;
    ``named``: the first of them, else ``business``)."""
    if word == "schedule":
        return words("diag.help.peer.calendar", name=named, example=f"respond within 8 {named} hours")
    if word == "calendar":
        return words(
            "diag.help.peer.calendar_team",
            name=named,
            example=f"respond within 8 {named} hours",
            when=f"when team = {named}",
        )
    duration = _DURATION.search(rest)
    amount = duration.group() if duration is not None else "4 business hours"
    if word in _NEXT_REPLY or (word == "next" and rest.startswith("reply")):
        restarting = POLICY_RESTARTING_CLOCKS.get()
        if restarting:  # (the policy has a clock to measure it on: no clock to declare)
            return words("diag.help.write", fix=f"first reply within {amount} on {restarting[0]}")
        return words(
            "diag.help.peer.next_reply", clock=NEXT_REPLY_CLOCK, fix=f"first reply within {amount} on next_reply"
        )
    if word in _FIRST_REPLY:
        clock, declared = TARGET_CLOCKS["first"]
        # (the declaration is read on its own: whether the policy declares the clock is not known here)
        return words("diag.help.target_clock", fix=f"first reply within {amount} on {clock}", clock=declared)
    if word.lower() in _IGNORE:
        event = _EVENT.search(rest)
        fix = f"pauses at {event.group() if event else 'incident.info_provided'} until incident.customer_replied"
        return words("diag.help.peer.ignore", fix=fix)
    if word == "goal":
        on = re.search(r"\bon[ \t]+([A-Za-z_]\w*)", rest)
        fix = f"resolve within {amount} on {on.group(1) if on is not None else 'resolution'}"
        return words("diag.help.peer.goal", fix=fix)
    return None

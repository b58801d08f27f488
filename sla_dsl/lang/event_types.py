"""Event types declared in a policy: ``event incident.chat_started "チャット開始" / "Chat started"``.

Design notes
------------
* The contract's event types (:data:`~sla_dsl.lang.model.EVENT_TYPES`) are
  fixed; a policy may add **incident** event types of its own, which its
  clocks, targets, completion and notify rules may name and its event log may
  carry. Outages, planned stops and backups keep the contract's fixed life
  cycle (started/ended, announced, completed/deleted), and their records are
  judged where partial results of a split log meet: a type of their family
  cannot be declared (E249 says so, with the incident form to write instead).
* A declared name is ``incident.<word>`` (lowercase letters, digits and ``_``)
  and may stand anywhere in the file: rules are read before the whole model
  exists, and a file with a syntax error is read declaration by declaration,
  so :func:`declared_in` finds the declared names in the text itself first:
  the word ``event`` outside texts and comments and the event name after it,
  wherever on its line the declaration starts and whatever line breaks and
  comments stand between the two (line breaks mean nothing to the grammar).
  A rule that names a type neither in the contract nor declared is refused at
  its place (E208) with a suggestion over both.
* The same statement on one of the contract's types
  (``event outage.notified "第一報の送付" / "First notice sent"``) relabels it:
  the type keeps its meaning and life cycle (an outage, stop or backup type
  too), and every output that names it to a person (the site, ``sla
  explain``, reports, the change notice, hovers) uses the policy's words in
  place of the contract's (Article 5: a provider changes them in its policy
  file alone). A relabel declares nothing: the evaluator reads events of the
  type as before (:attr:`~.model.PolicyModel.declared_events` leaves it out),
  and no W247 is given for it (the contract's types are judged anyway).
  E248 (a contract type declared again) is no longer raised.
* Checks: E247 a type declared or relabelled twice,
  E249 a name that cannot be declared; W247 a declared type that no rule
  names (the log may carry it, but nothing judges it), not given while a clock, priority or notify
  rule is dropped for its own error (it may have been the one to name it).
* A declared event carries ``event``, ``at`` and ``id`` (and any extra
  fields, kept as for every event), no payload of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lark import Token, Tree

from . import model as m
from .diagnostics import Diagnostic, Severity, diagnostic, words
from .plain import EXTENDABLE, Declared, declarable
from .values import ValueReader, unknown_event_help

#: The pieces of a policy text :func:`declared_in` reads: a text (closed or not), a comment, blanks (the
#: grammar's), a word (with its dots), or any other character.
_PIECE = re.compile(r'"(?:\\.|[^"\\\n])*"?|#[^\n]*|[ \t\f\r\n]+|[A-Za-z0-9_.]+|.', re.DOTALL)
#: A name an ``event`` declaration declares (the grammar's ``EVENT``).
_EVENT = re.compile(r"[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*")
__all__ = [
    "EXTENDABLE",
    "Declared",
    "EventTypeBuilder",
    "check",
    "declarable",
    "declared_in",
    "declared_names",
    "unknown_event_help",
]


@lru_cache(maxsize=4)
def declared_in(text: str) -> frozenset[str]:
    """The declarable names that ``event`` declarations of a policy text declare (found before parsing:
    the word ``event`` outside texts and comments, then the next word that is an event name, whatever
    blanks, line breaks and comments stand between them). Cached: a file read declaration by declaration
    asks it of the whole text for each one."""
    if "event" not in text:
        return frozenset()
    found: set[str] = set()
    after_event = False  # the last word read (comments and blanks skipped) was `event`
    for piece in _PIECE.finditer(text):
        word = piece.group()
        if word[0] in " \t\f\r\n#":
            continue
        if after_event and _EVENT.fullmatch(word) and declarable(word):
            found.add(word)
        after_event = word == "event"
    return frozenset(found)


def declared_names(model: m.PolicyModel) -> tuple[str, ...]:
    """The event types a checked policy declares, in file order (its relabels of the contract's left out)."""
    return tuple(dict.fromkeys(e.name for e in model.declared_events))


class EventTypeBuilder(ValueReader):
    """The part of the builder for ``event`` declarations (mixed into :class:`~.transformer.Builder`)."""

    def d_event_type(self, decl: Tree[Token]) -> m.EventType:
        """An ``event`` declaration (its name is checked on the whole model by :func:`check`)."""
        name = decl.children[0]
        assert isinstance(name, Token)
        label, ref = m.Label(), None
        for c in decl.children[1:]:
            if isinstance(c, Tree) and c.data == "label":
                label = self.label(c)
            elif isinstance(c, Tree) and c.data == "ref":
                ref = self.ref(c)
        return m.EventType(name=str(name), label=label, ref=ref, span=self.span(name))


def _named_events(model: m.PolicyModel) -> Iterator[str]:
    """Every event name a rule of the model refers to."""
    for clock in model.clocks:
        yield from clock.starts
        yield from clock.stops
        yield from clock.resets
        yield from clock.restarts
        yield from clock.cancels
        for p in clock.pauses:
            yield p.at
            yield from p.until
        for h in clock.not_due:
            yield h.at
            yield from h.until
    for pri in model.priorities:
        comp = pri.completion
        yield from comp.on
        if comp.silence is not None:
            yield comp.silence.after
            yield comp.silence.unless
        for t in pri.targets:
            yield from t.by
    for n in model.notifications:
        yield n.after
        yield n.met_by
    for a in model.attributes:  # (an event that changes an attribute: ``changes at incident.plan_changed``)
        yield from a.changes


def check(model: m.PolicyModel, users_dropped: bool = False) -> list[Diagnostic]:
    """E247, E249 and W247 on the ``event`` declarations (and relabels) of a policy; no W247 when
    ``users_dropped`` (a rule that may name events, a clock, priority or notify rule, was dropped for its
    own error), nor for a relabel of a contract type."""
    out: list[Diagnostic] = []
    first: dict[str, m.EventType] = {}
    for decl in model.event_types:
        name = decl.name
        if not decl.relabels and not declarable(name):
            family = name.split(".")[0]
            fixed = family in ("outage", "stop", "backup")
            what = words("diag.E249.what.fixed" if fixed else "diag.E249.what.family", family=family)
            example = f'event incident.{name.split(".", 1)[-1]} "…" / "…"'
            out.append(
                diagnostic(
                    "E249",
                    words("diag.E249", name=name, what=what),
                    decl.span,
                    help=words("diag.E249.help", example=example),
                )
            )
            continue
        if name in first:
            twice = words("diag.E247.relabel", name=name) if decl.relabels else words("diag.E247", name=name)
            out.append(
                diagnostic(
                    "E247",
                    twice,
                    decl.span,
                    help=words("diag.help.keep_one", line=str(first[name].span.line)),
                )
            )
            continue
        first[name] = decl
    used = set(_named_events(model))
    for name, decl in first.items():
        if name not in used and not users_dropped and not decl.relabels:
            out.append(
                diagnostic(
                    "W247",
                    words("diag.W247", name=name),
                    decl.span,
                    help=words("diag.W247.help"),
                    severity=Severity.WARNING,
                )
            )
    return out

"""What a named target is called: its kind (``解決`` / ``Resolution``, ``初回回答`` / ``First reply``), except a
first reply measured on a clock that starts again at each message (``restarts at``: Zendesk's *next reply
time*), which is no first reply after the first exchange: that target is called by its clock's label
(``次回回答`` / ``Next reply``, as the policy declares it), else ``次回回答`` / ``Next reply``. The report's
tables and summary, its violations, ``sla explain`` and the docs site name a target through here, so none
calls a next reply "First reply". Within a sentence (``goal``) a clock's label is quoted, as the other
sentences quote a label they insert (``P1 Urgent “Reply to each message” due …``, ``P1 緊急の「次の回答」の期限``):
a label keeps its own capitals (a proper noun's), and the quotes tell where it ends.
"""

from __future__ import annotations

from ..i18n import message
from ..lang import model as lm
from .words import PolicyWords


def next_reply_clock(model: lm.PolicyModel | None, kind: str, clock: str | None) -> lm.ClockRule | None:
    """The clock of ``model`` a target of ``kind`` on ``clock`` is a next reply on (a first reply on a clock
    that restarts), else None."""
    found = next((c for c in model.clocks if c.name == clock), None) if model is not None and clock else None
    return found if kind == "first_reply" and found is not None and found.restarts else None


def target_word(model: lm.PolicyModel | None, kind: str, clock: str | None, lang: str, goal: bool = False) -> str:
    """A named target of ``kind`` on ``clock`` in ``lang``, as a table names it (``report.targets.*``:
    ``First reply``) or, with ``goal``, within a sentence (``report.goal.*``: ``first reply``; a clock's label
    quoted, ``“Reply to each message”``); a first reply on a clock of ``model`` that restarts by the clock's
    label (see the module's notes)."""
    key = "report.goal" if goal else "report.targets"
    found = next_reply_clock(model, kind, clock)
    if found is None:
        return message(f"{key}.{kind}", lang)
    label = found.label.text(lang)
    if not label:
        return message(f"{key}.next_reply", lang)
    return message("report.goal.labelled", lang, label=label) if goal else label


def target_name(w: PolicyWords, kind: str, clock: str | None, goal: bool = False) -> str:
    """:func:`target_word` in the words ``w``, the clock read from the version that defines it (``w``'s when
    it has it: :meth:`~.words.PolicyWords.defining`)."""
    v = w.defining(lambda md: any(c.name == clock for c in md.clocks)) if clock else w
    return target_word(v.model, kind, clock, w.lang, goal)


def names_clock(w: PolicyWords, kind: str, clock: str | None) -> bool:
    """Whether the target is called by its clock's label (a next reply), so ``（次回回答）`` after it would
    repeat it."""
    return bool(clock) and target_name(w, kind, clock) != w.m(f"report.targets.{kind}")


def target_on(w: PolicyWords, kind: str, clock: str | None) -> str:
    """A named target with the clock it is measured on, as a list of several targets of one incident names it
    (``sla deadline``, the dashboard of ``sla serve``, its alerts): ``応答（次回回答）`` / ``Response (Next
    response)``, so a response on a second clock is not read as the first; a next reply by its clock's label
    alone (:func:`names_clock`), a target without a clock by its word alone."""
    label = target_name(w, kind, clock)
    if clock is None or names_clock(w, kind, clock):
        return label
    return w.m("report.targets.on", target=label, clock=w.clock_label(clock))


def target_among(w: PolicyWords, kind: str, clock: str | None) -> str:
    """A named target as a list of the targets of many incidents names it (the dashboard of ``sla serve``, its
    alerts): by its word alone (``解決``), with its clock (:func:`target_on`) only where the word alone could
    be another target: a response on a named clock (a priority's own response is ``応答`` too), or a kind
    some priority of the version also measures on another clock; never the clock's label when it is the word
    again."""
    if clock is None:
        return target_name(w, kind, clock)
    model = w.defining(lambda md: any(c.name == clock for c in md.clocks)).model
    others = model is not None and any(t.kind == kind and t.clock != clock for p in model.priorities for t in p.targets)
    if kind != "respond" and not others:
        return target_name(w, kind, clock)
    word = target_name(w, kind, clock)
    return word if w.clock_label(clock) == word else target_on(w, kind, clock)


def target_goal(w: PolicyWords, kind: str, clock: str | None, rule: lm.Priority | None) -> str:
    """A named target within a sentence about one incident (a violation's: ``解決の期限 ...``), with its clock
    where ``rule``, the priority's rule that judged it, measures the kind on another clock too: Zendesk's
    requester wait time and agent work time, both ``resolve``, had two sentences ``P1 緊急の解決の期限 ...``
    that did not say which was which."""
    word = target_name(w, kind, clock, goal=True)
    if clock is None or rule is None or names_clock(w, kind, clock):
        return word
    if not any(t.kind == kind and t.clock != clock for t in rule.targets):
        return word
    return w.m("report.targets.on", target=word, clock=w.clock_label(clock))


def target_commitment(w: PolicyWords, priority: str, kind: str, clock: str | None, clock_words: str) -> str:
    """A named target of a priority as the summary and the trend name it: ``P1 緊急の解決（解決までの時間）``,
    a next reply without its clock's label twice (``P1 緊急の次回回答``); ``clock_words``: the clock as shown."""
    what = target_name(w, kind, clock)
    if names_clock(w, kind, clock):
        return w.m("report.trend.target.own", priority=priority, target=what)
    return w.m("report.trend.target", priority=priority, target=what, clock=clock_words)

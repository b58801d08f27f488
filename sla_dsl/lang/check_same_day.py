"""Where the same-day guideline applies: the plain response target only (issue 12).

Design notes
------------
* ``same day if received 4 hours before close of business`` is Article 3.2's
  guideline on the *response*: it is judged against the priority's plain
  ``respond within`` (the incident row's ``same_day``: applies, due, met).
  A named target that also measures a response (``respond within ... on
  <clock>``, ``first reply within ... on <clock>``) runs on a clock of its own,
  which may pause, stop at another event or start again; the guideline has no
  one reading there, and the report has no place for it on a target row. So
  it is not applied to those targets, and W248 says so at the guideline's
  line, in a priority that has such a target, rather than leaving the author
  to believe it is.
"""

from __future__ import annotations

from . import model as m
from .diagnostics import Diagnostic, Severity, diagnostic, listing, words

_RESPONSE_KINDS = ("respond", "first_reply")


def check_same_day(model: m.PolicyModel) -> list[Diagnostic]:
    """W248: a same-day guideline in a priority that also has a named respond or first-reply target."""
    out: list[Diagnostic] = []
    for p in model.priorities:
        named = [t for t in p.targets if t.kind in _RESPONSE_KINDS]
        if p.same_day is None or not named:
            continue
        kinds = [("first reply" if t.kind == "first_reply" else t.kind, t.clock) for t in named]
        which = listing((f"`{kind} ... on {clock}`" for kind, clock in kinds), ", ")
        out.append(
            diagnostic(
                "W248",
                words("diag.W248", pid=p.id, which=which),
                p.same_day.span,
                help=words("diag.W248.help"),
                severity=Severity.WARNING,
            )
        )
    return out

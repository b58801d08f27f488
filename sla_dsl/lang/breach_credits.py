"""Building the service credits owed per breached target from a priority's ``credit`` lines.

Design notes
------------
* Support SLAs (Jira Service Management, ServiceNow, managed-service contracts)
  owe a credit for each incident whose target is missed: ``credit 5% per
  breach, at most 25% monthly``. The line belongs to the target line above it
  in the priority's block (the plain ``respond within``/``respond by``, or a
  named target such as ``resolve within 3 business days on resolution``), as a
  service's ``credit`` line belongs to the availability target above it; notes
  and other lines in between do not change that.
* The percentages are read by the availability credit's reader (E215 outside
  (0, 100]) and the measurement period by its period words (``monthly``, the
  default, ``quarterly``, ``per period``).
* Checks, each at the ``credit`` line: E266, no target line above it in the
  block (it would belong to nothing); E212, a second line for one target, with
  the one line to write (the first, as written); W263, ``at most`` below the
  credit of one breach (one breach already owes more than the cap), with the
  line that raises the cap to the credit per breach (never one that lowers
  the credit the author wrote; a cap equal to it is legal).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token, Tree

from . import model as m
from .attributes import AttributeBuilder
from .diagnostics import Severity, words

#: The target a ``credit`` line belongs to: (kind, clock), clock None for the plain response target.
Owner = tuple[str, str | None]


@dataclass(slots=True)
class CreditLines:
    """A priority's ``credit`` lines as they are read: the target the next one belongs to, and each target's."""

    #: the nearest target line above (None: none yet), with its text as written for the messages
    owner: Owner | None = None
    owner_line: Tree[Token] | None = None
    #: the first ``credit`` line of each target
    first: dict[Owner, Tree[Token]] = field(default_factory=dict)
    credits: list[m.BreachCredit] = field(default_factory=list)

    def target_line(self, owner: Owner, st: Tree[Token]) -> None:
        """A target line was read: the ``credit`` lines below it are its own."""
        self.owner, self.owner_line = owner, st


def written(st: Tree[Token], cap: str | None = None) -> str:
    """A ``credit`` line of a priority as written, in its canonical form: ``credit 5% per breach, at most
    25% monthly`` (``monthly`` said only when written); ``cap``: with that cap instead of the one written."""
    percents = [str(t) for t in st.children if isinstance(t, Token) and t.type == "PERCENT"]
    if cap is not None:
        percents[1:] = [cap]
    line = f"credit {percents[0]} per breach"
    if len(percents) > 1:
        line += f", at most {percents[1]}"
    period = next((c for c in st.children if isinstance(c, Tree)), None)
    if period is not None:
        line += " " + {"per_month": "monthly", "per_quarter": "quarterly", "per_period": "per period"}[str(period.data)]
    return line


class BreachCreditBuilder(AttributeBuilder):
    """The part of the builder for a priority's ``credit`` lines (mixed into :class:`~.transformer.Builder`;
    the measurement period is read by the availability target's :meth:`measure_period`)."""

    def breach_credit_line(self, st: Tree[Token], lines: CreditLines, priority: str) -> None:
        """A priority's ``credit N% per breach`` line: the credit of the target line above it (E266 when
        there is none, E212 for a second one, W263 for a cap below the credit of one breach)."""
        toks = [t for t in st.children if isinstance(t, Token) and t.type == "PERCENT"]
        percent = self._percent(toks[0])
        cap = self._percent(toks[1]) if len(toks) > 1 else None
        owner = lines.owner
        if owner is None:
            self.error(
                "E266",
                words("diag.E266", priority=priority),
                st,
                help=words("diag.E266.help", line=written(st)),
            )
            return
        first = lines.first.get(owner)
        if first is not None:
            assert lines.owner_line is not None
            self.error(
                "E212",
                words("diag.E212.breach_credit", line=str(self.span(lines.owner_line).line)),
                st,
                help=words("diag.E212.breach_credit.help", example=written(first), first=str(self.span(first).line)),
            )
            return
        lines.first[owner] = st
        if cap is not None and cap < percent:
            self.error(
                "W263",
                words("diag.W263", cap=str(toks[1]), percent=str(toks[0])),
                toks[1],
                help=words("diag.W263.help", example=written(st, cap=str(toks[0]))),
                severity=Severity.WARNING,
            )
        kind, clock = owner
        lines.credits.append(
            m.BreachCredit(
                kind=kind,
                clock=clock,
                percent=percent,
                cap=cap,
                period=self.measure_period(st),
                span=self.span(st),
            )
        )

"""Building attributes, ``when`` conditions and service credits from the parse tree.

Design notes
------------
* An ``attribute`` declaration names a field that incidents carry in their
  events (``"attributes": {"plan": "premium"}``): its allowed values and the
  value assumed when an event does not give it (``default``, else the first
  value).
* A ``when`` statement is written inside the block of the rule it limits
  (``priority P1 { when plan = premium  respond within 1 hours }``), one per
  block. Tests are joined by ``and``; ``=``/``!=`` take one value, ``in`` /
  ``not in`` a list. Which attributes and values exist is checked on the whole
  model (:mod:`.conditions`), since attributes may be declared after the rule.
* A value may have a label, written like every declaration's
  (``value premium "プレミアム" / "Premium"``; issue 16): people read the
  label, events and conditions use the name. ``values standard, premium``
  lists names without labels. A value written twice is E250, or E265 when
  either time gives it a label (which label would hold is unclear); the first
  is kept. Labels missing for a declared language, or shared by two values,
  are checked on the whole model (:mod:`.languages`: E262-E264, W260, W261).
* ``changes at`` (one line per attribute, E212 for a second) names the
  incident event types that may change the attribute after the report; each is
  checked where it is written: E208 for a type neither in the contract nor
  declared, E254 for an event of another family (an outage's attributes hold
  for its whole life), for ``incident.reported`` (it gives the attributes the
  incident starts with) and for a type listed twice. W259 (an attribute no
  ``when`` reads) needs the whole model: :mod:`.conditions`.
* Credit tiers are kept in the order written; :mod:`.conditions` checks that
  they make sense (a tier for a lower figure owes more).
* A ``credit`` line belongs to the nearest ``availability target`` line above it
  in the block, with or without ``when`` (notes and other lines in between do
  not matter); a credit line above every target line is the target's without
  ``when``. One target has one credit line: a second is E212 at its line, with
  the one line to write (both lines' tiers), never moved to another target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lark import Token, Tree

from . import model as m
from .diagnostics import listing, words
from .values import ValueReader, unknown_statement

_NEGATED = {"cond_ne", "cond_not_in"}


#: The owner of a ``credit`` line that belongs to the target without ``when`` (see :class:`PlanTargets`).
GENERAL = -1


@dataclass(slots=True)
class PlanTargets:
    """A service's targets with ``when`` as they are read, and whose each ``credit`` line is (issue 13)."""

    targets: list[m.AvailabilityTarget] = field(default_factory=list)
    #: how many come before the target without ``when``
    first: int = 0
    #: the target the next ``credit`` line belongs to: the nearest target line above it (an index in
    #: ``targets``), else :data:`GENERAL`, the target without ``when`` (also above every target line)
    owner: int = GENERAL
    #: the target line without ``when`` read last (None: none above)
    general_line: Tree[Token] | None = None
    #: the first ``credit`` line of each owner
    credit_lines: dict[int, Tree[Token]] = field(default_factory=dict)
    #: the tiers of the target without ``when`` (None: no credit line of its own)
    general: tuple[m.CreditTier, ...] | None = None


class AttributeBuilder(ValueReader):
    """The parts of the builder for attributes, conditions and credits (mixed into :class:`Builder`)."""

    def d_attribute(self, decl: Tree[Token]) -> m.Attribute:
        """An ``attribute`` declaration."""
        name = decl.children[0]
        assert isinstance(name, Token)
        label, ref, notes = m.Label(), None, []
        values: list[Token] = []
        labels: list[m.AttributeValue] = []
        default: Token | None = None
        changes: list[str] = []
        seen: dict[str, Tree[Token]] = {}
        for c in decl.children[1:]:
            if not isinstance(c, Tree):
                continue
            if c.data == "label":
                label = self.label(c)
            elif c.data == "ref":
                ref = self.ref(c)
            elif c.data == "note":
                notes.append(self._note(c))
            elif c.data == "t_value":
                tok, *rest = c.children
                assert isinstance(tok, Token)
                values.append(tok)
                value_label = next((self.label(t) for t in rest if isinstance(t, Tree)), m.Label())
                labels.append(m.AttributeValue(name=str(tok), label=value_label, span=self.span(tok)))
            else:
                if str(c.data) in seen:
                    self.error(
                        "E212",
                        words("diag.E212", what=f"`{str(c.data)[2:]}`"),
                        c,
                        help=words("diag.help.keep_one", line=str(self.span(seen[str(c.data)]).line)),
                    )
                seen[str(c.data)] = c
                toks = [t for t in c.children if isinstance(t, Token)]
                if c.data == "t_values":
                    values += toks
                    labels += [m.AttributeValue(name=str(t), span=self.span(t)) for t in toks]
                elif c.data == "t_changes":
                    changes += self.change_events(str(name), toks, changes)
                elif c.data == "t_default":
                    default = toks[0]
                else:
                    raise unknown_statement(c)
        if not values:
            raise self.fail("E250", words("diag.E250", name=str(name)), name, help=words("diag.E250.help"))
        names = [str(v) for v in values]
        firsts: dict[str, int] = {}  # each value's first position (a policy may list thousands)
        for i, v in enumerate(values):
            first = firsts.setdefault(str(v), i)
            if first != i:
                if labels[first].label.span != m.NO_SPAN or labels[i].label.span != m.NO_SPAN:
                    self.error(
                        "E265",
                        words("diag.E265", value=str(v), name=str(name)),
                        v,
                        help=words("diag.E265.help", value=str(v), line=str(labels[first].span.line)),
                    )
                    continue
                self.error(
                    "E250",
                    words("diag.E250.twice", value=str(v), name=str(name)),
                    v,
                    help=words("diag.E250.twice.help"),
                )
        if default is not None and str(default) not in firsts:
            listed = listing((f"`{v}`" for v in dict.fromkeys(names)), ", ")
            raise self.fail(
                "E250",
                words("diag.E250.default", default=str(default), name=str(name)),
                default,
                help=words("diag.E250.default.help", values=listed),
            )
        last = {v.name: v for v in labels[::-1]}  # (each value's first label: built once, not per value)
        return m.Attribute(
            name=str(name),
            label=label,
            ref=ref,
            values=tuple(dict.fromkeys(names)),
            default=str(default) if default is not None else None,
            notes=tuple(notes),
            labels=tuple(last[n] for n in dict.fromkeys(names)),
            changes=tuple(changes),
            span=self.span(decl),
        )

    def change_events(self, attribute: str, toks: list[Token], before: list[str]) -> list[str]:
        """The event types of a ``changes at`` line of attribute ``attribute`` (``before``: those of an
        earlier line of the block), each checked: a type neither in the contract nor declared is E208 (with
        its suggestion), one of another family than incidents or ``incident.reported`` (which gives the
        attributes an incident starts with) is E254, and so is a type listed twice. Refused types are left
        out; the line is otherwise kept."""
        out: list[str] = []
        written = list(dict.fromkeys(str(t) for t in toks))
        example = f"incident.{attribute}_changed"
        for tok in toks:
            name = str(tok)
            if name not in m.EVENT_TYPES and name not in self.declared_events:
                self.error("E208", words("diag.E208", name=name), tok, help=self.unknown_event(name))
            elif not name.startswith("incident."):
                self.error(
                    "E254",
                    words("diag.E254.family", name=name, attribute=attribute),
                    tok,
                    help=words("diag.E254.family.help", example=example, declaration=f'event {example} "…" / "…"'),
                )
            elif name == "incident.reported":
                self.error(
                    "E254",
                    words("diag.E254.report", attribute=attribute),
                    tok,
                    help=words("diag.E254.report.help", example=example, declaration=f'event {example} "…" / "…"'),
                )
            elif name in out or name in before:
                self.error(
                    "E254",
                    words("diag.E254.twice", name=name, attribute=attribute),
                    tok,
                    help=words("diag.E254.twice.help", line="changes at " + ", ".join(written)),
                )
            else:
                out.append(name)
        return out

    def take_when(self, stmts: list[Tree[Token]], fields: dict[str, Any]) -> list[Tree[Token]]:
        """The statements without the ``when`` one, whose condition is put in ``fields["when"]``."""
        rest: list[Tree[Token]] = []
        for st in stmts:
            if st.data != "when":
                rest.append(st)
                continue
            if "when" in fields:
                self.error(
                    "E212",
                    words("diag.E212", what="`when`"),
                    st,
                    help=words("diag.E212.when.help", line=str(fields["when"].span.line)),
                )
                continue
            fields["when"] = self.condition(st)
        return rest

    def condition(self, st: Tree[Token]) -> m.Condition:
        """A ``when`` statement: its tests, in the order written."""
        tests: list[m.AttributeTest] = []
        for c in st.children:
            if not isinstance(c, Tree):
                continue
            toks = [t for t in c.children if isinstance(t, Token) and t.type == "NAME"]
            tests.append(
                m.AttributeTest(
                    attribute=str(toks[0]),
                    values=tuple(dict.fromkeys(str(t) for t in toks[1:])),
                    negated=str(c.data) in _NEGATED,
                    span=self.span(c),
                )
            )
        return m.Condition(tests=tuple(tests), span=self.span(st))

    def credit_tiers(self, st: Tree[Token]) -> tuple[m.CreditTier, ...]:
        """A service's ``credit below 99.5% 10%, ...`` line."""
        tiers = []
        for c in st.children:
            if isinstance(c, Tree):
                below, credit = (t for t in c.children if isinstance(t, Token))
                tier = m.CreditTier(below=self._percent(below), credit=self._percent(credit), span=self.span(c))
                tiers.append(tier.written(str(below), str(credit)))
        return tuple(tiers)

    def plan_statement(self, st: Tree[Token], plans: PlanTargets, default_seen: bool) -> bool:
        """Take a service's target line (issue 13): one with ``when`` is kept in ``plans`` (True);
        every target line, with ``when`` or not, owns the ``credit`` lines below it (see
        :meth:`credit_line`). False for every other statement and for the target without ``when``."""
        if st.data != "s_target":
            return False
        cond = next((c for c in st.children if isinstance(c, Tree) and c.data == "when"), None)
        if cond is None:
            plans.owner, plans.general_line = GENERAL, st
            return False
        tok = st.children[0]
        assert isinstance(tok, Token)
        plans.targets.append(
            m.AvailabilityTarget(
                percent=self._percent(tok),
                period=self.measure_period(st),
                when=self.condition(cond),
                span=self.span(st),
            )
        )
        plans.owner = len(plans.targets) - 1
        plans.first += not default_seen
        return True

    def credit_line(self, st: Tree[Token], plans: PlanTargets) -> None:
        """A service's ``credit`` line: the tiers of the nearest target line above it (of the target
        without ``when`` above every target line). A second line for one target is E212."""
        owner = plans.owner
        first = plans.credit_lines.get(owner)
        if first is not None:
            example = "credit " + ", ".join(_tiers_written(first) + _tiers_written(st))
            if owner != GENERAL:
                target: m.Span | None = plans.targets[owner].span
            else:
                target = self.span(plans.general_line) if plans.general_line is not None else None
            self.error(
                "E212",
                words("diag.E212.credit", line=str(target.line))
                if target is not None
                else words("diag.E212", what="`credit`"),
                st,
                help=words("diag.E212.credit.help", example=example, line=str(self.span(first).line)),
            )
            return
        plans.credit_lines[owner] = st
        if owner == GENERAL:
            plans.general = self.credit_tiers(st)
        else:
            plans.targets[owner] = plans.targets[owner].model_copy(update={"credits": self.credit_tiers(st)})

    def measure_period(self, st: Tree[Token]) -> m.MeasurePeriod:
        """The measurement period after ``availability target N%``."""
        period = next((c for c in st.children if isinstance(c, Tree) and c.data != "when"), None)
        if period is None:
            return m.MeasurePeriod.MONTH
        return {"per_quarter": m.MeasurePeriod.QUARTER, "per_period": m.MeasurePeriod.PERIOD}.get(
            str(period.data), m.MeasurePeriod.MONTH
        )


def _tiers_written(st: Tree[Token]) -> list[str]:
    """The tiers of a ``credit`` line as written: ``below 99.5% 10%``."""
    out = []
    for c in st.children:
        if isinstance(c, Tree):
            below, credit = (str(t) for t in c.children if isinstance(t, Token))
            out.append(f"below {below} {credit}")
    return out

"""Attributes that incidents carry, and the ``when`` conditions that test them, in the typed model.

Design notes
------------
* An :class:`Attribute` keeps its values' names in the order written (what
  events carry and conditions test) and their labels for people beside them
  (:meth:`Attribute.value_text`).
* A :class:`Condition` holds when every one of its :class:`AttributeTest`
  holds. They are built from the parse tree in :mod:`.attributes`; which rule a
  condition selects, and the checks of conditions, are :mod:`.conditions`'.
  :meth:`Condition.canonical` is the same condition with its tests and their
  values in a fixed order (``and`` and ``in`` do not depend on order): what
  ``sla diff`` matches rules by, so that rewriting ``a = x and b = y`` as ``b = y
  and a = x`` is no change.
* Services, priorities and notifications all take a ``when`` condition, so this
  module stands below :mod:`.model_services` and :mod:`.model_incidents`.
* ``Attribute.changes`` lists the incident event types that may change the
  attribute after the report (``changes at incident.plan_changed``): the
  evaluator reads such an event's attributes as it reads a reprioritisation
  (:mod:`sla_dsl.evaluation.select`).
"""

from __future__ import annotations

from .model_nodes import ArticleRef, Label, Node


class AttributeTest(Node):
    """One test of a condition: the attribute's value is (``negated``: is not) one of ``values``."""

    attribute: str
    values: tuple[str, ...]
    negated: bool = False

    def canonical(self) -> AttributeTest:
        """The same test with its values sorted, each once: ``plan in (premium, standard)``."""
        return self.model_copy(update={"values": tuple(sorted(set(self.values)))})

    def __str__(self) -> str:
        if len(self.values) == 1:
            return f"{self.attribute} {'!=' if self.negated else '='} {self.values[0]}"
        return f"{self.attribute} {'not in' if self.negated else 'in'} ({', '.join(self.values)})"


class Condition(Node):
    """``when`` a rule applies: every test holds (``and``)."""

    tests: tuple[AttributeTest, ...]

    def canonical(self) -> Condition:
        """The same condition in a fixed form: each test's values sorted, the tests sorted by attribute
        (``channel = en and plan = premium`` for ``plan = premium and channel = en``), each test once."""
        tests = {str(t): t for t in (t.canonical() for t in self.tests)}
        ordered = sorted(tests.values(), key=lambda t: (t.attribute, t.negated, t.values))
        return self.model_copy(update={"tests": tuple(ordered)})

    def __str__(self) -> str:
        return " and ".join(str(t) for t in self.tests)


class AttributeValue(Node):
    """One value of an attribute as written: its name (what events carry) and its label for people."""

    name: str
    label: Label = Label()


class Attribute(Node):
    """An attribute that incidents carry: its values and the value assumed when not given."""

    name: str
    label: Label = Label()
    ref: ArticleRef | None = None
    #: the values' names, in the order written (what events carry and conditions test)
    values: tuple[str, ...]
    default: str | None = None
    notes: tuple[Label, ...] = ()
    #: every value with its label (empty without one), in the order written: ``value premium "プレミアム" / "Premium"``
    labels: tuple[AttributeValue, ...] = ()
    #: the incident event types that may change the attribute during the incident's life, in the order
    #: written (``changes at incident.plan_changed``); empty: only ``incident.reported`` gives it
    changes: tuple[str, ...] = ()

    def value_text(self, value: str, lang: str = "en") -> str:
        """Value ``value`` for a person in ``lang``: its label, or its name as written without one."""
        found = next((v for v in self.labels if v.name == value), None)
        return (found.label.text(lang) if found is not None else "") or value

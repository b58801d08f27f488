"""What changed between two versions of a policy, by meaning: the change finder of ``sla diff``.

Design notes
------------
* Two compiled models are compared, never two texts: layout, comments, spans
  and the order of declarations do not count. Declarations are matched by
  their identity (a calendar by name, a priority by id, a rule of a priority
  with ``when`` by its id and condition, an item by number, the header and the
  planned-stop rule as singletons); a declaration only in NEW is ``added``,
  only in OLD ``removed``.
* Matched declarations are compared field by field over the model's own
  fields, so every change the language can express is reported, including
  fields added to the model later (they fall back to a generic wording).
  Fields whose order has no meaning (weekdays, holidays, closed dates,
  channels, completion events, item rules) are compared as sets; the order of
  ``clock ... starts at`` events is a preference and counts.
* A :class:`Change` holds values, never words: what a reader cares about
  beyond old and new (a break in business hours removed, the day getting
  longer) is a :class:`Detail`, a catalogue key and its fields. The words are
  :mod:`.semdiff`'s, which imports this module (never the other way round).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel

from ..lang import model as m

__all__ = ["Change", "Detail", "Op", "diff_models", "jsonable"]

Op = Literal["added", "removed", "changed"]

#: Model fields whose values form a set: order has no meaning.
UNORDERED = frozenset(
    {"days", "holidays", "closed", "closed_yearly", "open", "channels", "rules", "on"}
    | {"pauses", "stops", "resets", "restarts", "cancels", "targets"}
    | {"day_hours", "date_hours", "closed_hours", "named_holidays"}
)


class Detail(NamedTuple):
    """What a reader cares about beyond old -> new: catalogue entry ``diff.detail.<key>`` with its fields."""

    key: str
    fields: dict[str, str]


@dataclass(frozen=True)
class Change:
    """One difference between OLD and NEW: a declaration added or removed, or one field changed."""

    op: Op
    section: str
    key: str
    field: str | None
    old: Any = None
    new: Any = None
    #: article the change belongs to (for grouping a notice)
    article: int | None = None
    #: what a reader cares about beyond old -> new (e.g. a break of 12:00-13:00 removed)
    details: tuple[Detail, ...] = ()
    #: the label of the declaration, to name it for people
    label: m.Label | None = None
    #: the condition of a rule of a priority with ``when`` (its key is ``P1 when plan = premium``)
    when: m.Condition | None = None

    @property
    def rule_id(self) -> str:
        """The key without its condition: the priority id of a rule with ``when``."""
        return self.key.partition(" when ")[0] if self.when is not None else self.key


def _entities(pm: m.PolicyModel) -> list[tuple[str, str, m.Node]]:
    """(section, key, node) for every declaration of a model."""
    out: list[tuple[str, str, m.Node]] = [("header", "", pm.header)]
    out += [("article", str(a.number), a) for a in pm.articles]
    out += [("calendar", c.name, c) for c in pm.calendars]
    out += [("service", s.name, s) for s in pm.services]
    out += [("planned_stop", "", p) for p in pm.planned_stops]
    out += [("maintenance", x.name, x) for x in pm.maintenance]
    out += [("clock", c.name, c) for c in pm.clocks]
    # a rule with a condition is its own declaration: `P1 when plan = premium` (issue 13)
    out += [("priority", p.id if p.when is None else f"{p.id} when {p.when}", p) for p in pm.priorities]
    out += [("attribute", a.name, a) for a in pm.attributes]
    out += [("event_type", e.name, e) for e in pm.event_types]  # declared event types (issue 12)
    out += [("notify", n.name, n) for n in pm.notifications]
    out += [("backup", b.kind, b) for b in pm.backups]
    out += [("exclude", e.cause, e) for e in pm.exclusions]
    out += [("item", str(i.number), i) for i in pm.items]
    return out


def _article_of(section: str, key: str, node: m.Node) -> int | None:
    if section == "article":
        return int(key)
    ref = getattr(node, "ref", None)
    if isinstance(ref, m.ArticleRef):
        return ref.article
    return None


def _plain(value: Any, field: str) -> Any:
    """A value by meaning; sets for unordered fields."""
    if isinstance(value, BaseModel):
        return m.meaning(value)
    if isinstance(value, tuple):
        items = [_plain(v, "") for v in value]
        if field in UNORDERED:
            return sorted(json.dumps(i, sort_keys=True, ensure_ascii=False) for i in items)
        return items
    return value


def _gaps(hours: Sequence[m.TimeRange]) -> set[tuple[int, int]]:
    ordered = sorted(hours, key=lambda r: r.start.minutes)
    return {(a.end.minutes, b.start.minutes) for a, b in itertools.pairwise(ordered)}


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _hours_details(old: Sequence[m.TimeRange], new: Sequence[m.TimeRange]) -> tuple[Detail, ...]:
    """Breaks added or removed, opening and closing times moved, hours per day."""
    out: list[Detail] = []
    go, gn = _gaps(old), _gaps(new)
    out += [Detail("break_removed", {"start": _hhmm(a), "end": _hhmm(b)}) for a, b in sorted(go - gn)]
    out += [Detail("break_added", {"start": _hhmm(a), "end": _hhmm(b)}) for a, b in sorted(gn - go)]
    if old and new:
        o0, n0 = min(r.start.minutes for r in old), min(r.start.minutes for r in new)
        o1, n1 = max(r.end.minutes for r in old), max(r.end.minutes for r in new)
        if o0 != n0:
            out.append(Detail("opens", {"old": _hhmm(o0), "new": _hhmm(n0)}))
        if o1 != n1:
            out.append(Detail("closes", {"old": _hhmm(o1), "new": _hhmm(n1)}))
    total_o = sum(r.end.minutes - r.start.minutes for r in old)
    total_n = sum(r.end.minutes - r.start.minutes for r in new)
    if total_o != total_n:
        out.append(Detail("hours_a_day", {"old": f"{total_o / 60:g}", "new": f"{total_n / 60:g}"}))
    return tuple(out)


def diff_models(old: m.PolicyModel, new: m.PolicyModel) -> list[Change]:
    """Every difference in meaning between two policy models, in the order of NEW's declarations."""
    olds = {(s, k): n for s, k, n in _entities(old)}
    news = {(s, k): n for s, k, n in _entities(new)}
    changes: list[Change] = []
    order = list(news) + [key for key in olds if key not in news]
    for section, key in order:
        o, n = olds.get((section, key)), news.get((section, key))
        if o is None and n is not None:
            label = getattr(n, "label", None)
            article = _article_of(section, key, n)
            changes.append(Change("added", section, key, None, new=n, article=article, label=label, when=_when(n)))
            continue
        if n is None and o is not None:
            label = getattr(o, "label", None)
            article = _article_of(section, key, o)
            changes.append(Change("removed", section, key, None, old=o, article=article, label=label, when=_when(o)))
            continue
        assert o is not None and n is not None
        article = _article_of(section, key, n)
        for field in type(n).model_fields:
            if m.is_span_field(field):
                continue
            ov, nv = getattr(o, field), getattr(n, field)
            if _plain(ov, field) == _plain(nv, field):
                continue
            if isinstance(o, m.Attribute) and isinstance(n, m.Attribute) and field == "labels":
                changes += _value_labels(o, n, article)
                continue
            details: tuple[Detail, ...] = ()
            if section == "calendar" and field == "hours":
                details = _hours_details(ov, nv)
            label = getattr(n, "label", None)
            changes.append(Change("changed", section, key, field, ov, nv, article, details, label, _when(n)))
    return changes


def _value_labels(old: m.Attribute, new: m.Attribute, article: int | None) -> list[Change]:
    """A change per value of an attribute whose label changed (issue 16); a value added or removed
    is a change of ``values``."""
    before = {v.name: v for v in old.labels}
    return [
        Change("changed", "attribute", new.name, "labels", was, v, article, (), new.label)
        for v in new.labels
        for was in [before.get(v.name)]
        if was is not None and m.meaning(was.label) != m.meaning(v.label)
    ]


def _when(node: m.Node) -> m.Condition | None:
    """The ``when`` of a rule of a priority (None for every other declaration)."""
    return node.when if isinstance(node, m.Priority) else None


def jsonable(value: Any, field: str) -> Any:
    """A value by meaning for JSON: sets (unordered fields) as lists of their members."""
    if value is None:
        return None
    plain = _plain(value, field)
    if field in UNORDERED and isinstance(plain, list):
        return [json.loads(x) for x in plain]
    return plain

"""Version history: what changed in meaning between consecutive policy versions.

Design notes
------------
* Article 5 lets the Company change the SLA; readers need to see what changed.
  Versions of one policy (same ``sla "name"``) are ordered by effective date and
  each is compared with the one before it.
* The changes are those ``sla diff`` finds (:func:`sla_dsl.authoring.diff_changes.diff_models`),
  so the site and the command never disagree on what changed in meaning: every
  section of the model, a rule of a priority with ``when`` as its own declaration
  (``P1 when plan = premium``), attributes (values, default, labels of values)
  and declared event types included.
* The site keeps its own wording: a change is reported as the field path (inside
  the changed field, by meaning, spans ignored) with the old and new value,
  formatted for people where the value is a duration, a time of day or a label.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic_core import to_jsonable_python

from ..authoring import diff_changes as dc
from ..lang import model as m
from . import text as tx

__all__ = ["Change", "diff"]

#: The site's kind of a declaration for each section of :func:`diff_models`.
_KINDS: dict[str, str] = {
    "header": "header",
    "article": "articles",
    "calendar": "calendars",
    "service": "services",
    "planned_stop": "planned_stops",
    "maintenance": "maintenance",
    "clock": "clocks",
    "priority": "priorities",
    "attribute": "attributes",
    "event_type": "event_types",
    "notify": "notifications",
    "backup": "backups",
    "exclude": "exclusions",
    "item": "items",
}

_KIND_WORDS: dict[str, tuple[str, str]] = {
    "header": ("ヘッダー", "header"),
    "articles": ("条", "article"),
    "calendars": ("カレンダー", "calendar"),
    "services": ("サービス", "service"),
    "planned_stops": ("計画停止", "planned stop"),
    "maintenance": ("定期メンテナンス", "maintenance"),
    "clocks": ("起算点", "clock"),
    "priorities": ("優先度", "priority"),
    "notifications": ("通知", "notification"),
    "backups": ("バックアップ", "backup"),
    "exclusions": ("適用外", "exclusion"),
    "items": ("SLA 項目", "item"),
    "attributes": ("属性", "attribute"),
    "event_types": ("イベント種別", "event type"),
}


@dataclass(frozen=True)
class Change:
    """One difference: ``kind`` ``name`` had ``path`` change from ``old`` to ``new``."""

    kind: str
    name: str
    status: str  # "added", "removed" or "changed"
    path: str = ""
    old: Any = None
    new: Any = None

    def describe(self, lang: str) -> str:
        """One line for people (HTML-escaped)."""
        ja, en = _KIND_WORDS.get(self.kind, (self.kind, self.kind))
        what = (
            f"{ja if lang == 'ja' else en} <code>{tx.esc(self.name)}</code>"
            if self.name
            else (ja if lang == "ja" else en)
        )
        if self.status != "changed":
            return f"{what}: {tx.t(self.status, lang)}"
        field = f" <code>{tx.esc(self.path)}</code>" if self.path else ""
        return f"{what}{field}: {tx.esc(plain(self.old, lang))} → {tx.esc(plain(self.new, lang))}"


def plain(value: Any, lang: str) -> str:
    """A value from :func:`meaning` as people write it."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        if {"amount", "unit"} <= value.keys():
            d = m.Duration(amount=value["amount"], unit=value["unit"], calendar=value.get("calendar"))
            return tx.duration(d, lang)
        if value.keys() == {"minutes"}:
            return str(m.ClockTime(minutes=value["minutes"]))
        if {"start", "end"} == value.keys() and isinstance(value["start"], dict):
            return f"{plain(value['start'], lang)}-{plain(value['end'], lang)}"
        if {"ja", "en"} == value.keys():
            return str(value["ja"] if lang == "ja" and value["ja"] else value["en"] or value["ja"] or "")
        if value.get("kind") == "nth_weekday":
            on = m.NthWeekday(nth=value["nth"], weekday=value["weekday"])
            return tx.recurrence(on, lang)
        return ", ".join(f"{k} {plain(v, lang)}" for k, v in value.items() if k != "kind")
    if isinstance(value, list):
        return ", ".join(plain(v, lang) for v in value) or "—"
    return str(value)


def _walk(path: str, old: Any, new: Any) -> Iterator[tuple[str, Any, Any]]:
    if old == new:
        return
    atomic = (
        not isinstance(old, dict)
        or not isinstance(new, dict)
        or {"amount", "unit"} <= old.keys()
        or old.keys() == {"minutes"}
        or old.keys() == {"ja", "en"}
        or old.get("kind") != new.get("kind")
    )
    if atomic:
        yield path, old, new
        return
    for key in dict.fromkeys([*old, *new]):
        yield from _walk(f"{path}.{key}" if path else key, old.get(key), new.get(key))


def _data(value: Any) -> Any:
    """A field's value by meaning: plain data as :func:`meaning` gives it, spans dropped."""

    def strip(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k != "span"}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    return strip(to_jsonable_python(value))


def _value_words(model: m.PolicyModel, attribute: str, names: Any) -> Any:
    """Values of an attribute by their labels in ``model`` (a value without one by its name), as text pairs."""

    def pair(name: str) -> dict[str, str]:
        return {lang: model.value_text(attribute, name, lang) for lang in ("ja", "en")}

    if isinstance(names, str):
        return pair(names)
    if isinstance(names, tuple | list):
        return [pair(n) for n in names]
    return names


def _change(c: dc.Change, old: m.PolicyModel, new: m.PolicyModel) -> Iterator[Change]:
    kind = _KINDS.get(c.section, c.section)
    if c.op != "changed":
        yield Change(kind, c.key, c.op)
        return
    path = c.field or ""
    before, after = _data(c.old), _data(c.new)
    if c.section == "attribute" and c.field in ("values", "default"):  # by their labels, as `sla diff` says them
        before, after = _value_words(old, c.key, c.old), _value_words(new, c.key, c.new)
    if c.section == "attribute" and c.field == "labels" and isinstance(c.new, m.AttributeValue):
        path = f"labels.{c.new.name}"  # the label of one value (issue 16)
    # a change ``sla diff`` finds is never left out, even one the walk cannot place inside the field
    for where, x, y in list(_walk(path, before, after)) or [(path, before, after)]:
        yield Change(kind, c.key, "changed", where, x, y)


def diff(old: m.PolicyModel, new: m.PolicyModel) -> list[Change]:
    """Every difference in meaning from ``old`` to ``new``: those of ``sla diff``, in the site's words."""
    return [change for c in dc.diff_models(old, new) for change in _change(c, old, new)]

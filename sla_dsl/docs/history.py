"""Version history: what changed in meaning between consecutive policy versions.

Design notes
------------
* Article 5 lets the Company change the SLA; readers need to see what changed.
  Versions of one policy (same ``sla "name"``) are ordered by effective date and
  each is compared with the one before it.
* The comparison is by meaning (:func:`sla_dsl.lang.model.meaning`, spans ignored),
  declaration by declaration, keyed by what names a declaration (a calendar's
  name, a priority's id, an item's number). A change is reported as the field
  path with the old and new value, formatted for people where the value is a
  duration, a time of day or a label.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..lang import model as m
from . import text as tx

__all__ = ["Change", "diff"]

#: Sections of a model and the field that names each declaration in it.
_KEYS: tuple[tuple[str, str], ...] = (
    ("articles", "number"),
    ("calendars", "name"),
    ("services", "name"),
    ("planned_stops", "name"),
    ("maintenance", "name"),
    ("clocks", "name"),
    ("priorities", "id"),
    ("notifications", "name"),
    ("backups", "kind"),
    ("exclusions", "cause"),
    ("items", "number"),
)

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


def diff(old: m.PolicyModel, new: m.PolicyModel) -> list[Change]:
    """Every difference in meaning from ``old`` to ``new``."""
    out: list[Change] = []
    a, b = m.meaning(old), m.meaning(new)
    for path, x, y in _walk("", a["header"], b["header"]):
        out.append(Change("header", "", "changed", path, x, y))
    for section, key in _KEYS:
        before = {str(d[key]): d for d in a[section]}
        after = {str(d[key]): d for d in b[section]}
        for name in dict.fromkeys([*before, *after]):
            if name not in after:
                out.append(Change(section, name, "removed"))
            elif name not in before:
                out.append(Change(section, name, "added"))
            else:
                for path, x, y in _walk("", before[name], after[name]):
                    out.append(Change(section, name, "changed", path, x, y))
    return out

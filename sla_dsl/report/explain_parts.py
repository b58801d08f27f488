"""The parts every explanation of ``sla explain`` is made of: the item's events, the explanation itself, a
step of a contract event in the policy's words, the article line, the note that no version was in force yet
(:mod:`.explain` for incidents, backups and violations, :mod:`.explain_outages` for outages and planned
stops)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..events.schema import PAYLOAD, RANK, TYPES, Rec
from ..i18n import format_date
from ..lang import model as m
from .violation_words import (
    instant,
)
from .words import PolicyWords, ref_number


def step(w: PolicyWords, event: str, key: str, **fields: object) -> str:
    """The step of contract event ``event`` in the catalogue's sentence ``key``; where the policy gives the
    type words of its own (``event outage.notified "…" / "…"``), the variant ``key.relabelled`` naming it
    by them (``{event}``), or for a sentence with nothing more to say ``“…” recorded``."""
    if not w.relabelled(event):
        return w.m(key, **fields)
    said = w.event_plain(event)
    return w.m(f"{key}.relabelled", event=said, **fields) if fields else w.m("explain.declared_event", event=said)


class Event(NamedTuple):
    """One event of the item: when, its type and its payload fields."""

    at: dt.datetime
    type: str
    fields: dict[str, Any]


class Explanation(NamedTuple):
    """One explained item: its headline, the article, and its steps in time order; ``note``: that no
    version was in force yet when it began (judged under the earliest given), said under the period."""

    headline: str
    article: str
    steps: list[tuple[dt.datetime | None, str]]
    note: str = ""
    #: deadlines, each dated as the report dates it (:meth:`~.words.PolicyWords.by_end_of`): a midnight as
    #: the end of the day before (``11月18日(水)まで``), on a line of its own before the steps of its instant
    deadlines: tuple[tuple[dt.datetime, str], ...] = ()
    #: lines said after the steps, a line each, undated: a measurement period's computation
    #: (:mod:`.explain_availability`)
    summary: tuple[str, ...] = ()


def events_of(recs: Sequence[Rec], tz: dt.tzinfo) -> list[Event]:
    """The item's records as events in the policy's time zone, in time order."""
    out = []
    rank = RANK[:]  # (at one instant, by the order of types the evaluator reads them in: not by code)
    for r in sorted(recs, key=lambda r: (r[0], rank[r[1]])):
        name = TYPES[r[1]]
        fields = dict(zip(PAYLOAD.get(name, ()), r[2], strict=False))
        out.append(Event(dt.datetime.fromtimestamp(r[0], tz), name, fields))
    return out


def none_yet(w: PolicyWords, start: dt.datetime | None) -> str:
    """That no version was in force yet at ``start`` (the row's clock start, or its start), when so: the row
    is judged under the earliest version given (``w``: the words of the version that judged it), as the
    evaluator's step and ``sla deadline``'s note say it (``no version in force yet: judged under version
    2026.2 (effective 2026-11-16), the earliest given``); else empty."""
    p = w.policy
    if p is None or start is None or (w.policies and p.effective != w.policies[0].effective):
        return ""  # (a later version judges only from its own date: only the earliest judges before it)
    eff = p.effective
    if instant(start) >= instant(dt.datetime(eff.year, eff.month, eff.day, tzinfo=p.tz)):
        return ""
    day = format_date(eff, "ja") if w.lang == "ja" else eff.isoformat()
    return w.m("explain.note", note=w.m("cli.versions.none_yet", version=p.version, effective=day))


def article(w: PolicyWords, ref: str | m.ArticleRef | None, rule: str = "") -> str:
    """``根拠：第3条の(2)（SLA の設定）優先度１``: the article once, above the steps."""
    num = ref_number(ref)
    if num is None:
        return ""
    return w.m("explain.rule", article=w.article_ref(num), title=w.article_title(num), rule=rule).rstrip(", ")

"""Outage rows word each instant once, straight from ``fromtimestamp`` (``outages._when``), and hand
the words on (the steps, the outage row, its notice rows and the violation share them).

Held against the reference wording, :meth:`Rules.stamp`: the same text and datetime for every kind of
instant and zone; the same rows, violations and JSON on the example month and on generated outages
(every notice path: met, breached, open, outside business hours, not recognised, excluded, open
outages, a second notify rule with ``when``) when every instant is worded by ``Rules.stamp``; and each
row's instants are those of its own events.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.evaluation import outages
from sla_dsl.evaluation.common import Rules
from sla_dsl.report import Report

from .helpers import ROOT, TZ, policy
from .test_times import ZONES, _epochs


def _stamped(rules: Rules, epoch: float) -> tuple[str, dt.datetime]:
    """The reference: an instant as :meth:`Rules.stamp` words it."""
    text, at, _ = rules.stamp(epoch, False)
    assert isinstance(at, dt.datetime)
    return text, at


@pytest.mark.parametrize("zone", ZONES)
def test_when_is_what_stamp_gives(zone: str) -> None:
    rules = Rules(policy())
    rules.tz = ZoneInfo(zone)
    for e in _epochs(rules.tz):
        text, at = outages._when(rules, e)
        want_text, want = _stamped(rules, e)
        assert text == want_text == rules.fmt(e), e
        assert (at.replace(tzinfo=None), at.fold, at.utcoffset(), at.isoformat()) == (
            want.replace(tzinfo=None),
            want.fold,
            want.utcoffset(),
            want.isoformat(),
        ), e
        assert at.tzinfo is want.tzinfo


def _at(base: dt.datetime, minutes: float) -> str:
    return (base + dt.timedelta(minutes=minutes)).isoformat()


def _generated(seed: int, n: int = 150, plans: bool = False) -> list[dict[str, Any]]:
    """Outages over November with recognition and notice at any hour (whole minutes, odd seconds and
    fractions of a second), some never recognised or notified, some notified first, some open or
    excluded, some ending before they start."""
    rnd = random.Random(seed)
    nov = dt.datetime(2026, 11, 1, tzinfo=TZ)
    out: list[dict[str, Any]] = []
    for k in range(n):
        ident = f"G-{k:03d}"
        start = rnd.uniform(-2 * 1440, 31 * 1440)
        start = round(start) if rnd.random() < 0.6 else round(start, 3)
        started: dict[str, Any] = {"event": "outage.started", "at": _at(nov, start), "id": ident}
        cause = rnd.choice([None, "failure", "failure", "emergency", "force_majeure"])
        if cause:
            started["cause"] = cause
        if plans and rnd.random() < 0.7:
            started["attributes"] = {"plan": rnd.choice(["standard", "premium"])}
        out.append(started)
        if rnd.random() < 0.85:
            out.append({"event": "outage.ended", "at": _at(nov, start + rnd.uniform(-30, 600)), "id": ident})
        rec = start + (rnd.uniform(-5, 40) if rnd.random() < 0.3 else rnd.uniform(-5, 900))
        if rnd.random() < 0.85:
            out.append({"event": "outage.recognized", "at": _at(nov, rec), "id": ident})
        if rnd.random() < 0.75:
            late = rnd.uniform(-20, 25) if rnd.random() < 0.3 else rnd.uniform(-20, 600)
            out.append({"event": "outage.notified", "at": _at(nov, rec + late), "id": ident})
    return out


@cache
def _cases() -> list[tuple[str, Any, list[dict[str, Any]], str | None]]:
    """(name, policy, events, as_of) of the example month and of generated outages."""
    lines = (ROOT / "examples" / "events-2026-11.jsonl").read_text().splitlines()
    month = [json.loads(line) for line in lines if line.startswith("{")]
    plans = sla_dsl.load_policy(ROOT / "policies" / "examples" / "plans.sla")
    return [
        ("month", policy(), month, None),
        ("month-as-of", policy(), month, "2026-11-20T15:00:00+09:00"),
        ("generated", policy(), _generated(1), None),
        ("generated-as-of", policy(), _generated(2), "2026-11-18T11:00:00+09:00"),
        ("plans", plans, _generated(3, plans=True), "2026-11-25T16:30:00+09:00"),
    ]


def _judge(pol: Any, events: list[dict[str, Any]], as_of: str | None) -> Report:
    start, end = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
    return sla_dsl.evaluate(pol, events, start, end, dt.datetime.fromisoformat(as_of) if as_of else None)


@pytest.mark.parametrize("case", range(len(_cases())), ids=[c[0] for c in _cases()])
def test_rows_are_those_of_the_reference_wording(case: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _, pol, events, as_of = _cases()[case]
    fast = _judge(pol, events, as_of)
    monkeypatch.setattr(outages, "_when", _stamped)
    slow = _judge(pol, events, as_of)
    assert fast.outages, "no outage rows"
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.outages == slow.outages
    assert fast.violations == slow.violations
    for a, b in zip(fast.outages, slow.outages, strict=True):
        assert a.model_fields_set == b.model_fields_set
        assert [s.model_fields_set for s in a.explain] == [s.model_fields_set for s in b.explain]
        assert [n.model_fields_set for n in a.notices] == [n.model_fields_set for n in b.notices]
        assert [n.attributes for n in a.notices] == [n.attributes for n in b.notices]  # not in the JSON


def _first(events: list[dict[str, Any]], ident: str, name: str, as_of: dt.datetime) -> dt.datetime | None:
    """The earliest ``name`` event of ``ident`` by ``as_of`` (later ones are not read)."""
    ats = [dt.datetime.fromisoformat(e["at"]) for e in events if e.get("id") == ident and e["event"] == name]
    return min((a for a in ats if a <= as_of), default=None)


@pytest.mark.parametrize("case", range(len(_cases())), ids=[c[0] for c in _cases()])
def test_each_row_names_its_own_instants(case: int) -> None:
    _, pol, events, as_of = _cases()[case]
    report = _judge(pol, events, as_of)
    cut = dt.datetime.fromisoformat(as_of) if as_of else dt.datetime(2026, 12, 1, tzinfo=TZ)
    breached = {v.id: v for v in report.violations if v.kind == "notice_breached"}
    seen = set()
    for row in report.outages:
        first = row.notices[0]
        assert first.name == "recovery"
        assert (first.status, first.due) == (row.notice_status, row.notice_due)
        assert row.start == _first(events, row.id, "outage.started", cut)
        if row.notice_status == "excluded":
            assert (row.recognized_at, row.notified_at, row.notice_due) == (None, None, None)
            continue
        notified = _first(events, row.id, "outage.notified", cut)
        if row.notice_status in ("not_applicable", "open") and row.notice_due is None:
            assert row.recognized_at in (None, _first(events, row.id, "outage.recognized", cut))
        else:
            assert row.recognized_at == _first(events, row.id, "outage.recognized", cut)
        if row.recognized_at is not None or notified is not None:
            assert row.notified_at == notified
        for target in row.notices:  # the first rule's row and any other's (``first_report`` of plans)
            if target.status in ("met", "breached"):  # (the first notice at or after what the rule counts from)
                sent = [
                    dt.datetime.fromisoformat(e["at"])
                    for e in events
                    if e.get("id") == row.id and e["event"] == "outage.notified"
                ]
                if target.met_at is not None:
                    assert notified is not None and target.met_at in sent and target.met_at >= notified
            else:
                assert target.met_at is None
            if target.status in ("excluded", "not_applicable"):
                assert target.due is None
        if row.id in breached and row.notice_status == "breached":
            assert breached[row.id].at == row.notice_due  # the violation is dated when the notice fell due
            seen.add(row.id)
        for step in row.explain:  # each step dated by the instant it names
            if step.text.startswith("started "):
                assert step.at == row.start
            elif step.text.startswith("ended "):
                assert step.at == row.end
            elif "hours: the notice target does not apply" in step.text:
                assert step.at == row.recognized_at is not None
            elif "; notice due " in step.text:
                assert step.at == row.notice_due is not None
            elif step.text.startswith("notified "):
                assert step.at == row.notified_at is not None
            else:
                assert step.at is None, step
    assert seen or case in (0, 1)

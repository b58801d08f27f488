"""``sla explain PRIORITY:TARGET:YYYY-MM-DD``: a row of the report's service credits per missed target.

Design notes
------------
* The id of a row of ``breach_credits`` is its key in a test file (:func:`~.periods.breach_credit_key`):
  the priority, the target (``@CLOCK`` for one on a named clock) and the first day of the row's whole
  measurement period (``P1:respond:2026-12-01``, ``P1:resolve@resolution:2026-10-01``), then the rule's
  condition for a rule with ``when`` (``P1:respond:2026-12-01:plan=enterprise``). Where two versions' rows
  share a key, ``:version=V`` after it names the row whose credit line is version ``V``'s, as its
  ``policy_versions`` column lists it (any of those versions), as ``sla test`` names it; the key alone
  explains each of them. A ``V`` that names none of them is refused with the ids that would
  (:func:`version_ids`).
* The explanation says the report's row, never a second computation of it: the row's breaches, credit per
  breach, cap, shared cap and credit are the evaluator's (:mod:`sla_dsl.evaluation.breach_credits`). Each
  incident counted is a step at its target's due time (the plain response target's ``response_due`` and
  response, a named target's ``due`` and ``met_at``, from the incident's row); then, undated, the credit line
  in words with the rule and the versions it is of (:func:`~.breach_credits.row_versions`), the breaches times
  the credit per breach, and the credit owed: within the cap, the cap applied, the whole fee at most, what is
  left under a cap the period's rows share. A period the evaluated one cuts owes nothing here: said in the
  words of the report's table, with the ``--from`` and ``--to`` of a report over the whole period. Under the
  header's cap on the sum of a period's credits, a last line says the period's total, the cap and what is
  owed in all (:mod:`.explain_credit_total`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ..lang import model as lm
from . import BreachCreditRow, IncidentRow, Report
from .breach_credits import breach_credit_names, cut_short, row_versions
from .explain_credit_total import credit_total_line
from .explain_parts import Explanation
from .periods import breach_credit_key, compact
from .words import PolicyWords, ref_number

#: what follows a key two versions' rows share, naming one of them (``sla test``'s form)
VERSION = ":version="

_KINDS = ("respond", "resolve", "first_reply", "update")


def credit_key(row: BreachCreditRow) -> str:
    """The row's key: its id for ``sla explain`` (``P1:respond:2026-12-01:plan=enterprise``)."""
    return breach_credit_key(row.model_dump(mode="json"))


def credit_shaped(ident: str) -> bool:
    """Whether ``ident`` has the form of a row's key: ``PRIORITY:TARGET:YYYY-MM-DD...``."""
    parts = ident.split(":")
    return len(parts) >= 3 and parts[1].partition("@")[0] in _KINDS and _day(parts[2]) is not None


def credit_day(ident: str) -> dt.date | None:
    """The day a row's key names (its period's first day); None for an id of another form."""
    return _day(ident.split(":")[2]) if credit_shaped(ident) else None


def credit_months(ident: str, models: Sequence[lm.PolicyModel]) -> int:
    """The months of the measurement period a row's key names, as the credit lines of ``models`` (the
    versions) that could give the row state it: 3 when one is quarterly (``at most 30% quarterly``) and the
    day is a quarter's first, else 1 (a month; a line ``per period`` is measured over the period judged)."""
    day = credit_day(ident)
    if day is None:
        return 1
    parts = ident.partition(VERSION)[0].split(":")
    kind, _, clock = parts[1].partition("@")
    when = ":".join(parts[3:]) or None
    quarterly = any(
        c.kind == kind
        and (c.clock or "") == clock
        and c.period is lm.MeasurePeriod.QUARTER
        and (compact(str(r.when)) if r.when is not None else None) == when
        for md in models
        for r in md.rules_of(parts[0])
        for c in r.breach_credits
    )
    return 3 if quarterly and day.month % 3 == 1 and day.day == 1 else 1


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def credit_rows(
    report: Report, ident: str, judged_by: Mapping[str, str], versions: Sequence[str] = ()
) -> list[BreachCreditRow]:
    """The rows of ``breach_credits`` ``ident`` names: those of that key, or with ``:version=V`` the one of
    them whose credit line is version ``V``'s (:func:`_named_by`)."""
    if not report.breach_credits or not credit_shaped(ident):
        return []
    base, sep, version = ident.partition(VERSION)
    rows = [r for r in report.breach_credits if credit_key(r) == base]
    if not sep:
        return rows
    return [r for r in rows if version in _named_by(r, judged_by, versions)]


def version_ids(report: Report, ident: str, judged_by: Mapping[str, str], versions: Sequence[str] = ()) -> list[str]:
    """The ids with ``:version=V`` that name a row of the key of ``ident`` (its ``:version=`` part left
    out): ``P1:respond:2026-11-01:version=2026.2``, one per version that names a row (:func:`_named_by`), by
    effective date (``versions``); none when no row has the key. What a refusal of a version that names none
    of them lists."""
    if not report.breach_credits or not credit_shaped(ident):
        return []
    base = ident.partition(VERSION)[0]
    rows = [r for r in report.breach_credits if credit_key(r) == base]
    rank = {v: k for k, v in enumerate(versions)}
    named = {v for r in rows for v in _named_by(r, judged_by, versions)}
    return [f"{base}{VERSION}{v}" for v in sorted(named, key=lambda v: (rank.get(v, len(rank)), v))]


def _named_by(row: BreachCreditRow, judged_by: Mapping[str, str], versions: Sequence[str]) -> list[str]:
    """The versions whose ``:version=V`` names ``row``: those its ``policy_versions`` lists (whose credit line
    it is, as the report shows it); for a row whose column is empty (read back from a JSON written without
    it), the version that judged its incidents (``judged_by``: each incident's version; ``versions``: the
    versions by effective date, the earliest of several naming it)."""
    if row.policy_versions:
        return list(row.policy_versions)
    rank = {v: k for k, v in enumerate(versions)}
    used = {judged_by[i] for i in row.incidents if i in judged_by}
    return [min(used, key=lambda v: (rank.get(v, len(rank)), v))] if used else []


def credit_ids(report: Report) -> list[str]:
    """The keys of the report's rows of ``breach_credits``, each once, in its order."""
    return list(dict.fromkeys(credit_key(r) for r in report.breach_credits))


def _pct(value: float) -> str:
    return f"{round(value, 9):g}%"


def explain_credit(
    row: BreachCreditRow, report: Report, w: PolicyWords, incidents: Mapping[str, IncidentRow]
) -> Explanation:
    """The explanation of one row of ``breach_credits`` (``incidents``: the rows of the incidents it counts)."""
    priority, target, period = breach_credit_names(w, row)
    cut = cut_short(report, row)
    credit = _pct(row.credit)
    key = "explain.credit.head.cut" if cut else "explain.credit.head" + ("" if row.complete else ".open")
    head = w.m(key, priority=priority, target=target, period=period, credit=credit)
    steps: list[tuple[dt.datetime | None, str]] = []
    for n, ident in enumerate(row.incidents, 1):
        due, done = _due(row, incidents.get(ident))
        of = "respond" if row.clock is None else "clock"
        outcome = (
            w.m(f"explain.credit.done.{of}", at=w.t(done)) if done is not None else w.m(f"explain.credit.not_done.{of}")
        )
        steps.append((due, w.m("explain.credit.breach", id=ident, n=n, outcome=outcome)))
    num = ref_number(row.ref)
    article = (
        ""
        if num is None
        else w.m("explain.rule", article=w.article_ref(num), title=w.article_title(num), rule=priority)
    )
    return Explanation(head, article, steps, summary=tuple(_summary(row, report, w, cut)))


def _due(row: BreachCreditRow, inc: IncidentRow | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """When the incident's target the row is of fell due, and when it was met (late) if it was: the plain
    response target's ``response_due`` and response, a named target's ``due`` and ``met_at``."""
    if inc is None:
        return None, None
    if row.clock is None:
        return inc.response_due, inc.responded_at
    found = next((t for t in inc.targets if t.kind == row.target and t.clock == row.clock), None)
    return (found.due, found.met_at) if found is not None else (None, None)


def _summary(row: BreachCreditRow, report: Report, w: PolicyWords, cut: bool) -> list[str]:
    """The credit line and its versions, the breaches times the credit per breach, and what is owed."""
    kind = {"month": "month", "quarter": "quarter"}.get(row.period, "whole")
    per, every = _pct(row.per_breach), w.m(f"explain.credit.per.{kind}")
    versions = w.m("report.breach_credits.sep").join(v.policy.version for v in row_versions(w, row) if v.policy)
    line = (
        w.m("explain.credit.line.cap", per=per, cap=_pct(row.cap), every=every, versions=versions or "-")
        if row.cap is not None
        else w.m("explain.credit.line", per=per, every=every, versions=versions or "-")
    )
    total = row.breaches * row.per_breach
    out = [line]
    if cut:  # (the report's words: its cap is the whole period's, so a report over all of it settles it)
        incidents = w.m("report.breach_credits.sep").join(row.incidents)
        num = ref_number(row.ref)
        ref = w.article_ref(num) if num is not None else w.m("report.breach_credits.no_article")
        out.append(w.m("report.breach_credits.explain.cut", n=row.breaches, incidents=incidents, ref=ref))
        out.append(w.m("explain.credit.whole", start=row.start.date().isoformat(), end=row.end.date().isoformat()))
        return out
    out.append(w.m("explain.credit.sum", n=row.breaches, per=per, sum=_pct(total)))
    credit = _pct(row.credit)
    bound = min(total, row.cap if row.cap is not None else 100.0, 100.0)
    if row.cap is not None and total > row.cap:
        out.append(w.m("explain.credit.capped", cap=_pct(row.cap), credit=_pct(bound)))
    elif total > 100.0:
        out.append(w.m("explain.credit.whole_fee", credit=_pct(bound)))
    elif row.cap is not None:
        out.append(w.m("explain.credit.within", cap=_pct(row.cap), credit=_pct(bound)))
    if row.shared_cap is not None and row.credit < bound - 1e-9:  # (the period's rows settled in turn under one cap)
        out.append(w.m("explain.credit.shared", shared=_pct(row.shared_cap), credit=credit))
    out.append(w.m("explain.credit.owed" if row.complete else "explain.credit.owed.open", credit=credit))
    capped = credit_total_line(report, w, row.start, row.end, row.credit)  # (the cap on the period's sum)
    return [*out, capped] if capped else out

"""The customer report's sections on availability per measurement period and service credits.

Design notes
------------
* Two tables, shown only when the report has rows for them: the availability
  of each measured service per period (month, quarter or the evaluated
  period) against its target, and the credits owed, each with its
  explanation: the availability figure, the tier it fell below, the article.
  A figure is never rounded up to the target or tier it is below
  (:func:`.words.percent_against`): 99.49996% is ``99.4999%`` beside
  ``99.5%``, not ``99.5000%``.
* A row's service, and whom its target is for, are worded by the version that judged its period
  (:func:`.periods.period_words`), not by the one in force at ``from``: the target without ``when``
  of a month judged by a version that adds a premium target reads "(other customers)".
* Every word is in Japanese and English in the catalogue (``report.credits.*``,
  :mod:`sla_dsl.i18n.tables`); a test renders
  both and finds no English on the Japanese page but the service names and
  figures.
"""

from __future__ import annotations

from . import AvailabilityPeriod, CreditRow, Report
from .conditions import for_whom
from .parts import Part
from .periods import period_range, period_words
from .words import Cell, PolicyWords, percent_against, ref_number


def _w(w: PolicyWords, key: str, **params: object) -> str:
    """This table's catalogue text ``report.credits.<key>`` in the report's language."""
    return w.m(f"report.credits.{key}", **params)


def _pct(value: float) -> str:
    return f"{value:g}%"


def _ref(w: PolicyWords, ref: str | None) -> str:
    if not ref:
        return _w(w, "no_article")
    num = ref_number(ref)  # (as the rule column writes it: `[art 3.2]` is 第3条の(2))
    return w.article_ref(num if num is not None else ref.removeprefix("Article ").strip())


def _service(w: PolicyWords, name: str, when: str | None = None) -> str:
    """The service's label in the report's language (its name when the policy gives none), with the
    customers of its target with ``when`` (issue 13), or the other customers for its target without
    ``when`` when it also has targets with one; ``w`` are the words of the version that judged the row
    (:func:`_judged`), which names the service when it has it, else the version that defines it (a
    service only a version from mid-period has is named by its label, not its id)."""
    sw = w.defining(lambda md: any(s.name == name for s in md.services))
    svc = next((s for s in (sw.model.services if sw.model else ()) if s.name == name), None)
    label = (svc.label.text(sw.lang) if svc else "") or name
    who = for_whom(w, name, when)
    if not who:
        return label
    return f"{label}（{who}）" if w.lang == "ja" else f"{label} ({who})"


def _judged(report: Report, w: PolicyWords, row: AvailabilityPeriod | CreditRow) -> PolicyWords:
    """The words of the version that judged a period row, or the period a credit is for
    (:func:`.periods.period_words`: the version in force when its measurement period began, not the one
    at ``from``); a credit whose period the report does not list, the version in force at its start."""
    if isinstance(row, AvailabilityPeriod):
        return period_words(w, row)
    at = row.start.timestamp()
    found = (
        p
        for p in report.availability_periods
        if p.service == row.service and p.when == row.when and p.start.timestamp() == at
    )
    p = next(found, None)
    return period_words(w, p) if p is not None else w.at(row.start.date())


def _period(w: PolicyWords, p: AvailabilityPeriod | CreditRow, kind: str | None = None) -> str:
    return period_range(w, p.start, p.end, kind)


def credit_parts(report: Report, w: PolicyWords) -> list[Part]:
    """The availability-per-period table and the credits table (none when there is nothing to show)."""
    out: list[Part] = []
    if report.availability_periods:
        rows: list[list[Cell]] = []
        for p in report.availability_periods:
            kind = {"month": "month", "quarter": "quarter"}.get(p.period, "whole")
            if not p.complete:
                result = _w(w, "open")
            elif p.met is None:
                result = "-"
            else:
                result = _w(w, "met" if p.met else "below")
            rows.append(
                [
                    _service(_judged(report, w, p), p.service, p.when),
                    _period(w, p, _w(w, kind)),
                    percent_against(p.ratio, p.target, 4),  # never rounded up to the target it is below
                    _pct(p.target) if p.target is not None else "-",
                    result,
                ]
            )
        header = [_w(w, k) for k in ("service", "period", "ratio", "target", "result")]
        out.append(Part(_w(w, "periods"), header, rows, key="availability-periods", numeric=(2, 3)))
    if report.availability_periods and any(p.target is not None for p in report.availability_periods):
        credit_rows: list[list[Cell]] = [
            [
                _service(_judged(report, w, c), c.service, c.when),
                _period(w, c),
                percent_against(c.ratio, c.below, 4),  # below the tier it fell in, as the reason says
                _pct(c.credit_percent),
                _w(
                    w,
                    "explain",
                    ratio=percent_against(c.ratio, c.below, 4),
                    below=_pct(c.below),
                    credit=_pct(c.credit_percent),
                    ref=_ref(w, c.ref),
                ),
            ]
            for c in report.credits
        ]
        # (no credit: every renderer says the table is empty, once: no note saying "none" again)
        header = [_w(w, k) for k in ("service", "period", "ratio", "credit", "why")]
        out.append(Part(_w(w, "credits"), header, credit_rows, key="credits", numeric=(2, 3)))
    return out

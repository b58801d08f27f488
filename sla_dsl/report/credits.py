"""The customer report's sections on availability per measurement period and service credits.

Design notes
------------
* Two tables, shown only when the report has rows for them: the availability
  of each measured service per period (month, quarter or the evaluated
  period) against its target, and the credits owed, each with its
  explanation: the availability figure, the tier it fell below, the article.
* Every word is in Japanese and English here (:data:`WORDS`); a test renders
  both and finds no English on the Japanese page but the service names and
  figures.
"""

from __future__ import annotations

from . import AvailabilityPeriod, CreditRow, Report
from .conditions import for_whom
from .sections import Part
from .words import Cell, PolicyWords

WORDS: dict[str, dict[str, str]] = {
    "ja": {
        "periods": "サービス別・測定期間別の稼働率",
        "credits": "サービスクレジット",
        "service": "サービス",
        "period": "測定期間",
        "ratio": "稼働率",
        "target": "目標",
        "result": "結果",
        "credit": "クレジット",
        "why": "根拠",
        "met": "達成",
        "below": "未達",
        "open": "集計中",
        "month": "月次",
        "quarter": "四半期",
        "whole": "評価期間",
        "none": "なし",
        "explain": "稼働率 {ratio} が {below} を下回ったため、料金の {credit} をクレジットとして返還（{ref}）",
        "article": "第{n}条",
        "no_article": "条項の指定なし",
    },
    "en": {
        "periods": "Availability per service and measurement period",
        "credits": "Service credits",
        "service": "Service",
        "period": "Period",
        "ratio": "Availability",
        "target": "Target",
        "result": "Result",
        "credit": "Credit",
        "why": "Explanation",
        "met": "met",
        "below": "below target",
        "open": "not final",
        "month": "month",
        "quarter": "quarter",
        "whole": "evaluated period",
        "none": "none",
        "explain": "availability {ratio} is below {below}: {credit} of the fee is credited ({ref})",
        "article": "Article {n}",
        "no_article": "no article given",
    },
}


def _w(w: PolicyWords, key: str, **params: object) -> str:
    text = WORDS.get(w.lang, WORDS["en"])[key]
    return text.format(**params) if params else text


def _pct(value: float) -> str:
    return f"{value:g}%"


def _ref(w: PolicyWords, ref: str | None) -> str:
    if not ref:
        return _w(w, "no_article")
    return _w(w, "article", n=ref.removeprefix("Article ").strip())


def _service(w: PolicyWords, name: str, when: str | None = None) -> str:
    """The service's label in the report's language (its name when the policy gives none), with the
    customers of its target with ``when`` (issue 13)."""
    svc = next((s for s in (w.model.services if w.model else ()) if s.name == name), None)
    label = (svc.label.text(w.lang) if svc else "") or name
    who = for_whom(w, name, when)
    if not who:
        return label
    return f"{label}（{who}）" if w.lang == "ja" else f"{label} ({who})"


def _period(w: PolicyWords, p: AvailabilityPeriod | CreditRow) -> str:
    return f"{w.t(p.start)} - {w.t(p.end)}"


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
                    _service(w, p.service, p.when),
                    f"{_period(w, p)} ({_w(w, kind)})",
                    f"{p.ratio:.4%}",
                    _pct(p.target) if p.target is not None else "-",
                    result,
                ]
            )
        header = [_w(w, k) for k in ("service", "period", "ratio", "target", "result")]
        out.append(Part(_w(w, "periods"), header, rows, key="availability-periods", numeric=(2, 3)))
    if report.availability_periods and any(p.target is not None for p in report.availability_periods):
        credit_rows: list[list[Cell]] = [
            [
                _service(w, c.service, c.when),
                _period(w, c),
                f"{c.ratio:.4%}",
                _pct(c.credit_percent),
                _w(
                    w,
                    "explain",
                    ratio=f"{c.ratio:.4%}",
                    below=_pct(c.below),
                    credit=_pct(c.credit_percent),
                    ref=_ref(w, c.ref),
                ),
            ]
            for c in report.credits
        ]
        notes = () if credit_rows else (_w(w, "none"),)
        header = [_w(w, k) for k in ("service", "period", "ratio", "credit", "why")]
        out.append(Part(_w(w, "credits"), header, credit_rows, notes, key="credits", numeric=(2, 3)))
    return out

"""A violation of a day-based target says why its due time is another than the time the target names, as
``sla explain``'s line of the target does: ``P1 a first reply due Mon 30 Nov 15:00 (that day closes at 15:00):
not done ...`` for ``first reply by 16:00 of 1st business day`` counted from a cycle whose 1st business day
closes at 15:00 (``(that day opens at 17:00)`` for one that opens after it).

Found: the explanation's target line said it (``test_explain_kept_named``), the violation below it and the
report's violations table gave the due time alone. The breach record now keeps the judged cycle's start (the
verdict's, out of the JSON as the whole ``target`` is), so the words are the same whichever judge made the
rows. A response breach says it too, as the response's due step does.
"""

from __future__ import annotations

import datetime as dt

import pytest

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.report import Report
from sla_dsl.report.render import render, render_explain

from .test_explain_kept_named import END, EVENTS, POLICY, START

#: per language: the violations' words that say it (A's first reply, response and resolution; R's first
#: reply, whose cycle after the reset on Fri 27 Nov counts from that Friday)
SAID = {
    "en": (
        "P1 a first reply due Mon 30 Nov 15:00 (that day closes at 15:00): not done",
        "P1 a response due Mon 30 Nov 15:00 (that day closes at 15:00): no response",
        "P1 a resolution due Tue 1 Dec 17:00 (that day opens at 17:00): not done",
    ),
    "ja": (
        "P1 aの初回回答の期限 11月30日(月) 15:00（その日は15:00に終業） を過ぎても未完了",
        "P1 aの応答期限 11月30日(月) 15:00（その日は15:00に終業） を過ぎても応答なし",
        "P1 aの解決の期限 12月1日(火) 17:00（その日は17:00に始業） を過ぎても未完了",
    ),
}


@pytest.fixture(scope="module")
def policy() -> sla_dsl.Policy:
    return sla_dsl.load_policy(POLICY)


def _report(policy: sla_dsl.Policy, batch: bool) -> Report:
    return judge_log([policy], log_from(EVENTS), START, END, batch=batch).report()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_violation_says_why_on_either_path(policy: sla_dsl.Policy, lang: str) -> None:
    texts = []
    for batch in (True, False):
        report = _report(policy, batch)
        rows = [r for r in (*report.incidents, *report.violations) if r.id == "A"]
        texts.append(render_explain(report, rows, "text", lang=lang, policies=[policy]))
    assert texts[0] == texts[1]
    for said in SAID[lang]:
        assert said in texts[0], texts[0]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_violations_table_says_it_of_the_cycle_judged(policy: sla_dsl.Policy, lang: str) -> None:
    for batch in (True, False):
        text = render(_report(policy, batch), "text", lang=lang, policies=[policy])
        lines = text.splitlines()
        # A and R (after its reset) are due at the close of Mon 30 Nov; B at the 16:00 its days hold
        first_reply = SAID[lang][0]
        assert sum(first_reply in x for x in lines) == 2, text
        plain = "P1 a first reply due Wed 25 Nov 16:00: not done" if lang == "en" else "11月25日(水) 16:00 を過ぎても"
        assert any(plain in x for x in lines), text


def test_a_report_read_back_from_its_python_dump_says_it(policy: sla_dsl.Policy) -> None:
    report = _report(policy, True)
    again = Report.model_validate(report.model_dump())
    (first,) = [v for v in again.violations if v.id == "A" and v.target is not None and v.target.kind == "first_reply"]
    assert first.target is not None and first.target.cycle_start == dt.datetime(
        2026, 11, 27, 10, tzinfo=dt.timezone(dt.timedelta(hours=9))
    )
    text = render_explain(again, [first], "text", lang="en", policies=[policy])
    assert SAID["en"][0] in text, text

"""The trend's lines beyond responses, notices, availability and backups (issue 16): named targets,
notices on incident events, availability targets per plan (a quarterly target too), on multi-month
logs of the helpdesk and plans examples; each month equals its own report (but for the verdicts it
leaves to the next month: settled after it, of incidents listed again there), and the lines read in
one language in text, Markdown and HTML."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.report import Report

from .helpers import _labels, foreign, readable, sla
from .test_trend import _own_report_figures, _shown

TOKYO = ZoneInfo("Asia/Tokyo")
SEP, OCT, NOV, DEC = (dt.datetime(2026, m, 1, tzinfo=TOKYO) for m in (9, 10, 11, 12))
EXAMPLES = Path(__file__).resolve().parents[2] / "policies" / "examples"
#: A notification rule on an incident event, added to the helpdesk policy.
ACK = """
notify ack "受付通知" / "Acknowledgement" [art 5] {
  within 1 business hour after incident.reported
  met by incident.responded
}
"""


def _events(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip() and line[0] != "#"]


def _months_log(example: Path, shifts: tuple[int, ...], first: str) -> list[dict[str, Any]]:
    """The example's events, and a copy of them ``shift`` days earlier for each shift (ids prefixed), and
    an incident on ``first`` so that the log reaches back to that month's first day."""
    events = _events(example)
    out = list(events)
    for k, days in enumerate(shifts):
        for e in events:
            at = dt.datetime.fromisoformat(e["at"]) - dt.timedelta(days=days)
            out.append({**e, "id": f"E{k}-{e['id']}", "at": at.isoformat()})
    start = dt.datetime.fromisoformat(first)
    out += [
        {"event": "incident.reported", "at": start.isoformat(), "id": "FIRST", "priority": "P2"},
        {"event": "incident.responded", "at": (start + dt.timedelta(hours=30)).isoformat(), "id": "FIRST"},
    ]
    return out


def _helpdesk(extra: str = "") -> sla_dsl.Policy:
    return sla_dsl.load_policy((EXAMPLES / "helpdesk.sla").read_text("utf-8") + extra)


def _every_month_is_its_own_report(
    policy: sla_dsl.Policy, events: list[dict[str, Any]], period: tuple[dt.datetime, dt.datetime]
) -> Report:
    report = sla_dsl.evaluate(policy, events, *period)
    assert len(report.trend) >= 2
    for k, month in enumerate(report.trend):
        alone = sla_dsl.evaluate(policy, events, month.start, month.end, as_of=period[1])
        until = report.trend[k + 1].start if k + 1 < len(report.trend) else None  # (what it leaves to the next)
        assert _shown(month.figures) == _own_report_figures(alone, policy, until), month.month
    return report


def _keys(report: Report) -> set[tuple[str | None, ...]]:
    return {(f.commitment, f.subject, f.priority, f.clock, f.when) for m in report.trend for f in m.figures}


#: Helpdesk (November, as worked in helpdesk-tests.yaml) and copies five and nine weeks earlier.
HELPDESK = _months_log(EXAMPLES / "helpdesk-events.jsonl", (35, 63), "2026-09-01T09:30:00+09:00")


@pytest.mark.parametrize("period", [(NOV, DEC), (OCT, DEC), (SEP, DEC)])
def test_helpdesk_named_targets_and_incident_notices_month_by_month(period: tuple[dt.datetime, dt.datetime]) -> None:
    """Named targets on three clocks and a notification rule on ``incident.reported``: each month of the
    trend as its own report gives it, whether judged with the period or as an earlier month."""
    policy = _helpdesk(ACK)
    report = _every_month_is_its_own_report(policy, HELPDESK, period)
    assert [m.month for m in report.trend] == [SEP.date(), OCT.date(), NOV.date()]
    keys = _keys(report)
    assert {
        ("target", "resolve", "P1", "resolution", None),
        ("target", "first_reply", "P1", "suspicion", None),
        ("target", "update", "P1", "resolution", None),
        ("target", "first_reply", "P2", "chat", None),
        ("target", "first_reply", "P3", "chat", None),
        ("notice", "ack", None, None, None),
    } <= keys
    november = {(f.commitment, f.subject, f.priority): f for f in report.trend[-1].figures}
    # helpdesk-tests.yaml: H9's chat reply (P3) came late (copies judged in October count there, not again)
    late = november[("target", "first_reply", "P3")]
    assert late.met == 0 and late.judged is not None and late.judged >= 1
    assert november[("notice", "ack", None)].judged > 0


#: Plans (November) and a copy five weeks earlier, from 1 October.
PLANS = _months_log(EXAMPLES / "plans.jsonl", (35,), "2026-10-01T10:00:00+09:00")


@pytest.mark.parametrize("period", [(NOV, DEC), (OCT, DEC)])
def test_plans_availability_per_plan_month_by_month(period: tuple[dt.datetime, dt.datetime]) -> None:
    """Per-plan availability targets (premium 99.9%, the others 99.5%), a service measured per quarter
    (its month read from that month judged alone) and a notify rule with ``when``."""
    policy = sla_dsl.load_policy(EXAMPLES / "plans.sla")
    report = _every_month_is_its_own_report(policy, PLANS, period)
    keys = _keys(report)
    assert {
        ("availability", "content", None, None, None),
        ("availability", "content", None, None, "plan = premium"),
        ("availability", "portal", None, None, None),
        ("notice", "first_report", None, None, None),
    } <= keys
    november = {(f.commitment, f.subject, f.when): f for f in report.trend[-1].figures}
    # the six-hour outage of 10 Nov: 43,200 minutes in the month (no maintenance), 360 down
    assert november[("availability", "content", "plan = premium")].ratio == pytest.approx(1 - 360 / 43_200)


def _trend_section(out: str, fmt: str, lang: str) -> str:
    title = "前月までとの比較" if lang == "ja" else "Trend against earlier months"
    text = readable(out, fmt)
    start = text.index(title)
    end = text.index("各月の数値は" if lang == "ja" else "Each month is judged", start)  # the note under the table
    return text[start:end]


def _policy_words(policy: sla_dsl.Policy, lang: str) -> list[str]:
    words = {p.id for p in policy.model.priorities} | {
        t for lab in _labels(policy.model) for t in [lab.text(lang)] if t
    }
    return sorted(words, key=len, reverse=True)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_new_lines_read_in_one_language(tmp_path: Path, fmt: str, lang: str) -> None:
    """The helpdesk's targets and acknowledgement, the plans' per-plan availability: worded from the
    catalogue and the policy's labels, no word of the other language (nor an internal name)."""
    for name, policy_text, events, expected in (
        ("helpdesk", (EXAMPLES / "helpdesk.sla").read_text("utf-8") + ACK, HELPDESK, ("初回回答", "First reply")),
        ("plans", (EXAMPLES / "plans.sla").read_text("utf-8"), PLANS, ("プレミアム", "Premium")),
    ):
        policy_file = tmp_path / f"{name}.sla"
        policy_file.write_text(policy_text, "utf-8")
        log = tmp_path / f"{name}.jsonl"
        log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), "utf-8")
        code, out, err = sla(
            "evaluate", policy_file, log, "--from", "2026-11-01", "--to", "2026-12-01", "--format", fmt, "--lang", lang
        )
        assert code == 0, err
        section = _trend_section(out, fmt, lang)
        assert expected[0 if lang == "ja" else 1] in section
        assert not re.search(r"first_reply|plan = premium|\bsuspicion\b", section)
        assert foreign(section, lang, _policy_words(sla_dsl.load_policy(policy_file), lang)) == [], section


def test_each_month_is_worded_by_the_version_heading_its_own_report(tmp_path: Path) -> None:
    """Two versions: from 1 November a notification rule on ``incident.reported``. October's own report
    (headed by the first version) has no such line, November's has: so has each month of the trend."""
    from .helpers import POLICY
    from .trend_log import write_two_months

    text = POLICY.read_text("utf-8")
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-01")
    v2 += ACK.replace("[art 5]", "[art 3.1.4]").replace("1 business hour", "1 hour")
    policies = [sla_dsl.load_policy(text), sla_dsl.load_policy(v2)]
    path = write_two_months(tmp_path / "events.jsonl")
    log = sla_dsl.reader.read_events(path)
    report = sla_dsl.evaluate(policies, log, NOV, DEC)
    october, november = ({(f.commitment, f.subject) for f in m.figures} for m in report.trend)
    assert ("notice", "ack") in november and ("notice", "ack") not in october
    for month in report.trend:
        alone = sla_dsl.evaluate(policies, sla_dsl.reader.read_events(path), month.start, month.end, as_of=DEC)
        primary = policies[0] if month.month == OCT.date() else policies[1]
        until = NOV if month.month == OCT.date() else None
        assert _shown(month.figures) == _own_report_figures(alone, primary, until), month.month

"""``sla evaluate`` writes the report the API renders: ``render(evaluate(...))``, every format and language.

The command renders the evaluator's report skeleton (no incident rows of its own) and passes the compact
verdicts beside it (``render(result.skeleton, ..., incidents=result.incidents)``); the API renders the whole
report. A summary row counted from the skeleton's own rows read nothing there: a notification rule on incident
events (``within 30 minutes after incident.reported``, ``met by incident.responded``) read "nothing to judge",
"met" in every format of the command, breached or not, while the API's report said "1 of 2 met", "not met".
Every row is now counted from the incidents the report is given, so the command's page is the API's, in text,
Markdown, HTML, the HTML its PDF prints, and JSON, for a policy with such a rule and for the example month.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sla_dsl.cli.evaluate as cli_evaluate
from sla_dsl import evaluate, load_policy
from sla_dsl.report.render import render

from .helpers import EXAMPLE, MONTH, POLICY, sla

ACK = """sla "Ack" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business" {
  days mon..fri
  hours 09:00-18:00
}
clock response "応答" / "Response" {
  starts at incident.reported
}
priority P1 "緊急" / "Urgent" {
  respond within 2 business hours
  complete on incident.resolved
}
notify ack "受付通知" / "Acknowledgement" {
  within 30 minutes after incident.reported
  met by incident.responded
}
"""

#: INC-1 acknowledged 40 minutes after it was reported (late), INC-2 after 10 (in time)
ACK_EVENTS = "\n".join(
    [
        '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-1", "priority": "P1"}',
        '{"event": "incident.responded", "at": "2026-11-02T10:40:00+09:00", "id": "INC-1"}',
        '{"event": "incident.reported", "at": "2026-11-03T10:00:00+09:00", "id": "INC-2", "priority": "P1"}',
        '{"event": "incident.responded", "at": "2026-11-03T10:10:00+09:00", "id": "INC-2"}',
        "",
    ]
)


#: the command's ``--limit`` when none is given
LIMIT = 50


def _ack(tmp_path: Path) -> tuple[Path, Path]:
    policy, events = tmp_path / "ack.sla", tmp_path / "ack.jsonl"
    policy.write_text(ACK, "utf-8")
    events.write_text(ACK_EVENTS, "utf-8")
    return policy, events


def _both(policy: Path, events: Path, fmt: str, lang: str) -> tuple[str, str]:
    """What ``sla evaluate`` writes, and what the API renders, for one format and language (the text's lists
    capped as the command's ``--limit`` caps them by default)."""
    code, out, err = sla("evaluate", policy, events, *MONTH, "--format", fmt, "--lang", lang, "--quiet")
    assert code == 0, err
    report = evaluate(load_policy(policy), events, "2026-11-01", "2026-12-01")
    return out, render(report, fmt, lang=lang, policies=[load_policy(policy)], limit=LIMIT)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_notice_on_incidents_counted_alike(tmp_path: Path, fmt: str, lang: str) -> None:
    policy, events = _ack(tmp_path)
    cli, api = _both(policy, events, fmt, lang)
    assert cli == api
    if fmt == "text":
        said = ("1/2 件達成（50.0%）", "未達") if lang == "ja" else ("1 of 2 met (50.0%)", "not met")
        row = next(line for line in cli.splitlines() if ("受付通知" if lang == "ja" else "Acknowledgement") in line)
        assert all(s in row for s in said), row


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_example_month_alike(fmt: str, lang: str) -> None:
    cli, api = _both(POLICY, EXAMPLE, fmt, lang)
    assert cli == api


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pdf_prints_the_api_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """The page ``--format pdf`` prints is the API's HTML (the browser stood in for: it prints what it is given)."""
    printed: list[str] = []

    def print_page(html: str, browser: str | None, lang: str | None = None, **dated: object) -> bytes:
        printed.append(html)
        return b"%PDF-"

    monkeypatch.setattr(cli_evaluate, "require_chromium", lambda lang=None: "chromium")
    monkeypatch.setattr(cli_evaluate, "html_to_pdf", print_page)
    policy, events = _ack(tmp_path)
    out = tmp_path / "report.pdf"
    code, _, err = sla(
        "evaluate", policy, events, *MONTH, "--format", "pdf", "--lang", lang, "--output", out, "--quiet"
    )
    assert code == 0, err
    report = evaluate(load_policy(policy), events, "2026-11-01", "2026-12-01")
    assert printed == [render(report, "html", lang=lang, policies=[load_policy(policy)])]

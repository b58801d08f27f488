"""What a version from mid-period defines is named, and a period's target worded, by the version that has it.

Version 1 (effective 1 Jan 2026) measures the website at 99.5% a month. Version 2 raises it to 99.9%, adds a
target of 99.9% for the customers on the premium plan (an attribute it declares), a measured service ``api``
"API" at 99.9%, and three notice rules: ``ack`` on incident events, ``first`` and ``second`` on outage events
(an outage judged by two rules is listed in the table of verdicts per target).

A report from ``--from`` inside version 1 was worded by version 1 where version 2 judged: the table of verdicts
per target (and ``sla explain`` of a notice violation) named the rules ``ack``, ``first``, ``second``; the
table of availability per period and the violations said nothing of the premium customers a row is for; the
violation of a period the report lists no row of read "below the target -%". A report from inside version 2
of a month version 1 judges whole said version 2's 99.9% beside version 1's verdict. Each is now said by the
version that defines it, or judges the period.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl import evaluate, load_policy
from sla_dsl.report.render import render

from .helpers import sla

V1 = """sla "Two" {
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
calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}
clock response "応答" / "Response" {
  starts at incident.reported
}
service web "ウェブサイト" / "Website" {
  hours always
  availability target 99.5% monthly
}
priority P1 "緊急" / "Urgent" {
  respond within 2 business hours
  complete on incident.resolved
}
"""

ADDED = """attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}
service api "エーピーアイ" / "API" {
  hours always
  availability target 99.9% monthly
}
notify ack "受付通知" / "Acknowledgement" {
  within 30 minutes after incident.reported
  met by incident.responded
}
notify first "障害の第一報" / "First report" {
  within 30 minutes after outage.started
  met by outage.notified
}
notify second "第二報" / "Second report" {
  within 60 minutes after outage.started
  met by outage.notified
}
"""


def v2(effective: str) -> str:
    """Version 2, effective ``effective``."""
    text = V1.replace('version "1"', 'version "2"').replace("effective 2026-01-01", f"effective {effective}")
    old = "  availability target 99.5% monthly\n"
    new = "  availability target 99.9% monthly when plan = premium\n  availability target 99.9% monthly\n"
    return text.replace(old, new) + ADDED


#: INC-2 acknowledged 40 minutes after its report (``ack``: 30); OUT-1 down 50 minutes, notified after 90
#: (``first``: 30, ``second``: 60); OUT-2 of the API down 60 minutes
EVENTS = [
    {"event": "incident.reported", "at": "2026-10-20T10:00:00+09:00", "id": "INC-2", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-10-20T10:40:00+09:00", "id": "INC-2"},
    {"event": "outage.started", "at": "2026-10-21T10:00:00+09:00", "id": "OUT-1", "service": "web"},
    {"event": "outage.ended", "at": "2026-10-21T10:50:00+09:00", "id": "OUT-1"},
    {"event": "outage.notified", "at": "2026-10-21T11:30:00+09:00", "id": "OUT-1"},
    {"event": "outage.started", "at": "2026-10-22T10:00:00+09:00", "id": "OUT-2", "service": "api"},
    {"event": "outage.ended", "at": "2026-10-22T11:00:00+09:00", "id": "OUT-2"},
    {"event": "outage.notified", "at": "2026-10-22T10:10:00+09:00", "id": "OUT-2"},
]


def _files(tmp_path: Path, effective: str) -> tuple[Path, Path]:
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "a.sla").write_text(V1, "utf-8")
    (folder / "b.sla").write_text(v2(effective), "utf-8")
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return folder, events


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args, "--quiet")
    assert code == 0, err
    return out


def _section(text: str, title: str) -> list[str]:
    """The lines of one section of the text report (its title to the next blank line)."""
    lines = text.splitlines()
    k = lines.index(title)
    return lines[k + 1 : lines.index("", k)]


def _cells(line: str) -> list[str]:
    """A text table's row in cells (columns are set apart by two spaces or more)."""
    return re.split(r"\s{2,}", line.strip())


WIDE = ("--from", "2026-09-01", "--to", "2026-11-01")

#: the rules' labels, and what the ids of the rules would read in the table's target column
LABELS = {
    "en": ("Verdicts per target", ["Acknowledgement", "First report", "Second report"]),
    "ja": ("目標別の判定", ["受付通知", "障害の第一報", "第二報"]),
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_targets_table_names_rules_of_a_later_version_by_their_labels(tmp_path: Path, lang: str) -> None:
    folder, events = _files(tmp_path, "2026-10-15")
    title, labels = LABELS[lang]
    lines = _section(_run("evaluate", folder, events, *WIDE, "--lang", lang), title)
    targets = [_cells(line)[1] for line in lines[1:]]
    assert targets == labels, lines
    md = _run("evaluate", folder, events, *WIDE, "--lang", lang, "--format", "markdown")
    rows = [line for line in md.splitlines() if line.startswith(("| INC-2 |", "| OUT-1 |"))]
    assert [line.split(" | ")[1] for line in rows][-3:] == labels, rows


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Acknowledgement due Tue 20 Oct 10:30: sent Tue 20 Oct 10:40 (0:10 late, elapsed time)"),
        ("ja", "受付通知の期限 10月20日(火) 10:30 に対し 10月20日(火) 10:40 に送信（経過時間で 0:10 超過）"),
    ],
)
def test_explain_of_a_notice_violation_names_the_rule_and_counts_its_time(tmp_path: Path, lang: str, said: str) -> None:
    folder, events = _files(tmp_path, "2026-10-15")
    text = _run("explain", folder, events, "INC-2", *WIDE, "--lang", lang)
    violation = text.split("\n\n")[1]  # (the incident's explanation, then its violation's)
    assert said in violation, violation
    assert "ack " not in violation, violation


@pytest.mark.parametrize(
    ("lang", "premium"),
    [("en", "Website (customers whose Plan is Premium)"), ("ja", "ウェブサイト（契約プランがプレミアムの顧客）")],
)
def test_period_rows_of_a_later_version_say_whom_they_are_for(tmp_path: Path, lang: str, premium: str) -> None:
    folder, events = _files(tmp_path, "2026-10-01")
    text = _run("evaluate", folder, events, *WIDE, "--lang", lang)
    title = "Availability per service and measurement period" if lang == "en" else "サービス別・測定期間別の稼働率"
    services = [_cells(line)[0] for line in _section(text, title)[1:]]
    assert services.count(premium) == 1, services
    violation = next(line for line in text.splitlines() if "web:2026-10-01:plan=premium" in line)
    whom = "(customers whose Plan is Premium)" if lang == "en" else "（契約プランがプレミアムの顧客）"
    assert whom in violation, violation


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "API: availability below target"), ("ja", "エーピーアイ：稼働率の目標未達")]
)
def test_explain_names_a_service_of_a_later_version_by_its_label(tmp_path: Path, lang: str, heading: str) -> None:
    folder, events = _files(tmp_path, "2026-10-01")
    text = _run("explain", folder, events, "api:2026-10-01", *WIDE, "--lang", lang)
    assert text.splitlines()[0] == heading, text


@pytest.mark.parametrize(("lang", "said"), [("en", "below the target 99.9%"), ("ja", "が目標 99.9% を下回る")])
def test_a_period_without_its_row_reads_the_target_of_the_version_judging_it(
    tmp_path: Path, lang: str, said: str
) -> None:
    """A report without its rows of periods (an API caller's, or one read back that lost them): the
    violation of October, which version 2 judges, reads version 2's target, not version 1's (at ``from``)."""
    folder, events = _files(tmp_path, "2026-10-01")
    policies = [load_policy(folder / "a.sla"), load_policy(folder / "b.sla")]
    report = evaluate(policies, events, "2026-09-01", "2026-11-01")
    assert {v.id for v in report.violations if v.kind == "availability"} >= {"web:2026-10-01", "api:2026-10-01"}
    bare = report.model_copy(update={"availability_periods": []})
    text = render(bare, "text", lang=lang, policies=policies)
    rows = [line for line in text.splitlines() if ":2026-10-01" in line]
    assert len(rows) == 3 and all(said in row for row in rows), rows  # web, web for premium, api


#: the summary's availability row of the website's target without ``when``
SITE = {"en": "Availability (Website, other customers)", "ja": "稼働率（ウェブサイト、その他の顧客）"}


@pytest.mark.parametrize(
    ("lang", "target", "verdict"),
    [("en", "at least 99.5%", "not final (met so far)"), ("ja", "99.5%以上", "集計中（ここまでは達成）")],
)
def test_a_narrow_report_says_the_target_of_the_version_judging_the_month(
    tmp_path: Path, lang: str, target: str, verdict: str
) -> None:
    """Version 2 from 15 Oct; a report of 20-31 Oct: October began under version 1, which judges it whole at
    99.5% (the website's 99.7106%: met so far, the month cut by the report: not final), whatever version 2,
    in force at ``from``, says (99.9%)."""
    folder, events = _files(tmp_path, "2026-10-15")
    narrow = ("--from", "2026-10-20", "--to", "2026-11-01", "--lang", lang)
    text = _run("evaluate", folder, events, *narrow)
    row = next(line for line in _section(text, "Summary" if lang == "en" else "総括") if SITE[lang] in line)
    cells = _cells(row)
    assert cells[1] == target and cells[3] == verdict, cells
    md = _run("evaluate", folder, events, *narrow, "--format", "markdown")
    assert f"| {SITE[lang]} | {target} |" in md
    # the wide report names version 2's change from its date, as it did
    wide = _run("evaluate", folder, events, *WIDE, "--lang", "en")
    row = next(line for line in _section(wide, "Summary") if SITE["en"] in line)
    assert _cells(row)[1] == "at least 99.5% (at least 99.9% from Thu 15 Oct)", row

"""The outages table shows every notification rule's notice, a line per rule, each named by its label.

The table used to show the first rule's verdict only (the row's ``notice_due`` and ``notice_status``):
in the plans example, outage OUT-1 read due ``-``, notified ``11月10日(火) 00:20``, notice
``当社が障害を認知していないため対象外``, while the second rule, ``first_report`` (due 00:30, met at 00:20),
which the summary counts 1/1 met, was not shown at all: a notice time beside "no notice target".
Now a policy with several rules on outage events gets a column naming the rule and a line per rule
(the outage's own cells once: blank on the lines after its first in text and Markdown, spanning them
in HTML), each with that rule's due time, notice and verdict, and the reason a rule does not apply
in the reader's words (its ``when``, the event it counts from, its hours, Article 4). A policy with
one rule keeps its table of seven columns. The JSON report is unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla

PLANS = ROOT / "policies" / "examples" / "plans.sla"
PLANS_LOG = ROOT / "policies" / "examples" / "plans.jsonl"

#: Four rules on outage events: after the recognition in business hours (the first), 4 hours after
#: the start, 1 business hour after the end when it ends in business hours, and for premium only.
RULES = """sla "Notify" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja, en
}
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-17:00
}
attribute plan "契約プラン" / "Plan" {
  value premium "プレミアム" / "Premium"
  value standard "スタンダード" / "Standard"
}
priority P1 "緊急" / "P1" { respond within 8 business hours }
notify rec "復旧通知" / "Recovery" {
  within 1 business hour after outage.recognized
  only if outage.recognized during business hours
  met by outage.notified
}
notify rec2 "終日通知" / "Recovery 24x7" {
  within 4 hours after outage.started
  met by outage.notified
}
notify fin "終了報告" / "Closing report" {
  within 1 business hour after outage.ended
  only if outage.ended during business hours
  met by outage.notified
}
notify prem "第一報（プレミアム）" / "First report (premium)" {
  when plan = premium
  within 30 minutes after outage.started
  met by outage.notified
}
exclude force_majeure "不可抗力" / "Force majeure"
"""
#: O1 recognised before the business hours, notified at 13:00 (late for the other three rules);
#: O2 premium, notified in time for all but the closing report (it ended at 20:00, out of hours);
#: O3 standard, never recognised and still going on; O4 excluded under Article 4.
EVENTS = [
    {"event": "outage.started", "at": "2026-11-04T08:00:00Z", "id": "O1"},
    {"event": "outage.recognized", "at": "2026-11-04T08:30:00Z", "id": "O1"},
    {"event": "outage.ended", "at": "2026-11-04T11:00:00Z", "id": "O1"},
    {"event": "outage.notified", "at": "2026-11-04T13:00:00Z", "id": "O1"},
    {"event": "outage.started", "at": "2026-11-05T10:00:00Z", "id": "O2", "attributes": {"plan": "premium"}},
    {"event": "outage.recognized", "at": "2026-11-05T10:10:00Z", "id": "O2"},
    {"event": "outage.notified", "at": "2026-11-05T10:20:00Z", "id": "O2"},
    {"event": "outage.ended", "at": "2026-11-05T20:00:00Z", "id": "O2"},
    {"event": "outage.started", "at": "2026-11-06T10:00:00Z", "id": "O3", "attributes": {"plan": "standard"}},
    {"event": "outage.started", "at": "2026-11-07T10:00:00Z", "id": "O4", "cause": "force_majeure"},
    {"event": "outage.ended", "at": "2026-11-07T11:00:00Z", "id": "O4"},
]

#: Each outage's lines in the text report: (rule, due, notified, verdict).
LINES = {
    "ja": [
        ("O1", "復旧通知", "-", "-", "営業時間外に認知したため通知目標の対象外"),
        ("", "終日通知", "11月4日(水) 12:00", "11月4日(水) 13:00", "期限超過"),
        ("", "終了報告", "11月4日(水) 12:00", "11月4日(水) 13:00", "期限超過"),
        ("", "第一報（プレミアム）", "11月4日(水) 08:30", "11月4日(水) 13:00", "期限超過"),
        ("O2", "復旧通知", "11月5日(木) 11:10", "11月5日(木) 10:20", "期限内に通知"),
        ("", "終日通知", "11月5日(木) 14:00", "11月5日(木) 10:20", "期限内に通知"),
        ("", "終了報告", "-", "-", "サービスの再開が営業時間外のため通知目標の対象外"),
        ("", "第一報（プレミアム）", "11月5日(木) 10:30", "11月5日(木) 10:20", "期限内に通知"),
        ("O3", "復旧通知", "-", "-", "当社が障害を認知していないため対象外（障害が継続中）"),
        ("", "終日通知", "11月6日(金) 14:00", "-", "期限超過"),
        ("", "終了報告", "-", "-", "サービスの再開がないため対象外"),
        (
            "",
            "第一報（プレミアム）",
            "-",
            "-",
            "契約プランがスタンダードのため対象外（契約プランがプレミアムの場合に適用）",
        ),
    ],
    "en": [
        ("O1", "Recovery", "-", "-", "recognised outside business hours: no notice target"),
        ("", "Recovery 24x7", "Wed 4 Nov 12:00", "Wed 4 Nov 13:00", "late"),
        ("", "Closing report", "Wed 4 Nov 12:00", "Wed 4 Nov 13:00", "late"),
        ("", "First report (premium)", "Wed 4 Nov 08:30", "Wed 4 Nov 13:00", "late"),
        ("O2", "Recovery", "Thu 5 Nov 11:10", "Thu 5 Nov 10:20", "notified in time"),
        ("", "Recovery 24x7", "Thu 5 Nov 14:00", "Thu 5 Nov 10:20", "notified in time"),
        ("", "Closing report", "-", "-", "the service's return outside Business hours: no notice target"),
        ("", "First report (premium)", "Thu 5 Nov 10:30", "Thu 5 Nov 10:20", "notified in time"),
        ("O3", "Recovery", "-", "-", "not recognised by the Company: no notice target (the outage is still going on)"),
        ("", "Recovery 24x7", "Fri 6 Nov 14:00", "-", "late"),
        ("", "Closing report", "-", "-", "no notice target until the service's return"),
        ("", "First report (premium)", "-", "-", "not applicable: Plan is Standard (applies when Plan is Premium)"),
    ],
}
#: the outages table of a policy of several notification rules on outages (each named on its lines)
TITLE = {"ja": "障害と通知", "en": "Outages and notices"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("rules")
    policy, log = folder / "rules.sla", folder / "events.jsonl"
    policy.write_text(RULES, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return policy, log


def _section(out: str, title: str) -> list[str]:
    """The lines of a text report's section ``title`` (its header first), without its notes."""
    lines = out.splitlines()
    start = lines.index(title) + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("  "))
    return [line for line in lines[start:end] if not line.startswith("  ※") and not line.startswith("  Note:")]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_rule_has_its_line_in_the_text_report(files: tuple[Path, Path], lang: str) -> None:
    code, out, err = sla("evaluate", *files, *MONTH, "--lang", lang)
    assert code == 0, err
    table = _section(out, TITLE[lang])
    header = re.split(r" {2,}", table[0].strip())
    # (after the time not counted as downtime: O3's overlap with O4, and O4, excluded)
    assert header[4:6] == (["数えない時間", "通知目標"] if lang == "ja" else ["Not counted", "Notice target"]), header
    # (cells apart by two spaces or more: the table pads them by their display width)
    rows = [re.split(r" {2,}", line.strip()) for line in table[1:]]
    said = []
    for row in rows:
        if len(row) == 9:  # an outage's first line: its id, start, end, downtime and not counted, then the rule
            said.append((row[0], *row[5:]))
        else:  # a line after it: the outage's cells are blank
            assert len(row) == 4, row
            said.append(("", *row))
    expected = LINES[lang]
    assert said[: len(expected)] == expected
    # O4, excluded under Article 4: every rule says so
    assert len(said) == len(expected) + 4
    cause = "不可抗力" if lang == "ja" else "Force majeure"
    assert len({r[4] for r in said[-4:]}) == 1 and cause in said[-1][4], said[-4:]


def test_the_lines_agree_with_the_summary(files: tuple[Path, Path]) -> None:
    """Each rule's notices met, as the table's lines for it show them, are what the summary counts for it."""
    code, out, err = sla("evaluate", *files, *MONTH, "--lang", "ja")
    assert code == 0, err
    summary = {re.split(r" {2,}", line.strip())[0]: line for line in _section(out, "総括")[1:]}
    lines = [re.split(r" {2,}", line.strip())[-4:] for line in _section(out, TITLE["ja"])[1:]]
    for label in ("復旧通知", "終日通知", "終了報告", "第一報（プレミアム）"):
        verdicts = [row[3] for row in lines if row[0] == label]
        assert len(verdicts) == 4, (label, lines)  # a line for each outage
        met, late = verdicts.count("期限内に通知"), verdicts.count("期限超過")
        assert f"{met}/{met + late} 件達成" in summary[label], (label, verdicts, summary[label])


def test_the_plans_example_shows_the_first_report_beside_the_recovery_notice() -> None:
    """The repro of the report: OUT-1's second rule (due 00:30, met 00:20) has its own line, and the
    notice time stands on it, not beside the first rule's "no notice target"."""
    code, out, err = sla("evaluate", PLANS, PLANS_LOG, *MONTH, "--lang", "ja")
    assert code == 0, err
    rows = [re.split(r" {2,}", line.strip()) for line in _section(out, TITLE["ja"])]
    assert rows[0] == ["ID", "開始", "終了", "停止時間（時間:分）", "通知目標", "通知期限", "通知日時", "通知"]
    assert rows[1] == [
        "OUT-1",
        "11月10日(火) 00:00",
        "11月10日(火) 06:00",
        "6:00",
        "復旧情報の通知",
        "-",
        "-",
        "当社が障害を認知していないため対象外",
    ]
    assert rows[2] == ["障害の第一報（プレミアム）", "11月10日(火) 00:30", "11月10日(火) 00:20", "期限内に通知"]
    assert "障害の第一報（プレミアム）  30分以内  1/1 件達成（100.0%）" in re.sub(r" {2,}", "  ", out)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_markdown_has_a_row_per_rule(files: tuple[Path, Path], lang: str) -> None:
    code, out, err = sla("evaluate", *files, *MONTH, "--lang", lang, "--format", "markdown")
    assert code == 0, err
    body = out[out.index(f"## {TITLE[lang]}") :].split("\n## ")[0]
    rows = [line for line in body.splitlines() if line.startswith("| ")]
    cells = [[c.strip() for c in r.strip("|").split(" | ")] for r in rows]
    assert cells[0][5] == ("通知目標" if lang == "ja" else "Notice target")
    first, second = cells[1], cells[2]
    assert first[0] == "O1" and first[5:] == list(LINES[lang][0][1:])
    assert second[:5] == ["", "", "", "", ""], second  # the same outage: its cells left blank
    assert second[5:8] == list(LINES[lang][1][1:4])
    assert second[8] == ("**期限超過**" if lang == "ja" else "**late**")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_html_spans_the_outage_over_its_rules(files: tuple[Path, Path], lang: str) -> None:
    code, out, err = sla("evaluate", *files, *MONTH, "--lang", lang, "--format", "html")
    assert code == 0, err
    section = out[out.index('<section id="outages">') :]
    section = section[: section.index("</section>")]
    items = re.findall(r'<tbody class="item">(.*?)</tbody>', section, re.S)
    assert len(items) == 4, section  # one per outage, kept together on paper
    first = items[0]
    assert first.startswith('<tr><th scope="row" class="nowrap" rowspan="4">O1</th>'), first
    assert first.count('<tr class="more">') == 3
    text = re.sub(r"<[^>]+>", " ", first)
    for _, rule, _, _, verdict in LINES[lang][:4]:
        assert rule in text and verdict in text, (rule, verdict, text)
    # a continuation line leaves out the cells spanned over it
    more = re.findall(r'<tr class="more">(.*?)</tr>', first)
    assert all(m.count("<td") == 4 for m in more), more


def test_a_policy_with_one_rule_keeps_its_table() -> None:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--lang", "ja")
    assert code == 0, err
    header = re.split(r" {2,}", _section(out, "障害と通知（復旧情報通知時間）")[0].strip())  # (named after its rule)
    # (and the time not counted as downtime: a noticed stop, a maintenance window, an exclusion)
    assert header == ["ID", "開始", "終了", "停止時間（時間:分）", "数えない時間", "通知期限", "通知日時", "通知"]


def test_the_json_report_is_the_engine_s(files: tuple[Path, Path]) -> None:
    """The JSON keeps the contract: the row's first-rule fields and every rule in ``notices``, no words."""
    code, out, err = sla("evaluate", *files, *MONTH, "--format", "json")
    assert code == 0, err
    o1 = next(o for o in json.loads(out)["outages"] if o["id"] == "O1")
    assert (o1["notice_status"], o1["notice_due"]) == ("not_applicable", None)
    assert [n["name"] for n in o1["notices"]] == ["rec", "rec2", "fin", "prem"]
    assert "終日通知" not in out
    # a rule's English label only in the engine's message of its late notice (named as the report names it)
    doc = json.loads(out)
    assert "Recovery 24x7 due Wed 04 Nov 12:00: notified Wed 04 Nov 13:00" in [v["message"] for v in doc["violations"]]
    for v in doc["violations"]:
        v.pop("message")
    assert "Recovery 24x7" not in json.dumps(doc)

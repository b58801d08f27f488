"""The summary counts each priority's named targets (resolution, first reply, periodic update), as judged.

helpdesk.sla gives each priority named targets besides its response target. As of Fri 27 Nov 12:00 its
example log breaches three of them (H2's resolution and periodic update, H9's first reply to a chat), but
the summary had a response row per priority only, all ``達成``, while the violations listed the three
breaches. Now each named target of each priority has its row after the priority's response row, in the
policy's order: the trend's label (``P1 緊急の解決（解決までの時間）``), the target as the policy words it,
met of judged with what is open or at risk, the verdict and the article; counted as the trend counts the
month (:func:`sla_dsl.report.trend.count_targets`: a verdict settled before ``from`` of an incident carried
over is left to the earlier report), so the trend's current month says what the summary says. The CLI
renders from the evaluator's compact verdicts, the API from the report's rows: both say the same.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.i18n import message
from sla_dsl.policy import load_policies
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import ROOT, sla

HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
EVENTS = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
AS_OF = "2026-11-27T12:00:00+09:00"
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01", "--as-of", AS_OF]

#: October before the example month: OC0 (P3, met), and OC1 (P1) carried into November, its resolution
#: (due Fri 30 Oct 10:00) and periodic update (due Wed 28 Oct 14:30) breached in October, resolved in
#: November: the October report counts both breaches, the November summary neither.
OCTOBER = [
    {"event": "incident.reported", "at": "2026-10-01T10:00:00+09:00", "id": "OC0", "priority": "P3"},
    {"event": "incident.responded", "at": "2026-10-01T11:00:00+09:00", "id": "OC0"},
    {"event": "incident.resolved", "at": "2026-10-02T11:00:00+09:00", "id": "OC0"},
    {"event": "incident.reported", "at": "2026-10-28T10:00:00+09:00", "id": "OC1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-10-28T10:30:00+09:00", "id": "OC1"},
    {"event": "incident.resolved", "at": "2026-11-05T10:00:00+09:00", "id": "OC1"},
]


def summary_rows(out: str) -> dict[str, list[str]]:
    """The text summary's rows by their first cell: [target, result, verdict, article]."""
    block = next(b for b in out.split("\n\n") if b.startswith(("総括", "Summary")))
    lines = [x for x in block.splitlines()[2:] if x.startswith("  ") and not x.startswith(("  ※", "  Note:"))]
    rows = [re.split(r"\s{2,}", x.strip()) for x in lines]
    return {r[0]: r[1:] for r in rows}


def _text(*args: str | Path) -> str:
    code, out, err = sla("evaluate", *args, "--format", "text")
    assert code == 0, err
    return out


def test_each_named_target_has_its_row_with_the_breaches_counted() -> None:
    ja = summary_rows(_text(HELPDESK, EVENTS, *PERIOD, "--lang", "ja"))
    assert ja["P1 緊急の解決（解決までの時間）"] == ["2営業日以内", "2/3 件達成（66.7%）", "未達", "第5条、第6条"]
    assert ja["P1 緊急の定期更新（解決までの時間）"][1:3] == ["2/3 件達成（66.7%）", "未達"]
    assert ja["P1 緊急の定期更新（解決までの時間）"][0].startswith("4営業時間ごとに")
    assert ja["P3 通常の初回回答（チャットへの初回回答）"] == ["30営業分以内", "0/1 件達成（0.0%）", "未達", "第5条"]
    assert ja["P2 高の解決（解決までの時間）"][1:3] == ["対応中 3 件、要注意 1 件", "要注意"]  # H4 at risk
    assert ja["P3 通常の解決（解決までの時間）"][1:3] == ["対応中 2 件", "判定待ち"]
    en = summary_rows(_text(HELPDESK, EVENTS, *PERIOD, "--lang", "en"))
    assert en["P1 Urgent: Resolution (Time to resolution)"][:3] == [
        "within 2 business days",
        "2 of 3 met (66.7%)",
        "not met",
    ]
    assert en["P3 Normal: First reply (First reply to a chat)"][1:3] == ["0 of 1 met (0.0%)", "not met"]
    update = en["P1 Urgent: Periodic update (Time to resolution)"]
    assert update[0].endswith("at least every 4 business hours") and update[1:3] == ["2 of 3 met (66.7%)", "not met"]


def test_a_priority_s_targets_follow_its_response_in_the_policy_s_order() -> None:
    labels = list(summary_rows(_text(HELPDESK, EVENTS, *PERIOD, "--lang", "ja")))
    assert labels[:5] == [
        "P1 緊急の応答",
        "P1 緊急の解決（解決までの時間）",
        "P1 緊急の初回回答（製品起因の初回回答）",
        "P1 緊急の定期更新（解決までの時間）",
        "P2 高の応答",
    ]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_documents_show_the_rows_too(fmt: str) -> None:
    for lang, label in (
        ("ja", "P1 緊急の定期更新（解決までの時間）"),
        ("en", "P1 Urgent: Periodic update (Time to resolution)"),
    ):
        code, out, err = sla("evaluate", HELPDESK, EVENTS, *PERIOD, "--format", fmt, "--lang", lang)
        assert code == 0, err
        summary = out.split(message("report.summary", lang), 1)[1].split(message("report.incidents", lang), 1)[0]
        assert label in summary, (fmt, lang)


@pytest.fixture(scope="module")
def two_months(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example log with October before it (the log reaches back to 1 Oct: a trend of two months)."""
    path = tmp_path_factory.mktemp("named") / "two-months.jsonl"
    own = [line for line in EVENTS.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]
    path.write_text("".join(json.dumps(e) + "\n" for e in OCTOBER) + "\n".join(own) + "\n", "utf-8")
    return path


def _judged(result: str, lang: str) -> tuple[int, int]:
    """(met, judged) of a summary's result cell (0, 0 when nothing is judged)."""
    found = re.match(r"(\d+)/(\d+) 件達成" if lang == "ja" else r"(\d+) of (\d+) met", result)
    return (int(found[1]), int(found[2])) if found else (0, 0)


def _label(pid: str, target: str, clock: str, lang: str) -> str:
    policy = load_policies([str(HELPDESK)])[0].model
    priority = next(p for p in policy.priorities if p.id == pid)
    clock_label = next(c for c in policy.clocks if c.name == clock).label.text(lang)
    return message(
        "report.trend.target",
        lang,
        priority=f"{pid} {priority.label.text(lang)}",
        target=message(f"report.targets.{target}", lang),
        clock=clock_label,
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_trend_s_current_month_says_what_the_summary_says(two_months: Path, lang: str) -> None:
    code, out, err = sla("evaluate", HELPDESK, two_months, *PERIOD, "--format", "json")
    assert code == 0, err
    months = json.loads(out)["trend"]
    assert [m["current"] for m in months] == [False, True]
    rows = summary_rows(_text(HELPDESK, two_months, *PERIOD, "--lang", lang))
    targets = [f for f in months[-1]["figures"] if f["commitment"] == "target"]
    assert len(targets) == 7  # every named target of the three priorities
    for f in targets:
        row = rows[_label(f["priority"], f["subject"], f["clock"], lang)]
        assert _judged(row[1], lang) == (f["met"], f["judged"]), (f, row)
    # OC1's breaches settled in October: the October report counted them, the November summary does not
    october = {(f["priority"], f["subject"]): (f["met"], f["judged"]) for f in months[0]["figures"] if f["priority"]}
    assert october[("P1", "resolve")] == (0, 1) and october[("P1", "update")] == (0, 1)
    assert _judged(rows[_label("P1", "resolve", "resolution", lang)][1], lang) == (2, 3)


def test_report_rows_and_compact_verdicts_give_the_same_summary(two_months: Path) -> None:
    """The API renders a report read back from its rows (pydantic ``IncidentRow``s with their ``targets``);
    the command renders the evaluator's compact verdicts: the same summary either way."""
    policies = load_policies([str(HELPDESK)])
    report = sla_dsl.evaluate(policies, two_months, "2026-11-01", "2026-12-01", AS_OF)
    rows = Report.model_validate(report.model_dump())
    assert type(rows.incidents) is list and rows.incidents[0].targets is not None
    for lang in ("ja", "en"):
        from_rows = summary_rows(render(rows, "text", lang=lang, policies=policies))
        from_verdicts = summary_rows(_text(HELPDESK, two_months, *PERIOD, "--lang", lang))
        assert from_rows == from_verdicts, lang
        assert _judged(from_rows[_label("P1", "update", "resolution", lang)][1], lang) == (2, 3)

"""Service credits owed per breached target (``credit 5% per breach, at most 25% monthly`` in a priority).

Hand-computed against a policy in America/New_York, whose summer time ends on Sunday 1 November 2026 at 02:00
(01:00 EST): a response due at Sunday 00:00 EDT is November's, one due at Saturday 23:00 EDT October's. Every
figure below is worked out from the events by hand, with the targets' verdicts as the report gives them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.authoring.fmt import format_text
from sla_dsl.authoring.hover import hover_text
from sla_dsl.authoring.semdiff import render_text
from sla_dsl.cli import main
from sla_dsl.evaluation import judge
from sla_dsl.evaluation.partition import finish, merge
from sla_dsl.lang.diagnostics import Severity
from sla_dsl.policy.load import compile_text
from sla_dsl.report.periods import breach_credit_key
from sla_dsl.report.render import render
from sla_dsl.report.tables import report_tables
from sla_dsl.scale import judge_table

HEAD = """sla "Desk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  provider "MIC株式会社" / "MIC"
  languages ja, en
}

clock response "応答の起算点" / "Response clock" { starts at incident.reported }

clock resolution "解決までの時間" / "Time to resolution" {
  starts at incident.reported
  stops at incident.resolved
}
"""

POLICY = (
    HEAD
    + """
priority P1 "緊急" / "Urgent" [art 5] {
  respond within 4 hours
  credit 5% per breach, at most 12% monthly
  resolve within 1 day on resolution
  credit 10% per breach quarterly
  complete on incident.resolved
}
"""
)

NY = "-04:00"
EVENTS = [
    # A0: due Sat 31 Oct 23:00 EDT, answered 23:30: October's breach; resolved Mon 2 Nov, due Sun 1 Nov 18:00 EST
    {"event": "incident.reported", "at": f"2026-10-31T19:00:00{NY}", "id": "A0", "priority": "P1"},
    {"event": "incident.responded", "at": f"2026-10-31T23:30:00{NY}", "id": "A0"},
    {"event": "incident.resolved", "at": "2026-11-02T12:00:00-05:00", "id": "A0"},
    # A1: due Sun 1 Nov 00:00 EDT (the month's first instant), answered 01:00 EDT: November's; resolved in time
    {"event": "incident.reported", "at": f"2026-10-31T20:00:00{NY}", "id": "A1", "priority": "P1"},
    {"event": "incident.responded", "at": f"2026-11-01T01:00:00{NY}", "id": "A1"},
    {"event": "incident.resolved", "at": "2026-11-01T10:00:00-05:00", "id": "A1"},
    # A2: reported 00:30 EDT, due 4 elapsed hours later, 03:30 EST; never answered nor resolved (due 2 Nov 00:30 EDT)
    {"event": "incident.reported", "at": f"2026-11-01T00:30:00{NY}", "id": "A2", "priority": "P1"},
    # A4: met, both targets
    {"event": "incident.reported", "at": "2026-11-10T10:00:00-05:00", "id": "A4", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-10T11:00:00-05:00", "id": "A4"},
    {"event": "incident.resolved", "at": "2026-11-10T12:00:00-05:00", "id": "A4"},
    # A5: due 13:00, answered 14:00: November's third response breach (the cap, 12%, applies); resolved in time
    {"event": "incident.reported", "at": "2026-11-12T09:00:00-05:00", "id": "A5", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-12T14:00:00-05:00", "id": "A5"},
    {"event": "incident.resolved", "at": "2026-11-12T15:00:00-05:00", "id": "A5"},
    # A3: due Tue 1 Dec 02:00 EST, after the evaluated period: not counted here
    {"event": "incident.reported", "at": "2026-11-30T22:00:00-05:00", "id": "A3", "priority": "P1"},
]


def rows(report: Any) -> list[dict[str, Any]]:
    return [r.model_dump(mode="json") for r in report.breach_credits]


def brief(report: Any) -> list[tuple[Any, ...]]:
    return [
        (r["target"], r["clock"], r["start"], r["end"], r["complete"], r["breaches"], r["credit"], r["incidents"])
        for r in rows(report)
    ]


def evaluate(text: str, events: list[dict[str, Any]], start: str, end: str, as_of: str | None = None) -> Any:
    return sla_dsl.evaluate(sla_dsl.load_policy(text), events, start, end, as_of)


# ---- the language ---------------------------------------------------------------------------------------


def test_a_credit_line_belongs_to_the_target_line_above_it() -> None:
    pm = sla_dsl.load_policy(POLICY).model
    (p1,) = pm.priorities
    credits = {(c.kind, c.clock): (c.percent, c.cap, c.period.value) for c in p1.breach_credits}
    assert credits == {("respond", None): (5.0, 12.0, "month"), ("resolve", "resolution"): (10.0, None, "quarter")}


def diagnostics(body: str) -> list[tuple[str, Severity, int, int, str]]:
    compiled = compile_text(HEAD + body, "c.sla")
    found = [(d.code, d.severity, d.span.line, d.span.column, str(d.help)) for d in compiled.diagnostics]
    return [d for d in found if d[0] != "W240"]  # (the resolution clock is unused in some of these)


def test_a_credit_line_with_no_target_above_it_is_refused_where_it_is() -> None:
    found = diagnostics('priority P1 "緊急" / "Urgent" {\n  credit 5% per breach\n  respond within 4 hours\n}\n')
    line = HEAD.count("\n") + 2
    assert [(c, s, ln, col) for c, s, ln, col, _ in found] == [("E266", Severity.ERROR, line, 3)]
    assert "`credit 5% per breach`" in found[0][4]


def test_a_second_credit_line_for_one_target_is_refused_with_the_line_to_keep() -> None:
    found = diagnostics(
        'priority P1 "緊急" / "Urgent" {\n  respond within 4 hours\n  credit 5% per breach, at most 25% monthly\n'
        '  note "注" / "note"\n  credit 2% per breach\n}\n'
    )
    line = HEAD.count("\n") + 5
    assert [(c, ln) for c, _, ln, _, _ in found] == [("E212", line)]
    assert "keep `credit 5% per breach, at most 25% monthly` (line" in found[0][4]


def test_a_credit_line_below_another_target_is_that_targets_own() -> None:
    body = (
        'priority P1 "緊急" / "Urgent" {\n  respond within 4 hours\n  credit 5% per breach\n'
        "  resolve within 1 day on resolution\n  credit 5% per breach\n}\n"
    )
    assert diagnostics(body) == []


def test_a_cap_below_the_credit_of_one_breach_is_a_warning_that_offers_raising_the_cap() -> None:
    found = diagnostics(
        'priority P1 "緊急" / "Urgent" {\n  respond within 4 hours\n  credit 30% per breach, at most 10% quarterly\n}\n'
    )
    line = HEAD.count("\n") + 3
    assert [(c, s, ln, col) for c, s, ln, col, _ in found] == [("W263", Severity.WARNING, line, 34)]
    # (raising the cap to the credit per breach: never the line that lowers the credit the author wrote)
    assert "`credit 30% per breach, at most 30% quarterly`" in found[0][4]
    assert "credit 10% per breach" not in found[0][4]


@pytest.mark.parametrize("line", ["credit 0% per breach", "credit 150% per breach", "credit 5% per breach, at most 0%"])
def test_a_percentage_outside_0_to_100_is_refused(line: str) -> None:
    found = diagnostics(f'priority P1 "緊急" / "Urgent" {{\n  respond within 4 hours\n  {line}\n}}\n')
    assert found and found[0][0] == "E215" and found[0][2] == HEAD.count("\n") + 3


def test_fmt_keeps_the_line_in_its_canonical_form() -> None:
    messy = POLICY.replace(
        "  credit 5% per breach, at most 12% monthly", "    credit  5%   per breach ,at most 12%  monthly"
    )
    out = format_text(messy)
    assert "\n  credit 5% per breach, at most 12% monthly\n" in out
    assert format_text(out) == out == format_text(POLICY)


def test_diff_says_a_credit_line_added_removed_and_changed_in_words() -> None:
    old = sla_dsl.load_policy(POLICY).model
    new = sla_dsl.load_policy(
        POLICY.replace("at most 12% monthly", "at most 20% monthly").replace("  credit 10% per breach quarterly\n", "")
    ).model
    en = render_text(old, new, __import__("sla_dsl.authoring.diff_changes", fromlist=["x"]).diff_models(old, new))
    assert "credit per breach: 5% per breach of the response target, at most 12% monthly -> " in en
    assert "5% per breach of the response target, at most 20% monthly" in en
    assert "credit per breach removed: 10% per breach of the resolution target on Time to resolution, quarterly" in en
    from sla_dsl.authoring.diff_changes import diff_models

    ja = render_text(new, old, diff_models(new, old), "ja")
    added = "目標未達1件あたりのサービスクレジットを追加："
    assert added + "解決までの時間での解決目標の未達1件につき10%（四半期ごと）" in ja


def test_hover_on_the_credit_line_says_what_it_owes() -> None:
    pm = sla_dsl.load_policy(POLICY).model
    row = POLICY.splitlines().index("  credit 5% per breach, at most 12% monthly")
    en, ja = hover_text(pm, POLICY, row, 5, "en"), hover_text(pm, POLICY, row, 5, "ja")
    assert en is not None and "5% of the fee for each incident that misses the response target" in en
    assert "at most 12% per calendar month" in en
    assert ja is not None and "料金の5%" in ja and "暦月ごとの上限は12%" in ja


# ---- evaluation, by hand ---------------------------------------------------------------------------------


def test_breaches_count_in_the_month_of_their_due_time_across_the_summer_time_change() -> None:
    report = evaluate(POLICY, EVENTS, "2026-10-01", "2026-12-01")
    status = {i.id: i.status for i in report.incidents}
    assert status == {"A0": "breached", "A1": "breached", "A2": "breached", "A4": "met", "A5": "breached", "A3": "open"}
    assert brief(report) == [
        # October: A0 alone, 5%
        ("respond", None, "2026-10-01T00:00:00-04:00", "2026-11-01T00:00:00-04:00", True, 1, 5.0, ["A0"]),
        # the fourth quarter, cut at 1 December: A0 (due Sun 1 Nov 18:00 EST) and A2 (23:30 EST): the whole
        # quarter's range, not complete, and no credit here (its cap is the quarter's: a report over it owes it)
        (
            "resolve",
            "resolution",
            "2026-10-01T00:00:00-04:00",
            "2027-01-01T00:00:00-05:00",
            False,
            2,
            0.0,
            ["A0", "A2"],
        ),
        # November: A1 (due 00:00 EDT, the month's first instant), A2 (03:30 EST), A5: 15%, at most 12%
        ("respond", None, "2026-11-01T00:00:00-04:00", "2026-12-01T00:00:00-05:00", True, 3, 12.0, ["A1", "A2", "A5"]),
    ]
    first = rows(report)[0]
    assert (first["priority"], first["when"], first["period"], first["per_breach"], first["cap"], first["ref"]) == (
        "P1",
        None,
        "month",
        5.0,
        12.0,
        "Article 5",
    )


def test_a_month_not_over_at_as_of_is_not_complete_and_counts_the_breaches_so_far() -> None:
    report = evaluate(POLICY, EVENTS, "2026-11-01", "2026-12-01", "2026-11-05T00:00:00-05:00")
    assert [(t, c, done, n, credit, ids) for t, c, _, _, done, n, credit, ids in brief(report)] == [
        ("resolve", "resolution", False, 2, 0.0, ["A0", "A2"]),  # (the quarter, from 1 October: cut, no credit)
        ("respond", None, False, 2, 10.0, ["A1", "A2"]),  # A5 is not reported yet: the figure so far
    ]


def test_cancelled_and_open_targets_count_no_breach() -> None:
    text = POLICY.replace(
        "  stops at incident.resolved\n", "  stops at incident.resolved\n  cancels at incident.withdrawn\n"
    )
    text += 'event incident.withdrawn "取り下げ" / "Withdrawn"\n'
    events = [
        {"event": "incident.reported", "at": "2026-11-10T10:00:00-05:00", "id": "C1", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-10T10:30:00-05:00", "id": "C1"},
        {"event": "incident.withdrawn", "at": "2026-11-10T12:00:00-05:00", "id": "C1"},
        {"event": "incident.resolved", "at": "2026-11-20T12:00:00-05:00", "id": "C1"},
        {"event": "incident.reported", "at": "2026-11-30T10:00:00-05:00", "id": "C2", "priority": "P1"},
        {"event": "incident.responded", "at": "2026-11-30T10:30:00-05:00", "id": "C2"},
    ]
    report = evaluate(text, events, "2026-11-01", "2026-12-01")
    assert [t.status for t in report.incidents[0].targets] == ["cancelled"]
    assert [t.status for t in report.incidents[1].targets] == ["open"]
    assert rows(report) == []


PLANS = (
    HEAD
    + """
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" [art 6] {
  when plan = premium
  respond within 1 hour
  credit 10% per breach
  complete on incident.resolved
}

priority P1 "緊急" / "Urgent" [art 5] {
  respond within 4 hours
  credit 5% per breach, at most 25% monthly
  complete on incident.resolved
}
"""
)

PLAN_EVENTS = [
    # B1 premium: due 11:00, answered 11:30: the premium rule's breach (10%)
    {"event": "incident.reported", "at": "2026-11-02T10:00:00-05:00", "id": "B1", "priority": "P1",
     "attributes": {"plan": "premium"}},
    {"event": "incident.responded", "at": "2026-11-02T11:30:00-05:00", "id": "B1"},
    # B2 standard: due 14:00, answered 11:30: met
    {"event": "incident.reported", "at": "2026-11-02T10:00:00-05:00", "id": "B2", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-02T11:30:00-05:00", "id": "B2"},
    # B3 standard: due 14:00, answered 15:00: the general rule's breach (5%)
    {"event": "incident.reported", "at": "2026-11-03T10:00:00-05:00", "id": "B3", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-03T15:00:00-05:00", "id": "B3"},
]  # fmt: skip


def test_the_credit_line_of_the_rule_chosen_by_when_applies() -> None:
    report = evaluate(PLANS, PLAN_EVENTS, "2026-11-01", "2026-12-01")
    got = [
        (r["when"], r["per_breach"], r["cap"], r["breaches"], r["credit"], r["incidents"], r["ref"])
        for r in rows(report)
    ]
    assert got == [
        (None, 5.0, 25.0, 1, 5.0, ["B3"], "Article 5"),
        ("plan = premium", 10.0, None, 1, 10.0, ["B1"], "Article 6"),
    ]


def test_versions_each_credit_their_own_breaches() -> None:
    v2 = POLICY.replace('version "1"', 'version "2"').replace("effective 2026-01-01", "effective 2026-11-11")
    v2 = v2.replace("credit 5% per breach, at most 12% monthly", "credit 8% per breach")
    report = sla_dsl.evaluate(
        [sla_dsl.load_policy(POLICY), sla_dsl.load_policy(v2)], EVENTS, "2026-11-01", "2026-12-01"
    )
    got = [(r["target"], r["per_breach"], r["credit"], r["incidents"]) for r in rows(report)]
    assert got == [
        ("resolve", 10.0, 0.0, ["A0", "A2"]),  # (the quarter, from 1 October: cut by the month, no credit here)
        ("respond", 5.0, 10.0, ["A1", "A2"]),  # judged by version 1
        ("respond", 8.0, 8.0, ["A5"]),  # reported on the 12th: version 2's line
    ]


def test_a_split_run_gives_the_one_run_rows() -> None:
    import pandas as pd

    policy = sla_dsl.load_policy(POLICY)
    frame = pd.DataFrame(EVENTS)
    parts = [
        judge_table(policy, frame[frame["id"].isin(ids)], "2026-10-01", "2026-12-01")
        for ids in (["A0", "A4"], ["A1", "A2"], ["A3", "A5"])
    ]
    merged = finish(policy, merge(parts), "2026-10-01", "2026-12-01")
    one = judge(policy, EVENTS, "2026-10-01", "2026-12-01")
    out_merged, out_one = io.BytesIO(), io.BytesIO()
    merged.write_json(out_merged)
    one.write_json(out_one)
    assert out_merged.getvalue() == out_one.getvalue()
    assert len(json.loads(out_one.getvalue())["breach_credits"]) == 3


# ---- the report's formats ----------------------------------------------------------------------------------


def test_the_json_report_lists_breach_credits_after_every_earlier_key() -> None:
    judged = judge(sla_dsl.load_policy(POLICY), EVENTS, "2026-10-01", "2026-12-01")
    out = io.BytesIO()
    judged.write_json(out)
    data = json.loads(out.getvalue())
    # (the tool that wrote it came after, and the credits' totals under a cap: none here)
    assert list(data)[-3:] == ["breach_credits", "credit_totals", "generator"]
    assert data["credit_totals"] == []
    assert data["breach_credits"] == rows(judged.report())


def test_the_customer_reports_show_the_table_in_words() -> None:
    policy = sla_dsl.load_policy(PLANS)
    report = sla_dsl.evaluate(policy, PLAN_EVENTS, "2026-11-01", "2026-12-01")
    for fmt in ("text", "markdown", "html"):
        en = render(report, fmt, lang="en", policies=[policy])
        ja = render(report, fmt, lang="ja", policies=[policy])
        assert "Service credits per missed target" in en
        assert "1 missed × 10%: 10% of the fee is credited (Art. 6; incidents B1)" in en
        assert "Response (customers whose Plan is Premium)" in en and "Response (other customers)" in en
        assert "目標未達1件あたりのサービスクレジット" in ja
        assert "目標未達1件 × 5%（上限 25%）により、料金の 5% をクレジットとして返還（第5条。対象案件：B3）" in ja
        assert "応答（契約プランがプレミアムの顧客）" in ja and "応答（その他の顧客）" in ja
        assert "respond" not in ja and "Response" not in ja


def test_a_period_not_over_says_so_in_the_report() -> None:
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, EVENTS, "2026-11-01", "2026-12-01", "2026-11-05T00:00:00-05:00")
    assert "not final: the period is not over" in render(report, "text", lang="en", policies=[policy])
    assert "測定期間が終わっていないため確定していません" in render(report, "text", lang="ja", policies=[policy])
    assert "解決（解決までの時間）" in render(report, "text", lang="ja", policies=[policy])


def test_parquet_has_a_table_of_them() -> None:
    report = evaluate(POLICY, EVENTS, "2026-10-01", "2026-12-01")
    table = report_tables(report)["breach_credits"]
    assert table.column("credit").to_pylist() == [5.0, 0.0, 12.0]
    assert table.column("incidents").to_pylist() == [["A0"], ["A0", "A2"], ["A1", "A2", "A5"]]
    assert str(table.schema.field("start").type) == "timestamp[us, tz=America/New_York]"


# ---- sla test ------------------------------------------------------------------------------------------


def test_sla_test_names_the_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.sla").write_text(PLANS, "utf-8")
    (tmp_path / "events.jsonl").write_text("\n".join(json.dumps(e) for e in PLAN_EVENTS) + "\n", "utf-8")
    good = """cases:
  - name: credits per breach
    events_file: events.jsonl
    period: {from: "2026-11-01", to: "2026-12-01"}
    expect:
      breach_credits:
        "P1:respond:2026-11-01": 5
        "P1:respond:2026-11-01:plan=premium": {credit: 10, breaches: 1, incidents: [B1]}
"""
    (tmp_path / "good.yaml").write_text(good, "utf-8")
    assert main(["test", "--lang", "en", str(tmp_path / "p.sla"), str(tmp_path / "good.yaml")]) == 0
    (tmp_path / "bad.yaml").write_text(
        good.replace(": 5\n", ": 6\n").replace("2026-11-01:plan", "2026-11-02:plan"), "utf-8"
    )
    capsys.readouterr()
    assert main(["test", "--lang", "en", str(tmp_path / "p.sla"), str(tmp_path / "bad.yaml")]) == 1
    said = capsys.readouterr().out
    assert "P1:respond:2026-11-02:plan=premium" in said and "`P1:respond:2026-11-01:plan=premium`" in said


def test_a_target_on_a_named_clock_is_keyed_with_it() -> None:
    row = {"priority": "P1", "target": "resolve", "clock": "resolution", "start": dt.date(2026, 10, 1), "when": None}
    assert breach_credit_key(row) == "P1:resolve@resolution:2026-10-01"

"""One cap per measurement period when several versions' credit lines share it (``breach_credits``).

QA found that two versions of Click So-ko judging parts of one month with different ``credit N% per breach,
at most C% monthly`` lines on P1 gave a row each, each capped on its own: January 2027 owed 25% + 30% = 55%
of one month's fee, more than either version allows. A cap bounds what one measurement period owes for one
target of one priority rule: the rows of the lines that share the period keep their own figure within their
own cap, together at most the highest cap among them (100 for a line without one), settled in the order of
their first breach, each getting what is left. Each such row says so (``shared_cap``); a period with one line
is as it was.

Worked by hand on Click So-ko (Asia/Tokyo, P1 ``respond within 4 business hours``, business hours 10:00-12:00
and 13:00-18:00 on weekdays that are not Japanese holidays): an incident reported at 10:00 is due at 15:00
the same day, and one answered at 17:00 is a breach of that day.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import sla_dsl
from sla_dsl.authoring.replay import replay
from sla_dsl.cli import main
from sla_dsl.evaluation import judge
from sla_dsl.evaluation.partition import finish, merge
from sla_dsl.report import Report
from sla_dsl.report.render import render
from sla_dsl.report.tables import report_tables
from sla_dsl.scale import judge_table

from .helpers import POLICY_PATH as POLICY

LINE = "  respond within 4 business hours\n"


def version(name: str, effective: str, credit: str) -> str:
    """Click So-ko as version ``name`` effective ``effective``, with ``credit`` under P1's response target."""
    text = POLICY.read_text("utf-8")
    assert text.count(LINE) == 1 and text.count('version "2026.1"') == 1
    text = text.replace('version "2026.1"', f'version "{name}"')
    text = text.replace("effective 2026-04-01", f"effective {effective}")
    return text.replace(LINE, f"{LINE}  {credit}\n")


def late(days: list[str]) -> list[dict[str, Any]]:
    """A P1 incident per day (``2027-01-04``), reported at 10:00 (due 15:00) and answered at 17:00: a breach."""
    events: list[dict[str, Any]] = []
    for k, day in enumerate(days, 1):
        ident = f"INC-{k:02d}"
        events.append({"event": "incident.reported", "at": f"{day}T10:00:00+09:00", "id": ident, "priority": "P1"})
        events.append({"event": "incident.responded", "at": f"{day}T17:00:00+09:00", "id": ident})
    return events


#: 7 weekdays of January 2027 before the 16th (the 1st and Coming of Age Day, the 11th, are holidays), 5 after
JANUARY = late(
    [
        *("2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08", "2027-01-12", "2027-01-13"),
        *("2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21", "2027-01-22"),
    ]
)
V2 = version("2026.2", "2026-11-16", "credit 5% per breach, at most 25% monthly")
V3 = version("2026.3", "2027-01-16", "credit 10% per breach, at most 30% monthly")


def evaluate(texts: list[str], events: list[dict[str, Any]], start: str, end: str) -> Report:
    return sla_dsl.evaluate([sla_dsl.load_policy(t) for t in texts], events, start, end)


def owed(report: Report) -> list[tuple[Any, ...]]:
    return [
        (r.per_breach, r.cap, r.breaches, r.credit, r.shared_cap, r.complete, r.incidents[0])
        for r in report.breach_credits
    ]


def write(tmp_path: Path, texts: list[str], events: list[dict[str, Any]]) -> tuple[Path, Path]:
    folder = tmp_path / "policies"
    folder.mkdir()
    for k, text in enumerate(texts):
        (folder / f"v{k}.sla").write_text(text, "utf-8")
    log = tmp_path / "log.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return folder, log


# ---- the repro ----------------------------------------------------------------------------------------------


def test_two_versions_in_one_month_owe_at_most_the_higher_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA's repro, as QA ran it: ``sla evaluate DIR log.jsonl --from 2027-01-01 --to 2027-02-01``."""
    folder, log = write(tmp_path, [V2, V3], JANUARY)
    capsys.readouterr()
    code = main(["evaluate", str(folder), str(log), "--from", "2027-01-01", "--to", "2027-02-01", "--format", "json"])
    assert code == 0
    rows = json.loads(capsys.readouterr().out)["breach_credits"]
    got = [(r["per_breach"], r["breaches"], r["credit"]) for r in rows]
    # 7 x 5% = 35%, at most 25%: 25%; then 5 x 10% = 50%, at most 30%, and what is left of 30%: 5%
    assert got == [(5.0, 7, 25.0), (10.0, 5, 5.0)]
    assert sum(r["credit"] for r in rows) == 30.0
    assert [r["shared_cap"] for r in rows] == [30.0, 30.0]
    assert [r["incidents"][0] for r in rows] == ["INC-01", "INC-08"]  # (in the order they are settled)


def test_the_customer_reports_say_the_period_is_capped_as_a_whole() -> None:
    policies = [sla_dsl.load_policy(V2), sla_dsl.load_policy(V3)]
    report = sla_dsl.evaluate(policies, JANUARY, "2027-01-01", "2027-02-01")
    for fmt in ("text", "markdown", "html"):
        en = html.unescape(render(report, fmt, lang="en", policies=policies))  # (HTML writes ' as &#x27;)
        ja = html.unescape(render(report, fmt, lang="ja", policies=policies))
        assert "7 missed × 5%, at most 25%, and at most 30% with this period's other rows: 25% of the fee" in en
        assert "5 missed × 10%, at most 30% with this period's other rows: 5% of the fee is credited" in en
        assert (
            "P1 Priority 1, Response, Fri 1 Jan 00:00 - Mon 1 Feb 00:00 (month): the period's 2 rows together "
            "are capped at 30%, the highest cap among them; each is credited, in the order of its first missed "
            "target, what is left under it"
        ) in en
        assert "目標未達7件 × 5%（上限 25%。この測定期間のほかの行と合わせて上限 30%）により、料金の 25% を" in ja
        assert "目標未達5件 × 10%（この測定期間のほかの行と合わせて上限 30%）により、料金の 5% を" in ja
        assert (
            "P1 優先度１、応答、1月1日(金) 00:00 〜 2月1日(月) 00:00（月次）：この測定期間の2行は合わせて 30% を"
            "上限とします（各行の上限のうち最も高いもの）。最初の目標未達が早い行から順に、上限の残りの範囲で"
            "クレジットを返還します"
        ) in ja
        assert "shared" not in ja and "rows" not in ja


def test_a_line_without_a_cap_lets_the_period_owe_the_whole_fee_and_no_more() -> None:
    """A version's line without a cap (12% per breach) before one capped at 30%: the period's rows together are
    capped at 100 (the line without one): 7 x 12% = 84%, then 5 x 10% = 50%, at most 30%, of which 16% is left."""
    v2 = version("2026.2", "2026-11-16", "credit 12% per breach")
    report = evaluate([v2, V3], JANUARY, "2027-01-01", "2027-02-01")
    assert owed(report) == [
        (12.0, None, 7, 84.0, 100.0, True, "INC-01"),
        (10.0, 30.0, 5, 16.0, 100.0, True, "INC-08"),
    ]
    text = render(report, "text", lang="en")
    assert "7 missed × 12%, at most 100% with this period's other rows: 84% of the fee is credited" in text
    assert "5 missed × 10%, at most 30%, and at most 100% with this period's other rows: 16% of the fee" in text


# ---- a quarter of three versions ---------------------------------------------------------------------------

Q1 = version("2026.1", "2026-04-01", "credit 5% per breach, at most 20% quarterly")
Q2 = version("2026.2", "2027-02-01", "credit 10% per breach, at most 15% quarterly")
Q3 = version("2026.3", "2027-03-01", "credit 8% per breach, at most 40% quarterly")
#: 3 breaches under 2026.1 (January), 2 under 2026.2 (February: the 11th and 23rd are holidays), 4 under 2026.3
QUARTER = late(
    [
        *("2027-01-04", "2027-01-05", "2027-01-06"),
        *("2027-02-02", "2027-02-03"),
        *("2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"),
    ]
)


def test_three_versions_in_one_quarter_share_the_highest_quarterly_cap() -> None:
    """15% (3 x 5%, cap 20%), then 2 x 10% = 20% within its cap 15% and what is left of 40% (25%): 15%, then
    4 x 8% = 32% within its cap 40% and what is left (10%): 10%; 40% in all, the highest cap, never 15+15+32."""
    report = evaluate([Q1, Q2, Q3], QUARTER, "2027-01-01", "2027-04-01")
    assert owed(report) == [
        (5.0, 20.0, 3, 15.0, 40.0, True, "INC-01"),
        (10.0, 15.0, 2, 15.0, 40.0, True, "INC-04"),  # (before 2026.3's row: its first breach is earlier)
        (8.0, 40.0, 4, 10.0, 40.0, True, "INC-06"),
    ]
    assert {(r.period, str(r.start), str(r.end)) for r in report.breach_credits} == {
        ("quarter", "2027-01-01 00:00:00+09:00", "2027-04-01 00:00:00+09:00")
    }
    assert render(report, "text", lang="en").count("the period's 3 rows together are capped at 40%") == 1


def test_a_quarter_the_evaluated_period_cuts_owes_nothing_here_as_before() -> None:
    """January and February of that quarter: its rows owe 0 (the quarter's cap is settled by a report over all
    of it), say nothing of a shared cap (the lines of the quarter's other part are not known here), and read as
    a cut period's always did."""
    report = evaluate([Q1, Q2, Q3], QUARTER, "2027-01-01", "2027-03-01")
    assert owed(report) == [
        (5.0, 20.0, 3, 0.0, None, False, "INC-01"),
        (10.0, 15.0, 2, 0.0, None, False, "INC-04"),
    ]
    assert all("shared_cap" not in r.model_dump(mode="json") for r in report.breach_credits)
    text = render(report, "text", lang="en")
    assert "the credit is settled by a report over the whole period" in text and "capped at" not in text


# ---- the contract ---------------------------------------------------------------------------------------------


def test_the_json_gains_shared_cap_only_where_lines_share_a_period() -> None:
    report = evaluate([V2, V3], JANUARY, "2027-01-01", "2027-02-01")
    keys = [
        "priority", "target", "clock", "when", "period", "start", "end", "complete", "breaches", "per_breach", "cap",
        "credit", "ref", "incidents",
    ]  # fmt: skip
    # (``policy_versions``, added later, after every other key)
    assert [list(r.model_dump(mode="json")) for r in report.breach_credits] == [
        [*keys, "shared_cap", "policy_versions"]
    ] * 2
    # one version: the row's keys are the ones they always were (then the later ``policy_versions``)
    alone = evaluate([V2], JANUARY, "2027-01-01", "2027-02-01")
    assert [list(r.model_dump(mode="json")) for r in alone.breach_credits] == [[*keys, "policy_versions"]]
    assert alone.breach_credits[0].shared_cap is None and alone.breach_credits[0].credit == 25.0
    # the report's schema names it, and a report read back from its JSON has it again
    schema = Report.model_json_schema(mode="serialization")["$defs"]["BreachCreditRow"]
    assert "shared_cap" in schema["properties"] and "shared_cap" not in schema.get("required", [])
    again = Report.model_validate_json(render(report, "json"))
    assert again.breach_credits == report.breach_credits
    assert Report.model_validate_json(render(alone, "json")).breach_credits[0].shared_cap is None


def test_parquet_has_a_shared_cap_column_after_the_others() -> None:
    report = evaluate([V2, V3], JANUARY, "2027-01-01", "2027-02-01")
    table = report_tables(report)["breach_credits"]
    assert table.column_names[-3:] == ["incidents", "shared_cap", "policy_versions"]
    assert str(table.schema.field("shared_cap").type) == "double" and table.schema.field("shared_cap").nullable
    assert table.column("shared_cap").to_pylist() == [30.0, 30.0]
    assert table.column("credit").to_pylist() == [25.0, 5.0]
    alone = report_tables(evaluate([V2], JANUARY, "2027-01-01", "2027-02-01"))["breach_credits"]
    assert alone.column("shared_cap").to_pylist() == [None]


def test_a_split_run_gives_the_one_run_rows() -> None:
    """Breach credits are computed from every incident's verdict after the partitions meet (Dask, Spark)."""
    policies = [sla_dsl.load_policy(V2), sla_dsl.load_policy(V3)]
    frame = pd.DataFrame(JANUARY)
    buckets = (["INC-01", "INC-09"], ["INC-02", "INC-03", "INC-12"], [f"INC-{k:02d}" for k in (4, 5, 6, 7, 8, 10, 11)])
    parts = [judge_table(policies, frame[frame["id"].isin(ids)], "2027-01-01", "2027-02-01") for ids in buckets]
    merged = finish(policies, merge(parts), "2027-01-01", "2027-02-01")
    one = judge(policies, JANUARY, "2027-01-01", "2027-02-01")
    out_merged, out_one = io.BytesIO(), io.BytesIO()
    merged.write_json(out_merged)
    one.write_json(out_one)
    assert out_merged.getvalue() == out_one.getvalue()
    assert [r["credit"] for r in json.loads(out_one.getvalue())["breach_credits"]] == [25.0, 5.0]


def test_sla_test_can_expect_the_shared_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, log = write(tmp_path, [V2, V3], JANUARY)
    (tmp_path / "cases.yaml").write_text(
        f"""cases:
  - name: one cap for January
    events_file: {log.name}
    period: {{from: "2027-01-01", to: "2027-02-01"}}
    expect:
      breach_credits:
        "P1:respond:2027-01-01:version=2026.2": {{credit: 25, shared_cap: 30}}
        "P1:respond:2027-01-01:version=2026.3": {{credit: 5, shared_cap: 30}}
""",
        "utf-8",
    )
    assert main(["test", "--lang", "en", str(folder), str(tmp_path / "cases.yaml")]) == 0
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "v.sla").write_text(V2, "utf-8")
    (tmp_path / "alone.yaml").write_text(
        f"""cases:
  - name: one line
    events_file: {log.name}
    period: {{from: "2027-01-01", to: "2027-02-01"}}
    expect:
      breach_credits:
        "P1:respond:2027-01-01": {{credit: 25, shared_cap: null}}
""",
        "utf-8",
    )
    capsys.readouterr()
    assert main(["test", "--lang", "en", str(alone), str(tmp_path / "alone.yaml")]) == 0, capsys.readouterr().out


def test_replay_says_a_row_is_capped_with_the_periods_other_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """OLD: 2026.2 alone (12 breaches, 25%); NEW: 2026.2 and 2026.3 (25%, then 5%)."""
    tokyo = dt.timezone(dt.timedelta(hours=9))
    start, end = dt.datetime(2027, 1, 1, tzinfo=tokyo), dt.datetime(2027, 2, 1, tzinfo=tokyo)
    result = replay(sla_dsl.load_policy(V2), [sla_dsl.load_policy(V2), sla_dsl.load_policy(V3)], JANUARY, start, end)
    got = [(c.change, c.old_credit, c.new_credit, c.old_shared_cap, c.new_shared_cap) for c in result.breach_credits]
    assert got == [("changed", 25.0, 25.0, None, 30.0), ("added", None, 5.0, None, 30.0)]
    dumped = [c.model_dump(mode="json") for c in result.breach_credits]
    assert ["old_shared_cap" in d for d in dumped] == [False, False]
    assert [d["new_shared_cap"] for d in dumped] == [30.0, 30.0]
    old_dir, log = write(tmp_path, [V2], JANUARY)
    new_dir = tmp_path / "new"
    new_dir.mkdir()
    for k, text in enumerate([V2, V3]):
        (new_dir / f"v{k}.sla").write_text(text, "utf-8")
    period = ["--from", "2027-01-01", "--to", "2027-02-01"]
    for lang, said in (
        ("en", "5 missed, 5% credited (at most 30% with the period's other rows)"),
        ("ja", "未達 5 件、クレジット 5%（この測定期間のほかの行と合わせて上限 30%）"),
    ):
        capsys.readouterr()
        main(["replay", "--lang", lang, str(old_dir), str(new_dir), str(log), *period])
        assert said in capsys.readouterr().out

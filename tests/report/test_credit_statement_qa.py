"""What an account manager checking service-credit statements found: every figure right, two texts wrong.

* The summary said "met" (達成) for a target measured over a period not over yet: a quarterly target in a
  monthly report read ``99%以上 99.310% 達成`` while the per-period table said 集計中 (not final) and
  ``sla explain`` of the period "not final (met so far)"; the quarter may still end below it. It now says
  集計中（ここまでは達成） / ``not final (met so far)``, as ``sla explain`` does, and "met" once the
  quarter is over.
* The outages table of a policy without a ``notify`` rule showed only id, start, end and downtime: two
  outages of different services at one minute could not be told apart, and an outage counting 0:00 (its
  cause excluded) or 1:00 of 2:00 (an hour in a noticed planned stop or a maintenance window) gave no
  reason. It now names each outage's service (in a column when they are of different services, else a
  note under the table) and says, in a column beside the downtime (数えない時間 / "Not counted"), why
  each counts less than it lasted, with the minutes of each reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from docs.htmltables import tables

import sla_dsl
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import EXAMPLE, MONTH, POLICY, sla

#: Two services: ``api`` around the clock (monthly), ``portal`` in business hours with a quarterly target.
TWO = """\
sla "Two" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}

article 2 "サービス" / "Services"
article 4 "適用除外" / "Exclusions"
article 6 "サービスクレジット" / "Service credits"

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
}

calendar always "24時間365日" / "24 hours, 365 days" {
  days mon..sun
  hours 00:00-24:00
}

service api "API サービス" / "API service" [art 6] {
  hours always except maintenance, planned stops
  availability target 99.5% monthly
}

service portal "管理ポータル" / "Admin portal" [art 6] {
  hours business except maintenance
  availability target 99.0% quarterly
}

planned stop "計画停止" / "Planned stops" [art 2] {
  notice 7 days before start date by email
  emergency without notice, counts as downtime
}

maintenance regular "定期メンテナンス" / "Regular maintenance" [art 2] {
  every month on 2nd sun, 02:00-04:00
  notice none
}

priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
}

exclude customer_fault "お客様の故意または過失" / "Customer's intent or negligence" [art 4]
"""


def _outage(ident: str, start: str, end: str, service: str, cause: str = "failure") -> list[dict[str, str]]:
    return [
        {"event": "outage.started", "at": f"2026-{start}:00+09:00", "id": ident, "cause": cause, "service": service},
        {"event": "outage.ended", "at": f"2026-{end}:00+09:00", "id": ident},
    ]


STOP = {
    "event": "stop.announced",
    "at": "2026-11-01T10:00:00+09:00",
    "id": "STOP-A",
    "channel": "email",
    "start": "2026-11-20T01:00:00+09:00",
    "end": "2026-11-20T02:00:00+09:00",
}
EVENTS = [
    *_outage("O0", "10-31T23:30", "11-01T00:30", "api"),  # half an hour before the period
    STOP,
    *_outage("O1", "11-08T01:00", "11-08T03:00", "api"),  # an hour in the maintenance window 02:00-04:00
    *_outage("O2", "11-20T00:30", "11-20T02:30", "api"),  # an hour in STOP-A, noticed in time
    *_outage("O6", "11-25T10:00", "11-25T11:00", "api"),  # two services down at the same minute
    *_outage("O7", "11-25T10:00", "11-25T10:30", "portal"),
    *_outage("O3", "11-26T09:00", "11-26T12:00", "portal", "customer_fault"),  # excluded (Article 4)
    # the lunch hour is outside the portal's hours, 11:00-12:00 lies in O3 (excluded): 0:30 of 2:30 counts
    *_outage("O4", "11-26T11:00", "11-26T13:30", "portal"),
]
#: the outages table, as (id, service, downtime, not counted) in each language
ROWS = {
    "ja": [
        ("O0", "API サービス", "0:30", "対象期間外：0:30"),
        ("O1", "API サービス", "1:00", "定期メンテナンス：1:00"),
        ("O2", "API サービス", "1:00", "通知済みの計画停止 STOP-A：1:00"),
        ("O6", "API サービス", "1:00", "-"),
        ("O7", "管理ポータル", "0:30", "-"),
        ("O3", "管理ポータル", "0:00", "第4条により適用外（お客様の故意または過失）：3:00"),
        ("O4", "管理ポータル", "0:30", "サービス提供時間外（営業時間）：1:00、適用外の障害 O3 と重なる時間：1:00"),
    ],
    "en": [
        ("O0", "API service", "0:30", "outside the period: 0:30"),
        ("O1", "API service", "1:00", "Regular maintenance: 1:00"),
        ("O2", "API service", "1:00", "noticed planned stop STOP-A: 1:00"),
        ("O6", "API service", "1:00", "-"),
        ("O7", "Admin portal", "0:30", "-"),
        ("O3", "Admin portal", "0:00", "excluded under Art. 4 (Customer's intent or negligence): 3:00"),
        (
            "O4",
            "Admin portal",
            "0:30",
            "outside the service hours (Business hours): 1:00; overlapping excluded outage O3: 1:00",
        ),
    ],
}
HEADER = {
    "ja": ["ID", "サービス", "開始", "終了", "停止時間（時間:分）", "数えない時間"],
    "en": ["ID", "Service", "Start", "End", "Downtime (h:mm)", "Not counted"],
}
FORMATS = [(fmt, lang) for fmt in ("text", "markdown", "html") for lang in ("ja", "en")]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("credits")
    (folder / "p.sla").write_text(TWO, "utf-8")
    (folder / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return folder / "p.sla", folder / "e.jsonl"


def _table(out: str, fmt: str, title: str) -> list[list[str]]:
    """The rows (header first) of the table headed ``title`` of a rendered report."""
    if fmt == "html":
        section = re.search(rf"<h2>{re.escape(title)}</h2>.*?</table>", out, re.S)
        assert section is not None, title
        (rows,) = tables(section.group(0)).values()
        return [r.cells for r in rows]
    if fmt == "markdown":
        lines = out.split(f"## {title}\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
        return [[c.strip().strip("*") for c in x.strip("|").split(" | ")] for x in lines if not x.startswith("|--")]
    lines = out.split(f"\n{title}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    return [re.split(r"\s{2,}", x.strip()) for x in lines if not x.lstrip().startswith(("※", "Note:"))]


def _evaluate(files: tuple[Path, Path], fmt: str, lang: str, *period: str) -> str:
    code, out, err = sla("evaluate", *files, *(period or MONTH), "--format", fmt, "--lang", lang)
    assert code == 0, err
    return out


# -- 1. the summary of a period not over --------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_a_quarter_not_over_is_not_final_in_the_summary(files: tuple[Path, Path], fmt: str, lang: str) -> None:
    out = _evaluate(files, fmt, lang)
    summary = _table(out, fmt, {"ja": "総括", "en": "Summary"}[lang])
    portal = next(r for r in summary if r[0] in ("稼働率（管理ポータル）", "Availability (Admin portal)"))
    api = next(r for r in summary if r[0] in ("稼働率（API サービス）", "Availability (API service)"))
    assert (
        portal[1:4]
        == {
            "ja": ["99%以上", "99.310%", "集計中（ここまでは達成）"],
            "en": ["at least 99%", "99.310%", "not final (met so far)"],
        }[lang]
    ), portal
    assert api[3] == {"ja": "達成", "en": "met"}[lang], api  # (a month that is over: met)
    # as the per-period table and `sla explain` of the period say it
    periods = _table(
        out,
        fmt,
        {"ja": "サービス別・測定期間別の稼働率", "en": "Availability per service and measurement period"}[lang],
    )
    assert (
        next(r for r in periods if r[0] in ("管理ポータル", "Admin portal"))[-1]
        == {"ja": "集計中", "en": "not final"}[lang]
    )


def test_sla_explain_of_the_quarter_says_the_same(files: tuple[Path, Path]) -> None:
    for lang, said in (("ja", "目標 99%：集計中（ここまでは達成）"), ("en", "target 99%: not final (met so far)")):
        code, out, err = sla("explain", *files, "portal:2026-11-01", *MONTH, "--lang", lang)
        assert code == 0, err
        assert said in out, out


def test_the_whole_quarter_over_is_met(files: tuple[Path, Path]) -> None:
    out = _evaluate(files, "text", "en", "--from", "2026-10-01", "--to", "2027-01-01")
    line = next(x for x in out.splitlines() if x.strip().startswith("Availability (Admin portal)"))
    assert re.split(r"\s{2,}", line.strip())[3] == "met", line


# -- 2. the outages table: whose outage, and why it counts less ------------------------------------------


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_the_outages_table_names_the_service_and_what_is_not_counted(
    files: tuple[Path, Path], fmt: str, lang: str
) -> None:
    rows = _table(_evaluate(files, fmt, lang), fmt, {"ja": "障害", "en": "Outages"}[lang])
    assert rows[0] == HEADER[lang]
    assert [(r[0], r[1], r[4], r[5]) for r in rows[1:]] == ROWS[lang]


def test_the_reasons_add_up_to_what_each_outage_does_not_count(files: tuple[Path, Path]) -> None:
    """Each reason's minutes add up to the row's ``excused_minutes`` and the time outside the period."""
    report = json.loads(_evaluate(files, "json", "en"))
    cells = {r[0]: r[3] for r in ROWS["en"]}
    for o in report["outages"]:
        said = sum(int(h) * 60 + int(m) for h, m in re.findall(r"(\d+):(\d\d)", cells[o["id"]]))
        lasted = dt.datetime.fromisoformat(o["end"]) - dt.datetime.fromisoformat(o["start"])
        assert said == round(lasted.total_seconds() / 60 - o["downtime_minutes"]), o["id"]


@pytest.mark.parametrize(
    ("lang", "rows"),
    [
        (
            "ja",
            [
                ("E1", "0:00", "停止時間に数えない緊急停止：1:00"),
                ("O8", "0:30", "停止時間に数えない緊急停止 E1 と重なる時間：0:30"),
                ("O9", "0:30", "-"),
            ],
        ),
        (
            "en",
            [
                ("E1", "0:00", "emergency stop not counted as downtime: 1:00"),
                ("O8", "0:30", "overlapping emergency stop E1 (not downtime): 0:30"),
                ("O9", "0:30", "-"),
            ],
        ),
    ],
)
def test_an_excused_emergency_stop_and_what_overlaps_it(tmp_path: Path, lang: str, rows: list[tuple[str, ...]]) -> None:
    """The planned-stop rule excuses emergencies: the stop itself, and the half hour of an outage of the same
    service inside it, are not downtime; an outage of the other service at the same time is."""
    policy = tmp_path / "p.sla"
    policy.write_text(
        TWO.replace("emergency without notice, counts as downtime", "emergency without notice, excused"), "utf-8"
    )
    events = [
        *_outage("E1", "11-10T10:00", "11-10T11:00", "api", "emergency"),
        *_outage("O8", "11-10T10:30", "11-10T11:30", "api"),
        *_outage("O9", "11-10T10:45", "11-10T11:15", "portal"),
    ]
    log = tmp_path / "e.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    out = _evaluate((policy, log), "text", lang)
    assert [(r[0], r[4], r[5]) for r in _table(out, "text", {"ja": "障害", "en": "Outages"}[lang])[1:]] == rows


def test_a_report_read_back_without_its_policy_says_the_excused_time_in_one(files: tuple[Path, Path]) -> None:
    """Without the policy the maintenance window is not known: the minutes are said in the words of the
    availability table's row of excused time, never left unsaid nor taken apart wrongly."""
    policy = sla_dsl.load_policy(files[0])
    report = Report.model_validate_json(_evaluate(files, "json", "en"))
    rows = _table(render(report, "text", lang="ja", policies=[]), "text", "障害")
    o1 = next(r for r in rows if r[0] == "O1")
    assert o1[-1] == "除外時間（定期メンテナンス・通知済み計画停止）：1:00", o1
    assert render(report, "text", lang="ja", policies=[policy]) == _evaluate(files, "text", "ja")


def test_one_service_with_nothing_left_out_keeps_the_four_columns(tmp_path: Path) -> None:
    policy = tmp_path / "p.sla"
    policy.write_text(TWO.split("service portal")[0], "utf-8")
    log = tmp_path / "e.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in _outage("X1", "11-25T10:00", "11-25T11:00", "api")), "utf-8")
    code, out, err = sla("evaluate", policy, log, *MONTH, "--lang", "en")
    assert code == 0, err
    assert _table(out, "text", "Outages") == [
        ["ID", "Start", "End", "Downtime (h:mm)"],
        ["X1", "Wed 25 Nov 10:00", "Wed 25 Nov 11:00", "1:00"],
    ]


def test_click_so_ko_s_outages_say_what_is_not_counted() -> None:
    """Click So-ko's month (one notification rule, outages naming no service): the noticed stop, the
    maintenance window and the exclusion, beside the notice columns."""
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--lang", "ja")
    assert code == 0, err
    rows = {r[0]: r for r in _table(out, "text", "障害と通知（復旧情報通知時間）")}
    assert rows["ID"][:6] == ["ID", "開始", "終了", "停止時間（時間:分）", "数えない時間", "通知期限"]
    assert rows["OUT-06"][3:5] == ["0:00", "通知済みの計画停止 STOP-01：1:50"]
    assert rows["OUT-08"][3:5] == ["0:30", "定期メンテナンス停止：0:40"]
    assert rows["OUT-05"][3:5] == ["0:00", "第4条により適用外（天災地変その他の不可抗力によるサービス停止）：2:00"]
    assert rows["OUT-01"][4] == "-"
    # (outages naming no service, one measured of Click So-ko's three: a note names it, not a column)
    assert "  ※ 一覧の障害は、すべて「デジタルコンテンツ管理サービス」の障害です。" in out


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("ja", "※ 一覧の障害は、すべて「コンテンツ配信」の障害です。"),
        ("en", "Note: Every outage listed is of “Content delivery”."),
    ],
)
def test_the_outages_of_one_service_say_which_in_a_note(lang: str, note: str) -> None:
    """The plans example: two services, its one outage of ``content``, judged by two notification rules (a
    table of a line per rule, which a column more would push past the page in print)."""
    plans = POLICY.parent / "examples"
    code, out, err = sla("evaluate", plans / "plans.sla", plans / "plans.jsonl", *MONTH, "--lang", lang)
    assert code == 0, err
    section = out.split("\n\n" + ("障害と通知" if lang == "ja" else "Outages and notices") + "\n", 1)[1].split("\n\n")[
        0
    ]
    assert section.splitlines()[0].split()[:2] == (["ID", "開始"] if lang == "ja" else ["ID", "Start"])
    assert note in section

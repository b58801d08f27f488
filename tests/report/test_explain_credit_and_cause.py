"""``sla explain`` of planned work and of a credit per missed target, from an account manager's QA pass.

* An outage with ``"cause": "planned"`` inside a planned stop announced too late read ``cause: planned
  stop`` and then counted its two hours as downtime, with nothing said of why: a cause excuses nothing, only
  a validly noticed stop's window (or a maintenance window) does. The cause is now ``planned work``, and
  the outage says the stop's window it lies in and why that window excuses nothing (its notice, as the
  report's planned-stop table says it); planned work in no announced stop says none was announced, and
  planned work partly in one how much lies outside. An incident's cause was said as its bare name in
  Japanese (``原因：failure``).
* ``sla explain P1:respond:2026-12-01`` (a row of the report's ``breach_credits``, by its key in a test
  file) was refused as "no incident, outage, planned stop or backup", a list that also left out the
  measurement periods explain takes. The refusal now names every kind of id with its form, and the row is
  explained: each breach at its due time, the credit line and its version, the sum, the cap and whether it
  applied, the credit: the report's own row, the same figures ``sla evaluate`` gives.
* The event docs say what each outage cause means.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .helpers import ROOT, sla

POLICY = """\
sla "Cloudia SaaS" {
  format 1
  version "2026.10"
  effective 2026-07-01
  timezone Asia/Tokyo
  provider "クラウディア株式会社" / "Cloudia K.K."
  title "Cloudia サービスレベル契約" / "Cloudia Service Level Agreement"
  languages ja, en
}

article 2 "サービス" / "Services"
article 3 "サービスレベル" / "Service levels"
article 4 "適用除外" / "Exclusions"
article 6 "サービスクレジット" / "Service credits"

attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value enterprise "エンタープライズ" / "Enterprise"
  default standard
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}

calendar always "24時間365日" / "24 hours, 365 days" {
  days mon..sun
  hours 00:00-24:00
}

service api "API サービス" / "API service" [art 6] {
  hours always except maintenance, planned stops
  availability target 99.5% monthly
  credit below 99.5% 10%, below 95.0% 25%
}

service portal "管理ポータル" / "Admin portal" [art 6] {
  hours always except maintenance
  availability target 99.0% quarterly
  credit below 99.0% 10%, below 98.0% 20%
}

planned stop "計画停止" / "Planned stops" [art 2] {
  notice 7 days before start date by email
  emergency without notice, counts as downtime
}

priority P1 "緊急（エンタープライズ）" / "Urgent (Enterprise)" [art 3] {
  when plan = enterprise
  respond within 1 hour
  credit 10% per breach, at most 30% monthly
}

priority P1 "緊急" / "Urgent" [art 3] {
  respond within 4 business hours
  credit 5% per breach, at most 20% monthly
}

priority P2 "高" / "High" [art 3] {
  respond within 1 business day
  credit 2% per breach, at most 10% quarterly
}

exclude customer_fault "お客様の故意または過失" / "Customer's intent or negligence" [art 4]
"""

LATE = {
    "event": "stop.announced",
    "at": "2026-11-10T09:00:00+09:00",
    "id": "STOP-LATE",
    "channel": "email",
    "start": "2026-11-14T01:00:00+09:00",
    "end": "2026-11-14T03:00:00+09:00",
}
OK = {
    "event": "stop.announced",
    "at": "2026-11-01T10:00:00+09:00",
    "id": "STOP-OK",
    "channel": "email",
    "start": "2026-11-20T01:00:00+09:00",
    "end": "2026-11-20T02:00:00+09:00",
}


def _outage(ident: str, start: str, end: str, cause: str, service: str = "api") -> list[dict[str, Any]]:
    return [
        {"event": "outage.started", "at": start, "id": ident, "cause": cause, "service": service},
        {"event": "outage.ended", "at": end, "id": ident},
    ]


def _incident(ident: str, priority: str, at: str, responded: str, **more: Any) -> list[dict[str, Any]]:
    return [
        {"event": "incident.reported", "at": at, "id": ident, "priority": priority, **more},
        {"event": "incident.responded", "at": responded, "id": ident},
    ]


EVENTS: list[dict[str, Any]] = [
    LATE,
    OK,
    *_outage("O4", "2026-11-14T01:00:00+09:00", "2026-11-14T03:00:00+09:00", "planned"),
    *_outage("O5", "2026-11-20T00:30:00+09:00", "2026-11-20T02:30:00+09:00", "planned"),
    *_outage("O6", "2026-11-25T10:00:00+09:00", "2026-11-25T12:00:00+09:00", "planned"),
    *_outage("O7", "2026-11-14T01:30:00+09:00", "2026-11-14T02:00:00+09:00", "failure", "portal"),
    *_incident("I-P2A", "P2", "2026-10-30T17:00:00+09:00", "2026-11-02T18:00:00+09:00"),
    *_incident("I-F", "P2", "2026-11-04T10:00:00+09:00", "2026-11-04T11:00:00+09:00", cause="failure"),
    *[
        _e
        for n in range(1, 6)
        for _e in _incident(f"I-{n}", "P1", "2026-12-07T10:00:00+09:00", "2026-12-07T16:00:00+09:00")
    ],
    *_incident(
        "I-ENT", "P1", "2026-11-30T23:30:00+09:00", "2026-12-01T01:00:00+09:00", attributes={"plan": "enterprise"}
    ),
    *_incident("I-P2B", "P2", "2026-12-08T10:00:00+09:00", "2026-12-09T12:00:00+09:00"),
]

NOVEMBER = ["--from", "2026-11-01", "--to", "2026-12-01"]
QUARTER = ["--from", "2026-10-01", "--to", "2027-01-01"]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    policy, log = tmp_path / "p.sla", tmp_path / "ev.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in EVENTS), "utf-8")
    return policy, log


def _explain(tmp_path: Path, *args: str) -> str:
    code, out, err = sla("explain", *_files(tmp_path), *args)
    assert code == 0, err
    return out


# -- an outage's cause, and why its time counts ---------------------------------------------------------


def test_planned_work_in_a_stop_announced_too_late_says_why_it_counts(tmp_path: Path) -> None:
    en = _explain(tmp_path, "O4", *NOVEMBER, "--lang", "en")
    assert en.splitlines()[0].startswith("Outage O4 (policy version 2026.10): downtime 2:00")
    line = en.splitlines()[2]
    assert "cause: planned work;" in line
    assert "planned stop;" not in line and "cause: planned stop" not in en
    assert (
        "in the window of planned stop STOP-LATE (until Sat 14 Nov 03:00): no valid notice (Tue 10 Nov 09:00 "
        "by e-mail: too late), not excused: outages during it count as downtime" in line
    )
    ja = _explain(tmp_path, "O4", *NOVEMBER, "--lang", "ja")
    assert "原因：計画作業" in ja and "原因：計画停止" not in ja
    assert (
        "計画停止 STOP-LATE（11月14日(土) 03:00 まで）の時間帯：有効な通知がないため"
        "（11月10日(火) 09:00 メールで通知：期限後）除外時間にならず、その間の障害は停止時間に算入" in ja
    )
    # (the stop's own explanation says the same of its window: not excused)
    stop = _explain(tmp_path, "STOP-LATE", *NOVEMBER, "--lang", "en")
    assert "no valid notice: not excused, outages during its window count as downtime" in stop


def test_planned_work_with_no_stop_announced(tmp_path: Path) -> None:
    en = _explain(tmp_path, "O6", *NOVEMBER, "--lang", "en")
    assert (
        "cause: planned work; no notification rule for outages: no notice target; no planned stop was announced "
        "for its time, and only the window of a validly noticed planned stop (or a maintenance window) excuses "
        "time: downtime 2:00" in en
    )
    ja = _explain(tmp_path, "O6", *NOVEMBER, "--lang", "ja")
    assert "その時間帯に通知された計画停止はなく" in ja and "停止時間 2:00" in ja


def test_planned_work_partly_in_a_valid_stop(tmp_path: Path) -> None:
    """00:30 to 02:30 around a valid stop from 01:00 to 02:00: an hour excused, an hour outside it."""
    en = _explain(tmp_path, "O5", *NOVEMBER, "--lang", "en")
    assert en.splitlines()[0].startswith("Outage O5 (policy version 2026.10): downtime 1:00")
    assert "1:00 of it is not downtime (noticed planned stop STOP-OK: 1:00)" in en  # (the outages table's reason)
    assert "1:00 of it lies outside the window of every planned stop announced" in en
    assert en.count("STOP-OK") == 1  # (the valid stop excuses its hour: said by the excused time alone)


def test_a_valid_stop_on_a_service_that_does_not_leave_stops_out(tmp_path: Path) -> None:
    """``portal``'s hours leave out maintenance only: an outage in a validly noticed stop counts."""
    en = _explain(tmp_path, "O7", *NOVEMBER, "--lang", "en")
    assert "cause: failure" in en
    assert "STOP-LATE" in en  # (its notice is not valid: said for any cause)
    events = [e for e in EVENTS if e.get("id") != "STOP-LATE"] + [
        {**LATE, "at": "2026-11-01T10:00:00+09:00", "id": "STOP-LATE"}
    ]
    policy, log = _files(tmp_path)
    log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), "utf-8")
    code, out, err = sla("explain", policy, log, "O7", *NOVEMBER, "--lang", "en")
    assert code == 0, err
    assert (
        "in the window of planned stop STOP-LATE (until Sat 14 Nov 03:00): validly noticed, but the hours of "
        "“Admin portal” do not leave planned stops out: outages during it count as downtime" in out
    )


def test_an_incidents_cause_is_said_in_words(tmp_path: Path) -> None:
    ja = _explain(tmp_path, "I-F", *NOVEMBER, "--lang", "ja")
    assert "原因：障害" in ja and "failure" not in ja


# -- a row of credits per missed target ------------------------------------------------------------------


def test_an_id_nothing_has_is_refused_naming_every_form(tmp_path: Path) -> None:
    code, out, err = sla("explain", *_files(tmp_path), "P1:respond:2026-12-02", *QUARTER, "--lang", "en")
    assert (code, out) == (1, "")
    assert "no incident, outage, planned stop, backup, violation, measurement period or credit per missed" in err
    assert "a service's measurement period `SERVICE:YYYY-MM-DD`, its first day (`api:2026-10-01`)" in err
    assert "a credit per missed target `PRIORITY:TARGET:YYYY-MM-DD`, the first day of its period (`P2:" in err
    code, _, err = sla("explain", *_files(tmp_path), "P1:respond:2026-12-02", *QUARTER, "--lang", "ja")
    assert code == 1
    assert "測定期間・目標未達のサービスクレジットはありません" in err
    assert "サービスの測定期間は `サービス名:初日`（例：`api:2026-10-01`）" in err


def test_a_credit_row_is_explained_from_the_reports_row(tmp_path: Path) -> None:
    en = _explain(tmp_path, "P1:respond:2026-12-01", *QUARTER, "--lang", "en").splitlines()
    assert en[0] == (
        "Service credit P1 Urgent, Response (other customers), Tue 1 Dec 00:00 - Fri 1 Jan 2027 00:00 (month): "
        "20% of the fee"
    )
    assert en[2] == "Under: Art. 3 (Service levels), P1 Urgent"
    assert en[3].startswith("  Mon 7 Dec 15:00  I-1 due: missed (responded Mon 7 Dec 16:00), breach 1; I-2 due")
    assert "I-5 due: missed (responded Mon 7 Dec 16:00), breach 5" in en[3]
    assert en[4:] == [
        "  credit line (policy version 2026.10): 5% of the fee per missed target, at most 20% per month",
        "  5 missed × 5% = 25%",
        "  above the cap of 20%: the cap applies, 20%",
        "  20% of the fee is credited",
    ]
    ja = _explain(tmp_path, "P1:respond:2026-12-01", *QUARTER, "--lang", "ja").splitlines()
    assert ja[0].startswith("サービスクレジット P1 緊急、応答（その他の顧客）、12月1日(火) 00:00")
    assert ja[-3:] == [
        "  目標未達 5 件 × 5% ＝ 25%",
        "  上限 20% を超えるため、上限を適用：20%",
        "  料金の 20% をクレジットとして返還",
    ]


def test_the_json_row_is_the_reports_row(tmp_path: Path) -> None:
    policy, log = _files(tmp_path)
    code, out, err = sla("evaluate", policy, log, *QUARTER, "--format", "json", "--no-trend")
    assert code == 0, err
    rows = json.loads(out)["breach_credits"]
    code, out, err = sla("explain", policy, log, "P1:respond:2026-12-01:plan=enterprise", *QUARTER, "--format", "json")
    assert code == 0, err
    [item] = json.loads(out)
    explanation = item.pop("explanation")
    assert item.pop("id") == "P1:respond:2026-12-01:plan=enterprise"
    assert item in rows and item["incidents"] == ["I-ENT"] and item["credit"] == 10.0
    assert explanation["summary"][-2:] == ["上限 30% の範囲内：10%", "料金の 10% をクレジットとして返還"]


def test_a_version_names_the_row_of_that_version(tmp_path: Path) -> None:
    one = _explain(tmp_path, "P1:respond:2026-12-01:version=2026.10", *QUARTER, "--lang", "en")
    assert one.startswith("Service credit P1 Urgent, Response (other customers)")
    code, _, err = sla("explain", *_files(tmp_path), "P1:respond:2026-12-01:version=2026.9", *QUARTER)
    assert code == 1 and "P1:respond:2026-12-01:version=2026.9" in err


def test_a_quarterly_credit_without_from_and_to_is_judged_over_its_quarter(tmp_path: Path) -> None:
    en = _explain(tmp_path, "P2:respond:2026-10-01", "--lang", "en").splitlines()
    assert en[0].endswith("(quarter): 4% of the fee")
    assert en[1] == "Judged over Thu 1 Oct 2026 00:00 to Fri 1 Jan 2027 00:00 (as of Fri 1 Jan 2027 00:00)"
    assert "  Mon 2 Nov 17:00  I-P2A due: missed (responded Mon 2 Nov 18:00), breach 1" in en
    assert en[-2:] == ["  within the cap of 10%: 4%", "  4% of the fee is credited"]


def test_a_quarter_cut_by_the_period_owes_nothing_here(tmp_path: Path) -> None:
    en = _explain(tmp_path, "P2:respond:2026-10-01", *NOVEMBER, "--lang", "en").splitlines()
    assert en[0].endswith("(quarter): settled by a report over the whole period")
    assert en[-1] == "  a report over the whole period: `--from 2026-10-01 --to 2027-01-01`"
    assert not any("×" in line for line in en)


# -- the event docs ---------------------------------------------------------------------------------------


def test_the_event_docs_say_what_each_cause_means() -> None:
    for lang, heading in (("en", "### Outage causes {#outage-causes}"), ("ja", "### 障害の原因 {#outage-causes}")):
        text = (ROOT / "docs" / "engineers" / f"events.{lang}.md").read_text("utf-8")
        assert heading in text, lang
        section = " ".join(text.split(heading, 1)[1].split("\n## ", 1)[0].split())
        for cause in ("failure", "planned", "emergency", "force_majeure", "customer_fault"):
            assert f"| `{cause}`" in section or f"`{cause}`、" in section or f"`{cause}`," in section, (lang, cause)
        assert "except planned stops" in section and "except maintenance" in section

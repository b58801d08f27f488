"""What a Japanese reader found on the customer report, and the English alike.

* A named target of a priority whose rule with ``when`` lacks it was said ``その他：4営業時間以内``
  beside the rule left out: the English-line customers read that they have it. It names the customers
  its rule is for (``…の場合以外``).
* A ``data`` note on an attribute an event does not change showed the event type's, the attribute's
  and the value's ids and the keyword ``changes at``, in backticks that HTML printed as they are: it
  uses the policy's labels.
* The credits section said "none" twice in HTML.
* A policy without a notification rule on outages still headed its table "outages and recovery
  notices", every row "no notice target": it is "outages", without notice columns.
* The rows of a service's targets with ``when`` came after the target without, against the policy's
  order (the site's): the summary, the period and credit tables, the JSON and the trend.
* A maintenance window moved off a holiday said "not a business day" where the site and the ``.ics``
  name the holiday (``holiday yearly``, a national holiday).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .helpers import POLICY, sla

MINI = """\
sla "Mini" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}
article 2 "サービス" / "Services"
article 3 "サービスレベル" / "Service levels"
event incident.plan_changed "契約プランの変更" / "Plan changed" [art 3]
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
  changes at incident.plan_changed
}
attribute channel "受付窓口" / "Support line" {
  value ja "日本語" / "Japanese"
  value en "英語" / "English"
  default ja
}
calendar business "営業日" / "Business days" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
  holiday yearly last fri of nov "棚卸し" / "Stocktaking"
}
calendar always "24時間365日" / "24 hours, 365 days" {
  days mon..sun
  hours 00:00-24:00
}
service content "コンテンツ配信" / "Content delivery" [art 2] {
  hours always except maintenance
  availability target 99.9% monthly when plan = premium
  credit below 99.9% 10%
  availability target 99.5% monthly
  credit below 99.5% 10%
}
maintenance regular "定期メンテナンス" / "Regular maintenance" [art 2] {
  every month on last fri, 22:00-24:00
  if not a business day: next business day
  calendar business
  notice none
}
clock response "応答" / "Response" [art 3] {
  starts at incident.reported
}
clock next_reply "次回回答" / "Next reply" [art 3] {
  starts at incident.customer_replied
  stops at incident.info_provided
  restarts at incident.customer_replied
}
priority P1 "緊急（英語窓口）" / "Urgent (English line)" [art 3] {
  when channel = en and plan = standard
  respond within 4 business hours
}
priority P1 "緊急" / "Urgent" [art 3] {
  respond within 4 business hours
  first reply within 4 business hours on next_reply
}
"""

EVENTS = [
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "M-1", "priority": "P1"},
    {
        "event": "incident.plan_changed",
        "at": "2026-11-02T10:30:00+09:00",
        "id": "M-1",
        "attributes": {"plan": "premium", "channel": "en"},
    },
    {"event": "incident.responded", "at": "2026-11-02T11:00:00+09:00", "id": "M-1"},
    {"event": "outage.started", "at": "2026-11-11T10:00:00+09:00", "id": "OUT-1", "cause": "failure"},
    {"event": "outage.ended", "at": "2026-11-11T12:00:00+09:00", "id": "OUT-1"},
]
#: for Click So-ko: an outage, and nothing else
OUTAGE = EVENTS[3:]
NOVEMBER = ("--from", "2026-11-01", "--to", "2026-12-01")


def _files(tmp_path: Path) -> tuple[Path, Path]:
    policy, events = tmp_path / "mini.sla", tmp_path / "ev.jsonl"
    policy.write_text(MINI, encoding="utf-8")
    events.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), encoding="utf-8")
    return policy, events


def _run(policy: Path, events: Path, fmt: str = "text", lang: str = "ja", period: tuple[str, ...] = NOVEMBER) -> str:
    code, out, err = sla("evaluate", policy, events, *period, "--format", fmt, "--lang", lang)
    assert code == 0, err
    return out


def _section(text: str, title: str) -> list[str]:
    blocks = text.split("\n\n")
    found = next(b for b in blocks if b.splitlines()[0] == title)
    return found.splitlines()[1:]


def test_a_named_target_says_whom_it_is_for(tmp_path: Path) -> None:
    policy, events = _files(tmp_path)
    ja = _run(policy, events)
    row = next(line for line in ja.splitlines() if "緊急の次回回答" in line)
    assert "受付窓口が英語、かつ契約プランがスタンダードの場合以外：4営業時間以内" in row
    assert "その他" not in row
    en = _run(policy, events, lang="en")
    row = next(line for line in en.splitlines() if "Urgent: Next reply" in line)
    assert "unless Support line is English and Plan is Standard: within 4 business hours" in row
    assert "otherwise" not in row
    # (the response, which both rules have, keeps "otherwise" beside the rule listed above it)
    assert "契約プランがスタンダード：4営業時間以内／その他：4営業時間以内" in ja


def test_an_unread_attribute_is_said_by_the_policy_s_labels(tmp_path: Path) -> None:
    policy, events = _files(tmp_path)
    ja = _run(policy, events)
    line = next(x for x in ja.splitlines() if "イベント記録の不備：" in x)
    assert "「M-1」の「契約プランの変更」にある受付窓口（英語）は読みません" in line
    for internal in ("`", "channel", "incident.plan_changed", "changes at", " en"):
        assert internal not in line.split("（", 1)[1].rsplit("（", 1)[0], internal
    html = _run(policy, events, "html")
    said = re.search(r"イベント記録の不備：[^<]*", html)
    assert said is not None and "`" not in said.group() and "changes at" not in said.group()
    en = _run(policy, events, lang="en")
    line = next(x for x in en.splitlines() if "event log problem:" in x and "not read" in x)
    assert "Support line (English) on “Plan changed” of “M-1” is not read" in line
    assert "`" not in line and "changes at" not in line
    # the JSON message (the engine's words, which alerts read) is unchanged
    report = json.loads(_run(policy, events, "json"))
    assert any("attribute `channel` = `en` on incident.plan_changed" in v["message"] for v in report["violations"])


def test_no_credit_is_said_once_in_html(tmp_path: Path) -> None:
    policy, _ = _files(tmp_path)
    quiet = tmp_path / "quiet.jsonl"
    quiet.write_text(json.dumps(EVENTS[0]) + "\n", encoding="utf-8")
    html = _run(policy, quiet, "html")
    credits = html.split('id="credits"', 1)[1].split("</section>", 1)[0]
    assert credits.count("該当なし") == 1
    assert "※ なし" not in credits and ">なし<" not in credits
    en = _run(policy, quiet, "html", "en")
    credits = en.split('id="credits"', 1)[1].split("</section>", 1)[0]
    assert credits.count("none") == 1 and "Note:" not in credits


def test_outages_without_a_notification_rule(tmp_path: Path) -> None:
    policy, events = _files(tmp_path)
    ja = _run(policy, events)
    assert "障害と復旧情報通知" not in ja and "障害時の通知の規定がないため対象外" not in ja
    assert _section(ja, "障害")[0].split() == ["ID", "開始", "終了", "停止時間（時間:分）"]
    en = _run(policy, events, lang="en")
    assert "Outages and recovery notices" not in en and "no notification rule for outages" not in en
    assert _section(en, "Outages")[1].split()[0] == "OUT-1"
    # a policy with a rule keeps its heading and notice columns
    outage = tmp_path / "outage.jsonl"
    outage.write_text("".join(json.dumps(e) + "\n" for e in OUTAGE), encoding="utf-8")
    code, out, _ = sla("evaluate", POLICY, outage, *NOVEMBER, "--format", "text")
    assert code == 0 and "障害と通知（復旧情報通知時間）" in out


def test_targets_with_when_come_in_the_policy_s_order(tmp_path: Path) -> None:
    policy, events = _files(tmp_path)
    ja = _run(policy, events)
    rows = [x for x in ja.splitlines() if "コンテンツ配信" in x and ("プレミアム" in x or "その他の顧客" in x)]
    summary = [x for x in rows if x.lstrip().startswith("稼働率（")]
    assert ["プレミアム" in x for x in summary] == [True, False]
    periods = _section(ja, "サービス別・測定期間別の稼働率")[1:]
    assert ["プレミアム" in x for x in periods] == [True, False]
    report = json.loads(_run(policy, events, "json"))
    assert [p["when"] for p in report["availability_periods"]] == ["plan = premium", None]
    assert [c["when"] for c in report["credits"]] == ["plan = premium"]
    both = json.loads(_run(policy, events, "json", period=("--from", "2026-10-01", "--to", "2026-12-01")))
    whens = [f["when"] for f in both["trend"][-1]["figures"] if f["commitment"] == "availability"]
    assert whens == ["plan = premium", None]


def test_a_moved_maintenance_window_names_the_holiday(tmp_path: Path) -> None:
    policy, events = _files(tmp_path)
    assert "2026年11月27日(金)（棚卸し）から延期" in _run(policy, events)
    assert "moved from Fri 27 Nov 2026 (Stocktaking)" in _run(policy, events, lang="en")
    outage = tmp_path / "outage.jsonl"
    outage.write_text("".join(json.dumps(e) + "\n" for e in OUTAGE), encoding="utf-8")
    code, out, err = sla("evaluate", POLICY, outage, "--from", "2027-09-01", "--to", "2027-10-01", "--format", "text")
    assert code == 0, err
    assert "2027年9月23日(木)（秋分の日）から延期" in out

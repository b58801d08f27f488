"""An outage's ``recognized_at`` is the log's first ``outage.recognized`` (null when none by ``as_of``),
whatever the policy's notification rules count from, and a notice with no target says the reason that holds.

The row used to take ``recognized_at`` from the first rule on an outage event: with no such rule it was
null though the log had the recognition, and the report and ``sla explain`` said "not recognised by the
Company" (当社が障害を認知していないため対象外) where the policy has no notice rule for outages; under a rule
``after outage.started`` it was the outage's start for every outage (one recognised at 10:05 showed
10:00, one never recognised showed its start too), and under a rule ``after outage.ended`` its end. Now
each row carries the recognition itself, and the reason names what set no target: no rule, the event the
rule counts from not there (the recognition, the service's return), or there outside the hours it names.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.report.render import render

from .helpers import sla

BASE = """sla "Recognition" {
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
priority P1 "緊急" / "P1" { respond within 8 business hours }
"""

#: The first notification rule on an outage event of each variant of the policy (none: no rule).
RULES = {
    "none": "",
    "started": 'notify first "第一報" / "First report" {\n'
    "  within 2 hours after outage.started\n  met by outage.notified\n}\n",
    "started_in_hours": 'notify first "第一報" / "First report" {\n'
    "  within 2 business hours after outage.started\n  only if outage.started during business hours\n"
    "  met by outage.notified\n}\n",
    "ended": 'notify fin "終了報告" / "Closing report" {\n'
    "  within 1 hour after outage.ended\n  met by outage.notified\n}\n",
    "recognized_in_hours": 'notify recovery "復旧通知" / "Recovery" {\n'
    "  within 3 business hours after outage.recognized\n  only if outage.recognized during business hours\n"
    "  met by outage.notified\n}\n",
}

#: O1 recognised twice on Tuesday (10:05 first: the log's lines out of order), O2 never recognised,
#: O3 begun and recognised on a Saturday and still going on.
EVENTS = [
    {"event": "outage.started", "at": "2026-03-10T10:00:00Z", "id": "O1"},
    {"event": "outage.recognized", "at": "2026-03-10T10:30:00Z", "id": "O1"},
    {"event": "outage.recognized", "at": "2026-03-10T10:05:00Z", "id": "O1"},
    {"event": "outage.ended", "at": "2026-03-10T11:00:00Z", "id": "O1"},
    {"event": "outage.started", "at": "2026-03-12T10:00:00Z", "id": "O2"},
    {"event": "outage.ended", "at": "2026-03-12T11:00:00Z", "id": "O2"},
    {"event": "outage.started", "at": "2026-03-14T10:00:00Z", "id": "O3"},
    {"event": "outage.recognized", "at": "2026-03-14T10:10:00Z", "id": "O3"},
]
MONTH = ["--from", "2026-03-01", "--to", "2026-04-01"]
RECOGNIZED = {"O1": "2026-03-10T10:05:00Z", "O2": None, "O3": "2026-03-14T10:10:00Z"}


def _files(tmp_path: Path, variant: str) -> tuple[Path, Path]:
    policy, log = tmp_path / f"{variant}.sla", tmp_path / "events.jsonl"
    policy.write_text(BASE + RULES[variant], "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return policy, log


def _json(policy: Path, log: Path, *more: str) -> dict[str, object]:
    code, out, err = sla("evaluate", policy, log, *MONTH, *more, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)["outages"]
    return {o["id"]: o for o in rows}


@pytest.mark.parametrize("variant", list(RULES))
def test_recognized_at_is_the_first_recognition_whatever_the_rules_count_from(tmp_path: Path, variant: str) -> None:
    rows = _json(*_files(tmp_path, variant))
    assert {k: o["recognized_at"] for k, o in rows.items()} == RECOGNIZED  # type: ignore[index]


@pytest.mark.parametrize("variant", ["none", "started"])
def test_a_recognition_after_as_of_is_not_read(tmp_path: Path, variant: str) -> None:
    rows = _json(*_files(tmp_path, variant), "--as-of", "2026-03-10T10:03:00Z")
    assert rows["O1"]["recognized_at"] is None  # type: ignore[index]


#: (variant, outage, lang): the notice's reason in the outages table, and the time ``sla explain`` gives it.
REASONS = [
    ("none", "O1", "ja", "障害時の通知の規定がないため対象外", "3月10日(火) 10:00"),
    ("none", "O1", "en", "no notification rule for outages: no notice target", "Tue 10 Mar 10:00"),
    ("none", "O2", "en", "no notification rule for outages: no notice target", "Thu 12 Mar 10:00"),
    ("ended", "O3", "ja", "サービスの再開がないため対象外", "4月1日(水) 00:00"),
    ("ended", "O3", "en", "no notice target until the service's return", "Wed 1 Apr 00:00"),
    (
        "started_in_hours",
        "O3",
        "ja",
        "障害の発生が営業時間外のため通知目標の対象外",
        "3月14日(土) 10:00",
    ),
    (
        "started_in_hours",
        "O3",
        "en",
        "the start of the outage outside Business hours: no notice target",
        "Sat 14 Mar 10:00",
    ),
    ("recognized_in_hours", "O3", "ja", "営業時間外に認知したため通知目標の対象外", "3月14日(土) 10:10"),
    ("recognized_in_hours", "O3", "en", "recognised outside business hours: no notice target", "Sat 14 Mar 10:10"),
    ("recognized_in_hours", "O2", "en", "not recognised by the Company: no notice target", "Wed 1 Apr 00:00"),
]
NOT_RECOGNISED = {"ja": "当社が障害を認知していない", "en": "not recognised by the Company"}


def _table_line(out: str, ident: str) -> str:
    return next(line for line in out.splitlines() if line.strip().startswith(f"{ident} "))


@pytest.mark.parametrize(("variant", "ident", "lang", "reason", "when"), REASONS)
def test_the_notice_says_the_reason_that_holds(
    tmp_path: Path, variant: str, ident: str, lang: str, reason: str, when: str
) -> None:
    policy, log = _files(tmp_path, variant)
    code, text, err = sla("evaluate", policy, log, *MONTH, "--lang", lang)
    assert code == 0, err
    line = _table_line(text, ident)
    code, md, err = sla("evaluate", policy, log, *MONTH, "--lang", lang, "--format", "markdown")
    assert code == 0, err
    row = next(row for row in md.splitlines() if row.startswith(f"| {ident} "))
    if variant == "none":  # (no rule on outages promises no notice: the table has no notice columns)
        assert reason not in line and reason not in row and line.rstrip().endswith(":00"), line
    else:
        assert line.rstrip().endswith(reason), line
        assert reason in row, md
    code, said, err = sla("explain", policy, log, ident, "--lang", lang)
    assert code == 0, err
    head, *steps = said.splitlines()
    assert reason in head
    assert any(step.strip().startswith(when) and reason in step for step in steps), said
    if variant != "recognized_in_hours":  # (there O2 is not recognised)
        assert NOT_RECOGNISED[lang] not in text + md + said


@pytest.mark.parametrize("variant", ["none", "started"])
def test_explain_dates_the_recognition_from_the_log(tmp_path: Path, variant: str) -> None:
    """``sla explain`` says when the Company recognised O1 (10:05, not the start), and says nothing of a
    recognition for O2, which has none."""
    policy, log = _files(tmp_path, variant)
    for ident, recognised in (("O1", True), ("O2", False)):
        code, said, err = sla("explain", policy, log, ident, "--lang", "en")
        assert code == 0, err
        lines = [line.strip() for line in said.splitlines()]
        assert any(line.startswith("Tue 10 Mar 10:05") and "recognised the failure" in line for line in lines) is (
            recognised
        ), said
        assert "recognised the failure" in said if recognised else "recognised the failure" not in said


def test_a_row_without_notices_is_worded_from_the_policy_s_first_rule() -> None:
    """A row read back without ``notices`` (written before rows had them) under a policy with a rule
    after the recognition: O2, never recognised, reads "not recognised", not "no notification rule"."""
    policy = sla_dsl.load_policy(BASE + RULES["recognized_in_hours"])
    start, end = dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    report = sla_dsl.evaluate(policy, EVENTS, start, end)
    report.outages = [o.model_copy(update={"notices": []}) for o in report.outages]
    text = render(report, "text", lang="en", policies=[policy])
    assert _table_line(text, "O2").rstrip().endswith("not recognised by the Company: no notice target")
    assert _table_line(text, "O3").rstrip().endswith("recognised outside business hours: no notice target")
    assert "no notification rule" not in text


def test_a_row_without_notices_under_a_rule_with_when_is_plainly_not_applicable() -> None:
    """A row read back without ``notices`` cannot tell whether its first rule's ``when`` held: O1, recognised
    on Tuesday at 10:05 (in business hours) under a rule for premium outages only, reads plainly "not
    applicable", never "recognised outside business hours"."""
    plan = (
        'attribute plan "契約プラン" / "Plan" {\n  value standard "スタンダード" / "Standard"\n'
        '  value premium "プレミアム" / "Premium"\n  default standard\n}\n'
    )
    rule = RULES["recognized_in_hours"].replace("{\n", "{\n  when plan = premium\n", 1)
    policy = sla_dsl.load_policy(BASE + plan + rule)
    start, end = dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    report = sla_dsl.evaluate(policy, EVENTS, start, end)
    report.outages = [o.model_copy(update={"notices": []}) for o in report.outages]
    text = render(report, "text", lang="en", policies=[policy])
    line = _table_line(text, "O1").rstrip()
    assert "outside" not in line and line.endswith("not applicable"), line

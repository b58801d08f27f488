"""The report schema's notes on an outage's notice fields say what the engine does, in English and Japanese.

``recognized_at`` is the log's first ``outage.recognized`` whatever the notification rules count from, and
null for an excluded outage (as ``notified_at``); ``notice_due`` counts from the event the first notification
rule on an outage event counts from (``outage.started`` too, not only ``outage.recognized``); a notice is
``not_applicable`` when the version has no notification rule on an outage event, when the rule's ``when``
does not hold, when the event it counts from is missing, or when it falls outside the hours the rule names.
The notes used to name the recognition alone. Each case is judged here, and the field's note (the English
the schema pages show, and its Japanese in :mod:`sla_dsl.i18n.field_notes_report`) is asked to name it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import sla_dsl
from sla_dsl.docs import schema
from sla_dsl.i18n.field_notes_report import REPORT_NOTES
from sla_dsl.report import OutageRow

BASE = """sla "Notices" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja, en
}
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-17:00
}
priority P1 "緊急" / "P1" { respond within 8 business hours }
exclude force_majeure "不可抗力" / "Force majeure"
"""

#: The first notification rule on an outage event of each variant of the policy (none: no rule).
RULES = {
    "none": "",
    "started": 'notify first "第一報" / "First report" {\n'
    "  within 2 hours after outage.started\n  met by outage.notified\n}\n",
    "premium": 'notify first "第一報" / "First report" {\n'
    "  when plan = premium\n  within 2 hours after outage.started\n  met by outage.notified\n}\n",
    "ended": 'notify fin "終了報告" / "Closing report" {\n'
    "  within 1 hour after outage.ended\n  met by outage.notified\n}\n",
    "started_in_hours": 'notify first "第一報" / "First report" {\n'
    "  within 2 business hours after outage.started\n  only if outage.started during business hours\n"
    "  met by outage.notified\n}\n",
}

START, RECOGNIZED = "2026-03-14T10:00:00+00:00", "2026-03-14T10:10:00+00:00"  # (a Saturday)


def _outage(variant: str, cause: str | None = None) -> OutageRow:
    """The one outage of a log (begun and recognised on a Saturday, still going on) under ``variant``."""
    started: dict[str, Any] = {"event": "outage.started", "at": START, "id": "O1"}
    if cause is not None:
        started["cause"] = cause
    events = [started, {"event": "outage.recognized", "at": RECOGNIZED, "id": "O1"}]
    policy = sla_dsl.load_policy(BASE + RULES[variant])
    start, end = dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    (row,) = sla_dsl.evaluate(policy, events, start, end).outages
    return row


def _note(field: str) -> tuple[str, str]:
    """The English description of ``OutageRow.field`` in the report schema, and its Japanese note."""
    english = schema.report_schema()["$defs"]["OutageRow"]["properties"][field]["description"]
    assert isinstance(english, str)
    return english, REPORT_NOTES[english]


#: (variant, what the English note of ``notice_status`` names for it, what the Japanese one names)
NOT_APPLICABLE = [
    ("none", "has no notification rule on an outage event", "障害のイベントに対する通知の規定がない"),
    ("premium", "the rule's ``when`` does not hold", "規定の ``when`` が障害にあてはまらない"),
    ("ended", "the event the rule counts from is not in the log by ``as_of``", "``as_of`` までのログにない"),
    ("started_in_hours", "falls outside the hours the rule names", "規定の示す時間帯の外"),
]


@pytest.mark.parametrize(("variant", "en", "ja"), NOT_APPLICABLE, ids=[c[0] for c in NOT_APPLICABLE])
def test_each_reason_for_no_target_is_named(variant: str, en: str, ja: str) -> None:
    row = _outage(variant)
    assert (row.notice_status, row.notice_due) == ("not_applicable", None)
    english, japanese = _note("notice_status")
    assert en in english and ja in japanese


def test_notice_due_counts_from_the_event_the_rule_counts_from() -> None:
    row = _outage("started")  # (2 hours after the start, not after the recognition)
    assert row.notice_due == dt.datetime.fromisoformat(START) + dt.timedelta(hours=2)
    english, japanese = _note("notice_due")
    assert "``outage.started``" in english and "``outage.started``" in japanese
    assert "the first notification rule on an outage event" in english
    assert "障害のイベントに対する最初の通知の規定" in japanese


@pytest.mark.parametrize("variant", ["none", "started"])
def test_recognized_at_is_the_log_s_whatever_the_rules(variant: str) -> None:
    assert _outage(variant).recognized_at == dt.datetime.fromisoformat(RECOGNIZED)
    english, japanese = _note("recognized_at")
    assert "whatever event the notification rules count from" in english
    assert "通知の規定が起点とするイベントにはよらず" in japanese


def test_an_excluded_outage_has_no_recognized_at_nor_notified_at() -> None:
    row = _outage("started", cause="force_majeure")
    assert (row.notice_status, row.recognized_at, row.notified_at) == ("excluded", None, None)
    for field in ("recognized_at", "notified_at"):
        english, japanese = _note(field)
        assert "the outage is excluded (``notice_status`` ``excluded``)" in english, field
        assert "障害が適用外の場合（``notice_status`` が ``excluded``）" in japanese, field

"""The dashboard of ``sla serve`` names an incident's priority by the rule that judged it, and a response on a
second clock by that clock (a QA pass of a help desk's live service).

Each row named its priority by every rule's label (``P1 緊急（プレミアム）／緊急`` for an incident judged by
the standard rule), where the report names it by the rule that judged it; and a priority's own response and a
named response on a clock of next replies were both ``応答``, with nothing to tell them apart. The alerts' lines
of the log named the second as the first too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sla_dsl.policy.compiled import Policy
from sla_dsl.policy.load import compile_text
from sla_dsl.serve import dashboard
from sla_dsl.serve.ingest import parse_body, unique
from sla_dsl.serve.store import EVENTS, Store
from sla_dsl.serve.timer_words import alert_name
from sla_dsl.serve.tracking import TARGET_BREACHED, FakeClock, Tracker

from .conftest import tokyo

TEXT = """\
sla "Desk" {
  format 1
  version "2026.1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

event incident.customer_replied "お客様からの返信" / "Customer replied"

attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}

calendar business "営業日" / "Business days" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}

clock next_reply "次回回答" / "Next response" {
  starts at incident.customer_replied
  restarts at incident.customer_replied
  stops at incident.responded
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" {
  when plan = premium
  respond within 1 hour
  complete on incident.resolved
}

priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  respond within 2 business hours on next_reply
  complete on incident.resolved
}
"""

POLICY = Policy(compile_text(TEXT, "desk.sla").model)  # type: ignore[arg-type]
EVENTS_OF_A = [
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.customer_replied", "at": "2026-11-02T10:30:00+09:00", "id": "A"},
]


@pytest.fixture
def rows(tmp_path: Path) -> Any:
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    with store.engine.begin() as conn:
        conn.execute(sa.delete(EVENTS))
    clock = FakeClock(tokyo(2026, 11, 2, 10, 40))
    store.add_events(unique(parse_body("\n".join(map(json.dumps, EVENTS_OF_A)).encode(), [POLICY])), clock.now())

    def answer(lang: str) -> list[dict[str, Any]]:
        return dashboard.rows(dashboard.data(Tracker(store, [POLICY], clock), lang))

    yield answer
    store.close()


@pytest.mark.parametrize(
    ("lang", "priority", "first", "second"),
    [("ja", "P1 緊急", "応答", "応答（次回回答）"), ("en", "P1 Urgent", "Response", "Response (Next response)")],
)
def test_the_rule_that_judged_it_and_the_clock_of_each_response(
    rows: Any, lang: str, priority: str, first: str, second: str
) -> None:
    got = rows(lang)
    # (by due time: the next response at 13:30, the first at 15:00)
    assert [(r["id"], r["priority"], r["target"]) for r in got] == [("A", priority, second), ("A", priority, first)]


def test_the_alert_of_the_second_response_names_its_clock() -> None:
    said = alert_name(
        TARGET_BREACHED,
        "A",
        tokyo(2026, 11, 2, 13, 30),
        lang="ja",
        tz=POLICY.tz,
        policies=[POLICY],
        target="respond",
        clock="next_reply",
        version="2026.1",
    )
    assert "応答（次回回答）" in said, said

"""Every ``data`` note on a customer's page is in the reader's words: no backtick (HTML has no code markup and
printed them as they were), no event type id (``incident.responded``), no field name of the log
(``primary_zone``), no keyword of the policy language; the ids and the log's values quoted as data
(「GHOST」, “GHOST”), event types by the policy's labels or the contract's words. The JSON ``message``
keeps the engine's English.

The logs hold every kind of note (:data:`~sla_dsl.report.DataWhat`): the contradictions of
``test_data_notes.py`` and an id in another Unicode form on Click So-ko's two versions, the notes on an
incident's attributes and on an event after its completion on a policy of two versions with plans, and
``conflict_unlined`` from events without lines (a partition's rows: no command reads such a log).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, get_args

import pytest
from evaluate.helpers import POLICY_PATH, ev, t

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.events.partitions import without_lines
from sla_dsl.policy.load import load_policies
from sla_dsl.report import DataWhat, Report
from sla_dsl.report.render import render

from .helpers import sla
from .test_data_notes import EVENTS as CONTRADICTIONS

V1 = """\
sla "Plans" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}
event incident.plan_changed "契約プランの変更" / "Plan changed"
event incident.reopened "再開" / "Reopened"
event incident.closed "クローズ" / "Closed"
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
clock response "応答" / "Response" {
  starts at incident.reported
}
clock ttr "解決時間" / "Time to resolve" {
  starts at incident.reported
  stops at incident.resolved, incident.closed
  restarts at incident.reopened
}
priority P1 "緊急" / "Urgent" {
  respond within 4 hours
  resolve within 8 hours on ttr
  complete on incident.resolved
}
"""
#: from December: a value ``platinum`` and an attribute ``tier``, which November's version does not declare
V2 = (
    V1.replace('version "1"', 'version "2"')
    .replace("effective 2026-04-01", "effective 2026-12-01")
    .replace("  default standard\n", '  value platinum "プラチナ" / "Platinum"\n  default standard\n')
    + 'attribute tier "会員区分" / "Membership" {\n  value gold "ゴールド" / "Gold"\n  default gold\n}\n'
)
ATTRIBUTES = [
    ev(
        "incident.reported", "2026-11-02 10:00", "A-1", priority="P1", attributes={"tier": "gold"}
    ),  # attribute_undeclared
    ev(
        "incident.reported", "2026-11-02 11:00", "A-2", priority="P1", attributes={"plan": "platinum"}
    ),  # value_undeclared
    ev("incident.reported", "2026-11-03 10:00", "A-3", priority="P1"),
    ev("incident.plan_changed", "2026-11-03 10:30", "A-3", attributes={"plan": "platinum"}),  # change_undeclared
    ev("incident.plan_changed", "2026-11-03 10:40", "A-3", attributes={"channel": "en"}),  # attribute_unlisted
    ev("incident.reported", "2026-11-04 09:00", "A-4", priority="P1"),
    ev("incident.responded", "2026-11-04 09:30", "A-4"),
    ev("incident.resolved", "2026-11-04 11:00", "A-4"),
    ev("incident.closed", "2026-11-04 12:00", "A-4"),
    ev("incident.reopened", "2026-11-05 10:00", "A-4"),  # clock_after_completion
]
GA = "INC-が"
FORMS = [
    ev("incident.reported", "2026-11-19 10:00", GA, priority="P1"),
    ev("incident.responded", "2026-11-19 10:30", unicodedata.normalize("NFD", GA)),  # known in another form
]
#: two reports of one incident at one instant that disagree, in a log without lines
UNLINED = [
    ev("incident.reported", "2026-11-09 10:00", "SAME", priority="P2"),
    ev("incident.reported", "2026-11-09 10:00", "SAME", priority="P1"),
]
NOVEMBER = ("--from", "2026-11-01", "--to", "2026-12-01")
#: an event type's id, a field name of the log, a keyword of the policy language
IDS = re.compile(r"\b(?:incident|outage|stop|backup)\.[a-z_]+|primary_zone|changes at|complete on")
#: ... and, on a Japanese page, a field name in Latin letters
INTERNAL = re.compile(IDS.pattern + r"|\battributes\b|\bpriority\b")


def _clicksoko(folder: Path) -> Path:
    """Click So-ko's policy and, from 16 November, a version without P3 (as ``test_data_notes.py``)."""
    text = POLICY_PATH.read_text("utf-8")
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    v2 = v2.replace("priority P1, priority P2, priority P3", "priority P1, priority P2")
    start = v2.index("priority P3 ")
    v2 = v2[:start] + v2[v2.index("}\n", start) + 2 :]
    folder.mkdir()
    (folder / "a.sla").write_text(text, "utf-8")
    (folder / "b.sla").write_text(v2, "utf-8")
    return folder


def _plans(folder: Path) -> Path:
    folder.mkdir()
    (folder / "v1.sla").write_text(V1, "utf-8")
    (folder / "v2.sla").write_text(V2, "utf-8")
    return folder


def _log(path: Path, events: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), "utf-8")
    return path


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    tmp = tmp_path_factory.mktemp("reader")
    return [
        (_clicksoko(tmp / "clicksoko"), _log(tmp / "contradictions.jsonl", CONTRADICTIONS + FORMS)),
        (_plans(tmp / "plans"), _log(tmp / "plans.jsonl", ATTRIBUTES)),
    ]


@pytest.fixture(scope="module")
def unlined() -> tuple[Report, list[Any]]:
    policies = [sla_dsl.load_policy(POLICY_PATH)]
    log = without_lines(log_from(UNLINED))
    return judge_log(policies, log, t("2026-11-01 00:00"), t("2026-12-01 00:00")).report(), policies


def _evaluate(policy: Path, events: Path, fmt: str, lang: str = "ja") -> str:
    code, out, err = sla("evaluate", policy, events, *NOVEMBER, "--format", fmt, "--lang", lang, "--limit", "0")
    assert code == 0, err
    return out


def _notes(page: str) -> list[str]:
    """The lines of the violations table that say a ``data`` note (a Markdown or HTML row each)."""
    return [line for line in page.splitlines() if "イベント記録の不備：" in line or "event log problem:" in line]


def test_the_logs_hold_every_kind_of_note(runs: list[tuple[Path, Path]], unlined: tuple[Report, list[Any]]) -> None:
    found = {v.note.what for v in unlined[0].violations if v.note is not None}
    known = False
    for policy, events in runs:
        report = sla_dsl.evaluate(load_policies([str(policy)]), events, t("2026-11-01 00:00"), t("2026-12-01 00:00"))
        found |= {v.note.what for v in report.violations if v.note is not None}
        known |= any(v.note is not None and v.note.known_id for v in report.violations)
    assert found == set(get_args(DataWhat))
    assert known


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_no_backtick_and_no_id_on_the_japanese_page(
    runs: list[tuple[Path, Path]], unlined: tuple[Report, list[Any]], fmt: str
) -> None:
    report, policies = unlined
    pages = [_evaluate(policy, events, fmt) for policy, events in runs]
    pages.append(render(report, fmt, lang="ja", policies=policies, limit=0))
    notes = [note for page in pages for note in _notes(page)]
    assert len(notes) == 18 + 1 + 5 + 1  # (every note of the three logs)
    for note in notes:
        assert "`" not in note, note
        assert not INTERNAL.search(note), note
    for page in pages:
        assert "`" not in page  # (nothing else on the page has one either)
    said = "\n".join(notes)
    assert "案件「GHOST」のイベントがありますが、その障害の報告を受けた時点の記録がありません" in said
    assert "「STAMP」のエンド・ユーザー様への一次回答に優先度がありますが" in said
    assert "11月13日(金) 01:00 に完了した逐次バックアップ「C9」の記録に主ゾーンの記載がなく" in said
    assert "「SAME」の障害の報告を受けた時点の記録が、同時刻の別の記録と内容が食い違っています" in said
    assert "（優先度が「P2」、もう一方は「P1」）" in said
    assert "「A-4」の「再開」は、案件が11月4日(水) 11:00 に" in said
    assert "クロック「解決時間」はこのイベントで動くはずでしたが" in said


def test_the_english_page_and_the_json(runs: list[tuple[Path, Path]]) -> None:
    for policy, events in runs:
        html = _evaluate(policy, events, "html", "en")
        assert _notes(html) and "`" not in html
        for note in _notes(html):
            assert not IDS.search(note), note
    html = _evaluate(*runs[0], "html", "en")
    assert "there are events of incident “GHOST”, but no record of the receipt of the failure report" in html
    # the JSON keeps the engine's English, which alerts read
    report = json.loads(_evaluate(*runs[0], "json"))
    messages = [v["message"] for v in report["violations"] if v["kind"] == "data"]
    assert any(m.endswith("event for unknown incident `GHOST` (no incident.reported)") for m in messages)
    report = json.loads(_evaluate(*runs[1], "json"))
    messages = [v["message"] for v in report["violations"] if v["kind"] == "data"]
    assert any("attribute `tier` = `gold` on incident.reported of `A-1`" in m for m in messages)

"""A report read back renders what the report rendered: from its Python dump every word, from its JSON
(the contract, which leaves out what the documents' words are built from) the same verdicts.

A stop's ``notices``, a violation's ``target``, ``note`` and ``backup_kind``, a target's clock steps and
which rule judged an incident are kept out of the JSON (``exclude=True``). ``model_dump()`` left them out
too, so ``Report.model_validate(report.model_dump())`` lost them, and the documents of the report read
back said "no problem found / met" for the continuous backup with a zone problem and "no notice" for
STOP-02, which had two. Now a report's Python dump carries them (:func:`.row_base.with_words_data`), and
a report read back from its JSON reads a stop's notices and a zone problem's backup kind again from the
engine's English that the JSON keeps; the JSON's bytes are what they were.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.docs.schema import report_schema
from sla_dsl.report import Report, StopRow, Violation
from sla_dsl.report.render import render

from .helpers import EXAMPLE, POLICY, ROOT

EXAMPLES = ROOT / "policies" / "examples"
#: (policy, log): Click So-ko's month (stop notices, a zone problem, data notes), the help desk's named
#: targets (their clock steps and breaches) and the plans' rules with ``when``.
CASES = {
    "clicksoko": (POLICY, EXAMPLE),
    "helpdesk": (EXAMPLES / "helpdesk.sla", EXAMPLES / "helpdesk-events.jsonl"),
    "plans": (EXAMPLES / "plans.sla", EXAMPLES / "plans.jsonl"),
}
DOCUMENTS = [(fmt, lang) for fmt in ("text", "markdown", "html") for lang in ("ja", "en")]


def judged(case: str) -> tuple[sla_dsl.Policy, Report]:
    policy_path, log = CASES[case]
    policy = sla_dsl.load_policy(policy_path)
    return policy, sla_dsl.evaluate(policy, log, "2026-11-01", "2026-12-01")


def documents(report: Report, policy: sla_dsl.Policy) -> list[str]:
    return [render(report, fmt, lang=lang, policies=[policy], limit=0) for fmt, lang in DOCUMENTS]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_python_dump_validates_back_to_the_same_report(case: str) -> None:
    policy, report = judged(case)
    back = Report.model_validate(report.model_dump())
    assert back == report
    assert documents(back, policy) == documents(report, policy)
    again = Report.model_validate(back.model_dump(round_trip=True))  # (a report read back dumps the same)
    assert again == report and pickle.loads(pickle.dumps(back)) == report


def test_the_python_dump_holds_the_words_data() -> None:
    _, report = judged("clicksoko")
    dumped = report.model_dump()
    stop = next(s for s in dumped["planned_stops"] if s["id"] == "STOP-02")
    assert [(n["channel"], n["allowed_channel"], n["in_time"]) for n in stop["notices"]] == [
        ("web", False, False),
        ("email", True, False),
    ]
    zone = next(v for v in dumped["violations"] if v["kind"] == "backup_zone")
    assert zone["backup_kind"] == "continuous"
    notice = next(v for v in dumped["violations"] if v["kind"] == "notice_breached")
    assert notice["target"]["name"] == "recovery"
    assert all("rule" in row for row in dumped["incidents"])


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_json_holds_only_the_contract_s_fields(case: str) -> None:
    """The JSON is the contract: no field kept out of it appears, whichever way it is written."""
    _, report = judged(case)
    schema = report_schema()
    allowed = {name: set(d.get("properties", {})) for name, d in schema["$defs"].items()}
    rows = {
        "incidents": "IncidentRow",
        "violations": "Violation",
        "planned_stops": "StopRow",
        "outages": "OutageRow",
    }
    for data in (report.model_dump(mode="json"), json.loads(report.model_dump_json())):
        for key, model in rows.items():
            for row in data[key]:
                assert set(row) <= allowed[model], (key, set(row) - allowed[model])
        for outage in data["outages"]:
            for notice in outage["notices"]:
                assert set(notice) <= allowed["TargetRow"]


@pytest.mark.parametrize("how", ["model_validate_json", "model_validate of mode json"])
def test_a_report_read_back_from_its_json_renders_the_same_verdicts(how: str) -> None:
    policy, report = judged("clicksoko")
    if how == "model_validate_json":
        back = Report.model_validate_json(report.model_dump_json())
    else:
        back = Report.model_validate(report.model_dump(mode="json"))
    assert [s.notices for s in back.planned_stops] == [s.notices for s in report.planned_stops]
    assert [v.backup_kind for v in back.violations] == [v.backup_kind for v in report.violations]
    assert documents(back, policy) == documents(report, policy)
    text = render(back, "text", lang="en", policies=[policy])
    zone = next(line for line in text.splitlines() if "Continuous backup (another zone)" in line)
    assert "backups with a zone problem: 1" in zone and "not met" in zone
    assert "no notice" not in next(line for line in text.splitlines() if line.lstrip().startswith("STOP-02"))


def test_the_command_s_json_reads_back_to_the_same_verdicts(tmp_path: Path) -> None:
    """What ``sla evaluate --format json`` wrote, read back: the same documents."""
    from .helpers import MONTH, sla

    code, out, _ = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "json")
    assert code == 0
    policy, report = judged("clicksoko")
    back = Report.model_validate_json(out)
    assert documents(back, policy) == documents(report, policy)


def test_stop_notices_are_read_from_any_channel_s_name() -> None:
    """A stop's step names its channel as the log spells it: one with ``: `` and `` by `` in it too."""
    _, report = judged("clicksoko")
    row = next(s for s in report.planned_stops if s.id == "STOP-02")
    odd = "fax: by hand"
    steps = [
        s.model_copy(update={"text": s.text.replace(" by web:", f" by {odd}:")}) if s.at == row.notices[0].at else s
        for s in row.explain
    ]
    data: dict[str, Any] = row.model_copy(update={"explain": steps}).model_dump(mode="json")
    back = StopRow.model_validate(data)
    assert [(n.at, n.channel, n.allowed_channel, n.in_time) for n in back.notices] == [
        (row.notices[0].at, odd, False, False),
        (row.notices[1].at, "email", True, False),
    ]


def test_a_row_s_own_data_wins_over_its_words() -> None:
    """Rows given their data (the engine's, a Python dump's) keep it; a stop without a rule has no deadline
    and no notices to read; another violation than a zone problem is not read for a kind."""
    stop = StopRow.model_validate(
        {
            "id": "S",
            "start": "2026-11-25T01:00:00+09:00",
            "end": "2026-11-25T02:00:00+09:00",
            "notice_at": "2026-11-19T10:00:00+09:00",
            "notice_ok": False,
            "notice_deadline": None,
            "policy_version": "1",
            "explain": [{"text": "announced Thu 19 Nov 10:00 by web: too late", "at": "2026-11-19T10:00:00+09:00"}],
        }
    )
    assert stop.notices == []
    missed = Violation(kind="backup_missed", id="files:2026-11-14", message="files backup is in zone `a` x")
    assert missed.backup_kind is None
    zone = Violation(kind="backup_zone", id="CB-1", message="continuous backup Sat 21 Nov 06:05 is in zone `a`, x")
    assert zone.backup_kind == "continuous"
    given = Violation(kind="backup_zone", id="CB-1", message="other backup is in zone `a`", backup_kind="continuous")
    assert given.backup_kind == "continuous"

"""Versioned policies: a reprioritisation or attribute the judging version does not know (QA's pass on
versioned policies).

Version 1 (from 2026-04-01) has P2 only, version 2 (from 2026-10-01) adds P3 and, in ``attributed``,
an attribute ``plan``. INC-R is reported Wed 30 Sep 16:00 as P2 (version 1 judges it: due Thu 1 Oct 16:00,
one business day of Mon-Fri 10-18), reprioritised to P3 on Fri 2 Oct 10:00 and answered Mon 5 Oct 10:00:
a breach. The reprioritisation to P3, which version 1 does not define, used to drop the incident and its
breach; it is now a data note at its line, not applied, and the P2 breach stays.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.policy.load import load_policies
from sla_dsl.report import Report

from .helpers import ev, t

HEAD = """sla "Versioned" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  languages en
}}
{attributes}
calendar business "Business" {{
  days mon..fri
  hours 10:00-18:00
}}

clock response "Response" {{
  starts at incident.reported
}}
{premium}
priority P2 "High" {{
  respond within 1 business day
  complete on incident.resolved
}}
"""
P3 = """
priority P3 "Low" {
  respond within 5 business days
  complete on incident.resolved
}
"""
PREMIUM = """
priority P2 "High" {
  when plan = premium
  respond within 2 business hours
  complete on incident.resolved
}
"""


def attribute(*values: str) -> str:
    listed = "\n".join(f'  value {v} "{v.title()}"' for v in values)
    return f'\nattribute plan "Plan" {{\n{listed}\n  default standard\n}}\n'


def versions(tmp_path: Path, v1: dict[str, str] | None = None, v2: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "pol"
    folder.mkdir()
    base = {"attributes": "", "premium": ""}
    a = HEAD.format(version="1", effective="2026-04-01", **{**base, **(v1 or {})})
    b = HEAD.format(version="2", effective="2026-10-01", **{**base, **(v2 or {})}) + P3
    (folder / "a.sla").write_text(a, "utf-8")
    (folder / "b.sla").write_text(b, "utf-8")
    return folder


def run(folder: Path, events: list[dict[str, Any]], as_of: str | None = None, batch: bool = True) -> Report:
    policies = load_policies([str(folder)])
    start, end = t("2026-09-01 00:00"), t("2026-11-01 00:00")
    return judge_log(policies, log_from(events), start, end, t(as_of) if as_of else None, batch=batch).report()


def data(report: Report) -> list[str]:
    return [v.message for v in report.violations if v.kind == "data"]


REPRIORITISED = [
    ev("incident.reported", "2026-09-30 16:00", "INC-R", priority="P2"),
    ev("incident.reprioritized", "2026-10-02 10:00", "INC-R", priority="P3"),
    ev("incident.responded", "2026-10-05 10:00", "INC-R"),
]


def test_a_reprioritisation_to_a_later_versions_priority_keeps_the_breach(tmp_path: Path) -> None:
    report = run(versions(tmp_path), REPRIORITISED)
    [inc] = report.incidents
    assert (inc.id, inc.priority, inc.status, inc.policy_version) == ("INC-R", "P2", "breached", "1")
    assert inc.response_due == t("2026-10-01 16:00")
    assert [v.id for v in report.violations if v.kind == "response_breached"] == ["INC-R"]
    [note] = [v for v in report.violations if v.kind == "data"]
    assert note.at == t("2026-10-02 10:00")
    assert note.message.endswith("priority `P3` is not defined in version 1")
    assert note.note is not None and note.note.where  # located at its line
    steps = [s.text for s in inc.explain]
    assert any("reprioritisation to P3" in s and "not applied" in s and "version 1" in s for s in steps)
    assert not any(s.startswith("reprioritised ") for s in steps)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_explanation_says_the_reprioritisation_was_not_applied(tmp_path: Path, lang: str) -> None:
    folder = versions(tmp_path)
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in REPRIORITISED), "utf-8")
    args = [str(folder), str(log), "INC-R", "--from", "2026-09-01", "--to", "2026-11-01", "--lang", lang]
    done = subprocess.run([sys.executable, "-m", "sla_dsl.cli", "explain", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    said = "適用しません" if lang == "ja" else "not applied"
    line = next(x for x in text.splitlines() if "P3" in x)
    assert said in line and "1" in line


def test_a_known_reprioritisation_after_an_unknown_one_is_applied(tmp_path: Path) -> None:
    events = [*REPRIORITISED[:2], ev("incident.reprioritized", "2026-10-02 11:00", "INC-R", priority="P2")]
    report = run(versions(tmp_path), events)
    [inc] = report.incidents
    assert inc.priority == "P2"
    assert len(data(report)) == 1


def test_an_incident_reported_with_an_unknown_priority_is_still_not_judged(tmp_path: Path) -> None:
    events = [ev("incident.reported", "2026-09-30 16:00", "INC-U", priority="P3")]
    report = run(versions(tmp_path), events)
    assert report.incidents == []
    assert data(report) == [d for d in data(report) if d.endswith("priority `P3` is not defined in version 1")]
    assert len(data(report)) == 1


def test_the_per_incident_and_columnar_paths_agree(tmp_path: Path) -> None:
    folder = versions(tmp_path)
    a, b = run(folder, REPRIORITISED), run(folder, REPRIORITISED, batch=False)
    assert a.model_dump_json() == b.model_dump_json()


def test_an_attribute_the_judging_version_does_not_declare_is_noted(tmp_path: Path) -> None:
    folder = versions(tmp_path, v2={"attributes": attribute("standard", "premium"), "premium": PREMIUM})
    events = [
        ev("incident.reported", "2026-09-30 16:00", "INC-A", priority="P2", attributes={"plan": "premium"}),
        ev("incident.reported", "2026-10-05 16:00", "INC-B", priority="P2", attributes={"plan": "premium"}),
    ]
    report = run(folder, events)
    by_id = {i.id: i for i in report.incidents}
    assert by_id["INC-A"].response_due == t("2026-10-01 16:00")  # version 1's rule: unchanged
    assert by_id["INC-B"].response_due == t("2026-10-05 18:00")  # version 2's premium rule
    [note] = [v for v in report.violations if v.kind == "data"]
    assert note.id == "INC-A" and note.at == t("2026-09-30 16:00")
    assert "`plan`" in note.message and "`premium`" in note.message and "version 1" in note.message
    assert note.note is not None and note.note.where
    assert run(folder, events, batch=False).model_dump_json() == report.model_dump_json()


def test_a_value_the_judging_version_does_not_declare_is_noted(tmp_path: Path) -> None:
    folder = versions(
        tmp_path,
        v1={"attributes": attribute("standard")},
        v2={"attributes": attribute("standard", "premium"), "premium": PREMIUM},
    )
    events = [ev("incident.reported", "2026-09-30 16:00", "INC-V", priority="P2", attributes={"plan": "premium"})]
    report = run(folder, events)
    [inc] = report.incidents
    assert inc.response_due == t("2026-10-01 16:00")
    [note] = data(report)
    assert "value `premium`" in note and "`plan`" in note and "version 1" in note


def test_the_notes_have_japanese_words(tmp_path: Path) -> None:
    from sla_dsl.report.data_notes import note_text

    folder = versions(tmp_path, v2={"attributes": attribute("standard", "premium"), "premium": PREMIUM})
    events = [ev("incident.reported", "2026-09-30 16:00", "INC-A", priority="P2", attributes={"plan": "premium"})]
    [v] = [v for v in run(folder, events).violations if v.kind == "data"]
    assert v.note is not None
    text = note_text(v.note, v.id, "ja", str, str, str)
    assert "規定の版 1" in text and "`plan`" in text and "`premium`" in text

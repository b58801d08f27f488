"""``sla explain`` of a violation of an incident's target names its priority by the rule that judged it.

P1 has two rules: ``"Urgent (premium)"`` for the premium plan (resolve within 2 hours) and ``"Urgent"`` for
the rest (8 business hours). INC-1 (premium) is resolved an hour late, INC-2 (standard) the next day. The
explanation of each violation said ``P1 Urgent (premium) / Urgent resolution due …``, every label of the
priority, and a standard-plan incident was named ``緊急（プレミアム）／緊急`` too: the violation was worded
without its incident's row, which says the rule that judged it. The report's violations table named the rule;
the explanation now says what the table says.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import sla

POLICY = """sla "M" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-18:00
}

clock response "応答" / "Response" {
  starts at incident.reported
}

clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" {
  when plan = premium
  respond within 1 hour
  resolve within 2 hours on resolution
}

priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  resolve within 8 business hours on resolution
}
"""

EVENTS = [
    {
        "event": "incident.reported",
        "at": "2026-11-30T10:00:00+09:00",
        "id": "INC-1",
        "priority": "P1",
        "attributes": {"plan": "premium"},
    },
    {"event": "incident.responded", "at": "2026-11-30T10:30:00+09:00", "id": "INC-1"},
    {"event": "incident.resolved", "at": "2026-11-30T13:00:00+09:00", "id": "INC-1"},
    {
        "event": "incident.reported",
        "at": "2026-11-30T10:00:00+09:00",
        "id": "INC-2",
        "priority": "P1",
        "attributes": {"plan": "standard"},
    },
    {"event": "incident.responded", "at": "2026-11-30T10:30:00+09:00", "id": "INC-2"},
    {"event": "incident.resolved", "at": "2026-12-01T13:00:00+09:00", "id": "INC-2"},
]
PERIOD = ("--from", "2026-11-01", "--to", "2026-12-02")

#: what each incident's violation says, as the violations table says it
SAID = {
    ("INC-1", "en"): "P1 Urgent (premium) resolution due Mon 30 Nov 12:00: done Mon 30 Nov 13:00",
    ("INC-1", "ja"): "P1 緊急（プレミアム）の解決の期限 11月30日(月) 12:00 に対し 11月30日(月) 13:00 に完了",
    ("INC-2", "en"): "P1 Urgent resolution due Mon 30 Nov 18:00: done Tue 1 Dec 13:00",
    ("INC-2", "ja"): "P1 緊急の解決の期限 11月30日(月) 18:00 に対し 12月1日(火) 13:00 に完了",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("rules")
    policy, log = folder / "m.sla", folder / "m.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return policy, log


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args, "--quiet")
    assert code == 0, err
    return out


@pytest.mark.parametrize(("ident", "lang"), list(SAID))
def test_the_violation_names_the_rule_that_judged_the_incident(files: tuple[Path, Path], ident: str, lang: str) -> None:
    out = _run("explain", *files, ident, *PERIOD, "--lang", lang)
    violation = out.split("\n\n")[1]  # (the incident's explanation, then its violation's)
    assert SAID[ident, lang] in violation, violation
    assert "/ Urgent" not in violation and "／緊急" not in violation, violation


@pytest.mark.parametrize(("ident", "lang"), list(SAID))
def test_explain_says_what_the_violations_table_says(files: tuple[Path, Path], ident: str, lang: str) -> None:
    report = re.sub(r" {2,}", "  ", _run("evaluate", *files, *PERIOD, "--lang", lang, "--no-trend"))
    line = next(x for x in report.splitlines() if f"  {ident}  " in x and SAID[ident, lang] in x)
    assert "/ Urgent" not in line and "／緊急" not in line, line

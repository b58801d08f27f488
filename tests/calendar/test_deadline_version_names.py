"""``sla deadline`` given several versions: a priority, attribute or value the version in force at ``--from``
does not have is an error naming that version and its date, and the later version that has it, from when.

QA: ``sla deadline POLICYDIR --priority P1 --from 2026-12-31T23:00:00+09:00 --attribute plan=premium`` said
``unknown attribute plan / help: the policy declares no attributes`` though version 2 declares it from
2027-01-01; ``--priority P3`` said ``unknown priority P3 (this policy has P1, P2)``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAD = """sla "Versioned" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  languages ja, en
}}
{extra}
calendar business "営業日" / "Business" {{
  days mon..fri
  hours 10:00-18:00
}}

priority P1 "緊急" / "Urgent" {{
  respond within 4 business hours
}}

priority P2 "高" / "High" {{
  respond within 1 business day
}}
{more}"""
PLAN = """
attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}
"""
P3 = """
priority P3 "低" / "Low" {
  respond within 5 business days
}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "pol"
    out.mkdir()
    (out / "a.sla").write_text(HEAD.format(version="1", effective="2026-04-01", extra="", more=""), "utf-8")
    (out / "b.sla").write_text(HEAD.format(version="2", effective="2027-01-01", extra=PLAN, more=P3), "utf-8")
    return out


def deadline(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sla_dsl.cli", "deadline", str(folder), "--from", "2026-12-31T23:00:00+09:00", *args]
    return subprocess.run(cmd, capture_output=True, text=True)


def test_an_attribute_a_later_version_declares(folder: Path) -> None:
    done = deadline(folder, "--priority", "P1", "--attribute", "plan=premium", "--lang", "en")
    assert done.returncode == 2
    assert "unknown attribute `plan` in version 1 (effective 2026-04-01)" in done.stderr
    assert "version 2 declares attribute `plan` from 2027-01-01" in done.stderr
    assert "the policy declares no attributes" not in done.stderr


def test_a_priority_a_later_version_defines(folder: Path) -> None:
    done = deadline(folder, "--priority", "P3", "--lang", "en")
    assert done.returncode == 2
    assert "unknown priority `P3` in version 1 (effective 2026-04-01)" in done.stderr
    assert "version 2 defines `P3` from 2027-01-01" in done.stderr


def test_in_japanese(folder: Path) -> None:
    done = deadline(folder, "--priority", "P3", "--attribute", "plan=premium", "--lang", "ja")
    assert done.returncode == 2
    assert "規定の版 1（2026年4月1日" in done.stderr
    assert "優先度 `P3` は規定の版 2 が 2027年1月1日" in done.stderr
    assert "属性 `plan` は規定の版 2 が 2027年1月1日" in done.stderr
    assert "unknown" not in done.stderr and "version" not in done.stderr


def test_a_value_a_later_version_declares(tmp_path: Path) -> None:
    out = tmp_path / "pol"
    out.mkdir()
    one = PLAN.replace('  value premium "プレミアム" / "Premium"\n', "")
    (out / "a.sla").write_text(HEAD.format(version="1", effective="2026-04-01", extra=one, more=""), "utf-8")
    (out / "b.sla").write_text(HEAD.format(version="2", effective="2027-01-01", extra=PLAN, more=""), "utf-8")
    done = deadline(out, "--priority", "P1", "--attribute", "plan=premium", "--lang", "en")
    assert done.returncode == 2
    assert "attribute `plan` has no value `premium` in version 1 (effective 2026-04-01)" in done.stderr
    assert "version 2 declares `plan` = `premium` from 2027-01-01" in done.stderr


def test_after_the_later_versions_date_it_answers(folder: Path) -> None:
    cmd = [sys.executable, "-m", "sla_dsl.cli", "deadline", str(folder), "--from", "2027-01-04T10:00:00+09:00"]
    done = subprocess.run([*cmd, "--priority", "P3", "--attribute", "plan=premium"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2027-01-08T18:00:00+09:00"

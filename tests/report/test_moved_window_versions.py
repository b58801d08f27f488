"""A maintenance window is worded from the version that laid it, and the breach-credit notes end as sentences.

QA found two faults in the customer reports:

* Click So-ko's 2026.2 takes effect on 16 November 2026, moves the maintenance to the 4th Friday and closes the
  company on Fri 20 and Fri 27 November (``closed 2026-11-20, 2026-11-27``): the window of the 27th moves to
  Mon 30 November. A report of November (``--from 2026-11-01``, when 2026.1 is in force) said in Japanese
  ``2026年11月27日(金)から延期（非営業日）``, looking the closure up in 2026.1's calendar, which has none; the
  English fell back to the row's own ``reason``. Each window is now worded from the version in force at its start,
  the one that laid it and moved it (``2026年11月27日(金)（休業日）から延期``), which the report's ``maintenance``
  rows name (``policy_version``, the last field, as ``sla maintenance --format json`` has it).
* The note under the breach-credit table on a period several credit lines share, and the "not final" words of a
  row whose period is not over, ended without their full stop (``…返還します``, ``…what is left under it``,
  ``…確定していません``), while every other note ends with one.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.policy import Policy
from sla_dsl.report import Report
from sla_dsl.report.render import render
from sla_dsl.report.tables import report_tables

from .helpers import EXAMPLE, MONTH, POLICY, sla

FORMATS = ("text", "markdown", "html")
JA_MOVED = "2026年11月27日(金)（休業日）から延期"
EN_MOVED = "moved from Fri 27 Nov 2026 (company closure)"


def later_version() -> str:
    """2026.2 of Click So-ko: from 16 November 2026, the maintenance on the 4th Friday, 20:00-22:00, and the
    company closed on 20 and 27 November."""
    text = POLICY.read_text("utf-8")
    edits = [
        ('version "2026.1"', 'version "2026.2"'),
        ("effective 2026-04-01", "effective 2026-11-16"),
        ("every month on 4th thu, 22:00-24:00", "every month on 4th fri, 20:00-22:00"),
        ("  holidays JP ", "  closed 2026-11-20, 2026-11-27\n  holidays JP "),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def versions() -> list[Policy]:
    return [sla_dsl.load_policy(POLICY), sla_dsl.load_policy(later_version())]


def november(policies: list[Policy], start: str = "2026-11-01") -> Report:
    return sla_dsl.evaluate(policies, EXAMPLE, start, "2026-12-01")


def shown(report: Report, fmt: str, lang: str, policies: list[Policy]) -> str:
    return html.unescape(render(report, fmt, lang=lang, policies=policies))  # (HTML escapes some marks)


# ---- the window moved by a later version's closure -----------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_window_moved_by_a_later_versions_closure_says_why_in_both_languages(fmt: str) -> None:
    policies = versions()
    report = november(policies)
    [window] = [mw for mw in report.maintenance if mw.moved]
    assert (window.scheduled.isoformat() if window.scheduled else None, window.start.isoformat()) == (
        "2026-11-27",
        "2026-11-30T20:00:00+09:00",
    )
    ja = shown(report, fmt, "ja", policies)
    assert JA_MOVED in ja
    assert "から延期（非営業日）" not in ja
    assert EN_MOVED in shown(report, fmt, "en", policies)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_words_are_those_a_report_from_the_later_version_gives(fmt: str) -> None:
    """The same words as a report whose ``from`` is in 2026.2 (and as 2026.2 alone gives)."""
    policies = versions()
    later = [policies[1]]
    for report, given in ((november(policies, "2026-11-16"), policies), (november(later), later)):
        assert JA_MOVED in shown(report, fmt, "ja", given)
        assert EN_MOVED in shown(report, fmt, "en", given)


def test_the_cli_says_it_as_qa_ran_it(tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "a.sla").write_text(POLICY.read_text("utf-8"), "utf-8")
    (folder / "b.sla").write_text(later_version(), "utf-8")
    for lang, said in (("ja", JA_MOVED), ("en", EN_MOVED)):
        code, out, err = sla("evaluate", folder, EXAMPLE, *MONTH, "--lang", lang)
        assert code == 0, err
        assert said in out


# ---- the maintenance rows name the version that laid them ------------------------------------------------------

#: (``id``, a key added after it: :mod:`sla_dsl.report.row_ids`)
FIELDS = ["start", "end", "name", "scheduled", "moved", "reason", "excused", "policy_version", "id"]


def test_each_maintenance_row_names_its_version_last_in_the_json() -> None:
    rows = november(versions()).model_dump(mode="json")["maintenance"]
    assert rows and all(list(r) == FIELDS for r in rows)
    assert [(r["start"][:10], r["policy_version"]) for r in rows] == [("2026-11-30", "2026.2")]


def test_the_streamed_json_report_names_it_too(tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "a.sla").write_text(POLICY.read_text("utf-8"), "utf-8")
    (folder / "b.sla").write_text(later_version(), "utf-8")
    code, out, err = sla("evaluate", folder, EXAMPLE, "--from", "2026-10-01", "--to", "2026-12-01", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)["maintenance"]
    assert all(list(r) == FIELDS for r in rows)
    # October's 4th Thursday is 2026.1's window; November's, moved off the closure, 2026.2's
    assert [(r["start"][:10], r["policy_version"]) for r in rows] == [
        ("2026-10-22", "2026.1"),
        ("2026-11-30", "2026.2"),
    ]


def test_one_version_names_it_as_well() -> None:
    rows = november([sla_dsl.load_policy(POLICY)]).model_dump(mode="json")["maintenance"]
    assert rows and {r["policy_version"] for r in rows} == {"2026.1"}


def test_the_parquet_table_has_the_column_last() -> None:
    table = report_tables(november(versions()))["maintenance"]
    assert table.column_names == FIELDS
    assert table.column("policy_version").to_pylist() == ["2026.2"]


def test_a_report_read_back_without_the_field_words_the_window_from_the_version_at_its_start() -> None:
    """A JSON written before the field: the window is worded from the version in force at its start."""
    policies = versions()
    data: dict[str, Any] = november(policies).model_dump(mode="json")
    for row in data["maintenance"]:
        del row["policy_version"]
    report = Report.model_validate(data)
    assert [mw.policy_version for mw in report.maintenance] == [None]
    for fmt in FORMATS:
        assert JA_MOVED in shown(report, fmt, "ja", policies)
        assert EN_MOVED in shown(report, fmt, "en", policies)


# ---- the breach-credit notes end as sentences -------------------------------------------------------------------

LINE = "  respond within 4 business hours\n"


def credit_version(name: str, effective: str, credit: str) -> str:
    """Click So-ko as version ``name`` effective ``effective``, with ``credit`` under P1's response target."""
    text = POLICY.read_text("utf-8")
    assert text.count(LINE) == 1 and text.count('version "2026.1"') == 1
    text = text.replace('version "2026.1"', f'version "{name}"').replace(
        "effective 2026-04-01", f"effective {effective}"
    )
    return text.replace(LINE, f"{LINE}  {credit}\n")


def late(days: list[str]) -> list[dict[str, Any]]:
    """A P1 incident per day, reported at 10:00 (due 15:00 the same day) and answered at 17:00: a breach."""
    events: list[dict[str, Any]] = []
    for k, day in enumerate(days, 1):
        ident = f"INC-{k:02d}"
        events.append({"event": "incident.reported", "at": f"{day}T10:00:00+09:00", "id": ident, "priority": "P1"})
        events.append({"event": "incident.responded", "at": f"{day}T17:00:00+09:00", "id": ident})
    return events


def credit_versions() -> list[Policy]:
    return [
        sla_dsl.load_policy(credit_version("2026.2", "2026-11-16", "credit 5% per breach, at most 25% monthly")),
        sla_dsl.load_policy(credit_version("2026.3", "2027-01-16", "credit 10% per breach, at most 30% monthly")),
    ]


JANUARY = late(["2027-01-05", "2027-01-06", "2027-01-18", "2027-01-19"])
JA_SHARED = "最初の目標未達が早い行から順に、上限の残りの範囲でクレジットを返還します。"
EN_SHARED = "each is credited, in the order of its first missed target, what is left under it."


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_shared_cap_note_ends_with_its_full_stop(fmt: str) -> None:
    policies = credit_versions()
    report = sla_dsl.evaluate(policies, JANUARY, "2027-01-01", "2027-02-01")
    assert [r.shared_cap for r in report.breach_credits] == [30.0, 30.0]
    assert JA_SHARED in shown(report, fmt, "ja", policies)
    assert EN_SHARED in shown(report, fmt, "en", policies)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_row_not_final_ends_with_its_full_stop(fmt: str) -> None:
    """The words follow the row's sentence (``…（第3条の(2)。対象案件：INC-01）``): two sentences in Japanese, each
    ended; one in English, ended."""
    policies = credit_versions()[:1]
    report = sla_dsl.evaluate(policies, JANUARY[:2], "2027-01-01", "2027-02-01", "2027-01-10T00:00:00+09:00")
    assert [r.complete for r in report.breach_credits] == [False]
    ja = shown(report, fmt, "ja", policies)
    en = shown(report, fmt, "en", policies)
    assert "対象案件：INC-01）。測定期間が終わっていないため確定していません。" in ja
    assert "incidents INC-01); not final: the period is not over." in en

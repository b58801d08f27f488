"""The human-readable report says which warning threshold an at-risk incident or target has passed, when its
clock has several (``at risk at 50%, 75% of target``).

The JSON has said it since the thresholds came (``at_risk_percent``), but the text, Markdown and HTML reports
and ``sla explain``'s headline said only "at risk": a reader could not tell 50% from 75%. Now the table of
incidents at risk has a last column, ``警告`` / ``Warning`` (``目標の 75% が経過`` / ``75% of target used``),
and the table of targets and ``sla explain`` say it after the status (``要注意（目標の 75% が経過）`` /
``at risk (75% of target used)``). A clock with one threshold reads as before: "at risk" says which, and the
table of incidents at risk keeps its five columns. These tests failed before the change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from docs.htmltables import tables

import sla_dsl
from sla_dsl.report.render import render
from sla_dsl.report.words import PolicyWords

from .helpers import sla

POLICY = """sla "T" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-12:00, 13:00-17:00
}
clock response "応答" / "Response" {
  starts at incident.reported
  at risk at RISKS of target
}
clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
  at risk at RISKS of target
}
priority P1 "優先度１" / "Priority 1" {
  respond within 4 business hours
  resolve within 4 business hours on resolution
}
"""

#: A reported Mon 2 Mar 09:00, B at 10:00: as of 12:30 A has used 3 of its 4 business hours (75%), B 2 (50%)
EVENTS = [
    {"event": "incident.reported", "at": "2026-03-02T09:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-03-02T10:00:00+09:00", "id": "B", "priority": "P1"},
]
PERIOD = ["--from", "2026-03-01", "--to", "2026-04-01", "--as-of", "2026-03-02T12:30:00+09:00"]
TWO, ONE = "50%, 75%", "75%"

#: (language, the at-risk table's header of the column, A's and B's cells, the at-risk status, A's target status)
WORDS = {
    "ja": ("警告", "目標の 75% が経過", "目標の 50% が経過", "要注意", "要注意（目標の 75% が経過）"),
    "en": ("Warning", "75% of target used", "50% of target used", "at risk", "at risk (75% of target used)"),
}


def _files(tmp_path: Path, risks: str) -> tuple[Path, Path]:
    policy, log = tmp_path / f"p{len(risks)}.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY.replace("RISKS", risks), "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return policy, log


def _tables(out: str, fmt: str) -> list[list[list[str]]]:
    """Every table of the report: its rows (the header first) as the texts of their cells."""
    if fmt == "html":
        return [[r.cells for r in rows] for rows in tables(out).values()]
    found: list[list[list[str]]] = []
    for block in re.split(r"\n\s*\n", out):
        if fmt == "markdown":
            lines = [x for x in block.splitlines() if x[:1] == "|" and not x.startswith("|---")]
            rows = [[c.strip() for c in x.strip().strip("|").split(" | ")] for x in lines]
        else:
            rows = [re.split(r"\s{2,}", x.strip()) for x in block.splitlines() if x.startswith("  ")]
        if rows:
            found.append(rows)
    return found


def _report(tmp_path: Path, risks: str, fmt: str, lang: str) -> list[list[list[str]]]:
    policy, log = _files(tmp_path, risks)
    code, out, err = sla("evaluate", policy, log, *PERIOD, "--format", fmt, "--lang", lang, "--no-trend")
    assert code == 0, err
    return _tables(out, fmt)


def _at_risk_table(found: list[list[list[str]]], lang: str) -> tuple[list[str], list[list[str]]]:
    """The header of the table of incidents at risk and its rows (A's and B's)."""
    left = "残り（営業時間）" if lang == "ja" else "Left (business time)"
    (table,) = [t for t in found if left in t[0]]
    return table[0], table[1:]


def _target_rows(found: list[list[list[str]]], lang: str) -> list[list[str]]:
    """The rows of A's resolution target in the table of targets."""
    resolution = "解決" if lang == "ja" else "Resolution"
    return [r for t in found for r in t if r[:2] == ["A", resolution]]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_incidents_at_risk_say_the_threshold_passed(tmp_path: Path, fmt: str, lang: str) -> None:
    column, a, b, _, _ = WORDS[lang]
    header, rows = _at_risk_table(_report(tmp_path, TWO, fmt, lang), lang)
    assert header[-1] == column and len(header) == 6
    assert [(r[0], r[-1]) for r in rows] == [("A", a), ("B", b)]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_table_of_targets_says_it_after_the_status(tmp_path: Path, fmt: str, lang: str) -> None:
    *_, status = WORDS[lang]
    targets = _target_rows(_report(tmp_path, TWO, fmt, lang), lang)
    assert targets and all(r[3] == status for r in targets), targets


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_one_threshold_reads_as_before_and_two_say_which(tmp_path: Path, fmt: str, lang: str) -> None:
    """With one threshold "at risk" says which: the table keeps its five columns and a target's status its
    word; the same log under two thresholds gets the column and the words."""
    column, _, _, word, status = WORDS[lang]
    one = _report(tmp_path, ONE, fmt, lang)
    header, rows = _at_risk_table(one, lang)
    assert len(header) == 5 and column not in header and [r[0] for r in rows] == ["A"]  # (B is below 75%)
    targets = _target_rows(one, lang)
    assert targets and all(r[3] == word for r in targets), targets
    two = _report(tmp_path, TWO, fmt, lang)
    assert _at_risk_table(two, lang)[0] == [*header, column]
    assert [r[3] for r in _target_rows(two, lang)] == [status] * len(targets)


def test_a_report_of_rows_says_it_as_the_commands_verdicts(tmp_path: Path) -> None:
    """The Python API's report (rows with ``at_risk_percent``) reads as ``sla evaluate``'s compact verdicts."""
    policy, _ = _files(tmp_path, TWO)
    compiled = sla_dsl.load_policy(policy)
    tokyo = dt.timezone(dt.timedelta(hours=9))
    as_of = dt.datetime(2026, 3, 2, 12, 30, tzinfo=tokyo)
    report = sla_dsl.evaluate(compiled, EVENTS, dt.date(2026, 3, 1), dt.date(2026, 4, 1), as_of)
    for lang in ("ja", "en"):
        column, a, b, _, status = WORDS[lang]
        found = _tables(render(report, "markdown", lang=lang, policies=[compiled]), "markdown")
        header, risky = _at_risk_table(found, lang)
        assert header[-1] == column and [r[-1] for r in risky] == [a, b]
        assert [r[3] for r in _target_rows(found, lang)] == [status]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_explain_heads_the_incident_with_the_threshold(tmp_path: Path, lang: str) -> None:
    policy, log = _files(tmp_path, TWO)
    code, out, err = sla("explain", policy, log, "A", *PERIOD, "--lang", lang)
    assert code == 0, err
    head, status = out.splitlines()[0], WORDS[lang][4]
    assert (("応答は" if lang == "ja" else "response ") + status) in head, head
    # the named target's line too
    assert any(status + ("、期限" if lang == "ja" else ", due") in line for line in out.splitlines()), out
    # with one threshold, the status alone
    one, _ = _files(tmp_path, ONE)
    code, out, err = sla("explain", one, log, "A", *PERIOD, "--lang", lang)
    assert code == 0, err
    assert status not in out and WORDS[lang][3] in out.splitlines()[0]


def test_the_words_need_the_clock_to_have_several_thresholds(tmp_path: Path) -> None:
    policies = [sla_dsl.load_policy(_files(tmp_path, r)[0]) for r in (TWO, ONE)]
    two, one = (PolicyWords([p], "en") for p in policies)
    assert two.at_risk_status("at_risk", "at risk", 75.0) == "at risk (75% of target used)"
    assert two.at_risk_status("at_risk", "at risk", 75.0, "resolution") == "at risk (75% of target used)"
    assert one.at_risk_status("at_risk", "at risk", 75.0) == "at risk"
    assert two.at_risk_status("open", "open", None) == "open"
    assert PolicyWords([], "en").at_risk_status("at_risk", "at risk", 75.0) == "at risk"  # (no policy at hand)

"""A priority a later version relabels is named by the version that judged each row, in every table.

Version 2026.1 (effective 1 Apr 2026) labels P1 "優先度１" / "Priority 1" (credit 5% per breach, at most 25%
monthly) and P3 "優先度３" / "Priority 3"; version 2026.2 (effective Mon 16 Nov 2026) relabels them "優先度１
（緊急）" / "Priority 1 (urgent)" (credit 10% per breach) and "優先度３（低）" / "Priority 3 (low)", and keeps P2
"優先度２" / "Priority 2". The incidents table named each incident by the version that judged it, but every
other table named the priority by the version in force at ``--from``: November's breach-credit table read ``P1
優先度１`` on both P1 rows (2026.2's too, so the two rows of one shared cap could not be told apart), a
report from December read 2026.2's December row ``P1 優先度１（緊急）`` and one from November ``P1 優先度１``;
the summary, the responses table, the trend and the appendix of articles counted 2026.2's incidents under
2026.1's labels alone. A row of one version's credit line is now named by that version's label; a row counting
incidents of several versions by the label of each once (``優先度１／優先度１（緊急）``); a label no version
changed reads as it did, and so does every row of a single version.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.policy import load_policies
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import sla

V1 = """sla "Relabel" {
  format 1
  version "2026.1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}
article 3 "SLA の設定" / "SLA settings"
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 10:00-18:00
}
clock response "応答の起算点" / "Start of the response clock" [art 3] {
  starts at incident.reported
}
priority P1 "優先度１" / "Priority 1" [art 3] {
  respond within 5 business hours
  credit 5% per breach, at most 25% monthly
  complete on incident.resolved
}
priority P2 "優先度２" / "Priority 2" [art 3] {
  respond within 1 business day
  complete on incident.resolved
}
priority P3 "優先度３" / "Priority 3" [art 3] {
  respond within 5 business days
  complete on incident.resolved
}
"""

#: version 2026.2: P1 and P3 relabelled, P1's credit line another; P2 as it was
V2 = (
    V1.replace('version "2026.1"', 'version "2026.2"')
    .replace("effective 2026-04-01", "effective 2026-11-16")
    .replace('"優先度１" / "Priority 1"', '"優先度１（緊急）" / "Priority 1 (urgent)"')
    .replace("credit 5% per breach, at most 25% monthly", "credit 10% per breach")
    .replace('"優先度３" / "Priority 3"', '"優先度３（低）" / "Priority 3 (low)"')
)

#: B1 (2026.1) and B2 (2026.2) miss P1's target in November, B3 (2026.2) on 1 December; P2 and P3 answered in
#: time under each version
EVENTS = """\
{"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "B1", "priority": "P1"}
{"event": "incident.responded", "at": "2026-11-05T15:30:00+09:00", "id": "B1"}
{"event": "incident.resolved", "at": "2026-11-05T17:00:00+09:00", "id": "B1"}
{"event": "incident.reported", "at": "2026-11-10T10:00:00+09:00", "id": "A1", "priority": "P2"}
{"event": "incident.responded", "at": "2026-11-10T11:00:00+09:00", "id": "A1"}
{"event": "incident.resolved", "at": "2026-11-10T17:00:00+09:00", "id": "A1"}
{"event": "incident.reported", "at": "2026-11-10T10:00:00+09:00", "id": "C1", "priority": "P3"}
{"event": "incident.responded", "at": "2026-11-10T11:00:00+09:00", "id": "C1"}
{"event": "incident.resolved", "at": "2026-11-10T17:00:00+09:00", "id": "C1"}
{"event": "incident.reported", "at": "2026-11-17T10:00:00+09:00", "id": "B2", "priority": "P1"}
{"event": "incident.responded", "at": "2026-11-17T15:30:00+09:00", "id": "B2"}
{"event": "incident.resolved", "at": "2026-11-17T17:00:00+09:00", "id": "B2"}
{"event": "incident.reported", "at": "2026-11-18T10:00:00+09:00", "id": "A2", "priority": "P2"}
{"event": "incident.responded", "at": "2026-11-18T11:00:00+09:00", "id": "A2"}
{"event": "incident.resolved", "at": "2026-11-18T17:00:00+09:00", "id": "A2"}
{"event": "incident.reported", "at": "2026-11-20T10:00:00+09:00", "id": "C2", "priority": "P3"}
{"event": "incident.responded", "at": "2026-11-20T11:00:00+09:00", "id": "C2"}
{"event": "incident.resolved", "at": "2026-11-20T17:00:00+09:00", "id": "C2"}
{"event": "incident.reported", "at": "2026-11-30T17:30:00+09:00", "id": "B3", "priority": "P1"}
{"event": "incident.responded", "at": "2026-12-01T15:00:00+09:00", "id": "B3"}
{"event": "incident.resolved", "at": "2026-12-01T17:00:00+09:00", "id": "B3"}
"""

NOVEMBER = ("--from", "2026-11-01", "--to", "2026-12-01")
DECEMBER = ("--from", "2026-12-01", "--to", "2027-01-01")
BOTH = ("--from", "2026-11-01", "--to", "2027-01-01")

#: the words of each language: 2026.1's P1, 2026.2's P1, the two together, P2, P3 together, a response row
WORDS = {
    "ja": {
        "old": "P1 優先度１",
        "new": "P1 優先度１（緊急）",
        "both": "P1 優先度１／優先度１（緊急）",
        "p2": "P2 優先度２",
        "p3": "P3 優先度３／優先度３（低）",
        "p3_old": "P3 優先度３",
        "p3_new": "P3 優先度３（低）",
        "response": "{}の応答",
        "rules": "応答の起算点、優先度１／優先度１（緊急）、優先度２、優先度３／優先度３（低）",
        "credits": "目標未達1件あたりのサービスクレジット",
        "responses": "障害対応：応答目標",
        "trend": "前月までとの比較",
        "articles": "参照した規定",
    },
    "en": {
        "old": "P1 Priority 1",
        "new": "P1 Priority 1 (urgent)",
        "both": "P1 Priority 1 / Priority 1 (urgent)",
        "p2": "P2 Priority 2",
        "p3": "P3 Priority 3 / Priority 3 (low)",
        "p3_old": "P3 Priority 3",
        "p3_new": "P3 Priority 3 (low)",
        "response": "{}: response",
        "rules": (
            "Start of the response clock; Priority 1 / Priority 1 (urgent); Priority 2; Priority 3 / Priority 3 (low)"
        ),
        "credits": "Service credits per missed target",
        "responses": "Incidents: response targets",
        "trend": "Trend against earlier months",
        "articles": "Articles referred to",
    },
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The two versions (a directory) and the log."""
    root = tmp_path_factory.mktemp("relabel")
    versions = root / "policy"
    versions.mkdir()
    (versions / "a_2026.1.sla").write_text(V1, "utf-8")
    (versions / "b_2026.2.sla").write_text(V2, "utf-8")
    log = root / "events.jsonl"
    log.write_text(EVENTS, "utf-8")
    return versions, log


def _out(files: tuple[Path, Path], period: tuple[str, ...], lang: str, fmt: str = "text") -> str:
    code, out, err = sla("evaluate", *files, *period, "--lang", lang, "--format", fmt, "--limit", "0")
    assert code == 0, err
    return out


def _section(text: str, title: str) -> list[list[str]]:
    """The rows of a text report's section titled ``title`` (its cells), its header first, notes as one cell."""
    block = next(b for b in text.split("\n\n") if b.startswith(title + "\n"))
    return [re.split(r"\s{2,}", line.strip()) for line in block.splitlines()[1:]]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_credit_row_is_named_by_the_version_of_its_line(files: tuple[Path, Path], lang: str) -> None:
    said = WORDS[lang]
    table = _section(_out(files, NOVEMBER, lang), said["credits"])[1:]
    rows = [r for r in table if len(r) > 1]
    assert [(r[0], r[-1][-3:-1]) for r in rows] == [(said["old"], "B1"), (said["new"], "B2")], rows
    # the note of the period the two rows share names the priority by both versions' labels, counting its 2 rows
    (note,) = [r[0] for r in table if len(r) == 1]
    assert note.split(" ", 1)[1].startswith(said["both"] + ("、" if lang == "ja" else ",")), note
    assert ("2行" if lang == "ja" else "2 rows") in note, note


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_credit_row_reads_alike_whatever_the_report_starts(files: tuple[Path, Path], lang: str) -> None:
    said = WORDS[lang]
    december = [r for r in _section(_out(files, DECEMBER, lang), said["credits"])[1:] if len(r) > 1]
    both = [r for r in _section(_out(files, BOTH, lang), said["credits"])[1:] if len(r) > 1]
    assert [r[0] for r in december] == [said["new"]]
    assert [r[0] for r in both if "B3" in r[-1]] == [said["new"]], both
    assert [r[0] for r in both if "B1" in r[-1]] == [said["old"]], both


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_rows_counting_both_versions_name_each_label_once(files: tuple[Path, Path], lang: str) -> None:
    said = WORDS[lang]
    for period in (NOVEMBER, BOTH):
        text = _out(files, period, lang)
        summary = [r[0] for r in _section(text, text.split("\n\n")[1].splitlines()[0])[1:4]]
        assert summary == [said["response"].format(said[k]) for k in ("both", "p2", "p3")], summary
        responses = [r[0] for r in _section(text, said["responses"])[1:]]
        assert responses == [said["both"], said["p2"], said["p3"]], responses
        articles = _section(text, said["articles"])
        assert any(r[-1] == said["rules"] for r in articles), articles
    trend = [r[0] for r in _section(_out(files, BOTH, lang), said["trend"])[1:4]]
    assert trend == [said["response"].format(said[k]) for k in ("both", "p2", "p3")], trend


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_documents_name_them_alike(files: tuple[Path, Path], lang: str, fmt: str) -> None:
    said = WORDS[lang]
    doc = _out(files, NOVEMBER, lang, fmt)
    for name in (said["old"], said["new"], said["both"], said["p3"]):
        assert name in doc, name
    assert said["response"].format(said["both"]) in doc


def test_a_report_read_back_from_its_json_names_them_alike(files: tuple[Path, Path]) -> None:
    policies = load_policies([str(p) for p in sorted(files[0].iterdir())])
    report = sla_dsl.evaluate(policies, files[1], "2026-11-01", "2026-12-01")
    back = Report.model_validate_json(report.model_dump_json())
    for lang in ("ja", "en"):
        shown = render(report, "text", lang=lang, policies=policies, limit=0)
        assert render(back, "text", lang=lang, policies=policies, limit=0) == shown
        assert WORDS[lang]["both"] in shown


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_one_version_and_unchanged_labels_read_as_before(files: tuple[Path, Path], lang: str) -> None:
    said = WORDS[lang]
    code, out, err = sla("evaluate", files[0] / "a_2026.1.sla", files[1], *NOVEMBER, "--lang", lang)
    assert code == 0, err
    for k in ("both", "p3"):
        assert said[k] not in out
    assert [r[0] for r in _section(out, said["responses"])[1:]] == [said["old"], said["p2"], said["p3_old"]]
    # a December report judged by 2026.2 alone names its rows by 2026.2's labels alone
    december = _out(files, DECEMBER, lang)
    summary = [r[0] for r in _section(december, december.split("\n\n")[1].splitlines()[0])[1:4]]
    assert summary == [said["response"].format(said[k]) for k in ("new", "p2", "p3_new")], summary

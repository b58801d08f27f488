"""An outage's notice is named by the label of its notification rule, however many rules the policy has.

A policy whose only rule on outages is ``first_report "第一報" / "First report"`` (within 30 minutes of the
start): OUT-1 starts at 10:00, is notified at 10:45 (15 minutes late) and ends at 11:00; OUT-2 starts at 14:00
and is never notified. ``sla explain`` said ``recovery notice: late`` and ``recovery notice due``, the report's
violations ``recovery notice due Tue 10 Nov 10:30: sent …`` and its outages table was headed "Outages and
recovery notices", while the summary named the rule "First report": a first report is no recovery notice.
Only a policy of two rules or more named each by its label. Now every one is named by its label, and only a
rule without a label keeps the generic words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import sla

POLICY = """sla "O" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages LANGS
}

notify first_report LABEL {
  within 30 minutes after outage.started
  met by outage.notified
}
"""

EVENTS = [
    {"event": "outage.started", "at": "2026-11-10T10:00:00+09:00", "id": "OUT-1", "cause": "failure"},
    {"event": "outage.notified", "at": "2026-11-10T10:45:00+09:00", "id": "OUT-1"},
    {"event": "outage.ended", "at": "2026-11-10T11:00:00+09:00", "id": "OUT-1"},
    {"event": "outage.started", "at": "2026-11-10T14:00:00+09:00", "id": "OUT-2", "cause": "failure"},
    {"event": "outage.ended", "at": "2026-11-10T15:00:00+09:00", "id": "OUT-2"},
]
MONTH = ("--from", "2026-11-01", "--to", "2026-12-01")

#: per policy (its languages and the rule's label) and report language: the explanation's headline of
#: OUT-1, its step at the due time, the violations of OUT-1 and OUT-2, and the outages table's heading
CASES = {
    "en": (
        "en",
        '"First report"',
        "Outage OUT-1 (policy version 1): downtime 1:00, First report: late",
        "Tue 10 Nov 10:30  First report due: within 30 minutes",
        "First report due Tue 10 Nov 10:30: sent Tue 10 Nov 10:45 (0:15 late, elapsed time)",
        "First report due Tue 10 Nov 14:30: none sent as of Tue 1 Dec 00:00",
        "Outages and notices (First report)",
    ),
    "ja": (
        "ja, en",
        '"第一報" / "First report"',
        "障害 OUT-1（規定の版 1）：停止時間 1:00、第一報：期限超過",
        "11月10日(火) 10:30  第一報の期限：30分以内",
        "第一報の期限 11月10日(火) 10:30 に対し 11月10日(火) 10:45 に送信（経過時間で 0:15 超過）",
        "第一報の期限 11月10日(火) 14:30 を過ぎても送信なし（12月1日(火) 00:00 時点）",
        "障害と通知（第一報）",
    ),
    # a rule without a label: the generic words, as before
    "unlabelled": (
        "en",
        "",
        "Outage OUT-1 (policy version 1): downtime 1:00, recovery notice: late",
        "Tue 10 Nov 10:30  recovery notice due: within 30 minutes",
        "recovery notice due Tue 10 Nov 10:30: sent Tue 10 Nov 10:45 (0:15 late, elapsed time)",
        "recovery notice due Tue 10 Nov 14:30: none sent as of Tue 1 Dec 00:00",
        "Outages and recovery notices",
    ),
    "unlabelled-ja": (
        "ja",
        "",
        "障害 OUT-1（規定の版 1）：停止時間 1:00、復旧情報通知：期限超過",
        "11月10日(火) 10:30  復旧情報通知の期限：30分以内",
        "復旧情報通知の期限 11月10日(火) 10:30 に対し 11月10日(火) 10:45 に通知（経過時間で 0:15 超過）",
        "復旧情報通知の期限 11月10日(火) 14:30 を過ぎても通知なし（12月1日(火) 00:00 時点）",
        "障害と復旧情報通知",
    ),
}


def _files(folder: Path, langs: str, label: str) -> tuple[Path, Path]:
    policy, log = folder / "o.sla", folder / "o.jsonl"
    policy.write_text(POLICY.replace("LANGS", langs).replace("LABEL", label), "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return policy, log


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args, "--quiet")
    assert code == 0, err
    return out


def _squeezed(text: str) -> str:
    """The text with the padding of its table cells cut to two spaces."""
    return re.sub(r" {2,}", "  ", text)


@pytest.mark.parametrize("case", list(CASES))
def test_explain_names_the_notice_by_its_rule(tmp_path: Path, case: str) -> None:
    langs, label, head, due, _, _, _ = CASES[case]
    lang = "ja" if case.endswith("ja") else "en"
    out = _run("explain", *_files(tmp_path, langs, label), "OUT-1", "--lang", lang)
    lines = out.splitlines()
    assert lines[0] == head, out
    assert any(line.strip() == due for line in lines), out
    if label:
        assert "recovery notice" not in out and "復旧情報通知" not in out, out


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_report_names_the_notice_by_its_rule(tmp_path: Path, case: str, fmt: str) -> None:
    langs, label, _, _, late, none, title = CASES[case]
    lang = "ja" if case.endswith("ja") else "en"
    out = _run("evaluate", *_files(tmp_path, langs, label), *MONTH, "--lang", lang, "--format", fmt, "--no-trend")
    said = _squeezed(out)
    assert late in said and none in said, out
    if fmt == "text":
        assert title in out.splitlines(), out
    elif fmt == "markdown":
        assert f"## {title}\n" in out, out
    else:
        assert f"<h2>{title}</h2>" in out, out
    if label:
        assert "recovery notice" not in out and "復旧情報通知" not in out, out


def test_the_timeline_refers_to_the_outages_table_by_its_heading(tmp_path: Path) -> None:
    """Outages too close together for each to have a label above the timeline: the note under it names the
    outages table by its heading, which is the rule's."""
    events = []
    for k in range(40):  # forty outages of a minute, one every ten minutes of one morning
        start = f"2026-11-10T{9 + k // 6:02d}:{k % 6 * 10:02d}:00+09:00"
        end = f"2026-11-10T{9 + k // 6:02d}:{k % 6 * 10 + 1:02d}:00+09:00"
        events += [
            {"event": "outage.started", "at": start, "id": f"O{k}", "cause": "failure"},
            {"event": "outage.ended", "at": end, "id": f"O{k}"},
        ]
    policy, log = _files(tmp_path, "ja, en", '"第一報" / "First report"')
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    policy.write_text(
        policy.read_text("utf-8")
        + 'service web "ウェブ" / "Web" {\n  hours always\n  availability target 99%\n}\n'
        + 'calendar always "常時" / "Always" {\n  days mon..sun\n  hours 00:00-24:00\n}\n',
        "utf-8",
    )
    for lang, note in (
        ("en", "see “Outages and notices (First report)”"),
        ("ja", "（一覧は「障害と通知（第一報）」）"),
    ):
        out = _run("evaluate", policy, log, *MONTH, "--lang", lang, "--format", "html", "--no-trend")
        svg = out[out.index('<section id="timeline">') :]
        assert note in svg[: svg.index("</section>")], svg[:3000]

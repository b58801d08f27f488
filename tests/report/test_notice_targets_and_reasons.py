"""A notification rule's target in the summary, and an excluded outage's reason in the outages table.

The summary worded the target of every rule with ``only if … during`` as the recovery notice of
Article 3 reads: ``1営業時間以内（営業時間内に認知した場合）`` (when recognised in business hours), also
for a rule counting from ``outage.ended`` or in the hours of another calendar. Now it says the
rule's own event and calendar: ``（サービスの再開が営業時間内の場合）``, ``（障害の発生が「英語窓口」の
営業時間内の場合）``. And the outages table named an excluded outage's cause without the article of its
exclusion (``適用外（不可抗力）``) where the summary and ``sla explain`` cite it: now ``第6条により適用外
（不可抗力）``, with a line per rule and with one rule alike, and without a number for an exclusion
that cites none.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import MONTH, ROOT, sla

#: Three rules on outage events: from the recognition in business hours (as Article 3 of Click
#: So-ko), from the end in business hours, from the start in the hours of another calendar.
RULES = """\
sla "Notices" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja, en
}
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-17:00
}
calendar desk "英語窓口" / "English desk" {
  days mon..fri
  hours 18:00-22:00
}
priority P1 "緊急" / "P1" { respond within 8 business hours }
notify rec "復旧通知" / "Recovery" {
  within 1 business hour after outage.recognized
  only if outage.recognized during business hours
  met by outage.notified
}
notify fin "終了報告" / "Closing report" {
  within 1 business hour after outage.ended
  only if outage.ended during business hours
  met by outage.notified
}
notify desk "窓口通知" / "Desk notice" {
  within 2 hours after outage.started
  only if outage.started during desk hours
  met by outage.notified
}
exclude force_majeure "不可抗力" / "Force majeure" [art 6]
"""
#: O1 judged by every rule; O4 excluded (force majeure, under Article 6).
EVENTS = [
    {"event": "outage.started", "at": "2026-11-04T08:00:00Z", "id": "O1"},
    {"event": "outage.recognized", "at": "2026-11-04T10:30:00Z", "id": "O1"},
    {"event": "outage.ended", "at": "2026-11-04T11:00:00Z", "id": "O1"},
    {"event": "outage.notified", "at": "2026-11-04T11:10:00Z", "id": "O1"},
    {"event": "outage.started", "at": "2026-11-07T10:00:00Z", "id": "O4", "cause": "force_majeure"},
    {"event": "outage.ended", "at": "2026-11-07T11:00:00Z", "id": "O4"},
]
TARGETS = {
    "ja": {
        "復旧通知": "1営業時間以内（営業時間内に認知した場合）",
        "終了報告": "1営業時間以内（サービスの再開が営業時間内の場合）",
        "窓口通知": "2時間以内（障害の発生が「英語窓口」の営業時間内の場合）",
    },
    "en": {
        "Recovery": "within 1 business hour (when recognised in business hours)",
        "Closing report": "within 1 business hour (when the service's return falls in business hours)",
        "Desk notice": "within 2 hours (when the start of the outage falls within the open hours of “English desk”)",
    },
}
EXCLUDED = {"ja": "第6条により適用外（不可抗力）", "en": "excluded under Art. 6 (Force majeure)"}
#: (the outages table's heading begins so: named after the rule when there is one, ``障害と通知（復旧通知）``)
TITLES = {"ja": ("総括", "障害と通知"), "en": ("Summary", "Outages and notices")}


def _files(folder: Path, policy: str) -> tuple[Path, Path]:
    path, log = folder / "notices.sla", folder / "events.jsonl"
    path.write_text(policy, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return path, log


def _rows(out: str, title: str) -> list[list[str]]:
    block = next(b for b in out.split("\n\n") if b.startswith(title))
    return [re.split(r"\s{2,}", x.strip()) for x in block.splitlines()[2:] if x.startswith("  ")]


def _text(policy: Path, log: Path, lang: str) -> str:
    code, out, err = sla("evaluate", policy, log, *MONTH, "--format", "text", "--lang", lang)
    assert code == 0, err
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_summary_words_each_rule_s_condition_from_its_own_event_and_hours(tmp_path: Path, lang: str) -> None:
    out = _text(*_files(tmp_path, RULES), lang)
    summary = {r[0]: r[1] for r in _rows(out, TITLES[lang][0])}
    for label, target in TARGETS[lang].items():
        assert summary[label] == target, (label, summary)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_examples_recovery_notice_reads_as_before(lang: str) -> None:
    """plans.sla and Click So-ko count the recovery notice from the recognition in business hours."""
    said = "3営業時間以内（営業時間内に認知した場合）" if lang == "ja" else "within 3 business hours (when recognised"
    examples = {
        ROOT / "policies" / "clicksoko.sla": ROOT / "examples" / "events-2026-11.jsonl",
        ROOT / "policies" / "examples" / "plans.sla": ROOT / "policies" / "examples" / "plans.jsonl",
    }
    for policy, log in examples.items():
        out = _text(policy, log, lang)
        assert said in out, policy


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_excluded_outage_s_lines_cite_its_exclusion_s_article(tmp_path: Path, lang: str) -> None:
    out = _text(*_files(tmp_path, RULES), lang)
    rows = _rows(out, TITLES[lang][1])
    first = next(k for k, r in enumerate(rows) if r[0] == "O4")
    lines = rows[first : first + 3]  # a line per rule, the outage's own cells on its first
    assert [r[-1] for r in lines] == [EXCLUDED[lang]] * 3, lines


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_with_one_rule_the_excluded_outage_cites_its_article_too(tmp_path: Path, lang: str) -> None:
    one = RULES.split("notify fin")[0] + "exclude" + RULES.split("\nexclude", 1)[1]
    out = _text(*_files(tmp_path, one), lang)
    rows = _rows(out, TITLES[lang][1])
    assert len(rows[0]) == 8  # the table of seven columns, and the time not counted (the excluded outage's)
    o4 = next(r for r in rows if r[0] == "O4")
    assert o4[-1] == EXCLUDED[lang] and o4[4].startswith(EXCLUDED[lang]), o4


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_exclusion_without_an_article_is_named_without_a_number(tmp_path: Path, lang: str) -> None:
    out = _text(*_files(tmp_path, RULES.replace(" [art 6]", "")), lang)
    rows = _rows(out, TITLES[lang][1])
    said = "適用外（不可抗力）" if lang == "ja" else "excluded (Force majeure)"
    assert next(r for r in rows if r[0] == "O4")[-1] == said

"""A priority whose rules with ``when`` have different labels is named by its id and a label true of them all.

A QA pass found the Japanese summary, trend and violation rows naming such a priority (``緊急（VIP）`` for
one organisation, ``緊急`` for the rest) by its bare id, ``urgentの応答``, ``urgentの定期更新``: an internal
identifier on a Japanese page. A row counting the priority as a whole now names each label once
(``urgent 緊急（VIP）／緊急``, :func:`sla_dsl.report.words.priority_label`); a row of one incident names the
rule that judged it (``urgent 緊急（VIP）``); the change notice names an item's priority as the report does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import change_text, diff_models, notice_words
from sla_dsl.lang import model as m
from sla_dsl.policy import compile_text
from sla_dsl.policy.compiled import Policy
from sla_dsl.report.words import PolicyWords, priority_label

from .helpers import sla

POLICY = """\
sla "混在" {
  title "混在" / "Mixed"
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja, en
}

article 3 "障害対応" / "Failures"

attribute org "組織" / "Organization" {
  value vip "VIP" / "VIP"
  value std "標準" / "Standard"
  default std
}

event incident.public_comment "公開コメント" / "Public agent comment"

clock response "初回応答" / "First response" {
  starts at incident.reported
}

clock updates "定期更新" / "Periodic update" {
  starts at incident.reported
  stops at incident.resolved
}

priority urgent "緊急（VIP）" / "Urgent (VIP)" {
  when org = vip
  respond within 1 hour
  update every 2 hours on updates by incident.public_comment
  complete on incident.resolved
}

priority urgent "緊急" / "Urgent" {
  respond within 2 hours
  update every 4 hours on updates by incident.public_comment
  complete on incident.resolved
}

item 1 "障害対応" / "Failures" [art 3] {
  rules priority urgent
}
"""

#: O: October, met (for the trend); V: the VIP rule, late and without updates; S: the other rule, the same.
EVENTS: list[dict[str, object]] = [
    {"event": "incident.reported", "at": "2026-10-01T10:00:00Z", "id": "O", "priority": "urgent"},
    {"event": "incident.responded", "at": "2026-10-01T10:30:00Z", "id": "O"},
    {"event": "incident.resolved", "at": "2026-10-01T11:00:00Z", "id": "O"},
    {"event": "incident.reported", "at": "2026-11-02T10:00:00Z", "id": "V", "priority": "urgent"},
    {"event": "incident.responded", "at": "2026-11-02T12:00:00Z", "id": "V"},
    {"event": "incident.resolved", "at": "2026-11-02T16:00:00Z", "id": "V"},
    {"event": "incident.reported", "at": "2026-11-03T10:00:00Z", "id": "S", "priority": "urgent"},
    {"event": "incident.responded", "at": "2026-11-03T13:00:00Z", "id": "S"},
    {"event": "incident.resolved", "at": "2026-11-03T18:00:00Z", "id": "S"},
]
EVENTS[3]["attributes"] = {"org": "vip"}
LOG = "".join(json.dumps(e) + "\n" for e in EVENTS)
PERIOD = ("--from", "2026-11-01", "--to", "2026-12-01")

#: the name of the priority as a whole, of the VIP rule, of the other rule; how a label follows the id
NAMES = {
    "ja": ("urgent 緊急（VIP）／緊急", "urgent 緊急（VIP）", "urgent 緊急"),
    "en": ("urgent Urgent (VIP) / Urgent", "urgent Urgent (VIP)", "urgent Urgent"),
}


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    policy, log = tmp_path / "mixed.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text(LOG, "utf-8")
    return policy, log


def _report(files: tuple[Path, Path], lang: str, fmt: str = "text") -> str:
    code, out, err = sla("evaluate", *files, *PERIOD, "--lang", lang, "--format", fmt)
    assert code == 0, err
    return out


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_priority_is_never_its_bare_id(files: tuple[Path, Path], lang: str) -> None:
    out = _report(files, lang)
    label = {"ja": " 緊急", "en": " Urgent"}[lang]
    assert not re.findall(f"urgent(?!{label})", out), out  # `urgentの応答`, `urgent  45` (the responses table)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_summary_trend_and_responses_name_every_label(files: tuple[Path, Path], lang: str) -> None:
    whole = NAMES[lang][0]
    out = _report(files, lang, "markdown")
    response = {"ja": f"{whole}の応答", "en": f"{whole}: response"}[lang]
    update = {"ja": f"{whole}の定期更新（定期更新）", "en": f"{whole}: Periodic update (Periodic update)"}[lang]
    assert out.count(f"| {response} |") == 2, out  # the summary and the trend
    assert out.count(f"| {update} |") == 2, out
    assert f"| {whole} |" in out, out  # the responses table


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_row_of_one_incident_names_the_rule_that_judged_it(files: tuple[Path, Path], lang: str) -> None:
    _, vip, other = NAMES[lang]
    out = _report(files, lang, "markdown")
    assert f"| V | {vip} |" in out and f"| S | {other} |" in out, out  # incidents not met
    update = {"ja": "{}の定期更新：", "en": "{} periodic update:"}[lang]
    response = {"ja": "{}の応答期限", "en": "{} response due"}[lang]
    for name in (vip, other):  # the violations, a response and a named target alike
        assert update.format(name) in out and response.format(name) in out, out


def test_the_label_is_true_of_every_rule() -> None:
    model = _model(POLICY)
    rules = model.rules_of("urgent")
    assert priority_label(rules, "ja") == "緊急（VIP）／緊急"
    assert priority_label(rules[:1], "ja") == "緊急（VIP）"
    same = _model(POLICY.replace('"緊急（VIP）" / "Urgent (VIP)"', '"緊急" / "Urgent"'))
    assert PolicyWords([Policy(same)], "ja").priority("urgent") == "urgent 緊急"  # one label shared: once


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_notice_names_an_items_priority_as_the_report_does(lang: str) -> None:
    old = _model(POLICY)
    new = _model(
        POLICY.replace("rules priority urgent", "rules priority urgent, priority low").replace(
            "item 1", 'priority low "低" / "Low" {\n  respond within 1 day\n}\n\nitem 1'
        )
    )
    words = notice_words(old, new, lang)  # type: ignore[arg-type]
    said = " ".join(change_text(c, words, old, new) for c in diff_models(old, new))
    whole = PolicyWords([Policy(new)], lang).priority("urgent")
    assert whole == NAMES[lang][0]
    assert {"ja": f"「{whole}」", "en": f'"{whole}"'}[lang] in said, said

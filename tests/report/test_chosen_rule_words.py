"""An incident is worded from the rule that judged it (issue 13), not the first rule of its priority.

A priority may have several rules, the first whose ``when`` the incident's attributes meet judging it
(:mod:`sla_dsl.evaluation.select`). ``sla explain`` and the report's "Incidents not met" table word
the target, the article and the silence rule of that rule: here a standard-plan incident is judged
by the second P1 rule (Art. 3, 4 business hours, 5 business days of silence), not the first (the
premium rule: Art. 7, 1 hour, 1 day), on the columnar path and the per-incident path alike.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events.reader import read_events
from sla_dsl.report import IncidentRow
from sla_dsl.report.render import render, render_explain

from .helpers import MONTH, sla

POLICY = """\
sla "Art" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en
}
article 3 "Standard support"
article 7 "Premium support"
attribute plan "Plan" {
  values standard, premium
  default standard
}
calendar business "Business" {
  days mon..fri
  hours 09:00-17:00
}
clock response "Response" {
  starts at incident.reported
}
priority P1 "Urgent (premium)" [art 7] {
  when plan = premium
  respond within 1 hour
  complete on incident.resolved, or 1 day after incident.info_provided without incident.customer_replied
}
priority P1 "Urgent" [art 3] {
  respond within 4 business hours
  complete on incident.resolved, or 5 business days after incident.info_provided without incident.customer_replied
}
"""

#: S: no attributes (the default plan, standard); T: standard given; P: premium. All answered late.
EVENTS: list[dict[str, object]] = [
    {"event": "incident.reported", "at": "2026-11-16T10:00:00Z", "id": "S", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-16T15:00:00Z", "id": "S"},
    {"event": "incident.info_provided", "at": "2026-11-16T15:00:00Z", "id": "S"},
    {"event": "incident.reported", "at": "2026-11-17T10:00:00Z", "id": "P", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-17T12:00:00Z", "id": "P"},
    {"event": "incident.info_provided", "at": "2026-11-17T12:00:00Z", "id": "P"},
    {"event": "incident.reported", "at": "2026-11-18T10:00:00Z", "id": "T", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-18T15:00:00Z", "id": "T"},
    {"event": "incident.info_provided", "at": "2026-11-18T15:00:00Z", "id": "T"},
]
EVENTS[3]["attributes"] = {"plan": "premium"}
EVENTS[6]["attributes"] = {"plan": "standard"}
LOG = "".join(json.dumps(e) + "\n" for e in EVENTS)

#: What each incident's explanation says: (article line, due line, silence line), per language.
WORDS = {
    "en": {
        "S": ("Under: Art. 3 (Standard support)", "response due: within 4 business hours", "5 business days passed"),
        "T": ("Under: Art. 3 (Standard support)", "response due: within 4 business hours", "5 business days passed"),
        "P": ("Under: Art. 7 (Premium support)", "response due: within 1 hour", "1 day passed"),
    },
    "ja": {
        "S": ("根拠：第3条（Standard support）", "応答期限：4営業時間以内", "返答がないまま5営業日が経過"),
        "T": ("根拠：第3条（Standard support）", "応答期限：4営業時間以内", "返答がないまま5営業日が経過"),
        "P": ("根拠：第7条（Premium support）", "応答期限：1時間以内", "返答がないまま1日間が経過"),
    },
}
#: The article each incident's row of "Incidents not met" cites, per language.
ARTICLE = {"en": {"S": "Art. 3", "T": "Art. 3", "P": "Art. 7"}, "ja": {"S": "第3条", "T": "第3条", "P": "第7条"}}


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    policy, log = tmp_path / "art.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text(LOG, "utf-8")
    return policy, log


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


def _not_met_articles(markdown: str) -> dict[str, str]:
    """The article cited by each row of the Markdown table of incidents not met (the one table whose
    rows start with an incident's id), by incident id."""
    rows = [line.strip("|").split("|") for line in markdown.splitlines() if re.match(r"\| [SPT] \|", line)]
    return {cells[0].strip(): cells[-1].strip() for cells in rows}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("ident", ["S", "T", "P"])
def test_explain_words_the_rule_that_judged(files: tuple[Path, Path], lang: str, ident: str) -> None:
    out = _run("explain", *MONTH, "--lang", lang, *files, ident)
    for said in WORDS[lang][ident]:
        assert said in out, out
    wrong = WORDS[lang]["P" if ident != "P" else "S"]
    for said in wrong:
        assert said not in out, out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_markdown_not_met_cites_the_rule_that_judged(files: tuple[Path, Path], lang: str) -> None:
    out = _run("evaluate", *files, *MONTH, "--format", "markdown", "--lang", lang)
    assert _not_met_articles(out) == ARTICLE[lang], out


@pytest.mark.parametrize("batch", [True, False], ids=["columns", "per-incident"])
@pytest.mark.parametrize("lazy", [True, False], ids=["lazy", "eager"])
def test_both_paths_and_the_rows_of_the_api(files: tuple[Path, Path], batch: bool, lazy: bool) -> None:
    policies = [sla_dsl.load_policy(files[0])]
    start, end = (dt.datetime(2026, 11, d, tzinfo=dt.UTC) for d in (1, 30))
    result = judge_log(policies, read_events(files[1]), start, end, batch=batch)
    report = result.report(lazy=lazy)
    rows = {r.id: r for r in report.incidents}
    for lang in ("en", "ja"):
        # the report's own rows (pydantic) and the compact verdicts the CLI hands the renderer
        for incidents in (list(report.incidents), None):
            md = render(report, "markdown", lang=lang, policies=policies, incidents=incidents)
            assert _not_met_articles(md) == ARTICLE[lang], md
        for ident, said in WORDS[lang].items():
            text = render_explain(report, [rows[ident]], "text", lang=lang, policies=policies)
            assert said[0] in text and said[1] in text, text
    # a row keeps the position among the P1 rules of the rule the evaluator chose; not in the JSON
    assert {k: r.rule for k, r in rows.items()} == {"S": 1, "T": 1, "P": 0}
    assert all("rule" not in r.model_dump(mode="json") for r in rows.values())


def test_a_row_that_does_not_say_is_worded_from_the_default_rule(files: tuple[Path, Path]) -> None:
    """A row read back from JSON keeps no rule: it is worded from the rule for default attributes
    (what judges an incident without any), not the first rule of its priority."""
    policies = [sla_dsl.load_policy(files[0])]
    start, end = (dt.datetime(2026, 11, d, tzinfo=dt.UTC) for d in (1, 30))
    report = judge_log(policies, read_events(files[1]), start, end).report()
    row = IncidentRow.model_validate_json(next(r for r in report.incidents if r.id == "S").model_dump_json())
    text = render_explain(report, [row], "text", lang="en", policies=policies)
    assert WORDS["en"]["S"][0] in text and WORDS["en"]["S"][1] in text, text
    assert row.rule is None

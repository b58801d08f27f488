"""A first reply measured on a clock that starts again at each message (``restarts at``: Zendesk's next reply
time) is no first reply: the report's summary, its table of targets and its violations, ``sla explain`` and the
docs site call it by its clock's declared label (``次回回答`` / ``Next reply``), never "First reply" / 初回回答;
without a label, ``次回回答`` / ``Next reply``. A first reply on a clock that does not restart keeps its name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.cli import main
from sla_dsl.docs.targets import targets_html
from sla_dsl.docs.text import calendar_labels

POLICY = """sla "N" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  title "T" / "T"
}
calendar business "営業" / "Business" {
  days mon..fri
  hours 09:00-17:00
}
clock response "応答" / "Response" { starts at incident.reported }
clock next_reply "次の回答" / "Reply to each message" {
  starts at incident.customer_replied
  stops at incident.responded
  restarts at incident.customer_replied
}
clock suspicion "製品起因" / "Product suspected" {
  starts at incident.product_suspected
  stops at incident.responded
}
priority P1 "緊急" / "Urgent" {
  respond within 1 hour
  first reply within 1 hour on next_reply
  first reply within 1 hour on suspicion
  complete on incident.resolved
}
"""

EVENTS = [
    {"event": "incident.reported", "at": "2026-11-20T10:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-20T10:10:00+09:00", "id": "A"},
    {"event": "incident.product_suspected", "at": "2026-11-20T10:20:00+09:00", "id": "A"},
    {"event": "incident.customer_replied", "at": "2026-11-20T10:30:00+09:00", "id": "A"},
    {"event": "incident.responded", "at": "2026-11-20T13:00:00+09:00", "id": "A"},
]

NAME = {"en": "Reply to each message", "ja": "次の回答"}
FIRST = {"en": "First reply", "ja": "初回回答"}


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return [str(policy), str(log)]


PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]


def _lines(text: str, word: str) -> list[str]:
    return [x for x in text.splitlines() if word in x]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_report_calls_it_by_its_clock(
    files: list[str], capsys: pytest.CaptureFixture[str], lang: str, fmt: str
) -> None:
    assert main(["evaluate", *files, *PERIOD, "--lang", lang, "--format", fmt, "--no-trend"]) == 0
    out = capsys.readouterr().out
    # each line naming the restarting clock calls its target by that label alone, never a first reply
    named = _lines(out, NAME[lang])
    assert named, out
    assert not [x for x in named if FIRST[lang] in x], named
    # the violation (breached at 11:30) names it so; the first reply on the other clock keeps its name
    # (the label quoted within the sentence, as the other sentences quote a label they insert)
    goal = {"en": f"P1 Urgent “{NAME['en']}” due", "ja": f"P1 緊急の「{NAME['ja']}」の期限"}[lang]
    assert _lines(out, goal), out
    assert [x for x in _lines(out, FIRST[lang]) if {"en": "Product suspected", "ja": "製品起因"}[lang] in x], out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_explain_calls_it_by_its_clock(files: list[str], capsys: pytest.CaptureFixture[str], lang: str) -> None:
    assert main(["explain", *files, "A", *PERIOD, "--lang", lang]) == 0
    out = capsys.readouterr().out
    verdict = {"en": f"{NAME['en']}: breached", "ja": f"{NAME['ja']}：未達"}[lang]
    assert _lines(out, verdict), out
    assert not [x for x in _lines(out, NAME[lang]) if FIRST[lang] in x], out
    other = {"en": "First reply (Product suspected): breached", "ja": "初回回答（製品起因）：未達"}[lang]
    assert _lines(out, other), out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_docs_site_calls_it_by_its_clock(lang: str) -> None:
    model = sla_dsl.load_policy(POLICY).model
    with calendar_labels(model):
        html = targets_html(model.priority("P1"), model, lang)
    mine = [x for x in html.split("<br>") if NAME[lang] in x]
    assert len(mine) == 1 and FIRST[lang] not in mine[0], html
    assert mine[0].startswith(f"<small>{NAME[lang]}"), html
    assert FIRST[lang] in html  # (the first reply on the other clock)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_without_a_label_it_is_a_next_reply(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    policy = tmp_path / "p.sla"
    policy.write_text(POLICY.replace(' "次の回答" / "Reply to each message"', ""), "utf-8")
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    assert main(["explain", str(policy), str(log), "A", *PERIOD, "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert _lines(out, {"en": "Next reply: breached", "ja": "次回回答：未達"}[lang]), out

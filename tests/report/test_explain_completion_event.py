"""``sla explain`` names an incident's completion by the event that completed it.

Found: every completion by an event was said in the words of Click So-ko's ``incident.resolved``
("workaround or information needed to solve the problem received (completed)"), though the priority
completes on ``incident.closed`` (the set-up the language reference gives for restarting a clock on a
reopen) or Zendesk's ``solved``: the step read as if a workaround had been received when the ticket was
closed. Now a declared event is named by its label, another contract event as its own step says it,
each with ``(completed)``; ``incident.resolved`` keeps the SLA's words and the silence rule its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import sla

POLICY = """sla "Reopen" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  provider "サンプル株式会社" / "Example Co."
  languages ja, en
}

article 5 "対応目標" / "Service targets"

calendar business "営業時間" / "Business hours" [art 5] {
  days mon..fri
  hours 09:00-12:00, 13:00-18:00
  holidays JP
}

event incident.closed "完了" / "Closed" [art 5]
event incident.reopened "再開" / "Reopened" [art 5]

clock response "応答時間" / "Time to first response" [art 5] {
  starts at incident.reported
}

clock ttr "解決までの時間" / "Time to resolution" [art 5] {
  starts at incident.reported
  stops at incident.resolved
  restarts at incident.reopened
}

priority P2 "高" / "High" [art 5] {
  respond within 4 business hours
  resolve within 5 business days on ttr
  COMPLETE
}
"""

EVENTS = [
    ("incident.reported", "2026-04-24T17:00:00+09:00"),
    ("incident.resolved", "2026-05-01T15:00:00+09:00"),
    ("incident.reopened", "2026-05-01T16:00:00+09:00"),
    ("incident.resolved", "2026-05-07T15:30:00+09:00"),
    ("incident.closed", "2026-05-08T10:00:00+09:00"),
]

#: the line of the completion's instant, Fri 8 May 10:00, per language
DAY = {"en": "Fri 8 May 10:00", "ja": "5月8日(金) 10:00"}


def _explain(
    tmp_path: Path, complete: str, lang: str, events: list[tuple[str, str]] = EVENTS, reopens: bool = True
) -> str:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    text = POLICY.replace("COMPLETE", complete)
    policy.write_text(text if reopens else text.replace("  restarts at incident.reopened\n", ""), "utf-8")
    lines = [
        {"event": e, "at": at, "id": "R1", **({"priority": "P2"} if e == "incident.reported" else {})}
        for e, at in events
    ]
    log.write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    code, out, err = sla("explain", policy, log, "R1", "--lang", lang, "--from", "2026-04-01", "--to", "2026-06-01")
    assert code == 0, err
    return out


def _steps(out: str, when: str, lang: str) -> list[str]:
    """The steps of the explanation's line at ``when`` (of the incident's explanation, the first)."""
    line = next(x.strip() for x in out.splitlines() if x.strip().startswith(when + "  "))
    return line[len(when) :].strip().split("; " if lang == "en" else "。")


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "“Closed” recorded (completed)"), ("ja", "「完了」を記録（完了）")],
)
def test_a_declared_completion_event_is_named_by_its_label(tmp_path: Path, lang: str, said: str) -> None:
    out = _explain(tmp_path, "complete on incident.closed", lang)
    # said once, as the completion (not also as "“Closed” recorded" beside it)
    assert _steps(out, DAY[lang], lang) == [said], out


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "“Closed” recorded (completed)"), ("ja", "「完了」を記録（完了）")],
)
def test_of_several_completion_events_the_one_that_completed_it_is_named(tmp_path: Path, lang: str, said: str) -> None:
    # the resolutions before the close complete nothing: only the close is one of the rule's events
    out = _explain(tmp_path, "complete on incident.closed, or on incident.customer_replied", lang)
    assert said in _steps(out, DAY[lang], lang), out


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "the end user replied (completed)"), ("ja", "エンド・ユーザー様から返答（完了）")],
)
def test_a_contract_completion_event_is_said_as_its_own_step(tmp_path: Path, lang: str, said: str) -> None:
    events = [*EVENTS[:1], ("incident.customer_replied", "2026-05-08T10:00:00+09:00")]
    out = _explain(tmp_path, "complete on incident.customer_replied", lang, events)
    assert said in _steps(out, DAY[lang], lang), out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "workaround or information needed to solve the problem received (completed)"),
        ("ja", "回避策または問題解決に必要な情報を受領（完了）"),
    ],
)
def test_a_resolution_keeps_the_words_of_the_sla(tmp_path: Path, lang: str, said: str) -> None:
    events = [*EVENTS[:1], ("incident.resolved", "2026-05-08T10:00:00+09:00")]
    # (no restart on a reopen: the resolution that stops the clock completes the incident, E223)
    out = _explain(tmp_path, "complete on incident.resolved", lang, events, reopens=False)
    assert said in _steps(out, DAY[lang], lang), out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "1 business day passed after information with no reply (completed)"),
        ("ja", "情報提供後、返答がないまま1営業日が経過（完了）"),
    ],
)
def test_a_completion_by_silence_still_says_so(tmp_path: Path, lang: str, said: str) -> None:
    events = [*EVENTS[:1], ("incident.info_provided", "2026-05-07T10:00:00+09:00")]
    complete = (
        "complete on incident.closed, or 1 business day after incident.info_provided without incident.customer_replied"
    )
    out = _explain(tmp_path, complete, lang, events)
    # one business day of 8 hours after Thu 7 May 10:00: Fri 8 May 10:00
    assert said in _steps(out, DAY[lang], lang), out

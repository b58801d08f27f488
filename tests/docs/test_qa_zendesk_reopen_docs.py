"""The Zendesk mapping says how to count a ticket's time after it is reopened from ``solved``.

Found by a QA pass as a Zendesk administrator: Zendesk's requester wait time and agent work time go on
counting when the requester's reply reopens a solved ticket, but the mapping wrote no event for
``solved`` -> ``open`` or ``closed``, and the only clock it showed stopped at ``incident.resolved``:
the time after the reopen was lost and a ticket Zendesk finds late was met, with nothing said. The
mapping now has a section on it (both languages): its ``sla`` block passes ``sla check`` in a policy,
and the due time and verdicts its prose states are the ones the engine gives, with and without it.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sla_dsl.evaluation import judge_log
from sla_dsl.events.reader import read_events
from sla_dsl.policy import compile_text, load_policy

from .conftest import ROOT

FENCE = re.compile(r"```sla\n(.*?)```", re.S)
HEADER = """\
sla "ZD" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  provider "サポート窓口" / "Support desk"
  languages ja, en
}

clock response "応答" / "Response" { starts at incident.reported }

calendar business "営業時間" / "Business hours" {
  hours mon..fri 09:00-18:00
  holidays JP
}

priority P3 "通常" / "Normal" {
  respond within 8 business hours
  resolve within 24 business hours on requester_wait
}
"""
#: The section's ticket: created Tue 17 Nov 09:00, solved 12:00, reopened Wed 10:00, solved Fri 14:00,
#: closed Tue 24 Nov 14:00.
EVENTS = """\
{"event": "incident.reported", "at": "2026-11-17T09:00:00+09:00", "id": "ZD-4", "priority": "P3"}
{"event": "incident.responded", "at": "2026-11-17T10:00:00+09:00", "id": "ZD-4"}
{"event": "incident.resolved", "at": "2026-11-17T12:00:00+09:00", "id": "ZD-4"}
{"event": "incident.work_resumed", "at": "2026-11-18T10:00:00+09:00", "id": "ZD-4"}
{"event": "incident.resolved", "at": "2026-11-20T14:00:00+09:00", "id": "ZD-4"}
{"event": "incident.closed", "at": "2026-11-24T14:00:00+09:00", "id": "ZD-4"}
"""
#: What the prose states, per language: the due time and verdict with the section's clock, then without.
SAID = {
    "ja": ("11月20日(金) 13:00 で、未達", "11月19日(木) 15:00"),
    "en": ("due on Fri 20 Nov at 13:00, and missed", "Thu 19 Nov at 15:00"),
}


def _section(text: str, anchor: str) -> str:
    """The part of a page from the heading with ``{#anchor}`` to the next heading with an anchor (a comment
    line of a code block is no heading)."""
    start = text.index(f"{{#{anchor}}}")
    after = re.search(r"^#+ .*\{#[\w-]+\}$", text[start + len(anchor) :], re.M)
    return text[start : start + len(anchor) + after.start()] if after else text[start:]


def _block(lang: str) -> str:
    text = (ROOT / f"docs/engineers/mapping.{lang}.md").read_text("utf-8")
    blocks = FENCE.findall(_section(text, "zendesk-reopened-after-solved"))
    assert len(blocks) == 1, blocks
    return str(blocks[0])


def _verdict(policy_text: str, tmp: object) -> tuple[str, str]:
    from pathlib import Path

    folder = Path(str(tmp))
    (folder / "p.sla").write_text(policy_text, "utf-8")
    (folder / "e.jsonl").write_text(EVENTS, "utf-8")
    start, end = (dt.datetime(2026, 11, 1, tzinfo=dt.UTC), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    policy = load_policy(folder / "p.sla")
    report = judge_log([policy], read_events(folder / "e.jsonl", policy=policy), start, end).report()
    (target,) = report.incidents[0].targets
    assert target.due is not None
    return target.status, target.due.isoformat()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_section_counts_on_after_the_reopen(lang: str, tmp_path: object) -> None:
    policy = HEADER + "\n" + _block(lang)
    assert compile_text(policy).diagnostics == []
    assert _verdict(policy, tmp_path) == ("breached", "2026-11-20T13:00:00+09:00")
    assert SAID[lang][0] in _section(
        (ROOT / f"docs/engineers/mapping.{lang}.md").read_text("utf-8"), "zendesk-reopened-after-solved"
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_clock_stopped_at_the_solve_loses_the_time_after_it(lang: str, tmp_path: object) -> None:
    block = _block(lang)
    block = re.sub(r"  pauses at incident\.resolved[^\n]*\n", "", block).replace(
        "incident.closed\n}", "incident.resolved\n}"
    )
    assert "stops at incident.resolved" in block
    assert _verdict(HEADER + "\n" + block, tmp_path) == ("met", "2026-11-19T15:00:00+09:00")
    assert SAID[lang][1] in _section(
        (ROOT / f"docs/engineers/mapping.{lang}.md").read_text("utf-8"), "zendesk-reopened-after-solved"
    )

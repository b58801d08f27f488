"""Request Tracker's part of the docs, as a reader who ports RT's service levels uses it.

Found by a QA pass that ported RT's ``%ServiceAgreements``: the mapping gave ``incident.responded`` to the
first ``Correspond`` by the ticket's owner, where RT's ``Response`` is met by anyone who is not a requestor
(the owner or an AdminCc only with ``AssumeOutsideActor``), and named its event ``owner_replied``; it mapped
``stalled`` to a pause's start with no row for leaving it, and never said which RT setting that pause is
(``ExcludeTimeOnIgnoredStatuses``) nor that RT's default has no exact equivalent; and ``KeepInLoop``,
``Default``, ``QueueDefault``, ``Starts``, a level's ``BusinessHours`` and ``Timezone`` were not mentioned.
The authors' guide now has a Request Tracker section: each of its ``sla`` blocks passes ``sla check`` in a
policy, and the verdicts and due times its prose states are the ones ``sla test`` and ``sla deadline`` give.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.policy import compile_text

from .conftest import ROOT
from .test_translations import without_comments

LANGS = ("en", "ja")
FENCE = re.compile(r"```sla\n(.*?)```", re.S)
#: A policy's header and the clock of the plain ``respond within``, which the guide's examples are parts of.
HEADER = """\
sla "RT" {
  format 1
  version "1"
  effective 2026-01-01
  timezone America/New_York
  provider "サポート窓口" / "Support desk"
  languages ja, en
}

clock response "応答" / "Response" { starts at incident.reported }
"""
#: The calendar the guide's examples count on, declared by its last one.
BUSINESS = """\
calendar business "営業時間" / "Business hours" {
  timezone America/New_York
  hours mon..fri 09:00-18:00
}
"""


def _section(text: str, anchor: str) -> str:
    """The part of a page from the heading with ``{#anchor}`` to the next heading of its level or higher."""
    start = text.index(f"{{#{anchor}}}")
    level = text.rindex("\n", 0, start) + 1
    hashes = text[level : text.index(" ", level)]
    after = re.search(rf"^#{{1,{len(hashes)}}} ", text[start:], re.M)
    return text[start : start + after.start()] if after else text[start:]


def _guide_blocks(lang: str) -> list[str]:
    text = (ROOT / f"docs/authors/guide.{lang}.md").read_text("utf-8")
    return FENCE.findall(_section(text, "coming-from-request-tracker"))


def _rt_rows(lang: str) -> list[list[str]]:
    text = (ROOT / f"docs/engineers/mapping.{lang}.md").read_text("utf-8")
    section = _section(text, "request-tracker-rt")
    return [[c.strip() for c in line.strip("|").split("|")] for line in section.splitlines() if line.startswith("| ")]


def _policy(block: str) -> str:
    return HEADER + ("" if "calendar business " in block else BUSINESS) + "\n" + block


def _sla(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sla_dsl.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_reply_by_anyone_not_a_requestor_is_the_response(lang: str) -> None:
    rows = _rt_rows(lang)
    responded = [fact for fact, event in rows if event == "`incident.responded`"]
    assert len(responded) == 1 and "`AssumeOutsideActor => 1`" in responded[0], responded
    text = (ROOT / f"docs/engineers/mapping.{lang}.md").read_text("utf-8")
    assert "owner_replied" not in text and "incident.staff_replied" in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_ticket_leaving_stalled_has_a_row(lang: str) -> None:
    rows = _rt_rows(lang)
    leaving = [fact for fact, event in rows if event.startswith("`incident.reopened`")]
    assert len(leaving) == 1 and "`stalled`" in leaving[0] and "`open`" in leaving[0], rows
    text = (ROOT / f"docs/engineers/mapping.{lang}.md").read_text("utf-8")
    section = " ".join(_section(text, "request-tracker-stalled").split())  # (a code span may wrap)
    assert "`ExcludeTimeOnIgnoredStatuses => 1`" in section
    assert "pauses at incident.info_provided until incident.reopened" in section


def test_the_guide_has_the_same_rt_blocks_in_both_languages() -> None:
    """The same blocks but for their comments, each in its page's language."""
    assert [without_comments(b) for b in _guide_blocks("ja")] == [without_comments(b) for b in _guide_blocks("en")]
    assert len(_guide_blocks("en")) == 3


@pytest.mark.parametrize("i", range(3))
def test_each_rt_block_of_the_guide_passes_sla_check(i: int, tmp_path: Path) -> None:
    path = tmp_path / "rt.sla"
    path.write_text(_policy(_guide_blocks("en")[i]), "utf-8")
    done = compile_text(path.read_text("utf-8"), str(path))
    assert done.diagnostics == [] and done.model is not None, done.diagnostics
    checked = _sla("check", "--lang", "en", str(path))
    assert checked.returncode == 0 and checked.stdout + checked.stderr == "", checked


def _judge(tmp_path: Path, policy: str, events: list[str], expect: str) -> None:
    """``sla test`` of ``policy`` on ``events`` (JSON lines) against the ``targets`` of ``expect`` (YAML)."""
    (tmp_path / "rt.sla").write_text(policy, "utf-8")
    (tmp_path / "events.jsonl").write_text("".join(f"{e}\n" for e in events), "utf-8")
    case = "cases:\n  - name: guide\n    events_file: events.jsonl\n    period: {from: 2026-11-01, to: 2026-12-01}\n"
    (tmp_path / "rt.yaml").write_text(f"{case}    expect:\n      targets:\n{expect}", "utf-8")
    done = _sla("test", "--lang", "en", str(tmp_path / "rt.sla"), str(tmp_path / "rt.yaml"))
    assert done.returncode == 0, done.stdout + done.stderr


def _event(event: str, at: str, key: str, priority: str = "") -> str:
    more = f', "priority": "{priority}"' if priority else ""
    return f'{{"event": "incident.{event}", "at": "2026-11-{at}:00-05:00", "id": "{key}"{more}}}'


def test_keep_in_loop_and_the_response_after_each_message(tmp_path: Path) -> None:
    """Staff replies at 10:00 and 17:00 on Monday, the requestor's message on Wednesday at 09:00: the loop's
    next reply was due on Tuesday at 16:00; the answer at 10:00 meets the Response after the message."""
    events = [
        _event("reported", "16T09:00", "K1", "L4H"),
        _event("responded", "16T10:00", "K1"),
        *(_event("staff_replied", at, "K1") for at in ("16T10:00", "16T17:00")),
        _event("requestor_wrote", "18T09:00", "K1"),
        _event("staff_replied", "18T10:00", "K1"),
    ]
    expect = """\
        "K1:first_reply": {status: breached, due: "2026-11-17T16:00:00-05:00"}
        "K1:respond@reply": met
"""
    _judge(tmp_path, _policy(_guide_blocks("en")[0]), events, expect)


def test_update_every_is_only_near_keep_in_loop(tmp_path: Path) -> None:
    """Answered at 10:00, the requestor writes at 11:00, the next answer on Tuesday at 15:00: the Response
    (due Monday at 15:00) is breached, and an update due Monday at 18:00 is missed, which KeepInLoop does not count."""
    update = "update every 8 business hours on resolution by incident.staff_replied"
    block = re.sub(r"^(  first reply within .*)$", rf"\1\n  {update}", _guide_blocks("en")[0], flags=re.M)
    block += (
        '\nclock resolution "解決" / "Resolution" {\n  starts at incident.reported\n  stops at incident.resolved\n}\n'
    )
    events = [
        _event("reported", "16T09:00", "K3", "L4H"),
        _event("responded", "16T10:00", "K3"),
        _event("staff_replied", "16T10:00", "K3"),
        _event("requestor_wrote", "16T11:00", "K3"),
        _event("staff_replied", "17T15:00", "K3"),
        _event("resolved", "17T16:00", "K3"),
    ]
    expect = """\
        "K3:respond@reply": {status: breached, due: "2026-11-16T15:00:00-05:00"}
        "K3:first_reply": met
        "K3:update": {status: breached, due: "2026-11-16T18:00:00-05:00"}
"""
    _judge(tmp_path, _policy(block), events, expect)


STALLED = [
    _event("reported", "16T09:00", "S1", "L4H"),
    _event("responded", "16T10:00", "S1"),
    _event("info_provided", "17T10:00", "S1"),
    _event("reopened", "24T10:00", "S1"),
    _event("resolved", "25T12:00", "S1"),
    _event("reported", "16T09:00", "S2", "L4H"),
    _event("responded", "16T10:00", "S2"),
    _event("info_provided", "17T10:00", "S2"),
    _event("resolved", "24T10:00", "S2"),  # (resolved while still stalled)
]


def test_the_pause_excludes_the_time_stalled(tmp_path: Path) -> None:
    expect = """\
        "S1:resolve": {status: met, due: "2026-11-27T18:00:00-05:00"}
        "S2:resolve": met
"""
    _judge(tmp_path, _policy(_guide_blocks("en")[1]), STALLED, expect)


def test_not_due_in_place_of_the_pause_is_rts_default(tmp_path: Path) -> None:
    """RT's default (``IgnoreOnStatuses`` alone), as the guide writes it: ``not due at`` in place of the pause. S1,
    opened after its due time, is breached (when it was opened); S2, resolved while still stalled, never overdue
    in RT, is met."""
    line = "  not due at incident.info_provided until incident.reopened\n"
    block = re.sub(r"^  pauses at .*\n", line, _guide_blocks("en")[1], flags=re.M)
    expect = """\
        "S1:resolve": {status: breached, due: "2026-11-20T18:00:00-05:00"}
        "S2:resolve": {status: met, due: "2026-11-20T18:00:00-05:00"}
"""
    _judge(tmp_path, _policy(block), STALLED, expect)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_guide_and_the_mapping_give_the_not_due_line(lang: str) -> None:
    for page in (f"authors/guide.{lang}.md", f"engineers/mapping.{lang}.md"):
        text = " ".join((ROOT / "docs" / page).read_text("utf-8").split())
        assert "not due at incident.info_provided until incident.reopened" in text, page


@pytest.mark.parametrize(
    ("priority", "start", "attribute", "due"),
    [
        ("L4H", "2026-11-16T10:00:00-05:00", "queue=london", "2026-11-17T05:00:00-05:00"),
        ("L4H", "2026-11-16T10:00:00-05:00", "queue=general", "2026-11-16T14:00:00-05:00"),
        ("L4H", "2026-11-25T16:00:00-05:00", "queue=general", "2026-11-27T11:00:00-05:00"),
        ("sales", "2026-11-16T19:00:00-05:00", "queue=general", "2026-11-17T09:00:00-05:00"),
    ],
)
def test_a_calendar_per_schedule_and_zone(priority: str, start: str, attribute: str, due: str, tmp_path: Path) -> None:
    path = tmp_path / "rt.sla"
    path.write_text(_policy(_guide_blocks("en")[2]), "utf-8")
    args = ("deadline", str(path), "--priority", priority, "--from", start, "--attribute", attribute)
    done = _sla(*args)
    assert (done.returncode, done.stdout.strip()) == (0, due), done.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_the_response_from_the_requestors_message_is_said_with_its_create_rows(lang: str) -> None:
    """RT's Response is due only from a requestor's message (``t/sla/due.t``: none on a ticket created by
    someone else); the guide says how to start the clock there, and the mapping which ``Create`` gives what."""
    text = (ROOT / f"docs/authors/guide.{lang}.md").read_text("utf-8")
    section = " ".join(_section(text, "coming-from-request-tracker").split())
    assert "`starts at incident.requestor_wrote`" in section and "`not_applicable`" in section
    creates = {event for fact, event in _rt_rows(lang) if "`Create`" in fact and "`incident.reported`" not in event}
    assert {e.split("`")[1] for e in creates} == {"incident.staff_replied", "incident.requestor_wrote"}, creates


def test_a_reply_clock_started_by_the_requestor_has_no_due_on_a_ticket_staff_created(tmp_path: Path) -> None:
    """Created by staff (no requestor message): the Response is not applicable until the requestor writes
    at 11:00, then due 4 business hours later (15:00, never answered); created by the requestor at 09:00,
    due 13:00 and missed."""
    block = _guide_blocks("en")[0]
    reply = block.index('clock reply "')
    block = block[:reply] + block[reply:].replace(
        "starts at incident.reported", "starts at incident.requestor_wrote", 1
    )
    events = [
        _event("reported", "16T09:00", "C1", "L4H"),
        _event("responded", "16T09:00", "C1"),
        _event("staff_replied", "16T09:00", "C1"),
        _event("reported", "16T09:00", "C2", "L4H"),
        _event("responded", "16T09:00", "C2"),
        _event("staff_replied", "16T09:00", "C2"),
        _event("requestor_wrote", "16T11:00", "C2"),
        _event("reported", "16T09:00", "C3", "L4H"),
        _event("requestor_wrote", "16T09:00", "C3"),
        _event("responded", "16T14:00", "C3"),
        _event("staff_replied", "16T14:00", "C3"),
    ]
    expect = """\
        "C1:respond@reply": not_applicable
        "C2:respond@reply": {status: breached, due: "2026-11-16T15:00:00-05:00"}
        "C3:respond@reply": {status: breached, due: "2026-11-16T13:00:00-05:00"}
"""
    _judge(tmp_path, _policy(block), events, expect)

"""``sla deadline --target NAME`` and ``--all``: each named target's due time is the one the evaluator reports.

An incident whose clocks all start at ``--from`` and never pause is judged by ``sla_dsl.evaluate``
(every clock's first ``starts at`` event at that instant, nothing else); each row of its ``targets``
must be due when ``sla deadline --all --format json`` says, and its ``response_due`` when the
response line says. The cases: the helpdesk example (two first-reply clocks, a periodic update, a
start inside and outside business hours), and a policy in Europe/London (below) across the end of
British Summer Time (2026-10-25) with out-of-hours extras in business and in elapsed time, and
rules chosen by ``--attribute`` through ``when``. Hand-worked values pin a few of them as well.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
LONDON_DESK = ROOT / "policies" / "examples" / "london_desk.sla"

LONDON = """\
sla "London targets" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Europe/London
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-17:30
  holidays GB-ENG
}

attribute plan "契約プラン" / "Plan" {
  values standard, premium
  default standard
}

clock response "応答" / "Response" {
  starts at incident.reported
}

clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
}

clock reply "初回回答" / "First reply" {
  starts at incident.product_suspected
  stops at incident.responded
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" {
  when plan = premium
  respond within 30 minutes
  resolve within 2 business hours on resolution, plus 1 business day if received outside business hours
  first reply within 2 hours on reply, plus 24 hours if received outside business hours
  update every 1 business hour on resolution by incident.responded
  complete on incident.resolved
}

priority P1 "緊急" / "Urgent" {
  respond within 1 business hour
  resolve within 4 business hours on resolution
  complete on incident.resolved
}
"""


@pytest.fixture(scope="module")
def london(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("policies") / "london.sla"
    path.write_text(LONDON, "utf-8")
    return path


def deadline(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["deadline", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def judged(policy: Path, priority: str, start: str, attributes: dict[str, str]) -> dict[tuple[str, str | None], str]:
    """What the evaluator reports for an incident whose clocks all start at ``start``: the response's due
    time (key ``("response", clock)``) and each named target's, by (name, clock)."""
    loaded = sla_dsl.load_policy(policy)
    t0 = dt.datetime.fromisoformat(start)
    report: Any = {"event": "incident.reported", "at": start, "id": "X", "priority": priority}
    if attributes:
        report["attributes"] = attributes
    events = [report]
    for first in dict.fromkeys(c.starts[0] for c in loaded.model.clocks):
        if first != "incident.reported":
            events.append({"event": first, "at": start, "id": "X"})
    result = sla_dsl.evaluate(loaded, events, t0 - dt.timedelta(days=1), t0 + dt.timedelta(days=40))
    (row,) = result.find("X")
    clock = next((c.name for c in loaded.model.clocks if c.name == "response"), None)
    out = {("response", clock): row.response_due.isoformat()}
    for target in row.targets:
        out[(target.name, target.clock)] = target.due.isoformat()
    return out


CASES = [
    # (policy, priority, --from, attributes, hand-worked dues by key: a check on the comparison itself)
    (HELPDESK, "P1", "2026-04-06T17:30:00+09:00", {}, {"update": "2026-04-07T13:30:00+09:00"}),
    # Friday evening, after hours: Monday
    (HELPDESK, "P1", "2026-04-10T18:30:00+09:00", {}, {"resolve": "2026-04-14T18:00:00+09:00"}),
    (HELPDESK, "P2", "2026-04-06T17:30:00+09:00", {}, {"first_reply": "2026-04-06T18:00:00+09:00"}),
    (HELPDESK, "P3", "2026-04-28T11:00:00+09:00", {}, {}),
    # Saturday evening in summer time: both extras; 2 + 8.5 business hours from Monday 09:00 GMT, and 26
    # hours of elapsed time, over the night the clocks go back (21:00 GMT, not 22:00)
    (
        "london",
        "P1",
        "2026-10-24T20:00:00+01:00",
        {"plan": "premium"},
        {"resolve": "2026-10-27T11:00:00+00:00", "first_reply": "2026-10-25T21:00:00+00:00"},
    ),
    # Friday 17:00 BST, inside hours: no extra; half an hour on Friday, the rest on Monday in GMT
    (
        "london",
        "P1",
        "2026-10-23T17:00:00+01:00",
        {"plan": "premium"},
        {"resolve": "2026-10-26T10:30:00+00:00", "first_reply": "2026-10-23T19:00:00+01:00"},
    ),
    ("london", "P1", "2026-10-23T17:00:00+01:00", {}, {"resolve": "2026-10-26T12:30:00+00:00"}),
    (LONDON_DESK, "P1", "2026-10-23T23:00:00+09:00", {}, {}),
]


@pytest.mark.parametrize(("policy", "priority", "start", "attributes", "hand"), CASES)
def test_all_targets_are_due_when_the_evaluator_says(
    capsys: pytest.CaptureFixture[str],
    london: Path,
    policy: Path | str,
    priority: str,
    start: str,
    attributes: dict[str, str],
    hand: dict[str, str],
) -> None:
    path = london if policy == "london" else policy
    given = [a for k, v in attributes.items() for a in ("--attribute", f"{k}={v}")]
    code, out, err = deadline(
        capsys, str(path), "--priority", priority, "--from", start, *given, "--all", "--format", "json"
    )
    assert (code, err) == (0, "")
    shown = {(d["key"], d["clock"]): d["due"] for d in json.loads(out)["targets"]}
    assert shown == judged(path, priority, start, attributes)
    for key, due in hand.items():
        assert [d for (k, _), d in shown.items() if k == key] == [due]


def test_target_lines_in_text(capsys: pytest.CaptureFixture[str], london: Path) -> None:
    """A line per target, in the order asked: key, due time, the target on its clock in ``--lang`` (with the
    extra its start earned); the response by ``response``."""
    start = ("--priority", "P1", "--attribute", "plan=premium", "--from", "2026-10-24T20:00:00+01:00")
    code, out, err = deadline(
        capsys, str(london), *start, "--target", "first_reply", "--target", "response", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert out == (
        "first_reply  2026-10-25T21:00:00+00:00  First reply (First reply), plus 24 hours: received outside "
        "business hours\n"
        "response     2026-10-24T20:30:00+01:00  Response (Response)\n"
    )
    code, out, err = deadline(capsys, str(london), *start, "--target", "resolve", "--lang", "ja")
    assert (code, out, err) == (
        0,
        "resolve  2026-10-27T11:00:00+00:00  解決（解決）、営業時間外の受付のため1営業日を加算\n",
        "",
    )


def test_update_is_the_first_update(capsys: pytest.CaptureFixture[str]) -> None:
    # every 4 business hours from Monday 17:30: half an hour on Monday, 3 in the morning, 30 minutes after lunch
    code, out, _ = deadline(
        capsys, str(HELPDESK), "--priority", "P1", "--from", "2026-04-06T17:30:00+09:00", "--target", "update"
    )
    assert (code, out.split()[:2]) == (0, ["update", "2026-04-07T13:30:00+09:00"])


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "sla: error: priority `P1` has no target `first_reply` (it has `response`, `resolve`)\n"),
        (
            "ja",
            "sla: エラー: 優先度 `P1` に目標 `first_reply` はありません（この優先度の目標：`response`、`resolve`）\n",
        ),
    ],
)
def test_a_target_the_applying_rule_lacks(
    capsys: pytest.CaptureFixture[str], london: Path, lang: str, said: str
) -> None:
    """Wrong usage, as an unknown ``--priority``: the rule that applies (here the one without ``when``, for the
    default plan) is the one whose targets are named."""
    args = ("--priority", "P1", "--from", "2026-10-23T17:00:00+01:00", "--target", "first_reply", "--lang", lang)
    assert deadline(capsys, str(london), *args) == (2, "", said)


def test_the_documented_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The example of ``docs/engineers/cli.*.md`` is what the command prints."""
    page = (ROOT / "docs" / "engineers" / "cli.en.md").read_text("utf-8")
    command, _, rest = page.split("$ sla deadline ", 1)[1].partition("\n")
    shown = rest.split("```", 1)[0]
    args = [str(ROOT / a) if a.endswith(".sla") else a for a in command.split()]
    assert deadline(capsys, *args) == (0, shown, "")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "sla: error: priority `P1` has no target `resolution`: `resolution` is a clock, and the targets "
            "measured on it are `resolve`\n",
        ),
        (
            "ja",
            "sla: エラー: 優先度 `P1` に目標 `resolution` はありません：`resolution` はクロックの名前で、"
            "このクロックで測る目標は `resolve` です\n",
        ),
    ],
)
def test_a_clocks_name_given_for_a_target_names_the_targets_measured_on_it(
    capsys: pytest.CaptureFixture[str], london: Path, lang: str, said: str
) -> None:
    """A JSM administrator asks for the SLA by its name (*Time to resolution*: the clock) rather than by the
    target's key: the message says which key to give."""
    args = ("--priority", "P1", "--from", "2026-10-23T17:00:00+01:00", "--target", "resolution", "--lang", lang)
    assert deadline(capsys, str(london), *args) == (2, "", said)

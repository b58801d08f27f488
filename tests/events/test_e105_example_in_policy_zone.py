"""E105 (an event time without an offset) shows the line's own time with the offset it has in the policy's zone.

A Berlin author's log with ``"at": "2026-10-20T09:00:00"`` was told ``write the offset, e.g.
`2026-11-02T10:00:00+09:00```: a fixed Tokyo time, nine hours off. Now, when the reader knows the policy
(``sla evaluate``, ``sla serve``'s ``POST /events``, the readers given ``policy=`` or
:func:`~sla_dsl.policy.declared_types`), the help writes that line's time with the policy's offset at that
time (``2026-10-20T09:00:00+02:00``, ``2026-11-02T10:00:00+01:00`` after the clocks go back), as
``--from`` says it of a time on the command line; a time the zone shows twice gets both offsets, one it
skips is said to be skipped. A reader with no policy keeps the fixed example. These failed before the fix
(all but the last, which says what is kept).
"""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import pytest

from sla_dsl.cli.app import main
from sla_dsl.events import lines as lines_module
from sla_dsl.events.reader import EventInputError, read_events
from sla_dsl.policy.load import load_policy

POLICY = """\
sla "Nordlicht" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Europe/Berlin
  languages en, ja
}

calendar always "24x7" {
  days mon..sun
  hours 00:00-24:00
}

clock response "Time to first response" {
  starts at incident.reported
}

priority P1 "Critical" {
  respond within 30 minutes
}

service platform "Platform" {
  hours always
  availability target 99.9% monthly
}
"""
TIMES = ["2026-10-20T09:00:00", "2026-11-02 10:00", "2026-10-25T02:30:00", "2026-03-29T02:30:00"]
HELP = {
    "en": [
        "  help: write it with the policy's offset: `2026-10-20T09:00:00+02:00`",
        "  help: write it with the policy's offset: `2026-11-02T10:00:00+01:00`",
        "  help: Berlin time shows it twice (the clock goes back): write `2026-10-25T02:30:00+02:00` for the first"
        " time or `2026-10-25T02:30:00+01:00` for the second",
        "  help: Berlin time skips it: on 2026-03-29 the clock goes from 02:00 straight to 03:00 (write e.g."
        " `2026-03-29T03:00:00+02:00`)",
    ],
    "ja": [
        "  ヒント: ポリシーの時差を付けて `2026-10-20T09:00:00+02:00` と書いてください",
        "  ヒント: ポリシーの時差を付けて `2026-11-02T10:00:00+01:00` と書いてください",
        "  ヒント: ベルリン時間では時計が戻るため、この時刻は二度あります：一度目なら `2026-10-25T02:30:00+02:00`、"
        "二度目なら `2026-10-25T02:30:00+01:00` と書いてください",
        "  ヒント: ベルリン時間では 2026-03-29 に時計が 02:00 から 03:00 に進むため、この時刻はありません"
        "（例：`2026-03-29T03:00:00+02:00`）",
    ],
}
FIXED = "  help: write the offset, e.g. `2026-11-02T10:00:00+09:00`"


def _files(tmp_path: Path) -> tuple[Path, Path]:
    policy = tmp_path / "nl.sla"
    policy.write_text(POLICY, "utf-8")
    log = tmp_path / "ev.jsonl"
    rows = [{"event": "incident.reported", "at": at, "id": f"I{n}", "priority": "P1"} for n, at in enumerate(TIMES)]
    log.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return policy, log


def _helps(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("  ")]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_evaluate_gives_the_lines_time_with_the_policys_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    policy, log = _files(tmp_path)
    capsys.readouterr()
    code = main(["evaluate", str(policy), str(log), "--from", "2026-10-01", "--to", "2026-11-01", "--lang", lang])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.count("[E105]") == 4
    assert _helps(err) == HELP[lang]


@pytest.mark.parametrize("columns", [True, False])
def test_the_readers_given_the_policy_say_it_on_either_path(tmp_path: Path, columns: bool) -> None:
    """The JSON Lines reader's fast path (by columns) hands the refused lines to the models alike."""
    _, log = _files(tmp_path)
    policy = load_policy(POLICY)
    patch = ("COLUMNS_FROM_BYTES", 0) if columns else ("COLUMNS_UP_TO_BYTES", -1)
    with mock.patch.object(lines_module, *patch), pytest.raises(EventInputError) as exc:
        read_events(log, policy=policy)
    assert [p.help_text("en") for p in exc.value.problems] == [h.removeprefix("  help: ") for h in HELP["en"]]


def test_api_dicts_with_a_naive_python_time(tmp_path: Path) -> None:
    import datetime as dt

    import sla_dsl

    policy = load_policy(POLICY)
    events = [{"event": "incident.reported", "at": dt.datetime(2026, 10, 20, 9), "id": "A", "priority": "P1"}]
    with pytest.raises(EventInputError) as exc:
        sla_dsl.evaluate(policy, events, "2026-10-01", "2026-11-01")
    (p,) = exc.value.problems
    assert p.code == "E105" and p.help_text("en") == "write it with the policy's offset: `2026-10-20T09:00:00+02:00`"


def test_a_reader_without_a_policy_keeps_the_fixed_example(tmp_path: Path) -> None:
    _, log = _files(tmp_path)
    with pytest.raises(EventInputError) as exc:
        read_events(log)
    assert {p.help_text("en") for p in exc.value.problems} == {FIXED.removeprefix("  help: ")}

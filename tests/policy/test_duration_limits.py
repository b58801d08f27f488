"""Every duration up to the documented maximum works in ``sla check`` and ``sla evaluate``.

The language reference ("Maximum amounts") accepts ten years' worth in each unit, elapsed and
business time alike, and calls a larger number an error that points at it. A policy here writes
the maximum of one unit in every place a duration goes (response, resolution and update targets,
the same-day guideline, a notification, a backup's retention). Converting an elapsed amount to a
timedelta used to build every unit's timedelta at once, so 315,360,000 seconds overflowed
``timedelta(weeks=...)``: an internal error in ``sla check`` (retention, same-day guideline) and in
``sla evaluate`` (an ``update every`` target); the text report had no words for seconds.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from report.helpers import sla

import sla_dsl
from sla_dsl.lang.values import MAX_DURATION, UNIT_MAP

#: The documented maxima (docs/reference/language.en.md, "Maximum amounts"), by unit as written.
MAXIMA = {"seconds": 315_360_000, "minutes": 5_256_000, "hours": 87_600, "days": 3_650, "weeks": 520, "months": 120}
#: Every unit elapsed, and the units business time is counted in.
CASES = [(unit, False) for unit in MAXIMA] + [(unit, True) for unit in ("seconds", "minutes", "hours", "days")]
IDS = [f"{'business-' if business else ''}{unit}" for unit, business in CASES]

EVENTS = [
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-02T11:00:00+09:00", "id": "I1"},
    {"event": "incident.info_provided", "at": "2026-11-03T11:00:00+09:00", "id": "I1"},
    {"event": "incident.resolved", "at": "2026-11-04T11:00:00+09:00", "id": "I1"},
    {"event": "backup.completed", "at": "2026-11-06T01:00:00+09:00", "id": "B1", "kind": "files"},
    {"event": "backup.deleted", "at": "2026-11-11T02:00:00+09:00", "id": "B1", "kind": "files"},
]


def duration(unit: str, business: bool, amount: int | None = None) -> str:
    return f"{MAXIMA[unit] if amount is None else amount} {'business ' if business else ''}{unit}"


def policy_text(unit: str, business: bool, amount: int | None = None) -> str:
    """A policy writing ``amount`` (default: the maximum) of ``unit`` wherever a duration goes.

    Elapsed months are not a fixed running time, so a target on a clock that pauses refuses them
    (E243): that policy leaves the resolution and update targets and their clock out.
    """
    d = duration(unit, business, amount)
    on_clock = business or unit != "months"
    clock = (
        'clock res "解決" / "Resolution" {\n  starts at incident.reported\n  stops at incident.resolved\n}\n'
        if on_clock
        else ""
    )
    targets = f"  resolve within {d} on res\n  update every {d} on res by incident.info_provided\n" if on_clock else ""
    return (
        'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages ja, en\n}\n'
        'calendar business "B" {\n  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  holidays JP\n}\n'
        'clock response "R" {\n  starts at incident.reported\n}\n'
        f"{clock}"
        f'priority P1 "P1" {{\n  respond within {d}\n{targets}'
        f"  same day if received {d} before close of business\n  complete on incident.resolved\n}}\n"
        f'notify n "N" {{\n  within {d} after incident.reported\n  met by incident.responded\n}}\n'
        f'backup files "F" {{\n  every 1 day\n  keep {d}\n}}\n'
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.sla"
    path.write_text(text, "utf-8")
    return path


def test_the_maxima_are_the_documented_ones() -> None:
    assert {unit: MAX_DURATION[UNIT_MAP[unit.removesuffix("s")]] for unit in MAXIMA} == MAXIMA


@pytest.mark.parametrize(("unit", "business"), CASES, ids=IDS)
def test_check_accepts_the_maximum_everywhere(unit: str, business: bool, tmp_path: Path) -> None:
    code, out, err = sla("check", "--lang", "en", write(tmp_path, policy_text(unit, business)))
    assert (code, out, err) == (0, "", "")


@pytest.mark.parametrize(("unit", "business"), CASES, ids=IDS)
def test_evaluate_uses_the_maximum(unit: str, business: bool, tmp_path: Path) -> None:
    path = write(tmp_path, policy_text(unit, business))
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--no-trend"]
    code, out, err = sla("evaluate", path, log, *period, "--format", "json", "--lang", "en")
    assert code == 0, err
    report = json.loads(out)
    (incident,) = report["incidents"]
    assert incident["status"] == "met"
    assert {t["status"] for t in incident["targets"]} == {"met"}
    # Ten years' retention: the deletion is early, and the retention ends where the same
    # duration as a response target falls due from the completion.
    (kept,) = report["retention"]
    policy = sla_dsl.load_policy(path)
    assert kept["ok"] is False
    assert dt.datetime.fromisoformat(kept["keep_until"]) == policy.response_due("P1", kept["completed_at"])
    for lang in ("ja", "en"):
        code, out, err = sla("evaluate", path, log, *period, "--lang", lang)
        assert code == 0 and "internal error" not in err, err
        assert out


@pytest.mark.parametrize(("unit", "business"), CASES, ids=IDS)
def test_one_more_than_the_maximum_is_a_located_error(unit: str, business: bool, tmp_path: Path) -> None:
    text = policy_text(unit, business)
    most, over = duration(unit, business), duration(unit, business, MAXIMA[unit] + 1)
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if most not in line:
            continue
        bad = "\n".join([*lines[: number - 1], line.replace(most, over), *lines[number:]]) + "\n"
        code, out, err = sla("check", "--lang", "en", write(tmp_path, bad))
        assert code == 1 and out == "", err
        column = line.index(most) + 1
        where = f"{tmp_path / 'policy.sla'}:{number}:{column}: "
        (said,) = [ln for ln in err.splitlines() if ln.startswith(where)]  # a dropped rule may bring a warning
        assert said.startswith(f"{where}error: [E215] ") and f"{MAXIMA[unit]:,} {unit}" in said, err
        assert "help: " in err and "\n1 error, " in err
        assert "internal error" not in err

"""``sla deadline``, ``sla maintenance`` and ``sla calendar`` given several versions of a policy (Article 5).

QA's t1: ``sla deadline t1/b-2026.2.sla --priority P1 --from 2026-11-13T17:00:00+09:00`` printed 11:00 on
the 16th, while ``sla evaluate`` with both versions judged that clock under 2026.1 (14:00), and the command
took one file only (a directory was E001, two files argparse's "unrecognized arguments"). QA's t2: ``sla
maintenance t2/b.sla`` (effective 2026-11-20) listed windows of October and of 18 November, before its date.
The commands now take POLICY... as ``sla evaluate`` does and use, for each result, the version in force at
its start, as the evaluator does; one policy given alone, used before its date, says so in a note.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.evaluation.common import Versions
from sla_dsl.i18n import message
from sla_dsl.policy import load_policy

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
CLICKSOKO = POLICY.read_text("utf-8")
TOKYO = dt.timezone(dt.timedelta(hours=9))


def _edited(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _version(folder: Path, name: str, version: str, effective: str, *edits: tuple[str, str]) -> Path:
    head = ('  version "2026.1"\n  effective 2026-04-01\n', f'  version "{version}"\n  effective {effective}\n')
    path = folder / name
    path.write_text(_edited(CLICKSOKO, head, *edits), "utf-8")
    return path


#: 2026.2: P1 within 2 business hours (was 4), from Monday 16 November 2026 (QA's t1)
SHORTER_P1 = (
    ("respond within 4 business hours", "respond within 2 business hours"),
    ("same day if received 4 hours before", "same day if received 2 hours before"),
)
#: 2026.2: maintenance on the 3rd Wednesday (was the 4th Thursday), from Friday 20 November 2026 (QA's t2), and
#: two closures: one before its date (open under 2026.1), one after it
THIRD_WEDNESDAY = (
    ("every month on 4th thu, 22:00-24:00", "every month on 3rd wed, 22:00-24:00"),
    (
        "  holidays JP                                  # reading 2",
        "  closed 2026-11-10, 2026-11-25\n  holidays JP  # 2",
    ),
)


@pytest.fixture
def t1(tmp_path: Path) -> Path:
    folder = tmp_path / "t1"
    folder.mkdir()
    _version(folder, "a-2026.1.sla", "2026.1", "2026-04-01")
    _version(folder, "b-2026.2.sla", "2026.2", "2026-11-16", *SHORTER_P1)
    return folder


@pytest.fixture
def t2(tmp_path: Path) -> Path:
    folder = tmp_path / "t2"
    folder.mkdir()
    _version(folder, "a.sla", "2026.1", "2026-04-01")
    _version(folder, "b.sla", "2026.2", "2026-11-20", *THIRD_WEDNESDAY)
    return folder


def sla(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


def _ok(res: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    return res


# -- sla deadline ---------------------------------------------------------------------------------------


def test_deadline_uses_the_version_in_force_at_from_and_names_it(t1: Path) -> None:
    friday = ("--priority", "P1", "--from", "2026-11-13T17:00:00+09:00")
    both = _ok(sla("deadline", t1, *friday))  # a directory of versions
    assert both.stdout == "2026-11-16T14:00:00+09:00\n"  # 2026.1: 4 business hours (QA: 11:00, under 2026.2)
    assert both.stderr == "sla: 注記: 規定の版 2026.1（2026年4月1日(水) から適用）で判定しました\n"
    files = _ok(sla("deadline", t1 / "b-2026.2.sla", t1 / "a-2026.1.sla", *friday, "--lang", "en"))  # two files
    assert files.stdout == "2026-11-16T14:00:00+09:00\n"
    assert files.stderr == "sla: note: judged under version 2026.1 (effective 2026-04-01)\n"
    monday = _ok(sla("deadline", t1, "--priority", "P1", "--from", "2026-11-16T10:00:00+09:00", "--lang", "en"))
    assert monday.stdout == "2026-11-16T12:00:00+09:00\n"  # 2026.2 from its date: 2 business hours
    assert monday.stderr == "sla: note: judged under version 2026.2 (effective 2026-11-16)\n"


def test_deadline_json_names_the_version_in_its_policy_and_notes(t1: Path) -> None:
    res = _ok(sla("deadline", t1, "--priority", "P1", "--from", "2026-11-13T17:00:00+09:00", "--format", "json"))
    data = json.loads(res.stdout)
    assert data["policy"] == {"name": "Click So-ko", "version": "2026.1"}
    assert data["response_due"] == "2026-11-16T14:00:00+09:00"
    assert data["notes"] == ["規定の版 2026.1（2026年4月1日(水) から適用）で判定しました"]
    assert res.stderr == ""  # (in the document, not beside it)


def test_deadline_agrees_with_evaluate(t1: Path) -> None:
    events = t1.parent / "events.jsonl"
    events.write_text(
        '{"event": "incident.reported", "at": "2026-11-13T17:00:00+09:00", "id": "A", "priority": "P1"}\n'
        '{"event": "incident.reported", "at": "2026-11-16T10:00:00+09:00", "id": "B", "priority": "P1"}\n',
        "utf-8",
    )
    report = _ok(sla("evaluate", t1, events, "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"))
    judged = {i["id"]: (i["response_due"], i["policy_version"]) for i in json.loads(report.stdout)["incidents"]}
    for ident, start in (("A", "2026-11-13T17:00:00+09:00"), ("B", "2026-11-16T10:00:00+09:00")):
        res = _ok(sla("deadline", t1, "--priority", "P1", "--from", start, "--format", "json"))
        data = json.loads(res.stdout)
        assert (data["response_due"], data["policy"]["version"]) == judged[ident]


def test_one_policy_before_its_date_is_used_with_a_note(t1: Path) -> None:
    new = t1 / "b-2026.2.sla"
    args = ("deadline", new, "--priority", "P1", "--from", "2026-11-13T17:00:00+09:00")
    res = _ok(sla(*args))
    assert res.stdout == "2026-11-16T11:00:00+09:00\n"  # it keeps working, under the version given
    assert res.stderr == (
        "sla: 注記: 適用中の版はまだありません：与えられた中で最も早い規定の版 2026.2（2026年11月16日(月) から適用）"
        "で判定しました\n"
    )
    en = _ok(sla(*args, "--lang", "en", "--format", "json"))
    assert json.loads(en.stdout)["notes"] == [
        "no version in force yet: judged under version 2026.2 (effective 2026-11-16), the earliest given"
    ]


def test_the_notes_are_the_evaluators_words(t1: Path) -> None:
    a, b = load_policy(t1 / "a-2026.1.sla"), load_policy(t1 / "b-2026.2.sla")
    early = dt.datetime(2026, 3, 31, 12, tzinfo=TOKYO).timestamp()
    later = dt.datetime(2026, 11, 16, 10, tzinfo=TOKYO).timestamp()
    versions = Versions([a, b])
    assert versions.note(versions.at(early), early)["text"] == message(
        "cli.versions.none_yet", "en", version="2026.1", effective="2026-04-01"
    )
    assert versions.note(versions.at(later), later)["text"] == message(
        "cli.versions.judged", "en", version="2026.2", effective="2026-11-16"
    )


def test_one_policy_in_force_prints_what_it_always_printed() -> None:
    args = ("deadline", POLICY, "--priority", "P1", "--from", "2026-11-27T17:30:00+09:00")
    res = _ok(sla(*args))
    assert (res.stdout, res.stderr) == ("2026-11-30T14:30:00+09:00\n", "")
    data = json.loads(_ok(sla(*args, "--format", "json")).stdout)
    assert list(data) == ["policy", "priority", "clock_start", "response_due", "attributes", "rule"]


def test_a_bad_policy_among_the_versions_is_refused_as_evaluate_refuses_it(t1: Path) -> None:
    (t1 / "c.sla").write_text(CLICKSOKO, "utf-8")  # 2026.1 again, effective 2026-04-01
    res = sla("deadline", t1, "--priority", "P1", "--from", "2026-11-13T17:00:00+09:00", "--lang", "en")
    assert (res.returncode, res.stdout) == (1, "")
    assert res.stderr.startswith("sla: error: ") and "the same day as" in res.stderr
    empty = t1.parent / "empty"
    empty.mkdir()
    res = sla("maintenance", empty, "--from", "2026-11-01", "--to", "2026-12-01")
    assert (res.returncode, res.stdout) == (1, "")
    assert "holds no .sla policy file" in res.stderr


# -- sla maintenance ------------------------------------------------------------------------------------


def test_maintenance_lists_each_window_from_the_version_in_force_at_its_start(t2: Path) -> None:
    res = _ok(sla("maintenance", t2, "--from", "2026-10-01", "--to", "2027-01-01", "--lang", "en"))
    # October: 2026.1's 4th Thursday; November: none (2026.1's 26th is after 2026.2's date, 2026.2's 18th
    # before it); December: 2026.2's 3rd Wednesday
    assert res.stdout == (
        "2026-10-22T22:00:00+09:00/2026-10-23T00:00:00+09:00\n2026-12-16T22:00:00+09:00/2026-12-17T00:00:00+09:00\n"
    )
    assert res.stderr == (
        "sla: note: judged under version 2026.1 (effective 2026-04-01)\n"
        "sla: note: judged under version 2026.2 (effective 2026-11-20)\n"
    )
    data = json.loads(
        _ok(sla("maintenance", t2, "--from", "2026-10-01", "--to", "2027-01-01", "--format", "json")).stdout
    )
    assert data["policy"] == {"name": "Click So-ko", "version": "2026.1"}  # in force at --from
    assert [(w["day"], w["policy_version"]) for w in data["maintenance"]] == [
        ("2026-10-22", "2026.1"),
        ("2026-12-16", "2026.2"),
    ]
    assert len(data["notes"]) == 2


def test_maintenance_agrees_with_the_windows_evaluate_excuses(t2: Path) -> None:
    events = t2.parent / "events.jsonl"
    events.write_text(
        '{"event": "incident.reported", "at": "2026-10-05T10:00:00+09:00", "id": "A", "priority": "P3"}\n'
    )
    period = ("--from", "2026-09-01", "--to", "2027-03-01")
    report = _ok(sla("evaluate", t2, events, *period, "--format", "json"))
    judged = [(w["start"], w["end"]) for w in json.loads(report.stdout)["maintenance"]]
    listed = json.loads(_ok(sla("maintenance", t2, *period, "--format", "json")).stdout)["maintenance"]
    assert [(w["start"], w["end"]) for w in listed] == judged
    assert len(judged) == 5  # Sep, Oct (2026.1); Dec, Jan, Feb (2026.2)


def test_maintenance_of_one_policy_before_its_date_notes_it(t2: Path) -> None:
    res = _ok(sla("maintenance", t2 / "b.sla", "--from", "2026-10-01", "--to", "2027-01-01", "--lang", "en"))
    assert res.stdout.count("\n") == 3  # 21 Oct and 18 Nov before its date, 16 Dec: listed as before
    assert res.stderr == (
        "sla: note: no version in force yet: judged under version 2026.2 (effective 2026-11-20), the earliest given\n"
    )
    after = _ok(sla("maintenance", t2 / "b.sla", "--from", "2026-11-20", "--to", "2027-01-01"))
    assert after.stderr == ""


def test_maintenance_ics_of_versions(t2: Path) -> None:
    argv = ["maintenance", str(t2), "--from", "2026-10-01", "--to", "2027-01-01", "--format", "ics"]
    res = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *argv],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert b"DTSTART;TZID=Asia/Tokyo:20261022T220000" in res.stdout
    assert b"DTSTART;TZID=Asia/Tokyo:20261216T220000" in res.stdout
    assert b"20261126T220000" not in res.stdout and b"20261118T220000" not in res.stdout
    assert res.stderr.decode("utf-8").count("sla: 注記: ") == 2


# -- sla calendar ---------------------------------------------------------------------------------------


def test_calendar_shows_each_day_by_the_version_in_force_that_day(t2: Path) -> None:
    res = _ok(sla("calendar", t2, "--month", "2026-11", "--format", "json"))
    days = {d["date"]: d for d in json.loads(res.stdout)["days"]}
    assert days["2026-11-10"]["business_day"] and days["2026-11-10"]["policy_version"] == "2026.1"
    assert not days["2026-11-25"]["business_day"] and days["2026-11-25"]["policy_version"] == "2026.2"
    assert (days["2026-11-19"]["policy_version"], days["2026-11-20"]["policy_version"]) == ("2026.1", "2026.2")
    assert json.loads(res.stdout)["maintenance"] == []
    text = _ok(sla("calendar", t2, "--month", "2026-11", "--lang", "en"))
    grid = text.stdout.split("\n\n")[1].split("\n", 1)[1]  # (the weeks, below the weekdays)
    assert " 10  11  12" in grid and " 25* 26" in grid and "M" not in grid  # 10th open, 25th closed, no window
    assert " 25* company closure" in text.stdout and " 10* " not in text.stdout
    assert text.stderr.count("sla: note: judged under version") == 2
    alone = _ok(sla("calendar", t2 / "b.sla", "--month", "2026-11", "--lang", "en"))
    assert " 10* " in alone.stdout and " 18M" in alone.stdout  # the new version alone, before its date
    assert alone.stderr == (
        "sla: note: no version in force yet: judged under version 2026.2 (effective 2026-11-20), the earliest given\n"
    )


def test_calendar_of_one_policy_in_force_prints_what_it_always_printed() -> None:
    res = _ok(sla("calendar", POLICY, "--month", "2026-11", "--lang", "en"))
    assert res.stderr == ""
    assert res.stdout.startswith("November 2026  Click So-ko · Company business hours (Japan time)\n")
    assert " 26M" in res.stdout
    data = json.loads(_ok(sla("calendar", POLICY, "--month", "2026-11", "--format", "json")).stdout)
    assert list(data) == ["month", "calendar", "timezone", "days", "maintenance"]
    assert list(data["days"][0]) == ["date", "business_day", "holiday"]

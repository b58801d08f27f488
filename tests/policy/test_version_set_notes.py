"""Versions numbered out of order (W307 of ``sla check``) are judged as documented, and said.

QA's Article 5 pass: a new version ``2027.1`` dated ``2026-01-01``, before ``2026.1`` (``2026-04-01``), was
accepted by ``sla evaluate``, ``sla replay`` and ``sla deadline``, which judged everything from April under
2026.1: the new rules never applied, and nothing was said. The judging and the exit status stay; each
command says it on stderr as its other notes (``sla: note: ...``), and in ``notes`` of a JSON that has them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from policy_edits import CLICKSOKO, edited

HEAD = '  version "2026.1"\n  effective 2026-04-01\n'
JA = (
    "sla: 注記: 規定の版 2027.1（2026年1月1日(木) から適用）は規定の版 2026.1（2026年4月1日(水) から適用）より"
    "番号が大きいのに、先に適用が始まります。ある日に適用されるのはその日までに最後に適用が始まった版なので、"
    "2026年4月1日(水) 以降はすべて版 2026.1 で判定し、版 2027.1 は適用しません（`sla check` の `W307`）"
)
EN = (
    "version 2027.1 (effective 2026-01-01) is numbered after version 2026.1 (effective 2026-04-01) but takes "
    "effect before it: the version in force on a day is the last to take effect by then, so from 2026-04-01 on "
    "everything is judged under version 2026.1, never under version 2027.1 (`W307` of `sla check`)"
)
EVENTS = (
    '{"event": "incident.reported", "at": "2026-11-05T10:00:00+09:00", "id": "INC-1", "priority": "P2"}\n'
    '{"event": "incident.responded", "at": "2026-11-05T16:30:00+09:00", "id": "INC-1"}\n'
)
PERIOD = ("--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2026-12-01")


def _versions(folder: Path, new_effective: str = "2026-01-01") -> Path:
    folder.mkdir()
    (folder / "clicksoko-2026.1.sla").write_text(CLICKSOKO, "utf-8")
    new = edited(CLICKSOKO, (HEAD, f'  version "2027.1"\n  effective {new_effective}\n'))
    (folder / "clicksoko.sla").write_text(new, "utf-8")
    return folder


def _sla(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=300,
    )


def test_sla_deadline_says_the_higher_number_never_applies(tmp_path: Path) -> None:
    folder = _versions(tmp_path / "policies")
    r = _sla("deadline", folder, "--priority", "P2", "--from", "2026-11-05T10:00:00+09:00")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "2026-11-05T18:00:00+09:00\n"  # (judged under 2026.1, as documented)
    assert r.stderr.splitlines() == ["sla: 注記: 規定の版 2026.1（2026年4月1日(水) から適用）で判定しました", JA]
    r = _sla("deadline", folder, "--priority", "P2", "--from", "2026-11-05T10:00:00+09:00", "--format", "json")
    assert r.returncode == 0 and r.stderr == ""
    assert json.loads(r.stdout)["notes"][-1] == JA.removeprefix("sla: 注記: ")


def test_sla_evaluate_says_it_in_every_format(tmp_path: Path) -> None:
    folder = _versions(tmp_path / "policies")
    log = tmp_path / "events.jsonl"
    log.write_text(EVENTS, "utf-8")
    for fmt in ("text", "json"):
        r = _sla("evaluate", folder, log, *PERIOD, "--format", fmt, "--lang", "en")
        assert r.returncode == 0, r.stderr
        assert f"sla: note: {EN}" in r.stderr.splitlines(), r.stderr
    assert json.loads(r.stdout)["incidents"][0]["policy_version"] == "2026.1"


def test_sla_explain_says_it_beside_the_explanation(tmp_path: Path) -> None:
    folder = _versions(tmp_path / "policies")
    log = tmp_path / "events.jsonl"
    log.write_text(EVENTS, "utf-8")
    r = _sla("explain", folder, log, "INC-1", "--as-of", "2026-12-01")
    assert r.returncode == 0, r.stderr
    assert "2026.1" in r.stdout and r.stderr.splitlines() == [JA]


def test_sla_replay_says_it_of_the_side_and_in_its_notes(tmp_path: Path) -> None:
    folder = _versions(tmp_path / "policies")
    old = tmp_path / "old.sla"
    old.write_text(CLICKSOKO, "utf-8")
    log = tmp_path / "events.jsonl"
    log.write_text(EVENTS, "utf-8")
    r = _sla("replay", old, folder, log, *PERIOD)
    assert r.returncode == 0, r.stderr
    assert "sla: 注記: 新版について、" + JA.removeprefix("sla: 注記: ") in r.stderr.splitlines(), r.stderr
    r = _sla("replay", old, folder, log, *PERIOD, "--format", "json", "--lang", "en")
    assert json.loads(r.stdout)["notes"] == [f"new version: {EN}"]


def test_versions_in_order_say_nothing_more(tmp_path: Path) -> None:
    folder = _versions(tmp_path / "policies", "2027-01-01")
    r = _sla("deadline", folder, "--priority", "P2", "--from", "2026-11-05T10:00:00+09:00")
    assert r.returncode == 0 and r.stderr.splitlines() == [
        "sla: 注記: 規定の版 2026.1（2026年4月1日(水) から適用）で判定しました"
    ]


CASE = """\
cases:
  - name: P2 in November, under 2026.1
    deadline: {priority: P2, from: "2026-11-05T10:00:00+09:00"}
    expect: "2026-11-05T18:00:00+09:00"
"""


def test_sla_test_says_it_on_stderr_the_results_unchanged(tmp_path: Path) -> None:
    folder = _versions(tmp_path / "policies")
    cases = tmp_path / "cases.yaml"
    cases.write_text(CASE, "utf-8")
    r = _sla("test", folder, cases)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stderr.splitlines() == [JA]
    assert r.stdout == "成功：1/1\n"  # (judged under 2026.1, as documented)
    r = _sla("test", folder, cases, "--format", "json", "--lang", "en")
    assert r.returncode == 0 and r.stderr == ""  # (in the JSON, as sla deadline's: stdout is the whole answer)
    (case,) = json.loads(r.stdout)  # (the document stays the list of cases)
    assert case["passed"] and case["notes"] == ["judged under version 2026.1 (effective 2026-04-01)", EN]
    cases.write_text(CASE.replace("18:00", "17:00"), "utf-8")  # (a failing case fails as before)
    r = _sla("test", folder, cases)
    assert r.returncode == 1 and r.stderr.splitlines() == [JA]


def _three(folder: Path) -> Path:
    """The two versions out of order, after a ``2025.1`` in force from 2025-04-01 until 2027.1's date."""
    _versions(folder)
    old = edited(CLICKSOKO, (HEAD, '  version "2025.1"\n  effective 2025-04-01\n'))
    (folder / "clicksoko-2025.1.sla").write_text(old, "utf-8")
    return folder


def test_a_question_before_the_higher_numbers_date_is_not_told_of_it(tmp_path: Path) -> None:
    """QA: ``sla deadline`` at 2025-11-05, answered by 2025.1, said that 2027.1 never applies from 2026-04-01:
    a question before 2027.1's date (2026-01-01) is answered the same whichever version is fixed. From that
    date on (an instant at or after it, a range reaching it, a month with a day of it) the note is said."""
    folder = _three(tmp_path / "policies")
    under_2025 = "sla: note: judged under version 2025.1 (effective 2025-04-01)"
    shadow = f"sla: note: {EN}"
    asked = [
        (["deadline", "--priority", "P2", "--from", "2025-12-31T23:59:00+09:00"], [under_2025]),
        (["deadline", "--priority", "P2", "--from", "2026-01-01T00:00:00+09:00"], [shadow]),
        (["maintenance", "--from", "2025-10-01", "--to", "2026-01-01"], [under_2025]),
        (["maintenance", "--from", "2025-10-01", "--to", "2026-01-01T00:01:00+09:00"], [under_2025, shadow]),
        (["calendar", "--month", "2025-12"], [under_2025]),
        (["calendar", "--month", "2026-01"], [shadow]),
    ]
    for args, said in asked:
        r = _sla(args[0], folder, *args[1:], "--lang", "en")
        assert r.returncode == 0, r.stderr
        assert [n for n in r.stderr.splitlines() if n in (under_2025, shadow)] == said, (args, r.stderr)
        r = _sla(args[0], folder, *args[1:], "--lang", "en", "--format", "json")
        assert (EN in json.loads(r.stdout).get("notes", [])) == (shadow in said), args


def test_an_answer_from_the_higher_number_as_the_earliest_is_told_of_it(tmp_path: Path) -> None:
    """Before every version's date the earliest answers: 2027.1, whose number is the fault's, so said."""
    folder = _versions(tmp_path / "policies")
    r = _sla("deadline", folder, "--priority", "P2", "--from", "2025-11-05T10:00:00+09:00", "--lang", "en")
    assert r.returncode == 0 and r.stderr.splitlines()[-1] == f"sla: note: {EN}", r.stderr


REACHING = """\
cases:
  - name: deadline before 2027.1's date
    deadline: {priority: P2, from: "2025-12-31T23:59:00+09:00"}
    expect: "2026-01-02T18:00:00+09:00"
  - name: deadline after 2027.1's date
    deadline: {priority: P2, from: "2026-11-05T10:00:00+09:00"}
    expect: "2026-11-05T18:00:00+09:00"
  - name: windows up to 2027.1's date
    maintenance: {from: "2025-10-01", to: "2026-01-01"}
    expect: ["2025-10-23T22:00:00+09:00/2025-10-24T00:00:00+09:00",
             "2025-11-27T22:00:00+09:00/2025-11-28T00:00:00+09:00",
             "2025-12-25T22:00:00+09:00/2025-12-26T00:00:00+09:00"]
  - name: windows past 2027.1's date
    maintenance: {from: "2025-12-01", to: "2026-01-01T00:01:00+09:00"}
    expect: ["2025-12-25T22:00:00+09:00/2025-12-26T00:00:00+09:00"]
"""


def test_sla_test_says_it_only_of_cases_reaching_the_higher_numbers_date(tmp_path: Path) -> None:
    """QA: ``sla test`` said W307 of every case, where ``sla deadline`` and ``sla maintenance`` say it only when
    the question reaches the date of the version with the higher number (2027.1's 2026-01-01): a case whose
    instants stay before it is answered the same whichever version is fixed, and carries no such note."""
    folder = _three(tmp_path / "policies")
    cases = tmp_path / "cases.yaml"
    cases.write_text(REACHING, "utf-8")
    r = _sla("test", folder, cases, "--format", "json", "--lang", "en")
    assert r.returncode == 0, r.stdout + r.stderr
    said = {c["name"]: EN in c.get("notes", []) for c in json.loads(r.stdout)}
    assert said == {
        "deadline before 2027.1's date": False,
        "deadline after 2027.1's date": True,
        "windows up to 2027.1's date": False,
        "windows past 2027.1's date": True,
    }
    early = tmp_path / "early.yaml"  # (in text, on stderr: only when a case run reaches it)
    early.write_text("\n".join(REACHING.splitlines()[:4]) + "\n", "utf-8")
    r = _sla("test", folder, early, "--lang", "en")
    assert r.returncode == 0 and f"sla: note: {EN}" not in r.stderr.splitlines(), r.stdout + r.stderr
    r = _sla("test", folder, cases, "--lang", "en")
    assert r.returncode == 0 and r.stderr.splitlines().count(f"sla: note: {EN}") == 1, r.stdout + r.stderr

"""``sla deadline``, ``sla maintenance`` and ``sla calendar`` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "clicksoko.sla")


def sla(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("priority", "start", "due"),
    [
        ("P1", "2026-11-30T14:00:00+09:00", "2026-11-30T18:00:00+09:00"),
        ("P1", "2026-11-30T14:00:01+09:00", "2026-12-01T10:00:01+09:00"),
        ("P1", "2026-11-27T17:30:00+09:00", "2026-11-30T14:30:00+09:00"),
        ("P1", "2026-09-18T07:30:00Z", "2026-09-24T13:30:00+09:00"),
        ("P2", "2026-12-01T15:00:00+09:00", "2026-12-02T15:00:00+09:00"),
        ("P3", "2026-09-18T16:30:00+09:00", "2026-09-30T16:30:00+09:00"),
        ("P2", "2026-05-01T15:30:00+09:00", "2026-05-07T15:30:00+09:00"),
    ],
)
def test_deadline(priority: str, start: str, due: str) -> None:
    proc = sla("deadline", POLICY, "--priority", priority, "--from", start)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, due + "\n", "")


def test_deadline_json() -> None:
    proc = sla("deadline", POLICY, "--priority", "P1", "--from", "2026-11-30T05:00:00Z", "--format", "json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["response_due"] == "2026-11-30T18:00:00+09:00"
    assert data["clock_start"] == "2026-11-30T14:00:00+09:00"


def test_maintenance_lists_every_window_and_the_moved_ones() -> None:
    proc = sla("maintenance", POLICY, "--from", "2023-01-01", "--to", "2031-01-01")
    # (2023 is before the policy's effective date: windows by the one version, and a note saying so)
    assert proc.returncode == 0 and proc.stderr.startswith("sla: 注記: ") and proc.stderr.count("\n") == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 96
    for moved in ("2023-02-24", "2023-11-24", "2027-09-24", "2028-11-24"):
        assert f"{moved}T22:00:00+09:00/" in proc.stdout
    assert "2027-09-23T22" not in proc.stdout
    start, end = lines[0].split("/")
    assert (start, end) == ("2023-01-26T22:00:00+09:00", "2023-01-27T00:00:00+09:00")


def test_maintenance_json() -> None:
    proc = sla("maintenance", POLICY, "--from", "2027-09-01", "--to", "2027-10-01", "--format", "json")
    (w,) = json.loads(proc.stdout)["maintenance"]
    assert w["start"] == "2027-09-24T22:00:00+09:00" and w["moved"] and w["reason"] == "Autumnal Equinox Day"


def test_calendar_grid() -> None:
    proc = sla("calendar", POLICY, "--month", "2026-09", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert " 21* 22* 23* 24M 25" in out
    assert "National Holiday" in out and "Respect for the Aged Day" in out
    # without --lang, in the policy's primary language (issue 16: Japanese for `languages ja, en`)
    assert "敬老の日" in sla("calendar", POLICY, "--month", "2026-09").stdout
    ja = sla("calendar", POLICY, "--month", "2027-09", "--lang", "ja").stdout
    assert "秋分の日" in ja and "24M" in ja


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("deadline", POLICY, "--priority", "P9", "--from", "2026-11-30T14:00:00+09:00", "--lang", "en"), "`P9`"),
        (("deadline", POLICY, "--priority", "P1", "--from", "2026-11-30T14:00:00", "--lang", "en"), "no UTC offset"),
        (("deadline", POLICY, "--priority", "P1", "--from", "tomorrow", "--lang", "en"), "`tomorrow`"),
        (("maintenance", POLICY, "--from", "2027-01-01", "--to", "2026-01-01", "--lang", "en"), "not after"),
        (("maintenance", POLICY, "--from", "2027-01-01", "--to", "2027-01-01", "--lang", "en"), "not after"),
        (("maintenance", POLICY, "--from", "2027-02-30", "--to", "2027-03-01", "--lang", "en"), "`2027-02-30`"),
        (("calendar", POLICY, "--month", "2026-13", "--lang", "en"), "`2026-13`"),
    ],
)
def test_a_bad_flag_value_is_wrong_usage_exit_2_with_one_line(args: tuple[str, ...], needle: str) -> None:
    proc = sla(*args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("sla: error: ") and needle in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("deadline", POLICY, "--priority", "P1"),
        ("maintenance", POLICY, "--from", "2027-01-01"),
        ("calendar", POLICY),
        ("deadline", POLICY, "--priority", "P1", "--from", "2026-11-30T14:00:00+09:00", "--format", "xml"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    proc = sla(*args)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr

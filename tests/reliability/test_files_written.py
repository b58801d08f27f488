"""Issue 17, items 1-3: files the tool reads and writes (CSV comments, atomic fmt, private cache)."""

from __future__ import annotations

import os
import pickle
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.reader import EventInputError, read_events

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SLA_DSL_CACHE", "XDG_CACHE_HOME")}
    (tmp_path / "tmp").mkdir(exist_ok=True)
    (tmp_path / "home").mkdir(exist_ok=True)
    env.update(TMPDIR=str(tmp_path / "tmp"), HOME=str(tmp_path / "home"), **extra)
    return env


def _sla(*args: str, env: dict[str, str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", *args], capture_output=True, text=True, env=env, check=False, **kw
    )


# ---- item 1: a CSV cell that starts with `#` is data ---------------------------------------------


def test_item01_csv_ticket_ids_starting_with_hash_are_events(tmp_path: Path) -> None:
    f = tmp_path / "ev.csv"
    f.write_text(
        "# exported from the desk\n"
        "event,at,id,priority\n"
        "incident.reported,2026-11-02T10:00:00+09:00,#4521,P1\n"
        "incident.responded,2026-11-02T10:30:00+09:00,#4521\n"
        '"incident.reported","2026-11-03T10:00:00+09:00","multi\n# line id",P2\n',
        encoding="utf-8",
    )
    log = read_events(f)
    assert sorted(log.incidents) == ["#4521", "multi\n# line id"]
    assert sum(len(v) for v in log.incidents.values()) == 3


def test_item01_a_comment_after_the_csv_header_is_a_located_error_not_dropped(tmp_path: Path) -> None:
    f = tmp_path / "ev.csv"
    f.write_text(
        "event,at,id,priority\nincident.reported,2026-11-02T10:00:00+09:00,INC-1,P1\n# not a comment in CSV\n",
        encoding="utf-8",
    )
    with pytest.raises(EventInputError) as info:
        read_events(f)
    assert [(p.line, p.code) for p in info.value.problems] == [(3, "E103")]


def test_item26_a_repeated_csv_column_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "ev.csv"
    f.write_text("event,at,id,priority,priority\nincident.reported,2026-11-02T10:00:00+09:00,INC-1,P1,P3\n")
    with pytest.raises(EventInputError) as info:
        read_events(f)
    problem = info.value.problems[0]
    assert (problem.line, problem.code) == (1, "E110")
    assert "`priority` more than once" in problem.message


# ---- item 2: sla fmt never leaves a truncated policy ---------------------------------------------


def test_item02_fmt_that_cannot_write_leaves_the_policy_whole(tmp_path: Path) -> None:
    original = POLICY.read_text("utf-8").replace("\n  ", "\n      ")  # unformatted: fmt must rewrite it
    target = tmp_path / "p.sla"
    target.write_text(original, "utf-8")
    assert len(original.encode()) > 8192

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    res = _sla("fmt", "--lang", "en", str(target), env=_env(tmp_path, SLA_DSL_CACHE=""), preexec_fn=small_files)
    assert res.returncode == 1, res.stderr
    assert "cannot write" in res.stderr and "Traceback" not in res.stderr
    assert target.read_text("utf-8") == original
    # in the policy's primary language (Japanese) without --lang, the system's reason as sla evaluate words it
    res = _sla("fmt", str(target), env=_env(tmp_path, SLA_DSL_CACHE=""), preexec_fn=small_files)
    assert res.returncode == 1 and "書き込めません：" in res.stderr and "Traceback" not in res.stderr
    assert target.read_text("utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "p.sla", "tmp"]  # no temporary file left


def test_item02_fmt_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "p.sla"
    target.write_text(POLICY.read_text("utf-8").replace("\n  ", "\n    "), "utf-8")
    target.chmod(0o640)
    res = _sla("fmt", str(target), env=_env(tmp_path, SLA_DSL_CACHE=""))
    assert res.returncode == 0, res.stderr
    assert target.read_text("utf-8") == POLICY.read_text("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# ---- item 3: no pickle from, and no file in, a shared temp directory -----------------------------


def test_item03_nothing_is_written_to_the_temp_directory(tmp_path: Path) -> None:
    env = _env(tmp_path)
    for _ in range(2):  # the second run loads what the first kept
        res = _sla("check", str(POLICY), env=env)
        assert res.returncode == 0, res.stderr
    assert list((tmp_path / "tmp").iterdir()) == []
    cache = tmp_path / "home" / ".cache" / "sla-dsl"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert any(p.name.startswith("parser-") for p in cache.iterdir())


class _Plant:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, ...]]:
        return (os.system, (f"touch {self.marker}",))


def test_item03_a_cache_folder_others_can_write_is_not_trusted(tmp_path: Path) -> None:
    from sla_dsl.lang import parser

    cache = tmp_path / "shared-cache"
    cache.mkdir(mode=0o700)
    os.environ["SLA_DSL_CACHE"], saved = str(cache), os.environ.get("SLA_DSL_CACHE")
    try:
        name = parser._cache_file(parser._grammar_text(), {})
    finally:
        if saved is None:
            del os.environ["SLA_DSL_CACHE"]
        else:
            os.environ["SLA_DSL_CACHE"] = saved
    assert name is not None
    marker = tmp_path / "ran"
    with open(name, "wb") as fh:  # a planted cache: Lark reads the hash line, then unpickles
        fh.write(b"0" * 64 + b"\n")
        pickle.dump(_Plant(str(marker)), fh)
    cache.chmod(0o777)
    res = _sla("check", str(POLICY), env=_env(tmp_path, SLA_DSL_CACHE=str(cache)))
    assert res.returncode == 0, res.stderr
    assert not marker.exists()


def test_item03_the_holiday_tables_live_in_the_private_folder(tmp_path: Path) -> None:
    env = _env(tmp_path)
    res = _sla("calendar", str(POLICY), "--month", "2026-11", env=env)
    assert res.returncode == 0, res.stderr
    assert list((tmp_path / "tmp").iterdir()) == []
    assert any(p.name.startswith("holidays-") for p in (tmp_path / "home" / ".cache" / "sla-dsl").iterdir())

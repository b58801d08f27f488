"""A policy file that was never read has no line nor column, as a missing one has none: a directory where a
policy file is named and a file the system will not open are named alone (``x.sla: error: [E001] this is a
directory, not a policy file``), not at ``1:1`` of a text that was never there, by every command that reads
a policy, exit 1 and no traceback. So is a closed standard input. A file that is read keeps its place (a byte
that is not UTF-8, at its line and column); a test file that is not UTF-8 is located at its byte too, and the
reason a test file or an ``events_file`` cannot be read is said, in the run's language."""

from __future__ import annotations

import builtins
import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.cli.app import main
from sla_dsl.lang.source import read_policy_file

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "examples" / "helpdesk.sla"
EVENTS = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
DIRECTORY = {
    "en": "this is a directory, not a policy file",
    "ja": "これはディレクトリです。ポリシーファイルではありません",
}
DENIED = {
    "en": "cannot read the file: Permission denied",
    "ja": "ファイルを読み取れません：アクセスが許可されていません",
}
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]
#: Every command that reads a policy, ``{p}`` where the policy (or a directory of its versions) goes.
COMMANDS = {
    "check": ["check", "{p}"],
    "fmt": ["fmt", "{p}"],
    "deadline": ["deadline", "{p}", "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00"],
    "maintenance": ["maintenance", "{p}", *PERIOD],
    "calendar": ["calendar", "{p}", "--month", "2026-11"],
    "evaluate": ["evaluate", "{p}", str(EVENTS), *PERIOD],
    "explain": ["explain", "{p}", str(EVENTS), "INC-1", *PERIOD],
    "test": ["test", "{p}", str(ROOT / "policies" / "tests" / "deadlines.yaml")],
    "diff-old": ["diff", "{p}", str(POLICY)],
    "diff-new": ["diff", str(POLICY), "{p}"],
    "replay-old": ["replay", "{p}", str(POLICY), str(EVENTS), *PERIOD],
    "replay-new": ["replay", str(POLICY), "{p}", str(EVENTS), *PERIOD],
}


def _run(argv: list[str], path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main([*(a.replace("{p}", str(path)) for a in argv), "--lang", lang]) == 1
    return capsys.readouterr().err


@pytest.mark.parametrize("argv", list(COMMANDS.values()), ids=list(COMMANDS))
def test_a_directory_named_as_a_policy_file_is_named_without_a_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    # a `.sla` that is a directory, among a directory's versions (and named itself, for `sla diff`)
    versions = tmp_path / "versions"
    (versions / "v1.sla").mkdir(parents=True)
    named = versions / "v1.sla" if argv[0] == "diff" else versions
    for lang in ("en", "ja"):
        err = _run(argv, named, lang, capsys)
        assert f"{versions / 'v1.sla'}: error: [E001] {DIRECTORY[lang]}" in err.splitlines(), err
        assert ":1:1:" not in err and "Traceback" not in err


def _denied(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Opening ``path`` is refused as the system refuses a file without read permission (so even as root)."""
    real = builtins.open

    def refuse(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and os.fspath(file) == str(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refuse)


@pytest.mark.parametrize("argv", list(COMMANDS.values()), ids=list(COMMANDS))
def test_a_policy_file_not_allowed_is_named_without_a_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    path = tmp_path / "locked.sla"
    path.write_text(POLICY.read_text("utf-8"), "utf-8")
    _denied(monkeypatch, path)
    for lang in ("en", "ja"):
        err = _run(argv, path, lang, capsys)
        assert f"{path}: error: [E001] {DENIED[lang]}" in err.splitlines(), err
        assert ":1:1:" not in err and "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads a file of mode 000")
def test_a_policy_file_without_read_permission_is_named_without_a_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "locked.sla"
    path.write_text(POLICY.read_text("utf-8"), "utf-8")
    path.chmod(0)
    try:
        err = _run(["check", "{p}"], path, "en", capsys)
    finally:
        path.chmod(0o600)
    assert f"{path}: error: [E001] {DENIED['en']}" in err.splitlines(), err


def test_the_refusal_of_a_file_never_read_has_no_place(tmp_path: Path) -> None:
    _, diags = read_policy_file(tmp_path)
    assert diags[0].where() == str(tmp_path) and diags[0].header() == f"{tmp_path}: error: [E001] {DIRECTORY['en']}"


def test_a_closed_stdin_is_named_without_a_place() -> None:
    argv = [sys.executable, "-m", "sla_dsl.cli", "check", "--lang", "en", "-"]
    res = subprocess.run(["sh", "-c", 'exec "$@" <&-', "sh", *argv], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 1
    assert "<stdin>: error: [E001] cannot read the policy: the standard input is closed" in res.stderr.splitlines()


def test_a_byte_that_is_not_utf8_keeps_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sla"
    bad.write_bytes(b'sla "x" {\n  version "\xff"\n}\n')
    for argv in COMMANDS.values():
        assert _run(argv, bad, "en", capsys).startswith(f"{bad}:2:12: error: [E001] the file is not UTF-8 text")


# -- what `sla test` reads besides the policy -----------------------------------------------------------------

CASE = "cases:\n  - name: x\n    events_file: {log}\n    period: {{from: 2026-11-30, to: 2026-12-07}}\n"
CASE += "    expect:\n      incidents: {{INC-A: open}}\n"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "[E160] case `x`: {log}: no Parquet or Arrow files ("),
        ("ja", "[E160] ケース `x`：{log}: ディレクトリに Parquet・Arrow のファイル（"),
    ],
)
def test_an_events_file_that_is_a_directory_of_no_table_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    (tmp_path / "logs").mkdir()
    path = tmp_path / "t.yaml"
    path.write_text(CASE.format(log="logs"), "utf-8")
    err = _run(["test", str(POLICY), str(path)], tmp_path, lang, capsys)
    assert err.startswith(f"{path}:3:18: error: " + said.format(log=tmp_path / "logs")), err


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "cannot read: Is a directory"), ("ja", "読み込めません：ディレクトリです")]
)
def test_a_test_file_that_is_a_directory_says_so_in_the_run_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    (tmp_path / "tests" / "t.yaml").mkdir(parents=True)
    err = _run(["test", str(POLICY), str(tmp_path / "tests")], tmp_path, lang, capsys)
    assert f"{tmp_path / 'tests' / 't.yaml'}: error: [E160] {said}" in err.splitlines(), err


def test_a_test_file_that_is_not_utf8_is_located_at_the_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(b"cases:\n  - name: caf\xe9\n")
    err = _run(["test", str(POLICY), str(path)], tmp_path, "en", capsys)
    assert err.startswith(f"{path}:2:14: error: [E160] not UTF-8 text"), err


def test_one_form_names_a_place_in_a_file() -> None:
    """The one formatter of a located frame (the diagnostics', the service's and the language server's)."""
    from sla_dsl.errors import place

    assert place("p.sla", 3, 7) == "p.sla:3:7"
    assert place("events.jsonl", 2) == "events.jsonl:2"
    assert place("nope.sla") == "nope.sla"

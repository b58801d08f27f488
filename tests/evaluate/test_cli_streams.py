"""What every ``sla`` command does with the streams a shell script or cron gives it (subprocess): a
stdout or stderr whose encoding is not UTF-8, a closed stderr, an output that cannot be written, a
stop signal, an ``--output`` that cannot be written where it points (docs/engineers/cli)."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .helpers import POLICY_PATH, ROOT

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]
TESTS = ROOT / "policies" / "tests" / "deadlines.yaml"
P, E = str(POLICY_PATH), str(EXAMPLE)

#: every command that writes text, as an operator runs it (``fmt -`` reads the policy on stdin)
COMMANDS = {
    "check": ["check", P],
    "evaluate text": ["evaluate", P, E, *MONTH],
    "evaluate en": ["evaluate", P, E, *MONTH, "--lang", "en"],
    "evaluate markdown": ["evaluate", P, E, *MONTH, "--format", "markdown"],
    "evaluate html": ["evaluate", P, E, *MONTH, "--format", "html"],
    "evaluate json": ["evaluate", P, E, *MONTH, "--format", "json"],
    "explain text": ["explain", P, E, "INC-001"],
    "explain json": ["explain", P, E, "INC-001", "--format", "json"],
    "calendar text": ["calendar", P, "--month", "2026-11"],
    "calendar json": ["calendar", P, "--month", "2026-11", "--format", "json"],
    "deadline": ["deadline", P, "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00"],
    "maintenance": ["maintenance", P, *MONTH],
    "diff": ["diff", P, P],
    "replay": ["replay", P, P, E, *MONTH],
    "test": ["test", P, str(TESTS)],
    "fmt -": ["fmt", "-"],
    "help ja": ["evaluate", "--help", "--lang", "ja"],
}


def run(argv: list[str], env: dict[str, str] | None = None, **kw: object) -> subprocess.CompletedProcess[bytes]:
    stdin = POLICY_PATH.read_bytes() if argv[:2] == ["fmt", "-"] else b""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "sla_dsl._entry", *argv],
        input=stdin,
        capture_output="stdout" not in kw,
        stderr=subprocess.PIPE if "stdout" in kw else None,
        timeout=120,
        env={**os.environ, **(env or {})},
        **{"cwd": ROOT, **kw},
    )


@pytest.mark.parametrize("name", list(COMMANDS))
@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"LC_ALL": "POSIX", "LANG": "", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
    ],
    ids=["ascii", "latin-1", "posix"],
)
def test_a_stream_that_is_not_utf8_is_written_in_utf8_never_a_crash(name: str, env: dict[str, str]) -> None:
    res = run(COMMANDS[name], env)
    assert res.returncode in (0, 1), res.stderr.decode("utf-8", "replace")
    assert b"internal error" not in res.stderr + res.stdout
    out = res.stdout.decode("utf-8")  # UTF-8, the same bytes as under a UTF-8 locale
    assert out == run(COMMANDS[name], {"PYTHONIOENCODING": "utf-8"}).stdout.decode("utf-8")
    if name not in ("evaluate en", "diff", "check", "deadline", "maintenance"):
        assert any(ord(c) > 127 for c in out)  # (the Japanese policy's words, unescaped)


def test_a_stderr_that_is_not_utf8_says_japanese_in_utf8() -> None:
    res = run(["evaluate", P, "/nonexistent/events.jsonl", *MONTH], {"PYTHONIOENCODING": "ascii"})
    assert res.returncode == 1 and res.stderr.decode("utf-8").startswith("sla: エラー: ")


def closed_stderr(argv: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["sh", "-c", 'exec "$@" 2>&-', "sh", sys.executable, "-m", "sla_dsl._entry", *argv],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.parametrize(
    "argv", [["evaluate", P, E, *MONTH], ["explain", P, E, "INC-001"]], ids=["evaluate", "explain"]
)
def test_a_closed_stderr_leaves_the_report_as_it_is(argv: list[str]) -> None:
    res = closed_stderr(argv)
    assert res.returncode == 0 and res.stdout == run(argv).stdout


def test_a_closed_stderr_keeps_the_exit_code_and_puts_nothing_on_stdout(tmp_path: Path) -> None:
    res = closed_stderr(["evaluate", P, str(tmp_path / "missing.jsonl"), *MONTH])
    assert res.returncode == 1 and res.stdout == b""
    out = tmp_path / "x.json"
    res = closed_stderr(["evaluate", P, E, *MONTH, "--format", "json", "--output", str(out)])
    assert res.returncode == 0 and res.stdout == b"" and out.read_bytes().startswith(b"{")


@pytest.mark.parametrize(
    "argv",
    [
        ["explain", P, E, "INC-001"],
        ["calendar", P, "--month", "2026-11"],
        ["deadline", P, "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00"],
        ["maintenance", P, *MONTH],
        ["diff", P, P],
        ["replay", P, P, E, *MONTH],
        ["test", P, str(TESTS)],
        ["fmt", "-"],
    ],
    ids=lambda argv: argv[0],
)
def test_an_output_that_cannot_be_written_is_said_in_the_policys_language(argv: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        res = run(argv, stdout=full)
    assert res.returncode == 1
    assert res.stderr.decode("utf-8").endswith("sla: エラー: 出力を書けません：ディスクに空きがありません\n")
    with open("/dev/full", "wb") as full:
        res = run([*argv, "--lang", "en"], stdout=full)
    assert res.stderr.decode("utf-8").endswith("sla: error: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["evaluate", "--help"]], ids=" ".join)
def test_help_and_version_that_cannot_be_written_exit_1_as_any_command(argv: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        res = run(argv, {"LC_ALL": "C.UTF-8"}, stdout=full)
    assert res.returncode == 1
    assert res.stderr.decode("utf-8") == "sla: error: cannot write the output: No space left on device\n"
    with open("/dev/full", "wb") as full:
        res = run(["--lang", "ja", *argv], stdout=full)
    assert res.returncode == 1 and res.stderr.decode("utf-8").startswith("sla: エラー: 出力を書けません")


def test_a_stop_is_said_in_the_policys_language(tmp_path: Path) -> None:
    fifo = tmp_path / "events.fifo"  # the replay waits on it, its policies read
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-m", "sla_dsl._entry", "replay", P, P, str(fifo), *MONTH],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        time.sleep(3)  # (long enough to install its handlers; the words do not depend on it)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.decode("utf-8") == "sla: `SIGTERM` を受けて終了しました\n"


def test_fmt_counts_a_file_it_could_not_write_as_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sla_dsl import files
    from sla_dsl.cli import main

    policy = tmp_path / "b.sla"
    policy.write_text(POLICY_PATH.read_text("utf-8").replace("\n", "\n\n\n", 3), "utf-8")  # laid out badly

    def read_only(path: object, text: str) -> None:  # (a read-only mount: `mount --bind -o ro`)
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(files, "write_atomic", read_only)
    assert main(["fmt", str(policy)]) == 1
    err = capsys.readouterr().err
    assert f"sla fmt: {policy}: 書き込めません：読み取り専用のファイルシステムです。ファイルは変更していません" in err
    assert "0 件を整形し" in err and "1 件はエラー" in err
    assert main(["fmt", str(policy), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "cannot write: Read-only file system; the file is unchanged" in err
    assert err.endswith("0 files reformatted, 0 left unchanged, 1 not formatted (errors)\n")


def test_an_output_through_a_dangling_link_is_refused_before_the_work(tmp_path: Path) -> None:
    link = tmp_path / "d.json"
    link.symlink_to("/nonexistent-dir/zz")
    res = run(["evaluate", P, E, *MONTH, "--output", str(link), "--lang", "en"])
    assert res.returncode == 2
    assert "there is no directory `/nonexistent-dir`" in res.stderr.decode("utf-8")


def test_an_output_under_a_file_says_it_is_no_directory(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x")
    res = run(["evaluate", P, E, *MONTH, "--output", str(tmp_path / "big.txt" / "x.json")])
    err = res.stderr.decode("utf-8")
    assert res.returncode == 2 and "はディレクトリではありません" in err and "がありません" not in err


def test_output_dash_is_the_standard_output(tmp_path: Path) -> None:
    res = run(["evaluate", P, E, *MONTH, "--format", "json", "--output", "-"], cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == run(["evaluate", P, E, *MONTH, "--format", "json"]).stdout
    assert not (tmp_path / "-").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_colour_on_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from sla_dsl.cli.app import use_color

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert use_color(_Terminal())
    monkeypatch.setenv("TERM", "dumb")
    assert not use_color(_Terminal())


def test_a_log_of_unknown_size_counts_whole_events(monkeypatch: pytest.MonkeyPatch) -> None:
    from sla_dsl.cli.progress import reading_bar

    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    with reading_bar("-", mininterval=0) as show:
        assert show is not None
        shown = term.getvalue()
        show(1234, 0)
    assert " 0 events" in shown and "0.00" not in shown
    assert "1234 events" in term.getvalue()


def test_no_stderr_at_all_is_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from sla_dsl.cli.progress import Phase, reading_bar

    monkeypatch.setattr(sys, "stderr", None)
    with reading_bar("events.jsonl") as show:
        assert show is None
    assert not Phase().on

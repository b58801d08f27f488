"""``events_file`` of a policy test names the log that failed, and names one.

A QA pass gave ``events_file: logs``, a directory holding a link to nothing (``logs/part-1.parquet``):
``sla test`` said ``cannot read the log `tdir/logs` ...: No such file or directory``, the directory with
the reason of the file inside it, where ``sla evaluate POLICY tdir/logs`` names the file. Now the message
names the file that failed. And ``events_file: ""`` was joined to the test file's folder and read that
folder as the log: now an empty value (or none) is E160 at the value, with the line to write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "examples" / "helpdesk.sla"  # `languages ja, en`


def _case(events_file: str) -> str:
    return (
        f"cases:\n  - name: x\n    events_file: {events_file}\n"
        "    period: {from: 2026-11-01, to: 2026-12-01}\n    expect: {incidents: {H1: met}}\n"
    )


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], events_file: str, lang: str = "en") -> str:
    path = tmp_path / "t.yaml"
    path.write_text(_case(events_file), "utf-8")
    capsys.readouterr()
    assert main(["test", "--lang", lang, str(POLICY), str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_a_directory_log_names_the_file_in_it_that_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "part-1.parquet").symlink_to("/nonexistent/x")
    err = _run(tmp_path, capsys, "logs")
    inside = tmp_path / "logs" / "part-1.parquet"
    assert err.startswith(f"{tmp_path / 't.yaml'}:3:18: error: [E160] case `x`: cannot read the log `{inside}`"), err
    assert f"`{tmp_path / 'logs'}` of" not in err
    # as `sla evaluate` names it
    capsys.readouterr()
    assert main(["evaluate", str(POLICY), str(tmp_path / "logs"), "--from", "2026-11-01", "--to", "2026-12-01"]) != 0
    assert str(inside) in capsys.readouterr().err


def test_a_missing_file_is_still_named_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _run(tmp_path, capsys, "nope.jsonl")
    assert f"cannot read the log `{tmp_path / 'nope.jsonl'}` of `events_file`" in err, err


@pytest.mark.parametrize(("written", "column"), [('""', 18), ("''", 18), ('"  "', 18), ("", 17)])
def test_an_empty_events_file_is_refused_at_its_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, column: int
) -> None:
    (tmp_path / "events.jsonl").write_text("", "utf-8")  # (the folder holds a log: it is still not read)
    err = _run(tmp_path, capsys, written)
    assert err.startswith(f"{tmp_path / 't.yaml'}:3:{column}: error: [E160] case `x`: `events_file` names no log"), err
    assert "help: write the path of the log from the test file's directory, e.g. `events_file: events.jsonl`" in err


def test_an_empty_events_file_is_refused_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _run(tmp_path, capsys, '""', "ja")
    assert "[E160] ケース `x`：`events_file` にログのパスがありません" in err, err
    assert (
        "ヒント: テストファイルのあるディレクトリからのログのパスを書いてください（例：`events_file: events.jsonl`）"
        in err
    )

"""An event log where a command reads a policy is wrong usage, said before anything is read.

``sla check policy.sla events.jsonl`` parsed the log as a policy (``.jsonl``: E011 on its ``{``; a
Parquet file: E001, not UTF-8). Every command that reads policies only refuses it as ``sla evaluate``
refuses a log among its policies: exit 2, naming the path and the ``sla evaluate`` to run instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "clicksoko.sla")

COMMANDS = [
    ["check"],
    ["fmt", "--check"],
    ["deadline", "--priority", "P1", "--from", "2026-11-02T09:00:00+09:00"],
    ["maintenance", "--from", "2026-11-01", "--to", "2026-11-30"],
    ["calendar", "--month", "2026-11"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("log", ["events.jsonl", "events.csv", "events.parquet", "events.csv.gz"])
def test_a_log_among_the_policies_is_refused(
    command: list[str], log: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / log
    path.write_bytes(b'{"event": "incident.reported"}\n')
    capsys.readouterr()
    code = main([*command, "--lang", "en", POLICY, str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and not out, err
    assert err.startswith(f"sla: error: `{path}` (path 2) is an event log, not a policy: `sla {command[0]}`"), err
    assert f"(`sla evaluate {POLICY} {path} --from … --to …`)" in err, err


def test_diff_and_test_refuse_a_log_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text('{"event": "incident.reported"}\n')
    for argv in (["diff", POLICY, str(log)], ["test", POLICY, str(log), str(tmp_path / "t.slatest")]):
        capsys.readouterr()
        code = main([*argv, "--lang", "ja"])
        _, err = capsys.readouterr()
        assert code == 2, err
        assert f"2 番目のパス `{log}` はイベントログで、ポリシーではありません" in err, err


def test_policies_alone_are_read(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["check", POLICY]) == 0

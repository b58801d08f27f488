"""An event log that holds no events: judged (exit 0), but never in silence; an empty Arrow file said so.

An empty ``.jsonl``, or a CSV of its header only, gave a full "nothing to judge" report and exit 0 with
no word that the log held nothing: a report on an export that went wrong passed for a quiet month. An
empty ``.arrow`` file quoted pyarrow's own English (``Tried reading schema message, was null or length
0``), in Japanese runs too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "clicksoko.sla")
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
LINE = '{"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "INC-1", "priority": "P1"}\n'


@pytest.mark.parametrize(("name", "text"), [("e.jsonl", ""), ("h.csv", "event,at,id\n"), ("c.jsonl", "# c\n\n")])
def test_a_log_without_events_is_judged_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    for lang, said in (
        ("en", f"sla: warning: the event log `{path}` holds no events"),
        ("ja", f"sla: 警告: イベントログ `{path}` にイベントがありません"),
    ):
        capsys.readouterr()
        assert main(["evaluate", POLICY, str(path), *MONTH, "--lang", lang]) == 0
        out, err = capsys.readouterr()
        assert out and err.startswith(said), err


def test_a_log_with_events_has_no_such_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text(LINE, "utf-8")
    capsys.readouterr()
    assert main(["evaluate", POLICY, str(path), *MONTH, "--lang", "en"]) == 0
    assert "holds no events" not in capsys.readouterr().err


def test_an_empty_arrow_file_is_said_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "e.arrow"
    path.write_bytes(b"")
    for lang, said in (("en", "the file is empty (0 bytes)"), ("ja", "ファイルが空です（0 バイト）")):
        capsys.readouterr()
        assert main(["evaluate", POLICY, str(path), *MONTH, "--lang", lang]) == 1
        err = capsys.readouterr().err
        assert said in err and "Tried reading" not in err, err

"""What a stopped or failing ``sla evaluate`` leaves where it writes (issue 14's output side).

- Ctrl-C while the new Parquet tables are renamed into place waits until they all are: the directory
  holds one run's tables, never a mix, and no hidden backup or temporary file;
- SIGTERM and SIGHUP (``kill``, ``timeout``, ``docker stop``) stop the command as Ctrl-C does, its
  temporary files removed and the earlier report left whole; both are said in the policy's language;
- a table whose footer cannot be written (a file size limit) is the table's located error, in the
  command's language, not the writing library's English;
- a report file's legal name of 250 bytes is written: its temporary name is cut to the file system's limit;
- a path with a line break is shown escaped on one line.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from sla_dsl.cli import main
from sla_dsl.report import table_files
from sla_dsl.report.tables import TABLE_NAMES

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"


def _args(output: Path, to: str = "2026-12-01", fmt: str = "parquet") -> list[str]:
    return ["evaluate", str(POLICY), str(EXAMPLE), "--from", "2026-11-01", "--to", to, "--format", fmt]


def _tables(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def _renaming(monkeypatch: pytest.MonkeyPatch, nth: int, act: Callable[[], None]) -> list[str]:
    """The tables' renames recorded (the names put in place), ``act`` run just after the ``nth``."""
    real = os.replace
    renamed: list[str] = []

    def replace(src: Any, dst: Any) -> None:
        real(src, dst)
        renamed.append(Path(dst).name)
        if len(renamed) == nth:
            act()

    monkeypatch.setattr(table_files.os, "replace", replace)
    return renamed


def _interrupt() -> None:
    raise KeyboardInterrupt


def test_ctrl_c_while_the_tables_are_renamed_waits_for_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    new, out = tmp_path / "new", tmp_path / "out"
    assert main([*_args(new), "--output", str(new), "--quiet"]) == 0
    assert main([*_args(out, to="2026-11-20"), "--output", str(out), "--quiet"]) == 0
    earlier, wanted = _tables(out), _tables(new)
    assert set(earlier) == set(wanted) == {f"{n}.parquet" for n in TABLE_NAMES}
    differ = [n for n in wanted if wanted[n] != earlier[n]]
    assert len(differ) > 3  # (a mix would show)
    # Ctrl-C, just after the first table is in place (Python's own handler, whatever the launcher left:
    # a job started in the background of a shell has SIGINT ignored)
    renamed = _renaming(monkeypatch, 1, lambda: os.kill(os.getpid(), signal.SIGINT))
    capsys.readouterr()
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        code = main([*_args(out), "--output", str(out), "--quiet"])
    finally:
        signal.signal(signal.SIGINT, before)
    assert code == 130
    assert capsys.readouterr().err == "sla: 中断しました\n"
    assert len(renamed) == len(TABLE_NAMES)  # every table put in place before the interrupt was acted on
    assert _tables(out) == wanted  # one run's tables, no hidden file left


def test_a_rename_interrupted_before_it_is_marked_is_undone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside the main thread no signal is held: an interrupt (here raised by the rename itself, after
    renaming) between a table's rename and its mark must still be undone, the earlier tables kept."""
    out = tmp_path / "out"
    assert main([*_args(out, to="2026-11-20"), "--output", str(out), "--quiet"]) == 0
    earlier = _tables(out)
    _renaming(monkeypatch, 3, _interrupt)  # after the third rename, before its table is marked placed
    monkeypatch.setattr(table_files, "held_signals", _nothing_held)
    assert main([*_args(out), "--output", str(out), "--quiet"]) == 130
    assert _tables(out) == earlier


class _nothing_held:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_TERMINATED = """
import os, signal, sys
signal.signal(signal.{signal}, signal.SIG_DFL)  # (nohup may have it ignored: the command then keeps it so)
from sla_dsl.report import render
from sla_dsl.cli import main
real = render.write_json
def write_json(*args, **kwargs):
    out = args[2]
    out.write(b"{" * 1000)
    os.kill(os.getpid(), signal.{signal})
    return real(*args, **kwargs)
render.write_json = write_json
sys.exit(main({args!r}))
"""


@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_sigterm_and_sighup_stop_the_command_as_ctrl_c_does(tmp_path: Path, name: str, status: int) -> None:
    report = tmp_path / "report.json"
    report.write_text("the earlier report")
    args = [*_args(report, fmt="json"), "--output", str(report), "--quiet"]
    code = _TERMINATED.replace("{signal}", name).replace("{args!r}", repr(args))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (res.returncode, res.stderr) == (status, f"sla: `{name}` を受けて終了しました\n")
    assert report.read_text() == "the earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary file left


def test_a_table_whose_footer_cannot_be_written_is_its_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = pq.ParquetWriter.close

    def close(self: pq.ParquetWriter) -> None:
        real(self)
        if "steps" in str(self.where):
            raise OSError(errno.EFBIG, "Error writing bytes to file. Detail: [errno 27] File too large")

    monkeypatch.setattr(pq.ParquetWriter, "close", close)
    out = tmp_path / "out"
    assert main([*_args(out), "--output", str(out), "--quiet"]) == 1
    assert capsys.readouterr().err == f"sla: エラー: {out / 'steps.parquet'}: 表を書けません：ファイルが大きすぎます\n"
    assert not out.exists()  # nothing put in place, no temporary file left, the directory it made removed


def test_a_report_file_with_a_long_legal_name_is_written(tmp_path: Path) -> None:
    report = tmp_path / ("十一月報告書" * 13 + "_v02.txt")  # 242 bytes: the temporary name would pass 255
    assert len(report.name.encode()) == 242
    report.write_text("the earlier report")
    assert main([*_args(report, fmt="text"), "--output", str(report), "--quiet"]) == 0
    assert "Click So-ko" in report.read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [report.name]


def test_a_parquet_path_with_a_line_break_is_shown_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "g\nfake"
    target.write_text("a file")
    assert main([*_args(target), "--output", str(target), "--quiet", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "g\\nfake: not a directory" in err


def test_a_run_waits_for_another_swapping_tables_into_the_same_directory(tmp_path: Path) -> None:
    import fcntl
    import threading

    out = tmp_path / "out"
    assert main([*_args(out, to="2026-11-20"), "--output", str(out), "--quiet"]) == 0
    earlier = _tables(out)
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another run, swapping its tables in
    codes: list[int] = []
    run = threading.Thread(target=lambda: codes.append(main([*_args(out), "--output", str(out), "--quiet"])))
    run.start()
    try:
        for _ in range(600):  # its tables written (hidden), waiting for the lock
            if len([p for p in out.iterdir() if p.name.endswith(".tmp")]) == len(TABLE_NAMES):
                break
            run.join(0.1)
        hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
        assert len(hidden) == len(TABLE_NAMES)
        assert all(
            re.fullmatch(rf"\.{n}\.parquet\.\w+\.tmp", h) for n, h in zip(sorted(TABLE_NAMES), hidden, strict=True)
        )
        run.join(0.5)
        assert run.is_alive() and _tables(out) != {}
        assert {k: v for k, v in _tables(out).items() if not k.startswith(".")} == earlier  # nothing swapped yet
    finally:
        os.close(fd)  # the other run done
        run.join(120)
    assert codes == [0]
    assert set(_tables(out)) == set(earlier) and _tables(out) != earlier


@pytest.mark.parametrize(
    ("inputs", "output", "said"),
    [
        ("events", "events", "is the event log being read"),
        ("events", "policy", "is the policy being read"),
        ("events-dir", "events-dir", "is inside"),
    ],
)
def test_an_output_that_would_overwrite_an_input_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inputs: str, output: str, said: str
) -> None:
    policy = tmp_path / "policy.sla"
    policy.write_bytes(POLICY.read_bytes())
    events = tmp_path / "events.jsonl"
    events.write_bytes(EXAMPLE.read_bytes())
    place = {"events": events, "policy": policy, "events-dir": tmp_path}[output]
    fmt = "parquet" if output == "events-dir" else "json"
    read = tmp_path if inputs == "events-dir" else events
    if inputs == "events-dir":
        import pyarrow as pa

        events.unlink()
        pq.write_table(
            pa.table({"event": ["incident.reported"], "at": ["2026-11-02T09:00:00+09:00"], "id": ["I"]}),
            tmp_path / "e.parquet",
        )
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    args = ["evaluate", str(policy), str(read), "--from", "2026-11-01", "--to", "2026-12-01"]
    assert main([*args, "--format", fmt, "--output", str(place), "--quiet", "--lang", "en"]) == 2  # usage
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert main([*args, "--format", fmt, "--output", str(place), "--quiet"]) == 2
    assert "別の場所を指定してください" in capsys.readouterr().err


def test_an_empty_output_and_a_missing_one_are_said_in_the_policys_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*_args(Path()), "--output", ""]) == 2
    assert "`--output` が空です" in capsys.readouterr().err
    assert main(_args(Path())) == 2
    assert "`--format parquet` はファイルを書きます" in capsys.readouterr().err


def test_a_file_in_place_of_the_table_directory_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sla_dsl import evaluation

    target = tmp_path / "out"
    target.write_text("a file")
    monkeypatch.setattr(evaluation, "judge_log", lambda *a, **k: pytest.fail("judged before the check"))
    assert main([*_args(target), "--output", str(target), "--quiet", "--lang", "en"]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_events_from_standard_input_are_no_file_an_output_could_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("an earlier report")  # `--output -` is standard output, not the file named `-`
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    args = ["evaluate", str(POLICY), "-", "--from", "2026-11-01", "--to", "2026-12-01", "--output", "-", "--quiet"]
    assert main(args) == 0
    assert "Click So-ko" in capsys.readouterr().out
    assert (tmp_path / "-").read_text("utf-8") == "an earlier report"


def test_a_failed_run_leaves_no_directory_it_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pq.ParquetWriter.close
    failed: set[int] = set()

    def full(self: pq.ParquetWriter) -> None:
        if id(self) not in failed:  # the first close fails; the writer's own clean-up closes it for good
            failed.add(id(self))
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self)

    monkeypatch.setattr(pq.ParquetWriter, "close", full)
    out = tmp_path / "a" / "b" / "tables"
    assert main([*_args(out), "--output", str(out), "--quiet"]) == 1
    assert list(tmp_path.iterdir()) == []  # a, a/b and the tables' directory made and removed
    (tmp_path / "kept").mkdir()
    out = tmp_path / "kept" / "tables"
    assert main([*_args(out), "--output", str(out), "--quiet"]) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["kept"] and list((tmp_path / "kept").iterdir()) == []


def test_a_signal_held_during_a_failing_swap_is_still_acted_on() -> None:
    got: list[int] = []
    before = signal.signal(signal.SIGTERM, lambda signum, frame: got.append(signum))
    try:
        with pytest.raises(OSError, match="full"), table_files.held_signals():
            os.kill(os.getpid(), signal.SIGTERM)
            assert got == []  # held while the block runs
            raise OSError(errno.ENOSPC, "full")
    finally:
        signal.signal(signal.SIGTERM, before)
    assert got == [signal.SIGTERM]


def test_a_directory_that_cannot_be_made_leaves_none_of_those_made(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / ("x" * 300)  # a name too long: made a and b, then failed
    assert main([*_args(out), "--output", str(out), "--quiet", "--lang", "en"]) == 1
    assert list(tmp_path.iterdir()) == []


def test_usage_errors_are_said_in_the_policys_language_alone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*_args(Path()), "--output", ""]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sla: エラー: `--output` が空です") and "usage" not in err and "error:" not in err


def test_places_the_events_reader_passes_over_may_take_the_output(tmp_path: Path) -> None:
    import pyarrow as pa

    events = tmp_path / "events"
    events.mkdir()
    pq.write_table(
        pa.table(
            {"event": ["incident.reported"], "at": ["2026-11-02T09:00:00+09:00"], "id": ["I"], "priority": ["P1"]}
        ),
        events / "e.parquet",
    )
    args = ["evaluate", str(POLICY), str(events), "--from", "2026-11-01", "--to", "2026-12-01", "--quiet"]
    assert main([*args, "--format", "parquet", "--output", str(events / "_tables")]) == 0  # `_*` is passed over
    assert main([*args, "--format", "json", "--output", str(events / ".report.json")]) == 0
    assert main([*args]) == 0  # and the next run reads the events alone

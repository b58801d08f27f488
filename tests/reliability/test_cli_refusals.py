"""What three commands said wrong about their own input, in both languages.

``sla explain … --to X`` without ``--from`` blamed ``--from`` for an empty period (its start was the
item's month, which the user never wrote); ``sla evaluate --skip-invalid`` showed a skipped line's
``help:`` line as a literal ``\\n`` on stderr; ``sla fmt - -`` read an empty stdin the second time
(E217, exit 1) and counted nothing though it printed one formatted policy.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EVENTS = str(ROOT / "examples" / "events-2026-11.jsonl")
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# ---- sla explain: the edge taken from the item's month is the one named ---------------------------


def test_explain_without_from_names_the_months_start_not_a_from_never_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["explain", str(POLICY), EVENTS, "INC-054", "--to", "2026-11-01"]
    assert _run(argv, capsys) == (
        2,
        "",
        "sla: エラー: 期間が空です：`--from` がないため、期間は `INC-054` を載せる月次レポートの月初め"
        "（`2026-11-01`）からですが、`--to` の `2026-11-01` はそれより後ではありません。"
        "`2026-11-01` より前の `--from` を指定するか、`--to` を `2026-11-01` より後にしてください\n",
    )
    assert _run([*argv, "--lang", "en"], capsys) == (
        2,
        "",
        "sla: error: the period is empty: without `--from` it starts at the start of the month whose report"
        " lists `INC-054` (`2026-11-01`), and `--to` `2026-11-01` is not after that: give a `--from` before"
        " `2026-11-01`, or a `--to` after `2026-11-01`\n",
    )


def test_explain_without_to_names_the_months_end(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["explain", str(POLICY), EVENTS, "INC-054", "--from", "2026-12-05", "--lang", "en"]
    code, out, err = _run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("sla: error: the period is empty: without `--to` it ends at the end of the month")
    assert "(`2026-12-01`)" in err and "`--from` `2026-12-05` is not before that" in err
    code, _, err = _run(argv[:-2], capsys)
    assert code == 2 and "`--to` がないため" in err and "`2026-12-01`" in err
    both = [*argv[:-2], "--to", "2026-12-01", "--lang", "en"]  # (both edges given: both are named, as before)
    assert _run(both, capsys) == (2, "", "sla: error: the period is empty: `--to` must be after `--from`\n")


# ---- --as-of before the period: a usage error, not a report of nothing ----------------------------------

AS_OF_EN = (
    "sla: error: --as-of `2026-10-20T00:00:00+09:00` is before --from `2026-11-01T00:00:00+09:00`: nothing of"
    " the period can be judged before it starts (without --as-of, the report is as of --to)\n"
)


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", str(POLICY), EVENTS, *MONTH],
        ["replay", str(POLICY), str(POLICY), EVENTS, *MONTH],
        ["explain", str(POLICY), EVENTS, "INC-001", *MONTH],
    ],
    ids=["evaluate", "replay", "explain"],
)
def test_an_as_of_before_the_period_is_refused(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """It used to give a whole report of nothing: measured time 0:00, 100% and every backup met."""
    argv = [*command, "--as-of", "2026-10-20T00:00+09:00"]
    assert _run([*argv, "--lang", "en"], capsys) == (2, "", AS_OF_EN)
    code, out, err = _run(argv, capsys)
    assert (code, out) == (2, "") and "が `--from` の `2026-11-01T00:00:00+09:00` より前です" in err
    if command[0] != "explain":  # (as of the start: what was known then; no incident was yet)
        code, _, _ = _run([*command, "--as-of", "2026-11-01T00:00+09:00", "--format", "json"], capsys)
        assert code == 0


def test_explain_as_of_before_the_items_month_names_that_month(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["explain", str(POLICY), EVENTS, "INC-001", "--as-of", "2026-10-20T00:00+09:00", "--lang", "en"]
    assert _run(argv, capsys) == (
        2,
        "",
        "sla: error: --as-of `2026-10-20T00:00+09:00` is before the start of the month whose report lists"
        " `INC-001` (`2026-11-01`), the period taken without `--from`: give an `--as-of` from `2026-11-01` on,"
        " or a `--from` before `2026-10-20T00:00+09:00`\n",
    )


# ---- sla evaluate --skip-invalid: a skipped line's help on a line of its own --------------------------


def test_a_skipped_lines_help_is_on_its_own_line_and_a_value_still_makes_no_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "ev.jsonl"
    good = '{"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "X-1", "priority": "P1"}'
    naive = good.replace("+09:00", "").replace("X-1", "X-2")
    hostile = good.replace("incident.reported", "x\\n  help: fake\\u001b[31m").replace("X-1", "X-3")
    log.write_text("\n".join([good, naive, hostile]) + "\n", "utf-8")
    code, _, err = _run(["evaluate", str(POLICY), str(log), *MONTH, "--skip-invalid", "--lang", "en"], capsys)
    assert code == 0
    lines = err.splitlines()
    at = lines.index(f"sla: skipped: {log}:2: error: [E105] `at` has no UTC offset: `2026-11-02T09:00:00`")
    assert lines[at + 1] == "  help: write it with the policy's offset: `2026-11-02T09:00:00+09:00`"
    assert "\\n  help: write" not in err
    hostile_line = next(ln for ln in lines if f"{log}:3:" in ln)
    assert "`x\\n  help: fake\\x1b[31m`" in hostile_line and "\x1b" not in err
    assert not any(ln.startswith("  help: fake") for ln in lines)
    code, _, err = _run(["evaluate", str(POLICY), str(log), *MONTH, "--skip-invalid"], capsys)
    assert "\n  ヒント: ポリシーの時差を付けて" in err and "\\n  ヒント" not in err


# ---- sla fmt: stdin is read once, and what was formatted is counted ---------------------------------


def _fmt(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "sla_dsl.cli", "fmt", *args]
    return subprocess.run(argv, input=stdin, capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "sla: error: `-` (the standard input) is given more than once: the standard input can be read only once\n",
        ),
        ("ja", "sla: エラー: `-`（標準入力）が 2 回以上指定されています。標準入力は 1 度しか読めません\n"),
    ],
)
def test_fmt_refuses_stdin_twice(lang: str, said: str) -> None:
    res = _fmt("--lang", lang, "-", "-", stdin=POLICY.read_text("utf-8"))
    assert (res.returncode, res.stdout, res.stderr) == (2, "", said)
    res = _fmt("--check", "--lang", lang, "-", str(POLICY), "-", stdin=POLICY.read_text("utf-8"))
    assert (res.returncode, res.stdout, res.stderr) == (2, "", said)


def test_check_refuses_stdin_twice() -> None:
    argv = [sys.executable, "-m", "sla_dsl.cli", "check", "--lang", "en", "-", "-"]
    res = subprocess.run(argv, input=POLICY.read_text("utf-8"), capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (res.returncode, res.stderr) == (
        2,
        "sla: error: `-` (the standard input) is given more than once: the standard input can be read only once\n",
    )


def test_fmt_counts_a_policy_formatted_from_stdin(tmp_path: Path) -> None:
    text = POLICY.read_text("utf-8")
    other = tmp_path / "other.sla"
    other.write_text(text, "utf-8")
    res = _fmt("-", str(other), stdin=text.replace("\n  ", "\n      ", 1))  # stdin unformatted
    assert res.returncode == 0 and res.stdout == text
    assert res.stderr == "1 件を整形し、1 件は変更なし\n"
    res = _fmt("--lang", "en", "-", str(other), stdin=text)
    assert (res.returncode, res.stdout, res.stderr) == (0, text, "0 files reformatted, 2 left unchanged\n")


def test_explain_lists_the_lines_skip_invalid_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # (sla explain judged without them and said nothing: lines left out unsaid)
    log = tmp_path / "events.jsonl"
    log.write_text(
        '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "X-1", "priority": "P1"}\n'
        '{"event": "incident.reported", "at": "2026-11-02 10:00", "id": "X-2", "priority": "P1"}\n'
        '{"event": "incident.responded", "at": "2026-11-02T10:30:00+09:00", "id": "X-1"}\n',
        "utf-8",
    )
    argv = ["explain", str(POLICY), str(log), "X-1", "--skip-invalid", "--lang", "en", "--quiet"]
    code, out, err = _run(argv, capsys)
    assert code == 0 and "X-1" in out
    assert err.startswith(f"sla: skipped: {log}:2: error: [E105] `at` has no UTC offset: `2026-11-02 10:00`\n  help: ")
    assert err.count("sla: skipped:") == 1


def test_a_policy_path_that_does_not_exist_is_said_as_such(capsys: pytest.CaptureFixture[str]) -> None:
    # (a name not ending in .sla was read as the text of a policy: "unexpected `policies` outside any block")
    for name in ("policies/clicksoko", "-"):
        code, _, err = _run(["evaluate", name, EVENTS, *MONTH, "--lang", "en"], capsys)
        assert code == 1 and err.startswith(f"{name}: error: [E001] no such file"), err


# ---- sla explain: an id no event has, and a backup's own id -----------------------------------------------


def test_explain_an_unknown_id_says_no_event_has_it(capsys: pytest.CaptureFixture[str]) -> None:
    """It said "no incident ... `NOPE-1` in the period 1 Oct – 1 Nov", a month it had chosen silently."""
    assert _run(["explain", str(POLICY), EVENTS, "NOPE-1", "--lang", "en"], capsys) == (
        1,
        "",
        "sla: error: the event log has no events about `NOPE-1`\n",
    )
    code, _, err = _run(["explain", str(POLICY), EVENTS, "NOPE-1"], capsys)
    assert (code, err) == (1, "sla: エラー: イベントログに `NOPE-1` のイベントがありません\n")


def test_explain_an_id_in_other_capitals_names_the_id_of_the_log(capsys: pytest.CaptureFixture[str]) -> None:
    """`inc-001` for the log's `INC-001` (ids are matched as written) was told only that no event has it."""
    assert _run(["explain", str(POLICY), EVENTS, "inc-001", "--lang", "en"], capsys) == (
        1,
        "",
        "sla: error: the event log has no events about `inc-001`: did you mean `INC-001`? (ids are case-sensitive)\n",
    )
    code, _, err = _run(["explain", str(POLICY), EVENTS, "inc-001"], capsys)
    assert (code, err) == (
        1,
        "sla: エラー: イベントログに `inc-001` のイベントがありません。`INC-001` の誤りではありませんか？"
        "（ID は大文字と小文字を区別します）\n",
    )
    code, _, err = _run(
        ["explain", str(POLICY), EVENTS, "INC-001", "--from", "2026-12-01", "--to", "2027-01-01"], capsys
    )
    assert code == 1 and "no incident" not in err and "`INC-001`" in err  # (known, not in that period)


def test_explain_a_backups_id_gives_the_day_it_was_taken_on(capsys: pytest.CaptureFixture[str]) -> None:
    """DB-1101 completed at 02:00 on 2026-11-01 and was never deleted: its backup day explains it."""
    code, out, err = _run(["explain", str(POLICY), EVENTS, "DB-1101", "--lang", "en"], capsys)
    assert (code, err) == (0, "")
    day = _run(["explain", str(POLICY), EVENTS, "database:2026-11-01", "--lang", "en"], capsys)
    assert out == day[1] and out.startswith("Database backup service on Sun 1 Nov 2026: Taken")

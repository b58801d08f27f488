"""What ``sla``'s positional arguments are, said truly, and runs of ``sla test`` that check nothing.

``sla evaluate`` and ``sla explain`` take versions of a policy then one event log (``POLICY [POLICY ...]
EVENTS [ID]``: the pairs do not repeat), and refuse an event log among the policies as wrong usage (exit 2)
naming it and how to merge logs, instead of reading it as a policy (E011 on its first ``{``). Every
positional argument has its help in Japanese and English; ``sla explain --skip-invalid`` lists what it
leaves out on stderr only, and says so. ``sla test`` whose ``--run`` selects no case, or whose test files
hold none, fails (exit 1) rather than passing ``0/0``.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from sla_dsl.cli import main
from sla_dsl.cli.app import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "clicksoko.sla")
EVENTS = str(ROOT / "examples" / "events-2026-11.jsonl")
TESTS = str(ROOT / "policies" / "tests")
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def _sla(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``sla argv`` in this process: exit code, stdout, stderr (``--help`` and argparse exit by SystemExit)."""
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def _usage(text: str) -> str:
    """The usage block of a help or a usage error, its spaces collapsed, after its prefix."""
    return " ".join(text.split("\n\n")[0].split()[1:])


# ---- the usage of sla evaluate and sla explain ---------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "paths"),
    [("evaluate", "POLICY [POLICY ...] EVENTS"), ("explain", "POLICY [POLICY ...] EVENTS ID")],
)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_usage_says_one_event_log_after_the_policies(
    command: str, paths: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _sla([command, "--help", "--lang", lang], capsys)
    assert code == 0
    assert _usage(out).endswith(f"] {paths}"), out
    assert "EVENTS [" not in out and "ID [" not in out  # no pair (or triple) that repeats


@pytest.mark.parametrize(
    "logs",
    [
        ["a.jsonl", "b.jsonl"],
        ["a.csv", "b.jsonl"],
        ["a.jsonl.gz", "b.jsonl"],
        ["logs.parquet", "b.arrow"],  # (a directory Spark names `*.parquet` too)
        ["A.JSONL", "b.jsonl"],
    ],
)
@pytest.mark.parametrize("command", ["evaluate", "explain"])
def test_an_event_log_among_the_policies_is_wrong_usage(
    logs: list[str], command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, last = logs
    argv = [command, POLICY, first, POLICY, last, *(["INC-001"] if command == "explain" else []), *PERIOD]
    code, out, err = _sla(argv, capsys)
    assert (code, out) == (2, "")
    assert "E011" not in err and "E001" not in err  # refused before anything is read
    assert err.startswith(f"sla: error: `{first}` (path 2) is an event log where a policy is expected: ")
    assert f"`sla {command}` judges one event log per run" in err and "> all.jsonl`" in err
    assert "directory" in err and err.count("\n") == 1
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    code, out, ja = _sla(argv, capsys)
    assert (code, out) == (2, "")
    assert ja.startswith(f"sla: エラー: 2 番目のパス `{first}` はイベントログですが、ポリシーの位置にあります。")
    assert "`cat " in ja and "`EVENTS`" in ja
    latin = re.sub(r"`[^`]*`", "", ja.partition("エラー: ")[2])
    assert not re.search(r"[A-Za-z]", latin), ja


def test_the_merge_shown_names_the_logs_given(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _sla(["evaluate", POLICY, "nov.jsonl", POLICY, "dec 1.jsonl", *PERIOD], capsys)
    assert code == 2 and "(`cat nov.jsonl 'dec 1.jsonl' > all.jsonl`)" in err


def test_too_few_paths_is_argparses_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _sla(["evaluate", POLICY, *PERIOD], capsys)
    assert code == 2 and err.endswith("sla evaluate: error: the following arguments are required: EVENTS\n")
    code, _, err = _sla(["explain", POLICY, EVENTS, "--lang", "ja"], capsys)
    assert code == 2 and err.endswith("sla explain: エラー: 次の引数を指定してください：ID\n")


def test_versions_then_one_log_still_judge(capsys: pytest.CaptureFixture[str]) -> None:
    """``POLICY...``: a directory of versions and a file in it (read once), then one log, as before."""
    code, out, _ = _sla(["evaluate", "--lang", "en", str(ROOT / "policies"), POLICY, EVENTS, *PERIOD], capsys)
    assert code == 0 and out.startswith("Click So-ko: service level report, November 2026")
    code, out, _ = _sla(["explain", "--lang", "en", str(ROOT / "policies"), POLICY, EVENTS, "INC-001"], capsys)
    assert code == 0 and out.startswith("Incident INC-001 ")


def test_the_id_may_follow_an_option(capsys: pytest.CaptureFixture[str]) -> None:
    """EVENTS and ID are arguments of their own: an option between the log and the id is read (it was
    ``unrecognized arguments: INC-001``)."""
    code, out, _ = _sla(["explain", "--lang", "en", POLICY, EVENTS, "--from", "2026-11-01", "INC-001"], capsys)
    assert code == 0 and out.startswith("Incident INC-001 ")


# ---- the help of the positional arguments -----------------------------------------------------------


def _subparsers(lang: str) -> dict[str, argparse.ArgumentParser]:
    parser = build_parser(lang=lang)
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("command", ["check", *COMMANDS])
def test_every_positional_argument_has_a_help_in_both_languages(command: str) -> None:
    helps = {}
    for lang in ("ja", "en"):
        sub = _subparsers(lang)[command]
        helps[lang] = {a.metavar or a.dest: a.help for a in sub._actions if not a.option_strings}
    assert helps["ja"].keys() == helps["en"].keys()
    for name in helps["en"]:
        ja, en = helps["ja"][name], helps["en"][name]
        assert en and ja and ja != en, name
        assert JAPANESE.search(ja) and not JAPANESE.search(en), name


def test_the_positionals_shown_with_their_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _sla(["replay", "--help", "--lang", "ja"], capsys)
    assert code == 0 and "  EVENTS                両方の版で判定するイベントログ一つ\n" in out
    code, out, _ = _sla(["explain", "--help", "--lang", "en"], capsys)
    assert code == 0 and "  ID                    an id the report lists" in out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_explain_skip_invalid_says_stderr_only(lang: str) -> None:
    explain = {a.dest: a.help for a in _subparsers(lang)["explain"]._actions}
    evaluate = {a.dest: a.help for a in _subparsers(lang)["evaluate"]._actions}
    said = explain["skip_invalid"]
    assert said and said != evaluate["skip_invalid"]
    assert ("レポート" not in said and "標準エラー出力" in said) if lang == "ja" else ("report" not in said)


def test_explain_skip_invalid_lists_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the help says: the line left out is on stderr, and the explanation is the only thing on stdout."""
    log = tmp_path / "events.jsonl"
    log.write_text(Path(EVENTS).read_text("utf-8") + "not json\n", "utf-8")
    code, out, err = _sla(["explain", "--lang", "en", "--skip-invalid", POLICY, str(log), "INC-001"], capsys)
    assert code == 0 and out.startswith("Incident INC-001 ") and "skipped" not in out
    assert "sla: skipped: " in err


# ---- sla test that would check nothing ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_run_no_case_name_contains_fails(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _sla(["test", POLICY, TESTS, "--run", "nothing", "--format", fmt, "--lang", "en"], capsys)
    assert (code, out) == (1, "")
    assert err.startswith("sla: error: --run `nothing`: no case's name contains it; the cases are `")
    assert "`P1 clock in UTC is read as Tokyo time`" in err and " more (run without --run and with -v" in err
    code, out, ja = _sla(["test", POLICY, TESTS, "--run", "nothing", "--format", fmt, "--lang", "ja"], capsys)
    assert (code, out) == (1, "")
    assert ja.startswith("sla: エラー: `--run` の `nothing` を名前に含むケースがありません。ケースの名前：`")
    assert " ほか " in ja and "`-v`" in ja


def test_a_run_that_selects_a_case_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _sla(["test", POLICY, TESTS, "--run", "Tokyo time", "--lang", "en"], capsys)
    assert (code, out) == (0, "PASS: 1/1\n")


def test_a_few_names_are_listed_without_more(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = tmp_path / "one.yaml"
    one.write_text(
        'cases:\n  - name: only one\n    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n'
        '    expect: "2026-11-30T12:00:00+09:00"\n',
        "utf-8",
    )
    code, _, err = _sla(["test", POLICY, str(one), "--run", "One", "--lang", "en"], capsys)
    assert code == 1 and "the cases are `only one` (run without" in err


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_test_files_with_no_case_fail(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.yaml").write_text("cases: []\n", "utf-8")
    code, out, err = _sla(["test", POLICY, str(tmp_path), "--format", fmt, "--lang", "en"], capsys)
    assert (code, out) == (1, "")
    assert err == f"sla: error: {tmp_path}: no case to run (the test files hold no case under `cases`)\n"
    code, out, ja = _sla(["test", POLICY, str(tmp_path), "--format", fmt, "--lang", "ja"], capsys)
    assert (code, out) == (1, "")
    said = "実行するケースがありません（テストファイルの `cases` にケースが一つもありません）"
    assert ja == f"sla: エラー: {tmp_path}：{said}\n"


def test_the_json_of_a_run_that_selects_cases_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _sla(["test", POLICY, TESTS, "--run", "Tokyo time", "--format", "json"], capsys)
    assert code == 0 and [c["name"] for c in json.loads(out)] == ["P1 clock in UTC is read as Tokyo time"]

"""A QA pass as a Japanese policy author on ``sla test``'s words (no verdict changed).

Found: a misspelt ``case:`` at the top was "a test file is a mapping with a `cases` list" at line 1 with
no column nor the near key, and ``cases:`` with nothing under it was told to start the file with
``cases:``; an expected time without its offset (a bare date too) had no help, where a ``from`` gets the
line to write; the "exactly one question" error left out ``events_file`` and its example's time was not
quoted; ``targets: {"INC-A:resolve": met}`` for a priority with no named target said only that the report
has none; mistakes in several cases were told one per run; test files given before the policy were
refused in the help's language, not the policy's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
DEADLINE = '    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n'


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *flags: str) -> tuple[int, str, Path]:
    path = tmp_path / "t.yaml"
    path.write_bytes(text.encode("utf-8"))
    code = main(["test", *flags, str(POLICY), str(path)])
    out, err = capsys.readouterr()
    assert out == ""
    return code, err, path


# -- 4. the top of the file ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_a_misspelt_cases_is_named_where_it_is_with_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bom: str
) -> None:
    text = f'{bom}case:\n  - name: x\n{DEADLINE}    expect: "2026-11-30T12:00:00+09:00"\n'
    code, err, path = _run(tmp_path, capsys, text)
    assert code == 1
    assert err == (
        f"{path}:1:1: error: [E160] テストファイルの最上位にキー `case` はありません\n"
        "  ヒント: `cases` の誤りではありませんか？書けるキーは `cases` です\n"
    )
    code, err, path = _run(tmp_path, capsys, text, "--lang", "en")
    assert err.startswith(f"{path}:1:1: error: [E160] unknown key `case` at the top of the test file\n")
    assert "did you mean `cases`?" in err


@pytest.mark.parametrize("under", ["", " {a: 1}", " 3"])
def test_cases_with_no_list_under_it_is_said_so_at_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], under: str
) -> None:
    code, err, path = _run(tmp_path, capsys, f"# tests\ncases:{under}\n")
    assert code == 1
    assert err == (
        f"{path}:2:1: error: [E160] `cases` の下にケースのリストがありません\n"
        "  ヒント: `cases:` の下に、各ケースを `- name: ...` の形で字下げして書いてください\n"
    )
    assert "start the file" not in _run(tmp_path, capsys, f"cases:{under}\n", "--lang", "en")[1]


# -- 5. an expected time without its offset ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expect", "at", "help_ja"),
    [
        (
            DEADLINE,
            '    expect: "2026-11-30T12:00:00"\n',
            "4:5",
            "期待する時刻は時刻どうしで比べます。ポリシーの時差を付けて "
            '`expect: "2026-11-30T12:00:00+09:00"` と書いてください',
        ),
        (
            DEADLINE,
            "    expect: 2026-11-30\n",
            "4:5",
            '期待するのは日付ではなく時刻です。時刻と時差を書いてください：`expect: "2026-11-30THH:MM+09:00"`',
        ),
        (
            "    maintenance: {from: 2026-11-01, to: 2026-12-01}\n",
            '    expect:\n      - "2026-11-26T22:00:00/2026-11-27T00:00:00"\n',
            "5:9",
            "期待する時刻は時刻どうしで比べます。ポリシーの時差を付けて "
            '`- "2026-11-26T22:00:00+09:00/2026-11-27T00:00:00+09:00"` と書いてください',
        ),
        (
            "    period: {from: 2026-11-30, to: 2026-12-07}\n    events:\n      - {event: incident.reported, at: "
            '"2026-12-01T10:00:00+09:00", id: INC-B, priority: P1}\n',
            '    expect:\n      incidents:\n        INC-B: {status: breached, response_due: "2026-12-01T15:00:00"}\n',
            "8:49",
            "期待する時刻は時刻どうしで比べます。ポリシーの時差を付けて "
            '`response_due: "2026-12-01T15:00:00+09:00"` と書いてください',
        ),
    ],
    ids=["deadline", "bare-date", "maintenance-window", "response-due"],
)
def test_an_expected_time_without_its_offset_gets_the_line_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], question: str, expect: str, at: str, help_ja: str
) -> None:
    code, err, path = _run(tmp_path, capsys, "cases:\n  - name: x\n" + question + expect)
    assert code == 1
    first, second = err.rstrip("\n").split("\n")
    assert first.startswith(f"{path}:{at}: error: [E162] ケース `x`：")
    assert second == f"  ヒント: {help_ja}"
    code, err, path = _run(tmp_path, capsys, "cases:\n  - name: x\n" + question + expect, "--lang", "en")
    assert "\n  help: an expected time is " in err


# -- 6. the questions --------------------------------------------------------------------------------------


def test_exactly_one_question_lists_every_question_and_quotes_its_example_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err, path = _run(tmp_path, capsys, "cases:\n  - name: x\n    expect: 1\n", "--lang", "en")
    assert code == 1
    assert err == (
        f"{path}:2: error: [E160] case `x` must ask exactly one of deadline, maintenance, business_time, "
        "add_business_time, events, events_file\n"
        '  help: e.g. `deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}` with the due time as `expect`\n'
    )


# -- 7. a named target a priority does not have ---------------------------------------------------------------


def test_a_named_target_the_priority_lacks_names_the_priority_and_the_incident_s_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "cases:\n  - name: x\n    period: {from: 2026-11-30, to: 2026-12-07}\n    events:\n"
        '      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-A, priority: P1}\n'
        '    expect:\n      targets: {"INC-A:resolve": met}\n'
    )
    path = tmp_path / "t.yaml"
    path.write_text(text, "utf-8")
    assert main(["test", str(POLICY), str(path)]) == 1
    shown = capsys.readouterr().out
    assert (
        "`targets` の `INC-A:resolve`：P1 には名前の付いた目標が一つもありません。"
        "名前のない `respond within` の判定は `incidents: {INC-A: met}` で確かめます"
    ) in shown
    assert main(["test", "--lang", "en", str(POLICY), str(path)]) == 1
    assert (
        "targets INC-A:resolve: priority P1 has no named target; the plain `respond within` is checked as "
        "`incidents: {INC-A: met}`"
    ) in capsys.readouterr().out


def test_a_named_target_the_priority_lacks_lists_those_it_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = (
        'clock resolution "解決までの時間" / "Time to resolution" {\n'
        "  starts at incident.reported\n  stops at incident.resolved\n}\n\n"
    )
    policy = POLICY.read_text("utf-8").replace('priority P1 "', clock + 'priority P1 "', 1)
    policy = policy.replace(
        "  respond within 4 business hours\n",
        "  respond within 4 business hours\n  resolve within 3 business days on resolution\n",
        1,
    )
    (tmp_path / "p.sla").write_text(policy, "utf-8")
    (tmp_path / "t.yaml").write_text(
        "cases:\n  - name: x\n    period: {from: 2026-11-30, to: 2026-12-07}\n    events:\n"
        '      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-A, priority: P1}\n'
        '    expect:\n      targets: {"INC-A:update": met}\n',
        "utf-8",
    )
    assert main(["test", "--lang", "en", str(tmp_path / "p.sla"), str(tmp_path / "t.yaml")]) == 1
    assert (
        "targets INC-A:update: priority P1 has no named target `update` (this incident's: `INC-A:resolve`); "
        "the plain `respond within` is checked as `incidents: {INC-A: met}`"
    ) in capsys.readouterr().out


# -- 8. every case's mistake at once ----------------------------------------------------------------------------


def test_the_mistakes_of_every_case_and_file_are_said_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "a.yaml"
    first.write_text(
        "cases:\n"
        f'  - name: one\n{DEADLINE}    expect: "2026-11-30T12:00:00"\n'
        f'  - name: fine\n{DEADLINE}    expect: "2026-11-30T12:00:00+09:00"\n'
        f'  - name: two\n{DEADLINE}    expected: "2026-11-30T12:00:00+09:00"\n'
        "  - 3\n",
        "utf-8",
    )
    second = tmp_path / "b.yaml"
    second.write_text("case: []\n", "utf-8")
    assert main(["test", "--lang", "en", str(POLICY), str(first), str(second)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    heads = [line.split(": error: ")[0] for line in err.splitlines() if ": error: " in line]
    assert heads == [f"{first}:4:5", f"{first}:10:5", f"{first}:11:5", f"{second}:1:1"]
    assert "sla: error" not in err


# -- 9. the test file first, in the policy's language -----------------------------------------------------------


@pytest.mark.parametrize(("languages", "said"), [("ja, en", "テストファイルです"), ("en", "is a test file")])
def test_test_files_first_are_refused_in_the_policy_s_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, languages: str, said: str
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.setenv(name, "ja_JP.UTF-8" if languages == "en" else "C")
    policy = tmp_path / "p.sla"
    policy.write_text(POLICY.read_text("utf-8").replace("languages ja, en", f"languages {languages}"), "utf-8")
    tests = tmp_path / "good.yaml"
    tests.write_text("cases: []\n", "utf-8")
    assert main(["test", str(tests), str(policy)]) == 2
    assert said in capsys.readouterr().err

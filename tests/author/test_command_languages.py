"""Every command that reads a policy speaks the policy's language about a bad one (issue 16).

A policy with ``languages ja, en`` and an error gets its diagnostics in Japanese from
``evaluate``, ``explain``, ``deadline``, ``maintenance``, ``calendar``, ``fmt``, ``diff``,
``test``, ``replay`` and ``serve``, as ``sla check`` does, with exit status 1; ``--lang en``
gives the English the commands always printed, byte for byte. A policy that declares no
languages, or whose header cannot be read, gets English unless ``--lang ja`` asks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EVENTS = str(ROOT / "examples" / "events-2026-11.jsonl")
TESTS = str(ROOT / "policies" / "tests")
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]
TYPO = ("respond within 4 business hours", "respond within 4 busness hours")

#: each command with POLICY where the bad policy goes
COMMANDS: dict[str, list[str]] = {
    "evaluate": ["evaluate", "POLICY", EVENTS, *MONTH],
    "explain": ["explain", "POLICY", EVENTS, "INC-054"],
    "deadline": ["deadline", "POLICY", "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00"],
    "maintenance": ["maintenance", "POLICY", "--from", "2026-11-01", "--to", "2026-12-01"],
    "calendar": ["calendar", "POLICY", "--month", "2026-11"],
    "diff": ["diff", str(POLICY), "POLICY"],
    "test": ["test", "POLICY", TESTS],
    "replay": ["replay", str(POLICY), "POLICY", EVENTS, *MONTH],
    "serve": ["serve", "POLICY", "--db", "sqlite:///DB"],
}


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The Click So-ko policy (``languages ja, en``) with a calendar name misspelt, and the line of it."""
    text = POLICY.read_text("utf-8")
    assert TYPO[0] in text and "languages ja, en" in text
    path = tmp_path_factory.mktemp("lang") / "clicksoko.sla"
    path.write_text(text.replace(*TYPO), "utf-8")
    return path, next(i for i, ln in enumerate(text.splitlines(), 1) if TYPO[0] in ln)


def _expected(path: Path, line: int, lang: str) -> str:
    source = f"{line} |   {TYPO[1]}\n{' ' * len(str(line))} |                  {'^' * 15}\n"
    if lang == "ja":
        head = "error: [E207] `busness` という名前のカレンダーはありません\n"
        return f"{path}:{line}:18: {head}{source}  ヒント: `business` の誤りではありませんか？\n"
    # what every command printed before issue 16, byte for byte
    return (
        f"{path}:{line}:18: error: [E207] no calendar is called `busness`\n{source}  help: did you mean `business`?\n"
    )


def _run(argv: list[str], policy: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    args = [str(policy) if a == "POLICY" else a.replace("DB", str(policy.parent / "serve.db")) for a in argv]
    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_japanese_policy_with_an_error_is_reported_in_japanese(
    command: str, bad: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = bad
    assert _run(COMMANDS[command], path, capsys) == (1, "", _expected(path, line, "ja"))
    assert _run([*COMMANDS[command], "--lang", "ja"], path, capsys) == (1, "", _expected(path, line, "ja"))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_lang_en_gives_the_english_byte_for_byte(
    command: str, bad: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = bad
    assert _run([*COMMANDS[command], "--lang", "en"], path, capsys) == (1, "", _expected(path, line, "en"))


def test_fmt_speaks_the_policys_language_to_the_end(
    bad: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = bad
    # a misspelt calendar is `sla check`'s to say: the text parses, so `sla fmt` formats it (it already is)
    assert _run(["fmt", "--check", "POLICY"], path, capsys) == (0, "", "0 件は整形が必要、1 件は変更なし\n")
    # a text that does not parse is left alone, its syntax error said in the policy's language to the end
    broken = tmp_path / "broken.sla"
    broken.write_text(path.read_text("utf-8").replace(TYPO[1], "respond within 4 business hurs"), "utf-8")
    code, out, ja = _run(["fmt", "POLICY"], broken, capsys)
    assert (code, out) == (1, "") and "error: [E011]" in ja and "ヒント" in ja
    assert ja.endswith(
        f"sla fmt: {broken}: 整形していません（ポリシーの構文を読めません）\n"
        "0 件を整形し、0 件は変更なし、1 件はエラー\n"
    )
    code, out, en = _run(["fmt", "--lang", "en", "POLICY"], broken, capsys)
    assert (code, out) == (1, "") and "error: [E011]" in en and "help" in en
    assert en.endswith(
        f"sla fmt: {broken}: not formatted (the policy does not parse)\n"
        "0 files reformatted, 0 left unchanged, 1 not formatted (errors)\n"
    )


def test_fmt_counts_in_the_first_policys_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ja = tmp_path / "ja.sla"
    ja.write_text(POLICY.read_text("utf-8").replace("\n  ", "\n      ", 1), "utf-8")  # unformatted
    code, _, err = _run(["fmt", "--check", "POLICY"], ja, capsys)
    assert (code, err) == (1, "1 件は整形が必要、0 件は変更なし\n")
    code, _, err = _run(["fmt", "--check", "--lang", "en", "POLICY"], ja, capsys)
    assert (code, err) == (1, "1 file would be reformatted, 0 left unchanged\n")


@pytest.mark.parametrize("command", ["evaluate", "deadline", "diff", "serve"])
def test_english_for_a_policy_without_languages_or_an_unreadable_header(
    command: str, bad: tuple[Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = bad
    undeclared = tmp_path / "undeclared.sla"
    undeclared.write_text(path.read_text("utf-8").replace("languages ja, en", ""), "utf-8")
    code, out, err = _run(COMMANDS[command], undeclared, capsys)
    assert (code, out) == (1, "") and "error: [E207] no calendar is called `busness`" in err
    code, out, err = _run([*COMMANDS[command], "--lang", "ja"], undeclared, capsys)
    assert (code, out) == (1, "") and "error: [E207]" in err
    unreadable = tmp_path / "unreadable.sla"
    unreadable.write_text('sla "T" {\n  languages ja, en\n  format one\n}\n', "utf-8")
    code, out, err = _run(COMMANDS[command], unreadable, capsys)
    assert (code, out) == (1, "") and "error: [E" in err and "エラー" not in err


def test_a_name_the_policy_does_not_declare_is_reported_in_its_language(capsys: pytest.CaptureFixture[str]) -> None:
    deadline = ["deadline", "POLICY", "--priority", "P9", "--from", "2026-11-27T16:00:00+09:00"]
    calendar = ["calendar", "POLICY", "--month", "2026-11", "--calendar", "nope"]
    ja = {
        "deadline": "sla: エラー: 優先度 `P9` はありません（このポリシーの優先度：P1、P2、P3）\n",
        "calendar": "sla: エラー: カレンダー `nope` はありません（このポリシーのカレンダー：business、always）\n",
    }
    en = {
        "deadline": "sla: error: unknown priority `P9` (this policy has P1, P2, P3)\n",
        "calendar": "sla: error: unknown calendar `nope` (this policy has business, always)\n",
    }
    for name, argv in (("deadline", deadline), ("calendar", calendar)):
        assert _run(argv, POLICY, capsys) == (2, "", ja[name])  # a flag's value: wrong usage
        assert _run([*argv, "--lang", "en"], POLICY, capsys) == (2, "", en[name])


def test_explain_of_an_unknown_id_says_error_in_the_policys_language(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["explain", "POLICY", EVENTS, "NOPE", *MONTH]
    code, out, err = _run(argv, POLICY, capsys)
    assert (code, out, err) == (1, "", "sla: エラー: イベントログに `NOPE` のイベントがありません\n")
    code, out, err = _run([*argv, "--lang", "en"], POLICY, capsys)
    assert (code, out, err) == (1, "", "sla: error: the event log has no events about `NOPE`\n")


@pytest.mark.parametrize(
    ("args", "ja", "en"),
    [
        (
            ["calendar", str(POLICY), "--month", "2026-13"],
            "sla: エラー: `--month` の `2026-13` は月ではありません"
            "（`YYYY-MM` の形で、例えば `2026-09` と書いてください）\n",
            "sla: error: --month `2026-13` is not a month (write YYYY-MM, e.g. `2026-09`)\n",
        ),
        (
            ["calendar", str(POLICY), "--month", "2301-01"],
            "sla: エラー: `--month` の `2301-01` は扱える年（1900 年から 2200 年まで）の外です。"
            "1900-01 から 2200-12 までの月を書いてください\n",
            "sla: error: --month `2301-01` is outside the supported years, 1900 to 2200 "
            "(write a month from 1900-01 to 2200-12)\n",
        ),
        (
            ["deadline", str(POLICY), "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00", "--attribute", "x"],
            "sla: エラー: `--attribute` の `x` は `NAME=VALUE` の形ではありません\n"
            "ヒント: 例えば `--attribute plan=premium` と書いてください\n",
            "sla: error: --attribute `x` is not NAME=VALUE\nhelp: write e.g. `--attribute plan=premium`\n",
        ),
        (
            ["evaluate", str(POLICY), EVENTS, *MONTH, "--output", str(ROOT)],
            f"sla: エラー: `--output` の `{ROOT}` はディレクトリです。レポートを書くファイルを指定してください\n",
            f"sla: error: --output `{ROOT}` is a directory: give the file to write the report into\n",
        ),
    ],
)
def test_a_bad_option_value_is_said_in_the_policys_language(
    args: list[str], ja: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert capsys.readouterr().err == ja
    assert main([*args, "--lang", "en"]) == 2
    assert capsys.readouterr().err == en

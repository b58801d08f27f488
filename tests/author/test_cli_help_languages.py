"""``sla``'s help and usage errors in Japanese and English.

The help of ``sla`` and of every subcommand, and the usage errors argparse raises, are worded from
the catalogue (``cli.help.*``) in the language of :func:`~sla_dsl.cli.langs.help_lang`: ``--lang
ja|en`` anywhere before a ``--``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``). The
English is what argparse always printed, byte for byte; the Japanese lists the same options and
holds no English word outside the names a person types (options, metavars, choices, backticks).
The suite runs in the C locale (``tests/conftest.py``): each test here sets Japanese itself.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.cli import main
from sla_dsl.cli.app import COMMANDS, build_parser
from sla_dsl.cli.langs import help_lang
from sla_dsl.cli.parsing import USAGE_ERRORS, parser_class, usage_error, wrap
from sla_dsl.i18n import message
from sla_dsl.i18n.width import display_width

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "clicksoko.sla")
#: ``sla``'s own help, then every subcommand's
HELPS = [[], *[[c] for c in ("check", *COMMANDS)]]
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
#: Latin words a Japanese help may show outside backticks: abbreviations Japanese writes in Latin letters
ABBREVIATIONS = {"ID", "SLA", "ISO", "JSON", "MiB", "iCalendar"}


@pytest.fixture(autouse=True)
def _width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps to COLUMNS - 2


def _sla(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``sla argv`` in this process: exit code, stdout, stderr (``--help`` exits through SystemExit)."""
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def _help(command: list[str], lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = _sla([*command, "--help", "--lang", lang], capsys)
    assert (code, err) == (0, "")
    return out


# ---- the help --------------------------------------------------------------------------------------


def entries(text: str) -> list[str]:
    """What a help lists, in order: the first column of each entry (``--from TIME``, ``POLICY``, ``check``)."""
    return re.findall(r"^(?: {2}| {4})(\S+(?: \S+)*)", text, re.M)


def usage(text: str) -> str:
    """The usage of a help, after its prefix, its spaces collapsed (its lines indent as far as the prefix)."""
    block = text.split("\n\n")[0]
    return " ".join(block.split(None, 1)[1].split()) if block.startswith("usage") else " ".join(block.split()[1:])


def known_words(command: list[str]) -> set[str]:
    """The Latin words of what a person types: option names, metavars, choices, command names."""
    parser = build_parser(command[0] if command else None, lang="ja")
    parsers = [parser]
    names: list[str] = ["sla"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            names += list(action.choices)
            parsers += [action.choices[c] for c in command]
    for p in parsers:
        for action in p._actions:
            names += action.option_strings
            names += [str(action.metavar or ""), *map(str, action.choices or ())]
    return {w for name in names for w in re.findall(r"[A-Za-z]+", name)}


def english_words(text: str, command: list[str]) -> set[str]:
    """Latin words of a help outside its usage, its entries' first column and backticks, that are neither
    what a person types nor an abbreviation Japanese writes in Latin letters."""
    body = text.split("\n\n", 1)[1]
    body = re.sub(r"^(?: {2}| {4})\S+(?: \S+)*", "", body, flags=re.M)
    body = re.sub(r"`[^`]*`", "", body)
    return set(re.findall(r"[A-Za-z]+", body)) - known_words(command) - ABBREVIATIONS


@pytest.mark.parametrize("command", HELPS, ids=lambda c: " ".join(["sla", *c]))
def test_the_help_in_japanese_lists_what_the_english_does(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    ja, en = _help(command, "ja", capsys), _help(command, "en", capsys)
    assert ja.startswith("使用法: sla") and en.startswith("usage: sla")
    assert usage(ja) == usage(en)
    assert entries(ja) == entries(en)
    assert entries(en), en
    assert english_words(ja, command) == set(), ja
    assert "位置引数:" in ja or "positional arguments:" not in en
    assert "オプション:\n  -h, --help" in ja and "このヘルプを表示して終了します" in ja
    for line in ja.splitlines():  # wrapped by display width: a kanji takes two columns
        assert display_width(line) <= 78 or " " not in line.strip(), line


@pytest.mark.parametrize("width", range(16, 61))  # (its widest unbreakable unit takes 15)
def test_japanese_is_wrapped_by_width_never_inside_a_quote(width: int) -> None:
    text = "違いの有無によらず終了コードは 0 です（`--exit-code` を付けると、`git diff` と同じく違いがあるとき 1）。"
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # (a space where a line breaks is dropped)
    assert all(display_width(line) <= width for line in lines), lines
    assert any("`git diff`" in line for line in lines) and not any(line[0] in "、。）" for line in lines)
    assert not any(line.endswith("（") for line in lines)


@pytest.mark.parametrize("command", HELPS, ids=lambda c: " ".join(["sla", *c]))
def test_the_english_help_is_the_locales_and_argparses_own(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--lang en`` and the C locale print the same help, with argparse's own English words."""
    code, plain, _ = _sla([*command, "--help"], capsys)
    assert code == 0 and plain == _help(command, "en", capsys)
    assert plain.startswith("usage: sla") and not JAPANESE.search(plain)
    assert "options:\n  -h, --help" in plain and "show this help message and exit" in plain


def test_the_checker_finds_english_in_a_help(capsys: pytest.CaptureFixture[str]) -> None:
    """The check above can fail: the English help has words no Japanese help may show."""
    words = english_words(_help(["evaluate"], "en", capsys), ["evaluate"])
    assert {"judge", "instant", "period", "policy"} <= words


def test_sla_help_and_version_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    ja = _help([], "ja", capsys)
    assert "SLA ポリシーを検査し、イベントログをポリシーに照らして判定します。" in ja
    assert "  --version    バージョンを表示して終了します\n" in ja
    assert "    evaluate   期間内のイベントログをポリシーに照らして判定します\n" in ja
    assert "--lang" not in ja  # `sla --lang ja COMMAND` is accepted, and not shown


def test_the_engineers_page_shows_the_english_help(monkeypatch: pytest.MonkeyPatch) -> None:
    from sla_dsl.docs.schema import cli_markdown

    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    page = cli_markdown()
    assert "usage: sla evaluate" in page and not JAPANESE.search(page)


# ---- usage errors ----------------------------------------------------------------------------------

#: Every usage error argparse can raise on ``sla``'s parsers: (arguments, the key, argparse's English)
SLA_ERRORS = [
    ([], "required", "sla: error: the following arguments are required: COMMAND"),
    (["evaluate", "p", "e"], "required", "sla evaluate: error: the following arguments are required: --from, --to"),
    (["check", POLICY, "--bogus"], "unrecognized", "sla: error: unrecognized arguments: --bogus"),
    (
        ["nope"],
        "invalid_choice",
        "sla: error: argument COMMAND: invalid choice: 'nope' (choose from 'check', 'deadline', 'maintenance', "
        "'calendar', 'evaluate', 'explain', 'fmt', 'diff', 'replay', 'test', 'lsp', 'serve')",
    ),
    (
        ["evaluate", "p", "e", "--from", "a", "--to", "b", "--format", "xml"],
        "invalid_choice",
        "sla evaluate: error: argument --format: invalid choice: 'xml' "
        "(choose from 'text', 'json', 'markdown', 'html', 'parquet', 'pdf')",
    ),
    (
        ["evaluate", "p", "e", "--to", "b", "--from"],
        "expected_one",
        "sla evaluate: error: argument --from: expected one argument",
    ),
    (
        ["evaluate", "p", "e", "--from", "a", "--to", "b", "--no"],
        "ambiguous",
        "sla evaluate: error: ambiguous option: --no could match --no-walk, --no-trend",
    ),
    (
        ["evaluate", "p", "e", "--from", "a", "--to", "b", "--quiet=yes"],
        "ignored_explicit",
        "sla evaluate: error: argument --quiet: ignored explicit argument 'yes'",
    ),
    # the command's own types: argparse's `argument FLAG: ` before their words
    (
        ["evaluate", "p", "e", "--from", "a", "--to", "b", "--limit", "many"],
        "argument",
        "sla evaluate: error: argument --limit: `many` is not a whole number",
    ),
    (
        ["evaluate", "p", "e", "--from", "a", "--to", "b", "--limit", "-1"],
        "argument",
        "sla evaluate: error: argument --limit: `-1` is negative",
    ),
    (["serve", "p", "--port", "0"], "argument", "sla serve: error: argument --port: `0` is out of range"),
]
#: ... and in Japanese, as they should read
SLA_ERRORS_JA = [
    "sla: エラー: 次の引数を指定してください：COMMAND",
    "sla evaluate: エラー: 次の引数を指定してください：--from, --to",
    "sla: エラー: 解釈できない引数があります：--bogus",
    "sla: エラー: 引数 COMMAND：'nope' は選べません（'check', 'deadline', 'maintenance', 'calendar', 'evaluate', "
    "'explain', 'fmt', 'diff', 'replay', 'test', 'lsp', 'serve' から選んでください）",
    "sla evaluate: エラー: 引数 --format：'xml' は選べません（'text', 'json', 'markdown', 'html', 'parquet', 'pdf' "
    "から選んでください）",
    "sla evaluate: エラー: 引数 --from：値を一つ指定してください",
    "sla evaluate: エラー: オプション --no があいまいです（--no-walk, --no-trend のどれにも当たります）",
    "sla evaluate: エラー: 引数 --quiet：値を取りません（'yes' が指定されています）",
    "sla evaluate: エラー: 引数 --limit：`many` は整数ではありません",
    "sla evaluate: エラー: 引数 --limit：`-1` は負の数です",
    "sla serve: エラー: 引数 --port：`0` は範囲外です",
]
CASES = [(*case, ja) for case, ja in zip(SLA_ERRORS, SLA_ERRORS_JA, strict=True)]


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """The usage and the error line ``sla argv`` prints (exit 2, nothing on stdout)."""
    code, out, err = _sla(argv, capsys)
    assert (code, out) == (2, ""), err
    *shown, last = err.rstrip("\n").split("\n")
    return "\n".join(shown), last


@pytest.mark.parametrize(("argv", "key", "english", "japanese"), CASES, ids=[c[1] for c in CASES])
def test_a_usage_error_in_japanese_and_english(
    argv: list[str],
    key: str,
    english: str,
    japanese: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown_en, said_en = _error(argv, capsys)
    assert said_en == english  # argparse's own, unchanged
    assert shown_en.startswith("usage: sla")
    prog, _, text = english.partition(": error: ")
    assert usage_error(text, "ja") != text, "argparse's message matches no template"
    assert _error(["--lang", "en", *argv], capsys) == (shown_en, said_en)
    for way in ("--lang", "locale"):
        if way == "--lang":
            said = _error(["--lang", "ja", *argv], capsys)
        else:
            monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
            said = _error(argv, capsys)
            monkeypatch.setenv("LC_ALL", "C.UTF-8")
        shown_ja, said_ja = said
        assert said_ja == japanese, way
        if key != "argument":  # (the command's own types word their refusal in the parser's language)
            assert said_ja == f"{prog}: エラー: {usage_error(text, 'ja')}"
        assert " ".join(shown_ja.split()[1:]) == " ".join(shown_en.split()[1:]) and shown_ja.startswith("使用法: sla")
        quoted = re.sub(r"'[^']*'|`[^`]*`|--?[\w-]+|COMMAND", "", said_ja.partition(": エラー: ")[2])
        assert not re.search(r"[A-Za-z]", quoted), said_ja


def test_a_lang_after_the_command_counts_too(capsys: pytest.CaptureFixture[str]) -> None:
    _, said = _error(["evaluate", "p", "e", "--lang", "ja"], capsys)
    assert said == "sla evaluate: エラー: 次の引数を指定してください：--from, --to"


def _argparse_error(parser: argparse.ArgumentParser, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        parser.parse_args(argv)
    assert exc.value.code == 2
    return capsys.readouterr().err.rstrip("\n").split("\n")[-1]


def _demo(lang: str) -> argparse.ArgumentParser:
    """A parser of ``sla``'s class with what ``sla``'s own do not have: options that exclude each other,
    one that takes one or more values, one typed ``int``."""
    parser = parser_class(lang)(prog="demo")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--json", action="store_true")
    group.add_argument("--text", action="store_true")
    parser.add_argument("--days", nargs="+")
    parser.add_argument("--count", type=int)
    return parser


#: The usage errors ``sla``'s parsers cannot raise, raised by :func:`_demo`'s
DEMO_ERRORS = [
    (
        [],
        "one_of_required",
        "demo: error: one of the arguments --json --text is required",
        "demo: エラー: 引数 --json --text のどれかを指定してください",
    ),
    (
        ["--json", "--text"],
        "not_allowed_with",
        "demo: error: argument --text: not allowed with argument --json",
        "demo: エラー: 引数 --text：引数 --json と一緒には指定できません",
    ),
    (
        ["--json", "--days"],
        "expected_at_least_one",
        "demo: error: argument --days: expected at least one argument",
        "demo: エラー: 引数 --days：値を一つ以上指定してください",
    ),
    (
        ["--json", "--count", "x"],
        "invalid_value",
        "demo: error: argument --count: invalid int value: 'x'",
        "demo: エラー: 引数 --count：'x' は int の値として正しくありません",
    ),
]


@pytest.mark.parametrize(("argv", "key", "english", "japanese"), DEMO_ERRORS, ids=[c[1] for c in DEMO_ERRORS])
def test_the_other_usage_errors_of_argparse(
    argv: list[str], key: str, english: str, japanese: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _argparse_error(_demo("en"), argv, capsys) == english
    assert _argparse_error(_demo("ja"), argv, capsys) == japanese


def test_every_usage_error_is_produced_by_a_test() -> None:
    """Each template ``usage_error`` knows is one a test above produces for real (``argument`` by every
    error of one argument), and a message none matches is left as argparse wrote it."""
    produced = {key for _, key, *_ in SLA_ERRORS + DEMO_ERRORS} | {"argument"}
    assert produced == set(USAGE_ERRORS)
    assert usage_error("argument --x: expected 2 arguments", "ja") == "引数 --x：expected 2 arguments"
    assert usage_error("something else", "ja") == "something else"
    assert usage_error("unrecognized arguments: --x", "en") == "unrecognized arguments: --x"


def test_a_usage_error_with_a_japanese_locale_in_a_new_process() -> None:
    env = {**os.environ, "LC_ALL": "ja_JP.UTF-8"}
    res = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "evaluate"], capture_output=True, text=True, env=env, timeout=60
    )
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.startswith("使用法: sla evaluate [-h] --from TIME")
    assert res.stderr.endswith("sla evaluate: エラー: 次の引数を指定してください：POLICY, EVENTS, --from, --to\n")


# ---- the language rule -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        ([], {}, "en"),
        ([], {"LANG": "ja_JP.UTF-8"}, "ja"),
        ([], {"LANG": "ja"}, "ja"),
        ([], {"LANG": "en_US.UTF-8"}, "en"),
        ([], {"LC_ALL": "C.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),  # LC_ALL over LANG
        ([], {"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "C"}, "ja"),  # LC_MESSAGES over LANG
        ([], {"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, "en"),  # LC_ALL over LC_MESSAGES
        ([], {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ja_JP.eucJP"}, "ja"),  # empty ones are not set
        ([], {"LANGUAGE": "ja", "LANG": "C"}, "en"),  # GNU's LANGUAGE is not read
        (["evaluate", "--lang", "ja"], {"LC_ALL": "C"}, "ja"),  # --lang over all
        (["--lang=ja", "evaluate"], {}, "ja"),
        (["evaluate", "--lang", "en"], {"LC_ALL": "ja_JP.UTF-8"}, "en"),
        (["fmt", "--lang", "ja", "--lang", "en"], {}, "en"),  # the last, as argparse keeps it
        (["fmt", "--lang", "fr"], {"LANG": "ja_JP.UTF-8"}, "ja"),  # not a language: argparse says so
        (["fmt", "--", "--lang", "ja"], {}, "en"),  # after `--`: a file's name
        (["fmt", "--", "--lang=ja"], {"LANG": "en_US.UTF-8"}, "en"),
        (["fmt", "--lang"], {"LANG": "ja_JP.UTF-8"}, "ja"),
    ],
)
def test_the_language_of_help_and_usage_errors(argv: list[str], environ: dict[str, str], lang: str) -> None:
    assert help_lang(argv, environ) == lang


@pytest.mark.parametrize(
    ("environ", "argv", "japanese"),
    [
        ({"LC_ALL": "", "LC_MESSAGES": "ja_JP.UTF-8"}, ["--help"], True),
        ({"LC_ALL": "", "LANG": "ja_JP.UTF-8"}, ["check", "--help"], True),
        ({"LC_ALL": "C.UTF-8", "LANG": "ja_JP.UTF-8"}, ["check", "--help"], False),
        ({"LC_ALL": "ja_JP.UTF-8"}, ["fmt", "--help", "--lang", "en"], False),
        ({"LC_ALL": "C.UTF-8"}, ["--lang", "ja", "--help"], True),
        ({"LC_ALL": "C.UTF-8"}, ["fmt", "--help", "--", "--lang", "ja"], False),
    ],
)
def test_the_rule_as_sla_follows_it(
    environ: dict[str, str],
    argv: list[str],
    japanese: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    code, out, _ = _sla(argv, capsys)
    assert code == 0
    assert out.startswith("使用法: " if japanese else "usage: ")


def test_sla_lang_before_the_command_is_the_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``sla --lang en check POLICY`` is ``sla check --lang en POLICY``: the diagnostics of a Japanese
    policy in English."""
    bad = tmp_path / "bad.sla"
    bad.write_text(Path(POLICY).read_text("utf-8").replace("  hours business", "  hours busness", 1), "utf-8")
    code, _, japanese = _sla(["check", str(bad)], capsys)
    assert code == 1 and JAPANESE.search(japanese)
    code, _, english = _sla(["--lang", "en", "check", str(bad)], capsys)
    assert code == 1 and not JAPANESE.search(english)
    assert english == _sla(["check", "--lang", "en", str(bad)], capsys)[2]
    assert f": {message('diag.word.error', 'en')}: [E" in english


@pytest.mark.parametrize(
    ("argv", "english", "japanese"),
    [
        (
            ["evaluate", POLICY, "a.jsonl", POLICY, "b.jsonl", "--from", "2026-01-01", "--to", "2026-02-01"],
            "`a.jsonl` (path 2) is an event log where a policy is expected: `sla evaluate` judges one event log "
            "per run, given after the policies (`POLICY [POLICY ...] EVENTS`); merge the logs into one first "
            "(`cat a.jsonl b.jsonl > all.jsonl`), or put Parquet files in one directory and give it as EVENTS",
            "ポリシーの位置にあります",
        ),
    ],
)
def test_a_commands_own_refusal_before_a_policy_is_read(
    argv: list[str], english: str, japanese: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An event log among the policies: in the help's language (``--lang``, else the locale). (A webhook that is
    no web address is refused in the policy's language, as every refusal of ``sla serve``'s start:
    tests/serve/test_start_refusals.py.)"""
    code, _, err = _sla(argv, capsys)
    assert (code, err.strip()) == (2, f"sla: error: {english}")
    code, _, err = _sla([*argv, "--lang", "ja"], capsys)
    assert code == 2 and err.startswith("sla: エラー: ") and japanese in err and "expected" not in err
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    code, _, again = _sla(argv, capsys)
    assert (code, again) == (2, err)


def test_the_token_file_refused_in_japanese(tmp_path: Path) -> None:
    from sla_dsl.cli.serve import read_token
    from sla_dsl.errors import InputError

    short = tmp_path / "token"
    short.write_text("abc\n", "utf-8")
    for lang, said in (
        ("en", "the token must be at least 16 characters"),
        ("ja", "トークンは16文字以上にしてください"),
    ):
        with pytest.raises(InputError) as caught:
            read_token(str(short), lang)
        assert str(caught.value) == f"{short}: {said}" and caught.value.lang == lang
    with pytest.raises(InputError, match="トークンのファイルを読めません"):
        read_token(str(tmp_path / "missing"), "ja")


@pytest.mark.parametrize("command", [["check"], ["evaluate", "--from", "2026-01-01", "--to", "2026-02-01"]])
def test_a_policy_with_no_header_to_read_is_refused_in_the_locales_language(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing or empty policy file declares no language: its problems follow the help's (the locale's,
    unless --lang); a policy whose header is read keeps its own (tested elsewhere)."""
    empty = tmp_path / "empty.sla"
    empty.write_text("", "utf-8")
    for policy, english, japanese in (
        (tmp_path / "missing.sla", "[E001] no such file", "[E001] そのようなファイルはありません"),
        (empty, "[E217] the policy has no `sla` header", "[E217] ポリシーに `sla` ヘッダーがありません"),
    ):
        paths = [str(policy), *([str(tmp_path / "events.jsonl")] if command[0] == "evaluate" else [])]
        argv = [command[0], *paths, *command[1:]]
        code, _, err = _sla(argv, capsys)
        assert code == 1 and english in err, err
        monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
        code, _, err = _sla(argv, capsys)
        assert code == 1 and japanese in err, err
        code, _, err = _sla([*argv, "--lang", "en"], capsys)
        assert code == 1 and english in err, err
        monkeypatch.setenv("LC_ALL", "C.UTF-8")

"""The authors' tools and the policy loader speak the policy's primary language (issue 16).

``sla test`` (its PASS/FAIL lines, counts, findings and malformed-file errors), ``sla replay``'s
summary, ``sla fmt``'s "cannot write", the language server's "cannot format" and internal
errors, the loader's refusals (a directory without policies, two versions on one day) and the
compiled policy's (an attribute or value it does not declare) are Japanese for a
``languages ja, en`` policy, with no English word outside backticks and ids, and with
``--lang en`` exactly the English they always printed. Each test fails on the code before:
it printed the English whatever the policy declared.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_policytest import FAILING as POLICYTEST_FAILING

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
#: Latin words a Japanese line may hold outside backticks: ids and abbreviations it shows as they are
IDS = {
    "P",
    "INC",
    "OUT",
    "SLA",
    "YAML",
    "Click",
    "So",
    "ko",
    "recovery",
    "E",
    "sla",
    "error",
}  # `error`: the contract's token

FAILING = (
    POLICYTEST_FAILING
    + """\
  - name: hours
    business_time: {from: "2026-11-27T16:00:00+09:00", to: "2026-11-30T12:00:00+09:00"}
    expect: 5
"""
)


def english_words(text: str, *paths: Path) -> set[str]:
    """Latin words outside backticks, paths and ISO times, less the ids a line may show."""
    for p in paths:
        text = text.replace(str(p), "")
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:+]+", "", text)
    return set(re.findall(r"[A-Za-z]+", text)) - IDS


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_sla_test_results_in_japanese_and_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "failing.yaml"
    path.write_text(FAILING, "utf-8")
    code, out, _ = _run(["test", str(POLICY), str(path)], capsys)
    assert code == 1
    assert f"失敗：{path}:2：wrong deadline\n" in out
    assert "    `deadline`：期待 2026-11-27T20:00:00+09:00、実際 2026-11-30T12:00:00+09:00\n" in out
    assert "    定期メンテナンスの時間帯が違います（- 期待、+ 実際）：\n" in out
    assert "    `incidents` の `INC-1` の `status`：期待 `met`、実際 `breached`\n" in out
    assert "    `incidents` の `INC-9`：レポートにありません。レポートにあるキー：`INC-1`\n" in out
    assert "    `business_time`：期待 5 時間、実際 4 時間\n" in out
    assert out.endswith("成功：0/4\n失敗：4/4\n")
    names = {"wrong", "deadline", "window", "verdict", "hours"}  # the cases' own names
    assert english_words(out, path) - names == set()
    code, out, _ = _run(["test", "--lang", "en", str(POLICY), str(path)], capsys)
    assert code == 1
    assert out == (
        f"FAIL: {path}:2: wrong deadline\n"
        "    deadline: expected 2026-11-27T20:00:00+09:00, got 2026-11-30T12:00:00+09:00\n"
        f"FAIL: {path}:5: wrong window\n"
        "    maintenance windows differ (- expected, + actual):\n"
        "      - 2026-11-19T22:00:00+09:00/2026-11-20T00:00:00+09:00\n"
        "      + 2026-11-26T22:00:00+09:00/2026-11-27T00:00:00+09:00\n"
        f"FAIL: {path}:8: wrong verdict\n"
        "    incidents INC-1 status: expected `met`, got `breached`\n"
        "    incidents INC-9: expected in the report, but it is not there; the report has `INC-1`\n"
        f"FAIL: {path}:15: hours\n"
        "    business_time: expected 5 hours, got 4\n" + "-" * 72 + "\nPASS: 0/4\nFAIL: 4/4\n"
    )


@pytest.mark.parametrize(
    ("text", "ja", "en"),
    [
        (
            "cases:\n  - name: x\n    expect: 1\n",
            ": error: [E160] ケース `x` は `deadline`、`maintenance`、`business_time`、`add_business_time`、`events`、"
            "`events_file` のどれか一つだけを問うてください\n  ヒント: 例：",
            ":2: error: [E160] case `x` must ask exactly one of deadline, maintenance, business_time, "
            "add_business_time, events, events_file\n  help: e.g. ",
        ),
        (
            "cases:\n  - name: x\n    maintenance: {from: 2026-12-01, to: 2026-11-01}\n    expect: []\n",
            ": error: [E163] ケース `x`：定期メンテナンスの範囲が逆です：`to`（2026-11-01T00:00:00+09:00）が "
            "`from`（2026-12-01T00:00:00+09:00）より後ではありません\n"
            "  ヒント: `from` と `to` を入れ替えてください\n",
            ": error: [E163] case `x`: the maintenance range is reversed: `to` (2026-11-01T00:00:00+09:00) is not "
            "after `from` (2026-12-01T00:00:00+09:00)\n  help: swap `from` and `to`\n",
        ),
        ("cases: [\n", ": error: [E160] YAML として読めません：`", ": error: [E160] invalid YAML: expected"),
        (
            "cases:\n  - name: x\n"
            '    deadline: {priority: P1, from: "2026-11-27T00:00:00+09:00", attributes: {plan: gold}}\n'
            "    expect: 1\n",
            ": error: [E162] ケース `x`：属性 `plan` はありません\n  ヒント: このポリシーは属性を宣言していません\n",
            ": error: [E162] case `x`: unknown attribute `plan`\n  help: the policy declares no attributes\n",
        ),
    ],
)
def test_a_malformed_test_file_in_japanese_and_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, ja: str, en: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, "utf-8")
    code, out, err = _run(["test", str(POLICY), str(path)], capsys)
    # in the located error's own frame, as `sla check`'s diagnostics (no `sla: エラー:` before it)
    assert (code, out) == (1, "") and err.startswith(f"{path}:") and ja in err, err
    assert english_words(err, path) == set(), err
    code, out, err = _run(["test", "--lang", "en", str(POLICY), str(path)], capsys)
    assert (code, out) == (1, "") and err.startswith(f"{path}:") and en in err, err


def test_directories_without_files_in_the_language_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _run(["test", str(POLICY), str(empty)], capsys) == (
        1,
        "",
        f"sla: エラー: {empty}：ディレクトリにテストファイル（`.yaml`）がありません\n",
    )
    assert _run(["test", "--lang", "en", str(POLICY), str(empty)], capsys)[2] == (
        f"sla: error: {empty}: directory holds no .yaml test file\n"
    )
    # a directory of policy versions holds no policy to read a language from: --lang, else English
    argv = ["evaluate", str(empty), str(EVENTS), "--from", "2026-11-01", "--to", "2026-12-01"]
    assert _run(argv, capsys)[2] == f"sla: error: {empty}: directory holds no .sla policy file\n"
    assert _run([*argv, "--lang", "ja"], capsys)[2] == (
        f"sla: エラー: {empty}：ディレクトリにポリシーファイル（`.sla`）がありません\n"
    )


def test_two_versions_on_one_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    text = POLICY.read_text("utf-8")
    (versions / "a.sla").write_text(text, "utf-8")
    (versions / "b.sla").write_text(text.replace('version "2026.1"', 'version "2026.2"'), "utf-8")
    a, b = versions / "a.sla", versions / "b.sla"
    argv = ["evaluate", str(versions), str(EVENTS), "--from", "2026-11-01", "--to", "2026-12-01"]
    assert _run(argv, capsys) == (
        1,
        "",
        f"sla: エラー: {b}:10:3：[E304] 版 2026.2 の適用開始日 2026年4月1日(水) は、`{a}`（版 2026.1）"
        "と同じ日です\nヒント: その日から適用される版がファイルの順で決まってしまいます。"
        "版 2026.2 が新しい版なら、`effective 2026-04-02` 以降の日付を書くか、どちらかの版を外してください\n",
    )
    assert _run([*argv, "--lang", "en"], capsys)[2].startswith(
        f"sla: error: {b}:10:3: [E304] version 2026.2 takes effect on 2026-04-01, the same day as `{a}` "
        "(version 2026.1)\n"
        "help: "
    )


def test_an_attribute_the_policy_does_not_declare(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", str(POLICY), "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00"]
    code, out, err = _run([*argv, "--attribute", "plan=gold"], capsys)
    assert (code, out, err) == (
        2,
        "",
        "sla: エラー: 属性 `plan` はありません\nヒント: このポリシーは属性を宣言していません\n",
    )
    assert _run([*argv, "--attribute", "plan=gold", "--lang", "en"], capsys)[2] == (
        "sla: error: unknown attribute `plan`\nhelp: the policy declares no attributes\n"
    )


def test_a_value_or_rule_the_policy_does_not_have_in_japanese() -> None:
    from sla_dsl import load_policy
    from sla_dsl.errors import InputError

    plans = load_policy(ROOT / "policies" / "examples" / "plans.sla")
    with pytest.raises(InputError) as info:
        plans.priority("P1", {"plan": "gold"}, "ja")
    assert (
        str(info.value) == ("属性 `plan` に値 `gold` はありません\nヒント: 値は `standard`、`premium` です")
        and info.value.lang == "ja"
    )
    with pytest.raises(InputError) as info:
        plans.priority("P1", {"plan": "gold"})  # plans.sla declares no languages: English
    assert str(info.value) == "attribute `plan` has no value `gold`\nhelp: its values are `standard`, `premium`"
    with pytest.raises(KeyError) as missing:
        plans.priority("P9", {"plan": "premium"}, "ja")
    assert missing.value.args[0] == "優先度 `P9` はありません（このポリシーの優先度：P1、P2）"


def _shorter_p1(tmp_path: Path) -> Path:
    new = tmp_path / "new.sla"
    new.write_text(
        POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 2 business hours")
    )
    return new


def test_replay_in_japanese_and_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "replay",
        str(POLICY),
        str(_shorter_p1(tmp_path)),
        str(EVENTS),
        "--from",
        "2026-11-01",
        "--to",
        "2026-12-01",
    ]
    code, ja, _ = _run(argv, capsys)
    assert code == 0
    assert ja.startswith("再判定 Click So-ko 2026.1 → 2026.1：2026年11月1日(日) 00:00 〜 ")
    assert "\n判定が変わる案件：\n  INC-003 P1 優先度１：達成 → 未達（期限 2026年11月5日(木) 11:30 → " in ja
    assert "\n案件の判定：" in ja and "未達 10 件 → " in ja
    assert english_words(ja) == set(), english_words(ja)
    code, en, _ = _run([*argv, "--lang", "en"], capsys)
    assert en.startswith("replay Click So-ko 2026.1 -> 2026.1: Sun 1 Nov 2026 00:00 to ")
    assert (
        "\nincidents whose verdict changes:\n  INC-003 P1 Priority 1: met -> breached (due Thu 5 Nov 2026 11:30 -> "
        in en
    )
    assert "\nincident statuses: " in en


def test_fmt_that_cannot_write_says_so_in_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sla_dsl.files

    def refuse(path: Any, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sla_dsl.files, "write_atomic", refuse)
    target = tmp_path / "p.sla"
    target.write_text(POLICY.read_text("utf-8").replace("\n  ", "\n      "), "utf-8")  # unformatted
    code, _, err = _run(["fmt", str(target)], capsys)
    assert code == 1
    # the system's reason in Japanese, as sla evaluate words it (events.os.*)
    assert f"sla fmt: {target}: 書き込めません：ディスクに空きがありません。ファイルは変更していません\n" in err
    code, _, err = _run(["fmt", "--lang", "en", str(target)], capsys)
    assert f"sla fmt: {target}: cannot write: No space left on device; the file is unchanged\n" in err


def test_the_language_server_refuses_in_the_documents_language(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pygls")
    from sla_dsl.authoring import lsp

    # a syntax error (formatting refuses only a text that does not parse, as `sla fmt`)
    broken = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within business hours")
    with pytest.raises(lsp.RequestFailed) as info:
        lsp.format_edits(broken)
    said = str(info.value)
    assert said.startswith("整形できません：文書に構文エラーがあります。") and "`business` はここには書けません" in said
    english = re.sub(r"\n  languages ja, en[^\n]*", "", broken)
    with pytest.raises(lsp.RequestFailed) as info:
        lsp.format_edits(english)
    assert str(info.value).startswith("cannot format: the document has a syntax error at line ")
    docs = lsp.Documents()
    docs.check("file:///ja.sla", POLICY.read_text("utf-8"))

    def crash(text: str, file: str = "<policy>") -> Any:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(lsp, "compile_text", crash)
    (d,) = docs.check("file:///ja.sla", POLICY.read_text("utf-8"))
    assert d.message == (
        "このポリシーの検査中に内部エラーが発生しました：`OverflowError: date value out of range`\n"
        "ヒント: `sla` の不具合です。ポリシーを添えて報告してください"
    )
    (d,) = docs.check("file:///never-checked.sla", "")
    assert d.message.startswith("internal error while checking this policy: OverflowError")

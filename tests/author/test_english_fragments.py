"""The last English fragments inside the authors' tools' Japanese (issue 16).

``sla test`` and ``sla replay`` word a violation as the report does (they quoted the
evaluator's English in backticks); a bad time in a test file or on the command line is
said in the command's language (it was English); a :class:`FormatError` is worded from
the catalogue (``sla fmt`` and the language server quoted its English); ``sla serve``
refuses a reloaded version on the day of one in use with the loader's words in the
policy's language. Every test reads a ``languages ja, en`` policy, scans the Japanese for
Latin words, backtick quotes holding a sentence included (where the old code put the
English), and checks ``--lang en`` against the English printed before, byte for byte.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from test_tool_languages import _run

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
#: Latin words a Japanese line may show: ids, abbreviations and the policy's own labels
IDS = {"P", "E", "INC", "SLA", "Click", "So", "ko", "sla", "AMI", "OS", "ISO", "error"}  # `error`: the contract's token

BREACH = """\
cases:
  - name: 違反なし
    period: {from: 2026-11-30, to: 2026-12-07}
    events:
      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-1, priority: P1}
      - {event: incident.responded, at: "2026-11-30T16:00:00+09:00", id: INC-1}
    expect:
      no_violations: [response_breached]
"""


def latin_words(text: str, *paths: Path) -> set[str]:
    """Latin words outside paths, ISO times and quoted names; a quoted sentence (with a space) counts."""
    for p in paths:
        text = text.replace(str(p), "")
    text = re.sub(r"`[^`\s]*`", "", text)  # a name, id, key or value as it is written
    text = re.sub(r'`\w+: "[^"`]*"`', "", text)  # a line of YAML to write (`from: "2026-11-27T16:00:00+09:00"`)
    text = re.sub(r"`[a-z]+ \d{4}-\d\d-\d\d`", "", text)  # a policy line to write (`effective 2026-04-02`)
    text = re.sub(r"\d{4}-\d\d-\d\d(T[\d:+]+)?", "", text)
    return set(re.findall(r"[A-Za-z]+", text)) - IDS


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_sla_test_words_a_violation_as_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "breach.yaml", BREACH)
    code, ja, _ = _run(["test", str(POLICY), str(path)], capsys)
    assert code == 1
    assert (
        "    `violations`：違反はないはずが `response_breached` `INC-1`："
        "P1 優先度１の応答期限 11月30日(月) 15:00 に対し 11月30日(月) 16:00 に応答（1:00 超過）\n"
    ) in ja
    assert latin_words(ja, path) == set(), latin_words(ja, path)
    code, en, _ = _run(["test", "--lang", "en", str(POLICY), str(path)], capsys)
    assert code == 1
    assert (
        "    violations: expected none, got response_breached INC-1: "
        "P1 response due Mon 30 Nov 15:00: responded Mon 30 Nov 16:00\n"
    ) in en


def _shorter_p1(tmp_path: Path) -> Path:
    text = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 2 business hours")
    return _write(tmp_path, "new.sla", text)


def test_replay_words_a_violation_as_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = _shorter_p1(tmp_path)
    argv = ["replay", str(POLICY), str(new), str(EVENTS), "--from", "2026-11-01", "--to", "2026-12-01"]
    code, ja, _ = _run(argv, capsys)
    assert code == 0
    assert (
        "\n違反：\n  + 応答目標の未達 INC-003："
        "P1 優先度１の応答期限 11月4日(水) 17:30 に対し 11月5日(木) 10:42 に応答（1:13 超過）\n"
    ) in ja
    assert latin_words(ja) == set(), latin_words(ja)
    code, en, _ = _run([*argv, "--lang", "en"], capsys)
    assert (
        "\nviolations:\n  + response target breached INC-003: "
        "P1 Priority 1 response due Wed 4 Nov 17:30: responded Thu 5 Nov 10:42 (1:13 late)\n" in en
    )
    # the JSON keeps the evaluator's message and no wording of its own
    code, doc, _ = _run([*argv, "--format", "json"], capsys)
    assert '"message": "P1 response due Wed 04 Nov 17:30: responded Thu 05 Nov 10:42"' in doc
    assert "worded" not in doc


TIMES = """\
cases:
  - name: naive
    deadline: {priority: P1, from: "2026-11-27T16:00:00"}
    expect: "2026-11-27T20:00:00+09:00"
"""


@pytest.mark.parametrize(
    ("value", "ja", "en"),
    [
        (
            "2026-11-27T16:00:00",
            "`from` の `2026-11-27T16:00:00` には時差がありません"
            "（ポリシーの時差を付けて `2026-11-27T16:00:00+09:00` と書いてください）\n"
            "  ヒント: 期限を計算するコマンドの `--from` と同じく、時差の付いた時刻を書いてください："
            '`from: "2026-11-27T16:00:00+09:00"`',
            "from `2026-11-27T16:00:00` has no UTC offset (write it with the policy's offset: "
            "`2026-11-27T16:00:00+09:00`)\n"
            "  help: write a time with its UTC offset, as `sla deadline --from` takes: "
            '`from: "2026-11-27T16:00:00+09:00"`',
        ),
        (
            "3000-01-01T10:00:00+09:00",
            "`from` の `3000-01-01T10:00:00+09:00` は扱える年（1900 年から 2200 年まで）の外です。"
            "1900-01-01 00:00 から 2201-01-01 00:00 までの時刻を書いてください",
            "from `3000-01-01T10:00:00+09:00` is outside the supported years, 1900 to 2200 "
            "(write a time from 1900-01-01 00:00 to 2201-01-01 00:00)",
        ),
        (
            "2026-11-27T16:00:00+25:00",
            "`from` の `2026-11-27T16:00:00+25:00` は `ISO 8601` 形式の時刻ではありません"
            "（例：`2026-11-27T17:30:00+09:00`）",
            "from `2026-11-27T16:00:00+25:00` is not an ISO 8601 time (write e.g. `2026-11-27T17:30:00+09:00`)",
        ),
        (
            "2026-13-01",  # (a `from` of `deadline` is an instant, as `sla deadline --from`: not a date either)
            "`from` の `2026-13-01` は `ISO 8601` 形式の時刻ではありません（例：`2026-11-27T17:30:00+09:00`）",
            "from `2026-13-01` is not an ISO 8601 time (write e.g. `2026-11-27T17:30:00+09:00`)",
        ),
    ],
)
def test_a_bad_time_in_a_test_file_in_the_language(
    value: str, ja: str, en: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "times.yaml", TIMES.replace("2026-11-27T16:00:00", value))
    code, _, err = _run(["test", str(POLICY), str(path)], capsys)
    assert code == 1
    # at the `from:` key of the question (line 3, column 30), in its own frame only (no `sla: エラー:`)
    assert err == f"{path}:3:30: error: [E162] ケース `naive`：{ja}\n"
    assert latin_words(err, path) == set(), latin_words(err, path)
    code, _, err = _run(["test", "--lang", "en", str(POLICY), str(path)], capsys)
    assert code == 1
    assert err == f"{path}:3:30: error: [E162] case `naive`: {en}\n"


def test_replay_time_arguments_in_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["replay", str(POLICY), str(POLICY), str(EVENTS), "--from", "2026-11-01T00:00", "--to", "2026-12-01"]
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert err == (
        "sla: エラー: `--from` の `2026-11-01T00:00` には時差がありません"
        "（ポリシーの時差を付けて `2026-11-01T00:00:00+09:00` と書いてください）\n"
    )
    code, _, err = _run([*argv, "--lang", "en"], capsys)
    assert code == 2
    assert err == (
        "sla: error: --from `2026-11-01T00:00` has no UTC offset (write it with the policy's offset: "
        "`2026-11-01T00:00:00+09:00`)\n"
    )


def _changed_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the formatter's layout change a token, so that its safety net refuses the result."""
    from sla_dsl.authoring import fmt

    render = fmt._Layout.render

    def broken(self: Any) -> str:
        return render(self).replace("P1", "P7", 1)

    monkeypatch.setattr(fmt._Layout, "render", broken)


def test_fmt_refuses_in_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _changed_tokens(monkeypatch)
    code, _, err = _run(["fmt", "--check", str(POLICY)], capsys)
    assert code == 1
    assert err == "sla: エラー: 整形でポリシーの字句が変わりました\n"
    code, _, err = _run(["fmt", "--check", "--lang", "en", str(POLICY)], capsys)
    assert code == 1
    assert err == "sla: error: formatting changed the tokens of the policy\n"


def test_format_error_words() -> None:
    from sla_dsl.authoring.fmt import FormatError, format_text

    with pytest.raises(FormatError) as info:
        format_text("sla \ud800", "ja")
    assert (
        str(info.value)
        == "このテキストは整形できません：テキストに正しくない文字があります（対になっていないサロゲート）"
    )
    assert info.value.lang == "ja"
    with pytest.raises(FormatError) as info:
        format_text("sla \ud800")
    assert str(info.value) == "cannot format this text: the text is not valid Unicode (a lone surrogate)"
    assert info.value.lang is None


def test_the_language_server_cannot_format_in_the_documents_language(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pygls")
    from sla_dsl.authoring import lsp

    _changed_tokens(monkeypatch)
    with pytest.raises(lsp.RequestFailed) as info:
        lsp.format_edits(POLICY.read_text("utf-8"))
    assert str(info.value) == "整形できません：整形でポリシーの字句が変わりました"
    english = re.sub(r"\n  languages ja, en[^\n]*", "", POLICY.read_text("utf-8"))
    with pytest.raises(lsp.RequestFailed) as info:
        lsp.format_edits(english)
    assert str(info.value) == "cannot format: formatting changed the tokens of the policy"


def test_serve_reload_on_the_day_of_a_version_in_use(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from sla_dsl.policy import load_policies
    from sla_dsl.serve import Settings
    from sla_dsl.serve.app import Service
    from sla_dsl.serve.tracking import FakeClock

    folder = tmp_path / "policies"
    folder.mkdir()
    text = POLICY.read_text("utf-8")
    _write(folder, "v1.sla", text)
    settings = Settings(db=f"sqlite:///{tmp_path / 'sla.db'}", policy_files=(str(folder),))
    service = Service(load_policies([str(folder)]), settings, FakeClock(1_796_000_000.0))

    def version(name: str) -> str:
        return text.replace('version "2026.1"', f'version "{name}"').replace(
            "effective 2026-04-01", "effective 2099-01-01"
        )

    service.add_policy(version("2099.1"))  # posted: known by its version only
    third = _write(folder, "v3.sla", version("2099.2"))
    with caplog.at_level(logging.ERROR, logger="sla.serve"):
        service.reload_files()
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("再読み込み：")]
    # (the set refused whole, located at its `effective` line, as `sla check` says it: tests/serve/test_versions_added)
    assert len(said) == 1 and said[0].startswith("再読み込み：ポリシーのファイルを読み直せませんでした。"), said
    located = (
        f"{third}:10:3：[E304] 版 2099.2 の適用開始日 2099年1月1日(木) は、使用中のポリシー（版 2099.1）と同じ日です"
    )
    assert located in said[0], said
    assert latin_words(said[0], third) == set()  # its prefix too is in the log's language
    service.store.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["explain", str(POLICY), str(EVENTS), "INC-001", "--as-of", "2026-11-40"],
        ["deadline", str(POLICY), "--priority", "P1", "--from", "2026-11-02T10:00"],
        ["maintenance", str(POLICY), "--from", "2026-13-01", "--to", "2027-01-01"],
    ],
    ids=["explain", "deadline", "maintenance"],
)
def test_a_bad_time_on_the_command_line_is_said_in_the_policys_language(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(argv, capsys)
    assert code == 2 and err.startswith("sla: エラー: "), err
    assert not latin_words(err), err
    code, _, err = _run([*argv, "--lang", "en"], capsys)
    assert code == 2 and err.startswith("sla: error: ") and err.isascii(), err


def test_explain_of_an_id_with_no_events_is_said_in_the_policys_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = _write(tmp_path, "e.jsonl", "")  # no event at all: no month to judge over
    code, _, err = _run(["explain", str(POLICY), str(events), "B"], capsys)
    assert code == 1 and "イベントログに `B` のイベントがありません" in err, err
    code, _, err = _run(["explain", str(POLICY), str(events), "B", "--lang", "en"], capsys)
    assert code == 1 and err == "sla: error: the event log has no events about `B`\n", err


@pytest.mark.parametrize(
    ("argv", "ja", "en"),
    [
        (
            ["evaluate", str(POLICY), str(EVENTS), "--from", "2026-12-01", "--to", "2026-11-01"],
            "期間が空です",
            "sla: error: the period is empty: `--to` must be after `--from`\n",
        ),
        (
            ["explain", str(POLICY), str(EVENTS), "INC-001", "--from", "2026-12-01", "--to", "2026-11-01"],
            "期間が空です",
            "sla: error: the period is empty: `--to` must be after `--from`\n",
        ),
        (
            ["evaluate", str(POLICY), str(EVENTS), "--from", "1950-01-01", "--to", "2150-01-01"],
            "一度に判定できる 10 年を超えています",
            "sla: error: the period from --from `1950-01-01T00:00:00+09:00` to --to `2150-01-01T00:00:00+09:00` is "
            "longer than 10 years, the most one evaluation judges (judge it in periods of at most 10 years)\n",
        ),
        (
            ["maintenance", str(POLICY), "--from", "2027-01-01", "--to", "2026-01-01"],
            "より後ではありません",
            "sla: error: --to `2026-01-01` is not after --from `2027-01-01`\n",
        ),
    ],
    ids=["evaluate-empty", "explain-empty", "evaluate-too-long", "maintenance-not-after"],
)
def test_a_bad_period_is_said_in_the_policys_language(
    argv: list[str], ja: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(argv, capsys)
    assert code == 2 and err.startswith("sla: エラー: ") and ja in err, err
    assert not latin_words(err), err
    code, _, err = _run([*argv, "--lang", "en"], capsys)
    assert code == 2 and err == en, err

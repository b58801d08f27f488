"""What PyYAML finds wrong in an ``sla test`` file is said in the command's language (E160).

The message kept PyYAML's English inside the Japanese one (``YAML として読めません：`expected ',' or
'}', but got '<scalar>'```), where the event logs' JSON errors are worded in Japanese. Now the
common problems are worded from the catalogue in both languages, saying where a ``[`` or a quote
was opened and what to write instead, and any other is a general Japanese sentence; every one keeps
its ``FILE:LINE:COL``. Each test fails on the code before: PyYAML's English was in the Japanese.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.authoring import testyaml
from sla_dsl.cli import main
from sla_dsl.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`

#: Latin words a Japanese message may show outside backticks: the format's name and the contract's frame.
LATIN_OK = {"YAML", "UTC", "E", "error"}

#: (test file, where, Japanese words, English words): one of each problem PyYAML finds
CASES = [
    pytest.param(
        'cases:\n  - name: x\n    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"\n'
        '    expect: "2026-11-30T12:00:00+09:00"\n',
        "4:5",
        "`{`（3 行目 15 文字目）の中で、`,` か `}` が来るはずのところに値があります",
        "expected `,` or `}` inside the `{` at line 3, column 15, but found a value",
        id="flow-mapping-not-closed",
    ),
    pytest.param(
        "cases:\n\t- name: x\n",
        "2:1",
        "タブ文字で字下げしたり、値を始めたりはできません\n  ヒント: 字下げには空白を使ってください",
        "a tab cannot indent a line or start a value\n  help: indent with spaces",
        id="tab",
    ),
    pytest.param(
        "cases: [\n",
        "2:1",
        "`[`（1 行目 8 文字目）が `]` で閉じられないまま、ファイルが終わっています",
        "expected `]` to close the `[` at line 1, column 8, but the file ends",
        id="flow-sequence-unclosed",
    ),
    pytest.param(
        "cases: [{name: x}\n",
        "2:1",
        "`[`（1 行目 8 文字目）が `]` で閉じられないまま",
        "expected `]` to close the `[` at line 1, column 8, but the file ends",
        id="flow-sequence-unclosed-after-an-item",
    ),
    pytest.param(
        'cases:\n  - name: "x\n',
        "3:1",
        '引用符 `"`（2 行目 11 文字目）が閉じられないまま、ファイルが終わっています\n'
        '  ヒント: 文字列の終わりに `"` を書いてください',
        'the quote `"` at line 2, column 11 is not closed before the end of the file\n  help: end the string with `"`',
        id="quote-unclosed",
    ),
    pytest.param(
        "cases:\n  - name: x: y\n",
        "2:12",
        "ここに `:` は書けません。値の中の `: ` は、キーの終わりとして読まれます",
        "a `:` is not allowed here: `: ` inside a value reads as the end of a key",
        id="mapping-value-not-allowed",
    ),
    pytest.param(
        "cases:\n  - name: x\n   deadline: 1\n",
        "3:4",
        "キーが、2 行目 3 文字目から始まるリストの続きとして読めません",
        "a key does not continue the list at line 2, column 3",
        id="indentation",
    ),
    pytest.param(
        "cases: 1\n- x\n",
        "2:1",
        "リストの項目（`-`）が、1 行目 1 文字目から始まるマッピングの続きとして読めません",
        "a list item (`-`) does not continue the mapping at line 1, column 1",
        id="block-end",
    ),
    pytest.param(
        'cases:\n  - name: "a\\qb"\n',
        "2:14",
        "二重引用符の文字列に、使えないエスケープ `\\q` があります",
        "unknown escape `\\q` in a double-quoted string",
        id="unknown-escape",
    ),
    pytest.param(
        'cases:\n  - name: "\\x4"\n',
        "2:14",
        "エスケープ `\\x` の後には 16 進数の数字が 2 桁必要です",
        "the escape `\\x` needs 2 hexadecimal digits",
        id="short-hex-escape",
    ),
    pytest.param(
        "cases:\n  - name: &a x\n    expect: &a y\n",
        "3:13",
        "アンカー `&a` が 2 回あります（最初は 2 行目 11 文字目）",
        "anchor `&a` is given twice (first at line 2, column 11)",
        id="duplicate-anchor",
    ),
    pytest.param(
        "cases:\n  - name: x\n    expect: *nowhere\n",
        "3:13",
        "エイリアス `*nowhere` の指すアンカー `&nowhere` が、それより前にありません",
        "alias `*nowhere` names no anchor `&nowhere` before it",
        id="undefined-alias",
    ),
    pytest.param(
        "cases: []\n---\ncases: []\n",
        "2:1",
        "1 つのファイルに文書が 2 つ以上あります",
        "expected a single document, but found another",
        id="two-documents",
    ),
    pytest.param(
        "cases:\n  - name: !secret x\n",
        "2:11",
        "タグ `!secret` は使えません",
        "tag `!secret` is not supported",
        id="tag",
    ),
    pytest.param(
        "cases:\n  - name: x\ny\n",
        "4:1",
        "3 行目 1 文字目から始まるキーの後に `:` がありません",
        "expected `:` after the key at line 3, column 1",
        id="key-without-colon",
    ),
    pytest.param(
        "cases:\n  - name: @admin\n",
        "2:11",
        "`@` で値を始めることはできません",
        "a value cannot start with `@`",
        id="reserved-character",
    ),
    pytest.param(
        "cases:\n  - name: x\x07\n",
        "2:12",
        "YAML に書けない文字 `U+0007` があります\n"
        '  ヒント: 制御文字は、二重引用符の中にエスケープで書いてください（例：`"\\u0007"`）',
        "character `U+0007` is not allowed in YAML",
        id="control-character",
    ),
    pytest.param(
        "cases:\n  - name: |0\n      x\n",
        "2:12",
        "この位置の書き方が YAML の文法に合いません",
        "expected indentation indicator in the range 1-9, but found 0",  # any other: PyYAML's own English
        id="any-other",
    ),
]


def _english(text: str, path: Path) -> set[str]:
    """Latin words of a Japanese message outside backticks and the file's name."""
    text = re.sub(r"`[^`]*`", "", text.replace(str(path), ""))
    return set(re.findall(r"[A-Za-z]+", text)) - LATIN_OK


@pytest.mark.parametrize(("text", "where", "ja", "en"), CASES)
def test_yaml_problems_in_japanese_and_english(tmp_path: Path, text: str, where: str, ja: str, en: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as info:
        testyaml.load(path, "ja")
    said = str(info.value)
    assert said.startswith(f"{path}:{where}: error: [E160] YAML として読めません：{ja}"), said
    assert _english(said, path) == set(), said
    with pytest.raises(InputError) as info:
        testyaml.load(path, "en")
    said = str(info.value)
    assert said.startswith(f"{path}:{where}: error: [E160] invalid YAML: {en}"), said


def test_the_command_says_it_in_the_policys_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("cases: [\n", "utf-8")
    assert main(["test", str(POLICY), str(path)]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        f"{path}:2:1: error: [E160] YAML として読めません："
        "`[`（1 行目 8 文字目）が `]` で閉じられないまま、ファイルが終わっています\n"
        "  ヒント: 最後の項目の後に `]` を書いてください\n",
    )
    assert main(["test", "--lang", "en", str(POLICY), str(path)]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        f"{path}:2:1: error: [E160] invalid YAML: "
        "expected `]` to close the `[` at line 1, column 8, but the file ends\n"
        "  help: write `]` after its last item\n",
    )

"""The problems of an event log in the command's language: Japanese for a Japanese policy, English with
``--lang en`` (and for the API, tools and ``sla serve``), worded from one catalogue entry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl import evaluate, load_policy
from sla_dsl.cli import main
from sla_dsl.docs.codes import codes_markdown
from sla_dsl.events.arrow import read_table
from sla_dsl.events.problems import EventInputError, EventSourceError, Problem
from sla_dsl.events.reader import json_detail
from sla_dsl.reader import read_events, read_text

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
POLICY = ROOT / "policies" / "clicksoko.sla"
CORPUS = [
    {**c, "line": c["line"] * c.get("repeat", 1)} for c in json.loads((HERE / "malformed.json").read_text("utf-8"))
]
GOOD = '{"event":"incident.responded","at":"2026-11-02T11:00:00+09:00","id":"INC-1"}'
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
#: Latin words a Japanese problem may hold outside backticks: formats, standards, units, the contract's `error`.
LATIN_OK = {"JSON", "CSV", "UTF", "ISO", "UTC", "Parquet", "Arrow", "IPC", "MiB", "KiB", "error", "E"}


def _english_left(ja: str, where: str) -> set[str]:
    """Latin words of a Japanese text outside its location, code spans (`...`) and the allowed names."""
    body = re.sub("`[^`]*`", "", ja.replace(where, ""))
    return set(re.findall(r"[A-Za-z]+", body)) - LATIN_OK


def _problems(text: str, source: str = "ev.jsonl") -> list[Problem]:
    with pytest.raises(EventInputError) as info:
        read_text(text, source)
    return info.value.problems


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_every_malformed_line_is_worded_in_japanese(case: dict[str, str]) -> None:
    first = _problems(f"# a comment\n{GOOD}\n\n{case['line']}\n{GOOD}\n")[0]
    ja = first.render("ja")
    assert ja.startswith(f"ev.jsonl:4: error: [{case['code']}] ")
    assert JAPANESE.search(first.text("ja")), ja
    assert not _english_left(ja, "ev.jsonl"), ja
    if first.help is not None:
        assert "\n  ヒント: " in ja and "help" not in ja
    # the English is the plain fields, as before: what tools, the JSON report and `sla serve` read
    assert first.render("en") == str(first)
    assert str(first).startswith(f"ev.jsonl:4: error: [{case['code']}] {first.message}")


def test_the_english_and_japanese_come_from_one_entry() -> None:
    p = _problems('{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"I","priorty":"P1"}')[0]
    assert p.message == "missing field `priority` (required for `incident.reported`)"
    assert p.help == "found `priorty`: did you mean `priority`?"
    assert p.text("ja") == "フィールド `priority` がありません（`incident.reported` に必要です）"
    assert p.help_text("ja") == "`priorty` がありますが、`priority` の誤りではありませんか？"
    assert p.words is not None and p.words.text("en") == p.message


def test_orjson_details_are_translated_and_an_unknown_one_is_kept() -> None:
    (p,) = _problems('{"event": "incident.reported",}')
    assert p.message == "invalid JSON: trailing comma is not allowed at column 30"
    assert p.text("ja") == "JSON として読めません（30 文字目）：末尾のカンマは使えません"
    assert json_detail("a message orjson may add one day") == "a message orjson may add one day"
    (p,) = _problems('{"a" 1}')  # a ':' in orjson's own words is kept (it was cut there)
    assert p.message == "invalid JSON: unexpected character, expected ':' after key at column 6"


@pytest.mark.parametrize(
    "line",
    [
        r'{"a":"\ud800\u0041"}',
        r'{"a":"\udc00"}',
        r'{"a":"\ud800"}',
        r'{"a":"\ud800\udc"}',
        '{"a":1e999}',
        "[" * 2000 + "]" * 2000,
    ],
)
def test_orjsons_rarer_details_are_in_the_catalogue_too(line: str) -> None:
    """Surrogates, an infinite number and deep nesting gave orjson's English in Japanese."""
    import re

    (p,) = _problems(line)
    assert p.code == "E100"
    assert not re.findall(r"[A-Za-z]{2,}", re.sub("`[^`]*`", "", p.text("ja")).replace("JSON", "")), p.text("ja")


def test_the_summary_and_the_whole_error_in_each_language() -> None:
    with pytest.raises(EventInputError) as info:
        read_text("not json\n[1]\n", "ev.jsonl")
    en = str(info.value)
    assert en.endswith("\n2 invalid event lines (E100 on 1, E101 on 1)") and info.value.lang is None
    ja = info.value.in_lang("ja")
    assert str(ja).endswith("\n不正なイベントが 2 行あります（E100：1 行、E101：1 行）") and ja.lang == "ja"
    assert str(ja).splitlines()[1] == "ev.jsonl:2: error: [E101] JSON オブジェクトが必要ですが、配列です"
    assert ja.problems == info.value.problems


def test_csv_problems_in_japanese() -> None:
    with pytest.raises(EventInputError) as info:
        read_text("event,at\n", "ev.csv", fmt="csv")
    assert info.value.problems[0].render("ja") == (
        "ev.csv:1: error: [E110] CSV の見出し行に列 `id` がありません\n"
        "  ヒント: 1 行目に列名を書いてください（例：`event,at,id,priority`）"
    )
    with pytest.raises(EventInputError) as info:
        read_text("event,at,id\nincident.responded,2026-11-02T10:00:00+09:00,I,extra\n", "ev.csv", fmt="csv")
    assert info.value.problems[0].text("ja") == "セルが 4 個ありますが、見出し行の列は 3 個です"
    assert info.value.problems[0].message == "4 cells but the header names 3 columns"


def test_a_cell_over_the_csv_modules_limit_is_worded_in_japanese_and_its_english_kept() -> None:
    big = "x" * 200_000
    text = f"event,at,id\nincident.responded,2026-11-02T10:00:00+09:00,{big}\n"
    with pytest.raises(EventInputError) as info:
        read_text(text, "ev.csv", fmt="csv")
    [found] = info.value.problems
    assert (found.line, found.code) == (2, "E111")
    assert found.message == "CSV row cannot be read: field larger than field limit (131072)"
    assert found.text("ja") == "CSV の行を読めません：セルが上限の 131072 文字を超えています"
    with pytest.raises(EventInputError) as info:  # in the header
        read_text(f"event,at,id,{big}\n", "ev.csv", fmt="csv")
    assert info.value.problems[0].text("ja") == "CSV の見出し行を読めません：セルが上限の 131072 文字を超えています"


def test_table_rows_and_columns_are_located_in_japanese() -> None:
    rows = [{"event": "incident.reported", "at": "yesterday", "id": "I", "priority": "P1"}]
    with pytest.raises(EventInputError) as info:
        read_table(pa.Table.from_pylist(rows), "t.parquet")
    p = info.value.problems[0]
    assert str(p).startswith("t.parquet: row 1, column `at`: error: [E104] ")
    assert p.render("ja").startswith("t.parquet: 1 行目、列 `at`: error: [E104] `at` は ISO 8601 の時刻ではありません")
    naive = pa.table({"event": ["incident.responded"], "at": pa.array([0], pa.timestamp("s")), "id": ["I"]})
    with pytest.raises(EventInputError) as info:
        read_table(naive, "t.parquet")
    p = info.value.problems[0]
    assert p.text("ja") == "列 `at` はタイムゾーンのないタイムスタンプです（`timestamp[s]`）"
    assert not _english_left(p.render("ja"), "t.parquet"), p.render("ja")


def test_a_column_missing_from_the_whole_table_says_so_in_japanese() -> None:
    rows = [{"event": "backup.completed", "at": "2026-11-02T10:00:00+09:00", "id": "b"}]
    with pytest.raises(EventInputError) as info:
        read_table(pa.Table.from_pylist(rows), "t.parquet")
    p = info.value.problems[0]
    assert p.help == "the table has no column `kind`"
    assert p.help_text("ja") == "表に列 `kind` がありません"


def test_the_evaluators_checks_in_japanese() -> None:
    policy = load_policy(POLICY)
    lines = [
        {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P9"},
        {"event": "incident.reported", "at": "2399-11-02T10:00:00+09:00", "id": "B", "priority": "P1"},
        {
            "event": "incident.reported",
            "at": "2026-11-02T10:00:00+09:00",
            "id": "C",
            "priority": "P1",
            "attributes": {"x": "y"},
        },
    ]
    with pytest.raises(EventInputError) as info:
        evaluate(policy, lines, "2026-11-01", "2026-12-01")
    by_code = {p.code: p for p in info.value.problems}
    assert by_code["E120"].message == "unknown priority `P9` in `incident.reported`"
    assert by_code["E120"].text("ja") == "`incident.reported` の優先度 `P9` はポリシーにありません"
    assert by_code["E120"].help_text("ja") == "ポリシーにあるのは `P1`、`P2`、`P3` です"
    assert (
        by_code["E123"]
        .text("ja")
        .startswith("時刻 `2399-11-02T10:00:00+09:00` は扱える年（1900 年から 2200 年まで）の外です")
    )
    assert by_code["E128"].text("ja") == "`incident.reported` の属性 `x` はポリシーにありません"
    for p in info.value.problems:
        assert not _english_left(p.render("ja"), "<events>"), p.render("ja")


def test_a_file_that_cannot_be_read_in_each_language(tmp_path: Path) -> None:
    with pytest.raises(EventSourceError) as info:
        read_events(tmp_path / "none.jsonl")
    assert str(info.value) == f"{tmp_path / 'none.jsonl'}: cannot read events: No such file or directory"
    assert str(info.value.in_lang("ja")) == f"{tmp_path / 'none.jsonl'}: イベントを読めません：ファイルがありません"


def _bad_log(tmp_path: Path) -> Path:
    log = tmp_path / "bad.jsonl"
    log.write_text(
        '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"A"}\n'
        '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"B","priority":"P1"}\n'
        '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"C","priority":"P7"}\n',
        "utf-8",
    )
    return log


def test_sla_evaluate_writes_them_in_the_policys_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = _bad_log(tmp_path)
    args = ["evaluate", str(POLICY), str(log), "--from", "2026-11-01", "--to", "2026-12-01"]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"{log}:1: error: [E102] フィールド `priority` がありません（`incident.reported` に必要です）\n"
        f"{log}:3: error: [E120] `incident.reported` の優先度 `P7` はポリシーにありません\n"
        "  ヒント: ポリシーにあるのは `P1`、`P2`、`P3` です\n"
        "不正なイベントが 2 行あります（E102：1 行、E120：1 行）\n"
    )
    assert main([*args, "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert err == (
        f"{log}:1: error: [E102] missing field `priority` (required for `incident.reported`)\n"
        f"{log}:3: error: [E120] unknown priority `P7` in `incident.reported`\n"
        "  help: the policy knows `P1`, `P2`, `P3`\n"
        "2 invalid event lines (E102 on 1, E120 on 1)\n"
    )


def test_skipped_lines_in_the_policys_language_and_english_in_the_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _bad_log(tmp_path)
    args = ["evaluate", str(POLICY), str(log), "--from", "2026-11-01", "--to", "2026-12-01", "--skip-invalid"]
    assert main([*args, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert lines[0].startswith(f"sla: 除外した行: {log}:1: error: [E102] フィールド `priority` がありません")
    assert lines[1].startswith(f"sla: 除外した行: {log}:3: error: [E120] ")
    # the report is data for programs: its `skipped` keeps the plain English fields
    skipped = json.loads(out)["input"]["skipped"]
    assert skipped[0] == f"{log}:1: error: [E102] missing field `priority` (required for `incident.reported`)"


def test_sla_evaluate_a_missing_log_and_a_parquet_row_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--from", "2026-11-01", "--to", "2026-12-01"]
    assert main(["evaluate", str(POLICY), str(tmp_path / "none.jsonl"), *args]) == 1
    assert (
        capsys.readouterr().err
        == f"sla: エラー: {tmp_path / 'none.jsonl'}: イベントを読めません：ファイルがありません\n"
    )
    rows = [{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P9"}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "t.parquet")
    assert main(["evaluate", str(POLICY), str(tmp_path / "t.parquet"), *args]) == 1
    assert capsys.readouterr().err.startswith(
        f"{tmp_path / 't.parquet'}: 1 行目、列 `priority`: error: [E120] "
        "`incident.reported` の優先度 `P9` はポリシーにありません"
    )


def test_the_code_reference_gives_every_event_problem_in_japanese() -> None:
    rows = [line for line in codes_markdown().splitlines() if re.match(r"\| `E1[0-2]\d` ", line)]
    codes = {line.split("`")[1] for line in rows}
    assert {f"E{n}" for n in (*range(100, 118), 120, 121, 122, 123, 128, 129)} <= codes
    for line in rows:
        assert '<span lang="ja">' in line and "(built where it is raised)" not in line, line


def test_the_last_line_counts_the_lines_of_each_code_most_first() -> None:
    lines = [
        GOOD,
        *(['{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"I"}'] * 5),
        "not json",
        "[1]",
    ]
    with pytest.raises(EventInputError) as info:
        read_text("\n".join(lines), "ev.jsonl")
    assert str(info.value).splitlines()[-1] == "7 invalid event lines (E102 on 5, E100 on 1, E101 on 1)"
    assert str(info.value.in_lang("ja")).splitlines()[-1] == (
        "不正なイベントが 7 行あります（E102：5 行、E100：1 行、E101：1 行）"
    )
    with pytest.raises(EventInputError) as info:  # one line: the line itself says it all
        read_text("not json\n", "ev.jsonl")
    assert "invalid event" not in str(info.value)


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        '{"a":1',
        '{"a":1,}',
        "{a:1}",
        '{"a":1} x',
        '{"a":tru}',
        '{"a":fals}',
        '{"a":1e}',
        '{"a":"\\q"}',
        '{"a":01}',
        '{"a" 1}',
        '{"a":1 "b":2}',
        "[1 2]",
        '{"a":NaN}',
        '{"a":"x\x01"}',
        '{"a":-}',
        '{"a":1.}',
    ],
)
def test_what_orjson_says_of_a_bad_line_is_translated(line: str) -> None:
    (p,) = _problems(line)
    assert p.code == "E100" and _english_left(p.render("ja"), "ev.jsonl") == set(), p.render("ja")


def test_a_second_byte_order_mark_is_worded_in_each_language() -> None:
    """A mark at the start of any line is accepted (logs merged by `cat`); a second one after it is not."""
    line = '{"event": "incident.responded", "at": "2026-11-02T10:00:00+09:00", "id": "A"}'
    with pytest.raises(EventInputError) as info:
        read_text(f"{line}\n\ufeff\ufeff{line}\n", "ev.jsonl")
    [found] = info.value.problems
    assert found.message == "invalid JSON: UTF-8 byte order mark (BOM) is not supported at column 1"  # not `uTF-8`
    assert found.text("ja") == "JSON として読めません（1 文字目）：UTF-8 のバイト順マークはここでは使えません"


def test_the_errors_cross_processes_whole(tmp_path: Path) -> None:
    """A Dask or Spark worker's error reaches the client as the same error, still writable in Japanese."""
    import pickle

    with pytest.raises(EventSourceError) as missing:
        read_events(tmp_path / "none.parquet")
    again = pickle.loads(pickle.dumps(missing.value))
    assert str(again) == str(missing.value) and str(again.in_lang("ja")).endswith("ファイルがありません")
    with pytest.raises(EventInputError) as bad:
        read_text("not json\n[1]\n", "ev.jsonl")
    again = pickle.loads(pickle.dumps(bad.value))
    assert again.problems == bad.value.problems and str(again) == str(bad.value)


def test_an_empty_directory_and_a_mapping_that_is_not_a_dict(tmp_path: Path) -> None:
    with pytest.raises(EventSourceError) as info:
        read_events(tmp_path)
    every = "`*.parquet`, `*.pq`, `*.arrow`, `*.feather`, `*.ipc`, `*.arrows`"  # (each suffix read)
    assert str(info.value) == f"{tmp_path}: no Parquet or Arrow files ({every}) in the directory"
    assert str(info.value.in_lang("ja")) == (
        f"{tmp_path}: ディレクトリに Parquet・Arrow のファイル（{every.replace(', ', '、')}）がありません"
    )

    class Mapped(dict[str, object]):  # what `sla test`'s YAML loader gives
        pass

    (p,) = _problems('{"event": {"a": 1}, "at": "2026-11-02T10:00:00+09:00", "id": "I"}')
    assert p.text("ja").endswith("オブジェクトです")
    from sla_dsl.events.validate import kind_of

    assert kind_of(Mapped()) == kind_of({}) and kind_of(True) != kind_of(1)


@pytest.mark.parametrize(
    ("attributes", "code", "ja"),
    [
        ('{"team": {"a": "b"}}', "E106", "属性 `team` の値は文字列でなければなりませんが、オブジェクトです"),
        ('{"team": 5}', "E106", "属性 `team` の値は文字列でなければなりませんが、数値です"),
        ('{"team": ""}', "E107", "属性 `team` の値が空です"),
        ('{"": "x"}', "E107", "属性の名前が空です"),
    ],
)
def test_a_bad_name_or_value_inside_attributes_is_said_as_such(attributes: str, code: str, ja: str) -> None:
    """It was said of the whole field: "`attributes` must be a string", which the map is not meant to be."""
    line = '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I", "priority": "P1", '
    (p,) = _problems(line + f'"attributes": {attributes}}}')
    assert (p.code, p.text("ja")) == (code, ja)


def test_an_attributes_map_with_number_keys_is_said_as_such() -> None:
    import pyarrow as pa

    from sla_dsl.events.arrow import read_table

    keys = pa.array([[(1, "x")]], pa.map_(pa.int64(), pa.string()))
    table = pa.table(
        {
            "event": ["incident.reported"],
            "at": ["2026-11-02T10:00:00+09:00"],
            "id": ["I"],
            "priority": ["P1"],
            "attributes": keys,
        }
    )
    with pytest.raises(EventInputError) as info:
        read_table(table, "ev.parquet")
    (p,) = info.value.problems
    assert p.text("ja") == "属性の名前は文字列でなければなりませんが、数値です"


def test_a_number_for_a_time_is_said_to_be_epoch_seconds_not_read() -> None:
    """A number where a time is due (pandas writes its times as epoch milliseconds unless told): the help
    says numbers are not read, and how pandas writes ISO 8601 instead, in each language."""
    number = _problems('{"event":"incident.responded","at":1793581200000,"id":"INC-1"}\n')[0]
    assert "epoch seconds or milliseconds is not read" in str(number) and 'date_format="iso"' in str(number)
    assert "エポック秒やミリ秒の数値は読みません" in number.render("ja")
    assert not _english_left(number.render("ja"), "ev.jsonl"), number.render("ja")
    flag = _problems('{"event":"incident.responded","at":true,"id":"INC-1"}\n')[0]  # (a boolean is no epoch)
    assert "epoch" not in str(flag) and "as a string" in str(flag)
    for column in (pa.array([1793581200000]), pa.array([1793581200.5])):
        table = pa.table({"event": ["incident.responded"], "at": column, "id": ["I"]})
        with pytest.raises(EventInputError) as info:
            read_table(table, "t.parquet")
        p = info.value.problems[0]
        assert p.code == "E116" and 'pc.cast(table["at"], pa.timestamp("ms", tz="UTC"))' in str(p), str(p)
        assert "エポック秒やミリ秒の数値は読みません" in p.render("ja")
        assert not _english_left(p.render("ja"), "t.parquet"), p.render("ja")
    text = pa.table({"event": ["incident.responded"], "at": pa.array([b"x"], pa.binary()), "id": ["I"]})
    with pytest.raises(EventInputError) as info:
        read_table(text, "t.parquet")
    assert "epoch" not in str(info.value.problems[0])  # (another type: the plain help)

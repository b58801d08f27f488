"""CSV rows as the csv module reads them, and what it would get wrong left to no one's guess.

Each case was found by reading CSV files beside the same events as JSON Lines: the rest of a row
the csv module gave up on (a cell over its size limit) read as rows of its own, a quote never
closed swallowing the rest of the file with exit 0, a byte-order mark before a comment or a quoted
header, the problems of a row of several lines placed at its inner lines, text with lone CR line
ends, an ``attributes`` cell that is not strict JSON, a progress bar that never moved.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sla_dsl.events import EventInputError, csv_reader
from sla_dsl.events.csv_reader import csv_state, read_csv
from sla_dsl.reader import read_events, read_text

AT = "2026-11-02T10:00:00+09:00"
HEAD = "event,at,id,priority,note\n"


def _read(text: str, *, skip: bool = False) -> tuple[list[str], list[tuple[int, str]]]:
    """(the incident ids filed, the problems as (line, code))."""
    try:
        log = read_csv(io.StringIO(text, newline=""), "ev.csv", skip_invalid=skip)
    except EventInputError as exc:
        return [], [(p.line, p.code) for p in exc.problems]
    return list(log.groups[0]), [(int(t.split(":")[1]), t.split("[")[1][:4]) for t in log.skipped]


def test_the_rest_of_a_row_the_csv_module_gave_up_on_is_not_read_as_rows() -> None:
    big = "x" * 140_000
    text = HEAD + f'incident.reported,{AT},INC-1,P1,"{big}\nincident.reported,{AT},GHOST,P1,\nend of note"\n'
    text += f"incident.reported,{AT},INC-2,P2,\n"
    assert _read(text, skip=True) == (["INC-2"], [(2, "E111")])  # no GHOST, no row `end of note"`
    many = "\n".join(["y" * 1000] * 200)  # a cell of many short lines, over the limit
    text = HEAD + f'incident.reported,{AT},INC-1,P1,"{many}"\nincident.reported,{AT},INC-2,P2,\n'
    assert _read(text, skip=True) == (["INC-2"], [(2, "E111")])


def test_a_quote_never_closed_is_a_problem_of_its_row_not_the_rest_of_the_file_in_silence() -> None:
    text = HEAD + f'incident.reported,{AT},INC-1,P1,"customer says\nincident.responded,{AT},INC-1,,\n'
    with pytest.raises(EventInputError) as info:
        read_text(text, "ev.csv", fmt="csv")
    [found] = info.value.problems
    assert (found.line, found.code) == (2, "E111")
    assert found.message == "a quote opened at line 2, column 54 is never closed: the lines after it are read as rows"
    assert found.text("ja") == (
        "2 行目の 54 文字目で開いた引用符がファイルの終わりまで閉じられていません。次の行からは改めて 1 行ずつ読みます"
    )
    with pytest.raises(EventInputError) as info:
        read_text('event,at,id,"note\n', "ev.csv", fmt="csv")
    assert [(p.line, p.code) for p in info.value.problems] == [(1, "E110")]


def test_quoted_cells_closed_every_way_are_read_as_the_json_lines() -> None:
    rows = [
        '"incident.reported","2026-11-02T10:00:00+09:00","INC-1","P1","she said ""hi"", then\nleft"',
        '"incident.responded","2026-11-02T10:30:00+09:00","INC-1","",""""',
        'incident.resolved,2026-11-02T11:00:00+09:00,INC-1,,"a,b"',
    ]
    log = read_text(HEAD + "\n".join(rows) + "\n", "ev.csv", fmt="csv")
    assert [r[3] for r in log.groups[0]["INC-1"]] == [2, 4, 5]


@pytest.mark.parametrize(
    ("text", "state"),
    [("a,b", 1), ('a,"b', 2), ('a,"b""c', 2), ('a,"b"', 3), ('a,"b",c', 1), ('a"b,c', 1), ('"', 2), ("", 0)],
)
def test_the_state_the_csv_module_is_in_after_a_line(text: str, state: int) -> None:
    assert csv_state(text) == state


@pytest.mark.parametrize(
    "before",
    ["# export 2026-11\n", "\n", "", "   "],
)
def test_a_byte_order_mark_before_a_comment_a_blank_line_or_a_quoted_header(before: str) -> None:
    header = '"event","at","id","priority"\n' if before == "" else " event,at,id,priority\n"
    text = "\ufeff" + before + header + f"incident.reported,{AT},INC-1,P1\n"
    assert list(read_text(text, "ev.csv", fmt="csv").groups[0]) == ["INC-1"]


def test_the_problems_of_a_row_of_several_lines_are_at_its_first_line_once(tmp_path: Path) -> None:
    path = tmp_path / "ev.csv"
    path.write_bytes(HEAD.encode() + f'incident.reported,{AT},INC-1,P1,"a\xff\nb\xfe"\n'.encode("latin-1"))
    log = read_events(path, skip_invalid=True)
    assert len(log.skipped) == 1 and log.skipped[0].startswith(f"{path}:2: error: [E113]")
    assert log.skipped[0].count("error: [E113]") == 2
    path.write_text('event,"at,\nid"\n', "utf-8")  # a header of two lines that lacks columns
    with pytest.raises(EventInputError) as info:
        read_events(path)
    assert [(p.line, p.code) for p in info.value.problems] == [(1, "E110")]


def test_text_with_lone_cr_line_ends_reads_as_a_file_of_them() -> None:
    text = f"event,at,id,priority\rincident.reported,{AT},INC-1,P1\r"
    assert list(read_text(text, "ev.csv", fmt="csv").groups[0]) == ["INC-1"]


def test_an_attributes_cell_is_strict_json_as_a_json_lines_log() -> None:
    for cell in ['"{""plan"": ""\\ud800""}"', '"{""plan"": NaN}"']:
        with pytest.raises(EventInputError) as info:
            read_text(f"event,at,id,priority,attributes\nincident.reported,{AT},I,P1,{cell}\n", "ev.csv", fmt="csv")
        [found] = info.value.problems
        assert found.code == "E109"
        assert (
            found.text("ja")
            == 'フィールド `attributes` は `{"plan": "premium"}` のような JSON オブジェクトでなければなりません'
        )
    line = json.dumps(
        {"event": "incident.reported", "at": AT, "id": "I", "priority": "P1", "attributes": {"plan": "\ud800"}}
    )
    with pytest.raises(EventInputError):
        read_text(line)


def test_an_attributes_cell_null_is_no_attributes_as_in_a_json_lines_log() -> None:
    """``null`` is no attributes in a JSON Lines log; the same JSON in a CSV cell was refused (E109)."""
    line = json.dumps({"event": "incident.reported", "at": AT, "id": "I", "priority": "P1", "attributes": None})
    cells = read_text(f"event,at,id,priority,attributes\nincident.reported,{AT},I,P1,null\n", "ev.csv", fmt="csv")
    empty = read_text(f"event,at,id,priority,attributes\nincident.reported,{AT},I,P1,\n", "ev.csv", fmt="csv")
    records = [[r[:3] for r in recs] for log in (cells, empty, read_text(line)) for recs in log.groups[0].values()]
    assert records == [[(records[0][0][0], 0, ("P1", None, None))]] * 3


def test_the_progress_of_a_csv_log_counts_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_reader, "_EVERY", 10)
    path = tmp_path / "ev.csv"
    rows = [f'incident.reported,{AT},INC-{i},P1,"two\nlines"' for i in range(40)]
    path.write_text(HEAD + "\n".join(rows) + "\n", "utf-8")
    seen: list[tuple[int, int]] = []
    read_events(path, progress=lambda lines, read: seen.append((lines, read)))
    assert len(seen) >= 5  # rows of two lines: no row starts on a multiple of ten, and it still moves
    assert all(read > 0 for _, read in seen) and seen == sorted(seen)


def test_csv_on_standard_input_or_under_another_name_is_read_as_csv(tmp_path: Path) -> None:
    """CSV was known by its file name only: on stdin, or as ``<(cat events.csv)``, every line was E100."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    log = tmp_path / "events.csv"
    log.write_text(f"# exported\n\nevent,at,id,priority\nincident.reported,{AT},INC-1,P1\n", encoding="utf-8")
    other = tmp_path / "events.txt"
    other.write_bytes(log.read_bytes())
    argv = [sys.executable, "-m", "sla_dsl._entry", "evaluate", str(root / "policies" / "clicksoko.sla")]
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
    named = subprocess.run([*argv, str(log), *period], capture_output=True, text=True, check=True).stdout
    with log.open("rb") as stdin:
        piped = subprocess.run([*argv, "-", *period], stdin=stdin, capture_output=True, text=True, check=True).stdout
    renamed = subprocess.run([*argv, str(other), *period], capture_output=True, text=True, check=True).stdout
    assert piped.replace("<stdin>", str(log)) == named == renamed.replace(str(other), str(log))
    assert '"INC-1"' in named
    assert read_events(other).count == 1  # the API too

"""Event logs in the shapes people hand over: cut short, in another encoding, merged, from a spreadsheet.

Each test is a shape a QA pass met that got a wrong or unhelpful answer: a gzip log cut short in its
first (long) line, a UTF-16 export, files merged with ``cat`` each with a byte-order mark, CSV given on
standard input with another separator, spreadsheet rows of empty cells.
"""

from __future__ import annotations

import gzip
import os
import zipfile
from pathlib import Path
from unittest import mock

import pytest

from sla_dsl.events import EventInputError, EventLog, log_from, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.csv_columns import csv_by_columns
from sla_dsl.events.reader import iter_events

LINE = '{"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "INC-%d", "priority": "P1"}\n'


def _problems(path: Path) -> list[str]:
    """The problems of reading ``path``, rendered in English (code, message, help)."""
    with pytest.raises(EventInputError) as caught:
        read_events(path)
    return [p.render("en") for p in caught.value.problems]


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".log"])
def test_gzip_cut_short_in_a_long_first_line_is_said_as_gzip(tmp_path: Path, suffix: str) -> None:
    """The reader that looks at the first line (CSV or not) read it ahead: the failure still names gzip."""
    note = os.urandom(6000).hex()
    text = "".join(LINE.replace("}", f', "note": "{note}"}}') % i for i in range(40)).encode()
    data = gzip.compress(text)
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data[: len(data) // 2])
    said = _problems(path)
    assert len(said) == 1 and "[E114]" in said[0], said
    assert "the gzip-compressed log is damaged or cut short here: the file ends before" in said[0], said
    assert "Compressed file ended" not in said[0], said
    assert f"gzip -t {path}" in said[0], said


def test_gzip_cut_inside_the_first_line(tmp_path: Path) -> None:
    note = os.urandom(50_000).hex()
    data = gzip.compress(((LINE % 1).replace("}", f', "note": "{note}"}}') + LINE % 2).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    said = _problems(path)
    assert len(said) == 1 and "[E114]" in said[0] and f"gzip -t {path}" in said[0], said


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("bom.jsonl", (LINE % 1 * 3).encode("utf-16"), "UTF-16"),
        ("plain.jsonl", (LINE % 1 * 3).encode("utf-16-le"), "UTF-16LE"),
        ("excel.csv", "event,at,id\nincident.reported,2026-11-02T09:00:00+09:00,INC-1\n".encode("utf-16"), "UTF-16"),
        ("big.csv", "event,at,id\n".encode("utf-16-be"), "UTF-16BE"),
        ("wide.jsonl", (LINE % 1).encode("utf-32"), "UTF-32"),
        ("wide.jsonl.gz", gzip.compress((LINE % 1 * 2).encode("utf-16")), "UTF-16"),
    ],
)
def test_utf16_and_utf32_are_one_error_saying_so(tmp_path: Path, name: str, data: bytes, encoding: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    said = _problems(path)
    assert len(said) == 1, said
    assert said[0].startswith(f"{path}:1: error: [E113] the file is {encoding} text, not UTF-8"), said
    plain = str(path).removesuffix(".gz")
    stem, dot, ext = plain.rpartition(".")
    given = (
        f"zcat {path} | iconv -f {encoding} -t UTF-8"
        if name.endswith(".gz")
        else f"iconv -f {encoding} -t UTF-8 {path}"
    )
    assert f"`{given} > {stem}-utf8{dot}{ext}`" in said[0], said  # (a gzip log decompressed first)
    assert "CSV UTF-8" in said[0] and "SHIFT_JIS" not in said[0], said


def test_shift_jis_help_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "desk.csv"
    path.write_bytes(
        "event,at,id,priority,note\nincident.reported,2026-11-02T09:00:00+09:00,INC-1,P1,案件\n".encode("cp932")
    )
    said = _problems(path)
    assert len(said) == 1 and "[E113]" in said[0], said
    assert "if the file is Shift_JIS/CP932 (Japanese Windows)" in said[0], said
    assert f"`iconv -f CP932 -t UTF-8 {path} > {tmp_path / 'desk-utf8.csv'}`" in said[0], said


def test_excel_workbooks_are_told_to_be_saved_as_csv(tmp_path: Path) -> None:
    xls = tmp_path / "book.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    xlsx = tmp_path / "book.xlsx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    for path, kind in ((xls, ".xls"), (xlsx, ".xlsx")):
        said = _problems(path)
        assert len(said) == 1, said
        assert f"[E113] the file is an Excel workbook (`{kind}`), not text" in said[0], said
        assert 'save the sheet as "CSV UTF-8 (Comma delimited)"' in said[0] and "unzip" not in said[0], said


BOM = b"\xef\xbb\xbf"


def _every_path(path: Path) -> list[EventLog]:
    """``path`` read on every path a file of its kind may take: by Arrow's columns (as a large file
    is), and by the line reader."""
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        by_columns = read_events(path)
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_lines = read_events(path)
    return [by_columns, by_lines]


def test_logs_merged_by_cat_each_with_a_byte_order_mark(tmp_path: Path) -> None:
    """``cat a.jsonl b.jsonl`` of two files each written with a mark: the second mark starts a line, the
    trace of the merge, and carries no data (each file alone is read with it)."""
    path = tmp_path / "merged.jsonl"
    path.write_bytes(BOM + (LINE % 1).encode() + BOM + (LINE % 2).encode() + BOM + b"\n" + BOM + b"# note\n")
    for log in _every_path(path):
        assert not log.problems and log.count == 2, log.problems
        assert sorted(log.incidents) == ["INC-1", "INC-2"]
    assert [ev.id for ev in iter_events(path)] == ["INC-1", "INC-2"]


def test_csv_rows_merged_by_cat_each_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "merged.csv"
    rows = [b"incident.reported,2026-11-02T09:00:00+09:00,INC-%d,P1\r\n" % i for i in (1, 2, 3)]
    path.write_bytes(BOM + b"event,at,id,priority\r\n" + rows[0] + BOM + rows[1] + BOM + rows[2])
    for log in _every_path(path):
        assert not log.problems and log.count == 3, log.problems
        assert sorted(log.incidents) == ["INC-1", "INC-2", "INC-3"]


@pytest.mark.parametrize(
    ("head", "hint"),
    [
        ("event;at;id;priority", "separate the columns with commas (`,`), not `;`"),
        ("event\tat\tid\tpriority", "separate the columns with commas (`,`), not `\\t`"),
        ("Event,At,ID,Priority", "column names are lower case: write `Event`, `At`, `ID` as `event`, `at`, `id`"),
    ],
)
def test_a_header_of_another_dialect_not_named_csv_is_one_e110(tmp_path: Path, head: str, hint: str) -> None:
    """Not one E100 for each row: the header is said once, with the help a ``.csv`` file gets."""
    sep = head[5]
    rows = [sep.join(["incident.reported", "2026-11-02T09:00:00+09:00", f"INC-{i}", "P1"]) for i in range(50)]
    path = tmp_path / "export.txt"
    path.write_text("\n".join([head, *rows]) + "\n", "utf-8")
    said = _problems(path)
    assert len(said) == 1, said
    assert said[0].startswith(f"{path}:1: error: [E110] the first line is not JSON but looks like a CSV header"), said
    assert hint in said[0], said


def test_a_log_of_lines_none_of_them_json_stops_after_a_few(tmp_path: Path) -> None:
    path = tmp_path / "app.log"
    path.write_text("".join(f"2026-11-02 09:00:00 INFO request {i} done\n" for i in range(1000)), "utf-8")
    said = _problems(path)
    assert len(said) == 21, said
    assert all("[E100] invalid JSON" in s for s in said[:20]), said
    assert said[20].startswith(f"{path}:21: error: [E100] the 20 lines so far are none of them JSON"), said
    assert "(980 more lines not read)" in said[20], said


def test_bad_lines_among_events_are_each_said(tmp_path: Path) -> None:
    """A log with events among its bad lines is JSON Lines: every bad line is its own problem."""
    path = tmp_path / "mixed.jsonl"
    path.write_text(LINE % 0 + "".join(f"not json {i}\n" for i in range(30)), "utf-8")
    said = _problems(path)
    assert len(said) == 30 and all("[E100] invalid JSON" in s for s in said), said


def test_spreadsheet_rows_of_empty_cells_are_blank_lines(tmp_path: Path) -> None:
    """A spreadsheet's trailing rows (``,,,``, cells of blanks, quoted empty cells) carry nothing."""
    path = tmp_path / "sheet.csv"
    rows = "".join(f"incident.reported,2026-11-02T09:00:00+09:00,INC-{i},P1\r\n" for i in range(3))
    for tail in (',,,\r\n , ,,\r\n"","",,\r\n,,,\r\n', ",,,\r\n,,,,,,\r\n"):
        path.write_text("event,at,id,priority\r\n" + rows + tail, "utf-8")
        for log in _every_path(path):
            assert not log.problems and log.count == 3, log.problems
    path.write_text("event,at,id,priority\r\n" + rows + ",,,\r\n , ,,\r\n", "utf-8")
    log = csv_by_columns(path, str(path))  # (the columns take such a log: their path is the one tested)
    assert log is not None and not log.problems and log.count == 3


def test_a_row_with_one_cell_given_is_still_a_row(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("event,at,id,priority\r\nincident.reported,2026-11-02T09:00:00+09:00,INC-1,P1\r\n,,INC-2,\r\n")
    said = _problems(path)
    assert [s.split("\n")[0] for s in said] == [
        f"{path}:3: error: [E102] missing field `event`",
        f"{path}:3: error: [E102] missing field `at` (required for every event)",
    ], said


@pytest.mark.parametrize(
    ("names", "hint"),
    [
        (["Event", "At", "ID"], "column names are lower case: write `Event`, `At`, `ID` as `event`, `at`, `id`"),
        (["event", " at", "ID "], "with no blanks around them: write ` at`, `ID ` as `at`, `id`"),
    ],
)
def test_a_table_names_its_required_columns_otherwise(tmp_path: Path, names: list[str], hint: str) -> None:
    """Parquet and a DataFrame are told what a CSV header is told of the same names (E110)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    values = ["incident.reported", "2026-11-02T09:00:00+09:00", "INC-1"]
    table = pa.table({n: [v] for n, v in zip(names, values, strict=True)})
    path = tmp_path / "t.parquet"
    pq.write_table(table, path)
    said = _problems(path)
    assert len(said) == 1 and "[E115] table lacks column" in said[0] and hint in said[0], said
    with pytest.raises(EventInputError) as caught:
        log_from(table)
    assert hint in caught.value.problems[0].render("en")


def test_a_table_names_an_optional_column_with_blanks_around_it(tmp_path: Path) -> None:
    """pyarrow reads a header ``event,at,id,priority, cause`` as the column `` cause``, which the table
    read as no field: every incident's cause left out in silence (a customer's fault judged as the
    provider's), where ``sla evaluate`` of the CSV file trims the name and reads it. E115 says it, as it
    says `` at``; a column of the right name beside it is an extra column, as before."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = {"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "INC-1", "priority": "P1"}
    table = pa.table({**{k: [v] for k, v in row.items()}, " cause": ["customer"]})
    path = tmp_path / "t.parquet"
    pq.write_table(table, path)
    hint = "with no blanks around them: write ` cause` as `cause`"
    said = _problems(path)
    assert len(said) == 1 and "[E115] table lacks column `cause`" in said[0] and hint in said[0], said
    for given in (table, table.to_pandas()):
        with pytest.raises(EventInputError) as caught:
            log_from(given)
        assert [p.code for p in caught.value.problems] == ["E115"]
        assert hint in caught.value.problems[0].render("en")
    both = table.append_column("cause", pa.array(["customer"]))
    assert log_from(both).count == 1


def test_attributes_flattened_into_columns_are_refused(tmp_path: Path) -> None:
    """``pd.json_normalize`` of the events (the usual way from JSON to a frame) splits `attributes` into
    the columns ``attributes.plan``, ``attributes.channel``: columns of no field, passed over, so every
    incident was judged under the default attributes in silence (a premium customer's P1 due at 15:00,
    not 11:00), from the frame as from the CSV file it writes. They are E115 (E110 in a CSV header),
    with the one column to give; ``max_level=0`` keeps `attributes` whole, and reads."""
    import pandas as pd

    rows = [
        {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-1", "priority": "P1"},
        {**ROW_PREMIUM},
    ]
    frame = pd.json_normalize(rows)
    assert "attributes.plan" in frame.columns
    hint = "`pd.json_normalize` splits them into columns unless given `max_level=0`"
    with pytest.raises(EventInputError) as caught:
        log_from(frame)
    said = [p.render("en") for p in caught.value.problems]
    assert len(said) == 1 and "[E115] table column `attributes.plan` is not read" in said[0], said
    assert hint in said[0]
    path = tmp_path / "flat.csv"
    frame.to_csv(path, index=False)
    said = _problems(path)
    assert len(said) == 1 and f"{path}:1: error: [E110] CSV column `attributes.plan` is not read" in said[0], said
    assert hint in said[0]
    assert csv_by_columns(path, str(path)) is None  # (the CSV reader's refusal, as for any header it refuses)
    assert log_from(pd.json_normalize(rows, max_level=0)).count == 2


ROW_PREMIUM = {
    "event": "incident.reported",
    "at": "2026-11-02T10:00:00+09:00",
    "id": "INC-2",
    "priority": "P1",
    "attributes": {"plan": "premium"},
}


def test_a_frame_whose_index_holds_a_required_column(tmp_path: Path) -> None:
    """``df.set_index("id")`` moves `id` into the index, which is not read: E115 said only that every
    event table has `event`, `at` and `id`, the frame's own `id` unmentioned. Its help names the index."""
    import pandas as pd

    frame = pd.DataFrame(
        [{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-1", "priority": "P1"}]
    )
    for given, columns in ((frame.set_index("id"), "`id`"), (frame.set_index(["event", "id"]), "`event`, `id`")):
        with pytest.raises(EventInputError) as caught:
            log_from(given)
        (said,) = [p.render("en") for p in caught.value.problems]
        assert f"[E115] table lacks column {columns}" in said, said
        assert f"help: the frame's index {columns} is not read as a column: `df.reset_index()`" in said, said
        ja = caught.value.problems[0].render("ja")
        assert "インデックス" in ja and "index" not in ja.replace("reset_index", ""), ja
    assert log_from(frame.set_index("id").reset_index()).count == 1
    assert log_from(frame.set_index("id", drop=False)).count == 1


def test_a_null_required_field_is_said_alike_in_json_lines_and_parquet(tmp_path: Path) -> None:
    """``null`` is no value: a missing field (E102) in a JSON line as in a table's null cell, as the
    Parquet page says ("a null cell is an absent field", "the same code and message as a bad JSON line")."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "INC-1", "priority": None},
        {"event": None, "at": "2026-11-02T09:00:00+09:00", "id": "INC-2", "priority": "P1"},
        {"event": "incident.responded", "at": None, "id": "INC-1", "priority": None},
        {"event": "incident.responded", "at": "2026-11-02T09:30:00+09:00", "id": None, "priority": None},
    ]
    table = tmp_path / "n.parquet"
    pq.write_table(pa.table({k: pa.array([r[k] for r in rows], pa.string()) for k in rows[0]}), table)
    lines = tmp_path / "n.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    from_table = [s.split("error: ", 1)[1] for s in _problems(table)]
    from_lines = [s.split("error: ", 1)[1] for s in _problems(lines)]
    assert from_lines == from_table, (from_lines, from_table)
    assert from_lines[0].startswith("[E102] missing field `priority` (required for `incident.reported`)")
    assert [s[:6] for s in from_lines] == ["[E102]"] * 4


def test_helps_for_a_json_array_a_number_id_cells_past_the_header_and_a_late_comment(tmp_path: Path) -> None:
    """What each of these lines is most often, said in its help (none was before)."""
    pretty = tmp_path / "pretty.json"
    pretty.write_text('[\n  {\n    "event": "incident.reported"\n  }\n]\n', "utf-8")
    said = _problems(pretty)
    assert "not a JSON array, nor objects pretty-printed" in said[0] and "`jq -c '.[]'" in said[0], said
    array = tmp_path / "array.json"
    array.write_text("[" + LINE.strip() % 1 + "]\n", "utf-8")
    (said_array,) = _problems(array)
    assert "[E101]" in said_array and "one JSON object per line: not a JSON array" in said_array
    number = tmp_path / "number.jsonl"
    number.write_text(LINE.replace('"INC-%d"', "%d") % 12345, "utf-8")
    (said_number,) = _problems(number)
    assert "[E106] field `id` must be a string" in said_number
    assert 'help: write the value as a string: `"id": "12345"`' in said_number
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "event,at,id,priority\nincident.reported,2026-11-02T09:00:00+09:00,INC-1,P1\n# a late comment\n"
        "incident.reported,2026-11-02T09:00:00+09:00,INC-2,P1,Tokyo, Japan\n",
        "utf-8",
    )
    comment, cells = _problems(rows)
    assert comment.startswith(f"{rows}:3: error: [E103] unknown event type `# a late comment`"), comment
    assert "a CSV comment (a `#` line) goes before the header only" in comment, comment
    assert cells.startswith(f"{rows}:4: error: [E111] 6 cells but the header names 4 columns"), cells
    assert "check the separators and quotes" in cells, cells

"""CSV exports as a QA pass found them: each problem located and worded alike by both readers of a CSV file.

- A byte that is not UTF-8 (or a line over 1 MiB) on a later line of a quoted cell over several lines was said
  at the row's first line with the other line's column (``ql.csv:2: ... byte 0x83 at column 7``, the byte on
  line 4): the row is still named by its first line, and the problem now names the line its column is on.
- A ``#`` row after the header, in a file read on Arrow's columns (past 8 MiB), was E103 with the help "did you
  mean `incident.reported`?"; the CSV reader says where a comment goes. Both say the latter now.
- A header with two empty names (``event,at,id,priority,,``: a spreadsheet's trailing cells) was refused as naming
  the column ```` twice (E110); one empty name was read. Any number of them are columns without a name now, and
  a name given twice is said with its places.

Both readers: the CSV reader (:mod:`sla_dsl.events.csv_reader`) and, for a large file, Arrow's
(:mod:`sla_dsl.events.csv_columns`), run here on small files with the size bounds patched, as
``test_csv_columns.py`` runs them; their problems compared with their help lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from sla_dsl.events import EventInputError, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.csv_columns import csv_by_columns

AT = "2026-11-02T14:00:00+09:00"
HEAD = b"event,at,id,priority,note\n"


def problems(path: Path, *, by_columns: bool, lang: str = "en") -> list[tuple[int, str, str, str | None]]:
    """(line, code, message, help) of each problem reading ``path`` gives, with ``--skip-invalid``: read on
    Arrow's columns when they take it (``by_columns``: the size bounds patched to take any file), or by the CSV
    reader."""
    bound = "COLUMNS_FROM_BYTES" if by_columns else "COLUMNS_UP_TO_BYTES"
    with mock.patch.object(lines_module, bound, 0 if by_columns else -1):
        try:
            log = read_events(path, skip_invalid=True)
        except EventInputError as exc:
            found = exc.problems
        else:
            found = [*log.problems, *log.left_out]
    return [(p.line, p.code, p.text(lang), p.help_text(lang)) for p in found]


def both(path: Path, lang: str = "en") -> list[tuple[int, str, str, str | None]]:
    """The problems of ``path``, the same whichever reader reads it."""
    rows = problems(path, by_columns=False, lang=lang)
    assert problems(path, by_columns=True, lang=lang) == rows
    return rows


def taken(path: Path) -> bool:
    """Whether Arrow's columns read ``path`` (else they leave it to the CSV reader)."""
    try:
        return csv_by_columns(path, str(path), skip_invalid=True) is not None
    except EventInputError:
        return True


def events(path: Path) -> Any:
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        return read_events(path, skip_invalid=True).groups


# --- a problem of a later line of a row -----------------------------------------------------------------------


def test_a_byte_not_utf8_on_a_later_line_of_a_row_names_that_line(tmp_path: Path) -> None:
    """The QA pass's file: the row is lines 2 to 4, the byte 0x83 at column 7 of line 4."""
    path = tmp_path / "ql.csv"
    path.write_bytes(
        HEAD + f'incident.reported,{AT},Q1,P1,"first line ok\nsecond line ok\nthird '.encode() + b'\x83T here"\n'
    )
    [(line, code, said, hint)] = both(path)
    assert (line, code, said) == (2, "E113", "line 4 is not UTF-8 text: byte `0x83` at column 7")
    assert hint is not None and "`iconv -f CP932 -t UTF-8" in hint
    assert both(path, "ja")[0][2] == "4 行目が UTF-8 のテキストではありません：7 文字目のバイト `0x83`"


def test_a_byte_not_utf8_on_the_first_line_of_a_row_is_said_as_before(tmp_path: Path) -> None:
    """One row, two bad bytes: one problem of the row's own line as it always was, one naming line 3."""
    path = tmp_path / "ev.csv"
    path.write_bytes(HEAD + f'incident.reported,{AT},INC-1,P1,"a'.encode() + b'\xff\nb\xfe"\n')
    said = [(line, text) for line, _, text, _ in both(path)]
    assert said == [
        (2, "line is not UTF-8 text: byte `0xff` at column 56"),
        (2, "line 3 is not UTF-8 text: byte `0xfe` at column 2"),
    ]


def test_a_line_over_1_mib_inside_a_row_names_its_line(tmp_path: Path) -> None:
    """The row is lines 2 to 5, its quoted cell closed on line 5; line 4 is over the cap (left out, as ever)."""
    path = tmp_path / "ev.csv"
    long = "x" * ((1 << 20) + 5)
    cell = f'"a\nb\n{long}\nend"'
    path.write_text(HEAD.decode() + f"incident.reported,{AT},INC-1,P1,{cell}\nincident.reported,{AT},I2,P2,\n")
    [(line, code, said, _)] = problems(path, by_columns=False)
    assert (line, code) == (2, "E112")
    assert said == f"line 4 is longer than 1 MiB ({len(long) + 1:,} characters)"
    ja = problems(path, by_columns=False, lang="ja")[0][2]
    assert ja == f"4 行目が 1 MiB を超えています（{len(long) + 1:,} 文字）"
    assert list(events(path)[0]) == ["I2"]


# --- a `#` row after the header -------------------------------------------------------------------------------


@pytest.mark.parametrize("row", ["# exported 2026-11-30,,,,", " #4521,,,,", "# note,x,y,,"])
def test_a_comment_row_after_the_header_is_worded_alike_by_both_readers(tmp_path: Path, row: str) -> None:
    path = tmp_path / "ev.csv"
    rows = [f"incident.reported,{AT},INC-1,P1,", row, f"incident.responded,{AT},INC-1,,"]
    path.write_text(HEAD.decode() + "\n".join(rows) + "\n", "utf-8")
    assert taken(path)  # (a row of the header's cells: the columns read the file, and hand the row back)
    [(line, code, said, hint)] = both(path)
    assert (line, code, said) == (3, "E103", f"unknown event type `{row.split(',')[0].strip()}`")
    assert hint == "a CSV comment (a `#` line) goes before the header only: every line after the header is data"
    assert (
        both(path, "ja")[0][3]
        == "CSV のコメント（`#` の行）は見出し行より前にだけ書けます。見出し行より後の行はすべてデータです"
    )


def test_a_hash_in_a_column_other_than_the_event_is_a_value(tmp_path: Path) -> None:
    """An id `#4521` in the first column is a ticket's, not a comment: read, by both."""
    path = tmp_path / "ev.csv"
    path.write_text(f"id,event,at,priority\n#4521,incident.reported,{AT},P1\n", "utf-8")
    assert taken(path) and both(path) == []
    assert list(events(path)[0]) == ["#4521"]


# --- empty header names, and names given twice ----------------------------------------------------------------


@pytest.mark.parametrize("empties", [1, 2, 3])
def test_empty_header_names_are_columns_without_a_name(tmp_path: Path, empties: int) -> None:
    """`event,at,id,priority,,` as a spreadsheet saves it: read as with one empty name, the same events, by both."""
    path = tmp_path / "ev.csv"
    blank = "," * empties
    rows = [
        f"event,at,id,priority{blank}",
        f"incident.reported,{AT},INC-1,P1{',x' * empties}",
        f"incident.reported,{AT},INC-2,P2{blank}",
        f"incident.responded,{AT},INC-1,{',y' * empties}",
        f"bogus,{AT},INC-3,{blank}",
    ]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    assert taken(path)
    assert [(line, code) for line, code, *_ in both(path)] == [(5, "E103")]
    plain = tmp_path / "plain.csv"
    plain.write_text("\n".join(r.rsplit(",", empties)[0] for r in rows) + "\n", "utf-8")
    assert events(path) == events(plain)


def test_a_name_given_twice_is_refused_with_its_places(tmp_path: Path) -> None:
    path = tmp_path / "ev.csv"
    path.write_text(f"event,at,id,priority,,priority,,id\nincident.reported,{AT},INC-1,P1,,P3,,I\n", "utf-8")
    said = {(line, code, text) for line, code, text, _ in both(path)}
    assert said == {
        (1, "E110", "CSV header names column `priority` more than once (columns 4, 6)"),
        (1, "E110", "CSV header names column `id` more than once (columns 3, 8)"),
    }
    ja = {text for _, _, text, _ in both(path, "ja")}
    assert "CSV の見出し行で列 `priority` が重複しています（4、6 列目）" in ja

"""A note on a contradiction or an id in another Unicode form names the rows of a table as its problems do.

In a directory of Parquet files the rows are numbered on from one file to the next; the note's place
named the file and its own row (``b.parquet: row 1``) while its words cited the row among all the files'
as a line (``on line 4 contradicts line 5``, in a file of three rows). A row is named in its file, with
the file when it is another than the note's (``row 3 of a.parquet``); a text log's lines stay lines.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.report.data_notes import Labels, note_text

ROOT = Path(__file__).resolve().parents[2]
POLICY_PATH = ROOT / "policies" / "clicksoko.sla"
COMPOSED = "ガ-1"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def _table(rows: list[tuple[str, str, str, str | None]]) -> pa.Table:
    return pa.table({k: [r[i] for r in rows] for i, k in enumerate(("event", "at", "id", "priority"))})


def _directory(folder: Path) -> Path:
    folder.mkdir()
    pq.write_table(
        _table(
            [
                ("incident.reported", "2026-11-02T10:00:00+09:00", "INC-1", "P1"),
                ("incident.responded", "2026-11-02T11:00:00+09:00", "INC-1", None),
                ("incident.reported", "2026-11-03T10:00:00+09:00", COMPOSED, "P2"),
            ]
        ),
        folder / "a.parquet",
    )
    pq.write_table(
        _table(
            [
                ("incident.reported", "2026-11-04T10:00:00+09:00", "INC-9", "P3"),
                ("incident.reported", "2026-11-04T10:00:00+09:00", "INC-9", "P1"),
                ("incident.responded", "2026-11-03T11:00:00+09:00", DECOMPOSED, None),
            ]
        ),
        folder / "b.parquet",
    )
    return folder


def _data(events: Any) -> dict[str, Any]:
    """The ``data`` violations of the log, by id."""
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY_PATH), events, "2026-11-01", "2026-12-01")
    return {v.id: v for v in report.violations if v.kind == "data"}


def test_a_contradiction_in_a_directory_names_the_rows_of_its_file(tmp_path: Path) -> None:
    files = _directory(tmp_path / "events")
    note = _data(str(files))["INC-9"]
    b = files / "b.parquet"
    assert note.message == (
        f"{b}: row 1: incident.reported of `INC-9` on row 1 contradicts row 2 at the same instant "
        "(priority `P3` vs `P1`); same-instant events are read in content order, not line order: row 2 first"
    )
    ja = note_text(note.note, note.id, "ja", str, str, str)
    assert ja.startswith("1 行目の `INC-9` の") and "同時刻の 2 行目の記録と" in ja and "2 行目を先に採ります" in ja
    assert ja.endswith(f"（{b}: 1 行目）")


def test_an_id_in_another_form_names_the_row_that_opens_the_known_id_in_its_file(tmp_path: Path) -> None:
    files = _directory(tmp_path / "events")
    note = _data(str(files))[DECOMPOSED]
    a, b = files / "a.parquet", files / "b.parquet"
    assert note.message.startswith(f"{b}: row 3: event for unknown incident")
    assert f"the id opened at row 3 of {a} (a character composed in one" in note.message
    ja = note_text(note.note, note.id, "ja", str, str, str)
    assert f"{a} の 3 行目に記録のある ID `{COMPOSED}`" in ja
    none = Labels(lambda _: None, lambda _: None, lambda _, __: None, lambda _: None)
    labelled = note_text(note.note, note.id, "en", str, str, str, none)
    assert f"the id opened at row 3 of {a} (" in labelled


def test_one_table_names_its_rows(tmp_path: Path) -> None:
    table = pq.read_table(_directory(tmp_path / "events") / "b.parquet")
    note = _data(table)["INC-9"]
    assert note.message.startswith("<table>: row 1: incident.reported of `INC-9` on row 1 contradicts row 2 ")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_text_log_still_names_lines(tmp_path: Path, lang: str) -> None:
    log = tmp_path / "events.jsonl"
    rows = _table(
        [
            ("incident.reported", "2026-11-04T10:00:00+09:00", "INC-9", "P3"),
            ("incident.reported", "2026-11-04T10:00:00+09:00", "INC-9", "P1"),
        ]
    ).to_pylist()
    log.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    note = _data(str(log))["INC-9"]
    assert f"{log}:1: incident.reported of `INC-9` on line 1 contradicts line 2 " in note.message
    said = note_text(note.note, note.id, lang, str, str, str)
    assert ("1 行目の `INC-9`" if lang == "ja" else "on line 1 contradicts line 2") in said

"""A spreadsheet's CSV that ``sla evaluate`` reads is read alike through pandas, pyarrow and records.

The CSV reader takes a row whose every cell is empty (a spreadsheet's last ``,,,,,``) as a blank
line, and an empty header cell (``event, at, id, priority,,``) as naming no column. Through the
documented pandas route the same file was refused: the row of NaN was E102 (``<table>: row 3``), so
was its dict in ``df.to_dict("records")``, and a pyarrow table's two columns named ``""`` were E115
(named twice). Each route now reads the two events the file holds, and a row whose only value is in a
column without a name is E102 there as in the CSV file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pcsv
import pytest

import sla_dsl
from sla_dsl.events import EventInputError

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "examples" / "helpdesk.sla"
EXCEL = (
    "\ufeffevent, at, id, priority,,\r\n"
    "incident.reported, 2026-11-02T09:00:00+09:00, INC-1, P1,,\r\n"
    "incident.responded, 2026-11-02T10:00:00+09:00, INC-1,,,\r\n"
    ",,,,,\r\n"
)


@pytest.fixture(scope="module")
def policy() -> sla_dsl.Policy:
    return sla_dsl.load_policy(POLICY)


@pytest.fixture
def excel(tmp_path: Path) -> Path:
    path = tmp_path / "excel.csv"
    path.write_bytes(EXCEL.encode("utf-8"))
    return path


def _events(policy: sla_dsl.Policy, events: Any) -> int:
    return sla_dsl.evaluate(policy, events, "2026-11-01", "2026-12-01").input.events


def test_the_file_itself_is_read(policy: sla_dsl.Policy, excel: Path) -> None:
    assert _events(policy, excel) == 2


def test_pandas_frame_of_the_file(policy: sla_dsl.Policy, excel: Path) -> None:
    frame = pd.read_csv(excel, skipinitialspace=True)
    assert list(frame.columns)[-2:] == ["Unnamed: 4", "Unnamed: 5"]
    assert _events(policy, frame) == 2


def test_records_of_the_frame(policy: sla_dsl.Policy, excel: Path) -> None:
    records = pd.read_csv(excel, skipinitialspace=True).to_dict("records")
    assert _events(policy, records) == 2


def test_pyarrow_table_with_empty_column_names(policy: sla_dsl.Policy, excel: Path) -> None:
    table = pcsv.read_csv(excel)
    assert table.column_names[-2:] == ["", ""]
    table = table.rename_columns([n.strip() for n in table.column_names])  # (padded names: E115's own help)
    assert _events(policy, table) == 2


def _frame_rows() -> list[list[Any]]:
    return [
        ["incident.reported", "2026-11-02T09:00:00+09:00", "INC-1", "P1", None, None],
        [None, None, None, None, None, None],
        [None, " ", None, None, None, None],  # (blanks only: as a CSV cell of blanks, empty)
        [None, None, None, None, "x", None],  # a value in a column without a name: not a blank row
    ]


def test_value_under_an_empty_header_keeps_its_row(policy: sla_dsl.Policy, tmp_path: Path) -> None:
    """The CSV file, the pandas frame and the pyarrow table all refuse row 4 (the file's line 5) alike."""
    rows = _frame_rows()
    path = tmp_path / "odd.csv"
    lines = ["event,at,id,priority,,", *(",".join("" if c is None else c for c in r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(EventInputError) as from_file:
        _events(policy, path)
    assert [(p.line, p.code) for p in from_file.value.problems] == [(5, "E102")] * 3
    frame = pd.DataFrame(rows, columns=["event", "at", "id", "priority", "", ""])
    table = pa.Table.from_pylist(
        [dict(zip(["event", "at", "id", "priority", "a", "b"], r, strict=True)) for r in rows]
    ).rename_columns(["event", "at", "id", "priority", "", ""])
    for given in (frame, table):
        with pytest.raises(EventInputError) as caught:
            _events(policy, given)
        assert [(p.line, p.code, p.column) for p in caught.value.problems] == [
            (4, "E102", "event"),
            (4, "E102", "at"),
            (4, "E102", "id"),
        ]


def test_a_dict_of_nothing_is_still_refused(policy: sla_dsl.Policy) -> None:
    """A dict whose values are all null is a blank row; ``{}`` (no cell at all) is E102, as a JSON ``{}``."""
    good = {"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "INC-1", "priority": "P1"}
    assert _events(policy, [good, {"event": None, "at": float("nan"), "id": ""}]) == 1
    with pytest.raises(EventInputError) as caught:
        _events(policy, [good, {}])
    assert [(p.line, p.code) for p in caught.value.problems] == [(2, "E102")] * 3


def test_pyarrow_reads_an_empty_cell_as_empty_text(tmp_path: Path) -> None:
    """``sla evaluate`` reads a CSV's empty `cause` cell as no cause; pyarrow's ``read_csv`` reads it as
    the empty text, E107 (`field is empty`) of each such row, which said nothing of why the file read
    and its table did not. Its help says so, and the option that reads the table as the file."""
    policy = sla_dsl.load_policy(ROOT / "policies" / "clicksoko.sla")
    path = tmp_path / "causes.csv"
    path.write_text(
        "event,at,id,priority,cause\n"
        "incident.reported,2026-11-02T09:00:00+09:00,INC-1,P1,\n"
        "incident.reported,2026-11-02T09:30:00+09:00,INC-2,P2,customer_fault\n",
        encoding="utf-8",
    )
    assert _events(policy, path) == 2
    with pytest.raises(EventInputError) as caught:
        _events(policy, pcsv.read_csv(path))
    assert [(p.line, p.code, p.column) for p in caught.value.problems] == [(1, "E107", "cause")]
    said = caught.value.in_lang("en").problems[0].render("en")
    assert "pyarrow's `read_csv` reads a CSV's empty cells as empty text" in said, said
    assert "`pyarrow.csv.ConvertOptions(strings_can_be_null=True)`" in said
    japanese = caught.value.problems[0].render("ja")
    assert "空のテキスト" in japanese and "empty" not in japanese, japanese
    options = pcsv.ConvertOptions(strings_can_be_null=True)
    assert _events(policy, pcsv.read_csv(path, convert_options=options)) == 2

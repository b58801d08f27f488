"""A CSV file read by Arrow's CSV reader (:mod:`sla_dsl.events.csv_columns`) gives the CSV reader's log
exactly, or is left to the CSV reader.

Random logs, clean and not (quoted cells with commas, quotes and newlines in them, a quote inside a cell
or after a closing one, blanks around a value or alone in a cell, empty and ``""`` cells, rows with a cell
too few or too many, blank lines, comments, a ``\\r`` alone, NUL, text that is not UTF-8, a header with a
name twice or quoted...), read both ways through ``read_events``, the columns' blocks small: the same
records in the same order with the same lines, the same notes of unread fields, the same problems. Clean
logs (and logs with problems the columns hand back) must be taken by the columns, else the property would
hold by never taking one; each kind of file Arrow reads otherwise must leave it to the CSV reader.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from log_outcome import outcome

from sla_dsl.events import EventInputError, csv_columns, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.csv_columns import csv_by_columns

TYPES = [
    "incident.reported",
    "incident.responded",
    "outage.started",
    "outage.ended",
    "stop.announced",
    "bogus",
    " incident.responded",
    "outage.started\u3000",
]
INSTANTS = [
    "2026-04-06T09:00:00+09:00",
    "2026-04-06T10:30:00.250000+09:00",
    "2026-04-06T01:00:00Z",
    "2026-05-01T12:00:00-05:30",
    "2026-02-30T10:00:00+09:00",
    "2026-04-06 09:00",
    "",
    " 2026-04-06T09:00:00+09:00",
    "2026-04-06T01:00:00Z\t",
]
TEXTS = [
    *("P1", "P2", "email", "database", " P1", "", "az-a", "INC-1", "OUT-2 ", "障害-1", "a,b", 'say "hi"', "x\ny"),
    *(" ", "\u3000", " \t"),
]
#: The columns besides ``event``, ``at`` and ``id`` a header may name (``note``: one the contract does not).
FIELDS = ("priority", "cause", "channel", "kind", "zone", "start", "end", "attributes", "note")
ATTRIBUTES = ['{"plan": "gold"}', "gold", ""]


@st.composite
def headers(draw: st.DrawFn) -> list[str]:
    extra = draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=5))
    return draw(st.permutations(["event", "at", "id", *extra]))


@st.composite
def cells(draw: st.DrawFn, name: str) -> str:
    if name == "event":
        return draw(st.sampled_from(TYPES))
    if name in ("at", "start", "end"):
        return draw(st.sampled_from(INSTANTS))
    if name == "attributes":
        return draw(st.sampled_from(ATTRIBUTES))
    if name == "id":
        return draw(st.sampled_from(["INC-1", "INC-2", "OUT-1", "", " INC-3", "障害-2", "  "]))
    return draw(st.sampled_from(TEXTS))


#: Kinds of line besides a row written by the ``csv`` module: each a way Arrow may read otherwise.
ODD = [
    "blank",
    "blanks",
    "comment",
    "fewer",
    "more",
    "quote after",
    "quote inside",
    "unclosed",
    "carriage return",
    "nul",
    "not utf-8",
]


@st.composite
def row_lines(draw: st.DrawFn, header: list[str], odd: bool) -> bytes:
    """One line of a log under ``header`` (more than one when a quoted cell holds a newline)."""
    row = [draw(cells(name)) for name in header]
    kind = draw(st.sampled_from(["row"] * 10 + (ODD if odd else [])))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    # (in place of the first cell, as written: a quote after a closing one, inside a cell, never closed)
    prefix = {"quote after": '"ab"c,', "quote inside": 'ab"c,', "unclosed": '"open,'}.get(kind, "")
    if prefix:
        row = row[1:]
    if kind == "fewer":
        row = row[:-1]
    if kind == "more":
        row = [*row, "x"]
    out = io.StringIO()
    csv.writer(out, quoting=quoting, lineterminator="\r\n").writerow(row)  # (a cell with a newline quoted)
    line = prefix + out.getvalue().removesuffix("\r\n")
    if kind == "blank":
        line = ""
    elif kind == "blanks":
        line = "   "
    elif kind == "comment":
        line = "# a comment"
    elif kind == "carriage return":
        line = line.replace(",", "\r,", 1)
    elif kind == "nul":
        line = line.replace(",", "\x00,", 1)
    data = line.encode()
    return data.replace(b",", b",\xff", 1) if kind == "not utf-8" else data


@st.composite
def logs(draw: st.DrawFn, odd: bool = True) -> bytes:
    header = draw(headers())
    head = ",".join(f'"{n}"' if draw(st.booleans()) else n for n in header)
    lines = draw(st.lists(row_lines(header, odd), min_size=1, max_size=12))
    ending = draw(st.sampled_from(["\n", "\r\n"])).encode()
    text = ending.join([head.encode(), *lines]) + (ending if draw(st.booleans()) else b"")
    return (b"\xef\xbb\xbf" if draw(st.integers(0, 5)) == 0 else b"") + text


def both_ways(path: Path, block: int | None = None, **opts: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(read through the columns when clean, in blocks of ``block`` bytes; read by the CSV reader)."""
    with (
        mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0),
        mock.patch.object(csv_columns, "_BLOCK", block or csv_columns._BLOCK),
    ):
        columns = outcome(lambda: read_events(path, **opts))
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_rows = outcome(lambda: read_events(path, **opts))
    return columns, by_rows


def taken(path: Path, block: int | None = None, **opts: Any) -> bool:
    """Whether the columns read ``path`` rather than leave it to the CSV reader."""
    with mock.patch.object(csv_columns, "_BLOCK", block or csv_columns._BLOCK):
        try:
            return csv_by_columns(path, str(path), **opts) is not None
        except EventInputError:  # (taken, with problems)
            return True


@pytest.fixture(scope="module")
def spot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("csv") / "events.csv"


BLOCKS = st.sampled_from([0, 0, 300, 4 << 20])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(logs(), BLOCKS, st.booleans(), st.booleans())
def test_columns_and_rows_agree(spot: Path, data: bytes, block: int, skip: bool, defer: bool) -> None:
    spot.write_bytes(data)
    columns, by_rows = both_ways(spot, block, skip_invalid=skip, defer=defer)
    assert columns == by_rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(logs(odd=False), BLOCKS, st.booleans())
def test_a_log_of_rows_is_taken_by_the_columns(spot: Path, data: bytes, block: int, skip: bool) -> None:
    """Rows well formed or not (a bad time, an empty id, attributes, a field a type does not carry), each
    one line: read by the columns, the rows they do not take from their cells."""
    spot.write_bytes(data)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    one_line_rows = not any("\n" in cell for row in rows for cell in row)  # (a quoted newline: two lines)
    assert taken(spot, block, skip_invalid=skip) == one_line_rows
    columns, by_rows = both_ways(spot, block, skip_invalid=skip)
    assert columns == by_rows


CLEAN = [
    ["event", "at", "id", "priority", "cause", "kind"],
    ["incident.reported", "2026-04-06T09:00:00+09:00", "INC-1", "P1", "", ""],
    ["incident.responded", "2026-04-06T10:30:00.250000+09:00", "INC-1", "", "", ""],
    ["outage.started", "2026-04-06T01:00:00Z", "OUT-1", "", "failure", ""],
    ["outage.ended", "2026-04-06T02:00:00Z", "OUT-1", "", "", ""],
    ["backup.completed", "2026-04-06T03:00:00+09:00", "b-1", "", "", "database"],
    ["incident.reported", "2026-04-07T09:00:00+09:00", "障害-2", "P3", "", "database"],  # (kind: noted as unread)
]


def write(path: Path, rows: list[list[str]], tail: str = "", quoting: int = csv.QUOTE_MINIMAL) -> Path:
    out = io.StringIO()
    csv.writer(out, quoting=quoting, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue() + tail, encoding="utf-8")
    return path


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
def test_a_clean_log_is_read_by_the_columns_as_by_the_rows(tmp_path: Path, quoting: int) -> None:
    path = write(tmp_path / "events.csv", [CLEAN[0], *CLEAN[1:] * 3], quoting=quoting)
    assert taken(path)
    columns, by_rows = both_ways(path)
    assert columns == by_rows and columns[2] == 18
    assert len(columns[3]) == 3  # the kind each incident report gives: unread


#: Files Arrow would read otherwise than the CSV reader: read by the CSV reader.
UNCLEAN = {
    "a blank line": "\n",
    "blanks": "   \n",
    "a comment after the header": "# note\n",
    "a cell too few": "incident.responded,2026-04-06T10:00:00+09:00,A,,\n",
    "a cell too many": "incident.responded,2026-04-06T10:00:00+09:00,A,,,,x\n",
    "a quoted newline": 'incident.responded,2026-04-06T10:00:00+09:00,"A\nB",,,\n',
    "a carriage return alone": "incident.responded,2026-04-06T10:00:00+09:00,A\r,,,\n",
    "a quote never closed": 'incident.responded,2026-04-06T10:00:00+09:00,"A,,,\n',
}


@pytest.mark.parametrize("what", list(UNCLEAN))
def test_an_unclean_line_leaves_the_log_to_the_csv_reader(tmp_path: Path, what: str) -> None:
    path = write(tmp_path / "events.csv", CLEAN, UNCLEAN[what] + ",".join(CLEAN[1]) + "\n")
    assert not taken(path, skip_invalid=True)
    for skip in (True, False):
        columns, by_rows = both_ways(path, skip_invalid=skip)
        assert columns == by_rows


@pytest.mark.parametrize(
    "what, raw",
    [
        ("not UTF-8", b"incident.responded,2026-04-06T10:00:00+09:00,\xff,,,\n"),
        ("a NUL", b"incident.responded,2026-04-06T10:00:00+09:00,A\x00,,,\n"),
        ("a line past the cell limit", b"incident.responded,2026-04-06T10:00:00+09:00," + b"x" * (1 << 17) + b",,,\n"),
    ],
)
def test_unclean_bytes_leave_the_log_to_the_csv_reader(tmp_path: Path, what: str, raw: bytes) -> None:
    path = write(tmp_path / "events.csv", CLEAN)
    path.write_bytes(path.read_bytes() + raw)
    assert not taken(path, skip_invalid=True), what
    columns, by_rows = both_ways(path, skip_invalid=True)
    assert columns == by_rows


@pytest.mark.parametrize(
    "what, head",
    [
        ("a blank line first", "\nevent,at,id,priority,cause,kind\n"),
        ("a comment first", "# export\nevent,at,id,priority,cause,kind\n"),
        ("a name twice", "event,at,id,priority,cause,id\n"),
        ("no id", "event,at,ident,priority,cause,kind\n"),
        ("a quoted header over two lines", 'event,at,id,priority,cause,"kind\n"\n'),
    ],
)
def test_a_header_the_csv_reader_reads_otherwise(tmp_path: Path, what: str, head: str) -> None:
    path = tmp_path / "events.csv"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(CLEAN[1:])
    path.write_text(head + out.getvalue(), encoding="utf-8")
    assert not taken(path), what
    columns, by_rows = both_ways(path, skip_invalid=True)
    assert columns == by_rows


def test_a_header_with_blanks_a_mark_and_quotes_is_the_csv_readers(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(CLEAN[1:])
    path.write_bytes(b'\xef\xbb\xbf" event" ,at,"id",priority,cause,kind\r\n' + out.getvalue().encode())
    assert taken(path)
    columns, by_rows = both_ways(path)
    assert columns == by_rows and columns[2] == 6


def test_rows_handed_back_far_apart_in_a_large_log(tmp_path: Path) -> None:
    """Rows the columns do not take (an id of blanks only, no id) in a log of several blocks: their
    problems worded from their cells, in their places; past a thousand, the CSV reader reads the log."""
    odd = ["incident.reported", "2026-04-06T09:00:00+09:00", " \u3000", "P1", "", ""]
    rows = [CLEAN[0], odd, *CLEAN[1:] * 5_000, odd, *CLEAN[1:] * 5_000, odd]
    path = write(tmp_path / "events.csv", rows)
    assert path.stat().st_size > 2 * (1 << 20)
    assert taken(path, 1 << 20, skip_invalid=True)
    columns, by_rows = both_ways(path, 1 << 20, skip_invalid=True)
    assert columns == by_rows
    many = write(tmp_path / "many.csv", [CLEAN[0], *[odd] * 1_001])
    assert not taken(many, skip_invalid=True)
    assert taken(write(tmp_path / "fewer.csv", [CLEAN[0], *[odd] * 1_000]), skip_invalid=True)


def test_a_gzip_log_is_the_csv_readers(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "events.csv"
    path.write_bytes(gzip.compress(write(tmp_path / "plain.csv", CLEAN).read_bytes()))
    assert not taken(path)
    columns, by_rows = both_ways(path)
    assert columns == by_rows and columns[2] == 6

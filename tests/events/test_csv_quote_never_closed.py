"""A CSV quote never closed is an error of its row, and every line after it is still read.

The csv module, not strict, gives the rest of the file after a quote never closed as one cell: the
reader said so (E111) and lost every later row, with ``--skip-invalid`` too (``input.events`` and
``skipped`` did not add up to the rows of the file). The row now ends at the quote's line and the
lines after it are read as rows, each an event or a problem of its own, by both CSV readers.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from log_outcome import outcome

from sla_dsl.cli.app import main
from sla_dsl.events import EventInputError, csv_reader, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.csv_reader import read_csv

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
AT = "2026-11-02T09:00:00+09:00"
#: The repro: line 6 opens a quote it never closes; then a good row and two bad ones.
LOG = (
    "event,at,id,priority\n"
    f"incident.reported,{AT},C-1,P1\n"
    f'incident.reported,{AT},"C-2\nmulti",P1\n'
    f"incident.reported,{AT},C-3,P1,extra\n"
    f'incident.reported,{AT},"C-4,P1\n'
    "incident.responded,2026-11-02T10:00:00+09:00,C-1,\n"
    "incident.reported,2026-11-02T09:00:00,C-5,P1\n"
    "incident.reported,,C-6,P1\n"
)
#: The problems of LOG, in line order.
PROBLEMS = [(5, "E111"), (6, "E111"), (8, "E105"), (9, "E102")]


def _read(text: str, *, skip: bool = False) -> tuple[list[tuple[str, int]], list[tuple[int, str]]]:
    """((incident id, line) of each event filed, the problems as (line, code)), by the row reader."""
    try:
        log = read_csv(io.StringIO(text, newline=""), "ev.csv", skip_invalid=skip)
    except EventInputError as exc:
        return [], [(p.line, p.code) for p in exc.problems]
    events = sorted((ident, rec[3]) for ident, recs in log.groups[0].items() for rec in recs)
    return events, [(int(t.split(":")[1]), t.split("[")[1][:4]) for t in log.skipped]


def test_every_row_after_a_quote_never_closed_is_read_skipped_or_not() -> None:
    events, skipped = _read(LOG, skip=True)
    assert events == [("C-1", 2), ("C-1", 7), ("C-2\nmulti", 3)]
    assert skipped == PROBLEMS
    rows = {2, 3, 5, 6, 7, 8, 9}  # (line 4 is the second line of the row at 3)
    assert {line for _, line in events} | {line for line, _ in skipped} == rows
    assert _read(LOG) == ([], PROBLEMS)  # every problem of the file, in line order


def test_the_problem_names_the_quotes_line_and_column_in_both_languages() -> None:
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(LOG, newline=""), "ev.csv")
    found = info.value.problems[1]
    assert (found.line, found.code) == (6, "E111")
    assert found.message == "a quote opened at line 6, column 45 is never closed: the lines after it are read as rows"
    assert found.text("ja") == (
        "6 行目の 45 文字目で開いた引用符がファイルの終わりまで閉じられていません。次の行からは改めて 1 行ずつ読みます"
    )


def test_a_quote_left_open_on_a_later_line_of_a_row_is_placed_at_the_row() -> None:
    text = (
        "event,at,id,priority,note\n"
        f'incident.reported,{AT},C-1,P1,"two\nlines",x,"open\n'
        f"incident.reported,{AT},C-2,P1,\n"
    )
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(text, newline=""), "ev.csv")
    [found] = info.value.problems  # (C-2 is read, not swallowed)
    assert (found.line, found.code) == (2, "E111")
    assert found.message.startswith("a quote opened at line 3, column 10 is never closed")
    assert _read(text, skip=True) == ([("C-2", 4)], [(2, "E111")])


def test_a_stray_quote_before_a_quote_never_closed_is_no_cover() -> None:
    """An even number of quotes in the row (``12"`` in an unquoted cell, then a quote never closed)."""
    text = (
        f'event,at,id,priority,note\nincident.reported,{AT},C-1,P1,12" screen,"broken\nincident.reported,{AT},C-2,P1,\n'
    )
    assert _read(text, skip=True) == ([("C-2", 3)], [(2, "E111")])


def test_a_quote_never_closed_before_more_than_a_cell_holds() -> None:
    """Over 128 KiB after the quote: the csv module gives up on the cell; the lines after it are read too."""
    rows = "".join(f"incident.reported,{AT},R-{i},P2\n" for i in range(4000))
    text = f'event,at,id,priority\nincident.reported,{AT},C-1,"P1\n{rows}incident.reported,{AT},C-2,P1\n'
    events, skipped = _read(text, skip=True)
    assert len(events) == 4001 and events[0] == ("C-2", 4003) and skipped == [(2, "E111")]
    log = read_csv(io.StringIO(text, newline=""), "ev.csv", skip_invalid=True)
    assert "never closed" in log.skipped[0] and "field limit" not in log.skipped[0]
    closed = text.replace("R-3999,P2\n", 'R-3999,P2"\n')  # (the cell closes after the limit)
    assert _read(closed, skip=True) == ([("C-2", 4003)], [(2, "E111")])  # (its lines are passed over)


def test_a_quote_never_closed_with_too_much_after_it_stops_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_reader, "_MOST_HELD", 1000)
    rows = "".join(f"incident.reported,{AT},C-{i},P1,{'y' * 5000}\n" for i in range(30))
    text = f'event,at,id,priority,note\nincident.reported,{AT},C-0,P1,"open\n{rows}'
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(text, newline=""), "ev.csv", skip_invalid=True)
    [found] = info.value.problems
    assert (found.line, found.code, found.fatal) == (2, "E111", True)
    assert "the rest of the file is not read" in found.message


def _both(path: Path, **opts: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(read with the columns allowed, read by the CSV reader)."""
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        columns = outcome(lambda: read_events(path, **opts))
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_rows = outcome(lambda: read_events(path, **opts))
    return columns, by_rows


@pytest.mark.parametrize("skip", [False, True])
def test_both_csv_readers_read_every_row_after_the_quote(tmp_path: Path, skip: bool) -> None:
    path = tmp_path / "ev.csv"
    path.write_text(LOG, "utf-8")
    columns, by_rows = _both(path, skip_invalid=skip)
    assert columns == by_rows
    if skip:
        assert by_rows[2] == 3 and [(line, code) for line, code, _ in by_rows[4]] == PROBLEMS
    else:
        assert [(line, code) for line, code, _ in by_rows[1]] == PROBLEMS


def _evaluate(path: Path, *more: str) -> tuple[int, str, str]:
    """Run ``sla evaluate`` in this process on ``path``: (exit code, stdout, stderr)."""
    raw, err = io.BytesIO(), io.StringIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    argv = ["evaluate", str(POLICY), str(path), "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*argv, *more])
    out.flush()
    return code, raw.getvalue().decode("utf-8"), err.getvalue()


def test_evaluate_accounts_for_every_row(tmp_path: Path) -> None:
    path = tmp_path / "c1.csv"
    path.write_text(LOG, "utf-8")
    code, out, _ = _evaluate(path, "--skip-invalid", "--lang", "en")
    assert code == 0
    given = json.loads(out)["input"]
    assert given["events"] == 3
    assert [int(s.split(":")[1]) for s in given["skipped"]] == [5, 6, 8, 9]
    code, out, err = _evaluate(path, "--lang", "en")
    assert code == 1
    assert [err.index(f"c1.csv:{n}: error: [{c}]") for n, c in PROBLEMS] == sorted(
        err.index(f"c1.csv:{n}: error: [{c}]") for n, c in PROBLEMS
    )

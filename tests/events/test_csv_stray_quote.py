"""A quoted CSV cell over several lines closed by a quote followed by text is an error of its row.

A memo typed with a leading quote (``"至急 対応``) and not escaped by the export opens a quoted cell
that the csv module, not strict, closes at the next quote of the file whatever follows it: the next
row's ``"顧客"``. The two lines became one row read as the second line's event, and the first line's
event was lost without a word (exit 0). Such a cell (RFC 4180 doubles a quote inside a quoted cell)
is now E111 of its row, naming where the quote opened and where the cell closed; the row ends at the
quote's line and the lines after it are read as rows, as after a quote never closed, by both CSV
readers. A row over several lines with too many cells names its lines, and a row that repeats the
header (files joined with ``cat``) says so in its help.
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
from sla_dsl.events import EventInputError, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.csv_reader import read_csv

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
AT = "2026-11-02T09:00:00+09:00"
#: QA's repro: line 2's memo opens a quote that line 3's first quote closes, followed by `顧客"`.
Q3 = (
    "memo,event,at,id,priority\r\n"
    f'"至急 対応,incident.reported,{AT},A,P1\r\n'
    f'"顧客",incident.reported,{AT},B,P1\r\n'
    f"ok,incident.reported,{AT},C,P1\r\n"
)


def _read(text: str, *, skip: bool = False) -> tuple[list[tuple[str, int]], list[tuple[int, str]]]:
    """((incident id, line) of each event filed, the problems as (line, code)), by the row reader."""
    try:
        log = read_csv(io.StringIO(text, newline=""), "ev.csv", skip_invalid=skip)
    except EventInputError as exc:
        return [], [(p.line, p.code) for p in exc.problems]
    events = sorted((ident, rec[3]) for ident, recs in log.groups[0].items() for rec in recs)
    return events, [(int(t.split(":")[1]), t.split("[")[1][:4]) for t in log.skipped]


def test_the_stray_quote_is_an_error_and_the_next_line_an_event() -> None:
    events, skipped = _read(Q3, skip=True)
    assert events == [("B", 3), ("C", 4)]
    assert skipped == [(2, "E111")]  # (every line after the header: an event or a problem)
    assert _read(Q3) == ([], [(2, "E111")])


def test_the_problem_names_where_the_quote_opened_and_the_cell_closed_in_both_languages() -> None:
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(Q3, newline=""), "q3.csv")
    [found] = info.value.problems
    assert (found.line, found.code) == (2, "E111")
    assert found.message == (
        "the quoted cell opened at line 2, column 1 is closed at line 3, column 1 by a quote followed by"
        ' `顧客"`: the row ends at line 2, the lines after it are read as rows'
    )
    assert found.text("ja") == (
        '2 行目の 1 文字目で開いた引用符のセルが 3 行目の 1 文字目の引用符で閉じ、その後に `顧客"` が続いています。'
        "この行は 2 行目で終わりとし、次の行からは改めて 1 行ずつ読みます"
    )
    assert '`""`' in (found.help or "") and '`"""urgent"`' in (found.help or "")
    assert '`""`' in (found.help_text("ja") or "") and '`"""至急"`' in (found.help_text("ja") or "")


def test_a_stray_quote_in_a_later_cell_of_a_row_over_several_lines() -> None:
    """The row at 2 holds a good cell over lines 2-3, then opens one at line 3 closed at 4 by ``"x``."""
    text = (
        "event,at,id,priority,note\n"
        f'incident.reported,{AT},C-1,P1,"two\nlines" ,"open\n'
        f'"x",incident.reported,{AT},C-2,P1\n'
        f"incident.reported,{AT},C-3,P1,\n"
    )
    assert _read(text, skip=True) == ([("C-3", 5)], [(2, "E111"), (4, "E103")])
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(text, newline=""), "ev.csv")
    assert info.value.problems[0].message.startswith("the quoted cell opened at line 3, column 9 is closed at line 4")


def test_a_stray_quote_within_the_lines_read_again() -> None:
    """Line 2 opens a cell closed at 3 by ``"two``; read again, line 3 opens one closed at 4 by ``"a``."""
    text = (
        "memo,event,at,id,priority\n"
        f'"one,incident.reported,{AT},C-1,P1\n'
        f',"two,incident.reported,{AT},C-2,P1\n'
        f'"a",incident.reported,{AT},C-3,P1\n'
        f'"b",incident.reported,{AT},C-4,P1\n'
        f"c,incident.reported,{AT},C-5,P1\n"
    )
    events, skipped = _read(text, skip=True)
    assert events == [("C-3", 4), ("C-4", 5), ("C-5", 6)]
    assert skipped == [(2, "E111"), (3, "E111")]


@pytest.mark.parametrize(
    ("cell", "ident"),
    [
        ('"two\nlines"', "two\nlines"),  # a quoted cell over two lines
        ('"say ""hi""\nagain"', 'say "hi"\nagain'),  # doubled quotes in it
        ('"a, b\nc, d"', "a, b\nc, d"),  # commas in it
        ('"two\nlines" ', "two\nlines"),  # a blank after its closing quote (trimmed, as any blank around)
        ('"abc"def', "abcdef"),  # text after a closing quote on the quote's own line: as the csv module reads it
        ('"a\n""b"""', 'a\n"b"'),  # a doubled quote at a line's start, one before the closing quote
    ],
)
def test_legitimate_csv_is_read_as_before(cell: str, ident: str) -> None:
    text = f"event,at,id,priority\nincident.reported,{AT},{cell},P1\nincident.reported,{AT},x,P1\n"
    assert _read(text) == (sorted([(ident, 2), ("x", 3 + cell.count("\n"))]), [])


def test_too_many_cells_in_a_row_over_several_lines_names_its_lines() -> None:
    text = (
        "memo,event,at,id,priority\n"
        f'"至急 対応,incident.reported,{AT},A,P1\n'
        f'",extra,incident.reported,{AT},B,P1\n'
        f"ok,incident.reported,{AT},C,P1\n"
    )
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(text, newline=""), "ev.csv")
    [found] = info.value.problems
    assert (found.line, found.code) == (2, "E111")
    assert found.message == (
        "6 cells but the header names 5 columns: the row runs over lines 2-3, as the quoted cell opened at"
        " line 2, column 1 closes at line 3"
    )
    assert found.text("ja") == (
        "セルが 6 個ありますが、見出し行の列は 5 個です。2 行目の 1 文字目で開いた引用符のセルが 3 行目で閉じるため、"
        "この行は 2〜3 行目にわたります"
    )
    assert "line 2, column 1" in (found.help or "") and "2 行目の 1 文字目" in (found.help_text("ja") or "")
    one_line = f"event,at,id\nincident.reported,{AT},C-1,x\n"
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(one_line, newline=""), "ev.csv")
    assert info.value.problems[0].message == "4 cells but the header names 3 columns"  # (as before)


def test_a_row_that_repeats_the_header_says_the_files_were_joined() -> None:
    text = (
        f"event,at,id,priority\nincident.reported,{AT},C-1,P1\nevent, at,id,priority\nincident.reported,{AT},C-2,P1\n"
    )
    with pytest.raises(EventInputError) as info:
        read_csv(io.StringIO(text, newline=""), "m.csv")
    [found] = info.value.problems
    assert (found.line, found.code, found.message) == (3, "E103", "unknown event type `event`")
    assert found.help is not None and "repeats the header" in found.help and "tail -n +2 b.csv" in found.help
    assert "見出し行の繰り返し" in (found.help_text("ja") or "") and "`cat`" in (found.help_text("ja") or "")


def test_a_byte_not_utf8_after_the_closing_quote_is_quoted_as_its_escape(tmp_path: Path) -> None:
    """The text after the quote is quoted in the E111 (line 3's byte is its own E113): never a lone
    surrogate, which no report could write as UTF-8."""
    path = tmp_path / "bad.csv"
    path.write_bytes(Q3.replace('"顧客"', '"b\udcff"').encode("utf-8", "surrogateescape"))
    code, out, err = _evaluate(path, "--skip-invalid", "--lang", "en")
    assert code == 0 and "internal error" not in err
    skipped = json.loads(out)["input"]["skipped"]
    assert [s.split(": error: ")[1][:6] for s in skipped] == ["[E111]", "[E113]"]
    assert 'followed by `b\\xff"`' in skipped[0]


def _both(path: Path, **opts: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(read with the columns allowed, read by the CSV reader)."""
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        columns = outcome(lambda: read_events(path, **opts))
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_rows = outcome(lambda: read_events(path, **opts))
    return columns, by_rows


@pytest.mark.parametrize("skip", [False, True])
@pytest.mark.parametrize("what", ["stray", "header"])
def test_both_csv_readers_agree(tmp_path: Path, skip: bool, what: str) -> None:
    path = tmp_path / "ev.csv"
    rows = "".join(f"x,incident.reported,{AT},R-{i},P2\n" for i in range(50))
    middle = Q3.split("\r\n", 1)[1].replace("\r\n", "\n") if what == "stray" else "memo,event,at,id,priority\n"
    path.write_text(f"memo,event,at,id,priority\n{rows}{middle}{rows}", "utf-8")
    columns, by_rows = _both(path, skip_invalid=skip)
    assert columns == by_rows
    said = by_rows[4] if skip else by_rows[1]
    assert [(line, code) for line, code, _ in said] == [(52, "E111" if what == "stray" else "E103")]


def _evaluate(path: Path, *more: str) -> tuple[int, str, str]:
    """Run ``sla evaluate`` in this process on ``path``: (exit code, stdout, stderr)."""
    raw, err = io.BytesIO(), io.StringIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    argv = ["evaluate", str(POLICY), str(path), "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*argv, *more])
    out.flush()
    return code, raw.getvalue().decode("utf-8"), err.getvalue()


def test_evaluate_names_the_stray_quote_and_loses_no_event(tmp_path: Path) -> None:
    path = tmp_path / "q3.csv"
    path.write_bytes(Q3.encode())
    code, out, err = _evaluate(path, "--lang", "en")
    assert code == 1 and out == ""
    assert "q3.csv:2: error: [E111] the quoted cell opened at line 2, column 1" in err
    assert "Traceback" not in err
    code, out, _ = _evaluate(path, "--skip-invalid", "--lang", "en")
    assert code == 0
    given = json.loads(out)["input"]
    assert given["events"] == 2 and [s.split(": error")[0][-4:] for s in given["skipped"]] == ["sv:2"]
    assert [i["id"] for i in json.loads(out)["incidents"]] == ["B", "C"]

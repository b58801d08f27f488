"""A CSV header of another form (``;`` or a tab between its names, names in capitals) is said on its own line.

Before a log's first line of data, both readers pass over blank lines, comment lines and a line that holds
only a byte-order mark (files merged by ``cat``): a header written after them is not on line 1. The E110 of
a log not named ``.csv`` (a file named otherwise, standard input) said line 1 all the same; a ``.csv``
file's E110 always named the header's line (its reader counts every line). A byte-order mark at the start
of a later line (logs merged by ``cat``) hid the header from the look at the first line: a CSV log on
standard input was read as JSON Lines, an E100 for each line.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from sla_dsl.events import EventInputError, read_events

AT = "2026-11-02T09:00:00+09:00"
BOM = "\ufeff"
#: What may come before the header, and the header's line after it.
BEFORE = [
    ("", 1),
    ("\n\n", 3),
    ("# exported by the desk\n# 2026-11\n", 3),
    ("\n  # exported\n\t\n", 4),
    (f"{BOM}\n", 2),
    (f"{BOM}# exported\n\n{BOM}", 3),
]
HEADERS = [
    ("Event;At;ID;Priority", ";", "separate the columns with commas (`,`), not `;`"),
    ("event\tat\tid\tpriority", "\t", "separate the columns with commas (`,`), not `\\t`"),
    ("Event,At,ID,Priority", ",", "column names are lower case"),
]


def _log(before: str, header: str, sep: str) -> bytes:
    rows = [sep.join(["incident.reported", AT, f"INC-{i}", "P1"]) for i in range(3)]
    return (before + "\n".join([header, *rows]) + "\n").encode("utf-8")


def _problems(source: Path | str) -> list[str]:
    with pytest.raises(EventInputError) as caught:
        read_events(source)
    return [p.render("en") for p in caught.value.problems]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8"))


@pytest.mark.parametrize(("before", "line"), BEFORE)
@pytest.mark.parametrize(("header", "sep", "hint"), HEADERS)
def test_the_e110_of_a_log_named_otherwise_names_the_headers_line(
    tmp_path: Path, before: str, line: int, header: str, sep: str, hint: str
) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(_log(before, header, sep))
    [said] = _problems(path)
    assert said.startswith(f"{path}:{line}: error: [E110] "), said
    first = "the first line is" if line == 1 else "the first line that is neither blank nor a comment is"
    assert f"{first} not JSON but looks like a CSV header" in said, said
    assert hint in said, said


@pytest.mark.parametrize(("before", "line"), BEFORE)
def test_the_e110_of_standard_input_names_the_headers_line(
    monkeypatch: pytest.MonkeyPatch, before: str, line: int
) -> None:
    _stdin(monkeypatch, _log(before, "Event;At;ID;Priority", ";"))
    [said] = _problems("-")
    assert said.startswith(f"<stdin>:{line}: error: [E110] "), said


def test_a_header_after_more_comments_than_a_look_ahead_holds(tmp_path: Path) -> None:
    """The first line is looked for line by line past what a peek holds: counted all the same."""
    comments = "".join(f"# note {i} {'x' * 60}\n" for i in range(300))  # (about 20 KB)
    path = tmp_path / "export.log"
    path.write_bytes(_log(comments, "Event;At;ID;Priority", ";"))
    [said] = _problems(path)
    assert said.startswith(f"{path}:301: error: [E110] "), said


@pytest.mark.parametrize(("before", "line"), BEFORE)
def test_a_csv_files_e110_names_the_headers_line(tmp_path: Path, before: str, line: int) -> None:
    """The same header in a file named ``.csv``: its reader counts the lines it passes over."""
    path = tmp_path / "export.csv"
    path.write_bytes(_log(before, "Event;At;ID;Priority", ";"))
    [said] = _problems(path)
    assert said.startswith(f"{path}:{line}: error: [E110] CSV header lacks column"), said


def test_the_japanese_words_do_not_say_line_one(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(_log("# exported\n", "Event;At;ID;Priority", ";"))
    with pytest.raises(EventInputError) as caught:
        read_events(path)
    [problem] = caught.value.problems
    said = problem.render("ja")
    assert said.startswith(f"{path}:2: error: [E110] 空行とコメントの行を除いた最初の行が JSON ではなく"), said
    assert "1 行目" not in said, said


def test_a_csv_log_merged_with_its_marks_is_read_as_csv_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """A mark at the start of a later line hid the header: every line was an E100 of JSON Lines."""
    data = f"{BOM}\n{BOM}event,at,id,priority\nincident.reported,{AT},INC-1,P1\n".encode()
    _stdin(monkeypatch, data)
    log = read_events("-")
    assert log.count == 1 and not log.problems

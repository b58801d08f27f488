"""``attributes`` are filed on columns, in CSV, JSON Lines, Parquet and Arrow alike, as the row readers
file them.

An ``attributes`` cell (JSON text in a CSV cell or a text column, a struct of JSON's objects, a ``map``)
used to send its row to the row reader: a CSV or JSON Lines log with more than a thousand reports giving
their plan was read row by row. Now each distinct cell is judged once on columns
(:func:`sla_dsl.events.arrow_columns._attributes`) and only a row whose cell the models must word
(not JSON, not an object, a value not text, a key twice, a blank around a name) is handed back. Random
logs with random cells, bad ones among them, read both ways give the same records, notes and problems;
the rows handed back are counted by wrapping the function that hands them back.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from unittest import mock

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from log_outcome import outcome

from sla_dsl.cli import main
from sla_dsl.events import arrow, jsonl_columns, read_events
from sla_dsl.events import lines as lines_module
from sla_dsl.events.arrow import read_table
from sla_dsl.events.csv_columns import read_csv_columns
from sla_dsl.events.jsonl_columns import read_jsonl_columns
from sla_dsl.events.problems import EventInputError
from sla_dsl.events.schema import EventLog

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"

#: Types that carry attributes, types that do not (noted as unread), and one that is no type.
TYPES = ["incident.reported", "incident.reported", "outage.started", "incident.responded", "backup.completed", "bogus"]
#: ``attributes`` as JSON text: taken (objects of texts, ``{}``, ``null``, blanks JSON allows around
#: them) and handed to the models (not JSON, not an object, a value not text, a key twice, a blank around
#: a name or value, an empty name, blanks JSON does not allow).
GOOD_TEXTS = [
    '{"plan": "premium"}',
    '{"plan":"standard"}',
    '{"plan": "premium", "channel": "en"}',
    '{"channel": "ja", "plan": "standard"}',
    "{}",
    "null",
    ' {"plan": "premium"} ',
    '{"plan": "プレミアム"}',
    '{"plan": "a,b"}',
]
BAD_TEXTS = [
    "premium",
    "[1]",
    '"text"',
    '{"plan": 1}',
    '{"plan": null}',
    '{"plan": {"a": "b"}}',
    '{"plan": "a", "plan": "b"}',
    '{"plan": " premium"}',
    '{" plan": "premium"}',
    '{"plan": ""}',
    '{"": "x"}',
    '{"plan": "premium"',
    '\u3000{"plan": "premium"}',
    '{"plan": NaN}',
]


@st.composite
def instants(draw: st.DrawFn) -> str:
    day = draw(st.integers(2, 27))
    hour = draw(st.integers(0, 23))
    return f"2026-11-{day:02d}T{hour:02d}:{draw(st.sampled_from(['00', '15', '30']))}:00+09:00"


# -- CSV ---------------------------------------------------------------------------------


@st.composite
def csv_logs(draw: st.DrawFn) -> tuple[bytes, list[tuple[str, str, str]]]:
    """A CSV log, and each row's type, priority and ``attributes`` cell as drawn."""
    header = ["event", "at", "id", "priority", "attributes"]
    if draw(st.booleans()):
        header.append("note")
    rows = []
    drawn = []
    for _ in range(draw(st.integers(1, 14))):
        cell = draw(st.sampled_from([*GOOD_TEXTS, *GOOD_TEXTS, *BAD_TEXTS, "", " ", "\u3000"]))
        row = [draw(st.sampled_from(TYPES)), draw(instants()), draw(st.sampled_from(["INC-1", "INC-2", "OUT-1"]))]
        row += [draw(st.sampled_from(["P1", "P2", ""])), cell]
        if len(header) > 5:
            row.append("x")
        rows.append(row)
        drawn.append((row[0], row[3], cell))
    if draw(st.booleans()):  # (a blank before every cell: the columns trimmed, the attributes read as written)
        header = [f" {name}" for name in header]
        rows = [[f" {cell}" for cell in row] for row in rows]
    out = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    csv.writer(out, quoting=quoting, lineterminator="\n").writerows([header, *rows])
    return out.getvalue().encode(), drawn


def csv_both_ways(path: Path, **opts: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        columns = outcome(lambda: read_events(path, **opts))
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_rows = outcome(lambda: read_events(path, **opts))
    return columns, by_rows


def csv_handed(path: Path) -> list[int] | None:
    """The lines the CSV columns hand back (None: the file left to the CSV reader)."""
    handed: list[int] = []
    taken = read_csv_columns(path, EventLog(str(path)), lambda cells, line: handed.append(line))
    return handed if taken else None


@pytest.fixture(scope="module")
def spot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("attributes")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(csv_logs(), st.booleans(), st.booleans())
def test_csv_attributes_on_columns_as_by_rows(
    spot: Path, log: tuple[bytes, list[tuple[str, str, str]]], skip: bool, defer: bool
) -> None:
    data, drawn = log
    path = spot / "events.csv"
    path.write_bytes(data)
    columns, by_rows = csv_both_ways(path, skip_invalid=skip, defer=defer)
    assert columns == by_rows
    handed = csv_handed(path)
    assert handed is not None
    for line, (event, priority, cell) in enumerate(drawn, start=2):
        if event in ("incident.reported", "outage.started") and cell in BAD_TEXTS:
            assert line in handed  # a bad cell is always the models'
        well_formed = event in ("outage.started", "incident.responded") or (event == TYPES[0] and priority)
        if cell in GOOD_TEXTS and well_formed:
            assert line not in handed  # a good one on an event otherwise well formed, never


def reports(n: int, cells: list[str]) -> list[list[str]]:
    rows = [["event", "at", "id", "priority", "attributes"]]
    for k in range(n):
        rows.append(
            ["incident.reported", f"2026-11-{2 + k % 26:02d}T10:00:00+09:00", f"INC-{k}", "P1", cells[k % len(cells)]]
        )
        rows.append(["incident.responded", f"2026-11-{2 + k % 26:02d}T10:30:00+09:00", f"INC-{k}", "", ""])
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_a_csv_log_whose_every_report_gives_its_plan_stays_on_columns(tmp_path: Path) -> None:
    """Three thousand reports with their plan (past the thousand rows the columns hand back): none is
    handed back, and the log is the CSV reader's."""
    path = write_csv(tmp_path / "events.csv", reports(3_000, ['{"plan": "premium"}', '{"plan":"standard"}']))
    assert csv_handed(path) == []
    columns, by_rows = csv_both_ways(path)
    assert columns == by_rows and columns[2] == 6_000
    assert columns[1][0]["INC-0"][0][2] == ("P1", None, '{"plan":"premium"}')


def test_only_the_rows_of_bad_attributes_are_handed_back(tmp_path: Path) -> None:
    rows = reports(2_000, ['{"plan": "premium"}'])
    rows[5][4] = '{"plan": "premium"'  # line 6: not JSON
    rows[7][4] = '["premium"]'  # line 8: not an object
    rows[9][4] = '{"plan": "a", "plan": "b"}'  # line 10: a key twice
    path = write_csv(tmp_path / "events.csv", rows)
    assert csv_handed(path) == [6, 8, 10]
    columns, by_rows = csv_both_ways(path, skip_invalid=True)
    assert columns == by_rows and [line for line, *_ in columns[4]] == [6, 8, 10]


def evaluate(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    said = capsys.readouterr()
    return code, said.out, said.err


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_sla_evaluate_words_an_unknown_attribute_or_value_alike_either_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """E128 and E129 (an attribute or a value the policy does not declare) and a bad cell (E109; a line cut
    short in JSON Lines, E100) at the same lines, with the same words, from the columns and from the row
    reader; and the same report. (JSON Lines have no header: each line one before the CSV's row.)"""
    rows = reports(1_500, ['{"plan": "premium"}', '{"plan": "standard", "channel": "en"}'])
    rows[3][4] = '{"plan": "gold"}'  # line 4: E129
    rows[11][4] = '{"tier": "1"}'  # line 12: E128
    rows[21][4] = '{"plan": "premium"'  # line 22: not JSON
    path = tmp_path / f"events.{suffix}"
    if suffix == "csv":
        write_csv(path, rows)
    else:
        lines = []
        for row in rows[1:]:
            event = dict(zip(rows[0][:4], row[:4], strict=True))
            if not event["priority"]:
                del event["priority"]
            line = json.dumps(event)
            if row[4]:
                line = line[:-1] + f', "attributes": {row[4]}}}'
            lines.append(line)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["evaluate", str(PLANS), str(path), "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"]
    with mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0):
        columns = evaluate(args, capsys)
        refused = evaluate([*args, "--lang", "ja"], capsys)
        kept = evaluate([*args, "--skip-invalid"], capsys)
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        assert evaluate(args, capsys) == columns
        assert evaluate([*args, "--lang", "ja"], capsys) == refused
        assert evaluate([*args, "--skip-invalid"], capsys) == kept
    assert columns[0] == 1
    head = suffix == "csv"
    for line, code in ((4, "E129"), (12, "E128"), (22, "E109" if head else "E100")):
        assert f"events.{suffix}:{line - (not head)}: error: [{code}]" in columns[2]
    assert kept[0] == 0 and len(json.loads(kept[1])["incidents"]) == 1_497


# -- JSON Lines ----------------------------------------------------------------------------

#: ``attributes`` objects as JSON Lines write them (a null, a number, an object in one: the line reader's).
OBJECTS = [
    {"plan": "premium"},
    {"plan": "standard", "channel": "en"},
    {"channel": "ja"},
    {},
    None,
    {"plan": None},
    {"plan": 1},
    {"plan": {"a": "b"}},
    {"plan": " premium"},
    {"plan": ""},
    '{"plan": "premium"}',
    "premium",
]


@st.composite
def jsonl_logs(draw: st.DrawFn) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 14))):
        row: dict[str, Any] = {"event": draw(st.sampled_from(TYPES)), "at": draw(instants())}
        row["id"] = draw(st.sampled_from(["INC-1", "INC-2", "OUT-1"]))
        if draw(st.booleans()):
            row["priority"] = draw(st.sampled_from(["P1", "P2", None]))
        if draw(st.integers(0, 3)):
            row["attributes"] = draw(st.sampled_from(OBJECTS))
        if draw(st.booleans()):
            row["note"] = draw(st.sampled_from([None, "nullable", "x"]))
        lines.append(json.dumps(row, ensure_ascii=draw(st.booleans())))
    return lines


def jsonl_both_ways(path: Path, block: int, **opts: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    with (
        mock.patch.object(lines_module, "COLUMNS_FROM_BYTES", 0),
        mock.patch.object(jsonl_columns, "_BLOCK", block),
    ):
        columns = outcome(lambda: read_events(path, **opts))
    with mock.patch.object(lines_module, "COLUMNS_UP_TO_BYTES", -1):
        by_lines = outcome(lambda: read_events(path, **opts))
    return columns, by_lines


def jsonl_handed(path: Path, block: int = 4 << 20) -> list[int] | None:
    """The lines the JSON Lines columns hand back (None: the file left to the line reader)."""
    handed: list[int] = []
    with mock.patch.object(jsonl_columns, "_BLOCK", block):
        taken = read_jsonl_columns(path, EventLog(str(path)), lambda raw, line: handed.append(line))
    return handed if taken else None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(jsonl_logs(), st.sampled_from([300, 4 << 20]), st.booleans())
def test_jsonl_attributes_on_columns_as_by_lines(spot: Path, lines: list[str], block: int, skip: bool) -> None:
    path = spot / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columns, by_lines = jsonl_both_ways(path, block, skip_invalid=skip)
    assert columns == by_lines
    handed = jsonl_handed(path, block)
    if handed is None:
        return  # (Arrow reads a field changing its type otherwise: the line reader's, as before)
    for number, line in enumerate(lines, start=1):
        row = json.loads(line)
        attributes = row.get("attributes")
        well_formed = row["event"] in ("outage.started", "incident.responded") or (
            row["event"] == TYPES[0] and row.get("priority")
        )
        texts = type(attributes) is dict and all(type(v) is str and v.strip() == v != "" for v in attributes.values())
        if well_formed and texts and "null" not in line:
            assert number not in handed  # an object of texts: on columns


def test_a_jsonl_log_whose_every_report_gives_its_plan_stays_on_columns(tmp_path: Path) -> None:
    """Three thousand reports with their plan, some with a channel too (the others' struct field null, told
    from a ``null`` given by the line): none handed back, and the line reader's log."""
    lines = []
    for row in reports(3_000, ['{"plan": "premium"}', '{"plan": "standard", "channel": "en"}'])[1:]:
        event: dict[str, Any] = {"event": row[0], "at": row[1], "id": row[2]}
        if row[3]:
            event |= {"priority": row[3], "attributes": json.loads(row[4])}
        lines.append(json.dumps(event))
    lines[9] = lines[9][:-1] + ', "attributes": {"plan": "gold", "channel": null}}'  # (a response's: noted unread)
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert jsonl_handed(path) == [10]  # (its explicit null: the line reader's)
    columns, by_lines = jsonl_both_ways(path, 4 << 20)
    assert columns == by_lines and columns[2] == 6_000
    assert columns[1][0]["INC-1"][0][2] == ("P1", None, '{"channel":"en","plan":"standard"}')


# -- Parquet and Arrow tables -----------------------------------------------------------------

MAPS: list[list[tuple[str, Any]] | None] = [
    [("plan", "premium")],
    [("plan", "standard"), ("channel", "en")],
    [("channel", "en"), ("plan", "standard")],
    [],
    None,
    [("plan", None)],
    [("plan", "a"), ("plan", "b")],
    [(" plan", "premium")],
    [("plan", "")],
]
STRUCTS: list[dict[str, Any] | None] = [
    {"plan": "premium", "channel": None},
    {"plan": "standard", "channel": "en"},
    {"plan": None, "channel": None},
    {"plan": " x", "channel": "ja"},
    None,
]


@st.composite
def attribute_columns(draw: st.DrawFn, n: int) -> pa.Array:
    kind = draw(st.sampled_from(["map", "struct", "odd struct", "text", "large text", "view", "dictionary"]))
    if kind == "map":
        return pa.array([draw(st.sampled_from(MAPS)) for _ in range(n)], pa.map_(pa.string(), pa.string()))
    if kind == "struct":
        return pa.array(
            [draw(st.sampled_from(STRUCTS)) for _ in range(n)],
            pa.struct([("plan", pa.string()), ("channel", pa.string())]),
        )
    if kind == "odd struct":  # (a field that is no text, a name twice)
        fields = draw(st.sampled_from([[("plan", pa.string()), ("tier", pa.int64())], [("plan", pa.string())] * 2]))
        cells = [draw(st.sampled_from([None, {"plan": "premium"}, {"plan": "x", "tier": 1}])) for _ in range(n)]
        if fields[0] == fields[1]:
            return pa.StructArray.from_arrays(
                [pa.array([c and c["plan"] for c in cells], pa.string())] * 2, fields=[pa.field(*f) for f in fields]
            )
        return pa.array(cells, pa.struct(fields))
    texts = [draw(st.sampled_from([*GOOD_TEXTS, *BAD_TEXTS, None, "", " "])) for _ in range(n)]
    if kind == "dictionary":
        return pa.array(texts, pa.string()).dictionary_encode()
    return pa.array(texts, {"text": pa.string(), "large text": pa.large_string(), "view": pa.string_view()}[kind])


@st.composite
def tables(draw: st.DrawFn) -> pa.Table:
    n = draw(st.integers(1, 14))
    table = pa.table(
        {
            "event": pa.array([draw(st.sampled_from(TYPES)) for _ in range(n)]),
            "at": pa.array([draw(instants()) for _ in range(n)]),
            "id": pa.array([draw(st.sampled_from(["INC-1", "INC-2", "OUT-1"])) for _ in range(n)]),
            "priority": pa.array([draw(st.sampled_from(["P1", "P2", None])) for _ in range(n)], pa.string()),
            "attributes": draw(attribute_columns(n)),
        }
    )
    cut = draw(st.integers(0, n - 1))
    if draw(st.booleans()):  # sliced and in several chunks, as batches come from files
        table = pa.concat_tables([table.slice(0, cut), table.slice(cut)])
    return table


def table_outcome(table: pa.Table, columns: bool, batch: int) -> tuple[Any, ...]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(arrow._Reader, "columns", columns)
        mp.setattr(arrow, "_BATCH", batch)
        try:
            log: EventLog = read_table(table)
        except EventInputError as exc:
            return ("error", [(p.line, p.code, p.column, p.message, p.help) for p in exc.problems])
    return ("log", [list(g.items()) for g in log.groups], log.count, sorted(log.unread))


@settings(max_examples=400, deadline=None)
@given(tables(), st.sampled_from([3, 65_536]))
def test_table_attributes_on_columns_as_by_rows(table: pa.Table, batch: int) -> None:
    assert table_outcome(table, True, batch) == table_outcome(table, False, batch)


def models_asked(table: pa.Table, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows the columns hand to the models."""
    asked: list[int] = []
    judge = arrow._Reader.slow

    def slow(self: arrow._Reader, cols: Any, i: int, line: int) -> None:
        asked.append(line)
        judge(self, cols, i, line)

    monkeypatch.setattr(arrow._Reader, "slow", slow)
    try:
        read_table(table)
    except EventInputError:
        pass
    return asked


@pytest.mark.parametrize(
    "column",
    [
        pa.array(
            [[("plan", "premium")], [("plan", "standard"), ("channel", "en")], [], None],
            pa.map_(pa.string(), pa.string()),
        ),
        pa.array([{"plan": "premium"}, {"plan": "standard", "channel": "en"}, {}, None]),
        pa.array([{"plan": "premium"}, {"plan": "standard", "channel": "en"}, {}, None]).cast(
            pa.struct([("plan", pa.string()), ("channel", pa.string())])
        ),
        pa.array(['{"plan": "premium"}', '{"plan": "standard", "channel": "en"}', "{}", None]),
        pa.array(['{"plan": "premium"}', '{"plan": "standard", "channel": "en"}', "null", None]).dictionary_encode(),
    ],
    ids=["map", "struct", "struct of every key", "text", "dictionary"],
)
def test_a_table_with_attributes_is_filed_on_columns(column: pa.Array, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 4_000
    rows = pa.table(
        {
            "event": ["incident.reported"] * n,
            "at": ["2026-11-02T10:00:00+09:00"] * n,
            "id": [f"INC-{k}" for k in range(n)],
            "priority": ["P1"] * n,
            "attributes": pa.concat_arrays([column] * (n // len(column))),
        }
    )
    assert models_asked(rows, monkeypatch) == []
    log = read_table(rows)
    assert [log.incidents[f"INC-{k}"][0][2][2] for k in range(4)] == [
        '{"plan":"premium"}',
        '{"channel":"en","plan":"standard"}',
        None,
        None,
    ]


@pytest.mark.parametrize(
    "bad",
    [
        pa.array([[("plan", None)], [("plan", "a"), ("plan", "b")]], pa.map_(pa.string(), pa.string())),
        pa.array([{"plan": " premium"}, {"plan": ""}]),
        pa.array(['{"plan": "premium"', '["premium"]']),
    ],
    ids=["map", "struct", "text"],
)
def test_only_the_rows_of_bad_attributes_go_to_the_models(bad: pa.Array, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 2_000
    good = {"map": [("plan", "premium")], "struct": {"plan": "premium"}, "text": '{"plan": "premium"}'}
    kind = "map" if pa.types.is_map(bad.type) else "struct" if pa.types.is_struct(bad.type) else "text"
    cells = pa.concat_arrays(
        [
            pa.array([good[kind]] * 6, bad.type),
            bad.slice(0, 1),
            pa.array([good[kind]] * (n - 9), bad.type),
            bad.slice(1, 1),
            pa.array([good[kind]], bad.type),
        ]
    )
    rows = pa.table(
        {
            "event": ["incident.reported"] * n,
            "at": ["2026-11-02T10:00:00+09:00"] * n,
            "id": [f"INC-{k}" for k in range(n)],
            "priority": ["P1"] * n,
            "attributes": cells,
        }
    )
    assert models_asked(rows, monkeypatch) == [7, n - 1]
    assert table_outcome(rows, True, 65_536) == table_outcome(rows, False, 65_536)

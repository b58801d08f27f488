"""The reader: well-formed logs in any format, every bad line located and worded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.events import CODE, IncidentReported, log_from, parse_event
from sla_dsl.reader import EventInputError, fast_epoch, read_events, read_text

HERE = Path(__file__).parent
# A case's line is ``line`` written ``repeat`` times (a line over the 1 MiB cap stays readable here).
CORPUS = [
    {**c, "line": c["line"] * c.get("repeat", 1)} for c in json.loads((HERE / "malformed.json").read_text("utf-8"))
]
GOOD = '{"event":"incident.responded","at":"2026-11-02T11:00:00+09:00","id":"INC-1"}'


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_malformed_line_is_located_and_worded(case: dict[str, str]) -> None:
    text = f"# a comment\n{GOOD}\n\n{case['line']}\n{GOOD}\n"
    with pytest.raises(EventInputError) as info:
        read_text(text, "ev.jsonl")
    first = info.value.problems[0]
    assert (first.source, first.line, first.code) == ("ev.jsonl", 4, case["code"])
    assert case["message"] in first.message
    assert str(info.value).startswith(f"ev.jsonl:4: error: [{case['code']}] ")


def test_every_bad_line_is_reported_not_only_the_first() -> None:
    lines = [GOOD] + [c["line"] for c in CORPUS]
    with pytest.raises(EventInputError) as info:
        read_text("\n".join(lines), "ev.jsonl")
    bad_lines = {p.line for p in info.value.problems}
    assert bad_lines == set(range(2, len(CORPUS) + 2))
    assert str(info.value).splitlines()[-1].startswith(f"{len(CORPUS)} invalid event lines (E10")


def test_skip_invalid_keeps_good_lines_and_lists_the_skipped(tmp_path: Path) -> None:
    f = tmp_path / "ev.jsonl"
    f.write_text(f"{GOOD}\n{CORPUS[0]['line']}\n{GOOD.replace('INC-1', 'INC-2')}\n")
    log = read_events(f, skip_invalid=True)
    assert sorted(log.incidents) == ["INC-1", "INC-2"]
    assert len(log.skipped) == 1 and log.skipped[0].startswith(f"{f}:2: error: [E100]")


def test_fast_and_model_paths_agree() -> None:
    odd = '{"event":"incident.reported","at":"2026-11-02 10:00:00.250+09:00","id":" INC-1 ","priority":"P1"}'
    plain = '{"event":"incident.reported","at":"2026-11-02T10:00:00.250+09:00","id":"INC-1","priority":"P1"}'
    a = read_text(odd).incidents["INC-1"][0]
    b = read_text(plain).incidents["INC-1"][0]
    assert a[:3] == b[:3]


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-02T10:00:00+09:00",
        "2026-11-02T01:00:00Z",
        "2026-11-01T20:00:00-05:00",
        "2026-11-02T10:00:00.123456+09:00",
        "2024-02-29T23:59:59+00:00",
    ],
)
def test_fast_epoch_matches_fromisoformat(text: str) -> None:
    import datetime as dt

    assert fast_epoch(text) == pytest.approx(dt.datetime.fromisoformat(text).timestamp(), abs=1e-6)


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-02T10:00:00",
        "2026-11-02",
        "2026-11-02T25:00:00+09:00",
        5,
        "2026-11-02T10:+4:00+09:00",
        "2026-W45-1T10:00:00+09:00",
        "2026-11-02T10:00:60+09:00",
        "2026-11-02T10:00:00+09:00x",
    ],
)
def test_fast_epoch_declines_what_it_does_not_know(text: object) -> None:
    assert fast_epoch(text) is None


def test_fast_epoch_same_after_the_hour_is_cached() -> None:
    import datetime as dt

    for text in ("2026-11-02T10:00:00+09:00", "2026-11-02T10:59:59+09:00", "2026-11-02T10:07:03+09:00"):
        assert fast_epoch(text) == dt.datetime.fromisoformat(text).timestamp()
    assert fast_epoch("2026-11-02T10:60:00+09:00") is None


@pytest.mark.parametrize("at", ["2026-11-02T10:+4:00+09:00", "2026-W45-1T10:00:00+09:00"])
def test_odd_times_get_the_models_verdict(at: str) -> None:
    line = GOOD.replace("2026-11-02T11:00:00+09:00", at)
    with pytest.raises(EventInputError) as info:
        read_text(f"{GOOD}\n{line}\n", "ev.jsonl")
    assert [(p.line, p.code) for p in info.value.problems] == [(2, "E104")]


def test_bom_blank_and_comment_lines_between_events() -> None:
    text = f"\ufeff{GOOD}\n   \n# note\n\x0c{GOOD.replace('INC-1', 'INC-2')}\r\n"
    log = read_text(text)
    assert sorted(log.incidents) == ["INC-1", "INC-2"] and log.count == 2
    assert log.incidents["INC-2"][0][3] == 4


def test_extra_fields_are_kept_on_models() -> None:
    ev = parse_event(
        {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I", "priority": "P2", "ticket": 42}
    )
    assert isinstance(ev, IncidentReported)
    assert ev.model_extra == {"ticket": 42}


def test_csv_same_columns(tmp_path: Path) -> None:
    f = tmp_path / "ev.csv"
    f.write_text(
        "# exported from the ticket system\n"
        "id,event,at,priority,cause,assignee\n"
        "INC-1,incident.reported,2026-11-02T10:00:00+09:00,P1,,sato\n"
        "\n"
        "INC-1,incident.responded,2026-11-02T11:00:00+09:00,,,sato\n"
        "INC-2,incident.reported,2026-11-02T10:00:00,P9,,\n"
        "INC-3,incident.reported,2026-11-02T10:00:00+09:00,P1,,x,extra\n",
        encoding="utf-8",
    )
    with pytest.raises(EventInputError) as info:
        read_events(f)
    assert [(p.line, p.code) for p in info.value.problems] == [(6, "E105"), (7, "E111")]
    log = read_events(f, skip_invalid=True)
    assert [r[1] for r in log.incidents["INC-1"]] == [CODE["incident.reported"], CODE["incident.responded"]]


def test_csv_header_must_name_the_columns(tmp_path: Path) -> None:
    f = tmp_path / "ev.csv"
    f.write_text("kind,when\nx,y\n")
    with pytest.raises(EventInputError, match=r"E110.*`event`, `at`, `id`"):
        read_events(f)


@pytest.mark.parametrize(
    ("header", "helped"),
    [
        (  # (`Priority` too: left as it is, the priorities would be unread once the others were fixed)
            "Event,At,ID,Priority",
            "column names are lower case: write `Event`, `At`, `ID`, `Priority` as `event`, `at`, `id`, `priority`",
        ),
        ("event;at;id;priority", "separate the columns with commas (`,`), not `;`"),
        ("kind,when", "the first row must name the columns"),
    ],
    ids=["case", "semicolons", "other"],
)
def test_a_csv_header_in_another_case_or_separator_says_what_to_write(header: str, helped: str, tmp_path: Path) -> None:
    """A ServiceNow export names its columns `Event,At,ID`; a European spreadsheet separates them by `;`.
    Both said "lacks column `event`, `at`, `id`" with no hint of why."""
    f = tmp_path / "ev.csv"
    f.write_text(f"{header}\nincident.reported,2026-11-02T10:00:00+09:00,A,P1\n")
    with pytest.raises(EventInputError) as caught:
        read_events(f)
    (problem,) = caught.value.problems
    assert problem.code == "E110" and helped in str(problem.help), problem.help


def test_api_dicts_are_validated_with_their_index() -> None:
    with pytest.raises(EventInputError, match=r"<events>:2: error: \[E105\]"):
        log_from([json.loads(GOOD), {"event": "incident.responded", "at": "2026-11-02T10:00:00", "id": "X"}])


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    from sla_dsl.errors import InputError

    with pytest.raises(InputError, match="cannot read events"):
        read_events(tmp_path / "nope.jsonl")


def test_reader_streams(tmp_path: Path) -> None:
    """A log is consumed line by line: the reader accepts any iterable of lines."""
    from sla_dsl.reader import read_jsonl

    def lines():  # type: ignore[no-untyped-def]
        for i in range(1000):
            yield (GOOD.replace("INC-1", f"INC-{i}") + "\n").encode()

    log = read_jsonl(lines(), "gen")  # type: ignore[arg-type]
    assert log.count == 1000 and len(log.incidents) == 1000


def test_fractions_of_a_second_are_the_same_from_the_tables() -> None:
    import datetime as dt

    # A date and offset no other test uses: the first call parses and fills the
    # tables, the second adds the fraction to the whole seconds found there.
    for text in ("2031-05-06T07:08:09.25+05:30", "2031-05-06T07:08:09.123456+05:30", "2031-05-06T07:59:00.5+05:30"):
        cold = fast_epoch(text)
        assert cold is not None and fast_epoch(text) == cold
        assert cold == pytest.approx(dt.datetime.fromisoformat(text).timestamp(), abs=1e-6)
    for text in ("2031-05-06T07:08:09.+05:30", "2031-05-06T07:08:09.1234567+05:30", "2031-05-06T07:08:09.5.000+05:30"):
        assert fast_epoch(text) is None


def test_a_line_holds_one_json_value() -> None:
    # Joined with commas into one array these three lines would decode to three
    # objects; each of them is still an error of its own line.
    lines = [f"{GOOD}, {GOOD.replace('INC-1', 'INC-2')}", GOOD.replace("}", ', "x": [1'), "2]}"]
    with pytest.raises(EventInputError) as info:
        read_text("\n".join(lines), "ev.jsonl")
    assert [(p.line, p.code) for p in info.value.problems] == [(1, "E100"), (2, "E100"), (3, "E100")]


def test_progress_every_100000_lines_before_that_line_is_filed() -> None:
    import io

    from sla_dsl.events import EventLog
    from sla_dsl.reader import read_jsonl

    log = EventLog("gen")
    calls: list[tuple[int, int, int]] = []

    def progress(lines: int, read: int) -> None:
        calls.append((lines, read, sum(map(len, log.incidents.values()))))

    line = (GOOD + "\n").encode()
    read_jsonl(io.BytesIO(line * 200_001), "gen", progress=progress, log=log)
    assert calls == [(100_000, 100_000 * len(line), 99_999), (200_000, 200_000 * len(line), 199_999)]
    assert log.count == 200_001


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        # the key that is there is the event's own `id`, not a misspelt `kind`
        ('{"event":"backup.completed","at":"2026-11-02T10:00:00+09:00","id":"B-1"}', None),
        (
            '{"event":"backup.completed","at":"2026-11-02T10:00:00+09:00","id":"B-1","knd":"full"}',
            "found `knd`: did you mean `kind`?",
        ),
        (
            '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"I-1","priorty":"P1"}',
            "found `priorty`: did you mean `priority`?",
        ),
    ],
)
def test_missing_field_hint_names_only_a_key_the_type_does_not_have(line: str, hint: str | None) -> None:
    with pytest.raises(EventInputError) as info:
        read_text(line + "\n", "ev.jsonl")
    (problem,) = info.value.problems
    assert problem.code == "E102" and problem.help == hint
